"""The README's keyboard table is generated from the action table; keep them equal."""

from __future__ import annotations

import re

from reader.gui.actions import keys_markdown
from tests.helpers import ROOT


def test_readme_keyboard_table_matches_the_action_table(qapp: object) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", readme, re.DOTALL)
    assert m, "README lost its keys:start/keys:end markers"
    assert m.group(1).strip() == keys_markdown(), (
        "regenerate it with reader.gui.actions.keys_markdown()"
    )


def test_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
