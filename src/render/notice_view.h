/* notice_view.h: a bound conclusion notice as a document view. */
#pragma once

#include "core/notice/notice.h"
#include "core/notice/fmt.h"
#include "core/notice/notice_sign.h"
#include "render/docview.h"
#include "util/arena.h"

/*
 * Fills v from a bound notice and a format profile: header per the
 * profile's family (Party: the superior body, the issuer, "*", "ĐẢNG CỘNG
 * SẢN VIỆT NAM"; state: the national motto), body paragraphs, Nơi nhận and
 * signature. v borrows d, p and arena memory from a.
 */
int notice_view(const struct notice_doc *d, const struct fmt_profile *p, struct arena *a,
		struct docview *v, struct err *e);

/*
 * The issued notice's PDF, its record from the moment of issue: the stored
 * bytes when there are some, else (a notice issued before the store kept
 * them) the notice rendered now, pinned to its issue time, stored and kept
 * from then on. Joins the caller's transaction. ERR_INVAL for a draft.
 * Arena memory from a.
 */
int notice_issued_pdf(struct db *db, int64_t id, struct arena *a, struct notice_record *ret,
		      struct err *e);

/*
 * Issues the notice (notice_issue) and stores its PDF, rendered with its
 * issue time, as its record, in one transaction: both or neither. Temporary
 * memory from a.
 */
int notice_issue_with_pdf(struct db *db, int64_t id, const struct notice_issue_in *in,
			  struct arena *a, struct err *e);
