/* pages.h: the HTML pages (one file each) and their field tables, for the route table. */
#pragma once

#include <stdbool.h>

#include "core/notice/notice.h"
#include "core/read/read.h"
#include "core/read/tx.h"
#include "core/registry/attachment.h"
#include "core/registry/registry.h"
#include "core/sessionwork/sessionwork.h"
#include "http/http.h"
#include "render/html.h"

int page_static_css(struct http_req *r);
int page_static_js(struct http_req *r);
int page_notice_html(struct http_req *r);
int page_login_form(struct http_req *r);
int page_login(struct http_req *r);
int page_logout(struct http_req *r);
int page_dashboard(struct http_req *r);
int page_sessions(struct http_req *r);
int page_session(struct http_req *r);
int page_session_comments(struct http_req *r);
int page_documents(struct http_req *r);
int page_document(struct http_req *r);
int page_admin(struct http_req *r);
int page_admin_user_add(struct http_req *r);
int page_audit(struct http_req *r);
int page_search(struct http_req *r);
int page_indicators(struct http_req *r);
int page_notices(struct http_req *r);
int page_notice(struct http_req *r);
int page_notice_template(struct http_req *r);
int page_notice_issue(struct http_req *r);
int page_notice_pdf(struct http_req *r);
int page_notice_docx(struct http_req *r);
/* POST /notices/#/signed: the signed PDF (multipart "file") stored as the notice's record. */
int page_notice_signed(struct http_req *r);
/*
 * Takes the signed PDF in r->upload for notice r->id[0] (which the account
 * must see): it must be the issued PDF with valid signatures after it
 * (trust: $DONDOC_TRUST, else the system's store); then it is the notice's
 * record. ERR_INVAL with the reason when refused. The form and the API both
 * call it.
 */
int page_notice_signed_store(struct http_req *r, int *ret_n);
/* POST /notices/#/submit, /approve, /return {comment}: approval before issuing (trình ký). */
int page_notice_submit(struct http_req *r);
int page_notice_approve(struct http_req *r);
int page_notice_return(struct http_req *r);
extern const struct http_field page_notice_return_fields[];
extern const struct http_field page_notice_approve_fields[];
/*
 * GET /approvals (Chờ ký duyệt): for a signer (admin, member), the drafts in
 * scope waiting for their answer, oldest first, with the approve and return
 * forms; for the office, every draft it submitted and where it stands.
 */
int page_approvals(struct http_req *r);
/* ---- attachments (page_attachments.c) ---- */
/* POST /documents/#/attachments, /tasks/#/attachments: a file (multipart "file") attached. */
int page_document_attach(struct http_req *r);
int page_task_attach(struct http_req *r);
/* GET /attachments/#: the file, to those who may see its document or task (else 404). */
int page_attachment(struct http_req *r);
/*
 * Attaches r->upload to document or task r->id[0], which the account must
 * see (else ERR_NOTFOUND), and gives the stored attachment (no bytes).
 * ERR_INVAL / ERR_TOOBIG naming the file's fault; the form and the API call it.
 */
int page_attach_store(struct http_req *r, enum attachment_owner kind, struct attachment *ret);
/*
 * The attachments of document or task r->id[0], oldest first, to an account
 * that may see it (the rule of the download, /attachments/#), else
 * ERR_NOTFOUND (ERR_PERM for a reporter asking a document's). Arena memory.
 */
int page_attach_list(struct http_req *r, enum attachment_owner kind, struct attachment **ret,
		     size_t *ret_n);
/* The "Tệp đính kèm" section of a document's or task's page; may_add shows the upload form. */
void page_attachments_section(struct http_req *r, struct html *h, enum attachment_owner kind,
			      int64_t owner, bool may_add);
/* dd/mm/yyyy from ISO text, in the request's arena ("" for NULL). */
const char *page_show_date(struct http_req *r, const char *iso);
/* A task's deadline in a list's cell: its words, the date under them in grey (or the date alone). */
void page_task_deadline(struct http_req *r, struct html *h, const struct read_task_row *t);
/* The step ('s' submit, 'a' approve, 'r' return with "comment") on notice r->id[0]; the form and the API call it. */
int page_notice_approval_step(struct http_req *r, char step);
/* The draft's "Trình ký" section: its state, its history with comments, the buttons. */
void page_notice_approval_section(struct http_req *r, struct html *h, const struct notice_row *row);
/* The notice page's "Bản ký số" section: the signed copy kept, and the form to send one. */
void page_notice_sign_section(struct http_req *r, struct html *h, const struct notice_row *row);
int page_tasks(struct http_req *r);
int page_task(struct http_req *r);
/* GET /tasks/#/timeline: the task's whole timeline, oldest first, a page at a time. */
int page_task_timeline(struct http_req *r);
extern const struct http_field page_task_timeline_fields[];
int page_task_report(struct http_req *r);
int page_task_confirm(struct http_req *r);
int page_task_sendback(struct http_req *r);
int page_task_extend(struct http_req *r);
int page_task_edit(struct http_req *r);
int page_task_split(struct http_req *r);
int page_task_close_requests(struct http_req *r);
int page_notice_followup(struct http_req *r);
/* Notice r->id[0] into row when the account may see it; ERR_NOTFOUND as for none. */
int page_notice_row(struct http_req *r, struct notice_row *row);
/* the notice composer (page_notice_compose.c) */
int page_session_notice(struct http_req *r);
int page_notice_compose(struct http_req *r);
int page_notice_task_add(struct http_req *r);
int page_notice_task_remove(struct http_req *r);
/* The composer's sections of a notice's page: task rows, fields, figure picker, issue form. */
int page_notice_composer(struct http_req *r, struct html *h, const struct notice_row *row,
			 const struct notice_doc *doc);
