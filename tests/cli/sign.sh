#!/bin/bash
# sign.sh: the demo's issued notice (512-TB/HU) signed by its signer through a SoftHSM2 token
# (PKCS#11) and then by the organisation with a PKCS#12 file, as PAdES incremental updates;
# poppler's pdfsig and 'notice verify' agree both are valid, and a changed byte breaks both.
# The keys, a test CA and an expired certificate are made here with openssl and certtool.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
IMG="$HERE/sign_img.py"
MODULE=${SOFTHSM2_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
for tool in softhsm2-util openssl certtool pdfsig pdftoppm pdfinfo; do
	command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done
[ -f "$MODULE" ] || { echo "1..0 # SKIP no SoftHSM2 module at $MODULE"; exit 77; }

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
kept() { sql demo.db "SELECT count(*) || ' ' || coalesce(max(sha256), '') FROM notice_issued WHERE notice_id = $1"; }
check_eq "the demo's notice, issued before its PDF was kept, has none stored yet" "$(kept 1)" "0 "

# --- the test CA, the signer's key (to the token) and the organisation's (in a .p12) ---
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -utf8 \
	-subj "/CN=CA thử nghiệm dondoc/O=dondoc" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
mkcert() { # NAME CN
	openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -utf8 -subj "/CN=$2" 2>/dev/null
	printf 'keyUsage=critical,digitalSignature,nonRepudiation\n' >"$1.ext"
	openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 30 \
		-extfile "$1.ext" 2>/dev/null
}
mkcert signer "Đinh Đức Cảnh"
mkcert org "Huyện ủy Tân Yên"
mkcert other "Người khác"
openssl pkcs12 -export -inkey org.key -in org.pem -certfile ca.pem -out org.p12 -passout pass:matkhau-p12 2>/dev/null
printf 'matkhau-p12\n' >org.pin
printf 'sai\n' >wrong.pin
# an expired certificate for the signer's key
cat >expired.tmpl <<'T'
cn = "Đinh Đức Cảnh"
serial = 77
activation_date = "2020-01-01 00:00:00 UTC"
expiration_date = "2021-01-01 00:00:00 UTC"
signing_key
T
certtool --generate-certificate --load-privkey signer.key --load-ca-certificate ca.pem \
	--load-ca-privkey ca.key --template expired.tmpl --outfile expired.pem >/dev/null 2>&1
for f in ca.pem signer.pem org.p12 expired.pem; do
	[ -s "$f" ] || { not_ok "test keys made ($f)"; done_testing; exit 1; }
done
ok "test CA, keys and certificates made"

export SOFTHSM2_CONF="$PWD/softhsm2.conf"
mkdir tokens
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$PWD" >"$SOFTHSM2_CONF"
softhsm2-util --init-token --free --label "dondoc-test" --pin 1234 --so-pin 5678 >/dev/null
openssl pkcs8 -topk8 -nocrypt -in signer.key -out signer.pk8
check "the signer's key goes into the token" softhsm2-util --import signer.pk8 --token dondoc-test \
	--label signer-key --id 01 --pin 1234
printf '1234\n' >token.pin

python3 "$IMG" signature chuky.png
python3 "$IMG" seal dau.png
SIGNER=$(sql demo.db "SELECT p.id FROM person p JOIN notice n ON n.sig_name = p.full_name WHERE n.id = 1")
BODY=$(sql demo.db "SELECT body_id FROM notice WHERE id = 1")

# --- bad input: nothing written ---
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" --pin-file token.pin --output x.pdf 2>&1)
case "$out" in *"chưa đăng ký chữ ký"*) ok "no registered signature: says how to register one" ;;
*) not_ok "no registered signature: says how to register one" "$out" ;; esac
check_fails "a signature image that is not PNG is refused" "${D[@]}" person signature "$SIGNER" --image ca.pem
check "person signature registers image and certificate" "${D[@]}" person signature "$SIGNER" --image chuky.png --cert expired.pem
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" --pin-file token.pin --output x.pdf 2>&1)
rc=$?
case "$rc:$out" in 3:*"hết hạn"*) ok "an expired certificate is refused (exit 3, 'hết hạn')" ;;
*) not_ok "an expired certificate is refused (exit 3, 'hết hạn')" "rc=$rc" "$out" ;; esac
"${D[@]}" person signature "$SIGNER" --image chuky.png --cert other.pem >/dev/null
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" --pin-file token.pin --output x.pdf 2>&1)
case "$out" in *"không khớp"*) ok "a key that does not match the certificate is refused" ;;
*) not_ok "a key that does not match the certificate is refused" "$out" ;; esac
check "the right certificate registered" "${D[@]}" person signature "$SIGNER" --image chuky.png --cert signer.pem
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" --pin-file wrong.pin --output x.pdf 2>&1)
rc=$?
case "$rc:$out" in 9:*"sai mã PIN"*) ok "a wrong PIN is refused (exit 9, 'sai mã PIN')" ;;
*) not_ok "a wrong PIN is refused (exit 9, 'sai mã PIN')" "rc=$rc" "$out" ;; esac
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" --token khong-co --pin-file token.pin --output x.pdf 2>&1)
case "$out" in *"không tìm thấy thiết bị ký"*) ok "a missing token is named" ;;
*) not_ok "a missing token is named" "$out" ;; esac
out=$("${D[@]}" notice sign 1 --as signer --pkcs11 /khong/co.so --pin-file token.pin --output x.pdf 2>&1)
case "$out" in *"PKCS#11"*) ok "a missing PKCS#11 module is named" ;;
*) not_ok "a missing PKCS#11 module is named" "$out" ;; esac
check "body seal registers the seal" "${D[@]}" body seal "$BODY" --image dau.png
out=$("${D[@]}" notice sign 1 --as organisation --p12 org.p12 --pin-file wrong.pin --output x.pdf 2>&1)
case "$out" in *"sai mật khẩu"*) ok "a wrong PKCS#12 password is refused" ;;
*) not_ok "a wrong PKCS#12 password is refused" "$out" ;; esac
check_eq "no file written by any refusal" "$(ls x.pdf 2>/dev/null)" ""

