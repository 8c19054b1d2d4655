#!/usr/bin/env python3
"""Checks the relative links and images of the project's Markdown files.

Every link and image in README.md, docs/**/*.md and bench/**/*.md whose target is not a URL
(http, https, mailto or any other scheme) must name an existing file or folder, relative to the
file it is in. A `#fragment` into a Markdown file (or into the same file) must name one of its
headings, turned into an anchor as GitHub does: lower case, punctuation other than hyphens and
spaces removed, spaces turned into hyphens, and a repeated anchor numbered -1, -2, ...

Usage: scripts/check-links.py [FILE.md ...]     (default: the files above)
Exits 1 with a list of the broken links, else prints "N links checked, 0 broken".
Python 3 standard library only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); the target may be <in angle brackets>.
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
# The definitions of reference links, [label]: target (a [text][label] without one is plain text).
DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)")
HTML_TARGET = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
HTML_ANCHOR = re.compile(r"<[a-z][^>]*?\b(?:id|name)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def default_files() -> list[Path]:
    files = [ROOT / "README.md"]
    for folder in ("docs", "bench"):
        files += sorted((ROOT / folder).rglob("*.md"))
    return [f for f in files if f.is_file()]


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, with their 1-based numbers."""
    lines: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and line.strip() == match.group(1):
                fence = None
            continue
        lines.append((number, line))
    return lines


def rendered_text(heading: str) -> str:
    """A heading's text as GitHub renders it: links and images by their text, no code marks."""
    text = re.sub(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"<[^>]+>", "", text)
    text = CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    return text


def slug(heading: str) -> str:
    text = rendered_text(heading).strip().lower()
    # Keep letters, digits, underscores, hyphens and spaces; drop every other character.
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path in cache:
        return cache[path]
    found: set[str] = set()
    seen: dict[str, int] = {}
    lines = prose_lines(path.read_text(encoding="utf-8"))
    previous: tuple[int, str] | None = None
    for number, line in lines:
        heading = None
        atx = ATX_HEADING.match(line)
        if atx:
            heading = atx.group(2) or ""
        elif SETEXT_UNDERLINE.match(line) and previous and previous[0] == number - 1 \
                and previous[1].strip() and not ATX_HEADING.match(previous[1]):
            heading = previous[1]
        if heading is not None:
            base = slug(heading)
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
        for anchor in HTML_ANCHOR.findall(line):
            found.add(anchor)
        previous = (number, line)
    cache[path] = found
    return found


def links(path: Path) -> list[tuple[int, str]]:
    """Every link target in the file, with its line, outside code blocks and code spans."""
    lines = prose_lines(path.read_text(encoding="utf-8"))
    targets: list[tuple[int, str]] = []
    stripped: list[tuple[int, str]] = []
    for number, line in lines:
        definition = DEFINITION.match(line)
        if definition:
            targets.append((number, definition.group(2)))
            continue
        stripped.append((number, CODE_SPAN.sub("", line)))
    for number, line in stripped:
        for match in INLINE_LINK.finditer(line):
            targets.append((number, match.group(1)))
        for target in HTML_TARGET.findall(line):
            targets.append((number, target))
    return targets


def shown(path: Path) -> str:
    """The path relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def check(path: Path, target: str, cache: dict[Path, set[str]]) -> str | None:
    """Why the target is broken, or None."""
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    if not target or SCHEME.match(target) or target.startswith("//"):
        return None
    file_part, _, fragment = target.partition("#")
    file_part = unquote(file_part.split("?", 1)[0])
    if file_part:
        resolved = (ROOT / file_part.lstrip("/")) if file_part.startswith("/") else (path.parent / file_part)
        if not resolved.exists():
            return "no such file"
    else:
        resolved = path
    if fragment and resolved.is_file() and resolved.suffix.lower() == ".md":
        if unquote(fragment).lower() not in {a.lower() for a in anchors(resolved.resolve(), cache)}:
            return f"no heading #{fragment} in {shown(resolved.resolve())}"
    return None


def main(arguments: list[str]) -> int:
    files = [Path(a).resolve() for a in arguments] if arguments else default_files()
    cache: dict[Path, set[str]] = {}
    checked = 0
    broken: list[str] = []
    for path in files:
        for number, target in links(path):
            checked += 1
            problem = check(path, target, cache)
            if problem:
                broken.append(f"{shown(path)}:{number}: {target}: {problem}")
    if broken:
        print("\n".join(broken))
        print(f"{checked} links checked, {len(broken)} broken")
        return 1
    print(f"{checked} links checked, 0 broken")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
