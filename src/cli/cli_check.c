/* cli_check.c: 'dondoc check', 'backup', 'restore': the audit log verified, consistent copies of the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/accounts/audit.h"
#include "core/registry/registry.h"
#include "core/tasks/task.h"

/* The anchor's default place: beside the store (a PostgreSQL store's: beside its audit key). */
static int anchor_path(struct cli *c, const char *given, char *ret, size_t n)
{
	if (given)
		return snprintf(ret, n, "%s", given) < (int)n ? 0
							      : cli_usage(c, "đường dẫn quá dài");
	const char *beside = db_is_pg(c->db_path) ? db_audit_key_file(c->db) : c->db_path;

	if (!beside)
		return cli_usage(c, "kho PostgreSQL: cần --anchor FILE hoặc DONDOC_AUDIT_KEY");
	return snprintf(ret, n, "%s.anchor", beside) < (int)n ? 0
							      : cli_usage(c, "đường dẫn quá dài");
}

static int report(struct cli *c, int r, const struct audit_report *rep, const char *what)
{
	if (c->json) {
		json_t *j = json_pack("{s:b, s:I, s:I, s:i, s:b, s:s, s:[]}", "ok", r == 0,
				      "audit_entries", (json_int_t)rep->entries, "first_broken",
				      (json_int_t)rep->first_bad, "unaudited_tables",
				      rep->unguarded, "schema_changed", rep->schema_changed,
				      "message", r == 0 ? "" : err_msg(&c->err, r), "problems");
		json_t *p = j ? json_object_get(j, "problems") : NULL;

		for (int i = 0; p && i < rep->nproblems; i++)
			json_array_append_new(p, json_string(rep->problems[i]));
		if (j && rep->missing_from)
			json_object_set_new(j, "missing",
					    json_pack("{s:I, s:I}", "from",
						      (json_int_t)rep->missing_from, "to",
						      (json_int_t)rep->missing_to));
		int w = cli_json(c, j);

		return r < 0 ? r : w;
	}
	/* Every fault on its own line, in order; the last one is the error cli_main shows. */
	if (r == ERR_CHECK && rep->nproblems > 0) {
		for (int i = 0; i < rep->nproblems - 1; i++)
			fprintf(stderr, "dondoc: %s\n", rep->problems[i]);
		err_set(&c->err, r, "%s", rep->problems[rep->nproblems - 1]);
	}
	if (r < 0)
		return r;
	fprintf(c->out, "%s: %lld bản ghi nhật ký, chuỗi băm và đầu chuỗi nguyên vẹn\n", what,
		(long long)rep->entries);
	return 0;
}

const struct cli_spec cli_check_spec = {
    .opts = (const struct cli_optdef[]){{"anchor", CLI_TEXT, 0, "FILE",
					 "tệp mốc (mặc định tệp kho với đuôi .anchor)"},
					{"repair-counters", CLI_FLAG, 0, NULL,
					 "dựng lại bộ đếm nhiệm vụ và văn bản trước khi kiểm tra"},
					{NULL}},
};

/*
 * The task counters against a full recount: each row that differs is a
 * problem in rep naming its unit (or, for the row of each task, its body),
 * ERR_CHECK. With repair they are rebuilt first.
 */
