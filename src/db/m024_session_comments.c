/* m024_session_comments.c: a session's comments read a page at a time by session and id. */
#include "db/migrations.h"

/*
 * The session's page and GET /api/v1/sessions/{id}/comments read its comments
 * in id order a page at a time, and count them: without this index each page
 * read every comment of every session.
 */
const char db_m024_session_comments[] =
    "CREATE INDEX sw_comment_session ON sw_comment(session_id, id);";

const char db_m024_session_comments_pg[] =
    "CREATE INDEX sw_comment_session ON sw_comment(session_id, id);";
