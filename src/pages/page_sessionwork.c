/* page_sessionwork.c: the office's writes on a session (the session, its agenda, attendance, votes) as forms, and the input both they and their JSON twins read. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/read/tx.h"
#include "core/registry/registry.h"
#include "core/sessionwork/sessionwork.h"
#include "pages/pages.h"

const struct http_field page_session_fields[] = {
    {"organ", HF_REF, true, 200, NULL, "Cơ quan họp"},
    {"term", HF_REF, true, 100, NULL, "Nhiệm kỳ"},
    {"number", HF_INT, false, 100000, NULL, "Phiên thứ"},
    {"date", HF_DATE, true, 0, NULL, "Ngày họp"},
    {"time", HF_TEXT, true, 8, NULL, "Giờ bắt đầu"},
    {"kind", HF_ENUM, false, 0, "thuong_ky|bat_thuong|chuyen_de", "Loại phiên họp"},
    {"place", HF_TEXT, false, 300, NULL, "Địa điểm"},
    {"basis", HF_TEXT, false, 300, NULL, "Căn cứ triệu tập"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The same fields, each optional: what is not sent is kept (PATCH). */
const struct http_field page_session_patch_fields[] = {
    {"organ", HF_REF, false, 200, NULL, "Cơ quan họp"},
    {"term", HF_REF, false, 100, NULL, "Nhiệm kỳ"},
    {"number", HF_INT, false, 100000, NULL, "Phiên thứ"},
    {"date", HF_DATE, false, 0, NULL, "Ngày họp"},
    {"time", HF_TEXT, false, 8, NULL, "Giờ bắt đầu"},
    {"kind", HF_ENUM, false, 0, "thuong_ky|bat_thuong|chuyen_de", "Loại phiên họp"},
    {"place", HF_TEXT, false, 300, NULL, "Địa điểm"},
    {"basis", HF_TEXT, false, 300, NULL, "Căn cứ triệu tập"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_agenda_fields[] = {
    {"kind", HF_TEXT, true, 100, NULL, "Loại văn bản trình"},
    {"title", HF_TEXT, true, 4000, NULL, "Tên nội dung"},
    {"document_id", HF_INT, false, 0, NULL, "Văn bản"},
    {"presenter_unit_id", HF_INT, false, 0, NULL, "Đơn vị trình"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_agenda_move_fields[] = {
    {"direction", HF_ENUM, true, 0, "up|down", "Hướng chuyển (up, down)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The grid: st<person> the status, re<person> the reason or the delegate's name. */
const struct http_field page_attendance_fields[] = {
    {"st#", HF_ENUM, false, 0, "present|absent|delegated", "Tình trạng"},
    {"re#", HF_TEXT, false, 1024, NULL, "Lý do vắng / người dự thay"},
    {"rest", HF_ENUM, false, 0, "1", "Các đồng chí còn lại có mặt"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_vote_fields[] = {
    {"for", HF_COUNT, true, 100000, NULL, "Số phiếu tán thành"},
    {"against", HF_COUNT, false, 100000, NULL, "Số phiếu không tán thành"},
    {"abstain", HF_COUNT, false, 100000, NULL, "Số phiếu không biểu quyết"},
    {"wording", HF_TEXT, false, 256, NULL, "Kết quả (lời văn)"},
    {"names", HF_JSON, false, 65536, NULL, "Phiếu ghi tên (names)"},
    {"reason", HF_TEXT, false, 1024, NULL, "Lý do sửa"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* ---- shared input ---- */

static bool all_digits(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Whether value id is among the options of choice c the account may pick. */
static int choice_has(struct http_req *r, enum read_choice c, int64_t id, bool *ret)
{
	struct read_option *o;
	size_t n;
	int rc = read_choices(r->db, &r->acct, c, r->arena, &o, &n);

	*ret = false;
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (o[i].value && strtoll(o[i].value, NULL, 10) == id)
			*ret = true;
	return rc;
}

/* An organ as an id or BODY:KIND (HU:bch), in the account's scope. */
static int organ_resolve(struct http_req *r, const char *v, struct reg_organ *ret)
{
	const char *colon = strchr(v, ':');
	struct err e2 = {0};
	bool in = false;
	int rc;

	if (all_digits(v)) {
		rc = reg_organ_get(r->db, strtoll(v, NULL, 10), r->arena, ret, &e2);
	} else if (colon && colon != v && colon[1]) {
		/* The body by its code among those in scope: "HU" is many bodies' code. */
		struct read_page p = {.after = 0, .limit = 100000, .since = ""};
		struct read_body *b;
		size_t n, found = 0;
		int64_t body = 0;

		rc = read_bodies(r->db, &r->acct, &p, r->arena, &b, &n);
		for (size_t i = 0; rc == 0 && i < n; i++)
			if (b[i].code && strlen(b[i].code) == (size_t)(colon - v) &&
			    strncmp(b[i].code, v, (size_t)(colon - v)) == 0) {
				body = b[i].id;
				found++;
			}
		if (rc == 0 && found > 1)
			return http_field_error(
			    r, "organ",
			    arena_printf(
				r->arena,
				"Có %zu cơ quan ký hiệu '%.*s' trong phạm vi của tài khoản: "
				"hãy chọn cơ quan họp theo mã số",
				found, (int)(colon - v), v));
		if (rc == 0)
			rc = found ? reg_organ_find(r->db, body, colon + 1, r->arena, ret, &e2)
				   : ERR_NOTFOUND;
	} else {
		rc = ERR_NOTFOUND;
	}
	if (rc == 0)
		rc = choice_has(r, READ_CHOICE_ORGANS, ret->id, &in);
	if (rc == 0 && !in)
		rc = ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND || rc == ERR_INVAL)
		return http_field_error(
		    r, "organ",
		    arena_printf(r->arena,
				 "Không có cơ quan họp '%s' trong phạm vi của tài "
				 "khoản: cần mã số hoặc dạng CƠ_QUAN:LOẠI (ví dụ HU:bch)",
				 v));
	if (rc < 0 && e2.msg[0])
		r->err = e2;
	return rc;
}

/* A term of the organ's body as an id or a name (XXII). */
static int term_resolve(struct http_req *r, const char *v, int64_t body_id, struct reg_term *ret)
{
	struct err e2 = {0};
	int rc;

	if (all_digits(v)) {
		rc = reg_term_get(r->db, strtoll(v, NULL, 10), r->arena, ret, &e2);
		if (rc == 0 && ret->body_id != body_id)
			rc = ERR_NOTFOUND;
	} else {
		rc = reg_term_find(r->db, body_id, v, r->arena, ret, &e2);
	}
	if (rc == ERR_NOTFOUND || rc == ERR_INVAL)
		return http_field_error(
		    r, "term",
		    arena_printf(r->arena,
				 "Cơ quan họp không có nhiệm kỳ '%s' (mã số hoặc tên khóa)", v));
	if (rc < 0 && e2.msg[0])
		r->err = e2;
	return rc;
}

int page_session_input(struct http_req *r, const struct read_session *old, struct reg_session *ret)
{
	const char *organ = http_arg(r, "organ"), *term = http_arg(r, "term");
	struct reg_session s = {0};
	struct reg_organ o = {0};
	struct reg_term t;
	int rc = 0;

	if (old) {
		s = (struct reg_session){.organ_id = old->organ_id,
					 .term_id = old->term_id,
					 .number = (int)old->number,
					 .kind = old->kind,
					 .date = old->date,
					 .start_time = old->start_time,
					 .place = old->place,
					 .basis = old->basis};
		o.id = old->organ_id;
		o.body_id = old->body_id;
	}
	if (organ && *organ) {
		rc = organ_resolve(r, organ, &o);
		if (rc < 0)
			return rc;
		s.organ_id = o.id;
	}
	if (term && *term) {
		rc = term_resolve(r, term, o.body_id, &t);
		if (rc < 0)
			return rc;
		s.term_id = t.id;
	} else if (old && s.organ_id != old->organ_id) {
		return http_field_error(r, "term", "Đổi cơ quan họp thì cần chọn cả nhiệm kỳ");
	}
	if (http_arg(r, "number"))
		s.number = (int)http_arg_int(r, "number", 0);
	else if (!old)
		s.number = 0;
	if (http_arg(r, "kind") && *http_arg(r, "kind"))
		s.kind = http_arg(r, "kind");
	if (http_arg(r, "date"))
		s.date = http_arg(r, "date");
	if (http_arg(r, "time"))
		s.start_time = http_arg(r, "time");
	if (http_arg(r, "place"))
		s.place = http_arg(r, "place");
	if (http_arg(r, "basis"))
		s.basis = http_arg(r, "basis");
	*ret = s;
	return 0;
}

const char *page_session_err_field(const char *msg)
{
	if (strstr(msg, "đã có") || strstr(msg, "số phiên"))
		return "number";
	if (strstr(msg, "giờ họp"))
		return "time";
	if (strstr(msg, "ngày họp"))
		return "date";
	if (strstr(msg, "loại phiên"))
		return "kind";
	if (strstr(msg, "khóa ") || strstr(msg, "nhiệm kỳ"))
		return "term";
	if (strstr(msg, "địa điểm"))
		return "place";
	if (strstr(msg, "căn cứ"))
		return "basis";
	if (strstr(msg, "cơ quan"))
		return "organ";
	return "number";
}

const char *page_vote_err_field(const char *msg)
{
	if (strstr(msg, "lý do"))
		return "reason";
	if (strstr(msg, "danh sách biểu quyết") || strstr(msg, "người số hiệu") ||
	    strstr(msg, "ghi tên") || strstr(msg, "lựa chọn"))
		return "names";
	if (strncmp(msg, "'", 1) == 0)
		return "wording";
	return "for";
}

/* One voter of names: {"person_id": N, "choice": "for|against|abstain"}. */
int page_vote_input(struct http_req *r, int64_t item_id, struct sw_vote_in *ret)
{
	static const char *const ch[] = {"for", "against", "abstain"};
	const char *names = http_arg(r, "names");
	struct sw_vote_in in = {.agenda_item_id = item_id};
	struct sw_named *nm = NULL;
	json_t *j = NULL;

	in.n_for = (int)http_arg_int(r, "for", 0);
	in.n_against = (int)http_arg_int(r, "against", 0);
	in.n_abstain = (int)http_arg_int(r, "abstain", 0);
	in.wording = http_arg(r, "wording");
	if (in.wording && !*in.wording)
		in.wording = NULL;
	if (names && *names) {
		size_t i;
		json_t *v;

		j = json_loads(names, 0, NULL);
		if (!json_is_array(j) || json_array_size(j) > 1000)
			goto bad;
		nm = arena_alloc(r->arena, (json_array_size(j) + 1) * sizeof(*nm));
		if (!nm) {
			json_decref(j);
			return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
		}
		json_array_foreach(j, i, v)
		{
			json_t *p = json_object_get(v, "person_id");
			const char *c = json_string_value(json_object_get(v, "choice"));
			int k = 0;

			while (k < 3 && !(c && strcmp(c, ch[k]) == 0))
				k++;
			if (!json_is_integer(p) || json_integer_value(p) <= 0 || k == 3)
				goto bad;
			nm[i] = (struct sw_named){.person_id = json_integer_value(p),
						  .choice = (enum sw_choice)k};
		}
		in.named = nm;
		in.nnamed = json_array_size(j);
		json_decref(j);
	}
	*ret = in;
	return 0;
bad:
	json_decref(j);
	return http_field_error(
	    r, "names",
	    "Phiếu ghi tên (names) phải là mảng [{\"person_id\": số, \"choice\": "
	    "\"for|against|abstain\"}]");
}

/* ---- forms ---- */

/* Refused by core: the message beside field, 400 (409 taken or locked), the page again. */
static int refused(struct http_req *r, int rc, const char *field, int (*render)(struct http_req *))
{
	if (rc != ERR_INVAL && rc != ERR_EXISTS && rc != ERR_NOTFOUND && rc != ERR_LOCKED)
		return rc;
	http_field_error(r, field, arena_strdup(r->arena, err_msg(&r->err, rc)));
	r->status = rc == ERR_EXISTS || rc == ERR_LOCKED ? 409 : 400;
	return render(r);
}

static int session_path(struct http_req *r, int64_t id)
{
	return http_redirect(r, arena_printf(r->arena, "/sessions/%lld", (long long)id));
}

int page_session_add(struct http_req *r)
{
	struct reg_session s;
	int64_t id = 0;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_sessions);
	rc = page_session_input(r, NULL, &s);
	if (rc == ERR_INVAL && r->nferr)
		return page_form_again(r, page_sessions);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_session_add(r->db, &s, &id, NULL, &r->err));
	if (rc < 0)
		return refused(r, rc, page_session_err_field(r->err.msg), page_sessions);
	return session_path(r, id);
}

int page_session_edit(struct http_req *r)
{
	struct read_session old;
	struct reg_session s;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &old, &r->err);

	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_session);
	rc = page_session_input(r, &old, &s);
	if (rc == ERR_INVAL && r->nferr)
		return page_form_again(r, page_session);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_session_update(r->db, old.id, &s, &r->err));
	if (rc < 0)
		return refused(r, rc, page_session_err_field(r->err.msg), page_session);
	return session_path(r, old.id);
}

int page_agenda_input(struct http_req *r, int64_t session_id, struct reg_agenda *ret)
{
	int64_t doc = http_arg_int(r, "document_id", 0),
		unit = http_arg_int(r, "presenter_unit_id", 0);
	struct read_document d;
	struct err e2 = {0};
	bool in = false;
	int rc;

	if (doc && (rc = read_document(r->db, &r->acct, doc, r->arena, &d, &e2)) < 0) {
		if (rc != ERR_NOTFOUND)
			return rc;
		return http_field_error(
		    r, "document_id",
		    arena_printf(r->arena, "Không có văn bản số %lld trong phạm vi của tài khoản",
				 (long long)doc));
	}
	if (unit && (rc = choice_has(r, READ_CHOICE_UNITS, unit, &in)) < 0)
		return rc;
	if (unit && !in)
		return http_field_error(
		    r, "presenter_unit_id",
		    arena_printf(r->arena, "Không có đơn vị số %lld trong phạm vi của tài khoản",
				 (long long)unit));
	*ret = (struct reg_agenda){.session_id = session_id,
				   .doc_kind = http_arg(r, "kind"),
				   .title = http_arg(r, "title"),
				   .document_id = doc,
				   .presenter_unit_id = unit};
	return 0;
}

const char *page_agenda_err_field(const char *msg)
{
	if (strstr(msg, "loại văn bản"))
		return "kind";
	if (strstr(msg, "văn bản"))
		return "document_id";
	if (strstr(msg, "đơn vị"))
		return "presenter_unit_id";
	return "title";
}

int page_agenda_add(struct http_req *r)
{
	struct read_session s;
	struct reg_agenda it;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_session);
	rc = page_agenda_input(r, s.id, &it);
	if (rc == ERR_INVAL && r->nferr)
		return page_form_again(r, page_session);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, reg_agenda_add(r->db, &it, NULL, &r->err));
	if (rc < 0)
		return refused(r, rc, page_agenda_err_field(r->err.msg), page_session);
	return http_redirect(
	    r, arena_printf(r->arena, "/sessions/%lld#chuong-trinh", (long long)s.id));
}

/* The item r->id[1] of the session r->id[0], within the account's scope. */
static int session_item(struct http_req *r, struct read_agenda_item *ret)
{
	int rc = read_agenda_item(r->db, &r->acct, r->id[1], r->arena, ret, &r->err);

	if (rc == 0 && ret->session_id != r->id[0])
		rc = err_set(&r->err, ERR_NOTFOUND, "Phiên họp không có nội dung số %lld",
			     (long long)r->id[1]);
	return rc;
}

int page_agenda_move(struct http_req *r)
{
	struct read_agenda_item it;
	int rc = session_item(r, &it);

	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_session);
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = page_tx_end(
	    r, reg_agenda_move(r->db, it.id, strcmp(http_arg(r, "direction"), "up") == 0, &r->err));
	if (rc < 0)
		return refused(r, rc, "", page_session);
	return http_redirect(
	    r, arena_printf(r->arena, "/sessions/%lld#chuong-trinh", (long long)r->id[0]));
}

int page_attendance_save(struct http_req *r)
{
	struct read_session s;
	struct sw_attendee *at;
	size_t n;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc == 0)
		rc = sw_attendance_list(r->db, s.id, r->arena, &at, &n, &r->err);
	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_session);
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	/* Every row the clerk set, then (with the button) the rest present: all or nothing. */
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char st[32], re[32];
		const char *v, *note;
		enum sw_att a;

		snprintf(st, sizeof(st), "st%lld", (long long)at[i].person_id);
		snprintf(re, sizeof(re), "re%lld", (long long)at[i].person_id);
		v = http_arg(r, st);
		note = http_arg(r, re);
		if (!v || !*v)
			continue;
		a = v[0] == 'p' ? SW_PRESENT : v[0] == 'a' ? SW_ABSENT : SW_DELEGATED;
		/* A row sent back as it was is not written again (nor logged again). */
		if (a == at[i].status &&
		    strcmp(note ? note : "", a == SW_ABSENT ? (at[i].reason ? at[i].reason : "")
					     : a == SW_DELEGATED
						 ? (at[i].delegate ? at[i].delegate : "")
						 : "") == 0)
			continue;
		rc = sw_attend(r->db, s.id, at[i].person_id, a, a == SW_ABSENT ? note : NULL,
			       a == SW_DELEGATED ? note : NULL, &r->err);
		if (rc == ERR_INVAL) {
			tx_end(r->db, rc, &r->err);
			return refused(r, rc, arena_strdup(r->arena, re), page_session);
		}
	}
	if (rc == 0 && http_arg(r, "rest"))
		rc = sw_attend_rest_present(r->db, s.id, NULL, &r->err);
	rc = page_tx_end(r, rc);
	if (rc < 0)
		return refused(r, rc, "", page_session);
	return http_redirect(r,
			     arena_printf(r->arena, "/sessions/%lld#diem-danh", (long long)s.id));
}

static int vote_save(struct http_req *r, bool correct)
{
	struct read_agenda_item it;
	struct sw_vote_in in;
	int rc = session_item(r, &it);

	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_session);
	rc = page_vote_input(r, it.id, &in);
	if (rc == ERR_INVAL && r->nferr)
		return page_form_again(r, page_session);
	if (rc < 0)
		return rc;
	rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = page_tx_end(r, correct ? vote_correct(r->db, &in, http_arg(r, "reason"), &r->err)
				    : vote_record(r->db, &in, NULL, &r->err));
	if (rc < 0)
		return refused(r, rc, page_vote_err_field(r->err.msg), page_session);
	return http_redirect(
	    r, arena_printf(r->arena, "/sessions/%lld#bieu-quyet", (long long)r->id[0]));
}

int page_vote_record(struct http_req *r)
{
	return vote_save(r, false);
}

int page_vote_correct(struct http_req *r)
{
	return vote_save(r, true);
}
