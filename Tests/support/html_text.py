#!/usr/bin/env python3
"""Prints the text a browser shows of a saved web page, one block per line: the independent
reference the import of web pages is checked against (Python's own HTML parser, not libxml2).
The page is decoded with the charset it declares; the head, scripts and styles are not text."""
import html.parser
import re
import sys

BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "ul", "ol",
          "section", "article", "header", "footer", "nav", "aside", "title", "dd", "dt"}
HIDDEN = {"head", "script", "style", "noscript", "template"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.hidden = [], [], 0

    def flush(self):
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)


raw = open(sys.argv[1], "rb").read()
declared = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", raw[:4096])
charset = declared.group(1).decode() if declared else "utf-8"
if charset.lower() in ("gb2312", "gbk"):
    charset = "gb18030"
parser = Text()
parser.feed(raw.decode(charset))
parser.flush()
print("\n".join(parser.lines))
