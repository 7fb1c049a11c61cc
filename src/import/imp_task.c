/* imp_task.c: tasks the notice assigns: who, lead and co-ordinating units, what, deadline, report. */
#include <stdio.h>
#include <string.h>

#include "import/imp_int.h"

static size_t imp_action_at(const struct imp_para *p, size_t i)
{
	if (p->s[i] == ':')
		return 1;
	if (!imp_word_start(p, i) || !imp_is_lower_at(p->s, p->len, i))
		return 0;
	/*
	 * "tổ chức đảng", "dự án đầu tư xây dựng": a name that holds the verb, begun at one of
	 * the words before i that are less than a name's length back.
	 */
	size_t longest = 0;

	for (size_t k = 0; imp_action_names[k]; k++)
		if (strlen(imp_action_names[k]) > longest)
			longest = strlen(imp_action_names[k]);
	for (size_t j = i + 1; j-- > 0 && i - j < longest;) {
		if (j > 0 && p->s[j - 1] != ' ')
			continue;
		for (size_t k = 0; imp_action_names[k]; k++) {
			size_t n = strlen(imp_action_names[k]);

			if (i - j < n && imp_match(p, j, imp_action_names[k]) &&
			    !imp_match(p, imp_skip_space(p, j + n), "viên"))
				return 0;
		}
	}
	for (size_t k = 0; imp_actions[k]; k++) {
		size_t m = imp_match(p, i, imp_actions[k]);

		if (m)
			return m;
	}
	return 0;
}

/* The first action verb in [i, end) or end, walked from i (a colon ends the walk). */
static size_t imp_action_from(const struct imp_para *p, size_t i, size_t end)
{
	for (; i < end; i++) {
		if (p->s[i] == ':')
			break;
		if ((i == 0 || p->s[i - 1] == ' ') && imp_action_at(p, i))
			break;
	}
	return i > end ? end : i;
}

/*
 * imp_action_from, remembered. Whether a verb begins at a byte depends on that byte
 * alone, so the answer found from an earlier start holds for every start up to it:
 * the clauses of a sentence ask from one after another, and a sentence of many
 * clauses with no verb is walked once, not once per clause.
 */
static size_t imp_next_action(struct imp_ctx *c, const struct imp_para *p, size_t i, size_t end)
{
	size_t from = i;

	if (c->na_p == p && c->na_end == end && c->na_from <= i && i <= c->na_at)
		return c->na_at;
	i = imp_action_from(p, i, end);
	c->na_p = p;
	c->na_from = from;
	c->na_at = i;
	c->na_end = end;
	return i;
}

static bool imp_unit_head_at(const struct imp_para *p, size_t i)
{
	if (imp_is_upper_at(p->s, p->len, i))
		return true;
	for (size_t k = 0; imp_unit_heads[k]; k++)
		if (imp_match(p, i, imp_unit_heads[k]))
			return true;
	return false;
}

/* True when the comma at i is inside a unit's name: "Trung tâm Văn hóa, Thông tin …". */
static bool imp_comma_name_at(const struct imp_para *p, size_t i)
{
	for (size_t k = 0; imp_comma_names[k]; k++) {
		const char *comma = strchr(imp_comma_names[k], ',');
		size_t before = (size_t)(comma - imp_comma_names[k]);

		if (i >= before && imp_match(p, i - before, imp_comma_names[k]))
			return true;
	}
	return false;
}

/* Splits "A, đồng chí B và C" into units at commas and "và" that begin a new unit's name. */
static int imp_units_split(struct imp_ctx *c, const struct imp_para *p, size_t a, size_t z,
			   const char **out, int max)
{
	int n = 0;
	size_t s = a;

	for (size_t i = a; i <= z && n < max; i++) {
		size_t next = 0;

		if (i < z && p->s[i] == ',' && imp_comma_name_at(p, i))
			continue;
		if (i < z && (p->s[i] == ',' || p->s[i] == ';'))
			next = imp_skip_space(p, i + 1);
		else if (i < z && imp_match(p, i, " và ")) {
			bool typed = false;

			next = imp_skip_space(p, i + 4);
			for (size_t k = 0; imp_unit_types[k] && !typed; k++)
				typed = imp_match(p, next, imp_unit_types[k]) != 0;
			/* "Ủy ban MTTQ và các đoàn thể xã": the Front and the organisations, together */
			for (size_t k = 0; imp_joint_units[k] && typed; k++)
				typed = !imp_match(p, next, imp_joint_units[k]);
			/* "Văn phòng HĐND và UBND huyện" is one office */
			if (!typed || (i >= strlen("HĐND") && memcmp(p->s + i - strlen("HĐND"),
								     "HĐND", strlen("HĐND")) == 0))
				continue;
		}
		if (i < z && (!next || !imp_unit_head_at(p, next)))
			continue;
		{
			size_t b = imp_skip_space(p, s);
			const char *u;

			if (imp_match(p, b, "đồng chí") && !imp_match(p, b, "đồng chí bí thư"))
				b = imp_skip_space(p, b + strlen("đồng chí"));
			else if (imp_match(p, b, "đ/c"))
				b = imp_skip_space(p, b + strlen("đ/c"));
			u = imp_clean(c->a, p->s + b, i - b, ",;:", true);
			if (!u)
				return ERR_NOMEM;
			if (*u)
				out[n++] = u;
		}
		s = next;
		if (i < z)
			i = next - 1;
	}
	return n;
}

static size_t imp_clause_end(const struct imp_para *p, size_t i, size_t end)
{
	for (; i < end; i++)
		if (p->s[i] == ';')
			return i;
	return end;
}

/* Bytes of a task's sentence quoted whole; a longer one is quoted by the task's clause. */
#define IMP_QUOTE_MAX 2000

