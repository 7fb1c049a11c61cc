/* pdf_mod.h: the entry points of the dondoc-pdf module (render_pdf.c, sign_look.c; cairo, pango). */
#pragma once

#include "render/docview.h"
#include "render/sign_look.h"
#include "util/mod.h"

/* Behind dv_render_pdf_box, dv_render_release and dv_look_* (pdf_front.c), same contracts. */
struct dv_pdf_mod {
	struct mod_head head;
	int (*render)(const struct docview *v, struct buf *out, struct dv_sigbox *ret_box,
		      struct err *e);
	void (*release)(void);
	int (*look_signer)(const void *png, size_t len, const struct dv_rect *r,
			   struct dv_image *ret, struct err *e);
	int (*look_seal)(const void *png, size_t len, const char *org, const char *when,
			 const struct dv_rect *r, struct dv_image *ret, struct err *e);
	int (*look_attached)(const char *number, const char *when, const struct dv_rect *r,
			     struct dv_image *ret, struct err *e);
};

extern const struct dv_pdf_mod dondoc_mod_pdf;

/* sign_look.c, inside the module */
int look_signer(const void *png, size_t len, const struct dv_rect *r, struct dv_image *ret,
		struct err *e);
int look_seal(const void *png, size_t len, const char *org, const char *when,
	      const struct dv_rect *r, struct dv_image *ret, struct err *e);
int look_attached(const char *number, const char *when, const struct dv_rect *r,
		  struct dv_image *ret, struct err *e);
