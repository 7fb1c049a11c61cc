/* sw_rules.c: the organ's working regulation as data, invitations, attendance and quorum. */
#include "core/sessionwork/sessionwork.h"

#include <stdio.h>
#include <string.h>

#include "core/sessionwork/sw_internal.h"

void sw_rule_default(struct sw_rule *r)
{
	memset(r, 0, sizeof(*r));
	/* Điều lệ Đảng, Điều 9.5: more than half of the members in office vote for. */
	r->vote_num = 1;
	r->vote_den = 2;
	r->attend_num = 1;
	r->attend_den = 2;
	r->attend_strict = true;
	/* Votes of confidence and the like: at least two thirds of those summoned present. */
	r->special_num = 2;
	r->special_den = 3;
}

bool sw_rule_passes(const struct sw_rule *r, int members, int n_for)
{
	/* Integer comparison, exact: n_for / members > num / den. */
	return members > 0 && (int64_t)n_for * r->vote_den > (int64_t)members * r->vote_num;
}

bool sw_rule_attend_ok(const struct sw_rule *r, int members, int present)
{
	int64_t lhs = (int64_t)present * r->attend_den, rhs = (int64_t)members * r->attend_num;

	return members > 0 && (r->attend_strict ? lhs > rhs : lhs >= rhs);
}

bool sw_rule_special_ok(const struct sw_rule *r, int members, int present)
{
	return members > 0 &&
	       (int64_t)present * r->special_den >= (int64_t)members * r->special_num;
}

int sw_rule_describe_frac(int num, int den, bool strict, struct buf *out)
{
	if (num == 1 && den == 2 && strict)
		return buf_puts(out, "quá nửa");
	return buf_printf(out, "%s %d/%d", strict ? "quá" : "ít nhất", num, den);
}

static bool frac_ok(int num, int den)
{
	return num > 0 && den > 0 && num <= den && den <= 1000;
}

static int sw_rule_set_tx(struct db *db, const struct sw_rule *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 4);
	const char *freq = NULL, *note = NULL, *organ_kind;
	struct db_q *q;
	char date[11];
	int64_t n = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_date(in->effective_from, "ngày có hiệu lực", date, e);
	if (r < 0)
		goto out;
	if (!frac_ok(in->vote_num, in->vote_den) || !frac_ok(in->attend_num, in->attend_den) ||
	    !frac_ok(in->special_num, in->special_den)) {
		r = err_set(e, ERR_INVAL,
			    "tỷ lệ không hợp lệ: tử số và mẫu số phải dương, tử số không lớn hơn "
			    "mẫu số (ví dụ 1/2, 2/3)");
		goto out;
	}
	r = db_prepare(db, SQL_SW_ORGAN, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", in->organ_id);
	if (r == 0)
		r = db_step(q);
	organ_kind = r == 1 ? sw_col0(a, q, 1) : NULL;
	db_done(q);
	if (r < 0)
		goto dberr;
	if (r == 0 || !organ_kind) {
		r = err_set(e, ERR_NOTFOUND, "không có cơ quan số hiệu %lld",
			    (long long)in->organ_id);
		goto out;
	}
	if (in->document_id > 0) {
		r = db_query_int(db, SQL_SW_DOCUMENT_EXISTS, &n, "i", in->document_id);
		if (r < 0)
			goto dberr;
		if (n == 0) {
			r = err_set(e, ERR_NOTFOUND, "không có văn bản số hiệu %lld",
				    (long long)in->document_id);
			goto out;
		}
	}
	r = sw_text(a, in->frequency, 512, false, "tần suất họp", &freq, e);
	if (r < 0)
		goto out;
	r = sw_text(a, in->note, SW_NOTE_MAX, false, "ghi chú", &note, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_SW_RULE_EXISTS, &n, "it", in->organ_id, date);
	if (r < 0)
		goto dberr;
	if (n > 0) {
		r = err_set(e, ERR_EXISTS, "cơ quan đã có một phiên bản quy chế có hiệu lực từ %s",
			    sw_dmy(a, date));
		goto out;
	}
	r = db_prepare(db, SQL_SW_RULE_INSERT, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "itddddddddtnt", in->organ_id, date, in->vote_num, in->vote_den,
		     in->attend_num, in->attend_den, (int)in->attend_strict, in->special_num,
		     in->special_den, (int)in->record_names, freq, note);
	if (r == 0)
		r = sw_bind_id(q, 12, in->document_id);
	if (r < 0) {
		db_done(q);
		goto dberr;
	}
	r = sw_run(q);
	if (r < 0)
		goto dberr;
	if (ret_id)
		*ret_id = db_last_id(db);
	r = 0;
	goto out;
dberr:
	r = db_err(db, e, r, "ghi quy chế");
out:
	arena_free(a);
	return r;
}

