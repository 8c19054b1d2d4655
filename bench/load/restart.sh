#!/usr/bin/env bash
# Times a restart: copies a data directory's snapshot (and journal) to a temporary directory, starts
# `chronicle serve` on it at a free port, and reports the seconds until GET /readyz answers, with the
# store's own open phases (chronicle_store_open_seconds: reading the files, decoding the snapshot
# with its indexes, rebuilding indexes (a snapshot older than version 4 only), replaying the journal) and the resident memory once ready. The data directory is left as it was.
#
# Usage: bench/load/restart.sh --bin PATH --data DIR
#   DIR: e.g. the data directory that `load_bench.py --keep` leaves behind.
set -euo pipefail

bin="" data=""
while (($#)); do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --data) data="$2"; shift 2 ;;
        *) echo "usage: bench/load/restart.sh --bin PATH --data DIR" >&2; exit 2 ;;
    esac
done
[[ -x "$bin" && -d "$data" ]] || { echo "usage: bench/load/restart.sh --bin PATH --data DIR" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-restart.XXXXXX")"
pid=""
cleanup() {
    if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/data"
cp "$data"/snapshot*.chs "$data"/journal-*.log "$work/data/" 2>/dev/null || true
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

start=$(date +%s.%N)
"$bin" serve --host 127.0.0.1 --port "$port" --data-dir "$work/data" --log-level info > "$work/server.log" 2>&1 &
pid=$!
until curl -sf "$base/readyz" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "chronicle exited; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
done
end=$(date +%s.%N)

metrics="$(curl -s "$base/metrics")"
phases="$(sed -n 's/^chronicle_store_open_seconds{phase="\([a-z]*\)"} \(.*\)$/\1 \2/p' <<< "$metrics")"
phase() { awk -v name="$1" '$1 == name { printf "%.2f", $2 }' <<< "$phases"; }
articles="$(sed -n 's/^chronicle_articles_stored \(.*\)$/\1/p' <<< "$metrics")"
rss_kib="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")"
printf 'restart of %s (%s articles): ready after %.1f s; files read in %s s, snapshot decoded in %s s, indexes rebuilt in %s s, journal replayed in %s s; RSS %d MiB\n' \
    "$data" "${articles:-?}" "$(echo "$end - $start" | bc)" "$(phase read)" "$(phase decode)" "$(phase rebuild)" "$(phase replay)" "$((rss_kib / 1024))"
