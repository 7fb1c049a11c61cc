/*
 * sign_pdf.c: the PDF side of signing: reading the cross-reference tables,
 * writing a signature as an incremental update, finding and checking the
 * signatures of a file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "sign/sign_int.h"

#define PDF_MAX_OBJ 200000
#define SIG_HEX 32768	  /* room for the CMS: 16 KiB, certificates and chain included */
#define SIG_HEX_TSA 65536 /* with a timestamp token and its TSA's chain: 32 KiB */

/* A PDF as its newest cross-reference tables see it. */
struct pdf {
	const char *p;
	size_t len;
	size_t *off; /* by object number: its offset + 1; 0 none, SIZE_MAX free */
	size_t nobj;
	size_t xref; /* offset of the newest table */
	long size;
	long root, info;
	size_t id_s, id_e; /* the trailer's /ID value, when it has one */
};

static bool is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL;
}

static size_t skip_ws(const char *p, size_t i, size_t n)
{
	while (i < n) {
		if (is_ws(p[i])) {
			i++;
		} else if (p[i] == '%') {
			while (i < n && p[i] != '\n' && p[i] != '\r')
				i++;
		} else {
			break;
		}
	}
	return i;
}

static size_t skip_token(const char *p, size_t i, size_t n)
{
	while (i < n && !is_ws(p[i]) && !is_delim(p[i]))
		i++;
	return i;
}

static bool is_int_at(const char *p, size_t i, size_t e)
{
	if (i >= e)
		return false;
	for (size_t k = i; k < e; k++)
		if (p[k] < '0' || p[k] > '9')
			return false;
	return true;
}

/* The end of the value at i (SIZE_MAX when malformed); "N G R" is one value. */
static size_t skip_value(const char *p, size_t i, size_t n, int depth)
{
	if (i >= n || depth > 64)
		return SIZE_MAX;
	if (p[i] == '<' && i + 1 < n && p[i + 1] == '<') {
		i += 2;
		for (;;) {
			i = skip_ws(p, i, n);
			if (i + 1 < n && p[i] == '>' && p[i + 1] == '>')
				return i + 2;
			i = skip_value(p, i, n, depth + 1);
			if (i == SIZE_MAX)
				return i;
		}
	}
	if (p[i] == '<') {
		const char *q = memchr(p + i, '>', n - i);
		return q ? (size_t)(q - p) + 1 : SIZE_MAX;
	}
	if (p[i] == '(') {
		int nest = 0;
		for (; i < n; i++) {
			if (p[i] == '\\')
				i++;
			else if (p[i] == '(')
				nest++;
			else if (p[i] == ')' && --nest == 0)
				return i + 1;
		}
		return SIZE_MAX;
	}
	if (p[i] == '[') {
		i++;
		for (;;) {
			i = skip_ws(p, i, n);
			if (i < n && p[i] == ']')
				return i + 1;
			i = skip_value(p, i, n, depth + 1);
			if (i == SIZE_MAX)
				return i;
		}
	}
	if (p[i] == '/')
		return skip_token(p, i + 1, n);
	if (p[i] == '>' || p[i] == ']' || p[i] == ')')
		return SIZE_MAX;
	{
		size_t e = skip_token(p, i, n), j, k;

		if (e == i)
			return SIZE_MAX;
		/* an indirect reference: two integers and R */
		if (is_int_at(p, i, e)) {
			j = skip_ws(p, e, n);
			k = skip_token(p, j, n);
			if (is_int_at(p, j, k)) {
				size_t r = skip_ws(p, k, n);
				if (r < n && p[r] == 'R' &&
				    (r + 1 == n || is_ws(p[r + 1]) || is_delim(p[r + 1])))
					return r + 1;
			}
		}
		return e;
	}
}

/* In the dictionary at [s, e), the value of /key: its span and that of the key. */
static bool dict_get(const char *p, size_t s, size_t e, const char *key, size_t *ks, size_t *vs,
		     size_t *ve)
{
	size_t i = s + 2, klen = strlen(key);

	for (;;) {
		size_t k0, k1, v1;

		i = skip_ws(p, i, e);
		if (i + 1 >= e || p[i] != '/')
			return false;
		k0 = i;
		k1 = skip_token(p, i + 1, e);
		i = skip_ws(p, k1, e);
		v1 = skip_value(p, i, e, 0);
		if (v1 == SIZE_MAX)
			return false;
		if (k1 - k0 - 1 == klen && memcmp(p + k0 + 1, key, klen) == 0) {
			if (ks)
				*ks = k0;
			*vs = i;
			*ve = v1;
			return true;
		}
		i = v1;
	}
}

