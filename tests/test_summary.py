"""The neutral summary (compare/summary.py): its sentences read as a reader would write them."""

import pytest

from newsprism.compare.summary import _range_sentence, _usable, compress, with_ranges
from newsprism.models import Conflict, Evidence, Fact, Position

LABELS = {"r1": "Valley Wire", "r2": "Town Courier", "r3": "Lake Post"}


def _conflict(kind: str, about: str, sides: list[tuple[str, list[str], str]]) -> Conflict:
    """A conflict whose sides are (value, articles, evidence sentence)."""
    return Conflict(id="k1", about=about, kind=kind, positions=[
        Position(value=value, article_ids=ids, evidence=[Evidence(article_id=ids[0], text=text, start=0, end=len(text))])
        for value, ids, text in sides])


def test_a_disputed_count_is_told_in_sentence_case_not_in_the_sources_capitals():
    """A tabloid's 'FIVE miners' is one side of the range: the summary writes it small, in the range
    sentence and in a fact sentence that carries the range."""
    toll = _conflict("number", "number of miners killed", [
        ("Three miners", ["r1", "r2"], "Three miners were killed when the Dorrin shaft flooded."),
        ("FIVE MINERS", ["r3"], "FIVE MINERS were killed in the Dorrin shaft horror."),
    ])
    sentence = _range_sentence(toll, LABELS)
    assert sentence.text == "Reports of the number of miners killed range from three miners (Valley Wire, Town Courier) to five miners (Lake Post).", sentence.text
    told = with_ranges("Three miners were killed when the Dorrin shaft flooded.", [("Three miners", toll)])
    assert told == "Three to five miners were killed when the Dorrin shaft flooded.", told
    # "A dozen" lost its "a" where the count was cut from the sentence: the range keeps it.
    wagons = _conflict("number", "number of wagons", [
        ("dozen wagons", ["r1"], "A dozen wagons left the rails near Ebbing."),
        ("Fourteen wagons", ["r2"], "Fourteen wagons left the rails near Ebbing."),
    ])
    assert with_ranges("Fourteen wagons left the rails near Ebbing.", [("Fourteen wagons", wagons)]) == "A dozen to fourteen wagons left the rails near Ebbing."


def test_a_figure_shouted_in_a_fact_sentence_is_written_small_outside_quotes():
    assert compress("The cuts will close libraries in the FOUR poorest districts.") == "The cuts will close libraries in the four poorest districts."
    assert compress("SEVEN crew were rescued, the NHS said.") == "Seven crew were rescued, the NHS said."
    assert compress('Orla Venn said "FOUR of them" had gone.') == 'Orla Venn said "FOUR of them" had gone.'


def test_a_sentence_tied_to_the_one_before_it_is_told_on_its_own_or_not_at_all():
    fact = Fact(id="f1", text="", article_ids=["r1"], independent_sources=1)
    # "But" ties the sentence to the one before; without it the sentence stands.
    assert compress("But the ferry operator said the crossing had been cancelled at noon.") == "The ferry operator said the crossing had been cancelled at noon."
    # "Its leader" is the leader of someone named in the sentence before: out of its article it names nobody.
    assert not _usable("Its leader, Dara Quell, said the cuts would gut local services.", fact, frozenset(), {}, False)
    assert _usable("The opposition leader, Dara Quell, said the cuts would gut local services.", fact, frozenset(), {}, False)


@pytest.mark.parametrize(("about", "sides", "expected"), [
    # A clause cut from its subject: the subject comes from the sentence it was cut from, past an aside.
    ("date of: left port with 60 passengers aboard.",
     [("2031-06-05 (on Thursday)", ["r1"], "The Marla Grey had sailed from Tessen on Thursday with 60 passengers on board."),
      ("2031-06-06 (on Friday)", ["r2", "r3"], "The Marla Grey, a 40-metre ferry built in Tessen, left port on Friday with 60 passengers aboard.")],
     "Reports differ on when the Marla Grey left port with 60 passengers aboard: Thursday 5 June 2031 (Valley Wire) "
     "versus Friday 6 June 2031 (Town Courier, Lake Post)."),
    # Who tells it is no part of the event; a side's own words ("late on") stay with the day they name.
    ("date of: Neighbours said the dam keeper had raised the alarm",
     [("2031-06-04 (late on Wednesday)", ["r1"], "Neighbours said the dam keeper had raised the alarm late on Wednesday."),
      ("2031-06-05 02:15 (at 2.15am on Thursday)", ["r2"], "The dam keeper raised the alarm at 2.15am on Thursday, the water board said.")],
     "Reports differ on when the dam keeper had raised the alarm: late on Wednesday 4 June 2031 (Valley Wire) "
     "versus at 2.15am on Thursday 5 June 2031 (Town Courier)."),
    # A live page's "have signed" is told in the past.
    ("date of: Lena Orrin and Pavo Tesk have signed the accord at the town hall",
     [("2031-06-02 (last Monday)", ["r1"], "The accord was signed last Monday by Lena Orrin and Pavo Tesk."),
      ("2031-06-03 (on Tuesday)", ["r2"], "14:05 - Lena Orrin and Pavo Tesk have signed the accord at the town hall.")],
     "Reports differ on when Lena Orrin and Pavo Tesk signed the accord at the town hall: Monday 2 June 2031 (Valley Wire) "
     "versus Tuesday 3 June 2031 (Town Courier)."),
    # The pronoun of "X said it ..." is X.
    ("date of: The water board said it opened the sluices",
     [("2031-06-04 (on Wednesday)", ["r1"], "The water board said it opened the sluices on Wednesday."),
      ("2031-06-05 (on Thursday)", ["r2"], "The sluices were opened on Thursday, the water board said.")],
     "Reports differ on when the water board opened the sluices: Wednesday 4 June 2031 (Valley Wire) versus Thursday 5 June 2031 (Town Courier)."),
    # A word left dangling by the date's removal goes; a common noun is written small inside the sentence.
    ("date of: Water reached the lower town at",
     [("2031-06-04 (on Wednesday)", ["r1"], "Water reached the lower town on Wednesday."),
      ("2031-06-06 (yesterday)", ["r2"], "The lower town was flooded yesterday as water rose over the weir.")],
     "Reports differ on when water reached the lower town: Wednesday 4 June 2031 (Valley Wire) versus Friday 6 June 2031 (Town Courier)."),
])
def test_a_date_disagreement_says_who_did_what_and_when_as_a_reader_says_it(about, sides, expected):
    sentence = _range_sentence(_conflict("date", about, sides), LABELS)
    assert sentence.text == expected, sentence.text
    assert sorted(sentence.article_ids) == sorted({a for _, ids, _ in sides for a in ids})


