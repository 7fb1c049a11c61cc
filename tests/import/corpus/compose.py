#!/usr/bin/env python3
# compose.py: writes the import corpus: made-up but real-looking notices, conclusions,
# instructions, letters and plans of Party and state offices from province to commune,
# each as text, DOCX (and, by make.sh, PDF) with the gold file of what a careful reader
# extracts. Deterministic: the same files on every run.
#
# Usage: compose.py OUTDIR        (writes NN-name.{txt,docx,pdfsrc.docx} and NN-name.gold.json)
import datetime as dt
import json
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
R = random.Random(17)

PROVINCES = {
    "Bắc Giang": {"Tân Yên": ["Liên Sơn", "Ngọc Vân", "Cao Xá"], "Lạng Giang": ["Tiên Lục", "Mỹ Hà", "Dương Đức"],
                  "Yên Thế": ["Đồng Kỳ", "Tam Hiệp", "Xuân Lương"]},
    "Hải Dương": {"Thanh Miện": ["Đoàn Tùng", "Lam Sơn", "Ngũ Hùng"], "Gia Lộc": ["Yết Kiêu", "Toàn Thắng", "Gia Tân"]},
    "Thái Nguyên": {"Phú Bình": ["Kha Sơn", "Tân Đức", "Điềm Thụy"], "Đại Từ": ["Hùng Sơn", "Tân Thái", "Phú Xuyên"]},
    "Nghệ An": {"Diễn Châu": ["Diễn Kỷ", "Diễn Hồng", "Diễn Thành"], "Yên Thành": ["Đô Thành", "Tăng Thành", "Phúc Thành"]},
    "Hà Tĩnh": {"Can Lộc": ["Thiên Lộc", "Vượng Lộc", "Trung Lộc"], "Hương Sơn": ["Sơn Tây", "Sơn Kim 1", "Sơn Ninh"]},
}
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Quang Minh", "Phạm Đức Thắng", "Hoàng Văn Nam",
         "Đỗ Thị Lan", "Vũ Mạnh Cường", "Bùi Thanh Tùng", "Ngô Thị Hương", "Đặng Văn Sơn", "Dương Văn Thái"]


def fmt_num(v, dec=None):
    """Vietnamese grouping: 1.234,5"""
    if dec is None:
        dec = 0 if float(v).is_integer() else len(repr(float(v)).split(".")[1])
    s = f"{v:,.{dec}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def d2s(d):
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if R.random() < 0.6 else f"{d.day}/{d.month}/{d.year}"


def iso(d):
    return d.isoformat()


def month_end(y, m):
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


ROMAN = ["", "I", "II", "III", "IV"]


class Doc:
    def __init__(self, name, level, state, kind):
        self.name, self.level, self.state, self.kind = name, level, state, kind
        self.blocks = []  # ("p", text) | ("table", rows) | ("rule",)
        self.refs, self.figs, self.counts, self.tasks = [], [], [], []
        self.header_left, self.header_right = [], []
        self.recipients, self.sig = [], []
        self.gold_doc = {}

    def p(self, text):
        self.blocks.append(("p", text))


# ---------------------------------------------------------------- issuers

