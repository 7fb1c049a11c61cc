/* cli_tasks.c: 'dondoc tasks …' and 'dondoc remind': follow-up of assigned tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/tasks/task.h"
#include "core/indicators/indicator.h"
#include "core/tasks/task_remind.h"
#include "mail/mail.h"
#include "core/notice/fmt.h"
#include "render/docview.h"
#include "render/entity.h"
#include "render/followup.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/log.h"
#include "vn/date.h"

#define CLI_ARENA_MAX ((size_t)1 << 30)
#define CLI_MAX_REFS 64 /* units or attachments given on one command line */

/* --as-of D (already ISO: the parser read it as a date), or today. */
static int as_of_arg(struct cli *c, const char *s, char out[static 11])
{
	(void)c;
	if (!s)
		vn_date_iso(vn_date_today(), out);
	else
		snprintf(out, 11, "%s", s);
	return 0;
}

static const char *show_date(const char *iso, char out[static 16])
{
	struct vn_date d;
	struct buf b = BUF_INIT(15);

	out[0] = '\0';
	if (iso && vn_date_parse(iso, strlen(iso), 0, &d, NULL) == 0 &&
	    vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		snprintf(out, 16, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static const char *event_name(const char *kind)
{
	static const char *const names[][2] = {
	    {"created", "giao nhiệm vụ"},
	    {"report", "báo cáo"},
	    {"close_request", "đề nghị kết thúc"},
	    {"confirmed", "xác nhận hoàn thành"},
	    {"sent_back", "trả lại"},
	    {"extended", "gia hạn"},
	    {"transferred", "chuyển giao"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(kind, names[i][0]) == 0)
			return names[i][1];
	return kind;
}

static const char *lead_names(const struct task *t, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < t->nunits; i++)
		if (t->units[i].lead)
			buf_printf(b, "%s%s", b->len ? "; " : "", t->units[i].name);
	return buf_str(b);
}

static json_t *counts_json(const struct task_counts *k)
{
	return ent_task_counts_json(k);
}

const struct cli_spec cli_tasks_list_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"unit", CLI_TEXT, 0, "U", "đơn vị (mã hoặc tên)"},
	    {"status", CLI_TEXT, CLI_MANY, "S",
	     "trạng thái: dung_han, tre_han, trong_han, qua_han, thuong_xuyen"},
	    {"overdue", CLI_FLAG, 0, NULL, "chỉ nhiệm vụ quá hạn"},
	    {"stale", CLI_ID, 0, "N", "số ngày không có báo cáo"},
	    {"source", CLI_ID, 0, "DOC", "văn bản (nguồn giao nhiệm vụ)"},
	    {"open", CLI_FLAG, 0, NULL, "chỉ nhiệm vụ chưa hoàn thành"},
	    {"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
	    {NULL}},
};

int cli_tasks_list(struct cli *c, const struct cli_args *args)
{
	const char *unit = cli_opt(args, "unit"), *asof = cli_opt(args, "as-of");
	const char *statuses[16];
	struct task_filter f = {0};
	struct arena *a = NULL;
	struct task *v;
	struct db *db;
	size_t n, nst = cli_opt_all(args, "status", statuses, 16);
	char day[11];
	int r;

	if (nst > 16)
		return cli_usage(c, "quá nhiều --status");
	for (size_t i = 0; i < nst; i++) {
		enum task_status st;

		r = task_status_parse(statuses[i], &st, &c->err);
		if (r < 0)
			return cli_usage(c, "%s", c->err.msg);
		f.status_mask |= 1u << st;
	}
	if (cli_flag(args, "overdue"))
		f.status_mask |= 1u << TASK_OPEN_OVERDUE;
	if (cli_flag(args, "stale")) {
		int64_t d = cli_opt_id(args, "stale");

		f.stale_days = (int)(d > 100000 ? 100000 : d);
	}
	f.source_doc_id = cli_opt_id(args, "source");
	f.open_only = cli_flag(args, "open");
	r = as_of_arg(c, asof, day);
	if (r < 0)
		return r;
	f.as_of = day;
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (unit) {
		r = task_unit_find(db, unit, &f.unit_id, &c->err);
		if (r < 0)
			return r;
	}
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_list(db, &f, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, ent_task_full_json(&v[i]));
		r = cli_json(c, json_pack("{s:s, s:o}", "as_of", day, "tasks", arr));
	} else {
		struct buf b = BUF_INIT(1 << 16);
		char d1[16];

		for (size_t i = 0; i < n; i++) {
			const struct task *t = &v[i];

			fprintf(c->out, "%lld\t%s\t%s\t%s\t%s\n", (long long)t->id,
				task_status_name(t->status),
				t->dl.kind == TASK_DL_STANDING ? "thường xuyên"
				: t->due		       ? show_date(t->due, d1)
							       : "-",
				lead_names(t, &b), t->content);
		}
		buf_free(&b);
		fprintf(c->out, "(%zu nhiệm vụ, tính đến ngày %s)\n", n,
			show_date(day, (char[16]){0}));
	}
out:
	arena_free(a);
	return r;
}

