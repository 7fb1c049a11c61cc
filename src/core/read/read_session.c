/* read_session.c: a session's whole work as its page and its JSON present it, in the account's scope. */
#include "core/read/read.h"
#include "core/accounts/account.h"

#include <string.h>

#include "core/sessionwork/qa.h"
#include "core/sessionwork/sessionwork.h"
#include "core/tasks/task.h"

/* The documents commented on at a session, at most this many (a session tables a handful). */
#define SESSION_DOCS_MAX 64

int read_session_work(struct db *db, const struct account *acct, int64_t session_id,
		      const char *today, struct arena *a, struct read_session_work *ret,
		      struct err *e)
{
	struct task_filter f = {.as_of = today, .source_session_id = session_id};
	struct task *ts = NULL;
	int64_t *docs = NULL;
	size_t n = 0, ndocs = 0;
	int rc;

	memset(ret, 0, sizeof(*ret));
	rc = read_session_notices(db, acct, session_id, a, &ret->notices, &ret->nnotices);
	if (rc < 0)
		return err_set(e, rc, "không đọc được thông báo của phiên họp");
	rc = task_list(db, &f, a, &ts, &n, e);
	if (rc < 0)
		return rc;
	ret->tasks = ts;
	/* the operator (id 0) sees every task; an account, those the scope rule gives it */
	for (size_t i = 0; i < n; i++)
		if (acct->id == 0 || read_task_visible(db, acct, &ts[i]))
			ret->tasks[ret->ntasks++] = ts[i];
	rc = qa_list(db, session_id, a, &ret->questions, &ret->nquestions, e);
	if (rc < 0)
		return rc;
	ret->minutes = arena_alloc(a, sizeof(*ret->minutes));
	if (!ret->minutes)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	rc = minutes_get(db, session_id, a, ret->minutes, e);
	if (rc == ERR_NOTFOUND)
		ret->minutes = NULL;
	else if (rc < 0)
		return rc;
	rc = read_session_comment_docs(db, acct, session_id, SESSION_DOCS_MAX, a, &docs, &ndocs);
	if (rc < 0)
		return err_set(e, rc, "không đọc được góp ý của phiên họp");
	ret->comments = ndocs ? arena_alloc(a, sizeof(*ret->comments) * ndocs) : NULL;
	if (ndocs && !ret->comments)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < ndocs; i++) {
		rc = cmt_table_load(db, docs[i], a, &ret->comments[ret->ncomments], e);
		if (rc < 0)
			return rc;
		ret->ncomments++;
	}
	return 0;
}