def make_issuer(doc, prov, dist, comm, date, number):
    lv = doc.level
    if doc.state:
        if lv == "tinh":
            left, issuer, place, vp = ["ỦY BAN NHÂN DÂN", f"TỈNH {prov.upper()}"], f"Ủy ban nhân dân tỉnh {prov}", prov, "Văn phòng UBND tỉnh"
        elif lv == "huyen":
            left, issuer, place, vp = ["ỦY BAN NHÂN DÂN", f"HUYỆN {dist.upper()}"], f"Ủy ban nhân dân huyện {dist}", dist, "Văn phòng HĐND và UBND huyện"
        else:
            left, issuer, place, vp = ["ỦY BAN NHÂN DÂN", f"XÃ {comm.upper()}"], f"Ủy ban nhân dân xã {comm}", comm, "Văn phòng - Thống kê xã"
        sym = f"{number}/{doc.kind}-UBND" if doc.kind != "CV" else f"{number}/UBND-{R.choice(['VP', 'KT', 'NC', 'VX'])}"
        left.append(f"Số: {sym}")
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 f"{place}, ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"]
        code = "UBND"
        sig = [R.choice(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH"])]
        sig.append({"TM. ỦY BAN NHÂN DÂN": "CHỦ TỊCH", "KT. CHỦ TỊCH": "PHÓ CHỦ TỊCH", "TL. CHỦ TỊCH": "CHÁNH VĂN PHÒNG"}[sig[0]])
    else:
        if lv == "tinh":
            left, issuer, place, code, vp = [f"TỈNH ỦY {prov.upper()}"], f"Tỉnh ủy {prov}", prov, "TU", "Văn phòng Tỉnh ủy"
        elif lv == "huyen":
            left, issuer, place, code, vp = [f"ĐẢNG BỘ TỈNH {prov.upper()}", f"HUYỆN ỦY {dist.upper()}"], f"Huyện ủy {dist}", dist, "HU", "Văn phòng Huyện ủy"
        else:
            left, issuer, place, code, vp = [f"ĐẢNG BỘ HUYỆN {dist.upper()}", f"ĐẢNG ỦY XÃ {comm.upper()}"], f"Đảng ủy xã {comm}", comm, "ĐU", "Văn phòng Đảng ủy"
        left += ["*", f"Số {number}-{doc.kind}/{code}"]
        right = ["ĐẢNG CỘNG SẢN VIỆT NAM", f"{place}, ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"]
        sym = f"{number}-{doc.kind}/{code}"
        word = {"tinh": "TỈNH ỦY", "huyen": "HUYỆN ỦY", "xa": "ĐẢNG ỦY"}[lv]
        sig = [R.choice([f"T/M BAN THƯỜNG VỤ", f"T/M {word}"])]
        sig.append(R.choice(["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]))
    sig.append(R.choice(NAMES))
    doc.header_left, doc.header_right, doc.sig = left, right, sig
    doc.gold_doc = {"kind": doc.kind, "symbol": sym, "number": number, "issuer": issuer}
    doc.own = sym
    return issuer, place, code, vp


# ---------------------------------------------------------------- references

KINDS = [("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Quyết định", "QĐ"), ("Kế hoạch", "KH"),
         ("Hướng dẫn", "HD"), ("Thông báo", "TB"), ("Chương trình", "CTr")]


def ref(doc, rng_year, party=None, lost=False, paren=False, with_date=True):
    """A reference sentence fragment; records the gold."""
    party = R.random() < 0.5 if party is None else party
    kn, kc = R.choice(KINDS[:7])
    y = R.randint(rng_year - 4, rng_year)
    d = dt.date(y, R.randint(1, 12), R.randint(1, 28))
    num = R.randint(3, 2999) if not party else R.randint(3, 499)
    if party:
        iss = R.choice(["TW", "TU", "HU", "ĐU"])
        sym = f"{num:02d}-{kc}/{iss}"
        shown = sym
        who = {"TW": "Ban Chấp hành Trung ương", "TU": "Ban Thường vụ Tỉnh ủy", "HU": "Ban Thường vụ Huyện ủy", "ĐU": "Đảng ủy xã"}[iss]
        if iss == "TW":
            who = R.choice(["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"])
    else:
        choice = R.random()
        if choice < 0.35:
            kn, kc, iss = R.choice([("Nghị định", "NĐ", "CP"), ("Nghị quyết", "NQ", "CP"), ("Quyết định", "QĐ", "TTg"), ("Thông tư", "TT", "BTC")])
            sym = f"{num}/{y}/{kc}-{iss}"
            who = {"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "BTC": "Bộ Tài chính"}[iss]
        elif choice < 0.7:
            kn, kc = R.choice([("Quyết định", "QĐ"), ("Kế hoạch", "KH"), ("Thông báo", "TB"), ("Chỉ thị", "CT")])
            iss = "UBND"
            sym = f"{num}/{kc}-UBND"
            who = "UBND tỉnh"
        else:
            kn, kc, iss = "Công văn", "CV", "UBND"
            unit = R.choice(["KT", "KTN", "VX", "NC", "TH"])
            sym = f"{num}/UBND-{unit}"
            who = "UBND tỉnh"
        shown = sym
    if lost and "-" in sym:
        shown = sym.replace("-", "", 1)
    date_txt = f" ngày {d2s(d)}" if with_date else ""
    text = f"{kn} số {shown}{date_txt} của {who}"
    if paren:
        text = f"(theo {text})"
    doc.refs.append({"symbol": sym, "date": iso(d) if with_date else None, "lost_hyphen": shown != sym})
    return text


# ---------------------------------------------------------------- figures

def money(lo, hi, dec):
    v = round(R.uniform(lo, hi), dec)
    return v


def fig(doc, label, v, unit, growth=None, shown_unit=None, dec=None):
    doc.figs.append({"label": label, "value": v, "unit": unit, **({"growth_pct": growth} if growth is not None else {})})
    return f"{fmt_num(v, dec)} {shown_unit or unit}"


def count(doc, noun, n, prefix=""):
    doc.counts.append({"what": noun, "value": n})
    return f"{prefix}{fmt_num(n, 0)} {noun}"


def figure_paragraph(doc, state):
    """One to three sentences of figures in the many ways offices write them."""
    out = []
    tỉ = R.choice(["tỷ", "tỉ"])
    k = R.randrange(9)
    if k == 0:
        v, g = money(300, 5000, 1), round(R.uniform(2, 15), 1)
        out.append(f"Tổng thu ngân sách nhà nước trên địa bàn ước đạt {fig(doc, 'Tổng thu ngân sách nhà nước trên địa bàn', v, 'tỷ đồng', g, f'{tỉ} đồng')}, tăng {fmt_num(g)}% so với cùng kỳ")
    elif k == 1:
        v, g = money(1000, 60000, 0), round(R.uniform(3, 18), 1)
        out.append(f"giá trị sản xuất công nghiệp đạt {fig(doc, 'Giá trị sản xuất công nghiệp', v, 'tỷ đồng', g, f'{tỉ} đồng')}, tăng {fmt_num(g)}%")
    elif k == 2:
        v1, v2, g = money(100, 3000, 1), money(100, 2500, 1), round(R.uniform(2, 12), 1)
        out.append(f"kim ngạch xuất khẩu đạt {fig(doc, 'Kim ngạch xuất khẩu', v1, 'triệu USD')}; nhập khẩu đạt {fig(doc, 'Nhập khẩu', v2, 'triệu USD', g)}, tăng {fmt_num(g)}%")
    elif k == 3:
        n = R.randint(25, 480)
        out.append(f"kết nạp {count(doc, 'đảng viên', n)} mới, đạt {R.randint(95, 130)}% chỉ tiêu")
        doc.figs[-1:] = doc.figs[-1:]  # the percentage belongs to the count's sentence: not a figure
    elif k == 4:
        n, km = R.randint(120, 2400), R.randint(5, 90)
        out.append(f"có {count(doc, 'hộ', n, R.choice(['trên ', 'gần ', '']))} hiến đất làm đường, {R.choice(['gần', 'khoảng', 'trên'])} {fig(doc, 'Đường giao thông nông thôn', km, 'km')} đường giao thông nông thôn được cứng hóa")
    elif k == 5:
        n = R.randint(1500, 60000)
        out.append(f"tổ chức các hoạt động văn hóa, thể thao thu hút {count(doc, 'lượt người', n, 'khoảng ')} tham gia")
    elif k == 6:
        v, g = money(10, 900, 2), round(R.uniform(1, 9), 1)
        out.append(f"giải ngân vốn đầu tư công được {fig(doc, 'Giải ngân vốn đầu tư công', v, 'tỷ đồng', None, f'{tỉ} đồng')}, bằng {R.randint(40, 95)}% kế hoạch; thu nhập bình quân đầu người đạt {fig(doc, 'Thu nhập bình quân đầu người', round(R.uniform(40, 90), 1), 'triệu đồng/người/năm', g)}, tăng {fmt_num(g)}%")
        doc.figs[-2].pop("growth_pct", None)
    elif k == 7:
        n = R.randint(12, 260)
        out.append(f"thành lập mới {count(doc, 'doanh nghiệp', n)}; hỗ trợ {count(doc, 'hộ', R.randint(40, 300))} thoát nghèo")
    else:
        v = money(5, 120, 1)
        out.append(f"diện tích trồng rừng mới đạt {fig(doc, 'Diện tích trồng rừng mới', v, 'ha')}, sản lượng lương thực ước đạt {fig(doc, 'Sản lượng lương thực', round(R.uniform(20, 300), 1), 'nghìn tấn')}")
    s = "; ".join(out)
    return s[0].upper() + s[1:] + "."


# ---------------------------------------------------------------- tasks

def units_for(level, prov, dist, comm, state):
    if level == "tinh":
        return ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế",
                "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường", "Công an tỉnh", "Ban Tuyên giáo Tỉnh ủy",
                "Ban Tổ chức Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
                "Bộ Chỉ huy Quân sự tỉnh", "Sở Nông nghiệp và Phát triển nông thôn"]
    if level == "huyen":
        return ["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Kinh tế và Hạ tầng",
                "Phòng Tài nguyên và Môi trường", "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo",
                "Công an huyện", "Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Huyện ủy",
                "Văn phòng Huyện ủy", "Trung tâm Y tế huyện", "Chi cục Thuế khu vực", "Phòng Nông nghiệp và PTNT"]
    return ["Công chức Địa chính - Xây dựng", "Công an xã", "Ban Chỉ huy Quân sự xã", "Văn phòng Đảng ủy",
            "Ủy ban Mặt trận Tổ quốc xã", "Đoàn Thanh niên xã", "Hội Nông dân xã", "Công chức Văn hóa - Xã hội",
            "Trạm Y tế xã", "Công chức Tài chính - Kế toán"]


WHATS = ["rà soát, hoàn thiện hồ sơ các dự án trọng điểm", "tham mưu ban hành kế hoạch chuyển đổi số năm 2024",
         "kiểm tra việc quản lý, sử dụng đất công ích", "hướng dẫn các đơn vị triển khai thực hiện Chỉ thị",
         "tổng hợp kết quả thực hiện các chỉ tiêu kinh tế - xã hội", "đẩy nhanh tiến độ giải phóng mặt bằng",
         "xây dựng phương án phòng, chống thiên tai mùa mưa bão", "thẩm định dự toán kinh phí sửa chữa trụ sở",
         "tuyên truyền, vận động nhân dân hiến đất làm đường", "theo dõi, đôn đốc việc giải quyết đơn thư tồn đọng",
         "rà soát nhu cầu biên chế năm 2024", "tổ chức kiểm tra an toàn thực phẩm dịp cuối năm",
         "chuẩn bị nội dung hội nghị sơ kết công tác 6 tháng", "đôn đốc thu nộp ngân sách các khoản còn tồn đọng",
         "xử lý dứt điểm các vi phạm trật tự xây dựng", "hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới",
         "lập danh sách đối tượng được hỗ trợ nhà ở", "kiểm tra công tác phòng cháy, chữa cháy tại các chợ"]


def due_phrase(base):
    """A deadline as offices write it; returns (words in the text, gold due)."""
    k = R.randrange(7)
    d = base + dt.timedelta(days=R.randint(12, 120))
    if k <= 2:
        return (f"trước ngày {d2s(d)}", iso(d))
    if k == 3:
        return (f"trước ngày {d.day:02d} tháng {d.month:02d} năm {d.year}", iso(d))
    if k == 4:
        return (f"trong tháng {d.month}/{d.year}", iso(month_end(d.year, d.month)))
    if k == 5:
        q = (d.month - 1) // 3 + 1
        return (f"trong quý {ROMAN[q]}/{d.year}", iso(month_end(d.year, q * 3)))
    return (f"chậm nhất ngày {d2s(d)}", iso(d))


def task(doc, lead, due, coord=None, what=""):
    t = {"lead": lead, "due": due}
    if coord:
        t["coordinating"] = coord
    t["what"] = what
    doc.tasks.append(t)


def task_paragraph(doc, units, base, vp, superior):
    """One numbered item assigning work, in one of the ways offices do."""
    k = R.randrange(12)
    u = R.sample(units, 4)
    w = R.sample(WHATS, 3)
    if k == 0:
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, [u[1], u[2]], w[0])
        return f"Giao {u[0]} chủ trì, phối hợp với {u[1]}, {u[2]} {w[0]}, hoàn thành {dw}."
    if k == 1:  # a chain: one task per unit
        dw, dd = due_phrase(base)
        task(doc, u[0], None, None, w[0]); task(doc, u[1], dd, None, w[1]); task(doc, u[2], None, None, w[2])
        return f"Giao nhiệm vụ cho {u[0]} {w[0]}; {u[1]} {w[1]}, hoàn thành {dw}; {u[2]} {w[2]}."
    if k == 2:
        dw, dd = due_phrase(base)
        who = R.choice(["UBND các xã, thị trấn", "UBND các huyện, thành phố", "Các đảng ủy trực thuộc", "Các chi bộ trực thuộc"])
        task(doc, who, dd, None, w[0])
        return f"Yêu cầu {who} {w[0]} {dw}."
    if k == 3:
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, None, w[0])
        return f"Đề nghị {u[0]} {w[0]}, trình {superior} {dw}."
    if k == 4:
        who = R.choice(["Các phòng, ban chuyên môn thuộc UBND huyện", "Các cơ quan, đơn vị", "Các ban xây dựng Đảng"])
        task(doc, who, "trước Tết Nguyên đán", None, w[0])
        return f"{who} có trách nhiệm {w[0]}, xong trước Tết Nguyên đán."
    if k == 5:
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, [u[1]], w[0])
        return f"{u[0]} chủ trì phối hợp {u[1]} {w[0]}; báo cáo kết quả về {vp} {dw}."
    if k == 6 and not units[0].startswith("Sở") and not units[0].startswith("Phòng"):
        k = 0
    if k == 0:
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, [u[1], u[2]], w[0])
        return f"Giao {u[0]} chủ trì, phối hợp với {u[1]}, {u[2]} {w[0]}, hoàn thành {dw}."
    if k == 6:  # a list after a colon: one task per department
        dw, dd = due_phrase(base)
        if units[0].startswith("Sở"):
            names = ["Y tế", "Nội vụ", "Giáo dục và Đào tạo", "Tư pháp", "Công Thương", "Lao động - Thương binh và Xã hội"]
            pick = R.sample(names, 3)
            for n in pick:
                task(doc, "Sở " + n, dd, None, w[0])
            return f"Giao các sở: {pick[0]}, {pick[1]}, {pick[2]} {w[0]}, báo cáo kết quả về {vp} {dw}."
        pick = [x for x in units if x.startswith("Phòng")]
        pick = R.sample(pick, 3)
        for n in pick:
            task(doc, n, dd, None, w[0])
        return f"Giao các phòng: {pick[0][6:]}, {pick[1][6:]}, {pick[2][6:]} {w[0]}, báo cáo kết quả về {vp} {dw}."
    if k == 7:  # the deadline in the next sentence
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, None, w[0])
        return f"Giao {u[0]} {w[0]}. Thời gian hoàn thành {dw}."
    if k == 8:
        task(doc, u[0], "thường xuyên", None, w[0])
        return f"Giao {u[0]} {w[0]}, thực hiện thường xuyên."
    if k == 9:  # a unit and a colon
        dw, dd = due_phrase(base)
        task(doc, u[0], dd, None, w[0])
        return f"{u[0]}: {w[0]}, hoàn thành {dw}."
    if k == 10:
        task(doc, u[0], None, None, w[0])
        return f"Giao {u[0]} {w[0]}, báo cáo {superior} theo quy định."
    dw, dd = due_phrase(base)
    task(doc, u[0], dd, [u[1], u[2]], w[0])
    return f"Đề nghị {u[0]} chủ trì, phối hợp với {u[1]} và {u[2]} {w[0]}; hoàn thành {dw}."


