"""Runs the factd commands of compose.yaml against a throw-away PostgreSQL (tests/image/compose-check).

    python3 tests/image/compose_run.py COMMANDS FACTD CORPUS

COMMANDS holds one JSON array a line: the ingest service's command first, then each server's.
The database URL is FACTD_TEST_PG's (tests/pg/pgtmp run), the image's corpus path is CORPUS,
and each server listens on a free local port; everything else runs as written.  Every server
must answer /healthz, and all of them the same non-empty /agreements, /meetings and /quotes.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

IMAGE_CORPUS = "/usr/share/factd/corpus"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
        return r.status, r.read()


def set_option(args, name, value):
    if name in args:
        args[args.index(name) + 1] = value


def main():
    commands = [json.loads(line) for line in open(sys.argv[1])]
    factd, corpus, url = sys.argv[2], sys.argv[3], os.environ["FACTD_TEST_PG"]
    servers = []
    try:
        for cmd in commands:
            args = list(cmd)
            set_option(args, "--db", url)
            if args[0] == "ingest":
                args = [corpus if a.startswith(IMAGE_CORPUS) else a for a in args]
                done = subprocess.run([factd] + args, capture_output=True, text=True, timeout=600)
                if done.returncode != 0:
                    sys.exit(f"compose: FAIL: factd {' '.join(cmd)} exited {done.returncode}:\n"
                             f"{done.stderr[-2000:]}")
                print(f"compose: ran factd {' '.join(cmd)}")
                continue
            port = free_port()
            set_option(args, "--port", str(port))
            set_option(args, "--listen", "127.0.0.1")
            proc = subprocess.Popen([factd] + args, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            servers.append((proc, port, cmd))
        answers = {}
        for proc, port, cmd in servers:
            for _ in range(150):
                try:
                    if fetch(port, "/healthz")[0] == 200:
                        break
                except OSError:
                    if proc.poll() is not None:
                        sys.exit(f"compose: FAIL: factd {' '.join(cmd)} exited {proc.returncode}")
                    time.sleep(0.1)
            else:
                sys.exit(f"compose: FAIL: factd {' '.join(cmd)} never answered /healthz")
            for path in ("/agreements", "/meetings", "/quotes"):
                status, body = fetch(port, path)
                if status != 200:
                    sys.exit(f"compose: FAIL: {path} answered {status}")
                answers.setdefault(path, set()).add(body)
        for path, bodies in answers.items():
            if len(bodies) != 1:
                sys.exit(f"compose: FAIL: the servers answer {path} differently")
            if not json.loads(next(iter(bodies))).get("data"):
                sys.exit(f"compose: FAIL: {path} is empty after the ingest service ran")
        print(f"compose: {len(servers)} servers on one PostgreSQL answer the same facts")
    finally:
        for proc, _, _ in servers:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
