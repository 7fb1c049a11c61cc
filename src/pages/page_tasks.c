/*
 * page_tasks.c: tasks: filtered list, detail with timeline, report progress; the
 * office's queue of requests to close, confirm, send back, extend a deadline; a
 * unit's own page.
 */
#include <stdio.h>
#include <string.h>

#include "core/read/read.h"
#include "core/tasks/task.h"
#include "vn/date.h"
#include "http/http_route.h"
#include "pages/pages.h"

#define TASK_FILTER_FIELDS                                                        \
	{"status",                                                                \
	 HF_ENUMS,                                                                \
	 false,                                                                   \
	 0,                                                                       \
	 "dung_han|tre_han|trong_han|qua_han|thuong_xuyen",                       \
	 "Tình trạng (status)"},                                                  \
	    {"overdue", HF_ENUM, false, 0, "1", "Chỉ việc quá hạn (overdue)"},    \
	    {"open", HF_ENUM, false, 0, "1", "Chỉ việc chưa xong (open)"},        \
	    {"as_of", HF_DATE, false, 0, NULL, "Tính đến ngày (as_of)"},          \
	    {"unit", HF_INT, false, 0, NULL, "Đơn vị (unit)"},                    \
	    {"body", HF_INT, false, 0, NULL, "Cơ quan giao (body)"},              \
	    {"subtree", HF_ENUM, false, 0, "1", "Cả cấp dưới (subtree)"},         \
	    {"source", HF_INT, false, 0, NULL, "Văn bản nguồn (source)"},         \
	    {"due_before", HF_DATE, false, 0, NULL, "Hạn đến ngày (due_before)"}, \
	    {"due_after", HF_DATE, false, 0, NULL, "Hạn từ ngày (due_after)"},    \
	{                                                                         \
		"q", HF_TEXT, false, 200, NULL, "Nội dung có chữ (q)"        \
	}

const struct http_field page_task_list_fields[] = {
    TASK_FILTER_FIELDS,
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_task_list_fields[] = {
    TASK_FILTER_FIELDS,
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The filters a task list's query may carry, in the order they are written back. */
static const char *const filter_names[] = {"status",	 "overdue",   "open",	 "as_of",
					   "unit",	 "body",      "subtree", "source",
					   "due_before", "due_after", "q"};

int page_task_filter(struct http_req *r, struct read_task_filter *f)
{
	const char *st = http_arg(r, "status");

	*f = (struct read_task_filter){
	    .overdue = http_arg(r, "overdue") != NULL && *http_arg(r, "overdue"),
	    .as_of = http_arg(r, "as_of") && *http_arg(r, "as_of") ? http_arg(r, "as_of") : NULL,
	    .unit = http_arg_int(r, "unit", 0),
	    .body = http_arg_int(r, "body", 0),
	    .subtree = http_arg(r, "subtree") != NULL && *http_arg(r, "subtree"),
	    .source = http_arg_int(r, "source", 0),
	    .due_before = http_arg(r, "due_before") && *http_arg(r, "due_before")
			      ? http_arg(r, "due_before")
			      : NULL,
	    .due_after = http_arg(r, "due_after") && *http_arg(r, "due_after")
			     ? http_arg(r, "due_after")
			     : NULL,
	    .q = http_arg(r, "q")};
	/* The field table has checked each code; an empty value is no filter. */
	for (const char *p = st; p && *p;) {
		const char *comma = strchr(p, ',');
		const char *one =
		    arena_strndup(r->arena, p, comma ? (size_t)(comma - p) : strlen(p));
		enum task_status s;

		if (!one)
			return ERR_NOMEM;
		if (task_status_parse(one, &s, NULL) == 0)
			f->status_mask |= 1u << s;
		p = comma ? comma + 1 : NULL;
	}
	if (http_arg(r, "open") && *http_arg(r, "open")) {
		unsigned open =
		    1u << TASK_OPEN_IN_TIME | 1u << TASK_OPEN_OVERDUE | 1u << TASK_STANDING;

		/* Both given: the open ones among the statuses asked for (none when all are done). */
		f->status_mask = f->status_mask ? f->status_mask & open : open;
		if (!f->status_mask)
			f->status_mask = 1u << TASK_NSTATUS;
	}
	return 0;
}

/* s %-encoded for a query string, in the request's arena. */
static const char *query_escape(struct http_req *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *o = arena_alloc(r->arena, 3 * n + 1), *w = o;

	if (!o)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			*w++ = (char)*p;
		} else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 15];
		}
	}
	*w = '\0';
	return o;
}

