/* cli_programme.c: 'dondoc programme add|topic|drop|revise|tick|show': work programmes. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork/sessionwork.h"

const struct cli_spec cli_programme_add_spec = {
    .opts = (const struct cli_optdef[]){{"term", CLI_ID, CLI_REQ, "TERM", "nhiệm kỳ"},
					{"year", CLI_TEXT, 0, "YEAR",
					 "năm (chương trình năm; không có: toàn khóa)"},
					{"date", CLI_DATE, CLI_REQ, "DATE", "ngày ban hành"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"ORGAN", CLI_ID, CLI_REQ, "số hiệu cơ quan"},
				       {"TITLE", CLI_TEXT, CLI_REQ, "tên chương trình"},
				       {NULL}},
};

int cli_programme_add(struct cli *c, const struct cli_args *args)
{
	long long organ = cli_pos_id(args, 0), term = cli_opt_id(args, "term");
	const char *date = cli_opt(args, "date");
	int year = 0, r = 0;
	int64_t id = 0;
	struct db *db;
	char msg[96];

	if (cli_flag(args, "year"))
		r = cli_sw_int(c, "--year", cli_opt(args, "year"), &year);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_add(db, organ, term, year != 0, year, cli_pos(args, 1), date, &id,
			     &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã tạo chương trình công tác số hiệu %lld", (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

const struct cli_spec cli_programme_topic_spec = {
    .opts = (const struct cli_optdef[]){{"year", CLI_TEXT, 0, "Y", "năm"},
					{"quarter", CLI_TEXT, 0, "Q", "quý"},
					{"session", CLI_TEXT, 0, "N", "phiên họp thứ"},
					{"unit", CLI_ID, 0, "U", "đơn vị chủ trì chuẩn bị"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"PROGRAMME", CLI_ID, CLI_REQ, "số hiệu chương trình"},
				       {"TITLE", CLI_TEXT, CLI_REQ, "nội dung"},
				       {NULL}},
};

int cli_programme_topic(struct cli *c, const struct cli_args *args)
{
	struct prog_topic_in t = {0};
	long long prog = cli_pos_id(args, 0), unit = cli_opt_id(args, "unit");
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int r = 0;

	if (cli_flag(args, "year"))
		r = cli_sw_int(c, "--year", cli_opt(args, "year"), &t.year);
	if (r == 0 && cli_flag(args, "quarter"))
		r = cli_sw_int(c, "--quarter", cli_opt(args, "quarter"), &t.quarter);
	if (r == 0 && cli_flag(args, "session"))
		r = cli_sw_int(c, "--session", cli_opt(args, "session"), &t.session_number);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0) {
		t.title = cli_pos(args, 1);
		t.unit_id = unit;
		r = prog_topic_add(db, prog, &t, &id, &c->err);
	}
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã thêm nội dung số hiệu %lld", (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

static const struct cli_posdef topic_pos[] = {
    {"TOPIC", CLI_ID, CLI_REQ, "số hiệu nội dung"},
    {NULL},
};

const struct cli_spec cli_programme_drop_spec = {.pos = topic_pos};

int cli_programme_drop(struct cli *c, const struct cli_args *args)
{
	long long id = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = prog_topic_drop(db, id, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, "đã bỏ nội dung khỏi lần điều chỉnh hiện hành");
}

const struct cli_spec cli_programme_revise_spec = {
    .opts = (const struct cli_optdef[]){{"date", CLI_DATE, CLI_REQ, "DATE", "ngày điều chỉnh"},
					{"doc", CLI_ID, 0, "ID", "văn bản điều chỉnh"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"PROGRAMME", CLI_ID, CLI_REQ, "số hiệu chương trình"},
				       {"NOTE", CLI_TEXT, CLI_REQ, "nội dung điều chỉnh"},
				       {NULL}},
};

int cli_programme_revise(struct cli *c, const struct cli_args *args)
{
	long long prog = cli_pos_id(args, 0), doc = cli_opt_id(args, "doc");
	const char *date = cli_opt(args, "date");
	struct db *db;
	char msg[96];
	int r = 0, rev = 0;

	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_revise(db, prog, date, doc, cli_pos(args, 1), &rev, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã mở lần điều chỉnh %d", rev);
	return cli_sw_done(c, "revision", rev, msg);
}

const struct cli_spec cli_programme_tick_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"item", CLI_ID, CLI_REQ, "ITEM", "mục chương trình phiên họp đã thực hiện"}, {NULL}},
    .pos = topic_pos,
};

int cli_programme_tick(struct cli *c, const struct cli_args *args)
{
	long long id = cli_pos_id(args, 0), item = cli_opt_id(args, "item");
	struct db *db;
	int r = 0;

	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = prog_tick(db, id, item, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, "đã đánh dấu nội dung đã thực hiện");
}

const struct cli_spec cli_programme_show_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"revision", CLI_TEXT, 0, "R", "lần điều chỉnh (mặc định hiện hành)"}, {NULL}},
    .pos =
	(const struct cli_posdef[]){{"PROGRAMME", CLI_ID, CLI_REQ, "số hiệu chương trình"}, {NULL}},
};

int cli_programme_show(struct cli *c, const struct cli_args *args)
{
	struct prog_view v;
	struct arena *a;
	long long prog = cli_pos_id(args, 0);
	struct db *db;
	int r = 0, rev = 0;

	if (cli_flag(args, "revision"))
		r = cli_sw_int(c, "--revision", cli_opt(args, "revision"), &rev);
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
