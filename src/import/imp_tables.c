/* imp_tables.c: the words the importer reads notices by; extending it is adding a line here. */
#include <string.h>

#include "import/imp_int.h"

/* Document kinds: the word in running text, its name, its code in symbols. Longest first. */
const struct imp_kind imp_kinds[] = {
    {"nghị quyết", "Nghị quyết", "NQ"},
    {"nghị định", "Nghị định", "NĐ"},
    {"quyết định", "Quyết định", "QĐ"},
    {"quy định", "Quy định", "QĐ"},
    {"chỉ thị", "Chỉ thị", "CT"},
    {"kết luận", "Kết luận", "KL"},
    {"quy chế", "Quy chế", "QC"},
    {"hướng dẫn", "Hướng dẫn", "HD"},
    {"thông báo", "Thông báo", "TB"},
    {"thông tư liên tịch", "Thông tư liên tịch", "TTLT"},
    {"thông tư", "Thông tư", "TT"},
    {"báo cáo", "Báo cáo", "BC"},
    {"kế hoạch", "Kế hoạch", "KH"},
    {"chương trình", "Chương trình", "CTr"},
    {"tờ trình", "Tờ trình", "TTr"},
    {"thông tri", "Thông tri", "TTr"},
    {"công văn", "Công văn", "CV"},
    {"văn bản", "Văn bản", "CV"},
    {"biên bản", "Biên bản", "BB"},
    {"đề án", "Đề án", "ĐA"},
    {"phương án", "Phương án", "PA"},
    {"dự án", "Dự án", "DA"},
    {"giấy mời", "Giấy mời", "GM"},
    {"công điện", "Công điện", "CĐ"},
    {"luật", "Luật", NULL},
    {"pháp lệnh", "Pháp lệnh", NULL},
    {"dự thảo", "Dự thảo", NULL},
    {NULL, NULL, NULL},
};

/* Type codes as symbols write them (both Party and state forms). */
static const char *const imp_codes[] = {
    "NQ",  "NĐ", "QĐ", "CT", "KL", "QC", "HD", "TB",  "TT",  "TTLT", "BC",  "KH",  "CTr",
    "TTr", "CV", "BB", "ĐA", "PA", "GM", "CĐ", "QyĐ", "TTg", "HĐ",   "GCN", "GUQ", NULL,
};

const struct imp_kind *imp_kind_by_code(const char *code, size_t len)
{
	bool known = false;

	for (size_t i = 0; imp_codes[i]; i++)
		if (strlen(imp_codes[i]) == len && memcmp(imp_codes[i], code, len) == 0 &&
		    strcmp(imp_codes[i], "TTg") != 0)
			known = true;
	if (!known)
		return NULL;
	for (size_t i = 0; imp_kinds[i].word; i++)
		if (imp_kinds[i].code && strlen(imp_kinds[i].code) == len &&
		    memcmp(imp_kinds[i].code, code, len) == 0)
			return &imp_kinds[i];
	{
		static const struct imp_kind other = {"", "", ""};
		return &other; /* a known code with no word of its own (QyĐ, HĐ …) */
	}
}

/* Measure units of figures, longest first so "nghìn tỷ đồng" wins over "tỷ đồng". */
const char *const imp_units[] = {
    "nghìn tỷ đồng",
    "ngàn tỷ đồng",
    "nghìn tỉ đồng",
    "ngàn tỉ đồng",
    "tỷ đồng",
    "tỉ đồng",
    "triệu đồng/người/năm",
    "triệu đồng/người",
    "triệu đồng",
    "nghìn đồng",
    "ngàn đồng",
    "đồng",
    "tỷ usd",
    "tỉ usd",
    "triệu usd",
    "nghìn usd",
    "usd",
    "nghìn tấn",
    "tấn",
    "tạ/ha",
    "tạ",
    "kg",
    "nghìn ha",
    "ha",
    "km",
    "m2",
    "m3",
    "mw",
    "kwh",
    "nghìn tỷ",
    "nghìn tỉ",
    "tỷ",
    "tỉ",
    NULL,
};

