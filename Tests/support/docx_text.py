#!/usr/bin/env python3
"""Prints the text of a Word file, a paragraph a line, then its footnotes: the reference the
import of .docx is checked against, read with Python's zipfile and ElementTree."""
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
with zipfile.ZipFile(sys.argv[1]) as package:
    for part in ("word/document.xml", "word/footnotes.xml"):
        if part not in package.namelist():
            continue
        for paragraph in ET.fromstring(package.read(part)).iter(W + "p"):
            print("".join(node.text or "" for node in paragraph.iter(W + "t")))
