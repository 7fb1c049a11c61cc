/* test_sessionwork.c: rules and quorum, votes, comments and versions, questioning, minutes, carry-over, programmes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/sessionwork/qa.h"
#include "db/db.h"
#include "test_store.h"
#include "core/sessionwork/sessionwork.h"
#include "render/cmt_table.h"

/*
 * The fixture: a district committee (body 1) of ten members in office on
 * 04/10/2023, its BTV, Thường trực, UBKT and office; a second body whose
 * committee has one member (person 11); person 12 belongs to no organ.
 * Session 1 (04/10/2023) has four agenda items, session 2 follows it.
 */
static const char fixture_sql[] =
    "INSERT INTO body(id, level, kind, name, code) VALUES"
    " (1, 'huyen', 'party', 'Huyện ủy Tân Yên', 'HU'),"
    " (2, 'huyen', 'party', 'Huyện ủy Yên Thế', 'HU');"
    "INSERT INTO term(id, body_id, name, year_from, year_to) VALUES (1, 1, 'XXII', 2020, 2025),"
    " (2, 2, 'XXII', 2020, 2025);"
    "INSERT INTO organ(id, body_id, kind, name) VALUES"
    " (1, 1, 'bch', 'Ban Chấp hành Đảng bộ huyện'), (2, 1, 'btv', 'Ban Thường vụ Huyện ủy'),"
    " (3, 1, 'tt', 'Thường trực Huyện ủy'), (4, 1, 'ubkt', 'Ủy ban Kiểm tra Huyện ủy'),"
    " (5, 1, 'vp', 'Văn phòng Huyện ủy'), (6, 2, 'bch', 'Ban Chấp hành Đảng bộ huyện Yên Thế');"
    "INSERT INTO unit(id, body_id, kind, name, organ_id) VALUES"
    " (1, 1, 'organ', 'Văn phòng Huyện ủy', 5);"
    "INSERT INTO person(id, full_name) VALUES (1, 'Đinh Đức Cảnh'), (2, 'Nguyễn Văn Hưng'),"
    " (3, 'Trần Thị Thu Hà'), (4, 'Lê Quang Vinh'), (5, 'Hoàng Văn Thắng'), (6, 'Phạm Thị Lan'),"
    " (7, 'Vũ Đình Khoa'), (8, 'Ngô Văn Tuấn'), (9, 'Dương Thị Hồng'), (10, 'Đỗ Văn Long'),"
    " (11, 'Người Huyện Khác'), (12, 'Khách Mời');"
    "INSERT INTO membership(person_id, organ_id, position) SELECT id, 1, 'Ủy viên' FROM person"
    " WHERE id <= 10;"
    "INSERT INTO membership(person_id, organ_id, position, date_to) VALUES"
    " (12, 1, 'Ủy viên', '2022-01-01');" /* left the committee before the sessions */
    "INSERT INTO membership(person_id, organ_id, position) VALUES (1, 2, 'Bí thư'),"
    " (11, 6, 'Ủy viên');"
    "INSERT INTO session(id, organ_id, term_id, number, date) VALUES (1, 1, 1, 26, '2023-10-04'),"
    " (2, 1, 1, 27, '2023-12-20'), (3, 6, 2, 9, '2023-12-20');"
    "INSERT INTO document(id, type_code, body_id, title, text) VALUES"
    " (1, 'BC', 1, 'những việc Ban Thường vụ đã giải quyết trong quý III/2023',"
    " 'Dự thảo ban đầu.');"
    "INSERT INTO agenda_item(id, session_id, position, doc_kind, title, document_id) VALUES"
    " (1, 1, 1, 'Báo cáo', 'tình hình kinh tế - xã hội', NULL),"
    " (2, 1, 2, 'Tờ trình', 'sửa đổi Quy chế làm việc', NULL),"
    " (3, 1, 3, 'Báo cáo', 'những việc Ban Thường vụ đã giải quyết', 1),"
    " (4, 1, 4, 'Tờ trình', 'lấy phiếu tín nhiệm', NULL);";

