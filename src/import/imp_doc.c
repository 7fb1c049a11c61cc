/* imp_doc.c: a notice's layout: lines to paragraphs, header, title, session, agenda, tail. */
/*
 * Over 1,000 lines: each part of a notice is found from where the part
 * before it ended, with the shared paragraph scanner; split, each file would
 * need the others' positions.
 */
#include <string.h>

#include "core/registry/docnum.h"
#include "import/imp_int.h"
#include "vn/text.h"

/* One input line after Markdown marks are taken off. */
struct imp_line {
	char *s;
	size_t len;
	int no;
	bool rule; /* "-----": a horizontal rule */
};

/* Takes Markdown emphasis and headings off, collapses white space; returns the new length. */
static size_t imp_unmark(char *s, size_t len, bool *rule)
{
	size_t i = 0, o = 0, dashes = 0;

	*rule = false;
	while (i < len && (s[i] == '#' || s[i] == '>'))
		i++;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c == '*' || c == '_') && i + 1 < len && s[i + 1] == (char)c) {
			i++;
			continue;
		}
		if (c == '\\' && i + 1 == len)
			continue;
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
			i++;
			c = ' ';
		}
		if (c == '\t' || c == '\r' || c == '\f' || c == '\v')
			c = ' ';
		if (c == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = (char)c;
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	for (size_t k = 0; k < o; k++) {
		if (s[k] == '-' || s[k] == '_' || s[k] == '=' || (s[k] == '*' && o >= 3)) {
			dashes++;
		} else if (k + 2 < o && (unsigned char)s[k] == 0xE2 &&
			   (((unsigned char)s[k + 1] == 0x94 &&
			     ((unsigned char)s[k + 2] == 0x80 ||
			      (unsigned char)s[k + 2] == 0x81)) ||
			    ((unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0x94))) {
			/* "─", "━" (box drawing) and "—": the rule a word processor draws as text */
			dashes += 3;
			k += 2;
		}
	}
	if (o >= 3 && dashes == o)
		*rule = true;
	return o;
}

/* Letters in s (a byte past ASCII counts once per letter). */
static size_t imp_letters(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		n += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
	}
	return n;
}

static bool imp_only_digits(const char *s, size_t len)
{
	if (len == 0 || len > 3)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * "4.260 tỷ đồng": a figure with its thousands grouped, which a paragraph
 * wrapped to the start of a line; not the section number "4." nor "2.1.".
 */
static bool imp_grouped_number(const char *s, size_t len)
{
	size_t i = 0, d = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i > 3 || i >= len || s[i] != '.')
		return false;
	for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	return d == 3 && (i == len || s[i] != '.');
}

/*
 * "- xã hội quý III": the dash of "kinh tế - xã hội" that a paragraph
 * wrapped to the start of a line, not a list item (which starts with a
 * capital: "- Như trên,").
 */
static bool imp_wrapped_dash(const char *s, size_t len)
{
	return len > 2 && s[0] == '-' && s[1] == ' ' && imp_is_lower_at(s, len, 2);
}

/* True when a line opens a block of its own: a list mark, a number, a signature line. */
static bool imp_opens_block(const char *s, size_t len)
{
	size_t i = 0;
	int v;

	if (len == 0)
		return true;
	if (s[0] == '-' || s[0] == '+' || s[0] == '*' || s[0] == '(' || s[0] == '|' ||
	    (len >= 3 && memcmp(s, "•", 3) == 0))
		return true;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i <= 2 && i < len && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == len || s[i + 1] == ' ' || (s[i + 1] >= '0' && s[i + 1] <= '9')) &&
	    !imp_grouped_number(s, len))
		return true;
	if (len >= 2 && s[1] == ')' && s[0] >= 'a' && s[0] <= 'z')
		return true;
	i = imp_roman_at(s, len, 0, &v);
	if (i && i < len && s[i] == '.')
		return true;
	if ((len >= strlen("Số") &&
	     (memcmp(s, "Số", strlen("Số")) == 0 || memcmp(s, "SỐ", strlen("SỐ")) == 0)) ||
	    (len >= strlen("Nơi nhận") && memcmp(s, "Nơi nhận", strlen("Nơi nhận")) == 0))
		return true;
	for (size_t k = 0; imp_sig_prefixes[k]; k++)
		if (strncmp(s, imp_sig_prefixes[k], strlen(imp_sig_prefixes[k])) == 0)
			return true;
	/* The body's first sentence, capitalised, after a title that wrapped. */
	{
		static const char *const starts[] = {"Ngày ",	"Sáng ngày ", "Chiều ngày ",
						     "Căn cứ ", "Hôm nay",    NULL};

		for (size_t k = 0; starts[k]; k++) {
			size_t n = strlen(starts[k]);

			if (len > n && memcmp(s, starts[k], n) == 0 &&
			    (starts[k][n - 1] != ' ' || k >= 3 || (s[n] >= '0' && s[n] <= '9')))
				return true;
		}
	}
	return false;
}

/* "T/M HUYỆN ỦY", "KT. CHỦ TỊCH": a signature's first line. */
static bool imp_sig_prefix(const char *s, size_t len)
{
	for (size_t k = 0; imp_sig_prefixes[k]; k++)
		if (len >= strlen(imp_sig_prefixes[k]) &&
		    strncmp(s, imp_sig_prefixes[k], strlen(imp_sig_prefixes[k])) == 0)
			return true;
	return false;
}

/* "Tân Yên, ngày 04 tháng 10 năm 2023": the place and date line. */
static bool imp_is_date_line(const char *s, size_t len)
{
	const char *c = memmem(s, len, ", ngày ", 7);

	return c && memmem(c, len - (size_t)(c - s), " năm ", 5) && len < 80;
}

