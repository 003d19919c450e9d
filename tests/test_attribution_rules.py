"""The cue-rule table: every rule named, with an example that only it finds, switchable."""

from __future__ import annotations

import pytest

from reader.attribution import RuleFinder, find_claims
from reader.attribution.finder import DISABLE_ENV, FINDER_ENV, finder_from_env
from reader.attribution.outlets import default_registry
from reader.attribution.rules import RULE_NAMES, RULES
from tests.helpers import invoke


def _sourced(text: str, disabled: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    claims = RuleFinder(disabled=disabled).find(text).claims
    return [(c.text, c.source or "", c.cue or "") for c in claims if c.source]


def test_rule_names_are_unique_and_every_rule_has_an_example() -> None:
    assert len(RULE_NAMES) == len(RULES)
    for rule in RULES:
        assert rule.example.strip(), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_each_rule_finds_its_example_and_only_it_does(rule) -> None:
    on = _sourced(rule.example)
    off = _sourced(rule.example, frozenset({rule.name}))
    assert on, f"{rule.name}: its example gives no attributed claim"
    assert on != off, f"{rule.name}: its example is found the same without it"


def test_attributions_name_the_rule_that_found_them() -> None:
    from reader.attribution.analyzer import SentenceAnalyzer
    from reader.attribution.segment import quote_mask, tokens

    text = "Park criticized the budget and called for a new vote."
    toks = tokens(text, 0, len(text))
    atts = SentenceAnalyzer(default_registry()).find(toks, True, quote_mask(toks)[0])
    assert [a.rule for a in atts] == ["reporting-verb", "coordinated-verb"]


def test_an_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown cue rule"):
        RuleFinder(disabled=frozenset({"no-such-rule"}))


def test_find_claims_is_the_rule_finder() -> None:
    text = "The mayor said the bridge would reopen on Monday."
    assert find_claims(text) == RuleFinder().find(text).claims


def test_finder_and_disabled_rules_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "per, citing")
    finder = finder_from_env(default_registry())
    assert finder.name == "rules"
    assert (
        not finder.find("Ticket sales doubled last year, per the Harbor League.").claims[0].source
    )
    monkeypatch.setenv(FINDER_ENV, "oracle")
    with pytest.raises(ValueError, match="not a claim finder"):
        finder_from_env(default_registry())


def test_extract_reports_a_bad_rule_name_in_one_line(tmp_path, monkeypatch) -> None:
    page = tmp_path / "a.txt"
    page.write_text("The mayor said the bridge would reopen on Monday after repairs.\n")
    monkeypatch.setenv(DISABLE_ENV, "no-such-rule")
    p = invoke("extract", str(page), "--format", "json")
    assert p.returncode == 2
    assert p.stderr.strip().splitlines() == [
        "error: environment: PROVENANCE_READER_DISABLE_RULES: unknown cue rule(s): no-such-rule"
    ]


def test_the_publisher_the_engine_infers_is_returned() -> None:
    assert RuleFinder().find("Two officials said the talks had stalled.").publisher is None
    assert RuleFinder().find("Talks stalled, officials said.", "WSJ").publisher == (
        "The Wall Street Journal"
    )
    found = RuleFinder().find(
        "The plant closed, Insider has learned.\n\nInsider was unable to verify it."
    )
    assert found.publisher == "Insider"
    assert all(c.chain[0] == "Insider" for c in found.claims if c.chain)


def test_every_token_rule_names_the_tokens_it_can_fire_on() -> None:
    """A token rule without words, endings or marks is tried at every token of every
    sentence, and with it every other rule: the analyzer's skip is lost (about a fifth
    of the engine's time)."""
    from reader.attribution.rules import TokenRule

    for rule in RULES:
        if isinstance(rule, TokenRule):
            assert rule.words or rule.endings or rule.marks, rule.name


def test_each_token_rule_fires_only_on_the_tokens_it_names() -> None:
    """Where a rule applies in its example, the token passes that rule's own gate (the
    analyzer skips tokens no rule names)."""
    from reader.attribution.analyzer import SentenceAnalyzer
    from reader.attribution.cue import SentenceView
    from reader.attribution.rules import TokenRule
    from reader.attribution.segment import quote_mask, tokens

    registry = default_registry()
    analyzer = SentenceAnalyzer(registry)
    fired = set()
    for rule in RULES:
        if not isinstance(rule, TokenRule):
            continue
        toks = tokens(rule.example, 0, len(rule.example))
        s = SentenceView.of(toks, True, registry, quote_mask(toks)[0])
        # what the other token rules find first (a speaker participle needs its speaker)
        s.found = [a for a in analyzer.find(toks, True, s.quoted) if a.rule != rule.name]
        for i, t in enumerate(toks):
            if not s.quoted[i] and rule.applies(s, i):
                fired.add(rule.name)
                assert (
                    t.low in rule.words or t.text in rule.marks or t.low.endswith(rule.endings)
                ), (rule.name, t.text)
    token_rules = {r.name for r in RULES if isinstance(r, TokenRule)}
    assert fired == token_rules, token_rules - fired


def test_a_sentence_ending_on_any_cue_word_does_not_break_the_engine() -> None:
    from reader.attribution.lexicon import PHRASAL_FORMS, REPORTING_VERBS, SUBJECT_VERBS

    for word in sorted(set(REPORTING_VERBS) | set(SUBJECT_VERBS) | set(PHRASAL_FORMS)):
        for text in (f"Trump {word}", f"Park, who {word}", f"Condemning {word}"):
            find_claims(text)  # raises on an index past the end
