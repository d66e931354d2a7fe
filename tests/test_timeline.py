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
