/*
 * page_sessions.c: the list of sessions and one session: its agenda, attendance, votes,
 * comments, questioning, minutes, notices and tasks, each a section folded under its heading.
 */
#include "core/sessionwork/qa.h"
#include "core/sessionwork/sessionwork.h"
#include "core/tasks/task.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "vn/date.h"

#include <stdio.h>
#include <string.h>

/* "04/10/2023" for "2023-10-04" (arena memory); the text itself when it is not a date. */
static const char *dmy(struct http_req *r, const char *iso)
{
	struct buf b = BUF_INIT(32);
	struct vn_date d;
	const char *out = iso;

	if (iso && vn_date_parse(iso, strlen(iso), 0, &d, NULL) == 0 &&
	    vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		out = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return out ? out : iso;
}

static const char *status_name(const char *s)
{
	if (!s)
		return "";
	if (s[0] == 'p')
		return "dự kiến";
	if (s[0] == 'h')
		return "đã họp";
	return "đã kết luận";
}

/* Whether the request is the POST of the form at action (its values and messages go back in it). */
static bool posted(const struct http_req *r, const char *action)
{
	return strcmp(r->method, "POST") == 0 && action && strcmp(r->path, action) == 0;
}

/*
 * Opens a section of the session page that folds on its heading (a phone
 * shows the headings and opens what it needs): title with count in brackets
 * (none when count < 0), then what follows the heading; id names the section's
 * body, so that a link or a redirect to #id opens a folded section.
 */
static void section_begin(struct html *h, const char *id, const char *title, long long count,
			  bool open)
{
	H(h, "<details class=\"sec\"");
	if (open)
		H(h, " open");
	H(h, "><summary><h2>");
	html_text(h, title);
	if (count >= 0) {
		H(h, " <span class=\"count\">(");
		html_int(h, count);
		H(h, ")</span>");
	}
	H(h, "</h2></summary><div class=\"sec-body\" id=\"");
	html_text(h, id);
	H(h, "\">");
}

static void section_end(struct html *h)
{
	H(h, "</div></details>");
}

/*
 * A labelled input: the value sent when its form was the one posted (mine),
 * else def; its message beside it. type is the input's type ("text", "date",
 * "time", "number"); attrs more attributes (literal).
 */
static void field(struct http_req *r, struct html *h, bool mine, const char *name,
		  const char *label, const char *type, const char *def, bool required,
		  const char *attrs)
{
	const char *v = mine ? http_arg(r, name) : def;

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
	if (attrs)
		html_raw_(h, attrs, strlen(attrs));
	if (v) {
		H(h, " value=\"");
		html_text(h, v);
		H(h, "\"");
	}
	H(h, ">");
	if (mine)
		page_field_msg(r, h, name);
	H(h, "</label>");
}

/* A <select> of fixed choices, the one sent (mine) or def selected; none: an empty first one. */
static void select_of(struct http_req *r, struct html *h, bool mine, const char *name,
		      const char *label, const struct page_choice *c, const char *def,
		      const char *none)
{
	const char *v = mine ? http_arg(r, name) : def;

	H(h, "<label><span>");
	html_text(h, label);
	H(h, "</span> <select name=\"");
	html_text(h, name);
	H(h, "\">");
	if (none) {
		H(h, "<option value=\"\">");
		html_text(h, none);
		H(h, "</option>");
	}
	for (; c->value; c++) {
		H(h, "<option value=\"");
		html_text(h, c->value);
		H(h, "\"");
		if (v && strcmp(v, c->value) == 0)
			H(h, " selected");
		H(h, ">");
		html_text(h, c->label);
		H(h, "</option>");
	}
	H(h, "</select>");
	if (mine)
		page_field_msg(r, h, name);
	H(h, "</label>");
}

/* The options of a read choice, the one sent (mine) or def selected. */
static int select_db(struct http_req *r, struct html *h, bool mine, const char *name,
		     const char *label, enum read_choice c, const char *def, const char *none)
{
	int rc;

	H(h, "<label><span>");
	html_text(h, label);
	if (!none)
		H(h, " <abbr title=\"bắt buộc\">*</abbr>");
	H(h, "</span> <select name=\"");
	html_text(h, name);
	H(h, "\"");
	if (!none)
		H(h, " required");
	H(h, ">");
	if (none) {
		H(h, "<option value=\"\">");
		html_text(h, none);
		H(h, "</option>");
	}
	rc = page_options(r, h, c, mine ? http_arg(r, name) : def);
	H(h, "</select>");
	if (mine)
		page_field_msg(r, h, name);
	H(h, "</label>");
	return rc;
}

static const struct page_choice session_kinds[] = {{"thuong_ky", "Thường kỳ"},
						   {"bat_thuong", "Bất thường"},
						   {"chuyen_de", "Chuyên đề"},
						   {NULL, NULL}};

/* The terms in scope as <option>s (Khóa XXII — body), def selected. */
static int term_options(struct http_req *r, struct html *h, const char *def)
{
	struct read_page p = {.after = 0, .limit = 500, .since = ""};
	struct read_term *t;
	size_t n;
	int rc = read_terms(r->db, &r->acct, &p, r->arena, &t, &n);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)t[i].id);
		H(h, "<option value=\"");
		html_text(h, id);
		H(h, "\"");
		if (def && strcmp(def, id) == 0)
			H(h, " selected");
		H(h, ">Khóa ");
		html_text(h, t[i].name);
		H(h, " — ");
		html_text(h, t[i].body_name);
		H(h, "</option>");
	}
	return rc;
}

