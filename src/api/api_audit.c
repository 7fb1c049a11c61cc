/* api_audit.c: GET /api/v1/audit, the audit log as the account may read it, oldest first. */
#include <string.h>

#include "api/api.h"

/* Entries read from the log per page at most, whatever the scope keeps of them. */
#define AUDIT_WINDOW 5000

const struct http_field api_audit_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A stored JSON text as a value; withheld content as the words "nội dung mật". */
static json_t *content(struct db_q *q, int col, bool secret, bool had)
{
	const char *s = db_col_text(q, col);
	json_t *j;

	if (secret)
		return had ? json_string("nội dung mật") : json_null();
	if (!s)
		return json_null();
	j = json_loads(s, JSON_DECODE_ANY, NULL);
	return j ? j : json_string(s);
}

int api_audit(struct http_req *r)
{
	int64_t after = http_arg_int(r, "after", 0), limit = http_arg_int(r, "limit", 50);
	int64_t top = 0, last = 0;
	json_t *data = json_array(), *links = json_object();
	struct db_q *q;
	int rc, n = 0;

	if (after < 0)
		after = 0;
	if (limit <= 0)
		limit = 50;
	rc = db_query_int(r->db, SQL_AUDIT_TOP, &top, "");
	if (rc == 0)
		rc = db_prepare(r->db, SQL_WEB_AUDIT_LIST, &q);
	if (rc == 0) {
		rc = db_bindv(q, "iiii", r->acct.id, after, limit, (int64_t)AUDIT_WINDOW);
		while (rc == 0 && (rc = db_step(q)) == 1) {
			bool secret = db_col_int(q, 8) != 0;
			const char *op = db_col_text(q, 5);

			last = db_col_int(q, 0);
			json_array_append_new(
			    data,
			    json_pack(
				"{s:I, s:s, s:o, s:o, s:o, s:I, s:o, s:o, s:o, s:b}", "id",
				(json_int_t)last, "type", "audit", "at", api_col_text(q, 1),
				"actor", api_col_text(q, 2), "table", api_col_text(q, 3), "row",
				(json_int_t)db_col_int(q, 4), "op", api_col_text(q, 5), "before",
				content(q, 6, secret, op && strcmp(op, "insert") != 0), "after",
				content(q, 7, secret, op && strcmp(op, "delete") != 0), "withheld",
				secret));
			n++;
			rc = 0;
		}
		db_done(q);
	}
	if (rc < 0) {
		json_decref(data);
		json_decref(links);
		return rc;
	}
	/* The next page follows the last entry shown, or the window read when it kept fewer. */
	if (n == limit || after + AUDIT_WINDOW < top)
		json_object_set_new(
		    links, "next",
		    json_sprintf("/api/v1/audit?after=%lld&limit=%lld",
				 (long long)(n == limit ? last : after + AUDIT_WINDOW),
				 (long long)limit));
	return api_send(r, json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination",
				     "limit", (json_int_t)limit, "count", n, "links", links));
}
