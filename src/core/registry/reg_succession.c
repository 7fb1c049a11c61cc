/* reg_succession.c: a body ends and its work passes to a successor (sáp nhập, hợp nhất). */
#include <stdio.h>
#include <string.h>

#include "core/registry/reg_int.h"
#include "core/registry/registry.h"
#include "vn/date.h"

/* "2025-07-01" as "01/07/2025". */
static void dmy(const char *iso, char out[static 11])
{
	snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

/* The checks of one ended body against the successor s; ERR_INVAL saying which. */
static int check_one(struct db *db, const struct reg_body *b, const struct reg_body *s,
		     const char *on, const char *last, struct err *e)
{
	const char *successor = NULL;
	struct db_q *q = NULL;
	int64_t under = 0;
	char d1[11], d2[11], name[600] = "";
	int r;

	dmy(on, d1);
	r = db_query(db, SQL_SUCC_STATE, &q, "i", b->id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if ((r = db_step(q)) == 1 && db_col_int(q, 0)) {
		snprintf(name, sizeof(name), "%s", db_col_text(q, 1));
		successor = name;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (b->id == s->id)
		return err_set(e, ERR_INVAL,
			       "cơ quan kế tục không thể là chính cơ quan kết thúc (%s)", b->name);
	/* Ended already: only its successor may still be recorded, from the day after. */
	if (b->active_to && (successor || strcmp(b->active_to, last) != 0)) {
		dmy(b->active_to, d2);
		return err_set(e, ERR_INVAL, "%s đã kết thúc từ ngày %s%s%s", b->name, d2,
			       successor ? ", kế tục bởi " : "", successor ? successor : "");
	}
	if (b->active_from && strcmp(on, b->active_from) <= 0) {
		dmy(b->active_from, d2);
		return err_set(e, ERR_INVAL, "ngày kết thúc %s phải sau ngày bắt đầu %s của %s", d1,
			       d2, b->name);
	}
	r = db_query_int(db, SQL_SUCC_UNDER, &under, "ii", b->id, s->id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (under)
		return err_set(e, ERR_INVAL,
			       "cơ quan kế tục %s nằm dưới %s: kế tục như vậy tạo thành vòng lặp "
			       "trong cây cơ quan",
			       s->name, b->name);
	r = db_query(db, SQL_SUCC_NAME_CLASH, &q, "ii", b->id, s->id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1)
		r = err_set(
		    e, ERR_INVAL,
		    "%s đã có cơ quan cấp dưới tên '%s' như %s: đổi tên một trong hai trước",
		    s->name, db_col_text(q, 0), b->name);
	else if (r < 0)
		r = db_err(db, e, r, "lỗi cơ sở dữ liệu");
	db_done(q);
	return r;
}

/* Passes body b's work to s on date on; the checks are done. */
static int pass_one(struct db *db, const struct reg_body *b, const struct reg_body *s,
		    const char *on, const char *last, bool merger, int64_t *tasks, struct err *e)
{
	char text[1200], d[11];
	int r;

	dmy(on, d);
	snprintf(text, sizeof(text), "chuyển sang %s do %s từ ngày %s (%s kết thúc)", s->name,
		 merger ? "hợp nhất" : "sáp nhập", d, b->name);
	r = db_exec(db, SQL_SUCC_EVENTS, "iitt", b->id, s->id, on, text);
	if (r < 0)
		goto fail;
	*tasks += db_changes(db);
	if ((r = db_exec(db, SQL_SUCC_HIGHER_UNITS, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_HIGHER_REMAP, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_HIGHER_DROP, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_LOWER_BODY, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_OWN_UNITS, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_OWN_REMAP, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_OWN_DROP, "i", b->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_OWN_FOLLOWER, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_OWN_TASKS, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_CHILDREN, "ii", b->id, s->id)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_REQUESTS, "iit", b->id, s->id, on)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_REQUESTS_DROP, "int", b->id, on)) < 0 ||
	    (r = db_exec(db, SQL_SUCC_END, "iit", b->id, s->id, last)) < 0)
		goto fail;
	return 0;
fail:
	return db_err(db, e, r, "không ghi được việc kết thúc %s", b->name);
}

static int succession_tx(struct db *db, const struct reg_succession *in, int64_t *ret_tasks,
			 struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_body s, *bs = NULL;
	const char *on = NULL;
	char today[11], last[11], d1[11], d2[11];
	struct vn_date d;
	int64_t tasks = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (!in->nended) {
		r = err_set(e, ERR_INVAL, "cần ít nhất một cơ quan kết thúc");
		goto out;
	}
	if ((r = reg_norm_date(a, in->on, "ngày kết thúc", &on, e)) < 0)
		goto out;
	if (!on) {
		r = err_set(e, ERR_INVAL, "cần ngày kết thúc (ngày cơ quan kế tục tiếp nhận)");
		goto out;
	}
	vn_date_iso(vn_date_today(), today);
	/* active_to is the last day of the ended body: the day before on. */
	if (vn_date_parse(on, strlen(on), 0, &d, NULL) < 0) {
		r = err_set(e, ERR_INVAL, "ngày kết thúc '%s' không hợp lệ", on);
		goto out;
	}
	vn_date_iso(vn_date_add_days(d, -1), last);
	if (strcmp(on, today) > 0) {
		dmy(on, d1);
		r = err_set(e, ERR_INVAL,
			    "ngày kết thúc %s chưa đến: ghi nhận sáp nhập, hợp nhất từ ngày có "
			    "hiệu lực",
			    d1);
		goto out;
	}
	if ((r = reg_body_get(db, in->successor_id, a, &s, e)) < 0)
		goto out;
	if (s.active_to) {
		dmy(s.active_to, d2);
		r = err_set(e, ERR_INVAL, "cơ quan kế tục %s đã kết thúc từ ngày %s", s.name, d2);
		goto out;
	}
	if (s.active_from && strcmp(on, s.active_from) < 0) {
		dmy(on, d1);
		dmy(s.active_from, d2);
		r = err_set(e, ERR_INVAL,
			    "ngày kết thúc %s trước ngày bắt đầu %s của cơ quan kế tục %s", d1, d2,
			    s.name);
		goto out;
	}
	bs = arena_alloc(a, in->nended * sizeof(*bs));
	if (!bs) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	for (size_t i = 0; i < in->nended; i++) {
		if ((r = reg_body_get(db, in->ended[i], a, &bs[i], e)) < 0)
			goto out;
		for (size_t j = 0; j < i; j++)
			if (bs[j].id == bs[i].id) {
				r = err_set(e, ERR_INVAL, "%s được nêu hai lần", bs[i].name);
				goto out;
			}
		if ((r = check_one(db, &bs[i], &s, on, last, e)) < 0)
			goto out;
	}
	for (size_t i = 0; i < in->nended; i++)
		if ((r = pass_one(db, &bs[i], &s, on, last, in->merger, &tasks, e)) < 0)
			goto out;
	if (ret_tasks)
		*ret_tasks = tasks;
out:
	arena_free(a);
	return r;
}

int reg_succession(struct db *db, const struct reg_succession *in, int64_t *ret_tasks,
		   struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, succession_tx(db, in, ret_tasks, e), e);
}
