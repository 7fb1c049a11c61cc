/* cli_session.c: 'dondoc session list|show|add|status' and 'dondoc agenda add'. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_reg.h"
#include "vn/date.h"

/* "04/10/2023" from "2023-10-04"; the ISO text itself when it does not parse. */
static void short_date(const char *iso, char *out, size_t n)
{
	struct vn_date d;
	struct buf b = BUF_INIT(32);

	snprintf(out, n, "%s", iso ? iso : "");
	if (iso && vn_date_parse(iso, strlen(iso), 0, &d, NULL) == 0 &&
	    vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		snprintf(out, n, "%s", buf_str(&b));
	buf_free(&b);
}

const struct cli_spec cli_session_list_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"organ", CLI_TEXT, 0, "ORGAN", "cơ quan giúp việc (mã, hoặc HU:bch)"}, {NULL}},
};

int cli_session_list(struct cli *c, const struct cli_args *args)
{
	const char *organ = cli_opt(args, "organ");
	struct arena *a = NULL;
	struct reg_session *ss;
	struct reg_organ o = {0};
	struct db *db;
	size_t n;
	json_t *arr, *j;
	int r;

	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (organ && (r = cli_reg_organ(c, db, organ, a, &o)) < 0)
		goto out;
	if ((r = reg_session_list(db, o.id, a, &ss, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++) {
			if ((r = cli_reg_json_session(c, db, &ss[i], a, &j)) < 0) {
				json_decref(arr);
				goto out;
			}
			json_array_append_new(arr, j);
		}
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct reg_organ so;
		struct reg_term t;
		char date[32];

		if ((r = reg_organ_get(db, ss[i].organ_id, a, &so, &c->err)) < 0 ||
		    (r = reg_term_get(db, ss[i].term_id, a, &t, &c->err)) < 0)
			goto out;
		short_date(ss[i].date, date, sizeof(date));
		fprintf(c->out, "%4lld  %s  phiên họp thứ %d của %s khóa %s (%s, %s)\n",
			(long long)ss[i].id, date, ss[i].number, so.name, t.name,
			reg_session_kind_name(ss[i].kind), reg_session_status_name(ss[i].status));
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_session_show_spec = {
    .opts = (const struct cli_optdef[]){{"organ", CLI_TEXT, 0, "ORGAN", "cơ quan giúp việc"},
					{"term", CLI_TEXT, 0, "TERM", "nhiệm kỳ"},
					{"number", CLI_TEXT, 0, "N", "số phiên họp trong nhiệm kỳ"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"ID", CLI_TEXT, 0, "mã phiên họp"}, {NULL}},
    .note = "Cần mã phiên họp, hoặc --organ, --term và --number.",
};

int cli_session_show(struct cli *c, const struct cli_args *args)
{
	const char *organ = cli_opt(args, "organ"), *term = cli_opt(args, "term"),
		   *number = cli_opt(args, "number");
	struct arena *a = NULL;
	struct reg_session s;
	struct reg_organ o;
	struct reg_term t;
	struct reg_body b;
	struct reg_agenda *items;
	struct db *db;
	long long id = 0, num = 0;
	char date[32];
	size_t n;
	json_t *j;
	int r;

	if (cli_npos(args) == 1 && !organ && !term && !number) {
		if ((r = cli_reg_int(c, "mã phiên họp", cli_pos(args, 0), INT64_MAX, &id)) < 0)
			return r;
	} else if (cli_npos(args) == 0 && organ && term && number) {
		if ((r = cli_reg_int(c, "số phiên họp", number, 100000, &num)) < 0)
			return r;
	} else {
		return cli_usage(c, "cần mã phiên họp, hoặc --organ, --term và --number");
	}
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (id)
		r = reg_session_get(db, id, a, &s, &c->err);
	else if ((r = cli_reg_organ(c, db, organ, a, &o)) == 0 &&
		 (r = cli_reg_term(c, db, o.body_id, term, a, &t)) == 0)
		r = reg_session_find(db, o.id, t.id, (int)num, a, &s, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		if ((r = cli_reg_json_session(c, db, &s, a, &j)) == 0)
			r = cli_json(c, j);
		goto out;
	}
	if ((r = reg_organ_get(db, s.organ_id, a, &o, &c->err)) < 0 ||
	    (r = reg_term_get(db, s.term_id, a, &t, &c->err)) < 0 ||
	    (r = reg_body_get(db, o.body_id, a, &b, &c->err)) < 0 ||
	    (r = reg_agenda_list(db, s.id, a, &items, &n, &c->err)) < 0)
		goto out;
	short_date(s.date, date, sizeof(date));
	fprintf(c->out, "Phiên họp thứ %d của %s khóa %s, nhiệm kỳ %d-%d\n", s.number, o.name,
		t.name, t.year_from, t.year_to);
	fprintf(c->out, "Cơ quan:    %s\n", b.name);
	fprintf(c->out, "Ngày họp:   %s%s%s%s%s\n", s.start_time ? s.start_time : "",
		s.start_time ? " ngày " : "", date, s.place ? ", tại " : "",
		s.place ? s.place : "");
	fprintf(c->out, "Loại:       %s\n", reg_session_kind_name(s.kind));
	if (s.basis)
		fprintf(c->out, "Căn cứ:     %s\n", s.basis);
	fprintf(c->out, "Trạng thái: %s\n", reg_session_status_name(s.status));
	fprintf(c->out, "Nội dung (%zu):\n", n);
	for (size_t i = 0; i < n; i++) {
		struct reg_unit u;

		fprintf(c->out, "  (%d) %s %s\n", items[i].position, items[i].doc_kind,
			items[i].title);
		if (items[i].presenter_unit_id &&
		    reg_unit_get(db, items[i].presenter_unit_id, a, &u, &c->err) == 0)
			fprintf(c->out, "      trình bày: %s\n", u.name);
		if (items[i].outcome)
			fprintf(c->out, "      kết quả: %s\n", items[i].outcome);
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_session_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"organ", CLI_TEXT, CLI_REQ, "ORGAN", "cơ quan giúp việc"},
	    {"term", CLI_TEXT, CLI_REQ, "TERM", "nhiệm kỳ"},
	    {"date", CLI_DATE, CLI_REQ, "DATE", "ngày họp"},
	    {"time", CLI_TEXT, 0, "HH:MM", "giờ bắt đầu (ví dụ 08:00)"},
	    {"number", CLI_TEXT, 0, "N", "số phiên họp (mặc định số tiếp theo)"},
	    {"kind", CLI_CHOICE, 0, "thuong_ky|bat_thuong|chuyen_de", "loại phiên họp"},
	    {"place", CLI_TEXT, 0, "P", "địa điểm"},
	    {"basis", CLI_TEXT, 0, "B", "căn cứ triệu tập"},
	    {"status", CLI_CHOICE, 0, "planned|held|concluded", "trạng thái"},
	    {NULL}},
};

int cli_session_add(struct cli *c, const struct cli_args *args)
{
	struct reg_session s = {0};
	const char *organ = cli_opt(args, "organ"), *term = cli_opt(args, "term"),
		   *number = cli_opt(args, "number");
	struct arena *a = NULL;
	struct reg_organ o;
	struct reg_term t;
	struct db *db;
	long long num = 0;
	int64_t id = 0;
	int r, got = 0;

	s.kind = cli_opt(args, "kind");
	s.place = cli_opt(args, "place");
	s.basis = cli_opt(args, "basis");
	s.status = cli_opt(args, "status");
	s.start_time = cli_opt(args, "time");
	if (number && (r = cli_reg_int(c, "số phiên họp", number, 100000, &num)) < 0)
		return r;
	if (s.kind && !reg_session_kind_valid(s.kind))
		return err_set(
		    &c->err, ERR_INVAL,
		    "loại phiên họp '%s' không hợp lệ (thuong_ky, bat_thuong, chuyen_de)", s.kind);
	if (s.status && !reg_session_status_valid(s.status))
		return err_set(&c->err, ERR_INVAL,
			       "trạng thái '%s' không hợp lệ (planned, held, concluded)", s.status);
	s.date = cli_opt(args, "date");
	s.number = (int)num;
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0 ||
	    (r = cli_reg_term(c, db, o.body_id, term, a, &t)) < 0)
		goto out;
	s.organ_id = o.id;
	s.term_id = t.id;
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_session_add(db, &s, &id, &got, &c->err));
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:I,s:i}", "id", (json_int_t)id, "number", got));
	else
		fprintf(c->out, "%lld: phiên họp thứ %d\n", (long long)id, got);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_session_status_spec = {
    .pos =
	(const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "mã phiên họp"},
				    {"planned|held|concluded", CLI_TEXT, CLI_REQ, "trạng thái mới"},
				    {NULL}},
};

