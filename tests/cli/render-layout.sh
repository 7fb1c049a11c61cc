#!/bin/bash
# render-layout.sh: notices and follow-up reports fit to file: one typeface in the PDF, page
# breaks that keep the signature with the text, hanging recipient lines, the report's header
# and signature, and the DOCX opening in LibreOffice with the PDF's text.
. "$(dirname "$0")/lib.sh"

for t in pdftotext pdffonts pdfinfo python3; do
	command -v "$t" >/dev/null || {
		echo "1..0 # SKIP $t is not installed"
		exit 0
	}
done
"$DONDOC" --db demo.db init --demo >/dev/null 2>&1 || {
	echo "1..0 # SKIP the demo has no bodies in this build"
	exit 0
}
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
ID=$("$DONDOC" --db demo.db --json notice list | j 'd[0]["id"]')
BODY=$("$DONDOC" --db demo.db --json notice list | j 'd[0]["body"]')
SESSION=$("$DONDOC" --db demo.db --json notice list | j 'd[0]["session"]["id"]')
"$DONDOC" --db demo.db notice template "$ID" >seed.tmpl

# variant OUT EXTRA [TO]: the demo template with EXTRA one-line paragraphs before its last
# paragraph ("5. Giao Văn phòng … theo quy định./.") and, with TO, one more recipient.
variant() {
	python3 - seed.tmpl "$1" "$2" "${3:-}" <<'PY'
import sys
src, out, extra, to = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
t = open(src, encoding="utf-8").read()
if to:
    t = t.replace("@archive", "@to " + to + "\n@archive", 1)
at = t.index("5. Giao Văn phòng")
t = t[:at] + "".join(f"Nội dung bổ sung số {k} của phiên họp.\n\n" for k in range(1, extra + 1)) + t[at:]
open(out, "w", encoding="utf-8").write(t)
PY
}
# create FILE: a draft notice of the demo's session from FILE; prints its id.
create() {
	"$DONDOC" --db demo.db --json notice create "$1" --body "$BODY" --session "$SESSION" | j 'd["id"]'
}

# 1. One typeface: Liberation Serif in its four styles, nothing from DejaVu or any other font.
# A long paragraph of body text, forty times over, makes the long notice.
python3 - seed.tmpl long.tmpl <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
at = t.index("5. Giao Văn phòng")
para = ("Nhất quán kết quả chủ trương của Đảng bộ, Huyện ủy yêu cầu các cấp ủy, chính quyền, "
        "Ủy ban MTTQ và các đoàn thể tiếp tục quán triệt, thực hiện nghiêm túc, hiệu quả "
        "các nghị quyết, kết luận; khắc phục những hạn chế, khuyết điểm đã chỉ ra.\n\n")
open(sys.argv[2], "w", encoding="utf-8").write(t[:at] + para * 40 + t[at:])
PY
LONG=$(create long.tmpl)
check "the seed notice renders as PDF" "$DONDOC" --db demo.db notice render "$ID" --format pdf --output seed.pdf
check "the long notice renders as PDF" "$DONDOC" --db demo.db notice render "$LONG" --format pdf --output long.pdf
pages=$(pdfinfo long.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 3 ] && ok "the long notice has 3 pages or more ($pages)" || not_ok "the long notice has 3 pages or more" "pages: $pages"
# fonts FILE: the embedded fonts without their subset tag, sorted and unique.
fonts() { pdffonts "$1" | awk 'NR > 2 {print $1}' | sed 's/^[A-Z]\{6\}+//' | sort -u | tr '\n' ' '; }
for f in seed long; do
	got=$(fonts $f.pdf)
	echo "# pdffonts $f.pdf: $got"
	check_eq "$f: every font is Liberation Serif, in its four styles" "$got" \
		"LiberationSerif LiberationSerif-Bold LiberationSerif-BoldItalic LiberationSerif-Italic "
	case "$got" in *DejaVu*) not_ok "$f: nothing from DejaVu" "$got" ;; *) ok "$f: nothing from DejaVu" ;; esac
done

