/* sign_cms.c: the CMS side of signing with GnuTLS: keys from PKCS#11 or PKCS#12, SignedData made and checked. */
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sign/sign_int.h"

#define SIGN_CHAIN_MAX 8

struct sign_key {
	gnutls_privkey_t key;
	gnutls_x509_crt_t chain[SIGN_CHAIN_MAX]; /* the signer's certificate first */
	unsigned nchain;
	const char *pin;
	bool pin_wrong;
	char name[256];
};

static int pin_cb(void *userdata, int attempt, const char *token_url, const char *token_label,
		  unsigned flags, char *pin, size_t pin_max)
{
	struct sign_key *k = userdata;

	if (attempt > 0 || (flags & GNUTLS_PIN_WRONG)) {
		k->pin_wrong = true;
		return GNUTLS_E_PKCS11_PIN_ERROR;
	}
	if (!k->pin || strlen(k->pin) >= pin_max)
		return GNUTLS_E_PKCS11_PIN_ERROR;
	memcpy(pin, k->pin, strlen(k->pin) + 1);
	return 0;
}

static int read_file(const char *path, gnutls_datum_t *ret, struct err *e)
{
	int r = gnutls_load_file(path, ret);

	if (r < 0)
		return err_set(e, ERR_NOTFOUND, "không đọc được tệp '%s'", path);
	return 0;
}

static int crt_import(gnutls_x509_crt_t c, const void *data, size_t len)
{
	gnutls_datum_t d = {(unsigned char *)(uintptr_t)data, (unsigned)len};

	if (gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_PEM) == 0)
		return 0;
	return gnutls_x509_crt_import(c, &d, GNUTLS_X509_FMT_DER);
}

/* "pkcs11:…" with ";attr=value" appended, the value percent-encoded. */
static void url_add(char *url, size_t n, const char *attr, const char *value)
{
	size_t l = strlen(url);

	l += (size_t)snprintf(url + l, l < n ? n - l : 0, ";%s=", attr);
	for (const unsigned char *p = (const unsigned char *)value; *p && l + 4 < n; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.')
			url[l++] = (char)*p;
		else
			l += (size_t)snprintf(url + l, n - l, "%%%02X", *p);
	}
	url[l < n ? l : n - 1] = '\0';
}

/* The token: the one labelled label, or the first initialised one; its URL into url. */
static int find_token(const char *label, char *url, size_t n, struct err *e)
{
	for (unsigned i = 0;; i++) {
		char *u = NULL, lab[256];
		size_t lsz = sizeof(lab);
		unsigned flags = 0;
		int r = gnutls_pkcs11_token_get_url(i, GNUTLS_PKCS11_URL_GENERIC, &u);

		if (r < 0)
			break;
		if (gnutls_pkcs11_token_get_info(u, GNUTLS_PKCS11_TOKEN_LABEL, lab, &lsz) < 0)
			lab[0] = '\0';
		gnutls_pkcs11_token_get_flags(u, &flags);
		if ((label && strcmp(label, lab) == 0) ||
		    (!label && lab[0] && (flags & GNUTLS_PKCS11_TOKEN_INITIALIZED))) {
			snprintf(url, n, "%s", u);
			gnutls_free(u);
			return 0;
		}
		gnutls_free(u);
	}
	if (label)
		return err_set(e, ERR_NOTFOUND,
			       "không tìm thấy thiết bị ký (token) '%s': cắm thiết bị vào máy "
			       "hoặc kiểm tra --token",
			       label);
	return err_set(e, ERR_NOTFOUND,
		       "không tìm thấy thiết bị ký (token) nào: cắm thiết bị vào máy hoặc "
		       "kiểm tra --pkcs11");
}

