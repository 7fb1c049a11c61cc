/* imp_int.h: the importer's internals shared by its files: paragraphs, matching, tables. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "import/import.h"

enum imp_zone { IMP_Z_HEAD, IMP_Z_KIND, IMP_Z_TITLE, IMP_Z_BODY, IMP_Z_TAIL };

/*
 * One paragraph of the notice: lines joined with single spaces. lo is the
 * same text lower-cased letter by letter; Vietnamese letters keep their
 * UTF-8 length when lower-cased, so offsets into lo are offsets into s.
 */
struct imp_para {
	char *s, *lo;
	size_t len;
	int line; /* line of its first byte */
	int *brk; /* offsets where a later line begins */
	int nbrk;
	enum imp_zone zone;
	int section;	     /* number of the section it belongs to (0: none) */
	bool numbered;	     /* it opens a numbered section or item */
	bool bullet;	     /* it began with "-", "+" or "•" */
	bool agenda;	     /* it lists the agenda */
	unsigned char *mask; /* bytes already explained (references, dates …) */
};

struct imp_ctx {
	struct arena *a;
	struct imp_notice *n;
	struct imp_para *p;
	int np;
	int cap[8];		   /* capacities of the notice's lists */
	size_t sent_from, sent_to; /* the sentence tasks are being read from */
	/* its copy, made once for all the tasks it gives (a copy each is quadratic) */
	const struct imp_para *sent_p;
	size_t sent_p_from, sent_p_to;
	const char *sent_copy;
	/* the last verb looked for: from na_from, before na_end, found at na_at (imp_task.c) */
	const struct imp_para *na_p;
	size_t na_from, na_at, na_end;
};

/* Text helpers (imp_text.c). */
bool imp_is_word_byte(const char *s, size_t len, size_t i);
bool imp_word_start(const struct imp_para *p, size_t i);
/* Length of the phrase (lower case) matched at lo+i as whole words, else 0. */
size_t imp_match_rest(const struct imp_para *p, size_t i, const char *phrase);
static inline size_t imp_match(const struct imp_para *p, size_t i, const char *phrase)
{
	/* Most calls fail on the first byte: decide those without a call. */
	if (i >= p->len || p->lo[i] != phrase[0])
		return 0;
	return imp_match_rest(p, i, phrase);
}
/* Index of the first whole-word match of phrase at or after i (before end), or (size_t)-1. */
size_t imp_find(const struct imp_para *p, size_t i, size_t end, const char *phrase);
size_t imp_skip_space(const struct imp_para *p, size_t i);
/* Lower-cases s into out (same length). */
void imp_lower(const char *s, size_t len, char *out);
bool imp_is_upper_at(const char *s, size_t len, size_t i);
bool imp_is_lower_at(const char *s, size_t len, size_t i);
/* True when s has letters and none of them is lower case. */
bool imp_all_caps(const char *s, size_t len);
/* Copy of s[0..len) trimmed of spaces and of the punctuation in trim, first letter upper-cased when cap. */
char *imp_clean(struct arena *a, const char *s, size_t len, const char *trim, bool cap);
int imp_line_at(const struct imp_para *p, size_t off);
size_t imp_utf8_len(unsigned char c);
/* Parses a date at s+i ("15/4/2021", "04 tháng 10 năm 2023"); returns bytes used or 0. */
size_t imp_date_at(const struct imp_para *p, size_t i, int default_year, struct vn_date *ret);
/* Parses a roman numeral (I … XXX) or a word of digits; returns bytes used or 0. */
size_t imp_roman_at(const char *s, size_t len, size_t i, int *ret);
/* A small count written in words ("chín", "mười hai") or digits at i; bytes used or 0. */
size_t imp_small_number_at(const struct imp_para *p, size_t i, int *ret);
bool imp_sentence_end(const struct imp_para *p, size_t i);
void imp_mask(struct imp_para *p, size_t from, size_t to);

