/* task.c: tasks: deadlines, statuses, adding, reports, confirmation, extension, editing, loading. */
/*
 * Over 1,000 lines: one task's life (its deadline, units, adding, reports,
 * confirmation, send-back, extension, editing, loading) shares the row
 * readers and checks kept here; the counts are in task_stats.c, reminders in
 * task_remind.c.
 */
#include "core/tasks/task.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tasks/task_int.h"
#include "util/buf.h"
#include "vn/deadline.h"
#include "vn/text.h"

#define TASK_TEXT_MAX 16000 /* bytes of content, report text or result */
#define TASK_NAME_MAX 1000  /* bytes of a unit name, section, deadline text */

/* ------------------------------------------------------------------ statuses */

static const struct {
	const char *code, *name, *fold;
} task_status_names[TASK_NSTATUS] = {
    [TASK_DONE_ON_TIME] = {"dung_han", "hoàn thành đúng hạn", "hoan thanh dung han"},
    [TASK_DONE_LATE] = {"tre_han", "hoàn thành quá hạn", "hoan thanh qua han"},
    [TASK_OPEN_IN_TIME] = {"trong_han", "chưa hoàn thành trong hạn", "chua hoan thanh trong han"},
    [TASK_OPEN_OVERDUE] = {"qua_han", "chưa hoàn thành quá hạn", "chua hoan thanh qua han"},
    [TASK_STANDING] = {"thuong_xuyen", "thường xuyên", "thuong xuyen"},
};

const char *task_status_name(enum task_status s)
{
	return s < TASK_NSTATUS ? task_status_names[s].name : "";
}

const char *task_status_code(enum task_status s)
{
	return s < TASK_NSTATUS ? task_status_names[s].code : "";
}

int task_status_parse(const char *s, enum task_status *ret, struct err *e)
{
	struct buf f = BUF_INIT(TASK_NAME_MAX);
	int r = ERR_INVAL;

	if (s && vn_fold(s, strlen(s), &f) == 0) {
		for (int i = 0; i < TASK_NSTATUS; i++) {
			if (strcmp(s, task_status_names[i].code) == 0 ||
			    strcmp(buf_str(&f), task_status_names[i].fold) == 0) {
				*ret = (enum task_status)i;
				r = 0;
				break;
			}
		}
	}
	buf_free(&f);
	if (r < 0)
		err_set(e, ERR_INVAL,
			"tình trạng không hợp lệ: '%s' (dùng dung_han, tre_han, trong_han, "
			"qua_han hoặc thuong_xuyen)",
			s ? s : "");
	return r;
}

enum task_status task_status_at(bool standing, const char *due, const char *completed,
				const char *as_of)
{
	/* ISO dates compare as text. */
	if (completed && strcmp(completed, as_of) <= 0) {
		if (!due || strcmp(completed, due) <= 0)
			return TASK_DONE_ON_TIME;
		return TASK_DONE_LATE;
	}
	if (standing)
		return TASK_STANDING;
	if (!due || strcmp(as_of, due) <= 0)
		return TASK_OPEN_IN_TIME;
	return TASK_OPEN_OVERDUE;
}

void task_counts_add(struct task_counts *c, enum task_status s, bool has_due)
{
	c->n[s]++;
	c->total++;
	if (has_due && (s == TASK_DONE_ON_TIME || s == TASK_DONE_LATE)) {
		c->due++;
		c->due_done++;
	} else if (s == TASK_OPEN_OVERDUE) {
		c->due++;
	}
}

void task_counts_merge(struct task_counts *into, const struct task_counts *c)
{
	for (int s = 0; s < TASK_NSTATUS; s++)
		into->n[s] += c->n[s];
	into->total += c->total;
	into->due += c->due;
	into->due_done += c->due_done;
}

bool task_counts_rate(const struct task_counts *c, struct vn_dec *ret)
{
	if (c->due == 0)
		return false;
	return vn_dec_pct(vn_dec_int(c->due_done), vn_dec_int(c->due), 2, ret) == 0;
}

/* ----------------------------------------------------------------- deadlines */

static const char *const task_dl_codes[] = {"none", "date", "period", "span", "standing"};
static const char *const task_cycle_codes[] = {NULL, "month", "quarter", "half", "year"};

const char *task_deadline_kind_code(enum task_deadline_kind k)
{
	return task_dl_codes[k];
}

const char *task_cycle_code(enum task_cycle c)
{
	return task_cycle_codes[c];
}

static enum task_deadline_kind task_dl_from_code(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (s && strcmp(s, task_dl_codes[i]) == 0)
			return (enum task_deadline_kind)i;
	return TASK_DL_NONE;
}

static enum task_cycle task_cycle_from_code(const char *s)
{
	for (int i = 1; i < 5; i++)
		if (s && strcmp(s, task_cycle_codes[i]) == 0)
			return (enum task_cycle)i;
	return TASK_CYCLE_NONE;
}

int task_cycle_parse(const char *s, enum task_cycle *ret, struct err *e)
{
	static const struct {
		const char *word;
		enum task_cycle c;
	} words[] = {
	    {"month", TASK_CYCLE_MONTH},      {"thang", TASK_CYCLE_MONTH},
	    {"hang thang", TASK_CYCLE_MONTH}, {"quarter", TASK_CYCLE_QUARTER},
	    {"quy", TASK_CYCLE_QUARTER},      {"hang quy", TASK_CYCLE_QUARTER},
	    {"half", TASK_CYCLE_HALF},	      {"6thang", TASK_CYCLE_HALF},
	    {"6 thang", TASK_CYCLE_HALF},     {"year", TASK_CYCLE_YEAR},
	    {"nam", TASK_CYCLE_YEAR},	      {"hang nam", TASK_CYCLE_YEAR},
	};
	struct buf f = BUF_INIT(TASK_NAME_MAX);
	int r = ERR_INVAL;

	if (s && vn_fold(s, strlen(s), &f) == 0) {
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			if (strcmp(buf_str(&f), words[i].word) == 0) {
				*ret = words[i].c;
				r = 0;
				break;
			}
		}
	}
	buf_free(&f);
	if (r < 0)
		err_set(e, ERR_INVAL,
			"chu kỳ báo cáo không hợp lệ: '%s' (dùng thang, quy, 6thang hoặc nam)",
			s ? s : "");
	return r;
}

