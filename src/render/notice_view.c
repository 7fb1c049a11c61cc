/* notice_view.c: maps a bound conclusion notice onto the format-neutral document view. */
#include "render/notice_view.h"

#include <string.h>

#include "core/read/tx.h"

int notice_view(const struct notice_doc *d, const struct fmt_profile *p, struct arena *a,
		struct docview *v, struct err *e)
{
	struct dv_block *blocks;
	bool state = strcmp(p->family, "state") == 0;

	memset(v, 0, sizeof(*v));
	blocks = arena_alloc(a, sizeof(*blocks) * (d->nparas + 1));
	if (!blocks)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < d->nparas; i++) {
		const struct notice_para *np = &d->paras[i];
		struct dv_run *runs;

		if (np->rule) {
			blocks[i].kind = DV_RULE;
			continue;
		}
		runs = arena_alloc(a, sizeof(*runs) * (np->nruns ? np->nruns : 1));
		if (!runs)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		for (size_t k = 0; k < np->nruns; k++) {
			runs[k].text = np->runs[k].text;
			runs[k].style = (np->runs[k].style & NOTICE_BOLD ? DV_BOLD : 0) |
					(np->runs[k].style & NOTICE_ITALIC ? DV_ITALIC : 0);
		}
		blocks[i].kind = DV_PARA;
		blocks[i].align = DV_JUSTIFY;
		blocks[i].runs = runs;
		blocks[i].nruns = np->nruns;
	}
	v->profile = p;
	v->superior = d->superior;
	v->issuer = d->issuer;
	v->star = !state;
	v->number = d->number_line;
	v->motto = state ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "ĐẢNG CỘNG SẢN VIỆT NAM";
	v->motto_sub = state ? "Độc lập - Tự do - Hạnh phúc" : NULL;
	v->place_date = d->place_date;
	v->pdf_date = d->issued_at;
	v->type_name = d->title;
	v->summary = d->summary;
	v->blocks = blocks;
	v->nblocks = d->nparas;
	v->recipients = d->recipients;
	v->nrecipients = d->nrecipients;
	v->sig_authority = d->sig_authority;
	v->sig_position = d->sig_position;
	v->sig_name = d->sig_name;
	v->title =
	    d->summary ? arena_printf(a, "%s %s", d->title ? d->title : "", d->summary) : d->title;
	return 0;
}

int notice_issued_pdf(struct db *db, int64_t id, struct arena *a, struct notice_record *ret,
		      struct err *e)
{
	struct buf pdf = BUF_INIT(64u << 20);
	struct notice_doc doc;
	struct docview v;
	int r;

	r = notice_issued_get(db, id, a, ret, e);
	if (r != ERR_NOTFOUND)
		return r;
	r = notice_load(db, id, a, NULL, &doc, e);
	if (r == 0 && !doc.issued_at)
		r = err_set(e, ERR_INVAL,
			    "thông báo số %lld chưa ban hành: chưa có bản PDF ban hành",
			    (long long)id);
	if (r == 0)
		r = notice_view(&doc, doc.profile_data, a, &v, e);
	if (r == 0)
		r = dv_render_pdf(&v, &pdf, e);
	if (r == 0)
		r = notice_issued_store(db, id, (struct notice_blob){pdf.data, pdf.len}, e);
	buf_free(&pdf);
	if (r == 0)
		r = notice_issued_get(db, id, a, ret, e);
	return r;
}

int notice_issue_with_pdf(struct db *db, int64_t id, const struct notice_issue_in *in,
			  struct arena *a, struct err *e)
{
	struct notice_record rec;
	int r = tx_begin(db, e);

	if (r < 0)
		return r;
	r = notice_issue(db, id, in, e);
	if (r == 0)
		r = notice_issued_pdf(db, id, a, &rec, e);
	return tx_end(db, r, e);
}
