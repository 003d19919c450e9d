"""The extract contract's dicts carry every field, by the names the issues define."""

from __future__ import annotations

import dataclasses

from reader.model import Article, Claim


def test_to_dict_has_every_field() -> None:
    c = Claim("t", 0, 1, "s", [0, 1], "person", "o", "said", "reported", ["P", "s"])
    a = Article(title="T", text="t", claims=[c])
    assert set(c.to_dict()) == {f.name for f in dataclasses.fields(Claim)}
    d = a.to_dict()
    assert set(d) == {f.name for f in dataclasses.fields(Article)}
    assert d["claims"] == [dataclasses.asdict(c)]