def test_a_date_disagreement_whose_event_has_no_subject_to_find_keeps_its_quoted_name():
    """A relative clause names no one who did it: the summary quotes the conflict's name rather than invent a subject."""
    sentence = _range_sentence(_conflict("date", "date of: which flooded the valley", [
        ("2031-06-04 (on Wednesday)", ["r1"], "Storm Ilsa, which flooded the valley on Wednesday, moved east."),
        ("2031-06-05 (on Thursday)", ["r2"], "Storm Ilsa, which flooded the valley on Thursday, moved east.")]), LABELS)
    assert sentence.text.startswith("Reports differ on the date of “which flooded the valley”: Wednesday 4 June 2031 (Valley Wire)"), sentence.text


def test_a_date_disagreement_named_by_a_date_alone_is_not_told():
    """'date of: Yesterday' (two outlets' 'yesterday', two days apart, taken for one event) names no event:
    the summary does not tell 'Reports differ on the date of “Yesterday”'; a named event still is."""
    from newsprism.compare.summary import pick_ranges

    sides = [("2031-06-03 (Yesterday)", ["r1"], "Yesterday, shops on the square stayed shut."),
             ("2031-06-05 (Yesterday)", ["r2"], "Yesterday, the council dropped the tax.")]
    named = _conflict("date", "date of: The Ebbing council dropped the parking tax", sides).model_copy(update={"id": "k2"})
    first, rest = pick_ranges([_conflict("date", "date of: Yesterday", sides), named], LABELS, frozenset(), 8)
    told = [s.text for s in first + rest]
    assert told == ["Reports differ on when the Ebbing council dropped the parking tax: Tuesday 3 June 2031 (Valley Wire) "
                    "versus Thursday 5 June 2031 (Town Courier)."], told


def test_a_live_entry_dated_by_its_stamp_tells_no_sides_date_and_stays_usable():
    """A live page's '14:05 - X and Y have signed the accord' sits on the 'Tuesday' side of a date conflict
    without writing Tuesday: there is no date to take out, and the sentence can be told; one writing
    its own date in other words ('on 15 April') cannot."""
    from newsprism.compare.summary import _without_dates

    stamped = "14:05 - Lena Orrin and Pavo Tesk have signed the accord at the Ebbing town hall."
    assert _without_dates(stamped, ["on Tuesday"]) == stamped
    assert _without_dates("Orrin and Tesk signed the accord on 15 April at the town hall.", ["on Tuesday"]) is None
    assert _without_dates("Orrin and Tesk signed the accord on Tuesday at the town hall.", ["on Tuesday"]) == "Orrin and Tesk signed the accord at the town hall."


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("The ballot, held at 22:15, came a week after Mayor Ivo Tarrand stepped down.", "at 22:15",
     "The ballot came a week after Mayor Ivo Tarrand stepped down."),
    ("Counted on Friday, the postal votes tipped the result in Orlem.", "on Friday", "The postal votes tipped the result in Orlem."),
    # an aside of one word the sentence had as it is stays
    ("Tarrand, meanwhile, said the count ended on Friday.", "on Friday", "Tarrand, meanwhile, said the count ended."),
])
def test_a_disputed_time_cut_out_of_an_aside_takes_the_aside_with_it(text, words, expected):
    """R-noconfidence: "The vote, held at 23:40, came ..." less its disputed time read "The vote, held, came ...":
    a participle set off by commas with nothing left to say goes with its commas."""
    from newsprism.compare.summary import _without_dates

    assert _without_dates(text, [words]) == expected


def _view(aid: str, text: str):
    from newsprism.compare.views import ClaimView, content_stems
    from newsprism.models import Claim

    claim = Claim(id=f"c-{aid}", article_id=aid, sentence_index=3, text=text, start=0, end=len(text))
    return ClaimView(claim=claim, index=0, source=aid, outlet=aid, entity_ids=frozenset(), stems=content_stems(text))


