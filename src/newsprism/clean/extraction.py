"""Main text: trafilatura's extraction cascade (pinned 2.3.1), comments off, with faster equivalents of three selections.

`extraction_sequence` is `trafilatura.core.trafilatura_sequence` for the options clean uses
(comments off, balanced focus, not fast), step for step, except:

1. the two raw-tree prunes (follow-up articles in infinite-scroll containers, comment
   containers) select their elements with a C-level tag filter and Python's `re` on the
   `id` / `class` values, not with trafilatura's XPaths, whose EXSLT `re:test` calls back
   into Python for every div, section, list and aside of the page (about a tenth of
   trafilatura's time on ScrapingHub). The selected elements, in document order, are the same;
2. the recall escalation compares the extraction's length with a cheap upper bound of the
   page's text length first, and reads the page's text as trafilatura's `html2txt` does only
   when the bound cannot decide; the parts html2txt deletes first are selected in Python too
   (its BASIC_CLEAN_XPATH calls back into Python twice for every element of the page).

The output is trafilatura's on every page of both HTML benchmarks (1,171 pages; tests check
the selections and the text against trafilatura's own on invented pages).

trafilatura's own module-level objects are left alone, so `trafilatura.extract` in the same
process (the benchmarks run both) is not sped up by this module.
"""

from __future__ import annotations

import logging
import re
from copy import copy
from functools import lru_cache

LOGGER = logging.getLogger(__name__)

# The raw-tree prune selectors, as trafilatura.xpaths (2.3.1) writes them:
# RAW_TREE_PRUNE_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH. lxml's re:test(@attr, pattern) is
# re.search(pattern, value of the attribute or "").
_FOLLOW_UP_TAGS = ("div", "section", "aside")
_FOLLOW_UP_ANY = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_FOLLOW_UP_BOX = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")
_COMMENT_ID_RE = re.compile(rf"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID_RE = re.compile(rf"^(?:{_COMMENTS_ID})")
_COMMENT_CLASS_RE = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def follow_up_containers(tree) -> list:
    """Return what trafilatura's first RAW_TREE_PRUNE_XPATH selects: "mvp-post-add" boxes, and
    infinite-scroll containers that hold no h1 (one that does holds the page's own article)."""
    found = []
    for element in tree.iterdescendants(*_FOLLOW_UP_TAGS):
        ident, classes = element.get("id") or "", element.get("class") or ""
        if (_FOLLOW_UP_ANY.search(ident) or _FOLLOW_UP_ANY.search(classes)) and (
            element.find(".//h1") is None or _FOLLOW_UP_BOX.search(ident) or _FOLLOW_UP_BOX.search(classes)
        ):
            found.append(element)
    return found


def share_button_boxes(tree) -> list:
    """Return what trafilatura's second RAW_TREE_PRUNE_XPATH selects (Elementor share buttons)."""
    return [e for e in tree.iterdescendants(*_FOLLOW_UP_TAGS) if "elementor-share-buttons" in (e.get("class") or "")]


def comment_containers(tree) -> list:
    """Return what trafilatura's REMOVE_COMMENTS_AND_LISTS_XPATH selects: comment containers,
    and ol/ul lists only by a comment id or class (not by the disqus ids)."""
    found = []
    for element in tree.iterdescendants(*_COMMENT_TAGS):
        ident, classes = element.get("id") or "", element.get("class") or ""
        by_class = _COMMENT_CLASS_RE.search(classes)
        if not (by_class or _COMMENT_ID_RE.search(ident)):
            continue
        if element.tag in ("ol", "ul") and not (by_class or _COMMENT_LIST_ID_RE.search(ident)):
            continue
        found.append(element)
    return found


# What trafilatura's BASIC_CLEAN_XPATH (settings.py, 2.3.1) deletes before html2txt reads a page's text.
_BASIC_CLEAN_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


@lru_cache(maxsize=1)
def _cookie_consent_re() -> re.Pattern:
    from trafilatura.settings import _COOKIE_CONSENT_RE  # pinned 2.3.1: the pattern BASIC_CLEAN_XPATH tests

    return re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)


def _is_cookie_consent(value: str) -> bool:
    """Return whether trafilatura's cookie-consent pattern matches a class or id, case-insensitively.

    Every alternative of the pattern holds one of the words below, so an ASCII value without
    any of them cannot match: a gate several times cheaper than the regex, tried on every class and id.
    """
    lower = value.lower()
    if value.isascii() and not (
        "cookie" in lower or "consent" in lower or "borlabs" in lower or "cmplz" in lower or "onetrust" in lower or "moove" in lower
    ):
        return False
    return _cookie_consent_re().search(value) is not None