/*
 * The session form's fields (add: s NULL, with the organ, term and number
 * proposed; edit: s's values).
 */
static int session_form_fields(struct http_req *r, struct html *h, bool mine,
			       const struct read_session *s, const char *organ, const char *term,
			       const char *number, const char *hint)
{
	const char *v = mine ? http_arg(r, "term") : term;
	int rc = select_db(r, h, mine, "organ", "Cơ quan họp", READ_CHOICE_ORGANS, organ, NULL);

	if (rc < 0)
		return rc;
	H(h, "<label><span>Nhiệm kỳ <abbr title=\"bắt buộc\">*</abbr></span> "
	     "<select name=\"term\" required>");
	rc = term_options(r, h, v);
	if (rc < 0)
		return rc;
	H(h, "</select>");
	if (mine)
		page_field_msg(r, h, "term");
	H(h, "</label>");
	field(r, h, mine, "number", hint, "number", number, false,
	      " min=\"1\" inputmode=\"numeric\"");
	field(r, h, mine, "date", "Ngày họp", "date", s ? s->date : NULL, true, NULL);
	field(r, h, mine, "time", "Giờ bắt đầu (giờ:phút)", "time", s ? s->start_time : "08:00",
	      true, NULL);
	select_of(r, h, mine, "kind", "Loại phiên họp", session_kinds, s ? s->kind : "thuong_ky",
		  NULL);
	field(r, h, mine, "place", "Địa điểm", "text", s ? s->place : NULL, false, NULL);
	field(r, h, mine, "basis", "Căn cứ triệu tập", "text", s ? s->basis : NULL, false, NULL);
	return 0;
}

/* "Thêm phiên họp": the number proposed is the next of the organ and term last used. */
static int session_add_form(struct http_req *r, struct html *h, const struct read_session *s,
			    size_t n)
{
	bool mine = posted(r, "/sessions");
	const struct read_session *last = NULL;
	char organ[24] = "", term[24] = "", number[24] = "";
	const char *hint = "Phiên thứ (để trống: số tiếp theo)";
	int64_t next = 1;
	int rc;

	for (size_t i = 0; i < n; i++)
		if (!last || s[i].id > last->id)
			last = &s[i];
	if (last) {
		for (size_t i = 0; i < n; i++)
			if (s[i].organ_id == last->organ_id && s[i].term_id == last->term_id &&
			    s[i].number >= next)
				next = s[i].number + 1;
		snprintf(organ, sizeof(organ), "%lld", (long long)last->organ_id);
		snprintf(term, sizeof(term), "%lld", (long long)last->term_id);
		snprintf(number, sizeof(number), "%lld", (long long)next);
		hint = arena_printf(r->arena,
				    "Phiên thứ (đề xuất %lld: phiên tiếp theo của %s khóa %s; để "
				    "trống: số tiếp theo của cơ quan đã chọn)",
				    (long long)next, last->organ, last->term);
	}
	H(h, "<details id=\"them-phien\"");
	if (mine)
		H(h, " open");
	H(h, "><summary><strong>Thêm phiên họp</strong></summary>");
	if (mine)
		page_form_errors(r, h);
	H(h, "<form class=\"stack\" method=\"post\" action=\"/sessions\">");
	page_csrf(r, h);
	rc = session_form_fields(r, h, mine, NULL, organ, term, number, hint);
	if (rc < 0)
		return rc;
	H(h, "<button type=\"submit\">Thêm phiên họp</button></form></details>");
	return 0;
}

