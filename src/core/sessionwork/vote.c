/* vote.c: votes on agenda items judged by the organ's rules, and carry-over of items. */
#include "core/sessionwork/sessionwork.h"

#include <string.h>

#include "core/registry/registry.h"
#include "core/sessionwork/sw_internal.h"

static const char *const choice_names[] = {"for", "against", "abstain"};

struct item_info {
	int64_t session_id;
	int position, session_number;
	const char *title, *outcome, *date;
};

static int item_get(struct db *db, int64_t item_id, struct arena *a, struct item_info *ret,
		    struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_ITEM, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc mục chương trình");
	r = db_bindv(q, "i", item_id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		ret->session_id = db_col_int(q, 0);
		ret->position = (int)db_col_int(q, 1);
		ret->title = sw_col0(a, q, 2);
		ret->outcome = db_col_strdup(q, 3, a);
		ret->session_number = (int)db_col_int(q, 4);
		ret->date = sw_col0(a, q, 5);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có mục chương trình phiên họp số hiệu %lld",
			       (long long)item_id);
	return r < 0 ? db_err(db, e, r, "đọc mục chương trình") : 0;
}

/* Words of agreement only fit a vote that passed. */
static bool wording_agrees(const char *w)
{
	return strstr(w, "nhất trí") || strstr(w, "thông qua") || strstr(w, "tán thành");
}

static bool wording_disagrees(const char *w)
{
	return strstr(w, "không") != NULL;
}

/* A vote judged under the rules: what vote_record and vote_correct write. */
struct judged {
	struct item_info it;
	struct sw_quorum qu;
	bool passed;
	const char *wording;
};

/* Checks in against the item's session and rules (nothing written); fills *j. */
static int vote_judge(struct db *db, const struct sw_vote_in *in, struct arena *a,
		      struct judged *ret, struct err *e)
{
	struct buf need = BUF_INIT(64);
	struct item_info it;
	struct sw_quorum qu;
	const char *wording = NULL;
	int counted[3] = {0, 0, 0}, total;
	bool passed;
	int r;

