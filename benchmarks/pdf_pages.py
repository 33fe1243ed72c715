"""Page counts of the summary PDF for a set of scenario cases, in each language (`make bench`).

Aims (issue 11): the client sheet at most two pages, the whole PDF at most twelve. Each cell
reads "client sheet + adviser file = total"; a total over the aim is marked with "!".
Run alone with `python -m benchmarks.pdf_pages`.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader

from pathways.content.store import Content
from pathways.outputs.case_input import state_from_file
from pathways.outputs.summary_pdf import render_summary

SCENARIOS = Path(__file__).parents[1] / "tests" / "scenarios"
CASES = (
    "support_brussels_undocumented_cleaner",
    "admin_fruit_farm_trafficking_limburg",
    "ngo_garment_bangladesh_belgian_retailer",
    "courts_overtime_contract_ended",
)
LANGS = ("nl", "fr", "de", "en")
CLIENT_AIM, TOTAL_AIM = 2, 12


def counts(content: Content, case: str, lang: str, today: dt.date | None = None) -> tuple[int, int]:
    """(client sheet pages, total pages) of one case's PDF in one language."""
    state = state_from_file(content, SCENARIOS / f"{case}.yaml")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render_summary(content, state, lang, today=today))).pages]
    adviser = content.text("pdf.adviser.heading", lang)
    client = next((i for i, text in enumerate(pages) if adviser in text), len(pages))
    return client, len(pages)


def table(content: Content) -> str:
    lines = [f"| PDF pages (client + adviser = total) | {' | '.join(LANGS)} |", f"|---|{'---|' * len(LANGS)}"]
    for case in CASES:
        cells = []
        for lang in LANGS:
            client, total = counts(content, case, lang)
            over = "!" if client > CLIENT_AIM or total > TOTAL_AIM else ""
            cells.append(f"{client}+{total - client}={total}{over}")
        lines.append(f"| {case} | {' | '.join(cells)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    from pathways.checks.loader import load_content

    print(table(load_content()))
