/* notice.c: conclusion notices in the store: drafts, binding to the session's data, issuing, corrections, deliveries. */
#include "core/notice/notice.h"
#include "core/notice/notice_approval.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/registry/docnum.h"
#include "core/notice/notice_src.h"
#include "core/registry/registry.h"
#include "core/notice/fmt.h"
#include "vn/text.h"

static void row_read(struct db_q *q, struct arena *a, struct notice_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = db_col_int(q, 0);
	r->body_id = db_col_int(q, 1);
	r->session_id = db_col_int(q, 2);
	r->corrects_id = db_col_int(q, 3);
	r->version = (int)db_col_int(q, 4);
	r->status = db_col_strdup(q, 5, a);
	r->symbol = db_col_strdup(q, 6, a);
	r->issue_date = db_col_strdup(q, 7, a);
	r->tmpl = db_col_strdup(q, 8, a);
	r->profile = db_col_strdup(q, 9, a);
	r->period = db_col_strdup(q, 10, a);
	r->sig_authority = db_col_strdup(q, 11, a);
	r->sig_position = db_col_strdup(q, 12, a);
	r->sig_name = db_col_strdup(q, 13, a);
	r->issued_at = db_col_strdup(q, 14, a);
	r->term_id = db_col_int(q, 15);
	r->source_tmpl = db_col_strdup(q, 16, a);
}

/* The @summary head line's text, unexpanded and on one line, as a short title for lists. */
static const char *summary_of(struct arena *a, const char *tmpl)
{
	const char *s = tmpl ? strstr(tmpl, "@summary ") : NULL;
	char *r, *w;

	if (!s)
		return "";
	s += 9;
	r = arena_strdup(a, s);
	if (!r)
		return "";
	for (w = r; *w; w++) {
		if (w[0] == '\\' && w[1] == '\n') {
			w[0] = ' ';
			memmove(w + 1, w + 2, strlen(w + 2) + 1);
		} else if (*w == '\n') {
			*w = '\0';
			break;
		}
	}
	return r;
}

static const char *bound_summary(struct db *db, const struct notice_row *row, struct arena *a);

