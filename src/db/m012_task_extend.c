/* m012_task_extend.c: a task's deadline may be extended (gia hạn), a timeline event of its own kind. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_task_event(X) X(id) X(task_id) X(kind) X(on_date) X(unit_id) X(text) X(result) X(percent)
#define AUDIT_COLS_task_attachment(X) X(id) X(event_id) X(ref)
/* clang-format on */

/*
 * SQLite cannot alter a CHECK constraint: task_event is made again with the
 * new kind 'extended' (text: the reason, result: old → new deadline) and its
 * rows copied with their ids, so the audit log's row ids still name them.
 * Foreign keys are on during migrations and dropping a parent table deletes
 * its children's rows by cascade: task_attachment is made again first, its
 * key pointing at the new table, and both old tables are dropped before the
 * new ones take their names (the rename rewrites the reference). Copying
 * into tables without triggers writes nothing to the audit log; the audit
 * triggers and indexes are then made again as m005, m006 and m008 left them.
 */
const char db_m012_task_extend[] =
    "CREATE TABLE task_event_x("
    " id INTEGER PRIMARY KEY,"
    " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL CHECK(kind IN "
    "('created','report','close_request','confirmed','sent_back','extended')),"
    " on_date TEXT NOT NULL,"
    " unit_id INTEGER REFERENCES unit(id),"
    " text TEXT,"
    " result TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " percent INTEGER CHECK (percent BETWEEN 0 AND 100));"
    "INSERT INTO task_event_x(id, task_id, kind, on_date, unit_id, text, result, created_at,"
    " percent) SELECT id, task_id, kind, on_date, unit_id, text, result, created_at, percent"
    " FROM task_event;"
    "CREATE TABLE task_attachment_x("
    " id INTEGER PRIMARY KEY,"
    " event_id INTEGER NOT NULL REFERENCES task_event_x(id) ON DELETE CASCADE,"
    " ref TEXT NOT NULL);"
    "INSERT INTO task_attachment_x(id, event_id, ref) SELECT id, event_id, ref"
    " FROM task_attachment;"
    "DROP TABLE task_attachment;"
    "DROP TABLE task_event;"
    "ALTER TABLE task_event_x RENAME TO task_event;"
    "ALTER TABLE task_attachment_x RENAME TO task_attachment;"
    "CREATE INDEX task_event_task ON task_event(task_id, on_date);"
    "CREATE INDEX task_attachment_event ON task_attachment(event_id);" AUDIT_TRIGGERS(
	task_event, AUDIT_COLS_task_event)
	AUDIT_TRIGGERS(task_attachment, AUDIT_COLS_task_attachment);
