/* cli_sessionwork.c: 'dondoc session attend|attendance', 'invite …', 'vote …', 'agenda carry|history', 'regulation …'. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork/sessionwork.h"
#include "vn/date.h"

#define ARENA_MAX (64u << 20)

int cli_sw_int(struct cli *c, const char *what, const char *s, int *ret)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : -1;
	if (!s || !*s || *end || errno || v < 0 || v > 1000000)
		return cli_usage(c, "%s không hợp lệ: '%s' (cần một số nguyên không âm)", what,
				 s ? s : "");
	*ret = (int)v;
	return 0;
}

int cli_sw_read(struct cli *c, const char *path, size_t max, struct buf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int r;

	if (!f)
		return err_set(&c->err, ERR_IO, "%s: không đọc được tệp (%s)", path,
			       strerror(errno));
	r = buf_read(out, f);
	if (r == ERR_IO)
		r = err_set(&c->err, ERR_IO, "%s: lỗi đọc tệp", path);
	else if (r == ERR_TOOBIG)
		r = err_set(&c->err, ERR_TOOBIG, "%s: tệp quá lớn (tối đa %zu byte)", path, max);
	else if (r < 0)
		r = err_set(&c->err, r, "%s: không đọc được", path);
	if (f != stdin)
		fclose(f);
	if (r == 0)
		r = cli_text_check(c, path, out->data, out->len);
	if (r == 0 && out->len == 0)
		buf_puts(out, "");
	return r;
}

int cli_sw_text_arg(struct cli *c, const struct cli_args *args, size_t pos, const char *file,
		    const char *what, struct buf *out)
{
	const char *text = cli_pos(args, pos);

	if (file) {
		if (text)
			return cli_usage(c, "thừa tham số: '%s' (đã có --file)", text);
		return cli_sw_read(c, file, out->max, out);
	}
	if (!text)
		return cli_usage(c, "thiếu %s", what);
	if (buf_puts(out, text) < 0)
		return err_set(&c->err, ERR_TOOBIG, "%s quá dài", what);
	return 0;
}

int cli_sw_done(struct cli *c, const char *key, int64_t id, const char *msg)
{
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:s}", key, (json_int_t)id, "message", msg));
	fprintf(c->out, "%s\n", msg);
	return 0;
}

static const struct cli_posdef session_pos[] = {
    {"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
    {NULL},
};

static const struct cli_posdef item_pos[] = {
    {"ITEM", CLI_ID, CLI_REQ, "số hiệu mục chương trình"},
    {NULL},
};

static const struct cli_posdef organ_pos[] = {
    {"ORGAN", CLI_ID, CLI_REQ, "số hiệu cơ quan"},
    {NULL},
};

/* A verb of one id: the id, the store, and an arena for its rows. */
static int id_verb_open(struct cli *c, const struct cli_args *args, long long *id, struct db **db,
			struct arena **a)
{
	int r;

	*id = cli_pos_id(args, 0);
	r = cli_db(c, db);
	if (r < 0)
		return r;
	*a = arena_new(ARENA_MAX);
	return *a ? 0 : err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
}

/* ---- session attend / attendance ---- */

const struct cli_spec cli_session_attend_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"present", CLI_FLAG, 0, NULL, "có mặt"},
	    {"absent", CLI_TEXT, 0, "REASON", "vắng mặt, với lý do"},
	    {"delegated", CLI_TEXT, 0, "NAME", "ủy quyền cho người khác dự"},
	    {"reason", CLI_TEXT, 0, "R", "lý do (cùng --delegated)"},
	    {"rest-present", CLI_FLAG, 0, NULL,
	     "mọi thành viên chưa điểm danh là có mặt (chỉ cần SESSION)"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
				       {"PERSON", CLI_ID, 0, "số hiệu người"},
				       {NULL}},
    .note = "Cần đúng một trong --present, --absent LÝ_DO, --delegated NGƯỜI; hoặc "
	    "--rest-present không kèm PERSON.",
};