static struct vn_date month_end(int y, int m)
{
	return vn_date_add_days(vn_date_add_months((struct vn_date){y, m, 1}, 1), -1);
}

/* The meaning of the scanned words: their kind and last day, from base for a span. */
static int task_deadline_resolve(const struct vn_deadline *v, const char *words,
				 struct vn_date base, struct task_deadline *ret, struct err *e)
{
	struct task_deadline d = {.kind = TASK_DL_NONE, .words = words};

	switch (v->form) {
	case VN_DL_NONE:
		d.words = NULL;
		break;
	case VN_DL_STANDING:
		d.kind = TASK_DL_STANDING;
		break;
	case VN_DL_DATE:
		d.kind = TASK_DL_DATE;
		d.due = v->date;
		break;
	case VN_DL_PERIOD:
		d.kind = TASK_DL_PERIOD;
		d.due = v->unit == VN_DL_QUARTER	? month_end(v->year, v->n * 3)
			: v->unit == VN_DL_MONTH	? month_end(v->year, v->n)
			: v->unit == VN_DL_FIRST_MONTHS ? month_end(v->year, v->n)
							: (struct vn_date){v->year, 12, 31};
		break;
	case VN_DL_SPAN:
		if (vn_date_is_none(base))
			return err_set(e, ERR_INVAL,
				       "thời hạn '%s' tính từ ngày họp hoặc ngày giao, "
				       "nhưng chưa có ngày đó",
				       words);
		d.kind = TASK_DL_SPAN;
		d.due = v->unit == VN_DL_MONTHS	 ? vn_date_add_months(base, v->n)
			: v->unit == VN_DL_WEEKS ? vn_date_add_days(base, 7 * v->n)
						 : vn_date_add_days(base, v->n);
		break;
	}
	if (!vn_date_is_none(d.due) && !vn_date_plausible(d.due))
		return err_set(e, ERR_INVAL,
			       "thời hạn '%s' không hợp lệ: rơi vào năm %04d, ngoài khoảng %d–%d",
			       words, d.due.y, VN_DATE_YEAR_MIN, VN_DATE_YEAR_MAX);
	*ret = d;
	return 0;
}

int task_deadline_parse(const char *text, struct vn_date base, struct task_deadline *ret,
			struct err *e)
{
	struct vn_deadline v;
	struct err de = {0};
	int r;

	if (!text) {
		*ret = (struct task_deadline){.kind = TASK_DL_NONE};
		return 0;
	}
	r = vn_deadline_scan(text, strlen(text), 0, VN_DL_WHOLE, &v, &de);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL,
			       "thời hạn không hiểu được: '%s' (ví dụ: 04/12/2023, quý IV/2023, "
			       "tháng 12/2023, 02 tháng tới, thường xuyên)",
			       text);
	if (r < 0)
		return err_set(e, r, "thời hạn '%s' không hợp lệ: %s", text, err_msg(&de, r));
	return task_deadline_resolve(&v, v.form == VN_DL_NONE ? NULL : text, base, ret, e);
}

int task_deadline_find(const char *text, size_t len, struct vn_date base, int default_year,
		       struct arena *a, struct task_deadline *ret, size_t *ret_off, size_t *ret_len,
		       struct err *e)
{
	struct vn_deadline v;
	const char *words;
	int r = vn_deadline_scan(text, len, default_year, 0, &v, NULL);

	if (r < 0)
		return r == ERR_NOTFOUND ? r : err_set(e, r, "thời hạn: văn bản không đọc được");
	words = arena_strndup(a, text + v.off, v.len);
	if (!words)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_deadline_resolve(&v, words, base, ret, e);
	if (r == 0) {
		*ret_off = v.off;
		*ret_len = v.len;
	}
	return r;
}

int task_date_arg(const char *s, const char *what, char out[static 11], struct err *e)
{
	struct vn_date d;
	struct err de = {0};

	if (!s || !*s)
		return err_set(e, ERR_INVAL, "thiếu %s", what);
	if (vn_date_parse(s, strlen(s), 0, &d, &de) < 0)
		return err_set(e, ERR_INVAL, "%s không hợp lệ: '%s' (%s)", what, s, de.msg);
	vn_date_iso(d, out);
	return 0;
}

static struct vn_date iso_date(const char *iso)
{
	struct vn_date d = {0, 0, 0};

	if (iso && *iso)
		vn_date_parse(iso, strlen(iso), 0, &d, NULL);
	return d;
}

void task_deadline_stored(const char *kind, const char *words, const char *due, const char *cycle,
			  struct task_deadline *ret)
{
	*ret = (struct task_deadline){.kind = task_dl_from_code(kind),
				      .words = words,
				      .due = iso_date(due),
				      .cycle = task_cycle_from_code(cycle)};
}

/* "04/12/2023" from ISO text, in the arena; "" for NULL. */
static const char *date_show(struct arena *a, const char *iso)
{
	struct buf b = BUF_INIT(64);
	const char *s;

	if (!iso)
		return "";
	if (vn_date_format(iso_date(iso), VN_DATE_SHORT, &b) < 0) {
		buf_free(&b);
		return arena_strdup(a, iso);
	}
	s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* --------------------------------------------------------------------- units */

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Runs a one-text-parameter id lookup: 0 rows, 1 row (id in *ret), or 2 (ambiguous). */
static int unit_lookup(struct db *db, enum db_stmt id, const char *key, int64_t *ret, int *nrows)
{
	struct db_q *q;
	int r;

	*nrows = 0;
	r = db_prepare(db, id, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "t", key);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (++*nrows == 1)
			*ret = db_col_int(q, 0);
		r = 0;
	}
	db_done(q);
	return r;
}

