/* entity.c: the one JSON shape of each entity, shared by the API (/api/v1) and the CLI's --json. */
#include <stdio.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "core/tasks/task.h"
#include "render/entity.h"

#include "core/notice/notice.h"
#include "core/sessionwork/qa.h"
#include "util/buf.h"
#include "util/jw.h"

/* A text as JSON, null for NULL. */
static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* An id or number as JSON, null for 0 (none). */
static json_t *jid(int64_t v)
{
	return v ? json_integer((json_int_t)v) : json_null();
}

json_t *ent_body_json(const struct read_body *b)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)b->id, "type", "body", "parent", jid(b->parent_id), "level",
			 jstr(b->level), "kind", jstr(b->kind), "name", jstr(b->name), "code",
			 jstr(b->code), "active_to", jstr(b->active_to), "successor",
			 jid(b->successor_id), "terms",
			 json_sprintf("/api/v1/terms?body=%lld", (long long)b->id));
}

json_t *ent_term_json(const struct read_term *t)
{
	return json_pack("{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)t->id, "type", "term", "name", jstr(t->name), "body",
			 (json_int_t)t->body_id, "body_name", jstr(t->body_name), "year_from",
			 jid(t->year_from), "year_to", jid(t->year_to), "start_date",
			 jstr(t->start_date), "end_date", jstr(t->end_date), "body_url",
			 json_sprintf("/api/v1/bodies/%lld", (long long)t->body_id));
}

json_t *ent_unit_json(const struct read_unit *u)
{
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)u->id,
			 "type", "unit", "body", (json_int_t)u->body_id, "kind", jstr(u->kind),
			 "name", jstr(u->name), "organ", jid(u->organ_id), "lower_body",
			 jid(u->lower_body_id), "email", jstr(u->email));
}

json_t *ent_organ_json(const struct read_organ *o)
{
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o}", "id", (json_int_t)o->id, "type",
			 "organ", "body", (json_int_t)o->body_id, "kind", jstr(o->kind), "name",
			 jstr(o->name), "code", jstr(o->code), "members",
			 json_sprintf("/api/v1/people?organ=%lld", (long long)o->id));
}

json_t *ent_person_json(const struct read_person *p)
{
	json_t *ms = json_array();

	for (size_t i = 0; ms && i < p->nmemberships; i++) {
		const struct read_membership *m = &p->memberships[i];

		json_array_append_new(ms, json_pack("{s:I, s:o, s:o, s:o}", "organ",
						    (json_int_t)m->organ_id, "position",
						    jstr(m->position), "from", jstr(m->date_from),
						    "to", jstr(m->date_to)));
	}
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)p->id, "type",
			 "person", "name", jstr(p->full_name), "email", jstr(p->email), "phone",
			 jstr(p->phone), "memberships", ms);
}

json_t *ent_session_json(const struct read_session *s)
{
	json_t *o =
	    json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)s->id,
		      "type", "session", "number", (json_int_t)s->number, "kind", jstr(s->kind),
		      "date", jstr(s->date), "place", jstr(s->place), "status", jstr(s->status),
		      "organ", jstr(s->organ), "body", jstr(s->body), "term", jstr(s->term));

	if (!o)
		return NULL;
	json_object_set_new(o, "start_time", jstr(s->start_time));
	json_object_set_new(o, "agendaItems",
			    json_sprintf("/api/v1/agenda-items?session=%lld", (long long)s->id));
	json_object_set_new(o, "notices",
			    json_sprintf("/api/v1/notices?session=%lld", (long long)s->id));
	return o;
}

static const char *const vote_choices[] = {"for", "against", "abstain"};

