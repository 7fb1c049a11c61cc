/* read_rollup.c: task statistics rolled up the body tree: the scoped counters, one pass in memory. */
#include <string.h>

#include "core/accounts/account.h"
#include "core/read/read_int.h"
#include "core/tasks/task.h"

/* A body met by the query, with its own counts; kids index its children in b[]. */
struct rb {
	int64_t id, parent;
	const char *name;
	struct task_counts *own, *sub;
	int32_t up;	    /* index of the parent in b[], -1: not in scope */
	size_t kid0, nkids; /* its children's slice of kids[] */
};

/* The index of body id in b[0..n) (sorted by id), or -1. */
static int32_t rb_find(const struct rb *b, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b[mid].id == id)
			return (int32_t)mid;
		if (b[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * The bodies in scope with their own tasks counted at as_of, by id, from the
 * task counters (one row per body and lower body its tasks went to), then its
 * tasks completed after as_of put back among the open ones: the cost grows
 * with the bodies, not with the tasks.
 */
static int rb_load(struct db *db, const struct account *acct, const char *as_of, struct arena *a,
		   struct rb **ret, size_t *ret_n)
{
	struct rb *b = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r = db_query(db, SQL_WEB_TALLY_ROLLUP, &q, "it", acct ? acct->id : 0, as_of);

	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		int64_t id = db_col_int(q, 0);

		r = 0;
		if (!n || b[n - 1].id != id) {
			if (arena_reserve(a, &b, n, &cap, sizeof(*b)) < 0) {
				r = ERR_NOMEM;
				break;
			}
			b[n] = (struct rb){.id = id, .parent = db_col_int(q, 1)};
			b[n].name = db_col_strdup(q, 2, a);
			b[n].own = arena_alloc(a, sizeof(*b[n].own));
			b[n].sub = arena_alloc(a, sizeof(*b[n].sub));
			if (!b[n].name || !b[n].own || !b[n].sub) {
				r = ERR_NOMEM;
				break;
			}
			memset(b[n].own, 0, sizeof(*b[n].own));
			memset(b[n].sub, 0, sizeof(*b[n].sub));
			n++;
		}
		if (db_col_int(q, 3)) {
			struct task_tally_row t;

			task_tally_read(q, 4, &t);
			task_counts_tally(b[n - 1].own, &t);
		}
	}
	db_done(q);
	if (r < 0)
		return r;
	r = db_query(db, SQL_WEB_TALLY_ROLLUP_LATE, &q, "it", acct ? acct->id : 0, as_of);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		int32_t k = rb_find(b, n, db_col_int(q, 0));

		r = 0;
		if (k >= 0)
			task_counts_reopen(b[k].own, db_col_int(q, 3) != 0, db_col_text(q, 1),
					   db_col_text(q, 2), as_of);
	}
	db_done(q);
	if (r < 0)
		return r;
	*ret = b;
	*ret_n = n;
	return 0;
}

int read_task_rollup(struct db *db, const struct account *acct, int64_t root, const char *as_of,
		     struct arena *a, struct read_rollup_row **ret, size_t *ret_n, struct err *e)
{
	struct read_rollup_row *rows;
	struct rb *b;
	size_t n, *kids, *order, *fill, norder = 0, top = 0, nrows = 0;
	int32_t *stack;
	int *depth;
	int r = rb_load(db, acct, as_of, a, &b, &n);

	if (r < 0)
		return db_err(db, e, r, "không đọc được thống kê nhiệm vụ");
	if (root && rb_find(b, n, root) < 0)
		return err_set(e, ERR_NOTFOUND, "Không có cơ quan số %lld trong phạm vi",
			       (long long)root);
	kids = arena_alloc(a, (n + 1) * sizeof(*kids));
	order = arena_alloc(a, (n + 1) * sizeof(*order));
	fill = arena_alloc(a, (n + 1) * sizeof(*fill));
	stack = arena_alloc(a, (n + 1) * sizeof(*stack));
	depth = arena_alloc(a, (n + 1) * sizeof(*depth));
	rows = arena_alloc(a, (n + 1) * sizeof(*rows));
	if (!kids || !order || !fill || !stack || !depth || !rows)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	/* Children lists: counted, sliced, filled in id order. */
	for (size_t i = 0; i < n; i++) {
		b[i].up = b[i].parent ? rb_find(b, n, b[i].parent) : -1;
		if (b[i].up >= 0)
			b[b[i].up].nkids++;
	}
	for (size_t i = 0, at = 0; i < n; i++) {
		b[i].kid0 = at;
		fill[i] = at;
		at += b[i].nkids;
	}
	for (size_t i = 0; i < n; i++)
		if (b[i].up >= 0)
			kids[fill[b[i].up]++] = i;
	/* Tree order from each top (or from root alone), by an explicit stack. */
	for (size_t i = 0; i < n; i++) {
		if (root ? b[i].id != root : b[i].up >= 0)
			continue;
		stack[top] = (int32_t)i;
		depth[i] = 0;
		top++;
		while (top) {
			size_t k = (size_t)stack[--top];

			order[norder++] = k;
			for (size_t c = b[k].nkids; c > 0; c--) {
				size_t kid = kids[b[k].kid0 + c - 1];

				depth[kid] = depth[k] + 1;
				stack[top++] = (int32_t)kid;
			}
		}
	}
	/* Children come after their parent in tree order: backwards, each adds into its parent. */
	for (size_t j = norder; j > 0; j--) {
		struct rb *x = &b[order[j - 1]];

		task_counts_merge(x->sub, x->own);
		if (x->up >= 0 && (!root || x->id != root))
			task_counts_merge(b[x->up].sub, x->sub);
	}
	for (size_t j = 0; j < norder; j++) {
		const struct rb *x = &b[order[j]];

		rows[nrows++] =
		    (struct read_rollup_row){.body_id = x->id,
					     .parent_id = depth[order[j]] ? x->parent : 0,
					     .name = x->name,
					     .depth = depth[order[j]],
					     .own = x->own,
					     .subtree = x->sub};
	}
	*ret = rows;
	*ret_n = nrows;
	return 0;
}
