/* cli_reg.h: helpers shared by the registry's verbs: resolving arguments, JSON of registry records. */
#pragma once

#include <jansson.h>

#include "cli/cli.h"
#include "core/registry/registry.h"
#include "util/arena.h"

/* Memory for one verb's records. */
#define CLI_REG_ARENA (64u << 20)

/* A body by id ("3"), symbol code when unique ("HU"), or name ("Huyện ủy Tân Yên"). */
int cli_reg_body(struct cli *c, struct db *db, const char *arg, struct arena *a,
		 struct reg_body *ret);
/* A term of body_id by id or name ("XXII"); with body_id 0 only by id. */
int cli_reg_term(struct cli *c, struct db *db, int64_t body_id, const char *arg, struct arena *a,
		 struct reg_term *ret);
/* An organ by id, or "BODY:KIND" ("HU:bch"), or "BODY:NAME". */
int cli_reg_organ(struct cli *c, struct db *db, const char *arg, struct arena *a,
		  struct reg_organ *ret);
/* A strictly positive number. */
int cli_reg_int(struct cli *c, const char *what, const char *arg, long long max, long long *ret);

/* Begins a write transaction for a verb; on failure fills c->err. */
int cli_reg_begin(struct cli *c, struct db *db);
/* Commits r == 0, else rolls back; returns r (or the commit's error). */
int cli_reg_end(struct cli *c, struct db *db, int r);

/* Sets key to s, or to null for NULL; keeps going on allocation failure (cli_json reports). */
void cli_reg_jstr(json_t *o, const char *key, const char *s);

json_t *cli_reg_json_body(const struct reg_body *b);
json_t *cli_reg_json_term(const struct reg_term *t);
json_t *cli_reg_json_organ(const struct reg_organ *o);
json_t *cli_reg_json_unit(const struct reg_unit *u);
json_t *cli_reg_json_doc(const struct reg_doc *d);
/* A session with its organ, term and agenda items. */
int cli_reg_json_session(struct cli *c, struct db *db, const struct reg_session *s, struct arena *a,
			 json_t **ret);
