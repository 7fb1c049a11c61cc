/* demo_notice.c: the demo's conclusion notice: session 26 of Tân Yên as a template with the seed's prose. */
#include "core/demo/demo_notice.h"
#include "db/db.h"

#include "core/notice/notice.h"
#include "core/registry/docnum.h"

/*
 * The prose is the seed's (typos of the original, "kiểu nại" and "shoope",
 * kept); everything that is data is a placeholder (docs/notice-template.md).
 */
const char demo_notice_template[] =
    "@type TB\n"
    "@title THÔNG BÁO\n"
    "@summary Kết luận phiên họp thứ {{session number}} của {{session organ}}\\\n"
    "{{session term}}\n"
    "@profile party-2018\n"
    "@period 2023-T09\n"
    "@sign T/M | HUYỆN ỦY | BÍ THƯ | Đinh Đức Cảnh\n"
    "@recipients tb-bch\n"
    "@archive Lưu Văn phòng Huyện ủy.\n"
    "\n"
    "---\n"
    "\n"
    "Ngày {{date session}}, {{session organ}} tổ chức phiên họp thứ {{session number}} theo Quy "
    "chế làm việc; sau khi nghe các cơ quan, đơn vị trình bày dự thảo các văn bản và các ý kiến "
    "thảo luận tại hội nghị; {{session organ}} thống nhất kết luận như sau:\n"
    "\n"
    "1. Cơ bản nhất trí với dự thảo các văn bản trình tại hội nghị: {{list agenda}}.\n"
    "\n"
    "Chín tháng đầu năm 2023, tình hình an ninh chính trị thế giới, khu vực tiếp tục biến động "
    "phức tạp, khó lường, áp lực lạm phát gia tăng, thị trường bất động sản tiếp tục trầm lắng... "
    "đã ảnh hưởng đến việc thực hiện các nhiệm vụ chính trị của huyện. Phát huy kết quả nổi bật và "
    "khắc phục những hạn chế khuyết điểm trong năm 2022 cùng với khát vọng vươn lên, cấp ủy, chính "
    "quyền từ huyện đến cơ sở đã tập trung lãnh đạo, chỉ đạo có trọng tâm, trọng điểm trên các mặt "
    "công tác và đạt được nhiều kết quả tích cực trên các lĩnh vực công tác; cụ thể, qua số liệu "
    "trong các báo cáo cho thấy:\n"
    "\n"
    "Hoạt động sản xuất công nghiệp - tiểu thủ công nghiệp 9 tháng đầu năm có sự tăng trưởng so "
    "với cùng kỳ; giá trị sản xuất ước đạt {{fig industry value}} tỷ đồng, đạt {{fig industry "
    "pct_plan dec=0}}% so với kế hoạch, bằng {{fig industry pct_same}}% so với cùng kỳ; đẩy nhanh "
    "tiến độ đầu tư hạ tầng 02 cụm công nghiệp (Đồng Đình và Lãng Cao); trình Thủ tướng Chính phủ "
    "cho ý kiến thành lập khu công nghiệp Phúc Sơn; tiếp tục thu hút các doanh nghiệp vào khảo "
    "sát, lập quy hoạch chi tiết các khu, cụm công nghiệp trên địa bàn huyện.\n"
    "\n"
    "Thương mại - dịch vụ tiếp tục duy trì, tăng trưởng; giá trị sản xuất ước đạt {{fig "
    "trade_services value}} tỷ đồng, tăng {{fig trade_services growth}}% so với cùng kỳ. Tổ chức "
    "các hoạt động xúc tiến tiêu thụ sản phẩm nông nghiệp đặc trưng, chủ lực trên địa bàn; thành "
    "lập, khai trương Sàn thương mại điện tử nông sản huyện Tân Yên; kết nối, đưa các sản phẩm "
    "nông sản đặc trưng của huyện lên sàn thương mại điện tử, sàn thương mại điện tử Postmart, "
    "shoope... để quảng bá, bán sản phẩm.\n"
    "\n"
    "Sản xuất nông nghiệp tiếp tục tăng trưởng ổn định; giá trị sản xuất ước đạt {{fig agriculture "
    "value}} tỷ đồng, đạt {{fig agriculture pct_plan}}% kế hoạch, tăng {{fig agriculture growth}}% "
    "so với cùng kỳ. Công tác xây dựng nông thôn mới được quan tâm, đẩy mạnh; chỉ đạo 04 xã (Liên "
    "Sơn, Ngọc Lý, Ngọc Vân và Lam Cốt) tập trung hoàn thành các tiêu chí xã đạt chuẩn nông thôn "
    "mới nâng cao; xã Việt Lập xây dựng xã đạt chuẩn nông thôn mới kiểu mẫu.\n"
    "\n"
    "Tổng vốn đầu tư phát triển 9 tháng đầu năm ước đạt {{fig investment value}} tỷ đồng, tăng "
    "{{fig investment growth}}% so với cùng kỳ, bằng {{fig investment pct_plan}}% kế hoạch. Chỉ "
    "đạo đẩy nhanh tiến độ thực hiện phê duyệt nhiệm vụ quy hoạch chung xây dựng 18 xã; hoàn thành "
    "điều chỉnh quy hoạch xây dựng vùng huyện; giải phóng mặt bằng thực hiện các dự án trọng điểm "
    "trên địa bàn; triển khai đầu tư cải tạo, nâng cấp, làm mới các tuyến đường giao thông.\n"
    "\n"
    "Thu ngân sách ước đến hết tháng 9 đạt {{fig revenue value}} tỷ đồng, bằng {{fig revenue "
    "pct_plan}}% dự toán huyện giao; trong đó, thu trên địa bàn {{fig revenue_local value}} tỷ "
    "đồng, đạt {{fig revenue_local pct_plan}}% (bao gồm số thu tiền sử dụng đất {{fig "
    "revenue_land_use value}} tỷ đồng, đạt {{fig revenue_land_use pct_plan dec=2}}% kế hoạch huyện "
    "giao). Chi ngân sách ước đạt {{fig expenditure value}} tỷ đồng, bằng {{fig expenditure "
    "pct_plan}}% dự toán huyện giao, trong đó chi thường xuyên {{fig expenditure_recurrent value}} "
    "tỷ đồng; chi đầu tư xây dựng cơ bản {{fig expenditure_capital value}} tỷ đồng.\n"
    "\n"
    "Công tác quản lý đất đai, tài nguyên và môi trường tiếp tục được tăng cường; tập trung triển "
    "khai lập kế hoạch sử dụng đất, danh mục công trình dự án chuyển mục đích đất lúa năm 2023; "
    "điều chỉnh quy hoạch sử dụng đất đến năm 2030 trình UBND tỉnh phê duyệt và thực hiện công bố "
    "quy hoạch, kế hoạch sử dụng đất. Tổ chức rà soát, quản lý đối với diện tích đất công ích; "
    "tăng cường kiểm tra, xử lý các vi phạm đất đai theo Chỉ thị số 19-CT/TU, Kết luận số "
    "120-KL/TU của Ban Thường vụ Tỉnh ủy. Các lĩnh vực văn hóa, xã hội có nhiều chuyển biến tích "
    "cực; an sinh xã hội được đảm bảo; công tác quốc phòng, quân sự địa phương, an ninh chính trị, "
    "trật tự an toàn xã hội được giữ vững. Công tác xây dựng Đảng, xây dựng chính quyền và hệ "
    "thống chính trị được quan tâm và đạt kết quả tích cực; Ủy ban MTTQ và các tổ chức chính trị - "
    "xã hội đẩy mạnh đổi mới nội dung, phương thức hoạt động, triển khai thực hiện có hiệu quả các "
    "đề án, kế hoạch của ngành dọc cấp trên.\n"
    "\n"
    "Bên cạnh những kết quả đạt được, công tác lập quy hoạch, kế hoạch sử dụng đất còn chậm; hiệu "
    "quả quản lý quy hoạch, kiến trúc cảnh quan đô thị còn thấp; việc triển khai đầu tư dự án khai "
    "thác khoáng sản đất đắp nền, đất làm gạch, cát sỏi gặp nhiều khó khăn, vướng mắc. Công tác "
    "tiếp công dân, giải quyết đơn, thư khiếu nại, tố cáo ở một số nơi còn hạn chế, chưa đáp ứng "
    "yêu cầu; số người, vụ việc kiểu nại, tố cáo ở một số địa phương có chiều hướng tăng, một số "
    "vụ việc diễn biến phức tạp. Tình hình an ninh trật tự, an toàn giao thông vẫn tiềm ẩn phức "
    "tạp; tình trạng buôn bán linh kiện súng tự chế tuy đã được kiềm chế nhưng còn diễn biến phức "
    "tạp; tội phạm trộm cắp tài sản vẫn chiếm tỷ lệ cao; tội phạm công nghệ cao, lợi dụng mạng xã "
    "hội, Internet để lừa đảo chiếm đoạt tài sản còn xảy ra. Phong trào “Toàn dân bảo vệ an ninh "
    "Tổ quốc” ở một số nơi chưa phát huy được hiệu quả.\n"
    "\n"
    "2. Yêu cầu các đồng chí Ủy viên {{session organ}}, đồng chí thủ trưởng các cơ quan, đơn vị "
    "xác định rõ thời gian 02 tháng tới là giai đoạn quan trọng phải rà soát, đẩy nhanh việc thực "
    "hiện các nhiệm vụ chính trị của huyện; xác định rõ trách nhiệm của mình trong thực hiện nhiệm "
    "vụ được giao, trước hết là đối với các lĩnh vực thuộc phạm vi quản lý. Phát huy trí tuệ tập "
    "thể, tinh thần đoàn kết, thống nhất trong lãnh đạo, chỉ đạo và tổ chức thực hiện nhiệm vụ; "
    "làm tốt công tác phối hợp giữa các cơ quan, đơn vị và nâng cao trách nhiệm, sự sáng tạo, "
    "quyết tâm của mỗi cán bộ, đảng viên, nhất là người đứng đầu; dự báo chính xác tình hình, kịp "
    "thời đề xuất những giải pháp tháo gỡ khó khăn, vướng mắc trong triển khai thực hiện nhiệm vụ. "
    "Tiếp tục lan tỏa khát vọng vươn lên, ý chí tự lực, tự cường, tạo đồng thuận của người dân "
    "trong thực hiện nhiệm vụ chính trị của huyện.\n"
    "\n"
    "3. Các đồng chí Ủy viên {{session organ}} khóa {{session term_name}} cho ý kiến trực tiếp vào "
    "Báo cáo những việc Ban Thường vụ Huyện ủy đã giải quyết trong quý III/2023. Giao Văn phòng "
    "Huyện ủy tiếp thu các ý kiến, hoàn thiện các văn bản và thực hiện các bước tiếp theo bảo đảm "
    "đúng quy định.\n"
    "\n"
    "4. {{session organ}} khóa {{session term_name}} thực hiện chất vấn theo Quy định số 158-QĐ/TW "
    "ngày 12/5/2008 của Bộ Chính trị ban hành Quy chế chất vấn trong Đảng: {{questioning}}\n"
    "\n"
    "5. Giao Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Thông báo này, báo cáo kết quả "
    "thực hiện với Thường trực Huyện ủy theo quy định./.\n";

