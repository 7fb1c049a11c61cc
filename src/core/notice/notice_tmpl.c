/* notice_tmpl.c: the notice template language: parsing, binding placeholders to data, checking the prose. */
/*
 * Over 1,000 lines: the language's scanner, its binder and the prose checks
 * walk the same token stream and report by the same line and column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notice/notice.h"
#include "core/notice/fmt.h"

#define MAX_MSGS 200
#define MAX_TOKENS 12
#define MAX_RUNS 256
#define MAX_FIGS 64
#define MAX_PH 128
#define PARA_MAX (256 * 1024)

/* A figure used in the current paragraph, for the written-percentage check. */
struct fig_use {
	size_t off; /* where its placeholder's text starts in the paragraph */
	struct notice_fig f;
};

struct tp {
	const char *s;
	size_t len, i;
	int line;
	size_t line_start;
	struct arena *a;
	const struct notice_ctx *ctx;
	struct notice_doc *d;
	struct err *e;
	int fatal; /* ERR_NOMEM, ERR_TOOBIG */
	/* the paragraph being built */
	struct buf text; /* its plain text */
	size_t *src;	 /* for each byte of text, the template offset it came from */
	size_t src_cap;
	struct notice_run runs[MAX_RUNS];
	size_t nruns, run_start;
	unsigned style;
	struct fig_use figs[MAX_FIGS];
	size_t nfigs;
	size_t ph_start[MAX_PH], ph_end[MAX_PH]; /* placeholder output ranges in text */
	size_t nph;
	size_t para_cap; /* room in d->paras */
	size_t item;	 /* the agenda item ({{item N}}) the prose speaks of, 1-based; 0: none */
	/* head values */
	char *sign, *archive;
	size_t sign_off, recipients_off; /* where @sign and @recipients stand */
	const char **to;
	size_t nto;
};

