/* imp_ref.c: references to other documents, in the Party and the state forms of their symbols. */
#include <string.h>

#include "core/registry/docnum.h"
#include "import/imp_int.h"

/* A symbol segment: letters (Đ included) and digits, starting with a capital letter. */
static size_t imp_seg(const struct imp_para *p, size_t i)
{
	size_t j = i;

	if (i >= p->len || !imp_is_upper_at(p->s, p->len, i))
		return 0;
	while (j < p->len && imp_is_word_byte(p->s, p->len, j))
		j += imp_utf8_len((unsigned char)p->s[j]);
	return j - i;
}

static size_t imp_num(const struct imp_para *p, size_t i, long *ret)
{
	size_t j = i;
	long v = 0;

	while (j < p->len && p->s[j] >= '0' && p->s[j] <= '9' && j - i < 7)
		v = v * 10 + (p->s[j++] - '0');
	if (j == i || (j < p->len && p->s[j] >= '0' && p->s[j] <= '9'))
		return 0;
	*ret = v;
	return j - i;
}

/* Spaces around a '-' or '/' ("100 - KL/TW"); returns the index after the separator or 0. */
static size_t imp_sep(const struct imp_para *p, size_t i, char sep)
{
	size_t j = imp_skip_space(p, i);

	if (j < p->len && p->s[j] == sep)
		return imp_skip_space(p, j + 1);
	return 0;
}

/*
 * Where a hyphen was lost in a symbol's segment seg[0..n): after a type code
 * followed by a known issuer ("CT"+"UBND", "NĐ"+"CP"), or after "UBND"
 * followed by a department's capitals ("UBND"+"TH"); 0 when neither.
 */
static size_t imp_lost_hyphen(const char *seg, size_t n)
{
	for (size_t cut = n - 1; cut >= 2; cut--) {
		if (((unsigned char)seg[cut] & 0xC0) == 0x80)
			continue; /* inside a letter */
		if (!imp_kind_by_code(seg, cut))
			continue;
		for (size_t k = 0; imp_issuers[k]; k++)
			if (strlen(imp_issuers[k]) == n - cut &&
			    memcmp(imp_issuers[k], seg + cut, n - cut) == 0)
				return cut;
	}
	if (n > 4 && n <= 4 + 8 && memcmp(seg, "UBND", 4) == 0) {
		for (size_t k = 4; k < n; k++)
			if (!((seg[k] >= 'A' && seg[k] <= 'Z') || ((unsigned char)seg[k] & 0x80)))
				return 0;
		return 4;
	}
	return 0;
}

/*
 * Parses a symbol at i: Party "22-NQ/HU", "100 - KL/TW"; state "6202/UBND-KT",
 * "68/2017/NĐ-CP", "123/TB-UBND", "203/2025/QH15". Fills r; returns bytes used or 0.
 */
static size_t imp_symbol_at(struct imp_ctx *c, const struct imp_para *p, size_t i,
			    struct imp_ref *r)
{
	size_t j, k, s1, s2, s3 = 0, s1at, s2at, s3at = 0;
	long num, year = 0;
	const struct imp_kind *kc;

