"""Clean: Article -> CleanArticle (body, reader comments apart, removed parts, metadata).

Plain text goes through the line reader (`clean.text`); HTML through trafilatura
(`clean.html`) and then the same line reader on what trafilatura kept. Metadata
the input carried wins; otherwise the page's own: title, byline, dateline,
source-URL line, then the outlet from the URL's domain (`data/outlets.csv` plus
the user's `clean.outlets_file`), the masthead, or the page's references to
itself (newsletter plug, blurb, staff credit), the site name or copyright holder, and
last a wire dateline's bracketed credit when it reads as a name. Nothing is guessed: when the page
does not say, the field stays None. Every line of the input text (or of
trafilatura's output, for HTML) left out of `text` is in `removed` with its
reason; so is every visible block of an HTML page that trafilatura itself left out
(menus, footers, captions, "Most read" boxes: `clean.html.page_blocks`), its reason
read from its container where the page says (navigation, footer, copyright, caption,
teaser, newsletter, ...) and "page_chrome" otherwise.
"""

from __future__ import annotations

import re

from newsprism.clean.html import COPYRIGHT_RE, left_out_blocks, read_html
from newsprism.clean.markdown import MarkdownReading, looks_like_markdown, read_markdown
from newsprism.clean.live import date_entries, live_clock, place_entries, text_entries
from newsprism.clean.metadata import better_date, copyright_names, copyright_year, find_date, normalise_date, year_for_month_day
from newsprism.clean.outlets import load_outlets, outlet_for_url, outlet_names
from newsprism.clean.patterns import month_first_countries
from newsprism.clean.text import Line, byline_name, read_text
from newsprism.models import Article, CleanArticle, Removed
from newsprism.settings import CleanSettings

__all__ = ["clean_article", "load_outlets", "outlet_for_url"]


def _removed(lines: list[Line]) -> list[Removed]:
    """Return the non-body lines as Removed parts, consecutive lines of one reason merged."""
    parts: list[Removed] = []
    previous: Line | None = None
    for line in lines:
        if line.kind == "body":
            previous = None
            continue
        if parts and previous is not None and previous.reason == line.reason:
            parts[-1].text += "\n" + line.text
        else:
            parts.append(Removed(text=line.text, reason=line.reason))
        previous = line
    return parts


def _line_starts(removed: list[Removed]) -> dict[tuple[str, ...], list[tuple[Removed, int, int]]]:
    """Index the removed lines of three words or more by their first three words: (part, line, words)."""
    starts: dict[tuple[str, ...], list[tuple[Removed, int, int]]] = {}
    for part in removed:
        for i, line in enumerate(part.text.split("\n")):
            words = line.split()
            if len(words) >= 3:
                starts.setdefault(tuple(words[:3]), []).append((part, i, len(words)))
    return starts


def _widen_part(starts: dict[tuple[str, ...], list[tuple[Removed, int, int]]], block: str) -> bool:
    """Put a page block in place of the removed line it only extends by a time or count, and say whether it did.

    Trafilatura may keep a line without the text of an inline element (a dateline's
    "Last updated <time>17:30</time>" comes back as "... Last updated", a menu item's "(165)"
    posts is dropped), and that line is removed with its reason; the page's own block is then the
    same line with the lost numbers, and would be listed again. A line of three words or more that
    the block opens with, followed by at most three words each holding a digit, is that line: it
    takes the block's fuller text and keeps its reason. Other words after it ('... by Jane Doe',
    a site name after a headline) may make another element, which stays a block of its own.
    `starts` is `_line_starts` of the removed parts.
    """
    flat = block.split()
    for part, i, length in starts.get(tuple(flat[:3]), ()):
        extra = flat[length:]
        if not 0 < len(extra) <= 3 or not all(any(c.isdigit() for c in word) for word in extra):
            continue
        lines = part.text.split("\n")
        if lines[i].split() == flat[:length]:
            lines[i] = " ".join(flat)
            part.text = "\n".join(lines)
            return True
    return False


# a list item's marker and a clock time glued before an entry's words ("- 19:40 Police say ...")
GLUED_CLOCK = re.compile(r"^(?:[-*•]\s+)?(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d)\s+(?=\S)")


