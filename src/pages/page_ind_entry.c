/* page_ind_entry.c: the indicator entry grid of a body and period, and the report as XLSX. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/indicators/ind_entry.h"
#include "core/indicators/indicator.h"
#include "pages/pages.h"
#include "render/ind_table.h"
#include "vn/num.h"
#include "vn/text.h"

/* The grid (GET): which body and period; both, or neither for the latest report. */
const struct http_field page_ind_entry_fields[] = {
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {"period", HF_TEXT, false, 15, NULL, "Kỳ (period, ví dụ 2023-T09)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Saving the grid (POST): v<id> is the value of indicator id, e<id> its "ước" mark. */
const struct http_field page_ind_entry_post_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan (body)"},
    {"period", HF_TEXT, true, 15, NULL, "Kỳ (period, ví dụ 2023-T09)"},
    {"v#", HF_TEXT, false, 40, NULL, "Giá trị chỉ tiêu"},
    {"e#", HF_ENUM, false, 0, "1", "Dấu ước"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A decimal the Vietnamese way, escaped. */
static void num(struct html *h, struct vn_dec d)
{
	struct buf b = BUF_INIT(64);

	if (vn_dec_format(d, 0, &b) == 0)
		html_text(h, buf_str(&b));
	buf_free(&b);
}

/*
 * The body and canonical period the request names: both, or neither for
 * those of the latest report (as /indicators). 400 naming the field for a
 * half-given pair or a malformed period; 404 outside the account's scope.
 */
static int target(struct http_req *r, int64_t *ret_body, char period[16], struct ind_period *p,
		  const char **ret_name)
{
	const char *pa = http_arg(r, "period");
	int64_t body = http_arg_int(r, "body", 0);
	int rc;

	if (!body && (!pa || !*pa)) {
		struct ind_report rep;

		rc = ind_report_build(r->db, 0, NULL, &rep, &r->err);
		if (rc == ERR_NOTFOUND)
			return err_set(&r->err, ERR_NOTFOUND,
				       "Chưa có số liệu chỉ tiêu nào: hãy chọn cơ quan và kỳ "
				       "(/indicators/entry?body=…&period=…)");
		if (rc < 0)
			return rc;
		body = rep.body_id;
		snprintf(period, 16, "%s", rep.period);
		ind_report_free(&rep);
	} else if (!body) {
		return http_field_error(r, "body", "cần chọn cơ quan cùng với kỳ");
	} else if (!pa || !*pa) {
		return http_field_error(r, "period",
					"cần ghi kỳ (ví dụ 2023-T09) cùng với cơ quan");
	} else {
		snprintf(period, 16, "%s", pa);
	}
	rc = ind_period_parse(period, p, &r->err);
	if (rc < 0)
		return http_field_error(r, "period", arena_strdup(r->arena, r->err.msg));
	ind_period_code(*p, period);
	rc = read_body_name(r->db, &r->acct, body, r->arena, ret_name, &r->err);
	if (rc < 0)
		return rc;
	*ret_body = body;
	return 0;
}

/* The error of the cell of indicator id, if the entries carry one. */
static const char *cell_error(const struct ind_entry *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].ind_id == id && v[i].error)
			return v[i].error;
	return NULL;
}

/* The body and period chooser, bodies from the account's scope. */
static int chooser(struct http_req *r, struct html *h, int64_t body, const char *period)
{
	struct read_page p = {.after = 0, .limit = 1000, .since = ""};
	struct read_body *b;
	size_t n;
	int rc = read_bodies(r->db, &r->acct, &p, r->arena, &b, &n);

	H(h, "<form class=\"choose\" method=\"get\" action=\"/indicators/entry\">"
	     "<label>Cơ quan <select name=\"body\">");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		H(h, "<option value=\"");
		html_int(h, b[i].id);
		if (b[i].id == body)
			H(h, "\" selected>");
		else
			H(h, "\">");
		html_text(h, b[i].name);
		H(h, "</option>");
	}
	H(h, "</select></label> <label>Kỳ <input name=\"period\" size=\"9\" value=\"");
	html_text(h, period);
	H(h, "\" placeholder=\"2023-T09\"></label> <button type=\"submit\">Mở</button></form>");
	return rc;
}

/*
 * The grid: every catalogue indicator, grouped under its top-level one as
 * the report orders them, with plan, same period and the value in an input.
 * After a refused save (v non-NULL) the inputs keep what was typed and each
 * wrong cell says why next to it.
 */
