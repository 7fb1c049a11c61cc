/* m015_requests.c: reporting requests from a higher body to its lower bodies, and who has answered. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_report_request(X) X(id) X(body_id) X(kind) X(period) X(due) X(note) X(created_at)
#define AUDIT_COLS_report_request_to(X) X(request_id) X(body_id) X(answered_at) X(reminded_at)
/* clang-format on */

const char db_m015_requests[] =
    /*
     * A request for a report (yêu cầu báo cáo): the asking body wants either a
     * period's indicator figures (kind 'figures', period its canonical code)
     * or a report on the progress of its tasks ('progress'), by due.
     */
    "CREATE TABLE report_request("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " kind TEXT NOT NULL CHECK(kind IN ('figures','progress')),"
    " period TEXT,"
    " due TEXT NOT NULL,"
    " note TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " CHECK((kind = 'figures') = (period IS NOT NULL)));"
    "CREATE INDEX report_request_body ON report_request(body_id);" AUDIT_TRIGGERS(
	report_request, AUDIT_COLS_report_request)
    /*
     * Its addressees: answered_at is set when the addressee's office submits
     * its report; reminded_at when a reminder about it was mailed.
     */
    "CREATE TABLE report_request_to("
    " request_id INTEGER NOT NULL REFERENCES report_request(id),"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " answered_at TEXT,"
    " reminded_at TEXT,"
    " UNIQUE(request_id, body_id));"
    "CREATE INDEX report_request_to_body ON report_request_to(body_id);" AUDIT_TRIGGERS(
	report_request_to, AUDIT_COLS_report_request_to);
