#!/bin/bash
# migrate-store.sh: 'dondoc migrate-store' copies the demo store whole from SQLite to
# PostgreSQL and back to a new SQLite file: 'check' passes on both copies, the --json reads,
# the audit listing and every table's row count are the same on all three; a write on the
# PostgreSQL copy continues its ids and its chain; a target that is not new and empty, a bad
# address, another audit key and a copy that fails half-way write nothing.
. "$(dirname "$0")/lib.sh"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "1..0 # SKIP PostgreSQL's binaries are not installed (scripts/deps installs them)"
	exit 0
fi
CLUSTER="${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/pg/cluster.sh"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pg.XXXXXX")
server=
trap '[ -n "$server" ] && kill -TERM "$server" 2>/dev/null; "$CLUSTER" stop "$PGDIR/c"; rm -rf "$PGDIR" "$WORK"' EXIT
PG=$("$CLUSTER" start "$PGDIR/c") || { not_ok "a PostgreSQL cluster starts" "$PG"; done_testing; exit 1; }
unset DONDOC_AUDIT_KEY DONDOC_DB
psql -q "$PG" -c "CREATE DATABASE other" -c "CREATE DATABASE half" >/dev/null
OTHER=${PG%/dondoc}/other
HALF=${PG%/dondoc}/half
KEY=$WORK/pg.audit-key
# psql's count of the tables of a PostgreSQL database
pg_tables() { psql -At "$1" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"; }
# The PostgreSQL copy is run with its key as every server would be.
dpg() { DONDOC_AUDIT_KEY=$KEY "$DONDOC" --db "$PG" "$@"; }

check "the demo is created on SQLite" "$DONDOC" --db d.db init --demo
tok=$("$DONDOC" --db d.db user token admin migrate | tail -1)
# What COPY's text format must escape: a document whose text has a tab, a backslash, a
# carriage return and line breaks; a seal image, bytes with NUL, CR and LF among them.
printf 'Điều 1.\tGiao Văn phòng \\ Ban Tổ chức\r\nthực hiện.\n\\N\n' >odd.txt
odd=$("$DONDOC" --db d.db --json doc add --type CV --body HU --title 'Công văn	có tab \ và \N' \
	--text-file odd.txt | jq -r '.id')
python3 "$LIB_DIR/sign_img.py" seal dau.png
check "a document and a seal image to escape are added" \
	"$DONDOC" --db d.db body seal "$(sqlite3 d.db "SELECT body_id FROM notice WHERE id = 1")" --image dau.png

# SQLite → PostgreSQL → a new SQLite file.
if "$DONDOC" --json migrate-store --from d.db --to "$PG" --audit-key "$KEY" >to-pg.json 2>err.txt; then
	ok "SQLite → PostgreSQL"
else
	not_ok "SQLite → PostgreSQL" "$(cat err.txt)"
fi
check "PostgreSQL → SQLite" env DONDOC_AUDIT_KEY="$KEY" "$DONDOC" migrate-store --from "$PG" --to back.db
check_eq "the key went with the store to PostgreSQL's key file" "$(cat "$KEY")" "$(cat d.db.audit-key)"
check_eq "… and beside the new SQLite file" "$(cat back.db.audit-key)" "$(cat d.db.audit-key)"
check_eq "both readable by their owner alone" "$(stat -c %a "$KEY") $(stat -c %a back.db.audit-key)" "600 600"
check_eq "each copy has its anchor where 'check' looks (beside the key, beside the file)" \
	"$(jq -r .anchor to-pg.json) $(head -c 16 "$KEY.anchor") $(head -c 16 back.db.anchor)" \
	"$KEY.anchor dondoc-anchor-1  dondoc-anchor-1 "
check "check passes on the PostgreSQL copy" dpg check
check "check passes on the SQLite copy" "$DONDOC" --db back.db check

same() {
	local name=$1
	shift
	"$DONDOC" --db d.db --json "$@" >s.json 2>&1
	dpg --json "$@" >p.json 2>&1
	"$DONDOC" --db back.db --json "$@" >b.json 2>&1
	if [ ! -s s.json ] || ! cmp -s s.json p.json || ! cmp -s s.json b.json; then
		not_ok "$name: the same on all three" "$(diff -u s.json p.json | head -20 | sed '2,$s/^/# /')" \
			"$(diff -u s.json b.json | head -20 | sed '2,$s/^/# /')"
	else
		ok "$name: the same on all three"
	fi
}
same "sessions" session list
same "documents" doc list
same "indicators report" indicators report
same "tasks at 2023-12-31" tasks list --as-of 2023-12-31
nid=$("$DONDOC" --db d.db --json notice list | jq -r '.[0].id')
same "the seed notice's text" notice show "$nid"
same "a document with tabs, backslashes and line breaks" doc show "$odd"
check_eq "… its title and text kept byte for byte (a tab, a backslash, CR and LF among them)" \
	"$(psql -At "$PG" -c "SELECT upper(encode(convert_to(title || text, 'UTF8'), 'hex')) FROM document WHERE id = $odd")" \
	"$(sqlite3 d.db "SELECT hex(title || text) FROM document WHERE id = $odd" | grep -i '09.*5C.*0D0A')"
seal=$(sqlite3 d.db "SELECT hex(image) FROM body_seal")
check_eq "the seal image's bytes are the same on all three" \
	"$(psql -At "$PG" -c "SELECT upper(encode(image, 'hex')) FROM body_seal") $(sqlite3 back.db "SELECT hex(image) FROM body_seal")" \
	"$seal $seal"

# The copy's schema is a new store's: every index, constraint and trigger, the triggers on.
psql -q "$PG" -c "CREATE DATABASE fresh" >/dev/null
DONDOC_AUDIT_KEY=$WORK/kf "$DONDOC" --db "${PG%/dondoc}/fresh" init >/dev/null 2>&1
schema() {
	psql -At "$1" -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1" \
		-c "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1" \
		-c "SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled FROM pg_trigger
			WHERE NOT tgisinternal ORDER BY 1"
}
schema "${PG%/dondoc}/fresh" >fresh.schema
schema "$PG" >copy.schema
if [ "$(wc -l <fresh.schema)" -gt 300 ] && cmp -s fresh.schema copy.schema; then
	ok "the PostgreSQL copy has every index, constraint and trigger of a new store"
else
	not_ok "the PostgreSQL copy has every index, constraint and trigger of a new store" \
		"$(wc -l <fresh.schema) lines; $(diff fresh.schema copy.schema | head -5 | sed '2,$s/^/# /')"
fi

# Row counts, table by table (the search index counted by its content table on SQLite).
sq_count() {
	if [ "$2" = search_fts ]; then sqlite3 "$1" "SELECT count(*) FROM search_fts_content"; else
		sqlite3 "$1" "SELECT count(*) FROM \"$2\""; fi
}
tables=$(jq -r '.tables[].name' to-pg.json)
check_eq "every table of the store is copied" "$(echo "$tables" | wc -l)" \
	"$(psql -At "$PG" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_pending'")"