static int imp_add_para(struct imp_ctx *c, struct buf *acc, int line, int *brk, int nbrk, int *cap)
{
	struct imp_para *p;
	int i;

	if (acc->len == 0)
		return 0;
	i = imp_push_max(c, (void **)&c->p, &c->np, cap, sizeof(*p), IMP_MAX_PARAS);
	if (i < 0)
		return i;
	p = &c->p[i];
	p->len = acc->len;
	p->s = arena_strndup(c->a, acc->data, acc->len);
	p->lo = arena_alloc(c->a, acc->len + 1);
	p->mask = arena_alloc(c->a, acc->len + 1);
	p->brk = arena_alloc(c->a, sizeof(int) * (size_t)(nbrk + 1));
	if (!p->s || !p->lo || !p->mask || !p->brk)
		return ERR_NOMEM;
	imp_lower(p->s, p->len, p->lo);
	memcpy(p->brk, brk, sizeof(int) * (size_t)nbrk);
	p->nbrk = nbrk;
	p->line = line;
	p->bullet = p->s[0] == '-' || p->s[0] == '+' || memcmp(p->s, "•", p->len >= 3 ? 3 : 0) == 0;
	buf_reset(acc);
	return 0;
}

/* Splits the text into paragraphs, joining the lines a page or a paragraph wrapped. */
static int imp_paragraphs(struct imp_ctx *c, const char *text, size_t len)
{
	struct buf acc = BUF_INIT(IMP_MAX_TEXT);
	int brk[256], nbrk = 0, cap = 0, start = 0, no = 0, r = 0;
	bool prev_open = false, prev_caps = false, prev_end = true, prev_rule = false;
	size_t i = 0;
	char *line = arena_alloc(c->a, 1);

	if (!line)
		return ERR_NOMEM;
	while (i <= len && r == 0) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t ll = nl ? (size_t)(nl - (text + i)) : len - i;
		bool rule, caps, join;

		no++;
		line = arena_strndup(c->a, text + i, ll);
		if (!line) {
			r = ERR_NOMEM;
			break;
		}
		ll = imp_unmark(line, ll, &rule);
		i += (nl ? (size_t)(nl - (text + i)) + 1 : len - i + 1);
		if (ll == 0 || rule || imp_only_digits(line, ll)) {
			if (ll == 0 || rule) {
				r = imp_add_para(c, &acc, start, brk, nbrk, &cap);
				nbrk = 0;
				prev_open = false;
				if (rule && r == 0)
					prev_rule = true;
			}
			continue;
		}
		/* "IV/2023." wrapped to a line of its own is no heading: a heading has words */
		caps = imp_all_caps(line, ll) && imp_letters(line, ll) >= 4;
		join = prev_open && !caps && !prev_caps && !prev_end &&
		       (!imp_opens_block(line, ll) || imp_wrapped_dash(line, ll)) &&
		       !imp_is_date_line(line, ll);
		if (!join) {
			r = imp_add_para(c, &acc, start, brk, nbrk, &cap);
			nbrk = 0;
			start = no;
			if (r == 0 && prev_rule && c->np > 0)
				c->p[c->np - 1].zone =
				    IMP_Z_TAIL; /* marks "a rule follows" for now */
		} else if (nbrk < 256) {
			/*
			 * "19-CT/" + "TU", "45/2020/NĐ-" + "CP": a symbol wrapped after its
			 * slash or its hyphen is one word again.
			 */
			if (acc.len == 0 ||
			    !(acc.data[acc.len - 1] == '/' ||
			      (acc.len >= 2 && acc.data[acc.len - 1] == '-' &&
			       acc.data[acc.len - 2] != ' ' && imp_is_upper_at(line, ll, 0))))
				r = buf_putc(&acc, ' ');
			brk[nbrk++] = (int)acc.len;
		}
		prev_rule = false;
		if (r == 0)
			r = buf_add(&acc, line, ll);
		prev_open = true;
		prev_caps = caps || imp_is_date_line(line, ll) ||
			    (ll >= 4 && (!memcmp(line, "Số", 4) || !memcmp(line, "SỐ", 4)));
		/* a table's row "| a | b |" is a paragraph of its own, as a sentence's end */
		prev_end = strchr(".;:!?|", line[ll - 1]) != NULL;
	}
	if (r == 0)
		r = imp_add_para(c, &acc, start, brk, nbrk, &cap);
	buf_free(&acc);
	return r;
}

static const struct imp_kind *imp_kind_line(const struct imp_para *p, size_t *used)
{
	for (size_t k = 0; imp_kinds[k].word; k++) {
		size_t n = imp_match(p, 0, imp_kinds[k].word);

		if (n && imp_all_caps(p->s, n) && imp_kinds[k].code) {
			*used = n;
			return &imp_kinds[k];
		}
	}
	return NULL;
}

static bool imp_body_start(const struct imp_para *p)
{
	static const char *const starts[] = {"ngày",	"sáng ngày", "chiều ngày",
					     "căn cứ",	"thực hiện", "vừa qua",
					     "hôm nay", "tại",	     NULL};

	for (size_t k = 0; starts[k]; k++)
		if (imp_match(p, 0, starts[k]))
			return true;
	if (memchr(p->s, ';', p->len) || memmem(p->s, p->len, ". ", 2))
		return true;
	return imp_opens_block(p->s, p->len) || p->len > 400;
}

