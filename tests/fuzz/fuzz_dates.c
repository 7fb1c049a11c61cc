/* fuzz_dates.c: libFuzzer harness for dates as Vietnamese texts write them (vn/date.h). */
#include <stddef.h>
#include <stdint.h>

#include "vn/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vn_date d, back;
	struct err e = {0};
	struct buf out = BUF_INIT(4096);

	for (int year = 0; year <= 2024; year += 2024) {
		if (vn_date_parse((const char *)data, size, year, &d, &e) != 0)
			continue;
		/* A date read is a real day, and its numeric form reads back as the same day. */
		buf_reset(&out);
		if (vn_date_format(d, VN_DATE_SHORT, &out) == 0 &&
		    (vn_date_parse(out.data, out.len, 0, &back, &e) != 0 ||
		     vn_date_cmp(d, back) != 0))
			__builtin_trap();
		(void)vn_date_diff_days(d, back);
	}
	buf_free(&out);
	return 0;
}
