/* imp_input.c: notices from files: text in any of its encodings, DOCX, PDF with a text layer. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "import/import.h"
#include "import/imp_int.h"
#include "import/imp_pdf.h"
#include "util/mod.h"
#include "vn/text.h"

/* The text of a DOCX through the dondoc-docxread module (libzip, libxml2, loaded on the first DOCX). */
static int imp_docx(const char *data, size_t len, struct buf *out, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_DOCXREAD, &t, e);

	return r < 0 ? r : ((const struct imp_docxread_mod *)t)->text(data, len, out, e);
}

/* The text of a PDF through the dondoc-pdfread module (poppler, loaded on the first PDF). */
static int imp_pdf(const char *data, size_t len, struct buf *out, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_PDFREAD, &t, e);

	return r < 0 ? r : ((const struct imp_pdfread_mod *)t)->text(data, len, out, e);
}

/*
 * TCVN3 has no toned capitals: headings set in the ".VnTimeH" fonts were typed
 * with lower-case codes, so "ĐẢNG ỦY" arrives as "ĐảNG ủY". A line whose ASCII
 * letters are all capitals is such a heading and is upper-cased whole.
 */
/*
 * A line in mixed case ("V/v TRIểN KHAI Kế HOạCH", "Kính gửi: UBND CáC Xã"): a word
 * with no ASCII letter in lower case and an ASCII capital after its first letter
 * ("KếT", "ủY", "HOạCH") is a heading's word set in an "H" font and is upper-cased; so
 * is a word of one capital then toned letters ("Kế") beside such a word or an ASCII
 * word in capitals. Alone among words of the body ("Giao Tổ công tác") it reads as one
 * and is left as it is.
 */
enum { IMP_CAPS_WORDS = 256 };

static int imp_legacy_caps_words(const char *s, size_t n, struct buf *out)
{
	size_t from[IMP_CAPS_WORDS], to[IMP_CAPS_WORDS];
	signed char kind[IMP_CAPS_WORDS]; /* 2 a heading's word, 1 "Kế": maybe, 0 body */
	size_t nw = 0, i = 0, at = 0;
	int r = 0;

	while (i < n && nw < IMP_CAPS_WORDS) {
		size_t w = i, up = 0, low = 0, hi = 0;
		bool late_cap = false;

		while (w < n && s[w] != ' ' && s[w] != '\t')
			w++;
		for (size_t k = i; k < w; k++) {
			char ch = s[k];

			if (ch >= 'A' && ch <= 'Z') {
				up++;
				late_cap = late_cap || k > i;
			}
			low += ch >= 'a' && ch <= 'z';
			hi += (unsigned char)ch >= 0x80;
		}
		from[nw] = i;
		to[nw] = w;
		kind[nw] = (signed char)(low || !up ? 0 : late_cap || up >= 2 ? 2 : hi ? 1 : 0);
		nw += w > i;
		i = w;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
	for (size_t k = 0; k < nw && r == 0; k++) {
		bool up = kind[k] == 2 || (kind[k] == 1 && ((k > 0 && kind[k - 1] == 2) ||
							    (k + 1 < nw && kind[k + 1] == 2)));

		r = buf_add(out, s + at, from[k] - at);
		if (r == 0)
			r = up ? vn_upper(s + from[k], to[k] - from[k], out)
			       : buf_add(out, s + from[k], to[k] - from[k]);
		at = to[k];
	}
	if (r == 0)
		r = buf_add(out, s + at, n - at);
	return r;
}

static int imp_legacy_caps(struct buf *text)
{
	struct buf out = BUF_INIT(IMP_MAX_TEXT);
	size_t i = 0;
	int r = 0;

	while (i < text->len && r == 0) {
		const char *nl = memchr(text->data + i, '\n', text->len - i);
		size_t n = nl ? (size_t)(nl - (text->data + i)) : text->len - i;
		size_t up = 0, low = 0;

		for (size_t k = i; k < i + n; k++) {
			char ch = text->data[k];

			up += ch >= 'A' && ch <= 'Z';
			low += ch >= 'a' && ch <= 'z';
		}
		if (up >= 3 && low == 0)
			r = vn_upper(text->data + i, n, &out);
		else
			r = imp_legacy_caps_words(text->data + i, n, &out);
		if (r == 0 && nl)
			r = buf_putc(&out, '\n');
		i += n + (nl ? 1 : 0);
	}
	if (r == 0) {
		buf_reset(text);
		r = buf_add(text, out.data ? out.data : "", out.len);
	}
	buf_free(&out);
	return r;
}

/*
 * A PDF's text layer made with a font whose "ô" sits where "ơ" is ("cơng trình",
 * "Thơng báo"): Vietnamese has no rhyme "ơng" without "ư" before it ("trường" has),
 * so such "ơng" is "ông", tone kept. Same UTF-8 length: repaired in place.
 */
static void imp_repair_ong(struct buf *text)
{
	static const char *const from[] = {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ",
					   "Ơ", "Ờ", "Ớ", "Ở", "Ỡ", "Ợ"};
	static const char *const to[] = {"ô", "ồ", "ố", "ổ", "ỗ", "ộ",
					 "Ô", "Ồ", "Ố", "Ổ", "Ỗ", "Ộ"};
	char *s = text->data;
	size_t len = text->len;

	for (size_t i = 0; i < len; i++) {
		/* ơ, Ơ begin with C6, their toned forms with E1: other bytes cannot start one */
		if ((unsigned char)s[i] != 0xC6 && (unsigned char)s[i] != 0xE1)
			continue;
		for (size_t k = 0; k < sizeof(from) / sizeof(from[0]); k++) {
			size_t n = strlen(from[k]);

			if (i + n + 2 > len || memcmp(s + i, from[k], n) != 0)
				continue;
			if (!((s[i + n] == 'n' && s[i + n + 1] == 'g') ||
			      (s[i + n] == 'N' && s[i + n + 1] == 'G')))
				break;
			if (i + n + 2 < len && ((s[i + n + 2] >= 'a' && s[i + n + 2] <= 'z') ||
						(s[i + n + 2] >= 'A' && s[i + n + 2] <= 'Z') ||
						(unsigned char)s[i + n + 2] >= 0x80))
				break;
			if ((i >= 2 &&
			     (memcmp(s + i - 2, "ư", 2) == 0 || memcmp(s + i - 2, "Ư", 2) == 0)))
				break;
			memcpy(s + i, to[k], n);
			break;
		}
	}
}

static bool imp_is_binary(const char *s, size_t len)
{
	size_t ctl = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0)
			return true;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			ctl++;
	}
	return ctl > len / 20 + 1;
}

