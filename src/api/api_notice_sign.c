/* api_notice_sign.c: POST /api/v1/notices/#/signed: a notice's signed PDF as its record. */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/notice/notice_approval.h"
#include "core/notice/notice_sign.h"
#include "pages/pages.h"
#include "sign/sign.h"

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

/* The latest step of kind in ap as {at, by}, or null. */
static json_t *last_step(const struct notice_approval *ap, const char *kind)
{
	for (size_t i = ap->nsteps; i-- > 0;)
		if (strcmp(ap->steps[i].step, kind) == 0)
			return json_pack("{s:s, s:s}", "at", ap->steps[i].at, "by",
					 ap->steps[i].actor);
	return json_null();
}

static int approval_json(struct http_req *r, int64_t id, json_t **ret)
{
	struct notice_approval ap;
	json_t *steps, *comments;
	int rc = notice_approval_get(r->db, id, r->arena, &ap, &r->err);

	if (rc < 0)
		return rc;
	steps = json_array();
	comments = json_array();
	for (size_t i = 0; i < ap.nsteps; i++) {
		json_array_append_new(steps,
				      json_pack("{s:s, s:s, s:s, s:s}", "step", ap.steps[i].step,
						"comment", ap.steps[i].comment, "by",
						ap.steps[i].actor, "at", ap.steps[i].at));
		if (strcmp(ap.steps[i].step, "return") == 0 && ap.steps[i].comment[0])
			json_array_append_new(
			    comments, json_pack("{s:s, s:s, s:s}", "comment", ap.steps[i].comment,
						"by", ap.steps[i].actor, "at", ap.steps[i].at));
	}
	*ret = json_pack("{s:b, s:s, s:o, s:o, s:o, s:o, s:o}", "required", ap.required, "state",
			 ap.state, "submitted", last_step(&ap, "submit"), "approved",
			 last_step(&ap, "approve"), "returned", last_step(&ap, "return"),
			 "comments", comments, "steps", steps);
	return 0;
}

static int signed_json(struct http_req *r, int64_t id, json_t **ret)
{
	struct notice_record rec;
	struct sign_info *s = NULL;
	struct err e = {0};
	json_t *sigs;
	size_t n = 0;
	int rc = notice_record_get(r->db, id, r->arena, &rec, &e);

	if (rc == ERR_NOTFOUND) {
		*ret = json_pack("{s:b}", "record", false);
		return 0;
	}
	if (rc < 0)
		return err_set(&r->err, rc, "%s", err_msg(&e, rc));
	rc = sign_verify(rec.pdf.data, rec.pdf.len, getenv("DONDOC_TRUST"), r->arena, &s, &n,
			 &r->err);
	if (rc < 0)
		return rc;
	sigs = json_array();
	for (size_t i = 0; i < n; i++) {
		/* its timestamp (B-T): the time it gives and whether it holds; null without one */
		json_t *ts = s[i].ts ? json_pack("{s:s?, s:b, s:s?}", "time", s[i].ts_time, "valid",
						 s[i].ts_intact && s[i].ts_trusted, "problem",
						 s[i].ts_problem)
				     : json_null();

		json_array_append_new(sigs, json_pack("{s:s, s:s, s:s?, s:b, s:s?, s:o}", "signer",
						      s[i].signer, "issuer", s[i].issuer, "time",
						      s[i].time, "valid", sign_info_valid(&s[i]),
						      "problem", s[i].problem, "timestamp", ts));
	}
	*ret = json_pack("{s:b, s:s, s:I, s:s, s:o}", "record", true, "sha256", rec.sha256, "size",
			 (json_int_t)rec.pdf.len, "stored", rec.stored_at, "signatures", sigs);
	return 0;
}

int api_notice_state(struct http_req *r, int64_t id, json_t *o)
{
	struct notice_record kept;
	struct err e = {0};
	json_t *ap = NULL, *sg = NULL;
	int rc = approval_json(r, id, &ap);

	if (rc == 0)
		rc = signed_json(r, id, &sg);
	if (rc < 0) {
		json_decref(ap);
		return rc;
	}
	json_object_set_new(o, "approval", ap);
	json_object_set_new(o, "signed", sg);
	rc = notice_issued_get(r->db, id, r->arena, &kept, &e);
	if (rc == 0)
		json_object_set_new(o, "issued_pdf",
				    json_pack("{s:s, s:I, s:s}", "sha256", kept.sha256, "size",
					      (json_int_t)kept.pdf.len, "stored", kept.stored_at));
	else if (rc == ERR_NOTFOUND)
		json_object_set_new(o, "issued_pdf", json_null());
	else
		return err_set(&r->err, rc, "%s", err_msg(&e, rc));
	return 0;
}
