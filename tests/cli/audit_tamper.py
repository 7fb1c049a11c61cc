#!/usr/bin/env python3
"""audit_tamper.py: what someone with write access to the store's file (but not its key) can do.

Usage: audit_tamper.py STORE ACTION [ARG]; each action works on the file alone, with Python's
sqlite3 and no dondoc functions, as an attacker with the file would.
"""
import hashlib
import sqlite3
import sys
import time


GUARDS = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL"
    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]


def unguard(c):
    c.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    c.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")


def field(h, s):
    if s is None:
        h.update(b"\x00" + (0).to_bytes(8, "little"))
        return
    b = str(s).encode()
    h.update(b"\x01" + len(b).to_bytes(8, "little"))
    h.update(b)


def unkeyed(prev, row):
    """The chain's hash without a key, as an older dondoc wrote it."""
    h = hashlib.blake2b(digest_size=32)
    field(h, "dondoc-audit-1")
    field(h, prev)
    for v in row:
        field(h, v)
    return h.hexdigest()


def main():
    store, action = sys.argv[1], sys.argv[2]
    arg = sys.argv[3] if len(sys.argv) > 3 else None
    c = sqlite3.connect(store, isolation_level=None)
    c.execute("BEGIN IMMEDIATE")
    if action == "edit":
        unguard(c)
        c.execute("UPDATE audit_log SET actor = 'ai đó', after = '{}' WHERE id = ?", (int(arg),))
    elif action == "delete-one":
        unguard(c)
        c.execute("DELETE FROM audit_log WHERE id = ?", (int(arg),))
    elif action == "delete-last":
        unguard(c)
        c.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - ?", (int(arg),))
    elif action == "delete-all":
        unguard(c)
        c.execute("DELETE FROM audit_log")
    elif action == "rechain":
        # Edit an entry, then recompute the whole chain and the head's hash without the key.
        unguard(c)
        c.execute("UPDATE audit_log SET actor = 'ai đó', after = '{}' WHERE id = ?", (int(arg),))
        prev = ""
        rows = c.execute("SELECT id, at, actor, tbl, row_id, op, before, after FROM audit_log ORDER BY id").fetchall()
        for r in rows:
            h = unkeyed(prev, r)
            c.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r[0]))
            prev = h
        c.execute("UPDATE audit_head SET hash = ?", (prev,))
    elif action == "trigger-gap":
        # Drop the audit trigger of a table, write unseen, make the same trigger again.
        sql = c.execute("SELECT sql FROM sqlite_schema WHERE name = 'audit_body_u'").fetchone()[0]
        c.execute("DROP TRIGGER audit_body_u")
        c.execute("UPDATE body SET place = 'Nơi khác' WHERE id = (SELECT min(id) FROM body)")
        c.execute(sql)
    elif action == "trigger-edit":
        # Make the audit trigger skip one row.
        sql = c.execute("SELECT sql FROM sqlite_schema WHERE name = 'audit_body_u'").fetchone()[0]
        c.execute("DROP TRIGGER audit_body_u")
        c.execute(sql.replace(" BEGIN", " WHEN NEW.id <> 1 BEGIN", 1))
    elif action == "downgrade-v9":
        # The store as dondoc before the sealed head wrote it: no head, an unkeyed chain.
        c.execute("DROP TRIGGER audit_head_no_delete")
        c.execute("DROP TABLE audit_head")
        c.execute("DELETE FROM schema_migration WHERE version = 10")
        unguard(c)
        prev = ""
        rows = c.execute("SELECT id, at, actor, tbl, row_id, op, before, after FROM audit_log ORDER BY id").fetchall()
        for r in rows:
            h = unkeyed(prev, r)
            c.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, r[0]))
            prev = h
        for sql in GUARDS:
            c.execute(sql)
    elif action == "hold-lock":
        # Holds the write lock for ARG seconds, with a write under way.
        c.execute("UPDATE body SET place = place WHERE id = (SELECT min(id) FROM body)")
        print("locked", flush=True)
        time.sleep(float(arg))
        c.execute("ROLLBACK")
        return
    else:
        sys.exit("unknown action " + action)
    c.execute("COMMIT")


if __name__ == "__main__":
    main()