/* A notice task row from a form or JSON (coord1…3 or coord_unit_ids); 4xx field errors set. */
int page_notice_task_input(struct http_req *r, int64_t *coords, struct notice_task_in *ret);
/* The field a core message about a task row names ("thời hạn: …" → "deadline"). */
const char *page_notice_task_err_field(const char *msg);
int page_unit_tasks(struct http_req *r);
/* page_sessionwork.c: the office's writes on a session */
int page_session_add(struct http_req *r);
int page_session_edit(struct http_req *r);
int page_agenda_add(struct http_req *r);
int page_agenda_move(struct http_req *r);
int page_attendance_save(struct http_req *r);
int page_vote_record(struct http_req *r);
int page_vote_correct(struct http_req *r);
extern const struct http_field page_session_fields[];
extern const struct http_field page_session_comments_fields[];
extern const struct http_field page_notice_fields[];
extern const struct http_field page_session_patch_fields[];
extern const struct http_field page_agenda_fields[];
extern const struct http_field page_agenda_move_fields[];
extern const struct http_field page_attendance_fields[];
extern const struct http_field page_vote_fields[];
/*
 * The session of the request's fields (organ as an id or BODY:KIND, term as
 * an id or a name, number, kind, date, time, place, basis) into *ret, for
 * reg_session_add (old NULL) or reg_session_update (what is not sent is
 * old's). An organ outside the account's scope, or a term not of its body,
 * is a field error (ERR_INVAL).
 */
int page_session_input(struct http_req *r, const struct read_session *old, struct reg_session *ret);
/* An agenda item of the fields kind, title, document_id, presenter_unit_id, within scope. */
int page_agenda_input(struct http_req *r, int64_t session_id, struct reg_agenda *ret);
/* A vote of the fields for, against, abstain, wording and names (JSON) on item_id. */
int page_vote_input(struct http_req *r, int64_t item_id, struct sw_vote_in *ret);
/* The field a core message about a session, an agenda item or a vote is about. */
const char *page_session_err_field(const char *msg);
const char *page_agenda_err_field(const char *msg);
const char *page_vote_err_field(const char *msg);

extern const struct http_field page_login_fields[];
extern const struct http_field page_list_fields[];
extern const struct http_field page_user_fields[];
extern const struct http_field page_audit_fields[];
extern const struct http_field page_search_fields[];
extern const struct http_field page_indicator_fields[];
extern const struct http_field page_notice_tmpl_fields[];
extern const struct http_field page_notice_issue_fields[];
extern const struct http_field page_notice_compose_fields[];
extern const struct http_field page_notice_task_fields[];
extern const struct http_field page_task_list_fields[];
struct read_task_filter;
/*
 * The task filters of the request's query (page_task_list_fields, already
 * checked) into *f, strings in the request; a code list "qua_han,trong_han"
 * to its status mask, open=1 to the open statuses. 0, or ERR_NOMEM.
 */
int page_task_filter(struct http_req *r, struct read_task_filter *f);
/* "&status=…&unit=…" of the filters the request carries (escaped), for next-page links. */
const char *page_task_filter_query(struct http_req *r);
extern const struct http_field page_task_report_fields[];
extern const struct http_field page_task_confirm_fields[];
extern const struct http_field page_task_sendback_fields[];
extern const struct http_field page_task_extend_fields[];
extern const struct http_field page_task_edit_fields[];
extern const struct http_field page_task_split_fields[];
extern const struct http_field page_followup_fields[];
/* The field a refused task_extend names: "deadline", "reason", "decided_on" or "". */
const char *page_extend_field(const char *msg);
/* The field a refused task_split names: "content", "deadline", "assigned_on" or "leads". */
const char *page_split_field(const char *msg);
/* POST /tasks: a new task of a body for its units or lower bodies (task_assign). */
int page_task_assign(struct http_req *r);
extern const struct http_field page_task_assign_fields[];
/* The field a refused task_assign names: "body" (the assigning body) or page_split_field's. */
const char *page_assign_field(const char *msg);

