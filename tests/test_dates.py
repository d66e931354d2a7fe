"""Tests for dates that date no event: plans given up and wire datelines (understand/dates.py)."""

import pytest

from newsprism.understand.dates import find_dates


def kinds(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.kind, d.value) for d in find_dates("a", text, published)]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The launch was originally scheduled for April 9.", "2026-04-14", [("April 9", "planned", "2026-04-09")]),
        (
            "The launch was delayed to April 14 from its original date of April 9 after a valve problem.",
            "2026-04-15",
            [("April 14", "date", "2026-04-14"), ("April 9", "planned", "2026-04-09")],
        ),
        (
            "The vote had been set for last Thursday but was postponed because of high winds.",
            "2026-04-15",
            [("last Thursday", "planned", "2026-04-09")],
        ),
        (
            "The launch slipped to March 14 from March 9 after a sensor fault.",
            "2026-03-15",
            [("March 14", "date", "2026-03-14"), ("March 9", "planned", "2026-03-09")],
        ),
        (
            "The vote was put back until Friday from Monday.",
            "2026-08-22",
            [("Friday", "relative", "2026-08-21"), ("Monday", "planned", "2026-08-17")],
        ),
        (
            "The match was due to be played on Saturday but was postponed because of snow.",
            "2026-04-15",
            [("on Saturday", "planned", "2026-04-11")],
        ),
        (
            "The launch was scheduled for April 9 but was scrubbed after a valve fault.",
            "2026-04-15",
            [("April 9", "planned", "2026-04-09")],
        ),
        (
            "The hearing had been planned for June 2 but was moved to June 9.",
            "2026-06-10",
            [("June 2", "planned", "2026-06-02"), ("June 9", "date", "2026-06-09")],
        ),
    ],
)
def test_a_plan_given_up_is_no_event_date(text, published, expected):
    assert kinds(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Originally from Tarnholm, she arrived on April 9.",  # "originally" of a person, not of a plan
        "The crew initially reported on April 9 that the valve was sound.",  # a report verb between
        "The fire started on April 9. Originally, crews said, it was small.",  # another sentence
        "The crew moved to Tarnholm from Skarnes on April 9.",  # "from" a place, not a date
        "The launch was scheduled for April 9 but crowds came early.",  # a plan kept
    ],
)
def test_originally_elsewhere_leaves_the_date_an_event_date(text):
    assert [k for _, k, _ in kinds(text, "2026-04-14")] == ["date"]


def test_a_wire_dateline_dates_the_report_not_the_event():
    text = "BRENMOOR, Aug 18 (Kestrel News) - Crews contained 40 percent of the fire on Sunday night."
    found = kinds(text, "2026-08-18")
    assert found[0] == ("Aug 18", "dateline", "2026-08-18")
    assert found[1][:2] == ("on Sunday night", "relative")


def test_a_date_in_a_sentence_is_no_dateline():
    text = "Officials in BRENMOOR, Aug 18 was the day - they said - the crews arrived."
    assert [k for _, k, _ in kinds(text, "2026-08-20")] == ["date"]


@pytest.mark.parametrize(
    "text, published, first, last",
    [
        ("Rain is forecast for the valley this weekend.", "2026-08-18", "2026-08-22", "2026-08-23"),  # said on a Tuesday: the coming one
        ("Crowds packed the town this weekend.", "2026-05-17", "2026-05-16", "2026-05-17"),  # said on the Sunday itself
        ("The storm hit last weekend.", "2026-08-17", "2026-08-15", "2026-08-16"),  # said on a Monday: the one just gone
        ("The parade is planned for next weekend.", "2026-05-20", "2026-05-30", "2026-05-31"),
    ],
)
def test_a_weekend_is_its_saturday_and_sunday(text, published, first, last):
    (found,) = find_dates("a", text, published)
    assert (found.kind, found.value, found.end) == ("range", first, last)