int cli_session_attend(struct cli *c, const struct cli_args *args)
{
	bool rest = cli_flag(args, "rest-present");
	const char *reason = cli_opt(args, "reason"), *delegate = cli_opt(args, "delegated");
	enum sw_att st = SW_UNRECORDED;
	long long id[2] = {cli_pos_id(args, 0), cli_pos_id(args, 1)};
	struct db *db;
	char msg[256];
	int r, nst = 0;

	if (cli_flag(args, "present"))
		st = SW_PRESENT, nst++;
	if (cli_flag(args, "absent"))
		st = SW_ABSENT, reason = cli_opt(args, "absent"), nst++;
	if (delegate)
		st = SW_DELEGATED, nst++;
	if (rest) {
		int n = 0;

		if (nst || reason)
			return cli_usage(c, "--rest-present không đi cùng tùy chọn khác");
		if (cli_npos(args) > 1)
			return cli_usage(c, "thừa tham số: '%s'", cli_pos(args, 1));
		r = cli_db(c, &db);
		if (r == 0)
			r = sw_attend_rest_present(db, id[0], &n, &c->err);
		if (r < 0)
			return r;
		snprintf(msg, sizeof(msg), "đã ghi có mặt %d thành viên chưa điểm danh", n);
		return cli_sw_done(c, "recorded", n, msg);
	}
	if (nst != 1)
		return cli_usage(c,
				 "cần đúng một trong --present, --absent LÝ_DO, --delegated NGƯỜI");
	if (st == SW_PRESENT && reason)
		return cli_usage(c, "--reason chỉ dùng với --delegated");
	if (cli_npos(args) < 2)
		return cli_usage(c, "thiếu số hiệu người (PERSON)");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = sw_attend(db, id[0], id[1], st, reason, delegate, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi: người %lld — %s", id[1], sw_att_label(st));
	return cli_sw_done(c, "person_id", id[1], msg);
}

static json_t *rule_json(const struct sw_rule *r)
{
	return json_pack("{s:I, s:s, s:[i,i], s:[i,i], s:b, s:[i,i], s:b, s:s?, s:I, s:s?}", "id",
			 (json_int_t)r->id, "effective_from", r->effective_from, "vote_more_than",
			 r->vote_num, r->vote_den, "attend", r->attend_num, r->attend_den,
			 "attend_strict", r->attend_strict, "special_at_least", r->special_num,
			 r->special_den, "record_names", r->record_names, "frequency", r->frequency,
			 "document_id", (json_int_t)r->document_id, "note", r->note);
}

static void rule_print(FILE *f, const struct sw_rule *r)
{
	struct buf b = BUF_INIT(256);

	if (r->id)
		fprintf(f, "Quy chế có hiệu lực từ %s", r->effective_from);
	else
		fprintf(f, "Quy tắc mặc định (chưa ghi quy chế làm việc)");
	fprintf(f, ":\n  biểu quyết thông qua: tán thành ");
	sw_rule_describe_frac(r->vote_num, r->vote_den, true, &b);
	fprintf(f, "%s tổng số thành viên đương nhiệm\n  điều kiện biểu quyết: có mặt ",
		buf_str(&b));
	buf_reset(&b);
	sw_rule_describe_frac(r->attend_num, r->attend_den, r->attend_strict, &b);
	fprintf(f, "%s số thành viên\n  nội dung đặc biệt: có mặt ", buf_str(&b));
	buf_reset(&b);
	sw_rule_describe_frac(r->special_num, r->special_den, false, &b);
	fprintf(f, "%s số thành viên\n  ghi tên người biểu quyết: %s\n", buf_str(&b),
		r->record_names ? "có" : "không");
	if (r->frequency)
		fprintf(f, "  họp: %s\n", r->frequency);
	if (r->note)
		fprintf(f, "  ghi chú: %s\n", r->note);
	buf_free(&b);
}

const struct cli_spec cli_session_attendance_spec = {.pos = session_pos};

int cli_session_attendance(struct cli *c, const struct cli_args *args)
{
	struct arena *a;
	struct sw_attendee *v;
	struct sw_quorum qu;
	long long id;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, args, &id, &db, &a);
	if (r < 0)
		return r;
	r = sw_quorum(db, id, a, &qu, &c->err);
	if (r == 0)
		r = sw_attendance_list(db, id, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			    arr, json_pack("{s:I, s:s, s:s, s:b, s:s, s:s?, s:s?}", "person_id",
					   (json_int_t)v[i].person_id, "name", v[i].name,
					   "position", v[i].position, "member", v[i].member,
					   "status", sw_att_name(v[i].status), "reason",
					   v[i].reason, "delegate", v[i].delegate));
		r = cli_json(c, json_pack("{s:I, s:i, s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:b, s:b, "
					  "s:o, s:o}",
					  "session_id", (json_int_t)id, "number", qu.number,
					  "organ", qu.organ, "date", qu.date, "members", qu.members,
					  "present", qu.present, "absent", qu.absent, "delegated",
					  qu.delegated, "unrecorded", qu.unrecorded, "attend_ok",
					  qu.attend_ok, "special_ok", qu.special_ok, "rule",
					  rule_json(&qu.rule), "attendees", arr));
		goto out;
	}
	fprintf(c->out, "Phiên họp thứ %d của %s, ngày %.2s/%.2s/%.4s\n", qu.number, qu.organ,
		qu.date + 8, qu.date + 5, qu.date);
	fprintf(c->out,
		"Thành viên đương nhiệm: %d; có mặt: %d; vắng mặt: %d; cử người dự thay: %d; "
		"chưa điểm danh: %d\n",
		qu.members, qu.present, qu.absent, qu.delegated, qu.unrecorded);
	fprintf(c->out, "Điều kiện biểu quyết: %s; nội dung đặc biệt: %s\n",
		qu.attend_ok ? "đủ" : "KHÔNG ĐỦ", qu.special_ok ? "đủ" : "không đủ");
	rule_print(c->out, &qu.rule);
	for (size_t i = 0; i < n; i++) {
		fprintf(c->out, "%6lld  %-28s %-22s %s", (long long)v[i].person_id, v[i].name,
			v[i].member ? v[i].position : "khách mời", sw_att_label(v[i].status));
		if (v[i].reason)
			fprintf(c->out, " (%s)", v[i].reason);
		if (v[i].delegate)
			fprintf(c->out, " → %s", v[i].delegate);
		fputc('\n', c->out);
	}