int notice_list(struct db *db, struct arena *a, struct notice_row **ret, size_t *ret_n,
		struct err *e)
{
	struct notice_row *rows = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	while ((r = db_step(q)) > 0) {
		if (arena_reserve(a, &rows, n, &cap, sizeof(*rows)) < 0) {
			db_done(q);
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		}
		row_read(q, a, &rows[n]);
		rows[n].title = summary_of(a, rows[n].tmpl);
		n++;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	for (size_t i = 0; i < n; i++)
		rows[i].title = bound_summary(db, &rows[i], a);
	*ret = rows;
	*ret_n = n;
	return 0;
}

int notice_get(struct db *db, int64_t id, struct arena *a, struct notice_row *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bindv(q, "i", id);
	if (r >= 0)
		r = db_step(q);
	if (r > 0) {
		row_read(q, a, ret);
		ret->title = summary_of(a, ret->tmpl);
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có thông báo số %lld", (long long)id);
	return 0;
}

static int insert(struct db *db, int64_t body_id, int64_t session_id, const char *tmpl, int version,
		  int64_t corrects_id, const char *profile, int64_t *ret_id, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_INSERT, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bind_int(q, 1, body_id);
	if (r >= 0)
		r = session_id > 0 ? db_bind_int(q, 2, session_id) : db_bind_null(q, 2);
	if (r >= 0)
		r = db_bind_int(q, 3, session_id);
	if (r >= 0)
		r = db_bind_text(q, 4, tmpl);
	if (r >= 0)
		r = db_bind_int(q, 5, version);
	if (r >= 0)
		r = corrects_id > 0 ? db_bind_int(q, 6, corrects_id) : db_bind_null(q, 6);
	if (r >= 0)
		r = db_bind_text(q, 7, profile ? profile : "party-2018");
	if (r >= 0)
		r = db_step(q);
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	*ret_id = db_last_id(db);
	return 0;
}

char *notice_head_value(const char *tmpl, const char *name, char *out, size_t n)
{
	size_t nl = strlen(name);

	/* the head runs to the first blank line */
	for (const char *s = tmpl; s && *s && *s != '\n';) {
		const char *end = strchr(s, '\n');

		if (*s == '@' && strncmp(s + 1, name, nl) == 0 && s[1 + nl] == ' ') {
			const char *v = s + 2 + nl;
			size_t l = end ? (size_t)(end - v) : strlen(v);

			while (l && (v[l - 1] == ' ' || v[l - 1] == '\r'))
				l--;
			snprintf(out, n, "%.*s", (int)l, v);
			return out;
		}
		s = end ? end + 1 : NULL;
	}
	return NULL;
}

/* Text entering the store is NFC; a template that is not UTF-8 is refused. */
static int nfc(const char *tmpl, struct buf *out, struct err *e)
{
	int r = vn_nfc(tmpl, strlen(tmpl), out, e);

	if (r == ERR_INVAL)
		return err_set(e, r, "mẫu thông báo không phải UTF-8: %s", e ? e->msg : "");
	return r < 0 ? err_set(e, r, "mẫu thông báo quá lớn") : 0;
}

int notice_create(struct db *db, int64_t body_id, int64_t session_id, const char *tmpl,
		  int64_t *ret_id, struct err *e)
{
	struct buf t = BUF_INIT(4u << 20);
	char profile[32];
	int r;

	r = nfc(tmpl, &t, e);
	if (r == 0)
		r = insert(db, body_id, session_id, buf_str(&t), 1, 0,
			   notice_head_value(buf_str(&t), "profile", profile, sizeof(profile)),
			   ret_id, e);
	buf_free(&t);
	return r;
}

static int notice_set_template_tx(struct db *db, int64_t id, const char *tmpl, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct notice_row row;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_get(db, id, a, &row, e);
	if (r == 0 && strcmp(row.status, "draft") != 0)
		r = err_set(e, ERR_LOCKED,
			    "thông báo %lld đã ban hành (%s): không sửa được; dùng đính chính",
			    (long long)id, row.symbol ? row.symbol : "");
	if (r == 0) {
		struct buf t = BUF_INIT(4u << 20);

		r = nfc(tmpl, &t, e);
		if (r == 0) {
			r = db_exec(db, SQL_NOTICE_SET_TEMPLATE, "ti", buf_str(&t), id);
			if (r < 0)
				r = db_err(db, e, r, "thông báo kết luận");
		}
		buf_free(&t);
	}
	arena_free(a);
	return r;
}

int notice_set_template(struct db *db, int64_t id, const char *tmpl, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, notice_set_template_tx(db, id, tmpl, e), e);
}

/* ---- the context: the store's data a template binds to ---- */

static int load_session(struct db *db, int64_t session_id, struct arena *a, struct notice_ctx *c,
			struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_CTX_SESSION, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bindv(q, "i", session_id);
	if (r >= 0)
		r = db_step(q);
	if (r > 0) {
		const char *date = db_col_text(q, 1);

		c->session_number = arena_printf(a, "%lld", (long long)db_col_int(q, 0));
		if (date)
			vn_date_parse(date, strlen(date), 0, &c->session_date, NULL);
		c->organ = db_col_strdup(q, 2, a);
		c->term_name = db_col_strdup(q, 3, a);
		c->term = arena_printf(a, "khóa %s, nhiệm kỳ %lld-%lld", db_col_text(q, 3),
				       (long long)db_col_int(q, 4), (long long)db_col_int(q, 5));
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có phiên họp %lld", (long long)session_id);
	/* the agenda, with each item's vote */
	{
		const char **titles = NULL;
		struct notice_item *items = NULL;
		size_t n = 0, cap = 0, icap = 0;

		r = db_query(db, SQL_NOTICE_CTX_AGENDA, &q, "i", session_id);
		if (r < 0)
			return db_err(db, e, r, "thông báo kết luận");
		while ((r = db_step(q)) > 0) {
			if (arena_reserve(a, &titles, n, &cap, sizeof(*titles)) < 0 ||
			    arena_reserve(a, &items, n, &icap, sizeof(*items)) < 0) {
				r = ERR_NOMEM;
				break;
			}
			titles[n] = arena_printf(a, "%s %s", db_col_text(q, 0), db_col_text(q, 1));
			items[n] = (struct notice_item){.title = titles[n],
							.voted = db_col_int(q, 2) != 0,
							.passed = db_col_int(q, 3) != 0,
							.n_for = (int)db_col_int(q, 4),
							.members = (int)db_col_int(q, 5)};
			n++;
		}
		db_done(q);
		if (r < 0)
			return db_err(db, e, r, "thông báo kết luận");
		c->agenda = titles;
		c->items = items;
		c->nagenda = c->nitems = n;
	}
	return 0;
}

const char *notice_upper(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT(4096);
	const char *r = NULL;

	if (s && vn_upper(s, strlen(s), &b) == 0)
		r = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return r ? r : s;
}

/*
 * The superior body's line of the header: a Party committee writes the
 * Party organisation of the level above ("ĐẢNG BỘ TỈNH BẮC GIANG"); a
 * People's Committee under another writes that one's name in capitals.
 */
static const char *superior_line(struct arena *a, struct db_q *q)
{
	const char *name = db_col_text(q, 3), *level = db_col_text(q, 4);
	const char *place = db_col_text(q, 5), *kind = db_col_text(q, 6);
	const char *own = db_col_text(q, 7);

	/* a People's Committee under a Party committee names no superior line, and vice versa */
	if (!name || !kind || !own || strcmp(kind, own) != 0)
		return NULL;
	if (kind && strcmp(kind, "party") == 0 && place && level) {
		const char *lv = strcmp(level, "tinh") == 0    ? "tỉnh "
				 : strcmp(level, "huyen") == 0 ? "huyện "
				 : strcmp(level, "xa") == 0    ? "xã "
							       : "";
		return notice_upper(a, arena_printf(a, "Đảng bộ %s%s", lv, place));
	}
	return notice_upper(a, name);
}

static int load_body(struct db *db, int64_t body_id, struct arena *a, struct notice_ctx *c,
		     struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_CTX_BODY, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bindv(q, "i", body_id);
	if (r >= 0)
		r = db_step(q);
	if (r > 0) {
		c->body_name = db_col_strdup(q, 0, a);
		c->body_code = db_col_strdup(q, 1, a);
		c->place = db_col_strdup(q, 2, a);
		c->issuer = notice_upper(a, c->body_name);
		c->superior = superior_line(a, q);
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có cơ quan ban hành %lld",
			       (long long)body_id);
	return 0;
}

/* Members of a recipient group, in order; emails in ret_emails (NULL for paper). */
static int load_recipients(struct db *db, int64_t body_id, const char *group, struct arena *a,
			   const char ***ret, const char ***ret_emails, size_t *ret_n,
			   struct err *e)
{
	const char **labels = NULL, **emails = NULL;
	size_t n = 0, cap = 0, ecap = 0;
	struct db_q *q;
	int r;

	*ret_n = 0;
	r = db_prepare(db, SQL_NOTICE_CTX_RECIPIENTS, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bindv(q, "it", body_id, group);
	while (r >= 0 && (r = db_step(q)) > 0) {
		if (arena_reserve(a, &labels, n, &cap, sizeof(*labels)) < 0 ||
		    arena_reserve(a, &emails, n, &ecap, sizeof(*emails)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		labels[n] = db_col_strdup(q, 0, a);
		emails[n] = db_col_strdup(q, 1, a);
		n++;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	*ret = labels;
	if (ret_emails)
		*ret_emails = emails;
	*ret_n = n;
	return 0;
}

/* The notice's task rows as {{tasks}} prints them. */
static int load_tasks(struct db *db, int64_t id, struct arena *a, struct notice_ctx *c,
		      struct err *e)
{
	struct notice_task *t;
	struct notice_task_line *lines;
	size_t n;
	int r = notice_tasks(db, id, a, &t, &n, e);

	if (r < 0 || n == 0)
		return r;
	lines = arena_alloc(a, sizeof(*lines) * n);
	if (!lines)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < n; i++) {
		lines[i].section = t[i].section;
		if (notice_task_line(&t[i], a, &lines[i].text) < 0)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	c->tasks = lines;
	c->ntasks = n;
	return 0;
}

struct loaded {
	struct notice_ctx ctx;
	struct fmt_profile profile;
	const char **emails;
	struct notice_src_state src;
};

static int load_ctx(struct db *db, const struct notice_row *row, struct arena *a, struct loaded *L,
		    struct err *e)
{
	char group[64], profile[32];
	const char *const *recips = NULL;
	int r;

	memset(&L->ctx, 0, sizeof(L->ctx));
	r = load_body(db, row->body_id, a, &L->ctx, e);
	if (r == 0 && row->session_id > 0)
		r = load_session(db, row->session_id, a, &L->ctx, e);
	if (r < 0)
		return r;
	r = fmt_profile_load(db,
			     notice_head_value(row->tmpl, "profile", profile, sizeof(profile))
				 ? profile
				 : row->profile,
			     &L->profile, e);
	if (r < 0)
		return r;
	L->ctx.family = L->profile.family;
	L->ctx.sign_forms = L->profile.sign_forms;
	if (row->issue_date)
		vn_date_parse(row->issue_date, strlen(row->issue_date), 0, &L->ctx.issue_date,
			      NULL);
	L->ctx.symbol = row->symbol;
	L->ctx.period = row->period;
	if (notice_head_value(row->tmpl, "recipients", group, sizeof(group)) &&
	    strcmp(group, "-") != 0) {
		r = load_recipients(db, row->body_id, group, a, (const char ***)&recips, &L->emails,
				    &L->ctx.nrecipients, e);
		if (r < 0)
			return r;
		L->ctx.recipients = recips;
	}
	if (row->sig_name) {
		L->ctx.sig_name = row->sig_name;
		L->ctx.sig_position = row->sig_position;
	}
	r = notice_src_attach(db, row->body_id, row->session_id, a, &L->src, &L->ctx, e);
	if (r < 0)
		return r;
	return load_tasks(db, row->id, a, &L->ctx, e);
}

/* The summary line with the session's data filled in (figures are not looked up), one line. */
static const char *bound_summary(struct db *db, const struct notice_row *row, struct arena *a)
{
	struct notice_ctx c = {0};
	struct notice_doc d;
	char *t;

	if (load_body(db, row->body_id, a, &c, NULL) < 0 ||
	    (row->session_id > 0 && load_session(db, row->session_id, a, &c, NULL) < 0) ||
	    notice_bind(row->tmpl, &c, a, &d, NULL) < 0 || !d.summary)
		return row->title;
	t = arena_strdup(a, d.summary);
	for (char *p = t; p && *p; p++)
		if (*p == '\n')
			*p = ' ';
	return t ? t : row->title;
}

int notice_load(struct db *db, int64_t id, struct arena *a, struct notice_row *ret_row,
		struct notice_doc *ret_doc, struct err *e)
{
	struct loaded *L = arena_alloc(a, sizeof(*L));
	struct notice_row row;
	int r;

	if (!L)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_get(db, id, a, &row, e);
	if (r < 0)
		return r;
	r = load_ctx(db, &row, a, L, e);
	if (r < 0)
		return r;
	r = notice_bind(row.tmpl, &L->ctx, a, ret_doc, e);
	if (r < 0)
		return r;
	/* once issued, the signer is the one fixed at issuing */
	if (row.sig_authority)
		ret_doc->sig_authority = row.sig_authority;
	ret_doc->profile_data = arena_alloc(a, sizeof(struct fmt_profile));
	if (!ret_doc->profile_data)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	*ret_doc->profile_data = L->profile;
	ret_doc->issued_at = row.issued_at;
	if (ret_row)
		*ret_row = row;
	return 0;
}

/* ---- issuing ---- */

int notice_plain_text(const struct notice_doc *d, struct buf *out)
{
	int r = buf_printf(out, "%s\n%s\n", d->title ? d->title : "", d->summary ? d->summary : "");

	for (size_t i = 0; r == 0 && i < d->nparas; i++) {
		r = buf_putc(out, '\n');
		for (size_t k = 0; r == 0 && k < d->paras[i].nruns; k++)
			r = buf_puts(out, d->paras[i].runs[k].text);
		if (r == 0 && d->paras[i].rule)
			r = buf_puts(out, "-----");
		if (r == 0)
			r = buf_putc(out, '\n');
	}
	if (r == 0 && d->nrecipients)
		r = buf_puts(out, "\nNơi nhận:\n");
	for (size_t i = 0; r == 0 && i < d->nrecipients; i++)
		r = buf_printf(out, "- %s%s\n", d->recipients[i],
			       i + 1 < d->nrecipients ? "," : "");
	if (r == 0)
		r = buf_printf(out, "\n%s\n%s\n\n%s\n", d->sig_authority ? d->sig_authority : "",
			       d->sig_position ? d->sig_position : "",
			       d->sig_name ? d->sig_name : "");
	return r;
}

static bool blank(const char *s)
{
	return !s || !*s;
}

int notice_issue(struct db *db, int64_t id, const struct notice_issue_in *in, struct err *e)
{
	struct arena *a = arena_new(16 << 20);
	struct loaded *L;
	struct notice_row row;
	struct notice_doc doc;
	struct buf text = BUF_INIT(4 << 20), msgs = BUF_INIT(4096), frozen = BUF_INIT(4 << 20);
	struct vn_date date;
	int64_t doc_id, term_id;
	long number = 0;
	const char *symbol;
	char iso[11];
	bool state, dispatch;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	L = arena_alloc(a, sizeof(*L));
	if (!L) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	if (in->date) {
		struct err de = {0};

		r = vn_date_parse(in->date, strlen(in->date), 0, &date, &de);
		if (r < 0) {
			r = err_set(e, r, "ngày ban hành '%s' không hợp lệ: %s", in->date, de.msg);
			goto out;
		}
	} else {
		date = vn_date_today();
	}
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = notice_get(db, id, a, &row, e);
	if (r < 0)
		goto fail;
	if (strcmp(row.status, "draft") != 0) {
		r = err_set(e, ERR_LOCKED, "thông báo %lld đã ban hành (số %s): không ban hành lại",
			    (long long)id, row.symbol ? row.symbol : "?");
		goto fail;
	}
	/* where the body requires it, only a draft its signer approved */
	r = notice_approval_gate(db, id, row.body_id, e);
	if (r < 0)
		goto fail;
	r = load_ctx(db, &row, a, L, e);
	if (r < 0)
		goto fail;
	L->ctx.issue_date = date;
	if (in->sig_form)
		L->ctx.sig_form = in->sig_form;
	if (in->sig_body)
		L->ctx.sig_body = in->sig_body;
	if (in->sig_position)
		L->ctx.sig_position = in->sig_position;
	if (in->sig_name)
		L->ctx.sig_name = in->sig_name;
	r = notice_bind(row.tmpl, &L->ctx, a, &doc, e);
	if (r < 0)
		goto fail;
	if (doc.nerrors || doc.nunresolved) {
		notice_msgs_format(&doc, &msgs);
		r = err_set(e, ERR_CHECK,
			    "thông báo %lld chưa ban hành được: %zu lỗi, %zu trường chưa có số "
			    "liệu\n%.300s",
			    (long long)id, doc.nerrors, doc.nunresolved, buf_str(&msgs));
		goto fail;
	}
	if (blank(doc.sig_name) || blank(doc.sig_position) || blank(doc.sig_form)) {
		r = err_set(e, ERR_INVAL,
			    "thiếu người ký: cần hình thức ký, chức vụ và họ tên (@sign trong mẫu, "
			    "hoặc --authority, --position, --signer)");
		goto fail;
	}
	term_id = row.term_id;
	if (term_id <= 0) {
		r = db_query_int(db, SQL_NOTICE_TERM_OF_BODY, &term_id, "i", row.body_id);
		if (r < 0) {
			r = err_set(e, ERR_NOTFOUND, "cơ quan ban hành chưa có nhiệm kỳ nào");
			goto fail;
		}
	}
	/* numbering runs per issuing body, type and term (domain.md): the registry's rule */
	state = strcmp(L->profile.family, "state") == 0;
	/* a state dispatch is numbered 15/UBND-VP: it needs its drafting unit */
	dispatch = state && strcmp(doc.type_code, "CV") == 0;
	if (dispatch) {
		struct err de = {0};

		if ((r = docnum_dept_check(doc.drafting, &de)) < 0) {
			r = err_set(e, r,
				    "thông báo %lld là công văn của cơ quan nhà nước (số dạng "
				    "15/UBND-VP): %s; thêm '@drafting VP' vào đầu mẫu",
				    (long long)id, de.msg);
			goto fail;
		}
	}
	/* a state body numbers from 01 each 1 January (NĐ 30/2020, Điều 15) */
	if (state)
		r = docnum_next_year_in_tx(db, row.body_id, doc.type_code, date.y, &number, e);
	else
		r = docnum_next_in_tx(db, row.body_id, doc.type_code, term_id, &number, e);
	if (r < 0)
		goto fail;
	{
		struct docnum dn = {.form = state ? DOCNUM_STATE : DOCNUM_PARTY, .number = number};
		struct buf sb = BUF_INIT(256);

		if (dispatch)
			snprintf(dn.dept, sizeof(dn.dept), "%s", doc.drafting);
		else
			snprintf(dn.type, sizeof(dn.type), "%s", doc.type_code);
		snprintf(dn.issuer, sizeof(dn.issuer), "%s",
			 L->ctx.body_code ? L->ctx.body_code : "");
		r = docnum_format(&dn, 0, &sb);
		symbol = r == 0 ? arena_strdup(a, buf_str(&sb)) : NULL;
		buf_free(&sb);
		if (r < 0) {
			r = err_set(e, r, "cơ quan ban hành chưa có ký hiệu để ghi số văn bản");
			goto fail;
		}
		if (!symbol) {
			r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
			goto fail;
		}
	}
	L->ctx.symbol = symbol;
	r = notice_bind(row.tmpl, &L->ctx, a, &doc, e);
	if (r < 0)
		goto fail;
	if (notice_freeze(&doc, &frozen) < 0 || notice_plain_text(&doc, &text) < 0) {
		r = err_set(e, ERR_TOOBIG, "thông báo quá dài");
		goto fail;
	}
	vn_date_iso(date, iso);
	{
		struct reg_doc rd = {.type_code = doc.type_code,
				     .body_id = row.body_id,
				     .term_id = term_id,
				     .symbol = symbol,
				     .date = iso,
				     .title = doc.summary ? doc.summary : "",
				     .text = buf_str(&text),
				     .status = "issued"};

		r = reg_doc_add(db, &rd, &doc_id, e);
		if (r < 0)
			goto fail;
	}
	/* the rows become tasks while the notice is still a draft (issued rows are locked) */
	r = notice_tasks_issue(db, id, row.body_id, doc_id, row.session_id, iso, e);
	if (r < 0)
		goto fail;
	r = db_exec(db, SQL_NOTICE_ISSUE, "itttttttii", (int64_t)number, symbol, iso,
		    doc.sig_authority, doc.sig_position, doc.sig_name, buf_str(&text),
		    buf_str(&frozen), doc_id, id);
	if (r < 0) {
		r = db_err(db, e, r, "thông báo kết luận");
		goto fail;
	}
	if (row.corrects_id > 0) {
		r = db_exec(db, SQL_NOTICE_SUPERSEDE, "i", row.corrects_id);
		if (r < 0) {
			r = db_err(db, e, r, "thông báo kết luận");
			goto fail;
		}
	}
	/* deliveries: e-mail where the recipient has an address, else on paper */
	for (size_t i = 0; i < L->ctx.nrecipients; i++) {
		const char *addr = L->emails ? L->emails[i] : NULL;

		r = db_exec(db, SQL_NOTICE_DELIVERY_INSERT,
			    "itttt"
			    "t",
			    id, L->ctx.recipients[i], addr ? "email" : "paper", addr,
			    addr ? "queued" : "paper", NULL);
		if (r < 0) {
			r = db_err(db, e, r, "thông báo kết luận");
			goto fail;
		}
	}
fail:
	/* Commits what was written, or after a failure undoes it. */
	r = db_end(db, r, e);
out:
	buf_free(&text);
	buf_free(&frozen);
	buf_free(&msgs);
	arena_free(a);
	return r;
}

int notice_correct(struct db *db, int64_t id, const char *tmpl, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(4 << 20);
	struct notice_row row;
	int64_t pending = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r < 0) {
		arena_free(a);
		return r;
	}
	r = notice_get(db, id, a, &row, e);
	if (r == 0 && strcmp(row.status, "issued") != 0)
		r = err_set(e, ERR_INVAL,
			    "chỉ đính chính được thông báo đã ban hành và còn hiệu lực (thông báo "
			    "%lld đang ở trạng thái %s)",
			    (long long)id, row.status);
	if (r == 0)
		r = db_query_int(db, SQL_NOTICE_HAS_CORRECTION, &pending, "i", id);
	if (r == 0 && pending > 0)
		r = err_set(e, ERR_EXISTS, "thông báo %lld đã có một bản đính chính đang soạn",
			    (long long)id);
	if (r == 0) {
		struct buf t = BUF_INIT(4u << 20);

		r = nfc(tmpl ? tmpl : row.source_tmpl, &t, e);
		if (r == 0)
			r = insert(db, row.body_id, row.session_id, buf_str(&t), row.version + 1,
				   id, row.profile, ret_id, e);
		buf_free(&t);
	}
	r = db_end(db, r, e);
	arena_free(a);
	return r;
}

int notice_deliveries(struct db *db, int64_t id, struct arena *a, struct notice_delivery **ret,
		      size_t *ret_n, struct err *e)
{
	struct notice_delivery *d = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_NOTICE_DELIVERIES, &q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	r = db_bindv(q, "i", id);
	while (r >= 0 && (r = db_step(q)) > 0) {
		if (arena_reserve(a, &d, n, &cap, sizeof(*d)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		d[n].label = db_col_strdup(q, 0, a);
		d[n].channel = db_col_strdup(q, 1, a);
		d[n].address = db_col_strdup(q, 2, a);
		d[n].status = db_col_strdup(q, 3, a);
		d[n].at = db_col_strdup(q, 4, a);
		n++;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "thông báo kết luận");
	*ret = d;
	*ret_n = n;
	return 0;
}
