#!/usr/bin/env python3
"""Crash safety: rounds of concurrent writes, SIGKILL at a random moment, restart, and check.

usage: Tests/crash/crash_safety.py path/to/cqo-registry [rounds] [seconds-per-round] [seed]

Each round starts the server on a loopback port over the same database, runs writer threads (enterprise
creations, appointment filings, registrations, attendance replacements) for a random part of the round, kills the
server with SIGKILL while they write, and restarts it. After every restart:
- every write the client saw acknowledged (2xx) is present: the enterprise, the filing (with its history), the
  registration, the attendance list (the last acknowledged one, or one that was in flight at the kill);
- nothing is half-applied: no appointment without its history, no appointment without its audit entry;
- PRAGMA integrity_check is ok and `cqo-registry audit verify` exits 0;
- the coverage answer for the region equals a recomputation from the tables.
Exits non-zero on the first violation. Bounded: rounds x seconds, each request with a timeout.
"""
import datetime
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/cqo-registry"
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 1.5
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 2025
rng = random.Random(SEED)

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def uscc(serial):
    body = "91442000" + format(serial, "09d")
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_CHARS[(31 - total % 31) % 31]


def id_number(serial):
    body = "44200019800101" + format(serial % 1000, "03d")
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS))
    return body + "10X98765432"[total % 11]