	r = item_get(db, in->agenda_item_id, a, &it, e);
	if (r < 0)
		goto out;
	if (in->n_for < 0 || in->n_against < 0 || in->n_abstain < 0) {
		r = err_set(e, ERR_INVAL, "số phiếu không được âm");
		goto out;
	}
	r = sw_quorum(db, it.session_id, a, &qu, e);
	if (r < 0)
		goto out;
	if (qu.members == 0) {
		r = err_set(e, ERR_INVAL,
			    "%s không có thành viên đương nhiệm ngày %s: không thể biểu quyết",
			    qu.organ, sw_dmy(a, qu.date));
		goto out;
	}
	total = in->n_for + in->n_against + in->n_abstain;
	if (total > qu.present) {
		r = err_set(
		    e, ERR_INVAL,
		    "mục %d: tổng số phiếu (%d tán thành, %d không tán thành, %d không biểu "
		    "quyết = %d) lớn hơn số thành viên có mặt (%d); hãy kiểm tra số phiếu "
		    "hoặc điểm danh",
		    it.position, in->n_for, in->n_against, in->n_abstain, total, qu.present);
		goto out;
	}
	if (!in->advisory) {
		if (!qu.attend_ok) {
			sw_rule_describe_frac(qu.rule.attend_num, qu.rule.attend_den,
					      qu.rule.attend_strict, &need);
			r = err_set(
			    e, ERR_INVAL,
			    "không đủ điều kiện biểu quyết: có mặt %d/%d thành viên, quy chế "
			    "cần %s số thành viên có mặt",
			    qu.present, qu.members, buf_str(&need));
			goto out;
		}
		if (in->special && !qu.special_ok) {
			sw_rule_describe_frac(qu.rule.special_num, qu.rule.special_den, false,
					      &need);
			r = err_set(
			    e, ERR_INVAL,
			    "không đủ điều kiện biểu quyết nội dung này: có mặt %d/%d thành "
			    "viên, quy chế cần %s số thành viên có mặt",
			    qu.present, qu.members, buf_str(&need));
			goto out;
		}
	}
	if (!in->advisory && qu.rule.record_names && in->nnamed == 0) {
		r = err_set(e, ERR_INVAL,
			    "quy chế làm việc của %s yêu cầu ghi tên từng người biểu quyết",
			    qu.organ);
		goto out;
	}
	for (size_t i = 0; i < in->nnamed; i++) {
		const struct sw_named *nm = &in->named[i];
		int64_t st = 0;

		if (nm->choice < SW_FOR || nm->choice > SW_ABSTAIN) {
			r = err_set(e, ERR_INVAL, "lựa chọn biểu quyết không hợp lệ");
			goto out;
		}
		r = db_query_int(db, SQL_SW_MEMBER_IN_OFFICE, &st, "iit", qu.organ_id,
				 nm->person_id, qu.date);
		if (r < 0)
			goto dberr;
		if (!st) {
			r = err_set(e, ERR_INVAL,
				    "người số hiệu %lld không phải thành viên %s: không được biểu "
				    "quyết",
				    (long long)nm->person_id, qu.organ);
			goto out;
		}
		for (size_t j = 0; j < i; j++)
			if (in->named[j].person_id == nm->person_id) {
				r = err_set(e, ERR_INVAL, "người số hiệu %lld được ghi hai lần",
					    (long long)nm->person_id);
				goto out;
			}
		counted[nm->choice]++;
	}
	if (in->nnamed > 0 && (counted[0] != in->n_for || counted[1] != in->n_against ||
			       counted[2] != in->n_abstain)) {
		r = err_set(e, ERR_INVAL,
			    "danh sách biểu quyết (%d tán thành, %d không tán thành, %d không biểu "
			    "quyết) không khớp với số phiếu (%d, %d, %d)",
			    counted[0], counted[1], counted[2], in->n_for, in->n_against,
			    in->n_abstain);
		goto out;
	}
	passed = sw_rule_passes(&qu.rule, qu.members, in->n_for);
	r = sw_text(a, in->wording, 256, false, "kết quả", &wording, e);
	if (r < 0)
		goto out;
	if (wording && !passed && wording_agrees(wording) && !wording_disagrees(wording)) {
		sw_rule_describe_frac(qu.rule.vote_num, qu.rule.vote_den, true, &need);
		r = err_set(e, ERR_INVAL,
			    "'%s' không đúng: %d/%d thành viên tán thành, chưa đạt %s số thành "
			    "viên đương nhiệm",
			    wording, in->n_for, qu.members, buf_str(&need));
		goto out;
	}
	if (wording && passed && wording_disagrees(wording)) {
		r = err_set(e, ERR_INVAL, "'%s' không đúng: nội dung đã được thông qua (%d/%d)",
			    wording, in->n_for, qu.members);
		goto out;
	}
	if (!wording)
		wording = !passed		    ? "không thông qua"
			  : in->n_for == qu.present ? "nhất trí"
						    : "thông qua";
	*ret = (struct judged){.it = it, .qu = qu, .passed = passed, .wording = wording};
	goto out;
dberr:
	r = db_err(db, e, r, "ghi kết quả biểu quyết");
out:
	buf_free(&need);
	return r;
}

/* The voters by name of vote_id, replacing none (the caller cleared them). */
static int vote_names_write(struct db *db, int64_t vote_id, const struct sw_vote_in *in)
{
	int r = 0;

	for (size_t i = 0; r == 0 && i < in->nnamed; i++)
		r = db_exec(db, SQL_SW_VOTE_NAME_INSERT, "iit", vote_id, in->named[i].person_id,
			    choice_names[in->named[i].choice]);
	return r;
}

