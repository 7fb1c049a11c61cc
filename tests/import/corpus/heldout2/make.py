#!/usr/bin/env python3
# make.py: builds the second held-out set's DOCX and PDF files from their sources in src/,
# the way heldout/make.py does (same source layout: "L ‖ R" a borderless two-column table,
# "| a | b |" a bordered table, a line in capitals a bold centred paragraph), with the body
# set in 14 point as state and Party documents are. The gold files are written by hand,
# by reading the documents, never from here or from the importer.
# Usage: tests/import/corpus/heldout2/make.py   (writes into its own folder; commit the result)
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "heldout"))
sys.path.insert(0, os.path.dirname(here))
import compose  # noqa: E402
import make as first  # noqa: E402  (heldout/make.py: its build and DOCX writer)

_wp = compose.wp


def wp14(t, bold=False, center=False, size=None):
    return _wp(t, bold=bold, center=center, size=size or 28)


def main():
    compose.wp = wp14  # body_xml and wtable look it up when they run
    first.build(here)


if __name__ == "__main__":
    main()
