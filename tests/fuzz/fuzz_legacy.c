/* fuzz_legacy.c: libFuzzer harness for encoding detection and TCVN3/VNI conversion (vn_to_utf8). */
#include <stddef.h>
#include <stdint.h>

#include "vn/legacy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT(8u << 20);
	struct err e = {0};
	enum vn_encoding enc;

	(void)vn_to_utf8((const char *)data, size, &out, &enc, &e);
	buf_free(&out);
	return 0;
}
