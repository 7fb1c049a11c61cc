/*
 * sign_tsa.c: signature timestamps (PAdES B-T) with OpenSSL's libcrypto: an
 * RFC 3161 token asked for over a CMS signature's value and added as its
 * unsigned attribute, and the token of a signature read and checked (dondoc-tsa).
 */
#include <curl/curl.h>
#include <dirent.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sign/sign_int.h"

#define TSA_REPLY_MAX (256u << 10)
#define TSA_TIMEOUT 30L

/* The first signer's signature value of a parsed CMS; NULL when it has none. */
static CMS_SignerInfo *first_signer(CMS_ContentInfo *ci, ASN1_OCTET_STRING **ret_sig)
{
	STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(ci);
	CMS_SignerInfo *si;

	if (!sis || sk_CMS_SignerInfo_num(sis) < 1)
		return NULL;
	si = sk_CMS_SignerInfo_value(sis, 0);
	*ret_sig = CMS_SignerInfo_get0_signature(si);
	return *ret_sig ? si : NULL;
}

/* The time t (UTC) in ISO 8601 in Vietnam's time; arena memory. */
static const char *iso_vn(time_t t, struct arena *a)
{
	struct tm tm;

	t += 7 * 3600;
	gmtime_r(&t, &tm);
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static size_t take_reply(char *p, size_t size, size_t n, void *ud)
{
	struct buf *b = ud;

	return buf_add(b, p, size * n) < 0 ? 0 : size * n;
}

/* POSTs the request der to url; the answer's body into reply. */
static int tsa_post(const char *url, const unsigned char *der, size_t len, struct buf *reply,
		    struct err *e)
{
	struct curl_slist *h = NULL;
	CURL *c = curl_easy_init();
	char cerr[CURL_ERROR_SIZE] = "";
	long code = 0;
	int r = 0;
	CURLcode cr;

	if (!c)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	h = curl_slist_append(h, "Content-Type: application/timestamp-query");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, (const char *)der);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, take_reply);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, reply);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, TSA_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cr = curl_easy_perform(c);
	if (cr == CURLE_WRITE_ERROR)
		r = err_set(e, ERR_UNAVAIL, "máy chủ dấu thời gian '%s' trả lời quá lớn", url);
	else if (cr != CURLE_OK)
		r = err_set(e, ERR_UNAVAIL,
			    "không kết nối được máy chủ dấu thời gian (TSA) '%s': %s; kiểm tra "
			    "--tsa hoặc DONDOC_TSA",
			    url, cerr[0] ? cerr : curl_easy_strerror(cr));
	if (r == 0) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code != 200)
			r = err_set(
			    e, ERR_UNAVAIL,
			    "máy chủ dấu thời gian '%s' trả lời lỗi HTTP %ld, không cấp dấu "
			    "thời gian",
			    url, code);
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return r;
}

/* The request: SHA-256 of sig, a random nonce (into ret_nonce), the TSA's certificate asked for. */
static int tsa_request(const unsigned char md[32], ASN1_INTEGER **ret_nonce,
		       unsigned char **ret_der, int *ret_len)
{
	TS_REQ *req = TS_REQ_new();
	TS_MSG_IMPRINT *mi = TS_MSG_IMPRINT_new();
	X509_ALGOR *alg = X509_ALGOR_new();
	unsigned char nb[8];
	BIGNUM *bn = NULL;
	ASN1_INTEGER *nonce = NULL;
	int ok = req && mi && alg;

	ok = ok && X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL);
	ok = ok && TS_MSG_IMPRINT_set_algo(mi, alg);
	ok = ok && TS_MSG_IMPRINT_set_msg(mi, (unsigned char *)md, 32);
	ok = ok && TS_REQ_set_version(req, 1) && TS_REQ_set_msg_imprint(req, mi);
	ok = ok && RAND_bytes(nb, sizeof(nb)) == 1;
	if (ok) {
		nb[0] = (unsigned char)((nb[0] & 0x7f) | 0x01);
		bn = BN_bin2bn(nb, sizeof(nb), NULL);
		nonce = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
	}
	ok = ok && nonce && TS_REQ_set_nonce(req, nonce) && TS_REQ_set_cert_req(req, 1);
	*ret_der = NULL;
	if (ok)
		*ret_len = i2d_TS_REQ(req, ret_der);
	ok = ok && *ret_len > 0;
	BN_free(bn);
	X509_ALGOR_free(alg);
	TS_MSG_IMPRINT_free(mi);
	TS_REQ_free(req);
	if (!ok) {
		ASN1_INTEGER_free(nonce);
		OPENSSL_free(*ret_der);
		*ret_der = NULL;
		return ERR_INTERNAL;
	}
	*ret_nonce = nonce;
	return 0;
}