out:
	arena_free(a);
	return r;
}

/* ---- invitations ---- */

const struct cli_spec cli_invite_members_spec = {.pos = session_pos};

int cli_invite_members(struct cli *c, const struct cli_args *args)
{
	long long id = cli_pos_id(args, 0);
	struct db *db;
	char msg[128];
	int r, added = 0;

	r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_members(db, id, &added, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã mời thêm %d thành viên", added);
	return cli_sw_done(c, "added", added, msg);
}

const struct cli_spec cli_invite_guest_spec = {
    .opts = (const struct cli_optdef[]){{"person", CLI_ID, 0, "ID", "người được mời"},
					{"unit", CLI_ID, 0, "ID", "đơn vị được mời"},
					{"note", CLI_TEXT, 0, "TEXT", "ghi chú"},
					{NULL}},
    .pos = session_pos,
    .note = "Cần --person hoặc --unit.",
};

int cli_invite_guest(struct cli *c, const struct cli_args *args)
{
	long long id = cli_pos_id(args, 0), person = cli_opt_id(args, "person"),
		  unit = cli_opt_id(args, "unit");
	const char *note = cli_opt(args, "note");
	int64_t inv = 0;
	struct db *db;
	int r;

	if (!person && !unit)
		return cli_usage(c, "cần --person hoặc --unit");
	r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_guest(db, id, person, unit, note, &inv, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", inv, "đã ghi khách mời");
}

const struct cli_spec cli_invite_send_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"channel", CLI_TEXT, 0, "TEXT", "cách gửi (ví dụ thư điện tử, văn thư)"}, {NULL}},
    .pos = session_pos,
};

int cli_invite_send(struct cli *c, const struct cli_args *args)
{
	const char *channel = cli_opt(args, "channel");
	long long id = cli_pos_id(args, 0);
	struct db *db;
	char msg[128];
	int r, sent = 0;

	r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_send(db, id, channel, &sent, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi gửi %d giấy mời", sent);
	return cli_sw_done(c, "sent", sent, msg);
}

const struct cli_spec cli_invite_list_spec = {.pos = session_pos};

int cli_invite_list(struct cli *c, const struct cli_args *args)
{
	struct sw_invitation *v;
	struct arena *a;
	long long id;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, args, &id, &db, &a);
	if (r < 0)
		return r;
	r = sw_invite_list(db, id, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			    arr,
			    json_pack("{s:I, s:I, s:I, s:s, s:s, s:s?, s:s?, s:s?}", "id",
				      (json_int_t)v[i].id, "person_id", (json_int_t)v[i].person_id,
				      "unit_id", (json_int_t)v[i].unit_id, "name", v[i].name,
				      "role", v[i].role, "note", v[i].note, "sent_at", v[i].sent_at,
				      "channel", v[i].channel));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%6lld  %-30s %-10s %s\n", (long long)v[i].id, v[i].name,
			strcmp(v[i].role, "member") == 0 ? "thành viên" : "khách mời",
			v[i].sent_at ? v[i].sent_at : "chưa gửi");
	if (n == 0)
		fprintf(c->out, "Chưa có giấy mời.\n");
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_invite_text_spec = {.pos = session_pos};

