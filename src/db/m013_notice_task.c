/* m013_notice_task.c: the tasks a conclusion notice assigns, as rows of its draft; issuing makes them tasks. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_notice_task(X) X(id) X(notice_id) X(position) X(section) X(content) \
	X(lead_unit_id) X(coord_unit_ids) X(deadline) X(task_id)
/* clang-format on */

/*
 * One row per task written in a notice, in the notice's order. coord_unit_ids
 * is the co-ordinating units' ids separated by commas (a row never holds more
 * than a handful). task_id is set when the notice is issued and the row
 * becomes a task whose source is the notice's document and section; the rows
 * of an issued notice are locked as the notice is.
 */
const char db_m013_notice_task[] =
    "CREATE TABLE notice_task("
    " id INTEGER PRIMARY KEY,"
    " notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL CHECK(position > 0),"
    " section TEXT,"
    " content TEXT NOT NULL CHECK(content <> ''),"
    " lead_unit_id INTEGER NOT NULL REFERENCES unit(id),"
    " coord_unit_ids TEXT,"
    " deadline TEXT,"
    " task_id INTEGER REFERENCES task(id),"
    " UNIQUE(notice_id, position));"
    "CREATE TRIGGER notice_task_locked BEFORE UPDATE ON notice_task"
    " WHEN (SELECT status FROM notice WHERE id = OLD.notice_id) <> 'draft'"
    " BEGIN SELECT RAISE(ABORT, 'notice issued: locked'); END;"
    "CREATE TRIGGER notice_task_nodelete BEFORE DELETE ON notice_task"
    " WHEN (SELECT status FROM notice WHERE id = OLD.notice_id) <> 'draft'"
    " BEGIN SELECT RAISE(ABORT, 'notice issued: locked'); END;"
    "CREATE TRIGGER notice_task_noinsert BEFORE INSERT ON notice_task"
    " WHEN (SELECT status FROM notice WHERE id = NEW.notice_id) <> 'draft'"
    " BEGIN SELECT RAISE(ABORT, 'notice issued: locked'); END;" AUDIT_TRIGGERS(
	notice_task, AUDIT_COLS_notice_task);