/* Title-cases an all-caps name the way bodies are written: "HUYỆN ỦY TÂN YÊN" → "Huyện ủy Tân Yên". */
static const char *imp_body_name(struct imp_ctx *c, const char *s, size_t len,
				 const struct imp_body_word **ret_bw)
{
	struct buf b = BUF_INIT(1024);
	const char *r = NULL;

	*ret_bw = NULL;
	for (size_t k = 0; imp_body_words[k].upper; k++) {
		size_t n = strlen(imp_body_words[k].upper);

		if (len >= n && memcmp(s, imp_body_words[k].upper, n) == 0) {
			*ret_bw = &imp_body_words[k];
			if (buf_puts(&b, imp_body_words[k].name) < 0)
				goto out;
			s += n;
			len -= n;
			break;
		}
	}
	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	/* A level word stays lower case ("huyện Lạng Giang"); the rest is a place name. */
	for (size_t k = 0; imp_level_words[k]; k++) {
		size_t n = strlen(imp_level_words[k]);

		if (len > n && memcmp(s, imp_level_words[k], n) == 0 && s[n] == ' ') {
			char *lo = arena_alloc(c->a, n + 1);

			if (!lo)
				goto out;
			imp_lower(s, n, lo);
			if ((b.len && buf_putc(&b, ' ') < 0) || buf_puts(&b, lo) < 0)
				goto out;
			s += n + 1;
			len -= n + 1;
			break;
		}
	}
	for (size_t i = 0; i < len;) {
		size_t w = i;
		char *lo;

		while (w < len && s[w] != ' ')
			w++;
		lo = arena_alloc(c->a, w - i + 1);
		if (!lo)
			goto out;
		imp_lower(s + i, w - i, lo);
		if (b.len && buf_putc(&b, ' ') < 0)
			goto out;
		{
			char *cap = imp_clean(c->a, lo, w - i, "", true);

			if (!cap || buf_puts(&b, cap) < 0)
				goto out;
		}
		i = w;
		while (i < len && s[i] == ' ')
			i++;
	}
	r = arena_strdup(c->a, buf_str(&b));
out:
	buf_free(&b);
	return r;
}

/* "Huyện Lạng Giang" → "huyện Lạng Giang" */
static const char *imp_lowfirst(struct imp_ctx *c, const char *s)
{
	char *r = arena_strdup(c->a, s);
	size_t n = imp_utf8_len((unsigned char)s[0]);

	if (r)
		imp_lower(s, n, r);
	return r ? r : s;
}

/* Where a national heading starts in a capital line (its length when there is none). */
static size_t imp_motto_at(const char *s, size_t len)
{
	static const char *const mottos[] = {"ĐẢNG CỘNG SẢN VIỆT NAM",
					     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					     "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", NULL};
	size_t at = len;

	for (size_t k = 0; mottos[k]; k++) {
		const char *f = memmem(s, len, mottos[k], strlen(mottos[k]));

		if (f && (size_t)(f - s) < at)
			at = (size_t)(f - s);
	}
	return at;
}

/* "Tân Yên, ngày 04 tháng 10 năm 2023": the place and the date. */
static void imp_date_line(struct imp_ctx *c, const char *s, size_t len)
{
	struct imp_para q = {0};
	char *lo;
	const char *comma = memchr(s, ',', len);
	size_t d;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	comma = memchr(s, ',', len);
	lo = arena_alloc(c->a, len + 1);
	if (!lo || !comma)
		return;
	imp_lower(s, len, lo);
	q.s = (char *)s;
	q.lo = lo;
	q.len = len;
	c->n->place = arena_strndup(c->a, s, (size_t)(comma - s));
	d = imp_find(&q, 0, len, "ngày");
	if (d != (size_t)-1)
		imp_date_at(&q, imp_skip_space(&q, d + strlen("ngày")), 0, &c->n->date);
}

/* "Số 512-TB/HU", "Số: 123/TB-UBND" */
static void imp_doc_number(struct imp_ctx *c, const struct imp_para *p)
{
	struct docnum d;
	struct buf b = BUF_INIT(128);
	size_t end = p->len;

	/* The number as the registry reads it; a PDF may run the date line on after it. */
	while (end > 0) {
		if (docnum_parse(p->s, end, &d, NULL) == 0) {
			if (docnum_format(&d, 0, &b) == 0) {
				c->n->symbol = arena_strdup(c->a, buf_str(&b));
				c->n->number = d.number;
				c->n->issuer_symbol = arena_strdup(c->a, d.issuer);
				/* a letter has no kind line: its symbol says what it is ("…/UBND-VP": CV) */
				if (!c->n->kind && *docnum_kind(&d))
					c->n->kind = arena_strdup(c->a, docnum_kind(&d));
			}
			buf_free(&b);
			if (end < p->len && imp_is_date_line(p->s + end, p->len - end))
				imp_date_line(c, p->s + end, p->len - end);
			return;
		}
		while (end > 0 && p->s[end - 1] != ' ')
			end--;
		while (end > 0 && p->s[end - 1] == ' ')
			end--;
	}
	/* "Số: 412/TBUBND": the hyphen a PDF lost, put back as in a reference */
	for (size_t i = 0; i < p->len; i++) {
		const char *sym;

		if (p->s[i] < '0' || p->s[i] > '9' ||
		    (i > 0 && p->s[i - 1] >= '0' && p->s[i - 1] <= '9'))
			continue;
		sym = imp_symbol_repaired(c, p, i);
		if (sym && docnum_parse(sym, strlen(sym), &d, NULL) == 0 &&
		    docnum_format(&d, 0, &b) == 0) {
			c->n->symbol = arena_strdup(c->a, buf_str(&b));
			c->n->number = d.number;
			c->n->issuer_symbol = arena_strdup(c->a, d.issuer);
			if (!c->n->kind && *docnum_kind(&d))
				c->n->kind = arena_strdup(c->a, docnum_kind(&d));
			buf_free(&b);
			imp_warn(c, p->line, "số và ký hiệu văn bản mất dấu gạch nối, đã đọc là %s",
				 c->n->symbol);
			return;
		}
		break;
	}
	buf_free(&b);
	imp_warn(c, p->line, "số và ký hiệu văn bản không đọc được: \"%.*s\"", (int)p->len, p->s);
}

