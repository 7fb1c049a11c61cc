/* import_bench.c: seed-sized notices extracted per second on one core, from text. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "import/import.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const char *shared = getenv("DONDOC_SEEDS");
	char path[1024];
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct err e = {0};
	double t0, t1, t2;
	int n = 2000;

	if (argc > 1)
		snprintf(path, sizeof(path), "%s", argv[1]);
	else
		snprintf(path, sizeof(path), "%s/seed/tan-yen-2023-10-04-phien-26.md",
			 shared ? shared : "tests");
	if (imp_load_file(path, &text, NULL, NULL, &e) < 0) {
		fprintf(stderr,
			"import_bench: %s (set DONDOC_SEEDS to the directory holding seed/, or "
			"give the seed's path)\n",
			e.msg);
		return 1;
	}
	t0 = now();
	for (int i = 0; i < n; i++) {
		struct arena *a = arena_new(64u << 20);
		struct imp_notice *no;

		if (!a || imp_extract(buf_str(&text), text.len, a, &no, &e) < 0) {
			fprintf(stderr, "import_bench: %s\n", e.msg);
			return 1;
		}
		arena_free(a);
	}
	t1 = now();
	for (int i = 0; i < n; i++) {
		struct arena *a = arena_new(64u << 20);
		struct imp_notice *no;
		json_t *j;
		char *s;

		if (!a || imp_extract(buf_str(&text), text.len, a, &no, &e) < 0)
			return 1;
		j = imp_to_json(no);
		s = json_dumps(j, IMP_JSON_FLAGS);
		free(s);
		json_decref(j);
		arena_free(a);
	}
	t2 = now();
	printf("import: %zu-byte notice, %d runs\n", text.len, n);
	printf("import: extraction %.0f notices/s per core (%.1f µs each)\n", n / (t1 - t0),
	       (t1 - t0) / n * 1e6);
	printf("import: extraction + JSON %.0f notices/s per core (%.1f µs each)\n", n / (t2 - t1),
	       (t2 - t1) / n * 1e6);
	buf_free(&text);
	return 0;
}