# --- the signer through the token, then the organisation with the .p12 ---
check "notice sign --as signer through PKCS#11" "${D[@]}" notice sign 1 --as signer --pkcs11 "$MODULE" \
	--token dondoc-test --key signer-key --pin-file token.pin --output signed1.pdf
check "notice sign --as organisation with PKCS#12 over the first" "${D[@]}" notice sign 1 --as organisation \
	--p12 org.p12 --pin-file org.pin --input signed1.pdf --output signed2.pdf
"${D[@]}" notice render 1 --format pdf --output issued.pdf
check_eq "signing stored the issued PDF once, as first needed (rendered with its issue time)" \
	"$(kept 1)" "1 $(sha256sum issued.pdf | cut -c1-64)"
check_eq "the issued PDF is the first bytes of the signed one (incremental)" \
	"$(cmp -n "$(stat -c %s issued.pdf)" issued.pdf signed2.pdf && echo same)" "same"

ps=$(pdfsig signed2.pdf 2>&1)
nvalid=$(printf '%s\n' "$ps" | grep -c "Signature Validation: Signature is Valid")
check_eq "pdfsig: both signatures valid" "$nvalid" "2"
case "$ps" in *"Signature #1"*"Signer Certificate Common Name: Đinh Đức Cảnh"*"Not total document signed"*"Signature #2"*"Huyện ủy Tân Yên"*"Total document signed"*)
	ok "pdfsig: the signer first, still covering its range; the organisation's covers all" ;;
