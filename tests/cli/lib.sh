# lib.sh: a tiny TAP producer for CLI tests. Source it; call ok/fail; end with done_testing.
# DONDOC is the binary under test; each script works in its own temporary directory.
set -u
TAP_N=0
TAP_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

ok() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1"
}

not_ok() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# check NAME COMMAND...: passes when the command exits 0.
check() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "command: $*" "$out"; fi
}

# check_fails NAME COMMAND...: passes when the command exits non-zero.
check_fails() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then not_ok "$name" "expected failure: $*" "$out"; else ok "$name"; fi
}

# check_eq NAME GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
