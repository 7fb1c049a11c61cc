/* ind_io.c: indicator values in and out: CSV import, DHIS2 dataValueSets import and export. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/indicators/indicator.h"
#include "db/db.h"
#include "util/arena.h"
#include "vn/text.h"

#define IND_MAX_ERRORS 200

enum col { C_IND, C_BODY, C_PERIOD, C_KIND, C_BASELINE, C_ESTIMATE, C_VALUE, C_N };
static const char *const col_names[C_N] = {"indicator", "body",	    "period", "kind",
					   "baseline",	"estimate", "value"};

/* One parsed record: fields point into a scratch buffer. */
struct rec {
	char *f[32];
	int n;
};

/*
 * Reads one CSV record from s[*pos..len) into scratch (RFC 4180: quoted
 * fields may hold commas, quotes doubled and line breaks). *line advances by
 * the lines consumed. 0 at the end of input, 1 for a record, negative on a
 * malformed record.
 */
static int csv_next(const char *s, size_t len, size_t *pos, int *line, struct buf *scratch,
		    struct rec *rec)
{
	size_t i = *pos;
	size_t starts[32];
	int n = 0;

	if (i >= len)
		return 0;
	buf_reset(scratch);
	for (;;) {
		bool quoted = false;

		if (n == 32)
			return ERR_TOOBIG;
		starts[n++] = scratch->len;
		if (i < len && s[i] == '"') {
			quoted = true;
			i++;
			for (;;) {
				if (i >= len)
					return ERR_INVAL;
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						buf_putc(scratch, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (s[i] == '\n')
					(*line)++;
				buf_putc(scratch, s[i++]);
			}
		}
		while (i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
			if (quoted)
				return ERR_INVAL;
			buf_putc(scratch, s[i++]);
		}
		if (buf_putc(scratch, '\0') < 0)
			return ERR_TOOBIG;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		break;
	}
	(*line)++;
	*pos = i;
	for (int k = 0; k < n; k++)
		rec->f[k] = scratch->data + starts[k];
	rec->n = n;
	return 1;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

static void add_error(struct buf *errors, int *nerr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_error(struct buf *errors, int *nerr, const char *fmt, ...)
{
	va_list ap;

	(*nerr)++;
	if (*nerr > IND_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	buf_vprintf(errors, fmt, ap);
	va_end(ap);
	buf_putc(errors, '\n');
}

/*
 * Validates one value and, when valid, stores it. Errors go to *errors with
 * the line (or entry) label.
 */
static int one_value(struct db *db, const char *where, const char *ind, const char *body,
		     const char *period, const char *kind, const char *baseline,
		     const char *estimate, const char *value, const char *source,
		     struct buf *errors, int *nerr)
{
	struct ind_value_in v = {.source = source};
	struct ind_period p;
	struct ind_def d;
	struct buf nfc = BUF_INIT(256);
	struct err e2 = {0};
	int bad = *nerr, r;

	if (ind_def_get(db, ind, &d, &e2) < 0)
		add_error(errors, nerr, "%s: chỉ tiêu '%s' không có trong danh mục", where, ind);
	if (ind_body_find(db, body, &v.body_id, &e2) < 0)
		add_error(errors, nerr, "%s: %s", where, e2.msg);
	if (ind_period_parse(period, &p, &e2) < 0)
		add_error(errors, nerr, "%s: kỳ '%s' không hợp lệ (ví dụ 2023-T09, 2023-Q3, 2023)",
			  where, period);
	if (strcasecmp(kind, "actual") == 0 || strcmp(kind, "thực hiện") == 0) {
		v.kind = IND_ACTUAL;
	} else if (strcasecmp(kind, "plan") == 0 || strcmp(kind, "kế hoạch") == 0) {
		v.kind = IND_PLAN;
		if (!*baseline)
			add_error(errors, nerr,
				  "%s: kế hoạch cần tên (cột baseline), ví dụ 'kế "
				  "hoạch' hoặc 'dự toán huyện giao'",
				  where);
	} else {
		add_error(errors, nerr, "%s: loại '%s' không hợp lệ (actual hoặc plan)", where,
			  kind);
	}
	if (!*estimate || strcmp(estimate, "0") == 0 || strcasecmp(estimate, "false") == 0)
		v.estimate = false;
	else if (strcmp(estimate, "1") == 0 || strcasecmp(estimate, "true") == 0 ||
		 strcmp(estimate, "ước") == 0)
		v.estimate = true;
	else
		add_error(errors, nerr, "%s: cột estimate '%s' không hợp lệ (1, 0 hoặc ước)", where,
			  estimate);
	if (vn_dec_parse_plain(value, strlen(value), &v.value, &e2) < 0)
		add_error(errors, nerr,
			  "%s: số '%s' không hợp lệ (viết 1593.851: dấu chấm thập "
			  "phân, không phân cách hàng nghìn)",
			  where, value);
	if (*nerr != bad)
		return 0;
	r = vn_nfc(baseline, strlen(baseline), &nfc, &e2);
	if (r < 0) {
		add_error(errors, nerr, "%s: tên kế hoạch không phải UTF-8 hợp lệ", where);
		buf_free(&nfc);
		return 0;
	}
	v.ind_code = d.code;
	v.period_code = period;
	v.baseline = buf_str(&nfc);
	r = ind_value_set(db, &v, &e2);
	buf_free(&nfc);
	if (r == ERR_INVAL || r == ERR_NOTFOUND) {
		add_error(errors, nerr, "%s: %s", where, e2.msg);
		return 0;
	}
	return r;
}

static int finish(struct db *db, int r, int nerr, struct buf *errors, struct err *e)
{
	bool refused = r == 0 && nerr > 0;

	r = db_end(db, refused ? ERR_INVAL : db_err(db, e, r, "nhập số liệu thất bại"), e);
	if (!refused)
		return r;
	if (nerr > IND_MAX_ERRORS)
		buf_printf(errors, "… và %d lỗi khác\n", nerr - IND_MAX_ERRORS);
	return err_set(e, ERR_INVAL, "%d lỗi; không nhập số liệu nào", nerr);
}

int ind_import_csv(struct db *db, const char *data, size_t len, const char *source, size_t *ret_n,
		   struct buf *errors, struct err *e)
{
	struct buf scratch = BUF_INIT(1 << 16);
	struct rec rec;
	int idx[C_N];
	size_t pos = 0, n = 0;
	int line = 0, nerr = 0, r;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* spreadsheets write a BOM */
	r = csv_next(data, len, &pos, &line, &scratch, &rec);
	if (r <= 0) {
		buf_free(&scratch);
		return err_set(e, ERR_INVAL,
			       "dòng 1: thiếu dòng tiêu đề (indicator,body,period,"
			       "kind,baseline,estimate,value)");
	}
	for (int c = 0; c < C_N; c++) {
		idx[c] = -1;
		for (int k = 0; k < rec.n; k++)
			if (strcasecmp(trim(rec.f[k]), col_names[c]) == 0)
				idx[c] = k;
	}
	for (int c = 0; c < C_N; c++) {
		if (idx[c] < 0 && c != C_BASELINE && c != C_ESTIMATE)
			add_error(errors, &nerr, "dòng 1: thiếu cột '%s'", col_names[c]);
	}
	if (nerr) {
		buf_free(&scratch);
		return err_set(e, ERR_INVAL, "%d lỗi; không nhập số liệu nào", nerr);
	}
	r = db_begin_e(db, e);
	if (r < 0) {
		buf_free(&scratch);
		return r;
	}
	for (;;) {
		int start = line + 1;
		char where[32];
		const char *f[C_N];

		r = csv_next(data, len, &pos, &line, &scratch, &rec);
		if (r == 0)
			break;
		snprintf(where, sizeof(where), "dòng %d", start);
		if (r < 0) {
			add_error(errors, &nerr,
				  "%s: dòng CSV hỏng (dấu nháy không khớp hoặc quá "
				  "nhiều cột)",
				  where);
			r = 0;
			break;
		}
		if (rec.n == 1 && !*trim(rec.f[0]))
			continue; /* blank line */
		for (int c = 0; c < C_N; c++)
			f[c] = idx[c] >= 0 && idx[c] < rec.n ? trim(rec.f[idx[c]]) : "";
		r = one_value(db, where, f[C_IND], f[C_BODY], f[C_PERIOD], f[C_KIND], f[C_BASELINE],
			      f[C_ESTIMATE], f[C_VALUE], source, errors, &nerr);
		if (r < 0)
			break;
		n++;
	}
	buf_free(&scratch);
	r = finish(db, r, nerr, errors, e);
	if (r == 0)
		*ret_n = n;
	return r;
}

/*
 * DHIS2 periods: 2023 (Yearly), 2023S1 (SixMonthly), 2023Q3 (Quarterly), 202309
 * (Monthly). A cumulative span from January (2023-T09, "9 tháng đầu năm") has
 * no DHIS2 type: it goes out as the month it ends in, and its combo says
 * cumulative (actual_cumulative …), so that it does not meet the month's own
 * value. Ours (2023-M09 …) are read too.
 */
#define DVS_CUMULATIVE "_cumulative"

static void dvs_period_in(const char *s, bool cumulative, char out[static 16])
{
	size_t n = strlen(s);

	if (n == 6 && (s[4] == 'S' || s[4] == 's'))
		snprintf(out, 16, "%.4s-H%c", s, s[5]);
	else if (n == 6 && (s[4] == 'Q' || s[4] == 'q'))
		snprintf(out, 16, "%.4s-Q%c", s, s[5]);
	else if (n == 6 && strspn(s, "0123456789") == 6)
		snprintf(out, 16, "%.4s-%c%.2s", s, cumulative ? 'T' : 'M', s + 4);
	else
		snprintf(out, 16, "%s", s);
}

/* The DHIS2 period of a canonical code; *ret_cumulative for a span from January. */
static int dvs_period_out(const char *code, char out[static 16], bool *ret_cumulative)
{
	struct ind_period p;

	*ret_cumulative = false;
	if (ind_period_parse(code, &p, NULL) < 0)
		return ERR_INVAL;
	if (p.from_month == 1 && p.to_month == 12)
		snprintf(out, 16, "%d", p.year);
	else if (p.to_month - p.from_month == 5 && (p.from_month == 1 || p.from_month == 7))
		snprintf(out, 16, "%dS%d", p.year, p.from_month == 1 ? 1 : 2);
	else if (p.to_month - p.from_month == 2 && p.from_month % 3 == 1)
		snprintf(out, 16, "%dQ%d", p.year, (p.from_month + 2) / 3);
	else if (p.from_month == p.to_month)
		snprintf(out, 16, "%d%02d", p.year, p.to_month);
	else if (p.from_month == 1) {
		snprintf(out, 16, "%d%02d", p.year, p.to_month);
		*ret_cumulative = true;
	} else
		return ERR_INVAL;
	return 0;
}

/* A body's DHIS2 organisation unit: its dhis2_code, else its symbol code. */
struct dvs_org {
	int64_t id;
	const char *name, *code;
	int64_t clashes; /* other bodies under the same code */
};

static int dvs_orgs(struct db *db, struct arena *a, struct dvs_org **ret, size_t *ret_n)
{
	struct dvs_org *v = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_IND_DHIS2_ORGUNITS, &q);
	while (r == 0 && (r = db_step(q)) == 1) {
		r = 0;
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		v[n].id = db_col_int(q, 0);
		v[n].name = db_col_strdup(q, 1, a);
		v[n].code = db_col_strdup(q, 2, a);
		v[n].clashes = db_col_int(q, 3);
		if (!v[n].name || !v[n].code) {
			r = ERR_NOMEM;
			break;
		}
		n++;
	}
	db_done(q);
	if (r < 0)
		return r;
	*ret = v;
	*ret_n = n;
	return 0;
}

int ind_export_dvs(struct db *db, const char *period_code, struct buf *out, struct err *e)
{
	json_t *root = json_object(), *vals = json_array();
	struct arena *a = arena_new(1u << 20);
	struct dvs_org *orgs = NULL;
	struct db_q *q = NULL;
	size_t norgs = 0;
	char *text;
	int r;

	if (!root || !vals || !a) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto fail;
	}
	json_object_set_new(root, "dataValues", vals);
	r = dvs_orgs(db, a, &orgs, &norgs);
	if (r < 0) {
		r = db_err(db, e, r, "không đọc được danh sách đơn vị");
		goto fail;
	}
	r = db_prepare(db, SQL_IND_VALUES_ALL, &q);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct vn_dec d = {db_col_int(q, 6), (int)db_col_int(q, 7)};
		struct buf num = BUF_INIT(64);
		const char *kind = db_col_text(q, 3), *combo;
		const struct dvs_org *org = NULL;
		int64_t body = db_col_int(q, 1);
		char per[16], cc[32];
		bool cumulative;
		json_t *v;

		r = 0;
		if (period_code && strcmp(period_code, db_col_text(q, 2)) != 0)
			continue;
		for (size_t k = 0; k < norgs && !org; k++)
			if (orgs[k].id == body)
				org = &orgs[k];
		if (!org || org->clashes) {
			db_done(q);
			r = err_set(
			    e, ERR_INVAL,
			    "không xuất được số liệu của %s (đơn vị số %lld): ký hiệu '%s' "
			    "trùng với %lld đơn vị khác, DHIS2 không phân biệt được; đặt mã "
			    "DHIS2 riêng: dondoc indicators orgunit %lld MÃ",
			    org ? org->name : "?", (long long)body, org ? org->code : "",
			    (long long)(org ? org->clashes : 0), (long long)body);
			goto fail;
		}
		if (dvs_period_out(db_col_text(q, 2), per, &cumulative) < 0) {
			db_done(q);
			r = err_set(e, ERR_INVAL, "kỳ '%s' không có dạng kỳ DHIS2",
				    db_col_text(q, 2));
			goto fail;
		}
		combo = strcmp(kind, "plan") == 0 ? "plan"
			: db_col_int(q, 5)	  ? "estimate"
						  : "actual";
		snprintf(cc, sizeof(cc), "%s%s", combo, cumulative ? DVS_CUMULATIVE : "");
		vn_dec_format_plain(d, &num);
		v = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "dataElement", db_col_text(q, 0),
			      "period", per, "orgUnit", org->code, "categoryOptionCombo", cc,
			      "attributeOptionCombo",
			      strcmp(kind, "plan") == 0 ? db_col_text(q, 4) : "default", "value",
			      buf_str(&num));
		buf_free(&num);
		if (!v || json_array_append_new(vals, v) < 0)
			r = ERR_NOMEM;
	}
	db_done(q);
	if (r < 0) {
		r = db_err(db, e, r, "không đọc được số liệu");
		goto fail;
	}
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	arena_free(a);
	if (!text)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = buf_puts(out, text);
	free(text);
	buf_putc(out, '\n');
	return r < 0 ? err_set(e, r, "kết quả quá lớn") : 0;
fail:
	json_decref(root);
	arena_free(a);
	return r;
}

