/* import.h: reading existing notices (text, Markdown, DOCX, PDF) into structured data. */
#pragma once

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tasks/task.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "vn/date.h"
#include "vn/legacy.h"
#include "vn/num.h"

/* Hard limits: a notice is a few pages; anything past these is refused or warned about. */
#define IMP_MAX_FILE (32u << 20) /* bytes of an input file */
#define IMP_MAX_TEXT (8u << 20)	 /* bytes of decoded text */
#define IMP_MAX_ITEMS 1024  /* entries of each list (figures, tasks …); more: warned, dropped */
#define IMP_MAX_PARAS 65536 /* paragraphs of a text */
#define IMP_MAX_NAMES 16    /* names in one count, assignees of one task */

enum imp_format {
	IMP_FMT_TEXT,	/* UTF-8 text or Markdown */
	IMP_FMT_LEGACY, /* TCVN3 or VNI 8-bit text, converted */
	IMP_FMT_DOCX,
	IMP_FMT_PDF,
};

/* A reference to another document: "Nghị quyết số 22-NQ/HU ngày 15/4/2021". */
struct imp_ref {
	const char *symbol;    /* as normalised: "22-NQ/HU", "68/2017/NĐ-CP" */
	long number;	       /* 22 */
	int year;	       /* 2017 in "68/2017/NĐ-CP"; 0 when not written */
	const char *kind;      /* type code: NQ, NĐ, CV …; NULL when unknown */
	const char *kind_name; /* the word before it: "Nghị quyết"; may be NULL */
	const char *issuer;    /* HU, TW, CP, UBND, BCT */
	const char *unit;      /* state-form suffix: KT in "6202/UBND-KT"; may be NULL */
	struct vn_date date;   /* none when not written */
	bool repaired;	       /* written without its hyphen ("45/2020/NĐCP"): restored */
	int line;
};

/* A plan baseline a figure is compared with: "đạt 126,3% dự toán tỉnh giao". */
struct imp_plan {
	struct vn_dec pct;
	const char *kind; /* "dự toán tỉnh giao"; NULL for plain "kế hoạch" */
};

struct imp_figure {
	const char *id;		/* indicator code from the catalogue table, or a slug */
	const char *label;	/* "Thu ngân sách" */
	const char *parent;	/* id of the figure it is part of ("trong đó", "bao gồm") */
	const char *unit;	/* "tỷ đồng" */
	const char *value_text; /* as printed: "1.593,851" */
	struct vn_dec value;
	bool estimate; /* "ước" */
	struct imp_plan plans[4];
	int nplans;
	bool has_same, has_growth, has_growth_abs, has_target;
	struct vn_dec same_pct;	  /* "bằng 106,7% so với cùng kỳ" */
	struct vn_dec growth_pct; /* "tăng 10,2% so với cùng kỳ"; negative for "giảm" */
	struct vn_dec growth_abs; /* "tăng 1,49 triệu đồng" */
	const char *growth_abs_unit;
	struct vn_dec target; /* "45.799/36.875 tỷ đồng": the 36.875 */
	bool has_upper;	      /* a range: "từ 120 đến 150 tỷ đồng" is 120 up to 150 */
	struct vn_dec upper;
	bool sums_to_total; /* its parts (children) add up to it exactly */
	int para;	    /* paragraph index, for the template */
	size_t off, len;    /* the printed value within the paragraph */
	int line;
};

/* A count of named things: "04 xã (Liên Sơn, Ngọc Lý, Ngọc Vân và Lam Cốt)", "15/24 chỉ tiêu". */
struct imp_count {
	const char *what;    /* the noun: "xã" */
	const char *context; /* the clause it stands in */
	long long value;
	long long of; /* 24 in "15/24 chỉ tiêu"; 0 when none */
	const char *names[IMP_MAX_NAMES];
	int nnames;
	int line;
};

struct imp_task {
	int section; /* the notice's numbered section; 0 when none */
	const char *assignees[IMP_MAX_NAMES];
	int nassignees;
	const char *lead;		  /* "chủ trì" unit; NULL when the text names none */
	const char *coord[IMP_MAX_NAMES]; /* "phối hợp" units */
	int ncoord;
	const char *what;
	/* The deadline the sentence sets: kind, words ("02 tháng tới"), last day. */
	struct task_deadline dl;
	size_t dl_len;	   /* bytes of its words in the paragraph */
	const char *event; /* a deadline named by an event ("trước Tết Nguyên đán"), no day */
	bool dl_shared;	   /* ", hoàn thành trước ngày …" closing a chain: every unit's */
	const char *sentence; /* the sentence (or table row) it was read from */
	const char *report_to;
	int line;
};

struct imp_agenda {
	int n;
	const char *kind; /* "Báo cáo", "Tờ trình" */
	const char *title;
	const char *refs[8];
	int nrefs;
};

struct imp_question {
	const char *asker, *to, *about;
	int line;
};

struct imp_warning {
	int line;
	const char *text;
};

/* Everything read from one notice; all memory belongs to the arena given to imp_extract. */
struct imp_notice {
	enum imp_format format;
	enum vn_encoding encoding;
	/* document */
	const char *kind, *kind_name, *title, *symbol, *issuer, *issuer_symbol, *place;
	const char *superior; /* the body above the issuer in the header */
	long number;	      /* 0 when the text has none */
	struct vn_date date;  /* the date line */
	const char *sig_authority, *sig_for, *sig_position, *sig_name;
	/* session */
	const char *organ, *term, *basis, *outcome;
	int session_number;
	int term_from, term_to;
	struct vn_date session_date;
	/* period */
	const char *period_label;
	int period_year, period_from, period_to;
	bool period_estimate;