static int col_at(const struct tp *p, size_t off, int *ret_line)
{
	int line = 1, col = 1;

	for (size_t i = 0; i < off && i < p->len; i++) {
		if (p->s[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)p->s[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	*ret_line = line;
	return col;
}

static void msg(struct tp *p, enum notice_severity sev, size_t off, const char *kind,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void msg(struct tp *p, enum notice_severity sev, size_t off, const char *kind,
		const char *fmt, ...)
{
	struct notice_msg *m;
	char text[512];
	va_list ap;

	if (p->d->nmsgs >= MAX_MSGS)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	m = &p->d->msgs[p->d->nmsgs];
	m->sev = sev;
	m->col = col_at(p, off, &m->line);
	m->kind = kind;
	m->text = arena_strdup(p->a, text);
	if (!m->text) {
		p->fatal = ERR_NOMEM;
		return;
	}
	p->d->nmsgs++;
	if (sev == NOTICE_ERROR)
		p->d->nerrors++;
}

static char *adup(struct tp *p, const char *s, size_t n)
{
	char *r = arena_strndup(p->a, s, n);

	if (!r)
		p->fatal = ERR_NOMEM;
	return r;
}

/* ---- placeholders ---- */

struct ph {
	char *tok[MAX_TOKENS];
	size_t ntok;
	size_t off; /* template offset of "{{" */
};

/* Splits the inside of {{ }} into words; key="a b" keeps its quoted value. */
static int ph_split(struct tp *p, const char *s, size_t n, struct ph *ph)
{
	size_t i = 0;

	ph->ntok = 0;
	while (i < n) {
		struct buf w = BUF_INIT(1024);
		int r = 0;

		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		if (i >= n)
			break;
		if (ph->ntok >= MAX_TOKENS) {
			msg(p, NOTICE_ERROR, ph->off, "syntax", "trường có quá nhiều tham số");
			return -1;
		}
		while (r == 0 && i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
			if (s[i] == '"') {
				size_t j = i + 1;

				while (j < n && s[j] != '"')
					j++;
				if (j >= n) {
					buf_free(&w);
					msg(p, NOTICE_ERROR, ph->off, "syntax",
					    "thiếu dấu \" đóng trong trường");
					return -1;
				}
				r = buf_add(&w, s + i + 1, j - i - 1);
				i = j + 1;
			} else {
				r = buf_putc(&w, s[i++]);
			}
		}
		if (r < 0) {
			buf_free(&w);
			p->fatal = r;
			return -1;
		}
		ph->tok[ph->ntok++] = adup(p, buf_str(&w), w.len);
		buf_free(&w);
		if (p->fatal)
			return -1;
	}
	if (ph->ntok == 0) {
		msg(p, NOTICE_ERROR, ph->off, "syntax", "trường rỗng {{ }}");
		return -1;
	}
	return 0;
}

/* The value of option key ("dec=2" → "2"), or NULL; flag options ("signed") give "". */
static const char *ph_opt(const struct ph *ph, size_t from, const char *key)
{
	size_t kl = strlen(key);

	for (size_t i = from; i < ph->ntok; i++) {
		if (strncmp(ph->tok[i], key, kl) == 0 && ph->tok[i][kl] == '=')
			return ph->tok[i] + kl + 1;
		if (strcmp(ph->tok[i], key) == 0)
			return "";
	}
	return NULL;
}

static bool ph_opts_known(struct tp *p, const struct ph *ph, size_t from, const char *const *known)
{
	for (size_t i = from; i < ph->ntok; i++) {
		bool ok = false;

		for (const char *const *k = known; *k; k++) {
			size_t kl = strlen(*k);

			if (strcmp(ph->tok[i], *k) == 0 ||
			    (strncmp(ph->tok[i], *k, kl) == 0 && ph->tok[i][kl] == '='))
				ok = true;
		}
		if (!ok) {
			msg(p, NOTICE_ERROR, ph->off, "syntax",
			    "tham số '%s' không hợp lệ trong {{%s}}", ph->tok[i], ph->tok[0]);
			return false;
		}
	}
	return true;
}

static void unresolved(struct tp *p, size_t off, struct buf *out, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void unresolved(struct tp *p, size_t off, struct buf *out, const char *fmt, ...)
{
	char text[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	msg(p, NOTICE_WARN, off, "unresolved", "%s", text);
	p->d->nunresolved++;
	if (buf_puts(out, "[?]") < 0)
		p->fatal = ERR_TOOBIG;
}

static void put(struct tp *p, struct buf *out, const char *s)
{
	if (buf_puts(out, s ? s : "") < 0)
		p->fatal = ERR_TOOBIG;
}

static void put_dec(struct tp *p, struct buf *out, struct vn_dec v)
{
	if (vn_dec_format(v, 0, out) < 0)
		p->fatal = ERR_TOOBIG;
}

/* The last word among tăng, giảm, vượt in the clause before text[0..end). */
static const char *clause_verb(const char *text, size_t end)
{
	static const char *const verbs[] = {"tăng", "giảm", "vượt"};
	size_t start = end;
	const char *best = NULL;
	size_t best_at = 0;

	while (start > 0 && text[start - 1] != ',' && text[start - 1] != ';' &&
	       text[start - 1] != '(' && text[start - 1] != ':' &&
	       !(text[start - 1] == ' ' && start >= 2 && text[start - 2] == '.'))
		start--;
	for (size_t v = 0; v < 3; v++) {
		size_t vl = strlen(verbs[v]);

		for (size_t i = start; i + vl <= end; i++) {
			if (memcmp(text + i, verbs[v], vl) != 0)
				continue;
			if (i > 0 && text[i - 1] != ' ')
				continue;
			if (!best || i >= best_at) {
				best = verbs[v];
				best_at = i;
			}
		}
	}
	return best;
}

static int parse_dec_opt(struct tp *p, const struct ph *ph, int *ret)
{
	const char *v = ph_opt(ph, 3, "dec");
	char *end;
	long n;

	*ret = -1;
	if (!v)
		return 0;
	n = strtol(v, &end, 10);
	if (!*v || *end || n < 0 || n > VN_DEC_MAXSCALE) {
		msg(p, NOTICE_ERROR, ph->off, "syntax", "dec=%s không hợp lệ (cần 0–9)", v);
		return -1;
	}
	*ret = (int)n;
	return 0;
}

static void expand_fig(struct tp *p, const struct ph *ph, struct buf *out, bool in_body)
{
	static const char *const quantities[] = {"value",    "plan",   "same",	     "pct_plan",
						 "pct_same", "growth", "growth_abs", NULL};
	static const char *const known[] = {"dec", "plan", "period", "signed", NULL};
	const char *code, *q, *plan, *period;
	struct notice_fig f;
	struct vn_dec v, hundred = vn_dec_int(100);
	struct err fe = {0};
	int dec, r = 0;
	size_t qi;
	bool sign;

	if (ph->ntok < 3) {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "{{fig}} cần mã chỉ tiêu và đại lượng, ví dụ {{fig industry value}}");
		put(p, out, "[?]");
		return;
	}
	code = ph->tok[1];
	q = ph->tok[2];
	for (qi = 0; quantities[qi] && strcmp(quantities[qi], q) != 0; qi++)
		;
	if (!quantities[qi]) {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "đại lượng '%s' không hợp lệ (value, plan, same, pct_plan, pct_same, growth, "
		    "growth_abs)",
		    q);
		put(p, out, "[?]");
		return;
	}
	if (!ph_opts_known(p, ph, 3, known) || parse_dec_opt(p, ph, &dec) < 0) {
		put(p, out, "[?]");
		return;
	}
	plan = ph_opt(ph, 3, "plan");
	if (!plan || !*plan)
		plan = p->d->plan;
	period = ph_opt(ph, 3, "period");
	if (!period || !*period)
		period = p->d->period;
	sign = ph_opt(ph, 3, "signed") != NULL;
	if (!p->ctx->figure) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s': chưa có nguồn số liệu", code);
		return;
	}
	if (!period) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s': chưa chọn kỳ số liệu (@period)", code);
		return;
	}
	r = p->ctx->figure(p->ctx->figure_arg, code, period, plan, &f, &fe);
	if (r < 0) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s' không có số liệu: %s", code,
			   err_msg(&fe, r));
		return;
	}
	if (in_body && f.parts_msg)
		msg(p, NOTICE_ERROR, ph->off, "components", "%s", f.parts_msg);
	if ((qi == 1 || qi == 3) && !f.has_plan) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s' chưa có kế hoạch '%s'", code,
			   plan ? plan : "mặc định");
		return;
	}
	if ((qi == 2 || qi >= 4) && !f.has_same) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s' chưa có số cùng kỳ", code);
		return;
	}
	switch (qi) {
	case 0:
		v = f.value;
		break;
	case 1:
		v = f.plan;
		break;
	case 2:
		v = f.same;
		break;
	case 3:
		r = vn_dec_pct(f.value, f.plan, dec < 0 ? 1 : dec, &v);
		break;
	case 4:
		r = vn_dec_pct(f.value, f.same, dec < 0 ? 1 : dec, &v);
		break;
	case 5:
		r = vn_dec_pct(f.value, f.same, dec < 0 ? 1 : dec, &v);
		if (r == 0)
			r = vn_dec_sub(v, hundred, &v);
		break;
	default:
		r = vn_dec_sub(f.value, f.same, &v);
		break;
	}
	if (r == 0 && dec >= 0 && (qi <= 2 || qi == 6))
		r = vn_dec_round(v, dec, &v);
	if (r < 0) {
		unresolved(p, ph->off, out, "chỉ tiêu '%s': không tính được %s", code, q);
		return;
	}
	if (in_body && (qi == 5 || qi == 6 || qi == 3)) {
		const char *verb = clause_verb(buf_str(&p->text), p->text.len);
		int c = qi == 3 ? vn_dec_cmp(v, hundred) : vn_dec_cmp(v, vn_dec_int(0));

		if (verb && qi != 3 && strcmp(verb, "tăng") == 0 && c < 0)
			msg(p, NOTICE_WARN, ph->off, "contradiction",
			    "viết \"tăng\" nhưng chỉ tiêu '%s' giảm so với cùng kỳ", code);
		else if (verb && qi != 3 && strcmp(verb, "giảm") == 0 && c > 0)
			msg(p, NOTICE_WARN, ph->off, "contradiction",
			    "viết \"giảm\" nhưng chỉ tiêu '%s' tăng so với cùng kỳ", code);
		else if (verb && qi == 3 && strcmp(verb, "vượt") == 0 && c <= 0)
			msg(p, NOTICE_WARN, ph->off, "contradiction",
			    "viết \"vượt\" nhưng chỉ tiêu '%s' chưa đạt kế hoạch", code);
	}
	if ((qi == 5 || qi == 6) && !sign && v.units < 0)
		v.units = -v.units;
	if (in_body && p->nfigs < MAX_FIGS) {
		p->figs[p->nfigs].off = p->text.len;
		p->figs[p->nfigs].f = f;
		p->nfigs++;
	}
	put_dec(p, out, v);
}

