"""`python -m benchmarks.floor`: the load test's crowd against the least a Streamlit page costs.

Issue 14 asks one instance to carry 100 people at reading pace. Whether that is possible with
Streamlit at all on this machine is a measurement, not an opinion: this runs the same crowd
as `make loadtest --modes paced` (people starting within one second, a pause of 0.5-1.5 s
before each click, as many clicks as one complete interview) against `floor_app.py`, a page
with one button, one heading and one line, served with the app's own settings. The gap
between these figures and the load test's is what the app's own screens cost.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time

from benchmarks.stats import machine, p95
from harness.server import AppServer
from harness.wsclient import Session

CLICKS = 17  # one complete interview of the load test: start, 14 questions, review, results
CLICK_TIMEOUT = 60.0


async def _person(url: str, clicks: int, rng: random.Random, times: list[float]) -> None:
    await asyncio.sleep(rng.random())  # everyone starts within the first second
    session = Session(url, timeout=CLICK_TIMEOUT)
    await session.open()
    for _ in range(clicks):
        await asyncio.sleep(0.5 + rng.random())
        times.append(await session.click("next"))
    await session.close()


async def _level(people: int, clicks: int) -> str:
    with AppServer(script="benchmarks/floor_app.py") as srv:
        await _person(srv.ws_url, 1, random.Random(-1), [])  # the first run imports the page
        proc = srv.process
        cpu_before = sum(proc.cpu_times()[:2])
        started = time.perf_counter()
        times: list[float] = []
        await asyncio.gather(*(_person(srv.ws_url, clicks, random.Random(i), times) for i in range(people)))
        wall = time.perf_counter() - started
        cpu = sum(proc.cpu_times()[:2]) - cpu_before
    return (
        f"| {people} | {len(times)} | {statistics.median(times):.0f} | {p95(times):.0f} | {max(times):.0f} "
        f"| {cpu:.1f} | {wall:.0f} | {1000 * cpu / len(times):.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="25,50,100", help="crowd sizes, comma-separated")
    parser.add_argument("--clicks", type=int, default=CLICKS, help="clicks per person")
    args = parser.parse_args()
    print(machine())
    print(
        "| people | clicks | click median ms | click p95 ms | click max ms | server CPU s | wall s | server CPU ms per click |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for people in (int(n) for n in args.people.split(",")):
        print(asyncio.run(_level(people, args.clicks)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
