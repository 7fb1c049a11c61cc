#!/usr/bin/env python3
# make.py: builds the held-out documents that are not plain text from their sources in src/:
# NAME.docx.src becomes NAME.docx, NAME.pdf.src becomes NAME.pdf (a DOCX converted by
# LibreOffice, as an office exports it). A source is the document's lines: "L ‖ R" lines
# make a borderless two-column table (issuer left, motto right), "| a | b | …" lines a
# bordered table (a header row first), a line in capitals a bold centred paragraph, any
# other line a justified paragraph. The gold files are written by hand, never from here.
# Usage: tests/import/corpus/heldout/make.py   (writes into its own folder; commit the result)
import os, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import compose  # noqa: E402  (its DOCX writer; its main() runs only as a script)


def body_xml(lines):
    out, i = "", 0
    while i < len(lines):
        ln = lines[i]
        if "‖" in ln:
            rows = []
            while i < len(lines) and "‖" in lines[i]:
                rows.append([c.strip() for c in lines[i].split("‖", 1)])
                i += 1
            left = [r[0] for r in rows if r[0]]
            right = [r[1] for r in rows if r[1]]
            out += compose.wtable([[left, right]], [4000, 5600], borders=False)
            continue
        if ln.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            n = len(rows[0])
            widths = [600, 3400, 2000, 2000, 1600][-n:] if n <= 5 else [9600 // n] * n
            out += compose.wtable(rows, widths)
            continue
        if ln.strip():
            up = ln.isupper() and len(ln) > 3
            out += compose.wp(ln, bold=up, center=up)
        i += 1
    return out


def write_docx(lines, path):
    doc = type("D", (), {})()
    xml = body_xml(lines)
    # compose.to_docx lays out a Doc; here the body is ready, so write the parts directly.
    orig = compose.to_docx.__globals__["wp"]
    doc.header_left, doc.header_right, doc.kind, doc.blocks, doc.recipients, doc.sig = [], [], "", [], [], ["", "", ""]
    tmp = path + ".part"
    compose.to_docx(doc, tmp, False)
    import zipfile
    zin = zipfile.ZipFile(tmp)
    zout = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode("utf-8")
            start = s.index("<w:body>") + len("<w:body>")
            end = s.index("<w:sectPr>")
            s = s[:start] + xml + s[end:]
            data = s.encode("utf-8")
        zout.writestr(item, data)
    zout.close()
    zin.close()
    os.remove(tmp)
    del orig


def build(folder):
    """Writes folder's DOCX and PDF files from folder/src/*.src (a PDF through LibreOffice)."""
    src = os.path.join(folder, "src")
    work = tempfile.mkdtemp(prefix="dondoc-heldout.")
    try:
        for f in sorted(os.listdir(src)):
            if not f.endswith(".src"):
                continue
            name, fmt = f[:-4].rsplit(".", 1)
            lines = open(os.path.join(src, f), encoding="utf-8").read().split("\n")
            if fmt == "docx":
                write_docx(lines, os.path.join(folder, name + ".docx"))
            else:
                d = os.path.join(work, name + ".docx")
                write_docx(lines, d)
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
                                "--convert-to", "pdf", "--outdir", work, d], check=True, capture_output=True)
                shutil.move(os.path.join(work, name + ".pdf"), os.path.join(folder, name + ".pdf"))
    finally:
        shutil.rmtree(work)


def main():
    build(here)


if __name__ == "__main__":
    main()
