#!/bin/bash
# approval.sh: approval before issuing (trình ký) over /api/v1 and the notice's page: where the
# body requires it, a draft is issued only once its signer approved it; a returned draft shows
# the signer's comments; an approved draft edited afterwards must be submitted again.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db a.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
ID=$("${D[@]}" --json notice correct 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
BODY=$(sql a.db "SELECT body_id FROM notice WHERE id = $ID")
office=$("${D[@]}" user token vanphong approval | tail -1)
member=$("${D[@]}" user token uyvien approval | tail -1)
"${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)

# call TOKEN PATH [JSON]: POST; prints the status, the answer in out.json
call() {
	curl -s -o out.json -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
		-H 'Content-Type: application/json' --data "${3:-{\}}" "${url}api/v1/notices/$ID/$2"
}
field() { python3 -c 'import json,sys; d=json.load(open("out.json")); print(eval("d"+sys.argv[1]))' "$1"; }

code=$(call "$office" submit)
check_eq "without the body's rule a draft may still be submitted" "$code:$(field '["required"]')" "200:False"
check "the district now requires approval" "${D[@]}" body approval "$BODY" --required yes
code=$(call "$member" return '{"comment":"Bổ sung số liệu quý III vào mục 2."}')
check_eq "the signer returns it with a comment" "$code:$(field '["state"]')" "200:return"
code=$(call "$office" issue '{"date":"2023-10-05"}')
case "$code:$(cat out.json)" in 422:*"chưa được người ký duyệt"*"trả lại"*) ok "a returned draft cannot be issued (422, says why)" ;;
*) not_ok "a returned draft cannot be issued (422, says why)" "$code $(cat out.json)" ;; esac
get() { curl -s -o out.json -w '%{http_code}' -H "Authorization: Bearer $office" "${url}api/v1/notices/$ID"; }
code=$(get)
check_eq "GET /api/v1/notices/{id}: the returned draft's state, who returned it and the comment" \
	"$code:$(field '["approval"]["state"]'):$(field '["approval"]["returned"]["by"]'):$(field '["approval"]["comments"][0]["comment"]'):$(field '["approval"]["submitted"]["by"]')" \
	"200:return:api:uyvien:Bổ sung số liệu quý III vào mục 2.:api:vanphong"
check_eq "a draft has no signed copy nor issued PDF" "$(field '["signed"]["record"]'):$(field '["issued_pdf"]')" "False:None"

# the office's page shows the signer's comments
csrf=$(curl -s -c vp.jar "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b vp.jar -c vp.jar -o /dev/null --data-urlencode "login=vanphong" \
	--data-urlencode "password=demo-vanphong" --data-urlencode "_csrf=$csrf" "${url}login"
page=$(curl -s -b vp.jar "${url}notices/$ID")
case "$page" in *"Trình ký"*"người ký trả lại"*"Bổ sung số liệu quý III vào mục 2."*"Trình ký</button>"*)
	ok "the returned draft's page shows the comment and 'Trình ký' again" ;;
*) not_ok "the returned draft's page shows the comment and 'Trình ký' again" ;; esac

code=$(call "$member" return '{"comment":"x"}')
check_eq "a draft not submitted cannot be returned (400)" "$code" "400"
csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
code=$(curl -s -b vp.jar -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$csrf" "${url}notices/$ID/submit")
check_eq "the office submits it again from the page (303)" "$code" "303"
code=$(call "$office" approve)
check_eq "the office cannot approve (403)" "$code" "403"
code=$(call "$member" return '{"comment":"  "}')
case "$code:$(cat out.json)" in 400:*'"comment"'*"ý kiến"*) ok "returning without a comment is refused, naming it" ;;
*) not_ok "returning without a comment is refused, naming it" "$code $(cat out.json)" ;; esac
code=$(call "$member" approve)
check_eq "the signer approves it" "$code:$(field '["state"]')" "200:approve"
code=$(call "$office" submit)
check_eq "an approved draft is not submitted again (400)" "$code" "400"

# an approved draft edited afterwards needs a new approval
tmpl=$("${D[@]}" notice template "$ID")
code=$(curl -s -o out.json -w '%{http_code}' -X PUT -H "Authorization: Bearer $office" -H 'Content-Type: application/json' \
	--data "$(python3 -c 'import json,sys; print(json.dumps({"template": sys.argv[1] + "\nThêm một câu.\n"}))' "$tmpl")" \
	"${url}api/v1/notices/$ID/template")
check_eq "the approved draft is edited" "$code" "200"
code=$(call "$office" issue '{"date":"2023-10-05"}')
case "$code:$(cat out.json)" in 422:*"sửa sau khi trình"*) ok "an edit voids the approval: issuing refused" ;;
*) not_ok "an edit voids the approval: issuing refused" "$code $(cat out.json)" ;; esac
call "$office" submit >/dev/null
call "$member" approve >/dev/null
code=$(call "$office" issue '{"date":"2023-10-05"}')
check_eq "submitted and approved again, it is issued" "$code" "200"
code=$(curl -s -o out.json -w '%{http_code}' -H "Authorization: Bearer $office" "${url}api/v1/notices/$ID")
check_eq "with its number" "$(field '["symbol"]')" "513-TB/HU"
check_eq "the API tells who approved it, and the state as approved" \
	"$(field '["approval"]["state"]'):$(field '["approval"]["approved"]["by"]'):$(field '["approval"]["required"]')" "approve:api:uyvien:True"
check_eq "the issued notice's PDF kept since issue, with its hash" \
	"$(field '["issued_pdf"]["sha256"]')" "$(sql a.db "SELECT sha256 FROM notice_issued WHERE notice_id = $ID")"
steps=$(sql a.db "SELECT step FROM notice_approval WHERE notice_id = $ID ORDER BY id" | paste -sd, -)
check_eq "every step is in the notice's history" "$steps" "submit,return,submit,approve,edit,submit,approve"
check_eq "with who took it" "$(sql a.db "SELECT actor FROM notice_approval WHERE notice_id = $ID AND step = 'return'")" "api:uyvien"
done_testing
