/* notice.h: the conclusion notice: a template (docs/notice-template.md) bound to the store's data, checked and issued. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/notice/fmt.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "vn/date.h"
#include "vn/num.h"

struct db; /* the store (db/db.h), opaque here */

/* One indicator figure as a template reads it (see core/indicators/indicator.h for where it comes from). */
struct notice_fig {
	struct vn_dec value;
	bool has_plan, has_same;
	struct vn_dec plan, same;
	const char *parts_msg; /* set when its components do not add up to it: the finding */
};

/* One agenda item as the notice speaks of it ({{item N}}). */
struct notice_item {
	const char *title; /* "Báo cáo tình hình …": kind and title */
	bool voted, passed;
	int n_for, members;
};

/* One task the notice assigns, as {{tasks}} prints it. */
struct notice_task_line {
	const char *section; /* NULL or "" for none */
	const char *text;
};

/*
 * Everything a template is bound to. The store fills it (notice_ctx_load);
 * tests and benchmarks may fill it by hand. Strings are borrowed.
 */
struct notice_ctx {
	const char *session_number; /* "26" */
	const char *organ;	    /* Ban Chấp hành Đảng bộ huyện */
	const char *term;	    /* khóa XXII, nhiệm kỳ 2020-2025 */
	const char *term_name;	    /* XXII */
	const char *body_name;	    /* Huyện ủy Tân Yên */
	const char *body_code;	    /* HU */
	const char *place;	    /* Tân Yên */
	const char *superior; /* ĐẢNG BỘ TỈNH BẮC GIANG (header; a directive may replace it) */
	const char *issuer;	/* HUYỆN ỦY TÂN YÊN */
	const char *family;	/* "party" or "state" (from the profile) */
	const char *sign_forms; /* the profile's authority forms; NULL: T/M,K/T,T/L */
	const char *symbol;	/* 512-TB/HU once issued, else NULL */
	struct vn_date session_date, issue_date;
	const char *const *agenda; /* "Báo cáo tình hình …", in agenda order */
	size_t nagenda;
	const struct notice_item *items; /* the same items with their votes */
	size_t nitems;
	const struct notice_task_line *tasks; /* the notice's task rows, in order */
	size_t ntasks;
	const char
	    *questioning; /* the questioning paragraph; NULL: "Không có nội dung chất vấn." */
	const char *const *recipients; /* from the group named by @recipients, if loaded */
	size_t nrecipients;
	/* signer fixed at issuing; NULL: the template's @sign */
	const char *sig_form, *sig_body, *sig_position, *sig_name;
	const char *period; /* default period when the template has no @period */
	/*
	 * Looks a figure up: ERR_NOTFOUND (message in e) when there is none.
	 * plan is the baseline's name or NULL for the indicator's default.
	 */
	int (*figure)(void *arg, const char *code, const char *period, const char *plan,
		      struct notice_fig *ret, struct err *e);
	void *figure_arg;
};

enum notice_severity { NOTICE_WARN, NOTICE_ERROR };

/* A problem found in a template, at a 1-based line and column (code points). */
struct notice_msg {
	enum notice_severity sev;
	int line, col;
	const char *kind; /* "syntax", "unresolved", "contradiction", "percent" */
	const char *text; /* Vietnamese */
};

enum { NOTICE_BOLD = 1, NOTICE_ITALIC = 2 };

struct notice_run {
	const char *text;
	unsigned style;
};

struct notice_para {
	bool rule; /* the "---" line */
	struct notice_run *runs;
	size_t nruns;
};

/* A bound notice: all text resolved; arena memory. */
struct notice_doc {
	const char *type_code; /* TB */
	const char *title;     /* THÔNG BÁO */
	const char *summary;   /* "\n" is a hard break */
	const char *profile;   /* party-2018 */
	const char *period, *plan;
	const char *recipients_group;
	const char *superior, *issuer, *place_date, *number_line;
	const char *drafting; /* VP: drafting unit of a state dispatch (@drafting); NULL */
	const char *sig_form, *sig_body, *sig_position, *sig_name; /* as resolved */
	const char *sig_authority;				   /* "T/M HUYỆN ỦY" */
	struct notice_para *paras;
	size_t nparas;
	const char **recipients; /* printed lines, the archive last */
	size_t nrecipients;
	struct notice_msg *msgs;
	size_t nmsgs;
	size_t nerrors; /* messages of NOTICE_ERROR severity */
	size_t nunresolved;
	struct fmt_profile *profile_data; /* set by notice_load: the profile to render with */
	const char *issued_at; /* set by notice_load once issued (ISO 8601 UTC); else NULL */
};

/*
 * Binds template text to ctx. Syntax errors and unresolved placeholders do
 * not fail the call: they are collected in ret->msgs with their positions
 * (unresolved ones print "[?]"). Fails only for memory (ERR_NOMEM/TOOBIG) or
 * text that is not UTF-8 (ERR_INVAL). Everything is allocated from a.
 */