def test_a_summary_sentence_naming_the_channel_is_not_cited_to_an_outlet_that_names_another():
    """'Tamsin Oake told the Brackwater Courier' is not what an outlet saying 'Oake said at the
    ceremony' printed: the channel is part of what a reader checks in the citation."""
    from newsprism.compare.summary import receipts

    told = '"We came back because the valley asked us to," Oake told the Brackwater Courier.'
    chosen = _view("courier", told)
    at_ceremony = _view("wire", '"We came back because the valley asked us to," Oake said at the ceremony.')
    same_channel = _view("daily", '"We came back because the valley asked us to," Oake told the Brackwater Courier on Monday.')
    cited = {w.article_id for w in receipts(chosen, told, [chosen, at_ceremony, same_channel])}
    assert cited == {"courier", "daily"}


@pytest.mark.parametrize(("sentence", "mention", "value", "expected"), [
    ("The quake struck at 04:12 on Tuesday, killing nine people.", "at 04:12 on Tuesday", "2034-03-14",
     "The quake struck at 04:12 on Tuesday 14 March 2034, killing nine people."),
    ("Yesterday morning, shops in Dallen stayed shut.", "Yesterday morning", "2031-06-02", "On the morning of Monday 2 June 2031, shops in Dallen stayed shut."),
    ("The dam that burst on the 14th flooded Orrin.", "on the 14th", "2034-03-14", "The dam that burst on Tuesday 14 March 2034 flooded Orrin."),
    ("Fire broke out late on Friday night at the Kessel mill.", "late on Friday night", "2033-11-11",
     "Fire broke out late on the night of Friday 11 November 2033 at the Kessel mill."),
    # already dated, a speaker's words, a weekday the resolution does not match: as written
    ("Police cleared the Tarn camp on Tuesday, 8 November.", "on Tuesday", "2033-11-08", "Police cleared the Tarn camp on Tuesday, 8 November."),
    ('"We left the Tarn camp on Tuesday," Ada Brill said.', "on Tuesday", "2033-11-08", '"We left the Tarn camp on Tuesday," Ada Brill said.'),
    ("The Tarn camp was cleared on Monday.", "on Monday", "2033-11-08", "The Tarn camp was cleared on Monday."),
    ("One crewman was found dead on Sunday afternoon.", "on Sunday", "2026-03-15", "One crewman was found dead on the afternoon of Sunday 15 March 2026."),
    ("Phones failed during Wednesday night's power cut in Orrin.", "Wednesday night", "2026-11-04", "Phones failed during Wednesday night's power cut in Orrin."),
])
def test_a_summary_sentence_says_a_relative_day_as_its_date(sentence, mention, value, expected):
    """Out of its article, 'on Tuesday' leaves the reader to count days from a publication date the
    summary does not give: where the day is resolved, the sentence says it as a reader says a date."""
    from newsprism.compare.summary import with_calendar_dates
    from newsprism.models import DateMention

    assert with_calendar_dates(sentence, [DateMention(article_id="a", text=mention, kind="relative", value=value)]) == expected


def _one_sentence(aid, outlet, text, published="2034-03-16", **found):
    return {"id": aid, "outlet": outlet, "published": published, "sentences": [{"text": text, "entities": ["town"], **found}]}


def test_a_disputed_count_is_not_put_in_the_mouth_of_the_source_that_gave_one_figure():
    """'killed 23 people, according to the civil protection office' beside reports of 27: the office
    said 23, so the summary does not write 'killed 23 to 27 people, according to the office'; the
    range sentence gives each figure with its source."""
    from test_compare import build_understanding

    from newsprism.compare import compare_story
    from newsprism.settings import CompareSettings

    office = "The flood that struck Ostrava Vale on Tuesday killed {} people in Ostrava Vale, according to the regional emergency office."
    spec = {"entities": {"town": ["Ostrava Vale", "GPE"]}, "articles": [
        _one_sentence("q1", "Vale Post", office.format(23), numbers=[["23", 23, 23, 23, "people"]]),
        _one_sentence("q2", "Lowland Herald", office.format(23), numbers=[["23", 23, 23, 23, "people"]]),
        _one_sentence("q3", "River Wire", office.format(27), numbers=[["27", 27, 27, 27, "people"]]),
    ]}
    summary = compare_story(build_understanding(spec), CompareSettings()).summary
    texts = [s.text for s in summary]
    assert not any("23 to 27" in t and "according to" in t for t in texts), texts
    told = [s for s in summary if "emergency office" in s.text]
    assert all("23 people" in s.text and "q3" not in s.article_ids for s in told), [(s.text, s.article_ids) for s in told]
    assert any(t.startswith("Reports of the number of people") for t in texts), texts


