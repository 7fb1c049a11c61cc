/* cli_question.c: 'dondoc question add|answer|judge|verify|conclude|handle|list|paragraph': chất vấn. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork/qa.h"

const struct cli_spec cli_question_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"by", CLI_ID, CLI_REQ, "PERSON", "người hỏi"},
	    {"kind", CLI_TEXT, 0, "chat-van|hoi|kien-nghi", "loại: chất vấn, câu hỏi, kiến nghị"},
	    {"to", CLI_TEXT, 0, "bch|btv|tt|ubkt|member", "hỏi ai"},
	    {"member", CLI_ID, 0, "PERSON", "thành viên được hỏi (--to member)"},
	    {"file", CLI_TEXT, 0, "F", "tệp nội dung"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
				       {"TEXT", CLI_TEXT, 0, "nội dung"},
				       {NULL}},
    .note = "Nội dung là TEXT hoặc --file.",
};

int cli_question_add(struct cli *c, const struct cli_args *args)
{
	struct buf text = BUF_INIT(64u << 10);
	struct qa_in in = {.kind = QA_CHAT_VAN, .target = QA_TO_NONE};
	long long session = cli_pos_id(args, 0), by = cli_opt_id(args, "by"),
		  member = cli_opt_id(args, "member");
	const char *file = cli_opt(args, "file"), *opt;
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int r = 0, v;

	if ((opt = cli_opt(args, "kind"))) {
		v = qa_kind_parse(opt);
		if (v < 0)
			r = cli_usage(c, "--kind phải là chat-van, hoi hoặc kien-nghi");
		in.kind = (enum qa_kind)v;
	}
	if (r == 0 && (opt = cli_opt(args, "to"))) {
		v = qa_target_parse(opt);
		if (v < 0 || v == QA_TO_NONE)
			r = cli_usage(c, "--to phải là bch, btv, tt, ubkt hoặc member");
		in.target = (enum qa_target)v;
	}
	if (r == 0 && member && in.target == QA_TO_NONE)
		in.target = QA_TO_MEMBER;
	if (r == 0 && in.target == QA_TO_MEMBER && !member)
		r = cli_usage(c, "--to member cần --member NGƯỜI");
	if (r == 0)
		r = cli_sw_text_arg(c, args, 1, file, "nội dung", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0) {
		in.session_id = session;
		in.questioner_id = by;
		in.respondent_person_id = member;
		in.content = buf_str(&text);
		r = qa_add(db, &in, &id, &c->err);
	}
	buf_free(&text);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi %s số hiệu %lld", qa_kind_label(in.kind), (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

/* The verbs that take an item id and one text: answer, verify, conclude, handle. */
#define TEXT_STEP_SPEC(verb, what)                                                                \
	const struct cli_spec cli_question_##verb##_spec = {                                      \
	    .opts = (const struct cli_optdef[]){{"file", CLI_TEXT, 0, "F", "tệp " what}, {NULL}}, \
	    .pos = (const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "số hiệu câu hỏi"},        \
					       {"TEXT", CLI_TEXT, 0, what},                       \
					       {NULL}},                                           \
	    .note = "Nội dung là TEXT hoặc --file.",                                              \
	}

static int text_step(struct cli *c, const struct cli_args *args,
		     int (*fn)(struct db *, int64_t, const char *, struct err *), const char *what,
		     const char *done)
{
	struct buf text = BUF_INIT(64u << 10);
	long long id = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_sw_text_arg(c, args, 1, cli_opt(args, "file"), what, &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = fn(db, id, buf_str(&text), &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, done);
}

TEXT_STEP_SPEC(answer, "nội dung trả lời");

int cli_question_answer(struct cli *c, const struct cli_args *args)
{
	return text_step(c, args, qa_answer, "nội dung trả lời", "đã ghi câu trả lời");
}

TEXT_STEP_SPEC(verify, "nội dung thẩm tra");

int cli_question_verify(struct cli *c, const struct cli_args *args)
{
	return text_step(c, args, qa_verify, "nội dung thẩm tra", "đã ghi yêu cầu thẩm tra");
}

TEXT_STEP_SPEC(conclude, "kết luận");

int cli_question_conclude(struct cli *c, const struct cli_args *args)
{
	return text_step(c, args, qa_conclude, "kết luận", "đã ghi kết luận");
}

TEXT_STEP_SPEC(handle, "hình thức xử lý");

int cli_question_handle(struct cli *c, const struct cli_args *args)
{
	return text_step(c, args, qa_handle, "hình thức xử lý", "đã ghi việc xử lý");
}

const struct cli_spec cli_question_judge_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"accept", CLI_FLAG, 0, NULL, "người chất vấn chấp nhận câu trả lời"},
	    {"return", CLI_TEXT, 0, "REASON", "yêu cầu trả lời lại, với lý do"},
	    {"note", CLI_TEXT, 0, "TEXT", "ghi chú"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "số hiệu câu hỏi"}, {NULL}},
    .note = "Cần đúng một trong --accept, --return LÝ_DO.",
};