/* The answer checked: granted, over md, with the nonce sent; its token's DER into ret. */
static int tsa_answer(const char *url, const struct buf *reply, const unsigned char md[32],
		      const ASN1_INTEGER *nonce, unsigned char **ret, int *ret_len, struct err *e)
{
	const unsigned char *p = (const unsigned char *)reply->data;
	TS_RESP *resp = d2i_TS_RESP(NULL, &p, (long)reply->len);
	TS_STATUS_INFO *si;
	TS_TST_INFO *tst;
	TS_MSG_IMPRINT *mi;
	const ASN1_OCTET_STRING *got;
	const ASN1_INTEGER *gn;
	long status;
	int r = 0;

	*ret = NULL;
	if (!resp) {
		r = err_set(
		    e, ERR_UNAVAIL,
		    "máy chủ '%s' không trả lời bằng dấu thời gian (RFC 3161): kiểm tra địa "
		    "chỉ --tsa",
		    url);
		goto out;
	}
	si = TS_RESP_get_status_info(resp);
	status = si ? ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(si)) : -1;
	if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS) {
		const STACK_OF(ASN1_UTF8STRING) *text = si ? TS_STATUS_INFO_get0_text(si) : NULL;
		const ASN1_UTF8STRING *t0 = text && sk_ASN1_UTF8STRING_num(text) > 0
						? sk_ASN1_UTF8STRING_value(text, 0)
						: NULL;

		r = err_set(e, ERR_UNAVAIL,
			    "máy chủ dấu thời gian '%s' từ chối cấp dấu thời gian (trạng thái "
			    "%ld%s%.*s)",
			    url, status, t0 ? ": " : "", t0 ? ASN1_STRING_length(t0) : 0,
			    t0 ? (const char *)ASN1_STRING_get0_data(t0) : "");
		goto out;
	}
	tst = TS_RESP_get_tst_info(resp);
	if (!tst || !TS_RESP_get_token(resp)) {
		r = err_set(e, ERR_UNAVAIL,
			    "máy chủ dấu thời gian '%s' trả lời thiếu dấu thời gian", url);
		goto out;
	}
	mi = TS_TST_INFO_get_msg_imprint(tst);
	got = mi ? TS_MSG_IMPRINT_get_msg(mi) : NULL;
	if (!got || OBJ_obj2nid(TS_MSG_IMPRINT_get_algo(mi)->algorithm) != NID_sha256 ||
	    ASN1_STRING_length(got) != 32 || memcmp(ASN1_STRING_get0_data(got), md, 32) != 0) {
		r = err_set(e, ERR_UNAVAIL,
			    "dấu thời gian của máy chủ '%s' không khớp với chữ ký (mã băm khác "
			    "mã băm đã gửi): không dùng được",
			    url);
		goto out;
	}
	gn = TS_TST_INFO_get_nonce(tst);
	if (!gn || ASN1_INTEGER_cmp(gn, nonce) != 0) {
		r = err_set(e, ERR_UNAVAIL,
			    "dấu thời gian của máy chủ '%s' không phải trả lời cho yêu cầu này (số "
			    "nonce khác): không dùng được",
			    url);
		goto out;
	}
	*ret_len = i2d_PKCS7(TS_RESP_get_token(resp), ret);
	if (*ret_len <= 0)
		r = err_set(e, ERR_INTERNAL, "không ghi được dấu thời gian");
out:
	TS_RESP_free(resp);
	return r;
}

static int tsa_stamp(const char *url, struct buf *cms, struct err *e)
{
	const unsigned char *p = (const unsigned char *)cms->data;
	CMS_ContentInfo *ci = d2i_CMS_ContentInfo(NULL, &p, (long)cms->len);
	struct buf reply = BUF_INIT(TSA_REPLY_MAX);
	ASN1_OCTET_STRING *sig = NULL;
	ASN1_INTEGER *nonce = NULL;
	CMS_SignerInfo *si = ci ? first_signer(ci, &sig) : NULL;
	unsigned char md[32], *req = NULL, *tok = NULL, *out = NULL;
	int req_len = 0, tok_len = 0, out_len;
	int r = 0;

	if (!si) {
		r = err_set(e, ERR_INTERNAL, "không đọc lại được chữ ký vừa tạo");
		goto out;
	}
	SHA256(ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig), md);
	if (tsa_request(md, &nonce, &req, &req_len) < 0) {
		r = err_set(e, ERR_INTERNAL, "không tạo được yêu cầu dấu thời gian");
		goto out;
	}
	r = tsa_post(url, req, (size_t)req_len, &reply, e);
	if (r == 0)
		r = tsa_answer(url, &reply, md, nonce, &tok, &tok_len, e);
	if (r < 0)
		goto out;
	if (!CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, tok,
					   tok_len) ||
	    (out_len = i2d_CMS_ContentInfo(ci, &out)) <= 0) {
		r = err_set(e, ERR_INTERNAL, "không thêm được dấu thời gian vào chữ ký");
		goto out;
	}
	buf_reset(cms);
	if (buf_add(cms, out, (size_t)out_len) < 0)
		r = err_set(e, ERR_TOOBIG, "chữ ký quá lớn");
out:
	OPENSSL_free(out);
	OPENSSL_free(tok);
	OPENSSL_free(req);
	ASN1_INTEGER_free(nonce);
	CMS_ContentInfo_free(ci);
	buf_free(&reply);
	ERR_clear_error();
	return r;
}

