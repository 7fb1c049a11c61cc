/* cli_tasks.c: 'dondoc tasks …' and 'dondoc remind': follow-up of assigned tasks. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/task.h"
#include "core/indicator.h"
#include "core/task_remind.h"
#include "mail/mail.h"
#include "core/profile.h"
#include "render/docview.h"
#include "render/entity.h"
#include "render/followup.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/log.h"
#include "vn/date.h"

#define CLI_ARENA_MAX ((size_t)1 << 30)
#define CLI_MAX_REFS 64 /* units or attachments given on one command line */

/* --as-of D, or today. */
static int as_of_arg(struct cli *c, const char *s, char out[static 11])
{
	if (!s) {
		vn_date_iso(vn_date_today(), out);
		return 0;
	}
	return task_date_arg(s, "ngày tính (--as-of)", out, &c->err);
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
	};

	for (size_t i = 0; i < 5; i++)
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
	struct vn_dec rate;
	struct buf b = BUF_INIT(64);
	json_t *j;

	j = json_pack(
	    "{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "total", (json_int_t)k->total, "dung_han",
	    (json_int_t)k->n[TASK_DONE_ON_TIME], "tre_han", (json_int_t)k->n[TASK_DONE_LATE],
	    "trong_han", (json_int_t)k->n[TASK_OPEN_IN_TIME], "qua_han",
	    (json_int_t)k->n[TASK_OPEN_OVERDUE], "thuong_xuyen", (json_int_t)k->n[TASK_STANDING],
	    "due", (json_int_t)k->due, "due_done", (json_int_t)k->due_done);
	if (task_counts_rate(k, &rate) && vn_dec_format_plain(rate, &b) == 0)
		json_object_set_new(j, "rate", json_string(buf_str(&b)));
	else
		json_object_set_new(j, "rate", json_null());
	buf_free(&b);
	return j;
}

int cli_tasks_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"unit", required_argument, NULL, 'u'},  {"status", required_argument, NULL, 's'},
	    {"overdue", no_argument, NULL, 'o'},     {"as-of", required_argument, NULL, 'a'},
	    {"stale", required_argument, NULL, 'S'}, {"source", required_argument, NULL, 'd'},
	    {"open", no_argument, NULL, 'O'},	     {NULL, 0, NULL, 0},
	};
	const char *unit = NULL, *asof = NULL;
	struct task_filter f = {0};
	struct arena *a = NULL;
	struct task *v;
	struct db *db;
	size_t n;
	char day[11];
	long long id;
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			unit = optarg;
			break;
		case 's': {
			enum task_status s;

			r = task_status_parse(optarg, &s, &c->err);
			if (r < 0)
				return cli_usage(c, "%s", c->err.msg);
			f.status_mask |= 1u << s;
			break;
		}
		case 'o':
			f.status_mask |= 1u << TASK_OPEN_OVERDUE;
			break;
		case 'a':
			asof = optarg;
			break;
		case 'S':
			r = cli_parse_id(c, "số ngày (--stale)", optarg, &id);
			if (r < 0)
				return r;
			f.stale_days = (int)(id > 100000 ? 100000 : id);
			break;
		case 'd':
			r = cli_parse_id(c, "văn bản (--source)", optarg, &id);
			if (r < 0)
				return r;
			f.source_doc_id = id;
			break;
		case 'O':
			f.open_only = true;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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
				t->dl_kind == TASK_DL_STANDING ? "thường xuyên"
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

