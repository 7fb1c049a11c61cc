/* m014_filing.c: a state body's yearly document counter, a document's drafting unit, a body's DHIS2 code. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_doc_counter_year(X) X(body_id) X(type_code) X(year) X(last)
#define AUDIT_COLS_document(X)                                                                     \
	X(id) X(type_code) X(body_id) X(organ_id) X(term_id) X(issuer_code) X(number) X(symbol) X(date) \
	    X(title) X(text) X(confidentiality) X(status) X(drafting_unit)
#define AUDIT_COLS_body(X)                                                                         \
	X(id) X(parent_id) X(level) X(kind) X(name) X(short_name) X(code) X(place) X(active_from) \
	    X(active_to) X(dhis2_code)
/* clang-format on */

const char db_m014_filing[] =
    /*
     * Last number given per (state body, type, calendar year): a state body's
     * numbers run from 01 on 1 January (Nghị định 30/2020/NĐ-CP, Điều 15);
     * a Party committee's stay in doc_counter, across the term.
     */
    "CREATE TABLE doc_counter_year("
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " type_code TEXT NOT NULL REFERENCES doc_type(code),"
    " year INTEGER NOT NULL CHECK(year BETWEEN 1945 AND 2200),"
    " last INTEGER NOT NULL,"
    " PRIMARY KEY(body_id, type_code, year));" AUDIT_TRIGGERS(doc_counter_year,
							      AUDIT_COLS_doc_counter_year)
    /* The symbol code of the unit that drafted a state dispatch: VP in 15/UBND-VP. */
    "ALTER TABLE document ADD COLUMN drafting_unit TEXT;"
    /* The audit triggers name every column: remade with the new one. */
    "DROP TRIGGER audit_document_i;"
    "DROP TRIGGER audit_document_u;"
    "DROP TRIGGER audit_document_d;" AUDIT_TRIGGERS(document, AUDIT_COLS_document)
    /*
     * The organisation unit a body's indicator values are exported under in
     * DHIS2 dataValueSets (its code there); NULL: the body's own symbol code.
     */
    "ALTER TABLE body ADD COLUMN dhis2_code TEXT;"
    "CREATE UNIQUE INDEX body_dhis2_code ON body(dhis2_code) WHERE dhis2_code IS NOT NULL;"
    "DROP TRIGGER audit_body_i;"
    "DROP TRIGGER audit_body_u;"
    "DROP TRIGGER audit_body_d;" AUDIT_TRIGGERS(body, AUDIT_COLS_body);
