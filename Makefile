# One place for every command a reviewer runs. `make run` and `make test` set up
# everything they need (virtual environment, pinned requirements) on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCS := docs/ranking.md

.PHONY: run test lint docs check eval bench loadtest mutation fuzz browser-deps clean

$(STAMP): requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

run: $(STAMP)
	$(BIN)/streamlit run app.py

check: $(STAMP)
	$(BIN)/python -m pathways check

# Advice measured on graded cases (tests/graded/): fails below the aims in docs/ranking.md.
eval: $(STAMP)
	$(BIN)/python -m pathways eval tests/graded

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# Tables in the docs generated from content and code, and the content JSON Schema generated
# from the models (both checked by make test).
docs: $(STAMP)
	$(BIN)/python -m cogapp -r $(DOCS)
	$(BIN)/python -m pathways.content.schema --write

# Browser tests need Debian's Chromium (apt-get install -y chromium) and axe-core (npm).
browser-deps:
	@if [ -f package.json ]; then $(MAKE) --no-print-directory node_modules/axe-core/axe.min.js; fi
	@command -v chromium >/dev/null || echo "note: chromium is not installed (apt-get install -y chromium); browser tests will fail under CI=true"

test: $(STAMP) browser-deps
	$(BIN)/python -m pathways check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m cogapp --check $(DOCS)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

loadtest: $(STAMP)
	$(BIN)/python -m benchmarks.loadtest

# The property tests of every reader of a file a person gives us, ten times longer than in make test.
fuzz: $(STAMP)
	REMEDY_FUZZ=10 $(BIN)/python -m pytest -q tests/pathways/outputs/test_hostile_inputs.py

# Mutation testing of the condition evaluator, the ranking and the deadlines (docs/testing.md):
# a fresh mutmut run on 2 workers (config in pyproject.toml), then mutants per module and the
# names of those not killed (`.venv/bin/mutmut show NAME` prints one's diff).
mutation: $(STAMP)
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2
	@echo
	@$(BIN)/mutmut results --all true | awk -F': ' ' \
		{ m = $$1; sub(/^ +/, "", m); sub(/\.x(_|ǁ).*/, "", m); n[m]++; c[m, $$2]++; t[$$2]++; all++ } \
		END { printf "%-28s %9s %6s %8s %7s %5s\n", "module", "generated", "killed", "survived", "timeout", "other"; \
			for (m in n) printf "%-28s %9d %6d %8d %7d %5d\n", m, n[m], c[m, "killed"], c[m, "survived"], \
				c[m, "timeout"], n[m] - c[m, "killed"] - c[m, "survived"] - c[m, "timeout"] | "sort"; close("sort"); \
			printf "%-28s %9d %6d %8d %7d %5d\n", "total", all, t["killed"], t["survived"], t["timeout"], \
				all - t["killed"] - t["survived"] - t["timeout"] }'
	@echo
	@echo "Not killed:"
	@$(BIN)/mutmut results

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .hypothesis artifacts
