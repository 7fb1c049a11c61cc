/* cli_sign.c: signing an issued notice (PAdES, PKCS#11 or PKCS#12), verifying signed PDFs, registering signature images and seals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/notice/notice.h"
#include "core/notice/notice_approval.h"
#include "core/notice/notice_sign.h"
#include "render/docview.h"
#include "render/notice_view.h"
#include "render/sign_look.h"
#include "sign/sign.h"

#define SIGN_ARENA (64u << 20)
#define FILE_MAX (64u << 20)

/* The whole file at path into b; ERR_NOTFOUND naming it when it cannot be read. */
static int slurp(struct cli *c, const char *path, const char *what, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	int r;

	if (!f)
		return err_set(&c->err, ERR_NOTFOUND, "không mở được %s '%s'", what, path);
	r = buf_read(b, f);
	fclose(f);
	if (r == ERR_TOOBIG)
		return err_set(&c->err, r, "%s '%s' quá lớn", what, path);
	if (r < 0)
		return err_set(&c->err, ERR_IO, "không đọc được %s '%s'", what, path);
	return 0;
}

/* The PIN or password: the first line of the file, else $DONDOC_PIN; NULL when neither. */
static int read_pin(struct cli *c, const char *path, char *pin, size_t n, bool *ret_have)
{
	struct buf b = BUF_INIT(4096);
	const char *env = getenv("DONDOC_PIN");
	int r;

	*ret_have = false;
	if (!path) {
		if (env) {
			snprintf(pin, n, "%s", env);
			*ret_have = true;
		}
		return 0;
	}
	r = slurp(c, path, "tệp mã PIN", &b);
	if (r == 0) {
		size_t l = strcspn(buf_str(&b), "\r\n");

		if (l >= n)
			r = err_set(&c->err, ERR_INVAL, "mã PIN trong '%s' quá dài", path);
		else {
			memcpy(pin, buf_str(&b), l);
			pin[l] = '\0';
			*ret_have = true;
		}
	}
	if (b.data)
		memset(b.data, 0, b.len);
	buf_free(&b);
	return r;
}

static const struct cli_posdef id_pos[] = {
    {"ID", CLI_ID, CLI_REQ, "mã thông báo"},
    {NULL},
};

const struct cli_spec cli_notice_sign_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"as", CLI_CHOICE, CLI_REQ, "signer|organisation",
	     "ký với tư cách (signer: người có thẩm quyền; organisation: cơ quan)"},
	    {"pkcs11", CLI_TEXT, 0, "MODULE", "thư viện PKCS#11 của thiết bị ký (token)"},
	    {"token", CLI_TEXT, 0, "LABEL", "nhãn của thiết bị ký"},
	    {"key", CLI_TEXT, 0, "LABEL", "nhãn của khóa trên thiết bị ký"},
	    {"p12", CLI_TEXT, 0, "FILE", "tệp khóa PKCS#12 (.p12, .pfx)"},
	    {"pin-file", CLI_TEXT, 0, "FILE",
	     "tệp chứa mã PIN hoặc mật khẩu (dòng đầu; không có: biến DONDOC_PIN)"},
	    {"input", CLI_TEXT, 0, "FILE",
	     "tệp PDF đã ký trước đó để ký tiếp (với --attached: tệp văn bản kèm theo)"},
	    {"output", CLI_TEXT, CLI_REQ, "FILE", "tệp PDF đã ký ghi ra"},
	    {"tsa", CLI_TEXT, 0, "URL",
	     "máy chủ dấu thời gian (RFC 3161) cấp dấu thời gian cho chữ ký (không có: biến "
	     "DONDOC_TSA; không có cả hai: chữ ký không có dấu thời gian)"},
	    {"attached", CLI_FLAG, 0, NULL,
	     "ký văn bản kèm theo thông báo (tệp --input): chữ ký cơ quan ở góc trên bên phải "
	     "trang đầu, không hình ảnh, ghi số và ký hiệu của thông báo"},
	    {NULL}},
    .pos = id_pos,
    .note = "chọn một trong --pkcs11 và --p12; không có --input: ký bản đã ký đang lưu "
	    "của thông báo, nếu chưa có thì bản PDF ban hành; --attached chỉ dùng với --as "
	    "organisation và --input",
};