struct fx {
	char path[256];
	struct db *db;
	struct arena *a;
	struct err e;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->path, sizeof(f->path), "/tmp/dondoc-test-sw-%ld.db", (long)getpid());
	if (test_store_fresh(f->path, sizeof(f->path)) < 0 ||
	    db_open(f->path, DB_CREATE, &f->db, &f->e) < 0)
		return -1;
	if (test_store_exec(f->path, fixture_sql) < 0)
		return -1;
	f->a = arena_new(64u << 20);
	*state = f;
	return f->a ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->db);
	arena_free(f->a);
	db_remove(f->path, true, NULL);
	free(f);
	return 0;
}

/* Marks persons first..last present at the session, the others of 1..10 absent. */
static void attend_range(struct fx *f, int64_t session, int present)
{
	for (int64_t p = 1; p <= 10; p++)
		assert_int_equal(sw_attend(f->db, session, p, p <= present ? SW_PRESENT : SW_ABSENT,
					   p <= present ? NULL : "đi công tác", NULL, &f->e),
				 0);
}

static int64_t count(struct fx *f, const char *sql)
{
	return test_store_int(f->path, sql);
}

static void threshold_is_more_than_half_of_members_in_office(void **state)
{
	struct sw_rule r;

	sw_rule_default(&r);
	assert_false(sw_rule_passes(&r, 10, 5)); /* exactly half is not enough */
	assert_true(sw_rule_passes(&r, 10, 6));
	assert_false(sw_rule_passes(&r, 9, 4));
	assert_true(sw_rule_passes(&r, 9, 5));
	assert_false(sw_rule_passes(&r, 0, 0));
	assert_false(sw_rule_attend_ok(&r, 10, 5));
	assert_true(sw_rule_attend_ok(&r, 10, 6));
	assert_false(sw_rule_special_ok(&r, 10, 6)); /* 6/10 < 2/3 */
	assert_true(sw_rule_special_ok(&r, 10, 7));
	assert_true(sw_rule_special_ok(&r, 9, 6)); /* exactly two thirds */
}

static void exactly_half_of_members_does_not_pass(void **state)
{
	struct fx *f = *state;
	struct sw_vote_in in = {.agenda_item_id = 1, .n_for = 5, .n_against = 3, .n_abstain = 2};
	struct sw_vote v;
	int64_t id;

	attend_range(f, 1, 10);
	/* Calling it agreement when it did not pass is refused, and nothing is written. */
	in.wording = "cơ bản nhất trí";
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "5/10"));
	assert_int_equal(count(f, "SELECT count(*) FROM sw_vote"), 0);
	in.wording = NULL;
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
	assert_int_equal(vote_get(f->db, 1, f->a, &v, &f->e), 0);
	assert_false(v.passed);
	assert_string_equal(v.wording, "không thông qua");
	assert_int_equal(v.members, 10);
	/* One more vote for passes, and the item's outcome takes the office's words. */
	in = (struct sw_vote_in){
	    .agenda_item_id = 2, .n_for = 6, .n_against = 4, .wording = "cơ bản nhất trí"};
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
	assert_int_equal(vote_get(f->db, 2, f->a, &v, &f->e), 0);
	assert_true(v.passed);
	assert_string_equal(v.wording, "cơ bản nhất trí");
	assert_int_equal(count(f, "SELECT count(*) FROM agenda_item WHERE id = 2 AND outcome = "
				  "'cơ bản nhất trí'"),
			 1);
	/* A second vote on the same item is refused. */
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_EXISTS);
}

static void vote_refused_when_attendance_rule_not_met(void **state)
{
	struct fx *f = *state;
	struct sw_vote_in in = {.agenda_item_id = 1, .n_for = 5};
	struct sw_quorum qu;
	int64_t id;

	attend_range(f, 1, 5); /* half present: not more than half */
	assert_int_equal(sw_quorum(f->db, 1, f->a, &qu, &f->e), 0);
	assert_int_equal(qu.members, 10);
	assert_int_equal(qu.present, 5);
	assert_false(qu.attend_ok);
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "không đủ điều kiện biểu quyết"));
	assert_int_equal(count(f, "SELECT count(*) FROM sw_vote"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM agenda_item WHERE outcome IS NOT NULL"), 0);
	/* An advisory vote needs no rule. */
	in.advisory = true;
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
	/* A special item needs two thirds present: 6 of 10 is not enough, 7 is. */
	attend_range(f, 1, 6);
	in = (struct sw_vote_in){.agenda_item_id = 4, .n_for = 6, .special = true};
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "2/3"));
	attend_range(f, 1, 7);
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
}

