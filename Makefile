# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    the app, on the bundled sample library
#   make test   the whole test suite, offscreen
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SAMPLE_DB := build/sample-library.db

.PHONY: run test lint check bench clean install-desktop uninstall-desktop bundle bundle-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m reader open --db $(SAMPLE_DB)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check reader tests benchmarks packaging
	$(VENV)/bin/ruff format --check reader tests benchmarks packaging
	$(VENV)/bin/mypy

check: test lint

bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_attribution.py

# Desktop integration for the current user (~/.local/share, or $$XDG_DATA_HOME). The
# launcher runs `provenance-reader` from PATH (pipx) or else this checkout's .venv.
install-desktop: $(STAMP)
	PROVENANCE_READER_EXEC="$$(command -v provenance-reader || echo $(abspath $(VENV))/bin/provenance-reader)" \
		sh packaging/install-desktop.sh

uninstall-desktop:
	sh packaging/uninstall-desktop.sh

# A one-folder PyInstaller bundle in dist/provenance-reader, and a check that it runs
bundle: $(STAMP)
	$(PY) -m pip install -q -e '.[bundle]'
	$(VENV)/bin/pyinstaller --noconfirm --clean packaging/provenance-reader.spec \
		--distpath dist --workpath build/pyinstaller

bundle-check: bundle
	$(PY) packaging/bundle_check.py --dist dist/provenance-reader

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
