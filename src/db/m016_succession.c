/* m016_succession.c: a body may end and pass to a successor; a task's timeline records the passing. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_body(X)                                                                         \
	X(id) X(parent_id) X(level) X(kind) X(name) X(short_name) X(code) X(place) X(active_from) \
	    X(active_to) X(dhis2_code) X(successor_id)
#define AUDIT_COLS_task_event(X) X(id) X(task_id) X(kind) X(on_date) X(unit_id) X(text) X(result) X(percent)
#define AUDIT_COLS_task_attachment(X) X(id) X(event_id) X(ref)
/* clang-format on */

/*
 * successor_id: the body that took over an ended body (sáp nhập, hợp nhất);
 * set with active_to, the body's last day; from the day after, the successor
 * carries its work (core/registry/reg_succession.c).
 *
 * task_event is made again, as m012 did, for the new kind 'transferred': the
 * task passed to the successor of an ended body on on_date (text says which).
 */
const char db_m016_succession[] =
    "ALTER TABLE body ADD COLUMN successor_id INTEGER REFERENCES body(id);"
    "CREATE INDEX body_successor ON body(successor_id) WHERE successor_id IS NOT NULL;"
    /* The audit triggers name every column: remade with the new one. */
    "DROP TRIGGER audit_body_i;"
    "DROP TRIGGER audit_body_u;"
    "DROP TRIGGER audit_body_d;" AUDIT_TRIGGERS(
	body,
	AUDIT_COLS_body) "CREATE TABLE task_event_x("
			 " id INTEGER PRIMARY KEY,"
			 " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
			 " kind TEXT NOT NULL CHECK(kind IN "
			 "('created','report','close_request','confirmed','sent_back','extended','"
			 "transferred')),"
			 " on_date TEXT NOT NULL,"
			 " unit_id INTEGER REFERENCES unit(id),"
			 " text TEXT,"
			 " result TEXT,"
			 " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
			 " percent INTEGER CHECK (percent BETWEEN 0 AND 100));"
			 "INSERT INTO task_event_x(id, task_id, kind, on_date, unit_id, text, "
			 "result, created_at,"
			 " percent) SELECT id, task_id, kind, on_date, unit_id, text, result, "
			 "created_at, percent"
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
			 "CREATE INDEX task_attachment_event ON "
			 "task_attachment(event_id);" AUDIT_TRIGGERS(task_event,
								     AUDIT_COLS_task_event)
			     AUDIT_TRIGGERS(task_attachment, AUDIT_COLS_task_attachment);