static void vote_count_larger_than_attendance_is_refused(void **state)
{
	struct fx *f = *state;
	struct sw_named named[2] = {{.person_id = 1, .choice = SW_FOR},
				    {.person_id = 11, .choice = SW_FOR}};
	struct sw_vote_in in = {.agenda_item_id = 1, .n_for = 7, .n_against = 2};
	int64_t id;

	attend_range(f, 1, 8);
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "lớn hơn số thành viên có mặt (8)"));
	assert_int_equal(count(f, "SELECT count(*) FROM sw_vote"), 0);
	/* Names must be members and match the counts. */
	in = (struct sw_vote_in){.agenda_item_id = 1, .n_for = 2, .named = named, .nnamed = 2};
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	named[1].person_id = 2;
	in.n_for = 3;
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "không khớp"));
	in.n_for = 2;
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM sw_vote_name"), 2);
}

static void regulation_versions_take_effect_from_their_date(void **state)
{
	struct fx *f = *state;
	struct sw_rule r;
	struct sw_quorum qu;
	struct sw_vote_in in = {.agenda_item_id = 0, .n_for = 6};
	struct sw_named named[6];
	int64_t id, item = 0;

	sw_rule_default(&r);
	r.organ_id = 1;
	snprintf(r.effective_from, sizeof(r.effective_from), "01/11/2023");
	r.vote_num = 2;
	r.vote_den = 3;
	r.frequency = "thường kỳ 3 tháng một lần";
	r.record_names = true;
	assert_int_equal(sw_rule_set(f->db, &r, &id, &f->e), 0);
	assert_int_equal(sw_rule_set(f->db, &r, &id, &f->e), ERR_EXISTS);
	r.vote_num = 3;
	r.vote_den = 2;
	snprintf(r.effective_from, sizeof(r.effective_from), "2024-01-01");
	assert_int_equal(sw_rule_set(f->db, &r, &id, &f->e), ERR_INVAL);
	assert_int_equal(sw_quorum(f->db, 1, f->a, &qu, &f->e), 0);
	assert_int_equal(qu.rule.id, 0); /* October: the default */
	assert_int_equal(sw_quorum(f->db, 2, f->a, &qu, &f->e), 0);
	assert_int_equal(qu.rule.vote_den, 3);
	assert_string_equal(qu.rule.effective_from, "2023-11-01");
	/* Under 2/3, six of ten votes no longer pass in session 2. */
	attend_range(f, 2, 10);
	assert_int_equal(sw_agenda_carry(f->db, 1, 2, "chưa đủ thời gian thảo luận", &item, &f->e),
			 0);
	in.agenda_item_id = item;
	/* The new rule records names: a vote without them is refused. */
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "ghi tên"));
	for (int i = 0; i < 6; i++)
		named[i] = (struct sw_named){.person_id = i + 1, .choice = SW_FOR};
	in.named = named;
	in.nnamed = 6;
	assert_int_equal(vote_record(f->db, &in, &id, &f->e), 0);
	assert_int_equal(count(f, "SELECT passed FROM sw_vote"), 0);
}

static void attendance_of_strangers_is_refused(void **state)
{
	struct fx *f = *state;
	struct sw_quorum qu;
	int64_t id;

	assert_int_equal(sw_attend(f->db, 1, 12, SW_PRESENT, NULL, NULL, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "Khách Mời"));
	assert_int_equal(sw_attend(f->db, 1, 3, SW_ABSENT, NULL, NULL, &f->e), ERR_INVAL);
	assert_int_equal(sw_invite_guest(f->db, 1, 12, 0, "đại biểu", &id, &f->e), 0);
	assert_int_equal(sw_attend(f->db, 1, 12, SW_PRESENT, NULL, NULL, &f->e), 0);
	assert_int_equal(sw_attend(f->db, 1, 3, SW_DELEGATED, NULL, "Phó Chủ tịch UBND", &f->e), 0);
	assert_int_equal(sw_quorum(f->db, 1, f->a, &qu, &f->e), 0);
	assert_int_equal(qu.present, 0); /* the guest does not count, the delegate neither */
	assert_int_equal(qu.delegated, 1);
	assert_int_equal(qu.unrecorded, 9);
}

