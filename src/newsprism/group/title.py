"""Title: [CleanArticle] of one story -> the story's title.

A story is named by the headline whose words its other members' leads use most
(the one that says what most reports say), in sentence case when one is, never
by one in capitals: a tabloid's shouted headline ("SCANDAL AT CITY HALL: ...")
is one outlet's framing, a kicker ("Live: ...", "Analysis: ...") the page's format (dropped
when only such headlines are left), a quoted remark one speaker's words, a report
whose first sentence credits its own outlet ("seen by the Herald") its own angle. When every headline
shouts, the most representative one is set in sentence case, each word cased as its own
article writes it.
"""

from __future__ import annotations

import re
from collections import Counter

from newsprism.group.fingerprint import lead_text, not_names
from newsprism.models import CleanArticle

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][\w’'-]*")
SHOUTING_SHARE = 0.6
"""A headline shouts when more than this share of its letters are capitals (and it has at least `SHOUTING_LETTERS`)."""
SHOUTING_LETTERS = 8
TITLE_CASE_LETTERS = 4
TITLE_CASE_WORDS = 3
"""A headline is in title case when it has `TITLE_CASE_WORDS` or more words of `TITLE_CASE_LETTERS` or more letters, each capitalised."""
UNTITLED_CHARS = 80


def is_shouting(headline: str) -> bool:
    """Return whether the headline is set in capitals (most of its letters upper case)."""
    letters = [c for c in headline if c.isalpha()]
    return len(letters) >= SHOUTING_LETTERS and sum(c.isupper() for c in letters) > SHOUTING_SHARE * len(letters)


def is_title_case(headline: str) -> bool:
    """Return whether the headline capitalises every longer word ("Mayor Opens New Bridge"), house style of some outlets, not sentence case."""
    longer = [w for w in _WORD.findall(headline) if len(w) >= TITLE_CASE_LETTERS and w[:1].isalpha()]
    return len(longer) >= TITLE_CASE_WORDS and all(w[:1].isupper() for w in longer)


def headline_words(headline: str, lang: str = "en") -> frozenset[str]:
    """Return the headline's telling words, lower case, without function words and a plural or verb's final 's'."""
    ignore = not_names(lang)
    words = (re.sub(r"[’']s$", "", w.lower()) for w in _WORD.findall(headline))
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words if w not in ignore)


def sentence_case(headline: str, text: str) -> str:
    """Return a headline in capitals re-cased: each word as the article's text most often writes it, else lower case; the first word capitalised."""
    casing = Counter(_WORD.findall(text))
    by_lower: dict[str, str] = {}
    for word, _ in casing.most_common():
        by_lower.setdefault(word.lower(), word)

    def recase(match: re.Match) -> str:
        word = match.group()
        return by_lower.get(word.lower(), word.lower())

    cased = _WORD.sub(recase, headline)
    first = next((i for i, c in enumerate(cased) if c.isalpha()), None)
    return cased if first is None else cased[:first] + cased[first].upper() + cased[first + 1 :]


QUOTE_MARKS = re.compile(r'["“”«»„]')
KICKER_RE = re.compile(r"^([^:]{1,30}):\s*(\S.*)$")


def kicker(headline: str) -> str | None:
    """Return the kicker a headline opens with ("Live", "Live updates", "Analysis": section words of
    data/clean/masthead_words.txt before a colon), or None: it tells the page's format, not the event."""
    from newsprism.clean.patterns import masthead_words

    match = KICKER_RE.match(headline.strip())
    words = re.findall(r"[^\W\d_]+", match.group(1).lower()) if match else []
    return match.group(1) if words and all(w in masthead_words()[1] for w in words) else None


def without_kicker(headline: str) -> str:
    """Return the headline without its kicker ("Live: Storm closes port" -> "Storm closes port")."""
    return KICKER_RE.match(headline.strip()).group(2) if kicker(headline) else headline.strip()


def sources_itself(article: CleanArticle) -> bool:
    """Return whether the article's first sentence credits its own outlet ("in a letter seen by the Kessel
    Herald", "two officials told the Herald", "Radio Ostby understands"): the report leads with what the
    outlet alone has, so its headline names that angle, not the event every outlet reports."""
    from newsprism.group.fingerprint import lead_parts

    name = re.sub(r"^[Tt]he\s+", "", (article.outlet or "").strip())
    parts = lead_parts(article, 1)
    first = parts[-1] if len(parts) > 1 or not article.title else ""
    if not name or not first:
        return False
    words = name.split()
    # the full name, or "the" before its last words ("the Herald"; "Radio Kelby"'s "Kelby" alone may be the town)
    names = [re.escape(name)] + [r"[Tt]he\s+" + re.escape(" ".join(words[i:])) for i in range(1, len(words))]
    return any(re.search(r"(?<![\w(])(?:" + n + r")(?!\w)", first) for n in names)