int task_unit_find(struct db *db, const char *ref, int64_t *ret, struct err *e)
{
	struct buf nfc = BUF_INIT(TASK_NAME_MAX), fold = BUF_INIT(TASK_NAME_MAX);
	int64_t id = 0;
	int n = 0, r;

	if (!ref || !*ref)
		return err_set(e, ERR_INVAL, "thiếu tên đơn vị");
	if (all_digits(ref)) {
		r = db_query_int(db, SQL_TASK_UNIT_BY_ID, &id, "t", ref);
		if (r == ERR_NOTFOUND)
			return err_set(e, ERR_NOTFOUND, "không có đơn vị số %s", ref);
		if (r < 0)
			return db_err(db, e, r, "không đọc được danh mục đơn vị");
		*ret = id;
		return 0;
	}
	r = vn_nfc(ref, strlen(ref), &nfc, NULL);
	if (r == 0)
		r = unit_lookup(db, SQL_TASK_UNIT_BY_NAME, buf_str(&nfc), &id, &n);
	if (r == 0 && n == 0) {
		r = vn_fold(ref, strlen(ref), &fold);
		if (r == 0)
			r = unit_lookup(db, SQL_TASK_UNIT_BY_FOLD, buf_str(&fold), &id, &n);
	}
	buf_free(&nfc);
	buf_free(&fold);
	if (r < 0)
		return err_set(e, r, "không tìm được đơn vị '%s'", ref);
	if (n == 0)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị '%s' trong danh mục đơn vị", ref);
	if (n > 1)
		return err_set(e, ERR_INVAL,
			       "có nhiều đơn vị tên '%s'; hãy dùng số hiệu (id) của đơn vị", ref);
	*ret = id;
	return 0;
}

/* ---------------------------------------------------------------- new tasks */

/*
 * s trimmed and in NFC, copied into the arena; NULL stays NULL when
 * optional. what names the field in messages.
 */
static int clean_text(struct arena *a, const char *s, size_t max, bool required, const char *what,
		      const char **ret, struct err *e)
{
	struct buf b = BUF_INIT(max);
	size_t len;
	int r;

	*ret = NULL;
	if (!s) {
		if (required)
			return err_set(e, ERR_INVAL, "thiếu %s", what);
		return 0;
	}
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0) {
		if (required)
			return err_set(e, ERR_INVAL, "%s không được để trống", what);
		return 0;
	}
	r = vn_nfc(s, len, &b, NULL);
	if (r == ERR_TOOBIG)
		r = err_set(e, r, "%s quá dài (tối đa %zu byte)", what, max);
	else if (r < 0)
		r = err_set(e, ERR_INVAL, "%s không phải văn bản UTF-8 hợp lệ", what);
	else if (!(*ret = arena_strdup(a, buf_str(&b))))
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	buf_free(&b);
	return r;
}

int task_source_info(struct db *db, enum db_stmt id, int64_t key, struct task_source *ret)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, id, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "i", key);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		const char *d = db_col_text(q, 0);

		snprintf(ret->date, sizeof(ret->date), "%s", d ? d : "");
		ret->body_id = db_col_int(q, 1);
		if (id == SQL_TASK_DOC_INFO) {
			d = db_col_text(q, 5);
			snprintf(ret->session_date, sizeof(ret->session_date), "%s", d ? d : "");
		}
		r = 0;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	return r;
}

static int insert_units(struct db *db, int64_t task, const char *const *refs, size_t n,
			const char *role, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		int64_t uid;
		int r = task_unit_find(db, refs[i], &uid, e);

		if (r < 0)
			return r;
		r = db_exec(db, SQL_TASK_UNIT_INSERT, "iit", task, uid, role);
		if (r == ERR_EXISTS)
			return err_set(e, ERR_INVAL, "đơn vị '%s' được ghi hai lần trong nhiệm vụ",
				       refs[i]);
		if (r < 0)
			return db_err(db, e, r, "không ghi được đơn vị của nhiệm vụ");
	}
	return 0;
}

