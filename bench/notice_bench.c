/*
 * notice_bench.c: warm rendering of the demo notice (PDF, DOCX) per second, against LibreOffice
 * converting the DOCX. "notice_bench pdf" (or "docx") measures that format alone, without
 * LibreOffice; "notice_bench pdf FILE" also writes the last PDF to FILE.
 */
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/demo/demo_notice.h"
#include "core/notice/notice.h"
#include "core/notice/fmt.h"
#include "render/docview.h"
#include "render/notice_view.h"
#include "util/arena.h"

struct fig_row {
	const char *code, *value, *plan, *same;
};

/* The seed's figures, as the demo's indicators hold them. */
static const struct fig_row figs[] = {
    {"industry", "4132", "6076.5", "3872.5"},	    {"trade_services", "4260", NULL, "3865.7"},
    {"agriculture", "3943", "5756.2", "3664.5"},    {"investment", "3093", "4168.5", "2926.2"},
    {"revenue", "1593.851", "1643.1", NULL},	    {"revenue_local", "699.874", "1054.0", NULL},
    {"revenue_land_use", "568.7", "900.0", NULL},   {"expenditure", "1006.7", "1456.9", NULL},
    {"expenditure_recurrent", "472.5", NULL, NULL}, {"expenditure_capital", "534.2", NULL, NULL},
};

static int lookup(void *arg, const char *code, const char *period, const char *plan,
		  struct notice_fig *ret, struct err *e)
{
	for (size_t i = 0; i < sizeof(figs) / sizeof(figs[0]); i++) {
		if (strcmp(figs[i].code, code) != 0)
			continue;
		memset(ret, 0, sizeof(*ret));
		vn_dec_parse_plain(figs[i].value, strlen(figs[i].value), &ret->value, NULL);
		if (figs[i].plan) {
			ret->has_plan = true;
			vn_dec_parse_plain(figs[i].plan, strlen(figs[i].plan), &ret->plan, NULL);
		}
		if (figs[i].same) {
			ret->has_same = true;
			vn_dec_parse_plain(figs[i].same, strlen(figs[i].same), &ret->same, NULL);
		}
		return 0;
	}
	return err_set(e, ERR_NOTFOUND, "%s", code);
}

static const char *const agenda[] = {
    "Báo cáo tình hình, kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý III và 9 "
    "tháng đầu năm; mục tiêu, nhiệm vụ và giải pháp chủ yếu quý IV năm 2023",
    "Tờ trình sửa đổi, bổ sung Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXII, "
    "nhiệm kỳ 2020-2025",
};
static const char *const recipients[] = {"Thường trực Huyện ủy, HĐND, UBND huyện",
					 "Các chi, đảng bộ trực thuộc Huyện ủy"};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One full render from the template: bind, view, render. Returns the size. */
static size_t render_once(enum dv_format f, struct buf *out)
{
	struct notice_ctx c = {
	    .session_number = "26",
	    .organ = "Ban Chấp hành Đảng bộ huyện",
	    .term = "khóa XXII, nhiệm kỳ 2020-2025",
	    .term_name = "XXII",
	    .body_code = "HU",
	    .place = "Tân Yên",
	    .family = "party",
	    .session_date = {2023, 10, 4},
	    .agenda = agenda,
	    .nagenda = 2,
	    .recipients = recipients,
	    .nrecipients = 2,
	    .figure = lookup,
	};
	struct arena *a = arena_new(64u << 20);
	struct notice_doc d;
	struct fmt_profile p;
	struct docview v;
	struct err e = {0};
	size_t n;

	fmt_profile_default(&p);
	buf_reset(out);
	if (!a || notice_bind(demo_notice_template, &c, a, &d, &e) < 0 ||
	    notice_view(&d, &p, a, &v, &e) < 0 || dv_render(&v, f, out, &e) < 0) {
		fprintf(stderr, "notice_bench: %s\n", e.msg);
		exit(1);
	}
	n = out->len;
	arena_free(a);
	return n;
}

/* CPU seconds this process has used: less disturbed than wall time on a shared machine. */
static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double per_second(enum dv_format f, const char *name, struct buf *out)
{
	int n = 0;
	double t0, c0, t;

	render_once(f, out); /* warm: fonts loaded, caches filled */
	t0 = now();
	c0 = cpu_now();
	do {
		render_once(f, out);
		n++;
		t = now() - t0;
	} while (t < 3.0);
	printf("%-5s %8.1f renders/s  (%d in %.2f s, %zu bytes, %.2f ms each, %.2f ms CPU each)\n",
	       name, (double)n / t, n, t, out->len, t * 1000 / n, (cpu_now() - c0) * 1000 / n);
	return (double)n / t;
}

/* Seconds LibreOffice takes to convert path to PDF in a fresh process; < 0 when absent. */
static double soffice_seconds(const char *dir, const char *path)
{
	char cmd[8192];
	double t0;
	int rc;

	if (system("command -v soffice >/dev/null 2>&1") != 0)
		return -1;
	snprintf(cmd, sizeof(cmd),
		 "HOME='%s' soffice -env:UserInstallation=file://%s/profile --headless "
		 "--convert-to pdf --outdir '%s' '%s' >/dev/null 2>&1",
		 dir, dir, dir, path);
	t0 = now();
	rc = system(cmd);
	if (rc != 0 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
		return -1;
	return now() - t0;
}

int main(int argc, char **argv)
{
	struct buf out = BUF_INIT(64u << 20);
	char dir[] = "/tmp/notice_bench.XXXXXX", path[512], cmd[1024];
	double pdf, docx, first, second;
	FILE *f;

	/*
	 * A warm process keeps its heap: without this, glibc hands the
	 * compressor's large buffers back to the kernel after every document
	 * and page-faults them in again, which is most of the time measured.
	 */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	if (argc > 1) {
		bool is_pdf = strcmp(argv[1], "pdf") == 0;

		if (!is_pdf && strcmp(argv[1], "docx") != 0) {
			fprintf(stderr, "usage: notice_bench [pdf|docx [FILE]]\n");
			return 2;
		}
		per_second(is_pdf ? DV_PDF : DV_DOCX, argv[1], &out);
		if (argc > 2) {
			f = fopen(argv[2], "wb");
			if (!f || fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0)
				return 1;
		}
		buf_free(&out);
		dv_render_release();
		return 0;
	}
	pdf = per_second(DV_PDF, "pdf", &out);
	docx = per_second(DV_DOCX, "docx", &out);
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/notice.docx", dir);
	f = fopen(path, "wb");
	if (!f || fwrite(out.data, 1, out.len, f) != out.len)
		return 1;
	fclose(f);
	/* the first run also creates LibreOffice's profile; the second is the fair figure */
	first = soffice_seconds(dir, path);
	second = first < 0 ? -1 : soffice_seconds(dir, path);
	if (second < 0) {
		printf("soffice: not available; no ratio\n");
	} else {
		printf("soffice --headless --convert-to pdf (fresh process): %.2f s "
		       "(first run with a new profile: %.2f s)\n",
		       second, first);
		printf("ratio: dondoc PDF is %.0fx faster than LibreOffice converting the DOCX "
		       "(goal: 100x)\n",
		       second * pdf);
	}
	printf("docx/pdf: DOCX renders %.1fx as fast as PDF\n", docx / pdf);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	buf_free(&out);
	dv_render_release();
	return 0;
}
