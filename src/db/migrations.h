/* migrations.h: the numbered schema migrations, each a block of SQL applied once. */
#pragma once

struct db_migration {
	int version;
	const char *name;
	const char *sql; /* SQLite */
	/*
	 * The same change in PostgreSQL's dialect. NULL up to DB_PG_BASELINE: a
	 * PostgreSQL store is created at that version whole, from its baseline
	 * schema, and takes only the later migrations one by one.
	 */
	const char *pg;
};

/* The version a new PostgreSQL store starts at. */
#define DB_PG_BASELINE 19

/*
 * The whole schema of a new PostgreSQL store at DB_PG_BASELINE, in one text
 * of several statements (pg_baseline.c): SQLite's tables, indexes and rows
 * after migrations 1 to DB_PG_BASELINE, its triggers' work as plpgsql
 * triggers (audit entries into audit_pending, the search index, the
 * counters), and the extensions unaccent and pg_trgm.
 */
extern const char db_pg_baseline[];

/* In version order; versions are never reused or renumbered. */
extern const struct db_migration db_migrations[];
extern const int db_nmigrations;

struct err;
/* The migration of this version; NULL when this build does not know it. */
const struct db_migration *db_migration_find(int version);
/*
 * Marks version v, read from a store's schema_migration, in applied (counting
 * it in *n the first time): ERR_VERSION, said in e, when this build does not
 * know it (a newer dondoc wrote the store).
 */
int db_migration_seen(int v, _Bool applied[static 256], int *n, struct err *e);

extern const char db_m001_core[];
/* 2 indicators */
extern const char db_m002_indicators[];
/* 3 sessionwork */
extern const char db_m003_sessionwork[];
/* 4 notice */
extern const char db_m004_notice[];
/* 5 tasks */
extern const char db_m005_tasks[];
/* 6 web */
extern const char db_m006_web[];
/* 7 import */
extern const char db_m007_import[];
/* 8 progress */
extern const char db_m008_progress[];
/* 9 search */
extern const char db_m009_search[];
/* 10 audit_head */
extern const char db_m010_audit_head[];
/* 11 session_time */
extern const char db_m011_session_time[];
/* 12 task_extend */
extern const char db_m012_task_extend[];
/* 13 notice_task */
extern const char db_m013_notice_task[];
/* 14 filing */
extern const char db_m014_filing[];
/* 15 requests */
extern const char db_m015_requests[];
/* 16 succession */
extern const char db_m016_succession[];
/* 17 task_tally */
extern const char db_m017_task_tally[];
/* 18 sign */
extern const char db_m018_sign[];
/* 19 dashboard */
extern const char db_m019_dashboard[];
/* 20 counters: seq_counter and job_claim (several writers, several hosts) */
extern const char db_m020_counters[];
extern const char db_m020_counters_pg[];
/* 21 overdue: the open tasks that can fall overdue, by id (the overdue filter); due years of the task counters */
extern const char db_m021_overdue[];
extern const char db_m021_overdue_pg[];
/* 22 records */
extern const char db_m022_records[];
extern const char db_m022_records_pg[];
extern const char db_m023_import_printed[];
extern const char db_m023_import_printed_pg[];
/* 24 session_comments: a session's comments by id */
extern const char db_m024_session_comments[];
extern const char db_m024_session_comments_pg[];
