/* page_admin_registry.c: administration of the registry: bodies, terms, organs and their members, units, people. */
#include <stdio.h>
#include <string.h>

#include "core/registry/registry.h"
#include "pages/pages.h"
#include "util/id.h"

const struct http_field page_body_fields[] = {
    {"name", HF_TEXT, true, 300, NULL, "Tên cơ quan"},
    {"short_name", HF_TEXT, false, 120, NULL, "Tên ngắn"},
    {"code", HF_TEXT, true, 47, NULL, "Ký hiệu"},
    {"level", HF_ENUM, true, 0, "tw|tinh|huyen|xa|coso", "Cấp"},
    {"kind", HF_ENUM, true, 0, "party|people", "Khối"},
    {"parent", HF_INT, false, 0, NULL, "Cơ quan cấp trên"},
    {"place", HF_TEXT, false, 120, NULL, "Địa danh"},
    {"active_from", HF_DATE, false, 0, NULL, "Hoạt động từ ngày"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_succession_fields[] = {
    {"end#", HF_INT, false, 1, NULL, "Cơ quan kết thúc"},
    {"successor", HF_INT, true, 0, NULL, "Cơ quan kế tục"},
    {"on", HF_DATE, true, 0, NULL, "Từ ngày"},
    {"mode", HF_ENUM, true, 0, "sap_nhap|hop_nhat", "Hình thức"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_term_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan"},
    {"name", HF_TEXT, true, 64, NULL, "Khóa"},
    {"year_from", HF_INT, true, 2200, NULL, "Năm bắt đầu"},
    {"year_to", HF_INT, true, 2200, NULL, "Năm kết thúc"},
    {"start_date", HF_DATE, false, 0, NULL, "Ngày bắt đầu"},
    {"end_date", HF_DATE, false, 0, NULL, "Ngày kết thúc"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_organ_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan"},
    {"kind", HF_ENUM, true, 0, "bch|btv|tt|ubkt|vp|ban|ubnd|other", "Loại cơ quan họp"},
    {"name", HF_TEXT, true, 300, NULL, "Tên cơ quan họp"},
    {"code", HF_TEXT, false, 47, NULL, "Ký hiệu riêng"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_member_fields[] = {
    {"organ", HF_INT, true, 0, NULL, "Cơ quan họp"},
    {"person", HF_INT, true, 0, NULL, "Cán bộ"},
    {"position", HF_TEXT, true, 200, NULL, "Chức vụ"},
    {"date_from", HF_DATE, false, 0, NULL, "Từ ngày"},
    {"date_to", HF_DATE, false, 0, NULL, "Đến ngày"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_unit_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan"},
    {"kind", HF_ENUM, true, 0, "agency|organ|lower_body|group", "Loại đơn vị"},
    {"name", HF_TEXT, true, 300, NULL, "Tên đơn vị"},
    {"organ", HF_INT, false, 0, NULL, "Cơ quan họp"},
    {"lower_body", HF_INT, false, 0, NULL, "Cấp ủy cấp dưới"},
    {"email", HF_TEXT, false, 320, NULL, "Thư điện tử"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_person_fields[] = {
    {"full_name", HF_TEXT, true, 200, NULL, "Họ và tên"},
    {"email", HF_TEXT, false, 320, NULL, "Thư điện tử"},
    {"phone", HF_TEXT, false, 40, NULL, "Số điện thoại"},
    {NULL, 0, false, 0, NULL, NULL},
};

static const struct page_choice levels[] = {
    {"tw", "Trung ương"}, {"tinh", "Tỉnh"},  {"huyen", "Huyện"},
    {"xa", "Xã"},	  {"coso", "Cơ sở"}, {NULL, NULL},
};

static const struct page_choice kinds[] = {
    {"party", "Đảng"},
    {"people", "Chính quyền (UBND)"},
    {NULL, NULL},
};

static const struct page_choice organ_kinds[] = {
    {"bch", "Ban Chấp hành"},	 {"btv", "Ban Thường vụ"}, {"tt", "Thường trực"},
    {"ubkt", "Ủy ban Kiểm tra"}, {"vp", "Văn phòng"},	   {"ban", "Ban"},
    {"ubnd", "Ủy ban nhân dân"}, {"other", "Khác"},	   {NULL, NULL},
};

static const struct page_choice unit_kinds[] = {
    {"agency", "Cơ quan, ban, ngành"},
    {"organ", "Cơ quan họp"},
    {"lower_body", "Cấp ủy cấp dưới"},
    {"group", "Nhóm, tổ công tác"},
    {NULL, NULL},
};

static const char *choice_label(const struct page_choice *c, const char *v)
{
	for (; c->value; c++)
		if (v && strcmp(c->value, v) == 0)
			return c->label;
	return v;
}

/* The name of body id among the n listed; "" when absent. */
static const char *body_name(const struct reg_body *b, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (b[i].id == id)
			return b[i].name;
	return "";
}

/* "30/06/2025" from ISO text, in the request's arena. */
static const char *page_date(struct http_req *r, const char *iso)
{
	const char *s = strlen(iso) == 10
			    ? arena_printf(r->arena, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso)
			    : iso;

	return s ? s : "";
}

/* Whether the admin's scope covers body id: the lists show only such rows. */
static bool in_scope(struct http_req *r, int64_t id)
{
	return account_sees_body(r->db, &r->acct, id);
}

/* Opens a write; the handler ends it with page_tx_end. */
static int begin(struct http_req *r)
{
	return tx_begin(r->db, &r->err);
}

/* ---- bodies ---- */

/*
 * The form that ends bodies and passes their work to a successor (sáp nhập,
 * hợp nhất; reg_succession): the working bodies in scope to tick, the
 * successor, the date; after a refusal (mine) what was chosen and the message.
 */
static void succession_form(struct http_req *r, struct html *h, const struct reg_body *b, size_t n,
			    bool mine)
{
	static const struct page_choice modes[] = {
	    {"sap_nhap", "Sáp nhập vào cơ quan kế tục"},
	    {"hop_nhat", "Hợp nhất thành cơ quan mới"},
	    {NULL, NULL},
	};

	H(h, "<h2 id=\"sap-nhap\">Kết thúc, sáp nhập, hợp nhất</h2>");
	if (mine)
		page_form_errors(r, h);
	H(h, "<p class=\"muted\">Từ ngày đã chọn, nhiệm vụ đang thực hiện của cơ quan kết thúc "
	     "(nhiệm vụ của cơ quan và nhiệm vụ cấp trên giao xuống) chuyển sang cơ quan kế tục, "
	     "giữ nguyên số và diễn biến; cơ quan cấp dưới của nó về dưới cơ quan kế tục; số liệu "
	     "của nó được cộng vào cơ quan kế tục khi so sánh cùng kỳ. Tài khoản của cơ quan kết "
	     "thúc vẫn xem được lịch sử; chuyển tài khoản sang cơ quan kế tục ở trang Tài "
	     "khoản.</p>");
	H(h, "<form class=\"stack\" method=\"post\" action=\"/admin/bodies/succession#sap-nhap\">");
	page_csrf(r, h);
	H(h, "<fieldset><legend>Cơ quan kết thúc <abbr title=\"bắt buộc\">*</abbr></legend>");
	for (size_t i = 0; i < n; i++) {
		char name[32];

		if (b[i].active_to || !in_scope(r, b[i].id))
			continue;
		snprintf(name, sizeof(name), "end%lld", (long long)b[i].id);
		H(h, "<label class=\"check\"><input type=\"checkbox\" name=\"");
		html_text(h, name);
		H(h, "\" value=\"1\"");
		if (mine && http_arg(r, name))
			H(h, " checked");
		H(h, "> ");
		html_text(h, b[i].name);
		H(h, "</label>");
	}
	if (mine)
		page_field_msg(r, h, "end");
	H(h, "</fieldset>");
	page_select_begin(r, h, "successor", "Cơ quan kế tục", true);
	for (size_t i = 0; i < n; i++) {
		char id[24];

		if (b[i].active_to || !in_scope(r, b[i].id))
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)b[i].id);
		H(h, "<option value=\"");
		html_text(h, id);
		H(h, "\"");
		if (mine && http_arg(r, "successor") && strcmp(http_arg(r, "successor"), id) == 0)
			H(h, " selected");
		H(h, ">");
		html_text(h, b[i].name);
		H(h, "</option>");
	}
	page_select_end(r, h, "successor");
	page_input(r, h, "on", "Từ ngày (cơ quan kế tục tiếp nhận)", PI_DATE, true);
	page_select_begin(r, h, "mode", "Hình thức", true);
	page_choices(r, h, modes, mine ? http_arg(r, "mode") : "sap_nhap");
	page_select_end(r, h, "mode");
	H(h, "<button type=\"submit\">Ghi nhận kết thúc và chuyển giao</button></form>");
}

int page_admin_bodies(struct http_req *r)
{
	static const char *const cols[] = {"Số",   "Tên",      "Ký hiệu",  "Cấp",
					   "Khối", "Cấp trên", "Địa danh", "Hoạt động đến"};
	bool succession = strcmp(r->path, "/admin/bodies/succession") == 0;
	struct page_table tb;
	struct reg_body *b;
	struct html h;
	size_t n;
	int rc;

	rc = reg_body_list(r->db, r->arena, &b, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Cơ quan");
	page_admin_menu(r, &h, "/admin/bodies");
	H(&h, "<h1>Cơ quan</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		if (!in_scope(r, b[i].id))
			continue;
		page_td(&tb, NULL);
		html_int(&h, b[i].id);
		page_td(&tb, NULL);
		html_text(&h, b[i].name);
		if (b[i].short_name) {
			H(&h, "<br><span class=\"muted\">");
			html_text(&h, b[i].short_name);
			H(&h, "</span>");
		}
		page_td(&tb, NULL);
		html_text(&h, b[i].code);
		page_td(&tb, NULL);
		html_text(&h, reg_level_name(b[i].level));
		page_td(&tb, NULL);
		html_text(&h, choice_label(kinds, reg_kind_code(b[i].kind)));
		page_td(&tb, NULL);
		html_text(&h, body_name(b, n, b[i].parent_id));
		page_td(&tb, NULL);
		html_text(&h, b[i].place);
		page_td(&tb, NULL);
		html_text(&h, b[i].active_to ? page_date(r, b[i].active_to) : "");
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "<h2 id=\"them\">Thêm cơ quan</h2>");
	if (!succession)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/bodies\">");
	page_csrf(r, &h);
	page_input(r, &h, "name", "Tên cơ quan (Huyện ủy Tân Yên)", PI_TEXT, true);
	page_input(r, &h, "short_name", "Tên ngắn (Huyện ủy)", PI_TEXT, false);
	page_input(r, &h, "code", "Ký hiệu trên văn bản (HU)", PI_TEXT, true);
	page_select_begin(r, &h, "level", "Cấp", true);
	page_choices(r, &h, levels, http_arg(r, "level") ? http_arg(r, "level") : "huyen");
	page_select_end(r, &h, "level");
	page_select_begin(r, &h, "kind", "Khối", true);
	page_choices(r, &h, kinds, http_arg(r, "kind"));
	page_select_end(r, &h, "kind");
	page_select_begin(r, &h, "parent", "Cơ quan cấp trên", false);
	/* A new root body is the global admin's; a scoped one adds under its own bodies. */
	if (account_is_global(r->db, &r->acct))
		H(&h, "<option value=\"\">(không có)</option>");
	for (size_t i = 0; i < n; i++) {
		char id[24];

		if (!in_scope(r, b[i].id))
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)b[i].id);
		H(&h, "<option value=\"");
		html_text(&h, id);
		H(&h, "\"");
		if (http_arg(r, "parent") && strcmp(http_arg(r, "parent"), id) == 0)
			H(&h, " selected");
		H(&h, ">");
		html_text(&h, b[i].name);
		H(&h, "</option>");
	}
	page_select_end(r, &h, "parent");
	page_input(r, &h, "place", "Địa danh (Tân Yên)", PI_TEXT, false);
	page_input(r, &h, "active_from", "Hoạt động từ ngày", PI_DATE, false);
	H(&h, "<button type=\"submit\">Thêm cơ quan</button></form>");
	succession_form(r, &h, b, n, succession);
	page_end(r, &h);
	return h.err;
}

int page_admin_body_add(struct http_req *r)
{
	struct reg_body b = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_bodies);
	if (reg_level_parse(http_arg(r, "level"), &b.level) < 0 ||
	    reg_kind_parse(http_arg(r, "kind"), &b.kind) < 0)
		return err_set(&r->err, ERR_INTERNAL, "bảng trường không khớp cấp, khối");
	b.name = http_arg(r, "name");
	b.short_name = http_arg(r, "short_name");
	b.code = http_arg(r, "code");
	b.parent_id = http_arg_int(r, "parent", 0);
	b.place = http_arg(r, "place");
	b.active_from = http_arg(r, "active_from");
	rc = account_manages_body(r->db, &r->acct, b.parent_id, &r->err);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_body_add(r->db, &b, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "name", page_admin_bodies);
	return http_redirect(r, "/admin/bodies");
}

/* The field a refused succession names, from the beginning of reg_succession's message. */
const char *page_succession_field(const char *msg)
{
	if (strncmp(msg, "ngày kết thúc", strlen("ngày kết thúc")) == 0)
		return "on";
	if (strncmp(msg, "cơ quan kế tục", strlen("cơ quan kế tục")) == 0 ||
	    strncmp(msg, "không tìm thấy", strlen("không tìm thấy")) == 0)
		return "successor";
	return "end";
}

/*
 * POST /admin/bodies/succession: the ticked bodies end and pass their work to
 * the successor (reg_succession, one transaction); back to the list, or the
 * page again with the message beside the field.
 */
int page_admin_succession(struct http_req *r)
{
	struct reg_succession in = {.successor_id = http_arg_int(r, "successor", 0),
				    .on = http_arg(r, "on")};
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_bodies);
	ids = arena_alloc(r->arena, (size_t)(r->nvals + 1) * sizeof(*ids));
	if (!ids)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	for (int i = 0; i < r->nvals; i++) {
		int64_t id = 0;

		if (strncmp(r->names[i], "end", 3) != 0 ||
		    !id_parse(r->names[i] + 3, strlen(r->names[i] + 3), &id))
			continue;
		if ((rc = account_manages_body(r->db, &r->acct, id, &r->err)) < 0)
			return rc;
		ids[n++] = id;
	}
	if (!n) {
		http_field_error(r, "end", "Cơ quan kết thúc: chọn ít nhất một cơ quan");
		return page_form_again(r, page_admin_bodies);
	}
	if ((rc = account_manages_body(r->db, &r->acct, in.successor_id, &r->err)) < 0)
		return rc;
	in.ended = ids;
	in.nended = n;
	in.merger = strcmp(http_arg(r, "mode"), "hop_nhat") == 0;
	rc = reg_succession(r->db, &in, NULL, &r->err);
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND) {
		http_field_error(r, page_succession_field(r->err.msg),
				 arena_strdup(r->arena, r->err.msg));
		return page_form_again(r, page_admin_bodies);
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, "/admin/bodies");
}

/* ---- terms ---- */

int page_admin_terms(struct http_req *r)
{
	static const char *const cols[] = {"Cơ quan", "Khóa", "Nhiệm kỳ", "Từ ngày", "Đến ngày"};
	struct page_table tb;
	struct reg_body *b;
	struct reg_term *t;
	struct html h;
	size_t nb, nt;
	int rc;

	rc = reg_body_list(r->db, r->arena, &b, &nb, &r->err);
	if (rc == 0)
		rc = reg_term_list(r->db, 0, r->arena, &t, &nt, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Nhiệm kỳ");
	page_admin_menu(r, &h, "/admin/terms");
	H(&h, "<h1>Nhiệm kỳ</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < nt; i++) {
		if (!in_scope(r, t[i].body_id))
			continue;
		page_td(&tb, NULL);
		html_text(&h, body_name(b, nb, t[i].body_id));
		page_td(&tb, NULL);
		html_text(&h, t[i].name);
		page_td(&tb, NULL);
		html_textf(&h, "%d–%d", t[i].year_from, t[i].year_to);
		page_td(&tb, NULL);
		html_text(&h, t[i].start_date);
		page_td(&tb, NULL);
		html_text(&h, t[i].end_date);
		page_tr_end(&tb);
	}
	if (nt == 0)
		page_table_empty(&tb, "Chưa có nhiệm kỳ nào.");
	page_table_end(&tb);
	H(&h, "<h2 id=\"them\">Thêm nhiệm kỳ</h2>");
	page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/terms\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "body", "Cơ quan", NULL, READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	page_input(r, &h, "name", "Khóa (XXII)", PI_TEXT, true);
	page_input(r, &h, "year_from", "Năm bắt đầu (2020)", PI_NUMBER, true);
	page_input(r, &h, "year_to", "Năm kết thúc (2025)", PI_NUMBER, true);
	page_input(r, &h, "start_date", "Ngày bắt đầu", PI_DATE, false);
	page_input(r, &h, "end_date", "Ngày kết thúc", PI_DATE, false);
	H(&h, "<button type=\"submit\">Thêm nhiệm kỳ</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_term_add(struct http_req *r)
{
	struct reg_term t = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_terms);
	t.body_id = http_arg_int(r, "body", 0);
	t.name = http_arg(r, "name");
	t.year_from = (int)http_arg_int(r, "year_from", 0);
	t.year_to = (int)http_arg_int(r, "year_to", 0);
	t.start_date = http_arg(r, "start_date");
	t.end_date = http_arg(r, "end_date");
	rc = account_manages_body(r->db, &r->acct, t.body_id, &r->err);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_term_add(r->db, &t, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "name", page_admin_terms);
	return http_redirect(r, "/admin/terms");
}

/* ---- organs and their members ---- */

int page_admin_organs(struct http_req *r)
{
	static const char *const cols[] = {"Cơ quan", "Loại", "Tên", "Thành viên"};
	struct page_table tb;
	struct reg_body *b;
	struct reg_organ *o;
	struct html h;
	size_t nb, no;
	int rc;

	rc = reg_body_list(r->db, r->arena, &b, &nb, &r->err);
	if (rc == 0)
		rc = reg_organ_list(r->db, 0, r->arena, &o, &no, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Cơ quan họp");
	page_admin_menu(r, &h, "/admin/organs");
	H(&h, "<h1>Cơ quan họp</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < no; i++) {
		struct reg_member *m;
		size_t nm;

		if (!in_scope(r, o[i].body_id))
			continue;
		rc = reg_member_list(r->db, o[i].id, NULL, r->arena, &m, &nm, &r->err);
		if (rc < 0)
			return rc;
		page_td(&tb, NULL);
		html_text(&h, body_name(b, nb, o[i].body_id));
		page_td(&tb, NULL);
		html_text(&h, choice_label(organ_kinds, o[i].kind));
		page_td(&tb, NULL);
		html_text(&h, o[i].name);
		if (o[i].code) {
			H(&h, " <span class=\"muted\">(");
			html_text(&h, o[i].code);
			H(&h, ")</span>");
		}
		page_td(&tb, NULL);
		if (nm == 0)
			H(&h, "<span class=\"muted\">chưa có</span>");
		else
			H(&h, "<ul class=\"members\">");
		for (size_t k = 0; k < nm; k++) {
			H(&h, "<li>");
			html_text(&h, m[k].full_name);
			H(&h, " — ");
			html_text(&h, m[k].position);
			if (m[k].date_from || m[k].date_to) {
				H(&h, " <span class=\"muted\">(");
				html_text(&h, m[k].date_from ? m[k].date_from : "…");
				H(&h, " – ");
				html_text(&h, m[k].date_to ? m[k].date_to : "nay");
				H(&h, ")</span>");
			}
			H(&h, "</li>");
		}
		if (nm)
			H(&h, "</ul>");
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "<h2 id=\"them\">Thêm cơ quan họp</h2>");
	if (strcmp(r->path, "/admin/organs") == 0)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/organs\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "body", "Cơ quan", NULL, READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	page_select_begin(r, &h, "kind", "Loại", true);
	page_choices(r, &h, organ_kinds, http_arg(r, "kind"));
	page_select_end(r, &h, "kind");
	page_input(r, &h, "name", "Tên (Ban Chấp hành Đảng bộ huyện)", PI_TEXT, true);
	page_input(r, &h, "code", "Ký hiệu riêng khi ban hành văn bản (VPHU)", PI_TEXT, false);
	H(&h, "<button type=\"submit\">Thêm cơ quan họp</button></form>"
	      "<h2 id=\"thanh-vien\">Thêm thành viên</h2>");
	if (strcmp(r->path, "/admin/organs/members") == 0)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/organs/members\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "organ", "Cơ quan họp", NULL, READ_CHOICE_ORGANS);
	if (rc < 0)
		return rc;
	rc = page_select_db(r, &h, "person", "Cán bộ", NULL, READ_CHOICE_PEOPLE);
	if (rc < 0)
		return rc;
	H(&h, "<p class=\"muted\">Cán bộ chưa có trong danh sách: thêm ở "
	      "<a href=\"/admin/people\">Cán bộ</a> trước.</p>");
	page_input(r, &h, "position", "Chức vụ (Bí thư, Ủy viên BTV)", PI_TEXT, true);
	page_input(r, &h, "date_from", "Từ ngày", PI_DATE, false);
	page_input(r, &h, "date_to", "Đến ngày", PI_DATE, false);
	H(&h, "<button type=\"submit\">Thêm thành viên</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_organ_add(struct http_req *r)
{
	struct reg_organ o = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_organs);
	o.body_id = http_arg_int(r, "body", 0);
	o.kind = http_arg(r, "kind");
	o.name = http_arg(r, "name");
	o.code = http_arg(r, "code");
	rc = account_manages_body(r->db, &r->acct, o.body_id, &r->err);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_organ_add(r->db, &o, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "name", page_admin_organs);
	return http_redirect(r, "/admin/organs");
}

int page_admin_member_add(struct http_req *r)
{
	struct reg_member m = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_organs);
	m.organ_id = http_arg_int(r, "organ", 0);
	m.person_id = http_arg_int(r, "person", 0);
	m.position = http_arg(r, "position");
	m.date_from = http_arg(r, "date_from");
	m.date_to = http_arg(r, "date_to");
	rc = account_manages_row(r->db, &r->acct, ACCOUNT_ROW_ORGAN, m.organ_id, &r->err);
	if (rc == ERR_NOTFOUND)
		return page_form_refused(r, rc, "organ", page_admin_organs);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_member_add(r->db, &m, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "person", page_admin_organs);
	return http_redirect(r, "/admin/organs");
}

/* ---- units ---- */

int page_admin_units(struct http_req *r)
{
	static const char *const cols[] = {"Số", "Cơ quan", "Tên", "Loại", "Thư điện tử"};
	struct page_table tb;
	struct reg_body *b;
	struct reg_unit *u;
	struct html h;
	size_t nb, nu;
	int rc;

	rc = reg_body_list(r->db, r->arena, &b, &nb, &r->err);
	if (rc == 0)
		rc = reg_unit_list(r->db, 0, r->arena, &u, &nu, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Đơn vị nhận nhiệm vụ");
	page_admin_menu(r, &h, "/admin/units");
	H(&h, "<h1>Đơn vị nhận nhiệm vụ</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < nu; i++) {
		if (!in_scope(r, u[i].body_id))
			continue;
		page_td(&tb, NULL);
		html_int(&h, u[i].id);
		page_td(&tb, NULL);
		html_text(&h, body_name(b, nb, u[i].body_id));
		page_td(&tb, NULL);
		html_text(&h, u[i].name);
		page_td(&tb, NULL);
		html_text(&h, choice_label(unit_kinds, u[i].kind));
		if (u[i].lower_body_id) {
			H(&h, ": ");
			html_text(&h, body_name(b, nb, u[i].lower_body_id));
		}
		page_td(&tb, NULL);
		html_text(&h, u[i].email);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "<h2 id=\"them\">Thêm đơn vị</h2>");
	page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/units\">");
	page_csrf(r, &h);
	rc = page_select_db(r, &h, "body", "Thuộc cơ quan", NULL, READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	page_select_begin(r, &h, "kind", "Loại", true);
	page_choices(r, &h, unit_kinds, http_arg(r, "kind"));
	page_select_end(r, &h, "kind");
	page_input(r, &h, "name", "Tên đơn vị (Ban Tuyên giáo Huyện ủy)", PI_TEXT, true);
	rc = page_select_db(r, &h, "organ", "Cơ quan họp (cho loại cơ quan họp)", "(không)",
			    READ_CHOICE_ORGANS);
	if (rc < 0)
		return rc;
	rc = page_select_db(r, &h, "lower_body", "Cấp ủy cấp dưới (cho loại cấp ủy cấp dưới)",
			    "(không)", READ_CHOICE_BODIES);
	if (rc < 0)
		return rc;
	page_input(r, &h, "email", "Thư điện tử", PI_EMAIL, false);
	H(&h, "<button type=\"submit\">Thêm đơn vị</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_unit_add(struct http_req *r)
{
	struct reg_unit u = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_units);
	u.body_id = http_arg_int(r, "body", 0);
	u.kind = http_arg(r, "kind");
	u.name = http_arg(r, "name");
	u.organ_id = http_arg_int(r, "organ", 0);
	u.lower_body_id = http_arg_int(r, "lower_body", 0);
	u.email = http_arg(r, "email");
	/* The unit, its organ and the lower body it stands for, all inside the scope. */
	rc = account_manages_body(r->db, &r->acct, u.body_id, &r->err);
	if (rc == 0 && u.organ_id > 0)
		rc = account_manages_row(r->db, &r->acct, ACCOUNT_ROW_ORGAN, u.organ_id, &r->err);
	if (rc == 0 && u.lower_body_id > 0)
		rc = account_manages_body(r->db, &r->acct, u.lower_body_id, &r->err);
	if (rc == ERR_NOTFOUND)
		return page_form_refused(r, rc, "organ", page_admin_units);
	if (rc < 0)
		return rc;
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_unit_add(r->db, &u, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "name", page_admin_units);
	return http_redirect(r, "/admin/units");
}

/* ---- people ---- */

int page_admin_people(struct http_req *r)
{
	static const char *const cols[] = {"Số", "Họ và tên", "Thư điện tử", "Điện thoại"};
	struct page_table tb;
	struct read_person *p;
	struct html h;
	size_t n;
	int rc;

	page_begin(r, &h, "Cán bộ");
	page_admin_menu(r, &h, "/admin/people");
	H(&h, "<h1>Cán bộ</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	/* A scoped admin sees the members of its organs and the people of no organ yet. */
	rc = read_people(r->db, &r->acct, r->arena, &p, &n);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		html_int(&h, p[i].id);
		page_td(&tb, NULL);
		html_text(&h, p[i].full_name);
		page_td(&tb, NULL);
		html_text(&h, p[i].email);
		page_td(&tb, NULL);
		html_text(&h, p[i].phone);
		page_tr_end(&tb);
	}
	if (n == 0)
		page_table_empty(&tb, "Chưa có cán bộ nào.");
	page_table_end(&tb);
	H(&h, "<h2 id=\"them\">Thêm cán bộ</h2>");
	page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/people\">");
	page_csrf(r, &h);
	page_input(r, &h, "full_name", "Họ và tên", PI_TEXT, true);
	page_input(r, &h, "email", "Thư điện tử", PI_EMAIL, false);
	page_input(r, &h, "phone", "Số điện thoại", PI_TEXT, false);
	H(&h, "<button type=\"submit\">Thêm cán bộ</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_person_add(struct http_req *r)
{
	struct reg_person p = {0};
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin_people);
	p.full_name = http_arg(r, "full_name");
	p.email = http_arg(r, "email");
	p.phone = http_arg(r, "phone");
	rc = begin(r);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_person_add(r->db, &p, NULL, &r->err));
	if (rc < 0)
		return page_form_refused(r, rc, "full_name", page_admin_people);
	return http_redirect(r, "/admin/people");
}