def field_form(doc, units, base):
    """"- Đơn vị chủ trì: …; - Đơn vị phối hợp: …; - Thời gian hoàn thành: …" under an item."""
    u = R.sample(units, 3)
    w = R.choice(WHATS)
    dw, dd = due_phrase(base)
    task(doc, u[0], dd, [u[1], u[2]], w)
    words = dw[0].upper() + dw[1:]
    return [f"{w[0].upper() + w[1:]}:", f"- Đơn vị chủ trì: {u[0]}.", f"- Đơn vị phối hợp: {u[1]}, {u[2]}.",
            f"- Thời gian hoàn thành: {words}."]


def table_rows(doc, units, base, n):
    rows = [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]]
    for i in range(n):
        u = R.sample(units, 3)
        w = R.choice(WHATS)
        k = R.randrange(5)
        d = base + dt.timedelta(days=R.randint(20, 300))
        if k == 0:
            t, due = f"Tháng {d.month}/{d.year}", iso(month_end(d.year, d.month))
        elif k == 1:
            q = (d.month - 1) // 3 + 1
            t, due = f"Quý {ROMAN[q]}/{d.year}", iso(month_end(d.year, q * 3))
        elif k == 2:
            t, due = f"Trước ngày {d2s(d)}", iso(d)
        elif k == 3:
            t, due = "Thường xuyên", "thường xuyên"
        else:
            t, due = d2s(d), iso(d)
        coord = [u[1]] if R.random() < 0.5 else [u[1], u[2]]
        task(doc, u[0], due, coord, w)
        rows.append([str(i + 1), w[0].upper() + w[1:], u[0], ", ".join(coord), t])
    return rows


