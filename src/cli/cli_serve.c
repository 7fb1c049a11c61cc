/* cli_serve.c: 'dondoc serve': runs the web application until SIGTERM or SIGINT. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/http.h"
#include "render/docview.h"
#include "web/web.h"
#include "util/log.h"

int cli_serve(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"listen", required_argument, NULL, 'l'},
	    {"threads", required_argument, NULL, 't'},
	    {"tls-cert", required_argument, NULL, 'c'},
	    {"tls-key", required_argument, NULL, 'k'},
	    {"trusted-proxy", required_argument, NULL, 'p'},
	    {NULL, 0, NULL, 0},
	};
	struct http_config cfg = {.app = &web_app, .listen = "127.0.0.1:8080", .threads = 4};
	const char *proxies[HTTP_MAX_TRUSTED_PROXIES];
	const char *scheme;
	struct http_server *s = NULL;
	struct db *db;
	long long threads;
	sigset_t set;
	int ch, sig, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			cfg.listen = optarg;
			break;
		case 't':
			r = cli_parse_id(c, "số luồng (--threads)", optarg, &threads);
			if (r < 0)
				return r;
			if (threads > 256)
				return cli_usage(c, "--threads tối đa 256");
			cfg.threads = (int)threads;
			break;
		case 'c':
			cfg.tls_cert = optarg;
			break;
		case 'k':
			cfg.tls_key = optarg;
			break;
		case 'p':
			if (cfg.ntrusted_proxies == HTTP_MAX_TRUSTED_PROXIES)
				return cli_usage(c, "--trusted-proxy: tối đa %d lần",
						 HTTP_MAX_TRUSTED_PROXIES);
			proxies[cfg.ntrusted_proxies++] = optarg;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
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
