/* docview.c: the format-neutral document: plain-text and HTML renderers, dispatch, atomic file output. */
#include "render/docview.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int dv_format_parse(const char *s, enum dv_format *ret, struct err *e)
{
	static const struct {
		const char *name;
		enum dv_format f;
	} formats[] = {{"txt", DV_TXT},
		       {"text", DV_TXT},
		       {"html", DV_HTML},
		       {"pdf", DV_PDF},
		       {"docx", DV_DOCX}};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (s && strcmp(s, formats[i].name) == 0) {
			*ret = formats[i].f;
			return 0;
		}
	}
	return err_set(e, ERR_INVAL, "định dạng '%s' không hỗ trợ (chọn txt, html, pdf hoặc docx)",
		       s ? s : "");
}

double dv_col_frac(const struct dv_table *t, size_t x)
{
	unsigned sum = 0;

	if (!t->widths || x >= t->ncols)
		return t->ncols ? 1.0 / (double)t->ncols : 1.0;
	for (size_t i = 0; i < t->ncols; i++)
		sum += t->widths[i];
	return sum ? (double)t->widths[x] / (double)sum : 1.0 / (double)t->ncols;
}

int dv_render(const struct docview *v, enum dv_format f, struct buf *out, struct err *e)
{
	switch (f) {
	case DV_TXT:
		return dv_render_text(v, out, e);
	case DV_HTML:
		return dv_render_html(v, out, e);
	case DV_PDF:
		return dv_render_pdf(v, out, e);
	case DV_DOCX:
		return dv_render_docx(v, out, e);
	}
	return err_set(e, ERR_INTERNAL, "định dạng không hỗ trợ");
}

static int nomem(struct err *e, int r)
{
	return err_set(e, r, r == ERR_TOOBIG ? "văn bản quá lớn" : "không đủ bộ nhớ");
}

