/* fuzz_import.c: libFuzzer harness for the importer's text path (decode, extract, JSON). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* One arena and one buffer for every input, emptied between them. */
	static struct arena *a;
	static struct buf text = BUF_INIT(IMP_MAX_TEXT);
	struct imp_notice *n;
	struct err e = {0};

	/* DOCX and PDF go to libzip and poppler, fuzzed upstream; here: every text path. */
	if (size >= 4 && (data[0] == 'P' || data[0] == '%'))
		return 0;
	if (!a && !(a = arena_new(64u << 20)))
		return 0;
	buf_reset(&text);
	if (imp_load_mem("fuzz", (const char *)data, size, &text, NULL, NULL, &e) == 0) {
		if (imp_extract(buf_str(&text), text.len, a, &n, &e) == 0) {
			json_t *j = imp_to_json(n);
			char *s = json_dumps(j, IMP_JSON_FLAGS);

			free(s);
			json_decref(j);
		}
		arena_reset(a);
	}
	return 0;
}
