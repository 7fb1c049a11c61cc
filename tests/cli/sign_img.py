#!/usr/bin/env python3
"""sign_img.py: test images and pixel checks for sign.sh, with the standard library only.

  sign_img.py signature OUT.png   a blue hand-signature-like stroke on transparency
  sign_img.py seal OUT.png        a red ring with a star, on transparency
  sign_img.py region PAGE.ppm     "RED BLUE X0 Y0 X1 Y1": counts of red and blue pixels and
                                  the box (fractions of the page) of the red ones
  sign_img.py blue PAGE.ppm X0 Y0 X1 Y1
                                  the count of blue pixels inside the box (fractions of the
                                  page, from its top left)
  sign_img.py pdf OUT.pdf         a one-page A4 PDF not made by dondoc (its MediaBox on the page
                                  tree's root), a black block in its lower half
"""
import math, struct, sys, zlib


def png(path, w, h, px):
    raw = b"".join(b"\0" + bytes(px[y * w * 4:(y + 1) * w * 4]) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def signature(path):
    w, h = 400, 160
    px = bytearray(w * h * 4)
    for i in range(2000):
        t = i / 2000
        x = int(20 + t * 360)
        y = int(80 + 50 * math.sin(t * 12) * (1 - t))
        for dx in range(-2, 3):
            for dy in range(-2, 3):
                xx, yy = x + dx, y + dy
                if 0 <= xx < w and 0 <= yy < h:
                    k = (yy * w + xx) * 4
                    px[k:k + 4] = bytes((10, 40, 200, 255))
    png(path, w, h, px)


def seal(path):
    n = 300
    px = bytearray(n * n * 4)
    c = n / 2
    for y in range(n):
        for x in range(n):
            r = math.hypot(x - c, y - c)
            if 120 <= r <= 145 or 95 <= r <= 100 or (r < 40 and abs(x - c) < 8):
                k = (y * n + x) * 4
                px[k:k + 4] = bytes((220, 20, 30, 230))
    png(path, n, n, px)


def region(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    body = parts[4][-w * h * 3:]
    red = blue = 0
    x0, y0, x1, y1 = w, h, 0, 0
    for y in range(h):
        row = body[y * w * 3:(y + 1) * w * 3]
        for x in range(0, w * 3, 3):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r > 150 and g < 110 and b < 110:
                red += 1
                px = x // 3
                x0, y0, x1, y1 = min(x0, px), min(y0, y), max(x1, px), max(y1, y)
            elif b > 150 and r < 110 and g < 140:
                blue += 1
    print(red, blue, "%.2f %.2f %.2f %.2f" % (x0 / w, y0 / h, x1 / w, y1 / h))


def blue(path, x0, y0, x1, y1):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    body = parts[4][-w * h * 3:]
    n = 0
    for y in range(int(float(y0) * h), int(float(y1) * h)):
        for x in range(int(float(x0) * w), int(float(x1) * w)):
            k = (y * w + x) * 3
            r, g, b = body[k], body[k + 1], body[k + 2]
            if b > 150 and r < 110 and g < 140:
                n += 1
    print(n)


def pdf(path):
    content = b"0 0 0 rg 80 150 435 300 re f\n"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream"]
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n\r\n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)


if sys.argv[1] == "blue":
    blue(*sys.argv[2:7])
else:
    {"signature": signature, "seal": seal, "region": region, "pdf": pdf}[sys.argv[1]](sys.argv[2])
