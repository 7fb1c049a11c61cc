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
n=$(sqlite3 w.db "SELECT count(*) FROM audit_log")
check_eq "every write above was audited (add, 3 updates, token)" "$n" "5"
sqlite3 w.db "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai-do' WHERE id = 2;"
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
check "serve --help" "$DONDOC" serve --help
done_testing