/*
 * A capital line of the header, its first len bytes a body's name: the last
 * such line before the number is the issuer, one above it its superior; a
 * bare kind of body ("ỦY BAN NHÂN DÂN", *bare) takes the next line as the
 * rest of its name ("HUYỆN LẠNG GIANG": one name on two lines).
 */
static void header_name(struct imp_ctx *c, const char *s, size_t len, bool *bare)
{
	struct imp_notice *n = c->n;
	const struct imp_body_word *bw;
	const char *name = imp_body_name(c, s, len, &bw);

	if (!name || n->symbol)
		return;
	if (*bare && !bw) {
		n->issuer = arena_printf(c->a, "%s %s", n->issuer, imp_lowfirst(c, name));
		*bare = false;
		return;
	}
	if (n->issuer)
		n->superior = n->issuer;
	n->issuer = name;
	*bare = bw && strlen(bw->upper) == len;
	if (bw && !n->issuer_symbol)
		n->issuer_symbol = bw->code;
}

int imp_structure(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;
	int kind_at = -1, body_at = -1, tail_at = c->np, section = 0, head_end;
	size_t used = 0;
	bool bare = false;

	for (int i = 0; i < c->np && i < 25 && kind_at < 0; i++) {
		const struct imp_kind *k = imp_kind_line(&c->p[i], &used);

		if (k && imp_all_caps(c->p[i].s, c->p[i].len)) {
			kind_at = i;
			n->kind = k->code;
			n->kind_name = k->name;
			if (used < c->p[i].len) {
				char *lo = arena_alloc(c->a, c->p[i].len - used + 1);

				if (!lo)
					return ERR_NOMEM;
				imp_lower(c->p[i].s + used, c->p[i].len - used, lo);
				n->title = imp_clean(c->a, lo, c->p[i].len - used, ":-", true);
			}
		}
	}
	/* Header: what comes before the kind line. */
	/* A letter (công văn) has no kind line: its header ends after its number and date. */
	head_end = kind_at;
	for (int i = 0; i < c->np && i < 12 && head_end < 0; i++) {
		if (!imp_match(&c->p[i], 0, "số") || c->p[i].len >= 120 ||
		    !memchr(c->p[i].s, '/', c->p[i].len))
			continue;
		head_end = i + 1;
		/* the motto's lines may stand between the number and the date line */
		for (int k = i + 1; k < c->np && k <= i + 4; k++) {
			const struct imp_para *q = &c->p[k];
			bool motto = false;

			if (imp_is_date_line(q->s, q->len)) {
				head_end = k + 1;
				break;
			}
			for (size_t m = 0; imp_mottos_right[m] && !motto; m++)
				motto = imp_match(q, 0, imp_mottos_right[m]) != 0;
			if (!motto && !imp_all_caps(q->s, q->len))
				break;
		}
	}
	for (int i = 0; i < head_end; i++) {
		struct imp_para *p = &c->p[i];
		size_t keep = p->len;

		p->zone = IMP_Z_HEAD;
		/* "TỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc": two columns run together */
		for (size_t k = 0; imp_mottos_right[k]; k++) {
			size_t f = imp_find(p, 0, p->len, imp_mottos_right[k]);

			if (f != (size_t)-1 && f > 0 && f < keep)
				keep = f;
		}
		while (keep > 0 && p->s[keep - 1] == ' ')
			keep--;
		if (keep < p->len && imp_all_caps(p->s, keep) && !imp_all_caps(p->s, p->len)) {
			header_name(c, p->s, keep, &bare);
			continue;
		}
		if (imp_match(p, 0, "số") && p->len < 120) {
			imp_doc_number(c, p);
		} else if (imp_is_date_line(p->s, p->len)) {
			imp_date_line(c, p->s, p->len);
		} else if (imp_all_caps(p->s, p->len) && imp_motto_at(p->s, p->len) > 0) {
			/* a PDF runs the two columns together: "HUYỆN ỦY TÂN YÊN ĐẢNG CỘNG SẢN …" */
			size_t hl = imp_motto_at(p->s, p->len);

			while (hl > 0 && p->s[hl - 1] == ' ')
				hl--;
			if (imp_match(p, 0, "ban thường vụ") && hl == strlen("BAN THƯỜNG VỤ"))
				continue; /* the BTV issues under its committee's name and code */
			header_name(c, p->s, hl, &bare);
		}
	}
	/* Title: after the kind line, up to a rule or the first paragraph of the body. */
	body_at = kind_at + 1;
	if (kind_at >= 0) {
		bool ruled = c->p[kind_at].zone == IMP_Z_TAIL;
		struct buf t = BUF_INIT(4096);

		c->p[kind_at].zone = IMP_Z_KIND;
		if (n->title && buf_puts(&t, n->title) < 0)
			return ERR_NOMEM;
		for (int i = kind_at + 1; i < c->np && i < kind_at + 4 && !ruled; i++) {
			if (imp_body_start(&c->p[i]))
				break;
			ruled = c->p[i].zone == IMP_Z_TAIL;
			c->p[i].zone = IMP_Z_TITLE;
			if ((t.len && buf_putc(&t, ' ') < 0) ||
			    buf_add(&t, c->p[i].s, c->p[i].len) < 0) {
				buf_free(&t);
				return ERR_NOMEM;
			}
			body_at = i + 1;
		}
		if (t.len)
			n->title = imp_clean(c->a, t.data, t.len, "", false);
		buf_free(&t);
	} else {
		body_at = head_end > 0 ? head_end : 0;
		while (body_at < c->np && imp_all_caps(c->p[body_at].s, c->p[body_at].len))
			c->p[body_at++].zone = IMP_Z_HEAD;
		/* A letter (công văn) has no kind line: its number and date still open it. */
		for (int i = 0; i < c->np && i < 12 && (!n->symbol || vn_date_is_none(n->date));
		     i++) {
			struct imp_para *p = &c->p[i];

			if (imp_match(p, 0, "số") && p->len < 120 && memchr(p->s, '/', p->len)) {
				if (!n->symbol)
					imp_doc_number(c, p);
				p->zone = IMP_Z_HEAD;
				/*
				 * the date line, also after "V/v …" and the motto of a
				 * two-column header copied as one column; never past "Kính gửi"
				 */
				for (int k = i + 1;
				     k < c->np && k < i + 8 && !imp_match(&c->p[k], 0, "kính gửi");
				     k++)
					if (imp_is_date_line(c->p[k].s, c->p[k].len)) {
						imp_date_line(c, c->p[k].s, c->p[k].len);
						c->p[k].zone = IMP_Z_HEAD;
					}
				if (body_at <= i)
					body_at = i + 1;
			}
		}
	}
	/* Tail: from "Nơi nhận" or the signature, or after the closing "./.". */
	for (int i = body_at; i < c->np; i++) {
		struct imp_para *p = &c->p[i];

		if (imp_match(p, 0, "nơi nhận") ||
		    (imp_all_caps(p->s, p->len) && imp_sig_prefix(p->s, p->len))) {
			tail_at = i;
			break;
		}
		if (p->len >= 3 && memcmp(p->s + p->len - 3, "./.", 3) == 0) {
			tail_at = i + 1;
			break;
		}
	}
	for (int i = body_at; i < c->np; i++) {
		struct imp_para *p = &c->p[i];
		int v = 0;
		size_t k = 0;

		if (i >= tail_at) {
			p->zone = IMP_Z_TAIL;
			continue;
		}
		p->zone = IMP_Z_BODY;
		while (k < p->len && k < 3 && p->s[k] >= '0' && p->s[k] <= '9')
			v = v * 10 + (p->s[k++] - '0');
		if (k == 0)
			k = imp_roman_at(p->s, p->len, 0, &v);
		if (k > 0 && k < p->len && (p->s[k] == '.' || p->s[k] == ')') &&
		    (k + 1 == p->len || p->s[k + 1] == ' ')) {
			section = v;
			p->numbered = true;
			imp_mask(p, 0, k + 1);
		}
		p->section = section;
	}
	if (kind_at < 0)
		imp_warn(c, c->np ? c->p[0].line : 1,
			 "không thấy dòng tên loại văn bản (THÔNG BÁO, KẾT LUẬN …)");
	return 0;
}