def test_the_summary_opens_with_a_sentence_its_own_citations_corroborate():
    """A fact several outlets report, told in the words only one of them vouches for ('Sources close to
    the squad said ...', cited to that outlet alone), is that outlet's report: the summary opens with
    the sentence three outlets vouch for, though the other comes first in the articles."""
    from test_compare import build_understanding

    from newsprism.compare import compare_story
    from newsprism.settings import CompareSettings

    def report(aid, outlet, sentences):
        return {"id": aid, "outlet": outlet, "published": "2031-05-07", "sentences": [{"text": t, "entities": e} for t, e in sentences]}

    sacked = "Halvard Rovers sacked coach Emil Brenner on Monday after six straight defeats"
    spec = {"entities": {"b": ["Emil Brenner", "PERSON"], "h": ["Halvard Rovers", "ORG"]}, "articles": [
        report("r1", "Valley Post", [("Emil Brenner had refused to lead training at Halvard Rovers for a week, the Daily Lark reported.", ["b", "h"]),
                                     (sacked + ".", ["b", "h"])]),
        report("r2", "River Herald", [("Sources close to the squad said Emil Brenner had refused to lead training at Halvard Rovers for a week.", ["b", "h"]),
                                      (sacked + " in the league.", ["b", "h"])]),
        report("r3", "Town Crier", [("Fans gathered outside the Halvard Rovers ground at noon.", ["h"]),
                                    ("On Monday Halvard Rovers sacked coach Emil Brenner after six straight defeats.", ["b", "h"])]),
    ]}
    summary = compare_story(build_understanding(spec), CompareSettings()).summary
    assert summary[0].text.startswith("Halvard Rovers sacked coach Emil Brenner") and len(summary[0].article_ids) == 3, \
        [(s.text, s.article_ids) for s in summary]


def test_a_sentence_dated_well_before_the_first_report_tells_the_background():
    """'Two years ago, a quake damaged the old bridge' is the story's background: no opening for its summary."""
    from newsprism.compare.summary import tells_background
    from newsprism.compare.views import ClaimView
    from newsprism.models import Claim, DateMention

    def view(value):
        claim = Claim(id="c", article_id="a", sentence_index=0, text="x", start=0, end=1)
        return ClaimView(claim=claim, index=0, source="a", outlet=None, entity_ids=frozenset(), stems=frozenset(),
                         event_dates=[DateMention(article_id="a", text="t", kind="date", value=value)])

    # the story's background (two years before its first report) is no opening either
    assert tells_background(view("2032"), "2034-03-16") and tells_background(view("2034-01"), "2034-03-16")
    assert not tells_background(view("2034-03-14"), "2034-03-16") and not tells_background(view("2034-03"), "2034-03-16")


def test_a_label_one_outlet_gives_the_people_of_a_settlement_stays_out_of_the_summary():
    """'squatters', 'land grabbers' (one outlet's words for the families another calls residents) are
    kept out of the summary and the story's title unless every outlet uses them."""
    from newsprism.compare.summary import _terms_in, banned_terms
    from newsprism.models import CleanArticle

    one = CleanArticle(id="a1", source_path="a1", text="Police removed squatters and land grabbers from Tarn Fields.")
    other = CleanArticle(id="a2", source_path="a2", text="Police removed 300 families from Tarn Fields.")
    banned = banned_terms([one, other])
    assert _terms_in(one.text, banned) >= {"squatters", "land grabbers"}
    assert "squatters" not in banned_terms([one, one.model_copy(update={"id": "a3"})])


def test_a_date_disagreement_writes_small_a_common_noun_that_only_began_its_sentence():
    """'Bulldozers demolished the huts' opens every report's sentence: inside the range sentence the
    word is written small ('when bulldozers demolished ...'); a name the story writes with a capital
    inside a sentence ('crews from Dellmoor') keeps it."""
    from newsprism.compare.summary import pick_ranges, story_names
    from newsprism.models import CleanArticle, Entity

    texts = {"r1": "Bulldozers demolished the huts on Tuesday. The crews from Dellmoor left at noon.",
             "r2": "Bulldozers demolished the huts on Wednesday, residents said."}
    articles = [CleanArticle(id=a, source_path=a, text=t) for a, t in texts.items()]
    names = story_names(articles, [Entity(id="e1", name="Orla Fenn", type="PERSON")])
    assert "Dellmoor" in names and "Fenn" in names and "Bulldozers" not in names

    def told(about, first, second):
        sides = [("2031-06-03 (on Tuesday)", ["r1"], first), ("2031-06-04 (on Wednesday)", ["r2"], second)]
        picked, rest = pick_ranges([_conflict("date", about, sides)], LABELS, frozenset(), 8, name_words=names)
        return (picked + rest)[0].text

    assert told("date of: Bulldozers demolished the huts", "Bulldozers demolished the huts on Tuesday.",
                "Bulldozers demolished the huts on Wednesday, residents said.").startswith("Reports differ on when bulldozers demolished the huts:")
    assert told("date of: Dellmoor crews demolished the huts", "Dellmoor crews demolished the huts on Tuesday.",
                "Dellmoor crews demolished the huts on Wednesday.").startswith("Reports differ on when Dellmoor crews demolished the huts:")


