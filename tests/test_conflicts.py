"""Conflicts on invented stories: lengths tied to their act, money named by its topic, reasons for a
decision kept apart from the cause of the event, dates of one clause each with its own verb, and the
injured, the missing and the evacuated counted apart. Every name, place and figure here is invented."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_story
from newsprism.compare.conflicts import causes_in
from newsprism.models import Mention
from newsprism.settings import CompareSettings
from test_compare import build_understanding, one_sentence_report


def _conflicts(spec: dict, kind: str):
    return [k for k in compare_story(build_understanding(spec), CompareSettings()).conflicts if k.kind == kind]


def _sides(conflict) -> list[tuple[str, list[str]]]:
    return sorted((p.value, sorted(p.article_ids)) for p in conflict.positions)


def _length(text: str, value: float, unit: str = "year") -> list:
    return [text, value, value, value, unit, "duration"]


def test_a_ban_told_with_also_is_tied_to_its_holder():
    """'was also banned from office for six years' / 'barred Strovik from office for nine years': an
    adverb between 'was' and the verb left the ban without its holder, and the two bans unmatched."""
    spec = {"entities": {"ema": ["Ema Strovik", "PERSON"]}, "articles": [
        one_sentence_report("b1", "Hollin Post", "Councillor Ema Strovik was also banned from public office for six years.", ["ema"],
                            numbers=[_length("six years", 6)]),
        one_sentence_report("b2", "Marsh Courier", "The tribunal barred Strovik from public office for nine years.", ["ema"],
                            numbers=[_length("nine years", 9)]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, _sides(k)) for k in numbers] == [("ban of Ema Strovik", [("nine years", ["b2"]), ("six years", ["b1"])])]


@pytest.mark.parametrize(("first", "second", "about"), [
    ("Vantor Rovers signed winger Kofi Amell on a five-year contract.", "Kofi Amell agreed a four-year deal with Vantor Rovers.",
     "contract term of Kofi Amell"),
    ("Ivo Marsh began a five-year prison sentence at Dunlow on Monday.", "Ivo Marsh was jailed for four years at Dunlow on Monday.",
     "prison term of Ivo Marsh"),
])
def test_a_length_is_tied_to_the_term_it_is_written_before(first, second, about):
    """'a five-year contract' / 'a four-year deal': the noun after a length names the act that gives it
    (data/compare/length_nouns.txt); such lengths were compared with nothing."""
    def report(aid: str, text: str) -> dict:
        figure = next(w for w in ("five-year", "four-year", "four years") if w in text)
        return one_sentence_report(aid, f"Outlet {aid}", text, ["person"], numbers=[_length(figure, 5 if "five" in figure else 4)])

    name = "Kofi Amell" if "Amell" in first else "Ivo Marsh"
    spec = {"entities": {"person": [name, "PERSON"]}, "articles": [report("t1", first), report("t2", second)]}
    numbers = _conflicts(spec, "number")
    assert [k.about for k in numbers] == [about], [(k.about, _sides(k)) for k in numbers]
    assert {p.article_ids[0] for p in numbers[0].positions} == {"t1", "t2"}


def _money(text: str, value: float) -> list:
    return [text, value, value, value, "GBP", "money"]


def test_a_money_conflict_is_named_by_its_topic():
    """'fined Delmar Foods £80,000' / 'a fine of £95,000': the conflict is about the fine, not an 'amount in GBP'."""
    spec = {"entities": {"firm": ["Delmar Foods", "ORG"]}, "articles": [
        one_sentence_report("f1", "Hollin Post", "The river authority fined Delmar Foods £80,000 for the leak.", ["firm"],
                            numbers=[_money("£80,000", 8e4)]),
        one_sentence_report("f2", "Marsh Courier", "Delmar Foods was ordered to pay a fine of £95,000 for the leak.", ["firm"],
                            numbers=[_money("£95,000", 9.5e4)]),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "number")] == [("fine", [("£80,000", ["f1"]), ("£95,000", ["f2"])])]


def test_an_amount_whose_sentence_names_no_topic_does_not_take_the_previous_sentences():
    """'The league fined Castor Athletic £40,000 last season. Castor Athletic paid £21 million for Ruben
    Okafor.': the £21 million is no fine; read as one, it never met the other report's transfer fee."""
    spec = {"entities": {"club": ["Castor Athletic", "ORG"], "ruben": ["Ruben Okafor", "PERSON"]}, "articles": [
        one_sentence_report("p1", "Hollin Post", "Castor Athletic signed Ruben Okafor from Linnet Town for a fee of £18 million.",
                            ["club", "ruben"], numbers=[_money("£18 million", 1.8e7)]),
        {"id": "p2", "outlet": "Marsh Courier", "published": "2031-05-07", "sentences": [
            {"text": "The league fined Castor Athletic £40,000 last season.", "entities": ["club"], "numbers": [_money("£40,000", 4e4)]},
            {"text": "Castor Athletic paid Linnet Town £21 million for Ruben Okafor.", "entities": ["club", "ruben"],
             "numbers": [_money("£21 million", 2.1e7)]},
        ]},
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("£18 million", ["p1"]), ("£21 million", ["p2"])]], [(k.about, _sides(k)) for k in numbers]


def test_the_reason_for_a_decision_is_no_cause_of_the_event():
    """'Stewards shut the east sluice because the channel was already blocked' explains the stewards'
    decision; set against 'the flood was caused by a burst main' it made a false side."""
    spec = {"entities": {"mill": ["Orrin Mill", "FAC"]}, "articles": [
        one_sentence_report("c1", "Hollin Post", "The flood at Orrin Mill was caused by a burst water main, the board said.", ["mill"]),
        one_sentence_report("c2", "Marsh Courier", "A cracked weir caused the flood at Orrin Mill on Sunday.", ["mill"]),
        one_sentence_report("c3", "Tarn Radio", "Workers at Orrin Mill shut the east sluice because the channel was already blocked.", ["mill"]),
    ]}
    causes = _conflicts(spec, "cause")
    assert [sorted(p.value for p in k.positions) for k in causes] == [["A cracked weir", "a burst water main"]], [_sides(k) for k in causes]


def test_a_cause_runs_over_a_decimal_point():
    assert causes_in("The recount was ordered because the margin was under 0.5% of the votes cast.") == ["the margin was under 0.5% of the votes cast"]


def test_a_sentence_with_two_months_sides_by_the_verb_of_each():
    """'agreed the contract in March and signed it in May' / 'signed the contract in April': the May of
    the signing is the side against April, not the March of the agreement."""
    def report(aid: str, text: str, dates: list) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["council", "bridge"], published="2031-06-20", dates=dates)

    spec = {"entities": {"bridge": ["Tollan Bridge", "FAC"], "council": ["Merrow Council", "ORG"]}, "articles": [
        report("m1", "Merrow Council agreed the contract to rebuild the Tollan Bridge in March and signed it in May.",
               [["in March", "2031-03", "relative"], ["in May", "2031-05", "relative"]]),
        report("m2", "Merrow Council signed the contract to rebuild the Tollan Bridge in April.", [["in April", "2031-04", "relative"]]),
        report("m3", "The Tollan Bridge contract was signed by Merrow Council in May.", [["in May", "2031-05", "relative"]]),
    ]}
    dates = _conflicts(spec, "date")
    assert [_sides(k) for k in dates] == [[("2031-04 (in April)", ["m2"]), ("2031-05 (in May)", ["m1", "m3"])]], [_sides(k) for k in dates]


def _count(text: str, value: float, unit: str, low: float | None = None, high: float | None = None) -> list:
    return [text, value, value if low is None else low, value if high is None else high, unit]


def test_the_injured_and_the_evacuated_are_counted_apart():
    """'Nine workers were injured' is no value of 'more than 150 workers were evacuated'; the injured
    are a count of their own, in dispute between six and nine."""
    spec = {"entities": {"mill": ["Lorne Mill", "FAC"]}, "articles": [
        one_sentence_report("i1", "Hollin Post", "Nine workers were injured as fire swept through the Lorne Mill on Thursday.", ["mill"],
                            numbers=[_count("Nine workers", 9, "workers")]),
        one_sentence_report("i2", "Marsh Courier", "140 workers were evacuated from the Lorne Mill, and six people were injured.", ["mill"],
                            numbers=[_count("140 workers", 140, "workers"), _count("six people", 6, "people")]),
        one_sentence_report("i3", "Tarn Radio", "More than 150 workers were evacuated from the Lorne Mill on Thursday.", ["mill"],
                            numbers=[_count("More than 150 workers", None, "workers", 150, float("inf"))]),
    ]}
    numbers = {k.about: _sides(k) for k in _conflicts(spec, "number")}
    assert numbers == {
        "number of workers evacuated": [("140 workers", ["i2"]), ("More than 150 workers", ["i3"])],
        "number of workers injured": [("Nine workers", ["i1"]), ("six people", ["i2"])],
    }, numbers


def test_amounts_of_one_earlier_year_are_compared_with_each_other_only():
    """'was fined £80,000 in 2027' / 'which has run the plant since 1996, was fined £95,000 in 2027': a
    background figure is never a side of the story's own figure (Monday's £60,000 fine), but two
    reports' figures of one earlier year disagree (C-millfire: the 2028 fine was never compared)."""
    def report(aid: str, text: str, figure: str, value: float, dates: list) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["firm"], numbers=[_money(figure, value)], dates=dates)

    spec = {"entities": {"firm": ["Delmar Foods", "ORG"]}, "articles": [
        report("y1", "Delmar Foods was fined £80,000 in 2027 for a chemical leak at its Orrin plant.", "£80,000", 8e4,
               [["in 2027", "2027", "year"]]),
        report("y2", "Delmar Foods, which has run the Orrin plant since 1996, was fined £95,000 in 2027 for a chemical leak.", "£95,000", 9.5e4,
               [["since 1996", "1996", "year"], ["in 2027", "2027", "year"]]),
        report("y3", "Delmar Foods was fined £60,000 on Monday for a chemical leak at its Orrin plant.", "£60,000", 6e4,
               [["on Monday", "2031-05-05", "relative"]]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, _sides(k)) for k in numbers] == [("fine", [("£80,000", ["y1"]), ("£95,000", ["y2"])])], [(k.about, _sides(k)) for k in numbers]


def _dated(aid: str, text: str, dates: list, published: str = "2031-05-10", entities: list | None = None) -> dict:
    return one_sentence_report(aid, f"Outlet {aid}", text, entities or [], published=published, dates=dates)


def test_two_events_told_yesterday_are_not_one_event():
    """'Yesterday, shops along Tanner Street stayed shut ...' / 'Yesterday, the harbour board reopened the
    ferry route ...': a clause cut at its comma to 'Yesterday' read alike with every other such clause, and
    two events of two days became a date conflict."""
    spec = {"entities": {}, "articles": [
        _dated("y1", "Yesterday, shops along Tanner Street stayed shut as volunteers swept up glass.",
               [["Yesterday", "2031-05-06", "relative"]], published="2031-05-07"),
        _dated("y2", "Yesterday, the harbour board reopened the ferry route to Kessel Island.",
               [["Yesterday", "2031-05-08", "relative"]], published="2031-05-09"),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == []


def test_a_plan_is_no_side_against_the_day_it_happened():
    """'aid convoys will cross the bridge on Friday' (a plan) / 'On Saturday, the first aid convoys crossed
    the bridge': a plan that slips a day contradicts no one; two plans for two days do."""
    spec = {"entities": {}, "articles": [
        _dated("p1", "The envoy says aid convoys will cross the Harnel bridge into the valley on Friday.", [["on Friday", "2031-05-09", "relative"]]),
        _dated("p2", "On Saturday, the first aid convoys crossed the Harnel bridge into the valley.", [["On Saturday", "2031-05-10", "relative"]]),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == []
    spec["articles"][1] = _dated("p2", "Aid convoys are due to cross the Harnel bridge into the valley on Saturday.", [["on Saturday", "2031-05-10", "relative"]])
    assert [_sides(k) for k in _conflicts(spec, "date")] == [[("2031-05-09 (on Friday)", ["p1"]), ("2031-05-10 (on Saturday)", ["p2"])]]


def test_the_halt_of_an_event_is_dated_apart_from_the_event():
    """'The cabinet suspended a 12 percent bread price rise on Wednesday' dates the suspension, not the
    rise another report dates 'on 4 May' (data/compare/halt_words.txt)."""
    spec = {"entities": {"cab": ["Ostrel", "GPE"]}, "articles": [
        _dated("h1", "Bread prices in Ostrel rose by 12 percent on 4 May after a flour subsidy ended.", [["on 4 May", "2031-05-04", "date"]], entities=["cab"]),
        _dated("h2", "Ostrel's cabinet suspended a 12 percent bread price rise on Wednesday after a flour subsidy ended.",
               [["on Wednesday", "2031-05-07", "relative"]], entities=["cab"]),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == []


def test_clashes_told_in_other_words_are_one_event():
    """'Youths threw stones at riot police ... on Friday night' / 'clashes between riot police and
    demonstrators ... on Thursday night' tell one clash (data/compare/event_verbs.txt) on two days."""
    spec = {"entities": {}, "articles": [
        _dated("c1", "Youths threw stones at riot police outside the Corvin town hall on Friday night as a rally over rents ended.",
               [["on Friday night", "2031-05-09", "relative"]]),
        _dated("c2", "The vote follows clashes between riot police and demonstrators outside the Corvin town hall on Thursday night.",
               [["on Thursday night", "2031-05-08", "relative"]]),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == [[("2031-05-08 (on Thursday night)", ["c2"]), ("2031-05-09 (on Friday night)", ["c1"])]]


def test_a_noun_written_before_another_names_no_one_thing():
    """'90,000 e-scooter chargers' / '60,000 chargers for its Metro and Ridge e-scooters': 'e-scooter'
    before 'chargers' is a kind of charger, not one scooter against several; the recall's two counts
    were never compared."""
    def report(aid: str, text: str, figure: str, value: float) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["firm"], numbers=[_count(figure, value, "chargers")])

    spec = {"entities": {"firm": ["Velta Motors", "ORG"]}, "articles": [
        report("r1", "Velta Motors said it would recall 90,000 e-scooter chargers after reports of overheating.", "90,000 e-scooter chargers", 9e4),
        report("r2", "Velta Motors is recalling 60,000 chargers for its Metro and Ridge e-scooters after reports of overheating.", "60,000 chargers", 6e4),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "number")] == [[("60,000 chargers", ["r2"]), ("90,000 e-scooter chargers", ["r1"])]]


def test_a_count_of_arrests_is_named_by_the_arrests():
    """'Police detained 45 people' / 'more than 90 people were arrested': the conflict is about the
    number of people arrested, not a bare 'number of people'."""
    def report(aid: str, text: str, figure: str, low: float, high: float) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["town"], numbers=[_count(figure, low if low == high else None, "people", low, high)])

    spec = {"entities": {"town": ["Corvin", "GPE"]}, "articles": [
        report("a1", "Police detained 45 people in Corvin overnight after the rally over rents.", "45 people", 45, 45),
        report("a2", "More than 90 people were arrested in Corvin overnight after the rally over rents.", "More than 90 people", 90, float("inf")),
    ]}
    assert [k.about for k in _conflicts(spec, "number")] == ["number of people arrested"]


def test_a_margin_of_victory_is_named_margin():
    """'Odile Fenn won the seat by 212 votes' / 'won by 198 votes': the conflict is about the margin."""
    def report(aid: str, text: str, figure: str, value: float) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["fenn"], numbers=[_count(figure, value, "votes")])

    spec = {"entities": {"fenn": ["Odile Fenn", "PERSON"]}, "articles": [
        report("v1", "Odile Fenn won the Larch Hill seat by 212 votes after a second count.", "212 votes", 212),
        report("v2", "Odile Fenn won Larch Hill by 198 votes after a second count.", "198 votes", 198),
    ]}
    assert [k.about for k in _conflicts(spec, "number")] == ["margin"]


def test_one_depth_told_in_two_reported_sentences_is_compared():
    """'struck ... at a depth of 8 kilometres, the office said' / 'The main shock was 15 km deep, the
    office said' (N-quake): each report gives one depth, so the dimension names what is measured; the
    two reported sentences, worded apart, had been read as two statements and the depths never met."""
    spec = {"entities": {"office": ["Harth Seismic Office", "ORG"], "vell": ["Vell", "GPE"]}, "articles": [
        {"id": "q1", "outlet": "Harth Wire", "published": "2031-05-07", "sentences": [
            {"text": "The tremor struck Vell at 03:40 on Monday at a depth of 8 kilometres, the Harth Seismic Office said.",
             "entities": ["vell", "office"], "attributed_to": "office", "quote": "The tremor struck Vell at 03:40 on Monday at a depth of 8 kilometres",
             "numbers": [["8 kilometres", 8, 8, 8, "kilometres", "measure"]]}]},
        {"id": "q2", "outlet": "Vell Evening Post", "published": "2031-05-07", "sentences": [
            {"text": "The main shock near Vell was 15 km deep, the Harth Seismic Office said.",
             "entities": ["vell", "office"], "attributed_to": "office", "quote": "The main shock near Vell was 15 km deep",
             "numbers": [["15 km", 15, 15, 15, "kilometres", "measure"]]}]},
    ]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, _sides(k)) for k in numbers] == [("depth in metres", [("15 km", ["q2"]), ("8 kilometres", ["q1"])])], \
        [(k.about, _sides(k)) for k in numbers]


def test_a_toll_since_a_year_told_first_meets_one_told_after_its_figure():
    """'Since 2014 the junta's war in the hills has killed about 3,000 people' / 'has killed 1,900 people
    since 2014' (C2-truce): a running total since a year, however long the subject between the year
    and the figure; the first was read as of no year and never met the others."""
    spec = {"entities": {"hills": ["Corveth Hills", "LOC"]}, "articles": [
        one_sentence_report("s1", "Corveth Voice", "Since 2014 the junta's long war in the Corveth Hills has killed about 3,000 people.", ["hills"],
                            numbers=[_count("about 3,000 people", 3000, "people", 2550, 3450)], dates=[["Since 2014", "2014", "range"]]),
        one_sentence_report("s2", "Lowland Record", "Fighting in the Corveth Hills has killed 1,900 people since 2014.", ["hills"],
                            numbers=[_count("1,900 people", 1900, "people")], dates=[["since 2014", "2014", "range"]]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("1,900 people", ["s2"]), ("about 3,000 people", ["s1"])]], [(k.about, _sides(k)) for k in numbers]


@pytest.mark.parametrize(("first", "second", "about"), [
    ("The blaze at the Orrin depot burned for 9 hours, fed by stored tyres.",
     "Crews fought the fire at the Orrin depot, which burned for 16 hours and destroyed two sheds.", "how long the blaze at the Orrin depot burned"),
    ("The Tarrow reservoir emptied in four hours, leaving a field of mud.",
     "The Tarrow reservoir took eleven hours to empty, the agency said.", "how long the Tarrow reservoir emptied"),
])
def test_lengths_of_time_no_one_holds_are_compared(first, second, about):
    """'The blaze burned for 20 hours' / 'the blaze, which burned for 14 hours' (C-millfire), 'emptied in
    six hours' / 'took nine hours to empty' (C-dambreach): a length of time with no person or
    organisation holding it was compared with nothing."""
    def report(aid: str, text: str) -> dict:
        figure = next(w for w in ("9 hours", "16 hours", "four hours", "eleven hours") if w in text)
        value = {"9 hours": 9, "16 hours": 16, "four hours": 4, "eleven hours": 11}[figure]
        return one_sentence_report(aid, f"Outlet {aid}", text, ["place"], numbers=[_length(figure, value, "hour")])

    place = "Orrin" if "Orrin" in first else "Tarrow"
    spec = {"entities": {"place": [place, "GPE"]}, "articles": [report("d1", first), report("d2", second)]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, sorted(v for v, _ in _sides(k))) for k in numbers] == [(about, sorted(
        next(w for w in ("9 hours", "16 hours", "four hours", "eleven hours") if w in t) for t in (first, second)))]


def test_a_length_of_time_told_twice_alike_is_no_conflict():
    """Two lengths of time of one span that agree, or one that only bounds the other, are no conflict."""
    spec = {"entities": {"place": ["Orrin", "GPE"]}, "articles": [
        one_sentence_report("e1", "Outlet e1", "The blaze at the Orrin depot burned for 16 hours, fed by stored tyres.", ["place"],
                            numbers=[_length("16 hours", 16, "hour")]),
        one_sentence_report("e2", "Outlet e2", "The blaze at the Orrin depot burned for more than 12 hours.", ["place"],
                            numbers=[["more than 12 hours", 12, 12, None, "hour", "duration"]]),
    ]}
    assert _conflicts(spec, "number") == []


@pytest.mark.parametrize(("sentence", "causes", "effect"), [
    ("The count was delayed by a power cut at the Orlo Hall, the clerk said.", ["a power cut at the Orlo Hall"], "The count was delayed"),
    ("The ferry was delayed by two hours.", [], "The ferry was delayed"),  # how long, not why
    ("The match was held up by 40 minutes because of fog.", ["fog"], "The match was held up"),
    # a plan done again: no cause
    ("A second tremor hit on Friday, two days before the schools had been due to reopen after the break.", [], None),
])
def test_a_disruption_by_something_gives_its_cause(sentence, causes, effect):
    """'The recount was delayed by a power cut' (C-recount) gave no cause; 'had been due to reopen'
    (N-quake) gave the cause 'reopen'."""
    from newsprism.compare.conflicts import scan_causes
    assert scan_causes(sentence) == (causes, effect)


def test_a_delay_told_beside_the_event_gives_no_cause_of_the_event():
    """'The dam burst on Tuesday, and sirens were delayed by a power cut' gives the cause of the sirens'
    delay: no side of what caused the breach (C-dambreach); two reports of one delay still dispute its cause."""
    spec = {"entities": {"dam": ["Corrie Dam", "FAC"], "hall": ["Orlo Hall", "FAC"]}, "articles": [
        one_sentence_report("c1", "Corrie Post", "The Corrie Dam burst on Tuesday night, and warning sirens were delayed by a power cut.", ["dam"]),
        one_sentence_report("c2", "Valley Times", "The breach at the Corrie Dam was caused by heavy rain that overfilled the lake.", ["dam"]),
        one_sentence_report("c3", "Orlo Herald", "The count at the Orlo Hall was delayed by a power cut, the clerk said.", ["hall"]),
        one_sentence_report("c4", "Orlo Radio", "The count at the Orlo Hall was delayed because a ballot box arrived late.", ["hall"]),
    ]}
    causes = _conflicts(spec, "cause")
    assert [sorted(v for v, _ in _sides(k)) for k in causes] == [["a ballot box arrived late", "a power cut"]], [(k.about, _sides(k)) for k in causes]


@pytest.mark.parametrize(("second", "figure", "value", "conflict"), [
    ("Some 140 workers were evacuated from the Delby plant after the fire.", "Some 140 workers", 140, True),
    ("Nearly 200 workers were evacuated from the Delby plant after the fire.", "Nearly 200 workers", 200, False),
])
def test_an_approximation_meets_an_open_bound_by_its_figure(second, figure, value, conflict):
    """'Some 140 workers' / 'More than 150 workers' (C-millfire): the slack read around 'some 140'
    (119-161) met the bound, and no conflict was found; the figure written, 140, does not meet it.
    'Nearly 200' meets 'more than 150'."""
    spec = {"entities": {"delby": ["Delby", "GPE"]}, "articles": [
        one_sentence_report("w1", "Delby Wire", "More than 150 workers were evacuated from the Delby plant after the fire.", ["delby"],
                            numbers=[["More than 150 workers", 150, 150, None, "workers"]]),
        one_sentence_report("w2", "Delby Chronicle", second, ["delby"], numbers=[[figure, value, value, value, "workers"]]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [sorted(v for v, _ in _sides(k)) for k in numbers] == ([sorted(["More than 150 workers", figure])] if conflict else []), \
        [(k.about, _sides(k)) for k in numbers]


def test_a_toll_its_sources_give_apart_is_one_count_in_dispute():
    """Police say three died, the hospital five ("received five bodies"): one toll with two sides, each
    its source's. The pair was dropped as two speakers' different statements, the radio's two sentences
    (hospital's five, police's three) kept its two figures apart as two quantities, and "five bodies"
    was no count of the dead."""
    people = ["three people", 3, 3, 3, "people"]
    spec = {"entities": {"varn": ["Ada Varn", "PERSON"], "hospital": ["Dunmere General Hospital", "ORG"], "bridge": ["Dunmere footbridge", "FAC"]},
            "articles": [
        one_sentence_report("t1", "Harlow Post", "Police Chief Ada Varn said three people died when the Dunmere footbridge collapsed.",
                            ["varn", "bridge"], numbers=[people], attributed_to="varn"),
        {"id": "t2", "outlet": "Radio Kell", "published": "2031-05-07", "sentences": [
            {"text": "Five people died when the Dunmere footbridge collapsed, Dunmere General Hospital said.", "entities": ["bridge", "hospital"],
             "numbers": [["Five people", 5, 5, 5, "people"]], "attributed_to": "hospital"},
            {"text": "Police have said three people died.", "entities": [], "numbers": [people], "attributed_phrase": "Police"}]},
        one_sentence_report("t3", "Tarn Wire", "Dunmere General Hospital said it had received five bodies from the collapse.",
                            ["hospital"], numbers=[["five bodies", 5, 5, 5, "bodies"]], attributed_to="hospital"),
    ]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, _sides(k)) for k in numbers] == [
        ("number of people killed", [("Five people", ["t2", "t3"]), ("three people", ["t1", "t2"])])], [(k.about, _sides(k)) for k in numbers]


@pytest.mark.parametrize(("first", "first_date", "second", "second_date", "numbers"), [
    ("The death toll from the landslide in Brannock village rose to 19 on Thursday, rescuers said.", ("on Thursday", "2031-05-08"),
     "The landslide that buried Brannock village on Wednesday killed 14 people.", ("on Wednesday", "2031-05-07"),
     ([["19", 19, 19, 19, "people"]], [["14 people", 14, 14, 14, "people"]])),
    ("The order to clear the Kettering Row camp was signed by Deputy Mayor Ilse Dorn on Thursday 3 June.", ("Thursday 3 June", "2031-06-03"),
     "Bailiffs cleared the Kettering Row camp on Tuesday.", ("on Tuesday", "2031-06-08"), ([], [])),
])
def test_a_day_of_another_event_in_the_sentence_is_no_date_conflict(first, first_date, second, second_date, numbers):
    """'the death toll rose to 19 on Thursday' dates the toll's update, not the landslide; 'the order to
    clear the camp was signed on Thursday 3 June' dates the signing, not the clearing: neither day is a
    side against the day another report gives the event."""
    spec = {"entities": {"brannock": ["Brannock", "GPE"], "row": ["Kettering Row", "FAC"], "dorn": ["Ilse Dorn", "PERSON"]}, "articles": [
        one_sentence_report("d1", "Harlow Post", first, ["brannock"] if "Brannock" in first else ["row", "dorn"], published="2031-06-09",
                            dates=[[*first_date, "relative"]], numbers=numbers[0]),
        one_sentence_report("d2", "Tarn Wire", second, ["brannock"] if "Brannock" in second else ["row"], published="2031-06-09",
                            dates=[[*second_date, "relative"]], numbers=numbers[1]),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "date")] == []


def _quoted(aid: str, outlet: str, words: str) -> dict:
    return one_sentence_report(aid, outlet, f'"{words}" said Tomas Rell, who lives below the Ambry weir.', ["rell"],
                               attributed_to="rell", quote=words)


def test_a_quote_wording_conflict_has_one_side_per_meaning():
    """Three outlets quote 'no warning' (one adds a clause, one drops 'that'), one 'some warning': two
    sides, three outlets against one; each rendering had been a side of its own, setting the three who
    agree against each other."""
    spec = {"entities": {"rell": ["Tomas Rell", "PERSON"]}, "articles": [
        _quoted("q1", "Harlow Post", "We had no warning that the weir was cracking, and the water came in minutes."),
        _quoted("q2", "Radio Kell", "We had no warning that the weir was cracking."),
        _quoted("q3", "Tarn Wire", "We had no warning the weir was cracking"),
        _quoted("q4", "Evening Spark", "We had some warning that the weir was cracking."),
    ]}
    found = _conflicts(spec, "quote_wording")
    assert [sorted(sorted(p.article_ids) for p in k.positions) for k in found] == [[["q1", "q2", "q3"], ["q4"]]]


def test_a_contracted_negation_agrees_with_the_written_out_one():
    """'they won't be ignored' / 'they will not be ignored': one remark; the contraction read as no
    negation made the two a quote wording conflict."""
    spec = {"entities": {"rell": ["Tomas Rell", "PERSON"]}, "articles": [
        _quoted("n1", "Harlow Post", "Our members have spoken, and they will not be ignored."),
        _quoted("n2", "Tarn Wire", "The members have spoken and they won't be ignored"),
    ]}
    assert _conflicts(spec, "quote_wording") == []


def test_seats_counted_out_of_one_whole_conflict_and_a_threshold_is_no_side():
    """'leaves the Harbour Party with 30 of the 59 seats' / 'gives the Harbour Party 29 of the council's 59
    seats; 30 seats are needed for a majority': 29 against 30 seats. The words right around the two
    parts read unlike ('with 30 of the 59' / 'Party 29 of the council's'), and the 30 seats needed
    joined the other report's 30, so no conflict was found."""
    seats = lambda text, value: [text, value, value, value, "seats"]  # noqa: E731
    spec = {"entities": {"party": ["Harbour Party", "ORG"], "council": ["Ostrel Council", "ORG"]}, "articles": [
        one_sentence_report("s1", "Harlow Post", "The count leaves the Harbour Party with 30 of the 59 seats on Ostrel Council.", ["party", "council"],
                            numbers=[seats("30", 30), seats("59 seats", 59)]),
        one_sentence_report("s2", "Tarn Wire", "The count gives the Harbour Party 29 of the council's 59 seats; 30 seats are needed for a majority.",
                            ["party", "council"], numbers=[seats("29", 29), seats("59 seats", 59), seats("30 seats", 30)]),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "number")] == [("number of seats", [("29 seats", ["s2"]), ("30 seats", ["s1"])])]


def test_a_finer_figure_is_no_rounding_of_the_coarser_one():
    """'an offer of 3.5% over two years' / 'the company's 3% offer': 3% may be 3.4% rounded, but 3.5% is
    no rounding of 3.46%; reading both as rounded made them agree. The conflict is named by the offer."""
    pct = lambda text, value: [text, value, value, value, "%", "percent"]  # noqa: E731
    spec = {"entities": {"firm": ["Ferrow Line", "ORG"]}, "articles": [
        one_sentence_report("o1", "Harlow Post", "Talks collapsed after the Ferrow Line refused to improve an offer of 3.5% over two years.", ["firm"],
                            numbers=[pct("3.5%", 3.5)]),
        one_sentence_report("o2", "Tarn Wire", "A Ferrow Line spokesman said the company's 3% offer over two years was fair.", ["firm"],
                            numbers=[pct("3%", 3)]),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "number")] == [("offer", [("3%", ["o2"]), ("3.5%", ["o1"])])]


@pytest.mark.parametrize(("text", "causes"), [
    ("Brannel Ferries said a fault in the steering gear was to blame.", ["a fault in the steering gear"]),
    ("Police said that icy roads were to blame for the pile-up.", ["icy roads"]),
    ("Nobody in Carrow yet knows who is to blame.", []),
])
def test_what_was_to_blame_is_a_cause_and_a_question_names_none(text, causes):
    """'a fault in the steering gear was to blame' gives a cause (data/compare/cause_verbs.txt); 'who is to
    blame' asks for one and names none."""
    assert causes_in(text) == causes


def test_a_toll_told_with_perished_is_named_the_killed():
    """'Fourteen people perished' / 'Nine people died': the conflict is over the number killed, not 'number of people'."""
    spec = {"entities": {"ship": ["Brisk Star", "PRODUCT"]}, "articles": [
        one_sentence_report("p1", "Evening Spark", "Fourteen people perished when the Brisk Star sank off Holm Point.", ["ship"],
                            numbers=[["Fourteen people", 14, 14, 14, "people"]]),
        one_sentence_report("p2", "Tarn Wire", "Nine people died when the Brisk Star sank off Holm Point.", ["ship"],
                            numbers=[["Nine people", 9, 9, 9, "people"]]),
    ]}
    assert [k.about for k in _conflicts(spec, "number")] == ["number of people killed"]


def test_a_toll_and_a_rescued_count_are_named_by_what_they_count():
    """'Nine people have now been confirmed dead' has its word of the dead beyond a toll's reach, yet with
    'Nine people died', 'At least twelve people were killed' and 'Fifteen people perished' it is one toll: 'number of people
    killed', not 'number of people'; 'lifeboats hauled 230 people from the sea' / 'rescuers pulled 203
    people from the water' is 'number of people rescued'."""
    people = lambda text, value: [text, value, value, value, "people"]  # noqa: E731
    spec = {"entities": {"ship": ["Brisk Star", "PRODUCT"]}, "articles": [
        {"id": "r1", "outlet": "Evening Spark", "published": "2031-05-07", "sentences": [
            {"text": "Fifteen people perished when the Brisk Star sank off Holm Point.", "entities": ["ship"], "numbers": [people("Fifteen people", 15)]},
            {"text": "Lifeboats hauled 230 people from the freezing sea after the Brisk Star sank.", "entities": ["ship"],
             "numbers": [people("230 people", 230)]}]},
        {"id": "r2", "outlet": "Tarn Wire", "published": "2031-05-07", "sentences": [
            {"text": "At least twelve people were killed when the Brisk Star sank off Holm Point.", "entities": ["ship"],
             "numbers": [people("twelve people", 12)]},
            {"text": "Rescuers pulled 203 people from the water after the Brisk Star sank.", "entities": ["ship"],
             "numbers": [people("203 people", 203)]}]},
        {"id": "r3", "outlet": "Radio Kell", "published": "2031-05-07", "sentences": [
            {"text": "Nine people have now been confirmed dead after the Brisk Star sank off Holm Point.", "entities": ["ship"],
             "numbers": [people("Nine people", 9)]},
            {"text": "Lifeboat crews rescued 203 people from the sea after the Brisk Star sank.", "entities": ["ship"],
             "numbers": [people("203 people", 203)]}]},
        one_sentence_report("r4", "Holm Courier", "Nine people died when the Brisk Star sank off Holm Point.", ["ship"],
                            numbers=[people("Nine people", 9)]),
    ]}
    found = sorted((k.about, sorted(p.value for p in k.positions)) for k in _conflicts(spec, "number"))
    assert found == [("number of people killed", ["Fifteen people", "Nine people", "twelve people"]),
                     ("number of people rescued", ["203 people", "230 people"])], found


def test_a_quote_saying_the_opposite_of_its_other_rendering_is_a_wording_conflict():
    """'The river was rough, but ...' (two outlets) / 'The river was calm, and ...': opposite words of one
    condition (data/compare/antonyms.txt) change the meaning as a negation does; with no 'not' the three
    read alike and no conflict was found."""
    spec = {"entities": {"rell": ["Tomas Rell", "PERSON"]}, "articles": [
        _quoted("a1", "Harlow Post", "The river was rough, but our boats reached the weir within ten minutes."),
        _quoted("a2", "Radio Kell", "The river was rough, but our boats got to the weir within ten minutes."),
        _quoted("a3", "Evening Spark", "The river was calm, and our boats reached the weir within ten minutes."),
    ]}
    found = _conflicts(spec, "quote_wording")
    assert [sorted(sorted(p.article_ids) for p in k.positions) for k in found] == [[["a1", "a2"], ["a3"]]]


def test_a_toll_counted_out_of_its_owners_members_is_a_side_of_the_toll():
    """'the Tollan Miners' Guild said nine of its members had been killed': the guild's toll, a side of the
    toll against the police's four; 'of its members' was read as a part of another count, 'member' as no
    people noun, and 'killed' six words past the figure as too far. 'At least nine people were killed',
    the guild's figure as another outlet bounds it, sides with that nine, not apart from it."""
    spec = {"entities": {"orm": ["Edda Orm", "PERSON"], "guild": ["Tollan Miners' Guild", "ORG"], "pit": ["Brae pit", "FAC"]},
            "articles": [
        one_sentence_report("m1", "Harlow Post", "Police Chief Edda Orm said four people died when the Brae pit flooded.",
                            ["orm", "pit"], numbers=[["four people", 4, 4, 4, "people"]], attributed_to="orm"),
        one_sentence_report("m2", "Tarn Wire", "The Tollan Miners' Guild said nine of its members had been killed when the Brae pit flooded.",
                            ["guild", "pit"], numbers=[["nine", 9, 9, 9, "members"]], attributed_to="guild"),
        one_sentence_report("m3", "Evening Spark", "At least nine people were killed when the Brae pit flooded, the Tollan Miners' Guild said.",
                            ["guild", "pit"], numbers=[["nine people", 9, 9, None, "people"]], attributed_to="guild"),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "number")] == [
        ("number of people killed", [("four people", ["m1"]), ("nine", ["m2", "m3"])])], [(k.about, _sides(k)) for k in _conflicts(spec, "number")]


def test_a_state_begun_since_a_day_is_no_side_against_the_deed_that_ended_it():
    """'Police on Wednesday removed strikers who had occupied the Brell cannery since Monday' /
    'Police removed the strikers from the Brell cannery on Wednesday afternoon': Monday dates when the
    occupation began (F-millsitin), no day of the removal; two starts of it told apart still conflict."""
    spec = {"entities": {"brell": ["Brell cannery", "FAC"]}, "articles": [
        _dated("s1", "Police on Wednesday removed strikers who had occupied the Brell cannery in Osk since Monday, the town's police said.",
               [["on Wednesday", "2031-06-11", "relative"], ["Monday", "2031-06-09", "relative"]], entities=["brell"], published="2031-06-12"),
        _dated("s2", "Police removed the strikers from the Brell cannery on Wednesday afternoon.",
               [["on Wednesday afternoon", "2031-06-11", "relative"]], entities=["brell"], published="2031-06-12"),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == []


def test_a_strike_voted_to_start_from_a_day_is_dated_as_the_strike():
    """'crews voted to strike from 14 April' dates the strike, a plan, not the vote; 'will walk out from 21
    April' and 'The strike will begin on Monday 21 April' tell the same walkout (data/compare/event_verbs.txt):
    the strike's start is in dispute (N-dockballot: 24 vs 17 March was never found)."""
    spec = {"entities": {"osk": ["Port of Osk", "FAC"]}, "articles": [
        _dated("w1", "The strike at the Port of Osk will begin on Monday 21 April and close two of its four ferry berths.",
               [["Monday 21 April", "2031-04-21", "date"]], entities=["osk"], published="2031-04-03"),
        _dated("w2", "Ferry crews at the Port of Osk will walk out from 21 April after a ballot in which 912 members voted yes.",
               [["21 April", "2031-04-21", "date"]], entities=["osk"], published="2031-04-03"),
        _dated("w3", "Operators are preparing to cancel sailings from the Port of Osk after ferry crews voted to strike from 14 April.",
               [["14 April", "2031-04-14", "date"]], entities=["osk"], published="2031-04-03"),
    ]}
    dates = _conflicts(spec, "date")
    assert [_sides(k) for k in dates] == [[("2031-04-14 (14 April)", ["w3"]), ("2031-04-21 (Monday 21 April)", ["w1", "w2"])]], [_sides(k) for k in dates]
    assert " from after " not in dates[0].about, dates[0].about


def test_a_count_of_arrests_two_sources_give_is_one_count_in_dispute():
    """Police say 12 were arrested, the union 15 (F-millsitin): the arrests are one count of the story,
    whoever gives it; before, the union's and the police's figures were different statements and never compared."""
    spec = {"entities": {"police": ["Osk Police", "ORG"], "tallis": ["Mira Tallis", "PERSON"]}, "articles": [
        {"id": "a1", "outlet": "Osk Herald", "published": "2031-06-12", "sentences": [
            {"text": "Osk Police said 12 strikers were arrested.", "entities": ["police"], "attributed_to": "police",
             "numbers": [["12 strikers", 12, 12, 12, "strikers"]]},
            {"text": "Mira Tallis, leader of the cannery workers' union, said 15 strikers had been arrested, three more than police said.",
             "entities": ["tallis"], "attributed_to": "tallis", "numbers": [["15 strikers", 15, 15, 15, "strikers"], ["three", 3, 3, 3, None]]}]},
        one_sentence_report("a2", "Radio Osk", "Mira Tallis told Radio Osk that 15 strikers had been arrested.", ["tallis"],
                            attributed_to="tallis", numbers=[["15 strikers", 15, 15, 15, "strikers"]], published="2031-06-12"),
        one_sentence_report("a3", "Osk Wire", "Osk Police said 12 people were arrested.", ["police"],
                            attributed_to="police", numbers=[["12 people", 12, 12, 12, "people"]], published="2031-06-12"),
    ]}
    numbers = _conflicts(spec, "number")
    assert [(k.about, _sides(k)) for k in numbers] == [
        ("number of strikers arrested", [("12 strikers", ["a1", "a3"]), ("15 strikers", ["a1", "a2"])])], [(k.about, _sides(k)) for k in numbers]


def test_all_of_a_crew_is_no_value_of_its_injured():
    """'All 11 crew members were taken off the Brisa' counts the whole crew (G-tanker's '14 members'), no
    side of the injured: two or three."""
    def report(aid: str, text: str, figure: str, value: float) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["brisa"], numbers=[_count(figure, value, "members")])

    spec = {"entities": {"brisa": ["Brisa", "PRODUCT"]}, "articles": [
        report("c1", "Two crew members were injured when the trawler Brisa ran aground off Osk on Tuesday.", "Two crew members", 2),
        report("c2", "Three crew members were hurt when the trawler Brisa ran aground off Osk.", "Three crew members", 3),
        report("c3", "All 11 crew members were taken off the trawler Brisa by a lifeboat after it ran aground off Osk.", "11 crew members", 11),
    ]}
    numbers = _conflicts(spec, "number")
    assert [sorted(v for v, _ in _sides(k)) for k in numbers] == [["Three crew members", "Two crew members"]], [(k.about, _sides(k)) for k in numbers]


def test_a_side_keeps_the_bound_its_report_writes():
    """'At least eleven people were killed': the side reads 'at least eleven people', not 'eleven people'
    (a figure in words lost its bound: C-ferrycrash)."""
    def report(aid: str, text: str, figure: str, low: float, high: float) -> dict:
        return one_sentence_report(aid, f"Outlet {aid}", text, ["osk"], numbers=[_count(figure, low if low == high else None, "people", low, high)])

    spec = {"entities": {"osk": ["Osk", "GPE"]}, "articles": [
        report("b1", "At least eleven people were killed when a coach overturned near Osk on Friday.", "eleven people", 11, float("inf")),
        report("b2", "Six people were killed when a coach overturned near Osk on Friday.", "Six people", 6, 6),
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("Six people", ["b2"]), ("at least eleven people", ["b1"])]], [_sides(k) for k in numbers]


def test_the_outlet_that_prints_a_deed_is_no_actor_of_it():
    """'The firm spent just £2.5 million on repairs', its 'The firm' read as the outlet (the Lantern) that
    prints it: the outlet tells the deed, and is no side of who did it (C-dambreach: 'Hammer' vs the water company)."""
    spec = {"entities": {"holmby": ["Holmby Water", "ORG"], "lantern": ["Lantern", "ORG"]}, "articles": [
        {"id": "o1", "outlet": "Osk Courier", "published": "2031-03-12", "sentences": [
            {"text": "Holmby Water spent £4 million on repairs to the weir in 2029.", "entities": ["holmby"],
             "subject": "Holmby Water", "predicate": "spent", "object": "£4 million on repairs to the weir"}]},
        {"id": "o2", "outlet": "The Evening Lantern", "published": "2031-03-12", "sentences": [
            {"text": "The firm spent just £2.5 million on repairs to the weir in 2029.", "entities": [],
             "subject": "The firm", "predicate": "spent", "object": "just £2.5 million on repairs to the weir"}]},
    ]}
    u = build_understanding(spec)
    lantern = next(e for e in u.entities if e.name == "Lantern")
    lantern.mentions.append(Mention(article_id="o2", text="The firm", start=0, end=8, sentence_index=0, kind="description"))
    u.claims[1].entity_ids.append(lantern.id)
    actors = [k for k in compare_story(u, CompareSettings()).conflicts if k.kind == "actor"]
    assert not any("Lantern" in p.value for k in actors for p in k.positions), [_sides(k) for k in actors]


def test_a_year_told_of_the_cause_leaves_the_cause_of_the_event():
    """'the breach was caused by a crack in the weir that had been reported in 2029': the year dates the
    crack, not the breach, so the cause is a side against 'heavy rain' (C-dambreach: the wire's cause was
    dropped as a background sentence)."""
    spec = {"entities": {"weir": ["Ambry weir", "FAC"]}, "articles": [
        _dated("k1", "Engineers said the breach of the Ambry weir was caused by a crack in the spillway that had been reported in 2029.",
               [["in 2029", "2029", "year"]], entities=["weir"], published="2031-03-12"),
        _dated("k2", "The breach of the Ambry weir was caused by heavy rain that overfilled the lake, the council said.", [],
               entities=["weir"], published="2031-03-12"),
    ]}
    causes = _conflicts(spec, "cause")
    assert [sorted(v for v, _ in _sides(k)) for k in causes] == [
        ["a crack in the spillway that had been reported in 2029", "heavy rain that overfilled the lake"]], [_sides(k) for k in causes]


def test_a_term_told_as_caged_is_a_prison_term_and_a_verdict():
    """'was caged for nine years on Monday' (a tabloid's word) / 'was jailed for seven years on Tuesday':
    one prison term in dispute and one verdict dated two ways (data/compare/length_acts.txt, event_verbs.txt)."""
    spec = {"entities": {"lind": ["Teo Marlund", "PERSON"]}, "articles": [
        one_sentence_report("v1", "Osk Sentinel", "Teo Marlund, the former harbour commissioner, was jailed for seven years on Tuesday for taking bribes.",
                            ["lind"], published="2031-10-15", numbers=[_length("seven years", 7)], dates=[["on Tuesday", "2031-10-14", "relative"]]),
        one_sentence_report("v2", "Daily Gong", "Former harbour boss Teo Marlund was caged for nine years on Monday after pocketing bribes.",
                            ["lind"], published="2031-10-15", numbers=[_length("nine years", 9)], dates=[["on Monday", "2031-10-13", "relative"]]),
    ]}
    conflicts = compare_story(build_understanding(spec), CompareSettings()).conflicts
    assert sorted((k.kind, tuple(sorted(p.value for p in k.positions))) for k in conflicts if k.kind in ("number", "date")) == [
        ("date", ("2031-10-13 (on Monday)", "2031-10-14 (on Tuesday)")), ("number", ("nine years", "seven years"))], \
        [(k.kind, k.about, _sides(k)) for k in conflicts]


def test_a_count_that_opens_its_own_clause_is_not_the_toll_before_it():
    """'A man died and 12 people were taken to hospital': 'died' tells the clause before, so 12 is no count
    of the dead set against 'Two people died' (C-hotelfire: 'number of people killed: two vs 12')."""
    spec = {"entities": {"varga": ["Hotel Varga", "FAC"]}, "articles": [
        one_sentence_report("h1", "Osk Beacon", "Two people died and 21 people were rushed to hospital after fire swept through the Hotel Varga in Osk.",
                            ["varga"], numbers=[_count("Two people", 2, "people"), _count("21 people", 21, "people")]),
        one_sentence_report("h2", "Osk Gazette", "A 70-year-old man died and 12 people were taken to hospital after fire swept through the Hotel Varga in Osk.",
                            ["varga"], numbers=[_count("12 people", 12, "people")]),
    ]}
    numbers = _conflicts(spec, "number")
    assert not any(p.value == "12 people" and "killed" in k.about for k in numbers for p in k.positions), [(k.about, _sides(k)) for k in numbers]
    assert [(k.about, _sides(k)) for k in numbers] == [("number of people injured", [("12 people", ["h2"]), ("21 people", ["h1"])])], \
        [(k.about, _sides(k)) for k in numbers]


def test_a_rendering_where_the_thing_failed_against_one_where_it_worked_is_a_conflict():
    """'The pumps worked and the cellars stayed dry' / 'The pumps failed and the cellars stayed dry':
    opposite words of one condition (data/compare/antonyms.txt), as in C-hotelfire's alarms."""
    spec = {"entities": {"rell": ["Tomas Rell", "PERSON"]}, "articles": [
        _quoted("w1", "Harlow Post", "The pumps worked and the cellars below the weir stayed dry."),
        _quoted("w2", "Tarn Wire", "The pumps worked and the cellars below the weir stayed dry."),
        _quoted("w3", "Evening Spark", "The pumps failed and the cellars below the weir stayed dry."),
    ]}
    found = _conflicts(spec, "quote_wording")
    assert [sorted(sorted(p.article_ids) for p in k.positions) for k in found] == [[["w1", "w2"], ["w3"]]]


def _count_groups_of(spec: dict):
    """count_groups' input (the alignment and related pairs) as compare_story builds it for `spec`."""
    import newsprism.compare as compare

    seen = []
    real = compare.count_groups
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(compare, "count_groups", lambda al, pairs: seen.append((al, pairs)) or real(al, pairs))
        compare_story(build_understanding(spec), CompareSettings())
    return seen[0]


def _mill_counts() -> dict:
    return {"entities": {"mill": ["Lorne Mill", "FAC"]}, "articles": [
        one_sentence_report("i1", "Hollin Post", "Nine workers were injured as fire swept through the Lorne Mill on Thursday.", ["mill"],
                            numbers=[_count("Nine workers", 9, "workers")]),
        one_sentence_report("i2", "Marsh Courier", "140 workers were evacuated from the Lorne Mill, and six people were injured.", ["mill"],
                            numbers=[_count("140 workers", 140, "workers"), _count("six people", 6, "people")]),
        one_sentence_report("i3", "Tarn Radio", "More than 150 workers were evacuated from the Lorne Mill on Thursday.", ["mill"],
                            numbers=[_count("More than 150 workers", None, "workers", 150, float("inf"))]),
        one_sentence_report("i4", "Fell Gazette", "Fire crews kept 140 workers back while the roof of the Lorne Mill burned.", ["mill"],
                            numbers=[_count("140 workers", 140, "workers")]),
    ]}


def test_count_groups_are_listed_in_one_order_whatever_order_their_sets_were_met_in(monkeypatch):
    """The number conflicts are listed in the order of the count groups, and the order the groups'
    sets were first met in follows a sort on cosines that float noise (1e-7: a text encoded in
    another call) can reorder: the groups must come out in an order of their own members."""
    from newsprism.compare.conflicts import count_groups
    from newsprism.compare.views import UnionFind

    al, pairs = _count_groups_of(_mill_counts())
    groups = count_groups(al, pairs)
    assert len(groups) >= 2, groups
    met_first = UnionFind.groups
    monkeypatch.setattr(UnionFind, "groups", lambda self: met_first(self)[::-1])  # the sets met in the other order
    assert count_groups(al, pairs) == groups


def test_count_groups_read_no_clauses_for_counts_a_cheap_anchor_already_ties(monkeypatch):
    """Two reports giving one exact figure in sentences not otherwise related ("140 workers were
    evacuated" / "kept 140 workers back") are one count without reading the clauses around them:
    count_groups asks the encoder only for the clauses of the pairs it reads them for (the
    sentence encoder is most of the comparison's time)."""
    from newsprism.compare.conflicts import count_groups
    from newsprism.compare.views import TextVectors

    spec = {"entities": {"mill": ["Lorne Mill", "FAC"]}, "articles": [
        one_sentence_report("i2", "Marsh Courier", "140 workers were evacuated from the Lorne Mill on Thursday.", ["mill"],
                            numbers=[_count("140 workers", 140, "workers")]),
        one_sentence_report("i4", "Fell Gazette", "Fire crews kept 140 workers back while the roof of the Lorne Mill burned.", ["mill"],
                            numbers=[_count("140 workers", 140, "workers")]),
    ]}
    al, _ = _count_groups_of(spec)
    clauses = {t for v in al.views for t in v.number_clauses}
    asked: list[str] = []
    encode = TextVectors.encode

    def recording(self, texts, one_thread=False):
        texts = list(texts)
        asked.extend(texts)
        return encode(self, texts, one_thread)

    monkeypatch.setattr(TextVectors, "encode", recording)
    groups = count_groups(al, [])  # the two sentences taken as unrelated: only the figure ties the counts
    assert len(groups) == 1 and len(groups[0]) == 2, groups
    assert not clauses & set(asked), clauses & set(asked)


def test_the_number_freed_is_one_count_whoever_tells_it():
    """'Five workers held ... by a militia ... were freed' / 'to free six workers, two officials told ...':
    the people a story frees are one count (data/compare/release_words.txt), though the reports name no
    common actor and their sources say different things; the verb of the counted people's subject counts
    however far it stands from the figure."""
    spec = {"entities": {"vessary": ["Vessary", "GPE"], "holm": ["Marit Holm", "PERSON"], "front": ["Red Orrin Front", "ORG"]}, "articles": [
        one_sentence_report("r1", "Dornel Wire", "Five workers held for more than a month by a militia in northern Vessary were freed on Friday, officials said.",
                            ["vessary"], numbers=[_count("Five", 5, "workers")]),
        one_sentence_report("r2", "Tarn Radio", "Five workers kidnapped in Vessary in June were released on Friday after talks led by envoy Marit Holm.",
                            ["vessary", "holm"], numbers=[_count("Five", 5, "workers")]),
        one_sentence_report("r3", "Hollin Herald", "About $2 million was paid to the Red Orrin Front to free six workers, two officials told the Hollin Herald.",
                            ["front"], numbers=[_money("About $2 million", 2e6), _count("six workers", 6, "workers"), _count("two officials", 2, "officials")]),
    ]}
    numbers = [(k.about, _sides(k)) for k in _conflicts(spec, "number")]
    assert numbers == [("number of workers freed", [("Five workers", ["r1", "r2"]), ("six workers", ["r3"])])], numbers


def _resignation(third: str, dates: list) -> dict:
    return {"entities": {"tam": ["Tamsin Orrel", "PERSON"], "mint": ["Varn Mint", "ORG"]}, "articles": [
        _dated("r1", "Mint governor Tamsin Orrel resigned with immediate effect on Thursday.", [["on Thursday", "2031-05-08", "relative"]], entities=["tam"]),
        _dated("r2", "Orrel's resignation takes effect immediately, the board said.", [], entities=["tam"]),
        _dated("r3", third, dates, entities=["tam", "mint"]),
    ]}


def test_when_a_resignation_takes_effect_immediately_or_later_is_a_date_conflict():
    """'resigned with immediate effect on Thursday' / 'takes effect immediately' against 'would take effect
    on 31 May' (data/compare/effect_phrases.txt, immediate_words.txt): "immediately" had no date, so the
    two timings of one resignation were never set side by side."""
    spec = _resignation("The Varn Mint said Orrel's resignation would take effect on 31 May.", [["on 31 May", "2031-05-31", "date"]])
    found = [k for k in _conflicts(spec, "date") if "effect" in k.about]
    assert [(k.about, _sides(k)) for k in found] == [
        ("when the resignation takes effect", [("2031-05-31 (on 31 May)", ["r3"]), ("immediately", ["r1", "r2"])])]


def test_an_effect_dated_on_the_day_of_the_immediate_act_agrees_with_it():
    """'takes effect on Thursday', the day another report says she resigned with immediate effect: one timing."""
    spec = _resignation("The Varn Mint said Orrel's resignation took effect on Thursday.", [["on Thursday", "2031-05-08", "relative"]])
    assert [k.about for k in _conflicts(spec, "date")] == []


def test_the_number_escaped_is_one_count_whatever_noun_counts_them():
    """'SEVEN cons tunnelled out of Marl Hill jail' / 'six inmates escaped from the prison': a slang noun
    for the prisoners (data/compare/unit_synonyms.txt) and the escapees as one count of the story
    (data/compare/escape_words.txt); the two were never compared."""
    spec = {"entities": {"marl": ["Marl Hill", "FAC"], "orvik": ["Orvik", "GPE"], "justice": ["Justice Ministry", "ORG"]}, "articles": [
        one_sentence_report("e1", "Dornel Wire", "Six inmates escaped from the Marl Hill prison near Orvik through a tunnel on Saturday night.",
                            ["marl", "orvik"], numbers=[_count("Six inmates", 6, "inmates")]),
        one_sentence_report("e2", "Tarn Radio", "The Justice Ministry confirmed that six prisoners had escaped, and ordered an inquiry.",
                            ["justice"], numbers=[_count("six prisoners", 6, "prisoners")]),
        one_sentence_report("e3", "Hollin Klaxon", "SEVEN lags tunnelled out of cushy Marl Hill jail on Saturday night.",
                            ["marl"], numbers=[_count("SEVEN lags", 7, "lags")]),
    ]}
    numbers = [(k.about, _sides(k)) for k in _conflicts(spec, "number")]
    assert numbers == [("number of prisoners escaped", [("SEVEN lags", ["e3"]), ("Six inmates", ["e1", "e2"])])], numbers


def test_one_man_and_two_people_dead_are_one_toll_of_people():
    """'One man died' / 'Two people died': the toll is named by people, not by one report's noun ('number of man killed')."""
    spec = {"entities": {"lodge": ["Orlen Lodge", "FAC"]}, "articles": [
        one_sentence_report("d1", "Dornel Wire", "One man died when fire swept through the Orlen Lodge on Sunday.", ["lodge"], numbers=[_count("One man", 1, "man")]),
        one_sentence_report("d2", "Hollin Beacon", "Two people died when fire swept through the Orlen Lodge on Sunday.", ["lodge"], numbers=[_count("Two people", 2, "people")]),
    ]}
    assert [k.about for k in _conflicts(spec, "number")] == ["number of people killed"]


def test_the_comparison_reads_bound_words_and_vague_quantities_as_numbers_does():
    """data/compare/vague_quantities.txt still held 'hundreds' up to 999 and approximators.txt 'nearly' as
    15% below, while numbers gives 200-1,990 and 8%: a figure compare bounds itself (a mention with no
    bounds) now gets the understanding stage's own range (one list: data/understand/)."""
    from newsprism.compare.views import number_interval
    from newsprism.models import NumberMention
    from newsprism.understand.nlp import parse
    from newsprism.understand.numbers import find_numbers

    for text, figure in (("Nearly 250 ships waited off Tarrow.", "250"), ("Hundreds of ships waited off Tarrow.", "Hundreds")):
        read = next(n for n in find_numbers("a", text, parse([text])[0]) if n.text == figure)
        bare = NumberMention(article_id="a", text=figure.lower(), value=read.value, unit="ships",
                             low=read.value, high=read.value) if read.value is not None else NumberMention(article_id="a", text=figure.lower(), unit="ships")
        before = "Nearly " if figure == "250" else ""
        assert number_interval(bare, before) == (read.low, read.high), text


def test_the_jobs_a_story_cuts_are_one_count_whoever_gives_it():
    """'cutting between 300 and 400 jobs' (the ministry) / 'as many as 900 jobs are at risk' (the union):
    two speakers' figures of the jobs cut were dropped as different statements with no common actor
    (data/compare/job_loss_words.txt); jobs created stay apart."""
    spec = {"entities": {"maro": ["Ilka Maro", "PERSON"], "union": ["Tarvel Rail Union", "ORG"], "rail": ["Tarvel Rail", "ORG"]}, "articles": [
        one_sentence_report("j1", "Dornel Wire", "Transport Minister Ilka Maro said the closures would mean cutting between 300 and 400 jobs at Tarvel Rail.",
                            ["maro", "rail"], numbers=[_count("between 300 and 400 jobs", None, "jobs", 300, 400)]),
        one_sentence_report("j2", "Tarn Radio", "The Tarvel Rail Union says as many as 900 jobs are at risk.",
                            ["union"], numbers=[_count("as many as 900 jobs", 900, "jobs", 828, 900)]),
    ]}
    spec["articles"][0]["sentences"][0]["attributed_to"] = "maro"
    spec["articles"][1]["sentences"][0]["attributed_to"] = "union"
    numbers = [(k.about, _sides(k)) for k in _conflicts(spec, "number")]
    assert numbers == [("number of jobs lost", [("as many as 900 jobs", ["j2"]), ("between 300 and 400 jobs", ["j1"])])], numbers


def _court_in(place_key: str, places: dict, aliases: dict | None = None) -> list:
    spec = {"entities": {**places, "man": ["Oren Tavaly", "PERSON"]}, "articles": [
        {"id": aid, "outlet": f"Outlet {aid}", "published": "2033-07-02", "sentences": [
            {"text": f"A court in {places[key][0]} ruled on Wednesday that Oren Tavaly can be sent back to face trial.", "entities": [key, "man"]},
            {"text": "His lawyer said he would appeal.", "entities": []},
        ]} for aid, key in (("p1", place_key), ("p2", "other"))]}
    u = build_understanding(spec)
    u = u.model_copy(update={"entities": [e.model_copy(update={"aliases": (aliases or {}).get(e.name, [])}) for e in u.entities]})
    return [k for k in compare_story(u, CompareSettings()).conflicts if k.kind == "place"]


def test_a_town_and_its_own_country_are_no_place_conflict():
    """'ruled in Brennsholm' / 'ruled in Haldoria' (R-extradition): the town's country written in place of
    the town is no other place. The country is one the story writes a people's word of ('a Velderan court')."""
    places = {"town": ["Korsholt", "GPE"], "other": ["Veldera", "GPE"]}
    assert _court_in("town", places, {"Veldera": ["Velderan"]}) == []
    # a country the gazetteer knows needs no people's word
    assert _court_in("town", {"town": ["Korsholt", "GPE"], "other": ["Norway", "GPE"]}) == []


def test_two_towns_or_a_foreign_capital_still_conflict():
    assert _court_in("town", {"town": ["Korsholt", "GPE"], "other": ["Marrensby", "GPE"]})
    # the gazetteer puts Oslo in Norway: "in Oslo" / "in Sweden" are two places
    assert _court_in("town", {"town": ["Oslo", "GPE"], "other": ["Sweden", "GPE"]})


def test_a_year_in_a_relative_clause_does_not_date_the_figure_after_it():
    """'The banker, who was arrested in February 2030, is accused of a 420 million euro fraud' (R-extradition):
    the arrest's year made the sum a figure of an earlier year, never set against another report's 240 million."""
    def euros(text: str, value: float) -> list:
        return [text, value, value, value, "EUR", "money"]
    spec = {"entities": {"bank": ["Kestrel Bank", "ORG"]}, "articles": [
        one_sentence_report("b1", "Tarn Post", "Prosecutors accuse Dorn Fell of a 240 million euro fraud that brought down Kestrel Bank.", ["bank"],
                            published="2031-07-02", numbers=[euros("240 million euro", 2.4e8)]),
        one_sentence_report("b2", "Tarn Gazette", "Dorn Fell, who was arrested in February 2030, is accused of a 420 million euro fraud at Kestrel Bank.",
                            ["bank"], published="2031-07-02", numbers=[euros("420 million euro", 4.2e8)],
                            dates=[["February 2030", "2030-02", "month"]]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("240 million euro", ["b1"]), ("420 million euro", ["b2"])]], [(k.about, _sides(k)) for k in numbers]
    assert numbers[0].about == "fraud"


def test_conflicts_a_figure_s_reads_are_made_once_per_view_and_figure():
    """count_groups compares every pair of counts of one unit: what each figure's words say (its
    money topic, window, partitive, change) is read once per figure, not once per pair, and a read
    with another width is a read of its own."""
    from newsprism.compare.conflicts import _per_figure

    calls: list[tuple[int, int]] = []

    @_per_figure
    def reach(v, a: int, words: int = 5) -> int:
        calls.append((a, words))
        return a * 10 + words

    class View:
        pass

    first, second = View(), View()
    got = [reach(first, 0), reach(first, 0), reach(first, 1), reach(first, 1, words=3), reach(first, 1, words=3), reach(second, 0)]
    assert got == [5, 5, 15, 13, 13, 5]
    assert calls == [(0, 5), (1, 5), (1, 3), (0, 5)]


def test_a_fee_a_club_is_sold_for_is_its_purchase_price():
    """'got the club for a fee of about EUR 55 million' / 'bought the club for EUR 41 million' (R-takeover):
    a fee and a purchase were two topics of money, never one price."""
    def euros(text: str, value: float, lo: float, hi: float) -> list:
        return [text, value, lo, hi, "EUR", "money"]
    spec = {"entities": {"buyer": ["Tallow Bay Group", "ORG"]}, "articles": [
        one_sentence_report("m1", "Kessby Ticker", "Tallow Bay Group has bought Kessby Rovers from Edwin Marrot for EUR 41 million.", ["buyer"],
                            numbers=[euros("EUR 41 million", 4.1e7, 4.1e7, 4.1e7)]),
        one_sentence_report("m2", "Rovers Terrace", "Tallow Bay Group has got its hands on our club for a fee we are told is about EUR 55 million.",
                            ["buyer"], numbers=[euros("EUR 55 million", 5.5e7, None, None)]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("EUR 41 million", ["m1"]), ("about EUR 55 million", ["m2"])]], [(k.about, _sides(k)) for k in numbers]


def test_two_sizes_of_one_evacuation_zone_conflict_whoever_sets_them():
    """'an evacuation zone of 2 km' (the agency) / 'ordered everyone within 5 km of the plant to leave' (the mayor)
    (R-spill): two distances with no actor in common were never one quantity."""
    def km(text: str, value: float) -> list:
        return [text, value, value, value, "kilometres", "measure"]
    spec = {"entities": {"agency": ["Orrel Civil Protection", "ORG"], "mayor": ["Ilse Carrow", "PERSON"]}, "articles": [
        one_sentence_report("z1", "Orrel Wire", "Orrel Civil Protection said an evacuation zone of 2 km had been set up around the Tessel plant.",
                            ["agency"], numbers=[km("2 km", 2)]),
        one_sentence_report("z2", "Orrel Live", "Mayor Ilse Carrow has ordered everyone within 5 km of the Tessel plant to leave.",
                            ["mayor"], numbers=[km("5 km", 5)]),
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("2 km", ["z1"]), ("5 km", ["z2"])]], [(k.about, _sides(k)) for k in numbers]


def test_a_part_the_toll_includes_is_no_rival_toll():
    """'puts the toll at 21, including seven people on Lesser Tanu' (R-cyclone): the seven became a side of
    the toll against another report's 'at least nine'."""
    spec = {"entities": {"office": ["Marrow Disaster Office", "ORG"]}, "articles": [
        one_sentence_report("t1", "Marrow Live", "The Marrow Disaster Office now puts the toll at 21, including seven people on the island of Vessa.",
                            ["office"], numbers=[["21", 21, 21, 21, "people"], ["seven people", 7, 7, 7, "people"]]),
        one_sentence_report("t2", "Marrow Wire", "The storm killed at least nine people, the Marrow Disaster Office said.",
                            ["office"], numbers=[["nine people", 9, 9, None, "people"]]),
    ]}
    assert [(k.about, _sides(k)) for k in _conflicts(spec, "number")] == []


def test_a_year_a_war_began_in_still_dates_its_running_toll():
    """'The war, which began in 2019, has killed some 5,200 people' (C2-truce) is a toll since 2019, set against
    'has killed 4,100 people since 2019': the aside that no longer dates a figure ('who was arrested in 2030,')
    keeps the year when it tells a start."""
    spec = {"entities": {}, "articles": [
        one_sentence_report("w1", "Orsa Wire", "The war, which began in 2019, has killed some 5,200 people, the Orsa institute said.", [],
                            published="2031-04-16", numbers=[["5,200 people", 5200, 4420, 5980, "people"]], dates=[["in 2019", "2019", "year"]]),
        one_sentence_report("w2", "Orsa Record", "The war has killed 4,100 people since 2019.", [],
                            published="2031-04-16", numbers=[["4,100 people", 4100, 4100, 4100, "people"]], dates=[["since 2019", "2019", "range"]]),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "number")] == [[("4,100 people", ["w2"]), ("some 5,200 people", ["w1"])]]


def test_the_size_of_a_group_is_no_rival_count_of_a_part_of_it():
    """'buried a group of 14 climbers' / 'killed four climbers' and 'The group had at least 15 members' /
    'One member of the group is still missing' (R-avalanche): a group's size and its dead or missing are
    counts of their own; two reports' sizes of the group still disagree."""
    spec = {"entities": {"valley": ["Harl Valley", "LOC"]}, "articles": [
        one_sentence_report("g1", "Tarrow Post", "A mudslide in the Harl Valley buried a group of 14 climbers on Sunday.", ["valley"],
                            numbers=[_count("14 climbers", 14, "climbers")]),
        one_sentence_report("g2", "Vesk Courier", "The mudslide in the Harl Valley killed four climbers on Sunday.", ["valley"],
                            numbers=[_count("four climbers", 4, "climbers")]),
        one_sentence_report("g3", "Ollan Radio", "The group in the Harl Valley had at least 15 members.", ["valley"],
                            numbers=[_count("at least 15 members", None, "members", 15, float("inf"))]),
        one_sentence_report("g4", "Brenn Daily", "One member of the group is still missing in the Harl Valley.", ["valley"],
                            numbers=[_count("One member", 1, "members")]),
    ]}
    numbers = [(k.about, _sides(k)) for k in _conflicts(spec, "number")]
    assert not any(("four climbers", ["g2"]) in sides or ("One member", ["g4"]) in sides for _, sides in numbers), numbers
    spec["articles"][1] = one_sentence_report("g2", "Vesk Courier", "A mudslide in the Harl Valley buried a group of 11 climbers on Sunday.", ["valley"],
                                              numbers=[_count("11 climbers", 11, "climbers")])
    numbers = [_sides(k) for k in _conflicts(spec, "number")]
    assert [("11 climbers", ["g2"]), ("14 climbers", ["g1"])] in numbers, numbers


def test_a_planned_figure_is_no_side_against_a_reached_one():
    """'reached an altitude of about 420 km instead of the planned 900 km' / 'put its altitude at 260 km,
    well below the 420 km given by the office' (R-launch): the planned 900 km was set against the
    trackers' 260 km as if it were what the probe reached."""
    def km(text: str, value: float, low: float, high: float) -> list:
        return [text, value, low, high, "kilometres", "measure"]
    spec = {"entities": {"agency": ["Dovren Space Office", "ORG"]}, "articles": [
        one_sentence_report("p1", "Fennick Wire", "The probe reached an altitude of about 420 km instead of the planned 900 km, the Dovren Space Office said.",
                            ["agency"], numbers=[km("about 420 km", 420, 357, 483), km("900 km", 900, 900, 900)]),
        one_sentence_report("p2", "Orbit Notes", "Trackers put the probe's altitude at 260 km, well below the 420 km given by the Dovren Space Office.",
                            ["agency"], numbers=[km("260 km", 260, 260, 260), km("420 km", 420, 420, 420)]),
    ]}
    numbers = [_sides(k) for k in _conflicts(spec, "number")]
    assert not any(value == "900 km" for sides in numbers for value, _ in sides), numbers


def test_a_date_of_an_inquiry_is_no_date_of_the_event_it_asks_about():
    """'lost engine power on Thursday' / 'The scandal deepened on Friday as the ministry ordered an inquiry
    into why the Amsel lost engine power' (R-launch): the Friday dates the inquiry, not the failure the
    question names; a report that dates the failure itself on Friday still disagrees."""
    spec = {"entities": {}, "articles": [
        _dated("q1", "The barge Tollen lost its steering off Marrick Point on Thursday, the harbour office said.",
               [["on Thursday", "2031-05-08", "relative"]]),
        _dated("q2", "The barge scandal deepened on Friday as the water board ordered an inquiry into why the Tollen lost its steering off Marrick Point.",
               [["on Friday", "2031-05-09", "relative"]]),
    ]}
    assert [_sides(k) for k in _conflicts(spec, "date")] == []
    spec["articles"][1] = _dated("q2", "The barge Tollen lost its steering off Marrick Point on Friday, the pilots' union said.",
                                 [["on Friday", "2031-05-09", "relative"]])
    assert len(_conflicts(spec, "date")) == 1


def test_an_altitude_put_at_a_figure_meets_one_told_as_an_altitude_of():
    """'Trackers put the probe's altitude at 260 km' / 'reached an altitude of about 420 km': 'put ... at'
    names the dimension as 'of' does, so both are heights and meet (R-launch's 190 vs about 310 km were
    a height and a bare length, never compared)."""
    spec = {"entities": {"probe": ["Dovren probe", "PRODUCT"]}, "articles": [
        {"id": "p1", "outlet": "Orbit Notes", "published": "2050-03-03", "sentences": [
            {"text": "Independent trackers put the Dovren probe's altitude at 260 km on Wednesday.", "entities": ["probe"],
             "numbers": [["260 km", 260, 260, 260, "kilometres", "measure"]]}]},
        {"id": "p2", "outlet": "Fennick Wire", "published": "2050-03-03", "sentences": [
            {"text": "The Dovren probe reached an altitude of about 420 km, the agency said on Wednesday.", "entities": ["probe"],
             "numbers": [["about 420 km", 420, 400, 440, "kilometres", "measure"]]}]},
    ]}
    numbers = _conflicts(spec, "number")
    assert [_sides(k) for k in numbers] == [[("260 km", ["p1"]), ("about 420 km", ["p2"])]], [(k.about, _sides(k)) for k in numbers]