static void expand_list(struct tp *p, const struct ph *ph, struct buf *out)
{
	static const char *const known[] = {"sep", "plain", NULL};
	const char *const *items;
	const char *sep;
	size_t n;
	bool plain;

	if (ph->ntok < 2 || !ph_opts_known(p, ph, 2, known)) {
		if (ph->ntok < 2)
			msg(p, NOTICE_ERROR, ph->off, "syntax",
			    "{{list}} cần agenda hoặc recipients");
		put(p, out, "[?]");
		return;
	}
	plain = ph_opt(ph, 2, "plain") != NULL;
	sep = ph_opt(ph, 2, "sep");
	if (strcmp(ph->tok[1], "agenda") == 0) {
		items = p->ctx->agenda;
		n = p->ctx->nagenda;
		if (!sep)
			sep = "; ";
	} else if (strcmp(ph->tok[1], "recipients") == 0) {
		items = (const char *const *)p->d->recipients;
		n = p->d->nrecipients;
		if (!sep)
			sep = ", ";
		plain = true;
	} else {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "danh sách '%s' không có (agenda, recipients)", ph->tok[1]);
		put(p, out, "[?]");
		return;
	}
	if (n == 0) {
		unresolved(p, ph->off, out, "danh sách '%s' rỗng", ph->tok[1]);
		return;
	}
	for (size_t i = 0; i < n && !p->fatal; i++) {
		if (i)
			put(p, out, sep);
		if (!plain && buf_printf(out, "(%zu) ", i + 1) < 0)
			p->fatal = ERR_TOOBIG;
		put(p, out, items[i]);
	}
}

static void expand_session(struct tp *p, const struct ph *ph, struct buf *out)
{
	const struct notice_ctx *c = p->ctx;
	const struct {
		const char *name, *val;
	} fields[] = {
	    {"number", c->session_number}, {"organ", c->organ},	   {"term", c->term},
	    {"term_name", c->term_name},   {"body", c->body_name}, {"place", c->place},
	};

	if (ph->ntok != 2) {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "{{session}} cần đúng một trường (number, organ, term, term_name, body, "
		    "place)");
		put(p, out, "[?]");
		return;
	}
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(fields[i].name, ph->tok[1]) != 0)
			continue;
		if (!fields[i].val || !*fields[i].val)
			unresolved(p, ph->off, out, "phiên họp chưa có '%s'", ph->tok[1]);
		else
			put(p, out, fields[i].val);
		return;
	}
	msg(p, NOTICE_ERROR, ph->off, "syntax",
	    "trường phiên họp '%s' không có (number, organ, term, term_name, body, place)",
	    ph->tok[1]);
	put(p, out, "[?]");
}

static void expand_date(struct tp *p, const struct ph *ph, struct buf *out)
{
	struct vn_date d;
	enum vn_date_style st = VN_DATE_SHORT;

	if (ph->ntok < 2 || ph->ntok > 3 ||
	    (strcmp(ph->tok[1], "session") != 0 && strcmp(ph->tok[1], "issue") != 0)) {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "{{date}} cần session hoặc issue, rồi short, bare hoặc long");
		put(p, out, "[?]");
		return;
	}
	if (ph->ntok == 3) {
		if (strcmp(ph->tok[2], "short") == 0) {
			st = VN_DATE_SHORT;
		} else if (strcmp(ph->tok[2], "bare") == 0) {
			st = VN_DATE_SHORT_BARE;
		} else if (strcmp(ph->tok[2], "long") == 0) {
			st = VN_DATE_LONG;
		} else {
			msg(p, NOTICE_ERROR, ph->off, "syntax",
			    "kiểu ngày '%s' không có (short, bare, long)", ph->tok[2]);
			put(p, out, "[?]");
			return;
		}
	}
	d = strcmp(ph->tok[1], "session") == 0 ? p->ctx->session_date : p->ctx->issue_date;
	if (vn_date_is_none(d) && strcmp(ph->tok[1], "issue") == 0)
		d = vn_date_today();
	if (vn_date_is_none(d)) {
		unresolved(p, ph->off, out, "chưa có ngày '%s'", ph->tok[1]);
		return;
	}
	if (vn_date_format(d, st, out) < 0)
		p->fatal = ERR_TOOBIG;
}

