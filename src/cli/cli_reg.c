/* cli_reg.c: helpers shared by the registry's verbs. */
#include "cli/cli_reg.h"

#include <stdlib.h>
#include <string.h>

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
	json_t *o = json_object();

	jid(o, "id", b->id);
	jid(o, "parent_id", b->parent_id);
	cli_reg_jstr(o, "level", reg_level_code(b->level));
	cli_reg_jstr(o, "kind", reg_kind_code(b->kind));
	cli_reg_jstr(o, "name", b->name);
	cli_reg_jstr(o, "short_name", b->short_name);
	cli_reg_jstr(o, "code", b->code);
	cli_reg_jstr(o, "place", b->place);
	cli_reg_jstr(o, "active_from", b->active_from);
	cli_reg_jstr(o, "active_to", b->active_to);
	return o;
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
	json_t *o = json_object();

	jid(o, "id", d->id);
	cli_reg_jstr(o, "type", d->type_code);
	jid(o, "body_id", d->body_id);
	jid(o, "organ_id", d->organ_id);
	jid(o, "term_id", d->term_id);
	cli_reg_jstr(o, "issuer", d->issuer_code);
	jid(o, "number", d->number);
	cli_reg_jstr(o, "symbol", d->symbol);
	cli_reg_jstr(o, "date", d->date);
	cli_reg_jstr(o, "title", d->title);
	cli_reg_jstr(o, "confidentiality", d->confidentiality);
	cli_reg_jstr(o, "status", d->status);
	return o;
}

int cli_reg_json_session(struct cli *c, struct db *db, const struct reg_session *s, struct arena *a,
			 json_t **ret)
{
	struct reg_organ g;
	struct reg_term t;
	struct reg_agenda *items;
	size_t n;
	json_t *o, *arr;
	int r;

	if ((r = reg_organ_get(db, s->organ_id, a, &g, &c->err)) < 0 ||
	    (r = reg_term_get(db, s->term_id, a, &t, &c->err)) < 0 ||
	    (r = reg_agenda_list(db, s->id, a, &items, &n, &c->err)) < 0)
		return r;
	o = json_object();
	arr = json_array();
	if (!o || !arr) {
		json_decref(o);
		json_decref(arr);
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	jid(o, "id", s->id);
	json_object_set_new(o, "number", json_integer(s->number));
	cli_reg_jstr(o, "date", s->date);
	cli_reg_jstr(o, "kind", s->kind);
	cli_reg_jstr(o, "status", s->status);
	cli_reg_jstr(o, "place", s->place);
	cli_reg_jstr(o, "basis", s->basis);
	jid(o, "organ_id", g.id);
	cli_reg_jstr(o, "organ", g.name);
	jid(o, "body_id", g.body_id);
	jid(o, "term_id", t.id);
	cli_reg_jstr(o, "term", t.name);
	json_object_set_new(o, "term_years", json_pack("[i,i]", t.year_from, t.year_to));
	for (size_t i = 0; i < n; i++) {
		json_t *it = json_object();

		if (!it)
			continue;
		jid(it, "id", items[i].id);
		json_object_set_new(it, "n", json_integer(items[i].position));
		cli_reg_jstr(it, "kind", items[i].doc_kind);
		cli_reg_jstr(it, "title", items[i].title);
		jid(it, "presenter_unit_id", items[i].presenter_unit_id);
		jid(it, "document_id", items[i].document_id);
		if (items[i].document_id) {
			struct reg_doc d;

			if (reg_doc_get(db, items[i].document_id, a, &d, &c->err) == 0)
				cli_reg_jstr(it, "document", d.symbol);
		}
		cli_reg_jstr(it, "outcome", items[i].outcome);
		json_array_append_new(arr, it);
	}
	json_object_set_new(o, "agenda", arr);
	*ret = o;
	return 0;
}