static long ref_num(const char *p, size_t vs, size_t ve)
{
	char tmp[24];
	char *end;
	long v;

	if (ve - vs >= sizeof(tmp) || ve <= vs || p[ve - 1] != 'R')
		return -1;
	memcpy(tmp, p + vs, ve - vs);
	tmp[ve - vs] = '\0';
	v = strtol(tmp, &end, 10);
	return end != tmp && v > 0 && v < PDF_MAX_OBJ ? v : -1;
}

static long long num_at(const char *p, size_t i, size_t n, size_t *ret_end)
{
	long long v = 0;
	size_t k = i;

	while (k < n && p[k] >= '0' && p[k] <= '9' && v < (1LL << 50))
		v = v * 10 + (p[k++] - '0');
	*ret_end = k;
	return k == i ? -1 : v;
}

static int bad(struct err *e, const char *why)
{
	return err_set(e, ERR_INVAL, "tệp PDF không đọc được (%s)", why);
}

/* Reads the cross-reference tables from the newest back, the first one seen of each object winning. */
static int pdf_open(struct pdf *d, const void *data, size_t len, struct err *e)
{
	const char *p = data;
	size_t at, i, k;
	int hops = 0;
	bool first = true;

	memset(d, 0, sizeof(*d));
	d->p = p;
	d->len = len;
	d->root = d->info = -1;
	if (len < 32 || memcmp(p, "%PDF-", 5) != 0)
		return bad(e, "không phải tệp PDF");
	for (i = len - 9; i > 0 && len - i < 2048; i--)
		if (memcmp(p + i, "startxref", 9) == 0)
			break;
	if (i == 0 || len - i >= 2048)
		return bad(e, "không có startxref");
	at = (size_t)num_at(p, skip_ws(p, i + 9, len), len, &k);
	if (at == (size_t)-1 || at >= len)
		return bad(e, "startxref hỏng");
	d->xref = at;
	d->nobj = 1024;
	d->off = calloc(d->nobj, sizeof(size_t));
	if (!d->off)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	while (hops++ < 64) {
		size_t ts, te, vs, ve;

		i = skip_ws(p, at, len);
		if (len - i < 4 || memcmp(p + i, "xref", 4) != 0)
			return err_set(e, ERR_INVAL,
				       "tệp PDF dùng bảng tham chiếu nén (xref stream): chưa hỗ "
				       "trợ ký thêm vào tệp này");
		i += 4;
		for (;;) {
			long long start, count;

			i = skip_ws(p, i, len);
			if (len - i >= 7 && memcmp(p + i, "trailer", 7) == 0)
				break;
			start = num_at(p, i, len, &k);
			count = num_at(p, skip_ws(p, k, len), len, &k);
			if (start < 0 || count < 0 || start + count > PDF_MAX_OBJ)
				return bad(e, "bảng tham chiếu hỏng");
			/* the entries start on the next line, 20 bytes each */
			while (k < len && p[k] != '\n' && p[k] != '\r')
				k++;
			k = skip_ws(p, k, len);
			if ((size_t)count * 20 > len - k)
				return bad(e, "bảng tham chiếu hỏng");
			if ((size_t)(start + count) > d->nobj) {
				size_t nn = (size_t)(start + count) * 2;
				size_t *no = realloc(d->off, nn * sizeof(size_t));

				if (!no)
					return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
				memset(no + d->nobj, 0, (nn - d->nobj) * sizeof(size_t));
				d->off = no;
				d->nobj = nn;
			}
			for (long long n = 0; n < count; n++, k += 20) {
				size_t end;
				long long off = num_at(p, k, len, &end);
				size_t num = (size_t)(start + n);

				if (d->off[num])
					continue;
				if (p[k + 17] == 'n' && off >= 0 && (size_t)off < len)
					d->off[num] = (size_t)off + 1;
				else
					d->off[num] = SIZE_MAX;
			}
			i = k;
		}
		ts = skip_ws(p, i + 7, len);
		te = skip_value(p, ts, len, 0);
		if (te == SIZE_MAX || p[ts] != '<')
			return bad(e, "trailer hỏng");
		if (first) {
			first = false;
			if (dict_get(p, ts, te, "Size", NULL, &vs, &ve))
				d->size = (long)num_at(p, vs, ve, &k);
			if (dict_get(p, ts, te, "Root", NULL, &vs, &ve))
				d->root = ref_num(p, vs, ve);
			if (dict_get(p, ts, te, "Info", NULL, &vs, &ve))
				d->info = ref_num(p, vs, ve);
			if (dict_get(p, ts, te, "ID", NULL, &vs, &ve)) {
				d->id_s = vs;
				d->id_e = ve;
			}
		}
		if (!dict_get(p, ts, te, "Prev", NULL, &vs, &ve))
			break;
		at = (size_t)num_at(p, vs, ve, &k);
		if (at >= len)
			return bad(e, "Prev hỏng");
	}
	if (d->root < 0 || d->size <= 0 || d->size > PDF_MAX_OBJ)
		return bad(e, "trailer thiếu Root hoặc Size");
	return 0;
}

