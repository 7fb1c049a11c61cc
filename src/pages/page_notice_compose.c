/*
 * page_notice_compose.c: the notice composer: a draft made from its session,
 * edited as fields and prose with a figure picker, its tasks as rows, and the
 * number it will take; each form has its /api/v1 twin (api_notice.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "core/notice/notice.h"
#include "core/registry/docnum.h"
#include <jansson.h>

#include "http/http_route.h"
#include "pages/pages.h"

const struct http_field page_notice_compose_fields[] = {
    {"period", HF_TEXT, false, 16, NULL, "Kỳ số liệu"},
    {"plan", HF_TEXT, false, 64, NULL, "Kế hoạch so sánh"},
    {"sign_form", HF_ENUM, false, 0, "T/M|K/T|T/L|TM.|KT.|TL.|Q.", "Hình thức ký"},
    {"sign_body", HF_TEXT, false, 120, NULL, "Thay mặt"},
    {"sign_position", HF_TEXT, false, 120, NULL, "Chức vụ người ký"},
    {"sign_name", HF_TEXT, false, 120, NULL, "Người ký"},
    {"recipients", HF_TEXT, false, 64, NULL, "Nhóm nơi nhận"},
    {"archive", HF_TEXT, false, 200, NULL, "Dòng lưu"},
    {"body", HF_MULTI, true, 200000, NULL, "Nội dung"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_notice_task_fields[] = {
    {"section", HF_TEXT, false, 32, NULL, "Mục"},
    {"content", HF_MULTI, true, 4000, NULL, "Nội dung nhiệm vụ"},
    {"lead_unit_id", HF_INT, true, 0, NULL, "Đơn vị chủ trì"},
    {"coord#", HF_INT, false, 0, NULL, "Đơn vị phối hợp"},
    {"coord_unit_ids", HF_JSON, false, 4096, NULL, "Đơn vị phối hợp (coord_unit_ids)"},
    {"deadline", HF_TEXT, false, 200, NULL, "Thời hạn"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The co-ordinating units of a task form: coord1…coord3 (form) or coord_unit_ids (JSON). */
static int coord_input(struct http_req *r, int64_t *ids, size_t *ret_n)
{
	const char *json = http_arg(r, "coord_unit_ids");
	size_t n = 0;

	if (json && *json) {
		json_t *j = json_loads(json, 0, NULL);
		size_t i;
		json_t *v;

		if (!json_is_array(j) || json_array_size(j) > NOTICE_TASK_COORDS_MAX) {
			json_decref(j);
			return http_field_error(r, "coord_unit_ids",
						"Đơn vị phối hợp (coord_unit_ids) phải là một mảng "
						"mã đơn vị, nhiều nhất 16");
		}
		json_array_foreach(j, i, v)
		{
			if (!json_is_integer(v) || json_integer_value(v) <= 0) {
				json_decref(j);
				return http_field_error(r, "coord_unit_ids",
							"Đơn vị phối hợp (coord_unit_ids): mỗi "
							"phần tử là mã (số) của một đơn vị");
			}
			ids[n++] = json_integer_value(v);
		}
		json_decref(j);
	}
	for (int k = 1; k <= 3 && n < NOTICE_TASK_COORDS_MAX; k++) {
		int64_t v = http_arg_int(r, arena_printf(r->arena, "coord%d", k), 0);

		if (v > 0)
			ids[n++] = v;
	}
	*ret_n = n;
	return 0;
}

int page_notice_task_input(struct http_req *r, int64_t *coords, struct notice_task_in *ret)
{
	int rc;

	memset(ret, 0, sizeof(*ret));
	ret->section = http_arg(r, "section");
	ret->content = http_arg(r, "content");
	ret->lead_unit_id = http_arg_int(r, "lead_unit_id", 0);
	ret->deadline = http_arg(r, "deadline");
	rc = coord_input(r, coords, &ret->ncoords);
	ret->coord_ids = coords;
	return rc;
}

const char *page_notice_task_err_field(const char *msg)
{
	static const struct {
		const char *prefix, *field;
	} map[] = {{"nội dung", "content"},
		   {"đơn vị chủ trì", "lead_unit_id"},
		   {"đơn vị phối hợp", "coord1"},
		   {"thời hạn", "deadline"},
		   {"mục", "section"},
		   {NULL, NULL}};

	for (size_t i = 0; map[i].prefix; i++)
		if (strncmp(msg, map[i].prefix, strlen(map[i].prefix)) == 0)
			return map[i].field;
	return "";
}

