"""Reader comments in plain text: find where the section starts and split it into entries.

An entry opens with a short "handle + date/time" line ("jdoe 10 July 2020, 09:53",
"jdoe · 2 hours ago", "Jane says: March 3, 2021 at 4:12 pm") or a handle line
followed by a date line; the lines after it, up to the next opening, are its text.
Where the page prints no times at all, a section in which short handle lines ("Lena_P",
"Paulette V.", "Marek from Porvenza") alternate with longer text lines is split at the handles.
Buttons and counters ("Reply", "12 likes") belong to the section but not to any text.
"""

from __future__ import annotations

import re

from newsprism.clean.metadata import DATE_RE, RELATIVE_RE, find_date, resolve_relative
from newsprism.clean.patterns import avatar_words_re, comment_header_re, comment_labels, match_clutter
from newsprism.models import Comment

SAYS_RE = re.compile(r"^(?P<who>.{1,60}?)\s+(?:says|said|wrote|writes|replied)\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
HANDLE_RE = re.compile(r"^@?[\w.\-' ]{1,40}$", re.UNICODE)
SEPARATORS = " ,|·•-–—@:"
# A commenter's handle opening the line, then a colon and the comment: the handle is one token
# shaped like a user name (an underscore, a digit or a capital inside it: "Lyn_C", "TruthSeeker88"),
# so "Note: ..." or "PS: ..." inside a comment stays its text.
HANDLE_COLON_RE = re.compile(r"^(?P<who>@?(?=[\w.'-]*(?:_|\d|[a-z][A-Z]))[\w.'-]{2,30}):\s+(?P<rest>\S.*)$")
# A handle all in lower case ("quietharbour: The ferry ..."): a sentence never opens in lower case, so
# only the words a reader writes before a colon inside a comment ("edit:", "ps:", data/clean/comment_labels.txt) stay text.
LOWER_HANDLE_COLON_RE = re.compile(r"^(?P<who>@?[a-z][a-z\d.'-]{2,29}):\s+(?P<rest>\S.*)$")
# A listener's or reader's message as broadcasters print them: a first name and where they write
# from, then a colon ("Grete from Hallin: ...", "Ola in Varrow: ...", "Ola, Varrow: ..."); read only
# inside a comment section, where a name and a place before a colon open a message, not a sentence.
FROM_PLACE_COLON_RE = re.compile(
    r"^(?P<who>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?: (?:from|in|of) |, )[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}):\s+(?P<rest>\S.*)$"
)
# The rest of a reply's header: "Jane replied to Tom_K" / "Jane replied to Tom_K: I disagree".
REPLY_TO_RE = re.compile(r"^to\s+@?(?P<whom>[\w.\-'’]+(?: [\w.\-'’]+){0,3})\s*(?:$|:\s*(?P<text>.*)$)")
# A handle alone on its line: up to four words of name characters, no sentence end; a final full
# stop only after an initial ("Paulette V.", "J. Okonkwo-Reyes").
BARE_HANDLE_RE = re.compile(r"^@?(?=[^\d\W]|\d+[^\d\W])[\w.\-'’]+(?: [\w.\-'’]+){0,3}$")
INITIAL_END_RE = re.compile(r"(?:^|[\s.])[A-Z]\.$")
# A user name, not a word of a sentence: an underscore, a digit or a capital inside the token.
USER_NAME_RE = re.compile(r"^@?(?=[\w.'-]*(?:_|\d|[a-z][A-Z]))[\w.'-]{2,30}$")
# The count a header gives: "Comments (3)", "3 comments", "Reader comments 12".
HEADER_COUNT_RE = re.compile(r"\(\s*(\d+)\b|^\s*(\d+)\s|\b(\d+)\s*$")
# A first name and an initial, or an initial and a surname, before a colon or a dash ("Marta K: ...", "Ines R.: ...",
# "T. Berring: ...", "Tor H. - ..."), read only inside a comment section, as the name-and-place form above;
# what follows opens with a capital or a digit: "Plan B: we move the cars" is a reader's own sentence.
NAME_INITIAL_COLON_RE = re.compile(
    r"^(?P<who>[A-Z][a-z][\w'’-]* [A-Z]\.?|[A-Z]\. ?[A-Z][a-z][\w'’-]*)(?::|\s+[-–—])\s+(?P<rest>[^\s\w]*[^\W_a-z].*)$"
)
# A reader's handle or full name, a spaced dash, then the comment ("bob_k — Nonsense", "Gerd Baumhauer – The
# director ..."), as a Markdown save prints "**handle** — text" once its bold is gone; read only inside a comment
# section; a one-word name must be shaped as a user name (USER_NAME_RE), so "Honestly — this ..." is a reader's text.
NAME_DASH_RE = re.compile(
    r"^(?P<who>@?[\w.'-]{2,30}|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) [-–—] (?P<rest>[^\s\w]*[^\W_a-z].*)$"
)
# Page parts that can follow a comment section and are not anyone's comment.
PAGE_FOOTER = {"copyright", "newsletter", "cookie", "subscription", "navigation", "advert", "tags", "blurb", "share"}


def is_comment_header(line: str) -> bool:
    """Return True if `line` opens a reader-comment section ("Comments 7", "Comments (3)", ...)."""
    return bool(comment_header_re().fullmatch(line.strip()))


def header_count(line: str) -> int | None:
    """The number of comments a section header announces ("Comments (3)" -> 3), or None."""
    if not is_comment_header(line):
        return None
    match = HEADER_COUNT_RE.search(line.strip())
    return int(next(g for g in match.groups() if g)) if match else None


def _clean_author(text: str) -> str | None:
    text = text.strip(SEPARATORS + " ")
    text = re.sub(r"\s+(?:on|at|posted|replied)$", "", text, flags=re.I).strip(SEPARATORS)
    text = avatar_words_re().sub("", text).strip(SEPARATORS)
    return text or None


def read_entry_opening(line: str, captured: str | None = None) -> tuple[bool, str | None, str | None, str]:
    """Return (is_opening, author, posted ISO or None, text on the same line) for one line.

    A relative time ("2 hours ago") is counted back from `captured`, when the page was saved."""
    stripped = line.strip()
    says = SAYS_RE.match(stripped)
    if says and len(says.group("who").split()) <= 4 and _says_opens(stripped, says):
        rest = says.group("rest")
        iso, match = find_date(rest)
        text = rest
        reply = REPLY_TO_RE.match(rest)
        if reply:
            text = reply.group("text") or ""
        elif match and match.start() <= 3:
            text = rest[match.end():]
        elif RELATIVE_RE.match(rest):
            text = RELATIVE_RE.sub("", rest, count=1)
            iso = resolve_relative(RELATIVE_RE.match(rest).group(0), captured)
        return True, _clean_author(says.group("who")), iso, text.strip(SEPARATORS)
    handle = HANDLE_COLON_RE.match(stripped)
    if handle is None and stripped[:1].islower() and ":" in stripped[:31]:
        handle = LOWER_HANDLE_COLON_RE.match(stripped)
        handle = handle if handle and handle.group("who").lstrip("@").rstrip(".") not in comment_labels() else None
    if handle is None and ":" in stripped[:50]:
        handle = FROM_PLACE_COLON_RE.match(stripped) or NAME_INITIAL_COLON_RE.match(stripped)
    elif handle is None and any(dash in stripped[:40] for dash in (" - ", " – ", " — ")):
        handle = NAME_INITIAL_COLON_RE.match(stripped)
        if handle is None and (dashed := NAME_DASH_RE.match(stripped)) is not None:
            who = dashed.group("who")
            handle = dashed if " " in who or USER_NAME_RE.match(who) else None
    if handle:  # "Lyn_C: Fell was the best player": a handle (underscore, digit or inner capital) and a colon
        return True, handle.group("who").lstrip("@"), None, handle.group("rest").strip()
    iso, match = find_date(stripped)
    if match is not None:
        before, after = stripped[: match.start()], stripped[match.end():].strip(SEPARATORS)
        if after or not before.strip(SEPARATORS):
            return False, None, None, ""
        if len(before.split()) <= 5 and HANDLE_RE.match(before.strip(SEPARATORS) or "x"):
            return True, _clean_author(before), iso, ""
        return False, None, None, ""
    relative = RELATIVE_RE.search(stripped)
    if relative and not stripped[relative.end():].strip(SEPARATORS):
        before = stripped[: relative.start()]
        if before.strip(SEPARATORS) and len(before.split()) <= 5 and HANDLE_RE.match(before.strip(SEPARATORS)):
            return True, _clean_author(before), resolve_relative(relative.group(0), captured), ""
    return False, None, None, ""


def _says_opens(line: str, says: re.Match) -> bool:
    """Return True if a "<who> says" line opens an entry rather than being a comment's own sentence.

    An entry's header ends at the verb ("Theo says:", "Theo says") or puts a colon or the time after
    it ("Jane says: ...", "Jane says March 3, 2021 at 4:12 pm") or names whom it answers ("Jane replied
    to Tom_K"); "My cousin says 50 people have died"
    goes on into the sentence, so it is what the commenter wrote, not who wrote it.
    """
    rest = says.group("rest")
    if not rest or ":" in line[says.start("rest") - 2: says.start("rest")] or REPLY_TO_RE.match(rest):
        return True
    _, match = find_date(rest)
    return bool(match is not None and match.start() <= 3 or RELATIVE_RE.match(rest))


def _bare_handle(line: str) -> bool:
    """Return True if a line is shaped like a commenter's handle printed alone on its line."""
    if len(line) > 40 or not BARE_HANDLE_RE.match(line):
        return False
    return not line.endswith(".") or bool(INITIAL_END_RE.search(line))


def alternating_handles(lines: list[str], count: int | None = None, captured: str | None = None) -> set[int]:
    """Return the indexes of handle lines in a section where each comment is a handle line, then text.

    Used only where no line of the section opens an entry otherwise (no "says", no time, no
    "handle:"): the first line is a handle, every handle is followed by at least one text line
    (a line that is no handle: longer, or ending a sentence), and there are at least two such
    entries, or one whose handle is a user name ("bob_k") or which the header's `count` confirms.
    Buttons, counters and the page's footer lines are left out of the pattern, as in `split_comments`.
    """
    shape: list[tuple[int, bool]] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        reason = match_clutter(stripped, len(stripped.split()))
        if reason == "teaser_list":
            break
        if reason in PAGE_FOOTER | {"comment_ui"}:
            continue
        if read_entry_opening(stripped, captured)[0] or _is_date_only(stripped, captured)[0]:
            return set()
        shape.append((i, _bare_handle(stripped)))
    # the line right under a handle is that reader's text, even when it is as short as a handle
    # ("Shut them down"): a one-line comment, so the line after it must be the next handle or the end
    for k in range(1, len(shape)):
        if shape[k][1] and shape[k - 1][1] and (k + 1 == len(shape) or shape[k + 1][1]):
            shape[k] = (shape[k][0], False)
    flags = [flag for _, flag in shape]
    if not flags or not flags[0] or flags[-1] or any(a and b for a, b in zip(flags, flags[1:])):
        return set()
    handles = {i for i, flag in shape if flag}
    if count != len(handles) and not any(not flag and not _bare_handle(lines[i].strip()) for i, flag in shape):
        return set()  # every line shaped as a handle, and no count to confirm them: nothing says which are the readers' words
    if len(handles) >= 2 or count == 1 or USER_NAME_RE.match(lines[min(handles)].strip()):
        return handles
    return set()


def find_headerless_start(lines: list[str]) -> int | None:
    """Return where a comment section without a header starts, or None.

    Needs at least two entry openings of the strict kinds ("name says:" alone on
    its line, or a handle followed by a date and time) so that a body sentence
    such as 'Jones says: "..."' never starts one.
    """
    openings = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        says = SAYS_RE.match(stripped)
        if says and not says.group("rest") and len(says.group("who").split()) <= 4:
            openings.append(i)
            continue
        opening, _, posted, text = read_entry_opening(stripped)
        if opening and not text and (posted or RELATIVE_RE.search(stripped)):
            openings.append(i)
    return openings[0] if len(openings) >= 2 else None


def _is_date_only(line: str, captured: str | None = None) -> tuple[bool, str | None]:
    stripped = line.strip()
    match = DATE_RE.search(stripped)
    if match and not (stripped[: match.start()] + stripped[match.end():]).strip(SEPARATORS):
        return True, find_date(stripped)[0]
    relative = RELATIVE_RE.search(stripped)
    if relative and not (stripped[: relative.start()] + stripped[relative.end():]).strip(SEPARATORS):
        return True, resolve_relative(relative.group(0), captured)
    return False, None


def split_comments(
    lines: list[str], bare_handles: bool = False, captured: str | None = None, count: int | None = None
) -> tuple[list[Comment], list[int]]:
    """Split a comment section's lines (header excluded) into comments.

    With `bare_handles` (comments flattened out of HTML), a one-word line with no
    punctuation followed by a longer line is taken as the next commenter's handle. A section
    with no times where handle lines alternate with text lines is split at the handles
    (`alternating_handles`; `count`, the number the header announces, if known). A relative
    time ("3 min ago") is counted back from `captured`, when the page was saved, if known.
    Returns the comments and, for each line, the index of the comment it went
    into (-1 for buttons, counters and lines before the first entry).
    """
    comments: list[dict] = []
    owner = [-1] * len(lines)
    handles = alternating_handles(lines, count, captured)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if i in handles:
            opening, author, posted, same_line_text = True, line.strip().lstrip("@"), None, ""
        else:
            opening, author, posted, same_line_text = read_entry_opening(line, captured)
        if not opening and len(line.split()) <= 4 and HANDLE_RE.match(line.strip()):
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if nxt is not None:
                date_only, iso = _is_date_only(lines[nxt], captured)
                if date_only:
                    comments.append({"author": _clean_author(line), "posted": iso, "text": []})
                    owner[i] = owner[nxt] = len(comments) - 1
                    i = nxt + 1
                    continue
        if not opening and bare_handles and re.fullmatch(r"@?[\w.\-]{2,30}", line.strip()):
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if nxt is not None and len(lines[nxt].split()) > 1:
                opening, author, posted, same_line_text = True, line.strip().lstrip("@"), None, ""
        if opening:
            comments.append({"author": author, "posted": posted, "text": [same_line_text] if same_line_text else []})
            owner[i] = len(comments) - 1
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if posted is None and not same_line_text and nxt is not None:
                date_only, iso = _is_date_only(lines[nxt], captured)
                if date_only:  # "Jane says:" then the date on its own line
                    comments[-1]["posted"] = iso
                    owner[nxt] = len(comments) - 1
                    i = nxt + 1
                    continue
        elif (reason := match_clutter(line.strip(), len(line.split()))) == "teaser_list" and comments:
            break  # "Most read" under the last comment: the page's list of other stories, no one's words
        elif reason in PAGE_FOOTER | {"comment_ui"}:
            pass
        elif comments:
            comments[-1]["text"].append(line.strip())
            owner[i] = len(comments) - 1
        else:
            # text before any recognisable opening: an entry without handle or date
            comments.append({"author": None, "posted": None, "text": [line.strip()]})
            owner[i] = len(comments) - 1
        i += 1
    result = [Comment(author=c["author"], posted=c["posted"], text="\n".join(c["text"]).strip()) for c in comments]
    keep = [k for k, c in enumerate(result) if c.text or c.author]
    remap = {old: new for new, old in enumerate(keep)}
    return [result[k] for k in keep], [remap.get(o, -1) for o in owner]
