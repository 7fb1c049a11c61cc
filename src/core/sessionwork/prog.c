/* prog.c: work programmes (toàn khóa, năm) with their revisions, and topics ticked off by sessions. */
#include "core/sessionwork/sessionwork.h"

#include <stdio.h>
#include <string.h>

#include "core/sessionwork/sw_internal.h"

int prog_add(struct db *db, int64_t organ_id, int64_t term_id, bool yearly, int year,
	     const char *title, const char *date, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX);
	const char *ntitle, *scope = yearly ? "nam" : "toan_khoa";
	char iso[11];
	int64_t n = 0, id = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = sw_text(a, title, 1024, true, "tên chương trình", &ntitle, e);
	if (r == 0)
		r = sw_date(date, "ngày ban hành", iso, e);
	if (r < 0)
		goto out;
	if (yearly && (year < 1945 || year > 2200)) {
		r = err_set(e, ERR_INVAL, "chương trình năm cần năm hợp lệ (không phải %d)", year);
		goto out;
	}
	if (!yearly)
		year = 0;
	r = db_query_int(db, SQL_SW_TERM_OF_ORGAN, &n, "ii", term_id, organ_id);
	if (r < 0)
		goto dberr;
	if (!n) {
		r = err_set(e, ERR_INVAL, "nhiệm kỳ %lld không thuộc cấp ủy của cơ quan %lld",
			    (long long)term_id, (long long)organ_id);
		goto out;
	}
	r = db_query_int(db, SQL_SW_PROG_EXISTS, &n, "iitd", organ_id, term_id, scope, year);
	if (r < 0)
		goto dberr;
	if (n) {
		r = err_set(e, ERR_EXISTS, "cơ quan đã có chương trình công tác %s%s",
			    yearly ? "năm" : "toàn khóa", yearly ? " này" : " cho nhiệm kỳ này");
		goto out;
	}
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = db_exec(db, SQL_SW_PROG_INSERT, "iitdt", organ_id, term_id, scope, year, ntitle);
	if (r == 0) {
		id = db_last_id(db);
		r = db_exec(db, SQL_SW_PROG_REV_INSERT, "idtnt", id, 1, iso, "ban hành");
	}
	if (r < 0)
		db_err(db, e, r, "ghi chương trình công tác");
	r = db_end(db, r, e);
	if (r == 0 && ret_id)
		*ret_id = id;
	goto out;
dberr:
	r = db_err(db, e, r, "ghi chương trình công tác");
out:
	arena_free(a);
	return r;
}

struct prog_head {
	int64_t organ_id, term_id;
	bool yearly;
	int year, lastrev;
	const char *title, *organ;
};

static int prog_head_get(struct db *db, int64_t id, struct arena *a, struct prog_head *ret,
			 struct err *e)
{
	struct db_q *q;
	int64_t last = 0;
	int r;

	r = db_prepare(db, SQL_SW_PROG_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		const char *scope = db_col_text(q, 3);

		ret->organ_id = db_col_int(q, 1);
		ret->term_id = db_col_int(q, 2);
		ret->yearly = scope && strcmp(scope, "nam") == 0;
		ret->year = (int)db_col_int(q, 4);
		ret->title = sw_col0(a, q, 5);
		ret->organ = sw_col0(a, q, 6);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có chương trình công tác số hiệu %lld",
			       (long long)id);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	r = db_query_int(db, SQL_SW_PROG_LASTREV, &last, "i", id);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	ret->lastrev = (int)last;
	return 0;
}

static int prog_topic_add_tx(struct db *db, int64_t programme_id, const struct prog_topic_in *t,
			     int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX);
	struct prog_head h;
	const char *title, *uname;
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = prog_head_get(db, programme_id, a, &h, e);
	if (r == 0)
		r = sw_text(a, t->title, 2048, true, "nội dung (chủ đề)", &title, e);
	if (r == 0 && t->unit_id > 0)
		r = sw_unit_name(db, t->unit_id, a, &uname, e);
	if (r < 0)
		goto out;
	if (t->quarter < 0 || t->quarter > 4) {
		r = err_set(e, ERR_INVAL, "quý phải từ 1 đến 4 (không phải %d)", t->quarter);
		goto out;
	}
	if (t->session_number < 0 || (t->year != 0 && (t->year < 1945 || t->year > 2200))) {
		r = err_set(e, ERR_INVAL, "phiên họp hoặc năm không hợp lệ");
		goto out;
	}
	if (h.yearly && t->year != 0 && t->year != h.year) {
		r = err_set(e, ERR_INVAL, "chương trình năm %d không nhận nội dung của năm %d",
			    h.year, t->year);
		goto out;
	}
	r = db_prepare(db, SQL_SW_PROG_TOPIC_INSERT, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "itnnnnd", programme_id, title, h.lastrev);
	if (r == 0 && (t->year || h.yearly))
		r = db_bind_int(q, 3, t->year ? t->year : h.year);
	if (r == 0 && t->quarter)
		r = db_bind_int(q, 4, t->quarter);
	if (r == 0 && t->session_number)
		r = db_bind_int(q, 5, t->session_number);
	if (r == 0)
		r = sw_bind_id(q, 6, t->unit_id);
	if (r < 0) {
		db_done(q);
		goto dberr;
	}
	r = sw_run(q);
	if (r < 0)
		goto dberr;
	if (ret_id)
		*ret_id = db_last_id(db);
	goto out;