int cli_tasks_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as-of", required_argument, NULL, 'a'},
	    {NULL, 0, NULL, 0},
	};
	const char *asof = NULL;
	struct arena *a;
	struct task *t;
	struct db *db;
	long long id;
	char day[11], d1[16];
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'a')
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		asof = optarg;
	}
	if (optind + 1 != argc)
		return cli_usage(c, optind == argc ? "thiếu số nhiệm vụ" : "thừa tham số");
	r = cli_parse_id(c, "số nhiệm vụ", argv[optind], &id);
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
			t->deadline_text ? t->deadline_text : "không thời hạn", t->due ? " (" : "",
			t->due ? show_date(t->due, d1) : "", t->due ? ")" : "");
		if (t->report_to)
			fprintf(c->out, "Báo cáo: %s\n", t->report_to);
		if (t->follower_name)
			fprintf(c->out, "Theo dõi, đôn đốc: %s\n", t->follower_name);
		fprintf(c->out, "Tình trạng (tính đến %s): %s\n\nDiễn biến:\n", show_date(day, d1),
			task_status_name(t->status));
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
	}
out:
	arena_free(a);
	return r;
}

int cli_tasks_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"content", required_argument, NULL, 'c'},
	    {"lead", required_argument, NULL, 'l'},
	    {"coord", required_argument, NULL, 'p'},
	    {"deadline", required_argument, NULL, 'D'},
	    {"assigned", required_argument, NULL, 'g'},
	    {"doc", required_argument, NULL, 'd'},
	    {"session", required_argument, NULL, 's'},
	    {"section", required_argument, NULL, 'm'},
	    {"report-to", required_argument, NULL, 'r'},
	    {"follower", required_argument, NULL, 'f'},
	    {"parent", required_argument, NULL, 'P'},
	    {"cycle", required_argument, NULL, 'C'},
	    {"lower-body", required_argument, NULL, 'B'},
	    {NULL, 0, NULL, 0},
	};
	const char *leads[CLI_MAX_REFS], *coords[CLI_MAX_REFS];
	struct task_input in = {.leads = leads, .coords = coords};
	struct db *db;
	int64_t id;
	long long v;
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		r = 0;
		switch (ch) {
		case 'c':
			in.content = optarg;
			break;
		case 'l':
			if (in.nleads == CLI_MAX_REFS)
				return cli_usage(c, "quá nhiều đơn vị chủ trì");
			leads[in.nleads++] = optarg;
			break;
		case 'p':
			if (in.ncoords == CLI_MAX_REFS)
				return cli_usage(c, "quá nhiều đơn vị phối hợp");
			coords[in.ncoords++] = optarg;
			break;
		case 'D':
			in.deadline = optarg;
			break;
		case 'g':
			in.assigned_on = optarg;
			break;
		case 'd':
			r = cli_parse_id(c, "văn bản (--doc)", optarg, &v);
			in.source_doc_id = v;
			break;
		case 's':
			r = cli_parse_id(c, "phiên họp (--session)", optarg, &v);
			in.source_session_id = v;
			break;
		case 'm':
			in.section = optarg;
			break;
		case 'r':
			in.report_to = optarg;
			break;
		case 'f':
			in.follower = optarg;
			break;
		case 'P':
			r = cli_parse_id(c, "nhiệm vụ cha (--parent)", optarg, &v);
			in.parent_id = v;
			break;
		case 'C':
			in.cycle = optarg;
			break;
		case 'B':
			r = cli_parse_id(c, "cấp dưới (--lower-body)", optarg, &v);
			in.lower_body_id = v;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		}
		if (r < 0)
			return r;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!in.content)
		return cli_usage(c, "thiếu --content (nội dung nhiệm vụ)");
	if (!in.nleads)
		return cli_usage(c, "thiếu --lead (đơn vị chủ trì)");
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

