/* api_ind_entry.c: writing a body's indicator values for a period through the JSON API. */
#include <string.h>

#include "api/api.h"
#include "core/indicators/ind_entry.h"
#include "core/indicators/indicator.h"

#define API_IND_MAX_VALUES 2000

const struct http_field api_ind_values_post_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan (body)"},
    {"period", HF_TEXT, true, 15, NULL, "Kỳ (period, ví dụ 2023-T09)"},
    {"values", HF_JSON, true, 512u << 10, NULL, "Danh sách giá trị (values)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Field name of the i-th entry, as the error body names it: "values[2]". */
static const char *entry_name(struct http_req *r, size_t i)
{
	const char *s = arena_printf(r->arena, "values[%zu]", i);

	return s ? s : "values";
}

/* Reads entry i of the array into v; records a field error and returns ERR_INVAL when malformed. */
static int entry_read(struct http_req *r, json_t *o, size_t i, struct ind_entry *v)
{
	json_t *ind = json_object_get(o, "indicator"), *val = json_object_get(o, "value"),
	       *est = json_object_get(o, "estimate");
	const char *key;
	json_t *x;

	if (!json_is_object(o))
		return http_field_error(r, entry_name(r, i),
					"phải là một đối tượng {\"indicator\": …, \"value\": …}");
	json_object_foreach(o, key, x)
	{
		if (strcmp(key, "indicator") != 0 && strcmp(key, "value") != 0 &&
		    strcmp(key, "estimate") != 0)
			return http_field_error(
			    r, entry_name(r, i),
			    arena_printf(
				r->arena,
				"trường '%s' không dùng được (chỉ indicator, value, estimate)",
				key));
	}
	if (!json_is_string(ind) || !*json_string_value(ind))
		return http_field_error(r, entry_name(r, i),
					"thiếu \"indicator\": mã chỉ tiêu trong danh mục, ví dụ "
					"\"industry\"");
	v->ind_code = arena_strdup(r->arena, json_string_value(ind));
	if (json_is_string(val)) {
		v->text = arena_strdup(r->arena, json_string_value(val));
	} else if (json_is_integer(val)) {
		v->text = arena_printf(r->arena, "%" JSON_INTEGER_FORMAT, json_integer_value(val));
	} else if (json_is_real(val)) {
		return http_field_error(
		    r, entry_name(r, i),
		    arena_printf(r->arena,
				 "chỉ tiêu '%s': \"value\" phải là chuỗi dạng máy như \"1593.851\" "
				 "(một số thực JSON không giữ đúng chữ số thập phân)",
				 v->ind_code));
	} else {
		return http_field_error(
		    r, entry_name(r, i),
		    arena_printf(r->arena,
				 "chỉ tiêu '%s': thiếu \"value\" (chuỗi như \"1593.851\")",
				 v->ind_code));
	}
	if (est && !json_is_boolean(est))
		return http_field_error(
		    r, entry_name(r, i),
		    arena_printf(r->arena, "chỉ tiêu '%s': \"estimate\" phải là true hoặc false",
				 v->ind_code));
	v->estimate = json_is_true(est);
	return v->ind_code && v->text ? 0 : ERR_NOMEM;
}

int api_ind_values_post(struct http_req *r)
{
	int64_t body = http_arg_int(r, "body", 0);
	const char *period = http_arg(r, "period"), *source;
	struct ind_entry *v = NULL;
	struct ind_period p;
	char code[16];
	size_t n, written = 0;
	json_t *arr, *list;
	int rc;

	if (!account_sees_body(r->db, &r->acct, body))
		return err_set(&r->err, ERR_NOTFOUND, "Không có cơ quan số %lld", (long long)body);
	rc = ind_period_parse(period, &p, &r->err);
	if (rc < 0)
		return http_field_error(r, "period", arena_strdup(r->arena, r->err.msg));
	ind_period_code(p, code);
	arr = json_loads(http_arg(r, "values"), 0, NULL);
	if (!json_is_array(arr)) {
		json_decref(arr);
		return http_field_error(r, "values",
					"phải là một mảng [{\"indicator\": …, "
					"\"value\": …}, …]");
	}
	n = json_array_size(arr);
	if (n == 0 || n > API_IND_MAX_VALUES) {
		json_decref(arr);
		return http_field_error(
		    r, "values",
		    arena_printf(r->arena, "cần từ 1 đến %d giá trị", API_IND_MAX_VALUES));
	}
	v = arena_alloc(r->arena, n * sizeof(*v));
	source = arena_printf(r->arena, "api:%s", r->acct.login);
	if (!v || !source) {
		json_decref(arr);
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	memset(v, 0, n * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		rc = entry_read(r, json_array_get(arr, i), i, &v[i]);
		if (rc == ERR_NOMEM)
			break;
	}
	json_decref(arr);
	if (rc == ERR_NOMEM)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (r->nferr)
		return ERR_INVAL;
	rc = ind_entry_store(r->db, body, code, v, n, IND_NOTE_PLAIN, source, r->arena, &written,
			     &r->err);
	if (rc == ERR_INVAL) {
		char msg[sizeof(r->err.msg)];

		/* Nothing was written; each bad entry is named. */
		snprintf(msg, sizeof(msg), "%s", r->err.msg);
		for (size_t i = 0; i < n; i++)
			if (v[i].error)
				http_field_error(r, entry_name(r, i), v[i].error);
		err_set(&r->err, ERR_INVAL, "%s", msg);
		return ERR_INVAL;
	}
	if (rc < 0)
		return rc;
	list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, json_pack("{s:s, s:b}", "indicator", v[i].ind_code,
						      "written", v[i].written));
	return api_send(
	    r, json_pack("{s:I, s:s, s:I, s:o, s:s}", "body", (json_int_t)body, "period", code,
			 "written", (json_int_t)written, "values", list, "report",
			 arena_printf(r->arena, "/api/v1/indicator-values?body=%lld&period=%s",
				      (long long)body, code)));
}
