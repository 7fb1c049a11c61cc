/* imp_run.c: importing one notice from bytes, for the CLI, the web page and the API alike. */
#include <string.h>

#include "core/accounts/account.h"
#include "import/import.h"

static const char *const format_names[] = {
    [IMP_FMT_TEXT] = "text",
    [IMP_FMT_LEGACY] = "legacy",
    [IMP_FMT_DOCX] = "docx",
    [IMP_FMT_PDF] = "pdf",
};
#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

const char *imp_format_name(enum imp_format f)
{
	return (size_t)f < NFORMATS ? format_names[f] : "text";
}

int imp_format_parse(const char *s, enum imp_format *ret)
{
	for (size_t i = 0; s && i < NFORMATS; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*ret = (enum imp_format)i;
			return 0;
		}
	return ERR_INVAL;
}

int imp_may_import(const struct account *actor, struct err *e)
{
	if (!actor || actor->rank >= RANK_OFFICE)
		return 0;
	return err_set(e, ERR_PERM,
		       "Tài khoản '%s' (vai trò %s) không được nhập văn bản; việc này do văn "
		       "phòng làm",
		       actor->login, actor->role);
}

/* The JSON the CLI prints for one file: the extraction, its source and what was stored. */
static json_t *result_json(const struct imp_request *q, const struct imp_notice *n,
			   const struct imp_stored *st)
{
	json_t *j = imp_to_json(n);

	if (!j)
		return NULL;
	json_object_set_new(j, "source",
			    json_pack("{s:s, s:s, s:s}", "file", q->name, "format",
				      imp_format_name(n->format), "encoding",
				      vn_encoding_name(n->encoding)));
	if (st)
		json_object_set_new(
		    j, "stored",
		    json_pack("{s:I, s:I, s:i, s:i, s:i}", "notice", (json_int_t)st->notice_id,
			      "document", (json_int_t)st->document_id, "placeholders", st->figures,
			      "tasks", st->tasks, "unbound", st->unbound));
	return j;
}

int imp_import(const struct imp_request *q, json_t **ret, int64_t *ret_existing, struct err *e)
{
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct arena *a = NULL;
	struct imp_notice *n = NULL;
	struct imp_stored st = {0};
	enum imp_format fmt = q->fmt;
	enum vn_encoding enc = q->enc;
	char hash[65];
	json_t *j;
	int r = imp_may_import(q->actor, e);

	if (r < 0)
		return r;
	if (q->text) {
		if (!q->len)
			return err_set(e, ERR_INVAL, "%s: tệp rỗng", q->name);
		r = buf_add(&text, q->data, q->len);
		if (r < 0) {
			r = err_set(e, r, "%s: văn bản quá dài (tối đa %u byte)", q->name,
				    IMP_MAX_TEXT);
			goto out;
		}
	} else {
		r = imp_load_mem(q->name, q->data, q->len, &text, &fmt, &enc, e);
		if (r < 0)
			goto out;
	}
	a = arena_new(64u << 20);
	if (!a) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	r = imp_extract(buf_str(&text), text.len, a, &n, e);
	if (r < 0)
		goto out;
	n->format = fmt;
	n->encoding = enc;
	if (q->db) {
		r = imp_hash(buf_str(&text), text.len, hash);
		if (r == 0)
			r = imp_store(q->db, n, q->actor, q->name, hash, imp_format_name(fmt), &st,
				      e);
		if (r == ERR_EXISTS && ret_existing)
			*ret_existing = st.notice_id;
		if (r < 0)
			goto out;
	}
	j = result_json(q, n, q->db ? &st : NULL);
	if (!j) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	if (q->text_out && (r = buf_add(q->text_out, buf_str(&text), text.len)) < 0) {
		json_decref(j);
		r = err_set(e, r, "%s: văn bản quá dài", q->name);
		goto out;
	}
	*ret = j;
out:
	arena_free(a);
	buf_free(&text);
	return r;
}