def _lead_of(facts_spec, conflicts=()):
    """The first sentence of the summary of facts given as (sentences, speaker): each sentence (article,
    text, predicate, quoted) a claim of that fact; facts far apart in meaning; `conflicts` between them."""
    import numpy as np

    from newsprism.compare.summary import build_summary
    from newsprism.compare.views import ClaimView, content_stems
    from newsprism.models import Claim, CleanArticle, Entity

    articles = [CleanArticle(id=a, source_path=a, outlet=a, published="2031-05-07", text="x") for a in ("p1", "p2", "p3")]
    entities = [Entity(id="e_drem", name="Ilsa Drem", type="PERSON")]
    facts, views, rows = [], [], []
    for k, (sentences, speaker) in enumerate(facts_spec):
        group = []
        for n, (aid, text, predicate, quoted) in enumerate(sentences):
            claim = Claim(id=f"c{k}{n}", article_id=aid, sentence_index=k, text=text, start=0, end=len(text), predicate=predicate,
                          entity_ids=["e_drem"] if speaker else [])
            group.append(ClaimView(claim=claim, index=10 * k + n, source=aid, outlet=aid, entity_ids=frozenset(claim.entity_ids),
                                   stems=content_stems(text), speaker=speaker, quoted_share=0.6 if quoted else 0.0))
        ids = list(dict.fromkeys(v.article_id for v in group))
        facts.append(Fact(id=f"f{k}", text=group[0].claim.text, article_ids=ids, independent_sources=len(ids), claim_of=speaker))
        views.append(group)
        rows.append(np.tile(np.eye(len(facts_spec))[k], (len(group), 1)))
    summary = build_summary(facts, list(conflicts), views, articles, entities, {a.id: a.id for a in articles}, rows, 3, 8)
    return summary[0]


def test_the_summary_opens_with_the_event_several_outlets_report_before_a_quote_or_a_state():
    """Three outlets report the bridge's closure, each in words of its own (so each sentence is cited to
    its outlet alone); two print the same state ('The Linden bridge is 140 years old') and the mayor's
    same quote. The summary opens with what happened, not with the state or the quote however many cite them."""
    closed = [("p1", "The Corvale council closed the Linden bridge to traffic on Monday after engineers found cracks.", "closed", False),
              ("p2", "Inspectors discovered fractures in the piers, and Corvale shut its oldest crossing.", "shut", False),
              ("p3", "Drivers face long detours since officials barred all vehicles from the Linden span.", "face", False)]
    state = [("p1", "The Linden bridge is 140 years old and carries the main road north.", "is", False),
             ("p2", "The Linden bridge is 140 years old and carries the main road north.", "is", False)]
    quote = [("p1", '"We will rebuild the bridge by spring," Mayor Ilsa Drem said at the town hall.', "said", True),
             ("p2", '"We will rebuild the bridge by spring," Mayor Ilsa Drem said at the town hall.', "said", True)]
    lead = _lead_of([(state, None), (quote, "e_drem"), (closed, None)])
    assert "bridge to traffic" in lead.text or "shut its oldest crossing" in lead.text, lead.text
    # A corroborated event still comes before an event told in one outlet's words, where the outlets
    # open their reports with neither (`_lead_of` makes the first fact's sentences the openings: here
    # a state, no event to open with).
    again = [("p1", "Police closed two side streets near the Corvale bridge on Monday evening.", "closed", False),
             ("p2", "Police closed two side streets near the Corvale bridge on Monday evening.", "closed", False)]
    lead = _lead_of([(state, None), (closed, None), (again, None)])
    assert lead.text.startswith("Police closed two side streets") and lead.article_ids == ["p1", "p2"], (lead.text, lead.article_ids)


def test_a_state_a_habit_or_a_remark_is_no_event_to_open_with_but_an_event_given_to_its_source_is():
    from newsprism.compare.summary import tells_an_event

    assert tells_an_event("closed", "The Corvale council closed the Linden bridge on Monday.")
    assert tells_an_event("said", "About 9,000 homes in Corvale lost power after the storm, the grid operator said.")
    assert tells_an_event("said", "The storm killed two people, according to the Corvale fire service.")
    assert not tells_an_event("is", "The Linden bridge is 140 years old.")
    assert not tells_an_event("has denied", "Corvale has always denied selling the bridge to a private firm.")
    assert not tells_an_event("said", "Relatives of the drivers said the bridge had been shaking for weeks, hours before the council says it was told.")


@pytest.mark.parametrize("sentence, own", [
    ("The permit was signed by Dremmel on 2 May, documents seen by the Kessling Courier show.", True),
    ("Emails obtained by Radio Pellow suggest that the harbour master knew of the leak.", True),
    ("Files seen by the Orvane Ledger reveal the terms of the deal.", True),
    ("One worker is unaccounted for, Radio Fenmoor understands.", True),
    ("The harbour master knew of the leak, court records show.", False),
    ("The minister was seen by reporters at Dremmel airport on Friday.", False),
])
def test_a_sentence_resting_on_records_the_outlet_saw_itself_is_in_its_voice(sentence, own):
    """'..., documents seen by the Courier show' is the Courier's own finding, as '..., the Courier
    understands' is: only it vouches for it, so it is no opening for the summary; records of others
    ('court records show') and a verb 'seen by' someone are not."""
    from newsprism.compare.summary import in_outlet_voice

    assert in_outlet_voice(sentence) is own


def test_an_event_told_with_a_different_aside_by_each_outlet_is_told_by_its_main_clause_cited_to_all():
    """Three outlets report the closure in one main clause, each adding an aside of its own (a cause, a
    detour, the drivers): the summary tells the main clause without the aside, cited to all three, not
    one outlet's whole sentence cited to that outlet alone."""
    closed = [("p1", "The Corvale council closed the Linden bridge to traffic on Monday, citing cracks found by engineers in two piers.", "closed", False),
              ("p2", "The Corvale council closed the Linden bridge to traffic on Monday, diverting buses through the old town.", "closed", False),
              ("p3", "The Corvale council closed the Linden bridge to traffic on Monday, leaving drivers facing long detours.", "closed", False)]
    quote = [("p1", '"We will rebuild the bridge by spring," Mayor Ilsa Drem said at the town hall.', "said", True),
             ("p2", '"We will rebuild the bridge by spring," Mayor Ilsa Drem said at the town hall.', "said", True)]
    lead = _lead_of([(quote, "e_drem"), (closed, None)])
    assert lead.text == "The Corvale council closed the Linden bridge to traffic on Monday." and lead.article_ids == ["p1", "p2", "p3"], \
        (lead.text, lead.article_ids)


