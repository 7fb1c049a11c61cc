/* reg_session.c: the registry's sessions and their agenda items: add, look up, list, move forward. */
#include "core/registry/registry.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/registry/docnum.h"
#include "core/registry/reg_int.h"
#include "util/buf.h"
#include "util/email.h"
#include "vn/date.h"
#include "vn/text.h"

/* ---- sessions and agenda ---- */

static const char *const session_kinds[] = {"thuong_ky", "bat_thuong", "chuyen_de", NULL};
static const char *const session_kind_names[] = {"thường kỳ", "bất thường", "chuyên đề"};
static const char *const session_statuses[] = {"planned", "held", "concluded", NULL};
static const char *const session_status_names[] = {"dự kiến", "đã họp", "đã kết luận"};

int reg_index_of(const char *s, const char *const *list)
{
	for (int i = 0; s && list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

int reg_session_kind_valid(const char *kind)
{
	return reg_in_list(kind, session_kinds);
}

int reg_session_status_valid(const char *status)
{
	return reg_in_list(status, session_statuses);
}

const char *reg_session_kind_name(const char *kind)
{
	int i = reg_index_of(kind, session_kinds);

	return i < 0 ? "" : session_kind_names[i];
}

const char *reg_session_status_name(const char *status)
{
	int i = reg_index_of(status, session_statuses);

	return i < 0 ? "" : session_status_names[i];
}

static int read_session(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_session *s = out;

	s->id = db_col_int(q, 0);
	s->organ_id = db_col_int(q, 1);
	s->term_id = db_col_int(q, 2);
	s->number = (int)db_col_int(q, 3);
	s->kind = db_col_strdup(q, 4, a);
	s->date = db_col_strdup(q, 5, a);
	s->place = db_col_strdup(q, 6, a);
	s->basis = db_col_strdup(q, 7, a);
	s->status = db_col_strdup(q, 8, a);
	s->start_time = db_col_strdup(q, 9, a);
	return 0;
}

int reg_norm_time(struct arena *a, const char *s, const char **ret, struct err *e)
{
	int h = 0, m = 0, nh = 0, nm = 0;
	const char *p = s;

	if (reg_blank(s)) {
		*ret = NULL;
		return 0;
	}
	while (*p == ' ')
		p++;
	for (; *p >= '0' && *p <= '9' && nh < 3; p++, nh++)
		h = h * 10 + (*p - '0');
	if (*p == ':' || *p == 'h' || *p == 'g')
		p++;
	else
		nh = 0;
	for (; *p >= '0' && *p <= '9' && nm < 3; p++, nm++)
		m = m * 10 + (*p - '0');
	while (*p == ' ')
		p++;
	if (nh < 1 || nh > 2 || nm != 2 || *p || h > 23 || m > 59)
		return err_set(
		    e, ERR_INVAL,
		    "giờ họp '%s' không hợp lệ: cần dạng giờ:phút, ví dụ 08:00 hoặc 14:30", s);
	*ret = arena_printf(a, "%02d:%02d", h, m);
	return *ret ? 0 : err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
}

static int reg_session_add_tx(struct db *db, const struct reg_session *in, int64_t *ret_id,
			      int *ret_number, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_session s = *in;
	struct reg_organ o;
	struct reg_term t;
	struct db_q *q;
	int64_t next;
	char msg[300];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (!s.kind)
		s.kind = "thuong_ky";
	if (!s.status)
		s.status = "planned";
	if (!reg_session_kind_valid(s.kind)) {
		r = err_set(e, ERR_INVAL,
			    "loại phiên họp '%s' không hợp lệ (thuong_ky, bat_thuong, chuyen_de)",
			    s.kind);
		goto out;
	}
	if (!reg_session_status_valid(s.status)) {
		r = err_set(e, ERR_INVAL,
			    "trạng thái phiên họp '%s' không hợp lệ (planned, held, concluded)",
			    s.status);
		goto out;
	}
	if (s.number < 0) {
		r = err_set(e, ERR_INVAL, "số phiên họp phải là số dương");
		goto out;
	}
	if ((r = reg_organ_get(db, s.organ_id, a, &o, e)) < 0 ||
	    (r = reg_term_get(db, s.term_id, a, &t, e)) < 0)
		goto out;
	if (o.body_id != t.body_id) {
		r = err_set(e, ERR_INVAL, "khóa %s không phải nhiệm kỳ của cơ quan có '%s'", t.name,
			    o.name);
		goto out;
	}
	if (reg_blank(in->date)) {
		r = err_set(e, ERR_INVAL, "thiếu ngày họp");
		goto out;
	}
	if ((r = reg_norm_date(a, in->date, "ngày họp", &s.date, e)) < 0 ||
	    (r = reg_norm_text(a, in->place, "địa điểm", false, NAME_MAX_BYTES, &s.place, e)) < 0 ||
	    (r = reg_norm_text(a, in->basis, "căn cứ", false, NAME_MAX_BYTES, &s.basis, e)) < 0 ||
	    (r = reg_norm_time(a, in->start_time, &s.start_time, e)) < 0)
		goto out;
	if (s.number == 0) {
		r = db_query_int(db, SQL_SESSION_NEXT_NUMBER, &next, "ii", s.organ_id, s.term_id);
		if (r < 0) {
			r = db_err(db, e, r, "không cấp được số phiên họp");
			goto out;
		}
		s.number = (int)next;
	}
	r = db_err(db, e,
		   db_query(db, SQL_SESSION_INSERT, &q, "iidtttttt", s.organ_id, s.term_id,
			    s.number, s.kind, s.date, s.place, s.basis, s.status, s.start_time),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "phiên họp thứ %d của %s khóa %s đã có", s.number, o.name,
		 t.name);
	r = reg_run_insert(db, q, ret_id, e, msg);
	if (r == 0 && ret_number)
		*ret_number = s.number;
out:
	arena_free(a);
	return r;
}

int reg_session_add(struct db *db, const struct reg_session *in, int64_t *ret_id, int *ret_number,
		    struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_session_add_tx(db, in, ret_id, ret_number, e), e);
}

int reg_session_get(struct db *db, int64_t id, struct arena *a, struct reg_session *ret,
		    struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_SESSION_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "phiên họp số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_session, NULL, ret, false), e, what);
}

int reg_session_find(struct db *db, int64_t organ_id, int64_t term_id, int number, struct arena *a,
		     struct reg_session *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_SESSION_FIND, &q, "iid", organ_id, term_id, number),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "phiên họp thứ %d", number);
	return reg_lookup_result(db, db_one(q, a, read_session, NULL, ret, false), e, what);
}

