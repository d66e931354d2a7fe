"""Quote speakers on invented text: a document's words are its issuer's, and a quotation opened
by a colon is the clause subject's (issue #5 item 3, session 9 stories U-expulsion, U-outage)."""

from __future__ import annotations

import pytest

from newsprism.models import CleanArticle, StoryGroup, content_id
from newsprism.understand import understand_story


def _speakers(text: str) -> dict[str, str | None]:
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    group = StoryGroup(id="s_test", title="test", article_ids=[article.id])
    return {v.text: v.speaker_text for q in understand_story(group, [article]).quotes for v in q.variants}


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # the note's words are the ministry's, not those of the ambassador it was handed to
        ('The ministry summoned the ambassador, Karl Mender, and handed him a note declaring the four men "persona non grata".',
         "persona non grata", "The ministry"),
        # a tabloid's colon after a verb of no speech: the clause's subject speaks
        ('Velnor boss Martha Lindquist grovelled: "We failed our customers. I am sorry."',
         "We failed our customers. I am sorry.", "Martha Lindquist"),
    ],
)
def test_quote_speakers_issuer_or_colon_clause_subject(text, content, speaker):
    speakers = _speakers(text)
    assert content in speakers
    assert speaker in (speakers[content] or "")


def test_quote_speakers_a_live_blog_time_stamp_is_no_part_of_the_speaker():
    speakers = _speakers("13:05 - Police in several regions say they have put extra patrols on the streets because people cannot call for help.")
    assert [s for s in speakers.values() if s] and all(s is None or s.startswith("Police") for s in speakers.values())


def _speaker_names(text: str) -> dict[str, str | None]:
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    group = StoryGroup(id="s_test", title="test", article_ids=[article.id])
    story = understand_story(group, [article])
    names = {e.id: e.name for e in story.entities}
    return {v.text: names.get(q.speaker_entity_id) for q in story.quotes for v in q.variants}


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # a new speaker introduced in the sentence before the quotation, not the salient one named earlier
        ("The ferry company said the crossing was cancelled. Anneli Voss, who leads the harbour rescue team, said her crews "
         'had done what they could. "The sea gave them no chance," she said. '
         "The town's mayor, Ottilie Weskamp, called for an inquiry into the harbour office. "
         '"Our town has been let down by officials who have never been out on that water," she said.',
         "Our town has been let down by officials who have never been out on that water", "Ottilie Weskamp"),
        # ... while "she said" after a man ("he") named just before still goes to the woman
        ("Anneli Voss, who leads the harbour rescue team, said her crews had done what they could. "
         'Harbour master Piet Larsen said he had closed the quay. "The sea gave them no chance," she said.',
         "The sea gave them no chance", "Anneli Voss"),
    ],
)
def test_quote_speakers_she_said_is_the_woman_named_just_before(text, content, speaker):
    speakers = _speaker_names(text)
    assert content in speakers
    assert speakers[content] == speaker


def test_quote_channel_this_newspaper_is_the_outlet_itself_no_channel():
    text = ('"The ice left them no chance at all," said rescue chief Anneli Voss to this newspaper. '
            '"The wind had dropped overnight," the forecaster Ulla Brantoft told the broadcaster Radio Fjell.')
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    channels = {v.text: v.channel for q in story.quotes for v in q.variants}
    assert channels["The ice left them no chance at all"] is None
    assert channels["The wind had dropped overnight"] == "Radio Fjell"


def test_quote_speakers_the_noun_after_an_unnamed_one_is_that_one_not_the_person_named_before():
    # session 10 U-transfer: "the spokesperson" went to the only person named before, the player
    text = ("Rovan City sold striker Ilko Maras to Dunmere for an initial fee. A Rovan City spokesperson denied that Maras "
            'had refused to train. "Ilko has been a model professional throughout," the spokesperson said.')
    names = _speaker_names(text)
    assert "Ilko has been a model professional throughout" in names
    assert names["Ilko has been a model professional throughout"] is None


def test_quote_speakers_according_to_an_unnamed_source_gives_that_source_its_words():
    # session 10 U-transfer: "according to a source at the club", "a person with knowledge of the deal" gave no quote
    text = ("Rovan City sold striker Ilko Maras to Dunmere for a record fee. Dunmere had a first offer turned down in July, "
            "according to a source at the club. According to a person with knowledge of the deal, Rovan City will receive "
            "15 per cent of any future sale. The fee was the club's highest, according to official figures.")
    speakers = _speakers(text)
    assert speakers.get("Dunmere had a first offer turned down in July") == "a source at the club"
    assert speakers.get("Rovan City will receive 15 per cent of any future sale") == "a person with knowledge of the deal"
    assert not [c for c in speakers if "highest" in c]


def test_quote_channel_according_to_does_not_reach_over_a_semicolon():
    # session 10 N-trawler: "..., according to the union ...; the coast guard said ..." gave the coast guard's
    # remark the union as its channel, and the union's statement the coast guard as speaker
    text = ("Two miners were found dead on Monday and a third is still missing, according to the union that represents "
            "the workers; the fire service said late on Monday that all three were still listed as missing.")
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    records = [(v.text, v.speaker_text, v.channel) for q in story.quotes for v in q.variants]
    assert records and all(channel is None for _, _, channel in records)
    assert all("union" not in content for content, speaker, _ in records if speaker == "the fire service")


