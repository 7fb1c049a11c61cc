/* tally_sql.h: the task counters' SQL, shared by migration 017, its statements and the check. */
#pragma once

/*
 * The task counters (migration 017) keep, for every assigning body B, lower
 * body L (0: none; B 0: a task of no body) and unit U (0: each task once;
 * else a lead unit, each task once per lead), what a task's status depends
 * on as stored: task_tally the totals, standing tasks still open, tasks done
 * on time and late, done tasks that had a deadline; task_tally_due the open
 * tasks with a deadline (not standing) by due day (g 0, "YYYY-MM-DD") and by
 * due month (g 1, "YYYY-MM") and, since migration 021, by due year (g 2,
 * "YYYY"), so that "overdue at D" sums the years before D's year, the months
 * of D's year before D's month and the days of D's month before D. The expressions below are
 * task_status_at's rule on a row alias R; triggers keep the counters in the
 * task write's own statement, the fill statements recount them from the tasks.
 */
/* clang-format off */
#define TALLY_STANDING(R) "(" R ".deadline_kind = 'standing' AND " R ".completed_on IS NULL)"
#define TALLY_ONTIME(R) \
	"(" R ".completed_on IS NOT NULL AND (" R ".due IS NULL OR " R ".completed_on <= " R ".due))"
#define TALLY_LATE(R) \
	"(" R ".completed_on IS NOT NULL AND " R ".due IS NOT NULL AND " R ".completed_on > " R ".due)"
#define TALLY_DONE_DUE(R) "(" R ".completed_on IS NOT NULL AND " R ".due IS NOT NULL)"
#define TALLY_OPEN_DUE(R) \
	"(" R ".completed_on IS NULL AND " R ".deadline_kind <> 'standing' AND " R ".due IS NOT NULL)"
#define TALLY_KEY(R) "coalesce(" R ".body_id, 0), coalesce(" R ".lower_body_id, 0)"
/* A condition as 1 or 0, for sums PostgreSQL makes too (it adds no booleans). */
#define TALLY_INT(C) "(CASE WHEN " C " THEN 1 ELSE 0 END)"

/* Adds sign S times task R's part to the counters of unit U; FROM ends with a WHERE clause. */
#define TALLY_ADD(R, S, U, FROM) \
	"INSERT INTO task_tally(body_id, lower_body_id, unit_id, total, standing, done_ontime," \
	" done_late, done_due) SELECT " TALLY_KEY(R) ", " U ", " S ", " \
	S " * " TALLY_STANDING(R) ", " S " * " TALLY_ONTIME(R) ", " \
	S " * " TALLY_LATE(R) ", " S " * " TALLY_DONE_DUE(R) " " FROM \
	" ON CONFLICT(body_id, lower_body_id, unit_id) DO UPDATE SET" \
	" total = total + excluded.total, standing = standing + excluded.standing," \
	" done_ontime = done_ontime + excluded.done_ontime," \
	" done_late = done_late + excluded.done_late, done_due = done_due + excluded.done_due;" \
	TALLY_ADD_DUE(R, S, U, FROM, "0", R ".due") \
	TALLY_ADD_DUE(R, S, U, FROM, "1", "substr(" R ".due, 1, 7)")
#define TALLY_ADD_DUE(R, S, U, FROM, G, DUE) \
	"INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n) SELECT " \
	TALLY_KEY(R) ", " U ", " G ", " DUE ", " S " " FROM " AND " TALLY_OPEN_DUE(R) \
	" ON CONFLICT(body_id, lower_body_id, unit_id, g, due) DO UPDATE SET n = n + excluded.n;"

/* Task R's lead units, for TALLY_ADD's FROM. */
#define TALLY_LEADS(R) "FROM task_unit tu WHERE tu.task_id = " R ".id AND tu.role = 'lead'"

/*
 * TALLY_ADD as PostgreSQL's triggers run it (pg_baseline.c): conditions as
 * integers, the table named in the conflict's update. SQLite's triggers
 * keep migration 017's text: 'dondoc check' holds the schema against it.
 */
