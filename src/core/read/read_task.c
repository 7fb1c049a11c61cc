/* read_task.c: the read side of tasks: who sees which, the API's list and timelines, feeds, the dashboard panel. */
#include <stdlib.h>
#include <string.h>

#include "core/accounts/account.h"
#include "core/read/read_int.h"
#include "core/tasks/task.h"
#include "util/buf.h"
#include "vn/text.h"

bool read_task_visible(struct db *db, const struct account *acct, const struct task *t)
{
	if (strcmp(acct->role, "reporter") == 0) {
		for (size_t i = 0; i < t->nunits; i++)
			if (t->units[i].id == acct->unit_id)
				return true;
		return false;
	}
	return !t->body_id || account_sees_body(db, acct, t->body_id) ||
	       (t->lower_body_id && account_sees_body(db, acct, t->lower_body_id));
}

bool read_task_assigner(struct db *db, const struct account *acct, const struct task *t)
{
	if (strcmp(acct->role, "reporter") == 0)
		return false;
	return !t->body_id || account_sees_body(db, acct, t->body_id);
}

bool read_task_reports_as(struct db *db, const struct account *acct, const struct task *t,
			  int64_t unit_id)
{
	const struct task_unit_ref *u = NULL;

	for (size_t i = 0; i < t->nunits && !u; i++)
		if (t->units[i].id == unit_id)
			u = &t->units[i];
	if (!u)
		return false;
	if (strcmp(acct->role, "reporter") == 0)
		return acct->unit_id == unit_id;
	if (read_task_assigner(db, acct, t))
		return true;
	return u->lower_body_id && account_sees_body(db, acct, u->lower_body_id);
}

int64_t read_task_split_body(struct db *db, const struct account *acct, const struct task *t)
{
	int64_t b = t->lower_body_id ? t->lower_body_id : t->body_id;

	if (strcmp(acct->role, "reporter") == 0 || !b || !account_sees_body(db, acct, b))
		return 0;
	return b;
}

static int read_id(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	*(int64_t *)row = db_col_int(q, 0);
	return 0;
}

int read_close_requests(struct db *db, const struct account *acct, int64_t limit, struct arena *a,
			int64_t **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	void *ids = NULL;
	int r;

	r = db_query(db, SQL_WEB_CLOSE_REQUESTS, &q, "ii", acct->id, limit);
	if (r == 0)
		r = db_list(q, a, sizeof(int64_t), read_id, NULL, &ids, ret_n);
	if (r < 0)
		return db_err(db, e, r, "không đọc được đề nghị kết thúc");
	*ret = ids;
	return 0;
}

int read_task(struct db *db, const struct account *acct, int64_t id, const char *today,
	      struct arena *a, struct task **ret, struct err *e)
{
	struct task *t;
	int rc = task_get(db, id, today, a, &t, e);

	if (rc < 0)
		return rc;
	if (!read_task_visible(db, acct, t))
		return err_set(e, ERR_NOTFOUND, "Không có nhiệm vụ số %lld", (long long)id);
	*ret = t;
	return 0;
}

/* SQL_WEB_TASKS: id, content, assigned, deadline, due, state, completed, last report, source doc, source session, body, leads, standing. */
static void task_row(struct read_row *rr, void *row)
{
	struct read_task_row *t = row;

	t->id = read_int(rr, 0);
	t->content = read_text(rr, 1);
	t->assigned_on = read_text(rr, 2);
	t->deadline_text = read_text(rr, 3);
	t->due = read_text(rr, 4);
	t->completed_on = read_text(rr, 6);
	t->last_report_on = read_text(rr, 7);
	t->source_doc_id = read_int(rr, 8);
	t->source_session_id = read_int(rr, 9);
	t->body_id = read_int(rr, 10);
	t->lead = read_text(rr, 11);
	t->standing = read_int(rr, 12) != 0;
}

/*
 * SQL_WEB_TASKS_OVERDUE's rows, one per lead unit in task order: each task
 * once, its leads joined by "; " as SQL_WEB_TASKS's group_concat joins them;
 * at most limit tasks. Finishes q.
 */
static int overdue_rows(struct db_q *q, struct arena *a, int64_t limit, struct read_task_row **ret,
			size_t *ret_n)
{
	struct read_row rr = {.q = q, .a = a};
	struct read_task_row *rows = NULL, *t = NULL;
	size_t n = 0, cap = 0;
	int rc;

	while ((rc = db_step(q)) == 1) {
		const char *lead;

		if (t && t->id == db_col_int(q, 0)) {
			lead = db_col_text(q, 11);
			if (!lead)
				continue;
			t->lead = t->lead ? arena_printf(a, "%s; %s", t->lead, lead)
					  : arena_strdup(a, lead);
			if (!t->lead) {
				rc = ERR_NOMEM;
				break;
			}
			continue;
		}
		if ((int64_t)n >= limit)
			break;
		t = read_push(a, &rows, &n, &cap, sizeof(*rows));
		if (!t) {
			rc = ERR_NOMEM;
			break;
		}
		task_row(&rr, t);
		if (rr.oom) {
			rc = ERR_NOMEM;
			break;
		}
	}
	db_done(q);
	if (rc < 0)
		return rc;
	*ret = rows;
	*ret_n = n;
	return 0;
}

