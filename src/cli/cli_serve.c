/* cli_serve.c: 'dondoc serve': runs the web application until SIGTERM or SIGINT. */
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/db.h"
#include "http/http.h"
#include "render/docview.h"
#include "web/web.h"
#include "util/log.h"

const struct cli_spec cli_serve_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"listen", CLI_TEXT, 0, "ADDR:PORT", "địa chỉ nghe (mặc định 127.0.0.1:8080)"},
	    {"threads", CLI_ID, 0, "N",
	     "số luồng (mặc định bằng số nhân CPU, từ 2 đến 4; tối đa 256)"},
	    {"tls-cert", CLI_TEXT, 0, "FILE", "chứng chỉ HTTPS (cùng --tls-key)"},
	    {"tls-key", CLI_TEXT, 0, "FILE", "khóa bí mật HTTPS"},
	    {"trusted-proxy", CLI_TEXT, CLI_MANY, "ADDR[,ADDR]",
	     "proxy tin cậy cho X-Forwarded-For/-Proto"},
	    {"db-mmap", CLI_TEXT, 0, "MiB",
	     "mỗi kết nối ánh xạ tối đa chừng này MiB của tệp dữ liệu (mặc định 0: không ánh xạ; "
	     "hoặc DONDOC_DB_MMAP)"},
	    {"db-cache", CLI_TEXT, 0, "KiB",
	     "bộ đệm trang của mỗi kết nối (mặc định 1024 KiB; hoặc DONDOC_DB_CACHE)"},
	    {"heap-limit", CLI_TEXT, 0, "MiB",
	     "quá mức này SQLite trả bớt bộ đệm trước khi xin thêm bộ nhớ (mặc định 32 MiB, 0: "
	     "không giới hạn; hoặc DONDOC_HEAP_LIMIT)"},
	    {NULL}},
    .note = "HTTPS cần cả --tls-cert và --tls-key.",
};

/*
 * A memory size from option name, else from environment variable env, else
 * def: a whole number from 0 to max; ERR_USAGE naming where it came from.
 */
static int serve_size(struct cli *c, const struct cli_args *args, const char *name, const char *env,
		      int64_t def, int64_t max, int64_t *ret)
{
	const char *v = cli_opt(args, name);
	const char *from = v ? name : env;
	char *end = NULL;
	long long n;

	if (!v)
		v = getenv(env);
	if (!v || !*v) {
		*ret = def;
		return 0;
	}
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || *end || n < 0 || n > max || !(*v >= '0' && *v <= '9'))
		return cli_usage(c, "%s%s: '%s' không phải số nguyên từ 0 đến %lld",
				 v == cli_opt(args, name) ? "--" : "", from, v, (long long)max);
	*ret = n;
	return 0;
}

/*
 * The server's defaults keep its memory small: a page cache of 1 MiB per
 * connection (the system's file cache holds the rest of the store), and one
 * worker per processor, from 2 to 4, each with its connection.
 */
#define SERVE_CACHE_DEFAULT_KIB 1024

static int serve_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 2 ? 2 : n > 4 ? 4 : (int)n;
}

int cli_serve(struct cli *c, const struct cli_args *args)
{
	struct http_config cfg = {
	    .app = &web_app, .listen = "127.0.0.1:8080", .threads = serve_threads()};
	const char *proxies[HTTP_MAX_TRUSTED_PROXIES];
	const char *scheme;
	char *shown;
	struct http_server *s = NULL;
	struct db *db;
	size_t nproxies;
	sigset_t set;
	int64_t heap;
	int sig, r;

	if (cli_opt(args, "listen"))
		cfg.listen = cli_opt(args, "listen");
	if (cli_flag(args, "threads")) {
		if (cli_opt_id(args, "threads") > 256)
			return cli_usage(c, "--threads tối đa 256");
		cfg.threads = (int)cli_opt_id(args, "threads");
	}
	cfg.tls_cert = cli_opt(args, "tls-cert");
	cfg.tls_key = cli_opt(args, "tls-key");
	nproxies = cli_opt_all(args, "trusted-proxy", proxies, HTTP_MAX_TRUSTED_PROXIES);
	if (nproxies > HTTP_MAX_TRUSTED_PROXIES)
		return cli_usage(c, "--trusted-proxy: tối đa %d lần", HTTP_MAX_TRUSTED_PROXIES);
	cfg.ntrusted_proxies = (int)nproxies;
	if (!cfg.tls_cert != !cfg.tls_key)
		return cli_usage(
		    c, "HTTPS cần cả --tls-cert TỆP và --tls-key TỆP (hoặc không cái nào)");
	cfg.trusted_proxies = proxies;
	r = serve_size(c, args, "db-mmap", "DONDOC_DB_MMAP", DB_MMAP_DEFAULT_MIB, DB_MEMORY_MAX_MIB,
		       &cfg.db_mmap_mib);
	if (r == 0)
		r = serve_size(c, args, "db-cache", "DONDOC_DB_CACHE", SERVE_CACHE_DEFAULT_KIB,
			       DB_MEMORY_MAX_MIB * 1024, &cfg.db_cache_kib);
	if (r == 0)
		r = serve_size(c, args, "heap-limit", "DONDOC_HEAP_LIMIT", DB_HEAP_DEFAULT_MIB,
			       DB_MEMORY_MAX_MIB, &heap);
	if (r == 0 && cfg.db_cache_kib == 0)
		r = cli_usage(c, "--db-cache phải lớn hơn 0 KiB");
	if (r < 0)
		return r;
	db_heap_limit(heap);
	/*
	 * A fixed threshold (glibc otherwise raises it after each large free):
	 * every block of 128 KiB or more, a large request's arena chunks among
	 * them, is mapped apart and returned to the system when freed.
	 */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	/* Opening here brings the schema up to date once, before any worker connects. */
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	/*
	 * Each worker opens its own connection; this one would only keep its
	 * parsed schema (about 1 MiB) and page cache for the server's life.
	 */
	db_close(db);
	c->db = NULL;
	cfg.db_path = c->db_path;
	/* Workers inherit the blocked set, so only sigwait() below sees these. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	r = http_start(&cfg, &s, &c->err);
	if (r < 0)
		return r;
	scheme = http_tls(s) ? "https" : "http";
	shown = db_address_shown(c->db_path);
	log_info("phục vụ tại %s://%.*s:%u (cơ sở dữ liệu %s, %d luồng)", scheme,
		 (int)(strrchr(cfg.listen, ':') - cfg.listen), cfg.listen, http_port(s),
		 shown ? shown : "?", cfg.threads);
	free(shown);
	fprintf(c->out, "%s://%.*s:%u/\n", scheme, (int)(strrchr(cfg.listen, ':') - cfg.listen),
		cfg.listen, http_port(s));
	fflush(c->out);
	/*
	 * Each worker's malloc arena keeps the pages its requests freed; once a
	 * second they are given back to the system, so that memory after a burst
	 * of requests falls back to what the connections hold.
	 */
	for (;;) {
		struct timespec tick = {.tv_sec = 1};

		sig = sigtimedwait(&set, NULL, &tick);
		if (sig > 0)
			break;
		malloc_trim(0);
	}
	log_info("nhận tín hiệu %s, đang dừng", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	http_stop(s);
	/* The notice downloads rendered PDF: their font caches go with the process. */
	dv_render_release();
	return 0;
}
