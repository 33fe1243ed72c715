"""Command line: `python -m pathways check | recommend | catalogue | summary`.

The contract is in ../shared/product/case-facts.md. Output goes to stdout; errors to
stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from pathways import LANGS
from pathways.checks.loader import load_content_from
from pathways.content.store import DATA_DIR, Content, ContentInvalid
from pathways.outputs.case_input import CaseInputError, read_facts_file


def _load(data_dir: Path) -> Content:
    try:
        return load_content_from(data_dir)
    except ContentInvalid as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        print(f"{len(exc.errors)} error(s) in content", file=sys.stderr)
        raise SystemExit(1) from None


def _reference_cases(content: Content, folders: list[Path]) -> list[dict[str, Any]]:
    """Facts of the graded and scenario cases, the paths real people take through the interview."""
    from pathways.content.yaml_source import ContentError, read_yaml
    from pathways.engine.facts import FactError, check_facts

    cases = []
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            try:
                cases.append(check_facts(content, (read_yaml(path).data or {}).get("facts")))
            except (ContentError, FactError, AttributeError) as exc:
                print(f"{path}: skipped as a reference case ({exc})", file=sys.stderr)
    return cases


CHECK_LABELS = {
    "questions": "questions",
    "routes": "routes",
    "bodies": "support bodies",
    "glossary": "glossary terms",
    "obstacles": "obstacles",
    "ui_strings": "UI strings",
    "languages": "languages",
    "reference_cases": "reference cases",
    "median_path": "median path (reference cases)",
    "longest_path": "longest path (reference cases)",
    "sampled_median_path": "median path (random interviews)",
    "sampled_longest_path": "longest path (random interviews)",
}


def cmd_check(args: argparse.Namespace) -> int:
    from pathways.checks.graph import check_paths
    from pathways.checks.maintenance import counts

    content = _load(args.data)
    errors, figures = check_paths(content, _reference_cases(content, args.cases))
    if errors:
        for err in errors:
            print(err, file=sys.stderr)
        print(f"{len(errors)} error(s) in content", file=sys.stderr)
        return 1
    print(f"content {content.version}: OK")
    for key, n in {**counts(content), **figures}.items():
        print(f"  {CHECK_LABELS.get(key, key):>15}: {n:g}")
    return _print_text_report(content)


def _print_text_report(content: Content) -> int:
    """The deadline rules, glossary links, English left in other languages and readability.

    Unlinked glossary terms and English in Dutch, French or German fail the check: both
    leave a reader with words nobody explained or cannot read.
    """
    from pathways.checks import text_report as tr

    rules = tr.deadline_rules(content)
    print(f"\ndeadline rules ({len(rules)}):")
    for line in rules:
        print(f"  {line}")
    unlinked = tr.unlinked_glossary_terms(content)
    print(f"\nglossary terms used but not linked: {len(unlinked)}")
    for u in unlinked:
        print(f"  {u.entry_id}: {u.term_id} ({u.lang} {u.word!r})")
    english = tr.english_in_other_languages(content)
    print(f"\nEnglish left in Dutch, French or German texts: {len(english)}")
    for e in english:
        print(f"  {e.where} [{e.lang}]: {e.text[:100]}")
    print("\nreadability (Flesch reading ease for the language, median; 60+ about B1, 50-60 about B2):")
    for r in tr.readability(content):
        met = "meets" if (r.median_ease >= 60 if r.aim == "B1" else r.median_ease >= 50) else "below"
        print(
            f"  {r.group:>15} {r.lang}: {r.median_ease:5.1f} ({tr.level(r.median_ease)}; aim {r.aim}: {met}),"
            f" {r.words_per_sentence:.0f} words per sentence, hardest: {r.hardest}"
        )
    return 1 if unlinked or english else 0


def cmd_recommend(args: argparse.Namespace) -> int:
    from pathways.engine.recommend import recommend, to_json

    content = _load(args.data)
    warnings: list[str] | None = None if args.strict else []
    try:
        facts = read_facts_file(content, args.facts, args.lang, warnings)
    except CaseInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in warnings or []:
        print(f"warning: {warning} (left unknown)", file=sys.stderr)
    result = recommend(content, facts, args.lang)
    if args.format == "json":
        json.dump(to_json(content, result, args.lang), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    from pathways.outputs.text_report import render_text

    print(render_text(content, result, args.lang))
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    from pathways.outputs.catalogue import catalogue

    content = _load(args.data)
    data = catalogue(content)
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for item in data["entries"]:
            print(f"{item['id']:<40} {item['kind']:<15} {item['last_reviewed']}  {item['title']['en']}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from pathways.outputs.summary_pdf import render_summary_file

    content = _load(args.data)
    if not args.output.parent.is_dir():
        print(f"error: the folder {args.output.parent} does not exist; create it or choose another", file=sys.stderr)
        return 2
    try:
        render_summary_file(content, args.facts, args.lang, args.output)
    except CaseInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(args.output)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pathways.outputs.graded import report, run

    content = _load(args.data)
    scores, total = run(content, args.cases, args.through_interview, args.today)
    print(report(scores, total))
    failures = total.failures()
    for failure in failures:
        print(f"aim missed: {failure}", file=sys.stderr)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pathways", description="Remedy-pathway decision assistant")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="content folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    chk = sub.add_parser("check", help="validate all content and print what it counted")
    chk.add_argument(
        "--cases",
        type=Path,
        nargs="*",
        default=[Path("tests/graded"), Path("tests/scenarios")],
        help="folders of cases whose interview paths are measured",
    )
    chk.set_defaults(func=cmd_check)
    rec = sub.add_parser("recommend", help="ranked routes for the facts in a file")
    rec.add_argument("--facts", type=Path, required=True, help="YAML or JSON file with a facts: mapping")
    rec.add_argument("--lang", choices=LANGS, default="en")
    rec.add_argument("--format", choices=("json", "text"), default="text")
    rec.add_argument(
        "--strict",
        action="store_true",
        help="refuse the file if a fact cannot be used (default: leave it unknown, as 'I don't know', and warn)",
    )
    rec.set_defaults(func=cmd_recommend)
    cat = sub.add_parser("catalogue", help="every route and support body, all languages")
    cat.add_argument("--format", choices=("json", "text"), default="text")
    cat.set_defaults(func=cmd_catalogue)
    ev = sub.add_parser("eval", help="measure recommendations on graded cases (essential, relevant, wrong)")
    ev.add_argument("cases", type=Path, nargs="?", default=Path("tests/graded"), help="folder of graded case files")
    ev.add_argument(
        "--through-interview",
        action="store_true",
        help="give recommend only the facts the interview would ask for (what the app shows), not all the case's facts",
    )
    ev.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="answer as on this date (YYYY-MM-DD; default: today): deadlines expire with the calendar",
    )
    ev.set_defaults(func=cmd_eval)
    summ = sub.add_parser("summary", help="the summary PDF for the facts in a file")
    summ.add_argument("--facts", type=Path, required=True)
    summ.add_argument("--lang", choices=LANGS, default="en")
    summ.add_argument("--output", type=Path, required=True)
    summ.set_defaults(func=cmd_summary)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))
