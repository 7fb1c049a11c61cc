#!/usr/bin/env python3
"""tsa_server.py: a test timestamp server (RFC 3161) on loopback, and a reader of a signed PDF's CMS.

  tsa_server.py serve DIR     answers POSTs with 'openssl ts -reply -config DIR/ts.cnf'; the port
                              goes to DIR/port. Paths: /tsa a true answer; /reject a rejection
                              (status 2); /wrong a granted answer to another request (other
                              imprint and nonce); /error HTTP 500; /other-ca a true answer
                              with DIR/ts2.cnf (a TSA certified by another CA).
  tsa_server.py extract PDF N SIG TOKEN
                              writes the N-th (1-based) signature's value and its timestamp
                              token (DER; empty file when it has none).
"""
import http.server
import os
import re
import subprocess
import sys
import tempfile


def serve(d):
    cnf = os.path.join(d, "ts.cnf")

    def reply(query, cnf=cnf):
        with tempfile.TemporaryDirectory() as t:
            q, r = os.path.join(t, "q.tsq"), os.path.join(t, "r.tsr")
            with open(q, "wb") as f:
                f.write(query)
            subprocess.run(["openssl", "ts", "-reply", "-config", cnf, "-queryfile", q, "-out", r],
                           check=True, capture_output=True, cwd=d)
            with open(r, "rb") as f:
                return f.read()

    class H(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/error":
                self.send_error(500)
                return
            if self.path == "/reject":
                out = bytes([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02])
            elif self.path == "/wrong":
                other = subprocess.run(["openssl", "ts", "-query", "-data", cnf, "-sha256", "-cert"],
                                       check=True, capture_output=True).stdout
                out = reply(other)
            elif self.path == "/other-ca":
                out = reply(body, os.path.join(d, "ts2.cnf"))
            else:
                out = reply(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *a):
            pass

    s = http.server.HTTPServer(("127.0.0.1", 0), H)
    with open(os.path.join(d, "port.tmp"), "w") as f:
        f.write(str(s.server_address[1]))
    os.rename(os.path.join(d, "port.tmp"), os.path.join(d, "port"))
    s.serve_forever()


def tlv(b, i):
    """The tag, content start and content end of the DER value at i."""
    tag, n = b[i], b[i + 1]
    i += 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(b[i:i + k], "big")
        i += k
    return tag, i, i + n


def kids(b, s, e):
    out = []
    while s < e:
        t, cs, ce = tlv(b, s)
        out.append((t, s, cs, ce))
        s = ce
    return out


def extract(pdf, n, sig_out, tok_out):
    d = open(pdf, "rb").read()
    ranges = re.findall(rb"/ByteRange \[0 +(\d+) +(\d+) +(\d+)\]", d)
    a, b, _ = (int(x) for x in ranges[n - 1])
    der = bytes.fromhex(d[a + 1:b - 1].decode())
    _, s, e = tlv(der, 0)                        # ContentInfo
    content = kids(der, s, e)[1]                 # [0]
    _, s, e = tlv(der, content[2])               # SignedData
    signer_infos = kids(der, s, e)[-1]
    si = kids(der, signer_infos[2], signer_infos[3])[0]
    fields = kids(der, si[2], si[3])
    sig = [f for f in fields if f[0] == 0x04][0]
    open(sig_out, "wb").write(der[sig[2]:sig[3]])
    tok = b""
    for f in fields:
        if f[0] != 0xA1:
            continue
        for attr in kids(der, f[2], f[3]):
            oid, values = kids(der, attr[2], attr[3])
            if der[oid[2]:oid[3]] == bytes.fromhex("2a864886f70d010910020e"):
                v = kids(der, values[2], values[3])[0]
                tok = der[v[1]:v[3]]
    open(tok_out, "wb").write(tok)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        extract(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
