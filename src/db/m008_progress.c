/* m008_progress.c: a progress report may state how far the task has come, in percent. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_task_event(X) X(id) X(task_id) X(kind) X(on_date) X(unit_id) X(text) X(result) X(percent)
/* clang-format on */

const char db_m008_progress[] =
    "ALTER TABLE task_event ADD COLUMN percent INTEGER CHECK (percent BETWEEN 0 AND 100);"
    /* The audit triggers name every column: remade with the new one. */
    "DROP TRIGGER audit_task_event_i;"
    "DROP TRIGGER audit_task_event_u;"
    "DROP TRIGGER audit_task_event_d;" AUDIT_TRIGGERS(task_event, AUDIT_COLS_task_event);
