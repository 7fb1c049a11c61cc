/* cli_indicators.c: 'dondoc indicators …': report, check, import, export, phrase. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/indicators/indicator.h"
#include "render/entity.h"
#include "render/ind_table.h"

#define IND_MAX_FILE (64u << 20)

static json_t *jdec(bool has, struct vn_dec d)
{
	struct buf b = BUF_INIT(64);
	json_t *j;

	if (!has)
		return json_null();
	if (vn_dec_format_plain(d, &b) < 0) {
		buf_free(&b);
		return json_null();
	}
	j = json_string(buf_str(&b));
	buf_free(&b);
	return j;
}

static json_t *jvn(bool has, struct vn_dec d)
{
	struct buf b = BUF_INIT(64);
	json_t *j;

	if (!has)
		return json_null();
	if (vn_dec_format(d, 0, &b) < 0) {
		buf_free(&b);
		return json_null();
	}
	j = json_string(buf_str(&b));
	buf_free(&b);
	return j;
}

static int report_json(struct cli *c, struct db *db, const struct ind_report *r,
		       const struct ind_report_rollup *ru)
{
	json_t *figs = json_array();
	char met[32];

	for (size_t i = 0; i < r->n; i++) {
		const struct ind_row *row = &r->rows[i];
		struct buf ph = BUF_INIT(2048);
		struct err e2 = {0};
		json_t *o;

		if (ind_phrase(db, &row->f, NULL, &ph, &e2) < 0)
			buf_reset(&ph);
		o = json_object();
		json_object_set_new(o, "id", json_string(row->f.code));
		json_object_set_new(o, "name", json_string(row->f.name));
		json_object_set_new(o, "unit", json_string(row->f.unit));
		if (row->d.parent[0])
			json_object_set_new(o, "parent", json_string(row->d.parent));
		json_object_set_new(o, "value", jdec(true, row->f.value));
		json_object_set_new(o, "value_text", jvn(true, row->f.value));
		json_object_set_new(o, "estimate", json_boolean(row->f.estimate));
		json_object_set_new(o, "plan_kind",
				    row->f.has_plan ? json_string(row->f.plan_name) : json_null());
		json_object_set_new(o, "plan", jdec(row->f.has_plan, row->f.plan));
		json_object_set_new(o, "pct_of_plan", jdec(row->has_pct_plan, row->pct_plan));
		json_object_set_new(o, "same_period", jdec(row->f.has_same, row->f.same));
		json_object_set_new(o, "pct_of_same_period",
				    jdec(row->has_pct_same, row->pct_same));
		json_object_set_new(o, "growth_pct", jdec(row->has_growth, row->growth));
		json_object_set_new(o, "growth_abs", jdec(row->has_growth, row->growth_abs));
		json_object_set_new(o, "phrase", json_string(buf_str(&ph)));
		if (ru)
			json_object_set_new(o, "rollup", ent_ind_rollup_json(ru, i));
		buf_free(&ph);
		json_array_append_new(figs, o);
	}
	snprintf(met, sizeof(met), "%d/%d", r->n_plan_met, r->n_with_plan);
	return cli_json(c, json_pack("{s:{s:I, s:s}, s:s, s:s, s:s, s:o}", "body", "id",
				     (json_int_t)r->body_id, "name", r->body_name, "period",
				     r->period, "period_label", r->period_label, "plan_met", met,
				     "figures", figs));
}

static void report_text(struct cli *c, struct db *db, const struct ind_report *r,
			const struct ind_report_rollup *ru)
{
	fprintf(c->out, "%s — %s\n", r->body_name, r->period_label);
	for (size_t i = 0; i < r->n; i++) {
		struct buf ph = BUF_INIT(2048);
		struct err e2 = {0};

		if (ind_phrase(db, &r->rows[i].f, NULL, &ph, &e2) < 0)
			buf_puts(&ph, e2.msg);
		fprintf(c->out, "  %s: %s\n", r->rows[i].f.name, buf_str(&ph));
		buf_free(&ph);
		if (ru) {
			const struct ind_rollup_fig *f = &ru->fig[i];
			struct buf v = BUF_INIT(64);

			if (!f->has_value || vn_dec_format(f->value, 0, &v) < 0) {
				buf_reset(&v);
				buf_puts(&v, "—");
			} else {
				buf_printf(&v, " %s", r->rows[i].f.unit);
			}
			fprintf(c->out, "    cấp dưới: %s; %d/%d đã báo cáo", buf_str(&v),
				f->reported, f->expected);
			for (size_t k = 0, n = 0; k < ru->n_lower; k++)
				if (!ru->reported[i * ru->n_lower + k])
					fprintf(c->out, "%s%s",
						n++ ? ", " : "; chưa báo cáo: ", ru->lower[k].name);
			fputc('\n', c->out);
			buf_free(&v);
		}
	}
	if (r->n_with_plan)
		fprintf(c->out, "%d/%d chỉ tiêu đạt kế hoạch\n", r->n_plan_met, r->n_with_plan);
}

const struct cli_spec cli_ind_report_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "B", "cơ quan"},
					{"period", CLI_TEXT, 0, "P",
					 "kỳ (ví dụ 2023, 6T/2023, Q3/2023)"},
					{"csv", CLI_FLAG, 0, NULL, "in dạng CSV"},
					{"xlsx", CLI_TEXT, 0, "FILE", "ghi bảng tính XLSX"},
					{"rollup", CLI_FLAG, 0, NULL,
					 "kèm số tổng hợp từ cấp dưới: tổng, số đã báo cáo, nơi "
					 "chưa báo cáo"},
					{NULL}},
    .note = "--body và --period đi cùng nhau (không có: kỳ mới nhất của cơ quan cấp cao "
	    "nhất); chỉ một trong --json, --csv, --xlsx; --rollup với --json hoặc dạng chữ.",
};

int cli_ind_report(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body"), *period = cli_opt(args, "period"),
		   *xlsx = cli_opt(args, "xlsx");
	struct ind_report rep = {0};
	int64_t body_id = 0;
	bool csv = cli_flag(args, "csv"), rollup = cli_flag(args, "rollup");
	struct ind_report_rollup ru = {0};
	struct db *db;
	int r;

	if (!body != !period)
		return cli_usage(c, "cần cả --body và --period, hoặc bỏ cả hai");
	if (csv + (xlsx != NULL) + c->json > 1)
		return cli_usage(c, "chỉ chọn một trong --json, --csv, --xlsx");
	if (rollup && (csv || xlsx))
		return cli_usage(c, "--rollup chỉ dùng với --json hoặc dạng chữ");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (body) {
		r = ind_body_find(db, body, &body_id, &c->err);
		if (r < 0)
			return r;
	}
	r = ind_report_build(db, body_id, period, &rep, &c->err);
	if (r < 0)
		return r;
	if (rollup && (r = ind_report_rollup(db, &rep, &ru, &c->err)) < 0) {
		ind_report_free(&rep);
		return r;
	}
	if (c->json) {
		r = report_json(c, db, &rep, rollup ? &ru : NULL);
	} else if (csv) {
		struct buf out = BUF_INIT(16u << 20);

		r = ind_table_csv(&rep, &out);
		if (r == 0)
			fputs(buf_str(&out), c->out);
		else
			err_set(&c->err, r, "bảng quá lớn");
		buf_free(&out);
	} else if (xlsx) {
		r = ind_table_xlsx(&rep, xlsx, &c->err);
	} else {
		report_text(c, db, &rep, rollup ? &ru : NULL);
	}
	ind_report_rollup_free(&ru);
	ind_report_free(&rep);
	return r;
}

/* --claim CODE:plan=68 : a percentage written in a text, checked against the data. */
static int claim(struct cli *c, struct db *db, int64_t body_id, const char *period, const char *arg,
		 struct ind_findings *out)
{
	const char *colon = strchr(arg, ':'), *eq = strchr(arg, '=');
	struct ind_figure f;
	struct vn_dec pct;
	char code[48], what[16];
	int r;

