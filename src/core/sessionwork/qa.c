/* qa.c: chất vấn by Quy định 158-QĐ/TW, its follow-up, and the notice's paragraph. */
#include "core/sessionwork/qa.h"

#include <string.h>

#include "core/sessionwork/sw_internal.h"

static const char *const kind_db[] = {"chat_van", "hoi", "kien_nghi"};
static const char *const kind_names[] = {"chat-van", "hoi", "kien-nghi"};
static const char *const kind_labels[] = {"Chất vấn", "Câu hỏi", "Kiến nghị"};
static const char *const target_names[] = {"none", "bch", "btv", "tt", "ubkt", "member"};
static const char *const stage_names[] = {"asked",     "answered",  "accepted", "returned",
					  "verifying", "concluded", "handled"};
static const char *const stage_labels[] = {"Chưa trả lời",
					   "Đã trả lời",
					   "Người chất vấn chấp nhận",
					   "Trả lời chưa thỏa đáng, yêu cầu trả lời lại",
					   "Đang thẩm tra, xác minh",
					   "Đã có kết luận",
					   "Đã xử lý"};

const char *qa_kind_name(enum qa_kind k)
{
	return k >= QA_CHAT_VAN && k <= QA_RECOMMENDATION ? kind_names[k] : "";
}

const char *qa_kind_label(enum qa_kind k)
{
	return k >= QA_CHAT_VAN && k <= QA_RECOMMENDATION ? kind_labels[k] : "";
}

const char *qa_target_name(enum qa_target t)
{
	return t >= QA_TO_NONE && t <= QA_TO_MEMBER ? target_names[t] : "";
}

const char *qa_stage_name(enum qa_stage s)
{
	return s >= QA_ASKED && s <= QA_HANDLED ? stage_names[s] : "";
}

const char *qa_stage_label(enum qa_stage s)
{
	return s >= QA_ASKED && s <= QA_HANDLED ? stage_labels[s] : "";
}

int qa_kind_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, kind_names[i]) == 0 || strcmp(s, kind_db[i]) == 0)
			return i;
	return -1;
}

int qa_target_parse(const char *s)
{
	for (int i = 0; s && i < 6; i++)
		if (strcmp(s, target_names[i]) == 0)
			return i;
	return -1;
}

static int lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return 0;
}

static int qa_add_tx(struct db *db, const struct qa_in *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 2);
	const char *qname, *content, *rname;
	int64_t n = 0, organ_id = 0;
	struct sw_session s;
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (in->kind < QA_CHAT_VAN || in->kind > QA_RECOMMENDATION || in->target < QA_TO_NONE ||
	    in->target > QA_TO_MEMBER) {
		r = err_set(e, ERR_INVAL, "loại câu hỏi hoặc đối tượng không hợp lệ");
		goto out;
	}
	r = sw_session_get(db, in->session_id, a, &s, e);
	if (r == 0)
		r = sw_person_name(db, in->questioner_id, a, &qname, e);
	if (r == 0)
		r = sw_text(a, in->content, SW_NOTE_MAX, true, "nội dung", &content, e);
	if (r < 0)
		goto out;
	if (in->kind == QA_CHAT_VAN) {
		/* Quy định 158: only at sessions of the committee and of its standing committee. */
		if (strcmp(s.organ_kind, "bch") != 0 && strcmp(s.organ_kind, "btv") != 0) {
			r = err_set(
			    e, ERR_INVAL,
			    "chất vấn chỉ tiến hành tại phiên họp của cấp ủy hoặc ban thường "
			    "vụ; %s không phải",
			    s.organ);
			goto out;
		}
		r = db_query_int(db, SQL_SW_COMMITTEE_MEMBER, &n, "iit", s.body_id,
				 in->questioner_id, s.date);
		if (r < 0)
			goto dberr;
		if (!n) {
			r = err_set(e, ERR_INVAL,
				    "%s không phải cấp ủy viên đương nhiệm ngày %s: không có quyền "
				    "chất vấn (có thể ghi là câu hỏi hoặc kiến nghị)",
				    qname, sw_dmy(a, s.date));
			goto out;
		}
		if (in->target == QA_TO_NONE) {
			r = err_set(
			    e, ERR_INVAL,
			    "chất vấn cần đối tượng: cấp ủy, ban thường vụ, thường trực, ủy "
			    "ban kiểm tra hoặc một cấp ủy viên");
			goto out;
		}
	}
	if (in->target == QA_TO_MEMBER) {
		r = sw_person_name(db, in->respondent_person_id, a, &rname, e);
		if (r < 0)
			goto out;
		r = db_query_int(db, SQL_SW_COMMITTEE_MEMBER, &n, "iit", s.body_id,
				 in->respondent_person_id, s.date);
		if (r < 0)
			goto dberr;
		if (!n) {
			r = err_set(
			    e, ERR_INVAL,
			    "người bị chất vấn %s không phải cấp ủy viên cùng cấp (%s) ngày "
			    "%s",
			    rname, s.organ, s.date);
			goto out;
		}
		if (in->respondent_person_id == in->questioner_id) {
			r = err_set(e, ERR_INVAL, "không tự chất vấn chính mình");
			goto out;
		}
	} else if (in->target != QA_TO_NONE) {
		if (in->respondent_person_id > 0) {
			r = err_set(e, ERR_INVAL,
				    "chỉ ghi người trả lời khi đối tượng là một cấp ủy viên");
			goto out;
		}
		r = db_query_int(db, SQL_SW_ORGAN_OF_KIND, &organ_id, "it", s.body_id,
				 target_names[in->target]);
		if (r == ERR_NOTFOUND) {
			r = err_set(e, ERR_INVAL,
				    "cấp ủy của phiên họp này không có cơ quan '%s' để trả lời",
				    target_names[in->target]);
			goto out;
		}
		if (r < 0)
			goto dberr;
	}
	r = db_prepare(db, SQL_SW_QA_INSERT, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q,
		     "itit"
		     "nnt",
		     in->session_id, kind_db[in->kind], in->questioner_id, target_names[in->target],
		     content);
	if (r == 0)
		r = sw_bind_id(q, 5, organ_id);
	if (r == 0)
		r = sw_bind_id(q, 6, in->target == QA_TO_MEMBER ? in->respondent_person_id : 0);
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
	r = db_err(db, e, r, "ghi chất vấn");
