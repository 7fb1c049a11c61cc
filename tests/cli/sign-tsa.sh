#!/bin/bash
# sign-tsa.sh: PAdES B-T: 'notice sign --tsa URL' (or DONDOC_TSA) adds an RFC 3161 timestamp over
# the signature's value from a test timestamp server ('openssl ts -reply' behind python's
# http.server on loopback, its certificate from the test CA); 'notice verify' and the API show its time and
# whether it matches the signature, pdfsig still finds the signature valid, 'openssl ts -verify'
# accepts the token; a server that cannot be reached, refuses or answers for another request
# leaves no file; a token that does not match its signature makes the signature invalid.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
IMG="$HERE/sign_img.py"
for tool in openssl pdfsig python3; do
	command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

# --- the test CA, the organisation's key (.p12) and the timestamp server's ---
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -utf8 \
	-subj "/CN=CA thử nghiệm dondoc/O=dondoc" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
mkcert() { # NAME CN EXT
	openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -utf8 -subj "/CN=$2" 2>/dev/null
	printf '%s\n' "$3" >"$1.ext"
	openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 30 \
		-extfile "$1.ext" 2>/dev/null
}
mkcert org "Huyện ủy Tân Yên" "keyUsage=critical,digitalSignature,nonRepudiation"
mkcert tsa "Máy chủ dấu thời gian thử nghiệm" \
	"$(printf 'keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping')"
openssl pkcs12 -export -inkey org.key -in org.pem -certfile ca.pem -out org.p12 -passout pass:matkhau-p12 2>/dev/null
printf 'matkhau-p12\n' >org.pin
mkdir tsa
cp tsa.pem tsa.key ca.pem tsa/
printf '01\n' >tsa/serial
cat >tsa/ts.cnf <<'T'
[ tsa ]
default_tsa = tsa_test
[ tsa_test ]
dir = .
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
T
# a second CA and its TSA, for a timestamp the trust store does not vouch for
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca2.key -out ca2.pem -days 30 -subj "/CN=CA khác" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout tsa/tsa2.key -out tsa2.csr -subj "/CN=TSA khác" 2>/dev/null
openssl x509 -req -in tsa2.csr -CA ca2.pem -CAkey ca2.key -CAcreateserial -out tsa/tsa2.pem -days 30 \
	-extfile tsa.ext 2>/dev/null
cp ca2.pem tsa/
sed -e 's/tsa\.pem/tsa2.pem/; s/tsa\.key/tsa2.key/; s/ca\.pem/ca2.pem/' tsa/ts.cnf >tsa/ts2.cnf
for f in ca.pem org.p12 tsa.pem tsa/tsa2.pem; do
	[ -s "$f" ] || { not_ok "test keys made ($f)"; done_testing; exit 1; }
done
ok "test CA, the organisation's key and the timestamp server's certificate made"

python3 "$HERE/tsa_server.py" serve "$PWD/tsa" &
tsa_pid=$!
trap 'kill -TERM $tsa_pid 2>/dev/null; wait $tsa_pid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -f tsa/port ] && break; sleep 0.1; done
TSA="http://127.0.0.1:$(cat tsa/port)"

python3 "$IMG" seal dau.png
BODY=$(sql demo.db "SELECT body_id FROM notice WHERE id = 1")
"${D[@]}" body seal "$BODY" --image dau.png >/dev/null
SIGN=("${D[@]}" notice sign 1 --as organisation --p12 org.p12 --pin-file org.pin)