def story_title(articles: list[CleanArticle]) -> str:
    """Return the story's title (`ranked_titles`' first)."""
    ranked = ranked_titles(articles)
    return ranked[0] if ranked else ""


def ranked_titles(articles: list[CleanArticle]) -> list[str]:
    """Return the story's title: the sentence-case (else title-case, never shouting) headline whose words the other articles' leads use most (ties: the earlier article).

    A headline's score is the share of its telling words found in each other
    article's headline and first sentences, summed: words every report uses
    ("budget", "jobs") raise it, one outlet's own loaded words ("brutal") do not.
    Falls back to the most representative shouted headline in sentence case,
    and to the first article's opening text when no article has a headline.
    """
    titled = [a for a in articles if a.title and a.title.strip()]
    if not titled:
        return [articles[0].text[:UNTITLED_CHARS].strip()] if articles else []
    words = [headline_words(a.title) for a in titled]
    leads = [headline_words(lead_text(a)) for a in articles]

    def closeness(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & lead) / len(words[i]) for a, lead in zip(articles, leads) if a is not titled[i])

    calm = [i for i, a in enumerate(titled) if not is_shouting(a.title)]
    # a live blog's "Live: ..." names its format first; a quoted remark ('Mayor: "we failed"') is one voice's words
    plain = [i for i in calm if not kicker(titled[i].title) and not QUOTE_MARKS.search(titled[i].title)]
    # a report that leads with what its outlet alone was told or shown names its own angle
    plain = [i for i in plain if not sources_itself(titled[i])] or plain
    pool = (
        [i for i in plain if not is_title_case(titled[i].title)] or plain
        or [i for i in calm if not is_title_case(titled[i].title)] or calm or list(range(len(titled)))
    )
    rest = [i for i in range(len(titled)) if i not in pool]
    ranked = sorted(pool, key=lambda i: (-closeness(i), i)) + sorted(rest, key=lambda i: (-closeness(i), i))
    return [
        without_kicker(titled[i].title) if calm and not is_shouting(titled[i].title)
        else sentence_case(without_kicker(titled[i].title), titled[i].text)
        for i in ranked
    ]


TITLE_PARTS = re.compile(r"\s*(?:;|:|\s[—–-]\s|\|)\s*|\s+as\s+")
"""Where a headline joins two statements ("Police clear camp; three dead", "X massacre: order was
signed", "Ostby win cup final as three die in crush")."""
FIGURE_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")


def _figures_in(text: str) -> set[str]:
    """The figures a text writes, digits without separators ("£38m" -> "38") and count words lower-cased ("Three" -> "three")."""
    from newsprism.compare.summary import COUNT_WORD

    found = set()
    for token in FIGURE_TOKEN.findall(text):
        if token[0].isdigit():
            found.add(token.replace(",", ""))
        elif COUNT_WORD.match(token) and token.lower() not in {"hundred", "thousand", "million", "dozen"}:
            found.add(token.lower())
    return found


def neutral_title(title: str, articles: list[CleanArticle], conflicts: list, framing: list, summary: list) -> str:
    """The story's title once the story is compared: its headline (`ranked_titles`, in that order) that
    carries no side of a disputed count (a figure one side of a count conflict gives: "death toll rises
    to 23" beside 23 vs 27 dead) and no label or loaded word one outlet uses and not every one
    (compare.summary.banned_terms, and the loaded words framing found: "militants", "massacre"), or
    a part of it that says something alone ("Police clear camp from X; three dead" -> "Police clear
    camp from X"), the most representative headline first; else the summary's opening sentence (corroborated, neutral by its own rules);
    else `title` as grouping chose it.
    """
    from newsprism.compare.summary import _terms_in, banned_terms

    if not articles:
        return title
    banned = set(banned_terms(articles))
    texts = [" ".join([a.title or "", a.text]).lower() for a in articles]
    for entry in framing:
        term = entry.term.lower()
        if entry.category == "loaded" and entry.voice == "outlet" and not all(re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", t) for t in texts):
            banned.add(term)
    frozen = frozenset(banned)
    disputed = {f for c in conflicts if c.kind == "number" for p in c.positions for f in _figures_in(p.value)}

    def clean(candidate: str) -> bool:
        return bool(candidate) and not _terms_in(candidate, frozen) and not (_figures_in(candidate) & disputed)

    for candidate in ranked_titles(articles) or [title]:
        if clean(candidate):
            return candidate
        for part in TITLE_PARTS.split(candidate):
            part = part.strip(" ,.")
            if len(part.split()) >= 3 and clean(part) and not QUOTE_MARKS.search(part):
                return part[:1].upper() + part[1:]
    lead = next((s.text for s in summary if not s.text.startswith(("Reports ", "Accounts ", "The reported "))), None)
    return lead.rstrip(" .") if lead and clean(lead) else title
