# Shared by the command-line tests: the binary, a scratch folder, checks.
set -u
PG=${PG_BINARY:?PG_BINARY must name the polgraph binary}
SRC=${PG_SOURCE_DIR:?PG_SOURCE_DIR must name the source folder}
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polgraph-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
FAILED=0
PASSED=0

ok() { PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*" >&2; FAILED=$((FAILED + 1)); }

# expect_exit CODE DESCRIPTION COMMAND...: runs COMMAND, checks its exit code
expect_exit() {
    want=$1; what=$2; shift 2
    "$@" >"$WORK/out" 2>"$WORK/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else
        fail "$what: exit $got, expected $want"; sed 's/^/    /' "$WORK/err" >&2
    fi
}

# expect_stderr PATTERN DESCRIPTION: the last command's standard error matches
expect_stderr() {
    if grep -q -- "$1" "$WORK/err"; then ok; else
        fail "$2: standard error lacks '$1'"; sed 's/^/    /' "$WORK/err" >&2
    fi
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