int reg_session_list(struct db *db, int64_t organ_id, struct arena *a, struct reg_session **ret,
		     size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_SESSION_LIST, &q, "i", organ_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_session, NULL, (void **)ret, ret_n), e,
	    "phiên họp");
}

static int reg_session_update_tx(struct db *db, int64_t id, const struct reg_session *in,
				 struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_session old, s = *in;
	struct reg_organ o;
	struct reg_term t;
	struct db_q *q;
	char msg[300];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_session_get(db, id, a, &old, e)) < 0)
		goto out;
	if (strcmp(old.status, "concluded") == 0) {
		r = err_set(e, ERR_LOCKED,
			    "phiên họp thứ %d đã kết luận: không sửa thông tin phiên họp được",
			    old.number);
		goto out;
	}
	if (!s.kind)
		s.kind = old.kind;
	if (!reg_session_kind_valid(s.kind)) {
		r = err_set(e, ERR_INVAL,
			    "loại phiên họp '%s' không hợp lệ (thuong_ky, bat_thuong, chuyen_de)",
			    s.kind);
		goto out;
	}
	if (s.number < 0) {
		r = err_set(e, ERR_INVAL, "số phiên họp phải là số dương");
		goto out;
	}
	if (s.number == 0)
		s.number = old.number;
	if (!s.organ_id)
		s.organ_id = old.organ_id;
	if (!s.term_id)
		s.term_id = old.term_id;
	if ((r = reg_organ_get(db, s.organ_id, a, &o, e)) < 0 ||
	    (r = reg_term_get(db, s.term_id, a, &t, e)) < 0)
		goto out;
	if (o.body_id != t.body_id) {
		r = err_set(e, ERR_INVAL, "khóa %s không phải nhiệm kỳ của cơ quan có '%s'", t.name,
			    o.name);
		goto out;
	}
	if (reg_blank(in->date)) {
		r = err_set(e, ERR_INVAL, "thiếu ngày họp");
		goto out;
	}
	if ((r = reg_norm_date(a, in->date, "ngày họp", &s.date, e)) < 0 ||
	    (r = reg_norm_text(a, in->place, "địa điểm", false, NAME_MAX_BYTES, &s.place, e)) < 0 ||
	    (r = reg_norm_text(a, in->basis, "căn cứ", false, NAME_MAX_BYTES, &s.basis, e)) < 0 ||
	    (r = reg_norm_time(a, in->start_time, &s.start_time, e)) < 0)
		goto out;
	r = db_err(db, e,
		   db_query(db, SQL_SESSION_UPDATE, &q, "iidttttti", s.organ_id, s.term_id,
			    s.number, s.kind, s.date, s.place, s.basis, s.start_time, id),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "phiên họp thứ %d của %s khóa %s đã có", s.number, o.name,
		 t.name);
	r = reg_run_insert(db, q, NULL, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_session_update(struct db *db, int64_t id, const struct reg_session *in, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_session_update_tx(db, id, in, e), e);
}

