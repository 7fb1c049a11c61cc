/* api_audit.c: GET /api/v1/audit, the audit log as the account may read it, oldest first. */
#include <string.h>

#include "api/api.h"

const struct http_field api_audit_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

int api_audit(struct http_req *r)
{
	int64_t after = http_arg_int(r, "after", 0), limit = http_arg_int(r, "limit", 50);
	int64_t top = 0, last = 0;
	struct read_audit *e;
	json_t *data, *links;
	size_t n;
	int rc;

	if (after < 0)
		after = 0;
	if (limit <= 0)
		limit = 50;
	rc = read_audit(r->db, &r->acct, after, false, limit, r->arena, &e, &n, &top);
	if (rc < 0)
		return rc;
	data = json_array();
	links = json_object();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data, ent_audit_json(&e[i]));
	if (n)
		last = e[n - 1].id;
	/* The next page follows the last entry shown, or the window read when it kept fewer. */
	if ((int64_t)n == limit || after + READ_AUDIT_WINDOW < top)
		json_object_set_new(
		    links, "next",
		    json_sprintf(
			"/api/v1/audit?after=%lld&limit=%lld",
			(long long)((int64_t)n == limit ? last : after + READ_AUDIT_WINDOW),
			(long long)limit));
	return api_send(r, json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination",
				     "limit", (json_int_t)limit, "count", (int)n, "links", links));
}
