#!/usr/bin/env bash
# Load test of a local Chronicle: ingest N synthetic articles over HTTP, then measure read latency.
# All traffic goes to 127.0.0.1 on a free port; the server runs on a temporary data directory and is
# stopped on exit. See bench/load/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: bench/load/load.sh [options]
  --no-build           use the existing release binary (default: swift build -c release --product chronicle)
  --bin PATH           use this chronicle binary (implies --no-build)
  --articles N         articles to generate and ingest (default 10000)
  --seed S             generator seed (default 42)
  --concurrency N      ingest requests in flight (default 8)
  --batch K            ingest K articles per application/x-ndjson request (default 0: one JSON per request)
  --duration D         wrk duration per read endpoint (default 15s)
  --keep               keep the temporary directory (data, server log, raw outputs)
EOF
}

build=1 bin="" articles=10000 seed=42 concurrency=8 batch=0 duration=15s keep=0
while (($# > 0)); do
    case "$1" in
        --no-build) build=0 ;;
        --bin) bin="$2"; build=0; shift ;;
        --articles) articles="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        --concurrency) concurrency="$2"; shift ;;
        --batch) batch="$2"; shift ;;
        --duration) duration="$2"; shift ;;
        --keep) keep=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install wrk curl python3)" >&2; exit 1; }
done

section() { printf '\n==> %s\n' "$*" >&2; }

if ((build)); then
    section "Building release binary"
    swift build -c release --product chronicle
fi
if [[ -z "$bin" ]]; then
    bin="$(swift build -c release --show-bin-path)/chronicle"
fi
[[ -x "$bin" ]] || { echo "no executable at $bin (build first, or pass --bin)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-load.XXXXXX")"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if ((keep)); then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

section "Starting $bin serve on $base (data in $work/data)"
# No API key, so that the POSTs are not refused; host, port and data dir come from the flags.
env -u CHRONICLE_API_KEY "$bin" serve --host 127.0.0.1 --port "$port" --data-dir "$work/data" \
    >"$work/server.log" 2>&1 &
server_pid=$!
ready=0
for _ in $(seq 600); do # 60 s
    if curl -fsS --max-time 2 -o /dev/null "$base/readyz" 2>/dev/null; then ready=1; break; fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if ((!ready)); then
    echo "server did not become ready; last lines of its log:" >&2
    tail -n 30 "$work/server.log" >&2
    exit 1
fi

section "Generating $articles articles (seed $seed)"
python3 "$here/generate_articles.py" --count "$articles" --seed "$seed" >"$work/articles.ndjson"

section "Ingesting: $concurrency requests in flight, batch ${batch}"
ingest_rc=0
python3 "$here/ingest.py" --url "$base/v1/articles" --file "$work/articles.ndjson" \
    --concurrency "$concurrency" --batch "$batch" --max-seconds 900 >"$work/ingest.json" || ingest_rc=$?

section "wrk GET /v1/events?limit=20 ($duration)"
wrk -t2 -c16 -d"$duration" --timeout 5s --latency "$base/v1/events?limit=20" | tee "$work/wrk-events.txt" >&2
section "wrk GET /healthz ($duration)"
wrk -t2 -c16 -d"$duration" --timeout 5s --latency "$base/healthz" | tee "$work/wrk-healthz.txt" >&2

# "     99%    2.36ms" in wrk's "Latency Distribution" block, in milliseconds.
wrk_latency_ms() {
    awk -v pct="$2%" '
        /Latency Distribution/ { inside = 1; next }
        inside && $1 == pct {
            v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
            f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
            if (f < 0) print "?"; else printf "%.2f\n", v * f
            exit
        }' "$1"
}
wrk_field() { # Requests/sec, or the count of non-2xx/3xx responses (0 when wrk prints none)
    case "$2" in
        rps) awk '/^Requests\/sec:/ { print $2 }' "$1" ;;
        non2xx) awk '/Non-2xx or 3xx responses:/ { n = $NF } END { print n + 0 }' "$1" ;;
    esac
}
json_field() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); [v := v[k] for k in sys.argv[2:]]; print(v)' "$@"; }

# What the server itself reports, if GET /v1/articles carries a total.
server_total="$(curl -fsS --max-time 5 "$base/v1/articles?limit=1" 2>/dev/null | python3 -c '
import json, sys
try:
    body = json.load(sys.stdin)
except ValueError:
    body = None
total = next((body[k] for k in ("total", "count", "total_count") if isinstance(body, dict) and k in body), None)
print("n/a" if total is None else total)' || echo "n/a")"
server_rss_mb="$(ps -o rss= -p "$server_pid" 2>/dev/null | awk '{ printf "%.0f", $1 / 1024 }')"
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"

ingest="$work/ingest.json"
cat <<EOF

Chronicle load report ($(date -u '+%Y-%m-%d %H:%M:%S UTC'))
machine:   $(nproc) cores, ${cpu_model:-unknown CPU}, $(uname -sr); client and server share the machine
binary:    $bin
ingest:    $(json_field "$ingest" accepted)/$(json_field "$ingest" articles_in_file) articles accepted ($(json_field "$ingest" created) stored new, $(json_field "$ingest" duplicates) duplicates, $(json_field "$ingest" failed) failed) in $(json_field "$ingest" wall_seconds) s
           = $(json_field "$ingest" articles_per_second) articles/s; POST latency p50 $(json_field "$ingest" request_latency_ms p50) ms, p99 $(json_field "$ingest" request_latency_ms p99) ms
           (python http.client, $concurrency keep-alive connections, batch $batch; statuses $(json_field "$ingest" statuses))
stored:    server's /v1/articles total: $server_total
events:    GET /v1/events?limit=20  p50 $(wrk_latency_ms "$work/wrk-events.txt" 50) ms  p99 $(wrk_latency_ms "$work/wrk-events.txt" 99) ms  $(wrk_field "$work/wrk-events.txt" rps) req/s  non-2xx $(wrk_field "$work/wrk-events.txt" non2xx)
healthz:   GET /healthz             p50 $(wrk_latency_ms "$work/wrk-healthz.txt" 50) ms  p99 $(wrk_latency_ms "$work/wrk-healthz.txt" 99) ms  $(wrk_field "$work/wrk-healthz.txt" rps) req/s  non-2xx $(wrk_field "$work/wrk-healthz.txt" non2xx)
           (wrk -t2 -c16 -d$duration)
server:    RSS ${server_rss_mb:-?} MiB at the end
EOF
if ((ingest_rc != 0)); then
    echo "ingest had failures; first errors: $(json_field "$ingest" error_samples)" >&2
    exit 1
fi
