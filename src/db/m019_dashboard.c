/* m019_dashboard.c: what the dashboard reads at a province's size: document counters per body
 * and secrecy, kept by triggers, and sessions by date. */
#include "db/migrations.h"
#include "db/tally_sql.h"

/*
 * As the task counters (m017): derived data kept by triggers in the writing
 * statement itself, not audited; 'dondoc check' recounts them and
 * '--repair-counters' rebuilds them.
 */
/* clang-format off */
const char db_m019_dashboard[] =
    "CREATE INDEX session_date ON session(date, id);"
    "CREATE TABLE doc_tally("
    " body_id INTEGER NOT NULL,"
    " secret INTEGER NOT NULL,"
    " n INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(body_id, secret)) WITHOUT ROWID;"
    "INSERT INTO doc_tally(body_id, secret, n) " DOC_TALLY_RECOUNT ";"
    "CREATE TRIGGER doc_tally_i AFTER INSERT ON document BEGIN "
    DOC_TALLY_ADD("new", "1")
    " END;"
    "CREATE TRIGGER doc_tally_d AFTER DELETE ON document BEGIN "
    DOC_TALLY_ADD("old", "-1")
    " END;"
    "CREATE TRIGGER doc_tally_u AFTER UPDATE OF body_id, confidentiality ON document"
    " WHEN old.body_id IS NOT new.body_id OR old.confidentiality IS NOT new.confidentiality BEGIN "
    DOC_TALLY_ADD("old", "-1")
    DOC_TALLY_ADD("new", "1")
    " END;";
/* clang-format on */
