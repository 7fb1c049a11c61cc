/* read.c: the read side's lists and rows of the registry, sessions, documents, notices, search, audit. */
#include <string.h>
#include <time.h>

#include "core/accounts/account.h"
#include "core/read/read_int.h"
#include "core/sessionwork/sessionwork.h"

void read_today(char out[static 11])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *read_text(struct read_row *rr, int col)
{
	const char *s = db_col_text(rr->q, col);
	char *d;

	if (!s)
		return NULL;
	d = arena_strdup(rr->a, s);
	if (!d)
		rr->oom = true;
	return d;
}

int64_t read_int(struct read_row *rr, int col)
{
	return db_col_null(rr->q, col) ? 0 : db_col_int(rr->q, col);
}

void *read_push(struct arena *a, void *rows, size_t *n, size_t *cap, size_t elem)
{
	void **arr = rows;
	char *p;

	if (*n == *cap) {
		p = arena_grow(a, *arr, *n, cap, elem);
		if (!p)
			return NULL;
		*arr = p;
	}
	p = (char *)*arr + *n * elem;
	memset(p, 0, elem);
	(*n)++;
	return p;
}

int read_all(struct db_q *q, struct arena *a, void *rows, size_t *n, size_t elem,
	     void (*fn)(struct read_row *rr, void *row))
{
	struct read_row rr = {.q = q, .a = a};
	void *arr = NULL, *row;
	size_t cap = 0, cnt = 0;
	int rc;

	while ((rc = db_step(q)) == 1) {
		row = read_push(a, &arr, &cnt, &cap, elem);
		if (!row) {
			rc = ERR_NOMEM;
			break;
		}
		fn(&rr, row);
		if (rr.oom) {
			rc = ERR_NOMEM;
			break;
		}
	}
	db_done(q);
	if (rc < 0)
		return rc;
	*(void **)rows = arr;
	*n = cnt;
	return 0;
}

int read_one(struct db_q *q, struct arena *a, void *row, void (*fn)(struct read_row *rr, void *row))
{
	struct read_row rr = {.q = q, .a = a};
	int rc = db_step(q);

	if (rc == 1) {
		fn(&rr, row);
		rc = rr.oom ? ERR_NOMEM : 0;
	} else if (rc == 0) {
		rc = ERR_NOTFOUND;
	}
	db_done(q);
	return rc;
}

int read_page_list(struct db *db, enum db_stmt st, const struct account *acct,
		   const struct read_page *p, bool with_parent, struct arena *a, void *rows,
		   size_t *n, size_t elem, void (*fn)(struct read_row *rr, void *row))
{
	struct db_q *q;
	int rc = db_prepare(db, st, &q);

	if (rc < 0)
		return rc;
	rc = with_parent
		 ? db_bindv(q, "iiiti", acct->id, p->after, p->limit, p->since ? p->since : "",
			    p->parent)
		 : db_bindv(q, "iiit", acct->id, p->after, p->limit, p->since ? p->since : "");
	if (rc < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, rows, n, elem, fn);
}

int read_by_id(struct db *db, enum db_stmt st, const struct account *acct, int64_t id,
	       struct arena *a, void *row, void (*fn)(struct read_row *rr, void *row),
	       const char *what, struct err *e)
{
	struct db_q *q;
	int rc = db_prepare(db, st, &q);

	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", acct->id, id);
	if (rc < 0) {
		db_done(q);
		return rc;
	}
	rc = read_one(q, a, row, fn);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "Không có %s số %lld", what, (long long)id);
	return rc;
}

/* ---- tombstones ---- */

static const struct {
	const char *tbl, *parent_key;
} kinds[] = {
    [READ_BODY] = {"body", NULL},	  [READ_TERM] = {"term", "$.body_id"},
    [READ_SESSION] = {"session", NULL},	  [READ_AGENDA_ITEM] = {"agenda_item", "$.session_id"},
    [READ_DOCUMENT] = {"document", NULL}, [READ_NOTICE] = {"notice", "$.session_id"},
    [READ_TASK] = {"task", NULL},	  [READ_TASK_EVENT] = {"task_event", "$.task_id"},
    [READ_UNIT] = {"unit", "$.body_id"},  [READ_ORGAN] = {"organ", "$.body_id"},
    [READ_PERSON] = {"person", NULL},
};