struct task;
struct task_report_input;
/*
 * A progress report on t from the inputs text, result, percent and date_field; made
 * for a reporter's own unit, else the "unit" input, else the task's first unit (a
 * field error when it has none). unit holds the unit's id for in.
 */
int page_report_input(struct http_req *r, const struct task *t, const char *date_field,
		      struct task_report_input *in, char unit[static 24]);
/*
 * The table of tasks ts (those the account may see): number, content and
 * source, units, deadline, status, latest report; forms: each open task's
 * report form under its latest report.
 */
int page_task_table(struct http_req *r, struct html *h, struct task *ts, size_t n, bool forms);
/*
 * 0 when the account acts for the body that assigned t (read_task_assigner),
 * else ERR_PERM saying that only that body's office confirms, sends back,
 * edits or extends it.
 */
int page_task_assigner_only(struct http_req *r, const struct task *t);
/* The dashboard's task panel: per unit, overdue and due soon; the rate; the latest reports. */
int page_dashboard_tasks(struct http_req *r, struct html *h);

struct ind_report;
/*
 * The indicators report of the "body" and "period" inputs (or the latest),
 * when its body is in the account's scope (else 404); free with ind_report_free.
 */
int page_ind_report(struct http_req *r, struct ind_report *rep);
/* The SVG bars of a report's % of plan (dashboard and indicators page). */
void page_indicator_chart(struct http_req *r, struct html *h, const struct ind_report *rep);

/*
 * The page frame: head, navigation for the account's role, and the closing
 * tags. Everything between goes through h (html.h).
 */
void page_begin(struct http_req *r, struct html *h, const char *title);
void page_end(struct http_req *r, struct html *h);
/* An error page for code (status from err_http), with the field errors if any. */
int page_error(struct http_req *r, int code);
/* The hidden CSRF input of a form. */
void page_csrf(struct http_req *r, struct html *h);
/* Whether the account's role is one of the mask (http_route.h R_*). */
int page_role_in(struct http_req *r, unsigned mask);
/* indicator entry and export */
/* The entry grid of a body and period (GET), its save (POST), the report as XLSX. */
int page_ind_entry(struct http_req *r);
int page_ind_entry_save(struct http_req *r);
int page_ind_xlsx(struct http_req *r);
extern const struct http_field page_ind_entry_fields[];
extern const struct http_field page_ind_entry_post_fields[];
/* administration */
int page_admin_user_passwd(struct http_req *r);
int page_admin_user_disable(struct http_req *r);
int page_admin_user_enable(struct http_req *r);
int page_admin_bodies(struct http_req *r);
int page_admin_body_add(struct http_req *r);
/* POST /admin/bodies/succession: bodies end and pass their work to a successor. */
int page_admin_succession(struct http_req *r);
extern const struct http_field page_succession_fields[];
/* The field a refused reg_succession names: "on", "successor" or "end". */
const char *page_succession_field(const char *msg);
int page_admin_terms(struct http_req *r);
int page_admin_term_add(struct http_req *r);
int page_admin_organs(struct http_req *r);
int page_admin_organ_add(struct http_req *r);
int page_admin_member_add(struct http_req *r);
int page_admin_units(struct http_req *r);
int page_admin_unit_add(struct http_req *r);
int page_admin_people(struct http_req *r);
int page_admin_person_add(struct http_req *r);
int page_admin_rgroups(struct http_req *r);
int page_admin_rgroup_add(struct http_req *r);
int page_admin_rline_add(struct http_req *r);
int page_admin_profiles(struct http_req *r);
int page_admin_profile_set(struct http_req *r);
extern const struct http_field page_user_passwd_fields[];
extern const struct http_field page_user_disable_fields[];
extern const struct http_field page_body_fields[];
extern const struct http_field page_term_fields[];
extern const struct http_field page_organ_fields[];
extern const struct http_field page_member_fields[];
extern const struct http_field page_unit_fields[];
extern const struct http_field page_person_fields[];
extern const struct http_field page_rgroup_fields[];
extern const struct http_field page_rline_fields[];
extern const struct http_field page_profile_fields[];

/* The administration sub-menu, current (a path) marked. */
void page_admin_menu(struct http_req *r, struct html *h, const char *current);
/*
 * The <option>s of a choice in the reading account's scope (read_choices):
 * a choice's group follows the label in brackets; the option whose value is
 * selected (may be NULL) is marked.
 */
