/* ind_rollup.c: aggregating indicator values up the body tree. */
#include <stdlib.h>
#include <string.h>

#include "core/indicator.h"

static const int64_t pow10[] = {1,	10,	 100,	   1000,      10000,
				100000, 1000000, 10000000, 100000000, 1000000000};

/*
 * Every value is added at the indicator's largest scale to the body that
 * reported it and to each of its ancestors. The ancestors of a body are
 * resolved once into a flat table, so the pass over the values touches only
 * the accumulators: 10^7 values over a three-level tree run in well under a
 * second. Cells are indicator-major, so values that come grouped by
 * indicator (as the store returns them) touch one small row of cells at a time.
 */
int ind_rollup_run(const struct ind_rollup_in *in, struct ind_rollup *ret, struct err *e)
{
	struct ind_rollup r = {in->n_bodies, in->n_ind, NULL, NULL};
	size_t ncell = in->n_bodies * in->n_ind;
	int64_t *acc = NULL;
	int32_t *chain = NULL; /* per body: itself and its ancestors, -1 terminated */
	int8_t *scale = NULL;
	size_t depth = 1;
	int rc = 0;

	if (in->n_ind && ncell / in->n_ind != in->n_bodies)
		return err_set(e, ERR_TOOBIG, "bảng tổng hợp quá lớn");
	/* The deepest chain bounds the table; a cycle in the tree is refused. */
	for (size_t b = 0; b < in->n_bodies; b++) {
		size_t d = 1;

		for (int32_t p = in->parent[b]; p >= 0; p = in->parent[p]) {
			if ((size_t)p >= in->n_bodies || ++d > in->n_bodies)
				return err_set(e, ERR_INVAL, "cây đơn vị có vòng lặp");
		}
		if (d > depth)
			depth = d;
	}
	acc = calloc(ncell ? ncell : 1, sizeof(*acc));
	r.count = calloc(ncell ? ncell : 1, sizeof(*r.count));
	r.value = calloc(ncell ? ncell : 1, sizeof(*r.value));
	chain = malloc((in->n_bodies * (depth + 1) + 1) * sizeof(*chain));
	scale = calloc(in->n_ind ? in->n_ind : 1, 1);
	if (!acc || !r.count || !r.value || !chain || !scale) {
		rc = err_set(e, ERR_NOMEM, "không đủ bộ nhớ để tổng hợp");
		goto out;
	}
	for (size_t b = 0; b < in->n_bodies; b++) {
		int32_t *c = chain + b * (depth + 1);
		size_t k = 0;

		for (int32_t p = (int32_t)b; p >= 0; p = in->parent[p])
			c[k++] = p;
		c[k] = -1;
	}
	for (size_t i = 0; i < in->n_vals; i++) {
		int s = in->val[i].scale;

		if ((size_t)in->val_ind[i] >= in->n_ind ||
		    (size_t)in->val_body[i] >= in->n_bodies || s < 0 || s > VN_DEC_MAXSCALE) {
			rc = err_set(e, ERR_INVAL, "giá trị thứ %zu không hợp lệ", i + 1);
			goto out;
		}
		if (s > scale[in->val_ind[i]])
			scale[in->val_ind[i]] = (int8_t)s;
	}
	for (size_t i = 0; i < in->n_vals; i++) {
		size_t ind = (size_t)in->val_ind[i];
		int64_t u;

		if (in->agg[ind] == IND_AGG_NONE)
			continue;
		if (__builtin_mul_overflow(in->val[i].units, pow10[scale[ind] - in->val[i].scale],
					   &u))
			goto overflow;
		for (const int32_t *c = chain + (size_t)in->val_body[i] * (depth + 1); *c >= 0;
		     c++) {
			size_t cell = ind * in->n_bodies + (size_t)*c;

			if (__builtin_add_overflow(acc[cell], u, &acc[cell]))
				goto overflow;
			r.count[cell]++;
		}
	}
	for (size_t ind = 0; ind < in->n_ind; ind++) {
		for (size_t cell = ind * in->n_bodies; cell < (ind + 1) * in->n_bodies; cell++) {
			int64_t v = acc[cell];

			if (!r.count[cell])
				continue;
			if (in->agg[ind] == IND_AGG_AVG) {
				/* Average rounded half away from zero at the indicator's scale. */
				int64_t n = r.count[cell];

				v = (v >= 0 ? v + n / 2 : v - n / 2) / n;
			}
			r.value[cell] = (struct vn_dec){v, scale[ind]};
		}
	}
	*ret = r;
	r.value = NULL;
	r.count = NULL;
	goto out;
overflow:
	rc = err_set(e, ERR_INVAL, "tổng vượt quá giới hạn số");
out:
	free(acc);
	free(chain);
	free(scale);
	free(r.value);
	free(r.count);
	return rc;
}

void ind_rollup_free(struct ind_rollup *r)
{
	if (!r)
		return;
	free(r->value);
	free(r->count);
	r->value = NULL;
	r->count = NULL;
}
