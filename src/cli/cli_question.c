/* cli_question.c: 'dondoc question add|answer|judge|verify|conclude|handle|list|paragraph': chất vấn. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/questioning.h"

int cli_question_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"by", required_argument, NULL, 'b'},   {"kind", required_argument, NULL, 'k'},
	    {"to", required_argument, NULL, 't'},   {"member", required_argument, NULL, 'm'},
	    {"file", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(64u << 10);
	struct qa_in in = {.kind = QA_CHAT_VAN, .target = QA_TO_NONE};
	long long session, by = 0, member = 0;
	const char *file = NULL;
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int ch, r = 0, v;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			r = cli_parse_id(c, "--by", optarg, &by);
			break;
		case 'k':
			v = qa_kind_parse(optarg);
			if (v < 0)
				r = cli_usage(c, "--kind phải là chat-van, hoi hoặc kien-nghi");
			in.kind = (enum qa_kind)v;
			break;
		case 't':
			v = qa_target_parse(optarg);
			if (v < 0 || v == QA_TO_NONE)
				r = cli_usage(c, "--to phải là bch, btv, tt, ubkt hoặc member");
			in.target = (enum qa_target)v;
			break;
		case 'm':
			r = cli_parse_id(c, "--member", optarg, &member);
			break;
		case 'f':
			file = optarg;
			break;
		default:
			r = cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (r == 0 && !by)
		r = cli_usage(c, "thiếu --by NGƯỜI (người hỏi)");
	if (r == 0 && member && in.target == QA_TO_NONE)
		in.target = QA_TO_MEMBER;
	if (r == 0 && in.target == QA_TO_MEMBER && !member)
		r = cli_usage(c, "--to member cần --member NGƯỜI");
	if (r == 0 && optind >= argc)
		r = cli_usage(c, "thiếu số hiệu phiên họp");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu phiên họp", argv[optind], &session);
	if (r == 0)
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, "nội dung", &text);
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
static int text_step(struct cli *c, int argc, char **argv,
		     int (*fn)(struct db *, int64_t, const char *, struct err *), const char *what,
		     const char *done)
{
	static const struct option opts[] = {
	    {"file", required_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(64u << 10);
	const char *file = NULL;
	long long id;
	struct db *db;
	int ch, r = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'f')
			return cli_usage(c, "tùy chọn không hợp lệ");
		file = optarg;
	}
	if (optind >= argc)
		r = cli_usage(c, "thiếu số hiệu câu hỏi");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu câu hỏi", argv[optind], &id);
	if (r == 0)
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, what, &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = fn(db, id, buf_str(&text), &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, done);
}

int cli_question_answer(struct cli *c, int argc, char **argv)
{
	return text_step(c, argc, argv, qa_answer, "nội dung trả lời", "đã ghi câu trả lời");
}

int cli_question_verify(struct cli *c, int argc, char **argv)
{
	return text_step(c, argc, argv, qa_verify, "nội dung thẩm tra", "đã ghi yêu cầu thẩm tra");
}

int cli_question_conclude(struct cli *c, int argc, char **argv)
{
	return text_step(c, argc, argv, qa_conclude, "kết luận", "đã ghi kết luận");
}

int cli_question_handle(struct cli *c, int argc, char **argv)
{
	return text_step(c, argc, argv, qa_handle, "hình thức xử lý", "đã ghi việc xử lý");
}

int cli_question_judge(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"accept", no_argument, NULL, 'a'},
	    {"return", required_argument, NULL, 'r'},
	    {"note", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	const char *note = NULL;
	int accept = -1, ch, r = 0;
	long long id;
	struct db *db;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'a' && accept != 0)
			accept = 1;
		else if (ch == 'r' && accept != 1)
			accept = 0, note = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			r = cli_usage(c, "cần đúng một trong --accept, --return LÝ_DO");
	}
	if (r == 0 && accept < 0)
		r = cli_usage(c, "cần --accept hoặc --return LÝ_DO");
	if (r == 0) {
		const char *w[] = {"số hiệu câu hỏi"};

		if (optind + 1 != argc)
			r = cli_usage(c, optind >= argc ? "thiếu %s" : "thừa tham số (%s)", w[0]);
		else
			r = cli_parse_id(c, w[0], argv[optind], &id);
	}
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

int cli_question_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	struct qa_item *v;
	struct arena *a;
	long long session;
	struct db *db;
	size_t n;
	int r;

	optind = 1;
	if (getopt_long(argc, argv, "", opts, NULL) != -1)
		return cli_usage(c, "tùy chọn không hợp lệ");
	if (optind + 1 != argc)
		return cli_usage(c, optind >= argc ? "thiếu số hiệu phiên họp" : "thừa tham số");
	r = cli_parse_id(c, "số hiệu phiên họp", argv[optind], &session);
	if (r == 0)
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

int cli_question_paragraph(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	struct buf b = BUF_INIT(1u << 20);
	long long session;
	struct db *db;
	int r;

	optind = 1;
	if (getopt_long(argc, argv, "", opts, NULL) != -1)
		return cli_usage(c, "tùy chọn không hợp lệ");
	if (optind + 1 != argc)
		return cli_usage(c, optind >= argc ? "thiếu số hiệu phiên họp" : "thừa tham số");
	r = cli_parse_id(c, "số hiệu phiên họp", argv[optind], &session);
	if (r == 0)
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
