# import_checks.py: expected values of the extraction of the test notices, one check a line.
import json, sys
CHECKS = [
    ('state form: number and issuer', 'ubnd.json', '[d["document"]["symbol"], d["document"]["issuer"], d["document"]["issuer_symbol"]]', '["245/TB-UBND", "Ủy ban nhân dân huyện Lạng Giang", "UBND"]'),
    ('state form: signature TL.', 'ubnd.json', 'd["document"]["signature"]', '{"authority": "TL. CHỦ TỊCH", "position": "CHÁNH VĂN PHÒNG", "name": "Nguyễn Văn Hùng"}'),
    ('two plan baselines in one sentence', 'ubnd.json', '[d["figures"][0]["pct_of_plan"], d["figures"][0]["plan_kind"], d["figures"][0]["growth_pct"]]', '[[126.3, 117.6], ["dự toán tỉnh giao", "dự toán HĐND huyện giao"], 8.4]'),
    ('label after a leading period phrase', 'ubnd.json', 'd["figures"][0]["label"]', '"Thu ngân sách nhà nước trên địa bàn"'),
    ('achieved/target and absolute growth', 'ubnd.json', '[d["figures"][1]["value"], d["figures"][1]["target"], d["figures"][2]["growth_abs"], d["figures"][2]["growth_abs_unit"]]', '[45799, 36875, 1.49, "triệu đồng"]'),
    ('ratio 15/24 chỉ tiêu', 'ubnd.json', '[d["counts"][0]["value"], d["counts"][0]["of"], d["counts"][0]["what"]]', '[15, 24, "chỉ tiêu"]'),
    ('chủ trì, phối hợp, trước ngày', 'ubnd.json', '[d["tasks"][0]["lead"], d["tasks"][0]["coordinating"], d["tasks"][0]["due"], d["tasks"][0]["what"]]', '["Phòng Tài chính - Kế hoạch", ["Chi cục Thuế khu vực", "UBND các xã, thị trấn"], "2023-12-10", "rà soát các nguồn thu"]'),
    ('a deadline in words, a report', 'ubnd.json', '[d["tasks"][1]["assignees"], d["tasks"][1]["due"], d["tasks"][1]["report_to"]]', '[["Phòng Nông nghiệp và PTNT"], "quý III năm 2024", "UBND huyện"]'),
    ("one office named with 'và'", 'ubnd.json', 'd["tasks"][2]["assignees"]', '["Văn phòng HĐND và UBND huyện"]'),
    ("the session's own sentence is no task", 'ubnd.json', 'len(d["tasks"])', '3'),
    ('TCVN3 is detected', 'tcvn3.json', 'd["source"]["encoding"]', '"TCVN3"'),
    ('TCVN3: references in all forms', 'tcvn3.json', '[(r["symbol"], r["kind"], r["issuer"], r["date"]) for r in d["references"]]', '[["100-KL/TW", "KL", "TW", "2014-08-18"], ["6202/UBND-KT", "CV", "UBND", "2023-11-23"], ["68/2017/NĐ-CP", "NĐ", "CP", null], ["5658/BCT-CTĐP", "CV", "BCT", null]]'),
    ('TCVN3: header and signature', 'tcvn3.json', '[d["document"]["symbol"], d["document"]["issuer"], d["document"]["signature"]["name"]]', '["112-TB/ĐU", "Đảng ủy xã Tiến Dũng", "Trần Văn Bình"]'),
    ("TCVN3: tasks under 'Giao …:'", 'tcvn3.json', '[(t["assignees"], t.get("lead"), t.get("due")) for t in d["tasks"]]', '[[["Ủy ban nhân dân xã"], "Ủy ban nhân dân xã", "2024-06-30"], [["Ủy ban nhân dân xã"], null, "thường xuyên"], [["Văn phòng Đảng ủy"], null, "2024-04-02"]]'),
    ('TCVN3: a question is read', 'tcvn3.json', '[(q["asker"], q["to"]) for q in d["questioning"]["questions"]]', '[["đồng chí Nguyễn Thị Lan", "đồng chí Chủ tịch UBND xã"]]'),
    ('TCVN3: a fall is a negative growth', 'tcvn3.json', '[d["figures"][0]["growth_pct"], d["figures"][0]["pct_of_plan"]]', '[-2.1, 24.8]'),
    ('the BTV issues under its committee', 'tu.json', '[d["document"]["issuer"], d["document"]["symbol"], d["document"]["title"]]', '["Tỉnh ủy Bắc Giang", "845-TB/TU", "Kết luận của Ban Thường vụ Tỉnh ủy về tình hình kinh tế - xã hội 6 tháng đầu năm 2024"]'),
    ('roman headings do not end the body', 'tu.json', '[f["label"] for f in d["figures"]]', '["Tăng trưởng kinh tế (GRDP)", "Tổng thu ngân sách nhà nước trên địa bàn", "Giá trị xuất khẩu", "Tổng vốn đăng ký", "Giải ngân"]'),
    ('nghìn tỷ, tỷ USD, vượt, giảm so với cùng kỳ năm 2023', 'tu.json', '[(f["value"], f["unit"], f.get("pct_of_plan"), f.get("growth_pct")) for f in d["figures"][1:3]]', '[[4.6, "nghìn tỷ đồng", 51.2, -12.3], [15.8, "tỷ USD", 105.2, null]]'),
    ('tasks under a NHIỆM VỤ heading', 'tu.json', '[(t["section"], t["assignees"], t.get("due")) for t in d["tasks"]]', '[[1, ["Ban cán sự đảng UBND tỉnh"], "2024-09-30"], [2, ["Ban Tổ chức Tỉnh ủy"], "2024-08-15"], [3, ["Các huyện ủy, thành ủy"], "tháng 8/2024"]]'),
    ('a deadline inside the sentence keeps the target', 'tu.json', 'd["tasks"][0]["what"].endswith("giải ngân đạt trên 75% kế hoạch")', 'true'),
    ('a DOCX is reported as such', 'docx.json', 'd["source"]["format"]', '"docx"'),
]
cache = {}
for name, f, expr, want in CHECKS:
    if f not in cache:
        try: cache[f] = json.load(open(f))
        except Exception as e: cache[f] = None
    d = cache[f]
    try: got = json.dumps(eval(expr, {"d": d}), ensure_ascii=False)
    except Exception as e: got = f"error: {e!r}"
    print("\t".join(["PASS" if got == want else "FAIL", name, got, want]))
