"""Shared arithmetic and printing for the benchmarks, so every row means the same thing.

A row is (what, median, 95th percentile, unit). The percentile is the nearest-rank value,
not an interpolation: with few runs it is an observed time, never a made-up one.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from harness.server import p95

Row = tuple[str, float, float, str]


def summary(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), p95(values)


def measure(fn: Callable[[], object], repeat: int, warmup: int = 1) -> tuple[float, float]:
    """Median and p95 in milliseconds of `repeat` calls after `warmup` unmeasured ones."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return summary(times)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> str:
    try:
        import psutil

        return f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM"
    except ImportError:
        return "RAM unknown"


def machine() -> str:
    """One line naming the machine, so a figure is never quoted without it."""
    try:
        chromium = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "no chromium"
    return (
        f"{os.cpu_count()} cores ({_cpu_model()}), {_ram_gib()}, {platform.system()} {platform.release()}, "
        f"Python {sys.version.split()[0]}, {chromium}; load average {os.getloadavg()[0]:.2f} at start"
    )


def table(rows: list[Row]) -> str:
    """One markdown table: what, median, p95, unit."""
    width = max(len(r[0]) for r in rows)
    lines = [
        f"| {'measure'.ljust(width)} |   median |      p95 | unit |",
        f"|{'-' * (width + 2)}|---------:|---------:|------|",
    ]
    for name, med, high, unit in rows:
        lines.append(f"| {name.ljust(width)} | {med:8.2f} | {high:8.2f} | {unit.ljust(4)} |")
    return "\n".join(lines)
