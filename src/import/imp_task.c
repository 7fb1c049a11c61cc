/* imp_task.c: tasks the notice assigns: who, lead and co-ordinating units, what, deadline, report. */
#include <string.h>

#include "import/imp_int.h"

static size_t imp_action_at(const struct imp_para *p, size_t i)
{
	if (p->s[i] == ':')
		return 1;
	if (!imp_word_start(p, i) || !imp_is_lower_at(p->s, p->len, i))
		return 0;
	for (size_t k = 0; imp_actions[k]; k++) {
		size_t m = imp_match(p, i, imp_actions[k]);

		if (m)
			return m;
	}
	return 0;
}

/* The first action verb in [i, end) or end. */
static size_t imp_next_action(const struct imp_para *p, size_t i, size_t end)
{
	/* Only word starts can begin a verb: jump from space to space. */
	for (; i < end; i++) {
		if (p->s[i] == ':')
			return i;
		if ((i == 0 || p->s[i - 1] == ' ') && imp_action_at(p, i))
			return i;
	}
	return end;
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

/* Splits "A, đồng chí B và C" into units at commas and "và" that begin a new unit's name. */
static int imp_units_split(struct imp_ctx *c, const struct imp_para *p, size_t a, size_t z,
			   const char **out, int max)
{
	int n = 0;
	size_t s = a;

	for (size_t i = a; i <= z && n < max; i++) {
		size_t next = 0;

		if (i < z && (p->s[i] == ',' || p->s[i] == ';'))
			next = imp_skip_space(p, i + 1);
		else if (i < z && imp_match(p, i, " và ")) {
			bool typed = false;

			next = imp_skip_space(p, i + 4);
			for (size_t k = 0; imp_unit_types[k] && !typed; k++)
				typed = imp_match(p, next, imp_unit_types[k]) != 0;
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

/* One task from an assignee at [ua, uz) and the action at act up to the clause's end. */
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
	t->line = imp_line_at(p, ua < act ? ua : act);
	if (ninherit) {
		for (int i = 0; i < ninherit; i++)
			t->assignees[i] = inherit[i];
		t->nassignees = ninherit;
	} else {
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

			ce = imp_next_action(p, cs + 1, z);
			t->ncoord = imp_units_split(c, p, cs, ce, t->coord, IMP_MAX_NAMES);
			if (t->ncoord < 0)
				return t->ncoord;
			j = ce;
		}
		w0 = j;
	}
	/* "… là giai đoạn quan trọng phải rà soát …": the obligation is the task. */
	{
		size_t ph = imp_find(p, w0, z, "phải");

		if (ph != (size_t)-1)
			w0 = imp_skip_space(p, ph + strlen("phải"));
	}
	cut = imp_deadline(c, p, act, z, t);
	w1 = cut > w0 ? cut : z;
	/* A deadline inside the sentence ("phấn đấu đến ngày … giải ngân đạt …") stays in it. */
	if (w1 < z) {
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
	/* "…, hoàn thành" left before a cut deadline */
	if (w1 >= w0 + strlen(", hoàn thành") &&
	    imp_match(p, w1 - strlen("hoàn thành"), "hoàn thành")) {
		w1 -= strlen("hoàn thành");
		while (w1 > w0 && (p->s[w1 - 1] == ' ' || p->s[w1 - 1] == ','))
			w1--;
	}
	t->what = imp_clean(c->a, p->s + w0, w1 - w0, ",.;/", false);
	if (!t->what)
		return ERR_NOMEM;
	if (!t->nassignees)
		imp_warn(c, t->line, "nhiệm vụ không rõ đơn vị thực hiện: \"%.60s\"", t->what);
	return 0;
}

int imp_tasks(struct imp_ctx *c)
{
	const char *carry[IMP_MAX_NAMES];
	int ncarry = 0, r;
	bool task_zone = false;

	for (int pi = 0; pi < c->np; pi++) {
		struct imp_para *p = &c->p[pi];
		size_t s = 0;

		if (p->zone != IMP_Z_BODY || p->agenda)
			continue;
		bool item;

		/* Under a heading "NHIỆM VỤ …" or "TỔ CHỨC THỰC HIỆN" every "UNIT verb …" is a task. */
		if (imp_all_caps(p->s, p->len) && p->len < 200) {
			task_zone = imp_find(p, 0, p->len, "nhiệm vụ") != (size_t)-1 ||
				    imp_find(p, 0, p->len, "giải pháp") != (size_t)-1 ||
				    imp_find(p, 0, p->len, "tổ chức thực hiện") != (size_t)-1 ||
				    imp_find(p, 0, p->len, "phân công") != (size_t)-1;
			continue;
		}
		item = p->bullet || task_zone ||
		       (p->len > 2 && p->s[1] == ')' && p->s[0] >= 'a' && p->s[0] <= 'z');

		if (!p->bullet)
			ncarry = 0;
		while (s < p->len) {
			size_t e = s, cs;

			while (e < p->len && !imp_sentence_end(p, e))
				e++;
			/* clause starts within the sentence: its start and after each ';' */
			for (cs = s; cs < e;) {
				size_t i = cs, k = 0, act;
				bool done = false;

				while (i < e && (p->s[i] == ' ' || p->s[i] == '-' ||
						 p->s[i] == '+' || p->s[i] == ';'))
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
				{
					size_t kk;

					if ((kk = imp_match(p, i, "đồng thời")))
						i = imp_skip_space(
						    p, i + kk + (p->s[i + kk] == ',' ? 1 : 0));
				}
				for (size_t d = 0; imp_directives[d] && !k; d++)
					k = imp_match(p, i, imp_directives[d]);
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

					act = imp_next_action(p, ua, e);
					if (act < e && act > ua && imp_unit_head_at(p, ua)) {
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
					} else if (!imp_match(p, i, "chỉ đạo")) {
						/* "Giao …" that names no unit: say so, do not guess */
						imp_warn(c, imp_line_at(p, i),
							 "câu giao việc không rõ đơn vị thực hiện: "
							 "\"%.*s\"",
							 (int)(e - i < 80 ? e - i : 80), p->s + i);
					}
				} else if (imp_unit_head_at(p, i) &&
					   imp_is_upper_at(p->s, p->len, i)) {
					/* "UBND huyện chủ trì, phối hợp …" or "Văn phòng Huyện ủy: theo dõi …" */
					act = imp_next_action(p, i + 1, e);
					if (act < e && act - i < 120 &&
					    (imp_match(p, act, "chủ trì") || p->s[act] == ':' ||
					     item)) {
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

					cs = semi ? (size_t)(semi - p->s) : e;
				}
			}
			s = e + 1;
		}
	}
	return 0;
}