@pytest.mark.parametrize(
    "text, published, monday",
    [
        ("The club will offer the striker a new contract this week.", "2026-05-17", "2026-05-18"),  # a Sunday: the coming week
        ("The club offered the striker a new contract this week.", "2026-05-17", "2026-05-11"),  # a Sunday, told in the past
        ("The club will offer the striker a new contract this week.", "2026-05-13", "2026-05-11"),  # a Wednesday
    ],
)
def test_this_week_in_a_sunday_paper_looks_ahead_when_the_verb_does(text, published, monday):
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, published, parse([text])[0])
    assert found.value == monday


def _spec_article(aid: str, outlet: str, sentence: str, published: str) -> dict:
    dates = [[d.text, d.value, d.kind] for d in find_dates(aid, sentence, published)]
    return {"id": aid, "outlet": outlet, "published": published, "sentences": [{"text": sentence, "entities": ["lyra"], "dates": dates}]}


def test_a_plan_given_up_makes_no_date_conflict_with_the_actual_day():
    """'delayed to April 14 from its original date of April 9' / 'originally scheduled for April 9': one
    event and one plan, no conflict; 'lifted off on April 13' against April 14 still conflicts."""
    from test_compare import build_understanding

    from newsprism.compare import compare_story
    from newsprism.settings import CompareSettings

    delayed = "The Lyra rocket launch from Skarnes was delayed to April 14 from its original date of April 9."
    planned = "The Lyra rocket launch from Skarnes was originally scheduled for April 9."
    other_day = "The Lyra rocket launch from Skarnes took place on April 13 after a delay."
    entities = {"lyra": ["Lyra", "ORG"]}

    def date_conflicts(second: str) -> list:
        spec = {"entities": entities, "articles": [_spec_article("a", "Tide Post", delayed, "2026-04-15"), _spec_article("b", "Quay Herald", second, "2026-04-15")]}
        return [c for c in compare_story(build_understanding(spec), CompareSettings()).conflicts if c.kind == "date"]

    assert date_conflicts(planned) == []
    assert len(date_conflicts(other_day)) == 1


@pytest.mark.parametrize(
    "text, published, day",
    [
        ("The dockers' union called a rally for Saturday outside the port office.", "2031-03-07", "2031-03-08"),  # a Friday
        ("The nurses have called a strike for Monday.", "2031-03-07", "2031-03-10"),
        ("The dockers' union has called a march for Saturday.", "2031-03-08", "2031-03-08"),  # a Saturday paper: that day
        ("A council vote is scheduled for Friday.", "2031-03-04", "2031-03-07"),  # a Tuesday
        ("The crew was called to the quay on Saturday.", "2031-03-07", "2031-03-01"),  # no plan: looks back
    ],
)
def test_a_weekday_a_call_or_plan_sets_is_after_publication(text, published, day):
    """'called a protest for Saturday' in a Friday paper is the next day, not the Saturday before."""
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, published, parse([text])[0])
    assert found.value == day


@pytest.mark.parametrize(
    "text, published, phrase, value, end",
    [
        ("The dock strike began on 3 March 2031. The week before, talks had collapsed.", "2031-03-10", "The week before", "2031-02-24", "2031-03-02"),
        ("The mayor resigned on Tuesday. The previous day she had met the auditors.", "2031-03-07", "The previous day", "2031-03-03", None),
        ("Talks failed on 2 March. Police arrested the organiser the day after.", "2031-03-09", "the day after", "2031-03-03", None),
        # no date before it: the anchor is unclear, so no value
        ("The valley endured a heat wave the previous week, with temperatures above 40C.", "2031-03-07", "the previous week", None, None),
        # two days in the sentence before: which one is unclear
        ("The fire began on Saturday and reached the town on Monday. The previous day, winds rose.", "2031-03-07", "The previous day", None, None),
    ],
)
def test_the_day_or_week_before_counts_from_the_one_date_just_given(text, published, phrase, value, end):
    """'the week before' / 'the previous day' resolve against the date the sentence or the one
    before gives; with none, or two, they stay unresolved."""
    (found,) = [d for d in find_dates("a", text, published) if d.text == phrase]
    assert (found.value, found.end) == (value, end)