int task_insert(struct db *db, const struct task_input *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct task_source src = {"", 0, ""};
	struct task_deadline dl;
	struct buf fold = BUF_INIT(TASK_TEXT_MAX * 2);
	const char *content, *section, *dltext, *report_to;
	char assigned[11] = "", base[11] = "", due[11] = "";
	enum task_cycle cycle = TASK_CYCLE_NONE;
	int64_t follower = 0, body = in->body_id, id, v;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = clean_text(a, in->content, TASK_TEXT_MAX, true, "nội dung nhiệm vụ", &content, e);
	if (r == 0)
		r = clean_text(a, in->section, TASK_NAME_MAX, false, "mục", &section, e);
	if (r == 0)
		r = clean_text(a, in->dl ? in->dl->words : in->deadline, TASK_NAME_MAX, false,
			       "thời hạn", &dltext, e);
	if (r == 0)
		r = clean_text(a, in->report_to, TASK_NAME_MAX, false, "nơi báo cáo", &report_to,
			       e);
	if (r < 0)
		goto out;
	if (in->nleads == 0) {
		r = err_set(e, ERR_INVAL, "nhiệm vụ cần ít nhất một đơn vị chủ trì");
		goto out;
	}
	if (in->source_doc_id) {
		r = task_source_info(db, SQL_TASK_DOC_INFO, in->source_doc_id, &src);
		if (r == ERR_NOTFOUND)
			r = err_set(e, r, "không có văn bản số %lld", (long long)in->source_doc_id);
		if (r < 0)
			goto out;
		snprintf(base, sizeof(base), "%s", src.date);
		/*
		 * The notice concluding a session: its words ("02 tháng tới") were
		 * said at the session and count from its date, as when it is imported.
		 */
		if (src.session_date[0] && !in->source_session_id) {
			snprintf(base, sizeof(base), "%s", src.session_date);
			if (!src.date[0])
				snprintf(src.date, sizeof(src.date), "%s", src.session_date);
		}
	}
	if (in->source_session_id) {
		struct task_source ss = {"", 0, ""};

		r = task_source_info(db, SQL_TASK_SESSION_INFO, in->source_session_id, &ss);
		if (r == ERR_NOTFOUND)
			r = err_set(e, r, "không có phiên họp số %lld",
				    (long long)in->source_session_id);
		if (r < 0)
			goto out;
		/* A span such as "02 tháng tới" runs from the session's date. */
		snprintf(base, sizeof(base), "%s", ss.date);
		if (!src.body_id)
			src.body_id = ss.body_id;
		if (!src.date[0])
			snprintf(src.date, sizeof(src.date), "%s", ss.date);
	}
	if (in->assigned_on) {
		r = task_date_arg(in->assigned_on, "ngày giao", assigned, e);
		if (r < 0)
			goto out;
	} else if (src.date[0]) {
		snprintf(assigned, sizeof(assigned), "%s", src.date);
	} else {
		vn_date_iso(vn_date_today(), assigned);
	}
	if (!base[0])
		snprintf(base, sizeof(base), "%s", assigned);
	if (in->dl) {
		/* Read from a sentence (the importer): kept as read, the words cleaned. */
		dl = *in->dl;
		dl.words = dltext;
		if (!vn_date_is_none(dl.due) && !vn_date_plausible(dl.due)) {
			r = err_set(e, ERR_INVAL, "thời hạn '%s' không hợp lệ",
				    dltext ? dltext : "");
			goto out;
		}
	} else {
		r = task_deadline_parse(dltext, iso_date(base), &dl, e);
		if (r < 0)
			goto out;
	}
	if (!vn_date_is_none(dl.due)) {
		vn_date_iso(dl.due, due);
		if (strcmp(due, assigned) < 0) {
			r = err_set(e, ERR_INVAL, "thời hạn %s trước ngày giao nhiệm vụ %s",
				    date_show(a, due), date_show(a, assigned));
			goto out;
		}
	}
	if (in->cycle) {
		r = task_cycle_parse(in->cycle, &cycle, e);
		if (r < 0)
			goto out;
	}
	dl.cycle = cycle;
	if (in->follower) {
		r = task_unit_find(db, in->follower, &follower, e);
		if (r < 0)
			goto out;
	}
	if (in->parent_id) {
		r = db_query_int(db, SQL_TASK_EXISTS, &v, "i", in->parent_id);
		if (r == ERR_NOTFOUND)
			r = err_set(e, r, "không có nhiệm vụ cha số %lld",
				    (long long)in->parent_id);
		if (r < 0)
			goto out;
	}
	if (!body)
		body = src.body_id;
	if (!body) {
		struct db_q *q;

		r = db_prepare(db, SQL_TASK_BODY_COUNT, &q);
		if (r == 0 && (r = db_step(q)) == 1) {
			if (db_col_int(q, 0) == 1)
				body = db_col_int(q, 1);
			r = 0;
		}
		db_done(q);
		if (r < 0)
			goto out;
	}
	r = vn_fold(content, strlen(content), &fold);
	if (r < 0)
		goto dberr;
	{
		struct db_q *q;

		r = db_prepare(db, SQL_TASK_INSERT, &q);
		if (r < 0)
			goto dberr;
		r = in->parent_id ? db_bind_int(q, 1, in->parent_id) : db_bind_null(q, 1);
		if (r == 0)
			r = body ? db_bind_int(q, 2, body) : db_bind_null(q, 2);
		if (r == 0)
			r = in->source_doc_id ? db_bind_int(q, 3, in->source_doc_id)
					      : db_bind_null(q, 3);
		if (r == 0)
			r = in->source_session_id ? db_bind_int(q, 4, in->source_session_id)
						  : db_bind_null(q, 4);
		if (r == 0)
			r = db_bind_text(q, 5, section);
		if (r == 0)
			r = db_bind_text(q, 6, content);
		if (r == 0)
			r = db_bind_text(q, 7, assigned);
		if (r == 0)
			r = db_bind_text(q, 8, task_deadline_kind_code(dl.kind));
		if (r == 0)
			r = db_bind_text(q, 9, dl.kind == TASK_DL_NONE ? NULL : dl.words);
		if (r == 0)
			r = db_bind_text(q, 10, due[0] ? due : NULL);
		if (r == 0)
			r = db_bind_text(q, 11, task_cycle_code(dl.cycle));
		if (r == 0)
			r = db_bind_text(q, 12, report_to);
		if (r == 0)
			r = follower ? db_bind_int(q, 13, follower) : db_bind_null(q, 13);
		if (r == 0)
			r = in->lower_body_id ? db_bind_int(q, 14, in->lower_body_id)
					      : db_bind_null(q, 14);
		if (r == 0)
			r = db_bind_text(q, 15, buf_str(&fold));
		if (r == 0)
			r = db_step(q);
		db_done(q);
		if (r < 0) {
			if (in->lower_body_id)
				r = db_err(db, e, r, "không ghi được nhiệm vụ (cấp dưới số %lld?)",
					   (long long)in->lower_body_id);
			goto dberr;
		}
	}
	id = db_last_id(db);
	r = insert_units(db, id, in->leads, in->nleads, "lead", e);
	if (r == 0)
		r = insert_units(db, id, in->coords, in->ncoords, "coord", e);
	if (r < 0)
		goto out;
	/* led by a lower body's unit (a commune's committee): that body's task too */
	if (!in->lower_body_id && (r = db_exec(db, SQL_TASK_LOWER_FROM_LEAD, "i", id)) < 0)
		goto dberr;
	r = db_exec(db, SQL_TASK_EVENT_INSERT, "ittnnnn", id, "created", assigned);
	if (r < 0)
		goto dberr;
	*ret_id = id;
	goto out;
dberr:
	if (e && e->code != r)
		db_err(db, e, r, "không ghi được nhiệm vụ");
out:
	buf_free(&fold);
	arena_free(a);
	return r;
}

int task_add(struct db *db, const struct task_input *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_insert(db, in, ret_id, e), e);
}

/* --------------------------------------------------------- reports, closing */

struct task_state {
	char state[20], assigned[11], completed[11];
};

static int task_state_get(struct db *db, int64_t id, struct task_state *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_TASK_STATE, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		const char *c = db_col_text(q, 2);

		snprintf(ret->state, sizeof(ret->state), "%s", db_col_text(q, 0));
		snprintf(ret->assigned, sizeof(ret->assigned), "%s", db_col_text(q, 1));
		snprintf(ret->completed, sizeof(ret->completed), "%s", c ? c : "");
		r = 0;
	} else if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có nhiệm vụ số %lld", (long long)id);
	} else {
		r = db_err(db, e, r, "lỗi cơ sở dữ liệu");
	}
	db_done(q);
	return r;
}

/*
 * The state of a task that is still open: ERR_LOCKED, with e naming the day it
 * was confirmed done and then refused (a phrase such as "không gia hạn được",
 * or NULL), when it is completed.
 */
