#!/usr/bin/env python3
"""xlsx_read.py FILE: the first worksheet of an XLSX as JSON, read from its XML as a
spreadsheet would: print setup, merged cells, and every cell with its type, value and
number format ("date" when the format is a date format)."""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
ws = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
styles = ET.fromstring(z.read("xl/styles.xml"))
strings = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter("{%s}numFmt" % NS["m"])}
xfs = [int(x.get("numFmtId", "0")) for x in styles.find("m:cellXfs", NS).findall("m:xf", NS)]
BUILTIN_DATES = set(range(14, 23))


def fmt_of(style):
    fid = xfs[int(style)] if style is not None else 0
    code = fmts.get(fid, "")
    is_date = fid in BUILTIN_DATES or bool(re.search(r"(^|[^\"])(d+|y+)", code) and "#" not in code)
    return code, is_date


cells = {}
for c in ws.iter("{%s}c" % NS["m"]):
    t = c.get("t", "n")
    v = c.find("m:v", NS)
    code, is_date = fmt_of(c.get("s"))
    if t == "s":
        cells[c.get("r")] = {"type": "string", "value": strings[int(v.text)]}
    elif t == "inlineStr":
        cells[c.get("r")] = {"type": "string", "value": "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))}
    elif v is not None:
        cells[c.get("r")] = {"type": "date" if is_date else "number", "value": float(v.text), "format": code}
names = {d.get("name"): d.text for d in wb.iter("{%s}definedName" % NS["m"])}
ps = ws.find("m:pageSetup", NS)
pr = ws.find("m:sheetPr/m:pageSetUpPr", NS)
print(json.dumps({
    "print_area": names.get("_xlnm.Print_Area"),
    "print_titles": names.get("_xlnm.Print_Titles"),
    "fit_to_page": pr is not None and pr.get("fitToPage") == "1",
    # OOXML's defaults: fitToWidth and fitToHeight are 1 when not written
    "fit_to_width": int(ps.get("fitToWidth", "1")) if ps is not None else None,
    "fit_to_height": int(ps.get("fitToHeight", "1")) if ps is not None else None,
    "orientation": ps.get("orientation", "portrait") if ps is not None else None,
    "paper": ps.get("paperSize") if ps is not None else None,
    "merged": [m.get("ref") for m in ws.iter("{%s}mergeCell" % NS["m"])],
    "cells": cells,
}, ensure_ascii=False))