int page_sessions(struct http_req *r)
{
	static const char *const cols[] = {"Ngày", "Cơ quan", "Phiên", "Nhiệm kỳ", "Tình trạng"};
	struct page_table tb;
	struct read_page p = {.after = 0, .limit = 1000, .since = ""};
	struct read_session *s;
	struct html h;
	size_t n;
	int rc = read_sessions(r->db, &r->acct, &p, r->arena, &s, &n);

	if (rc < 0)
		return rc;
	page_begin(r, &h, "Phiên họp");
	H(&h, "<h1>Phiên họp</h1>");
	if (page_role_in(r, R_STAFF) && (rc = session_add_form(r, &h, s, n)) < 0)
		return rc;
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		html_text(&h, dmy(r, s[i].date));
		if (s[i].start_time) {
			H(&h, ", ");
			html_text(&h, s[i].start_time);
		}
		page_td(&tb, NULL);
		html_text(&h, s[i].organ);
		H(&h, "<br><span class=\"muted\">");
		html_text(&h, s[i].body);
		H(&h, "</span>");
		page_td(&tb, NULL);
		H(&h, "<a href=\"/sessions/");
		html_int(&h, s[i].id);
		H(&h, "\">Phiên thứ ");
		html_int(&h, s[i].number);
		H(&h, "</a>");
		page_td(&tb, NULL);
		H(&h, "Khóa ");
		html_text(&h, s[i].term);
		page_td(&tb, NULL);
		html_text(&h, status_name(s[i].status));
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Chưa có phiên họp.");
	page_table_end(&tb);
	page_end(r, &h);
	return h.err;
}

/* The agenda's item ids and titles, for the votes below. */
struct agenda_ids {
	int64_t item[64];
	int64_t position[64];
	const char *title[64];
	size_t nitem;
};

static const struct page_choice att_choices[] = {{"present", "Có mặt"},
						 {"absent", "Vắng mặt"},
						 {"delegated", "Ủy quyền (ghi tên người dự thay)"},
						 {NULL, NULL}};

/* The summary against the organ's rule: in office, present, whether the quorum is met. */
static void attendance_summary(struct html *h, const struct sw_quorum *qu)
{
	struct buf frac = BUF_INIT(64);

	H(h, "<p class=\"notice\" id=\"tong-hop-diem-danh\"><strong>");
	html_int(h, qu->present);
	H(h, "/");
	html_int(h, qu->members);
	H(h, "</strong> ủy viên có mặt (đương nhiệm ");
	html_int(h, qu->members);
	H(h, "; vắng ");
	html_int(h, qu->absent);
	H(h, ", ủy quyền ");
	html_int(h, qu->delegated);
	H(h, ", chưa điểm danh ");
	html_int(h, qu->unrecorded);
	H(h, ")");
	H(h, ". Quy chế: cần ");
	if (sw_rule_describe_frac(qu->rule.attend_num, qu->rule.attend_den, qu->rule.attend_strict,
				  &frac) == 0)
		html_text(h, buf_str(&frac));
	buf_free(&frac);
	H(h, " số thành viên có mặt — ");
	if (qu->attend_ok)
		H(h, "<span class=\"badge st-ok\">đủ điều kiện biểu quyết</span>");
	else
		H(h, "<span class=\"badge st-late\">chưa đủ điều kiện biểu quyết</span>");
	H(h, "</p>");
}

/*
 * Attendance against the organ's rules in force on the session's date; the
 * office's grid. Open while it is being taken; a concluded session's folds.
 */