out:
	arena_free(a);
	return r;
}

int qa_add(struct db *db, const struct qa_in *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_add_tx(db, in, ret_id, e), e);
}

static void item_from_row(struct db_q *q, struct arena *a, struct qa_item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = db_col_int(q, 0);
	it->session_id = db_col_int(q, 1);
	it->kind = (enum qa_kind)lookup(kind_db, 3, db_col_text(q, 2));
	it->questioner_id = db_col_int(q, 3);
	it->questioner = sw_col0(a, q, 4);
	it->target = (enum qa_target)lookup(target_names, 6, db_col_text(q, 5));
	it->respondent_organ_id = db_col_null(q, 6) ? 0 : db_col_int(q, 6);
	it->respondent_person_id = db_col_null(q, 7) ? 0 : db_col_int(q, 7);
	it->respondent = sw_col0(a, q, 8);
	it->content = sw_col0(a, q, 9);
	it->answer = db_col_strdup(q, 10, a);
	it->judgement = db_col_strdup(q, 11, a);
	it->stage = (enum qa_stage)lookup(stage_names, 7, db_col_text(q, 12));
	it->verification = db_col_strdup(q, 13, a);
	it->conclusion = db_col_strdup(q, 14, a);
	it->handling = db_col_strdup(q, 15, a);
}

int qa_get(struct db *db, int64_t id, struct arena *a, struct qa_item *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_QA_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc chất vấn");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1)
		item_from_row(q, a, ret);
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có câu chất vấn/câu hỏi số hiệu %lld",
			       (long long)id);
	return r < 0 ? db_err(db, e, r, "đọc chất vấn") : 0;
}

int qa_list(struct db *db, int64_t session_id, struct arena *a, struct qa_item **ret, size_t *ret_n,
	    struct err *e)
{
	struct qa_item *v = NULL;
	size_t n = 0, cap = 0;
	struct sw_session s;
	struct db_q *q;
	int r;

	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_SW_QA_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc chất vấn");
	r = db_bindv(q, "i", session_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(a, &v, n, &cap, sizeof(*v)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		item_from_row(q, a, &v[n++]);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "đọc chất vấn");
	*ret = v;
	*ret_n = n;
	return 0;
}

/*
 * One step of the follow-up: allowed only from the given stages (a bit set),
 * writes text with the statement. what names the step in messages.
 */
static int qa_step(struct db *db, int64_t id, unsigned from, enum db_stmt stmt, const char *text,
		   const char *what, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 4);
	struct qa_item it;
	const char *ntext;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = qa_get(db, id, a, &it, e);
	if (r == 0)
		r = sw_text(a, text, SW_NOTE_MAX, true, what, &ntext, e);
	if (r < 0)
		goto out;
	if (!(from & (1u << it.stage))) {
		r = err_set(e, ERR_INVAL, "không ghi được %s: câu %lld đang ở bước '%s'", what,
			    (long long)id, stage_labels[it.stage]);
		goto out;
	}
	if (it.kind != QA_CHAT_VAN && stmt != SQL_SW_QA_SET_ANSWER) {
		r = err_set(e, ERR_INVAL, "%s chỉ áp dụng cho chất vấn; câu %lld là %s", what,
			    (long long)id, kind_labels[it.kind]);
		goto out;
	}
	r = db_exec(db, stmt, "ti", ntext, id);
	if (r < 0)
		r = db_err(db, e, r, "ghi chất vấn");
out:
	arena_free(a);
	return r;
}

#define STAGE(s) (1u << (s))

static int qa_answer_tx(struct db *db, int64_t id, const char *answer, struct err *e)
{
	return qa_step(db, id, STAGE(QA_ASKED) | STAGE(QA_RETURNED), SQL_SW_QA_SET_ANSWER, answer,
		       "nội dung trả lời", e);
}

int qa_answer(struct db *db, int64_t id, const char *answer, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_answer_tx(db, id, answer, e), e);
}

