/* audit_sql.h: the audit triggers of a table, made from its column list by the preprocessor. */
#pragma once

/* clang-format off */
#define AJ_OLD(c) "'" #c "',OLD." #c ","
#define AJ_NEW(c) "'" #c "',NEW." #c ","
/*
 * The three triggers of table t: row_id is the row's key K (its rowid, or an
 * integer key column for a WITHOUT ROWID table).
 */
#define AUDIT_TRIGGERS_K(t, COLS, K)                                                              \
	"CREATE TRIGGER audit_" #t "_i AFTER INSERT ON " #t " BEGIN"                              \
	" INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('" #t "', NEW." #K ","     \
	" 'insert', NULL, json_object(" COLS(AJ_NEW) "'" #K "',NEW." #K ")); END;"                \
	"CREATE TRIGGER audit_" #t "_u AFTER UPDATE ON " #t " BEGIN"                              \
	" INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('" #t "', NEW." #K ","     \
	" 'update', json_object(" COLS(AJ_OLD) "'" #K "',OLD." #K "), json_object(" COLS(AJ_NEW) \
	"'" #K "',NEW." #K ")); END;"                                                              \
	"CREATE TRIGGER audit_" #t "_d AFTER DELETE ON " #t " BEGIN"                              \
	" INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('" #t "', OLD." #K ","     \
	" 'delete', json_object(" COLS(AJ_OLD) "'" #K "',OLD." #K "), NULL); END;"
#define AUDIT_TRIGGERS(t, COLS) AUDIT_TRIGGERS_K(t, COLS, rowid)
/* clang-format on */

/* PostgreSQL (pg_baseline.c and the migrations' pg texts). */
/*
 * The three audit triggers of table t, named as SQLite's: dondoc_audit()
 * takes the key column K (the row's id, its "rowid" column, or task_id),
 * the key's name in the JSON (rowid, or K for SQLite's WITHOUT ROWID
 * tables), then the logged columns in order.
 */
#define PG_AJ(c) ", '" #c "'"
#define PG_AUDIT_ONE(t, COLS, K, KN, OP, WHEN)                     \
	"CREATE TRIGGER audit_" #t "_" OP " AFTER " WHEN " ON " #t \
	" FOR EACH ROW EXECUTE FUNCTION"                           \
	" dondoc_audit('" #K "', '" #KN "'" COLS(PG_AJ) ");"
#define PG_AUDIT_K(t, COLS, K, KN)                  \
	PG_AUDIT_ONE(t, COLS, K, KN, "i", "INSERT") \
	PG_AUDIT_ONE(t, COLS, K, KN, "u", "UPDATE") PG_AUDIT_ONE(t, COLS, K, KN, "d", "DELETE")
#define PG_AUDIT(t, COLS) PG_AUDIT_K(t, COLS, id, rowid)
#define PG_AUDIT_ROWID(t, COLS) PG_AUDIT_K(t, COLS, rowid, rowid)