static void pdf_close(struct pdf *d)
{
	free(d->off);
	d->off = NULL;
}

/* The span of object num's value ("<< … >>" or "[ … ]"). */
static int obj_value(const struct pdf *d, long num, size_t *ret_s, size_t *ret_e, struct err *e)
{
	size_t at, i, k;

	if (num <= 0 || (size_t)num >= d->nobj || !d->off[num] || d->off[num] == SIZE_MAX)
		return bad(e, "thiếu đối tượng");
	at = d->off[num] - 1;
	if (num_at(d->p, at, d->len, &k) != num)
		return bad(e, "bảng tham chiếu chỉ sai chỗ");
	i = skip_ws(d->p, k, d->len);
	num_at(d->p, i, d->len, &k);
	i = skip_ws(d->p, k, d->len);
	if (d->len - i < 3 || memcmp(d->p + i, "obj", 3) != 0)
		return bad(e, "đối tượng hỏng");
	i = skip_ws(d->p, i + 3, d->len);
	k = skip_value(d->p, i, d->len, 0);
	if (k == SIZE_MAX)
		return bad(e, "đối tượng hỏng");
	*ret_s = i;
	*ret_e = k;
	return 0;
}

/* Whether the dictionary [s, e) has /Type /name. */
static bool dict_type(const char *p, size_t s, size_t e, const char *name)
{
	size_t vs, ve;

	return dict_get(p, s, e, "Type", NULL, &vs, &ve) && ve - vs == strlen(name) + 1 &&
	       memcmp(p + vs + 1, name, strlen(name)) == 0;
}

/* The object number of the page-th page (1-based) under the page tree node num. */
static int find_page(const struct pdf *d, long num, int *page, int depth, long *ret, struct err *e)
{
	size_t s, en, vs, ve;
	int r;

	if (depth > 16)
		return bad(e, "cây trang quá sâu");
	r = obj_value(d, num, &s, &en, e);
	if (r < 0)
		return r;
	if (!dict_type(d->p, s, en, "Pages")) {
		if (--*page == 0) {
			*ret = num;
			return 1;
		}
		return 0;
	}
	if (!dict_get(d->p, s, en, "Kids", NULL, &vs, &ve) || d->p[vs] != '[')
		return bad(e, "cây trang hỏng");
	for (size_t i = vs + 1;;) {
		size_t k;
		long kid;

		i = skip_ws(d->p, i, ve);
		if (i >= ve || d->p[i] == ']')
			break;
		k = skip_value(d->p, i, ve, 0);
		if (k == SIZE_MAX)
			return bad(e, "cây trang hỏng");
		kid = ref_num(d->p, i, k);
		if (kid < 0)
			return bad(e, "cây trang hỏng");
		r = find_page(d, kid, page, depth + 1, ret, e);
		if (r != 0)
			return r;
		i = k;
	}
	return 0;
}

/* The object number of document d's page-th page (1-based), or an error naming the page. */
static int page_obj(const struct pdf *d, int page, long *ret, struct err *e)
{
	size_t rs, re, vs, ve;
	int left = page, r = obj_value(d, d->root, &rs, &re, e);

	if (r < 0)
		return r;
	if (!dict_get(d->p, rs, re, "Pages", NULL, &vs, &ve) || ref_num(d->p, vs, ve) < 0)
		return bad(e, "thiếu cây trang");
	r = find_page(d, ref_num(d->p, vs, ve), &left, 0, ret, e);
	if (r == 0)
		return err_set(e, ERR_INVAL, "tệp PDF không có trang %d để đặt chữ ký", page);
	return r < 0 ? r : 0;
}