def test_the_day_before_an_event_is_no_date_of_its_own():
    """'the day before the approach became public' counts from an event, not a date: no mention."""
    text = "The offer was a 31% premium to the closing price on the day before the approach became public."
    assert find_dates("a", text, "2031-03-07") == []


def test_the_day_before_yesterday_is_two_days_before_publication():
    (found,) = find_dates("a", "The ferry last sailed the day before yesterday.", "2031-03-07")
    assert (found.text, found.value) == ("the day before yesterday", "2031-03-05")


@pytest.mark.parametrize(
    "text, published, day",
    [
        ("Divers plan to begin lifting the wreck on Thursday.", "2031-03-05", "2031-03-06"),  # a Wednesday paper
        ("A vigil is planned at the chapel on Sunday.", "2031-03-07", "2031-03-09"),
        ("The ferry company expects to resume sailings on Monday.", "2031-03-07", "2031-03-10"),
        ("Divers planned to begin lifting the wreck on Thursday.", "2031-03-05", "2031-02-27"),  # past: looks back
    ],
)
def test_a_day_an_intention_in_the_present_governs_is_ahead(text, published, day):
    """'plan to ... on Thursday', 'is planned ... on Sunday' look ahead of publication; 'planned to' looks back."""
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, published, parse([text])[0])
    assert found.value == day


def test_an_anchored_day_has_no_sentence_index_without_the_callers_sentences():
    """Like every other mention, 'the previous day' gets a sentence_index only from the caller's sentence_of."""
    text = "The mayor resigned on Tuesday. The previous day she had met the auditors."
    assert [d.sentence_index for d in find_dates("a", text, "2031-03-07")] == [None, None]
    assert [d.sentence_index for d in find_dates("a", text, "2031-03-07", sentence_of=lambda i: int(i > 30))] == [0, 1]


def test_a_dotted_date_is_day_first():
    """'17.11.2031', as continental outlets write a date, is 17 November."""
    (found,) = find_dates("a", "The barge sank on 17.11.2031 at 23:40 near the lock.", "2031-11-19")
    assert (found.text, found.kind, found.value, found.time) == ("17.11.2031 at 23:40", "date", "2031-11-17", "23:40")


def test_a_week_is_its_seven_days():
    """'this week' in a Wednesday paper is Monday to Sunday of that week, so a Thursday of it is inside."""
    (found,) = find_dates("a", "Divers will lift the wreck this week.", "2031-03-05")
    assert (found.kind, found.value, found.end) == ("range", "2031-03-03", "2031-03-09")


