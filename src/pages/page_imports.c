/*
 * page_imports.c: /imports: an existing notice brought in from a file: read
 * and shown (nothing written), then stored from the text the preview sends
 * back, so the clerk picks the file once.
 */
#include <sodium.h>
#include <string.h>

#include "http/http_route.h"
#include "import/import.h"
#include "pages/pages.h"

/*
 * The preview's second form: the text read travels back base64-encoded, so it
 * comes back byte for byte (a form would turn its line ends into CRLF and
 * refuses the control characters a PDF's text may hold) and hashes the same.
 */
const struct http_field page_import_fields[] = {
    {"text", HF_TEXT, false, 4u << 20, NULL, "Văn bản đã đọc"},
    {"name", HF_TEXT, false, 255, NULL, "Tên tệp"},
    {"format", HF_ENUM, false, 0, "text|legacy|docx|pdf", "Định dạng"},
    {"encoding", HF_ENUM, false, 0, "UTF-8|TCVN3|VNI-Windows", "Bảng mã"},
    {NULL},
};

static const char *const enc_names[] = {"UTF-8", "TCVN3", "VNI-Windows"};
static const enum vn_encoding enc_values[] = {VN_ENC_UTF8, VN_ENC_TCVN3, VN_ENC_VNI};

/* The string s of object o's key, or NULL. */
static const char *js(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A JSON array of strings as "a, b"; NULL when empty. Arena memory. */
static const char *joined(struct http_req *r, const json_t *arr)
{
	const char *s = NULL;
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v)
	{
		if (!json_is_string(v))
			continue;
		s = s ? arena_printf(r->arena, "%s, %s", s, json_string_value(v))
		      : json_string_value(v);
	}
	return s;
}

/* One <dt>/<dd> pair, the value "—" when absent. */
static void fact(struct html *h, const char *label, const char *value)
{
	H(h, "<dt>");
	html_text(h, label);
	H(h, "</dt><dd>");
	html_text(h, value && *value ? value : "—");
	H(h, "</dd>");
}

/* The file field and "Xem trước", with the reason of a refusal beside it. */
static void upload_form(struct http_req *r, struct html *h)
{
	H(h, "<form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" "
	     "action=\"/imports\">");
	page_csrf(r, h);
	H(h, "<label><span>Tệp thông báo (văn bản .txt, .md, DOCX, PDF có lớp chữ; tối đa 1 MB)"
	     "</span> <input type=\"file\" name=\"file\" required "
	     "accept=\".txt,.md,.docx,.pdf\"></label>");
	page_field_msg(r, h, "file");
	H(h, "<button type=\"submit\">Xem trước</button></form>");
}

static void preview_document(struct http_req *r, struct html *h, const json_t *j)
{
	const json_t *d = json_object_get(j, "document"), *s = json_object_get(j, "session");
	const char *session = NULL;

	if (json_integer_value(json_object_get(s, "number")) > 0)
		session =
		    arena_printf(r->arena, "Phiên họp thứ %lld của %s%s%s%s%s",
				 (long long)json_integer_value(json_object_get(s, "number")),
				 js(s, "organ") ? js(s, "organ") : "(không rõ cơ quan)",
				 js(s, "term") ? " khóa " : "", js(s, "term") ? js(s, "term") : "",
				 js(s, "date") ? ", ngày " : "",
				 js(s, "date") ? page_show_date(r, js(s, "date")) : "");
	H(h, "<dl>");
	fact(h, "Loại văn bản", js(d, "kind_name") ? js(d, "kind_name") : js(d, "kind"));
	fact(h, "Số, ký hiệu", js(d, "symbol"));
	fact(h, "Ngày", js(d, "date") ? page_show_date(r, js(d, "date")) : NULL);
	fact(h, "Cơ quan ban hành", js(d, "issuer"));
	fact(h, "Trích yếu", js(d, "title"));
	fact(h, "Phiên họp", session);
	H(h, "</dl>");
}

