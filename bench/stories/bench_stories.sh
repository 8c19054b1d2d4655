#!/usr/bin/env bash
# The story layer's share of inserting the 10,001st article: grouping it into a story, checking
# it for a syndicated copy, merging its events. Generates the articles (bench/load's generator),
# runs them through the pipeline (not timed), stores all but the last --measured, then inserts
# each of those into that store and times it (chronicle stories bench).
#
# Usage: bench/stories/bench_stories.sh [--articles 10000] [--measured 50] [--seed 7] [--bin PATH] [--cache FILE]
# (--cache keeps the processed articles in FILE for the next run with the same options.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bench/lib.sh"

articles=10000
measured=50
seed=7
bin=""
cache=""
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) articles="$2"; shift 2 ;;
        --measured) measured="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --cache) cache="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) die "unknown option $1" ;;
    esac
done

[ -n "$bin" ] || bin="$(release_binary)"
[ -x "$bin" ] || die "no executable at $bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

section "Generating $((articles + measured)) articles (seed $seed)"
python3 "$root/bench/load/generate_articles.py" --count "$((articles + measured))" --seed "$seed" > "$work/articles.ndjson"

section "Pipeline, store of $articles, $measured timed inserts"
report="$("$bin" stories bench --ndjson "$work/articles.ndjson" --measured "$measured" ${cache:+--cache "$cache"})"
echo "$report"
python3 - "$report" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"store of {r['stored_articles']} articles in {r['stories']} stories; {r['measured_inserts']} inserts")
print(f"story layer per insert: median {r['story_ms_median']:.2f} ms, p95 {r['story_ms_p95']:.2f} ms, max {r['story_ms_max']:.2f} ms (goal < 20 ms)")
print(f"whole insert (all indexes): median {r['insert_ms_median']:.2f} ms, max {r['insert_ms_max']:.2f} ms")
PY
