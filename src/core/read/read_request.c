/* read_request.c: reporting requests as an account sees them: the asking office's and the addressees'. */
#include "core/read/read.h"

#include <string.h>

#include "core/accounts/account.h"
#include "core/requests/request.h"
#include "util/arena.h"
#include "util/buf.h"

static bool is_reporter(const struct account *acct)
{
	return strcmp(acct->role, "reporter") == 0;
}

/* Fills v from a loaded request (with addressees); false when acct does not see it. */
static bool view(struct db *db, const struct account *acct, struct req *r, struct arena *a,
		 struct read_request *v)
{
	struct buf b = BUF_INIT(64 * 1024);
	bool seen;

	memset(v, 0, sizeof(*v));
	v->r = r;
	if (is_reporter(acct))
		return false;
	v->asker = account_sees_body(db, acct, r->body_id);
	seen = v->asker;
	for (size_t i = 0; i < r->nto; i++) {
		const struct req_to *t = &r->to[i];

		if (!t->answered_at) {
			if (b.len)
				buf_puts(&b, ", ");
			buf_puts(&b, t->body_name);
		}
		if (!account_sees_body(db, acct, t->body_id))
			continue;
		seen = true;
		if (!t->answered_at && !v->answer_as)
			v->answer_as = t->body_id;
	}
	v->missing = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return seen;
}

int read_requests(struct db *db, const struct account *acct, struct arena *a,
		  struct read_request **ret, size_t *ret_n, struct err *e)
{
	struct read_request *out;
	struct req *v = NULL;
	size_t n = 0, k = 0;
	int r;

	r = req_list(db, 0, a, &v, &n, e);
	if (r < 0)
		return r;
	out = arena_alloc(a, (n ? n : 1) * sizeof(*out));
	if (!out)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < n; i++) {
		struct req *full = arena_alloc(a, sizeof(*full));

		if (!full)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		r = req_get(db, v[i].id, a, full, e);
		if (r < 0)
			return r;
		if (view(db, acct, full, a, &out[k]))
			k++;
	}
	*ret = out;
	*ret_n = k;
	return 0;
}

int read_request(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		 struct read_request *ret, struct err *e)
{
	struct req *full = arena_alloc(a, sizeof(*full));
	int r;

	if (!full)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = req_get(db, id, a, full, e);
	if (r < 0)
		return r;
	if (!view(db, acct, full, a, ret))
		return err_set(e, ERR_NOTFOUND, "không có yêu cầu báo cáo số %lld", (long long)id);
	return 0;
}

bool read_request_may_answer(struct db *db, const struct account *acct,
			     const struct read_request *rq, int64_t body_id)
{
	if (is_reporter(acct))
		return false;
	for (size_t i = 0; i < rq->r->nto; i++)
		if (rq->r->to[i].body_id == body_id)
			return account_sees_body(db, acct, body_id);
	return false;
}