# --- a timestamp server that fails: a clear message, no file ---
out=$("${SIGN[@]}" --tsa "http://127.0.0.1:1/" --output x1.pdf 2>&1)
rc=$?
case "$rc:$out" in 16:*"không kết nối được máy chủ dấu thời gian"*"127.0.0.1:1"*) ok "an unreachable timestamp server: exit 16, named" ;;
*) not_ok "an unreachable timestamp server: exit 16, named" "rc=$rc" "$out" ;; esac
out=$("${SIGN[@]}" --tsa "$TSA/reject" --output x2.pdf 2>&1)
rc=$?
case "$rc:$out" in 16:*"từ chối cấp dấu thời gian"*) ok "a server that refuses the timestamp: exit 16, says so" ;;
*) not_ok "a server that refuses the timestamp: exit 16, says so" "rc=$rc" "$out" ;; esac
out=$("${SIGN[@]}" --tsa "$TSA/wrong" --output x3.pdf 2>&1)
rc=$?
case "$rc:$out" in 16:*"không khớp với chữ ký"*) ok "a timestamp over another imprint is refused" ;;
*) not_ok "a timestamp over another imprint is refused" "rc=$rc" "$out" ;; esac
out=$("${SIGN[@]}" --tsa "$TSA/error" --output x4.pdf 2>&1)
rc=$?
case "$rc:$out" in 16:*"HTTP 500"*) ok "a server answering HTTP 500: exit 16, says so" ;;
*) not_ok "a server answering HTTP 500: exit 16, says so" "rc=$rc" "$out" ;; esac
check_eq "no file written by any failing server" "$(ls x?.pdf 2>/dev/null)" ""

# --- B-T: signed with the timestamp ---
check "notice sign --tsa: the organisation signs with a timestamp" "${SIGN[@]}" --tsa "$TSA/tsa" --output ts.pdf
ps=$(pdfsig ts.pdf 2>&1)
case "$ps" in *"Signature #1"*"Huyện ủy Tân Yên"*"Total document signed"*"Signature Validation: Signature is Valid"*)
	ok "pdfsig: the timestamped signature is valid and covers the document" ;;
*) not_ok "pdfsig: the timestamped signature is valid and covers the document" "$ps" ;; esac
out=$("${D[@]}" notice verify ts.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 0:*"Chữ ký 1: HỢP LỆ"*"Dấu thời gian: 20"[0-9][0-9]-*"+07:00 (khớp chữ ký, máy chủ dấu thời gian tin cậy)"*)
	ok "notice verify shows the timestamp's time, matching and trusted" ;;
*) not_ok "notice verify shows the timestamp's time, matching and trusted" "rc=$rc" "$out" ;; esac
ts_day=$("${D[@]}" --json notice verify ts.pdf --trust ca.pem | python3 -c '
import json, sys
t = json.load(sys.stdin)["signatures"][0]["timestamp"]
print(t["valid"], t["matches"], t["trusted"], t["time"][:10], t["time"][-6:])')
check_eq "notice verify --json: the timestamp valid, today in Vietnam, +07:00" "$ts_day" \
	"True True True $(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d) +07:00"

# the token, read with python from the CMS, checked by openssl over the signature's value
python3 "$HERE/tsa_server.py" extract ts.pdf 1 sig.bin token.der
out=$(openssl ts -verify -data sig.bin -in token.der -token_in -CAfile ca.pem 2>&1)
case "$out" in *"Verification: OK"*) ok "openssl ts -verify accepts the token over the signature value" ;;
*) not_ok "openssl ts -verify accepts the token over the signature value" "$out" ;; esac
printf 'x' >>sig.bin
check_fails "openssl ts -verify refuses it over other bytes" openssl ts -verify -data sig.bin -in token.der -token_in -CAfile ca.pem

# a timestamp from a TSA certified by a CA outside the trust store: the signature is invalid
check "signed with the timestamp of a TSA from another CA" "${SIGN[@]}" --tsa "$TSA/other-ca" --output other.pdf
out=$("${D[@]}" notice verify other.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 17:*"Chứng thư số: tin cậy"*"KHÔNG HỢP LỆ: chứng thư của máy chủ dấu thời gian không do tổ chức chứng thực tin cậy cấp"*)
	ok "a TSA outside the trust store: the timestamp untrusted, exit 17" ;;
*) not_ok "a TSA outside the trust store: the timestamp untrusted, exit 17" "rc=$rc" "$out" ;; esac
mkdir both
cp ca.pem ca2.pem both/
out=$("${D[@]}" notice verify other.pdf --trust both 2>&1)
check_eq "with that CA in the trust store (a directory of both CAs): valid" "$?" "0"

