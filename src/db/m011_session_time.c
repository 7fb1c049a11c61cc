/* m011_session_time.c: a session's start time, and the reason a recorded vote was corrected. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_session(X)                                                                      \
	X(id) X(organ_id) X(term_id) X(number) X(kind) X(date) X(place) X(basis) X(status) X(start_time)
#define AUDIT_COLS_sw_vote(X) X(id) X(agenda_item_id) X(binding) X(special) X(n_for) X(n_against) X(n_abstain) X(members) X(present) X(regulation_id) X(passed) X(wording) X(recorded_at) X(correction_reason)
/* clang-format on */

const char db_m011_session_time[] =
    /* "HH:MM", 24-hour; NULL when the session's time was not registered. */
    "ALTER TABLE session ADD COLUMN start_time TEXT CHECK (start_time IS NULL OR"
    " (length(start_time) = 5 AND start_time GLOB '[0-2][0-9]:[0-5][0-9]'"
    " AND start_time <= '23:59'));"
    /* Why the counts were replaced; the earlier counts stay in the audit log. */
    "ALTER TABLE sw_vote ADD COLUMN correction_reason TEXT;"
    /* The audit triggers name every column: remade with the new ones. */
    "DROP TRIGGER audit_session_i;"
    "DROP TRIGGER audit_session_u;"
    "DROP TRIGGER audit_session_d;" AUDIT_TRIGGERS(
	session, AUDIT_COLS_session) "DROP TRIGGER audit_sw_vote_i;"
				     "DROP TRIGGER audit_sw_vote_u;"
				     "DROP TRIGGER audit_sw_vote_d;" AUDIT_TRIGGERS(
					 sw_vote, AUDIT_COLS_sw_vote);