def test_quote_speakers_an_outlet_naming_itself_is_no_speaker():
    # session 10 C-cupfinal: "..., the Evening Flash can reveal" made the outlet a speaker of its own story
    text = "FIVE people were hurt in a crush at Velden Arena on Sunday after the derby, the Night Courier can reveal."
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text, outlet="Night Courier")
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    assert [v.speaker_text for q in story.quotes for v in q.variants] == []


def test_quote_speakers_a_capitalised_the_at_a_sentence_start_names_the_same_organisation():
    # session 10 N-trawler: "The coast guard said" stayed unresolved while "the coast guard said" resolved
    text = ("Three sailors were missing after their ferry sank off Oskel early on Sunday, Marvik's coast guard said. "
            "Later the coast guard said the search had been suspended for the night. "
            "The coast guard said it was alerted at 2.10am and that a helicopter reached the wreck at 3am.")
    names = _speaker_names(text)
    content = "it was alerted at 2.10am and that a helicopter reached the wreck at 3am"
    assert content in names
    assert names[content] is not None and names[content] == names["the search had been suspended for the night"]


def test_quote_speakers_a_quotation_over_a_sentence_end_is_one_record_of_its_speaker():
    # session 10 G-outage: the second sentence of '"... . The list, it turns out, ...," he said.' became a
    # claim of nobody, and the fragment before went to the clause's subject ("the town"), not the speaker
    text = ('Councillor Aksel Brandvold said the village had warned the board about the old bridge "at least four times" '
            'since 2027. "We were told it was on the plan. The plan, it turns out, was very long," he said.')
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    names = {e.id: e.name for e in story.entities}
    speakers = {v.text: names.get(q.speaker_entity_id) for q in story.quotes for v in q.variants}
    assert speakers.get("at least four times") == "Aksel Brandvold"
    assert speakers.get("We were told it was on the plan. The plan, it turns out, was very long") == "Aksel Brandvold"
    (claim,) = [c for c in story.claims if c.text.startswith("The plan, it turns out")]
    assert claim.attributed_to is not None


def test_quote_speakers_according_to_before_a_semicolon_is_a_remark_beside_the_said_clause():
    # the "<statement>, according to X" clause before "; Y said ..." is X's remark, kept beside Y's
    text = ("Two miners were found dead on Monday and a third is still missing, according to the ministry; "
            "the fire service said late on Monday that all three were still listed as missing.")
    speakers = _speakers(text)
    assert speakers.get("Two miners were found dead on Monday and a third is still missing") == "the ministry"
    assert speakers.get("all three were still listed as missing") == "the fire service"


def test_quote_speakers_the_outlet_s_own_staff_is_no_speaker():
    """Session 12 G-tanker: "Our photographer at the north pier says ..." made the outlet's own
    photographer a quote speaker; an outlet's "our correspondent" is its own report, while a named
    source in the same article keeps its quote."""
    speakers = _speakers("Our photographer at the east quay says the ferry is listing slightly to port.\n\n"
                         "Our correspondent in Vask reports that the coast road is shut.\n\n"
                         "The harbour master, Ivo Dren, said the channel would stay closed.")
    assert not [s for s in speakers.values() if s and s.lower().startswith("our ")]
    assert "Ivo Dren" in (speakers.get("the channel would stay closed") or "")


def test_quote_speakers_a_figure_compared_with_what_police_said_is_no_remark_of_theirs():
    """The parse hung Quell's "said" and her statement on the compared "police said": police became
    the speaker of her whole sentence and she of nothing (session 13's F-millsitin)."""
    text = ("Halden Mills chief executive Ivo Marr said the company had set aside 1.5 million pounds for redundancy payments.\n\n"
            "Mara Quell, general secretary of the Ostel Textile Workers' Union, said 15 workers had been arrested, three more than police said.\n")
    speakers = _speakers(text)
    assert "Mara Quell" in (speakers.get("15 workers had been arrested") or "")
    assert not [s for s in speakers.values() if s and "police" in s.lower()]


def test_quote_speakers_a_group_that_calls_itself_a_name_speaks_under_that_name():
    """"The group, which calls itself GreyHeron, says ...": the speaker is GreyHeron, not the
    organisation "the group" alone would be read as (session 13's G-hospitalhack)."""
    text = ("The attack shut down the Orsby clinic on Monday.\n\n"
            "The group, which calls itself GreyHeron, says it has taken 300 gigabytes of clinic files. "
            "The clinic said on Tuesday there was no evidence that patient data had been taken.\n")
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    names = {e.id: e.name for e in story.entities}
    speakers = {v.text: names.get(q.speaker_entity_id) for q in story.quotes for v in q.variants}
    assert speakers["it has taken 300 gigabytes of clinic files"] == "GreyHeron"
