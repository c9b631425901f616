#!/usr/bin/env python3
"""File and register chief quality officer appointments straight into a cqo-registry database, for benchmarks
and demos (never for production: it bypasses the filing workflow, its audit log and its change feed; the
coverage triggers of migration 0005 fire as for any write, so coverage stays consistent).

Two sources:

  --peers PEERS.sqlite   the bench peers' file written by ../shared/bench/gen_data.py: every `active`
                         appointment becomes a registered `cqo` (registered 0-29 days after its appointment
                         date) and every `ended` one a dismissed `cqo` ended before 2021. Only enterprises on
                         our roster count (import the same seed's roster CSV first).
  --random FRACTION      (no peers file) that share of the roster gets a registered `cqo` appointed between
                         2021-01-01 and 30 days before --today; about 15 % of those end again later.

    python3 bench/file_appointments.py --db cqo.sqlite --peers $W/data/peers-1000000.sqlite
    python3 bench/file_appointments.py --db demo.sqlite --random 0.7 --seed 7

Appointment and person ids continue after the largest ones present. Prints a one-line summary on stderr.
"""
import argparse
import datetime
import random
import sqlite3
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="our database (migrated: run cqo-registry migrate first)")
    ap.add_argument("--peers", help="gen_data.py SQLite file")
    ap.add_argument("--random", type=float, help="share of enterprises to cover when there is no peers file")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--today", default=datetime.date.today().isoformat())
    args = ap.parse_args()
    if (args.peers is None) == (args.random is None):
        ap.error("give exactly one of --peers and --random")
    started = time.time()
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA foreign_keys = ON")
    base = db.execute("SELECT max(coalesce((SELECT max(id) FROM appointment), 0), "
                      "coalesce((SELECT max(id) FROM person), 0))").fetchone()[0]
    with db:
        if args.peers:
            filed = from_peers(db, args.peers, base)
        else:
            filed = at_random(db, args.random, args.seed, base, datetime.date.fromisoformat(args.today))
    registered = db.execute("SELECT count(*) FROM appointment WHERE role = 'cqo' AND status = 'registered'").fetchone()[0]
    total = db.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    db.close()
    print(f"filed {filed} appointments in {time.time() - started:.1f}s; {registered} of {total} enterprises "
          f"now have a registered cqo", file=sys.stderr)


def from_peers(db, peers, base):
    db.execute("ATTACH DATABASE ? AS peers", (peers,))
    rows = """FROM peers.appointments a JOIN enterprise e ON e.uscc = a.uscc"""
    db.execute(f"""INSERT INTO person (id, id_number, name, phone)
                   SELECT ? + a.id, printf('B%017d', ? + a.id), a.person_name, '13800000000' {rows}""", (base, base))
    # Deterministic "random" delays from the id, so that reruns on the same data give the same figures.
    db.execute(f"""INSERT INTO appointment (id, uscc, person_id, role, status, position, is_principal,
                                            appointed_on, registered_on, ended_on)
                   SELECT ? + a.id, a.uscc, ? + a.id, 'cqo',
                          CASE a.status WHEN 'active' THEN 'registered' ELSE 'dismissed' END,
                          '质量副总经理', 0, a.appointed_on,
                          date(a.appointed_on, '+' || ((a.id * 7919) % 30) || ' days'),
                          CASE a.status WHEN 'active' THEN NULL
                               ELSE min(date(a.appointed_on, '+' || (180 + (a.id * 104729) % 540) || ' days'),
                                        '2020-12-31') END
                   {rows}""", (base, base))
    return db.execute("SELECT changes()").fetchone()[0]


def at_random(db, fraction, seed, base, today):
    rng = random.Random(seed)
    start = datetime.date(2021, 1, 1)
    span = max(1, (today - start).days - 30)
    usccs = [row[0] for row in db.execute(
        "SELECT uscc FROM enterprise e WHERE NOT EXISTS (SELECT 1 FROM appointment a WHERE a.uscc = e.uscc) ORDER BY uscc")]
    filed = 0
    for uscc in usccs:
        if rng.random() >= fraction:
            continue
        filed += 1
        ident = base + filed
        appointed = start + datetime.timedelta(days=rng.randrange(span))
        registered = min(today, appointed + datetime.timedelta(days=rng.randrange(30)))
        ended = None
        if rng.random() < 0.15:
            ended = min(today, registered + datetime.timedelta(days=rng.randrange(30, 400)))
        db.execute("INSERT INTO person (id, id_number, name, phone) VALUES (?, printf('R%017d', ?), '演示人员', '13800000000')",
                   (ident, ident))
        db.execute("""INSERT INTO appointment (id, uscc, person_id, role, status, position, is_principal,
                                               appointed_on, registered_on, ended_on)
                      VALUES (?, ?, ?, 'cqo', ?, '质量副总经理', 0, ?, ?, ?)""",
                   (ident, uscc, ident, "dismissed" if ended else "registered", appointed.isoformat(),
                    registered.isoformat(), ended.isoformat() if ended else None))
    return filed


if __name__ == "__main__":
    main()
