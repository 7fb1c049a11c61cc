/* api_notice_sign.c: POST /api/v1/notices/#/signed: a notice's signed PDF as its record. */
#include "api/api.h"
#include "core/notice/notice_approval.h"
#include "core/notice/notice_sign.h"
#include "pages/pages.h"

int api_notice_signed(struct http_req *r)
{
	struct notice_record rec;
	int n = 0, rc = page_notice_signed_store(r, &n);

	if (rc == 0)
		rc = notice_record_get(r->db, r->id[0], r->arena, &rec, &r->err);
	if (rc < 0)
		return api_refused(r, rc, "file");
	r->status = 201;
	return api_send(
	    r, json_pack("{s:I, s:i, s:s, s:I, s:s, s:s, s:s}", "id", (json_int_t)r->id[0],
			 "signatures", rec.signatures, "sha256", rec.sha256, "size",
			 (json_int_t)rec.pdf.len, "type", rec.ctype, "stored", rec.stored_at, "pdf",
			 arena_printf(r->arena, "/notices/%lld/pdf", (long long)r->id[0])));
}

/* The draft's approval as the API answers it: state, required, steps. */
static int approval_answer(struct http_req *r)
{
	struct notice_approval ap;
	json_t *steps;
	int rc = notice_approval_get(r->db, r->id[0], r->arena, &ap, &r->err);

	if (rc < 0)
		return rc;
	steps = json_array();
	for (size_t i = 0; i < ap.nsteps; i++)
		json_array_append_new(steps,
				      json_pack("{s:s, s:s, s:s, s:s}", "step", ap.steps[i].step,
						"comment", ap.steps[i].comment, "by",
						ap.steps[i].actor, "at", ap.steps[i].at));
	return api_send(r, json_pack("{s:I, s:s, s:b, s:o}", "id", (json_int_t)r->id[0], "state",
				     ap.state, "required", ap.required, "steps", steps));
}

static int api_step(struct http_req *r, char step)
{
	int rc = page_notice_approval_step(r, step);

	if (rc < 0)
		return api_refused(r, rc, step == 'r' ? "comment" : "");
	return approval_answer(r);
}

int api_notice_submit(struct http_req *r)
{
	return api_step(r, 's');
}

int api_notice_approve(struct http_req *r)
{
	return api_step(r, 'a');
}

int api_notice_return(struct http_req *r)
{
	return api_step(r, 'r');
}
