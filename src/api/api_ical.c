/* api_ical.c: an iCalendar feed of the sessions the account sees (RFC 5545). */
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include "api/api.h"

const struct http_field api_ical_fields[] = {
    {"token", HF_TEXT, false, 64, NULL, "Mã truy cập (token)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * One content line: text escaped (\\ ; , and newlines) and folded so that no
 * line is longer than 75 octets, without splitting a UTF-8 sequence (RFC
 * 5545 §3.1 and §3.3.11). The one writer of the feeds' text properties.
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
	for (size_t i = 0; rc == 0 && i < line.len;) {
		unsigned char ch = (unsigned char)line.data[i];
		size_t n = ch < 0xc0 ? 1 : ch < 0xe0 ? 2 : ch < 0xf0 ? 3 : 4;

		if (n > line.len - i)
			n = line.len - i;
		if (col + n > 75) {
			rc = buf_puts(b, "\r\n ");
			col = 1;
		}
		if (rc == 0)
			rc = buf_add(b, line.data + i, n);
		col += n;
		i += n;
	}
	if (rc == 0)
		rc = buf_puts(b, "\r\n");
	buf_free(&line);
	return rc;
}

/* "2023-10-04" → "20231004"; false when the text is not a date. */
static bool ical_day(const char *date, char day[9])
{
	if (!date || strlen(date) != 10)
		return false;
	memcpy(day, date, 4);
	memcpy(day + 4, date + 5, 2);
	memcpy(day + 6, date + 8, 2);
	day[8] = '\0';
	return true;
}

/* The calendar's head, with the moment of the feed in stamp (DTSTAMP). */
static int ical_begin(struct http_req *r, const char *what, const char *file, char stamp[20])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, 20, "%Y%m%dT%H%M%SZ", &tm);
	r->ctype = "text/calendar; charset=utf-8";
	r->disposition = arena_printf(r->arena, "inline; filename=\"%s\"", file);
	return buf_printf(&r->out,
			  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dondoc//%s//VI\r\n"
			  "CALSCALE:GREGORIAN\r\n",
			  what);
}

int api_ical_sessions(struct http_req *r)
{
	struct read_page p = {.after = 0, .limit = 100000, .since = ""};
	struct read_session *s;
	char stamp[20], day[9];
	size_t n;
	int rc;

	rc = ical_begin(r, "phien hop", "dondoc-phien-hop.ics", stamp);
	if (rc == 0)
		rc = ical_line(&r->out, "X-WR-CALNAME:", "Phiên họp");
	if (rc == 0)
		rc = read_sessions(r->db, &r->acct, &p, r->arena, &s, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *summary;

		if (!ical_day(s[i].date, day))
			continue;
		summary = arena_printf(r->arena, "%s — phiên thứ %lld", s[i].organ,
				       (long long)s[i].number);
		rc = buf_printf(&r->out,
				"BEGIN:VEVENT\r\nUID:session-%lld@dondoc\r\nDTSTAMP:%s\r\n"
				"DTSTART;VALUE=DATE:%s\r\n",
				(long long)s[i].id, stamp, day);
		if (rc == 0)
			rc = ical_line(&r->out, "SUMMARY:", summary);
		if (rc == 0 && s[i].place)
			rc = ical_line(&r->out, "LOCATION:", s[i].place);
		if (rc == 0)
			rc = ical_line(&r->out, "DESCRIPTION:", s[i].body);
		if (rc == 0)
			rc = buf_puts(&r->out, "END:VEVENT\r\n");
	}
	if (rc < 0)
		return rc;
	return buf_puts(&r->out, "END:VCALENDAR\r\n");
}

const struct http_field api_ical_task_fields[] = {
    {"token", HF_TEXT, false, 64, NULL, "Mã truy cập (token)"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị (unit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * The request's host name and port as the client named it, when it is made
 * of host characters only (it goes into UIDs and URLs); "localhost" otherwise.
 */
static const char *ical_host(struct http_req *r)
{
	const char *h = http_header(r, "Host");
	size_t n = h ? strlen(h) : 0;

	if (n == 0 || n > 255)
		return "localhost";
	for (size_t i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]",
			    h[i]))
			return "localhost";
	return h;
}

/*
 * GET /ical/tasks.ics?body=&unit=: one all-day event on the due date of every
 * open task with a deadline that the account sees (a reporter: its unit's).
 */
int api_ical_tasks(struct http_req *r)
{
	const char *host = ical_host(r), *proto = http_header(r, "X-Forwarded-Proto");
	size_t hlen = strcspn(host, ":"), n = 0;
	struct read_due_task *t = NULL;
	char stamp[20], day[9];
	int rc;

	proto = proto && strcmp(proto, "https") == 0 ? "https" : "http";
	if (host[0] == '[')
		hlen = strcspn(host, "]") + 1;
	rc = ical_begin(r, "han nhiem vu", "dondoc-han-nhiem-vu.ics", stamp);
	if (rc == 0)
		rc = ical_line(&r->out, "X-WR-CALNAME:", "Hạn nhiệm vụ");
	if (rc == 0)
		rc = read_due_tasks(r->db, &r->acct, http_arg_int(r, "body", 0),
				    http_arg_int(r, "unit", 0), r->arena, &t, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		long long id = (long long)t[i].id;

		if (!ical_day(t[i].due, day))
			continue;
		rc = buf_printf(&r->out,
				"BEGIN:VEVENT\r\nUID:task-%lld@%.*s\r\nDTSTAMP:%s\r\n"
				"DTSTART;VALUE=DATE:%s\r\n",
				id, (int)hlen, host, stamp, day);
		if (rc == 0)
			rc = ical_line(&r->out, "SUMMARY:", t[i].content);
		if (rc == 0)
			rc = ical_line(
			    &r->out, "DESCRIPTION:",
			    arena_printf(r->arena, "Chủ trì: %s\nThời hạn: %s",
					 t[i].lead ? t[i].lead : "(chưa giao)",
					 t[i].deadline_text ? t[i].deadline_text : t[i].due));
		if (rc == 0)
			rc = ical_line(
			    &r->out,
			    "URL:", arena_printf(r->arena, "%s://%s/tasks/%lld", proto, host, id));
		if (rc == 0)
			rc = buf_puts(&r->out, "END:VEVENT\r\n");
	}
	if (rc < 0)
		return rc;
	return buf_puts(&r->out, "END:VCALENDAR\r\n");
}
