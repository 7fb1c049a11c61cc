/* demo_sessionwork.c: the demo's session work at session 26: attendance, votes, section 3's comments. */
#include "core/sessionwork/sessionwork.h"

#include "core/registry/registry.h"

/* The report section 3 of the notice has the members comment on directly. */
#define DEMO_BTV_REPORT "những việc Ban Thường vụ Huyện ủy đã giải quyết trong quý III/2023"

/*
 * Session 26 of the district committee, as the registry's demo left it:
 * every member invited and present (the notice names no absence), the five
 * drafts voted through with the office's words "cơ bản nhất trí", the
 * members' direct comments on the standing committee's quarterly report
 * taken in by the office, no questioning, and the minutes drafted.
 */
int demo_sessionwork(struct db *db, struct err *e)
{
	struct arena *a = arena_new(16u << 20);
	struct reg_body hu;
	struct reg_term term;
	struct reg_organ bch, btv;
	struct reg_session s;
	struct reg_unit office, members;
	struct reg_agenda *items;
	struct sw_quorum qu;
	struct reg_doc doc = {0};
	size_t nitems;
	int64_t doc_id, cid;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_body_by_name(db, "Huyện ủy Tân Yên", a, &hu, e)) < 0 ||
	    (r = reg_term_find(db, hu.id, "XXII", a, &term, e)) < 0 ||
	    (r = reg_organ_find(db, hu.id, "bch", a, &bch, e)) < 0 ||
	    (r = reg_organ_find(db, hu.id, "btv", a, &btv, e)) < 0 ||
	    (r = reg_session_find(db, bch.id, term.id, 26, a, &s, e)) < 0 ||
	    (r = reg_unit_find(db, hu.id, "Văn phòng Huyện ủy", a, &office, e)) < 0 ||
	    (r = reg_unit_find(db, hu.id, "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện", a,
			       &members, e)) < 0)
		goto out;

	if ((r = sw_invite_members(db, s.id, NULL, e)) < 0 ||
	    (r = sw_invite_send(db, s.id, "giấy mời", NULL, e)) < 0 ||
	    (r = sw_attend_rest_present(db, s.id, NULL, e)) < 0 ||
	    (r = sw_quorum(db, s.id, a, &qu, e)) < 0)
		goto out;

	if ((r = reg_agenda_list(db, s.id, a, &items, &nitems, e)) < 0)
		goto out;
	for (size_t i = 0; i < nitems; i++) {
		struct sw_vote_in v = {.agenda_item_id = items[i].id,
				       .n_for = qu.present,
				       .wording = "cơ bản nhất trí"};

		if ((r = vote_record(db, &v, NULL, e)) < 0)
			goto out;
	}

	doc.type_code = "BC";
	doc.body_id = hu.id;
	doc.organ_id = btv.id;
	doc.term_id = term.id;
	doc.title = DEMO_BTV_REPORT;
	if ((r = reg_doc_add(db, &doc, &doc_id, e)) < 0 ||
	    (r = cmt_add(db, doc_id, s.id, 0, members.id, NULL,
			 "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện khóa XXII cho ý kiến "
			 "trực tiếp vào Báo cáo " DEMO_BTV_REPORT ".",
			 &cid, e)) < 0 ||
	    (r = cmt_respond(db, cid, CMT_TIEP_THU,
			     "Văn phòng Huyện ủy tiếp thu các ý kiến, hoàn thiện các văn bản và "
			     "thực hiện các bước tiếp theo bảo đảm đúng quy định.",
			     office.id, e)) < 0)
		goto out;
	r = minutes_draft(db, s.id, false, e);
out:
	arena_free(a);
	return r;
}
