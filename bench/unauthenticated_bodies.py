#!/usr/bin/env python3
"""8 unauthenticated sockets each announce a 60 MB body and send it; the server's RSS before and at its peak.

Usage: python3 bench/unauthenticated_bodies.py .build/debug/cqo-registry   (serves on port 18577, temp database)
"""
import socket, subprocess, sys, time, os, tempfile
binary = sys.argv[1]
db = tempfile.mktemp(suffix=".sqlite")
server = subprocess.Popen([binary, "serve", "--db", db, "--port", "18577", "--log-level", "error"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def rss():
    return int(subprocess.check_output(["ps", "-o", "rss=", "-p", str(server.pid)]).strip()) // 1024
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", 18577)).close(); break
    except OSError: time.sleep(0.1)
time.sleep(1)
before = rss()
length = 60_000_000
socks = []
for _ in range(8):
    s = socket.create_connection(("127.0.0.1", 18577))
    s.sendall(f"POST /v1/enterprises HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n".encode())
    s.setblocking(False)
    socks.append([s, 0, b""])
chunk = b" " * 65536
deadline = time.time() + 60
peak, last_sample = before, 0.0
while time.time() < deadline and any(sent < length and not closed for s, sent, closed in [(x[0], x[1], x[2] == b"x") for x in socks]):
    for entry in socks:
        s, sent, state = entry
        if state == b"x" or sent >= length: continue
        try:
            n = s.send(chunk[: min(len(chunk), length - sent)]); entry[1] += n
        except BlockingIOError: pass
        except OSError: entry[2] = b"x"
    if time.time() - last_sample > 0.02:
        peak, last_sample = max(peak, rss()), time.time()
peak = max(peak, rss())
answers = []
for s, sent, state in socks:
    s.setblocking(True); s.settimeout(5)
    try: answers.append(s.recv(64).split(b"\r\n")[0].decode())
    except OSError as e: answers.append(f"({e.__class__.__name__}, sent {sent})")
print(f"RSS before: {before} MB; peak while 8 x 60 MB are sent: {peak} MB; bytes sent per socket: {[x[1] for x in socks]}")
print("answers:", answers)
server.terminate(); server.wait()
for suffix in ("", "-wal", "-shm"):
    try: os.remove(db + suffix)
    except OSError: pass
