/* test_import.c: the importer's reading of references, figures, tasks and files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cmocka.h>
#include <pango/pangocairo.h>

#include "import/imp_pdf.h"
#include "import/import.h"

struct fx {
	struct arena *a;
	struct imp_notice *n;
};

static struct imp_notice *extract(void **state, const char *text)
{
	struct fx *f = *state;
	struct err e = {0};

	assert_int_equal(imp_extract(text, strlen(text), f->a, &f->n, &e), 0);
	return f->n;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	f->a = arena_new(16u << 20);
	*state = f;
	return f->a ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	arena_free(f->a);
	free(f);
	return 0;
}

static void test_reference_forms(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nTheo Nghị quyết số 22-NQ/HU ngày 15/4/2021, Kết luận số 100 - "
		   "KL/TW ngày 18/8/2014, Công văn số 6202/UBND-KT, ngày 23/11/2023, Nghị định số "
		   "68/2017/NĐ-CP và Văn bản số 5658/BCT-CTĐP.\n");
	char iso[11];

	assert_int_equal(n->nrefs, 5);
	assert_string_equal(n->refs[0].symbol, "22-NQ/HU");
	vn_date_iso(n->refs[0].date, iso);
	assert_string_equal(iso, "2021-04-15");
	assert_string_equal(n->refs[1].symbol, "100-KL/TW");
	assert_string_equal(n->refs[1].kind, "KL");
	vn_date_iso(n->refs[1].date, iso);
	assert_string_equal(iso, "2014-08-18");
	assert_string_equal(n->refs[2].issuer, "UBND");
	assert_string_equal(n->refs[2].unit, "KT");
	assert_string_equal(n->refs[2].kind, "CV");
	vn_date_iso(n->refs[2].date, iso);
	assert_string_equal(iso, "2023-11-23");
	assert_string_equal(n->refs[3].kind, "NĐ");
	assert_string_equal(n->refs[3].issuer, "CP");
	assert_int_equal(n->refs[3].year, 2017);
	assert_true(vn_date_is_none(n->refs[3].date));
	assert_string_equal(n->refs[4].issuer, "BCT");
	assert_string_equal(n->refs[4].kind_name, "Văn bản");
}

static void test_two_plans_and_parents(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nThu ngân sách ước đạt 512,6 tỷ đồng, đạt 126,3% dự toán tỉnh giao "
		   "và 117,6% dự toán HĐND huyện giao, tăng 8,4% so với cùng kỳ; trong đó, thu "
		   "tiền sử dụng đất 200,1 tỷ đồng, giảm 3,5% so cùng kỳ; thu thuế 312,5 tỷ "
		   "đồng. Chi ngân sách 300 tỷ đồng.\n");

	assert_int_equal(n->nfigs, 4);
	assert_int_equal(n->figs[0].nplans, 2);
	assert_int_equal(n->figs[0].plans[0].pct.units, 1263);
	assert_string_equal(n->figs[0].plans[0].kind, "dự toán tỉnh giao");
	assert_string_equal(n->figs[0].plans[1].kind, "dự toán HĐND huyện giao");
	assert_true(n->figs[0].estimate);
	assert_int_equal(n->figs[0].growth_pct.units, 84);
	assert_string_equal(n->figs[1].parent, n->figs[0].id);
	assert_int_equal(n->figs[1].growth_pct.units, -35);
	assert_string_equal(n->figs[2].parent, n->figs[0].id);
	assert_true(n->figs[0].sums_to_total);
	assert_null(n->figs[3].parent); /* a new sentence closes "trong đó" */
}

/* Lines a PDF wrapped at a figure, at the dash of "kinh tế - xã hội" or after a symbol's slash. */
static void test_wrapped_lines_join(void **state)
{
	struct imp_notice *n =
	    extract(state, "THÔNG BÁO\n\nPhát triển kinh tế\n- xã hội theo Chỉ thị số 19-CT/\nTU; "
			   "giá trị sản xuất ước đạt\n4.260 tỷ đồng, tăng 10,2% so với cùng kỳ.\n"
			   "2. Giao Văn phòng theo dõi.\n");

	assert_int_equal(n->nrefs, 1);
	assert_string_equal(n->refs[0].symbol, "19-CT/TU");
	assert_int_equal(n->nfigs, 1);
	assert_int_equal(vn_dec_cmp(n->figs[0].value, (struct vn_dec){4260, 0}), 0);
	assert_true(n->figs[0].estimate);
	assert_int_equal(n->figs[0].growth_pct.units, 102);
}

static void test_tasks(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "THÔNG BÁO\n\nNgày 04/10/2023, Ban Thường vụ Huyện ủy họp.\n\n2. Giao UBND huyện "
	    "chủ trì, phối hợp với Ban Tuyên giáo Huyện ủy và các cơ quan liên quan xây dựng "
	    "kế hoạch, hoàn thành trước ngày 10/12/2023.\n\n3. Yêu cầu các đồng chí Bí thư "
	    "chi bộ khẩn trương rà soát trong 02 tháng tới, báo cáo kết quả về Thường trực "
	    "Huyện ủy.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 2);
	assert_string_equal(n->tasks[0].lead, "UBND huyện");
	assert_int_equal(n->tasks[0].ncoord, 2);
	assert_string_equal(n->tasks[0].coord[0], "Ban Tuyên giáo Huyện ủy");
	assert_string_equal(n->tasks[0].what, "xây dựng kế hoạch");
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2023-12-10");
	assert_int_equal(n->tasks[0].section, 2);
	vn_date_iso(n->tasks[1].dl.due, iso);
	assert_string_equal(iso, "2023-12-04");
	assert_string_equal(n->tasks[1].report_to, "Thường trực Huyện ủy");
}

/*
 * The phrasings of issue 17's first three kinds: a chain, "có trách nhiệm", a list after
 * a colon, the deadline in the next sentence or named by an event, and the verb
 * "thực hiện" that stays in a task without deadline.
 */
