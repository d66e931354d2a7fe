"""Timeline rows (compare/timeline.py): the date a row carries."""

from newsprism.compare.timeline import _date_key


def test_a_clock_time_joins_the_day_of_its_row():
    assert _date_key("2031-03-04", None, "03:40") == "2031-03-04T03:40"
    assert _date_key("2031-03-04", None, "24:00") == "2031-03-04T24:00"


def test_a_part_of_the_day_a_range_or_a_month_keeps_its_date():
    assert _date_key("2031-03-04", None, "night") == "2031-03-04"
    assert _date_key("2031-03-04", "2031-03-06", "03:40") == "2031-03-04/2031-03-06"
    assert _date_key("2031-03", None, "03:40") == "2031-03"


def test_accounts_of_one_moment_are_one_row_with_every_source():
    """Two outlets tell one timed event in their own words ('at 4.20am on Tuesday', 'at 04:20 on
    Tuesday'): one row at that moment, citing both; midnight at a day's end meets the next day's 00:00."""
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare.timeline import build_timeline
    from newsprism.compare.views import build_views
    from newsprism.models import Fact

    spec = {"entities": {"dam": ["Orsk Dam", "FAC"]}, "articles": [
        one_sentence_report("t1", "Valley Wire", "Engineers at the Orsk Dam opened the spillway at 4.20am on Tuesday.", ["dam"],
                            dates=[["at 4.20am on Tuesday", "2031-05-06", "relative", "04:20"]]),
        one_sentence_report("t2", "Town Courier", "The spillway gates were raised at 04:20 on Tuesday, the dam operator said.", ["dam"],
                            dates=[["at 04:20 on Tuesday", "2031-05-06", "relative", "04:20"]]),
        one_sentence_report("t3", "Lake Post", "Water reached the lower village at midnight on Tuesday.", ["dam"],
                            dates=[["at midnight on Tuesday", "2031-05-06", "relative", "24:00"]]),
        one_sentence_report("t4", "Hill Herald", "Residents of the lower village were woken at 00:00 on Wednesday by rising water.", ["dam"],
                            dates=[["at 00:00 on Wednesday", "2031-05-07", "relative", "00:00"]]),
    ]}
    views = build_views(build_understanding(spec))
    facts = [Fact(id=f"f{i}", text=v.claim.text, article_ids=[v.article_id], independent_sources=1) for i, v in enumerate(views)]
    rows = build_timeline(views, [[i] for i in range(len(views))], facts)
    assert [sorted(e.article_ids) for e in rows] == [["t1", "t2"], ["t3", "t4"]], [(e.date, e.article_ids) for e in rows]
    assert len(rows[0].evidence) == 2


def _rows(*reports):
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare.timeline import build_timeline
    from newsprism.compare.views import build_views
    from newsprism.models import Fact

    # a fifth item is the sentence's subject as the parse gives it
    spec = {"entities": {"mine": ["Harl", "FAC"]}, "articles": [one_sentence_report(*r[:3], ["mine"], dates=r[3], **({"subject": r[4]} if len(r) > 4 else {}))
                                                               for r in reports]}
    views = build_views(build_understanding(spec))
    facts = [Fact(id=f"f{i}", text=v.claim.text, article_ids=[v.article_id], independent_sources=1) for i, v in enumerate(views)]
    return build_timeline(views, [[i] for i in range(len(views))], facts)


def test_a_moment_told_by_two_outlets_is_worded_by_the_sentence_that_tells_that_moment_alone():
    """One outlet gives two times in a sentence ('the alarm at 02:10 and the rescuers at 04:30'), the other
    04:30 alone: the 04:30 row, on a tie of one article each, reads as the 04:30 sentence, not the one that
    leads with 02:10; the 02:10 row keeps the two-time sentence, its only wording."""
    rows = _rows(
        ("t1", "Valley Wire", "Alarm bells rang at the Harl mine at 02:10 on Monday and rescuers reached the shaft at 04:30.",
         [["at 02:10 on Monday", "2031-05-05", "relative", "02:10"], ["at 04:30", "2031-05-05", "relative", "04:30"]]),
        ("t2", "Town Courier", "Rescuers reached the flooded Harl mine shaft at 04:30 on Monday.",
         [["at 04:30 on Monday", "2031-05-05", "relative", "04:30"]]),
    )
    assert [(e.date, sorted(e.article_ids)) for e in rows] == [("2031-05-05T02:10", ["t1"]), ("2031-05-05T04:30", ["t1", "t2"])], \
        [(e.date, e.article_ids, e.event) for e in rows]
    assert rows[1].event.startswith("Rescuers reached the flooded Harl mine shaft"), rows[1].event
    assert rows[0].event.startswith("Alarm bells rang"), rows[0].event