static int open_pkcs11(struct sign_key *k, const struct sign_key_in *in, struct err *e)
{
	char url[1024], kurl[1200];
	int r;

	r = gnutls_pkcs11_init(GNUTLS_PKCS11_FLAG_MANUAL, NULL);
	if (r < 0)
		return err_set(e, ERR_UNAVAIL, "không khởi tạo được PKCS#11: %s",
			       gnutls_strerror(r));
	r = gnutls_pkcs11_add_provider(in->pkcs11_module, NULL);
	if (r < 0)
		return err_set(e, ERR_NOTFOUND,
			       "không nạp được thư viện thiết bị ký (PKCS#11) '%s': kiểm tra "
			       "--pkcs11",
			       in->pkcs11_module);
	gnutls_pkcs11_set_pin_function(pin_cb, k);
	r = find_token(in->token, url, sizeof(url), e);
	if (r < 0)
		return r;
	snprintf(kurl, sizeof(kurl), "%s", url);
	if (in->key_label) {
		url_add(kurl, sizeof(kurl), "object", in->key_label);
		url_add(kurl, sizeof(kurl), "type", "private");
	} else {
		/* no label given: the token's first private key */
		gnutls_pkcs11_obj_t *objs = NULL;
		unsigned nobjs = 0;
		char *u = NULL;

		r = gnutls_pkcs11_obj_list_import_url4(&objs, &nobjs, url,
						       GNUTLS_PKCS11_OBJ_FLAG_PRIVKEY |
							   GNUTLS_PKCS11_OBJ_FLAG_LOGIN);
		if (r < 0 && (k->pin_wrong || r == GNUTLS_E_PKCS11_PIN_ERROR))
			return err_set(e, ERR_AUTH, "sai mã PIN của thiết bị ký");
		if (r == 0 && nobjs > 0 &&
		    gnutls_pkcs11_obj_export_url(objs[0], GNUTLS_PKCS11_URL_GENERIC, &u) == 0) {
			snprintf(kurl, sizeof(kurl), "%s", u);
			gnutls_free(u);
		}
		for (unsigned i = 0; i < nobjs; i++)
			gnutls_pkcs11_obj_deinit(objs[i]);
		gnutls_free(objs);
		if (r < 0 || nobjs == 0)
			return err_set(e, ERR_NOTFOUND, "thiết bị ký không có khóa nào");
	}
	gnutls_privkey_set_pin_function(k->key, pin_cb, k);
	r = gnutls_privkey_import_url(k->key, kurl, 0);
	if (r < 0) {
		if (k->pin_wrong || r == GNUTLS_E_PKCS11_PIN_ERROR)
			return err_set(e, ERR_AUTH, "sai mã PIN của thiết bị ký");
		if (r == GNUTLS_E_PKCS11_PIN_LOCKED)
			return err_set(e, ERR_AUTH, "mã PIN của thiết bị ký đã bị khóa");
		return err_set(e, ERR_NOTFOUND, "thiết bị ký không có khóa%s%s%s",
			       in->key_label ? " '" : "", in->key_label ? in->key_label : "",
			       in->key_label ? "'" : "");
	}
	if (in->cert) {
		r = crt_import(k->chain[0], in->cert, in->cert_len);
		if (r < 0)
			return err_set(e, ERR_INVAL, "chứng thư số đã đăng ký không đọc được");
	} else {
		char curl[1200];

		snprintf(curl, sizeof(curl), "%s", url);
		if (in->key_label)
			url_add(curl, sizeof(curl), "object", in->key_label);
		url_add(curl, sizeof(curl), "type", "cert");
		r = gnutls_x509_crt_import_url(k->chain[0], curl, 0);
		if (r < 0)
			return err_set(e, ERR_NOTFOUND,
				       "chưa có chứng thư số: thiết bị ký không có, và người ký "
				       "chưa đăng ký chứng thư (--cert)");
	}
	k->nchain = 1;
	return 0;
}

