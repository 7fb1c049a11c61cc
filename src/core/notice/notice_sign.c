/* notice_sign.c: signature images, seals and certificates of people and bodies, and the signed copy of a notice. */
#include "core/notice/notice_sign.h"

#include <sodium.h>
#include <string.h>

#include "core/notice/notice.h"
#include "db/db.h"

static void sha256_hex(struct notice_blob b, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, b.data, b.len);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

static int image_check(struct notice_blob image, const char *what, struct err *e)
{
	if (!image.data || image.len < 8 || memcmp(image.data, "\x89PNG\r\n\x1a\n", 8) != 0)
		return err_set(e, ERR_INVAL, "%s phải là ảnh PNG (nền trong suốt)", what);
	if (image.len > (4u << 20))
		return err_set(e, ERR_TOOBIG, "%s quá lớn (tối đa 4 MB)", what);
	return 0;
}

static int cert_check(struct notice_blob cert, struct err *e)
{
	const char *pem = "-----BEGIN CERTIFICATE-----";

	if (!cert.data)
		return 0;
	if (cert.len > (64u << 10) ||
	    !((cert.len > strlen(pem) && memmem(cert.data, cert.len, pem, strlen(pem))) ||
	      (cert.len > 2 && ((const unsigned char *)cert.data)[0] == 0x30)))
		return err_set(e, ERR_INVAL,
			       "tệp chứng thư số phải là chứng thư X.509 (PEM hoặc DER)");
	return 0;
}

static int blob_set(struct db *db, enum db_stmt exists, enum db_stmt set, int64_t id,
		    struct notice_blob image, struct notice_blob cert, const char *what,
		    const char *who, struct err *e)
{
	char ih[65], ch[65];
	int64_t found;
	struct db_q *q;
	int r;

	r = image_check(image, what, e);
	if (r == 0)
		r = cert_check(cert, e);
	if (r < 0)
		return r;
	r = db_query_int(db, exists, &found, "i", id);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không có %s số %lld", who, (long long)id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	sha256_hex(image, ih);
	if (cert.data)
		sha256_hex(cert, ch);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_prepare(db, set, &q);
	if (r == 0) {
		db_bind_int(q, 1, id);
		db_bind_blob(q, 2, image.data, image.len);
		db_bind_text(q, 3, ih);
		db_bind_blob(q, 4, cert.data, cert.len);
		db_bind_text(q, 5, cert.data ? ch : NULL);
		r = db_step(q);
		db_done(q);
	}
	if (r < 0)
		r = db_err(db, e, r, "cơ sở dữ liệu");
	return db_end(db, r < 0 ? r : 0, e);
}

int notice_person_signature_set(struct db *db, int64_t person_id, struct notice_blob image,
				struct notice_blob cert, struct err *e)
{
	return blob_set(db, SQL_SIGN_PERSON_EXISTS, SQL_SIGN_PERSON_SET, person_id, image, cert,
			"ảnh chữ ký", "người", e);
}

int notice_body_seal_set(struct db *db, int64_t body_id, struct notice_blob image,
			 struct notice_blob cert, struct err *e)
{
	return blob_set(db, SQL_SIGN_BODY_EXISTS, SQL_SIGN_SEAL_SET, body_id, image, cert,
			"ảnh con dấu", "cơ quan", e);
}

int notice_sign_material(struct db *db, int64_t notice_id, bool organisation, struct arena *a,
			 struct notice_blob *ret_image, struct notice_blob *ret_cert, struct err *e)
{
	struct notice_row row;
	struct notice_blob img = {0}, cert = {0};
	int64_t who = 0;
	struct db_q *q;
	int r;

	r = notice_get(db, notice_id, a, &row, e);
	if (r < 0)
		return r;
	if (strcmp(row.status, "draft") == 0)
		return err_set(e, ERR_INVAL, "thông báo số %lld chưa ban hành: ban hành rồi mới ký",
			       (long long)notice_id);
	if (organisation) {
		who = row.body_id;
	} else {
		r = db_query_int(db, SQL_SIGN_NOTICE_SIGNER, &who, "i", notice_id);
		if (r == ERR_NOTFOUND)
			return err_set(e, ERR_NOTFOUND,
				       "không có người nào tên '%s' (người ký của thông báo) trong "
				       "danh sách: thêm bằng 'dondoc person add'",
				       row.sig_name ? row.sig_name : "");
		if (r < 0)
			return db_err(db, e, r, "cơ sở dữ liệu");
	}
	r = db_query(db, organisation ? SQL_SIGN_SEAL_GET : SQL_SIGN_PERSON_GET, &q, "i", who);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		img.data = db_col_blob(q, 0, a, &img.len);
		cert.data = db_col_blob(q, 1, a, &cert.len);
		r = img.data ? 0 : ERR_NOMEM;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	if (r == ERR_NOTFOUND && organisation)
		return err_set(e, ERR_NOTFOUND,
			       "cơ quan số %lld chưa đăng ký con dấu: 'dondoc body seal %lld "
			       "--image DAU.png'",
			       (long long)who, (long long)who);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND,
			       "%s chưa đăng ký chữ ký: 'dondoc person signature %lld --image "
			       "CHUKY.png --cert CHUNGTHU.pem'",
			       row.sig_name ? row.sig_name : "người ký", (long long)who);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	*ret_image = img;
	*ret_cert = cert;
	return 0;
}

