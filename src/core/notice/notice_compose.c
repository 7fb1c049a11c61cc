/* notice_compose.c: a notice drafted from its session's data, and the tasks it assigns as rows. */
#include "core/notice/notice.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tasks/task.h"
#include "vn/text.h"

/* Template text written literally: the characters the template language reads are escaped. */
static int put_literal(struct buf *out, const char *s)
{
	int r = 0;

	for (; s && *s && r == 0; s++) {
		if (*s == '\\' || *s == '*' || *s == '{' || *s == '@')
			r = buf_putc(out, '\\');
		if (r == 0)
			r = buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
	return r;
}

/* What the composer reads of a session. */
struct compose_src {
	int64_t session_id, body_id;
	const char *status, *date, *basis, *body_name, *place, *kind, *short_name;
	const char *organ;
	int64_t number;
	const char *signer, *position, *group;
};

static int src_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct compose_src *s = row;

	(void)ctx;
	s->session_id = db_col_int(q, 0);
	s->body_id = db_col_int(q, 1);
	s->status = db_col_strdup(q, 2, a);
	s->date = db_col_strdup(q, 3, a);
	s->basis = db_col_strdup(q, 4, a);
	s->body_name = db_col_strdup(q, 5, a);
	s->place = db_col_strdup(q, 6, a);
	s->kind = db_col_strdup(q, 7, a);
	s->short_name = db_col_strdup(q, 8, a);
	s->organ = db_col_strdup(q, 9, a);
	s->number = db_col_int(q, 10);
	return 0;
}

/* The short name of a body as the signature and archive lines write it: "Huyện ủy". */
static const char *short_name(struct arena *a, const struct compose_src *s)
{
	size_t n, p;

	if (s->short_name && *s->short_name)
		return s->short_name;
	n = strlen(s->body_name);
	p = s->place ? strlen(s->place) : 0;
	/* "Huyện ủy Tân Yên" without its place */
	if (p && n > p + 1 && strcmp(s->body_name + n - p, s->place) == 0 &&
	    s->body_name[n - p - 1] == ' ')
		return arena_printf(a, "%.*s", (int)(n - p - 1), s->body_name);
	return s->body_name;
}

static int compose_load(struct db *db, int64_t session_id, struct arena *a, struct compose_src *s,
			struct err *e)
{
	struct db_q *q;
	int r;

	r = db_query(db, SQL_NOTICE_COMPOSE_SESSION, &q, "i", session_id);
	if (r == 0)
		r = db_one(q, a, src_row, NULL, s, false);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có phiên họp %lld", (long long)session_id);
	if (r < 0)
		return db_err(db, e, r, "phiên họp");
	r = db_query(db, SQL_NOTICE_COMPOSE_SIGNER, &q, "i", session_id);
	if (r == 0 && (r = db_step(q)) > 0) {
		s->signer = db_col_strdup(q, 0, a);
		s->position = db_col_strdup(q, 1, a);
	}
	if (r >= 0)
		db_done(q);
	if (r < 0)
		return db_err(db, e, r, "người ký");
	r = db_query(db, SQL_NOTICE_COMPOSE_GROUP, &q, "i", s->body_id);
	if (r == 0 && (r = db_step(q)) > 0)
		s->group = db_col_strdup(q, 0, a);
	if (r >= 0)
		db_done(q);
	return r < 0 ? db_err(db, e, r, "nhóm nơi nhận") : 0;
}