/* A recorded vote: counts, the rule's verdict, the office's wording, names. */
static json_t *vote_json(const struct sw_vote *v)
{
	json_t *names = json_array(), *o;

	if (!v->id) {
		json_decref(names);
		return json_null();
	}
	for (size_t i = 0; names && i < v->nnamed; i++)
		json_array_append_new(names, json_pack("{s:I, s:o, s:s}", "person_id",
						       (json_int_t)v->named[i].person_id, "name",
						       jstr(v->named[i].name), "choice",
						       vote_choices[v->named[i].choice % 3]));
	o = json_pack("{s:i, s:i, s:i, s:i, s:i, s:b, s:b, s:b, s:o, s:o}", "for", v->n_for,
		      "against", v->n_against, "abstain", v->n_abstain, "members", v->members,
		      "present", v->present, "binding", v->binding, "special", v->special, "passed",
		      v->passed, "wording", jstr(v->wording), "correction_reason",
		      jstr(v->correction_reason));
	if (o && names)
		json_object_set_new(o, "names", names);
	else
		json_decref(names);
	return o ? o : json_null();
}

static json_t *attendance_json(const struct sw_session_state *st)
{
	const struct sw_quorum *q = &st->quorum;
	struct buf need = BUF_INIT(32);
	json_t *people = json_array(), *o;

	for (size_t i = 0; people && i < st->natt; i++) {
		const struct sw_attendee *p = &st->att[i];

		json_array_append_new(
		    people,
		    json_pack("{s:I, s:o, s:o, s:b, s:s, s:o, s:o}", "person_id",
			      (json_int_t)p->person_id, "name", jstr(p->name), "position",
			      jstr(p->position), "member", p->member, "status",
			      p->status == SW_UNRECORDED ? "unrecorded" : sw_att_name(p->status),
			      "reason", jstr(p->reason), "delegate", jstr(p->delegate)));
	}
	sw_rule_describe_frac(q->rule.attend_num, q->rule.attend_den, q->rule.attend_strict, &need);
	o = json_pack("{s:i, s:i, s:i, s:i, s:i, s:s, s:b}", "members", q->members, "present",
		      q->present, "absent", q->absent, "delegated", q->delegated, "unrecorded",
		      q->unrecorded, "rule", buf_str(&need), "quorum_met", q->attend_ok);
	buf_free(&need);
	if (o && people)
		json_object_set_new(o, "people", people);
	else
		json_decref(people);
	return o ? o : json_null();
}

json_t *ent_session_full_json(const struct read_session *s, const struct read_agenda_line *l,
			      size_t n, const struct sw_session_state *st)
{
	json_t *o = ent_session_json(s), *agenda = json_array();

	if (!o || !agenda) {
		json_decref(o);
		json_decref(agenda);
		return NULL;
	}
	json_object_set_new(o, "basis", jstr(s->basis));
	for (size_t i = 0; i < n; i++) {
		json_t *it = ent_agenda_line_json(&l[i]);

		if (it)
			json_object_set_new(it, "vote", vote_json(&st->votes[i]));
		json_array_append_new(agenda, it);
	}
	json_object_set_new(o, "agenda", agenda);
	json_object_set_new(o, "attendance", attendance_json(st));
	return o;
}

json_t *ent_agenda_line_json(const struct read_agenda_line *l)
{
	return json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)l->id,
			 "position", (json_int_t)l->position, "doc_kind", jstr(l->doc_kind),
			 "title", jstr(l->title), "outcome", jstr(l->outcome), "presenter",
			 jstr(l->presenter), "document",
			 l->doc_visible ? jid(l->document_id) : json_null(), "document_symbol",
			 l->doc_visible ? jstr(l->doc_symbol) : json_null());
}

/* A reference to a session: id, number, date and its URL (null when there is none). */
static json_t *session_ref(int64_t id, int64_t number, const char *date)
{
	if (!id)
		return json_null();
	return json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)id, "number", jid(number),
			 "date", jstr(date), "self",
			 json_sprintf("/api/v1/sessions/%lld", (long long)id));
}