int sw_rule_set(struct db *db, const struct sw_rule *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, sw_rule_set_tx(db, in, ret_id, e), e);
}

static void rule_from_row(struct db_q *q, struct arena *a, struct sw_rule *r)
{
	const char *d;

	memset(r, 0, sizeof(*r));
	r->id = db_col_int(q, 0);
	r->organ_id = db_col_int(q, 1);
	d = db_col_text(q, 2);
	snprintf(r->effective_from, sizeof(r->effective_from), "%s", d ? d : "");
	r->vote_num = (int)db_col_int(q, 3);
	r->vote_den = (int)db_col_int(q, 4);
	r->attend_num = (int)db_col_int(q, 5);
	r->attend_den = (int)db_col_int(q, 6);
	r->attend_strict = db_col_int(q, 7) != 0;
	r->special_num = (int)db_col_int(q, 8);
	r->special_den = (int)db_col_int(q, 9);
	r->record_names = db_col_int(q, 10) != 0;
	r->frequency = db_col_strdup(q, 11, a);
	r->document_id = db_col_null(q, 12) ? 0 : db_col_int(q, 12);
	r->note = db_col_strdup(q, 13, a);
}

int sw_rule_at(struct db *db, int64_t organ_id, const char *date, struct arena *a,
	       struct sw_rule *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_RULE_AT, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc quy chế");
	r = db_bindv(q, "it", organ_id, date);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		rule_from_row(q, a, ret);
	} else if (r == 0) {
		sw_rule_default(ret);
		ret->organ_id = organ_id;
	}
	db_done(q);
	return r < 0 ? db_err(db, e, r, "đọc quy chế") : 0;
}

int sw_rule_history(struct db *db, int64_t organ_id, struct arena *a, struct sw_rule **ret,
		    size_t *ret_n, struct err *e)
{
	struct sw_rule *v = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_RULE_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc quy chế");
	r = db_bindv(q, "i", organ_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		rule_from_row(q, a, &v[n++]);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "đọc quy chế");
	*ret = v;
	*ret_n = n;
	return 0;
}

/* ---- invitations ---- */

static int sw_invite_members_tx(struct db *db, int64_t session_id, int *ret_added, struct err *e)
{
	struct arena *a = arena_new(1 << 16);
	struct sw_session s;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		goto out;
	r = db_exec(db, SQL_SW_INVITE_MEMBERS, "iit", session_id, s.organ_id, s.date);
	if (r < 0) {
		r = db_err(db, e, r, "ghi giấy mời");
		goto out;
	}
	if (ret_added)
		*ret_added = db_changes(db);
out:
	arena_free(a);
	return r;
}

int sw_invite_members(struct db *db, int64_t session_id, int *ret_added, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, sw_invite_members_tx(db, session_id, ret_added, e), e);
}

