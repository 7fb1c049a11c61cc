/* api_attach.c: /api/v1/documents/#/attachments and /api/v1/tasks/#/attachments: the files attached, listed (GET) and a file attached (POST). */
#include <string.h>

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

/* "web:vanphong" as a person reads it: the login; "cli" stays; NULL when unknown. */
static const char *uploader_login(const char *actor)
{
	const char *c = actor ? strchr(actor, ':') : NULL;

	if (!actor || !*actor)
		return NULL;
	return c ? c + 1 : actor;
}

static int list(struct http_req *r, enum attachment_owner kind)
{
	struct attachment *a = NULL;
	size_t n = 0;
	json_t *data;
	int rc = page_attach_list(r, kind, &a, &n);

	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    data,
		    json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s?, s:s}", "id",
			      (json_int_t)a[i].id, "name", a[i].name, "type", a[i].ctype, "size",
			      (json_int_t)a[i].size, "sha256", a[i].sha256, "uploaded_at",
			      a[i].stored_at, "uploader", uploader_login(a[i].uploader), "url",
			      arena_printf(r->arena, "/attachments/%lld", (long long)a[i].id)));
	return api_send(r, json_pack("{s:o, s:I}", "data", data, "count", (json_int_t)n));
}

int api_document_attachments(struct http_req *r)
{
	return list(r, ATT_DOCUMENT);
}

int api_task_attachments(struct http_req *r)
{
	return list(r, ATT_TASK);
}
