# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    the app, on the bundled sample library
#   make test   the whole test suite, offscreen
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SAMPLE_DB := build/sample-library.db

.PHONY: run test test-fast smoke lint check bench clean install-desktop uninstall-desktop bundle bundle-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m reader open --db $(SAMPLE_DB)

# pyproject's addopts deselect the x11-marked smoke test here (no X server): `make smoke`
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# While developing: everything but the corpus tests and those that start processes
# (CI runs them all, `make test`)
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m 'not x11 and not corpus and not subprocess'

# The window under a real X server (Xvfb, Qt's xcb plugin): start, open an article,
# press j, screenshot (kept in build/smoke.png), Ctrl+Q. Fails, never skips, without
# the tools: apt-get install xvfb xauth xdotool imagemagick (and README's System packages)
SMOKE_TOOLS := xvfb-run xauth xdotool import compare identify
smoke: $(STAMP)
	@missing=""; for t in $(SMOKE_TOOLS); do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
		echo "make smoke: missing$$missing (apt-get install xvfb xauth xdotool imagemagick)" >&2; \
		exit 1; \
	fi
	@mkdir -p build
	QT_QPA_PLATFORM=xcb SMOKE_SCREENSHOT=$(CURDIR)/build/smoke.png \
		xvfb-run -a -s "-screen 0 1440x900x24" \
		$(PY) -m pytest -q -s -m x11 -p no:cacheprovider tests/test_smoke_x11.py

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