/*
 * The sentence a task at [from, z) is quoted with: the whole sentence, copied once
 * for all the tasks it gives. A sentence longer than IMP_QUOTE_MAX (a list run on
 * with ";" for pages) is quoted by the task's own clause, at most IMP_QUOTE_MAX
 * bytes on each side of its start and marked "…" where the sentence goes on: a quote stays
 * short, and n tasks of one sentence cost n clauses, not n times the sentence.
 */
static const char *imp_task_sentence(struct imp_ctx *c, const struct imp_para *p, size_t from,
				     size_t z)
{
	size_t a = c->sent_from, b = c->sent_to;

	if (b <= a || b > p->len)
		return NULL;
	if (b - a <= IMP_QUOTE_MAX) {
		if (c->sent_p != p || c->sent_p_from != a || c->sent_p_to != b) {
			c->sent_copy = imp_clean(c->a, p->s + a, b - a, " ", false);
			c->sent_p = p;
			c->sent_p_from = a;
			c->sent_p_to = b;
		}
		return c->sent_copy;
	}
	if (from < a || from > b)
		from = a;
	if (z > b || z < from)
		z = b;
	a = from;
	while (a > c->sent_from && from - a < IMP_QUOTE_MAX && p->s[a - 1] != ';')
		a--;
	while (a < from && ((unsigned char)p->s[a] & 0xC0) == 0x80)
		a++;
	b = z - from > IMP_QUOTE_MAX ? from + IMP_QUOTE_MAX : z;
	while (b > from && b < p->len && ((unsigned char)p->s[b] & 0xC0) == 0x80)
		b--;
	while (a < b && (p->s[a] == ' ' || p->s[a] == ';'))
		a++;
	while (b > a && (p->s[b - 1] == ' ' || p->s[b - 1] == ';'))
		b--;
	return arena_printf(c->a, "%s%.*s%s", a > c->sent_from ? "…" : "", (int)(b - a), p->s + a,
			    b < c->sent_to ? "…" : "");
}

/*
 * The deadline in [a, z) ("trước ngày 10/12/2023", "02 tháng tới", "trong quý
 * III năm 2020", "thường xuyên"), read by the one deadline grammar and
 * resolved from the session's date; its start, or z when the clause has none.
 */
static size_t imp_deadline(struct imp_ctx *c, const struct imp_para *p, size_t a, size_t z,
			   struct imp_task *t)
{
	int year = c->n->session_date.y ? c->n->session_date.y : c->n->date.y;
	struct vn_date base = c->n->session_date.y ? c->n->session_date : c->n->date;
	struct err e = {0};
	size_t off, len;
	int r = task_deadline_find(p->s + a, z - a, base, year, c->a, &t->dl, &off, &len, &e);

	if (r < 0) {
		if (r != ERR_NOTFOUND)
			imp_warn(c, imp_line_at(p, a), "%s", err_msg(&e, r));
		t->dl = (struct task_deadline){.kind = TASK_DL_NONE};
		/* "xong trước Tết Nguyên đán": a deadline in words, with no day to count to */
		for (size_t k = 0; imp_event_deadlines[k]; k++) {
			size_t f = imp_find(p, a, z, imp_event_deadlines[k]);

			if (f != (size_t)-1) {
				size_t end = f + strlen(imp_event_deadlines[k]);

				/* the event's name goes on in capitals: "Tết Nguyên đán Giáp Thìn" */
				while (end < z && p->s[end] == ' ' &&
				       imp_is_upper_at(p->s, p->len, end + 1)) {
					end++;
					while (end < z && p->s[end] != ' ' && p->s[end] != ',' &&
					       p->s[end] != ';' && p->s[end] != '.')
						end++;
				}
				t->event = imp_clean(c->a, p->s + f, end - f, ",.;", false);
				t->dl_len = end - f;
				return f;
			}
		}
		return z;
	}
	t->dl_len = len;
	return a + off;
}

/* ", báo cáo kết quả thực hiện với Thường trực Huyện ủy theo quy định" */
static size_t imp_report(struct imp_ctx *c, const struct imp_para *p, size_t a, size_t z,
			 struct imp_task *t)
{
	size_t f = imp_find(p, a + 1, z, "báo cáo");

	while (f != (size_t)-1) {
		size_t j = imp_skip_space(p, f + strlen("báo cáo")), k, e;

		for (;;) {
			if ((k = imp_match(p, j, "kết quả")) ||
			    (k = imp_match(p, j, "thực hiện")) ||
			    (k = imp_match(p, j, "tiến độ")) || (k = imp_match(p, j, "tình hình")))
				j = imp_skip_space(p, j + k);
			else
				break;
		}
		if ((k = imp_match(p, j, "với")) || (k = imp_match(p, j, "lên")) ||
		    (k = imp_match(p, j, "về")))
			j = imp_skip_space(p, j + k);
		if (j < z && imp_is_upper_at(p->s, p->len, j)) {
			e = j;
			while (e < z && p->s[e] != ',' && p->s[e] != ';' && p->s[e] != '(' &&
			       !(p->s[e] == '.' &&
				 (e + 1 == p->len || p->s[e + 1] == ' ' || p->s[e + 1] == '/')) &&
			       !imp_match(p, e, " theo") && !imp_match(p, e, " trước") &&
			       !imp_match(p, e, " trong") && !imp_match(p, e, " để"))
				e++;
			t->report_to = imp_clean(c->a, p->s + j, e - j, ",.", false);
			return f;
		}
		f = imp_find(p, f + 1, z, "báo cáo");
	}
	return z;
}

/*
 * True when a task's words only restate the document in the closing formula:
 * "nghiêm túc triển khai thực hiện (theo …)" with its word of manner, in the words or
 * right before them (manner); "Giao Phòng Nội vụ tổ chức thực hiện." is a task.
 */
