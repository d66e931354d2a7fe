"""Markdown pages: a page saved by a read-later tool or a notes app as Markdown (".md"), read as the plain text it shows.

Such a page keeps its markup: "# Headline", "**By Jane Doe**", links "[Site name](https://site/)",
images "![alt text](https://.../photo.jpg)" with an italic caption line under them. Cleaned as plain
text, the headline kept its "#", the byline its "**" and the image line and its caption stayed in
the body. `read_markdown` gives the text a reader sees (headings, emphasis and links reduced to
their words), the image lines and their captions as removed parts, and the site's name when the page
links it to the site's front page ("[Stavrosk Herald](https://herald.example/)", as an HTML page's
logo link does). A page is read as Markdown when its file says so (.md, .markdown) or when it shows
at least two kinds of Markdown markup (a plain-text page with one "[1]" or "*" is no Markdown).

Static sites and read-later tools often open the file with YAML front matter, a block of
"key: value" lines between two "---" lines (title, url or source, author, date, site_name).
`read_markdown` reads those keys as the page's metadata (`FRONT_MATTER_KEYS`) and leaves the block
out of the text, as an HTML page's <meta> tags are.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

import yaml

MARKDOWN_SUFFIXES = (".md", ".markdown")
# "![alt](url)" or "![alt](url "title")", alone on its line (maybe inside a link: "[![alt](img)](url)")
IMAGE_LINE = re.compile(r"^\[?!\[(?P<alt>[^\]]*)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)(?:\]\([^)\s]+\))?$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s+#+)?$")
# a line wholly in emphasis: "*Police at the gates ... Photo: X*" or "_..._" (a caption under an image)
ITALIC_LINE = re.compile(r"^(?:\*(?!\*)(?P<a>[^*]+)\*|_(?!_)(?P<b>[^_]+)_)$")
STRONG = re.compile(r"(\*\*|__)(?P<text>\S(?:.*?\S)?)\1")
EMPHASIS = re.compile(r"(?<![\w*])\*(?P<a>\S(?:[^*]*?\S)?)\*(?![\w*])|(?<![\w_])_(?P<b>\S(?:[^_]*?\S)?)_(?![\w_])")
QUOTE = re.compile(r"^>\s?")
CODE = re.compile(r"`([^`]+)`")
# YAML front matter: "---" on the first line, "key: value" lines, "---" (or "...") closing it
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>(?:.*\r?\n){1,60}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
# which front-matter keys give which field, first key found wins (keys compared in lower case)
FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "url": ("url", "canonical_url", "canonical", "source", "source_url", "permalink", "link", "original_url"),
    "author": ("author", "byline", "authors", "creator"),
    "published": ("date", "published", "published_at", "publish_date", "pubdate", "date_published", "created", "created_at"),
    "sitename": ("site_name", "sitename", "site", "publisher", "outlet", "source_name", "publication"),
}


class MarkdownReading(NamedTuple):
    text: str  # the page as plain text: markup reduced to its words, image lines and their captions left out
    removed: list[tuple[str, str]]  # (text, reason) of the lines left out: the image's alt text and its caption, reason "caption"
    sitename: str | None  # front matter's site name, else the words of a link to the site's front page in the page's first lines
    title: str | None = None  # front matter's title
    url: str | None = None  # front matter's url (or source, canonical ...)
    author: str | None = None  # front matter's author
    published: str | None = None  # front matter's date, as written there


def looks_like_markdown(raw: str, source_path: str | None = None) -> bool:
    """Whether a plain-text page is Markdown: its file is .md / .markdown, or it shows two kinds of Markdown markup at least."""
    if source_path and source_path.lower().endswith(MARKDOWN_SUFFIXES):
        return True
    if read_front_matter(raw)[0]:
        return True
    lines = [line.strip() for line in raw.splitlines()[:400]]
    kinds = {
        "heading": any(HEADING.match(line) and line[:2] in ("# ", "##") for line in lines),
        "image": any(IMAGE_LINE.match(line) for line in lines),
        "link": sum(1 for line in lines for found in LINK.finditer(line) if "://" in found.group("url") or found.group("url").startswith("/")) >= 2,
        "strong": sum(1 for line in lines if STRONG.search(line)) >= 2,
    }
    return sum(kinds.values()) >= 2


def _front_value(value: object) -> str | None:
    """A front-matter value as one line of text: a list gives its first item ("authors: [A, B]" -> A), a
    mapping its name ("author: {name: A}"), a YAML date its ISO form."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (bool, dict, list)):
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return " ".join(text.split()) or None


def read_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Return the front matter's fields (keys of FRONT_MATTER_KEYS) and the page without the block.

    A block that is no YAML mapping (a page opening with a "---" rule) gives no fields and stays in the page."""
    found = FRONT_MATTER.match(raw)
    if found is None:
        return {}, raw
    try:
        data = yaml.safe_load(found.group("yaml"))
    except yaml.YAMLError:
        return {}, raw
    if not isinstance(data, dict):
        return {}, raw
    keys = {str(k).strip().lower(): v for k, v in data.items()}
    fields = {}
    for field, names in FRONT_MATTER_KEYS.items():
        value = next((v for name in names if (v := _front_value(keys.get(name))) is not None), None)
        if value is not None:
            fields[field] = value
    if fields.get("url") and "://" not in fields["url"]:
        del fields["url"]  # "source: Reuters" names a source, not an address
    if not fields:
        return {}, raw
    return fields, raw[found.end():]


def _front_page(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in ("http", "https") and parts.netloc and parts.path in ("", "/") and not parts.query)


def _inline(text: str) -> str:
    text = IMAGE.sub(lambda m: m.group("alt"), text)
    text = LINK.sub(lambda m: m.group("text"), text)
    text = STRONG.sub(lambda m: m.group("text"), text)
    text = EMPHASIS.sub(lambda m: m.group("a") or m.group("b"), text)
    return CODE.sub(r"\1", text)


def read_markdown(raw: str) -> MarkdownReading:
    """Return the page's text as a reader sees it, the image lines and captions left out, and its site name."""
    fields, raw = read_front_matter(raw)
    out: list[str] = []
    removed: list[tuple[str, str]] = []
    sitename = fields.get("sitename")
    after_image = False
    seen_text = 0
    for line in raw.splitlines():
        flat = line.strip()
        if not flat:
            out.append("")
            continue
        if (image := IMAGE_LINE.match(flat)) is not None:
            removed.append((image.group("alt").strip() or flat, "caption"))
            after_image = True
            continue
        if after_image and (italic := ITALIC_LINE.match(flat)) is not None:
            removed.append(((italic.group("a") or italic.group("b")).strip(), "caption"))
            after_image = False
            continue
        after_image = False
        if sitename is None and seen_text < 3:
            # the masthead: a link to the site's front page among the page's first lines
            for found in LINK.finditer(flat):
                if _front_page(found.group("url")) and not IMAGE.search(found.group("text")):
                    sitename = " ".join(_inline(found.group("text")).split()) or None
                    break
        seen_text += 1
        if (heading := HEADING.match(flat)) is not None:
            flat = heading.group("text")
        flat = QUOTE.sub("", flat)
        out.append(_inline(flat))
    return MarkdownReading(
        "\n".join(out), removed, sitename, fields.get("title"), fields.get("url"), fields.get("author"), fields.get("published")
    )
