/* vn_bench.c: speed of Vietnamese number parsing and formatting, folding and NFC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"
#include "vn/date.h"
#include "vn/num.h"
#include "vn/text.h"

/* How long each figure is measured for. */
#define RUN_SECONDS 0.5

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Numbers as the seed notice prints them. */
static const char *const numbers[] = {
    "4.132", "1.593,851", "2.245.645", "106,7", "97,0",	 "68",	 "699,874", "63,19",
    "568,7", "1.006,7",	  "472,5",     "534,2", "3.093", "74,2", "16.051",  "98,62",
};
#define NNUM (sizeof(numbers) / sizeof(numbers[0]))

static void bench_numbers(void)
{
	size_t len[NNUM];
	struct vn_dec d[NNUM];
	struct buf b = BUF_INIT(1 << 20);
	long n = 0, sink = 0;
	double t0, t;

	for (size_t i = 0; i < NNUM; i++)
		len[i] = strlen(numbers[i]);
	t0 = now();
	do {
		for (int rep = 0; rep < 1000; rep++)
			for (size_t i = 0; i < NNUM; i++) {
				if (vn_dec_parse(numbers[i], len[i], &d[i], NULL) != 0)
					abort();
				sink += d[i].units;
			}
		n += 1000 * (long)NNUM;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	printf("vn_dec_parse      %12.0f numbers/s\n", (double)n / t);

	n = 0;
	t0 = now();
	do {
		for (int rep = 0; rep < 1000; rep++)
			for (size_t i = 0; i < NNUM; i++) {
				buf_reset(&b);
				if (vn_dec_format(d[i], 0, &b) != 0)
					abort();
				sink += (long)b.len;
			}
		n += 1000 * (long)NNUM;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	printf("vn_dec_format     %12.0f numbers/s\n", (double)n / t);

	n = 0;
	t0 = now();
	do {
		for (int rep = 0; rep < 10000; rep++) {
			struct vn_date dt;

			if (vn_date_parse("04/10/2023", 10, 0, &dt, NULL) != 0)
				abort();
			sink += dt.d;
		}
		n += 10000;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	printf("vn_date_parse     %12.0f dates/s\n", (double)n / t);
	buf_free(&b);
	if (sink == 42)
		puts("");
}

static const char vi_text[] =
    "Thu ngân sách ước đến hết tháng 9 đạt 1.593,851 tỷ đồng, bằng 97,0% dự toán huyện "
    "giao; trong đó, thu trên địa bàn 699,874 tỷ đồng, đạt 66,4%. Công tác xây dựng "
    "nông thôn mới được quan tâm, đẩy mạnh; ĐẢNG BỘ HUYỆN TÂN YÊN lãnh đạo, chỉ đạo. ";
static const char ascii_text[] =
    "Report on the implementation of Resolution 22-NQ/HU of 15/4/2021, industrial "
    "clusters Dong Dinh and Lang Cao, investment 3.093 billion VND, up 5,7 percent. ";

/* A text of about size bytes made of copies of unit. */
static char *repeat(const char *unit, size_t size, size_t *ret_len)
{
	size_t ul = strlen(unit), n = size / ul;
	char *p = malloc(n * ul + 1);

	if (!p)
		abort();
	for (size_t i = 0; i < n; i++)
		memcpy(p + i * ul, unit, ul);
	p[n * ul] = '\0';
	*ret_len = n * ul;
	return p;
}

typedef int (*text_fn)(const char *, size_t, struct buf *);

static int nfc_fn(const char *s, size_t len, struct buf *out)
{
	return vn_nfc(s, len, out, NULL);
}

static void bench_text(const char *name, text_fn fn, const char *unit, const char *what)
{
	size_t len;
	char *text = repeat(unit, 1 << 20, &len);
	struct buf b = BUF_INIT(8 << 20);
	double bytes = 0, t0 = now(), t;

	do {
		buf_reset(&b);
		if (fn(text, len, &b) != 0)
			abort();
		bytes += (double)len;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	printf("%-17s %12.1f MB/s (%s)\n", name, bytes / t / 1e6, what);
	buf_free(&b);
	free(text);
}

int main(void)
{
	bench_numbers();
	bench_text("vn_fold", vn_fold, vi_text, "Vietnamese text");
	bench_text("vn_fold", vn_fold, ascii_text, "ASCII text");
	bench_text("vn_nfc", nfc_fn, vi_text, "Vietnamese text, already NFC");
	return 0;
}