# A character the typeface lacks is an error naming it and where it is; no file is written.
printf '@sign T/M | HUYỆN ỦY | BÍ THƯ | Đinh Đức Cảnh\n\nVăn bản có chữ Hán 漢 ở giữa./.\n' >han.tmpl
HAN=$(create han.tmpl)
out=$("$DONDOC" --db demo.db notice render "$HAN" --format pdf --output han.pdf 2>&1)
check_eq "a letter the font lacks is refused (exit 3)" "$?" "3"
case "$out" in *"U+6F22"*"chữ Hán 漢"*) ok "the refusal names the letter and its place" ;; *) not_ok "the refusal names the letter and its place" "$out" ;; esac
check_eq "and leaves no file" "$(ls han.pdf* 2>/dev/null)" ""
# Liberation Serif 1.07 (Debian's fonts-liberation), where 2.x is hidden from fontconfig: refused.
if [ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ]; then
	cat >old-fonts.conf <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>/usr/share/fonts/truetype/liberation2/*</glob></rejectfont></selectfont>
</fontconfig>
XML
	out=$(FONTCONFIG_FILE="$WORK/old-fonts.conf" "$DONDOC" --db demo.db notice render "$ID" --format pdf --output old.pdf 2>&1)
	check_eq "Liberation Serif 1.x is refused (exit 3)" "$?" "3"
	case "$out" in *"fonts-liberation2"*) ok "the refusal says to install fonts-liberation2" ;; *) not_ok "the refusal says to install fonts-liberation2" "$out" ;; esac
	check_eq "and leaves no file" "$(ls old.pdf* 2>/dev/null)" ""
else
	ok "Liberation Serif 1.x is refused # SKIP fonts-liberation (1.x) is not installed"
fi

# 2. Page breaks: one-line paragraphs are added until the closing blocks no longer fit under
# the text on the last page. On every length the last page holds body text (the end of the
# last paragraph, "./.") above the whole closing: Nơi nhận and the signature block.
pages0=""
moved=""
failed=""
for k in $(seq 0 40); do
	variant v$k.tmpl "$k"
	n=$(create v$k.tmpl)
	"$DONDOC" --db demo.db notice render "$n" --format pdf --output v$k.pdf 2>/dev/null || {
		not_ok "the notice with $k more paragraphs renders"
		failed=1
		break
	}
	p=$(pdfinfo v$k.pdf | awk '/^Pages:/ {print $2}')
	last=$(pdftotext -f "$p" -l "$p" -enc UTF-8 v$k.pdf - | tr -s ' \n' '  ')
	bad=""
	for w in "./." "Nơi nhận" "T/M HUYỆN ỦY" "BÍ THƯ" "Đinh Đức Cảnh"; do
		case "$last" in *"$w"*) ;; *) bad="$bad '$w'" ;; esac
	done
	case "$last" in *"./."*"Nơi nhận"*) ;; *) bad="$bad (the text is not above the closing)" ;; esac
	[ -n "$bad" ] && {
		not_ok "with $k more paragraphs the last page ($p) holds body text and the closing" "missing:$bad" "$last"
		failed=1
		break
	}
	[ -z "$pages0" ] && pages0=$p
	if [ "$p" -gt "$pages0" ]; then
		moved=$k
		break
	fi
done
if [ -n "$moved" ]; then
	ok "the closing kept body text with it on every length up to the new page ($moved more paragraphs)"
	# The notice one paragraph shorter ended at the bottom of the page, with the closing.
	prev=$((moved - 1))
	pp=$(pdfinfo v$prev.pdf | awk '/^Pages:/ {print $2}')
	check_eq "one paragraph fewer fits on $pages0 pages" "$pp" "$pages0"
elif [ -z "$failed" ]; then
	not_ok "forty more paragraphs reach a new page"
fi

# A recipient line that wraps goes on under its text, past the "- ".
TO="Ban Tuyên giáo, Ban Tổ chức, Ban Dân vận, Ủy ban Kiểm tra Huyện ủy và các chi bộ, đảng bộ cơ sở trực thuộc (để thực hiện)"
variant rcp.tmpl 0 "$TO"
RCP=$(create rcp.tmpl)
check "the notice with a long recipient renders" "$DONDOC" --db demo.db notice render "$RCP" --format pdf --output rcp.pdf
p=$(pdfinfo rcp.pdf | awk '/^Pages:/ {print $2}')
pdftotext -f "$p" -l "$p" -bbox rcp.pdf rcp.html
check_eq "the wrapped recipient line hangs under its text" "$(python3 - rcp.html <<'PY'
import re, sys
words = [(float(a), float(b), float(c), w) for a, b, c, w in
         re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                    open(sys.argv[1], encoding="utf-8").read())]
left = [w for w in words if w[0] < 280]  # the Nơi nhận column
i = next(k for k in range(len(left) - 2) if left[k][3] == "-" and left[k + 1][3] == "Ban" and left[k + 2][3] == "Tuyên")
dash_x, text_x, y = left[i][0], left[i + 1][0], left[i][1]
nexty = min(w[1] for w in left if w[1] > y + 1)
cont_x = min(w[0] for w in left if abs(w[1] - nexty) < 1)
if abs(cont_x - text_x) > 1.5 or cont_x < dash_x + 3:
    print(f"continuation at x={cont_x:.1f}, dash at {dash_x:.1f}, text at {text_x:.1f}")
else:
    print("hangs")
PY
)" "hangs"

# 3. The follow-up report: the office's header, number line, place and date, signature block.
check "the follow-up report renders as PDF" "$DONDOC" --db demo.db tasks followup "$ID" --as-of 2023-11-27 --format pdf --output f.pdf
first=$(pdftotext -f 1 -l 1 -enc UTF-8 f.pdf - | tr -s ' \n' '  ')
for w in "HUYỆN ỦY TÂN YÊN" "VĂN PHÒNG" "ĐẢNG CỘNG SẢN VIỆT NAM" "Số -BC/VPHU" "Tân Yên, ngày 27 tháng 11 năm 2023" "BÁO CÁO"; do
	case "$first" in *"$w"*) ok "follow-up page 1: '$w'" ;; *) not_ok "follow-up page 1: '$w'" "$first" ;; esac
done
all=$(pdftotext -enc UTF-8 f.pdf - | tr -s ' \n' '  ')
case "$all" in *"Nơi nhận"*"T/L BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG"*"……"*) ok "follow-up: the signature block (T/L, position, a line for the name)" ;; *) not_ok "follow-up: the signature block (T/L, position, a line for the name)" "$all" ;; esac

# 4. The DOCX of the seed notice, the long notice and the follow-up open in LibreOffice, and
# its PDF holds the same words as ours (white space, page numbers and the drawn rule aside).
if ! command -v soffice >/dev/null; then
	ok "LibreOffice opens the DOCX # SKIP LibreOffice (soffice) is not installed"
	done_testing
	exit $?
fi
check "the seed notice renders as DOCX" "$DONDOC" --db demo.db notice render "$ID" --format docx --output seed.docx
check "the long notice renders as DOCX" "$DONDOC" --db demo.db notice render "$LONG" --format docx --output long.docx
check "the follow-up report renders as DOCX" "$DONDOC" --db demo.db tasks followup "$ID" --as-of 2023-11-27 --format docx --output f.docx
mkdir -p lo
HOME="$WORK" timeout 300 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
	--convert-to pdf --outdir "$WORK/lo" seed.docx long.docx f.docx >lo.log 2>&1
check_eq "soffice converts the three DOCX without error" "$?" "0"
for f in seed long f; do
	if [ ! -s lo/$f.pdf ]; then
		not_ok "$f: LibreOffice wrote a PDF" "$(cat lo.log)"
		continue
	fi
	pdftotext -enc UTF-8 lo/$f.pdf lo/$f.txt
	pdftotext -enc UTF-8 $f.pdf $f.txt
	if res=$(python3 - $f.txt lo/$f.txt <<'PY'
import collections, re, sys
def words(path):
    # pdftotext joins a word hyphenated at a line's end ("56-" "NQ/HU" → "56NQ/HU"):
    # hyphens are compared away, as are page numbers and the DOCX's rule
    t = open(path, encoding="utf-8").read().replace("\u2060", "").replace("\u00a0", " ")
    t = t.replace("-", "")
    return collections.Counter(w for w in t.split() if not re.fullmatch(r"[0-9]+|─+", w))
ours, lo = words(sys.argv[1]), words(sys.argv[2])
missing, extra = ours - lo, lo - ours
print("missing in LibreOffice's", dict(missing), "extra", dict(extra))
sys.exit(1 if missing or extra else 0)
PY
	); then ok "$f: LibreOffice's PDF of the DOCX has our PDF's words"; else not_ok "$f: LibreOffice's PDF of the DOCX has our PDF's words" "$res"; fi
done
done_testing
