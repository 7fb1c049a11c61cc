/* read_admin.c: the read side of administration (form choices, accounts, people, recipient groups) and the indicator entry grid. */
#include "core/accounts/account.h"
#include "core/read/read_int.h"

/* The statement of each choice, bound with the account as ?1: value, label[, group]. */
static const struct {
	enum db_stmt st;
	bool group;
} choices[] = {
    [READ_CHOICE_ROLES] = {SQL_WEB_ROLES, false},
    [READ_CHOICE_BODIES] = {SQL_WEB_BODY_NAMES, false},
    [READ_CHOICE_UNITS] = {SQL_WEB_UNIT_NAMES, true},
    [READ_CHOICE_ORGANS] = {SQL_WEB_ADMIN_ORGAN_NAMES, true},
    [READ_CHOICE_PEOPLE] = {SQL_WEB_ADMIN_PERSON_NAMES, false},
    [READ_CHOICE_RGROUPS] = {SQL_WEB_ADMIN_RGROUP_NAMES, true},
    [READ_CHOICE_PROFILES] = {SQL_WEB_ADMIN_PROFILES, false},
    [READ_CHOICE_LOWER_BODIES] = {SQL_WEB_LOWER_NAMES, true},
};

static void option_row(struct read_row *rr, void *row)
{
	struct read_option *o = row;

	o->value = read_text(rr, 0);
	o->label = read_text(rr, 1);
}

static void option_group_row(struct read_row *rr, void *row)
{
	struct read_option *o = row;

	option_row(rr, row);
	o->group = read_text(rr, 2);
	if (!o->group && !rr->oom)
		o->group = "";
}

/* Prepares st bound with the account as ?1, and reads every row with fn. */
static int read_mine(struct db *db, enum db_stmt st, const struct account *acct, struct arena *a,
		     void *rows, size_t *n, size_t elem, void (*fn)(struct read_row *rr, void *row))
{
	struct db_q *q;
	int rc = db_prepare(db, st, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "i", acct->id)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, rows, n, elem, fn);
}

int read_choices(struct db *db, const struct account *acct, enum read_choice c, struct arena *a,
		 struct read_option **ret, size_t *ret_n)
{
	return read_mine(db, choices[c].st, acct, a, ret, ret_n, sizeof(**ret),
			 choices[c].group ? option_group_row : option_row);
}

/* SQL_WEB_ADMIN_ACCOUNTS: id, login, name, role, unit id, disabled, role name, bodies, unit. */
static void account_row(struct read_row *rr, void *row)
{
	struct read_account *x = row;

	x->id = read_int(rr, 0);
	x->login = read_text(rr, 1);
	x->full_name = read_text(rr, 2);
	x->role = read_text(rr, 3);
	x->disabled = read_int(rr, 5) != 0;
	x->role_name = read_text(rr, 6);
	x->bodies = read_text(rr, 7);
	x->unit = read_text(rr, 8);
}

int read_accounts(struct db *db, const struct account *acct, struct arena *a,
		  struct read_account **ret, size_t *ret_n)
{
	return read_mine(db, SQL_WEB_ADMIN_ACCOUNTS, acct, a, ret, ret_n, sizeof(**ret),
			 account_row);
}

static void person_row(struct read_row *rr, void *row)
{
	struct read_person *p = row;

	p->id = read_int(rr, 0);
	p->full_name = read_text(rr, 1);
	p->email = read_text(rr, 2);
	p->phone = read_text(rr, 3);
}

int read_people(struct db *db, const struct account *acct, struct arena *a,
		struct read_person **ret, size_t *ret_n)
{
	return read_mine(db, SQL_WEB_ADMIN_PERSON_NAMES, acct, a, ret, ret_n, sizeof(**ret),
			 person_row);
}

/* SQL_WEB_PEOPLE_MEMBERSHIPS: person, organ, position, from, to. */
struct member_row {
	int64_t person_id;
	struct read_membership m;
};

static void member_row(struct read_row *rr, void *row)
{
	struct member_row *x = row;

	x->person_id = read_int(rr, 0);
	x->m.organ_id = read_int(rr, 1);
	x->m.position = read_text(rr, 2);
	x->m.date_from = read_text(rr, 3);
	x->m.date_to = read_text(rr, 4);
}

/* Hands the memberships ms (by person, then id) to the people p (by id) they belong to. */
static int attach_memberships(struct read_person *p, size_t n, const struct member_row *ms,
			      size_t nm, struct arena *a)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		size_t from;

		while (k < nm && ms[k].person_id < p[i].id)
			k++;
		from = k;
		while (k < nm && ms[k].person_id == p[i].id)
			k++;
		if (k == from)
			continue;
		p[i].memberships = arena_alloc(a, (k - from) * sizeof(*p[i].memberships));
		if (!p[i].memberships)
			return ERR_NOMEM;
		for (size_t j = from; j < k; j++)
			p[i].memberships[j - from] = ms[j].m;
		p[i].nmemberships = k - from;
	}
	return 0;
}