/* The dictionary [s, e) without the entry of key, into out without its "<<" and ">>". */
static int dict_without(struct buf *out, const char *p, size_t s, size_t e, const char *key)
{
	size_t ks, vs, ve;

	if (!dict_get(p, s, e, key, &ks, &vs, &ve))
		return buf_add(out, p + s + 2, e - s - 4);
	if (buf_add(out, p + s + 2, ks - s - 2) < 0)
		return ERR_TOOBIG;
	return buf_add(out, p + ve, e - 2 - ve);
}

/* The items of an array value (inline or a reference to one), into out. */
static int array_items(const struct pdf *d, size_t vs, size_t ve, struct buf *out, struct err *e)
{
	if (d->p[vs] != '[') {
		long num = ref_num(d->p, vs, ve);
		int r;

		if (num < 0)
			return bad(e, "mảng hỏng");
		r = obj_value(d, num, &vs, &ve, e);
		if (r < 0)
			return r;
		if (d->p[vs] != '[')
			return bad(e, "mảng hỏng");
	}
	return buf_add(out, d->p + vs + 1, ve - vs - 2) < 0 ? ERR_TOOBIG : 0;
}

static int deflate_into(struct buf *out, const unsigned char *data, size_t len, struct err *e)
{
	uLongf n = compressBound((uLong)len);
	unsigned char *z = malloc(n);
	int r;

	if (!z)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (compress2(z, &n, data, (uLong)len, 6) != Z_OK) {
		free(z);
		return err_set(e, ERR_INTERNAL, "không nén được ảnh chữ ký");
	}
	r = buf_add(out, z, n);
	free(z);
	return r < 0 ? err_set(e, ERR_TOOBIG, "tệp PDF quá lớn") : 0;
}

/* Offsets of the objects written by the update, for its cross-reference table. */
struct xent {
	long num;
	size_t off;
};

static int obj_begin(struct buf *b, struct xent *x, size_t *nx, long num)
{
	x[*nx].num = num;
	x[*nx].off = b->len;
	(*nx)++;
	return buf_printf(b, "%ld 0 obj\n", num);
}

static int cmp_xent(const void *a, const void *b)
{
	const struct xent *x = a, *y = b;

	return x->num < y->num ? -1 : x->num > y->num;
}

