"""Timeline: the dated events of the story and its background, each with its sources.

Only event dates count: a date that tells when something was reported ("state TV
reported Friday") is left out, and so are durations and dates that did not resolve.
Undated events are left out, never guessed. A clock time the text gives with the day joins the
row's date ("2026-03-15T03:40"), so two accounts of when in the day something happened stay apart,
and the accounts of one moment are one row with all their sources.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date as Day, timedelta

from newsprism.compare.facts import with_quotes_closed
from newsprism.compare.views import ClaimView, strip_dateline
from newsprism.models import Evidence, Fact, TimelineEvent


def _date_key(value: str, end: str | None, time: str | None = None) -> str:
    """The row's date: ISO, a range "start/end", or a day with its clock time ("2026-03-15T03:40")."""
    if end and end != value:
        return f"{value}/{end}"
    return f"{value}T{time}" if time and ":" in time and len(value) == 10 else value


def moment(date: str) -> str | None:
    """The moment a row's date names when it is a day with a clock time, else None; midnight at
    the end of a day is the start of the next ("2031-03-04T24:00" -> "2031-03-05T00:00")."""
    day, _, time = date.partition("T")
    if not time or len(day) != 10:
        return None
    if time == "24:00":
        try:
            return f"{(Day.fromisoformat(day) + timedelta(days=1)).isoformat()}T00:00"
        except ValueError:
            return None
    return date


def _merge_into(row: TimelineEvent, e: TimelineEvent) -> None:
    """Add `e`'s articles, evidence and resolutions to `row`."""
    row.article_ids = list(dict.fromkeys(row.article_ids + e.article_ids))
    seen = {(x.article_id, x.start) for x in row.evidence}
    row.evidence = row.evidence + [x for x in e.evidence if (x.article_id, x.start) not in seen]
    row.resolution = "; ".join(dict.fromkeys(row.resolution.split("; ") + e.resolution.split("; ")))


def build_timeline(views: list[ClaimView], fact_groups: list[list[int]], facts: list[Fact]) -> list[TimelineEvent]:
    """Return one event per (fact, date), sorted by date, with the articles that date it."""
    events: list[TimelineEvent] = []
    for group, fact in zip(fact_groups, facts):
        by_date: dict[str, list[tuple[ClaimView, object]]] = defaultdict(list)
        for i in group:
            v = views[i]
            for d in v.event_dates:
                by_date[_date_key(d.value, d.end, d.time)].append((v, d))
        for date, hits in by_date.items():
            article_ids = list(dict.fromkeys(v.article_id for v, _ in hits))
            evidence: dict[tuple[str, int], Evidence] = {}
            for v, _ in hits:
                evidence.setdefault((v.article_id, v.claim.start), v.evidence())
            resolutions = list(dict.fromkeys(d.resolution or f"'{d.text}' as written" for _, d in hits))
            text = hits[0][0].claim.text if len(group) > 1 and len(hits) < len(group) else fact.text
            events.append(TimelineEvent(
                date=date, event=with_quotes_closed(strip_dateline(text)), article_ids=article_ids,
                evidence=list(evidence.values()), resolution="; ".join(resolutions),
            ))
    # A sentence that states two facts is one event, not two.
    unique: dict[tuple, TimelineEvent] = {}
    for e in events:
        unique.setdefault((e.date, tuple(sorted((x.article_id, x.start) for x in e.evidence))), e)
    # A sentence that is a member of two facts (one's own claim, another's support) dates one event:
    # one row, with every article that dates it that way.
    rows: dict[tuple[str, str], TimelineEvent] = {}
    for e in unique.values():
        row = rows.setdefault((e.date, e.event), e)
        if row is not e:
            _merge_into(row, e)
    # Events told at one clock moment ("at 3.40am on Sunday", "at 03:40 on Sunday") are one event,
    # however each outlet words it: one row, worded by the row most articles tell, with every source.
    at_moment: dict[str, TimelineEvent] = {}
    events = []
    for e in sorted(rows.values(), key=lambda e: (-len(e.article_ids), e.date, e.event)):
        key = moment(e.date)
        row = at_moment.setdefault(key, e) if key is not None else e
        if row is e:
            events.append(e)
        else:
            _merge_into(row, e)
    events.sort(key=lambda e: (e.date, -len(e.article_ids), e.event))
    return events
