/* pages.h: the HTML pages (one file each) and their field tables, for the route table. */
#pragma once

#include <stdbool.h>

#include "http/http.h"
#include "render/html.h"

int page_static_css(struct http_req *r);
int page_login_form(struct http_req *r);
int page_login(struct http_req *r);
int page_logout(struct http_req *r);
int page_dashboard(struct http_req *r);
int page_sessions(struct http_req *r);
int page_session(struct http_req *r);
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
int page_tasks(struct http_req *r);
int page_task(struct http_req *r);
int page_task_report(struct http_req *r);
int page_task_confirm(struct http_req *r);
int page_unit_tasks(struct http_req *r);

extern const struct http_field page_login_fields[];
extern const struct http_field page_list_fields[];
extern const struct http_field page_user_fields[];
extern const struct http_field page_audit_fields[];
extern const struct http_field page_search_fields[];
extern const struct http_field page_indicator_fields[];
extern const struct http_field page_notice_tmpl_fields[];
extern const struct http_field page_notice_issue_fields[];
extern const struct http_field page_task_list_fields[];
extern const struct http_field page_task_report_fields[];
extern const struct http_field page_task_confirm_fields[];

struct task;
/* Today (UTC) as ISO text. */
void page_today(char out[static 11]);
/* Whether the account may see a task: its body in scope; a reporter only its own unit's. */
bool page_task_visible(struct http_req *r, const struct task *t);
struct task_report_input;
/*
 * A progress report on t from the inputs text, result, percent and date_field; made
 * for a reporter's own unit, else the "unit" input, else the task's first unit (a
 * field error when it has none). unit holds the unit's id for in.
 */
int page_report_input(struct http_req *r, const struct task *t, const char *date_field,
		      struct task_report_input *in, char unit[static 24]);
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