/* Nouns of counted things (a number before them is a count, not a figure). */
const char *const imp_count_nouns[] = {
    "cụm công nghiệp",
    "khu công nghiệp",
    "tổ chức cơ sở đảng",
    "tổ dân phố",
    "thị trấn",
    "hợp tác xã",
    "doanh nghiệp",
    "dự án",
    "công trình",
    "xã",
    "phường",
    "thôn",
    "huyện",
    "tỉnh",
    "hộ",
    "người",
    "lao động",
    "đảng viên",
    "chi bộ",
    "đảng bộ",
    "tiêu chí",
    "chỉ tiêu",
    "nhiệm vụ",
    "sản phẩm",
    "trường",
    "vụ việc",
    "vụ",
    "đơn",
    "cơ sở",
    "lượt người",
    "lượt khách",
    "lượt",
    "ngôi nhà",
    "căn nhà",
    "nhà",
    "tuyến đường",
    "tuyến",
    "km đường",
    "văn bản",
    "đề án",
    "cuộc",
    "đợt",
    "lớp",
    "cán bộ",
    "hồ sơ",
    "thủ tục",
    "mô hình",
    "làng nghề",
    "tổ chức đảng",
    "trang trại",
    "gia trại",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "thanh niên",
    "hội viên",
    "đoàn viên",
    "giấy chứng nhận",
    "ổ dịch",
    "ngày công",
    "con",
    NULL,
};

/*
 * Counted nouns that only classify ("con", "lượt"): the count names the noun after
 * them too ("1.346 con gia súc", "3.860 lượt cán bộ"), up to two words, ending at
 * one of the stops below or at punctuation.
 */
const char *const imp_count_classifiers[] = {"con", "lượt", NULL};
const char *const imp_classifier_stops[] = {
    "với",   "tăng", "giảm", "đạt",  "được", "của",  "trong",  "tại", "và",   "đã",
    "có",    "là",   "so",   "bằng", "trên", "dưới", "khoảng", "gần", "các",  "năm",
    "tháng", "quý",  "từ",   "đến",  "cho",  "theo", "thuộc",  "bị",  "đang", NULL,
};

/* Multipliers between a number and its counted noun: "2,6 triệu con", "4,2 triệu lượt khách". */
const struct imp_multiplier imp_count_multipliers[] = {
    {"triệu", 6},
    {"nghìn", 3},
    {"ngàn", 3},
    {NULL, 0},
};

/* Places named one by one at the head of a clause: "xã Việt Lập xây dựng …". */
const char *const imp_place_nouns[] = {
    "cụm công nghiệp", "khu công nghiệp", "thị trấn", "xã", "phường", "thôn", NULL,
};

/* Words that end a figure's label before its value. */
const char *const imp_label_stops[] = {
    "ước đạt", "ước tính", "ước thực hiện", "ước",     "đạt",	   "là",
    "lũy kế",  "luỹ kế",   "tháng đầu năm", "9 tháng", "6 tháng",  "3 tháng",
    "quý",     "năm",	   "tháng",	    "cả năm",  "tính đến", "đến hết",
    "đến nay", "bằng",	   "tăng",	    "giảm",    "khoảng",   "có",
    ":",       NULL,
};

/* Words that end the subject opening a paragraph ("Thương mại - dịch vụ tiếp tục …"). */
const char *const imp_subject_stops[] = {
    "tiếp tục",	 "có sự",	"có",	      "đạt",	 "ước",	       "được",	  "duy trì",
    "tăng",	 "giảm",	"phát triển", "ổn định", "chín tháng", "9 tháng", "6 tháng",
    "sáu tháng", "quý",		"năm",	      "tháng",	 "cơ bản",     "đã",	  "vẫn",
    "gặp",	 "chuyển biến", ";",	      ",",	 ":",	       ".",	  NULL,
};