static const struct cli_posdef task_pos[] = {
    {"ID", CLI_ID, CLI_REQ, "số nhiệm vụ"},
    {NULL},
};

const struct cli_spec cli_tasks_show_spec = {
    .opts = (const struct cli_optdef[]){{"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
					{NULL}},
    .pos = task_pos,
};

int cli_tasks_show(struct cli *c, const struct cli_args *args)
{
	const char *asof = cli_opt(args, "as-of");
	struct arena *a;
	struct task *t;
	struct db *db;
	long long id = cli_pos_id(args, 0);
	char day[11], d1[16];
	int r = 0;

	if (r == 0)
		r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_get(db, id, day, a, &t, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		/* The API's task object (render/entity.h), with the date it is read at. */
		json_t *j = ent_task_full_json(t);

		json_object_set_new(j, "as_of", json_string(day));
		if (t->subtasks)
			json_object_set_new(j, "subtasks", counts_json(t->subtasks));
		r = cli_json(c, j);
		goto out;
	}
	{
		struct buf b = BUF_INIT(1 << 16);

		fprintf(c->out, "Nhiệm vụ số %lld\nNội dung: %s\n", (long long)t->id, t->content);
		if (t->source_label)
			fprintf(c->out, "Nguồn: %s%s%s\n", t->source_label,
				t->section ? ", mục " : "", t->section ? t->section : "");
		fprintf(c->out, "Chủ trì: %s\n", lead_names(t, &b));
		buf_reset(&b);
		for (size_t i = 0; i < t->nunits; i++)
			if (!t->units[i].lead)
				buf_printf(&b, "%s%s", b.len ? "; " : "", t->units[i].name);
		if (b.len)
			fprintf(c->out, "Phối hợp: %s\n", buf_str(&b));
		buf_free(&b);
		fprintf(c->out, "Ngày giao: %s\n", show_date(t->assigned_on, d1));
		fprintf(c->out, "Thời hạn: %s%s%s%s\n",
			t->dl.words	    ? t->dl.words
			: t->deadline_event ? t->deadline_event
					    : "không thời hạn",
			t->due ? " (" : "", t->due ? show_date(t->due, d1) : "", t->due ? ")" : "");
		if (t->report_to)
			fprintf(c->out, "Báo cáo: %s\n", t->report_to);
		if (t->follower_name)
			fprintf(c->out, "Theo dõi, đôn đốc: %s\n", t->follower_name);
		fprintf(c->out, "Tình trạng (tính đến %s): %s\n\nDiễn biến:\n", show_date(day, d1),
			task_status_name(t->status));
		if (t->events_total > (int64_t)t->nevents)
			fprintf(c->out, "  (%zu diễn biến gần nhất trong số %lld)\n", t->nevents,
				(long long)t->events_total);
		for (size_t i = 0; i < t->nevents; i++) {
			const struct task_event *ev = &t->events[i];

			fprintf(c->out, "  %s  %s%s%s%s%s\n", show_date(ev->on_date, d1),
				event_name(ev->kind), ev->unit ? " — " : "",
				ev->unit ? ev->unit : "", ev->text ? ": " : "",
				ev->text ? ev->text : "");
			if (ev->percent >= 0)
				fprintf(c->out, "      tiến độ: %d%%\n", ev->percent);
			if (ev->result)
				fprintf(c->out, "      kết quả: %s\n", ev->result);
			for (size_t k = 0; k < ev->nattachments; k++)
				fprintf(c->out, "      đính kèm: %s\n", ev->attachments[k]);
		}
		if (t->nchildren)
			fprintf(c->out, "\nNhiệm vụ giao tiếp:\n");
		for (size_t i = 0; i < t->nchildren; i++) {
			const struct task_child *ch = &t->children[i];

			fprintf(c->out, "  số %lld  %s — %s: %s; %s", (long long)ch->id,
				ch->content, ch->body_name ? ch->body_name : "",
				ch->lead ? ch->lead : "", task_status_name(ch->status));
			if (ch->percent >= 0)
				fprintf(c->out, "; tiến độ %d%%", ch->percent);
			fputc('\n', c->out);
		}
		if (t->children_more)
			fprintf(c->out,
				"  … chỉ hiện %d nhiệm vụ giao tiếp đầu tiên (xem đủ: GET "
				"/api/v1/tasks/%lld/children)\n",
				TASK_CHILDREN_FIRST, (long long)t->id);
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_tasks_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"content", CLI_TEXT, CLI_REQ, "T", "nội dung nhiệm vụ"},
	    {"lead", CLI_TEXT, CLI_REQ | CLI_MANY, "U", "đơn vị chủ trì"},
	    {"coord", CLI_TEXT, CLI_MANY, "U", "đơn vị phối hợp"},
	    {"deadline", CLI_TEXT, 0, "D", "thời hạn (ngày, kỳ, '02 tháng tới', 'thường xuyên')"},
	    {"doc", CLI_ID, 0, "ID", "văn bản giao nhiệm vụ"},
	    {"section", CLI_TEXT, 0, "S", "mục trong văn bản"},
	    {"session", CLI_ID, 0, "ID", "phiên họp giao nhiệm vụ"},
	    {"assigned", CLI_DATE, 0, "D", "ngày giao"},
	    {"report-to", CLI_TEXT, 0, "T", "báo cáo về đâu"},
	    {"follower", CLI_TEXT, 0, "U", "đơn vị theo dõi"},
	    {"cycle", CLI_TEXT, 0, "C", "chu kỳ báo cáo của nhiệm vụ thường xuyên"},
	    {"parent", CLI_ID, 0, "ID", "nhiệm vụ cha"},
	    {"lower-body", CLI_ID, 0, "ID", "cấp dưới được giao (nhiệm vụ cũng là của cấp dưới)"},
	    {"body", CLI_ID, 0, "ID", "cơ quan giao nhiệm vụ (mặc định: của nguồn)"},
	    {NULL}},
    .note = "Nguồn: --doc ID với --section S, hoặc --session ID, hoặc không có (giao trực tiếp).",
};

