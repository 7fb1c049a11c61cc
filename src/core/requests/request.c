/* request.c: reporting requests from a higher body to its lower bodies: checked, stored, answered. */
#include "core/requests/request.h"
#include "db/db.h"

#include <stdbool.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "util/buf.h"
#include "vn/date.h"
#include "vn/text.h"

struct lower {
	int64_t id;
	const char *name;
};

static int lower_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct lower *l = row;

	(void)ctx;
	l->id = db_col_int(q, 0);
	l->name = db_col_strdup(q, 1, a);
	return 0;
}

static int req_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct req *r = row;

	(void)ctx;
	r->id = db_col_int(q, 0);
	r->body_id = db_col_int(q, 1);
	r->body_name = db_col_strdup(q, 2, a);
	r->kind = db_col_strdup(q, 3, a);
	r->period = db_col_strdup(q, 4, a);
	r->due = db_col_strdup(q, 5, a);
	r->note = db_col_strdup(q, 6, a);
	r->created_at = db_col_strdup(q, 7, a);
	r->nto = (size_t)db_col_int(q, 8);
	r->nanswered = (size_t)db_col_int(q, 9);
	return 0;
}

static int to_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct req_to *t = row;

	(void)ctx;
	t->body_id = db_col_int(q, 0);
	t->body_name = db_col_strdup(q, 1, a);
	t->answered_at = db_col_strdup(q, 2, a);
	t->reminded_at = db_col_strdup(q, 3, a);
	return 0;
}

/* Checks n's fields into period (canonical), due (ISO) and note (NFC, trimmed). */
static int check_new(const struct req_new *n, char period[static 16], char due[static 11],
		     struct buf *note, struct err *e)
{
	struct vn_date d;
	struct ind_period p;
	struct err e2 = {0};
	const char *s;
	size_t len;

	if (!n->kind || (strcmp(n->kind, "figures") && strcmp(n->kind, "progress")))
		return err_set(e, ERR_INVAL,
			       "loại yêu cầu '%s' không hợp lệ: chọn figures (số liệu chỉ tiêu) "
			       "hoặc progress (tiến độ nhiệm vụ)",
			       n->kind ? n->kind : "");
	period[0] = 0;
	if (!strcmp(n->kind, "figures")) {
		if (!n->period || !n->period[0])
			return err_set(
			    e, ERR_INVAL,
			    "kỳ báo cáo: yêu cầu số liệu cần kỳ (ví dụ 2023-Q3, 2023-H1, 2023)");
		if (ind_period_parse(n->period, &p, &e2) < 0)
			return err_set(e, ERR_INVAL, "kỳ báo cáo '%s': %s", n->period, e2.msg);
		ind_period_code(p, period);
	} else if (n->period && n->period[0]) {
		return err_set(e, ERR_INVAL, "kỳ báo cáo chỉ dùng cho yêu cầu số liệu (figures)");
	}
	if (!n->due || !n->due[0])
		return err_set(e, ERR_INVAL, "hạn báo cáo không được để trống");
	if (vn_date_parse(n->due, strlen(n->due), 0, &d, &e2) < 0 || !vn_date_plausible(d))
		return err_set(e, ERR_INVAL, "hạn báo cáo '%s' không phải ngày hợp lệ (dd/mm/yyyy)",
			       n->due);
	if (vn_date_cmp(d, vn_date_today()) < 0)
		return err_set(e, ERR_INVAL,
			       "hạn báo cáo %02d/%02d/%04d đã qua: chọn hôm nay hoặc sau", d.d, d.m,
			       d.y);
	vn_date_iso(d, due);
	s = n->note ? n->note : "";
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
		       s[len - 1] == '\r'))
		len--;
	if (vn_nfc(s, len, note, NULL) < 0)
		return err_set(e, ERR_INVAL, "ghi chú không phải văn bản UTF-8 hợp lệ");
	if (note->len > REQ_NOTE_MAX)
		return err_set(e, ERR_INVAL, "ghi chú quá dài: tối đa %d byte", REQ_NOTE_MAX);
	return 0;
}

static int add(struct db *db, const struct req_new *n, struct arena *a, int64_t *ret_id,
	       struct err *e)
{
	struct buf note = BUF_INIT(REQ_NOTE_MAX * 2 + 16);
	char period[16], due[11];
	struct lower *low = NULL;
	size_t nlow = 0;
	struct db_q *q;
	int64_t id, have;
	int r;

