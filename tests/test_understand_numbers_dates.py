"""Numbers and dates on invented text: quantities a reader compares across outlets (units glued to
figures, exchange rates, fractions of a point, ordinal minutes) and days a report places ahead of or
behind its own date (plans told in the past tense, modals, "the next meeting is on ...", quarters)."""

from __future__ import annotations

from newsprism.understand.dates import find_dates
from newsprism.understand.nlp import parse
from newsprism.understand.numbers import find_numbers


def _numbers(text: str, published: str = "2031-06-11"):
    doc = parse([text])[0]
    dates = find_dates("a", text, published, doc)
    return find_numbers("a", text, doc, [(d.start, d.stop) for d in dates])


def _dates(text: str, published: str):
    return [(d.text, d.value, d.end) for d in find_dates("a", text, published, parse([text])[0])]


def test_unit_glued_to_its_figure_is_a_measure():
    (n,) = _numbers("The plume of smoke rose about 6km above the crater.")
    assert (n.kind, n.value, n.unit) == ("measure", 6.0, "kilometres")


def test_hyphenated_measure_is_a_length_not_a_count():
    (n,) = _numbers("Brandholm, a 1,750-metre peak, towers over the harbour.")
    assert (n.kind, n.value, n.unit) == ("measure", 1750.0, "metres")


def test_amount_a_year_ago_is_not_a_yearly_rate():
    amounts = [n for n in _numbers("The fund holds $48bn, up from $41bn a year ago, and pays $2bn a year.") if n.kind == "money"]
    assert [(n.value, n.unit) for n in amounts] == [(48e9, "USD"), (41e9, "USD"), (2e9, "USD/year")]


def test_exchange_rate_is_a_price_of_a_currency_not_a_count():
    text = "The crown firmed to 11.45 per euro. At 11.45 crowns to the euro, the loan is worth more."
    rates = [(n.kind, n.value, n.unit) for n in _numbers(text)]
    assert rates == [("exchange rate", 11.45, "per EUR"), ("exchange rate", 11.45, "per EUR")]


def test_plural_lire_is_money():
    (n,) = _numbers("Each household will pay 2,300 lire more.")
    assert n.kind == "money" and n.value == 2300.0


def test_fractions_of_a_point_are_percentage_points():
    text = ("The bank lifted its rate by a quarter point; one paper wrote a quarter of a percentage point, "
            "another a half-point, against 25 basis points in the statement.")
    points = [(n.value, n.unit) for n in _numbers(text) if n.unit == "percentage points"]
    assert points == [(0.25, "percentage points"), (0.25, "percentage points"), (0.5, "percentage points"), (0.25, "percentage points")]


def test_ordinal_minute_keeps_what_it_ranks():
    (n,) = _numbers("Oduya scored the winner in the 83rd minute.")
    assert (n.kind, n.value, n.unit) == ("ordinal", 83.0, "minute")


def test_plan_told_in_the_past_tense_takes_the_nearer_day():
    # published on a Wednesday: the visit "was due" on the coming Thursday, not the one six days before;
    # a meeting that "was due" on Monday fell due two days before, not five days on
    assert _dates("The envoy was due to meet both delegations on Monday.", "2031-06-11") == [("on Monday", "2031-06-09", None)]
    assert _dates("The governor, Ilse Marrak, was due to tour the flooded district on Thursday.", "2031-06-11") == [
        ("on Thursday", "2031-06-12", None)]
    assert _dates("The governor had been due to tour the district on Thursday.", "2031-06-11") == [
        ("on Thursday", "2031-06-05", None)]


def test_modal_puts_a_day_ahead():
    assert _dates("Volunteers can bring blankets and warm clothes to the depot on Friday.", "2031-06-11") == [
        ("on Friday", "2031-06-13", None)]
    assert _dates("The driver may have fallen asleep on Monday.", "2031-06-11") == [("on Monday", "2031-06-09", None)]


def test_next_meeting_on_a_day_without_year_is_ahead():
    assert _dates("The board's next meeting is on 3 August.", "2031-06-11") == [("3 August", "2031-08-03", None)]
    assert _dates("The board met on 3 August.", "2031-06-11") == [("3 August", "2030-08-03", None)]


def test_month_day_before_a_comma_is_a_date():
    assert _dates("The agency raised the alert on June 2, citing rising gas levels.", "2031-06-11") == [
        ("June 2", "2031-06-02", None)]


def test_quarters_and_halves_of_a_year_are_ranges():
    text = "Output fell in Q2 2030 and in the fourth quarter of 2030; the bank expects growth in H1 2031 or the second half of 2031."
    assert _dates(text, "2031-06-11") == [
        ("Q2 2030", "2030-04", "2030-06"), ("the fourth quarter of 2030", "2030-10", "2030-12"),
        ("H1 2031", "2031-01", "2031-06"), ("the second half of 2031", "2031-07", "2031-12")]


