/* page_dashboard_tasks.c: the dashboard's task panel: each unit's overdue and soon-due tasks, the rate. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/task.h"
#include "pages/pages.h"
#include "vn/date.h"
#include "vn/num.h"

#define SOON_DAYS 14

/* One lead unit's open tasks: overdue, and due within SOON_DAYS. */
struct unit_due {
	int64_t id, overdue, soon;
};

/* The units met so far, found by id through an open-addressed table of indexes into u[]. */
struct unit_map {
	struct unit_due *u;
	size_t n, cap;
	int32_t *slot; /* -1: empty; nslot a power of two, at least twice n */
	size_t nslot;
};

static size_t unit_hash(int64_t id, size_t nslot)
{
	return (size_t)((uint64_t)id * 0x9E3779B97F4A7C15u >> 20) & (nslot - 1);
}

static int unit_map_rehash(struct arena *a, struct unit_map *m, size_t nslot)
{
	int32_t *slot = arena_alloc(a, nslot * sizeof(*slot));

	if (!slot)
		return ERR_NOMEM;
	memset(slot, 0xff, nslot * sizeof(*slot));
	for (size_t i = 0; i < m->n; i++) {
		size_t k = unit_hash(m->u[i].id, nslot);

		while (slot[k] >= 0)
			k = (k + 1) & (nslot - 1);
		slot[k] = (int32_t)i;
	}
	m->slot = slot;
	m->nslot = nslot;
	return 0;
}

/* The entry of unit id, added with zero counts when new; NULL when out of memory. */
static struct unit_due *unit_map_get(struct arena *a, struct unit_map *m, int64_t id)
{
	size_t k;

	if (2 * (m->n + 1) > m->nslot && unit_map_rehash(a, m, m->nslot ? 2 * m->nslot : 64) < 0)
		return NULL;
	for (k = unit_hash(id, m->nslot); m->slot[k] >= 0; k = (k + 1) & (m->nslot - 1))
		if (m->u[m->slot[k]].id == id)
			return &m->u[m->slot[k]];
	if (m->n == m->cap) {
		struct unit_due *u = arena_grow(a, m->u, m->n, &m->cap, sizeof(*u));

		if (!u)
			return NULL;
		m->u = u;
	}
	m->slot[k] = (int32_t)m->n;
	m->u[m->n] = (struct unit_due){.id = id};
	return &m->u[m->n++];
}

/* Most overdue first, then most due soon, then by id for a stable order. */
static int unit_due_cmp(const void *pa, const void *pb)
{
	const struct unit_due *a = pa, *b = pb;

	if (a->overdue != b->overdue)
		return a->overdue < b->overdue ? 1 : -1;
	if (a->soon != b->soon)
		return a->soon < b->soon ? 1 : -1;
	return (a->id > b->id) - (a->id < b->id);
}

/*
 * One pass over the tasks in the account's scope, merged with their lead units (both in
 * task order): the totals by status, and each lead unit's open tasks overdue or due by
 * soon. unit: a reporter's own unit (only its tasks count), else 0.
 */
static int dash_scan(struct http_req *r, const char *today, const char *soon, int64_t unit,
		     struct task_counts *all, struct unit_map *m)
{
	struct db_q *tq, *lq;
	int trc, lrc;

	trc = db_prepare(r->db, SQL_WEB_DASH_TASKS, &tq);
	if (trc < 0)
		return trc;
	lrc = db_prepare(r->db, SQL_WEB_DASH_LEADS, &lq);
	if (lrc < 0) {
		db_done(tq);
		return lrc;
	}
	trc = db_bindv(tq, "i", r->acct.id);
	lrc = db_bindv(lq, "i", unit);
	if (lrc == 0)
		lrc = db_step(lq);
	while (trc == 0 && lrc >= 0 && (trc = db_step(tq)) == 1) {
		int64_t id = db_col_int(tq, 0);
		const char *due = db_col_text(tq, 1), *done = db_col_text(tq, 2);
		bool led = false, open_soon = !done && due && strcmp(due, soon) <= 0;

		trc = 0;
		while (lrc == 1 && db_col_int(lq, 0) < id)
			lrc = db_step(lq);
		for (; lrc == 1 && db_col_int(lq, 0) == id; lrc = db_step(lq)) {
			struct unit_due *u;

			led = true;
			if (!open_soon)
				continue;
			u = unit_map_get(r->arena, m, db_col_int(lq, 1));
			if (!u) {
				lrc = ERR_NOMEM;
				break;
			}
			if (strcmp(due, today) < 0)
				u->overdue++;
			else
				u->soon++;
		}
		if (!unit || led)
			task_counts_add(all,
					task_status_at(db_col_int(tq, 3) != 0, due, done, today),
					due != NULL);
	}
	db_done(lq);
	db_done(tq);
	if (trc < 0 || lrc < 0)
		return trc < 0 ? trc : lrc;
	if (m->n)
		qsort(m->u, m->n, sizeof(*m->u), unit_due_cmp);
	return 0;
}

