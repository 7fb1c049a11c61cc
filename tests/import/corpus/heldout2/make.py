#!/usr/bin/env python3
# make.py: builds the second held-out set's DOCX and PDF files from their sources in src/,
# the way heldout/make.py does (same source layout: "L ‖ R" a borderless two-column table,
# "| a | b |" a bordered table, a line in capitals a bold centred paragraph), with the body
# set in 14 point as state and Party documents are. The gold files are written by hand,
# by reading the documents, never from here or from the importer.
# Usage: tests/import/corpus/heldout2/make.py   (writes into its own folder; commit the result)
import os, shutil, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "heldout"))
sys.path.insert(0, os.path.dirname(here))
import compose  # noqa: E402
import make as first  # noqa: E402  (heldout/make.py: its DOCX writer)

_wp = compose.wp


def wp14(t, bold=False, center=False, size=None):
    return _wp(t, bold=bold, center=center, size=size or 28)


def main():
    compose.wp = wp14  # body_xml and wtable look it up when they run
    src = os.path.join(here, "src")
    work = tempfile.mkdtemp(prefix="dondoc-heldout2.")
    try:
        for f in sorted(os.listdir(src)):
            if not f.endswith(".src"):
                continue
            name, fmt = f[:-4].rsplit(".", 1)
            lines = open(os.path.join(src, f), encoding="utf-8").read().split("\n")
            if fmt == "docx":
                first.write_docx(lines, os.path.join(here, name + ".docx"))
            else:
                d = os.path.join(work, name + ".docx")
                first.write_docx(lines, d)
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
                                "--convert-to", "pdf", "--outdir", work, d], check=True, capture_output=True)
                shutil.move(os.path.join(work, name + ".pdf"), os.path.join(here, name + ".pdf"))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
