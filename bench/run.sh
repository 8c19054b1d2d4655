#!/usr/bin/env bash
# The benchmark suite, one command: extraction speed against spaCy's small English model, then
# HTTP ingest and read latency at 10,000 and 100,000 stored articles against the service's own
# /healthz, with snapshot time, restart time and memory per article at the largest size. Every
# figure is a ratio to a reference measured in the same run. Reports go to stdout and, as JSON
# lines, to bench-results.jsonl (or --out). About an hour on a 2-core machine at the default sizes.
#
# Usage: bench/run.sh [--bin PATH] [--sizes 10000,100000] [--articles 1000] [--rounds 3] [--out FILE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

bin="" sizes="10000,100000" articles=1000 rounds=3 out="$root/bench-results.jsonl"
while (($# > 0)); do
    case "$1" in
        --bin) bin="$2"; shift ;;
        --sizes) sizes="$2"; shift ;;
        --articles) articles="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        --out) out="$2"; shift ;;
        -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
        *) die "unknown option $1" ;;
    esac
    shift
done
[[ -n "$bin" ]] || bin="$(release_binary)"
[[ -x "$bin" ]] || die "no executable at $bin"
command -v wrk >/dev/null || die "missing wrk (apt-get install wrk)"

section "Extraction: whole pipeline vs spaCy en_core_web_sm, one core"
"$here/pipeline/bench_pipeline.sh" --bin "$bin" --articles "$articles" --rounds "$rounds" | tee "$out.pipeline.txt"
tail -n 1 "$out.pipeline.txt" >"$out"

section "HTTP load at $sizes articles"
python3 "$here/load/load_bench.py" --bin "$bin" --sizes "$sizes" | tee "$out.load.txt"
tail -n 1 "$out.load.txt" >>"$out"
rm -f "$out.pipeline.txt" "$out.load.txt"
section "Figures as JSON lines in $out"