int notice_bind(const char *tmpl, const struct notice_ctx *ctx, struct arena *a,
		struct notice_doc *ret, struct err *e);

/*
 * Writes d back as a template without placeholders: every value as bound,
 * styles and line breaks kept, special characters escaped. Binding the
 * result gives the same document whatever the store holds later; an issued
 * notice is kept this way.
 */
int notice_freeze(const struct notice_doc *d, struct buf *out);

/* The bound text as plain UTF-8 (kept verbatim when issuing). */
int notice_plain_text(const struct notice_doc *d, struct buf *out);

/* The first line of messages as one human text ("dòng 12, cột 40: …"), for errors. */
int notice_msgs_format(const struct notice_doc *d, struct buf *out);

/* A head directive's value in tmpl ("@profile party-2018" → "party-2018") into out; NULL when absent. */
char *notice_head_value(const char *tmpl, const char *name, char *out, size_t n);
/* s in capitals (HUYỆN ỦY TÂN YÊN), in the arena; s itself when that fails. */
const char *notice_upper(struct arena *a, const char *s);

/* A stored notice, as listed. */
struct notice_row {
	int64_t id, body_id, session_id, corrects_id, term_id;
	int version;
	const char *status; /* draft, issued, superseded */
	const char *symbol; /* NULL until issued */
	const char *issue_date, *title, *profile, *period;
	const char *tmpl;	 /* what renders: the frozen template once issued */
	const char *source_tmpl; /* the template as written, with its placeholders */
	const char *sig_authority, *sig_position, *sig_name; /* as issued */
	const char *issued_at;
};

/* All notices, newest first; arena memory. */
int notice_list(struct db *db, struct arena *a, struct notice_row **ret, size_t *ret_n,
		struct err *e);
int notice_get(struct db *db, int64_t id, struct arena *a, struct notice_row *ret, struct err *e);

/* Creates a draft for a session (session_id may be 0 for none) of body_id. */
int notice_create(struct db *db, int64_t body_id, int64_t session_id, const char *tmpl,
		  int64_t *ret_id, struct err *e);
/* Replaces a draft's template; ERR_LOCKED once issued. */
int notice_set_template(struct db *db, int64_t id, const char *tmpl, struct err *e);

/*
 * Loads the notice's context from the store (session, organ, term, body,
 * agenda, questioning, recipients, figures through the indicators module)
 * and binds its template. Arena memory.
 */
int notice_load(struct db *db, int64_t id, struct arena *a, struct notice_row *ret_row,
		struct notice_doc *ret_doc, struct err *e);

/* What to issue with. NULL fields keep the template's values. */
struct notice_issue_in {
	const char *date;     /* ISO date; NULL: today */
	const char *sig_form; /* T/M, K/T, T/L, TM., KT., TL. */
	const char *sig_body; /* HUYỆN ỦY */
	const char *sig_position;
	const char *sig_name;
};

/* One delivery: e-mail or paper. */
struct notice_delivery {
	const char *label, *channel, *address, *status, *at;
};

/*
 * Issues a draft: refuses while the template has errors or unresolved
 * placeholders (ERR_CHECK with the first ones named) or has no signer
 * (ERR_INVAL), or, where the body requires approval before issuing
 * (core/notice/notice_approval.h), was not approved by its signer
 * (ERR_CHECK); allocates the number for (body, TB, term) in the same
 * transaction, fixes date and signer, keeps the text as issued, records the
 * document in the registry and one delivery per recipient (e-mail where an
 * address is known, else paper). The notice is locked from then on.
 * ERR_LOCKED for a notice already issued.
 */
int notice_issue(struct db *db, int64_t id, const struct notice_issue_in *in, struct err *e);

/*
 * A correction (đính chính) of an issued notice: a new draft version with
 * the same session and the given template (NULL: the old one), to be issued
 * in turn; issuing it marks the old one superseded, which stays readable.
 */
int notice_correct(struct db *db, int64_t id, const char *tmpl, int64_t *ret_id, struct err *e);

/*
 * Drafts the template of a conclusion notice from a session's data: the
 * opening with date, organ and basis; one section per agenda item ({{item
 * N}}) with its outcome in words taken from its vote; the questioning; the
 * tasks ({{tasks}}); the signer from the organ's leadership on the session's
 * date; the body's recipient group; figures of the month before the session.
 * ERR_INVAL for a session that has not taken place yet. Arena memory.
 */
int notice_compose(struct db *db, int64_t session_id, struct arena *a, const char **ret_tmpl,
		   struct err *e);
/* notice_compose stored as a new draft of the session's body. */
int notice_create_for_session(struct db *db, int64_t session_id, int64_t *ret_id, struct err *e);

#define NOTICE_TASK_COORDS_MAX 16

/* A task a notice assigns: a row of its draft, a task once the notice is issued. */
struct notice_task {
	int64_t id, lead_unit_id;
	int64_t task_id; /* the task made at issuing; 0 before */
	int position;
	const char *section, *content, *deadline; /* deadline as typed; NULL for none */
	const char *lead_name;
	const char *coord_names; /* "A, B"; NULL for none */
	int64_t coord_ids[NOTICE_TASK_COORDS_MAX];
	size_t ncoords;
};

