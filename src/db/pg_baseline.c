/* pg_baseline.c: the whole schema of a new PostgreSQL store, equal to SQLite's after migrations 1-19. */
#include "db/audit_sql.h"
#include "db/migrations.h"
#include "db/tally_sql.h"

/*
 * The PostgreSQL store is made at DB_PG_BASELINE in one go from this text
 * rather than by replaying the SQLite migrations. It has SQLite's tables,
 * columns, keys, CHECKs, defaults and indexes with these differences:
 *
 * - INTEGER PRIMARY KEY id columns are bigint identity columns; other
 *   integers are bigint, REAL double precision, BLOB bytea; dates stay
 *   ISO 8601 text and flags integer 0/1, so rows read back as on SQLite.
 * - An audited table that SQLite keys by a hidden rowid (a composite or
 *   text primary key) has a visible identity column "rowid", last, so that
 *   its audit entries name their row as on SQLite.
 * - What SQLite does with per-connection TEMP triggers and C functions is
 *   here as ordinary triggers: the audit triggers write audit_pending, which
 *   the driver moves into audit_log, hash-chained in commit order under a
 *   lock on audit_head; search_fts is a table with a tsvector, fed by
 *   triggers, searched through dondoc_tsquery().
 * - RAISE(ABORT, msg) of SQLite's guard triggers is RAISE EXCEPTION with
 *   the same message (SQLSTATE P0001).
 */
/* clang-format off */

/* The columns each audited table logs, as SQLite's triggers log them after migration 19. */
#define AUDIT_COLS_body(X) X(id) X(parent_id) X(level) X(kind) X(name) X(short_name) X(code) X(place) X(active_from) X(active_to) X(dhis2_code) X(successor_id)
#define AUDIT_COLS_term(X) X(id) X(body_id) X(name) X(year_from) X(year_to) X(start_date) X(end_date)
#define AUDIT_COLS_organ(X) X(id) X(body_id) X(kind) X(name) X(code)
#define AUDIT_COLS_unit(X) X(id) X(body_id) X(kind) X(name) X(organ_id) X(lower_body_id) X(email)
#define AUDIT_COLS_person(X) X(id) X(full_name) X(email) X(phone)
#define AUDIT_COLS_membership(X) X(id) X(person_id) X(organ_id) X(position) X(date_from) X(date_to)
#define AUDIT_COLS_session(X) X(id) X(organ_id) X(term_id) X(number) X(kind) X(date) X(place) X(basis) X(status) X(start_time)
#define AUDIT_COLS_document(X) X(id) X(type_code) X(body_id) X(organ_id) X(term_id) X(issuer_code) X(number) X(symbol) X(date) X(title) X(text) X(confidentiality) X(status) X(drafting_unit)
#define AUDIT_COLS_doc_ref(X) X(id) X(from_id) X(to_id) X(symbol) X(date)
#define AUDIT_COLS_agenda_item(X) X(id) X(session_id) X(position) X(doc_kind) X(title) X(presenter_unit_id) X(document_id) X(outcome)
#define AUDIT_COLS_doc_counter(X) X(body_id) X(type_code) X(term_id) X(last)
#define AUDIT_COLS_sw_regulation(X) X(id) X(organ_id) X(effective_from) X(vote_num) X(vote_den) X(attend_num) X(attend_den) X(attend_strict) X(special_num) X(special_den) X(record_names) X(frequency) X(document_id) X(note)
#define AUDIT_COLS_sw_invitation(X) X(id) X(session_id) X(person_id) X(unit_id) X(role) X(note) X(sent_at) X(channel)
#define AUDIT_COLS_sw_attendance(X) X(id) X(session_id) X(person_id) X(status) X(reason) X(delegate)
#define AUDIT_COLS_sw_vote(X) X(id) X(agenda_item_id) X(binding) X(special) X(n_for) X(n_against) X(n_abstain) X(members) X(present) X(regulation_id) X(passed) X(wording) X(recorded_at) X(correction_reason)
#define AUDIT_COLS_sw_vote_name(X) X(vote_id) X(person_id) X(choice)
#define AUDIT_COLS_sw_doc_version(X) X(id) X(document_id) X(version) X(text) X(note) X(created_at)
#define AUDIT_COLS_sw_comment(X) X(id) X(document_id) X(session_id) X(person_id) X(author_unit_id) X(paragraph) X(on_version) X(content) X(response) X(response_text) X(responder_unit_id) X(revised_version) X(created_at)
#define AUDIT_COLS_sw_question(X) X(id) X(session_id) X(kind) X(questioner_id) X(target) X(respondent_organ_id) X(respondent_person_id) X(content) X(answer) X(judgement) X(stage) X(verification) X(conclusion) X(handling) X(created_at)
#define AUDIT_COLS_sw_minutes(X) X(id) X(session_id) X(text) X(status) X(revision) X(approved_by) X(approved_at) X(updated_at)
#define AUDIT_COLS_sw_carry(X) X(id) X(from_item_id) X(to_item_id) X(reason) X(created_at)
#define AUDIT_COLS_sw_programme(X) X(id) X(organ_id) X(term_id) X(scope) X(year) X(title)
#define AUDIT_COLS_sw_programme_rev(X) X(id) X(programme_id) X(revision) X(effective_from) X(document_id) X(note)
#define AUDIT_COLS_sw_programme_topic(X) X(id) X(programme_id) X(title) X(year) X(quarter) X(session_number) X(unit_id) X(added_rev) X(dropped_rev) X(done_item_id)
#define AUDIT_COLS_fmt_profile_pg(X) X(code) X(name) X(family) X(font) X(~header_pt) X(~motto_pt) X(~type_pt) X(~summary_pt) X(~body_pt) X(~recipients_pt) X(~sign_pt) X(~margin_top) X(~margin_bottom) X(~margin_left) X(~margin_right) X(~indent_mm) X(~line_spacing) X(~para_space_pt) X(page_numbers) X(sign_forms) X(confirmed)
#define AUDIT_COLS_notice(X) X(id) X(body_id) X(session_id) X(term_id) X(profile_code) X(period) X(template) X(status) X(version) X(corrects_id) X(document_id) X(number) X(symbol) X(issue_date) X(place) X(sig_authority) X(sig_position) X(sig_name) X(issued_text) X(issued_template) X(created_at) X(issued_at)
#define AUDIT_COLS_recipient_group(X) X(id) X(body_id) X(code) X(name)
#define AUDIT_COLS_recipient(X) X(id) X(group_id) X(position) X(label) X(unit_id) X(email)
#define AUDIT_COLS_notice_delivery(X) X(id) X(notice_id) X(label) X(channel) X(address) X(status) X(detail) X(at)
#define AUDIT_COLS_ind_indicator(X) X(id) X(code) X(name) X(unit) X(decimals) X(pct_decimals) X(same_decimals) X(parent_id) X(parts_sum) X(agg) X(dir) X(default_plan) X(phrase) X(position)
#define AUDIT_COLS_ind_value(X) X(id) X(indicator_id) X(body_id) X(period) X(year) X(m_from) X(m_to) X(kind) X(baseline) X(estimate) X(units) X(scale) X(source)
#define AUDIT_COLS_ind_phrase(X) X(name) X(text) X(about)
#define AUDIT_COLS_ind_criteria_set(X) X(id) X(code) X(name) X(basis) X(year_from) X(year_to) X(n_criteria) X(n_indicators)
#define AUDIT_COLS_ind_criterion(X) X(id) X(set_id) X(number) X(grp) X(name)
#define AUDIT_COLS_ind_criterion_status(X) X(criterion_id) X(body_id) X(year) X(met)
#define AUDIT_COLS_task(X) X(id) X(parent_id) X(body_id) X(source_doc_id) X(source_session_id) X(section) X(content) X(assigned_on) X(deadline_kind) X(deadline_text) X(due) X(cycle) X(report_to) X(follower_unit_id) X(lower_body_id) X(state) X(completed_on) X(last_report_on)
#define AUDIT_COLS_task_unit(X) X(unit_id) X(role)
#define AUDIT_COLS_task_event(X) X(id) X(task_id) X(kind) X(on_date) X(unit_id) X(text) X(result) X(percent)
#define AUDIT_COLS_task_attachment(X) X(id) X(event_id) X(ref)
#define AUDIT_COLS_task_reminder(X) X(unit_id) X(event) X(sent_at)
#define AUDIT_COLS_account(X) X(id) X(login) X(full_name) X(role) X(unit_id) X(disabled) X(pw_changed_at)
#define AUDIT_COLS_account_body(X) X(account_id) X(body_id)
#define AUDIT_COLS_api_token(X) X(id) X(account_id) X(name) X(created_at) X(revoked)
#define AUDIT_COLS_import_file(X) X(id) X(sha256) X(file) X(format) X(document_id) X(notice_id) X(imported_at)
#define AUDIT_COLS_notice_task(X) X(id) X(notice_id) X(position) X(section) X(content) X(lead_unit_id) X(coord_unit_ids) X(deadline) X(task_id)
#define AUDIT_COLS_doc_counter_year(X) X(body_id) X(type_code) X(year) X(last)
#define AUDIT_COLS_report_request(X) X(id) X(body_id) X(kind) X(period) X(due) X(note) X(created_at)
#define AUDIT_COLS_report_request_to(X) X(request_id) X(body_id) X(answered_at) X(reminded_at)
#define AUDIT_COLS_person_signature(X) X(person_id) X(image_sha256) X(cert_sha256) X(updated_at)
#define AUDIT_COLS_body_seal(X) X(body_id) X(image_sha256) X(cert_sha256) X(updated_at)
#define AUDIT_COLS_notice_signed(X) X(notice_id) X(sha256) X(size) X(ctype) X(signatures) X(stored_at)
#define AUDIT_COLS_approval_rule(X) X(body_id) X(required)
#define AUDIT_COLS_notice_approval(X) X(id) X(notice_id) X(step) X(comment) X(actor) X(at)


