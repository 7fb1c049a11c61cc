/* page_admin_notice.c: administration of what notices are laid out with: recipient groups (nơi nhận) and format profiles (thể thức). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notice/fmt.h"
#include "core/registry/rgroup.h"
#include "pages/pages.h"

const struct http_field page_rgroup_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan"},
    {"code", HF_TEXT, true, RGROUP_CODE_MAX, NULL, "Mã nhóm"},
    {"name", HF_TEXT, true, RGROUP_NAME_MAX, NULL, "Tên nhóm"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_rline_fields[] = {
    {"group", HF_INT, true, 0, NULL, "Nhóm nơi nhận"},
    {"label", HF_TEXT, true, RGROUP_LABEL_MAX, NULL, "Dòng nơi nhận"},
    {"email", HF_TEXT, false, RGROUP_EMAIL_MAX, NULL, "Thư điện tử"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The fields fmt_profile_set changes; the others are shown only. */
#define PROFILE_SETTABLE "header_pt|body_pt|margin_top|margin_bottom|margin_left|margin_right"

const struct http_field page_profile_fields[] = {
    {"profile", HF_TEXT, true, 31, NULL, "Thể thức"},
    {"field", HF_ENUM, true, 0, PROFILE_SETTABLE, "Thông số"},
    {"value", HF_TEXT, true, 12, NULL, "Giá trị"},
    {NULL, 0, false, 0, NULL, NULL},
};

static int begin(struct http_req *r)
{
	return tx_begin(r->db, &r->err);
}

/* ---- recipient groups ---- */

int page_admin_rgroups(struct http_req *r)
{
	struct read_rgroup *g;
	struct html h;
	size_t n;
	int rc;

	page_begin(r, &h, "Nơi nhận");
	page_admin_menu(r, &h, "/admin/recipient-groups");
	H(&h, "<h1>Nhóm nơi nhận</h1><p class=\"muted\">Mỗi nhóm là danh sách các dòng in ở phần "
	      "“Nơi nhận” của thông báo; mẫu thông báo gọi nhóm bằng mã của nó "
	      "(<code>@recipients tb-bch</code>). Dòng có thư điện tử được gửi qua thư, dòng "
	      "không có được gửi bản giấy.</p>");
	rc = read_rgroups(r->db, &r->acct, r->arena, &g, &n);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		H(&h, "<section class=\"rgroup\"><h2>");
		html_text(&h, g[i].name);
		H(&h, " <code>");
		html_text(&h, g[i].code);
		H(&h, "</code></h2><p class=\"muted\">");
		html_text(&h, g[i].body);
		H(&h, "</p>");
		if (g[i].nrecipients)
			H(&h, "<ol class=\"recipients\">");
		for (size_t k = 0; k < g[i].nrecipients; k++) {
			const struct read_recipient *x = &g[i].recipients[k];

			H(&h, "<li>");
			html_text(&h, x->label);
			if (x->email) {
				H(&h, " <span class=\"muted\">&lt;");
				html_text(&h, x->email);
				H(&h, "&gt;</span>");
			} else {
				H(&h, " <span class=\"muted\">(bản giấy)</span>");
			}
			H(&h, "</li>");
		}
		if (g[i].nrecipients)
			H(&h, "</ol>");
		else
			H(&h, "<p class=\"muted\">Chưa có dòng nào.</p>");
		H(&h, "</section>");
	}
	if (n == 0)
		H(&h, "<p class=\"muted\">Chưa có nhóm nơi nhận nào.</p>");
	H(&h, "<h2 id=\"them\">Thêm nhóm</h2>");
	if (strcmp(r->path, "/admin/recipient-groups") == 0)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/recipient-groups\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "body", "Cơ quan", NULL, READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	page_input(r, &h, "code", "Mã nhóm (tb-bch)", PI_TEXT, true);
	page_input(r, &h, "name", "Tên nhóm (Thông báo gửi Ban Chấp hành)", PI_TEXT, true);
	H(&h, "<button type=\"submit\">Thêm nhóm</button></form><h2 id=\"dong\">Thêm dòng nơi "
	      "nhận</h2>");
	if (strcmp(r->path, "/admin/recipient-groups/lines") == 0)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/recipient-groups/lines\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "group", "Nhóm", NULL, READ_CHOICE_RGROUPS);
	if (rc < 0)
		return rc;
	page_input(r, &h, "label", "Dòng in ra (Các đồng chí Ủy viên BCH Đảng bộ huyện)", PI_TEXT,
		   true);
	page_input(r, &h, "email", "Thư điện tử (để trống: gửi bản giấy)", PI_EMAIL, false);
	H(&h, "<button type=\"submit\">Thêm dòng</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_rgroup_add(struct http_req *r)
{
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_rgroups);
	rc = account_manages_body(r->db, &r->acct, http_arg_int(r, "body", 0), &r->err);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, rgroup_add(r->db, http_arg_int(r, "body", 0), http_arg(r, "code"),
				       http_arg(r, "name"), NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "code", page_admin_rgroups);
	return http_redirect(r, "/admin/recipient-groups");
}

