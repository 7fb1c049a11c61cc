/* task_remind.c: reminder digests per unit, and the record of what was sent. */
#include "core/tasks/task_remind.h"
#include "db/db.h"

#include <stdio.h>
#include <string.h>

#include "core/tasks/task.h"
#include "util/buf.h"
#include "vn/date.h"

#define DIGEST_MAX (1u << 20)
#define KEY_MAX 64 /* a claim key: "remind:unit:U" */

static struct vn_date iso(const char *s)
{
	struct vn_date d = {0, 0, 0};

	if (s)
		vn_date_parse(s, strlen(s), 0, &d, NULL);
	return d;
}

static const char *show(struct arena *a, struct vn_date d)
{
	struct buf b = BUF_INIT(64);
	const char *s;

	vn_date_format(d, VN_DATE_SHORT, &b);
	s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* The last full reporting cycle before as_of: its first and last day and its name. */
static void last_cycle(enum task_cycle c, struct vn_date asof, struct vn_date *from,
		       struct vn_date *to, char *label, size_t n)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	int months = c == TASK_CYCLE_MONTH     ? 1
		     : c == TASK_CYCLE_QUARTER ? 3
		     : c == TASK_CYCLE_HALF    ? 6
					       : 12;
	int first = (asof.m - 1) / months * months + 1; /* first month of the current cycle */

	*from = vn_date_add_months((struct vn_date){asof.y, first, 1}, -months);
	*to = vn_date_add_days(vn_date_add_months(*from, months), -1);
	switch (c) {
	case TASK_CYCLE_MONTH:
		snprintf(label, n, "tháng %d/%d", from->m, from->y);
		break;
	case TASK_CYCLE_QUARTER:
		snprintf(label, n, "quý %s/%d", roman[(from->m - 1) / 3], from->y);
		break;
	case TASK_CYCLE_HALF:
		snprintf(label, n, "6 tháng %s năm %d", from->m == 1 ? "đầu" : "cuối", from->y);
		break;
	default:
		snprintf(label, n, "năm %d", from->y);
	}
}

/*
 * The deadline as a digest line says it: the date, and the words it was
 * given in when they are not that date ("04/12/2023 (02 tháng tới)").
 */
static const char *due_show(struct arena *a, const struct task_deadline *dl)
{
	const char *d = show(a, dl->due);

	if (dl->words && (dl->kind == TASK_DL_SPAN || dl->kind == TASK_DL_PERIOD))
		return arena_printf(a, "%s (%s)", d ? d : "", dl->words);
	return d;
}

struct plan {
	struct db *db;
	struct arena *a;
	struct task_digest *v;
	size_t n, cap;
};

static struct task_digest *plan_digest(struct plan *p, int64_t unit, const char *name,
				       const char *email)
{
	struct task_digest *d;

	for (size_t i = p->n; i > 0; i--)
		if (p->v[i - 1].unit_id == unit)
			return &p->v[i - 1];
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		struct task_digest *nv = arena_alloc(p->a, cap * sizeof(*nv));

		if (!nv)
			return NULL;
		if (p->n)
			memcpy(nv, p->v, p->n * sizeof(*nv));
		p->v = nv;
		p->cap = cap;
	}
	d = &p->v[p->n++];
	memset(d, 0, sizeof(*d));
	d->unit_id = unit;
	d->unit_name = arena_strdup(p->a, name);
	d->to = email && *email ? arena_strdup(p->a, email) : NULL;
	return d;
}