static bool imp_restatement(const char *what, bool manner)
{
	size_t n = strlen(what);
	char lo[64];

	for (size_t k = 0; imp_manner_words[k]; k++) {
		size_t m = strlen(imp_manner_words[k]);

		if (n > m + 1 && what[m] == ' ') {
			imp_lower(what, m, lo);
			if (memcmp(lo, imp_manner_words[k], m) == 0) {
				what += m + 1;
				n -= m + 1;
				manner = true;
				k = (size_t)-1; /* "khẩn trương, nghiêm túc …": from the first again */
			}
		}
	}

	/* a parenthesis at the end, then punctuation */
	if (n && what[n - 1] == ')') {
		const char *open = strrchr(what, '(');

		if (open)
			n = (size_t)(open - what);
	}
	while (n > 0 && strchr(" .,;/", what[n - 1]))
		n--;
	if (!manner || n >= sizeof(lo))
		return false;
	imp_lower(what, n, lo);
	for (size_t k = 0; imp_restatements[k]; k++)
		if (strlen(imp_restatements[k]) == n && memcmp(lo, imp_restatements[k], n) == 0)
			return true;
	return false;
}

/*
 * One task from an assignee at [ua, uz) and the action at act up to the clause's end;
 * 1 and no task when it only restates the document.
 */
static int imp_task_add(struct imp_ctx *c, struct imp_para *p, size_t ua, size_t uz, size_t act,
			size_t sent_end, const char **inherit, int ninherit)
{
	struct imp_notice *n = c->n;
	struct imp_task *t;
	size_t z = imp_clause_end(p, act, sent_end), w0 = act, w1, cut;
	int k = imp_push(c, (void **)&n->tasks, &n->ntasks, &c->cap[4], sizeof(*t));

	if (k < 0)
		return k;
	t = &n->tasks[k];
	t->section = p->section;
	t->sentence = imp_task_sentence(c, p, ua < act ? ua : act, z);
	t->line = imp_line_at(p, ua < act ? ua : act);
	if (ninherit) {
		for (int i = 0; i < ninherit; i++)
			t->assignees[i] = inherit[i];
		t->nassignees = ninherit;
	} else {
		/* "Các ban, ngành xã theo nhiệm vụ được phân công …": the units end at the manner */
		for (size_t q = ua + 1; q < uz; q++)
			for (size_t ls = 0; p->s[q - 1] == ' ' && imp_list_stops[ls]; ls++)
				if (imp_match(p, q, imp_list_stops[ls])) {
					uz = q;
					break;
				}
		t->nassignees = imp_units_split(c, p, ua, uz, t->assignees, IMP_MAX_NAMES);
		if (t->nassignees < 0)
			return t->nassignees;
	}
	/* "chủ trì, phối hợp với …" */
	if (imp_match(p, w0, "chủ trì")) {
		size_t j = w0 + strlen("chủ trì"), kk;

		if (t->nassignees)
			t->lead = t->assignees[0];
		while (j < z && (p->s[j] == ',' || p->s[j] == ' '))
			j++;
		if ((kk = imp_match(p, j, "phối hợp với")) ||
		    (kk = imp_match(p, j, "phối hợp cùng")) || (kk = imp_match(p, j, "phối hợp"))) {
			size_t cs = imp_skip_space(p, j + kk), ce;

			ce = imp_next_action(c, p, cs + 1, z);
			t->ncoord = imp_units_split(c, p, cs, ce, t->coord, IMP_MAX_NAMES);
			if (t->ncoord < 0)
				return t->ncoord;
			j = ce;
		}
		w0 = j;
	}
	if (imp_match(p, w0, "có trách nhiệm"))
		w0 = imp_skip_space(p, w0 + strlen("có trách nhiệm"));
	/* "… là giai đoạn quan trọng phải rà soát …": the obligation is the task. */
	{
		size_t ph = imp_find(p, w0, z, "phải");

		if (ph != (size_t)-1)
			w0 = imp_skip_space(p, ph + strlen("phải"));
	}
	cut = imp_deadline(c, p, act, z, t);
	w1 = cut > w0 ? cut : z;
	/* "…; B …, hoàn thành trước ngày …" ending the clause: the deadline of the chain */
	if (cut < z) {
		size_t b = cut, end = cut + t->dl_len;

		while (end < z && strchr(" ,.;/", p->s[end]))
			end++;
		while (b > act && p->s[b - 1] == ' ')
			b--;
		for (size_t q = 0; q < 2 && end >= z; q++) {
			static const char *const done[] = {"hoàn thành", "xong"};
			size_t tl = strlen(done[q]), cb;

			if (b < act + tl + 1 || !imp_match(p, b - tl, done[q]))
				continue;
			cb = b - tl;
			while (cb > act && p->s[cb - 1] == ' ')
				cb--;
			if (cb > act && p->s[cb - 1] == ',')
				t->dl_shared = true;
		}
	}
	/* A deadline inside the sentence ("phấn đấu đến ngày … giải ngân đạt …") stays in it. */
	if (w1 < z && !t->event) {
		size_t end = cut + t->dl_len;

		while (end < z && strchr(" ,.;/", p->s[end]))
			end++;
		if (end < z && !imp_match(p, end, "báo cáo"))
			w1 = z;
	}
	{
		size_t rep = imp_report(c, p, w0, z, t);

		if (rep < w1)
			w1 = rep;
	}
	while (w1 > w0 && (p->s[w1 - 1] == ' ' || p->s[w1 - 1] == ','))
		w1--;
	/*
	 * "… hoàn thành" left before a cut deadline; "…, xong", "…, thực hiện" only
	 * after a comma and before a deadline ("tổ chức thực hiện" keeps its verb).
	 */
	for (size_t q = 0; q < 3; q++) {
		static const char *const tails[] = {"hoàn thành", "xong", "thực hiện"};
		size_t tl = strlen(tails[q]);

		if (w1 >= w0 + tl + 2 && imp_match(p, w1 - tl, tails[q]) &&
		    (q == 0 || ((cut < z || t->event || t->dl.kind != TASK_DL_NONE) &&
				p->s[w1 - tl - 1] == ' ' && p->s[w1 - tl - 2] == ','))) {
			w1 -= tl;
			while (w1 > w0 && (p->s[w1 - 1] == ' ' || p->s[w1 - 1] == ','))
				w1--;
		}
	}
	t->what = imp_clean(c->a, p->s + w0, w1 - w0, ",.;/", false);
	if (!t->what)
		return ERR_NOMEM;
	/* a restatement ending its sentence: "…; báo cáo … trước ngày …" after it is a task */
	bool manner = false;

	for (size_t mw = 0; imp_manner_words[mw] && !manner; mw++) {
		size_t m = strlen(imp_manner_words[mw]);

		manner = act >= m + 1 && imp_match(p, act - m - 1, imp_manner_words[mw]);
	}
	if (z >= sent_end && imp_restatement(t->what, manner)) {
		n->ntasks--;
		return 1;
	}
	if (!t->nassignees)
		imp_warn(c, t->line, "nhiệm vụ không rõ đơn vị thực hiện: \"%.60s\"", t->what);
	return 0;
}