def _drop_entry_titles(lines: list[Line], entry_times) -> None:
    """Label a live page's entry headlines ("<h3>Mayor orders footbridges closed</h3>" above the entry's
    first paragraph) as the entries' titles, and its entry times that trafilatura kept as lines of their
    own ("00:20") as their times: metadata beside the text (CleanArticle.entries), not body sentences,
    as a page's own headline and dateline are."""
    if not entry_times:
        return
    # a headline is the entry's title only where the text keeps the entry's paragraph (else it is all the entry kept)
    starts = {" ".join(line.text.split())[:80] for line in lines if line.kind == "body"}
    headlines = {" ".join(t.headline.split()) for t in entry_times if t.headline and any(b[:80] in starts for b in t.blocks)}
    clocks = {t.time[-5:] if len(t.time) == 5 else t.time[11:16] for t in entry_times}
    firsts = [b[:40] for t in entry_times for b in t.blocks]
    for line in lines:
        if line.kind != "body":
            continue
        # an entry whose time and text share one list item ("<li><div class=time>19:40</div><div>Police say ..."):
        # trafilatura writes "- 19:40 Police say ...": the time is the entry's, the words after it its text
        if (glued := GLUED_CLOCK.match(line.text)) and glued.group("time").replace(".", ":").zfill(5) in clocks:
            rest = line.text[glued.end():]
            if any(" ".join(rest.split()).startswith(first) for first in firsts):
                line.text, line._key = rest, None
        if " ".join(line.text.split()) in headlines:
            line.kind, line.reason = "metadata", "entry_title"
        elif (clock := live_clock(line.text)) is not None and clock in clocks:
            line.kind, line.reason = "metadata", "entry_time"


UPDATE_WORDS = ("updated", "last updated", "modified", "last modified", "edited")
DATELINE_WORDS = 8
BODY_WORDS = 8
NO_DATELINE = ("teaser", "navigation", "comment_section", "footer", "caption", "copyright")


def _dateline_block(blocks: list[tuple[str, str | None]], body: str) -> str | None:
    """Return the date of a short block above the body that trafilatura left out ("15 June 2031",
    "Jun 15, 2031 · 23 · Share"), or None.

    Only blocks before the body's second paragraph count (a date in a "More from" list below the
    story is another story's; a standfirst the body keeps may stand above the date)
    that open with the date or with a label before it ("Date: 3 May 2035"), of at most DATELINE_WORDS words, not an update stamp ("Last updated ...")
    and not in a teaser, menu, footer, caption or comment section."""
    # the body's second paragraph of a sentence's length: a standfirst kept in the body may stand above the date
    heads = [flat[:60] for part in body.split("\n\n") if len((flat := " ".join(part.split())).split()) >= BODY_WORDS][:2]
    if not heads:
        return None
    head = heads[-1]
    for text, container in blocks:
        flat = " ".join(text.split())
        if head in flat or flat.startswith(head[:30]):
            return None
        if container in NO_DATELINE or len(flat.split()) > DATELINE_WORDS or flat.lower().startswith(UPDATE_WORDS):
            continue
        iso, found = find_date(flat)
        # the block opens with the date, or a label does ("Date: ..."): not "Reviewed 02.05.2020", "Answers by ..."
        if iso and (found.start() == 0 or (flat[:found.start()].rstrip().endswith(":") and len(flat[:found.start()].split()) <= 2)):
            return iso
    return None