def test_an_event_whose_amount_is_disputed_is_told_without_the_amount_not_left_out():
    """Two outlets report the signing, each with its own fee (£12 million, £15 million: a conflict whose
    range no words can tell). The summary opens with the signing told without the amount and the phrase
    giving it, not with the coach's quote, and gives neither outlet's figure as the story's."""
    from newsprism.models import Conflict, Evidence, Position

    signed = [("p1", "Kessford Athletic signed winger Tomas Reyl from Dunmore City for a club-record fee of £12 million on Friday.", "signed", False),
              ("p2", "Kessford Athletic signed winger Tomas Reyl from Dunmore City in a deal worth £15 million on Friday.", "signed", False)]
    quote = [("p1", '"Tomas will score goals for us," coach Ilsa Drem said at the training ground.', "said", True),
             ("p2", '"Tomas will score goals for us," coach Ilsa Drem said at the training ground.', "said", True)]
    fee = Conflict(id="k1", about="transfer fee", kind="number", positions=[
        Position(value=value, article_ids=[aid], evidence=[Evidence(article_id=aid, text=text, start=0, end=len(text))])
        for (aid, text, _, _), value in zip(signed, ["£12 million", "£15 million"])])
    lead = _lead_of([(quote, "e_drem"), (signed, None)], [fee])
    assert lead.text.startswith("Kessford Athletic signed winger Tomas Reyl from Dunmore City") and "£" not in lead.text, lead.text
    assert "fee of" not in lead.text and "worth" not in lead.text, lead.text


def test_a_label_for_a_settlement_is_found_with_its_name_between_its_words():
    """'the illegal Tarn Fields camp' carries the label 'illegal camp' as much as 'the illegal camp'
    does; 'Illegal dumping near Tarn Fields camp' does not."""
    from newsprism.compare.summary import _terms_in

    terms = frozenset({"illegal camp", "squatters"})
    assert _terms_in("Riot police cleared the illegal Tarn Fields camp at dawn.", terms) == {"illegal camp"}
    assert _terms_in("Illegal Tarn camp cleared.", terms) == {"illegal camp"}
    assert _terms_in("Illegal dumping near Tarn Fields camp was reported.", terms) == set()


def test_a_sentence_counting_the_people_of_the_sentence_before_names_nobody_out_of_its_article():
    from newsprism.compare.summary import PRONOUN_START

    assert PRONOUN_START.match("Three of them were rushed to Dorrow hospital.")
    assert PRONOUN_START.match("Most of those evacuated returned home on Friday.")
    assert not PRONOUN_START.match("Three of the miners were rushed to Dorrow hospital.")


def test_a_figure_written_in_words_is_checked_against_each_citation():
    """'Two of the miners were taken to hospital' is not stated by 'THREE of the miners were rushed to
    hospital', though it rewords only one word: the sentence is not cited to that outlet."""
    hospital = [("p1", "THREE of the miners were rushed to Dorrow hospital on Tuesday night.", "rushed", False),
                ("p2", "Two of the miners were taken to Dorrow hospital on Tuesday night.", "taken", False),
                ("p3", "Two of the miners were taken to Dorrow hospital on Tuesday night.", "taken", False)]
    lead = _lead_of([(hospital, None)])
    assert lead.text.startswith("Two of the miners") and lead.article_ids == ["p2", "p3"], (lead.text, lead.article_ids)


def test_the_summary_opens_with_the_event_the_reports_lead_with_over_a_later_detail_more_report():
    """Two outlets open their reports with the rescue, three tell later how many went to hospital, each
    in words of its own: the summary opens with the rescue, the event their ledes tell."""
    rescue = [("p1", "Rescuers brought seven miners out of the flooded Dorrow pit on Wednesday morning.", "brought", False),
              ("p2", "All seven trapped workers reached the surface of the Dorrow mine after a night underground.", "reached", False)]
    hospital = [("p1", "Two of the miners were treated in hospital for hypothermia.", "treated", False),
                ("p2", "A pair of the rescued men spent the night at Dorrow General.", "spent", False),
                ("p3", "Paramedics took two workers to the regional hospital with cuts.", "took", False)]
    lead = _lead_of([(rescue, None), (hospital, None)])
    assert "seven" in lead.text, lead.text


def test_an_event_given_to_its_source_by_a_tail_opens_the_summary_before_a_quote():
    """'Dunmore City signed X from Y on Friday, Ilsa Drem announced' tells what happened, given to the
    one who announced it: the summary opens with it, not with her quote however many outlets print it."""
    signed = [("p1", "Dunmore City signed striker Emil Brenner from Halvard Rovers on Friday, Ilsa Drem announced.", "announced", False),
              ("p2", "Emil Brenner joined Dunmore City from the Halvard club for an undisclosed sum, Ilsa Drem announced.", "announced", False)]
    quote = [("p1", '"Emil will score goals for us," Ilsa Drem said at the training ground.', "said", True),
             ("p2", '"Emil will score goals for us," Ilsa Drem said at the training ground.', "said", True)]
    lead = _lead_of([(quote, "e_drem"), (signed, "e_drem")])
    assert "Emil Brenner" in lead.text and "score goals" not in lead.text, lead.text