static int task_open_get(struct db *db, int64_t id, struct arena *a, const char *refused,
			 struct task_state *ret, struct err *e)
{
	int r = task_state_get(db, id, ret, e);

	if (r == 0 && strcmp(ret->state, "done") == 0)
		r = err_set(e, ERR_LOCKED,
			    "nhiệm vụ số %lld đã được xác nhận hoàn thành ngày %s%s%s",
			    (long long)id, date_show(a, ret->completed), refused ? "; " : "",
			    refused ? refused : "");
	return r;
}

/* Resolves date (NULL: today) and checks it does not precede the assignment. */
static int event_date(struct arena *a, const char *date, const char *what,
		      const struct task_state *st, char out[static 11], struct err *e)
{
	int r;

	if (date) {
		r = task_date_arg(date, what, out, e);
		if (r < 0)
			return r;
	} else {
		vn_date_iso(vn_date_today(), out);
	}
	if (strcmp(out, st->assigned) < 0)
		return err_set(e, ERR_INVAL, "%s %s trước ngày giao nhiệm vụ %s", what,
			       date_show(a, out), date_show(a, st->assigned));
	return 0;
}

/* The progress of a report: NULL (not stated) or "0" to "100", stored as a number. */
static int percent_check(const char *s, struct err *e)
{
	int v = 0;

	if (!s)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || p - s > 2)
			return err_set(e, ERR_INVAL,
				       "tiến độ '%s' không hợp lệ: phải là số phần trăm từ 0 đến "
				       "100",
				       s);
		v = v * 10 + (*p - '0');
	}
	if (!*s || v > 100)
		return err_set(e, ERR_INVAL,
			       "tiến độ '%s' không hợp lệ: phải là số phần trăm từ 0 đến 100", s);
	return 0;
}

int task_report_tx(struct db *db, int64_t id, const struct task_report_input *in,
		   int64_t *ret_event, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct task_state st;
	const char *text, *result;
	char date[11];
	int64_t unit, ev, one;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_open_get(db, id, a, "không nhận thêm báo cáo", &st, e);
	if (r < 0)
		goto out;
	r = clean_text(a, in->text, TASK_TEXT_MAX, true, "nội dung báo cáo", &text, e);
	if (r == 0)
		r = clean_text(a, in->result, TASK_TEXT_MAX, false, "kết quả, sản phẩm", &result,
			       e);
	if (r == 0)
		r = event_date(a, in->on_date, "ngày báo cáo", &st, date, e);
	if (r == 0)
		r = percent_check(in->percent, e);
	if (r == 0)
		r = task_unit_find(db, in->unit, &unit, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_TASK_UNIT_ROLE, &one, "iiii", id, unit, id, unit);
	if (r == ERR_NOTFOUND) {
		r = err_set(e, ERR_INVAL, "đơn vị '%s' không được giao nhiệm vụ số %lld", in->unit,
			    (long long)id);
		goto out;
	}
	if (r < 0)
		goto dberr;
	r = db_exec(db, SQL_TASK_EVENT_INSERT, "ittittt", id,
		    in->close_request ? "close_request" : "report", date, unit, text, result,
		    in->percent);
	if (r < 0)
		goto dberr;
	ev = db_last_id(db);
	for (size_t i = 0; i < in->nattachments; i++) {
		const char *ref;

		r = clean_text(a, in->attachments[i], TASK_NAME_MAX, true, "tệp đính kèm", &ref, e);
		if (r < 0)
			goto out;
		r = db_exec(db, SQL_TASK_ATTACH_INSERT, "it", ev, ref);
		if (r < 0)
			goto dberr;
	}
	r = db_exec(db, SQL_TASK_SET_REPORTED, "tdi", date, in->close_request ? 1 : 0, id);
	if (r < 0)
		goto dberr;
	if (ret_event)
		*ret_event = ev;
	goto out;
dberr:
	db_err(db, e, r, "không ghi được báo cáo");
out:
	arena_free(a);
	return r;
}

int task_report(struct db *db, int64_t id, const struct task_report_input *in, int64_t *ret_event,
		struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_report_tx(db, id, in, ret_event, e), e);
}

/* A date of the office's answer (what) may not precede a pending request to close. */
static int after_request(struct db *db, struct arena *a, int64_t id, const struct task_state *st,
			 const char *day, const char *what, struct err *e)
{
	char req[11] = "";
	struct db_q *q;
	int r;

	if (strcmp(st->state, "close_requested") != 0)
		return 0;
	r = db_query(db, SQL_TASK_CLOSE_REQ_DATE, &q, "i", id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1)
		snprintf(req, sizeof(req), "%s", db_col_text(q, 0) ? db_col_text(q, 0) : "");
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (*req && strcmp(day, req) < 0)
		return err_set(e, ERR_INVAL, "%s %s trước ngày đơn vị đề nghị kết thúc %s", what,
			       date_show(a, day), date_show(a, req));
	return 0;
}

int task_confirm_tx(struct db *db, int64_t id, const char *date, const char *note, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct task_state st;
	const char *text;
	char day[11];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_open_get(db, id, a, NULL, &st, e);
	if (r < 0)
		goto out;
	r = clean_text(a, note, TASK_TEXT_MAX, false, "ghi chú", &text, e);
	if (r == 0)
		r = event_date(a, date, "ngày hoàn thành", &st, day, e);
	if (r == 0)
		r = after_request(db, a, id, &st, day, "ngày hoàn thành", e);
	if (r < 0)
		goto out;
	r = db_exec(db, SQL_TASK_EVENT_INSERT, "ittntnn", id, "confirmed", day, text);
	if (r == 0)
		r = db_exec(db, SQL_TASK_SET_DONE, "ti", day, id);
	if (r < 0)
		db_err(db, e, r, "không ghi được xác nhận");
out:
	arena_free(a);
	return r;
}

int task_confirm(struct db *db, int64_t id, const char *date, const char *note, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_confirm_tx(db, id, date, note, e), e);
}