static int sw_invite_guest_tx(struct db *db, int64_t session_id, int64_t person_id, int64_t unit_id,
			      const char *note, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 2);
	struct sw_session s;
	const char *name, *nnote;
	struct db_q *q;
	int64_t n = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		goto out;
	if (person_id <= 0 && unit_id <= 0) {
		r = err_set(e, ERR_INVAL, "khách mời cần một người hoặc một đơn vị");
		goto out;
	}
	if (person_id > 0 && (r = sw_person_name(db, person_id, a, &name, e)) < 0)
		goto out;
	if (unit_id > 0 && (r = sw_unit_name(db, unit_id, a, &name, e)) < 0)
		goto out;
	r = sw_text(a, note, 1024, false, "ghi chú", &nnote, e);
	if (r < 0)
		goto out;
	if (person_id > 0)
		r = db_query_int(db, SQL_SW_INVITED_PERSON, &n, "ii", session_id, person_id);
	else
		r = db_query_int(db, SQL_SW_INVITED_UNIT, &n, "ii", session_id, unit_id);
	if (r < 0)
		goto dberr;
	if (n > 0) {
		r = err_set(e, ERR_EXISTS, "%s đã được mời dự phiên họp này", name);
		goto out;
	}
	r = db_prepare(db, SQL_SW_INVITE_GUEST, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "innt", session_id, nnote);
	if (r == 0)
		r = sw_bind_id(q, 2, person_id);
	if (r == 0)
		r = sw_bind_id(q, 3, unit_id);
	if (r < 0) {
		db_done(q);
		goto dberr;
	}
	r = sw_run(q);
	if (r < 0)
		goto dberr;
	if (ret_id)
		*ret_id = db_last_id(db);
	goto out;
dberr:
	r = db_err(db, e, r, "ghi giấy mời");
out:
	arena_free(a);
	return r;
}

int sw_invite_guest(struct db *db, int64_t session_id, int64_t person_id, int64_t unit_id,
		    const char *note, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0
		   ? r
		   : db_end(db,
			    sw_invite_guest_tx(db, session_id, person_id, unit_id, note, ret_id, e),
			    e);
}

static int sw_invite_send_tx(struct db *db, int64_t session_id, const char *channel, int *ret_sent,
			     struct err *e)
{
	struct arena *a = arena_new(1 << 16);
	struct sw_session s;
	const char *ch;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_session_get(db, session_id, a, &s, e);
	if (r == 0)
		r = sw_text(a, channel ? channel : "giấy", 64, true, "cách gửi", &ch, e);
	if (r == 0) {
		r = db_exec(db, SQL_SW_INVITE_SEND, "ti", ch, session_id);
		if (r < 0)
			r = db_err(db, e, r, "ghi giấy mời");
		else if (ret_sent)
			*ret_sent = db_changes(db);
	}
	arena_free(a);
	return r;
}

int sw_invite_send(struct db *db, int64_t session_id, const char *channel, int *ret_sent,
		   struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, sw_invite_send_tx(db, session_id, channel, ret_sent, e), e);
}

int sw_invite_list(struct db *db, int64_t session_id, struct arena *a, struct sw_invitation **ret,
		   size_t *ret_n, struct err *e)
{
	struct sw_invitation *v = NULL;
	size_t n = 0, cap = 0;
	struct sw_session s;
	struct db_q *q;
	int r;

	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_SW_INVITE_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc giấy mời");
	r = db_bindv(q, "i", session_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		v[n].id = db_col_int(q, 0);
		v[n].person_id = db_col_null(q, 1) ? 0 : db_col_int(q, 1);
		v[n].unit_id = db_col_null(q, 2) ? 0 : db_col_int(q, 2);
		v[n].name = sw_col0(a, q, 3);
		v[n].role = sw_col0(a, q, 4);
		v[n].note = db_col_strdup(q, 5, a);
		v[n].sent_at = db_col_strdup(q, 6, a);
		v[n].channel = db_col_strdup(q, 7, a);
		n++;
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "đọc giấy mời");
	*ret = v;
	*ret_n = n;
	return 0;
}

