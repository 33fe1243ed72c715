"""Remedy-pathway engine: case facts in, explained routes out.

Nothing in this package imports Streamlit, so the command line, the tests, the PDF
renderer and the app all share one engine.
"""

LANGS: tuple[str, ...] = ("nl", "fr", "de", "en")