# ---------------------------------------------------------------- documents

def range_sentence(doc, i):
    """A range ("từ 120 đến 150 tỷ đồng", "3,5 - 4 tỷ đồng"), from a generator of its own so
    the other documents stay as they were."""
    r = random.Random(1000 + i)
    a = r.randint(20, 300)
    b = a + r.randint(10, 80)
    if r.random() < 0.5:
        doc.figs.append({"label": "Tổng vốn huy động", "value": a, "value_to": b, "unit": "tỷ đồng"})
        return f" Dự kiến tổng vốn huy động cho năm tới từ {a} đến {b} tỷ đồng."
    a = round(a / 10, 1)
    b = round(a + r.randint(1, 9) / 2, 1)
    doc.figs.append({"label": "Kinh phí hỗ trợ", "value": a, "value_to": b, "unit": "tỷ đồng"})
    return f" Kinh phí hỗ trợ các xã khoảng {fmt_num(a)} - {fmt_num(b)} tỷ đồng."


def compose(i, spec):
    level, state, kind, form, long_doc = spec
    prov = R.choice(list(PROVINCES))
    dist = R.choice(list(PROVINCES[prov]))
    comm = R.choice(PROVINCES[prov][dist])
    date = dt.date(R.choice([2023, 2024]), R.randint(1, 11), R.randint(1, 28))
    number = R.randint(12, 2800) if state else R.randint(12, 980)
    doc = Doc("", level, state, kind)
    issuer, place, code, vp = make_issuer(doc, prov, dist, comm, date, number)
    units = units_for(level, prov, dist, comm, state)
    superior = {"tinh": "UBND tỉnh" if state else "Thường trực Tỉnh ủy", "huyen": "UBND huyện" if state else "Thường trực Huyện ủy",
                "xa": "UBND xã" if state else "Thường trực Đảng ủy"}[level]
    meet = date - dt.timedelta(days=R.randint(1, 6))
    base = date
    if kind == "TB" and not state:
        organ = {"tinh": "Ban Thường vụ Tỉnh ủy", "huyen": "Ban Thường vụ Huyện ủy", "xa": "Ban Thường vụ Đảng ủy"}[level]
        if R.random() < 0.4:
            organ = {"tinh": "Ban Chấp hành Đảng bộ tỉnh", "huyen": "Ban Chấp hành Đảng bộ huyện", "xa": "Ban Chấp hành Đảng bộ xã"}[level]
        title = f"Kết luận của {organ} tại hội nghị tháng {meet.month}/{meet.year}"
        opening = f"Ngày {d2s(meet)}, {organ} họp nghe báo cáo tình hình thực hiện nhiệm vụ chính trị và cho ý kiến vào một số nội dung quan trọng. Sau khi nghe các báo cáo, ý kiến thảo luận, {organ} kết luận như sau:"
    elif kind == "TB":
        who = {"tinh": "Chủ tịch UBND tỉnh", "huyen": "Chủ tịch UBND huyện", "xa": "Chủ tịch UBND xã"}[level]
        title = f"Ý kiến chỉ đạo của đồng chí {who} tại buổi làm việc về {R.choice(['công tác giải phóng mặt bằng', 'tiến độ giải ngân vốn đầu tư công', 'công tác thu ngân sách', 'xây dựng nông thôn mới'])}"
        opening = f"Ngày {d2s(meet)}, đồng chí {R.choice(NAMES)}, {who} chủ trì buổi làm việc với các cơ quan, đơn vị liên quan. Sau khi nghe báo cáo và ý kiến của các đại biểu, đồng chí {who} kết luận, chỉ đạo như sau:"
    elif kind == "CV":
        title = None
        opening = None
    else:
        title = f"Triển khai thực hiện {R.choice(['chương trình chuyển đổi số', 'công tác cải cách hành chính', 'phong trào xây dựng nông thôn mới', 'công tác bảo đảm trật tự an toàn giao thông'])} năm {date.year + (date.month > 9)}"
        opening = None
    doc.gold_doc["title"] = title
    body = []  # list of blocks
    if kind == "CV":
        body.append(("p", f"V/v {R.choice(['triển khai các nhiệm vụ trọng tâm cuối năm', 'đẩy nhanh tiến độ giải ngân vốn đầu tư công', 'tăng cường công tác phòng, chống thiên tai'])}"))
        body.append(("p", f"Kính gửi: {', '.join(R.sample(units, 3))}."))
        body.append(("p", f"Thực hiện {ref(doc, date.year, party=False, lost=(form == 'pdf' and R.random() < 0.5))}, {issuer.replace('Ủy ban nhân dân', 'UBND')} yêu cầu các cơ quan, đơn vị thực hiện tốt một số nội dung sau:"))
        for k in range(1, R.randint(4, 7)):
            body.append(("p", f"{k}. {task_paragraph(doc, units, base, vp, superior)}"))
        body.append(("p", f"Nhận được Văn bản này, yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện {ref(doc, date.year, party=False, paren=True)}./."))
    elif kind == "KH":
        body.append(("p", f"Thực hiện {ref(doc, date.year, lost=(form == 'pdf' and R.random() < 0.5))}; {ref(doc, date.year)}, {issuer.replace('Ủy ban nhân dân', 'UBND')} ban hành Kế hoạch thực hiện như sau:"))
        body.append(("p", "I. MỤC ĐÍCH, YÊU CẦU"))
        body.append(("p", "1. Quán triệt đầy đủ các mục tiêu, nhiệm vụ; xác định rõ trách nhiệm của từng cơ quan, đơn vị."))
        body.append(("p", "2. Năm trước, " + figure_paragraph(doc, state) + (range_sentence(doc, i) if i % 3 == 0 else "")))
        body.append(("p", "II. NHIỆM VỤ CỤ THỂ"))
        if long_doc:
            for k in range(1, 181):
                body.append(("p", f"{k}. {task_paragraph(doc, units, base, vp, superior)}"))
        else:
            body.append(("table", table_rows(doc, units, base, R.randint(5, 9))))
        body.append(("p", "III. TỔ CHỨC THỰC HIỆN"))
        for k, line in enumerate(field_form(doc, units, base)):
            body.append(("p", (f"1. {line}" if k == 0 else line)))
        body.append(("p", f"2. {task_paragraph(doc, units, base, vp, superior)}"))
    else:
        body.append(("p", opening))
        body.append(("p", "I. TÌNH HÌNH, KẾT QUẢ" if R.random() < 0.5 else "1. Về tình hình, kết quả thực hiện nhiệm vụ"))
        body.append(("p", f"Thời gian qua, thực hiện {ref(doc, date.year)}, {ref(doc, date.year, lost=(form == 'pdf' or R.random() < 0.2))}, các cấp, các ngành đã tập trung lãnh đạo, chỉ đạo và đạt nhiều kết quả. " + figure_paragraph(doc, state)))
        body.append(("p", figure_paragraph(doc, state) + " " + f"Công tác cải cách hành chính được quan tâm {ref(doc, date.year, paren=True)}." + (range_sentence(doc, i) if i % 3 == 0 else "")))
        body.append(("p", "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI" if R.random() < 0.5 else "2. Nhiệm vụ trọng tâm thời gian tới"))
        for k in range(1, R.randint(4, 7)):
            body.append(("p", f"{k}. {task_paragraph(doc, units, base, vp, superior)}"))
        if R.random() < 0.4:
            for k, line in enumerate(field_form(doc, units, base)):
                body.append(("p", (f"{k + 7}. {line}" if k == 0 else line)))
        body.append(("p", f"Giao {vp} theo dõi, đôn đốc việc thực hiện Thông báo này, báo cáo {superior}./."))
        task(doc, vp, None, None, "theo dõi, đôn đốc việc thực hiện Thông báo này")
    doc.blocks = body
    doc.recipients = ["Như trên", f"Thường trực {code if not state else issuer}", "Lưu: VT"] if state else \
        ["Các đồng chí Ủy viên Ban Thường vụ", "Các cơ quan, đơn vị trực thuộc", f"Lưu {vp}"]
    doc.title = title
    return doc