int cli_tasks_add(struct cli *c, const struct cli_args *args)
{
	const char *leads[CLI_MAX_REFS], *coords[CLI_MAX_REFS];
	struct task_input in = {.leads = leads, .coords = coords};
	size_t nleads = cli_opt_all(args, "lead", leads, CLI_MAX_REFS),
	       ncoords = cli_opt_all(args, "coord", coords, CLI_MAX_REFS);
	struct db *db;
	int64_t id;
	int r;

	if (nleads > CLI_MAX_REFS || ncoords > CLI_MAX_REFS)
		return cli_usage(c, "quá nhiều đơn vị (tối đa %d)", CLI_MAX_REFS);
	in.nleads = nleads;
	in.ncoords = ncoords;
	in.content = cli_opt(args, "content");
	in.deadline = cli_opt(args, "deadline");
	in.assigned_on = cli_opt(args, "assigned");
	in.source_doc_id = cli_opt_id(args, "doc");
	in.source_session_id = cli_opt_id(args, "session");
	in.section = cli_opt(args, "section");
	in.report_to = cli_opt(args, "report-to");
	in.follower = cli_opt(args, "follower");
	in.parent_id = cli_opt_id(args, "parent");
	in.cycle = cli_opt(args, "cycle");
	in.lower_body_id = cli_opt_id(args, "lower-body");
	in.body_id = cli_opt_id(args, "body");
	r = cli_db(c, &db);
	if (r == 0)
		r = task_add(db, &in, &id, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	fprintf(c->out, "Đã giao nhiệm vụ số %lld\n", (long long)id);
	return 0;
}

const struct cli_spec cli_tasks_report_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"unit", CLI_TEXT, CLI_REQ, "U", "đơn vị báo cáo"},
	    {"text", CLI_TEXT, CLI_REQ, "T", "nội dung báo cáo"},
	    {"result", CLI_TEXT, 0, "R", "kết quả"},
	    {"percent", CLI_TEXT, 0, "0-100", "tiến độ (%)"},
	    {"attach", CLI_TEXT, CLI_MANY, "REF", "tài liệu kèm theo"},
	    {"date", CLI_DATE, 0, "D", "ngày báo cáo (mặc định hôm nay)"},
	    {"close", CLI_FLAG, 0, NULL, "đề nghị văn phòng kết thúc nhiệm vụ"},
	    {NULL}},
    .pos = task_pos,
};

