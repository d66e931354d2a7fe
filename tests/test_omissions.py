"""Exclusives (newsprism.compare.omissions): what one outlet alone reports, its own reporting first.

All articles are invented: outlets, places and people."""

from __future__ import annotations

from newsprism.compare.omissions import exclusives, sources_itself
from newsprism.models import Evidence, Fact


def _fact(fid: str, aid: str, text: str) -> Fact:
    return Fact(id=fid, text=text, article_ids=[aid], independent_sources=1, evidence=[Evidence(article_id=aid, text=text, start=0, end=len(text))])


def test_a_sentence_crediting_its_own_outlet_is_its_own_reporting():
    assert sources_itself("A memo seen by the Orrin Ledger shows the plan was dropped in May.", "The Orrin Ledger")
    assert sources_itself("Two engineers told Radio Kelby the pumps had failed.", "Radio Kelby")
    assert sources_itself("The Ledger has learned that the mayor will resign.", "The Orrin Ledger")
    assert not sources_itself("A memo seen by the Kelby Post shows the plan was dropped.", "The Orrin Ledger")  # another outlet's scoop
    assert not sources_itself("Officials told reporters the pumps had failed.", "The Orrin Ledger")
    assert not sources_itself("A memo seen by the Orrin Ledger shows the plan was dropped.", None)


def test_exclusives_list_an_outlets_own_reporting_first():
    """Every fact one outlet alone reports is an exclusive; those it sourced itself (a document it saw,
    people who told it) lead, since they are what the others could not have had."""
    facts = [
        _fact("f1", "post", "The pumping station opened in 1987."),
        _fact("f2", "both", "The pumps failed on Sunday."),
        _fact("f3", "ledger", "A maintenance log seen by the Orrin Ledger shows two warnings in March."),
        _fact("f4", "ledger", "The station employs 40 people."),
    ]
    facts[1] = facts[1].model_copy(update={"article_ids": ["post", "ledger"]})
    sources = {"post": "kelby post", "ledger": "the orrin ledger"}
    outlets = {"post": "Kelby Post", "ledger": "The Orrin Ledger"}
    assert exclusives(facts, sources, outlets) == ["f3", "f1", "f4"]
    assert exclusives(facts, {"post": "x", "ledger": "x"}, outlets) == []  # one outlet: nothing is exclusive
