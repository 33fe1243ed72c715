"""`make bench`: median and 95th percentile of every step that matters, as one table.

Rows, in order: the engine (content load and check, one interview step, `recommend`, PDF
render); one app rerun after a click in AppTest; clicks on the real server over its
websocket, and memory per session; server start to the first question in Chromium; the
engine figures on synthetic catalogues 10x and 100x the real one. Aims and results are in
docs/performance.md. Timings are wall-clock on this machine: run it on an idle one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time

from benchmarks import apptest, browser, engine, live, loadtest, pdf_pages
from benchmarks.stats import Row, machine, table
from pathways.checks.loader import load_content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100x catalogue (it takes minutes)")
    args = parser.parse_args()
    # AppTest and the engine rows use the views outside a server; Streamlit warns about that.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    started = time.monotonic()
    header = f"Machine: {machine()}; {dt.datetime.now():%Y-%m-%d %H:%M}"
    content = load_content()
    rows: list[Row] = engine.rows()
    rows += apptest.rows()
    rows += live.rows()
    rows += loadtest.bench_rows()
    try:
        rows += browser.rows()
    except RuntimeError as exc:  # no Chromium: the other rows still stand
        print(f"note: no start-up row: {exc}", file=sys.stderr)
    rows += engine.growth_rows((10,) if args.quick else (10, 100))
    print(header)
    print(f"Content: {len(content.routes)} routes, {len(content.bodies)} bodies, {len(content.questions)} questions")
    print(table(rows))
    print(pdf_pages.table(content))
    print(f"(took {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