/* The current time as SQLite's strftime('%Y-%m-%dT%H:%M:%SZ','now') writes it (and with %f). */
#define PG_NOW "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define PG_NOW_MS \
	"to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

/* A plpgsql trigger function NAME running BODY, then returning RET. */
#define PG_TRIGGER_FN(name, body, ret) \
	"CREATE FUNCTION " name "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " body " RETURN " ret "; END $$;"

/* The search row of each kind (SQL_WEB_TEMP_SEARCH_* on SQLite): rowid = id * 8 + kind. */
#define PG_SEARCH_INS "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret) "
#define PG_SEARCH_DOC PG_SEARCH_INS "VALUES(NEW.id * 8 + 1, trim(coalesce(NEW.symbol, '') || ' ' || NEW.title)," \
	" NEW.text, 'document', NEW.id, NEW.body_id, (NEW.confidentiality <> 'thuong')::int);"
#define PG_SEARCH_AGENDA PG_SEARCH_INS "VALUES(NEW.id * 8 + 2, NEW.doc_kind || ' ' || NEW.title," \
	" NEW.outcome, 'agenda', NEW.session_id, (SELECT o.body_id FROM session s JOIN organ o ON" \
	" o.id = s.organ_id WHERE s.id = NEW.session_id), 0);"
#define PG_SEARCH_TASK PG_SEARCH_INS "VALUES(NEW.id * 8 + 3, NEW.content, NULL, 'task', NEW.id, NEW.body_id, 0);"
#define PG_SEARCH_NOTICE PG_SEARCH_INS "VALUES(NEW.id * 8 + 4, trim(coalesce(NEW.symbol, '') ||" \
	" ' Thông báo kết luận'), coalesce(NEW.issued_text, NEW.template), 'notice', NEW.id, NEW.body_id," \
	" coalesce((SELECT (d.confidentiality <> 'thuong')::int FROM document d WHERE d.id =" \
	" NEW.document_id), 0));"
#define PG_SEARCH_COMMENT PG_SEARCH_INS "SELECT NEW.id * 8 + 5, coalesce(NEW.paragraph, 'Ý kiến góp ý')," \
	" NEW.content || coalesce(' ' || NEW.response_text, ''), 'comment', NEW.session_id, o.body_id," \
	" (d.confidentiality <> 'thuong')::int FROM document d, session s JOIN organ o ON o.id =" \
	" s.organ_id WHERE d.id = NEW.document_id AND s.id = NEW.session_id;"
