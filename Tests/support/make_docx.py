#!/usr/bin/env python3
"""Writes the Word file the import tests read, with python-docx as Word users' files are made:
a Title, centred speaker and date lines, Heading 1 and 2 styles, bold leads, numbered and
bulleted lists, a table, a soft line break, and a footnote (python-docx cannot add footnotes, so
its part is added to the package as Word writes it)."""
import re
import sys
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

out = sys.argv[1]
document = docx.Document()
document.add_paragraph("在全县党政办公室主任会议上的讲话", style="Title")
for line in ("县委办公室主任　郑伟", "（2023年11月2日）"):
    document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
document.add_paragraph("同志们：")
document.add_paragraph("今年以来，全县党政办公室系统围绕中心、服务大局，在以文辅政、督查督办、信息报送等方面做了大量工作[[NOTE]]，成效明显。")
document.add_heading("一、提高以文辅政水平", level=1)
lead = document.add_paragraph()
lead.add_run("一是吃透上情。").bold = True
lead.add_run("及时学习领会上级精神，把上级要求和本地实际结合起来，使文稿既有高度又接地气。")
lead = document.add_paragraph()
lead.add_run("二是摸清下情。").bold = True
lead.add_run("多到基层走一走、看一看，掌握第一手材料，做到言之有物。")
document.add_heading("（一）文稿起草的基本要求", level=2)
for item in ("观点鲜明，主题突出", "结构严谨，层次清楚", "语言精炼，文风朴实"):
    document.add_paragraph(item, style="List Number")
document.add_heading("二、抓好督查督办落实", level=1)
document.add_paragraph("督查工作要做到三个坚持：")
for item in ("坚持问题导向", "坚持结果导向", "坚持群众评价"):
    document.add_paragraph(item, style="List Bullet")
document.add_paragraph("各单位督查事项办理情况统计如下：")
table = document.add_table(rows=3, cols=3)
for row, cells in zip(table.rows, (("单位", "交办事项", "办结事项"), ("县委办公室", "24", "23"), ("县政府办公室", "31", "30"))):
    for cell, text in zip(row.cells, cells):
        cell.text = text
closing = document.add_paragraph("同志们，办公室工作无小事。")
closing.add_run().add_break()
closing.add_run("希望大家以更高标准、更严要求、更实作风，推动全县办公室工作再上新台阶。")
document.save(out)

# The footnote, added as Word stores one: a part, its relationship, its content type, a reference.
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
footnotes = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 据县委办公室统计，全年编发信息专报一百零六期。</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>')
reference = ('</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
             '<w:r><w:t xml:space="preserve">')
with zipfile.ZipFile(out) as source:
    parts = {name: source.read(name) for name in source.namelist()}
parts["word/document.xml"] = parts["word/document.xml"].replace("[[NOTE]]".encode(), reference.encode())
parts["word/footnotes.xml"] = footnotes.encode()
parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
    b"</Relationships>",
    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
    b"</Types>",
    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
    for name, data in parts.items():
        target.writestr(name, data)
