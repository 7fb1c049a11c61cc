/* task_split.c: a task broken down into sub-tasks for the units of the body it was given to. */
#include <stdio.h>
#include <string.h>

#include "core/tasks/task_int.h"

/* "31/12/2023" from ISO text into out. */
static void show_iso(const char *iso, char out[static 11])
{
	if (iso && strlen(iso) == 10)
		snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, 11, "%s", iso ? iso : "");
}

/* What the split needs of the parent. */
struct split_parent {
	char state[20], due[11], words[200], body_name[200];
	int64_t body_id, lower_body_id;
};

static int parent_get(struct db *db, int64_t id, struct split_parent *ret, struct err *e)
{
	struct db_q *q;
	int r = db_prepare(db, SQL_TASK_SPLIT_PARENT, &q);

	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		const char *due = db_col_text(q, 3), *words = db_col_text(q, 4);
		const char *name = db_col_text(q, 5);

		snprintf(ret->state, sizeof(ret->state), "%s", db_col_text(q, 0));
		ret->body_id = db_col_int(q, 1);
		ret->lower_body_id = db_col_int(q, 2);
		snprintf(ret->due, sizeof(ret->due), "%s", due ? due : "");
		snprintf(ret->words, sizeof(ret->words), "%s", words ? words : "");
		snprintf(ret->body_name, sizeof(ret->body_name), "%s", name ? name : "");
		r = 0;
	} else if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có nhiệm vụ số %lld", (long long)id);
	} else {
		r = db_err(db, e, r, "lỗi cơ sở dữ liệu");
	}
	db_done(q);
	return r;
}

/* Each unit of refs must be one of body_id's own (not a lower body's stand-in elsewhere). */
static int units_of_body(struct db *db, const char *const *refs, size_t n, int64_t body_id,
			 const char *body_name, const char *hint, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		int64_t uid, body = 0;
		int r = task_unit_find(db, refs[i], &uid, e);

		if (r < 0)
			return r;
		r = db_query_int(db, SQL_TASK_UNIT_BODY, &body, "i", uid);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		if (body != body_id)
			return err_set(e, ERR_INVAL, "đơn vị '%s' không phải đơn vị của %s; %s",
				       refs[i], body_name, hint);
	}
	return 0;
}

static int split_tx(struct db *db, int64_t parent_id, int64_t body_id, const struct task_input *in,
		    int64_t *ret_id, struct err *e)
{
	struct task_input sub = {0};
	struct split_parent p;
	char words[32], due[11] = "", shown[11], pshown[11], hint[300];
	int64_t id;
	int r = parent_get(db, parent_id, &p, e);
	struct db_q *q;

	if (r < 0)
		return r;
	if (strcmp(p.state, "done") == 0)
		return err_set(e, ERR_LOCKED,
			       "nhiệm vụ số %lld đã được xác nhận hoàn thành; không giao tiếp được",
			       (long long)parent_id);
	if (body_id != (p.lower_body_id ? p.lower_body_id : p.body_id) || !body_id)
		return err_set(e, ERR_INVAL,
			       "nhiệm vụ số %lld không được giao cho cơ quan số %lld; chỉ %s giao "
			       "tiếp nhiệm vụ này",
			       (long long)parent_id, (long long)body_id,
			       p.body_name[0] ? p.body_name : "cơ quan nhận nhiệm vụ");
	snprintf(hint, sizeof(hint), "nhiệm vụ chỉ giao tiếp cho đơn vị của %s", p.body_name);
	if ((r = units_of_body(db, in->leads, in->nleads, body_id, p.body_name, hint, e)) < 0 ||
	    (r = units_of_body(db, in->coords, in->ncoords, body_id, p.body_name, hint, e)) < 0)
		return r;
	sub.body_id = body_id;
	sub.parent_id = parent_id;
	sub.content = in->content;
	sub.assigned_on = in->assigned_on;
	sub.deadline = in->deadline;
	sub.leads = in->leads;
	sub.nleads = in->nleads;
	sub.coords = in->coords;
	sub.ncoords = in->ncoords;
	if (!sub.deadline || !*sub.deadline) {
		/* Without a deadline of its own the sub-task ends when its parent does. */
		snprintf(words, sizeof(words), "%s", p.due);
		sub.deadline = p.due[0] ? words : p.words[0] ? p.words : NULL;
	}
	r = task_insert(db, &sub, &id, e);
	if (r < 0)
		return r;
	if (!p.due[0])
		goto done;
	r = db_prepare(db, SQL_TASK_DEADLINE_OF, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "i", id);
	if (r == 0 && (r = db_step(q)) == 1) {
		const char *d = db_col_text(q, 2);

		snprintf(due, sizeof(due), "%s", d ? d : "");
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (!due[0] || strcmp(due, p.due) > 0) {
		show_iso(due, shown);
		show_iso(p.due, pshown);
		if (!due[0])
			return err_set(e, ERR_INVAL,
				       "thời hạn phải là một ngày, không muộn hơn thời hạn của "
				       "nhiệm vụ cấp trên (%s)",
				       pshown);
		return err_set(e, ERR_INVAL,
			       "thời hạn %s sau thời hạn của nhiệm vụ cấp trên (%s); chọn một ngày "
			       "không muộn hơn",
			       shown, pshown);
	}
done:
	*ret_id = id;
	return 0;
}

int task_split(struct db *db, int64_t parent_id, int64_t body_id, const struct task_input *in,
	       int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, split_tx(db, parent_id, body_id, in, ret_id, e), e);
}