static int plan_item(struct plan *p, struct task_digest *d, int64_t task, const char *event,
		     const char *line)
{
	/* A digest's items fill 8, 16, 32 … slots: full at 0 and at each power of two from 8. */
	if (d->nitems == 0 || (d->nitems >= 8 && (d->nitems & (d->nitems - 1)) == 0)) {
		size_t cap = d->nitems ? 2 * d->nitems : 8;
		struct task_remind_item *nv = arena_alloc(p->a, cap * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		if (d->nitems)
			memcpy(nv, d->items, d->nitems * sizeof(*nv));
		d->items = nv;
	}
	memset(&d->items[d->nitems], 0, sizeof(d->items[0]));
	d->items[d->nitems].task_id = task;
	d->items[d->nitems].event = arena_strdup(p->a, event);
	d->items[d->nitems].line = line;
	if (!d->items[d->nitems].event || !line)
		return ERR_NOMEM;
	d->nitems++;
	return 0;
}

static int plan_cc(struct plan *p, struct task_digest *d, int64_t follower)
{
	struct db_q *q;
	const char *email = NULL;
	int r;

	if (!follower)
		return 0;
	r = db_prepare(p->db, SQL_TASK_UNIT_LABEL, &q);
	if (r < 0)
		return r;
	if (db_bindv(q, "i", follower) == 0 && db_step(q) == 1 && db_col_text(q, 1))
		email = arena_strdup(p->a, db_col_text(q, 1));
	db_done(q);
	if (!email || !*email || (d->to && strcmp(email, d->to) == 0))
		return 0;
	for (size_t i = 0; i < d->ncc; i++)
		if (strcmp(d->cc[i], email) == 0)
			return 0;
	{
		const char **nv = arena_alloc(p->a, (d->ncc + 1) * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		if (d->ncc)
			memcpy(nv, d->cc, d->ncc * sizeof(*nv));
		nv[d->ncc++] = email;
		d->cc = nv;
	}
	return 0;
}

static int sent_already(struct db *db, int64_t task, int64_t unit, const char *event, bool *ret)
{
	int64_t n = 0;
	int r = db_query_int(db, SQL_TASK_REMINDER_SENT, &n, "iit", task, unit, event);

	*ret = n > 0;
	return r;
}

/*
 * The reporting requests due by limit that an addressee has not answered nor
 * been reminded of, each into the digest of the unit standing for it.
 */
static int plan_requests(struct plan *p, struct vn_date asof, const char *limit)
{
	struct db_q *q;
	int r;

	r = db_query(p->db, SQL_REQ_REMIND_CANDIDATES, &q, "t", limit);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		int64_t req = db_col_int(q, 0), body = db_col_int(q, 1);
		const char *due = db_col_text(q, 5), *kind = db_col_text(q, 6);
		int left = vn_date_diff_days(asof, iso(due));
		const char *what, *when, *line;
		struct task_digest *d;
		char ev[64];

		what = kind && strcmp(kind, "figures") == 0
			   ? arena_printf(p->a, "số liệu chỉ tiêu kỳ %s", db_col_text(q, 7))
			   : "báo cáo tiến độ thực hiện nhiệm vụ";
		when = left < 0	   ? arena_printf(p->a, "QUÁ HẠN %d ngày", -left)
		       : left == 0 ? "ĐẾN HẠN HÔM NAY"
				   : arena_printf(p->a, "Còn %d ngày", left);
		line = arena_printf(p->a, "[%s, hạn %s] %s yêu cầu báo cáo %s (yêu cầu số %lld)",
				    when ? when : "", show(p->a, iso(due)), db_col_text(q, 8),
				    what ? what : "", (long long)req);
		snprintf(ev, sizeof(ev), "yeu_cau_bao_cao:%lld", (long long)req);
		d = plan_digest(p, db_col_int(q, 2), db_col_text(q, 3), db_col_text(q, 4));
		if (!d || !line) {
			r = ERR_NOMEM;
			break;
		}
		r = plan_item(p, d, 0, ev, line);
		if (r < 0)
			break;
		d->items[d->nitems - 1].request_id = req;
		d->items[d->nitems - 1].body_id = body;
	}
	db_done(q);
	return r < 0 ? r : 0;
}

static int digest_text(struct arena *a, const char *as_of_show, struct task_digest *d)
{
	struct buf b = BUF_INIT(DIGEST_MAX);
	int r;

	d->subject =
	    arena_printf(a, "[dondoc] Nhắc việc: %zu nội dung cần thực hiện, báo cáo (tính đến %s)",
			 d->nitems, as_of_show);
	bool tasks_only = true;

	for (size_t i = 0; i < d->nitems; i++)
		tasks_only = tasks_only && !d->items[i].request_id;
	r = buf_printf(&b,
		       "Kính gửi: %s\n\n"
		       "Tính đến ngày %s, các %s sau đây cần được quan tâm thực hiện và "
		       "báo cáo:\n\n",
		       d->unit_name, as_of_show,
		       tasks_only ? "nhiệm vụ do đơn vị chủ trì" : "nội dung");
	for (size_t i = 0; r == 0 && i < d->nitems; i++)
		r = buf_printf(&b, "%zu. %s\n\n", i + 1, d->items[i].line);
	if (r == 0)
		r = buf_puts(
		    &b, "Đề nghị đơn vị báo cáo tiến độ, kết quả thực hiện theo quy định.\n"
			"Thư này do hệ thống theo dõi, đôn đốc nhiệm vụ dondoc gửi tự động.\n");
	if (r == 0)
		d->body = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	if (r == 0 && (!d->body || !d->subject))
		r = ERR_NOMEM;
	return r;
}

int task_remind_plan(struct db *db, const struct task_remind_opts *o, struct arena *a,
		     struct task_digest **ret, size_t *ret_n, struct err *e)
{
	struct plan p = {.db = db, .a = a};
	struct vn_date asof = iso(o->as_of);
	char limit[11];
	struct db_q *q;
	int r;

	if (vn_date_is_none(asof))
		return err_set(e, ERR_INVAL, "ngày tính không hợp lệ: %s", o->as_of);
	vn_date_iso(vn_date_add_days(asof, o->before_days > 0 ? o->before_days : 0), limit);
	/* Rows are collected first: the checks below use other statements. */
	struct row {
		int64_t task, unit, follower;
		const char *name, *email, *assigned, *content, *report_to;
		struct task_deadline dl; /* the deadline as stored, one value */
	} *rows = NULL;
	size_t nrows = 0, cap = 0;

	r = db_prepare(db, SQL_TASK_REMIND_CANDIDATES, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "t", limit);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct row *w;

		r = 0;
		if (nrows == cap) {
			struct row *nv;

			cap = cap ? 2 * cap : 64;
			nv = arena_alloc(a, cap * sizeof(*nv));
			if (!nv) {
				r = ERR_NOMEM;
				break;
			}
			if (nrows)
				memcpy(nv, rows, nrows * sizeof(*nv));
			rows = nv;
		}
		w = &rows[nrows++];
		w->task = db_col_int(q, 0);
		w->unit = db_col_int(q, 1);
		w->name = arena_strdup(a, db_col_text(q, 2));
		w->email = db_col_text(q, 3) ? arena_strdup(a, db_col_text(q, 3)) : NULL;
		task_deadline_stored(db_col_text(q, 10),
				     db_col_text(q, 11) ? arena_strdup(a, db_col_text(q, 11))
							: NULL,
				     db_col_text(q, 4), db_col_text(q, 5), &w->dl);
		w->assigned = arena_strdup(a, db_col_text(q, 6));
		w->content = arena_strdup(a, db_col_text(q, 7));
		w->follower = db_col_int(q, 8);
		w->report_to = db_col_text(q, 9) ? arena_strdup(a, db_col_text(q, 9)) : NULL;
	}
	db_done(q);
	if (r < 0)
		goto fail;
	for (size_t i = 0; i < nrows; i++) {
		struct row *w = &rows[i];
		char ev[2][64];
		const char *line[2] = {NULL, NULL};
		int nev = 0;

		if (!vn_date_is_none(w->dl.due)) {
			struct vn_date due = w->dl.due;
			int left = vn_date_diff_days(asof, due);
			const char *hd = due_show(a, &w->dl);
			char iso_due[11];

			vn_date_iso(due, iso_due);

			if (left < 0) {
				snprintf(ev[nev], sizeof(ev[0]), "qua_han:%s", iso_due);
				line[nev++] = arena_printf(
				    a, "[QUÁ HẠN %d ngày, hạn %s] Nhiệm vụ số %lld: %s", -left, hd,
				    (long long)w->task, w->content);
			} else if (left == 0) {
				snprintf(ev[nev], sizeof(ev[0]), "den_han:%s", iso_due);
				line[nev++] =
				    arena_printf(a, "[ĐẾN HẠN HÔM NAY, %s] Nhiệm vụ số %lld: %s",
						 hd, (long long)w->task, w->content);
			} else if (left <= o->before_days) {
				snprintf(ev[nev], sizeof(ev[0]), "truoc_han:%s", iso_due);
				line[nev++] =
				    arena_printf(a, "[Còn %d ngày, hạn %s] Nhiệm vụ số %lld: %s",
						 left, hd, (long long)w->task, w->content);
			}
		}
		if (w->dl.cycle != TASK_CYCLE_NONE) {
			enum task_cycle c = w->dl.cycle;
			struct vn_date from, to;
			char label[64], f[11], t[11];
			int64_t nrep = 0;

			last_cycle(c, asof, &from, &to, label, sizeof(label));
			vn_date_iso(from, f);
			vn_date_iso(to, t);
			if (strcmp(w->assigned, t) <= 0) {
				r = db_query_int(db, SQL_TASK_REPORTS_BETWEEN, &nrep, "itt",
						 w->task, f, t);
				if (r < 0)
					goto fail;
				if (nrep == 0) {
					snprintf(ev[nev], sizeof(ev[0]), "thieu_bao_cao:%s", f);
					line[nev++] = arena_printf(
					    a, "[CHƯA BÁO CÁO %s] Nhiệm vụ số %lld: %s", label,
					    (long long)w->task, w->content);
				}
			}
		}
		for (int k = 0; k < nev; k++) {
			struct task_digest *d;
			bool sent;

			r = sent_already(db, w->task, w->unit, ev[k], &sent);
			if (r < 0)
				goto fail;
			if (sent)
				continue;
			d = plan_digest(&p, w->unit, w->name, w->email);
			if (!d) {
				r = ERR_NOMEM;
				goto fail;
			}
			r = plan_item(&p, d, w->task, ev[k], line[k]);
			if (r == 0)
				r = plan_cc(&p, d, w->follower);
			if (r < 0)
				goto fail;
		}
	}
	r = plan_requests(&p, asof, limit);
	if (r < 0)
		goto fail;
	for (size_t i = 0; i < p.n; i++) {
		r = digest_text(a, show(a, asof), &p.v[i]);
		if (r < 0)
			goto fail;
	}
	*ret = p.v;
	*ret_n = p.n;
	return 0;
fail:
	return db_err(db, e, r, "không lập được danh sách nhắc việc");
}

