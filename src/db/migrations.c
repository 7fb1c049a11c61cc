/* migrations.c: the table of schema migrations; adding one is one line here. */
#include "db/migrations.h"

const struct db_migration db_migrations[] = {
    {1, "core", db_m001_core},
    {2, "indicators", db_m002_indicators},
    {3, "sessionwork", db_m003_sessionwork},
    {4, "notice", db_m004_notice},
    {5, "tasks", db_m005_tasks},
    {6, "web", db_m006_web},
    {7, "import", db_m007_import},
    {8, "progress", db_m008_progress},
    {9, "search", db_m009_search},
    {10, "audit_head", db_m010_audit_head},
    {11, "session_time", db_m011_session_time},
    {12, "task_extend", db_m012_task_extend},
    {13, "notice_task", db_m013_notice_task},
    {14, "filing", db_m014_filing},
    {15, "requests", db_m015_requests},
    {16, "succession", db_m016_succession},
    {17, "task_tally", db_m017_task_tally},
    {18, "sign", db_m018_sign},
    {19, "dashboard", db_m019_dashboard},
    {20, "counters", db_m020_counters, db_m020_counters_pg},
    {22, "records", db_m022_records, db_m022_records_pg},
};

const int db_nmigrations = sizeof(db_migrations) / sizeof(db_migrations[0]);