static void tomb_row(struct read_row *rr, void *row)
{
	struct read_tomb *t = row;

	t->id = read_int(rr, 0);
	t->at = read_text(rr, 1);
}

int read_tombstones(struct db *db, enum read_kind kind, const struct read_page *p, struct arena *a,
		    struct read_tomb **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc;

	if (!p->since || !*p->since) {
		*ret = NULL;
		*ret_n = 0;
		return 0;
	}
	if (p->parent && kinds[kind].parent_key) {
		rc = db_prepare(db, SQL_WEB_TOMBSTONES_UNDER, &q);
		if (rc == 0 && (rc = db_bindv(q, "ttti", kinds[kind].tbl, p->since,
					      kinds[kind].parent_key, p->parent)) < 0)
			db_done(q);
	} else {
		rc = db_prepare(db, SQL_AUDIT_TOMBSTONES, &q);
		if (rc == 0 && (rc = db_bindv(q, "tt", kinds[kind].tbl, p->since)) < 0)
			db_done(q);
	}
	if (rc < 0)
		return rc;
	return read_all(q, a, ret, ret_n, sizeof(**ret), tomb_row);
}

/* ---- bodies and terms ---- */

/* SQL_WEB_BODIES / SQL_WEB_BODY: id, parent, level, kind, name, code, place, end, successor. */
static void body_row(struct read_row *rr, void *row)
{
	struct read_body *b = row;

	b->id = read_int(rr, 0);
	b->parent_id = read_int(rr, 1);
	b->level = read_text(rr, 2);
	b->kind = read_text(rr, 3);
	b->name = read_text(rr, 4);
	b->code = read_text(rr, 5);
	b->place = read_text(rr, 6);
	b->active_to = read_text(rr, 7);
	b->successor_id = read_int(rr, 8);
}

int read_bodies(struct db *db, const struct account *acct, const struct read_page *p,
		struct arena *a, struct read_body **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_BODIES, acct, p, false, a, ret, ret_n, sizeof(**ret),
			      body_row);
}

int read_body(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_body *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_BODY, acct, id, a, ret, body_row, "cơ quan", e);
}

int read_body_name(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		   const char **ret, struct err *e)
{
	struct read_body b;
	int rc = read_body(db, acct, id, a, &b, e);

	if (rc == 0)
		*ret = b.name ? b.name : "";
	return rc;
}

/* SQL_WEB_TERMS / SQL_WEB_TERM: id, body, body name, name, years, dates. */
static void term_row(struct read_row *rr, void *row)
{
	struct read_term *t = row;

	t->id = read_int(rr, 0);
	t->body_id = read_int(rr, 1);
	t->body_name = read_text(rr, 2);
	t->name = read_text(rr, 3);
	t->year_from = read_int(rr, 4);
	t->year_to = read_int(rr, 5);
	t->start_date = read_text(rr, 6);
	t->end_date = read_text(rr, 7);
}

int read_terms(struct db *db, const struct account *acct, const struct read_page *p,
	       struct arena *a, struct read_term **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_TERMS, acct, p, true, a, ret, ret_n, sizeof(**ret),
			      term_row);
}

int read_term(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_term *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_TERM, acct, id, a, ret, term_row, "nhiệm kỳ", e);
}

/* ---- units and organs ---- */

/* SQL_WEB_UNITS: id, body, kind, name, organ, lower body, email. */
static void unit_row(struct read_row *rr, void *row)
{
	struct read_unit *u = row;

	u->id = read_int(rr, 0);
	u->body_id = read_int(rr, 1);
	u->kind = read_text(rr, 2);
	u->name = read_text(rr, 3);
	u->organ_id = read_int(rr, 4);
	u->lower_body_id = read_int(rr, 5);
	u->email = read_text(rr, 6);
}

int read_units(struct db *db, const struct account *acct, const struct read_page *p,
	       struct arena *a, struct read_unit **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_UNITS, acct, p, true, a, ret, ret_n, sizeof(**ret),
			      unit_row);
}

