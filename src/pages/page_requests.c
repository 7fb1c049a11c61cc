/* page_requests.c: reporting requests: the asking office asks and watches, the addressees answer. */
#include <string.h>

#include "core/requests/request.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "util/id.h"
#include "vn/date.h"

const struct http_field page_request_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan yêu cầu"},
    {"kind", HF_ENUM, true, 0, "figures|progress", "Loại báo cáo"},
    {"period", HF_TEXT, false, 15, NULL, "Kỳ số liệu"},
    {"due", HF_DATE, true, 0, NULL, "Hạn báo cáo"},
    {"note", HF_MULTI, false, REQ_NOTE_MAX, NULL, "Ghi chú"},
    {"to_all", HF_ENUM, false, 0, "all|some", "Gửi tới"},
    {"to#", HF_INT, false, 1, NULL, "Cơ quan cấp dưới được chọn"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_request_answer_fields[] = {
    {"body", HF_INT, false, 0, NULL, "Cơ quan báo cáo"},
    {NULL, 0, false, 0, NULL, NULL},
};

const char *page_request_err_field(const char *msg)
{
	static const struct {
		const char *prefix, *field;
	} map[] = {
	    {"loại yêu cầu", "kind"},	 {"kỳ báo cáo", "period"},
	    {"hạn báo cáo", "due"},	 {"ghi chú", "note"},
	    {"nơi nhận", "to"},		 {"cơ quan yêu cầu", "body"},
	    {"cơ quan báo cáo", "body"}, {"chưa nhập số liệu", "body"},
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strncmp(msg, map[i].prefix, strlen(map[i].prefix)) == 0)
			return map[i].field;
	return "";
}

/* dd/mm/yyyy from ISO text (a date, or the date of a stored UTC time). */
static const char *show_date(struct http_req *r, const char *iso)
{
	struct buf b = BUF_INIT(32);
	struct vn_date d;
	const char *s = iso ? iso : "";

	if (iso && strlen(iso) >= 10 && vn_date_parse(iso, 10, 0, &d, NULL) == 0 &&
	    vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		s = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return s ? s : "";
}

static void what(struct http_req *r, struct html *h, const struct req *q)
{
	html_text(h, req_what(q, r->arena));
	if (q->note && q->note[0]) {
		H(h, "<br><span class=\"muted\">");
		html_text(h, q->note);
		H(h, "</span>");
	}
}

/* The requests the account's bodies asked: how many answered, who is missing. */
static void asked(struct http_req *r, struct html *h, const struct read_request *v, size_t n)
{
	static const char *const cols[] = {"Số",  "Cơ quan yêu cầu", "Nội dung",
					   "Hạn", "Đã báo cáo",	     "Chưa báo cáo"};
	struct page_table tb;
	size_t k = 0;

	H(h, "<h2 id=\"da-gui\">Yêu cầu đã gửi cấp dưới</h2>");
	page_table_begin(&tb, h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		const struct req *q = v[i].r;

		if (!v[i].asker)
			continue;
		k++;
		page_th_row(&tb);
		html_int(h, q->id);
		page_td(&tb, NULL);
		html_text(h, q->body_name);
		page_td(&tb, NULL);
		what(r, h, q);
		page_td(&tb, NULL);
		html_text(h, show_date(r, q->due));
		page_td(&tb, "num");
		html_textf(h, "%zu/%zu đã báo cáo", q->nanswered, q->nto);
		page_td(&tb, NULL);
		html_text(h, v[i].missing && v[i].missing[0] ? v[i].missing : "—");
		page_tr_end(&tb);
	}
	if (k == 0)
		page_table_empty(&tb, "Chưa gửi yêu cầu báo cáo nào.");
	page_table_end(&tb);
}

/* The requests addressed to the account's bodies, each with its "Gửi báo cáo" button. */
static void received(struct http_req *r, struct html *h, const struct read_request *v, size_t n)
{
	static const char *const cols[] = {"Số", "Cơ quan yêu cầu", "Nội dung", "Hạn",
					   "Trạng thái"};
	struct page_table tb;
	size_t k = 0;

	H(h, "<h2 id=\"nhan-duoc\">Yêu cầu cấp trên gửi đến</h2>");
	page_table_begin(&tb, h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		const struct req *q = v[i].r;

		if (v[i].asker)
			continue;
		k++;
		page_th_row(&tb);
		html_int(h, q->id);
		page_td(&tb, NULL);
		html_text(h, q->body_name);
		page_td(&tb, NULL);
		what(r, h, q);
		page_td(&tb, NULL);
		html_text(h, show_date(r, q->due));
		page_td(&tb, NULL);
		if (v[i].answer_as && page_role_in(r, R_STAFF)) {
			H(h, "<form class=\"inline\" method=\"post\" action=\"/requests/");
			html_int(h, q->id);
			H(h, "/answer\">");
			page_csrf(r, h);
			H(h, "<input type=\"hidden\" name=\"body\" value=\"");
			html_int(h, v[i].answer_as);
			H(h, "\"><button type=\"submit\">Gửi báo cáo</button></form>");
			if (strcmp(r->method, "POST") == 0 && r->id[0] == q->id)
				page_field_msg(r, h, "body");
		} else if (v[i].answer_as) {
			H(h, "chưa báo cáo");
		} else {
			H(h, "đã báo cáo");
		}
		page_tr_end(&tb);
	}
	if (k == 0)
		page_table_empty(&tb, "Không có yêu cầu báo cáo nào gửi đến.");
	page_table_end(&tb);
}

/*
 * Who a new request goes to: every direct lower body of the asking body,
 * found when it is sent (the default), or those ticked among the lower bodies
 * of the account's bodies; after a refusal (mine) the choice is kept.
 */
static int recipients(struct http_req *r, struct html *h, bool mine)
{
	const char *to = mine ? http_arg(r, "to_all") : NULL;
	bool some = to && strcmp(to, "some") == 0;
	struct read_option *o = NULL;
	const char *group = NULL;
	size_t n = 0;
	int rc = read_choices(r->db, &r->acct, READ_CHOICE_LOWER_BODIES, r->arena, &o, &n);

	if (rc < 0)
		return rc;
	H(h, "<fieldset class=\"recipients\"><legend>Gửi tới</legend><label class=\"check\">"
	     "<input type=\"radio\" name=\"to_all\" value=\"all\"");
	if (!some)
		H(h, " checked");
	H(h, "> Tất cả cấp dưới trực thuộc (xác định khi gửi)</label><label class=\"check\"><input "
	     "type=\"radio\" name=\"to_all\" value=\"some\"");
	if (some)
		H(h, " checked");
	H(h, "> Chỉ các cơ quan được chọn dưới đây</label>");
	for (size_t i = 0; i < n; i++) {
		const char *name = arena_printf(r->arena, "to%s", o[i].value);

		if (!name)
			return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
		if (!group || strcmp(group, o[i].group) != 0) {
			group = o[i].group;
			H(h, "<p class=\"muted\">Cấp dưới của ");
			html_text(h, group);
			H(h, "</p>");
		}
		H(h, "<label class=\"check\"><input type=\"checkbox\" name=\"");
		html_text(h, name);
		H(h, "\" value=\"1\"");
		if (mine && http_arg(r, name))
			H(h, " checked");
		H(h, "> ");
		html_text(h, o[i].label);
		H(h, "</label>");
	}
	if (mine)
		page_field_msg(r, h, "to");
	H(h, "</fieldset>");
	return 0;
}

int page_requests(struct http_req *r)
{
	struct read_request *v = NULL;
	bool adding = strcmp(r->path, "/requests") == 0 && strcmp(r->method, "POST") == 0;
	struct html h;
	size_t n = 0;
	int rc;

	rc = read_requests(r->db, &r->acct, r->arena, &v, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Yêu cầu báo cáo");
	H(&h, "<h1>Yêu cầu báo cáo</h1>");
	if (!adding)
		page_form_errors(r, &h);
	asked(r, &h, v, n);
	received(r, &h, v, n);
	if (page_role_in(r, R_STAFF)) {
		H(&h, "<h2 id=\"gui\">Gửi yêu cầu báo cáo cho cấp dưới</h2>");
		if (adding)
			page_form_errors(r, &h);
		H(&h, "<form class=\"stack\" method=\"post\" action=\"/requests\">");
		page_csrf(r, &h);
		rc = page_select_db(r, &h, "body", "Cơ quan yêu cầu", NULL, READ_CHOICE_BODIES);
		if (rc < 0)
			return rc;
		page_select_begin(r, &h, "kind", "Loại báo cáo", true);
		H(&h, "<option value=\"figures\"");
		if (http_arg(r, "kind") && strcmp(http_arg(r, "kind"), "figures") == 0)
			H(&h, " selected");
		H(&h, ">Số liệu chỉ tiêu của một kỳ</option><option value=\"progress\"");
		if (http_arg(r, "kind") && strcmp(http_arg(r, "kind"), "progress") == 0)
			H(&h, " selected");
		H(&h, ">Tiến độ thực hiện nhiệm vụ</option>");
		page_select_end(r, &h, "kind");
		page_input(r, &h, "period", "Kỳ số liệu (ví dụ 2023-Q3, 2023-H1, 2023)", PI_TEXT,
			   false);
		page_input(r, &h, "due", "Hạn báo cáo", PI_DATE, true);
		page_input(r, &h, "note", "Ghi chú", PI_TEXT, false);
		rc = recipients(r, &h, adding);
		if (rc < 0)
			return rc;
		H(&h, "<button type=\"submit\">Gửi yêu cầu</button></form>");
	}
	page_end(r, &h);
	return h.err;
}

int page_request_add(struct http_req *r)
{
	struct req_new n = {.body_id = http_arg_int(r, "body", 0),
			    .kind = http_arg(r, "kind"),
			    .period = http_arg(r, "period"),
			    .due = http_arg(r, "due"),
			    .note = http_arg(r, "note")};
	const char *name, *to = http_arg(r, "to_all");
	int64_t id, *ids;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_requests);
	/* Some: the ticked lower bodies (to<id>); all (the default): found by req_add. */
	if (to && strcmp(to, "some") == 0) {
		ids = arena_alloc(r->arena, (size_t)(r->nvals + 1) * sizeof(*ids));
		if (!ids)
			return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
		for (int i = 0; i < r->nvals; i++) {
			int64_t v;

			if (strncmp(r->names[i], "to", 2) == 0 &&
			    id_parse(r->names[i] + 2, strlen(r->names[i] + 2), &v))
				ids[n.nto++] = v;
		}
		if (!n.nto) {
			http_field_error(
			    r, "to",
			    "nơi nhận: chọn ít nhất một cơ quan cấp dưới, hoặc chọn Tất "
			    "cả cấp dưới trực thuộc");
			return page_form_again(r, page_requests);
		}
		n.to = ids;
	}
	rc = read_body_name(r->db, &r->acct, n.body_id, r->arena, &name, &r->err);
	if (rc == ERR_NOTFOUND) {
		http_field_error(r, "body", arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_requests);
	}
	if (rc == 0)
		rc = req_add(r->db, &n, &id, &r->err);
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND) {
		http_field_error(r, page_request_err_field(r->err.msg),
				 arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_requests);
	}
	if (rc < 0)
		return page_form_refused(r, rc, "", page_requests);
	return http_redirect(r, "/requests#da-gui");
}

/*
 * The addressee an answer is for: the form's body, or the one addressee in
 * the account's scope that has not answered; a field error when it may not.
 */
int page_request_answer_body(struct http_req *r, struct read_request *rq, int64_t *ret)
{
	int64_t body = http_arg_int(r, "body", 0);
	int rc = read_request(r->db, &r->acct, r->id[0], r->arena, rq, &r->err);

	if (rc < 0)
		return rc;
	if (!body)
		body = rq->answer_as;
	if (!body || !read_request_may_answer(r->db, &r->acct, rq, body))
		return http_field_error(
		    r, "body",
		    arena_printf(r->arena,
				 "cơ quan báo cáo: yêu cầu số %lld không gửi tới cơ quan nào "
				 "trong phạm vi của tài khoản chưa báo cáo",
				 (long long)r->id[0]));
	*ret = body;
	return 0;
}

int page_request_answer(struct http_req *r)
{
	struct read_request rq;
	int64_t body = 0;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_requests);
	rc = page_request_answer_body(r, &rq, &body);
	if (rc == ERR_INVAL)
		return page_form_again(r, page_requests);
	if (rc == 0)
		rc = req_answer(r->db, r->id[0], body, &r->err);
	if (rc == ERR_INVAL) {
		http_field_error(r, "body", arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_requests);
	}
	if (rc < 0)
		return page_form_refused(r, rc, "body", page_requests);
	return http_redirect(r, "/requests#nhan-duoc");
}
