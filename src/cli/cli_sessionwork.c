/* cli_sessionwork.c: 'dondoc session attend|attendance', 'invite …', 'vote …', 'agenda carry|history', 'regulation …'. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork.h"
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

int cli_sw_text_arg(struct cli *c, int argc, char **argv, int optind_, const char *file,
		    const char *what, struct buf *out)
{
	if (file) {
		if (optind_ != argc)
			return cli_usage(c, "thừa tham số: '%s' (đã có --file)", argv[optind_]);
		return cli_sw_read(c, file, out->max, out);
	}
	if (optind_ >= argc)
		return cli_usage(c, "thiếu %s", what);
	if (optind_ + 1 != argc)
		return cli_usage(c, "thừa tham số: '%s' (đặt %s trong dấu ngoặc kép)",
				 argv[optind_ + 1], what);
	if (buf_puts(out, argv[optind_]) < 0)
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

/* The positional id arguments after the options: exactly n of them. */
static int ids(struct cli *c, int argc, char **argv, const char *const *what, long long *out, int n)
{
	int r;

	if (argc - optind < n)
		return cli_usage(c, "thiếu %s", what[argc - optind]);
	for (int i = 0; i < n; i++) {
		r = cli_parse_id(c, what[i], argv[optind + i], &out[i]);
		if (r < 0)
			return r;
	}
	if (argc - optind > n)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind + n]);
	return 0;
}

static int one_id(struct cli *c, int argc, char **argv, const char *what, long long *out)
{
	const char *w[] = {what};

	return ids(c, argc, argv, w, out, 1);
}

/* Options that take none: only --help is generic. */
static int no_opts(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};

	optind = 1;
	if (getopt_long(argc, argv, "", opts, NULL) != -1)
		return cli_usage(c, "tùy chọn không hợp lệ");
	return 0;
}

/* A verb of one id and no options: the id, the store, and an arena for its rows. */
static int id_verb_open(struct cli *c, int argc, char **argv, const char *what, long long *id,
			struct db **db, struct arena **a)
{
	int r = no_opts(c, argc, argv);

	if (r == 0)
		r = one_id(c, argc, argv, what, id);
	if (r == 0)
		r = cli_db(c, db);
	if (r < 0)
		return r;
	*a = arena_new(ARENA_MAX);
	return *a ? 0 : err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
}

/* ---- session attend / attendance ---- */

int cli_session_attend(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"present", no_argument, NULL, 'p'},	 {"absent", required_argument, NULL, 'a'},
	    {"delegated", required_argument, NULL, 'd'}, {"reason", required_argument, NULL, 'r'},
	    {"rest-present", no_argument, NULL, 'R'},	 {NULL, 0, NULL, 0},
	};
	const char *w[] = {"số hiệu phiên họp", "số hiệu người"};
	bool rest = false;
	const char *reason = NULL, *delegate = NULL;
	enum sw_att st = SW_UNRECORDED;
	long long id[2];
	struct db *db;
	char msg[256];
	int ch, r, nst = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			st = SW_PRESENT;
			nst++;
			break;
		case 'a':
			st = SW_ABSENT;
			reason = optarg;
			nst++;
			break;
		case 'd':
			st = SW_DELEGATED;
			delegate = optarg;
			nst++;
			break;
		case 'r':
			reason = optarg;
			break;
		case 'R':
			rest = true;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (rest) {
		int n = 0;

		if (nst || reason)
			return cli_usage(c, "--rest-present không đi cùng tùy chọn khác");
		r = one_id(c, argc, argv, "số hiệu phiên họp", id);
		if (r == 0)
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
	r = ids(c, argc, argv, w, id, 2);
	if (r < 0)
		return r;
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

int cli_session_attendance(struct cli *c, int argc, char **argv)
{
	struct arena *a;
	struct sw_attendee *v;
	struct sw_quorum qu;
	long long id;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, argc, argv, "số hiệu phiên họp", &id, &db, &a);
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

int cli_invite_members(struct cli *c, int argc, char **argv)
{
	long long id;
	struct db *db;
	char msg[128];
	int r, added = 0;

	r = no_opts(c, argc, argv);
	if (r == 0)
		r = one_id(c, argc, argv, "số hiệu phiên họp", &id);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_members(db, id, &added, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã mời thêm %d thành viên", added);
	return cli_sw_done(c, "added", added, msg);
}

int cli_invite_guest(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"person", required_argument, NULL, 'p'},
	    {"unit", required_argument, NULL, 'u'},
	    {"note", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	long long id, person = 0, unit = 0;
	const char *note = NULL;
	int64_t inv = 0;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'p')
			r = cli_parse_id(c, "--person", optarg, &person);
		else if (ch == 'u')
			r = cli_parse_id(c, "--unit", optarg, &unit);
		else if (ch == 'n')
			note = optarg, r = 0;
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
		if (r < 0)
			return r;
	}
	if (!person && !unit)
		return cli_usage(c, "cần --person hoặc --unit");
	r = one_id(c, argc, argv, "số hiệu phiên họp", &id);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_guest(db, id, person, unit, note, &inv, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", inv, "đã ghi khách mời");
}

int cli_invite_send(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"channel", required_argument, NULL, 'c'},
	    {NULL, 0, NULL, 0},
	};
	const char *channel = NULL;
	long long id;
	struct db *db;
	char msg[128];
	int ch, r, sent = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'c')
			return cli_usage(c, "tùy chọn không hợp lệ");
		channel = optarg;
	}
	r = one_id(c, argc, argv, "số hiệu phiên họp", &id);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = sw_invite_send(db, id, channel, &sent, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi gửi %d giấy mời", sent);
	return cli_sw_done(c, "sent", sent, msg);
}

