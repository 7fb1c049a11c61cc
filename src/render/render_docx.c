/* render_docx.c: the document view as DOCX (WordprocessingML parts written with libxml2, zipped with libzip; dondoc-office). */
#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "render/office_mod.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define TWIPS(mm) ((int)((mm)*1440.0 / 25.4 + 0.5))

/* Word lays out with Times New Roman; Liberation Serif is its metric twin on Linux. */
static const char *docx_font(const struct fmt_profile *p)
{
	return strcmp(p->font, "Liberation Serif") == 0 ? "Times New Roman" : p->font;
}

static bool empty_str(const char *s)
{
	return !s || !*s;
}

#define X(call)                    \
	do {                       \
		if ((call) < 0)    \
			goto fail; \
	} while (0)

static int w_attr(xmlTextWriterPtr w, const char *el, const char *attr, const char *val)
{
	if (xmlTextWriterStartElement(w, BAD_CAST el) < 0)
		return -1;
	if (attr && xmlTextWriterWriteAttribute(w, BAD_CAST attr, BAD_CAST val) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

/* <w:pPr>: alignment, spacing after (pt), first-line indent (mm). */
static int w_ppr(xmlTextWriterPtr w, const char *jc, double after_pt, double indent_mm,
		 bool keep_next)
{
	char num[32];

	X(xmlTextWriterStartElement(w, BAD_CAST "w:pPr"));
	if (keep_next)
		X(w_attr(w, "w:keepNext", NULL, NULL));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:spacing"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:before", BAD_CAST "0"));
	snprintf(num, sizeof(num), "%d", (int)(after_pt * 20));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:after", BAD_CAST num));
	X(xmlTextWriterEndElement(w));
	if (indent_mm > 0) {
		snprintf(num, sizeof(num), "%d", TWIPS(indent_mm));
		X(w_attr(w, "w:ind", "w:firstLine", num));
	}
	X(w_attr(w, "w:jc", "w:val", jc));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

/* A run; "\n" in text becomes <w:br/>. */
static int w_run(xmlTextWriterPtr w, const char *text, double pt, unsigned style, bool underline)
{
	char num[16];
	const char *s = text ? text : "", *nl;

	X(xmlTextWriterStartElement(w, BAD_CAST "w:r"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:rPr"));
	if (style & DV_BOLD)
		X(w_attr(w, "w:b", NULL, NULL));
	if (style & DV_ITALIC)
		X(w_attr(w, "w:i", NULL, NULL));
	if (underline)
		X(w_attr(w, "w:u", "w:val", "single"));
	snprintf(num, sizeof(num), "%d", (int)(pt * 2 + 0.5));
	X(w_attr(w, "w:sz", "w:val", num));
	X(w_attr(w, "w:szCs", "w:val", num));
	X(xmlTextWriterEndElement(w));
	for (;;) {
		nl = strchr(s, '\n');
		X(xmlTextWriterStartElement(w, BAD_CAST "w:t"));
		X(xmlTextWriterWriteAttribute(w, BAD_CAST "xml:space", BAD_CAST "preserve"));
		X(xmlTextWriterWriteFormatString(w, "%.*s", nl ? (int)(nl - s) : (int)strlen(s),
						 s));
		X(xmlTextWriterEndElement(w));
		if (!nl)
			break;
		X(w_attr(w, "w:br", NULL, NULL));
		s = nl + 1;
	}
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_para(xmlTextWriterPtr w, const char *jc, const char *text, double pt, unsigned style,
		  double after_pt, bool underline)
{
	X(xmlTextWriterStartElement(w, BAD_CAST "w:p"));
	X(w_ppr(w, jc, after_pt, 0, false));
	if (!empty_str(text))
		X(w_run(w, text, pt, style, underline));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

/* Opens a table and its properties; the caller writes the w:gridCol elements and closes w:tblGrid. */
static int w_table_open(xmlTextWriterPtr w, int total, bool borders)
{
	static const char *const sides[] = {"w:top",   "w:left",    "w:bottom",
					    "w:right", "w:insideH", "w:insideV"};
	char num[16];

	X(xmlTextWriterStartElement(w, BAD_CAST "w:tbl"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tblPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tblW"));
	snprintf(num, sizeof(num), "%d", total);
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:w", BAD_CAST num));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "dxa"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tblBorders"));
	for (size_t i = 0; i < 6; i++) {
		X(xmlTextWriterStartElement(w, BAD_CAST sides[i]));
		X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:val",
					      BAD_CAST(borders ? "single" : "nil")));
		if (borders) {
			X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:sz", BAD_CAST "4"));
			X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:space", BAD_CAST "0"));
			X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:color", BAD_CAST "000000"));
		}
		X(xmlTextWriterEndElement(w));
	}
	X(xmlTextWriterEndElement(w));
	X(w_attr(w, "w:tblLayout", "w:type", "fixed"));
	/* 3 pt inside each cell, as the PDF has it: a narrow "TT" column does not wrap */
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tblCellMar"));
	for (size_t i = 0; i < 2; i++) {
		X(xmlTextWriterStartElement(w, BAD_CAST(i ? "w:right" : "w:left")));
		X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:w", BAD_CAST "60"));
		X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "dxa"));
		X(xmlTextWriterEndElement(w));
	}
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tblGrid"));
	return 0;
fail:
	return -1;
}

/* A borderless two-column table (the header and the closing blocks): properties and grid. */
static int w_table_start(xmlTextWriterPtr w, int c1, int c2, bool borders)
{
	char num[16];

	X(w_table_open(w, c1 + c2, borders));
	snprintf(num, sizeof(num), "%d", c1);
	X(w_attr(w, "w:gridCol", "w:w", num));
	if (c2 > 0) {
		snprintf(num, sizeof(num), "%d", c2);
		X(w_attr(w, "w:gridCol", "w:w", num));
	}
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_cell_start(xmlTextWriterPtr w, int width)
{
	char num[16];

	snprintf(num, sizeof(num), "%d", width);
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tc"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tcPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tcW"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:w", BAD_CAST num));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "dxa"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_header(xmlTextWriterPtr w, const struct docview *v, const struct fmt_profile *p,
		    int c1, int c2)
{
	X(w_table_start(w, c1, c2, false));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tr"));
	X(w_cell_start(w, c1));
	X(w_para(w, "center", v->superior, p->header_pt, 0, 0, false));
	X(w_para(w, "center", v->issuer, p->header_pt, DV_BOLD, 0, false));
	if (v->star)
		X(w_para(w, "center", "*", p->header_pt, 0, 0, false));
	X(w_para(w, "center", empty_str(v->number) ? "Số       " : v->number, p->header_pt, 0, 0,
		 false));
	X(xmlTextWriterEndElement(w));
	X(w_cell_start(w, c2));
	X(w_para(w, "center", v->motto, p->motto_pt, DV_BOLD, 0, empty_str(v->motto_sub)));
	if (!empty_str(v->motto_sub))
		X(w_para(w, "center", v->motto_sub, p->header_pt, DV_BOLD, 0, true));
	X(w_para(w, "center", "", p->header_pt, 0, 0, false));
	X(w_para(w, "right", v->place_date, p->header_pt, DV_ITALIC, 0, false));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_blocks(xmlTextWriterPtr w, const struct docview *v, const struct fmt_profile *p,
		    int width)
{
	static const char *const jc[] = {"both", "left", "center", "right"};
	size_t last = v->nblocks;

	for (size_t i = 0; i < v->nblocks; i++)
		if (v->blocks[i].kind == DV_PARA)
			last = i;
	for (size_t i = 0; i < v->nblocks; i++) {
		const struct dv_block *b = &v->blocks[i];

		if (b->kind == DV_RULE) {
			X(w_para(w, "center", "────────", p->body_pt, 0, p->para_space_pt, false));
		} else if (b->kind == DV_PARA) {
			X(xmlTextWriterStartElement(w, BAD_CAST "w:p"));
			/* the last paragraph goes over with the signature block, never leaves it alone */
			X(w_ppr(w, jc[b->align], p->para_space_pt, b->no_indent ? 0 : p->indent_mm,
				i == last));
			for (size_t k = 0; k < b->nruns; k++)
				X(w_run(w, b->runs[k].text, p->body_pt, b->runs[k].style, false));
			X(xmlTextWriterEndElement(w));
		} else {
			const struct dv_table *t = &b->table;
			char num[16];

			X(w_table_open(w, width, true));
			for (size_t x = 0; x < t->ncols; x++) {
				snprintf(num, sizeof(num), "%d", (int)(width * dv_col_frac(t, x)));
				X(w_attr(w, "w:gridCol", "w:w", num));
			}
			X(xmlTextWriterEndElement(w)); /* tblGrid */
			for (size_t y = 0; y < t->nrows; y++) {
				X(xmlTextWriterStartElement(w, BAD_CAST "w:tr"));
				for (size_t x = 0; x < t->ncols; x++) {
					X(w_cell_start(w, (int)(width * dv_col_frac(t, x))));
					X(w_para(w, "left", t->cells[y * t->ncols + x],
						 p->body_pt - 1, y == 0 && t->header ? DV_BOLD : 0,
						 0, false));
					X(xmlTextWriterEndElement(w));
				}
				X(xmlTextWriterEndElement(w));
			}
			X(xmlTextWriterEndElement(w));
			X(w_para(w, "left", "", p->body_pt, 0, 0, false));
		}
	}
	return 0;
fail:
	return -1;
}

/* A recipient line: "- " then the text, wrapped lines hanging under the text past the dash. */
static int w_recipient(xmlTextWriterPtr w, const char *line, double pt)
{
	char num[16];

	X(xmlTextWriterStartElement(w, BAD_CAST "w:p"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:pPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:spacing"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:before", BAD_CAST "0"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:after", BAD_CAST "0"));
	X(xmlTextWriterEndElement(w));
	/* "- " in Times New Roman: a hyphen (0.333 em) and a space (0.25 em), in twips */
	snprintf(num, sizeof(num), "%d", (int)(pt * 0.583 * 20 + 0.5));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:ind"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:left", BAD_CAST num));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:hanging", BAD_CAST num));
	X(xmlTextWriterEndElement(w));
	X(w_attr(w, "w:jc", "w:val", "left"));
	X(xmlTextWriterEndElement(w));
	X(w_run(w, line, pt, 0, false));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_closing(xmlTextWriterPtr w, const struct docview *v, const struct fmt_profile *p,
		     int c1, int c2)
{
	X(w_table_start(w, c1, c2, false));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:tr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:trPr"));
	X(w_attr(w, "w:cantSplit", NULL, NULL));
	X(xmlTextWriterEndElement(w));
	X(w_cell_start(w, c1));
	if (v->nrecipients) {
		X(w_para(w, "left", "Nơi nhận:", p->header_pt, DV_BOLD | DV_ITALIC, 0, true));
		for (size_t i = 0; i < v->nrecipients; i++) {
			char line[1024];

			snprintf(line, sizeof(line), "- %s%s", v->recipients[i],
				 i + 1 == v->nrecipients ? "" : ",");
			X(w_recipient(w, line, p->recipients_pt));
		}
	} else {
		X(w_para(w, "left", "", p->recipients_pt, 0, 0, false));
	}
	X(xmlTextWriterEndElement(w));
	X(w_cell_start(w, c2));
	X(w_para(w, "center", v->sig_authority, p->sign_pt, DV_BOLD, 0, false));
	X(w_para(w, "center", v->sig_position, p->sign_pt, DV_BOLD, 0, false));
	for (int i = 0; i < 4; i++)
		X(w_para(w, "center", "", p->sign_pt, 0, 0, false));
	X(w_para(w, "center", v->sig_name, p->sign_pt, DV_BOLD, 0, false));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static int w_sectpr(xmlTextWriterPtr w, const struct fmt_profile *p)
{
	char num[16];

	X(xmlTextWriterStartElement(w, BAD_CAST "w:sectPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:headerReference"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "default"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "r:id", BAD_CAST "rIdHeader"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:headerReference"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "first"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "r:id", BAD_CAST "rIdHeaderFirst"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:pgSz"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:w", BAD_CAST "11906"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:h", BAD_CAST "16838"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:pgMar"));
	snprintf(num, sizeof(num), "%d", TWIPS(p->margin_top));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:top", BAD_CAST num));
	snprintf(num, sizeof(num), "%d", TWIPS(p->margin_right));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:right", BAD_CAST num));
	snprintf(num, sizeof(num), "%d", TWIPS(p->margin_bottom));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:bottom", BAD_CAST num));
	snprintf(num, sizeof(num), "%d", TWIPS(p->margin_left));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:left", BAD_CAST num));
	snprintf(num, sizeof(num), "%d", TWIPS(p->margin_top / 2));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:header", BAD_CAST num));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:footer", BAD_CAST "567"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:gutter", BAD_CAST "0"));
	X(xmlTextWriterEndElement(w));
	if (p->page_numbers)
		X(w_attr(w, "w:titlePg", NULL, NULL));
	X(xmlTextWriterEndElement(w));
	return 0;
fail:
	return -1;
}

static xmlTextWriterPtr w_open(xmlBufferPtr b, const char *root)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(b, 0);

	if (!w)
		return NULL;
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes") < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST root) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:w", BAD_CAST W_NS) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:r", BAD_CAST R_NS) < 0) {
		xmlFreeTextWriter(w);
		return NULL;
	}
	return w;
}

static int w_close(xmlTextWriterPtr w)
{
	int r = xmlTextWriterEndDocument(w);

	xmlFreeTextWriter(w);
	return r < 0 ? -1 : 0;
}

static int docx_document(const struct docview *v, const struct fmt_profile *p, xmlBufferPtr b)
{
	int width = TWIPS(FMT_A4_W - p->margin_left - p->margin_right);
	int c1 = width * 42 / 100, c2 = width - c1;
	int k1 = width * 45 / 100, k2 = width - k1;
	xmlTextWriterPtr w = w_open(b, "w:document");

	if (!w)
		return -1;
	X(xmlTextWriterStartElement(w, BAD_CAST "w:body"));
	X(w_header(w, v, p, c1, c2));
	X(w_para(w, "center", "", p->body_pt, 0, 0, false));
	if (!empty_str(v->type_name))
		X(w_para(w, "center", v->type_name, p->type_pt, DV_BOLD, 0, false));
	if (!empty_str(v->summary))
		X(w_para(w, "center", v->summary, p->summary_pt, DV_BOLD, 0, false));
	X(w_blocks(w, v, p, width));
	X(w_closing(w, v, p, k1, k2));
	X(w_sectpr(w, p));
	X(xmlTextWriterEndElement(w));
	return w_close(w);
fail:
	xmlFreeTextWriter(w);
	return -1;
}

static int docx_header(const struct fmt_profile *p, bool numbered, xmlBufferPtr b)
{
	xmlTextWriterPtr w = w_open(b, "w:hdr");
	char num[16];

	if (!w)
		return -1;
	X(xmlTextWriterStartElement(w, BAD_CAST "w:p"));
	X(w_ppr(w, "center", 0, 0, false));
	if (numbered) {
		snprintf(num, sizeof(num), "%d", (int)(p->body_pt * 2));
		X(xmlTextWriterStartElement(w, BAD_CAST "w:fldSimple"));
		X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:instr", BAD_CAST " PAGE "));
		X(xmlTextWriterStartElement(w, BAD_CAST "w:r"));
		X(xmlTextWriterStartElement(w, BAD_CAST "w:rPr"));
		X(w_attr(w, "w:sz", "w:val", num));
		X(xmlTextWriterEndElement(w));
		X(xmlTextWriterWriteElement(w, BAD_CAST "w:t", BAD_CAST "2"));
		X(xmlTextWriterEndElement(w));
		X(xmlTextWriterEndElement(w));
	}
	X(xmlTextWriterEndElement(w));
	return w_close(w);
fail:
	xmlFreeTextWriter(w);
	return -1;
}

static int docx_styles(const struct fmt_profile *p, xmlBufferPtr b)
{
	xmlTextWriterPtr w = w_open(b, "w:styles");
	const char *font = docx_font(p);
	char num[16];

	if (!w)
		return -1;
	X(xmlTextWriterStartElement(w, BAD_CAST "w:docDefaults"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:rPrDefault"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:rPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:rFonts"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:ascii", BAD_CAST font));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:hAnsi", BAD_CAST font));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:cs", BAD_CAST font));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:eastAsia", BAD_CAST font));
	X(xmlTextWriterEndElement(w));
	snprintf(num, sizeof(num), "%d", (int)(p->body_pt * 2));
	X(w_attr(w, "w:sz", "w:val", num));
	X(w_attr(w, "w:lang", "w:val", "vi-VN"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:pPrDefault"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:pPr"));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:spacing"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:after", BAD_CAST "0"));
	snprintf(num, sizeof(num), "%d", (int)(p->line_spacing * 240));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:line", BAD_CAST num));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:lineRule", BAD_CAST "auto"));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterEndElement(w));
	X(xmlTextWriterStartElement(w, BAD_CAST "w:style"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:type", BAD_CAST "paragraph"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:default", BAD_CAST "1"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "w:styleId", BAD_CAST "Normal"));
	X(w_attr(w, "w:name", "w:val", "Normal"));
	X(w_attr(w, "w:qFormat", NULL, NULL));
	X(xmlTextWriterEndElement(w));
	return w_close(w);
