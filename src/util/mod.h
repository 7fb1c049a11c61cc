/* mod.h: the optional parts of dondoc (PDF, PostgreSQL, mail, timestamps, DOCX/XLSX) loaded on first use. */
#pragma once

#include "util/err.h"

/*
 * The parts that bring large libraries with them are built as shared modules,
 * dondoc-NAME.so, so that a server which never renders a PDF or speaks to
 * PostgreSQL never maps cairo, poppler or libpq. Each module exports one
 * table of its entry points (the table's type is declared beside its code),
 * beginning with a struct mod_head; callers keep calling small functions that
 * fetch the table with mod_get.
 */
enum mod_id {
	MOD_PDF,      /* dondoc-pdf: documents and signature looks drawn with cairo and pango */
	MOD_PDFREAD,  /* dondoc-pdfread: the text of an imported PDF, with poppler */
	MOD_DOCXREAD, /* dondoc-docxread: the text of an imported DOCX, with libzip and libxml2 */
	MOD_PG,	      /* dondoc-pg: the PostgreSQL store, with libpq */
	MOD_MAIL,     /* dondoc-mail: mail sent over SMTP, with libcurl */
	MOD_TSA,      /* dondoc-tsa: RFC 3161 timestamps, with OpenSSL and libcurl */
	MOD_OFFICE,   /* dondoc-office: DOCX and XLSX out, with libzip, libxml2, libxlsxwriter */
	MOD_COUNT
};

/*
 * Changed whenever a table's layout or a structure a module reads from dondoc
 * changes: a module built for another value is refused.
 */
#define MOD_ABI 1

/* dondoc's version (meson.build) */
#ifndef DONDOC_VERSION
#define DONDOC_VERSION "?"
#endif

struct mod_head {
	unsigned abi;	     /* MOD_ABI when built */
	const char *version; /* dondoc's version when built */
};

/*
 * The table of module id, loaded once (thread-safe) on first use: the code
 * linked into the program when it is (unit tests, benchmarks), else
 * dondoc-NAME.so from $DONDOC_MODULE_DIR, else from the build tree when the
 * program runs from the tree it was built in, else from the installed library
 * directory (meson's libdir/dondoc). A module
 * missing, damaged or of another build is ERR_UNAVAIL (HTTP 503) with a
 * message naming the file and the loader's reason; a later call tries again.
 */
int mod_get(enum mod_id id, const void **ret, struct err *e);

/* The table of module id when it is already loaded, else NULL; never loads. */
const void *mod_loaded(enum mod_id id);
