/* api_requests.c: reporting requests through the JSON API, the twins of the /requests forms. */
#include <string.h>

#include "api/api.h"
#include "core/requests/request.h"
#include "pages/pages.h"

const struct http_field api_request_fields[] = {
    {"body", HF_INT, true, 0, NULL, "Cơ quan yêu cầu (body)"},
    {"kind", HF_ENUM, true, 0, "figures|progress", "Loại báo cáo (kind)"},
    {"period", HF_TEXT, false, 15, NULL, "Kỳ số liệu (period, ví dụ 2023-Q3)"},
    {"due", HF_DATE, true, 0, NULL, "Hạn báo cáo (due)"},
    {"note", HF_MULTI, false, REQ_NOTE_MAX, NULL, "Ghi chú (note)"},
    {"to", HF_JSON, false, 64u << 10, NULL, "Gửi tới (to: mảng mã cơ quan cấp dưới)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* GET /api/v1/requests: every request the account sees, each with its addressees. */
int api_requests(struct http_req *r)
{
	struct read_request *v = NULL;
	size_t n = 0;
	json_t *data;
	int rc = read_requests(r->db, &r->acct, r->arena, &v, &n, &r->err);

	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; data && i < n; i++)
		json_array_append_new(data, ent_request_json(v[i].r));
	return api_send(r, json_pack("{s:o}", "data", data));
}

/* GET /api/v1/requests/#: one request, with who has answered and who is missing. */
int api_request(struct http_req *r)
{
	struct read_request v;
	int rc = read_request(r->db, &r->acct, r->id[0], r->arena, &v, &r->err);

	if (rc < 0)
		return rc;
	return api_send(r, ent_request_json(v.r));
}

/* The "to" array of body ids; a field error when it is not one. */
static int to_ids(struct http_req *r, int64_t **ret, size_t *ret_n)
{
	const char *text = http_arg(r, "to");
	json_t *arr, *x;
	int64_t *ids;
	size_t i;

	*ret = NULL;
	*ret_n = 0;
	if (!text)
		return 0;
	arr = json_loads(text, 0, NULL);
	if (!json_is_array(arr) || json_array_size(arr) > REQ_TO_MAX) {
		json_decref(arr);
		return http_field_error(r, "to",
					"phải là một mảng mã cơ quan cấp dưới, ví dụ [5, 6]");
	}
	ids = arena_alloc(r->arena, (json_array_size(arr) + 1) * sizeof(*ids));
	if (!ids) {
		json_decref(arr);
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	json_array_foreach(arr, i, x)
	{
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			json_decref(arr);
			return http_field_error(r, "to",
						"mỗi phần tử phải là mã cơ quan (số nguyên dương)");
		}
		ids[i] = json_integer_value(x);
	}
	*ret = ids;
	*ret_n = json_array_size(arr);
	json_decref(arr);
	return 0;
}

/* POST /api/v1/requests: the asking office sends a request (req_add); 201 with it. */
int api_request_add(struct http_req *r)
{
	struct req_new n = {.body_id = http_arg_int(r, "body", 0),
			    .kind = http_arg(r, "kind"),
			    .period = http_arg(r, "period"),
			    .due = http_arg(r, "due"),
			    .note = http_arg(r, "note")};
	int64_t *ids, id;
	const char *name;
	int rc;

	rc = to_ids(r, &ids, &n.nto);
	if (rc < 0)
		return rc;
	n.to = ids;
	rc = read_body_name(r->db, &r->acct, n.body_id, r->arena, &name, &r->err);
	if (rc == ERR_NOTFOUND)
		return http_field_error(r, "body", arena_strdup(r->arena, r->err.msg));
	if (rc == 0)
		rc = req_add(r->db, &n, &id, &r->err);
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND)
		return http_field_error(r, page_request_err_field(r->err.msg),
					arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	r->status = 201;
	r->location = arena_printf(r->arena, "/api/v1/requests/%lld", (long long)id);
	r->id[0] = id;
	return api_request(r);
}

/* POST /api/v1/requests/#/answer: an addressee's office sends its report (req_answer). */
int api_request_answer(struct http_req *r)
{
	struct read_request rq;
	int64_t body = 0;
	int rc = page_request_answer_body(r, &rq, &body);

	if (rc == 0)
		rc = req_answer(r->db, r->id[0], body, &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, "body", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_request(r);
}
