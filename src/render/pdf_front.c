/* pdf_front.c: PDF rendering and signature looks, called through the dondoc-pdf module; their geometry. */
#include <stdlib.h>

#include "render/pdf_mod.h"

#define MM(x) ((x)*72.0 / 25.4)
#define SEAL_MM 32.0

static int pdf_mod(const struct dv_pdf_mod **ret, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_PDF, &t, e);

	if (r == 0)
		*ret = t;
	return r;
}

int dv_render_pdf(const struct docview *v, struct buf *out, struct err *e)
{
	return dv_render_pdf_box(v, out, NULL, e);
}

int dv_render_pdf_box(const struct docview *v, struct buf *out, struct dv_sigbox *ret_box,
		      struct err *e)
{
	const struct dv_pdf_mod *m = NULL;
	int r = pdf_mod(&m, e);

	return r < 0 ? r : m->render(v, out, ret_box, e);
}

void dv_render_release(void)
{
	/* Nothing to release in a process that never loaded the renderer. */
	const struct dv_pdf_mod *m = mod_loaded(MOD_PDF);

	if (m)
		m->release();
}

int dv_look_signer(const void *png, size_t len, const struct dv_rect *r, struct dv_image *ret,
		   struct err *e)
{
	const struct dv_pdf_mod *m = NULL;
	int rc = pdf_mod(&m, e);

	return rc < 0 ? rc : m->look_signer(png, len, r, ret, e);
}

int dv_look_seal(const void *png, size_t len, const char *org, const char *when,
		 const struct dv_rect *r, struct dv_image *ret, struct err *e)
{
	const struct dv_pdf_mod *m = NULL;
	int rc = pdf_mod(&m, e);

	return rc < 0 ? rc : m->look_seal(png, len, org, when, r, ret, e);
}

int dv_look_attached(const char *number, const char *when, const struct dv_rect *r,
		     struct dv_image *ret, struct err *e)
{
	const struct dv_pdf_mod *m = NULL;
	int rc = pdf_mod(&m, e);

	return rc < 0 ? rc : m->look_attached(number, when, r, ret, e);
}

void dv_image_free(struct dv_image *im)
{
	if (!im)
		return;
	free(im->rgb);
	free(im->alpha);
	im->rgb = im->alpha = NULL;
}

void dv_sign_places(const struct dv_sigbox *b, struct dv_rect *ret_signer, struct dv_rect *ret_seal)
{
	double cx = b->x + b->w / 2, iw = b->w * DV_IMG_FRAC, seal = MM(SEAL_MM);
	double right = b->x + b->w;

	ret_signer->x = cx - iw / 2;
	ret_signer->y = b->y;
	ret_signer->w = iw;
	ret_signer->h = b->h;
	/* the seal's right edge a third of the way into the signature */
	ret_seal->x = cx - iw / 2 + iw / 3 - seal;
	ret_seal->y = b->y + b->h / 2 - seal / 2;
	ret_seal->w = right - ret_seal->x;
	ret_seal->h = seal;
}

#define ATT_W_MM 85.0
#define ATT_H_MM 9.5
#define ATT_RIGHT_MM 10.0
#define ATT_TOP_MM 4.5

void dv_attached_place(const double box[4], struct dv_rect *ret)
{
	ret->w = MM(ATT_W_MM);
	ret->h = MM(ATT_H_MM);
	ret->x = box[2] - MM(ATT_RIGHT_MM) - ret->w;
	ret->y = box[3] - MM(ATT_TOP_MM) - ret->h;
	if (ret->x < box[0])
		ret->x = box[0];
}