/* A deadline written alone (a form field, a table cell): "Tháng 5/2024", "Trước ngày …", "Thường xuyên". */
static void imp_deadline_words(struct imp_ctx *c, const char *s, size_t len, struct imp_task *t)
{
	struct vn_date base = c->n->session_date.y ? c->n->session_date : c->n->date;
	int year = base.y;
	struct err e = {0};
	size_t off, dl;
	char *w;

	while (len > 0 && strchr(" .;,", s[len - 1]))
		len--;
	w = arena_strndup(c->a, s, len);
	if (!w)
		return;
	if (task_deadline_parse(w, base, &t->dl, &e) == 0 && t->dl.kind != TASK_DL_NONE) {
		t->dl.words = w;
		return;
	}
	if (task_deadline_find(w, len, base, year, c->a, &t->dl, &off, &dl, &e) == 0)
		return;
	t->dl = (struct task_deadline){.kind = TASK_DL_NONE};
	{
		char *lo = arena_alloc(c->a, len + 1);

		if (!lo)
			return;
		imp_lower(w, len, lo);
		for (size_t k = 0; imp_event_deadlines[k]; k++)
			if (strstr(lo, imp_event_deadlines[k])) {
				t->event = imp_clean(c->a, w, len, ".;,", false);
				return;
			}
	}
}

/* The phrase of list (lower case) matched at i as whole words followed by ':', its length or 0. */
static size_t imp_field_at(const struct imp_para *p, size_t i, const char *const *list)
{
	for (size_t k = 0; list[k]; k++) {
		size_t m = imp_match(p, i, list[k]);
		size_t j = m ? imp_skip_space(p, i + m) : 0;

		if (m && j < p->len && p->s[j] == ':')
			return j + 1 - i;
	}
	return 0;
}

/* A task given as a form: "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: …". */
static int imp_task_field(struct imp_ctx *c, int pi, int *field_task)
{
	struct imp_para *p = &c->p[pi];
	size_t i = imp_skip_space(p, p->s[0] == '-' || p->s[0] == '+' ? 1 : 0), m;
	struct imp_task *t;
	int k;

	if ((m = imp_field_at(p, i, imp_field_leads))) {
		const struct imp_para *title = NULL;

		for (int q = pi - 1; q >= 0 && q >= pi - 3 && !title; q--)
			if (!c->p[q].bullet && c->p[q].zone == IMP_Z_BODY)
				title = &c->p[q];
		k = imp_push(c, (void **)&c->n->tasks, &c->n->ntasks, &c->cap[4], sizeof(*t));
		if (k < 0)
			return k;
		t = &c->n->tasks[k];
		t->section = p->section;
		t->line = p->line;
		i = imp_skip_space(p, i + m);
		t->lead = imp_clean(c->a, p->s + i, p->len - i, ".;,", false);
		if (!t->lead)
			return ERR_NOMEM;
		t->assignees[0] = t->lead;
		t->nassignees = 1;
		if (title) {
			size_t a = 0;

			while (a < title->len &&
			       (title->s[a] == ' ' || (title->s[a] >= '0' && title->s[a] <= '9') ||
				title->s[a] == '.' || title->s[a] == ')'))
				a++;
			t->what = imp_clean(c->a, title->s + a, title->len - a, ":.;", false);
			t->sentence = title->s;
		}
		*field_task = k;
		return 1;
	}
	if (*field_task < 0 || *field_task >= c->n->ntasks)
		return 0;
	t = &c->n->tasks[*field_task];
	if ((m = imp_field_at(p, i, imp_field_coords))) {
		i = imp_skip_space(p, i + m);
		t->ncoord = imp_units_split(c, p, i, p->len, t->coord, IMP_MAX_NAMES);
		return t->ncoord < 0 ? t->ncoord : 1;
	}
	if ((m = imp_field_at(p, i, imp_deadline_leads))) {
		i = imp_skip_space(p, i + m);
		imp_deadline_words(c, p->s + i, p->len - i, t);
		return 1;
	}
	return 0;
}

/* Cells of a table row "| a | b | c |": offsets of each cell's text into cell[], count returned. */
static int imp_cells(const struct imp_para *p, size_t *from, size_t *to, int max)
{
	int n = 0;
	size_t i = 1;

	while (i < p->len && n < max) {
		const char *bar = memchr(p->s + i, '|', p->len - i);
		size_t e = bar ? (size_t)(bar - p->s) : p->len, a = i, z = e;

		while (a < z && p->s[a] == ' ')
			a++;
		while (z > a && p->s[z - 1] == ' ')
			z--;
		if (!bar && a == z)
			break;
		from[n] = a;
		to[n] = z;
		n++;
		i = e + 1;
	}
	return n;
}