int sw_invite_text(struct db *db, int64_t session_id, struct buf *out, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct sw_session s;
	struct db_q *q;
	int r, k = 0;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		goto out;
	buf_printf(out, "GIẤY MỜI\nDự phiên họp thứ %d của %s\n\n", s.number, s.organ);
	buf_printf(out, "Thời gian: ngày %.2s/%.2s/%.4s\n", s.date + 8, s.date + 5, s.date);
	if (s.place)
		buf_printf(out, "Địa điểm: %s\n", s.place);
	buf_puts(out, "\nNội dung:\n");
	r = db_prepare(db, SQL_SW_AGENDA_LIST, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", session_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		const char *kind = db_col_text(q, 2), *title = db_col_text(q, 3);
		const char *sym = db_col_text(q, 5), *unit = db_col_text(q, 7);

		k++;
		buf_printf(out, "%d. %s %s", k, kind ? kind : "", title ? title : "");
		if (sym)
			buf_printf(out, " (văn bản %s)", sym);
		if (unit)
			buf_printf(out, "; đơn vị trình bày: %s", unit);
		r = buf_puts(out, ".\n");
	}
	db_done(q);
	if (r < 0 && r != ERR_TOOBIG)
		goto dberr;
	if (k == 0)
		buf_puts(out, "(chưa có chương trình phiên họp)\n");
	r = buf_puts(out, "\nTài liệu phiên họp gửi kèm giấy mời.\n");
	if (r < 0)
		r = err_set(e, r, "giấy mời quá dài");
	goto out;
dberr:
	r = db_err(db, e, r, "đọc chương trình phiên họp");
out:
	arena_free(a);
	return r;
}

/* ---- attendance ---- */

static const char *const att_names[] = {"present", "absent", "delegated"};
static const char *const att_labels[] = {"Có mặt", "Vắng mặt", "Ủy quyền/cử người dự thay"};

const char *sw_att_name(enum sw_att s)
{
	return s >= SW_PRESENT && s <= SW_DELEGATED ? att_names[s] : "unrecorded";
}

const char *sw_att_label(enum sw_att s)
{
	return s >= SW_PRESENT && s <= SW_DELEGATED ? att_labels[s] : "Chưa điểm danh";
}

static enum sw_att att_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, att_names[i]) == 0)
			return (enum sw_att)i;
	return SW_UNRECORDED;
}

static int sw_attend_tx(struct db *db, int64_t session_id, int64_t person_id, enum sw_att status,
			const char *reason, const char *delegate, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 3);
	const char *name, *nreason = NULL, *ndelegate = NULL;
	struct sw_session s;
	int64_t invited = 0;
	bool member;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (status < SW_PRESENT || status > SW_DELEGATED) {
		r = err_set(e, ERR_INVAL, "tình trạng dự họp không hợp lệ");
		goto out;
	}
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		goto out;
	r = sw_person_name(db, person_id, a, &name, e);
	if (r < 0)
		goto out;
	r = sw_is_member(db, s.organ_id, person_id, s.date, &member, e);
	if (r < 0)
		goto out;
	if (!member) {
		r = db_query_int(db, SQL_SW_INVITED_PERSON, &invited, "ii", session_id, person_id);
		if (r < 0) {
			r = db_err(db, e, r, "tra cứu giấy mời");
			goto out;
		}
		if (!invited) {
			r = err_set(e, ERR_INVAL,
				    "%s không phải thành viên %s ngày %s và không được mời dự "
				    "phiên họp này",
				    name, s.organ, sw_dmy(a, s.date));
			goto out;
		}
	}
	if (status == SW_ABSENT) {
		r = sw_text(a, reason, 1024, true, "lý do vắng mặt", &nreason, e);
		if (r < 0)
			goto out;
	} else if (status == SW_DELEGATED) {
		r = sw_text(a, delegate, 256, true, "người dự thay", &ndelegate, e);
		if (r == 0)
			r = sw_text(a, reason, 1024, false, "lý do", &nreason, e);
		if (r < 0)
			goto out;
	} else if ((reason && *reason) || (delegate && *delegate)) {
		r = err_set(e, ERR_INVAL, "người có mặt không có lý do vắng hay người dự thay");
		goto out;
	}
	r = db_exec(db, SQL_SW_ATTEND_UPSERT, "iittt", session_id, person_id, att_names[status],
		    nreason, ndelegate);
	if (r < 0)
		r = db_err(db, e, r, "ghi điểm danh");
out:
	arena_free(a);
	return r;
}

