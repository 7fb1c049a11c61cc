/* m004_notice.c: schema of conclusion notices: format profiles, notices and versions, recipients, deliveries. */
#include "db/migrations.h"

const char db_m004_notice[] =
    /*
     * Format profiles: the official layout as data. Sizes in points, margins
     * in millimetres (top/bottom/left/right). confirmed = 0 marks numbers
     * still awaiting the guidance's text (party-2026).
     */
    "CREATE TABLE fmt_profile("
    " code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " family TEXT NOT NULL CHECK(family IN ('party','state')),"
    " font TEXT NOT NULL,"
    " header_pt REAL NOT NULL, motto_pt REAL NOT NULL, type_pt REAL NOT NULL,"
    " summary_pt REAL NOT NULL, body_pt REAL NOT NULL, recipients_pt REAL NOT NULL,"
    " sign_pt REAL NOT NULL,"
    " margin_top REAL NOT NULL, margin_bottom REAL NOT NULL,"
    " margin_left REAL NOT NULL, margin_right REAL NOT NULL,"
    " indent_mm REAL NOT NULL, line_spacing REAL NOT NULL, para_space_pt REAL NOT NULL,"
    " page_numbers INTEGER NOT NULL DEFAULT 1,"
    " sign_forms TEXT NOT NULL," /* authority forms allowed, comma-separated */
    " confirmed INTEGER NOT NULL DEFAULT 1);"
    "INSERT INTO fmt_profile VALUES"
    " ('party-2018','Hướng dẫn 36-HD/VPTW (2018)','party','Liberation Serif',"
    "  14,15,16,14,14,12,14, 20,20,30,15, 10,1.0,6, 1,'T/M,K/T,T/L',1),"
    " ('party-2026','Hướng dẫn 05-HD/VPTW (2026)','party','Liberation Serif',"
    "  14,15,16,14,14,12,14, 20,20,30,15, 10,1.0,6, 1,'T/M,K/T,T/L',0),"
    " ('state-2020','Nghị định 30/2020/NĐ-CP','state','Liberation Serif',"
    "  13,13,14,14,14,12,14, 20,20,30,15, 10,1.0,6, 1,'TM.,KT.,TL.,Q.',1);"

    /*
     * A notice: a template (docs/notice-template.md) bound to a session.
     * Once issued, its content is locked; a correction (đính chính) is a new
     * row with corrects_id pointing at the one it replaces, which becomes
     * 'superseded' and stays readable.
     */
    "CREATE TABLE notice("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id)," /* issuing body */
    " session_id INTEGER REFERENCES session(id),"
    " term_id INTEGER REFERENCES term(id),"
    " profile_code TEXT NOT NULL DEFAULT 'party-2018' REFERENCES fmt_profile(code),"
    " period TEXT," /* the indicators' period code figures default to */
    " template TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','issued','superseded')),"
    " version INTEGER NOT NULL DEFAULT 1,"
    " corrects_id INTEGER REFERENCES notice(id),"
    " document_id INTEGER REFERENCES document(id),"
    " number INTEGER, symbol TEXT, issue_date TEXT, place TEXT,"
    " sig_authority TEXT, sig_position TEXT, sig_name TEXT,"
    " issued_text TEXT," /* the text as issued, kept verbatim */
    /* the template with every placeholder replaced by its value at issuing: renders the same forever */
    " issued_template TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " issued_at TEXT);"
    "CREATE INDEX notice_session ON notice(session_id);"
    "CREATE TRIGGER notice_locked BEFORE UPDATE OF template, number, symbol, issue_date,"
    " sig_authority, sig_position, sig_name, issued_text, issued_template, session_id, body_id, "
    "period,"
    " profile_code ON notice WHEN OLD.status <> 'draft'"
    " BEGIN SELECT RAISE(ABORT, 'notice issued: locked'); END;"
    "CREATE TRIGGER notice_nodelete BEFORE DELETE ON notice WHEN OLD.status <> 'draft'"
    " BEGIN SELECT RAISE(ABORT, 'notice issued: locked'); END;"

    /* Recipient groups (Nơi nhận lists) of a body, and their members in order. */
    "CREATE TABLE recipient_group("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " code TEXT NOT NULL, name TEXT NOT NULL,"
    " UNIQUE(body_id, code));"
    "CREATE TABLE recipient("
    " id INTEGER PRIMARY KEY,"
    " group_id INTEGER NOT NULL REFERENCES recipient_group(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " label TEXT NOT NULL," /* as printed in Nơi nhận, without "- " and "," */
    " unit_id INTEGER REFERENCES unit(id),"
    " email TEXT," /* NULL: sent on paper */
    " UNIQUE(group_id, position));"

    /* What went to whom and when, for each issued notice. */
    "CREATE TABLE notice_delivery("
    " id INTEGER PRIMARY KEY,"
    " notice_id INTEGER NOT NULL REFERENCES notice(id),"
    " label TEXT NOT NULL,"
    " channel TEXT NOT NULL CHECK(channel IN ('email','paper')),"
    " address TEXT,"
    " status TEXT NOT NULL CHECK(status IN ('sent','failed','paper','queued')),"
    " detail TEXT,"
    " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX notice_delivery_notice ON notice_delivery(notice_id);";
