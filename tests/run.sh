#!/usr/bin/env bash
# run.sh BUILD [ASAN_BUILD] — the whole test suite: cmocka unit tests, the HTTP suite against
# SQLite and against a throwaway PostgreSQL server, the browser tests in headless Chromium,
# and (with ASAN_BUILD) the unit and HTTP suites again under AddressSanitizer + UBSan.
# Ends with one line "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ASAN=${2:-}
TMP=$(pwd)/tests/.tmp
mkdir -p "$TMP"
PASSED=0
FAILED=0
PG_DIR=""

cleanup() {
	if [ -n "$PG_DIR" ]; then
		scripts/pg-test-server.sh stop "$PG_DIR" 0 || true
	fi
}
trap cleanup EXIT

count_cmocka() { # $1 = output file
	local p f
	p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$1" | awk '{s += $4} END {print s + 0}')
	f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$1" | awk '{s += $4} END {print s + 0}')
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	echo "    $p passed, $f failed"
}

run_unit() { # $1 = build dir
	echo "== unit tests ($1)"
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		out="$TMP/$(basename "$t").$(basename "$1").out"
		if ! "$t" >"$out" 2>&1; then
			if ! grep -qE '^\[  FAILED  \]' "$out"; then
				echo "    $(basename "$t") crashed:"
				tail -20 "$out"
				FAILED=$((FAILED + 1))
			fi
		fi
		grep -E '^\[  FAILED  \]  ' "$out" | sed 's/^/    /'
		printf '  %-24s' "$(basename "$t")"
		count_cmocka "$out"
	done
}

run_node() { # $1 = label, $2 = dir, rest = env assignments
	local label=$1 dir=$2
	shift 2
	echo "== $label"
	local tap="$TMP/$(echo "$label" | tr -c 'a-zA-Z0-9' '_').tap"
	env "$@" node --test --test-concurrency=2 --test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=tap --test-reporter-destination="$tap" "$dir"/ 2>&1 | sed 's/^/  /'
	local rc=${PIPESTATUS[0]}
	local p f c
	p=$(grep -E '^# pass [0-9]+' "$tap" | awk '{print $3}')
	f=$(grep -E '^# fail [0-9]+' "$tap" | awk '{print $3}')
	c=$(grep -E '^# cancelled [0-9]+' "$tap" | awk '{print $3}')
	if [ -z "$p" ]; then
		echo "    $label did not run"
		FAILED=$((FAILED + 1))
		return
	fi
	f=$(( ${f:-0} + ${c:-0} ))
	# A failing before()/after() hook fails the run without failing a test: count it.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	echo "    $label: $p passed, $f failed (cancelled and hook failures count as failed)"
}

run_unit "$BUILD"

if [ -d tests/http ]; then
	run_node "http (sqlite)" tests/http WENMING_BIN="$(pwd)/$BUILD/wenming" WENMING_TEST_BACKEND=sqlite

	PG_DIR="$TMP/pg.$$"
	PG_PORT=$((20000 + RANDOM % 20000))
	if PG_URL=$(scripts/pg-test-server.sh start "$PG_DIR" "$PG_PORT"); then
		echo "== test_db against PostgreSQL"
		out="$TMP/test_db.pg.out"
		WENMING_TEST_PG_URL="$PG_URL" "$BUILD/tests/test_db" >"$out" 2>&1
		grep -E '^\[  FAILED  \]  ' "$out" | sed 's/^/    /'
		count_cmocka "$out"
		run_node "http (postgres)" tests/http WENMING_BIN="$(pwd)/$BUILD/wenming" WENMING_TEST_BACKEND=postgres \
			WENMING_TEST_PG_URL="$PG_URL"
	else
		echo "    could not start PostgreSQL"
		FAILED=$((FAILED + 1))
	fi
fi

if [ -d tests/e2e ]; then
	run_node "browser (chromium)" tests/e2e WENMING_BIN="$(pwd)/$BUILD/wenming" WENMING_TEST_BACKEND=sqlite
fi

if [ -n "$ASAN" ]; then
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	run_unit "$ASAN"
	if [ -d tests/http ]; then
		run_node "http (sqlite, sanitizers)" tests/http WENMING_BIN="$(pwd)/$ASAN/wenming" WENMING_TEST_BACKEND=sqlite \
			WENMING_TEST_SLOW=1
	fi
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