int page_admin_rline_add(struct http_req *r)
{
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_rgroups);
	rc = account_manages_row(r->db, &r->acct, ACCOUNT_ROW_RGROUP, http_arg_int(r, "group", 0),
				 &r->err);
	if (rc == ERR_NOTFOUND)
		return page_form_refused(r, rc, "group", page_admin_rgroups);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc =
	    page_tx_end(r, rgroup_line_add(r->db, http_arg_int(r, "group", 0), http_arg(r, "label"),
					   http_arg(r, "email"), NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "label", page_admin_rgroups);
	return http_redirect(r, "/admin/recipient-groups");
}

/* ---- format profiles ---- */

#define MAX_PROFILES 16

enum pf_kind { PF_PT, PF_MM, PF_NUM, PF_TEXT, PF_BOOL };

static const struct {
	const char *name, *label;
	enum pf_kind kind;
	size_t off;
	bool settable;
} pfields[] = {
    {"family", "Loại (Đảng / Nhà nước)", PF_TEXT, offsetof(struct fmt_profile, family), false},
    {"font", "Phông chữ", PF_TEXT, offsetof(struct fmt_profile, font), false},
    {"header_pt", "Cỡ chữ tiêu đề (pt)", PF_PT, offsetof(struct fmt_profile, header_pt), true},
    {"motto_pt", "Cỡ chữ quốc hiệu, khẩu hiệu (pt)", PF_PT, offsetof(struct fmt_profile, motto_pt),
     false},
    {"type_pt", "Cỡ chữ tên loại (pt)", PF_PT, offsetof(struct fmt_profile, type_pt), false},
    {"summary_pt", "Cỡ chữ trích yếu (pt)", PF_PT, offsetof(struct fmt_profile, summary_pt), false},
    {"body_pt", "Cỡ chữ nội dung (pt)", PF_PT, offsetof(struct fmt_profile, body_pt), true},
    {"recipients_pt", "Cỡ chữ nơi nhận (pt)", PF_PT, offsetof(struct fmt_profile, recipients_pt),
     false},
    {"sign_pt", "Cỡ chữ chữ ký (pt)", PF_PT, offsetof(struct fmt_profile, sign_pt), false},
    {"margin_top", "Lề trên (mm)", PF_MM, offsetof(struct fmt_profile, margin_top), true},
    {"margin_bottom", "Lề dưới (mm)", PF_MM, offsetof(struct fmt_profile, margin_bottom), true},
    {"margin_left", "Lề trái (mm)", PF_MM, offsetof(struct fmt_profile, margin_left), true},
    {"margin_right", "Lề phải (mm)", PF_MM, offsetof(struct fmt_profile, margin_right), true},
    {"indent_mm", "Thụt đầu dòng (mm)", PF_MM, offsetof(struct fmt_profile, indent_mm), false},
    {"line_spacing", "Giãn dòng (lần)", PF_NUM, offsetof(struct fmt_profile, line_spacing), false},
    {"para_space_pt", "Cách đoạn (pt)", PF_PT, offsetof(struct fmt_profile, para_space_pt), false},
    {"page_numbers", "Đánh số trang (từ trang 2)", PF_BOOL,
     offsetof(struct fmt_profile, page_numbers), false},
    {"sign_forms", "Thể thức ký cho phép", PF_TEXT, offsetof(struct fmt_profile, sign_forms),
     false},
};

static void pf_value(struct html *h, const struct fmt_profile *p, size_t i)
{
	const char *base = (const char *)p + pfields[i].off;

	switch (pfields[i].kind) {
	case PF_TEXT:
		html_text(h, base);
		break;
	case PF_BOOL:
		html_text(h, *(const bool *)base ? "có" : "không");
		break;
	default:
		/* Vietnamese writes the decimal comma: 1,5. */
		{
			char num[32];

			snprintf(num, sizeof(num), "%g", *(const double *)base);
			for (char *c = num; *c; c++)
				if (*c == '.')
					*c = ',';
			html_text(h, num);
		}
		break;
	}
}