int cli_tasks_report(struct cli *c, const struct cli_args *args)
{
	const char *att[CLI_MAX_REFS];
	struct task_report_input in = {.attachments = att};
	struct db *db;
	long long id = cli_pos_id(args, 0);
	size_t natt = cli_opt_all(args, "attach", att, CLI_MAX_REFS);
	int64_t ev;
	int r;

	if (natt > CLI_MAX_REFS)
		return cli_usage(c, "quá nhiều tài liệu kèm theo");
	in.nattachments = natt;
	in.unit = cli_opt(args, "unit");
	in.text = cli_opt(args, "text");
	in.result = cli_opt(args, "result");
	in.percent = cli_opt(args, "percent");
	in.on_date = cli_opt(args, "date");
	in.close_request = cli_flag(args, "close");
	if (!in.unit)
		return cli_usage(c, "thiếu --unit (đơn vị báo cáo)");
	if (!in.text)
		return cli_usage(c, "thiếu --text (nội dung báo cáo)");
	r = cli_db(c, &db);
	if (r == 0)
		r = task_report(db, id, &in, &ev, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(
		    c, json_pack("{s:I, s:I}", "task", (json_int_t)id, "event", (json_int_t)ev));
	fprintf(c->out, "Đã ghi báo cáo cho nhiệm vụ số %lld%s\n", id,
		in.close_request ? " (đề nghị kết thúc)" : "");
	return 0;
}

/* confirm and sendback share their options. */
static const struct cli_optdef confirm_opts[] = {
    {"date", CLI_DATE, 0, "D", "ngày (mặc định hôm nay)"},
    {"note", CLI_TEXT, 0, "T", "ghi chú; với sendback: lý do trả lại (bắt buộc)"},
    {NULL},
};

static int confirm_or_back(struct cli *c, const struct cli_args *args, bool back)
{
	const char *date = cli_opt(args, "date"), *note = cli_opt(args, "note");
	struct db *db;
	long long id = cli_pos_id(args, 0);
	int r = 0;

	if (r == 0 && back && !note)
		r = cli_usage(c, "thiếu --note (lý do trả lại)");
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = back ? task_send_back(db, id, date, note, &c->err)
		 : task_confirm(db, id, date, note, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:s}", "task", (json_int_t)id, "state",
					     back ? "open" : "done"));
	fprintf(c->out,
		back ? "Đã trả lại nhiệm vụ số %lld\n"
		     : "Đã xác nhận hoàn thành nhiệm vụ số %lld\n",
		id);
	return 0;
}

const struct cli_spec cli_tasks_confirm_spec = {.opts = confirm_opts, .pos = task_pos};

int cli_tasks_confirm(struct cli *c, const struct cli_args *args)
{
	return confirm_or_back(c, args, false);
}

const struct cli_spec cli_tasks_sendback_spec = {
    .opts = confirm_opts,
    .pos = task_pos,
    .note = "Cần --note (lý do trả lại).",
};

int cli_tasks_sendback(struct cli *c, const struct cli_args *args)
{
	return confirm_or_back(c, args, true);
}

const struct cli_spec cli_tasks_extend_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"deadline", CLI_TEXT, CLI_REQ, "D",
	     "thời hạn mới: một ngày, một kỳ (quý I/2024) hoặc \"02 tháng tới\" (tính từ ngày "
	     "quyết định)"},
	    {"reason", CLI_TEXT, CLI_REQ, "T", "lý do gia hạn"},
	    {"date", CLI_DATE, 0, "D", "ngày quyết định gia hạn (mặc định hôm nay)"},
	    {NULL}},
    .pos = task_pos,
    .note = "Nhiệm vụ đã hoàn thành không gia hạn được; thời hạn mới phải sau thời hạn cũ.",
};

int cli_tasks_extend(struct cli *c, const struct cli_args *args)
{
	struct task_extend_input in = {.deadline = cli_opt(args, "deadline"),
				       .reason = cli_opt(args, "reason"),
				       .decided_on = cli_opt(args, "date")};
	struct arena *a;
	struct task *t = NULL;
	struct db *db;
	long long id = cli_pos_id(args, 0);
	char today[11];
	int r;

	if (!in.deadline)
		return cli_usage(c, "thiếu --deadline (thời hạn mới)");
	if (!in.reason)
		return cli_usage(c, "thiếu --reason (lý do gia hạn)");
	r = cli_db(c, &db);
	if (r == 0)
		r = task_extend(db, id, &in, &c->err);
	if (r < 0)
		return r;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	vn_date_iso(vn_date_today(), today);
	r = task_get(db, id, today, a, &t, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I, s:s?, s:s?}", "task", (json_int_t)id, "deadline",
					  t->dl.words, "due", t->due));
	else if (r == 0)
		fprintf(c->out, "Đã gia hạn nhiệm vụ số %lld: thời hạn mới %s (%s)\n", id,
			t->dl.words ? t->dl.words : "", t->due ? t->due : "");
	arena_free(a);
	return r;
}

