"""The content's JSON Schema, generated from the pydantic models and published in `schema/`.

Why: a maintainer editing `data/routes/x.yaml` in an editor with a YAML language server
(VS Code's YAML extension, JetBrains, Neovim) sees a missing language, a misspelt field or a
wrong value as they type, instead of when `check` runs. The models stay the one definition:
the published files are generated (`python -m pathways.content.schema --write`, run by
`make docs`) and a test fails when they drift from the models.

`SCHEMA_VERSION` counts incompatible changes to the content's form (a field renamed or made
required, a value removed). `data/index.yaml` states the version it was written for and
loading refuses another one, with the migration note of `docs/content.md`.
"""

from __future__ import annotations

import argparse
import json
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pathways.content.model import (
    BarsFile,
    Body,
    FactsFile,
    GlossaryFile,
    IndexFile,
    ObstaclesFile,
    QuestionsFile,
    RankingFile,
    Route,
    UiFile,
)

SCHEMA_VERSION = 1
ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "schema"

# Which model each content file is written in: (schema name, files under data/, model).
FILES: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("index", "index.yaml", IndexFile),
    ("facts", "facts.yaml", FactsFile),
    ("questions", "questions.yaml", QuestionsFile),
    ("glossary", "glossary.yaml", GlossaryFile),
    ("obstacles", "obstacles.yaml", ObstaclesFile),
    ("ranking", "ranking.yaml", RankingFile),
    ("bars", "bars.yaml", BarsFile),
    ("ui", "ui/*.yaml", UiFile),
    ("route", "routes/*.yaml", Route),
    ("body", "bodies/*.yaml", Body),
)


def model_for(relative_path: str) -> type[BaseModel] | None:
    """The model a file under data/ is written in (a path such as "routes/x.yaml")."""
    return next((model for _, pattern, model in FILES if fnmatch(relative_path, pattern)), None)


def schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per kind of content file, named `<kind>.schema.json`."""
    out: dict[str, dict[str, Any]] = {}
    for name, pattern, model in FILES:
        schema = model.model_json_schema()
        out[f"{name}.schema.json"] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"schema/v{SCHEMA_VERSION}/{name}.schema.json",
            "title": f"{schema.get('title', name)} (data/{pattern}), content schema version {SCHEMA_VERSION}",
            **{k: v for k, v in schema.items() if k != "title"},
        }
    return out


def rendered() -> dict[str, str]:
    """The published files' exact text: stable key order, a newline at the end."""
    return {name: json.dumps(s, indent=2, ensure_ascii=False, sort_keys=True) + "\n" for name, s in schemas().items()}


def folder(root: Path = PUBLISHED) -> Path:
    return root / f"v{SCHEMA_VERSION}"


def stale(root: Path = PUBLISHED) -> list[str]:
    """Published files that differ from the models, are missing, or are left over."""
    target = folder(root)
    want = rendered()
    wrong = [n for n, text in want.items() if not (target / n).is_file() or (target / n).read_text("utf-8") != text]
    extra = sorted(p.name for p in target.glob("*.json") if p.name not in want) if target.is_dir() else []
    return sorted(wrong + extra)


def write(root: Path = PUBLISHED) -> None:
    target = folder(root)
    target.mkdir(parents=True, exist_ok=True)
    want = rendered()
    for path in target.glob("*.json"):
        if path.name not in want:
            path.unlink()
    for name, text in want.items():
        (target / name).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publish or check the content JSON Schema in schema/.")
    parser.add_argument("--write", action="store_true", help="write schema/v<N>/*.schema.json from the models")
    args = parser.parse_args(argv)
    if args.write:
        write()
        print(f"wrote {len(FILES)} schemas to {folder().relative_to(ROOT)}")
        return 0
    bad = stale()
    for name in bad:
        print(f"{folder().relative_to(ROOT)}/{name}: differs from the models; run make docs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