int page_dashboard_tasks(struct http_req *r, struct html *h)
{
	bool reporter = strcmp(r->acct.role, "reporter") == 0;
	struct task_counts all = {0};
	struct unit_map m = {0};
	struct vn_dec rate;
	struct db_q *q;
	char today[11], soon[11];
	struct vn_date d;
	int rc, n = 0;

	page_today(today);
	d = vn_date_add_days(vn_date_today(), SOON_DAYS);
	vn_date_iso(d, soon);
	rc = dash_scan(r, today, soon, reporter ? r->acct.unit_id : 0, &all, &m);
	if (rc < 0)
		return rc;
	if (!reporter) {
		H(h, "<h2>Thực hiện nhiệm vụ</h2><p>");
		html_int(h, all.total);
		H(h, " nhiệm vụ; đến hạn ");
		html_int(h, all.due);
		H(h, ", đã hoàn thành ");
		html_int(h, all.due_done);
		if (task_counts_rate(&all, &rate)) {
			struct buf b = BUF_INIT(32);

			H(h, " (");
			if (vn_pct_format(rate, &b) == 0)
				html_text(h, buf_str(&b));
			buf_free(&b);
			H(h, ")");
		}
		H(h, "; <strong class=\"bad\">");
		html_int(h, all.n[TASK_OPEN_OVERDUE]);
		H(h, " quá hạn</strong>.</p>");
	} else {
		H(h, "<h2>Nhiệm vụ của đơn vị</h2><p><a href=\"/don-vi\">Báo cáo tiến độ</a></p>");
	}
	H(h, "<table class=\"units\"><thead><tr><th>Đơn vị chủ trì</th><th>Quá hạn</th>"
	     "<th>Đến hạn trong 14 ngày</th></tr></thead><tbody>");
	for (size_t i = 0; rc == 0 && i < m.n; i++) {
		rc = db_prepare(r->db, SQL_WEB_UNIT_NAME, &q);
		if (rc < 0)
			break;
		rc = db_bindv(q, "i", m.u[i].id);
		if (rc == 0 && (rc = db_step(q)) == 1) {
			n++;
			H(h, "<tr><td><a href=\"/tasks?unit=");
			html_int(h, m.u[i].id);
			H(h, "&amp;open=1\">");
			html_text(h, db_col_text(q, 0));
			H(h, "</a></td><td class=\"num overdue\">");
			html_int(h, m.u[i].overdue);
			H(h, "</td><td class=\"num soon\">");
			html_int(h, m.u[i].soon);
			H(h, "</td></tr>");
			rc = 0;
		}
		db_done(q);
	}
	if (rc < 0)
		return rc;
	if (!n)
		H(h, "<tr><td colspan=\"3\" class=\"muted\">Không có nhiệm vụ quá hạn hay sắp đến "
		     "hạn.</td></tr>");
	H(h, "</tbody></table><h3>Báo cáo tiến độ mới nhất</h3><ul class=\"reports\">");
	rc = db_prepare(r->db, SQL_WEB_RECENT_REPORTS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, reporter ? r->acct.unit_id : (int64_t)0);
	n = 0;
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(h, "<li><a href=\"/tasks/");
		html_int(h, db_col_int(q, 0));
		H(h, "\">");
		html_text(h, db_col_text(q, 4));
		H(h, "</a><br><span class=\"muted\">");
		html_text(h, db_col_text(q, 1));
		H(h, " — ");
		html_text(h, db_col_text(q, 2));
		H(h, ":</span> ");
		html_text(h, db_col_text(q, 3));
		H(h, "</li>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(h, "<li class=\"muted\">Chưa có báo cáo.</li>");
	H(h, "</ul>");
	return 0;
}
