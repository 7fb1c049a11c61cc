/* cli_init.c: 'dondoc init': create or upgrade the store, optionally with the demo. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/demo/demo.h"

const struct cli_spec cli_init_spec = {
    .opts = (const struct cli_optdef[]){{"demo", CLI_FLAG, 0, NULL, "nạp dữ liệu mẫu Tân Yên"},
					{"force", CLI_FLAG, 0, NULL,
					 "xóa kho cũ trước (khóa nhật ký giữ lại)"},
					{NULL}},
};

int cli_init(struct cli *c, const struct cli_args *args)
{
	bool demo = cli_flag(args, "demo"), force = cli_flag(args, "force");
	int r;

	if (force) {
		/* The store, its WAL and its anchor go; its audit key stays. */
		r = db_remove(c->db_path, false, &c->err);
		if (r < 0)
			return r;
	}
	r = db_open(c->db_path, DB_CREATE, &c->db, &c->err);
	if (r < 0)
		return r;
	if (demo) {
		r = demo_create(c->db, &c->err);
		if (r < 0)
			return r;
	}
	if (c->json) {
		return cli_json(c, json_pack("{s:s, s:i, s:b}", "db", db_path(c->db),
					     "schema_version", db_version(c->db), "demo", demo));
	}
	fprintf(c->out, "%s: lược đồ phiên bản %d%s\n", db_path(c->db), db_version(c->db),
		demo ? ", đã nạp dữ liệu mẫu Tân Yên" : "");
	return 0;
}