static int task_send_back_tx(struct db *db, int64_t id, const char *date, const char *note,
			     struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct task_state st;
	const char *text;
	char day[11];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_state_get(db, id, &st, e);
	if (r == 0 && strcmp(st.state, "close_requested") != 0)
		r = err_set(e, ERR_INVAL,
			    "nhiệm vụ số %lld không có đề nghị kết thúc nào đang chờ để trả lại",
			    (long long)id);
	if (r == 0)
		r = clean_text(a, note, TASK_TEXT_MAX, true, "lý do trả lại", &text, e);
	if (r == 0)
		r = event_date(a, date, "ngày trả lại", &st, day, e);
	if (r == 0)
		r = after_request(db, a, id, &st, day, "ngày trả lại", e);
	if (r < 0)
		goto out;
	r = db_exec(db, SQL_TASK_EVENT_INSERT, "ittntnn", id, "sent_back", day, text);
	if (r == 0)
		r = db_exec(db, SQL_TASK_SET_OPEN, "i", id);
	if (r < 0)
		db_err(db, e, r, "không ghi được");
out:
	arena_free(a);
	return r;
}

int task_send_back(struct db *db, int64_t id, const char *date, const char *note, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_send_back_tx(db, id, date, note, e), e);
}

/*
 * "quý I/2024 (31/03/2024)"; the date alone when the words are one ("trước
 * ngày 10/12/2023" too); "không có" for no deadline. Arena memory.
 */
static const char *deadline_show(struct arena *a, const char *words, const char *due)
{
	if (!words && !due)
		return "không có";
	if (!due)
		return words;
	if (!words || strstr(words, date_show(a, due)))
		return date_show(a, due);
	return arena_printf(a, "%s (%s)", words, date_show(a, due));
}

static int task_extend_tx(struct db *db, int64_t id, const struct task_extend_input *in,
			  struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	const char *reason, *words, *old_words = NULL, *old_due = NULL, *change;
	struct task_deadline dl;
	struct task_state st;
	char day[11], due[11];
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_open_get(db, id, a, "không gia hạn được", &st, e);
	if (r < 0)
		goto out;
	r = clean_text(a, in->deadline, TASK_NAME_MAX, true, "thời hạn mới", &words, e);
	if (r == 0)
		r = clean_text(a, in->reason, TASK_TEXT_MAX, true, "lý do gia hạn", &reason, e);
	if (r == 0)
		r = event_date(a, in->decided_on, "ngày quyết định gia hạn", &st, day, e);
	if (r == 0)
		r = task_deadline_parse(words, iso_date(day), &dl, e);
	if (r < 0)
		goto out;
	if (vn_date_is_none(dl.due)) {
		r = err_set(e, ERR_INVAL,
			    "thời hạn mới '%s' phải là một ngày hoặc một kỳ (ví dụ: 31/12/2023, "
			    "quý I/2024, 02 tháng tới)",
			    words);
		goto out;
	}
	vn_date_iso(dl.due, due);
	r = db_query(db, SQL_TASK_DEADLINE_OF, &q, "i", id);
	if (r < 0)
		goto dberr;
	r = db_step(q);
	if (r == 1) {
		old_words = db_col_strdup(q, 1, a);
		old_due = db_col_strdup(q, 2, a);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		goto dberr;
	if (strcmp(due, day) < 0) {
		r = err_set(e, ERR_INVAL, "thời hạn mới %s trước ngày quyết định gia hạn %s",
			    date_show(a, due), date_show(a, day));
		goto out;
	}
	if (old_due && strcmp(due, old_due) <= 0) {
		r = err_set(e, ERR_INVAL,
			    "thời hạn mới %s không sau thời hạn đang có %s: gia hạn phải lùi hạn "
			    "lại",
			    date_show(a, due), date_show(a, old_due));
		goto out;
	}
	change = arena_printf(a, "Thời hạn: %s → %s", deadline_show(a, old_words, old_due),
			      deadline_show(a, words, due));
	if (!change) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	r = db_exec(db, SQL_TASK_EVENT_INSERT, "ittnttn", id, "extended", day, reason, change);
	if (r == 0)
		r = db_exec(db, SQL_TASK_SET_DEADLINE, "ttti", task_deadline_kind_code(dl.kind),
			    words, due, id);
	if (r < 0)
		goto dberr;
	goto out;
dberr:
	db_err(db, e, r, "không ghi được gia hạn");
out:
	arena_free(a);
	return r;
}

int task_extend(struct db *db, int64_t id, const struct task_extend_input *in, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_extend_tx(db, id, in, e), e);
}

static int task_edit_tx(struct db *db, int64_t id, const struct task_edit_input *in, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct buf fold = BUF_INIT(TASK_TEXT_MAX * 2);
	struct task_state st;
	const char *content;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_open_get(db, id, a, "không sửa được", &st, e);
	if (r < 0)
		goto out;
	if (in->content) {
		r = clean_text(a, in->content, TASK_TEXT_MAX, true, "nội dung nhiệm vụ", &content,
			       e);
		if (r < 0)
			goto out;
		r = vn_fold(content, strlen(content), &fold);
		if (r == 0)
			r = db_exec(db, SQL_TASK_SET_CONTENT, "tti", content, buf_str(&fold), id);
		if (r < 0) {
			db_err(db, e, r, "không ghi được nội dung nhiệm vụ");
			goto out;
		}
	}
	if (in->has_units) {
		if (in->nleads == 0) {
			r = err_set(e, ERR_INVAL, "thiếu đơn vị chủ trì: nhiệm vụ cần ít nhất một");
			goto out;
		}
		r = db_exec(db, SQL_TASK_UNITS_CLEAR, "it", id, "lead");
		if (r == 0)
			r = db_exec(db, SQL_TASK_UNITS_CLEAR, "it", id, "coord");
		if (r < 0) {
			db_err(db, e, r, "không ghi được đơn vị của nhiệm vụ");
			goto out;
		}
		r = insert_units(db, id, in->leads, in->nleads, "lead", e);
		if (r == 0)
			r = insert_units(db, id, in->coords, in->ncoords, "coord", e);
		/* An unknown unit is bad input here, not a missing page. */
		if (r == ERR_NOTFOUND && e) {
			e->code = ERR_INVAL;
			r = ERR_INVAL;
		}
	}
out:
	buf_free(&fold);
	arena_free(a);
	return r;
}

int task_edit(struct db *db, int64_t id, const struct task_edit_input *in, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, task_edit_tx(db, id, in, e), e);
}

/* ------------------------------------------------------------------ loading */