json_t *ent_agenda_item_json(const struct read_agenda_item *i)
{
	json_t *docs = json_array();

	if (i->doc_id)
		json_array_append_new(
		    docs, json_pack("{s:I, s:o, s:o, s:o, s:o}", "id", (json_int_t)i->doc_id,
				    "type_code", jstr(i->doc_type), "symbol", jstr(i->doc_symbol),
				    "title", jstr(i->doc_title), "self",
				    json_sprintf("/api/v1/documents/%lld", (long long)i->doc_id)));
	return json_pack("{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)i->id,
			 "type", "agendaItem", "session",
			 session_ref(i->session_id, i->session_number, i->session_date), "position",
			 (json_int_t)i->position, "doc_kind", jstr(i->doc_kind), "title",
			 jstr(i->title), "outcome", jstr(i->outcome), "presenter",
			 jstr(i->presenter), "documents", docs);
}

json_t *ent_document_json(const struct read_document *d)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)d->id,
			 "type", "document", "type_code", jstr(d->type_code), "symbol",
			 jstr(d->symbol), "date", jstr(d->date), "title", jstr(d->title),
			 "confidentiality", jstr(d->confidentiality), "status", jstr(d->status),
			 "body", jid(d->body_id));
}

json_t *ent_notice_json(const struct read_notice *n)
{
	long long id = (long long)n->id;

	return json_pack(
	    "{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)id, "type", "notice", "session",
	    session_ref(n->session_id, n->session_number, n->session_date), "body",
	    (json_int_t)n->body_id, "body_name", jstr(n->body_name), "term", jid(n->term_id),
	    "status", jstr(n->status), "version", (json_int_t)n->version, "number", jid(n->number),
	    "symbol", jstr(n->symbol), "issue_date", jstr(n->issue_date), "corrects",
	    jid(n->corrects_id), "created", jstr(n->created_at), "issued", jstr(n->issued_at),
	    "pdf", json_sprintf("/notices/%lld/pdf", id), "docx",
	    json_sprintf("/notices/%lld/docx", id));
}

int ent_session_work_add(json_t *o, const struct read_session_work *w)
{
	json_t *notices = json_array(), *tasks = json_array(), *qs = json_array(),
	       *cm = json_array();

	if (!o || !notices || !tasks || !qs || !cm) {
		json_decref(notices);
		json_decref(tasks);
		json_decref(qs);
		json_decref(cm);
		return ERR_NOMEM;
	}
	for (size_t i = 0; i < w->nnotices; i++)
		json_array_append_new(
		    notices,
		    json_pack("{s:I, s:o, s:s, s:o}", "id", (json_int_t)w->notices[i].id, "symbol",
			      jstr(w->notices[i].symbol), "status", w->notices[i].status, "self",
			      json_sprintf("/api/v1/notices/%lld", (long long)w->notices[i].id)));
	for (size_t i = 0; i < w->ntasks; i++) {
		const struct task *t = &w->tasks[i];

		json_array_append_new(
		    tasks,
		    json_pack("{s:I, s:o, s:o, s:o, s:s, s:o}", "id", (json_int_t)t->id, "section",
			      jstr(t->section), "content", jstr(t->content), "deadline",
			      jstr(t->dl.words), "status", task_status_code(t->status), "self",
			      json_sprintf("/api/v1/tasks/%lld", (long long)t->id)));
	}
	for (size_t i = 0; i < w->nquestions; i++) {
		const struct qa_item *q = &w->questions[i];

		json_array_append_new(
		    qs, json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "id",
				  (json_int_t)q->id, "kind", qa_kind_name(q->kind), "stage",
				  qa_stage_name(q->stage), "questioner", jstr(q->questioner),
				  "respondent", jstr(q->respondent), "content", jstr(q->content),
				  "answer", jstr(q->answer), "conclusion", jstr(q->conclusion)));
	}
	for (size_t i = 0; i < w->ncomments; i++) {
		const struct cmt_table *c = &w->comments[i];
		json_t *rows = json_array();

		for (size_t k = 0; rows && k < c->n; k++)
			json_array_append_new(
			    rows,
			    json_pack("{s:I, s:o, s:o, s:o, s:s, s:o}", "id",
				      (json_int_t)c->rows[k].id, "member", jstr(c->rows[k].member),
				      "paragraph", jstr(c->rows[k].paragraph), "content",
				      jstr(c->rows[k].content), "response",
				      cmt_resp_name(c->rows[k].response), "response_text",
				      jstr(c->rows[k].response_text)));
		json_array_append_new(cm, json_pack("{s:I, s:o, s:i, s:i, s:i, s:i, s:o}",
						    "document", (json_int_t)c->document_id, "title",
						    jstr(c->doc_title), "tiep_thu", c->n_tiep_thu,
						    "giai_trinh", c->n_giai_trinh, "khong_tiep_thu",
						    c->n_khong, "open", c->n_open, "rows",
						    rows ? rows : json_null()));
	}
	json_object_set_new(o, "conclusion_notices", notices);
	json_object_set_new(o, "tasks", tasks);
	json_object_set_new(o, "questions", qs);
	json_object_set_new(o, "minutes",
			    w->minutes
				? json_pack("{s:o, s:b, s:i, s:o}", "text", jstr(w->minutes->text),
					    "approved", w->minutes->approved, "revision",
					    w->minutes->revision, "approved_at",
					    jstr(w->minutes->approved_at))
				: json_null());
	json_object_set_new(o, "comments", cm);
	return 0;
}

