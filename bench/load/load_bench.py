#!/usr/bin/env python3
"""Chronicle under load, at growing store sizes, each figure beside a reference from the same run.

Starts `chronicle serve` on a free loopback port with a temporary data directory, then for each
size in --sizes (default 10000,100000):

1. grows the store to that size with generated articles (NDJSON batches, not timed as a figure);
2. idle reads: wrk on GET /healthz (the floor: HTTP alone), GET /v1/events?limit=20 and
   GET /v1/timeline?entity=<a person>; p50/p99 and their ratio to the floor;
3. reads while ingestion runs: single-article POSTs (--concurrency connections) of --live new
   articles, and meanwhile wrk on GET /v1/events; ingest articles/s beside the reference, the same
   articles through POST /v1/extract (the pipeline without the store);
then, at the largest size: resident memory per article beyond its text, a snapshot written while
wrk reads GET /v1/events (reads must not pause: the slowest read during it), and the time a
restart takes until /readyz answers.

Prints a report and, last, one JSON line with every figure. Needs wrk and python3 (standard
library). Usage: python3 bench/load/load_bench.py --bin .build/release/chronicle [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def log(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, timeout: float = 600, method: str = "GET") -> dict:
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Server:
    def __init__(self, binary: str, data: str, log_path: str):
        self.binary, self.data, self.log_path = binary, data, log_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        """Starts the service; returns the seconds until /readyz answered."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHRONICLE_")}
        env["CHRONICLE_SNAPSHOT_INTERVAL_MINUTES"] = "0"  # snapshots only when this script asks
        started = time.monotonic()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data-dir", self.data,
             "--log-level", "warning"],
            stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT, env=env, cwd=tempfile.gettempdir())
        deadline = started + 1800
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"chronicle exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("chronicle was not ready in 30 minutes")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=600)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ingest(url: str, path: str, concurrency: int, batch: int, timeout: float = 30) -> dict:
    result = subprocess.run(
        [sys.executable, os.path.join(HERE, "ingest.py"), "--url", url, "--file", path, "--concurrency", str(concurrency),
         "--batch", str(batch), "--max-seconds", "7200", "--timeout", str(timeout)],
        capture_output=True, text=True)
    summary = json.loads(result.stdout)
    if summary["failed"]:
        raise SystemExit(f"ingest failed: {summary['error_samples']}")
    return summary