int ind_body_set_dhis2(struct db *db, int64_t body_id, const char *code, struct err *e)
{
	int64_t n = 0;
	size_t len = code ? strlen(code) : 0;
	int r;

	if (code && (len == 0 || len > 50 || strspn(code, "0123456789") == len))
		return err_set(e, ERR_INVAL,
			       "mã DHIS2 '%s' không hợp lệ: 1–50 ký tự, không chỉ gồm chữ số",
			       code);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)code[i] <= 0x20 || code[i] == 0x7f)
			return err_set(e, ERR_INVAL,
				       "mã DHIS2 '%s' không hợp lệ: có dấu cách hoặc ký tự điều "
				       "khiển ở vị trí %zu",
				       code, i + 1);
	r = db_query_int(db, SQL_IND_BODY_EXISTS, &n, "i", body_id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (n == 0)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị số %lld", (long long)body_id);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_IND_DHIS2_SET, code ? "it" : "in", body_id, code);
	if (r == ERR_EXISTS)
		r = err_set(e, r, "mã DHIS2 '%s' đã dùng cho đơn vị khác", code);
	else if (r < 0)
		r = db_err(db, e, r, "không ghi được mã DHIS2");
	return db_end(db, r, e);
}

/* A dataValueSets orgUnit as ind_body_find reads it: a body's DHIS2 code becomes its id. */
static const char *dvs_org_in(struct db *db, const char *ou, char out[static 24])
{
	int64_t id = 0;

	if (db_query_int(db, SQL_IND_DHIS2_FIND, &id, "t", ou) == 0 && id > 0) {
		snprintf(out, 24, "%lld", (long long)id);
		return out;
	}
	return ou;
}