static void counts_line(FILE *f, const char *label, const struct task_counts *k)
{
	struct vn_dec rate;
	struct buf b = BUF_INIT(64);

	if (task_counts_rate(k, &rate))
		vn_pct_format(rate, &b);
	else
		buf_puts(&b, "-");
	fprintf(f, "%6lld %6lld %6lld %6lld %6lld %6lld %6lld %8s  %s\n", (long long)k->total,
		(long long)k->n[TASK_DONE_ON_TIME], (long long)k->n[TASK_DONE_LATE],
		(long long)k->n[TASK_OPEN_IN_TIME], (long long)k->n[TASK_OPEN_OVERDUE],
		(long long)k->n[TASK_STANDING], (long long)k->due, buf_str(&b), label);
	buf_free(&b);
}

const struct cli_spec cli_tasks_stats_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"by", CLI_TEXT, 0, "unit|source|body|period", "nhóm theo (mặc định unit)"},
	    {"source", CLI_ID, 0, "DOC", "văn bản"},
	    {"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
	    {"rollup", CLI_FLAG, 0, NULL,
	     "với --by body: cộng dồn từ các cấp dưới (tự giao và cả "
	     "cấp dưới)"},
	    {"body", CLI_ID, 0, "B", "với --rollup: cơ quan gốc (mặc định mọi cơ quan)"},
	    {NULL}},
};

/* tasks stats --by body --rollup: each body's own tasks and its subtree's. */
static int stats_rollup(struct cli *c, struct db *db, int64_t body, const char *day)
{
	struct read_rollup_row *rows;
	struct arena *a = arena_new(CLI_ARENA_MAX);
	size_t n;
	char d1[16];
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = read_task_rollup(db, NULL, body, day, a, &rows, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, ent_rollup_json(&rows[i]));
		r = cli_json(c, json_pack("{s:s, s:o}", "as_of", day, "rows", arr));
		goto out;
	}
	fprintf(c->out,
		"Thống kê nhiệm vụ theo cấp giao, cộng dồn cấp dưới, tính đến ngày %s\n"
		"(dòng đầu: nhiệm vụ cơ quan tự giao; dòng \"+ cấp dưới\": cả các cơ quan "
		"cấp dưới)\n  tổng đ.hạn  q.hạn c.hạn  c.quá  t.xuyên đến hạn  tỷ lệ\n",
		show_date(day, d1));
	for (size_t i = 0; i < n; i++) {
		char label[512];

		snprintf(label, sizeof(label), "%*s%s", rows[i].depth * 2, "", rows[i].name);
		counts_line(c->out, label, rows[i].own);
		snprintf(label, sizeof(label), "%*s+ cấp dưới", rows[i].depth * 2, "");
		counts_line(c->out, label, rows[i].subtree);
	}
out:
	arena_free(a);
	return r;
}

