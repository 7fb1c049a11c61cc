/* fuzz_deadline.c: libFuzzer harness for the deadline grammar (vn_deadline_scan), both modes. */
#include <stddef.h>
#include <stdint.h>

#include "vn/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vn_deadline d;
	struct err e = {0};

	(void)vn_deadline_scan((const char *)data, size, 2024, 0, &d, &e);
	(void)vn_deadline_scan((const char *)data, size, 0, VN_DL_WHOLE, &d, &e);
	return 0;
}
