/* notice_approval.c: approval before issuing (trình ký), kept step by step. */
#include "core/notice/notice_approval.h"

#include <string.h>

#include "core/notice/notice.h"
#include "db/db.h"

int notice_approval_rule_set(struct db *db, int64_t body_id, bool required, struct err *e)
{
	int r = db_exec(db, SQL_APPROVAL_RULE_SET, "id", body_id, required ? 1 : 0);

	if (r < 0)
		return db_err(db, e, r, "không lưu được quy định trình ký của cơ quan %lld",
			      (long long)body_id);
	return 0;
}

static int step_row(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct notice_step *s = row;

	s->step = db_col_strdup(q, 0, a);
	s->comment = db_col_strdup(q, 1, a);
	s->actor = db_col_strdup(q, 2, a);
	s->at = db_col_strdup(q, 3, a);
	return s->step && s->comment && s->actor && s->at ? 0 : ERR_NOMEM;
}

int notice_approval_get(struct db *db, int64_t notice_id, struct arena *a,
			struct notice_approval *ret, struct err *e)
{
	struct notice_approval ap = {.state = ""};
	struct notice_row row;
	int64_t req = 0;
	struct db_q *q;
	void *steps = NULL;
	int r;

	r = notice_get(db, notice_id, a, &row, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_APPROVAL_REQUIRED, &req, "i", row.body_id);
	if (r == 0)
		r = db_query(db, SQL_APPROVAL_LIST, &q, "i", notice_id);
	if (r == 0)
		r = db_list(q, a, sizeof(struct notice_step), step_row, NULL, &steps, &ap.nsteps);
	if (r < 0)
		return db_err(db, e, r, "không đọc được quá trình trình ký");
	ap.required = req != 0;
	ap.steps = steps;
	if (ap.nsteps)
		ap.state = ap.steps[ap.nsteps - 1].step;
	*ret = ap;
	return 0;
}

/* Adds step to draft notice_id when its state is one of from ("" for none). */
static int step_add(struct db *db, int64_t notice_id, const char *step, const char *comment,
		    const char *const *from, size_t nfrom, const char *why, struct err *e)
{
	struct arena *a = arena_new(1u << 20);
	struct notice_approval ap;
	struct notice_row row;
	bool ok = false;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = notice_get(db, notice_id, a, &row, e);
	if (r == 0 && strcmp(row.status, "draft") != 0)
		r = err_set(e, ERR_LOCKED, "thông báo %lld đã ban hành: không trình ký nữa",
			    (long long)notice_id);
	if (r == 0)
		r = notice_approval_get(db, notice_id, a, &ap, e);
	for (size_t i = 0; r == 0 && i < nfrom; i++)
		ok |= strcmp(ap.state, from[i]) == 0;
	if (r == 0 && !ok)
		r = err_set(e, ERR_INVAL, "%s", why);
	if (r == 0) {
		r = db_exec(db, SQL_APPROVAL_ADD, "ittt", notice_id, step, comment ? comment : "",
			    db_actor(db));
		if (r < 0)
			r = db_err(db, e, r, "không ghi được bước trình ký");
	}
	r = db_end(db, r, e);
out:
	arena_free(a);
	return r;
}

int notice_submit(struct db *db, int64_t notice_id, struct err *e)
{
	static const char *const from[] = {"", "return", "edit"};

	return step_add(db, notice_id, "submit", NULL, from, 3,
			"dự thảo đang chờ duyệt hoặc đã được duyệt: không trình lại", e);
}

int notice_approve(struct db *db, int64_t notice_id, struct err *e)
{
	static const char *const from[] = {"submit"};

	return step_add(db, notice_id, "approve", NULL, from, 1,
			"dự thảo chưa được trình (hoặc đã sửa sau khi trình): chưa duyệt được", e);
}

int notice_return(struct db *db, int64_t notice_id, const char *comment, struct err *e)
{
	static const char *const from[] = {"submit"};
	size_t n = comment ? strlen(comment) : 0;

	while (n && (comment[n - 1] == ' ' || comment[n - 1] == '\n'))
		n--;
	if (n == 0)
		return err_set(e, ERR_INVAL, "ý kiến: ghi lý do trả lại dự thảo");
	return step_add(db, notice_id, "return", comment, from, 1,
			"dự thảo chưa được trình (hoặc đã sửa sau khi trình): chưa trả lại được",
			e);
}

int notice_approval_gate(struct db *db, int64_t notice_id, int64_t body_id, struct err *e)
{
	struct arena *a = arena_new(1u << 20);
	struct notice_approval ap;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_approval_get(db, notice_id, a, &ap, e);
	if (r == 0 && ap.required && strcmp(ap.state, "approve") != 0)
		r = err_set(e, ERR_CHECK,
			    "dự thảo chưa được người ký duyệt (%s): cơ quan yêu cầu trình ký trước "
			    "khi ban hành",
			    !*ap.state			      ? "chưa trình"
			    : strcmp(ap.state, "submit") == 0 ? "đang chờ duyệt"
			    : strcmp(ap.state, "return") == 0 ? "đã bị trả lại"
							      : "đã sửa sau khi trình");
	arena_free(a);
	return r;
}