	if (!colon || !eq || eq < colon || (size_t)(colon - arg) >= sizeof(code) ||
	    (size_t)(eq - colon - 1) >= sizeof(what))
		return cli_usage(c, "--claim cần dạng MÃ:plan=68 (plan, same hoặc growth)");
	snprintf(code, sizeof(code), "%.*s", (int)(colon - arg), arg);
	snprintf(what, sizeof(what), "%.*s", (int)(eq - colon - 1), colon + 1);
	r = vn_pct_parse(eq + 1, strlen(eq + 1), &pct, &c->err);
	if (r < 0)
		return cli_usage(c, "--claim: tỷ lệ '%s' không hợp lệ", eq + 1);
	r = ind_figure_get(db, body_id, period, code, NULL, &f, &c->err);
	if (r < 0)
		return r;
	return ind_check_pct(&f, what, pct, out, &c->err);
}

const struct cli_spec cli_ind_check_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "B", "cơ quan"},
					{"period", CLI_TEXT, 0, "P", "kỳ"},
					{"claim", CLI_TEXT, CLI_MANY, "CODE:plan=PCT",
					 "con số trong văn bản cần đối chiếu"},
					{NULL}},
    .note = "--claim cần --body và --period.",
};

int cli_ind_check(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body"), *period = cli_opt(args, "period");
	const char *claims[64];
	struct ind_findings fs = {0};
	int nclaims, r;
	size_t ngiven = cli_opt_all(args, "claim", claims, 64);
	int64_t body_id = 0;
	struct db *db;

	if (ngiven > 64)
		return cli_usage(c, "quá nhiều --claim");
	nclaims = (int)ngiven;
	if (nclaims && (!body || !period))
		return cli_usage(c, "--claim cần --body và --period");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (body) {
		r = ind_body_find(db, body, &body_id, &c->err);
		if (r < 0)
			return r;
	}
	r = ind_check_all(db, &fs, &c->err);
	for (int i = 0; r == 0 && i < nclaims; i++)
		r = claim(c, db, body_id, period, claims[i], &fs);
	if (r < 0) {
		ind_findings_free(&fs);
		return r;
	}
	if (c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < fs.n; i++)
			json_array_append_new(
			    arr, json_pack("{s:s, s:s, s:s}", "severity",
					   fs.v[i].sev == IND_ERROR ? "error" : "warning", "rule",
					   fs.v[i].rule, "message", fs.v[i].msg));
		r = cli_json(c, json_pack("{s:i, s:i, s:o}", "errors", fs.n_errors, "warnings",
					  (int)fs.n - fs.n_errors, "findings", arr));
	} else {
		for (size_t i = 0; i < fs.n; i++)
			fprintf(c->out, "%s: %s\n", fs.v[i].sev == IND_ERROR ? "lỗi" : "cảnh báo",
				fs.v[i].msg);
		if (fs.n == 0)
			fprintf(c->out, "số liệu chỉ tiêu nhất quán\n");
	}
	if (r == 0 && fs.n_errors)
		r = err_set(&c->err, ERR_CHECK, "kiểm tra phát hiện %d lỗi trong số liệu chỉ tiêu",
			    fs.n_errors);
	ind_findings_free(&fs);
	return r;
}

