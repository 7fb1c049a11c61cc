/*
 * imp_store.c: storing an extracted notice: body, term, organ, session, documents, figures,
 * tasks, template; and imp_import, one notice from a file's bytes to the store, for the
 * command line, the web page and the API alike. (The fuzz harnesses build every file of
 * src/import but this one: it needs the whole core.)
 */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/accounts/account.h"
#include "core/indicators/indicator.h"
#include "db/db.h"
#include "core/notice/notice.h"
#include "core/registry/registry.h"
#include "core/tasks/task.h"
#include "import/import.h"
#include "vn/text.h"

/* A text replacement inside one paragraph: [off, off+len) becomes ph. */
struct imp_repl {
	int para;
	size_t off, len;
	const char *ph;
};

/* Appends s[0..len) escaping the template's special characters. */
static int put_escaped(struct buf *b, const char *s, size_t len)
{
	int r = 0;

	for (size_t i = 0; i < len && r == 0; i++) {
		if (s[i] == '\\' || s[i] == '*' || s[i] == '{' || (s[i] == '@' && i == 0))
			r = buf_putc(b, '\\');
		if (r == 0)
			r = buf_putc(b, s[i]);
	}
	return r;
}

static int cmp_repl(const void *a, const void *b)
{
	const struct imp_repl *x = a, *y = b;

	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Finds "PCT%" (the printed percentage) in p[from, to); its offset or (size_t)-1. */
static size_t find_pct(struct arena *a, const char *p, size_t from, size_t to, struct vn_dec pct)
{
	struct buf f = BUF_INIT(64);
	size_t at = (size_t)-1;

	if (vn_dec_format(pct, VN_NUM_NOGROUP, &f) == 0 && buf_putc(&f, '%') == 0) {
		const char *s = buf_str(&f);
		size_t n = f.len;

		for (size_t i = from; i + n <= to; i++) {
			if (memcmp(p + i, s, n) == 0 &&
			    (i == 0 || p[i - 1] == ' ' || p[i - 1] == '(')) {
				at = i;
				break;
			}
		}
	}
	(void)a;
	buf_free(&f);
	return at;
}

/* The smallest scale (from 1) at which base reproduces the printed pct; 0 on failure. */
static int derive_base(struct vn_dec value, struct vn_dec pct, bool growth, struct vn_dec *ret)
{
	struct vn_dec ratio = pct, hundred = {100, 0}, back;

	if (growth && vn_dec_add(hundred, pct, &ratio) < 0)
		return ERR_INVAL;
	for (int s = 1; s <= 6; s++) {
		if (vn_dec_base_of(value, ratio, s, ret) < 0 || vn_dec_is_zero(*ret))
			continue;
		if (growth) {
			struct vn_dec d;

			if (vn_dec_sub(value, *ret, &d) < 0 ||
			    vn_dec_pct(d, *ret, pct.scale, &back) < 0)
				continue;
		} else if (vn_dec_pct(value, *ret, pct.scale, &back) < 0) {
			continue;
		}
		if (vn_dec_cmp(back, pct) == 0)
			return 0;
	}
	return ERR_INVAL;
}

/* The catalogue indicator of a figure, created (code from the extraction's id) when missing. */
static int ensure_indicator(struct db *db, const struct imp_figure *f, struct err *e)
{
	int64_t id, pos = 0;
	struct buf fold = BUF_INIT(1024);
	int r = db_query_int(db, SQL_IMPORT_IND_EXISTS, &id, "t", f->id);

	if (r != ERR_NOTFOUND)
		return r < 0 ? db_err(db, e, r, "không ghi được danh mục chỉ tiêu") : 0;
	r = vn_fold(f->label ? f->label : f->id, strlen(f->label ? f->label : f->id), &fold);
	if (r == 0)
		r = db_query_int(db, SQL_IMPORT_IND_NEXT_POS, &pos, "");
	if (r == 0)
		r = db_exec(db, SQL_IMPORT_IND_INSERT, "tttdit", f->id, f->label ? f->label : f->id,
			    f->unit ? f->unit : "", f->value.scale, pos, buf_str(&fold));
	buf_free(&fold);
	return r < 0 ? db_err(db, e, r, "không ghi được chỉ tiêu mới") : 0;
}

static int put_value(struct db *db, const char *code, int64_t body, const char *period,
		     enum ind_kind kind, const char *baseline, bool estimate, struct vn_dec v,
		     const char *source, struct err *e)
{
	struct ind_value_in in = {.ind_code = code,
				  .body_id = body,
				  .period_code = period,
				  .kind = kind,
				  .baseline = baseline,
				  .estimate = estimate,
				  .value = v,
				  .source = source};

	return ind_value_set(db, &in, e);
}

/*
 * A range "từ 120 đến 150 tỷ đồng": the upper end beside the actual value of
 * code for body and period, both at the finer of their two scales.
 */
static int put_upper(struct db *db, const char *code, int64_t body, const char *period,
		     struct vn_dec upper, struct err *e)
{
	struct db_q *q;
	int64_t id = 0, units = 0, to = upper.units;
	int scale = 0, r = db_prepare(db, SQL_IMPORT_VALUE_OF, &q);

	if (r < 0)
		return db_err(db, e, r, "không đọc được giá trị chỉ tiêu");
	r = db_bindv(q, "tit", code, body, period);
	if (r == 0 && (r = db_step(q)) == 1) {
		id = db_col_int(q, 0);
		units = db_col_int(q, 1);
		scale = (int)db_col_int(q, 2);
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "không đọc được giá trị chỉ tiêu");
	if (id == 0)
		return 0;
	for (; scale < upper.scale; scale++) {
		if (units > INT64_MAX / 10 || units < INT64_MIN / 10)
			return 0; /* beyond what the store holds: the lower end alone */
		units *= 10;
	}
	for (int k = upper.scale; k < scale; k++) {
		if (to > INT64_MAX / 10 || to < INT64_MIN / 10)
			return 0;
		to *= 10;
	}
	r = db_exec(db, SQL_IMPORT_VALUE_TO, "iiii", units, (int64_t)scale, to, id);
	return r < 0 ? db_err(db, e, r, "không ghi được khoảng giá trị của chỉ tiêu") : 0;
}

/*
 * Stores the figures of paragraph-bound notice n as indicator values of body
 * for the notice's period and adds the placeholders to reps. Figures that
 * cannot be bound stay prose; each is counted in *ret_unbound.
 */
static int store_figures(struct db *db, struct arena *a, const struct imp_notice *n, int64_t body,
			 const char *source, struct imp_repl *reps, int *nreps, int *ret_unbound,
			 struct err *e)
{
	struct ind_period per = {n->period_year, n->period_from, n->period_to};
	char pcode[16], scode[16], ycode[16];
	int r;

	if (n->period_year <= 0)
		return 0;
	ind_period_code(per, pcode);
	ind_period_code(ind_period_prev_year(per), scode);
	snprintf(ycode, sizeof(ycode), "%d", per.year);
	for (int i = 0; i < n->nfigs; i++) {
		const struct imp_figure *f = &n->figs[i];
		const char *p = n->paras[f->para];
		size_t plen = strlen(p), end = plen, cur = f->off + f->len;
		struct vn_dec same;
		bool have_same = false;

		for (int j = i + 1; j < n->nfigs; j++)
			if (n->figs[j].para == f->para && n->figs[j].off > f->off) {
				end = n->figs[j].off;
				break;
			}
		r = ensure_indicator(db, f, e);
		if (r == 0)
			r = put_value(db, f->id, body, pcode, IND_ACTUAL, NULL, f->estimate,
				      f->value, source, e);
		if (r == 0 && f->has_upper)
			r = put_upper(db, f->id, body, pcode, f->upper, e);
		if (r < 0)
			return r;
		reps[*nreps] = (struct imp_repl){f->para, f->off, f->len,
						 arena_printf(a, "{{fig %s value}}", f->id)};
		(*nreps)++;
		for (int k = 0; k < f->nplans; k++) {
			const char *kind = f->plans[k].kind ? f->plans[k].kind : "kế hoạch";
			struct vn_dec plan;
			size_t at = find_pct(a, p, cur, end, f->plans[k].pct);

			if (derive_base(f->value, f->plans[k].pct, false, &plan) < 0 ||
			    at == (size_t)-1) {
				(*ret_unbound)++;
				continue;
			}
			r = put_value(db, f->id, body, ycode, IND_PLAN, kind, false, plan, source,
				      e);
			if (r < 0)
				return r;
			reps[*nreps] = (struct imp_repl){
			    f->para, at, strlen(p + at) - strlen(strchr(p + at, '%')),
			    arena_printf(a, "{{fig %s pct_plan dec=%d plan=\"%s\"}}", f->id,
					 f->plans[k].pct.scale, kind)};
			(*nreps)++;
			cur = at + 1;
		}
		if (f->has_same && derive_base(f->value, f->same_pct, false, &same) == 0) {
			size_t at = find_pct(a, p, f->off + f->len, end, f->same_pct);

			have_same = true;
			if (at != (size_t)-1) {
				reps[*nreps] = (struct imp_repl){
				    f->para, at, strlen(p + at) - strlen(strchr(p + at, '%')),
				    arena_printf(a, "{{fig %s pct_same dec=%d}}", f->id,
						 f->same_pct.scale)};
				(*nreps)++;
			} else {
				(*ret_unbound)++;
			}
		} else if (f->has_growth) {
			struct vn_dec mag = f->growth_pct;
			size_t at;

			if (mag.units < 0)
				mag.units = -mag.units;
			at = find_pct(a, p, f->off + f->len, end, mag);
			if (derive_base(f->value, f->growth_pct, true, &same) == 0) {
				have_same = true;
				if (at != (size_t)-1) {
					reps[*nreps] = (struct imp_repl){
					    f->para, at,
					    strlen(p + at) - strlen(strchr(p + at, '%')),
					    arena_printf(a, "{{fig %s growth dec=%d}}", f->id,
							 f->growth_pct.scale)};
					(*nreps)++;
				}
			}
			if (!have_same || at == (size_t)-1)
				(*ret_unbound)++;
		} else if (f->has_growth_abs) {
			have_same = vn_dec_sub(f->value, f->growth_abs, &same) == 0;
		}
		if (have_same) {
			r = put_value(db, f->id, body, scode, IND_ACTUAL, NULL, false, same, source,
				      e);
			if (r < 0)
				return r;
		}
	}
	return 0;
}

/*
 * Party committees by the words their names begin with, and the organisation
 * each leads as a header names it: "Đảng bộ tỉnh Bắc Giang" is led by "Tỉnh ủy
 * Bắc Giang", at the province's level, code TU.
 */
static const struct {
	const char *committee, *organisation, *code;
	enum reg_level level;
} committees[] = {
    {"Tỉnh ủy ", "Đảng bộ tỉnh ", "TU", REG_TINH},
    {"Huyện ủy ", "Đảng bộ huyện ", "HU", REG_HUYEN},
    {"Thị ủy ", "Đảng bộ thị xã ", "TU", REG_HUYEN},
    {"Đảng ủy xã ", "Đảng bộ xã ", "ĐU", REG_XA},
    {"Đảng ủy phường ", "Đảng bộ phường ", "ĐU", REG_XA},
    {"Đảng ủy thị trấn ", "Đảng bộ thị trấn ", "ĐU", REG_XA},
};
#define NCOMMITTEES (sizeof(committees) / sizeof(committees[0]))

/* The committee whose name or organisation's name begins name, or -1; *ret_place what follows. */
static int committee_of(const char *name, bool *ret_org, const char **ret_place)
{
	for (size_t i = 0; name && i < NCOMMITTEES; i++) {
		size_t lc = strlen(committees[i].committee),
		       lo = strlen(committees[i].organisation);

		if (strncmp(name, committees[i].committee, lc) == 0 && name[lc]) {
			*ret_org = false;
			*ret_place = name + lc;
			return (int)i;
		}
		if (strncmp(name, committees[i].organisation, lo) == 0 && name[lo]) {
			*ret_org = true;
			*ret_place = name + lo;
			return (int)i;
		}
	}
	return -1;
}

/*
 * The body above an unknown issuer, as its header names it ("ĐẢNG BỘ TỈNH BẮC
 * GIANG" over "HUYỆN ỦY TÂN YÊN"): found by its name or by its committee's
 * ("Tỉnh ủy Bắc Giang"), else created as that committee. *ret 0 when the header
 * names none, or a superior that is no party committee dondoc can name.
 */
static int find_superior(struct db *db, struct arena *a, const char *name, int64_t *ret,
			 struct err *e)
{
	struct reg_body b = {0};
	struct err e2 = {0};
	const char *place = NULL, *committee;
	bool org = false;
	int k, r;

	*ret = 0;
	if (!name)
		return 0;
	r = reg_body_by_name(db, name, a, &b, &e2);
	if (r == 0) {
		*ret = b.id;
		return 0;
	}
	if (r != ERR_NOTFOUND)
		return err_set(e, r, "%s", err_msg(&e2, r));
	k = committee_of(name, &org, &place);
	if (k < 0)
		return 0;
	committee = org ? arena_printf(a, "%s%s", committees[k].committee, place) : name;
	if (!committee)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (org) {
		r = reg_body_by_name(db, committee, a, &b, &e2);
		if (r == 0) {
			*ret = b.id;
			return 0;
		}
		if (r != ERR_NOTFOUND)
			return err_set(e, r, "%s", err_msg(&e2, r));
	}
	b = (struct reg_body){.level = committees[k].level,
			      .kind = REG_PARTY,
			      .name = committee,
			      .short_name = arena_strndup(a, committees[k].committee,
							  strlen(committees[k].committee) - 1),
			      .code = committees[k].code,
			      .place = place};
	return reg_body_add(db, &b, ret, e);
}

/*
 * The body of the notice: found by its symbol code and name, else created, under
 * the superior its header names (find_superior).
 */
static int find_body(struct db *db, struct arena *a, const struct imp_notice *n,
		     const struct account *actor, int64_t *ret, struct err *e)
{
	struct reg_body b = {0};
	struct err e2 = {0};
	const char *name = n->issuer;
	bool global = !actor || account_is_global(db, actor);
	int r;

	if (!name || !n->issuer_symbol)
		return err_set(e, ERR_INVAL, "không xác định được cơ quan ban hành của văn bản");
	r = reg_body_by_name(db, name, a, &b, &e2);
	if (r == 0) {
		if (!global && !account_sees_body(db, actor, b.id))
			return err_set(e, ERR_PERM,
				       "Cơ quan ban hành \"%s\" nằm ngoài phạm vi của tài khoản "
				       "'%s': không nhập được văn bản này",
				       name, actor->login);
		*ret = b.id;
		return 0;
	}
	if (r != ERR_NOTFOUND)
		return err_set(e, r, "%s", err_msg(&e2, r));
	/* a new body is the whole system's: only a global account (or the operator) adds one */
	if (!global)
		return err_set(e, ERR_PERM,
			       "Cơ quan ban hành \"%s\" chưa có trong hệ thống; tài khoản '%s' "
			       "chỉ nhập văn bản của cơ quan đã có trong phạm vi của mình",
			       name, actor->login);
	b = (struct reg_body){0};
	b.kind = strcmp(n->issuer_symbol, "UBND") == 0 ? REG_PEOPLE : REG_PARTY;
	b.level = REG_HUYEN;
	{
		const char *sp = strchr(name, ' ');
		const char *lw = sp ? strchr(sp + 1, ' ') : NULL;
		enum reg_level lv;
		char word[64];

		/* "Huyện ủy Tân Yên": the level is the first word */
		if (sp && (size_t)(sp - name) < sizeof(word)) {
			memcpy(word, name, (size_t)(sp - name));
			word[sp - name] = 0;
			if (reg_level_parse(word, &lv) == 0)
				b.level = lv;
		}
		b.short_name = lw ? arena_strndup(a, name, (size_t)(lw - name)) : name;
	}
	{
		const char *place;
		bool org;
		int k = committee_of(name, &org, &place);

		if (k >= 0 && !org)
			b.level = committees[k].level;
	}
	r = find_superior(db, a, n->superior, &b.parent_id, e);
	if (r < 0)
		return r;
	b.name = name;
	b.code = n->issuer_symbol;
	b.place = n->place;
	return reg_body_add(db, &b, ret, e);
}

static int find_or_add_term(struct db *db, struct arena *a, const struct imp_notice *n,
			    int64_t body, int64_t *ret, struct err *e)
{
	struct reg_term t = {0};
	struct err e2 = {0};
	int r;

	/* "khóa XX" with no years printed: the term cannot be registered; no session either */
	if (!n->term || !n->term_from)
		return 0;
	r = reg_term_find(db, body, n->term, a, &t, &e2);
	if (r == 0) {
		*ret = t.id;
		return 0;
	}
	t = (struct reg_term){
	    .body_id = body, .name = n->term, .year_from = n->term_from, .year_to = n->term_to};
	return reg_term_add(db, &t, ret, e);
}

static const char *organ_kind(const char *name)
{
	if (!name)
		return "other";
	if (strstr(name, "Ban Chấp hành"))
		return "bch";
	if (strstr(name, "Ban Thường vụ"))
		return "btv";
	if (strstr(name, "Thường trực"))
		return "tt";
	if (strstr(name, "Ủy ban nhân dân") || strstr(name, "UBND"))
		return "ubnd";
	return "other";
}

/* A unit that receives tasks, created under body when unknown. */
/*
 * The unit named so in the issuing body (added when it has none), as its id
 * in text: the same name may stand for units of other bodies too ("Sở Tài
 * chính" of every province), and the task must take this body's.
 */
static int ensure_unit(struct db *db, struct arena *a, int64_t body, const char *name,
		       const char **ret_ref, struct err *e)
{
	struct reg_unit u = {0};
	struct err e2 = {0};
	int64_t id;
	int r;

	if (reg_unit_find(db, body, name, a, &u, &e2) == 0) {
		id = u.id;
	} else {
		u = (struct reg_unit){.body_id = body, .kind = "agency", .name = name};
		r = reg_unit_add(db, &u, &id, e);
		if (r < 0)
			return r;
	}
	*ret_ref = arena_printf(a, "%lld", (long long)id);
	return *ret_ref ? 0 : err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
}

/* The template: head from the extraction, body paragraphs with placeholders. */
static int build_template(struct arena *a, const struct imp_notice *n, const char *period,
			  struct imp_repl *reps, int nreps, struct buf *t)
{
	int r = 0;
	char auth[64] = "";
	const char *ab = "";
	int last = n->nrecipients;

	if (n->sig_authority) {
		const char *sp = strchr(n->sig_authority, ' ');

		if (sp && (size_t)(sp - n->sig_authority) < sizeof(auth)) {
			memcpy(auth, n->sig_authority, (size_t)(sp - n->sig_authority));
			auth[sp - n->sig_authority] = 0;
			ab = sp + 1;
		}
	}
	r = buf_printf(t, "@type %s\n", n->kind ? n->kind : "TB");
	if (r == 0 && n->kind_name) {
		/* the kind line as printed: "KẾT LUẬN" for a notice titled so */
		r = buf_puts(t, "@title ");
		if (r == 0)
			r = vn_upper(n->kind_name, strlen(n->kind_name), t);
		if (r == 0)
			r = buf_putc(t, '\n');
	}
	if (r == 0 && n->title) {
		r = buf_puts(t, "@summary ");
		if (r == 0)
			r = put_escaped(t, n->title, strlen(n->title));
		if (r == 0)
			r = buf_putc(t, '\n');
	}
	if (r == 0)
		r = buf_printf(t, "@profile %s\n",
			       n->issuer_symbol && strcmp(n->issuer_symbol, "UBND") == 0
				   ? "state-2020"
				   : "party-2018");
	if (r == 0 && period)
		r = buf_printf(t, "@period %s\n", period);
	if (r == 0 && n->sig_name && auth[0])
		r = buf_printf(t, "@sign %s | %s | %s | %s\n", auth, ab,
			       n->sig_position ? n->sig_position : "", n->sig_name);
	if (last > 0 && strncmp(n->recipients[last - 1], "Lưu", strlen("Lưu")) == 0)
		last--;
	if (r == 0)
		r = buf_puts(t, "@recipients -\n");
	for (int i = 0; i < last && r == 0; i++)
		r = buf_printf(t, "@to %s\n", n->recipients[i]);
	if (r == 0 && last < n->nrecipients)
		r = buf_printf(t, "@archive %s.\n", n->recipients[last]);
	if (r == 0)
		r = buf_puts(t, "\n---\n");
	qsort(reps, (size_t)nreps, sizeof(*reps), cmp_repl);
	for (int i = n->body_from; i < n->body_to && r == 0; i++) {
		const char *p = n->paras[i];
		size_t at = 0, len = strlen(p);

		r = buf_putc(t, '\n');
		for (int k = 0; k < nreps && r == 0; k++) {
			if (reps[k].para != i || reps[k].off < at)
				continue;
			r = put_escaped(t, p + at, reps[k].off - at);
			if (r == 0)
				r = buf_puts(t, reps[k].ph);
			at = reps[k].off + reps[k].len;
		}
		if (r == 0)
			r = put_escaped(t, p + at, len - at);
		if (r == 0)
			r = buf_putc(t, '\n');
	}
	(void)a;
	return r;
}

int imp_hash(const char *data, size_t len, char out[static 65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	if (crypto_hash_sha256(h, (const unsigned char *)data, len) != 0)
		return ERR_INVAL;
	sodium_bin2hex(out, 65, h, sizeof(h));
	return 0;
}

static int store(struct db *db, struct arena *a, const struct imp_notice *n,
		 const struct account *actor, const char *file, const char *hash, const char *fmt,
		 struct imp_stored *ret, struct err *e)
{
	int64_t body = 0, term = 0, organ = 0, session = 0, doc = 0, notice = 0, id;
	struct reg_organ o = {0};
	struct err e2 = {0};
	struct buf t = BUF_INIT(4u << 20);
	struct imp_repl *reps;
	int nreps = 0, r;
	char sdate[11] = "", ddate[11] = "", period[16] = "";

	/* the scope first: a body outside it is refused before anything about it is told */
	r = find_body(db, a, n, actor, &body, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_IMPORT_BY_HASH, &id, "t", hash);
	if (r == 0) {
		ret->notice_id = id;
		return err_set(e, ERR_EXISTS, "%s: tệp này đã được nhập trước đây", file);
	}
	if (r != ERR_NOTFOUND)
		return db_err(db, e, r, "không đọc được các tệp đã nhập");
	r = find_or_add_term(db, a, n, body, &term, e);
	if (r < 0)
		return r;
	if (!vn_date_is_none(n->session_date))
		vn_date_iso(n->session_date, sdate);
	if (!vn_date_is_none(n->date))
		vn_date_iso(n->date, ddate);
	/* the same notice again (another file of it): the session is its natural key */
	if (n->organ) {
		r = reg_organ_by_name(db, body, n->organ, a, &o, &e2);
		if (r == 0) {
			organ = o.id;
		} else {
			o = (struct reg_organ){
			    .body_id = body, .kind = organ_kind(n->organ), .name = n->organ};
			r = reg_organ_add(db, &o, &organ, e);
			if (r < 0)
				return r;
		}
	}
	if (organ && term && n->session_number > 0) {
		struct reg_session s = {0};

		if (reg_session_find(db, organ, term, n->session_number, a, &s, &e2) == 0) {
			return err_set(e, ERR_EXISTS,
				       "%s: phiên họp thứ %d của %s đã có trong cơ sở dữ liệu",
				       file, n->session_number, n->organ);
		}
		s = (struct reg_session){.organ_id = organ,
					 .term_id = term,
					 .number = n->session_number,
					 .kind = "thuong_ky",
					 .date = sdate[0] ? sdate : NULL,
					 .basis = n->basis,
					 .status = "concluded"};
		r = reg_session_add(db, &s, &session, NULL, e);
		if (r < 0)
			return r;
		for (int i = 0; i < n->nagenda; i++) {
			struct reg_agenda it = {.session_id = session,
						.position = i + 1,
						.doc_kind = n->agenda[i].kind,
						.title = n->agenda[i].title,
						.outcome = n->outcome};
			r = reg_agenda_add(db, &it, &id, e);
			if (r < 0)
				return r;
		}
	}
	{
		struct reg_doc d = {.type_code = n->kind ? n->kind : "TB",
				    .body_id = body,
				    .term_id = term,
				    .issuer_code = n->issuer_symbol,
				    .symbol = n->symbol,
				    .date = sdate[0] ? sdate : NULL,
				    .title = n->title,
				    .status = n->symbol ? "issued" : "draft"};

		if (!vn_date_is_none(n->date)) {
			char *dd = arena_alloc(a, 11);

			vn_date_iso(n->date, dd);
			d.date = dd;
		}
		r = reg_doc_add(db, &d, &doc, e);
		if (r < 0)
			return r;
	}
	for (int i = 0; i < n->nrefs; i++) {
		char rd[11] = "";

		if (!vn_date_is_none(n->refs[i].date))
			vn_date_iso(n->refs[i].date, rd);
		r = reg_doc_ref_add(db, doc, n->refs[i].symbol, rd[0] ? rd : NULL, &id, e);
		if (r < 0)
			return r;
		/* printed without the hyphen a PDF lost, restored: kept as such */
		if (n->refs[i].repaired && (r = db_exec(db, SQL_IMPORT_REF_REPAIRED, "i", id)) < 0)
			return db_err(db, e, r, "không ghi được văn bản dẫn chiếu");
	}
	reps = arena_alloc(a, sizeof(*reps) * (size_t)(n->nfigs * 6 + 1));
	if (!reps)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = store_figures(db, a, n, body, file, reps, &nreps, &ret->unbound, e);
	if (r < 0)
		return r;
	if (n->period_year > 0)
		ind_period_code((struct ind_period){n->period_year, n->period_from, n->period_to},
				period);
	for (int i = 0; i < n->ntasks; i++) {
		const struct imp_task *k = &n->tasks[i];
		const char *leads[IMP_MAX_NAMES], *coords[IMP_MAX_NAMES];
		size_t nl = 0;
		char sec[16];
		struct task_input in = {.body_id = body,
					.source_doc_id = doc,
					.source_session_id = session,
					.content = k->what,
					.report_to = k->report_to};

		if (!k->what || !*k->what)
			continue;
		if (k->lead)
			leads[nl++] = k->lead;
		for (int j = 0; j < k->nassignees && nl < IMP_MAX_NAMES; j++)
			if (!k->lead || strcmp(k->assignees[j], k->lead) != 0)
				leads[nl++] = k->assignees[j];
		for (size_t j = 0; j < nl && r == 0; j++)
			r = ensure_unit(db, a, body, leads[j], &leads[j], e);
		for (int j = 0; j < k->ncoord && r == 0; j++)
			r = ensure_unit(db, a, body, k->coord[j], &coords[j], e);
		if (r < 0)
			return r;
		if (k->section > 0) {
			snprintf(sec, sizeof(sec), "%d", k->section);
			in.section = sec;
		}
		if (k->dl.kind != TASK_DL_NONE)
			in.dl = &k->dl; /* the value read, words and date, stored as is */
		/* given at the session, else on the document's date (a letter has no session) */
		in.assigned_on = sdate[0] ? sdate : ddate[0] ? ddate : NULL;
		in.leads = leads;
		in.nleads = nl;
		in.coords = coords;
		in.ncoords = (size_t)k->ncoord;
		if (nl == 0) {
			ret->unbound++;
			continue;
		}
		r = task_insert(db, &in, &id, e);
		if (r < 0)
			return r;
		/* "xong trước Tết Nguyên đán": no date, the words kept beside the task */
		if (k->event && k->dl.kind == TASK_DL_NONE &&
		    (r = db_exec(db, SQL_IMPORT_TASK_EVENT, "ti", k->event, id)) < 0)
			return db_err(db, e, r, "không ghi được thời hạn của nhiệm vụ");
		ret->tasks++;
	}
	r = build_template(a, n, period[0] ? period : NULL, reps, nreps, &t);
	if (r < 0) {
		buf_free(&t);
		return err_set(e, r, "mẫu thông báo quá dài");
	}
	r = notice_create(db, body, session, buf_str(&t), &notice, e);
	buf_free(&t);
	/* the date line of the text, else the session's */
	if (r == 0 && (!vn_date_is_none(n->date) || sdate[0])) {
		char nd[11];

		if (!vn_date_is_none(n->date))
			vn_date_iso(n->date, nd);
		else
			memcpy(nd, sdate, sizeof(nd));
		r = db_exec(db, SQL_NOTICE_SET_DATE, "ti", nd, notice);
	}
	if (r == 0)
		r = db_exec(db, SQL_IMPORT_INSERT, "tttii", hash, file, fmt, doc, notice);
	if (r < 0)
		return db_err(db, e, r, "không ghi được tệp đã nhập");
	ret->notice_id = notice;
	ret->document_id = doc;
	ret->figures = nreps;
	return 0;
}

int imp_store(struct db *db, const struct imp_notice *n, const struct account *actor,
	      const char *file, const char *hash, const char *fmt, struct imp_stored *ret,
	      struct err *e)
{
	struct arena *a = arena_new(16u << 20);
	int r;

	*ret = (struct imp_stored){0};
	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_begin_e(db, e);
	if (r == 0)
		r = db_end(db, store(db, a, n, actor, file, hash, fmt, ret, e), e);
	arena_free(a);
	return r;
}

static const char *const format_names[] = {
    [IMP_FMT_TEXT] = "text",
    [IMP_FMT_LEGACY] = "legacy",
    [IMP_FMT_DOCX] = "docx",
    [IMP_FMT_PDF] = "pdf",
};
#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

const char *imp_format_name(enum imp_format f)
{
	return (size_t)f < NFORMATS ? format_names[f] : "text";
}

int imp_format_parse(const char *s, enum imp_format *ret)
{
	for (size_t i = 0; s && i < NFORMATS; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*ret = (enum imp_format)i;
			return 0;
		}
	return ERR_INVAL;
}

int imp_may_import(const struct account *actor, struct err *e)
{
	if (!actor || actor->rank >= RANK_OFFICE)
		return 0;
	return err_set(e, ERR_PERM,
		       "Tài khoản '%s' (vai trò %s) không được nhập văn bản; việc này do văn "
		       "phòng làm",
		       actor->login, actor->role);
}

/* The JSON the CLI prints for one file: the extraction, its source and what was stored. */
static json_t *result_json(const struct imp_request *q, const struct imp_notice *n,
			   const struct imp_stored *st)
{
	json_t *j = imp_to_json(n);

	if (!j)
		return NULL;
	json_object_set_new(j, "source",
			    json_pack("{s:s, s:s, s:s}", "file", q->name, "format",
				      imp_format_name(n->format), "encoding",
				      vn_encoding_name(n->encoding)));
	if (st)
		json_object_set_new(
		    j, "stored",
		    json_pack("{s:I, s:I, s:i, s:i, s:i}", "notice", (json_int_t)st->notice_id,
			      "document", (json_int_t)st->document_id, "placeholders", st->figures,
			      "tasks", st->tasks, "unbound", st->unbound));
	return j;
}

int imp_import(const struct imp_request *q, json_t **ret, int64_t *ret_existing, struct err *e)
{
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct arena *a = NULL;
	struct imp_notice *n = NULL;
	struct imp_stored st = {0};
	enum imp_format fmt = q->fmt;
	enum vn_encoding enc = q->enc;
	char hash[65];
	json_t *j;
	int r = imp_may_import(q->actor, e);

	if (r < 0)
		return r;
	if (q->text) {
		if (!q->len)
			return err_set(e, ERR_INVAL, "%s: tệp rỗng", q->name);
		r = buf_add(&text, q->data, q->len);
		if (r < 0) {
			r = err_set(e, r, "%s: văn bản quá dài (tối đa %u byte)", q->name,
				    IMP_MAX_TEXT);
			goto out;
		}
	} else {
		r = imp_load_mem(q->name, q->data, q->len, &text, &fmt, &enc, e);
		if (r < 0)
			goto out;
	}
	a = arena_new(64u << 20);
	if (!a) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	r = imp_extract(buf_str(&text), text.len, a, &n, e);
	if (r < 0)
		goto out;
	n->format = fmt;
	n->encoding = enc;
	if (q->db) {
		r = imp_hash(buf_str(&text), text.len, hash);
		if (r == 0)
			r = imp_store(q->db, n, q->actor, q->name, hash, imp_format_name(fmt), &st,
				      e);
		if (r == ERR_EXISTS && ret_existing)
			*ret_existing = st.notice_id;
		if (r < 0)
			goto out;
	}
	j = result_json(q, n, q->db ? &st : NULL);
	if (!j) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	if (q->text_out && (r = buf_add(q->text_out, buf_str(&text), text.len)) < 0) {
		json_decref(j);
		r = err_set(e, r, "%s: văn bản quá dài", q->name);
		goto out;
	}
	*ret = j;
out:
	arena_free(a);
	buf_free(&text);
	return r;
}