int cli_invite_text(struct cli *c, const struct cli_args *args)
{
	struct buf b = BUF_INIT(1u << 20);
	long long id = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_text(db, id, &b, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, json_pack("{s:I, s:s}", "session_id", (json_int_t)id,
						  "text", buf_str(&b)));
		else
			fputs(buf_str(&b), c->out);
	}
	buf_free(&b);
	return r;
}

/* ---- votes ---- */

static int parse_named(struct cli *c, const char *s, struct sw_named *ret)
{
	static const char *const ch[] = {"for", "against", "abstain"};
	const char *eq = strchr(s, '=');
	char idbuf[32];
	long long id;
	int r;

	if (!eq || (size_t)(eq - s) >= sizeof(idbuf))
		return cli_usage(c, "--name cần dạng NGƯỜI=for|against|abstain, không phải '%s'",
				 s);
	memcpy(idbuf, s, (size_t)(eq - s));
	idbuf[eq - s] = 0;
	r = cli_parse_id(c, "số hiệu người trong --name", idbuf, &id);
	if (r < 0)
		return r;
	for (int i = 0; i < 3; i++)
		if (strcmp(eq + 1, ch[i]) == 0) {
			ret->person_id = id;
			ret->choice = (enum sw_choice)i;
			return 0;
		}
	return cli_usage(c, "lựa chọn '%s' không hợp lệ (for, against, abstain)", eq + 1);
}

const struct cli_spec cli_vote_record_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"for", CLI_TEXT, CLI_REQ, "N", "số phiếu tán thành"},
	    {"against", CLI_TEXT, 0, "N", "số phiếu không tán thành"},
	    {"abstain", CLI_TEXT, 0, "N", "số phiếu không biểu quyết"},
	    {"wording", CLI_TEXT, 0, "TEXT", "nội dung biểu quyết"},
	    {"special", CLI_FLAG, 0, NULL, "nội dung đặc biệt (tỷ lệ có mặt riêng)"},
	    {"advisory", CLI_FLAG, 0, NULL, "biểu quyết lấy ý kiến, không quyết định"},
	    {"name", CLI_TEXT, CLI_MANY, "PERSON=for|against|abstain", "phiếu ghi tên"},
	    {NULL}},
    .pos = item_pos,
};

int cli_vote_record(struct cli *c, const struct cli_args *args)
{
	struct sw_vote_in in = {0};
	struct sw_named *named = NULL;
	const char **names = NULL;
	long long item = cli_pos_id(args, 0);
	size_t nnames = cli_opt_all(args, "name", NULL, 0);
	int64_t vid = 0;
	struct db *db;
	char msg[128];
	int r = 0;

	named = calloc(nnames + 1, sizeof(*named));
	names = calloc(nnames + 1, sizeof(*names));
	if (!named || !names) {
		free(named);
		free(names);
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	cli_opt_all(args, "name", names, nnames);
	in.wording = cli_opt(args, "wording");
	in.special = cli_flag(args, "special");
	in.advisory = cli_flag(args, "advisory");
	r = cli_sw_int(c, "--for", cli_opt(args, "for"), &in.n_for);
	if (r == 0 && cli_flag(args, "against"))
		r = cli_sw_int(c, "--against", cli_opt(args, "against"), &in.n_against);
	if (r == 0 && cli_flag(args, "abstain"))
		r = cli_sw_int(c, "--abstain", cli_opt(args, "abstain"), &in.n_abstain);
	for (size_t i = 0; r == 0 && i < nnames; i++) {
		r = parse_named(c, names[i], &named[in.nnamed]);
		in.nnamed++;
	}
	free(names);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0) {
		in.agenda_item_id = item;
		in.named = named;
		r = vote_record(db, &in, &vid, &c->err);
	}
	free(named);
	if (r < 0)
		return r;
	if (c->json) {
		struct arena *a = arena_new(1 << 20);
		struct sw_vote v;

		if (!a)
			return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		r = vote_get(db, item, a, &v, &c->err);
		if (r == 0)
			r = cli_json(c, json_pack("{s:I, s:b, s:s}", "id", (json_int_t)vid,
						  "passed", v.passed, "wording", v.wording));
		arena_free(a);
		return r;
	}
	snprintf(msg, sizeof(msg), "đã ghi kết quả biểu quyết (số hiệu %lld)", (long long)vid);
	return cli_sw_done(c, "id", vid, msg);
}

