/* fuzz_docnum.c: libFuzzer harness for document symbols, Party and state forms (docnum). */
#include <stddef.h>
#include <stdint.h>

#include "core/registry/docnum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct docnum d, again;
	struct err e = {0};
	struct buf out = BUF_INIT(4096);

	/* A symbol read is written in its normal form, which reads again. */
	if (docnum_parse((const char *)data, size, &d, &e) == 0 &&
	    docnum_format(&d, 0, &out) == 0 && docnum_parse(out.data, out.len, &again, &e) != 0)
		__builtin_trap();
	buf_free(&out);
	return 0;
}