static void invitations_go_to_members_and_are_recorded_as_sent(void **state)
{
	struct fx *f = *state;
	struct sw_invitation *v;
	struct buf b = BUF_INIT(1 << 16);
	size_t n;
	int added = 0, sent = 0;

	assert_int_equal(sw_invite_members(f->db, 1, &added, &f->e), 0);
	assert_int_equal(added, 10); /* person 12 left in 2022 */
	assert_int_equal(sw_invite_members(f->db, 1, &added, &f->e), 0);
	assert_int_equal(added, 0);
	assert_int_equal(sw_invite_guest(f->db, 1, 0, 1, NULL, NULL, &f->e), 0);
	assert_int_equal(sw_invite_send(f->db, 1, "thư điện tử", &sent, &f->e), 0);
	assert_int_equal(sent, 11);
	assert_int_equal(sw_invite_list(f->db, 1, f->a, &v, &n, &f->e), 0);
	assert_int_equal(n, 11);
	assert_non_null(v[10].sent_at);
	assert_string_equal(v[10].channel, "thư điện tử");
	assert_int_equal(sw_invite_text(f->db, 1, &b, &f->e), 0);
	assert_non_null(strstr(buf_str(&b), "những việc Ban Thường vụ đã giải quyết"));
	assert_non_null(strstr(buf_str(&b), "04/10/2023"));
	buf_free(&b);
}

static void comment_response_and_new_version(void **state)
{
	struct fx *f = *state;
	struct cmt_table t;
	struct buf b = BUF_INIT(1 << 20);
	const char *text;
	int64_t c1, c2, c3;
	int ver = 0;

	assert_int_equal(cmt_add(f->db, 1, 1, 2, 0, "mục 2",
				 "Bổ sung kết quả <giải ngân> vốn đầu tư.", &c1, &f->e),
			 0);
	assert_int_equal(
	    cmt_add(f->db, 1, 1, 3, 0, NULL, "Nêu rõ các việc còn tồn đọng.", &c2, &f->e), 0);
	assert_int_equal(cmt_add(f->db, 1, 1, 0, 1, NULL, "Đề nghị đổi tên báo cáo.", &c3, &f->e),
			 0);
	assert_int_equal(cmt_add(f->db, 1, 1, 4, 0, NULL, "   ", NULL, &f->e), ERR_INVAL);
	assert_int_equal(cmt_add(f->db, 1, 1, 4, 1, NULL, "x", NULL, &f->e), ERR_INVAL);
	assert_int_equal(cmt_respond(f->db, c1, CMT_TIEP_THU, NULL, 1, &f->e), 0);
	/* Explaining or declining needs its reason. */
	assert_int_equal(cmt_respond(f->db, c2, CMT_GIAI_TRINH, NULL, 1, &f->e), ERR_INVAL);
	assert_int_equal(cmt_respond(f->db, c2, CMT_GIAI_TRINH, "Đã nêu ở phần II.", 1, &f->e), 0);
	assert_int_equal(cmt_respond(f->db, c3, CMT_KHONG_TIEP_THU, "Tên theo quy định.", 1, &f->e),
			 0);
	assert_int_equal(cmt_revise(f->db, 1, "Bản đã sửa, có kết quả giải ngân.",
				    "tiếp thu ý kiến", &ver, &f->e),
			 0);
	assert_int_equal(ver, 2);
	assert_int_equal(cmt_version_text(f->db, 1, 1, f->a, &text, &f->e), 0);
	assert_string_equal(text, "Dự thảo ban đầu.");
	assert_int_equal(cmt_version_text(f->db, 1, 0, f->a, &text, &f->e), 0);
	assert_string_equal(text, "Bản đã sửa, có kết quả giải ngân.");
	/* Once taken into a version, the response is settled. */
	assert_int_equal(cmt_respond(f->db, c1, CMT_KHONG_TIEP_THU, "x", 1, &f->e), ERR_LOCKED);
	assert_int_equal(cmt_table_load(f->db, 1, f->a, &t, &f->e), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rows[0].revised_version, 2);
	assert_int_equal(t.rows[1].revised_version, 0);
	assert_int_equal(t.n_tiep_thu, 1);
	assert_int_equal(t.n_giai_trinh, 1);
	assert_int_equal(t.n_khong, 1);
	assert_int_equal(cmt_table_text(&t, &b), 0);
	assert_non_null(strstr(buf_str(&b), "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN"));
	assert_non_null(strstr(buf_str(&b), "Đồng chí Nguyễn Văn Hưng (mục 2)"));
	assert_non_null(strstr(buf_str(&b), "Giải trình — Đã nêu ở phần II."));
	assert_non_null(strstr(buf_str(&b), "3. Văn phòng Huyện ủy:"));
	buf_reset(&b);
	assert_int_equal(cmt_table_html(&t, &b), 0);
	assert_non_null(strstr(buf_str(&b), "&lt;giải ngân&gt;"));
	assert_null(strstr(buf_str(&b), "<giải ngân>"));
	assert_non_null(strstr(buf_str(&b), "<td>Không tiếp thu</td>"));
	buf_free(&b);
}