/* "phiên họp thứ 26", "khóa XXII", "nhiệm kỳ 2020-2025" in a paragraph. */
static void imp_session_marks(struct imp_ctx *c, struct imp_para *p)
{
	struct imp_notice *n = c->n;
	static const char *const nums[] = {"phiên họp thứ", "hội nghị lần thứ", "hội nghị thứ",
					   "kỳ họp thứ",    "phiên thứ",	NULL};
	size_t i;

	for (size_t k = 0; nums[k] && !n->session_number; k++) {
		i = imp_find(p, 0, p->len, nums[k]);
		if (i != (size_t)-1) {
			size_t j = imp_skip_space(p, i + strlen(nums[k]));
			int v = 0;

			while (j < p->len && p->s[j] >= '0' && p->s[j] <= '9')
				v = v * 10 + (p->s[j++] - '0');
			n->session_number = v;
			imp_mask(p, i, j);
		}
	}
	i = imp_find(p, 0, p->len, "khóa");
	if (i == (size_t)-1)
		i = imp_find(p, 0, p->len, "khoá");
	if (i != (size_t)-1 && !n->term) {
		size_t j = imp_skip_space(p, i + strlen("khóa"));
		int v;
		size_t r = imp_roman_at(p->s, p->len, j, &v);

		if (r) {
			n->term = arena_strndup(c->a, p->s + j, r);
			imp_mask(p, i, j + r);
		}
	}
	i = imp_find(p, 0, p->len, "nhiệm kỳ");
	if (i != (size_t)-1) {
		size_t j = imp_skip_space(p, i + strlen("nhiệm kỳ"));

		if (j + 9 <= p->len && p->s[j + 4] == '-') {
			int a = 0, b = 0;

			for (int k = 0; k < 4; k++) {
				a = a * 10 + (p->s[j + k] - '0');
				b = b * 10 + (p->s[j + 5 + k] - '0');
			}
			if (!n->term_from && a > 1900 && b > a) {
				n->term_from = a;
				n->term_to = b;
			}
			imp_mask(p, i, j + 9);
		}
	}
}