static void test_task_phrasings(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "THÔNG BÁO\n\nNgày 04/10/2023, Ban Thường vụ Huyện ủy họp.\n\n1. Giao nhiệm vụ cho "
	    "Văn phòng Huyện ủy theo dõi việc thực hiện; Ban Tổ chức Huyện ủy đôn đốc các chi bộ, "
	    "hoàn thành trong tháng 12/2023.\n\n2. Các phòng, ban chuyên môn có trách nhiệm rà "
	    "soát "
	    "hồ sơ, xong trước Tết Nguyên đán.\n\n3. Giao các phòng: Nội vụ, Tư pháp, Tài chính - "
	    "Kế "
	    "hoạch lập danh sách, báo cáo kết quả về Văn phòng Huyện ủy trước ngày "
	    "20/12/2023.\n\n4. "
	    "Giao Phòng Tư pháp thẩm định dự thảo. Thời gian hoàn thành trước ngày "
	    "15/11/2023.\n\n5. "
	    "Giao Phòng Nội vụ tổ chức thực hiện.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 8);
	assert_string_equal(n->tasks[0].assignees[0], "Văn phòng Huyện ủy");
	/* ", hoàn thành trong tháng 12/2023" closes the chain: both units' deadline */
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2023-12-31");
	assert_string_equal(n->tasks[1].assignees[0], "Ban Tổ chức Huyện ủy");
	vn_date_iso(n->tasks[1].dl.due, iso);
	assert_string_equal(iso, "2023-12-31");
	assert_string_equal(n->tasks[2].assignees[0], "Các phòng, ban chuyên môn");
	assert_string_equal(n->tasks[2].event, "trước Tết Nguyên đán");
	assert_string_equal(n->tasks[2].what, "rà soát hồ sơ");
	assert_string_equal(n->tasks[3].lead, "Phòng Nội vụ");
	assert_string_equal(n->tasks[5].lead, "Phòng Tài chính - Kế hoạch");
	vn_date_iso(n->tasks[5].dl.due, iso);
	assert_string_equal(iso, "2023-12-20");
	vn_date_iso(n->tasks[6].dl.due, iso);
	assert_string_equal(iso, "2023-11-15");
	assert_non_null(strstr(n->tasks[6].sentence, "thẩm định dự thảo"));
	assert_string_equal(n->tasks[7].what, "tổ chức thực hiện");
}

/* What is not understood is listed with its line, never dropped. */
static void test_warnings(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nNgày 04/10/2023, Ban Thường vụ Huyện ủy họp.\n\n1. Giao nghiên "
		   "cứu thêm phương án.\n\n2. Đường tỉnh 398 đã thông xe.\n");

	assert_int_equal(n->ntasks, 0);
	assert_int_equal(n->nwarnings, 4); /* the task, the number, no signature, no recipients */
	assert_int_equal(n->warnings[0].line, 5);
	assert_non_null(strstr(n->warnings[0].text, "Giao nghiên cứu"));
	assert_int_equal(n->warnings[1].line, 7);
	assert_non_null(strstr(n->warnings[1].text, "398"));
}

/* Two header columns run together, as a PDF's text layer gives them. */
static void test_merged_header(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "HUYỆN ỦY TÂN YÊN ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 512-TB/HU Tân Yên, ngày 04 tháng "
	    "10 năm 2023\n\nTHÔNG BÁO\nKết luận của Ban Thường vụ\n\nNgày 02/10/2023, Ban "
	    "Thường vụ Huyện ủy họp.\n");
	char iso[11];

	assert_string_equal(n->issuer, "Huyện ủy Tân Yên");
	assert_string_equal(n->symbol, "512-TB/HU");
	assert_int_equal(n->number, 512);
	assert_string_equal(n->place, "Tân Yên");
	vn_date_iso(n->date, iso);
	assert_string_equal(iso, "2023-10-04");
	vn_date_iso(n->session_date, iso);
	assert_string_equal(iso, "2023-10-02");
	assert_string_equal(n->organ, "Ban Thường vụ Huyện ủy");
}

/* Phrasings of real notices: a heading "Về …:", a directive with no unit that gives the
 * sentence before its deadline, a list of departments ended by "theo chức năng", the
 * document's own number with its hyphen lost. */
static void test_heldout_phrasings(void **state)
{
	struct imp_notice *n = extract(
	    state, "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 77/TBUBND\n\nTHÔNG BÁO\nÝ kiến chỉ đạo\n\n"
		   "Ngày 04/10/2023, Chủ tịch UBND tỉnh chủ trì cuộc họp.\n\n1. Về kết quả: "
		   "Quý III năm 2023, thu ngân sách đạt 12 tỷ đồng.\n\n2. Giao Sở Xây dựng chủ trì "
		   "phối hợp với Sở Tài chính rà soát các dự án. Yêu cầu hoàn thành, báo cáo UBND "
		   "tỉnh trước ngày 20/11/2023.\n\n3. Giao các sở: Y tế, Tài nguyên và Môi trường "
		   "theo chức năng, nhiệm vụ hướng dẫn các xã.\n");
	char iso[11];

	assert_string_equal(n->symbol, "77/TB-UBND");
	assert_int_equal(n->number, 77);
	assert_int_equal(n->ntasks, 3);
	assert_string_equal(n->tasks[0].assignees[0], "Sở Xây dựng");
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2023-11-20");
	assert_string_equal(n->tasks[1].lead, "Sở Y tế");
	assert_string_equal(n->tasks[2].lead, "Sở Tài nguyên và Môi trường");
}

/* A numbered item "N. UNIT verb …" assigns; "UNIT đã …" and "UNIT thông báo …" report. */
static void test_numbered_unit_items(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nNgày 04/10/2023, Chủ tịch UBND tỉnh họp.\n\n1. UBND huyện đã tổ "
		   "chức thực hiện tốt các nhiệm vụ.\n\n2. UBND huyện Tân Phước khẩn trương hoàn "
		   "thành công tác bồi thường; thời gian hoàn thành trong tháng 12/2024.\n\n3. "
		   "Yêu cầu các chủ đầu tư lập tiến độ chi tiết, gửi Sở Xây dựng trước ngày "
		   "05/9/2024; Sở Xây dựng kiểm tra, báo cáo UBND tỉnh.\n\n4. Đảng đoàn HĐND tỉnh "
		   "lãnh đạo việc giám sát.\n\nVăn phòng UBND tỉnh thông báo để các cơ quan, đơn "
		   "vị biết, thực hiện.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 4);
	assert_string_equal(n->tasks[0].assignees[0], "UBND huyện Tân Phước");
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2024-12-31");
	assert_string_equal(n->tasks[1].assignees[0], "Các chủ đầu tư");
	assert_string_equal(n->tasks[2].assignees[0], "Sở Xây dựng");
	assert_string_equal(n->tasks[3].assignees[0], "Đảng đoàn HĐND tỉnh");
}

