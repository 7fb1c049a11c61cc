/* notice_src.h: where a notice's data comes from besides the registry: figures, questioning, mail. */
#pragma once

#include "core/notice.h"

/* State kept while a notice is bound (arena memory). */
struct notice_src_state {
	struct db *db;
	int64_t body_id;
};

/*
 * Points ctx->figure at the indicators module for (body, period) and fills
 * ctx->questioning from the session-work module, as far as they hold data.
 */
int notice_src_attach(struct db *db, int64_t body_id, int64_t session_id, struct arena *a,
		      struct notice_src_state *st, struct notice_ctx *ctx, struct err *e);

/*
 * After issuing: sends the notice to each queued e-mail delivery and records
 * the outcome. Paper deliveries stay listed for the office.
 */
int notice_src_send(struct db *db, int64_t notice_id, const char *symbol, const char *text,
		    struct err *e);
