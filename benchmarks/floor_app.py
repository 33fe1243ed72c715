"""The floor page for `python -m benchmarks.floor`: one button, one heading, one line of text.

It runs with the app's own settings (`.streamlit/config.toml`, `components.server_tuning`), so
what it costs per click is what Streamlit itself costs on this machine for any page: the
websocket, the script run, session state and the messages of a rerun. Not part of the product.
"""

from __future__ import annotations

import streamlit as st

from components import server_tuning

server_tuning.once()
st.session_state.setdefault("clicks", 0)
if st.button("Next", key="next"):
    st.session_state.clicks += 1
st.header(f"Question {st.session_state.clicks + 1}")
st.write("One line of text under the question.")