/* A row of a table of tasks; cols (from its heading row) says which cell is what. */
static int imp_task_row(struct imp_ctx *c, struct imp_para *p, enum imp_col *cols, int ncols)
{
	size_t from[16], to[16];
	int n = imp_cells(p, from, to, 16), k;
	struct imp_task *t;
	bool header = false;

	for (int i = 0; i < n && i < ncols; i++)
		for (size_t q = 0; imp_task_columns[q].word; q++)
			if (imp_find(p, from[i], to[i], imp_task_columns[q].word) != (size_t)-1 &&
			    to[i] - from[i] < 40)
				header = true;
	if (header) {
		for (int i = 0; i < ncols; i++)
			cols[i] = IMP_COL_NONE;
		for (int i = 0; i < n && i < ncols; i++)
			for (size_t q = 0; imp_task_columns[q].word && !cols[i]; q++)
				if (imp_find(p, from[i], to[i], imp_task_columns[q].word) !=
				    (size_t)-1)
					cols[i] = imp_task_columns[q].col;
		return 0;
	}
	{
		bool lead = false;

		for (int i = 0; i < n && i < ncols; i++)
			lead = lead || (cols[i] == IMP_COL_LEAD && to[i] > from[i]);
		if (!lead)
			return 0;
	}
	k = imp_push(c, (void **)&c->n->tasks, &c->n->ntasks, &c->cap[4], sizeof(*t));
	if (k < 0)
		return k;
	t = &c->n->tasks[k];
	t->section = p->section;
	t->line = p->line;
	t->sentence = p->s;
	for (int i = 0; i < n && i < ncols; i++) {
		switch (cols[i]) {
		case IMP_COL_LEAD:
			t->nassignees =
			    imp_units_split(c, p, from[i], to[i], t->assignees, IMP_MAX_NAMES);
			if (t->nassignees < 0)
				return t->nassignees;
			if (t->nassignees)
				t->lead = t->assignees[0];
			break;
		case IMP_COL_COORD:
			t->ncoord = imp_units_split(c, p, from[i], to[i], t->coord, IMP_MAX_NAMES);
			if (t->ncoord < 0)
				return t->ncoord;
			break;
		case IMP_COL_DUE:
			imp_deadline_words(c, p->s + from[i], to[i] - from[i], t);
			break;
		case IMP_COL_WHAT:
			t->what = imp_clean(c->a, p->s + from[i], to[i] - from[i], ".;", false);
			break;
		default:
			break;
		}
	}
	return 0;
}

/* True when the words at i open a heading, not a unit: "Về kết quả: …", "Đến nay, …". */
static bool imp_not_unit_at(const struct imp_para *p, size_t i)
{
	for (size_t k = 0; imp_not_units[k]; k++)
		if (imp_match(p, i, imp_not_units[k]))
			return true;
	return false;
}

/* True when a word of narrative ("đã", "đang", "được" …) stands right before the verb at act. */
static bool imp_narrative_word(const struct imp_para *p, size_t i, size_t act)
{
	for (size_t k = 0; imp_narrative_words[k]; k++) {
		size_t w = strlen(imp_narrative_words[k]);

		if (act >= i + w + 1 && imp_match(p, act - w - 1, imp_narrative_words[k]))
			return true;
	}
	return false;
}

/*
 * True when "UNIT verb …" at [i, e) with its verb at act reports rather than
 * assigns: "UBND huyện đã tổ chức …", "… ban hành Kế hoạch như sau:",
 * "Văn phòng UBND tỉnh thông báo để … thực hiện", or tells what the meeting's
 * own members did ("Ban Chấp hành … thực hiện chất vấn …").
 */
static bool imp_narrative(const struct imp_para *p, size_t i, size_t act, size_t e)
{
	if (imp_narrative_word(p, i, act))
		return true;
	for (size_t k = 0; imp_meeting_units[k]; k++)
		if (imp_match(p, i, imp_meeting_units[k]))
			return true;
	for (size_t k = 0; imp_report_verbs[k]; k++)
		if (imp_find(p, i, act, imp_report_verbs[k]) != (size_t)-1)
			return true;
	return imp_find(p, i, e, "như sau") != (size_t)-1;
}

/* True when the assignee at i begins with a kind of unit ("Sở …", "Các phòng …", "Công an …"). */
static bool imp_unit_type_at(const struct imp_para *p, size_t i)
{
	for (size_t k = 0; imp_unit_types[k]; k++)
		if (imp_match(p, i, imp_unit_types[k]))
			return true;
	for (size_t k = 0; imp_unit_heads[k]; k++)
		if (imp_match(p, i, imp_unit_heads[k]))
			return true;
	return false;
}

/*
 * The list a unit opens before its colon: "các sở: …" (its members' names put after
 * "Sở"), or a unit qualified by a plural of places, "Trung tâm Y tế các huyện: …" (after
 * "Trung tâm Y tế huyện"). The colon's offset, or e when the unit opens no list.
 */
static size_t imp_list_open(struct imp_ctx *c, const struct imp_para *p, size_t ua, size_t e,
			    const char **prefix)
{
	const char *colon_p;
	size_t colon;

	for (size_t k = 0; imp_list_types[k].word; k++) {
		size_t m = imp_match(p, ua, imp_list_types[k].word);

		if (m && ua + m < e && p->s[ua + m] == ':') {
			*prefix = imp_list_types[k].name;
			return ua + m;
		}
	}
	/* the colon must close the unit's own words: no verb before it */
	colon_p = memchr(p->s + ua, ':', e - ua);
	if (!colon_p || !imp_unit_head_at(p, ua))
		return e;
	colon = (size_t)(colon_p - p->s);
	if (colon - ua > 120 || imp_next_action(c, p, ua, e) < colon)
		return e;
	for (size_t k = 0; imp_list_places[k].word; k++) {
		size_t n = strlen(imp_list_places[k].word), at;

		if (colon < ua + n + 2)
			continue;
		at = colon - n;
		if (p->s[at - 1] != ' ' || imp_match(p, at, imp_list_places[k].word) != n)
			continue;
		*prefix = arena_printf(c->a, "%.*s %s", (int)(at - 1 - ua), p->s + ua,
				       imp_list_places[k].name);
		return *prefix ? colon : e;
	}
	return e;
}

