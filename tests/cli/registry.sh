#!/bin/bash
# registry.sh: the registry's verbs on the demo store: listing, showing, adding, refusing, numbering.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Acceptance: session 26 of 2023-10-04 with five agenda items.
out=$("${D[@]}" session list --json)
check_eq "session list --json shows session 26" \
	"$(echo "$out" | json '[(s["number"], s["date"], len(s["agenda"])) for s in d if s["number"] == 26]')" \
	"[(26, '2023-10-04', 5)]"
check_eq "agenda items carry kind and title" \
	"$(echo "$out" | json 'd[0]["agenda"][3]["doc_kind"] + " " + d[0]["agenda"][3]["title"].split(" của ")[0]')" \
	"Tờ trình sửa đổi, bổ sung Quy chế làm việc"
check_eq "items 2 and 3 link the resolutions" \
	"$(echo "$out" | json '[a.get("document_symbol") for a in d[0]["agenda"]]')" \
	"[None, '22-NQ/HU', '56-NQ/HU', None, None]"
check_eq "session show by organ, term and number" \
	"$("${D[@]}" --json session show --organ HU:bch --term XXII --number 26 | json 'd["status"] + " " + d["organ"]')" \
	"concluded Ban Chấp hành Đảng bộ huyện"
out=$("${D[@]}" session show 1)
case "$out" in
*"Phiên họp thứ 26"*"04/10/2023"*"(5) Tờ trình"*) ok "session show prints the session and its agenda" ;;
*) not_ok "session show prints the session and its agenda" "$out" ;;
esac

# doc symbol: the parts as JSON.
check_eq "doc symbol of a Party number" \
	"$("$DONDOC" doc symbol "Số 512-TB/HU" | json '(d["number"], d["type"], d["issuer"], d["form"])')" \
	"(512, 'TB', 'HU', 'party')"
check_eq "doc symbol of a state number" \
	"$("$DONDOC" doc symbol "Số: 123/TB-UBND" | json '(d["number"], d["type"], d["issuer"], d["form"], d["written"])')" \
	"(123, 'TB', 'UBND', 'state', 'Số: 123/TB-UBND')"
check_eq "doc symbol of a decree with its year" \
	"$("$DONDOC" doc symbol "68/2017/NĐ-CP" | json '(d["year"], d["type"], d["issuer"])')" \
	"(2017, 'NĐ', 'CP')"
err=$("$DONDOC" doc symbol "xin chào" 2>&1 >/dev/null); rc=$?
check_eq "doc symbol of garbage exits non-zero" "$rc" "3"
case "$err" in *"không hợp lệ"*) ok "garbage gets a message" ;; *) not_ok "garbage gets a message" "$err" ;; esac

# Listings, as text and JSON.
check_eq "body list --json has the tree" \
	"$("${D[@]}" --json body list | json '[(b["code"], b["level"]) for b in d][:4]')" \
	"[('TW', 'tw'), ('TU', 'tinh'), ('HU', 'huyen'), ('UBND', 'huyen')]"
check_eq "term list --json" \
	"$("${D[@]}" --json term list --body HU | json '[(t["name"], t["year_from"], t["year_to"]) for t in d]')" \
	"[('XXII', 2020, 2025)]"
check_eq "organ list --json" \
	"$("${D[@]}" --json organ list --body HU | json '[o["kind"] for o in d][:5]')" \
	"['bch', 'btv', 'tt', 'vp', 'ubkt']"
check_eq "unit list --json" \
	"$("${D[@]}" --json unit list --body HU | json '"Thủ trưởng các cơ quan, đơn vị" in [u["name"] for u in d]')" \
	"True"
check_eq "members of the BCH" \
	"$("${D[@]}" --json person list --organ HU:bch --date 04/10/2023 | json 'len(d), d[0]["name"]')" \
	"33 Đinh Đức Cảnh"
check_eq "doc list --json --type NQ" \
	"$("${D[@]}" --json doc list --type NQ | json 'sorted(x["symbol"] for x in d)')" \
	"['22-NQ/HU', '56-NQ/HU']"
check_eq "doc show by symbol" \
	"$("${D[@]}" --json doc show "Số 158-QĐ/TW" | json 'd["date"] + " " + d["title"]')" \
	"2008-05-12 ban hành Quy chế chất vấn trong Đảng"

# Adds, dates in Vietnamese form.
check "body add" "${D[@]}" body add --level xa --kind party --name "Đảng ủy xã Cao Xá" --code ĐU --parent HU --place "Cao Xá"
check "session add numbers the next session" "${D[@]}" session add --organ HU:bch --term XXII --date "ngày 28 tháng 12 năm 2023"
check_eq "the new session is number 27" \
	"$("${D[@]}" --json session list --organ HU:bch | json '[s["number"] for s in d]')" "[26, 27]"
check "agenda add" "${D[@]}" agenda add 2 --kind "Báo cáo" --title "kết quả năm 2023" --presenter "UBND huyện"
check "doc add a draft" "${D[@]}" doc add --type TB --body HU --title "Kết luận phiên họp thứ 27"
id=$("${D[@]}" --json doc list --type TB | json 'next(x["id"] for x in d if not x["symbol"])')
check_eq "doc issue gives 513-TB/HU, after the seed's 512-TB/HU" \
	"$("${D[@]}" --json doc issue "$id" --date 29/12/2023 | json 'd["symbol"]')" "513-TB/HU"
check_fails "issuing twice is refused" "${D[@]}" doc issue "$id"

done_testing
