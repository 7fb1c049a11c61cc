/* db_copy.c: a store copied whole into a new one, SQLite or PostgreSQL either way (migrate-store). */
/*
 * The rows travel through struct db_copy_sink: the source's backend scans a
 * table (copy_scan) and hands each row, by column name, to the target's
 * backend (copy_into), which made the schema and silenced its triggers first.
 * The tables and columns named in the SQL of the copy come from the target's
 * own catalog, just made by dondoc, and are checked by db_copy_ident before
 * they are written into a statement, always in double quotes.
 */
#include "db/db.h"
#include "db/db_backend.h"

#include <errno.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool db_copy_ident(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
			return false;
	return n < 64;
}

void db_copy_count(struct db_copy_report *rep, const char *table, int64_t rows)
{
	if (!rep)
		return;
	rep->rows += rows;
	if (rep->ntables == DB_COPY_MAX_TABLES)
		return;
	snprintf(rep->tables[rep->ntables].name, sizeof(rep->tables[0].name), "%s", table);
	rep->tables[rep->ntables++].rows = rows;
}

/* Appends the text of fmt to buf (cap bytes) at *len; ERR_TOOBIG past cap. */
__attribute__((format(printf, 4, 5))) static int add(char *buf, size_t cap, size_t *len,
						     const char *fmt, ...)
{
	va_list ap;
	int w;

	va_start(ap, fmt);
	w = vsnprintf(buf + *len, cap - *len, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w >= cap - *len)
		return ERR_TOOBIG;
	*len += (size_t)w;
	return 0;
}

int db_copy_insert_sql(const char *table, const char *const *cols, int ncols, int n,
		       const char *const *names, bool dollar, int *map, int *ret_nmap,
		       char **ret_sql, struct err *e)
{
	size_t cap = 64 + (size_t)n * 80, len = 0;
	char *sql = malloc(cap);
	int nmap = 0, r = 0;

	if (!sql)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (!db_copy_ident(table)) {
		r = err_set(e, ERR_INVAL, "bảng '%s': tên không hợp lệ", table);
		goto fail;
	}
	for (int i = 0; i < n; i++) {
		int j = 0;

		while (j < ncols && strcmp(cols[j], names[i]) != 0)
			j++;
		if (j == ncols) {
			if (!strcmp(names[i], "rowid") || !strcmp(names[i], "tsv"))
				continue;
			r = err_set(e, ERR_INVAL,
				    "bảng %s: cột '%s' của kho nguồn không có ở kho đích (hai lược "
				    "đồ khác nhau)",
				    table, names[i]);
			goto fail;
		}
		if (!db_copy_ident(names[i])) {
			r = err_set(e, ERR_INVAL, "bảng %s: tên cột '%s' không hợp lệ", table,
				    names[i]);
			goto fail;
		}
		map[nmap++] = i;
	}
	r = add(sql, cap, &len, "INSERT INTO \"%s\"(", table);
	for (int k = 0; r == 0 && k < nmap; k++)
		r = add(sql, cap, &len, "%s\"%s\"", k ? ", " : "", names[map[k]]);
	if (r == 0)
		r = add(sql, cap, &len, ") VALUES(");
	for (int k = 0; r == 0 && k < nmap; k++)
		r = add(sql, cap, &len, "%s%c%d", k ? ", " : "", dollar ? '$' : '?', k + 1);
	if (r == 0)
		r = add(sql, cap, &len, ")");
	if (r < 0) {
		err_set(e, r, "bảng %s: quá nhiều cột", table);
		goto fail;
	}
	*ret_nmap = nmap;
	*ret_sql = sql;
	return 0;
fail:
	free(sql);
	return r;
}

/* What the sink's ready step needs: where the key goes. */
struct key_place {
	const char *path;
	const unsigned char *key;
	bool made;
};

/* The key file at path holds key, or is written with it now; another key there is ERR_EXISTS. */
static int key_place(struct key_place *k, struct err *e)
{
	unsigned char have[DB_AUDIT_KEY_BYTES];
	int r = db_audit_key_load(k->path, have);

	if (r == 0) {
		r = sodium_memcmp(have, k->key, DB_AUDIT_KEY_BYTES);
		sodium_memzero(have, sizeof(have));
		if (r != 0)
			return err_set(
			    e, ERR_EXISTS,
			    "%s: đã có một khóa nhật ký kiểm tra khác; không ghi đè (chọn "
			    "tệp khác bằng --audit-key)",
			    k->path);
		return 0;
	}
	if (r == ERR_INVAL)
		return err_set(e, ERR_EXISTS,
			       "%s: đã có tệp này (không phải khóa nhật ký kiểm tra); không ghi đè",
			       k->path);
	if (r != ERR_NOTFOUND)
		return err_set(e, ERR_IO, "%s: không đọc được", k->path);
	r = db_audit_key_write(k->path, k->key);
	if (r < 0)
		return err_set(e, r, "%s: không ghi được khóa nhật ký kiểm tra", k->path);
	k->made = true;
	return 0;
}