int read_tasks(struct db *db, const struct account *acct, const struct read_page *p,
	       const struct read_task_filter *f, struct arena *a, struct read_task_row **ret,
	       size_t *ret_n)
{
	static const struct read_task_filter none = {0};
	int64_t mine = strcmp(acct->role, "reporter") == 0 ? acct->unit_id : 0;
	struct buf fold = BUF_INIT(256);
	const char *q = "";
	char today[11];
	struct db_q *st;
	int rc;

	if (!f)
		f = &none;
	read_today(today);
	if (f->q && *f->q) {
		rc = vn_fold(f->q, strlen(f->q), &fold);
		q = rc == 0 ? arena_strdup(a, buf_str(&fold)) : NULL;
		buf_free(&fold);
		if (!q)
			return rc < 0 ? rc : ERR_NOMEM;
	}
	rc = db_prepare(db, f->overdue ? SQL_WEB_TASKS_OVERDUE : SQL_WEB_TASKS, &st);
	if (rc < 0)
		return rc;
	rc = db_bindv(st, "iiitiiitiiiittt", acct->id, p->after, p->limit, p->since ? p->since : "",
		      mine, f->unit, (int64_t)f->status_mask, f->as_of ? f->as_of : today,
		      (int64_t)f->overdue, f->body, (int64_t)f->subtree, f->source,
		      f->due_before ? f->due_before : "", f->due_after ? f->due_after : "", q);
	if (rc < 0) {
		db_done(st);
		return rc;
	}
	if (f->overdue)
		return overdue_rows(st, a, p->limit, ret, ret_n);
	return read_all(st, a, ret, ret_n, sizeof(**ret), task_row);
}

int read_session_tasks(struct db *db, const struct account *acct, int64_t session_id,
		       const struct read_page *p, struct arena *a, struct read_task_row **ret,
		       size_t *ret_n)
{
	int64_t mine = strcmp(acct->role, "reporter") == 0 ? acct->unit_id : 0;
	struct db_q *st;
	int rc = db_prepare(db, SQL_WEB_SESSION_TASKS, &st);

	if (rc < 0)
		return rc;
	rc = db_bindv(st, "iiiii", acct->id, session_id, p->after, p->limit, mine);
	if (rc < 0) {
		db_done(st);
		return rc;
	}
	return read_all(st, a, ret, ret_n, sizeof(**ret), task_row);
}

/* WEB_EVENT_COLS: id, task, kind, date, unit, unit name, text, result, percent. */
static void event_row(struct read_row *rr, void *row)
{
	struct read_event *e = row;

	e->id = read_int(rr, 0);
	e->task_id = read_int(rr, 1);
	e->kind = read_text(rr, 2);
	e->on_date = read_text(rr, 3);
	e->unit_id = read_int(rr, 4);
	e->unit_name = read_text(rr, 5);
	e->text = read_text(rr, 6);
	e->result = read_text(rr, 7);
	e->percent = db_col_null(rr->q, 8) ? -1 : (int)read_int(rr, 8);
}

int read_task_events(struct db *db, const struct read_page *p, struct arena *a,
		     struct read_event **ret, size_t *ret_n)
{
	/* ?1 of the statement is unused: the caller has checked the task with read_task. */
	static const struct account nobody = {.id = 0};

	return read_page_list(db, SQL_WEB_TASK_EVENTS, &nobody, p, true, a, ret, ret_n,
			      sizeof(**ret), event_row);
}

int read_task_event(struct db *db, int64_t task_id, int64_t id, struct arena *a,
		    struct read_event *ret, struct err *e)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_TASK_EVENT, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "ii", task_id, id)) < 0) {
		db_done(q);
		return rc;
	}
	rc = read_one(q, a, ret, event_row);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "Nhiệm vụ số %lld không có báo cáo số %lld",
			       (long long)task_id, (long long)id);
	return rc;
}

/* SQL_WEB_ICAL_TASKS: id, content, due, deadline, leads. */
static void due_row(struct read_row *rr, void *row)
{
	struct read_due_task *t = row;

	t->id = read_int(rr, 0);
	t->content = read_text(rr, 1);
	t->due = read_text(rr, 2);
	t->deadline_text = read_text(rr, 3);
	t->lead = read_text(rr, 4);
}

