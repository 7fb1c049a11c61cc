#!/bin/bash
# audit.sh: 'dondoc check' finds every way the audit log can be cut or forged; readers never wait for a writer.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
tamper() { python3 "$here/audit_tamper.py" "$@"; }
if on_pg; then
	# On PostgreSQL the same edits, made with psql by someone who may write to the database
	# (but has not the key); the SQLite-file actions of audit_tamper.py are skipped below.
	tamper() {
		local unguard="DROP TRIGGER audit_log_no_update ON audit_log; DROP TRIGGER audit_log_no_delete ON audit_log;"
		case $2 in
		edit) sql "$1" "$unguard UPDATE audit_log SET actor = 'ai đó', after = '{}' WHERE id = $3" ;;
		delete-one) sql "$1" "$unguard DELETE FROM audit_log WHERE id = $3" ;;
		delete-last) sql "$1" "$unguard DELETE FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - $3" ;;
		delete-all) sql "$1" "$unguard DELETE FROM audit_log" ;;
		hold-lock)
			# holds a write under way on the same row for $3 seconds
			{
				echo "BEGIN; UPDATE body SET place = place WHERE id = (SELECT min(id) FROM body);"
				echo '\echo locked'
				echo "SELECT pg_sleep($3); ROLLBACK;"
			} | psql -X -q -t -A -d "$(pg_uri "$1")" 2>/dev/null
			;;
		*) return 1 ;;
		esac
	}
fi

"$DONDOC" --db base.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
check "a fresh demo store passes check" "$DONDOC" --db base.db check
check_eq "the key is kept beside the store, readable by its owner only" \
	"$(stat -c %a base.db.audit-key)" "600"
n=$(sql base.db 'SELECT max(id) FROM audit_log')

# fresh NAME: a copy of the demo store (and its key) to spoil.
fresh() {
	rm -f "$1".db "$1".db-wal "$1".db-shm "$1".db.anchor "$1".db.audit-key.anchor
	cp base.db "$1.db"
	cp base.db.audit-key "$1.db.audit-key"
}

# expect_check NAME STORE PATTERN: check exits 17 and says PATTERN.
expect_check() {
	local out rc
	out=$("$DONDOC" --db "$2" check 2>&1)
	rc=$?
	if [ "$rc" -eq 17 ] && grep -q -- "$3" <<<"$out"; then ok "$1"; else not_ok "$1" "exit $rc" "$out"; fi
}

fresh edit && tamper edit.db edit 5
expect_check "an edited entry is named" edit.db "bản ghi #5 không khớp"

fresh mid && tamper mid.db delete-one 7
expect_check "a deleted entry in the middle is named" mid.db "thiếu các bản ghi #7–#7"

fresh last && tamper last.db delete-last 1
expect_check "the last entry deleted is named" last.db "các bản ghi cuối #$n–#$n (1 bản ghi)"

fresh last50 && tamper last50.db delete-last 50
expect_check "the last 50 entries deleted are named" last50.db "#$((n - 49))–#$n (50 bản ghi)"

fresh all && tamper all.db delete-all
expect_check "a log emptied of every entry is named" all.db "bị xóa hết: cả $n bản ghi"

if on_pg; then
	why="audit_tamper.py rewrites the SQLite file (its unkeyed chain, triggers from sqlite_schema)"
	skip "a chain recomputed without the key is refused" "$why"
	skip "a trigger dropped and made again around a write is seen" "$why"
	skip "an audit trigger changed to skip rows is named" "$why"
else
	fresh rechain && tamper rechain.db rechain 5
	expect_check "a chain recomputed without the key is refused" rechain.db "không khớp chuỗi băm có khóa"

	fresh gap && tamper gap.db trigger-gap
	expect_check "a trigger dropped and made again around a write is seen" gap.db "lược đồ bị thay đổi ngoài dondoc"

	fresh tedit && tamper tedit.db trigger-edit
	expect_check "an audit trigger changed to skip rows is named" tedit.db "trigger audit_body_u: định nghĩa bị sửa"
fi

