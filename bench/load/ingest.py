#!/usr/bin/env python3
"""Ingest an NDJSON file of articles into a running Chronicle over HTTP, and measure it.

Each of --concurrency threads keeps one keep-alive connection and sends one request at a time,
taking the next article from a shared cursor, so at most --concurrency requests are in flight.
By default every article is its own `POST /v1/articles` (application/json); with --batch K, K
articles go in one `application/x-ndjson` request and the per-line statuses are counted.

All bodies are read into memory before the clock starts; the clock runs from the first request
to the last response (wall time), and articles/s = articles accepted (201 new + 200 duplicate) /
wall time. Prints a JSON summary on stdout and a one-line digest on stderr. Standard library only.

Usage: python3 ingest.py --url http://127.0.0.1:8080/v1/articles --file articles.ndjson
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from collections import Counter


def percentile(sorted_values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return None
    rank = max(1, min(len(sorted_values), round(pct / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


class Run:
    def __init__(self, bodies: list[bytes], content_type: str, articles_per_body: list[int],
                 deadline: float):
        self.bodies = bodies
        self.content_type = content_type
        self.articles_per_body = articles_per_body
        self.deadline = deadline
        self.next_index = 0
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()  # per article: "201", "200", "400", "error", ...
        self.duplicates = 0
        self.requests = 0
        self.transport_errors = 0
        self.first_errors: list[str] = []
        self.timed_out = False

    def take(self) -> int | None:
        with self.lock:
            if time.monotonic() > self.deadline:
                self.timed_out = True
                return None
            if self.next_index >= len(self.bodies):
                return None
            index = self.next_index
            self.next_index += 1
            return index

    def record(self, latency: float, statuses: list[str], duplicates: int, error: str | None) -> None:
        with self.lock:
            self.requests += 1
            self.latencies.append(latency)
            self.statuses.update(statuses)
            self.duplicates += duplicates
            if error and len(self.first_errors) < 5:
                self.first_errors.append(error)


def parse_statuses(status: int, payload: bytes, batch: bool, count: int) -> tuple[list[str], int, str | None]:
    """Per-article statuses, the number of duplicates, and an error sample if any."""
    try:
        body = json.loads(payload) if payload else {}
    except ValueError:
        body = {}
    if batch and status < 300 and isinstance(body, dict) and isinstance(body.get("results"), list):
        results = body["results"]
        statuses = [str(r.get("status", "?")) for r in results if isinstance(r, dict)]
        duplicates = sum(1 for r in results if isinstance(r, dict) and r.get("duplicate") is True)
        bad = next((r for r in results if isinstance(r, dict) and int(r.get("status", 0)) >= 300), None)
        return statuses, duplicates, (json.dumps(bad)[:300] if bad else None)
    duplicates = count if (isinstance(body, dict) and body.get("duplicate") is True) else 0
    error = None if status < 300 else f"HTTP {status}: {payload[:300]!r}"
    return [str(status)] * count, duplicates, error


def worker(run: Run, host: str, port: int, path: str, timeout: float, batch: bool) -> None:
    connection: http.client.HTTPConnection | None = None
    while (index := run.take()) is not None:
        body = run.bodies[index]
        count = run.articles_per_body[index]
        started = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(host, port, timeout=timeout)
            connection.request("POST", path, body=body,
                               headers={"Content-Type": run.content_type, "Accept": "application/json"})
            response = connection.getresponse()
            payload = response.read()
            latency = time.perf_counter() - started
            statuses, duplicates, error = parse_statuses(response.status, payload, batch, count)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException) as exc:
            latency = time.perf_counter() - started
            statuses, duplicates, error = ["error"] * count, 0, f"{type(exc).__name__}: {exc}"
            if connection is not None:
                connection.close()
            connection = None
        run.record(latency, statuses, duplicates, error)
    if connection is not None:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="e.g. http://127.0.0.1:8080/v1/articles")
    parser.add_argument("--file", required=True, help="NDJSON, one article per line")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--batch", type=int, default=0,
                        help="articles per application/x-ndjson request (0: one JSON article per request)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--max-seconds", type=float, default=900.0,
                        help="stop sending new requests after this many seconds")
    args = parser.parse_args(argv)

    url = urllib.parse.urlsplit(args.url)
    if url.scheme != "http" or not url.hostname:
        parser.error("--url must be http://HOST:PORT/PATH")
    path = url.path or "/"
    if url.query:
        path += "?" + url.query

    with open(args.file, "rb") as handle:
        lines = [line.rstrip(b"\r\n") for line in handle if line.strip()]
    batch = args.batch > 0
    if batch:
        groups = [lines[i:i + args.batch] for i in range(0, len(lines), args.batch)]
        bodies = [b"\n".join(group) + b"\n" for group in groups]
        sizes = [len(group) for group in groups]
        content_type = "application/x-ndjson"
    else:
        bodies, sizes, content_type = lines, [1] * len(lines), "application/json"

    started = time.monotonic()
    run = Run(bodies, content_type, sizes, deadline=started + args.max_seconds)
    threads = [threading.Thread(target=worker, args=(run, url.hostname, url.port or 80, path, args.timeout, batch),
                                daemon=True) for _ in range(max(1, args.concurrency))]
    wall_start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall_start

    latencies = sorted(run.latencies)
    created = run.statuses.get("201", 0)
    accepted = created + run.statuses.get("200", 0)
    ms = lambda value: None if value is None else round(value * 1000, 2)  # noqa: E731
    summary = {
        "articles_in_file": len(lines),
        "articles_sent": sum(run.statuses.values()),
        "requests": run.requests,
        "concurrency": args.concurrency,
        "batch": args.batch,
        "created": created,
        "duplicates": run.duplicates,
        "accepted": accepted,
        "failed": sum(run.statuses.values()) - accepted,
        "statuses": dict(sorted(run.statuses.items())),
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(accepted / wall, 1) if wall > 0 else None,
        "request_latency_ms": {"p50": ms(percentile(latencies, 50)), "p90": ms(percentile(latencies, 90)),
                               "p99": ms(percentile(latencies, 99)), "max": ms(latencies[-1] if latencies else None)},
        "stopped_by_deadline": run.timed_out,
        "error_samples": run.first_errors,
    }
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    print(f"ingest: {accepted}/{len(lines)} accepted ({created} new, {run.duplicates} duplicate) in {wall:.1f}s "
          f"= {summary['articles_per_second']} articles/s; failed {summary['failed']}", file=sys.stderr)
    return 0 if summary["failed"] == 0 and not run.timed_out else 1


if __name__ == "__main__":
    sys.exit(main())
