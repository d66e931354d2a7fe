"""Quotes on invented text (issue #5 item 3, session 11 stories U-assembly and U-recall): a
quotation over two paragraphs, an outlet's own "can reveal", bodies named after "according to",
and the channels of interviews, posts and named papers."""

from __future__ import annotations

import pytest

from newsprism.models import CleanArticle, StoryGroup, content_id
from newsprism.understand import understand_story


def _records(text: str, outlet: str | None = None) -> dict[str, tuple[str | None, str | None, str | None]]:
    """{content: (speaker entity's name, speaker phrase, channel)} of one article's quotes."""
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2031-06-12", text=text, outlet=outlet)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    names = {e.id: e.name for e in story.entities}
    return {v.text: (names.get(q.speaker_entity_id), v.speaker_text, v.channel) for q in story.quotes for v in q.variants}


def test_quotes_a_quotation_over_two_paragraphs_is_all_its_speakers():
    # U-assembly: the first paragraph's second quotation never closes, the next paragraph opens with a
    # mark again; the unclosed one was dropped and the next paragraph's went to nobody
    text = ('"The treasurer read this chamber a figure he knew was wrong," Councillor Edda Morrow said. '
            '"Either he never opened the file or he kept it from us.\n\n'
            '"Both are grounds to go."\n\nThe council meets again in May.')
    records = _records(text)
    assert "Edda Morrow" in (records["Either he never opened the file or he kept it from us."][1] or "")
    assert "Edda Morrow" in (records["Both are grounds to go."][1] or "")


@pytest.mark.parametrize("text, content", [
    # a fragment inside the outlet's own finding is the words of the clause's subject
    ('Council officers privately called the scheme "a licence to print money", the Fenwick Gazette can reveal.',
     "a licence to print money"),
    # a whole quotation the outlet reveals is nobody's it names: the outlet is no speaker
    ('"The pumps were never tested after the flood of 2029," the Fenwick Gazette can reveal.',
     "The pumps were never tested after the flood of 2029"),
])
def test_quotes_an_outlet_that_can_reveal_is_no_speaker(text, content):
    # U-assembly: the Clarion, a page whose outlet the cleaner did not know, became the speaker of its own finding
    records = _records(text)
    assert content in records
    assert "Gazette" not in (records[content][1] or "")


def test_quotes_a_fragment_the_outlet_reveals_is_the_clause_subjects():
    records = _records('Council officers privately called the scheme "a licence to print money", the Fenwick Gazette can reveal.')
    assert records["a licence to print money"][1] == "Council officers"


@pytest.mark.parametrize("text, content, speaker", [
    ("According to the union that represents the ferry crews, the new rota has not been agreed with anyone.",
     "the new rota has not been agreed with anyone", "union"),
    ("The pay offer was withdrawn on Friday night, according to the federation that speaks for the dockers.",
     "The pay offer was withdrawn on Friday night", "federation"),
])
def test_quotes_a_body_after_according_to_is_the_speaker(text, content, speaker):
    # known flaw: "according to the union that represents the crew" gave no quote ("union" was no speaking body)
    records = _records(text)
    assert content in records
    assert speaker in (records[content][1] or "")


def test_quotes_according_to_figures_stays_no_quote():
    assert _records("According to figures for the first quarter, the ferry carried fewer people than in 2029.") == {}


