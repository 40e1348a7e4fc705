"""Throughput on loopback: the portal under gunicorn (2 workers) on the benchmark database, driven by wrk
with 50 connections over a realistic page mix (benchmarks/mix.lua), once without and once with the
anonymous page cache. Needs PostgreSQL (DATABASE_URL), Redis (BENCH_REDIS_URL) and `wrk` on the PATH."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = int(os.environ.get("BENCH_DURATION", "20"))
CONNECTIONS = 50
THREADS = os.environ.get("BENCH_THREADS", "4")


def available():
    return shutil.which("wrk") is not None and "postgres" in os.environ.get("DATABASE_URL", "")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _workers(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def production_env(port):
    """The production settings as deployed (hashed, compressed static files collected once, JSON logs),
    with throw-away secrets, plain HTTP on loopback and Redis as the cache."""
    static_root = Path(tempfile.gettempdir()) / "portail-mna-bench-static"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_HOST": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "PORTAL_VAR_DIR": str(static_root.parent / "portail-mna-bench-var"),
        "LOG_LEVEL": "WARNING",
        "CACHE_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
    }
    env.pop("DEBUG", None)
    python = str(ROOT / ".venv/bin/python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    # A cache left by another corpus (seeding publishes nothing, so the version would not move) is emptied.
    clear = "from django.core.cache import cache; cache.clear()"
    subprocess.run([python, "manage.py", "shell", "-c", clear], cwd=ROOT, env=env, check=True)
    return env


def run(paths, page_cache):
    """Serve, warm up, load for DURATION seconds; requests/s, latency percentiles, errors, peak RSS."""
    port = _free_port()
    env = production_env(port) | {"PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--workers", "2"]
        # Threads keep connections alive (the sync worker closes each one after its answer, which cost
        # a TCP handshake per cached page) and overlap the waits on PostgreSQL and Redis.
        + ["--worker-class", "gthread", "--threads", THREADS, "--keep-alive", "5"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    load_before = os.getloadavg()[0]
    peak = {"rss_kb": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            total = sum(_rss_kb(pid) for pid in _workers(server.pid))
            peak["rss_kb"] = max(peak["rss_kb"], total)
            time.sleep(0.5)

    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        for path in paths:  # each worker loads its templates and caches once
            for _ in range(2):
                urllib.request.urlopen(base + path, timeout=30).read()
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(paths) + "\n")
        threading.Thread(target=sample, daemon=True).start()
        result = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s"]
            + ["-s", str(ROOT / "benchmarks/mix.lua"), base],
            env={**os.environ, "BENCH_PATHS": f.name},
            capture_output=True,
            text=True,
            check=True,
        )
        summary = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    seconds = summary.pop("duration_us") / 1e6
    return {
        "page_cache": page_cache,
        "worker": f"gthread, 2 workers x {THREADS} threads",
        "load_average_before": round(load_before, 2),
        "connections": CONNECTIONS,
        "seconds": round(seconds, 1),
        "requests_per_s": round(summary["requests"] / seconds, 1),
        **summary,
        "workers_peak_rss_mb": round(peak["rss_kb"] / 1024, 1),
    }


if __name__ == "__main__":
    print(json.dumps([run(sys.argv[1:], cache) for cache in (False, True)], indent=2))