/*
 * Counts of nouns beyond the figure table's units: animals after "con" (with the animal
 * named), pupils, certificates, and a multiplier between the number and the noun.
 */
static void test_count_nouns(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nNgày 02/6/2025, Ủy ban nhân dân phường họp.\n\n1. Đàn trâu, bò "
		   "có 2.340 con trâu, bò; đàn gà khoảng 1,5 triệu con. Các trường đón 845 học "
		   "sinh; cấp 612 giấy chứng nhận quyền sử dụng đất; đón 3,1 triệu lượt khách và "
		   "2.450 lượt đoàn viên.\n");
	static const struct {
		const char *what;
		long long value;
	} want[] = {
	    {"con trâu", 2340},	      {"con", 1500000},	       {"học sinh", 845},
	    {"giấy chứng nhận", 612}, {"lượt khách", 3100000}, {"lượt đoàn viên", 2450},
	};

	assert_int_equal(n->ncounts, 6);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_string_equal(n->counts[i].what, want[i].what);
		assert_int_equal(n->counts[i].value, want[i].value);
	}
	assert_int_equal(n->nfigs, 0);
}

/*
 * "Giao nhiệm vụ cho A …; B …, hoàn thành trước ngày …" closing a chain dates every
 * unit of it; a date in the middle of a chain stays with its own unit.
 */
static void test_chain_deadline(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nNgày 02/6/2025, Thị ủy họp.\n\n1. Giao nhiệm vụ cho Phòng Nội vụ "
		   "rà soát biên chế các phường; Phòng Tư pháp thẩm định các văn bản, hoàn thành "
		   "trước ngày 20/6/2025.\n\n2. Giao nhiệm vụ cho Ban Dân vận lập danh sách; Ban "
		   "Tuyên giáo biên soạn tài liệu, hoàn thành trước ngày 15/7/2025; Văn phòng "
		   "Thị ủy tổng hợp.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 5);
	assert_string_equal(n->tasks[0].assignees[0], "Phòng Nội vụ");
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2025-06-20");
	assert_string_equal(n->tasks[1].assignees[0], "Phòng Tư pháp");
	vn_date_iso(n->tasks[1].dl.due, iso);
	assert_string_equal(iso, "2025-06-20");
	assert_int_equal(n->tasks[2].dl.kind, TASK_DL_NONE);
	vn_date_iso(n->tasks[3].dl.due, iso);
	assert_string_equal(iso, "2025-07-15");
	assert_int_equal(n->tasks[4].dl.kind, TASK_DL_NONE);
}

/*
 * A directive after the issuer's name or an opening phrase assigns; a sentence that
 * opens a list, and a closing one that only restates the document, do not.
 */
static void test_mid_directive(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "THÔNG BÁO\n\nNgày 02/6/2025, Chủ tịch UBND thị xã họp.\n\n1. Căn cứ kết quả "
	    "rà soát, Ủy ban nhân dân thị xã đề nghị UBND các phường kiểm tra hộ kinh doanh, "
	    "báo cáo trước ngày 10/7/2025.\n\n2. Trong tháng tới, giao Phòng Y tế kiểm tra "
	    "an toàn thực phẩm.\n\n3. Ban Thường vụ Thị ủy yêu cầu các cấp ủy thực hiện tốt "
	    "các nội dung sau:\n\n4. Nhận được văn bản này, đề nghị các đơn vị khẩn trương "
	    "triển khai thực hiện./.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 2);
	assert_string_equal(n->tasks[0].assignees[0], "UBND các phường");
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2025-07-10");
	assert_string_equal(n->tasks[1].assignees[0], "Phòng Y tế");
}

/*
 * A unit qualified by a plural of places before its colon ("Chi cục Thuế các quận: …"),
 * Party committees listed after "các huyện ủy:", a date given by the next sentence
 * ("Thời gian gửi …", "Thời hạn: …", never a unit "Thời hạn"), a name with a comma
 * ("Phòng Kinh tế, Hạ tầng và Đô thị"); "Hạn chế: …", "Nguyên nhân: …" are headings.
 */
static void test_lists_and_next_dates(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "THÔNG BÁO\n\nNgày 05/3/2026, Chủ tịch UBND thành phố họp.\n\n1. Đề nghị Chi cục "
	    "Thuế các quận: Hải Châu, Sơn Trà rà soát hộ kinh doanh.\n\n2. Yêu cầu các huyện "
	    "ủy: Hòa Vang, Cẩm Lệ chỉ đạo kiểm tra.\n\n3. Sở Nội vụ tham mưu kiện toàn tổ "
	    "công tác. Thời gian gửi UBND thành phố trước ngày 20/3/2026.\n\n4. Giao Sở Công "
	    "Thương kiểm tra thị trường. Thời hạn: trước ngày 25/3/2026.\n\n5. Phòng Kinh tế, "
	    "Hạ tầng và Đô thị chủ trì lập hồ sơ.\n\n6. Hạn chế: một số đơn vị chậm báo cáo.\n"
	    "\n7. Nguyên nhân: cán bộ thiếu.\n\n8. Giao UBND các xã: rà soát hộ nghèo.\n");
	char iso[11];

	assert_int_equal(n->ntasks, 8);
	assert_string_equal(n->tasks[0].lead, "Chi cục Thuế quận Hải Châu");
	assert_string_equal(n->tasks[1].lead, "Chi cục Thuế quận Sơn Trà");
	assert_string_equal(n->tasks[2].lead, "Huyện ủy Hòa Vang");
	assert_string_equal(n->tasks[3].lead, "Huyện ủy Cẩm Lệ");
	assert_string_equal(n->tasks[4].assignees[0], "Sở Nội vụ");
	vn_date_iso(n->tasks[4].dl.due, iso);
	assert_string_equal(iso, "2026-03-20");
	assert_string_equal(n->tasks[5].assignees[0], "Sở Công Thương");
	vn_date_iso(n->tasks[5].dl.due, iso);
	assert_string_equal(iso, "2026-03-25");
	assert_string_equal(n->tasks[6].assignees[0], "Phòng Kinh tế, Hạ tầng và Đô thị");
	assert_string_equal(n->tasks[7].assignees[0], "UBND các xã");
}