/* The trust store for timestamps, as sign_trust_open reads it for signatures. */
static X509_STORE *ts_store(const char *path)
{
	X509_STORE *st = X509_STORE_new();
	struct stat sb;

	if (!st)
		return NULL;
	if (!path || !*path) {
		X509_STORE_set_default_paths(st);
	} else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;

		while (d && (de = readdir(d)) != NULL) {
			char f[4096];

			if (de->d_name[0] == '.')
				continue;
			snprintf(f, sizeof(f), "%s/%s", path, de->d_name);
			X509_STORE_load_file(st, f);
		}
		if (d)
			closedir(d);
	} else {
		X509_STORE_load_file(st, path);
	}
	ERR_clear_error();
	return st;
}

static int tsa_check(const unsigned char *der, size_t len, const char *trust, struct arena *a,
		     struct sign_info *s, struct err *e)
{
	const unsigned char *p = der;
	CMS_ContentInfo *ci = d2i_CMS_ContentInfo(NULL, &p, (long)len);
	ASN1_OCTET_STRING *sig = NULL;
	CMS_SignerInfo *si = ci ? first_signer(ci, &sig) : NULL;
	PKCS7 *token = NULL;
	TS_TST_INFO *tst = NULL;
	TS_VERIFY_CTX *ctx = NULL;
	X509_STORE *st = NULL;
	int idx;

	(void)e;
	if (!si || (idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1)) < 0)
		goto out;
	s->ts = true;
	{
		X509_ATTRIBUTE *at = CMS_unsigned_get_attr(si, idx);
		ASN1_TYPE *t = at ? X509_ATTRIBUTE_get0_type(at, 0) : NULL;

		if (t && t->type == V_ASN1_SEQUENCE) {
			p = ASN1_STRING_get0_data(t->value.sequence);
			token = d2i_PKCS7(NULL, &p, ASN1_STRING_length(t->value.sequence));
		}
		tst = token ? PKCS7_to_TS_TST_INFO(token) : NULL;
	}
	if (!tst) {
		s->ts_problem = "dấu thời gian hỏng (không đọc được)";
		goto out;
	}
	{
		const ASN1_GENERALIZEDTIME *gt = TS_TST_INFO_get_time(tst);
		struct tm tm;

		if (gt && ASN1_TIME_to_tm(gt, &tm))
			s->ts_time = iso_vn(timegm(&tm), a);
		else
			s->ts_time = "không rõ";
	}
	{
		TS_MSG_IMPRINT *mi = TS_TST_INFO_get_msg_imprint(tst);
		const ASN1_OCTET_STRING *want = TS_MSG_IMPRINT_get_msg(mi);
		const EVP_MD *md = EVP_get_digestbyobj(TS_MSG_IMPRINT_get_algo(mi)->algorithm);
		unsigned char got[EVP_MAX_MD_SIZE];
		unsigned n = 0;

		if (!md ||
		    !EVP_Digest(ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig), got,
				&n, md, NULL) ||
		    (int)n != ASN1_STRING_length(want) ||
		    memcmp(got, ASN1_STRING_get0_data(want), n) != 0) {
			s->ts_problem =
			    "dấu thời gian không khớp với chữ ký này (mã băm chữ ký khác)";
			goto out;
		}
	}
	/* the token's own signature, and its TSA's chain at the time it gives */
	st = ts_store(trust);
	ctx = TS_VERIFY_CTX_new();
	if (!st || !ctx) {
		s->ts_problem = "không kiểm tra được dấu thời gian (thiếu bộ nhớ)";
		goto out;
	}
	{
		const ASN1_GENERALIZEDTIME *gt = TS_TST_INFO_get_time(tst);
		struct tm tm;

		if (gt && ASN1_TIME_to_tm(gt, &tm))
			X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(st), timegm(&tm));
	}
	TS_VERIFY_CTX_set_flags(ctx, TS_VFY_SIGNATURE);
	TS_VERIFY_CTX_set_store(ctx, st);
	st = NULL; /* the context owns it */
	ERR_clear_error();
	if (TS_RESP_verify_token(ctx, token) == 1) {
		s->ts_intact = s->ts_trusted = true;
	} else {
		unsigned long why = ERR_peek_last_error();

		if (ERR_GET_LIB(why) == ERR_LIB_TS &&
		    ERR_GET_REASON(why) == TS_R_CERTIFICATE_VERIFY_ERROR) {
			s->ts_intact = true;
			s->ts_problem =
			    "chứng thư của máy chủ dấu thời gian không do tổ chức chứng "
			    "thực tin cậy cấp";
		} else {
			s->ts_problem = "dấu thời gian đã bị thay đổi (chữ ký của máy chủ dấu thời "
					"gian không đúng)";
		}
	}
out:
	TS_VERIFY_CTX_free(ctx);
	X509_STORE_free(st);
	TS_TST_INFO_free(tst);
	PKCS7_free(token);
	CMS_ContentInfo_free(ci);
	ERR_clear_error();
	return 0;
}

/* The module's entry points (sign_int.h). */
const struct sign_tsa_mod dondoc_mod_tsa = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .stamp = tsa_stamp,
    .check = tsa_check,
};
