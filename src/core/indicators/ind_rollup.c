/* ind_rollup.c: aggregating indicator values up the body tree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/indicators/indicator.h"

static const int64_t pow10[] = {1,	10,	 100,	   1000,      10000,
				100000, 1000000, 10000000, 100000000, 1000000000};

/*
 * calloc for the tables of cells (hundreds of megabytes for a country): asks
 * the kernel to back them with huge pages, since faulting them in 4 KiB at a
 * time costs more than the roll-up itself. Only a hint; freed with free().
 */
static void *cells_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;

	if (p && n * size >= 2 * huge) {
		uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
		uintptr_t hi = ((uintptr_t)p + n * size) & ~(huge - 1);

		if (hi > lo)
			(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	}
#endif
	return p;
}

/*
 * Bodies ordered deepest first, so that every body comes before its parent.
 * Refuses a parent out of range and a cycle. *ret is malloc'ed; caller frees.
 */
static int rollup_order(const struct ind_rollup_in *in, int32_t **ret, struct err *e)
{
	size_t n = in->n_bodies, maxd = 0;
	uint32_t *depth = malloc((n ? n : 1) * sizeof(*depth));
	size_t *start = NULL;
	int32_t *order = malloc((n ? n : 1) * sizeof(*order));
	int rc = 0;

	if (!depth || !order) {
		rc = err_set(e, ERR_NOMEM, "không đủ bộ nhớ để tổng hợp");
		goto out;
	}
	for (size_t b = 0; b < n; b++) {
		size_t d = 0;

		for (int32_t p = in->parent[b]; p >= 0; p = in->parent[p]) {
			if ((size_t)p >= n || ++d >= n) {
				rc = err_set(e, ERR_INVAL, "cây đơn vị có vòng lặp");
				goto out;
			}
		}
		depth[b] = (uint32_t)d;
		if (d > maxd)
			maxd = d;
	}
	/* Counting sort by depth, deepest first. */
	start = calloc(maxd + 2, sizeof(*start));
	if (!start) {
		rc = err_set(e, ERR_NOMEM, "không đủ bộ nhớ để tổng hợp");
		goto out;
	}
	for (size_t b = 0; b < n; b++)
		start[maxd - depth[b] + 1]++;
	for (size_t d = 1; d <= maxd + 1; d++)
		start[d] += start[d - 1];
	for (size_t b = 0; b < n; b++)
		order[start[maxd - depth[b]]++] = (int32_t)b;
	*ret = order;
	order = NULL;
out:
	free(depth);
	free(start);
	free(order);
	return rc;
}

/*
 * Each value is added once, at the indicator's largest scale, to the cell of
 * the body that reported it; then, one indicator row at a time, every body's
 * sum and count are added to its parent's, children before parents. The work
 * is one step per value plus one per cell, whatever the depth of the tree, and
 * the sums are accumulated in place in the result (12 bytes a cell), so no
 * other table of cells is allocated: for 10^7 cells, touching fresh memory is
 * what costs most. Cells are indicator-major, so a row (a few tens of kilobytes
 * for a country's communes) stays in cache while it is rolled up.
 */
int ind_rollup_run(const struct ind_rollup_in *in, struct ind_rollup *ret, struct err *e)
{
	struct ind_rollup r = {in->n_bodies, in->n_ind, NULL, NULL, NULL};
	size_t nb = in->n_bodies, ncell = nb * in->n_ind;
	int32_t *order = NULL;
	int8_t *scale;
	int rc = 0;

	if (in->n_ind && ncell / in->n_ind != nb)
		return err_set(e, ERR_TOOBIG, "bảng tổng hợp quá lớn");
	rc = rollup_order(in, &order, e);
	if (rc < 0)
		return rc;
	r.count = cells_calloc(ncell, sizeof(*r.count));
	r.units = cells_calloc(ncell, sizeof(*r.units));
	r.scale = scale = calloc(in->n_ind ? in->n_ind : 1, 1);
	if (!r.count || !r.units || !scale) {
		rc = err_set(e, ERR_NOMEM, "không đủ bộ nhớ để tổng hợp");
		goto out;
	}
	for (size_t i = 0; i < in->n_vals; i++) {
		int s = in->val[i].scale;

		if ((size_t)in->val_ind[i] >= in->n_ind || (size_t)in->val_body[i] >= nb || s < 0 ||
		    s > VN_DEC_MAXSCALE) {
			rc = err_set(e, ERR_INVAL, "giá trị thứ %zu không hợp lệ", i + 1);
			goto out;
		}
		if (s > scale[in->val_ind[i]])
			scale[in->val_ind[i]] = (int8_t)s;
	}
	/* Each value into its own body's cell. */
	for (size_t i = 0; i < in->n_vals; i++) {
		size_t ind = (size_t)in->val_ind[i];
		size_t cell = ind * nb + (size_t)in->val_body[i];
		int64_t u;

		if (in->agg[ind] == IND_AGG_NONE)
			continue;
		if (__builtin_mul_overflow(in->val[i].units, pow10[scale[ind] - in->val[i].scale],
					   &u) ||
		    __builtin_add_overflow(r.units[cell], u, &r.units[cell]))
			goto overflow;
		r.count[cell]++;
	}
	/* Up the tree, then averages and scales, one indicator row at a time. */
	for (size_t ind = 0; ind < in->n_ind; ind++) {
		int64_t *val = r.units + ind * nb;
		uint32_t *cnt = r.count + ind * nb;

		if (in->agg[ind] == IND_AGG_NONE)
			continue;
		for (size_t k = 0; k < nb; k++) {
			int32_t b = order[k], p = in->parent[b];

			if (p < 0 || !cnt[b])
				continue;
			if (__builtin_add_overflow(val[p], val[b], &val[p]))
				goto overflow;
			cnt[p] += cnt[b];
		}
		for (size_t b = 0; in->agg[ind] == IND_AGG_AVG && b < nb; b++) {
			int64_t v = val[b], n = cnt[b];

			if (n) /* rounded half away from zero */
				val[b] = (v >= 0 ? v + n / 2 : v - n / 2) / n;
		}
	}
	*ret = r;
	r.units = NULL;
	r.scale = NULL;
	r.count = NULL;
	goto out;
overflow:
	rc = err_set(e, ERR_INVAL, "tổng vượt quá giới hạn số");
out:
	free(order);
	free(r.scale);
	free(r.units);
	free(r.count);
	return rc;
}

void ind_rollup_free(struct ind_rollup *r)
{
	if (!r)
		return;
	free(r->units);
	free(r->scale);
	free(r->count);
	r->units = NULL;
	r->scale = NULL;
	r->count = NULL;
}