*) not_ok "pdfsig: the signer first, still covering its range; the organisation's covers all" "$ps" ;; esac
case "$ps" in *"ETSI.CAdES.detached"*) ok "pdfsig: PAdES (ETSI.CAdES.detached)" ;;
*) not_ok "pdfsig: PAdES (ETSI.CAdES.detached)" "$ps" ;; esac

out=$("${D[@]}" notice verify signed2.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 0:*"Chữ ký 1: HỢP LỆ"*"Đinh Đức Cảnh"*"+07:00"*"chỉ có phần ký tiếp"*"Chữ ký 2: HỢP LỆ"*"Huyện ủy Tân Yên"*"bao toàn bộ"*)
	ok "notice verify agrees: both valid, the first covered by the second" ;;
*) not_ok "notice verify agrees: both valid, the first covered by the second" "rc=$rc" "$out" ;; esac
"${D[@]}" notice verify signed2.pdf >/dev/null 2>&1
check_eq "without the test CA in the trust store: exit 17" "$?" "17"

# one byte changed inside the original notice: both signatures break
python3 - signed2.pdf tampered.pdf <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
i = d.index(b"/Producer")
d[i + 2] ^= 0x20
open(sys.argv[2], "wb").write(d)
PY
ps=$(pdfsig tampered.pdf 2>&1)
check_eq "pdfsig: a changed byte makes both invalid" \
	"$(printf '%s\n' "$ps" | grep -c "Signature Validation: Signature is Invalid\|Digest Mismatch")" "2"
out=$("${D[@]}" notice verify tampered.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 17:*"Chữ ký 1: KHÔNG HỢP LỆ"*"Chữ ký 2: KHÔNG HỢP LỆ"*) ok "notice verify: both invalid, exit 17" ;;
*) not_ok "notice verify: both invalid, exit 17" "rc=$rc" "$out" ;; esac

# --- the look: the seal and the signature where the signature block is ---
# the signature block is on the last page
LAST=$(pdfinfo signed2.pdf | sed -n 's/^Pages: *//p')
pdftoppm -r 100 -f "$LAST" -l "$LAST" signed2.pdf page
PAGE=$(ls page*.ppm | tail -1)
read -r red blue x0 y0 x1 y1 <<<"$(python3 "$IMG" region "$PAGE")"
if [ "$red" -gt 500 ] && [ "$blue" -gt 200 ]; then ok "the page shows a red seal and a blue signature"; else
	not_ok "the page shows a red seal and a blue signature" "red=$red blue=$blue"; fi
if python3 -c "import sys; x0,y0,x1,y1=map(float,sys.argv[1:]); sys.exit(0 if x0 > 0.4 and x1 < 0.95 and y0 > 0.05 else 1)" "$x0" "$y0" "$x1" "$y1"; then
	ok "the seal is in the signature block (right column)"
else not_ok "the seal is in the signature block (right column)" "box $x0 $y0 $x1 $y1"; fi
# --- the web: the signed copy uploaded back becomes the record ---
# a second issued notice (a correction of the first), signed on its own, to be refused for notice 1
ID2=$("${D[@]}" --json notice correct 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"${D[@]}" notice issue "$ID2" --date 05/10/2023 >/dev/null 2>&1
pdf2=$(kept "$ID2")
case "$pdf2" in "1 "?*) ok "notice issue stores the issued PDF with its hash" ;;
*) not_ok "notice issue stores the issued PDF with its hash" "$pdf2" ;; esac
check "another notice signed by the organisation" "${D[@]}" notice sign "$ID2" --as organisation \
	--p12 org.p12 --pin-file org.pin --output other.pdf