diffs=""
for t in $tables; do
	s=$(sq_count d.db "$t")
	p=$(psql -At "$PG" -c "SELECT count(*) FROM \"$t\"")
	b=$(sq_count back.db "$t")
	[ "$s" = "$p" ] && [ "$s" = "$b" ] || diffs="$diffs $t:$s/$p/$b"
done
check_eq "row counts per table are equal on all three" "$diffs" ""
check_eq "the rowids an audit entry names are kept" \
	"$(sqlite3 back.db 'SELECT rowid, body_id, last FROM doc_counter ORDER BY rowid')" \
	"$(sqlite3 d.db 'SELECT rowid, body_id, last FROM doc_counter ORDER BY rowid')"

# Over the web, with the administrator's token (every audit entry) made before the copies:
# the audit listing, every page, into NAME.audit; a search's results (the copied index)
# after a login, into NAME.search.
web_reads() {
	local name=$1 url next="/api/v1/audit?limit=200" csrf
	shift
	"$@" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
	server=$!
	# (a loaded machine may take a while to start a sanitized build)
	for _ in $(seq 600); do [ -s serve.out ] && break; sleep 0.1; done
	url=$(head -1 serve.out)
	[ -n "$url" ] || not_ok "the server on the $name store starts" "$(cat serve.err)"
	: >"$name.audit"
	while [ -n "$next" ]; do
		curl -s --max-time 30 -H "Authorization: Bearer $tok" "${url%/}$next" >page.json
		jq -c '.data[]' page.json >>"$name.audit" || break
		next=$(jq -r '.links.next // empty' page.json)
	done
	rm -f jar
	csrf=$(curl -s --max-time 30 -c jar "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s --max-time 30 -b jar -c jar -o /dev/null --data-urlencode login=admin \
		--data-urlencode password=demo-admin --data-urlencode _csrf="$csrf" "${url}login"
	curl -s --max-time 30 -b jar "${url}search?q=n%C3%B4ng+th%C3%B4n" | grep -o 'href="/[a-z]*/[0-9]*"' |
		sort -u >"$name.search"
	kill -TERM "$server" 2>/dev/null
	wait "$server" 2>/dev/null
	server=
}
web_reads s "$DONDOC" --db d.db
web_reads p env DONDOC_AUDIT_KEY="$KEY" "$DONDOC" --db "$PG"
web_reads b "$DONDOC" --db back.db
check_eq "the audit listing has every entry" "$(wc -l <s.audit)" "$(sqlite3 d.db 'SELECT count(*) FROM audit_log')"
if cmp -s s.audit p.audit && cmp -s s.audit b.audit; then
	ok "the audit listing is the same on all three"
else
	not_ok "the audit listing is the same on all three" \
		"$(diff s.audit p.audit | head -5 | cut -c1-200 | sed '2,$s/^/# /')" \
		"$(diff s.audit b.audit | head -5 | cut -c1-200 | sed '2,$s/^/# /')"
fi
check_eq "a search finds documents, the session and the notice" "$(wc -l <s.search)" "4"
check_eq "… the same on all three (the search index went too)" \
	"$(cat p.search b.search | tr '\n' ' ')" "$(cat s.search s.search | tr '\n' ' ')"

# A write on the PostgreSQL copy: audited, its ids and chain continue, check passes.
last=$(psql -At "$PG" -c "SELECT max(id) FROM audit_log")
events=$(psql -At "$PG" -c "SELECT max(id) FROM task_event")
check "a task report on the PostgreSQL copy" dpg tasks report 1 --unit 'Văn phòng Huyện ủy' \
	--text 'Đã triển khai sau khi chuyển kho' --date 2023-12-01
check_eq "… is audited after the copied entries, on the next task event id" \
	"$(psql -At "$PG" -c "SELECT id || ' ' || tbl || ' ' || row_id FROM audit_log WHERE id = $((last + 1))")" \
	"$((last + 1)) task_event $((events + 1))"
check "check still passes on the PostgreSQL copy" dpg check

# Refusals, nothing written.
n=$(psql -At "$PG" -c "SELECT count(*) FROM audit_log")
out=$("$DONDOC" migrate-store --from d.db --to "$PG" --audit-key "$WORK/k2" 2>&1)
check_eq "a PostgreSQL database with tables is refused" "$?:$(echo "$out" | grep -c 'không trống')" "5:1"
check_eq "… and nothing is written there" "$(psql -At "$PG" -c "SELECT count(*) FROM audit_log")" "$n"
check_eq "… nor a key file" "$(ls "$WORK/k2" 2>/dev/null)" ""
sum=$(md5sum back.db)
out=$("$DONDOC" migrate-store --from d.db --to back.db 2>&1)
check_eq "an existing SQLite file is refused" "$?:$(echo "$out" | grep -c 'tệp đã có')" "5:1"
check_eq "… and left as it was" "$(md5sum back.db)" "$sum"
pw=${PG#postgresql://dondoc:}
pw=${pw%%@*}
out=$("$DONDOC" migrate-store --from d.db --to "${OTHER/@/x@}" --audit-key "$WORK/k3" 2>&1)
case $out in
*"$pw"*) not_ok "a bad address is refused without showing the password" "$out" ;;
*"đăng nhập thất bại"*) ok "a bad address is refused without showing the password" ;;
*) not_ok "a bad address is refused without showing the password" "$out" ;;
esac
check_eq "… and nothing is written" "$(pg_tables "$OTHER") $(ls "$WORK/k3" 2>/dev/null)" "0 "
out=$(DONDOC_AUDIT_KEY=$KEY "$DONDOC" migrate-store --from "${PG/@/x@}" --to from-bad.db 2>&1)
case $out in
*"$pw"*) not_ok "a source at a bad address is refused without showing the password" "$out" ;;
*"đăng nhập thất bại"*) ok "a source at a bad address is refused without showing the password" ;;
*) not_ok "a source at a bad address is refused without showing the password" "$out" ;;
esac
check_eq "… and nothing is written" "$(ls from-bad.db* 2>/dev/null)" ""
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$WORK/k4"
echo >>"$WORK/k4"
check_fails "a key file holding another key is not overwritten" \
	"$DONDOC" migrate-store --from d.db --to "$OTHER" --audit-key "$WORK/k4"