int cli_session_status(struct cli *c, const struct cli_args *args)
{
	const char *status = cli_pos(args, 1);
	int64_t id = cli_pos_id(args, 0);
	struct db *db;
	int r;

	if (!reg_session_status_valid(status))
		return err_set(&c->err, ERR_INVAL,
			       "trạng thái '%s' không hợp lệ (planned, held, concluded)", status);
	if ((r = cli_db(c, &db)) < 0 || (r = cli_reg_begin(c, db)) < 0)
		return r;
	return cli_reg_end(c, db, reg_session_set_status(db, id, status, &c->err));
}

const struct cli_spec cli_agenda_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"kind", CLI_TEXT, CLI_REQ, "KIND", "loại nội dung (ví dụ Báo cáo)"},
	    {"title", CLI_TEXT, CLI_REQ, "TITLE", "tên nội dung"},
	    {"position", CLI_TEXT, 0, "N", "thứ tự"},
	    {"presenter", CLI_TEXT, 0, "UNIT", "đơn vị trình bày"},
	    {"doc", CLI_TEXT, 0, "DOC", "văn bản trình (mã hoặc số hiệu)"},
	    {"outcome", CLI_TEXT, 0, "TEXT", "kết quả"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"SESSION", CLI_ID, CLI_REQ, "mã phiên họp"}, {NULL}},
};

