/* cmt_table.c: renders the incorporation table of a draft's comments as text, HTML and a document view. */
#include "render/cmt_table.h"

#include <string.h>

#include "render/html.h"
#include "vn/text.h"

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

int cmt_table_html(const struct cmt_table *t, struct buf *out)
{
	struct html h = {out, 0};

	H(&h, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<title>Bảng tổng hợp tiếp thu, giải trình ý kiến</title>\n"
	      "<style>table{border-collapse:collapse;width:100%}"
	      "th,td{border:1px solid #000;padding:4px;vertical-align:top}"
	      "h1{font-size:1.2em;text-align:center}</style>\n</head>\n<body>\n");
	H(&h, "<h1>BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN</h1>\n<p class=\"doc\">");
	html_text(&h, t->doc_kind);
	H(&h, " ");
	html_text(&h, t->doc_title);
	H(&h, "</p>\n");
	H(&h, "<table>\n<thead><tr><th>STT</th><th>Người góp ý</th><th>Đoạn, mục</th>"
	      "<th>Nội dung ý kiến</th><th>Hình thức</th><th>Tiếp thu, giải trình</th>"
	      "<th>Bản sửa</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t->n; i++) {
		const struct cmt_row *c = &t->rows[i];

		H(&h, "<tr><td>");
		html_int(&h, (int64_t)(i + 1));
		H(&h, "</td><td>");
		html_text(&h, c->member);
		H(&h, "</td><td>");
		html_text(&h, c->paragraph);
		H(&h, "</td><td>");
		html_text(&h, c->content);
		H(&h, "</td><td>");
		html_text(&h, cmt_resp_label(c->response));
		H(&h, "</td><td>");
		html_text(&h, c->response_text);
		if (c->responder) {
			H(&h, " (");
			html_text(&h, c->responder);
			H(&h, ")");
		}
		H(&h, "</td><td>");
		if (c->revised_version) {
			H(&h, "lần ");
			html_int(&h, c->revised_version - 1);
		}
		H(&h, "</td></tr>\n");
	}
	H(&h, "</tbody>\n</table>\n<p class=\"total\">Tổng số: ");
	html_textf(&h,
		   "%zu ý kiến; tiếp thu %d, giải trình %d, không tiếp thu %d, chưa trả lời %d.",
		   t->n, t->n_tiep_thu, t->n_giai_trinh, t->n_khong, t->n_open);
	H(&h, "</p>\n</body>\n</html>\n");
	return h.err;
}

int cmt_table_view(const struct cmt_table *t, const struct fmt_profile *p, struct arena *a,
		   struct docview *v, struct err *e)
{
	static const unsigned widths[] = {8, 15, 9, 26, 10, 23, 9};
	static const char *const head[] = {
	    "STT",	 "Người góp ý",		 "Đoạn, mục", "Nội dung ý kiến",
	    "Hình thức", "Tiếp thu, giải trình", "Bản sửa"};
	bool state = strcmp(p->family, "state") == 0;
	struct buf up = BUF_INIT(1024);
	struct dv_block *bl;
	struct dv_run *runs;
	const char **cells;
	bool oom = false;
	size_t nb = 0;

	memset(v, 0, sizeof(*v));
	bl = arena_alloc(a, sizeof(*bl) * 3);
	runs = arena_alloc(a, sizeof(*runs) * 2);
	cells = arena_alloc(a, sizeof(*cells) * 7 * (t->n + 1));
	if (!bl || !runs || !cells)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (t->body && vn_upper(t->body, strlen(t->body), &up) < 0)
		return err_set(e, ERR_TOOBIG, "tên cơ quan quá dài");
	for (size_t k = 0; k < 7; k++)
		cells[k] = head[k];
	for (size_t i = 0; i < t->n; i++) {
		const struct cmt_row *c = &t->rows[i];
		const char **row = &cells[7 * (i + 1)];

		row[0] = arena_printf(a, "%zu", i + 1);
		row[1] = arena_printf(a, "%s%s", c->group ? "" : "Đồng chí ", c->member);
		row[2] = nz(c->paragraph);
		row[3] = c->content;
		row[4] = cmt_resp_label(c->response);
		row[5] = c->responder
			     ? arena_printf(a, "%s (%s)", nz(c->response_text), c->responder)
			     : nz(c->response_text);
		row[6] =
		    c->revised_version ? arena_printf(a, "lần %d", c->revised_version - 1) : "";
		for (size_t k = 0; k < 7; k++)
			oom = oom || !row[k];
	}
	runs[0] = (struct dv_run){
	    t->versions > 0 ? arena_printf(a, "Bản hiện hành: bản sửa lần %d.", t->versions - 1)
			    : "Chưa có bản sửa.",
	    DV_ITALIC};
	runs[1] = (struct dv_run){
	    arena_printf(a,
			 "Tổng số: %zu ý kiến; tiếp thu %d, giải trình %d, không tiếp thu %d, "
			 "chưa trả lời %d.",
			 t->n, t->n_tiep_thu, t->n_giai_trinh, t->n_khong, t->n_open),
	    0};
	bl[nb++] = (struct dv_block){
	    .kind = DV_PARA, .align = DV_CENTER, .no_indent = true, .runs = &runs[0], .nruns = 1};
	if (t->n)
		bl[nb++] = (struct dv_block){.kind = DV_TABLE,
					     .table = {.ncols = 7,
						       .nrows = t->n + 1,
						       .cells = cells,
						       .header = true,
						       .widths = widths}};
	bl[nb++] =
	    (struct dv_block){.kind = DV_PARA, .align = DV_JUSTIFY, .runs = &runs[1], .nruns = 1};
	v->profile = p;
	v->issuer = up.len ? arena_strdup(a, buf_str(&up)) : NULL;
	v->star = !state;
	v->motto = state ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "ĐẢNG CỘNG SẢN VIỆT NAM";
	v->motto_sub = state ? "Độc lập - Tự do - Hạnh phúc" : NULL;
	v->type_name = "BẢNG TỔNG HỢP";
	v->summary =
	    arena_printf(a, "Tiếp thu, giải trình ý kiến góp ý\n%s %s", t->doc_kind, t->doc_title);
	v->blocks = bl;
	v->nblocks = nb;
	v->title = "Bảng tổng hợp tiếp thu, giải trình ý kiến";
	oom = oom || !runs[0].text || !runs[1].text || !v->summary || (up.len && !v->issuer);
	buf_free(&up);
	if (oom)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	return 0;
}