int cli_invite_list(struct cli *c, int argc, char **argv)
{
	struct sw_invitation *v;
	struct arena *a;
	long long id;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, argc, argv, "số hiệu phiên họp", &id, &db, &a);
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

int cli_invite_text(struct cli *c, int argc, char **argv)
{
	struct buf b = BUF_INIT(1u << 20);
	long long id;
	struct db *db;
	int r;

	r = no_opts(c, argc, argv);
	if (r == 0)
		r = one_id(c, argc, argv, "số hiệu phiên họp", &id);
	if (r == 0)
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

int cli_vote_record(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"for", required_argument, NULL, 'f'},     {"against", required_argument, NULL, 'a'},
	    {"abstain", required_argument, NULL, 'b'}, {"wording", required_argument, NULL, 'w'},
	    {"special", no_argument, NULL, 's'},       {"advisory", no_argument, NULL, 'v'},
	    {"name", required_argument, NULL, 'n'},    {NULL, 0, NULL, 0},
	};
	struct sw_vote_in in = {0};
	struct sw_named *named = NULL;
	bool have_for = false;
	long long item;
	int64_t vid = 0;
	struct db *db;
	char msg[128];
	int ch, r = 0;

	named = calloc((size_t)argc, sizeof(*named));
	if (!named)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			r = cli_sw_int(c, "--for", optarg, &in.n_for);
			have_for = true;
			break;
		case 'a':
			r = cli_sw_int(c, "--against", optarg, &in.n_against);
			break;
		case 'b':
			r = cli_sw_int(c, "--abstain", optarg, &in.n_abstain);
			break;
		case 'w':
			in.wording = optarg;
			break;
		case 's':
			in.special = true;
			break;
		case 'v':
			in.advisory = true;
			break;
		case 'n':
			r = parse_named(c, optarg, &named[in.nnamed]);
			in.nnamed++;
			break;
		default:
			r = cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (r == 0 && !have_for)
		r = cli_usage(c, "thiếu --for (số phiếu tán thành)");
	if (r == 0)
		r = one_id(c, argc, argv, "số hiệu mục chương trình", &item);
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

