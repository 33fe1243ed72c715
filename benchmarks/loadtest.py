"""`make loadtest`: N people doing complete interviews at once against the real server.

Each person is a websocket client speaking Streamlit's protocol (`harness.wsclient`),
not a browser: a few dozen Chromium pages would load the 2-core machine more than the
server does and measure the client. A click is timed from the moment the widget values
leave the client to the moment the server's `script_finished` arrives, i.e. until the
whole updated screen has been received. The server's CPU (100 % = one core) and memory
are sampled with psutil while the people work.

Two ways of clicking are run for each N, each against a fresh server:
- paced: a pause of 0.5-1.5 s before every click (a very fast reader; real people take
  several seconds per question), people starting within the first second;
- no pause: every person clicks again as soon as the screen is back (a stress test).

Everything is bounded: a click times out after 60 s, a level after 300 s, the whole run
after `--max-seconds`; a level that fails or has a p95 over the aim ends the ladder.
Then the two-instance proxy check runs (`harness.two_instances`), unless `--no-proxy`, with
the largest paced crowd again through nginx and one instance per core.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

import psutil

from benchmarks.stats import Row, machine, p95, summary
from harness.server import AppServer
from harness.wsclient import Session, interview

AIM_P95_MS = 500.0
LEVEL_TIMEOUT = 300.0
CLICK_TIMEOUT = 60.0
SAMPLE_EVERY = 0.5


@dataclass
class Level:
    people: int
    mode: str
    clicks: list[float] = field(default_factory=list)
    results_clicks: list[float] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)
    done: int = 0
    errors: list[str] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    client_cpu_s: float = 0.0
    wall_s: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and self.done == self.people

    def row(self) -> str:
        def ms(values: list[float], fn) -> str:
            return f"{fn(values):.0f}" if values else "-"

        cpu_mean = statistics.fmean(self.cpu) if self.cpu else 0.0
        return (
            f"| {self.people} | {self.done}/{self.people} | {len(self.clicks)} | {ms(self.clicks, statistics.median)} "
            f"| {ms(self.clicks, p95)} | {ms(self.clicks, max)} | {ms(self.results_clicks, p95)} "
            f"| {ms(self.opens, p95)} | {cpu_mean:.0f} / {max(self.cpu, default=0):.0f} "
            f"| {max(self.rss_mb, default=0):.0f} | {self.client_cpu_s:.1f} | {self.wall_s:.0f} | {len(self.errors)} |"
        )


HEADER = (
    "| people | interviews done | clicks | click median ms | click p95 ms | click max ms | results click p95 ms "
    "| page load p95 ms | server CPU % mean / max | server RSS max MB | load-test client CPU s | wall s | errors |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


async def _person(url: str, level: Level, think: float, rng: random.Random, start_within: float) -> None:
    await asyncio.sleep(rng.random() * start_within)
    s = Session(url, timeout=CLICK_TIMEOUT)
    try:
        level.opens.append(await s.open())
        times = await interview(s, think=think, rng=rng)
        level.clicks += times
        level.results_clicks.append(times[-1])
        level.done += 1
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported, none stops the others
        level.errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
    finally:
        try:
            await s.close()
        except Exception:  # noqa: BLE001 - closing a broken socket may fail too
            pass


async def _sample(proc: psutil.Process, level: Level, stop: asyncio.Event) -> None:
    proc.cpu_percent(None)
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), SAMPLE_EVERY)
        except TimeoutError:
            pass
        level.cpu.append(proc.cpu_percent(None))
        level.rss_mb.append(proc.memory_info().rss / 2**20)


async def _level(srv: AppServer, people: int, mode: str, seed: int) -> Level:
    level = Level(people, mode)
    think, start_within = (1.0, 1.0) if mode == "paced" else (0.0, 0.0)
    warm = Session(srv.ws_url, timeout=CLICK_TIMEOUT)  # the first page after a start imports the views
    await warm.open()
    await interview(warm)
    await warm.close()
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample(srv.process, level, stop))
    me = psutil.Process()
    cpu_before = sum(me.cpu_times()[:2])
    started = time.perf_counter()
    people_tasks = [
        _person(srv.ws_url, level, think, random.Random(seed * 1000 + i), start_within) for i in range(people)
    ]
    try:
        await asyncio.wait_for(asyncio.gather(*people_tasks), LEVEL_TIMEOUT)
    except TimeoutError:
        level.errors.append(f"level did not finish within {LEVEL_TIMEOUT:.0f} s")
    finally:
        level.wall_s = time.perf_counter() - started
        level.client_cpu_s = sum(me.cpu_times()[:2]) - cpu_before
        stop.set()
        await sampler
    return level


def run_ladder(mode: str, ladder: list[int], deadline: float) -> list[Level]:
    levels: list[Level] = []
    for people in ladder:
        if time.monotonic() > deadline:
            print(f"(stopped before {people} people: --max-seconds reached)")
            break
        with AppServer() as srv:
            level = asyncio.run(_level(srv, people, mode, seed=people))
            if srv.popen.poll() is not None:
                level.errors.append(f"server exited: {srv.errors()[-300:]}")
        levels.append(level)
        print(level.row(), flush=True)
        if not level.ok or (level.clicks and p95(level.clicks) >= AIM_P95_MS):
            for err in level.errors[:5]:
                print(f"  error: {err}")
            break
    return levels


def bench_rows(ladder: tuple[int, ...] = (50, 100)) -> list[Row]:
    """`make bench`'s load rows: one paced run per N on a fresh server (the spread over
    several runs is `make loadtest`'s job, see docs/performance.md)."""
    rows: list[Row] = []
    for people in ladder:
        with AppServer() as srv:
            level = asyncio.run(_level(srv, people, "paced", seed=people))
        if not level.ok:
            raise RuntimeError(f"{people} people: {level.errors[:1] or 'not every interview finished'}")
        rows.append((f"paced load, {people} people: any click", *summary(level.clicks), "ms"))
        rows.append((f"paced load, {people} people: click to results", *summary(level.results_clicks), "ms"))
    return rows


def largest_under_aim(levels: list[Level]) -> str:
    good = [lv.people for lv in levels if lv.ok and lv.clicks and p95(lv.clicks) < AIM_P95_MS]
    return str(max(good)) if good else "none"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", default="1,10,25,50,100", help="comma-separated ladder of N")
    parser.add_argument("--modes", default="paced,nopause")
    parser.add_argument("--max-seconds", type=float, default=1200.0, help="stop starting new levels after this")
    parser.add_argument("--no-proxy", action="store_true", help="skip the two-instance nginx check")
    args = parser.parse_args()
    ladder = [int(n) for n in args.people.split(",")]
    deadline = time.monotonic() + args.max_seconds
    print(f"Machine: {machine()}")
    summary = []
    for mode in args.modes.split(","):
        what = "pause 0.5-1.5 s before each click" if mode == "paced" else "no pause between clicks"
        print(f"\n### {mode}: complete interviews at once, {what}\n")
        print(HEADER, flush=True)
        levels = run_ladder(mode, ladder, deadline)
        summary.append(f"{mode}: largest N with click p95 < {AIM_P95_MS:.0f} ms: {largest_under_aim(levels)}")
    print()
    for line in summary:
        print(line)
    if not args.no_proxy:
        from harness import two_instances

        print()
        # the same largest crowd, paced, with one instance per core behind the proxy
        paced = ["--paced", str(max(ladder))] if "paced" in args.modes.split(",") else []
        return two_instances.main(paced)
    return 0


if __name__ == "__main__":
    sys.exit(main())
