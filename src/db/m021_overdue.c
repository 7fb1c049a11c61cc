/* m021_overdue.c: an index of the open tasks that can fall overdue, by id, for the overdue filter. */
#include "db/migrations.h"

/*
 * The open tasks with a due date that are not standing tasks, by id with their
 * due date: the overdue filter of the task list (SQL_WEB_TASKS_OVERDUE) reads a
 * page of them in id order, testing the due date in the index, instead of
 * walking every task. Derived from task's own columns, so nothing to audit.
 */
const char db_m021_overdue[] =
    "CREATE INDEX task_overdue ON task(id, due)"
    " WHERE completed_on IS NULL AND deadline_kind <> 'standing' AND due IS NOT NULL;";

const char db_m021_overdue_pg[] =
    "CREATE INDEX task_overdue ON task(id, due)"
    " WHERE completed_on IS NULL AND deadline_kind <> 'standing' AND due IS NOT NULL;";
