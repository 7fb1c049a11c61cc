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
