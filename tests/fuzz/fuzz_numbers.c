/* fuzz_numbers.c: libFuzzer harness for Vietnamese numbers, amounts and percentages (vn/num.h). */
#include <stddef.h>
#include <stdint.h>

#include "vn/num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct vn_dec d, p, q;
	struct vn_amount a;
	struct err e = {0};
	struct buf out = BUF_INIT(4096);
	size_t used;

	if (vn_dec_parse(s, size, &d, &e) == 0)
		(void)vn_dec_format(d, 0, &out);
	buf_reset(&out);
	if (vn_dec_parse_plain(s, size, &d, &e) == 0) {
		(void)vn_dec_format_plain(d, &out);
		(void)vn_dec_round(d, 2, &q);
		(void)vn_dec_add(d, d, &q);
		(void)vn_dec_sub(d, d, &q);
		if (vn_pct_parse(s, size, &p, &e) == 0) {
			(void)vn_dec_pct(d, p, 2, &q);
			(void)vn_dec_pct_of(d, p, 2, &q);
			(void)vn_dec_base_of(d, p, 2, &q);
		}
	}
	buf_reset(&out);
	if (vn_amount_parse(s, size, &a, &used, &e) == 0) {
		(void)vn_amount_format(a, &out);
		(void)vn_amount_value(a, &q);
	}
	buf_free(&out);
	return 0;
}
