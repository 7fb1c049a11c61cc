/* test_notice.c: the notice template, its checks, the document view and its four renderers. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <zip.h>

#include "core/demo/demo_notice.h"
#include "core/notice/notice.h"
#include "core/notice/fmt.h"
#include "render/docview.h"
#include "render/notice_view.h"
#include "util/arena.h"

/* The seed's figures (gold extraction; plan and same period as derived there). */
struct fig_row {
	const char *code, *value, *plan, *same;
};
static const struct fig_row seed_figs[] = {
    {"industry", "4132", "6076.5", "3872.5"},	    {"trade_services", "4260", NULL, "3865.7"},
    {"agriculture", "3943", "5756.2", "3664.5"},    {"investment", "3093", "4168.5", "2926.2"},
    {"revenue", "1593.851", "1643.1", NULL},	    {"revenue_local", "699.874", "1054.0", NULL},
    {"revenue_land_use", "568.7", "900.0", NULL},   {"expenditure", "1006.7", "1456.9", NULL},
    {"expenditure_recurrent", "472.5", NULL, NULL}, {"expenditure_capital", "534.2", NULL, NULL},
};

struct figs {
	const struct fig_row *rows;
	size_t n;
	const char *override_code, *override_value, *override_same;
};

static struct vn_dec dec(const char *s)
{
	struct vn_dec d;

	assert_int_equal(vn_dec_parse_plain(s, strlen(s), &d, NULL), 0);
	return d;
}

static int fig_lookup(void *arg, const char *code, const char *period, const char *plan,
		      struct notice_fig *ret, struct err *e)
{
	const struct figs *f = arg;

	for (size_t i = 0; i < f->n; i++) {
		const struct fig_row *r = &f->rows[i];

		if (strcmp(r->code, code) != 0)
			continue;
		memset(ret, 0, sizeof(*ret));
		ret->value = dec(r->value);
		if (f->override_code && strcmp(f->override_code, code) == 0) {
			if (f->override_value)
				ret->value = dec(f->override_value);
		}
		if (r->plan) {
			ret->has_plan = true;
			ret->plan = dec(r->plan);
		}
		if (r->same || (f->override_same && strcmp(f->override_code, code) == 0)) {
			ret->has_same = true;
			ret->same = dec(f->override_same && strcmp(f->override_code, code) == 0
					    ? f->override_same
					    : r->same);
		}
		return 0;
	}
	return err_set(e, ERR_NOTFOUND, "không có chỉ tiêu %s", code);
}

static const char *const agenda[] = {
    "Báo cáo tình hình, kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý III và 9 "
    "tháng đầu năm; mục tiêu, nhiệm vụ và giải pháp chủ yếu quý IV năm 2023",
    "Báo cáo sơ kết việc thực hiện Nghị quyết số 22-NQ/HU ngày 15/4/2021 của Ban Chấp hành "
    "Đảng bộ huyện về tăng cường sự lãnh đạo của cấp ủy đảng đối với việc đẩy mạnh thu hút "
    "đầu tư vào các khu, cụm công nghiệp trên địa bàn huyện giai đoạn 2021-2025 và những năm "
    "tiếp theo",
    "Báo cáo sơ kết việc thực hiện Nghị quyết số 56-NQ/HU ngày 05/7/2021 của Ban Chấp hành "
    "Đảng bộ huyện về lãnh đạo, chỉ đạo xây dựng Tân Yên đạt chuẩn huyện nông thôn mới nâng "
    "cao",
    "Tờ trình sửa đổi, bổ sung Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXII, "
    "nhiệm kỳ 2020-2025",
    "Tờ trình rà soát, điều chỉnh, bổ sung Chương trình công tác toàn khóa của Ban Chấp hành "
    "Đảng bộ huyện khóa XXII, nhiệm kỳ 2020-2025",
};