const struct cli_spec cli_vote_correct_spec = {
    .opts = (const struct cli_optdef[]){{"for", CLI_TEXT, CLI_REQ, "N", "số phiếu tán thành"},
					{"against", CLI_TEXT, 0, "N", "số phiếu không tán thành"},
					{"abstain", CLI_TEXT, 0, "N", "số phiếu không biểu quyết"},
					{"wording", CLI_TEXT, 0, "TEXT", "nội dung biểu quyết"},
					{"name", CLI_TEXT, CLI_MANY, "PERSON=for|against|abstain",
					 "phiếu ghi tên"},
					{"reason", CLI_TEXT, CLI_REQ, "TEXT", "lý do sửa kết quả"},
					{NULL}},
    .pos = item_pos,
    .note = "Kết quả cũ vẫn được lưu trong nhật ký.",
};

int cli_vote_correct(struct cli *c, const struct cli_args *args)
{
	struct sw_vote_in in = {0};
	struct sw_named *named = NULL;
	const char **names = NULL;
	long long item = cli_pos_id(args, 0);
	size_t nnames = cli_opt_all(args, "name", NULL, 0);
	struct db *db;
	char msg[128];
	int r = 0;

	named = calloc(nnames + 1, sizeof(*named));
	names = calloc(nnames + 1, sizeof(*names));
	if (!named || !names) {
		free(named);
		free(names);
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	cli_opt_all(args, "name", names, nnames);
	in.wording = cli_opt(args, "wording");
	r = cli_sw_int(c, "--for", cli_opt(args, "for"), &in.n_for);
	if (r == 0 && cli_flag(args, "against"))
		r = cli_sw_int(c, "--against", cli_opt(args, "against"), &in.n_against);
	if (r == 0 && cli_flag(args, "abstain"))
		r = cli_sw_int(c, "--abstain", cli_opt(args, "abstain"), &in.n_abstain);
	for (size_t i = 0; r == 0 && i < nnames; i++) {
		r = parse_named(c, names[i], &named[in.nnamed]);
		in.nnamed++;
	}
	free(names);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0) {
		in.agenda_item_id = item;
		in.named = named;
		r = vote_correct(db, &in, cli_opt(args, "reason"), &c->err);
	}
	free(named);
	if (r < 0)
		return r;
	if (c->json) {
		struct arena *a = arena_new(1 << 20);
		struct sw_vote v;

		if (!a)
			return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		r = vote_get(db, item, a, &v, &c->err);
		if (r == 0)
			r = cli_json(c, json_pack("{s:I, s:b, s:s, s:s}", "id", (json_int_t)v.id,
						  "passed", v.passed, "wording", v.wording,
						  "correction_reason", v.correction_reason));
		arena_free(a);
		return r;
	}
	snprintf(msg, sizeof(msg), "đã sửa kết quả biểu quyết mục %lld", item);
	return cli_sw_done(c, "id", item, msg);
}

const struct cli_spec cli_vote_show_spec = {.pos = item_pos};

