#!/usr/bin/env bash
# Temporal tagging speed: Chronicle's tagger (release build) side by side with dateparser's
# search_dates, in the same run, on the same plain text (the TempEval-3 TimeBank and AQUAINT
# documents), on one core.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

usage() {
    cat <<'EOF_USAGE'
usage: bench/time/bench_time.sh [options]
  --bin PATH      use this chronicle binary (default: swift build -c release --product chronicle
                  --scratch-path .build-release, then .build-release/release/chronicle)
  --timeml DIR    TimeML corpus (default: ../shared/data/tempeval3/TBAQ-cleaned beside the repository)
  --rounds N      rounds (default 3); each round runs chronicle once, then dateparser once
  --cpu C         the core to pin both systems to (default 0)
  --python PY     python interpreter for dateparser (default python3)
  --no-install    do not pip install dateparser when it is missing
  -h, --help      this help
EOF_USAGE
}

bin="" timeml="" rounds=3 cpu=0 python=python3 install=1
while (($# > 0)); do
    case "$1" in
        --bin) (($# >= 2)) || die "--bin needs a path"; bin="$2"; shift ;;
        --timeml) (($# >= 2)) || die "--timeml needs a folder"; timeml="$2"; shift ;;
        --rounds) (($# >= 2)) || die "--rounds needs a number"; rounds="$2"; shift ;;
        --cpu) (($# >= 2)) || die "--cpu needs a core number"; cpu="$2"; shift ;;
        --python) (($# >= 2)) || die "--python needs an interpreter"; python="$2"; shift ;;
        --no-install) install=0 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "$bench_name: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer, not '$rounds'"
[[ "$cpu" =~ ^[0-9]+$ ]] || die "--cpu must be a core number, not '$cpu'"


command -v taskset >/dev/null || die "missing taskset (apt-get install util-linux)"
command -v "$python" >/dev/null || die "missing $python"

if [[ -z "$timeml" ]]; then
    timeml="$root/../shared/data/tempeval3/TBAQ-cleaned"
    if [[ ! -d "$timeml" ]]; then
        echo "$bench_name: SKIPPED: no TimeML corpus at $timeml (shared/ is not beside the repository); pass --timeml DIR" >&2
        exit 0
    fi
fi
[[ -d "$timeml" ]] || die "no such folder: $timeml"

if [[ -z "$bin" ]]; then
    bin="$(release_binary)"
fi
[[ -x "$bin" ]] || die "no executable at $bin"

if ! "$python" -c 'import dateparser' 2>/dev/null; then
    ((install)) || die "dateparser is missing (pip install dateparser)"
    section "Installing dateparser"
    "$python" -m pip install --quiet --root-user-action=ignore dateparser >&2 \
        || "$python" -m pip install --quiet --root-user-action=ignore --break-system-packages dateparser >&2 \
        || die "pip install dateparser failed"
fi

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-bench-time.XXXXXX")"
trap 'rm -rf "$work"' EXIT

read -r documents tokens < <("$python" "$here/extract_texts.py" "$timeml" "$work/text")
files=("$work"/text/*.txt)
section "$documents documents, $tokens tokens; $rounds rounds on core $cpu: chronicle time tag, then dateparser search_dates"

# The last JSON line with tokens_per_second in FILE.
timing_line() { grep '^{' "$1" | grep tokens_per_second | tail -n 1; }

: >"$work/chronicle.jsonl"
: >"$work/dateparser.jsonl"
for ((i = 1; i <= rounds; i++)); do
    taskset -c "$cpu" "$bin" time tag --timing "${files[@]}" >/dev/null 2>"$work/c.err" \
        || { cat "$work/c.err" >&2; die "chronicle time tag failed"; }
    timing_line "$work/c.err" >>"$work/chronicle.jsonl" || die "no timing line from chronicle time tag"
    taskset -c "$cpu" "$python" "$here/dateparser_time.py" "${files[@]}" 2>"$work/d.err" \
        || { cat "$work/d.err" >&2; die "dateparser_time.py failed"; }
    timing_line "$work/d.err" >>"$work/dateparser.jsonl" || die "no timing line from dateparser_time.py"
    printf '  round %d: chronicle %s tokens/s, dateparser %s tokens/s\n' "$i" \
        "$("$python" -c 'import json,sys; print(int(json.loads(open(sys.argv[1]).readlines()[-1])["tokens_per_second"]))' "$work/chronicle.jsonl")" \
        "$("$python" -c 'import json,sys; print(int(json.loads(open(sys.argv[1]).readlines()[-1])["tokens_per_second"]))' "$work/dateparser.jsonl")" >&2
done

"$python" - "$work/chronicle.jsonl" "$work/dateparser.jsonl" <<'EOF_PY'
import json, statistics, sys
runs = [[json.loads(line) for line in open(path)] for path in sys.argv[1:3]]
names = [runs[0][0]["system"], runs[1][0]["system"]]
best = [max(r["tokens_per_second"] for r in system) for system in runs]
median = [statistics.median(r["tokens_per_second"] for r in system) for system in runs]
print(f"| system | documents | tokens | expressions found | best tokens/s | median tokens/s |")
print(f"|---|---|---|---|---|---|")
for name, system, b, m in zip(names, runs, best, median):
    print(f"| {name} | {system[0]['documents']} | {system[0]['tokens']} | {system[0]['timexes']} | {b:,.0f} | {m:,.0f} |")
print(f"| **ratio** | | | | **{best[0] / best[1]:.0f}x** | **{median[0] / median[1]:.0f}x** |")
EOF_PY