struct notice_task_in {
	const char *section; /* NULL or "" for none */
	const char *content;
	int64_t lead_unit_id; /* a unit of the notice's body */
	const int64_t *coord_ids;
	size_t ncoords;
	const char *deadline; /* a date, "02 tháng tới", "quý I/2024", "thường xuyên"; NULL: none */
};

/* The notice's task rows in order; arena memory. */
int notice_tasks(struct db *db, int64_t notice_id, struct arena *a, struct notice_task **ret,
		 size_t *ret_n, struct err *e);
/* At most limit of them after position after, in order; arena memory. */
int notice_tasks_page(struct db *db, int64_t notice_id, int64_t after, int64_t limit,
		      struct arena *a, struct notice_task **ret, size_t *ret_n, struct err *e);
/*
 * Adds a row at the end, changes one or removes one: only while the notice is
 * a draft (ERR_LOCKED after). Bad input is ERR_INVAL naming the field
 * ("nội dung", "đơn vị chủ trì", "đơn vị phối hợp", "thời hạn") with nothing
 * written; ERR_NOTFOUND for a row that does not exist.
 */
int notice_task_add(struct db *db, int64_t notice_id, const struct notice_task_in *in,
		    int64_t *ret_id, struct err *e);
int notice_task_update(struct db *db, int64_t row_id, const struct notice_task_in *in,
		       struct err *e);
/* notice_id > 0: the row must be one of that notice's (ERR_NOTFOUND otherwise). */
int notice_task_remove(struct db *db, int64_t notice_id, int64_t row_id, struct err *e);
/* The row as the notice's text prints it: "- content: giao X chủ trì, …; thời hạn: …". */
int notice_task_line(const struct notice_task *t, struct arena *a, const char **ret);
/*
 * In the caller's transaction, while issuing: each row becomes a task of
 * body_id whose source is the notice's document doc_id and the row's section,
 * assigned on issue_date (ISO), its deadline read from that date.
 */
int notice_tasks_issue(struct db *db, int64_t notice_id, int64_t body_id, int64_t doc_id,
		       int64_t session_id, const char *issue_date, struct err *e);

/*
 * What the notice editor shows as fields instead of template syntax: the
 * head's period, plan, signer, recipient group and archive line, and the
 * body (the prose with its placeholders).
 */
struct notice_edit {
	const char *period, *plan;
	const char *sign_form, *sign_body, *sign_position, *sign_name;
	const char *recipients, *archive;
	const char *body;
};

/* The editor's fields of a template; strings in the arena or pointing into tmpl. */
int notice_edit_read(const char *tmpl, struct arena *a, struct notice_edit *ret);
/*
 * Writes the fields back into draft id's template (NULL or empty: the
 * directive is dropped; body NULL keeps the body), keeping the other head
 * lines; as notice_set_template (ERR_LOCKED once issued). A value on more
 * than one line, or a signature part with '|', is ERR_INVAL naming the field.
 */
int notice_edit_apply(struct db *db, int64_t id, const struct notice_edit *in, struct err *e);

struct mail_server;

/* What goes with the issued text; every field may be NULL/0. */
struct notice_mail {
	const void *pdf; /* the issued notice rendered as PDF, attached as 512-TB-HU.pdf */
	size_t pdf_len;
	/*
	 * Where dondoc's web pages are reached from outside ("https://dondoc.tanyen.vn"):
	 * the message links to the notice's page there. http:// or https://, no spaces.
	 */
	const char *public_url;
};

/*
 * Sends an issued notice by e-mail to every recipient with an address whose
 * delivery is still queued or failed, through the outbox (core/outbox/outbox.h),
 * and records each outcome (sent, or failed with the reason) and when. Paper
 * deliveries stay for the office. Each message carries the issued text, with
 * mail (may be NULL) the PDF attached (named after the symbol, '/' as '-') and
 * a link to the notice's page; each message has its own Message-ID. Each
 * delivery is claimed (outbox_claim) before it is sent, so that runs on
 * several hosts at once send it once; one another run holds is left to it.
 * ERR_INVAL for a malformed public_url (nothing sent). ERR_PERM when
 * credentials would go to the server without TLS: nothing is sent and the
 * deliveries stay queued.
 */
int notice_send(struct db *db, int64_t id, const struct mail_server *srv,
		const struct notice_mail *mail, size_t *ret_sent, size_t *ret_failed,
		struct err *e);

/* 0 when url can be a public URL (http:// or https://, printable, no spaces); ERR_INVAL saying why. */
int notice_public_url_check(const char *url, struct err *e);

/* The deliveries of a notice in order; arena memory. */
int notice_deliveries(struct db *db, int64_t id, struct arena *a, struct notice_delivery **ret,
		      size_t *ret_n, struct err *e);
