/* fmt.c: format profiles: loading, checking and changing the layout numbers. */
#include "core/notice/fmt.h"
#include "db/db.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_str(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

void fmt_profile_default(struct fmt_profile *ret)
{
	*ret = (struct fmt_profile){
	    .header_pt = 14,
	    .motto_pt = 15,
	    .type_pt = 16,
	    .summary_pt = 14,
	    .body_pt = 14,
	    .recipients_pt = 12,
	    .sign_pt = 14,
	    .margin_top = 20,
	    .margin_bottom = 20,
	    .margin_left = 30,
	    .margin_right = 15,
	    .indent_mm = 10,
	    .line_spacing = 1.0,
	    .para_space_pt = 6,
	    .page_numbers = true,
	};
	copy_str(ret->code, sizeof(ret->code), "party-2018");
	copy_str(ret->family, sizeof(ret->family), "party");
	copy_str(ret->sign_forms, sizeof(ret->sign_forms), "T/M,K/T,T/L");
	copy_str(ret->font, sizeof(ret->font), "Liberation Serif");
}

static int check_range(const char *field, double v, double lo, double hi, const char *unit,
		       struct err *e)
{
	if (!(v >= lo && v <= hi))
		return err_set(e, ERR_INVAL,
			       "khổ trình bày: %s = %g %s không hợp lệ (cho phép %g–%g %s)", field,
			       v, unit, lo, hi, unit);
	return 0;
}

int fmt_profile_check(const struct fmt_profile *p, struct err *e)
{
	const struct {
		const char *name;
		double v;
	} sizes[] =
	    {
		{"header_pt", p->header_pt}, {"motto_pt", p->motto_pt},
		{"type_pt", p->type_pt},     {"summary_pt", p->summary_pt},
		{"body_pt", p->body_pt},     {"recipients_pt", p->recipients_pt},
		{"sign_pt", p->sign_pt},
	    },
	  margins[] = {
	      {"margin_top", p->margin_top},
	      {"margin_bottom", p->margin_bottom},
	      {"margin_left", p->margin_left},
	      {"margin_right", p->margin_right},
	  };
	int r;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		r = check_range(sizes[i].name, sizes[i].v, 6, 40, "pt", e);
		if (r < 0)
			return r;
	}
	for (size_t i = 0; i < sizeof(margins) / sizeof(margins[0]); i++) {
		r = check_range(margins[i].name, margins[i].v, 5, 60, "mm", e);
		if (r < 0)
			return r;
	}
	if (FMT_A4_W - p->margin_left - p->margin_right < 100)
		return err_set(e, ERR_INVAL,
			       "khổ trình bày %s: lề trái %g mm và lề phải %g mm chỉ còn %g mm "
			       "chiều rộng (cần ít nhất 100 mm)",
			       p->code, p->margin_left, p->margin_right,
			       FMT_A4_W - p->margin_left - p->margin_right);
	if (FMT_A4_H - p->margin_top - p->margin_bottom < 150)
		return err_set(e, ERR_INVAL,
			       "khổ trình bày %s: lề trên và lề dưới chỉ còn %g mm chiều cao "
			       "(cần ít nhất 150 mm)",
			       p->code, FMT_A4_H - p->margin_top - p->margin_bottom);
	r = check_range("indent_mm", p->indent_mm, 0, 40, "mm", e);
	if (r < 0)
		return r;
	r = check_range("line_spacing", p->line_spacing, 0.8, 3, "", e);
	if (r < 0)
		return r;
	r = check_range("para_space_pt", p->para_space_pt, 0, 30, "pt", e);
	if (r < 0)
		return r;
	if (strcmp(p->family, "party") != 0 && strcmp(p->family, "state") != 0)
		return err_set(e, ERR_INVAL, "khổ trình bày %s: loại '%s' không hợp lệ", p->code,
			       p->family);
	return 0;
}

