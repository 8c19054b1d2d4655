#!/usr/bin/env bash
# Temporal tagging speed: Chronicle's temporal tagger (release build) side by side with dateparser's
# search_dates, in the same run, on the same plain text (the TempEval-3 TimeBank and AQUAINT
# documents), on one core. See bench/time/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

# The dateparser release installed when it is missing (dateparser_time.py warns on another one).
dateparser_pin="1.5.0"

usage() {
    cat <<'EOF_USAGE'
usage: bench/time/bench_time.sh [options]
  --bin PATH      use this chronicle binary (default: swift build -c release --product chronicle
                  --scratch-path .build-release, then .build-release/release/chronicle)
  --timeml DIR    TimeML corpus, *.tml read recursively (default: ../shared/data/tempeval3/TBAQ-cleaned
                  beside the repository)
  --docs N        only the first N documents, in sorted path order (default 0: all 256)
  --rounds N      rounds (default 3); each round runs chronicle once, then dateparser once
  --runs N        the same as --rounds
  --cpu C         the core to pin both systems to (default 0)
  --python PY     python interpreter for dateparser (default python3)
  --no-install    do not pip install dateparser when it is missing
  -h, --help      this help
EOF_USAGE
}

bin="" timeml="" docs=0 rounds=3 cpu=0 python=python3 install=1
while (($# > 0)); do
    case "$1" in
        --bin) (($# >= 2)) || die "--bin needs a path"; bin="$2"; shift ;;
        --timeml) (($# >= 2)) || die "--timeml needs a folder"; timeml="$2"; shift ;;
        --docs) (($# >= 2)) || die "--docs needs a number"; docs="$2"; shift ;;
        --rounds | --runs) (($# >= 2)) || die "$1 needs a number"; rounds="$2"; shift ;;
        --cpu) (($# >= 2)) || die "--cpu needs a core number"; cpu="$2"; shift ;;
        --python) (($# >= 2)) || die "--python needs an interpreter"; python="$2"; shift ;;
        --no-install) install=0 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "$bench_name: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer, not '$rounds'"
[[ "$docs" =~ ^[0-9]+$ ]] || die "--docs must be a number of documents (0: all), not '$docs'"
[[ "$cpu" =~ ^[0-9]+$ ]] || die "--cpu must be a core number, not '$cpu'"

command -v taskset >/dev/null || die "missing taskset (apt-get install util-linux)"
command -v "$python" >/dev/null || die "missing $python"
cores="$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)"  # before OMP_NUM_THREADS=1, which nproc obeys
((cpu < cores)) || die "--cpu $cpu: this machine has cores 0 to $((cores - 1))"

# (3) Input first: nothing to do without it.
if [[ -z "$timeml" ]]; then
    timeml="$root/../shared/data/tempeval3/TBAQ-cleaned"
    if [[ ! -d "$timeml" ]]; then
        echo "$bench_name: SKIPPED: no TimeML corpus at $timeml (shared/ is not beside the repository); pass --timeml DIR" >&2
        exit 0
    fi
fi
[[ -d "$timeml" ]] || die "no such folder: $timeml"
timeml="$(cd "$timeml" && pwd)"

# (1) The release binary, and its `time tag` command.
if [[ -z "$bin" ]]; then
    bin="$(release_binary)"
fi
[[ -x "$bin" ]] || die "no executable at $bin"
"$bin" time tag --help >/dev/null 2>&1 || die "$bin has no 'time tag' command (an older build?)"

# (2) dateparser.
if ! "$python" -c 'import dateparser' 2>/dev/null; then
    ((install)) || die "dateparser is missing (pip install dateparser==$dateparser_pin)"
    section "Installing dateparser $dateparser_pin"
    "$python" -m pip install --quiet --root-user-action=ignore "dateparser==$dateparser_pin" >&2 \
        || "$python" -m pip install --quiet --root-user-action=ignore --break-system-packages "dateparser==$dateparser_pin" >&2 \
        || die "pip install dateparser==$dateparser_pin failed"
    "$python" -c 'import dateparser' 2>/dev/null || die "dateparser still does not import after pip install"
fi

# One core, one thread (neither side uses BLAS; set as bench_ner.sh does).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1

work="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-bench-time.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# (4) The plain text of each document (<TEXT> with its tags removed and entities decoded), one file
# each, in a temporary folder: the corpus is never copied into the repository. Both systems are
# given exactly these files, in this order.
"$python" "$here/extract_texts.py" "$timeml" "$work/text" >/dev/null || die "extract_texts.py failed on $timeml"
shopt -s nullglob
files=("$work"/text/*.txt)
shopt -u nullglob
((${#files[@]} > 0)) || die "no <TEXT> found in any .tml file under $timeml"
((docs == 0 || docs >= ${#files[@]})) || files=("${files[@]:0:docs}")

# The timing of a run as one compact JSON line {"system","documents","tokens","seconds",
# "tokens_per_second","timexes"}, from its stderr (ERR) and stdout (OUT): the last JSON object with
# tokens_per_second, or else the last line with a 'N tokens/s' figure (as in 'tagged N tokens in S s
# (T tokens/s)'). timexes: from the JSON, or else the number of lines on stdout (one per timex).
timing_line() {
    "$python" - "$@" <<'EOF_PY'
import json, re, sys
err, out, system, documents = sys.argv[1:5]
found = None
for line in open(err, encoding="utf-8", errors="replace"):
    line = line.strip()
    if line.startswith("{"):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and "tokens_per_second" in obj:
            found = obj
        continue
    rate = re.search(r"([0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*tokens?\s*/\s*s\b", line)
    if rate:
        obj = {"tokens_per_second": float(rate.group(1).replace(",", ""))}
        tokens = re.search(r"([0-9][0-9,]*)\s+tokens?\s+in\b", line)
        seconds = re.search(r"\bin\s+([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*s\b", line)
        if tokens:
            obj["tokens"] = int(tokens.group(1).replace(",", ""))
        if seconds:
            obj["seconds"] = float(seconds.group(1))
        found = obj
if found is None or not found.get("tokens_per_second"):
    sys.exit(1)
if out != "-" and "timexes" not in found:
    found["timexes"] = sum(1 for line in open(out, encoding="utf-8", errors="replace") if line.strip())
if "seconds" not in found and "tokens" in found:
    found["seconds"] = found["tokens"] / found["tokens_per_second"]
found.setdefault("system", system)
found.setdefault("documents", int(documents))
print(json.dumps({k: found.get(k) for k in ("system", "documents", "tokens", "seconds",
                                            "tokens_per_second", "timexes")}))
EOF_PY
}

rate_of() { "$python" -c 'import json,sys; print(format(json.loads(sys.argv[1])["tokens_per_second"], ",.0f"))' "$1"; }

# (5) Interleaved rounds, so that both systems see the same noise of a shared machine.
section "${#files[@]} documents from $timeml; $rounds rounds on core $cpu: chronicle time tag, then dateparser search_dates"
: >"$work/chronicle.jsonl"
: >"$work/dateparser.jsonl"
for ((i = 1; i <= rounds; i++)); do
    err="$work/chronicle.$i.err"
    if ! taskset -c "$cpu" "$bin" time tag --timing "${files[@]}" >"$work/chronicle.$i.out" 2>"$err"; then
        cat "$err" >&2
        die "chronicle time tag failed (round $i): $bin time tag --timing FILE..."
    fi
    line="$(timing_line "$err" "$work/chronicle.$i.out" chronicle "${#files[@]}")" \
        || { cat "$err" >&2; die "chronicle time tag --timing printed no tokens/s figure on stderr (round $i)"; }
    echo "$line" >>"$work/chronicle.jsonl"
    echo "round $i chronicle:  $(rate_of "$line") tokens/s" >&2

    out="$work/dateparser.$i.out"
    if ! taskset -c "$cpu" "$python" "$here/dateparser_time.py" "${files[@]}" --repeat 1 >"$out" 2>"$work/dateparser.$i.err"; then
        cat "$work/dateparser.$i.err" >&2
        die "dateparser_time.py failed (round $i)"
    fi
    ((i > 1)) || grep -E '^(dateparser|input|warning)' "$work/dateparser.$i.err" >&2 || true
    line="$(timing_line "$out" - dateparser "${#files[@]}")" || die "dateparser_time.py printed no JSON line (round $i)"
    echo "$line" >>"$work/dateparser.jsonl"
    echo "round $i dateparser: $(rate_of "$line") tokens/s" >&2
done

# (6) Report.
cpu_model="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
[[ -n "$cpu_model" ]] || cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
"$python" - "$work/chronicle.jsonl" "$work/dateparser.jsonl" "$timeml" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "${cpu_model:-unknown}" "$cores" "$cpu" <<'EOF_PY'
import json, statistics, sys
chron_file, dp_file, timeml, date, cpu_model, nproc, core = sys.argv[1:]

def load(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    rates = [r["tokens_per_second"] for r in runs]
    seconds = [r["seconds"] for r in runs if r.get("seconds") is not None]
    return {"system": runs[0].get("system") or "?", "documents": runs[0].get("documents"),
            "tokens": runs[0].get("tokens"), "timexes": runs[0].get("timexes"),
            "seconds": statistics.median(seconds) if seconds else None,
            "best": max(rates), "median": statistics.median(rates), "runs": rates}

def num(x, fmt):
    return "?" if x is None else format(x, fmt)

c, d = load(chron_file), load(dp_file)
print(f"Temporal tagging speed, one core (taskset -c {core}), {len(c['runs'])} rounds")
print(f"date: {date}   CPU: {cpu_model}   nproc: {nproc}")
print(f"input: plain <TEXT> of the .tml files under {timeml}")
print()
print(f"{'system':<22} {'documents':>9} {'tokens':>8} {'median s':>9} {'best tok/s':>12} "
      f"{'median tok/s':>13} {'expressions':>12}")
for r in (c, d):
    print(f"{r['system']:<22} {num(r['documents'], 'd'):>9} {num(r['tokens'], 'd'):>8} "
          f"{num(r['seconds'], '.3f'):>9} {r['best']:>12,.0f} {r['median']:>13,.0f} "
          f"{num(r['timexes'], 'd'):>12}")
print()
if c["tokens"] is None:
    print("WARNING: chronicle reported no token count: cannot check that both measured the same text")
elif c["tokens"] != d["tokens"]:
    print(f"WARNING: token counts differ (chronicle {c['tokens']}, dateparser {d['tokens']}): "
          "the two did not measure the same text the same way")
if c["documents"] != d["documents"]:
    print(f"WARNING: document counts differ (chronicle {c['documents']}, dateparser {d['documents']})")
print(f"ratio chronicle/dateparser: best {c['best'] / d['best']:.1f}x, median {c['median'] / d['median']:.1f}x")
print("(expressions: timexes found by chronicle, dates returned by search_dates; informational, "
      "the two do not find the same things)")
EOF_PY