/*
 * Names that hold a verb ("tổ chức đảng", "dự án đầu tư xây dựng"), the Front and the
 * organisations named together, units ending at "theo nhiệm vụ …"; a line "NAME: value"
 * and a report of what was done ("… đã kiểm tra …" under "KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
 * assign nothing.
 */
static void test_unit_names(void **state)
{
	struct imp_notice *n = extract(
	    state,
	    "THÔNG BÁO\n\nNgày 02/6/2025, Thị ủy họp.\n\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n\n"
	    "Ủy ban Kiểm tra các cấp đã kiểm tra 12 tổ chức đảng.\n\n- Tổng thu ngân sách: "
	    "95 tỷ đồng.\n\nII. NHIỆM VỤ THỜI GIAN TỚI\n\n1. Các cấp ủy, tổ chức đảng tăng "
	    "cường kiểm tra, giám sát.\n\n2. Ban Quản lý dự án đầu tư xây dựng thị xã đẩy "
	    "nhanh thi công.\n\n3. Ủy ban MTTQ và các đoàn thể phường vận động nhân dân.\n\n"
	    "4. Các phòng, ban thị xã theo nhiệm vụ được phân công tổ chức thực hiện; báo cáo "
	    "trước ngày 30/9/2025.\n");
	char iso[11];

	assert_int_equal(n->ncounts, 1);
	assert_string_equal(n->counts[0].what, "tổ chức đảng");
	assert_int_equal(n->nfigs, 1);
	assert_int_equal(n->ntasks, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(n->tasks[i].nassignees, 1);
	assert_string_equal(n->tasks[0].assignees[0], "Các cấp ủy, tổ chức đảng");
	assert_string_equal(n->tasks[1].assignees[0], "Ban Quản lý dự án đầu tư xây dựng thị xã");
	assert_string_equal(n->tasks[2].assignees[0], "Ủy ban MTTQ và các đoàn thể phường");
	assert_string_equal(n->tasks[3].assignees[0], "Các phòng, ban thị xã");
	vn_date_iso(n->tasks[3].dl.due, iso);
	assert_string_equal(iso, "2025-09-30");
}

/*
 * A comma inside a unit's name ("Trung tâm Văn hóa, Thông tin và Thể thao") splits
 * nothing; a count read before and repeated in a task's words is counted once.
 */
static void test_comma_names_and_repeated_counts(void **state)
{
	struct imp_notice *n = extract(
	    state, "THÔNG BÁO\n\nNgày 02/6/2025, Chủ tịch UBND thị xã họp.\n\n1. Đến nay còn 15 hộ "
		   "chưa nhận tiền hỗ trợ.\n\n2. Giao UBND phường Tân An vận động 15 hộ còn lại "
		   "nhận hỗ trợ.\n\n3. Trung tâm Văn hóa, Thông tin và Thể thao thị xã tăng cường "
		   "tuyên truyền.\n");

	assert_int_equal(n->ncounts, 1);
	assert_int_equal(n->counts[0].value, 15);
	assert_int_equal(n->ntasks, 2);
	assert_string_equal(n->tasks[0].assignees[0], "UBND phường Tân An");
	assert_int_equal(n->tasks[1].nassignees, 1);
	assert_string_equal(n->tasks[1].assignees[0],
			    "Trung tâm Văn hóa, Thông tin và Thể thao thị xã");
}

/* A letter's date line after "V/v" and the motto; a sentence right under a table's last row. */
static void test_letter_date_and_table_end(void **state)
{
	struct imp_notice *n = extract(
	    state, "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/UBND-VP\nV/v báo cáo tiến độ\n"
		   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n-----\n"
		   "An Phú, ngày 10 tháng 9 năm 2024\n\nKính gửi: UBND các xã.\n\n"
		   "| Nội dung | Chủ trì | Phối hợp | Thời hạn |\n"
		   "| Rà soát hồ sơ | Phòng Nội vụ | Văn phòng | Tháng 12/2024 |\n"
		   "Giao Phòng Tư pháp thẩm định, hoàn thành trước ngày 15/10/2024.\n");
	char iso[11];

	vn_date_iso(n->date, iso);
	assert_string_equal(iso, "2024-09-10");
	assert_int_equal(n->ntasks, 2);
	assert_string_equal(n->tasks[0].lead, "Phòng Nội vụ");
	assert_string_equal(n->tasks[1].assignees[0], "Phòng Tư pháp");
	vn_date_iso(n->tasks[1].dl.due, iso);
	assert_string_equal(iso, "2024-10-15");
}

/* A PDF's text layer that reads "ô" as "ơ" before "ng": "cơng trình" is "công trình". */
static void test_ong_repair(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct err e = {0};
	const char *t = "Các cơng trình; THƠNG BÁO; trường; cờ; Thơng tư; cơn mưa\n";

	(void)state;
	assert_int_equal(imp_load_mem("t", t, strlen(t), &b, NULL, NULL, &e), 0);
	assert_string_equal(buf_str(&b),
			    "Các công trình; THÔNG BÁO; trường; cờ; Thông tư; cơn mưa\n");
	buf_free(&b);
}

/* TCVN3 has no toned capitals: a heading set in an "H" font was typed with the lower-case
 * codes. Raw, and read as Windows-1252 and saved as UTF-8, the capitals come back; in a
 * line of mixed case the heading's words do, the body's words do not. */
static void test_tcvn3_toned_capitals(void **state)
{
	static const char raw[] = "\xf1Y BAN NH\xa2N D\xa2N\nTH\xa4NG B\xb8O K\xdaT LU\xcbN\n"
				  "V/v TRI\xcdN KHAI K\xda HO\xb9"
				  "CH\n"
				  "C\xb8"
				  "c c\xac quan, \xae\xacn v\xde th\xf9"
				  "c hi\xd6n.\n";
	static const char damaged[] =
	    "\xc3\xb1Y BAN NH\xc2\xa2N D\xc2\xa2N\nTH\xc2\xa4NG B\xc2\xb8O K\xc3\x9aT "
	    "LU\xc3\x8bN\nV/v TRI\xc3\x8dN KHAI K\xc3\x9a HO\xc2\xb9"
	    "CH\n"
	    "C\xc2\xb8"
	    "c c\xc2\xac quan, \xc2\xae\xc2\xacn v\xc3\x9e th\xc3\xb9"
	    "c hi\xc3\x96n.\n";
	const char *want = "ỦY BAN NHÂN DÂN\nTHÔNG BÁO KẾT LUẬN\nV/v TRIỂN KHAI KẾ HOẠCH\n"
			   "Các cơ quan, đơn vị thực hiện.\n";
	const char *in[] = {raw, damaged};

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		struct buf b = BUF_INIT(1 << 20);
		struct err e = {0};
		enum vn_encoding enc = VN_ENC_UTF8;

		assert_int_equal(imp_load_mem("t", in[k], strlen(in[k]), &b, NULL, &enc, &e), 0);
		assert_int_not_equal(enc, VN_ENC_UTF8);
		assert_string_equal(buf_str(&b), want);
		buf_free(&b);
	}
}

