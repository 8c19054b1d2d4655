"""What the scripts that build resources from a pinned PyPI package share: their command line
(--check, --allow-other-versions), the version check, and writing or checking the files."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys


def arguments(doc: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed files differ from a fresh build")
    ap.add_argument("--allow-other-versions", action="store_true", help="build with an unpinned package version")
    return ap.parse_args()


def pinned_version(package: str, pinned: str, allow_other: bool) -> str:
    """The installed version of `package`; exits unless it is `pinned` (or `allow_other`)."""
    try:
        have = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{package} is not installed: pip install {package}=={pinned}")
    if have != pinned and not allow_other:
        sys.exit(f"{package} {have} installed, {pinned} pinned; install it or pass --allow-other-versions")
    return have


def write_or_check(folder: str, files: dict[str, str], check: bool, script: str) -> None:
    """Writes each file (name -> text) into `folder`, or with `check` exits if any differs."""
    os.makedirs(folder, exist_ok=True)
    stale = []
    for name, text in files.items():
        path = os.path.join(folder, name)
        rows = sum(1 for line in text.splitlines() if not line.startswith("#"))
        print(f"{name}: {rows} rows, {len(text.encode('utf-8'))} bytes")
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    if stale:
        sys.exit("out of date: " + ", ".join(stale) + f"; run {script}")
