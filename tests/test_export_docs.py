"""The README's Exports section says what the code writes: the rating scale, the CSV
columns, the formats and the options of ``export``."""

from __future__ import annotations

import re

from reader import cli
from reader.export.claimreview import BEST_RATING, RATING_SCALE, WORST_RATING
from reader.export.table import COLUMNS
from tests.helpers import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section() -> str:
    m = re.search(r"### Exports\n(.*?)\n## ", README, re.DOTALL)
    assert m, "README lost its Exports section"
    return m.group(1)


def test_the_rating_scale_is_documented_as_coded() -> None:
    rows = re.findall(r"^\s*\| (\d) \| (\w+) \|", _section(), re.MULTILINE)
    assert {verdict: int(value) for value, verdict in rows} == RATING_SCALE
    assert f"`worstRating` {WORST_RATING}" in _section()
    assert f"`bestRating` {BEST_RATING}" in _section()


def test_the_csv_columns_are_documented_in_order() -> None:
    m = re.search(r"with the columns\s+`([^`]*)`", _section())
    assert m, "the CSV columns are not listed"
    assert tuple(c.strip() for c in " ".join(m.group(1).split()).split(",")) == COLUMNS


def test_every_format_and_option_is_documented() -> None:
    section = _section()
    for fmt in cli.EXPORT_FORMATS:
        assert f"- **`{fmt}`**" in section, fmt
    row = next(line for line in README.splitlines() if line.startswith("| `export"))
    options = re.findall(r"--[a-z-]+", invoke("export", "--help").stdout)
    for option in set(options) - {"--help", "--db", "--format"}:
        assert option in row, option


def test_the_json_keys_of_the_marks_are_documented() -> None:
    from reader.export.json_lines import MARK_KEYS

    section = _section()
    for key in ("tags", "marks", *MARK_KEYS):
        assert f"`{key}`" in section, key


def test_import_marks_is_in_the_command_table() -> None:
    assert any(line.startswith("| `import-marks FILE`") for line in README.splitlines())
