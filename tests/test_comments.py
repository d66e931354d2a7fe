"""Reader comments in plain-text pages (newsprism.clean.comments): where entries open, who wrote them.

All pages are invented: outlets, places, people and handles."""

from __future__ import annotations

from newsprism.clean import clean_article
from newsprism.clean.comments import header_count, split_comments
from newsprism.models import Article, content_id

PAGE_TOP = (
    "Harrowgate Courier\n"
    "Home | News | Sport | Weather\n\n"
    "Flood barrier fails at Lenmoor weir\n\n"
    "By Tamsin Oreby\n"
    "9 March 2034\n\n"
    "The flood barrier at Lenmoor weir gave way on Sunday night and water reached forty homes in the lower town, the county council said.\n\n"
    "Engineers had inspected the barrier in January and found no fault, a council spokesman said.\n\n"
)


def clean_text(raw: str):
    return clean_article(Article(id=content_id(raw), source_path="test", raw=raw, format="text"))


def test_handle_lines_without_times_open_one_comment_each():
    """'Comments (3)', then a handle line and a text line three times, no time anywhere: three comments,
    each authored by its handle line, whatever the handle's shape (user name, initial, 'name from place')."""
    raw = PAGE_TOP + (
        "Comments (3)\n\n"
        "riverwatch_22\n"
        "The weir has leaked every winter since the new road was built.\n\n"
        "Odile K.\n"
        "My neighbour says 200 homes were flooded and the council is hiding it.\n\n"
        "Brannock from Esterby\n"
        "Third flood in two years. Nobody listens.\n\n"
        "© 2034 Harrowgate Courier Ltd\n"
    )
    clean = clean_text(raw)
    assert [(c.author, c.text) for c in clean.comments] == [
        ("riverwatch_22", "The weir has leaked every winter since the new road was built."),
        ("Odile K.", "My neighbour says 200 homes were flooded and the council is hiding it."),
        ("Brannock from Esterby", "Third flood in two years. Nobody listens."),
    ]
    assert "riverwatch_22" not in clean.text and "200 homes" not in clean.text and "Nobody listens" not in clean.text
    assert clean.text.endswith("a council spokesman said.")


def test_handle_lines_on_consecutive_lines_with_buttons_between():
    """The same layout printed without blank lines and with reply buttons and like counters under each text."""
    raw = PAGE_TOP + (
        "Reader comments (2)\n"
        "J. Ferreira-Lund\n"
        "The pumps at the station were switched off on Saturday, I saw it.\n"
        "Reply\n"
        "4 likes\n"
        "saltmarsh\n"
        "Good reporting, thank you.\n"
        "Reply\n"
    )
    comments = clean_text(raw).comments
    assert [(c.author, c.text) for c in comments] == [
        ("J. Ferreira-Lund", "The pumps at the station were switched off on Saturday, I saw it."),
        ("saltmarsh", "Good reporting, thank you."),
    ]


def test_a_says_sentence_inside_a_comment_opens_no_entry():
    """'My cousin says 50 people ...' is what a commenter wrote: it stays in the comment, not a comment by 'My cousin'.
    'Theo says:' alone on its line still opens one."""
    raw = PAGE_TOP + (
        "Comments\n"
        "Theo says:\n"
        "We moved the car up the hill just in time.\n"
        "My cousin says the water was a metre deep on Quarry Lane.\n"
        "wanderlen says:\n"
        "Thanks for the update.\n"
    )
    comments = clean_text(raw).comments
    assert [c.author for c in comments] == ["Theo", "wanderlen"]
    assert comments[0].text.endswith("a metre deep on Quarry Lane.")


def test_anonymous_comments_without_handles_stay_one_entry_per_layout_as_before():
    """Comment paragraphs with no handle line at all are not split at a short line inside them."""
    lines = [
        "The barrier was never finished properly.",
        "Shameful",
        "Someone should answer for this before the next storm comes.",
    ]
    comments, owners = split_comments(lines)
    assert [c.author for c in comments] == [None]
    assert comments[0].text == "\n".join(lines)


def test_a_short_first_line_alone_is_no_handle_unless_it_is_a_user_name_or_the_header_counts_one():
    """One entry 'short line, then text' is a comment by that handle only when the short line is a user name
    (a digit, an underscore, an inner capital) or the header announced exactly one comment."""
    text = "The council knew about the cracks for years."
    assert [c.author for c in split_comments(["Quiet again", text])[0]] == [None]
    assert [c.author for c in split_comments(["floodwatch77", text])[0]] == ["floodwatch77"]
    assert [c.author for c in split_comments(["Ines Marrow", text], count=1)[0]] == ["Ines Marrow"]


def test_header_count():
    assert header_count("Comments (3)") == 3
    assert header_count("Reader comments (12)") == 12
    assert header_count("Comments") is None
    assert header_count("Flood barrier fails (3)") is None  # no comment header


def test_handle_and_colon_lines_keep_a_said_inside_the_text_and_a_name_with_an_initial_opens_one():
    """'Kestrel9: About time someone said it.' is Kestrel9's comment (the 'said' is in the text, no header);
    'Ilka V: ...' and 'D. Ostrander: ...' open the next ones, as a user name before a colon does."""
    raw = PAGE_TOP + (
        "Comments (31)\nKestrel9: About time someone said it.\nIlka V: The headline is unfair to the engineers.\n"
        "D. Ostrander: Good work by the river wardens.\n"
    )
    comments = clean_text(raw).comments
    assert [(c.author, c.text) for c in comments] == [
        ("Kestrel9", "About time someone said it."),
        ("Ilka V", "The headline is unfair to the engineers."),
        ("D. Ostrander", "Good work by the river wardens."),
    ]


def test_a_reply_header_names_whom_it_answers_and_opens_an_entry():
    """'Odile K. replied to riverwatch_22' opens a reply by Odile K.; the words after the colon are its text."""
    raw = PAGE_TOP + (
        "Comments\n"
        "riverwatch_22 says:\n"
        "The weir has leaked every winter.\n"
        "Odile K. replied to riverwatch_22\n"
        "Not this badly, it hasn't.\n"
        "Brannock replied to Odile K.: Agreed, never like this.\n"
    )
    comments = clean_text(raw).comments
    assert [(c.author, c.text) for c in comments] == [
        ("riverwatch_22", "The weir has leaked every winter."),
        ("Odile K.", "Not this badly, it hasn't."),
        ("Brannock", "Agreed, never like this."),
    ]


def test_handle_or_name_then_a_dash_opens_a_comment():
    """A Markdown save prints its comments as "**handle** — text"; once the bold is gone each line is a
    handle or a reader's full name, a spaced dash and the comment: one comment each, with its author."""
    raw = PAGE_TOP + (
        "Comments (3)\n\n"
        "weirwatcher_9 — The barrier was never finished, everyone knows that.\n\n"
        "Hedda Lomberg — The council sold the sandbags last year.\n\n"
        "Honestly — Nobody listens to us down here.\n"
    )
    clean = clean_text(raw)
    assert [(c.author, c.text) for c in clean.comments] == [
        ("weirwatcher_9", "The barrier was never finished, everyone knows that."),
        ("Hedda Lomberg", "The council sold the sandbags last year.\nHonestly — Nobody listens to us down here."),
    ]