dberr:
	r = db_err(db, e, r, "ghi nội dung chương trình");
out:
	arena_free(a);
	return r;
}

int prog_topic_add(struct db *db, int64_t programme_id, const struct prog_topic_in *t,
		   int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, prog_topic_add_tx(db, programme_id, t, ret_id, e), e);
}

struct topic_head {
	int64_t programme_id, done_item_id;
	int added_rev, dropped_rev;
};

static int topic_head_get(struct db *db, int64_t id, struct topic_head *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_PROG_TOPIC_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc nội dung chương trình");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		ret->programme_id = db_col_int(q, 0);
		ret->added_rev = (int)db_col_int(q, 1);
		ret->dropped_rev = db_col_null(q, 2) ? 0 : (int)db_col_int(q, 2);
		ret->done_item_id = db_col_null(q, 3) ? 0 : db_col_int(q, 3);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có nội dung chương trình số hiệu %lld",
			       (long long)id);
	return r < 0 ? db_err(db, e, r, "đọc nội dung chương trình") : 0;
}

static int prog_topic_drop_tx(struct db *db, int64_t topic_id, struct err *e)
{
	struct arena *a = arena_new(1 << 16);
	struct topic_head t;
	struct prog_head h;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = topic_head_get(db, topic_id, &t, e);
	if (r == 0)
		r = prog_head_get(db, t.programme_id, a, &h, e);
	if (r < 0)
		goto out;
	if (t.dropped_rev) {
		r = err_set(e, ERR_INVAL, "nội dung %lld đã được bỏ ở lần điều chỉnh %d",
			    (long long)topic_id, t.dropped_rev);
		goto out;
	}
	if (t.done_item_id) {
		r = err_set(e, ERR_INVAL, "nội dung %lld đã thực hiện, không bỏ được",
			    (long long)topic_id);
		goto out;
	}
	r = db_exec(db, SQL_SW_PROG_TOPIC_DROP, "di", h.lastrev, topic_id);
	if (r < 0)
		r = db_err(db, e, r, "ghi nội dung chương trình");
out:
	arena_free(a);
	return r;
}

int prog_topic_drop(struct db *db, int64_t topic_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, prog_topic_drop_tx(db, topic_id, e), e);
}

static int prog_revise_tx(struct db *db, int64_t programme_id, const char *date,
			  int64_t document_id, const char *note, int *ret_revision, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 2);
	const char *nnote;
	struct prog_head h;
	struct db_q *q;
	char iso[11], last[11] = "";
	int64_t n = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = prog_head_get(db, programme_id, a, &h, e);
	if (r == 0)
		r = sw_date(date, "ngày điều chỉnh", iso, e);
	if (r == 0)
		r = sw_text(a, note, SW_NOTE_MAX, true, "nội dung điều chỉnh", &nnote, e);
	if (r < 0)
		goto out;
	if (document_id > 0) {
		r = db_query_int(db, SQL_SW_DOCUMENT_EXISTS, &n, "i", document_id);
		if (r < 0)
			goto dberr;
		if (!n) {
			r = err_set(e, ERR_NOTFOUND, "không có văn bản số hiệu %lld",
				    (long long)document_id);
			goto out;
		}
	}
	r = db_prepare(db, SQL_SW_PROG_LASTDATE, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", programme_id);
	if (r == 0 && (r = db_step(q)) == 1)
		snprintf(last, sizeof(last), "%s", db_col_text(q, 0) ? db_col_text(q, 0) : "");
	db_done(q);
	if (r < 0)
		goto dberr;
	if (strcmp(iso, last) < 0) {
		r = err_set(e, ERR_INVAL, "ngày điều chỉnh %s trước lần điều chỉnh gần nhất (%s)",
			    iso, last);
		goto out;
	}
	r = db_prepare(db, SQL_SW_PROG_REV_INSERT, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "idtnt", programme_id, h.lastrev + 1, iso, nnote);
	if (r == 0)
		r = sw_bind_id(q, 4, document_id);
	if (r < 0) {
		db_done(q);
		goto dberr;
	}
	r = sw_run(q);
	if (r < 0)
		goto dberr;
	if (ret_revision)
		*ret_revision = h.lastrev + 1;
	goto out;
dberr:
	r = db_err(db, e, r, "ghi điều chỉnh chương trình");
out:
	arena_free(a);
	return r;
}

int prog_revise(struct db *db, int64_t programme_id, const char *date, int64_t document_id,
		const char *note, int *ret_revision, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r
		     : db_end(db,
			      prog_revise_tx(db, programme_id, date, document_id, note,
					     ret_revision, e),
			      e);
}