int ind_import_dvs(struct db *db, const char *data, size_t len, const char *source, size_t *ret_n,
		   struct buf *errors, struct err *e)
{
	json_error_t jerr;
	json_t *root, *vals, *v;
	size_t i, n = 0;
	int nerr = 0, r = 0;

	root = json_loadb(data, len, 0, &jerr);
	if (!root)
		return err_set(e, ERR_INVAL, "JSON hỏng ở dòng %d, cột %d: %s", jerr.line,
			       jerr.column, jerr.text);
	vals = json_object_get(root, "dataValues");
	if (!json_is_array(vals)) {
		json_decref(root);
		return err_set(e, ERR_INVAL, "thiếu mảng 'dataValues' (định dạng dataValueSets)");
	}
	r = db_begin_e(db, e);
	if (r < 0) {
		json_decref(root);
		return r;
	}
	json_array_foreach(vals, i, v)
	{
		const char *de = json_string_value(json_object_get(v, "dataElement"));
		const char *pe = json_string_value(json_object_get(v, "period"));
		const char *ou = json_string_value(json_object_get(v, "orgUnit"));
		const char *coc = json_string_value(json_object_get(v, "categoryOptionCombo"));
		const char *aoc = json_string_value(json_object_get(v, "attributeOptionCombo"));
		const char *val = json_string_value(json_object_get(v, "value"));
		char where[48], per[16], org[24], kind[32] = "";
		size_t kl;
		bool plan, cumulative = false;

		snprintf(where, sizeof(where), "giá trị thứ %zu", i + 1);
		if (!de || !pe || !ou || !val) {
			add_error(errors, &nerr,
				  "%s: cần dataElement, period, orgUnit và value "
				  "dạng chuỗi",
				  where);
			continue;
		}
		/* actual, estimate, plan; with _cumulative for a span from January */
		snprintf(kind, sizeof(kind), "%s", coc ? coc : "");
		kl = strlen(kind);
		if (kl > strlen(DVS_CUMULATIVE) &&
		    strcmp(kind + kl - strlen(DVS_CUMULATIVE), DVS_CUMULATIVE) == 0) {
			cumulative = true;
			kind[kl - strlen(DVS_CUMULATIVE)] = '\0';
		}
		plan = strcmp(kind, "plan") == 0;
		dvs_period_in(pe, cumulative, per);
		r = one_value(db, where, de, dvs_org_in(db, ou, org), per, plan ? "plan" : "actual",
			      plan && aoc ? aoc : "", strcmp(kind, "estimate") == 0 ? "1" : "0",
			      val, source, errors, &nerr);
		if (r < 0)
			break;
		n++;
	}
	json_decref(root);
	r = finish(db, r, nerr, errors, e);
	if (r == 0)
		*ret_n = n;
	return r;
}
