"""For content maintainers: the question graph, the counts `check` prints, and what is due
for review (last reviewed over a year ago, or valid_from / valid_to within six months)."""

from __future__ import annotations

import streamlit as st

from components import format as fmt
from components.charts import _dot_label
from components.session import content, lang, md, t
from pathways.checks.graph import RESULTS, START, build_graph
from pathways.checks.maintenance import counts, review_due


def _graph_dot() -> str:
    c, lg = content(), lang()
    g = build_graph(c)
    conditional = {q.id for q in c.questions if q.ask_if is not None}
    lines = [
        "digraph Q {",
        'rankdir=TB; bgcolor="transparent"; nodesep=0.3;',
        'node [fontname="Helvetica", fontsize=10, shape=box, style="rounded,filled", fillcolor="#ffffff"];',
        'edge [color="#777777", arrowsize=0.6];',
    ]
    for node in g.nodes:
        if node in (START, RESULTS):
            label = t("maint.graph.start" if node == START else "maint.graph.results")
            lines.append(f'"{node}" [label="{_dot_label(label)}", shape=ellipse, fillcolor="#e8f1fb"];')
            continue
        text = f"{node}: {c.question(node).text.get(lg)}"
        style = ', style="rounded,dashed,filled"' if node in conditional else ""
        lines.append(f'"{node}" [label="{_dot_label(text, 34)}"{style}];')
    lines += [f'"{a}" -> "{b}";' for a, b in g.edges]
    lines.append("}")
    return "\n".join(lines)


def render() -> None:
    c, lg = content(), lang()
    st.header(t("maint.title"), anchor=False)
    st.markdown(t("maint.intro", version=c.version))
    st.subheader(t("maint.counts"), anchor=False)
    numbers = counts(c)
    cols = st.columns(3)
    for i, (key, n) in enumerate(numbers.items()):
        cols[i % 3].metric(t(f"maint.count.{key}"), n)
    st.subheader(t("maint.due"), anchor=False)
    due = review_due(c)
    if not due:
        st.success(t("maint.none_due"))
    for item in due:
        title = c.entry(item.entry_id).title.get(lg)
        what = t("maint.kind.route" if item.is_route else "maint.kind.body")
        reason = t(f"maint.reason.{item.reason}", date=fmt.date(item.date, lg))
        st.markdown(f"- **{md(title)}** (`{item.entry_id}`, {what}): {reason}")
    st.subheader(t("maint.graph"), anchor=False)
    st.caption(t("maint.graph.help"))
    st.graphviz_chart(_graph_dot(), width="stretch", alt=t("maint.graph.alt"))
