/* demo_registry.c: the demo's registry: Tân Yên's district committee, its term, organs, people, session 26. */
#include "core/demo/demo_registry.h"

#include <stdio.h>

#include "core/registry/registry.h"

/* The members of the district committee (Ban Chấp hành Đảng bộ huyện khóa XXII) in the demo. */
struct demo_member {
	const char *name, *position;
	bool btv; /* also in the standing committee (Ban Thường vụ) */
	bool tt;  /* also in the Thường trực */
};

static const struct demo_member demo_members[] = {
    {"Đinh Đức Cảnh", "Bí thư", true, true},
    {"Nguyễn Văn Hưng", "Phó Bí thư Thường trực", true, true},
    {"Trần Thị Thu Hà", "Phó Bí thư, Chủ tịch UBND huyện", true, true},
    {"Lê Quang Vinh", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra", true, false},
    {"Hoàng Văn Thắng", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức", true, false},
    {"Phạm Thị Lan", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo", true, false},
    {"Vũ Đình Khoa", "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận", true, false},
    {"Ngô Văn Tuấn", "Ủy viên Ban Thường vụ, Chánh Văn phòng Huyện ủy", true, false},
    {"Dương Thị Hồng", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND huyện", true, false},
    {"Nguyễn Đức Mạnh", "Ủy viên Ban Thường vụ, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", true,
     false},
    {"Thân Văn Sơn", "Ủy viên Ban Thường vụ, Trưởng Công an huyện", true, false},
    {"Giáp Thị Minh", "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ huyện", true, false},
    {"Lưu Văn Bình", "Ủy viên Ban Thường vụ, Phó Chủ tịch HĐND huyện", true, false},
    {"Đỗ Văn Long", "Ủy viên Ban Chấp hành", false, false},
    {"Bùi Thị Hạnh", "Ủy viên Ban Chấp hành", false, false},
    {"Nguyễn Thị Mai", "Ủy viên Ban Chấp hành", false, false},
    {"Trần Văn Đông", "Ủy viên Ban Chấp hành", false, false},
    {"Lê Thị Ngọc", "Ủy viên Ban Chấp hành", false, false},
    {"Phan Văn Quyết", "Ủy viên Ban Chấp hành", false, false},
    {"Hà Văn Tùng", "Ủy viên Ban Chấp hành", false, false},
    {"Nguyễn Văn Thành", "Ủy viên Ban Chấp hành", false, false},
    {"Đào Thị Thúy", "Ủy viên Ban Chấp hành", false, false},
    {"Chu Văn Hải", "Ủy viên Ban Chấp hành", false, false},
    {"Vi Văn Phong", "Ủy viên Ban Chấp hành", false, false},
    {"Nguyễn Thị Hương", "Ủy viên Ban Chấp hành", false, false},
    {"Trịnh Văn Kiên", "Ủy viên Ban Chấp hành", false, false},
    {"Lương Văn Dũng", "Ủy viên Ban Chấp hành", false, false},
    {"Mai Thị Yến", "Ủy viên Ban Chấp hành", false, false},
    {"Nguyễn Văn Toàn", "Ủy viên Ban Chấp hành", false, false},
    {"Tạ Văn Lực", "Ủy viên Ban Chấp hành", false, false},
    {"Hoàng Thị Oanh", "Ủy viên Ban Chấp hành", false, false},
    {"Đặng Văn Hiếu", "Ủy viên Ban Chấp hành", false, false},
    {"Nguyễn Thị Phương", "Ủy viên Ban Chấp hành", false, false},
};

struct demo_agenda {
	const char *kind, *title, *presenter, *doc_symbol;
};

/* Session 26's agenda, as the notice lists it. */
static const struct demo_agenda demo_agenda[] = {
    {"Báo cáo",
     "tình hình, kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý III và 9 tháng đầu "
     "năm; mục tiêu, nhiệm vụ và giải pháp chủ yếu quý IV năm 2023",
     "UBND huyện", NULL},
    {"Báo cáo",
     "sơ kết việc thực hiện Nghị quyết số 22-NQ/HU ngày 15/4/2021 của Ban Chấp hành Đảng bộ "
     "huyện về tăng cường sự lãnh đạo của cấp ủy đảng đối với việc đẩy mạnh thu hút đầu tư vào "
     "các khu, cụm công nghiệp trên địa bàn huyện giai đoạn 2021-2025 và những năm tiếp theo",
     "UBND huyện", "22-NQ/HU"},
    {"Báo cáo",
     "sơ kết việc thực hiện Nghị quyết số 56-NQ/HU ngày 05/7/2021 của Ban Chấp hành Đảng bộ "
     "huyện về lãnh đạo, chỉ đạo xây dựng Tân Yên đạt chuẩn huyện nông thôn mới nâng cao",
     "UBND huyện", "56-NQ/HU"},
    {"Tờ trình",
     "sửa đổi, bổ sung Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XXII, nhiệm kỳ "
     "2020-2025",
     "Văn phòng Huyện ủy", NULL},
    {"Tờ trình",
     "rà soát, điều chỉnh, bổ sung Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ "
     "huyện khóa XXII, nhiệm kỳ 2020-2025",
     "Văn phòng Huyện ủy", NULL},
};

static const char *const demo_communes[] = {"Liên Sơn", "Ngọc Lý", "Ngọc Vân", "Lam Cốt",
					    "Việt Lập"};

static int add_body(struct db *db, int64_t parent, enum reg_level level, enum reg_kind kind,
		    const char *name, const char *short_name, const char *code, const char *place,
		    const char *to, int64_t *ret, struct err *e)
{
	struct reg_body b = {.parent_id = parent,
			     .level = level,
			     .kind = kind,
			     .name = name,
			     .short_name = short_name,
			     .code = code,
			     .place = place,
			     .active_to = to};

	return reg_body_add(db, &b, ret, e);
}

static int add_term(struct db *db, int64_t body, const char *name, int from, int to, int64_t *ret,
		    struct err *e)
{
	struct reg_term t = {.body_id = body, .name = name, .year_from = from, .year_to = to};

	return reg_term_add(db, &t, ret, e);
}

static int add_organ(struct db *db, int64_t body, const char *kind, const char *name,
		     const char *code, int64_t *ret, struct err *e)
{
	struct reg_organ o = {.body_id = body, .kind = kind, .name = name, .code = code};

	return reg_organ_add(db, &o, ret, e);
}

static int add_unit(struct db *db, int64_t body, const char *kind, const char *name, int64_t organ,
		    int64_t lower, struct err *e)
{
	struct reg_unit u = {
	    .body_id = body, .kind = kind, .name = name, .organ_id = organ, .lower_body_id = lower};

	return reg_unit_add(db, &u, NULL, e);
}

static int add_doc(struct db *db, const char *symbol, const char *date, int64_t organ,
		   const char *title, struct err *e)
{
	struct reg_doc d = {.symbol = symbol, .date = date, .organ_id = organ, .title = title};

	return reg_doc_add(db, &d, NULL, e);
}

/* Party bodies, organs and terms above the district, and the documents they issued. */
static int demo_upper(struct db *db, int64_t *ret_tu, struct err *e)
{
	int64_t tw, tu, bct, btv_tu, id;
	int r;

	if ((r = add_body(db, 0, REG_TW, REG_PARTY, "Ban Chấp hành Trung ương Đảng", "Trung ương",
			  "TW", "Hà Nội", NULL, &tw, e)) < 0 ||
	    (r = add_term(db, tw, "X", 2006, 2011, &id, e)) < 0 ||
	    (r = add_term(db, tw, "XIII", 2021, 2026, &id, e)) < 0 ||
	    (r = add_organ(db, tw, "bch", "Ban Chấp hành Trung ương", NULL, &id, e)) < 0 ||
	    (r = add_organ(db, tw, "btv", "Bộ Chính trị", NULL, &bct, e)) < 0 ||
	    (r = add_body(db, tw, REG_TINH, REG_PARTY, "Tỉnh ủy Bắc Giang", "Tỉnh ủy", "TU",
			  "Bắc Giang", "2025-06-30", &tu, e)) < 0 ||
	    (r = add_term(db, tu, "XIX", 2020, 2025, &id, e)) < 0 ||
	    (r = add_organ(db, tu, "bch", "Ban Chấp hành Đảng bộ tỉnh", NULL, &id, e)) < 0 ||
	    (r = add_organ(db, tu, "btv", "Ban Thường vụ Tỉnh ủy", NULL, &btv_tu, e)) < 0)
		return r;
	if ((r = add_doc(db, "158-QĐ/TW", "2008-05-12", bct, "ban hành Quy chế chất vấn trong Đảng",
			 e)) < 0 ||
	    (r = add_doc(db, "19-CT/TU", NULL, btv_tu, NULL, e)) < 0 ||
	    (r = add_doc(db, "120-KL/TU", NULL, btv_tu, NULL, e)) < 0)
		return r;
	*ret_tu = tu;
	return 0;
}

static int demo_people(struct db *db, int64_t bch, int64_t btv, int64_t tt, struct err *e)
{
	for (size_t i = 0; i < sizeof(demo_members) / sizeof(demo_members[0]); i++) {
		const struct demo_member *m = &demo_members[i];
		struct reg_person p = {.full_name = m->name};
		struct reg_member ms = {.position = m->position};
		int r;

		r = reg_person_add(db, &p, &ms.person_id, e);
		if (r < 0)
			return r;
		ms.organ_id = bch;
		if ((r = reg_member_add(db, &ms, NULL, e)) < 0)
			return r;
		ms.organ_id = btv;
		if (m->btv && (r = reg_member_add(db, &ms, NULL, e)) < 0)
			return r;
		ms.organ_id = tt;
		if (m->tt && (r = reg_member_add(db, &ms, NULL, e)) < 0)
			return r;
	}
	return 0;
}

static int demo_session26(struct db *db, int64_t hu, int64_t bch, int64_t term, struct arena *a,
			  struct err *e)
{
	struct reg_session s = {.organ_id = bch,
				.term_id = term,
				.number = 26,
				.kind = "thuong_ky",
				.date = "2023-10-04",
				.place = "Tân Yên",
				.basis = "Quy chế làm việc",
				.status = "concluded"};
	int64_t sid;
	int r;

	r = reg_session_add(db, &s, &sid, NULL, e);
	if (r < 0)
		return r;
	for (size_t i = 0; i < sizeof(demo_agenda) / sizeof(demo_agenda[0]); i++) {
		const struct demo_agenda *d = &demo_agenda[i];
		struct reg_agenda it = {.session_id = sid,
					.position = (int)i + 1,
					.doc_kind = d->kind,
					.title = d->title,
					.outcome = "cơ bản nhất trí"};
		struct reg_unit u;
		struct reg_doc doc;

		if ((r = reg_unit_find(db, hu, d->presenter, a, &u, e)) < 0)
			return r;
		it.presenter_unit_id = u.id;
		if (d->doc_symbol) {
			if ((r = reg_doc_find(db, d->doc_symbol, NULL, a, &doc, e)) < 0)
				return r;
			it.document_id = doc.id;
		}
		if ((r = reg_agenda_add(db, &it, NULL, e)) < 0)
			return r;
	}
	return 0;
}

int demo_registry(struct db *db, struct err *e)
{
	struct arena *a = arena_new(1u << 24);
	int64_t tu, hu, ubnd, term, bch, btv, tt, vp, id;
	char name[200];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = demo_upper(db, &tu, e)) < 0)
		goto out;
	if ((r = add_body(db, tu, REG_HUYEN, REG_PARTY, "Huyện ủy Tân Yên", "Huyện ủy", "HU",
			  "Tân Yên", "2025-06-30", &hu, e)) < 0 ||
	    (r = add_term(db, hu, "XXII", 2020, 2025, &term, e)) < 0 ||
	    (r = add_organ(db, hu, "bch", "Ban Chấp hành Đảng bộ huyện", NULL, &bch, e)) < 0 ||
	    (r = add_organ(db, hu, "btv", "Ban Thường vụ Huyện ủy", NULL, &btv, e)) < 0 ||
	    (r = add_organ(db, hu, "tt", "Thường trực Huyện ủy", NULL, &tt, e)) < 0 ||
	    (r = add_organ(db, hu, "vp", "Văn phòng Huyện ủy", "VPHU", &vp, e)) < 0 ||
	    (r = add_organ(db, hu, "ubkt", "Ủy ban Kiểm tra Huyện ủy", "UBKTHU", &id, e)) < 0 ||
	    (r = add_organ(db, hu, "ban", "Ban Tổ chức Huyện ủy", "BTCHU", &id, e)) < 0 ||
	    (r = add_organ(db, hu, "ban", "Ban Tuyên giáo Huyện ủy", "BTGHU", &id, e)) < 0 ||
	    (r = add_organ(db, hu, "ban", "Ban Dân vận Huyện ủy", "BDVHU", &id, e)) < 0)
		goto out;
	if ((r = add_body(db, hu, REG_HUYEN, REG_PEOPLE, "UBND huyện Tân Yên", "UBND huyện", "UBND",
			  "Tân Yên", "2025-06-30", &ubnd, e)) < 0 ||
	    (r = add_term(db, ubnd, "2021-2026", 2021, 2026, &id, e)) < 0 ||
	    (r = add_organ(db, ubnd, "ubnd", "Ủy ban nhân dân huyện Tân Yên", NULL, &id, e)) < 0)
		goto out;

	/* Units that receive the committee's tasks. */
	if ((r = add_unit(db, hu, "organ", "Văn phòng Huyện ủy", vp, 0, e)) < 0 ||
	    (r = add_unit(db, hu, "organ", "Thường trực Huyện ủy", tt, 0, e)) < 0 ||
	    (r = add_unit(db, hu, "organ", "Ban Thường vụ Huyện ủy", btv, 0, e)) < 0 ||
	    (r = add_unit(db, hu, "group", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện", 0, 0,
			  e)) < 0 ||
	    (r = add_unit(db, hu, "group", "Thủ trưởng các cơ quan, đơn vị", 0, 0, e)) < 0 ||
	    (r = add_unit(db, hu, "lower_body", "UBND huyện", 0, ubnd, e)) < 0)
		goto out;
	for (size_t i = 0; i < sizeof(demo_communes) / sizeof(demo_communes[0]); i++) {
		int64_t xa;

		/* Liên Sơn's committee has an address: the reminders of its tasks reach it. */
		struct reg_unit lu = {.body_id = hu,
				      .kind = "lower_body",
				      .name = name,
				      .lower_body_id = 0,
				      .email = i == 0 ? "lienson@tanyen.example" : NULL};

		snprintf(name, sizeof(name), "Đảng ủy xã %s", demo_communes[i]);
		if ((r = add_body(db, hu, REG_XA, REG_PARTY, name, "Đảng ủy", "ĐU",
				  demo_communes[i], NULL, &xa, e)) < 0)
			goto out;
		lu.lower_body_id = xa;
		if ((r = reg_unit_add(db, &lu, NULL, e)) < 0)
			goto out;
		/* Liên Sơn, the demo's commune, has units of its own to pass its tasks on to. */
		if (i == 0 &&
		    ((r = add_unit(db, xa, "agency", "Ủy ban nhân dân xã Liên Sơn", 0, 0, e)) < 0 ||
		     (r = add_unit(db, xa, "agency", "Ủy ban Mặt trận Tổ quốc xã Liên Sơn", 0, 0,
				   e)) < 0))
			goto out;
	}
	/* The industrial clusters and zone the seed names, as the units that run them. */
	if ((r = add_unit(db, ubnd, "agency", "Cụm công nghiệp Đồng Đình", 0, 0, e)) < 0 ||
	    (r = add_unit(db, ubnd, "agency", "Cụm công nghiệp Lãng Cao", 0, 0, e)) < 0 ||
	    (r = add_unit(db, ubnd, "agency", "Khu công nghiệp Phúc Sơn", 0, 0, e)) < 0)
		goto out;

	if ((r = demo_people(db, bch, btv, tt, e)) < 0)
		goto out;
	if ((r = add_doc(db, "22-NQ/HU", "2021-04-15", bch,
			 "về tăng cường sự lãnh đạo của cấp ủy đảng đối với việc đẩy mạnh thu hút "
			 "đầu tư vào các khu, cụm công nghiệp trên địa bàn huyện giai đoạn "
			 "2021-2025 và những năm tiếp theo",
			 e)) < 0 ||
	    (r = add_doc(db, "56-NQ/HU", "2021-07-05", bch,
			 "về lãnh đạo, chỉ đạo xây dựng Tân Yên đạt chuẩn huyện nông thôn mới nâng "
			 "cao",
			 e)) < 0)
		goto out;
	r = demo_session26(db, hu, bch, term, a, e);
out:
	arena_free(a);
	return r;
}
