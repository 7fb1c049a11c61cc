/* notice_view.h: a bound conclusion notice as a document view. */
#pragma once

#include "core/notice/notice.h"
#include "core/notice/fmt.h"
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
