/* m006_web.c: schema of accounts, roles, web sessions, API tokens and the chained audit log. */
#include "db/migrations.h"

/*
 * The audit log is written by the store itself: every audited table carries
 * three triggers that append (table, row, operation, before, after) to
 * audit_log, and a trigger on audit_log stamps each entry with the acting
 * account of the connection (dondoc_actor()) and chains it to the previous
 * entry by a hash (dondoc_audit_hash(), computed in C by db_audit.c). A page,
 * a CLI verb or a core function cannot write without leaving an entry, and a
 * connection that lacks the two functions (a bare sqlite3 shell) cannot write
 * to an audited table at all.
 *
 * Each table's columns are listed once (AUDIT_COLS_*); the trigger text is
 * made from them by the preprocessor, so it is still a literal.
 */
#include "db/audit_sql.h"

/* clang-format off */

/* Registry (m001). */
#define AUDIT_COLS_body(X)                                                                         \
	X(id) X(parent_id) X(level) X(kind) X(name) X(short_name) X(code) X(place) X(active_from) \
	    X(active_to)
#define AUDIT_COLS_term(X) X(id) X(body_id) X(name) X(year_from) X(year_to) X(start_date) X(end_date)
#define AUDIT_COLS_organ(X) X(id) X(body_id) X(kind) X(name) X(code)
#define AUDIT_COLS_unit(X) X(id) X(body_id) X(kind) X(name) X(organ_id) X(lower_body_id) X(email)
#define AUDIT_COLS_person(X) X(id) X(full_name) X(email) X(phone)
#define AUDIT_COLS_membership(X) X(id) X(person_id) X(organ_id) X(position) X(date_from) X(date_to)
#define AUDIT_COLS_session(X)                                                                      \
	X(id) X(organ_id) X(term_id) X(number) X(kind) X(date) X(place) X(basis) X(status)
#define AUDIT_COLS_document(X)                                                                     \
	X(id) X(type_code) X(body_id) X(organ_id) X(term_id) X(issuer_code) X(number) X(symbol) X(date) \
	    X(title) X(text) X(confidentiality) X(status)
#define AUDIT_COLS_doc_ref(X) X(id) X(from_id) X(to_id) X(symbol) X(date)
#define AUDIT_COLS_agenda_item(X)                                                                  \
	X(id) X(session_id) X(position) X(doc_kind) X(title) X(presenter_unit_id) X(document_id)  \
	    X(outcome)
