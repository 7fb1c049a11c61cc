/* cli_body.c: 'dondoc body|organ|unit list|add': bodies in their tree, their organs and units. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_reg.h"
#include "util/buf.h"

const struct cli_spec cli_body_list_spec = {0};

int cli_body_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a = NULL;
	struct reg_body *bs;
	struct db *db;
	size_t n;
	json_t *arr;
	int r;

	(void)args;
	if ((r = cli_db(c, &db)) < 0)
		return r;
	a = arena_new(CLI_REG_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = reg_body_list(db, a, &bs, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_body(&bs[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int depth = 0;

		/* Depth from the parent chain, parents being listed first. */
		for (int64_t p = bs[i].parent_id; p;) {
			size_t j;

			for (j = 0; j < i && bs[j].id != p; j++)
				;
			if (j == i)
				break;
			depth++;
			p = bs[j].parent_id;
		}
		fprintf(c->out, "%4lld  %*s%s [%s, %s, %s]%s%s\n", (long long)bs[i].id, depth * 2,
			"", bs[i].name, bs[i].code, reg_level_name(bs[i].level),
			bs[i].kind == REG_PARTY ? "Đảng" : "chính quyền",
			bs[i].active_to ? " đến " : "", bs[i].active_to ? bs[i].active_to : "");
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_body_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"level", CLI_CHOICE, CLI_REQ, "tw|tinh|huyen|xa|coso", "cấp"},
	    {"kind", CLI_CHOICE, CLI_REQ, "party|people", "loại: Đảng hay chính quyền"},
	    {"name", CLI_TEXT, CLI_REQ, "NAME", "tên"},
	    {"code", CLI_TEXT, CLI_REQ, "CODE", "ký hiệu"},
	    {"short-name", CLI_TEXT, 0, "S", "tên ngắn"},
	    {"place", CLI_TEXT, 0, "P", "địa danh"},
	    {"parent", CLI_TEXT, 0, "BODY", "cơ quan cấp trên"},
	    {"from", CLI_DATE, 0, "DATE", "ngày bắt đầu"},
	    {"to", CLI_DATE, 0, "DATE", "ngày kết thúc"},
	    {NULL}},
};

