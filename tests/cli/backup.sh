#!/bin/bash
# backup.sh: 'dondoc backup' copies a store in use with every acknowledged write; 'restore' checks before it replaces.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db live.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }

# backup and restore copy the SQLite file; a PostgreSQL store is backed up with pg_dump or
# a standby (docs/deploy.md), and dondoc says so instead of writing anything.
if on_pg; then
	out=$("$DONDOC" --db live.db backup copy.db 2>&1)
	check_eq "backup of a PostgreSQL store is refused (exit 3), naming pg_dump" \
		"$? $(grep -c pg_dump <<<"$out") $(ls copy.db* 2>/dev/null | wc -l)" "3 1 0"
	check_fails "restore into a PostgreSQL store is refused" "$DONDOC" --db live.db restore live.db
	check "the store is untouched" "$DONDOC" --db live.db check
	done_testing
	exit
fi

# A writer adds units one by one; a name goes to acked.log only once dondoc has acknowledged it.
(
	for i in $(seq 1 400); do
		[ -e stop ] && break
		"$DONDOC" --db live.db unit add --body HU --kind agency --name "Tổ công tác số $i" >/dev/null 2>&1 &&
			echo "Tổ công tác số $i" >>acked.log
	done
) &
writer=$!
for _ in $(seq 200); do [ "$(wc -l 2>/dev/null <acked.log || echo 0)" -ge 15 ] && break; sleep 0.1; done
cp acked.log acked-before.log
check "backup of a store being written" "$DONDOC" --db live.db backup copy.db
sleep 1
touch stop
wait "$writer"
before=$(wc -l <acked-before.log)
after=$(wc -l <acked.log)
check_eq "the writer went on during the backup" "$([ "$after" -gt "$before" ] && echo yes)" "yes"
check_eq "the backup is one file, without a WAL beside it" "$(ls copy.db* | tr '\n' ' ')" "copy.db "

export DONDOC_AUDIT_KEY=$PWD/live.db.audit-key
check "the backup restores into a new store" "$DONDOC" --db back.db restore copy.db
"$DONDOC" --db back.db unit list --body HU >units.txt 2>&1
missing=0
while IFS= read -r name; do grep -qF "$name" units.txt || missing=$((missing + 1)); done <acked-before.log
check_eq "every write acknowledged before the backup began is in the restored store ($before)" "$missing" "0"
check "the restored store passes check" "$DONDOC" --db back.db check
check "the restored store takes new writes" "$DONDOC" --db back.db unit add --body HU --kind agency --name "Phòng Kinh tế"
check "and still passes check" "$DONDOC" --db back.db check

# Refusals leave the store as it was.
"$DONDOC" --db back.db unit list >units-before.txt 2>&1
cp copy.db newer.db
python3 -c 'import sqlite3; c=sqlite3.connect("newer.db"); c.execute("INSERT INTO schema_migration(version, name) VALUES(99, '"'"'future'"'"')"); c.commit()'
out=$("$DONDOC" --db back.db restore newer.db 2>&1)
check_eq "a backup from a newer dondoc is refused (exit 12)" "$?" "12"
cp copy.db forged.db
python3 "$here/audit_tamper.py" forged.db rechain 3
out=$("$DONDOC" --db back.db restore forged.db 2>&1)
rc=$?
if [ "$rc" -eq 17 ] && grep -q "không khớp" <<<"$out"; then ok "a backup whose audit chain was forged is refused (exit 17)"; else not_ok "a backup whose audit chain was forged is refused (exit 17)" "exit $rc" "$out"; fi
head -c 50000 copy.db >cut.db
check_fails "a cut-off file is refused" "$DONDOC" --db back.db restore cut.db
out=$(DONDOC_AUDIT_KEY=$PWD/nothing.key "$DONDOC" --db back.db restore copy.db 2>&1)
check_eq "without the store's key nothing is restored (exit 4)" "$?" "4"
check_eq "after the refusals the store is as it was" "$("$DONDOC" --db back.db unit list 2>&1)" "$(cat units-before.txt)"
check_fails "backup into a folder that does not exist fails" "$DONDOC" --db back.db backup no/such/dir/x.db

done_testing
