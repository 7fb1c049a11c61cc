/* cli_reg.c: helpers shared by the registry's verbs. */
#include "cli/cli_reg.h"

#include <stdlib.h>
#include <string.h>

#include "core/accounts/account.h"
#include "render/entity.h"
#include "vn/date.h"

static bool all_digits(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int cli_reg_int(struct cli *c, const char *what, const char *arg, long long max, long long *ret)
{
	char *end;
	long long v;

	if (!arg || !*arg)
		return err_set(&c->err, ERR_INVAL, "thiếu %s", what);
	v = strtoll(arg, &end, 10);
	if (*end || v <= 0 || v > max || !all_digits(arg))
		return err_set(&c->err, ERR_INVAL, "%s không hợp lệ: '%s' (cần số nguyên dương)",
			       what, arg);
	*ret = v;
	return 0;
}

int cli_reg_body(struct cli *c, struct db *db, const char *arg, struct arena *a,
		 struct reg_body *ret)
{
	struct err e2 = {0};
	long long id;
	int r;

	if (!arg || !*arg)
		return cli_usage(c, "thiếu cơ quan (--body)");
	if (all_digits(arg)) {
		r = cli_reg_int(c, "mã cơ quan", arg, INT64_MAX, &id);
		return r < 0 ? r : reg_body_get(db, id, a, ret, &c->err);
	}
	r = reg_body_find(db, arg, -1, NULL, a, ret, &c->err);
	if (r != ERR_NOTFOUND)
		return r;
	r = reg_body_by_name(db, arg, a, ret, &e2);
	if (r == ERR_NOTFOUND)
		return err_set(&c->err, r, "không tìm thấy cơ quan '%s' (theo mã, ký hiệu hay tên)",
			       arg);
	if (r < 0)
		c->err = e2;
	return r;
}

int cli_reg_term(struct cli *c, struct db *db, int64_t body_id, const char *arg, struct arena *a,
		 struct reg_term *ret)
{
	long long id;
	int r;

	if (!arg || !*arg)
		return cli_usage(c, "thiếu nhiệm kỳ (--term)");
	if (all_digits(arg)) {
		r = cli_reg_int(c, "mã nhiệm kỳ", arg, INT64_MAX, &id);
		if (r < 0)
			return r;
		r = reg_term_get(db, id, a, ret, &c->err);
		if (r == 0 && body_id && ret->body_id != body_id)
			return err_set(&c->err, ERR_INVAL, "nhiệm kỳ %s không thuộc cơ quan này",
				       arg);
		return r;
	}
	if (!body_id)
		return cli_usage(c, "nhiệm kỳ '%s' cần cơ quan (--body) hoặc mã số", arg);
	return reg_term_find(db, body_id, arg, a, ret, &c->err);
}

int cli_reg_organ(struct cli *c, struct db *db, const char *arg, struct arena *a,
		  struct reg_organ *ret)
{
	struct reg_body b;
	const char *colon;
	char body[200];
	long long id;
	int r;

	if (!arg || !*arg)
		return cli_usage(c, "thiếu cơ quan giúp việc (--organ)");
	if (all_digits(arg)) {
		r = cli_reg_int(c, "mã cơ quan giúp việc", arg, INT64_MAX, &id);
		return r < 0 ? r : reg_organ_get(db, id, a, ret, &c->err);
	}
	colon = strchr(arg, ':');
	if (!colon || colon == arg || (size_t)(colon - arg) >= sizeof(body) || !colon[1])
		return err_set(&c->err, ERR_INVAL,
			       "cơ quan giúp việc '%s' không hợp lệ: cần mã số hoặc dạng "
			       "CƠ_QUAN:LOẠI (ví dụ HU:bch)",
			       arg);
	memcpy(body, arg, (size_t)(colon - arg));
	body[colon - arg] = '\0';
	r = cli_reg_body(c, db, body, a, &b);
	if (r < 0)
		return r;
	if (reg_organ_kind_valid(colon + 1))
		return reg_organ_find(db, b.id, colon + 1, a, ret, &c->err);
	return reg_organ_by_name(db, b.id, colon + 1, a, ret, &c->err);
}

int cli_reg_begin(struct cli *c, struct db *db)
{
	return db_begin_e(db, &c->err);
}

int cli_reg_end(struct cli *c, struct db *db, int r)
{
	return db_end(db, r, &c->err);
}

void cli_reg_jstr(json_t *o, const char *key, const char *s)
{
	if (o)
		json_object_set_new(o, key, s ? json_string(s) : json_null());
}

static void jid(json_t *o, const char *key, int64_t v)
{
	if (o)
		json_object_set_new(o, key, v ? json_integer(v) : json_null());
}

json_t *cli_reg_json_body(const struct reg_body *b)
{
	const struct read_body rb = {.id = b->id,
				     .parent_id = b->parent_id,
				     .level = reg_level_code(b->level),
				     .kind = reg_kind_code(b->kind),
				     .name = b->name,
				     .code = b->code,
				     .place = b->place};

	return ent_body_json(&rb);
}

json_t *cli_reg_json_term(const struct reg_term *t)
{
	json_t *o = json_object();

	jid(o, "id", t->id);
	jid(o, "body_id", t->body_id);
	cli_reg_jstr(o, "name", t->name);
	if (o) {
		json_object_set_new(o, "year_from", json_integer(t->year_from));
		json_object_set_new(o, "year_to", json_integer(t->year_to));
	}
	cli_reg_jstr(o, "start_date", t->start_date);
	cli_reg_jstr(o, "end_date", t->end_date);
	return o;
}

json_t *cli_reg_json_organ(const struct reg_organ *g)
{
	json_t *o = json_object();

	jid(o, "id", g->id);
	jid(o, "body_id", g->body_id);
	cli_reg_jstr(o, "kind", g->kind);
	cli_reg_jstr(o, "name", g->name);
	cli_reg_jstr(o, "code", g->code);
	return o;
}

json_t *cli_reg_json_unit(const struct reg_unit *u)
{
	json_t *o = json_object();

	jid(o, "id", u->id);
	jid(o, "body_id", u->body_id);
	cli_reg_jstr(o, "kind", u->kind);
	cli_reg_jstr(o, "name", u->name);
	jid(o, "organ_id", u->organ_id);
	jid(o, "lower_body_id", u->lower_body_id);
	cli_reg_jstr(o, "email", u->email);
	return o;
}

json_t *cli_reg_json_doc(const struct reg_doc *d)
{
	const struct read_document rd = {.id = d->id,
					 .type_code = d->type_code,
					 .symbol = d->symbol,
					 .date = d->date,
					 .title = d->title,
					 .confidentiality = d->confidentiality,
					 .status = d->status,
					 .body_id = d->body_id};

	return ent_document_json(&rd);
}

int cli_reg_json_session(struct cli *c, struct db *db, const struct reg_session *s, struct arena *a,
			 json_t **ret)
{
	struct reg_organ g;
	struct reg_body b;
	struct reg_term t;
	struct reg_agenda *items;
	struct read_agenda_line *lines;
	struct sw_session_state st;
	int64_t *ids;
	size_t n;
	json_t *o;
	int r;

	if ((r = reg_organ_get(db, s->organ_id, a, &g, &c->err)) < 0 ||
	    (r = reg_body_get(db, g.body_id, a, &b, &c->err)) < 0 ||
	    (r = reg_term_get(db, s->term_id, a, &t, &c->err)) < 0 ||
	    (r = reg_agenda_list(db, s->id, a, &items, &n, &c->err)) < 0)
		return r;
	lines = arena_alloc(a, (n ? n : 1) * sizeof(*lines));
	ids = arena_alloc(a, (n ? n : 1) * sizeof(*ids));
	if (!lines || !ids)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	/* The agenda as GET /api/v1/sessions/# gives it; the operator reads every document. */
	for (size_t i = 0; i < n; i++) {
		struct read_agenda_line l = {.id = items[i].id,
					     .position = items[i].position,
					     .doc_kind = items[i].doc_kind,
					     .title = items[i].title,
					     .outcome = items[i].outcome,
					     .document_id = items[i].document_id,
					     .doc_visible = true};
		struct reg_unit u;
		struct reg_doc d;

		if (items[i].presenter_unit_id &&
		    reg_unit_get(db, items[i].presenter_unit_id, a, &u, &c->err) == 0)
			l.presenter = u.name;
		if (items[i].document_id &&
		    reg_doc_get(db, items[i].document_id, a, &d, &c->err) == 0)
			l.doc_symbol = d.symbol;
		lines[i] = l;
		ids[i] = l.id;
	}
	if ((r = sw_session_state(db, s->id, ids, n, a, &st, &c->err)) < 0)
		return r;
	o = ent_session_full_json(&(struct read_session){.id = s->id,
							 .number = s->number,
							 .kind = s->kind,
							 .date = s->date,
							 .start_time = s->start_time,
							 .place = s->place,
							 .status = s->status,
							 .basis = s->basis,
							 .organ = g.name,
							 .body = b.name,
							 .term = t.name},
				  lines, n, &st);
	if (!o)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	{
		/* the operator's view: every task and notice of the session */
		static const struct account operator= {.id = 0, .role = "admin"};
		struct read_session_work w;
		char today[11];

		read_today(today);
		r = read_session_work(db, &operator, s->id, today, a, &w, &c->err);
		if (r == 0 && ent_session_work_add(o, &w) < 0)
			r = err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		if (r < 0) {
			json_decref(o);
			return r;
		}
	}
	*ret = o;
	return 0;
}