static int qa_verify_tx(struct db *db, int64_t id, const char *what, struct err *e)
{
	return qa_step(db, id, STAGE(QA_ANSWERED) | STAGE(QA_ACCEPTED) | STAGE(QA_RETURNED),
		       SQL_SW_QA_SET_VERIFY, what, "nội dung thẩm tra, xác minh", e);
}

int qa_verify(struct db *db, int64_t id, const char *what, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_verify_tx(db, id, what, e), e);
}

static int qa_conclude_tx(struct db *db, int64_t id, const char *conclusion, struct err *e)
{
	return qa_step(db, id, STAGE(QA_VERIFYING), SQL_SW_QA_SET_CONCLUDE, conclusion,
		       "kết luận thẩm tra", e);
}

int qa_conclude(struct db *db, int64_t id, const char *conclusion, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_conclude_tx(db, id, conclusion, e), e);
}

static int qa_handle_tx(struct db *db, int64_t id, const char *handling, struct err *e)
{
	return qa_step(db, id, STAGE(QA_CONCLUDED), SQL_SW_QA_SET_HANDLE, handling,
		       "hình thức xử lý", e);
}

int qa_handle(struct db *db, int64_t id, const char *handling, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_handle_tx(db, id, handling, e), e);
}

static int qa_judge_tx(struct db *db, int64_t id, bool accepted, const char *note, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 4);
	struct qa_item it;
	const char *nnote;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = qa_get(db, id, a, &it, e);
	/* Sending an answer back needs the reason: what was evaded. */
	if (r == 0)
		r = sw_text(a, note, SW_NOTE_MAX, !accepted, "lý do trả lời chưa thỏa đáng", &nnote,
			    e);
	if (r < 0)
		goto out;
	if (it.kind != QA_CHAT_VAN) {
		r = err_set(e, ERR_INVAL, "chỉ đánh giá câu trả lời chất vấn; câu %lld là %s",
			    (long long)id, kind_labels[it.kind]);
		goto out;
	}
	if (it.stage != QA_ANSWERED) {
		r = err_set(e, ERR_INVAL,
			    "câu %lld chưa có câu trả lời mới để đánh giá (bước '%s')",
			    (long long)id, stage_labels[it.stage]);
		goto out;
	}
	r = db_exec(db, SQL_SW_QA_SET_JUDGE, "tti",
		    stage_names[accepted ? QA_ACCEPTED : QA_RETURNED], nnote, id);
	if (r < 0)
		r = db_err(db, e, r, "ghi chất vấn");
out:
	arena_free(a);
	return r;
}

int qa_judge(struct db *db, int64_t id, bool accepted, const char *note, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, qa_judge_tx(db, id, accepted, note, e), e);
}

int qa_notice_paragraph(struct db *db, int64_t session_id, struct buf *out, struct err *e)
{
	struct arena *a = arena_new(8u << 20);
	struct qa_item *v;
	size_t n = 0, k = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = qa_list(db, session_id, a, &v, &n, e);
	if (r < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == QA_CHAT_VAN)
			k++;
	if (k == 0) {
		r = buf_puts(out, "Không có nội dung chất vấn.");
		goto done;
	}
	r = buf_printf(out, "Có %zu ý kiến chất vấn:", k);
	for (size_t i = 0, j = 0; r == 0 && i < n; i++) {
		const struct qa_item *it = &v[i];

		if (it->kind != QA_CHAT_VAN)
			continue;
		j++;
		{
			/* The content's own full stop is not doubled. */
			int len = (int)strlen(it->content);

			while (len > 0 &&
			       (it->content[len - 1] == '.' || it->content[len - 1] == ';'))
				len--;
			r = buf_printf(out, " (%zu) đồng chí %s chất vấn %s%s về %.*s", j,
				       it->questioner,
				       it->target == QA_TO_MEMBER ? "đồng chí " : "",
				       it->respondent, len, it->content);
		}
		if (r == 0) {
			switch (it->stage) {
			case QA_ASKED:
				r = buf_puts(out, ", chưa được trả lời");
				break;
			case QA_ANSWERED:
				r = buf_puts(out, ", đã được trả lời");
				break;
			case QA_ACCEPTED:
				r = buf_puts(out, ", đã được trả lời, người chất vấn chấp nhận");
				break;
			case QA_RETURNED:
				r = buf_puts(out, ", trả lời chưa thỏa đáng, yêu cầu trả lời lại");
				break;
			case QA_VERIFYING:
				r = buf_puts(out, "; Ban Thường vụ giao thẩm tra, xác minh");
				break;
			case QA_CONCLUDED:
				r = buf_printf(out, "; đã thẩm tra, kết luận: %s", it->conclusion);
				break;
			case QA_HANDLED:
				r = buf_printf(out, "; đã thẩm tra, kết luận và xử lý: %s",
					       it->handling);
				break;
			}
		}
		if (r == 0)
			r = buf_puts(out, j == k ? "." : ";");
	}
done:
	if (r < 0)
		r = err_set(e, r, "đoạn chất vấn quá dài");
out:
	arena_free(a);
	return r;
}
