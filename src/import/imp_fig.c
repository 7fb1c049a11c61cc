/* imp_fig.c: the period, figures with their comparisons and parents, and counts of named things. */
#include <stdint.h>
#include <string.h>

#include "import/imp_int.h"
#include "vn/text.h"

/* The state of one paragraph's walk: where the clause began, which figure is open, parents. */
struct imp_walk {
	size_t clause; /* start of the current clause */
	int cur;       /* figure whose comparisons are being read, or -1 */
	int stack[16]; /* parents opened by "trong đó" / "bao gồm" */
	int depth;
	int paren[16];	    /* depth of the stack at each open parenthesis */
	size_t pclause[16]; /* the clause's start at each open parenthesis */
	int nparen;
	int verb; /* last comparison verb: 0 ratio, 1 growth, -1 fall, 2 exceed */
};

/* The period the notice reports on: "Chín tháng đầu năm 2023", "quý III năm 2023". */
static void imp_period(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;
	int year0 = n->session_date.y ? n->session_date.y : n->date.y;

	for (int pi = 0; pi < c->np && !n->period_label; pi++) {
		struct imp_para *p = &c->p[pi];

		if (p->zone != IMP_Z_BODY || p->agenda)
			continue;
		for (size_t i = 0; i < p->len && !n->period_label; i++) {
			int v = 0, y = 0, from = 0, to = 0;
			size_t k, j;
			const char *kind = NULL;

			if (!imp_word_start(p, i))
				continue;
			if (imp_match(p, i, "lũy kế") || imp_match(p, i, "luỹ kế"))
				j = imp_skip_space(p, i + strlen("lũy kế"));
			else
				j = i;
			if ((k = imp_small_number_at(p, j, &v)) && v >= 1 && v <= 12) {
				size_t t = imp_skip_space(p, j + k);

				if (!imp_match(p, t, "tháng"))
					continue;
				t = imp_skip_space(p, t + strlen("tháng"));
				if (imp_match(p, t, "đầu năm"))
					t += strlen("đầu năm");
				else if (j == i)
					continue;
				from = 1;
				to = v;
				kind = "months";
				j = t;
			} else if ((k = imp_match(p, i, "quý"))) {
				size_t t = imp_skip_space(p, i + k);

				k = imp_roman_at(p->s, p->len, t, &v);
				if (!k || v < 1 || v > 4)
					continue;
				from = 3 * v - 2;
				to = 3 * v;
				kind = "quarter";
				j = t + k;
			} else {
				continue;
			}
			/* The year: " năm 2023", "/2023", " 2023". */
			{
				size_t t = j;

				if (t < p->len && p->s[t] == '/')
					t++;
				else {
					t = imp_skip_space(p, t);
					if (imp_match(p, t, "năm"))
						t = imp_skip_space(p, t + strlen("năm"));
				}
				if (t + 4 <= p->len && p->s[t] >= '1' && p->s[t] <= '2') {
					for (size_t q = 0; q < 4; q++)
						y = y * 10 + (p->s[t + q] - '0');
					if (y < 1900 || y > 2200)
						y = 0;
				}
			}
			if (!y)
				y = year0;
			n->period_year = y;
			n->period_from = from;
			n->period_to = to;
			if (strcmp(kind, "months") == 0)
				n->period_label =
				    y ? arena_printf(c->a, "%d tháng đầu năm %d", to, y)
				      : arena_printf(c->a, "%d tháng đầu năm", to);
			else {
				static const char *const q[] = {"I", "II", "III", "IV"};

				n->period_label =
				    y ? arena_printf(c->a, "quý %s năm %d", q[v - 1], y)
				      : arena_printf(c->a, "quý %s", q[v - 1]);
			}
		}
	}
}