/* One paragraph per agenda item, its outcome in words taken from the vote. */
static int compose_items(struct db *db, int64_t session_id, const char *organ, struct buf *out,
			 size_t *ret_n, struct err *e)
{
	struct db_q *q;
	size_t n = 0;
	int r;

	r = db_query(db, SQL_NOTICE_CTX_AGENDA, &q, "i", session_id);
	if (r < 0)
		return db_err(db, e, r, "chương trình phiên họp");
	while ((r = db_step(q)) > 0) {
		bool voted = db_col_int(q, 2) != 0, passed = db_col_int(q, 3) != 0;
		const char *wording = db_col_text(q, 6);

		n++;
		r = buf_printf(out, "**%zu. {{item %zu}}**\n\n", n, n);
		if (r == 0)
			r = put_literal(out, organ);
		if (r == 0)
			r = buf_putc(out, ' ');
		if (r == 0 && !voted)
			r = buf_puts(out, "cho ý kiến vào nội dung này.");
		else if (r == 0 && !passed)
			r = buf_puts(out, "không thông qua nội dung này; giao cơ quan trình tiếp "
					  "thu ý kiến, hoàn thiện, trình lại tại phiên họp sau.");
		else if (r == 0) {
			r = put_literal(out, wording && *wording ? wording : "nhất trí");
			if (r == 0 && !(wording && strstr(wording, "thông qua")))
				r = buf_puts(out, " thông qua");
			if (r == 0)
				r = buf_puts(out, " nội dung này.");
		}
		if (r == 0)
			r = buf_puts(out, "\n\n");
		if (r < 0)
			break;
	}
	db_done(q);
	if (r < 0)
		return r == ERR_TOOBIG || r == ERR_NOMEM
			   ? err_set(e, r, "thông báo quá dài")
			   : db_err(db, e, r, "chương trình phiên họp");
	*ret_n = n;
	return 0;
}

int notice_compose(struct db *db, int64_t session_id, struct arena *a, const char **ret_tmpl,
		   struct err *e)
{
	struct compose_src s = {0};
	struct buf t = BUF_INIT(1u << 20);
	struct vn_date d, day;
	const char *shortn;
	size_t nitems = 0;
	int r;

	r = compose_load(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	if (!s.date || vn_date_parse(s.date, strlen(s.date), 0, &d, NULL) < 0)
		return err_set(e, ERR_INVAL, "phiên họp %lld chưa có ngày họp",
			       (long long)session_id);
	if (vn_date_cmp(d, vn_date_today()) > 0)
		return err_set(e, ERR_INVAL,
			       "phiên họp %lld chưa diễn ra (ngày họp %02d/%02d/%04d): chưa soạn "
			       "được thông báo kết luận",
			       (long long)session_id, d.d, d.m, d.y);
	shortn = short_name(a, &s);
	day = d;
	/* figures of the month before the session, as the reports put before it cover */
	d.m = d.m == 1 ? 12 : d.m - 1;
	if (d.m == 12)
		d.y--;
	r = buf_printf(&t,
		       "@type TB\n@title THÔNG BÁO\n"
		       "@summary Kết luận phiên họp thứ {{session number}} của {{session "
		       "organ}}\\\n{{session term}}\n"
		       "@profile %s\n@period %04d-T%02d\n",
		       s.kind && strcmp(s.kind, "people") == 0 ? "state-2020" : "party-2018", d.y,
		       d.m);
	if (r == 0 && s.signer) {
		bool state = s.kind && strcmp(s.kind, "people") == 0;

		r = buf_printf(&t, "@sign %s | ", state ? "TM." : "T/M");
		if (r == 0)
			r = put_literal(&t, notice_upper(a, shortn));
		if (r == 0)
			r = buf_puts(&t, " | ");
		if (r == 0)
			r = put_literal(&t, notice_upper(a, s.position));
		if (r == 0)
			r = buf_puts(&t, " | ");
		if (r == 0)
			r = put_literal(&t, s.signer);
		if (r == 0)
			r = buf_putc(&t, '\n');
	}
	if (r == 0 && s.group)
		r = buf_printf(&t, "@recipients %s\n", s.group);
	if (r == 0)
		r = buf_puts(&t, "@archive Lưu Văn phòng ");
	if (r == 0)
		r = put_literal(&t, shortn);
	/* the opening in plain words: the session's date, organ and number do not change */
	if (r == 0)
		r = buf_printf(&t, ".\n\n---\n\nNgày %02d/%02d/%04d, ", day.d, day.m, day.y);
	if (r == 0)
		r = put_literal(&t, s.organ);
	if (r == 0)
		r = buf_printf(&t, " tổ chức phiên họp thứ %lld", (long long)s.number);
	if (r == 0 && s.basis && *s.basis) {
		r = buf_puts(&t, " theo ");
		if (r == 0)
			r = put_literal(&t, s.basis);
	}
	if (r == 0)
		r = buf_puts(&t, ". Sau khi nghe các cơ quan, đơn vị trình bày và ý kiến thảo luận "
				 "của các đồng chí dự họp, ");
	if (r == 0)
		r = put_literal(&t, s.organ);
	if (r == 0)
		r = buf_puts(&t, " thống nhất kết luận như sau:\n\n");
	if (r == 0)
		r = compose_items(db, session_id, s.organ, &t, &nitems, e);
	if (r == 0)
		r = buf_printf(&t,
			       "**%zu. Về nội dung chất vấn**\n\n{{questioning}}\n\n"
			       "**%zu. Tổ chức thực hiện**\n\n{{tasks}}\n",
			       nitems + 1, nitems + 2);
	if (r == 0) {
		*ret_tmpl = arena_strdup(a, buf_str(&t));
		if (!*ret_tmpl)
			r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	} else if (r == ERR_TOOBIG || r == ERR_NOMEM) {
		r = err_set(e, r, "thông báo quá dài");
	}
	buf_free(&t);
	return r;
}

int notice_create_for_session(struct db *db, int64_t session_id, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(4u << 20);
	struct compose_src s = {0};
	const char *tmpl = NULL;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r == 0) {
		r = notice_compose(db, session_id, a, &tmpl, e);
		if (r == 0)
			r = compose_load(db, session_id, a, &s, e);
		if (r == 0)
			r = notice_create(db, s.body_id, session_id, tmpl, ret_id, e);
		r = db_end(db, r, e);
	}
	arena_free(a);
	return r;
}