static void questioning_goes_through_verification(void **state)
{
	struct fx *f = *state;
	struct buf b = BUF_INIT(1 << 16);
	struct qa_in in = {.session_id = 1,
			   .questioner_id = 2,
			   .kind = QA_CHAT_VAN,
			   .target = QA_TO_MEMBER,
			   .respondent_person_id = 3,
			   .content = "việc chậm giải phóng mặt bằng cụm công nghiệp"};
	struct qa_item it;
	int64_t id, q2;

	assert_int_equal(qa_notice_paragraph(f->db, 1, &b, &f->e), 0);
	assert_string_equal(buf_str(&b), "Không có nội dung chất vấn.");
	/* A plain question, even from a non-member, is no chất vấn. */
	in.kind = QA_QUESTION;
	in.questioner_id = 12;
	in.target = QA_TO_NONE;
	assert_int_equal(qa_add(f->db, &in, &q2, &f->e), 0);
	buf_reset(&b);
	assert_int_equal(qa_notice_paragraph(f->db, 1, &b, &f->e), 0);
	assert_string_equal(buf_str(&b), "Không có nội dung chất vấn.");
	assert_int_equal(qa_verify(f->db, q2, "x", &f->e), ERR_INVAL);

	in.kind = QA_CHAT_VAN;
	in.questioner_id = 2;
	in.target = QA_TO_MEMBER;
	assert_int_equal(qa_add(f->db, &in, &id, &f->e), 0);
	assert_int_equal(qa_judge(f->db, id, true, NULL, &f->e), ERR_INVAL); /* not answered */
	assert_int_equal(qa_answer(f->db, id, "Đang làm.", &f->e), 0);
	assert_int_equal(qa_judge(f->db, id, false, NULL, &f->e), ERR_INVAL); /* needs a reason */
	assert_int_equal(qa_judge(f->db, id, false, "trả lời né tránh", &f->e), 0);
	assert_int_equal(qa_get(f->db, id, f->a, &it, &f->e), 0);
	assert_int_equal(it.stage, QA_RETURNED);
	assert_int_equal(qa_conclude(f->db, id, "x", &f->e), ERR_INVAL); /* no verification yet */
	assert_int_equal(qa_answer(f->db, id, "Chậm do vướng mắc đền bù 12 hộ.", &f->e), 0);
	assert_int_equal(qa_judge(f->db, id, true, NULL, &f->e), 0);
	assert_int_equal(qa_verify(f->db, id, "Giao Ủy ban Kiểm tra xác minh.", &f->e), 0);
	assert_int_equal(qa_conclude(f->db, id, "Có khuyết điểm trong chỉ đạo.", &f->e), 0);
	assert_int_equal(qa_handle(f->db, id, "Kiểm điểm rút kinh nghiệm.", &f->e), 0);
	assert_int_equal(qa_get(f->db, id, f->a, &it, &f->e), 0);
	assert_int_equal(it.stage, QA_HANDLED);
	assert_string_equal(it.respondent, "Trần Thị Thu Hà");
	buf_reset(&b);
	assert_int_equal(qa_notice_paragraph(f->db, 1, &b, &f->e), 0);
	assert_non_null(strstr(buf_str(&b), "Có 1 ý kiến chất vấn: (1) đồng chí Nguyễn Văn Hưng "
					    "chất vấn đồng chí Trần Thị Thu Hà về việc chậm"));
	assert_non_null(strstr(buf_str(&b), "Kiểm điểm rút kinh nghiệm."));
	buf_free(&b);
}