/* Reads the memberships in scope of the people p (n of them, by id) into them. */
static int read_memberships(struct db *db, const struct account *acct, struct read_person *p,
			    size_t n, struct arena *a)
{
	struct member_row *ms = NULL;
	struct db_q *q;
	size_t nm = 0;
	int rc;

	if (n == 0)
		return 0;
	rc = db_prepare(db, SQL_WEB_PEOPLE_MEMBERSHIPS, &q);
	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "iii", acct->id, p[0].id, p[n - 1].id)) < 0) {
		db_done(q);
		return rc;
	}
	rc = read_all(q, a, &ms, &nm, sizeof(*ms), member_row);
	return rc < 0 ? rc : attach_memberships(p, n, ms, nm, a);
}

int read_people_page(struct db *db, const struct account *acct, const struct read_page *p,
		     struct arena *a, struct read_person **ret, size_t *ret_n)
{
	struct read_person *people;
	size_t n;
	int rc = read_page_list(db, SQL_WEB_PEOPLE, acct, p, true, a, &people, &n, sizeof(*people),
				person_row);

	if (rc == 0)
		rc = read_memberships(db, acct, people, n, a);
	if (rc < 0)
		return rc;
	*ret = people;
	*ret_n = n;
	return 0;
}

int read_person(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		struct read_person *ret, struct err *e)
{
	struct read_person x = {0};
	int rc = read_by_id(db, SQL_WEB_PERSON, acct, id, a, &x, person_row, "người", e);

	if (rc == 0)
		rc = read_memberships(db, acct, &x, 1, a);
	if (rc == 0)
		*ret = x;
	return rc;
}

static void rgroup_row(struct read_row *rr, void *row)
{
	struct read_rgroup *g = row;

	g->id = read_int(rr, 0);
	g->code = read_text(rr, 1);
	g->name = read_text(rr, 2);
	g->body = read_text(rr, 3);
}

static void recipient_row(struct read_row *rr, void *row)
{
	struct read_recipient *x = row;

	x->position = read_int(rr, 0);
	x->label = read_text(rr, 1);
	x->email = read_text(rr, 2);
}

int read_rgroups(struct db *db, const struct account *acct, struct arena *a,
		 struct read_rgroup **ret, size_t *ret_n)
{
	struct read_rgroup *g;
	struct db_q *q;
	size_t n;
	int rc = read_mine(db, SQL_WEB_ADMIN_RGROUPS, acct, a, &g, &n, sizeof(*g), rgroup_row);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = db_prepare(db, SQL_WEB_ADMIN_RECIPIENTS, &q);
		if (rc < 0)
			break;
		if ((rc = db_bindv(q, "i", g[i].id)) < 0) {
			db_done(q);
			break;
		}
		rc = read_all(q, a, &g[i].recipients, &g[i].nrecipients, sizeof(*g[i].recipients),
			      recipient_row);
	}
	if (rc < 0)
		return rc;
	*ret = g;
	*ret_n = n;
	return 0;
}

/* SQL_WEB_IND_ENTRY: id, code, name, unit, decimals, depth, actual (units, scale, estimate, source), plan (units, scale), default plan, same period (units, scale). */
static void ind_row(struct read_row *rr, void *row)
{
	struct read_ind_line *l = row;

	l->id = read_int(rr, 0);
	l->code = read_text(rr, 1);
	l->name = read_text(rr, 2);
	l->unit = read_text(rr, 3);
	l->decimals = (int)read_int(rr, 4);
	l->depth = (int)read_int(rr, 5);
	l->has_actual = !db_col_null(rr->q, 6);
	l->actual = read_int(rr, 6);
	l->actual_scale = read_int(rr, 7);
	l->estimate = read_int(rr, 8) != 0;
	l->source = read_text(rr, 9);
	l->has_plan = !db_col_null(rr->q, 10);
	l->plan = read_int(rr, 10);
	l->plan_scale = read_int(rr, 11);
	l->default_plan = read_text(rr, 12);
	l->has_prev = !db_col_null(rr->q, 13);
	l->prev = read_int(rr, 13);
	l->prev_scale = read_int(rr, 14);
}

int read_ind_grid(struct db *db, int64_t body, const char *period, const char *year,
		  const char *prev, struct arena *a, struct read_ind_line **ret, size_t *ret_n)
{
	struct db_q *q;
	int rc = db_prepare(db, SQL_WEB_IND_ENTRY, &q);

	if (rc < 0)
		return rc;
	if ((rc = db_bindv(q, "ittt", body, period, year, prev)) < 0) {
		db_done(q);
		return rc;
	}
	return read_all(q, a, ret, ret_n, sizeof(**ret), ind_row);
}