@pytest.mark.parametrize("text, content, channel", [
    # an interview with a paper: the paper is the channel, whatever its name says
    ("Mirela Dosk said in an interview with the Quarry Sentinel that the mine would reopen in spring.",
     "the mine would reopen in spring", "Quarry Sentinel"),
    # a statement posted on a platform
    ('In a statement posted on X, Governor Ansel Varro said he had "no intention of resigning".',
     "no intention of resigning", "X"),
    # a statement on a website with no "posted" between (N-dockballot): the website is the channel
    ('"The crews have voted and they will be heard," Ilka Dremmer said in a statement on the union\'s website.',
     "The crews have voted and they will be heard", "union's website"),
    # the paper's name after what it is, not "Estonian newspaper"
    ("Lio Tamberg told the Ostrian newspaper Vaba Kell that the plant had closed in July.",
     "the plant had closed in July", "Vaba Kell"),
    ("Tran Van Minh, who manages the company's factory in Binh Duong, told the Vietnamese newspaper Tuoi Moi that "
     "production of the affected model had stopped in July.", "production of the affected model had stopped in July", "Tuoi Moi"),
])
def test_quotes_channel_of_interviews_posts_and_named_papers(text, content, channel):
    records = _records(text)
    assert content in records
    assert records[content][2] == channel


def test_quotes_according_to_a_statement_posted_by_a_body_is_its_words_through_the_platform():
    records = _records("According to a statement posted on X by the Harbour Safety Board, nine boats have been checked so far.")
    content = "nine boats have been checked so far"
    assert content in records
    assert "Harbour Safety Board" in (records[content][1] or "") and records[content][2] == "X"


def test_quotes_a_statement_on_a_subject_names_no_channel():
    records = _records('"We will appeal," Ilka Dremmer said in a statement on the strike.')
    assert records["We will appeal"][2] is None


def test_quotes_told_the_newspaper_on_a_day_keeps_the_paper_not_the_day():
    records = _records("Lio Tamberg told the newspaper Monday that the plant had closed in July.")
    assert records["the plant had closed in July"][2] != "Monday"


def test_quotes_a_colon_after_the_speakers_clause_that_the_parse_hung_on_the_quotation():
    # U-assembly: the tabloid's cut-short quotation after 'X snapped back:' had no speaker
    records = _records("Mayor Teodor Valk snapped back: 'I will not take orders...' before the hall erupted.")
    assert "Teodor Valk" in (records["I will not take orders..."][1] or "")


def test_quotes_an_unnamed_source_keeps_what_it_is():
    # U-recall: "according to a person familiar with ..." showed the speaker as "a person"
    text = "According to a person familiar with the club's own inquiry, the roof had not been inspected since 2027."
    records = _records(text)
    assert records["the roof had not been inspected since 2027"][1] == "a person familiar with the club's own inquiry"


def test_quotes_a_quotation_cut_short_joins_the_rendering_it_begins():
    # U-assembly: the tabloid's 'I will not accept lectures...' joined the minister's other remark
    # ("Nobody was misled") once it had a speaker, not the full rendering it is the start of
    texts = [
        ("Ledger", 'Kasimir Oduya told the National Assembly in Marencan: "I will not take orders on spending from people who '
                   'emptied the town purse."\n\nWhen the sitting resumed, Mr Oduya did not withdraw the remark. '
                   '"The figure of 48 million was the first phase," he added. "Nobody was deceived."'),
        ("Post", "Kasimir Oduya snapped back: 'I will not take orders...' before his words were drowned out by jeers.\n\n"
                 "\"Nobody was deceived,\" the minister told reporters. \"The first phase cost 48 million, and we said so.\""),
    ]
    articles = [CleanArticle(id=content_id(t), source_path=f"{o}.txt", outlet=o, published="2031-06-12", text=t) for o, t in texts]
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles]), articles)
    (quote,) = [q for q in story.quotes if any(v.text == "I will not take orders..." for v in q.variants)]
    assert any(v.text.startswith("I will not take orders on spending") for v in quote.variants)
    assert not any("deceived" in v.text or "phase" in v.text for v in quote.variants)


def test_quotes_an_unnamed_source_is_named_without_the_clause_after_it():
    records = _records("A council source, who asked not to be named, said the roof had not been inspected since 2027.")
    assert records["the roof had not been inspected since 2027"][1] == "A council source"


