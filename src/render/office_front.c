/* office_front.c: DOCX and XLSX output, called through the dondoc-office module. */
#include "render/office_mod.h"

static int office(const struct office_mod **ret, struct err *e)
{
	const void *t;
	int r = mod_get(MOD_OFFICE, &t, e);

	if (r == 0)
		*ret = t;
	return r;
}

int dv_render_docx(const struct docview *v, struct buf *out, struct err *e)
{
	const struct office_mod *m = NULL;
	int r = office(&m, e);

	return r < 0 ? r : m->docx_render(v, out, e);
}

int followup_xlsx(const struct task_followup *f, const char *path, struct err *e)
{
	const struct office_mod *m = NULL;
	int r = office(&m, e);

	return r < 0 ? r : m->followup_xlsx(f, path, e);
}

int ind_table_xlsx(const struct ind_report *r, const char *path, struct err *e)
{
	const struct office_mod *m = NULL;
	int rc = office(&m, e);

	return rc < 0 ? rc : m->ind_table_xlsx(r, path, e);
}