int cli_agenda_add(struct cli *c, const struct cli_args *args)
{
	struct reg_agenda it = {0};
	const char *presenter = cli_opt(args, "presenter"), *doc = cli_opt(args, "doc"),
		   *pos = cli_opt(args, "position");
	struct arena *a = NULL;
	struct reg_session s;
	struct reg_organ o;
	struct reg_unit u;
	struct reg_doc d;
	struct db *db;
	long long sid = cli_pos_id(args, 0), n = 0, did;
	int64_t id = 0;
	int r;

	it.doc_kind = cli_opt(args, "kind");
	it.title = cli_opt(args, "title");
	it.outcome = cli_opt(args, "outcome");
	if (pos && (r = cli_reg_int(c, "thứ tự", pos, 10000, &n)) < 0)
		return r;
	it.session_id = sid;
	it.position = (int)n;
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_session_get(db, sid, a, &s, &c->err)) < 0 ||
	    (r = reg_organ_get(db, s.organ_id, a, &o, &c->err)) < 0)
		goto out;
	if (presenter) {
		if (cli_reg_int(c, "đơn vị", presenter, INT64_MAX, &did) == 0)
			r = reg_unit_get(db, did, a, &u, &c->err);
		else
			r = reg_unit_find(db, o.body_id, presenter, a, &u, &c->err);
		if (r < 0)
			goto out;
		it.presenter_unit_id = u.id;
	}
	if (doc) {
		if (cli_reg_int(c, "văn bản", doc, INT64_MAX, &did) == 0)
			r = reg_doc_get(db, did, a, &d, &c->err);
		else
			r = reg_doc_find(db, doc, NULL, a, &d, &c->err);
		if (r < 0)
			goto out;
		it.document_id = d.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_agenda_add(db, &it, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}