/* The subject opening a paragraph: "Thương mại - dịch vụ" in "Thương mại - dịch vụ tiếp tục …". */
static const char *imp_subject(struct imp_ctx *c, const struct imp_para *p)
{
	size_t i = 0, e = p->len;

	while (i < p->len &&
	       (p->s[i] == '-' || p->s[i] == '+' || p->s[i] == ' ' ||
		(p->s[i] >= '0' && p->s[i] <= '9') || p->s[i] == '.' || p->s[i] == ')'))
		i++;
	for (size_t k = 0; imp_subject_prefixes[k]; k++)
		if (imp_match(p, i, imp_subject_prefixes[k]) ||
		    !strncmp(p->lo + i, imp_subject_prefixes[k], strlen(imp_subject_prefixes[k])))
			i += strlen(imp_subject_prefixes[k]);
	for (size_t j = i + 1; j < p->len && e == p->len; j++) {
		if (!imp_word_start(p, j) && strchr(";,:.", p->s[j]) == NULL)
			continue;
		for (size_t k = 0; imp_subject_stops[k]; k++)
			if (imp_match(p, j, imp_subject_stops[k]) ||
			    (strchr(";,:.", p->s[j]) && p->s[j] == imp_subject_stops[k][0] &&
			     !imp_subject_stops[k][1])) {
				e = j;
				break;
			}
	}
	if (e == p->len || e <= i || e - i > 80)
		return NULL;
	return imp_clean(c->a, p->lo + i, e - i, " ", false);
}

static const char *imp_fig_id(struct imp_ctx *c, const char *label)
{
	struct buf f = BUF_INIT(1024);
	const char *id = NULL;
	char *slug;
	size_t o = 0;

	if (vn_fold(label, strlen(label), &f) < 0) {
		buf_free(&f);
		return NULL;
	}
	for (size_t k = 0; imp_indicators[k].key && !id; k++)
		if (strstr(buf_str(&f), imp_indicators[k].key))
			id = imp_indicators[k].id;
	if (!id) {
		slug = arena_alloc(c->a, f.len + 1);
		if (slug) {
			for (size_t i = 0; i < f.len && o < 40; i++) {
				char ch = f.data[i];

				if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
					slug[o++] = ch;
				else if (o && slug[o - 1] != '_')
					slug[o++] = '_';
			}
			while (o && slug[o - 1] == '_')
				o--;
			slug[o] = 0;
			id = o ? slug : "figure";
		}
	}
	buf_free(&f);
	/* Unique within the notice. */
	for (int n = 2; id; n++) {
		bool used = false;

		for (int i = 0; i < c->n->nfigs; i++)
			if (c->n->figs[i].id && strcmp(c->n->figs[i].id, id) == 0)
				used = true;
		if (!used)
			break;
		id = arena_printf(c->a, "%s_%d", n == 2 ? id : id, n);
		if (n > 2) /* strip the previous suffix's growth: recompute from the base */
			break;
	}
	return id;
}

