/* db_fts.h: the SQLite backend's full-text search tokenizer ('dondoc', folding by vn_fold) and rank function. */
#pragma once

#include <sqlite3.h>

/*
 * Registers on a connection the tokenizer and dondoc_rank(table), bm25 whose
 * cost grows with the rows scored, not with the rows that match; an SQLite
 * result code.
 */
int db_fts_register(sqlite3 *h);