# ---------------------------------------------------------------- renderers

def to_text(doc, two_col_run):
    lines = []
    if two_col_run:  # a copy from a two-column header: each line runs the columns together
        L, Rr = doc.header_left, doc.header_right
        num = [x for x in L if x.startswith("Số")]
        L = [x for x in L if not x.startswith("Số") and x != "*"]
        for k in range(max(len(L), len(Rr) - 1)):
            lines.append(" ".join(x[k] for x in (L, Rr[:-1]) if k < len(x)))
        lines.append(f"{num[0]} {Rr[-1]}")
    else:
        lines += doc.header_left + doc.header_right
    lines.append("")
    kinds = {"TB": "THÔNG BÁO", "KH": "KẾ HOẠCH"}
    if doc.kind in kinds:
        lines += [kinds[doc.kind], doc.title, "-----", ""]
    for b in doc.blocks:
        if b[0] == "p":
            lines += [b[1], ""]
        else:
            for r in b[1]:
                lines.append("| " + " | ".join(r) + " |")
            lines.append("")
    lines.append("Nơi nhận:")
    lines += [f"- {r};" for r in doc.recipients]
    lines.append("")
    lines += doc.sig[:2] + ["", doc.sig[2]]
    return "\n".join(lines) + "\n"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def wp(t, bold=False, center=False, size=None):
    ppr = "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" if center else "<w:pPr><w:jc w:val=\"both\"/></w:pPr>"
    rpr = ""
    if bold or size:
        rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f"<w:sz w:val=\"{size}\"/>" if size else "") + "</w:rPr>"
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'


