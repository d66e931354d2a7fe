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


def _clock(text: str) -> str | None:
    found = CLOCK_ONLY.match(" ".join(text.split()))
    return found.group("time").replace(".", ":").zfill(5) if found else None


def text_entries(text: str) -> list[LiveEntry]:
    """Return the entries of a plain-text body whose paragraphs open with a time stamp or stand
    under a time alone on its line; [] when fewer than two."""
    entries: list[LiveEntry] = []
    pending: str | None = None
    offset = 0
    for paragraph in text.split("\n\n"):
        if (found := TEXT_STAMP.match(paragraph)) is not None:
            entries.append(LiveEntry(start=offset, time=found.group("time").replace(".", ":").zfill(5), stamp=found.end()))
            pending = None
        elif (clock := _clock(paragraph)) is not None:
            pending = clock
        elif pending is not None:
            entries.append(LiveEntry(start=offset, time=pending))
            pending = None
        offset += len(paragraph) + 2
    return entries if len(entries) >= MIN_ENTRIES else []


# a visible text block opening with a clock time ("17:30", "14:32 GMT", "09:05 The hospital ..."): a live page has two
BLOCK_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d\b")


def html_entry_times(tree, blocks: list[tuple[str, str | None]]) -> list[tuple[str, list[str]]]:
    """Return (time, texts of the entry's first blocks) for each entry of a live page, in page order.

    An entry is the nearest container above a time element (up to ENTRY_LEVELS up) that holds a
    paragraph of its own and no other entry's time: the time is its `datetime` when that is a
    full date and time, else the clock it shows. `blocks` are the page's visible text blocks
    (html.page_blocks): without two opening with a clock time the page is no live page, and the
    tree is not searched (most pages). Call before the tree is pruned."""
    from newsprism.clean.metadata import normalise_date

    if sum(1 for text, _ in blocks if text[:1].isdigit() and BLOCK_CLOCK.match(text)) < MIN_ENTRIES:
        return []
    stamps = []
    for element in TIME_ELEMENTS(tree):
        if not isinstance(element.tag, str) or len(element.text_content()) > 20:
            continue
        clock = _clock(element.text_content())
        if clock is None:
            continue
        value = normalise_date((element.get("datetime") or "").strip()) if element.tag == "time" else None
        stamps.append((element, value if value and "T" in value else clock))
    # a time inside another time element ("<span class='post-time'><time datetime=...>"): one stamp, the inner one's
    inner = {element for element, _ in stamps}
    stamps = [(e, t) for e, t in stamps if not any(a in inner for a in e.iterdescendants())]
    if len(stamps) < MIN_ENTRIES:
        return []
    elements = {element for element, _ in stamps}
    found: list[tuple[str, list[str]]] = []
    for element, time in stamps:
        container = element.getparent()
        for _ in range(ENTRY_LEVELS):
            if container is None:
                break
            if any(other is not element and other in elements for other in container.iter()):
                container = None  # reached the list of entries: this time has no container of its own
                break
            blocks = [
                " ".join(b.text_content().split()) for b in container.iter(*ENTRY_BLOCKS)
                if element not in b.iter() and len(b.text_content().split()) >= ENTRY_WORDS
            ]
            if blocks:
                found.append((time, blocks[:3]))  # the entry's first blocks: the text may have left out its headline
                break
            container = container.getparent()
    return found if len(found) >= MIN_ENTRIES else []


def place_entries(text: str, times: list[tuple[str, list[str]]]) -> list[LiveEntry]:
    """Return a LiveEntry for each (time, entry's first blocks) whose first block the clean `text` keeps
    as a paragraph of its own, in text order."""
    entries = []
    for time, blocks in times:
        for block in blocks:
            start = text.find(block[:80])
            if start >= 0 and (start == 0 or text[start - 1] == "\n"):
                entries.append(LiveEntry(start=start, time=time))
                break
    entries.sort(key=lambda e: e.start)
    return entries if len(entries) >= MIN_ENTRIES else []
