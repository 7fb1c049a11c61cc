#!/bin/bash
# run.sh PROGRAM [ARGS...]: runs one test program with its stores on PostgreSQL.
# The cluster is the one named by DONDOC_PG_CLUSTER (tests/pg/with-cluster.sh starts one
# for a whole 'make check'); without it the test starts a throwaway cluster of its own.
# The test sees DONDOC_TEST_PG (the cluster's address) and DONDOC_PG_STATE (a folder of its
# own where tests/pg/dondoc-pg and the unit tests' store helper note the databases they
# make); those databases are dropped when the test ends, whatever its result.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
STATE=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pgstate.XXXXXX")
own=
cleanup() {
	if [ -n "$own" ]; then
		"$HERE/cluster.sh" stop "$STATE/cluster"
	elif [ -s "$STATE/databases" ]; then
		sort -u "$STATE/databases" | while read -r d; do
			printf 'DROP DATABASE IF EXISTS %s WITH (FORCE);\n' "$d"
		done | psql -X -q -d "$DONDOC_TEST_PG" >/dev/null 2>&1
	fi
	rm -rf "$STATE"
}
trap cleanup EXIT
trap "exit 143" INT TERM
if [ -n "${DONDOC_PG_CLUSTER:-}" ]; then
	DONDOC_TEST_PG=$DONDOC_PG_CLUSTER
else
	own=1
	DONDOC_TEST_PG=$("$HERE/cluster.sh" start "$STATE/cluster") || {
		echo "Bail out! no PostgreSQL cluster (tests/pg/cluster.sh)"
		exit 1
	}
fi
export DONDOC_TEST_PG DONDOC_PG_STATE=$STATE
"$@"
