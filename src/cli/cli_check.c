/* cli_check.c: 'dondoc check': verifies the store's audit chain and that every table is audited. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/audit.h"

int cli_check(struct cli *c, int argc, char **argv)
{
	struct audit_report rep = {0};
	struct db *db;
	int r;

	if (argc != 1)
		return cli_usage(c, "thừa tham số: '%s'", argv[1]);
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = audit_verify(db, &rep, &c->err);
	if (c->json) {
		json_t *j = json_pack("{s:b, s:I, s:I, s:i, s:s}", "ok", r == 0, "audit_entries",
				      (json_int_t)rep.entries, "first_broken",
				      (json_int_t)rep.first_bad, "unaudited_tables", rep.unguarded,
				      "message", r == 0 ? "" : err_msg(&c->err, r));
		int w = cli_json(c, j);

		return r < 0 ? r : w;
	}
	if (r < 0)
		return r;
	fprintf(c->out, "nhật ký kiểm tra: %lld bản ghi, chuỗi băm nguyên vẹn\n",
		(long long)rep.entries);
	return 0;
}
