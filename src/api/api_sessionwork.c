/* api_sessionwork.c: the JSON twins of the session forms (register and edit a session, its agenda, attendance and votes) and a session's comments, paged. */
#include <string.h>

#include "api/api.h"
#include "core/read/tx.h"
#include "core/registry/registry.h"
#include "core/sessionwork/sessionwork.h"
#include "pages/pages.h"
#include "util/jw.h"

const struct http_field api_attendance_fields[] = {
    {"person_id", HF_INT, false, 0, NULL, "Người dự họp (person_id)"},
    {"status", HF_ENUM, false, 0, "present|absent|delegated", "Tình trạng (status)"},
    {"reason", HF_TEXT, false, 1024, NULL, "Lý do vắng (reason)"},
    {"delegate", HF_TEXT, false, 256, NULL, "Người dự thay (delegate)"},
    {"rest_present", HF_ENUM, false, 0, "true|false", "Các đồng chí còn lại có mặt (rest_present)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Runs a core write in a transaction of its own; rc as the write's. */
static int write_end(struct http_req *r, int rc)
{
	return tx_end(r->db, rc, &r->err);
}

/* Answers with the session r->id[0] as GET /api/v1/sessions/# gives it, with status. */
static int session_answer(struct http_req *r, int64_t id, int status)
{
	int rc;

	r->id[0] = id;
	rc = api_session(r);
	if (rc == 0)
		r->status = status;
	return rc;
}

/* POST /api/v1/sessions: registers a session (reg_session_add); 201 with its Location. */
int api_session_add(struct http_req *r)
{
	struct reg_session s;
	int64_t id = 0;
	int rc = page_session_input(r, NULL, &s);

	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = write_end(r, reg_session_add(r->db, &s, &id, NULL, &r->err));
	if (rc < 0)
		return api_refused(r, rc, page_session_err_field(r->err.msg));
	r->location = arena_printf(r->arena, "/api/v1/sessions/%lld", (long long)id);
	return session_answer(r, id, 201);
}

/* PATCH /api/v1/sessions/#: what is sent replaces, the rest is kept (reg_session_update). */
int api_session_patch(struct http_req *r)
{
	struct read_session old;
	struct reg_session s;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &old, &r->err);

	if (rc == 0)
		rc = page_session_input(r, &old, &s);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = write_end(r, reg_session_update(r->db, old.id, &s, &r->err));
	if (rc < 0)
		return api_refused(r, rc, page_session_err_field(r->err.msg));
	return session_answer(r, old.id, 200);
}

/* POST /api/v1/sessions/#/agenda: an item at the end of the agenda (reg_agenda_add). */
int api_agenda_add(struct http_req *r)
{
	struct read_agenda_item it;
	struct read_session s;
	struct reg_agenda in;
	int64_t id = 0;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc == 0)
		rc = page_agenda_input(r, s.id, &in);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = write_end(r, reg_agenda_add(r->db, &in, &id, &r->err));
	if (rc < 0)
		return api_refused(r, rc, page_agenda_err_field(r->err.msg));
	rc = read_agenda_item(r->db, &r->acct, id, r->arena, &it, &r->err);
	if (rc < 0)
		return rc;
	r->status = 201;
	r->location = arena_printf(r->arena, "/api/v1/agenda-items/%lld", (long long)id);
	return api_send(r, ent_agenda_item_json(&it));
}

/* POST /api/v1/agenda-items/#/move {direction: up|down} (reg_agenda_move); the session follows. */
int api_agenda_move(struct http_req *r)
{
	struct read_agenda_item it;
	int rc = read_agenda_item(r->db, &r->acct, r->id[0], r->arena, &it, &r->err);

	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = write_end(
	    r, reg_agenda_move(r->db, it.id, strcmp(http_arg(r, "direction"), "up") == 0, &r->err));
	if (rc < 0)
		return api_refused(r, rc, "direction");
	return session_answer(r, it.session_id, 200);
}

