/* m005_tasks.c: schema of tasks, their units, timeline, attachments and reminders sent. */
#include "db/migrations.h"

/*
 * Dates are ISO 8601 text (YYYY-MM-DD), so comparing them as text compares
 * them as dates. A task's status is never stored: it is derived from due,
 * completed_on and a reference date (core/tasks/task.c).
 */
const char db_m005_tasks[] =
    /* A task assigned by a body, from a document's section, a session or by hand. */
    "CREATE TABLE task("
    " id INTEGER PRIMARY KEY,"
    " parent_id INTEGER REFERENCES task(id)," /* sub-task of */
    " body_id INTEGER REFERENCES body(id),"   /* the assigning body */
    " source_doc_id INTEGER REFERENCES document(id),"
    " source_session_id INTEGER REFERENCES session(id),"
    " section TEXT," /* section of the source: "2", "II.3" */
    " content TEXT NOT NULL,"
    " assigned_on TEXT NOT NULL,"
    " deadline_kind TEXT NOT NULL DEFAULT 'none' CHECK(deadline_kind IN "
    "('none','date','period','span','standing')),"
    " deadline_text TEXT," /* as written: 02 tháng tới, quý IV/2023, thường xuyên */
    " due TEXT,"	   /* resolved last day; NULL for none and standing */
    " cycle TEXT CHECK(cycle IS NULL OR cycle IN ('month','quarter','half','year')),"
    " report_to TEXT,"				     /* Thường trực Huyện ủy */
    " follower_unit_id INTEGER REFERENCES unit(id)," /* the office following it up */
    " lower_body_id INTEGER REFERENCES body(id),"    /* assigned down to a lower body */
    " state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open','close_requested','done')),"
    " completed_on TEXT,"
    " last_report_on TEXT,"
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " content_fold TEXT NOT NULL DEFAULT '',"
    " CHECK(completed_on IS NULL OR completed_on >= assigned_on));"
    "CREATE INDEX task_source ON task(source_doc_id);"
    "CREATE INDEX task_parent ON task(parent_id);"
    "CREATE INDEX task_open_due ON task(due) WHERE completed_on IS NULL;"
    /* Covers the statistics scans, so they never read the task rows. */
    "CREATE INDEX task_stats ON task(body_id, source_doc_id, due, completed_on, deadline_kind);"

    /* Units a task is given to: lead (chủ trì) or co-ordinating (phối hợp). */
    "CREATE TABLE task_unit("
    " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " unit_id INTEGER NOT NULL REFERENCES unit(id),"
    " role TEXT NOT NULL CHECK(role IN ('lead','coord')),"
    " PRIMARY KEY(unit_id, task_id)) WITHOUT ROWID;"
    "CREATE INDEX task_unit_task ON task_unit(task_id);"

    /* The timeline: assignment, progress reports, requests to close, confirmations. */
    "CREATE TABLE task_event("
    " id INTEGER PRIMARY KEY,"
    " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL CHECK(kind IN "
    "('created','report','close_request','confirmed','sent_back')),"
    " on_date TEXT NOT NULL,"
    " unit_id INTEGER REFERENCES unit(id)," /* who reported */
    " text TEXT,"
    " result TEXT," /* result or product */
    " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX task_event_task ON task_event(task_id, on_date);"

    /* Files attached to a report, by reference (path or URL), never copied in. */
    "CREATE TABLE task_attachment("
    " id INTEGER PRIMARY KEY,"
    " event_id INTEGER NOT NULL REFERENCES task_event(id) ON DELETE CASCADE,"
    " ref TEXT NOT NULL);"
    "CREATE INDEX task_attachment_event ON task_attachment(event_id);"

    /* Reminder events already mailed, so that none is sent twice. */
    "CREATE TABLE task_reminder("
    " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
    " unit_id INTEGER NOT NULL REFERENCES unit(id)," /* the digest's recipient */
    " event TEXT NOT NULL," /* truoc_han:2023-12-04, qua_han:…, thieu_bao_cao:2023-10 */
    " sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " PRIMARY KEY(task_id, unit_id, event)) WITHOUT ROWID;";