int vote_record(struct db *db, const struct sw_vote_in *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct judged j;
	struct item_info it;
	struct sw_quorum qu;
	const char *wording;
	int64_t n = 0, vote_id;
	bool passed;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = vote_judge(db, in, a, &j, e);
	if (r < 0)
		goto out;
	it = j.it;
	qu = j.qu;
	passed = j.passed;
	wording = j.wording;
	r = db_query_int(db, SQL_SW_VOTE_EXISTS, &n, "i", in->agenda_item_id);
	if (r < 0)
		goto dberr;
	if (n > 0) {
		r = err_set(e, ERR_EXISTS, "mục %d của phiên họp thứ %d đã có kết quả biểu quyết",
			    it.position, it.session_number);
		goto out;
	}
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	{
		struct db_q *q;

		r = db_prepare(db, SQL_SW_VOTE_INSERT, &q);
		if (r == 0) {
			r = db_bindv(q,
				     "iddddddd"
				     "ndt",
				     in->agenda_item_id, (int)!in->advisory, (int)in->special,
				     in->n_for, in->n_against, in->n_abstain, qu.members,
				     qu.present, (int)passed, wording);
			if (r == 0)
				r = sw_bind_id(q, 9, qu.rule.id);
			if (r == 0)
				r = sw_run(q);
			else
				db_done(q);
		}
	}
	vote_id = db_last_id(db);
	if (r == 0)
		r = vote_names_write(db, vote_id, in);
	if (r < 0)
		db_err(db, e, r, "ghi kết quả biểu quyết");
	if (r == 0 && !in->advisory)
		r = reg_agenda_set_outcome(db, in->agenda_item_id, wording, e);
	r = db_end(db, r, e);
	if (r == 0 && ret_id)
		*ret_id = vote_id;
	goto out;
dberr:
	r = db_err(db, e, r, "ghi kết quả biểu quyết");
out:
	arena_free(a);
	return r;
}

int vote_correct(struct db *db, const struct sw_vote_in *in, const char *reason, struct err *e)
{
	struct arena *a = arena_new(1 << 20);
	struct sw_vote_in cin = *in;
	const char *nreason = NULL;
	struct sw_vote old;
	struct judged j;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = vote_get(db, in->agenda_item_id, a, &old, e);
	if (r == 0)
		r = sw_text(a, reason, 1024, false, "lý do sửa", &nreason, e);
	if (r < 0)
		goto out;
	if (!nreason) {
		r = err_set(e, ERR_INVAL,
			    "thiếu lý do sửa kết quả biểu quyết mục %d (kết quả cũ vẫn được lưu "
			    "trong nhật ký)",
			    old.position);
		goto out;
	}
	/* A correction keeps what the vote was: binding or advisory, ordinary or special. */
	cin.advisory = !old.binding;
	cin.special = old.special;
	r = vote_judge(db, &cin, a, &j, e);
	if (r < 0)
		goto out;
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	{
		struct db_q *q;

		r = db_prepare(db, SQL_SW_VOTE_CORRECT, &q);
		if (r == 0) {
			r = db_bindv(q, "ddddd", cin.n_for, cin.n_against, cin.n_abstain,
				     j.qu.members, j.qu.present);
			if (r == 0)
				r = sw_bind_id(q, 6, j.qu.rule.id);
			if (r == 0)
				r = db_bind_int(q, 7, j.passed);
			if (r == 0)
				r = db_bind_text(q, 8, j.wording);
			if (r == 0)
				r = db_bind_text(q, 9, nreason);
			if (r == 0)
				r = db_bind_int(q, 10, old.id);
			if (r == 0)
				r = sw_run(q);
			else
				db_done(q);
		}
	}
	if (r == 0)
		r = db_exec(db, SQL_SW_VOTE_NAMES_DEL, "i", old.id);
	if (r == 0)
		r = vote_names_write(db, old.id, &cin);
	if (r < 0)
		db_err(db, e, r, "sửa kết quả biểu quyết");
	if (r == 0 && old.binding)
		r = reg_agenda_set_outcome(db, in->agenda_item_id, j.wording, e);
	r = db_end(db, r, e);
out:
	arena_free(a);
	return r;
}

