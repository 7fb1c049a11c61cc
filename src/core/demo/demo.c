/* demo.c: the demo's parts, run in order in one transaction; adding a part is one line. */
#include "core/demo/demo.h"
#include "db/db.h"

#include <stddef.h>

/* registry */
#include "core/demo/demo_registry.h"
/* tasks */
#include "core/demo/demo_tasks.h"
/* sessionwork */
#include "core/sessionwork/sessionwork.h"

struct demo_part {
	const char *name;
	int (*fill)(struct db *db, struct err *e);
};

/* Each module's demo filler; they run in this order and may use what came before. */
static const struct demo_part demo_parts[] = {
    /* registry */
    {"registry", demo_registry},
    /* indicators */
    {"indicators", demo_indicators},
    /* sessionwork */
    {"sessionwork", demo_sessionwork},
    /* notice */
    {"notice", demo_notice_fill},
    /* import */
    /* tasks */
    {"tasks", demo_tasks},
    /* web */
    {"web", demo_web},
    {NULL, NULL},
};

int demo_create(struct db *db, struct err *e)
{
	int64_t nbodies = 0;
	int r;

	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_BODY_COUNT, &nbodies, "");
	if (r < 0)
		r = db_err(db, e, r, "tạo dữ liệu mẫu thất bại");
	else if (nbodies > 0)
		r = err_set(e, ERR_EXISTS,
			    "cơ sở dữ liệu đã có dữ liệu; dùng 'dondoc init --demo --force' "
			    "để tạo lại từ đầu");
	for (const struct demo_part *p = demo_parts; r == 0 && p->fill; p++)
		r = p->fill(db, e);
	return db_end(db, r, e);
}