static const char *const recipients[] = {
    "Thường trực Huyện ủy, HĐND, UBND huyện",
    "Các cơ quan, đơn vị thuộc Huyện ủy, UBND huyện",
    "Ủy ban MTTQ và các tổ chức chính trị - xã hội huyện",
    "Các chi, đảng bộ trực thuộc Huyện ủy",
    "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện khóa XXII, nhiệm kỳ 2020-2025",
};

static struct figs the_figs = {seed_figs, sizeof(seed_figs) / sizeof(seed_figs[0]), NULL, NULL,
			       NULL};

static void seed_ctx(struct notice_ctx *c, struct figs *f)
{
	memset(c, 0, sizeof(*c));
	c->session_number = "26";
	c->organ = "Ban Chấp hành Đảng bộ huyện";
	c->term = "khóa XXII, nhiệm kỳ 2020-2025";
	c->term_name = "XXII";
	c->body_name = "Huyện ủy Tân Yên";
	c->body_code = "HU";
	c->place = "Tân Yên";
	c->family = "party";
	c->session_date = (struct vn_date){2023, 10, 4};
	c->agenda = agenda;
	c->nagenda = 5;
	c->recipients = recipients;
	c->nrecipients = 5;
	c->figure = fig_lookup;
	c->figure_arg = f;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = calloc(1, (size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	fclose(f);
	return s;
}

/*
 * The normalisation: drop "**", lines that are only dashes, collapse
 * white space; keep from "THÔNG BÁO" to "Đinh Đức Cảnh".
 */
static char *normalise(const char *s)
{
	struct buf b = BUF_INIT(1 << 20);
	const char *from, *to;
	char *r;

	for (const char *line = s; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		size_t dashes = 0;

		while (dashes < len && line[dashes] == '-')
			dashes++;
		if (!(dashes >= 3 && dashes == len)) {
			for (size_t i = 0; i < len; i++) {
				if (line[i] == '*' && i + 1 < len && line[i + 1] == '*') {
					i++;
					continue;
				}
				char c = line[i] == '\t' || line[i] == '\r' ? ' ' : line[i];
				if (c == ' ' && b.len && b.data[b.len - 1] == ' ')
					continue;
				buf_putc(&b, c);
			}
		}
		if (b.len && b.data[b.len - 1] != ' ')
			buf_putc(&b, ' ');
		line += len + (nl ? 1 : 0);
	}
	from = strstr(buf_str(&b), "THÔNG BÁO");
	to = from ? strstr(from, "Đinh Đức Cảnh") : NULL;
	if (!from || !to) {
		buf_free(&b);
		return NULL;
	}
	r = strndup(from, (size_t)(to - from) + strlen("Đinh Đức Cảnh"));
	buf_free(&b);
	return r;
}

static void render_demo(struct figs *f, enum dv_format fmt, struct buf *out,
			struct notice_doc *ret_doc, struct arena *a)
{
	struct notice_ctx c;
	struct notice_doc d;
	struct fmt_profile p;
	struct docview v;
	struct err e = {0};

	seed_ctx(&c, f);
	assert_int_equal(notice_bind(demo_notice_template, &c, a, &d, &e), 0);
	fmt_profile_default(&p);
	assert_int_equal(notice_view(&d, &p, a, &v, &e), 0);
	assert_int_equal(dv_render(&v, fmt, out, &e), 0);
	if (ret_doc)
		*ret_doc = d;
}

static void demo_text_gives_back_the_seed(void **state)
{
	const char *shared = getenv("DONDOC_SRCDIR");
	char path[4096];
	struct arena *a = arena_new(64 << 20);
	struct buf out = BUF_INIT(1 << 20);
	struct notice_doc d;
	char *seed, *want, *got;

	snprintf(path, sizeof(path), "%s/tests/seed/tan-yen-2023-10-04-phien-26.md",
		 shared ? shared : ".");
	seed = slurp(path);
	assert_non_null(seed);
	render_demo(&the_figs, DV_TXT, &out, &d, a);
	for (size_t i = 0; i < d.nmsgs; i++)
		print_message("# %d:%d %s\n", d.msgs[i].line, d.msgs[i].col, d.msgs[i].text);
	assert_int_equal(d.nmsgs, 0);
	want = normalise(seed);
	got = normalise(buf_str(&out));
	assert_non_null(want);
	assert_non_null(got);
	if (strcmp(want, got) != 0) {
		size_t i = 0;

		while (want[i] && want[i] == got[i])
			i++;
		print_message("# differs at byte %zu:\n# want: %.80s\n# got:  %.80s\n", i, want + i,
			      got + i);
	}
	assert_string_equal(got, want);
	free(seed);
	free(want);
	free(got);
	buf_free(&out);
	arena_free(a);
}

static void changing_a_figure_changes_the_sentence(void **state)
{
	struct arena *a = arena_new(64 << 20);
	struct buf out = BUF_INIT(1 << 20);
	struct figs f = the_figs;

	f.override_code = "trade_services";
	f.override_value = "4500";
	render_demo(&f, DV_TXT, &out, NULL, a);
	assert_non_null(strstr(buf_str(&out), "giá trị sản xuất ước đạt 4.500 tỷ đồng, tăng "
					      "16,4% so với cùng kỳ"));
	assert_null(strstr(buf_str(&out), "4.260"));
	buf_free(&out);
	arena_free(a);
}

static void a_fall_written_as_a_rise_is_warned_about(void **state)
{
	struct arena *a = arena_new(64 << 20);
	struct buf out = BUF_INIT(1 << 20);
	struct figs f = the_figs;
	struct notice_doc d;
	bool found = false;

	f.override_code = "trade_services";
	f.override_value = "3700";
	render_demo(&f, DV_TXT, &out, &d, a);
	/* "tăng 4,3%": the magnitude is printed, and the verb is flagged where it stands */
	assert_non_null(strstr(buf_str(&out), "tăng 4,3% so với cùng kỳ"));
	for (size_t i = 0; i < d.nmsgs; i++) {
		if (strcmp(d.msgs[i].kind, "contradiction") == 0) {
			found = true;
			assert_int_equal(d.msgs[i].line, 21);
			assert_non_null(strstr(d.msgs[i].text, "trade_services"));
		}
	}
	assert_true(found);
	buf_free(&out);
	arena_free(a);
}

static void a_frozen_notice_renders_the_same_without_data(void **state)
{
	struct arena *a = arena_new(64 << 20);
	struct buf before = BUF_INIT(1 << 20), after = BUF_INIT(1 << 20),
		   frozen = BUF_INIT(1 << 20);
	struct notice_ctx c;
	struct notice_doc d, d2;
	struct fmt_profile p;
	struct docview v;
	struct err e = {0};

	render_demo(&the_figs, DV_TXT, &before, &d, a);
	assert_int_equal(notice_freeze(&d, &frozen), 0);
	assert_null(strstr(buf_str(&frozen), "{{"));
	memset(&c, 0, sizeof(c));
	c.family = "party";
	c.place = "Tân Yên";
	c.session_date = (struct vn_date){2023, 10, 4};
	c.body_code = "HU";
	assert_int_equal(notice_bind(buf_str(&frozen), &c, a, &d2, &e), 0);
	for (size_t i = 0; i < d2.nmsgs; i++)
		print_message("# %d:%d %s\n", d2.msgs[i].line, d2.msgs[i].col, d2.msgs[i].text);
	assert_int_equal(d2.nmsgs, 0);
	fmt_profile_default(&p);
	assert_int_equal(notice_view(&d2, &p, a, &v, &e), 0);
	assert_int_equal(dv_render_text(&v, &after, &e), 0);
	assert_string_equal(buf_str(&after), buf_str(&before));
	buf_free(&before);
	buf_free(&after);
	buf_free(&frozen);
	arena_free(a);
}

/* Mutated templates: binding never crashes, and every message points inside the text. */
static void random_templates_bind_safely(void **state)
{
	static const char alphabet[] = "{}*\\@|=\" \n-%.,0123456789abcfgilnpsuvx";
	size_t len = strlen(demo_notice_template);
	char *t = malloc(len + 1);
	unsigned seed = 12345;

	assert_non_null(t);
	for (int round = 0; round < 300; round++) {
		struct arena *a = arena_new(64 << 20);
		struct notice_ctx c;
		struct notice_doc d;
		struct err e = {0};
		int lines = 1;

		memcpy(t, demo_notice_template, len + 1);
		for (int k = 0; k < 1 + round % 40; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;

			seed = seed * 1103515245u + 12345u;
			t[at] = alphabet[(seed >> 8) % (sizeof(alphabet) - 1)];
		}
		if (round % 7 == 0)
			t[(seed >> 4) % len] = '\0';
		for (const char *q = t; *q; q++)
			lines += *q == '\n';
		seed_ctx(&c, &the_figs);
		if (notice_bind(t, &c, a, &d, &e) == 0) {
			for (size_t i = 0; i < d.nmsgs; i++) {
				assert_true(d.msgs[i].line >= 1 && d.msgs[i].line <= lines);
				assert_true(d.msgs[i].col >= 1);
			}
		}
		arena_free(a);
	}
	free(t);
}

static void bind_one(const char *tmpl, struct notice_doc *d, struct arena *a)
{
	struct notice_ctx c;
	struct err e = {0};

	seed_ctx(&c, &the_figs);
	assert_int_equal(notice_bind(tmpl, &c, a, d, &e), 0);
}

static void a_written_percentage_that_disagrees_is_warned_about(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct notice_doc d;

	bind_one("@period 2023-T09\n\nđạt {{fig industry value}} tỷ đồng, bằng 106,7% so với cùng "
		 "kỳ.\n\nđạt {{fig industry value}} tỷ đồng, bằng 112,0% so với cùng kỳ.\n",
		 &d, a);
	assert_int_equal(d.nmsgs, 1);
	assert_string_equal(d.msgs[0].kind, "percent");
	assert_int_equal(d.msgs[0].line, 5);
	assert_int_equal(d.msgs[0].col, 42);
	arena_free(a);
}

static void unknown_placeholders_are_errors_with_their_position(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct notice_doc d;
	struct buf m = BUF_INIT(4096);

	bind_one("@period 2023-T09\n\nTổng {{fig nosuch value}} và {{figure industry value}} và "
		 "{{fig industry ratio}}.\n",
		 &d, a);
	assert_int_equal(d.nerrors, 2);
	assert_int_equal(d.nunresolved, 1);
	assert_int_equal(notice_msgs_format(&d, &m), 0);
	assert_non_null(strstr(buf_str(&m), "dòng 3, cột 6: chỉ tiêu 'nosuch'"));
	assert_non_null(strstr(buf_str(&m), "dòng 3, cột 30: lỗi: trường '{{figure}}'"));
	assert_string_equal(d.paras[0].runs[0].text, "Tổng [?] và [?] và [?].");
	buf_free(&m);
	arena_free(a);
}

static void styles_and_lists(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct notice_doc d;

	bind_one("@sign K/T | BAN THƯỜNG VỤ | PHÓ BÍ THƯ | Nguyễn Văn A\n\n**Đậm** và *nghiêng* "
		 "\\*; {{list agenda plain sep=\" | \"}}\n",
		 &d, a);
	assert_int_equal(d.nmsgs, 0);
	assert_string_equal(d.sig_authority, "K/T BAN THƯỜNG VỤ");
	assert_int_equal(d.paras[0].nruns, 4);
	assert_string_equal(d.paras[0].runs[0].text, "Đậm");
	assert_int_equal(d.paras[0].runs[0].style, NOTICE_BOLD);
	assert_int_equal(d.paras[0].runs[2].style, NOTICE_ITALIC);
	assert_non_null(strstr(d.paras[0].runs[3].text, " *; Báo cáo tình hình"));
	assert_non_null(strstr(d.paras[0].runs[3].text, "năm 2023 | Báo cáo sơ kết"));
	arena_free(a);
}

static void state_forms_are_refused_on_a_party_profile(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct notice_doc d;

	bind_one("@sign TM. | ỦY BAN NHÂN DÂN | CHỦ TỊCH | Nguyễn Văn B\n\nVăn bản.\n", &d, a);
	assert_int_equal(d.nerrors, 1);
	assert_non_null(strstr(d.msgs[0].text, "TM."));
	arena_free(a);
}

static void impossible_margins_are_refused(void **state)
{
	struct fmt_profile p;
	struct docview v = {0};
	struct buf out = BUF_INIT(1 << 20);
	struct err e = {0};

	fmt_profile_default(&p);
	assert_int_equal(fmt_profile_check(&p, &e), 0);
	p.margin_left = 60;
	p.margin_right = 60;
	v.profile = &p;
	assert_int_equal(dv_render(&v, DV_PDF, &out, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "lề trái 60 mm"));
	assert_int_equal(out.len, 0);
	p.margin_left = 30;
	p.margin_top = -3;
	assert_int_equal(fmt_profile_check(&p, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "margin_top"));
	buf_free(&out);
}

static void html_escapes_text_once(void **state)
{
	struct dv_run run = {"a <b> & \"c\" 'd'", 0};
	struct dv_block b = {.kind = DV_PARA, .runs = &run, .nruns = 1};
	struct docview v = {.blocks = &b, .nblocks = 1, .type_name = "<script>"};
	struct buf out = BUF_INIT(1 << 20);
	struct err e = {0};

	assert_int_equal(dv_render_html(&v, &out, &e), 0);
	assert_non_null(strstr(buf_str(&out), "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"));
	assert_null(strstr(buf_str(&out), "<script>"));
	buf_free(&out);
}

static void pdf_is_a4_with_real_text(void **state)
{
	struct arena *a = arena_new(64 << 20);
	struct buf out = BUF_INIT(16 << 20);

	render_demo(&the_figs, DV_PDF, &out, NULL, a);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "%PDF-", 5);
	assert_non_null(memmem(out.data, out.len, "/MediaBox [ 0 0 595.27", 22));
	buf_free(&out);
	arena_free(a);
}

/* The PDF of the demo notice in out, made on the calling thread without cmocka; 0 on success. */
static int demo_pdf(struct buf *out)
{
	struct arena *a = arena_new(64 << 20);
	struct notice_ctx c;
	struct notice_doc d;
	struct fmt_profile p;
	struct docview v;
	struct err e = {0};
	int r = a ? 0 : -1;

	if (r == 0) {
		seed_ctx(&c, &the_figs);
		r = notice_bind(demo_notice_template, &c, a, &d, &e);
	}
	fmt_profile_default(&p);
	if (r == 0)
		r = notice_view(&d, &p, a, &v, &e);
	if (r == 0)
		r = dv_render(&v, DV_PDF, out, &e);
	arena_free(a);
	return r;
}

/* Blanks the moment cairo writes into a PDF, which differs between two renders. */
static void strip_date(struct buf *b)
{
	char *p = memmem(b->data, b->len, "/CreationDate (", 15);

	for (p = p ? p + 15 : NULL; p && p < b->data + b->len && *p != ')'; p++)
		*p = '0';
}

struct pdf_job {
	struct buf out[2];
	int rc;
};

static void *pdf_thread(void *arg)
{
	struct pdf_job *j = arg;

	j->rc = demo_pdf(&j->out[0]);
	if (j->rc == 0)
		j->rc = demo_pdf(&j->out[1]);
	dv_render_release();
	return NULL;
}

static void pdfs_made_again_and_on_other_threads_are_the_same(void **state)
{
	struct buf first = BUF_INIT(16 << 20), again = BUF_INIT(16 << 20);
	struct pdf_job jobs[2];
	pthread_t th[2];

	/* The renderer keeps its fonts and context between documents: nothing may change. */
	assert_int_equal(demo_pdf(&first), 0);
	assert_int_equal(demo_pdf(&again), 0);
	strip_date(&first);
	strip_date(&again);
	assert_int_equal(again.len, first.len);
	assert_memory_equal(again.data, first.data, first.len);
	/* Two threads at once, each with its own. */
	for (int i = 0; i < 2; i++) {
		buf_init(&jobs[i].out[0], 16 << 20);
		buf_init(&jobs[i].out[1], 16 << 20);
		assert_int_equal(pthread_create(&th[i], NULL, pdf_thread, &jobs[i]), 0);
	}
	for (int i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(jobs[i].rc, 0);
		for (int k = 0; k < 2; k++) {
			strip_date(&jobs[i].out[k]);
			assert_int_equal(jobs[i].out[k].len, first.len);
			assert_memory_equal(jobs[i].out[k].data, first.data, first.len);
			buf_free(&jobs[i].out[k]);
		}
	}
	buf_free(&first);
	buf_free(&again);
}

static void docx_parts_are_well_formed_xml(void **state)
{
	static const char *const parts[] = {
	    "[Content_Types].xml", "_rels/.rels",      "word/_rels/document.xml.rels",
	    "word/document.xml",   "word/styles.xml",  "word/header1.xml",
	    "word/header2.xml",	   "docProps/core.xml"};
	struct arena *a = arena_new(64 << 20);
	struct buf out = BUF_INIT(16 << 20);
	zip_source_t *src;
	zip_t *z;
	zip_error_t ze;

	render_demo(&the_figs, DV_DOCX, &out, NULL, a);
	zip_error_init(&ze);
	src = zip_source_buffer_create(out.data, out.len, 0, &ze);
	assert_non_null(src);
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(z);
	assert_int_equal(zip_get_num_entries(z, 0), 8);
	for (size_t i = 0; i < 8; i++) {
		zip_stat_t st;
		zip_file_t *f;
		char *data;
		xmlDocPtr doc;

		assert_int_equal(zip_stat(z, parts[i], 0, &st), 0);
		f = zip_fopen(z, parts[i], 0);
		assert_non_null(f);
		data = malloc(st.size + 1);
		assert_int_equal(zip_fread(f, data, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
		doc = xmlReadMemory(data, (int)st.size, parts[i], NULL, XML_PARSE_NONET);
		assert_non_null(doc);
		if (strcmp(parts[i], "word/document.xml") == 0) {
			assert_non_null(memmem(data, st.size, "Đinh Đức Cảnh", 17));
			assert_non_null(memmem(data, st.size, "4.132", 5));
		}
		xmlFreeDoc(doc);
		free(data);
	}
	zip_close(z);
	zip_error_fini(&ze);
	buf_free(&out);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(demo_text_gives_back_the_seed),
	    cmocka_unit_test(changing_a_figure_changes_the_sentence),
	    cmocka_unit_test(a_fall_written_as_a_rise_is_warned_about),
	    cmocka_unit_test(a_frozen_notice_renders_the_same_without_data),
	    cmocka_unit_test(random_templates_bind_safely),
	    cmocka_unit_test(a_written_percentage_that_disagrees_is_warned_about),
	    cmocka_unit_test(unknown_placeholders_are_errors_with_their_position),
	    cmocka_unit_test(styles_and_lists),
	    cmocka_unit_test(state_forms_are_refused_on_a_party_profile),
	    cmocka_unit_test(impossible_margins_are_refused),
	    cmocka_unit_test(html_escapes_text_once),
	    cmocka_unit_test(pdf_is_a4_with_real_text),
	    cmocka_unit_test(pdfs_made_again_and_on_other_threads_are_the_same),
	    cmocka_unit_test(docx_parts_are_well_formed_xml),
	};

	int r = cmocka_run_group_tests(tests, NULL, NULL);

	dv_render_release();
	xmlCleanupParser();
	return r;
}
