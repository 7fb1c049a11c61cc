/* task_stats.c: tasks counted: statuses and rates by unit, source, body or period; the follow-up report's data. */
#include "core/tasks/task.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tasks/task_int.h"
#include "util/buf.h"
#include "vn/deadline.h"
#include "vn/text.h"

/* -------------------------------------------------------------- statistics */

int task_group_by_parse(const char *s, enum task_group_by *ret, struct err *e)
{
	static const struct {
		const char *name;
		enum task_group_by by;
	} names[] = {
	    {"none", TASK_BY_NONE},	{"unit", TASK_BY_UNIT},	    {"source", TASK_BY_SOURCE},
	    {"body", TASK_BY_BODY},	{"period", TASK_BY_PERIOD}, {"donvi", TASK_BY_UNIT},
	    {"vanban", TASK_BY_SOURCE}, {"ky", TASK_BY_PERIOD},
	};

	for (size_t i = 0; s && i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(s, names[i].name) == 0) {
			*ret = names[i].by;
			return 0;
		}
	}
	return err_set(e, ERR_INVAL,
		       "cách nhóm không hợp lệ: '%s' (dùng unit, source, body hoặc period)",
		       s ? s : "");
}

/* Open addressing from a group key to its index in the group array. */
struct group_map {
	int64_t *keys;
	int32_t *idx;
	size_t cap; /* a power of two */
	struct task_group *groups;
	size_t n, gcap;
};

static int group_map_grow(struct group_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	int64_t *keys = malloc(cap * sizeof(*keys));
	int32_t *idx = malloc(cap * sizeof(*idx));

	if (!keys || !idx) {
		free(keys);
		free(idx);
		return ERR_NOMEM;
	}
	for (size_t i = 0; i < cap; i++)
		idx[i] = -1;
	for (size_t i = 0; i < m->n; i++) {
		size_t h = ((uint64_t)m->groups[i].key * 0x9E3779B97F4A7C15ull) & (cap - 1);

		while (idx[h] >= 0)
			h = (h + 1) & (cap - 1);
		keys[h] = m->groups[i].key;
		idx[h] = (int32_t)i;
	}
	free(m->keys);
	free(m->idx);
	m->keys = keys;
	m->idx = idx;
	m->cap = cap;
	return 0;
}

static struct task_group *group_get(struct group_map *m, int64_t key)
{
	size_t h;

	if (m->n * 2 >= m->cap && group_map_grow(m) < 0)
		return NULL;
	h = ((uint64_t)key * 0x9E3779B97F4A7C15ull) & (m->cap - 1);
	while (m->idx[h] >= 0) {
		if (m->keys[h] == key)
			return &m->groups[m->idx[h]];
		h = (h + 1) & (m->cap - 1);
	}
	if (m->n == m->gcap) {
		size_t gcap = m->gcap ? 2 * m->gcap : 256;
		struct task_group *g = realloc(m->groups, gcap * sizeof(*g));

		if (!g)
			return NULL;
		m->groups = g;
		m->gcap = gcap;
	}
	m->keys[h] = key;
	m->idx[h] = (int32_t)m->n;
	memset(&m->groups[m->n], 0, sizeof(m->groups[0]));
	m->groups[m->n].key = key;
	return &m->groups[m->n++];
}