int vote_get(struct db *db, int64_t agenda_item_id, struct arena *a, struct sw_vote *ret,
	     struct err *e)
{
	struct db_q *q;
	size_t cap = 0;
	int r;

	memset(ret, 0, sizeof(*ret));
	r = db_prepare(db, SQL_SW_VOTE_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc kết quả biểu quyết");
	r = db_bindv(q, "i", agenda_item_id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		ret->id = db_col_int(q, 0);
		ret->agenda_item_id = db_col_int(q, 1);
		ret->session_id = db_col_int(q, 2);
		ret->position = (int)db_col_int(q, 3);
		ret->title = sw_col0(a, q, 4);
		ret->n_for = (int)db_col_int(q, 5);
		ret->n_against = (int)db_col_int(q, 6);
		ret->n_abstain = (int)db_col_int(q, 7);
		ret->members = (int)db_col_int(q, 8);
		ret->present = (int)db_col_int(q, 9);
		ret->binding = db_col_int(q, 10) != 0;
		ret->special = db_col_int(q, 11) != 0;
		ret->passed = db_col_int(q, 12) != 0;
		ret->wording = sw_col0(a, q, 13);
		ret->correction_reason = db_col_strdup(q, 14, a);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "mục chương trình số hiệu %lld chưa có biểu quyết",
			       (long long)agenda_item_id);
	if (r < 0)
		return db_err(db, e, r, "đọc kết quả biểu quyết");
	r = db_prepare(db, SQL_SW_VOTE_NAMES, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc kết quả biểu quyết");
	r = db_bindv(q, "i", ret->id);
	while (r == 0 && (r = db_step(q)) == 1) {
		const char *c = db_col_text(q, 1);

		if (arena_reserve(a, &ret->named, ret->nnamed, &cap, sizeof(*ret->named)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		ret->named[ret->nnamed].person_id = db_col_int(q, 0);
		ret->named[ret->nnamed].choice = SW_FOR;
		for (int k = 0; c && k < 3; k++)
			if (strcmp(c, choice_names[k]) == 0)
				ret->named[ret->nnamed].choice = (enum sw_choice)k;
		ret->named[ret->nnamed].name = sw_col0(a, q, 2);
		ret->nnamed++;
		r = 0;
	}
	db_done(q);
	return r < 0 ? db_err(db, e, r, "đọc kết quả biểu quyết") : 0;
}

int sw_session_state(struct db *db, int64_t session_id, const int64_t *items, size_t nitems,
		     struct arena *a, struct sw_session_state *ret, struct err *e)
{
	struct sw_session_state st = {0};
	int r;

	st.votes = arena_alloc(a, (nitems ? nitems : 1) * sizeof(*st.votes));
	if (!st.votes)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < nitems; i++) {
		struct err e2 = {0};

		r = vote_get(db, items[i], a, &st.votes[i], &e2);
		if (r == ERR_NOTFOUND)
			memset(&st.votes[i], 0, sizeof(st.votes[i]));
		else if (r < 0) {
			*e = e2;
			return r;
		}
	}
	r = sw_quorum(db, session_id, a, &st.quorum, e);
	if (r == 0)
		r = sw_attendance_list(db, session_id, a, &st.att, &st.natt, e);
	if (r == 0)
		*ret = st;
	return r;
}

/* ---- carry-over ---- */

int sw_agenda_carry(struct db *db, int64_t item_id, int64_t to_session_id, const char *reason,
		    int64_t *ret_item_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 2);
	struct sw_session from, to;
	struct item_info it;
	const char *nreason;
	int64_t n = 0, pos = 0, new_id = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = item_get(db, item_id, a, &it, e);
	if (r == 0)
		r = sw_session_get(db, it.session_id, a, &from, e);
	if (r == 0)
		r = sw_session_get(db, to_session_id, a, &to, e);
	if (r == 0)
		r = sw_text(a, reason, 1024, false, "lý do", &nreason, e);
	if (r < 0)
		goto out;
	if (it.outcome) {
		r = err_set(e, ERR_INVAL,
			    "mục %d của phiên họp thứ %d đã có kết luận ('%s'): không "
			    "chuyển sang phiên sau",
			    it.position, from.number, it.outcome);
		goto out;
	}
	if (to.organ_id != from.organ_id) {
		r = err_set(e, ERR_INVAL, "phiên họp %lld không phải của %s",
			    (long long)to_session_id, from.organ);
		goto out;
	}
	if (strcmp(to.date, from.date) <= 0 || to.id == from.id) {
		r = err_set(e, ERR_INVAL,
			    "phiên họp nhận (thứ %d, %s) phải sau phiên họp thứ %d (%s)", to.number,
			    to.date, from.number, from.date);
		goto out;
	}
	r = db_query_int(db, SQL_SW_CARRY_FROM, &n, "i", item_id);
	if (r < 0)
		goto dberr;
	if (n > 0) {
		r = err_set(e, ERR_EXISTS,
			    "mục %d của phiên họp thứ %d đã được chuyển sang phiên khác",
			    it.position, from.number);
		goto out;
	}
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_SW_AGENDA_NEXTPOS, &pos, "i", to_session_id);
	if (r == 0)
		r = db_exec(db, SQL_SW_AGENDA_COPY, "iii", to_session_id, pos, item_id);
	if (r == 0) {
		new_id = db_last_id(db);
		r = db_exec(db, SQL_SW_CARRY_INSERT, "iit", item_id, new_id, nreason);
	}
	if (r < 0)
		db_err(db, e, r, "chuyển mục chương trình");
	r = db_end(db, r, e);
	if (r == 0 && ret_item_id)
		*ret_item_id = new_id;
	goto out;
dberr:
	r = db_err(db, e, r, "chuyển mục chương trình");
out:
	arena_free(a);
	return r;
}

int sw_agenda_history(struct db *db, int64_t item_id, struct arena *a, struct sw_carry_step **ret,
		      size_t *ret_n, struct err *e)
{
	struct sw_carry_step *v;
	struct item_info it;
	int64_t cur = item_id, prev;
	size_t n = 0, cap = 64;
	int r, guard = 0;

	r = item_get(db, item_id, a, &it, e);
	if (r < 0)
		return r;
	/* Walk back to the first session the item was put to. */
	while ((r = db_query_int(db, SQL_SW_CARRY_PREV, &prev, "i", cur)) == 0 && guard++ < 1000)
		cur = prev;
	if (r < 0 && r != ERR_NOTFOUND)
		return db_err(db, e, r, "đọc lịch sử mục chương trình");
	v = arena_alloc(a, cap * sizeof(*v));
	if (!v)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (;;) {
		struct db_q *q;

		if (n == cap)
			return err_set(e, ERR_TOOBIG, "lịch sử mục chương trình quá dài");
		r = item_get(db, cur, a, &it, e);
		if (r < 0)
			return r;
		v[n] = (struct sw_carry_step){.item_id = cur,
					      .session_id = it.session_id,
					      .session_number = it.session_number,
					      .position = it.position,
					      .date = it.date,
					      .title = it.title,
					      .outcome = it.outcome};
		r = db_prepare(db, SQL_SW_CARRY_NEXT, &q);
		if (r < 0)
			return db_err(db, e, r, "đọc lịch sử mục chương trình");
		r = db_bindv(q, "i", cur);
		if (r == 0)
			r = db_step(q);
		if (r == 1) {
			cur = db_col_int(q, 0);
			v[n].reason = db_col_strdup(q, 1, a);
		}
		db_done(q);
		n++;
		if (r < 0)
			return db_err(db, e, r, "đọc lịch sử mục chương trình");
		if (r == 0)
			break;
	}
	*ret = v;
	*ret_n = n;
	return 0;
}