/* The signing time in ISO 8601, Vietnam's time. */
static void when_vn(time_t now, char out[64])
{
	time_t t = now + 7 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The key chosen by the options, its certificate the registered one when there is one. */
static int open_key(struct cli *c, const struct cli_args *args, const char *pin,
		    const struct notice_blob *cert, struct sign_key **ret)
{
	struct sign_key_in kin = {.pkcs11_module = cli_opt(args, "pkcs11"),
				  .token = cli_opt(args, "token"),
				  .key_label = cli_opt(args, "key"),
				  .p12_path = cli_opt(args, "p12"),
				  .pin = pin,
				  .cert = cert->len ? cert->data : NULL,
				  .cert_len = cert->len};

	return sign_key_open(&kin, ret, &c->err);
}

/* What was signed, on stdout or as JSON. */
static int sign_report(struct cli *c, int64_t id, const char *as, const char *what,
		       struct sign_key *key, const char *when_iso, const char *tsa,
		       const char *output, size_t bytes)
{
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s?, s:s, s:I}", "id",
					     (json_int_t)id, "as", as, "signed", what, "signer",
					     sign_key_name(key), "time", when_iso, "tsa", tsa,
					     "output", output, "bytes", (json_int_t)bytes));
	fprintf(c->out, "đã ký %s (%s: %s, lúc %s%s%s) vào %s\n", what,
		strcmp(as, "organisation") == 0 ? "cơ quan" : "người ký", sign_key_name(key),
		when_iso, tsa ? ", có dấu thời gian của " : "", tsa ? tsa : "", output);
	return 0;
}

/*
 * --attached: the organisation signs a document attached to notice id, at the
 * top right of its first page, showing the notice's number and the time.
 */
static int sign_attached(struct cli *c, const struct cli_args *args, int64_t id, const char *pin,
			 const char *tsa)
{
	const char *input = cli_opt(args, "input"), *output = cli_opt(args, "output");
	struct buf in = BUF_INIT(FILE_MAX), out = BUF_INIT(FILE_MAX);
	struct notice_blob image = {0}, cert = {0};
	struct notice_row row;
	struct dv_image pic = {0};
	struct dv_rect at;
	struct sign_key *key = NULL;
	struct sign_look look;
	double box[4];
	char when_iso[64], *what = NULL;
	time_t now = time(NULL);
	struct arena *a = arena_new(1u << 20);
	struct db *db;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = cli_db(c, &db);
	if (r == 0)
		r = notice_get(db, id, a, &row, &c->err);
	if (r == 0 && (strcmp(row.status, "draft") == 0 || !row.symbol))
		r = err_set(&c->err, ERR_INVAL,
			    "thông báo số %lld chưa ban hành, chưa có số và ký hiệu: ban hành rồi "
			    "mới ký văn bản kèm theo",
			    (long long)id);
	/* the body's registered certificate, if any; its seal image is not shown here */
	if (r == 0) {
		r = notice_sign_material(db, id, true, a, &image, &cert, &c->err);
		if (r == ERR_NOTFOUND) {
			cert = (struct notice_blob){0};
			r = 0;
		}
	}
	if (r == 0)
		r = slurp(c, input, "tệp văn bản kèm theo", &in);
	if (r == 0 && (in.len < 5 || memcmp(in.data, "%PDF-", 5) != 0))
		r = err_set(&c->err, ERR_INVAL, "tệp '%s' không phải tệp PDF", input);
	if (r == 0) {
		struct err pe = {0};

		r = sign_pdf_page_box(in.data, in.len, 1, box, &pe);
		if (r < 0)
			r = err_set(&c->err, r, "tệp '%s': %s", input, err_msg(&pe, r));
	}
	if (r == 0)
		r = open_key(c, args, pin, &cert, &key);
	if (r == 0) {
		when_vn(now, when_iso);
		dv_attached_place(box, &at);
		r = dv_look_attached(row.symbol, when_iso, &at, &pic, &c->err);
	}
	if (r == 0) {
		look = (struct sign_look){.page = 1,
					  .x = at.x,
					  .y = at.y,
					  .w = at.w,
					  .h = at.h,
					  .px_w = pic.w,
					  .px_h = pic.h,
					  .rgb = pic.rgb,
					  .alpha = pic.alpha};
		r = sign_pdf(in.data, in.len, key, &look, now, tsa, &out, &c->err);
	}
	if (r == 0)
		r = dv_write_file(output, out.data, out.len, &c->err);
	if (r == 0) {
		what = arena_printf(a, "văn bản kèm theo thông báo %s", row.symbol);
		r = sign_report(c, id, "organisation", what, key, when_iso, tsa, output, out.len);
	}
	sign_key_close(key);
	dv_image_free(&pic);
	buf_free(&in);
	buf_free(&out);
	arena_free(a);
	return r;
}