def test_a_day_inside_a_week_another_report_gives_makes_no_date_conflict():
    """'will pump the cargo this week' (Monday to Sunday) and '... on Thursday' of that week agree."""
    from test_compare import build_understanding

    from newsprism.compare import compare_story
    from newsprism.settings import CompareSettings

    week = "Salvors on the Lyra will pump the cargo from the hull this week."
    thursday = "Salvors on the Lyra began to pump the cargo from the hull on Thursday."
    spec = {"entities": {"lyra": ["Lyra", "ORG"]}, "articles": [
        _spec_article("a", "Tide Post", week, "2031-03-03"), _spec_article("b", "Quay Herald", thursday, "2031-03-07")]}
    spans = {(d.text, d.value): d.end for d in find_dates("a", week, "2031-03-03")}
    understanding = build_understanding(spec)
    for claim in understanding.claims:  # the spec's dates carry no end: give "this week" its span
        claim.dates = [d.model_copy(update={"end": spans.get((d.text, d.value))}) for d in claim.dates]
    assert spans[("this week", "2031-03-03")] == "2031-03-09"
    assert [c for c in compare_story(understanding, CompareSettings()).conflicts if c.kind == "date"] == []


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a Sunday report: news copy names today's weekday; a week on would be "next Sunday"
        ("The minister said he would travel to the town on Sunday.", "2026-06-14", ("on Sunday", "2026-06-14")),
        ("The minister said he would travel to the town next Sunday.", "2026-06-14", ("next Sunday", "2026-06-21")),
        ("The council will meet on Wednesday to discuss the report.", "2026-06-10", ("on Wednesday", "2026-06-10")),
    ],
)
def test_a_coming_day_with_the_reports_own_weekday_is_that_day(text, published, expected):
    from newsprism.understand.nlp import parse

    assert [(d.text, d.value) for d in find_dates("a", text, published, parse([text])[0])] == [expected]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a Monday report: the road stays shut until the next day, not the Tuesday six days before
        ("The pass was closed and was expected to remain shut until Tuesday.", "2026-12-07", "2026-12-08"),
        ("The pass was closed until Tuesday, police said.", "2026-12-07", "2026-12-08"),
        # a Friday report: the closure ended three days before
        ("The pass was closed until Tuesday, police said.", "2026-12-11", "2026-12-08"),
        ("The pass had been closed until Tuesday.", "2026-12-07", "2026-12-01"),
    ],
)
def test_the_end_of_a_state_told_in_the_past_takes_the_nearer_day(text, published, expected):
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, published, parse([text])[0])
    assert (found.kind, found.value) == ("until", expected)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a Wednesday report: a timetable told in the present lies ahead when its day is nearer ahead
        ("Talks between the two sides resume on Thursday.", "2026-03-04", "2026-03-05"),
        # ... and behind when the day is nearer behind
        ("The festival opens to the public on Monday.", "2026-03-04", "2026-03-02"),
        # what was said on a day is no timetable
        ("The union says it will call off the strike on Thursday.", "2026-03-04", "2026-03-05"),
        ("Police say the fire started on Thursday.", "2026-03-04", "2026-02-26"),
    ],
)
def test_a_day_a_simple_present_governs_takes_the_nearer_day(text, published, expected):
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, published, parse([text])[0])
    assert found.value == expected


def times(text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.time) for d in find_dates("a", text, published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clock time beside a day joins its mention, 12-hour, 24-hour and "at night" alike
        ("The ferry Dunmora sent a mayday at 4.15am on Tuesday.", [("at 4.15am on Tuesday", "2030-05-07", "04:15")]),
        ("Kelso Pike said the call came at 22:05 on Monday.", [("at 22:05 on Monday", "2030-05-06", "22:05")]),
        ("The pump failed shortly before midnight on Monday.", [("shortly before midnight on Monday", "2030-05-06", "24:00")]),
        # a part of the day before or after the day
        ("The ferry listed early on Tuesday and sank on Tuesday afternoon.",
         [("early on Tuesday", "2030-05-07", "early"), ("on Tuesday afternoon", "2030-05-07", "afternoon")]),
        # a time elsewhere in the sentence dates the one day it gives; a time in brackets in another zone is the same moment
        ("Boats left on Tuesday and reached the wreck at 6.20am local time (0420 GMT).",
         [("on Tuesday", "2030-05-07", None), ("at 6.20am local time (0420 GMT)", "2030-05-07", "06:20")]),
        # ... and the day of the sentence before, when the text has given no other
        ("Rescuers were called on Tuesday. A helicopter arrived at 05:40.",
         [("on Tuesday", "2030-05-07", None), ("at 05:40", "2030-05-07", "05:40")]),
        # "11.50 at night" is 23:50; with no day in its sentence or the one before it stays unresolved, never a count
        ("Her brother phoned at 11.50 at night.", [("at 11.50 at night", None, "23:50")]),
        ("The deictic word keeps its part: it sank last night.", [("last night", "2030-05-07", "night")]),
    ],
)
def test_a_time_of_day_is_read_with_its_day(text, expected):
    assert times(text, "2030-05-08") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another event's day in the sentence before, after the story's own day, is no day of this time: undated
        ("Police cleared the Orsk camp on Tuesday. The tribunal had ordered the huts cleared in a ruling on Friday. "
         "Diggers flattened the huts by midday.",
         [("on Tuesday", "2030-05-07", None), ("on Friday", "2030-05-03", None), ("by midday", None, "12:00")]),
        # "two days later" moves on from that day: no tie
        ("Police cleared the Orsk camp on Tuesday. Rescuers were called on Friday. Two days later a helicopter arrived at 05:40.",
         [("on Tuesday", "2030-05-07", None), ("on Friday", "2030-05-03", None), ("at 05:40", None, "05:40")]),
        # a link ("minutes later") or the same event named again ("the fire") ties the time to the day before
        ("Police cleared the Orsk camp on Tuesday. Rescuers were called on Friday. Minutes later a helicopter arrived at 05:40.",
         [("on Tuesday", "2030-05-07", None), ("on Friday", "2030-05-03", None), ("at 05:40", "2030-05-03", "05:40")]),
        ("Police cleared the Orsk camp on Tuesday. A fire broke out at the Kellby mill on Sunday. The fire was out by 6pm.",
         [("on Tuesday", "2030-05-07", None), ("on Sunday", "2030-05-05", None), ("by 6pm", "2030-05-05", "18:00")]),
        # the publication day printed on the page is no other day
        ("Published: Wednesday 8 May 2030\nRescuers were called on Tuesday. A helicopter arrived at 05:40.",
         [("Wednesday 8 May 2030", "2030-05-08", None), ("on Tuesday", "2030-05-07", None), ("at 05:40", "2030-05-07", "05:40")]),
    ],
)
def test_a_time_takes_the_day_of_the_sentence_before_only_when_the_text_ties_them(text, expected):
    """'Police cleared the camp on Tuesday. The tribunal had ruled on Friday. Diggers flattened the huts
    by midday': the midday is not Friday's (a false date conflict with another outlet's 'by midday on
    Tuesday'); never a guess."""
    assert times(text, "2030-05-08") == expected