int read_unit(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_unit *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_UNIT, acct, id, a, ret, unit_row, "đơn vị", e);
}

/* SQL_WEB_ORGANS: id, body, kind, name, code. */
static void organ_row(struct read_row *rr, void *row)
{
	struct read_organ *o = row;

	o->id = read_int(rr, 0);
	o->body_id = read_int(rr, 1);
	o->kind = read_text(rr, 2);
	o->name = read_text(rr, 3);
	o->code = read_text(rr, 4);
}

int read_organs(struct db *db, const struct account *acct, const struct read_page *p,
		struct arena *a, struct read_organ **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_ORGANS, acct, p, true, a, ret, ret_n, sizeof(**ret),
			      organ_row);
}

int read_organ(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	       struct read_organ *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_ORGAN, acct, id, a, ret, organ_row, "tổ chức họp", e);
}

/* ---- sessions ---- */

/* SQL_WEB_SESSIONS: id, number, kind, date, place, status, organ, body, term, body, organ, term ids. */
static void session_row(struct read_row *rr, void *row)
{
	struct read_session *s = row;

	s->id = read_int(rr, 0);
	s->number = read_int(rr, 1);
	s->kind = read_text(rr, 2);
	s->date = read_text(rr, 3);
	s->place = read_text(rr, 4);
	s->status = read_text(rr, 5);
	s->organ = read_text(rr, 6);
	s->body = read_text(rr, 7);
	s->term = read_text(rr, 8);
}

static void session_list_row(struct read_row *rr, void *row)
{
	struct read_session *s = row;

	session_row(rr, row);
	s->body_id = read_int(rr, 9);
	s->organ_id = read_int(rr, 10);
	s->term_id = read_int(rr, 11);
	s->start_time = read_text(rr, 12);
}

/* SQL_WEB_SESSION: the list's first ten columns, basis, the term's years, start time, organ and term ids. */
static void session_one_row(struct read_row *rr, void *row)
{
	struct read_session *s = row;

	session_row(rr, row);
	s->body_id = read_int(rr, 9);
	s->basis = read_text(rr, 10);
	s->year_from = read_int(rr, 11);
	s->year_to = read_int(rr, 12);
	s->start_time = read_text(rr, 13);
	s->organ_id = read_int(rr, 14);
	s->term_id = read_int(rr, 15);
}

/* SQL_WEB_SESSIONS_NEXT: id, number, date, organ, body. */
static void session_next_row(struct read_row *rr, void *row)
{
	struct read_session *s = row;

	s->id = read_int(rr, 0);
	s->number = read_int(rr, 1);
	s->date = read_text(rr, 2);
	s->organ = read_text(rr, 3);
	s->body = read_text(rr, 4);
}

int read_sessions(struct db *db, const struct account *acct, const struct read_page *p,
		  struct arena *a, struct read_session **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_SESSIONS, acct, p, false, a, ret, ret_n, sizeof(**ret),
			      session_list_row);
}

int read_sessions_recent(struct db *db, const struct account *acct, int64_t limit, struct arena *a,
			 struct read_session **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_SESSIONS_RECENT, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "ii", acct->id, limit)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), session_row);
}

int read_sessions_next(struct db *db, const struct account *acct, const char *today,
		       struct arena *a, struct read_session **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_SESSIONS_NEXT, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "it", acct->id, today)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), session_next_row);
}

int read_session(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		 struct read_session *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_SESSION, acct, id, a, ret, session_one_row, "phiên họp", e);
}

/* Binds (account, id) to st and reads every row with fn. */
static int read_under(struct db *db, enum db_stmt st, const struct account *acct, int64_t id,
		      struct arena *a, void *rows, size_t *n, size_t elem,
		      void (*fn)(struct read_row *rr, void *row))
{
	struct db_q *q;
	int rc = db_prepare(db, st, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "ii", acct->id, id)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, rows, n, elem, fn);
}