# The anchor: a store put back to an older copy of itself (log and head alike) is seen.
fresh anchor
cp anchor.db anchor-old.db
"$DONDOC" --db anchor.db unit add --body HU --kind agency --name "Phòng Tài chính" >/dev/null 2>&1
check "check passes after dondoc's own write, and writes its anchor" "$DONDOC" --db anchor.db check
# (a PostgreSQL store's anchor lies beside its audit key)
check_eq "the anchor lies beside the store" "$(test -s "anchor.db$(on_pg && echo .audit-key).anchor" && echo yes)" "yes"
cp anchor-old.db anchor.db
rm -f anchor.db-wal anchor.db-shm
expect_check "a store rolled back to an older copy is shorter than the last anchor" anchor.db "ngắn hơn mốc kiểm tra"
out=$("$DONDOC" --db anchor.db check --anchor none.anchor 2>&1)
check_eq "with another anchor the older copy itself is sound" "$?" "0"

# Without the key nothing can be verified or written, and it says where the key was looked for.
fresh nokey && rm nokey.db.audit-key
out=$("$DONDOC" --db nokey.db check 2>&1)
rc=$?
if [ "$rc" -eq 4 ] && grep -q "nokey.db.audit-key" <<<"$out"; then ok "check without the key says where it looked"; else not_ok "check without the key says where it looked" "exit $rc" "$out"; fi
check_fails "a write without the key is refused" "$DONDOC" --db nokey.db unit add --body HU --kind agency --name "Phòng Nội vụ"
check "the store can still be read without the key" "$DONDOC" --db nokey.db tasks list
check_eq "the key may live elsewhere (DONDOC_AUDIT_KEY)" \
	"$(DONDOC_AUDIT_KEY=base.db.audit-key "$DONDOC" --db nokey.db check >/dev/null 2>&1; echo $?)" "0"

# A store of an older dondoc (no sealed head, an unkeyed chain) is upgraded: key made, old entries still verified.
if on_pg; then
	# dondoc before the sealed head (schema 10) ran on SQLite only
	for name in "an older store is upgraded on open and passes check" "its audit key is made on upgrade" \
		"new writes to it are keyed" "and it still passes check" \
		"an entry written before the upgrade cannot be changed either"; do
		skip "$name" "PostgreSQL stores begin at the sealed head"
	done
else
	fresh old && rm old.db.audit-key && tamper old.db downgrade-v9
	check "an older store is upgraded on open and passes check" "$DONDOC" --db old.db check
	check_eq "its audit key is made on upgrade" "$(stat -c %a old.db.audit-key 2>&1)" "600"
	check "new writes to it are keyed" "$DONDOC" --db old.db unit add --body HU --kind agency --name "Phòng Dân tộc"
	check "and it still passes check" "$DONDOC" --db old.db check
	tamper old.db edit 3
	expect_check "an entry written before the upgrade cannot be changed either" old.db "bản ghi #3 không khớp"
fi

# Readers never need the write lock: another process holds it while dondoc reads.
fresh lock
tamper lock.db hold-lock 6 >lock.out &
holder=$!
for _ in $(seq 50); do grep -q locked lock.out 2>/dev/null && break; sleep 0.1; done
start=$(date +%s%N)
out=$("$DONDOC" --db lock.db tasks list 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$rc" -eq 0 ] && [ "$ms" -lt 4000 ]; then ok "tasks list answers while another process holds the write lock"; else not_ok "tasks list answers while another process holds the write lock" "exit $rc after $ms ms" "$out"; fi
"$DONDOC" --db lock.db serve --listen 127.0.0.1:0 >serve.url 2>serve.log &
server=$!
for _ in $(seq 40); do [ -s serve.url ] && break; sleep 0.1; done
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$(head -1 serve.url)login")
check_eq "serve starts and answers while the write lock is held" "$code" "200"
kill -TERM "$server" 2>/dev/null
wait "$server" 2>/dev/null
DONDOC_SYNCHRONOUS=normal timeout 20 "$DONDOC" --db lock.db unit add --body HU --kind agency --name "Phòng Y tế" >/dev/null 2>lock.err &
writer=$!
wait "$holder"
wait "$writer"
check_eq "a writer waits for the lock and then writes" "$?" "0"

done_testing