static void preview_lists(struct http_req *r, struct html *h, const json_t *j)
{
	static const char *const fcols[] = {"Chỉ tiêu", "Giá trị", "Đơn vị"};
	static const char *const tcols[] = {"Nội dung", "Chủ trì", "Phối hợp", "Thời hạn",
					    "Câu gốc"};
	const json_t *refs = json_object_get(j, "references"),
		     *figs = json_object_get(j, "figures"), *tasks = json_object_get(j, "tasks"),
		     *warns = json_object_get(j, "warnings");
	struct page_table tb;
	size_t i;
	json_t *v;

	H(h, "<h3>Văn bản dẫn chiếu (");
	html_int(h, (int64_t)json_array_size(refs));
	H(h, ")</h3>");
	if (json_array_size(refs)) {
		H(h, "<ul>");
		json_array_foreach(refs, i, v)
		{
			H(h, "<li>");
			if (js(v, "kind_name")) {
				html_text(h, js(v, "kind_name"));
				H(h, " số ");
			}
			html_text(h, js(v, "symbol"));
			if (js(v, "date")) {
				H(h, " ngày ");
				html_text(h, page_show_date(r, js(v, "date")));
			}
			H(h, "</li>");
		}
		H(h, "</ul>");
	}
	H(h, "<h3>Số liệu (");
	html_int(h, (int64_t)json_array_size(figs));
	H(h, ")</h3>");
	page_table_begin(&tb, h, NULL, fcols, PAGE_NCOL(fcols));
	json_array_foreach(figs, i, v)
	{
		page_th_row(&tb);
		html_text(h, js(v, "label"));
		page_td(&tb, NULL);
		html_text(h, js(v, "value_text"));
		page_td(&tb, NULL);
		html_text(h, js(v, "unit"));
		page_tr_end(&tb);
	}
	if (!json_array_size(figs))
		page_table_empty(&tb, "Không đọc được số liệu nào.");
	page_table_end(&tb);
	H(h, "<h3>Nhiệm vụ (");
	html_int(h, (int64_t)json_array_size(tasks));
	H(h, ")</h3>");
	page_table_begin(&tb, h, NULL, tcols, PAGE_NCOL(tcols));
	json_array_foreach(tasks, i, v)
	{
		const json_t *dl = json_object_get(v, "deadline");
		const char *lead = js(v, "lead");

		page_th_row(&tb);
		html_text(h, js(v, "what"));
		page_td(&tb, NULL);
		/* no unit named "chủ trì": those the task is given to lead it */
		html_text(h, lead ? lead : joined(r, json_object_get(v, "assignees")));
		page_td(&tb, NULL);
		html_text(h, joined(r, json_object_get(v, "coord")));
		page_td(&tb, NULL);
		if (js(dl, "words"))
			html_text(h, js(dl, "words"));
		if (js(dl, "due") && js(dl, "words")) {
			H(h, " (");
			html_text(h, page_show_date(r, js(dl, "due")));
			H(h, ")");
		} else if (js(dl, "due")) {
			html_text(h, page_show_date(r, js(dl, "due")));
		}
		page_td(&tb, "muted");
		html_text(h, js(v, "sentence"));
		page_tr_end(&tb);
	}
	if (!json_array_size(tasks))
		page_table_empty(&tb, "Không đọc được nhiệm vụ nào.");
	page_table_end(&tb);
	if (json_array_size(warns)) {
		H(h, "<section class=\"warnings\"><h3>Cảnh báo</h3><ul>");
		json_array_foreach(warns, i, v)
		{
			H(h, "<li class=\"warn\">Dòng ");
			html_int(h, json_integer_value(json_object_get(v, "line")));
			H(h, ": ");
			html_text(h, js(v, "text"));
			H(h, "</li>");
		}
		H(h, "</ul></section>");
	}
}

