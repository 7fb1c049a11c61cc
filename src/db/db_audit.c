/* db_audit.c: the keyed hash that chains audit entries, the seal of the chain's head, the key file. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_backend.h"

static void hash_field(crypto_generichash_state *st, const char *s)
{
	unsigned char len[9];
	uint64_t n = s ? strlen(s) : 0;

	/* A tag byte tells NULL from the empty string; the length keeps fields apart. */
	len[0] = s ? 1 : 0;
	for (int i = 0; i < 8; i++)
		len[1 + i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(st, len, sizeof(len));
	if (n)
		crypto_generichash_update(st, (const unsigned char *)s, n);
}

static void hash_int(crypto_generichash_state *st, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	hash_field(st, num);
}

static void hash_end(crypto_generichash_state *st, char ret[static 65])
{
	unsigned char h[32];

	crypto_generichash_final(st, h, sizeof(h));
	sodium_bin2hex(ret, 65, h, sizeof(h));
}

void db_audit_hash(const unsigned char *key, const char *prev, int64_t id, const char *at,
		   const char *actor, const char *tbl, int64_t row_id, const char *op,
		   const char *before, const char *after, char ret[static 65])
{
	crypto_generichash_state st;

	/* Keyed BLAKE2b is a MAC: without the key nobody can chain an entry. */
	crypto_generichash_init(&st, key, key ? DB_AUDIT_KEY_BYTES : 0, 32);
	hash_field(&st, key ? "dondoc-audit-2" : "dondoc-audit-1");
	hash_field(&st, prev);
	hash_int(&st, id);
	hash_field(&st, at);
	hash_field(&st, actor);
	hash_field(&st, tbl);
	hash_int(&st, row_id);
	hash_field(&st, op);
	hash_field(&st, before);
	hash_field(&st, after);
	hash_end(&st, ret);
}

void db_audit_head_mac(const unsigned char *key, int64_t keyed_from, int64_t last_id, int64_t count,
		       const char *hash, int64_t schema_cookie, char ret[static 65])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, key, DB_AUDIT_KEY_BYTES, 32);
	hash_field(&st, "dondoc-audit-head-1");
	hash_int(&st, keyed_from);
	hash_int(&st, last_id);
	hash_int(&st, count);
	hash_field(&st, hash);
	hash_int(&st, schema_cookie);
	hash_end(&st, ret);
}

int db_audit_key_path(const char *store, char *ret, size_t n)
{
	const char *env = getenv("DONDOC_AUDIT_KEY");
	int w;

	if (env && *env) {
		w = snprintf(ret, n, "%s", env);
	} else if (db_is_pg(store)) {
		/* Never beside an address (it would carry the password): the variable alone. */
		snprintf(ret, n, "DONDOC_AUDIT_KEY");
		return ERR_NOTFOUND;
	} else {
		w = snprintf(ret, n, "%s.audit-key", store);
	}
	return w < 0 || (size_t)w >= n ? ERR_TOOBIG : 0;
}

int db_audit_key_load(const char *path, unsigned char key[static DB_AUDIT_KEY_BYTES])
{
	char hex[2 * DB_AUDIT_KEY_BYTES + 2];
	size_t len = 0;
	ssize_t got;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? ERR_NOTFOUND : ERR_IO;
	while (len < sizeof(hex) && (got = read(fd, hex + len, sizeof(hex) - len)) > 0)
		len += (size_t)got;
	close(fd);
	/* 64 hex digits and an optional newline. */
	if (len < 2 * DB_AUDIT_KEY_BYTES || (len > 2 * DB_AUDIT_KEY_BYTES && hex[64] != '\n'))
		return ERR_INVAL;
	if (sodium_hex2bin(key, DB_AUDIT_KEY_BYTES, hex, 2 * DB_AUDIT_KEY_BYTES, NULL, NULL,
			   NULL) != 0)
		return ERR_INVAL;
	return 0;
}

int db_audit_key_write(const char *path, const unsigned char key[static DB_AUDIT_KEY_BYTES])
{
	char hex[2 * DB_AUDIT_KEY_BYTES + 2];
	int fd, r = 0;

	sodium_bin2hex(hex, sizeof(hex) - 1, key, DB_AUDIT_KEY_BYTES);
	hex[2 * DB_AUDIT_KEY_BYTES] = '\n';
	/* Readable by the owner alone; never replaces a key that exists. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		sodium_memzero(hex, sizeof(hex));
		return errno == EEXIST ? ERR_EXISTS : ERR_IO;
	}
	if (write(fd, hex, sizeof(hex) - 1) != (ssize_t)(sizeof(hex) - 1) || fsync(fd) != 0)
		r = ERR_IO;
	if (close(fd) != 0)
		r = ERR_IO;
	if (r < 0)
		unlink(path);
	sodium_memzero(hex, sizeof(hex));
	return r;
}

int db_audit_key_create(const char *path, unsigned char key[static DB_AUDIT_KEY_BYTES])
{
	if (sodium_init() < 0)
		return ERR_INTERNAL;
	randombytes_buf(key, DB_AUDIT_KEY_BYTES);
	return db_audit_key_write(path, key);
}

int db_remove(const char *path, bool with_key, struct err *e)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", ".anchor"};
	char p[4096];

	if (db_is_pg(path))
		return db_sqlite_only(e, "xóa kho");
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]) + with_key; i++) {
		int w = i < sizeof(suffixes) / sizeof(suffixes[0])
			    ? snprintf(p, sizeof(p), "%s%s", path, suffixes[i])
			    : (db_audit_key_path(path, p, sizeof(p)) == 0 ? 0 : -1);

		if (w < 0 || (size_t)w >= sizeof(p))
			return err_set(e, ERR_TOOBIG, "đường dẫn quá dài: %s", path);
		if (unlink(p) != 0 && errno != ENOENT)
			return err_set(e, ERR_IO, "%s: không xóa được", p);
	}
	return 0;
}

/* The TEMP triggers every dondoc connection creates (stmt_web.def), in order. */
const enum db_stmt db_connection_setup[] = {
    SQL_WEB_TEMP_SEARCH_DOC_I,	   SQL_WEB_TEMP_SEARCH_DOC_U,	  SQL_WEB_TEMP_SEARCH_DOC_D,
    SQL_WEB_TEMP_SEARCH_AGENDA_I,  SQL_WEB_TEMP_SEARCH_AGENDA_U,  SQL_WEB_TEMP_SEARCH_AGENDA_D,
    SQL_WEB_TEMP_SEARCH_TASK_I,	   SQL_WEB_TEMP_SEARCH_TASK_U,	  SQL_WEB_TEMP_SEARCH_TASK_D,
    SQL_WEB_TEMP_SEARCH_NOTICE_I,  SQL_WEB_TEMP_SEARCH_NOTICE_U,  SQL_WEB_TEMP_SEARCH_NOTICE_D,
    SQL_WEB_TEMP_SEARCH_COMMENT_I, SQL_WEB_TEMP_SEARCH_COMMENT_U, SQL_WEB_TEMP_SEARCH_COMMENT_D,
};
const int db_nconnection_setup = sizeof(db_connection_setup) / sizeof(db_connection_setup[0]);
