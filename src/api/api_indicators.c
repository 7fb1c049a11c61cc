/* api_indicators.c: the indicator catalogue and a body's figures for a period, as JSON. */
#include <stdlib.h>

#include "api/api.h"
#include "core/indicators/indicator.h"
#include "pages/pages.h"
#include "render/entity.h"
#include "vn/num.h"

const struct http_field api_indicator_fields[] = {
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {"period", HF_TEXT, false, 15, NULL, "Kỳ (period, ví dụ 2023-T09)"},
    {"rollup", HF_ENUM, false, 0, "1", "Tổng hợp từ cấp dưới (rollup)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A decimal in its machine form ("1593.851"): exact, as a string. */
static json_t *jdec(struct vn_dec d)
{
	struct buf b = BUF_INIT(64);
	json_t *j = vn_dec_format_plain(d, &b) == 0 ? json_string(buf_str(&b)) : json_null();

	buf_free(&b);
	return j;
}

int api_indicators(struct http_req *r)
{
	struct ind_def *defs = NULL;
	size_t n = 0;
	json_t *data;
	int rc;

	rc = ind_def_list(r->db, &defs, &n, &r->err);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data,
				      json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
						(json_int_t)defs[i].id, "type", "indicator", "code",
						defs[i].code, "name", defs[i].name, "unit",
						defs[i].unit, "parent", defs[i].parent,
						"default_plan", defs[i].default_plan));
	free(defs);
	return api_send(r, json_pack("{s:o, s:{s:i}, s:{}}", "data", data, "pagination", "count",
				     (int)n, "links"));
}

/*
 * GET /api/v1/indicator-values?body=&period=[&rollup=1]: the report's figures;
 * with rollup=1 each has its roll-up from the lower bodies (ent_ind_rollup_json).
 */
int api_indicator_values(struct http_req *r)
{
	struct ind_report_rollup ru = {0};
	struct ind_report rep;
	json_t *data;
	int rc;

	rc = page_ind_report(r, &rep);
	if (rc < 0)
		return rc;
	if (http_arg(r, "rollup") && (rc = ind_report_rollup(r->db, &rep, &ru, &r->err)) < 0) {
		ind_report_free(&rep);
		return rc;
	}
	data = json_array();
	for (size_t i = 0; i < rep.n; i++) {
		const struct ind_row *row = &rep.rows[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:b}", "indicator", row->d.code, "name",
				      row->d.name, "unit", row->d.unit, "value", jdec(row->f.value),
				      "estimate", row->f.estimate);

		if (row->f.has_plan) {
			json_object_set_new(o, "plan", jdec(row->f.plan));
			json_object_set_new(o, "plan_name", json_string(row->f.plan_name));
		}
		if (row->has_pct_plan)
			json_object_set_new(o, "pct_of_plan", jdec(row->pct_plan));
		if (row->f.has_same)
			json_object_set_new(o, "same_period", jdec(row->f.same));
		if (row->has_growth)
			json_object_set_new(o, "growth_pct", jdec(row->growth));
		if (ru.fig)
			json_object_set_new(o, "rollup", ent_ind_rollup_json(&ru, i));
		json_array_append_new(data, o);
	}
	rc = api_send(r, json_pack("{s:I, s:s, s:s, s:s, s:o}", "body", (json_int_t)rep.body_id,
				   "body_name", rep.body_name, "period", rep.period, "period_label",
				   rep.period_label, "data", data));
	ind_report_rollup_free(&ru);
	ind_report_free(&rep);
	return rc;
}