def test_figure_in_a_state_or_named_by_its_subject_counts_that():
    text = ("Three people died and at least 11 are injured. A dozen were hurt on the bridge. "
            "The injured are 17, of whom two are critical. The victims are three.")
    counts = [(n.text, n.unit) for n in _numbers(text) if n.kind == "count"]
    assert ("11", "injured") in counts and ("dozen", "hurt") in counts
    assert ("17", "injured") in counts and ("three", "victims") in counts


def test_day_a_state_ends_is_no_event_date():
    text = "The ferry service was halted on Wednesday and will stay suspended until Friday at the earliest."
    found = [(d.text, d.kind, d.value) for d in find_dates("a", text, "2031-06-11", parse([text])[0])]
    assert found == [("on Wednesday", "relative", "2031-06-11"), ("Friday", "until", "2031-06-13")]
    text = "The school will stay closed until at least Monday."
    assert [d.kind for d in find_dates("a", text, "2031-06-11", parse([text])[0])] == ["until"]


def test_could_in_what_a_past_verb_reports_looks_back():
    text = "The ministry said on Wednesday it could not rule out arson after a fire destroyed the depot on Tuesday night."
    assert [(d.text, d.value) for d in find_dates("a", text, "2031-06-11", parse([text])[0])] == [
        ("on Wednesday", "2031-06-11"), ("on Tuesday night", "2031-06-10")]


def test_one_length_unit_however_written():
    text = "Oil reached 14km of shore, or 14 kilometers by another count; the lava moved up to 250 metres an hour."
    assert [(n.value, n.unit) for n in _numbers(text)] == [(14.0, "kilometres"), (14.0, "kilometres"), (0.25, "km/h")]


def test_vote_and_score_tallies_are_one_mention_not_two_counts():
    text = "The council voted 5-4 for the plan. With the score at 1–1, Rask won it 2-1. Between 40-60 people waited."
    found = [(n.text, n.kind) for n in _numbers(text)]
    assert ("5-4", "score") in found and ("1–1", "score") in found and ("2-1", "score") in found
    assert not [t for t, k in found if k == "count" and t in {"5", "4", "1", "2"}]
    assert not [t for t, k in found if k == "score" and "40" in t]


def _claim_sources(text: str) -> dict[str, str | None]:
    """Claim text -> the name (or source text) it is attributed to, through the whole understanding stage."""
    from newsprism.models import CleanArticle, StoryGroup, content_id
    from newsprism.understand import understand_story

    article = CleanArticle(id=content_id(text), source_path="offer.txt", published="2031-06-11", text=text)
    u = understand_story(StoryGroup(id="s_offer", title="t", article_ids=[article.id]), [article])
    names = {e.id: e.name for e in u.entities}
    return {c.text: names.get(c.attributed_to, c.attributed_to) for c in u.claims}


def test_a_comment_in_a_relative_clause_does_not_make_the_main_claim_the_commenters():
    text = ('The Tarvel council has offered each tenant a payment of 900 marks, which housing campaigner '
            'Edda Quist called "a bribe". Housing campaigner Edda Quist said the tenants would refuse it.')
    sources = _claim_sources(text)
    offer, refusal = list(sources)
    assert "offered" in offer and sources[offer] != "Edda Quist"
    assert sources[refusal] == "Edda Quist"


def test_a_bare_infinitive_takes_the_nearer_weekday():
    # "to resume on Monday" in a Sunday paper is the next day; "flew out to sign on Wednesday" in a Thursday paper the day before
    assert _dates("Divers stopped for the night, to resume the search on Monday, the harbour office said.", "2031-06-15") == [
        ("on Monday", "2031-06-16", None)]
    assert _dates("Minister Aro Pell flew to Vessen to sign the accord on Wednesday.", "2031-06-12") == [
        ("on Wednesday", "2031-06-11", None)]


def test_a_day_and_month_a_future_verb_governs_is_the_next_one():
    assert _dates("The new fares will start on January 1.", "2031-11-19") == [("January 1", "2032-01-01", None)]
    assert _dates("The new fares started on January 1.", "2031-11-19") == [("January 1", "2031-01-01", None)]


def test_earlier_and_later_this_week_are_the_days_before_and_after_publication():
    assert _dates("Talks stalled earlier this week and may resume later this week.", "2031-06-12") == [
        ("earlier this week", "2031-06-09", "2031-06-11"), ("later this week", "2031-06-13", "2031-06-15")]


def test_over_a_span_a_figure_is_spread_across_is_no_lower_bound():
    text = "The Tarvel plan cuts 1,200 council jobs over three years."
    (span,) = [n for n in _numbers(text) if n.kind == "duration"]
    assert (span.low, span.high) == (3.0, 3.0)
    assert _dates(text, "2031-06-11") == [("three years", "P3Y", None)]
    # with no figure spread across it, "over" is still "more than"
    (siege,) = [n for n in _numbers("The siege of Varnholt lasted over three years.") if n.kind == "duration"]
    assert (siege.low, siege.high) == (3.0, None)
