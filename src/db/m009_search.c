/* m009_search.c: the search index also holds tasks, conclusion notices and comments. */
#include "db/migrations.h"

/*
 * The rows already in the store; from now on the connection's TEMP triggers
 * (stmt_web.def) keep them current. rowid = id * 8 + kind: 3 task, 4 notice,
 * 5 comment. A notice is as secret as the document it was registered as; a
 * comment as the draft it is on, and found through its session.
 */
const char db_m009_search[] =
    "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret)"
    " SELECT id * 8 + 3, content, NULL, 'task', id, body_id, 0 FROM task;"
    "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret)"
    " SELECT n.id * 8 + 4, trim(coalesce(n.symbol, '') || ' Thông báo kết luận'),"
    " coalesce(n.issued_text, n.template), 'notice', n.id, n.body_id,"
    " coalesce((SELECT d.confidentiality <> 'thuong' FROM document d WHERE d.id = n.document_id),"
    " 0) FROM notice n;"
    "INSERT INTO search_fts(rowid, title, content, kind, ref, body_id, secret)"
    " SELECT c.id * 8 + 5, coalesce(c.paragraph, 'Ý kiến góp ý'),"
    " c.content || coalesce(' ' || c.response_text, ''), 'comment', c.session_id, o.body_id,"
    " d.confidentiality <> 'thuong' FROM sw_comment c JOIN document d ON d.id = c.document_id"
    " JOIN session s ON s.id = c.session_id JOIN organ o ON o.id = s.organ_id;";