def test_a_live_page_entry_time_on_its_own_line_is_on_the_publication_day():
    text = "Divers reach the hull.\n\n10:15\n\nTwo more crew are found alive."
    assert times(text, "2030-05-08") == [("10:15", "2030-05-08", "10:15")]
    assert times(text, None) == [("10:15", None, "10:15")]


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Ostmark Rail closed at 10.50 on Monday.",  # a price, no time
        "The referees' panel voted 3:1 on Monday.",  # a tally
        "Volunteers logged 2000 hours on Monday.",  # hours of work
    ],
)
def test_figures_that_look_like_times_are_no_times(text):
    assert [t for _, _, t in times(text, "2030-05-08") if t] == []


def test_the_following_morning_is_the_next_day_in_its_morning():
    text = "The dyke at Ostervik broke on 3 May. Crews closed the gap the following morning."
    assert times(text, "2030-05-08") == [("3 May", "2030-05-03", None), ("the following morning", "2030-05-04", "morning")]


def test_a_live_page_entry_time_opening_its_line_is_on_the_publication_day():
    text = "Divers found the wreck on Monday.\n14:05 - Two more crew are found alive.\n16:30 Search ends for the day."
    # the entry's time is when it was posted, not a time of the day the entry before names
    assert times(text, "2030-05-08") == [("on Monday", "2030-05-06", None), ("14:05", "2030-05-08", "14:05"), ("16:30", "2030-05-08", "16:30")]
    assert times("The ratio was\n3:10 in favour.", "2030-05-08") == []  # lower case after it: no entry


@pytest.mark.parametrize(
    "text, expected",
    [
        # a deadline said on its weekday is the next one ("by today" would say that day)
        ("The Harlow board must deliver its report by Monday.", "2031-03-24"),
        ("The Harlow board will publish its report no later than Monday.", "2031-03-24"),
        # a plan for the weekday it is said on is that day
        ("The Harlow board will meet on Monday.", "2031-03-17"),
    ],
)
def test_a_deadline_said_on_its_weekday_is_the_next_one(text, expected):
    from newsprism.understand.nlp import parse

    (found,) = find_dates("a", text, "2031-03-17", parse([text])[0])  # a Monday
    assert found.value == expected, found.resolution