def wrk(url: str, seconds: float, connections: int) -> subprocess.Popen:
    return subprocess.Popen(["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "--latency", url],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def parse_wrk(output: str) -> dict:
    def ms(value: str) -> float:
        number, unit = re.match(r"([0-9.]+)([a-z]+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    figures = {}
    inside = False
    for line in output.splitlines():
        parts = line.split()
        if line.strip().startswith("Latency") and len(parts) >= 5 and not inside:
            figures["max_ms"] = ms(parts[3])
        if "Latency Distribution" in line:
            inside = True
            continue
        if inside and parts and parts[0] in ("50%", "99%"):
            figures["p" + parts[0][:-1] + "_ms"] = ms(parts[1])
        if line.startswith("Requests/sec:"):
            figures["requests_per_second"] = float(parts[1])
        if "Non-2xx or 3xx responses" in line:
            figures["non_2xx"] = int(parts[-1])
    figures.setdefault("non_2xx", 0)
    if "p99_ms" not in figures:
        raise SystemExit("could not read wrk's output:\n" + output)
    return figures


def run_wrk(url: str, seconds: float, connections: int) -> dict:
    return parse_wrk(wrk(url, seconds, connections).communicate()[0])


def write_lines(path: str, lines: list[str]) -> str:
    with open(path, "w") as handle:
        handle.writelines(line + "\n" for line in lines)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--concurrency", type=int, default=8, help="connections posting articles")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections reading")
    parser.add_argument("--live", type=int, default=1000, help="articles posted while reads are measured")
    parser.add_argument("--duration", type=float, default=10, help="seconds per idle wrk run")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-restart", action="store_true", help="skip the restart at the end")
    parser.add_argument("--from", dest="start_from", metavar="DIR",
                        help="start from a copy of this data directory (e.g. `chronicle store fill` of the first N articles of the "
                             "same --seed) instead of growing the store over HTTP; sizes it already holds are measured at once")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    for tool in ("wrk",):
        if not shutil.which(tool):
            raise SystemExit(f"missing {tool} (apt-get install {tool})")

    work = tempfile.mkdtemp(prefix="chronicle-load-bench.")
    server = Server(os.path.abspath(args.bin), os.path.join(work, "data"), os.path.join(work, "server.log"))
    report: dict = {"benchmark": "load", "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
                    "cores": os.cpu_count(), "sizes": {}}
    try:
        stored, cursor = 0, 0
        text_bytes = 0
        empty_rss = 0
        if args.start_from:
            # The resident size of an empty store, for the memory per article.
            empty = Server(os.path.abspath(args.bin), os.path.join(work, "empty"), os.path.join(work, "empty.log"))
            empty.start()
            empty_rss = rss_bytes(empty.process.pid)
            empty.stop()
            os.makedirs(server.data)
            for name in os.listdir(args.start_from):
                if name.startswith(("snapshot", "journal-")):
                    shutil.copy(os.path.join(args.start_from, name), server.data)
            log(f"starting from a copy of {args.start_from}: ready after {server.start():.1f} s")
            stored = cursor = articles_stored(server.base)
        total = max(sizes[-1], stored) + args.live * len(sizes) * 2
        log(f"generating {total} articles (seed {args.seed})")
        generated = subprocess.run([sys.executable, os.path.join(HERE, "generate_articles.py"), "--count", str(total),
                                    "--seed", str(args.seed)], capture_output=True, text=True, check=True).stdout.splitlines()
        if args.start_from:
            # The directory holds the first `stored` of these (what `store fill` of the same seed stores).
            text_bytes = sum(len(json.loads(line)["text"].encode()) for line in generated[:stored])
        else:
            server.start()
            empty_rss = rss_bytes(server.process.pid)
        for size in sizes:
            figures: dict = {}
            log(f"growing the store to {size} articles")
            grow = generated[cursor:cursor + size - stored]
            cursor += len(grow)
            if grow:
                # Growing is not a figure, and a batch of 50 into a large store can take longer than
                # one article's 30 s: a run of an hour once died there at 94,000 articles.
                summary = ingest(server.base + "/v1/articles", write_lines(os.path.join(work, "grow.ndjson"), grow), 4, 50, timeout=600)
                figures["grow_articles_per_second"] = summary["articles_per_second"]
            stored += len(grow)
            text_bytes += sum(len(json.loads(line)["text"].encode()) for line in grow)
            entity = next((e["id"] for e in get_json(server.base + "/v1/entities?type=PERSON&limit=50")["items"][10:11]), None)
            entity = entity or get_json(server.base + "/v1/entities?limit=1")["items"][0]["id"]
            timeline_url = f"{server.base}/v1/timeline?entity={entity}"
            figures["timeline_entries"] = len(get_json(timeline_url).get("events", []))

            log(f"{size}: idle reads, wrk {args.duration:.0f} s each")
            figures["healthz"] = run_wrk(server.base + "/healthz", args.duration, args.connections)
            figures["events"] = run_wrk(server.base + "/v1/events?limit=20", args.duration, args.connections)
            figures["timeline"] = run_wrk(timeline_url, args.duration, args.connections)

            log(f"{size}: {args.live} articles through POST /v1/extract (the reference), then POST /v1/articles while wrk reads events")
            reference = generated[cursor:cursor + args.live]
            figures["extract_reference"] = ingest(server.base + "/v1/extract", write_lines(os.path.join(work, "ref.ndjson"), reference), args.concurrency, 0)["articles_per_second"]
            live = generated[cursor + args.live:cursor + 2 * args.live]
            cursor += 2 * args.live
            path = write_lines(os.path.join(work, "live.ndjson"), live)
            estimate = max(5, args.live / max(1.0, figures["extract_reference"]) * 1.2)
            reader = wrk(server.base + "/v1/events?limit=20", estimate, args.connections)
            started = time.monotonic()
            summary = ingest(server.base + "/v1/articles", path, args.concurrency, 0)
            ingest_seconds = time.monotonic() - started
            during = parse_wrk(reader.communicate()[0])
            figures["ingest_articles_per_second"] = summary["articles_per_second"]
            figures["ingest_post_p99_ms"] = summary["request_latency_ms"]["p99"]
            figures["events_during_ingest"] = during
            figures["wrk_overlap_seconds"] = round(min(ingest_seconds, estimate), 1)
            stored += len(live)
            text_bytes += sum(len(json.loads(line)["text"].encode()) for line in live)
            figures["stored"] = stored
            report["sizes"][str(size)] = figures

        log(f"memory, snapshot and restart at {stored} articles")
        get_json(server.base + "/v1/events?limit=1")
        resident = rss_bytes(server.process.pid)
        # Each article keeps its input and its clean text; both count as its text.
        report["memory"] = {"rss_bytes": resident, "empty_rss_bytes": empty_rss, "text_bytes": 2 * text_bytes,
                            "bytes_per_article_beyond_text": round((resident - empty_rss - 2 * text_bytes) / stored)}
        reader = wrk(server.base + "/v1/events?limit=20", 60, args.connections)
        time.sleep(2)
        snapshot = get_json(server.base + "/v1/admin/snapshot", method="POST")
        reader.send_signal(signal.SIGINT)  # wrk prints its statistics on SIGINT
        during = parse_wrk(reader.communicate()[0])
        report["snapshot"] = {"seconds": round(snapshot["seconds"], 2), "bytes": snapshot["bytes"], "articles": snapshot["articles"],
                              "events_during": during}
        server.stop()
        report["restart"] = None
        if not args.no_restart:
            load_seconds = server.start()
            report["restart"] = {"seconds_until_ready": round(load_seconds, 1), "articles": get_json(server.base + "/v1/admin/verify")["articles"] if stored <= 20000 else stored,
                                 "rss_bytes": rss_bytes(server.process.pid), "phases": open_phases(server.base)}
    finally:
        server.stop()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print_report(report)
    print(json.dumps(report))
    return 0


def articles_stored(base: str) -> int:
    with urllib.request.urlopen(base + "/metrics", timeout=30) as response:
        text = response.read().decode()
    match = re.search(r"^chronicle_articles_stored (\S+)$", text, re.MULTILINE)
    return int(float(match.group(1))) if match else 0


def open_phases(base: str) -> dict:
    """The seconds of each phase of opening the store, from chronicle_store_open_seconds."""
    with urllib.request.urlopen(base + "/metrics", timeout=30) as response:
        text = response.read().decode()
    return {match.group(1): round(float(match.group(2)), 2)
            for match in re.finditer(r'^chronicle_store_open_seconds\{phase="(\w+)"\} (\S+)$', text, re.MULTILINE)}


def print_report(report: dict) -> None:
    print(f"\nChronicle load benchmark, {report['date']}, {report['cores']} cores ({report['cpu']}); client and server share the machine")
    for size, f in report["sizes"].items():
        floor = f["healthz"]
        print(f"\nat {int(size):,} articles ({f['stored']:,} after the live ingest):")
        for name, label in (("healthz", "GET /healthz (floor)"), ("events", "GET /v1/events?limit=20"),
                            ("timeline", f"GET /v1/timeline?entity ({f['timeline_entries']} entries)"),
                            ("events_during_ingest", "GET /v1/events, ingestion running")):
            w = f[name]
            print(f"  {label:<44} p50 {w['p50_ms']:7.2f} ms ({w['p50_ms'] / floor['p50_ms']:5.1f}x floor)"
                  f"  p99 {w['p99_ms']:7.2f} ms ({w['p99_ms'] / floor['p99_ms']:5.1f}x floor)  {w['requests_per_second']:8.0f} req/s  non-2xx {w['non_2xx']}")
        print(f"  ingest POST /v1/articles: {f['ingest_articles_per_second']} articles/s = {f['ingest_articles_per_second'] / f['extract_reference']:.2f}x "
              f"POST /v1/extract ({f['extract_reference']} articles/s, the pipeline alone); POST p99 {f['ingest_post_p99_ms']} ms")
    m, s, r = report["memory"], report["snapshot"], report["restart"]
    print(f"\nmemory: {m['bytes_per_article_beyond_text'] / 1024:.1f} KiB per article beyond its text "
          f"(RSS {m['rss_bytes'] / 2**20:.0f} MiB, empty {m['empty_rss_bytes'] / 2**20:.0f} MiB, text {m['text_bytes'] / 2**20:.0f} MiB)")
    print(f"snapshot: {s['articles']:,} articles, {s['bytes'] / 2**20:.0f} MiB in {s['seconds']} s; GET /v1/events meanwhile "
          f"p99 {s['events_during']['p99_ms']:.2f} ms, slowest {s['events_during']['max_ms']:.2f} ms, non-2xx {s['events_during']['non_2xx']}")
    if r:
        phases = r.get("phases") or {}
        print(f"restart: ready after {r['seconds_until_ready']} s: files read in {phases.get('read', '?')} s, "
              f"snapshot decoded in {phases.get('decode', '?')} s, indexes rebuilt in {phases.get('rebuild', '?')} s, "
              f"journal replayed in {phases.get('replay', '?')} s; RSS {r['rss_bytes'] / 2**20:.0f} MiB")
    else:
        print("restart: skipped (--no-restart)")


if __name__ == "__main__":
    sys.exit(main())
