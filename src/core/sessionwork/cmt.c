/* cmt.c: members' comments on drafts, the office's responses, and the draft's versions. */
#include "core/sessionwork/sessionwork.h"

#include <string.h>

#include "core/sessionwork/sw_internal.h"

static const char *const resp_db[] = {NULL, "tiep_thu", "giai_trinh", "khong_tiep_thu"};
static const char *const resp_names[] = {"open", "tiep-thu", "giai-trinh", "khong-tiep-thu"};
static const char *const resp_labels[] = {"Chưa trả lời", "Tiếp thu", "Giải trình",
					  "Không tiếp thu"};

const char *cmt_resp_name(enum cmt_resp r)
{
	return r >= CMT_OPEN && r <= CMT_KHONG_TIEP_THU ? resp_names[r] : "open";
}

const char *cmt_resp_label(enum cmt_resp r)
{
	return r >= CMT_OPEN && r <= CMT_KHONG_TIEP_THU ? resp_labels[r] : resp_labels[0];
}

int cmt_resp_parse(const char *s)
{
	for (int i = 1; s && i <= CMT_KHONG_TIEP_THU; i++)
		if (strcmp(s, resp_names[i]) == 0 || strcmp(s, resp_db[i]) == 0)
			return i;
	return -1;
}

static enum cmt_resp resp_from_db(const char *s)
{
	for (int i = 1; s && i <= CMT_KHONG_TIEP_THU; i++)
		if (strcmp(s, resp_db[i]) == 0)
			return (enum cmt_resp)i;
	return CMT_OPEN;
}

struct doc_info {
	const char *kind, *title, *text, *body;
};

static int doc_get(struct db *db, int64_t id, struct arena *a, struct doc_info *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_SW_DOC, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc văn bản");
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		ret->kind = sw_col0(a, q, 0);
		ret->title = sw_col0(a, q, 1);
		ret->text = db_col_strdup(q, 2, a);
		ret->body = db_col_strdup(q, 3, a);
	}
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có văn bản số hiệu %lld", (long long)id);
	return r < 0 ? db_err(db, e, r, "đọc văn bản") : 0;
}

static int cmt_add_tx(struct db *db, int64_t document_id, int64_t session_id, int64_t person_id,
		      int64_t unit_id, const char *paragraph, const char *content, int64_t *ret_id,
		      struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 4);
	const char *name, *para, *text;
	struct doc_info d;
	struct sw_session s;
	int64_t ver = 0;
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = doc_get(db, document_id, a, &d, e);
	if (r == 0 && (person_id > 0) == (unit_id > 0))
		r = err_set(e, ERR_INVAL, "ý kiến cần đúng một người góp ý hoặc một nhóm");
	if (r == 0 && person_id > 0)
		r = sw_person_name(db, person_id, a, &name, e);
	if (r == 0 && unit_id > 0)
		r = sw_unit_name(db, unit_id, a, &name, e);
	if (r == 0 && session_id > 0)
		r = sw_session_get(db, session_id, a, &s, e);
	if (r == 0)
		r = sw_text(a, paragraph, 256, false, "đoạn/mục được góp ý", &para, e);
	if (r == 0)
		r = sw_text(a, content, SW_NOTE_MAX, true, "nội dung ý kiến", &text, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_SW_DOC_LASTVER, &ver, "i", document_id);
	if (r < 0)
		goto dberr;
	r = db_prepare(db, SQL_SW_CMT_INSERT, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "innntdt", document_id, para, ver > 0 ? (int)ver : 1, text);
	if (r == 0)
		r = sw_bind_id(q, 2, session_id);
	if (r == 0)
		r = sw_bind_id(q, 3, person_id);
	if (r == 0)
		r = sw_bind_id(q, 4, unit_id);
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
	r = db_err(db, e, r, "ghi ý kiến");
out:
	arena_free(a);
	return r;
}

int cmt_add(struct db *db, int64_t document_id, int64_t session_id, int64_t person_id,
	    int64_t unit_id, const char *paragraph, const char *content, int64_t *ret_id,
	    struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r
		     : db_end(db,
			      cmt_add_tx(db, document_id, session_id, person_id, unit_id, paragraph,
					 content, ret_id, e),
			      e);
}

static int cmt_respond_tx(struct db *db, int64_t comment_id, enum cmt_resp resp, const char *text,
			  int64_t unit_id, struct err *e)
{
	struct arena *a = arena_new(SW_NOTE_MAX * 2);
	const char *ntext, *uname;
	struct db_q *q;
	int64_t revised = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (resp < CMT_TIEP_THU || resp > CMT_KHONG_TIEP_THU) {
		r = err_set(e, ERR_INVAL,
			    "hình thức trả lời phải là tiếp thu, giải trình hoặc không tiếp thu");
		goto out;
	}
	r = db_prepare(db, SQL_SW_CMT_GET, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "i", comment_id);
	if (r == 0)
		r = db_step(q);
	if (r == 1)
		revised = db_col_null(q, 1) ? 0 : db_col_int(q, 1);
	db_done(q);
	if (r < 0)
		goto dberr;
	if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có ý kiến số hiệu %lld", (long long)comment_id);
		goto out;
	}
	if (revised > 0) {
		r = err_set(e, ERR_LOCKED,
			    "ý kiến %lld đã được tiếp thu vào bản sửa lần %lld: không sửa câu trả "
			    "lời được",
			    (long long)comment_id, (long long)revised);
		goto out;
	}
	r = sw_text(a, text, SW_NOTE_MAX, resp != CMT_TIEP_THU, "nội dung giải trình", &ntext, e);
	if (r == 0 && unit_id > 0)
		r = sw_unit_name(db, unit_id, a, &uname, e);
	if (r < 0)
		goto out;
	r = db_prepare(db, SQL_SW_CMT_RESPOND, &q);
	if (r < 0)
		goto dberr;
	r = db_bindv(q, "ttni", resp_db[resp], ntext, comment_id);
	if (r == 0)
		r = sw_bind_id(q, 3, unit_id);
	if (r < 0) {
		db_done(q);
		goto dberr;
	}
	r = sw_run(q);
	if (r == 0)
		goto out;