/* SQL_WEB_AGENDA: id, position, kind, title, outcome, presenter, document, symbol, visible. */
static void agenda_line_row(struct read_row *rr, void *row)
{
	struct read_agenda_line *l = row;

	l->id = read_int(rr, 0);
	l->position = read_int(rr, 1);
	l->doc_kind = read_text(rr, 2);
	l->title = read_text(rr, 3);
	l->outcome = read_text(rr, 4);
	l->presenter = read_text(rr, 5);
	l->document_id = read_int(rr, 6);
	l->doc_visible = read_int(rr, 8) != 0;
	l->doc_symbol = l->doc_visible ? read_text(rr, 7) : NULL;
}

int read_session_agenda(struct db *db, const struct account *acct, int64_t session_id,
			struct arena *a, struct read_agenda_line **ret, size_t *ret_n)
{
	return read_under(db, SQL_WEB_AGENDA, acct, session_id, a, ret, ret_n, sizeof(**ret),
			  agenda_line_row);
}

static void notice_line_row(struct read_row *rr, void *row)
{
	struct read_notice_line *l = row;

	l->id = read_int(rr, 0);
	l->symbol = read_text(rr, 1);
	l->status = read_text(rr, 2);
}

int read_session_notices(struct db *db, const struct account *acct, int64_t session_id,
			 struct arena *a, struct read_notice_line **ret, size_t *ret_n)
{
	return read_under(db, SQL_WEB_SESSION_NOTICES, acct, session_id, a, ret, ret_n,
			  sizeof(**ret), notice_line_row);
}

static void id_row(struct read_row *rr, void *row)
{
	*(int64_t *)row = read_int(rr, 0);
}

int read_session_comment_docs(struct db *db, const struct account *acct, int64_t session_id,
			      size_t max, struct arena *a, int64_t **ret, size_t *ret_n)
{
	int rc = read_under(db, SQL_WEB_SESSION_COMMENT_DOCS, acct, session_id, a, ret, ret_n,
			    sizeof(**ret), id_row);

	if (rc == 0 && *ret_n > max)
		*ret_n = max;
	return rc;
}

/* SQL_WEB_SESSION_COMMENTS: id, document (id, kind, title), member, paragraph, content, response, its text. */
static void comment_row(struct read_row *rr, void *row)
{
	struct read_comment *c = row;
	int resp;

	c->id = read_int(rr, 0);
	c->doc_id = read_int(rr, 1);
	c->doc_kind = read_text(rr, 2);
	c->doc_title = read_text(rr, 3);
	c->member = read_text(rr, 4);
	c->paragraph = read_text(rr, 5);
	c->content = read_text(rr, 6);
	resp = cmt_resp_parse(read_text(rr, 7));
	c->response = resp < 0 ? CMT_OPEN : resp;
	c->response_text = read_text(rr, 8);
}

int read_session_comments(struct db *db, const struct account *acct, int64_t session_id,
			  const struct read_page *p, struct arena *a, struct read_comment **ret,
			  size_t *ret_n)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_SESSION_COMMENTS, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "iiii", acct->id, session_id, p->after, p->limit)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), comment_row);
}

int read_session_comment_count(struct db *db, const struct account *acct, int64_t session_id,
			       int64_t *ret)
{
	return db_query_int(db, SQL_WEB_SESSION_COMMENT_COUNT, ret, "ii", acct->id, session_id);
}

/* ---- agenda items ---- */

/* WEB_AGENDA_COLS: id, session (id, number, date), position, kind, title, outcome, presenter, document (id, symbol, title, type). */
static void agenda_item_row(struct read_row *rr, void *row)
{
	struct read_agenda_item *i = row;

	i->id = read_int(rr, 0);
	i->session_id = read_int(rr, 1);
	i->session_number = read_int(rr, 2);
	i->session_date = read_text(rr, 3);
	i->position = read_int(rr, 4);
	i->doc_kind = read_text(rr, 5);
	i->title = read_text(rr, 6);
	i->outcome = read_text(rr, 7);
	i->presenter = read_text(rr, 8);
	i->doc_id = read_int(rr, 9);
	if (i->doc_id) {
		i->doc_symbol = read_text(rr, 10);
		i->doc_title = read_text(rr, 11);
		i->doc_type = read_text(rr, 12);
	}
}

int read_agenda_items(struct db *db, const struct account *acct, const struct read_page *p,
		      struct arena *a, struct read_agenda_item **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_AGENDA_ITEMS, acct, p, true, a, ret, ret_n, sizeof(**ret),
			      agenda_item_row);
}

