/* cli_init.c: 'dondoc init': create or upgrade the store, optionally with the demo. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/demo.h"

static int remove_store(struct cli *c)
{
	/* The store, its WAL, and the anchor of its audit log (the key stays). */
	static const char *const suffixes[] = {"", "-wal", "-shm", ".anchor"};
	char path[4096];

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s%s", c->db_path, suffixes[i]) >=
		    sizeof(path))
			return err_set(&c->err, ERR_USAGE, "đường dẫn quá dài: %s", c->db_path);
		if (unlink(path) != 0 && access(path, F_OK) == 0)
			return err_set(&c->err, ERR_IO, "%s: không xóa được tệp cũ", path);
	}
	return 0;
}

int cli_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"demo", no_argument, NULL, 'd'},
	    {"force", no_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	bool demo = false, force = false;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			demo = true;
			break;
		case 'f':
			force = true;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (force) {
		r = remove_store(c);
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
		return cli_json(c, json_pack("{s:s, s:i, s:b}", "db", c->db_path, "schema_version",
					     db_version(c->db), "demo", demo));
	}
	fprintf(c->out, "%s: lược đồ phiên bản %d%s\n", c->db_path, db_version(c->db),
		demo ? ", đã nạp dữ liệu mẫu Tân Yên" : "");
	return 0;
}
