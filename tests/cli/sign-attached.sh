#!/bin/bash
# sign-attached.sh: 'notice sign ID --as organisation --attached --input FILE': the organisation
# signs a document attached to notice ID (here a PDF not made by dondoc) as NĐ 30/2020 Phụ lục I
# says: at the top right of page 1, no image, the notice's number and the signing time in blue;
# pdfsig finds it valid and 'notice verify' names the signer. The signer may not sign one.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
IMG="$HERE/sign_img.py"
for tool in openssl pdfsig pdftoppm pdftotext python3; do
	command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -utf8 \
	-subj "/CN=CA thử nghiệm dondoc/O=dondoc" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout org.key -out org.csr -utf8 -subj "/CN=Huyện ủy Tân Yên" 2>/dev/null
printf 'keyUsage=critical,digitalSignature,nonRepudiation\n' >org.ext
openssl x509 -req -in org.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out org.pem -days 30 \
	-extfile org.ext 2>/dev/null
openssl pkcs12 -export -inkey org.key -in org.pem -certfile ca.pem -out org.p12 -passout pass:matkhau-p12 2>/dev/null
printf 'matkhau-p12\n' >org.pin
python3 "$IMG" pdf phuluc.pdf
[ -s org.p12 ] && [ -s phuluc.pdf ] && ok "test CA, the organisation's key and an attached PDF made" ||
	not_ok "test CA, the organisation's key and an attached PDF made"
KEY=(--p12 org.p12 --pin-file org.pin)

# --- refusals: nothing written ---
out=$("${D[@]}" notice sign 1 --as signer --attached --input phuluc.pdf "${KEY[@]}" --output x.pdf 2>&1)
rc=$?
case "$rc:$out" in 2:*"--attached chỉ dùng với --as organisation"*) ok "--attached with --as signer is refused (exit 2, says why)" ;;
*) not_ok "--attached with --as signer is refused (exit 2, says why)" "rc=$rc" "$out" ;; esac
out=$("${D[@]}" notice sign 1 --as organisation --attached "${KEY[@]}" --output x.pdf 2>&1)
case "$out" in *"--attached cần --input"*) ok "--attached without --input is refused" ;;
*) not_ok "--attached without --input is refused" "$out" ;; esac
out=$("${D[@]}" notice sign 1 --as organisation --attached --input org.pem "${KEY[@]}" --output x.pdf 2>&1)
case "$out" in *"'org.pem' không phải tệp PDF"*) ok "an attached file that is not a PDF is refused, named" ;;
*) not_ok "an attached file that is not a PDF is refused, named" "$out" ;; esac
ID2=$("${D[@]}" --json notice correct 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
out=$("${D[@]}" notice sign "$ID2" --as organisation --attached --input phuluc.pdf "${KEY[@]}" --output x.pdf 2>&1)
case "$out" in *"chưa ban hành"*) ok "a document attached to a draft (no number yet) is refused" ;;
*) not_ok "a document attached to a draft (no number yet) is refused" "$out" ;; esac
check_eq "no file written by any refusal" "$(ls x.pdf 2>/dev/null)" ""

# --- signed: without a seal registered (no image is shown), with the .p12's certificate ---
check "the organisation signs the attached document" "${D[@]}" notice sign 1 --as organisation --attached \
	--input phuluc.pdf "${KEY[@]}" --output phuluc-ky.pdf
check_eq "the attached PDF is the first bytes of the signed one (incremental)" \
	"$(cmp -n "$(stat -c %s phuluc.pdf)" phuluc.pdf phuluc-ky.pdf && echo same)" "same"
ps=$(pdfsig phuluc-ky.pdf 2>&1)
case "$ps" in *"Signature #1"*"Huyện ủy Tân Yên"*"Total document signed"*"Signature Validation: Signature is Valid"*)
	ok "pdfsig: the organisation's signature is valid and covers the file" ;;
*) not_ok "pdfsig: the organisation's signature is valid and covers the file" "$ps" ;; esac
out=$("${D[@]}" notice verify phuluc-ky.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 0:*"Chữ ký 1: HỢP LỆ"*"Người ký: Huyện ủy Tân Yên"*"bao toàn bộ"*) ok "notice verify names the organisation, valid" ;;
*) not_ok "notice verify names the organisation, valid" "rc=$rc" "$out" ;; esac

# the look: blue ink at the top right of page 1 (within the top margin), none elsewhere
pdftoppm -r 100 -f 1 -l 1 phuluc-ky.pdf page
top=$(python3 "$IMG" blue page-1.ppm 0.5 0 1 0.07)
rest=$(python3 "$IMG" blue page-1.ppm 0 0.07 1 1)
left=$(python3 "$IMG" blue page-1.ppm 0 0 0.5 0.07)
if [ "$top" -gt 200 ] && [ "$rest" -eq 0 ] && [ "$left" -eq 0 ]; then
	ok "page 1: blue ink in the top right corner only"
else not_ok "page 1: blue ink in the top right corner only" "top-right=$top left=$left rest=$rest"; fi
pdftoppm -r 100 -f 1 -l 1 phuluc.pdf before
check_eq "no blue on the page before signing" "$(python3 "$IMG" blue before-1.ppm 0 0 1 1)" "0"
# no image: with the body's seal registered, the attached document still shows none (no red)
python3 "$IMG" seal dau.png
"${D[@]}" body seal "$(sqlite3 demo.db "SELECT body_id FROM notice WHERE id = 1")" --image dau.png >/dev/null
check "signed again with the seal registered" "${D[@]}" notice sign 1 --as organisation --attached \
	--input phuluc.pdf "${KEY[@]}" --output phuluc-ky2.pdf
pdftoppm -r 100 -f 1 -l 1 phuluc-ky2.pdf page2
read -r red blue2 _ <<<"$(python3 "$IMG" region page2-1.ppm)"
check_eq "no seal image on the attached document, only the blue text" "$red $((blue2 > 200))" "0 1"

# what was signed, as the office reads it back
json=$("${D[@]}" --json notice sign 1 --as organisation --attached --input phuluc.pdf "${KEY[@]}" --output again.pdf)
case "$json" in *'"signed": "văn bản kèm theo thông báo 512-TB/HU"'*|*'"signed":"văn bản kèm theo thông báo 512-TB/HU"'*)
	ok "--json: says it signed the document attached to 512-TB/HU" ;;
*) not_ok "--json: says it signed the document attached to 512-TB/HU" "$json" ;; esac
done_testing
