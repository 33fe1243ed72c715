"""What the tests and the benchmarks both need to run and drive the app: the AppTest driver,
a `streamlit run` server on a free port, a websocket client speaking Streamlit's protocol,
and two instances behind the shipped nginx configuration.

Tests and benchmarks each import this package and never each other (import-linter holds
it), so a change to a benchmark cannot break `make test`, and the reverse.
"""