/* Words stripped from the front of that subject. */
const char *const imp_subject_prefixes[] = {
    "hoạt động sản xuất ", "hoạt động ", "sản xuất ", "ngành ", "lĩnh vực ", "về ", NULL,
};

/* Labels that name a measure but not its sector: completed from the paragraph's subject. */
const char *const imp_generic_labels[] = {
    "giá trị sản xuất", "tổng giá trị sản xuất", "giá trị", "doanh thu", "tổng doanh thu", NULL,
};

/* Words that open an assignment. */
const char *const imp_directives[] = {
    "giao nhiệm vụ cho", "giao nhiệm vụ", "giao",     "yêu cầu",  "đề nghị",
    "phân công",	 "chỉ đạo",	  "ủy quyền", "uỷ quyền", NULL,
};

/* Verbs that end the assignee and open the task ("Giao Văn phòng Huyện ủy tiếp thu …"). */
const char *const imp_actions[] = {
    "xác định",	    "tiếp thu",		"theo dõi",	"chủ trì",
    "phối hợp",	    "rà soát",		"triển khai",	"tập trung",
    "khẩn trương",  "chỉ đạo",		"hoàn thiện",	"hoàn thành",
    "tham mưu",	    "xây dựng",		"kiểm tra",	"báo cáo",
    "thực hiện",    "tổ chức",		"nghiên cứu",	"đề xuất",
    "chuẩn bị",	    "quan tâm",		"lãnh đạo",	"đôn đốc",
    "tiếp tục",	    "đẩy nhanh",	"đẩy mạnh",	"giải quyết",
    "cho ý kiến",   "căn cứ",		"bố trí",	"lập",
    "trình",	    "hướng dẫn",	"tăng cường",	"nâng cao",
    "quản lý",	    "giám sát",		"đánh giá",	"cập nhật",
    "thẩm định",    "chịu trách nhiệm", "sớm",		"phải",
    "cần",	    "ban hành",		"xử lý",	"kịp thời",
    "tuyên truyền", "làm tốt",		"làm rõ",	"tích cực",
    "chủ động",	    "khắc phục",	"nắm chắc",	"bám sát",
    "phát huy",	    "duy trì",		"thường xuyên", "cụ thể hóa",
    "cụ thể hoá",   "soạn thảo",	"tổng hợp",	"điều chỉnh",
    "bổ sung",	    "sửa đổi",		"thu hồi",	"đảm bảo",
    "bảo đảm",	    "giải ngân",	"hỗ trợ",	"ưu tiên",
    "vận động",	    "có trách nhiệm",	"định hướng",	":",
    NULL,
};

/* Words that begin a unit's name when they follow a comma or "và" in a list of assignees. */
const char *const imp_unit_heads[] = {
    "các đồng chí",
    "đồng chí",
    "đ/c",
    "thủ trưởng",
    "người đứng đầu",
    "các cơ quan",
    "các ban",
    "các phòng",
    "các xã",
    "các đơn vị",
    "các tổ chức",
    "các chi",
    "các đảng ủy",
    "các đảng bộ",
    "ủy ban",
    "uỷ ban",
    "bí thư",
    "chủ tịch",
    "các đoàn thể",
    "các ngành",
    "các hội",
    "các trường",
    "các doanh nghiệp",
    "công chức",
    "các chủ đầu tư",
    "chủ đầu tư",
    "các cấp ủy",
    "các huyện ủy",
    NULL,
};

/* Kinds of unit: after "và" they start a second unit ("Ban Tuyên giáo và Văn phòng …"). */
const char *const imp_unit_types[] = {
    "ban",	   "văn phòng",	 "phòng",      "ubnd",	      "ủy ban",	   "uỷ ban",
    "sở",	   "huyện ủy",	 "tỉnh ủy",    "đảng ủy",     "mặt trận",  "mttq",
    "công an",	   "chi cục",	 "trung tâm",  "hội",	      "đoàn",	   "thường trực",
    "bộ",	   "cục",	 "viện",       "trường",      "bệnh viện", "kho bạc",
    "chi nhánh",   "liên đoàn",	 "quân sự",    "ban chỉ huy", "hđnd",	   "các",
    "đồng chí",	   "trạm",	 "công chức",  "ban chỉ đạo", "đảng đoàn", "ban cán sự",
    "trưởng thôn", "trưởng các", "chủ đầu tư", NULL,
};