/* ---- the tasks a notice assigns ---- */

static int ntask_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct notice_task *t = row;
	const char *ids = db_col_text(q, 6);

	(void)ctx;
	t->id = db_col_int(q, 0);
	t->position = (int)db_col_int(q, 1);
	t->section = db_col_strdup(q, 2, a);
	t->content = db_col_strdup(q, 3, a);
	t->lead_unit_id = db_col_int(q, 4);
	t->lead_name = db_col_strdup(q, 5, a);
	t->coord_names = db_col_strdup(q, 7, a);
	t->deadline = db_col_strdup(q, 8, a);
	t->task_id = db_col_int(q, 9);
	/* "3,5,8": a handful of ids */
	for (const char *s = ids; s && *s;) {
		char *end;
		long long v = strtoll(s, &end, 10);

		if (end == s)
			break;
		if (t->ncoords < NOTICE_TASK_COORDS_MAX)
			t->coord_ids[t->ncoords++] = v;
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

int notice_tasks(struct db *db, int64_t notice_id, struct arena *a, struct notice_task **ret,
		 size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_query(db, SQL_NOTICE_TASKS, &q, "i", notice_id);
	if (r == 0)
		r = db_list(q, a, sizeof(**ret), ntask_row, NULL, (void **)ret, ret_n);
	return r < 0 ? db_err(db, e, r, "nhiệm vụ của thông báo") : 0;
}

int notice_tasks_page(struct db *db, int64_t notice_id, int64_t after, int64_t limit,
		      struct arena *a, struct notice_task **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_query(db, SQL_NOTICE_TASKS_PAGE, &q, "iii", notice_id, after, limit);
	if (r == 0)
		r = db_list(q, a, sizeof(**ret), ntask_row, NULL, (void **)ret, ret_n);
	return r < 0 ? db_err(db, e, r, "nhiệm vụ của thông báo") : 0;
}

int notice_task_line(const struct notice_task *t, struct arena *a, const char **ret)
{
	struct buf b = BUF_INIT(64 * 1024);
	size_t n = strlen(t->content);
	int r;

	/* "- Hoàn thiện …: giao X chủ trì, phối hợp với Y, Z; thời hạn: 31/10/2023." */
	while (n &&
	       (t->content[n - 1] == '.' || t->content[n - 1] == ' ' || t->content[n - 1] == ';'))
		n--;
	r = buf_printf(&b, "- %.*s: giao %s chủ trì", (int)n, t->content, t->lead_name);
	if (r == 0 && t->coord_names && *t->coord_names)
		r = buf_printf(&b, ", phối hợp với %s", t->coord_names);
	if (r == 0 && t->deadline && *t->deadline) {
		struct vn_date d;

		/* a date typed in ISO form prints as the notice writes dates */
		if (vn_date_parse(t->deadline, strlen(t->deadline), 0, &d, NULL) == 0)
			r = buf_printf(&b, "; thời hạn: %02d/%02d/%04d", d.d, d.m, d.y);
		else
			r = buf_printf(&b, "; thời hạn: %s", t->deadline);
	}
	if (r == 0)
		r = buf_putc(&b, '.');
	*ret = r == 0 ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_free(&b);
	return *ret ? 0 : ERR_NOMEM;
}

/* A draft's row may change; an issued notice's rows are its record (ERR_LOCKED). */
static int draft_of(struct db *db, int64_t notice_id, struct notice_row *row, struct arena *a,
		    struct err *e)
{
	int r = notice_get(db, notice_id, a, row, e);

	if (r == 0 && strcmp(row->status, "draft") != 0)
		r = err_set(e, ERR_LOCKED,
			    "thông báo %lld đã ban hành (%s): không sửa nhiệm vụ được; nhiệm vụ "
			    "đã giao được sửa, gia hạn trên trang nhiệm vụ",
			    (long long)notice_id, row->symbol ? row->symbol : "");
	return r;
}

/* Checks a row against its notice: content, units of the issuing body, a deadline that reads. */
static int ntask_check(struct db *db, const struct notice_row *row, const struct notice_task_in *in,
		       struct buf *coords, struct err *e)
{
	struct task_deadline dl;
	int64_t unused;
	int r;

	if (!in->content || !*in->content)
		return err_set(e, ERR_INVAL, "nội dung: chưa nhập nội dung nhiệm vụ");
	if (strlen(in->content) > 4000)
		return err_set(e, ERR_INVAL, "nội dung: dài quá 4.000 ký tự");
	if (in->section && strlen(in->section) > 32)
		return err_set(e, ERR_INVAL, "mục: dài quá 32 ký tự");
	r = db_query_int(db, SQL_NOTICE_UNIT_OF_BODY, &unused, "ii", in->lead_unit_id,
			 row->body_id);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL,
			       "đơn vị chủ trì: không có đơn vị số %lld của cơ quan "
			       "ban hành",
			       (long long)in->lead_unit_id);
	if (r < 0)
		return db_err(db, e, r, "đơn vị");
	if (in->ncoords > NOTICE_TASK_COORDS_MAX)
		return err_set(e, ERR_INVAL, "đơn vị phối hợp: nhiều nhất %d đơn vị",
			       NOTICE_TASK_COORDS_MAX);
	for (size_t i = 0; i < in->ncoords; i++) {
		r = db_query_int(db, SQL_NOTICE_UNIT_OF_BODY, &unused, "ii", in->coord_ids[i],
				 row->body_id);
		if (r == ERR_NOTFOUND)
			return err_set(e, ERR_INVAL, "đơn vị phối hợp: không có đơn vị số %lld",
				       (long long)in->coord_ids[i]);
		if (r < 0)
			return db_err(db, e, r, "đơn vị");
		if (in->coord_ids[i] == in->lead_unit_id)
			return err_set(e, ERR_INVAL, "đơn vị phối hợp: trùng đơn vị chủ trì");
		if (buf_printf(coords, "%s%lld", i ? "," : "", (long long)in->coord_ids[i]) < 0)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	if (in->deadline && *in->deadline) {
		r = task_deadline_parse(in->deadline, vn_date_today(), &dl, e);
		if (r < 0)
			return r;
	}
	return 0;
}

static int ntask_write(struct db *db, int64_t notice_id, int64_t row_id,
		       const struct notice_task_in *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(1u << 20);
	struct buf coords = BUF_INIT(1024);
	struct notice_row row;
	const char *dl = in->deadline && *in->deadline ? in->deadline : NULL;
	const char *sec = in->section && *in->section ? in->section : NULL;
	int64_t pos = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	if (row_id > 0) {
		r = db_query_int(db, SQL_NOTICE_TASK_GET, &notice_id, "i", row_id);
		if (r == ERR_NOTFOUND)
			r = err_set(e, r, "không có nhiệm vụ số %lld trong thông báo",
				    (long long)row_id);
		else if (r < 0)
			r = db_err(db, e, r, "nhiệm vụ của thông báo");
	}
	if (r == 0)
		r = draft_of(db, notice_id, &row, a, e);
	if (r == 0)
		r = ntask_check(db, &row, in, &coords, e);
	if (r == 0 && row_id > 0)
		r = db_exec(db, SQL_NOTICE_TASK_UPDATE, "ittitt", row_id, sec, in->content,
			    in->lead_unit_id, coords.len ? buf_str(&coords) : NULL, dl);
	else if (r == 0 &&
		 (r = db_query_int(db, SQL_NOTICE_TASK_NEXT_POS, &pos, "i", notice_id)) == 0)
		r = db_exec(db, SQL_NOTICE_TASK_INSERT, "ittitti", notice_id, sec, in->content,
			    in->lead_unit_id, coords.len ? buf_str(&coords) : NULL, dl, pos);
	if (r < 0 && !(e && e->msg[0]))
		r = db_err(db, e, r, "nhiệm vụ của thông báo");
	if (r == 0 && ret_id)
		*ret_id = row_id > 0 ? row_id : db_last_id(db);
	r = db_end(db, r, e);
out:
	buf_free(&coords);
	arena_free(a);
	return r;
}

int notice_task_add(struct db *db, int64_t notice_id, const struct notice_task_in *in,
		    int64_t *ret_id, struct err *e)
{
	return ntask_write(db, notice_id, 0, in, ret_id, e);
}

int notice_task_update(struct db *db, int64_t row_id, const struct notice_task_in *in,
		       struct err *e)
{
	return ntask_write(db, 0, row_id, in, NULL, e);
}

int notice_task_remove(struct db *db, int64_t notice_id, int64_t row_id, struct err *e)
{
	int64_t of = 0;
	struct arena *a = arena_new(1u << 20);
	struct notice_row row;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r == 0) {
		r = db_query_int(db, SQL_NOTICE_TASK_GET, &of, "i", row_id);
		if (r == ERR_NOTFOUND || (r == 0 && notice_id > 0 && of != notice_id))
			r = err_set(e, ERR_NOTFOUND, "không có nhiệm vụ số %lld trong thông báo",
				    (long long)row_id);
		else if (r < 0)
			r = db_err(db, e, r, "nhiệm vụ của thông báo");
		if (r == 0)
			r = draft_of(db, of, &row, a, e);
		/* the counter goes back to the last task left: a last task deleted frees its number */
		if (r == 0 && ((r = db_exec(db, SQL_NOTICE_TASK_DELETE, "i", row_id)) < 0 ||
			       (r = db_exec(db, SQL_NOTICE_TASK_POS_RESET, "i", of)) < 0))
			r = db_err(db, e, r, "nhiệm vụ của thông báo");
		r = db_end(db, r, e);
	}
	arena_free(a);
	return r;
}