/* The issued notice rendered as PDF, for where its signature block is. */
static int issued_pdf(struct cli *c, int64_t id, struct arena *a, struct notice_doc *ret_doc,
		      struct buf *pdf, struct dv_sigbox *box)
{
	struct notice_row row;
	struct docview v;
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = notice_load(db, id, a, &row, ret_doc, &c->err);
	if (r == 0 && strcmp(row.status, "draft") == 0)
		r = err_set(&c->err, ERR_INVAL,
			    "thông báo số %lld chưa ban hành: ban hành rồi mới ký (dondoc notice "
			    "issue %lld)",
			    (long long)id, (long long)id);
	if (r == 0)
		r = notice_view(ret_doc, ret_doc->profile_data, a, &v, &c->err);
	if (r == 0)
		r = dv_render_pdf_box(&v, pdf, box, &c->err);
	return r;
}

int cli_notice_sign(struct cli *c, const struct cli_args *args)
{
	const char *as = cli_opt(args, "as"), *module = cli_opt(args, "pkcs11");
	const char *p12 = cli_opt(args, "p12"), *input = cli_opt(args, "input");
	const char *output = cli_opt(args, "output"), *tsa = cli_opt(args, "tsa");
	bool org = strcmp(as, "organisation") == 0, have_pin = false;
	int64_t id = cli_pos_id(args, 0);
	struct buf issued = BUF_INIT(FILE_MAX), in = BUF_INIT(FILE_MAX), out = BUF_INIT(FILE_MAX);
	struct notice_blob image, cert;
	struct notice_record rec, kept = {0};
	struct notice_doc doc;
	struct dv_sigbox box;
	struct dv_rect signer_at, seal_at, *at;
	struct dv_image pic = {0};
	struct sign_key *key = NULL;
	struct sign_look look;
	const void *src;
	size_t src_len;
	char pin[256] = "", when_iso[64], *what;
	time_t now = time(NULL);
	struct arena *a;
	int r;

	if (!module == !p12)
		return cli_usage(c, "chọn một trong --pkcs11 MODULE và --p12 FILE");
	if (!module && (cli_opt(args, "token") || cli_opt(args, "key")))
		return cli_usage(c, "--token và --key chỉ dùng với --pkcs11");
	if (cli_flag(args, "attached") && !org)
		return cli_usage(c, "--attached chỉ dùng với --as organisation: văn bản kèm theo "
				    "chỉ có chữ ký số của cơ quan, không có chữ ký của người ký");
	if (cli_flag(args, "attached") && !input)
		return cli_usage(c, "--attached cần --input FILE: tệp PDF văn bản kèm theo cần ký");
	if (!tsa || !*tsa)
		tsa = getenv("DONDOC_TSA");
	if (tsa && !*tsa)
		tsa = NULL;
	r = read_pin(c, cli_opt(args, "pin-file"), pin, sizeof(pin), &have_pin);
	if (r == 0 && module && !have_pin)
		r = err_set(&c->err, ERR_USAGE,
			    "cần mã PIN của thiết bị ký: --pin-file FILE hoặc biến DONDOC_PIN");
	if (r == 0 && cli_flag(args, "attached")) {
		r = sign_attached(c, args, id, have_pin ? pin : NULL, tsa);
		memset(pin, 0, sizeof(pin));
		return r;
	}
	if (r < 0)
		return r;
	a = arena_new(SIGN_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = issued_pdf(c, id, a, &doc, &issued, &box);
	if (r == 0)
		r = notice_sign_material(c->db, id, org, a, &image, &cert, &c->err);
	/* the PDF kept since issue, not the rendering, which only says where to sign */
	if (r == 0)
		r = notice_issued_pdf(c->db, id, a, &kept, &c->err);
	dv_render_release();
	/* what to sign: the file given, else the signed record, else the issued PDF */
	src = kept.pdf.data;
	src_len = kept.pdf.len;
	if (r == 0 && input) {
		r = slurp(c, input, "tệp PDF", &in);
		if (r == 0 &&
		    (in.len < kept.pdf.len || memcmp(in.data, kept.pdf.data, kept.pdf.len) != 0))
			r = err_set(&c->err, ERR_INVAL,
				    "tệp '%s' không phải thông báo số %lld đã ban hành (phần đầu "
				    "khác bản ban hành)",
				    input, (long long)id);
		src = in.data;
		src_len = in.len;
	} else if (r == 0) {
		r = notice_record_get(c->db, id, a, &rec, &c->err);
		if (r == 0) {
			src = rec.pdf.data;
			src_len = rec.pdf.len;
		} else if (r == ERR_NOTFOUND) {
			r = 0;
		}
	}
	if (r == 0)
		r = open_key(c, args, have_pin ? pin : NULL, &cert, &key);
	if (r == 0) {
		when_vn(now, when_iso);
		dv_sign_places(&box, &signer_at, &seal_at);
		at = org ? &seal_at : &signer_at;
		r = org ? dv_look_seal(image.data, image.len, doc.issuer, when_iso, at, &pic,
				       &c->err)
			: dv_look_signer(image.data, image.len, at, &pic, &c->err);
	}
	if (r == 0) {
		look = (struct sign_look){.page = box.page,
					  .x = at->x,
					  .y = at->y,
					  .w = at->w,
					  .h = at->h,
					  .px_w = pic.w,
					  .px_h = pic.h,
					  .rgb = pic.rgb,
					  .alpha = pic.alpha};
		r = sign_pdf(src, src_len, key, &look, now, tsa, &out, &c->err);
	}
	if (r == 0)
		r = dv_write_file(output, out.data, out.len, &c->err);
	if (r == 0) {
		what = arena_printf(a, "thông báo %lld", (long long)id);
		r = sign_report(c, id, as, what, key, when_iso, tsa, output, out.len);
	}
	memset(pin, 0, sizeof(pin));
	sign_key_close(key);
	dv_image_free(&pic);
	buf_free(&issued);
	buf_free(&in);
	buf_free(&out);
	arena_free(a);
	return r;
}

const struct cli_spec cli_notice_verify_spec = {
    .opts = (const struct cli_optdef[]){{"trust", CLI_TEXT, 0, "DIR|FILE",
					 "kho chứng thư tin cậy (tệp PEM hoặc thư mục; không có: "
					 "biến DONDOC_TRUST, rồi kho của hệ thống)"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"FILE", CLI_TEXT, CLI_REQ, "tệp PDF đã ký"}, {NULL}},
};

/* What follows signature s in the file, in words. */
static const char *after_words(const struct sign_info *s, struct arena *a)
{
	if (s->covers_all)
		return "chữ ký bao toàn bộ tài liệu";
	if (s->later_signed)
		return "sau chữ ký chỉ có phần ký tiếp (chữ ký sau hợp lệ); phần đã ký không đổi";
	return "tài liệu đã được thêm nội dung sau khi ký (không có chữ ký hợp lệ nào bao phần "
	       "thêm)";
}

int cli_notice_verify(struct cli *c, const struct cli_args *args)
{
	const char *path = cli_pos(args, 0), *trust = cli_opt(args, "trust");
	struct buf pdf = BUF_INIT(FILE_MAX);
	struct sign_info *s = NULL;
	size_t n = 0, bad = 0;
	struct arena *a = arena_new(1u << 20);
	json_t *arr = NULL;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (!trust)
		trust = getenv("DONDOC_TRUST");
	r = slurp(c, path, "tệp PDF", &pdf);
	if (r == 0)
		r = sign_verify(pdf.data, pdf.len, trust, a, &s, &n, &c->err);
	if (r == 0 && c->json)
		arr = json_array();
	for (size_t i = 0; r == 0 && i < n; i++) {
		bool ok = sign_info_valid(&s[i]);

		bad += !ok;
		if (arr) {
			json_t *ts = json_null();

			if (s[i].ts)
				ts = json_pack("{s:s?, s:b, s:b, s:b, s:s?}", "time", s[i].ts_time,
					       "valid", s[i].ts_intact && s[i].ts_trusted,
					       "matches", s[i].ts_intact, "trusted",
					       s[i].ts_trusted, "problem", s[i].ts_problem);
			json_array_append_new(
			    arr,
			    json_pack("{s:i, s:s, s:s, s:s?, s:b, s:b, s:b, s:b, s:s?, s:o}", "n",
				      (int)i + 1, "signer", s[i].signer, "issuer", s[i].issuer,
				      "time", s[i].time, "valid", ok, "intact", s[i].intact,
				      "trusted", s[i].trusted, "covers_all", s[i].covers_all,
				      "problem", s[i].problem, "timestamp", ts));
			continue;
		}
		fprintf(c->out,
			"Chữ ký %zu: %s\n  Người ký: %s\n  Cấp bởi: %s\n  Thời gian ký: %s\n"
			"  Nội dung đã ký: %s\n  Chứng thư số: %s\n  Phạm vi: %s\n",
			i + 1, ok ? "HỢP LỆ" : "KHÔNG HỢP LỆ", s[i].signer, s[i].issuer,
			s[i].time ? s[i].time : "không rõ",
			s[i].intact ? "nguyên vẹn" : "đã bị thay đổi",
			s[i].trusted ? "tin cậy, còn hiệu lực lúc ký"
				     : (s[i].problem ? s[i].problem : "không kiểm tra được"),
			after_words(&s[i], a));
		if (!ok && s[i].problem && s[i].intact == false)
			fprintf(c->out, "  Lý do: %s\n", s[i].problem);
		if (!s[i].ts)
			fprintf(c->out, "  Dấu thời gian: không có\n");
		else if (s[i].ts_intact && s[i].ts_trusted)
			fprintf(
			    c->out,
			    "  Dấu thời gian: %s (khớp chữ ký, máy chủ dấu thời gian tin cậy)\n",
			    s[i].ts_time);
		else
			fprintf(c->out, "  Dấu thời gian: %s - KHÔNG HỢP LỆ: %s\n",
				s[i].ts_time ? s[i].ts_time : "không rõ",
				s[i].ts_problem ? s[i].ts_problem : "không kiểm tra được");
	}
	if (r == 0 && arr)
		r = cli_json(c, json_pack("{s:s, s:o, s:i}", "file", path, "signatures", arr,
					  "invalid", (int)bad));
	if (r == 0 && n == 0)
		r = err_set(&c->err, ERR_CHECK, "tệp '%s' không có chữ ký số nào", path);
	else if (r == 0 && bad)
		r = err_set(&c->err, ERR_CHECK, "%zu/%zu chữ ký trong '%s' không hợp lệ", bad, n,
			    path);
	buf_free(&pdf);
	arena_free(a);
	return r;
}

/* Registers an image (and a certificate) for a person or a body. */
static int register_look(struct cli *c, const struct cli_args *args, bool body)
{
	const char *image = cli_opt(args, "image"), *cert = cli_opt(args, "cert");
	struct buf img = BUF_INIT(4u << 20), crt = BUF_INIT(64u << 10);
	int64_t id = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = slurp(c, image, body ? "ảnh con dấu" : "ảnh chữ ký", &img);
	if (r == 0 && cert)
		r = slurp(c, cert, "tệp chứng thư số", &crt);
	if (r == 0) {
		struct notice_blob i = {img.data, img.len}, k = {cert ? crt.data : NULL, crt.len};

		r = body ? notice_body_seal_set(db, id, i, k, &c->err)
			 : notice_person_signature_set(db, id, i, k, &c->err);
	}
	if (r == 0 && c->json)
		r = cli_json(c,
			     json_pack("{s:I, s:I, s:b}", body ? "body" : "person", (json_int_t)id,
				       "image_bytes", (json_int_t)img.len, "cert", cert != NULL));
	else if (r == 0)
		fprintf(c->out, "đã đăng ký %s cho %s %lld%s\n", body ? "con dấu" : "chữ ký",
			body ? "cơ quan" : "người", (long long)id,
			cert ? " (kèm chứng thư số)" : "");
	buf_free(&img);
	buf_free(&crt);
	return r;
}

const struct cli_spec cli_person_signature_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"image", CLI_TEXT, CLI_REQ, "FILE", "ảnh chữ ký (PNG nền trong suốt)"},
	    {"cert", CLI_TEXT, 0, "FILE", "chứng thư số của khóa ký (PEM hoặc DER)"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"PERSON", CLI_ID, CLI_REQ, "mã người"}, {NULL}},
};