static int session_attendance(struct http_req *r, struct html *h, bool staff, bool concluded)
{
	static const char *const cols[] = {"Họ tên", "Chức vụ", "Tình trạng",
					   "Lý do vắng / người dự thay"};
	struct page_table tb;
	const char *action =
	    arena_printf(r->arena, "/sessions/%lld/attendance", (long long)r->id[0]);
	bool mine = posted(r, action);
	struct sw_quorum qu;
	struct sw_attendee *at;
	size_t n;
	int rc = sw_quorum(r->db, r->id[0], r->arena, &qu, &r->err);

	if (rc == 0)
		rc = sw_attendance_list(r->db, r->id[0], r->arena, &at, &n, &r->err);
	if (rc < 0)
		return rc;
	section_begin(h, "diem-danh", "Điểm danh", (long long)n, !concluded || mine);
	attendance_summary(h, &qu);
	if (staff) {
		if (mine)
			page_form_errors(r, h);
		H(h, "<form method=\"post\" class=\"stack wide\" action=\"");
		html_text(h, action);
		H(h, "\">");
		page_csrf(r, h);
	}
	page_table_begin(&tb, h, "grid", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		char st[32], re[32];
		const char *cur = at[i].status == SW_UNRECORDED ? "" : sw_att_name(at[i].status);

		snprintf(st, sizeof(st), "st%lld", (long long)at[i].person_id);
		snprintf(re, sizeof(re), "re%lld", (long long)at[i].person_id);
		page_td(&tb, NULL);
		html_text(h, at[i].name);
		if (!at[i].member)
			H(h, " <span class=\"muted\">(khách mời)</span>");
		page_td(&tb, NULL);
		html_text(h, at[i].position);
		page_td(&tb, NULL);
		if (staff) {
			select_of(r, h, mine, st, "", att_choices, cur, "— chưa điểm danh —");
		} else {
			html_text(h, at[i].status == SW_UNRECORDED ? "Chưa điểm danh"
								   : sw_att_label(at[i].status));
		}
		page_td(&tb, NULL);
		if (staff) {
			field(r, h, mine, re, "", "text",
			      at[i].delegate ? at[i].delegate : at[i].reason, false, NULL);
		} else {
			html_text(h, at[i].reason);
			if (at[i].delegate) {
				H(h, "Ủy quyền: ");
				html_text(h, at[i].delegate);
			}
		}
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Cơ quan họp chưa có thành viên đương nhiệm vào ngày họp.");
	page_table_end(&tb);
	if (staff)
		H(h, "<div class=\"actions\"><button type=\"submit\">Lưu điểm danh</button>"
		     "<button type=\"submit\" name=\"rest\" value=\"1\">Các đồng chí còn lại có "
		     "mặt</button></div></form>");
	section_end(h);
	return 0;
}

/* The counts of a vote form: the values sent when it was posted, else def's. */
static void vote_counts(struct http_req *r, struct html *h, bool mine, const struct sw_vote *def)
{
	char f[16] = "", a[16] = "", b[16] = "";

	if (def) {
		snprintf(f, sizeof(f), "%d", def->n_for);
		snprintf(a, sizeof(a), "%d", def->n_against);
		snprintf(b, sizeof(b), "%d", def->n_abstain);
	}
	field(r, h, mine, "for", "Tán thành", "number", def ? f : NULL, true,
	      " min=\"0\" inputmode=\"numeric\"");
	field(r, h, mine, "against", "Không tán thành", "number", def ? a : "0", false,
	      " min=\"0\" inputmode=\"numeric\"");
	field(r, h, mine, "abstain", "Không biểu quyết", "number", def ? b : "0", false,
	      " min=\"0\" inputmode=\"numeric\"");
}

/* The votes taken on the agenda's items; for the office, a form per item to record or correct. */
static int session_votes(struct http_req *r, struct html *h, const struct agenda_ids *ids,
			 bool staff)
{
	struct sw_vote *vs = arena_alloc(r->arena, sizeof(*vs) * (ids->nitem + 1));
	int got[64];
	long long taken = 0;

	if (!vs)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	/* The votes first: the heading counts those taken. */
	for (size_t i = 0; i < ids->nitem; i++) {
		struct err e2 = {0};

		got[i] = vote_get(r->db, ids->item[i], r->arena, &vs[i], &e2);
		if (got[i] < 0 && got[i] != ERR_NOTFOUND) {
			r->err = e2;
			return got[i];
		}
		taken += got[i] == 0;
	}
	section_begin(h, "bieu-quyet", "Biểu quyết", taken,
		      strcmp(r->method, "POST") == 0 && strstr(r->path, "/votes/"));
	if (!ids->nitem)
		H(h, "<p class=\"muted\">Chưa có nội dung để biểu quyết.</p>");
	for (size_t i = 0; i < ids->nitem; i++) {
		const char *rec = arena_printf(r->arena, "/sessions/%lld/votes/%lld",
					       (long long)r->id[0], (long long)ids->item[i]);
		const char *cor = arena_printf(r->arena, "%s/correct", rec);
		const struct sw_vote *v = &vs[i];
		int rc = got[i];
		bool mine;

		H(h, "<section class=\"card vote\" id=\"bq-");
		html_int(h, ids->item[i]);
		H(h, "\"><h3>");
		html_int(h, ids->position[i]);
		H(h, ". ");
		html_text(h, ids->title[i]);
		H(h, "</h3>");
		if (rc == 0) {
			H(h, "<p>Tán thành <strong>");
			html_int(h, v->n_for);
			H(h, "</strong>, không tán thành <strong>");
			html_int(h, v->n_against);
			H(h, "</strong>, không biểu quyết <strong>");
			html_int(h, v->n_abstain);
			H(h, "</strong> (đương nhiệm ");
			html_int(h, v->members);
			H(h, ", có mặt ");
			html_int(h, v->present);
			if (v->passed)
				H(h, ") — <span class=\"badge st-ok\">");
			else
				H(h, ") — <span class=\"badge st-bad\">");
			html_text(h, !v->binding ? "tham khảo"
				     : v->passed ? "thông qua"
						 : "không thông qua");
			H(h, "</span> <strong class=\"outcome\">");
			html_text(h, v->wording);
			H(h, "</strong></p>");
			if (v->correction_reason) {
				H(h, "<p class=\"muted\">Đã sửa kết quả. Lý do: ");
				html_text(h, v->correction_reason);
				H(h, " (kết quả cũ lưu trong nhật ký)</p>");
			}
		}
		if (!staff) {
			if (rc == ERR_NOTFOUND)
				H(h, "<p class=\"muted\">Chưa có biểu quyết.</p>");
			H(h, "</section>");
			continue;
		}
		mine = posted(r, rc == 0 ? cor : rec);
		if (rc == 0) {
			H(h, "<details");
			if (mine)
				H(h, " open");
			H(h, "><summary>Sửa kết quả biểu quyết</summary>");
		}
		if (mine)
			page_form_errors(r, h);
		H(h, "<form class=\"stack\" method=\"post\" action=\"");
		html_text(h, rc == 0 ? cor : rec);
		H(h, "\">");
		page_csrf(r, h);
		vote_counts(r, h, mine, rc == 0 ? v : NULL);
		if (rc == 0) {
			field(r, h, mine, "reason", "Lý do sửa", "text", NULL, true, NULL);
			H(h, "<button type=\"submit\">Sửa kết quả</button></form></details>");
		} else {
			field(r, h, mine, "wording", "Kết quả (để trống: theo quy chế)", "text",
			      NULL, false, " placeholder=\"nhất trí, cơ bản nhất trí …\"");
			H(h, "<button type=\"submit\">Ghi biểu quyết</button></form>");
		}
		H(h, "</section>");
	}
	section_end(h);
	return 0;
}

/* How many comments the session's page shows; /sessions/#/comments shows the rest as many at a time. */
#define COMMENTS_PAGE 20

/* Comments c as tables under their documents' headings: a new heading where the document changes. */
static void comment_tables(struct html *h, const struct read_comment *c, size_t n)
{
	static const char *const cols[] = {"Người góp ý", "Đoạn", "Nội dung", "Trả lời"};
	struct page_table tb;

	for (size_t i = 0; i < n; i++) {
		if (i == 0 || c[i].doc_id != c[i - 1].doc_id) {
			if (i)
				page_table_end(&tb);
			H(h, "<h3>");
			html_text(h, c[i].doc_kind);
			H(h, " ");
			html_text(h, c[i].doc_title);
			H(h, "</h3>");
			page_table_begin(&tb, h, NULL, cols, PAGE_NCOL(cols));
		}
		page_td(&tb, NULL);
		html_text(h, c[i].member);
		page_td(&tb, NULL);
		html_text(h, c[i].paragraph);
		page_td(&tb, NULL);
		html_text(h, c[i].content);
		page_td(&tb, NULL);
		H(h, "<strong>");
		html_text(h, cmt_resp_label((enum cmt_resp)c[i].response));
		H(h, "</strong> ");
		html_text(h, c[i].response_text);
		page_tr_end(&tb);
	}
	if (n)
		page_table_end(&tb);
}

/* The link to the session's comments after comment last. */
static void comments_more(struct html *h, int64_t session, int64_t last)
{
	H(h, "<p class=\"more\"><a href=\"/sessions/");
	html_int(h, session);
	H(h, "/comments?after=");
	html_int(h, last);
	H(h, "\">Xem thêm</a></p>");
}

/*
 * The comments made at the session on drafts the account may read, and how
 * each was answered: the first COMMENTS_PAGE, then a link to the others.
 */
static int session_comments(struct http_req *r, struct html *h)
{
	struct read_page p = {.limit = COMMENTS_PAGE, .since = ""};
	struct read_comment *c;
	int64_t total = 0;
	size_t n;
	int rc = read_session_comment_count(r->db, &r->acct, r->id[0], &total);

	if (rc == 0)
		rc = read_session_comments(r->db, &r->acct, r->id[0], &p, r->arena, &c, &n);
	if (rc < 0)
		return rc;
	section_begin(h, "gop-y", "Ý kiến góp ý và tiếp thu", (long long)total, false);
	comment_tables(h, c, n);
	if (total > (int64_t)n && n) {
		H(h, "<p class=\"muted\">");
		html_int(h, (int64_t)n);
		H(h, " ý kiến đầu trong số ");
		html_int(h, total);
		H(h, ".</p>");
		comments_more(h, r->id[0], c[n - 1].id);
	}
	if (!total)
		H(h, "<p class=\"muted\">Chưa có ý kiến góp ý.</p>");
	section_end(h);
	return 0;
}

const struct http_field page_session_comments_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Trang sau ý kiến số (after)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* GET /sessions/#/comments: the session's comments after a given one, COMMENTS_PAGE at a time. */
int page_session_comments(struct http_req *r)
{
	struct read_page p = {
	    .after = http_arg_int(r, "after", 0), .limit = COMMENTS_PAGE, .since = ""};
	struct read_comment *c;
	struct read_session s;
	struct html h;
	int64_t total = 0;
	size_t n;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc == 0)
		rc = read_session_comment_count(r->db, &r->acct, s.id, &total);
	if (rc == 0)
		rc = read_session_comments(r->db, &r->acct, s.id, &p, r->arena, &c, &n);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Ý kiến góp ý");
	H(&h, "<h1>Ý kiến góp ý và tiếp thu</h1><p><a href=\"/sessions/");
	html_int(&h, s.id);
	H(&h, "#gop-y\">");
	html_text(&h, s.organ);
	H(&h, " — phiên thứ ");
	html_int(&h, s.number);
	H(&h, "</a> <span class=\"muted\">(");
	html_int(&h, total);
	H(&h, " ý kiến)</span></p>");
	comment_tables(&h, c, n);
	if (!n)
		H(&h, "<p class=\"muted\">Không còn ý kiến nào.</p>");
	if ((int64_t)n == p.limit)
		comments_more(&h, s.id, c[n - 1].id);
	page_end(r, &h);
	return h.err;
}