int cli_tasks_report(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"unit", required_argument, NULL, 'u'},   {"text", required_argument, NULL, 't'},
	    {"result", required_argument, NULL, 'r'}, {"percent", required_argument, NULL, 'p'},
	    {"attach", required_argument, NULL, 'A'}, {"date", required_argument, NULL, 'd'},
	    {"close", no_argument, NULL, 'c'},	      {NULL, 0, NULL, 0},
	};
	const char *att[CLI_MAX_REFS];
	struct task_report_input in = {.attachments = att};
	struct db *db;
	long long id;
	int64_t ev;
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			in.unit = optarg;
			break;
		case 't':
			in.text = optarg;
			break;
		case 'r':
			in.result = optarg;
			break;
		case 'p':
			in.percent = optarg;
			break;
		case 'A':
			if (in.nattachments == CLI_MAX_REFS)
				return cli_usage(c, "quá nhiều tệp đính kèm");
			att[in.nattachments++] = optarg;
			break;
		case 'd':
			in.on_date = optarg;
			break;
		case 'c':
			in.close_request = true;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage(c, optind == argc ? "thiếu số nhiệm vụ" : "thừa tham số");
	r = cli_parse_id(c, "số nhiệm vụ", argv[optind], &id);
	if (r < 0)
		return r;
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
static int confirm_or_back(struct cli *c, int argc, char **argv, bool back)
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"note", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	const char *date = NULL, *note = NULL;
	struct db *db;
	long long id;
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			date = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage(c, optind == argc ? "thiếu số nhiệm vụ" : "thừa tham số");
	r = cli_parse_id(c, "số nhiệm vụ", argv[optind], &id);
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

int cli_tasks_confirm(struct cli *c, int argc, char **argv)
{
	return confirm_or_back(c, argc, argv, false);
}

