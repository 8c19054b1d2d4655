#!/usr/bin/env python3
"""Time dateparser's search_dates on plain text files, as the reference for bench/time.

Each file is one document; `search_dates(text, languages=["en"])` is called once per document,
the same texts `chronicle time tag FILE...` reads. Tokens are whitespace-separated words
(`str.split()`), the count `chronicle time tag --timing` reports.

What is timed: the loop of search_dates calls over all documents, nothing else: not the imports,
not reading the files, not the first call, which loads dateparser's English data and is made on a
short sentence before timing. Each timed run goes over the documents again in the same process
(dateparser's caches are warm after the first); `seconds` is the best run.

Prints one JSON line on stdout:
  {"system":"dateparser <version>","documents":D,"tokens":N,"seconds":S,"tokens_per_second":R,
   "timexes":T, ...}
with extra fields (median, all runs, versions). Details go to stderr.
Run it on one core: `taskset -c 0` (bench_time.sh does).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time

# The version bench_time.sh installs and the figures in bench/time/README.md were measured with.
PINNED_VERSION = "1.5.0"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", help="plain text files, one document each")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs over all files (default 1)")
    ap.add_argument("--docs", type=int, default=0,
                    help="use only the first N files (default 0: all)")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.docs < 0:
        ap.error("--docs must be at least 0")
    files = args.files[:args.docs] if args.docs else args.files
    for path in files:
        if not os.path.isfile(path):
            sys.exit(f"dateparser_time.py: no such file: {path}")

    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        sys.exit(f"dateparser_time.py: dateparser is not installed (pip install dateparser=={PINNED_VERSION})")
    version = getattr(dateparser, "__version__", "?")
    if version != PINNED_VERSION:
        print(f"warning: dateparser {version}, not the pinned {PINNED_VERSION}", file=sys.stderr)

    texts = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read())
    n_tokens = sum(len(text.split()) for text in texts)
    if n_tokens == 0:
        sys.exit("dateparser_time.py: no tokens in the input")

    def run() -> int:
        found = 0
        for text in texts:
            found += len(search_dates(text, languages=["en"]) or [])
        return found

    # Loads the English language data and compiles its patterns: not timed.
    search_dates("The talks resumed on Friday, May 16, 2025, two days after the vote.", languages=["en"])

    print(f"dateparser {version}, search_dates(text, languages=['en']) per document", file=sys.stderr)
    print(f"input: {len(texts)} documents, {n_tokens} tokens", file=sys.stderr)
    times = []
    n_timexes = None
    for i in range(args.repeat):
        gc.collect()
        start = time.perf_counter()
        n = run()
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        if n_timexes is not None and n != n_timexes:
            print(f"warning: run {i + 1} found {n} dates, run 1 {n_timexes}", file=sys.stderr)
        n_timexes = n if n_timexes is None else n_timexes
        print(f"run {i + 1}: {elapsed:.3f} s, {n_tokens / elapsed:,.0f} tokens/s, {n} dates",
              file=sys.stderr)

    best = min(times)
    median = statistics.median(times)
    print(json.dumps({
        "system": f"dateparser {version}",
        "documents": len(texts),
        "tokens": n_tokens,
        "seconds": round(best, 6),
        "tokens_per_second": round(n_tokens / best, 1),
        "median_seconds": round(median, 6),
        "median_tokens_per_second": round(n_tokens / median, 1),
        "runs_seconds": [round(t, 6) for t in times],
        "timexes": n_timexes,
        "dateparser": version,
    }))


if __name__ == "__main__":
    main()
