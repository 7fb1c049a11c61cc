/* api_ical.c: an iCalendar feed of the sessions the account sees (RFC 5545). */
#include <string.h>
#include <time.h>

#include "api/api.h"

const struct http_field api_ical_fields[] = {
    {"token", HF_TEXT, false, 64, NULL, "Mã truy cập (token)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * One content line: text escaped (\\ ; , and newlines) and folded at 75
 * octets without splitting a UTF-8 sequence.
 */
static int ical_line(struct buf *b, const char *name, const char *text)
{
	struct buf line = BUF_INIT(1 << 16);
	size_t col = 0;
	int rc;

	rc = buf_puts(&line, name);
	for (const char *p = text ? text : ""; rc == 0 && *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			rc = buf_putc(&line, '\\');
		if (rc == 0 && *p == '\n')
			rc = buf_puts(&line, "\\n");
		else if (rc == 0 && *p != '\r')
			rc = buf_putc(&line, *p);
	}
	for (size_t i = 0; rc == 0 && i < line.len; i++) {
		unsigned char ch = (unsigned char)line.data[i];

		if (col >= 74 && (ch & 0xc0) != 0x80) {
			rc = buf_puts(b, "\r\n ");
			col = 1;
		}
		if (rc == 0)
			rc = buf_putc(b, ch);
		col++;
	}
	if (rc == 0)
		rc = buf_puts(b, "\r\n");
	buf_free(&line);
	return rc;
}

int api_ical_sessions(struct http_req *r)
{
	struct db_q *q;
	char stamp[20], day[9];
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	r->ctype = "text/calendar; charset=utf-8";
	r->disposition = "inline; filename=\"dondoc-phien-hop.ics\"";
	rc = buf_puts(&r->out,
		      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dondoc//phien hop//VI\r\n"
		      "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Phiên họp\r\n");
	if (rc == 0)
		rc = db_prepare(r->db, SQL_WEB_SESSIONS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "iiit", r->acct.id, (int64_t)0, (int64_t)100000, "");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		const char *date = db_col_text(q, 3);
		char *summary;

		if (!date || strlen(date) != 10) {
			rc = 0;
			continue;
		}
		memcpy(day, date, 4);
		memcpy(day + 4, date + 5, 2);
		memcpy(day + 6, date + 8, 2);
		day[8] = '\0';
		summary = arena_printf(r->arena, "%s — phiên thứ %lld", db_col_text(q, 6),
				       (long long)db_col_int(q, 1));
		rc = buf_printf(&r->out,
				"BEGIN:VEVENT\r\nUID:session-%lld@dondoc\r\nDTSTAMP:%s\r\n"
				"DTSTART;VALUE=DATE:%s\r\n",
				(long long)db_col_int(q, 0), stamp, day);
		if (rc == 0)
			rc = ical_line(&r->out, "SUMMARY:", summary);
		if (rc == 0 && db_col_text(q, 4))
			rc = ical_line(&r->out, "LOCATION:", db_col_text(q, 4));
		if (rc == 0)
			rc = ical_line(&r->out, "DESCRIPTION:", db_col_text(q, 7));
		if (rc == 0)
			rc = buf_puts(&r->out, "END:VEVENT\r\n");
		if (rc == 0)
			rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	return buf_puts(&r->out, "END:VCALENDAR\r\n");
}
