/* ind_table.h: an indicator report as a CSV or XLSX table. */
#pragma once

#include "core/indicators/indicator.h"
#include "util/buf.h"
#include "util/err.h"

/*
 * Appends the report as CSV (RFC 4180, UTF-8, numbers in machine form
 * "1593.851" so any spreadsheet reads them exactly), one row per figure.
 */
int ind_table_csv(const struct ind_report *r, struct buf *out);
/* Writes the report as an XLSX workbook at path; numbers keep their printed decimals. */
int ind_table_xlsx(const struct ind_report *r, const char *path, struct err *e);