static void respondent_outside_the_organs_level_is_refused(void **state)
{
	struct fx *f = *state;
	struct qa_in in = {.session_id = 1,
			   .questioner_id = 2,
			   .kind = QA_CHAT_VAN,
			   .target = QA_TO_MEMBER,
			   .respondent_person_id = 11,
			   .content = "nội dung"};
	int64_t id;

	assert_int_equal(qa_add(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "Người Huyện Khác"));
	assert_non_null(strstr(f->e.msg, "không phải cấp ủy viên cùng cấp"));
	/* A questioner outside the committee cannot put chất vấn. */
	in.respondent_person_id = 3;
	in.questioner_id = 12;
	assert_int_equal(qa_add(f->db, &in, &id, &f->e), ERR_INVAL);
	/* Chất vấn needs a respondent; an organ of the committee answers. */
	in.questioner_id = 2;
	in.target = QA_TO_NONE;
	assert_int_equal(qa_add(f->db, &in, &id, &f->e), ERR_INVAL);
	assert_int_equal(count(f, "SELECT count(*) FROM sw_question"), 0);
	in.target = QA_TO_UBKT;
	in.respondent_person_id = 0;
	assert_int_equal(qa_add(f->db, &in, &id, &f->e), 0);
	assert_int_equal(count(f, "SELECT respondent_organ_id FROM sw_question"), 4);
}

static void approved_minutes_refuse_edits(void **state)
{
	struct fx *f = *state;
	struct minutes m;
	struct sw_vote_in in = {.agenda_item_id = 2, .n_for = 8, .wording = "cơ bản nhất trí"};

	attend_range(f, 1, 9);
	assert_int_equal(vote_record(f->db, &in, NULL, &f->e), 0);
	assert_int_equal(minutes_edit(f->db, 1, "x", &f->e), ERR_NOTFOUND);
	assert_int_equal(minutes_draft(f->db, 1, false, &f->e), 0);
	assert_int_equal(minutes_get(f->db, 1, f->a, &m, &f->e), 0);
	assert_non_null(strstr(m.text, "có mặt: 9; vắng mặt: 1"));
	assert_non_null(strstr(m.text, "Kết quả: cơ bản nhất trí"));
	assert_non_null(strstr(m.text, "Không có nội dung chất vấn."));
	assert_int_equal(minutes_draft(f->db, 1, false, &f->e), ERR_EXISTS);
	assert_int_equal(minutes_edit(f->db, 1, "Biên bản đã sửa.", &f->e), 0);
	assert_int_equal(minutes_approve(f->db, 1, 1, &f->e), 0);
	assert_int_equal(minutes_edit(f->db, 1, "Sửa sau khi duyệt.", &f->e), ERR_LOCKED);
	assert_non_null(strstr(f->e.msg, "đã khóa"));
	assert_int_equal(minutes_draft(f->db, 1, true, &f->e), ERR_LOCKED);
	assert_int_equal(minutes_approve(f->db, 1, 1, &f->e), ERR_LOCKED);
	assert_int_equal(minutes_get(f->db, 1, f->a, &m, &f->e), 0);
	assert_string_equal(m.text, "Biên bản đã sửa.");
	assert_true(m.approved);
	assert_int_equal(m.revision, 2);
}

