/* notice_src.h: where a notice's data comes from besides the registry: figures and questioning. */
#pragma once

#include "core/notice/notice.h"

/* State kept while a notice is bound (arena memory). */
struct notice_src_state {
	struct db *db;
	int64_t body_id;
	struct arena *a;
};

/*
 * Points ctx->figure at the indicators module for (body, period) and fills
 * ctx->questioning from the session-work module, as far as they hold data.
 */
int notice_src_attach(struct db *db, int64_t body_id, int64_t session_id, struct arena *a,
		      struct notice_src_state *st, struct notice_ctx *ctx, struct err *e);