/* {{item N}}: the Nth agenda item; the prose after it speaks of that item. */
static void expand_item(struct tp *p, const struct ph *ph, struct buf *out)
{
	char *end;
	long n = ph->ntok == 2 ? strtol(ph->tok[1], &end, 10) : 0;

	if (ph->ntok != 2 || *end || n < 1) {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "{{item}} cần số thứ tự của nội dung, ví dụ {{item 1}}");
		put(p, out, "[?]");
		return;
	}
	if ((size_t)n > p->ctx->nitems) {
		unresolved(p, ph->off, out, "phiên họp không có nội dung thứ %ld", n);
		return;
	}
	p->item = (size_t)n;
	put(p, out, p->ctx->items[n - 1].title);
}

/* {{tasks [section=S]}}: one paragraph per task row ('\f' separates them until end_para). */
static void expand_tasks(struct tp *p, const struct ph *ph, struct buf *out)
{
	static const char *const known[] = {"section", NULL};
	const char *sec;
	bool first = true;

	if (!ph_opts_known(p, ph, 1, known)) {
		put(p, out, "[?]");
		return;
	}
	sec = ph_opt(ph, 1, "section");
	p->item = 0;
	for (size_t i = 0; i < p->ctx->ntasks && !p->fatal; i++) {
		const struct notice_task_line *t = &p->ctx->tasks[i];

		if (sec && strcmp(sec, t->section ? t->section : "") != 0)
			continue;
		if (!first)
			put(p, out, "\f");
		put(p, out, t->text);
		first = false;
	}
}

static void expand(struct tp *p, struct ph *ph, struct buf *out, bool in_body)
{
	const char *k = ph->tok[0];

	if (strcmp(k, "fig") == 0) {
		expand_fig(p, ph, out, in_body);
	} else if (strcmp(k, "list") == 0) {
		expand_list(p, ph, out);
	} else if (strcmp(k, "session") == 0) {
		expand_session(p, ph, out);
	} else if (strcmp(k, "date") == 0) {
		expand_date(p, ph, out);
	} else if (strcmp(k, "item") == 0) {
		expand_item(p, ph, out);
	} else if (strcmp(k, "tasks") == 0 && in_body) {
		expand_tasks(p, ph, out);
	} else if (strcmp(k, "questioning") == 0 && ph->ntok == 1) {
		p->item = 0;
		put(p, out,
		    p->ctx->questioning ? p->ctx->questioning : "Không có nội dung chất vấn.");
	} else if (strcmp(k, "number") == 0 && ph->ntok == 1) {
		put(p, out, p->ctx->symbol ? p->ctx->symbol : "[?]");
	} else if (strcmp(k, "signer") == 0 && ph->ntok == 2 &&
		   (strcmp(ph->tok[1], "name") == 0 || strcmp(ph->tok[1], "position") == 0)) {
		const char *v =
		    strcmp(ph->tok[1], "name") == 0 ? p->d->sig_name : p->d->sig_position;
		if (!v || !*v)
			unresolved(p, ph->off, out, "chưa có người ký");
		else
			put(p, out, v);
	} else {
		msg(p, NOTICE_ERROR, ph->off, "syntax",
		    "trường '{{%s}}' không có (fig, list, session, date, item, tasks, questioning, "
		    "signer, number)",
		    k);
		put(p, out, "[?]");
	}
}

/* At p->s[i] == "{{": parses up to "}}" and expands into out; advances i. */
static void placeholder(struct tp *p, size_t *i, size_t end, struct buf *out, bool in_body)
{
	struct ph ph = {.off = *i};
	size_t j = *i + 2;

	while (j + 1 < end && !(p->s[j] == '}' && p->s[j + 1] == '}'))
		j++;
	if (j + 1 >= end) {
		msg(p, NOTICE_ERROR, *i, "syntax", "thiếu '}}' đóng trường");
		put(p, out, "[?]");
		*i = end;
		return;
	}
	if (ph_split(p, p->s + *i + 2, j - *i - 2, &ph) == 0)
		expand(p, &ph, out, in_body);
	else
		put(p, out, "[?]");
	*i = j + 2;
}

/* Expands a head value (no styles) at [from, to) into out; "\\\n" becomes "\n". */
static void expand_inline(struct tp *p, size_t from, size_t to, struct buf *out)
{
	size_t i = from;

	while (i < to && !p->fatal) {
		if (p->s[i] == '{' && i + 1 < to && p->s[i + 1] == '{') {
			placeholder(p, &i, to, out, false);
		} else if (p->s[i] == '\\' && i + 1 < to && p->s[i + 1] == '\n') {
			put(p, out, "\n");
			i += 2;
		} else if (p->s[i] == '\\' && i + 1 < to) {
			if (buf_putc(out, p->s[i + 1]) < 0)
				p->fatal = ERR_TOOBIG;
			i += 2;
		} else {
			if (buf_putc(out, p->s[i]) < 0)
				p->fatal = ERR_TOOBIG;
			i++;
		}
	}
}

/* ---- head ---- */

static size_t line_end(const struct tp *p, size_t i)
{
	while (i < p->len && p->s[i] != '\n')
		i++;
	return i;
}

