/* make_store.c: a province-shaped store for the benchmarks, written through dondoc's own core. */
/*
 * make_store [--bodies B] N FILE writes a new store FILE: the province Tỉnh ủy
 * Bắc Giang, 10 districts (Huyện ủy Tân Yên first, as in the demo), 10
 * communes each (Liên Sơn among Tân Yên's), with --bodies more communes until
 * there are B bodies; their terms, organs and units (offices, departments and
 * one unit of kind lower_body for each lower body); the demo's accounts with
 * the demo's passwords and scopes; then N tasks with their timelines (reports,
 * requests to close, confirmations; statuses spread over the five, deadlines
 * over 2020 to a year after today), N documents and N/20 sessions. Every row
 * goes through the core's functions, so the audit log, the search index and
 * the task counters are filled as in real use; writes are batched in
 * transactions of BATCH tasks. Every body but one commune in five enters its
 * figures of FIGURES_PERIOD (five indicators), for the roll-up of a period's figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include "core/accounts/account.h"
#include "core/indicators/indicator.h"
#include "core/registry/registry.h"
#include "core/tasks/task.h"
#include "db/db.h"
#include "vn/date.h"

#define BATCH 5000
#define NDISTRICTS 10
#define NCOMMUNES 10 /* per district, before --bodies adds more */
#define MAXUNITS 24  /* of one body, lower bodies' units included */
#define FIGURES_PERIOD "2025"

static const char *const districts[NDISTRICTS] = {"Tân Yên",  "Lạng Giang", "Lục Nam",	"Lục Ngạn",
						  "Sơn Động", "Yên Thế",    "Hiệp Hòa", "Việt Yên",
						  "Yên Dũng", "Bắc Giang"};
static const char *const tan_yen_communes[NCOMMUNES] = {
    "Liên Sơn", "Ngọc Lý",  "Ngọc Vân", "Lam Cốt",  "Việt Lập",
    "Cao Xá",	"Phúc Hòa", "Quế Nham", "Song Vân", "Hợp Đức"};
static const char *const doc_types[] = {"TB", "KL", "NQ", "CT", "BC"};
static const char *const report_texts[] = {
    "Đã xây dựng kế hoạch triển khai, phân công cán bộ phụ trách",
    "Đã tổ chức hội nghị quán triệt, đang triển khai thực hiện theo kế hoạch",
    "Cơ bản hoàn thành các nội dung, đang tổng hợp kết quả báo cáo",
    "Đã hoàn thành, đề nghị kết thúc nhiệm vụ",
};
static const char *const task_texts[] = {
    "Rà soát, đánh giá kết quả thực hiện Nghị quyết về phát triển kinh tế - xã hội",
    "Tập trung chỉ đạo giải phóng mặt bằng các khu, cụm công nghiệp trên địa bàn",
    "Đẩy mạnh xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện quy chế làm việc",
    "Chuẩn bị nội dung, văn kiện phục vụ đại hội đảng bộ các cấp",
    "Làm tốt công tác tuyển chọn, gọi công dân nhập ngũ",
    "Nâng cao chất lượng sinh hoạt chi bộ, công tác phát triển đảng viên",
    "Triển khai chuyển đổi số trong hoạt động của cơ quan đảng",
};

struct body {
	int64_t id, parent, bch, btv, term1, term2;
	const char *code; /* TU, HU, ĐU */
	int64_t units[MAXUNITS];
	int nunits, nown; /* units[0..nown) are its own, the rest lower bodies' */
	int64_t last_tb;  /* its latest notice, the source of its next tasks */
};

struct gen {
	struct db *db;
	struct err e;
	struct body *b;
	size_t nb, cap;
	unsigned long long seed;
	struct vn_date today;
	int64_t tan_yen, lien_son, tan_yen_office;
	size_t district[NDISTRICTS]; /* their indexes in b[] */
	long docnum, ndocs;	     /* documents written, and the N wanted */
	long long rows;		     /* tasks, events, documents, sessions written */
};