int cli_tasks_sendback(struct cli *c, int argc, char **argv)
{
	return confirm_or_back(c, argc, argv, true);
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

int cli_tasks_stats(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as-of", required_argument, NULL, 'a'},
	    {"by", required_argument, NULL, 'b'},
	    {"source", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	enum task_group_by by = TASK_BY_UNIT;
	const char *asof = NULL;
	struct task_stats st;
	struct arena *a;
	struct db *db;
	long long doc = 0;
	char day[11], d1[16];
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		r = 0;
		if (ch == 'a')
			asof = optarg;
		else if (ch == 'b')
			r = task_group_by_parse(optarg, &by, &c->err) < 0
				? cli_usage(c, "%s", c->err.msg)
				: 0;
		else if (ch == 'd')
			r = cli_parse_id(c, "văn bản (--source)", optarg, &doc);
		else
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		if (r < 0)
			return r;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	r = as_of_arg(c, asof, day);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
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

int cli_tasks_followup(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as-of", required_argument, NULL, 'a'},
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"session", no_argument, NULL, 's'},
	    {NULL, 0, NULL, 0},
	};
	const char *asof = NULL, *format = "text", *output = NULL;
	struct task_followup f;
	struct buf b = BUF_INIT(64u << 20);
	struct arena *a;
	struct db *db;
	bool session = false, binary;
	long long id;
	char day[11];
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'a')
			asof = optarg;
		else if (ch == 'f')
			format = optarg;
		else if (ch == 'o')
			output = optarg;
		else if (ch == 's')
			session = true;
		else
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage(c, optind == argc ? "thiếu số văn bản thông báo" : "thừa tham số");
	r = cli_parse_id(c, session ? "số phiên họp" : "số văn bản thông báo", argv[optind], &id);
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
	r = task_followup_load(db, session ? 0 : id, session ? id : 0, day, a, &f, &c->err);
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

int cli_tasks_carryover(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as-of", required_argument, NULL, 'a'},
	    {"source", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	const char *asof = NULL;
	struct task_filter f = {.open_only = true};
	struct arena *a;
	struct task *v;
	struct db *db;
	long long doc = 0;
	size_t n;
	char day[11], d1[16];
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		r = 0;
		if (ch == 'a')
			asof = optarg;
		else if (ch == 'd')
			r = cli_parse_id(c, "văn bản (--source)", optarg, &doc);
		else
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		if (r < 0)
			return r;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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

int cli_remind(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dry-run", no_argument, NULL, 'n'},
	    {"as-of", required_argument, NULL, 'a'},
	    {"before", required_argument, NULL, 'b'},
	    {"smtp", required_argument, NULL, 's'},
	    {"from", required_argument, NULL, 'f'},
	    {"smtp-insecure", no_argument, NULL, 'k'},
	    {NULL, 0, NULL, 0},
	};
	struct task_remind_opts o = {.before_days = 7};
	struct mail_server srv = {0};
	const char *asof = NULL, *env;
	struct task_digest *d;
	struct arena *a;
	struct db *db;
	bool dry = false;
	size_t n, sent = 0, failed = 0, noaddr = 0;
	long long v;
	char day[11];
	int ch, r;

	cli_smtp_env(&srv);
	env = getenv("DONDOC_REMIND_BEFORE");
	if (env && *env) {
		if (cli_parse_id(c, "DONDOC_REMIND_BEFORE", env, &v) < 0)
			return ERR_USAGE;
		o.before_days = (int)(v > 365 ? 365 : v);
	}
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			dry = true;
			break;
		case 'a':
			asof = optarg;
			break;
		case 'b':
			if (cli_parse_id(c, "số ngày (--before)", optarg, &v) < 0)
				return ERR_USAGE;
			o.before_days = (int)(v > 365 ? 365 : v);
			break;
		case 's':
			srv.url = optarg;
			break;
		case 'f':
			srv.from = optarg;
			break;
		case 'k':
			srv.insecure = true;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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
	r = task_remind_plan(db, &o, a, &d, &n, &c->err);
	if (r < 0)
		goto out;
	json_t *arr = c->json ? json_array() : NULL;

	for (size_t i = 0; i < n; i++) {
		const char *status = "dry_run";
		struct err me = {0};

		if (!dry && !d[i].to) {
			status = "no_address";
			noaddr++;
			log_warn("remind: đơn vị '%s' chưa có địa chỉ thư; %zu nội dung chưa gửi",
				 d[i].unit_name, d[i].nitems);
		} else if (!dry) {
			struct mail_msg m = {.to = &d[i].to,
					     .nto = 1,
					     .cc = d[i].cc,
					     .ncc = d[i].ncc,
					     .subject = d[i].subject,
					     .body = d[i].body};

			int sr = mail_send(&srv, &m, &me);

			if (sr == ERR_PERM) {
				/* No TLS for the credentials: every digest would be refused alike. */
				r = err_set(&c->err, sr, "%s", me.msg);
				json_decref(arr);
				goto out;
			}
			if (sr == 0 && task_remind_record(db, &d[i], &me) == 0) {
				status = "sent";
				sent++;
			} else {
				status = "failed";
				failed++;
				log_error("remind: %s: %s", d[i].unit_name, me.msg);
			}
		}
		if (arr) {
			json_t *cc = json_array(), *ev = json_array();

			for (size_t k = 0; k < d[i].ncc; k++)
				json_array_append_new(cc, json_string(d[i].cc[k]));
			for (size_t k = 0; k < d[i].nitems; k++)
				json_array_append_new(ev,
						      json_pack("{s:I, s:s}", "task",
								(json_int_t)d[i].items[k].task_id,
								"event", d[i].items[k].event));
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

int cli_tasks_review(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as-of", required_argument, NULL, 'a'}, {"period", required_argument, NULL, 'p'},
	    {"body", required_argument, NULL, 'b'},  {"final", no_argument, NULL, 'F'},
	    {"session", no_argument, NULL, 's'},     {NULL, 0, NULL, 0},
	};
	const char *asof = NULL, *period = NULL, *body = NULL;
	struct task_followup f;
	struct ind_report ir = {0};
	struct buf b = BUF_INIT(64u << 20);
	struct arena *a;
	struct db *db;
	struct err ie = {0};
	bool final = false, session = false, has_ind = false;
	int64_t body_id = 0;
	long long id;
	char day[11];
	int ch, r;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'a')
			asof = optarg;
		else if (ch == 'p')
			period = optarg;
		else if (ch == 'b')
			body = optarg;
		else if (ch == 'F')
			final = true;
		else if (ch == 's')
			session = true;
		else
			return cli_usage(c, "tùy chọn không hợp lệ: '%s'", argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage(c,
				 optind == argc ? "thiếu số văn bản (nghị quyết)" : "thừa tham số");
	r = cli_parse_id(c, "số văn bản", argv[optind], &id);
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