static char *trimmed(struct tp *p, size_t from, size_t to)
{
	while (from < to && (p->s[from] == ' ' || p->s[from] == '\t'))
		from++;
	while (to > from && (p->s[to - 1] == ' ' || p->s[to - 1] == '\t' || p->s[to - 1] == '\r'))
		to--;
	return adup(p, p->s + from, to - from);
}

static void head(struct tp *p)
{
	static const char *const names[] = {
	    "type",	  "title", "summary", "profile",  "period", "plan",	"sign",
	    "recipients", "to",	   "archive", "superior", "issuer", "drafting", NULL};

	p->to = arena_alloc(p->a, sizeof(*p->to) * 64);
	if (!p->to) {
		p->fatal = ERR_NOMEM;
		return;
	}
	while (p->i < p->len && p->s[p->i] == '@' && !p->fatal) {
		size_t start = p->i, e = line_end(p, p->i), nend = start + 1;
		size_t k;
		char *val;

		while (nend < e && p->s[nend] != ' ' && p->s[nend] != '\t')
			nend++;
		for (k = 0; names[k]; k++)
			if (strlen(names[k]) == nend - start - 1 &&
			    memcmp(names[k], p->s + start + 1, nend - start - 1) == 0)
				break;
		/* a value ending in "\" continues on the next line */
		while (e > nend && p->s[e - 1] == '\\' && e < p->len)
			e = line_end(p, e + 1);
		if (!names[k]) {
			msg(p, NOTICE_ERROR, start, "syntax", "chỉ dẫn '%.*s' không có",
			    (int)(nend - start), p->s + start);
		} else if (strcmp(names[k], "summary") == 0) {
			struct buf b = BUF_INIT(64 * 1024);

			while (nend < e && p->s[nend] == ' ')
				nend++;
			expand_inline(p, nend, e, &b);
			p->d->summary = adup(p, buf_str(&b), b.len);
			buf_free(&b);
		} else {
			val = trimmed(p, nend, e);
			if (!val)
				return;
			switch (k) {
			case 0:
				p->d->type_code = val;
				break;
			case 1:
				p->d->title = val;
				break;
			case 3:
				p->d->profile = val;
				break;
			case 4:
				p->d->period = val;
				break;
			case 5:
				p->d->plan = val;
				break;
			case 6:
				p->sign = val;
				p->sign_off = start;
				break;
			case 7:
				p->d->recipients_group = val;
				p->recipients_off = start;
				break;
			case 8:
				if (p->nto < 64)
					p->to[p->nto++] = val;
				break;
			case 9:
				p->archive = val;
				break;
			case 10:
				p->d->superior = val;
				break;
			case 11:
				p->d->issuer = val;
				break;
			case 12:
				p->d->drafting = val;
				break;
			}
		}
		p->i = e < p->len ? e + 1 : e;
	}
}

/* @sign T/M | HUYỆN ỦY | BÍ THƯ | Đinh Đức Cảnh */
static void signature(struct tp *p)
{
	const struct notice_ctx *c = p->ctx;
	char *parts[4] = {NULL, NULL, NULL, NULL};
	size_t n = 0;

	if (p->sign) {
		char *s = p->sign, *bar;

		while (n < 4) {
			bar = strchr(s, '|');
			if (bar)
				*bar = '\0';
			while (*s == ' ')
				s++;
			for (char *t = s + strlen(s); t > s && t[-1] == ' ';)
				*--t = '\0';
			parts[n++] = s;
			if (!bar)
				break;
			s = bar + 1;
		}
		if (n != 4)
			msg(p, NOTICE_ERROR, p->sign_off, "syntax",
			    "@sign cần 4 phần: hình thức | cơ quan | chức vụ | họ tên");
	}
	p->d->sig_form = c->sig_form ? c->sig_form : parts[0];
	p->d->sig_body = c->sig_body ? c->sig_body : parts[1];
	p->d->sig_position = c->sig_position ? c->sig_position : parts[2];
	p->d->sig_name = c->sig_name ? c->sig_name : parts[3];
	if (p->d->sig_form && *p->d->sig_form &&
	    !fmt_authority_ok(c->sign_forms ? c->sign_forms : "T/M,K/T,T/L", p->d->sig_form))
		msg(p, NOTICE_ERROR, p->sign_off, "syntax",
		    "hình thức ký '%s' không dùng được với khổ trình bày này (được dùng: %s)",
		    p->d->sig_form, c->sign_forms ? c->sign_forms : "T/M,K/T,T/L");
	if (p->d->sig_form && *p->d->sig_form)
		p->d->sig_authority = arena_printf(p->a, "%s %s", p->d->sig_form,
						   p->d->sig_body ? p->d->sig_body : "");
}

static void recipients(struct tp *p)
{
	const struct notice_ctx *c = p->ctx;
	size_t n = c->nrecipients + p->nto + 1, k = 0;

	p->d->recipients = arena_alloc(p->a, sizeof(char *) * n);
	if (!p->d->recipients) {
		p->fatal = ERR_NOMEM;
		return;
	}
	for (size_t i = 0; i < c->nrecipients; i++)
		p->d->recipients[k++] = c->recipients[i];
	for (size_t i = 0; i < p->nto; i++) {
		/* "@to X," and "@to X" print the same */
		size_t l = strlen(p->to[i]);

		p->d->recipients[k++] =
		    l && p->to[i][l - 1] == ',' ? adup(p, p->to[i], l - 1) : p->to[i];
	}
	if (p->archive)
		p->d->recipients[k++] = p->archive;
	p->d->nrecipients = k;
	if (p->d->recipients_group && strcmp(p->d->recipients_group, "-") != 0 &&
	    c->nrecipients == 0)
		msg(p, NOTICE_WARN, p->recipients_off, "unresolved",
		    "nhóm nơi nhận '%s' không có hoặc rỗng", p->d->recipients_group);
}