def clean_article(article: Article, settings: CleanSettings | None = None) -> CleanArticle:
    """Return the article's clean body, comments, removed parts and metadata."""
    settings = settings or CleanSettings()
    extra = str(settings.outlets_file) if settings.outlets_file else None
    names = outlet_names(extra)
    sitename = None
    page = None
    markdown = None
    captured = normalise_date(article.captured)  # when the page was saved: what "3 min ago" counts back from
    if article.format == "html":
        page = read_html(article.raw, article.url, captured)
        reading = read_text(page.text, names, given_title=article.title or page.title, from_html=True)
        _drop_entry_titles(reading.lines, page.entry_times)
        comments = page.comments
        title, byline = article.title or page.title or reading.title, page.byline or reading.byline
        published = normalise_date(article.published) or better_date(page.published, reading.published)
        url = article.url or page.url or reading.url
        sitename = page.sitename
    else:
        raw, markdown = article.raw, None
        if looks_like_markdown(raw, article.source_path):  # a page saved as Markdown: the text it shows, its images out
            markdown = read_markdown(raw)
            raw, sitename = markdown.text, markdown.sitename
        front = markdown or MarkdownReading("", [], None)  # its front matter's fields; what the record says wins over them
        given_title = article.title or front.title
        reading = read_text(raw, names, given_title=given_title, captured=captured)
        comments = reading.comments
        title, byline = given_title or reading.title, front.author or reading.byline
        published = normalise_date(article.published or front.published) or reading.published
        url = article.url or front.url or reading.url
    row = outlet_for_url(url, extra)
    if published is None and row is not None and row.country:
        month_first = row.country.upper() in month_first_countries()
        undecided = [article.published, *reading.undecided_dates] if article.published else reading.undecided_dates
        published = next((iso for text in undecided if (iso := find_date(text, month_first)[0])), None)
    outlet = (
        article.outlet
        or reading.syndicated_from  # "Originally published by X" on an aggregator's copy: X's words
        or (row.outlet if row else None)
        or next(iter(reading.outlet_mentions), None)
        or sitename
        or reading.copyright_holder
        or reading.dateline_credit  # "VARROW, Nov 15 (Northsound Wire) -": a wire copy nothing else names
    )
    body = "\n\n".join(line.text for line in reading.lines if line.kind == "body")
    removed = _removed(reading.lines)
    if page is None and markdown is not None:
        removed += [Removed(text=text, reason=reason) for text, reason in markdown.removed]
    if page is not None and page.blocks:
        kept = [body, *(part.text for part in removed), *(c.text for c in comments), *(c.author or "" for c in comments)]
        # a dateline cut off the first paragraph ("ASTREL, March 12 (CNA) -"): the page's block is both together
        lead = body.split("\n\n", 1)[0]
        kept += [f"{part.text} {lead}" for part in removed if part.reason == "dateline" and len(part.text) < 80]
        known = [v for v in (title, byline, article.byline, published, url, outlet, page.title, page.byline, page.sitename) if v]
        previous = None
        starts = _line_starts(removed)
        for text, reason in left_out_blocks(page.blocks, kept, known):
            if _widen_part(starts, text):
                continue
            if previous == reason:  # consecutive blocks of one reason: one part, as for lines
                removed[-1].text += "\n" + text
            else:
                removed.append(Removed(text=text, reason=reason))
            previous = reason
    if published is None and page is not None and page.blocks:
        published = _dateline_block(page.blocks, body)
    if published is None and reading.yearless_date:
        # a wire dateline without its year ("CALVERRUN, March 12 (Tidewire) -"): the year from what
        # else the page shows that cannot predate the article: the wire's own copyright notice on its
        # copy ("(c) Tidewire 2031": a notice's year is the year its work was published), its readers'
        # comment dates and when it was saved; none of them, no date. A site's footer naming another
        # holder ("(c) 2031 Radio Quenby" over a wire copy) is only the year the page was served, and a
        # stale template's year can even predate the copy: it dates nothing.
        notices = [part.text for part in removed if part.reason == "copyright"]
        if page is not None:
            notices += [text for text, _ in page.blocks if len(text) < 300 and COPYRIGHT_RE.search(text)]
        credit = reading.dateline_credit
        bounds = [year for text in notices if credit and copyright_names(text, credit) and (year := copyright_year(text))]
        bounds += [c.posted for c in comments if c.posted] + ([captured] if captured else [])
        published = year_for_month_day(reading.yearless_date, bounds)
    # a live page's entries and their times, beside the text (plain text keeps its printed stamps)
    entries = place_entries(body, page.entry_times) if page is not None and page.entry_times else text_entries(body, captured)
    entries = date_entries(entries, published, captured)  # a page that ran past midnight: each entry its day
    # the writer's name without the role after it ("Clara Vennet, Chief Reporter" -> "Clara Vennet"); the
    # role stays on the page's byline line in removed[] (added there when no part of the page holds it)
    byline = article.byline or byline
    name = byline_name(byline)
    if name != byline and not any(byline in part.text for part in removed):
        removed.append(Removed(text=byline, reason="byline"))
    return CleanArticle(
        id=article.id,
        source_path=article.source_path,
        record=article.record,
        outlet=outlet,
        url=url,
        title=title,
        byline=name,
        published=published,
        captured=captured,
        text=body,
        comments=comments,
        removed=removed,
        entries=entries,
    )