json_t *ent_notice_task_json(int64_t notice_id, const struct notice_task *t)
{
	json_t *coords = json_array();

	for (size_t i = 0; coords && i < t->ncoords; i++)
		json_array_append_new(coords, json_integer(t->coord_ids[i]));
	return json_pack("{s:I, s:s, s:I, s:i, s:o, s:s, s:I, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)t->id, "type", "notice_task", "notice", (json_int_t)notice_id,
			 "position", t->position, "section", jstr(t->section), "content",
			 t->content, "lead_unit_id", (json_int_t)t->lead_unit_id, "lead",
			 jstr(t->lead_name), "coord_unit_ids", coords ? coords : json_null(),
			 "coords", jstr(t->coord_names), "deadline", jstr(t->deadline), "task",
			 t->task_id > 0 ? json_sprintf("/api/v1/tasks/%lld", (long long)t->task_id)
					: json_null());
}

/* The fields of every task object, in a list or alone, with its status st; the object is left open. */
static void task_base(struct jw *w, const struct read_task_row *t, enum task_status st)
{
	jw_raw(w, "{");
	jw_key(w, "id", true);
	jw_int(w, t->id);
	jw_raw(w, ",\"type\":\"task\"");
	jw_key(w, "content", false);
	jw_str(w, t->content);
	jw_key(w, "assigned_on", false);
	jw_str(w, t->assigned_on);
	jw_key(w, "deadline", false);
	jw_str(w, t->deadline_text);
	jw_key(w, "due", false);
	jw_str(w, t->due);
	jw_key(w, "status", false);
	jw_str(w, task_status_code(st));
	jw_key(w, "status_name", false);
	jw_str(w, task_status_name(st));
	jw_key(w, "completed_on", false);
	jw_str(w, t->completed_on);
	jw_key(w, "last_report_on", false);
	jw_str(w, t->last_report_on);
	jw_key(w, "lead", false);
	jw_str(w, t->lead);
	jw_key(w, "source_doc", false);
	jw_id(w, t->source_doc_id);
	jw_key(w, "source_session", false);
	jw_id(w, t->source_session_id);
	/* The links, written as they are: digits need no escaping. */
	jw_raw(w, ",\"self\":\"/api/v1/tasks/");
	jw_int(w, t->id);
	jw_raw(w, "\",\"reports\":\"/api/v1/tasks/");
	jw_int(w, t->id);
	jw_raw(w, "/reports\"");
}