#define PG_SEARCH_DEL(k) "DELETE FROM search_fts WHERE rowid = OLD.id * 8 + " k ";"
/* The insert, update and delete functions of one kind k (1-5) fed from table t. */
#define PG_SEARCH_FNS(t, k, INS)                                                   \
	PG_TRIGGER_FN("search_" #t "_i", INS, "NULL")                             \
	PG_TRIGGER_FN("search_" #t "_u", PG_SEARCH_DEL(k) " " INS, "NULL")        \
	PG_TRIGGER_FN("search_" #t "_d", PG_SEARCH_DEL(k), "NULL")
#define PG_SEARCH_TRIGGERS(t, UPD)                                                                 \
	"CREATE TRIGGER search_" #t "_i AFTER INSERT ON " #t " FOR EACH ROW EXECUTE FUNCTION search_" #t "_i();" \
	"CREATE TRIGGER search_" #t "_u AFTER UPDATE " UPD "ON " #t " FOR EACH ROW EXECUTE FUNCTION search_" #t "_u();" \
	"CREATE TRIGGER search_" #t "_d AFTER DELETE ON " #t " FOR EACH ROW EXECUTE FUNCTION search_" #t "_d();"

/* A guard: refuses the write with SQLite's message when WHEN holds. */
#define PG_GUARD(name, event, t, when, msg)                                                       \
	"CREATE TRIGGER " name " BEFORE " event " ON " t " FOR EACH ROW WHEN (" when ")"            \
	" EXECUTE FUNCTION dondoc_refuse('" msg "');"

const char db_pg_baseline[] =
    "CREATE EXTENSION IF NOT EXISTS unaccent;"
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;"

    /* The acting account of the connection: the driver sets dondoc.actor per connection. */
    "CREATE FUNCTION dondoc_actor() RETURNS text LANGUAGE sql STABLE AS"
    " $$ SELECT coalesce(current_setting('dondoc.actor', true), 'cli') $$;"

    /* Tables, in the order SQLite made them. */
    "CREATE TABLE IF NOT EXISTS schema_migration(version bigint PRIMARY KEY,"
    " name text NOT NULL,"
    " applied_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE body( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " parent_id bigint REFERENCES body(id),"
    " level text NOT NULL CHECK(level IN ('tw','tinh','huyen','xa','coso')),"
    " kind text NOT NULL CHECK(kind IN ('party','people')), name text NOT NULL,"
    " short_name text, code text NOT NULL, place text, active_from text, active_to text,"
    " name_fold text NOT NULL DEFAULT '', dhis2_code text,"
    " successor_id bigint REFERENCES body(id));"
    "CREATE TABLE term( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id), name text NOT NULL,"
    " year_from bigint NOT NULL, year_to bigint NOT NULL, start_date text, end_date text,"
    " UNIQUE(body_id, name));"
    "CREATE TABLE organ( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id),"
    " kind text NOT NULL CHECK(kind IN ('bch','btv','tt','ubkt','vp','ban','ubnd','other')),"
    " name text NOT NULL, code text, UNIQUE(body_id, name));"
    "CREATE TABLE unit( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id),"
    " kind text NOT NULL CHECK(kind IN ('agency','organ','lower_body','group')),"
    " name text NOT NULL, organ_id bigint REFERENCES organ(id),"
    " lower_body_id bigint REFERENCES body(id), email text,"
    " name_fold text NOT NULL DEFAULT '', UNIQUE(body_id, name));"
    "CREATE TABLE person( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " full_name text NOT NULL, email text, phone text, name_fold text NOT NULL DEFAULT '');"
    "CREATE TABLE membership( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " person_id bigint NOT NULL REFERENCES person(id),"
    " organ_id bigint NOT NULL REFERENCES organ(id), position text NOT NULL, date_from text,"
    " date_to text);"
    "CREATE TABLE session( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " organ_id bigint NOT NULL REFERENCES organ(id),"
    " term_id bigint NOT NULL REFERENCES term(id), number bigint NOT NULL CHECK(number > 0),"
    " kind text NOT NULL DEFAULT 'thuong_ky' CHECK(kind IN ('thuong_ky','bat_thuong','chuyen_de')),"
    " date text NOT NULL, place text, basis text,"
    " status text NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','held','concluded')),"
    " start_time text CHECK (start_time IS NULL OR (length(start_time) = 5 AND start_time ~ '^[0-2][0-9]:[0-5][0-9]$' AND start_time <= '23:59')),"
    " UNIQUE(organ_id, term_id, number));"
    "CREATE TABLE doc_type( code text PRIMARY KEY, name text NOT NULL,"
    " system text NOT NULL CHECK(system IN ('party','state','both')));"
    "CREATE TABLE document( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " type_code text NOT NULL REFERENCES doc_type(code), body_id bigint REFERENCES body(id),"
    " organ_id bigint REFERENCES organ(id), term_id bigint REFERENCES term(id),"
    " issuer_code text, number bigint, symbol text, date text,"
    " title text NOT NULL DEFAULT '', text text,"
    " confidentiality text NOT NULL DEFAULT 'thuong' CHECK(confidentiality IN ('thuong','mat','toi_mat')),"
    " status text NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','issued')),"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " updated_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), title_fold text NOT NULL DEFAULT '', drafting_unit text);"
    "CREATE TABLE doc_ref( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " from_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " to_id bigint REFERENCES document(id), symbol text NOT NULL, date text);"
    "CREATE TABLE agenda_item( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " session_id bigint NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " position bigint NOT NULL, doc_kind text NOT NULL, title text NOT NULL,"
    " presenter_unit_id bigint REFERENCES unit(id),"
    " document_id bigint REFERENCES document(id), outcome text, UNIQUE(session_id, position));"
    "CREATE TABLE doc_counter( body_id bigint NOT NULL REFERENCES body(id),"
    " type_code text NOT NULL REFERENCES doc_type(code),"
    " term_id bigint NOT NULL REFERENCES term(id), last bigint NOT NULL, PRIMARY KEY(body_id,"
    " type_code, term_id), rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE ind_indicator( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " code text NOT NULL UNIQUE, name text NOT NULL, unit text NOT NULL,"
    " decimals bigint NOT NULL DEFAULT 0 CHECK(decimals BETWEEN 0 AND 9),"
    " pct_decimals bigint NOT NULL DEFAULT 1 CHECK(pct_decimals BETWEEN 0 AND 4),"
    " same_decimals bigint NOT NULL DEFAULT 1 CHECK(same_decimals BETWEEN 0 AND 4),"
    " parent_id bigint REFERENCES ind_indicator(id), parts_sum bigint NOT NULL DEFAULT 0,"
    " agg text NOT NULL DEFAULT 'sum' CHECK(agg IN ('sum','avg','none')),"
    " dir text NOT NULL DEFAULT 'up' CHECK(dir IN ('up','down','none')),"
    " default_plan text NOT NULL DEFAULT 'kế hoạch', phrase text NOT NULL DEFAULT 'chung',"
    " position bigint NOT NULL DEFAULT 0, name_fold text NOT NULL DEFAULT '');"
    "CREATE TABLE ind_value( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " indicator_id bigint NOT NULL REFERENCES ind_indicator(id),"
    " body_id bigint NOT NULL REFERENCES body(id), period text NOT NULL,"
    " year bigint NOT NULL, m_from bigint NOT NULL, m_to bigint NOT NULL,"
    " kind text NOT NULL CHECK(kind IN ('actual','plan')), baseline text NOT NULL DEFAULT '',"
    " estimate bigint NOT NULL DEFAULT 0, units bigint NOT NULL,"
    " scale bigint NOT NULL CHECK(scale BETWEEN 0 AND 9), source text,"
    " updated_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), UNIQUE(indicator_id, body_id, period, kind, baseline));"
    "CREATE TABLE ind_phrase( name text PRIMARY KEY, text text NOT NULL,"
    " about text NOT NULL DEFAULT '', rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE ind_criteria_set( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " code text NOT NULL UNIQUE, name text NOT NULL, basis text NOT NULL,"
    " year_from bigint NOT NULL, year_to bigint NOT NULL, n_criteria bigint NOT NULL,"
    " n_indicators bigint);"
    "CREATE TABLE ind_criterion( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " set_id bigint NOT NULL REFERENCES ind_criteria_set(id), number bigint NOT NULL,"
    " grp text NOT NULL DEFAULT '', name text NOT NULL, UNIQUE(set_id, number));"
    "CREATE TABLE ind_criterion_status( criterion_id bigint NOT NULL REFERENCES ind_criterion(id),"
    " body_id bigint NOT NULL REFERENCES body(id), year bigint NOT NULL,"
    " met bigint NOT NULL CHECK(met IN (0,1)), PRIMARY KEY(criterion_id, body_id, year),"
    " rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE sw_regulation( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " organ_id bigint NOT NULL REFERENCES organ(id), effective_from text NOT NULL,"
    " vote_num bigint NOT NULL CHECK(vote_num > 0),"
    " vote_den bigint NOT NULL CHECK(vote_den >= vote_num),"
    " attend_num bigint NOT NULL CHECK(attend_num > 0),"
    " attend_den bigint NOT NULL CHECK(attend_den >= attend_num),"
    " attend_strict bigint NOT NULL CHECK(attend_strict IN (0,1)),"
    " special_num bigint NOT NULL CHECK(special_num > 0),"
    " special_den bigint NOT NULL CHECK(special_den >= special_num),"
    " record_names bigint NOT NULL DEFAULT 0 CHECK(record_names IN (0,1)), frequency text,"
    " document_id bigint REFERENCES document(id), note text, UNIQUE(organ_id,"
    " effective_from));"
    "CREATE TABLE sw_invitation( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " session_id bigint NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " person_id bigint REFERENCES person(id), unit_id bigint REFERENCES unit(id),"
    " role text NOT NULL CHECK(role IN ('member','guest')), note text, sent_at text,"
    " channel text, CHECK(person_id IS NOT NULL OR unit_id IS NOT NULL));"
    "CREATE TABLE sw_attendance( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " session_id bigint NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " person_id bigint NOT NULL REFERENCES person(id),"
    " status text NOT NULL CHECK(status IN ('present','absent','delegated')), reason text,"
    " delegate text, UNIQUE(session_id, person_id));"
    "CREATE TABLE sw_vote( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " agenda_item_id bigint NOT NULL UNIQUE REFERENCES agenda_item(id) ON DELETE CASCADE,"
    " binding bigint NOT NULL CHECK(binding IN (0,1)),"
    " special bigint NOT NULL CHECK(special IN (0,1)),"
    " n_for bigint NOT NULL CHECK(n_for >= 0),"
    " n_against bigint NOT NULL CHECK(n_against >= 0),"
    " n_abstain bigint NOT NULL CHECK(n_abstain >= 0), members bigint NOT NULL,"
    " present bigint NOT NULL, regulation_id bigint REFERENCES sw_regulation(id),"
    " passed bigint NOT NULL CHECK(passed IN (0,1)), wording text NOT NULL,"
    " recorded_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), correction_reason text);"
    "CREATE TABLE sw_vote_name( vote_id bigint NOT NULL REFERENCES sw_vote(id) ON DELETE CASCADE,"
    " person_id bigint NOT NULL REFERENCES person(id),"
    " choice text NOT NULL CHECK(choice IN ('for','against','abstain')), PRIMARY KEY(vote_id,"
    " person_id), rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE sw_doc_version( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " version bigint NOT NULL CHECK(version > 0), text text NOT NULL, note text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), UNIQUE(document_id, version));"
    "CREATE TABLE sw_comment( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " document_id bigint NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " session_id bigint REFERENCES session(id), person_id bigint REFERENCES person(id),"
    " author_unit_id bigint REFERENCES unit(id), paragraph text,"
    " on_version bigint NOT NULL DEFAULT 1, content text NOT NULL,"
    " response text CHECK(response IN ('tiep_thu','giai_trinh','khong_tiep_thu')),"
    " response_text text, responder_unit_id bigint REFERENCES unit(id),"
    " revised_version bigint,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " CHECK(person_id IS NOT NULL OR author_unit_id IS NOT NULL));"
    "CREATE TABLE sw_question( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " session_id bigint NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " kind text NOT NULL CHECK(kind IN ('chat_van','hoi','kien_nghi')),"
    " questioner_id bigint NOT NULL REFERENCES person(id),"
    " target text NOT NULL CHECK(target IN ('none','bch','btv','tt','ubkt','member')),"
    " respondent_organ_id bigint REFERENCES organ(id),"
    " respondent_person_id bigint REFERENCES person(id), content text NOT NULL, answer text,"
    " judgement text,"
    " stage text NOT NULL DEFAULT 'asked' CHECK(stage IN ('asked','answered','accepted','returned','verifying','concluded','handled')),"
    " verification text, conclusion text, handling text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE sw_minutes( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " session_id bigint NOT NULL UNIQUE REFERENCES session(id) ON DELETE CASCADE,"
    " text text NOT NULL,"
    " status text NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','approved')),"
    " revision bigint NOT NULL DEFAULT 1, approved_by bigint REFERENCES person(id),"
    " approved_at text,"
    " updated_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE sw_carry( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " from_item_id bigint NOT NULL UNIQUE REFERENCES agenda_item(id),"
    " to_item_id bigint NOT NULL UNIQUE REFERENCES agenda_item(id), reason text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE sw_programme( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " organ_id bigint NOT NULL REFERENCES organ(id),"
    " term_id bigint NOT NULL REFERENCES term(id),"
    " scope text NOT NULL CHECK(scope IN ('toan_khoa','nam')),"
    " year bigint NOT NULL DEFAULT 0, title text NOT NULL, UNIQUE(organ_id, term_id, scope,"
    " year));"
    "CREATE TABLE sw_programme_rev( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " programme_id bigint NOT NULL REFERENCES sw_programme(id) ON DELETE CASCADE,"
    " revision bigint NOT NULL CHECK(revision > 0), effective_from text NOT NULL,"
    " document_id bigint REFERENCES document(id), note text, UNIQUE(programme_id, revision));"
    "CREATE TABLE sw_programme_topic( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " programme_id bigint NOT NULL REFERENCES sw_programme(id) ON DELETE CASCADE,"
    " title text NOT NULL, year bigint, quarter bigint CHECK(quarter BETWEEN 1 AND 4),"
    " session_number bigint CHECK(session_number > 0), unit_id bigint REFERENCES unit(id),"
    " added_rev bigint NOT NULL, dropped_rev bigint,"
    " done_item_id bigint REFERENCES agenda_item(id));"
    "CREATE TABLE fmt_profile( code text PRIMARY KEY, name text NOT NULL,"
    " family text NOT NULL CHECK(family IN ('party','state')), font text NOT NULL,"
    " header_pt double precision NOT NULL, motto_pt double precision NOT NULL,"
    " type_pt double precision NOT NULL, summary_pt double precision NOT NULL,"
    " body_pt double precision NOT NULL, recipients_pt double precision NOT NULL,"
    " sign_pt double precision NOT NULL, margin_top double precision NOT NULL,"
    " margin_bottom double precision NOT NULL, margin_left double precision NOT NULL,"
    " margin_right double precision NOT NULL, indent_mm double precision NOT NULL,"
    " line_spacing double precision NOT NULL, para_space_pt double precision NOT NULL,"
    " page_numbers bigint NOT NULL DEFAULT 1, sign_forms text NOT NULL,"
    " confirmed bigint NOT NULL DEFAULT 1,"
    " rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE notice( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id), session_id bigint REFERENCES session(id),"
    " term_id bigint REFERENCES term(id),"
    " profile_code text NOT NULL DEFAULT 'party-2018' REFERENCES fmt_profile(code),"
    " period text, template text NOT NULL,"
    " status text NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','issued','superseded')),"
    " version bigint NOT NULL DEFAULT 1, corrects_id bigint REFERENCES notice(id),"
    " document_id bigint REFERENCES document(id), number bigint, symbol text,"
    " issue_date text, place text, sig_authority text, sig_position text, sig_name text,"
    " issued_text text, issued_template text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), issued_at text);"
    "CREATE TABLE recipient_group( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id), code text NOT NULL, name text NOT NULL,"
    " UNIQUE(body_id, code));"
    "CREATE TABLE recipient( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " group_id bigint NOT NULL REFERENCES recipient_group(id) ON DELETE CASCADE,"
    " position bigint NOT NULL, label text NOT NULL, unit_id bigint REFERENCES unit(id),"
    " email text, UNIQUE(group_id, position));"
    "CREATE TABLE notice_delivery( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " notice_id bigint NOT NULL REFERENCES notice(id), label text NOT NULL,"
    " channel text NOT NULL CHECK(channel IN ('email','paper')), address text,"
    " status text NOT NULL CHECK(status IN ('sent','failed','paper','queued')), detail text,"
    " at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE task( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " parent_id bigint REFERENCES task(id), body_id bigint REFERENCES body(id),"
    " source_doc_id bigint REFERENCES document(id),"
    " source_session_id bigint REFERENCES session(id), section text, content text NOT NULL,"
    " assigned_on text NOT NULL,"
    " deadline_kind text NOT NULL DEFAULT 'none' CHECK(deadline_kind IN ('none','date','period','span','standing')),"
    " deadline_text text, due text,"
    " cycle text CHECK(cycle IS NULL OR cycle IN ('month','quarter','half','year')),"
    " report_to text, follower_unit_id bigint REFERENCES unit(id),"
    " lower_body_id bigint REFERENCES body(id),"
    " state text NOT NULL DEFAULT 'open' CHECK(state IN ('open','close_requested','done')),"
    " completed_on text, last_report_on text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), content_fold text NOT NULL DEFAULT '',"
    " CHECK(completed_on IS NULL OR completed_on >= assigned_on));"
    "CREATE TABLE task_unit( task_id bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " unit_id bigint NOT NULL REFERENCES unit(id),"
    " role text NOT NULL CHECK(role IN ('lead','coord')), PRIMARY KEY(unit_id, task_id));"
    "CREATE TABLE task_reminder( task_id bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " unit_id bigint NOT NULL REFERENCES unit(id), event text NOT NULL,"
    " sent_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), PRIMARY KEY(task_id, unit_id, event));"
    "CREATE TABLE role( code text PRIMARY KEY, name text NOT NULL, rank bigint NOT NULL,"
    " cleared bigint NOT NULL CHECK(cleared IN (0,1)));"
    "CREATE TABLE account( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " login text NOT NULL UNIQUE, full_name text NOT NULL DEFAULT '',"
    " role text NOT NULL REFERENCES role(code), unit_id bigint REFERENCES unit(id),"
    " pw_hash text NOT NULL,"
    " pw_changed_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " disabled bigint NOT NULL DEFAULT 0 CHECK(disabled IN (0,1)),"
    " CHECK(role <> 'reporter' OR unit_id IS NOT NULL));"
    "CREATE TABLE account_body( account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " body_id bigint NOT NULL REFERENCES body(id), PRIMARY KEY(account_id, body_id),"
    " rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE web_session( token_hash text PRIMARY KEY,"
    " account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " csrf text NOT NULL, created_at bigint NOT NULL, expires_at bigint NOT NULL);"
    "CREATE TABLE login_failure( key text PRIMARY KEY, count bigint NOT NULL,"
    " first_at bigint NOT NULL);"
    "CREATE TABLE api_token( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " name text NOT NULL, token_hash text NOT NULL UNIQUE,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), revoked bigint NOT NULL DEFAULT 0);"
    "CREATE TABLE audit_log( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), actor text NOT NULL DEFAULT '', tbl text NOT NULL,"
    " row_id bigint NOT NULL, op text NOT NULL CHECK(op IN ('insert','update','delete')),"
    " before text, after text, prev_hash text, hash text);"
    "CREATE TABLE import_file( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " sha256 text NOT NULL UNIQUE, file text NOT NULL, format text NOT NULL,"
    " document_id bigint REFERENCES document(id), notice_id bigint REFERENCES notice(id),"
    " imported_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE audit_head( id bigint PRIMARY KEY CHECK (id = 1),"
    " keyed_from bigint NOT NULL, last_id bigint NOT NULL, count bigint NOT NULL,"
    " hash text NOT NULL, schema_cookie bigint NOT NULL, mac text NOT NULL);"
    "CREATE TABLE notice_task( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " notice_id bigint NOT NULL REFERENCES notice(id) ON DELETE CASCADE,"
    " position bigint NOT NULL CHECK(position > 0), section text,"
    " content text NOT NULL CHECK(content <> ''),"
    " lead_unit_id bigint NOT NULL REFERENCES unit(id), coord_unit_ids text, deadline text,"
    " task_id bigint REFERENCES task(id), UNIQUE(notice_id, position));"
    "CREATE TABLE doc_counter_year( body_id bigint NOT NULL REFERENCES body(id),"
    " type_code text NOT NULL REFERENCES doc_type(code),"
    " year bigint NOT NULL CHECK(year BETWEEN 1945 AND 2200), last bigint NOT NULL,"
    " PRIMARY KEY(body_id, type_code, year),"
    " rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE report_request( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " body_id bigint NOT NULL REFERENCES body(id),"
    " kind text NOT NULL CHECK(kind IN ('figures','progress')), period text,"
    " due text NOT NULL, note text NOT NULL DEFAULT '',"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), CHECK((kind = 'figures') = (period IS NOT NULL)));"
    "CREATE TABLE report_request_to( request_id bigint NOT NULL REFERENCES report_request(id),"
    " body_id bigint NOT NULL REFERENCES body(id), answered_at text, reminded_at text,"
    " UNIQUE(request_id, body_id), rowid bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE);"
    "CREATE TABLE task_event( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " task_id bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " kind text NOT NULL CHECK(kind IN ('created','report','close_request','confirmed','sent_back','extended','transferred')),"
    " on_date text NOT NULL, unit_id bigint REFERENCES unit(id), text text, result text,"
    " created_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), percent bigint CHECK (percent BETWEEN 0 AND 100));"
    "CREATE TABLE task_attachment( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " event_id bigint NOT NULL REFERENCES task_event(id) ON DELETE CASCADE,"
    " ref text NOT NULL);"
    "CREATE TABLE task_tally( body_id bigint NOT NULL, lower_body_id bigint NOT NULL,"
    " unit_id bigint NOT NULL, total bigint NOT NULL DEFAULT 0,"
    " standing bigint NOT NULL DEFAULT 0, done_ontime bigint NOT NULL DEFAULT 0,"
    " done_late bigint NOT NULL DEFAULT 0, done_due bigint NOT NULL DEFAULT 0,"
    " PRIMARY KEY(body_id, lower_body_id, unit_id));"
    "CREATE TABLE task_tally_due( body_id bigint NOT NULL, lower_body_id bigint NOT NULL,"
    " unit_id bigint NOT NULL, g bigint NOT NULL, due text NOT NULL,"
    " n bigint NOT NULL DEFAULT 0, PRIMARY KEY(body_id, lower_body_id, unit_id, g, due));"
    "CREATE TABLE person_signature( person_id bigint PRIMARY KEY REFERENCES person(id),"
    " image bytea NOT NULL, image_sha256 text NOT NULL, cert bytea, cert_sha256 text,"
    " updated_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE body_seal( body_id bigint PRIMARY KEY REFERENCES body(id),"
    " image bytea NOT NULL, image_sha256 text NOT NULL, cert bytea, cert_sha256 text,"
    " updated_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE notice_signed( notice_id bigint PRIMARY KEY REFERENCES notice(id),"
    " pdf bytea NOT NULL, sha256 text NOT NULL, size bigint NOT NULL,"
    " ctype text NOT NULL DEFAULT 'application/pdf', signatures bigint NOT NULL,"
    " stored_at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE approval_rule( body_id bigint PRIMARY KEY REFERENCES body(id),"
    " required bigint NOT NULL DEFAULT 0 CHECK(required IN (0, 1)));"
    "CREATE TABLE notice_approval( id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " notice_id bigint NOT NULL REFERENCES notice(id),"
    " step text NOT NULL CHECK(step IN ('submit','approve','return','edit')),"
    " comment text NOT NULL DEFAULT '', actor text NOT NULL DEFAULT '',"
    " at text NOT NULL DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC',"
    " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
    "CREATE TABLE doc_tally( body_id bigint NOT NULL, secret bigint NOT NULL,"
    " n bigint NOT NULL DEFAULT 0, PRIMARY KEY(body_id, secret));"
    /* Indexes. */
    "CREATE INDEX body_parent ON body(parent_id);"
    "CREATE UNIQUE INDEX body_name ON body(coalesce(parent_id, 0), name);"
    "CREATE INDEX body_code ON body(code);"
    "CREATE INDEX membership_organ ON membership(organ_id);"
    "CREATE INDEX membership_person ON membership(person_id);"
    "CREATE UNIQUE INDEX document_symbol ON document(symbol, date) WHERE symbol IS NOT NULL;"
    "CREATE INDEX doc_ref_to ON doc_ref(to_id);"
    "CREATE INDEX doc_ref_from ON doc_ref(from_id);"
    "CREATE INDEX document_body_type ON document(body_id, type_code, term_id);"
    "CREATE INDEX ind_value_period ON ind_value(period, kind, indicator_id);"
    "CREATE INDEX ind_value_body ON ind_value(body_id, year, m_to);"
    "CREATE UNIQUE INDEX sw_invitation_person ON sw_invitation(session_id,"
    " person_id) WHERE person_id IS NOT NULL;"
    "CREATE UNIQUE INDEX sw_invitation_unit ON sw_invitation(session_id,"
    " unit_id) WHERE person_id IS NULL;"
    "CREATE INDEX sw_comment_doc ON sw_comment(document_id);"
    "CREATE INDEX sw_question_session ON sw_question(session_id);"
    "CREATE INDEX sw_programme_topic_prog ON sw_programme_topic(programme_id);"
    "CREATE INDEX notice_session ON notice(session_id);"
    "CREATE INDEX notice_delivery_notice ON notice_delivery(notice_id);"
    "CREATE INDEX task_source ON task(source_doc_id);"
    "CREATE INDEX task_parent ON task(parent_id);"
    "CREATE INDEX task_open_due ON task(due) WHERE completed_on IS NULL;"
    "CREATE INDEX task_stats ON task(body_id, source_doc_id, due, completed_on,"
    " deadline_kind);"
    "CREATE INDEX task_unit_task ON task_unit(task_id);"
    "CREATE INDEX web_session_account ON web_session(account_id);"
    "CREATE INDEX audit_log_row ON audit_log(tbl, row_id, at);"
    "CREATE INDEX task_unit_lead ON task_unit(task_id, unit_id) WHERE role = 'lead';"
    "CREATE UNIQUE INDEX body_dhis2_code ON body(dhis2_code) WHERE dhis2_code IS NOT NULL;"
    "CREATE INDEX report_request_body ON report_request(body_id);"
    "CREATE INDEX report_request_to_body ON report_request_to(body_id);"
    "CREATE INDEX body_successor ON body(successor_id) WHERE successor_id IS NOT NULL;"
    "CREATE INDEX task_event_task ON task_event(task_id, on_date);"
    "CREATE INDEX task_attachment_event ON task_attachment(event_id);"
    "CREATE INDEX task_done_on ON task(completed_on) WHERE completed_on IS NOT NULL;"
    "CREATE INDEX notice_approval_notice ON notice_approval(notice_id, id);"
    "CREATE INDEX session_date ON session(date, id);"
    /* The rows every store starts with (migrations 1, 2, 4 and 6). */
    "INSERT INTO doc_type(code, name, system) VALUES"
    " ('NQ', 'Nghị quyết', 'both'),"
    " ('QĐ', 'Quyết định', 'both'),"
    " ('QyĐ', 'Quy định', 'state'),"
    " ('CT', 'Chỉ thị', 'both'),"
    " ('KL', 'Kết luận', 'both'),"
    " ('QC', 'Quy chế', 'both'),"
    " ('HD', 'Hướng dẫn', 'both'),"
    " ('TB', 'Thông báo', 'both'),"
    " ('BC', 'Báo cáo', 'both'),"
    " ('KH', 'Kế hoạch', 'both'),"
    " ('CTr', 'Chương trình', 'both'),"
    " ('TTr', 'Tờ trình', 'both'),"
    " ('CV', 'Công văn', 'both'),"
    " ('BB', 'Biên bản', 'both'),"
    " ('ĐA', 'Đề án', 'both'),"
    " ('PA', 'Phương án', 'both'),"
    " ('GM', 'Giấy mời', 'state'),"
    " ('NĐ', 'Nghị định', 'state'),"
    " ('TT', 'Thông tư', 'state'),"
    " ('QH', 'Luật', 'state');"
    "INSERT INTO ind_phrase(name, text, about) VALUES"
    " ('chung', '{est:ước đạt|đạt} {value} {unit}[, đạt {pct_plan}% {plan_name}][, {sign:tăng|giảm} {growth}% so với cùng kỳ]', 'value, % of plan, growth over the same period'),"
    " ('ke_hoach_cung_ky_bang', '{est:ước đạt|đạt} {value} {unit}[, đạt {pct_plan}% so với {plan_name}][, bằng {pct_same}% so với cùng kỳ]', 'value, % of plan, ratio to the same period'),"
    " ('cung_ky_truoc', '{est:ước đạt|đạt} {value} {unit}[, {sign:tăng|giảm} {growth}% so với cùng kỳ][, bằng {pct_plan}% {plan_name}]', 'value, growth first, then % of plan'),"
    " ('du_toan', '{est:ước đạt|đạt} {value} {unit}[, bằng {pct_plan}% {plan_name}]', 'budget figure against its dự toán'),"
    " ('du_toan_luy_ke', '{est:ước đến hết tháng {to_month} đạt|đạt} {value} {unit}[, bằng {pct_plan}% {plan_name}]', 'budget figure to the end of a month against its dự toán'),"
    " ('thanh_phan', '{value} {unit}[, đạt {pct_plan}% {plan_name}]', 'a component inside a sentence: value, % of its plan'),"
    " ('thanh_phan_ty_le', '{value} {unit}[, đạt {pct_plan}%]', 'a component with its % of plan, the plan named before'),"
    " ('tang_giam_tuyet_doi', '{est:ước đạt|đạt} {value} {unit}[, {sign:tăng|giảm} {growth_abs} {unit} so với cùng kỳ]', 'value and absolute change');"
    "INSERT INTO fmt_profile(code, name, family, font, header_pt, motto_pt, type_pt,"
    " summary_pt, body_pt, recipients_pt, sign_pt, margin_top, margin_bottom, margin_left,"
    " margin_right, indent_mm, line_spacing, para_space_pt, page_numbers, sign_forms,"
    " confirmed) VALUES"
    " ('party-2018', 'Hướng dẫn 36-HD/VPTW (2018)', 'party', 'Liberation Serif', 14.0, 15.0, 16.0, 14.0, 14.0, 12.0, 14.0, 20.0, 20.0, 30.0, 15.0, 10.0, 1.0, 6.0, 1, 'T/M,K/T,T/L', 1),"
    " ('party-2026', 'Hướng dẫn 05-HD/VPTW (2026)', 'party', 'Liberation Serif', 14.0, 15.0, 16.0, 14.0, 14.0, 12.0, 14.0, 20.0, 20.0, 30.0, 15.0, 10.0, 1.0, 6.0, 1, 'T/M,K/T,T/L', 0),"
    " ('state-2020', 'Nghị định 30/2020/NĐ-CP', 'state', 'Liberation Serif', 13.0, 13.0, 14.0, 14.0, 14.0, 12.0, 14.0, 20.0, 20.0, 30.0, 15.0, 10.0, 1.0, 6.0, 1, 'TM.,KT.,TL.,Q.', 1);"
    "INSERT INTO role(code, name, rank, cleared) VALUES"
    " ('admin', 'Quản trị', 50, 1),"
    " ('office', 'Văn phòng', 40, 1),"
    " ('member', 'Ủy viên', 30, 1),"
    " ('reporter', 'Đơn vị báo cáo', 20, 0),"
    " ('viewer', 'Người xem', 10, 0);"
    "INSERT INTO ind_indicator(id, code, name, unit, decimals, pct_decimals, same_decimals,"
    " parent_id, parts_sum, agg, dir, default_plan, phrase, position, name_fold) VALUES"
    " (1, 'industry', 'Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp', 'tỷ đồng', 0, 0, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'ke_hoach_cung_ky_bang', 10, 'gia tri san xuat cong nghiep - tieu thu cong nghiep'),"
    " (2, 'trade_services', 'Giá trị sản xuất thương mại - dịch vụ', 'tỷ đồng', 0, 1, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'chung', 20, 'gia tri san xuat thuong mai - dich vu'),"
    " (3, 'agriculture', 'Giá trị sản xuất nông nghiệp', 'tỷ đồng', 0, 1, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'chung', 30, 'gia tri san xuat nong nghiep'),"
    " (4, 'investment', 'Tổng vốn đầu tư phát triển', 'tỷ đồng', 0, 1, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'cung_ky_truoc', 40, 'tong von dau tu phat trien'),"
    " (5, 'revenue', 'Thu ngân sách', 'tỷ đồng', 3, 1, 1, NULL, 0, 'sum', 'up', 'dự toán huyện giao', 'du_toan_luy_ke', 50, 'thu ngan sach'),"
    " (6, 'revenue_local', 'Thu trên địa bàn', 'tỷ đồng', 3, 1, 1, 5, 0, 'sum', 'up', 'dự toán huyện giao', 'thanh_phan_ty_le', 51, 'thu tren dia ban'),"
    " (7, 'revenue_land_use', 'Thu tiền sử dụng đất', 'tỷ đồng', 1, 2, 1, 6, 0, 'sum', 'up', 'kế hoạch huyện giao', 'thanh_phan', 52, 'thu tien su dung dat'),"
    " (8, 'expenditure', 'Chi ngân sách', 'tỷ đồng', 1, 1, 1, NULL, 1, 'sum', 'none', 'dự toán huyện giao', 'du_toan', 60, 'chi ngan sach'),"
    " (9, 'expenditure_recurrent', 'Chi thường xuyên', 'tỷ đồng', 1, 1, 1, 8, 0, 'sum', 'none', 'dự toán huyện giao', 'thanh_phan', 61, 'chi thuong xuyen'),"
    " (10, 'expenditure_capital', 'Chi đầu tư xây dựng cơ bản', 'tỷ đồng', 1, 1, 1, 8, 0, 'sum', 'none', 'dự toán huyện giao', 'thanh_phan', 62, 'chi dau tu xay dung co ban'),"
    " (11, 'grdp_per_capita', 'Thu nhập bình quân đầu người', 'triệu đồng', 1, 1, 1, NULL, 0, 'avg', 'up', 'kế hoạch', 'tang_giam_tuyet_doi', 70, 'thu nhap binh quan dau nguoi'),"
    " (12, 'poverty_rate', 'Tỷ lệ hộ nghèo đa chiều', '%', 2, 1, 1, NULL, 0, 'avg', 'down', 'chỉ tiêu Nghị quyết', 'chung', 80, 'ty le ho ngheo da chieu'),"
    " (13, 'rice_area', 'Diện tích gieo trồng lúa', 'ha', 0, 1, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'chung', 90, 'dien tich gieo trong lua'),"
    " (14, 'food_output', 'Sản lượng lương thực có hạt', 'tấn', 0, 1, 1, NULL, 0, 'sum', 'up', 'kế hoạch', 'chung', 100, 'san luong luong thuc co hat'),"
    " (15, 'ntm_communes', 'Số xã đạt chuẩn nông thôn mới nâng cao', 'xã', 0, 1, 1, NULL, 0, 'sum', 'up', 'chỉ tiêu Nghị quyết', 'chung', 110, 'so xa dat chuan nong thon moi nang cao'),"
    " (16, 'new_members', 'Kết nạp đảng viên mới', 'đảng viên', 0, 1, 1, NULL, 0, 'sum', 'up', 'chỉ tiêu Nghị quyết', 'chung', 120, 'ket nap dang vien moi');"
    "INSERT INTO ind_criteria_set(id, code, name, basis, year_from, year_to, n_criteria,"
    " n_indicators) VALUES"
    " (1, 'ntm-xa-2021-2025', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025', 'Quyết định 318/QĐ-TTg', 2021, 2025, 19, NULL),"
    " (2, 'ntm-xa-2026-2030', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030', 'Quyết định 51/2025/QĐ-TTg', 2026, 2030, 10, 47);"
    "INSERT INTO ind_criterion(id, set_id, number, grp, name) VALUES"
    " (1, 1, 1, 'I. Quy hoạch', 'Quy hoạch'),"
    " (2, 1, 2, 'II. Hạ tầng kinh tế - xã hội', 'Giao thông'),"
    " (3, 1, 3, 'II. Hạ tầng kinh tế - xã hội', 'Thủy lợi và phòng, chống thiên tai'),"
    " (4, 1, 4, 'II. Hạ tầng kinh tế - xã hội', 'Điện'),"
    " (5, 1, 5, 'II. Hạ tầng kinh tế - xã hội', 'Trường học'),"
    " (6, 1, 6, 'II. Hạ tầng kinh tế - xã hội', 'Cơ sở vật chất văn hóa'),"
    " (7, 1, 7, 'II. Hạ tầng kinh tế - xã hội', 'Cơ sở hạ tầng thương mại nông thôn'),"
    " (8, 1, 8, 'II. Hạ tầng kinh tế - xã hội', 'Thông tin và Truyền thông'),"
    " (9, 1, 9, 'II. Hạ tầng kinh tế - xã hội', 'Nhà ở dân cư'),"
    " (10, 1, 10, 'III. Kinh tế và tổ chức sản xuất', 'Thu nhập'),"
    " (11, 1, 11, 'III. Kinh tế và tổ chức sản xuất', 'Nghèo đa chiều'),"
    " (12, 1, 12, 'III. Kinh tế và tổ chức sản xuất', 'Lao động'),"
    " (13, 1, 13, 'III. Kinh tế và tổ chức sản xuất', 'Tổ chức sản xuất và phát triển kinh tế nông thôn'),"
    " (14, 1, 14, 'IV. Văn hóa - xã hội - môi trường', 'Giáo dục và Đào tạo'),"
    " (15, 1, 15, 'IV. Văn hóa - xã hội - môi trường', 'Y tế'),"
    " (16, 1, 16, 'IV. Văn hóa - xã hội - môi trường', 'Văn hóa'),"
    " (17, 1, 17, 'IV. Văn hóa - xã hội - môi trường', 'Môi trường và an toàn thực phẩm'),"
    " (18, 1, 18, 'V. Hệ thống chính trị', 'Hệ thống chính trị và tiếp cận pháp luật'),"
    " (19, 1, 19, 'V. Hệ thống chính trị', 'Quốc phòng và An ninh');"
    "SELECT setval(pg_get_serial_sequence('ind_indicator', 'id'), (SELECT max(id) FROM ind_indicator));"
    "SELECT setval(pg_get_serial_sequence('ind_criteria_set', 'id'),"
    " (SELECT max(id) FROM ind_criteria_set));"
    "SELECT setval(pg_get_serial_sequence('ind_criterion', 'id'), (SELECT max(id) FROM ind_criterion));"
    "INSERT INTO audit_head(id, keyed_from, last_id, count, hash, schema_cookie, mac)"
    " VALUES(1, 1, 0, 0, '', 0, '');"

    /*
     * Audit entries of the current transaction, in the order they were made;
     * at commit the driver moves them into audit_log, chaining each to the
     * one before under a lock on audit_head.
     */
    "CREATE TABLE audit_pending("
    " seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    " at text, actor text, tbl text, row_id bigint, op text, before text, after text);"

    /* Guards: SQLite's RAISE(ABORT, msg) triggers. */
    "CREATE FUNCTION dondoc_refuse() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;"
    PG_GUARD("sw_minutes_locked", "UPDATE", "sw_minutes", "OLD.status = 'approved'",
	     "approved minutes are locked")
    PG_GUARD("sw_minutes_nodelete", "DELETE", "sw_minutes", "OLD.status = 'approved'",
	     "approved minutes are locked")
    PG_GUARD("notice_locked", "UPDATE OF template, number, symbol, issue_date, sig_authority,"
	     " sig_position, sig_name, issued_text, issued_template, session_id, body_id, period,"
	     " profile_code", "notice", "OLD.status <> 'draft'", "notice issued: locked")
    PG_GUARD("notice_nodelete", "DELETE", "notice", "OLD.status <> 'draft'",
	     "notice issued: locked")
    PG_GUARD("audit_log_no_update", "UPDATE", "audit_log", "OLD.hash IS NOT NULL",
	     "audit_log is append-only")
    PG_GUARD("audit_log_no_delete", "DELETE", "audit_log", "true", "audit_log is append-only")
    PG_GUARD("audit_head_no_delete", "DELETE", "audit_head", "true", "audit_head is kept")
    /* A notice's task rows are locked with it (a trigger's WHEN cannot read another table). */
    "CREATE FUNCTION notice_task_lock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF (SELECT status FROM notice WHERE id = CASE TG_OP WHEN 'INSERT' THEN NEW.notice_id"
    " ELSE OLD.notice_id END) <> 'draft' THEN RAISE EXCEPTION 'notice issued: locked'; END IF;"
    " IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;"
    "CREATE TRIGGER notice_task_locked BEFORE UPDATE ON notice_task FOR EACH ROW"
    " EXECUTE FUNCTION notice_task_lock();"
    "CREATE TRIGGER notice_task_nodelete BEFORE DELETE ON notice_task FOR EACH ROW"
    " EXECUTE FUNCTION notice_task_lock();"
    "CREATE TRIGGER notice_task_noinsert BEFORE INSERT ON notice_task FOR EACH ROW"
    " EXECUTE FUNCTION notice_task_lock();"
    /* An approved or submitted draft whose text changes goes back to its signer. */
    "CREATE FUNCTION notice_approval_void() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF (SELECT step FROM notice_approval WHERE notice_id = NEW.id ORDER BY id DESC LIMIT 1)"
    " IN ('approve','submit') THEN INSERT INTO notice_approval(notice_id, step, comment)"
    " VALUES(NEW.id, 'edit', 'Dự thảo đã sửa sau khi trình: cần trình lại'); END IF;"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER notice_approval_void AFTER UPDATE OF template ON notice FOR EACH ROW"
    " WHEN (OLD.template IS DISTINCT FROM NEW.template) EXECUTE FUNCTION notice_approval_void();"

    /*
     * Audit. A row as SQLite's json_object() writes it: keys in the given
     * order, no spaces, the key column last under its SQLite name; a column
     * named with a leading ~ holds a real. NULL for no row.
     */
    "CREATE FUNCTION dondoc_audit_json(r json, cols text[], keycol text, keyname text)"
    " RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$"
    " SELECT '{' || string_agg(to_json(ltrim(u.name, '~'))::text || ':' || CASE"
    " WHEN u.name LIKE '~%' AND (r ->> ltrim(u.col, '~')) ~ '^-?[0-9]+$'"
    " THEN (r ->> ltrim(u.col, '~')) || '.0'"
    " ELSE coalesce(r -> ltrim(u.col, '~'), 'null'::json)::text END, ',' ORDER BY u.i) || '}'"
    " FROM unnest(cols || keyname, cols || keycol) WITH ORDINALITY AS u(name, col, i) $$;"
    "CREATE FUNCTION dondoc_audit() RETURNS trigger LANGUAGE plpgsql AS $$"
    " DECLARE cols text[] := TG_ARGV[2:TG_NARGS - 1]; o json; n json;"
    " BEGIN"
    " IF TG_OP <> 'INSERT' THEN o := row_to_json(OLD); END IF;"
    " IF TG_OP <> 'DELETE' THEN n := row_to_json(NEW); END IF;"
    " INSERT INTO audit_pending(at, actor, tbl, row_id, op, before, after) VALUES(" PG_NOW_MS ","
    " dondoc_actor(), TG_TABLE_NAME, (coalesce(n, o) ->> TG_ARGV[0])::bigint, lower(TG_OP),"
    " dondoc_audit_json(o, cols, TG_ARGV[0], TG_ARGV[1]),"
    " dondoc_audit_json(n, cols, TG_ARGV[0], TG_ARGV[1]));"
    " RETURN NULL; END $$;"
    PG_AUDIT(body, AUDIT_COLS_body)
    PG_AUDIT(term, AUDIT_COLS_term)
    PG_AUDIT(organ, AUDIT_COLS_organ)
    PG_AUDIT(unit, AUDIT_COLS_unit)
    PG_AUDIT(person, AUDIT_COLS_person)
    PG_AUDIT(membership, AUDIT_COLS_membership)
    PG_AUDIT(session, AUDIT_COLS_session)
    PG_AUDIT(document, AUDIT_COLS_document)
    PG_AUDIT(doc_ref, AUDIT_COLS_doc_ref)
    PG_AUDIT(agenda_item, AUDIT_COLS_agenda_item)
    PG_AUDIT_ROWID(doc_counter, AUDIT_COLS_doc_counter)
    PG_AUDIT(sw_regulation, AUDIT_COLS_sw_regulation)
    PG_AUDIT(sw_invitation, AUDIT_COLS_sw_invitation)
    PG_AUDIT(sw_attendance, AUDIT_COLS_sw_attendance)
    PG_AUDIT(sw_vote, AUDIT_COLS_sw_vote)
    PG_AUDIT_ROWID(sw_vote_name, AUDIT_COLS_sw_vote_name)
    PG_AUDIT(sw_doc_version, AUDIT_COLS_sw_doc_version)
    PG_AUDIT(sw_comment, AUDIT_COLS_sw_comment)
    PG_AUDIT(sw_question, AUDIT_COLS_sw_question)
    PG_AUDIT(sw_minutes, AUDIT_COLS_sw_minutes)
    PG_AUDIT(sw_carry, AUDIT_COLS_sw_carry)
    PG_AUDIT(sw_programme, AUDIT_COLS_sw_programme)
    PG_AUDIT(sw_programme_rev, AUDIT_COLS_sw_programme_rev)
    PG_AUDIT(sw_programme_topic, AUDIT_COLS_sw_programme_topic)
    /* Its REAL columns (marked ~) are written as SQLite writes a real: 14.0, not 14. */
    PG_AUDIT_ROWID(fmt_profile, AUDIT_COLS_fmt_profile_pg)
    PG_AUDIT(notice, AUDIT_COLS_notice)
    PG_AUDIT(recipient_group, AUDIT_COLS_recipient_group)
    PG_AUDIT(recipient, AUDIT_COLS_recipient)
    PG_AUDIT(notice_delivery, AUDIT_COLS_notice_delivery)
    PG_AUDIT(ind_indicator, AUDIT_COLS_ind_indicator)
    PG_AUDIT(ind_value, AUDIT_COLS_ind_value)
    PG_AUDIT_ROWID(ind_phrase, AUDIT_COLS_ind_phrase)
    PG_AUDIT(ind_criteria_set, AUDIT_COLS_ind_criteria_set)
    PG_AUDIT(ind_criterion, AUDIT_COLS_ind_criterion)
    PG_AUDIT_ROWID(ind_criterion_status, AUDIT_COLS_ind_criterion_status)
    PG_AUDIT(task, AUDIT_COLS_task)
    PG_AUDIT_K(task_unit, AUDIT_COLS_task_unit, task_id, task_id)
    PG_AUDIT(task_event, AUDIT_COLS_task_event)
    PG_AUDIT(task_attachment, AUDIT_COLS_task_attachment)
    PG_AUDIT_K(task_reminder, AUDIT_COLS_task_reminder, task_id, task_id)
    PG_AUDIT(account, AUDIT_COLS_account)
    PG_AUDIT_ROWID(account_body, AUDIT_COLS_account_body)
    PG_AUDIT(api_token, AUDIT_COLS_api_token)
    PG_AUDIT(import_file, AUDIT_COLS_import_file)
    PG_AUDIT(notice_task, AUDIT_COLS_notice_task)
    PG_AUDIT_ROWID(doc_counter_year, AUDIT_COLS_doc_counter_year)
    PG_AUDIT(report_request, AUDIT_COLS_report_request)
    PG_AUDIT_ROWID(report_request_to, AUDIT_COLS_report_request_to)
    PG_AUDIT_K(person_signature, AUDIT_COLS_person_signature, person_id, rowid)
    PG_AUDIT_K(body_seal, AUDIT_COLS_body_seal, body_id, rowid)
    PG_AUDIT_K(notice_signed, AUDIT_COLS_notice_signed, notice_id, rowid)
    PG_AUDIT_K(approval_rule, AUDIT_COLS_approval_rule, body_id, rowid)
    PG_AUDIT(notice_approval, AUDIT_COLS_notice_approval)

    /*
     * Search: text folded as the 'dondoc' FTS5 tokenizer folds it (tones,
     * marks and case; đ→d), every run of characters that are not letters or
     * digits a separator.
     */
    "CREATE FUNCTION dondoc_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS"
    " $$ SELECT regexp_replace(lower(unaccent('unaccent'::regdictionary, t)),"
    " '[^[:alnum:]]+', ' ', 'g') $$;"
    /*
     * What SQL_WEB_SEARCH is given (an FTS5 query of quoted words: "a" "b c",
     * a doubled quote inside) as a tsquery: every quoted phrase required, its
     * words in order; bare words when nothing is quoted. NULL: no word.
     */
    "CREATE FUNCTION dondoc_tsquery(q text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE AS $$"
    " DECLARE m text[]; w text; p tsquery; r tsquery;"
    " BEGIN"
    " IF q IS NULL THEN RETURN NULL; END IF;"
    " IF position('\"' IN q) = 0 THEN q := '\"' || replace(q, ' ', '\" \"') || '\"'; END IF;"
    " FOR m IN SELECT regexp_matches(q, '\"((?:[^\"]|\"\")*)\"', 'g') LOOP"
    " w := coalesce(btrim(dondoc_fold(replace(m[1], '\"\"', '\"'))), '');"
    " CONTINUE WHEN w = '';"
    " p := phraseto_tsquery('simple', w);"
    " r := CASE WHEN r IS NULL THEN p ELSE r && p END;"
    " END LOOP;"
    " RETURN r; END $$;"
    /* The words of q's phrases, folded. */
    "CREATE FUNCTION dondoc_query_words(q tsquery) RETURNS text[] LANGUAGE sql IMMUTABLE AS"
    " $$ SELECT coalesce(array_agg(m[1]), '{}') FROM regexp_matches(q::text, '''([^'']+)''', 'g') m $$;"
    /* t with each word of q marked \1…\2, as FTS5's highlight() marks it. */
    "CREATE FUNCTION dondoc_highlight(t text, q tsquery) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
    " SELECT string_agg(CASE WHEN w.p[1] ~ '^[[:alnum:]]' AND dondoc_fold(w.p[1]) = ANY(dondoc_query_words(q))"
    " THEN chr(1) || w.p[1] || chr(2) ELSE w.p[1] END, '' ORDER BY w.i)"
    " FROM regexp_matches(t, '[[:alnum:]]+|[^[:alnum:]]+', 'g') WITH ORDINALITY AS w(p, i) $$;"
    /*
     * FTS5's snippet(): the n words of t that score best as FTS5 scores a
     * window (1000 for each word of q first seen in it, 1 for each repeat;
     * a window around its hits, or from a sentence's start with a bonus of
     * 100, 120 at the text's start), words of q marked \1…\2, '…' where t
     * was cut. Positions count from 0 as FTS5's do.
     */
    "CREATE FUNCTION dondoc_snippet_score(hits int[], lex text[], p int, n int) RETURNS int"
    " LANGUAGE sql IMMUTABLE AS $$"
    " SELECT coalesce(sum(CASE WHEN x.i = (SELECT min(y.i) FROM unnest(hits, lex) WITH ORDINALITY"
    " AS y(h, l, i) WHERE y.h >= p AND y.h < p + n AND y.l = x.l) THEN 1000 ELSE 1 END), 0)::int"
    " FROM unnest(hits, lex) WITH ORDINALITY AS x(h, l, i) WHERE x.h >= p AND x.h < p + n $$;"
    "CREATE FUNCTION dondoc_snippet(t text, q tsquery, n int) RETURNS text LANGUAGE plpgsql"
    " IMMUTABLE AS $$"
    " DECLARE qw text[] := dondoc_query_words(q); m text[]; pre text := '';"
    " words text[] := '{}'; seps text[] := '{}'; hits int[] := '{}'; lex text[] := '{}';"
    " firsts int[] := '{}'; nw int := 0; h int; jj int; sc int; adj int; f int; l int;"
    " best int := 0; bstart int := 0; out text := '';"
    " BEGIN"
    " IF t IS NULL THEN RETURN NULL; END IF;"
    " FOR m IN SELECT regexp_matches(t, '[[:alnum:]]+|[^[:alnum:]]+', 'g') LOOP"
    " IF m[1] !~ '^[[:alnum:]]' THEN pre := pre || m[1]; CONTINUE; END IF;"
    " IF nw = 0 OR pre ~ '[.:][ \t\r\n]+$' THEN firsts := firsts || nw; END IF;"
    " IF dondoc_fold(m[1]) = ANY(qw) THEN hits := hits || nw; lex := lex || dondoc_fold(m[1]); END IF;"
    " words := words || m[1]; seps := seps || pre; pre := ''; nw := nw + 1;"
    " END LOOP;"
    " FOREACH h IN ARRAY hits LOOP"
    " sc := dondoc_snippet_score(hits, lex, h, n);"
    " SELECT min(x), max(x) + 1 INTO f, l FROM unnest(hits) x WHERE x >= h AND x < h + n;"
    " adj := f - (n - (l - f)) / 2;"
    " IF adj + n > nw THEN adj := nw - n; END IF;"
    " IF adj < 0 THEN adj := 0; END IF;"
    " IF sc > best THEN best := sc; bstart := adj; END IF;"
    " IF nw > n THEN"
    " jj := (SELECT max(x) FROM unnest(firsts) x WHERE x <= h);"
    " IF jj < h THEN"
    " sc := dondoc_snippet_score(hits, lex, jj, n) + CASE WHEN jj = 0 THEN 120 ELSE 100 END;"
    " IF sc > best THEN best := sc; bstart := jj; END IF;"
    " END IF;"
    " END IF;"
    " END LOOP;"
    " FOR h IN bstart .. least(bstart + n, nw) - 1 LOOP"
    " IF h > bstart THEN out := out || seps[h + 1]; END IF;"
    " out := out || CASE WHEN h = ANY(hits) THEN chr(1) || words[h + 1] || chr(2) ELSE words[h + 1] END;"
    " END LOOP;"
    " RETURN CASE WHEN bstart > 0 THEN '…' ELSE '' END || out"
    " || CASE WHEN bstart + n < nw THEN '…' ELSE '' END;"
    " END $$;"
    /* The index: rowid = id * 8 + kind (1 document, 2 agenda item, 3 task, 4 notice, 5 comment). */
    "CREATE TABLE search_fts("
    " rowid bigint PRIMARY KEY,"
    " title text, content text, kind text, ref bigint, body_id bigint, secret bigint,"
    " tsv tsvector);"
    "CREATE INDEX search_fts_tsv ON search_fts USING gin(tsv);"
    "CREATE INDEX document_symbol_trgm ON document USING gin(symbol gin_trgm_ops);"
    PG_TRIGGER_FN("search_fts_tsv",
		  "NEW.tsv := to_tsvector('simple', coalesce(dondoc_fold(NEW.title), '') || ' ' ||"
		  " coalesce(dondoc_fold(NEW.content), ''));", "NEW")
    "CREATE TRIGGER search_fts_tsv BEFORE INSERT OR UPDATE ON search_fts FOR EACH ROW"
    " EXECUTE FUNCTION search_fts_tsv();"
    PG_SEARCH_FNS(document, "1", PG_SEARCH_DOC)
    PG_SEARCH_TRIGGERS(document, "")
    PG_SEARCH_FNS(agenda_item, "2", PG_SEARCH_AGENDA)
    PG_SEARCH_TRIGGERS(agenda_item, "")
    PG_SEARCH_FNS(task, "3", PG_SEARCH_TASK)
    PG_SEARCH_TRIGGERS(task, "OF content, body_id ")
    PG_SEARCH_FNS(notice, "4", PG_SEARCH_NOTICE)
    PG_SEARCH_TRIGGERS(notice, "OF template, issued_text, symbol, body_id, document_id ")
    PG_SEARCH_FNS(sw_comment, "5", PG_SEARCH_COMMENT)
    PG_SEARCH_TRIGGERS(sw_comment, "OF content, response_text, paragraph, session_id, document_id ")

    /* The task counters (m017, tally_sql.h): a task's part out before it changes or goes, in after. */
    PG_TRIGGER_FN("task_tally_i", TALLY_ADD_PG("NEW", "1", "0", "WHERE true"), "NULL")
    "CREATE TRIGGER task_tally_i AFTER INSERT ON task FOR EACH ROW EXECUTE FUNCTION task_tally_i();"
    PG_TRIGGER_FN("task_tally_u",
		  TALLY_ADD_PG("OLD", "-1", "0", "WHERE true") TALLY_ADD_PG("NEW", "1", "0", "WHERE true")
		  TALLY_ADD_PG("OLD", "-1", "tu.unit_id", TALLY_LEADS("OLD"))
		  TALLY_ADD_PG("NEW", "1", "tu.unit_id", TALLY_LEADS("NEW")), "NULL")
    "CREATE TRIGGER task_tally_u AFTER UPDATE OF body_id, lower_body_id, due, completed_on,"
    " deadline_kind ON task FOR EACH ROW WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id OR"
    " OLD.lower_body_id IS DISTINCT FROM NEW.lower_body_id OR OLD.due IS DISTINCT FROM NEW.due OR"
    " OLD.completed_on IS DISTINCT FROM NEW.completed_on OR OLD.deadline_kind IS DISTINCT FROM"
    " NEW.deadline_kind) EXECUTE FUNCTION task_tally_u();"
    PG_TRIGGER_FN("task_tally_d",
		  TALLY_ADD_PG("OLD", "-1", "0", "WHERE true")
		  TALLY_ADD_PG("OLD", "-1", "tu.unit_id", TALLY_LEADS("OLD")), "OLD")
    "CREATE TRIGGER task_tally_d BEFORE DELETE ON task FOR EACH ROW EXECUTE FUNCTION task_tally_d();"
    /* A unit row removed by the task's own deletion finds no task: its part went with it. */
    PG_TRIGGER_FN("task_tally_unit_i",
		  TALLY_ADD_PG("t", "1", "NEW.unit_id", "FROM task t WHERE t.id = NEW.task_id"), "NULL")
    "CREATE TRIGGER task_tally_unit_i AFTER INSERT ON task_unit FOR EACH ROW"
    " WHEN (NEW.role = 'lead') EXECUTE FUNCTION task_tally_unit_i();"
    PG_TRIGGER_FN("task_tally_unit_d",
		  TALLY_ADD_PG("t", "-1", "OLD.unit_id", "FROM task t WHERE t.id = OLD.task_id"), "NULL")
    "CREATE TRIGGER task_tally_unit_d AFTER DELETE ON task_unit FOR EACH ROW"
    " WHEN (OLD.role = 'lead') EXECUTE FUNCTION task_tally_unit_d();"
    PG_TRIGGER_FN("task_tally_unit_u",
		  TALLY_ADD_PG("t", "-1", "OLD.unit_id",
			    "FROM task t WHERE t.id = OLD.task_id AND OLD.role = 'lead'")
		  TALLY_ADD_PG("t", "1", "NEW.unit_id",
			    "FROM task t WHERE t.id = NEW.task_id AND NEW.role = 'lead'"), "NULL")
    "CREATE TRIGGER task_tally_unit_u AFTER UPDATE ON task_unit FOR EACH ROW"
    " EXECUTE FUNCTION task_tally_unit_u();"

    /* The document counters (m019). */
    PG_TRIGGER_FN("doc_tally_i", DOC_TALLY_ADD_PG("NEW", "1"), "NULL")
    "CREATE TRIGGER doc_tally_i AFTER INSERT ON document FOR EACH ROW EXECUTE FUNCTION doc_tally_i();"
    PG_TRIGGER_FN("doc_tally_d", DOC_TALLY_ADD_PG("OLD", "-1"), "NULL")
    "CREATE TRIGGER doc_tally_d AFTER DELETE ON document FOR EACH ROW EXECUTE FUNCTION doc_tally_d();"
    PG_TRIGGER_FN("doc_tally_u", DOC_TALLY_ADD_PG("OLD", "-1") DOC_TALLY_ADD_PG("NEW", "1"), "NULL")
    "CREATE TRIGGER doc_tally_u AFTER UPDATE OF body_id, confidentiality ON document FOR EACH ROW"
    " WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id OR OLD.confidentiality IS DISTINCT FROM"
    " NEW.confidentiality) EXECUTE FUNCTION doc_tally_u();";
/* clang-format on */
