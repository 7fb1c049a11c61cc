/* sign_look.c: the visible signatures of an electronic document, drawn with cairo and pango (dondoc-pdf). */
#include "render/pdf_mod.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LOOK_DPI 200.0
#define MM(x) ((x)*72.0 / 25.4)

struct png_src {
	const unsigned char *p;
	size_t len, at;
};

static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int n)
{
	struct png_src *s = closure;

	if (s->len - s->at < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, s->p + s->at, n);
	s->at += n;
	return CAIRO_STATUS_SUCCESS;
}

static int png_load(const void *png, size_t len, const char *what, cairo_surface_t **ret,
		    struct err *e)
{
	struct png_src src = {png, len, 0};
	cairo_surface_t *s;

	if (!png || len < 8 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0)
		return err_set(e, ERR_INVAL, "%s không phải ảnh PNG", what);
	s = cairo_image_surface_create_from_png_stream(png_read, &src);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return err_set(e, ERR_INVAL, "%s: ảnh PNG hỏng, không đọc được", what);
	}
	*ret = s;
	return 0;
}

/* The canvas for rectangle r at LOOK_DPI, scaled so that one unit is one point. */
static int canvas(const struct dv_rect *r, cairo_surface_t **ret_s, cairo_t **ret_cr, struct err *e)
{
	int w = (int)(r->w * LOOK_DPI / 72.0 + 0.5), h = (int)(r->h * LOOK_DPI / 72.0 + 0.5);
	cairo_surface_t *s;

	if (w < 1 || h < 1 || w > 4000 || h > 4000)
		return err_set(e, ERR_INVAL, "vị trí chữ ký không hợp lệ");
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	*ret_s = s;
	*ret_cr = cairo_create(s);
	cairo_scale(*ret_cr, (double)w / r->w, (double)h / r->h);
	return 0;
}

/* Draws img fitted into (x, y, w, h), centred, keeping its proportions. */
static void draw_fit(cairo_t *cr, cairo_surface_t *img, double x, double y, double w, double h)
{
	double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
	double k = w / iw < h / ih ? w / iw : h / ih;

	cairo_save(cr);
	cairo_translate(cr, x + (w - iw * k) / 2, y + (h - ih * k) / 2);
	cairo_scale(cr, k, k);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BEST);
	cairo_paint(cr);
	cairo_restore(cr);
}

/* The canvas's premultiplied ARGB as RGB and alpha planes. */
static int planes(cairo_surface_t *s, struct dv_image *ret, struct err *e)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data;
	struct dv_image im = {.w = w, .h = h};

	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	im.rgb = malloc((size_t)w * (size_t)h * 3);
	im.alpha = malloc((size_t)w * (size_t)h);
	if (!im.rgb || !im.alpha) {
		dv_image_free(&im);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * stride);

		for (int x = 0; x < w; x++) {
			uint32_t px = row[x];
			unsigned a = px >> 24, c[3] = {(px >> 16) & 255, (px >> 8) & 255, px & 255};
			size_t i = (size_t)y * (size_t)w + (size_t)x;

			im.alpha[i] = (unsigned char)a;
			for (int k = 0; k < 3; k++)
				im.rgb[i * 3 + (size_t)k] =
				    (unsigned char)(a ? (c[k] * 255 + a / 2) / a : 255);
		}
	}
	*ret = im;
	return 0;
}

int look_signer(const void *png, size_t len, const struct dv_rect *r, struct dv_image *ret,
		struct err *e)
{
	cairo_surface_t *img = NULL, *s = NULL;
	cairo_t *cr = NULL;
	int rc;

	rc = png_load(png, len, "ảnh chữ ký", &img, e);
	if (rc == 0)
		rc = canvas(r, &s, &cr, e);
	if (rc == 0) {
		draw_fit(cr, img, 0, 0, r->w, r->h);
		cairo_destroy(cr);
		rc = planes(s, ret, e);
	}
	if (s)
		cairo_surface_destroy(s);
	if (img)
		cairo_surface_destroy(img);
	return rc;
}

int look_seal(const void *png, size_t len, const char *org, const char *when,
	      const struct dv_rect *r, struct dv_image *ret, struct err *e)
{
	cairo_surface_t *img = NULL, *s = NULL;
	cairo_t *cr = NULL;
	int rc;

	rc = png_load(png, len, "ảnh con dấu", &img, e);
	if (rc == 0)
		rc = canvas(r, &s, &cr, e);
	if (rc == 0) {
		/*
		 * dv_sign_places makes r->w the seal and (1/2 + f/6) of the block's
		 * width (f = DV_IMG_FRAC), of which (1/2 - f/2) is right of the image
		 */
		double side = r->h;
		double tw = (r->w - side) * (0.5 - DV_IMG_FRAC / 2) / (0.5 + DV_IMG_FRAC / 6);
		double tx = r->w - tw;
		PangoLayout *l;
		PangoFontDescription *fd;
		char *text;

		draw_fit(cr, img, 0, 0, side, side);
		/* the text right of the signer's image */
		text = g_strdup_printf("Ký bởi: %s\nThời gian ký:\n%s", org ? org : "",
				       when ? when : "");
		l = pango_cairo_create_layout(cr);
		fd = pango_font_description_from_string("Liberation Serif");
		pango_font_description_set_absolute_size(fd, 5.5 * PANGO_SCALE);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		pango_layout_set_width(l, (int)(tw * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_text(l, text, -1);
		cairo_set_source_rgb(cr, 0.0, 0.2, 0.7);
		cairo_move_to(cr, tx, 2);
		pango_cairo_show_layout(cr, l);
		g_object_unref(l);
		g_free(text);
		cairo_destroy(cr);
		rc = planes(s, ret, e);
	}
	if (s)
		cairo_surface_destroy(s);
	if (img)
		cairo_surface_destroy(img);
	return rc;
}

int look_attached(const char *number, const char *when, const struct dv_rect *r,
		  struct dv_image *ret, struct err *e)
{
	cairo_surface_t *s = NULL;
	cairo_t *cr = NULL;
	PangoLayout *l;
	PangoFontDescription *fd;
	char *text;
	int rc = canvas(r, &s, &cr, e);

	if (rc < 0)
		return rc;
	text = g_strdup_printf("Số: %s\nThời gian ký: %s", number ? number : "", when ? when : "");
	l = pango_cairo_create_layout(cr);
	/* set as a family: parsed from a string, "Roman" would be taken for a style */
	fd = pango_font_description_new();
	pango_font_description_set_family(fd, "Times New Roman");
	pango_font_description_set_style(fd, PANGO_STYLE_NORMAL);
	pango_font_description_set_weight(fd, PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(r->w * PANGO_SCALE));
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, -1);
	cairo_set_source_rgb(cr, 0.0, 0.2, 0.7);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	g_free(text);
	cairo_destroy(cr);
	rc = planes(s, ret, e);
	cairo_surface_destroy(s);
	return rc;
}