int cli_vote_show(struct cli *c, const struct cli_args *args)
{
	struct arena *a;
	struct sw_vote v;
	long long item;
	struct db *db;
	int r;

	r = id_verb_open(c, args, &item, &db, &a);
	if (r < 0)
		return r;
	r = vote_get(db, item, a, &v, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		static const char *const ch[] = {"for", "against", "abstain"};
		json_t *arr = json_array();

		for (size_t i = 0; i < v.nnamed; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s}", "person_id",
							     (json_int_t)v.named[i].person_id,
							     "name", v.named[i].name, "choice",
							     ch[v.named[i].choice]));
		json_t *o = json_pack(
		    "{s:I, s:I, s:I, s:i, s:s, s:i, s:i, s:i, s:i, s:i, s:b, s:b, s:b, s:s, s:o}",
		    "id", (json_int_t)v.id, "agenda_item_id", (json_int_t)v.agenda_item_id,
		    "session_id", (json_int_t)v.session_id, "position", v.position, "title",
		    v.title, "for", v.n_for, "against", v.n_against, "abstain", v.n_abstain,
		    "members", v.members, "present", v.present, "binding", v.binding, "special",
		    v.special, "passed", v.passed, "wording", v.wording, "named", arr);

		if (o)
			json_object_set_new(o, "correction_reason",
					    v.correction_reason ? json_string(v.correction_reason)
								: json_null());
		r = cli_json(c, o);
		goto out;
	}
	fprintf(c->out, "Mục %d: %s\n", v.position, v.title);
	fprintf(c->out,
		"Tán thành %d, không tán thành %d, không biểu quyết %d; thành viên đương nhiệm "
		"%d, có mặt %d\n",
		v.n_for, v.n_against, v.n_abstain, v.members, v.present);
	fprintf(c->out, "Kết quả: %s (%s)%s\n", v.wording,
		v.passed ? "thông qua" : "không thông qua",
		v.binding ? "" : "; biểu quyết tham khảo");
	if (v.correction_reason)
		fprintf(c->out, "Đã sửa kết quả, lý do: %s\n", v.correction_reason);
	for (size_t i = 0; i < v.nnamed; i++)
		fprintf(c->out, "  %s: %s\n", v.named[i].name,
			v.named[i].choice == SW_FOR	  ? "tán thành"
			: v.named[i].choice == SW_AGAINST ? "không tán thành"
							  : "không biểu quyết");
out:
	arena_free(a);
	return r;
}

/* ---- agenda carry-over ---- */

const struct cli_spec cli_agenda_carry_spec = {
    .opts = (const struct cli_optdef[]){{"to", CLI_ID, CLI_REQ, "SESSION", "phiên họp sau"},
					{"reason", CLI_TEXT, 0, "TEXT", "lý do chuyển"},
					{NULL}},
    .pos = item_pos,
};

int cli_agenda_carry(struct cli *c, const struct cli_args *args)
{
	long long item = cli_pos_id(args, 0), to = cli_opt_id(args, "to");
	const char *reason = cli_opt(args, "reason");
	int64_t nid = 0;
	struct db *db;
	char msg[128];
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = sw_agenda_carry(db, item, to, reason, &nid, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã chuyển sang phiên họp %lld, mục mới số hiệu %lld", to,
		 (long long)nid);
	return cli_sw_done(c, "item_id", nid, msg);
}

const struct cli_spec cli_agenda_history_spec = {.pos = item_pos};

int cli_agenda_history(struct cli *c, const struct cli_args *args)
{
	struct sw_carry_step *v;
	struct arena *a;
	long long item;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, args, &item, &db, &a);
	if (r < 0)
		return r;
	r = sw_agenda_history(db, item, a, &v, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			    arr, json_pack("{s:I, s:I, s:i, s:s, s:i, s:s, s:s?, s:s?}", "item_id",
					   (json_int_t)v[i].item_id, "session_id",
					   (json_int_t)v[i].session_id, "session_number",
					   v[i].session_number, "date", v[i].date, "position",
					   v[i].position, "title", v[i].title, "outcome",
					   v[i].outcome, "carried_because", v[i].reason));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		fprintf(c->out, "Phiên họp thứ %d (%s), mục %d: %s — ", v[i].session_number,
			v[i].date, v[i].position, v[i].title);
		if (v[i].outcome)
			fprintf(c->out, "%s\n", v[i].outcome);
		else if (i + 1 < n)
			fprintf(c->out, "chuyển sang phiên sau%s%s\n", v[i].reason ? ": " : "",
				v[i].reason ? v[i].reason : "");
		else
			fprintf(c->out, "chưa có kết luận\n");
	}
out:
	arena_free(a);
	return r;
}

/* ---- working regulation ---- */

static int parse_frac(struct cli *c, const char *opt, const char *s, int *num, int *den)
{
	char *end;
	long n, d;

	n = strtol(s, &end, 10);
	if (end == s || *end != '/')
		return cli_usage(c, "%s cần dạng TỬ/MẪU, ví dụ 1/2 hoặc 2/3 (không phải '%s')", opt,
				 s);
	d = strtol(end + 1, &end, 10);
	if (*end || n <= 0 || d <= 0 || n > d || d > 1000)
		return cli_usage(c, "%s không hợp lệ: '%s'", opt, s);
	*num = (int)n;
	*den = (int)d;
	return 0;
}

