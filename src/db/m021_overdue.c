/* m021_overdue.c: the overdue filter's index of open tasks, a session's tasks by id, the task counters' due years. */
#include "db/migrations.h"
#include "db/tally_sql.h"

/*
 * The open tasks with a due date that are not standing tasks, by id with their
 * due date: the overdue filter of the task list (SQL_WEB_TASKS_OVERDUE) reads a
 * page of them in id order, testing the due date in the index, instead of
 * walking every task. Derived from task's own columns, so nothing to audit.
 */
/* clang-format off */
const char db_m021_overdue[] =
    "CREATE INDEX task_overdue ON task(id, due)"
    " WHERE completed_on IS NULL AND deadline_kind <> 'standing' AND due IS NOT NULL;"
    /* A session's tasks by id, paged (/api/v1/sessions/#/tasks). */
    "CREATE INDEX task_source_session ON task(source_session_id, id)"
    " WHERE source_session_id IS NOT NULL;"
    /*
     * The open tasks with a due date by due year (task_tally_due g 2, see
     * tally_sql.h), kept from the month rows by a trigger on the counters
     * themselves, so the task triggers of migration 017 stay as they are:
     * "overdue at D" then reads the years before D's year instead of every
     * month of the store's history (the dashboard's unit panel and roll-up).
     */
    "INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n)"
    " SELECT body_id, lower_body_id, unit_id, 2, substr(due, 1, 4), sum(n) FROM task_tally_due"
    " WHERE g = 1 GROUP BY body_id, lower_body_id, unit_id, substr(due, 1, 4);"
    "CREATE TRIGGER task_tally_year_i AFTER INSERT ON task_tally_due WHEN new.g = 1 BEGIN "
    TALLY_YEAR_ADD("new", "new.n")
    " ON CONFLICT(body_id, lower_body_id, unit_id, g, due) DO UPDATE SET n = n + excluded.n; END;"
    "CREATE TRIGGER task_tally_year_u AFTER UPDATE OF n ON task_tally_due WHEN new.g = 1 BEGIN "
    TALLY_YEAR_ADD("new", "new.n - old.n")
    " ON CONFLICT(body_id, lower_body_id, unit_id, g, due) DO UPDATE SET n = n + excluded.n; END;";

const char db_m021_overdue_pg[] =
    "CREATE INDEX task_overdue ON task(id, due)"
    " WHERE completed_on IS NULL AND deadline_kind <> 'standing' AND due IS NOT NULL;"
    "CREATE INDEX task_source_session ON task(source_session_id, id)"
    " WHERE source_session_id IS NOT NULL;"
    "INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n)"
    " SELECT body_id, lower_body_id, unit_id, 2, substr(due, 1, 4), sum(n) FROM task_tally_due"
    " WHERE g = 1 GROUP BY body_id, lower_body_id, unit_id, substr(due, 1, 4);"
    "CREATE FUNCTION task_tally_year() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    TALLY_YEAR_ADD("NEW", "NEW.n - CASE WHEN TG_OP = 'UPDATE' THEN OLD.n ELSE 0 END")
    " ON CONFLICT(body_id, lower_body_id, unit_id, g, due) DO UPDATE"
    " SET n = task_tally_due.n + excluded.n; RETURN NULL; END $$;"
    "CREATE TRIGGER task_tally_year AFTER INSERT OR UPDATE OF n ON task_tally_due"
    " FOR EACH ROW WHEN (NEW.g = 1) EXECUTE FUNCTION task_tally_year();";
/* clang-format on */