int read_agenda_item(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		     struct read_agenda_item *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_AGENDA_ITEM, acct, id, a, ret, agenda_item_row,
			  "nội dung phiên họp", e);
}

/* ---- documents ---- */

/* SQL_WEB_DOCUMENTS: id, type code, type name, symbol, date, title, confidentiality, status, updated, body. */
static void document_row(struct read_row *rr, void *row)
{
	struct read_document *d = row;

	d->id = read_int(rr, 0);
	d->type_code = read_text(rr, 1);
	d->type_name = read_text(rr, 2);
	d->symbol = read_text(rr, 3);
	d->date = read_text(rr, 4);
	d->title = read_text(rr, 5);
	d->confidentiality = read_text(rr, 6);
	d->status = read_text(rr, 7);
	d->updated_at = read_text(rr, 8);
	d->body_id = read_int(rr, 9);
}

/* SQL_WEB_DOCUMENT: the list's columns, then the text and the issuer. */
static void document_one_row(struct read_row *rr, void *row)
{
	struct read_document *d = row;

	document_row(rr, row);
	d->text = read_text(rr, 10);
	d->issuer_code = read_text(rr, 11);
}

int read_documents(struct db *db, const struct account *acct, const struct read_page *p,
		   struct arena *a, struct read_document **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_DOCUMENTS, acct, p, false, a, ret, ret_n, sizeof(**ret),
			      document_row);
}

int read_document(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		  struct read_document *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_DOCUMENT, acct, id, a, ret, document_one_row, "văn bản", e);
}

static void doc_link_row(struct read_row *rr, void *row)
{
	struct read_doc_link *l = row;

	l->id = read_int(rr, 0);
	l->symbol = read_text(rr, 1);
	l->date = read_text(rr, 2);
	l->title = read_text(rr, 3);
}

int read_doc_refs(struct db *db, const struct account *acct, int64_t id, bool out, struct arena *a,
		  struct read_doc_link **ret, size_t *ret_n)
{
	return read_under(db, out ? SQL_WEB_DOC_REFS_OUT : SQL_WEB_DOC_REFS_IN, acct, id, a, ret,
			  ret_n, sizeof(**ret), doc_link_row);
}

/* ---- notices ---- */

/* WEB_NOTICE_COLS: id, session (id, number, date), body, body name, term, status, version, number, symbol, issue date, corrects, created, issued. */
static void notice_row(struct read_row *rr, void *row)
{
	struct read_notice *n = row;

	n->id = read_int(rr, 0);
	n->session_id = read_int(rr, 1);
	n->session_number = read_int(rr, 2);
	n->session_date = read_text(rr, 3);
	n->body_id = read_int(rr, 4);
	n->body_name = read_text(rr, 5);
	n->term_id = read_int(rr, 6);
	n->status = read_text(rr, 7);
	n->version = read_int(rr, 8);
	n->number = read_int(rr, 9);
	n->symbol = read_text(rr, 10);
	n->issue_date = read_text(rr, 11);
	n->corrects_id = read_int(rr, 12);
	n->created_at = read_text(rr, 13);
	n->issued_at = read_text(rr, 14);
}

int read_notices(struct db *db, const struct account *acct, const struct read_page *p,
		 struct arena *a, struct read_notice **ret, size_t *ret_n)
{
	return read_page_list(db, SQL_WEB_NOTICES, acct, p, true, a, ret, ret_n, sizeof(**ret),
			      notice_row);
}

int read_notice(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		struct read_notice *ret, struct err *e)
{
	return read_by_id(db, SQL_WEB_NOTICE, acct, id, a, ret, notice_row, "thông báo", e);
}

bool read_notice_visible(struct db *db, const struct account *acct, int64_t id, int64_t body_id)
{
	int64_t one;

	if (body_id && !account_sees_body(db, acct, body_id))
		return false;
	return acct->cleared ||
	       db_query_int(db, SQL_WEB_NOTICE_SECRET, &one, "i", id) == ERR_NOTFOUND;
}