/* What a percentage is measured against. */
const char *const imp_plan_words[] = {
    "kế hoạch", "kh", "dự toán", "chỉ tiêu", "mục tiêu", "nghị quyết", NULL,
};
const char *const imp_same_words[] = {
    "cùng kỳ", "cùng kì", "năm trước", "năm ngoái", NULL,
};

/* How a session concluded on what was put before it; longest first. */
const char *const imp_outcomes[] = {
    "cơ bản nhất trí", "cơ bản thống nhất", "không nhất trí",
    "không thông qua", "nhất trí",	    "thống nhất",
    "tán thành",       "thông qua",	    NULL,
};

const char *const imp_meeting_verbs[] = {
    "đã tổ chức", "tổ chức", "đã họp",	  "họp", "tiến hành",
    "đã chủ trì", "chủ trì", "triệu tập", NULL,
};
const char *const imp_meeting_nouns[] = {
    "phiên họp", "hội nghị", "cuộc họp", "kỳ họp", "buổi làm việc", "họp", NULL,
};

/* Signature lines that say on whose behalf: Party "T/M", "K/T", "T/L"; state "TM.", "KT." … */
const char *const imp_sig_prefixes[] = {
    "T/M ", "K/T ", "T/L ", "TM. ", "KT. ", "TL. ", "TUQ. ", "Q. ", "TM ", "KT ", "TL ", "Q.", NULL,
};

/* Indicator codes by the folded words their label contains; first match wins. */
const struct imp_indicator imp_indicators[] = {
    {"tien su dung dat", "revenue_land_use"},
    {"thu tren dia ban", "revenue_local"},
    {"thu noi dia", "revenue_domestic"},
    {"thu ngan sach", "revenue"},
    {"tong thu", "revenue"},
    {"chi thuong xuyen", "expenditure_recurrent"},
    {"chi dau tu", "expenditure_capital"},
    {"chi ngan sach", "expenditure"},
    {"tong chi", "expenditure"},
    {"von dau tu", "investment"},
    {"giai ngan", "disbursement"},
    {"tieu thu cong nghiep", "industry"},
    {"cong nghiep", "industry"},
    {"thuong mai", "trade_services"},
    {"dich vu", "trade_services"},
    {"nong nghiep", "agriculture"},
    {"thu nhap binh quan", "income_per_capita"},
    {"xuat khau", "exports"},
    {"nhap khau", "imports"},
    {"ban le", "retail_sales"},
    {"san luong luong thuc", "food_output"},
    {NULL, NULL},
};

/* Administrative levels, as they follow a body's name: "ĐẢNG ỦY XÃ TIẾN DŨNG". */
const char *const imp_level_words[] = {
    "THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "HUYỆN", "TỈNH", "XÃ", "PHƯỜNG", "QUẬN", NULL,
};