int cli_person_signature(struct cli *c, const struct cli_args *args)
{
	return register_look(c, args, false);
}

const struct cli_spec cli_body_seal_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"image", CLI_TEXT, CLI_REQ, "FILE", "ảnh con dấu (PNG màu đỏ, nền trong suốt)"},
	    {"cert", CLI_TEXT, 0, "FILE", "chứng thư số cơ quan dùng để ký (PEM hoặc DER)"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"BODY", CLI_ID, CLI_REQ, "mã cơ quan"}, {NULL}},
};

int cli_body_seal(struct cli *c, const struct cli_args *args)
{
	return register_look(c, args, true);
}

const struct cli_spec cli_body_approval_spec = {
    .opts = (const struct cli_optdef[]){{"required", CLI_CHOICE, CLI_REQ, "yes|no",
					 "dự thảo phải được người ký duyệt trước khi ban hành"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"BODY", CLI_ID, CLI_REQ, "mã cơ quan"}, {NULL}},
};

int cli_body_approval(struct cli *c, const struct cli_args *args)
{
	bool req = strcmp(cli_opt(args, "required"), "yes") == 0;
	int64_t id = cli_pos_id(args, 0);
	struct db *db;
	int r = cli_db(c, &db);

	if (r == 0)
		r = notice_approval_rule_set(db, id, req, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I, s:b}", "body", (json_int_t)id, "required", req));
	else if (r == 0)
		fprintf(c->out, "cơ quan %lld: %s\n", (long long)id,
			req ? "dự thảo phải được trình ký và duyệt trước khi ban hành"
			    : "không yêu cầu trình ký trước khi ban hành");
	return r;
}