static int assign_tx(struct db *db, int64_t body_id, const struct task_input *in, int64_t *ret_id,
		     struct err *e)
{
	struct task_input t = {0};
	char name[600] = "", ended[11] = "", successor[600] = "", shown[11], hint[200];
	struct db_q *q;
	int r = db_prepare(db, SQL_TASK_ASSIGN_BODY, &q);

	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_bindv(q, "i", body_id);
	if (r == 0 && (r = db_step(q)) == 1) {
		const char *to = db_col_text(q, 1), *s = db_col_text(q, 2);

		snprintf(name, sizeof(name), "%s", db_col_text(q, 0));
		snprintf(ended, sizeof(ended), "%s", to ? to : "");
		snprintf(successor, sizeof(successor), "%s", s ? s : "");
		r = 0;
	} else if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "cơ quan giao: không có cơ quan số %lld",
			    (long long)body_id);
	}
	db_done(q);
	if (r < 0)
		return r == ERR_NOTFOUND ? r : db_err(db, e, r, "lỗi cơ sở dữ liệu");
	/* A body whose work passed to a successor gives no new task (an ended root still may). */
	if (ended[0] && successor[0]) {
		show_iso(ended, shown);
		return err_set(e, ERR_INVAL,
			       "cơ quan giao: %s đã kết thúc ngày %s, công việc chuyển sang %s; "
			       "nhiệm vụ mới do %s giao",
			       name, shown, successor, successor);
	}
	if (!in->nleads)
		return err_set(e, ERR_INVAL,
			       "đơn vị chủ trì: cần ít nhất một đơn vị của %s hoặc một cấp dưới "
			       "trực thuộc",
			       name);
	snprintf(hint, sizeof(hint),
		 "chọn đơn vị của cơ quan giao hoặc đơn vị đại diện cấp dưới trực thuộc");
	if ((r = units_of_body(db, in->leads, in->nleads, body_id, name, hint, e)) < 0 ||
	    (r = units_of_body(db, in->coords, in->ncoords, body_id, name, hint, e)) < 0)
		return r;
	t.body_id = body_id;
	t.content = in->content;
	t.assigned_on = in->assigned_on;
	t.deadline = in->deadline && *in->deadline ? in->deadline : NULL;
	t.leads = in->leads;
	t.nleads = in->nleads;
	t.coords = in->coords;
	t.ncoords = in->ncoords;
	return task_insert(db, &t, ret_id, e);
}

int task_assign(struct db *db, int64_t body_id, const struct task_input *in, int64_t *ret_id,
		struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, assign_tx(db, body_id, in, ret_id, e), e);
}