static int counters_check(struct cli *c, struct db *db, bool repair, struct audit_report *rep)
{
	struct arena *a = arena_new(1u << 22);
	struct task_tally_fault *f;
	size_t n;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = repair ? task_tally_repair(db, &c->err) : 0;
	if (r == 0)
		r = task_tally_check(db, a, &f, &n, &c->err);
	for (size_t i = 0; r == 0 && i < n; i++) {
		if (rep->nproblems == AUDIT_MAX_PROBLEMS)
			break;
		if (f[i].unit_id)
			snprintf(rep->problems[rep->nproblems], sizeof(rep->problems[0]),
				 "bộ đếm nhiệm vụ của đơn vị '%s' (số %lld, %s) khác số đếm lại; "
				 "chạy 'dondoc check --repair-counters'",
				 f[i].unit, (long long)f[i].unit_id,
				 f[i].body[0] ? f[i].body : "không rõ cấp giao");
		else
			snprintf(rep->problems[rep->nproblems], sizeof(rep->problems[0]),
				 "bộ đếm nhiệm vụ của %s%s%s khác số đếm lại; chạy 'dondoc check "
				 "--repair-counters'",
				 f[i].body[0] ? f[i].body : "nhiệm vụ không rõ cấp giao",
				 f[i].lower_body[0] ? " giao cho " : "", f[i].lower_body);
		rep->nproblems++;
	}
	if (r == 0 && n > 0)
		r = ERR_CHECK;
	if (r >= 0 || r == ERR_CHECK) {
		struct reg_doc_tally_fault *df;
		size_t dn;
		int r2 = repair ? reg_doc_tally_repair(db, &c->err) : 0;

		if (r2 == 0)
			r2 = reg_doc_tally_check(db, a, &df, &dn, &c->err);
		for (size_t i = 0; r2 == 0 && i < dn && rep->nproblems < AUDIT_MAX_PROBLEMS; i++)
			snprintf(rep->problems[rep->nproblems++], sizeof(rep->problems[0]),
				 "bộ đếm văn bản của %s khác số đếm lại; chạy 'dondoc check "
				 "--repair-counters'",
				 df[i].body[0] ? df[i].body : "văn bản không rõ cơ quan");
		if (r2 == 0 && dn > 0)
			r2 = ERR_CHECK;
		if (r == 0 || r2 < 0)
			r = r2;
	}
	if (r == 0 && repair)
		fprintf(c->out, "bộ đếm nhiệm vụ và văn bản: đã dựng lại\n");
	arena_free(a);
	return r;
}

int cli_check(struct cli *c, const struct cli_args *args)
{
	struct audit_report rep = {0};
	const char *anchor = cli_opt(args, "anchor");
	char path[4096];
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = anchor_path(c, anchor, path, sizeof(path));
	if (r < 0)
		return r;
	r = audit_verify(db, &rep, &c->err);
	if (r == 0 || r == ERR_CHECK) {
		int r2 = counters_check(c, db, cli_flag(args, "repair-counters"), &rep);

		if (r2 < 0 && r2 != ERR_CHECK)
			return r2;
		if (r == 0)
			r = r2;
	}
	if (r == 0 || r == ERR_CHECK) {
		struct err e2 = {0};
		int r2 = audit_anchor_check(db, path, &rep, r == 0 ? &c->err : &e2);

		if (r == 0)
			r = r2;
	}
	/* Only a sound log moves the anchor forward. */
	if (r == 0)
		r = audit_anchor_write(db, path, &rep, &c->err);
	return report(c, r, &rep, "nhật ký kiểm tra");
}

static const struct cli_posdef file_pos[] = {
    {"FILE", CLI_TEXT, CLI_REQ, "tệp sao lưu"},
    {NULL},
};

const struct cli_spec cli_backup_spec = {.pos = file_pos};

int cli_backup(struct cli *c, const struct cli_args *args)
{
	const char *file = cli_pos(args, 0);
	struct audit_report rep = {0};
	struct db *db, *copy = NULL;
	char part[4096];
	int r;

	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (snprintf(part, sizeof(part), "%s.verify", file) >= (int)sizeof(part))
		return cli_usage(c, "đường dẫn quá dài");
	r = db_backup(db, part, &c->err);
	if (r < 0)
		return r;
	/* The copy must hold up by itself before it takes the name: SQLite's check, then the log's. */
	r = db_open(part, DB_READONLY, &copy, &c->err);
	if (r == 0 && db_audit_key(db))
		db_set_audit_key(copy, db_audit_key(db));
	if (r == 0)
		r = db_integrity(copy, &c->err);
	if (r == 0)
		r = audit_verify(copy, &rep, &c->err);
	db_close(copy);
	if (r == 0 && rename(part, file) != 0)
		r = err_set(&c->err, ERR_IO, "%s: không ghi được tệp sao lưu", file);
	if (r < 0) {
		unlink(part);
		return r;
	}
	return report(c, 0, &rep, file);
}

const struct cli_spec cli_restore_spec = {.pos = file_pos};