int cli_vote_show(struct cli *c, int argc, char **argv)
{
	struct arena *a;
	struct sw_vote v;
	long long item;
	struct db *db;
	int r;

	r = id_verb_open(c, argc, argv, "số hiệu mục chương trình", &item, &db, &a);
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
		r = cli_json(c, json_pack("{s:I, s:I, s:I, s:i, s:s, s:i, s:i, s:i, s:i, s:i, s:b, "
					  "s:b, s:b, s:s, s:o}",
					  "id", (json_int_t)v.id, "agenda_item_id",
					  (json_int_t)v.agenda_item_id, "session_id",
					  (json_int_t)v.session_id, "position", v.position, "title",
					  v.title, "for", v.n_for, "against", v.n_against,
					  "abstain", v.n_abstain, "members", v.members, "present",
					  v.present, "binding", v.binding, "special", v.special,
					  "passed", v.passed, "wording", v.wording, "named", arr));
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

int cli_agenda_carry(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"to", required_argument, NULL, 't'},
	    {"reason", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	long long item, to = 0;
	const char *reason = NULL;
	int64_t nid = 0;
	struct db *db;
	char msg[128];
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 't') {
			r = cli_parse_id(c, "--to", optarg, &to);
			if (r < 0)
				return r;
		} else if (ch == 'r') {
			reason = optarg;
		} else {
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (!to)
		return cli_usage(c, "thiếu --to PHIÊN_HỌP");
	r = one_id(c, argc, argv, "số hiệu mục chương trình", &item);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = sw_agenda_carry(db, item, to, reason, &nid, &c->err);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã chuyển sang phiên họp %lld, mục mới số hiệu %lld", to,
		 (long long)nid);
	return cli_sw_done(c, "item_id", nid, msg);
}

int cli_agenda_history(struct cli *c, int argc, char **argv)
{
	struct sw_carry_step *v;
	struct arena *a;
	long long item;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, argc, argv, "số hiệu mục chương trình", &item, &db, &a);
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

int cli_regulation_set(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"from", required_argument, NULL, 'f'},
	    {"vote", required_argument, NULL, 'v'},
	    {"attend", required_argument, NULL, 'a'},
	    {"attend-at-least", no_argument, NULL, 'l'},
	    {"special", required_argument, NULL, 's'},
	    {"names", no_argument, NULL, 'n'},
	    {"frequency", required_argument, NULL, 'q'},
	    {"doc", required_argument, NULL, 'd'},
	    {"note", required_argument, NULL, 'o'},
	    {NULL, 0, NULL, 0},
	};
	struct sw_rule rule;
	long long organ, doc = 0;
	int64_t rid = 0;
	struct db *db;
	int ch, r = 0;

	sw_rule_default(&rule);
	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			snprintf(rule.effective_from, sizeof(rule.effective_from), "%.10s", optarg);
			if (strlen(optarg) > 10)
				r = cli_usage(c, "--from không hợp lệ: '%s'", optarg);
			break;
		case 'v':
			r = parse_frac(c, "--vote", optarg, &rule.vote_num, &rule.vote_den);
			break;
		case 'a':
			r = parse_frac(c, "--attend", optarg, &rule.attend_num, &rule.attend_den);
			break;
		case 'l':
			rule.attend_strict = false;
			break;
		case 's':
			r = parse_frac(c, "--special", optarg, &rule.special_num,
				       &rule.special_den);
			break;
		case 'n':
			rule.record_names = true;
			break;
		case 'q':
			rule.frequency = optarg;
			break;
		case 'd':
			r = cli_parse_id(c, "--doc", optarg, &doc);
			break;
		case 'o':
			rule.note = optarg;
			break;
		default:
			r = cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (r < 0)
		return r;
	if (!rule.effective_from[0])
		return cli_usage(c, "thiếu --from NGÀY (ngày có hiệu lực)");
	r = one_id(c, argc, argv, "số hiệu cơ quan", &organ);
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

int cli_regulation_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"at", required_argument, NULL, 'a'},
	    {NULL, 0, NULL, 0},
	};
	const char *at = NULL;
	struct sw_rule rule;
	struct arena *a;
	char iso[11];
	long long organ;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'a')
			return cli_usage(c, "tùy chọn không hợp lệ");
		at = optarg;
	}
	r = one_id(c, argc, argv, "số hiệu cơ quan", &organ);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (at) {
		struct vn_date d;
		struct err de = {0};

		r = vn_date_parse(at, strlen(at), 0, &d, &de);
		if (r < 0)
			return cli_usage(c, "--at không hợp lệ: '%s' (%s)", at, de.msg);
		vn_date_iso(d, iso);
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

int cli_regulation_history(struct cli *c, int argc, char **argv)
{
	struct sw_rule *v;
	struct arena *a;
	long long organ;
	struct db *db;
	size_t n;
	int r;

	r = id_verb_open(c, argc, argv, "số hiệu cơ quan", &organ, &db, &a);
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