int cli_question_judge(struct cli *c, const struct cli_args *args)
{
	const char *note = cli_opt(args, "note");
	int accept = -1, r = 0;
	long long id = cli_pos_id(args, 0);
	struct db *db;

	if (cli_flag(args, "accept") && cli_flag(args, "return"))
		r = cli_usage(c, "cần đúng một trong --accept, --return LÝ_DO");
	else if (cli_flag(args, "accept"))
		accept = 1;
	else if (cli_flag(args, "return"))
		accept = 0, note = note ? note : cli_opt(args, "return");
	if (r == 0 && accept < 0)
		r = cli_usage(c, "cần --accept hoặc --return LÝ_DO");
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = qa_judge(db, id, accept == 1, note, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id,
			   accept == 1 ? "đã ghi: người chất vấn chấp nhận câu trả lời"
				       : "đã ghi: yêu cầu trả lời lại");
}

static json_t *item_json(const struct qa_item *it)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:s?, s:s?, "
			 "s:s?}",
			 "id", (json_int_t)it->id, "session_id", (json_int_t)it->session_id, "kind",
			 qa_kind_name(it->kind), "questioner_id", (json_int_t)it->questioner_id,
			 "questioner", it->questioner, "target", qa_target_name(it->target),
			 "respondent", it->respondent, "content", it->content, "answer", it->answer,
			 "judgement", it->judgement, "stage", qa_stage_name(it->stage),
			 "verification", it->verification, "conclusion", it->conclusion, "handling",
			 it->handling);
}

static const struct cli_posdef session_pos[] = {
    {"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
    {NULL},
};

const struct cli_spec cli_question_list_spec = {.pos = session_pos};

int cli_question_list(struct cli *c, const struct cli_args *args)
{
	struct qa_item *v;
	struct arena *a;
	long long session = cli_pos_id(args, 0);
	struct db *db;
	size_t n;
	int r;

	r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(64u << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = qa_list(db, session, a, &v, &n, &c->err);
	if (r == 0 && c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, item_json(&v[i]));
		r = cli_json(c, arr);
	} else if (r == 0) {
		for (size_t i = 0; i < n; i++) {
			fprintf(c->out, "%lld. %s — %s → %s: %s\n   %s\n", (long long)v[i].id,
				qa_kind_label(v[i].kind), v[i].questioner,
				*v[i].respondent ? v[i].respondent : "(không chỉ định)",
				v[i].content, qa_stage_label(v[i].stage));
			if (v[i].answer)
				fprintf(c->out, "   Trả lời: %s\n", v[i].answer);
			if (v[i].verification)
				fprintf(c->out, "   Thẩm tra: %s\n", v[i].verification);
			if (v[i].conclusion)
				fprintf(c->out, "   Kết luận: %s\n", v[i].conclusion);
			if (v[i].handling)
				fprintf(c->out, "   Xử lý: %s\n", v[i].handling);
		}
		if (n == 0)
			fprintf(c->out, "Không có câu hỏi, chất vấn hay kiến nghị.\n");
	}
	arena_free(a);
	return r;
}

const struct cli_spec cli_question_paragraph_spec = {.pos = session_pos};

int cli_question_paragraph(struct cli *c, const struct cli_args *args)
{
	struct buf b = BUF_INIT(1u << 20);
	long long session = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = qa_notice_paragraph(db, session, &b, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, json_pack("{s:I, s:s}", "session_id", (json_int_t)session,
						  "paragraph", buf_str(&b)));
		else
			fprintf(c->out, "%s\n", buf_str(&b));
	}
	buf_free(&b);
	return r;
}