int imp_load_mem(const char *name, const char *data, size_t len, struct buf *text,
		 enum imp_format *ret_fmt, enum vn_encoding *ret_enc, struct err *e)
{
	enum imp_format fmt = IMP_FMT_TEXT;
	enum vn_encoding enc = VN_ENC_UTF8;
	struct buf raw = BUF_INIT(IMP_MAX_TEXT);
	size_t k = 0;
	int r;

	if (len == 0)
		return err_set(e, ERR_INVAL, "%s: tệp rỗng", name);
	if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0) {
		fmt = IMP_FMT_DOCX;
		r = imp_docx(data, len, &raw, e);
	} else if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
		fmt = IMP_FMT_PDF;
		r = imp_pdf(data, len, &raw, e);
	} else if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
		   ((unsigned char)data[1] == 0xFE || (unsigned char)data[1] == 0xFF)) {
		r = err_set(e, ERR_INVAL, "%s: tệp UTF-16 chưa được hỗ trợ; hãy lưu lại dạng UTF-8",
			    name);
	} else if (imp_is_binary(data, len)) {
		r = err_set(e, ERR_INVAL,
			    "%s: không phải văn bản (tệp nhị phân); dondoc nhập văn bản, "
			    "Markdown, DOCX và PDF có lớp chữ",
			    name);
	} else {
		if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
			k = 3;
		r = vn_to_utf8(data + k, len - k, text, &enc, e);
		if (r < 0 && e) {
			/* which file, as the other messages here say */
			char why[sizeof(e->msg)];

			snprintf(why, sizeof(why), "%s", e->msg);
			r = err_set(e, r, "%s: %s", name, why);
		}
		if (r == 0 && enc != VN_ENC_UTF8) {
			fmt = IMP_FMT_LEGACY;
			r = imp_legacy_caps(text);
			if (r < 0)
				r = err_set(e, r, "%s: văn bản quá lớn", name);
		}
		goto out;
	}
	if (r == 0) {
		r = vn_nfc(raw.data ? raw.data : "", raw.len, text, e);
		enc = VN_ENC_UTF8;
	}
out:
	buf_free(&raw);
	if (r < 0)
		return r;
	imp_repair_ong(text);
	{
		bool any = false;

		for (size_t i = 0; i < text->len && !any; i++)
			if ((unsigned char)text->data[i] > ' ')
				any = true;
		if (!any)
			return err_set(e, ERR_INVAL, "%s: không có chữ nào để nhập", name);
	}
	if (ret_fmt)
		*ret_fmt = fmt;
	if (ret_enc)
		*ret_enc = enc;
	return 0;
}

int imp_load_file(const char *path, struct buf *text, enum imp_format *ret_fmt,
		  enum vn_encoding *ret_enc, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *data;
	size_t n;
	int r;

	if (!f)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, "%s: không mở được (%s)",
			       path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return err_set(e, ERR_INVAL, "%s: không phải tệp thường", path);
	}
	if ((unsigned long long)st.st_size > IMP_MAX_FILE) {
		fclose(f);
		return err_set(e, ERR_TOOBIG, "%s: tệp quá lớn (tối đa %u MiB)", path,
			       IMP_MAX_FILE >> 20);
	}
	data = malloc((size_t)st.st_size + 1);
	if (!data) {
		fclose(f);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	n = fread(data, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		fclose(f);
		free(data);
		return err_set(e, ERR_IO, "%s: lỗi đọc tệp", path);
	}
	fclose(f);
	r = imp_load_mem(path, data, n, text, ret_fmt, ret_enc, e);
	free(data);
	return r;
}
