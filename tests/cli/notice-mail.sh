#!/bin/bash
# notice-mail.sh: an issued notice goes out by e-mail with its PDF attached, a link when a public
# URL is set, and a Message-ID of its own per message, through a real SMTP listener on 127.0.0.1.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
# The demo's seed is issued (512-TB/HU); its correction is the notice issued and mailed here.
SEED=$("${D[@]}" --json notice list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ID=$("${D[@]}" --json notice correct "$SEED" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# A second recipient with an address: two messages in one run.
sql demo.db "UPDATE recipient SET email = 'cacdonvi@tanyen.example' WHERE position = 2 AND
	group_id = (SELECT id FROM recipient_group WHERE code = 'tb-bch')" ||
	not_ok "a second address in the recipient group"
check "the demo notice is issued (no mail server yet)" "${D[@]}" notice issue "$ID" --date 04/10/2023
# A copy of the store as issued, its two deliveries still queued, for two runs at once below.
for f in demo.db*; do cp "$f" "copy${f#demo}"; done

SINK="$(dirname "$0")/smtp_sink.py"
mkdir -p mail
python3 "$SINK" "$PWD/mail" &
SINK_PID=$!
trap 'kill "$SINK_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -f mail/port ] && break; sleep 0.1; done
SMTP="smtp://127.0.0.1:$(cat mail/port)"

out=$("${D[@]}" notice send "$ID" --smtp "$SMTP" --from vp@tanyen.example --public-url "https://dondoc tan yen" 2>&1)
check_eq "a malformed public URL is refused (exit 3)" "$?" "3"
case "$out" in *"địa chỉ công khai"*"không hợp lệ"*) ok "the refusal names the public URL" ;;
*) not_ok "the refusal names the public URL" "$out" ;; esac
check_eq "and nothing was sent" "$(ls mail/msg-*.eml 2>/dev/null | wc -l)" "0"

check "notice send with DONDOC_PUBLIC_URL" env DONDOC_PUBLIC_URL=https://dondoc.tanyen.example/ \
	"${D[@]}" notice send "$ID" --smtp "$SMTP" --from vp@tanyen.example
check_eq "two messages, one per address" "$(ls mail/msg-*.eml 2>/dev/null | wc -l)" "2"

# Each message parsed as a mail client would.
res=$(python3 - mail/msg-*.eml <<'PY'
import email, email.policy, sys
ids, out = [], []
for path in sys.argv[1:]:
    m = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
    ids.append(m["Message-ID"])
    parts = list(m.iter_parts()) if m.is_multipart() else []
    pdf = [p for p in parts if p.get_content_type() == "application/pdf"]
    text = m.get_body(preferencelist=("plain",))
    out.append((m.get_content_type(), len(pdf),
                pdf[0].get_filename() if pdf else None,
                pdf[0].get_content_disposition() if pdf else None,
                pdf[0]["Content-Transfer-Encoding"] if pdf else None,
                pdf[0].get_content()[:5] if pdf else None,
                "Đinh Đức Cảnh" in text.get_content(),
                "Văn bản kèm theo: 513-TB-HU.pdf" in text.get_content()))
print(len(set(ids)) == len(ids) == 2 and all(i and i.startswith("<") and "@tanyen.example>" in i for i in ids))
for o in out:
    print(o)
PY
)
check_eq "every message has its own Message-ID at the sender's domain" "$(echo "$res" | head -1)" "True"
want="('multipart/mixed', 1, '513-TB-HU.pdf', 'attachment', 'base64', b'%PDF-', True, True)"
check_eq "message 1: the issued text and the PDF, base64, named after the number, decoding to a PDF" \
	"$(echo "$res" | sed -n 2p)" "$want"
check_eq "message 2 the same" "$(echo "$res" | sed -n 3p)" "$want"
check_eq "the text links to the notice's page at the public URL" \
	"$(grep -h -c "^Xem trên dondoc: https://dondoc.tanyen.example/notices/$ID" mail/msg-*.eml | tr '\n' ' ')" "1 1 "
python3 - mail/msg-1.eml <<'PY' >att.pdf
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
sys.stdout.buffer.write([p for p in m.iter_parts() if p.get_content_type() == "application/pdf"][0].get_content())
PY
if command -v pdftotext >/dev/null; then
	pdftotext -enc UTF-8 att.pdf att.txt
	grep -q "Đinh Đức Cảnh" att.txt && grep -q "Số 513-TB/HU" att.txt &&
		ok "the attached PDF is the issued notice, with its number" ||
		not_ok "the attached PDF is the issued notice, with its number" "$(head -20 att.txt)"
fi
check_eq "both deliveries are recorded as sent" \
	"$("${D[@]}" --json notice show "$ID" | python3 -c 'import json,sys; d=json.load(sys.stdin)["deliveries"]; print(sorted(x["status"] for x in d))')" \
	"['paper', 'paper', 'paper', 'sent', 'sent']"
kill "$SINK_PID" 2>/dev/null
wait "$SINK_PID" 2>/dev/null

# Two hosts sending the same notice at once (a slow server, so that they overlap): each
# delivery is claimed by one of them, and each address gets the notice once.
rm -rf mail
mkdir -p mail
SMTP_SINK_DELAY=0.5 python3 "$SINK" "$PWD/mail" &
SINK_PID=$!
for _ in $(seq 100); do [ -f mail/port ] && break; sleep 0.1; done
SMTP="smtp://127.0.0.1:$(cat mail/port)"
C=("$DONDOC" --db copy.db notice send "$ID" --smtp "$SMTP" --from vp@tanyen.example)
"${C[@]}" >s1.out 2>&1 &
p1=$!
"${C[@]}" >s2.out 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
check_eq "both runs succeed" "$s1 $s2" "0 0"
check_eq "two messages in all, one per address" \
	"$(grep -h '^X-Envelope-To:' mail/msg-*.eml | sort | tr -d '\r' | tr '\n' ' ')" \
	"X-Envelope-To: cacdonvi@tanyen.example X-Envelope-To: thuongtruc@tanyen.example "
check_eq "both deliveries are recorded as sent once" \
	"$(sql copy.db "SELECT status, count(*) FROM notice_delivery WHERE notice_id = $ID AND channel = 'email' GROUP BY status")" "sent|2"
check_eq "no claim is left behind" "$(sql copy.db 'SELECT count(*) FROM job_claim')" "0"
kill "$SINK_PID" 2>/dev/null
wait "$SINK_PID" 2>/dev/null
done_testing