int imp_session(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;
	int sess_para = -1;

	for (int i = 0; i < c->np; i++)
		if (c->p[i].zone == IMP_Z_TITLE || c->p[i].zone == IMP_Z_KIND)
			imp_session_marks(c, &c->p[i]);
	/* The paragraph that says when and who met: "Ngày 04/10/2023, Ban Chấp hành … tổ chức …". */
	for (int i = 0; i < c->np && sess_para < 0; i++) {
		struct imp_para *p = &c->p[i];
		size_t d, dl, o, v = (size_t)-1, vl = 0;
		struct vn_date date = {0, 0, 0};

		if (p->zone != IMP_Z_BODY)
			continue;
		d = imp_find(p, 0, p->len < 200 ? p->len : 200, "ngày");
		if (d == (size_t)-1)
			continue;
		o = imp_skip_space(p, d + strlen("ngày"));
		dl = imp_date_at(p, o, 0, &date);
		if (!dl)
			continue;
		for (size_t k = 0; imp_meeting_verbs[k]; k++) {
			size_t f = imp_find(p, o + dl, p->len, imp_meeting_verbs[k]);

			if (f != (size_t)-1 && (v == (size_t)-1 || f < v)) {
				v = f;
				vl = strlen(imp_meeting_verbs[k]);
			}
		}
		if (v == (size_t)-1)
			continue;
		sess_para = i;
		n->session_date = date;
		imp_mask(p, d, o + dl);
		o += dl;
		while (o < p->len && (p->s[o] == ',' || p->s[o] == ' '))
			o++;
		if (imp_match(p, o, "tại")) { /* "tại Hội trường …," */
			const char *cm = memchr(p->s + o, ',', v - o);

			if (cm)
				o = (size_t)(cm - p->s) + 1;
		}
		if (v > o)
			n->organ = imp_clean(c->a, p->s + o, v - o, ",", false);
		imp_session_marks(c, p);
		/* "theo Quy chế làm việc" right after the meeting */
		{
			size_t t = imp_find(p, v + vl, p->len, "theo");
			size_t end = p->len;
			const char *semi = memchr(p->s + v, ';', p->len - v);

			if (semi)
				end = (size_t)(semi - p->s);
			if (t != (size_t)-1 && t < end && t < v + vl + 80) {
				size_t e2 = t;

				while (e2 < end && p->s[e2] != ',' && p->s[e2] != '.')
					e2++;
				n->basis = imp_clean(c->a, p->s + t + 4, e2 - t - 4, "", false);
			}
		}
	}
	if (sess_para < 0)
		imp_warn(
		    c, c->np ? c->p[0].line : 1,
		    "không thấy câu nêu ngày và cơ quan họp (\"Ngày …, … tổ chức phiên họp …\")");
	/* Who met, from the title, when the body does not say: "… của Ban Chấp hành … khóa XXII". */
	if (!n->organ && n->title) {
		const char *of = strstr(n->title, " của ");

		if (of) {
			const char *end = strstr(of, " khóa ");

			if (!end)
				end = strstr(of, ",");
			n->organ = end ? arena_strndup(c->a, of + 6, (size_t)(end - of - 6))
				       : arena_strdup(c->a, of + 6);
		}
	}
	/* The outcome opens the first numbered section or the paragraph after the session's. */
	for (int i = sess_para + 1; i < c->np; i++) {
		struct imp_para *p = &c->p[i];
		size_t lim = p->len < 160 ? p->len : 160;

		if (p->zone != IMP_Z_BODY)
			continue;
		for (size_t k = 0; imp_outcomes[k] && !n->outcome; k++) {
			size_t f = imp_find(p, 0, lim, imp_outcomes[k]);

			if (f != (size_t)-1)
				n->outcome =
				    imp_clean(c->a, p->s + f, strlen(imp_outcomes[k]), "", true);
		}
		break;
	}
	return 0;
}

/* Agenda items "(1) Báo cáo …; (2) Tờ trình …" or a list after "…các văn bản sau:". */
static int imp_agenda_item(struct imp_ctx *c, struct imp_para *p, size_t from, size_t to, int num)
{
	struct imp_agenda *ag;
	int i;
	size_t k = imp_skip_space(p, from), kl = 0;
	const struct imp_kind *kind = NULL;

	i = imp_push(c, (void **)&c->n->agenda, &c->n->nagenda, &c->cap[0], sizeof(*ag));
	if (i < 0)
		return i;
	ag = &c->n->agenda[i];
	ag->n = num;
	if (imp_match(p, k, "dự thảo"))
		k = imp_skip_space(p, k + strlen("dự thảo"));
	for (size_t j = 0; imp_kinds[j].word; j++) {
		size_t m = imp_match(p, k, imp_kinds[j].word);

		if (m && imp_kinds[j].code) {
			kind = &imp_kinds[j];
			kl = m;
			break;
		}
	}
	if (kind) {
		ag->kind = kind->name;
		k += kl;
	}
	ag->title = imp_clean(c->a, p->s + k, to - k, ";.,", false);
	p->agenda = true;
	return ag->title ? 0 : ERR_NOMEM;
}

static int imp_agenda(struct imp_ctx *c)
{
	for (int i = 0; i < c->np; i++) {
		struct imp_para *p = &c->p[i];
		size_t at[64];
		int nat = 0, r;

		if (p->zone != IMP_Z_BODY)
			continue;
		for (int k = 1; k < 64; k++) {
			char mark[8];
			const char *f;

			snprintf(mark, sizeof(mark), "(%d)", k);
			f = memmem(p->s + (nat ? at[nat - 1] : 0), p->len - (nat ? at[nat - 1] : 0),
				   mark, strlen(mark));
			if (!f)
				break;
			at[nat++] = (size_t)(f - p->s);
		}
		if (nat < 2)
			continue;
		for (int k = 0; k < nat; k++) {
			size_t from = at[k] + (k < 9 ? 3 : 4);
			size_t to = k + 1 < nat ? at[k + 1] : p->len;

			r = imp_agenda_item(c, p, from, to, k + 1);
			if (r < 0)
				return r;
			imp_mask(p, at[k], from);
		}
		if (c->n->nagenda)
			return 0;
	}
	/* The list form: a paragraph ending in ':' about the documents, then "- Báo cáo …" lines. */
	for (int i = 0; i + 1 < c->np; i++) {
		struct imp_para *p = &c->p[i];

		if (p->zone != IMP_Z_BODY || p->s[p->len - 1] != ':' ||
		    (imp_find(p, 0, p->len, "văn bản") == (size_t)-1 &&
		     imp_find(p, 0, p->len, "dự thảo") == (size_t)-1 &&
		     imp_find(p, 0, p->len, "nội dung") == (size_t)-1))
			continue;
		for (int j = i + 1; j < c->np && c->p[j].bullet; j++) {
			int r = imp_agenda_item(c, &c->p[j], 1, c->p[j].len, c->n->nagenda + 1);

			if (r < 0)
				return r;
		}
		if (c->n->nagenda)
			return 0;
	}
	return 0;
}