def test_a_row_does_not_open_with_a_conjunction_that_tied_it_to_the_sentence_before():
    rows = _rows(("t1", "Valley Wire", "But the families of the Harl miners say the pumps failed on Sunday night.",
                  [["on Sunday night", "2031-05-04", "relative"]]))
    assert rows[0].event == "The families of the Harl miners say the pumps failed on Sunday night.", rows[0].event


def test_a_row_several_outlets_tell_is_worded_without_one_outlets_label():
    """Two outlets date the signing; one calls the rebels 'freedom fighters': the row reads as the other's sentence."""
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare.timeline import build_timeline
    from newsprism.compare.views import build_views
    from newsprism.models import Fact

    spec = {"entities": {"pact": ["Tarn Pact", "EVENT"]}, "articles": [
        one_sentence_report("t1", "Hill Voice", "The freedom fighters of the Tarn Front signed the Tarn Pact with the government on Tuesday.", ["pact"],
                            dates=[["on Tuesday", "2031-05-06", "relative"]]),
        one_sentence_report("t2", "Valley Wire", "The Tarn Front and the government signed the Tarn Pact on Tuesday in Ebbing.", ["pact"],
                            dates=[["on Tuesday", "2031-05-06", "relative"]]),
    ]}
    views = build_views(build_understanding(spec))
    fact = Fact(id="f0", text=views[0].claim.text, article_ids=["t1", "t2"], independent_sources=2)
    rows = build_timeline(views, [[0, 1]], [fact])
    assert [(e.date, sorted(e.article_ids)) for e in rows] == [("2031-05-06", ["t1", "t2"])], [(e.date, e.article_ids) for e in rows]
    assert "freedom fighters" not in rows[0].event, rows[0].event


def test_the_year_a_budget_is_for_dates_no_event():
    """'approved a budget for 2032 on Wednesday night': the council voted on Wednesday; 2032 is the year
    the budget covers, no row of the timeline. 'Flooded in 2029' still dates the flood."""
    rows = _rows(
        ("t1", "Valley Wire", "The Harl town council approved a budget for 2032 on Wednesday night after a long debate.",
         [["2032", "2032", "absolute"], ["on Wednesday night", "2031-11-19", "relative"]]),
        ("t2", "Town Courier", "The Harl river flooded the lower town in 2029, the council recalled.", [["in 2029", "2029", "absolute"]]),
    )
    assert [(e.date, e.article_ids) for e in rows] == [("2029", ["t2"]), ("2031-11-19", ["t1"])], [(e.date, e.article_ids) for e in rows]


def test_a_period_lasting_until_the_reports_is_one_row_whichever_day_each_was_published():
    """'had lived there since 2029' told by reports published on two days: each report's period ends
    on its own publication date, yet it is one period of one fact, one row citing both."""
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare.timeline import build_timeline
    from newsprism.compare.views import build_views
    from newsprism.models import Fact

    spec = {"entities": {"camp": ["Tarn Fields", "LOC"]}, "articles": [
        one_sentence_report("p1", "Valley Wire", "Some 300 families had lived at Tarn Fields since 2029.", ["camp"], published="2033-11-09",
                            dates=[["since 2029", "2029", "range"]]),
        one_sentence_report("p2", "Town Courier", "About 300 families had lived at Tarn Fields since 2029.", ["camp"], published="2033-11-10",
                            dates=[["since 2029", "2029", "range"]]),
    ]}
    views = build_views(build_understanding(spec))
    for v in views:  # as the understanding stage resolves 'since 2029': up to each report's publication date
        published = "2033-11-09" if v.article_id == "p1" else "2033-11-10"
        v.event_dates = [d.model_copy(update={"end": published, "until_published": True,
                                              "resolution": f"since 2029, to the report of {published}"}) for d in v.event_dates]
    fact = Fact(id="f0", text=views[0].claim.text, article_ids=["p1", "p2"], independent_sources=2)
    rows = build_timeline(views, [[0, 1]], [fact])
    assert [(e.date, sorted(e.article_ids)) for e in rows] == [("2029/2033-11-10", ["p1", "p2"])], [(e.date, e.article_ids) for e in rows]


