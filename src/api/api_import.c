/* api_import.c: POST /api/v1/imports: an existing notice from an uploaded file, read or stored. */
#include <string.h>

#include "api/api.h"
#include "import/import.h"
#include "pages/pages.h"

const struct http_field api_import_fields[] = {
    {"dry_run", HF_ENUM, false, 0, "0|1|true|false", "dry_run"},
    {NULL},
};

/* A refused file: code, the reason in fields.file, message the answer's headline. */
static int refuse(struct http_req *r, int rc, int code, const char *message)
{
	http_field_error(r, "file", arena_strdup(r->arena, err_msg(&r->err, rc)));
	return err_set(&r->err, code, "%s", message);
}

int api_import(struct http_req *r)
{
	const char *dry = http_arg(r, "dry_run");
	struct imp_request q;
	int64_t existing = 0;
	json_t *j = NULL;
	int rc = page_import_request(r, &q, NULL);

	if (rc < 0)
		return api_refused(r, rc, "file");
	if (!dry || (strcmp(dry, "1") != 0 && strcmp(dry, "true") != 0))
		q.db = r->db;
	rc = imp_import(&q, &j, &existing, &r->err);
	if (rc == ERR_EXISTS)
		return refuse(r, rc, rc,
			      existing > 0
				  ? arena_printf(r->arena,
						 "Văn bản này đã được nhập: /api/v1/notices/%lld",
						 (long long)existing)
				  : "Văn bản này đã được nhập");
	/* a file that cannot be read is unprocessable content (422), not a malformed request */
	if (rc == ERR_INVAL && !q.text)
		return refuse(r, rc, ERR_CHECK, "Không đọc được văn bản từ tệp này");
	if (rc == ERR_TOOBIG)
		return refuse(r, rc, rc, "Tệp quá lớn");
	if (rc < 0)
		return api_refused(r, rc, "file");
	if (q.db) {
		r->status = 201;
		r->location = arena_printf(r->arena, "/api/v1/notices/%lld",
					   (long long)json_integer_value(json_object_get(
					       json_object_get(j, "stored"), "notice")));
	}
	return api_send(r, j);
}