/* The label of a figure: the clause before its value, up to "ước", "đạt", the period … */
static const char *imp_fig_label(struct imp_ctx *c, struct imp_para *p, size_t from, size_t to,
				 bool *estimate)
{
	size_t e = to, i = imp_skip_space(p, from);
	const char *label, *subject;

	while (i < to && (p->s[i] == ',' || p->s[i] == ' '))
		i++;
	for (;;) {
		size_t k = 0;

		if ((k = imp_match(p, i, "và")) || (k = imp_match(p, i, "còn")) ||
		    (k = imp_match(p, i, "với")) || (k = imp_match(p, i, "trong đó")))
			i = imp_skip_space(p, i + k);
		else
			break;
		while (i < to && (p->s[i] == ',' || p->s[i] == ' '))
			i++;
	}
	for (size_t j = to; j > i; j--)
		if (p->mask[j - 1]) {
			i = imp_skip_space(p, j);
			while (i < to && (p->s[i] == ',' || p->s[i] == ' '))
				i++;
			if (imp_match(p, i, "với"))
				i = imp_skip_space(p, i + strlen("với"));
			break;
		}
	if (imp_find(p, i, to, "ước") != (size_t)-1)
		*estimate = true;
	/* "Mười tháng đầu năm 2023, thu ngân sách … ước đạt": the label is the last part. */
	{
		const char *cm = NULL;

		for (size_t j = i; j < to; j++)
			if (p->s[j] == ',' &&
			    !(j > 0 && p->s[j - 1] >= '0' && p->s[j - 1] <= '9' && j + 1 < to &&
			      p->s[j + 1] >= '0' && p->s[j + 1] <= '9'))
				cm = p->s + j;
		if (cm && (size_t)(cm - p->s) + 1 < to) {
			size_t after = imp_skip_space(p, (size_t)(cm - p->s) + 1);
			size_t words = 0;

			for (size_t j = after; j < to; j++)
				if (p->s[j] == ' ')
					words++;
			if (words >= 2)
				i = after;
		}
	}
	for (size_t j = i + 1; j < to && e == to; j++) {
		if (!imp_word_start(p, j) && p->s[j] != ':')
			continue;
		for (size_t k = 0; imp_label_stops[k]; k++) {
			const char *st = imp_label_stops[k];

			if ((st[0] == ':' && p->s[j] == ':') ||
			    (st[0] != ':' && imp_match(p, j, st))) {
				e = j;
				break;
			}
		}
		/* A number in the label ("9 tháng") also ends it. */
		if (e == to && p->s[j] >= '0' && p->s[j] <= '9')
			e = j;
	}
	if (imp_match(p, i, "số") && i + 4 < e)
		i = imp_skip_space(p, i + strlen("số"));
	label = imp_clean(c->a, p->s + i, e - i, ",;:-", true);
	if (!label)
		return NULL;
	for (size_t k = 0; imp_generic_labels[k]; k++) {
		char *lo = arena_strdup(c->a, label);

		if (!lo)
			return NULL;
		imp_lower(label, strlen(label), lo);
		if (strcmp(lo, imp_generic_labels[k]) == 0) {
			subject = imp_subject(c, p);
			if (subject && strcmp(subject, lo) != 0)
				label = arena_printf(c->a, "%s %s", label, subject);
			break;
		}
	}
	return label;
}

static size_t imp_number_token(const struct imp_para *p, size_t i)
{
	size_t j = i;

	while (j < p->len && ((p->s[j] >= '0' && p->s[j] <= '9') ||
			      ((p->s[j] == '.' || p->s[j] == ',') && j + 1 < p->len &&
			       p->s[j + 1] >= '0' && p->s[j + 1] <= '9')))
		j++;
	return j - i;
}

/* The word before i (after skipping spaces and commas): which comparison verb it is. */
static int imp_verb_before(const struct imp_para *p, size_t i, int inherit)
{
	static const struct {
		const char *w;
		int v;
	} verbs[] = {{"tăng", 1}, {"giảm", -1}, {"vượt", 2}, {"bằng", 0},
		     {"đạt", 0},  {"và", 9},	{"còn", 0},  {"tăng thêm", 1}};
	size_t b = i;

	while (b > 0 && p->s[b - 1] == ' ')
		b--;
	if (b > 0 && p->s[b - 1] == ',')
		return 0;
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++) {
		size_t wl = strlen(verbs[k].w);

		if (b >= wl && imp_match(p, b - wl, verbs[k].w) && imp_word_start(p, b - wl))
			return verbs[k].v == 9 ? inherit : verbs[k].v;
	}
	return 0;
}

