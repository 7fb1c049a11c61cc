/* db_fts.c: the 'dondoc' FTS5 tokenizer: words folded by vn_fold (tones, marks, case, đ→d), offsets kept. */
#include "db/db_fts.h"

#include <math.h>
#include <string.h>

#include "vn/text.h"

#define FTS_WORD_MAX 256
/*
 * dondoc_rank counts the rows holding each searched word up to this many:
 * FTS5's bm25 counts them all, a full pass over the word's index (50 ms for
 * two common words among 10^6 rows) before the first row is scored. Past the
 * cap a word is common and its weight hardly changes.
 */
#define FTS_DF_CAP 5000

/* Punctuation outside ASCII that separates words: – — ‘ ’ “ ” … and no-break space. */
static size_t fts_separator(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[0] == 0xc2 && (s[1] == 0xa0 || s[1] == 0xab || s[1] == 0xbb))
		return 2;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    ((s[2] >= 0x93 && s[2] <= 0x94) || (s[2] >= 0x98 && s[2] <= 0x9d) || s[2] == 0xa6))
		return 3;
	return 0;
}

static bool fts_ascii_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **ret)
{
	/* The tokenizer keeps no state; any non-NULL handle will do. */
	*ret = (Fts5Tokenizer *)ctx;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *t)
{
}

static int fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int ntext,
			int (*token)(void *, int, const char *, int, int, int))
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = ntext > 0 ? (size_t)ntext : 0, i = 0;
	struct buf key = BUF_INIT(FTS_WORD_MAX * 2);
	int rc = SQLITE_OK;

	while (i < n && rc == SQLITE_OK) {
		size_t start, sep;

		/* Skip separators: ASCII that is not a letter or digit, and wide punctuation. */
		if (s[i] < 0x80 && !fts_ascii_word(s[i])) {
			i++;
			continue;
		}
		if ((sep = fts_separator(s + i, n - i))) {
			i += sep;
			continue;
		}
		start = i;
		while (i < n && (s[i] >= 0x80 || fts_ascii_word(s[i])) &&
		       !fts_separator(s + i, n - i))
			i++;
		if (i - start > FTS_WORD_MAX)
			continue; /* not a word anyone searches for */
		buf_reset(&key);
		if (vn_fold(text + start, i - start, &key) < 0 || key.len == 0)
			continue;
		rc = token(ctx, 0, key.data, (int)key.len, (int)start, (int)i);
	}
	buf_free(&key);
	return rc;
}

/* What dondoc_rank works out once per query: each word's weight, the mean row length. */
struct fts_rank_data {
	int nphrase;
	double avgdl;
	double *idf, *freq;
};

static int fts_df_count(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
	sqlite3_int64 *n = ctx;

	return ++*n >= FTS_DF_CAP ? SQLITE_DONE : SQLITE_OK;
}

static int fts_rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, struct fts_rank_data **ret)
{
	struct fts_rank_data *d = api->xGetAuxdata(fts, 0);
	sqlite3_int64 nrow = 0, ntok = 0;
	int nphrase, rc;

	if (d) {
		*ret = d;
		return SQLITE_OK;
	}
	nphrase = api->xPhraseCount(fts);
	d = sqlite3_malloc64(sizeof(*d) + sizeof(double) * 2 * (size_t)nphrase);
	if (!d)
		return SQLITE_NOMEM;
	d->nphrase = nphrase;
	d->idf = (double *)(d + 1);
	d->freq = d->idf + nphrase;
	rc = api->xRowCount(fts, &nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntok);
	d->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	for (int i = 0; i < nphrase && rc == SQLITE_OK; i++) {
		sqlite3_int64 n = 0;
		double idf;

		rc = api->xQueryPhrase(fts, i, &n, fts_df_count);
		idf = log(((double)nrow - (double)n + 0.5) / ((double)n + 0.5));
		d->idf[i] = idf > 1e-6 ? idf : 1e-6;
	}
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, d, sqlite3_free);
	else
		sqlite3_free(d);
	if (rc == SQLITE_OK)
		*ret = d;
	return rc;
}

/*
 * dondoc_rank(search_fts): bm25 (k1 1.2, b 0.75, every column weighing 1),
 * lower is better like FTS5's rank, with each word's row count capped at
 * FTS_DF_CAP so that scoring a few rows costs a few rows.
 */
static void fts_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
		     sqlite3_value **val)
{
	const double k1 = 1.2, b = 0.75;
	struct fts_rank_data *d = NULL;
	double score = 0.0;
	int rc, ninst = 0, len = 0;

	rc = fts_rank_data(api, fts, &d);
	if (rc == SQLITE_OK) {
		memset(d->freq, 0, sizeof(double) * (size_t)d->nphrase);
		rc = api->xInstCount(fts, &ninst);
	}
	for (int i = 0; i < ninst && rc == SQLITE_OK; i++) {
		int phrase, col, off;

		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && phrase >= 0 && phrase < d->nphrase)
			d->freq[phrase] += 1.0;
	}
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &len);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * (d->freq[i] * (k1 + 1.0)) /
			 (d->freq[i] + k1 * (1.0 - b + b * (double)len / d->avgdl));
	sqlite3_result_double(ctx, -score);
}

int db_fts_register(sqlite3 *h)
{
	static fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize};
	static int handle;
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api)
		return SQLITE_ERROR;
	rc = api->xCreateTokenizer(api, "dondoc", &handle, &tok, NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "dondoc_rank", NULL, fts_rank, NULL);
	return rc;
}
