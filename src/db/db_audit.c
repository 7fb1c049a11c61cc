/* db_audit.c: the hash that chains audit entries, shared by the store's trigger and the checker. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "db/db.h"

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

void db_audit_hash(const char *prev, int64_t id, const char *at, const char *actor, const char *tbl,
		   int64_t row_id, const char *op, const char *before, const char *after,
		   char ret[static 65])
{
	crypto_generichash_state st;
	unsigned char h[32];
	char num[2][24];

	snprintf(num[0], sizeof(num[0]), "%" PRId64, id);
	snprintf(num[1], sizeof(num[1]), "%" PRId64, row_id);
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	hash_field(&st, "dondoc-audit-1");
	hash_field(&st, prev);
	hash_field(&st, num[0]);
	hash_field(&st, at);
	hash_field(&st, actor);
	hash_field(&st, tbl);
	hash_field(&st, num[1]);
	hash_field(&st, op);
	hash_field(&st, before);
	hash_field(&st, after);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(ret, 65, h, sizeof(h));
}

/* The TEMP triggers every dondoc connection creates (stmt_web.def), in order. */
const enum db_stmt db_connection_setup[] = {
    SQL_WEB_TEMP_CHAIN,
    SQL_WEB_TEMP_SEARCH_DOC_I,
    SQL_WEB_TEMP_SEARCH_DOC_U,
    SQL_WEB_TEMP_SEARCH_DOC_D,
    SQL_WEB_TEMP_SEARCH_AGENDA_I,
    SQL_WEB_TEMP_SEARCH_AGENDA_U,
    SQL_WEB_TEMP_SEARCH_AGENDA_D,
    SQL_WEB_TEMP_SEARCH_TASK_I,
    SQL_WEB_TEMP_SEARCH_TASK_U,
    SQL_WEB_TEMP_SEARCH_TASK_D,
    SQL_WEB_TEMP_SEARCH_NOTICE_I,
    SQL_WEB_TEMP_SEARCH_NOTICE_U,
    SQL_WEB_TEMP_SEARCH_NOTICE_D,
    SQL_WEB_TEMP_SEARCH_COMMENT_I,
    SQL_WEB_TEMP_SEARCH_COMMENT_U,
    SQL_WEB_TEMP_SEARCH_COMMENT_D,
};
const int db_nconnection_setup = sizeof(db_connection_setup) / sizeof(db_connection_setup[0]);
