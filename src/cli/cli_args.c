/* cli_args.c: a verb's argv parsed once against its declaration; usage and help built from it. */
#include "cli/cli_args.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "util/id.h"
#include "vn/date.h"

struct cli_val {
	const struct cli_optdef *opt;
	const char *s; /* as given, or iso for CLI_DATE */
	int64_t id;
	char iso[11];
};

struct cli_args {
	const struct cli_spec *spec;
	struct cli_val *v;
	size_t nv;
	const char **pos;
	int64_t *pos_id;
	size_t npos;
};

static const struct cli_optdef *opt_find(const struct cli_spec *s, const char *name, size_t len)
{
	for (const struct cli_optdef *o = s->opts; o && o->name; o++)
		if (strlen(o->name) == len && memcmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* Whether word is one of the choices "a|b|c". */
static bool choice_ok(const char *choices, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = choices; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && memcmp(p, word, n) == 0)
			return true;
		if (!bar)
			break;
		p = bar + 1;
	}
	return false;
}

/* The noun of a help text: what comes before its first " (" or ": ". */
static int noun_len(const char *help)
{
	size_t n = strlen(help);
	const char *paren = strstr(help, " ("), *colon = strstr(help, ": ");

	if (paren && (size_t)(paren - help) < n)
		n = (size_t)(paren - help);
	if (colon && (size_t)(colon - help) < n)
		n = (size_t)(colon - help);
	return (int)n;
}

/* "đơn vị (--unit)": the option's noun and its name, for messages. */
static void opt_what(const struct cli_optdef *o, char *out, size_t size)
{
	const char *help = o->help ? o->help : o->name;

	snprintf(out, size, "%.*s (--%s)", noun_len(help), help, o->name);
}

static int value_check(struct cli *c, const struct cli_optdef *o, struct cli_val *v)
{
	char what[160];
	struct vn_date d;
	struct err de = {0};
	long long id;
	int r;

	opt_what(o, what, sizeof(what));
	switch (o->kind) {
	case CLI_ID:
		r = cli_parse_id(c, what, v->s, &id);
		if (r < 0)
			return r;
		v->id = id;
		return 0;
	case CLI_DATE:
		if (vn_date_parse(v->s, strlen(v->s), 0, &d, &de) < 0)
			return cli_usage(c, "%s không hợp lệ: '%s' (%s)", what, v->s,
					 err_msg(&de, ERR_INVAL));
		vn_date_iso(d, v->iso);
		v->s = v->iso;
		return 0;
	case CLI_CHOICE:
		if (!choice_ok(o->meta, v->s))
			return cli_usage(c, "%s không hợp lệ: '%s' (chọn một trong %s)", what, v->s,
					 o->meta);
		return 0;
	default:
		return 0;
	}
}

void cli_args_free(struct cli_args *a)
{
	if (!a)
		return;
	free(a->v);
	free(a->pos);
	free(a->pos_id);
	free(a);
}

static size_t opt_count(const struct cli_args *a, const struct cli_optdef *o)
{
	size_t n = 0;

	for (size_t i = 0; i < a->nv; i++)
		n += a->v[i].opt == o;
	return n;
}

int cli_args_parse(struct cli *c, const struct cli_spec *spec, int argc, char **argv,
		   struct cli_args **ret)
{
	static const struct cli_spec none = {0};
	struct cli_args *a;
	bool options = true;
	size_t npdef = 0;
	int r = 0;

	if (!spec)
		spec = &none;
	a = calloc(1, sizeof(*a));
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	a->spec = spec;
	a->v = calloc((size_t)argc + 1, sizeof(*a->v));
	a->pos = calloc((size_t)argc + 1, sizeof(*a->pos));
	a->pos_id = calloc((size_t)argc + 1, sizeof(*a->pos_id));
	if (!a->v || !a->pos || !a->pos_id) {
		r = err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		goto fail;
	}
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq;
		const struct cli_optdef *o;
		struct cli_val *v;

