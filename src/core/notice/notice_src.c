/* notice_src.c: binds a notice to the indicators and session-work modules. */
#include "core/notice/notice_src.h"

#include <string.h>

#include "core/indicators/indicator.h"
#include "core/sessionwork/qa.h"

/* ctx->figure: one figure of the notice's body from the indicators module. */
static int src_figure(void *arg, const char *code, const char *period, const char *plan,
		      struct notice_fig *ret, struct err *e)
{
	struct notice_src_state *st = arg;
	struct ind_figure f;
	int r;

	r = ind_figure_get(st->db, st->body_id, period, code, plan, &f, e);
	if (r < 0)
		return r;
	memset(ret, 0, sizeof(*ret));
	ret->value = f.value;
	ret->has_plan = f.has_plan;
	ret->plan = f.plan;
	ret->has_same = f.has_same;
	ret->same = f.same;
	{
		char msg[400];

		if (ind_parts_check(st->db, st->body_id, f.period, code, msg, sizeof(msg), NULL) ==
		    1)
			ret->parts_msg = arena_strdup(st->a, msg);
	}
	return 0;
}

int notice_src_attach(struct db *db, int64_t body_id, int64_t session_id, struct arena *a,
		      struct notice_src_state *st, struct notice_ctx *ctx, struct err *e)
{
	st->db = db;
	st->body_id = body_id;
	st->a = a;
	ctx->figure = src_figure;
	ctx->figure_arg = st;
	if (session_id > 0) {
		struct buf b = BUF_INIT(256 * 1024);
		int r = qa_notice_paragraph(db, session_id, &b, e);

		if (r == 0)
			ctx->questioning = arena_strdup(a, buf_str(&b));
		buf_free(&b);
		if (r < 0)
			return r;
		if (!ctx->questioning)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	return 0;
}
