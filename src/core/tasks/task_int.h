/* task_int.h: what the tasks' files (task.c, task_stats.c) share. */
#pragma once

#include <stdint.h>

#include "core/tasks/task.h"
#include "db/db.h"
#include "util/arena.h"

/* Where a task comes from: its document's or session's date and body. */
struct task_source {
	char date[11];
	int64_t body_id;
	char session_date[11]; /* a document: the date of the session its notice concludes */
};

/* The date and body of a source document (SQL_TASK_DOC_INFO) or session (SQL_TASK_SESSION_INFO). */
int task_source_info(struct db *db, enum db_stmt id, int64_t key, struct task_source *ret);
/* "Thông báo kết luận số 512-TB/HU" (a document's type and symbol), its title in *ret_title when asked; arena memory, NULL when unknown. */
const char *task_doc_label(struct db *db, struct arena *a, int64_t doc, const char **ret_title);
/* "Kết luận phiên họp thứ 26 của … ngày …" for a session; arena memory, NULL when unknown. */
const char *task_session_label(struct db *db, struct arena *a, int64_t sid);
