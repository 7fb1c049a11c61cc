/* cmt_table.c: renders the incorporation table of a draft's comments as text and as HTML. */
#include "render/cmt_table.h"

#include <string.h>

static const char *nz(const char *s)
{
	return s ? s : "";
}

int cmt_table_text(const struct cmt_table *t, struct buf *out)
{
	int r;

	buf_puts(out, "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN\n");
	buf_printf(out, "Dự thảo: %s %s\n", t->doc_kind, t->doc_title);
	if (t->versions > 0)
		buf_printf(out, "Bản hiện hành: bản sửa lần %d\n", t->versions - 1);
	buf_puts(out, "\n");
	if (t->n == 0)
		buf_puts(out, "Chưa có ý kiến góp ý.\n");
	for (size_t i = 0; i < t->n; i++) {
		const struct cmt_row *c = &t->rows[i];

		buf_printf(out, "%zu. %s%s", i + 1, c->group ? "" : "Đồng chí ", c->member);
		if (c->paragraph)
			buf_printf(out, " (%s)", c->paragraph);
		buf_printf(out, ":\n   Ý kiến: %s\n", c->content);
		buf_printf(out, "   Tiếp thu, giải trình: %s", cmt_resp_label(c->response));
		if (c->response_text)
			buf_printf(out, " — %s", c->response_text);
		if (c->responder)
			buf_printf(out, " (%s)", c->responder);
		buf_puts(out, "\n");
		if (c->revised_version)
			buf_printf(out, "   Đã thể hiện trong bản sửa lần %d.\n",
				   c->revised_version - 1);
	}
	r = buf_printf(out,
		       "\nTổng số: %zu ý kiến; tiếp thu %d, giải trình %d, không tiếp thu %d, "
		       "chưa trả lời %d.\n",
		       t->n, t->n_tiep_thu, t->n_giai_trinh, t->n_khong, t->n_open);
	return r;
}

/* The one escaper of this file: text and attribute values alike. */
static int esc(struct buf *out, const char *s)
{
	int r = 0;

	for (; s && *s && r == 0; s++) {
		switch (*s) {
		case '&':
			r = buf_puts(out, "&amp;");
			break;
		case '<':
			r = buf_puts(out, "&lt;");
			break;
		case '>':
			r = buf_puts(out, "&gt;");
			break;
		case '"':
			r = buf_puts(out, "&quot;");
			break;
		case '\'':
			r = buf_puts(out, "&#39;");
			break;
		default:
			r = buf_putc(out, *s);
		}
	}
	return r;
}

int cmt_table_html(const struct cmt_table *t, struct buf *out)
{
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<title>Bảng tổng hợp tiếp thu, giải trình ý kiến</title>\n"
		      "<style>table{border-collapse:collapse;width:100%}"
		      "th,td{border:1px solid #000;padding:4px;vertical-align:top}"
		      "h1{font-size:1.2em;text-align:center}</style>\n</head>\n<body>\n");
	buf_puts(out, "<h1>BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN</h1>\n<p class=\"doc\">");
	esc(out, t->doc_kind);
	buf_puts(out, " ");
	esc(out, t->doc_title);
	buf_puts(out, "</p>\n");
	buf_puts(out, "<table>\n<thead><tr><th>STT</th><th>Người góp ý</th><th>Đoạn, mục</th>"
		      "<th>Nội dung ý kiến</th><th>Hình thức</th><th>Tiếp thu, giải trình</th>"
		      "<th>Bản sửa</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->n; i++) {
		const struct cmt_row *c = &t->rows[i];

		buf_printf(out, "<tr><td>%zu</td><td>", i + 1);
		esc(out, c->member);
		buf_puts(out, "</td><td>");
		esc(out, nz(c->paragraph));
		buf_puts(out, "</td><td>");
		esc(out, c->content);
		buf_puts(out, "</td><td>");
		esc(out, cmt_resp_label(c->response));
		buf_puts(out, "</td><td>");
		esc(out, nz(c->response_text));
		if (c->responder) {
			buf_puts(out, " (");
			esc(out, c->responder);
			buf_puts(out, ")");
		}
		buf_puts(out, "</td><td>");
		if (c->revised_version)
			buf_printf(out, "lần %d", c->revised_version - 1);
		buf_puts(out, "</td></tr>\n");
	}
	buf_puts(out, "</tbody>\n</table>\n");
	return buf_printf(out,
			  "<p class=\"total\">Tổng số: %zu ý kiến; tiếp thu %d, giải trình %d, "
			  "không tiếp thu %d, chưa trả lời %d.</p>\n</body>\n</html>\n",
			  t->n, t->n_tiep_thu, t->n_giai_trinh, t->n_khong, t->n_open);
}
