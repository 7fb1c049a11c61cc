/* cli_programme.c: 'dondoc programme add|topic|drop|revise|tick|show': work programmes. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork.h"

int cli_programme_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"term", required_argument, NULL, 't'},
	    {"year", required_argument, NULL, 'y'},
	    {"date", required_argument, NULL, 'd'},
	    {NULL, 0, NULL, 0},
	};
	long long organ, term = 0;
	const char *date = NULL;
	int year = 0, ch, r = 0;
	int64_t id = 0;
	struct db *db;
	char msg[96];

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 't')
			r = cli_parse_id(c, "--term", optarg, &term);
		else if (ch == 'y')
			r = cli_sw_int(c, "--year", optarg, &year);
		else if (ch == 'd')
			date = optarg;
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && !term)
		r = cli_usage(c, "thiếu --term NHIỆM_KỲ");
	if (r == 0 && !date)
		r = cli_usage(c, "thiếu --date NGÀY (ngày ban hành)");
	if (r == 0 && argc - optind != 2)
		r = cli_usage(c, "cần số hiệu cơ quan và tên chương trình");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu cơ quan", argv[optind], &organ);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_add(db, organ, term, year != 0, year, argv[optind + 1], date, &id,
			     &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã tạo chương trình công tác số hiệu %lld", (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

int cli_programme_topic(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"year", required_argument, NULL, 'y'},
	    {"quarter", required_argument, NULL, 'q'},
	    {"session", required_argument, NULL, 's'},
	    {"unit", required_argument, NULL, 'u'},
	    {NULL, 0, NULL, 0},
	};
	struct prog_topic_in t = {0};
	long long prog, unit = 0;
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int ch, r = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'y')
			r = cli_sw_int(c, "--year", optarg, &t.year);
		else if (ch == 'q')
			r = cli_sw_int(c, "--quarter", optarg, &t.quarter);
		else if (ch == 's')
			r = cli_sw_int(c, "--session", optarg, &t.session_number);
		else if (ch == 'u')
			r = cli_parse_id(c, "--unit", optarg, &unit);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && argc - optind != 2)
		r = cli_usage(c, "cần số hiệu chương trình và nội dung");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu chương trình", argv[optind], &prog);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0) {
		t.title = argv[optind + 1];
		t.unit_id = unit;
		r = prog_topic_add(db, prog, &t, &id, &c->err);
	}
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã thêm nội dung số hiệu %lld", (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

int cli_programme_drop(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	long long id;
	struct db *db;
	int r;

	optind = 1;
	if (getopt_long(argc, argv, "", opts, NULL) != -1)
		return cli_usage(c, "tùy chọn không hợp lệ");
	if (argc - optind != 1)
		return cli_usage(c, "cần đúng một số hiệu nội dung");
	r = cli_parse_id(c, "số hiệu nội dung", argv[optind], &id);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_topic_drop(db, id, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, "đã bỏ nội dung khỏi lần điều chỉnh hiện hành");
}

int cli_programme_revise(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"doc", required_argument, NULL, 'o'},
	    {NULL, 0, NULL, 0},
	};
	long long prog, doc = 0;
	const char *date = NULL;
	struct db *db;
	char msg[96];
	int ch, r = 0, rev = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			date = optarg;
		else if (ch == 'o')
			r = cli_parse_id(c, "--doc", optarg, &doc);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && !date)
		r = cli_usage(c, "thiếu --date NGÀY");
	if (r == 0 && argc - optind != 2)
		r = cli_usage(c, "cần số hiệu chương trình và nội dung điều chỉnh");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu chương trình", argv[optind], &prog);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_revise(db, prog, date, doc, argv[optind + 1], &rev, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã mở lần điều chỉnh %d", rev);
	return cli_sw_done(c, "revision", rev, msg);
}

int cli_programme_tick(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"item", required_argument, NULL, 'i'},
	    {NULL, 0, NULL, 0},
	};
	long long id, item = 0;
	struct db *db;
	int ch, r = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'i')
			r = cli_parse_id(c, "--item", optarg, &item);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && !item)
		r = cli_usage(c, "thiếu --item MỤC (mục chương trình phiên họp đã thực hiện)");
	if (r == 0 && argc - optind != 1)
		r = cli_usage(c, "cần đúng một số hiệu nội dung");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu nội dung", argv[optind], &id);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_tick(db, id, item, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, "đã đánh dấu nội dung đã thực hiện");
}

int cli_programme_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"revision", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	struct prog_view v;
	struct arena *a;
	long long prog;
	struct db *db;
	int ch, r = 0, rev = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'r')
			r = cli_sw_int(c, "--revision", optarg, &rev);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && argc - optind != 1)
		r = cli_usage(c, "cần đúng một số hiệu chương trình");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu chương trình", argv[optind], &prog);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(64u << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = prog_load(db, prog, rev, a, &v, &c->err);
	if (r == 0 && c->json) {
		json_t *topics = json_array(), *revs = json_array();

		for (size_t i = 0; i < v.n; i++) {
			const struct prog_topic *t = &v.topics[i];

			json_array_append_new(
			    topics,
			    json_pack("{s:I, s:s, s:i, s:i, s:i, s:I, s:s?, s:i, s:b, s:I, s:i}",
				      "id", (json_int_t)t->id, "title", t->title, "year", t->year,
				      "quarter", t->quarter, "session_number", t->session_number,
				      "unit_id", (json_int_t)t->unit_id, "unit", t->unit,
				      "added_revision", t->added_rev, "done", t->done_item_id != 0,
				      "done_item_id", (json_int_t)t->done_item_id,
				      "done_session_number", t->done_session_number));
		}
		for (size_t i = 0; i < v.nrevs; i++)
			json_array_append_new(
			    revs,
			    json_pack("{s:i, s:s, s:s?, s:I, s:i, s:i}", "revision",
				      v.revs[i].revision, "effective_from",
				      v.revs[i].effective_from, "note", v.revs[i].note,
				      "document_id", (json_int_t)v.revs[i].document_id, "added",
				      v.revs[i].added, "dropped", v.revs[i].dropped));
		r = cli_json(c, json_pack("{s:I, s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:o, s:o}",
					  "id", (json_int_t)v.id, "title", v.title, "organ",
					  v.organ, "scope", v.yearly ? "nam" : "toan_khoa", "year",
					  v.year, "revision", v.revision, "revisions", v.revisions,
					  "done", v.done, "topics", topics, "history", revs));
	} else if (r == 0) {
		fprintf(c->out, "%s (%s) — lần điều chỉnh %d/%d; đã thực hiện %d/%zu nội dung\n",
			v.title, v.organ, v.revision - 1, v.revisions - 1, v.done, v.n);
		for (size_t i = 0; i < v.n; i++) {
			const struct prog_topic *t = &v.topics[i];

			fprintf(c->out, "%6lld  [%s] ", (long long)t->id,
				t->done_item_id ? "x" : " ");
			if (t->quarter)
				fprintf(c->out, "quý %d/%d ", t->quarter, t->year);
			else if (t->year)
				fprintf(c->out, "năm %d ", t->year);
			if (t->session_number)
				fprintf(c->out, "phiên %d ", t->session_number);
			fprintf(c->out, "%s", t->title);
			if (t->unit)
				fprintf(c->out, " — chuẩn bị: %s", t->unit);
			if (t->done_item_id)
				fprintf(c->out, " (thực hiện tại phiên họp thứ %d)",
					t->done_session_number);
			fputc('\n', c->out);
		}
		fprintf(c->out, "Lịch sử:\n");
		for (size_t i = 0; i < v.nrevs; i++)
			fprintf(c->out, "  %s lần %d từ %s: %s (thêm %d, bỏ %d)\n",
				v.revs[i].revision == 1 ? "ban hành," : "điều chỉnh",
				v.revs[i].revision - 1, v.revs[i].effective_from,
				v.revs[i].note ? v.revs[i].note : "", v.revs[i].added,
				v.revs[i].dropped);
	}
	arena_free(a);
	return r;
}