/* Nơi nhận of a conclusion notice of the committee, in printed order (the archive is @archive). */
static const char *const demo_recipients[] = {
    "Thường trực Huyện ủy, HĐND, UBND huyện",
    "Các cơ quan, đơn vị thuộc Huyện ủy, UBND huyện",
    "Ủy ban MTTQ và các tổ chức chính trị - xã hội huyện",
    "Các chi, đảng bộ trực thuộc Huyện ủy",
    "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện khóa XXII, nhiệm kỳ 2020-2025",
};

int demo_notice_fill(struct db *db, struct err *e)
{
	int64_t body_id, session_id, group_id, notice_id;
	int r;

	r = db_query_int(db, SQL_NOTICE_DEMO_BODY, &body_id, "");
	if (r < 0)
		return err_set(e, r, "dữ liệu mẫu: chưa có Huyện ủy Tân Yên (mã HU)");
	r = db_query_int(db, SQL_NOTICE_DEMO_SESSION, &session_id, "i", body_id);
	if (r < 0)
		return err_set(e, r, "dữ liệu mẫu: chưa có phiên họp thứ 26 của Huyện ủy Tân Yên");
	r = db_exec(db, SQL_RGROUP_INSERT, "itt", body_id, "tb-bch",
		    "Thông báo kết luận của Ban Chấp hành");
	if (r < 0)
		goto fail;
	group_id = db_last_id(db);
	for (size_t i = 0; i < sizeof(demo_recipients) / sizeof(demo_recipients[0]); i++) {
		/* the first group (Thường trực) is reached by e-mail; the others on paper */
		r = db_exec(db, SQL_RECIPIENT_INSERT, "iitt", group_id, (int64_t)(i + 1),
			    demo_recipients[i], i == 0 ? "thuongtruc@tanyen.example" : NULL);
		if (r < 0)
			goto fail;
	}
	r = notice_create(db, body_id, session_id, demo_notice_template, &notice_id, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_NOTICE_SET_DATE, "ti", "2023-10-04", notice_id);
	if (r < 0)
		goto fail;
	/*
	 * The office's register before dondoc: 511 notices of the term, so the
	 * seed is issued as it was, 512-TB/HU of 04/10/2023, and the next is 513.
	 */
	{
		struct notice_row row;
		struct arena *a = arena_new(1u << 20);

		if (!a)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		r = notice_get(db, notice_id, a, &row, e);
		if (r == 0)
			r = docnum_set_last(db, body_id, "TB", row.term_id, 511, e);
		arena_free(a);
		if (r < 0)
			return r;
	}
	return notice_issue(db, notice_id, &(struct notice_issue_in){.date = "2023-10-04"}, e);
fail:
	return db_err(db, e, r, "dữ liệu mẫu thông báo");
}
