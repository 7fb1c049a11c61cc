/* sign_look.h: how a digital signature looks on the page (NĐ 30/2020/NĐ-CP, Phụ lục I), as pictures. */
#pragma once

#include <stddef.h>

#include "render/docview.h"
#include "util/err.h"

/* A picture: 8-bit RGB and alpha planes, row by row from the top; malloc'd. */
struct dv_image {
	int w, h;
	unsigned char *rgb;   /* w * h * 3 */
	unsigned char *alpha; /* w * h */
};

/* Frees the planes; accepts a zeroed or freed image. */
void dv_image_free(struct dv_image *im);

/* The signer's image: this part of the signature block's width, centred. */
#define DV_IMG_FRAC 0.44

/* A rectangle in PDF points, origin at the page's lower left corner. */
struct dv_rect {
	double x, y, w, h;
};

/*
 * Where the two signatures go in the signature block b: the signer's
 * signature image centred in the blank between the authority lines and the
 * name; the organisation's seal (real size, about 32 mm) over the left third
 * of it, with the organisation's name and the signing time to the right.
 */
void dv_sign_places(const struct dv_sigbox *b, struct dv_rect *ret_signer,
		    struct dv_rect *ret_seal);

/*
 * The signer's look: the PNG signature image (transparent background) fitted
 * into r, keeping its proportions. ERR_INVAL when png is not a PNG image.
 * Caller frees ret with dv_image_free().
 */
int dv_look_signer(const void *png, size_t len, const struct dv_rect *r, struct dv_image *ret,
		   struct err *e);

/*
 * The organisation's look: the seal image (PNG, red, transparent) at the
 * left of r as a square of r's height, then in blue the lines "Ký bởi: org"
 * and "Thời gian ký: when" (when in ISO 8601 with Vietnam's offset).
 * ERR_INVAL when png is not a PNG image. Caller frees ret with dv_image_free().
 */
int dv_look_seal(const void *png, size_t len, const char *org, const char *when,
		 const struct dv_rect *r, struct dv_image *ret, struct err *e);

/*
 * Where the organisation's signature goes on a document attached to the main
 * one: the top right corner of its first page, whose MediaBox is box (x0, y0,
 * x1, y1), inside the top margin.
 */
void dv_attached_place(const double box[4], struct dv_rect *ret);

/*
 * The organisation's look on an attached document (NĐ 30/2020 Phụ lục I): no
 * image, only the main document's number and symbol ("Số: 512-TB/HU") and the
 * signing time when (ISO 8601 with Vietnam's offset), Times New Roman 10,
 * upright, blue, right-aligned in r. Caller frees ret with dv_image_free().
 */
int dv_look_attached(const char *number, const char *when, const struct dv_rect *r,
		     struct dv_image *ret, struct err *e);
