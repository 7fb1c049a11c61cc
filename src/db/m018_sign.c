/* m018_sign.c: signature images and certificates of people and bodies, and a notice's signed copy. */
#include "db/audit_sql.h"
#include "db/migrations.h"

/* clang-format off */
#define AUDIT_COLS_person_signature(X) X(person_id) X(image_sha256) X(cert_sha256) X(updated_at)
#define AUDIT_COLS_body_seal(X) X(body_id) X(image_sha256) X(cert_sha256) X(updated_at)
#define AUDIT_COLS_notice_signed(X) X(notice_id) X(sha256) X(size) X(ctype) X(signatures) X(stored_at)
#define AUDIT_COLS_approval_rule(X) X(body_id) X(required)
#define AUDIT_COLS_notice_approval(X) X(id) X(notice_id) X(step) X(comment) X(actor) X(at)
/* clang-format on */

const char db_m018_sign[] =
    /*
     * A person's hand signature as a PNG with a transparent background, drawn
     * where they sign electronically, and the certificate of their signing key
     * (PEM or DER) when their token does not hold it. The audit log keeps the
     * hashes of the files, not the files.
     */
    "CREATE TABLE person_signature("
    " person_id INTEGER PRIMARY KEY REFERENCES person(id),"
    " image BLOB NOT NULL,"
    " image_sha256 TEXT NOT NULL,"
    " cert BLOB,"
    " cert_sha256 TEXT,"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));" AUDIT_TRIGGERS(
	person_signature, AUDIT_COLS_person_signature)
    /* A body's seal (red, PNG, transparent) and the certificate its office signs with. */
    "CREATE TABLE body_seal("
    " body_id INTEGER PRIMARY KEY REFERENCES body(id),"
    " image BLOB NOT NULL,"
    " image_sha256 TEXT NOT NULL,"
    " cert BLOB,"
    " cert_sha256 TEXT,"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));" AUDIT_TRIGGERS(
	body_seal, AUDIT_COLS_body_seal)
    /*
     * The signed PDF of an issued notice: once stored it is the notice's record,
     * served and mailed instead of the rendering.
     */
    "CREATE TABLE notice_signed("
    " notice_id INTEGER PRIMARY KEY REFERENCES notice(id),"
    " pdf BLOB NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " size INTEGER NOT NULL,"
    " ctype TEXT NOT NULL DEFAULT 'application/pdf',"
    " signatures INTEGER NOT NULL,"
    " stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));" AUDIT_TRIGGERS(
	notice_signed, AUDIT_COLS_notice_signed)
    /* Whether a body's drafts must be approved by their signer before issuing (trình ký). */
    "CREATE TABLE approval_rule("
    " body_id INTEGER PRIMARY KEY REFERENCES body(id),"
    " required INTEGER NOT NULL DEFAULT 0 CHECK(required IN (0, 1)));" AUDIT_TRIGGERS(
	approval_rule, AUDIT_COLS_approval_rule)
    /*
     * A draft's way to its signer and back, step by step: the office submits it,
     * the signer approves it or returns it with comments; 'edit' is written by
     * the trigger below when an approved draft's text changes, which voids the
     * approval. The last step is the draft's state.
     */
    "CREATE TABLE notice_approval("
    " id INTEGER PRIMARY KEY,"
    " notice_id INTEGER NOT NULL REFERENCES notice(id),"
    " step TEXT NOT NULL CHECK(step IN ('submit','approve','return','edit')),"
    " comment TEXT NOT NULL DEFAULT '',"
    " actor TEXT NOT NULL DEFAULT '',"
    " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX notice_approval_notice ON notice_approval(notice_id, id);" AUDIT_TRIGGERS(
	notice_approval,
	AUDIT_COLS_notice_approval) "CREATE TRIGGER notice_approval_void AFTER UPDATE OF template "
				    "ON notice"
				    " WHEN OLD.template IS NOT NEW.template AND (SELECT step FROM "
				    "notice_approval"
				    " WHERE notice_id = NEW.id ORDER BY id DESC LIMIT 1) IN "
				    "('approve','submit') BEGIN"
				    " INSERT INTO notice_approval(notice_id, step, comment)"
				    " VALUES(NEW.id, 'edit', 'Dự thảo đã sửa sau khi trình: cần "
				    "trình lại'); END;";
