/* db_fts.h: the SQLite backend's full-text search tokenizer ('dondoc', folding by vn_fold). */
#pragma once

#include <sqlite3.h>

/* Registers the tokenizer on a connection; an SQLite result code. */
int db_fts_register(sqlite3 *h);
