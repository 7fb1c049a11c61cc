/* migrations.c: the table of schema migrations; adding one is one line here. */
#include <stdbool.h>

#include "db/db.h"
#include "db/migrations.h"

const struct db_migration db_migrations[] = {
    {1, "core", db_m001_core, NULL},
    {2, "indicators", db_m002_indicators, NULL},
    {3, "sessionwork", db_m003_sessionwork, NULL},
    {4, "notice", db_m004_notice, NULL},
    {5, "tasks", db_m005_tasks, NULL},
    {6, "web", db_m006_web, NULL},
    {7, "import", db_m007_import, NULL},
    {8, "progress", db_m008_progress, NULL},
    {9, "search", db_m009_search, NULL},
    {10, "audit_head", db_m010_audit_head, NULL},
    {11, "session_time", db_m011_session_time, NULL},
    {12, "task_extend", db_m012_task_extend, NULL},
    {13, "notice_task", db_m013_notice_task, NULL},
    {14, "filing", db_m014_filing, NULL},
    {15, "requests", db_m015_requests, NULL},
    {16, "succession", db_m016_succession, NULL},
    {17, "task_tally", db_m017_task_tally, NULL},
    {18, "sign", db_m018_sign, NULL},
    {19, "dashboard", db_m019_dashboard, NULL},
    {20, "counters", db_m020_counters, db_m020_counters_pg},
    {21, "overdue", db_m021_overdue, db_m021_overdue_pg},
    {22, "records", db_m022_records, db_m022_records_pg},
    {23, "import_printed", db_m023_import_printed, db_m023_import_printed_pg},
    {24, "session_comments", db_m024_session_comments, db_m024_session_comments_pg},
};

const int db_nmigrations = sizeof(db_migrations) / sizeof(db_migrations[0]);

const struct db_migration *db_migration_find(int version)
{
	for (int i = 0; i < db_nmigrations; i++)
		if (db_migrations[i].version == version)
			return &db_migrations[i];
	return NULL;
}

int db_migration_seen(int v, bool applied[static 256], int *n, struct err *e)
{
	if (v <= 0 || v >= 256 || !db_migration_find(v))
		return err_set(e, ERR_VERSION,
			       "cơ sở dữ liệu có lược đồ phiên bản %d, mới hơn bản dondoc "
			       "này (tối đa %d); hãy dùng dondoc mới hơn",
			       v, db_version_known());
	if (!applied[v])
		(*n)++;
	applied[v] = true;
	return 0;
}