int sw_attend(struct db *db, int64_t session_id, int64_t person_id, enum sw_att status,
	      const char *reason, const char *delegate, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r
		     : db_end(db,
			      sw_attend_tx(db, session_id, person_id, status, reason, delegate, e),
			      e);
}

static int sw_attend_rest_present_tx(struct db *db, int64_t session_id, int *ret_n, struct err *e)
{
	struct arena *a = arena_new(1 << 16);
	struct sw_session s;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_session_get(db, session_id, a, &s, e);
	if (r == 0) {
		r = db_exec(db, SQL_SW_ATTEND_ALL_PRESENT, "iit", session_id, s.organ_id, s.date);
		if (r < 0)
			r = db_err(db, e, r, "ghi điểm danh");
		else if (ret_n)
			*ret_n = db_changes(db);
	}
	arena_free(a);
	return r;
}

int sw_attend_rest_present(struct db *db, int64_t session_id, int *ret_n, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, sw_attend_rest_present_tx(db, session_id, ret_n, e), e);
}

int sw_quorum(struct db *db, int64_t session_id, struct arena *a, struct sw_quorum *ret,
	      struct err *e)
{
	struct sw_session s;
	struct db_q *q;
	int r, counted = 0;

	memset(ret, 0, sizeof(*ret));
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	ret->session_id = session_id;
	ret->organ_id = s.organ_id;
	ret->number = s.number;
	memcpy(ret->date, s.date, sizeof(ret->date));
	ret->organ = s.organ;
	r = sw_members_count(db, s.organ_id, s.date, &ret->members, e);
	if (r < 0)
		return r;
	r = sw_rule_at(db, s.organ_id, s.date, a, &ret->rule, e);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_SW_ATTEND_COUNTS, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc điểm danh");
	r = db_bindv(q, "iit", session_id, s.organ_id, s.date);
	while (r == 0 && (r = db_step(q)) == 1) {
		int n = (int)db_col_int(q, 1);

		switch (att_parse(db_col_text(q, 0))) {
		case SW_PRESENT:
			ret->present = n;
			break;
		case SW_ABSENT:
			ret->absent = n;
			break;
		case SW_DELEGATED:
			ret->delegated = n;
			break;
		default:
			break;
		}
		counted += n;
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "đọc điểm danh");
	ret->unrecorded = ret->members - counted;
	/* A member delegating is not present: the delegate neither counts nor votes. */
	ret->attend_ok = sw_rule_attend_ok(&ret->rule, ret->members, ret->present);
	ret->special_ok = sw_rule_special_ok(&ret->rule, ret->members, ret->present);
	return 0;
}

int sw_attendance_list(struct db *db, int64_t session_id, struct arena *a, struct sw_attendee **ret,
		       size_t *ret_n, struct err *e)
{
	struct sw_attendee *v = NULL;
	size_t n = 0, cap = 0;
	struct sw_session s;
	struct db_q *q;
	int r;

	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	for (int pass = 0; pass < 2; pass++) {
		r = db_prepare(db, pass == 0 ? SQL_SW_ATTEND_MEMBERS : SQL_SW_ATTEND_GUESTS, &q);
		if (r < 0)
			return db_err(db, e, r, "đọc điểm danh");
		r = db_bindv(q, "iit", session_id, s.organ_id, s.date);
		while (r == 0 && (r = db_step(q)) == 1) {
			int c = pass == 0 ? 3 : 2;

			if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
				r = ERR_NOMEM;
				break;
			}
			v[n].person_id = db_col_int(q, 0);
			v[n].name = sw_col0(a, q, 1);
			v[n].position = pass == 0 ? sw_col0(a, q, 2) : "";
			v[n].member = pass == 0;
			v[n].status = att_parse(db_col_text(q, c));
			v[n].reason = db_col_strdup(q, c + 1, a);
			v[n].delegate = db_col_strdup(q, c + 2, a);
			n++;
			r = 0;
		}
		db_done(q);
		if (r < 0)
			return db_err(db, e, r, "đọc điểm danh");
	}
	*ret = v;
	*ret_n = n;
	return 0;
}
