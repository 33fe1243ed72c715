"""Start and stop the real app (`streamlit run app.py`) on a free localhost port.

The server benchmarks, the load test and the two-instance proxy check all need the same
thing: a fresh server process they can measure with psutil and are sure to stop, even
when a measurement fails half-way (the process group is killed on exit).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "_stcore/health", timeout=2) as resp:
            return resp.read().strip() == b"ok"
    except OSError:
        return False


class AppServer:
    """`with AppServer() as srv:` runs the app; `srv.url`, `srv.ws_url`, `srv.process` (psutil)."""

    def __init__(self, port: int | None = None, extra: list[str] | None = None, script: str = "app.py") -> None:
        self.port = port or free_port()
        self.extra = extra or []
        self.script = script  # relative to the repository root, whose .streamlit/config.toml applies
        self.popen: subprocess.Popen | None = None
        self.started_at = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    @property
    def process(self) -> psutil.Process:
        return psutil.Process(self.popen.pid)

    def start(self, wait: bool = True) -> AppServer:
        cmd = [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true"]
        cmd += ["--server.port", str(self.port), "--server.address", "127.0.0.1", *self.extra]
        self.started_at = time.perf_counter()
        self.log = tempfile.TemporaryFile()  # not a pipe: a chatty server must never block on it
        self.popen = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True)
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not healthy(self.url):
            if self.popen.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.errors()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {self.url} within {timeout:.0f} s")
            time.sleep(0.05)

    def errors(self) -> str:
        """The end of what the server wrote to stderr (warnings and errors only: log level warning)."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
            self.popen.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.popen.wait(timeout=10)

    def __enter__(self) -> AppServer:
        return self.start() if self.popen is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank), as the load test and the proxy check report it."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1))]


def run_coroutine(coro):  # noqa: ANN001, ANN201
    """asyncio.run on a thread of its own: works even when the caller's thread already has a
    running event loop (as under pytest after Playwright's sync API)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