/* What a percentage compares with: 1 plan, 2 same period, 0 nothing said. *ret_kind the plan's name. */
static int imp_comparator(struct imp_ctx *c, struct imp_para *p, size_t i, size_t *end,
			  const char **ret_kind)
{
	size_t j = imp_skip_space(p, i), k, e;

	*ret_kind = NULL;
	*end = i;
	if ((k = imp_match(p, j, "so với")) || (k = imp_match(p, j, "so")) ||
	    (k = imp_match(p, j, "với")))
		j = imp_skip_space(p, j + k);
	for (size_t w = 0; imp_same_words[w]; w++)
		if ((k = imp_match(p, j, imp_same_words[w]))) {
			e = j + k;
			/* "cùng kỳ năm 2022", "cùng kỳ năm trước" */
			if (imp_match(p, imp_skip_space(p, e), "năm")) {
				e = imp_skip_space(p, e) + strlen("năm");
				while (e < p->len && p->s[e] == ' ')
					e++;
				while (e < p->len && imp_is_word_byte(p->s, p->len, e))
					e++;
			}
			*end = e;
			return 2;
		}
	for (size_t w = 0; imp_plan_words[w]; w++)
		if ((k = imp_match(p, j, imp_plan_words[w]))) {
			e = j + k;
			while (e < p->len && !strchr(",;).", p->s[e]) && !imp_match(p, e, " và ") &&
			       !imp_match(p, e, " so") && !imp_match(p, e, " tăng") &&
			       !imp_match(p, e, " giảm") && !imp_match(p, e, " bằng") &&
			       !imp_match(p, e, " trong đó"))
				e++;
			if (e == j + k && (strcmp(imp_plan_words[w], "kế hoạch") == 0 ||
					   strcmp(imp_plan_words[w], "kh") == 0))
				*ret_kind = NULL;
			else
				*ret_kind = imp_clean(c->a, p->s + j, e - j, "", false);
			*end = e;
			return 1;
		}
	return 0;
}

static int imp_new_fig(struct imp_ctx *c, struct imp_walk *w, struct imp_para *p, int pi)
{
	int k =
	    imp_push(c, (void **)&c->n->figs, &c->n->nfigs, &c->cap[2], sizeof(struct imp_figure));

	if (k < 0)
		return k;
	c->n->figs[k].para = pi;
	if (w->depth > 0)
		c->n->figs[k].parent = c->n->figs[w->stack[w->depth - 1]].id;
	w->cur = k;
	w->verb = 0;
	return k;
}

/*
 * "2,6 triệu con", "4,2 triệu lượt khách": a multiplier between a number and a counted
 * noun. Returns where the noun starts (k when there is no multiplier) and the whole
 * count in *value; a count that is not whole ("2,65 nghìn con" is) keeps k.
 */
static size_t imp_count_scaled(const struct imp_para *p, size_t k, struct vn_dec v,
			       long long *value)
{
	for (size_t q = 0; imp_count_multipliers[q].word; q++) {
		size_t mm = imp_match(p, k, imp_count_multipliers[q].word), k2;
		int ex = imp_count_multipliers[q].exp, sc = v.scale;
		long long cv = v.units;
		bool noun = false;

		if (!mm)
			continue;
		k2 = imp_skip_space(p, k + mm);
		for (size_t u = 0; imp_count_nouns[u] && !noun; u++)
			noun = imp_match(p, k2, imp_count_nouns[u]) != 0;
		if (!noun || cv < 0)
			return k;
		while (ex > 0 && sc > 0) {
			ex--;
			sc--;
		}
		if (sc > 0)
			return k;
		for (; ex > 0; ex--) {
			if (cv > INT64_MAX / 10)
				return k;
			cv *= 10;
		}
		*value = cv;
		return k2;
	}
	return k;
}

/*
 * The length of the counted noun at k, m bytes matched: a classifier ("con", "lượt")
 * takes up to two lower-case words after it ("con gia súc"), stopping at a stop word.
 */
static size_t imp_count_noun_end(const struct imp_para *p, size_t k, size_t m, const char *noun)
{
	bool cls = false;
	size_t end = k + m;

	for (size_t q = 0; imp_count_classifiers[q] && !cls; q++)
		cls = strcmp(noun, imp_count_classifiers[q]) == 0;
	if (!cls)
		return m;
	for (int words = 0; words < 2; words++) {
		size_t j = end, e;
		bool stop = false;

		if (j >= p->len || p->s[j] != ' ')
			break;
		j++;
		if (j >= p->len || !imp_is_lower_at(p->s, p->len, j))
			break;
		for (size_t q = 0; imp_classifier_stops[q] && !stop; q++)
			stop = imp_match(p, j, imp_classifier_stops[q]) != 0;
		if (stop)
			break;
		e = j;
		while (e < p->len && imp_is_word_byte(p->s, p->len, e))
			e++;
		if (e == j)
			break;
		end = e;
	}
	return end - k;
}