static int prog_tick_tx(struct db *db, int64_t topic_id, int64_t agenda_item_id, struct err *e)
{
	struct arena *a = arena_new(1 << 16);
	struct topic_head t;
	struct prog_head h;
	struct sw_session s;
	struct db_q *q;
	int64_t session_id = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = topic_head_get(db, topic_id, &t, e);
	if (r == 0)
		r = prog_head_get(db, t.programme_id, a, &h, e);
	if (r < 0)
		goto out;
	if (t.dropped_rev) {
		r = err_set(e, ERR_INVAL,
			    "nội dung %lld đã bị bỏ khỏi chương trình (lần điều chỉnh %d)",
			    (long long)topic_id, t.dropped_rev);
		goto out;
	}
	r = db_prepare(db, SQL_SW_ITEM, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", agenda_item_id);
	if (r == 0 && (r = db_step(q)) == 1)
		session_id = db_col_int(q, 0);
	db_done(q);
	if (r < 0)
		goto dberr;
	if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có mục chương trình phiên họp số hiệu %lld",
			    (long long)agenda_item_id);
		goto out;
	}
	r = sw_session_get(db, session_id, a, &s, e);
	if (r < 0)
		goto out;
	if (s.organ_id != h.organ_id || s.term_id != h.term_id) {
		r = err_set(e, ERR_INVAL,
			    "mục chương trình %lld thuộc phiên họp của %s, không phải của %s trong "
			    "nhiệm kỳ của chương trình",
			    (long long)agenda_item_id, s.organ, h.organ);
		goto out;
	}
	r = db_exec(db, SQL_SW_PROG_TOPIC_TICK, "ii", agenda_item_id, topic_id);
	if (r == 0)
		goto out;
dberr:
	r = db_err(db, e, r, "ghi thực hiện chương trình");
out:
	arena_free(a);
	return r;
}

int prog_tick(struct db *db, int64_t topic_id, int64_t agenda_item_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, prog_tick_tx(db, topic_id, agenda_item_id, e), e);
}

int prog_load(struct db *db, int64_t programme_id, int revision, struct arena *a,
	      struct prog_view *ret, struct err *e)
{
	struct prog_head h;
	struct db_q *q;
	size_t cap = 0;
	int r;

	memset(ret, 0, sizeof(*ret));
	r = prog_head_get(db, programme_id, a, &h, e);
	if (r < 0)
		return r;
	if (revision < 0 || revision > h.lastrev)
		return err_set(e, ERR_NOTFOUND, "chương trình chỉ có %d lần ban hành/điều chỉnh",
			       h.lastrev);
	ret->id = programme_id;
	ret->organ_id = h.organ_id;
	ret->term_id = h.term_id;
	ret->title = h.title;
	ret->organ = h.organ;
	ret->yearly = h.yearly;
	ret->year = h.year;
	ret->revisions = h.lastrev;
	ret->revision = revision ? revision : h.lastrev;
	r = db_prepare(db, SQL_SW_PROG_TOPICS, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	r = db_bindv(q, "id", programme_id, ret->revision);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct prog_topic *t;

		if (arena_reserve(a, &ret->topics, ret->n, &cap, sizeof(*ret->topics)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		t = &ret->topics[ret->n++];
		t->id = db_col_int(q, 0);
		t->title = sw_col0(a, q, 1);
		t->year = (int)db_col_int(q, 2);
		t->quarter = (int)db_col_int(q, 3);
		t->session_number = (int)db_col_int(q, 4);
		t->unit_id = db_col_null(q, 5) ? 0 : db_col_int(q, 5);
		t->unit = db_col_strdup(q, 6, a);
		t->added_rev = (int)db_col_int(q, 7);
		t->dropped_rev = db_col_null(q, 8) ? 0 : (int)db_col_int(q, 8);
		t->done_item_id = db_col_null(q, 9) ? 0 : db_col_int(q, 9);
		t->done_session_id = db_col_null(q, 10) ? 0 : db_col_int(q, 10);
		t->done_session_number = (int)db_col_int(q, 11);
		if (t->done_item_id)
			ret->done++;
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	ret->revs = arena_alloc(a, (size_t)(h.lastrev > 0 ? h.lastrev : 1) * sizeof(*ret->revs));
	if (!ret->revs)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_prepare(db, SQL_SW_PROG_REVS, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc chương trình công tác");
	r = db_bindv(q, "i", programme_id);
	while (r == 0 && (r = db_step(q)) == 1 && ret->nrevs < (size_t)h.lastrev) {
		struct prog_rev *v = &ret->revs[ret->nrevs++];

		v->revision = (int)db_col_int(q, 0);
		v->effective_from = sw_col0(a, q, 1);
		v->note = db_col_strdup(q, 2, a);
		v->document_id = db_col_null(q, 3) ? 0 : db_col_int(q, 3);
		v->added = (int)db_col_int(q, 4);
		v->dropped = (int)db_col_int(q, 5);
		r = 0;
	}
	db_done(q);
	return r < 0 ? db_err(db, e, r, "đọc chương trình công tác") : 0;
}
