/* attachment.c: files attached to documents and tasks, kept in the store with their hash, size and type. */
#include "core/registry/attachment.h"

#include <sodium.h>
#include <string.h>

#include "db/db.h"

#define CT_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const char *attachment_type(const void *data, size_t len)
{
	const unsigned char *p = data;

	if (!p || len < 8)
		return NULL;
	if (memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "image/jpeg";
	/* Office Open XML: a zip whose part names say which (they are stored uncompressed) */
	if (memcmp(p, "PK\x03\x04", 4) == 0) {
		if (memmem(p, len, "word/document.xml", 17))
			return CT_DOCX;
		if (memmem(p, len, "xl/workbook.xml", 15))
			return CT_XLSX;
	}
	return NULL;
}

/* The base name of a browser's file name, cut to ATTACHMENT_NAME_MAX at a UTF-8 start; arena memory. */
static const char *base_name(const char *name, struct arena *a)
{
	const char *s = name ? name : "", *b;
	size_t n;

	for (b = s; *s; s++)
		if (*s == '/' || *s == '\\')
			b = s + 1;
	n = strlen(b);
	if (n > ATTACHMENT_NAME_MAX) {
		n = ATTACHMENT_NAME_MAX;
		while (n && ((unsigned char)b[n] & 0xc0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)b[i] < 0x20)
			return "tep";
	return n ? arena_strndup(a, b, n) : "tep";
}

int attachment_add(struct db *db, enum attachment_owner kind, int64_t owner_id, const void *data,
		   size_t len, const char *name, int64_t *ret_id, struct err *e)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[65];
	struct arena *a;
	const char *ctype = attachment_type(data, len), *base;
	int64_t found, id = 0;
	int r;

	if (!data || len == 0)
		return err_set(e, ERR_INVAL, "tệp: chọn tệp để đính kèm (tệp rỗng)");
	if (len > ATTACHMENT_MAX)
		return err_set(e, ERR_TOOBIG, "tệp: quá lớn (tối đa %u KB)", ATTACHMENT_MAX >> 10);
	if (!ctype)
		return err_set(e, ERR_INVAL,
			       "tệp: chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG (tệp '%s' không "
			       "phải các loại này)",
			       name && *name ? name : "đã chọn");
	r = db_query_int(db, kind == ATT_DOCUMENT ? SQL_ATT_DOCUMENT_EXISTS : SQL_ATT_TASK_EXISTS,
			 &found, "i", owner_id);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có %s số %lld",
			       kind == ATT_DOCUMENT ? "văn bản" : "nhiệm vụ", (long long)owner_id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	a = arena_new(4096);
	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	base = base_name(name, a);
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	r = db_begin_e(db, e);
	if (r == 0) {
		struct db_q *q;

		r = db_prepare(db, SQL_ATT_ADD, &q);
		if (r == 0) {
			db_bind_int(q, 1, kind == ATT_DOCUMENT ? owner_id : 0);
			db_bind_int(q, 2, kind == ATT_TASK ? owner_id : 0);
			db_bind_text(q, 3, base);
			db_bind_text(q, 4, ctype);
			db_bind_int(q, 5, (int64_t)len);
			db_bind_text(q, 6, hex);
			db_bind_blob(q, 7, data, len);
			r = db_step(q);
			db_done(q);
		}
		if (r >= 0)
			id = db_last_id(db);
		if (r < 0)
			r = db_err(db, e, r, "không lưu được tệp đính kèm");
		r = db_end(db, r < 0 ? r : 0, e);
	}
	arena_free(a);
	if (r == 0 && ret_id)
		*ret_id = id;
	return r;
}

static int att_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct attachment *t = row;

	/* ctx non-NULL: a list's row, with its uploader (column 8) */
	t->id = db_col_int(q, 0);
	t->document_id = db_col_int(q, 1);
	t->task_id = db_col_int(q, 2);
	t->name = db_col_strdup(q, 3, a);
	t->ctype = db_col_strdup(q, 4, a);
	t->size = db_col_int(q, 5);
	t->sha256 = db_col_strdup(q, 6, a);
	t->stored_at = db_col_strdup(q, 7, a);
	if (ctx) {
		t->uploader = db_col_strdup(q, 8, a);
		if (!t->uploader)
			return ERR_NOMEM;
	}
	return t->name && t->ctype && t->sha256 && t->stored_at ? 0 : ERR_NOMEM;
}

int attachment_list(struct db *db, enum attachment_owner kind, int64_t owner_id, struct arena *a,
		    struct attachment **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	void *rows = NULL;
	bool with_uploader = true;
	int r;

	r = db_query(db, kind == ATT_DOCUMENT ? SQL_ATT_LIST_DOCUMENT : SQL_ATT_LIST_TASK, &q, "i",
		     owner_id);
	if (r == 0)
		r = db_list(q, a, sizeof(struct attachment), att_row, &with_uploader, &rows, ret_n);
	if (r < 0)
		return db_err(db, e, r, "không đọc được tệp đính kèm");
	*ret = rows;
	return 0;
}

int attachment_get(struct db *db, int64_t id, struct arena *a, struct attachment *ret,
		   struct err *e)
{
	struct attachment t = {0};
	struct db_q *q;
	int r;

	r = db_query(db, SQL_ATT_GET, &q, "i", id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		size_t n = 0;

		r = att_row(q, a, &t, NULL);
		if (r == 0) {
			t.data = db_col_blob(q, 8, a, &n);
			r = t.data ? 0 : ERR_NOMEM;
		}
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "Không có tệp đính kèm số %lld", (long long)id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	*ret = t;
	return 0;
}