/* "các sở: Y tế, Nội vụ, Giáo dục và Đào tạo rà soát …": one task per member. */
static int imp_task_list(struct imp_ctx *c, struct imp_para *p, size_t ua, size_t e, bool *done)
{
	const char *prefix = NULL;
	size_t colon = imp_list_open(c, p, ua, e, &prefix);

	if (colon < e) {
		size_t act, s;

		act = imp_next_action(c, p, colon + 1, e);
		s = imp_skip_space(p, colon + 1);
		/* "Giao UBND các xã: rà soát …" names no member: the unit's own task */
		if (act >= e || p->s[act] == ':' || act <= s)
			return 0;
		/*
		 * The members end where a phrase of manner opens before the action
		 * ("…, Tài nguyên và Môi trường theo chức năng, nhiệm vụ hướng dẫn …").
		 */
		size_t names_end = act;

		for (size_t i = s + 1; i < act && names_end == act; i++) {
			if (p->s[i - 1] != ' ')
				continue;
			for (size_t q = 0; imp_list_stops[q]; q++)
				if (imp_match(p, i, imp_list_stops[q])) {
					names_end = i;
					break;
				}
		}
		for (size_t i = s; i <= names_end; i++) {
			if (i < names_end && p->s[i] != ',')
				continue;
			{
				const char *name = imp_clean(c->a, p->s + s, i - s, ",; ", false);
				int r;

				if (!name)
					return ERR_NOMEM;
				if (*name) {
					name = arena_printf(c->a, "%s %s", prefix, name);
					if (!name)
						return ERR_NOMEM;
					r = imp_task_add(c, p, ua, ua, act, e, &name, 1);
					if (r < 0)
						return r;
					if (r == 0)
						c->n->tasks[c->n->ntasks - 1].lead = name;
				}
			}
			s = imp_skip_space(p, i + 1);
		}
		*done = true;
		return 0;
	}
	return 0;
}

/*
 * A directive after the issuer's name or an opening phrase, in a sentence's first
 * clause: "Ủy ban nhân dân huyện đề nghị UBND các xã …", "Thời gian tới, giao nhiệm
 * vụ cho …". Its start (its length in *klen), or e: the words after the last comma
 * before it must be none or a name (a capital, no verb, no "đã"), a unit must follow
 * it, and a sentence that opens a list ("… các nội dung sau:") gives no task itself.
 */
static size_t imp_mid_directive(const struct imp_para *p, size_t i, size_t e, size_t *klen)
{
	const char *semi = memchr(p->s + i, ';', e - i);
	size_t lim = semi ? (size_t)(semi - p->s) : e, last = e;

	while (last > i && p->s[last - 1] == ' ')
		last--;
	if (last > i && p->s[last - 1] == ':')
		return e;
	/* the first directive naming a unit decides: one pass over the clause */
	for (size_t d = i + 1; d < lim; d++) {
		size_t k = 0, b, nb;

		if (p->s[d - 1] != ' ' || !imp_is_lower_at(p->s, p->len, d))
			continue;
		for (size_t q = 0; imp_directives[q] && !k; q++)
			k = imp_match(p, d, imp_directives[q]);
		if (!k || !imp_unit_head_at(p, imp_skip_space(p, d + k)))
			continue;
		for (b = d; b > i && p->s[b - 1] != ','; b--)
			;
		nb = imp_skip_space(p, b);
		if (nb < d && (!imp_is_upper_at(p->s, p->len, nb) ||
			       imp_action_from(p, nb, d) < d || imp_narrative_word(p, nb, d)))
			return e;
		*klen = k;
		return d;
	}
	return e;
}

/* Gives the deadline of clause [a, z) to the tasks from first on that have none. */
static void imp_deadline_fill(struct imp_ctx *c, const struct imp_para *p, size_t a, size_t z,
			      int first)
{
	struct imp_task probe = {0};

	if (first >= c->n->ntasks)
		return;
	imp_deadline(c, p, a, z, &probe);
	if (probe.dl.kind == TASK_DL_NONE && !probe.event)
		return;
	for (int k = first; k < c->n->ntasks; k++) {
		struct imp_task *t = &c->n->tasks[k];

		if (t->dl.kind == TASK_DL_NONE && !t->event) {
			t->dl = probe.dl;
			t->event = probe.event;
		}
	}
}

/* "… vận động 37 hộ còn lại …": the count printed in a task's words, as "37 hộ", "03 hộ", "1.250 hộ". */
static bool imp_count_in(const struct imp_count *ct, const char *what)
{
	char digits[32], dotted[48], lo[512], form[3][160];
	size_t n = strlen(what), dl, k = 0;

	if (ct->value < 0)
		return false;
	if (n >= sizeof(lo))
		n = sizeof(lo) - 1; /* a task's first words: where a count it repeats stands */
	imp_lower(what, n, lo);
	lo[n] = 0;
	dl = (size_t)snprintf(digits, sizeof(digits), "%lld", ct->value);
	for (size_t i = 0; i < dl && k + 2 < sizeof(dotted); i++) {
		if (i && (dl - i) % 3 == 0)
			dotted[k++] = '.';
		dotted[k++] = digits[i];
	}
	dotted[k] = 0;
	snprintf(form[0], sizeof(form[0]), "%s %s", digits, ct->what);
	snprintf(form[1], sizeof(form[1]), "0%s %s", digits, ct->what);
	snprintf(form[2], sizeof(form[2]), "%s %s", dotted, ct->what);
	for (int f = 0; f < 3; f++) {
		const char *hit = strstr(lo, form[f]);

		if (hit && (hit == lo || hit[-1] == ' '))
			return true;
	}
	return false;
}

/*
 * A count read before and repeated in a task's words ("còn 37 hộ chưa bàn giao …;
 * giao UBND huyện vận động 37 hộ còn lại …") is counted once.
 */