int notice_record_get(struct db *db, int64_t notice_id, struct arena *a, struct notice_record *ret,
		      struct err *e)
{
	struct notice_record rec = {0};
	struct db_q *q;
	int r;

	r = db_query(db, SQL_SIGN_RECORD_GET, &q, "i", notice_id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		rec.pdf.data = db_col_blob(q, 0, a, &rec.pdf.len);
		rec.sha256 = db_col_strdup(q, 1, a);
		rec.ctype = db_col_strdup(q, 3, a);
		rec.signatures = (int)db_col_int(q, 4);
		rec.stored_at = db_col_strdup(q, 5, a);
		r = rec.pdf.data && rec.sha256 && rec.ctype && rec.stored_at ? 0 : ERR_NOMEM;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "thông báo số %lld chưa có bản đã ký", (long long)notice_id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	*ret = rec;
	return 0;
}

/* 0 when the notice exists and is issued; else why not, in e. */
static int issued_only(struct db *db, int64_t notice_id, struct err *e)
{
	struct arena *a = arena_new(1u << 16);
	struct notice_row row;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_get(db, notice_id, a, &row, e);
	if (r == 0 && strcmp(row.status, "draft") == 0)
		r = err_set(e, ERR_INVAL, "thông báo số %lld chưa ban hành", (long long)notice_id);
	arena_free(a);
	return r;
}

int notice_record_store(struct db *db, int64_t notice_id, struct notice_blob pdf, int nsig,
			struct err *e)
{
	char hex[65];
	struct db_q *q;
	int r;

	r = issued_only(db, notice_id, e);
	if (r < 0)
		return r;
	sha256_hex(pdf, hex);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_SIGN_RECORD_SET, &q);
	if (r == 0) {
		db_bind_int(q, 1, notice_id);
		db_bind_blob(q, 2, pdf.data, pdf.len);
		db_bind_text(q, 3, hex);
		db_bind_int(q, 4, (int64_t)pdf.len);
		db_bind_int(q, 5, nsig);
		r = db_step(q);
		db_done(q);
	}
	if (r < 0)
		r = db_err(db, e, r, "cơ sở dữ liệu");
	return db_end(db, r < 0 ? r : 0, e);
}

int notice_issued_get(struct db *db, int64_t notice_id, struct arena *a, struct notice_record *ret,
		      struct err *e)
{
	struct notice_record rec = {.ctype = "application/pdf"};
	struct db_q *q;
	int r;

	r = db_query(db, SQL_SIGN_ISSUED_GET, &q, "i", notice_id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		rec.pdf.data = db_col_blob(q, 0, a, &rec.pdf.len);
		rec.sha256 = db_col_strdup(q, 1, a);
		rec.stored_at = db_col_strdup(q, 3, a);
		r = rec.pdf.data && rec.sha256 && rec.stored_at ? 0 : ERR_NOMEM;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "thông báo số %lld chưa lưu bản PDF ban hành",
			       (long long)notice_id);
	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	*ret = rec;
	return 0;
}

int notice_issued_store(struct db *db, int64_t notice_id, struct notice_blob pdf, struct err *e)
{
	char hex[65];
	struct db_q *q;
	int r;

	r = issued_only(db, notice_id, e);
	if (r == 0 && (!pdf.data || pdf.len == 0))
		r = err_set(e, ERR_INVAL, "bản PDF ban hành của thông báo số %lld rỗng",
			    (long long)notice_id);
	if (r < 0)
		return r;
	sha256_hex(pdf, hex);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_SIGN_ISSUED_SET, &q);
	if (r == 0) {
		db_bind_int(q, 1, notice_id);
		db_bind_blob(q, 2, pdf.data, pdf.len);
		db_bind_text(q, 3, hex);
		db_bind_int(q, 4, (int64_t)pdf.len);
		r = db_step(q);
		db_done(q);
	}
	if (r < 0)
		r = db_err(db, e, r, "cơ sở dữ liệu");
	return db_end(db, r < 0 ? r : 0, e);
}