int imp_warn(struct imp_ctx *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Grows list *arr (of element size sz) of *n entries to hold one more; index or negative ERR. */
int imp_push(struct imp_ctx *c, void **arr, int *n, int *cap, size_t sz);
/* The same with a limit of its own (paragraphs: IMP_MAX_PARAS). */
int imp_push_max(struct imp_ctx *c, void **arr, int *n, int *cap, size_t sz, int max);

/* Phrase tables (imp_tables.c). */
struct imp_kind {
	const char *word; /* lower case: "nghị quyết" */
	const char *name; /* "Nghị quyết" */
	const char *code; /* "NQ" */
};
extern const struct imp_kind imp_kinds[];
const struct imp_kind *imp_kind_by_code(const char *code, size_t len);

struct imp_unit {
	const char *word;
	bool money;
};
extern const char *const imp_units[];		  /* measure units of figures, longest first */
extern const char *const imp_count_nouns[];	  /* nouns of counted things */
extern const char *const imp_count_classifiers[]; /* "con", "lượt": name the noun after */
extern const char *const imp_classifier_stops[];  /* words that end that noun */
struct imp_multiplier {
	const char *word; /* "triệu" */
	int exp;	  /* 6 */
};
extern const struct imp_multiplier imp_count_multipliers[];
extern const char *const imp_restatements[]; /* "triển khai thực hiện": no task */
extern const char *const imp_manner_words[]; /* "khẩn trương" before it */
extern const char *const imp_comma_names[];  /* "văn hóa, thông tin": a comma inside a name */
extern const char *const imp_joint_units[];  /* "các đoàn thể": after "và", one addressee */
extern const char *const imp_action_names[]; /* names holding a verb: "tổ chức đảng" */
extern const char *const imp_place_nouns[];  /* nouns named singly: "xã Việt Lập" */
extern const char *const imp_label_stops[];  /* words that end a figure's label */
extern const char *const imp_subject_stops[];
extern const char *const imp_subject_prefixes[];
extern const char *const imp_generic_labels[];
extern const char *const imp_directives[]; /* "giao", "yêu cầu" … */
extern const char *const imp_actions[];	   /* verbs that end an assignee */
extern const char *const imp_unit_heads[];
extern const char *const imp_unit_types[]; /* words that begin a unit after "và" */
extern const char *const imp_level_words[];
/* HUYỆN, XÃ … after a body's name */	   /* words that begin a unit's name */
extern const char *const imp_plan_words[]; /* "kế hoạch", "dự toán" … */
extern const char *const imp_same_words[]; /* "cùng kỳ" … */
extern const char *const imp_outcomes[];
extern const char *const imp_meeting_verbs[];
extern const char *const imp_meeting_nouns[];
extern const char *const imp_sig_prefixes[];
struct imp_indicator {
	const char *key; /* folded words the label must contain */
	const char *id;
};
extern const struct imp_indicator imp_indicators[];
struct imp_body_word {
	const char *upper; /* "HUYỆN ỦY" */
	const char *name;  /* "Huyện ủy" */
	const char *code;  /* "HU" */
	const char *level; /* "huyện" */
};
extern const struct imp_body_word imp_body_words[];

struct imp_list_type {
	const char *word; /* "các sở" */
	const char *name; /* "Sở": put before each member */
};
extern const struct imp_list_type imp_list_types[];
extern const struct imp_list_type
    imp_list_places[]; /* "các huyện": "Trung tâm Y tế các huyện: …" */
extern const char *const imp_event_deadlines[];
extern const char *const imp_deadline_leads[];
extern const char *const imp_field_leads[];
extern const char *const imp_field_coords[];
enum imp_col { IMP_COL_NONE, IMP_COL_LEAD, IMP_COL_COORD, IMP_COL_DUE, IMP_COL_WHAT };
struct imp_column {
	const char *word;
	enum imp_col col;
};
extern const struct imp_column imp_task_columns[];
extern const char *const imp_not_tasks[];
extern const char *const imp_not_units[];
extern const char *const imp_list_stops[];
extern const char *const imp_narrative_words[];
extern const char *const imp_report_verbs[];
extern const char *const imp_meeting_units[];

/*
 * The symbol at i of p with the hyphen a PDF lost put back ("412/TBUBND" is
 * "412/TB-UBND"), in c's arena; NULL when there is no symbol at i or it lost nothing.
 */
const char *imp_symbol_repaired(struct imp_ctx *c, const struct imp_para *p, size_t i);
extern const char *const imp_issuers[];
extern const char *const imp_mottos_right[];
struct imp_respell {
	const char *from, *to;
};
extern const struct imp_respell imp_unit_respell[];

/*
 * The text of one WordprocessingML part xml[0..len) (part names it in
 * messages): paragraphs, runs, tabs, breaks; tables of three columns or more
 * as rows "| a | b |". ERR_INVAL when it is not XML, ERR_TOOBIG past out's limit.
 */
int imp_docx_xml(const char *xml, size_t len, const char *part, struct buf *out, struct err *e);

/* The passes, in the order imp_extract runs them. */
int imp_structure(struct imp_ctx *c);
int imp_references(struct imp_ctx *c);
int imp_session(struct imp_ctx *c);
int imp_figures(struct imp_ctx *c);
int imp_tasks(struct imp_ctx *c);
int imp_tail(struct imp_ctx *c);