/*
 * ";;" (an empty clause) between two assignments: each unit is given its task once
 * (the clause after it was read again from every ";" before it).
 */
static void test_empty_clause(void **state)
{
	struct imp_notice *n = extract(
	    state, "TỈNH ỦY HÀ TĨNH\nSố 796-TB/TU\nHà Tĩnh, ngày 06 tháng 05 năm 2024\n\n"
		   "THÔNG BÁO\nKết luận của Ban Thường vụ Tỉnh ủy\n-----\n\n"
		   "1. Giao Sở Y tế chủ trì rà soát danh sách trạm y tế;; Sở Nội vụ thực hiện "
		   "sắp xếp biên chế trước ngày 30/11/2024; ; Sở Tài chính bố trí kinh phí.\n");

	assert_int_equal(n->ntasks, 3);
	assert_string_equal(n->tasks[0].assignees[0], "Sở Y tế");
	assert_string_equal(n->tasks[1].assignees[0], "Sở Nội vụ");
	assert_string_equal(n->tasks[2].assignees[0], "Sở Tài chính");
}

static double cpu_seconds(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/*
 * A paragraph of 256 KiB made of one short run repeated, as mutated inputs and badly
 * converted files are: empty sentences, empty clauses, list marks, clauses that name a
 * unit but no verb, a task in every clause. Each is read and printed in time that
 * grows with its length: before, every clause walked the rest of its sentence (and
 * every task printed the whole sentence), several seconds for each of these.
 */
static void test_long_runs_are_linear(void **state)
{
	static const char *const runs[] = {
	    ". ",
	    "; ",
	    "1. 2. ",
	    "Giao UBND huyện Yên Thành abc xyz; ",
	    "UBND huyện Yên Thành quản lý nhà nước; ",
	};
	const char *head = "TỈNH ỦY HÀ TĨNH\nSố 796-TB/TU\nHà Tĩnh, ngày 06 tháng 05 năm 2024\n\n"
			   "THÔNG BÁO\nKết luận của Ban Thường vụ Tỉnh ủy\n-----\n\n";
	struct fx *f = *state;

	for (size_t k = 0; k < sizeof(runs) / sizeof(runs[0]); k++) {
		struct buf text = BUF_INIT(1u << 20);
		struct imp_notice *n;
		struct err e = {0};
		json_t *j;
		char *out;
		double t0;

		assert_int_equal(buf_puts(&text, head), 0);
		while (text.len < 256u << 10)
			assert_int_equal(buf_puts(&text, runs[k]), 0);
		assert_int_equal(buf_putc(&text, '\n'), 0);
		arena_reset(f->a);
		t0 = cpu_seconds();
		assert_int_equal(imp_extract(buf_str(&text), text.len, f->a, &n, &e), 0);
		j = imp_to_json(n);
		out = json_dumps(j, IMP_JSON_FLAGS);
		assert_non_null(out);
		print_message("# \"%s\" x %zu: %.3f s, %d tasks, %zu bytes of JSON\n", runs[k],
			      (text.len - strlen(head)) / strlen(runs[k]), cpu_seconds() - t0,
			      n->ntasks, strlen(out));
		assert_true(cpu_seconds() - t0 < 2.0);
		/* a task's quote is its clause, not the 256 KiB sentence */
		for (int i = 0; i < n->ntasks; i++)
			assert_true(n->tasks[i].sentence && strlen(n->tasks[i].sentence) < 2100);
		if (k == 4) {
			/* the tasks are all there, up to the cap, and say where they come from */
			assert_int_equal(n->ntasks, IMP_MAX_ITEMS);
			assert_true(n->truncated);
			assert_string_equal(n->tasks[1].sentence,
					    "…UBND huyện Yên Thành quản lý nhà nước…");
		}
		free(out);
		json_decref(j);
		buf_free(&text);
	}
}

static void test_load_errors(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct err e = {0};

	(void)state;
	assert_int_equal(imp_load_mem("a", "", 0, &b, NULL, NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "rỗng"));
	assert_int_equal(imp_load_mem("b", "ab\0cd", 5, &b, NULL, NULL, &e), ERR_INVAL);
	assert_int_equal(imp_load_mem("c", "PK\3\4xx", 6, &b, NULL, NULL, &e), ERR_INVAL);
	assert_int_equal(imp_load_mem("d", "   \n\n  ", 7, &b, NULL, NULL, &e), ERR_INVAL);
	buf_free(&b);
}

/*
 * A UTF-8 notice with one damaged byte (a file cut short, a byte changed) is refused,
 * saying which file and line, instead of being read as VNI ("Tá»ˆnh Á»¦y …"); raw
 * TCVN3 and VNI, which hold no UTF-8 sequence at all, are still read.
 */
static void test_damaged_utf8(void **state)
{
	static const char damaged[] = "TỈNH ỦY HÀ TĨNH\nSố 796-TB/TU\nHà Tĩnh, ngày 06 tháng "
				      "05 \xff năm 2024\n\nTHÔNG BÁO\nKết luận của Ban Thường vụ\n";
	static const char tcvn3[] = "TH\xa4NG B\xb8O\nC\xb8"
				    "c c\xac quan, \xae\xacn v\xde th\xf9"
				    "c hi\xd6n.\n";
	struct buf b = BUF_INIT(1 << 20);
	struct err e = {0};
	enum vn_encoding enc = VN_ENC_UTF8;

	(void)state;
	assert_int_equal(imp_load_mem("tb.txt", damaged, strlen(damaged), &b, NULL, NULL, &e),
			 ERR_INVAL);
	assert_non_null(strstr(e.msg, "tb.txt: "));
	assert_non_null(strstr(e.msg, "dòng 3"));
	assert_int_equal(b.len, 0);
	assert_int_equal(imp_load_mem("t", tcvn3, strlen(tcvn3), &b, NULL, &enc, &e), 0);
	assert_int_equal(enc, VN_ENC_TCVN3);
	assert_string_equal(buf_str(&b), "THÔNG BÁO\nCác cơ quan, đơn vị thực hiện.\n");
	buf_free(&b);
}

static void test_seed(void **state)
{
	const char *shared = getenv("DONDOC_SEEDS");
	char path[1024];
	struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct err e = {0};
	struct imp_notice *n;
	struct fx *f = *state;
	char iso[11];

	snprintf(path, sizeof(path), "%s/seed/tan-yen-2023-10-04-phien-26.md",
		 shared ? shared : "../shared");
	assert_int_equal(imp_load_file(path, &text, NULL, NULL, &e), 0);
	assert_int_equal(imp_extract(buf_str(&text), text.len, f->a, &n, &e), 0);
	assert_int_equal(n->nagenda, 5);
	assert_int_equal(n->nrefs, 5);
	assert_int_equal(n->nfigs, 10);
	assert_int_equal(n->ncounts, 4);
	assert_int_equal(n->ntasks, 3);
	assert_int_equal(n->nrecipients, 6);
	assert_int_equal(n->nwarnings, 0);
	vn_date_iso(n->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2023-12-04");
	assert_string_equal(n->sig_name, "Đinh Đức Cảnh");
	assert_true(n->questioning_none);
	buf_free(&text);
}

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	return buf_add(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The seed laid out on A4 pages by cairo and pango: wrapped lines, as a PDF would hold them. */
static void seed_pdf(const char *text, size_t len, struct buf *pdf)
{
	const double w = 595, h = 842, margin = 70, lh = 18;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(pdf_write, pdf, w, h);
	cairo_t *cr = cairo_create(s);
	PangoLayout *lay = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string("Liberation Serif 13");
	double y = margin;
	size_t i = 0;

	pango_layout_set_font_description(lay, fd);
	pango_layout_set_width(lay, (int)((w - 2 * margin) * PANGO_SCALE));
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - text - i) : len - i;
		char line[4096];
		size_t o = 0;
		int ph;

		for (size_t k = i; k < i + n && o + 1 < sizeof(line); k++) {
			if (text[k] == '*' || text[k] == '\\')
				continue;
			line[o++] = text[k];
		}
		while (o > 0 && line[o - 1] == ' ')
			o--;
		line[o] = 0;
		i += n + 1;
		if (o == 0 || strspn(line, "-") == o) {
			y += lh / 2;
			continue;
		}
		pango_layout_set_text(lay, line, -1);
		pango_layout_get_pixel_size(lay, NULL, &ph);
		if (y + ph > h - margin) {
			cairo_show_page(cr);
			y = margin;
		}
		cairo_move_to(cr, margin, y);
		pango_cairo_show_layout(cr, lay);
		y += ph + lh / 2;
	}
	pango_font_description_free(fd);
	g_object_unref(lay);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	pango_cairo_font_map_set_default(NULL);
}

/* fontconfig keeps its caches until the process ends; LeakSanitizer is told so, nothing else. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static void test_seed_pdf(void **state)
{
	const char *shared = getenv("DONDOC_SEEDS");
	char path[1024], iso[11];
	struct buf text = BUF_INIT(IMP_MAX_TEXT), pdf = BUF_INIT(IMP_MAX_FILE),
		   back = BUF_INIT(IMP_MAX_TEXT);
	struct err e = {0};
	struct imp_notice *n, *m;
	struct fx *f = *state;
	enum imp_format fmt;

	snprintf(path, sizeof(path), "%s/seed/tan-yen-2023-10-04-phien-26.md",
		 shared ? shared : "../shared");
	assert_int_equal(imp_load_file(path, &text, NULL, NULL, &e), 0);
	assert_int_equal(imp_extract(buf_str(&text), text.len, f->a, &n, &e), 0);
	seed_pdf(buf_str(&text), text.len, &pdf);
	assert_true(pdf.len > 1000);
	assert_int_equal(imp_load_mem("seed.pdf", pdf.data, pdf.len, &back, &fmt, NULL, &e), 0);
	assert_int_equal(fmt, IMP_FMT_PDF);
	assert_int_equal(imp_extract(buf_str(&back), back.len, f->a, &m, &e), 0);
	assert_int_equal(m->nagenda, 5);
	assert_int_equal(m->nrefs, n->nrefs);
	for (int i = 0; i < n->nrefs; i++)
		assert_string_equal(m->refs[i].symbol, n->refs[i].symbol);
	assert_int_equal(m->nfigs, n->nfigs);
	for (int i = 0; i < n->nfigs; i++) {
		assert_int_equal(vn_dec_cmp(m->figs[i].value, n->figs[i].value), 0);
		assert_string_equal(m->figs[i].id, n->figs[i].id);
	}
	assert_int_equal(m->ntasks, 3);
	vn_date_iso(m->tasks[0].dl.due, iso);
	assert_string_equal(iso, "2023-12-04");
	assert_int_equal(m->nrecipients, 6);
	assert_string_equal(m->sig_name, "Đinh Đức Cảnh");
	assert_non_null(m->title);
	assert_string_equal(m->title, n->title);
	buf_free(&text);
	buf_free(&pdf);
	buf_free(&back);
}

/* One page of glyph boxes: each line is runs of text starting at an x; letters 6 points wide. */
struct fake_run {
	double x, y;
	const char *t;
};

static void fake_page(struct imp_pdf *d, int page, const struct fake_run *runs, size_t n)
{
	char text[2048];
	struct imp_glyph g[2048];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		double x = runs[i].x;

		for (const char *c = runs[i].t; *c; c++) {
			text[len] = *c;
			g[len] = (struct imp_glyph){x, runs[i].y - 10, x + 6, runs[i].y};
			x += 6;
			len++;
		}
		/* poppler ends a line where the next run starts lower down */
		if (i + 1 == n || runs[i + 1].y != runs[i].y) {
			text[len] = '\n';
			g[len] = (struct imp_glyph){0, 0, 0, 0};
			len++;
		}
	}
	assert_int_equal(imp_pdf_page(d, page, 595.0, text, len, g, len), 0);
}

