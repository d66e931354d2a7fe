"""When a page was saved: the capture time an input states about itself, as ISO 8601.

A capture time is what a relative time on the page ("3 min ago", "yesterday") counts back from.
It is read only where the input says it: a WARC record's WARC-Date (warc.py), an MHTML archive's
Date header (mhtml.py), a JSONL capture field (jsonl.py), and the stamp a page-saving tool writes
into the HTML it saves (here): SingleFile's "saved date:" comment, Save Page WE's
`<meta name="savepage-date">`, HTTrack's "Mirrored from ... by HTTrack ..., <date>" comment.
A file's modification time is not one (copying a file changes it), nor is the publication date.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# JavaScript's Date.toString(), which SingleFile and Save Page WE write:
# "Thu Mar 13 2031 09:20:11 GMT+0100 (Central European Standard Time)"
_JS_DATE = r"(?:[A-Z][a-z]{2}\s+)?(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+(?P<year>\d{4})\s+(?P<time>\d{2}:\d{2}:\d{2})\s*GMT(?P<zone>[+-]\d{4})?"
SINGLEFILE_RE = re.compile(r"<!--[^>]{0,400}?saved date:\s*" + _JS_DATE, re.IGNORECASE)
SAVEPAGE_RE = re.compile(r"<meta\s+name=[\"']savepage-date[\"']\s+content=[\"']" + _JS_DATE, re.IGNORECASE)
HTTRACK_RE = re.compile(r"<!--\s*Mirrored from [^>]{0,300}? by HTTrack [^>]{0,80}?,\s*(?P<http>[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT)")
# A saved page's stamp sits in its first lines or its head: no need to search the whole page.
HEAD_CHARS = 20_000


def _js_date(match: re.Match) -> str | None:
    month = _MONTHS.get(match.group("month").lower())
    if month is None:
        return None
    zone = match.group("zone")
    suffix = "Z" if not zone or zone in ("+0000", "-0000") else f"{zone[:3]}:{zone[3:]}"
    return f"{int(match.group('year')):04d}-{month:02d}-{int(match.group('day')):02d}T{match.group('time')}{suffix}"


def http_date(value: str | None) -> str | None:
    """Return an RFC 2822 / HTTP date ("Thu, 13 Mar 2031 09:20:11 GMT") as ISO 8601, or None."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    iso = moment.isoformat()
    return iso[:-6] + "Z" if iso.endswith("+00:00") else iso


def saved_page_time(html: str) -> str | None:
    """Return when a page-saving tool saved this HTML page, from the stamp it wrote into it, or None."""
    head = html[:HEAD_CHARS]
    if "saved date" not in head and "savepage-date" not in head and "HTTrack" not in head:
        return None
    for pattern in (SINGLEFILE_RE, SAVEPAGE_RE):
        found = pattern.search(head)
        if found:
            return _js_date(found)
    found = HTTRACK_RE.search(head)
    return http_date(found.group("http")) if found else None
