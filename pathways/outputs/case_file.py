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
import zlib
from typing import Any

from pathways import LANGS
from pathways.content.store import Content
from pathways.engine.interview import InterviewState, InvalidAnswer, validate_answer, walk
from pathways.outputs import untrusted
from pathways.outputs.sensitive import is_sensitive
from pathways.outputs.untrusted import MAX_BYTES, UntrustedInputError

FORMAT = "remedy-pathways-case"
SCHEMA_VERSION = 1
MAX_NOTES = 100_000
ATTACHMENT_NAME = "case.json"


class CaseFileError(ValueError):
    """A file that cannot be resumed; `key` names the UI message in the user's language."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        self.detail = detail
        super().__init__(f"{key}: {detail}" if detail else key)

    def shown_detail(self) -> str:
        """The detail as it may be shown on screen: it comes from the file, so only letters, digits, - _ ."""
        return "".join(ch if ch.isalnum() or ch in "-_." else "?" for ch in self.detail[:40])


def _sensitive_questions(content: Content) -> set[str]:
    """Questions that ask a sensitive fact. (An option that also sets one, such as "child
    labour" saying a child is affected, keeps its answer: the harm is what the advice is about.)"""
    return {q.id for q in content.questions if is_sensitive(q.fact)}


def case_data(
    content: Content, state: InterviewState, include_notes: bool = False, include_sensitive: bool | None = None
) -> dict[str, Any]:
    """The case file; sensitive answers only when the person chose so (`sensitive_in_files`).

    Left out, they are simply unknown when the file is resumed: the person is told which were
    left out when saving, and can answer them again.
    """
    include_sensitive = state.sensitive_in_files if include_sensitive is None else include_sensitive
    answers = dict(state.answers)
    if not include_sensitive:
        hidden = _sensitive_questions(content)
        answers = {k: v for k, v in answers.items() if k not in hidden}
    """The case file as a mapping (also embedded in the summary PDF)."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "content_version": content.version,
        "saved_on": dt.date.today().isoformat(),
        "lang": state.lang,
        "answers": answers,
        "facts": {k: v for k, v in walk(content, answers).facts.items() if include_sensitive or not is_sensitive(k)},
    }
    if include_sensitive:
        data["sensitive_included"] = True
    if include_notes and state.notes:
        data["notes"] = state.notes
    return data


def dump_case(
    content: Content, state: InterviewState, include_notes: bool = False, include_sensitive: bool | None = None
) -> bytes:
    data = case_data(content, state, include_notes, include_sensitive)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def case_json_from_pdf(raw: bytes) -> bytes:
    """The first attached `case.json` of a summary PDF, never inflated beyond MAX_BYTES.

    A 70 KB PDF can carry an attachment that inflates to gigabytes, so the attachment is
    found by hand (the first one of that name only) and decompressed with a bound; every
    error of the PDF library becomes the "damaged file" message.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        root: Any = reader.trailer["/Root"]
        names: Any = root.get_object()["/Names"].get_object()["/EmbeddedFiles"].get_object()["/Names"]
        stream = None
        for i in range(0, len(names) - 1, 2):
            if str(names[i]) == ATTACHMENT_NAME:
                stream = names[i + 1].get_object()["/EF"].get_object()["/F"].get_object()
                break
        if stream is None:
            raise CaseFileError("error.case.no_case_in_pdf")
        data = _bounded_inflate(stream)
    except CaseFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of the PDF library is a damaged file
        raise CaseFileError("error.case.malformed", "unreadable PDF") from exc
    return data


def _bounded_inflate(stream: Any) -> bytes:
    """A PDF stream's bytes, inflated (FlateDecode) to at most MAX_BYTES."""
    declared = stream.get("/Params", {}).get("/Size") if hasattr(stream, "get") else None
    if declared is not None and int(declared) > MAX_BYTES:
        raise CaseFileError("error.case.too_large")
    filters = stream.get("/Filter")
    filters = [str(f) for f in filters] if isinstance(filters, list) else ([str(filters)] if filters else [])
    data = stream._data  # the stored (compressed) bytes, bounded by the upload limit
    if filters == ["/FlateDecode"]:
        inflater = zlib.decompressobj()
        data = inflater.decompress(data, MAX_BYTES + 1)
        if len(data) > MAX_BYTES or inflater.unconsumed_tail:
            raise CaseFileError("error.case.too_large")
    elif filters:
        raise CaseFileError("error.case.malformed", f"unsupported filter {filters}")
    if len(data) > MAX_BYTES:
        raise CaseFileError("error.case.too_large")
    return bytes(data)


def load_case(content: Content, raw: bytes, lang: str | None = None) -> tuple[InterviewState, list[str]]:
    """A new interview state from a case file (JSON or a summary PDF), and the dropped question ids."""
    if len(raw) > MAX_BYTES:
        raise CaseFileError("error.case.too_large")
    if raw.startswith(b"%PDF"):
        raw = case_json_from_pdf(raw)
    try:
        data = untrusted.loads_json(untrusted.decode(raw))
    except UntrustedInputError as exc:
        key = {"encoding": "error.case.encoding", "duplicate_key": "error.case.duplicate_key"}.get(exc.reason)
        raise CaseFileError(key or "error.case.malformed", exc.detail) from exc
    except ValueError as exc:
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
        # what was chosen when saving stays chosen, so the next save keeps the notes and answers
        notes_in_pdf=bool(notes),
        sensitive_in_files=data.get("sensitive_included") is True,
    )
    return state, dropped
