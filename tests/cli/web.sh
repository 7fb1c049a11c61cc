#!/bin/bash
# web.sh: 'dondoc user', 'dondoc check' against a hand-edited audit row, and 'dondoc serve' start and stop.
. "$(dirname "$0")/lib.sh"

"$DONDOC" --db w.db init >/dev/null
check "user add reads the password from stdin" sh -c "echo 'mat-khau-1' | '$DONDOC' --db w.db user add thu --role office --name 'Nguyễn Thị Thu'"
check_fails "a short password is refused" sh -c "echo 'ngan' | '$DONDOC' --db w.db user add ngan --role viewer"
check_fails "an unknown role is refused" sh -c "echo 'mat-khau-1' | '$DONDOC' --db w.db user add vua --role king"
check_fails "a reporter needs a unit" sh -c "echo 'mat-khau-1' | '$DONDOC' --db w.db user add dv --role reporter"
check_fails "a taken login is refused" sh -c "echo 'mat-khau-2' | '$DONDOC' --db w.db user add thu --role viewer"
check_eq "user list --json shows the account" \
	"$("$DONDOC" --db w.db --json user list | python3 -c 'import json,sys; a=json.load(sys.stdin); print(len(a), a[0]["login"], a[0]["role"], a[0]["name"])')" \
	"1 thu office Nguyễn Thị Thu"
check "passwd sets a new password" sh -c "echo 'mat-khau-3' | '$DONDOC' --db w.db user passwd thu"
check_fails "passwd of an unknown login fails" sh -c "echo 'mat-khau-3' | '$DONDOC' --db w.db user passwd ai"
check "disable" "$DONDOC" --db w.db user disable thu
check_fails "disabling twice says there is no active account" "$DONDOC" --db w.db user disable thu
check "enable" "$DONDOC" --db w.db user enable thu
check_eq "an enabled account is active again" \
	"$("$DONDOC" --db w.db --json user list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["disabled"])')" "False"
check_fails "enabling twice says there is no disabled account" "$DONDOC" --db w.db user enable thu
tok=$("$DONDOC" --db w.db user token thu lich 2>/dev/null)
check_eq "a token is 64 hex digits" "$(echo "$tok" | grep -cE '^[0-9a-f]{64}$')" "1"
check "check passes on an untouched store" "$DONDOC" --db w.db check
n=$(sql w.db "SELECT count(*) FROM audit_log")
check_eq "every write above was audited (add, 3 updates, token)" "$n" "5"
sql w.db "DROP TRIGGER audit_log_no_update$(on_pg && echo ' ON audit_log'); UPDATE audit_log SET actor = 'ai-do' WHERE id = 2;"
out=$("$DONDOC" --db w.db check 2>&1)
rc=$?
check_eq "check fails with exit 17 on an edited audit row" "$rc" "17"
check_eq "check names the first broken entry" "$(echo "$out" | grep -c '#2 ')" "1"
check_eq "check --json reports it" \
	"$("$DONDOC" --db w.db --json check 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["first_broken"])')" "2"

# serve: starts on an ephemeral port, answers, stops on SIGTERM.
"$DONDOC" --db s.db init >/dev/null
"$DONDOC" --db s.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
pid=$!
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
check_eq "serve prints its address" "$(echo "$url" | grep -cE '^http://127\.0\.0\.1:[0-9]+/$')" "1"
check_eq "the login page answers" "$(curl -s -o /dev/null -w '%{http_code}' "${url}login")" "200"
kill -TERM "$pid"
wait "$pid"
check_eq "SIGTERM stops the server cleanly" "$?" "0"
check_eq "the request log has the request" "$(grep -c 'GET /login 200' serve.err)" "1"
check_fails "a bad --listen is refused" "$DONDOC" --db s.db serve --listen nowhere

# serve over HTTPS with a self-signed certificate made here.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout key.pem \
	-out cert.pem -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out other.pem 2>/dev/null
"$DONDOC" --db s.db serve --listen 127.0.0.1:0 --tls-cert cert.pem --tls-key key.pem \
	>tls.out 2>tls.err &
pid=$!
for _ in $(seq 50); do [ -s tls.out ] && break; sleep 0.1; done
url=$(head -1 tls.out)
check_eq "serve with a certificate prints an https address" \
	"$(echo "$url" | grep -cE '^https://127\.0\.0\.1:[0-9]+/$')" "1"
check_eq "the login page answers over https" \
	"$(curl -s --cacert cert.pem -o /dev/null -w '%{http_code}' "${url}login")" "200"
check_eq "its cookie is Secure over https" \
	"$(curl -s --cacert cert.pem -D - -o /dev/null "${url}login" | grep -ci '^set-cookie: dd_login=.*; Secure')" "1"