/* ---- body ---- */

static void flush_run(struct tp *p)
{
	if (p->text.len == p->run_start)
		return;
	if (p->nruns >= MAX_RUNS) {
		p->fatal = ERR_TOOBIG;
		return;
	}
	p->runs[p->nruns].text = adup(p, p->text.data + p->run_start, p->text.len - p->run_start);
	p->runs[p->nruns].style = p->style;
	p->nruns++;
	p->run_start = p->text.len;
}

/* Appends bytes to the paragraph, remembering the template offset they came from. */
static void para_add(struct tp *p, const char *s, size_t n, size_t src)
{
	if (p->text.len + n > p->src_cap) {
		size_t cap = (p->text.len + n) * 2 + 256;
		size_t *ns = realloc(p->src, cap * sizeof(*ns));

		if (!ns) {
			p->fatal = ERR_NOMEM;
			return;
		}
		p->src = ns;
		p->src_cap = cap;
	}
	for (size_t k = 0; k < n; k++)
		p->src[p->text.len + k] = src;
	if (buf_add(&p->text, s, n) < 0)
		p->fatal = ERR_TOOBIG;
}

/* Percentages written as prose must agree with a figure of their sentence. */
static void check_percents(struct tp *p)
{
	const char *t = buf_str(&p->text);
	size_t n = p->text.len;

	for (size_t i = 0; i < n; i++) {
		size_t a = i, s0, s1;
		struct vn_dec w;
		bool in_ph = false, any = false, agrees = false;

		if (t[i] != '%')
			continue;
		while (a > 0 && (strchr("0123456789.,", t[a - 1]) != NULL))
			a--;
		while (a < i && (t[a] == '.' || t[a] == ','))
			a++;
		if (a == i)
			continue;
		for (size_t k = 0; k < p->nph; k++)
			if (a >= p->ph_start[k] && a < p->ph_end[k])
				in_ph = true;
		if (in_ph || vn_dec_parse(t + a, i - a, &w, NULL) < 0)
			continue;
		for (s0 = a; s0 > 0 && t[s0 - 1] != ';' && !(t[s0 - 1] == ' ' && t[s0 - 2] == '.');
		     s0--)
			;
		for (s1 = i;
		     s1 < n && t[s1] != ';' && !(t[s1] == '.' && (s1 + 1 == n || t[s1 + 1] == ' '));
		     s1++)
			;
		for (size_t k = 0; k < p->nfigs; k++) {
			const struct notice_fig *f = &p->figs[k].f;
			struct vn_dec v;

			if (p->figs[k].off < s0 || p->figs[k].off > s1)
				continue;
			any = true;
			if (f->has_plan && vn_dec_pct(f->value, f->plan, w.scale, &v) == 0 &&
			    vn_dec_cmp(v, w) == 0)
				agrees = true;
			if (f->has_same && vn_dec_pct(f->value, f->same, w.scale, &v) == 0) {
				struct vn_dec g;

				if (vn_dec_cmp(v, w) == 0)
					agrees = true;
				if (vn_dec_sub(v, vn_dec_int(100), &g) == 0) {
					if (g.units < 0)
						g.units = -g.units;
					if (vn_dec_cmp(g, w) == 0)
						agrees = true;
				}
			}
		}
		if (any && !agrees)
			msg(p, NOTICE_WARN, p->src[a], "percent",
			    "tỷ lệ viết tay %.*s%% không khớp với số liệu của chỉ tiêu trong câu",
			    (int)(i - a), t + a);
	}
}

static bool has_word(const char *t, const char *lower, const char *capital)
{
	return strstr(t, lower) || strstr(t, capital);
}

/*
 * The prose about an agenda item ({{item N}} above it) must not contradict
 * its vote: agreement written over an item voted down, or rejection over one
 * that passed. Only the clerk's words count, not what placeholders printed.
 */
static void check_outcome(struct tp *p)
{
	const struct notice_item *it;
	struct buf own = BUF_INIT(PARA_MAX);
	const char *t;
	bool agrees, negated;

	if (!p->item || p->item > p->ctx->nitems || !p->ctx->items[p->item - 1].voted)
		return;
	it = &p->ctx->items[p->item - 1];
	for (size_t i = 0; i < p->text.len; i++) {
		bool in_ph = false;

		for (size_t k = 0; k < p->nph && !in_ph; k++)
			in_ph = i >= p->ph_start[k] && i < p->ph_end[k];
		if (!in_ph && buf_putc(&own, p->text.data[i]) < 0)
			break;
	}
	t = buf_str(&own);
	agrees = has_word(t, "nhất trí", "Nhất trí") || has_word(t, "thông qua", "Thông qua") ||
		 has_word(t, "tán thành", "Tán thành");
	negated = has_word(t, "không", "Không") || has_word(t, "chưa", "Chưa");
	if (!it->passed && agrees && !negated)
		msg(p, NOTICE_ERROR, p->src[0], "contradiction",
		    "nội dung %zu không được thông qua (%d/%d thành viên tán thành) nhưng đoạn "
		    "này viết là nhất trí, thông qua",
		    p->item, it->n_for, it->members);
	else if (it->passed && agrees && negated)
		msg(p, NOTICE_ERROR, p->src[0], "contradiction",
		    "nội dung %zu đã được thông qua (%d/%d thành viên tán thành) nhưng đoạn này "
		    "viết là không thông qua",
		    p->item, it->n_for, it->members);
	buf_free(&own);
}