static int imp_count_add(struct imp_ctx *c, struct imp_para *p, size_t clause, size_t at,
			 const char *noun, long long value, long long of, size_t *used)
{
	struct imp_count *ct;
	size_t e = at, j;
	int k = imp_push(c, (void **)&c->n->counts, &c->n->ncounts, &c->cap[3], sizeof(*ct));

	if (k < 0)
		return k;
	ct = &c->n->counts[k];
	ct->what = noun;
	ct->value = value;
	ct->of = of;
	ct->line = imp_line_at(p, at);
	j = imp_skip_space(p, at);
	/* "(Đồng Đình và Lãng Cao)": the names. */
	if (j < p->len && p->s[j] == '(') {
		const char *close = memchr(p->s + j, ')', p->len - j);

		if (close) {
			size_t a = j + 1, z = (size_t)(close - p->s);

			while (a < z && ct->nnames < IMP_MAX_NAMES) {
				size_t b = a;

				while (b < z && p->s[b] != ',' && !imp_match(p, b, " và "))
					b++;
				ct->names[ct->nnames++] =
				    imp_clean(c->a, p->s + a, b - a, "", false);
				a = b < z && p->s[b] == ',' ? b + 1 : b + strlen(" và ");
			}
			e = z + 1;
			*used = e - at;
		}
	}
	while (e < p->len && p->s[e] != ';' && !imp_sentence_end(p, e))
		e++;
	ct->context = imp_clean(c->a, p->s + clause, e - clause, ",;. ", false);
	return 0;
}

/* Numbers that are parts of dates, periods, ordinals: not figures and not worth a warning. */
static bool imp_number_is_incidental(const struct imp_para *p, size_t i, size_t k)
{
	static const char *const before[] = {
	    "tháng", "ngày",  "quý", "thứ", "lần",	 "khoản", "điều",  "điểm", "mục", "năm",
	    "khóa",  "phiên", "số",  "đến", "giai đoạn", "từ",	  "trước", "sau",  NULL};
	static const char *const after[] = {"tháng", "ngày", "năm", "tuần", "giờ", "phút", NULL};
	size_t b = i, a = imp_skip_space(p, i + k);

	while (b > 0 && p->s[b - 1] == ' ')
		b--;
	for (size_t w = 0; before[w]; w++) {
		size_t wl = strlen(before[w]);

		if (b >= wl && imp_match(p, b - wl, before[w]))
			return true;
	}
	for (size_t w = 0; after[w]; w++)
		if (imp_match(p, a, after[w]))
			return true;
	if (k == 4 && p->s[i] >= '1' && p->s[i] <= '2') /* a year */
		return true;
	if (i + k < p->len && (p->s[i + k] == '-' || p->s[i + k] == '/' || p->s[i + k] == ')'))
		return true;
	return false;
}

/* A unit as stored: "tỉ đồng" is written "tỷ đồng" (both spellings are in use). */
static const char *imp_unit_spelling(struct imp_ctx *c, const char *s, size_t len)
{
	char *u = arena_strndup(c->a, s, len);

	for (size_t k = 0; u && imp_unit_respell[k].from; k++) {
		size_t fl = strlen(imp_unit_respell[k].from);

		for (char *f = strstr(u, imp_unit_respell[k].from); f;
		     f = strstr(f + fl, imp_unit_respell[k].from))
			memcpy(f, imp_unit_respell[k].to, fl); /* same length in UTF-8 */
	}
	return u;
}

