/* api_attach.c: POST /api/v1/documents/#/attachments and /api/v1/tasks/#/attachments: a file attached. */
#include "api/api.h"
#include "pages/pages.h"

static int attach(struct http_req *r, enum attachment_owner kind)
{
	struct attachment a;
	int rc = page_attach_store(r, kind, &a);

	if (rc < 0)
		return rc == ERR_NOTFOUND || rc == ERR_PERM ? rc : api_refused(r, rc, "file");
	r->status = 201;
	r->location = arena_printf(r->arena, "/attachments/%lld", (long long)a.id);
	return api_send(r,
			json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s}", "id", (json_int_t)a.id,
				  "name", a.name, "type", a.ctype, "size", (json_int_t)a.size,
				  "sha256", a.sha256, "stored", a.stored_at, "url", r->location));
}

int api_document_attach(struct http_req *r)
{
	return attach(r, ATT_DOCUMENT);
}

int api_task_attach(struct http_req *r)
{
	return attach(r, ATT_TASK);
}
