/* page_documents.c: the documents registry and one document with its references both ways. */
#include "pages/pages.h"

const struct http_field page_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Vị trí bắt đầu (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số dòng (limit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

static void conf_badge(struct html *h, const char *c)
{
	if (c && c[0] == 'm')
		H(h, " <span class=\"mat\">Mật</span>");
	else if (c && c[0] == 't')
		H(h, " <span class=\"mat\">Tối mật</span>");
}

int page_documents(struct http_req *r)
{
	int64_t after = http_arg_int(r, "after", 0), limit = http_arg_int(r, "limit", 50), last = 0;
	struct html h;
	struct db_q *q;
	int rc, n = 0;

	page_begin(r, &h, "Văn bản");
	H(&h, "<h1>Sổ văn bản</h1><table><thead><tr><th>Số, ký hiệu</th><th>Ngày</th>"
	      "<th>Loại</th><th>Trích yếu</th></tr></thead><tbody>");
	rc = db_prepare(r->db, SQL_WEB_DOCUMENTS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "iiit", r->acct.id, after, limit, "");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		last = db_col_int(q, 0);
		H(&h, "<tr><td><a href=\"/documents/");
		html_int(&h, last);
		H(&h, "\">");
		html_text(&h, db_col_text(q, 3) ? db_col_text(q, 3) : "(chưa số)");
		H(&h, "</a>");
		conf_badge(&h, db_col_text(q, 6));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 4));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 2));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 5));
		H(&h, "</td></tr>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(&h, "<tr><td colspan=\"4\" class=\"muted\">Chưa có văn bản.</td></tr>");
	H(&h, "</tbody></table>");
	if (n == limit) {
		H(&h, "<p class=\"pager\"><a href=\"/documents?after=");
		html_int(&h, last);
		H(&h, "&amp;limit=");
		html_int(&h, limit);
		H(&h, "\">Trang sau →</a></p>");
	}
	page_end(r, &h);
	return h.err;
}

/* A list of linked documents from one statement (id, symbol, date, title). */
static int doc_links(struct http_req *r, struct html *h, enum db_stmt st, const char *empty)
{
	struct db_q *q;
	int rc, n = 0;

	rc = db_prepare(r->db, st, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	H(h, "<ul>");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(h, "<li>");
		if (!db_col_null(q, 0)) {
			H(h, "<a href=\"/documents/");
			html_int(h, db_col_int(q, 0));
			H(h, "\">");
		}
		html_text(h, db_col_text(q, 1));
		if (!db_col_null(q, 0))
			H(h, "</a>");
		if (db_col_text(q, 2)) {
			H(h, " ngày ");
			html_text(h, db_col_text(q, 2));
		}
		if (db_col_text(q, 3)) {
			H(h, " — ");
			html_text(h, db_col_text(q, 3));
		}
		H(h, "</li>");
		rc = 0;
	}
	db_done(q);
	if (!n) {
		H(h, "<li class=\"muted\">");
		html_text(h, empty);
		H(h, "</li>");
	}
	H(h, "</ul>");
	return rc;
}

int page_document(struct http_req *r)
{
	struct html h;
	struct db_q *q;
	const char *title;
	int rc;

	rc = db_prepare(r->db, SQL_WEB_DOCUMENT, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	if (rc == 0)
		rc = db_step(q);
	if (rc <= 0) {
		/* Confidential documents are "not found" to those not cleared, as unknown ones. */
		db_done(q);
		return rc < 0 ? rc
			      : err_set(&r->err, ERR_NOTFOUND, "Không có văn bản số %lld",
					(long long)r->id[0]);
	}
	title = db_col_text(q, 3) ? db_col_text(q, 3) : db_col_text(q, 2);
	page_begin(r, &h, title ? title : "Văn bản");
	H(&h, "<h1>");
	html_text(&h, db_col_text(q, 2));
	H(&h, " ");
	html_text(&h, db_col_text(q, 3));
	conf_badge(&h, db_col_text(q, 6));
	H(&h, "</h1><p><strong>");
	html_text(&h, db_col_text(q, 5));
	H(&h, "</strong></p><dl><dt>Ngày</dt><dd>");
	html_text(&h, db_col_text(q, 4));
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	html_text(&h, db_col_text(q, 7) && db_col_text(q, 7)[0] == 'i' ? "đã ban hành" : "dự thảo");
	H(&h, "</dd></dl>");
	if (db_col_text(q, 10)) {
		H(&h, "<pre class=\"doc\">");
		html_text(&h, db_col_text(q, 10));
		H(&h, "</pre>");
	}
	db_done(q);
	H(&h, "<h2>Văn bản này dẫn chiếu</h2>");
	rc = doc_links(r, &h, SQL_WEB_DOC_REFS_OUT, "Không dẫn chiếu văn bản nào.");
	if (rc == 0) {
		H(&h, "<h2>Được dẫn chiếu bởi</h2>");
		rc = doc_links(r, &h, SQL_WEB_DOC_REFS_IN, "Chưa văn bản nào dẫn chiếu.");
	}
	if (rc < 0)
		return rc;
	page_end(r, &h);
	return h.err;
}
