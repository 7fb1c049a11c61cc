/* cli_request.c: 'dondoc request add|list|show|answer': reporting requests to lower bodies. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/indicators/indicator.h"
#include "core/requests/request.h"
#include "render/entity.h"
#include "util/arena.h"

#define REQ_ARENA (8u << 20)

/* A body by id, name or unique code, the option it came from named in the error. */
static int body_arg(struct cli *c, struct db *db, const char *opt, const char *arg, int64_t *ret)
{
	struct err e2 = {0};
	int r = ind_body_find(db, arg, ret, &e2);

	if (r < 0)
		err_set(&c->err, r, "--%s '%s': %s", opt, arg, e2.msg);
	return r;
}

const struct cli_spec cli_request_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"body", CLI_TEXT, CLI_REQ, "B", "cơ quan yêu cầu báo cáo (mã, tên hoặc ký hiệu)"},
	    {"kind", CLI_CHOICE, CLI_REQ, "figures|progress",
	     "số liệu chỉ tiêu của một kỳ, hoặc tiến độ thực hiện nhiệm vụ"},
	    {"period", CLI_TEXT, 0, "P", "kỳ số liệu (ví dụ 2023-Q3, 2023-H1, 2023), với figures"},
	    {"due", CLI_DATE, CLI_REQ, "D", "hạn báo cáo (dd/mm/yyyy), không trước hôm nay"},
	    {"to", CLI_TEXT, CLI_MANY, "BODY",
	     "cơ quan cấp dưới nhận yêu cầu (lặp lại; mặc định: mọi cơ quan cấp dưới trực tiếp)"},
	    {"note", CLI_TEXT, 0, "T", "ghi chú"},
	    {NULL}},
};

int cli_request_add(struct cli *c, const struct cli_args *args)
{
	const char *tos[REQ_TO_MAX];
	int64_t to_ids[REQ_TO_MAX];
	struct req_new n = {.kind = cli_opt(args, "kind"),
			    .period = cli_opt(args, "period"),
			    .due = cli_opt(args, "due"),
			    .note = cli_opt(args, "note")};
	size_t nto = cli_opt_all(args, "to", tos, REQ_TO_MAX);
	struct arena *a = NULL;
	struct req rq;
	struct db *db;
	int64_t id;
	int r;

	if (nto > REQ_TO_MAX)
		return cli_usage(c, "--to: tối đa %d cơ quan", REQ_TO_MAX);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	r = body_arg(c, db, "body", cli_opt(args, "body"), &n.body_id);
	for (size_t i = 0; r >= 0 && i < nto; i++)
		r = body_arg(c, db, "to", tos[i], &to_ids[i]);
	if (r < 0)
		return r;
	n.to = to_ids;
	n.nto = nto;
	r = req_add(db, &n, &id, &c->err);
	if (r < 0)
		return r;
	a = arena_new(REQ_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = req_get(db, id, a, &rq, &c->err);
	if (r >= 0 && c->json)
		r = cli_json(c, ent_request_json(&rq));
	else if (r >= 0)
		fprintf(c->out, "yêu cầu báo cáo số %lld: %s, hạn %s, gửi %zu cơ quan\n",
			(long long)id, req_what(&rq, a), rq.due, rq.nto);
	arena_free(a);
	return r;
}

const struct cli_spec cli_request_list_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "B",
					 "chỉ các yêu cầu cơ quan này gửi đi hoặc nhận được"},
					{NULL}},
};

int cli_request_list(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body");
	struct arena *a = NULL;
	int64_t body_id = 0;
	struct req *v = NULL;
	struct db *db;
	size_t n = 0;
	int r;

	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (body && (r = body_arg(c, db, "body", body, &body_id)) < 0)
		return r;
	a = arena_new(REQ_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = req_list(db, body_id, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, ent_request_json(&v[i]));
		r = cli_json(c, arr);
		goto out;
	}
	if (n == 0)
		fprintf(c->out, "chưa có yêu cầu báo cáo nào\n");
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %s → %s, hạn %s: %zu/%zu đã báo cáo\n", (long long)v[i].id,
			v[i].body_name, req_what(&v[i], a), v[i].due, v[i].nanswered, v[i].nto);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_request_show_spec = {
    .pos = (const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "số yêu cầu báo cáo"}, {NULL}},
};

int cli_request_show(struct cli *c, const struct cli_args *args)
{
	struct arena *a = NULL;
	struct req rq;
	struct db *db;
	int r;

	if ((r = cli_db(c, &db)) < 0)
		return r;
	a = arena_new(REQ_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = req_get(db, cli_pos_id(args, 0), a, &rq, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		r = cli_json(c, ent_request_json(&rq));
		goto out;
	}
	fprintf(c->out, "Yêu cầu báo cáo số %lld của %s\n%s, hạn %s\n", (long long)rq.id,
		rq.body_name, req_what(&rq, a), rq.due);
	if (rq.note[0])
		fprintf(c->out, "Ghi chú: %s\n", rq.note);
	fprintf(c->out, "%zu/%zu đã báo cáo\n", rq.nanswered, rq.nto);
	for (size_t i = 0; i < rq.nto; i++)
		fprintf(c->out, "  %-30s %s%s\n", rq.to[i].body_name,
			rq.to[i].answered_at ? "đã báo cáo " : "chưa báo cáo",
			rq.to[i].answered_at ? rq.to[i].answered_at : "");
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_request_answer_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"body", CLI_TEXT, CLI_REQ, "B", "cơ quan cấp dưới gửi báo cáo"}, {NULL}},
    .pos = (const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "số yêu cầu báo cáo"}, {NULL}},
};

int cli_request_answer(struct cli *c, const struct cli_args *args)
{
	int64_t id = cli_pos_id(args, 0), body_id;
	struct db *db;
	int r;

	if ((r = cli_db(c, &db)) < 0)
		return r;
	if ((r = body_arg(c, db, "body", cli_opt(args, "body"), &body_id)) < 0)
		return r;
	r = req_answer(db, id, body_id, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:I, s:b}", "request", (json_int_t)id,
					     "body_id", (json_int_t)body_id, "answered", 1));
	fprintf(c->out, "đã ghi nhận báo cáo cho yêu cầu số %lld\n", (long long)id);
	return 0;
}