@pytest.mark.parametrize(
    "text, published, phrase, value",
    [
        # the event is dated in another sentence by the same word: the day before it
        ("The Brenmark march took place on Saturday 9 August 2031. The day before the march, the dockers' union had called a stoppage.",
         "2031-08-11", "The day before", "2031-08-08"),
        ("Voters in Kessow backed the new charter in the referendum of 4 May. Two days after the referendum, the council resigned.",
         "2031-05-20", "Two days after", "2031-05-06"),
        ("Tarnside won Sunday's final in Velmora. The morning after the final, the squad paraded through the old town.",
         "2031-06-17", "The morning after", "2031-06-16"),
    ],
)
def test_a_day_counted_from_an_event_the_article_dates_elsewhere(text, published, phrase, value):
    """'the day before the protest', 'two days after the vote', 'the morning after the final' count
    from the event's date when the article gives it, by that event's name, in another sentence."""
    (found,) = [d for d in find_dates("a", text, published) if d.text == phrase]
    assert found.value == value, found.resolution


@pytest.mark.parametrize(
    "text",
    [
        # the event is never dated: no guess
        "The day before the march, the dockers' union had called a stoppage on the quays of Brenmark.",
        # two days given for the event: unclear, no guess
        "The march was planned for Friday 8 August but held on Saturday 9 August 2031. The day before the march, the union called a stoppage.",
        # another event is dated, not this one
        "The ferry strike began on 4 August 2031. The day before the march, the union had called a stoppage.",
    ],
)
def test_a_day_counted_from_an_event_the_article_does_not_date_is_left_out(text):
    assert [d for d in find_dates("a", text, "2031-08-11") if d.text.lower().startswith("the day before")] == []


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("The landslide that buried the road on the 14th was the third near Dunholt.", "2034-03-17", "2034-03-14"),
        # the day is still ahead in the month of publication: the month before
        ("The landslide that buried the road on the 28th was the third near Dunholt.", "2034-03-17", "2034-02-28"),
        ("The landslide that buried the road on the 14th of February has not been cleared.", "2034-03-17", "2034-02-14"),
    ],
)
def test_a_day_of_the_month_by_its_ordinal(text, published, value):
    (found,) = find_dates("a", text, published)
    assert found.value == value, found.resolution


def test_an_ordinal_that_is_no_day_is_left_out():
    assert find_dates("a", "The striker scored in the 14th minute and the club finished the 3rd in the table.", "2034-03-17") == []


def test_an_ordinal_before_a_noun_of_rank_is_no_day():
    assert find_dates("a", "The fire started on the 14th floor of the Dunholt tower.", "2034-03-17") == []


@pytest.mark.parametrize(
    ("text", "side"),
    [("The Orrin pass stayed shut for just under three weeks.", "an upper bound, just below it"),
     ("The Orrin pass stayed shut for just over three weeks.", "a lower bound, just above it")],
)
def test_dates_a_span_just_over_or_under_says_its_value_is_near(text, side):
    """'just under three weeks' bounds the span from above and close to it: the resolution says both."""
    (span,) = find_dates("a", text, "2031-05-06")
    assert (span.kind, span.value, span.text) == ("duration", "P3W", text[text.index("just"):-1])
    assert span.resolution.endswith(side)