int notice_tasks_issue(struct db *db, int64_t notice_id, int64_t body_id, int64_t doc_id,
		       int64_t session_id, const char *issue_date, struct err *e)
{
	struct arena *a = arena_new(4u << 20);
	struct notice_task *t = NULL;
	size_t n = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_tasks(db, notice_id, a, &t, &n, e);
	for (size_t i = 0; r == 0 && i < n; i++) {
		const char *lead = arena_printf(a, "%lld", (long long)t[i].lead_unit_id);
		const char **coords = arena_alloc(a, sizeof(*coords) * (t[i].ncoords + 1));
		struct task_input in = {.body_id = body_id,
					.source_doc_id = doc_id,
					.source_session_id = session_id,
					.section = t[i].section,
					.content = t[i].content,
					.assigned_on = issue_date,
					.deadline = t[i].deadline,
					.leads = &lead,
					.nleads = 1,
					.coords = coords,
					.ncoords = t[i].ncoords};
		int64_t task_id;

		if (!lead || !coords) {
			r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
			break;
		}
		for (size_t k = 0; k < t[i].ncoords; k++)
			coords[k] = arena_printf(a, "%lld", (long long)t[i].coord_ids[k]);
		r = task_insert(db, &in, &task_id, e);
		if (r == 0 &&
		    (r = db_exec(db, SQL_NOTICE_TASK_SET_TASK, "ii", t[i].id, task_id)) < 0)
			r = db_err(db, e, r, "nhiệm vụ của thông báo");
		if (r < 0 && e) {
			char m[sizeof(e->msg)];

			snprintf(m, sizeof(m), "%s", e->msg);
			r = err_set(e, r, "nhiệm vụ %d của thông báo: %s", t[i].position, m);
		}
	}
	arena_free(a);
	return r;
}

