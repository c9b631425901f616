#!/usr/bin/env python3
"""Issue certificates straight into a cqo-registry database to the persons of registered `cqo` appointments, for
benchmarks and demos of training coverage (never for production: no exam, audit log or change feed; the
certificate triggers of migration 0008 fire as for any write, so coverage stays consistent).

Each such person gets, with probability --share, one certificate issued between 2021-01-01 and --today, valid
three years (expires_on the day before the third anniversary); --revoked of them are revoked 30-700 days after
issue (an exit). Persons who already hold a certificate are skipped.

    python3 bench/file_certificates.py --db demo.sqlite --share 0.6 --seed 13
"""
import argparse
import datetime
import random
import sqlite3
import sys
import time


ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def number(rng, year):
    """A number as CertificateNumber.random makes one: CQO-YYYY, nine symbols and the check symbol (mod 31)."""
    values = [rng.randrange(len(ALPHABET)) for _ in range(9)]
    total, weight = 0, 1
    for value in [int(d) for d in str(year)] + values:
        total = (total + value * weight) % 31
        weight = weight * 3 % 31
    values.append((31 - total) % 31)
    return f"CQO-{year}-" + "".join(ALPHABET[v] for v in values)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--share", type=float, default=0.6)
    ap.add_argument("--revoked", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--today", default=datetime.date.today().isoformat())
    args = ap.parse_args()
    started = time.time()
    rng = random.Random(args.seed)
    today = datetime.date.fromisoformat(args.today)
    first = datetime.date(2021, 1, 1)
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA foreign_keys = ON")
    persons = [row[0] for row in db.execute(
        """SELECT DISTINCT person_id FROM appointment WHERE role = 'cqo' AND registered_on IS NOT NULL
           AND person_id NOT IN (SELECT person_id FROM certificate) ORDER BY person_id""")]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    taken = {row[0] for row in db.execute("SELECT number FROM certificate")}
    rows = []
    for person in persons:
        if rng.random() >= args.share:
            continue
        issued = first + datetime.timedelta(days=rng.randint(0, max(0, (today - first).days)))
        expires = issued.replace(year=issued.year + 3) - datetime.timedelta(days=1) \
            if not (issued.month == 2 and issued.day == 29) else datetime.date(issued.year + 3, 2, 28)
        revoked = None
        if rng.random() < args.revoked:
            revoked = (issued + datetime.timedelta(days=rng.randint(30, 700))).isoformat()
        text = number(rng, issued.year)
        while text in taken:
            text = number(rng, issued.year)
        taken.add(text)
        rows.append((text, person, issued.isoformat(), expires.isoformat(), revoked, now))
    db.executemany(
        "INSERT INTO certificate (number, person_id, issued_on, expires_on, revoked_on, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    print(f"issued {len(rows)} certificates to {len(persons)} registered cqo persons in {time.time() - started:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