	if (!imp_word_start(p, i) || !(k = imp_num(p, i, &num)))
		return 0;
	j = i + k;
	/* "122HD/ĐU": a Party symbol whose hyphen a PDF lost */
	if ((s1 = imp_seg(p, j)) && j + s1 < p->len && p->s[j + s1] == '/' &&
	    imp_kind_by_code(p->s + j, s1) && (s2 = imp_seg(p, j + s1 + 1))) {
		r->kind = arena_strndup(c->a, p->s + j, s1);
		r->issuer = arena_strndup(c->a, p->s + j + s1 + 1, s2);
		r->symbol = arena_printf(c->a, "%ld-%s/%s", num, r->kind, r->issuer);
		r->number = num;
		r->repaired = true;
		return j + s1 + 1 + s2 - i;
	}
	if ((s1at = imp_sep(p, j, '-')) && (s1 = imp_seg(p, s1at))) {
		/* Party: N-CODE/ISSUER */
		size_t sl = s1at + s1;

		if (sl >= p->len || p->s[sl] != '/' || !(s2 = imp_seg(p, sl + 1)))
			return 0;
		s2at = sl + 1;
		kc = imp_kind_by_code(p->s + s1at, s1);
		r->kind = arena_strndup(c->a, p->s + s1at, s1);
		r->issuer = arena_strndup(c->a, p->s + s2at, s2);
		r->symbol = arena_printf(c->a, "%ld-%s/%s", num, r->kind, r->issuer);
		r->number = num;
		(void)kc;
		return s2at + s2 - i;
	}
	if (j >= p->len || p->s[j] != '/')
		return 0;
	j++;
	if (imp_num(p, j, &year) == 4 && j + 4 < p->len && p->s[j + 4] == '/') {
		j += 5;
	} else {
		year = 0;
	}
	s1at = j;
	if (!(s1 = imp_seg(p, s1at)))
		return 0;
	j = s1at + s1;
	s2at = 0;
	s2 = 0;
	if (j + 1 < p->len && p->s[j] == '-' && (s2 = imp_seg(p, j + 1))) {
		s2at = j + 1;
		j = s2at + s2;
		if (j + 1 < p->len && p->s[j] == '-' && (s3 = imp_seg(p, j + 1))) {
			s3at = j + 1;
			j = s3at + s3;
		}
	}
	r->number = num;
	r->year = (int)year;
	kc = imp_kind_by_code(p->s + s1at, s1);
	if (!s2 && !kc) {
		/* "1541/CTUBND", "45/2020/NĐCP", "905/UBNDTH": the hyphen a PDF lost, put back */
		size_t cut = imp_lost_hyphen(p->s + s1at, s1);

		if (cut) {
			r->repaired = true;
			r->symbol =
			    arena_printf(c->a, "%.*s%.*s-%.*s", (int)(s1at - i), p->s + i, (int)cut,
					 p->s + s1at, (int)(s1 - cut), p->s + s1at + cut);
			return j - i;
		}
	}
	if (kc && s2) { /* "123/TB-UBND", "68/2017/NĐ-CP" */
		r->kind = arena_strndup(c->a, p->s + s1at, s1);
		r->issuer = arena_strndup(c->a, p->s + s2at, s2);
		if (s3)
			r->unit = arena_strndup(c->a, p->s + s3at, s3);
	} else { /* "6202/UBND-KT", "5658/BCT-CTĐP", "203/2025/QH15" */
		r->issuer = arena_strndup(c->a, p->s + s1at, s1);
		if (s2)
			r->unit = arena_strndup(c->a, p->s + s2at, s2);
	}
	r->symbol = arena_strndup(c->a, p->s + i, j - i);
	return j - i;
}

