"""Read every content file under `data/` into one immutable `Content`, or say what is wrong.

Reading is strict (see `yaml_source`): every problem is collected, not just the first, so
a maintainer sees the whole list in one `check` run. Cross-file checks and the cached
`load_content()` that the app, the CLI and the tests share live in `pathways.checks.loader`.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pathways import LANGS
from pathways.content.conditions import Condition, Predicate, predicates
from pathways.content.countries import country_name
from pathways.content.model import (
    Bar,
    BarsFile,
    Body,
    Fact,
    FactsFile,
    GlossaryFile,
    GlossaryTerm,
    IndexFile,
    InlineObstacle,
    Obstacle,
    ObstaclesFile,
    Question,
    QuestionsFile,
    RankingFile,
    Route,
    Source,
    Text,
    UiFile,
)
from pathways.content.schema import SCHEMA_VERSION
from pathways.content.yaml_source import ContentError, YamlDocument, read_yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ID_PATTERN = "abcdefghijklmnopqrstuvwxyz0123456789_"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class ContentInvalid(Exception):
    """Raised with every error found, each naming file and line."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on the loaded content
class Content:
    """All content, validated and cross-checked. Shared read-only by every session."""

    index: IndexFile
    facts: dict[str, Fact]
    questions: tuple[Question, ...]
    routes: dict[str, Route]
    bodies: dict[str, Body]
    glossary: dict[str, GlossaryTerm]
    obstacles: dict[str, Obstacle]
    ui: dict[str, Text]
    ranking: RankingFile
    bars: dict[str, Bar]
    digest: str = field(default="")

    @property
    def version(self) -> str:
        return f"{self.index.content_version}+{self.digest[:8]}"

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    def text(self, key: str, lang: str, **values: Any) -> str:
        """A UI string in a language, with `{name}` placeholders filled.

        A count of one takes the key's singular form where content has one (`key@one`), so
        no sentence has to write "answer(s)".
        """
        if values.get("n") == 1 and f"{key}@one" in self.ui:
            key = f"{key}@one"
        template = self.ui[key].get(lang)
        return template.format(**values) if values else template

    def source_notes(self, source: Source, lang: str) -> list[str]:
        """What is said after a source's title: the section cited, and "in French" for a French
        page read in English (none when the reader can read it as is: the same language, or a
        site offered in every language).

        Source titles stay in the language of the source (a page is cited by its own title),
        so the language is named wherever it is not the reader's.
        """
        language = None if source.lang in (lang, "multi") else self.text(f"source.in.{source.lang}", lang)
        return [note for note in (source.section, language) if note]

    def entry(self, entry_id: str) -> Route | Body:
        return self.routes.get(entry_id) or self.bodies[entry_id]

    def terms_used(self, entry_ids: list[str], lang: str) -> list[GlossaryTerm]:
        """The glossary terms the entries link, each once, in the language's alphabetical order."""
        ids = dict.fromkeys(g for i in entry_ids for g in self.entry(i).glossary if g in self.glossary)
        return sorted((self.glossary[g] for g in ids), key=lambda g: g.term.get(lang).casefold())

    def entries(self) -> list[tuple[str, Route | Body]]:
        """Every route, then every support body, with its id."""
        out: list[tuple[str, Route | Body]] = [*self.routes.items()]
        out += self.bodies.items()
        return out

    def value_label(self, fact_id: str, value: Any, lang: str) -> str:
        """Label of a fact value in a language (lists joined, bools and dates handled)."""
        labels = self._value_labels[fact_id]
        if isinstance(value, (list, tuple)):
            return ", ".join(self.value_label(fact_id, v, lang) for v in value) or "—"
        if self.facts[fact_id].type == "country":
            return country_name(str(value), lang)
        key = str(value).lower() if isinstance(value, bool) else str(value)
        label = labels.get(key)
        return label.get(lang) if label is not None else key

    @functools.cached_property
    def _value_labels(self) -> dict[str, dict[str, Text]]:
        """Value id to label for each fact, built once: `recommend` labels values thousands of times."""
        index: dict[str, dict[str, Text]] = {}
        for fact_id, fact in self.facts.items():
            labels = index.setdefault(fact_id, {})
            for v in fact.values:
                labels.setdefault(v.id, v.label)  # the first one wins, as a search would
        return index


def _validate(model: type[M], doc: YamlDocument, errors: list[ContentError], **context: Any) -> M | None:
    data = doc.data if doc.data is not None else {}
    if isinstance(data, dict):
        data = {**data, **context}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(
                p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("tagged-union", "function-")))
            )
            errors.append(ContentError(doc.path, doc.line_of(loc), _explain(dict(err), loc)))
        return None