# Each pattern is tried only where one of its head words or a digit begins (dates.PATTERN_HEADS):
# the matches must be those of trying it at every position, whatever the text.
HEAD_TEXTS = [
    "Brandmoor 1998 was a bad year; in2031 and mid-2024 too, since 1987, Ostrava 2019.",
    "On Tuesday, 14 March 2027 the Velk council met; last Friday it did not. The 3rd of May, 2026.",
    "Sept. 5, 2025 and Septembe 5; Q3 2025 and the first half of 2026, H1 2026, the 1990s.",
    "Thirty-two years ago, a hundred days ago, twenty one weeks, a 9-year feud, an hour-long talk.",
    "between 2003 and 2005, from 19 to 21 September, 1980-88, 17.11.2026, x12.03.2026, 2026-11-17.",
    "yesterday, TODAY, the day before yesterday, earlier this week, in recent years, over the past few months.",
    "ſince 2016 and İn 2020 the Kelvin K; there, they and then the 14th floor; on the 14th.",
    "in the past three years; within the last two weeks; late March, early 2020, next month,\n2016",
]


@pytest.mark.parametrize("text", HEAD_TEXTS)
def test_patterns_tried_at_their_heads_find_what_every_position_finds(text):
    from newsprism.understand.dates import PATTERNS, _pattern_matches

    every = [(kind, m.span(), m.groupdict()) for kind, pattern in PATTERNS for m in pattern.finditer(text)]
    assert [(kind, m.span(), m.groupdict()) for kind, m in _pattern_matches(text)] == every
    assert every  # each text holds dates


def test_year_after_a_name_and_a_space_is_found():
    # the one start no head gives: the space after a word, before a year
    assert [(d.text, d.value) for d in find_dates("a", "Kelmark 2019 was the worst season.", "2026-01-05")] == [("2019", "2019")]


# A live page's entries (CleanArticle.entries, from clean) date what each entry says: a reader of
# the entry posted at 00:30 on 21 November reads its "yesterday" as 20 November.
LIVE_HTML_ENTRY = '<div class="update"><time datetime="{0}">{1}</time><p>{2}</p><p>{3}</p></div>'
LIVE_HTML = (
    "<html><head><title>Live: power cut across Brask county</title>"
    '<meta property="article:published_time" content="2033-11-20T18:05:00+01:00"></head><body><article>'
    "<h1>Live: power cut across Brask county</h1>"
    + LIVE_HTML_ENTRY.format("2033-11-21T00:30:00+01:00", "00:30", "The grid operator Kolvik Energi says the fault began yesterday at its Marrow Lane substation.", "Crews are still working on the cables.")
    + LIVE_HTML_ENTRY.format("2033-11-20T21:10:00+01:00", "21:10", "Lights went out across Brask at 19:45, the county council says.", "Schools will decide in the morning whether to open.")
    + LIVE_HTML_ENTRY.format("2033-11-20T18:05:00+01:00", "18:05", "Good evening. We are following the power cut in Brask county this evening.", "Send us your pictures.")
    + "</article></body></html>"
)


def _dated(article) -> dict[str, tuple[str | None, str | None]]:
    return {d.text: (d.value, d.time) for d in find_dates(article.id, article.text, article.published, None, None, article.entries)}


def test_a_live_entry_posted_after_midnight_dates_its_yesterday_by_its_own_day():
    from newsprism.clean import clean_article
    from newsprism.models import Article, content_id

    article = clean_article(Article(id=content_id(LIVE_HTML), source_path="live.html", raw=LIVE_HTML, format="html"))
    assert article.published.startswith("2033-11-20") and len(article.entries) == 3
    dated = _dated(article)
    assert dated["yesterday"] == ("2033-11-20", None)  # the entry of 00:30 on the 21st; the page's date would give the 19th
    assert dated["at 19:45"] == ("2033-11-20", "19:45")  # a time before its entry's (21:10), no other day given
    assert dated["this evening"] == ("2033-11-20", "evening")
    resolution = next(d.resolution for d in find_dates(article.id, article.text, article.published, None, None, article.entries) if d.text == "yesterday")
    assert "live entry of 00:30" in resolution and "2033-11-21" in resolution  # the day it counted from


LIVE_TEXT = (
    "Halvard Radio\nNews | Sport | Travel\n\nLive: ferry aground off Skellan\n\n{date}"
    "16:00 - The ferry Marta Lind left Osterholm at 14:20 and ran aground an hour later, the harbour office says.\n\n"
    "13:10 - Passengers were told this morning that the crossing would run late.\n\n"
    "Share this page\n"
)