/*
 * The header's two columns that poppler runs together on one line are read as the left
 * column and then the right; page numbers and a running footer are left out.
 */
static void test_pdf_layout(void **state)
{
	static const struct fake_run p1[] = {
	    {100, 60, "UY BAN NHAN DAN"},
	    {320, 60, "CONG HOA XA HOI CHU NGHIA"},
	    {110, 77, "HUYEN TAN YEN"},
	    {340, 77, "Doc lap - Tu do - Hanh phuc"},
	    {110, 94, "So: 87"},
	    {146, 94, "/TB-UBND"},
	    {85, 200, "Giao Phong Noi vu ra soat ho so."},
	    {480, 815, "Trang 1/2"},
	};
	static const struct fake_run p2[] = {
	    {292, 40, "2"},
	    {85, 100, "Giao Phong Tu phap tham dinh."},
	    {480, 815, "Trang 2/2"},
	};
	struct imp_pdf *d;
	struct buf out = BUF_INIT(1 << 20);

	(void)state;
	assert_int_equal(imp_pdf_new(&d), 0);
	fake_page(d, 0, p1, sizeof(p1) / sizeof(p1[0]));
	fake_page(d, 1, p2, sizeof(p2) / sizeof(p2[0]));
	assert_int_equal(imp_pdf_text(d, 842.0, &out), 0);
	assert_string_equal(buf_str(&out), "UY BAN NHAN DAN\n"
					   "HUYEN TAN YEN\n"
					   "So: 87/TB-UBND\n"
					   "CONG HOA XA HOI CHU NGHIA\n"
					   "Doc lap - Tu do - Hanh phuc\n"
					   "Giao Phong Noi vu ra soat ho so.\n"
					   "Giao Phong Tu phap tham dinh.\n");
	imp_pdf_free(d);
	buf_free(&out);
}