const char *page_task_filter_query(struct http_req *r)
{
	const char *q = "";

	for (size_t i = 0; q && i < sizeof(filter_names) / sizeof(*filter_names); i++) {
		const char *v = http_arg(r, filter_names[i]), *e;

		if (!v || !*v)
			continue;
		e = query_escape(r, v);
		q = e ? arena_printf(r->arena, "%s&%s=%s", q, filter_names[i], e) : NULL;
	}
	return q ? q : "";
}

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
    {"from", HF_ENUM, false, 0, "queue", "Trang gửi"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_task_sendback_fields[] = {
    {"note", HF_MULTI, true, 2000, NULL, "Lý do trả lại"},
    {"date", HF_DATE, false, 0, NULL, "Ngày trả lại"},
    {"from", HF_ENUM, false, 0, "queue", "Trang gửi"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_task_extend_fields[] = {
    {"deadline", HF_TEXT, true, 200, NULL, "Thời hạn mới"},
    {"reason", HF_MULTI, true, 2000, NULL, "Lý do gia hạn"},
    {"decided_on", HF_DATE, false, 0, NULL, "Ngày quyết định"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_task_edit_fields[] = {
    {"content", HF_MULTI, true, 4000, NULL, "Nội dung nhiệm vụ"},
    {"leads", HF_TEXT, true, 2000, NULL, "Đơn vị chủ trì"},
    {"coords", HF_TEXT, false, 2000, NULL, "Đơn vị phối hợp"},
    {NULL, 0, false, 0, NULL, NULL},
};

const char *page_show_date(struct http_req *r, const char *iso)
{
	struct buf b = BUF_INIT(32);
	struct vn_date d;
	const char *s = iso ? iso : "";

	if (iso && vn_date_parse(iso, strlen(iso), 0, &d, NULL) == 0 &&
	    vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		s = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return s ? s : "";
}

/* Whether the request is the breakdown form's post (its fields share names with others). */
static bool posted_split(const struct http_req *r)
{
	size_t n = strlen(r->path);

	return strcmp(r->method, "POST") == 0 && n > 6 && strcmp(r->path + n - 6, "/split") == 0;
}

/* The value typed into field name when this request posted task id's form, else NULL. */
static const char *typed(struct http_req *r, int64_t id, const char *name)
{
	return r->nferr && r->id[0] == id && !posted_split(r) ? http_arg(r, name) : NULL;
}

/* The message beside field name, for the form of task id that was posted. */
static void field_msg(struct http_req *r, struct html *h, int64_t id, const char *name)
{
	if (r->id[0] == id && !posted_split(r))
		page_field_msg(r, h, name);
}

/* An input with value v (what was typed, or NULL) and, when msg, its message beside it. */
static void task_input_v(struct http_req *r, struct html *h, const char *name, const char *label,
			 const char *type, bool required, const char *v, bool msg);

/* An input with the value typed (for the task posted) kept, and its message beside it. */
static void task_input(struct http_req *r, struct html *h, int64_t id, const char *name,
		       const char *label, const char *type, bool required)
{
	task_input_v(r, h, name, label, type, required, typed(r, id, name),
		     r->id[0] == id && !posted_split(r));
}

static void task_input_v(struct http_req *r, struct html *h, const char *name, const char *label,
			 const char *type, bool required, const char *v, bool msg)
{
	H(h, "<label><span>");
	html_text(h, label);
	if (required)
		H(h, " <abbr title=\"bắt buộc\">*</abbr>");
	H(h, "</span> <input name=\"");
	html_text(h, name);
	H(h, "\" type=\"");
	html_text(h, type);
	H(h, "\"");
	if (required)
		H(h, " required");
	if (v) {
		H(h, " value=\"");
		html_text(h, v);
		H(h, "\"");
	}
	H(h, ">");
	if (msg)
		page_field_msg(r, h, name);
	H(h, "</label>");
}

/* The office's answers to a request to close: confirm on a date, or send back with a note. */
static void answer_forms(struct http_req *r, struct html *h, const struct task *t, bool queue)
{
	H(h, "<form class=\"stack confirm\" method=\"post\" action=\"/tasks/");
	html_int(h, t->id);
	H(h, "/confirm\">");
	page_csrf(r, h);
	if (queue)
		H(h, "<input type=\"hidden\" name=\"from\" value=\"queue\">");
	task_input(r, h, t->id, "date", "Ngày hoàn thành", "date", false);
	task_input(r, h, t->id, "note", "Ghi chú", "text", false);
	H(h, "<button type=\"submit\">Xác nhận hoàn thành</button></form>");
	if (!t->state || strcmp(t->state, "close_requested") != 0)
		return;
	H(h, "<form class=\"stack sendback\" method=\"post\" action=\"/tasks/");
	html_int(h, t->id);
	H(h, "/sendback\">");
	page_csrf(r, h);
	if (queue)
		H(h, "<input type=\"hidden\" name=\"from\" value=\"queue\">");
	task_input(r, h, t->id, "note", "Lý do trả lại", "text", true);
	H(h, "<button type=\"submit\">Trả lại đơn vị</button></form>");
}

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
			if (!read_task_reports_as(r->db, &r->acct, t, t->units[i].id))
				continue;
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

int page_task_table(struct http_req *r, struct html *h, struct task *ts, size_t n, bool forms)
{
	static const char *const cols[] = {"Số",       "Nhiệm vụ",   "Đơn vị",
					   "Thời hạn", "Tình trạng", "Báo cáo mới nhất"};
	struct page_table tb;
	int shown = 0;

	page_table_begin(&tb, h, "tasks", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		struct task *t = &ts[i];

		if (!read_task_visible(r->db, &r->acct, t))
			continue;
		shown++;
		page_td(&tb, NULL);
		H(h, "<a href=\"/tasks/");
		html_int(h, t->id);
		H(h, "\">");
		html_int(h, t->id);
		H(h, "</a>");
		page_td(&tb, NULL);
		H(h, "<a href=\"/tasks/");
		html_int(h, t->id);
		H(h, "\">");
		html_text(h, t->content);
		H(h, "</a><br><span class=\"muted\">");
		html_text(h, t->source_label);
		H(h, "</span>");
		page_td(&tb, NULL);
		units_cell(h, t);
		page_td(&tb, NULL);
		html_text(h, t->dl.words ? t->dl.words : t->due);
		page_td(&tb, NULL);
		status_badge(h, t->status);
		page_td(&tb, NULL);
		html_text(h, t->latest_report);
		if (forms && !t->completed_on)
			report_form(r, h, t);
		page_tr_end(&tb);
	}
	if (!shown)
		page_table_empty(&tb, "Không có nhiệm vụ.");
	page_table_end(&tb);
	return 0;
}

/* The tasks of one page of /tasks, statuses at as_of. */
void page_task_deadline(struct http_req *r, struct html *h, const struct read_task_row *t)
{
	html_text(h, t->deadline_text ? t->deadline_text : page_show_date(r, t->due));
	if (t->deadline_text && t->due) {
		H(h, "<br><span class=\"muted\">");
		html_text(h, page_show_date(r, t->due));
		H(h, "</span>");
	}
}

static void list_table(struct http_req *r, struct html *h, const struct read_task_row *t, size_t n,
		       const char *as_of)
{
	static const char *const cols[] = {"Số",       "Nhiệm vụ",   "Đơn vị",
					   "Thời hạn", "Tình trạng", "Báo cáo mới nhất"};
	struct page_table tb;

	page_table_begin(&tb, h, "tasks", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		H(h, "<a href=\"/tasks/");
		html_int(h, t[i].id);
		H(h, "\">");
		html_int(h, t[i].id);
		H(h, "</a>");
		page_td(&tb, NULL);
		H(h, "<a href=\"/tasks/");
		html_int(h, t[i].id);
		H(h, "\">");
		html_text(h, t[i].content);
		H(h, "</a>");
		page_td(&tb, NULL);
		html_text(h, t[i].lead);
		page_td(&tb, NULL);
		page_task_deadline(r, h, &t[i]);
		page_td(&tb, NULL);
		status_badge(h, task_status_at(t[i].standing, t[i].due, t[i].completed_on, as_of));
		page_td(&tb, NULL);
		html_text(h, page_show_date(r, t[i].last_report_on));
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Không có nhiệm vụ nào khớp bộ lọc.");
	page_table_end(&tb);
}

/* A checkbox of the filters' form, ticked when the request carries it. */
static void filter_box(struct http_req *r, struct html *h, const char *name, const char *label)
{
	H(h, "<label><input type=\"checkbox\" name=\"");
	html_text(h, name);
	H(h, "\" value=\"1\"");
	if (http_arg(r, name) && *http_arg(r, name))
		H(h, " checked");
	H(h, "> ");
	html_text(h, label);
	H(h, "</label> ");
}

/* /tasks: the tasks in scope, filtered as the API's list (read_tasks), 100 a page. */
/*
 * The form "Giao nhiệm vụ" of the tasks list: a new task of a body in scope
 * for its own units or its lower bodies (POST /tasks, task_assign); after a
 * refusal (mine) with what was typed and the messages beside the fields.
 */
static int assign_form(struct http_req *r, struct html *h, bool mine)
{
	struct read_option *units = NULL;
	const char *content = mine ? http_arg(r, "content") : NULL;
	size_t n = 0;
	int rc;

	rc = read_choices(r->db, &r->acct, READ_CHOICE_UNITS, r->arena, &units, &n);
	if (rc < 0)
		return rc;
	H(h, "<h2 id=\"giao\">Giao nhiệm vụ</h2>");
	if (mine)
		page_form_errors(r, h);
	H(h, "<p class=\"muted\">Giao một nhiệm vụ ngoài thông báo kết luận cho đơn vị của cơ quan "
	     "hoặc cho cấp dưới trực thuộc (chọn đơn vị đại diện cấp dưới, ví dụ Đảng ủy "
	     "xã).</p><form class=\"stack assign\" method=\"post\" action=\"/tasks#giao\">");
	page_csrf(r, h);
	rc = page_select_db(r, h, "by", "Cơ quan giao", NULL, READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	H(h, "<label><span>Nội dung <abbr title=\"bắt buộc\">*</abbr></span> <textarea "
	     "name=\"content\" rows=\"3\" required maxlength=\"4000\">");
	html_text(h, content ? content : "");
	H(h, "</textarea>");
	if (mine)
		page_field_msg(r, h, "content");
	H(h, "</label>");
	/* The units in scope as suggestions, so a phone offers them while typing. */
	H(h, "<datalist id=\"don-vi\">");
	for (size_t i = 0; i < n; i++) {
		H(h, "<option value=\"");
		html_text(h, units[i].label);
		H(h, "\">");
	}
	H(h, "</datalist>");
	task_input_v(
	    r, h, "leads",
	    "Đơn vị chủ trì, kể cả cấp dưới trực thuộc (tên hoặc số, cách nhau bằng dấu ;)", "text",
	    true, mine ? http_arg(r, "leads") : NULL, mine);
	task_input_v(r, h, "coords", "Đơn vị phối hợp", "text", false,
		     mine ? http_arg(r, "coords") : NULL, mine);
	task_input_v(r, h, "deadline", "Thời hạn (ví dụ 31/12/2026, quý IV/2026, thường xuyên)",
		     "text", false, mine ? http_arg(r, "deadline") : NULL, mine);
	task_input_v(r, h, "assigned_on", "Ngày giao (để trống: hôm nay)", "date", false,
		     mine ? http_arg(r, "assigned_on") : NULL, mine);
	H(h, "<button type=\"submit\">Giao nhiệm vụ</button></form>");
	return 0;
}

int page_tasks(struct http_req *r)
{
	static const struct page_choice statuses[] = {
	    {"", "(tất cả)"},
	    {"qua_han", "chưa hoàn thành quá hạn"},
	    {"trong_han", "chưa hoàn thành trong hạn"},
	    {"dung_han", "hoàn thành đúng hạn"},
	    {"tre_han", "hoàn thành quá hạn"},
	    {"thuong_xuyen", "thường xuyên"},
	    {NULL, NULL},
	};
	struct read_page p = {.after = http_arg_int(r, "after", 0), .limit = 100, .since = ""};
	bool assigning = strcmp(r->method, "POST") == 0; /* the assign form came back */
	struct read_task_filter f = {0};
	struct read_task_row *t = NULL;
	char today[11];
	size_t n = 0;
	struct html h;
	int rc;

	read_today(today);
	/* a filter that is not one: the form again with the message beside it, and no list */
	if (r->nferr && !assigning) {
		r->status = 400;
	} else {
		rc = page_task_filter(r, &f);
		if (rc == 0)
			rc = read_tasks(r->db, &r->acct, &p, &f, r->arena, &t, &n);
		if (rc < 0)
			return rc;
	}
	page_begin(r, &h, "Nhiệm vụ");
	H(&h, "<h1>Nhiệm vụ</h1><p><a href=\"/ical/tasks.ics\">Lịch hạn nhiệm vụ (iCal)</a>");
	if (page_role_in(r, R_STAFF))
		H(&h, " · <a href=\"/tasks/close-requests\">Đề nghị kết thúc chờ xác nhận</a>");
	H(&h, "</p><form class=\"filters\" method=\"get\" action=\"/tasks\">"
	      "<label>Tình trạng <select name=\"status\">");
	page_choices(r, &h, statuses,
		     strchr(http_arg(r, "status") ? http_arg(r, "status") : "", ',')
			 ? NULL
			 : http_arg(r, "status"));
	H(&h, "</select></label> ");
	filter_box(r, &h, "overdue", "chỉ việc quá hạn");
	filter_box(r, &h, "open", "chỉ việc chưa xong");
	page_input(r, &h, "as_of", "Tính đến ngày", PI_DATE, false);
	if (strcmp(r->acct.role, "reporter") != 0) {
		rc = page_select_db(r, &h, "unit", "Đơn vị chủ trì hoặc phối hợp", "(tất cả)",
				    READ_CHOICE_UNITS);
		if (rc == 0)
			rc = page_select_db(r, &h, "body", "Cơ quan giao", "(tất cả)",
					    READ_CHOICE_BODIES);
		if (rc < 0)
			return rc;
		filter_box(r, &h, "subtree", "gồm cả cấp dưới");
	}
	page_input(r, &h, "source", "Văn bản nguồn (số)", PI_NUMBER, false);
	page_input(r, &h, "due_after", "Hạn từ ngày", PI_DATE, false);
	page_input(r, &h, "due_before", "Hạn đến ngày", PI_DATE, false);
	page_input(r, &h, "q", "Nội dung có chữ", PI_TEXT, false);
	H(&h, "<button type=\"submit\">Lọc</button> <a href=\"/tasks\">Bỏ lọc</a></form>");
	if (r->nferr && !assigning) {
		page_form_errors(r, &h);
		page_end(r, &h);
		return h.err;
	}
	H(&h, "<p class=\"muted\">Tình trạng tính đến ngày ");
	html_text(&h, page_show_date(r, f.as_of ? f.as_of : today));
	H(&h, ".</p>");
	list_table(r, &h, t, n, f.as_of ? f.as_of : today);
	if ((int64_t)n == p.limit) {
		H(&h, "<p class=\"pager\"><a rel=\"next\" href=\"/tasks?after=");
		html_int(&h, t[n - 1].id);
		html_text(&h, page_task_filter_query(r));
		H(&h, "\">Trang sau</a></p>");
	}
	if (page_role_in(r, R_STAFF) && (rc = assign_form(r, &h, assigning)) < 0)
		return rc;
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
	page_task_table(r, &h, ts, n, true);
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

/*
 * Refuses (403) what only the assigning body's office does to task t when the
 * account sees t as its lower body's: confirm, send back, edit, extend.
 */
int page_task_assigner_only(struct http_req *r, const struct task *t)
{
	if (read_task_assigner(r->db, &r->acct, t))
		return 0;
	return err_set(&r->err, ERR_PERM,
		       "Nhiệm vụ số %lld do cấp trên giao; chỉ Văn phòng cơ quan đã giao xác nhận "
		       "hoàn thành, trả lại, sửa hoặc gia hạn. Cấp dưới báo cáo tiến độ hoặc giao "
		       "tiếp cho đơn vị của mình.",
		       (long long)t->id);
}

/* "A; B" of the task's lead (or co-ordinating) units' names; arena memory. */
static const char *unit_names(struct http_req *r, const struct task *t, bool lead)
{
	const char *s = "";

	for (size_t i = 0; s && i < t->nunits; i++)
		if (t->units[i].lead == lead)
			s = arena_printf(r->arena, "%s%s%s", s, *s ? "; " : "", t->units[i].name);
	return s ? s : "";
}

/* The office's form to edit an open task: content, lead and co-ordinating units. */
static void edit_form(struct http_req *r, struct html *h, const struct task *t)
{
	const char *content = typed(r, t->id, "content");
	const char *leads = typed(r, t->id, "leads"), *coords = typed(r, t->id, "coords");

	H(h, "<h2>Sửa nhiệm vụ</h2><form class=\"stack edit\" method=\"post\" action=\"/tasks/");
	html_int(h, t->id);
	H(h, "/edit\">");
	page_csrf(r, h);
	H(h, "<label><span>Nội dung <abbr title=\"bắt buộc\">*</abbr></span> <textarea "
	     "name=\"content\" rows=\"3\" required maxlength=\"4000\">");
	html_text(h, content ? content : t->content);
	H(h, "</textarea>");
	field_msg(r, h, t->id, "content");
	H(h, "</label><label><span>Đơn vị chủ trì (tên hoặc số, cách nhau bằng dấu ;) <abbr "
	     "title=\"bắt buộc\">*</abbr></span> <input name=\"leads\" required value=\"");
	html_text(h, leads ? leads : unit_names(r, t, true));
	H(h, "\">");
	field_msg(r, h, t->id, "leads");
	H(h, "</label><label><span>Đơn vị phối hợp</span> <input name=\"coords\" value=\"");
	html_text(h, coords ? coords : unit_names(r, t, false));
	H(h, "\">");
	field_msg(r, h, t->id, "coords");
	H(h, "</label><button type=\"submit\">Lưu thay đổi</button></form>");
}

/* The sub-tasks the task was broken down into, with their status and progress. */
static void children_table(struct http_req *r, struct html *h, const struct task *t)
{
	if (!t->nchildren)
		return;
	H(h, "<h2>Nhiệm vụ giao tiếp</h2><table class=\"tasks children\"><thead><tr><th>#</th>"
	     "<th>Nhiệm vụ</th><th>Cơ quan, đơn vị</th><th>Thời hạn</th><th>Tình trạng</th>"
	     "<th>Tiến độ</th></tr></thead><tbody>");
	for (size_t i = 0; i < t->nchildren; i++) {
		const struct task_child *c = &t->children[i];

		H(h, "<tr><td><a href=\"/tasks/");
		html_int(h, c->id);
		H(h, "\">");
		html_int(h, c->id);
		H(h, "</a></td><td>");
		html_text(h, c->content);
		H(h, "</td><td>");
		html_text(h, c->body_name);
		if (c->lead) {
			H(h, ": <strong>");
			html_text(h, c->lead);
			H(h, "</strong>");
		}
		H(h, "</td><td>");
		html_text(h, c->due ? page_show_date(r, c->due) : c->deadline_text);
		H(h, "</td><td>");
		status_badge(h, c->status);
		H(h, "</td><td class=\"percent\">");
		if (c->percent >= 0) {
			html_int(h, c->percent);
			H(h, "%");
		} else {
			H(h, "<span class=\"muted\" title=\"chưa báo cáo tiến độ\">—</span>");
		}
		H(h, "</td></tr>");
	}
	H(h, "</tbody></table>");
	if (t->children_more) {
		H(h, "<p class=\"muted\">Chỉ hiện ");
		html_int(h, TASK_CHILDREN_FIRST);
		H(h, " nhiệm vụ giao tiếp đầu tiên; xem đủ tại <a href=\"/api/v1/tasks/");
		html_int(h, t->id);
		H(h, "/children\">danh sách nhiệm vụ giao tiếp</a>.</p>");
	}
}

/* The form that breaks the task down into a task for units of the body it was given to. */
static void split_form(struct http_req *r, struct html *h, const struct task *t)
{
	bool mine = r->id[0] == t->id && r->nferr && posted_split(r);
	const char *content = mine ? http_arg(r, "content") : NULL;

	H(h, "<h2>Giao tiếp cho đơn vị</h2><form class=\"stack split\" method=\"post\" "
	     "action=\"/tasks/");
	html_int(h, t->id);
	H(h, "/split\">");
	page_csrf(r, h);
	H(h, "<label><span>Nội dung <abbr "
	     "title=\"bắt buộc\">*</abbr></span> <textarea name=\"content\" rows=\"3\" required "
	     "maxlength=\"4000\">");
	html_text(h, content ? content : "");
	H(h, "</textarea>");
	if (mine)
		page_field_msg(r, h, "content");
	H(h, "</label>");
	task_input_v(r, h, "leads", "Đơn vị chủ trì (tên hoặc số, cách nhau bằng dấu ;)", "text",
		     true, mine ? http_arg(r, "leads") : NULL, mine);
	task_input_v(r, h, "coords", "Đơn vị phối hợp", "text", false,
		     mine ? http_arg(r, "coords") : NULL, mine);
	task_input_v(r, h, "deadline", "Thời hạn (để trống: theo thời hạn của nhiệm vụ này)",
		     "text", false, mine ? http_arg(r, "deadline") : NULL, mine);
	task_input_v(r, h, "assigned_on", "Ngày giao", "date", false,
		     mine ? http_arg(r, "assigned_on") : NULL, mine);
	H(h, "<button type=\"submit\">Giao tiếp</button></form>");
}

/* What an event of a timeline says on the page; sent_back and any other kind: sent back. */
static const char *event_label(const char *kind)
{
	static const char *const labels[][2] = {
	    {"created", "giao nhiệm vụ"},
	    {"report", "báo cáo tiến độ"},
	    {"close_request", "đề nghị kết thúc"},
	    {"confirmed", "Văn phòng xác nhận hoàn thành"},
	    {"extended", "gia hạn thời hạn"},
	    {"transferred", "chuyển giao do sáp nhập, hợp nhất"},
	};

	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(kind, labels[i][0]) == 0)
			return labels[i][1];
	return "trả lại, tiếp tục thực hiện";
}

/* One event of a timeline as an item of its <ol class="timeline">. */
static void event_li(struct http_req *r, struct html *h, const struct task_event *ev)
{
	H(h, "<li class=\"ev-");
	html_text(h, ev->kind);
	H(h, "\"><strong>");
	html_text(h, page_show_date(r, ev->on_date));
	H(h, "</strong> ");
	html_text(h, event_label(ev->kind));
	if (ev->unit) {
		H(h, " — ");
		html_text(h, ev->unit);
	}
	if (ev->percent >= 0) {
		H(h, " <span class=\"badge st-open\">");
		html_int(h, ev->percent);
		H(h, "%</span>");
	}
	if (ev->text) {
		H(h, "<br>");
		html_text(h, ev->text);
	}
	if (ev->result && strcmp(ev->kind, "extended") == 0) {
		H(h, "<br><em>");
		html_text(h, ev->result);
		H(h, "</em>");
	} else if (ev->result) {
		H(h, "<br><em>Kết quả:</em> ");
		html_text(h, ev->result);
	}
	H(h, "</li>");
}

int page_task(struct http_req *r)
{
	struct task *t;
	struct html h;
	int rc = load_task(r, &t);

	if (rc < 0)
		return rc;
	page_begin(r, &h, "Nhiệm vụ");
	page_form_errors(r, &h);
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
	H(&h, "</dd><dt>Thời hạn</dt><dd class=\"deadline\">");
	html_text(&h, t->dl.words	  ? t->dl.words
		      : t->deadline_event ? t->deadline_event
					  : "không có");
	if (t->due) {
		H(&h, " (");
		html_text(&h, page_show_date(r, t->due));
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
	for (size_t i = 0; i < t->nevents; i++)
		event_li(r, &h, &t->events[i]);
	H(&h, "</ol>");
	if (t->events_total > (int64_t)t->nevents) {
		H(&h, "<p class=\"more\">");
		html_int(&h, (int64_t)t->nevents);
		H(&h, " diễn biến gần nhất trong số ");
		html_int(&h, t->events_total);
		H(&h, ". <a href=\"/tasks/");
		html_int(&h, t->id);
		H(&h, "/timeline\">Xem thêm</a></p>");
	}
	page_attachments_section(r, &h, ATT_TASK, t->id, page_role_in(r, R_REPORT));
	children_table(r, &h, t);
	if (!t->completed_on && page_role_in(r, R_REPORT)) {
		H(&h, "<h2>Báo cáo tiến độ</h2>");
		report_form(r, &h, t);
	}
	if (!t->completed_on && page_role_in(r, R_STAFF) &&
	    read_task_split_body(r->db, &r->acct, t))
		split_form(r, &h, t);
	if (!t->completed_on && page_role_in(r, R_STAFF) &&
	    read_task_assigner(r->db, &r->acct, t)) {
		H(&h, "<h2>Xác nhận hoàn thành</h2>");
		answer_forms(r, &h, t, false);
		edit_form(r, &h, t);
		H(&h, "<h2>Gia hạn</h2><form class=\"stack extend\" method=\"post\" "
		      "action=\"/tasks/");
		html_int(&h, t->id);
		H(&h, "/extend\">");
		page_csrf(r, &h);
		task_input(r, &h, t->id, "deadline",
			   "Thời hạn mới (31/12/2023, quý I/2024, 02 tháng tới)", "text", true);
		task_input(r, &h, t->id, "reason", "Lý do gia hạn", "text", true);
		task_input(r, &h, t->id, "decided_on", "Ngày quyết định", "date", false);
		H(&h, "<button type=\"submit\">Gia hạn</button></form>");
	}
	if (page_role_in(r, R_STAFF) && read_task_assigner(r->db, &r->acct, t))
		H(&h, "<p><a href=\"/tasks#giao\">Giao nhiệm vụ mới cho đơn vị hoặc cấp dưới "
		      "trực thuộc</a></p>");
	page_end(r, &h);
	return h.err;
}

const struct http_field page_task_timeline_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Trang sau sự kiện số (after)"},
    {NULL, 0, false, 0, NULL, NULL},
};

#define TIMELINE_PAGE 50

/* GET /tasks/#/timeline: every event of a task, oldest first, TIMELINE_PAGE at a time. */
int page_task_timeline(struct http_req *r)
{
	struct read_page p = {.after = http_arg_int(r, "after", 0),
			      .limit = TIMELINE_PAGE,
			      .since = "",
			      .parent = r->id[0]};
	struct read_event *e;
	struct task *t;
	struct html h;
	size_t n;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = read_task_events(r->db, &p, r->arena, &e, &n);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Diễn biến nhiệm vụ");
	H(&h, "<h1>Diễn biến của nhiệm vụ số ");
	html_int(&h, t->id);
	H(&h, "</h1><p><a href=\"/tasks/");
	html_int(&h, t->id);
	H(&h, "\">");
	html_text(&h, t->content);
	H(&h, "</a> <span class=\"muted\">(");
	html_int(&h, t->events_total);
	H(&h, " diễn biến)</span></p><ol class=\"timeline\">");
	for (size_t i = 0; i < n; i++) {
		struct task_event ev = {.id = e[i].id,
					.kind = e[i].kind ? e[i].kind : "",
					.on_date = e[i].on_date,
					.unit = e[i].unit_name,
					.text = e[i].text,
					.result = e[i].result,
					.percent = e[i].percent};

		event_li(r, &h, &ev);
	}
	H(&h, "</ol>");
	if (!n)
		H(&h, "<p class=\"muted\">Không còn diễn biến nào.</p>");
	if ((int64_t)n == p.limit) {
		H(&h, "<p class=\"more\"><a href=\"/tasks/");
		html_int(&h, t->id);
		H(&h, "/timeline?after=");
		html_int(&h, e[n - 1].id);
		H(&h, "\">Xem thêm</a></p>");
	}
	page_end(r, &h);
	return h.err;
}

int page_report_input(struct http_req *r, const struct task *t, const char *date_field,
		      struct task_report_input *in, char unit[static 24])
{
	bool assigner = read_task_assigner(r->db, &r->acct, t);
	int64_t first = 0;

	for (size_t i = 0; i < t->nunits && !first; i++)
		if (read_task_reports_as(r->db, &r->acct, t, t->units[i].id))
			first = t->units[i].id;
	if (strcmp(r->acct.role, "reporter") == 0)
		snprintf(unit, 24, "%lld", (long long)r->acct.unit_id);
	else if (http_arg(r, "unit"))
		snprintf(unit, 24, "%s", http_arg(r, "unit"));
	else if (first)
		snprintf(unit, 24, "%lld", (long long)first);
	else if (t->nunits && assigner)
		snprintf(unit, 24, "%lld", (long long)t->units[0].id);
	else if (t->nunits)
		return http_field_error(
		    r, "unit",
		    arena_printf(
			r->arena,
			"nhiệm vụ không giao cho đơn vị nào đứng tên cơ quan trong phạm vi "
			"của tài khoản %s, nên tài khoản không báo cáo được nhiệm vụ này",
			r->acct.login));
	else
		return http_field_error(r, "unit", "Nhiệm vụ chưa giao cho đơn vị nào");
	/* The lower body's office reports as the unit that stands for its body, no other. */
	if (!assigner && strcmp(r->acct.role, "reporter") != 0 &&
	    !read_task_reports_as(r->db, &r->acct, t, http_arg_int(r, "unit", first)))
		return http_field_error(
		    r, "unit",
		    arena_printf(r->arena,
				 "đơn vị số %s không thuộc phạm vi của tài khoản %s; báo cáo với "
				 "tư cách đơn vị cấp dưới được giao nhiệm vụ",
				 unit, r->acct.login));
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

/* A refused answer: the queue or the task page again, the message beside field. */
static int answer_refused(struct http_req *r, int rc, const char *field)
{
	bool queue = http_arg(r, "from") != NULL;

	if (rc == ERR_INVAL || rc == ERR_LOCKED) {
		http_field_error(r, field, arena_strdup(r->arena, r->err.msg));
		r->status = rc == ERR_LOCKED ? 409 : 400;
	} else if (rc != 0) {
		return rc;
	} else {
		r->status = 400;
	}
	return queue ? page_task_close_requests(r) : page_task(r);
}

/* A form's optional input: NULL when left empty, as the core reads "not given". */
static const char *given(struct http_req *r, const char *name)
{
	const char *v = http_arg(r, name);

	return v && *v ? v : NULL;
}

/* Where the office goes after answering: back to the queue, or to the task. */
static int answered(struct http_req *r)
{
	if (http_arg(r, "from"))
		return http_redirect(r, "/tasks/close-requests");
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)r->id[0]));
}

int page_task_confirm(struct http_req *r)
{
	struct task *t;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc < 0)
		return rc;
	if (r->nferr)
		return answer_refused(r, 0, NULL);
	rc = task_confirm(r->db, r->id[0], given(r, "date"), given(r, "note"), &r->err);
	if (rc < 0)
		return answer_refused(r, rc, "date");
	return answered(r);
}

int page_task_sendback(struct http_req *r)
{
	struct task *t;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc < 0)
		return rc;
	if (r->nferr)
		return answer_refused(r, 0, NULL);
	rc = task_send_back(r->db, r->id[0], given(r, "date"), http_arg(r, "note"), &r->err);
	if (rc < 0)
		return answer_refused(r, rc,
				      strncmp(r->err.msg, "ngày", strlen("ngày")) == 0 ? "date"
				      : strstr(r->err.msg, "lý do")		       ? "note"
										       : "");
	return answered(r);
}

/* The field a refused extension names (task_extend's messages begin with it). */
const char *page_extend_field(const char *msg)
{
	if (strstr(msg, "thời hạn"))
		return "deadline";
	if (strstr(msg, "lý do"))
		return "reason";
	if (strstr(msg, "ngày quyết định"))
		return "decided_on";
	return "";
}

int page_task_extend(struct http_req *r)
{
	struct task_extend_input in = {0};
	struct task *t;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc < 0)
		return rc;
	if (r->nferr) {
		r->status = 400;
		return page_task(r);
	}
	in.deadline = http_arg(r, "deadline");
	in.reason = http_arg(r, "reason");
	in.decided_on = given(r, "decided_on");
	rc = task_extend(r->db, r->id[0], &in, &r->err);
	if (rc == ERR_INVAL || rc == ERR_LOCKED) {
		http_field_error(r, page_extend_field(r->err.msg),
				 arena_strdup(r->arena, r->err.msg));
		r->status = rc == ERR_LOCKED ? 409 : 400;
		return page_task(r);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)r->id[0]));
}

/* Requests on one page of the queue, the oldest first. */
#define CLOSE_REQUESTS_MAX 200

/*
 * GET /tasks/close-requests: the office's queue, every task in scope whose unit
 * asked to close it, with the request (date, unit, text) and the two answers.
 */
int page_task_close_requests(struct http_req *r)
{
	int64_t *ids = NULL;
	char today[11];
	size_t n = 0;
	struct html h;
	int rc, shown = 0;

	read_today(today);
	rc = read_close_requests(r->db, &r->acct, CLOSE_REQUESTS_MAX, r->arena, &ids, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Đề nghị kết thúc nhiệm vụ");
	page_form_errors(r, &h);
	H(&h, "<h1>Đề nghị kết thúc nhiệm vụ</h1><p class=\"muted\">Đơn vị báo cáo đã xong và đề "
	      "nghị kết thúc; Văn phòng xác nhận hoàn thành (không trước ngày đề nghị) hoặc trả "
	      "lại kèm lý do.</p><ul class=\"queue\">");
	for (size_t i = 0; i < n; i++) {
		const struct task_event *req = NULL;
		struct task *t;

		rc = read_task(r->db, &r->acct, ids[i], today, r->arena, &t, &r->err);
		if (rc < 0)
			return rc;
		for (size_t k = 0; k < t->nevents; k++)
			if (strcmp(t->events[k].kind, "close_request") == 0)
				req = &t->events[k];
		shown++;
		H(&h, "<li class=\"request\" id=\"req-");
		html_int(&h, t->id);
		H(&h, "\"><h2><a href=\"/tasks/");
		html_int(&h, t->id);
		H(&h, "\">Nhiệm vụ số ");
		html_int(&h, t->id);
		H(&h, "</a></h2><p>");
		html_text(&h, t->content);
		H(&h, "</p><dl><dt>Nguồn</dt><dd>");
		html_text(&h, t->source_label);
		H(&h, "</dd><dt>Đơn vị</dt><dd>");
		html_text(&h, req && req->unit ? req->unit : "");
		H(&h, "</dd><dt>Ngày đề nghị</dt><dd>");
		html_text(&h, req ? page_show_date(r, req->on_date) : "");
		H(&h, "</dd><dt>Báo cáo</dt><dd class=\"report-text\">");
		html_text(&h, req ? req->text : "");
		if (req && req->result) {
			H(&h, "<br><em>Kết quả:</em> ");
			html_text(&h, req->result);
		}
		H(&h, "</dd></dl><div class=\"answers\">");
		answer_forms(r, &h, t, true);
		H(&h, "</div></li>");
	}
	H(&h, "</ul>");
	if (!shown)
		H(&h, "<p class=\"muted\">Không có đề nghị kết thúc nào đang chờ.</p>");
	else if (n == CLOSE_REQUESTS_MAX)
		H(&h,
		  "<p class=\"muted\">Đây là các đề nghị chờ lâu nhất; trả lời xong, các đề nghị "
		  "khác sẽ hiện tiếp.</p>");
	page_end(r, &h);
	return h.err;
}

#define PAGE_TASK_UNITS_MAX 50

/* The units typed in field name, split at ';' and trimmed, into v (arena memory). */
static int split_units(struct http_req *r, const char *name, const char **v, size_t *ret_n)
{
	const char *p = http_arg(r, name);
	size_t n = 0;

	while (p && *p) {
		const char *end = strchr(p, ';'), *b = p, *e;

		if (!end)
			end = p + strlen(p);
		e = end;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > b) {
			if (n == PAGE_TASK_UNITS_MAX)
				return http_field_error(r, name, "quá nhiều đơn vị (tối đa 50)");
			v[n] = arena_strndup(r->arena, b, (size_t)(e - b));
			if (!v[n])
				return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
			n++;
		}
		p = *end ? end + 1 : end;
	}
	*ret_n = n;
	return 0;
}

/* The form's lead and co-ordinating units (fields leads and coords), each split as above. */
static int form_units(struct http_req *r, const char **leads, size_t *ret_nleads,
		      const char **coords, size_t *ret_ncoords)
{
	int rc = split_units(r, "leads", leads, ret_nleads);

	return rc == 0 ? split_units(r, "coords", coords, ret_ncoords) : rc;
}

int page_task_edit(struct http_req *r)
{
	const char *leads[PAGE_TASK_UNITS_MAX], *coords[PAGE_TASK_UNITS_MAX];
	struct task_edit_input in = {.content = http_arg(r, "content"), .has_units = true};
	struct task *t;
	int rc = load_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc < 0)
		return rc;
	if (r->nferr) {
		r->status = 400;
		return page_task(r);
	}
	rc = form_units(r, leads, &in.nleads, coords, &in.ncoords);
	if (rc == 0) {
		in.leads = leads;
		in.coords = coords;
		rc = task_edit(r->db, r->id[0], &in, &r->err);
	}
	if (rc == ERR_INVAL || rc == ERR_LOCKED) {
		if (!r->nferr)
			http_field_error(r,
					 strncmp(r->err.msg, "nội dung", strlen("nội dung")) == 0
					     ? "content"
					     : "leads",
					 arena_strdup(r->arena, r->err.msg));
		r->status = rc == ERR_LOCKED ? 409 : 400;
		return page_task(r);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)r->id[0]));
}