def test_plain_text_live_stamps_date_their_entries_and_a_page_without_a_date_leaves_the_day_unknown():
    from newsprism.clean import clean_article
    from newsprism.models import Article, content_id

    def cleaned(raw):
        return clean_article(Article(id=content_id(raw), source_path="live.txt", raw=raw, format="text"))

    dated_page = cleaned(LIVE_TEXT.format(date="12 August 2032\n\n"))
    assert dated_page.published == "2032-08-12" and [e.time for e in dated_page.entries] == ["16:00", "13:10"]
    dated = _dated(dated_page)
    assert dated["at 14:20"] == ("2032-08-12", "14:20")  # before the entry's 16:00: the entry's day
    assert dated["16:00"] == ("2032-08-12", "16:00") and dated["this morning"] == ("2032-08-12", "morning")
    # no page date: the entries' clock times give no day, and none is invented
    undated = _dated(cleaned(LIVE_TEXT.format(date="")))
    assert undated["at 14:20"] == (None, "14:20") and undated["this morning"] == (None, "morning")


def test_a_later_or_future_time_in_a_live_entry_is_not_put_on_the_entry_day():
    from newsprism.models import LiveEntry

    text = "Updates.\n\nThe road reopens at 18:00, the agency says. The bridge was shut at 23:40.\n\nEarlier entry."
    entries = [LiveEntry(start=10, time="2032-08-12T09:30:00+02:00"), LiveEntry(start=text.index("Earlier"), time="2032-08-12T08:00:00+02:00")]
    found = {d.text: d.value for d in find_dates("a", text, "2032-08-12", None, None, entries)}
    assert found["at 18:00"] is None and found["at 23:40"] is None  # after the entry's 09:30: maybe another day


@pytest.mark.parametrize(
    "text, expected",
    [
        # "to be" governs the day as any infinitive does: the tense is not told, the nearer Friday is read
        ("The Brannock water board expects its pumps to be back by Friday.", "2034-09-15"),
        ("Officials in Tervel want the ferry pier to be ready by Friday.", "2034-09-15"),
        # the same infinitive a day after that Friday looks back to it
        ("The Brannock water board expected its pumps to be back by Friday.", "2034-09-08"),
    ],
)
def test_a_day_under_to_be_takes_the_nearer_weekday(text, expected):
    from newsprism.understand.nlp import parse

    published = "2034-09-13" if "expects" in text or "want" in text else "2034-09-09"  # a Wednesday; a Saturday
    (found,) = find_dates("a", text, published, parse([text])[0])
    assert found.value == expected, found.resolution


def test_a_part_of_a_named_month_is_a_range_of_its_days():
    """'would take effect at the end of March' gave no date at all, so the timing it tells stood on no side."""
    found = find_dates("a1", "The bank said the cut would take effect at the end of March.", "2039-03-03")
    assert [(d.text, d.kind, d.value, d.end) for d in found] == [("the end of March", "range", "2039-03-21", "2039-03-31")]
    found = find_dates("a1", "The plant closed at the beginning of February 2037.", "2039-03-03")
    assert [(d.value, d.end) for d in found] == [("2037-02-01", "2037-02-10")]


def test_a_products_use_by_date_dates_no_event():
    """'pots carry use-by dates from 20 to 28 October' made timeline rows of a recall's labels
    (data/understand/product_dates.txt); the same range after another verb is still an event."""
    found = find_dates("a1", "The affected jars carry use-by dates from 20 to 28 October.", "2032-10-15")
    assert [(d.kind, d.value, d.end) for d in found] == [("until", "2032-10-20", "2032-10-28")]
    found = find_dates("a1", "Packs with a best-before date of 3 November are affected.", "2032-10-15")
    assert [d.kind for d in found] == ["until"]
    found = find_dates("a1", "The Karsby plant closed from 20 to 28 October.", "2032-10-15")
    assert [d.kind for d in found] == ["range"]
