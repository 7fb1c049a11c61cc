/* cli_indicators.c: 'dondoc indicators …': report, check, import, export, phrase. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/indicator.h"
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

static int report_json(struct cli *c, struct db *db, const struct ind_report *r)
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
		buf_free(&ph);
		json_array_append_new(figs, o);
	}
	snprintf(met, sizeof(met), "%d/%d", r->n_plan_met, r->n_with_plan);
	return cli_json(c, json_pack("{s:{s:I, s:s}, s:s, s:s, s:s, s:o}", "body", "id",
				     (json_int_t)r->body_id, "name", r->body_name, "period",
				     r->period, "period_label", r->period_label, "plan_met", met,
				     "figures", figs));
}

static void report_text(struct cli *c, struct db *db, const struct ind_report *r)
{
	fprintf(c->out, "%s — %s\n", r->body_name, r->period_label);
	for (size_t i = 0; i < r->n; i++) {
		struct buf ph = BUF_INIT(2048);
		struct err e2 = {0};

		if (ind_phrase(db, &r->rows[i].f, NULL, &ph, &e2) < 0)
			buf_puts(&ph, e2.msg);
		fprintf(c->out, "  %s: %s\n", r->rows[i].f.name, buf_str(&ph));
		buf_free(&ph);
	}
	if (r->n_with_plan)
		fprintf(c->out, "%d/%d chỉ tiêu đạt kế hoạch\n", r->n_plan_met, r->n_with_plan);
}

int cli_ind_report(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},
	    {"period", required_argument, NULL, 'p'},
	    {"csv", no_argument, NULL, 'c'},
	    {"xlsx", required_argument, NULL, 'x'},
	    {NULL, 0, NULL, 0},
	};
	const char *body = NULL, *period = NULL, *xlsx = NULL;
	struct ind_report rep = {0};
	int64_t body_id = 0;
	bool csv = false;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			body = optarg;
			break;
		case 'p':
			period = optarg;
			break;
		case 'c':
			csv = true;
			break;
		case 'x':
			xlsx = optarg;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!body != !period)
		return cli_usage(c, "cần cả --body và --period, hoặc bỏ cả hai");
	if (csv + (xlsx != NULL) + c->json > 1)
		return cli_usage(c, "chỉ chọn một trong --json, --csv, --xlsx");
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
	if (c->json) {
		r = report_json(c, db, &rep);
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
		report_text(c, db, &rep);
	}
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

int cli_ind_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},
	    {"period", required_argument, NULL, 'p'},
	    {"claim", required_argument, NULL, 'k'},
	    {NULL, 0, NULL, 0},
	};
	const char *body = NULL, *period = NULL;
	const char *claims[64];
	struct ind_findings fs = {0};
	int nclaims = 0, ch, r;
	int64_t body_id = 0;
	struct db *db;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			body = optarg;
			break;
		case 'p':
			period = optarg;
			break;
		case 'k':
			if (nclaims == 64)
				return cli_usage(c, "quá nhiều --claim");
			claims[nclaims++] = optarg;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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

int cli_ind_import(struct cli *c, int argc, char **argv)
{
	struct buf data = BUF_INIT(IND_MAX_FILE), errors = BUF_INIT(1u << 20);
	const char *p;
	struct db *db;
	size_t n = 0;
	int r;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage(c, "cần đúng một tệp CSV hoặc JSON (dataValueSets)");
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = read_file(c, argv[1], &data);
	if (r < 0)
		goto out;
	p = buf_str(&data);
	p += strspn(p, " \t\r\n");
	if (*p == '{')
		r = ind_import_dvs(db, data.data, data.len, argv[1], &n, &errors, &c->err);
	else
		r = ind_import_csv(db, data.data ? data.data : "", data.len, argv[1], &n, &errors,
				   &c->err);
	if (errors.len)
		fprintf(stderr, "%s: \n%s", argv[1], buf_str(&errors));
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c,
			     json_pack("{s:s, s:I}", "file", argv[1], "imported", (json_int_t)n));
	else
		fprintf(c->out, "%s: đã nhập %zu giá trị\n", argv[1], n);
out:
	buf_free(&data);
	buf_free(&errors);
	return r;
}

int cli_ind_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"period", required_argument, NULL, 'p'},
	    {NULL, 0, NULL, 0},
	};
	struct buf out = BUF_INIT(256u << 20);
	const char *period = NULL;
	char code[16];
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'p')
			return cli_usage(c, "tùy chọn không hợp lệ");
		period = optarg;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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

int cli_ind_phrase(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},
	    {"period", required_argument, NULL, 'p'},
	    {"plan", required_argument, NULL, 'k'},
	    {"template", required_argument, NULL, 't'},
	    {NULL, 0, NULL, 0},
	};
	const char *body = NULL, *period = NULL, *plan = NULL, *tmpl = NULL;
	struct buf out = BUF_INIT(4096);
	struct ind_report rep = {0};
	struct ind_figure f;
	int64_t body_id = 0;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			body = optarg;
			break;
		case 'p':
			period = optarg;
			break;
		case 'k':
			plan = optarg;
			break;
		case 't':
			tmpl = optarg;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind + 1 != argc)
		return cli_usage(c, "cần đúng một mã chỉ tiêu");
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
	r = ind_figure_get(db, body_id, period ? period : rep.period, argv[optind], plan, &f,
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