static void carry_over_keeps_the_history(void **state)
{
	struct fx *f = *state;
	struct sw_carry_step *v;
	int64_t item = 0, id;
	size_t n;
	struct sw_vote_in in = {.agenda_item_id = 2, .n_for = 9};

	assert_int_equal(sw_agenda_carry(f->db, 1, 1, NULL, &item, &f->e), ERR_INVAL);
	assert_int_equal(sw_agenda_carry(f->db, 1, 3, NULL, &item, &f->e), ERR_INVAL);
	assert_int_equal(sw_agenda_carry(f->db, 1, 2, "chưa đủ tài liệu", &item, &f->e), 0);
	assert_int_equal(sw_agenda_carry(f->db, 1, 2, NULL, &id, &f->e), ERR_EXISTS);
	assert_int_equal(sw_agenda_history(f->db, item, f->a, &v, &n, &f->e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].session_number, 26);
	assert_string_equal(v[0].reason, "chưa đủ tài liệu");
	assert_int_equal(v[1].session_number, 27);
	assert_int_equal(v[1].position, 1);
	/* A concluded item stays where it was concluded. */
	attend_range(f, 1, 10);
	assert_int_equal(vote_record(f->db, &in, NULL, &f->e), 0);
	assert_int_equal(sw_agenda_carry(f->db, 2, 2, NULL, &id, &f->e), ERR_INVAL);
	assert_non_null(strstr(f->e.msg, "đã có kết luận"));
}

static void programme_revisions_keep_history(void **state)
{
	struct fx *f = *state;
	struct prog_topic_in t = {
	    .title = "Sơ kết Nghị quyết 56-NQ/HU", .year = 2023, .quarter = 3, .unit_id = 1};
	struct prog_view v;
	int64_t prog, t1, t2;
	int rev = 0;

	assert_int_equal(prog_add(f->db, 1, 2, false, 0, "Chương trình công tác toàn khóa",
				  "2020-10-01", &prog, &f->e),
			 ERR_INVAL); /* term of another body */
	assert_int_equal(prog_add(f->db, 1, 1, false, 0, "Chương trình công tác toàn khóa",
				  "2020-10-01", &prog, &f->e),
			 0);
	assert_int_equal(prog_topic_add(f->db, prog, &t, &t1, &f->e), 0);
	t.title = "Đề án phát triển đô thị";
	t.quarter = 5;
	assert_int_equal(prog_topic_add(f->db, prog, &t, &t2, &f->e), ERR_INVAL);
	t.quarter = 4;
	assert_int_equal(prog_topic_add(f->db, prog, &t, &t2, &f->e), 0);
	assert_int_equal(prog_tick(f->db, t1, 3, &f->e), 0);
	assert_int_equal(prog_revise(f->db, prog, "04/10/2023", 0,
				     "rà soát, điều chỉnh, bổ sung (phiên họp thứ 26)", &rev,
				     &f->e),
			 0);
	assert_int_equal(rev, 2);
	assert_int_equal(prog_topic_drop(f->db, t2, &f->e), 0);
	assert_int_equal(prog_topic_drop(f->db, t1, &f->e), ERR_INVAL); /* done already */
	assert_int_equal(prog_load(f->db, prog, 0, f->a, &v, &f->e), 0);
	assert_int_equal(v.revision, 2);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.done, 1);
	assert_int_equal(v.topics[0].done_session_number, 26);
	assert_int_equal(v.nrevs, 2);
	assert_int_equal(v.revs[1].dropped, 1);
	assert_int_equal(prog_load(f->db, prog, 1, f->a, &v, &f->e), 0);
	assert_int_equal(v.n, 2);
	assert_int_equal(prog_revise(f->db, prog, "2023-01-01", 0, "lùi ngày", &rev, &f->e),
			 ERR_INVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(threshold_is_more_than_half_of_members_in_office),
	    cmocka_unit_test_setup_teardown(exactly_half_of_members_does_not_pass, setup, teardown),
	    cmocka_unit_test_setup_teardown(vote_refused_when_attendance_rule_not_met, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(vote_count_larger_than_attendance_is_refused, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(regulation_versions_take_effect_from_their_date, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(attendance_of_strangers_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(invitations_go_to_members_and_are_recorded_as_sent,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(comment_response_and_new_version, setup, teardown),
	    cmocka_unit_test_setup_teardown(questioning_goes_through_verification, setup, teardown),
	    cmocka_unit_test_setup_teardown(respondent_outside_the_organs_level_is_refused, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(approved_minutes_refuse_edits, setup, teardown),
	    cmocka_unit_test_setup_teardown(carry_over_keeps_the_history, setup, teardown),
	    cmocka_unit_test_setup_teardown(programme_revisions_keep_history, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