kill -TERM "$pid"
wait "$pid"
check_eq "the https server stops cleanly" "$?" "0"
"$DONDOC" --db s.db serve --listen 127.0.0.1:0 >plain.out 2>/dev/null &
pid=$!
for _ in $(seq 50); do [ -s plain.out ] && break; sleep 0.1; done
check_eq "over plain http the cookie is not Secure" \
	"$(curl -s -D - -o /dev/null "$(head -1 plain.out)login" | grep -ci '^set-cookie:.*Secure')" "0"
kill -TERM "$pid"
wait "$pid"
# refuse_start NAME WANT_IN_STDERR ARGS...: serve must exit non-zero at once, saying WANT.
refuse_start() {
	local name=$1 want=$2
	shift 2
	timeout 10 "$DONDOC" --db s.db serve --listen 127.0.0.1:0 "$@" >/dev/null 2>refuse.err
	local rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && grep -q -- "$want" refuse.err; then
		ok "$name"
	else
		not_ok "$name" "exit $rc" "$(cat refuse.err)"
	fi
}
refuse_start "a certificate without its key is refused" "cần cả --tls-cert TỆP và --tls-key TỆP" --tls-cert cert.pem
refuse_start "a key without its certificate is refused" "cần cả --tls-cert TỆP và --tls-key TỆP" --tls-key key.pem
refuse_start "an unreadable certificate is refused" "không đọc được tệp 'khong-co.pem'" --tls-cert khong-co.pem --tls-key key.pem
echo "không phải chứng chỉ" >junk.pem
refuse_start "a file that is no certificate is refused" "không chứa chứng chỉ X.509" --tls-cert junk.pem --tls-key key.pem
refuse_start "a file that is no key is refused" "không phải khóa riêng" --tls-cert cert.pem --tls-key junk.pem
refuse_start "a key of another certificate is refused" "không khớp với chứng chỉ" --tls-cert cert.pem --tls-key other.pem
refuse_start "a trusted proxy must be an IP address" "--trusted-proxy: 'proxy.lan' không phải địa chỉ IP" --trusted-proxy 127.0.0.1,proxy.lan
refuse_start "a memory map that is no size is refused" "--db-mmap: 'nhieu' không phải số nguyên từ 0 đến 65536" --db-mmap nhieu
refuse_start "a cache of 0 KiB is refused" "--db-cache phải lớn hơn 0 KiB" --db-cache 0
DONDOC_HEAP_LIMIT=-1 refuse_start "a bad DONDOC_HEAP_LIMIT is refused, named" "DONDOC_HEAP_LIMIT: '-1' không phải số nguyên"

# Memory is set by configuration: by default no worker maps the store file; --db-mmap maps it.
# mapped_after ARGS...: serve w.db with ARGS, answer one API call, whether w.db itself is mapped (1 or 0).
mapped_after() {
	"$DONDOC" --db w.db serve --listen 127.0.0.1:0 "$@" >mm.out 2>/dev/null &
	local p=$!
	for _ in $(seq 300); do [ -s mm.out ] && break; sleep 0.1; done
	curl -s -o /dev/null -H "Authorization: Bearer $tok" "$(head -1 mm.out)api/v1/sessions"
	# 1 when the store file is mapped at all: each connection maps it on its own
	if grep -q "/w\.db\$" "/proc/$p/maps"; then echo 1; else echo 0; fi
	kill -TERM "$p"
	wait "$p"
}
if on_pg; then
	why="PostgreSQL: there is no store file to map"
	skip "by default the server does not map the store file" "$why"
	skip "with --db-mmap 8 it maps the store file" "$why"
	skip "DONDOC_DB_MMAP does the same" "$why"
else
	check_eq "by default the server does not map the store file" "$(mapped_after)" "0"
	check_eq "with --db-mmap 8 it maps the store file" "$(mapped_after --db-mmap 8)" "1"
	check_eq "DONDOC_DB_MMAP does the same" "$(DONDOC_DB_MMAP=8 mapped_after)" "1"
fi

# Ids are canonical decimal numbers: past INT64_MAX, signed or zero-padded is a usage error (exit 2).
for id in 99999999999999999999 9223372036854775808 +1 01 -1; do
	"$DONDOC" --db s.db notice show "$id" >/dev/null 2>id.err
	check_eq "the id '$id' is refused as a usage error" "$?" "2"
	check_eq "the message names the id '$id'" "$(grep -c -- "mã thông báo không hợp lệ: '$id'" id.err)" "1"
done
"$DONDOC" --db s.db notice show 9223372036854775807 >/dev/null 2>&1
check_eq "the largest id is an id (no such notice: exit 4)" "$?" "4"
check "serve --help" "$DONDOC" serve --help
done_testing