/* "Thông báo số 512-TB/HU", or the type and title while it has no number. */
const char *task_doc_label(struct db *db, struct arena *a, int64_t doc, const char **ret_title)
{
	struct db_q *q;
	const char *s = NULL;

	if (db_prepare(db, SQL_TASK_DOC_INFO, &q) < 0)
		return NULL;
	if (db_bindv(q, "i", doc) == 0 && db_step(q) == 1) {
		const char *sym = db_col_text(q, 2), *title = db_col_text(q, 3);
		const char *type = db_col_text(q, 4);

		bool conclusion = title && strncmp(title, "Kết luận", strlen("Kết luận")) == 0 &&
				  strcmp(type, "Thông báo") == 0;

		if (sym && *sym)
			s = arena_printf(a, "%s số %s", conclusion ? "Thông báo kết luận" : type,
					 sym);
		else
			s = arena_printf(a, "%s %s", type, title ? title : "");
		if (ret_title)
			*ret_title = title ? arena_strdup(a, title) : NULL;
	}
	db_done(q);
	return s;
}

const char *task_session_label(struct db *db, struct arena *a, int64_t sid)
{
	struct db_q *q;
	const char *s = NULL;

	if (db_prepare(db, SQL_TASK_SESSION_INFO, &q) < 0)
		return NULL;
	if (db_bindv(q, "i", sid) == 0 && db_step(q) == 1) {
		const char *date = date_show(a, db_col_text(q, 0));
		const char *organ = db_col_text(q, 3);

		s = arena_printf(a, "Kết luận phiên họp thứ %lld của %s ngày %s",
				 (long long)db_col_int(q, 2), organ ? organ : "", date);
	}
	db_done(q);
	return s;
}

static int read_task_row(struct db_q *q, struct arena *a, const char *as_of, struct task *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_int(q, 0);
	t->parent_id = db_col_int(q, 1);
	t->body_id = db_col_int(q, 2);
	t->source_doc_id = db_col_int(q, 3);
	t->source_session_id = db_col_int(q, 4);
	t->follower_unit_id = db_col_int(q, 5);
	t->lower_body_id = db_col_int(q, 6);
	t->section = db_col_strdup(q, 7, a);
	t->content = db_col_strdup(q, 8, a);
	t->assigned_on = db_col_strdup(q, 9, a);
	t->due = db_col_strdup(q, 12, a);
	task_deadline_stored(db_col_text(q, 10), db_col_strdup(q, 11, a), t->due,
			     db_col_text(q, 13), &t->dl);
	t->report_to = db_col_strdup(q, 14, a);
	t->state = db_col_strdup(q, 15, a);
	t->completed_on = db_col_strdup(q, 16, a);
	t->last_report_on = db_col_strdup(q, 17, a);
	t->deadline_event = db_col_strdup(q, 18, a);
	if (!t->content || !t->assigned_on || !t->state)
		return ERR_NOMEM;
	t->status = task_status_at(t->dl.kind == TASK_DL_STANDING, t->due, t->completed_on, as_of);
	return 0;
}

/* Units, labels and latest report of a task read by read_task_row. */
static int task_fill(struct db *db, struct arena *a, const char *as_of, struct task *t)
{
	struct db_q *q;
	size_t cap = 0;
	int r;

	r = db_prepare(db, SQL_TASK_UNITS_OF, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "i", t->id);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct task_unit_ref *u;

		if (arena_reserve(a, &t->units, t->nunits, &cap, sizeof(*t->units)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		u = &t->units[t->nunits++];
		u->id = db_col_int(q, 0);
		u->name = db_col_strdup(q, 1, a);
		u->email = db_col_strdup(q, 2, a);
		u->lead = db_col_int(q, 3) != 0;
		u->lower_body_id = db_col_int(q, 4);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return r;
	if (t->source_doc_id)
		t->source_label = task_doc_label(db, a, t->source_doc_id, NULL);
	else if (t->source_session_id)
		t->source_label = task_session_label(db, a, t->source_session_id);
	if (t->follower_unit_id) {
		r = db_prepare(db, SQL_TASK_UNIT_LABEL, &q);
		if (r < 0)
			return r;
		if (db_bindv(q, "i", t->follower_unit_id) == 0 && db_step(q) == 1) {
			t->follower_name = db_col_strdup(q, 0, a);
			t->follower_email = db_col_strdup(q, 1, a);
		}
		db_done(q);
	}
	r = db_prepare(db, SQL_TASK_LATEST_REPORT, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "it", t->id, as_of);
	if (r == 0 && (r = db_step(q)) == 1) {
		t->latest_report = db_col_strdup(q, 0, a);
		r = 0;
	}
	db_done(q);
	return r;
}

static int task_events(struct db *db, struct arena *a, struct task *t)
{
	struct db_q *q;
	size_t cap = 0;
	int r;

	r = db_query_int(db, SQL_TASK_EVENTS_COUNT, &t->events_total, "i", t->id);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_TASK_EVENTS_OF, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "ii", t->id, (int64_t)TASK_EVENTS_LATEST);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(a, &t->events, t->nevents, &cap, sizeof(*t->events)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		struct task_event *ev = &t->events[t->nevents++];

		ev->id = db_col_int(q, 0);
		ev->kind = db_col_strdup(q, 1, a);
		ev->on_date = db_col_strdup(q, 2, a);
		ev->unit = db_col_strdup(q, 3, a);
		ev->text = db_col_strdup(q, 4, a);
		ev->result = db_col_strdup(q, 5, a);
		ev->percent = (int)db_col_int(q, 6);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return r;
	/* Read newest first, kept oldest first. */
	for (size_t i = 0; i < t->nevents / 2; i++) {
		struct task_event tmp = t->events[i];

		t->events[i] = t->events[t->nevents - 1 - i];
		t->events[t->nevents - 1 - i] = tmp;
	}
	for (size_t i = 0; i < t->nevents; i++) {
		struct task_event *ev = &t->events[i];
		size_t acap = 0;

		r = db_prepare(db, SQL_TASK_ATTACH_OF, &q);
		if (r < 0)
			return r;
		r = db_bindv(q, "i", ev->id);
		while (r == 0 && (r = db_step(q)) == 1) {
			if (arena_reserve(a, &ev->attachments, ev->nattachments, &acap,
					  sizeof(*ev->attachments)) < 0) {
				r = ERR_NOMEM;
				break;
			}
			ev->attachments[ev->nattachments++] = db_col_strdup(q, 0, a);
			r = 0;
		}
		db_done(q);
		if (r < 0)
			return r;
	}
	return 0;
}

/* Roll-up of the sub-tasks (sub-tasks per unit, tasks passed down to lower bodies). */
static int task_subtree(struct db *db, struct arena *a, const char *as_of, struct task *t)
{
	struct task_counts *c = arena_alloc(a, sizeof(*c));
	struct db_q *q;
	int r;

	if (!c)
		return ERR_NOMEM;
	r = db_prepare(db, SQL_TASK_SUBTREE, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "i", t->id);
	while (r == 0 && (r = db_step(q)) == 1) {
		const char *due = db_col_text(q, 0);

		task_counts_add(
		    c, task_status_at(db_col_int(q, 2) != 0, due, db_col_text(q, 1), as_of),
		    due != NULL);
		r = 0;
	}
	db_done(q);
	if (r == 0 && c->total)
		t->subtasks = c;
	return r;
}

int task_children_page(struct db *db, int64_t id, const char *as_of, int64_t after, int64_t limit,
		       struct arena *a, struct task_child **ret, size_t *ret_n)
{
	struct task_child *v = NULL;
	size_t cap = 0, n = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_TASK_CHILDREN, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "iii", id, after, limit);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct task_child *c;

		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		c = &v[n++];
		c->id = db_col_int(q, 0);
		c->body_id = db_col_int(q, 1);
		c->content = db_col_strdup(q, 2, a);
		c->due = db_col_strdup(q, 3, a);
		c->completed_on = db_col_strdup(q, 4, a);
		c->status = task_status_at(db_col_int(q, 5) != 0, c->due, c->completed_on, as_of);
		c->deadline_text = db_col_strdup(q, 6, a);
		c->percent = db_col_null(q, 7) ? -1 : (int)db_col_int(q, 7);
		c->lead = db_col_strdup(q, 8, a);
		c->body_name = db_col_strdup(q, 9, a);
		r = c->content ? 0 : ERR_NOMEM;
	}
	db_done(q);
	if (r < 0)
		return r;
	*ret = v;
	*ret_n = n;
	return 0;
}