/* Recipients, the signature, and the issuer when the text has no header. */
int imp_tail(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;
	bool in_recipients = false, rec_open = false;
	int sig_state = 0; /* 0 none, 1 authority seen, 2 position seen, 3 name seen */

	for (int i = 0; i < c->np; i++) {
		struct imp_para *p = &c->p[i];
		bool caps;

		if (p->zone != IMP_Z_TAIL)
			continue;
		caps = imp_all_caps(p->s, p->len);
		if (imp_match(p, 0, "nơi nhận")) {
			in_recipients = true;
			continue;
		}
		if (in_recipients && (p->s[0] == '-' || p->s[0] == '+' || p->bullet)) {
			const char **r;
			size_t sk = imp_skip_space(p, 1);
			int k;

			/*
			 * A wrapped line of a PDF that begins with the dash of "chính trị -
			 * xã hội": the recipient before it did not end, and this one is lower case.
			 */
			if (rec_open && n->nrecipients > 0 && sk < p->len &&
			    imp_is_lower_at(p->s, p->len, sk)) {
				n->recipients[n->nrecipients - 1] = arena_printf(
				    c->a, "%s - %s", n->recipients[n->nrecipients - 1],
				    imp_clean(c->a, p->s + sk, p->len - sk, ",;.", false));
				rec_open = !strchr(",;.", p->s[p->len - 1]);
				continue;
			}
			k = imp_push(c, (void **)&n->recipients, &n->nrecipients, &c->cap[6],
				     sizeof(*r));
			if (k < 0)
				return k;
			n->recipients[k] = imp_clean(c->a, p->s + 1, p->len - 1, ",;.", false);
			rec_open = !strchr(",;.", p->s[p->len - 1]);
			continue;
		}
		if (caps && sig_state == 0) {
			for (size_t k = 0; imp_sig_prefixes[k]; k++)
				if (strncmp(p->s, imp_sig_prefixes[k],
					    strlen(imp_sig_prefixes[k])) == 0) {
					n->sig_authority = arena_strndup(c->a, p->s, p->len);
					sig_state = 1;
					break;
				}
			if (sig_state)
				continue;
		}
		if (caps && sig_state == 1) {
			bool pre = false;

			for (size_t k = 0; imp_sig_prefixes[k]; k++)
				if (strncmp(p->s, imp_sig_prefixes[k],
					    strlen(imp_sig_prefixes[k])) == 0)
					pre = true;
			if (pre && !n->sig_for)
				n->sig_for = arena_strndup(c->a, p->s, p->len);
			else
				n->sig_position = arena_strndup(c->a, p->s, p->len);
			continue;
		}
		if (sig_state >= 1 && !caps && p->s[0] != '(' && p->s[0] != '-' && p->len < 60 &&
		    imp_is_upper_at(p->s, p->len, 0)) {
			n->sig_name = arena_strndup(c->a, p->s, p->len);
			sig_state = 3;
			in_recipients = false;
		}
	}
	/* Issuer from the signature: "T/M HUYỆN ỦY" and the place named in the text. */
	if (!n->issuer && n->sig_authority) {
		const char *a = strchr(n->sig_authority, ' ');
		const struct imp_body_word *bw = NULL;

		if (a) {
			const char *name = imp_body_name(c, a + 1, strlen(a + 1), &bw);

			if (bw && !n->issuer_symbol)
				n->issuer_symbol = bw->code;
			if (bw && bw->level && !n->place) {
				/* "huyện Tân Yên": the level word, then a capitalised name. */
				for (int i = 0; i < c->np && !n->place; i++) {
					struct imp_para *p = &c->p[i];
					size_t f = 0;

					while (!n->place &&
					       (f = imp_find(p, f, p->len, bw->level)) !=
						   (size_t)-1) {
						size_t s0 =
							   imp_skip_space(p, f + strlen(bw->level)),
						       e0 = s0;

						while (e0 < p->len &&
						       imp_is_upper_at(p->s, p->len, e0)) {
							while (e0 < p->len && p->s[e0] != ' ' &&
							       p->s[e0] != ',' && p->s[e0] != '.' &&
							       p->s[e0] != ';')
								e0++;
							if (e0 + 1 < p->len && p->s[e0] == ' ' &&
							    imp_is_upper_at(p->s, p->len, e0 + 1))
								e0++;
							else
								break;
						}
						if (e0 > s0 && imp_is_upper_at(p->s, p->len, s0))
							n->place =
							    arena_strndup(c->a, p->s + s0, e0 - s0);
						f = f + 1;
					}
				}
			}
			if (name && n->place)
				n->issuer = arena_printf(c->a, "%s %s", name, n->place);
			else
				n->issuer = name;
		}
	}
	if (!n->sig_name)
		imp_warn(c, c->np ? c->p[c->np - 1].line : 1,
			 "không thấy chữ ký (T/M …, chức vụ, họ tên)");
	if (!n->nrecipients)
		imp_warn(c, c->np ? c->p[c->np - 1].line : 1, "không thấy danh sách \"Nơi nhận\"");
	return 0;
}