		/* "-" (standard input) and "-1" (a bad number, refused by its kind) are no options. */
		if (!options || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9')) {
			a->pos[a->npos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options = false;
			continue;
		}
		if (arg[1] != '-') {
			r = cli_usage(c, "tùy chọn không hợp lệ: '%s'", arg);
			goto fail;
		}
		eq = strchr(arg + 2, '=');
		o = opt_find(spec, arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
		if (!o) {
			r = cli_usage(c, "tùy chọn không hợp lệ: '%.*s'",
				      eq ? (int)(eq - arg) : (int)strlen(arg), arg);
			goto fail;
		}
		if (!(o->flags & CLI_MANY) && opt_count(a, o) > 0) {
			r = cli_usage(c, "tùy chọn '--%s' chỉ được cho một lần", o->name);
			goto fail;
		}
		v = &a->v[a->nv++];
		v->opt = o;
		if (o->kind == CLI_FLAG) {
			if (eq) {
				r = cli_usage(c, "tùy chọn '--%s' không nhận giá trị", o->name);
				goto fail;
			}
			v->s = "";
			continue;
		}
		if (eq) {
			v->s = eq + 1;
		} else if (i + 1 < argc) {
			v->s = argv[++i];
		} else {
			r = cli_usage(c, "tùy chọn '--%s' cần một giá trị (%s)", o->name,
				      o->meta ? o->meta : "VALUE");
			goto fail;
		}
		r = value_check(c, o, v);
		if (r < 0)
			goto fail;
	}
	for (const struct cli_optdef *o = spec->opts; o && o->name; o++)
		if ((o->flags & CLI_REQ) && opt_count(a, o) == 0) {
			char what[160];

			opt_what(o, what, sizeof(what));
			r = cli_usage(c, "thiếu %s", what);
			goto fail;
		}
	for (const struct cli_posdef *p = spec->pos; p && p->name; p++, npdef++) {
		if (npdef >= a->npos) {
			if (p->flags & CLI_REQ) {
				const char *help = p->help ? p->help : p->name;

				r = cli_usage(c, "thiếu %.*s (%s)", noun_len(help), help, p->name);
				goto fail;
			}
			continue;
		}
		for (size_t k = npdef; k < a->npos; k++) {
			if (p->kind == CLI_ID) {
				long long id;

				const char *help = p->help ? p->help : p->name;
				char what[160];

				snprintf(what, sizeof(what), "%.*s", noun_len(help), help);
				r = cli_parse_id(c, what, a->pos[k], &id);
				if (r < 0)
					goto fail;
				a->pos_id[k] = id;
			}
			if (!(p->flags & CLI_MANY))
				break;
		}
		if (p->flags & CLI_MANY) {
			npdef = a->npos;
			break;
		}
	}
	if (a->npos > npdef) {
		r = cli_usage(c, "thừa tham số: '%s'", a->pos[npdef]);
		goto fail;
	}
	*ret = a;
	return 0;
fail:
	cli_args_free(a);
	return r;
}

static const struct cli_optdef *opt_declared(const struct cli_args *a, const char *name)
{
	const struct cli_optdef *o = opt_find(a->spec, name, strlen(name));

	assert(o && "option not declared in the verb's spec");
	return o;
}

const char *cli_opt(const struct cli_args *a, const char *name)
{
	const struct cli_optdef *o = opt_declared(a, name);
	const char *s = NULL;

	for (size_t i = 0; i < a->nv; i++)
		if (a->v[i].opt == o)
			s = a->v[i].s;
	return s;
}

bool cli_flag(const struct cli_args *a, const char *name)
{
	return opt_count(a, opt_declared(a, name)) > 0;
}

int64_t cli_opt_id(const struct cli_args *a, const char *name)
{
	const struct cli_optdef *o = opt_declared(a, name);
	int64_t id = 0;

	assert(o->kind == CLI_ID);
	for (size_t i = 0; i < a->nv; i++)
		if (a->v[i].opt == o)
			id = a->v[i].id;
	return id;
}

size_t cli_opt_all(const struct cli_args *a, const char *name, const char **ret, size_t max)
{
	const struct cli_optdef *o = opt_declared(a, name);
	size_t n = 0;

	for (size_t i = 0; i < a->nv; i++)
		if (a->v[i].opt == o) {
			if (n < max)
				ret[n] = a->v[i].s;
			n++;
		}
	return n;
}

const char *cli_pos(const struct cli_args *a, size_t i)
{
	return i < a->npos ? a->pos[i] : NULL;
}

int64_t cli_pos_id(const struct cli_args *a, size_t i)
{
	return i < a->npos ? a->pos_id[i] : 0;
}

size_t cli_npos(const struct cli_args *a)
{
	return a->npos;
}

static void opt_usage(const struct cli_optdef *o, struct buf *b)
{
	bool req = o->flags & CLI_REQ;

	buf_printf(b, " %s--%s", req ? "" : "[", o->name);
	if (o->kind != CLI_FLAG)
		buf_printf(b, " %s", o->meta ? o->meta : "VALUE");
	buf_printf(b, "%s%s", req ? "" : "]", (o->flags & CLI_MANY) ? "…" : "");
}

void cli_args_usage(const struct cli_verb *v, struct buf *b)
{
	const struct cli_spec *s = v->spec;

	buf_printf(b, "dondoc %s%s%s", v->group, v->name ? " " : "", v->name ? v->name : "");
	if (!s)
		return;
	for (const struct cli_posdef *p = s->pos; p && p->name; p++) {
		bool req = p->flags & CLI_REQ;

		buf_printf(b, " %s%s%s%s", req ? "" : "[", p->name,
			   (p->flags & CLI_MANY) ? "…" : "", req ? "" : "]");
	}
	for (const struct cli_optdef *o = s->opts; o && o->name; o++)
		opt_usage(o, b);
}

void cli_args_help(const struct cli_verb *v, struct buf *b)
{
	const struct cli_spec *s = v->spec;

	buf_printf(b, "usage: ");
	cli_args_usage(v, b);
	buf_printf(b, "\n\n%s\n", v->summary);
	if (!s)
		return;
	if (s->pos && s->pos->name) {
		buf_printf(b, "\narguments:\n");
		for (const struct cli_posdef *p = s->pos; p->name; p++)
			buf_printf(b, "  %-24s %s%s%s\n", p->name, p->help ? p->help : "",
				   (p->flags & CLI_REQ) ? "" : " (không bắt buộc)",
				   (p->flags & CLI_MANY) ? " (một hoặc nhiều)" : "");
	}
	if (s->opts && s->opts->name) {
		buf_printf(b, "\noptions:\n");
		for (const struct cli_optdef *o = s->opts; o->name; o++) {
			struct buf n = BUF_INIT(256);

			buf_printf(&n, "--%s", o->name);
			if (o->kind != CLI_FLAG)
				buf_printf(&n, " %s", o->meta ? o->meta : "VALUE");
			buf_printf(b, "  %-24s %s%s%s%s\n", buf_str(&n), o->help ? o->help : "",
				   (o->flags & CLI_REQ) ? " (bắt buộc)" : "",
				   (o->flags & CLI_MANY) ? " (cho nhiều lần được)" : "",
				   o->kind == CLI_DATE ? " (ngày, ví dụ 04/10/2023)"
				   : o->kind == CLI_ID ? " (số)"
						       : "");
			buf_free(&n);
		}
	}
	if (s->note)
		buf_printf(b, "\n%s\n", s->note);
}
