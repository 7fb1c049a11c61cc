/* imp_json.c: an extracted notice as JSON, in the shape of the seed's gold extraction. */
#include <string.h>

#include "import/import.h"

/* An exact decimal as a JSON number: an integer when it has no decimals. */
static json_t *imp_dec(struct vn_dec d)
{
	struct buf b = BUF_INIT(64);
	json_t *j;

	if (d.scale == 0)
		return json_integer(d.units);
	if (vn_dec_format_plain(d, &b) < 0) {
		buf_free(&b);
		return json_null();
	}
	j = json_real(strtod(buf_str(&b), NULL));
	buf_free(&b);
	return j;
}

static json_t *imp_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *imp_date(struct vn_date d)
{
	char iso[11];

	if (vn_date_is_none(d))
		return json_null();
	vn_date_iso(d, iso);
	return json_string(iso);
}

static void imp_set(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

static json_t *imp_strs(const char *const *s, int n)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, imp_str(s[i]));
	return a;
}

static json_t *imp_figure_json(const struct imp_figure *f)
{
	json_t *o = json_object(), *der = json_object();
	struct vn_dec v;

	imp_set(o, "id", imp_str(f->id));
	if (f->parent)
		imp_set(o, "parent", json_string(f->parent));
	imp_set(o, "label", imp_str(f->label));
	imp_set(o, "value", imp_dec(f->value));
	imp_set(o, "value_text", imp_str(f->value_text));
	imp_set(o, "unit", imp_str(f->unit));
	imp_set(o, "estimate", json_boolean(f->estimate));
	if (f->nplans == 1) {
		imp_set(o, "pct_of_plan", imp_dec(f->plans[0].pct));
		if (f->plans[0].kind)
			imp_set(o, "plan_kind", json_string(f->plans[0].kind));
	} else if (f->nplans > 1) {
		json_t *pcts = json_array(), *kinds = json_array();

		for (int i = 0; i < f->nplans; i++) {
			json_array_append_new(pcts, imp_dec(f->plans[i].pct));
			json_array_append_new(kinds, imp_str(f->plans[i].kind));
		}
		imp_set(o, "pct_of_plan", pcts);
		imp_set(o, "plan_kind", kinds);
	}
	if (f->has_same)
		imp_set(o, "pct_of_same_period", imp_dec(f->same_pct));
	if (f->has_growth)
		imp_set(o, "growth_pct", imp_dec(f->growth_pct));
	if (f->has_growth_abs) {
		imp_set(o, "growth_abs", imp_dec(f->growth_abs));
		imp_set(o, "growth_abs_unit", imp_str(f->growth_abs_unit));
	}
	if (f->has_target)
		imp_set(o, "target", imp_dec(f->target));
	if (f->has_upper)
		imp_set(o, "value_to", imp_dec(f->upper));
	/* Derived, rounded to one decimal: the plan and the same period's value. */
	if (f->nplans == 1 && vn_dec_base_of(f->value, f->plans[0].pct, 1, &v) == 0) {
		imp_set(der, "plan", imp_dec(v));
	} else if (f->nplans > 1) {
		json_t *pl = json_array();

		for (int i = 0; i < f->nplans; i++)
			json_array_append_new(pl,
					      vn_dec_base_of(f->value, f->plans[i].pct, 1, &v) == 0
						  ? imp_dec(v)
						  : json_null());
		imp_set(der, "plan", pl);
	} else if (f->has_target) {
		imp_set(der, "plan", imp_dec(f->target));
	}
	if (f->has_same && vn_dec_base_of(f->value, f->same_pct, 1, &v) == 0) {
		imp_set(der, "same_period", imp_dec(v));
	} else if (f->has_growth) {
		struct vn_dec base;

		if (vn_dec_add(f->growth_pct, vn_dec_int(100), &base) == 0 &&
		    vn_dec_base_of(f->value, base, 1, &v) == 0)
			imp_set(der, "same_period", imp_dec(v));
	} else if (f->has_growth_abs) {
		if (vn_dec_sub(f->value, f->growth_abs, &v) == 0)
			imp_set(der, "same_period", imp_dec(v));
	}
	if (json_object_size(der))
		imp_set(o, "derived", der);
	else
		json_decref(der);
	imp_set(o, "line", json_integer(f->line));
	return o;
}