#define AUDIT_COLS_doc_counter(X) X(body_id) X(type_code) X(term_id) X(last)
/* Session work (m003). */
#define AUDIT_COLS_sw_regulation(X) X(id) X(organ_id) X(effective_from) X(vote_num) X(vote_den) X(attend_num) X(attend_den) X(attend_strict) X(special_num) X(special_den) X(record_names) X(frequency) X(document_id) X(note)
#define AUDIT_COLS_sw_invitation(X) X(id) X(session_id) X(person_id) X(unit_id) X(role) X(note) X(sent_at) X(channel)
#define AUDIT_COLS_sw_attendance(X) X(id) X(session_id) X(person_id) X(status) X(reason) X(delegate)
#define AUDIT_COLS_sw_vote(X) X(id) X(agenda_item_id) X(binding) X(special) X(n_for) X(n_against) X(n_abstain) X(members) X(present) X(regulation_id) X(passed) X(wording) X(recorded_at)
#define AUDIT_COLS_sw_vote_name(X) X(vote_id) X(person_id) X(choice)
#define AUDIT_COLS_sw_doc_version(X) X(id) X(document_id) X(version) X(text) X(note) X(created_at)
#define AUDIT_COLS_sw_comment(X) X(id) X(document_id) X(session_id) X(person_id) X(author_unit_id) X(paragraph) X(on_version) X(content) X(response) X(response_text) X(responder_unit_id) X(revised_version) X(created_at)
#define AUDIT_COLS_sw_question(X) X(id) X(session_id) X(kind) X(questioner_id) X(target) X(respondent_organ_id) X(respondent_person_id) X(content) X(answer) X(judgement) X(stage) X(verification) X(conclusion) X(handling) X(created_at)
#define AUDIT_COLS_sw_minutes(X) X(id) X(session_id) X(text) X(status) X(revision) X(approved_by) X(approved_at) X(updated_at)
#define AUDIT_COLS_sw_carry(X) X(id) X(from_item_id) X(to_item_id) X(reason) X(created_at)
#define AUDIT_COLS_sw_programme(X) X(id) X(organ_id) X(term_id) X(scope) X(year) X(title)
#define AUDIT_COLS_sw_programme_rev(X) X(id) X(programme_id) X(revision) X(effective_from) X(document_id) X(note)
#define AUDIT_COLS_sw_programme_topic(X) X(id) X(programme_id) X(title) X(year) X(quarter) X(session_number) X(unit_id) X(added_rev) X(dropped_rev) X(done_item_id)
/* Notices (m004). */
#define AUDIT_COLS_fmt_profile(X) X(code) X(name) X(family) X(font) X(header_pt) X(motto_pt) X(type_pt) X(summary_pt) X(body_pt) X(recipients_pt) X(sign_pt) X(margin_top) X(margin_bottom) X(margin_left) X(margin_right) X(indent_mm) X(line_spacing) X(para_space_pt) X(page_numbers) X(sign_forms) X(confirmed)
#define AUDIT_COLS_notice(X) X(id) X(body_id) X(session_id) X(term_id) X(profile_code) X(period) X(template) X(status) X(version) X(corrects_id) X(document_id) X(number) X(symbol) X(issue_date) X(place) X(sig_authority) X(sig_position) X(sig_name) X(issued_text) X(issued_template) X(created_at) X(issued_at)
#define AUDIT_COLS_recipient_group(X) X(id) X(body_id) X(code) X(name)
#define AUDIT_COLS_recipient(X) X(id) X(group_id) X(position) X(label) X(unit_id) X(email)
#define AUDIT_COLS_notice_delivery(X) X(id) X(notice_id) X(label) X(channel) X(address) X(status) X(detail) X(at)
/* Indicators (m002). */
#define AUDIT_COLS_ind_indicator(X) X(id) X(code) X(name) X(unit) X(decimals) X(pct_decimals) X(same_decimals) X(parent_id) X(parts_sum) X(agg) X(dir) X(default_plan) X(phrase) X(position)
#define AUDIT_COLS_ind_value(X) X(id) X(indicator_id) X(body_id) X(period) X(year) X(m_from) X(m_to) X(kind) X(baseline) X(estimate) X(units) X(scale) X(source)
#define AUDIT_COLS_ind_phrase(X) X(name) X(text) X(about)
#define AUDIT_COLS_ind_criteria_set(X) X(id) X(code) X(name) X(basis) X(year_from) X(year_to) X(n_criteria) X(n_indicators)
#define AUDIT_COLS_ind_criterion(X) X(id) X(set_id) X(number) X(grp) X(name)
#define AUDIT_COLS_ind_criterion_status(X) X(criterion_id) X(body_id) X(year) X(met)
/* Tasks (m005). */
#define AUDIT_COLS_task(X) X(id) X(parent_id) X(body_id) X(source_doc_id) X(source_session_id) X(section) X(content) X(assigned_on) X(deadline_kind) X(deadline_text) X(due) X(cycle) X(report_to) X(follower_unit_id) X(lower_body_id) X(state) X(completed_on) X(last_report_on)
#define AUDIT_COLS_task_unit(X) X(unit_id) X(role)
#define AUDIT_COLS_task_event(X) X(id) X(task_id) X(kind) X(on_date) X(unit_id) X(text) X(result)
#define AUDIT_COLS_task_attachment(X) X(id) X(event_id) X(ref)
#define AUDIT_COLS_task_reminder(X) X(unit_id) X(event) X(sent_at)
/* Accounts (this migration); the password hash is never copied into the log. */
#define AUDIT_COLS_account(X)                                                                      \
	X(id) X(login) X(full_name) X(role) X(unit_id) X(disabled) X(pw_changed_at)
#define AUDIT_COLS_account_body(X) X(account_id) X(body_id)
#define AUDIT_COLS_api_token(X) X(id) X(account_id) X(name) X(created_at) X(revoked)

