#!/usr/bin/env python3
"""Checks that the folders of each Swift target depend on each other one way only.

A folder depends on another when it names a type declared at the top level there, or calls a
member that an extension there adds to one of the target's own types (only members whose name is
declared once in the target, so the link is certain). A name used and not declared in the target
(a standard library or Foundation type) links nothing.
Prints each target's folder graph; exits non-zero, naming the files behind each edge of a cycle,
when two folders of one target depend on each other, directly or through others.

    python3 scripts/check-layers.py [Sources]
"""
import collections
import os
import re
import sys

DECLARATION = re.compile(r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:package|public|internal|fileprivate|private|final|indirect|nonisolated)\s+)*'
                         r'(struct|class|enum|actor|protocol|typealias)\s+([A-Z]\w*)', re.M)
EXTENSION = re.compile(r'^extension\s+([A-Z][\w.]*)[^{]*\{', re.M)
MEMBER = re.compile(r'^    (?:@\w+(?:\([^)]*\))?\s+)*(?:(?:package|public|internal|fileprivate|private|static|mutating|nonisolated)(?:\(set\))?\s+)*'
                    r'(?:func|var|let)\s+(\w+)', re.M)
IDENTIFIER = re.compile(r'\b[A-Za-z_]\w*\b')
COMMENT = re.compile(r'//[^\n]*|"(?:\\.|[^"\\\n])*"')


def folder_of(target_dir, path):
    relative = os.path.relpath(path, target_dir)
    parts = relative.split(os.sep)
    return parts[0] if len(parts) > 1 else '.'


def extension_members(text, own_types):
    """Names of members declared in top-level extensions of the target's own types."""
    names = []
    for match in EXTENSION.finditer(text):
        if match.group(1).split('.')[0] not in own_types:
            continue
        depth, index = 1, match.end()
        while index < len(text) and depth:
            depth += {'{': 1, '}': -1}.get(text[index], 0)
            index += 1
        names += MEMBER.findall(text[match.end():index])
    return names


def check(target_dir):
    files = {}
    for root, _, names in os.walk(target_dir):
        for name in names:
            if name.endswith('.swift'):
                path = os.path.join(root, name)
                with open(path, encoding='utf-8') as handle:
                    files[path] = COMMENT.sub(' ', handle.read())
    types = collections.defaultdict(set)
    members = collections.defaultdict(set)
    for path, text in files.items():
        folder = folder_of(target_dir, path)
        for _, name in DECLARATION.findall(text):
            types[name].add(folder)
    for path, text in files.items():
        for name in extension_members(text, types):
            members[name].add(folder_of(target_dir, path))
    declared_anywhere = collections.Counter()
    for text in files.values():
        declared_anywhere.update(MEMBER.findall(text))
    edges = collections.defaultdict(set)
    for path, text in files.items():
        folder = folder_of(target_dir, path)
        used = set(IDENTIFIER.findall(text))
        for name in used:
            owners = types.get(name, set())
            if len(owners) == 1 and folder not in owners:
                edges[(folder, next(iter(owners)))].add(f'{os.path.relpath(path, target_dir)} ({name})')
        for name in set(re.findall(r'\.(\w+)', text)):
            owners = members.get(name, set())
            if len(owners) == 1 and declared_anywhere[name] == 1 and len(name) > 3 and folder not in owners:
                edges[(folder, next(iter(owners)))].add(f'{os.path.relpath(path, target_dir)} (.{name})')
    graph = collections.defaultdict(set)
    for (source, destination) in edges:
        if source != '.' and destination != '.':
            graph[source].add(destination)
    return edges, graph


def cycles(graph):
    """Strongly connected components of more than one folder (Tarjan)."""
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(set(graph) | {d for ds in graph.values() for d in ds}):
        if node not in index:
            visit(node)
    return result


def main():
    sources = sys.argv[1] if len(sys.argv) > 1 else 'Sources'
    failed = False
    for target in sorted(os.listdir(sources)):
        target_dir = os.path.join(sources, target)
        if not os.path.isdir(target_dir):
            continue
        edges, graph = check(target_dir)
        if not graph:
            continue
        print(f'{target}:')
        for folder in sorted(graph):
            print(f'  {folder} -> {", ".join(sorted(graph[folder]))}')
        for component in cycles(graph):
            failed = True
            print(f'  CYCLE between {", ".join(component)}:')
            for source in component:
                for destination in component:
                    for use in sorted(edges.get((source, destination), ()))[:6]:
                        print(f'    {source} -> {destination}: {use}')
    if failed:
        sys.exit(1)
    print('no cycle between the folders of any target')


if __name__ == '__main__':
    main()