static int grid(struct http_req *r, int64_t body, const char *period, struct ind_period p,
		const char *name, const struct ind_entry *v, size_t nv, const char *summary)
{
	static const char *const cols[] = {
	    "Chỉ tiêu",	 "Đơn vị tính", "Kế hoạch", "Cùng kỳ năm trước",
	    "Thực hiện", "Ước",		"Nguồn"};
	/* A row's class: its depth (indented), and whether its value was refused. */
	static const char *const row_cls[2][3] = {{"d0", "d1", "d2"},
						  {"d0 bad", "d1 bad", "d2 bad"}};
	struct page_table tb;
	struct buf label = BUF_INIT(64);
	struct ind_period prev = ind_period_prev_year(p);
	char prevcode[16], yearcode[16];
	struct read_ind_line *g;
	struct html h;
	size_t ng;
	int rc, group = 0;

	ind_period_code(prev, prevcode);
	snprintf(yearcode, sizeof(yearcode), "%04d", p.year % 10000);
	ind_period_label(p, &label);
	page_begin(r, &h, "Nhập số liệu chỉ tiêu");
	H(&h, "<h1>Nhập số liệu chỉ tiêu</h1><p>");
	html_text(&h, name);
	H(&h, ", ");
	html_text(&h, buf_str(&label));
	buf_free(&label);
	H(&h, " — ô để trống giữ nguyên số đã có; số viết như 1.593,851.</p>");
	rc = chooser(r, &h, body, period);
	if (rc < 0)
		return rc;
	if (summary) {
		H(&h, "<section class=\"error\" role=\"alert\"><p>");
		html_text(&h, summary);
		H(&h, "</p><ul>");
		for (size_t i = 0; i < nv; i++) {
			if (!v[i].error)
				continue;
			H(&h, "<li>");
			html_text(&h, v[i].error);
			H(&h, "</li>");
		}
		H(&h, "</ul></section>");
	}
	H(&h, "<form class=\"entry\" method=\"post\" action=\"/indicators/entry\">");
	page_csrf(r, &h);
	H(&h, "<input type=\"hidden\" name=\"body\" value=\"");
	html_int(&h, body);
	H(&h, "\"><input type=\"hidden\" name=\"period\" value=\"");
	html_text(&h, period);
	H(&h, "\">");
	page_table_begin(&tb, &h, "grid", cols, PAGE_NCOL(cols));
	rc = read_ind_grid(r->db, body, period, yearcode, prevcode, r->arena, &g, &ng);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < ng; i++) {
		int64_t id = g[i].id, depth = g[i].depth;
		bool has = g[i].has_actual;
		char field[32];
		const char *typed, *err = v ? cell_error(v, nv, id) : NULL;
		bool est;

		if (depth == 0 && group)
			page_table_group(&tb);
		group = 1;
		snprintf(field, sizeof(field), "v%lld", (long long)id);
		page_tr(&tb, row_cls[err != NULL][depth > 2 ? 2 : depth]);
		page_td(&tb, NULL);
		H(&h, "<label for=\"");
		html_text(&h, field);
		H(&h, "\">");
		html_text(&h, g[i].name);
		H(&h, "</label>");
		page_td(&tb, NULL);
		html_text(&h, g[i].unit);
		page_td(&tb, "num");
		if (g[i].has_plan) {
			num(&h, (struct vn_dec){g[i].plan, (int)g[i].plan_scale});
			H(&h, " <span class=\"muted\">(");
			html_text(&h, g[i].default_plan);
			H(&h, ")</span>");
		}
		page_td(&tb, "num");
		if (g[i].has_prev)
			num(&h, (struct vn_dec){g[i].prev, (int)g[i].prev_scale});
		page_td(&tb, NULL);
		H(&h, "<input class=\"val\" inputmode=\"decimal\" autocomplete=\"off\" name=\"");
		html_text(&h, field);
		H(&h, "\" id=\"");
		html_text(&h, field);
		H(&h, "\" value=\"");
		typed = v ? http_arg(r, field) : NULL;
		if (typed)
			html_text(&h, typed);
		else if (has)
			num(&h, (struct vn_dec){g[i].actual, (int)g[i].actual_scale});
		if (err) {
			H(&h, "\" aria-invalid=\"true\" aria-describedby=\"");
			html_text(&h, field);
			H(&h, "-err");
		}
		H(&h, "\">");
		if (err) {
			H(&h, "<span class=\"cellerr\" id=\"");
			html_text(&h, field);
			H(&h, "-err\">");
			html_text(&h, err);
			H(&h, "</span>");
		}
		page_td(&tb, NULL);
		H(&h, "<input type=\"checkbox\" value=\"1\" name=\"e");
		html_int(&h, id);
		H(&h, "\" aria-label=\"Ước — ");
		html_text(&h, g[i].name);
		field[0] = 'e';
		est = typed ? http_arg(r, field) != NULL : has && g[i].estimate;
		if (est)
			H(&h, "\" checked>");
		else
			H(&h, "\">");
		page_td(&tb, "muted");
		if (has && g[i].source)
			html_text(&h, g[i].source);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	H(&h, "<p class=\"actions\"><button type=\"submit\">Ghi số liệu</button> "
	      "<a href=\"/indicators?body=");
	html_int(&h, body);
	H(&h, "&amp;period=");
	html_text(&h, period);
	H(&h, "\">Xem báo cáo</a></p></form>");
	page_end(r, &h);
	return h.err;
}