int page_options(struct http_req *r, struct html *h, enum read_choice c, const char *selected);
/* A fixed list of <option>s, ended by a row with value NULL. */
struct page_choice {
	const char *value, *label;
};
void page_choices(struct http_req *r, struct html *h, const struct page_choice *c,
		  const char *selected);

/*
 * Form helpers for the RF_FORM routes: each field is shown with the value
 * sent (never a password's) and, after a refused POST, its message beside it.
 */
enum page_input_kind { PI_TEXT, PI_DATE, PI_NUMBER, PI_DECIMAL, PI_EMAIL, PI_PASSWORD };
void page_input(struct http_req *r, struct html *h, const char *name, const char *label,
		enum page_input_kind kind, bool required);
void page_select_begin(struct http_req *r, struct html *h, const char *name, const char *label,
		       bool required);
void page_select_end(struct http_req *r, struct html *h, const char *name);
/*
 * A whole <select> of the options of c (page_options), the one sent selected;
 * none: the label of an empty first option, NULL when a choice is required.
 */
int page_select_db(struct http_req *r, struct html *h, const char *name, const char *label,
		   const char *none, enum read_choice c);
/* The message of field name, if it has one. */
void page_field_msg(struct http_req *r, struct html *h, const char *name);
/* The messages that belong to no field, above a form (or a pointer to the fields'). */
void page_form_errors(struct http_req *r, struct html *h);
/*
 * A list table, shown as cards on a phone: every cell carries its column's
 * header as data-label, which the stylesheet writes before the value when the
 * columns no longer fit. page_table_begin writes the head of the ncol labels
 * cols (kept, not copied; cls may be NULL) and opens the body; page_td opens
 * the row's next cell (closing the one before, or opening a row), cls its
 * class or NULL; page_th_row opens a row whose first cell is its header (the
 * card's title); page_tr opens a row of class cls; page_tr_end closes the
 * row; page_table_group starts a new <tbody> (a group of rows);
 * page_table_empty writes the one row of an empty list, text across every
 * column; page_table_end closes the table.
 */
struct page_table {
	struct html *h;
	const char *const *cols;
	int ncol, col; /* col: the row's open cell, -1 before the first */
	bool row, th;  /* a row is open; the open cell is the row's header */
};
void page_table_begin(struct page_table *t, struct html *h, const char *cls,
		      const char *const *cols, int ncol);
void page_td(struct page_table *t, const char *cls);
void page_th_row(struct page_table *t);
void page_tr(struct page_table *t, const char *cls);
void page_tr_end(struct page_table *t);
void page_table_group(struct page_table *t);
void page_table_empty(struct page_table *t, const char *text);
void page_table_end(struct page_table *t);
/* The number of elements of a static array (a table's labels). */
#define PAGE_NCOL(a) ((int)(sizeof(a) / sizeof((a)[0])))
/* Commits when rc is 0, else rolls back; returns rc or the commit's error (tx_end). */
int page_tx_end(struct http_req *r, int rc);
/*
 * A write the core refused (message in r->err): for bad input (ERR_INVAL,
 * ERR_NOTFOUND: 400; ERR_EXISTS, ERR_LOCKED: 409) the page again through
 * render with the message (beside field for ERR_EXISTS); any other code is
 * returned for the error page.
 */
int page_form_refused(struct http_req *r, int rc, const char *field,
		      int (*render)(struct http_req *r));
/* Input the field table refused (r->nferr): 400 and the page again through render. */
int page_form_again(struct http_req *r, int (*render)(struct http_req *r));

/* page_imports.c: an existing notice read from a file (GET the form, POST preview or store) */
struct imp_request;
int page_imports(struct http_req *r);
int page_import(struct http_req *r);
extern const struct http_field page_import_fields[];
/*
 * The import a request asks for, shared with the API: the text a preview
 * sent back (field "text", base64, with name, format, encoding), else the
 * file uploaded; actor the request's account, text_out as imp_request's. No
 * store (q->db NULL): the caller sets it. ERR_INVAL for no file or an empty one.
 */
int page_import_request(struct http_req *r, struct imp_request *q, struct buf *text_out);

/* page_requests.c: reporting requests to lower bodies */
int page_requests(struct http_req *r);
int page_request_add(struct http_req *r);
int page_request_answer(struct http_req *r);
extern const struct http_field page_request_fields[];
extern const struct http_field page_request_answer_fields[];
/* The field a core message about a request names ("hạn báo cáo: …" → "due"), "" for none. */
const char *page_request_err_field(const char *msg);
/*
 * Request r->id[0] as the account sees it into rq, and the addressee an
 * answer is for into ret: the "body" input, or the one in the account's scope
 * that has not answered. ERR_NOTFOUND for a request it does not see;
 * ERR_INVAL (a field error on body) when it may not answer for that body.
 */
int page_request_answer_body(struct http_req *r, struct read_request *rq, int64_t *ret);
