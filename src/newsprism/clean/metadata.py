"""Metadata readers: dates (as ISO, keeping time and zone when given), bylines, source URLs.

Dates go through a fast regular expression for the common page formats first
("JULY 8, 2020 14:47", "Thursday 9 July 2020 - 08:25", "2020-07-08T14:47:00+03:00");
only a line that looks like a date but matches none of them goes to `dateparser`.
A date is never invented: no year, no date; no time given, no time returned.
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "feburary": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|-|–|—|\||at|@|·|•)?\s*(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?))?)?"
)
_LEADING_TIME = (
    r"(?:(?P<lhour>\d{1,2})[:.](?P<lminute>\d{2})\s*(?P<lampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<lzone>UTC|GMT|Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}T))?\s*(?:,|on|\||-|·)?\s+)?"
)
DATE_RE = re.compile(
    r"(?<![\w/])" + _LEADING_TIME + r"(?:"
    rf"{_WEEKDAY}(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month1')},?\s+(?P<year1>\d{{4}})"
    rf"|{_WEEKDAY}{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})"
    r"|(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})(?:T(?=\d))?"
    # "18.03.2026 09:14": day first with dots, as European pages and comment widgets write it (never month first)
    r"|(?P<day4>\d{1,2})\.(?P<month4>\d{1,2})\.(?P<year4>\d{4})(?=[\s,)]|$)"
    # "15/03/2026" or "03/15/2026": which number is the day is read from the values (or the outlet's country)
    r"|(?P<first5>\d{1,2})/(?P<second5>\d{1,2})/(?P<year5>\d{4})(?=[\s,)]|$)"
    r")" + _TIME + r"(?![\w:])",
    re.IGNORECASE,
)
ZONE_OFFSETS = {"z": "Z", "utc": "Z", "gmt": "Z"}
RELATIVE_RE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago\b|\b(?:just now|yesterday|today)\b"
    r"|\b\d+\s?(?:s|m|min|h|hr|d|w|mo|y)\s+ago\b",  # the compact "3h ago", "5d ago" of comment widgets
    re.IGNORECASE,
)


def _zone(raw: str | None) -> str:
    if not raw:
        return ""
    key = raw.replace(" ", "").lower()
    if key in ZONE_OFFSETS:
        return ZONE_OFFSETS[key]
    match = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", key)
    if not match:
        return ""
    sign, hours, minutes = match.groups()
    return f"{sign}{int(hours):02d}:{minutes or '00'}"


def _slash_day_month(first: int, second: int, month_first: bool | None) -> tuple[int, int] | None:
    """(day, month) of a "first/second/year" date: a number above 12 is the day; when both could
    be either, `month_first` decides (the outlet's country), and without it the date stays unread."""
    if first > 12 or first == second:
        return first, second
    if second > 12:
        return second, first
    if month_first is None:
        return None
    return (second, first) if month_first else (first, second)


def iso_from_match(match: re.Match, month_first: bool | None = None) -> str | None:
    """Return the ISO 8601 date (with time and zone when the match has them) of a DATE_RE match.

    A slash date whose day and month cannot be told apart gives None unless `month_first` says."""
    g = match.groupdict()
    try:
        if g["year5"]:
            found = _slash_day_month(int(g["first5"]), int(g["second5"]), month_first)
            if found is None:
                return None
            (day, month), year = found, int(g["year5"])
        elif g["year1"]:
            year, month, day = int(g["year1"]), MONTHS[g["month1"].lower().rstrip(".")], int(g["day1"])
        elif g["year2"]:
            year, month, day = int(g["year2"]), MONTHS[g["month2"].lower().rstrip(".")], int(g["day2"])
        elif g["year4"]:
            year, month, day = int(g["year4"]), int(g["month4"]), int(g["day4"])
        else:
            year, month, day = int(g["year3"]), int(g["month3"]), int(g["day3"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if g["hour"] is None and g["lhour"] is not None:
        g = {**g, "hour": g["lhour"], "minute": g["lminute"], "ampm": g["lampm"], "second": None, "zone": g["lzone"]}
    if g["hour"] is None:
        return iso
    hour, minute = int(g["hour"]), int(g["minute"])
    ampm = (g["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return iso
    iso += f"T{hour:02d}:{minute:02d}" + (f":{g['second']}" if g["second"] else "")
    return iso + _zone(g["zone"])


YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


def year_for_month_day(month_day: str, bounds: list[str]) -> str | None:
    """Return the ISO date of a date told without its year ("March 12", "12 Mar"), or None.

    `bounds` are dates the page shows that cannot be earlier than the article: a reader comment's
    date ("2031-03-13T08:10"), or the year of its copyright line ("2031", the year the page was
    served). The year is the one that puts the day on or before the earliest bound (a wire's
    "December 30" under a comment of 5 January 2032 is 2031-12-30); with no bound, None: a year
    is never guessed from nothing."""
    day = find_date(f"{month_day} 2000")[0]  # 2000: a leap year, so "Feb 29" reads
    dated = sorted(b[:10] if len(b) >= 10 else f"{b[:4]}-12-31" for b in bounds if b and b[:4].isdigit())
    if day is None or not dated:
        return None
    bound = dated[0]
    year = int(bound[:4]) - (day[5:10] > bound[5:10])
    if day[5:10] == "02-29" and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return None
    return f"{year:04d}{day[4:10]}"


_RELATIVE_PARTS_RE = re.compile(
    r"(?P<count>\d+|an?|one)\s*(?P<unit>seconds?|secs?|s|minutes?|mins?|m(?!o)|hours?|hrs?|h|days?|d)\s+ago\b"
    r"|(?P<word>just now|yesterday|today)",
    re.IGNORECASE,
)


def resolve_relative(phrase: str, captured: str | None) -> str | None:
    """Return the ISO time a relative stamp ("3 min ago", "2h ago", "yesterday") names, counted back
    from `captured` (when the page was saved), or None.

    Seconds, minutes and hours give a time to the minute; days, "yesterday" and "today" only a date.
    Weeks, months and years ago name no day, and without a capture time nothing is resolved: the
    time a page was read is never taken for the time it was saved."""
    if not captured or not phrase:
        return None
    found = _RELATIVE_PARTS_RE.search(phrase)
    if found is None:
        return None
    from datetime import datetime, timedelta

    try:
        moment = datetime.fromisoformat(captured.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(captured) <= 10:  # a capture date without its time: a day back is still a day, a minute back unknown
        if found.group("word") == "yesterday":
            return (moment - timedelta(days=1)).date().isoformat()
        if found.group("word") == "today":
            return moment.date().isoformat()
        if found.group("unit") and found.group("unit")[0].lower() == "d":
            count = found.group("count").lower()
            return (moment - timedelta(days=1 if count in ("a", "an", "one") else int(count))).date().isoformat()
        return None
    zone = moment.strftime("%z")
    zone = "Z" if zone in ("+0000", "-0000") else (f"{zone[:3]}:{zone[3:]}" if zone else "")
    word = (found.group("word") or "").lower()
    if word == "yesterday":
        return (moment - timedelta(days=1)).date().isoformat()
    if word == "today":
        return moment.date().isoformat()
    if word == "just now":
        return moment.strftime("%Y-%m-%dT%H:%M") + zone
    count = found.group("count").lower()
    number = 1 if count in ("a", "an", "one") else int(count)
    unit = found.group("unit").lower()
    if unit.startswith("d"):
        return (moment - timedelta(days=number)).date().isoformat()
    step = timedelta(hours=number) if unit.startswith("h") else timedelta(minutes=number) if unit.startswith("m") else timedelta(seconds=number)
    return (moment - step).strftime("%Y-%m-%dT%H:%M") + zone


def copyright_year(text: str) -> str | None:
    """Return the latest year of a copyright line ("(c) Tidewire 2031", "© 2008-2031 ..."), or None."""
    years = YEAR_RE.findall(text)
    return max(years) if years else None


def copyright_names(notice: str, credit: str) -> bool:
    """Whether a copyright line names the holder a wire dateline credits: "(c) Tidewire 2031" for
    "(Tidewire)", "© 2034 Kessel Wire Ltd." for "(Kessel Wire)", "© Corvale News Agency" for "(CNA)"."""
    letters = re.sub(r"[\W\d_]+", "", credit.lower())
    if len(letters) < 2:
        return False
    if letters in re.sub(r"[\W\d_]+", "", notice.lower()):
        return True
    initials = "".join(word[0] for word in re.findall(r"[A-Z][\w'’&-]*", notice))
    return credit.isupper() and credit.replace(" ", "") in initials


def find_date(text: str, month_first: bool | None = None) -> tuple[str | None, re.Match | None]:
    """Return (ISO date, match) for the first absolute date in `text`, or (None, None).

    `month_first` reads a slash date such as "05/03/2026" (True: 3 May); None leaves it unread."""
    if not YEAR_RE.search(text):
        return None, None  # every date we read has a four-digit year; most lines have none
    for match in DATE_RE.finditer(text):
        iso = iso_from_match(match, month_first)
        if iso:
            return iso, match
    return None, None


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # slow import, only needed for unusual formats

    return dateparser


def parse_date(text: str) -> str | None:
    """Return an ISO 8601 date or datetime for `text`, or None; never fills in a missing year or time.

    Tries the fast pattern first, then `dateparser` with strict settings (all of
    day, month and year required), as for a date string of unusual shape.
    """
    if not text or not text.strip():
        return None
    iso, _ = find_date(text)
    if iso:
        return iso
    if DATE_RE.search(text):
        return None  # "05/04/2029": day and month cannot be told apart; dateparser would guess
    if RELATIVE_RE.search(text) or not re.search(r"\d{4}", text):
        return None  # relative or yearless: resolving it would invent a date
    parsed = _dateparser().parse(
        text.strip(), settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    )
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}", text))
    return parsed.strftime("%Y-%m-%dT%H:%M") if has_time else parsed.strftime("%Y-%m-%d")


def normalise_date(value: str | None) -> str | None:
    """Return an input's own date string as ISO 8601 (None stays None; unparseable kept as None)."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?", value):
        return value
    return parse_date(value)


def better_date(first: str | None, second: str | None) -> str | None:
    """Return the more precise of two readings of the same date (one with a time beats one without)."""
    if not first:
        return second
    if not second:
        return first
    if first[:10] == second[:10] and len(second) > len(first):
        return second
    return first


BYLINE_RE = re.compile(
    r"^(?:by|written by|words by|words:|story by|text by|article by|author:?|posted by|reported by|von|par|por)\s+(?P<name>[^\n]{2,120}?)\s*[,|·•-]?\s*$",
    re.IGNORECASE,
)
URL_RE = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
SOURCE_LINE_RE = re.compile(
    r"^(?:(?:content |article |story )?(?:retrieved|taken|copied|fetched|archived|downloaded) from|source( url)?|"
    r"originally published (?:at|on|in)|original (?:article|story|url|link)|url|link|permalink|read (?:it|the original) (?:at|on))"
    r"\s*:?\s*(?P<url>https?://\S+?)[.,;]?$",
    re.IGNORECASE,
)


BYLINE_STAMP_RE = re.compile(r"\s+(?=(?:last\s+)?(?:updated|published|posted|modified)\b)", re.IGNORECASE)


def read_byline(line: str) -> str | None:
    """Return the author name(s) of a byline line ("By Jane Doe"), or None."""
    match = BYLINE_RE.match(line.strip())
    if not match:
        return None
    name = match.group("name").strip(" ,|-–—\u00a0")
    # "By Petra Lind | Politics desk": what follows a bar or dot is a desk, role or outlet, not a name
    name = re.split(r"\s+[|·•]\s+", name)[0].strip(" ,")
    # "By Petra Lind Updated 2 hours ago": the page's time stamp, run into the byline's block
    name = BYLINE_STAMP_RE.split(name, maxsplit=1)[0].strip(" ,")
    words = name.split()
    if not words or len(words) > 12 or name.endswith((".", "!", "?")) and len(words) > 5:
        return None
    if not any(w[:1].isupper() for w in words):
        return None
    return name


def read_source_url(line: str, bare: bool = True) -> str | None:
    """Return the URL of a "Content retrieved from: URL" style line, or (with `bare`) of a line that is only a URL."""
    stripped = line.strip()
    match = SOURCE_LINE_RE.match(stripped)
    if match:
        return match.group("url").rstrip(".,;")
    if not bare:
        return None
    only = URL_RE.fullmatch(stripped.rstrip(".,;"))
    return only.group(0) if only else None