/* POST /api/v1/sessions/#/attendance: one person (sw_attend) or the rest present. */
int api_attendance(struct http_req *r)
{
	const char *st = http_arg(r, "status"), *rest = http_arg(r, "rest_present");
	int64_t person = http_arg_int(r, "person_id", 0);
	struct read_session s;
	enum sw_att a;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc < 0)
		return rc;
	if (rest && strcmp(rest, "true") == 0) {
		if (person || st)
			return http_field_error(r, "rest_present",
						"rest_present đi một mình, không kèm person_id hay "
						"status");
	} else {
		if (!person)
			return http_field_error(r, "person_id",
						"Thiếu người dự họp (person_id), hoặc gửi "
						"{\"rest_present\": true}");
		if (!st)
			return http_field_error(r, "status",
						"Thiếu tình trạng (status): present, absent hoặc "
						"delegated");
	}
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	if (person) {
		const char *reason = http_arg(r, "reason"), *delegate = http_arg(r, "delegate");

		a = st[0] == 'p' ? SW_PRESENT : st[0] == 'a' ? SW_ABSENT : SW_DELEGATED;
		/* A delegation's name may come as reason when delegate is not given. */
		if (a == SW_DELEGATED && !delegate) {
			delegate = reason;
			reason = NULL;
		}
		rc = sw_attend(r->db, s.id, person, a, reason, delegate, &r->err);
	} else {
		rc = sw_attend_rest_present(r->db, s.id, NULL, &r->err);
	}
	rc = write_end(r, rc);
	if (rc < 0)
		return api_refused(r, rc,
				   strstr(r->err.msg, "lý do")		 ? "reason"
				   : strstr(r->err.msg, "người dự thay") ? "delegate"
				   : strstr(r->err.msg, "tình trạng")	 ? "status"
									 : "person_id");
	return session_answer(r, s.id, 200);
}

/* POST (record) and PUT (correct, with reason) /api/v1/agenda-items/#/vote; the session follows. */
int api_vote(struct http_req *r)
{
	bool correct = strcmp(r->method, "PUT") == 0;
	struct read_agenda_item it;
	struct sw_vote_in in;
	int rc = read_agenda_item(r->db, &r->acct, r->id[0], r->arena, &it, &r->err);

	if (rc == 0)
		rc = page_vote_input(r, it.id, &in);
	if (rc < 0)
		return rc;
	if (correct && !http_arg(r, "reason"))
		return http_field_error(r, "reason",
					"Thiếu lý do sửa kết quả biểu quyết (reason); kết quả cũ "
					"vẫn được lưu trong nhật ký");
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = write_end(r, correct ? vote_correct(r->db, &in, http_arg(r, "reason"), &r->err)
				  : vote_record(r->db, &in, NULL, &r->err));
	if (rc < 0)
		return api_refused(r, rc, page_vote_err_field(r->err.msg));
	if (!correct)
		r->location = arena_printf(r->arena, "/api/v1/agenda-items/%lld", (long long)it.id);
	return session_answer(r, it.session_id, correct ? 200 : 201);
}

/*
 * GET /api/v1/sessions/#/comments: the comments made at a session the account
 * reads, on the documents it may read (as the session's page), by id.
 */
int api_session_comments(struct http_req *r)
{
	const char *next = NULL;
	struct jw w = {&r->out, 0};
	struct read_comment *c;
	struct read_session s;
	struct read_page p;
	size_t n;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc < 0)
		return rc;
	api_page(r, NULL, &p);
	rc = read_session_comments(r->db, &r->acct, s.id, &p, r->arena, &c, &n);
	if (rc < 0)
		return rc;
	buf_reset(&r->out);
	r->ctype = "application/json";
	jw_raw(&w, "{\"data\":[");
	for (size_t i = 0; i < n; i++) {
		jw_raw(&w, i ? ",{" : "{");
		jw_key(&w, "id", true);
		jw_int(&w, c[i].id);
		jw_raw(&w, ",\"document\":{");
		jw_key(&w, "id", true);
		jw_int(&w, c[i].doc_id);
		jw_key(&w, "kind", false);
		jw_str(&w, c[i].doc_kind);
		jw_key(&w, "title", false);
		jw_str(&w, c[i].doc_title);
		jw_raw(&w, "}");
		jw_key(&w, "member", false);
		jw_str(&w, c[i].member);
		jw_key(&w, "paragraph", false);
		jw_str(&w, c[i].paragraph);
		jw_key(&w, "content", false);
		jw_str(&w, c[i].content);
		jw_key(&w, "response", false);
		jw_str(&w, cmt_resp_name((enum cmt_resp)c[i].response));
		jw_key(&w, "response_text", false);
		jw_str(&w, c[i].response_text);
		jw_raw(&w, "}");
	}
	if ((int64_t)n == p.limit) {
		next =
		    arena_printf(r->arena, "/api/v1/sessions/%lld/comments?after=%lld&limit=%lld",
				 (long long)s.id, (long long)c[n - 1].id, (long long)p.limit);
		if (!next)
			return ERR_NOMEM;
	}
	api_page_tail(&w, p.limit, n, next);
	return w.rc;
}