/*
 * A digest's name in job_claim: one process at a time mails a unit its
 * digest, so that two runs never split one unit's events between two
 * messages.
 */
static void digest_key(const struct task_digest *d, char *buf, size_t n)
{
	snprintf(buf, n, "remind:unit:%lld", (long long)d->unit_id);
}

int task_remind_record(struct db *db, const struct task_digest *d, struct err *e)
{
	char key[KEY_MAX];
	int r = db_begin(db);

	if (r < 0)
		return db_err(db, e, r, "không khóa được cơ sở dữ liệu");
	for (size_t i = 0; r == 0 && i < d->nitems; i++)
		r = d->items[i].request_id
			? db_exec(db, SQL_REQ_REMINDED, "ii", d->items[i].request_id,
				  d->items[i].body_id)
			: db_exec(db, SQL_TASK_REMINDER_RECORD, "iit", d->items[i].task_id,
				  d->unit_id, d->items[i].event);
	if (r < 0)
		db_err(db, e, r, "không ghi được việc đã gửi thư nhắc");
	else {
		digest_key(d, key, sizeof(key));
		r = outbox_unclaim(db, key, e);
	}
	return db_end(db, r, e);
}

/* A digest on its way through the outbox, and what its text is rebuilt from. */
struct digest_job {
	struct task_digest *d;
	const char *as_of_show;
};