int cli_restore(struct cli *c, const struct cli_args *args)
{
	const char *file = cli_pos(args, 0);
	struct audit_report rep = {0};
	unsigned char key[DB_AUDIT_KEY_BYTES];
	char key_path[4096];
	struct db *copy = NULL;
	int r;

	/* The copy is verified with the store's own key, which stays outside both files. */
	r = db_audit_key_path(c->db_path, key_path, sizeof(key_path));
	if (r == 0)
		r = db_audit_key_load(key_path, key);
	if (r < 0)
		return err_set(
		    &c->err, r == ERR_INVAL ? ERR_INVAL : ERR_NOTFOUND,
		    "%s: không đọc được khóa nhật ký kiểm tra; khôi phục cần khóa của cơ "
		    "sở dữ liệu đã sao lưu (đặt DONDOC_AUDIT_KEY)",
		    key_path);
	r = db_open(file, DB_READONLY, &copy, &c->err);
	if (r < 0)
		return r;
	db_set_audit_key(copy, key);
	r = db_integrity(copy, &c->err);
	if (r == 0)
		r = audit_verify(copy, &rep, &c->err);
	if (r < 0) {
		db_close(copy);
		return r == ERR_CHECK ? report(c, r, &rep, file) : r;
	}
	r = db_restore(copy, c->db_path, &c->err);
	db_close(copy);
	if (r < 0)
		return r;
	/* An older copy is brought up to date here, under the lock, once. */
	r = cli_db(c, &copy);
	if (r < 0)
		return r;
	fprintf(c->out, "%s: khôi phục từ %s, lược đồ phiên bản %d, %lld bản ghi nhật ký\n",
		c->db_path, file, db_version(copy), (long long)rep.entries);
	return 0;
}

const struct cli_spec cli_migrate_store_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"from", CLI_TEXT, CLI_REQ, "SRC",
	     "kho nguồn (tệp SQLite hoặc địa chỉ PostgreSQL postgresql://…)"},
	    {"to", CLI_TEXT, CLI_REQ, "DST",
	     "kho đích (tệp SQLite chưa có, hoặc cơ sở dữ liệu PostgreSQL trống)"},
	    {"audit-key", CLI_TEXT, 0, "FILE",
	     "tệp khóa nhật ký kiểm tra của kho PostgreSQL đích (mặc định DONDOC_AUDIT_KEY)"},
	    {NULL}},
    .note = "Sao chép nguyên kho: mọi bảng với mã số của từng dòng, nhật ký kiểm tra và đầu "
	    "chuỗi, bộ đếm, chỉ mục tìm kiếm, phiên đăng nhập và mã truy cập. Khóa nhật ký đi "
	    "theo kho: cạnh tệp SQLite (DST.audit-key) hoặc vào --audit-key.",
};

/*
 * The anchor's place for the store at addr, as 'check' finds it: beside an
 * SQLite file, beside key_file for a PostgreSQL store (none without one: 1).
 */
static int anchor_beside(const char *addr, const char *key_file, char *ret, size_t n)
{
	const char *beside = db_is_pg(addr) ? key_file : addr;

	if (!beside || !*beside)
		return 1;
	return snprintf(ret, n, "%s.anchor", beside) < (int)n ? 0 : ERR_TOOBIG;
}