#define TALLY_ADD_PG(R, S, U, FROM) \
	"INSERT INTO task_tally(body_id, lower_body_id, unit_id, total, standing, done_ontime," \
	" done_late, done_due) SELECT " TALLY_KEY(R) ", " U ", " S ", " \
	S " * " TALLY_INT(TALLY_STANDING(R)) ", " S " * " TALLY_INT(TALLY_ONTIME(R)) ", " \
	S " * " TALLY_INT(TALLY_LATE(R)) ", " S " * " TALLY_INT(TALLY_DONE_DUE(R)) " " FROM \
	" ON CONFLICT(body_id, lower_body_id, unit_id) DO UPDATE SET" \
	" total = task_tally.total + excluded.total," \
	" standing = task_tally.standing + excluded.standing," \
	" done_ontime = task_tally.done_ontime + excluded.done_ontime," \
	" done_late = task_tally.done_late + excluded.done_late," \
	" done_due = task_tally.done_due + excluded.done_due;" \
	TALLY_ADD_DUE_PG(R, S, U, FROM, "0", R ".due") \
	TALLY_ADD_DUE_PG(R, S, U, FROM, "1", "substr(" R ".due, 1, 7)")
#define TALLY_ADD_DUE_PG(R, S, U, FROM, G, DUE) \
	"INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n) SELECT " \
	TALLY_KEY(R) ", " U ", " G ", " DUE ", " S " " FROM " AND " TALLY_OPEN_DUE(R) \
	" ON CONFLICT(body_id, lower_body_id, unit_id, g, due) DO UPDATE SET" \
	" n = task_tally_due.n + excluded.n;"

/* The counters recounted from the tasks: rows of task_tally, then of task_tally_due. */
#define TALLY_SUMS(R) \
	"count(*), sum(" TALLY_INT(TALLY_STANDING(R)) "), sum(" TALLY_INT(TALLY_ONTIME(R)) "), sum(" \
	TALLY_INT(TALLY_LATE(R)) "), sum(" TALLY_INT(TALLY_DONE_DUE(R)) ")"
#define TALLY_LEAD_JOIN "FROM task_unit tu JOIN task t ON t.id = tu.task_id WHERE tu.role = 'lead'"
#define TALLY_RECOUNT \
	"SELECT " TALLY_KEY("t") ", 0, " TALLY_SUMS("t") " FROM task t GROUP BY 1, 2" \
	" UNION ALL SELECT " TALLY_KEY("t") ", tu.unit_id, " TALLY_SUMS("t") " " TALLY_LEAD_JOIN \
	" GROUP BY 1, 2, 3"
#define TALLY_DUE_RECOUNT \
	"SELECT " TALLY_KEY("t") ", 0, 0, t.due, count(*) FROM task t" \
	" WHERE " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 5" \
	" UNION ALL SELECT " TALLY_KEY("t") ", 0, 1, substr(t.due, 1, 7), count(*) FROM task t" \
	" WHERE " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 5" \
	" UNION ALL SELECT " TALLY_KEY("t") ", tu.unit_id, 0, t.due, count(*) " TALLY_LEAD_JOIN \
	" AND " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 3, 5" \
	" UNION ALL SELECT " TALLY_KEY("t") ", tu.unit_id, 1, substr(t.due, 1, 7), count(*) " \
	TALLY_LEAD_JOIN " AND " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 3, 5"
/* The year rows (g 2) recounted from the tasks, for the check (the fill makes them by trigger). */
#define TALLY_DUE_YEAR_RECOUNT \
	"SELECT " TALLY_KEY("t") ", 0, 2, substr(t.due, 1, 4), count(*) FROM task t" \
	" WHERE " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 5" \
	" UNION ALL SELECT " TALLY_KEY("t") ", tu.unit_id, 2, substr(t.due, 1, 4), count(*) " \
	TALLY_LEAD_JOIN " AND " TALLY_OPEN_DUE("t") " GROUP BY 1, 2, 3, 5"
/*
 * A month row's change (g 1) added to its year's row (g 2): the month rows are
 * only ever inserted or changed in n by the counters' triggers and the fill,
 * and deleted all at once with the year rows by the repair.
 */