static void imp_counts_in_tasks(struct imp_ctx *c)
{
	int keep = 0;

	for (int i = 0; i < c->n->ncounts; i++) {
		const struct imp_count *ct = &c->n->counts[i];
		bool in = false, before = false;

		for (int j = 0; j < keep && !before; j++)
			before = c->n->counts[j].value == ct->value &&
				 strcmp(c->n->counts[j].what, ct->what) == 0;
		for (int k = 0; k < c->n->ntasks && before && !in; k++)
			in = c->n->tasks[k].what && imp_count_in(ct, c->n->tasks[k].what);
		if (!in)
			c->n->counts[keep++] = c->n->counts[i];
	}
	c->n->ncounts = keep;
}

int imp_tasks(struct imp_ctx *c)
{
	const char *carry[IMP_MAX_NAMES];
	int ncarry = 0, r;
	bool task_zone = false;

	enum imp_col cols[16] = {0};
	int field_task = -1, prev_first = -1, sent_first = 0;

	for (int pi = 0; pi < c->np; pi++) {
		struct imp_para *p = &c->p[pi];
		size_t s = 0;
		bool skip = false;

		if (p->zone != IMP_Z_BODY || p->agenda)
			continue;
		for (size_t k = 0; imp_not_tasks[k] && !skip; k++)
			skip = imp_match(p, 0, imp_not_tasks[k]) != 0;
		if (skip)
			continue;
		if (p->s[0] == '|') {
			r = imp_task_row(c, p, cols, 16);
			if (r < 0)
				return r;
			continue;
		}
		memset(cols, 0, sizeof(cols));
		if (p->bullet || p->len < 200) {
			r = imp_task_field(c, pi, &field_task);
			if (r < 0)
				return r;
			if (r > 0)
				continue;
		}
		if (!p->bullet)
			field_task = -1;
		/*
		 * A chain "Giao A …; B …;" whose next unit a PDF line break put at the start
		 * of a paragraph of its own: the chain goes on.
		 */
		bool cont = pi > 0 && c->p[pi - 1].zone == IMP_Z_BODY &&
			    c->p[pi - 1].s[c->p[pi - 1].len - 1] == ';' &&
			    c->n->ntasks > sent_first;
		bool item;

		/* Under a heading "NHIỆM VỤ …" or "TỔ CHỨC THỰC HIỆN" every "UNIT verb …" is a task. */
		if (imp_all_caps(p->s, p->len) && p->len < 200) {
			task_zone = (imp_find(p, 0, p->len, "nhiệm vụ") != (size_t)-1 ||
				     imp_find(p, 0, p->len, "giải pháp") != (size_t)-1 ||
				     imp_find(p, 0, p->len, "tổ chức thực hiện") != (size_t)-1 ||
				     imp_find(p, 0, p->len, "phân công") != (size_t)-1) &&
				    /* "KẾT QUẢ THỰC HIỆN NHIỆM VỤ …" tells what was done */
				    imp_find(p, 0, p->len, "kết quả") == (size_t)-1;
			continue;
		}
		item = p->bullet || task_zone ||
		       (p->len > 2 && p->s[1] == ')' && p->s[0] >= 'a' && p->s[0] <= 'z');

		if (!p->bullet)
			ncarry = 0;
		/* the paragraph's list mark: digits, ".", ")" and spaces ("3.", "2.1)") */
		size_t mark_end = 0;

		while (mark_end < p->len &&
		       ((p->s[mark_end] >= '0' && p->s[mark_end] <= '9') || p->s[mark_end] == '.' ||
			p->s[mark_end] == ')' || p->s[mark_end] == ' '))
			mark_end++;
		while (s < p->len) {
			size_t e = s, cs;

			int first;

			while (e < p->len && !imp_sentence_end(p, e))
				e++;
			c->sent_from = s;
			c->sent_to = e;
			/* "Thời gian hoàn thành trước ngày …": the deadline of the sentence before */
			{
				size_t b = imp_skip_space(p, s);
				bool lead = false;

				for (size_t k = 0; imp_deadline_leads[k] && !lead; k++)
					lead = imp_match(p, b, imp_deadline_leads[k]) != 0;
				first = lead && prev_first >= 0 ? prev_first : c->n->ntasks;
			}
			int last_first = prev_first;
			/* "Thời hạn: trước ngày …" gives a date, it names no unit "Thời hạn" */
			bool dl_sentence = first != c->n->ntasks;

			prev_first = c->n->ntasks;
			if (!(s == 0 && cont))
				sent_first = c->n->ntasks;
			/* clause starts within the sentence: its start and after each ';' */
			for (cs = s; cs < e;) {
				size_t i = cs, k = 0, act;
				bool done = false;
				int before = c->n->ntasks;

				/*
				 * The clause's own ";" and its list marks: an empty clause (";;")
				 * is one of its own, so a later clause is never read again from
				 * an earlier start (twice over, and once per ";" before it).
				 */
				if (i < e && p->s[i] == ';')
					i++;
				while (i < e &&
				       (p->s[i] == ' ' || p->s[i] == '-' || p->s[i] == '+'))
					i++;
				if (i == s || (i < e && cs == s)) {
					/* list marks "1.", "a)", "II." */
					size_t m = i;
					int v;

					while (m < e && p->s[m] >= '0' && p->s[m] <= '9')
						m++;
					if (m == i)
						m = i + imp_roman_at(p->s, p->len, i, &v);
					if (m == i && m + 1 < e && p->s[m + 1] == ')')
						m++;
					if (m > i && m < e && (p->s[m] == '.' || p->s[m] == ')'))
						i = imp_skip_space(p, m + 1);
				}
				/* the paragraph's first words, after its list mark if any ("3." ends a sentence) */
				bool opens = cs == s && s <= mark_end;
				{
					size_t kk;

					if ((kk = imp_match(p, i, "đồng thời")))
						i = imp_skip_space(
						    p, i + kk + (p->s[i + kk] == ',' ? 1 : 0));
				}
				for (size_t d = 0; imp_directives[d] && !k; d++)
					k = imp_match(p, i, imp_directives[d]);
				if (!k && cs == s && !imp_match(p, i, "ngày") &&
				    !imp_match(p, i, "sáng ngày") &&
				    !imp_match(p, i, "chiều ngày")) {
					size_t kl = 0, d = imp_mid_directive(p, i, e, &kl);

					if (d < e) {
						i = d;
						k = kl;
					}
				}
				if (imp_match(p, i, "ngày") || imp_match(p, i, "sáng ngày") ||
				    imp_match(p, i, "chiều ngày") || imp_match(p, i, "tại")) {
					/* the session's own sentence, not an assignment */
				} else if (p->bullet && ncarry && cs == s &&
					   (!k || !imp_unit_head_at(p, imp_skip_space(p, i + k)))) {
					/* "- Chủ trì, phối hợp …" under "Giao UBND xã:" */
					r = imp_task_add(c, p, i, i, i, e, carry, ncarry);
					if (r < 0)
						return r;
					done = true;
				} else if (k) {
					size_t ua = imp_skip_space(p, i + k);

					act = imp_next_action(c, p, ua, e);
					r = imp_task_list(c, p, ua, e, &done);
					if (r < 0)
						return r;
					if (done) {
						/* one task per member of the list */
					} else if (
					    act < e && act > ua && imp_unit_head_at(p, ua) &&
					    /* "Yêu cầu" a heading run into "Việc học tập …" */
					    !imp_not_unit_at(p, ua)) {
						if (p->s[act] == ':') {
							/* "Giao UBND huyện:" the bullets below are its tasks */
							ncarry = imp_units_split(
							    c, p, ua, act, carry, IMP_MAX_NAMES);
							if (ncarry < 0)
								return ncarry;
							if (imp_skip_space(p, act + 1) < e)
								r = imp_task_add(
								    c, p, ua, act,
								    imp_skip_space(p, act + 1), e,
								    carry, ncarry);
							else
								r = 0;
						} else {
							r = imp_task_add(c, p, ua, act, act, e,
									 NULL, 0);
						}
						if (r < 0)
							return r;
						done = true;
					} else if (act == ua && cs == s && last_first >= 0 &&
						   last_first < c->n->ntasks) {
						/*
						 * "Yêu cầu hoàn thành, báo cáo … trước ngày …": a
						 * directive with no unit after the sentence that
						 * assigned, its deadline theirs
						 */
						imp_deadline_fill(c, p, cs, e, last_first);
						done = true;
					} else if (!imp_match(p, i, "chỉ đạo")) {
						/* "Giao …" that names no unit: say so, do not guess */
						imp_warn(c, imp_line_at(p, i),
							 "câu giao việc không rõ đơn vị thực hiện: "
							 "\"%.*s\"",
							 (int)(e - i < 80 ? e - i : 80), p->s + i);
					}
				} else if (!(dl_sentence && cs == s) && imp_unit_head_at(p, i) &&
					   imp_is_upper_at(p->s, p->len, i) &&
					   !imp_not_unit_at(p, i)) {
					/* "UBND huyện chủ trì, phối hợp …" or "Văn phòng Huyện ủy: theo dõi …" */
					size_t ctn = imp_find(p, i + 1, e, "có trách nhiệm");

					act = imp_next_action(c, p, i + 1, e);
					if (ctn != (size_t)-1 && ctn - i < 120 && ctn > act &&
					    p->s[act] != ':')
						act = ctn;
					/* "Tổng thu ngân sách: 168,5 tỷ đồng" is a figure, not "UNIT: task" */
					bool value = act < e && p->s[act] == ':' &&
						     imp_skip_space(p, act + 1) < e &&
						     p->s[imp_skip_space(p, act + 1)] >= '0' &&
						     p->s[imp_skip_space(p, act + 1)] <= '9';

					if (act < e && act - i < 120 && !value &&
					    (imp_match(p, act, "chủ trì") || p->s[act] == ':' ||
					     imp_match(p, act, "có trách nhiệm") ||
					     ((item || c->n->ntasks > sent_first) &&
					      imp_unit_type_at(p, i) &&
					      !imp_narrative_word(p, i, act)) ||
					     (opens && imp_unit_type_at(p, i) &&
					      !imp_narrative(p, i, act, e)))) {
						size_t a2 = p->s[act] == ':'
								? imp_skip_space(p, act + 1)
								: act;

						if (a2 < e) {
							r = imp_task_add(c, p, i, act, a2, e, NULL,
									 0);
							if (r < 0)
								return r;
						}
						done = true;
					}
				}
				(void)done;
				/* next clause */
				{
					const char *semi = memchr(p->s + cs + 1, ';', e - cs - 1);
					size_t next = semi ? (size_t)(semi - p->s) : e;

					/* a clause that assigns nothing may give the deadline: "…; báo cáo … trước ngày …" */
					if (c->n->ntasks == before)
						imp_deadline_fill(c, p, cs, next, first);
					cs = next;
				}
			}
			/* "Giao A …; B …, hoàn thành trước ngày …": every unit of the chain */
			if (c->n->ntasks - sent_first >= 2 &&
			    c->n->tasks[c->n->ntasks - 1].dl_shared &&
			    /* a chain a PDF's line break cut ("…;" ending the paragraph) goes on */
			    !(e >= p->len && p->s[p->len - 1] == ';'))
				for (int q = sent_first; q < c->n->ntasks - 1; q++) {
					struct imp_task *t = &c->n->tasks[q];

					if (t->dl.kind == TASK_DL_NONE && !t->event) {
						t->dl = c->n->tasks[c->n->ntasks - 1].dl;
						t->event = c->n->tasks[c->n->ntasks - 1].event;
					}
				}
			if (c->n->ntasks == prev_first && first < prev_first)
				prev_first =
				    first; /* a sentence of deadline only: keep the tasks before */
			s = e + 1;
		}
	}
	c->sent_from = c->sent_to = 0;
	imp_counts_in_tasks(c);
	return 0;
}