void ent_task_write(struct jw *w, const struct read_task_row *t, const char *today)
{
	task_base(w, t, task_status_at(t->standing, t->due, t->completed_on, today));
	jw_raw(w, "}");
}

void ent_task_child_write(struct jw *w, const struct task_child *c)
{
	jw_raw(w, "{");
	jw_key(w, "id", true);
	jw_int(w, c->id);
	jw_key(w, "content", false);
	jw_str(w, c->content);
	jw_key(w, "body", false);
	jw_int(w, c->body_id);
	jw_key(w, "body_name", false);
	jw_str(w, c->body_name);
	jw_key(w, "lead", false);
	jw_str(w, c->lead);
	jw_key(w, "due", false);
	jw_str(w, c->due);
	jw_key(w, "status", false);
	jw_str(w, task_status_code(c->status));
	jw_key(w, "completed_on", false);
	jw_str(w, c->completed_on);
	jw_key(w, "percent", false);
	if (c->percent >= 0)
		jw_int(w, c->percent);
	else
		jw_raw(w, "null");
	jw_raw(w, "}");
}

void ent_task_full_write(struct jw *w, const struct task *t)
{
	struct buf lead = BUF_INIT(1 << 16);
	struct read_task_row row = {
	    .id = t->id,
	    .content = t->content,
	    .assigned_on = t->assigned_on,
	    .deadline_text = t->dl.words ? t->dl.words : t->deadline_event,
	    .due = t->due,
	    .completed_on = t->completed_on,
	    .last_report_on = t->last_report_on,
	    .source_doc_id = t->source_doc_id,
	    .source_session_id = t->source_session_id,
	    .body_id = t->body_id,
	};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < t->nunits; i++)
		if (t->units[i].lead)
			rc = buf_printf(&lead, "%s%s", lead.len ? "; " : "", t->units[i].name);
	if (rc < 0 && w->rc == 0)
		w->rc = rc;
	row.lead = lead.len ? buf_str(&lead) : NULL;
	task_base(w, &row, t->status);
	buf_free(&lead);
	jw_key(w, "source", false);
	jw_str(w, t->source_label);
	jw_key(w, "section", false);
	jw_str(w, t->section);
	jw_key(w, "deadline_kind", false);
	jw_str(w, task_deadline_kind_code(t->dl.kind));
	jw_key(w, "deadline_event", false);
	jw_str(w, t->deadline_event);
	jw_key(w, "cycle", false);
	jw_str(w, task_cycle_code(t->dl.cycle));
	jw_key(w, "report_to", false);
	jw_str(w, t->report_to);
	jw_key(w, "follower", false);
	jw_str(w, t->follower_name);
	jw_key(w, "parent", false);
	jw_id(w, t->parent_id);
	jw_key(w, "body", false);
	jw_id(w, t->body_id);
	jw_key(w, "lower_body", false);
	jw_id(w, t->lower_body_id);
	jw_key(w, "children", false);
	jw_raw(w, "[");
	for (size_t i = 0; i < t->nchildren; i++) {
		if (i)
			jw_raw(w, ",");
		ent_task_child_write(w, &t->children[i]);
	}
	jw_raw(w, "]");
	jw_key(w, "units", false);
	jw_raw(w, "[");
	for (size_t i = 0; i < t->nunits; i++) {
		jw_raw(w, i ? ",{" : "{");
		jw_key(w, "id", true);
		jw_int(w, t->units[i].id);
		jw_key(w, "name", false);
		jw_str(w, t->units[i].name);
		jw_key(w, "role", false);
		jw_str(w, t->units[i].lead ? "lead" : "coord");
		jw_raw(w, "}");
	}
	jw_raw(w, "]");
	jw_key(w, "events", false);
	jw_raw(w, "[");
	for (size_t i = 0; i < t->nevents; i++) {
		const struct task_event *ev = &t->events[i];

		jw_raw(w, i ? ",{" : "{");
		jw_key(w, "id", true);
		jw_int(w, ev->id);
		jw_key(w, "kind", false);
		jw_str(w, ev->kind);
		jw_key(w, "on_date", false);
		jw_str(w, ev->on_date);
		jw_key(w, "unit", false);
		jw_str(w, ev->unit);
		jw_key(w, "text", false);
		jw_str(w, ev->text);
		jw_key(w, "result", false);
		jw_str(w, ev->result);
		jw_key(w, "percent", false);
		if (ev->percent >= 0)
			jw_int(w, ev->percent);
		else
			jw_raw(w, "null");
		jw_key(w, "attachments", false);
		jw_raw(w, "[");
		for (size_t k = 0; k < ev->nattachments; k++) {
			if (k)
				jw_raw(w, ",");
			jw_str(w, ev->attachments[k]);
		}
		jw_raw(w, "]}");
	}
	jw_raw(w, "]");
	/* Only a task read with its timeline (task_get) knows how long it is. */
	if (t->events_total > 0) {
		jw_key(w, "events_count", false);
		jw_int(w, t->events_total);
	}
	if (t->events_total > 0 || t->children_more) {
		bool first = true;

		jw_raw(w, ",\"links\":{");
		if (t->events_total > 0) {
			jw_raw(w, "\"timeline\":\"/api/v1/tasks/");
			jw_int(w, t->id);
			jw_raw(w, "/timeline\"");
			first = false;
		}
		/* More sub-tasks than the object carries: the rest are paged there. */
		if (t->children_more) {
			jw_raw(w, first ? "\"children\":\"/api/v1/tasks/"
					: ",\"children\":\"/api/v1/tasks/");
			jw_int(w, t->id);
			jw_raw(w, "/children\"");
		}
		jw_raw(w, "}");
	}
	jw_raw(w, "}");
}

