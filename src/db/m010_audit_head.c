/* m010_audit_head.c: the head of the audit chain, kept and sealed so that a cut log is seen. */
#include "db/migrations.h"

/*
 * One row: the last entry's id and hash, how many entries were ever written,
 * the first entry hashed with the store's key (entries before it, written by
 * an older dondoc, were chained without one), and the schema cookie dondoc
 * last left the schema at. mac seals them with the key (db_audit_head_mac);
 * the connection's chain trigger advances it with every entry, and
 * db_migrate stamps keyed_from and the cookie.
 */
const char db_m010_audit_head[] =
    "CREATE TABLE audit_head("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " keyed_from INTEGER NOT NULL,"
    " last_id INTEGER NOT NULL,"
    " count INTEGER NOT NULL,"
    " hash TEXT NOT NULL,"
    " schema_cookie INTEGER NOT NULL,"
    " mac TEXT NOT NULL);"
    "INSERT INTO audit_head(id, keyed_from, last_id, count, hash, schema_cookie, mac)"
    " SELECT 1, coalesce(max(id), 0) + 1, coalesce(max(id), 0), count(*),"
    " coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ''), 0, ''"
    " FROM audit_log;"
    "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head"
    " BEGIN SELECT RAISE(ABORT, 'audit_head is kept'); END;";