def wtable(rows, widths, borders=True):
    b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in
                                     ["top", "left", "bottom", "right", "insideH", "insideV"]) + "</w:tblBorders>") if borders else ""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    for r in rows:
        out += "<w:tr>"
        for c, w in zip(r, widths):
            paras = c if isinstance(c, list) else [c]
            out += f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' + "".join(
                wp(x, bold=(x.isupper() and len(x) > 3), center=not borders) for x in paras) + "</w:tc>"
        out += "</w:tr>"
    return out + "</w:tbl>"


def to_docx(doc, path, two_col):
    body = ""
    if two_col:
        body += wtable([[doc.header_left, doc.header_right]], [4000, 5600], borders=False)
    else:
        body += "".join(wp(x, center=True) for x in doc.header_left + doc.header_right)
    kinds = {"TB": "THÔNG BÁO", "KH": "KẾ HOẠCH"}
    if doc.kind in kinds:
        body += wp(kinds[doc.kind], bold=True, center=True, size=28) + wp(doc.title, bold=True, center=True)
        body += wp("-----", center=True)
    for b in doc.blocks:
        if b[0] == "p":
            body += wp(b[1], bold=b[1].isupper())
        else:
            body += wtable(b[1], [600, 3400, 2000, 2000, 1600])
    rec = ["Nơi nhận:"] + [f"- {r};" for r in doc.recipients]
    body += wtable([[rec, doc.sig[:2] + ["", "", doc.sig[2]]]], [4800, 4800], borders=False)
    sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567"/></w:sectPr>')
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for name in ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/footer1.xml"]:
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        if name == "[Content_Types].xml":
            data = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
        elif name == "_rels/.rels":
            data = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        elif name == "word/_rels/document.xml.rels":
            data = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>')
        elif name == "word/document.xml":
            data = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}{sect}</w:body></w:document>'
        else:
            data = (f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
        z.writestr(zi, data)
    z.close()


def text_w(t, size):
    return sum(0.64 if c.isupper() else 0.52 for c in t) * size


def to_layout(doc):
    """Runs on A4 pages as a word processor lays them out, for mkpdf: the header in two
    columns side by side, the number's parts as separate runs, wrapped body lines with
    symbols broken after their hyphen, page numbers at the top and "Trang N/M" at the foot."""
    pages, cur = [], []
    y = [60.0]

    def run(x, yy, size, bold, t):
        cur.append(f"T {x:.1f} {yy:.1f} {size} {1 if bold else 0} {t}")

    def centred(t, cx, yy, size, bold=False):
        run(cx - text_w(t, size) / 2, yy, size, bold, t)

    def newpage():
        nonlocal cur
        pages.append(cur)
        cur = []
        y[0] = 70.0

    left = [x for x in doc.header_left if not x.startswith("Số")]
    num = [x for x in doc.header_left if x.startswith("Số")][0]
    right = doc.header_right
    for k in range(max(len(left) + 1, len(right))):
        if k < len(left):
            centred(left[k], 170, y[0], 11, True)
        elif k == len(left):  # "Số: 87" and "/TB-UBND" as two runs, the second a little lower
            cut = num.index("/") if "/" in num else len(num)
            if "-" in num[:cut]:
                cut = num.index("-")
            run(170 - text_w(num, 12) / 2, y[0], 12, False, num[:cut])
            cur.append(f"C 0.4 {num[cut:]}")
        if k < len(right):
            centred(right[k], 425, y[0], 11 if k < len(right) - 1 else 12, k < len(right) - 1)
        y[0] += 17
    y[0] += 20
    kinds = {"TB": "THÔNG BÁO", "KH": "KẾ HOẠCH"}
    if doc.kind in kinds:
        centred(kinds[doc.kind], 297, y[0], 14, True)
        y[0] += 20
        words, line = doc.title.split(), ""
        for w in words + [None]:
            if w is None or len(line) + len(w) > 58:
                centred(line.strip(), 297, y[0], 13, True)
                y[0] += 18
                line = ""
            if w:
                line += w + " "
        y[0] += 12

    def para(t, size=13, indent=28):
        words, lines, line, width, broke, i = t.split(), [], [], 64, False, 0
        while i < len(words):
            w = words[i]
            used = len(" ".join(line))
            if line and used + 1 + len(w) > width:
                # a symbol at the line's end breaks after its hyphen: "45/2020/NĐ-" + "CP"
                if not broke and "-" in w and "/" in w and w[0].isdigit() and used + 2 + w.index("-") <= width:
                    h = w.index("-") + 1
                    line.append(w[:h])
                    words[i] = w[h:]
                    broke = True
                lines.append(" ".join(line))
                line, width = [], 68
                continue
            line.append(w)
            i += 1
        if line:
            lines.append(" ".join(line))
        for k, l in enumerate(lines):
            run(85 + (indent if k == 0 else 0), y[0], size, False, l)
            y[0] += 18
            if y[0] > 770:
                newpage()
        y[0] += 6

    for b in doc.blocks:
        if b[0] == "p":
            para(b[1])
    if y[0] > 640:
        newpage()
    top = y[0] + 10
    rec = ["Nơi nhận:"] + [f"- {r};" for r in doc.recipients]
    for k, r in enumerate(rec):
        run(85, top + k * 15, 11, k == 0, r)
    sig = doc.sig[:2]
    for k, r in enumerate(sig):
        centred(r, 430, top + k * 16, 12, True)
    centred(doc.sig[2], 430, top + 90, 12, True)
    pages.append(cur)
    out = []
    for n, pg in enumerate(pages, 1):
        out.append("P")
        if n > 1:
            out.append(f"T 292 40 11 0 {n}")
        out += pg
        out.append(f"T 480 815 9 0 Trang {n}/{len(pages)}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- legacy encodings

TCVN3 = [0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
         0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
         0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
         0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
         0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
         0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0]


def tcvn3_encode(text):
    import unicodedata
    inv = {}
    for i, cp in enumerate(TCVN3):
        if 0x0300 <= cp <= 0x0323 or cp == 0xa0:
            continue
        inv.setdefault(chr(cp), 0xa0 + i)
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in inv:
            out.append(inv[ch])
        elif ch.lower() in inv:  # no toned capitals in VN3: the lower-case code
            out.append(inv[ch.lower()])
        else:
            out += ch.encode("cp1252", errors="replace")
    return bytes(out)


VNI_SINGLE = {"đ": 0xf1, "ơ": 0xf4, "ư": 0xf6, "ì": 0xec, "í": 0xed, "ỉ": 0xe6, "ĩ": 0xf3, "ị": 0xf2, "ỵ": 0xee}
VNI_MARK = {("", "\u0300"): 0xf8, ("", "\u0301"): 0xf9, ("", "\u0309"): 0xfb, ("", "\u0303"): 0xf5, ("", "\u0323"): 0xef,
            ("\u0302", ""): 0xe2, ("\u0302", "\u0300"): 0xe0, ("\u0302", "\u0301"): 0xe1, ("\u0302", "\u0309"): 0xe5,
            ("\u0302", "\u0303"): 0xe3, ("\u0302", "\u0323"): 0xe4, ("\u0306", ""): 0xea, ("\u0306", "\u0300"): 0xe8,
            ("\u0306", "\u0301"): 0xe9, ("\u0306", "\u0309"): 0xfa, ("\u0306", "\u0303"): 0xfc, ("\u0306", "\u0323"): 0xeb}


def vni_encode(text):
    import unicodedata
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch)); continue
        low = ch.lower()
        up = ch != low
        if low in VNI_SINGLE:
            out.append(VNI_SINGLE[low] - (0x20 if up else 0)); continue
        dec = unicodedata.normalize("NFD", ch)
        base, marks = dec[0], dec[1:]
        mod = "".join(m for m in marks if m in "\u0302\u0306")
        tone = "".join(m for m in marks if m not in "\u0302\u0306\u031b")
        if "\u031b" in marks:  # ơ ư with a tone
            out.append(VNI_SINGLE[unicodedata.normalize("NFC", base.lower() + "\u031b")] - (0x20 if up else 0))
            if tone:
                out.append(VNI_MARK[("", tone)] - (0x20 if up else 0))
            continue
        if base.isascii() and (mod or tone):
            out.append(ord(base))
            out.append(VNI_MARK[(mod, tone)] - (0x20 if up else 0)); continue
        out += ch.encode("cp1252", errors="replace")
    return bytes(out)


