/* rgroup.c: recipient groups (nơi nhận) and their lines: checked, normalised, stored. */
#include "core/registry/rgroup.h"
#include "db/db.h"

#include <stdbool.h>
#include <string.h>

#include "util/buf.h"
#include "util/email.h"
#include "vn/text.h"

/* s in NFC with white space trimmed, into b; ERR_INVAL naming what for bad UTF-8. */
static int nfc_trim(const char *s, const char *what, size_t max, struct buf *b, struct err *e)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (vn_nfc(s, n, b, NULL) < 0)
		return err_set(e, ERR_INVAL, "%s không phải văn bản UTF-8 hợp lệ", what);
	if (b->len > max)
		return err_set(e, ERR_INVAL, "%s quá dài: tối đa %zu byte", what, max);
	for (size_t i = 0; i < b->len; i++)
		if ((unsigned char)b->data[i] < 0x20)
			return err_set(e, ERR_INVAL, "%s không được chứa ký tự điều khiển", what);
	return 0;
}

static bool code_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > RGROUP_CODE_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '_' || *s == '-'))
			return false;
	return true;
}

static int group_add(struct db *db, int64_t body_id, const char *code, const char *name,
		     int64_t *ret_id, struct err *e)
{
	struct buf nm = BUF_INIT(RGROUP_NAME_MAX * 2 + 16);
	int64_t n;
	int r;

	if (!code || !code_ok(code)) {
		r = err_set(e, ERR_INVAL,
			    "mã nhóm nơi nhận '%s' không hợp lệ: 1–%d ký tự a-z, 0-9, '.', '_', "
			    "'-' (ví dụ tb-bch)",
			    code ? code : "", RGROUP_CODE_MAX);
		goto out;
	}
	r = nfc_trim(name ? name : "", "tên nhóm nơi nhận", RGROUP_NAME_MAX, &nm, e);
	if (r < 0)
		goto out;
	if (nm.len == 0) {
		r = err_set(e, ERR_INVAL, "tên nhóm nơi nhận không được để trống");
		goto out;
	}
	r = db_query_int(db, SQL_BODY_EXISTS, &n, "i", body_id);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được nơi nhận");
		goto out;
	}
	if (n == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có cơ quan số %lld", (long long)body_id);
		goto out;
	}
	r = db_exec(db, SQL_RGROUP_INSERT, "itt", body_id, code, buf_str(&nm));
	if (r == ERR_EXISTS) {
		r = err_set(e, r, "cơ quan này đã có nhóm nơi nhận mã '%s'", code);
		goto out;
	}
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được nơi nhận");
		goto out;
	}
	if (ret_id)
		*ret_id = db_last_id(db);
out:
	buf_free(&nm);
	return r;
}

static int line_add(struct db *db, int64_t group_id, const char *label, const char *email,
		    int64_t *ret_id, struct err *e)
{
	struct buf lb = BUF_INIT(RGROUP_LABEL_MAX * 2 + 16);
	const char *mail = NULL;
	char *l;
	size_t n;
	int64_t pos, have;
	int r;

	r = nfc_trim(label ? label : "", "dòng nơi nhận", RGROUP_LABEL_MAX, &lb, e);
	if (r < 0)
		goto out;
	/* "- Thường trực Huyện ủy," is stored as "Thường trực Huyện ủy": the layout adds both. */
	if (lb.len == 0) {
		r = err_set(e, ERR_INVAL, "dòng nơi nhận không được để trống");
		goto out;
	}
	l = lb.data;
	if (l[0] == '-')
		l++;
	while (*l == ' ')
		l++;
	n = strlen(l);
	while (n && (l[n - 1] == ',' || l[n - 1] == ';' || l[n - 1] == ' '))
		n--;
	if (n == 0) {
		r = err_set(e, ERR_INVAL, "dòng nơi nhận không được để trống");
		goto out;
	}
	if (email && email[0]) {
		r = email_check(email, "địa chỉ thư điện tử", e);
		if (r < 0)
			goto out;
		mail = email;
	}
	r = db_query_int(db, SQL_WEB_RGROUP_EXISTS, &have, "i", group_id);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được nơi nhận");
		goto out;
	}
	if (have == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có nhóm nơi nhận số %lld", (long long)group_id);
		goto out;
	}
	r = db_query_int(db, SQL_WEB_RECIPIENT_NEXT, &pos, "i", group_id);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được nơi nhận");
		goto out;
	}
	/* The label ends where the trailing punctuation began. */
	l[n] = '\0';
	r = db_exec(db, SQL_RECIPIENT_INSERT, "iitt", group_id, pos, l, mail);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được nơi nhận");
		goto out;
	}
	if (ret_id)
		*ret_id = db_last_id(db);
out:
	buf_free(&lb);
	return r;
}

int rgroup_add(struct db *db, int64_t body_id, const char *code, const char *name, int64_t *ret_id,
	       struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, group_add(db, body_id, code, name, ret_id, e), e);
}

int rgroup_line_add(struct db *db, int64_t group_id, const char *label, const char *email,
		    int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, line_add(db, group_id, label, email, ret_id, e), e);
}