int cli_body_add(struct cli *c, const struct cli_args *args)
{
	struct reg_body b = {.level = REG_NLEVELS};
	const char *level = cli_opt(args, "level"), *kind = cli_opt(args, "kind"),
		   *parent = cli_opt(args, "parent");
	struct reg_body pb;
	struct arena *a = NULL;
	struct db *db;
	int64_t id = 0;
	int r;

	b.name = cli_opt(args, "name");
	b.code = cli_opt(args, "code");
	b.short_name = cli_opt(args, "short-name");
	b.place = cli_opt(args, "place");
	b.active_from = cli_opt(args, "from");
	b.active_to = cli_opt(args, "to");
	if (reg_level_parse(level, &b.level) < 0)
		return err_set(&c->err, ERR_INVAL,
			       "cấp '%s' không hợp lệ (tw, tinh, huyen, xa, coso)", level);
	if (reg_kind_parse(kind, &b.kind) < 0)
		return err_set(&c->err, ERR_INVAL, "loại '%s' không hợp lệ (party, people)", kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	a = arena_new(CLI_REG_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (parent) {
		r = cli_reg_body(c, db, parent, a, &pb);
		if (r < 0)
			goto out;
		b.parent_id = pb.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_body_add(db, &b, &id, &c->err));
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else
		fprintf(c->out, "%lld\n", (long long)id);
out:
	arena_free(a);
	return r;
}

/* Shared by organ list and unit list: the optional --body filter. */
static const struct cli_optdef body_opts[] = {
    {"body", CLI_TEXT, 0, "BODY", "cơ quan (mã, ký hiệu hay tên)"},
    {NULL},
};

static int body_filter(struct cli *c, const struct cli_args *args, struct db **db, struct arena *a,
		       int64_t *ret_body)
{
	const char *body = cli_opt(args, "body");
	struct reg_body b;
	int r;

	if ((r = cli_db(c, db)) < 0)
		return r;
	*ret_body = 0;
	if (body) {
		r = cli_reg_body(c, *db, body, a, &b);
		if (r < 0)
			return r;
		*ret_body = b.id;
	}
	return 0;
}

const struct cli_spec cli_organ_list_spec = {.opts = body_opts};

int cli_organ_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a = arena_new(CLI_REG_ARENA);
	struct reg_organ *os;
	struct db *db;
	int64_t body;
	size_t n;
	json_t *arr;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = body_filter(c, args, &db, a, &body)) < 0 ||
	    (r = reg_organ_list(db, body, a, &os, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_organ(&os[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %-5s %s%s%s\n", (long long)os[i].id, os[i].kind, os[i].name,
			os[i].code ? " — " : "", os[i].code ? os[i].code : "");
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_organ_add_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, CLI_REQ, "BODY", "cơ quan"},
					{"kind", CLI_CHOICE, CLI_REQ,
					 "bch|btv|tt|ubkt|vp|ban|ubnd|other", "loại"},
					{"name", CLI_TEXT, CLI_REQ, "NAME", "tên"},
					{"code", CLI_TEXT, 0, "CODE", "ký hiệu"},
					{NULL}},
};

int cli_organ_add(struct cli *c, const struct cli_args *args)
{
	struct reg_organ o = {0};
	const char *body = cli_opt(args, "body");
	struct arena *a = NULL;
	struct reg_body b;
	struct db *db;
	int64_t id = 0;
	int r;

	o.kind = cli_opt(args, "kind");
	o.name = cli_opt(args, "name");
	o.code = cli_opt(args, "code");
	if (!reg_organ_kind_valid(o.kind))
		return err_set(&c->err, ERR_INVAL,
			       "loại '%s' không hợp lệ (bch, btv, tt, ubkt, vp, ban, ubnd, other)",
			       o.kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	o.body_id = b.id;
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_organ_add(db, &o, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_unit_list_spec = {.opts = body_opts};

int cli_unit_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a = arena_new(CLI_REG_ARENA);
	struct reg_unit *us;
	struct db *db;
	int64_t body;
	size_t n;
	json_t *arr;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = body_filter(c, args, &db, a, &body)) < 0 ||
	    (r = reg_unit_list(db, body, a, &us, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_unit(&us[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %-10s %s\n", (long long)us[i].id, us[i].kind, us[i].name);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_unit_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"body", CLI_TEXT, CLI_REQ, "BODY", "cơ quan"},
	    {"kind", CLI_CHOICE, CLI_REQ, "agency|organ|lower_body|group", "loại đơn vị"},
	    {"name", CLI_TEXT, CLI_REQ, "NAME", "tên"},
	    {"organ", CLI_TEXT, 0, "ORGAN", "cơ quan giúp việc tương ứng"},
	    {"lower-body", CLI_TEXT, 0, "BODY", "cấp ủy cấp dưới tương ứng"},
	    {"email", CLI_TEXT, 0, "ADDR", "thư điện tử"},
	    {NULL}},
};

int cli_unit_add(struct cli *c, const struct cli_args *args)
{
	struct reg_unit u = {0};
	const char *body = cli_opt(args, "body"), *organ = cli_opt(args, "organ"),
		   *lower = cli_opt(args, "lower-body");
	struct arena *a = NULL;
	struct reg_body b;
	struct reg_organ o;
	struct db *db;
	int64_t id = 0;
	int r;

	u.kind = cli_opt(args, "kind");
	u.name = cli_opt(args, "name");
	u.email = cli_opt(args, "email");
	if (!reg_unit_kind_valid(u.kind))
		return err_set(&c->err, ERR_INVAL,
			       "loại đơn vị '%s' không hợp lệ (agency, organ, lower_body, group)",
			       u.kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	u.body_id = b.id;
	if (organ) {
		if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0)
			goto out;
		u.organ_id = o.id;
	}
	if (lower) {
		if ((r = cli_reg_body(c, db, lower, a, &b)) < 0)
			goto out;
		u.lower_body_id = b.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_unit_add(db, &u, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}

/* Ends bodies[0..n) into successor on the date: body end and body merge. */
static int succession(struct cli *c, const char *const *names, size_t n, const char *successor,
		      const char *on, bool merger)
{
	struct arena *a = arena_new(CLI_REG_ARENA);
	struct reg_succession in = {.on = on, .merger = merger};
	struct reg_body b;
	struct db *db;
	int64_t *ids = NULL, tasks = 0;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_db(c, &db)) < 0)
		goto out;
	if (!(ids = arena_alloc(a, (n ? n : 1) * sizeof(*ids)))) {
		r = err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if ((r = cli_reg_body(c, db, names[i], a, &b)) < 0)
			goto out;
		ids[i] = b.id;
	}
	if ((r = cli_reg_body(c, db, successor, a, &b)) < 0)
		goto out;
	in.ended = ids;
	in.nended = n;
	in.successor_id = b.id;
	if ((r = reg_succession(db, &in, &tasks, &c->err)) < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:I,s:I}", "successor", (json_int_t)b.id, "tasks",
					  (json_int_t)tasks));
	else
		fprintf(c->out, "%s tiếp nhận %lld nhiệm vụ đang thực hiện\n", b.name,
			(long long)tasks);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_body_end_spec = {
    .opts = (const struct cli_optdef[]){{"on", CLI_DATE, CLI_REQ, "DATE",
					 "ngày kết thúc, từ đó cơ quan kế tục tiếp nhận"},
					{"successor", CLI_TEXT, CLI_REQ, "BODY", "cơ quan kế tục"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"BODY", CLI_TEXT, CLI_REQ, "cơ quan kết thúc"}, {NULL}},
};

int cli_body_end(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_pos(args, 0);

	return succession(c, &body, 1, cli_opt(args, "successor"), cli_opt(args, "on"), false);
}

const struct cli_spec cli_body_merge_spec = {
    .opts = (const struct cli_optdef[]){{"into", CLI_TEXT, CLI_REQ, "BODY",
					 "cơ quan mới hình thành (đã đăng ký bằng body add)"},
					{"on", CLI_DATE, CLI_REQ, "DATE", "ngày hợp nhất"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"BODIES", CLI_TEXT, CLI_REQ | CLI_MANY,
					"các cơ quan hợp nhất, cách nhau bằng dấu phẩy"},
				       {NULL}},
};

int cli_body_merge(struct cli *c, const struct cli_args *args)
{
	const char *names[64];
	size_t n = 0;
	struct buf all = BUF_INIT(4096);
	int r;

	/* "A,B" or "A" "B": each positional split at its commas. */
	for (size_t i = 0; i < cli_npos(args); i++) {
		if (buf_puts(&all, cli_pos(args, i)) < 0 || buf_putc(&all, ',') < 0) {
			buf_free(&all);
			return err_set(&c->err, ERR_TOOBIG, "danh sách cơ quan quá dài");
		}
	}
	for (char *p = (char *)buf_str(&all), *next; p && *p; p = next) {
		next = strchr(p, ',');
		if (next)
			*next++ = '\0';
		while (*p == ' ')
			p++;
		if (!*p)
			continue;
		if (n == sizeof(names) / sizeof(names[0])) {
			buf_free(&all);
			return err_set(&c->err, ERR_INVAL, "quá nhiều cơ quan (tối đa 64)");
		}
		names[n++] = p;
	}
	if (n < 2) {
		buf_free(&all);
		return cli_usage(c, "cần ít nhất hai cơ quan để hợp nhất, ví dụ: body merge A,B "
				    "--into C --on 01/07/2025");
	}
	r = succession(c, names, n, cli_opt(args, "into"), cli_opt(args, "on"), true);
	buf_free(&all);
	return r;
}