# the token changed (its imprint no longer the signature's): the signature is invalid
python3 - ts.pdf bad-ts.pdf <<'PY'
import hashlib, re, sys
d = bytearray(open(sys.argv[1], "rb").read())
a, b = (int(x) for x in re.search(rb"/ByteRange \[0 +(\d+) +(\d+)", d).groups())
sig = open("sig.bin", "rb").read()[:-1]
h = hashlib.sha256(sig).hexdigest().encode()
i = d.index(h, a, b)
d[i] = ord("0") if d[i] != ord("0") else ord("1")
open(sys.argv[2], "wb").write(d)
PY
out=$("${D[@]}" notice verify bad-ts.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 17:*"Chữ ký 1: KHÔNG HỢP LỆ"*"Nội dung đã ký: nguyên vẹn"*"Dấu thời gian:"*"KHÔNG HỢP LỆ: dấu thời gian không khớp với chữ ký này"*)
	ok "a token that does not match its signature: invalid, exit 17" ;;
*) not_ok "a token that does not match its signature: invalid, exit 17" "rc=$rc" "$out" ;; esac

# DONDOC_TSA stands for --tsa
check "DONDOC_TSA: signed with a timestamp" env DONDOC_TSA="$TSA/tsa" "${SIGN[@]}" --output env.pdf
case "$("${D[@]}" notice verify env.pdf --trust ca.pem 2>&1)" in *"Dấu thời gian: 20"*"khớp chữ ký"*) ok "DONDOC_TSA: the timestamp is there" ;;
*) not_ok "DONDOC_TSA: the timestamp is there" ;; esac

# --- without --tsa: B-B as before, no timestamp ---
check "notice sign without --tsa" "${SIGN[@]}" --output bb.pdf
out=$("${D[@]}" notice verify bb.pdf --trust ca.pem 2>&1)
rc=$?
case "$rc:$out" in 0:*"Chữ ký 1: HỢP LỆ"*"Dấu thời gian: không có"*) ok "without --tsa: valid, no timestamp" ;;
*) not_ok "without --tsa: valid, no timestamp" "rc=$rc" "$out" ;; esac
python3 "$HERE/tsa_server.py" extract bb.pdf 1 bb-sig.bin bb-token.der
check_eq "without --tsa: one signature, no timestamp token in its CMS" \
	"$(printf '%s\n' "$out" | grep -c '^Chữ ký ') $(stat -c %s bb-token.der)" "1 0"

# the web: an upload whose timestamp does not hold is refused; the timestamped copy is taken
tok=$("${D[@]}" user token vanphong sign | tail -1)
DONDOC_TRUST="$PWD/ca.pem" "${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $tsa_pid $server 2>/dev/null; wait $tsa_pid $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
up() { # FILE: POST it as notice 1's signed copy; prints the status, the answer in up.json
	curl -s -o up.json -w '%{http_code}' -H "Authorization: Bearer $tok" -H "Content-Type: application/pdf" \
		--data-binary "@$1" "${url}api/v1/notices/1/signed"
}
code=$(up bad-ts.pdf)
case "$code:$(cat up.json)" in 400:*"dấu thời gian của chữ ký 1"*"không khớp"*) ok "API: a copy whose timestamp does not match is refused (400, the reason)" ;;
*) not_ok "API: a copy whose timestamp does not match is refused (400, the reason)" "$code $(cat up.json)" ;; esac
code=$(up other.pdf)
case "$code:$(cat up.json)" in 400:*"dấu thời gian"*"tin cậy"*) ok "API: a copy timestamped by an untrusted TSA is refused" ;;
*) not_ok "API: a copy timestamped by an untrusted TSA is refused" "$code $(cat up.json)" ;; esac
check_eq "API: the timestamped copy is taken" "$(up ts.pdf)" "201"
curl -s -o n1.json -H "Authorization: Bearer $tok" "${url}api/v1/notices/1"
check_eq "GET /api/v1/notices/1: the signature's timestamp, valid, in +07:00" \
	"$(python3 -c 'import json; s=json.load(open("n1.json"))["signed"]["signatures"][0]["timestamp"]; print(s["valid"], s["time"][-6:], s["problem"])')" \
	"True +07:00 None"

done_testing
