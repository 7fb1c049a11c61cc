/* demo_tasks.c: the demo's tasks: session 26's three tasks, more tasks and their reports. */
#include "core/demo/demo_tasks.h"
#include "db/db.h"

#include <stdio.h>

#include "core/tasks/task.h"

/* The registry's demo units; created here only when the store lacks them. */
static const struct {
	const char *name, *kind, *email, *fold;
} demo_units[] = {
    {"Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện", "group", "bch@tanyen.example",
     "cac dong chi uy vien ban chap hanh dang bo huyen"},
    {"Thủ trưởng các cơ quan, đơn vị", "group", "thutruong@tanyen.example",
     "thu truong cac co quan, don vi"},
    {"Văn phòng Huyện ủy", "organ", "vanphong@tanyen.example", "van phong huyen uy"},
};

static int demo_unit(struct db *db, size_t i, int64_t body)
{
	int64_t id;
	int r = db_query_int(db, SQL_TASK_DEMO_UNIT, &id, "t", demo_units[i].name);

	if (r == ERR_NOTFOUND)
		return db_exec(db, SQL_TASK_DEMO_UNIT_INSERT, "itttt", body, demo_units[i].kind,
			       demo_units[i].name, demo_units[i].email, demo_units[i].fold);
	if (r < 0)
		return r;
	/* Reminders need an address; the registry's units may not carry one. */
	return db_exec(db, SQL_TASK_DEMO_UNIT_EMAIL, "ti", demo_units[i].email, id);
}

int demo_tasks(struct db *db, struct err *e)
{
	static const char *const sec2[] = {demo_units[0].name, demo_units[1].name};
	static const char *const office[] = {"Văn phòng Huyện ủy"};
	static const char *const heads[] = {"Thủ trưởng các cơ quan, đơn vị"};
	struct task_input in = {0};
	int64_t body = 0, doc = 0, session = 0, t2, t3, t5, tx, ty, tz;
	int r;

	r = db_query_int(db, SQL_TASK_DEMO_BODY, &body, "");
	if (r == ERR_NOTFOUND) {
		r = db_exec(db, SQL_TASK_DEMO_BODY_INSERT, "");
		body = db_last_id(db);
	}
	for (size_t i = 0; r == 0 && i < 3; i++)
		r = demo_unit(db, i, body);
	if (r < 0)
		return db_err(db, e, r, "demo nhiệm vụ: không chuẩn bị được đơn vị");
	if (db_query_int(db, SQL_TASK_DEMO_NOTICE, &doc, "") < 0)
		doc = 0;
	if (db_query_int(db, SQL_TASK_DEMO_SESSION, &session, "") < 0)
		session = 0;

	/* The seed notice's tasks (sections 2, 3 and 5), assigned on 04/10/2023. */
	in.body_id = body;
	in.source_doc_id = doc;
	in.source_session_id = session;
	in.assigned_on = "2023-10-04";
	in.report_to = "Thường trực Huyện ủy";
	in.follower = "Văn phòng Huyện ủy";
	in.section = "2";
	in.content = "Rà soát, đẩy nhanh việc thực hiện các nhiệm vụ chính trị của huyện";
	in.deadline = "02 tháng tới";
	in.leads = sec2;
	in.nleads = 2;
	r = task_insert(db, &in, &t2, e);
	if (r < 0)
		return r;
	in.section = "3";
	in.content = "Tiếp thu các ý kiến, hoàn thiện các văn bản và thực hiện các bước tiếp theo "
		     "bảo đảm đúng quy định";
	in.deadline = "31/10/2023";
	in.leads = office;
	in.nleads = 1;
	r = task_insert(db, &in, &t3, e);
	if (r < 0)
		return r;
	in.section = "5";
	in.content = "Theo dõi, đôn đốc việc thực hiện Thông báo này, báo cáo kết quả thực hiện "
		     "với Thường trực Huyện ủy theo quy định";
	in.deadline = "thường xuyên";
	in.cycle = "month";
	r = task_insert(db, &in, &t5, e);
	if (r < 0)
		return r;
	/* Further tasks of the same session, so that every status shows in late 2023. */
	in.cycle = NULL;
	in.section = "1";
	in.content = "Hoàn thiện Báo cáo sơ kết Nghị quyết số 22-NQ/HU theo ý kiến hội nghị";
	in.deadline = "20/10/2023";
	r = task_insert(db, &in, &tx, e);
	if (r < 0)
		return r;
	in.content = "Hoàn thiện Tờ trình sửa đổi, bổ sung Quy chế làm việc của Ban Chấp hành";
	in.deadline = "15/11/2023";
	r = task_insert(db, &in, &ty, e);
	if (r < 0)
		return r;
	in.content = "Rà soát danh mục công trình, dự án chuyển mục đích đất lúa năm 2023";
	in.deadline = "30/11/2023";
	in.leads = heads;
	r = task_insert(db, &in, &tz, e);
	if (r < 0)
		return r;

	/* Progress: section 3 done on 25/10 (on time), 22-NQ report done on 23/10 (late). */
	struct task_report_input rep = {.unit = "Văn phòng Huyện ủy"};

	rep.on_date = "2023-10-16";
	rep.text = "Đã tổng hợp ý kiến của các đồng chí Ủy viên Ban Chấp hành, đang hoàn thiện "
		   "dự thảo";
	r = task_report_tx(db, t3, &rep, NULL, e);
	if (r == 0) {
		rep.on_date = "2023-10-25";
		rep.text = "Đã hoàn thiện các văn bản, trình Thường trực Huyện ủy ký ban hành";
		rep.result = "Các văn bản đã ban hành";
		rep.close_request = true;
		r = task_report_tx(db, t3, &rep, NULL, e);
	}
	if (r == 0)
		r = task_confirm_tx(db, t3, "2023-10-25", "Văn phòng xác nhận hoàn thành", e);
	if (r == 0) {
		rep = (struct task_report_input){.unit = "Văn phòng Huyện ủy",
						 .on_date = "2023-10-23",
						 .text = "Đã hoàn thiện báo cáo sơ kết, gửi Ban "
							 "Thường vụ",
						 .close_request = true};
		r = task_report_tx(db, tx, &rep, NULL, e);
	}
	if (r == 0)
		r = task_confirm_tx(db, tx, "2023-10-23", NULL, e);
	if (r == 0) {
		rep = (struct task_report_input){
		    .unit = "Văn phòng Huyện ủy",
		    .on_date = "2023-10-31",
		    .text = "Tháng 10/2023: đã theo dõi, tổng hợp tiến độ các nhiệm vụ của "
			    "Thông báo"};
		r = task_report_tx(db, t5, &rep, NULL, e);
	}
	if (r == 0) {
		rep = (struct task_report_input){
		    .unit = "Thủ trưởng các cơ quan, đơn vị",
		    .on_date = "2023-11-10",
		    .text = "Các cơ quan đã rà soát chương trình công tác quý IV, tập trung các "
			    "chỉ tiêu còn thấp"};
		r = task_report_tx(db, t2, &rep, NULL, e);
	}
	if (r == 0) {
		rep = (struct task_report_input){.unit = "Thủ trưởng các cơ quan, đơn vị",
						 .on_date = "2023-11-20",
						 .text = "Đã rà soát 23/30 công trình, dự án"};
		r = task_report_tx(db, tz, &rep, NULL, e);
	}
	if (r < 0)
		return r;
	(void)ty;
	return 0;
}
