/* m003_sessionwork.c: schema of session work: rules, invitations, attendance, votes, comments, questioning, minutes, carry-over, work programmes. */
#include "db/migrations.h"

const char db_m003_sessionwork[] =
    /*
     * The organ's working regulation (quy chế làm việc), versioned: the rule in
     * force on a date is the latest one effective on or before it. A vote
     * passes when votes for are MORE THAN vote_num/vote_den of the members in
     * office; binding votes need the attendance rule met; items marked special
     * need at least special_num/special_den of the members present.
     */
    "CREATE TABLE sw_regulation("
    " id INTEGER PRIMARY KEY,"
    " organ_id INTEGER NOT NULL REFERENCES organ(id),"
    " effective_from TEXT NOT NULL,"
    " vote_num INTEGER NOT NULL CHECK(vote_num > 0),"
    " vote_den INTEGER NOT NULL CHECK(vote_den >= vote_num),"
    " attend_num INTEGER NOT NULL CHECK(attend_num > 0),"
    " attend_den INTEGER NOT NULL CHECK(attend_den >= attend_num),"
    " attend_strict INTEGER NOT NULL CHECK(attend_strict IN (0,1)),"
    " special_num INTEGER NOT NULL CHECK(special_num > 0),"
    " special_den INTEGER NOT NULL CHECK(special_den >= special_num),"
    " record_names INTEGER NOT NULL DEFAULT 0 CHECK(record_names IN (0,1)),"
    " frequency TEXT," /* how often it meets: "thường kỳ 3 tháng một lần" */
    " document_id INTEGER REFERENCES document(id),"
    " note TEXT,"
    " UNIQUE(organ_id, effective_from));"

    /* Who was invited to a session, and when each invitation went out. */
    "CREATE TABLE sw_invitation("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " person_id INTEGER REFERENCES person(id),"
    " unit_id INTEGER REFERENCES unit(id),"
    " role TEXT NOT NULL CHECK(role IN ('member','guest')),"
    " note TEXT,"
    " sent_at TEXT, channel TEXT,"
    " CHECK(person_id IS NOT NULL OR unit_id IS NOT NULL));"
    "CREATE UNIQUE INDEX sw_invitation_person ON sw_invitation(session_id, person_id)"
    " WHERE person_id IS NOT NULL;"
    "CREATE UNIQUE INDEX sw_invitation_unit ON sw_invitation(session_id, unit_id)"
    " WHERE person_id IS NULL;"

    "CREATE TABLE sw_attendance("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " person_id INTEGER NOT NULL REFERENCES person(id),"
    " status TEXT NOT NULL CHECK(status IN ('present','absent','delegated')),"
    " reason TEXT,"   /* why absent */
    " delegate TEXT," /* who attended in the member's place */
    " UNIQUE(session_id, person_id));"

    /* One vote per agenda item, with the counts and the rule it was judged by. */
    "CREATE TABLE sw_vote("
    " id INTEGER PRIMARY KEY,"
    " agenda_item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_item(id) ON DELETE CASCADE,"
    " binding INTEGER NOT NULL CHECK(binding IN (0,1)),"
    " special INTEGER NOT NULL CHECK(special IN (0,1)),"
    " n_for INTEGER NOT NULL CHECK(n_for >= 0),"
    " n_against INTEGER NOT NULL CHECK(n_against >= 0),"
    " n_abstain INTEGER NOT NULL CHECK(n_abstain >= 0),"
    " members INTEGER NOT NULL, present INTEGER NOT NULL,"
    " regulation_id INTEGER REFERENCES sw_regulation(id)," /* NULL: the default rule */
    " passed INTEGER NOT NULL CHECK(passed IN (0,1)),"
    " wording TEXT NOT NULL," /* the office's words: nhất trí, cơ bản nhất trí */
    " recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE sw_vote_name("
    " vote_id INTEGER NOT NULL REFERENCES sw_vote(id) ON DELETE CASCADE,"
    " person_id INTEGER NOT NULL REFERENCES person(id),"
    " choice TEXT NOT NULL CHECK(choice IN ('for','against','abstain')),"
    " PRIMARY KEY(vote_id, person_id));"

    /* Versions of a draft as comments are taken in; version 1 is the draft as tabled. */
    "CREATE TABLE sw_doc_version("
    " id INTEGER PRIMARY KEY,"
    " document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " version INTEGER NOT NULL CHECK(version > 0),"
    " text TEXT NOT NULL,"
    " note TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " UNIQUE(document_id, version));"

    /*
     * A comment on a draft and the office's response. It is a member's, or a
     * group's when the record names no one ("các đồng chí Ủy viên Ban Chấp
     * hành cho ý kiến trực tiếp").
     */
    "CREATE TABLE sw_comment("
    " id INTEGER PRIMARY KEY,"
    " document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
    " session_id INTEGER REFERENCES session(id),"
    " person_id INTEGER REFERENCES person(id),"
    " author_unit_id INTEGER REFERENCES unit(id),"
    " paragraph TEXT," /* "mục 2, đoạn 3"; NULL: the whole document */
    " on_version INTEGER NOT NULL DEFAULT 1,"
    " content TEXT NOT NULL,"
    " response TEXT CHECK(response IN ('tiep_thu','giai_trinh','khong_tiep_thu')),"
    " response_text TEXT,"
    " responder_unit_id INTEGER REFERENCES unit(id),"
    " revised_version INTEGER," /* the version that took it in */
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " CHECK(person_id IS NOT NULL OR author_unit_id IS NOT NULL));"
    "CREATE INDEX sw_comment_doc ON sw_comment(document_id);"

    /* Questioning (chất vấn), plain questions and recommendations at a session. */
    "CREATE TABLE sw_question("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL CHECK(kind IN ('chat_van','hoi','kien_nghi')),"
    " questioner_id INTEGER NOT NULL REFERENCES person(id),"
    " target TEXT NOT NULL CHECK(target IN ('none','bch','btv','tt','ubkt','member')),"
    " respondent_organ_id INTEGER REFERENCES organ(id),"
    " respondent_person_id INTEGER REFERENCES person(id),"
    " content TEXT NOT NULL,"
    " answer TEXT, judgement TEXT,"
    " stage TEXT NOT NULL DEFAULT 'asked' CHECK(stage IN "
    "('asked','answered','accepted','returned','verifying','concluded','handled')),"
    " verification TEXT, conclusion TEXT, handling TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX sw_question_session ON sw_question(session_id);"

    /* Minutes (biên bản): drafted, edited, approved, then locked here too. */
    "CREATE TABLE sw_minutes("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL UNIQUE REFERENCES session(id) ON DELETE CASCADE,"
    " text TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','approved')),"
    " revision INTEGER NOT NULL DEFAULT 1,"
    " approved_by INTEGER REFERENCES person(id), approved_at TEXT,"
    " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TRIGGER sw_minutes_locked BEFORE UPDATE ON sw_minutes WHEN OLD.status = 'approved'"
    " BEGIN SELECT RAISE(ABORT, 'approved minutes are locked'); END;"
    "CREATE TRIGGER sw_minutes_nodelete BEFORE DELETE ON sw_minutes WHEN OLD.status = 'approved'"
    " BEGIN SELECT RAISE(ABORT, 'approved minutes are locked'); END;"

    /* An agenda item not concluded, moved to a following session. */
    "CREATE TABLE sw_carry("
    " id INTEGER PRIMARY KEY,"
    " from_item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_item(id),"
    " to_item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_item(id),"
    " reason TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"

    /*
     * Work programmes (chương trình công tác toàn khóa, năm) of an organ. Each
     * revision keeps its date and reason; a topic lives from the revision that
     * added it until the one that dropped it, so every revision can be shown.
     */
    "CREATE TABLE sw_programme("
    " id INTEGER PRIMARY KEY,"
    " organ_id INTEGER NOT NULL REFERENCES organ(id),"
    " term_id INTEGER NOT NULL REFERENCES term(id),"
    " scope TEXT NOT NULL CHECK(scope IN ('toan_khoa','nam')),"
    " year INTEGER NOT NULL DEFAULT 0," /* 0 for toàn khóa */
    " title TEXT NOT NULL,"
    " UNIQUE(organ_id, term_id, scope, year));"
    "CREATE TABLE sw_programme_rev("
    " id INTEGER PRIMARY KEY,"
    " programme_id INTEGER NOT NULL REFERENCES sw_programme(id) ON DELETE CASCADE,"
    " revision INTEGER NOT NULL CHECK(revision > 0),"
    " effective_from TEXT NOT NULL,"
    " document_id INTEGER REFERENCES document(id),"
    " note TEXT,"
    " UNIQUE(programme_id, revision));"
    "CREATE TABLE sw_programme_topic("
    " id INTEGER PRIMARY KEY,"
    " programme_id INTEGER NOT NULL REFERENCES sw_programme(id) ON DELETE CASCADE,"
    " title TEXT NOT NULL,"
    " year INTEGER, quarter INTEGER CHECK(quarter BETWEEN 1 AND 4),"
    " session_number INTEGER CHECK(session_number > 0),"
    " unit_id INTEGER REFERENCES unit(id)," /* the unit that prepares it */
    " added_rev INTEGER NOT NULL, dropped_rev INTEGER,"
    " done_item_id INTEGER REFERENCES agenda_item(id));"
    "CREATE INDEX sw_programme_topic_prog ON sw_programme_topic(programme_id);";