int read_due_tasks(struct db *db, const struct account *acct, int64_t body, int64_t unit,
		   struct arena *a, struct read_due_task **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc;

	if (strcmp(acct->role, "reporter") == 0)
		unit = acct->unit_id;
	rc = db_prepare(db, SQL_WEB_ICAL_TASKS, &q);
	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "iii", acct->id, body, unit)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), due_row);
}

/* ---- the dashboard's panel ---- */

/* Most overdue first, then most due soon, then by id. */
static int unit_due_cmp(const void *pa, const void *pb)
{
	const struct read_unit_due *a = pa, *b = pb;

	if (a->overdue != b->overdue)
		return a->overdue < b->overdue ? 1 : -1;
	if (a->soon != b->soon)
		return a->soon < b->soon ? 1 : -1;
	return (a->id > b->id) - (a->id < b->id);
}

/*
 * The totals by status at today of the tasks in the account's scope (unit: a
 * reporter's own unit, only the tasks it leads), from the task counters: the
 * counter rows in scope, then the tasks completed after today put back among
 * the open ones. Its cost grows with the bodies and units, not the tasks.
 */
static int dash_totals(struct db *db, const struct account *acct, const char *today, int64_t unit,
		       struct task_counts *all)
{
	struct task_tally_row t;
	struct db_q *q;
	int rc = db_query(db, SQL_WEB_TALLY_SEEN, &q, "iti", acct->id, today, unit);

	if (rc < 0)
		return rc;
	while ((rc = db_step(q)) == 1) {
		task_tally_read(q, 0, &t);
		task_counts_tally(all, &t);
	}
	db_done(q);
	if (rc < 0)
		return rc;
	rc = db_query(db, SQL_WEB_TALLY_SEEN_LATE, &q, "iti", acct->id, today, unit);
	if (rc < 0)
		return rc;
	while ((rc = db_step(q)) == 1)
		task_counts_reopen(all, db_col_int(q, 2) != 0, db_col_text(q, 0), db_col_text(q, 1),
				   today);
	db_done(q);
	return rc;
}

/*
 * Each lead unit of tasks in scope (unit: only that one) with its open tasks
 * overdue at today or due by soon, from the counters, named in the same
 * statement; most overdue first.
 */
static int dash_units(struct db *db, const struct account *acct, const char *today,
		      const char *soon, int64_t unit, struct arena *a, struct read_unit_due **ret,
		      size_t *ret_n)
{
	struct read_unit_due *u = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int rc = db_query(db, SQL_WEB_TALLY_UNITS, &q, "itti", acct->id, today, soon, unit);

	if (rc < 0)
		return rc;
	while ((rc = db_step(q)) == 1) {
		if (db_col_int(q, 1) == 0 && db_col_int(q, 2) == 0)
			continue;
		if (arena_reserve(a, &u, n, &cap, sizeof(*u)) < 0) {
			rc = ERR_NOMEM;
			break;
		}
		u[n] = (struct read_unit_due){.id = db_col_int(q, 0),
					      .overdue = db_col_int(q, 1),
					      .soon = db_col_int(q, 2),
					      .name = arena_strdup(a, db_col_text(q, 3))};
		if (!u[n++].name) {
			rc = ERR_NOMEM;
			break;
		}
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (n)
		qsort(u, n, sizeof(*u), unit_due_cmp);
	*ret = u;
	*ret_n = n;
	return 0;
}

/* SQL_WEB_RECENT_REPORTS: task, date, unit, text, task content. */
static void report_row(struct read_row *rr, void *row)
{
	struct read_report_line *l = row;

	l->task_id = read_int(rr, 0);
	l->on_date = read_text(rr, 1);
	l->unit = read_text(rr, 2);
	l->text = read_text(rr, 3);
	l->task = read_text(rr, 4);
}

int read_task_panel(struct db *db, const struct account *acct, const char *today, const char *soon,
		    struct arena *a, struct read_task_panel *ret)
{
	int64_t unit = strcmp(acct->role, "reporter") == 0 ? acct->unit_id : 0;
	struct read_task_panel p = {0};
	struct db_q *q;
	int rc;

	p.all = arena_alloc(a, sizeof(*p.all));
	if (!p.all)
		return ERR_NOMEM;
	memset(p.all, 0, sizeof(*p.all));
	rc = dash_totals(db, acct, today, unit, p.all);
	if (rc == 0)
		rc = dash_units(db, acct, today, soon, unit, a, &p.units, &p.nunits);
	if (rc < 0)
		return rc;
	rc = db_prepare(db, SQL_WEB_RECENT_REPORTS, &q);
	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "ii", acct->id, unit)) < 0) {
		db_done(q);
		return rc;
	}
	rc = read_all(q, a, &p.reports, &p.nreports, sizeof(*p.reports), report_row);
	if (rc == 0)
		*ret = p;
	return rc;
}