/* Questioning (chất vấn), questions and recommendations, with where each stands. */
static int session_questioning(struct http_req *r, struct html *h)
{
	static const char *const cols[] = {"Loại",     "Người hỏi", "Người trả lời",
					   "Nội dung", "Trả lời",   "Tình trạng"};
	struct page_table tb;
	struct qa_item *qa;
	size_t n;
	int rc = qa_list(r->db, r->id[0], r->arena, &qa, &n, &r->err);

	if (rc < 0)
		return rc;
	section_begin(h, "chat-van", "Chất vấn và kiến nghị", (long long)n, false);
	page_table_begin(&tb, h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		html_text(h, qa_kind_label(qa[i].kind));
		page_td(&tb, NULL);
		html_text(h, qa[i].questioner);
		page_td(&tb, NULL);
		html_text(h, qa[i].respondent);
		page_td(&tb, NULL);
		html_text(h, qa[i].content);
		page_td(&tb, NULL);
		html_text(h, qa[i].answer);
		page_td(&tb, NULL);
		html_text(h, qa_stage_label(qa[i].stage));
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Không có nội dung chất vấn.");
	page_table_end(&tb);
	section_end(h);
	return 0;
}

/* The minutes (biên bản), draft or approved. */
static int session_minutes(struct http_req *r, struct html *h)
{
	struct minutes m;
	struct err e2 = {0};
	int rc = minutes_get(r->db, r->id[0], r->arena, &m, &e2);

	if (rc < 0 && rc != ERR_NOTFOUND) {
		r->err = e2;
		return rc;
	}
	/* One text, not a list: no count. */
	section_begin(h, "bien-ban", "Biên bản", -1, false);
	if (rc == ERR_NOTFOUND) {
		H(h, "<p class=\"muted\">Chưa có biên bản.</p>");
		section_end(h);
		return 0;
	}
	if (m.approved)
		H(h, "<p>Đã thông qua");
	else
		H(h, "<p>Dự thảo");
	if (m.approved_at) {
		H(h, " ngày ");
		html_text(h, m.approved_at);
	}
	H(h, ".</p><pre class=\"doc\">");
	html_text(h, m.text);
	H(h, "</pre>");
	section_end(h);
	return 0;
}

/* The conclusion notices of the session (drafts and issued). */
static int session_notices(struct http_req *r, struct html *h)
{
	struct read_notice_line *l;
	size_t n;
	int rc = read_session_notices(r->db, &r->acct, r->id[0], r->arena, &l, &n);

	if (rc < 0)
		return rc;
	bool refused = r->nferr && strstr(r->path, "/notice") != NULL;

	/* open while there is none yet (its button drafts the first), or to say why it could not */
	section_begin(h, "thong-bao", "Thông báo kết luận", (long long)n,
		      refused || (!n && page_role_in(r, R_STAFF)));
	if (refused)
		page_form_errors(r, h);
	H(h, "<ul>");
	for (size_t i = 0; i < n; i++) {
		H(h, "<li><a href=\"/notices/");
		html_int(h, l[i].id);
		H(h, "\">Thông báo kết luận ");
		html_text(h, l[i].symbol ? l[i].symbol : "(dự thảo)");
		H(h, "</a></li>");
	}
	if (!n)
		H(h, "<li class=\"muted\">Chưa có thông báo.</li>");
	H(h, "</ul>");
	if (page_role_in(r, R_STAFF)) {
		/* the draft is composed from the agenda, the votes and the questioning */
		H(h, "<form method=\"post\" action=\"/sessions/");
		html_int(h, r->id[0]);
		H(h, "/notice\">");
		page_csrf(r, h);
		H(h, "<button type=\"submit\">Tạo thông báo kết luận</button></form>");
	}
	section_end(h);
	return 0;
}

/* The tasks given by the session's conclusions, as the tasks page shows them. */
static int session_tasks(struct http_req *r, struct html *h)
{
	struct task_filter f = {0};
	struct task *ts = NULL;
	char today[11];
	size_t n = 0, shown = 0;
	int rc;

	read_today(today);
	f.as_of = today;
	f.source_session_id = r->id[0];
	rc = task_list(r->db, &f, r->arena, &ts, &n, &r->err);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		shown += read_task_visible(r->db, &r->acct, &ts[i]);
	section_begin(h, "nhiem-vu", "Nhiệm vụ", (long long)shown, false);
	rc = page_task_table(r, h, ts, n, false);
	section_end(h);
	return rc;
}

/* The session's own fields, to correct while it is not concluded. */
static int session_edit_form(struct http_req *r, struct html *h, const struct read_session *s)
{
	const char *action = arena_printf(r->arena, "/sessions/%lld", (long long)s->id);
	bool mine = posted(r, action);
	char organ[24], term[24], number[24];
	int rc;

	snprintf(organ, sizeof(organ), "%lld", (long long)s->organ_id);
	snprintf(term, sizeof(term), "%lld", (long long)s->term_id);
	snprintf(number, sizeof(number), "%lld", (long long)s->number);
	H(h, "<details id=\"sua-phien\"");
	if (mine)
		H(h, " open");
	H(h, "><summary>Sửa thông tin phiên họp</summary>");
	if (mine)
		page_form_errors(r, h);
	H(h, "<form class=\"stack\" method=\"post\" action=\"");
	html_text(h, action);
	H(h, "\">");
	page_csrf(r, h);
	rc = session_form_fields(r, h, mine, s, organ, term, number, "Phiên thứ");
	if (rc < 0)
		return rc;
	H(h, "<button type=\"submit\">Lưu thông tin phiên họp</button></form></details>");
	return 0;
}

/* "Thêm nội dung": kind, title, presenting unit, the registered document it is bound to. */
static int agenda_add_form(struct http_req *r, struct html *h, int64_t session_id)
{
	const char *action = arena_printf(r->arena, "/sessions/%lld/agenda", (long long)session_id);
	struct read_page p = {.after = 0, .limit = 500, .since = ""};
	bool mine = posted(r, action);
	const char *doc = mine ? http_arg(r, "document_id") : NULL;
	struct read_document *d;
	size_t n;
	int rc;

	H(h, "<details id=\"them-noi-dung\"");
	if (mine)
		H(h, " open");
	H(h, "><summary><strong>Thêm nội dung</strong></summary>");
	if (mine)
		page_form_errors(r, h);
	H(h, "<form class=\"stack\" method=\"post\" action=\"");
	html_text(h, action);
	H(h, "\">");
	page_csrf(r, h);
	field(r, h, mine, "kind", "Loại văn bản trình", "text", "Báo cáo", true,
	      " list=\"loai-van-ban\"");
	H(h, "<datalist id=\"loai-van-ban\"><option value=\"Báo cáo\"><option value=\"Tờ trình\">"
	     "<option value=\"Đề án\"><option value=\"Dự thảo Nghị quyết\"><option "
	     "value=\"Kế hoạch\"></datalist>");
	field(r, h, mine, "title", "Tên nội dung", "text", NULL, true, NULL);
	rc = select_db(r, h, mine, "presenter_unit_id", "Đơn vị trình", READ_CHOICE_UNITS, NULL,
		       "— không ghi —");
	if (rc < 0)
		return rc;
	rc = read_documents(r->db, &r->acct, &p, r->arena, &d, &n);
	if (rc < 0)
		return rc;
	H(h, "<label><span>Văn bản đã đăng ký</span> <select name=\"document_id\">"
	     "<option value=\"\">— chưa gắn văn bản —</option>");
	for (size_t i = 0; i < n; i++) {
		char id[24];

		snprintf(id, sizeof(id), "%lld", (long long)d[i].id);
		H(h, "<option value=\"");
		html_text(h, id);
		H(h, "\"");
		if (doc && strcmp(doc, id) == 0)
			H(h, " selected");
		H(h, ">");
		html_text(h, d[i].symbol ? d[i].symbol : "(chưa số)");
		H(h, " — ");
		html_text(h, d[i].title);
		H(h, "</option>");
	}
	H(h, "</select>");
	if (mine)
		page_field_msg(r, h, "document_id");
	H(h, "</label><button type=\"submit\">Thêm nội dung</button></form></details>");
	return 0;
}

/* The up and down buttons of an agenda line. */
static void agenda_move_buttons(struct http_req *r, struct html *h, int64_t item, bool first,
				bool last)
{
	const char *action = arena_printf(r->arena, "/sessions/%lld/agenda/%lld/move",
					  (long long)r->id[0], (long long)item);

	H(h, "<form class=\"inline\" method=\"post\" action=\"");
	html_text(h, action);
	H(h, "\">");
	page_csrf(r, h);
	if (!first)
		H(h, "<button type=\"submit\" name=\"direction\" value=\"up\" title=\"Chuyển lên\" "
		     "aria-label=\"Chuyển lên\">▲</button>");
	if (!last)
		H(h, "<button type=\"submit\" name=\"direction\" value=\"down\" title=\"Chuyển "
		     "xuống\" aria-label=\"Chuyển xuống\">▼</button>");
	H(h, "</form>");
}

int page_session(struct http_req *r)
{
	static const char *const cols[] = {"TT", "Nội dung", "Đơn vị trình", "Văn bản", "Kết quả"};
	struct page_table tb;
	struct agenda_ids ids = {0};
	struct read_agenda_line *l;
	struct read_session s;
	struct html h;
	size_t n;
	char *title;
	bool staff = page_role_in(r, R_STAFF), open;
	int rc;

	rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);
	if (rc == 0)
		rc = read_session_agenda(r->db, &r->acct, s.id, r->arena, &l, &n);
	if (rc < 0)
		return rc;
	open = staff && strcmp(s.status, "concluded") != 0;
	title = arena_printf(r->arena, "%s — phiên thứ %lld", s.organ, (long long)s.number);
	page_begin(r, &h, title ? title : "Phiên họp");
	H(&h, "<h1>");
	html_text(&h, title);
	H(&h, "</h1>");
	/* A refused edit of a session no longer open has no form to show its message in. */
	if (!open && posted(r, arena_printf(r->arena, "/sessions/%lld", (long long)s.id)))
		page_form_errors(r, &h);
	H(&h, "<dl><dt>Cơ quan</dt><dd>");
	html_text(&h, s.body);
	H(&h, "</dd><dt>Ngày họp</dt><dd>");
	html_text(&h, dmy(r, s.date));
	H(&h, "</dd><dt>Giờ bắt đầu</dt><dd id=\"gio-hop\">");
	html_text(&h, s.start_time ? s.start_time : "chưa ghi");
	H(&h, "</dd><dt>Địa điểm</dt><dd>");
	html_text(&h, s.place);
	H(&h, "</dd><dt>Loại</dt><dd>");
	html_text(&h, reg_session_kind_name(s.kind));
	H(&h, "</dd><dt>Nhiệm kỳ</dt><dd>Khóa ");
	html_text(&h, s.term);
	H(&h, ", ");
	html_int(&h, s.year_from);
	H(&h, "–");
	html_int(&h, s.year_to);
	if (s.basis) {
		H(&h, "</dd><dt>Căn cứ</dt><dd>");
		html_text(&h, s.basis);
	}
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	html_text(&h, status_name(s.status));
	H(&h, "</dd></dl>");
	if (open && (rc = session_edit_form(r, &h, &s)) < 0)
		return rc;

	section_begin(&h, "chuong-trinh", "Chương trình", (long long)n, true);
	if (strcmp(r->method, "POST") == 0 && strstr(r->path, "/move"))
		page_form_errors(r, &h);
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		if (ids.nitem < 64) {
			ids.item[ids.nitem] = l[i].id;
			ids.position[ids.nitem] = l[i].position;
			ids.title[ids.nitem] = l[i].title;
			ids.nitem++;
		}
		page_td(&tb, NULL);
		html_int(&h, l[i].position);
		if (open)
			agenda_move_buttons(r, &h, l[i].id, i == 0, i + 1 == n);
		page_td(&tb, NULL);
		html_text(&h, l[i].doc_kind);
		H(&h, " ");
		html_text(&h, l[i].title);
		page_td(&tb, NULL);
		html_text(&h, l[i].presenter);
		page_td(&tb, NULL);
		if (l[i].document_id && l[i].doc_visible) {
			H(&h, "<a href=\"/documents/");
			html_int(&h, l[i].document_id);
			H(&h, "\">");
			html_text(&h, l[i].doc_symbol ? l[i].doc_symbol : "xem");
			H(&h, "</a>");
		} else if (l[i].document_id) {
			H(&h, "<span class=\"mat\">Mật</span>");
		}
		page_td(&tb, NULL);
		html_text(&h, l[i].outcome);
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Chưa có nội dung.");
	page_table_end(&tb);
	if (open && (rc = agenda_add_form(r, &h, s.id)) < 0)
		return rc;
	section_end(&h);
	rc = session_attendance(r, &h, staff, strcmp(s.status, "concluded") == 0);
	if (rc == 0)
		rc = session_votes(r, &h, &ids, staff);
	if (rc == 0)
		rc = session_comments(r, &h);
	if (rc == 0)
		rc = session_questioning(r, &h);
	if (rc == 0)
		rc = session_minutes(r, &h);
	if (rc == 0)
		rc = session_notices(r, &h);
	if (rc == 0)
		rc = session_tasks(r, &h);
	if (rc < 0)
		return rc;
	page_end(r, &h);
	return h.err;
}
