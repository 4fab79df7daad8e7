#!/usr/bin/env python3
"""Parses JavaScript with esprima (PyPI), which knows the language up to ES2017 and nothing
later, so `??`, `?.`, `catch {`, object spread, `for await`, async generators and `\\p{…}` regular
expressions are syntax errors (object rest and spread, which it parses, are looked for in the
tree). Each argument is a .js file, or an .html file whose inline
<script> elements are checked. Prints one line per file that does not parse; exits 1 if any.
With --stdin, checks the text read from standard input instead."""
import re
import sys

import esprima


def scripts(path):
    text = open(path, encoding="utf-8").read()
    if not path.endswith(".html"):
        return [text]
    return [body for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S) if "src=" not in attributes]


def check(source):
    # esprima parses object rest and spread ({ ...o }, const { a, ...rest } = o), which came in
    # ES2018; they are looked for in the tree.
    later = []

    def look(node, metadata):
        if node.type == "ObjectExpression" and any(item.type == "SpreadElement" for item in node.properties):
            later.append("object spread (ES2018) at line %d" % metadata.start.line)
        if node.type == "ObjectPattern" and any(item.type == "RestElement" for item in node.properties):
            later.append("object rest (ES2018) at line %d" % metadata.start.line)

    try:
        esprima.parseScript(source, delegate=look)
    except Exception as error:  # esprima raises its own Error for a syntax error
        return str(error)
    return later[0] if later else None


if __name__ == "__main__":
    if sys.argv[1:] == ["--stdin"]:
        problem = check(sys.stdin.read())
        print(problem or "ok")
        sys.exit(1 if problem else 0)
    failures = 0
    for path in sys.argv[1:]:
        for source in scripts(path):
            problem = check(source)
            if problem:
                failures += 1
                print(f"{path}: {problem}")
    sys.exit(1 if failures else 0)
