#!/usr/bin/env bash
# bench/ledger.sh — the creation ledger's bulk paths of the issue "Creation ledger": import
# ROWS activity rows from .csv, export them to .xlsx, and import that .xlsx into a second
# database — each through the real HTTP API, timed, with the server's peak resident memory
# (VmHWM) for each step. Usage: bench/ledger.sh [ROWS] (default 1,000,000).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
OUT=bench/.out/ledger
rm -rf "$OUT"
mkdir -p "$OUT"
make -s all >/dev/null
export TMPDIR=$OUT

# the demo database gives units, the activity-type dictionary and an admin
build/wenming demo --db "$OUT/a.db" >/dev/null
cp "$OUT/a.db" "$OUT/b.db"
UNITS=$(sqlite3 "$OUT/a.db" "SELECT name FROM units WHERE status = 'active' AND region_code LIKE '150622%' ORDER BY id LIMIT 20" | paste -sd'|')
echo "generating $ROWS activity rows (.csv)…"
awk -v rows="$ROWS" -v units="$UNITS" 'BEGIN {
	n = split(units, u, "|");
	split("志愿服务|学雷锋|道德讲堂|文明餐桌|诚信宣传|文体活动", t, "|");
	print "单位名称,活动日期,活动名称,活动类型,节日,活动地点,共建对象,方式,参与人数,活动内容";
	for (i = 0; i < rows; i++) {
		d = i % 2000;
		y = 2021 + int(d / 365); if (y > 2026) y = 2026;
		m = 1 + int((d % 365) / 31); if (m > 12) m = 12;
		day = 1 + (d % 28);
		printf "%s,%04d-%02d-%02d,第%d次创建活动,%s,,单位院内,,主办,%d,活动内容说明第%d条：组织干部职工参加志愿服务。\n",
			u[1 + i % n], y, m, day, i, t[1 + i % 6], 10 + i % 90, i;
	}
}' >"$OUT/activities.csv"
CSV_MB=$(du -m "$OUT/activities.csv" | cut -f1)

serve() { # $1 db → sets PID, PORT, AUTH (an API token: no password hashing to skew the memory figure)
	local token
	token=$(build/wenming token create "bench-$RANDOM" --user admin --db "$1" 2>/dev/null)
	AUTH="Authorization: Bearer $token"
	PORT=$((30000 + RANDOM % 10000))
	WENMING_MAX_IMPORT_MB=2048 build/wenming serve --db "$1" --listen 127.0.0.1:$PORT >"$OUT/serve.out" 2>"$OUT/serve.err" &
	PID=$!
	for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
}
hwm() { grep VmHWM "/proc/$PID/status" | awk '{print int($2/1024) " MB"}'; }
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", (b - a) / 1e9 }'; }

serve "$OUT/a.db"
BASE=$(hwm)
t0=$(date +%s%N)
curl -sf -H "$AUTH" -H 'content-type: text/csv' --data-binary @"$OUT/activities.csv" \
	"http://127.0.0.1:$PORT/api/v1/imports/activities" >"$OUT/import-csv.json"
t1=$(date +%s%N)
IMPORT_CSV="$(secs "$t0" "$t1"), peak RSS $(hwm) (idle $BASE)"
stop

serve "$OUT/a.db"
t0=$(date +%s%N)
curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/activities?format=xlsx&q=%E6%AC%A1%E5%88%9B%E5%BB%BA%E6%B4%BB%E5%8A%A8" -o "$OUT/activities.xlsx"
t1=$(date +%s%N)
EXPORT_XLSX="$(secs "$t0" "$t1"), peak RSS $(hwm)"
XLSX_MB=$(du -m "$OUT/activities.xlsx" | cut -f1)
stop

serve "$OUT/b.db"
t0=$(date +%s%N)
curl -sf -H "$AUTH" --data-binary @"$OUT/activities.xlsx" \
	"http://127.0.0.1:$PORT/api/v1/imports/activities" >"$OUT/import-xlsx.json"
t1=$(date +%s%N)
IMPORT_XLSX="$(secs "$t0" "$t1"), peak RSS $(hwm)"
stop

echo "rows:                     $ROWS (csv $CSV_MB MB, xlsx $XLSX_MB MB)"
echo "import .csv:              $IMPORT_CSV — $(cat "$OUT/import-csv.json")"
echo "export .xlsx:             $EXPORT_XLSX"
echo "import .xlsx:             $IMPORT_XLSX — $(cat "$OUT/import-xlsx.json")"
echo "activities in a.db / b.db: $(sqlite3 "$OUT/a.db" "SELECT count(*) FROM activities WHERE title LIKE '第%次创建活动'") / $(sqlite3 "$OUT/b.db" "SELECT count(*) FROM activities WHERE title LIKE '第%次创建活动'")"