static double col_num(struct db_q *q, int col)
{
	const char *s = db_col_text(q, col);

	return s ? strtod(s, NULL) : 0;
}

int fmt_profile_load(struct db *db, const char *code, struct fmt_profile *ret, struct err *e)
{
	struct fmt_profile p;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_PROFILE_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "t", code);
	if (r >= 0)
		r = db_step(q);
	if (r == 0)
		r = err_set(e, ERR_NOTFOUND,
			    "không có khổ trình bày '%s' (có: party-2018, "
			    "party-2026, state-2020)",
			    code);
	else if (r < 0)
		r = db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (r < 0) {
		db_done(q);
		return r;
	}
	memset(&p, 0, sizeof(p));
	copy_str(p.code, sizeof(p.code), db_col_text(q, 0));
	copy_str(p.family, sizeof(p.family), db_col_text(q, 1));
	copy_str(p.font, sizeof(p.font), db_col_text(q, 2));
	p.header_pt = col_num(q, 3);
	p.motto_pt = col_num(q, 4);
	p.type_pt = col_num(q, 5);
	p.summary_pt = col_num(q, 6);
	p.body_pt = col_num(q, 7);
	p.recipients_pt = col_num(q, 8);
	p.sign_pt = col_num(q, 9);
	p.margin_top = col_num(q, 10);
	p.margin_bottom = col_num(q, 11);
	p.margin_left = col_num(q, 12);
	p.margin_right = col_num(q, 13);
	p.indent_mm = col_num(q, 14);
	p.line_spacing = col_num(q, 15);
	p.para_space_pt = col_num(q, 16);
	p.page_numbers = db_col_int(q, 17) != 0;
	copy_str(p.sign_forms, sizeof(p.sign_forms), db_col_text(q, 18));
	db_done(q);
	*ret = p;
	return 0;
}

static int fmt_profile_set_tx(struct db *db, const char *code, const char *field, double value,
			      struct err *e)
{
	static const struct {
		const char *name;
		enum db_stmt stmt;
		size_t off;
	} fields[] = {
	    {"header_pt", SQL_PROFILE_SET_HEADER_PT, offsetof(struct fmt_profile, header_pt)},
	    {"body_pt", SQL_PROFILE_SET_BODY_PT, offsetof(struct fmt_profile, body_pt)},
	    {"margin_top", SQL_PROFILE_SET_MARGIN_TOP, offsetof(struct fmt_profile, margin_top)},
	    {"margin_bottom", SQL_PROFILE_SET_MARGIN_BOTTOM,
	     offsetof(struct fmt_profile, margin_bottom)},
	    {"margin_left", SQL_PROFILE_SET_MARGIN_LEFT, offsetof(struct fmt_profile, margin_left)},
	    {"margin_right", SQL_PROFILE_SET_MARGIN_RIGHT,
	     offsetof(struct fmt_profile, margin_right)},
	};
	struct fmt_profile p;
	char num[64];
	int r;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(fields[i].name, field) != 0)
			continue;
		r = fmt_profile_load(db, code, &p, e);
		if (r < 0)
			return r;
		*(double *)((char *)&p + fields[i].off) = value;
		r = fmt_profile_check(&p, e);
		if (r < 0)
			return r;
		snprintf(num, sizeof(num), "%.3f", value);
		r = db_exec(db, fields[i].stmt, "tt", num, code);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		return 0;
	}
	return err_set(e, ERR_INVAL,
		       "không có thông số '%s' (có: header_pt, body_pt, margin_top, "
		       "margin_bottom, margin_left, margin_right)",
		       field);
}

int fmt_profile_set(struct db *db, const char *code, const char *field, double value, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, fmt_profile_set_tx(db, code, field, value, e), e);
}

bool fmt_authority_ok(const char *forms, const char *form)
{
	size_t n = strlen(form);

	for (const char *p = forms; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && n > 0 && strncmp(p, form, n) == 0)
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}
