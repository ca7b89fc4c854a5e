"""Load benchmark of the quote search API on a large synthetic corpus (loopback only, bounded).

    python benchmarks/bench_web.py [--quotes 1000000] [--requests 3000] [--concurrency 8] [--seconds 60]

Builds (once, cached under benchmarks/out/) a corpus database with the store's schema and N quotes made
with INSERT ... SELECT from range(): 20 quotes per article, a Zipf-like share of speakers, two thirds of the
quotes carried by a source chain (some through state media). Then serves it with ``sayso serve`` in its
own process and fires a bounded mix of /api/v1/quotes searches (speaker, addressee, via, words, date
range, state-media-only, deep pages) from a client process, and prints requests/s and latency
percentiles. Target on a 2-core machine: >= 200 requests/s, p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
QUOTES_PER_ARTICLE = 20
N_ACTORS = 2000
N_OUTLETS = 40  # the first 10 are state media
WORDS = ("election sanctions ceasefire border talks trade grain corridor security support partnership "
         "sovereignty pressure dialogue peace economy treaty summit visit aid threat").split()


def build_corpus(path: Path, n_quotes: int) -> None:
    """Synthetic rows straight into the store's tables (schema from the store's migrations)."""
    from sayso.store.db import connect

    n_articles = max(1, n_quotes // QUOTES_PER_ARTICLE)
    words = "[" + ", ".join(f"'{w}'" for w in WORDS) + "]"
    con = connect(str(path))
    con.execute("SET enable_progress_bar = false")
    t0 = time.perf_counter()
    con.execute(f"""
        INSERT INTO actors (id, actor_key, name, type, country, state_media, sector)
        SELECT i, 'actor ' || i || '|', CASE WHEN i < {N_OUTLETS} THEN 'Outlet ' || i ELSE 'Actor ' || i END,
               CASE WHEN i < {N_OUTLETS} THEN 'media' WHEN i % 5 = 0 THEN 'country' ELSE 'person' END,
               NULL, i < 10, CASE WHEN i < {N_OUTLETS} THEN 'MED' ELSE 'GOV' END
        FROM range({N_ACTORS}) t(i)""")
    con.execute("INSERT INTO actor_aliases SELECT id, lower(name) FROM actors")
    con.execute(f"""
        INSERT INTO articles (id, key, num, story_id, text, published, title, outlet, warnings, schema)
        SELECT 'art' || i, 'key' || i, i, i, 'Synthetic article ' || i || '.',
               strftime(DATE '2022-01-01' + CAST(i * 1000 / {n_articles} AS INTEGER), '%Y-%m-%d'),
               'Synthetic story ' || i, 'Outlet ' || (i % {N_OUTLETS}), [], 'sayso/1'
        FROM range({n_articles}) t(i)""")
    # speakers: a heavy-tailed draw (rank k has share ~ 10/(k+10): the top ten say half), never an outlet
    con.execute(f"""
        INSERT INTO quotes
        SELECT 'art' || (i // {QUOTES_PER_ARTICLE}), 'q' || (i % {QUOTES_PER_ARTICLE} + 1), i % {QUOTES_PER_ARTICLE},
               CASE i % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'indirect' ELSE 'mixed' END,
               'we ' || {words}[1 + (hash(i) % 20)::BIGINT] || ' and ' || {words}[1 + (hash(i + 7) % 20)::BIGINT] || ' quote ' || (hash(i) % 100000),
               [[0, 10]], 0, 'said', 'say', 0, 4,
               'a' || sp, sp, 'Actor ' || sp, 0, 5, true,
               CASE WHEN i % 4 = 0 THEN 'a' || ad END, CASE WHEN i % 4 = 0 THEN ad END,
               CASE WHEN i % 4 = 0 THEN 'Actor ' || ad END, NULL, NULL, i % 4 = 0,
               i % 11 = 0, 0, 10,
               CASE WHEN i % 3 = 0 THEN 0 WHEN i % 12 = 1 THEN 2 ELSE 1 END,
               i % 3 <> 0 AND (i % 17) < 10,
               NULL
        FROM (SELECT i, {N_OUTLETS} + CAST(floor(10 * (1e6 / (1 + hash(i) % 1000000) - 1)) AS BIGINT) % ({N_ACTORS} - {N_OUTLETS}) AS sp,
                     {N_OUTLETS} + hash(i * 31) % ({N_ACTORS} - {N_OUTLETS}) AS ad
              FROM range({n_quotes}) t(i))""")
    con.execute(f"""
        INSERT INTO quote_sources
        SELECT q.article_id, q.local_id, k, 'a' || src, src, 'Outlet ' || src, 0, 5, 'according to', 0, 5
        FROM (SELECT article_id, local_id, n_via, via_state_media, hash(article_id || local_id) AS h FROM quotes) q,
             range(2) r(k),
             LATERAL (SELECT CASE WHEN q.via_state_media THEN q.h % 10 ELSE 10 + q.h % {N_OUTLETS - 10} END AS src)
        WHERE k < q.n_via""")
    con.execute("CHECKPOINT")
    n = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    con.close()
    print(f"built {path} with {n:,} quotes in {time.perf_counter() - t0:.1f}s", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_mix(rng: random.Random) -> dict[str, str]:
    """One search as a reader would make it: mostly by speaker, often narrowed by date or words."""
    speaker = f"Actor {40 + int(rng.paretovariate(1.2)) % 200}"
    kind = rng.random()
    if kind < 0.30:
        params = {"speaker": speaker}
    elif kind < 0.45:
        month = rng.randint(1, 30)
        params = {"speaker": speaker, "since": f"{2022 + month // 12}-{month % 12 + 1:02d}-01",
                  "until": f"{2022 + (month + 3) // 12}-{(month + 3) % 12 + 1:02d}-01"}
    elif kind < 0.55:
        params = {"via": f"Outlet {rng.randint(0, 9)}", "state_media_only": "true", "since": "2024-06-01"}
    elif kind < 0.65:
        params = {"addressee": f"Actor {rng.randint(40, 400)}"}
    elif kind < 0.75:
        params = {"speaker": speaker, "text": rng.choice(WORDS)}
    elif kind < 0.85:
        params = {"since": "2024-09-01", "until": "2024-09-10"}
    elif kind < 0.95:
        params = {"speaker": speaker, "offset": str(rng.randint(1, 20) * 50)}
    else:
        params = {"text": rng.choice(WORDS) + " " + rng.choice(WORDS), "since": "2024-01-01"}
    params["limit"] = "50"
    return params


class _Connection:
    """A minimal HTTP/1.1 keep-alive GET client on asyncio streams: the load generator shares the two
    cores with the server, and a full client library would spend more CPU per request than the server."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
        body = await self.reader.readexactly(length)
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _load(host: str, port: int, n: int, concurrency: int, seconds: float, seed: int) -> tuple[list[float], int, float]:
    from urllib.parse import urlencode

    rng = random.Random(seed)
    plan = ["/api/v1/quotes?" + urlencode(request_mix(rng)) for _ in range(n)]
    latencies: list[float] = []
    errors = 0
    next_i = 0
    deadline = time.perf_counter() + seconds

    async def worker(conn: _Connection) -> None:
        nonlocal next_i, errors
        while next_i < len(plan) and time.perf_counter() < deadline:
            target = plan[next_i]
            next_i += 1
            t = time.perf_counter()
            status, body = await conn.get(target)
            latencies.append(time.perf_counter() - t)
            if status != 200 or not body.startswith(b'{"items"'):
                errors += 1

    conns = [_Connection(host, port) for _ in range(concurrency)]
    try:
        for conn in conns:  # warm the server (first cursor, caches) outside the measurement
            for _ in range(3):
                await conn.get("/api/v1/quotes?limit=50")
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(conn) for conn in conns))
        elapsed = time.perf_counter() - t0
    finally:
        for conn in conns:
            conn.close()
    return latencies, errors, elapsed


