/* page_tasks.c: tasks: filtered list, detail with timeline, report progress, confirm; a unit's own page. */
#include <stdio.h>
#include <string.h>

#include "core/tasks/task.h"
#include "http/http_route.h"
#include "pages/pages.h"

const struct http_field page_task_list_fields[] = {
    {"status", HF_ENUM, false, 0, "dung_han|tre_han|trong_han|qua_han|thuong_xuyen",
     "Tình trạng (status)"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị (unit)"},
    {"open", HF_ENUM, false, 0, "1", "Chỉ việc chưa xong (open)"},
    {"as_of", HF_DATE, false, 0, NULL, "Tính đến ngày (as_of)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_task_report_fields[] = {
    {"text", HF_MULTI, true, 4000, NULL, "Nội dung báo cáo"},
    {"result", HF_MULTI, false, 2000, NULL, "Kết quả, sản phẩm"},
    {"percent", HF_TEXT, false, 3, NULL, "Tiến độ (%)"},
    {"on_date", HF_DATE, false, 0, NULL, "Ngày báo cáo"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị báo cáo"},
    {"close_request", HF_ENUM, false, 0, "1", "Đề nghị kết thúc"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_task_confirm_fields[] = {
    {"date", HF_DATE, false, 0, NULL, "Ngày hoàn thành"},
    {"note", HF_MULTI, false, 2000, NULL, "Ghi chú"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Today (UTC) as ISO text. */
static const char *status_class(enum task_status s)
{
	switch (s) {
	case TASK_DONE_ON_TIME:
		return "st-ok";
	case TASK_DONE_LATE:
		return "st-late";
	case TASK_OPEN_OVERDUE:
		return "st-bad";
	default:
		return "st-open";
	}
}

static void status_badge(struct html *h, enum task_status s)
{
	H(h, "<span class=\"badge ");
	html_text(h, status_class(s));
	H(h, "\">");
	html_text(h, task_status_name(s));
	H(h, "</span>");
}

/* Whether the account may see this task: its body in scope; a reporter only its unit's. */
static void units_cell(struct html *h, const struct task *t)
{
	for (size_t i = 0; i < t->nunits; i++) {
		if (i)
			H(h, "; ");
		if (t->units[i].lead)
			H(h, "<strong>");
		html_text(h, t->units[i].name);
		if (t->units[i].lead)
			H(h, "</strong>");
	}
}

/* The report form of one task (for its units and the office). */
static void report_form(struct http_req *r, struct html *h, const struct task *t)
{
	H(h, "<form class=\"stack report\" method=\"post\" action=\"/tasks/");
	html_int(h, t->id);
	H(h, "/report\">");
	page_csrf(r, h);
	H(h, "<label>Báo cáo tiến độ <textarea name=\"text\" rows=\"3\" required "
	     "maxlength=\"4000\"></textarea></label><label>Kết quả, sản phẩm <input "
	     "name=\"result\" maxlength=\"2000\"></label><label>Tiến độ (%) <input "
	     "name=\"percent\" type=\"number\" min=\"0\" max=\"100\" inputmode=\"numeric\">"
	     "</label>");
	if (strcmp(r->acct.role, "reporter") != 0) {
		H(h, "<label>Đơn vị báo cáo <select name=\"unit\">");
		for (size_t i = 0; i < t->nunits; i++) {
			H(h, "<option value=\"");
			html_int(h, t->units[i].id);
			H(h, "\">");
			html_text(h, t->units[i].name);
			H(h, "</option>");
		}
		H(h, "</select></label>");
	}
	H(h, "<label><input type=\"checkbox\" name=\"close_request\" value=\"1\"> Đề nghị kết "
	     "thúc nhiệm vụ</label><button type=\"submit\">Gửi báo cáo</button></form>");
}

static int task_table(struct http_req *r, struct html *h, struct task *ts, size_t n, bool forms)
{
	int shown = 0;

	H(h, "<table class=\"tasks\"><thead><tr><th>#</th><th>Nhiệm vụ</th><th>Đơn vị</th>"
	     "<th>Thời hạn</th><th>Tình trạng</th><th>Báo cáo mới nhất</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		struct task *t = &ts[i];

		if (!read_task_visible(r->db, &r->acct, t))
			continue;
		shown++;
		H(h, "<tr><td><a href=\"/tasks/");
		html_int(h, t->id);
		H(h, "\">");
		html_int(h, t->id);
		H(h, "</a></td><td><a href=\"/tasks/");
		html_int(h, t->id);
		H(h, "\">");
		html_text(h, t->content);
		H(h, "</a><br><span class=\"muted\">");
		html_text(h, t->source_label);
		H(h, "</span></td><td>");
		units_cell(h, t);
		H(h, "</td><td>");
		html_text(h, t->dl.words ? t->dl.words : t->due);
		H(h, "</td><td>");
		status_badge(h, t->status);
		H(h, "</td><td>");
		html_text(h, t->latest_report);
		if (forms && !t->completed_on)
			report_form(r, h, t);
		H(h, "</td></tr>");
	}
	if (!shown)
		H(h, "<tr><td colspan=\"6\" class=\"muted\">Không có nhiệm vụ.</td></tr>");
	H(h, "</tbody></table>");
	return 0;
}

int page_tasks(struct http_req *r)
{
	struct task_filter f = {0};
	struct task *ts = NULL;
	enum task_status st;
	char today[11];
	size_t n = 0;
	struct html h;
	int rc;

	read_today(today);
	f.as_of = http_arg(r, "as_of") ? http_arg(r, "as_of") : today;
	f.unit_id = http_arg_int(r, "unit", 0);
	f.open_only = http_arg(r, "open") != NULL;
	if (http_arg(r, "status") && task_status_parse(http_arg(r, "status"), &st, NULL) == 0)
		f.status_mask = 1u << st;
	if (strcmp(r->acct.role, "reporter") == 0)
		f.unit_id = r->acct.unit_id;
	rc = task_list(r->db, &f, r->arena, &ts, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Nhiệm vụ");
	H(&h, "<h1>Nhiệm vụ</h1><p><a href=\"/ical/tasks.ics\">Lịch hạn nhiệm vụ (iCal)</a></p>"
	      "<form class=\"filters\" method=\"get\" action=\"/tasks\">"
	      "<label>Tình trạng <select name=\"status\"><option value=\"\">(tất cả)</option>"
	      "<option value=\"qua_han\">chưa hoàn thành quá hạn</option>"
	      "<option value=\"trong_han\">chưa hoàn thành trong hạn</option>"
	      "<option value=\"dung_han\">hoàn thành đúng hạn</option>"
	      "<option value=\"tre_han\">hoàn thành quá hạn</option>"
	      "<option value=\"thuong_xuyen\">thường xuyên</option></select></label> "
	      "<label><input type=\"checkbox\" name=\"open\" value=\"1\"> chưa xong</label> "
	      "<label>Tính đến <input type=\"date\" name=\"as_of\" value=\"");
	html_text(&h, f.as_of);
	H(&h, "\"></label> <button type=\"submit\">Lọc</button></form>");
	task_table(r, &h, ts, n, false);
	page_end(r, &h);
	return h.err;
}

int page_unit_tasks(struct http_req *r)
{
	struct task_filter f = {0};
	struct task *ts = NULL;
	char today[11];
	size_t n = 0;
	struct html h;
	int rc;

	if (!r->acct.unit_id)
		return err_set(&r->err, ERR_NOTFOUND,
			       "Tài khoản %s không gắn với đơn vị nào; xem danh sách nhiệm vụ",
			       r->acct.login);
	read_today(today);
	f.as_of = today;
	f.unit_id = r->acct.unit_id;
	rc = task_list(r->db, &f, r->arena, &ts, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Nhiệm vụ của đơn vị");
	H(&h, "<h1>Nhiệm vụ của đơn vị</h1><p class=\"muted\">Báo cáo tiến độ ngay dưới từng "
	      "nhiệm vụ; Văn phòng xác nhận khi hoàn thành.</p>");
	task_table(r, &h, ts, n, true);
	page_end(r, &h);
	return h.err;
}

/* Loads task r->id[0] and checks that the account may see it (else 404). */
static int load_task(struct http_req *r, struct task **ret)
{
	char today[11];
	int rc;

	read_today(today);
	rc = task_get(r->db, r->id[0], today, r->arena, ret, &r->err);
	if (rc < 0)
		return rc;
	if (!read_task_visible(r->db, &r->acct, *ret))
		return err_set(&r->err, ERR_NOTFOUND, "Không có nhiệm vụ số %lld",
			       (long long)r->id[0]);
	return 0;
}

int page_task(struct http_req *r)
{
	struct task *t;
	struct html h;
	int rc = load_task(r, &t);

	if (rc < 0)
		return rc;
	page_begin(r, &h, "Nhiệm vụ");
	H(&h, "<h1>Nhiệm vụ số ");
	html_int(&h, t->id);
	H(&h, "</h1><p>");
	html_text(&h, t->content);
	H(&h, "</p><dl><dt>Nguồn</dt><dd>");
	html_text(&h, t->source_label);
	if (t->section) {
		H(&h, ", mục ");
		html_text(&h, t->section);
	}
	H(&h, "</dd><dt>Đơn vị</dt><dd>");
	units_cell(&h, t);
	H(&h, "</dd><dt>Thời hạn</dt><dd>");
	html_text(&h, t->dl.words ? t->dl.words : "không có");
	if (t->due) {
		H(&h, " (");
		html_text(&h, t->due);
		H(&h, ")");
	}
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	status_badge(&h, t->status);
	H(&h, "</dd>");
	if (t->report_to) {
		H(&h, "<dt>Báo cáo về</dt><dd>");
		html_text(&h, t->report_to);
		H(&h, "</dd>");
	}
	H(&h, "</dl><h2>Diễn biến</h2><ol class=\"timeline\">");
	for (size_t i = 0; i < t->nevents; i++) {
		const struct task_event *ev = &t->events[i];

		H(&h, "<li><strong>");
		html_text(&h, ev->on_date);
		H(&h, "</strong> ");
		if (strcmp(ev->kind, "created") == 0)
			H(&h, "giao nhiệm vụ");
		else if (strcmp(ev->kind, "report") == 0)
			H(&h, "báo cáo tiến độ");
		else if (strcmp(ev->kind, "close_request") == 0)
			H(&h, "đề nghị kết thúc");
		else if (strcmp(ev->kind, "confirmed") == 0)
			H(&h, "Văn phòng xác nhận hoàn thành");
		else
			H(&h, "trả lại, tiếp tục thực hiện");
		if (ev->unit) {
			H(&h, " — ");
			html_text(&h, ev->unit);
		}
		if (ev->percent >= 0) {
			H(&h, " <span class=\"badge st-open\">");
			html_int(&h, ev->percent);
			H(&h, "%</span>");
		}
		if (ev->text) {
			H(&h, "<br>");
			html_text(&h, ev->text);
		}
		if (ev->result) {
			H(&h, "<br><em>Kết quả:</em> ");
			html_text(&h, ev->result);
		}
		H(&h, "</li>");
	}
	H(&h, "</ol>");
	if (!t->completed_on && page_role_in(r, R_REPORT)) {
		H(&h, "<h2>Báo cáo tiến độ</h2>");
		report_form(r, &h, t);
	}
	if (!t->completed_on && page_role_in(r, R_STAFF)) {
		H(&h, "<h2>Xác nhận hoàn thành</h2><form class=\"stack\" method=\"post\" "
		      "action=\"/tasks/");
		html_int(&h, t->id);
		H(&h, "/confirm\">");
		page_csrf(r, &h);
		H(&h, "<label>Ngày hoàn thành <input type=\"date\" name=\"date\"></label>"
		      "<label>Ghi chú <input name=\"note\"></label><button type=\"submit\">Xác "
		      "nhận</button></form>");
	}
	page_end(r, &h);
	return h.err;
}

int page_report_input(struct http_req *r, const struct task *t, const char *date_field,
		      struct task_report_input *in, char unit[static 24])
{
	if (strcmp(r->acct.role, "reporter") == 0)
		snprintf(unit, 24, "%lld", (long long)r->acct.unit_id);
	else if (http_arg(r, "unit"))
		snprintf(unit, 24, "%s", http_arg(r, "unit"));
	else if (t->nunits)
		snprintf(unit, 24, "%lld", (long long)t->units[0].id);
	else
		return http_field_error(r, "unit", "Nhiệm vụ chưa giao cho đơn vị nào");
	in->unit = unit;
	in->on_date = http_arg(r, date_field);
	in->text = http_arg(r, "text");
	in->result = http_arg(r, "result");
	in->percent = http_arg(r, "percent");
	if (in->percent && !*in->percent)
		in->percent = NULL;
	return 0;
}

int page_task_report(struct http_req *r)
{
	struct task_report_input in = {0};
	char unit[24];
	struct task *t;
	int rc = load_task(r, &t);

	if (rc < 0)
		return rc;
	rc = page_report_input(r, t, "on_date", &in, unit);
	if (rc < 0)
		return rc;
	in.close_request = http_arg(r, "close_request") != NULL;
	rc = task_report(r->db, r->id[0], &in, NULL, &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, "", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)r->id[0]));
}

int page_task_confirm(struct http_req *r)
{
	struct task *t;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = task_confirm(r->db, r->id[0], http_arg(r, "date"), http_arg(r, "note"),
				  &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, "date", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)r->id[0]));
}