/* Like fake_page, one box per UTF-8 character and a space between runs: Vietnamese words. */
static void fake_page_u8(struct imp_pdf *d, int page, const struct fake_run *runs, size_t n)
{
	char text[4096];
	struct imp_glyph g[4096];
	size_t len = 0, ng = 0;

	for (size_t i = 0; i < n; i++) {
		double x = runs[i].x;

		for (const char *c = runs[i].t; *c;) {
			size_t cl = (unsigned char)*c < 0x80	? 1
				    : (unsigned char)*c >= 0xE0 ? 3
								: 2;

			memcpy(text + len, c, cl);
			len += cl;
			c += cl;
			/* a space a third as wide as the glyphs are tall, as a 13 pt font's */
			g[ng++] = (struct imp_glyph){x, runs[i].y - 10,
						     x + (cl == 1 && text[len - 1] == ' ' ? 3 : 6),
						     runs[i].y};
			x += cl == 1 && text[len - 1] == ' ' ? 3 : 6;
		}
		/* poppler puts a space between two runs of a line, a newline after the last */
		text[len++] = i + 1 == n || runs[i + 1].y != runs[i].y ? '\n' : ' ';
		g[ng++] = (struct imp_glyph){0, 0, 0, 0};
	}
	assert_int_equal(imp_pdf_page(d, page, 595.0, text, len, g, ng), 0);
}

/* One page of Vietnamese runs (fake_page_u8) read back as text must be want. */
static void assert_page_text(const struct fake_run *runs, size_t n, const char *want)
{
	struct imp_pdf *d;
	struct buf out = BUF_INIT(1 << 20);

	assert_int_equal(imp_pdf_new(&d), 0);
	fake_page_u8(d, 0, runs, n);
	assert_int_equal(imp_pdf_text(d, 842.0, &out), 0);
	assert_string_equal(buf_str(&out), want);
	imp_pdf_free(d);
	buf_free(&out);
}

/*
 * A table of tasks whose cells poppler runs together: its rows are rebuilt from where
 * the words stand (a cell's second line joins its first, a row opens with a capital in
 * the first column), a paragraph across the page ends it.
 */
