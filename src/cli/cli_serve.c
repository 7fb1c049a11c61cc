/* cli_serve.c: 'dondoc serve': runs the web application until SIGTERM or SIGINT. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/http.h"
#include "render/docview.h"
#include "web/web.h"
#include "util/log.h"

const struct cli_spec cli_serve_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"listen", CLI_TEXT, 0, "ADDR:PORT", "địa chỉ nghe (mặc định 127.0.0.1:8080)"},
	    {"threads", CLI_ID, 0, "N", "số luồng (tối đa 256)"},
	    {"tls-cert", CLI_TEXT, 0, "FILE", "chứng chỉ HTTPS (cùng --tls-key)"},
	    {"tls-key", CLI_TEXT, 0, "FILE", "khóa bí mật HTTPS"},
	    {"trusted-proxy", CLI_TEXT, CLI_MANY, "ADDR[,ADDR]",
	     "proxy tin cậy cho X-Forwarded-For/-Proto"},
	    {NULL}},
    .note = "HTTPS cần cả --tls-cert và --tls-key.",
};

int cli_serve(struct cli *c, const struct cli_args *args)
{
	struct http_config cfg = {.app = &web_app, .listen = "127.0.0.1:8080", .threads = 4};
	const char *proxies[HTTP_MAX_TRUSTED_PROXIES];
	const char *scheme;
	struct http_server *s = NULL;
	struct db *db;
	size_t nproxies;
	sigset_t set;
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
	/* Opening here brings the schema up to date once, before any worker connects. */
	r = cli_db(c, &db);
	if (r < 0)
		return r;
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
	log_info("phục vụ tại %s://%.*s:%u (cơ sở dữ liệu %s, %d luồng)", scheme,
		 (int)(strrchr(cfg.listen, ':') - cfg.listen), cfg.listen, http_port(s), c->db_path,
		 cfg.threads);
	fprintf(c->out, "%s://%.*s:%u/\n", scheme, (int)(strrchr(cfg.listen, ':') - cfg.listen),
		cfg.listen, http_port(s));
	fflush(c->out);
	sigwait(&set, &sig);
	log_info("nhận tín hiệu %s, đang dừng", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	http_stop(s);
	/* The notice downloads rendered PDF: their font caches go with the process. */
	dv_render_release();
	return 0;
}