int page_ind_entry(struct http_req *r)
{
	struct ind_period p;
	const char *name = NULL;
	char period[16];
	int64_t body;
	int rc;

	rc = target(r, &body, period, &p, &name);
	if (rc < 0)
		return rc;
	return grid(r, body, period, p, name, NULL, 0, NULL);
}

int page_ind_entry_save(struct http_req *r)
{
	struct ind_entry *v;
	struct ind_period p;
	const char *name = NULL, *source;
	char period[16];
	int64_t body;
	size_t nv = 0;
	int rc;

	rc = target(r, &body, period, &p, &name);
	if (rc < 0)
		return rc;
	v = arena_alloc(r->arena, (size_t)(r->nvals ? r->nvals : 1) * sizeof(*v));
	source = arena_printf(r->arena, "web:%s", r->acct.login);
	if (!v || !source)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	for (int i = 0; i < r->nvals; i++) {
		char est[32];

		/* The validated input holds only the table's fields: v<id> are the cells. */
		if (r->names[i][0] != 'v' || !isdigit((unsigned char)r->names[i][1]))
			continue;
		memset(&v[nv], 0, sizeof(v[nv]));
		v[nv].ind_id = strtoll(r->names[i] + 1, NULL, 10);
		v[nv].text = r->vals[i];
		snprintf(est, sizeof(est), "e%s", r->names[i] + 1);
		v[nv].estimate = http_arg(r, est) != NULL;
		nv++;
	}
	rc = ind_entry_store(r->db, body, period, v, nv, IND_NOTE_VN_OR_PLAIN, source, r->arena,
			     NULL, &r->err);
	if (rc == ERR_INVAL) {
		/* Nothing was written: the grid again, as typed, each wrong cell saying why. */
		const char *summary = arena_strdup(r->arena, r->err.msg);

		buf_reset(&r->out);
		rc = grid(r, body, period, p, name, v, nv, summary);
		r->status = 400;
		return rc;
	}
	if (rc < 0)
		return rc;
	return http_redirect(
	    r, arena_printf(r->arena, "/indicators?body=%lld&period=%s", (long long)body, period));
}

/* "Huyện ủy Tân Yên" → "huyen-uy-tan-yen": a file name part in ASCII. */
static const char *slug(struct http_req *r, const char *name)
{
	struct buf f = BUF_INIT(1024);
	char *s;
	size_t n = 0;

	if (vn_fold(name, strlen(name), &f) < 0) {
		buf_free(&f);
		return "co-quan";
	}
	s = arena_alloc(r->arena, f.len + 1);
	for (size_t i = 0; s && i < f.len && n < 60; i++) {
		char c = f.data[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			s[n++] = c;
		else if (n && s[n - 1] != '-')
			s[n++] = '-';
	}
	buf_free(&f);
	while (n && s[n - 1] == '-')
		n--;
	if (!s || !n)
		return "co-quan";
	s[n] = '\0';
	return s;
}

/* Reads the whole file at path into out. */
static int slurp(const char *path, struct buf *out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	int rc;

	if (!f)
		return err_set(e, ERR_IO, "không đọc lại được tệp XLSX (%s)", strerror(errno));
	rc = buf_read(out, f);
	if (rc == ERR_IO)
		rc = err_set(e, ERR_IO, "không đọc lại được tệp XLSX");
	else if (rc < 0)
		rc = err_set(e, ERR_TOOBIG, "tệp XLSX quá lớn");
	fclose(f);
	return rc;
}

int page_ind_xlsx(struct http_req *r)
{
	struct ind_report rep;
	char path[4096];
	const char *tmp = getenv("TMPDIR");
	int fd, rc;

	rc = page_ind_report(r, &rep);
	if (rc < 0)
		return rc;
	/* libxlsxwriter writes to a file: a private temporary one, read back and removed. */
	if ((size_t)snprintf(path, sizeof(path), "%s/dondoc-xlsx-XXXXXX",
			     tmp && *tmp ? tmp : "/tmp") >= sizeof(path)) {
		ind_report_free(&rep);
		return err_set(&r->err, ERR_IO, "TMPDIR quá dài");
	}
	fd = mkstemp(path);
	if (fd < 0) {
		ind_report_free(&rep);
		return err_set(&r->err, ERR_IO, "không tạo được tệp tạm (%s)", strerror(errno));
	}
	close(fd);
	rc = ind_table_xlsx(&rep, path, &r->err);
	if (rc == 0) {
		buf_reset(&r->out);
		rc = slurp(path, &r->out, &r->err);
	}
	unlink(path);
	if (rc == 0) {
		r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		r->disposition =
		    arena_printf(r->arena, "attachment; filename=\"chi-tieu-%s-%s.xlsx\"",
				 slug(r, rep.body_name), rep.period);
		if (!r->disposition)
			rc = ERR_NOMEM;
	}
	ind_report_free(&rep);
	return rc;
}