def test_the_summary_opens_with_the_event_most_reports_lead_with_among_corroborated_events():
    """Both outlets open with the recall, given to the firm by a tail ('..., the company said on Monday'),
    and both print the same later detail, which is no one's claim: the summary opens with the recall, the
    event their ledes tell, not with the detail for being nobody's words."""
    recall = [("p1", "Dorrow Foods is recalling 12,000 jars of its pepper sauce after glass was found in a batch, the company said on Monday.", "said", False),
              ("p2", "Dorrow Foods is recalling 12,000 jars of its pepper sauce after glass was found in a batch, the company said on Monday.", "said", False)]
    detail = [("p1", "Shops across Corvale removed the jars from their shelves on Tuesday.", "removed", False),
              ("p2", "Shops across Corvale removed the jars from their shelves on Tuesday.", "removed", False)]
    lead = _lead_of([(recall, "e_drem"), (detail, None)])
    assert lead.text.startswith("Dorrow Foods is recalling"), lead.text


def test_a_verb_of_having_or_holding_in_the_present_tells_a_state():
    from newsprism.compare.summary import tells_an_event

    assert not tells_an_event("carry", "The affected jars carry best-before dates from 3 to 9 May.")
    assert not tells_an_event("covers", "The recall covers 12,000 jars of pepper sauce.")
    assert tells_an_event("covered", "Floodwater covered the market square in Corvale.")


def test_a_disputed_count_in_someones_words_is_told_without_its_figure_not_left_out():
    """'Dorrow Foods is recalling 12,000 jars ..., the company confirmed' / 'Dorrow Foods said it would recall
    21,000 jars ...': each is the company's words, so no range can be put in its mouth; the recall is told
    without the figure (the range sentence gives each with its source), not left out of the summary."""
    from newsprism.models import Conflict, Evidence, Position

    one = "Dorrow Foods is recalling 12,000 jars of its pepper sauce after glass was found in a batch, the company confirmed."
    two = "Dorrow Foods said it would recall 21,000 jars of its sauces after customers found glass in them."
    recall = [("p1", one, "confirmed", False), ("p2", two, "said", False)]
    jars = Conflict(id="k_jars", kind="number", about="number of jars", positions=[
        Position(value="12,000 jars", article_ids=["p1"], evidence=[Evidence(article_id="p1", text=one, start=0, end=len(one))]),
        Position(value="21,000 jars", article_ids=["p2"], evidence=[Evidence(article_id="p2", text=two, start=0, end=len(two))])])
    lead = _lead_of([(recall, "e_drem")], [jars])
    assert lead.text.startswith("Dorrow Foods") and ("recalling jars" in lead.text or "recall jars" in lead.text), lead.text
    assert "12,000" not in lead.text and "21,000" not in lead.text, lead.text


def test_a_count_of_people_in_someones_words_keeps_out_of_the_summary_rather_than_lose_its_figure():
    from newsprism.compare.summary import _without_figures
    from newsprism.models import Conflict, Position

    treated = Conflict(id="k", kind="number", about="number of patients", positions=[
        Position(value="37 patients", article_ids=["p1"]), Position(value="73 patients", article_ids=["p2"])])
    assert _without_figures("The Harl clinic said it had treated 37 patients.", [("37 patients", treated)]) is None
    jars = Conflict(id="k", kind="number", about="number of jars", positions=[
        Position(value="12,000 jars", article_ids=["p1"]), Position(value="21,000 jars", article_ids=["p2"])])
    assert _without_figures("Some 12,000 jars were recalled, the company said.", [("12,000 jars", jars)]) is None
    assert _without_figures("The firm said it would recall 12,000 glass jars.", [("12,000 jars", jars)]) == "The firm said it would recall glass jars."


def test_a_summary_sentence_saying_when_it_takes_effect_is_not_cited_to_an_outlet_that_does_not_say_so():
    """'Ondrej Valk resigned with immediate effect on Friday' is not what an outlet printing only 'Valk
    resigned as head of the Pellmark port authority on Friday' (and elsewhere: effective at the end of
    June) vouches for: a word of timing or extent is part of what a reader checks in the citation,
    never one of the reworded words a receipt may leave out; another wording of it ('effective
    immediately') is."""
    from newsprism.compare.summary import receipts

    told = "Ondrej Valk resigned as head of the Pellmark port authority with immediate effect on Friday."
    chosen = _view("radio", told)
    plain = _view("daily", "Ondrej Valk resigned as head of the Pellmark port authority on Friday.")
    reworded = _view("wire", "Ondrej Valk resigned as head of the Pellmark port authority on Friday, effective immediately.")
    cited = {w.article_id for w in receipts(chosen, told, [chosen, plain, reworded])}
    assert cited == {"radio", "wire"}
    # A sentence without such a word is still stated by one that adds it.
    bare = "Ondrej Valk resigned as head of the Pellmark port authority on Friday."
    assert {w.article_id for w in receipts(plain, bare, [plain, chosen])} == {"daily", "radio"}