def basic_clean_targets(tree) -> list:
    """Return what trafilatura's BASIC_CLEAN_XPATH selects under `tree`, in document order.

    `contains(@class|@id, 'footer')` reads whichever of the two attributes the element
    states first, as XPath takes the first attribute in document order.
    """
    found = []
    for element in tree.iterdescendants():
        tag = element.tag
        if tag in _BASIC_CLEAN_TAGS:
            found.append(element)
            continue
        classes, ident = element.get("class"), element.get("id")
        if classes is None and ident is None or not isinstance(tag, str):
            continue
        if tag == "div" and "footer" in next(value for name, value in element.items() if name in ("class", "id")):
            found.append(element)
        elif (classes and _is_cookie_consent(classes)) or (ident and _is_cookie_consent(ident)):
            found.append(element)
    return found


def page_text(tree) -> str:
    """Return `trafilatura.baseline.html2txt(tree)` (pinned 2.3.1), its parts to delete selected as
    `basic_clean_targets` does, not by BASIC_CLEAN_XPATH's two Python callbacks per element."""
    from trafilatura.baseline import _spaced_text  # pinned 2.3.1: html2txt's last step
    from trafilatura.xml import delete_element

    tree = copy(tree)  # the steps below modify the tree
    body = tree.find(".//body")
    if body is None:
        body = tree
    for element in basic_clean_targets(body):
        delete_element(element)
    return _spaced_text(body)


def page_text_length_bound(tree) -> int:
    """Return an upper bound of `len(page_text(tree))`, from C-level lxml calls.

    html2txt deletes scripts, styles and other parts from the body, pads each text and tail
    of a block element with one space and collapses whitespace: its length is at most the
    body's text less the scripts' and styles' own text, plus two per block element.
    """
    from trafilatura.baseline import _BLOCK_ELEMS  # pinned 2.3.1: the blocks html2txt pads

    body = tree.find(".//body")
    if body is None:
        body = tree
    removed = sum(len(element.text or "") for element in body.iter("script", "style"))
    blocks = sum(1 for _ in body.iter(*_BLOCK_ELEMS))
    return len(body.text_content()) - removed + 2 * blocks


def covers_little_of_page(length: int, tree) -> bool:
    """Return trafilatura's escalation test `length < ESCALATION_PAGE_SHARE * len(html2txt(tree))`,
    reading the page's text only when the upper bound of its length does not already say no."""
    from trafilatura.core import ESCALATION_PAGE_SHARE

    return length < ESCALATION_PAGE_SHARE * page_text_length_bound(tree) and length < ESCALATION_PAGE_SHARE * len(page_text(tree))


def extraction_sequence(tree, options, url: str | None = None):
    """Return (body element, its text) as `trafilatura_sequence(tree, options, url)` does with comments off.

    `options` must have comments off, balanced focus; `tree` is pruned in place, as there.
    """
    from trafilatura.baseline import baseline
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_JUSTEXT_RATIO,
        ESCALATION_MAX_LENGTH,
        _extract_and_compare,
        _forum_thread_page,
        _prepare_tree,
        _recall_retry,
    )
    from trafilatura.external import justext_rescue
    from trafilatura.htmlprocessing import prune_unwanted_nodes

    if options.comments or options.focus != "balanced":
        raise NotImplementedError("extraction_sequence follows trafilatura_sequence for comments off, balanced focus only")
    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, [follow_up_containers, share_button_boxes])
    if not is_forum:
        tree = prune_unwanted_nodes(tree, [comment_containers])
    cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, url)

    postbody, temp_text = _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)

    # 3. rescue: baseline on the original tree, accepted only if it adds text
    if len(temp_text) < options.min_extracted_size:
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text

    # 4. recall escalation, for a short extraction covering little of the page
    if 0 < len(temp_text) < ESCALATION_MAX_LENGTH and covers_little_of_page(len(temp_text), tree):
        r_options = copy(options)
        r_options.focus = "recall"
        r_text = ""
        try:
            r_body, r_text = _recall_retry(tree, r_options, url)
        except Exception as err:  # noqa: BLE001 - as trafilatura: a failed retry keeps the first extraction
            LOGGER.warning("recall retry failed: %s %s", err, url)
        j_text = ""
        if not options.fast:
            try:
                j_body, j_text = justext_rescue(copy(tree), options)
            except Exception as err:  # noqa: BLE001 - as trafilatura: a failed justext candidate is ignored
                LOGGER.warning("justext candidate failed: %s %s", err, url)
        len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
        if j_len > r_len and j_len > ESCALATION_JUSTEXT_RATIO * len_text:
            postbody, temp_text = j_body, j_text
        elif r_len >= options.min_extracted_size and r_len > ESCALATION_ACCEPT_RATIO * len_text:
            postbody, temp_text = r_body, r_text
    return postbody, temp_text
