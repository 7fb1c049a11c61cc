/* email.c: the one check of an e-mail address a person enters. */
#include "util/email.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* RFC 5322 atext less the quote-like ' and `, which people type by mistake. */
static bool local_char(unsigned char c)
{
	return is_alnum(c) || (c && strchr("!#$%&*+-/=?^_{|}~", c));
}

/* What is wrong with addr, or NULL. */
static const char *email_fault(const char *addr)
{
	size_t len = strlen(addr), nlocal, label = 0;
	const char *at = strchr(addr, '@'), *dom, *last;
	bool digits_only = true;

	if (len == 0)
		return "trống";
	/* The most telling fault first: "Văn phòng <vp@x.vn>" is about the brackets. */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)addr[i] < 0x20 || addr[i] == 0x7f)
			return "có ký tự điều khiển";
	if (strpbrk(addr, "<>\"'`"))
		return "chỉ ghi địa chỉ trần, không có ngoặc nhọn hay dấu nháy "
		       "(ví dụ vanphong@tanyen.vn)";
	if (strpbrk(addr, ",;"))
		return "có dấu phẩy hoặc chấm phẩy (mỗi ô chỉ một địa chỉ)";
	if (strpbrk(addr, " \t"))
		return "có khoảng trắng";
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)addr[i] >= 0x80)
			return "có chữ có dấu hoặc ký tự ngoài bảng mã ASCII";
	if (len > EMAIL_MAX)
		return "dài quá 254 byte";
	if (!at)
		return "thiếu dấu @ (dạng ten@donvi.vn)";
	if (strchr(at + 1, '@'))
		return "có nhiều hơn một dấu @";
	nlocal = (size_t)(at - addr);
	if (nlocal == 0)
		return "thiếu phần tên trước dấu @";
	if (nlocal > EMAIL_LOCAL_MAX)
		return "phần trước dấu @ dài quá 64 byte";
	if (addr[0] == '.' || at[-1] == '.')
		return "phần trước dấu @ không được bắt đầu hay kết thúc bằng dấu chấm";
	for (const char *p = addr; p < at; p++) {
		if (*p == '.' && p[1] == '.')
			return "phần trước dấu @ có hai dấu chấm liền nhau";
		if (*p != '.' && !local_char((unsigned char)*p))
			return "phần trước dấu @ có ký tự không dùng được";
	}
	dom = at + 1;
	if (!*dom)
		return "thiếu tên miền sau dấu @";
	if (!strchr(dom, '.'))
		return "tên miền phải có dấu chấm (ví dụ tanyen.vn)";
	last = dom;
	for (const char *p = dom;; p++) {
		if (*p == '.' || *p == '\0') {
			if (label == 0)
				return "tên miền có nhãn rỗng (hai dấu chấm liền nhau hoặc dấu "
				       "chấm ở "
				       "đầu, cuối)";
			if (label > 63)
				return "một nhãn của tên miền dài quá 63 byte";
			if (p[-1] == '-' || p[-(ptrdiff_t)label] == '-')
				return "nhãn của tên miền không được bắt đầu hay kết thúc bằng dấu "
				       "-";
			if (*p == '\0')
				break;
			label = 0;
			last = p + 1;
			continue;
		}
		if (!is_alnum((unsigned char)*p) && *p != '-')
			return "tên miền chỉ gồm chữ không dấu, chữ số, dấu - và dấu chấm";
		label++;
	}
	for (const char *p = last; *p; p++)
		if (!(*p >= '0' && *p <= '9'))
			digits_only = false;
	if (digits_only)
		return "tên miền phải kết thúc bằng một tên (như .vn), không phải số";
	return NULL;
}

int email_check(const char *addr, const char *what, struct err *e)
{
	const char *why = email_fault(addr ? addr : "");
	bool printable = true;

	if (!why)
		return 0;
	for (const char *p = addr ? addr : ""; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			printable = false;
	if (!printable || strlen(addr) > 80)
		return err_set(e, ERR_INVAL, "%s không hợp lệ: %s", what, why);
	return err_set(e, ERR_INVAL, "%s '%s' không hợp lệ: %s", what, addr, why);
}