tok=$("${D[@]}" user token vanphong sign | tail -1)
DONDOC_TRUST="$PWD/ca.pem" "${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
up() { # FILE: POST it as notice 1's signed copy; prints the status, the answer in up.json
	curl -s -o up.json -w '%{http_code}' -H "Authorization: Bearer $tok" -H "Content-Type: application/pdf" \
		--data-binary "@$1" "${url}api/v1/notices/1/signed"
}
code=$(up other.pdf)
case "$code:$(cat up.json)" in 400:*"không phải thông báo này"*) ok "API: a file signed over another notice is refused (400, with the reason)" ;;
*) not_ok "API: a file signed over another notice is refused (400, with the reason)" "$code $(cat up.json)" ;; esac
code=$(up tampered.pdf)
case "$code:$(cat up.json)" in 400:*"không"*) ok "API: an altered file is refused (400, with the reason)" ;;
*) not_ok "API: an altered file is refused (400, with the reason)" "$code $(cat up.json)" ;; esac
code=$(up issued.pdf)
case "$code:$(cat up.json)" in 400:*"chưa có chữ ký"*|400:*"phần đầu"*) ok "API: the unsigned PDF is refused" ;;
*) not_ok "API: the unsigned PDF is refused" "$code $(cat up.json)" ;; esac
code=$(up signed2.pdf)
case "$code:$(cat up.json)" in 201:*'"signatures":2'*'"sha256":"'"$(sha256sum signed2.pdf | cut -c1-64)"'"'*) ok "API: the signed copy is taken with its hash (201)" ;;
*) not_ok "API: the signed copy is taken with its hash (201)" "$code $(cat up.json)" ;; esac
curl -s -o n1.json -H "Authorization: Bearer $tok" "${url}api/v1/notices/1"
check_eq "GET /api/v1/notices/1: the signed copy is the record, its signers in order, verified" \
	"$(python3 -c 'import json,sys; s=json.load(open("n1.json"))["signed"]; print(s["record"], s["sha256"], [(g["signer"], g["valid"], g["time"][-6:]) for g in s["signatures"]])')" \
	"True $(sha256sum signed2.pdf | cut -c1-64) [('Đinh Đức Cảnh', True, '+07:00'), ('Huyện ủy Tân Yên', True, '+07:00')]"

# the office's browser: the notice page offers the form, and the PDF served is the signed copy
csrf=$(curl -s -c vp.jar "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b vp.jar -c vp.jar -o /dev/null --data-urlencode "login=vanphong" \
	--data-urlencode "password=demo-vanphong" --data-urlencode "_csrf=$csrf" "${url}login"
curl -s -b vp.jar -o served.pdf "${url}notices/1/pdf"
check_eq "the PDF served from then on is the signed copy" "$(cmp served.pdf signed2.pdf && echo same)" "same"
page=$(curl -s -b vp.jar "${url}notices/1")
case "$page" in *"Bản ký số"*"2 chữ ký"*'enctype="multipart/form-data"'*) ok "the notice page shows the signed copy and the upload form" ;;
*) not_ok "the notice page shows the signed copy and the upload form" ;; esac
csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
code=$(curl -s -b vp.jar -o form.html -w '%{http_code}' -F "_csrf=$csrf" -F "file=@other.pdf;type=application/pdf" "${url}notices/1/signed")
case "$code:$(cat form.html)" in 400:*'id="ferr-file"'*"không phải thông báo này"*) ok "the form refuses another notice's file, the reason beside the field" ;;
*) not_ok "the form refuses another notice's file, the reason beside the field" "$code" ;; esac
code=$(curl -s -b vp.jar -o /dev/null -w '%{http_code}' -F "_csrf=$csrf" -F "file=@signed2.pdf;type=application/pdf" "${url}notices/1/signed")
check_eq "the form takes the signed copy (303 back to the notice)" "$code" "303"
# the issued PDF is the record from issue on: the bytes kept at issue are served, not a rendering
curl -s -b vp.jar -o d1.pdf "${url}notices/$ID2/pdf"
curl -s -b vp.jar -o d2.pdf "${url}notices/$ID2/pdf"
check_eq "the issued notice's PDF, downloaded twice, is the one stored at issue" \
	"1 $(sha256sum d1.pdf | cut -c1-64) $(sha256sum d2.pdf | cut -c1-64)" "$pdf2 ${pdf2#1 }"