/* "D:20261203183000+07'00'" and "2026-12-03T18:30:00+07:00": the time in Vietnam. */
static void vn_times(time_t when, char pdf[64], char iso[64])
{
	time_t t = when + 7 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(pdf, 64, "D:%04d%02d%02d%02d%02d%02d+07'00'", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	snprintf(iso, 64, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int sign_pdf(const void *pdf, size_t len, struct sign_key *k, const struct sign_look *look,
	     time_t when, const char *tsa, struct buf *out, struct err *e)
{
	size_t sig_hex = tsa ? SIG_HEX_TSA : SIG_HEX;
	struct pdf d;
	struct buf tmp = BUF_INIT(64u << 20), data = BUF_INIT(256u << 20);
	struct xent x[8];
	size_t nx = 0, rs, re, ps, pe, vs, ve, contents_at = 0, range_at = 0, start = out->len;
	long page_num = 0, n0, img, smask, ap, sig, wid, acro;
	char mdate[64], iso[64];
	int r, page = look ? look->page : 1;

	r = pdf_open(&d, pdf, len, e);
	if (r < 0)
		return r;
	r = page_obj(&d, page, &page_num, e);
	if (r == 0)
		r = obj_value(&d, d.root, &rs, &re, e);
	if (r == 0)
		r = obj_value(&d, page_num, &ps, &pe, e);
	if (r < 0)
		goto out;
	n0 = d.size;
	img = n0;
	smask = n0 + 1;
	ap = n0 + 2;
	sig = n0 + 3;
	wid = n0 + 4;
	acro = n0 + 5;
	vn_times(when, mdate, iso);

#define W(call)                                                        \
	do {                                                           \
		if ((call) < 0) {                                      \
			r = err_set(e, ERR_TOOBIG, "tệp PDF quá lớn"); \
			goto out;                                      \
		}                                                      \
	} while (0)

	W(buf_add(out, pdf, len));
	if (len && d.p[len - 1] != '\n')
		W(buf_putc(out, '\n'));
	if (look) {
		size_t npx = (size_t)look->px_w * (size_t)look->px_h;

		/* the picture and its transparency */
		buf_reset(&tmp);
		r = deflate_into(&tmp, look->rgb, npx * 3, e);
		if (r < 0)
			goto out;
		W(obj_begin(out, x, &nx, img));
		W(buf_printf(out,
			     "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
			     "/DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /SMask %ld 0 R "
			     "/Length %zu >>\nstream\n",
			     look->px_w, look->px_h, smask, tmp.len));
		W(buf_add(out, tmp.data, tmp.len));
		W(buf_puts(out, "\nendstream\nendobj\n"));
		buf_reset(&tmp);
		r = deflate_into(&tmp, look->alpha, npx, e);
		if (r < 0)
			goto out;
		W(obj_begin(out, x, &nx, smask));
		W(buf_printf(out,
			     "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
			     "/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %zu "
			     ">>\nstream\n",
			     look->px_w, look->px_h, tmp.len));
		W(buf_add(out, tmp.data, tmp.len));
		W(buf_puts(out, "\nendstream\nendobj\n"));
		buf_reset(&tmp);
		W(buf_printf(&tmp, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", look->w, look->h));
		W(obj_begin(out, x, &nx, ap));
		W(buf_printf(
		    out,
		    "<< /Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] /Resources << "
		    "/XObject << /Im0 %ld 0 R >> >> /Length %zu >>\nstream\n%s\nendstream\n"
		    "endobj\n",
		    look->w, look->h, img, tmp.len, tmp.data));
	}
	/* the signature value: its byte range and contents filled in below */
	W(obj_begin(out, x, &nx, sig));
	W(buf_puts(out, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
			"/ByteRange "));
	range_at = out->len;
	W(buf_printf(out, "[0 %10d %10d %10d]", 0, 0, 0));
	W(buf_puts(out, " /Contents "));
	contents_at = out->len;
	W(buf_putc(out, '<'));
	for (size_t i = 0; i < sig_hex; i++)
		W(buf_putc(out, '0'));
	W(buf_putc(out, '>'));
	W(buf_printf(out, " /M (%s) >>\nendobj\n", mdate));
	/* the field and its widget in one */
	W(obj_begin(out, x, &nx, wid));
	W(buf_printf(
	    out,
	    "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature%ld) /V %ld 0 R /F 132 "
	    "/P %ld 0 R /Rect [%.2f %.2f %.2f %.2f]",
	    sig, sig, page_num, look ? look->x : 0.0, look ? look->y : 0.0,
	    look ? look->x + look->w : 0.0, look ? look->y + look->h : 0.0));
	if (look)
		W(buf_printf(out, " /AP << /N %ld 0 R >>", ap));
	W(buf_puts(out, " >>\nendobj\n"));
	/* the AcroForm: the fields already there, and this one */
	buf_reset(&tmp);
	if (dict_get(d.p, rs, re, "AcroForm", NULL, &vs, &ve)) {
		size_t as = vs, ae = ve, fs, fe;

		if (d.p[vs] != '<') {
			r = obj_value(&d, ref_num(d.p, vs, ve), &as, &ae, e);
			if (r < 0)
				goto out;
		}
		if (dict_get(d.p, as, ae, "Fields", NULL, &fs, &fe)) {
			r = array_items(&d, fs, fe, &tmp, e);
			if (r < 0)
				goto out;
		}
	}
	W(obj_begin(out, x, &nx, acro));
	W(buf_printf(out, "<< /Fields [%s %ld 0 R] /SigFlags 3 >>\nendobj\n", buf_str(&tmp), wid));
	/* the catalog and the page again, pointing at them */
	W(obj_begin(out, x, &nx, d.root));
	W(buf_puts(out, "<<"));
	W(dict_without(out, d.p, rs, re, "AcroForm"));
	W(buf_printf(out, " /AcroForm %ld 0 R >>\nendobj\n", acro));
	buf_reset(&tmp);
	if (dict_get(d.p, ps, pe, "Annots", NULL, &vs, &ve)) {
		r = array_items(&d, vs, ve, &tmp, e);
		if (r < 0)
			goto out;
	}
	W(obj_begin(out, x, &nx, page_num));
	W(buf_puts(out, "<<"));
	W(dict_without(out, d.p, ps, pe, "Annots"));
	W(buf_printf(out, " /Annots [%s %ld 0 R] >>\nendobj\n", buf_str(&tmp), wid));
	/* the cross-reference table of the update */
	{
		size_t xref_at = out->len - start;

		qsort(x, nx, sizeof(x[0]), cmp_xent);
		W(buf_puts(out, "xref\n"));
		for (size_t i = 0; i < nx; i++)
			W(buf_printf(out, "%ld 1\n%010zu 00000 n\r\n", x[i].num, x[i].off - start));
		W(buf_printf(out, "trailer\n<< /Size %ld /Root %ld 0 R", acro + 1, d.root));
		if (d.info > 0)
			W(buf_printf(out, " /Info %ld 0 R", d.info));
		if (d.id_e > d.id_s) {
			W(buf_puts(out, " /ID "));
			W(buf_add(out, d.p + d.id_s, d.id_e - d.id_s));
		}
		W(buf_printf(out, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n", d.xref, xref_at));
	}
#undef W
	/* the byte range: everything but the contents' hex string */
	{
		size_t a = contents_at - start, b = contents_at + sig_hex + 2 - start;
		size_t total = out->len - start;
		char br[64];
		int n = snprintf(br, sizeof(br), "[0 %10zu %10zu %10zu]", a, b, total - b);

		if (n != 36) {
			r = err_set(e, ERR_TOOBIG, "tệp PDF quá lớn để ký");
			goto out;
		}
		memcpy(out->data + range_at, br, (size_t)n);
		if (buf_add(&data, out->data + start, a) < 0 ||
		    buf_add(&data, out->data + start + b, total - b) < 0) {
			r = err_set(e, ERR_TOOBIG, "tệp PDF quá lớn để ký");
			goto out;
		}
		buf_reset(&tmp);
		r = sign_cms_make(k, data.data, data.len, &tmp, e);
		if (r == 0 && tsa)
			r = sign_tsa_stamp(tsa, &tmp, e);
		if (r < 0)
			goto out;
		if (tmp.len * 2 > sig_hex) {
			r = err_set(e, ERR_TOOBIG, "chữ ký quá lớn (chuỗi chứng thư quá dài)");
			goto out;
		}
		for (size_t i = 0; i < tmp.len; i++) {
			static const char hex[] = "0123456789abcdef";
			unsigned char c = (unsigned char)tmp.data[i];

			out->data[contents_at + 1 + 2 * i] = hex[c >> 4];
			out->data[contents_at + 2 + 2 * i] = hex[c & 15];
		}
	}
	(void)iso;
out:
	if (r < 0 && out->len > start) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
	}
	buf_free(&tmp);
	buf_free(&data);
	pdf_close(&d);
	return r;
}

int sign_pdf_page_box(const void *pdf, size_t len, int page, double ret_box[4], struct err *e)
{
	struct pdf d;
	size_t vs, ve, s, en;
	long num = 0;
	int r;

	r = pdf_open(&d, pdf, len, e);
	if (r < 0)
		return r;
	r = page_obj(&d, page, &num, e);
	/* the page's MediaBox, else the nearest of its parents' */
	for (int depth = 0; r == 0; depth++) {
		r = obj_value(&d, num, &s, &en, e);
		if (r < 0)
			break;
		if (dict_get(d.p, s, en, "MediaBox", NULL, &vs, &ve) && d.p[vs] == '[') {
			char tmp[128];
			double b[4];

			if (ve - vs >= sizeof(tmp)) {
				r = bad(e, "MediaBox hỏng");
				break;
			}
			memcpy(tmp, d.p + vs + 1, ve - vs - 2);
			tmp[ve - vs - 2] = '\0';
			if (sscanf(tmp, "%lf %lf %lf %lf", &b[0], &b[1], &b[2], &b[3]) != 4 ||
			    b[2] <= b[0] || b[3] <= b[1]) {
				r = bad(e, "MediaBox hỏng");
				break;
			}
			memcpy(ret_box, b, sizeof(b));
			break;
		}
		if (depth > 32 || !dict_get(d.p, s, en, "Parent", NULL, &vs, &ve) ||
		    (num = ref_num(d.p, vs, ve)) < 0)
			r = bad(e, "trang không có MediaBox");
	}
	pdf_close(&d);
	return r;
}

/* ---- verifying ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The signing time of the /Sig dictionary around pos: its /M, as ISO 8601 and as time_t. */
static const char *sig_time(const char *p, size_t len, size_t pos, struct arena *a, time_t *ret)
{
	size_t from = pos > 4096 ? pos - 4096 : 0,
	       to = len - pos > 65536 + 4096 ? pos + 65536 + 4096 : len;
	size_t s = from, e = to;
	int y, mo, dd, h = 0, mi = 0, sec = 0, oh = 0, om = 0;
	char sign = 'Z';

	/* the object: back to "obj", on to "endobj" */
	for (size_t i = pos; i > from + 3; i--)
		if (memcmp(p + i - 3, "obj", 3) == 0) {
			s = i;
			break;
		}
	for (size_t i = pos; i + 6 <= to; i++)
		if (memcmp(p + i, "endobj", 6) == 0) {
			e = i;
			break;
		}
	for (size_t i = s; i + 5 < e; i++) {
		size_t j;
		char t[40];
		size_t n = 0;

		if (p[i] != '/' || p[i + 1] != 'M' || !(is_ws(p[i + 2]) || p[i + 2] == '('))
			continue;
		j = skip_ws(p, i + 2, e);
		if (j >= e || p[j] != '(')
			continue;
		for (j++; j < e && p[j] != ')' && n + 1 < sizeof(t); j++)
			if (p[j] != '\'')
				t[n++] = p[j];
		t[n] = '\0';
		if (sscanf(t, "D:%4d%2d%2d%2d%2d%2d%c%2d%2d", &y, &mo, &dd, &h, &mi, &sec, &sign,
			   &oh, &om) < 3)
			return NULL;
		{
			struct tm tm = {.tm_year = y - 1900,
					.tm_mon = mo - 1,
					.tm_mday = dd,
					.tm_hour = h,
					.tm_min = mi,
					.tm_sec = sec};
			long off = (sign == '+'	  ? 1
				    : sign == '-' ? -1
						  : 0) *
				   (oh * 3600L + om * 60L);

			*ret = timegm(&tm) - off;
			if (sign == '+' || sign == '-')
				return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
						    y, mo, dd, h, mi, sec, sign, oh, om);
			return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, dd, h, mi,
					    sec);
		}
	}
	return NULL;
}

/* The length of the DER value at der (its header included); 0 when malformed. */
static size_t der_len(const unsigned char *der, size_t n)
{
	size_t l, h = 2;

	if (n < 2 || der[0] != 0x30)
		return 0;
	if (der[1] < 0x80) {
		l = der[1];
	} else {
		size_t nb = der[1] & 0x7f;

		if (nb == 0 || nb > 4 || n < 2 + nb)
			return 0;
		l = 0;
		for (size_t i = 0; i < nb; i++)
			l = l << 8 | der[2 + i];
		h += nb;
	}
	return h + l <= n ? h + l : 0;
}

bool sign_info_valid(const struct sign_info *s)
{
	return s->intact && s->trusted && (!s->ts || (s->ts_intact && s->ts_trusted));
}

int sign_verify(const void *pdf, size_t len, const char *trust, struct arena *a,
		struct sign_info **ret, size_t *ret_n, struct err *e)
{
	const char *p = pdf;
	struct sign_trust *t = NULL;
	struct sign_info *out = NULL;
	size_t n = 0, cap = 0;
	unsigned char *der = NULL;
	struct buf data = BUF_INIT(256u << 20);
	int r;

	r = sign_trust_open(trust, &t, e);
	if (r < 0)
		return r;
	for (size_t i = 0; len > 10 && i + 10 < len; i++) {
		size_t k, j, dl;
		long long br[4];
		struct sign_info s = {0};
		time_t when = 0;

		if (p[i] != '/' || memcmp(p + i, "/ByteRange", 10) != 0)
			continue;
		j = skip_ws(p, i + 10, len);
		if (j >= len || p[j] != '[')
			continue;
		j++;
		for (int m = 0; m < 4; m++) {
			j = skip_ws(p, j, len);
			br[m] = num_at(p, j, len, &k);
			j = k;
		}
		if (br[0] != 0 || br[1] <= 0 || br[2] <= br[1] + 1 || br[3] < 0 ||
		    (size_t)br[2] > len || (size_t)br[3] > len - (size_t)br[2] || p[br[1]] != '<' ||
		    p[br[2] - 1] != '>')
			continue; /* a placeholder or something else that only looks like one */
		if (n == cap) {
			struct sign_info *no;

			cap = cap ? cap * 2 : 4;
			no = arena_alloc(a, cap * sizeof(*no));
			if (!no) {
				r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
				goto out;
			}
			if (n)
				memcpy(no, out, n * sizeof(*no));
			out = no;
		}
		s.start = (size_t)br[1];
		s.end = (size_t)(br[2] + br[3]);
		s.covers_all = s.end == len;
		s.time = sig_time(p, len, i, a, &when);
		free(der);
		dl = (size_t)(br[2] - br[1] - 2) / 2;
		der = malloc(dl ? dl : 1);
		if (!der) {
			r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
			goto out;
		}
		for (size_t m = 0; m < dl; m++) {
			int hi = hexval(p[br[1] + 1 + 2 * m]), lo = hexval(p[br[1] + 2 + 2 * m]);

			der[m] = (unsigned char)(hi < 0 || lo < 0 ? 0 : hi << 4 | lo);
		}
		dl = der_len(der, dl);
		buf_reset(&data);
		if (buf_add(&data, p, (size_t)br[1]) < 0 ||
		    buf_add(&data, p + br[2], (size_t)br[3]) < 0) {
			r = err_set(e, ERR_TOOBIG, "tệp PDF quá lớn");
			goto out;
		}
		if (!dl) {
			s.problem = "chữ ký hỏng (không đọc được dữ liệu CMS)";
		} else {
			r = sign_cms_check(der, dl, data.data, data.len, t, when, a, &s, e);
			if (r == 0)
				r = sign_tsa_check(der, dl, trust, a, &s, e);
			if (r < 0)
				goto out;
		}
		out[n++] = s;
		i = (size_t)br[2] - 1;
	}
	/* what follows each signature: only later signatures, themselves valid? */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (out[j].covers_all && sign_info_valid(&out[j]))
				out[i].later_signed = true;
	*ret = out;
	*ret_n = n;
	r = 0;
out:
	free(der);
	buf_free(&data);
	sign_trust_close(t);
	return r;
}

int sign_check_issued(const void *issued, size_t issued_len, const void *signed_pdf, size_t len,
		      const char *trust, struct arena *a, int *ret_n, struct err *e)
{
	struct sign_info *s = NULL;
	size_t n = 0;
	int r;

	if (!signed_pdf || len < 5 || memcmp(signed_pdf, "%PDF-", 5) != 0)
		return err_set(e, ERR_INVAL, "tệp gửi lên không phải tệp PDF");
	if (len <= issued_len || memcmp(signed_pdf, issued, issued_len) != 0)
		return err_set(e, ERR_INVAL,
			       "tệp không phải thông báo này đã ban hành: phần đầu khác bản ban "
			       "hành (ký trên thông báo khác, hoặc nội dung đã bị sửa)");
	r = sign_verify(signed_pdf, len, trust, a, &s, &n, e);
	if (r < 0)
		return r;
	if (n == 0)
		return err_set(e, ERR_INVAL, "tệp chưa có chữ ký số nào");
	for (size_t i = 0; i < n; i++) {
		if (!s[i].intact)
			return err_set(e, ERR_INVAL, "chữ ký %zu (%s) không hợp lệ: %s", i + 1,
				       s[i].signer, s[i].problem ? s[i].problem : "đã bị thay đổi");
		if (!s[i].trusted)
			return err_set(e, ERR_INVAL, "chữ ký %zu (%s) không hợp lệ: %s", i + 1,
				       s[i].signer,
				       s[i].problem ? s[i].problem : "chứng thư không tin cậy");
		if (s[i].ts && !(s[i].ts_intact && s[i].ts_trusted))
			return err_set(e, ERR_INVAL,
				       "dấu thời gian của chữ ký %zu (%s) không hợp lệ: %s", i + 1,
				       s[i].signer,
				       s[i].ts_problem ? s[i].ts_problem : "không kiểm tra được");
	}
	if (s[0].start < issued_len)
		return err_set(e, ERR_INVAL, "chữ ký đầu tiên không ký trên bản ban hành");
	if (!s[n - 1].covers_all)
		return err_set(e, ERR_INVAL,
			       "tệp có nội dung thêm sau chữ ký cuối cùng, không được ký");
	*ret_n = (int)n;
	return 0;
}

/* Timestamps through the dondoc-tsa module (sign_int.h), loaded on the first one. */
int sign_tsa_stamp(const char *url, struct buf *cms, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_TSA, &t, e);

	return r < 0 ? r : ((const struct sign_tsa_mod *)t)->stamp(url, cms, e);
}

int sign_tsa_check(const unsigned char *der, size_t len, const char *trust, struct arena *a,
		   struct sign_info *s, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_TSA, &t, e);

	return r < 0 ? r : ((const struct sign_tsa_mod *)t)->check(der, len, trust, a, s, e);
}
