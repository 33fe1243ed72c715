"""Real-server rows of `make bench`: clicks over the websocket, and memory per session.

These go through everything a person's click goes through on the server (websocket,
protobuf, Streamlit's runtime, the network stack), so they are the honest counterpart of
the AppTest rows. Memory per session is the server's RSS growth
while idle sessions stay open, divided by their number.
"""

from __future__ import annotations

import asyncio
import time

from benchmarks.stats import Row, summary
from harness.server import AppServer
from harness.wsclient import Session, interview

OPEN_TIMEOUT = 120.0  # seconds for a whole measurement; it must end by itself


async def _clicks(srv: AppServer, people: int) -> dict[str, list[float]]:
    """`people` complete interviews one after another; click times by kind."""
    out: dict[str, list[float]] = {"open": [], "step": [], "results": []}
    warm = Session(srv.ws_url)  # the first page after a start imports the views: see the start row
    await warm.open()
    await interview(warm)
    await warm.close()
    for _ in range(people):
        s = Session(srv.ws_url)
        out["open"].append(await s.open())
        times = await interview(s)
        out["step"] += times[:-1]
        out["results"].append(times[-1])
        await s.close()
    return out


def _rss(srv: AppServer, settle: float = 1.0) -> int:
    time.sleep(settle)  # let the server finish sending before reading its memory
    return srv.process.memory_info().rss


async def _memory(srv: AppServer, batches: int, per_batch: int, complete: bool) -> list[float]:
    """MB per session for each batch of `per_batch` sessions opened (and kept open)."""
    keep: list[Session] = []
    warm = Session(srv.ws_url)  # one-time costs (imports, content, first results) are not per session
    await warm.open()
    await interview(warm)
    keep.append(warm)
    per_session: list[float] = []
    before = _rss(srv)
    for _ in range(batches):
        for _ in range(per_batch):
            s = Session(srv.ws_url)
            await s.open()
            if complete:
                await interview(s)
            keep.append(s)
        after = _rss(srv)
        per_session.append((after - before) / per_batch / 2**20)
        before = after
    for s in keep:
        await s.close()
    return per_session


def rows(people: int = 5, batches: int = 4, per_batch: int = 25) -> list[Row]:
    with AppServer() as srv:
        clicks = asyncio.run(asyncio.wait_for(_clicks(srv, people), OPEN_TIMEOUT))
    with AppServer() as srv:
        idle = asyncio.run(asyncio.wait_for(_memory(srv, batches, per_batch, complete=False), OPEN_TIMEOUT))
    with AppServer() as srv:
        done = asyncio.run(asyncio.wait_for(_memory(srv, batches, per_batch // 2, complete=True), OPEN_TIMEOUT))
    return [
        ("real server, one person: page load (first run of a session)", *summary(clicks["open"]), "ms"),
        ("real server, one person: click Next (interview step)", *summary(clicks["step"]), "ms"),
        ("real server, one person: click to results", *summary(clicks["results"]), "ms"),
        ("memory per session, idle on the first screen", *summary(idle), "MB"),
        ("memory per session, idle on the results screen", *summary(done), "MB"),
    ]
