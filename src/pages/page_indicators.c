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
 * The end (a byte offset) of the first line of s when lines hold at most max
 * characters (code points), broken at a space where there is one; *next is
 * where the following line starts (past the space).
 */
static size_t line_end(const char *s, size_t max, size_t *next)
{
	size_t cp = 0, space = 0, i;

	for (i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (cp == max)
			break;
		if (s[i] == ' ')
			space = i;
		cp++;
	}
	if (s[i] == ' ') {
		*next = i + 1;
		return i;
	}
	if (!s[i] || !space) {
		*next = i;
		return i;
	}
	*next = space + 1;
	return space;
}

/*
 * Horizontal bars of % of plan, one per indicator that has a plan, its name
 * on the lines above its bar, and the 100% mark. The drawing is 360 units
 * wide and a margin, so that, scaled to a phone's width (about 360 px), its
 * 14-unit names read at about 13 px and its 12-unit figures at above 11 px; on
 * a PC the stylesheet caps its width. Doubles are used here only to place
 * pixels.
 */
void page_indicator_chart(struct http_req *r, struct html *h, const struct ind_report *rep)
{
	enum {
		W = 360,       /* the drawing's width */
		CHART_W = 270, /* the bar of MAX_PCT */
		LINE = 17,     /* a line of a name */
		LINE_CP = 58,  /* the characters of a line of a name */
		BAR = 14,      /* a bar's height */
		GAP = 10,      /* between two indicators */
		TOP = 18,      /* the caption of the 100% mark */
		MAX_PCT = 150,
	};
	const int mark = CHART_W * 100 / MAX_PCT;
	int n = 0, height = TOP;

	for (size_t i = 0; i < rep->n; i++) {
		const char *s = rep->rows[i].d.name;
		size_t next;

		if (!rep->rows[i].has_pct_plan)
			continue;
		n++;
		do {
			line_end(s, LINE_CP, &next);
			s += next;
			height += LINE;
		} while (*s);
		height += BAR + GAP;
	}
	if (!n)
		return;
	/* 6 units of margin either side, inside the chart's border */
	H(h, "<svg class=\"chart\" role=\"img\" viewBox=\"-6 0 ");
	html_int(h, W + 12);
	H(h, " ");
	html_int(h, height);
	H(h, "\" aria-label=\"Tỷ lệ thực hiện so với kế hoạch\"><text x=\"");
	html_int(h, mark);
	H(h, "\" y=\"13\" font-size=\"12\" text-anchor=\"middle\" fill=\"#a3161a\">100% kế "
	     "hoạch</text>");
	height = TOP;
	for (size_t i = 0; i < rep->n; i++) {
		const struct ind_row *row = &rep->rows[i];
		const char *s = row->d.name;
		double pct = vn_dec_to_double(row->pct_plan);
		int w = (int)(pct / MAX_PCT * CHART_W);

		if (!row->has_pct_plan)
			continue;
		if (w < 0)
			w = 0;
		if (w > CHART_W)
			w = CHART_W;
		do {
			size_t next, end = line_end(s, LINE_CP, &next);

			H(h, "<text class=\"name\" x=\"0\" y=\"");
			html_int(h, height + 13);
			H(h, "\" font-size=\"14\">");
			html_textn(h, s, end);
			H(h, "</text>");
			s += next;
			height += LINE;
		} while (*s);
		H(h, "<rect x=\"0\" y=\"");
		html_int(h, height + 1);
		H(h, "\" height=\"");
		html_int(h, BAR);
		H(h, "\" width=\"");
		html_int(h, w);
		if (pct >= 100)
			H(h, "\" fill=\"#1e6b34\"></rect>");
		else
			H(h, "\" fill=\"#9a6200\"></rect>");
		H(h, "<line x1=\"");
		html_int(h, mark);
		H(h, "\" x2=\"");
		html_int(h, mark);
		H(h, "\" y1=\"");
		html_int(h, height - 1);
		H(h, "\" y2=\"");
		html_int(h, height + BAR + 3);
		/* The figure is haloed in white where it crosses the 100% mark. */
		H(h, "\" stroke=\"#a3161a\" stroke-dasharray=\"3 2\"></line><text class=\"pct\" "
		     "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" x=\"");
		html_int(h, w + 4);
		H(h, "\" y=\"");
		html_int(h, height + BAR - 1);
		H(h, "\" font-size=\"12\">");
		num(h, row->pct_plan, true);
		H(h, "</text>");
		height += BAR + GAP;
	}
	H(h, "</svg>");
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
static void completeness_grid(struct http_req *r, struct html *h, const struct ind_report *rep,
			      const struct ind_report_rollup *rup)
{
	const struct ind_report_rollup ru = *rup;
	const char **cols;
	struct page_table tb;

	if (!ru.n_lower)
		return;
	/* a column per lower body, labelled with its name on a phone as on a PC */
	cols = arena_alloc(r->arena, sizeof(*cols) * (ru.n_lower + 3));
	if (!cols) {
		h->err = ERR_NOMEM;
		return;
	}
	cols[0] = "Chỉ tiêu";
	for (size_t k = 0; k < ru.n_lower; k++)
		cols[k + 1] = ru.lower[k].name;
	cols[ru.n_lower + 1] = "Tổng cấp dưới";
	cols[ru.n_lower + 2] = "Đã báo cáo";
	H(h, "<h2>Cấp dưới báo cáo</h2><div class=\"scroll\">");
	page_table_begin(&tb, h, "grid", cols, (int)ru.n_lower + 3);
	for (size_t i = 0; i < rep->n; i++) {
		const struct ind_rollup_fig *f = &ru.fig[i];

		page_td(&tb, NULL);
		html_text(h, rep->rows[i].d.name);
		for (size_t k = 0; k < ru.n_lower; k++) {
			bool done = ru.reported[i * ru.n_lower + k];

			page_td(&tb, done ? "ok" : "missing");
			if (done)
				H(h, "<span title=\"đã báo cáo\">✓</span>");
			else
				H(h, "<span title=\"chưa báo cáo\">—</span>");
		}
		page_td(&tb, "num");
		if (f->has_value)
			num(h, f->value, false);
		page_td(&tb, "num");
		html_int(h, f->reported);
		H(h, "/");
		html_int(h, f->expected);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(h, "</div>");
}

int page_indicators(struct http_req *r)
{
	static const char *const cols[] = {"Chỉ tiêu", "Đơn vị",  "Thực hiện", "Kế hoạch",
					   "% KH",     "Cùng kỳ", "Tăng, giảm"};
	struct page_table tb;
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
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < rep.n; i++) {
		const struct ind_row *row = &rep.rows[i];

		page_td(&tb, NULL);
		html_text(&h, row->d.name);
		if (row->f.estimate)
			H(&h, " <span class=\"muted\">(ước)</span>");
		page_td(&tb, NULL);
		html_text(&h, row->d.unit);
		page_td(&tb, "num");
		num(&h, row->f.value, false);
		page_td(&tb, "num");
		if (row->f.has_plan)
			num(&h, row->f.plan, false);
		page_td(&tb, "num");
		if (row->has_pct_plan)
			num(&h, row->pct_plan, true);
		page_td(&tb, "num");
		if (row->f.has_same)
			num(&h, row->f.same, false);
		page_td(&tb, "num");
		if (row->has_growth)
			num(&h, row->growth, true);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "</tbody></table>");
	completeness_grid(r, &h, &rep, &ru);
	ind_report_rollup_free(&ru);
	ind_report_free(&rep);
	page_end(r, &h);
	return h.err;
}