json_t *ent_task_full_json(const struct task *t)
{
	struct buf b = BUF_INIT(64u << 20);
	struct jw w = {&b, 0};
	json_t *j = NULL;

	ent_task_full_write(&w, t);
	if (w.rc == 0)
		j = json_loadb(b.data, b.len, 0, NULL);
	buf_free(&b);
	return j;
}

json_t *ent_task_counts_json(const struct task_counts *k)
{
	struct vn_dec rate;
	struct buf b = BUF_INIT(64);
	json_t *j;

	j = json_pack(
	    "{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "total", (json_int_t)k->total, "dung_han",
	    (json_int_t)k->n[TASK_DONE_ON_TIME], "tre_han", (json_int_t)k->n[TASK_DONE_LATE],
	    "trong_han", (json_int_t)k->n[TASK_OPEN_IN_TIME], "qua_han",
	    (json_int_t)k->n[TASK_OPEN_OVERDUE], "thuong_xuyen", (json_int_t)k->n[TASK_STANDING],
	    "due", (json_int_t)k->due, "due_done", (json_int_t)k->due_done);
	if (j && task_counts_rate(k, &rate) && vn_dec_format_plain(rate, &b) == 0)
		json_object_set_new(j, "rate", json_string(buf_str(&b)));
	else if (j)
		json_object_set_new(j, "rate", json_null());
	buf_free(&b);
	return j;
}

json_t *ent_ind_rollup_json(const struct ind_report_rollup *ru, size_t row)
{
	const struct ind_rollup_fig *f = &ru->fig[row];
	json_t *missing = json_array(), *value = json_null();
	struct buf b = BUF_INIT(64);

	for (size_t k = 0; k < ru->n_lower; k++)
		if (!ru->reported[row * ru->n_lower + k])
			json_array_append_new(missing, json_string(ru->lower[k].name));
	if (f->has_value && vn_dec_format_plain(f->value, &b) == 0) {
		json_decref(value);
		value = json_string(buf_str(&b));
	}
	buf_free(&b);
	return json_pack("{s:o, s:i, s:i, s:o}", "value", value, "reported", f->reported,
			 "expected", f->expected, "missing", missing);
}