static unsigned rnd(struct gen *g, unsigned n)
{
	g->seed = g->seed * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((g->seed >> 33) % n);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int fail(struct gen *g, const char *what)
{
	fprintf(stderr, "make-store: %s: %s\n", what, g->e.msg[0] ? g->e.msg : "lỗi");
	return 1;
}

static int add_unit(struct gen *g, struct body *b, const char *kind, const char *name,
		    int64_t organ, int64_t lower)
{
	struct reg_unit u = {.body_id = b->id,
			     .kind = kind,
			     .name = name,
			     .organ_id = organ,
			     .lower_body_id = lower};
	int64_t id;
	int r;

	if (b->nunits == MAXUNITS)
		return 0;
	r = reg_unit_add(g->db, &u, &id, &g->e);
	if (r == 0)
		b->units[b->nunits++] = id;
	return r;
}

/* A body with its two terms, its committee, standing committee and office, and its own units. */
static int add_body(struct gen *g, int64_t parent, enum reg_level level, const char *name,
		    const char *short_name, const char *code, const char *place, int64_t *ret)
{
	struct reg_body rb = {.parent_id = parent,
			      .level = level,
			      .kind = REG_PARTY,
			      .name = name,
			      .short_name = short_name,
			      .code = code,
			      .place = place};
	struct reg_term t1 = {.name = "nhiệm kỳ 2020-2025", .year_from = 2020, .year_to = 2025};
	struct reg_term t2 = {.name = "nhiệm kỳ 2025-2030", .year_from = 2025, .year_to = 2030};
	struct reg_organ bch = {.kind = "bch"}, btv = {.kind = "btv"}, vp = {.kind = "vp"};
	char s1[200], s2[200], s3[200], un[200];
	static const char *const depts[] = {"Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận",
					    "Ủy ban Kiểm tra"};
	struct body *b;
	int r;

	if (g->nb == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 256;
		struct body *nb = realloc(g->b, cap * sizeof(*nb));

		if (!nb)
			return ERR_NOMEM;
		g->b = nb;
		g->cap = cap;
	}
	b = &g->b[g->nb];
	memset(b, 0, sizeof(*b));
	b->parent = parent;
	b->code = code;
	r = reg_body_add(g->db, &rb, &b->id, &g->e);
	t1.body_id = t2.body_id = bch.body_id = btv.body_id = vp.body_id = b->id;
	snprintf(s1, sizeof(s1), "Ban Chấp hành Đảng bộ %s", place);
	snprintf(s2, sizeof(s2), "Ban Thường vụ %s", name);
	snprintf(s3, sizeof(s3), "Văn phòng %s", name);
	bch.name = s1;
	btv.name = s2;
	vp.name = s3;
	if (r == 0)
		r = reg_term_add(g->db, &t1, &b->term1, &g->e);
	if (r == 0)
		r = reg_term_add(g->db, &t2, &b->term2, &g->e);
	if (r == 0)
		r = reg_organ_add(g->db, &bch, &b->bch, &g->e);
	if (r == 0)
		r = reg_organ_add(g->db, &btv, &b->btv, &g->e);
	if (r == 0) {
		int64_t vpid;

		r = reg_organ_add(g->db, &vp, &vpid, &g->e);
		if (r == 0)
			r = add_unit(g, b, "organ", s3, vpid, 0);
		if (r == 0)
			r = add_unit(g, b, "organ", s2, b->btv, 0);
	}
	if (level == REG_XA) {
		snprintf(un, sizeof(un), "Ủy ban nhân dân xã %s", place);
		if (r == 0)
			r = add_unit(g, b, "agency", un, 0, 0);
		snprintf(un, sizeof(un), "Ủy ban Mặt trận Tổ quốc xã %s", place);
		if (r == 0)
			r = add_unit(g, b, "agency", un, 0, 0);
	} else {
		for (size_t i = 0; r == 0 && i < sizeof(depts) / sizeof(depts[0]); i++) {
			snprintf(un, sizeof(un), "%s %s", depts[i], name);
			r = add_unit(g, b, "agency", un, 0, 0);
		}
	}
	b->nown = b->nunits;
	if (r < 0)
		return r;
	g->nb++;
	*ret = b->id;
	return 0;
}

static struct body *body_of(struct gen *g, int64_t id)
{
	for (size_t i = 0; i < g->nb; i++)
		if (g->b[i].id == id)
			return &g->b[i];
	return NULL;
}

/* A lower body: added under parent, with the parent's unit of kind lower_body standing for it. */
static int add_lower(struct gen *g, int64_t parent, enum reg_level level, const char *name,
		     const char *short_name, const char *code, const char *place, int64_t *ret)
{
	int r = add_body(g, parent, level, name, short_name, code, place, ret);

	if (r == 0)
		r = add_unit(g, body_of(g, parent), "lower_body", name, 0, *ret);
	return r;
}

static int make_tree(struct gen *g, int nbodies)
{
	int64_t tu, hu, xa;
	char name[300], place[200];
	int r, extra = nbodies - (1 + NDISTRICTS + NDISTRICTS * NCOMMUNES);

	r = add_body(g, 0, REG_TINH, "Tỉnh ủy Bắc Giang", "Tỉnh ủy", "TU", "tỉnh Bắc Giang", &tu);
	for (int d = 0; r == 0 && d < NDISTRICTS; d++) {
		int ncomm = NCOMMUNES + (extra > 0 ? (extra + NDISTRICTS - 1 - d) / NDISTRICTS : 0);

		/* The last is the province's city: a Thành ủy. */
		snprintf(name, sizeof(name), "%s %s", d == NDISTRICTS - 1 ? "Thành ủy" : "Huyện ủy",
			 districts[d]);
		g->district[d] = g->nb;
		r = add_lower(g, tu, REG_HUYEN, name, d == NDISTRICTS - 1 ? "Thành ủy" : "Huyện ủy",
			      "HU", districts[d], &hu);
		if (r == 0 && d == 0) {
			g->tan_yen = hu;
			g->tan_yen_office = g->b[g->nb - 1].units[0];
		}
		for (int c = 0; r == 0 && c < ncomm; c++) {
			if (d == 0 && c < NCOMMUNES)
				snprintf(place, sizeof(place), "%s", tan_yen_communes[c]);
			else
				snprintf(place, sizeof(place), "Xã %02d %s", c + 1, districts[d]);
			snprintf(name, sizeof(name), "Đảng ủy xã %s", place);
			r = add_lower(g, hu, REG_XA, name, "Đảng ủy", "ĐU", place, &xa);
			if (r == 0 && d == 0 && c == 0)
				g->lien_son = xa;
		}
	}
	return r;
}

/* The demo's accounts (src/core/demo/demo_web.c): the same logins, passwords and scopes. */
static int make_accounts(struct gen *g)
{
	static const struct {
		const char *login, *name, *role;
	} acc[] = {
	    {"admin", "Quản trị hệ thống", "admin"},
	    {"vanphong", "Văn phòng Huyện ủy", "office"},
	    {"uyvien", "Ủy viên Ban Thường vụ", "member"},
	    {"xem", "Người xem", "viewer"},
	};
	char pw[64];
	int r = 0;

	for (size_t i = 0; r == 0 && i < sizeof(acc) / sizeof(acc[0]); i++) {
		bool scoped = strcmp(acc[i].role, "admin") != 0;

		snprintf(pw, sizeof(pw), "demo-%s", acc[i].login);
		r = account_insert(g->db, acc[i].login, acc[i].name, acc[i].role, 0, &g->tan_yen,
				   scoped, pw, NULL, &g->e);
	}
	if (r == 0)
		r = account_insert(g->db, "lienson", "Văn phòng Đảng ủy xã Liên Sơn", "office", 0,
				   &g->lien_son, 1, "demo-lienson", NULL, &g->e);
	if (r == 0)
		r = account_insert(g->db, "donvi", "Đơn vị báo cáo", "reporter", g->tan_yen_office,
				   &g->tan_yen, 1, "demo-donvi", NULL, &g->e);
	return r;
}

static struct vn_date day_from(struct vn_date base, int days)
{
	return vn_date_add_days(base, days);
}

/* A document of body b, dated date: numbered from a store-wide counter, so symbols never clash. */
static int make_doc(struct gen *g, struct body *b, const char *date, int64_t *ret)
{
	const char *type = doc_types[rnd(g, sizeof(doc_types) / sizeof(doc_types[0]))];
	char symbol[64], title[200];
	struct reg_doc d = {.type_code = type,
			    .body_id = b->id,
			    .organ_id = b->btv,
			    .term_id = strcmp(date, "2025-10-01") < 0 ? b->term1 : b->term2,
			    .symbol = symbol,
			    .date = date,
			    .title = title,
			    .status = "issued"};
	int r;

	snprintf(symbol, sizeof(symbol), "%ld-%s/%s", ++g->docnum, type, b->code);
	snprintf(title, sizeof(title), "%s về %s", strcmp(type, "TB") == 0 ? "Kết luận" : "Chỉ đạo",
		 task_texts[rnd(g, sizeof(task_texts) / sizeof(task_texts[0]))]);
	r = reg_doc_add(g->db, &d, ret, &g->e);
	if (r == 0 && strcmp(type, "TB") == 0)
		b->last_tb = *ret;
	g->rows++;
	return r;
}

static int make_session(struct gen *g, struct body *b, const char *date)
{
	struct reg_session s = {.organ_id = rnd(g, 3) ? b->btv : b->bch,
				.term_id = strcmp(date, "2025-10-01") < 0 ? b->term1 : b->term2,
				.kind = "thuong_ky",
				.date = date,
				.place = "Hội trường",
				.status = "concluded"};

	g->rows++;
	return reg_session_add(g->db, &s, NULL, NULL, &g->e);
}

/*
 * Task i: its body, lead (a unit of its own or a lower body's), source notice,
 * a deadline fitting the status drawn, and its timeline.
 */
static int make_task(struct gen *g, long i)
{
	/* A province assigns a tenth of the tasks, the districts three tenths, communes the rest. */
	unsigned pick = rnd(g, 10);
	size_t bi = pick == 0 ? 0 : pick < 4 ? g->district[rnd(g, NDISTRICTS)] : 0;
	struct body *b;
	enum task_status st = (enum task_status)(i % TASK_NSTATUS);
	struct vn_date start = {2020, 1, 1}, assigned, due = {0, 0, 0}, done = {0, 0, 0};
	int span = vn_date_diff_days(start, g->today), lead, coord = -1;
	char lead_s[24], coord_s[24], as[11], due_s[11], done_s[11], words[64], day[11], pct[12];
	const char *leads[1], *coords[1];
	struct task_deadline dl = {0};
	struct task_input in = {0};
	int64_t id, ev;
	int r, nreports;

	while (pick >= 4 && (bi == 0 || g->b[bi].parent == g->b[0].id))
		bi = 1 + rnd(g, (unsigned)g->nb - 1);
	b = &g->b[bi];
	lead = (int)rnd(g, (unsigned)b->nunits);
	if (b->nunits > 1 && rnd(g, 3) == 0)
		coord = (int)((lead + 1 + rnd(g, (unsigned)b->nunits - 1)) % b->nunits);
	/* Assigned between 2020 and today; a deadline that gives the status drawn. */
	switch (st) {
	case TASK_OPEN_IN_TIME:
		due = day_from(g->today, 1 + (int)rnd(g, 365));
		assigned = day_from(g->today, -(int)rnd(g, 200));
		break;
	case TASK_OPEN_OVERDUE:
	case TASK_DONE_ON_TIME:
	case TASK_DONE_LATE:
		assigned = day_from(start, (int)rnd(g, (unsigned)span - 120));
		due = day_from(assigned, 15 + (int)rnd(g, 90));
		if (st == TASK_DONE_ON_TIME)
			done = day_from(due, -(int)rnd(g, 14));
		else if (st == TASK_DONE_LATE)
			done = day_from(due, 1 + (int)rnd(g, 20));
		break;
	default:
		assigned = day_from(start, (int)rnd(g, (unsigned)span));
		break;
	}
	vn_date_iso(assigned, as);
	if (!vn_date_is_none(due)) {
		vn_date_iso(due, due_s);
		snprintf(words, sizeof(words), "trước ngày %02d/%02d/%04d", due.d, due.m, due.y);
		dl = (struct task_deadline){.kind = TASK_DL_DATE, .words = words, .due = due};
	} else {
		dl = (struct task_deadline){.kind = TASK_DL_STANDING, .words = "thường xuyên"};
	}
	if (g->docnum < g->ndocs && (rnd(g, 3) == 0 || !b->last_tb)) {
		int64_t doc;

		/* A new notice of this body (its date the assignment's), the source of what follows. */
		r = make_doc(g, b, as, &doc);
		if (r < 0)
			return r;
	}
	snprintf(lead_s, sizeof(lead_s), "%lld", (long long)b->units[lead]);
	leads[0] = lead_s;
	in.body_id = b->id;
	in.source_doc_id = b->last_tb;
	in.content = task_texts[rnd(g, sizeof(task_texts) / sizeof(task_texts[0]))];
	in.assigned_on = as;
	in.dl = &dl;
	in.leads = leads;
	in.nleads = 1;
	if (coord >= 0) {
		snprintf(coord_s, sizeof(coord_s), "%lld", (long long)b->units[coord]);
		coords[0] = coord_s;
		in.coords = coords;
		in.ncoords = 1;
	}
	r = task_insert(g->db, &in, &id, &g->e);
	if (r < 0)
		return r;
	g->rows++;
	/* One or two progress reports, between the assignment and the end (or today). */
	nreports = 1 + (int)rnd(g, 2);
	{
		struct vn_date end = vn_date_is_none(done) ? g->today : done;
		int len = vn_date_diff_days(assigned, end);

		for (int k = 0; k < nreports; k++) {
			bool last = k == nreports - 1 && !vn_date_is_none(done);
			struct vn_date on =
			    last ? end
				 : day_from(assigned,
					    len > 0 ? (int)((long)len * (k + 1) / (nreports + 1))
						    : 0);
			struct task_report_input ri = {.unit = lead_s,
						       .on_date = day,
						       .text = last ? report_texts[3]
								    : report_texts[k % 3],
						       .percent = pct,
						       .close_request = last};

			vn_date_iso(on, day);
			snprintf(pct, sizeof(pct), "%d", last ? 100 : 30 * (k + 1));
			r = task_report_tx(g->db, id, &ri, &ev, &g->e);
			if (r < 0)
				return r;
			g->rows++;
		}
	}
	if (!vn_date_is_none(done)) {
		vn_date_iso(done, done_s);
		r = task_confirm_tx(g->db, id, done_s, NULL, &g->e);
		if (r < 0)
			return r;
		g->rows++;
	}
	/* A session every twentieth task, held on the assignment day. */
	if (i % 20 == 19 && (r = make_session(g, b, as)) < 0)
		return r;
	if (rnd(g, 3) != 0 && g->docnum < g->ndocs) {
		int64_t doc;

		/* Documents that assign nothing (reports, plans) make up the N. */
		r = make_doc(g, b, as, &doc);
	}
	return r;
}

/* The year's figures of every body but one commune in five (a commune has no lower body). */
static int make_figures(struct gen *g, long *ret_n)
{
	static const char *const codes[] = {"industry", "trade_services", "agriculture",
					    "investment", "revenue"};
	long n = 0;
	int r = 0;

	for (size_t i = 0; r == 0 && i < g->nb; i++) {
		if (g->b[i].nunits == g->b[i].nown && i % 5 == 0)
			continue;
		for (size_t k = 0; r == 0 && k < sizeof(codes) / sizeof(codes[0]); k++) {
			struct ind_value_in v = {.ind_code = codes[k],
						 .body_id = g->b[i].id,
						 .period_code = FIGURES_PERIOD,
						 .kind = IND_ACTUAL,
						 .value = vn_dec_int(10 + rnd(g, 500)),
						 .source = "make-store"};

			r = ind_value_set(g->db, &v, &g->e);
			n++;
		}
	}
	*ret_n = n;
	g->rows += n;
	return r;
}

/*
 * Every connection make-store opens gets a page cache of 512 MiB: the store
 * grows to gigabytes, and with SQLite's default 2 MiB every index insert past
 * the first pages reads them again from the file. Only the bench's own
 * connection is tuned; the rows still go through the core and its triggers.
 */
static int big_cache(sqlite3 *h, const char **err, const struct sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	return sqlite3_exec(h, "PRAGMA cache_size = -524288", NULL, NULL, NULL);
}

static int usage(void)
{
	fprintf(stderr, "dùng: make-store [--bodies B] N TỆP (N nhiệm vụ, N văn bản, N/20 phiên "
			"họp; TỆP chưa có)\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct gen g = {.seed = 20251201};
	long n, nbodies = 1 + NDISTRICTS + NDISTRICTS * NCOMMUNES, docs_target, nfigures = 0;
	const char *path;
	struct stat sb;
	double t0, t1;
	char *end;
	int r, ai = 1;

	if (argc >= 3 && strcmp(argv[1], "--bodies") == 0) {
		nbodies = strtol(argv[2], &end, 10);
		if (*end || nbodies < 1 + NDISTRICTS + NDISTRICTS * NCOMMUNES || nbodies > 100000) {
			fprintf(stderr, "make-store: --bodies '%s': cần một số từ %d đến 100000\n",
				argv[2], 1 + NDISTRICTS + NDISTRICTS * NCOMMUNES);
			return 2;
		}
		ai = 3;
	}
	if (argc - ai != 2)
		return usage();
	n = strtol(argv[ai], &end, 10);
	if (*end || n < 0 || n > 100000000) {
		fprintf(stderr, "make-store: số nhiệm vụ '%s' không hợp lệ\n", argv[ai]);
		return 2;
	}
	g.ndocs = n;
	path = argv[ai + 1];
	if (stat(path, &sb) == 0) {
		fprintf(stderr, "make-store: %s: tệp đã có; chọn tên khác hoặc xóa trước\n", path);
		return 2;
	}
	/* A store built in one go: durability per batch is not needed. */
	setenv("DONDOC_SYNCHRONOUS", "normal", 0);
	sqlite3_auto_extension((void (*)(void))big_cache);
	g.today = vn_date_today();
	t0 = now_s();
	if (db_open(path, DB_CREATE, &g.db, &g.e) < 0)
		return fail(&g, path);
	r = db_begin_e(g.db, &g.e);
	if (r == 0)
		r = make_tree(&g, (int)nbodies);
	if (r == 0)
		r = make_accounts(&g);
	if (r == 0)
		r = db_end(g.db, r, &g.e);
	else
		db_end(g.db, r, &g.e);
	if (r < 0)
		return fail(&g, "cơ quan, đơn vị, tài khoản");
	t1 = now_s();
	printf("make-store: %zu bodies with their units and accounts in %.1f s\n", g.nb, t1 - t0);
	fflush(stdout);
	for (long i = 0; r == 0 && i < n; i += BATCH) {
		r = db_begin_e(g.db, &g.e);
		for (long k = i; r == 0 && k < i + BATCH && k < n; k++)
			r = make_task(&g, k);
		r = db_end(g.db, r, &g.e);
		if (r == 0 && (i / BATCH) % 20 == 19) {
			double t = now_s() - t1;

			printf("make-store: %ld tasks, %.0f s, %.0f rows/s\n", i + BATCH, t,
			       g.rows / t);
			fflush(stdout);
		}
	}
	if (r < 0)
		return fail(&g, "nhiệm vụ");
	/* Top the documents up to N: the tasks' notices and other documents fall a little short. */
	docs_target = n;
	r = db_begin_e(g.db, &g.e);
	while (r == 0 && g.docnum < docs_target) {
		int64_t doc;
		char date[11];

		vn_date_iso(day_from((struct vn_date){2020, 1, 1}, (int)rnd(&g, 2500)), date);
		r = make_doc(&g, &g.b[rnd(&g, (unsigned)g.nb)], date, &doc);
		if (r == 0 && g.docnum % BATCH == 0) {
			r = db_end(g.db, r, &g.e);
			if (r == 0)
				r = db_begin_e(g.db, &g.e);
		}
	}
	if (r == 0)
		r = make_figures(&g, &nfigures);
	r = db_end(g.db, r, &g.e);
	if (r < 0)
		return fail(&g, "văn bản, số liệu chỉ tiêu");
	t1 = now_s() - t1;
	printf("make-store: %s: %ld tasks, %ld documents, %ld sessions, %zu bodies, %ld figures "
	       "of %s; %lld rows in %.1f s (%.0f rows/s, %.0f tasks/s); total %.1f s\n",
	       db_path(g.db), n, g.docnum, n / 20, g.nb, nfigures, FIGURES_PERIOD, g.rows, t1,
	       t1 > 0 ? g.rows / t1 : 0.0, t1 > 0 ? n / t1 : 0.0, now_s() - t0);
	db_close(g.db);
	free(g.b);
	return 0;
}
