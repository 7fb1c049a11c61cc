#!/usr/bin/env python3
# make.py: builds the third held-out set's files from their sources in src/: NAME.docx.src and
# NAME.pdf.src as heldout2/make.py does (the first set's build, body in 14 point), and
# NAME.vni-1252.txt.utf8 / NAME.tcvn3.txt.utf8 (the document in UTF-8) as a file in the legacy
# encoding: TCVN3 bytes as they are, VNI bytes opened as Windows-1252 and saved as UTF-8.
# The gold files are written by hand, by reading the documents, never from here or from the
# importer.
# Usage: tests/import/corpus/heldout3/make.py   (writes into its own folder; commit the result)
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "heldout"))
sys.path.insert(0, os.path.dirname(here))
import compose  # noqa: E402
import make as first  # noqa: E402  (heldout/make.py: its build and DOCX writer)

_wp = compose.wp


def wp14(t, bold=False, center=False, size=None):
    return _wp(t, bold=bold, center=center, size=size or 28)


def legacy(src):
    for f in sorted(os.listdir(src)):
        if not f.endswith(".txt.utf8"):
            continue
        text = open(os.path.join(src, f), encoding="utf-8").read()
        out = os.path.join(here, f[:-len(".utf8")])
        if ".tcvn3." in f:
            open(out, "wb").write(compose.tcvn3_encode(text))
        elif ".vni-1252." in f:
            raw = compose.vni_encode(text)
            open(out, "w", encoding="utf-8").write(raw.decode("cp1252", errors="replace"))


def main():
    compose.wp = wp14  # body_xml and wtable look it up when they run
    first.build(here)
    legacy(os.path.join(here, "src"))


if __name__ == "__main__":
    main()