/* The preview of j and the form that stores text (what was read) as it. */
static int preview(struct http_req *r, struct html *h, const json_t *j, const struct buf *text)
{
	const json_t *src = json_object_get(j, "source");
	size_t n = sodium_base64_encoded_len(text->len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = arena_alloc(r->arena, n);

	if (!b64)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	sodium_bin2base64(b64, n, (const unsigned char *)buf_str(text), text->len,
			  sodium_base64_VARIANT_ORIGINAL);
	H(h, "<section class=\"preview\" id=\"xem-truoc\"><h2>Xem trước: ");
	html_text(h, js(src, "file"));
	H(h, "</h2><p class=\"muted\">Chưa ghi gì vào kho. Kiểm tra nội dung đọc được rồi bấm "
	     "“Nhập vào kho”.</p>");
	preview_document(r, h, j);
	preview_lists(r, h, j);
	H(h, "<form class=\"stack\" method=\"post\" action=\"/imports\">");
	page_csrf(r, h);
	H(h, "<input type=\"hidden\" name=\"text\" value=\"");
	html_text(h, b64);
	H(h, "\"><input type=\"hidden\" name=\"name\" value=\"");
	html_text(h, js(src, "file"));
	H(h, "\"><input type=\"hidden\" name=\"format\" value=\"");
	html_text(h, js(src, "format"));
	H(h, "\"><input type=\"hidden\" name=\"encoding\" value=\"");
	html_text(h, js(src, "encoding"));
	H(h, "\"><button type=\"submit\">Nhập vào kho</button></form></section>");
	return 0;
}

/* The page: the upload form, after it the preview of j when there is one. */
static int render(struct http_req *r, const json_t *j, const struct buf *text, int64_t existing)
{
	struct html h;
	int rc = 0;

	page_begin(r, &h, "Nhập văn bản đã có");
	H(&h, "<h1>Nhập văn bản đã có</h1><p>Đưa thông báo kết luận đã ban hành trước đây "
	      "(văn bản, DOCX, PDF, văn bản mã TCVN3/VNI) vào kho: dondoc đọc số liệu, văn bản "
	      "dẫn chiếu và nhiệm vụ để theo dõi tiếp.</p>");
	page_form_errors(r, &h);
	if (existing > 0) {
		H(&h, "<p class=\"bad\">Văn bản này đã được nhập: <a href=\"/notices/");
		html_int(&h, existing);
		H(&h, "\">xem thông báo đã có</a>.</p>");
	}
	upload_form(r, &h);
	if (j)
		rc = preview(r, &h, j, text);
	page_end(r, &h);
	return rc < 0 ? rc : h.err;
}

int page_imports(struct http_req *r)
{
	return render(r, NULL, NULL, 0);
}

/* A refused file: the page again with the reason beside the file field. */
static int refused(struct http_req *r, int rc, int status, int64_t existing)
{
	const char *m = arena_strdup(r->arena, err_msg(&r->err, rc));

	http_field_error(r, "file", m ? m : "");
	rc = render(r, NULL, NULL, existing);
	if (rc == 0)
		r->status = status;
	return rc;
}

/* The status of a refused import: the file's fault is 400/413/422, the rest as err_http. */
static int refused_status(int rc, bool read)
{
	switch (rc) {
	case ERR_TOOBIG:
		return 413;
	case ERR_INVAL:
		return read ? 422 : 400;
	case ERR_EXISTS:
		return 409;
	case ERR_PERM:
		return 403;
	default:
		return 0;
	}
}

int page_import_request(struct http_req *r, struct imp_request *q, struct buf *text_out)
{
	const char *t = http_arg(r, "text");

	*q = (struct imp_request){.actor = &r->acct, .text_out = text_out};
	if (t && *t) {
		const char *fmt = http_arg(r, "format"), *enc = http_arg(r, "encoding");
		size_t tl = strlen(t), n = tl / 4 * 3 + 3;
		unsigned char *bin = arena_alloc(r->arena, n);
		size_t len = 0;

		if (!bin)
			return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
		if (sodium_base642bin(bin, n, t, tl, NULL, &len, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0)
			return err_set(
			    &r->err, ERR_INVAL,
			    "Văn bản gửi lại không đúng dạng: hãy chọn tệp và xem trước lại");
		q->data = (const char *)bin;
		q->len = len;
		q->text = true;
		q->name =
		    http_arg(r, "name") && *http_arg(r, "name") ? http_arg(r, "name") : "văn bản";
		if (imp_format_parse(fmt, &q->fmt) < 0)
			q->fmt = IMP_FMT_TEXT;
		q->enc = VN_ENC_UTF8;
		for (size_t i = 0; enc && i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
			if (strcmp(enc, enc_names[i]) == 0)
				q->enc = enc_values[i];
		return 0;
	}
	q->name = r->upload_name && *r->upload_name ? r->upload_name : "tệp tải lên";
	if (!r->upload && r->upload_name && *r->upload_name)
		return err_set(&r->err, ERR_INVAL, "%s: tệp rỗng, không có gì để nhập", q->name);
	if (!r->upload)
		return err_set(&r->err, ERR_INVAL, "Chọn tệp thông báo cần nhập");
	q->data = r->upload;
	q->len = r->upload_len;
	return 0;
}

int page_import(struct http_req *r)
{
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct imp_request q;
	int64_t existing = 0;
	json_t *j = NULL;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_imports);
	rc = page_import_request(r, &q, &text);
	if (rc < 0)
		return rc == ERR_INVAL ? refused(r, rc, 400, 0) : rc;
	/* a file is previewed; the text sent back from a preview is stored */
	if (q.text)
		q.db = r->db;
	rc = imp_import(&q, &j, &existing, &r->err);
	if (rc == 0 && q.db) {
		const char *to = arena_printf(r->arena, "/notices/%lld#theo-doi",
					      (long long)json_integer_value(json_object_get(
						  json_object_get(j, "stored"), "notice")));

		json_decref(j);
		buf_free(&text);
		return to ? http_redirect(r, to) : err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	if (rc == 0)
		rc = render(r, j, &text, 0);
	else if (rc == ERR_EXISTS) {
		const char *why = arena_strdup(r->arena, err_msg(&r->err, rc));

		rc = refused(r,
			     err_set(&r->err, rc, "Văn bản này đã được nhập (%s)", why ? why : ""),
			     409, existing);
	} else if (refused_status(rc, !q.text))
		rc = refused(r, rc, refused_status(rc, !q.text), 0);
	json_decref(j);
	buf_free(&text);
	return rc;
}
