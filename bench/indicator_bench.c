/* indicator_bench.c: roll-up of 10^7 values of one period over a country-sized body tree. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/indicators/indicator.h"

#define N_PROV 34
#define N_COMMUNE 3321
#define N_VALUES 10000000u

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	/* Body 0 is the centre, 1..34 the provinces, then the communes spread over them. */
	size_t n_bodies = 1 + N_PROV + N_COMMUNE;
	size_t n_ind = (N_VALUES + N_COMMUNE - 1) / N_COMMUNE; /* values per commune */
	int32_t *parent = malloc(n_bodies * sizeof(*parent));
	enum ind_agg *agg = malloc(n_ind * sizeof(*agg));
	int32_t *vb = malloc(N_VALUES * sizeof(*vb)), *vi = malloc(N_VALUES * sizeof(*vi));
	struct vn_dec *vv = malloc(N_VALUES * sizeof(*vv));
	struct ind_rollup r;
	struct err e = {0};
	uint64_t seed = 88172645463325252ull;
	double t0, t1, c0, c1;

	if (!parent || !agg || !vb || !vi || !vv)
		return 1;
	parent[0] = -1;
	for (size_t b = 1; b <= N_PROV; b++)
		parent[b] = 0;
	for (size_t c = 0; c < N_COMMUNE; c++)
		parent[1 + N_PROV + c] = (int32_t)(1 + c % N_PROV);
	for (size_t i = 0; i < n_ind; i++)
		agg[i] = i % 10 == 9 ? IND_AGG_AVG : IND_AGG_SUM;
	for (size_t i = 0; i < N_VALUES; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		vb[i] = (int32_t)(1 + N_PROV + i % N_COMMUNE);
		vi[i] = (int32_t)(i / N_COMMUNE);
		vv[i] = (struct vn_dec){(int64_t)(seed % 10000000), (int)(seed >> 60) % 4};
	}
	struct ind_rollup_in in = {n_bodies, parent, n_ind, agg, N_VALUES, vb, vi, vv};

	t0 = clock_s(CLOCK_MONOTONIC);
	c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	if (ind_rollup_run(&in, &r, &e) < 0) {
		fprintf(stderr, "rollup: %s\n", e.msg);
		return 1;
	}
	t1 = clock_s(CLOCK_MONOTONIC);
	c1 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	printf("indicator roll-up: %u values, %zu bodies (%d provinces, %d communes), %zu "
	       "indicators: %.3f s wall, %.3f s CPU (goal <= 1 s)\n",
	       N_VALUES, n_bodies, N_PROV, N_COMMUNE, n_ind, t1 - t0, c1 - c0);
	printf("check: root count of indicator 0 = %u\n", r.count[0]);
	ind_rollup_free(&r);
	free(parent);
	free(agg);
	free(vb);
	free(vi);
	free(vv);
	return 0;
}
