#!/bin/bash
# run.sh: the browser tests: a demo store, the real server on a free port, chromium driven by playwright-core.
# Prints TAP. Skips (77) when node or Debian's chromium is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null || { echo "1..0 # SKIP node missing"; exit 77; }
[ -x /usr/bin/chromium ] || { echo "1..0 # SKIP /usr/bin/chromium missing"; exit 77; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm install --no-audit --no-fund >/dev/null 2>&1) || {
		echo "Bail out! npm install failed in $here"
		exit 1
	}
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-browser.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
# On PostgreSQL (browser-pg, tests/pg/run.sh) the store is a database of the cluster, named
# through tests/pg/dondoc-pg as the CLI tests' stores are.
if [ -n "${DONDOC_TEST_PG:-}" ]; then
	export DONDOC_REAL=$DONDOC
	DONDOC=$here/../pg/dondoc-pg
fi
if ! "$DONDOC" --db "$work/demo.db" init --demo >/dev/null 2>"$work/init.err"; then
	# The demo is every module's; until it can be built there is nothing to drive.
	echo "1..0 # SKIP the demo store cannot be built: $(head -1 "$work/init.err")"
	exit 77
fi
"$DONDOC" --db "$work/demo.db" serve --listen 127.0.0.1:0 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
[ -s "$work/url" ] || { echo "Bail out! the server did not start"; cat "$work/log" >&2; exit 1; }
if [ -n "${DONDOC_TEST_PG:-}" ]; then
	for _ in $(seq 50); do grep -q 'postgresql://' "$work/log" && break; sleep 0.1; done
	grep -q 'postgresql://' "$work/log" || { echo "Bail out! the server is not on PostgreSQL"; exit 1; }
fi
mkdir -p "$here/artifacts"
# Each file numbers its steps on from the previous ones; one plan for them all at the end.
export DONDOC_URL=$(head -1 "$work/url") DONDOC_ARTIFACTS="$here/artifacts" DONDOC_PROFILE="$work"
n=0
rc=0
for t in web indicators session followup access phone imports; do
	DONDOC_TAP_FROM=$n node "$here/$t.test.mjs" >"$work/$t.tap" || rc=1
	grep -v '^1\.\.' "$work/$t.tap"
	n=$((n + $(grep -cE '^(not )?ok ' "$work/$t.tap")))
done
echo "1..$n"
exit $rc
