"""Near-copies (newsprism.compare.copies): which of a wire text and its reprint is the original.

All outlets, places and people are invented."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_story
from newsprism.compare.copies import names_outlet
from newsprism.outlet_names import same_outlet
from newsprism.models import Removed
from newsprism.settings import CompareSettings

from test_compare import _story_report, build_understanding

SHARED = [
    "A landslide blocked the Ostrava valley road near the village of Kemmel on Monday and cut off about 600 residents, officials said.",
    "Rescue teams reached the village by helicopter on Tuesday and found no one hurt, the regional emergency service said.",
    "Heavy rain had fallen on the valley for five days before the slope gave way, the weather office said.",
    "Engineers expect the road to stay closed for at least two weeks while the slope is made safe.",
]
WIRE_ONLY = "A spokesman for the roads agency said a second slope above the village was being watched."


def _wire_and_reprint(reprint_published: str, wire_published: str) -> dict:
    """The reprint (listed first) keeps three of the wire's four sentences and cuts the last one, so it holds
    a larger share of its own sentences in the wire than the wire in it: the share rule alone calls the wire the copy."""
    return {"entities": {"kemmel": ["Kemmel", "GPE"]}, "articles": [
        _story_report("paper", "Harwick Evening Star", [{"text": t, "entities": ["kemmel"]} for t in SHARED[:3]], reprint_published),
        _story_report("wire", "Tessaly Press Agency", [{"text": t, "entities": ["kemmel"]} for t in SHARED + [WIRE_ONLY]], wire_published),
    ]}


@pytest.mark.parametrize("mark", ["dateline_name", "dateline_code", "credit_line", "byline_with_reporter", "joint_credit"])
def test_the_reprint_that_credits_the_wire_is_the_copy(mark):
    """The wire dated by day only, the reprint with a time the same day (the time rule cannot order them): the
    paper whose dateline names the agency, not itself (or whose credit line under the headline, or byline, is
    the agency's name) is the copy; and the agency's dateline naming itself beside a partner is its own text."""
    u = build_understanding(_wire_and_reprint("2031-05-06T17:45", "2031-05-06"))
    paper, wire = u.articles
    if mark == "dateline_name":
        for art in (paper, wire):
            art.removed.append(Removed(text="KEMMEL, May 6 (Tessaly Press Agency) -", reason="dateline"))
    elif mark == "dateline_code":
        for art in (paper, wire):
            art.removed.append(Removed(text="KEMMEL, May 6 (TPA) -", reason="dateline"))
    elif mark == "credit_line":
        paper.removed.append(Removed(text="Tessaly Press Agency", reason="label"))
    elif mark == "byline_with_reporter":
        paper.byline = "Ilse Marov, Tessaly Press Agency"
        wire.byline = "Ilse Marov"
    else:  # the agency's own dateline shares its bracket with a partner; the paper says nothing
        wire.removed.append(Removed(text="KEMMEL, May 6 (Ostmark Photo/TPA) -", reason="dateline"))
    copies = compare_story(u, CompareSettings()).copies
    assert [(r.article_id, r.copy_of) for r in copies] == [("paper", "wire")], copies


def test_the_credit_outweighs_an_earlier_time_stamp_on_the_reprint():
    """A reprint whose page shows an earlier clock than the wire's (its page stamped in another zone, or at its
    first edition) is still the copy when its dateline credits the wire."""
    u = build_understanding(_wire_and_reprint("2031-05-06T09:00", "2031-05-06T11:30"))
    paper, wire = u.articles
    paper.removed.append(Removed(text="KEMMEL, May 6 (Tessaly Press Agency) -", reason="dateline"))
    wire.removed.append(Removed(text="KEMMEL, May 6 (Tessaly Press Agency) -", reason="dateline"))
    copies = compare_story(u, CompareSettings()).copies
    assert [(r.article_id, r.copy_of) for r in copies] == [("paper", "wire")], copies


def test_outlet_names_and_codes():
    assert same_outlet("TPA", "Tessaly Press Agency") and same_outlet("The Harwick Star", "Harwick Star")
    assert same_outlet("Tessaly Press", "www.tessalypress.test")
    assert not same_outlet("Tessaly Press", "Harwick Evening Star")
    assert not same_outlet("World", "World Herald")  # a section label is not the outlet it opens
    assert names_outlet("Tessaly", "Tessaly Press Agency")  # an agency's short name in its own dateline
    assert not names_outlet("Press", "Tessaly Press Agency")