/* Issuing bodies as headers and signatures write them. */
const struct imp_body_word imp_body_words[] = {
    {"BAN THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy", "HU", "huyện"},
    {"BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy", "TU", "tỉnh"},
    {"HUYỆN ỦY", "Huyện ủy", "HU", "huyện"},
    {"HUYỆN UỶ", "Huyện ủy", "HU", "huyện"},
    {"TỈNH ỦY", "Tỉnh ủy", "TU", "tỉnh"},
    {"TỈNH UỶ", "Tỉnh ủy", "TU", "tỉnh"},
    {"THÀNH ỦY", "Thành ủy", "TU", "thành phố"},
    {"THỊ ỦY", "Thị ủy", "TU", "thị xã"},
    {"QUẬN ỦY", "Quận ủy", "QU", "quận"},
    {"ĐẢNG ỦY", "Đảng ủy", "ĐU", "xã"},
    {"ĐẢNG UỶ", "Đảng ủy", "ĐU", "xã"},
    {"ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "UBND", NULL},
    {"UỶ BAN NHÂN DÂN", "Ủy ban nhân dân", "UBND", NULL},
    {"UBND", "UBND", "UBND", NULL},
    {"ĐẢNG BỘ", "Đảng bộ", "ĐU", NULL},
    {"BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương", "TW", NULL},
    {NULL, NULL, NULL, NULL},
};

/* "Giao các sở: Y tế, Nội vụ …": a plural unit type, then its members; each a unit of its own. */
const struct imp_list_type imp_list_types[] = {
    {"các sở", "Sở"},
    {"các phòng", "Phòng"},
    {"các ban", "Ban"},
    {"các trung tâm", "Trung tâm"},
    {"các chi cục", "Chi cục"},
    {"các hội", "Hội"},
    {"các huyện ủy", "Huyện ủy"},
    {"các huyện uỷ", "Huyện ủy"},
    {"các thị ủy", "Thị ủy"},
    {"các thành ủy", "Thành ủy"},
    {NULL, NULL},
};

/* "Trung tâm Y tế các huyện: Tuy Phong, Bắc Bình …": a unit of each place listed after its colon. */
const struct imp_list_type imp_list_places[] = {
    {"các huyện", "huyện"},   {"các thị xã", "thị xã"}, {"các xã", "xã"},
    {"các phường", "phường"}, {"các quận", "quận"},	{NULL, NULL},
};

/* Deadlines named by an event rather than a date: kept as words, with no day. */
const char *const imp_event_deadlines[] = {
    "trước tết nguyên đán",  "trước tết âm lịch", "trước tết",
    "trước kỳ họp cuối năm", "trước mùa mưa bão", NULL,
};

/* What opens a sentence or a field that only gives the deadline of the task before it. */
const char *const imp_deadline_leads[] = {
    "thời gian hoàn thành",
    "thời hạn hoàn thành",
    "thời gian thực hiện",
    "thời gian trình",
    "thời gian gửi",
    "thời gian báo cáo",
    "thời hạn",
    "tiến độ hoàn thành",
    "hoàn thành",
    NULL,
};

/* The fields of a task written as a form: "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …". */
const char *const imp_field_leads[] = {
    "đơn vị chủ trì", "cơ quan chủ trì", "cơ quan, đơn vị chủ trì", "chủ trì", NULL,
};
const char *const imp_field_coords[] = {
    "đơn vị phối hợp", "cơ quan phối hợp", "cơ quan, đơn vị phối hợp", "phối hợp", NULL,
};

/* Columns of a table of tasks, by the words of their heading. */
const struct imp_column imp_task_columns[] = {
    {"chủ trì", IMP_COL_LEAD},	{"phối hợp", IMP_COL_COORD}, {"thời gian", IMP_COL_DUE},
    {"thời hạn", IMP_COL_DUE},	{"tiến độ", IMP_COL_DUE},    {"nội dung", IMP_COL_WHAT},
    {"nhiệm vụ", IMP_COL_WHAT}, {"công việc", IMP_COL_WHAT}, {NULL, 0},
};

/* Phrases of manner that end a list of members before its action: "… theo chức năng, nhiệm vụ …". */
const char *const imp_list_stops[] = {"theo chức năng", "theo thẩm quyền", "theo nhiệm vụ",
				      "trong phạm vi",	"căn cứ",	   NULL};

/*
 * Names that hold an action verb: "tổ chức" in "Các cấp ủy, tổ chức đảng", "xây dựng"
 * in "Ban Quản lý dự án đầu tư xây dựng huyện", "trình" in "công trình" end no assignee.
 */
const char *const imp_action_names[] = {"tổ chức đảng",
					"tổ chức cơ sở đảng",
					"tổ chức chính trị",
					"dự án đầu tư xây dựng",
					"công trình",
					"tờ trình",
					NULL};

/*
 * Names of units with a comma in them: "Trung tâm Văn hóa, Thông tin và Thể thao", "Sở Văn
 * hóa, Thể thao và Du lịch", "Phòng Kinh tế, Hạ tầng và Đô thị".
 */
const char *const imp_comma_names[] = {"văn hóa, thông tin", "văn hóa, thể thao",
				       "văn hoá, thông tin", "văn hoá, thể thao",
				       "kinh tế, hạ tầng",   NULL};

/* Addressees named together as one: "Ủy ban Mặt trận Tổ quốc và các đoàn thể …" is not split at "và". */
const char *const imp_joint_units[] = {"các đoàn thể", NULL};

/* Words before a verb that make "UNIT verb" a report of what was done, not a task. */
const char *const imp_narrative_words[] = {"đã",  "đang", "được", "chưa", "sẽ",
					   "vẫn", "cũng", "đều",  NULL};

/* Verbs of a body that reports or concludes, before the first action: not an assignee's name. */
const char *const imp_report_verbs[] = {"thông báo",  "kết luận",   "ghi nhận",
					"thống nhất", "biểu dương", NULL};

/* The meeting and its members: "UNIT verb …" about them tells what the session did. */
const char *const imp_meeting_units[] = {
    "ban chấp hành", "ban thường vụ", "thường trực", "hội nghị", "các đồng chí", "đồng chí", NULL};

/*
 * Words that open a heading or a time, never a unit, before a colon or a verb: "Về kết quả:
 * …", and the headings of an assessment: "Hạn chế: …", "Nguyên nhân: …".
 */
const char *const imp_not_units[] = {"về",	   "đến nay",	  "hiện nay", "kết quả",
				     "nhìn chung", "việc",	  "hạn chế",  "tồn tại",
				     "ưu điểm",	   "nguyên nhân", "khó khăn", NULL};

/*
 * What a closing sentence asks that only restates the document ("yêu cầu các cơ quan, đơn
 * vị nghiêm túc triển khai thực hiện./."): no task of its own. Compared with the task's
 * words in lower case, a parenthesis and the final punctuation left out.
 */
const char *const imp_restatements[] = {"triển khai thực hiện", "tổ chức thực hiện",	"thực hiện",
					"triển khai",		"thực hiện nghiêm túc", NULL};

/* Words of manner before a restatement: "khẩn trương triển khai thực hiện". */
const char *const imp_manner_words[] = {"khẩn trương", "nghiêm túc", "tích cực", "chủ động", NULL};

/* Paragraphs of the header that never assign anything: "Số: …", "Kính gửi: …", "V/v …". */
const char *const imp_not_tasks[] = {"số", "kính gửi", "v/v", "nơi nhận", NULL};

/* Issuers that end a state symbol: "NĐ" + "CP" is "NĐ-CP" when a PDF lost the hyphen. */
const char *const imp_issuers[] = {
    "UBND",    "HĐND",	"CP",  "TTg", "QH",    "VPCP",	"BTC",	 "BNV",	    "BYT",     "BCT",
    "BCA",     "BQP",	"BTP", "BXD", "BTNMT", "BGDĐT", "BKHĐT", "BNNPTNT", "BLĐTBXH", "BGTVT",
    "BVHTTDL", "BTTTT", "TW",  "TU",  "HU",    "ĐU",	"TTr",	 NULL,
};

/* Spellings of a unit stored as one: "tỉ" and "tỷ" are the same word (same UTF-8 length). */
const struct imp_respell imp_unit_respell[] = {
    {"tỉ", "tỷ"},
    {"Tỉ", "Tỷ"},
    {NULL, NULL},
};

/* The motto's second line, which a copied two-column header runs on after the issuer's. */
const char *const imp_mottos_right[] = {
    "độc lập - tự do - hạnh phúc",
    "độc lập – tự do – hạnh phúc",
    "đảng cộng sản việt nam",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "cộng hoà xã hội chủ nghĩa việt nam",
    NULL,
};