static int open_p12(struct sign_key *k, const struct sign_key_in *in, struct err *e)
{
	gnutls_datum_t raw = {NULL, 0};
	gnutls_pkcs12_t p12 = NULL;
	gnutls_x509_privkey_t xkey = NULL;
	gnutls_x509_crt_t *chain = NULL;
	unsigned nchain = 0;
	int r;

	r = read_file(in->p12_path, &raw, e);
	if (r < 0)
		return r;
	r = gnutls_pkcs12_init(&p12);
	if (r == 0 && gnutls_pkcs12_import(p12, &raw, GNUTLS_X509_FMT_DER, 0) < 0 &&
	    gnutls_pkcs12_import(p12, &raw, GNUTLS_X509_FMT_PEM, 0) < 0) {
		r = err_set(e, ERR_INVAL, "tệp '%s' không phải tệp PKCS#12 (.p12, .pfx)",
			    in->p12_path);
		goto out;
	}
	r = gnutls_pkcs12_simple_parse(p12, in->pin ? in->pin : "", &xkey, &chain, &nchain, NULL,
				       NULL, NULL, 0);
	if (r == GNUTLS_E_MAC_VERIFY_FAILED || r == GNUTLS_E_DECRYPTION_FAILED ||
	    r == GNUTLS_E_PK_DECRYPTION_FAILED) {
		r = err_set(e, ERR_AUTH, "sai mật khẩu của tệp PKCS#12 '%s'", in->p12_path);
		goto out;
	}
	if (r < 0 || nchain == 0) {
		r = err_set(e, ERR_INVAL, "tệp PKCS#12 '%s' không có khóa và chứng thư số",
			    in->p12_path);
		goto out;
	}
	r = gnutls_privkey_import_x509(k->key, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
	if (r < 0) {
		r = err_set(e, ERR_INVAL, "khóa trong tệp PKCS#12 không dùng được");
		goto out;
	}
	xkey = NULL;
	gnutls_x509_crt_deinit(k->chain[0]);
	for (unsigned i = 0; i < nchain; i++) {
		if (i < SIGN_CHAIN_MAX)
			k->chain[k->nchain++] = chain[i];
		else
			gnutls_x509_crt_deinit(chain[i]);
	}
	gnutls_free(chain);
	chain = NULL;
	r = 0;
out:
	if (xkey)
		gnutls_x509_privkey_deinit(xkey);
	for (unsigned i = 0; chain && i < nchain; i++)
		gnutls_x509_crt_deinit(chain[i]);
	gnutls_free(chain);
	if (p12)
		gnutls_pkcs12_deinit(p12);
	gnutls_free(raw.data);
	return r;
}

static void day_vn(time_t t, char out[32])
{
	struct tm tm;

	t += 7 * 3600;
	gmtime_r(&t, &tm);
	snprintf(out, 32, "%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

/* The certificate valid now, and the key its own: a test signature verified with it. */
static int key_check(struct sign_key *k, struct err *e)
{
	static const unsigned char probe[] = "dondoc: the key matches its certificate";
	gnutls_datum_t data = {(unsigned char *)(uintptr_t)probe, sizeof(probe)}, sig = {NULL, 0};
	gnutls_pubkey_t pub = NULL;
	time_t now = time(NULL), from, to;
	char day[32];
	int r, pk;

	from = gnutls_x509_crt_get_activation_time(k->chain[0]);
	to = gnutls_x509_crt_get_expiration_time(k->chain[0]);
	if (to != (time_t)-1 && to < now) {
		day_vn(to, day);
		return err_set(e, ERR_INVAL,
			       "chứng thư số của %s đã hết hạn ngày %s: gia hạn hoặc dùng chứng "
			       "thư khác",
			       k->name, day);
	}
	if (from != (time_t)-1 && from > now) {
		day_vn(from, day);
		return err_set(e, ERR_INVAL, "chứng thư số của %s chỉ có hiệu lực từ ngày %s",
			       k->name, day);
	}
	pk = gnutls_privkey_get_pk_algorithm(k->key, NULL);
	r = gnutls_privkey_sign_data(k->key, GNUTLS_DIG_SHA256, 0, &data, &sig);
	if (r < 0) {
		if (k->pin_wrong || r == GNUTLS_E_PKCS11_PIN_ERROR)
			return err_set(e, ERR_AUTH, "sai mã PIN của thiết bị ký");
		return err_set(e, ERR_UNAVAIL, "thiết bị ký không ký được: %s", gnutls_strerror(r));
	}
	r = gnutls_pubkey_init(&pub);
	if (r == 0)
		r = gnutls_pubkey_import_x509(pub, k->chain[0], 0);
	if (r == 0)
		r = gnutls_pubkey_verify_data2(
		    pub, gnutls_pk_to_sign((gnutls_pk_algorithm_t)pk, GNUTLS_DIG_SHA256), 0, &data,
		    &sig);
	gnutls_free(sig.data);
	if (pub)
		gnutls_pubkey_deinit(pub);
	if (r < 0)
		return err_set(e, ERR_INVAL,
			       "khóa ký không khớp với chứng thư số của %s: kiểm tra --key hoặc "
			       "chứng thư đã đăng ký",
			       k->name);
	return 0;
}

int sign_key_open(const struct sign_key_in *in, struct sign_key **ret, struct err *e)
{
	struct sign_key *k = calloc(1, sizeof(*k));
	size_t n;
	int r;

	if (!k)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	k->pin = in->pin;
	if (gnutls_privkey_init(&k->key) < 0 || gnutls_x509_crt_init(&k->chain[0]) < 0) {
		sign_key_close(k);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	if (in->pkcs11_module)
		r = open_pkcs11(k, in, e);
	else if (in->p12_path)
		r = open_p12(k, in, e);
	else
		r = err_set(e, ERR_USAGE, "chọn khóa ký: --pkcs11 MODULE hoặc --p12 FILE");
	if (r == 0) {
		n = sizeof(k->name);
		if (gnutls_x509_crt_get_dn_by_oid(k->chain[0], GNUTLS_OID_X520_COMMON_NAME, 0, 0,
						  k->name, &n) < 0)
			k->name[0] = '\0';
		r = key_check(k, e);
	}
	if (r < 0) {
		sign_key_close(k);
		return r;
	}
	*ret = k;
	return 0;
}

void sign_key_close(struct sign_key *k)
{
	if (!k)
		return;
	if (k->key)
		gnutls_privkey_deinit(k->key);
	for (unsigned i = 0; i < SIGN_CHAIN_MAX; i++)
		if (k->chain[i])
			gnutls_x509_crt_deinit(k->chain[i]);
	free(k);
}

const char *sign_key_name(const struct sign_key *k)
{
	return k->name;
}

int sign_cms_make(struct sign_key *k, const void *data, size_t len, struct buf *out, struct err *e)
{
	gnutls_pkcs7_t p7 = NULL;
	gnutls_pkcs7_attrs_t attrs = NULL;
	gnutls_datum_t d = {(unsigned char *)(uintptr_t)data, (unsigned)len}, der = {NULL, 0};
	gnutls_datum_t cert = {NULL, 0};
	unsigned char ess[8 + 32] = {0x30, 0x26, 0x30, 0x24, 0x30, 0x22, 0x04, 0x20};
	gnutls_datum_t essd = {ess, sizeof(ess)};
	int r;

	/* ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate */
	r = gnutls_x509_crt_export2(k->chain[0], GNUTLS_X509_FMT_DER, &cert);
	if (r == 0)
		r = gnutls_hash_fast(GNUTLS_DIG_SHA256, cert.data, cert.size, ess + 8);
	if (r == 0)
		r = gnutls_pkcs7_add_attr(&attrs, "1.2.840.113549.1.9.16.2.47", &essd, 0);
	if (r == 0)
		r = gnutls_pkcs7_init(&p7);
	for (unsigned i = 1; r == 0 && i < k->nchain; i++)
		r = gnutls_pkcs7_set_crt(p7, k->chain[i]);
	if (r == 0)
		r = gnutls_pkcs7_sign(p7, k->chain[0], k->key, &d, attrs, NULL, GNUTLS_DIG_SHA256,
				      GNUTLS_PKCS7_INCLUDE_CERT);
	if (r == 0)
		r = gnutls_pkcs7_export2(p7, GNUTLS_X509_FMT_DER, &der);
	if (r < 0) {
		r = err_set(e, k->pin_wrong ? ERR_AUTH : ERR_UNAVAIL, "không ký được: %s",
			    k->pin_wrong ? "sai mã PIN của thiết bị ký" : gnutls_strerror(r));
	} else if (buf_add(out, der.data, der.size) < 0) {
		r = err_set(e, ERR_TOOBIG, "chữ ký quá lớn");
	}
	gnutls_free(der.data);
	gnutls_free(cert.data);
	if (p7)
		gnutls_pkcs7_deinit(p7);
	gnutls_pkcs7_attrs_deinit(attrs);
	return r;
}

/* ---- checking ---- */

struct sign_trust {
	gnutls_x509_trust_list_t tl;
};

int sign_trust_open(const char *path, struct sign_trust **ret, struct err *e)
{
	struct sign_trust *t = calloc(1, sizeof(*t));
	struct stat st;
	int r;

	if (!t || gnutls_x509_trust_list_init(&t->tl, 0) < 0) {
		free(t);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	if (!path || !*path)
		r = gnutls_x509_trust_list_add_system_trust(t->tl, 0, 0);
	else if (stat(path, &st) != 0)
		r = -1;
	else if (S_ISDIR(st.st_mode))
		r = gnutls_x509_trust_list_add_trust_dir(t->tl, path, NULL, GNUTLS_X509_FMT_PEM, 0,
							 0);
	else
		r = gnutls_x509_trust_list_add_trust_file(t->tl, path, NULL, GNUTLS_X509_FMT_PEM, 0,
							  0);
	if (path && *path && r <= 0) {
		sign_trust_close(t);
		return err_set(e, ERR_INVAL,
			       "kho chứng thư tin cậy '%s' không có chứng thư nào đọc được (tệp "
			       "PEM hoặc thư mục các tệp PEM)",
			       path);
	}
	*ret = t;
	return 0;
}

void sign_trust_close(struct sign_trust *t)
{
	if (!t)
		return;
	gnutls_x509_trust_list_deinit(t->tl, 1);
	free(t);
}

static const char *crt_cn(gnutls_x509_crt_t c, bool issuer, struct arena *a)
{
	char buf[256];
	size_t n = sizeof(buf);
	int r = issuer
		    ? gnutls_x509_crt_get_issuer_dn_by_oid(c, GNUTLS_OID_X520_COMMON_NAME, 0, 0,
							   buf, &n)
		    : gnutls_x509_crt_get_dn_by_oid(c, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buf, &n);

	return arena_strdup(a, r < 0 ? "" : buf);
}

int sign_cms_check(const unsigned char *der, size_t der_len, const void *data, size_t len,
		   struct sign_trust *t, time_t when, struct arena *a, struct sign_info *s,
		   struct err *e)
{
	gnutls_pkcs7_t p7 = NULL;
	gnutls_pkcs7_signature_info_st info;
	gnutls_x509_crt_t crts[SIGN_CHAIN_MAX] = {NULL}, signer = NULL;
	gnutls_datum_t d = {(unsigned char *)(uintptr_t)der, (unsigned)der_len};
	gnutls_datum_t content = {(unsigned char *)(uintptr_t)data, (unsigned)len};
	unsigned ncrt = 0, status = 0;
	bool have_info = false;
	int r, count;

	memset(&info, 0, sizeof(info));
	s->signer = s->issuer = "";
	if (gnutls_pkcs7_init(&p7) < 0)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (gnutls_pkcs7_import(p7, &d, GNUTLS_X509_FMT_DER) < 0 ||
	    gnutls_pkcs7_get_signature_info(p7, 0, &info) < 0) {
		s->problem = "chữ ký hỏng (không đọc được dữ liệu CMS)";
		goto out;
	}
	have_info = true;
	count = gnutls_pkcs7_get_crt_count(p7);
	for (int i = 0; i < count && ncrt < SIGN_CHAIN_MAX; i++) {
		gnutls_datum_t raw = {NULL, 0};

		if (gnutls_pkcs7_get_crt_raw2(p7, (unsigned)i, &raw) < 0)
			continue;
		if (gnutls_x509_crt_init(&crts[ncrt]) == 0 &&
		    gnutls_x509_crt_import(crts[ncrt], &raw, GNUTLS_X509_FMT_DER) == 0)
			ncrt++;
		else if (crts[ncrt]) {
			gnutls_x509_crt_deinit(crts[ncrt]);
			crts[ncrt] = NULL;
		}
		gnutls_free(raw.data);
	}
	/* the signer: its issuer and serial as the signature names them */
	for (unsigned i = 0; i < ncrt && !signer; i++) {
		unsigned char serial[64];
		size_t sn = sizeof(serial);
		gnutls_datum_t idn = {NULL, 0};

		if (gnutls_x509_crt_get_serial(crts[i], serial, &sn) == 0 &&
		    gnutls_x509_crt_get_raw_issuer_dn(crts[i], &idn) == 0 &&
		    sn == info.signer_serial.size &&
		    memcmp(serial, info.signer_serial.data, sn) == 0 &&
		    idn.size == info.issuer_dn.size &&
		    memcmp(idn.data, info.issuer_dn.data, idn.size) == 0)
			signer = crts[i];
		gnutls_free(idn.data);
	}
	if (!signer && ncrt == 1)
		signer = crts[0];
	if (!signer) {
		s->problem = "chữ ký không kèm chứng thư số của người ký";
		goto out;
	}
	s->signer = crt_cn(signer, false, a);
	s->issuer = crt_cn(signer, true, a);
	r = gnutls_pkcs7_verify_direct(p7, signer, 0, &content, 0);
	if (r < 0) {
		s->problem = "nội dung đã bị thay đổi sau khi ký (mã băm không khớp)";
		goto out;
	}
	s->intact = true;
	{
		gnutls_x509_crt_t chain[SIGN_CHAIN_MAX];
		unsigned n = 0;
		time_t at = when ? when : time(NULL);
		time_t from = gnutls_x509_crt_get_activation_time(signer);
		time_t to = gnutls_x509_crt_get_expiration_time(signer);

		chain[n++] = signer;
		for (unsigned i = 0; i < ncrt; i++)
			if (crts[i] != signer)
				chain[n++] = crts[i];
		r = gnutls_x509_trust_list_verify_crt2(
		    t->tl, chain, n, NULL, 0,
		    GNUTLS_VERIFY_DISABLE_TIME_CHECKS | GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
		    &status, NULL);
		if (r < 0 || (status & GNUTLS_CERT_SIGNER_NOT_FOUND))
			s->problem = arena_printf(a,
						  "chứng thư số của %s không do tổ chức chứng thực "
						  "tin cậy cấp (%s)",
						  s->signer, s->issuer);
		else if (status & GNUTLS_CERT_REVOKED)
			s->problem = "chứng thư số đã bị thu hồi";
		else if (status)
			s->problem = "chuỗi chứng thư số không hợp lệ";
		else if ((from != (time_t)-1 && at < from) || (to != (time_t)-1 && at > to))
			s->problem = "chứng thư số không còn hiệu lực vào lúc ký";
		else
			s->trusted = true;
	}
out:
	if (have_info)
		gnutls_pkcs7_signature_info_deinit(&info);
	for (unsigned i = 0; i < ncrt; i++)
		gnutls_x509_crt_deinit(crts[i]);
	gnutls_pkcs7_deinit(p7);
	return 0;
}