json_t *ent_rollup_json(const struct read_rollup_row *r)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:i, s:o, s:o}", "body", (json_int_t)r->body_id,
			 "type", "taskRollup", "name", r->name, "parent", jid(r->parent_id),
			 "depth", r->depth, "own", ent_task_counts_json(r->own), "subtree",
			 ent_task_counts_json(r->subtree));
}

json_t *ent_event_json(const struct read_event *e)
{
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)e->id, "type", "taskReport", "task", (json_int_t)e->task_id,
			 "kind", jstr(e->kind), "on_date", jstr(e->on_date), "unit",
			 jid(e->unit_id), "unit_name", jstr(e->unit_name), "text", jstr(e->text),
			 "result", jstr(e->result), "percent",
			 e->percent >= 0 ? json_integer(e->percent) : json_null());
}

void ent_tomb_write(struct jw *w, const struct read_tomb *t)
{
	jw_raw(w, "{\"id\":");
	jw_int(w, t->id);
	jw_raw(w, ",\"deleted\":true,\"modified\":");
	jw_str(w, t->at);
	jw_raw(w, "}");
}

json_t *ent_tomb_json(const struct read_tomb *t)
{
	return json_pack("{s:I, s:b, s:o}", "id", (json_int_t)t->id, "deleted", 1, "modified",
			 jstr(t->at));
}

/* A stored JSON text as a value; withheld content as the words "nội dung mật". */
static json_t *content(const char *s, bool secret, bool had)
{
	json_t *j;

	if (secret)
		return had ? json_string("nội dung mật") : json_null();
	if (!s)
		return json_null();
	j = json_loads(s, JSON_DECODE_ANY, NULL);
	return j ? j : json_string(s);
}

json_t *ent_audit_json(const struct read_audit *a)
{
	return json_pack(
	    "{s:I, s:s, s:o, s:o, s:o, s:I, s:o, s:o, s:o, s:b}", "id", (json_int_t)a->id, "type",
	    "audit", "at", jstr(a->at), "actor", jstr(a->actor), "table", jstr(a->tbl), "row",
	    (json_int_t)a->row_id, "op", jstr(a->op), "before",
	    content(a->before, a->withheld, a->op && strcmp(a->op, "insert") != 0), "after",
	    content(a->after, a->withheld, a->op && strcmp(a->op, "delete") != 0), "withheld",
	    a->withheld);
}

json_t *ent_request_json(const struct req *r)
{
	json_t *o, *to, *missing;

	o = json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:s}", "id",
		      (json_int_t)r->id, "type", "request", "body_id", (json_int_t)r->body_id,
		      "body", jstr(r->body_name), "kind", jstr(r->kind), "period",
		      r->period && r->period[0] ? jstr(r->period) : json_null(), "due",
		      jstr(r->due), "note", jstr(r->note), "created", jstr(r->created_at),
		      "answered", (json_int_t)r->nanswered, "addressees_count", (json_int_t)r->nto,
		      "self", "");
	if (!o)
		return NULL;
	json_object_set_new(o, "self", json_sprintf("/api/v1/requests/%lld", (long long)r->id));
	if (!r->to)
		return o;
	to = json_array();
	missing = json_array();
	for (size_t i = 0; to && missing && i < r->nto; i++) {
		const struct req_to *t = &r->to[i];

		json_array_append_new(
		    to, json_pack("{s:I, s:o, s:b, s:o}", "body_id", (json_int_t)t->body_id, "body",
				  jstr(t->body_name), "answered", t->answered_at != NULL,
				  "answered_at", jstr(t->answered_at)));
		if (!t->answered_at)
			json_array_append_new(missing, jstr(t->body_name));
	}
	json_object_set_new(o, "addressees", to ? to : json_null());
	json_object_set_new(o, "missing", missing ? missing : json_null());
	return o;
}