# ---------------------------------------------------------------- the corpus

SPECS = []
# (level, state, kind, form, long): text, DOCX and PDF across Party and state, province to commune
for lv in ["tinh", "huyen", "xa"]:
    SPECS += [(lv, False, "TB", "txt", False), (lv, True, "TB", "txt", False), (lv, True, "CV", "txt", False),
              (lv, False, "TB", "docx", False), (lv, True, "TB", "docx", False), (lv, True, "KH", "docx", False),
              (lv, False, "TB", "pdf", False), (lv, True, "TB", "pdf", False), (lv, True, "CV", "pdf", False)]
SPECS += [("huyen", True, "KH", "txt", False), ("tinh", False, "KH", "txt", False), ("huyen", False, "TB", "vni", False),
          ("xa", False, "TB", "tcvn3", False), ("tinh", True, "TB", "vni", False), ("huyen", True, "KH", "pdf", True),
          ("huyen", True, "CV", "txt", False), ("tinh", False, "TB", "txt", False), ("xa", True, "KH", "txt", False),
          ("huyen", False, "TB", "pdf", False), ("tinh", True, "CV", "docx", False), ("xa", False, "TB", "docx", False),
          ("huyen", True, "KH", "txt", True),
          # laid out run by run (mkpdf): split number runs, columns, page numbers, hyphens
          ("tinh", True, "TB", "laid", False), ("huyen", False, "TB", "laid", False),
          ("xa", True, "CV", "laid", False), ("huyen", True, "TB", "laid", False),
          ("tinh", False, "TB", "laid", False),
          # TCVN3 bytes opened as Windows-1252 and saved as UTF-8
          ("huyen", True, "TB", "tcvn3-1252", False)]