/*
 * The outbox's claim hook: claims the unit's digest, then keeps the items
 * still due (a run that claimed it before may have sent some since this one
 * planned), rewriting the text when any was dropped; none left, it lets the
 * claim go and the digest is not sent.
 */
static int digest_claim(struct db *db, struct outbox_msg *m, struct arena *a, struct err *e)
{
	struct digest_job *j = m->ctx;
	struct task_digest *d = j->d;
	size_t keep = 0, n = d->nitems;
	char key[KEY_MAX];
	bool mine;
	int r;

	digest_key(d, key, sizeof(key));
	r = outbox_claim(db, key, &mine, e);
	if (r < 0 || !mine)
		return r;
	for (size_t k = 0; r == 0 && k < n; k++) {
		const struct task_remind_item *it = &d->items[k];
		bool sent = false;
		int64_t due = 0;

		if (it->request_id) {
			r = db_query_int(db, SQL_REQ_REMIND_PENDING, &due, "ii", it->request_id,
					 it->body_id);
			sent = due == 0;
		} else {
			r = sent_already(db, it->task_id, d->unit_id, it->event, &sent);
		}
		if (r == 0 && !sent)
			d->items[keep++] = *it;
	}
	if (r < 0)
		r = db_err(db, e, r, "không kiểm tra được thư nhắc đã gửi");
	else
		d->nitems = keep;
	if (r == 0 && keep < n && keep > 0) {
		r = digest_text(a, j->as_of_show, d);
		if (r < 0)
			r = err_set(e, r, "không đủ bộ nhớ");
		m->subject = d->subject;
		m->body = d->body;
	}
	if (r < 0 || keep == 0) {
		outbox_unclaim(db, key, NULL);
		return r;
	}
	return 1;
}