/* Questioning: "thực hiện chất vấn theo Quy định số 158-QĐ/TW …: Không có nội dung chất vấn." */
static int imp_questioning(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;

	for (int i = 0; i < c->np; i++) {
		struct imp_para *p = &c->p[i];
		size_t f;

		if (p->zone != IMP_Z_BODY || imp_find(p, 0, p->len, "chất vấn") == (size_t)-1)
			continue;
		n->has_questioning = true;
		for (int k = 0; k < n->nrefs && !n->questioning_basis; k++)
			if (n->refs[k].line >= p->line && n->refs[k].line <= imp_line_at(p, p->len))
				n->questioning_basis = n->refs[k].symbol;
		if (imp_find(p, 0, p->len, "không có nội dung chất vấn") != (size_t)-1 ||
		    imp_find(p, 0, p->len, "không có ý kiến chất vấn") != (size_t)-1 ||
		    imp_find(p, 0, p->len, "không có chất vấn") != (size_t)-1) {
			n->questioning_none = true;
			continue;
		}
		/* "Đồng chí A chất vấn đồng chí B về …" */
		f = 0;
		while ((f = imp_find(p, f, p->len, "chất vấn")) != (size_t)-1) {
			size_t a0 = f, to0 = imp_skip_space(p, f + strlen("chất vấn")), ve;
			struct imp_question *q;
			int k;

			while (a0 > 0 && p->s[a0 - 1] != '.' && p->s[a0 - 1] != ';' &&
			       p->s[a0 - 1] != ':' && p->s[a0 - 1] != ',')
				a0--;
			a0 = imp_skip_space(p, a0);
			ve = imp_find(p, to0, p->len, "về");
			if (!(imp_match(p, a0, "đồng chí") || imp_match(p, a0, "đ/c")) ||
			    ve == (size_t)-1) {
				f++;
				continue;
			}
			k = imp_push(c, (void **)&n->questions, &n->nquestions, &c->cap[5],
				     sizeof(*q));
			if (k < 0)
				return k;
			q = &n->questions[k];
			q->asker = imp_clean(c->a, p->s + a0, f - a0, ",", false);
			q->to = imp_clean(c->a, p->s + to0, ve - to0, ",", false);
			{
				size_t e0 = ve;

				while (
				    e0 < p->len && p->s[e0] != ';' &&
				    !(p->s[e0] == '.' && (e0 + 1 == p->len || p->s[e0 + 1] == ' ')))
					e0++;
				q->about = imp_clean(c->a, p->s + ve + strlen("về"),
						     e0 - ve - strlen("về"), ",", false);
			}
			q->line = imp_line_at(p, f);
			f++;
		}
	}
	return 0;
}

int imp_extract(const char *text, size_t len, struct arena *a, struct imp_notice **ret,
		struct err *e)
{
	struct imp_ctx c = {.a = a};
	static int (*const passes[])(struct imp_ctx *) = {
	    imp_structure, imp_session, imp_agenda,	 imp_references,
	    imp_figures,   imp_tasks,	imp_questioning, imp_tail,
	};
	int r;

	if (len > IMP_MAX_TEXT)
		return err_set(e, ERR_TOOBIG, "văn bản quá dài (%zu byte, tối đa %u)", len,
			       IMP_MAX_TEXT);
	if (!vn_is_nfc(text, len))
		return err_set(e, ERR_INVAL, "văn bản không phải UTF-8 dạng NFC");
	c.n = arena_alloc(a, sizeof(*c.n));
	if (!c.n)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = imp_paragraphs(&c, text, len);
	/* A pass that reaches a list's cap keeps what it found and says so; the others go on. */
	for (size_t k = 0; r == 0 && k < sizeof(passes) / sizeof(passes[0]); k++) {
		r = passes[k](&c);
		if (r == ERR_TOOBIG) {
			c.n->truncated = true;
			r = 0;
		}
	}
	if (r == 0 && c.n->truncated)
		imp_warn(&c, 1, "văn bản có quá nhiều mục: chỉ giữ %d mục đầu của mỗi loại",
			 IMP_MAX_ITEMS);
	if (r < 0)
		return err_set(e, r,
			       r == ERR_TOOBIG ? "văn bản có quá nhiều đoạn (tối đa %d)"
					       : "không đủ bộ nhớ",
			       IMP_MAX_PARAS);
	/* Warnings in the order of the text (a stable insertion sort: they are few). */
	for (int i = 1; i < c.n->nwarnings; i++) {
		struct imp_warning w = c.n->warnings[i];
		int j = i;

		while (j > 0 && c.n->warnings[j - 1].line > w.line) {
			c.n->warnings[j] = c.n->warnings[j - 1];
			j--;
		}
		c.n->warnings[j] = w;
	}
	c.n->paras = arena_alloc(a, sizeof(char *) * (size_t)(c.np + 1));
	if (!c.n->paras)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (int i = 0; i < c.np; i++)
		c.n->paras[i] = c.p[i].s;
	c.n->nparas = c.np;
	c.n->body_from = c.n->body_to = 0;
	for (int i = 0; i < c.np; i++) {
		if (c.p[i].zone != IMP_Z_BODY)
			continue;
		if (c.n->body_to == 0)
			c.n->body_from = i;
		c.n->body_to = i + 1;
	}
	*ret = c.n;
	return 0;
}
