#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the sample and the test fixtures."""
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


sample = open(os.path.join(ROOT, "assets", "plans-2021.txt"), "rb").read()
for i in range(0, len(sample), 8192):
    write("document", f"sample-{i // 8192:03}", sample[i:i + 8192])
for path in glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.txt")):
    write("document", os.path.basename(path), open(path, "rb").read())
lines = [line for line in sample.decode().split("\n") if line.strip()]
for i, line in enumerate(lines[:300:3]):
    # The wrap target reads a width byte, then the text.
    write("wrap", f"line-{i:03}", bytes([20 + i % 60]) + line.encode())
record = {
    "version": 1,
    "document": "abc",
    "paths": ["/x/plans.txt"],
    "position": {"value": {"path": ["第一部分", "第十五章"], "paragraph": 2, "offset": 5,
                           "snippet": "打造数字经济"}, "at": 1},
    "bookmarks": [{"id": "a", "anchor": {"path": ["一、"], "paragraph": 0, "offset": 0,
                                         "snippet": "正文"}, "note": "考点", "created": 1,
                   "modified": 2}],
    "deleted": ["x"],
    "read": [{"path": ["一、"], "read": True, "at": 3}],
    "sessions": [{"id": "s", "start": 1, "end": 9,
                  "sections": [{"path": ["一、"], "millis": 1000}], "finished": [["一、"]]}],
}
write("store", "record.json", json.dumps(record, ensure_ascii=False).encode())
write("store", "newer.json", b'{"version": 2, "document": "x"}')
# The pdf target takes the small hand-made PDFs of the tests.
for path in glob.glob(os.path.join(ROOT, "tests", "fixtures", "pdf", "*.pdf")):
    if os.path.getsize(path) < 64 * 1024:
        write("pdf", os.path.basename(path), open(path, "rb").read())
# The copy target takes text: the test fixtures, and the sample's opening with
# escape sequences and controls strewn in.
hostile = "正文开始\x1b[201~echo PWNED\x07\u009b2J结束。\x1b]0;title\x07\u202e末"
write("copy", "hostile", hostile.encode())
write("copy", "sample-opening", sample[:4096])
# Word files: the fixtures as they are (zips), and the parts of one, NUL-separated
# (document.xml, numbering.xml, styles.xml), which the docx target zips itself.
import zipfile

formats = os.path.join(ROOT, "tests", "fixtures", "formats")
for name in ("numbered.docx", "gwr-jilin-2025.docx"):
    write("docx", name, open(os.path.join(formats, name), "rb").read())
with zipfile.ZipFile(os.path.join(formats, "numbered.docx")) as docx:
    parts = [docx.read(f"word/{part}.xml") for part in ("document", "numbering", "styles")]
write("docx", "numbered-parts", b"\0".join(parts))
# Web pages: the fixtures.
for path in glob.glob(os.path.join(formats, "*.html")):
    write("html", os.path.basename(path), open(path, "rb").read())