const struct cli_spec cli_regulation_set_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"from", CLI_DATE, CLI_REQ, "DATE", "ngày có hiệu lực"},
	    {"vote", CLI_TEXT, 0, "N/D", "tỷ lệ tán thành để thông qua (hơn N/D)"},
	    {"attend", CLI_TEXT, 0, "N/D", "tỷ lệ có mặt để biểu quyết"},
	    {"attend-at-least", CLI_FLAG, 0, NULL, "có mặt từ N/D trở lên (thay vì hơn)"},
	    {"special", CLI_TEXT, 0, "N/D", "tỷ lệ có mặt cho nội dung đặc biệt"},
	    {"names", CLI_FLAG, 0, NULL, "ghi tên người biểu quyết"},
	    {"frequency", CLI_TEXT, 0, "TEXT", "định kỳ họp"},
	    {"doc", CLI_ID, 0, "ID", "văn bản ban hành quy chế"},
	    {"note", CLI_TEXT, 0, "TEXT", "ghi chú"},
	    {NULL}},
    .pos = organ_pos,
    .note = "--attend-at-least đi cùng --attend.",
};

int cli_regulation_set(struct cli *c, const struct cli_args *args)
{
	const char *from = cli_opt(args, "from"), *v;
	struct sw_rule rule;
	long long organ = cli_pos_id(args, 0), doc = cli_opt_id(args, "doc");
	int64_t rid = 0;
	struct db *db;
	int r = 0;

	sw_rule_default(&rule);
	/* ISO text: the parser read --from as a date. */
	snprintf(rule.effective_from, sizeof(rule.effective_from), "%s", from);
	if ((v = cli_opt(args, "vote")))
		r = parse_frac(c, "--vote", v, &rule.vote_num, &rule.vote_den);
	if (r == 0 && (v = cli_opt(args, "attend")))
		r = parse_frac(c, "--attend", v, &rule.attend_num, &rule.attend_den);
	if (cli_flag(args, "attend-at-least"))
		rule.attend_strict = false;
	if (r == 0 && (v = cli_opt(args, "special")))
		r = parse_frac(c, "--special", v, &rule.special_num, &rule.special_den);
	rule.record_names = rule.record_names || cli_flag(args, "names");
	rule.frequency = cli_opt(args, "frequency");
	rule.note = cli_opt(args, "note");
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	rule.organ_id = organ;
	rule.document_id = doc;
	r = sw_rule_set(db, &rule, &rid, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", rid, "đã ghi phiên bản quy chế làm việc");
}

const struct cli_spec cli_regulation_show_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"at", CLI_DATE, 0, "DATE", "ngày xem quy chế (mặc định quy chế mới nhất)"}, {NULL}},
    .pos = organ_pos,
};

int cli_regulation_show(struct cli *c, const struct cli_args *args)
{
	const char *at = cli_opt(args, "at");
	struct sw_rule rule;
	struct arena *a;
	char iso[11];
	long long organ = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (at) {
		snprintf(iso, sizeof(iso), "%s", at);
	} else {
		snprintf(iso, sizeof(iso), "9999-12-31");
	}
	a = arena_new(1 << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_rule_at(db, organ, iso, a, &rule, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, rule_json(&rule));
		else
			rule_print(c->out, &rule);
	}
	arena_free(a);
	return r;
}

const struct cli_spec cli_regulation_history_spec = {.pos = organ_pos};

int cli_regulation_history(struct cli *c, const struct cli_args *args)
{
	struct sw_rule *v;
	struct arena *a;
	long long organ;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, args, &organ, &db, &a);
	if (r < 0)
		return r;
	r = sw_rule_history(db, organ, a, &v, &n, &c->err);
	if (r == 0) {
		if (c->json) {
			json_t *arr = json_array();

			for (size_t i = 0; i < n; i++)
				json_array_append_new(arr, rule_json(&v[i]));
			r = cli_json(c, arr);
		} else {
			for (size_t i = 0; i < n; i++)
				rule_print(c->out, &v[i]);
			if (n == 0)
				fprintf(c->out, "Chưa ghi quy chế làm việc; áp dụng quy tắc mặc "
						"định.\n");
		}
	}
	arena_free(a);
	return r;
}