static int read_file(struct cli *c, const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	int r;

	if (!f)
		return err_set(&c->err, ERR_IO, "%s: không mở được tệp", path);
	r = buf_read(out, f);
	fclose(f);
	if (r < 0)
		return err_set(&c->err, r, "%s: %s", path,
			       r == ERR_TOOBIG ? "tệp quá lớn" : "không đọc được tệp");
	return cli_text_check(c, path, out->data, out->len);
}

const struct cli_spec cli_ind_import_spec = {
    .pos =
	(const struct cli_posdef[]){
	    {"FILE", CLI_TEXT, CLI_REQ, "tệp CSV hoặc JSON (dataValueSets)"}, {NULL}},
};

int cli_ind_import(struct cli *c, const struct cli_args *args)
{
	struct buf data = BUF_INIT(IND_MAX_FILE), errors = BUF_INIT(1u << 20);
	const char *p, *file = cli_pos(args, 0);
	struct db *db;
	size_t n = 0;
	int r;

	if (strcmp(file, "-") == 0)
		return cli_usage(c, "cần đúng một tệp CSV hoặc JSON (dataValueSets)");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = read_file(c, file, &data);
	if (r < 0)
		goto out;
	p = buf_str(&data);
	p += strspn(p, " \t\r\n");
	if (*p == '{')
		r = ind_import_dvs(db, data.data, data.len, file, &n, &errors, &c->err);
	else
		r = ind_import_csv(db, data.data ? data.data : "", data.len, file, &n, &errors,
				   &c->err);
	if (errors.len)
		fprintf(stderr, "%s: \n%s", file, buf_str(&errors));
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:s, s:I}", "file", file, "imported", (json_int_t)n));
	else
		fprintf(c->out, "%s: đã nhập %zu giá trị\n", file, n);
