#!/usr/bin/env python3
"""Soak: a mixed load against a running server for a set time, then requests, errors, latency and RSS.

usage: bench/soak.py PORT SERVER_PID SECONDS REGULATOR_TOKEN VIEWER_TOKEN ENTERPRISES_FILE

The load, each on its own keep-alive connection(s), bounded by SECONDS:
- 4 dashboards polling /v1/coverage (by town) and /v1/coverage/trend with If-None-Match, every 0.2 s;
- 2 readers of enterprises (GET /v1/enterprises/{uscc}) and lists;
- 1 filer: an enterprise's appointment filed, then registered by the regulator (a successor supersedes);
- 1 exporter streaming the roster CSV every 5 s;
- 1 long-poll on /v1/events?wait=5 following the feed.
An error is a 5xx, a connection failure or an answer the script did not expect. RSS of the server is read with
ps at the start and the end (after a warm-up minute when SECONDS allows).
"""
import http.client
import json
import random
import subprocess
import sys
import threading
import time

PORT, PID, SECONDS = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
REGULATOR, VIEWER = sys.argv[4], sys.argv[5]
USCCS = [line.strip() for line in open(sys.argv[6]) if line.strip()]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(serial):
    body = "44200019800101" + format(serial % 1000, "03d")
    total = sum(int(c) * w for c, w in zip(body, ID_WEIGHTS))
    return body + "10X98765432"[total % 11]


def rss_kib():
    return int(subprocess.run(["ps", "-o", "rss=", "-p", str(PID)], capture_output=True, text=True).stdout.strip())


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}
        self.samples = []

    def record(self, kind, seconds, ok, what=""):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.samples) < 10:
                    self.samples.append(f"{kind}: {what}")


stats = Stats()
deadline = time.time() + SECONDS


class Client:
    def __init__(self, token):
        self.token, self.connection = token, None

    def request(self, method, path, body=None, headers=None, timeout=30):
        headers = dict(headers or {})
        headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.connection.close()
                    self.connection = None
                return response.status, dict(response.getheaders()), payload
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # An idle keep-alive connection the server closed: one retry on a new one.
                self.connection = None
                if attempt == 1:
                    raise
        raise RuntimeError("unreachable")

    def timed(self, kind, method, path, expect, **keywords):
        start = time.perf_counter()
        try:
            status, headers, payload = self.request(method, path, **keywords)
        except Exception as error:  # a failed connection is an error of the soak
            stats.record(kind, time.perf_counter() - start, False, repr(error))
            self.connection = None
            return None, {}, b""
        stats.record(kind, time.perf_counter() - start, status in expect, f"{method} {path} -> {status}")
        return status, headers, payload


def dashboard(index):
    client = Client(VIEWER)
    tags = {}
    paths = ["/v1/coverage?region=4420&group_by=region", "/v1/coverage/trend?region=4420&from=2024-01-01&to=2025-12-31",
             "/v1/coverage?region=4420&group_by=size_class&metric=training"]
    while time.time() < deadline:
        for path in paths:
            headers = {"If-None-Match": tags[path]} if path in tags else {}
            status, answer, _ = client.timed("coverage poll", "GET", path, {200, 304, 503}, headers=headers)
            if status == 200 and "ETag" in answer:
                tags[path] = answer["ETag"]
        time.sleep(0.2)


def reader(index):
    client = Client(REGULATOR)
    local = random.Random(index)
    while time.time() < deadline:
        client.timed("enterprise read", "GET", f"/v1/enterprises/{local.choice(USCCS)}", {200})
        if local.random() < 0.1:
            client.timed("enterprise list", "GET", "/v1/enterprises?region=4420&limit=50", {200})


def filer():
    client = Client(REGULATOR)
    local = random.Random(7)
    serial = 0
    while time.time() < deadline:
        serial += 1
        uscc = local.choice(USCCS)
        status, _, payload = client.timed(
            "file appointment", "POST", f"/v1/enterprises/{uscc}/appointments", {201, 409},
            body={"role": "cqo", "person": {"name": "张三明", "id_number": id_number(serial), "phone": "13812345678"},
                  "position": "质量副总经理", "is_principal": False, "appointed_on": "2025-03-01"})
        if status == 201:
            appointment = json.loads(payload)["id"]
            client.timed("register", "POST", f"/v1/appointments/{appointment}/register", {200}, body={})
        time.sleep(0.05)


def exporter():
    client = Client(REGULATOR)
    while time.time() < deadline:
        client.timed("roster export", "GET", "/v1/enterprises/export?region=4420", {200}, timeout=120)
        time.sleep(5)


def long_poll():
    client = Client(REGULATOR)
    after = None
    while time.time() < deadline:
        path = "/v1/events?wait=5&limit=200" + (f"&after={after}" if after else "")
        status, _, payload = client.timed("long-poll", "GET", path, {200}, timeout=30)
        if status == 200:
            body = json.loads(payload)
            after = body.get("next_cursor") or after


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def main():
    warm_up = min(60.0, SECONDS / 5)
    threads = ([threading.Thread(target=dashboard, args=(i,)) for i in range(4)]
               + [threading.Thread(target=reader, args=(i,)) for i in range(2)]
               + [threading.Thread(target=filer), threading.Thread(target=exporter), threading.Thread(target=long_poll)])
    for thread in threads:
        thread.start()
    time.sleep(warm_up)
    rss_start = rss_kib()
    for thread in threads:
        thread.join()
    rss_end = rss_kib()
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print(f"soak: {SECONDS:.0f} s, {total} requests ({total / SECONDS:.0f}/s), {errors} errors")
    for kind, values in sorted(stats.latencies.items()):
        print(f"  {kind:18} {len(values):8} requests  p50 {percentile(values, 0.5) * 1000:7.2f} ms  "
              f"p99 {percentile(values, 0.99) * 1000:7.2f} ms  errors {stats.errors.get(kind, 0)}")
    growth = (rss_end - rss_start) / rss_start * 100 if rss_start else 0.0
    print(f"  RSS after {warm_up:.0f} s warm-up {rss_start / 1024:.1f} MiB, at the end {rss_end / 1024:.1f} MiB "
          f"({growth:+.1f} %)")
    for sample in stats.samples:
        print(f"  error: {sample}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