/* An input prefilled from the form sent back, else from the draft. */
static void field(struct http_req *r, struct html *h, const char *name, const char *label,
		  const char *value, const char *hint)
{
	const char *v = http_arg(r, name) ? http_arg(r, name) : value;

	H(h, "<label><span>");
	html_text(h, label);
	H(h, "</span> <input name=\"");
	html_text(h, name);
	H(h, "\" value=\"");
	html_text(h, v ? v : "");
	H(h, "\"");
	if (hint) {
		H(h, " placeholder=\"");
		html_text(h, hint);
		H(h, "\"");
	}
	H(h, ">");
	page_field_msg(r, h, name);
	H(h, "</label>");
}

/* The figures of the notice's body and period, by Vietnamese name, each inserting a placeholder. */
static void figure_picker(struct http_req *r, struct html *h, int64_t body_id, const char *period)
{
	static const struct {
		const char *q, *label;
	} qs[] = {{"value", "giá trị"},
		  {"pct_plan", "% kế hoạch"},
		  {"pct_same", "% so cùng kỳ"},
		  {"growth", "tăng/giảm %"}};
	static const char *const cols[] = {"Chỉ tiêu", "Thực hiện", "Chèn"};
	struct ind_report rep;
	struct page_table tb;
	struct buf b = BUF_INIT(64);

	H(h, "<details class=\"picker\" id=\"chi-tieu\"><summary>Chèn số liệu chỉ tiêu");
	if (!period || ind_report_build(r->db, body_id, period, &rep, NULL) < 0) {
		H(h, "</summary><p class=\"muted\">Chưa có số liệu của kỳ này.</p></details>");
		return;
	}
	H(h, " (");
	html_text(h, rep.period_label);
	H(h, ")</summary><p class=\"muted\">Bấm để chèn vào chỗ con trỏ trong nội dung; số in "
	     "ra luôn lấy từ số liệu đã nhập.</p>");
	page_table_begin(&tb, h, "figs", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < rep.n; i++) {
		const struct ind_row *x = &rep.rows[i];

		page_td(&tb, NULL);
		html_text(h, x->d.name);
		page_td(&tb, NULL);
		buf_reset(&b);
		if (vn_dec_format(x->f.value, 0, &b) == 0)
			html_text(h, buf_str(&b));
		H(h, " ");
		html_text(h, x->d.unit);
		page_td(&tb, NULL);
		for (size_t k = 0; k < sizeof(qs) / sizeof(qs[0]); k++) {
			if ((k == 1 && !x->has_pct_plan) || (k >= 2 && !x->has_pct_same))
				continue;
			H(h, "<button type=\"button\" class=\"small\" data-target=\"noi-dung\" "
			     "data-insert=\"{{fig ");
			html_text(h, x->d.code);
			H(h, " ");
			html_text(h, qs[k].q);
			H(h, "}}\">");
			html_text(h, qs[k].label);
			H(h, "</button> ");
		}
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(h, "</details><script src=\"/static/dondoc.js\" defer></script>");
	buf_free(&b);
	ind_report_free(&rep);
}

/* The task rows of the draft, with a form to add one. */
static int task_rows(struct http_req *r, struct html *h, const struct notice_row *row, bool draft)
{
	struct notice_task *t = NULL;
	size_t n = 0;
	int rc = notice_tasks(r->db, row->id, r->arena, &t, &n, &r->err);

	if (rc < 0)
		return rc;
	static const char *const cols[] = {"TT",       "Mục",	   "Nội dung", "Chủ trì",
					   "Phối hợp", "Thời hạn", ""};
	struct page_table tb;

	H(h, "<section id=\"nhiem-vu\"><h2>Nhiệm vụ giao trong thông báo (");
	html_int(h, (int64_t)n);
	H(h, ")</h2>");
	page_table_begin(&tb, h, "notice-tasks", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		html_int(h, t[i].position);
		page_td(&tb, NULL);
		html_text(h, t[i].section);
		page_td(&tb, NULL);
		html_text(h, t[i].content);
		page_td(&tb, NULL);
		html_text(h, t[i].lead_name);
		page_td(&tb, NULL);
		html_text(h, t[i].coord_names);
		page_td(&tb, NULL);
		html_text(h, t[i].deadline);
		page_td(&tb, NULL);
		if (t[i].task_id > 0) {
			H(h, "<a href=\"/tasks/");
			html_int(h, t[i].task_id);
			H(h, "\">Nhiệm vụ ");
			html_int(h, t[i].task_id);
			H(h, "</a>");
		} else if (draft && page_role_in(r, R_STAFF)) {
			H(h, "<form method=\"post\" action=\"/notices/");
			html_int(h, row->id);
			H(h, "/tasks/");
			html_int(h, t[i].id);
			H(h, "/delete\">");
			page_csrf(r, h);
			H(h, "<button type=\"submit\" class=\"small\">Bỏ</button></form>");
		}
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Chưa có nhiệm vụ nào.");
	page_table_end(&tb);
	if (draft && page_role_in(r, R_STAFF)) {
		H(h, "<h3>Thêm nhiệm vụ</h3>");
		if (strstr(r->path, "/tasks"))
			page_form_errors(r, h);
		H(h, "<form class=\"stack\" method=\"post\" action=\"/notices/");
		html_int(h, row->id);
		H(h, "/tasks\">");
		page_csrf(r, h);
		H(h, "<label><span>Nội dung nhiệm vụ <abbr title=\"bắt buộc\">*</abbr></span>"
		     "<textarea name=\"content\" rows=\"3\" required>");
		html_text(h, http_arg(r, "content"));
		H(h, "</textarea>");
		page_field_msg(r, h, "content");
		H(h, "</label>");
		rc =
		    page_select_db(r, h, "lead_unit_id", "Đơn vị chủ trì", NULL, READ_CHOICE_UNITS);
		for (int k = 1; rc == 0 && k <= 3; k++)
			rc = page_select_db(r, h, arena_printf(r->arena, "coord%d", k),
					    arena_printf(r->arena, "Đơn vị phối hợp %d", k),
					    "(không)", READ_CHOICE_UNITS);
		if (rc < 0)
			return rc;
		field(r, h, "deadline", "Thời hạn", NULL,
		      "31/10/2023, 02 tháng tới, quý I/2024, thường xuyên");
		field(r, h, "section", "Mục của thông báo", NULL, "để trống nếu không chia mục");
		H(h, "<button type=\"submit\">Thêm nhiệm vụ</button></form>");
	}
	H(h, "</section>");
	return 0;
}

int page_notice_composer(struct http_req *r, struct html *h, const struct notice_row *row,
			 const struct notice_doc *doc)
{
	bool draft = row->status && strcmp(row->status, "draft") == 0;
	struct notice_edit ed;
	long next = 0;
	int rc;

	rc = task_rows(r, h, row, draft);
	if (rc < 0 || !draft || !page_role_in(r, R_STAFF))
		return rc;
	notice_edit_read(row->source_tmpl, r->arena, &ed);
	H(h, "<section id=\"soan-thao\"><h2>Soạn thảo</h2>");
	if (strstr(r->path, "/compose"))
		page_form_errors(r, h);
	H(h, "<form class=\"stack wide\" method=\"post\" action=\"/notices/");
	html_int(h, row->id);
	H(h, "/compose\">");
	page_csrf(r, h);
	H(h, "<fieldset><legend>Người ký</legend>");
	page_select_begin(r, h, "sign_form", "Hình thức ký", false);
	{
		static const char *const forms[] = {"T/M", "K/T", "T/L", "TM.", "KT.", "TL.", NULL};
		const char *cur =
		    http_arg(r, "sign_form") ? http_arg(r, "sign_form") : ed.sign_form;

		for (size_t i = 0; forms[i]; i++) {
			H(h, "<option");
			if (cur && strcmp(cur, forms[i]) == 0)
				H(h, " selected");
			H(h, ">");
			html_text(h, forms[i]);
			H(h, "</option>");
		}
	}
	page_select_end(r, h, "sign_form");
	field(r, h, "sign_body", "Thay mặt", ed.sign_body, "HUYỆN ỦY");
	field(r, h, "sign_position", "Chức vụ", ed.sign_position, "BÍ THƯ");
	field(r, h, "sign_name", "Họ tên người ký", ed.sign_name, NULL);
	H(h, "</fieldset>");
	field(r, h, "recipients", "Nhóm nơi nhận (mã)", ed.recipients, "tb-bch");
	field(r, h, "archive", "Dòng lưu", ed.archive, "Lưu Văn phòng Huyện ủy.");
	field(r, h, "period", "Kỳ số liệu", ed.period, "2023-T09");
	field(r, h, "plan", "Kế hoạch so sánh", ed.plan, "kế hoạch");
	figure_picker(r, h, row->body_id, doc->period);
	H(h, "<label><span>Nội dung (đoạn cách nhau một dòng trống; **chữ đậm**)</span>"
	     "<textarea id=\"noi-dung\" name=\"body\" rows=\"22\">");
	html_text(h, http_arg(r, "body") ? http_arg(r, "body") : ed.body);
	H(h, "</textarea>");
	page_field_msg(r, h, "body");
	H(h, "</label><button type=\"submit\">Lưu và xem trước</button></form></section>");
	/* the number the issue will take, looked at without taking it */
	H(h, "<section id=\"ban-hanh\"><h2>Ban hành</h2>");
	/* a Party body numbers across the term, a state body from 01 each year */
	const char *nl = doc->number_line ? doc->number_line : "";
	bool state = strncmp(nl, "Số:", strlen("Số:")) == 0;

	if ((state ? docnum_peek_year(r->db, row->body_id, doc->type_code, vn_date_today().y, &next,
				      NULL)
	     : row->term_id > 0
		 ? docnum_peek(r->db, row->body_id, doc->type_code, row->term_id, &next, NULL)
		 : -1) == 0) {
		/* the number line's form with the number in it: 513-TB/HU, 05/TB-UBND */
		const char *rest = strchr(nl, state ? '/' : '-');

		H(h, "<p>Số sẽ cấp: <strong id=\"so-ke-tiep\">");
		html_textf(h, "%02ld%s", next, rest ? rest : "");
		H(h, "</strong></p>");
	}
	if (doc->nerrors || doc->nunresolved) {
		H(h, "<p class=\"error\" role=\"alert\">Chưa ban hành được: còn ");
		html_int(h, (int64_t)(doc->nerrors + doc->nunresolved));
		H(h, " lỗi ở mục Cảnh báo phía trên. Sửa xong mới ban hành.</p>");
	}
	if (strstr(r->path, "/issue"))
		page_form_errors(r, h);
	H(h, "<form class=\"stack\" method=\"post\" action=\"/notices/");
	html_int(h, row->id);
	H(h, "/issue\">");
	page_csrf(r, h);
	page_input(r, h, "date", "Ngày ban hành", PI_DATE, false);
	H(h, "<button type=\"submit\"");
	if (doc->nerrors || doc->nunresolved)
		H(h, " disabled");
	H(h, ">Ban hành (cấp số)</button></form></section>");
	return 0;
}

static int back_to_notice(struct http_req *r, const char *anchor)
{
	return http_redirect(
	    r, arena_printf(r->arena, "/notices/%lld%s", (long long)r->id[0], anchor));
}

int page_session_notice(struct http_req *r)
{
	struct read_session s;
	int64_t id = 0;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc == 0)
		rc = notice_create_for_session(r->db, s.id, &id, &r->err);
	if (rc == ERR_INVAL) {
		/* a session still to come: said on its page */
		http_field_error(r, "", arena_strdup(r->arena, r->err.msg));
		r->status = 400;
		return page_session(r);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/notices/%lld", (long long)id));
}

int page_notice_compose(struct http_req *r)
{
	struct notice_row row;
	struct notice_edit ed = {
	    .period = http_arg(r, "period"),
	    .plan = http_arg(r, "plan"),
	    .sign_form = http_arg(r, "sign_form"),
	    .sign_body = http_arg(r, "sign_body"),
	    .sign_position = http_arg(r, "sign_position"),
	    .sign_name = http_arg(r, "sign_name"),
	    .recipients = http_arg(r, "recipients"),
	    .archive = http_arg(r, "archive"),
	    .body = http_arg(r, "body"),
	};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_notice);
	rc = page_notice_row(r, &row);
	if (rc == 0)
		rc = notice_edit_apply(r->db, row.id, &ed, &r->err);
	if (rc < 0)
		return page_form_refused(r, rc, "", page_notice);
	return back_to_notice(r, "#soan-thao");
}

int page_notice_task_add(struct http_req *r)
{
	struct notice_task_in in;
	struct notice_row row;
	int64_t coords[NOTICE_TASK_COORDS_MAX];
	int rc;

	if (r->nferr)
		return page_form_again(r, page_notice);
	rc = page_notice_task_input(r, coords, &in);
	if (r->nferr)
		return page_form_again(r, page_notice);
	if (rc == 0)
		rc = page_notice_row(r, &row);
	if (rc == 0)
		rc = notice_task_add(r->db, row.id, &in, NULL, &r->err);
	if (rc == ERR_INVAL) {
		http_field_error(r, page_notice_task_err_field(r->err.msg),
				 arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_notice);
	}
	if (rc < 0)
		return page_form_refused(r, rc, "", page_notice);
	return back_to_notice(r, "#nhiem-vu");
}

int page_notice_task_remove(struct http_req *r)
{
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = notice_task_remove(r->db, row.id, r->id[1], &r->err);
	if (rc < 0)
		return page_form_refused(r, rc, "", page_notice);
	return back_to_notice(r, "#nhiem-vu");
}