static int imp_fig_para(struct imp_ctx *c, int pi)
{
	struct imp_para *p = &c->p[pi];
	struct imp_walk w = {.cur = -1};
	struct imp_notice *n = c->n;
	size_t count_end = (size_t)-1; /* where the last count of this paragraph ended */
	int r;

	for (size_t i = 0; i < p->len; i++) {
		size_t k;
		char ch = p->s[i];

		if (p->mask[i])
			continue;
		if (ch == ';' || ch == ':') {
			w.clause = i + 1;
			w.cur = -1;
			continue;
		}
		if (imp_sentence_end(p, i)) {
			w.clause = i + 1;
			w.cur = -1;
			w.depth = 0;
			w.nparen = 0;
			continue;
		}
		if (ch == '(') {
			if (w.nparen < 16) {
				w.pclause[w.nparen] = w.clause;
				w.paren[w.nparen++] = w.depth;
			}
			w.clause = i + 1;
			continue;
		}
		if (ch == ')') {
			/* "Tăng trưởng kinh tế (GRDP) 6 tháng …": the clause goes on after it */
			if (w.nparen > 0) {
				w.depth = w.paren[--w.nparen];
				w.clause = w.pclause[w.nparen];
			}
			continue;
		}
		/* a date is no figure; a label starts after it */
		if (ch >= '0' && ch <= '9' && imp_word_start(p, i)) {
			struct vn_date d;
			size_t dl = imp_date_at(p, i, 0, &d);

			if (dl && memchr(p->s + i, '/', dl)) {
				imp_mask(p, i, i + dl);
				i += dl - 1;
				continue;
			}
		}
		if (!imp_word_start(p, i))
			continue;
		if ((k = imp_match(p, i, "trong đó")) || (k = imp_match(p, i, "bao gồm")) ||
		    (k = imp_match(p, i, "gồm"))) {
			int last = w.cur >= 0 ? w.cur
					      : (n->nfigs > 0 && n->figs[n->nfigs - 1].para == pi
						     ? n->nfigs - 1
						     : -1);

			if (last >= 0 && w.depth < 16 &&
			    (w.depth == 0 || w.stack[w.depth - 1] != last))
				w.stack[w.depth++] = last;
			w.clause = i + k;
			w.cur = -1;
			i += k - 1;
			continue;
		}
		/* "xã Việt Lập xây dựng …": one named place heading a clause. */
		if (imp_skip_space(p, w.clause) == i) {
			for (size_t q = 0; imp_place_nouns[q]; q++) {
				size_t m = imp_match(p, i, imp_place_nouns[q]), s0, e0;

				if (!m || !imp_is_lower_at(p->s, p->len, i))
					continue;
				s0 = imp_skip_space(p, i + m);
				e0 = s0;
				while (e0 < p->len && imp_is_upper_at(p->s, p->len, e0)) {
					while (e0 < p->len && p->s[e0] != ' ')
						e0++;
					if (e0 + 1 < p->len &&
					    imp_is_upper_at(p->s, p->len, e0 + 1))
						e0++;
					else
						break;
				}
				if (e0 > s0 && e0 + 1 < p->len &&
				    imp_is_lower_at(p->s, p->len, e0 + 1)) {
					size_t u = 0;

					r = imp_count_add(c, p, w.clause, e0, imp_place_nouns[q], 1,
							  0, &u);
					if (r < 0)
						return r;
					n->counts[n->ncounts - 1].names[0] =
					    arena_strndup(c->a, p->s + s0, e0 - s0);
					n->counts[n->ncounts - 1].nnames = 1;
					i = e0;
				}
				break;
			}
		}
		if (ch < '0' || ch > '9')
			continue;
		/* A number: a percentage, an amount, a count, or incidental. */
		{
			size_t nl = imp_number_token(p, i), j, den_at = 0, den_len = 0;
			struct vn_dec v, den = {0, 0}, range_to = {0, 0};
			struct err e = {0};
			bool matched = false, range = false;

			if (i > 0 && imp_is_word_byte(p->s, p->len, i - 1))
				continue;
			if (vn_dec_parse(p->s + i, nl, &v, &e) < 0) {
				imp_warn(c, imp_line_at(p, i), "số không đọc được: \"%.*s\"",
					 (int)nl, p->s + i);
				i += nl - 1;
				continue;
			}
			j = i + nl;
			if (j + 1 < p->len && p->s[j] == '/' && p->s[j + 1] >= '0' &&
			    p->s[j + 1] <= '9') {
				den_at = j + 1;
				den_len = imp_number_token(p, den_at);
				if (vn_dec_parse(p->s + den_at, den_len, &den, &e) < 0)
					den_len = 0;
				else
					j = den_at + den_len;
			}
			k = imp_skip_space(p, j);
			if (k < p->len && p->s[k] == '%' && !den_len) {
				size_t ce;
				const char *kind;
				int verb = imp_verb_before(p, i, w.verb), cmp;
				struct imp_figure *f;

				cmp = imp_comparator(c, p, k + 1, &ce, &kind);
				if (w.cur < 0 && count_end != (size_t)-1 && count_end < i &&
				    i - count_end < 40 &&
				    !memchr(p->s + count_end, ';', i - count_end) && cmp == 1) {
					/* "kết nạp 135 đảng viên, đạt 124% chỉ tiêu": the count's share of its plan */
					imp_mask(p, i, ce > k ? ce : k + 1);
					i = (ce > k ? ce : k + 1) - 1;
					continue;
				}
				if (w.cur < 0) {
					r = imp_new_fig(c, &w, p, pi);
					if (r < 0)
						return r;
					f = &n->figs[r];
					f->label = imp_fig_label(c, p, w.clause, i, &f->estimate);
					f->unit = "%";
					f->value = v;
					f->value_text = arena_strndup(c->a, p->s + i, nl);
					f->off = i;
					f->len = nl;
					f->line = imp_line_at(p, i);
					f->id = imp_fig_id(c, f->label ? f->label : "");
					if (cmp == 0 && verb == 0) {
						imp_mask(p, i, k + 1);
						i = k;
						continue;
					}
				}
				f = &n->figs[w.cur];
				if (verb == 1 || verb == -1) {
					f->has_growth = true;
					f->growth_pct = v;
					if (verb < 0)
						f->growth_pct.units = -v.units;
				} else if (cmp == 2) {
					f->has_same = true;
					f->same_pct = v;
				} else if (f->nplans < 4) {
					struct imp_plan *pl = &f->plans[f->nplans++];

					pl->pct = v;
					pl->kind = kind;
					if (verb == 2)
						vn_dec_add(v, vn_dec_int(100), &pl->pct);
				}
				w.verb = verb;
				imp_mask(p, i, ce);
				i = (ce > k ? ce : k + 1) - 1;
				continue;
			}
			/* "từ 120 đến 150 tỷ đồng", "3,5 - 4 tỷ đồng": a range, read as its lower end */
			{
				size_t rk = k, m2, nl2, k2;
				struct vn_dec v2;

				if ((m2 = imp_match(p, k, "đến")) || (m2 = imp_match(p, k, "tới")))
					rk = imp_skip_space(p, k + m2);
				else if (k > j && k + 1 < p->len && p->s[k] == '-' &&
					 p->s[k + 1] == ' ')
					rk = imp_skip_space(p, k + 1);
				if (rk != k && !den_len && rk < p->len && p->s[rk] >= '0' &&
				    p->s[rk] <= '9' && (nl2 = imp_number_token(p, rk)) &&
				    vn_dec_parse(p->s + rk, nl2, &v2, &e) == 0) {
					k2 = imp_skip_space(p, rk + nl2);
					for (size_t u = 0; imp_units[u]; u++)
						if (imp_match(p, k2, imp_units[u])) {
							range = true;
							range_to = v2;
							k = k2;
							break;
						}
				}
			}
			for (size_t u = 0; imp_units[u] && !matched; u++) {
				size_t m = imp_match(p, k, imp_units[u]);
				struct imp_figure *f;
				int verb;

				if (!m)
					continue;
				matched = true;
				verb = imp_verb_before(p, i, 0);
				if (w.cur >= 0 && (verb == 1 || verb == -1)) {
					f = &n->figs[w.cur];
					f->has_growth_abs = true;
					f->growth_abs = v;
					if (verb < 0)
						f->growth_abs.units = -v.units;
					f->growth_abs_unit = arena_strndup(c->a, p->s + k, m);
				} else {
					r = imp_new_fig(c, &w, p, pi);
					if (r < 0)
						return r;
					f = &n->figs[r];
					f->label = imp_fig_label(c, p, w.clause, i, &f->estimate);
					f->unit = imp_unit_spelling(c, p->s + k, m);
					f->value = v;
					f->value_text = arena_strndup(c->a, p->s + i, nl);
					f->off = i;
					f->len = nl;
					f->line = imp_line_at(p, i);
					if (den_len) {
						f->has_target = true;
						f->target = den;
					}
					if (range) {
						size_t ll = f->label ? strlen(f->label) : 0;

						f->has_upper = true;
						f->upper = range_to;
						/* "… từ": the range's first word is not the label's */
						size_t tl = strlen(" từ");

						if (ll >= tl &&
						    strcmp(f->label + ll - tl, " từ") == 0)
							f->label =
							    arena_strndup(c->a, f->label, ll - tl);
					}
					if (!f->label || !*f->label)
						imp_warn(c, f->line,
							 "không rõ tên chỉ tiêu của số \"%.*s %s\"",
							 (int)nl, p->s + i, f->unit);
					f->id = imp_fig_id(c, f->label ? f->label : "");
				}
				imp_mask(p, i, k + m);
				i = k + m - 1;
			}
			if (matched)
				continue;
			{
				long long cv = v.units;
				size_t kc = imp_count_scaled(p, k, v, &cv);

				for (size_t u = 0; imp_count_nouns[u] && !matched; u++) {
					size_t m = imp_match(p, kc, imp_count_nouns[u]), used = 0;
					const char *what = imp_count_nouns[u];

					if (!m || (kc == k && v.scale != 0))
						continue;
					matched = true;
					m = imp_count_noun_end(p, kc, m, what);
					if (m > strlen(what)) {
						what = imp_clean(c->a, p->s + kc, m, "", false);
						if (!what)
							return ERR_NOMEM;
					}
					r = imp_count_add(c, p, w.clause, kc + m, what, cv,
							  den_len ? den.units : 0, &used);
					if (r < 0)
						return r;
					imp_mask(p, i, kc + m + used);
					i = kc + m + used - 1;
					count_end = i + 1;
				}
			}
			if (matched)
				continue;
			if (!imp_number_is_incidental(p, i, nl))
				imp_warn(c, imp_line_at(p, i), "không rõ ý nghĩa của số \"%.*s\"",
					 (int)(j - i), p->s + i);
			i = j - 1;
		}
	}
	return 0;
}

int imp_figures(struct imp_ctx *c)
{
	struct imp_notice *n = c->n;
	int r;

	imp_period(c);
	for (int pi = 0; pi < c->np; pi++) {
		if (c->p[pi].zone != IMP_Z_BODY)
			continue;
		r = imp_fig_para(c, pi);
		if (r < 0)
			return r;
	}
	/* Parts that add up exactly to their total. */
	for (int i = 0; i < n->nfigs; i++) {
		struct vn_dec sum = {0, 0};
		int parts = 0;

		for (int j = 0; j < n->nfigs; j++)
			if (n->figs[j].parent && strcmp(n->figs[j].parent, n->figs[i].id) == 0 &&
			    strcmp(n->figs[j].unit, n->figs[i].unit) == 0) {
				vn_dec_add(sum, n->figs[j].value, &sum);
				parts++;
			}
		n->figs[i].sums_to_total = parts >= 2 && vn_dec_cmp(sum, n->figs[i].value) == 0;
		if (n->figs[i].estimate)
			n->period_estimate = true;
	}
	return 0;
}
