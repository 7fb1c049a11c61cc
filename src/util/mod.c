/* mod.c: finding, loading and checking dondoc's shared modules (mod.h). */
#include "util/mod.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef DONDOC_MODULE_BUILD_DIR
#define DONDOC_MODULE_BUILD_DIR ""
#endif
#ifndef DONDOC_MODULE_LIB_DIR
#define DONDOC_MODULE_LIB_DIR "/usr/local/lib/dondoc"
#endif

/*
 * A module's table when its code is linked into the program (the unit tests
 * and benchmarks link every module's code); weak, so null in the server.
 */
extern const struct mod_head dondoc_mod_pdf __attribute__((weak));
extern const struct mod_head dondoc_mod_pdfread __attribute__((weak));
extern const struct mod_head dondoc_mod_docxread __attribute__((weak));
extern const struct mod_head dondoc_mod_pg __attribute__((weak));
extern const struct mod_head dondoc_mod_mail __attribute__((weak));
extern const struct mod_head dondoc_mod_tsa __attribute__((weak));
extern const struct mod_head dondoc_mod_office __attribute__((weak));

static const struct mod_def {
	const char *file; /* in the module directory */
	const char *sym;  /* its table */
	const struct mod_head *linked;
} mod_defs[MOD_COUNT] = {
    [MOD_PDF] = {"dondoc-pdf.so", "dondoc_mod_pdf", &dondoc_mod_pdf},
    [MOD_PDFREAD] = {"dondoc-pdfread.so", "dondoc_mod_pdfread", &dondoc_mod_pdfread},
    [MOD_DOCXREAD] = {"dondoc-docxread.so", "dondoc_mod_docxread", &dondoc_mod_docxread},
    [MOD_PG] = {"dondoc-pg.so", "dondoc_mod_pg", &dondoc_mod_pg},
    [MOD_MAIL] = {"dondoc-mail.so", "dondoc_mod_mail", &dondoc_mod_mail},
    [MOD_TSA] = {"dondoc-tsa.so", "dondoc_mod_tsa", &dondoc_mod_tsa},
    [MOD_OFFICE] = {"dondoc-office.so", "dondoc_mod_office", &dondoc_mod_office},
};

/* The tables loaded so far; written once each, under mod_lock. */
static _Atomic(const struct mod_head *) mod_tables[MOD_COUNT];
static pthread_mutex_t mod_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * Whether the running program lies in the build tree it was built in (the
 * program, its tests and benchmarks there): an installed copy never loads a
 * build tree's modules, which may be of a later build.
 */
static bool mod_in_build_tree(void)
{
	size_t n = strlen(DONDOC_MODULE_BUILD_DIR);
	char self[4096];
	ssize_t len;

	if (n == 0)
		return false;
	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len <= 0)
		return false;
	self[len] = '\0';
	return strncmp(self, DONDOC_MODULE_BUILD_DIR, n) == 0 && self[n] == '/';
}

/* $DONDOC_MODULE_DIR, else the build tree's (for a program in it), else the installed one. */
static const char *mod_dir(void)
{
	const char *env = getenv("DONDOC_MODULE_DIR");

	if (env && *env)
		return env;
	return mod_in_build_tree() ? DONDOC_MODULE_BUILD_DIR : DONDOC_MODULE_LIB_DIR;
}

static int mod_load(const struct mod_def *d, const struct mod_head **ret, struct err *e)
{
	char path[4096];
	const struct mod_head *h;
	const char *why;
	void *lib;
	int r;

	if (snprintf(path, sizeof(path), "%s/%s", mod_dir(), d->file) >= (int)sizeof(path))
		return err_set(e, ERR_UNAVAIL, "không nạp được mô-đun %s: đường dẫn quá dài",
			       d->file);
	lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		why = dlerror();
		return err_set(e, ERR_UNAVAIL,
			       "không nạp được mô-đun %s: %s (đặt DONDOC_MODULE_DIR là thư mục "
			       "chứa các mô-đun của dondoc, hoặc cài lại dondoc)",
			       d->file, why ? why : path);
	}
	h = dlsym(lib, d->sym);
	if (!h) {
		/* dlerror's text is gone once the library is closed: said first. */
		why = dlerror();
		r = err_set(e, ERR_UNAVAIL, "mô-đun %s hỏng: %s", path,
			    why ? why : "thiếu bảng hàm");
		dlclose(lib);
		return r;
	}
	if (h->abi != MOD_ABI || !h->version || strcmp(h->version, DONDOC_VERSION) != 0) {
		r = err_set(e, ERR_UNAVAIL,
			    "mô-đun %s thuộc bản dondoc khác (%s, giao diện %u; chương trình là "
			    "%s, giao diện %u): cài lại dondoc cho khớp",
			    path, h->version ? h->version : "?", h->abi, DONDOC_VERSION, MOD_ABI);

		dlclose(lib);
		return r;
	}
	/* Kept open to the process's end: its code is called from any thread. */
	*ret = h;
	return 0;
}

int mod_get(enum mod_id id, const void **ret, struct err *e)
{
	const struct mod_head *h;
	int r = 0;

	if ((unsigned)id >= MOD_COUNT || !mod_defs[id].file)
		return err_set(e, ERR_INTERNAL, "mô-đun không có: %d", (int)id);
	h = atomic_load_explicit(&mod_tables[id], memory_order_acquire);
	if (h) {
		*ret = h;
		return 0;
	}
	if (mod_defs[id].linked) {
		*ret = mod_defs[id].linked;
		return 0;
	}
	pthread_mutex_lock(&mod_lock);
	h = atomic_load_explicit(&mod_tables[id], memory_order_relaxed);
	if (!h) {
		r = mod_load(&mod_defs[id], &h, e);
		if (r == 0)
			atomic_store_explicit(&mod_tables[id], h, memory_order_release);
	}
	pthread_mutex_unlock(&mod_lock);
	if (r == 0)
		*ret = h;
	return r;
}

const void *mod_loaded(enum mod_id id)
{
	if ((unsigned)id >= MOD_COUNT)
		return NULL;
	if (mod_defs[id].linked)
		return mod_defs[id].linked;
	return atomic_load_explicit(&mod_tables[id], memory_order_acquire);
}