/* What was copied: on standard error, or as JSON on the output with --json. */
static int copy_report(struct cli *c, const char *from, const char *to,
		       const struct db_copy_report *rep, const struct audit_report *check,
		       const char *anchor)
{
	if (c->json) {
		json_t *j = json_pack(
		    "{s:s, s:s, s:I, s:I, s:s, s:b, s:I, s:s, s:[]}", "from", from, "to", to,
		    "rows", (json_int_t)rep->rows, "ms", (json_int_t)(rep->seconds * 1000 + 0.5),
		    "audit_key", rep->key_file, "audit_key_written", rep->key_made, "audit_entries",
		    (json_int_t)check->entries, "anchor", anchor, "tables");
		json_t *t = j ? json_object_get(j, "tables") : NULL;

		for (int i = 0; t && i < rep->ntables; i++)
			json_array_append_new(t,
					      json_pack("{s:s, s:I}", "name", rep->tables[i].name,
							"rows", (json_int_t)rep->tables[i].rows));
		return cli_json(c, j);
	}
	for (int i = 0; i < rep->ntables; i++)
		if (rep->tables[i].rows)
			fprintf(stderr, "  %-24s %10lld dòng\n", rep->tables[i].name,
				(long long)rep->tables[i].rows);
	fprintf(stderr,
		"migrate-store: đã chép %d bảng, %lld dòng từ %s sang %s trong %.1f giây; nhật ký "
		"kiểm tra của bản sao: %lld bản ghi, nguyên vẹn\n",
		rep->ntables, (long long)rep->rows, from, to, rep->seconds,
		(long long)check->entries);
	fprintf(stderr, "migrate-store: khóa nhật ký kiểm tra %s %s\n", rep->key_file,
		rep->key_made ? "(mới ghi, chỉ chủ tệp đọc được)" : "(đã có, đúng khóa này)");
	fprintf(stderr, "migrate-store: mốc nhật ký của bản sao %s (ở cuối chuỗi đã kiểm tra)\n",
		anchor);
	return 0;
}

int cli_migrate_store(struct cli *c, const struct cli_args *args)
{
	const char *from = cli_opt(args, "from"), *to = cli_opt(args, "to");
	char *from_shown = db_address_shown(from), *to_shown = db_address_shown(to);
	struct db_copy_report *rep = calloc(1, sizeof(*rep));
	struct audit_report check = {0}, *held = calloc(1, sizeof(*held));
	struct db *src = NULL, *copy = NULL;
	char why[sizeof(c->err.msg)], anchor[4096];
	int r;

	if (!from_shown || !to_shown || !rep || !held) {
		r = err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	/* A source whose log does not hold up is not copied: the copy would not either. */
	r = db_open(from, DB_READONLY, &src, &c->err);
	/* (A source at another schema version is refused by db_copy, saying what to do.) */
	if (r == 0 && db_version(src) == db_version_known()) {
		r = audit_verify(src, held, &c->err);
		/* and no shorter than at its last check: a log cut since is not copied */
		if (r == 0 &&
		    anchor_beside(from, db_audit_key_file(src), anchor, sizeof(anchor)) == 0)
			r = audit_anchor_check(src, anchor, held, &c->err);
	}
	if (r == ERR_CHECK) {
		snprintf(why, sizeof(why), "%s", err_msg(&c->err, r));
		err_set(&c->err, r, "%s: kho nguồn không qua kiểm tra ('dondoc check'): %s",
			from_shown, why);
	}
	if (r == 0)
		r = db_copy(src, to, cli_opt(args, "audit-key"), rep, &c->err);
	if (r < 0)
		goto out;
	/* The copy checked as 'dondoc check' would, with the key it went with. */
	r = db_open(to, DB_READONLY, &copy, &c->err);
	if (r == 0) {
		db_set_audit_key(copy, db_audit_key(src));
		r = audit_verify(copy, &check, &c->err);
	}
	if (r < 0) {
		snprintf(why, sizeof(why), "%s", err_msg(&c->err, r));
		err_set(&c->err, r, "%s: đã chép nhưng bản sao không qua kiểm tra: %s", to_shown,
			why);
		goto out;
	}
	/* The copy's anchor, where 'check' on it looks, at the end of the chain just verified. */
	r = anchor_beside(to, rep->key_file, anchor, sizeof(anchor));
	if (r == 0)
		r = audit_anchor_write(copy, anchor, &check, &c->err);
	else if (r > 0)
		r = err_set(&c->err, ERR_INVAL, "%s: không có chỗ cho mốc nhật ký", to_shown);
	if (r < 0) {
		snprintf(why, sizeof(why), "%s", err_msg(&c->err, r));
		err_set(&c->err, r, "%s: đã chép và kiểm tra nhưng không ghi được mốc nhật ký: %s",
			to_shown, why);
		goto out;
	}
	r = copy_report(c, from_shown, to_shown, rep, &check, anchor);
out:
	db_close(copy);
	db_close(src);
	free(held);
	free(rep);
	free(from_shown);
	free(to_shown);
	return r;
}