def fail(message):
    print(f"crash safety: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db, log):
        self.db, self.log, self.process, self.port = db, log, None, None

    def start(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            [BIN, "serve", "--port", str(self.port), "--db", self.db, "--log-level", "warning",
             "--rate-limit-per-token", "1000000", "--rate-limit-per-address", "1000000"],
            stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if request(self.port, "GET", "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        fail("the server did not become ready")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def request(port, method, path, body=None, token=None, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        return response.status, (json.loads(payload) if payload[:1] in (b"{", b"[") else payload)
    finally:
        connection.close()


class Ledger:
    """What the client saw acknowledged, and what was in flight when the server died."""

    def __init__(self):
        self.lock = threading.Lock()
        self.enterprises = set()
        self.filings = {}  # appointment id -> uscc
        self.people = {}  # appointment id -> person id
        self.registered = set()
        self.attendance = None  # last acknowledged list (person ids)
        self.attendance_in_flight = []
        self.serial = 0

    def next_serial(self):
        with self.lock:
            self.serial += 1
            return self.serial


def writer(port, token, ledger, stop, session_id, kind):
    local = random.Random(rng.random())
    while not stop.is_set():
        try:
            if kind == "enterprises":
                serial = ledger.next_serial()
                code = uscc(serial)
                status, _ = request(port, "POST", "/v1/enterprises", {
                    "uscc": code, "name": f"崩溃测试企业{serial}", "region_code": "442000100001",
                    "size_class": "small", "above_scale": False, "industry_code": "C3857", "sector": "product"},
                    token)
                if status == 201:
                    with ledger.lock:
                        ledger.enterprises.add(code)
            elif kind == "filings":
                with ledger.lock:
                    candidates = sorted(ledger.enterprises)
                if not candidates:
                    continue
                code = local.choice(candidates)
                serial = ledger.next_serial()
                status, body = request(port, "POST", f"/v1/enterprises/{code}/appointments", {
                    "role": "cqo", "person": {"name": "张三明", "id_number": id_number(serial), "phone": "13812345678"},
                    "position": "质量副总经理", "is_principal": False, "appointed_on": "2025-03-01"}, token)
                if status == 201:
                    with ledger.lock:
                        ledger.filings[body["id"]] = code
                        ledger.people[body["id"]] = body["person_id"]
                    status, _ = request(port, "POST", f"/v1/appointments/{body['id']}/register", {}, token)
                    if status == 200:
                        with ledger.lock:
                            ledger.registered.add(body["id"])
            elif kind == "attendance":
                with ledger.lock:
                    people = sorted(set(ledger.people.values()))
                chosen = sorted(local.sample(people, min(len(people), local.randint(0, 40)))) if people else []
                with ledger.lock:
                    ledger.attendance_in_flight.append(chosen)
                status, _ = request(port, "PUT", f"/v1/training-sessions/{session_id}/attendance",
                                    [{"person_id": p, "hours": 8} for p in chosen], token)
                if status == 200:
                    with ledger.lock:
                        ledger.attendance = chosen
                        ledger.attendance_in_flight = []
        except (OSError, http.client.HTTPException, ValueError):
            # The server died under us: what was not acknowledged may or may not be there.
            time.sleep(0.01)


def china_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


def check(server, db, token, ledger, session_id):
    port = server.port
    with ledger.lock:
        enterprises, filings = set(ledger.enterprises), dict(ledger.filings)
        registered, attendance = set(ledger.registered), ledger.attendance
        in_flight = list(ledger.attendance_in_flight)
    connection = sqlite3.connect(db)
    stored = {row[0] for row in connection.execute("SELECT uscc FROM enterprise")}
    missing = enterprises - stored
    if missing:
        fail(f"{len(missing)} acknowledged enterprises are missing, e.g. {sorted(missing)[:3]}")
    rows = {row[0]: row for row in connection.execute("SELECT id, uscc, status FROM appointment")}
    for appointment, code in filings.items():
        if appointment not in rows or rows[appointment][1] != code:
            fail(f"acknowledged filing {appointment} is missing")
    for appointment in registered:
        if rows[appointment][2] not in ("registered", "superseded"):
            fail(f"acknowledged registration of {appointment} reads {rows[appointment][2]}")
    orphans = connection.execute(
        "SELECT count(*) FROM appointment a WHERE NOT EXISTS "
        "(SELECT 1 FROM appointment_transition t WHERE t.appointment_id = a.id)").fetchone()[0]
    if orphans:
        fail(f"{orphans} appointments have no history")
    unaudited = connection.execute(
        "SELECT count(*) FROM appointment a WHERE NOT EXISTS "
        "(SELECT 1 FROM audit_event e WHERE e.resource = 'appointment/' || a.id)").fetchone()[0]
    if unaudited:
        fail(f"{unaudited} appointments have no audit entry")
    integrity = connection.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        fail(f"integrity_check: {integrity[:3]}")
    today = china_today()
    expected_total, expected_covered = connection.execute(
        """SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM appointment a WHERE a.uscc = e.uscc AND a.role = 'cqo'
               AND a.registered_on IS NOT NULL AND a.registered_on <= :d AND a.appointed_on <= :d
               AND (a.ended_on IS NULL OR a.ended_on > :d))), 0)
           FROM enterprise e WHERE e.region_code LIKE '4420%'
               AND (e.registered_on IS NULL OR e.registered_on <= :d)
               AND (e.deregistered_on IS NULL OR e.deregistered_on > :d)""", {"d": today}).fetchone()
    connection.close()
    status, stored_attendance = request(port, "GET", f"/v1/training-sessions/{session_id}", token=token)
    if status != 200:
        fail(f"the session reads {status}")
    listed = sorted(item["person_id"] for item in stored_attendance.get("attendance", []))
    allowed = ([attendance] if attendance is not None else [[]]) + in_flight
    if listed not in allowed:
        fail(f"attendance {listed[:5]}… is neither the last acknowledged list nor one in flight")
    for _ in range(100):
        status, coverage = request(port, "GET", "/v1/coverage?region=4420", token=token)
        if status == 200:
            break
        time.sleep(0.1)  # 503 while the coverage index loads after the restart
    total = coverage["total"]
    if (total["total"], total["covered"]) != (expected_total, expected_covered):
        fail(f"coverage {total['total']}/{total['covered']} != recomputed {expected_total}/{expected_covered}")
    verify = subprocess.run([BIN, "audit", "verify", "--db", db], capture_output=True, text=True)
    if verify.returncode != 0:
        fail(f"audit verify: {verify.stdout} {verify.stderr}")
    return len(enterprises), len(filings), len(registered)


def main():
    work = tempfile.mkdtemp(prefix="cqo-crash-")
    db = os.path.join(work, "registry.sqlite")
    log = open(os.path.join(work, "serve.log"), "w")
    subprocess.run([BIN, "migrate", "--db", db], check=True, capture_output=True)
    token = subprocess.run([BIN, "token", "create", "--role", "regulator", "--region", "4420", "--label", "crash",
                            "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    server = Server(db, log)
    server.start()
    status, session = request(server.port, "POST", "/v1/training-sessions", {
        "provider": "省质协", "title": "崩溃测试", "hours": 8, "starts_on": "2025-03-10", "ends_on": "2025-03-10",
        "mode": "online", "region_code": "4420"}, token)
    if status != 201:
        fail(f"creating the session answered {status}")
    ledger = Ledger()
    started = time.time()
    for round_number in range(1, ROUNDS + 1):
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(server.port, token, ledger, stop, session["id"], kind))
                   for kind in ("enterprises", "enterprises", "filings", "filings", "attendance")]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.2, SECONDS))
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        server.start()
        counts = check(server, db, token, ledger, session["id"])
        print(f"round {round_number}: killed and restarted; {counts[0]} enterprises, {counts[1]} filings, "
              f"{counts[2]} registrations acknowledged, all present")
    server.stop()
    print(f"crash safety: {ROUNDS} rounds passed in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
