/* m020_counters.c: counter rows for every number dondoc hands out, and the claims that let
 * several hosts share the mail jobs. */
#include "db/migrations.h"

/*
 * seq_counter holds the last number handed out per scope: a session's number
 * per organ and term ('session', organ_id, term_id), an agenda item's position
 * per session ('agenda', session_id, 0), a notice task's per notice
 * ('notice_task'), a recipient's per group ('recipient'), an indicator's in the
 * catalogue ('indicator', 0, 0). A number is taken by one upsert on its row
 * (SQL_SEQ_*), which the row's lock serialises between writers; it is never
 * below max + 1 of the numbers already there, so numbers given by hand are
 * stepped over. Derived like the task counters and not audited.
 *
 * job_claim holds a message a process is sending: a reminder event, a
 * request's reminder, a notice's delivery, by key. A process sends only what
 * it claimed in its own committed write; the claim goes when the outcome is
 * recorded, and one older than OUTBOX_CLAIM_STALE_S (a process that died) is
 * taken over. Not audited: the outcome is, on the rows it is recorded on.
 */
#define M020_FILL                                                                                 \
	"INSERT INTO seq_counter(scope, key, sub, last)"                                          \
	" SELECT 'session', organ_id, term_id, max(number) FROM session GROUP BY organ_id, "      \
	"term_id;"                                                                                \
	"INSERT INTO seq_counter(scope, key, sub, last)"                                          \
	" SELECT 'agenda', session_id, 0, max(position) FROM agenda_item GROUP BY session_id;"    \
	"INSERT INTO seq_counter(scope, key, sub, last)"                                          \
	" SELECT 'notice_task', notice_id, 0, max(position) FROM notice_task GROUP BY notice_id;" \
	"INSERT INTO seq_counter(scope, key, sub, last)"                                          \
	" SELECT 'recipient', group_id, 0, max(position) FROM recipient GROUP BY group_id;"       \
	"INSERT INTO seq_counter(scope, key, sub, last)"                                          \
	" SELECT 'indicator', 0, 0, m FROM (SELECT max(position) AS m FROM ind_indicator) t"      \
	" WHERE m IS NOT NULL;"

/* clang-format off */
const char db_m020_counters[] =
    "CREATE TABLE seq_counter("
    " scope TEXT NOT NULL,"
    " key INTEGER NOT NULL,"
    " sub INTEGER NOT NULL,"
    " last INTEGER NOT NULL,"
    " PRIMARY KEY(scope, key, sub)) WITHOUT ROWID;"
    M020_FILL
    "CREATE TABLE job_claim("
    " key TEXT PRIMARY KEY,"
    " claimed_at TEXT NOT NULL," /* 2023-11-28T07:00:00Z */
    " claimed_by TEXT NOT NULL) WITHOUT ROWID;"; /* host:pid */

const char db_m020_counters_pg[] =
    "CREATE TABLE seq_counter("
    " scope text NOT NULL,"
    " key bigint NOT NULL,"
    " sub bigint NOT NULL,"
    " last bigint NOT NULL,"
    " PRIMARY KEY(scope, key, sub));"
    M020_FILL
    "CREATE TABLE job_claim("
    " key text PRIMARY KEY,"
    " claimed_at text NOT NULL,"
    " claimed_by text NOT NULL);";
/* clang-format on */
