"""Pictures for people who would rather look than read: deadlines on a timeline, and a map
from the answers to the routes they opened. Each picture has a text equivalent."""

from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd
import streamlit as st

from components import format as fmt
from components.session import content, md, t
from pathways.engine.path_map import path_map
from pathways.engine.recommend import Recommendation, Result

STATUS_COLOUR = {"passed": "#b00020", "near": "#b35900", "open": "#1f5fa8"}
STATUS_SHAPE = {"passed": "cross", "near": "triangle-up", "open": "circle"}
KIND_COLOUR = {
    "support": "#e8f1fb",
    "non_judicial": "#eef7ee",
    "administrative": "#fdf3e1",
    "judicial": "#f6e9f3",
    "international": "#ececec",
}
MAP_LIMIT = 12
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # what Altair 6 wrote


def timeline_spec(dated: list[Recommendation], lang: str) -> dict:
    """The Vega-Lite spec of the deadline chart: points by status, a dashed line for today.

    Written out as data rather than built with Altair: Altair validated the same spec
    against its JSON schema on every rerun of the results screen (about 35 ms of the
    rerun, docs/performance.md). The spec is the one Altair produced, key for key; only
    the dataset names are plain words instead of content hashes.
    """
    statuses = ["passed", "near", "open"]
    status_labels = [t(f"deadline.status.{s}") for s in statuses]
    deadlines = pd.DataFrame(
        {
            "route": [r.entry.title.get(lang) for r in dated],
            "date": [r.deadline.date.isoformat() for r in dated],
            "when": [fmt.date(r.deadline.date, lang) for r in dated],
            "status": [t(f"deadline.status.{r.deadline.status}") for r in dated],
        }
    )
    today = pd.DataFrame({"date": [dt.date.today().isoformat()], "label": [t("timeline.today")]})
    date = {"field": "date", "type": "temporal"}
    points = {
        "data": {"name": "deadlines"},
        "mark": {"type": "point", "filled": True, "size": 160},
        "encoding": {
            "color": {
                "field": "status",
                "legend": {"orient": "top", "title": None},
                "scale": {"domain": status_labels, "range": [STATUS_COLOUR[s] for s in statuses]},
                "type": "nominal",
            },
            "shape": {
                "field": "status",
                "legend": None,
                "scale": {"domain": status_labels, "range": [STATUS_SHAPE[s] for s in statuses]},
                "type": "nominal",
            },
            "tooltip": [
                {"field": "route", "title": t("timeline.route"), "type": "nominal"},
                {"field": "when", "title": t("timeline.date"), "type": "nominal"},
            ],
            "x": {**date, "axis": {"format": "%d.%m.%Y", "labelAngle": 0}, "title": t("timeline.axis")},
            "y": {
                "axis": {"labelLimit": 240},
                "field": "route",
                "sort": {"field": "date"},
                "title": None,
                "type": "nominal",
            },
        },
    }
    return {
        "layer": [
            {"mark": {"type": "rule", "color": "#444", "strokeDash": [4, 4]}, "encoding": {"x": date}},
            {
                "mark": {"type": "text", "align": "left", "color": "#444", "dx": 4, "dy": -6},
                "encoding": {"text": {"field": "label", "type": "nominal"}, "x": date, "y": {"value": 0}},
            },
            points,
        ],
        "data": {"name": "today"},
        "height": {"step": 40},
        "$schema": VEGA_LITE_SCHEMA,
        "datasets": {"today": today, "deadlines": deadlines},
    }


def timeline(result: Result, lang: str) -> None:
    dated = [r for r in result.recommendations if r.deadline is not None and r.deadline.date is not None]
    if not dated:
        st.info(t("timeline.none"))
        return
    st.vega_lite_chart(
        timeline_spec(dated, lang), width="stretch", height=max(160, 90 + 40 * len(dated)), alt=t("timeline.alt")
    )
    lines = sorted(dated, key=lambda r: r.deadline.date)
    st.markdown(
        "\n".join(
            f"- **{fmt.date(r.deadline.date, lang)}**: {md(r.entry.title.get(lang))} ({t(f'deadline.status.{r.deadline.status}')})"
            for r in lines
        )
    )


def _dot_label(text: str, width: int = 28) -> str:
    wrapped = "\\n".join(textwrap.wrap(text, width)) or " "
    return wrapped.replace('"', "'")


def answer_map(result: Result, lang: str) -> None:
    pm = path_map(content(), result, lang, limit=MAP_LIMIT)
    if not pm.entries:
        return
    lines = [
        "digraph G {",
        'rankdir=LR; bgcolor="transparent"; nodesep=0.25; ranksep=0.9;',
        'node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled", color="#555555"];',
        'edge [color="#777777", arrowsize=0.6];',
    ]
    for fact_id, label in pm.facts.items():
        lines.append(f'"f_{fact_id}" [label="{_dot_label(label)}", fillcolor="#ffffff", shape=note];')
    for entry_id, title, kind in pm.entries:
        lines.append(f'"e_{entry_id}" [label="{_dot_label(title, 32)}", fillcolor="{KIND_COLOUR[kind]}"];')
    open_to_all = [e for e, _, _ in pm.entries if e not in {dst for _, dst in pm.edges}]
    if open_to_all:
        lines.append(f'"all" [label="{_dot_label(t("map.open_to_all"))}", shape=ellipse, fillcolor="#ffffff"];')
        lines += [f'"all" -> "e_{e}";' for e in open_to_all]
    lines += [f'"f_{f}" -> "e_{e}";' for f, e in pm.edges]
    lines.append("}")
    st.graphviz_chart("\n".join(lines), width="stretch", alt=t("map.alt"))
    if len(result.recommendations) > MAP_LIMIT:
        st.caption(t("map.limited", n=MAP_LIMIT))