const char db_m006_web[] =
    /* Roles are data: what each may do, and whether it is cleared for secret documents. */
    "CREATE TABLE role("
    " code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " rank INTEGER NOT NULL," /* admin 50, office 40, member 30, reporter 20, viewer 10 */
    " cleared INTEGER NOT NULL CHECK(cleared IN (0,1)));"
    "INSERT INTO role(code, name, rank, cleared) VALUES"
    " ('admin','Quản trị',50,1),"
    " ('office','Văn phòng',40,1),"
    " ('member','Ủy viên',30,1),"
    " ('reporter','Đơn vị báo cáo',20,0),"
    " ('viewer','Người xem',10,0);"

    "CREATE TABLE account("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL UNIQUE,"
    " full_name TEXT NOT NULL DEFAULT '',"
    " role TEXT NOT NULL REFERENCES role(code),"
    " unit_id INTEGER REFERENCES unit(id)," /* a reporter's own unit */
    " pw_hash TEXT NOT NULL,"		    /* Argon2id, libsodium's encoded form */
    " pw_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " disabled INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0,1)),"
    " CHECK(role <> 'reporter' OR unit_id IS NOT NULL));"

    /* The bodies an account works on; an admin without rows sees every body. */
    "CREATE TABLE account_body("
    " account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " body_id INTEGER NOT NULL REFERENCES body(id),"
    " PRIMARY KEY(account_id, body_id));"

    /* Server-side web sessions; the cookie carries a token, the store only its hash. */
    "CREATE TABLE web_session("
    " token_hash TEXT PRIMARY KEY,"
    " account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " csrf TEXT NOT NULL,"
    " created_at INTEGER NOT NULL," /* unix seconds */
    " expires_at INTEGER NOT NULL);"
    "CREATE INDEX web_session_account ON web_session(account_id);"

    /* Failed logins per key (login name or client address) in the current window. */
    "CREATE TABLE login_failure("
    " key TEXT PRIMARY KEY,"
    " count INTEGER NOT NULL,"
    " first_at INTEGER NOT NULL);"

    /* API tokens: shown once when made, kept as a hash. */
    "CREATE TABLE api_token("
    " id INTEGER PRIMARY KEY,"
    " account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " name TEXT NOT NULL,"
    " token_hash TEXT NOT NULL UNIQUE,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " revoked INTEGER NOT NULL DEFAULT 0);"

    /* The audit log: append-only, each entry chained to the one before. */
    "CREATE TABLE audit_log("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    " actor TEXT NOT NULL DEFAULT '',"
    " tbl TEXT NOT NULL,"
    " row_id INTEGER NOT NULL,"
    " op TEXT NOT NULL CHECK(op IN ('insert','update','delete')),"
    " before TEXT, after TEXT,"
    " prev_hash TEXT, hash TEXT);"
    "CREATE INDEX audit_log_row ON audit_log(tbl, row_id, at);"
    /* The dashboard's per-unit counts read each open task's lead unit from the index alone. */
    "CREATE INDEX task_unit_lead ON task_unit(task_id, unit_id) WHERE role = 'lead';"
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL"
    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"

    /*
     * One full-text index over what people search: documents (symbol, title,
     * text) and agenda items, fed by triggers so it never lags, tokenized by
     * 'dondoc' (db_fts.c): words folded as vn_fold does, so "nong thon moi"
     * finds "nông thôn mới". rowid = id * 8 + kind; body_id and secret let a
     * query keep to the reader's scope and clearance.
     */
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, content, kind UNINDEXED, ref UNINDEXED,"
    " body_id UNINDEXED, secret UNINDEXED, tokenize = 'dondoc');"
    "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret)"
    " SELECT id * 8 + 1, trim(coalesce(symbol, '') || ' ' || title), text, 'document', id,"
    " body_id, confidentiality <> 'thuong' FROM document;"
    "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret)"
    " SELECT a.id * 8 + 2, a.doc_kind || ' ' || a.title, a.outcome, 'agenda', a.session_id,"
    " o.body_id, 0 FROM agenda_item a JOIN session s ON s.id = a.session_id JOIN organ o ON"
    " o.id = s.organ_id;"

    AUDIT_TRIGGERS(body, AUDIT_COLS_body)
    AUDIT_TRIGGERS(term, AUDIT_COLS_term)
    AUDIT_TRIGGERS(organ, AUDIT_COLS_organ)
    AUDIT_TRIGGERS(unit, AUDIT_COLS_unit)
    AUDIT_TRIGGERS(person, AUDIT_COLS_person)
    AUDIT_TRIGGERS(membership, AUDIT_COLS_membership)
    AUDIT_TRIGGERS(session, AUDIT_COLS_session)
    AUDIT_TRIGGERS(document, AUDIT_COLS_document)
    AUDIT_TRIGGERS(doc_ref, AUDIT_COLS_doc_ref)
    AUDIT_TRIGGERS(agenda_item, AUDIT_COLS_agenda_item)
    AUDIT_TRIGGERS(doc_counter, AUDIT_COLS_doc_counter)
    AUDIT_TRIGGERS(sw_regulation, AUDIT_COLS_sw_regulation)
    AUDIT_TRIGGERS(sw_invitation, AUDIT_COLS_sw_invitation)
    AUDIT_TRIGGERS(sw_attendance, AUDIT_COLS_sw_attendance)
    AUDIT_TRIGGERS(sw_vote, AUDIT_COLS_sw_vote)
    AUDIT_TRIGGERS(sw_vote_name, AUDIT_COLS_sw_vote_name)
    AUDIT_TRIGGERS(sw_doc_version, AUDIT_COLS_sw_doc_version)
    AUDIT_TRIGGERS(sw_comment, AUDIT_COLS_sw_comment)
    AUDIT_TRIGGERS(sw_question, AUDIT_COLS_sw_question)
    AUDIT_TRIGGERS(sw_minutes, AUDIT_COLS_sw_minutes)
    AUDIT_TRIGGERS(sw_carry, AUDIT_COLS_sw_carry)
    AUDIT_TRIGGERS(sw_programme, AUDIT_COLS_sw_programme)
    AUDIT_TRIGGERS(sw_programme_rev, AUDIT_COLS_sw_programme_rev)
    AUDIT_TRIGGERS(sw_programme_topic, AUDIT_COLS_sw_programme_topic)
    AUDIT_TRIGGERS(fmt_profile, AUDIT_COLS_fmt_profile)
    AUDIT_TRIGGERS(notice, AUDIT_COLS_notice)
    AUDIT_TRIGGERS(recipient_group, AUDIT_COLS_recipient_group)
    AUDIT_TRIGGERS(recipient, AUDIT_COLS_recipient)
    AUDIT_TRIGGERS(notice_delivery, AUDIT_COLS_notice_delivery)
    AUDIT_TRIGGERS(ind_indicator, AUDIT_COLS_ind_indicator)
    AUDIT_TRIGGERS(ind_value, AUDIT_COLS_ind_value)
    AUDIT_TRIGGERS(ind_phrase, AUDIT_COLS_ind_phrase)
    AUDIT_TRIGGERS(ind_criteria_set, AUDIT_COLS_ind_criteria_set)
    AUDIT_TRIGGERS(ind_criterion, AUDIT_COLS_ind_criterion)
    AUDIT_TRIGGERS(ind_criterion_status, AUDIT_COLS_ind_criterion_status)
    AUDIT_TRIGGERS(task, AUDIT_COLS_task)
    AUDIT_TRIGGERS_K(task_unit, AUDIT_COLS_task_unit, task_id)
    AUDIT_TRIGGERS(task_event, AUDIT_COLS_task_event)
    AUDIT_TRIGGERS(task_attachment, AUDIT_COLS_task_attachment)
    AUDIT_TRIGGERS_K(task_reminder, AUDIT_COLS_task_reminder, task_id)
    AUDIT_TRIGGERS(account, AUDIT_COLS_account)
    AUDIT_TRIGGERS(account_body, AUDIT_COLS_account_body)
    AUDIT_TRIGGERS(api_token, AUDIT_COLS_api_token);
/* clang-format on */
