/* fuzz_docx.c: libFuzzer harness for the walk of a DOCX part's XML (paragraphs, runs, tables). */
#include <stddef.h>
#include <stdint.h>

#include "import/imp_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT(IMP_MAX_TEXT);
	struct err e = {0};

	(void)imp_docx_xml((const char *)data, size, "word/document.xml", &out, &e);
	buf_free(&out);
	return 0;
}