static int reg_session_set_status_tx(struct db *db, int64_t id, const char *status, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_session s;
	int from, to, r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	to = reg_index_of(status, session_statuses);
	if (to < 0) {
		r = err_set(e, ERR_INVAL,
			    "trạng thái phiên họp '%s' không hợp lệ (planned, held, concluded)",
			    status ? status : "");
		goto out;
	}
	if ((r = reg_session_get(db, id, a, &s, e)) < 0)
		goto out;
	from = reg_index_of(s.status, session_statuses);
	if (to < from) {
		r = err_set(e, ERR_INVAL,
			    "phiên họp đang ở trạng thái '%s', không lùi về '%s' được",
			    session_status_names[from], session_status_names[to]);
		goto out;
	}
	r = db_exec(db, SQL_SESSION_SET_STATUS, "ti", status, id);
	if (r < 0)
		r = db_err(db, e, r, "không ghi được trạng thái phiên họp");
out:
	arena_free(a);
	return r;
}

int reg_session_set_status(struct db *db, int64_t id, const char *status, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_session_set_status_tx(db, id, status, e), e);
}

static int read_agenda(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_agenda *it = out;

	it->id = db_col_int(q, 0);
	it->session_id = db_col_int(q, 1);
	it->position = (int)db_col_int(q, 2);
	it->doc_kind = db_col_strdup(q, 3, a);
	it->title = db_col_strdup(q, 4, a);
	it->presenter_unit_id = db_col_int(q, 5);
	it->document_id = db_col_int(q, 6);
	it->outcome = db_col_strdup(q, 7, a);
	return 0;
}

static int reg_agenda_add_tx(struct db *db, const struct reg_agenda *in, int64_t *ret_id,
			     struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_agenda it = *in;
	struct reg_session s;
	struct reg_unit u;
	struct reg_doc d;
	struct db_q *q;
	int64_t next;
	char msg[100];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (it.position < 0) {
		r = err_set(e, ERR_INVAL, "thứ tự nội dung phải là số dương");
		goto out;
	}
	if ((r = reg_session_get(db, it.session_id, a, &s, e)) < 0 ||
	    (r = reg_norm_text(a, in->doc_kind, "loại văn bản trình (Báo cáo, Tờ trình …)", true,
			       100, &it.doc_kind, e)) < 0 ||
	    (r = reg_norm_text(a, in->title, "tên nội dung", true, 4000, &it.title, e)) < 0 ||
	    (r = reg_norm_text(a, in->outcome, "kết quả", false, 4000, &it.outcome, e)) < 0)
		goto out;
	if (it.presenter_unit_id && (r = reg_unit_get(db, it.presenter_unit_id, a, &u, e)) < 0)
		goto out;
	if (it.document_id && (r = reg_doc_get(db, it.document_id, a, &d, e)) < 0)
		goto out;
	if (it.position == 0) {
		r = db_query_int(db, SQL_AGENDA_NEXT_POS, &next, "i", it.session_id);
		if (r < 0) {
			r = db_err(db, e, r, "không đọc được chương trình phiên họp");
			goto out;
		}
		it.position = (int)next;
	}
	r = db_err(db, e,
		   db_query(db, SQL_AGENDA_INSERT, &q, "idttIIt", it.session_id, it.position,
			    it.doc_kind, it.title, it.presenter_unit_id, it.document_id,
			    it.outcome),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "nội dung thứ %d của phiên họp đã có", it.position);
	r = reg_run_insert(db, q, ret_id, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_agenda_add(struct db *db, const struct reg_agenda *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_agenda_add_tx(db, in, ret_id, e), e);
}

int reg_agenda_list(struct db *db, int64_t session_id, struct arena *a, struct reg_agenda **ret,
		    size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_AGENDA_LIST, &q, "i", session_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_agenda, NULL, (void **)ret, ret_n), e,
	    "nội dung phiên họp");
}

