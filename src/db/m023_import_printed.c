/* m023_import_printed.c: what an imported notice prints that had no column: an event deadline, a range's upper end, a repaired reference. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_task(X) X(id) X(parent_id) X(body_id) X(source_doc_id) X(source_session_id) X(section) X(content) X(assigned_on) X(deadline_kind) X(deadline_text) X(due) X(cycle) X(report_to) X(follower_unit_id) X(lower_body_id) X(state) X(completed_on) X(last_report_on) X(deadline_event)
#define AUDIT_COLS_doc_ref(X) X(id) X(from_id) X(to_id) X(symbol) X(date) X(repaired)
#define AUDIT_COLS_ind_value(X) X(id) X(indicator_id) X(body_id) X(period) X(year) X(m_from) X(m_to) X(kind) X(baseline) X(estimate) X(units) X(scale) X(source) X(units_to)
/* clang-format on */

/*
 * task.deadline_event: a deadline named by an event, as printed ("trước Tết
 * Nguyên đán"), kept for a task whose deadline has no date (deadline_kind
 * 'none'); shown where the deadline's words are.
 * doc_ref.repaired: the symbol was printed without a hyphen a PDF lost
 * ("45/2020/NĐCP") and was restored on import ("45/2020/NĐ-CP").
 * ind_value.units_to: a range's upper end ("từ 120 đến 150 tỷ đồng"), in the
 * row's scale; NULL for a single value.
 * The audit triggers name every column: remade with the new ones.
 */
const char db_m023_import_printed[] =
    "ALTER TABLE task ADD COLUMN deadline_event TEXT;"
    "ALTER TABLE doc_ref ADD COLUMN repaired INTEGER NOT NULL DEFAULT 0"
    " CHECK(repaired IN (0, 1));"
    "ALTER TABLE ind_value ADD COLUMN units_to INTEGER;"
    "DROP TRIGGER audit_task_i;"
    "DROP TRIGGER audit_task_u;"
    "DROP TRIGGER audit_task_d;" AUDIT_TRIGGERS(
	task,
	AUDIT_COLS_task) "DROP TRIGGER audit_doc_ref_i;"
			 "DROP TRIGGER audit_doc_ref_u;"
			 "DROP TRIGGER audit_doc_ref_d;" AUDIT_TRIGGERS(
			     doc_ref,
			     AUDIT_COLS_doc_ref) "DROP TRIGGER audit_ind_value_i;"
						 "DROP TRIGGER audit_ind_value_u;"
						 "DROP TRIGGER audit_ind_value_d;" AUDIT_TRIGGERS(
						     ind_value, AUDIT_COLS_ind_value);

const char db_m023_import_printed_pg[] =
    "ALTER TABLE task ADD COLUMN deadline_event text;"
    "ALTER TABLE doc_ref ADD COLUMN repaired bigint NOT NULL DEFAULT 0"
    " CHECK(repaired IN (0, 1));"
    "ALTER TABLE ind_value ADD COLUMN units_to bigint;"
    "DROP TRIGGER audit_task_i ON task;"
    "DROP TRIGGER audit_task_u ON task;"
    "DROP TRIGGER audit_task_d ON task;" PG_AUDIT(
	task,
	AUDIT_COLS_task) "DROP TRIGGER audit_doc_ref_i ON doc_ref;"
			 "DROP TRIGGER audit_doc_ref_u ON doc_ref;"
			 "DROP TRIGGER audit_doc_ref_d ON doc_ref;" PG_AUDIT(
			     doc_ref,
			     AUDIT_COLS_doc_ref) "DROP TRIGGER audit_ind_value_i ON ind_value;"
						 "DROP TRIGGER audit_ind_value_u ON ind_value;"
						 "DROP TRIGGER audit_ind_value_d ON "
						 "ind_value;" PG_AUDIT(ind_value,
								       AUDIT_COLS_ind_value);
