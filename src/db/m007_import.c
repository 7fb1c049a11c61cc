/* m007_import.c: schema of the imported files: which notice each file became, by content hash. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_import_file(X) X(id) X(sha256) X(file) X(format) X(document_id) X(notice_id) X(imported_at)
/* clang-format on */

const char db_m007_import[] =
    /* One row per imported file: the same bytes are never imported twice. */
    "CREATE TABLE import_file("
    " id INTEGER PRIMARY KEY,"
    " sha256 TEXT NOT NULL UNIQUE," /* hex SHA-256 of the file's bytes */
    " file TEXT NOT NULL,"	    /* the path as given */
    " format TEXT NOT NULL,"	    /* text, legacy, docx, pdf */
    " document_id INTEGER REFERENCES document(id),"
    " notice_id INTEGER REFERENCES notice(id),"
    " imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));" AUDIT_TRIGGERS(
	import_file, AUDIT_COLS_import_file);
