#!/usr/bin/env python3
"""dateparser's search_dates over plain text files, timed: prints one JSON line on stderr with the
documents, whitespace tokens, seconds spent in search_dates (imports and file reading excluded),
tokens per second and dates found, the same fields `chronicle time tag --timing` prints."""
import json
import sys
import time

import dateparser
from dateparser.search import search_dates

files = sys.argv[1:]
texts = []
for path in files:
    with open(path, encoding="utf-8") as handle:
        texts.append(handle.read())
search_dates("The talks resumed on Friday, May 16, 2025.", languages=["en"])  # loads its language data
found = 0
started = time.perf_counter()
for text in texts:
    found += len(search_dates(text, languages=["en"]) or [])
seconds = time.perf_counter() - started
tokens = sum(len(text.split()) for text in texts)
print(json.dumps({
    "system": f"dateparser {dateparser.__version__}", "documents": len(texts), "tokens": tokens, "seconds": seconds,
    "tokens_per_second": tokens / max(seconds, 1e-9), "timexes": found,
}), file=sys.stderr)