check_eq "… and the database stays empty" "$(pg_tables "$OTHER")" "0"
check_fails "a PostgreSQL target without a key file is refused" \
	"$DONDOC" migrate-store --from d.db --to "$OTHER"

# A source held against its own anchor: another store's anchor beside it is refused.
"$DONDOC" --db x.db init --demo >/dev/null 2>&1
"$DONDOC" --db x.db check >/dev/null
"$DONDOC" --db d.db backup y.db >/dev/null
cp d.db.audit-key y.db.audit-key
cp x.db.anchor y.db.anchor
out=$("$DONDOC" migrate-store --from y.db --to y-copy.db 2>&1)
check_eq "a source that does not hold up against its anchor is refused" \
	"$?:$(echo "$out" | grep -c 'kho nguồn không qua kiểm tra')" "17:1"
check_eq "… and nothing is written" "$(ls y-copy.db* 2>/dev/null)" ""

"$DONDOC" --db d.db backup old.db >/dev/null
cp d.db.audit-key old.db.audit-key
sqlite3 old.db "DELETE FROM schema_migration WHERE version = (SELECT max(version) FROM schema_migration)"
out=$("$DONDOC" migrate-store --from old.db --to old-copy.db 2>&1)
check_eq "a source at an older schema version is refused, saying to open it once first" \
	"$?:$(echo "$out" | grep -c 'mở nó một lần để nâng cấp')" "12:1"
check_eq "… and nothing is written" "$(ls old-copy.db* 2>/dev/null)" ""

# A copy that fails half-way (a web session of an account that does not exist, written
# past dondoc) leaves nothing behind: the database empty, no key, no new SQLite file.
"$DONDOC" --db d.db backup bad.db >/dev/null
cp d.db.audit-key bad.db.audit-key
sqlite3 bad.db "INSERT INTO web_session VALUES('dangling', 999, 'c', 0, 0)"
check_fails "a copy to PostgreSQL failing half-way is refused" \
	"$DONDOC" migrate-store --from bad.db --to "$HALF" --audit-key "$WORK/k5"
check_eq "… and leaves the database empty, no key file" "$(pg_tables "$HALF") $(ls "$WORK/k5" 2>/dev/null)" "0 "
check_fails "a copy to SQLite failing half-way is refused" \
	"$DONDOC" migrate-store --from bad.db --to half.db
check_eq "… and leaves no file" "$(ls half.db* 2>/dev/null)" ""
done_testing