@pytest.mark.parametrize("text, content, speaker", [
    ("Hollin Marine's insurers, according to a source close to the shipyard, have put money aside for the repair claims.",
     "Hollin Marine's insurers have put money aside for the repair claims", "a source close to the shipyard"),
    ("The harbour board, according to the port authority, will close the north quay until March.",
     "The harbour board will close the north quay until March", "the port authority"),
])
def test_quotes_according_to_set_off_by_commas_in_mid_sentence_attributes_the_sentence(text, content, speaker):
    # U-recall: "X's insurers, according to a source close to the company, have set aside ..." gave no quote
    records = _records(text)
    assert records[content][1] == speaker


def test_quotes_according_to_figures_in_mid_sentence_stays_no_quote():
    assert _records("The ferry, according to figures for the first quarter, carried fewer people than in 2029.") == {}


def test_quotes_a_lead_and_its_quotation_are_one_remark_with_another_outlets_rendering():
    # U-recall: the Herald's paraphrase and the direct quotation right after it are one remark; the
    # agency's rendering through a broadcaster joined the paraphrase and left the quotation apart
    texts = [
        ("Courier", "Mirela Santorin Vega, head of the Coastal Water Board, said residents should boil their tap water "
                    "at once. \"Boil every drop you drink, boil what you cook with, and do not trust the taps until we "
                    "say so,\" Ms Santorin Vega said.\n\nSantorin said the board had first found the bacteria in June "
                    "but had not been sent the laboratory's results until August."),
        ("Agency", "Mirela Santorin, who runs the Coastal Water Board, told broadcaster Onda Sur that residents should "
                   "boil all the water they drink.\n\nThe board supplies 40,000 homes."),
    ]
    articles = [CleanArticle(id=content_id(t), source_path=f"{o}.txt", outlet=o, published="2031-06-12", text=t) for o, t in texts]
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles]), articles)
    (quote,) = [q for q in story.quotes if any("boil all the water" in v.text for v in q.variants)]
    channels = {v.text.split(",")[0]: v.channel for v in quote.variants}
    assert "Boil every drop you drink" in channels and channels["Boil every drop you drink"] is None  # the Courier heard it itself
    assert channels["residents should boil all the water they drink"] == "Onda Sur"
    assert not any("bacteria" in v.text for v in quote.variants)


def test_quotes_a_lead_before_another_remark_keeps_the_remark_apart():
    texts = [
        ("Courier", "Mirela Santorin Vega, head of the Coastal Water Board, said the Velde pumping station would close "
                    "in May. \"My thoughts are with every family who fell ill this summer,\" Ms Santorin Vega said."),
        ("Agency", "Mirela Santorin, who runs the Coastal Water Board, told broadcaster Onda Sur that the Velde pumping "
                   "station would shut in May."),
    ]
    articles = [CleanArticle(id=content_id(t), source_path=f"{o}.txt", outlet=o, published="2031-06-12", text=t) for o, t in texts]
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles]), articles)
    (quote,) = [q for q in story.quotes if any("would shut in May" in v.text for v in q.variants)]
    assert not any("thoughts" in v.text for v in quote.variants)


@pytest.mark.parametrize("text, content", [
    # the parse split "co-operate" into three clauses of "said": the paraphrase was "it would co"
    ("Harlow Mills, which owns the depot, said it would co-operate fully with any inquiry.",
     "it would co-operate fully with any inquiry"),
    # the same after "adding that", where "-operate ..." and "operate ..." were remarks of their own
    ('"We regret the delay," Tamsin Orle said, adding that the firm would co-operate fully with the regulator.',
     "the firm would co-operate fully with the regulator"),
])
def test_quotes_a_paraphrase_runs_on_past_a_hyphenated_word(text, content):
    records = _records(text)
    assert content in records
    assert not [c for c in records if c.startswith(("-", "operate")) or c.endswith(" co")]


def test_quotes_speaking_to_a_station_keeps_the_station_when_the_parse_hangs_the_speaker_on_it():
    """"Speaking to Radio X, the union's general secretary Jo Doe said:" parsed with Doe in apposition
    to the station and the verb without a subject: the speaker was found, the channel lost
    (session 13's N-dockballot)."""
    text = ("Speaking to Radio Velling, the union's general secretary Edda Marsk said: "
            '"Our members have spoken. They will not be ignored."\n')
    records = _records(text)
    speaker, _, channel = records["Our members have spoken. They will not be ignored."]
    assert speaker == "Edda Marsk" and channel == "Radio Velling"