/* Code points of a UTF-8 string: the width of NFC Vietnamese text in a fixed-width terminal. */
static size_t u8_width(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int text_two_cols(struct buf *out, const char *left, const char *right)
{
	const size_t col = 44;
	size_t w = u8_width(left);
	int r;

	r = buf_puts(out, left ? left : "");
	for (size_t i = w; r == 0 && right && *right && i < col; i++)
		r = buf_putc(out, ' ');
	if (r == 0 && right && *right) {
		if (w >= col)
			r = buf_putc(out, ' ');
		if (r == 0)
			r = buf_puts(out, right);
	}
	/* no trailing blanks */
	while (r == 0 && out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	return r ? r : buf_putc(out, '\n');
}

static bool empty(const char *s)
{
	return !s || !*s;
}

int dv_render_text(const struct docview *v, struct buf *out, struct err *e)
{
	char number[256];
	int r = 0;

	if (v->profile && (r = fmt_profile_check(v->profile, e)) < 0)
		return r;
	snprintf(number, sizeof(number), "%s", empty(v->number) ? "Số      " : v->number);
	r = text_two_cols(out, v->superior, v->motto);
	if (r == 0)
		r = text_two_cols(out, v->issuer, v->motto_sub);
	if (r == 0 && v->star) {
		char star[64];
		size_t w = u8_width(v->issuer) / 2;

		if (w > sizeof(star) - 2)
			w = sizeof(star) - 2;
		memset(star, ' ', w);
		star[w] = '*';
		star[w + 1] = '\0';
		r = text_two_cols(out, star, NULL);
	}
	if (r == 0)
		r = text_two_cols(out, number, v->place_date);
	if (r == 0 && !empty(v->type_name))
		r = buf_printf(out, "\n%s\n", v->type_name);
	if (r == 0 && !empty(v->summary))
		r = buf_printf(out, "%s\n", v->summary);
	for (size_t i = 0; r == 0 && i < v->nblocks; i++) {
		const struct dv_block *b = &v->blocks[i];

		if (b->kind == DV_RULE) {
			r = buf_puts(out, "-----\n");
			continue;
		}
		r = buf_putc(out, '\n');
		if (b->kind == DV_PARA) {
			for (size_t k = 0; r == 0 && k < b->nruns; k++)
				r = buf_puts(out, b->runs[k].text);
			if (r == 0)
				r = buf_putc(out, '\n');
		} else {
			const struct dv_table *t = &b->table;

			for (size_t y = 0; r == 0 && y < t->nrows; y++) {
				for (size_t x = 0; r == 0 && x < t->ncols; x++)
					r = buf_printf(out, "%s%s", x ? " | " : "",
						       t->cells[y * t->ncols + x]
							   ? t->cells[y * t->ncols + x]
							   : "");
				if (r == 0)
					r = buf_putc(out, '\n');
			}
		}
	}
	if (r == 0 && v->nrecipients) {
		r = buf_puts(out, "\nNơi nhận:\n");
		for (size_t i = 0; r == 0 && i < v->nrecipients; i++)
			r = buf_printf(out, "- %s%s\n", v->recipients[i],
				       i + 1 == v->nrecipients ? "" : ",");
	}
	if (r == 0 && !empty(v->sig_authority))
		r = buf_printf(out, "\n%s\n", v->sig_authority);
	if (r == 0 && !empty(v->sig_position))
		r = buf_printf(out, "%s\n", v->sig_position);
	if (r == 0 && !empty(v->sig_name))
		r = buf_printf(out, "\n%s\n", v->sig_name);
	return r < 0 ? nomem(e, r) : 0;
}

/* Escaped text, with "\n" as <br>. */
static int dv_html_lines(struct buf *out, const char *s)
{
	const char *nl;
	int r = 0;

	if (!s)
		return 0;
	while (r == 0 && (nl = strchr(s, '\n'))) {
		r = html_escape(out, s, (size_t)(nl - s));
		if (r == 0)
			r = buf_puts(out, "<br>");
		s = nl + 1;
	}
	return r ? r : html_escape(out, s, strlen(s));
}

static int html_el(struct buf *out, const char *tag, const char *cls, const char *s)
{
	int r;

	if (empty(s))
		return 0;
	r = buf_printf(out, "<%s class=\"%s\">", tag, cls);
	if (r == 0)
		r = dv_html_lines(out, s);
	return r ? r : buf_printf(out, "</%s>\n", tag);
}

int dv_render_html(const struct docview *v, struct buf *out, struct err *e)
{
	struct fmt_profile def;
	const struct fmt_profile *p = v->profile;
	static const char *const align[] = {"justify", "left", "center", "right"};
	int r;

	if (!p) {
		fmt_profile_default(&def);
		p = &def;
	}
	r = fmt_profile_check(p, e);
	if (r < 0)
		return r;
	r = buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
			  "<title>");
	if (r == 0)
		r = dv_html_lines(out, v->title ? v->title : v->type_name);
	if (r == 0)
		r = buf_printf(
		    out,
		    "</title>\n<style>\n"
		    "body{font-family:'Times New Roman','%s',serif;font-size:%gpt;"
		    "max-width:%gmm;margin:2em auto;padding:0 1em;line-height:%g;color:#000;"
		    "background:#fff}\n"
		    ".hd{display:flex;justify-content:space-between;text-align:center}\n"
		    ".hd div{flex:1}.hd p{margin:0}\n"
		    ".sup{font-size:%gpt}.iss{font-size:%gpt;font-weight:bold}\n"
		    ".motto{font-size:%gpt;font-weight:bold}.motto-sub{font-weight:bold}\n"
		    ".motto,.motto-sub:last-of-type{text-decoration:underline}\n"
		    ".date{font-style:italic}\n"
		    ".type{font-size:%gpt;font-weight:bold;text-align:center;margin:1em 0 0}\n"
		    ".sum{font-size:%gpt;font-weight:bold;text-align:center;margin:0}\n"
		    ".rule{width:5em;border:0;border-top:1px solid #000;margin:.3em auto 1em}\n"
		    ".body p{text-indent:%gmm;margin:0 0 %gpt}\n"
		    ".body p.ni{text-indent:0}\n"
		    "table.grid{border-collapse:collapse;width:100%%;margin:0 0 %gpt}\n"
		    "table.grid td,table.grid th{border:1px solid #000;padding:2pt 4pt}\n"
		    ".end{display:flex;justify-content:space-between;margin-top:1em}\n"
		    ".rcp{font-size:%gpt;flex:1}.rcp p{margin:0}"
		    ".rcp .t{font-style:italic;font-weight:bold;text-decoration:underline}\n"
		    ".sig{flex:1;text-align:center;font-weight:bold;font-size:%gpt}.sig p{margin:0}"
		    ".sig .name{margin-top:4em}\n"
		    "@media print{@page{size:A4;margin:%gmm %gmm %gmm %gmm}"
		    "body{max-width:none;margin:0;padding:0}}\n"
		    "</style>\n</head>\n<body>\n<div class=\"hd\">\n<div>\n",
		    p->font, p->body_pt, FMT_A4_W - p->margin_left - p->margin_right,
		    p->line_spacing * 1.15, p->header_pt, p->header_pt, p->motto_pt, p->type_pt,
		    p->summary_pt, p->indent_mm, p->para_space_pt, p->para_space_pt,
		    p->recipients_pt, p->sign_pt, p->margin_top, p->margin_right, p->margin_bottom,
		    p->margin_left);
	if (r == 0)
		r = html_el(out, "p", "sup", v->superior);
	if (r == 0)
		r = html_el(out, "p", "iss", v->issuer);
	if (r == 0 && v->star)
		r = buf_puts(out, "<p class=\"star\">*</p>\n");
	if (r == 0)
		r = html_el(out, "p", "num", empty(v->number) ? "Số" : v->number);
	if (r == 0)
		r = buf_puts(out, "</div>\n<div>\n");
	if (r == 0)
		r = html_el(out, "p", "motto", v->motto);
	if (r == 0)
		r = html_el(out, "p", "motto-sub", v->motto_sub);
	if (r == 0)
		r = html_el(out, "p", "date", v->place_date);
	if (r == 0)
		r = buf_puts(out, "</div>\n</div>\n");
	if (r == 0)
		r = html_el(out, "h1", "type", v->type_name);
	if (r == 0)
		r = html_el(out, "p", "sum", v->summary);
	if (r == 0)
		r = buf_puts(out, "<div class=\"body\">\n");
	for (size_t i = 0; r == 0 && i < v->nblocks; i++) {
		const struct dv_block *b = &v->blocks[i];

		if (b->kind == DV_RULE) {
			r = buf_puts(out, "<hr class=\"rule\">\n");
		} else if (b->kind == DV_PARA) {
			r = buf_printf(out, "<p%s style=\"text-align:%s\">",
				       b->no_indent ? " class=\"ni\"" : "", align[b->align]);
			for (size_t k = 0; r == 0 && k < b->nruns; k++) {
				unsigned st = b->runs[k].style;

				if (st & DV_BOLD)
					r = buf_puts(out, "<b>");
				if (r == 0 && (st & DV_ITALIC))
					r = buf_puts(out, "<i>");
				if (r == 0)
					r = dv_html_lines(out, b->runs[k].text);
				if (r == 0 && (st & DV_ITALIC))
					r = buf_puts(out, "</i>");
				if (r == 0 && (st & DV_BOLD))
					r = buf_puts(out, "</b>");
			}
			if (r == 0)
				r = buf_puts(out, "</p>\n");
		} else {
			const struct dv_table *t = &b->table;

			r = buf_puts(out, "<table class=\"grid\">\n");
			for (size_t y = 0; r == 0 && y < t->nrows; y++) {
				const char *tag = y == 0 && t->header ? "th" : "td";

				r = buf_puts(out, "<tr>");
				for (size_t x = 0; r == 0 && x < t->ncols; x++) {
					r = buf_printf(out, "<%s>", tag);
					if (r == 0)
						r = dv_html_lines(out, t->cells[y * t->ncols + x]);
					if (r == 0)
						r = buf_printf(out, "</%s>", tag);
				}
				if (r == 0)
					r = buf_puts(out, "</tr>\n");
			}
			if (r == 0)
				r = buf_puts(out, "</table>\n");
		}
	}
	if (r == 0)
		r = buf_puts(out, "</div>\n<div class=\"end\">\n<div class=\"rcp\">\n");
	if (r == 0 && v->nrecipients) {
		r = buf_puts(out, "<p class=\"t\">Nơi nhận:</p>\n");
		for (size_t i = 0; r == 0 && i < v->nrecipients; i++) {
			r = buf_puts(out, "<p>- ");
			if (r == 0)
				r = dv_html_lines(out, v->recipients[i]);
			if (r == 0)
				r = buf_puts(out, i + 1 == v->nrecipients ? "</p>\n" : ",</p>\n");
		}
	}
	if (r == 0)
		r = buf_puts(out, "</div>\n<div class=\"sig\">\n");
	if (r == 0)
		r = html_el(out, "p", "auth", v->sig_authority);
	if (r == 0)
		r = html_el(out, "p", "pos", v->sig_position);
	if (r == 0)
		r = html_el(out, "p", "name", v->sig_name);
	if (r == 0)
		r = buf_puts(out, "</div>\n</div>\n</body>\n</html>\n");
	return r < 0 ? nomem(e, r) : 0;
}

int dv_write_file(const char *path, const void *data, size_t len, struct err *e)
{
	char tmp[4096];
	const char *p = data;
	int fd;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmpXXXXXX", path) >= sizeof(tmp))
		return err_set(e, ERR_INVAL, "đường dẫn quá dài: %s", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_set(e, ERR_IO, "%s: không tạo được tệp (%s)", path, strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		p += n;
		len -= (size_t)n;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	return 0;
fail:
	err_set(e, ERR_IO, "%s: không ghi được tệp (%s)", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return ERR_IO;
}
