#!/bin/sh
# make.sh: regenerates the import corpus: text, DOCX and gold files by compose.py, the PDFs
# from their DOCX by LibreOffice, and a scan (a PDF with an image and no text layer).
# Usage: tests/import/corpus/make.sh   (writes into its own folder; commit the result)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
rm -f ./*.txt ./*.docx ./*.pdf ./*.gold.json ./*.layout
python3 compose.py "$here"
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to pdf --outdir "$work" ./*.pdfsrc.docx >/dev/null 2>&1
for f in "$work"/*.pdfsrc.pdf; do
	b=$(basename "$f" .pdfsrc.pdf)
	mv "$f" "$here/$b.pdf"
done
rm -f ./*.pdfsrc.docx
# Laid out run by run, as other word processors and portals write PDFs.
cc -O1 -o "$work/mkpdf" mkpdf.c $(pkg-config --cflags --libs cairo)
for f in ./*.layout; do
	"$work/mkpdf" "${f%.layout}.pdf" < "$f"
	rm -f "$f"
done
python3 - "$here/scan.pdf" <<'PY'
# A page holding one grey image and no text, as a scanner writes it.
import sys, zlib
w = h = 64
img = zlib.compress(bytes([200]) * (w * h))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
        None]
content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
objs[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
ls "$here" | grep -c 'gold.json$' | sed 's/$/ documents/'
