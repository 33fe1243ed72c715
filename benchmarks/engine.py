"""Engine rows of `make bench`: content load and check, one interview step, `recommend`,
the PDF render, and the same engine figures on synthetic catalogues 10x and 100x the
real one (made here in a temporary folder, never shipped) to show how cost grows.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import tracemalloc
from pathlib import Path

import yaml

from benchmarks.stats import Row, measure
from harness.hostile import pdf_with_attachment
from pathways.checks.loader import load_content_from
from pathways.content.store import DATA_DIR, Content
from pathways.engine.interview import InterviewState, answer, answers_from_facts, current_question, start
from pathways.engine.recommend import recommend
from pathways.outputs.case_file import CaseFileError, case_json_from_pdf

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
EVERYTHING_FITS: dict = {}  # no known fact rules anything out: every condition is true or unknown


def engine_rows(content: Content, label: str, repeat: int) -> list[Row]:
    state = start(InterviewState(), content)

    def step() -> None:
        q = current_question(content, state)
        answer(content, state, q.id, q.options[0].id if q.options else None)

    return [
        (f"{label}: interview step (answer + next question)", *measure(step, repeat), "ms"),
        (f"{label}: recommend, typical case", *measure(lambda: recommend(content, TYPICAL, "en"), repeat), "ms"),
        (
            f"{label}: recommend, every route possible",
            *measure(lambda: recommend(content, EVERYTHING_FITS, "en"), repeat),
            "ms",
        ),
    ]


def pdf_rows(content: Content) -> list[Row]:
    from pathways.outputs import summary_pdf

    typical = InterviewState(stage="results", answers=answers_from_facts(content, TYPICAL))
    everything = InterviewState(stage="results")

    def cold() -> None:  # a fresh compiler each time, as after a process start (no incremental cache)
        summary_pdf._compiler.cache_clear()
        summary_pdf.render_summary(content, typical, "fr")

    return [
        ("PDF render, typical case", *measure(lambda: summary_pdf.render_summary(content, typical, "en"), 20), "ms"),
        ("PDF render, every route", *measure(lambda: summary_pdf.render_summary(content, everything, "en"), 10), "ms"),
        ("PDF render, typical case, cold compiler", *measure(cold, 5), "ms"),
    ]


def synthetic(factor: int, target: Path) -> Path:
    """A copy of the content with every route and body repeated `factor` times."""
    shutil.copytree(DATA_DIR, target, dirs_exist_ok=True)
    for folder in ("routes", "bodies"):
        for path in list((target / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data.pop("interactions", None)
            for i in range(1, factor):
                twin = copy.deepcopy(data)
                # a copy's language twin is the copy of its twin: twins must name each other
                ranking = twin.get("ranking") or {}
                if ranking.get("language_twin"):
                    ranking["language_twin"] = f"{ranking['language_twin']}_x{i}"
                (target / folder / f"{path.stem}_x{i}.yaml").write_text(
                    yaml.safe_dump(twin, allow_unicode=True), encoding="utf-8"
                )
    return target


def growth_rows(factors: tuple[int, ...] = (10, 100)) -> list[Row]:
    rows: list[Row] = []
    for factor in factors:
        with tempfile.TemporaryDirectory() as tmp:
            folder = synthetic(factor, Path(tmp) / "data")
            big = load_content_from(folder)
            name = f"{factor}x catalogue ({len(big.routes)} routes, {len(big.bodies)} bodies): load + check"
            loads = 3 if factor < 100 else 2  # a 100x load takes seconds: the warm-up above is the first
            rows.append((name, *measure(lambda folder=folder: load_content_from(folder), loads, warmup=0), "ms"))
            rows += engine_rows(big, f"{factor}x catalogue", 30 if factor >= 100 else 100)
    return rows


def hostile_rows() -> list[Row]:
    """What refusing a hostile upload costs: a 70 KB summary PDF whose three attached
    `case.json` would inflate to 72 MB each (issue 13). The time to refuse it, and the peak of
    Python memory while doing so (tracemalloc), which must stay near the 2 MB read limit."""
    bomb = pdf_with_attachment(b"\0" * 72_000_000, copies=3)

    def refuse() -> None:
        try:
            case_json_from_pdf(bomb)
        except CaseFileError:
            return
        raise RuntimeError("the hostile PDF was not refused")

    timing = measure(refuse, 5)
    tracemalloc.start()
    refuse()
    peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    name = f"hostile PDF upload ({len(bomb) // 1024} KB, 3 x 72 MB inside) refused"
    return [(name, *timing, "ms"), (f"{name}: peak Python memory", peak_mb, peak_mb, "MB")]


def rows() -> list[Row]:
    out: list[Row] = [
        ("content load + full validation (check)", *measure(lambda: load_content_from(DATA_DIR), 10), "ms")
    ]
    content = load_content_from(DATA_DIR)
    out += engine_rows(content, "real catalogue", 200)
    out += pdf_rows(content)
    out += hostile_rows()
    return out