LEVEL = {"tinh": "tinh", "huyen": "huyen", "xa": "xa"}


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, spec in enumerate(SPECS, 1):
        doc = compose(i, spec)
        lv, state, kind, form, long_doc = spec
        name = f"{i:02d}-{'ubnd' if state else 'dang'}-{lv}-{kind.lower()}" + ("-dai" if long_doc else "")
        two = R.random() < 0.5
        gold = {"_about": "What a careful reader extracts; due is the last day (ISO) or the words when the text gives no date.",
                "file": None, "document": doc.gold_doc,
                "references": [r for r in doc.refs if r["symbol"] != doc.own],
                "figures": doc.figs, "counts": doc.counts, "tasks": doc.tasks}
        if form in ("txt", "vni", "tcvn3", "tcvn3-1252"):
            text = to_text(doc, two)
            if form == "txt":
                fn = name + ".txt"
                open(os.path.join(OUT, fn), "w", encoding="utf-8").write(text)
            elif form == "tcvn3-1252":
                fn = name + ".tcvn3-1252.txt"
                raw = tcvn3_encode(text)
                open(os.path.join(OUT, fn), "w", encoding="utf-8").write(raw.decode("cp1252", errors="replace"))
            elif form == "tcvn3":
                fn = name + ".tcvn3.txt"
                open(os.path.join(OUT, fn), "wb").write(tcvn3_encode(text))
            else:  # VNI bytes opened as Windows-1252 and saved again as UTF-8
                fn = name + ".vni-1252.txt"
                raw = vni_encode(text)
                open(os.path.join(OUT, fn), "w", encoding="utf-8").write(raw.decode("cp1252", errors="replace"))
        elif form == "laid":
            fn = name + ".pdf"
            open(os.path.join(OUT, name + ".layout"), "w", encoding="utf-8").write(to_layout(doc))
        elif form == "docx":
            fn = name + ".docx"
            to_docx(doc, os.path.join(OUT, fn), two)
        else:
            fn = name + ".pdf"
            to_docx(doc, os.path.join(OUT, name + ".pdfsrc.docx"), True if i % 3 else two)
        gold["file"] = fn
        gold["two_column_header"] = two
        with open(os.path.join(OUT, name + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
