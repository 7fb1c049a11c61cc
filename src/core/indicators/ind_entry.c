/* ind_entry.c: entering a body's figures for a period: every cell checked, then all stored at once. */
#include "core/indicators/ind_entry.h"

#include <stdlib.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "db/db.h"
#include "vn/num.h"

/* A parsed cell, before writing. */
struct cell {
	const struct ind_def *d;
	struct vn_dec value;
	bool skip; /* empty */
};

static const struct ind_def *def_find(const struct ind_def *defs, size_t n,
				      const struct ind_entry *v)
{
	for (size_t i = 0; i < n; i++)
		if (v->ind_id ? defs[i].id == v->ind_id
			      : (v->ind_code && strcmp(defs[i].code, v->ind_code) == 0))
			return &defs[i];
	return NULL;
}

/* s without leading and trailing blanks, as [*ret, *ret + *ret_len). */
static void trim(const char *s, const char **ret, size_t *ret_len)
{
	size_t n = strlen(s);

	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*ret = s;
	*ret_len = n;
}

/*
 * Checks one cell: *bad tells whether it is wrong, the result says why
 * (arena; NULL when the arena is full).
 */
static const char *check(const struct ind_def *defs, size_t ndefs, struct cell *cells, size_t i,
			 struct ind_entry *v, enum ind_notation note, struct arena *a, bool *bad)
{
	struct err pe = {0};
	const char *s;
	size_t len;
	int r;

	*bad = true;

	cells[i].d = def_find(defs, ndefs, &v[i]);
	if (!cells[i].d) {
		if (v[i].ind_id)
			return arena_printf(a, "Không có chỉ tiêu số %lld trong danh mục",
					    (long long)v[i].ind_id);
		return arena_printf(a, "Không có chỉ tiêu mã '%s' trong danh mục",
				    v[i].ind_code ? v[i].ind_code : "");
	}
	for (size_t k = 0; k < i; k++)
		if (cells[k].d == cells[i].d)
			return arena_printf(a, "%s: chỉ tiêu được nhập hai lần", cells[i].d->name);
	trim(v[i].text ? v[i].text : "", &s, &len);
	if (len == 0) {
		cells[i].skip = true;
		*bad = false;
		return NULL;
	}
	if (len > 40)
		return arena_printf(a, "%s: giá trị quá dài (tối đa 40 ký tự)", cells[i].d->name);
	if (note == IND_NOTE_PLAIN) {
		r = vn_dec_parse_plain(s, len, &cells[i].value, &pe);
	} else {
		r = vn_dec_parse(s, len, &cells[i].value, &pe);
		if (r < 0)
			r = vn_dec_parse_plain(s, len, &cells[i].value, &pe);
	}
	if (r < 0)
		return arena_printf(
		    a, "%s: \"%.*s\" không phải là số; hãy viết %s", cells[i].d->name, (int)len, s,
		    note == IND_NOTE_PLAIN ? "dạng máy như \"1593.851\" (dấu chấm thập phân)"
					   : "như 1.593,851 hoặc 1593.851");
	if (cells[i].value.units < 0)
		return arena_printf(a, "%s: giá trị không được âm (%.*s)", cells[i].d->name,
				    (int)len, s);
	*bad = false;
	return NULL;
}

/* Whether the stored actual value is the same digits with the same estimate mark. */
static int unchanged(struct db *db, int64_t body_id, const char *period, const struct cell *c,
		     bool estimate, bool *ret, struct err *e)
{
	struct ind_figure f;
	struct err ge = {0};
	int r = ind_figure_get(db, body_id, period, c->d->code, NULL, &f, &ge);

	if (r == ERR_NOTFOUND) {
		*ret = false;
		return 0;
	}
	if (r < 0)
		return err_set(e, r, "%s", ge.msg);
	*ret = f.value.units == c->value.units && f.value.scale == c->value.scale &&
	       f.estimate == estimate;
	return 0;
}

int ind_entry_store(struct db *db, int64_t body_id, const char *period_code, struct ind_entry *v,
		    size_t n, enum ind_notation note, const char *source, struct arena *a,
		    size_t *ret_written, struct err *e)
{
	struct ind_def *defs = NULL;
	struct cell *cells = NULL;
	struct ind_period p;
	size_t ndefs = 0, nbad = 0, written = 0;
	bool bad;
	char code[16];
	int r;

	r = ind_period_parse(period_code, &p, e);
	if (r < 0)
		return r;
	ind_period_code(p, code);
	r = ind_def_list(db, &defs, &ndefs, e);
	if (r < 0)
		return r;
	cells = calloc(n ? n : 1, sizeof(*cells));
	if (!cells) {
		free(defs);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	for (size_t i = 0; i < n; i++) {
		const char *m = check(defs, ndefs, cells, i, v, note, a, &bad);

		v[i].written = false;
		v[i].error = bad ? (m ? m : "giá trị không hợp lệ") : NULL;
		nbad += bad;
	}
	if (nbad) {
		r = err_set(e, ERR_INVAL, "%zu giá trị không hợp lệ; chưa ghi số liệu nào", nbad);
		goto out;
	}
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	for (size_t i = 0; i < n && r == 0; i++) {
		struct ind_value_in in = {.ind_code = cells[i].d->code,
					  .body_id = body_id,
					  .period_code = code,
					  .kind = IND_ACTUAL,
					  .estimate = v[i].estimate,
					  .value = cells[i].value,
					  .source = source};
		bool same = false;

		if (cells[i].skip)
			continue;
		r = unchanged(db, body_id, code, &cells[i], v[i].estimate, &same, e);
		if (r == 0 && !same) {
			r = ind_value_set(db, &in, e);
			v[i].written = r == 0;
			written += r == 0;
		}
	}
	r = db_end(db, r, e);
	if (r < 0) {
		for (size_t i = 0; i < n; i++)
			v[i].written = false;
		goto out;
	}
	if (ret_written)
		*ret_written = written;
out:
	free(cells);
	free(defs);
	return r;
}