dberr:
	r = db_err(db, e, r, "ghi trả lời ý kiến");
out:
	arena_free(a);
	return r;
}

int cmt_respond(struct db *db, int64_t comment_id, enum cmt_resp resp, const char *text,
		int64_t unit_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, cmt_respond_tx(db, comment_id, resp, text, unit_id, e), e);
}

int cmt_revise(struct db *db, int64_t document_id, const char *text, const char *note,
	       int *ret_version, struct err *e)
{
	struct arena *a = arena_new(SW_TEXT_MAX * 2 + SW_NOTE_MAX);
	const char *ntext, *nnote;
	struct doc_info d;
	int64_t last = 0;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = doc_get(db, document_id, a, &d, e);
	if (r == 0)
		r = sw_text(a, text, SW_TEXT_MAX, true, "nội dung bản sửa", &ntext, e);
	if (r == 0)
		r = sw_text(a, note, SW_NOTE_MAX, false, "ghi chú", &nnote, e);
	if (r < 0)
		goto out;
	r = db_begin_e(db, e);
	if (r < 0)
		goto out;
	r = db_query_int(db, SQL_SW_DOC_LASTVER, &last, "i", document_id);
	/* The draft as tabled is version 1, kept before the first revision. */
	if (r == 0 && last == 0) {
		r = db_exec(db, SQL_SW_DOC_VER_INSERT, "idtt", document_id, 1, d.text ? d.text : "",
			    "dự thảo trình phiên họp");
		last = 1;
	}
	if (r == 0)
		r = db_exec(db, SQL_SW_DOC_VER_INSERT, "idtt", document_id, (int)last + 1, ntext,
			    nnote);
	if (r == 0)
		r = db_exec(db, SQL_SW_CMT_MARK_REVISED, "ii", last + 1, document_id);
	if (r < 0)
		db_err(db, e, r, "ghi bản sửa");
	r = db_end(db, r, e);
	if (r == 0 && ret_version)
		*ret_version = (int)last + 1;
out:
	arena_free(a);
	return r;
}

int cmt_version_text(struct db *db, int64_t document_id, int version, struct arena *a,
		     const char **ret, struct err *e)
{
	struct doc_info d;
	int64_t last = 0;
	struct db_q *q;
	int r;

	r = doc_get(db, document_id, a, &d, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_SW_DOC_LASTVER, &last, "i", document_id);
	if (r < 0)
		return db_err(db, e, r, "đọc bản sửa");
	if (version == 0)
		version = last > 0 ? (int)last : 1;
	if (last == 0 && version == 1) {
		*ret = d.text ? d.text : "";
		return 0;
	}
	r = db_prepare(db, SQL_SW_DOC_VER_TEXT, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc bản sửa");
	r = db_bindv(q, "id", document_id, version);
	if (r == 0)
		r = db_step(q);
	if (r == 1)
		*ret = sw_col0(a, q, 0);
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "văn bản %lld không có bản số %d",
			       (long long)document_id, version);
	return r < 0 ? db_err(db, e, r, "đọc bản sửa") : 0;
}

int cmt_table_load(struct db *db, int64_t document_id, struct arena *a, struct cmt_table *ret,
		   struct err *e)
{
	struct doc_info d;
	int64_t last = 0;
	size_t cap = 0;
	struct db_q *q;
	int r;

	memset(ret, 0, sizeof(*ret));
	r = doc_get(db, document_id, a, &d, e);
	if (r < 0)
		return r;
	ret->document_id = document_id;
	ret->doc_kind = d.kind;
	ret->doc_title = d.title;
	ret->body = d.body;
	r = db_query_int(db, SQL_SW_DOC_LASTVER, &last, "i", document_id);
	if (r < 0)
		return db_err(db, e, r, "đọc bản sửa");
	ret->versions = (int)last;
	r = db_prepare(db, SQL_SW_CMT_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "đọc ý kiến");
	r = db_bindv(q, "i", document_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct cmt_row *row;

		if (arena_reserve(a, &ret->rows, ret->n, &cap, sizeof(*ret->rows)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		row = &ret->rows[ret->n++];
		row->id = db_col_int(q, 0);
		row->member = sw_col0(a, q, 1);
		row->paragraph = db_col_strdup(q, 2, a);
		row->content = sw_col0(a, q, 3);
		row->response = resp_from_db(db_col_text(q, 4));
		row->response_text = db_col_strdup(q, 5, a);
		row->responder = db_col_strdup(q, 6, a);
		row->on_version = (int)db_col_int(q, 7);
		row->revised_version = db_col_null(q, 8) ? 0 : (int)db_col_int(q, 8);
		row->group = db_col_int(q, 9) != 0;
		switch (row->response) {
		case CMT_TIEP_THU:
			ret->n_tiep_thu++;
			break;
		case CMT_GIAI_TRINH:
			ret->n_giai_trinh++;
			break;
		case CMT_KHONG_TIEP_THU:
			ret->n_khong++;
			break;
		default:
			ret->n_open++;
		}
		r = 0;
	}
	db_done(q);
	return r < 0 ? db_err(db, e, r, "đọc ý kiến") : 0;
}