/*
 * The first TASK_CHILDREN_FIRST direct sub-tasks of t, each with its status at
 * as_of and its latest stated progress; children_more says there are others.
 */
static int task_children(struct db *db, struct arena *a, const char *as_of, struct task *t)
{
	int r = task_children_page(db, t->id, as_of, 0, TASK_CHILDREN_FIRST + 1, a, &t->children,
				   &t->nchildren);

	if (r == 0 && t->nchildren > TASK_CHILDREN_FIRST) {
		t->nchildren = TASK_CHILDREN_FIRST;
		t->children_more = true;
	}
	return r;
}

int task_get(struct db *db, int64_t id, const char *as_of, struct arena *a, struct task **ret,
	     struct err *e)
{
	struct task *t = arena_alloc(a, sizeof(*t));
	struct db_q *q;
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_prepare(db, SQL_TASK_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1)
		r = read_task_row(q, a, as_of, t);
	else if (r == 0)
		r = ERR_NOTFOUND;
	db_done(q);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có nhiệm vụ số %lld", (long long)id);
	if (r == 0)
		r = task_fill(db, a, as_of, t);
	if (r == 0)
		r = task_events(db, a, t);
	if (r == 0)
		r = task_subtree(db, a, as_of, t);
	if (r == 0)
		r = task_children(db, a, as_of, t);
	if (r < 0)
		return db_err(db, e, r, "không đọc được nhiệm vụ số %lld", (long long)id);
	*ret = t;
	return 0;
}

static bool task_matches(const struct task_filter *f, const struct task *t)
{
	bool open = !t->completed_on || strcmp(t->completed_on, f->as_of) > 0;

	if (f->status_mask && !(f->status_mask & (1u << t->status)))
		return false;
	if (f->open_only && !open)
		return false;
	if (f->stale_days > 0) {
		const char *last = t->last_report_on ? t->last_report_on : t->assigned_on;
		struct vn_date asof = iso_date(f->as_of);

		if (!open || vn_date_diff_days(iso_date(last), asof) < f->stale_days)
			return false;
	}
	return true;
}

int task_list(struct db *db, const struct task_filter *f, struct arena *a, struct task **ret,
	      size_t *ret_n, struct err *e)
{
	struct task *v = NULL;
	struct db_q *q;
	size_t n = 0, cap = 0;
	enum db_stmt sid = SQL_TASK_LIST_ALL;
	int r;

	if (f->unit_id)
		sid = SQL_TASK_LIST_UNIT;
	else if (f->source_doc_id)
		sid = SQL_TASK_LIST_DOC;
	else if (f->source_session_id)
		sid = SQL_TASK_LIST_SESSION;
	r = db_prepare(db, sid, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (f->unit_id)
		r = db_bindv(q, "i", f->unit_id);
	else if (f->source_doc_id)
		r = db_bindv(q, "i", f->source_doc_id);
	else if (f->source_session_id)
		r = db_bindv(q, "i", f->source_session_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct task t;

		r = read_task_row(q, a, f->as_of, &t);
		if (r < 0)
			break;
		if (f->unit_id && f->source_doc_id && t.source_doc_id != f->source_doc_id)
			continue;
		if (!task_matches(f, &t))
			continue;
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		v[n++] = t;
	}
	db_done(q);
	for (size_t i = 0; r == 0 && i < n; i++)
		r = task_fill(db, a, f->as_of, &v[i]);
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh sách nhiệm vụ");
	*ret = v;
	*ret_n = n;
	return 0;
}

int task_overdue_of_unit(struct db *db, int64_t unit_id, const char *as_of, struct arena *a,
			 int64_t **ret, size_t *ret_n, struct err *e)
{
	int64_t *v = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_TASK_OVERDUE_UNIT, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "itt", unit_id, as_of, as_of);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		v[n++] = db_col_int(q, 0);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	*ret = v;
	*ret_n = n;
	return 0;
}