check_fails "the store refuses to change an issued PDF" sql demo.db \
	"UPDATE notice_issued SET size = 1 WHERE notice_id = $ID2"
# the stored bytes changed behind dondoc's back (a comment appended): a rendering would not show it
if on_pg; then
	sql demo.db "DROP TRIGGER notice_issued_keep ON notice_issued;
		UPDATE notice_issued SET pdf = pdf || convert_to(E'%kept-as-stored\\n', 'UTF8') WHERE notice_id = $ID2;
		UPDATE notice_issued SET sha256 = encode(sha256(pdf), 'hex'), size = length(pdf) WHERE notice_id = $ID2"
else
python3 - demo.db "$ID2" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
pdf = db.execute("SELECT pdf FROM notice_issued WHERE notice_id = ?", (sys.argv[2],)).fetchone()[0]
marked = pdf + b"%kept-as-stored\n"
db.execute("DROP TRIGGER notice_issued_keep")
db.execute("UPDATE notice_issued SET pdf = ?, sha256 = ?, size = ? WHERE notice_id = ?",
           (marked, hashlib.sha256(marked).hexdigest(), len(marked), sys.argv[2]))
db.commit()
PY
fi
kill -TERM $server
wait $server 2>/dev/null
: >serve.out
DONDOC_TRUST="$PWD/ca.pem" "${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
curl -s -b vp.jar -o d3.pdf "${url}notices/$ID2/pdf"
check_eq "after a restart the PDF served is the stored one, byte for byte" \
	"$(tail -c 16 d3.pdf | tr -d '\n') $(sha256sum d3.pdf | cut -c1-64)" "%kept-as-stored $(kept "$ID2" | cut -d' ' -f2)"
# back as issued, for the signed copy below
if on_pg; then
	sql demo.db "UPDATE notice_issued SET pdf = substring(pdf FROM 1 FOR length(pdf) - 16) WHERE notice_id = $ID2;
		UPDATE notice_issued SET sha256 = encode(sha256(pdf), 'hex'), size = length(pdf) WHERE notice_id = $ID2"
else
python3 - demo.db "$ID2" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
pdf = db.execute("SELECT pdf FROM notice_issued WHERE notice_id = ?", (sys.argv[2],)).fetchone()[0]
pdf = pdf[: -len(b"%kept-as-stored\n")]
db.execute("UPDATE notice_issued SET pdf = ?, sha256 = ?, size = ? WHERE notice_id = ?",
           (pdf, hashlib.sha256(pdf).hexdigest(), len(pdf), sys.argv[2]))
db.commit()
PY
fi
check_eq "the stored PDF put back as issued" "$(kept "$ID2")" "$pdf2"
# the e-mail carries the signed copy once it is stored
code=$(curl -s -o up.json -w '%{http_code}' -H "Authorization: Bearer $tok" -H "Content-Type: application/pdf" \
	--data-binary @other.pdf "${url}api/v1/notices/$ID2/signed")
check_eq "the other notice's own signed copy is taken" "$code" "201"
mkdir -p mail
python3 "$HERE/smtp_sink.py" "$PWD/mail" &
sink=$!
trap 'kill -TERM $server $sink 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -f mail/port ] && break; sleep 0.1; done
"${D[@]}" notice send "$ID2" --smtp "smtp://127.0.0.1:$(cat mail/port)" --from vp@tanyen.example >/dev/null 2>&1
python3 - mail/msg-1.eml >att.pdf <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
sys.stdout.buffer.write([p for p in m.iter_parts() if p.get_content_type() == "application/pdf"][0].get_content())
PY
check_eq "the e-mail attaches the signed copy" "$(cmp att.pdf other.pdf && echo same)" "same"
done_testing
