/* imp_docx.c: the text of a DOCX notice, its tables of tasks as rows, with libzip and libxml2 (dondoc-docxread). */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "import/imp_int.h"
#include "import/imp_pdf.h"

static int imp_docx_node(xmlNode *node, struct buf *out);

static bool imp_docx_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/*
 * A table of three columns or more (a table of tasks) as rows "| a | b | c |",
 * one line each, a cell's paragraphs joined by spaces. Narrower tables (the
 * two-column header, "Nơi nhận" beside the signature) are read as paragraphs.
 * 1 when written so, 0 when the table is narrower, negative on error.
 */
static int imp_docx_rows(xmlNode *tbl, struct buf *out)
{
	int cells = 0, r = 0;

	for (xmlNode *tr = tbl->children; tr && !cells; tr = tr->next)
		if (imp_docx_is(tr, "tr"))
			for (xmlNode *tc = tr->children; tc; tc = tc->next)
				cells += imp_docx_is(tc, "tc");
	if (cells < 3)
		return 0;
	for (xmlNode *tr = tbl->children; tr && r == 0; tr = tr->next) {
		if (!imp_docx_is(tr, "tr"))
			continue;
		r = buf_putc(out, '|');
		for (xmlNode *tc = tr->children; tc && r == 0; tc = tc->next) {
			struct buf cell = BUF_INIT(IMP_MAX_TEXT);

			if (!imp_docx_is(tc, "tc"))
				continue;
			r = imp_docx_node(tc->children, &cell);
			for (size_t i = 0; r == 0 && i < cell.len; i++)
				if (cell.data[i] == '\n' || cell.data[i] == '|')
					cell.data[i] = ' ';
			if (r == 0)
				r = buf_putc(out, ' ');
			if (r == 0 && cell.len)
				r = buf_add(out, cell.data, cell.len);
			if (r == 0)
				r = buf_puts(out, " |");
			buf_free(&cell);
		}
		if (r == 0)
			r = buf_putc(out, '\n');
	}
	if (r == 0)
		r = buf_putc(out, '\n');
	return r < 0 ? r : 1;
}

/* Appends the text of a WordprocessingML element: runs, tabs, breaks, paragraphs, tables. */
static int imp_docx_node(xmlNode *node, struct buf *out)
{
	int r = 0;

	for (xmlNode *n = node; n && r == 0; n = n->next) {
		const char *name = (const char *)n->name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "t") == 0) {
			xmlChar *t = xmlNodeGetContent(n);

			if (t) {
				r = buf_puts(out, (const char *)t);
				xmlFree(t);
			}
		} else if (strcmp(name, "tab") == 0) {
			r = buf_putc(out, ' ');
		} else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) {
			r = buf_putc(out, '\n');
		} else if (strcmp(name, "tbl") == 0) {
			r = imp_docx_rows(n, out);
			if (r == 0)
				r = imp_docx_node(n->children, out);
			else if (r > 0)
				r = 0;
		} else if (strcmp(name, "p") == 0) {
			r = imp_docx_node(n->children, out);
			if (r == 0)
				r = buf_puts(out, "\n\n");
		} else if (strcmp(name, "instrText") == 0 || strcmp(name, "delText") == 0 ||
			   strcmp(name, "fldSimple") == 0) {
			continue; /* field codes (PAGE …) and deleted text are not the notice's */
		} else {
			r = imp_docx_node(n->children, out);
		}
	}
	return r;
}

static int imp_docx_part(zip_t *z, const char *part, struct buf *out, bool required, struct err *e)
{
	zip_stat_t st;
	zip_file_t *f;
	char *data;
	int r = 0;

	if (zip_stat(z, part, 0, &st) != 0) {
		if (!required)
			return 0;
		return err_set(e, ERR_INVAL, "tệp ZIP không phải DOCX (thiếu %s)", part);
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > IMP_MAX_FILE)
		return err_set(e, ERR_TOOBIG, "%s trong DOCX quá lớn", part);
	data = malloc(st.size + 1);
	if (!data)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	f = zip_fopen(z, part, 0);
	if (!f || zip_fread(f, data, st.size) != (zip_int64_t)st.size) {
		if (f)
			zip_fclose(f);
		free(data);
		return err_set(e, ERR_INVAL, "DOCX hỏng: không đọc được %s", part);
	}
	zip_fclose(f);
	r = imp_docx_xml(data, (size_t)st.size, part, out, e);
	free(data);
	return r;
}

int imp_docx_xml(const char *xml, size_t len, const char *part, struct buf *out, struct err *e)
{
	xmlDoc *doc;
	int r;

	if (len > INT32_MAX)
		return err_set(e, ERR_TOOBIG, "%s trong DOCX quá lớn", part);
	/* No network, no external entities, no DTD loading: the file is outside input. */
	doc = xmlReadMemory(xml, (int)len, part, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		return err_set(e, ERR_INVAL, "DOCX hỏng: %s không phải XML hợp lệ", part);
	r = imp_docx_node(xmlDocGetRootElement(doc), out);
	xmlFreeDoc(doc);
	return r < 0 ? err_set(e, r, "văn bản trong DOCX quá lớn") : 0;
}

static int docx_text(const char *data, size_t len, struct buf *out, struct err *e)
{
	zip_source_t *src;
	zip_error_t ze;
	zip_t *z;
	int r;
	char part[64];

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return err_set(e, ERR_INVAL, "tệp ZIP/DOCX hỏng, không mở được");
	}
	/* Headers first (the issuing body and number sometimes live there), then the body. */
	r = 0;
	for (int i = 1; i <= 3 && r == 0; i++) {
		snprintf(part, sizeof(part), "word/header%d.xml", i);
		r = imp_docx_part(z, part, out, false, e);
	}
	if (r == 0)
		r = imp_docx_part(z, "word/document.xml", out, true, e);
	zip_close(z);
	zip_error_fini(&ze);
	return r;
}

/* The module's entry points (imp_pdf.h). */
const struct imp_docxread_mod dondoc_mod_docxread = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .text = docx_text,
};