def test_quotes_a_remark_told_to_the_outlet_on_its_own_page_keeps_the_outlet_as_its_channel():
    """R-wildfire (session 14): the page's own outlet is no entity (entities.collect_mentions), yet
    "told the Torch" on the Torch's page still names the channel the report shows as first hand."""
    records = _records("Fire chief Ilse Dorvan told the Torch on Wednesday that the blaze was contained.", outlet="The Evening Torch")
    assert records["the blaze was contained"][2] == "Torch"


@pytest.mark.parametrize("name", ["al-Tahiri", "al-Mouri"])
def test_quotes_a_speaker_whose_name_the_parse_split_at_its_hyphen_keeps_the_whole_name(name):
    """R-hostage (session 14): '"...," al-Nouri told state broadcaster Qadira One.' showed the speaker
    as "Nouri": the parse hung "al", "-" and "Nouri" on the verb apart."""
    records = _records(f'"No money changed hands. This was achieved through patience and trust," {name} told state broadcaster Ardan One.')
    assert {v[1] for v in records.values()} == {name}


@pytest.mark.parametrize("text, content", [
    ('Interior Minister Halvard Kessen has spoken to Radio Ostvel. "We will find whoever helped them," he told us.',
     "We will find whoever helped them"),
    ('"We will find whoever helped them," Interior Minister Halvard Kessen said to this radio on Sunday.',
     "We will find whoever helped them"),
])
def test_quotes_a_remark_told_to_us_has_the_outlet_itself_as_its_channel(text, content):
    """R-prisonbreak (session 15): VRTV News's own '"...," he told us' gave no channel, while the wire's
    "told VRTV" named it: the page's "us" and "this radio" are the outlet that prints it."""
    records = _records(text, outlet="Radio Ostvel")
    assert records[content][0] == "Halvard Kessen"
    assert records[content][2] == "Radio Ostvel"
    # with no outlet known, "us" names no channel
    assert _records(text)[content][2] is None


def test_quotes_another_outlets_name_for_the_channel_goes_before_the_own_pages_us():
    """One rendering printed by the wire ('told the Ostvel station') and by Radio Ostvel itself ('he told us'):
    the channel shown is the name the wire prints, whichever article comes first."""
    remark = '"We will find whoever helped them,"'
    texts = {"Radio Ostvel": f"The minister has spoken to us. {remark} Interior Minister Halvard Kessen told us.",
             "Norrpress Wire": f"{remark} Interior Minister Halvard Kessen told the Ostvel station on Sunday."}
    articles = [CleanArticle(id=content_id(t), source_path=f"{o}.txt", published="2031-06-12", text=t, outlet=o) for o, t in texts.items()]
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles]), articles)
    quote = next(q for q in story.quotes if q.variants[0].text.startswith("We will find"))
    assert quote.channel == "Ostvel station" and quote.variants[0].channel == "Ostvel station"
    assert len({a for v in quote.variants for a in v.article_ids}) == 2


def test_quotes_a_speaker_the_tagger_called_a_title_after_the_quote_is_the_person():
    """R-launch (session 16): '"...," Saskia Morrow-Pell, chief engineer at ..., told Skyward Review'
    gave the speaker "Pell": the tagger called the name after the closing mark a work's title."""
    text = ('"Our engine did exactly what the flight computer told it to do," Liv Morrow-Dale, chief engineer at '
            'Tessmar Hydraulics, which built the valve, told the Orvel Courier.')
    records = _records(text, outlet="Orvel Courier")
    speaker, phrase, channel = records["Our engine did exactly what the flight computer told it to do"]
    assert speaker == "Liv Morrow-Dale" and channel == "Orvel Courier"
