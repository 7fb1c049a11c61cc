/* db_fts.c: the 'dondoc' FTS5 tokenizer: words folded by vn_fold (tones, marks, case, đ→d), offsets kept. */
#include "db/db_fts.h"

#include <string.h>

#include "vn/text.h"

#define FTS_WORD_MAX 256

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
	return api->xCreateTokenizer(api, "dondoc", &handle, &tok, NULL);
}