def _wait_for(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited early")
        try:
            if httpx.get(base + "/api/v1/articles?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer in time")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc): the server's cost per request, whatever else
    the machine is doing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=3000, help="at most this many requests")
    ap.add_argument("--seconds", type=float, default=60, help="and at most this long")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db", type=Path, default=None, help="reuse or build the corpus here")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    db = args.db or OUT / f"bench_web_{args.quotes}.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild and db.exists():
        db.unlink()
    if not db.exists():
        build_corpus(db, args.quotes)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "sayso.cli.main", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _wait_for(base, server)
        cpu0, client0 = _cpu_seconds(server.pid), time.process_time()
        latencies, errors, elapsed = asyncio.run(
            _load("127.0.0.1", port, args.requests, args.concurrency, args.seconds, args.seed))
        server_cpu, client_cpu = _cpu_seconds(server.pid) - cpu0, time.process_time() - client0
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies.sort()
    n = len(latencies)

    def pct(p: float) -> float:
        return 1000 * latencies[min(n - 1, int(p * n))]

    rps = n / elapsed
    print(f"quote search on {args.quotes:,} quotes: {n} requests, concurrency {args.concurrency}, "
          f"{elapsed:.1f}s, {errors} errors")
    print(f"throughput {rps:.0f} requests/s; latency p50 {pct(0.50):.1f} ms, p95 {pct(0.95):.1f} ms, "
          f"p99 {pct(0.99):.1f} ms, max {1000 * latencies[-1]:.1f} ms, mean {1000 * statistics.mean(latencies):.1f} ms")
    print(f"server CPU {1000 * server_cpu / max(n, 1):.2f} ms per request, client {1000 * client_cpu / max(n, 1):.2f} ms; "
          f"load average during the run {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = rps >= 200 and pct(0.99) < 100 and errors == 0
    print("target (>= 200 requests/s, p99 < 100 ms):", "met" if ok else "MISSED")


if __name__ == "__main__":
    main()