static int approval_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct read_approval *o = row;

	(void)ctx;
	o->notice_id = db_col_int(q, 0);
	o->session_id = db_col_int(q, 1);
	o->session_number = db_col_int(q, 2);
	o->session_date = db_col_strdup(q, 3, a);
	o->body_name = db_col_strdup(q, 4, a);
	o->step = db_col_strdup(q, 5, a);
	o->comment = db_col_strdup(q, 6, a);
	o->actor = db_col_strdup(q, 7, a);
	o->at = db_col_strdup(q, 8, a);
	o->submitted_by = db_col_strdup(q, 9, a);
	o->submitted_at = db_col_strdup(q, 10, a);
	return o->step && o->comment && o->actor && o->at && o->submitted_by && o->submitted_at
		   ? 0
		   : ERR_NOMEM;
}

int read_approvals(struct db *db, const struct account *acct, bool waiting, int64_t limit,
		   struct arena *a, struct read_approval **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	void *rows = NULL;
	int r;

	r = db_query(db, SQL_WEB_APPROVALS, &q, "iii", acct->id, (int64_t)waiting, limit);
	if (r == 0)
		r = db_list(q, a, sizeof(struct read_approval), approval_row, NULL, &rows, ret_n);
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh sách trình ký");
	*ret = rows;
	return 0;
}

int read_approvals_waiting(struct db *db, const struct account *acct, int64_t *ret_n)
{
	return db_query_int(db, SQL_WEB_APPROVALS_WAITING, ret_n, "i", acct->id);
}

/* ---- the dashboard, search, the audit log ---- */

int read_counts(struct db *db, const struct account *acct, struct read_counts *ret)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_COUNTS, &q);

	if (rc < 0)
		return rc;
	rc = db_bindv(q, "i", acct->id);
	if (rc == 0 && (rc = db_step(q)) == 1) {
		ret->sessions = db_col_int(q, 0);
		ret->documents = db_col_int(q, 1);
		ret->bodies = db_col_int(q, 2);
		rc = 0;
	} else if (rc == 0) {
		*ret = (struct read_counts){0};
	}
	db_done(q);
	return rc;
}

static void hit_row(struct read_row *rr, void *row)
{
	struct read_hit *h = row;

	h->kind = read_text(rr, 0);
	h->ref = read_int(rr, 1);
	h->title = read_text(rr, 2);
	h->snippet = read_text(rr, 3);
}

int read_search(struct db *db, const struct account *acct, const char *fts, int64_t limit,
		struct arena *a, struct read_hit **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_SEARCH, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "itii", acct->id, fts, limit, (int64_t)READ_SEARCH_CANDIDATES)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), hit_row);
}

/* SQL_WEB_AUDIT_PAGE / _LIST: id, at, actor, table, row, op, before, after, withheld. */
static void audit_row(struct read_row *rr, void *row)
{
	struct read_audit *e = row;

	e->id = read_int(rr, 0);
	e->at = read_text(rr, 1);
	e->actor = read_text(rr, 2);
	e->tbl = read_text(rr, 3);
	e->row_id = read_int(rr, 4);
	e->op = read_text(rr, 5);
	e->before = read_text(rr, 6);
	e->after = read_text(rr, 7);
	e->withheld = read_int(rr, 8) != 0;
}

int read_audit(struct db *db, const struct account *acct, int64_t cursor, bool newest_first,
	       int64_t limit, struct arena *a, struct read_audit **ret, size_t *ret_n,
	       int64_t *ret_top)
{
	int64_t top = 0;
	struct db_q *q;
	int rc = db_query_int(db, SQL_AUDIT_TOP, &top, "");

	if (rc < 0)
		return rc;
	if (newest_first && (cursor <= 0 || cursor > top + 1))
		cursor = top + 1;
	rc = db_prepare(db, newest_first ? SQL_WEB_AUDIT_PAGE : SQL_WEB_AUDIT_LIST, &q);
	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "iiii", acct->id, cursor, limit, (int64_t)READ_AUDIT_WINDOW)) < 0) {
		db_done(q);
		return rc;
	}
	rc = read_all(q, a, ret, ret_n, sizeof(**ret), audit_row);
	if (rc == 0)
		*ret_top = top;
	return rc;
}