static int sink_ready(struct db_copy_sink *s, struct err *e)
{
	return key_place(s->ctx, e);
}

/* A new SQLite file: nothing at path nor its journal. */
static int sqlite_new(const char *to, struct err *e)
{
	char p[4096];
	struct stat st;

	if (lstat(to, &st) == 0)
		return err_set(e, ERR_EXISTS,
			       "%s: tệp đã có; migrate-store chỉ chép vào một tệp SQLite mới (chọn "
			       "tên khác, hoặc chuyển tệp cũ đi)",
			       to);
	if (snprintf(p, sizeof(p), "%s-wal", to) >= (int)sizeof(p))
		return err_set(e, ERR_TOOBIG, "đường dẫn quá dài: %s", to);
	if (lstat(p, &st) == 0)
		return err_set(e, ERR_EXISTS, "%s: đã có tệp nhật ký ghi %s; không ghi đè", to, p);
	return 0;
}

int db_copy(struct db *src, const char *to, const char *key_file, struct db_copy_report *ret,
	    struct err *e)
{
	const struct db_backend *be = NULL;
	struct db_copy_report *rep = calloc(1, sizeof(*rep));
	struct key_place k = {.key = src->key};
	struct db_copy_sink sink = {.ready = sink_ready, .ctx = &k};
	struct timespec t0, t1;
	char path[4096];
	int v = db_version(src), r;

	if (!rep)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (v > db_version_known()) {
		r = err_set(
		    e, ERR_VERSION,
		    "%s: kho nguồn ở lược đồ phiên bản %d, mới hơn bản dondoc này (%d); hãy "
		    "dùng dondoc mới hơn",
		    db_path(src), v, db_version_known());
		goto out;
	}
	if (v != db_version_known()) {
		r = err_set(e, ERR_VERSION,
			    "%s: kho nguồn ở lược đồ phiên bản %d, bản dondoc này ở phiên bản %d: "
			    "hãy mở nó một lần để nâng cấp ('dondoc --db KHO init') rồi chuyển",
			    db_path(src), v, db_version_known());
		goto out;
	}
	r = db_backend_of(to, &be, e);
	if (r < 0)
		goto out;
	if (!src->has_key) {
		r = err_set(e, ERR_NOTFOUND,
			    "%s: không có khóa nhật ký kiểm tra của kho nguồn (%s); không chuyển "
			    "được nhật ký",
			    db_path(src), src->key_path);
		goto out;
	}
	if (be == &db_sqlite_backend) {
		r = sqlite_new(to, e);
		if (r == 0 && snprintf(path, sizeof(path), "%s.audit-key", to) >= (int)sizeof(path))
			r = err_set(e, ERR_TOOBIG, "đường dẫn quá dài: %s", to);
	} else {
		const char *env = getenv("DONDOC_AUDIT_KEY");

		if (!key_file || !*key_file)
			key_file = env;
		r = key_file && *key_file
			? 0
			: err_set(e, ERR_USAGE,
				  "kho PostgreSQL đích cần tệp khóa nhật ký kiểm tra: "
				  "--audit-key FILE hoặc DONDOC_AUDIT_KEY");
		if (r == 0 && snprintf(path, sizeof(path), "%s", key_file) >= (int)sizeof(path))
			r = err_set(e, ERR_TOOBIG, "đường dẫn quá dài: %s", key_file);
	}
	if (r < 0)
		goto out;
	k.path = path;
	r = src->be->copy_snapshot(src, true);
	if (r < 0) {
		err_set(e, r, "%s: không đọc được kho nguồn: %s", db_path(src), db_errmsg(src));
		goto out;
	}
	r = be->copy_into(to, src, &sink, rep, e);
	src->be->copy_snapshot(src, false);
	if (r < 0) {
		if (k.made)
			unlink(k.path);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rep->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	snprintf(rep->key_file, sizeof(rep->key_file), "%s", path);
	rep->key_made = k.made;
	if (ret)
		*ret = *rep;
out:
	free(rep);
	return r;
}