/* Appends runs [from, to) of p->runs as one paragraph (a rule when it is "---"). */
static void para_emit(struct tp *p, const struct notice_run *runs, size_t n)
{
	struct notice_para *para;

	if (n == 0)
		return;
	if (p->d->nparas >= p->para_cap) {
		p->fatal = ERR_TOOBIG;
		return;
	}
	para = &p->d->paras[p->d->nparas];
	memset(para, 0, sizeof(*para));
	if (n == 1 && strcmp(runs[0].text, "---") == 0) {
		para->rule = true;
	} else {
		para->runs = arena_alloc(p->a, sizeof(*para->runs) * n);
		if (!para->runs) {
			p->fatal = ERR_NOMEM;
			return;
		}
		memcpy(para->runs, runs, sizeof(*para->runs) * n);
		para->nruns = n;
	}
	p->d->nparas++;
}

static void end_para(struct tp *p)
{
	struct notice_run cur[MAX_RUNS];
	size_t ncur = 0;

	flush_run(p);
	if (p->nruns == 0 || p->fatal)
		goto reset;
	check_percents(p);
	check_outcome(p);
	/* a '\f' ({{tasks}}) starts a new paragraph */
	for (size_t k = 0; k < p->nruns && !p->fatal; k++) {
		const char *s = p->runs[k].text, *f;

		while ((f = strchr(s, '\f')) != NULL && !p->fatal) {
			if (f > s)
				cur[ncur++] = (struct notice_run){adup(p, s, (size_t)(f - s)),
								  p->runs[k].style};
			para_emit(p, cur, ncur);
			ncur = 0;
			s = f + 1;
		}
		if (*s)
			cur[ncur++] = (struct notice_run){s, p->runs[k].style};
	}
	if (!p->fatal)
		para_emit(p, cur, ncur);
reset:
	buf_reset(&p->text);
	p->nruns = p->run_start = p->nfigs = p->nph = 0;
	p->style = 0;
}

static void body(struct tp *p)
{
	size_t i = p->i, cap = 16;

	for (size_t k = p->i; k < p->len; k++)
		if (p->s[k] == '\n')
			cap++;
	/* each {{tasks}} may print every task row as a paragraph of its own */
	for (size_t k = p->i; k + 8 < p->len; k++)
		if (memcmp(p->s + k, "{{tasks", 7) == 0)
			cap += p->ctx->ntasks;
	p->para_cap = cap;
	p->d->paras = arena_alloc(p->a, sizeof(*p->d->paras) * cap);
	if (!p->d->paras) {
		p->fatal = ERR_NOMEM;
		return;
	}
	while (i < p->len && !p->fatal) {
		char c = p->s[i];

		if (c == '\n') {
			size_t j = i + 1;

			while (j < p->len && (p->s[j] == ' ' || p->s[j] == '\t' || p->s[j] == '\r'))
				j++;
			if (j >= p->len || p->s[j] == '\n') {
				end_para(p);
				i = j;
				continue;
			}
			if (p->text.len && p->text.data[p->text.len - 1] != ' ' &&
			    p->text.data[p->text.len - 1] != '\n')
				para_add(p, " ", 1, i);
			i++;
		} else if (c == '\r') {
			i++;
		} else if (c == '\\' && i + 1 < p->len && p->s[i + 1] == '\n') {
			para_add(p, "\n", 1, i);
			i += 2;
		} else if (c == '\\' && i + 1 < p->len) {
			para_add(p, p->s + i + 1, 1, i + 1);
			i += 2;
		} else if (c == '*') {
			unsigned bit = NOTICE_ITALIC;

			if (i + 1 < p->len && p->s[i + 1] == '*')
				bit = NOTICE_BOLD;
			flush_run(p);
			p->style ^= bit;
			i += bit == NOTICE_BOLD ? 2 : 1;
		} else if (c == '{' && i + 1 < p->len && p->s[i + 1] == '{') {
			struct buf out = BUF_INIT(PARA_MAX);
			size_t at = i, start = p->text.len;

			placeholder(p, &i, p->len, &out, true);
			para_add(p, buf_str(&out), out.len, at);
			buf_free(&out);
			if (p->nph < MAX_PH) {
				p->ph_start[p->nph] = start;
				p->ph_end[p->nph] = p->text.len;
				p->nph++;
			}
		} else {
			/* trailing spaces before a newline are not text */
			if (c == ' ' && (i + 1 >= p->len || p->s[i + 1] == '\n' ||
					 (p->text.len && p->text.data[p->text.len - 1] == ' '))) {
				i++;
				continue;
			}
			para_add(p, &c, 1, i);
			i++;
		}
	}
	end_para(p);
	if (p->style && !p->fatal)
		msg(p, NOTICE_WARN, p->len, "syntax", "dấu * hoặc ** chưa đóng");
}

int notice_bind(const char *tmpl, const struct notice_ctx *ctx, struct arena *a,
		struct notice_doc *ret, struct err *e)
{
	struct notice_doc d = {0};
	struct tp p = {.s = tmpl, .len = strlen(tmpl), .a = a, .ctx = ctx, .d = &d, .e = e};
	struct buf b = BUF_INIT(1024);

