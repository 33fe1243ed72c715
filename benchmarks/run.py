"""`make bench`: median and 95th percentile of the engine's hot paths, printed as one table.

Measures content loading and full validation, one interview step, `recommend` for a
typical case and for a case that makes every route fit, and the PDF render; then the same
engine figures on synthetic catalogues 10x and 100x the real one (made here in a
temporary folder, never shipped) to show how cost grows with content.
Timings are wall-clock on this machine; run it on an idle machine.
"""

from __future__ import annotations

import copy
import datetime as dt
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from pathways.content import DATA_DIR, Content, load_content_from
from pathways.interview import InterviewState, answer, answers_from_facts, current_question, start
from pathways.recommend import recommend

TYPICAL = {
    "role": "victim",
    "harm_country": "belgium",
    "be_region": "flanders",
    "lives_in": "belgium",
    "company_link": "belgian_company",
    "public_body_involved": False,
    "relationship": "employee",
    "harm_types": ["health_safety"],
    "goals": ["compensation", "stop_harm"],
    "urgency": "ongoing",
    "harm_date": "2026-10-02",
    "income": "not_low",
}


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def everything_fits(content: Content) -> dict:
    """Facts under which no known fact rules anything out: every condition is true or unknown."""
    return {}


def engine_rows(content: Content, label: str, repeat: int) -> list[tuple[str, float, float]]:
    state = start(InterviewState(), content)

    def step() -> None:
        q = current_question(content, state)
        answer(content, state, q.id, q.options[0].id if q.options else None)

    rows = [
        (f"{label}: interview step (answer + next question)", *measure(step, repeat)),
        (f"{label}: recommend, typical case", *measure(lambda: recommend(content, TYPICAL, "en"), repeat)),
        (
            f"{label}: recommend, every route possible",
            *measure(lambda: recommend(content, everything_fits(content), "en"), repeat),
        ),
    ]
    return rows


def synthetic(factor: int, target: Path) -> Path:
    """A copy of the content with every route and body repeated `factor` times."""
    import shutil

    shutil.copytree(DATA_DIR, target, dirs_exist_ok=True)
    for folder in ("routes", "bodies"):
        for path in list((target / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data.pop("interactions", None)
            for i in range(1, factor):
                clone = copy.deepcopy(data)
                (target / folder / f"{path.stem}_x{i}.yaml").write_text(
                    yaml.safe_dump(clone, allow_unicode=True), encoding="utf-8"
                )
    return target


def main() -> None:
    rows: list[tuple[str, float, float]] = []
    rows.append(("content load + full validation (check)", *measure(lambda: load_content_from(DATA_DIR), 10)))
    content = load_content_from(DATA_DIR)
    rows += engine_rows(content, "real catalogue", 200)

    from pathways.summary_pdf import render_summary

    typical_state = InterviewState(stage="results", answers=answers_from_facts(content, TYPICAL))
    rows.append(("PDF render, typical case", *measure(lambda: render_summary(content, typical_state, "en"), 20)))
    all_state = InterviewState(stage="results")
    rows.append(("PDF render, every route", *measure(lambda: render_summary(content, all_state, "en"), 10)))
    # a fresh compiler each time, as after a process start (no incremental cache)
    from pathways import summary_pdf

    def cold() -> None:
        summary_pdf._compiler.cache_clear()
        render_summary(content, typical_state, "fr")

    rows.append(("PDF render, typical case, cold compiler", *measure(cold, 5)))

    for factor in (10, 100):
        with tempfile.TemporaryDirectory() as tmp:
            folder = synthetic(factor, Path(tmp) / "data")
            big = load_content_from(folder)
            rows.append(
                (
                    f"{factor}x catalogue ({len(big.routes)} routes, {len(big.bodies)} bodies): load + check",
                    *measure(lambda folder=folder: load_content_from(folder), 3),
                )
            )
            rows += engine_rows(big, f"{factor}x catalogue", 30 if factor == 100 else 100)

    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cores; {dt.datetime.now():%Y-%m-%d %H:%M}"
    )
    print(f"Content: {len(content.routes)} routes, {len(content.bodies)} bodies, {len(content.questions)} questions")
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | median ms | p95 ms |")
    print(f"|{'-' * (width + 2)}|----------:|-------:|")
    for name, med, p95 in rows:
        print(f"| {name.ljust(width)} | {med:9.2f} | {p95:6.2f} |")


if __name__ == "__main__":
    main()
