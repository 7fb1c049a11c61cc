/* page_indicators.c: the indicators report of a body and period: table and SVG bars against plan. */
#include <string.h>

#include "core/indicators/indicator.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "vn/num.h"

const struct http_field page_indicator_fields[] = {
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {"period", HF_TEXT, false, 15, NULL, "Kỳ (period, ví dụ 2023-T09)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A decimal the Vietnamese way, escaped. */
static void num(struct html *h, struct vn_dec d, bool pct)
{
	struct buf b = BUF_INIT(64);

	if ((pct ? vn_pct_format(d, &b) : vn_dec_format(d, 0, &b)) == 0)
		html_text(h, buf_str(&b));
	buf_free(&b);
}

/*
 * Horizontal bars of % of plan, one per indicator that has a plan, with the
 * 100% line. Doubles are used here only to place pixels.
 */
void page_indicator_chart(struct http_req *r, struct html *h, const struct ind_report *rep)
{
	const int bar = 22, label_w = 300, chart_w = 360, max_pct = 150;
	int n = 0, y = 0;

	for (size_t i = 0; i < rep->n; i++)
		n += rep->rows[i].has_pct_plan;
	if (!n)
		return;
	H(h, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ");
	html_int(h, label_w + chart_w + 70);
	H(h, " ");
	html_int(h, n * bar + 24);
	H(h, "\" aria-label=\"Tỷ lệ thực hiện so với kế hoạch\">");
	for (size_t i = 0; i < rep->n; i++) {
		const struct ind_row *row = &rep->rows[i];
		double pct = vn_dec_to_double(row->pct_plan);
		int w;

		if (!row->has_pct_plan)
			continue;
		w = (int)(pct / max_pct * chart_w);
		if (w < 0)
			w = 0;
		if (w > chart_w)
			w = chart_w;
		H(h, "<text x=\"0\" y=\"");
		html_int(h, y + 15);
		H(h, "\" font-size=\"12\">");
		html_text(h, row->d.name);
		H(h, "</text><rect x=\"");
		html_int(h, label_w);
		H(h, "\" y=\"");
		html_int(h, y + 3);
		H(h, "\" height=\"16\" width=\"");
		html_int(h, w);
		if (pct >= 100)
			H(h, "\" fill=\"#1e6b34\"></rect>");
		else
			H(h, "\" fill=\"#9a6200\"></rect>");
		H(h, "<text x=\"");
		html_int(h, label_w + w + 4);
		H(h, "\" y=\"");
		html_int(h, y + 15);
		H(h, "\" font-size=\"12\">");
		num(h, row->pct_plan, true);
		H(h, "</text>");
		y += bar;
	}
	H(h, "<line x1=\"");
	html_int(h, label_w + chart_w * 100 / max_pct);
	H(h, "\" x2=\"");
	html_int(h, label_w + chart_w * 100 / max_pct);
	H(h, "\" y1=\"0\" y2=\"");
	html_int(h, y + 4);
	H(h, "\" stroke=\"#a3161a\" stroke-dasharray=\"4 3\"></line><text x=\"");
	html_int(h, label_w + chart_w * 100 / max_pct - 14);
	H(h, "\" y=\"");
	html_int(h, y + 18);
	H(h, "\" font-size=\"11\">100%</text></svg>");
}

int page_ind_report(struct http_req *r, struct ind_report *rep)
{
	int rc = ind_report_build(r->db, http_arg_int(r, "body", 0), http_arg(r, "period"), rep,
				  &r->err);

	if (rc == ERR_INVAL)
		return http_field_error(r, "period", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	if (!account_sees_body(r->db, &r->acct, rep->body_id)) {
		ind_report_free(rep);
		return err_set(&r->err, ERR_NOTFOUND, "Không có số liệu chỉ tiêu của cơ quan này");
	}
	return 0;
}

/*
 * The completeness grid of the report's lower bodies (ind_report_rollup): a
 * line per figure, a column per lower body (✓ reported, — not), the sum of what
 * they reported and how many did. Nothing when the body has no lower bodies.
 */
static void completeness_grid(struct html *h, const struct ind_report *rep,
			      const struct ind_report_rollup *rup)
{
	const struct ind_report_rollup ru = *rup;

	if (!ru.n_lower)
		return;
	H(h, "<h2>Cấp dưới báo cáo</h2><div class=\"scroll\"><table class=\"grid\"><thead><tr>"
	     "<th>Chỉ tiêu</th>");
	for (size_t k = 0; k < ru.n_lower; k++) {
		H(h, "<th>");
		html_text(h, ru.lower[k].name);
		H(h, "</th>");
	}
	H(h, "<th>Tổng cấp dưới</th><th>Đã báo cáo</th></tr></thead><tbody>");
	for (size_t i = 0; i < rep->n; i++) {
		const struct ind_rollup_fig *f = &ru.fig[i];

		H(h, "<tr><td>");
		html_text(h, rep->rows[i].d.name);
		H(h, "</td>");
		for (size_t k = 0; k < ru.n_lower; k++) {
			if (ru.reported[i * ru.n_lower + k])
				H(h, "<td class=\"ok\" title=\"đã báo cáo\">✓</td>");
			else
				H(h, "<td class=\"missing\" title=\"chưa báo cáo\">—</td>");
		}
		H(h, "<td class=\"num\">");
		if (f->has_value)
			num(h, f->value, false);
		H(h, "</td><td class=\"num\">");
		html_int(h, f->reported);
		H(h, "/");
		html_int(h, f->expected);
		H(h, "</td></tr>");
	}
	H(h, "</tbody></table></div>");
}

int page_indicators(struct http_req *r)
{
	struct ind_report_rollup ru = {0};
	struct ind_report rep;
	struct html h;
	int rc;

	rc = page_ind_report(r, &rep);
	if (rc < 0)
		return rc;
	rc = ind_report_rollup(r->db, &rep, &ru, &r->err);
	if (rc < 0) {
		ind_report_free(&rep);
		return rc;
	}
	page_begin(r, &h, "Chỉ tiêu kinh tế - xã hội");
	H(&h, "<h1>Chỉ tiêu kinh tế - xã hội</h1><p>");
	html_text(&h, rep.body_name);
	H(&h, ", ");
	html_text(&h, rep.period_label);
	H(&h, " — ");
	html_int(&h, rep.n_plan_met);
	H(&h, "/");
	html_int(&h, rep.n_with_plan);
	H(&h, " chỉ tiêu đạt kế hoạch</p><p class=\"actions\">");
	if (page_role_in(r, R_STAFF)) {
		H(&h, "<a class=\"button\" href=\"/indicators/entry?body=");
		html_int(&h, rep.body_id);
		H(&h, "&amp;period=");
		html_text(&h, rep.period);
		H(&h, "\">Nhập số liệu</a>");
	}
	H(&h, "<a href=\"/indicators/xlsx?body=");
	html_int(&h, rep.body_id);
	H(&h, "&amp;period=");
	html_text(&h, rep.period);
	H(&h, "\" download>Tải bảng XLSX</a></p>");
	page_indicator_chart(r, &h, &rep);
	H(&h,
	  "<table><thead><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Thực hiện</th>"
	  "<th>Kế hoạch</th><th>% KH</th><th>Cùng kỳ</th><th>Tăng, giảm</th></tr></thead><tbody>");
	for (size_t i = 0; i < rep.n; i++) {
		const struct ind_row *row = &rep.rows[i];

		H(&h, "<tr><td>");
		html_text(&h, row->d.name);
		if (row->f.estimate)
			H(&h, " <span class=\"muted\">(ước)</span>");
		H(&h, "</td><td>");
		html_text(&h, row->d.unit);
		H(&h, "</td><td class=\"num\">");
		num(&h, row->f.value, false);
		H(&h, "</td><td class=\"num\">");
		if (row->f.has_plan)
			num(&h, row->f.plan, false);
		H(&h, "</td><td class=\"num\">");
		if (row->has_pct_plan)
			num(&h, row->pct_plan, true);
		H(&h, "</td><td class=\"num\">");
		if (row->f.has_same)
			num(&h, row->f.same, false);
		H(&h, "</td><td class=\"num\">");
		if (row->has_growth)
			num(&h, row->growth, true);
		H(&h, "</td></tr>");
	}
	H(&h, "</tbody></table>");
	completeness_grid(&h, &rep, &ru);
	ind_report_rollup_free(&ru);
	ind_report_free(&rep);
	page_end(r, &h);
	return h.err;
}