static int group_cmp(const void *a, const void *b)
{
	const struct task_group *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

static int64_t period_key(const char *due)
{
	if (!due || strlen(due) < 7)
		return 0;
	return (int64_t)atol(due) * 10 + ((due[5] - '0') * 10 + (due[6] - '0') + 2) / 3;
}

static const char *group_label(struct db *db, struct arena *a, enum task_group_by by, int64_t key)
{
	static const char *const roman[] = {"", "I", "II", "III", "IV"};
	struct db_q *q;
	const char *s = NULL;

	switch (by) {
	case TASK_BY_UNIT:
	case TASK_BY_BODY:
		if (by == TASK_BY_BODY && key == 0)
			return "(không rõ cấp giao)";
		if (db_prepare(db, by == TASK_BY_UNIT ? SQL_TASK_UNIT_LABEL : SQL_TASK_BODY_NAME,
			       &q) < 0)
			return NULL;
		if (db_bindv(q, "i", key) == 0 && db_step(q) == 1)
			s = db_col_strdup(q, 0, a);
		db_done(q);
		return s;
	case TASK_BY_SOURCE:
		if (key == 0)
			return "Giao trực tiếp (không có văn bản)";
		return task_doc_label(db, a, key, NULL);
	case TASK_BY_PERIOD:
		if (key == 0)
			return "Không có thời hạn, thường xuyên";
		return arena_printf(a, "Quý %s/%lld", roman[key % 10], (long long)(key / 10));
	case TASK_BY_NONE:
		break;
	}
	return NULL;
}

/*
 * Labels of many unit or body groups (ordered by key) in one ordered scan of
 * the table instead of one look-up each: a country's 3,400 bodies cost one
 * query. Groups without a row keep a NULL label.
 */
static int group_labels_scan(struct db *db, struct arena *a, enum task_group_by by,
			     struct task_group *g, size_t n)
{
	struct db_q *q;
	size_t i = 0;
	int r = db_prepare(db, by == TASK_BY_UNIT ? SQL_TASK_UNIT_NAMES : SQL_TASK_BODY_NAMES, &q);

	while (r == 0 && i < n && (r = db_step(q)) == 1) {
		int64_t id = db_col_int(q, 0);

		r = 0;
		while (i < n && g[i].key < id)
			i++;
		if (i < n && g[i].key == id) {
			const char *t = db_col_text(q, 1);

			if (t && !(g[i].label = arena_strdup(a, t)))
				r = ERR_NOMEM;
		}
	}
	db_done(q);
	return r < 0 ? r : 0;
}

/* The groups of m sorted and labelled into st (arena memory); frees m's memory. */
static int stats_finish(struct db *db, enum task_group_by by, struct arena *a, struct group_map *m,
			struct task_stats *st)
{
	int r = 0;

	if (m->n) {
		qsort(m->groups, m->n, sizeof(*m->groups), group_cmp);
		st->groups = arena_alloc(a, m->n * sizeof(*st->groups));
		if (!st->groups) {
			r = ERR_NOMEM;
			goto out;
		}
		memcpy(st->groups, m->groups, m->n * sizeof(*st->groups));
		st->ngroups = m->n;
		if ((by == TASK_BY_UNIT || by == TASK_BY_BODY) && st->ngroups > 64) {
			r = group_labels_scan(db, a, by, st->groups, st->ngroups);
			if (r < 0)
				goto out;
		}
		for (size_t i = 0; i < st->ngroups; i++) {
			if (!st->groups[i].label)
				st->groups[i].label = group_label(db, a, by, st->groups[i].key);
			if (!st->groups[i].label)
				st->groups[i].label =
				    arena_printf(a, "#%lld", (long long)st->groups[i].key);
		}
	}
out:
	free(m->keys);
	free(m->idx);
	free(m->groups);
	memset(m, 0, sizeof(*m));
	return r;
}

int task_stats_scan(struct db *db, enum task_group_by by, const char *as_of, int64_t source_doc_id,
		    struct arena *a, struct task_stats *ret, struct err *e)
{
	struct group_map m = {0};
	struct task_group *last = NULL;
	struct task_stats st = {.as_of = as_of};
	struct db_q *q;
	enum db_stmt sid;
	int r;

	/* Every task once, for the totals; unit groups overlap, so they need their own pass. */
	for (int pass = 0; pass < 2; pass++) {
		bool totals = pass == 0, groups = by != TASK_BY_NONE;

		if (pass == 1 && (by == TASK_BY_NONE || by != TASK_BY_UNIT))
			break;
		if (pass == 0 && by == TASK_BY_UNIT)
			groups = false;
		if (pass == 1)
			totals = false;
		sid = SQL_TASK_STATS_ALL;
		if (groups && by == TASK_BY_UNIT)
			sid = SQL_TASK_STATS_UNIT;
		else if (groups && by == TASK_BY_SOURCE)
			sid = SQL_TASK_STATS_SOURCE;
		else if (groups && by == TASK_BY_BODY)
			sid = SQL_TASK_STATS_BODY;
		r = db_prepare(db, sid, &q);
		if (r < 0)
			goto fail;
		r = db_bindv(q, "i", source_doc_id);
		while (r == 0 && (r = db_step(q)) == 1) {
			const char *due = db_col_text(q, 1), *done = db_col_text(q, 2);
			enum task_status s =
			    task_status_at(db_col_int(q, 3) != 0, due, done, as_of);

			r = 0;
			if (totals)
				task_counts_add(&st.all, s, due != NULL);
			if (groups) {
				int64_t key =
				    by == TASK_BY_PERIOD ? period_key(due) : db_col_int(q, 0);

				/* Rows come in index order: most share the previous row's group. */
				if (!last || last->key != key)
					last = group_get(&m, key);
				if (!last) {
					r = ERR_NOMEM;
					break;
				}
				task_counts_add(&last->c, s, due != NULL);
			}
		}
		db_done(q);
		if (r < 0)
			goto fail;
	}
	r = stats_finish(db, by, a, &m, &st);
	if (r < 0)
		goto fail;
	*ret = st;
	return 0;
fail:
	free(m.keys);
	free(m.idx);
	free(m.groups);
	return db_err(db, e, r, "không tính được thống kê nhiệm vụ");
}

/* ---------------------------------------------------------------- counters */

void task_tally_read(struct db_q *q, int col, struct task_tally_row *ret)
{
	ret->total = db_col_int(q, col);
	ret->standing = db_col_int(q, col + 1);
	ret->done_ontime = db_col_int(q, col + 2);
	ret->done_late = db_col_int(q, col + 3);
	ret->done_due = db_col_int(q, col + 4);
	ret->overdue = db_col_int(q, col + 5);
}

void task_counts_tally(struct task_counts *c, const struct task_tally_row *t)
{
	c->n[TASK_DONE_ON_TIME] += t->done_ontime;
	c->n[TASK_DONE_LATE] += t->done_late;
	c->n[TASK_STANDING] += t->standing;
	c->n[TASK_OPEN_OVERDUE] += t->overdue;
	c->n[TASK_OPEN_IN_TIME] +=
	    t->total - t->done_ontime - t->done_late - t->standing - t->overdue;
	c->total += t->total;
	c->due += t->done_due + t->overdue;
	c->due_done += t->done_due;
}

void task_counts_reopen(struct task_counts *c, bool standing, const char *due,
			const char *completed, const char *as_of)
{
	enum task_status was = task_status_at(standing, due, completed, "9999-12-31");

	c->n[was]--;
	c->total--;
	if (due) {
		c->due--;
		c->due_done--;
	}
	task_counts_add(c, task_status_at(standing, due, completed, as_of), due != NULL);
}

/* The group of key in m, or when key is 0 and by is not body nothing (NULL, no error). */
static int tally_group(struct group_map *m, int64_t key, struct task_counts **ret)
{
	struct task_group *g = group_get(m, key);

	if (!g)
		return ERR_NOMEM;
	*ret = &g->c;
	return 0;
}

/*
 * task_stats from the counters: the rows of each body (and lead unit) with
 * their overdue tasks at as_of, then the few tasks completed after as_of put
 * back among the open ones. Its cost grows with the bodies and units, not
 * with the tasks.
 */
static int stats_tally(struct db *db, enum task_group_by by, const char *as_of, struct arena *a,
		       struct task_stats *ret, struct err *e)
{
	struct group_map m = {0};
	struct task_stats st = {.as_of = as_of};
	struct task_counts *c;
	struct db_q *q;
	int r;

	r = db_query(db, SQL_TALLY_STATS, &q, "t", as_of);
	if (r < 0)
		goto fail;
	while ((r = db_step(q)) == 1) {
		struct task_tally_row t;
		int64_t unit = db_col_int(q, 1);

		r = 0;
		task_tally_read(q, 2, &t);
		if (unit == 0)
			task_counts_tally(&st.all, &t);
		if ((by == TASK_BY_BODY && unit == 0) || (by == TASK_BY_UNIT && unit != 0)) {
			r = tally_group(&m, by == TASK_BY_BODY ? db_col_int(q, 0) : unit, &c);
			if (r < 0)
				break;
			task_counts_tally(c, &t);
		}
	}
	db_done(q);
	for (int pass = 0; r >= 0 && pass < 2; pass++) {
		if (pass == 1 && by != TASK_BY_UNIT)
			break;
		r = db_query(db, pass ? SQL_TALLY_LATE_UNITS : SQL_TALLY_LATE, &q, "t", as_of);
		if (r < 0)
			goto fail;
		while ((r = db_step(q)) == 1) {
			const char *due = db_col_text(q, 1), *done = db_col_text(q, 2);
			bool standing = db_col_int(q, 3) != 0;

			r = 0;
			if (pass == 0)
				task_counts_reopen(&st.all, standing, due, done, as_of);
			if (pass == 1 || by == TASK_BY_BODY) {
				r = tally_group(&m, db_col_int(q, 0), &c);
				if (r < 0)
					break;
				task_counts_reopen(c, standing, due, done, as_of);
			}
		}
		db_done(q);
	}
	if (r == 0)
		r = stats_finish(db, by, a, &m, &st);
	if (r < 0)
		goto fail;
	*ret = st;
	return 0;
fail:
	free(m.keys);
	free(m.idx);
	free(m.groups);
	return db_err(db, e, r, "không tính được thống kê nhiệm vụ");
}

int task_stats(struct db *db, enum task_group_by by, const char *as_of, int64_t source_doc_id,
	       struct arena *a, struct task_stats *ret, struct err *e)
{
	if (source_doc_id || by == TASK_BY_SOURCE || by == TASK_BY_PERIOD)
		return task_stats_scan(db, by, as_of, source_doc_id, a, ret, e);
	return stats_tally(db, by, as_of, a, ret, e);
}

int task_tally_repair(struct db *db, struct err *e)
{
	int r = db_begin_e(db, e);

	if (r < 0)
		return r;
	r = db_exec(db, SQL_TALLY_CLEAR, "");
	if (r == 0)
		r = db_exec(db, SQL_TALLY_DUE_CLEAR, "");
	if (r == 0)
		r = db_exec(db, SQL_TALLY_FILL, "");
	if (r == 0)
		r = db_exec(db, SQL_TALLY_DUE_FILL, "");
	if (r < 0)
		db_err(db, e, r, "không dựng lại được bộ đếm nhiệm vụ");
	return db_end(db, r, e);
}

int task_tally_check(struct db *db, struct arena *a, struct task_tally_fault **ret, size_t *ret_n,
		     struct err *e)
{
	struct task_tally_fault *f = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r = db_query(db, SQL_TALLY_CHECK, &q, "");

	if (r < 0)
		return db_err(db, e, r, "không kiểm tra được bộ đếm nhiệm vụ");
	while ((r = db_step(q)) == 1) {
		r = 0;
		if (arena_reserve(a, &f, n, &cap, sizeof(*f)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		f[n] = (struct task_tally_fault){.body_id = db_col_int(q, 0),
						 .lower_body_id = db_col_int(q, 1),
						 .unit_id = db_col_int(q, 2)};
		f[n].unit = db_col_strdup(q, 3, a);
		f[n].body = db_col_strdup(q, 4, a);
		f[n].lower_body = db_col_strdup(q, 5, a);
		if (!f[n].unit || !f[n].body || !f[n].lower_body) {
			r = ERR_NOMEM;
			break;
		}
		n++;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "không kiểm tra được bộ đếm nhiệm vụ");
	*ret = f;
	*ret_n = n;
	return 0;
}

/* ---------------------------------------------------------------- follow-up */

int task_followup_load(struct db *db, int64_t doc_id, int64_t session_id, const char *as_of,
		       struct arena *a, struct task_followup *ret, struct err *e)
{
	struct task_followup f = {.as_of = as_of};
	struct task_filter flt = {
	    .as_of = as_of, .source_doc_id = doc_id, .source_session_id = doc_id ? 0 : session_id};
	struct task_source src;
	int r;

	if (doc_id) {
		r = task_source_info(db, SQL_TASK_DOC_INFO, doc_id, &src);
		if (r == ERR_NOTFOUND)
			return err_set(e, r, "không có văn bản số %lld", (long long)doc_id);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		f.source_label = task_doc_label(db, a, doc_id, &f.source_title);
	} else {
		r = task_source_info(db, SQL_TASK_SESSION_INFO, session_id, &src);
		if (r == ERR_NOTFOUND)
			return err_set(e, r, "không có phiên họp số %lld", (long long)session_id);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		f.source_label = task_session_label(db, a, session_id);
		f.source_title = f.source_label;
	}
	if (src.body_id) {
		struct db_q *q;

		if (db_prepare(db, SQL_TASK_BODY_HEAD, &q) == 0) {
			if (db_bindv(q, "i", src.body_id) == 0 && db_step(q) == 1) {
				const char *kind = db_col_text(q, 3);

				f.body_name = db_col_strdup(q, 0, a);
				f.body_code = db_col_strdup(q, 1, a);
				f.place = db_col_strdup(q, 2, a);
				f.body_state = kind && strcmp(kind, "people") == 0;
			}
			db_done(q);
		}
	}
	r = task_list(db, &flt, a, &f.tasks, &f.ntasks, e);
	if (r < 0)
		return r;
	for (size_t i = 0; i < f.ntasks; i++)
		task_counts_add(&f.counts, f.tasks[i].status, f.tasks[i].due != NULL);
	*ret = f;
	return 0;
}

int task_followup_notice(struct db *db, int64_t notice_id, const char *as_of, struct arena *a,
			 struct task_followup *ret, struct err *e)
{
	int64_t doc = 0, session = 0;
	struct db_q *q;
	int r;

	r = db_query(db, SQL_TASK_NOTICE_SOURCE, &q, "i", notice_id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		doc = db_col_int(q, 0);
		session = db_col_int(q, 1);
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND,
			       "không có thông báo kết luận số %lld (số thông báo như trong "
			       "'dondoc notice list' và trang /notices, không phải số văn bản)",
			       (long long)notice_id);
	if (!doc && !session)
		return err_set(e, ERR_INVAL,
			       "thông báo số %lld chưa gắn với văn bản hay phiên họp nào: chưa có "
			       "nhiệm vụ để báo cáo",
			       (long long)notice_id);
	return task_followup_load(db, doc, doc ? 0 : session, as_of, a, ret, e);
}
