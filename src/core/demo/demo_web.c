/* demo_web.c: the demo's accounts, one per role, with the passwords 'make run' prints. */
#include "core/accounts/account.h"
#include "db/db.h"
#include <stdio.h>
#include <string.h>

#include "core/demo/demo.h"

/* The demo's logins; each password is "demo-" followed by the login. */
static const struct {
	const char *login, *name, *role;
} demo_accounts[] = {
    {"admin", "Quản trị hệ thống", "admin"},
    {"vanphong", "Văn phòng Huyện ủy", "office"},
    {"uyvien", "Ủy viên Ban Thường vụ", "member"},
    {"xem", "Người xem", "viewer"},
};

int demo_web(struct db *db, struct err *e)
{
	char pw[64];
	int64_t unit = 0, body = 0, commune = 0;
	int r;

	/* Everyone but the administrator works on the demo's district committee. */
	if (db_query_int(db, SQL_WEB_DEMO_BODY, &body, "") < 0)
		body = 0;
	for (size_t i = 0; i < sizeof(demo_accounts) / sizeof(demo_accounts[0]); i++) {
		snprintf(pw, sizeof(pw), "demo-%s", demo_accounts[i].login);
		r = account_insert(
		    db, demo_accounts[i].login, demo_accounts[i].name, demo_accounts[i].role, 0,
		    &body, body && strcmp(demo_accounts[i].role, "admin") != 0, pw, NULL, e);
		if (r < 0)
			return r;
	}
	/* The office of the commune Liên Sơn, which the district passes tasks down to. */
	if (db_query_int(db, SQL_WEB_DEMO_COMMUNE, &commune, "") == 0 && commune > 0) {
		r = account_insert(db, "lienson", "Văn phòng Đảng ủy xã Liên Sơn", "office", 0,
				   &commune, 1, "demo-lienson", NULL, e);
		if (r < 0)
			return r;
	}
	/* The unit reporter: the first unit the demo has, when it has one. */
	if (db_query_int(db, SQL_WEB_DEMO_UNIT, &unit, "") == 0 && unit > 0) {
		r = account_insert(db, "donvi", "Đơn vị báo cáo", "reporter", unit, &body,
				   body != 0, "demo-donvi", NULL, e);
		if (r < 0)
			return r;
	}
	return 0;
}
