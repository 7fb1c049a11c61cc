/* cli_session.c: 'dondoc session list|show|add|status' and 'dondoc agenda add'. */
#include <getopt.h>
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

int cli_session_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"organ", required_argument, NULL, 'o'},
					     {NULL, 0, NULL, 0}};
	const char *organ = NULL;
	struct arena *a = NULL;
	struct reg_session *ss;
	struct reg_organ o = {0};
	struct db *db;
	size_t n;
	json_t *arr, *j;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'o')
			return ERR_USAGE;
		organ = optarg;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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

int cli_session_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"organ", required_argument, NULL, 'o'},
					     {"term", required_argument, NULL, 't'},
					     {"number", required_argument, NULL, 'n'},
					     {NULL, 0, NULL, 0}};
	const char *organ = NULL, *term = NULL, *number = NULL;
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
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 'o')
			organ = optarg;
		else if (ch == 't')
			term = optarg;
		else if (ch == 'n')
			number = optarg;
		else
			return ERR_USAGE;
	}
	if (optind + 1 == argc && !organ && !term && !number) {
		if ((r = cli_reg_int(c, "mã phiên họp", argv[optind], INT64_MAX, &id)) < 0)
			return r;
	} else if (optind == argc && organ && term && number) {
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
	fprintf(c->out, "Ngày họp:   %s%s%s\n", date, s.place ? ", tại " : "",
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

int cli_session_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"organ", required_argument, NULL, 'o'},
	    {"term", required_argument, NULL, 't'},
	    {"number", required_argument, NULL, 'n'},
	    {"date", required_argument, NULL, 'd'},
	    {"kind", required_argument, NULL, 'k'},
	    {"place", required_argument, NULL, 'p'},
	    {"basis", required_argument, NULL, 'B'},
	    {"status", required_argument, NULL, 's'},
	    {NULL, 0, NULL, 0},
	};
	struct reg_session s = {0};
	const char *organ = NULL, *term = NULL, *number = NULL, *date = NULL;
	struct arena *a = NULL;
	struct reg_organ o;
	struct reg_term t;
	struct db *db;
	long long num = 0;
	char iso[11];
	int64_t id = 0;
	int r, ch, got = 0;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'o':
			organ = optarg;
			break;
		case 't':
			term = optarg;
			break;
		case 'n':
			number = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'k':
			s.kind = optarg;
			break;
		case 'p':
			s.place = optarg;
			break;
		case 'B':
			s.basis = optarg;
			break;
		case 's':
			s.status = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!organ || !term || !date)
		return cli_usage(c, "cần --organ, --term và --date");
	if (number && (r = cli_reg_int(c, "số phiên họp", number, 100000, &num)) < 0)
		return r;
	if ((r = cli_reg_date(c, "ngày họp", date, iso)) < 0)
		return r;
	if (s.kind && !reg_session_kind_valid(s.kind))
		return err_set(
		    &c->err, ERR_INVAL,
		    "loại phiên họp '%s' không hợp lệ (thuong_ky, bat_thuong, chuyen_de)", s.kind);
	if (s.status && !reg_session_status_valid(s.status))
		return err_set(&c->err, ERR_INVAL,
			       "trạng thái '%s' không hợp lệ (planned, held, concluded)", s.status);
	s.date = iso;
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

int cli_session_status(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	struct db *db;
	long long id;
	int r;

	optind = 1;
	if (cli_reg_getopt(c, argc, argv, opts) != -1)
		return ERR_USAGE;
	if (argc - optind != 2)
		return cli_usage(c, "cần mã phiên họp và trạng thái mới");
	if ((r = cli_reg_int(c, "mã phiên họp", argv[optind], INT64_MAX, &id)) < 0)
		return r;
	if (!reg_session_status_valid(argv[optind + 1]))
		return err_set(&c->err, ERR_INVAL,
			       "trạng thái '%s' không hợp lệ (planned, held, concluded)",
			       argv[optind + 1]);
	if ((r = cli_db(c, &db)) < 0 || (r = cli_reg_begin(c, db)) < 0)
		return r;
	return cli_reg_end(c, db, reg_session_set_status(db, id, argv[optind + 1], &c->err));
}

int cli_agenda_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"kind", required_argument, NULL, 'k'},
	    {"title", required_argument, NULL, 't'},
	    {"position", required_argument, NULL, 'n'},
	    {"presenter", required_argument, NULL, 'p'},
	    {"doc", required_argument, NULL, 'd'},
	    {"outcome", required_argument, NULL, 'o'},
	    {NULL, 0, NULL, 0},
	};
	struct reg_agenda it = {0};
	const char *presenter = NULL, *doc = NULL, *pos = NULL;
	struct arena *a = NULL;
	struct reg_session s;
	struct reg_organ o;
	struct reg_unit u;
	struct reg_doc d;
	struct db *db;
	long long sid, n = 0, did;
	int64_t id = 0;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'k':
			it.doc_kind = optarg;
			break;
		case 't':
			it.title = optarg;
			break;
		case 'n':
			pos = optarg;
			break;
		case 'p':
			presenter = optarg;
			break;
		case 'd':
			doc = optarg;
			break;
		case 'o':
			it.outcome = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage(c, "cần đúng một mã phiên họp");
	if (!it.doc_kind || !it.title)
		return cli_usage(c, "cần --kind và --title");
	if ((r = cli_reg_int(c, "mã phiên họp", argv[optind], INT64_MAX, &sid)) < 0)
		return r;
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