json_t *imp_to_json(const struct imp_notice *n)
{
	json_t *root = json_object(), *doc = json_object(), *sig = json_object(),
	       *ses = json_object(), *arr, *per, *q;

	imp_set(doc, "kind", imp_str(n->kind));
	imp_set(doc, "kind_name", imp_str(n->kind_name));
	imp_set(doc, "title", imp_str(n->title));
	imp_set(doc, "number", n->number ? json_integer(n->number) : json_null());
	imp_set(doc, "symbol", imp_str(n->symbol));
	imp_set(doc, "date", imp_date(n->date));
	imp_set(doc, "place", imp_str(n->place));
	imp_set(doc, "issuer", imp_str(n->issuer));
	imp_set(doc, "issuer_symbol", imp_str(n->issuer_symbol));
	if (n->superior)
		imp_set(doc, "superior", json_string(n->superior));
	imp_set(sig, "authority", imp_str(n->sig_authority));
	if (n->sig_for)
		imp_set(sig, "for", json_string(n->sig_for));
	imp_set(sig, "position", imp_str(n->sig_position));
	imp_set(sig, "name", imp_str(n->sig_name));
	imp_set(doc, "signature", sig);
	imp_set(root, "document", doc);

	imp_set(ses, "organ", imp_str(n->organ));
	imp_set(ses, "number", n->session_number ? json_integer(n->session_number) : json_null());
	imp_set(ses, "term", imp_str(n->term));
	imp_set(ses, "term_years",
		n->term_from ? json_pack("[ii]", n->term_from, n->term_to) : json_null());
	imp_set(ses, "date", imp_date(n->session_date));
	imp_set(ses, "basis", imp_str(n->basis));
	imp_set(ses, "outcome", imp_str(n->outcome));
	imp_set(root, "session", ses);

	arr = json_array();
	for (int i = 0; i < n->nagenda; i++) {
		const struct imp_agenda *a = &n->agenda[i];
		json_t *o = json_pack("{s:i, s:o, s:o}", "n", a->n, "kind", imp_str(a->kind),
				      "title", imp_str(a->title));

		if (a->nrefs)
			imp_set(o, "refs", imp_strs(a->refs, a->nrefs));
		json_array_append_new(arr, o);
	}
	imp_set(root, "agenda", arr);

	arr = json_array();
	for (int i = 0; i < n->nrefs; i++) {
		const struct imp_ref *r = &n->refs[i];
		json_t *o = json_object();

		imp_set(o, "symbol", imp_str(r->symbol));
		imp_set(o, "number", json_integer(r->number));
		imp_set(o, "kind", imp_str(r->kind));
		imp_set(o, "kind_name", imp_str(r->kind_name));
		imp_set(o, "issuer", imp_str(r->issuer));
		if (r->unit)
			imp_set(o, "unit", json_string(r->unit));
		if (r->year)
			imp_set(o, "year", json_integer(r->year));
		imp_set(o, "date", imp_date(r->date));
		if (r->repaired)
			imp_set(o, "repaired", json_true());
		imp_set(o, "line", json_integer(r->line));
		json_array_append_new(arr, o);
	}
	imp_set(root, "references", arr);

	if (n->period_label) {
		per = json_object();
		imp_set(per, "label", json_string(n->period_label));
		imp_set(per, "year", n->period_year ? json_integer(n->period_year) : json_null());
		imp_set(per, "from_month", json_integer(n->period_from));
		imp_set(per, "to_month", json_integer(n->period_to));
		imp_set(per, "estimate", json_boolean(n->period_estimate));
		imp_set(root, "period", per);
	} else {
		imp_set(root, "period", json_null());
	}

	arr = json_array();
	for (int i = 0; i < n->nfigs; i++) {
		json_t *o = imp_figure_json(&n->figs[i]);

		if (n->figs[i].sums_to_total) {
			json_t *parts = json_array();

			for (int j = 0; j < n->nfigs; j++)
				if (n->figs[j].parent &&
				    strcmp(n->figs[j].parent, n->figs[i].id) == 0)
					json_array_append_new(parts, json_string(n->figs[j].id));
			imp_set(o, "components_sum_to_total", parts);
		}
		json_array_append_new(arr, o);
	}
	imp_set(root, "figures", arr);

	arr = json_array();
	for (int i = 0; i < n->ncounts; i++) {
		const struct imp_count *c = &n->counts[i];
		json_t *o = json_object();

		imp_set(o, "what", imp_str(c->what));
		imp_set(o, "value", json_integer(c->value));
		if (c->of)
			imp_set(o, "of", json_integer(c->of));
		if (c->nnames)
			imp_set(o, "names", imp_strs(c->names, c->nnames));
		imp_set(o, "context", imp_str(c->context));
		imp_set(o, "line", json_integer(c->line));
		json_array_append_new(arr, o);
	}
	imp_set(root, "counts", arr);

	arr = json_array();
	for (int i = 0; i < n->ntasks; i++) {
		const struct imp_task *t = &n->tasks[i];
		json_t *o = json_object();

		imp_set(o, "section", t->section ? json_integer(t->section) : json_null());
		imp_set(o, "assignees", imp_strs(t->assignees, t->nassignees));
		if (t->lead)
			imp_set(o, "lead", json_string(t->lead));
		if (t->ncoord)
			imp_set(o, "coordinating", imp_strs(t->coord, t->ncoord));
		imp_set(o, "what", imp_str(t->what));
		if (t->dl.kind != TASK_DL_NONE) {
			const char *w = t->dl.words;
			const char *bare = strncmp(w, "trong ", 6) == 0 ? w + 6 : w;

			/* "horizon", "due" and "due_text" as before; "deadline" the one value. */
			if (t->dl.kind == TASK_DL_SPAN)
				imp_set(o, "horizon", json_string(bare));
			else
				imp_set(o, "due_text", json_string(w));
			if (t->dl.kind == TASK_DL_DATE || t->dl.kind == TASK_DL_SPAN)
				imp_set(o, "due", imp_date(t->dl.due));
			else
				imp_set(o, "due", json_string(bare));
			imp_set(o, "deadline",
				json_pack("{s:s, s:s, s:o}", "kind",
					  task_deadline_kind_code(t->dl.kind), "words", w, "due",
					  vn_date_is_none(t->dl.due) ? json_null()
								     : imp_date(t->dl.due)));
		}
		if (t->dl.kind == TASK_DL_NONE && t->event) {
			/* "trước Tết Nguyên đán": the words, and no day they fall on */
			imp_set(o, "due_text", json_string(t->event));
			imp_set(o, "due", json_string(t->event));
			imp_set(o, "deadline",
				json_pack("{s:s, s:s, s:n}", "kind", "event", "words", t->event,
					  "due"));
		}
		if (t->report_to)
			imp_set(o, "report_to", json_string(t->report_to));
		if (t->sentence)
			imp_set(o, "sentence", json_string(t->sentence));
		imp_set(o, "line", json_integer(t->line));
		json_array_append_new(arr, o);
	}
	imp_set(root, "tasks", arr);

	if (n->has_questioning) {
		q = json_object();
		imp_set(q, "basis", imp_str(n->questioning_basis));
		arr = json_array();
		for (int i = 0; i < n->nquestions; i++)
			json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:i}", "asker",
							     imp_str(n->questions[i].asker), "to",
							     imp_str(n->questions[i].to), "about",
							     imp_str(n->questions[i].about), "line",
							     n->questions[i].line));
		imp_set(q, "questions", arr);
		imp_set(root, "questioning", q);
	} else {
		imp_set(root, "questioning", json_null());
	}
	imp_set(root, "recipients", imp_strs(n->recipients, n->nrecipients));

	arr = json_array();
	for (int i = 0; i < n->nwarnings; i++)
		json_array_append_new(arr, json_pack("{s:i, s:s}", "line", n->warnings[i].line,
						     "text", n->warnings[i].text));
	imp_set(root, "warnings", arr);
	return root;
}