/* ---- the editor's fields: a template's head directives and its body ---- */

/* The value of head directive name in tmpl, arena memory; NULL when absent. */
static const char *head_get(const char *tmpl, const char *name, struct arena *a)
{
	char *out = arena_alloc(a, 4096);

	return out ? notice_head_value(tmpl, name, out, 4096) : NULL;
}

/* Where the body starts: after the first blank line (the whole text when there is none). */
static const char *body_of(const char *tmpl)
{
	const char *s = tmpl;

	if (*s == '\n')
		return s + 1;
	while ((s = strchr(s, '\n')) != NULL) {
		const char *t = s + 1;

		while (*t == ' ' || *t == '\r' || *t == '\t')
			t++;
		if (*t == '\n')
			return t + 1;
		if (!*t)
			return t;
		s = t;
	}
	return tmpl + strlen(tmpl);
}

static const char *trim(struct arena *a, const char *s)
{
	size_t n;

	while (s && *s == ' ')
		s++;
	n = s ? strlen(s) : 0;
	while (n && s[n - 1] == ' ')
		n--;
	return s ? arena_printf(a, "%.*s", (int)n, s) : NULL;
}

int notice_edit_read(const char *tmpl, struct arena *a, struct notice_edit *ret)
{
	const char *sign = head_get(tmpl, "sign", a);

	memset(ret, 0, sizeof(*ret));
	ret->period = head_get(tmpl, "period", a);
	ret->plan = head_get(tmpl, "plan", a);
	ret->recipients = head_get(tmpl, "recipients", a);
	ret->archive = head_get(tmpl, "archive", a);
	ret->body = body_of(tmpl);
	if (sign) {
		const char **parts[] = {&ret->sign_form, &ret->sign_body, &ret->sign_position,
					&ret->sign_name};
		const char *s = sign;

		for (size_t i = 0; i < 4 && s; i++) {
			const char *bar = strchr(s, '|');

			*parts[i] = trim(a, bar ? arena_printf(a, "%.*s", (int)(bar - s), s) : s);
			s = bar ? bar + 1 : NULL;
		}
	}
	return 0;
}