	struct imp_agenda *agenda;
	struct imp_ref *refs;
	struct imp_figure *figs;
	struct imp_count *counts;
	struct imp_task *tasks;
	struct imp_question *questions;
	const char **recipients;
	struct imp_warning *warnings;
	int nagenda, nrefs, nfigs, ncounts, ntasks, nquestions, nrecipients, nwarnings;
	bool truncated; /* a list reached IMP_MAX_ITEMS: the rest was dropped with a warning */
	bool has_questioning;
	const char *questioning_basis;
	bool questioning_none; /* "Không có nội dung chất vấn" */

	/* The text as paragraphs, for the template: figures point into these. */
	const char **paras;
	int nparas;
	int body_from, body_to; /* the body's paragraphs: [body_from, body_to) of paras */
};

/*
 * Reads a file and turns it into NFC UTF-8 text: UTF-8 (decomposed or not)
 * and Markdown as they are, TCVN3 and VNI converted, DOCX paragraphs, tables
 * and headers, PDF text layers. An empty file, a binary, a PDF without text
 * (a scan) are ERR_INVAL with e saying so in Vietnamese. text receives the
 * result; *ret_fmt and *ret_enc (either may be NULL) what was found.
 */
int imp_load_file(const char *path, struct buf *text, enum imp_format *ret_fmt,
		  enum vn_encoding *ret_enc, struct err *e);
/* The same from bytes in memory; name is used in messages only. */
int imp_load_mem(const char *name, const char *data, size_t len, struct buf *text,
		 enum imp_format *ret_fmt, enum vn_encoding *ret_enc, struct err *e);

/*
 * Extracts a notice from NFC UTF-8 text (Markdown marks allowed). Never fails
 * on odd content: what is not understood becomes a warning. Fails only on
 * invalid UTF-8 (ERR_INVAL), text too large (ERR_TOOBIG) or memory
 * (ERR_NOMEM). *ret and everything it points to live in arena a.
 */
int imp_extract(const char *text, size_t len, struct arena *a, struct imp_notice **ret,
		struct err *e);

/*
 * The extraction as JSON with the keys of the seed's gold file: document,
 * session, agenda, references, period, figures, counts, tasks, questioning,
 * recipients, warnings. Caller owns the result (json_decref).
 */
json_t *imp_to_json(const struct imp_notice *n);

/* Flags for json_dump* that print the exact decimals of imp_to_json as written. */
#define IMP_JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

struct db;
struct account;

/* What imp_store wrote. */
struct imp_stored {
	int64_t notice_id, document_id;
	int figures; /* placeholders bound to stored values */
	int tasks;
	int unbound; /* figures' percentages or tasks that could not be bound */
};

/* Hex SHA-256 of data into out. */
int imp_hash(const char *data, size_t len, char out[static 65]);

/*
 * Stores notice n read from file (hash: imp_hash of its text; fmt: "text",
 * "docx" …) in ONE transaction: the issuing body (found by name or created),
 * term, organ, session with its agenda, the notice's document and its
 * references, the figures as indicator values (plans and the same period
 * derived from the printed percentages), the tasks, and the notice template
 * whose placeholders are bound to those values. ERR_EXISTS, writing
 * nothing, when the file or the session was imported before (for the file,
 * ret->notice_id is then the notice it gave, 0 when unknown).
 *
 * actor is the account that imports (NULL: the machine's operator, the CLI).
 * A global account (account_is_global) or the operator may create the
 * issuing body; any other account may store a notice only of a body that
 * exists and lies in its scope: else ERR_PERM naming the issuer, writing
 * nothing.
 */
int imp_store(struct db *db, const struct imp_notice *n, const struct account *actor,
	      const char *file, const char *hash, const char *fmt, struct imp_stored *ret,
	      struct err *e);

/* One notice to import, from a file's bytes or from text read before. */
struct imp_request {
	const char *name; /* the file's name: messages, source.file, the import record */
	const char *data; /* the file's bytes (imp_load_mem), or the text when text */
	size_t len;
	bool text; /* data is the NFC UTF-8 text imp_load_* gave, with fmt and enc */
	enum imp_format fmt;
	enum vn_encoding enc;
	/* NULL: read only (a dry run); else the store the notice goes into */
	struct db *db;
	const struct account *actor; /* as imp_store; checked by imp_may_import */
	struct buf *text_out;	     /* not NULL: receives the text read (for a preview) */
};

/* The format's word in JSON and the import record: "text", "legacy", "docx", "pdf". */
const char *imp_format_name(enum imp_format f);
/* The format of its word; ERR_INVAL for another. */
int imp_format_parse(const char *s, enum imp_format *ret);

/*
 * Whether actor may import notices: the office's roles (admin, office);
 * actor NULL is the operator, allowed. 0 or ERR_PERM with e saying so.
 */
int imp_may_import(const struct account *actor, struct err *e);

/*
 * Imports one notice: reads it (unless q->text), extracts it, and with q->db
 * stores it (imp_store, one transaction, hashed by its text). *ret is the
 * JSON of the extraction (imp_to_json) with "source" {file, format,
 * encoding} and, when stored, "stored" {notice, document, placeholders,
 * tasks, unbound}; the caller owns it. ERR_EXISTS for a notice imported
 * before, *ret_existing (may be NULL) then the notice it gave (0 unknown);
 * ERR_INVAL, ERR_TOOBIG for input that cannot be read; ERR_PERM as
 * imp_may_import and imp_store. Nothing is written on failure.
 */
int imp_import(const struct imp_request *q, json_t **ret, int64_t *ret_existing, struct err *e);
