/* page_audit.c: the audit log as a clerk reads it: who changed what, when (Vietnam's time), and which fields. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "pages/pages.h"
#include "vn/date.h"

/* Entries on a page of /audit (the log is read in windows of READ_AUDIT_WINDOW). */
#define AUDIT_PAGE 100
/* Bytes of one field's value shown before it is cut with "…". */
#define AUDIT_VALUE_MAX 240

const struct http_field page_audit_fields[] = {
    {"before", HF_INT, false, 0, NULL, "Trước bản ghi"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* What each audited table holds, in the office's words; an unknown one shows its own name. */
static const char *const table_names[][2] = {
    {"account", "Tài khoản"},
    {"account_body", "Phạm vi tài khoản"},
    {"agenda_item", "Nội dung phiên họp"},
    {"api_token", "Khóa API"},
    {"body", "Cơ quan"},
    {"doc_counter", "Sổ đăng ký số văn bản"},
    {"doc_ref", "Căn cứ, tham chiếu văn bản"},
    {"document", "Văn bản"},
    {"fmt_profile", "Thể thức văn bản"},
    {"ind_criteria_set", "Bộ tiêu chí"},
    {"ind_criterion", "Tiêu chí"},
    {"ind_criterion_status", "Kết quả tiêu chí"},
    {"ind_indicator", "Chỉ tiêu"},
    {"ind_phrase", "Mẫu câu chỉ tiêu"},
    {"ind_value", "Số liệu chỉ tiêu"},
    {"membership", "Thành viên cơ quan họp"},
    {"notice", "Thông báo kết luận"},
    {"notice_delivery", "Gửi thông báo"},
    {"notice_task", "Nhiệm vụ trong thông báo"},
    {"organ", "Cơ quan họp"},
    {"person", "Cán bộ"},
    {"recipient", "Nơi nhận"},
    {"recipient_group", "Nhóm nơi nhận"},
    {"session", "Phiên họp"},
    {"sw_attendance", "Điểm danh"},
    {"sw_carry", "Chuyển nội dung sang phiên sau"},
    {"sw_comment", "Ý kiến góp ý"},
    {"sw_doc_version", "Phiên bản dự thảo"},
    {"sw_invitation", "Giấy mời"},
    {"sw_minutes", "Biên bản"},
    {"sw_programme", "Chương trình công tác"},
    {"sw_programme_rev", "Điều chỉnh chương trình"},
    {"sw_programme_topic", "Nội dung chương trình"},
    {"sw_question", "Chất vấn"},
    {"sw_regulation", "Quy chế làm việc"},
    {"sw_vote", "Biểu quyết"},
    {"sw_vote_name", "Biểu quyết theo tên"},
    {"task", "Nhiệm vụ"},
    {"task_attachment", "Tệp kèm báo cáo"},
    {"task_event", "Báo cáo, xác nhận nhiệm vụ"},
    {"task_reminder", "Nhắc hạn"},
    {"task_unit", "Đơn vị thực hiện nhiệm vụ"},
    {"term", "Nhiệm kỳ"},
    {"unit", "Đơn vị"},
};

static const char *table_name(const char *tbl)
{
	for (size_t i = 0; tbl && i < sizeof(table_names) / sizeof(table_names[0]); i++)
		if (strcmp(table_names[i][0], tbl) == 0)
			return table_names[i][1];
	return tbl ? tbl : "";
}

static const char *op_name(const char *op)
{
	if (op && strcmp(op, "insert") == 0)
		return "thêm";
	if (op && strcmp(op, "update") == 0)
		return "sửa";
	if (op && strcmp(op, "delete") == 0)
		return "xóa";
	return op ? op : "";
}

/* "vanphong (trang web)", "admin (API)", "dòng lệnh" for the actor the store recorded. */
static void actor_cell(struct html *h, const char *actor)
{
	if (!actor || !*actor || strcmp(actor, "cli") == 0) {
		H(h, "dòng lệnh");
	} else if (strncmp(actor, "web:", 4) == 0) {
		html_text(h, actor + 4);
		H(h, " <span class=\"muted\">(trang web)</span>");
	} else if (strncmp(actor, "api:", 4) == 0) {
		html_text(h, actor + 4);
		H(h, " <span class=\"muted\">(API)</span>");
	} else {
		html_text(h, actor);
	}
}

/* One JSON value as text: strings bare, null as "—", long ones cut. */
static void value_text(struct html *h, json_t *v)
{
	const char *s;
	char *dump = NULL;
	size_t n;

	if (!v || json_is_null(v)) {
		H(h, "—");
		return;
	}
	if (json_is_string(v)) {
		s = json_string_value(v);
	} else {
		dump = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		s = dump ? dump : "";
	}
	n = strlen(s);
	if (n > AUDIT_VALUE_MAX) {
		/* Cut on a letter's first byte, never inside a UTF-8 sequence. */
		n = AUDIT_VALUE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		html_textn(h, s, n);
		H(h, "…");
	} else {
		html_text(h, s);
	}
	free(dump);
}

/*
 * The fields of an entry: those added, those removed, or for a change only
 * the fields that differ, "old → new". Keys the store adds (rowid) are left out.
 */
static void change_cell(struct html *h, const char *before, const char *after)
{
	json_t *b = before ? json_loads(before, 0, NULL) : NULL;
	json_t *a = after ? json_loads(after, 0, NULL) : NULL;
	json_t *shown = a ? a : b, *v;
	const char *key;
	int listed = 0;

	if (!json_is_object(shown)) {
		H(h, "<code>");
		html_text(h, after ? after : before);
		H(h, "</code>");
		goto out;
	}
	H(h, "<ul class=\"fields\">");
	json_object_foreach(shown, key, v)
	{
		json_t *old = a && b ? json_object_get(b, key) : NULL;

		if (strcmp(key, "rowid") == 0 || (a && b && json_equal(old, v)))
			continue;
		listed++;
		H(h, "<li><b>");
		html_text(h, key);
		H(h, "</b>: ");
		if (a && b) {
			value_text(h, old);
			H(h, " → ");
		}
		value_text(h, v);
		H(h, "</li>");
	}
	if (!listed)
		H(h, "<li class=\"muted\">không đổi trường nào</li>");
	H(h, "</ul>");
out:
	json_decref(a);
	json_decref(b);
}

int page_audit(struct http_req *r)
{
	static const char *const cols[] = {"Số", "Lúc", "Người", "Dữ liệu", "Thao tác", "Thay đổi"};
	struct page_table tb;
	int64_t before = http_arg_int(r, "before", 0), top = 0;
	struct read_audit *e;
	char when[17];
	struct html h;
	size_t n;
	int rc;

	/* One window of READ_AUDIT_WINDOW entries per page, whatever the scope keeps of it. */
	rc = read_audit(r->db, &r->acct, before, true, AUDIT_PAGE, r->arena, &e, &n, &top);
	if (rc < 0)
		return rc;
	if (before <= 0 || before > top + 1)
		before = top + 1;
	page_begin(r, &h, "Nhật ký kiểm tra");
	H(&h, "<h1>Nhật ký kiểm tra</h1><p class=\"muted\">Mọi thay đổi dữ liệu trong phạm vi của "
	      "tài khoản: ai làm, lúc nào (giờ Việt Nam), sửa những trường nào; mỗi bản ghi nối "
	      "chuỗi băm có khóa với bản ghi trước (kiểm tra bằng <code>dondoc check</code>).</p>");
	page_table_begin(&tb, &h, "audit", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		html_int(&h, e[i].id);
		page_td(&tb, NULL);
		html_text(&h, vn_datetime_local(e[i].at, when) == 0 ? when : e[i].at);
		page_td(&tb, NULL);
		actor_cell(&h, e[i].actor);
		page_td(&tb, NULL);
		html_text(&h, table_name(e[i].tbl));
		H(&h, " số ");
		html_int(&h, e[i].row_id);
		page_td(&tb, NULL);
		html_text(&h, op_name(e[i].op));
		page_td(&tb, NULL);
		if (e[i].withheld)
			H(&h, "<span class=\"muted\">nội dung mật</span>");
		else
			change_cell(&h, e[i].before, e[i].after);
		page_tr_end(&tb);
	}
	if (n == 0)
		page_table_empty(&tb, "Không có thay đổi nào trong phạm vi ở đoạn nhật ký này.");
	page_table_end(&tb);
	/* Older entries: after the last shown, or past the window read. */
	if (n == AUDIT_PAGE || before - READ_AUDIT_WINDOW > 1) {
		H(&h, "<p class=\"pager\"><a href=\"/audit?before=");
		html_int(&h, n == AUDIT_PAGE ? e[n - 1].id : before - READ_AUDIT_WINDOW);
		H(&h, "\">Cũ hơn →</a></p>");
	}
	page_end(r, &h);
	return h.err;
}
