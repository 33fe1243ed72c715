"""The saved-case file: what a person downloads to resume later or hand to an adviser.

It holds the answers (the source of truth), the facts they produce (so other systems and
`recommend --facts` can read it), the content version it was made with, and notes only
when the person chose to include them. Loading treats the file as hostile: size-limited,
parsed as JSON only, every question id and value checked against the current content.
Answers that no longer fit the content are dropped and reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from pathways import LANGS
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, InvalidAnswer, validate_answer, walk

FORMAT = "remedy-pathways-case"
SCHEMA_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
MAX_NOTES = 100_000
ATTACHMENT_NAME = "case.json"


class CaseFileError(ValueError):
    """A file that cannot be resumed; `key` names the UI message in the user's language."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        super().__init__(f"{key}: {detail}" if detail else key)


def case_data(content: Content, state: InterviewState, include_notes: bool = False) -> dict[str, Any]:
    """The case file as a mapping (also embedded in the summary PDF)."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "content_version": content.version,
        "saved_on": dt.date.today().isoformat(),
        "lang": state.lang,
        "answers": dict(state.answers),
        "facts": walk(content, state.answers).facts,
    }
    if include_notes and state.notes:
        data["notes"] = state.notes
    return data


def dump_case(content: Content, state: InterviewState, include_notes: bool = False) -> bytes:
    return json.dumps(case_data(content, state, include_notes), ensure_ascii=False, indent=2).encode("utf-8")


def _from_pdf(raw: bytes) -> bytes:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        files = reader.attachments
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CaseFileError("error.case.malformed", "unreadable PDF") from exc
    found = files.get(ATTACHMENT_NAME)
    if not found:
        raise CaseFileError("error.case.no_case_in_pdf")
    return found[0]


def load_case(content: Content, raw: bytes, lang: str | None = None) -> tuple[InterviewState, list[str]]:
    """A new interview state from a case file (JSON or a summary PDF), and the dropped question ids."""
    if len(raw) > MAX_BYTES:
        raise CaseFileError("error.case.too_large")
    if raw.startswith(b"%PDF"):
        raw = _from_pdf(raw)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CaseFileError("error.case.malformed", str(exc)[:200]) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaseFileError("error.case.not_case_file")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CaseFileError("error.case.malformed", "schema_version")
    if version > SCHEMA_VERSION:
        raise CaseFileError("error.case.newer_schema")
    answers_in = data.get("answers")
    if not isinstance(answers_in, dict):
        raise CaseFileError("error.case.malformed", "answers")
    known = {q.id: q for q in content.questions}
    answers: dict[str, Any] = {}
    dropped: list[str] = []
    for qid, value in answers_in.items():
        q = known.get(qid) if isinstance(qid, str) else None
        if q is None:
            dropped.append(str(qid)[:80])
            continue
        try:
            answers[qid] = validate_answer(q, value)
        except InvalidAnswer:
            dropped.append(qid)
    relevant = walk(content, answers).relevant
    dropped += [k for k in answers if k not in relevant]
    answers = {k: v for k, v in answers.items() if k in relevant}
    notes = data.get("notes", "")
    if not isinstance(notes, str):
        notes = ""
    saved_lang = data.get("lang")
    state_lang = lang if lang in LANGS else (saved_lang if saved_lang in LANGS else "en")
    first = walk(content, answers).first_unanswered
    state = InterviewState(
        lang=state_lang,  # type: ignore[arg-type]  # checked against LANGS above
        stage="interview" if first else "review",
        answers=answers,
        cursor=first,
        dropped=tuple(dropped),
        notes=notes[:MAX_NOTES],
    )
    return state, dropped