def _explain(err: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error into a sentence that says what to do."""
    where = ".".join(str(p) for p in loc) or "file"
    kind = err["type"]
    if kind == "missing":
        if loc and loc[-1] in LANGS:
            return f"{where}: the {loc[-1]} text is missing; add a translation"
        return f"{where}: required field is missing; add it"
    if kind == "extra_forbidden":
        return f"{where}: unknown field; remove it or correct the spelling"
    if kind == "literal_error":
        return f"{where}: {err['msg']}; use one of the allowed values"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"{where}: not a date; write it as YYYY-MM-DD"
    if kind == "url_parsing" or kind == "url_scheme":
        return f"{where}: not a valid web address; write a full https:// URL"
    return f"{where}: {err['msg']}"


def _load_one(
    path: Path, model: type[M], errors: list[ContentError], **context: Any
) -> tuple[M | None, YamlDocument | None]:
    try:
        doc = read_yaml(path)
    except ContentError as exc:
        errors.append(exc)
        return None, None
    except FileNotFoundError:
        errors.append(ContentError(path, None, "file is missing; restore it from the repository"))
        return None, None
    return _validate(model, doc, errors, **context), doc


@dataclass(frozen=True)
class SourceDocs:
    """The parsed YAML documents behind a `Content`, kept so later checks can name file and line."""

    questions: YamlDocument | None
    entries: dict[str, tuple[Route | Body, YamlDocument]]


def read_content(data_dir: Path) -> tuple[Content, SourceDocs, list[ContentError]]:
    """Read and schema-check every file in a folder (no cross-file checks: `pathways.checks` does
    those). Raise ContentInvalid when a file cannot be used at all; otherwise return the content,
    its documents and the errors found so far (duplicate ids)."""
    errors: list[ContentError] = []
    index, index_doc = _load_one(data_dir / "index.yaml", IndexFile, errors)
    if index is not None and index.schema_version != SCHEMA_VERSION:
        errors.append(
            ContentError(
                data_dir / "index.yaml",
                index_doc.line_of(("schema_version",)) if index_doc else None,
                f"written for content schema version {index.schema_version}, but this version of the tool reads "
                f"version {SCHEMA_VERSION}; follow 'Schema versions' in docs/content.md",
            )
        )
    facts_file, facts_doc = _load_one(data_dir / "facts.yaml", FactsFile, errors)
    questions_file, q_doc = _load_one(data_dir / "questions.yaml", QuestionsFile, errors)
    glossary_file, g_doc = _load_one(data_dir / "glossary.yaml", GlossaryFile, errors)
    obstacles_file, o_doc = _load_one(data_dir / "obstacles.yaml", ObstaclesFile, errors)
    ranking_file, _ = _load_one(data_dir / "ranking.yaml", RankingFile, errors)
    bars_file, bars_doc = _load_one(data_dir / "bars.yaml", BarsFile, errors)
    ui: dict[str, Text] = {}
    ui_files = sorted((data_dir / "ui").glob("*.yaml"))
    if not ui_files:
        errors.append(ContentError(data_dir / "ui", None, "no UI string files found; restore data/ui/*.yaml"))
    for path in ui_files:
        ui_file, ui_doc = _load_one(path, UiFile, errors)
        for key, text in ui_file.strings.items() if ui_file else ():
            if key in ui:
                errors.append(
                    ContentError(
                        path,
                        ui_doc.line_of(("strings", key)) if ui_doc else None,
                        f"UI string {key!r} is also defined in another ui file; keep one",
                    )
                )
            ui[key] = text

    routes: dict[str, tuple[Route | Body, YamlDocument]] = {}
    bodies: dict[str, tuple[Route | Body, YamlDocument]] = {}
    folders: tuple[tuple[str, type[Route] | type[Body], dict[str, tuple[Route | Body, YamlDocument]]], ...] = (
        ("routes", Route, routes),
        ("bodies", Body, bodies),
    )
    for folder, model, target in folders:
        for path in sorted((data_dir / folder).rglob("*.yaml")):
            entry_id = path.stem
            if not entry_id or set(entry_id) - set(ID_PATTERN):
                errors.append(
                    ContentError(path, None, "file name must be lower-case letters, digits and _ (it is the id)")
                )
                continue
            if entry_id in routes or entry_id in bodies:
                errors.append(ContentError(path, None, f"id {entry_id!r} is used twice; rename one file"))
                continue
            item, doc = _load_one(path, model, errors)
            if item is not None and doc is not None:
                target[entry_id] = (item, doc)

    if (
        errors
        or index is None
        or facts_file is None
        or questions_file is None
        or glossary_file is None
        or obstacles_file is None
        or ranking_file is None
        or bars_file is None
    ):
        raise ContentInvalid(errors)

    content = Content(
        index=index,
        facts=_unique({f.id: f for f in facts_file.facts}, facts_file.facts, facts_doc, "facts", errors),
        questions=tuple(questions_file.questions),
        routes={k: v for k, (v, _) in routes.items() if isinstance(v, Route)},
        bodies={k: v for k, (v, _) in bodies.items() if isinstance(v, Body)},
        glossary=_unique({t.id: t for t in glossary_file.terms}, glossary_file.terms, g_doc, "terms", errors),
        obstacles=_unique(
            {o.id: o for o in obstacles_file.obstacles}, obstacles_file.obstacles, o_doc, "obstacles", errors
        ),
        ui=ui,
        ranking=ranking_file,
        bars=_unique({b.id: b for b in bars_file.bars}, bars_file.bars, bars_doc, "bars", errors),
        digest=_digest(data_dir),
    )
    _unique({q.id: q for q in content.questions}, questions_file.questions, q_doc, "questions", errors)
    return content, SourceDocs(q_doc, {**routes, **bodies}), errors


def _unique(
    mapping: dict[str, T], items: list[Any], doc: YamlDocument | None, key: str, errors: list[ContentError]
) -> dict[str, T]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen and doc is not None:
            errors.append(
                ContentError(doc.path, doc.line_of((key, i, "id")), f"id {item.id!r} is used twice; ids must be unique")
            )
        seen.add(item.id)
    return mapping


def _digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(data_dir.rglob("*.yaml")):
        h.update(path.relative_to(data_dir).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def condition_facts(cond: Condition | None) -> set[str]:
    return {p.fact for p in predicates(cond)} if cond is not None else set()


__all__ = [
    "Content",
    "ContentInvalid",
    "ContentError",
    "read_content",
    "Predicate",
    "InlineObstacle",
]
