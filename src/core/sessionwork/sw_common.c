/* sw_common.c: lookups and text checks shared by the session-work files. */
#include "core/sessionwork/sw_internal.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "vn/date.h"
#include "vn/text.h"

const char *sw_col0(struct arena *a, struct db_q *q, int col)
{
	const char *s = db_col_strdup(q, col, a);

	return s ? s : "";
}

int sw_session_get(struct db *db, int64_t id, struct arena *a, struct sw_session *ret,
		   struct err *e)
{
	struct db_q *q;
	const char *d;
	int r;

	r = db_prepare(db, SQL_SW_SESSION, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc phiên họp");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 0) {
		db_done(q);
		return err_set(e, ERR_NOTFOUND, "không có phiên họp số hiệu %lld", (long long)id);
	}
	if (r < 0) {
		db_done(q);
		return db_err(db, e, r, "đọc phiên họp");
	}
	memset(ret, 0, sizeof(*ret));
	ret->id = id;
	ret->organ_id = db_col_int(q, 0);
	ret->body_id = db_col_int(q, 1);
	ret->term_id = db_col_int(q, 2);
	ret->number = (int)db_col_int(q, 3);
	d = db_col_text(q, 4);
	snprintf(ret->date, sizeof(ret->date), "%s", d ? d : "");
	ret->organ_kind = sw_col0(a, q, 5);
	ret->organ = sw_col0(a, q, 6);
	ret->place = db_col_strdup(q, 7, a);
	db_done(q);
	if (!ret->organ_kind || !ret->organ)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	return 0;
}

int sw_members_count(struct db *db, int64_t organ_id, const char *date, int *ret, struct err *e)
{
	int64_t n = 0;
	int r = db_query_int(db, SQL_SW_MEMBERS_COUNT, &n, "it", organ_id, date);

	if (r < 0)
		return db_err(db, e, r, "đếm ủy viên");
	*ret = (int)n;
	return 0;
}

int sw_is_member(struct db *db, int64_t organ_id, int64_t person_id, const char *date, bool *ret,
		 struct err *e)
{
	int64_t n = 0;
	int r = db_query_int(db, SQL_SW_MEMBER_IN_OFFICE, &n, "iit", organ_id, person_id, date);

	if (r < 0)
		return db_err(db, e, r, "tra cứu thành viên");
	*ret = n > 0;
	return 0;
}

static int sw_name(struct db *db, enum db_stmt id, int64_t key, const char *what, struct arena *a,
		   const char **ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, id, &q);
	if (r < 0)
		return db_err(db, e, r, "%s", what);
	r = db_bindv(q, "i", key);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		*ret = sw_col0(a, q, 0);
		db_done(q);
		return 0;
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có %s số hiệu %lld", what, (long long)key);
	return db_err(db, e, r, "%s", what);
}

int sw_person_name(struct db *db, int64_t id, struct arena *a, const char **ret, struct err *e)
{
	return sw_name(db, SQL_SW_PERSON_NAME, id, "người", a, ret, e);
}

int sw_unit_name(struct db *db, int64_t id, struct arena *a, const char **ret, struct err *e)
{
	return sw_name(db, SQL_SW_UNIT_NAME, id, "đơn vị", a, ret, e);
}

int sw_text(struct arena *a, const char *s, size_t max, bool required, const char *what,
	    const char **ret, struct err *e)
{
	struct buf b = BUF_INIT(max);
	struct err e2 = {0};
	const char *p;
	size_t len;
	int r;

	*ret = NULL;
	if (s) {
		/* Leading and trailing white space carries nothing. */
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		len = strlen(s);
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
				   s[len - 1] == '\r'))
			len--;
	} else {
		len = 0;
	}
	if (len == 0) {
		if (required)
			return err_set(e, ERR_INVAL, "thiếu %s", what);
		return 0;
	}
	if (len > max)
		return err_set(e, ERR_TOOBIG, "%s quá dài (%zu byte, tối đa %zu)", what, len, max);
	r = vn_nfc(s, len, &b, &e2);
	if (r == ERR_TOOBIG) {
		buf_free(&b);
		return err_set(e, ERR_TOOBIG, "%s quá dài (tối đa %zu byte)", what, max);
	}
	if (r < 0) {
		buf_free(&b);
		return err_set(e, r, "%s: %s", what, err_msg(&e2, r));
	}
	p = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	if (!p)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	*ret = p;
	return 0;
}

int sw_date(const char *s, const char *what, char out[static 11], struct err *e)
{
	struct vn_date d;
	struct err e2 = {0};

	if (!s || !*s)
		return err_set(e, ERR_INVAL, "thiếu %s", what);
	if (vn_date_parse(s, strlen(s), 0, &d, &e2) < 0)
		return err_set(e, ERR_INVAL, "%s không hợp lệ: '%s' (%s)", what, s,
			       err_msg(&e2, ERR_INVAL));
	vn_date_iso(d, out);
	return 0;
}

int sw_bind_id(struct db_q *q, int idx, int64_t id)
{
	return id > 0 ? db_bind_int(q, idx, id) : db_bind_null(q, idx);
}

int sw_run(struct db_q *q)
{
	int r;

	while ((r = db_step(q)) == 1)
		;
	db_done(q);
	return r;
}

const char *sw_dmy(struct arena *a, const char *iso)
{
	const char *s;

	if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return iso ? iso : "";
	s = arena_printf(a, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return s ? s : iso;
}
