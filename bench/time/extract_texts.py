#!/usr/bin/env python3
"""Write the plain text of every TimeML document under a folder (the <TEXT> element, tags removed,
entities decoded) to OUT/NNNN.txt, one file per document, and print how many and how many tokens.
The benchmark reads the corpus from ../shared at run time; nothing of it is kept in the repository."""
import glob
import html
import os
import re
import sys

source, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
files = sorted(glob.glob(os.path.join(source, "**", "*.tml"), recursive=True))
tokens = 0
for number, path in enumerate(files):
    with open(path, encoding="utf-8") as handle:
        markup = handle.read()
    start, end = markup.find("<TEXT>"), markup.find("</TEXT>")
    if start < 0 or end < 0:
        continue
    text = html.unescape(re.sub(r"<[^>]+>", "", markup[start + 6:end]))
    tokens += len(text.split())
    with open(os.path.join(out, f"{number:04d}.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
print(f"{len(files)} {tokens}")