	p.text = (struct buf)BUF_INIT(PARA_MAX);
	d.msgs = arena_alloc(a, sizeof(*d.msgs) * MAX_MSGS);
	if (!d.msgs)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	head(&p);
	if (!d.period)
		d.period = ctx->period;
	signature(&p);
	recipients(&p);
	if (!p.fatal) {
		while (p.i < p.len && (p.s[p.i] == '\n' || p.s[p.i] == '\r' || p.s[p.i] == ' '))
			p.i++;
		body(&p);
	}
	free(p.src);
	buf_free(&p.text);
	if (p.fatal) {
		buf_free(&b);
		return err_set(e, p.fatal,
			       p.fatal == ERR_TOOBIG ? "thông báo quá dài" : "không đủ bộ nhớ");
	}
	if (!d.title)
		d.title = d.type_code && strcmp(d.type_code, "TB") != 0 ? d.type_code : "THÔNG BÁO";
	if (!d.type_code)
		d.type_code = "TB";
	if (!d.superior)
		d.superior = ctx->superior;
	if (!d.issuer)
		d.issuer = ctx->issuer;
	{
		struct vn_date dt =
		    vn_date_is_none(ctx->issue_date) ? ctx->session_date : ctx->issue_date;
		bool state = ctx->family && strcmp(ctx->family, "state") == 0;

		if (!vn_date_is_none(dt)) {
			if (ctx->place && buf_printf(&b, "%s, ", ctx->place) < 0)
				p.fatal = ERR_TOOBIG;
			/* Nghị định 30/2020 writes months from 3 on without a 0 */
			if (vn_date_format(dt, state ? VN_DATE_LONG_DOC : VN_DATE_LONG, &b) < 0)
				p.fatal = ERR_TOOBIG;
			d.place_date = arena_strdup(a, buf_str(&b));
		} else if (ctx->place) {
			/* not dated yet: the line is left for the date of issuing */
			d.place_date = arena_printf(a, "%s, ngày     tháng     năm", ctx->place);
		}
		if (ctx->symbol)
			d.number_line = arena_printf(a, "Số%s %s", state ? ":" : "", ctx->symbol);
		else if (state && strcmp(d.type_code, "CV") == 0)
			/* a state dispatch: number / issuer - drafting unit */
			d.number_line =
			    arena_printf(a, "Số:      /%s-%s", ctx->body_code ? ctx->body_code : "",
					 d.drafting ? d.drafting : "");
		else if (state)
			d.number_line = arena_printf(a, "Số:      /%s-%s", d.type_code,
						     ctx->body_code ? ctx->body_code : "");
		else
			d.number_line = arena_printf(a, "Số      -%s/%s", d.type_code,
						     ctx->body_code ? ctx->body_code : "");
	}
	buf_free(&b);
	if (p.fatal)
		return err_set(e, p.fatal, "thông báo quá dài");
	*ret = d;
	return 0;
}

int notice_msgs_format(const struct notice_doc *d, struct buf *out)
{
	int r = 0;

	for (size_t i = 0; r == 0 && i < d->nmsgs; i++) {
		const struct notice_msg *m = &d->msgs[i];

		r = buf_printf(out, "%sdòng %d, cột %d: %s%s", i ? "\n" : "", m->line, m->col,
			       m->sev == NOTICE_ERROR ? "lỗi: " : "", m->text);
	}
	return r;
}

/* Appends s escaped for the body: \ * { and a leading @ or "---" would be read as syntax. */
static int freeze_text(struct buf *out, const char *s, bool head)
{
	int r = 0;

	for (const char *p = s ? s : ""; r == 0 && *p; p++) {
		if (*p == '\n')
			r = buf_puts(out, "\\\n");
		else if (*p == '\\' || *p == '*' || *p == '{' ||
			 (*p == '@' && (p == s || p[-1] == '\n')))
			r = buf_printf(out, "\\%c", *p);
		else if (head && (*p == '|'))
			r = buf_putc(out, ' ');
		else
			r = buf_putc(out, *p);
	}
	return r;
}

int notice_freeze(const struct notice_doc *d, struct buf *out)
{
	int r;

	r = buf_printf(out, "@type %s\n@title %s\n", d->type_code ? d->type_code : "TB",
		       d->title ? d->title : "");
	if (r == 0 && d->summary) {
		r = buf_puts(out, "@summary ");
		if (r == 0)
			r = freeze_text(out, d->summary, true);
		if (r == 0)
			r = buf_putc(out, '\n');
	}
	if (r == 0 && d->profile)
		r = buf_printf(out, "@profile %s\n", d->profile);
	if (r == 0 && d->superior)
		r = buf_printf(out, "@superior %s\n", d->superior);
	if (r == 0 && d->issuer)
		r = buf_printf(out, "@issuer %s\n", d->issuer);
	if (r == 0 && d->sig_form)
		r = buf_printf(
		    out, "@sign %s | %s | %s | %s\n", d->sig_form, d->sig_body ? d->sig_body : "",
		    d->sig_position ? d->sig_position : "", d->sig_name ? d->sig_name : "");
	if (r == 0)
		r = buf_puts(out, "@recipients -\n");
	for (size_t i = 0; r == 0 && i < d->nrecipients; i++)
		r = buf_printf(out, "%s %s\n", i + 1 == d->nrecipients ? "@archive" : "@to",
			       d->recipients[i]);
	for (size_t i = 0; r == 0 && i < d->nparas; i++) {
		const struct notice_para *pa = &d->paras[i];

		r = buf_putc(out, '\n');
		if (r == 0 && pa->rule)
			r = buf_puts(out, "---");
		for (size_t k = 0; r == 0 && k < pa->nruns; k++) {
			const char *mark = pa->runs[k].style == (NOTICE_BOLD | NOTICE_ITALIC)
					       ? "***"
					   : pa->runs[k].style & NOTICE_BOLD   ? "**"
					   : pa->runs[k].style & NOTICE_ITALIC ? "*"
									       : "";

			r = buf_puts(out, mark);
			if (r == 0)
				r = freeze_text(out, pa->runs[k].text, false);
			if (r == 0)
				r = buf_puts(out, mark);
		}
		if (r == 0)
			r = buf_putc(out, '\n');
	}
	return r;
}
