/* minutes.c: the session's minutes (biên bản): drafted from its data, edited, approved, locked. */
#include "core/sessionwork/sessionwork.h"

#include <string.h>

#include "core/sessionwork/qa.h"
#include "core/sessionwork/sw_internal.h"

/* Writes the draft of the minutes from what the store knows of the session. */
static int minutes_compose(struct db *db, int64_t session_id, struct arena *a, struct buf *out,
			   struct err *e)
{
	struct buf frac = BUF_INIT(64);
	struct sw_attendee *att;
	struct sw_quorum qu;
	struct db_q *q;
	size_t natt;
	static const char *const roman[] = {"I", "II", "III", "IV", "V"};
	int r, k = 0, sec = 0;

	r = sw_quorum(db, session_id, a, &qu, e);
	if (r == 0)
		r = sw_attendance_list(db, session_id, a, &att, &natt, e);
	if (r < 0)
		return r;
	buf_printf(out, "BIÊN BẢN\nPhiên họp thứ %d của %s\n\n", qu.number, qu.organ);
	buf_printf(out, "Thời gian: ngày %.2s/%.2s/%.4s.\n\n", qu.date + 8, qu.date + 5, qu.date);
	buf_printf(out, "%s. THÀNH PHẦN\n", roman[sec++]);
	buf_printf(out,
		   "Tổng số thành viên đương nhiệm: %d; có mặt: %d; vắng mặt: %d; cử người dự "
		   "thay: %d; chưa điểm danh: %d.\n",
		   qu.members, qu.present, qu.absent, qu.delegated, qu.unrecorded);
	sw_rule_describe_frac(qu.rule.attend_num, qu.rule.attend_den, qu.rule.attend_strict, &frac);
	buf_printf(out, "Số thành viên có mặt %s điều kiện của quy chế (%s số thành viên).\n",
		   qu.attend_ok ? "đủ" : "không đủ", buf_str(&frac));
	for (size_t i = 0; i < natt; i++) {
		const struct sw_attendee *p = &att[i];

		if (p->status == SW_ABSENT)
			buf_printf(out, "- Vắng mặt: đồng chí %s (lý do: %s).\n", p->name,
				   p->reason ? p->reason : "");
		else if (p->status == SW_DELEGATED)
			buf_printf(out, "- Đồng chí %s cử đồng chí %s dự thay.\n", p->name,
				   p->delegate ? p->delegate : "");
		else if (!p->member && p->status == SW_PRESENT)
			buf_printf(out, "- Khách mời: %s.\n", p->name);
	}
	buf_printf(out, "\n%s. NỘI DUNG\n", roman[sec++]);
	r = db_prepare(db, SQL_SW_AGENDA_LIST, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", session_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		int64_t item = db_col_int(q, 0);
		struct sw_vote v;
		struct err e2 = {0};

		k++;
		buf_printf(out, "%d. %s %s.\n", k, db_col_text(q, 2) ? db_col_text(q, 2) : "",
			   db_col_text(q, 3) ? db_col_text(q, 3) : "");
		if (vote_get(db, item, a, &v, &e2) == 0)
			buf_printf(
			    out,
			    "   Biểu quyết: %d tán thành, %d không tán thành, %d không biểu "
			    "quyết (trên %d thành viên đương nhiệm, %d có mặt). Kết quả: %s.\n",
			    v.n_for, v.n_against, v.n_abstain, v.members, v.present, v.wording);
		else if (db_col_text(q, 4))
			buf_printf(out, "   Kết quả: %s.\n", db_col_text(q, 4));
		else
			buf_puts(out, "   Chưa có kết luận.\n");
		r = 0;
	}
	db_done(q);
	if (r < 0)
		goto dberr;
	if (k == 0)
		buf_puts(out, "(Phiên họp chưa có chương trình.)\n");
	r = db_prepare(db, SQL_SW_SESSION_CMT_DOCS, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", session_id);
	k = 0;
	while (r == 0 && (r = db_step(q)) == 1) {
		if (k++ == 0)
			buf_printf(out, "\n%s. Ý KIẾN GÓP Ý VÀO DỰ THẢO\n", roman[sec++]);
		buf_printf(out, "- %s %s: %lld ý kiến, đã trả lời %lld.\n",
			   db_col_text(q, 1) ? db_col_text(q, 1) : "",
			   db_col_text(q, 2) ? db_col_text(q, 2) : "", (long long)db_col_int(q, 3),
			   (long long)db_col_int(q, 4));
		r = 0;
	}
	db_done(q);
	if (r < 0)
		goto dberr;
	buf_printf(out, "\n%s. CHẤT VẤN\n", roman[sec++]);
	r = qa_notice_paragraph(db, session_id, out, e);
	if (r < 0)
		goto out;
	r = buf_puts(out, "\n");
	if (r < 0)
		r = err_set(e, r, "biên bản quá dài");
	goto out;
dberr:
	r = db_err(db, e, r, "đọc dữ liệu phiên họp");
out:
	buf_free(&frac);
	return r;
}

int minutes_get(struct db *db, int64_t session_id, struct arena *a, struct minutes *ret,
		struct err *e)
{
	struct sw_session s;
	struct db_q *q;
	int r;

	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	memset(ret, 0, sizeof(*ret));
	r = db_prepare(db, SQL_SW_MIN_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc biên bản");
	r = db_bindv(q, "i", session_id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		const char *st = db_col_text(q, 2);

		ret->id = db_col_int(q, 0);
		ret->session_id = session_id;
		ret->text = sw_col0(a, q, 1);
		ret->approved = st && strcmp(st, "approved") == 0;
		ret->revision = (int)db_col_int(q, 3);
		ret->approved_by = db_col_null(q, 4) ? 0 : db_col_int(q, 4);
		ret->approved_at = db_col_strdup(q, 5, a);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND,
			       "phiên họp thứ %d chưa có biên bản; dùng 'dondoc minutes draft'",
			       s.number);
	return r < 0 ? db_err(db, e, r, "đọc biên bản") : 0;
}

static int minutes_draft_tx(struct db *db, int64_t session_id, bool replace, struct err *e)
{
	struct arena *a = arena_new(SW_TEXT_MAX * 2);
	struct buf text = BUF_INIT(SW_TEXT_MAX);
	struct minutes m;
	struct err e2 = {0};
	bool exists;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = minutes_get(db, session_id, a, &m, &e2);
	if (r < 0 && r != ERR_NOTFOUND) {
		*e = e2;
		goto out;
	}
	exists = r == 0;
	if (exists && m.approved) {
		r = err_set(e, ERR_LOCKED,
			    "biên bản phiên họp này đã được duyệt, không lập lại được");
		goto out;
	}
	if (exists && !replace) {
		r = err_set(e, ERR_EXISTS,
			    "phiên họp đã có dự thảo biên bản (lần sửa %d); dùng --replace để lập "
			    "lại từ dữ liệu",
			    m.revision);
		goto out;
	}
	r = minutes_compose(db, session_id, a, &text, e);
	if (r < 0)
		goto out;
	if (exists)
		r = db_exec(db, SQL_SW_MIN_REPLACE, "ti", buf_str(&text), session_id);
	else
		r = db_exec(db, SQL_SW_MIN_INSERT, "it", session_id, buf_str(&text));
	if (r < 0)
		r = db_err(db, e, r, "ghi biên bản");
out:
	buf_free(&text);
	arena_free(a);
	return r;
}

int minutes_draft(struct db *db, int64_t session_id, bool replace, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, minutes_draft_tx(db, session_id, replace, e), e);
}

static int minutes_edit_tx(struct db *db, int64_t session_id, const char *text, struct err *e)
{
	struct arena *a = arena_new(SW_TEXT_MAX * 3);
	struct minutes m;
	const char *ntext;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = minutes_get(db, session_id, a, &m, e);
	if (r < 0)
		goto out;
	if (m.approved) {
		r = err_set(e, ERR_LOCKED,
			    "biên bản đã được duyệt ngày %.10s, đã khóa: không sửa được",
			    m.approved_at ? m.approved_at : "");
		goto out;
	}
	r = sw_text(a, text, SW_TEXT_MAX, true, "nội dung biên bản", &ntext, e);
	if (r < 0)
		goto out;
	r = db_exec(db, SQL_SW_MIN_REPLACE, "ti", ntext, session_id);
	if (r < 0)
		r = db_err(db, e, r, "ghi biên bản");
out:
	arena_free(a);
	return r;
}

int minutes_edit(struct db *db, int64_t session_id, const char *text, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, minutes_edit_tx(db, session_id, text, e), e);
}

static int minutes_approve_tx(struct db *db, int64_t session_id, int64_t approver_id, struct err *e)
{
	struct arena *a = arena_new(SW_TEXT_MAX * 2);
	const char *name;
	struct minutes m;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = minutes_get(db, session_id, a, &m, e);
	if (r == 0)
		r = sw_person_name(db, approver_id, a, &name, e);
	if (r < 0)
		goto out;
	if (m.approved) {
		r = err_set(e, ERR_LOCKED, "biên bản đã được duyệt ngày %.10s",
			    m.approved_at ? m.approved_at : "");
		goto out;
	}
	r = db_exec(db, SQL_SW_MIN_APPROVE, "ii", approver_id, session_id);
	if (r < 0)
		r = db_err(db, e, r, "duyệt biên bản");
out:
	arena_free(a);
	return r;
}

int minutes_approve(struct db *db, int64_t session_id, int64_t approver_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, minutes_approve_tx(db, session_id, approver_id, e), e);
}
