"""Timeline: the dated events of the story and its background, each with its sources.

Only event dates count: a date that tells when something was reported ("state TV
reported Friday") is left out, and so are durations and dates that did not resolve.
Undated events are left out, never guessed. A clock time the text gives with the day joins the
row's date ("2026-03-15T03:40"), so two accounts of when in the day something happened stay apart,
and the accounts of one moment are one row with all their sources; so are the accounts of a period
lasting until the reports ("since 2029"), which each report ends on its own publication date.

A row reads as a sentence a reader understands on its own: no wire dateline, entry stamp or
leading "But"; worded, where several articles tell it, by a sentence without one outlet's label
("freedom fighters", "the regime"), and at a clock moment by a sentence that tells that moment
rather than another time of the night.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date as Day, timedelta
from types import SimpleNamespace

from newsprism.compare.facts import with_quotes_closed
from newsprism.compare.summary import _terms_in, banned_terms
from newsprism.compare.views import ClaimView, strip_dateline, without_leading_conjunction
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


def _avoided_terms(views: list[ClaimView]) -> frozenset[str]:
    """The labels and loaded words (summary.banned_terms) that not every article of the story uses,
    read from the articles' sentences."""
    texts: dict[str, list[str]] = defaultdict(list)
    for v in views:
        texts[v.article_id].append(v.claim.text)
    return banned_terms([SimpleNamespace(text=" ".join(t)) for t in texts.values()]) if len(texts) > 1 else frozenset()


def _until_published(d) -> bool:
    """True for a period the understanding stage ran up to its article's publication date ("since 2029"):
    its `until_published` field, never the wording of its resolution."""
    return d.kind == "range" and bool(d.end) and d.until_published


def _merge_into(row: TimelineEvent, e: TimelineEvent) -> None:
    """Add `e`'s articles, evidence and resolutions to `row`."""
    row.article_ids = list(dict.fromkeys(row.article_ids + e.article_ids))
    seen = {(x.article_id, x.start) for x in row.evidence}
    row.evidence = row.evidence + [x for x in e.evidence if (x.article_id, x.start) not in seen]
    row.resolution = "; ".join(dict.fromkeys(row.resolution.split("; ") + e.resolution.split("; ")))


def build_timeline(views: list[ClaimView], fact_groups: list[list[int]], facts: list[Fact]) -> list[TimelineEvent]:
    """Return one event per (fact, date), sorted by date, with the articles that date it."""
    events: list[TimelineEvent] = []
    # Per event, how many other dates its sentences give ("the first call at 03:40 and the helicopter
    # on the scene at 05:10" gives one besides either time): the row of a moment is worded by a
    # sentence that tells that moment alone where one does.
    elsewhere: dict[int, int] = {}
    # A label or loaded word that not every article uses ("freedom fighters", "the regime") is one
    # outlet's framing: a row told by several articles is worded by one of their sentences without it.
    avoid = _avoided_terms(views)
    for group, fact in zip(fact_groups, facts):
        by_date: dict[str, list[tuple[ClaimView, object]]] = defaultdict(list)
        # A period told as lasting until now ("had lived there since 2029") ends, in each article, on
        # that article's publication date: one period, to the latest of them, not one row per report.
        until_now: dict[str, str] = {}
        for i in group:
            for d in views[i].event_dates:
                if _until_published(d):
                    until_now[d.value] = max(until_now.get(d.value, d.end), d.end)
        for i in group:
            v = views[i]
            for d in v.event_dates:
                end = until_now[d.value] if _until_published(d) else d.end
                by_date[_date_key(d.value, end, d.time)].append((v, d))
        for date, hits in by_date.items():
            article_ids = list(dict.fromkeys(v.article_id for v, _ in hits))
            evidence: dict[tuple[str, int], Evidence] = {}
            for v, _ in hits:
                evidence.setdefault((v.article_id, v.claim.start), v.evidence())
            resolutions = list(dict.fromkeys(d.resolution or f"'{d.text}' as written" for _, d in hits))
            text = hits[0][0].claim.text if len(group) > 1 and len(hits) < len(group) else fact.text
            if avoid and _terms_in(text, avoid):
                text = next((v.claim.text for v, _ in hits if not _terms_in(v.claim.text, avoid)), text)
            events.append(TimelineEvent(
                date=date, event=with_quotes_closed(without_leading_conjunction(strip_dateline(text))), article_ids=article_ids,
                evidence=list(evidence.values()), resolution="; ".join(resolutions),
            ))
            # The sentence that words the event (the fact's text is one of its sentences, or none of them).
            told = next((v for v in [*(v for v, _ in hits), *(views[i] for i in group)] if v.claim.text == text), hits[0][0])
            elsewhere[id(events[-1])] = len({_date_key(d.value, d.end, d.time) for d in told.event_dates} - {date})
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
    # however each outlet words it: one row with every source, worded by a sentence that tells no
    # other time (a sentence giving 03:40 and 05:10 is no wording of the 05:10 row when another
    # tells 05:10 alone), then by the row most articles tell.
    at_moment: dict[str, list[TimelineEvent]] = defaultdict(list)
    events = []
    for e in sorted(rows.values(), key=lambda e: (elsewhere.get(id(e), 0), bool(_terms_in(e.event, avoid)), -len(e.article_ids), e.date, e.event)):
        key = moment(e.date)
        if key is None:
            events.append(e)
        else:
            at_moment[key].append(e)
    for members in at_moment.values():
        row = members[0]
        for e in members[1:]:
            _merge_into(row, e)
        events.append(row)
    events.sort(key=lambda e: (e.date, -len(e.article_ids), e.event))
    return events
