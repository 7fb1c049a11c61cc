/* reg_int.h: what the registry's files (registry.c, reg_session.c, reg_doc.c) share. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"
#include "util/err.h"

#define NAME_MAX_BYTES 1000
#define TEXT_MAX_BYTES (16u << 20)
#define SCRATCH_MAX (32u << 20)

bool reg_blank(const char *s);
int reg_norm_text(struct arena *a, const char *s, const char *what, bool required, size_t max,
		  const char **ret, struct err *e);
int reg_fold_text(struct arena *a, const char *s, const char **ret, struct err *e);
int reg_norm_date(struct arena *a, const char *s, const char *what, const char **ret,
		  struct err *e);
int reg_lookup_result(struct db *db, int r, struct err *e, const char *what);
int reg_run_insert(struct db *db, struct db_q *q, int64_t *ret_id, struct err *e,
		   const char *exists_msg);
bool reg_in_list(const char *s, const char *const *list);
int reg_index_of(const char *s, const char *const *list);