fail:
	xmlFreeTextWriter(w);
	return -1;
}

static const char docx_content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    "<Override PartName=\"/word/header2.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>\n";

static const char docx_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    "core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char docx_doc_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdHeader\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
    "Target=\"header1.xml\"/>"
    "<Relationship Id=\"rIdHeaderFirst\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
    "Target=\"header2.xml\"/>"
    "</Relationships>\n";

static int docx_core(const struct docview *v, xmlBufferPtr b)
{
	xmlTextWriterPtr w = xmlNewTextWriterMemory(b, 0);

	if (!w)
		return -1;
	X(xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes"));
	X(xmlTextWriterStartElement(w, BAD_CAST "cp:coreProperties"));
	X(xmlTextWriterWriteAttribute(
	    w, BAD_CAST "xmlns:cp",
	    BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"));
	X(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dc",
				      BAD_CAST "http://purl.org/dc/elements/1.1/"));
	X(xmlTextWriterWriteElement(w, BAD_CAST "dc:title", BAD_CAST(v->title ? v->title : "")));
	X(xmlTextWriterWriteElement(w, BAD_CAST "dc:creator", BAD_CAST "dondoc"));
	X(xmlTextWriterEndElement(w));
	return w_close(w);
fail:
	xmlFreeTextWriter(w);
	return -1;
}

static int zip_add_mem(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);

	if (!s)
		return -1;
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

static int docx_render(const struct docview *v, struct buf *out, struct err *e)
{
	struct fmt_profile def;
	const struct fmt_profile *p = v->profile;
	xmlBufferPtr doc = xmlBufferCreate(), sty = xmlBufferCreate(), h1 = xmlBufferCreate(),
		     h2 = xmlBufferCreate(), core = xmlBufferCreate();
	zip_source_t *src = NULL;
	zip_t *z = NULL;
	zip_error_t ze;
	zip_stat_t st;
	int r = ERR_NOMEM;

	zip_error_init(&ze);
	if (!p) {
		fmt_profile_default(&def);
		p = &def;
	}
	if (!doc || !sty || !h1 || !h2 || !core)
		goto out;
	r = fmt_profile_check(p, e);
	if (r < 0)
		goto done;
	r = ERR_INTERNAL;
	if (docx_document(v, p, doc) < 0 || docx_styles(p, sty) < 0 ||
	    docx_header(p, p->page_numbers, h1) < 0 || docx_header(p, false, h2) < 0 ||
	    docx_core(v, core) < 0)
		goto out;
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		goto out;
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!z)
		goto out;
	zip_source_keep(src);
	if (zip_add_mem(z, "[Content_Types].xml", docx_content_types,
			sizeof(docx_content_types) - 1) < 0 ||
	    zip_add_mem(z, "_rels/.rels", docx_rels, sizeof(docx_rels) - 1) < 0 ||
	    zip_add_mem(z, "word/_rels/document.xml.rels", docx_doc_rels,
			sizeof(docx_doc_rels) - 1) < 0 ||
	    zip_add_mem(z, "word/document.xml", xmlBufferContent(doc),
			(size_t)xmlBufferLength(doc)) < 0 ||
	    zip_add_mem(z, "word/styles.xml", xmlBufferContent(sty), (size_t)xmlBufferLength(sty)) <
		0 ||
	    zip_add_mem(z, "word/header1.xml", xmlBufferContent(h1), (size_t)xmlBufferLength(h1)) <
		0 ||
	    zip_add_mem(z, "word/header2.xml", xmlBufferContent(h2), (size_t)xmlBufferLength(h2)) <
		0 ||
	    zip_add_mem(z, "docProps/core.xml", xmlBufferContent(core),
			(size_t)xmlBufferLength(core)) < 0) {
		zip_discard(z);
		z = NULL;
		goto out;
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		z = NULL;
		goto out;
	}
	z = NULL;
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		goto out;
	{
		char chunk[16384];
		zip_int64_t n;

		r = 0;
		while (r == 0 && (n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
			r = buf_add(out, chunk, (size_t)n);
		zip_source_close(src);
		if (r < 0) {
			err_set(e, r, "tệp DOCX quá lớn");
			goto done;
		}
	}
	r = 0;
	goto done;
out:
	err_set(e, r, "không tạo được tệp DOCX");
done:
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	xmlBufferFree(doc);
	xmlBufferFree(sty);
	xmlBufferFree(h1);
	xmlBufferFree(h2);
	xmlBufferFree(core);
	return r;
}

/* The module's entry points (office_mod.h). */
const struct office_mod dondoc_mod_office = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .docx_render = docx_render,
    .followup_xlsx = office_followup_xlsx,
    .ind_table_xlsx = office_ind_table_xlsx,
};
