/* m001_core.c: schema of the registry: bodies, terms, organs, units, people, sessions, documents. */
#include "db/migrations.h"

/*
 * Dates are ISO 8601 text (YYYY-MM-DD), times UTC ISO 8601. Text is NFC;
 * *_fold columns hold the search key (tones, marks and case folded, đ→d).
 */
const char db_m001_core[] =
    /* Bodies: Party committees and People's Committees, in one tree. */
    "CREATE TABLE body("
    " id INTEGER PRIMARY KEY,"
    " parent_id INTEGER REFERENCES body(id),"
    " level TEXT NOT NULL CHECK(level IN ('tw','tinh','huyen','xa','coso')),"
    " kind TEXT NOT NULL CHECK(kind IN ('party','people')),"
    " name TEXT NOT NULL," /* Huyện ủy Tân Yên */
    " short_name TEXT,"	   /* Huyện ủy (as in T/M HUYỆN ỦY) */
    " code TEXT NOT NULL," /* symbol code: TW, TU, HU, ĐU, UBND */
    " place TEXT,"	   /* place name of the date line: Tân Yên */
    " active_from TEXT, active_to TEXT,"
    " name_fold TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX body_parent ON body(parent_id);"
    "CREATE UNIQUE INDEX body_name ON body(coalesce(parent_id, 0), name);"
    "CREATE INDEX body_code ON body(code);"

    /* Terms (khóa, nhiệm kỳ) of a body: from one congress's close to the next. */
    "CREATE TABLE term("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " name TEXT NOT NULL," /* XXII */
    " year_from INTEGER NOT NULL, year_to INTEGER NOT NULL,"
    " start_date TEXT, end_date TEXT,"
    " UNIQUE(body_id, name));"

    /* Organs through which a body works. */
    "CREATE TABLE organ("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " kind TEXT NOT NULL CHECK(kind IN ('bch','btv','tt','ubkt','vp','ban','ubnd','other')),"
    " name TEXT NOT NULL," /* Ban Chấp hành Đảng bộ huyện */
    " code TEXT,"	   /* symbol code when it issues: VPHU */
    " UNIQUE(body_id, name));"

    /* Units that receive tasks and report: agencies, organs, lower bodies. */
    "CREATE TABLE unit("
    " id INTEGER PRIMARY KEY,"
    " body_id INTEGER NOT NULL REFERENCES body(id)," /* the body it answers to */
    " kind TEXT NOT NULL CHECK(kind IN ('agency','organ','lower_body','group')),"
    " name TEXT NOT NULL,"
    " organ_id INTEGER REFERENCES organ(id),"
    " lower_body_id INTEGER REFERENCES body(id),"
    " email TEXT,"
    " name_fold TEXT NOT NULL DEFAULT '',"
    " UNIQUE(body_id, name));"

    "CREATE TABLE person("
    " id INTEGER PRIMARY KEY,"
    " full_name TEXT NOT NULL,"
    " email TEXT, phone TEXT,"
    " name_fold TEXT NOT NULL DEFAULT '');"

    "CREATE TABLE membership("
    " id INTEGER PRIMARY KEY,"
    " person_id INTEGER NOT NULL REFERENCES person(id),"
    " organ_id INTEGER NOT NULL REFERENCES organ(id),"
    " position TEXT NOT NULL," /* Bí thư, Phó Bí thư, Ủy viên BTV, Ủy viên BCH */
    " date_from TEXT, date_to TEXT);"
    "CREATE INDEX membership_organ ON membership(organ_id);"
    "CREATE INDEX membership_person ON membership(person_id);"

    /* Sessions of an organ, numbered within its term. */
    "CREATE TABLE session("
    " id INTEGER PRIMARY KEY,"
    " organ_id INTEGER NOT NULL REFERENCES organ(id),"
    " term_id INTEGER NOT NULL REFERENCES term(id),"
    " number INTEGER NOT NULL CHECK(number > 0),"
    " kind TEXT NOT NULL DEFAULT 'thuong_ky' CHECK(kind IN ('thuong_ky','bat_thuong','chuyen_de')),"
    " date TEXT NOT NULL, place TEXT,"
    " basis TEXT," /* Quy chế làm việc */
    " status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','held','concluded')),"
    " UNIQUE(organ_id, term_id, number));"

    /* Document types, Party and state (domain.md). */
    "CREATE TABLE doc_type("
    " code TEXT PRIMARY KEY," /* NQ, TB, QĐ … */
    " name TEXT NOT NULL,"    /* Nghị quyết */
    " system TEXT NOT NULL CHECK(system IN ('party','state','both')));"

    "CREATE TABLE document("
    " id INTEGER PRIMARY KEY,"
    " type_code TEXT NOT NULL REFERENCES doc_type(code),"
    " body_id INTEGER REFERENCES body(id),"   /* issuing body, when known */
    " organ_id INTEGER REFERENCES organ(id)," /* issuing organ (Ban Thường vụ Tỉnh ủy) */
    " term_id INTEGER REFERENCES term(id),"
    " issuer_code TEXT," /* HU, TU, BTCTW, UBND, NĐ-CP … as written */
    " number INTEGER,"	 /* 512; NULL until issued */
    " symbol TEXT,"	 /* 512-TB/HU, as written in the number line */
    " date TEXT,"
    " title TEXT NOT NULL DEFAULT ''," /* trích yếu */
    " text TEXT,"
    " confidentiality TEXT NOT NULL DEFAULT 'thuong' CHECK(confidentiality IN "
    "('thuong','mat','toi_mat')),"
    " status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','issued')),"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " title_fold TEXT NOT NULL DEFAULT '');"
    "CREATE UNIQUE INDEX document_symbol ON document(symbol, date) WHERE symbol IS NOT NULL;"

    /* A reference from one document to another, resolved when the target is known. */
    "CREATE TABLE doc_ref("
    " id INTEGER PRIMARY KEY,"
    " from_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " to_id INTEGER REFERENCES document(id),"
    " symbol TEXT NOT NULL, date TEXT);"
    "CREATE INDEX doc_ref_to ON doc_ref(to_id);"
    "CREATE INDEX doc_ref_from ON doc_ref(from_id);"
    "CREATE INDEX document_body_type ON document(body_id, type_code, term_id);"

    /* Agenda items of a session, each usually a draft document. */
    "CREATE TABLE agenda_item("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " doc_kind TEXT NOT NULL," /* Báo cáo, Tờ trình */
    " title TEXT NOT NULL,"
    " presenter_unit_id INTEGER REFERENCES unit(id),"
    " document_id INTEGER REFERENCES document(id),"
    " outcome TEXT," /* cơ bản nhất trí */
    " UNIQUE(session_id, position));"

    /* Last number given per (issuing body, type, term): numbering runs across the term. */
    "CREATE TABLE doc_counter("
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " type_code TEXT NOT NULL REFERENCES doc_type(code),"
    " term_id INTEGER NOT NULL REFERENCES term(id),"
    " last INTEGER NOT NULL,"
    " PRIMARY KEY(body_id, type_code, term_id));"

    "INSERT INTO doc_type(code, name, system) VALUES"
    " ('NQ','Nghị quyết','both'),"
    " ('QĐ','Quyết định','both'),"
    " ('QyĐ','Quy định','state'),"
    " ('CT','Chỉ thị','both'),"
    " ('KL','Kết luận','both'),"
    " ('QC','Quy chế','both'),"
    " ('HD','Hướng dẫn','both'),"
    " ('TB','Thông báo','both'),"
    " ('BC','Báo cáo','both'),"
    " ('KH','Kế hoạch','both'),"
    " ('CTr','Chương trình','both'),"
    " ('TTr','Tờ trình','both'),"
    " ('CV','Công văn','both'),"
    " ('BB','Biên bản','both'),"
    " ('ĐA','Đề án','both'),"
    " ('PA','Phương án','both'),"
    " ('GM','Giấy mời','state'),"
    " ('NĐ','Nghị định','state'),"
    " ('TT','Thông tư','state'),"
    " ('QH','Luật','state');";
