#!/usr/bin/env bash
# Load test of POST /v1/screen on loopback (SPEC section 8, issue 4).
#
# Builds embargo, imports UN + OFAC 2021 from ../shared/data into a scratch
# store, starts `embargo serve --offline`, and drives it from separate
# processes:
#   - vegeta at a constant RATE (default 5000/s) for DURATION (default 30s):
#     latency percentiles at a fixed load, free of coordinated omission,
#     but vegeta itself takes much of the second core, so its tail includes
#     the load generator's own scheduling delays;
#   - wrk (C, lighter) with 1 thread and 4 connections and with 2 threads
#     and 16 connections (how the watchman reference figure was taken):
#     throughput and latency as fast as the server answers.
# The query mix is the dev customers (name, schema, birth date, country: a
# bank's traffic is overwhelmingly clean) with one listed or near-listed
# name from bench/listed.jsonl every ten requests.
#
# UPDATE=1 runs the vegeta phase while a list update lands: the server
# fetches OFAC from a local HTTP server serving the 2019 files, which are
# switched to the 2021 files mid-run, so the index is rebuilt and swapped
# under load. Errors, if any, show in vegeta's status codes.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-5000}
DURATION=${DURATION:-30s}
DATA=${EMBARGO_DATA:-../shared/data}
PORT=${PORT:-18090}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
[ -z "${KEEP:-}" ] || echo "scratch folder kept: $WORK" >&2
export PATH=/usr/local/go/bin:$PATH

go build -o "$WORK/embargo" ./cmd/embargo
GOBIN="$WORK" go install github.com/tsenart/vegeta/v12@v12.12.0
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || echo "wrk not installed; skipping the wrk phase"; }

if [ "${UPDATE:-}" = 1 ]; then
  # Start from the 2019 OFAC list; the update brings 2021.
  "$WORK/embargo" --db "$WORK/e.db" lists import "$DATA/un" "$DATA/ofac/2019-01-15" >/dev/null
else
  "$WORK/embargo" --db "$WORK/e.db" lists import "$DATA/un" "$DATA/ofac/2021-07-07" >/dev/null
fi
python3 - "$DATA/customers-dev-20k.csv" bench/listed.jsonl "http://127.0.0.1:$PORT/v1/screen" "$WORK/bodies.jsonl" > "$WORK/targets.jsonl" <<'PY'
import base64, csv, json, sys
customers, listed, url, bodies = sys.argv[1:]
listed = [l.strip() for l in open(listed) if l.strip()]
out = []
for i, row in enumerate(csv.DictReader(open(customers, encoding="utf-8"))):
    q = {"name": row["name"], "schema": row["schema"]}
    if row.get("birth_date"): q["birth_date"] = row["birth_date"]
    if row.get("country"): q["countries"] = [row["country"]]
    out.append(json.dumps(q, ensure_ascii=False))
    if i % 9 == 8: out.append(listed[(i // 9) % len(listed)])
with open(bodies, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
for b in out:
    print(json.dumps({"method": "POST", "url": url, "header": {"Content-Type": ["application/json"]},
                      "body": base64.b64encode(b.encode()).decode()}))
PY

serve_args=(--db "$WORK/e.db" serve --addr "127.0.0.1:$PORT" --log-level info)
if [ "${UPDATE:-}" = 1 ]; then
  mkdir -p "$WORK/www/ofac"
  cp "$DATA"/ofac/2019-01-15/*.csv "$WORK/www/ofac/"
  (cd "$WORK/www" && exec python3 -m http.server 18091 --bind 127.0.0.1 >/dev/null 2>&1) &
  urls=$(printf 'http://127.0.0.1:18091/ofac/%s,' sdn.csv alt.csv add.csv sdn_comments.csv)
  serve_args+=(--cache-dir "$WORK/cache" --update-interval 3s --source "us_ofac_sdn=${urls%,}")
else
  serve_args+=(--offline)
fi
"$WORK/embargo" "${serve_args[@]}" 2>"$WORK/serve.log" &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
curl -s "http://127.0.0.1:$PORT/v1/lists" | python3 -c 'import json,sys; print("loaded:", [(v["dataset"], v["version"], v["entities"]) for v in json.load(sys.stdin)["versions"] if v.get("loaded")])' || true

if [ "${UPDATE:-}" = 1 ]; then
  ( sleep 8; cp "$DATA"/ofac/2021-07-07/*.csv "$WORK/www/ofac/"; echo "switched the OFAC files to 2021-07-07" >&2 ) &
fi
echo "vegeta: $RATE requests/s for $DURATION"
"$WORK/vegeta" attack -targets "$WORK/targets.jsonl" -format json -rate "$RATE" -duration "$DURATION" -max-workers 64 \
  | "$WORK/vegeta" report
# The server's own view of the same requests (its Prometheus histogram):
# the time from reading the request to writing the answer, without the
# load generator's scheduling on the shared cores.
curl -s "http://127.0.0.1:$PORT/metrics" | python3 -c '
import re, sys
b = {}
for l in sys.stdin:
    m = re.match(r"embargo_http_request_duration_seconds_bucket\{code=\"200\",route=\"POST /v1/screen\",le=\"([^\"]+)\"\} (\d+)", l)
    if m: b[m.group(1)] = int(m.group(2))
n = b.get("+Inf", 0)
if n: print("server-side: " + ", ".join("%.2f%% under %s ms" % (100.0 * b[k] / n, float(k) * 1000) for k in ("0.001", "0.0025", "0.005", "0.01") if k in b))
' || true
if [ "${UPDATE:-}" = 1 ]; then
  grep -h 'index swapped\|"level":"ERROR"' "$WORK/serve.log" | cut -c1-200 || true
  curl -s "http://127.0.0.1:$PORT/v1/lists" | python3 -c 'import json,sys; print("loaded after:", [(v["dataset"], v["version"], v["entities"]) for v in json.load(sys.stdin)["versions"] if v.get("loaded")])' || true
elif command -v wrk >/dev/null; then
  for tc in "1 4" "2 16"; do
    set -- $tc
    echo "wrk, the same mix: $1 thread(s), $2 connections, 20s"
    BODIES="$WORK/bodies.jsonl" wrk -t"$1" -c"$2" -d20s -s bench/mix.lua "http://127.0.0.1:$PORT" | tail -1
  done
  echo "wrk, 16 mostly listed names (bench/screen.lua): 2 threads, 16 connections, 20s"
  wrk -t2 -c16 -d20s -s bench/screen.lua "http://127.0.0.1:$PORT" | tail -1
fi
