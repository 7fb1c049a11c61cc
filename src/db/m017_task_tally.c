/* m017_task_tally.c: task counters per body, lower body and lead unit, kept by triggers. */
#include "db/migrations.h"
#include "db/tally_sql.h"

/*
 * The counters (tally_sql.h) are kept by triggers rather than by the core's
 * write path: every statement that writes a task or its units (the core's
 * task, report, confirm, extend, split and edit functions, the importer, the
 * demo, a future succession that moves tasks to another body) keeps them in
 * its own statement, so they can never be forgotten by a new write path nor
 * be out of step with a rolled-back one. They are derived data, not audited
 * (SQL_AUDIT_UNGUARDED lists them): 'dondoc check' recounts them instead and
 * 'dondoc check --repair-counters' rebuilds them. A task's part is taken out
 * before it changes or goes (while its unit rows are still there) and put
 * back after; a unit's part when it joins or leaves a task's leads.
 */
/* clang-format off */
const char db_m017_task_tally[] =
    "CREATE TABLE task_tally("
    " body_id INTEGER NOT NULL,"
    " lower_body_id INTEGER NOT NULL,"
    " unit_id INTEGER NOT NULL,"
    " total INTEGER NOT NULL DEFAULT 0,"
    " standing INTEGER NOT NULL DEFAULT 0,"
    " done_ontime INTEGER NOT NULL DEFAULT 0,"
    " done_late INTEGER NOT NULL DEFAULT 0,"
    " done_due INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(body_id, lower_body_id, unit_id)) WITHOUT ROWID;"
    "CREATE TABLE task_tally_due("
    " body_id INTEGER NOT NULL,"
    " lower_body_id INTEGER NOT NULL,"
    " unit_id INTEGER NOT NULL,"
    " g INTEGER NOT NULL," /* 0: due is a day, 1: a month */
    " due TEXT NOT NULL,"
    " n INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(body_id, lower_body_id, unit_id, g, due)) WITHOUT ROWID;"
    /* Tasks completed after a date, which count as open at that date. */
    "CREATE INDEX task_done_on ON task(completed_on) WHERE completed_on IS NOT NULL;"
    TALLY_FILL ";"
    TALLY_DUE_FILL ";"
    "CREATE TRIGGER task_tally_i AFTER INSERT ON task BEGIN "
    TALLY_ADD("new", "1", "0", "WHERE 1")
    " END;"
    "CREATE TRIGGER task_tally_u AFTER UPDATE OF body_id, lower_body_id, due, completed_on,"
    " deadline_kind ON task WHEN old.body_id IS NOT new.body_id OR old.lower_body_id IS NOT"
    " new.lower_body_id OR old.due IS NOT new.due OR old.completed_on IS NOT new.completed_on"
    " OR old.deadline_kind IS NOT new.deadline_kind BEGIN "
    TALLY_ADD("old", "-1", "0", "WHERE 1")
    TALLY_ADD("new", "1", "0", "WHERE 1")
    TALLY_ADD("old", "-1", "tu.unit_id", TALLY_LEADS("old"))
    TALLY_ADD("new", "1", "tu.unit_id", TALLY_LEADS("new"))
    " END;"
    "CREATE TRIGGER task_tally_d BEFORE DELETE ON task BEGIN "
    TALLY_ADD("old", "-1", "0", "WHERE 1")
    TALLY_ADD("old", "-1", "tu.unit_id", TALLY_LEADS("old"))
    " END;"
    /* A unit row removed by the task's own deletion finds no task: its part went with it. */
    "CREATE TRIGGER task_tally_unit_i AFTER INSERT ON task_unit WHEN new.role = 'lead' BEGIN "
    TALLY_ADD("t", "1", "new.unit_id", "FROM task t WHERE t.id = new.task_id")
    " END;"
    "CREATE TRIGGER task_tally_unit_d AFTER DELETE ON task_unit WHEN old.role = 'lead' BEGIN "
    TALLY_ADD("t", "-1", "old.unit_id", "FROM task t WHERE t.id = old.task_id")
    " END;"
    "CREATE TRIGGER task_tally_unit_u AFTER UPDATE ON task_unit BEGIN "
    TALLY_ADD("t", "-1", "old.unit_id", "FROM task t WHERE t.id = old.task_id AND old.role = 'lead'")
    TALLY_ADD("t", "1", "new.unit_id", "FROM task t WHERE t.id = new.task_id AND new.role = 'lead'")
    " END;";
/* clang-format on */
