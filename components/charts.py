"""Pictures for people who would rather look than read: deadlines on a timeline, and a map
from the answers to the routes they opened. Each picture has a text equivalent."""

from __future__ import annotations

import datetime as dt
import textwrap

import altair as alt
import pandas as pd
import streamlit as st

from components import format as fmt
from components.session import content, md, t
from pathways.path_map import path_map
from pathways.recommend import Result

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


def timeline(result: Result, lang: str) -> None:
    dated = [r for r in result.recommendations if r.deadline is not None]
    if not dated:
        st.info(t("timeline.none"))
        return
    statuses = ["passed", "near", "open"]
    status_labels = [t(f"deadline.status.{s}") for s in statuses]
    df = pd.DataFrame(
        {
            "route": [r.entry.title.get(lang) for r in dated],
            "date": [r.deadline.date.isoformat() for r in dated],
            "when": [fmt.date(r.deadline.date, lang) for r in dated],
            "status": [t(f"deadline.status.{r.deadline.status}") for r in dated],
        }
    )
    x = alt.X("date:T", title=t("timeline.axis"), axis=alt.Axis(format="%d.%m.%Y", labelAngle=0))
    y = alt.Y("route:N", title=None, sort=alt.EncodingSortField("date"), axis=alt.Axis(labelLimit=240))
    points = (
        alt.Chart(df)
        .mark_point(filled=True, size=160)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=status_labels, range=[STATUS_COLOUR[s] for s in statuses]),
                legend=alt.Legend(title=None, orient="top"),
            ),
            shape=alt.Shape(
                "status:N",
                scale=alt.Scale(domain=status_labels, range=[STATUS_SHAPE[s] for s in statuses]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("route:N", title=t("timeline.route")),
                alt.Tooltip("when:N", title=t("timeline.date")),
            ],
        )
    )
    today = pd.DataFrame({"date": [dt.date.today().isoformat()], "label": [t("timeline.today")]})
    rule = alt.Chart(today).mark_rule(strokeDash=[4, 4], color="#444").encode(x="date:T")
    label = (
        alt.Chart(today)
        .mark_text(align="left", dx=4, dy=-6, color="#444")
        .encode(x="date:T", text="label:N", y=alt.value(0))
    )
    chart = (rule + label + points).properties(height=alt.Step(40))
    st.altair_chart(chart, width="stretch", height=max(160, 90 + 40 * len(dated)), alt=t("timeline.alt"))
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