int page_admin_profiles(struct http_req *r)
{
	struct read_option *o;
	struct fmt_profile *p;
	struct page_table tb;
	const char **cols;
	struct html h;
	size_t no;
	int rc, n = 0;

	p = arena_alloc(r->arena, sizeof(*p) * MAX_PROFILES);
	cols = arena_alloc(r->arena, sizeof(*cols) * (MAX_PROFILES + 1));
	if (!p || !cols)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	rc = read_choices(r->db, &r->acct, READ_CHOICE_PROFILES, r->arena, &o, &no);
	for (size_t i = 0; rc == 0 && i < no && n < MAX_PROFILES; i++)
		snprintf(p[n++].code, sizeof(p[0].code), "%s", o[i].value ? o[i].value : "");
	for (int i = 0; rc >= 0 && i < n; i++)
		rc = fmt_profile_load(r->db, p[i].code, &p[i], &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Thể thức văn bản");
	page_admin_menu(r, &h, "/admin/profiles");
	H(&h, "<h1>Thể thức văn bản</h1><p class=\"muted\">Khổ A4; cỡ chữ theo điểm (pt), lề theo "
	      "milimét. Thông số đánh dấu * đổi được ở biểu mẫu bên dưới; mọi thay đổi được "
	      "kiểm tra để trang vẫn dàn được.</p>");
	/* A row is a parameter, its header the card's title on a phone; a column a profile. */
	cols[0] = "Thông số";
	for (int i = 0; i < n; i++)
		cols[i + 1] = p[i].code;
	page_table_begin(&tb, &h, "profiles", cols, n + 1);
	for (size_t f = 0; f < sizeof(pfields) / sizeof(pfields[0]); f++) {
		page_th_row(&tb);
		H(&h, "<span id=\"pf-");
		html_text(&h, pfields[f].name);
		H(&h, "\">");
		html_text(&h, pfields[f].label);
		if (pfields[f].settable)
			H(&h, " *");
		H(&h, " <code>");
		html_text(&h, pfields[f].name);
		H(&h, "</code></span>");
		for (int i = 0; i < n; i++) {
			page_td(&tb, NULL);
			pf_value(&h, &p[i], f);
		}
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "<h2 id=\"doi\">Đổi một thông số</h2>");
	page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/profiles\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "profile", "Thể thức", NULL, READ_CHOICE_PROFILES);
	if (rc < 0)
		return rc;
	page_select_begin(r, &h, "field", "Thông số", true);
	for (size_t f = 0; f < sizeof(pfields) / sizeof(pfields[0]); f++) {
		if (!pfields[f].settable)
			continue;
		H(&h, "<option value=\"");
		html_text(&h, pfields[f].name);
		H(&h, "\"");
		if (http_arg(r, "field") && strcmp(http_arg(r, "field"), pfields[f].name) == 0)
			H(&h, " selected");
		H(&h, ">");
		html_text(&h, pfields[f].label);
		H(&h, "</option>");
	}
	page_select_end(r, &h, "field");
	page_input(r, &h, "value", "Giá trị mới (ví dụ 30 hoặc 14,5)", PI_DECIMAL, true);
	H(&h, "<button type=\"submit\">Lưu</button></form>");
	page_end(r, &h);
	return h.err;
}

/* A decimal written 14, 14.5 or 14,5 (up to 3 decimals); false for anything else. */
static bool parse_decimal(const char *s, double *ret)
{
	char tmp[16], *end;
	size_t n = strlen(s), i = 0, dec = 0;
	bool point = false;

	if (n == 0 || n >= sizeof(tmp))
		return false;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			tmp[i] = s[i];
			if (point && ++dec > 3)
				return false;
		} else if ((s[i] == ',' || s[i] == '.') && !point && i > 0 && i + 1 < n) {
			tmp[i] = '.';
			point = true;
		} else {
			return false;
		}
	}
	tmp[n] = '\0';
	*ret = strtod(tmp, &end);
	return *end == '\0';
}

int page_admin_profile_set(struct http_req *r)
{
	double v;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_profiles);
	if (!parse_decimal(http_arg(r, "value"), &v)) {
		http_field_error(r, "value",
				 "Giá trị phải là một số, ví dụ 30 hoặc 14,5 (tối đa 3 chữ số thập "
				 "phân)");
		return page_form_again(r, page_admin_profiles);
	}
	/* Format profiles belong to no body: shared by all, changed by a global admin only. */
	rc = account_manages_body(r->db, &r->acct, 0, &r->err);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(
	    r, fmt_profile_set(r->db, http_arg(r, "profile"), http_arg(r, "field"), v, &r->err));
	if (rc < 0) {
		/* The check names the rule broken; it belongs beside the value. */
		if (rc == ERR_INVAL) {
			const char *m = arena_strdup(r->arena, err_msg(&r->err, rc));

			http_field_error(r, "value", m ? m : "");
			return page_form_again(r, page_admin_profiles);
		}
		return page_form_refused(r, rc, "profile", page_admin_profiles);
	}
	return http_redirect(r, "/admin/profiles");
}
