"""Timeline rows (compare/timeline.py): the date a row carries."""

from newsprism.compare.timeline import _date_key


def test_a_clock_time_joins_the_day_of_its_row():
    assert _date_key("2031-03-04", None, "03:40") == "2031-03-04T03:40"
    assert _date_key("2031-03-04", None, "24:00") == "2031-03-04T24:00"


def test_a_part_of_the_day_a_range_or_a_month_keeps_its_date():
    assert _date_key("2031-03-04", None, "night") == "2031-03-04"
    assert _date_key("2031-03-04", "2031-03-06", "03:40") == "2031-03-04/2031-03-06"
    assert _date_key("2031-03", None, "03:40") == "2031-03"