out:
	buf_free(&data);
	buf_free(&errors);
	return r;
}

const struct cli_spec cli_ind_export_spec = {
    .opts = (const struct cli_optdef[]){{"period", CLI_TEXT, 0, "P", "kỳ"}, {NULL}},
};

int cli_ind_export(struct cli *c, const struct cli_args *args)
{
	struct buf out = BUF_INIT(256u << 20);
	const char *period = cli_opt(args, "period");
	char code[16];
	struct db *db;
	int r;

	if (period) {
		struct ind_period p;

		r = ind_period_parse(period, &p, &c->err);
		if (r < 0)
			return r;
		ind_period_code(p, code);
		period = code;
	}
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = ind_export_dvs(db, period, &out, &c->err);
	if (r == 0)
		fputs(buf_str(&out), c->out);
	buf_free(&out);
	return r;
}

const struct cli_spec cli_ind_orgunit_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"clear", CLI_FLAG, 0, NULL, "bỏ mã DHIS2: xuất theo ký hiệu của đơn vị"}, {NULL}},
    .pos = (const struct cli_posdef[]){{"BODY", CLI_TEXT, CLI_REQ, "đơn vị (mã, ký hiệu, tên)"},
				       {"CODE", CLI_TEXT, 0, "mã đơn vị tổ chức trong DHIS2"},
				       {NULL}},
    .note = "Cần CODE hoặc --clear. Không có mã DHIS2, 'indicators export' ghi ký hiệu của "
	    "đơn vị (HU).",
};

int cli_ind_orgunit(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_pos(args, 0), *code = cli_pos(args, 1);
	bool clear = cli_flag(args, "clear");
	int64_t body_id = 0;
	struct db *db;
	int r;

	if (!code == !clear)
		return cli_usage(c, "cần đúng một trong CODE và --clear");
	r = cli_db(c, &db);
	if (r == 0)
		r = ind_body_find(db, body, &body_id, &c->err);
	if (r == 0)
		r = ind_body_set_dhis2(db, body_id, clear ? NULL : code, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I, s:o}", "body", (json_int_t)body_id, "dhis2_code",
					  code && !clear ? json_string(code) : json_null()));
	else if (r == 0)
		fprintf(c->out, "đơn vị %lld: mã DHIS2 %s\n", (long long)body_id,
			clear ? "đã bỏ" : code);
	return r;
}

const struct cli_spec cli_ind_phrase_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "B", "cơ quan"},
					{"period", CLI_TEXT, 0, "P", "kỳ"},
					{"plan", CLI_TEXT, 0, "NAME", "kế hoạch so sánh"},
					{"template", CLI_TEXT, 0, "T", "mẫu câu"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"CODE", CLI_TEXT, CLI_REQ, "mã chỉ tiêu"}, {NULL}},
    .note = "--body và --period đi cùng nhau.",
};

int cli_ind_phrase(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body"), *period = cli_opt(args, "period"),
		   *plan = cli_opt(args, "plan"), *tmpl = cli_opt(args, "template");
	struct buf out = BUF_INIT(4096);
	struct ind_report rep = {0};
	struct ind_figure f;
	int64_t body_id = 0;
	struct db *db;
	int r;

	if (!body != !period)
		return cli_usage(c, "cần cả --body và --period, hoặc bỏ cả hai");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (body) {
		r = ind_body_find(db, body, &body_id, &c->err);
		if (r < 0)
			return r;
	} else {
		/* The same default as the report: latest period of the highest body. */
		r = ind_report_build(db, 0, NULL, &rep, &c->err);
		if (r < 0)
			return r;
		body_id = rep.body_id;
	}
	r = ind_figure_get(db, body_id, period ? period : rep.period, cli_pos(args, 0), plan, &f,
			   &c->err);
	ind_report_free(&rep);
	if (r == 0)
		r = ind_phrase(db, &f, tmpl, &out, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, json_pack("{s:s, s:s, s:s}", "id", f.code, "period",
						  f.period, "phrase", buf_str(&out)));
		else
			fprintf(c->out, "%s\n", buf_str(&out));
	}
	buf_free(&out);
	return r;
}
