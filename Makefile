# The README's two commands. Each works on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test bench clean translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PY) -m pip install -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PY) -m pip install -e '.[test,oracle]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(VENV)/bin/ann-sim

test: $(STAMP_TEST)
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_engine.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_gui.py
	$(PY) bench/bench_files.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# Add new tr() strings to resources/translations/ann_sim_ko.ts (then translate them).
translations: $(STAMP_RUN)
	$(PY) -m ui.i18n