int reg_agenda_get(struct db *db, int64_t item_id, struct arena *a, struct reg_agenda *ret,
		   struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_AGENDA_GET, &q, "i", item_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "nội dung phiên họp số %lld", (long long)item_id);
	return reg_lookup_result(db, db_one(q, a, read_agenda, NULL, ret, false), e, what);
}

static int reg_agenda_move_tx(struct db *db, int64_t item_id, bool up, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_agenda it;
	struct reg_session s;
	struct db_q *q;
	int64_t other = 0, other_pos = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_agenda_get(db, item_id, a, &it, e)) < 0 ||
	    (r = reg_session_get(db, it.session_id, a, &s, e)) < 0)
		goto out;
	if (strcmp(s.status, "concluded") == 0) {
		r = err_set(e, ERR_LOCKED,
			    "phiên họp thứ %d đã kết luận: không đổi thứ tự chương trình được",
			    s.number);
		goto out;
	}
	r = db_err(db, e,
		   db_query(db, up ? SQL_AGENDA_PREV : SQL_AGENDA_NEXT, &q, "id", it.session_id,
			    it.position),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = db_step(q);
	if (r == 1) {
		other = db_col_int(q, 0);
		other_pos = db_col_int(q, 1);
	}
	db_done(q);
	if (r < 0) {
		r = db_err(db, e, r, "không đọc được chương trình phiên họp");
		goto out;
	}
	if (r == 0) {
		r = err_set(e, ERR_INVAL, "nội dung thứ %d đã ở %s chương trình", it.position,
			    up ? "đầu" : "cuối");
		goto out;
	}
	/* Positions are unique in a session: park the item outside them while swapping. */
	r = db_exec(db, SQL_AGENDA_SET_POS, "ii", (int64_t)-1, item_id);
	if (r == 0)
		r = db_exec(db, SQL_AGENDA_SET_POS, "ii", (int64_t)it.position, other);
	if (r == 0)
		r = db_exec(db, SQL_AGENDA_SET_POS, "ii", other_pos, item_id);
	if (r < 0)
		r = db_err(db, e, r, "không đổi được thứ tự chương trình");
out:
	arena_free(a);
	return r;
}

int reg_agenda_move(struct db *db, int64_t item_id, bool up, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_agenda_move_tx(db, item_id, up, e), e);
}

static int reg_agenda_set_outcome_tx(struct db *db, int64_t item_id, const char *outcome,
				     struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	const char *o;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = reg_norm_text(a, outcome, "kết quả", false, 4000, &o, e);
	if (r == 0) {
		r = db_exec(db, SQL_AGENDA_SET_OUTCOME, "ti", o, item_id);
		if (r < 0)
			r = db_err(db, e, r, "không ghi được kết quả");
		else if (db_changes(db) == 0)
			r = err_set(e, ERR_NOTFOUND, "không tìm thấy nội dung số %lld",
				    (long long)item_id);
	}
	arena_free(a);
	return r;
}

int reg_agenda_set_outcome(struct db *db, int64_t item_id, const char *outcome, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_agenda_set_outcome_tx(db, item_id, outcome, e), e);
}
