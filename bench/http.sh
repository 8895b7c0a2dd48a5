#!/usr/bin/env bash
# bench/http.sh — the API list benchmark of PRODUCT.md §7: an authenticated (API token),
# scope-filtered unit list (20 rows of 100,000 units) under wrk -t2 -c64, against nginx serving
# the same bytes as a static file in the same run. Prints req/s, p50/p99, the ratio to nginx
# and the server's peak resident memory. Usage: bench/http.sh [UNITS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${1:-100000}
SECS=${2:-10}
OUT=bench/.out
mkdir -p "$OUT"
make -s all >/dev/null
DB=$OUT/bench-$UNITS.db
if [ ! -f "$DB" ]; then
	echo "seeding $UNITS units…"
	build/wenming bench-seed --units "$UNITS" --db "$DB" >/dev/null 2>&1
	echo -e 'Bench-pass-2026\nBench-pass-2026' | build/wenming user add benchadmin --role admin --region 150600 --password-stdin --db "$DB" >/dev/null 2>&1
fi
TOKEN=$(build/wenming token create "bench-$$" --user benchadmin --db "$DB" 2>/dev/null)
PORT=$((30000 + RANDOM % 10000))
NGINX_PORT=$((PORT + 1))
build/wenming serve --db "$DB" --listen 127.0.0.1:$PORT --threads "${THREADS:-4}" >"$OUT/serve.out" 2>"$OUT/serve.err" &
PID=$!
NGINX_DIR=$(mktemp -d)
cleanup() {
	kill "$PID" 2>/dev/null || true
	[ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
	rm -rf "$NGINX_DIR"
}
trap cleanup EXIT
for _ in $(seq 50); do
	curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
	sleep 0.1
done
URL="http://127.0.0.1:$PORT/api/v1/units?region=150622&per_page=20"
curl -sf -H "Authorization: Bearer $TOKEN" "$URL" >"$NGINX_DIR/units.json"
BYTES=$(wc -c <"$NGINX_DIR/units.json")
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	access_log off;
	client_body_temp_path $NGINX_DIR;
	proxy_temp_path $NGINX_DIR;
	fastcgi_temp_path $NGINX_DIR;
	uwsgi_temp_path $NGINX_DIR;
	scgi_temp_path $NGINX_DIR;
	server { listen 127.0.0.1:$NGINX_PORT; root $NGINX_DIR; }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf"
sleep 0.3

wrk_run() { # $1 label, rest: wrk args
	local label=$1
	shift
	wrk -t2 -c64 -d"${SECS}s" --latency "$@" >"$OUT/wrk-$label.txt"
	local rps p50 p99
	rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$label.txt")
	p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$label.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$label.txt")
	echo "$rps $p50 $p99"
}

# warm up
wrk -t2 -c16 -d2s -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
read -r W_RPS W_P50 W_P99 < <(wrk_run wenming -H "Authorization: Bearer $TOKEN" "$URL")
read -r N_RPS N_P50 N_P99 < <(wrk_run nginx "http://127.0.0.1:$NGINX_PORT/units.json")
RSS=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
NON2XX=$(grep -c "Non-2xx" "$OUT/wrk-wenming.txt" || true)
echo "units in database:        $UNITS (response $BYTES bytes, 20 rows, region 150622, API token)"
echo "wenming:                  $W_RPS req/s  p50 $W_P50  p99 $W_P99"
echo "nginx (same bytes):       $N_RPS req/s  p50 $N_P50  p99 $N_P99"
awk -v w="$W_RPS" -v n="$N_RPS" 'BEGIN { printf "ratio wenming/nginx:      %.2f (target >= 0.5)\n", w / n }'
echo "wenming peak RSS:         $((RSS / 1024)) MB (target < 50 MB)"
[ "$NON2XX" -eq 0 ] || echo "WARNING: wenming answered non-2xx responses (see $OUT/wrk-wenming.txt)"