static void test_pdf_task_table(void **state)
{
	static const struct fake_run p1[] = {
	    {85, 300, "Nội dung"},
	    {250, 300, "Chủ trì"},
	    {350, 300, "Phối hợp"},
	    {450, 300, "Thời hạn"},
	    {85, 315, "Rà soát hồ sơ"},
	    {250, 315, "Phòng Nội vụ"},
	    {350, 315, "Văn phòng"},
	    {450, 315, "Tháng"},
	    {85, 330, "đất đai"},
	    {450, 330, "12/2024"},
	    {85, 345, "Kiểm tra"},
	    {250, 345, "Công an xã"},
	    {350, 345, "Hội Nông dân"},
	    {450, 345, "Quý I/2025"},
	    {85, 380, "Giao Phòng Tư pháp thẩm định kết quả và báo cáo trước ngày 15/3/2025."},
	};
	(void)state;
	assert_page_text(p1, sizeof(p1) / sizeof(p1[0]),
			 "| Nội dung | Chủ trì | Phối hợp | Thời hạn |\n"
			 "| Rà soát hồ sơ đất đai | Phòng Nội vụ | Văn phòng | Tháng 12/2024 |\n"
			 "| Kiểm tra | Công an xã | Hội Nông dân | Quý I/2025 |\n"
			 "Giao Phòng Tư pháp thẩm định kết quả và báo cáo trước ngày 15/3/2025.\n");
}

/*
 * A table whose narrow column wraps its heading ("Đơn vị chủ" over "trì") is read; its
 * page number is no row; its rows on the next page, under no heading, go on with it.
 */
static void test_pdf_table_wrapped_and_continued(void **state)
{
	static const struct fake_run p1[] = {
	    {60, 300, "TT"},
	    {85, 300, "Nội dung"},
	    {250, 300, "Đơn vị chủ"},
	    {350, 300, "Phối hợp"},
	    {450, 300, "Thời hạn"},
	    {250, 315, "trì"},
	    {60, 330, "1"},
	    {85, 330, "Rà soát hồ sơ"},
	    {250, 330, "Phòng Nội vụ"},
	    {350, 330, "Văn phòng"},
	    {450, 330, "Tháng 12/2025"},
	    {60, 345, "2"},
	    {85, 345, "Kiểm tra"},
	    {250, 345, "Công an phường"},
	    {350, 345, "Đoàn phường"},
	    {450, 345, "Quý I/2026"},
	    {292, 815, "1"},
	};
	static const struct fake_run p2[] = {
	    {60, 60, "3"},
	    {85, 60, "Tập huấn"},
	    {250, 60, "Phòng Y tế"},
	    {350, 60, "Hội Phụ nữ"},
	    {450, 60, "Thường xuyên"},
	    {85, 100, "Giao Phòng Tư pháp thẩm định kết quả và báo cáo trước ngày 15/3/2026."},
	    {292, 815, "2"},
	};
	struct imp_pdf *d;
	struct buf out = BUF_INIT(1 << 20);

	(void)state;
	assert_int_equal(imp_pdf_new(&d), 0);
	fake_page_u8(d, 0, p1, sizeof(p1) / sizeof(p1[0]));
	fake_page_u8(d, 1, p2, sizeof(p2) / sizeof(p2[0]));
	assert_int_equal(imp_pdf_text(d, 842.0, &out), 0);
	assert_string_equal(
	    buf_str(&out),
	    "| TT | Nội dung | Đơn vị chủ trì | Phối hợp | Thời hạn |\n"
	    "| 1 | Rà soát hồ sơ | Phòng Nội vụ | Văn phòng | Tháng 12/2025 |\n"
	    "| 2 | Kiểm tra | Công an phường | Đoàn phường | Quý I/2026 |\n"
	    "| 3 | Tập huấn | Phòng Y tế | Hội Phụ nữ | Thường xuyên |\n"
	    "Giao Phòng Tư pháp thẩm định kết quả và báo cáo trước ngày 15/3/2026.\n");
	imp_pdf_free(d);
	buf_free(&out);
}

/* A date a narrow cell broke inside its year ("Trước 20/4/202" over "6") is one word again. */
static void test_pdf_table_cut_year(void **state)
{
	static const struct fake_run p1[] = {
	    {60, 300, "TT"},
	    {85, 300, "Nội dung"},
	    {250, 300, "Chủ trì"},
	    {350, 300, "Phối hợp"},
	    {450, 300, "Thời hạn"},
	    {60, 330, "1"},
	    {85, 330, "Lập danh sách"},
	    {250, 330, "Phòng Nội vụ"},
	    {350, 330, "Văn phòng"},
	    {450, 330, "Trước 20/4/202"},
	    {85, 345, "hộ nghèo"},
	    {450, 345, "6"},
	    {60, 360, "2"},
	    {85, 360, "Kiểm tra"},
	    {250, 360, "Công an xã"},
	    {350, 360, "Tổ 12/2025"},
	    {85, 375, "định kỳ"},
	    {350, 375, "30"},
	    {450, 360, "Quý II/2026"},
	};
	(void)state;
	assert_page_text(
	    p1, sizeof(p1) / sizeof(p1[0]),
	    "| TT | Nội dung | Chủ trì | Phối hợp | Thời hạn |\n"
	    "| 1 | Lập danh sách hộ nghèo | Phòng Nội vụ | Văn phòng | Trước 20/4/2026 |\n"
	    "| 2 | Kiểm tra định kỳ | Công an xã | Tổ 12/2025 30 | Quý II/2026 |\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_reference_forms, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_two_plans_and_parents, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_wrapped_lines_join, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tasks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_task_phrasings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_merged_header, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_warnings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_errors, setup, teardown),
	    cmocka_unit_test(test_damaged_utf8),
	    cmocka_unit_test_setup_teardown(test_empty_clause, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_long_runs_are_linear, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_heldout_phrasings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_numbered_unit_items, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_letter_date_and_table_end, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_count_nouns, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_chain_deadline, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_mid_directive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unit_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lists_and_next_dates, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_comma_names_and_repeated_counts, setup, teardown),
	    cmocka_unit_test(test_ong_repair),
	    cmocka_unit_test(test_tcvn3_toned_capitals),
	    cmocka_unit_test_setup_teardown(test_seed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_seed_pdf, setup, teardown),
	    cmocka_unit_test(test_pdf_layout),
	    cmocka_unit_test(test_pdf_task_table),
	    cmocka_unit_test(test_pdf_table_wrapped_and_continued),
	    cmocka_unit_test(test_pdf_table_cut_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