/* The outbox's record hook: a digest sent is a digest not to send again; else its claim goes. */
static int digest_record(struct db *db, const struct outbox_msg *m, struct err *e)
{
	struct digest_job *j = m->ctx;
	struct task_digest *d = j->d;
	char key[KEY_MAX];

	d->status = m->status;
	d->reason = m->reason;
	if (m->status == OUTBOX_SENT)
		return task_remind_record(db, d, e);
	digest_key(d, key, sizeof(key));
	return outbox_unclaim(db, key, e);
}

int task_remind_send(struct db *db, const struct task_remind_opts *o, const struct mail_server *srv,
		     struct arena *a, struct task_digest **ret, size_t *ret_n,
		     struct outbox_counts *ret_counts, struct err *e)
{
	struct outbox_counts c = {0, 0, 0, 0};
	struct outbox_msg *msgs = NULL;
	struct digest_job *jobs = NULL;
	struct task_digest *d;
	size_t n;
	int r = task_remind_plan(db, o, a, &d, &n, e);

	if (r < 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		d[i].status = OUTBOX_QUEUED;
		d[i].reason = NULL;
	}
	if (srv && n) {
		const char *as_of_show = show(a, iso(o->as_of));

		msgs = arena_alloc(a, n * sizeof(*msgs));
		jobs = arena_alloc(a, n * sizeof(*jobs));
		if (!msgs || !jobs || !as_of_show)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		for (size_t i = 0; i < n; i++) {
			jobs[i] = (struct digest_job){.d = &d[i], .as_of_show = as_of_show};
			msgs[i] = (struct outbox_msg){.to = d[i].to,
						      .cc = d[i].cc,
						      .ncc = d[i].ncc,
						      .subject = d[i].subject,
						      .body = d[i].body,
						      .claim = digest_claim,
						      .record = digest_record,
						      .ctx = &jobs[i]};
		}
		r = outbox_send(db, srv, msgs, n, a, &c, e);
		if (r < 0)
			return r;
		for (size_t i = 0; i < n; i++)
			d[i].status = msgs[i].status;
	}
	*ret = d;
	*ret_n = n;
	*ret_counts = c;
	return 0;
}
