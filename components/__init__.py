"""Streamlit views. Each module draws one screen or one part of a screen.

Views hold no legal logic: they read the engine's results and write the interview state
only through the engine's pure functions (via `components.session.commit`).
"""