int cli_tasks_stats(struct cli *c, const struct cli_args *args)
{
	enum task_group_by by = TASK_BY_UNIT;
	const char *asof = cli_opt(args, "as-of");
	struct task_stats st;
	struct arena *a;
	struct db *db;
	long long doc = cli_opt_id(args, "source");
	char day[11], d1[16];
	int r;

	if (cli_opt(args, "by") && task_group_by_parse(cli_opt(args, "by"), &by, &c->err) < 0)
		return cli_usage(c, "%s", c->err.msg);
	if (cli_flag(args, "rollup") && by != TASK_BY_BODY)
		return cli_usage(c, "--rollup chỉ dùng với --by body");
	if (cli_opt_id(args, "body") && !cli_flag(args, "rollup"))
		return cli_usage(c, "--body chỉ dùng với --by body --rollup");
	if (cli_flag(args, "rollup") && doc)
		return cli_usage(c, "--rollup không dùng với --source");
	r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (cli_flag(args, "rollup"))
		return stats_rollup(c, db, cli_opt_id(args, "body"), day);
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_stats(db, by, day, doc, a, &st, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *groups = json_array();

		for (size_t i = 0; i < st.ngroups; i++) {
			json_t *g = counts_json(&st.groups[i].c);

			json_object_set_new(g, "key", json_integer(st.groups[i].key));
			json_object_set_new(g, "label", json_string(st.groups[i].label));
			json_array_append_new(groups, g);
		}
		r = cli_json(c, json_pack("{s:s, s:o, s:o}", "as_of", day, "all",
					  counts_json(&st.all), "groups", groups));
		goto out;
	}
	fprintf(c->out, "Thống kê nhiệm vụ tính đến ngày %s\n", show_date(day, d1));
	fprintf(c->out, "  tổng đ.hạn  q.hạn c.hạn  c.quá  t.xuyên đến hạn  tỷ lệ\n"
			"(đ.hạn: hoàn thành đúng hạn; q.hạn: hoàn thành quá hạn; c.hạn: chưa "
			"hoàn thành trong hạn; c.quá: chưa hoàn thành quá hạn)\n");
	for (size_t i = 0; i < st.ngroups; i++)
		counts_line(c->out, st.groups[i].label, &st.groups[i].c);
	counts_line(c->out, "Cộng", &st.all);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_tasks_followup_spec = {
    .opts = (const struct cli_optdef[]){{"session", CLI_FLAG, 0, NULL, "NOTICE_ID là số phiên họp"},
					{"format", CLI_TEXT, 0, "text|html|pdf|docx|xlsx",
					 "định dạng (mặc định text)"},
					{"output", CLI_TEXT, 0, "FILE", "tệp ghi ra"},
					{"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"NOTICE_ID", CLI_TEXT, CLI_REQ,
					"số thông báo kết luận (như 'dondoc notice list')"},
				       {NULL}},
};

int cli_tasks_followup(struct cli *c, const struct cli_args *args)
{
	const char *asof = cli_opt(args, "as-of"), *format = cli_opt(args, "format"),
		   *output = cli_opt(args, "output");
	struct task_followup f;
	struct buf b = BUF_INIT(64u << 20);
	struct arena *a;
	struct db *db;
	bool session = cli_flag(args, "session"), binary;
	long long id;
	char day[11];
	int r;

	if (!format)
		format = "text";
	r = cli_parse_id(c, session ? "số phiên họp" : "số thông báo", cli_pos(args, 0), &id);
	if (r < 0)
		return r;
	if (strcmp(format, "text") && strcmp(format, "txt") && strcmp(format, "html") &&
	    strcmp(format, "pdf") && strcmp(format, "docx") && strcmp(format, "xlsx"))
		return cli_usage(c, "định dạng không hỗ trợ: '%s' (text, html, pdf, docx, xlsx)",
				 format);
	binary = !strcmp(format, "xlsx") || !strcmp(format, "pdf") || !strcmp(format, "docx");
	if (binary && !output)
		return cli_usage(c, "định dạng %s cần --output TỆP", format);
	r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = session ? task_followup_load(db, 0, id, day, a, &f, &c->err)
		    : task_followup_notice(db, id, day, a, &f, &c->err);
	if (r < 0)
		goto out;
	if (strcmp(format, "xlsx") == 0) {
		r = followup_xlsx(&f, output, &c->err);
		goto out;
	}
	if (binary) {
		struct fmt_profile p;
		struct docview v;
		bool pdf = strcmp(format, "pdf") == 0;

		/* The store's party-2018 profile, or its built-in values. */
		if (fmt_profile_load(db, "party-2018", &p, NULL) < 0)
			fmt_profile_default(&p);
		r = followup_view(&f, &p, a, &v, &c->err);
		if (r == 0)
			r = pdf ? dv_render_pdf(&v, &b, &c->err) : dv_render_docx(&v, &b, &c->err);
		if (pdf)
			dv_render_release();
	} else {
		r = strcmp(format, "html") == 0 ? followup_html(&f, &b, &c->err)
						: followup_text(&f, &b, &c->err);
	}
	if (r < 0)
		goto out;
	if (output)
		r = dv_write_file(output, b.data, b.len, &c->err);
	else
		fwrite(buf_str(&b), 1, b.len, c->out);
out:
	buf_free(&b);
	arena_free(a);
	return r;
}

const struct cli_spec cli_tasks_carryover_spec = {
    .opts = (const struct cli_optdef[]){{"source", CLI_ID, 0, "DOC", "văn bản"},
					{"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
					{NULL}},
};

int cli_tasks_carryover(struct cli *c, const struct cli_args *args)
{
	const char *asof = cli_opt(args, "as-of");
	struct task_filter f = {.open_only = true};
	struct arena *a;
	struct task *v;
	struct db *db;
	long long doc = cli_opt_id(args, "source");
	size_t n;
	char day[11], d1[16];
	int r;

	r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	f.as_of = day;
	f.source_doc_id = doc;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_list(db, &f, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, ent_task_full_json(&v[i]));
		r = cli_json(c, json_pack("{s:s, s:o}", "as_of", day, "carry_over", arr));
		goto out;
	}
	{
		struct buf b = BUF_INIT(1 << 16);

		fprintf(c->out, "NHIỆM VỤ CHƯA HOÀN THÀNH CHUYỂN KỲ SAU (tính đến ngày %s)\n\n",
			show_date(day, d1));
		for (size_t i = 0; i < n; i++) {
			const struct task *t = &v[i];

			fprintf(c->out, "%zu. %s\n   Chủ trì: %s. Nguồn: %s. Tình trạng: %s.\n",
				i + 1, t->content, lead_names(t, &b),
				t->source_label ? t->source_label : "-",
				task_status_name(t->status));
			if (t->latest_report)
				fprintf(c->out, "   Báo cáo gần nhất: %s\n", t->latest_report);
		}
		buf_free(&b);
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_remind_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"dry-run", CLI_FLAG, 0, NULL, "chỉ in thư sẽ gửi, không gửi"},
	    {"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
	    {"before", CLI_ID, 0, "N",
	     "số ngày báo trước hạn (mặc định 7 hoặc DONDOC_REMIND_BEFORE)"},
	    {"smtp", CLI_TEXT, 0, "URL", "máy chủ thư (mặc định DONDOC_SMTP_URL)"},
	    {"from", CLI_TEXT, 0, "ADDR", "địa chỉ gửi (mặc định DONDOC_SMTP_FROM)"},
	    {"smtp-insecure", CLI_FLAG, 0, NULL, "cho gửi mật khẩu SMTP không qua TLS"},
	    {NULL}},
};

int cli_remind(struct cli *c, const struct cli_args *args)
{
	struct task_remind_opts o = {.before_days = 7};
	struct outbox_counts counts;
	struct mail_server srv = {0};
	const char *asof = cli_opt(args, "as-of"), *env;
	struct task_digest *d;
	struct arena *a;
	struct db *db;
	bool dry = cli_flag(args, "dry-run");
	size_t n, sent = 0, failed = 0, noaddr = 0;
	long long v;
	char day[11];
	int r;

	cli_smtp_env(&srv);
	env = getenv("DONDOC_REMIND_BEFORE");
	if (env && *env) {
		if (cli_parse_id(c, "DONDOC_REMIND_BEFORE", env, &v) < 0)
			return ERR_USAGE;
		o.before_days = (int)(v > 365 ? 365 : v);
	}
	if (cli_flag(args, "before")) {
		v = cli_opt_id(args, "before");
		o.before_days = (int)(v > 365 ? 365 : v);
	}
	if (cli_opt(args, "smtp"))
		srv.url = cli_opt(args, "smtp");
	if (cli_opt(args, "from"))
		srv.from = cli_opt(args, "from");
	if (cli_flag(args, "smtp-insecure"))
		srv.insecure = true;
	if (!dry && (!srv.url || !*srv.url))
		return cli_usage(c, "chưa cấu hình máy chủ thư: dùng --smtp URL hoặc "
				    "DONDOC_SMTP_URL (hoặc --dry-run)");
	if (!srv.from || !*srv.from)
		srv.from = "dondoc@localhost";
	r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	o.as_of = day;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	/* Core plans the digests and mails them through the outbox; a dry run sends nothing. */
	r = task_remind_send(db, &o, dry ? NULL : &srv, a, &d, &n, &counts, &c->err);
	if (r < 0)
		goto out;
	sent = counts.sent;
	failed = counts.failed;
	noaddr = counts.no_address;
	json_t *arr = c->json ? json_array() : NULL;

	for (size_t i = 0; i < n; i++) {
		const char *status = dry ? "dry_run" : outbox_status_code(d[i].status);

		if (!dry && d[i].status == OUTBOX_NO_ADDRESS)
			log_warn("remind: đơn vị '%s' chưa có địa chỉ thư; %zu nội dung chưa gửi",
				 d[i].unit_name, d[i].nitems);
		else if (!dry && d[i].status == OUTBOX_FAILED)
			log_error("remind: %s: %s", d[i].unit_name,
				  d[i].reason ? d[i].reason : "không gửi được");
		if (arr) {
			json_t *cc = json_array(), *ev = json_array();

			for (size_t k = 0; k < d[i].ncc; k++)
				json_array_append_new(cc, json_string(d[i].cc[k]));
			for (size_t k = 0; k < d[i].nitems; k++)
				json_array_append_new(
				    ev,
				    d[i].items[k].request_id
					? json_pack("{s:I, s:I, s:s}", "request",
						    (json_int_t)d[i].items[k].request_id, "body_id",
						    (json_int_t)d[i].items[k].body_id, "event",
						    d[i].items[k].event)
					: json_pack("{s:I, s:s}", "task",
						    (json_int_t)d[i].items[k].task_id, "event",
						    d[i].items[k].event));
			json_array_append_new(
			    arr, json_pack("{s:s, s:o, s:o, s:s, s:o, s:s}", "unit", d[i].unit_name,
					   "to", jstr(d[i].to), "cc", cc, "subject", d[i].subject,
					   "events", ev, "status", status));
		} else if (dry) {
			fprintf(c->out, "=== Tới: %s <%s>", d[i].unit_name,
				d[i].to ? d[i].to : "chưa có địa chỉ");
			for (size_t k = 0; k < d[i].ncc; k++)
				fprintf(c->out, "%s%s", k ? ", " : "; đồng gửi: ", d[i].cc[k]);
			fprintf(c->out, "\nTiêu đề: %s\n\n%s\n", d[i].subject, d[i].body);
		}
	}
	if (arr)
		r = cli_json(
		    c, json_pack("{s:s, s:b, s:o}", "as_of", day, "dry_run", dry, "digests", arr));
	else if (!dry && counts.skipped)
		fprintf(c->out,
			"Đã gửi %zu thư nhắc; lỗi %zu; đơn vị chưa có địa chỉ %zu; %zu thư do lần "
			"chạy khác gửi\n",
			sent, failed, noaddr, counts.skipped);
	else if (!dry)
		fprintf(c->out, "Đã gửi %zu thư nhắc; lỗi %zu; đơn vị chưa có địa chỉ %zu\n", sent,
			failed, noaddr);
	else if (n == 0)
		fprintf(c->out, "Không có nội dung nào cần nhắc.\n");
	if (r == 0 && failed)
		r = err_set(&c->err, ERR_UNAVAIL,
			    "%zu thư nhắc chưa gửi được; lần chạy sau sẽ gửi lại", failed);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_tasks_review_spec = {
    .opts = (const struct cli_optdef[]){{"session", CLI_FLAG, 0, NULL, "DOC_ID là số phiên họp"},
					{"final", CLI_FLAG, 0, NULL, "tổng kết (không có: sơ kết)"},
					{"period", CLI_TEXT, 0, "P", "kỳ của chỉ tiêu"},
					{"body", CLI_TEXT, 0, "B", "cơ quan của chỉ tiêu"},
					{"as-of", CLI_DATE, 0, "D", "ngày tính (mặc định hôm nay)"},
					{NULL}},
    .pos =
	(const struct cli_posdef[]){{"DOC_ID", CLI_ID, CLI_REQ, "số văn bản (nghị quyết)"}, {NULL}},
};

int cli_tasks_review(struct cli *c, const struct cli_args *args)
{
	const char *asof = cli_opt(args, "as-of"), *period = cli_opt(args, "period"),
		   *body = cli_opt(args, "body");
	struct task_followup f;
	struct ind_report ir = {0};
	struct buf b = BUF_INIT(64u << 20);
	struct arena *a;
	struct db *db;
	struct err ie = {0};
	bool final = cli_flag(args, "final"), session = cli_flag(args, "session"), has_ind = false;
	int64_t body_id = 0;
	long long id = cli_pos_id(args, 0);
	char day[11];
	int r = 0;

	if (r == 0)
		r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0 && body)
		r = ind_body_find(db, body, &body_id, &c->err);
	if (r < 0)
		return r;
	a = arena_new(CLI_ARENA_MAX);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = task_followup_load(db, session ? 0 : id, session ? id : 0, day, a, &f, &c->err);
	if (r < 0)
		goto out;
	/* Figures are optional: a review of a resolution without targets still lists its tasks. */
	r = ind_report_build(db, body_id, period, &ir, &ie);
	if (r == 0)
		has_ind = true;
	else if (r != ERR_NOTFOUND) {
		err_set(&c->err, r, "%s", ie.msg);
		goto out;
	}
	r = followup_review_text(&f, has_ind ? &ir : NULL, final ? "Tổng kết" : "Sơ kết", &b,
				 &c->err);
	if (r == 0)
		fwrite(buf_str(&b), 1, b.len, c->out);
out:
	if (has_ind)
		ind_report_free(&ir);
	buf_free(&b);
	arena_free(a);
	return r;
}