	if (n->nto > REQ_TO_MAX) {
		r = err_set(e, ERR_INVAL, "nơi nhận: tối đa %d cơ quan", REQ_TO_MAX);
		goto out;
	}
	r = check_new(n, period, due, &note, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_BODY_EXISTS, &have, "i", n->body_id);
	if (r >= 0 && have == 0)
		r = err_set(e, ERR_NOTFOUND, "cơ quan yêu cầu: không có cơ quan số %lld",
			    (long long)n->body_id);
	if (r >= 0)
		r = db_query(db, SQL_REQ_LOWER, &q, "i", n->body_id);
	if (r >= 0)
		r = db_list(q, a, sizeof(*low), lower_row, NULL, (void **)&low, &nlow);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được yêu cầu báo cáo");
		goto out;
	}
	if (nlow == 0) {
		r = err_set(e, ERR_INVAL,
			    "cơ quan yêu cầu: cơ quan số %lld không có cơ quan cấp dưới",
			    (long long)n->body_id);
		goto out;
	}
	for (size_t i = 0; i < n->nto; i++) {
		bool found = false;

		for (size_t j = 0; j < nlow && !found; j++)
			found = low[j].id == n->to[i];
		for (size_t j = 0; j < i && found; j++)
			if (n->to[j] == n->to[i]) {
				r = err_set(e, ERR_INVAL,
					    "nơi nhận: cơ quan số %lld được chọn hai lần",
					    (long long)n->to[i]);
				goto out;
			}
		if (!found) {
			r = err_set(e, ERR_INVAL,
				    "nơi nhận: cơ quan số %lld không phải cơ quan cấp dưới trực "
				    "tiếp của cơ quan yêu cầu",
				    (long long)n->to[i]);
			goto out;
		}
	}
	r = db_exec(db, SQL_REQ_INSERT, "itttt", n->body_id, n->kind, period[0] ? period : NULL,
		    due, buf_str(&note));
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được yêu cầu báo cáo");
		goto out;
	}
	id = db_last_id(db);
	for (size_t i = 0; i < (n->nto ? n->nto : nlow) && r >= 0; i++)
		r = db_exec(db, SQL_REQ_TO_INSERT, "ii", id, n->nto ? n->to[i] : low[i].id);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được yêu cầu báo cáo");
		goto out;
	}
	*ret_id = id;
out:
	buf_free(&note);
	return r;
}

int req_add(struct db *db, const struct req_new *n, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(1u << 20);
	int64_t id = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = db_end(db, add(db, n, a, &id, e), e);
	if (r >= 0 && ret_id)
		*ret_id = id;
out:
	arena_free(a);
	return r;
}

int req_get(struct db *db, int64_t id, struct arena *a, struct req *ret, struct err *e)
{
	struct req r0 = {0};
	struct db_q *q;
	int r;

	r = db_query(db, SQL_REQ_GET, &q, "i", id);
	if (r >= 0)
		r = db_one(q, a, req_row, NULL, &r0, false);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có yêu cầu báo cáo số %lld", (long long)id);
	if (r >= 0)
		r = db_query(db, SQL_REQ_TO_LIST, &q, "i", id);
	if (r >= 0)
		r = db_list(q, a, sizeof(*r0.to), to_row, NULL, (void **)&r0.to, &r0.nto);
	if (r < 0)
		return db_err(db, e, r, "không đọc được yêu cầu báo cáo");
	*ret = r0;
	return 0;
}

int req_list(struct db *db, int64_t body_id, struct arena *a, struct req **ret, size_t *ret_n,
	     struct err *e)
{
	struct db_q *q;
	int r;

	r = db_query(db, SQL_REQ_LIST, &q, "i", body_id);
	if (r >= 0)
		r = db_list(q, a, sizeof(**ret), req_row, NULL, (void **)ret, ret_n);
	if (r < 0)
		return db_err(db, e, r, "không đọc được yêu cầu báo cáo");
	return 0;
}

static int answer(struct db *db, int64_t id, int64_t body_id, struct arena *a, struct err *e)
{
	struct req rq;
	int64_t answered, n;
	int r;

	r = req_get(db, id, a, &rq, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_REQ_TO_ANSWERED, &answered, "ii", id, body_id);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL,
			       "cơ quan báo cáo: yêu cầu số %lld không gửi tới cơ quan số %lld",
			       (long long)id, (long long)body_id);
	if (r < 0)
		return db_err(db, e, r, "không ghi được báo cáo");
	if (answered)
		return err_set(e, ERR_EXISTS, "cơ quan này đã gửi báo cáo cho yêu cầu số %lld",
			       (long long)id);
	if (!strcmp(rq.kind, "figures")) {
		r = db_query_int(db, SQL_REQ_HAS_FIGURES, &n, "it", body_id, rq.period);
		if (r < 0)
			return db_err(db, e, r, "không ghi được báo cáo");
		if (n == 0)
			return err_set(e, ERR_INVAL,
				       "chưa nhập số liệu chỉ tiêu kỳ %s: nhập số liệu rồi mới gửi "
				       "báo cáo",
				       rq.period);
	}
	r = db_exec(db, SQL_REQ_ANSWER, "ii", id, body_id);
	if (r < 0)
		return db_err(db, e, r, "không ghi được báo cáo");
	return 0;
}

int req_answer(struct db *db, int64_t id, int64_t body_id, struct err *e)
{
	struct arena *a = arena_new(1u << 20);
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r >= 0)
		r = db_end(db, answer(db, id, body_id, a, e), e);
	arena_free(a);
	return r;
}

const char *req_what(const struct req *r, struct arena *a)
{
	if (!strcmp(r->kind, "figures"))
		return arena_printf(a, "số liệu chỉ tiêu kỳ %s", r->period);
	return "báo cáo tiến độ thực hiện nhiệm vụ";
}