/* A directive's value: one line, no '|' in the signature's parts. */
static int edit_value(const char *v, const char *field, bool bar, struct err *e)
{
	if (!v)
		return 0;
	if (strchr(v, '\n') || strchr(v, '\r'))
		return err_set(e, ERR_INVAL, "%s: chỉ được viết trên một dòng", field);
	if (bar && strchr(v, '|'))
		return err_set(e, ERR_INVAL, "%s: không được chứa dấu |", field);
	if (strlen(v) > 500)
		return err_set(e, ERR_INVAL, "%s: dài quá 500 ký tự", field);
	return 0;
}

int notice_edit_apply(struct db *db, int64_t id, const struct notice_edit *in, struct err *e)
{
	static const char *const managed[] = {"period",	    "plan",    "sign",
					      "recipients", "archive", NULL};
	struct arena *a = arena_new(8u << 20);
	struct buf t = BUF_INIT(4u << 20);
	struct notice_row row;
	const char *body, *head_end;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = edit_value(in->period, "kỳ số liệu", false, e);
	if (r == 0)
		r = edit_value(in->plan, "kế hoạch", false, e);
	if (r == 0)
		r = edit_value(in->recipients, "nhóm nơi nhận", false, e);
	if (r == 0)
		r = edit_value(in->archive, "dòng lưu", false, e);
	if (r == 0)
		r = edit_value(in->sign_form, "hình thức ký", true, e);
	if (r == 0)
		r = edit_value(in->sign_body, "thay mặt", true, e);
	if (r == 0)
		r = edit_value(in->sign_position, "chức vụ người ký", true, e);
	if (r == 0)
		r = edit_value(in->sign_name, "người ký", true, e);
	if (r == 0)
		r = notice_get(db, id, a, &row, e);
	if (r < 0)
		goto out;
	/* the head lines the editor does not manage are kept as they are, in order */
	body = body_of(row.source_tmpl);
	head_end = body;
	for (const char *s = row.source_tmpl; s < head_end && *s;) {
		const char *end = strchr(s, '\n');
		size_t l = end ? (size_t)(end - s) : strlen(s);
		bool skip = l == 0 || (l == 1 && *s == '\r');

		for (size_t k = 0; !skip && managed[k]; k++) {
			size_t nl = strlen(managed[k]);

			skip = *s == '@' && l > nl + 1 && strncmp(s + 1, managed[k], nl) == 0 &&
			       s[1 + nl] == ' ';
		}
		/* a continued @summary keeps its next line: it is no directive of its own */
		if (!skip && buf_printf(&t, "%.*s\n", (int)l, s) < 0)
			r = ERR_TOOBIG;
		s = end ? end + 1 : head_end;
	}
	if (r == 0 && in->period && *in->period)
		r = buf_printf(&t, "@period %s\n", in->period);
	if (r == 0 && in->plan && *in->plan)
		r = buf_printf(&t, "@plan %s\n", in->plan);
	if (r == 0 && ((in->sign_name && *in->sign_name) || (in->sign_form && *in->sign_form)))
		r = buf_printf(&t, "@sign %s | %s | %s | %s\n", in->sign_form ? in->sign_form : "",
			       in->sign_body ? in->sign_body : "",
			       in->sign_position ? in->sign_position : "",
			       in->sign_name ? in->sign_name : "");
	if (r == 0 && in->recipients && *in->recipients)
		r = buf_printf(&t, "@recipients %s\n", in->recipients);
	if (r == 0 && in->archive && *in->archive)
		r = buf_printf(&t, "@archive %s\n", in->archive);
	if (r == 0)
		r = buf_printf(&t, "\n%s", in->body ? in->body : body);
	if (r < 0)
		r = err_set(e, ERR_TOOBIG, "thông báo quá dài");
	else
		r = notice_set_template(db, id, buf_str(&t), e);
out:
	buf_free(&t);
	arena_free(a);
	return r;
}