def test_the_understanding_stage_marks_a_period_lasting_until_the_report_as_a_field():
    """'since 2029' runs to the report's publication date and says so in `until_published`, which the
    timeline reads; a period the text closes itself ('from 2019 to 2021') or a past stretch is no such period."""
    from newsprism.understand.dates import find_dates

    text = "Some 300 families have farmed at Tarn Fields since 2029. The Harl dam was rebuilt from 2019 to 2021."
    found = {d.text: d for d in find_dates("a1", text, "2033-11-09")}
    assert found["since 2029"].until_published and found["since 2029"].end == "2033-11-09", found
    assert not any(d.until_published for t, d in found.items() if t != "since 2029"), found
    undated = {d.text: d for d in find_dates("a2", text, None)}
    assert not undated["since 2029"].until_published, undated


def test_a_year_in_a_relative_clause_is_told_by_its_clause_not_by_the_later_event_of_the_sentence():
    """R-extradition, R-takeover: the 2039 row read "The High Court ruled on Wednesday ... a fraud that brought
    down Vellbank in 2039" and the 2029 row "X has sold the club ..., ending twelve years in charge of the
    club he bought in 2029": the row of an earlier year tells the event of the clause that year belongs to."""
    rows = _rows(
        ("t1", "Valley Wire", "A court in Orvik ruled on Tuesday that trader Pell Marnow can be sent to Ustra, where he is accused of a "
         "fraud that ruined the Harl savings bank in 2024.", [["on Tuesday", "2031-05-06", "relative"], ["in 2024", "2024", "year"]]),
        ("t2", "Town Courier", "Ada Kessing has sold the Harl mine to Norrland Ore for 40 million crowns, ending a decade in charge of "
         "the mine she bought in 2021 for 3 million crowns.", [["in 2021", "2021", "year"]], "Ada Kessing"),
        ("t3", "Lake Post", "Marnow, who was arrested in Harl in March 2029, faces ten years in prison.", [["in March 2029", "2029-03", "date"]]),
    )
    told = {e.date: e.event for e in rows}
    assert told["2024"] == "A fraud ruined the Harl savings bank in 2024.", told
    assert told["2021"] == "Ada Kessing bought the mine in 2021 for 3 million crowns.", told
    assert told["2029-03"] == "Marnow was arrested in Harl in March 2029.", told
    # the sentence's own event keeps its whole sentence
    assert told["2031-05-06"].startswith("A court in Orvik ruled on Tuesday"), told


def test_a_relative_clause_of_the_story_days_own_event_keeps_its_sentence():
    """'The strike that began on Monday has closed every port': no earlier year, no other date; the row
    is the sentence. A subject clause ('which thieves had stolen') is no event of the name before it.
    Seeds: "Syria was one of the few countries that helped Iran during the 1980-88 war" became "The few
    countries helped Iran ..." and "... the war that has ravaged the country since 2011" "The war has
    ravaged the country since 2011.": a group's clause and a clause naming no one keep the sentence."""
    rows = _rows(
        ("t1", "Valley Wire", "The strike that began on Tuesday has closed every port in Harl.", [["on Tuesday", "2031-05-06", "relative"]]),
        ("t2", "Town Courier", "Police found the lorry, which thieves had stolen in 2029, near the Harl port.", [["in 2029", "2029", "year"]]),
        # the clause is the group's ("one of the few ports that ..."); a clause that names no one ("The war has ...")
        ("t3", "Lake Post", "Harl was one of the few ports that stayed open during the 2024 blockade of Ustra.", [["2024", "2024", "year"]]),
        ("t4", "Hill Herald", "Ustra is one of Harl's main partners in the war that has split the region since 2022.", [["since 2022", "2022", "year"]]),
    )
    told = {e.date: e.event for e in rows}
    assert told["2031-05-06"] == "The strike that began on Tuesday has closed every port in Harl.", told
    assert told["2029"] == "Police found the lorry, which thieves had stolen in 2029, near the Harl port.", told
    assert told["2024"].startswith("Harl was one of the few ports"), told
    assert told["2022"].startswith("Ustra is one of Harl's main partners"), told


def test_a_year_in_an_aside_describing_a_work_dates_the_work_not_the_event():
    """R-arttheft: 'The thieves ... left with "The Salt Harvest", painted in 1652, the CIB said.' was a
    1652 row telling the theft: the year is the painting's (data/compare/describing_participles.txt)."""
    rows = _rows(("t1", "Valley Wire", 'Thieves broke into the Harl museum on Tuesday and left with "Grey Fields", painted in 1711, '
                  'police said.', [["on Tuesday", "2031-05-06", "relative"], ["in 1711", "1711", "year"]]))
    assert [e.date for e in rows] == ["2031-05-06"], [(e.date, e.event) for e in rows]
