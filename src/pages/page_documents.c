/* page_documents.c: the documents registry and one document with its references both ways. */
#include <string.h>

#include "http/http_route.h"
#include "pages/pages.h"

const struct http_field page_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Vị trí bắt đầu (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số dòng (limit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The document's confidentiality as its badge; an ordinary (thuong) document has none. */
static void conf_badge(struct html *h, const char *c)
{
	if (c && strcmp(c, "mat") == 0)
		H(h, " <span class=\"mat\">Mật</span>");
	else if (c && strcmp(c, "toi_mat") == 0)
		H(h, " <span class=\"mat\">Tối mật</span>");
}

int page_documents(struct http_req *r)
{
	static const char *const cols[] = {"Số, ký hiệu", "Ngày", "Loại", "Trích yếu"};
	struct page_table tb;
	struct read_page p = {.after = http_arg_int(r, "after", 0),
			      .limit = http_arg_int(r, "limit", 50),
			      .since = ""};
	struct read_document *d;
	struct html h;
	size_t n;
	int rc = read_documents(r->db, &r->acct, &p, r->arena, &d, &n);

	if (rc < 0)
		return rc;
	page_begin(r, &h, "Văn bản");
	H(&h, "<h1>Sổ văn bản</h1>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_td(&tb, NULL);
		H(&h, "<a href=\"/documents/");
		html_int(&h, d[i].id);
		H(&h, "\">");
		html_text(&h, d[i].symbol ? d[i].symbol : "(chưa số)");
		H(&h, "</a>");
		conf_badge(&h, d[i].confidentiality);
		page_td(&tb, NULL);
		html_text(&h, d[i].date);
		page_td(&tb, NULL);
		html_text(&h, d[i].type_name);
		page_td(&tb, NULL);
		html_text(&h, d[i].title);
		page_tr_end(&tb);
	}
	if (!n)
		page_table_empty(&tb, "Chưa có văn bản.");
	page_table_end(&tb);
	if ((int64_t)n == p.limit) {
		H(&h, "<p class=\"pager\"><a href=\"/documents?after=");
		html_int(&h, d[n - 1].id);
		H(&h, "&amp;limit=");
		html_int(&h, p.limit);
		H(&h, "\">Trang sau →</a></p>");
	}
	page_end(r, &h);
	return h.err;
}

/* A list of linked documents: what document r->id[0] cites (out), or what cites it. */
static int doc_links(struct http_req *r, struct html *h, bool out, const char *empty)
{
	struct read_doc_link *l;
	size_t n;
	int rc = read_doc_refs(r->db, &r->acct, r->id[0], out, r->arena, &l, &n);

	H(h, "<ul>");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		H(h, "<li>");
		if (l[i].id) {
			H(h, "<a href=\"/documents/");
			html_int(h, l[i].id);
			H(h, "\">");
		}
		html_text(h, l[i].symbol);
		if (l[i].id)
			H(h, "</a>");
		if (l[i].date) {
			H(h, " ngày ");
			html_text(h, l[i].date);
		}
		if (l[i].title) {
			H(h, " — ");
			html_text(h, l[i].title);
		}
		H(h, "</li>");
	}
	if (rc < 0 || !n) {
		H(h, "<li class=\"muted\">");
		html_text(h, empty);
		H(h, "</li>");
	}
	H(h, "</ul>");
	return rc;
}

int page_document(struct http_req *r)
{
	struct read_document d;
	struct html h;
	const char *title;
	int rc;

	/* Confidential documents are "not found" to those not cleared, as unknown ones. */
	rc = read_document(r->db, &r->acct, r->id[0], r->arena, &d, &r->err);
	if (rc < 0)
		return rc;
	title = d.symbol ? d.symbol : d.type_name;
	page_begin(r, &h, title ? title : "Văn bản");
	H(&h, "<h1>");
	html_text(&h, d.type_name);
	H(&h, " ");
	html_text(&h, d.symbol);
	conf_badge(&h, d.confidentiality);
	H(&h, "</h1><p><strong>");
	html_text(&h, d.title);
	H(&h, "</strong></p><dl><dt>Ngày</dt><dd>");
	html_text(&h, d.date);
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	html_text(&h, d.status && d.status[0] == 'i' ? "đã ban hành" : "dự thảo");
	H(&h, "</dd></dl>");
	if (d.text) {
		H(&h, "<pre class=\"doc\">");
		html_text(&h, d.text);
		H(&h, "</pre>");
	}
	page_attachments_section(r, &h, ATT_DOCUMENT, d.id, page_role_in(r, R_STAFF));
	H(&h, "<h2>Văn bản này dẫn chiếu</h2>");
	rc = doc_links(r, &h, true, "Không dẫn chiếu văn bản nào.");
	if (rc == 0) {
		H(&h, "<h2>Được dẫn chiếu bởi</h2>");
		rc = doc_links(r, &h, false, "Chưa văn bản nào dẫn chiếu.");
	}
	if (rc < 0)
		return rc;
	page_end(r, &h);
	return h.err;
}