int imp_references(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;

	for (int pi = 0; pi < c->np; pi++) {
		struct imp_para *p = &c->p[pi];

		if (p->zone != IMP_Z_BODY && p->zone != IMP_Z_TITLE)
			continue;
		for (size_t i = 0; i < p->len; i++) {
			struct imp_ref r = {0};
			size_t k, j, from = i;
			int dup = -1;

			if (p->s[i] < '0' || p->s[i] > '9' || p->mask[i])
				continue;
			k = imp_symbol_at(c, p, i, &r);
			if (!k) {
				while (i + 1 < p->len && p->s[i + 1] >= '0' && p->s[i + 1] <= '9')
					i++;
				continue;
			}
			if (!r.symbol)
				return ERR_NOMEM;
			j = i + k;
			/* The registry's reading of the symbol is the one stored and linked. */
			{
				struct docnum d;
				struct buf b = BUF_INIT(128);

				const char *sym = r.repaired ? r.symbol : p->s + i;
				size_t symlen = r.repaired ? strlen(r.symbol) : k;

				if (docnum_parse(sym, symlen, &d, NULL) == 0 &&
				    docnum_format(&d, 0, &b) == 0) {
					const char *kind = docnum_kind(&d);

					r.symbol = arena_strdup(c->a, buf_str(&b));
					r.number = d.number;
					r.year = d.year;
					r.kind = *kind ? arena_strdup(c->a, kind) : NULL;
					r.issuer = arena_strdup(c->a, d.issuer);
					r.unit = d.dept[0] ? arena_strdup(c->a, d.dept) : NULL;
				}
				buf_free(&b);
				if (!r.symbol || !r.issuer)
					return ERR_NOMEM;
			}
			/* The kind word before: "Nghị quyết số", "Chỉ thị", "Văn bản số". */
			{
				size_t b = i;

				while (b > 0 && p->s[b - 1] == ' ')
					b--;
				if (b >= strlen("số") &&
				    memcmp(p->lo + b - strlen("số"), "số", strlen("số")) == 0) {
					b -= strlen("số");
					while (b > 0 && p->s[b - 1] == ' ')
						b--;
				}
				for (size_t kk = 0; imp_kinds[kk].word; kk++) {
					size_t wl = strlen(imp_kinds[kk].word);

					if (b >= wl && imp_match(p, b - wl, imp_kinds[kk].word) &&
					    imp_word_start(p, b - wl)) {
						r.kind_name = imp_kinds[kk].name;
						if (!r.kind && imp_kinds[kk].code)
							r.kind = imp_kinds[kk].code;
						from = b - wl;
						break;
					}
				}
			}
			/* The date after: ", ngày 23/11/2023", " ngày 15/4/2021". */
			{
				size_t d = j;

				if (d < p->len && p->s[d] == ',')
					d++;
				d = imp_skip_space(p, d);
				if (imp_match(p, d, "ngày")) {
					size_t dl;

					d = imp_skip_space(p, d + strlen("ngày"));
					dl = imp_date_at(p, d, 0, &r.date);
					if (dl)
						j = d + dl;
				}
			}
			r.line = imp_line_at(p, i);
			imp_mask(p, from, j);
			if (n->symbol && strcmp(n->symbol, r.symbol) == 0) {
				i = j - 1;
				continue; /* the document's own number is the document, not a reference */
			}
			if (r.repaired)
				imp_warn(c, r.line,
					 "ký hiệu \"%.*s\" thiếu dấu gạch nối, đọc là \"%s\"",
					 (int)k, p->s + i, r.symbol);
			for (int q = 0; q < n->nrefs; q++)
				if (strcmp(n->refs[q].symbol, r.symbol) == 0)
					dup = q;
			if (dup >= 0) {
				if (vn_date_is_none(n->refs[dup].date))
					n->refs[dup].date = r.date;
				if (!n->refs[dup].kind_name)
					n->refs[dup].kind_name = r.kind_name;
			} else {
				int q = imp_push(c, (void **)&n->refs, &n->nrefs, &c->cap[1],
						 sizeof(r));

				if (q < 0)
					return q;
				n->refs[q] = r;
			}
			/* Agenda items list the symbols they name. */
			if (p->agenda) {
				for (int a = 0; a < n->nagenda; a++) {
					struct imp_agenda *ag = &n->agenda[a];

					if (ag->nrefs < 8 && strstr(ag->title, r.symbol) &&
					    (ag->nrefs == 0 ||
					     strcmp(ag->refs[ag->nrefs - 1], r.symbol) != 0))
						ag->refs[ag->nrefs++] = r.symbol;
				}
			}
			i = j - 1;
		}
	}
	return 0;
}

const char *imp_symbol_repaired(struct imp_ctx *c, const struct imp_para *p, size_t i)
{
	struct imp_ref r = {0};

	if (imp_symbol_at(c, p, i, &r) && r.repaired)
		return r.symbol;
	return NULL;
}