def test_a_sentence_saying_it_took_effect_at_once_is_told_without_it_where_the_other_reports_do_not_say_so():
    """One outlet: 'resigned with immediate effect on Friday'; two others: 'resigned ... on Friday', each with
    a clause of its own (one of them, elsewhere: effective at the end of June). The summary tells the resignation as every report
    states it, without 'with immediate effect', cited to all three, not the one outlet's wording cited to
    reports that never said so."""
    from test_compare import build_understanding, one_sentence_report
    from newsprism.compare import compare_story
    from newsprism.settings import CompareSettings

    spec = {
        "entities": {"valk": ["Ondrej Valk", "PERSON"], "port": ["Pellmark Port Authority", "ORG"]},
        "articles": [
            one_sentence_report("r1", "Radio Pellmark", "Ondrej Valk resigned as head of the Pellmark Port Authority with immediate effect on Friday.",
                                ["valk", "port"], dates=[["on Friday", "2031-05-02", "day"]]),
            one_sentence_report("r2", "Harbour Daily", "Ondrej Valk resigned as head of the Pellmark Port Authority on Friday after a row over dredging fees.",
                                ["valk", "port"], dates=[["on Friday", "2031-05-02", "day"]]),
            one_sentence_report("r3", "Coast Courier", "Ondrej Valk resigned as head of the Pellmark Port Authority on Friday, two years before his term was due to end.",
                                ["valk", "port"], dates=[["on Friday", "2031-05-02", "day"]]),
        ],
    }
    c = compare_story(build_understanding(spec), CompareSettings())
    told = [s for s in c.summary if "resigned" in s.text]
    assert told, [s.text for s in c.summary]
    for s in told:
        if "immediate" in s.text:
            assert s.article_ids == ["r1"], (s.text, s.article_ids)
    assert any("immediate" not in s.text and set(s.article_ids) == {"r1", "r2", "r3"} for s in told), [(s.text, s.article_ids) for s in told]


def test_the_summary_opens_with_the_event_the_outlets_lead_with_over_a_detail_all_of_them_print():
    """Both outlets open with the escape, each in words of its own (so neither sentence is cited to the
    other); all three print the same later line on a reward. The summary opens with the escape, the
    event their openings tell, not with the reward for being printed word for word by more outlets."""
    escape = [("p1", "Six inmates broke out of the Harl Point jail late on Saturday through a tunnel.", "broke", False),
              ("p2", "Guards at Harl Point found six cells empty on Sunday after a night-time breakout.", "found", False)]
    reward = [("p1", "A reward of 5,000 crowns has been offered for information.", "offered", False),
              ("p2", "A reward of 5,000 crowns has been offered for information.", "offered", False),
              ("p3", "A reward of 5,000 crowns has been offered for information.", "offered", False)]
    lead = _lead_of([(escape, None), (reward, None)])
    assert "inmates broke out" in lead.text or "six cells empty" in lead.text, lead.text


def test_a_side_written_as_a_bare_figure_is_told_with_the_range():
    """'Seven aid workers ... were released' beside another report's 'eight': the conflict's sides are the
    bare figures ('Seven', 'eight'); the sentence is told with the range, not left out of the summary."""
    freed = _conflict("number", "number of workers freed", [
        ("Seven", ["r1", "r2"], "Seven aid workers held in Dorsa were released on Sunday."),
        ("eight", ["r3"], "Talks to free eight aid workers ended on Sunday."),
    ])
    told = with_ranges("Seven aid workers held in Dorsa were released on Sunday.", [("Seven", freed)])
    assert told == "Seven to eight aid workers held in Dorsa were released on Sunday.", told


def test_summary_avoids_tabloid_nouns_and_modifiers_but_not_a_charge_named_in_plain_words():
    """Loaded nouns ('lags') and modifiers ('miracle jab') stay out of the summary on one outlet's word; 'fraud',
    loaded only when said of people, is also the charge a court names, so it is not avoided in every sense."""
    from newsprism.compare.lexicons import summary_avoid_terms

    avoid = summary_avoid_terms()
    assert {"lags", "cranks", "miracle", "wonder"} <= avoid
    assert "fraud" not in avoid


def test_a_cut_value_that_the_rest_of_the_sentence_compares_with_leaves_no_summary_sentence():
    """R-launch: "put its altitude at 190 km, well below the 310 km given by the agency" less its disputed
    190 km read "put its altitude, well below the 310 km ..."; R-avalanche: "came down at 11:25 on
    Wednesday, according to lift staff, and not earlier as officials said" less its time compared with
    nothing. Such a cut is not made; a cut with no comparison after it still is."""
    from newsprism.compare.summary import _without_amount, _without_dates

    assert _without_amount("Radio hams who tracked the Orla-3 probe put its height at 210 km, well below the 400 km given by the Tarsk agency.",
                           "210 km") is None
    assert _without_dates("The mudslide that buried the Venn road came down at 06:40 on Friday, according to road crews, and not earlier "
                          "as the council said.", ["at 06:40 on Friday"]) is None
    assert _without_dates("The mudslide came down on Friday near the Venn road and cut it.", ["on Friday"]) == "The mudslide came down near the Venn road and cut it."
