#!/usr/bin/env python3
"""smtp_sink: a minimal SMTP listener on 127.0.0.1 for the reminder tests.

Usage: smtp_sink.py DIR. Writes the port it listens on to DIR/port, and each
message it accepts to DIR/msg-N.eml, preceded by one 'X-Envelope-To:' line per
envelope recipient. Every command line it receives (not the message text) is
appended to DIR/commands, so a test can see whether a client sent AUTH.
It advertises AUTH PLAIN and accepts any credentials, and offers no STARTTLS:
a client that sends its password here sends it in clear text. Runs until killed.
SMTP_SINK_DELAY=S waits S seconds before accepting each message (a slow server,
so that concurrent clients overlap); SMTP_SINK_REFUSE=1 refuses every recipient
with 550 (a server that is up but takes nothing).
"""
import os
import socketserver
import sys
import threading
import time

OUT = sys.argv[1]
COUNT = [0]
LOCK = threading.Lock()
DELAY = float(os.environ.get("SMTP_SINK_DELAY", "0"))
REFUSE = os.environ.get("SMTP_SINK_REFUSE") == "1"


def log(line):
    with LOCK, open(os.path.join(OUT, "commands"), "a") as f:
        f.write(line + "\n")


class Handler(socketserver.StreamRequestHandler):
    def send(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.send("220 localhost dondoc-test ESMTP")
        rcpt = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            log(cmd)
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.send("250-localhost")
                self.send("250-AUTH PLAIN")
                self.send("250 8BITMIME")
            elif verb == "AUTH":
                if len(cmd.split()) < 3:
                    self.send("334 ")
                    log(self.rfile.readline().decode("utf-8", "replace").strip())
                self.send("235 accepted")
            elif verb == "MAIL":
                rcpt = []
                self.send("250 OK")
            elif verb == "RCPT" and REFUSE:
                self.send("550 mailbox unavailable")
            elif verb == "RCPT":
                rcpt.append(cmd.split(":", 1)[1].strip().strip("<>"))
                self.send("250 OK")
            elif verb == "DATA":
                self.send("354 go ahead")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if not l or l == b".\r\n":
                        break
                    if l.startswith(b".."):
                        l = l[1:]
                    data += l
                time.sleep(DELAY)
                with LOCK:
                    COUNT[0] += 1
                    path = os.path.join(OUT, "msg-%d.eml" % COUNT[0])
                with open(path + ".tmp", "wb") as f:
                    for r in rcpt:
                        f.write(("X-Envelope-To: %s\r\n" % r).encode())
                    f.write(data)
                os.rename(path + ".tmp", path)
                self.send("250 queued")
            elif verb == "QUIT":
                self.send("221 bye")
                return
            elif verb == "RSET" or verb == "NOOP":
                self.send("250 OK")
            else:
                self.send("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", 0), Handler) as srv:
    with open(os.path.join(OUT, "port.tmp"), "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(os.path.join(OUT, "port.tmp"), os.path.join(OUT, "port"))
    srv.serve_forever()
