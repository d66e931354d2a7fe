"""Live pages: each entry's time, kept as metadata beside the text (CleanArticle.entries).

A live page is a run of dated entries ("16:00 - The fire service says ...", or a time on its own
line above the entry, or, in HTML, a `<time>` in each entry's container). The time is when the
outlet posted the entry, no part of what the entry says: later stages read an entry's relative
words ("this afternoon") against it, and skip the stamp when they read the sentence.

Plain text keeps its stamps where the page prints them (stamp > 0 gives their length); HTML pages'
entry times are no part of the text (trafilatura leaves them out), so stamp is 0. A page needs at
least two entries to be read as a live page: one "Updated 17:30" line is no entry.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html

from newsprism.models import LiveEntry

# "16:00 - ", "9.45 – ", "16:00 CET — ": a clock time, maybe its zone, a dash, then the entry's words
TEXT_STAMP = re.compile(r"^(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d)(?:\s*[A-Z]{2,4})?\s*[—–-]+\s+(?=[A-Z\"“‘'])")
# a time alone on its line ("09:02", "10:45 CET"), the entry under it
CLOCK_ONLY = re.compile(r"^(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d)(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?$")
MIN_ENTRIES = 2
# an HTML element that shows a time: <time>, or an element whose class says so ("entry-time", "timestamp")
TIME_ELEMENTS = lxml.html.etree.XPath("//time | //*[contains(@class, 'time')]")
ENTRY_WORDS = 3  # an entry's first block is a sentence or its headline, not a label ("Share", "Key event")
ENTRY_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li")
ENTRY_LEVELS = 4  # how far above the time its entry's container may be


def live_clock(text: str) -> str | None:
    """The clock time ("09:05") a line that shows only a time ("9.05", "09:05 GMT") gives, else None."""
    found = CLOCK_ONLY.match(" ".join(text.split()))
    return found.group("time").replace(".", ":").zfill(5) if found else None


def text_entries(text: str, captured: str | None = None) -> list[LiveEntry]:
    """Return the entries of a plain-text body whose paragraphs open with a time stamp or stand
    under a time alone on its line; [] when fewer than two. A paragraph under "2 hours ago" alone on
    its line is an entry too when `captured` (when the page was saved) gives its time and clock
    times make the page a live page (two entries at least); without it no time is guessed."""
    from newsprism.clean.metadata import resolve_relative

    entries: list[LiveEntry] = []
    pending: str | None = None
    offset = 0
    clocked = 0
    for paragraph in text.split("\n\n"):
        if (found := TEXT_STAMP.match(paragraph)) is not None:
            entries.append(LiveEntry(start=offset, time=found.group("time").replace(".", ":").zfill(5), stamp=found.end()))
            pending = None
            clocked += 1
        elif (clock := live_clock(paragraph)) is not None:
            pending = clock
        elif captured and RELATIVE_STAMP.match(" ".join(paragraph.split())):
            pending = resolve_relative(" ".join(paragraph.split()), captured) or ""
        elif pending is not None:
            if pending:
                entries.append(LiveEntry(start=offset, time=pending))
                clocked += len(pending) == 5
            pending = None
        offset += len(paragraph) + 2
    return entries if clocked >= MIN_ENTRIES else []


# a visible text block opening with a clock time ("17:30", "14:32 GMT", "09:05 The hospital ..."): a live page has two
BLOCK_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d\b")
# an entry stamped with how long ago it was posted ("2 hours ago", "35 min ago", "1h ago", "Just now"): a time only
# when the page's capture time is known (clean.metadata.resolve_relative), and only on a page that clock times make live
RELATIVE_STAMP = re.compile(
    r"^(?:(?:\d+|an?|one)\s*(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\s+ago|just now)$", re.IGNORECASE
)
HEADINGS = ("h2", "h3", "h4")
HEADLINE_WORDS = 20  # an entry's headline is a line, not a paragraph set as a heading


class EntryTime(NamedTuple):
    """One entry of a live HTML page as html_entry_times finds it."""

    time: str  # ISO when the page dates it (or a relative stamp resolved by the capture time), else "HH:MM"
    blocks: list[str]  # the texts of the entry's first blocks (its headline left out), to find the entry in the text
    headline: str | None  # the entry's own headline (an <h3> above its first paragraph): its title, no sentence of it


def _in_comments(element) -> bool:
    return any("comment" in f"{a.get('class', '')} {a.get('id', '')}".lower() for a in element.iterancestors())


def _entry_blocks(container, element) -> tuple[list[str], str | None]:
    """The texts of an entry container's blocks (three words or more), and its headline: a heading of at most
    HEADLINE_WORDS words that opens the entry above a paragraph of its own (then left out of the blocks)."""
    parts = [(b.tag, " ".join(b.text_content().split())) for b in container.iter(*ENTRY_BLOCKS) if element not in b.iter()]
    parts = [(tag, text) for tag, text in parts if text]
    headline = None
    # (a link to another story under the same words, "<h3>X</h3><a><p>X</p></a>", is no paragraph of the entry's own)
    if parts and parts[0][0] in HEADINGS and len(parts[0][1].split()) <= HEADLINE_WORDS and any(
        tag not in HEADINGS and len(text.split()) >= ENTRY_WORDS and text != parts[0][1] for tag, text in parts[1:]
    ):
        headline, parts = parts[0][1], [(tag, text) for tag, text in parts[1:] if text != parts[0][1]]
    return [text for _, text in parts if len(text.split()) >= ENTRY_WORDS], headline


def html_entry_times(tree, blocks: list[tuple[str, str | None]], captured: str | None = None) -> list[EntryTime]:
    """Return an EntryTime (time, texts of the entry's first blocks, headline) for each entry of a live page, in page order.

    An entry is the nearest container above a time element (up to ENTRY_LEVELS up) that holds a
    paragraph of its own and no other entry's time: the time is its `datetime` when that is a
    full date and time, else the clock it shows. `blocks` are the page's visible text blocks
    (html.page_blocks): without two opening with a clock time the page is no live page, and the
    tree is not searched (most pages). On a live page an entry stamped "2 hours ago" is an entry
    too when `captured` (when the page was saved) says what it counts back from; without it the
    entry has no time and is left out (never guessed). Call before the tree is pruned."""
    from newsprism.clean.metadata import normalise_date, resolve_relative

    if sum(1 for text, _ in blocks if text[:1].isdigit() and BLOCK_CLOCK.match(text)) < MIN_ENTRIES:
        return []
    stamps = []
    for element in TIME_ELEMENTS(tree):
        if not isinstance(element.tag, str) or len(element.text_content()) > 20:
            continue
        clock = live_clock(element.text_content())
        if clock is None:
            shown = " ".join(element.text_content().split())
            if captured and RELATIVE_STAMP.match(shown) and not _in_comments(element):
                if (when := resolve_relative(shown, captured)) is not None:
                    stamps.append((element, when))
            continue
        value = normalise_date((element.get("datetime") or "").strip()) if element.tag == "time" else None
        stamps.append((element, value if value and "T" in value else clock))
    # a time inside another time element ("<span class='post-time'><time datetime=...>"): one stamp, the inner one's
    inner = {element for element, _ in stamps}
    stamps = [(e, t) for e, t in stamps if not any(a in inner for a in e.iterdescendants())]
    if len(stamps) < MIN_ENTRIES:
        return []
    elements = {element for element, _ in stamps}
    found: list[EntryTime] = []
    for element, time in stamps:
        container = element.getparent()
        for _ in range(ENTRY_LEVELS):
            if container is None:
                break
            if any(other is not element and other in elements for other in container.iter()):
                container = None  # reached the list of entries: this time has no container of its own
                break
            texts, headline = _entry_blocks(container, element)
            if texts:
                found.append(EntryTime(time, texts[:3], headline))  # the entry's first blocks: the text may have left out one
                break
            container = container.getparent()
    return found if len(found) >= MIN_ENTRIES else []


def place_entries(text: str, times: list[EntryTime]) -> list[LiveEntry]:
    """Return a LiveEntry for each EntryTime whose first block the clean `text` keeps
    as a paragraph of its own, in text order."""
    entries = []
    for time, blocks, _ in times:
        for block in blocks:
            start = text.find(block[:80])
            if start >= 0 and (start == 0 or text[start - 1] == "\n"):
                entries.append(LiveEntry(start=start, time=time))
                break
    entries.sort(key=lambda e: e.start)
    return entries if len(entries) >= MIN_ENTRIES else []


DAY_MINUTES = 24 * 60


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:5])


def date_entries(entries: list[LiveEntry], published: str | None, captured: str | None = None) -> list[LiveEntry]:
    """Give clock-only entries ("00:10") their day when the page's entries cross midnight; else return them as they are.

    A live page that runs 21:30, 22:05, 23:55, 00:10 has crossed a day, and its one date (the
    page's `published`) cannot be every entry's. The entries are in page order, newest first or
    oldest first: the direction most steps between their clocks take the short way round the
    clock. A step whose short way goes through midnight in that direction (00:10 above 23:55 on a
    newest-first page, 23:55 then 00:10 on an oldest-first one) changes the day; a step against
    it (a pinned entry above the newest) or a gap of more than twelve hours changes nothing. The page's
    date is then the day of the entry whose clock its time gives ("Last updated 00:10"), else of
    the oldest entry (a live page is dated the day it opened); when that would put an entry after
    `captured` (when the page was saved), the newest entry takes the capture's day. Each
    clock-only entry then gets "YYYY-MM-DDTHH:MM"; entries the page dates itself keep their time.
    Without the page's date, or without a midnight crossing, nothing changes (no day is guessed).
    """
    import datetime as dt

    clocks = [(i, _minutes(e.time)) for i, e in enumerate(entries) if len(e.time) == 5 and e.time[2] == ":"]
    if len(clocks) < 2 or not published or len(published) < 10:
        return entries
    try:
        page_day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return entries
    steps = [b - a for (_, a), (_, b) in zip(clocks, clocks[1:])]
    short = [(d + DAY_MINUTES // 2) % DAY_MINUTES - DAY_MINUTES // 2 for d in steps]  # the short way round, -720..719
    forward = sum(1 for d in short if d > 0) - sum(1 for d in short if d < 0)
    offsets, day = [0], 0
    for d, s in zip(steps, short):
        ahead = s > 0 if forward == 0 else forward > 0  # a tie: each step the short way
        if ahead and d < 0 < s:
            day += 1  # on to the next day (oldest first: 23:55, then 00:10)
        elif not ahead and s < 0 < d:
            day -= 1  # back to the day before (newest first: 00:10, then 23:55)
        offsets.append(day)
    if len(set(offsets)) == 1:
        return entries
    anchor = min(offsets)  # the oldest entry's day is the page's
    if len(published) >= 16 and published[10] == "T":
        at = _minutes(published[11:16])
        anchor = next((off for (_, m), off in zip(clocks, offsets) if m == at), anchor)
    shift = -anchor
    if captured and len(captured) >= 10:
        try:
            saved = dt.date.fromisoformat(captured[:10])
        except ValueError:
            saved = None
        if saved is not None and page_day + dt.timedelta(days=max(offsets) + shift) > saved:
            shift = (saved - page_day).days - max(offsets)
    dated = list(entries)
    for (i, _), off in zip(clocks, offsets):
        day_of = page_day + dt.timedelta(days=off + shift)
        dated[i] = entries[i].model_copy(update={"time": f"{day_of.isoformat()}T{entries[i].time}"})
    return dated