#define TALLY_YEAR_ADD(ROW, DELTA) \
	"INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n) VALUES(" ROW \
	".body_id, " ROW ".lower_body_id, " ROW ".unit_id, 2, substr(" ROW ".due, 1, 4), " DELTA ")"
#define TALLY_FILL \
	"INSERT INTO task_tally(body_id, lower_body_id, unit_id, total, standing, done_ontime," \
	" done_late, done_due) " TALLY_RECOUNT
#define TALLY_DUE_FILL \
	"INSERT INTO task_tally_due(body_id, lower_body_id, unit_id, g, due, n) " TALLY_DUE_RECOUNT

/*
 * Open tasks of counter row K overdue at the date D (a parameter, "?2"): the
 * due years before D's year (g 2, kept from the month rows by migration 021's
 * trigger), the months of D's year before D's month, then the days of D's
 * month before D; so a view reads a few rows per counter however long the
 * store's history.
 */
#define TALLY_DUE_OF(K) \
	"d.body_id = " K ".body_id AND d.lower_body_id = " K ".lower_body_id AND d.unit_id = " K \
	".unit_id"
#define TALLY_OVERDUE(K, D) \
	"((SELECT coalesce(sum(d.n), 0) FROM task_tally_due d WHERE " TALLY_DUE_OF(K) \
	" AND d.g = 2 AND d.due < substr(" D ", 1, 4)) + (SELECT coalesce(sum(d.n), 0)" \
	" FROM task_tally_due d WHERE " TALLY_DUE_OF(K) " AND d.g = 1 AND d.due >= substr(" D \
	", 1, 4) AND d.due < substr(" D ", 1, 7)) + (SELECT coalesce(sum(d.n), 0)" \
	" FROM task_tally_due d WHERE " TALLY_DUE_OF(K) " AND d.g = 0 AND d.due >= substr(" D \
	", 1, 7) AND d.due < " D "))"
/* Open tasks of K due from the date F to the date T, by day rows: for a short span. */
#define TALLY_DUE_BETWEEN(K, F, T) \
	"(SELECT coalesce(sum(d.n), 0) FROM task_tally_due d WHERE " TALLY_DUE_OF(K) \
	" AND d.g = 0 AND d.due >= " F " AND d.due <= " T ")"
/* A counter row's columns as task_tally_read reads them, overdue at D last. */
#define TALLY_COLS(K, D) \
	K ".total, " K ".standing, " K ".done_ontime, " K ".done_late, " K ".done_due, " \
	TALLY_OVERDUE(K, D)
/* clang-format on */

/*
 * The document counters (migration 019): documents per body (0: of no body)
 * and secrecy (0: thường, 1: any other grade), so that the dashboard's count
 * of the documents an account may see sums a few rows per body in its scope.
 */
/* clang-format off */
#define DOC_TALLY_KEY(R) "coalesce(" R ".body_id, 0), " R ".confidentiality <> 'thuong'"
#define DOC_TALLY_ADD(R, S) \
	"INSERT INTO doc_tally(body_id, secret, n) VALUES(" DOC_TALLY_KEY(R) ", " S ")" \
	" ON CONFLICT(body_id, secret) DO UPDATE SET n = n + excluded.n;"
#define DOC_TALLY_RECOUNT \
	"SELECT coalesce(d.body_id, 0), " TALLY_INT("d.confidentiality <> 'thuong'") ", count(*)" \
	" FROM document d GROUP BY 1, 2"
/* DOC_TALLY_ADD as PostgreSQL's triggers run it (see TALLY_ADD_PG). */
#define DOC_TALLY_ADD_PG(R, S) \
	"INSERT INTO doc_tally(body_id, secret, n) VALUES(coalesce(" R ".body_id, 0), " \
	TALLY_INT(R ".confidentiality <> 'thuong'") ", " S ")" \
	" ON CONFLICT(body_id, secret) DO UPDATE SET n = doc_tally.n + excluded.n;"
/* clang-format on */