const struct http_field page_task_split_fields[] = {
    {"content", HF_MULTI, true, 4000, NULL, "Nội dung nhiệm vụ"},
    {"leads", HF_TEXT, true, 2000, NULL, "Đơn vị chủ trì"},
    {"coords", HF_TEXT, false, 2000, NULL, "Đơn vị phối hợp"},
    {"deadline", HF_TEXT, false, 200, NULL, "Thời hạn"},
    {"assigned_on", HF_DATE, false, 0, NULL, "Ngày giao"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The field a refused split names (task_split's messages begin with it). */
const char *page_split_field(const char *msg)
{
	if (strncmp(msg, "nội dung", strlen("nội dung")) == 0)
		return "content";
	if (strncmp(msg, "thời hạn", strlen("thời hạn")) == 0)
		return "deadline";
	if (strncmp(msg, "ngày giao", strlen("ngày giao")) == 0)
		return "assigned_on";
	return "leads";
}

/*
 * POST /tasks/#/split: the office of the body the task was given to breaks it
 * down into a task for its own units (task_split); back to the task, whose
 * page lists it, or the form again with the message beside the field.
 */
int page_task_split(struct http_req *r)
{
	const char *leads[PAGE_TASK_UNITS_MAX], *coords[PAGE_TASK_UNITS_MAX];
	struct task_input in = {.content = http_arg(r, "content"),
				.deadline = given(r, "deadline"),
				.assigned_on = given(r, "assigned_on")};
	int64_t body, id;
	struct task *t;
	int rc = load_task(r, &t);

	if (rc < 0)
		return rc;
	body = read_task_split_body(r->db, &r->acct, t);
	if (!body)
		return err_set(&r->err, ERR_PERM,
			       "Tài khoản %s không giao tiếp được nhiệm vụ số %lld: nhiệm vụ không "
			       "giao cho cơ quan trong phạm vi của tài khoản",
			       r->acct.login, (long long)t->id);
	if (r->nferr) {
		r->status = 400;
		return page_task(r);
	}
	rc = form_units(r, leads, &in.nleads, coords, &in.ncoords);
	if (rc == 0) {
		in.leads = leads;
		in.coords = coords;
		rc = task_split(r->db, t->id, body, &in, &id, &r->err);
	}
	if (rc == ERR_INVAL || rc == ERR_LOCKED || rc == ERR_NOTFOUND) {
		if (!r->nferr)
			http_field_error(r, page_split_field(r->err.msg),
					 arena_strdup(r->arena, r->err.msg));
		r->status = rc == ERR_LOCKED ? 409 : 400;
		return page_task(r);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)t->id));
}

const struct http_field page_task_assign_fields[] = {
    {"by", HF_INT, true, 0, NULL, "Cơ quan giao"},
    {"content", HF_MULTI, true, 4000, NULL, "Nội dung nhiệm vụ"},
    {"leads", HF_TEXT, true, 2000, NULL, "Đơn vị chủ trì"},
    {"coords", HF_TEXT, false, 2000, NULL, "Đơn vị phối hợp"},
    {"deadline", HF_TEXT, false, 200, NULL, "Thời hạn"},
    {"assigned_on", HF_DATE, false, 0, NULL, "Ngày giao"},
    {NULL, 0, false, 0, NULL, NULL},
};

const char *page_assign_field(const char *msg)
{
	if (strncmp(msg, "cơ quan giao", strlen("cơ quan giao")) == 0)
		return "body";
	return page_split_field(msg);
}

/*
 * POST /tasks: the office gives a new task to its units or lower bodies
 * (task_assign); to the new task's page, or the list again with the form, what
 * was typed and the message beside the field.
 */
int page_task_assign(struct http_req *r)
{
	const char *leads[PAGE_TASK_UNITS_MAX], *coords[PAGE_TASK_UNITS_MAX], *name, *field;
	struct task_input in = {.content = http_arg(r, "content"),
				.deadline = given(r, "deadline"),
				.assigned_on = given(r, "assigned_on")};
	int64_t body = http_arg_int(r, "by", 0), id;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_tasks);
	rc = read_body_name(r->db, &r->acct, body, r->arena, &name, &r->err);
	if (rc == ERR_NOTFOUND) {
		http_field_error(r, "by", arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_tasks);
	}
	if (rc == 0)
		rc = form_units(r, leads, &in.nleads, coords, &in.ncoords);
	if (rc == 0) {
		in.leads = leads;
		in.coords = coords;
		rc = task_assign(r->db, body, &in, &id, &r->err);
	}
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND) {
		if (!r->nferr) {
			field = page_assign_field(r->err.msg);
			http_field_error(r, strcmp(field, "body") == 0 ? "by" : field,
					 arena_strdup(r->arena, r->err.msg));
		}
		return page_form_again(r, page_tasks);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/tasks/%lld", (long long)id));
}
