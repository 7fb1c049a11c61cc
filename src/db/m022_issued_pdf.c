/* m022_issued_pdf.c: the issued notice's PDF kept as its record from the moment of issue. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_notice_issued(X) X(notice_id) X(sha256) X(size) X(stored_at)

/*
 * The PDF of an issued notice as it was when issued (or, for a notice issued
 * before this table, as first rendered with its issue time), with its SHA-256
 * and size: served, signed, mailed and compared against uploads instead of a
 * new rendering, so a change of fonts or renderer never changes an issued
 * notice. Stored once and never updated. The audit log keeps the hash, not the
 * file.
 */
const char db_m022_issued_pdf[] =
    "CREATE TABLE notice_issued("
    " notice_id INTEGER PRIMARY KEY REFERENCES notice(id),"
    " pdf BLOB NOT NULL,"
    " sha256 TEXT NOT NULL CHECK(length(sha256) = 64),"
    " size INTEGER NOT NULL CHECK(size > 0),"
    " stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    AUDIT_TRIGGERS(notice_issued, AUDIT_COLS_notice_issued)
    "CREATE TRIGGER notice_issued_keep BEFORE UPDATE ON notice_issued BEGIN"
    " SELECT RAISE(ABORT, 'notice_issued: an issued PDF is kept as stored'); END;";

const char db_m022_issued_pdf_pg[] =
    "CREATE TABLE notice_issued("
    " notice_id bigint PRIMARY KEY REFERENCES notice(id),"
    " pdf bytea NOT NULL,"
    " sha256 text NOT NULL CHECK(length(sha256) = 64),"
    " size bigint NOT NULL CHECK(size > 0),"
    " stored_at text NOT NULL"
    "  DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE FUNCTION audit_notice_issued() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN"
    "  IF TG_OP = 'INSERT' THEN"
    "   INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('notice_issued',"
    "    NEW.notice_id, 'insert', NULL, json_build_object('notice_id', NEW.notice_id,"
    "    'sha256', NEW.sha256, 'size', NEW.size, 'stored_at', NEW.stored_at,"
    "    'rowid', NEW.notice_id)::text);"
    "  ELSIF TG_OP = 'UPDATE' THEN"
    "   INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('notice_issued',"
    "    NEW.notice_id, 'update', json_build_object('notice_id', OLD.notice_id,"
    "    'sha256', OLD.sha256, 'size', OLD.size, 'stored_at', OLD.stored_at,"
    "    'rowid', OLD.notice_id)::text, json_build_object('notice_id', NEW.notice_id,"
    "    'sha256', NEW.sha256, 'size', NEW.size, 'stored_at', NEW.stored_at,"
    "    'rowid', NEW.notice_id)::text);"
    "  ELSE"
    "   INSERT INTO audit_log(tbl, row_id, op, before, after) VALUES('notice_issued',"
    "    OLD.notice_id, 'delete', json_build_object('notice_id', OLD.notice_id,"
    "    'sha256', OLD.sha256, 'size', OLD.size, 'stored_at', OLD.stored_at,"
    "    'rowid', OLD.notice_id)::text, NULL);"
    "  END IF;"
    "  RETURN NULL;"
    " END $$;"
    "CREATE TRIGGER audit_notice_issued AFTER INSERT OR UPDATE OR DELETE ON notice_issued"
    " FOR EACH ROW EXECUTE FUNCTION audit_notice_issued();"
    "CREATE FUNCTION notice_issued_keep() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN"
    "  RAISE EXCEPTION 'notice_issued: an issued PDF is kept as stored';"
    " END $$;"
    "CREATE TRIGGER notice_issued_keep BEFORE UPDATE ON notice_issued"
    " FOR EACH ROW EXECUTE FUNCTION notice_issued_keep();";
/* clang-format on */
