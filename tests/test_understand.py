"""Tests for the understanding stage: entities, quotes, numbers, dates and claims.

Two stories: the shared seed cluster (read from ../shared/seeds, cleaned first) and two
invented articles with other names and other transliterations (tests/data/understand), so
nothing here passes by knowing the seed names.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conftest import SEEDS, TEST_DATA
from newsprism.clean import clean_article
from newsprism.models import Article, CleanArticle, Entity, StoryGroup, content_id
from newsprism.understand import entity_at, understand_story
from newsprism.understand.dates import find_dates
from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions, tokens_match
from newsprism.understand.nlp import parse
from newsprism.understand.numbers import find_numbers
from newsprism.understand.quotes import article_quotes, quote_spans
from newsprism.understand import sentence_bounds
from conftest import story_entities


def _group(articles: list[CleanArticle]) -> StoryGroup:
    return StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles])


@pytest.fixture(scope="module")
def seed_story():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    articles = []
    for path in sorted(SEEDS.glob("0*.txt")):
        raw = path.read_text(encoding="utf-8")
        articles.append(clean_article(Article(id=content_id(raw), source_path=str(path), raw=raw, format="text")))
    by_prefix = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in articles}
    return understand_story(_group(articles), articles), by_prefix


@pytest.fixture(scope="module")
def invented_story():
    articles = []
    for name, published in [("harbour_a.txt", "2023-03-16"), ("harbour_b.txt", None)]:
        text = (TEST_DATA / "understand" / name).read_text(encoding="utf-8")
        articles.append(CleanArticle(id=content_id(text), source_path=name, published=published, text=text))
    return understand_story(_group(articles), articles), {a.source_path[:9]: a for a in articles}


def _entities_named(understanding, name: str):
    return [e for e in understanding.entities if name == e.name or name in e.aliases]


def _entity_with(understanding, *names: str):
    hits = [e for e in understanding.entities if all(n == e.name or n in e.aliases for n in names)]
    assert len(hits) == 1, f"expected one entity holding {names}, got {[e.name for e in hits]}"
    return hits[0]


# --------------------------------------------------------------------------- seeds


def test_understand_seed_transliterated_people_are_one_entity_each(seed_story):
    u, _ = seed_story
    bagheri = _entity_with(u, "Bagheri", "Baqeri", "Mohammad Hossein Bagheri")
    ayyoub = _entity_with(u, "Ayoub", "Ayyoub", "Ali Abdullah Ayyoub")
    assad = _entity_with(u, "Assad")
    assert len({bagheri.id, ayyoub.id, assad.id}) == 3
    assert all(e.type == "PERSON" for e in (bagheri, ayyoub, assad))


@pytest.mark.parametrize("country", ["Iran", "Syria", "Israel", "Hezbollah", "Russia", "Turkey"])
def test_understand_seed_actor_is_one_entity(seed_story, country):
    u, _ = seed_story
    assert len(_entities_named(u, country)) == 1


def test_understand_seed_titles_are_evidence_not_name(seed_story):
    u, _ = seed_story
    bagheri = _entity_with(u, "Baqeri")
    assert "General" not in bagheri.name and bagheri.titles
    assert any("General" in t for t in bagheri.titles)


def test_understand_seed_capital_acting_is_its_country(seed_story):
    u, by = seed_story
    iran = _entity_with(u, "Iran")
    text = by["000"].text
    tehran_acting = text.index("Tehran is one of")
    assert entity_at(u, by["000"].id, tehran_acting, tehran_acting + len("Tehran")) == iran


def test_understand_seed_epithet_points_at_country(seed_story):
    u, by = seed_story
    text = by["000"].text
    start = text.index("The Jewish state")
    entity = entity_at(u, by["000"].id, start, start + len("The Jewish state"))
    assert entity is not None and entity.name == "Israel"


def test_understand_seed_air_defence_remark_is_one_quote_from_three_articles(seed_story):
    u, _ = seed_story
    bagheri = _entity_with(u, "Baqeri")
    quotes = [q for q in u.quotes if q.speaker_entity_id == bagheri.id and any("air defen" in v.text for v in q.variants)]
    assert len(quotes) == 1
    articles = {a for v in quotes[0].variants for a in v.article_ids}
    assert len(articles) >= 3


def test_understand_seed_subjugate_remark_has_two_renderings_via_al_mayadeen(seed_story):
    u, _ = seed_story
    ayyoub = _entity_with(u, "Ayyoub")
    quotes = [q for q in u.quotes if any("subjugate" in v.text for v in q.variants)]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.speaker_entity_id == ayyoub.id
    assert len({a for v in quote.variants for a in v.article_ids}) == 2
    assert len([v for v in quote.variants if "subjugate" in v.text]) == 2
    assert "mayadeen" in (quote.channel or "").lower()


def test_understand_seed_scare_quotes_are_not_quotes(seed_story):
    u, _ = seed_story
    for q in u.quotes:
        for v in q.variants:
            assert len(v.text.split()) >= 2


def test_understand_seed_wednesday_resolves_to_the_signing_day(seed_story):
    u, by = seed_story
    wednesdays = [d for d in u.dates if d.article_id == by["004"].id and "Wednesday" in d.text]
    assert wednesdays and wednesdays[0].value == "2020-07-08"
    assert wednesdays[0].resolution


def test_understand_seed_nine_year_war_is_a_duration(seed_story):
    u, by = seed_story
    found = [d for d in u.dates if d.article_id == by["001"].id and "9-year" in d.text]
    assert [d.kind for d in found] == ["duration"]
    numbers = [n for n in u.numbers if n.article_id == by["001"].id and "9" in n.text]
    assert all(n.kind == "duration" for n in numbers)


def test_understand_seed_death_toll_is_one_bounded_number(seed_story):
    u, by = seed_story
    tolls = [n for n in u.numbers if n.article_id == by["000"].id and n.value == 380_000]
    assert len(tolls) == 1
    assert tolls[0].low == 380_000 and tolls[0].high is None and tolls[0].unit == "people"


def test_understand_seed_offsets_point_into_the_text(seed_story):
    u, by = seed_story
    texts = {a.id: a.text for a in u.articles}
    for s in u.sentences:
        assert texts[s.article_id][s.start:s.end] == s.text
    for e in u.entities:
        for m in e.mentions:
            assert texts[m.article_id][m.start:m.end] == m.text
    for c in u.claims:
        assert texts[c.article_id][c.start:c.end] == c.text


def test_understand_seed_claims_carry_entities_and_sources(seed_story):
    u, by = seed_story
    claims = [c for c in u.claims if c.article_id == by["002"].id and "subjugate" in c.text]
    assert len(claims) == 1
    ayyoub = _entity_with(u, "Ayyoub")
    assert claims[0].attributed_to == ayyoub.id
    assert _entity_with(u, "Iran").id in claims[0].entity_ids


# --------------------------------------------------------------------------- invented


def test_understand_invented_spellings_merge_and_namesakes_stay_apart(invented_story):
    u, _ = invented_story
    minister = _entity_with(u, "Youssef Haddad", "Yusuf Hadad")
    mansour = _entity_with(u, "Mansour", "Khalid Mansur")
    lawyer = _entity_with(u, "Rania Haddad")
    assert len({minister.id, mansour.id, lawyer.id}) == 3
    assert "Haddad" in minister.aliases or minister.name == "Haddad" or "Hadad" in minister.aliases


def test_understand_invented_acronym_joins_its_expansion(invented_story):
    u, _ = invented_story
    _entity_with(u, "Maritime Safety Authority", "MSA")


def test_understand_invented_capitals_acting_are_countries(invented_story):
    u, by = invented_story
    text = by["harbour_a"].text
    start = text.index("Amman and Cairo")
    assert entity_at(u, by["harbour_a"].id, start, start + 5).name == "Jordan"
    cairo = start + len("Amman and ")
    assert entity_at(u, by["harbour_a"].id, cairo, cairo + 5).name == "Egypt"


def test_understand_invented_quote_groups_two_renderings_with_speaker(invented_story):
    u, _ = invented_story
    minister = _entity_with(u, "Yusuf Hadad")
    quotes = [q for q in u.quotes if any("ferr" in v.text and v.direct for v in q.variants)]
    assert len(quotes) == 1
    assert quotes[0].speaker_entity_id == minister.id
    assert len({a for v in quotes[0].variants for a in v.article_ids}) == 2


def test_understand_invented_relative_dates_need_a_publication_date(invented_story):
    u, by = invented_story
    tuesday_a = [d for d in u.dates if d.article_id == by["harbour_a"].id and "Tuesday" in d.text]
    tuesday_b = [d for d in u.dates if d.article_id == by["harbour_b"].id and "Tuesday" in d.text]
    assert tuesday_a[0].value == "2023-03-14"
    assert tuesday_b[0].value is None and tuesday_b[0].kind == "relative"
    november = [d for d in u.dates if d.article_id == by["harbour_a"].id and "November" in d.text]
    assert november[0].value == "2022-11"


def test_understand_invented_numbers_keep_bounds_and_units(invented_story):
    u, by = invented_story
    numbers = {n.text: n for n in u.numbers if n.article_id == by["harbour_a"].id}
    workers = next(n for n in numbers.values() if n.value == 12_000)
    assert (workers.low, workers.high, workers.unit) == (12_000, None, "workers")
    money = next(n for n in numbers.values() if n.kind == "money")
    assert money.high == 40_000_000 and money.low == pytest.approx(36_800_000) and money.unit == "USD/year"  # "nearly $40 million"
    dozens = next(n for n in numbers.values() if n.text == "dozens")
    assert dozens.low == 24 and dozens.unit == "inspectors"


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Yusuf", "Youssef", True),
        ("Mohammad", "Muhammad", True),
        ("Qasem", "Ghasem", True),
        ("Kadirov", "Qadirov", True),  # qaf written K or Q
        ("Gamal", "Kamal", False),
        ("Hassan", "Hussein", False),
        ("Omar", "Amr", False),
        ("Sergei", "Sergey", True),
        ("Oleksandr", "Aleksandr", True),
        ("Ali", "Eli", False),
        ("Dzhaksybekov", "Jaksybekov", True),  # Russian-style Dzh, English J
        ("Djaksybekov", "Dzhaksybekov", True),  # French-style Dj
        ("Chung", "Jeong", True),  # romanisations of one Korean surname (surname_romanisations.csv)
        ("Pak", "Park", True),
        ("Chung", "Kang", False),
        ("Yevhen", "Yevgeny", True),  # Ukrainian H is Russian G
        ("Olha", "Olga", True),
        ("Varghese", "Vargese", True),  # an Indian gh also written g
        ("Hassan", "Ghassan", False),
    ],
)
def test_understand_name_tokens_match_transliterations_only(a, b, same):
    assert tokens_match(a, b) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will not retreat" today.', ["we will not retreat"]),
        ("She called it ‘a historic step’ on Monday.", ["a historic step"]),
        ("The country's 'strategic partner' stays.", ["strategic partner"]),
        ("Officials’ plans and the rebels’ demands.", []),
    ],
)
def test_understand_quote_spans_handle_curly_straight_and_single_marks(text, expected):
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "published", "kind", "value"),
    [
        ("The talks began on Monday.", "2024-05-01", "relative", "2024-04-29"),
        ("Fighting resumed last March.", "2024-05-01", "relative", "2024-03"),
        ("The 2003-05 campaign failed.", None, "range", "2003"),
        ("a 30-year feud", None, "duration", "P30Y"),
        ("It happened three weeks ago.", "2024-05-01", "relative", "2024-04-10"),
        ("It happened three weeks ago.", None, "relative", None),
    ],
)
def test_understand_dates_resolve_against_publication(text, published, kind, value):
    found = find_dates("a", text, published)
    assert [(d.kind, d.value) for d in found] == [(kind, value)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least 15 people died", 15, None),
        ("almost 300 homes", 276, 300),
        ("hundreds of protesters", 200, 1990),
        ("tens of thousands of people", 20_000, 199_000),
    ],
)
def test_understand_numbers_bounds(text, low, high):
    (number,) = find_numbers("a", text)
    assert (number.low, number.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Thirty-two people died in the flood.", 32, "people"),  # not "two people"
        ("The storm sank ninety-nine boats.", 99, "boats"),
        ("The ship carried one hundred and twenty passengers.", 120, "passengers"),
        ("The army sent two hundred soldiers.", 200, "soldiers"),
        ("Nearly a hundred homes were lost.", 100, "homes"),
        ("The stadium holds twenty-five thousand fans.", 25_000, "fans"),
    ],
)
def test_understand_numbers_read_compound_number_words(text, value, unit):
    (number,) = find_numbers("a", text, parse([text])[0])
    assert (number.value, number.unit) == (value, unit)
    assert number.text == text[number.start:number.end]


def test_understand_numbers_word_ordinal_is_no_count():
    assert find_numbers("a", "It was the worst fire of the twenty-first century.") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("It ended a twenty-five-year war.", "duration", "P25Y"),
        ("Thirty-two years ago the dam broke.", "relative", "1998"),
    ],
)
def test_understand_dates_read_compound_number_words(text, kind, value):
    found = find_dates("a", text, "2030-04-02")
    assert [(d.kind, d.value) for d in found] == [(kind, value)]


def _one_quote_about(text: str, content: str):
    article = CleanArticle(id=content_id(text), source_path="relay.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    quotes = [q for q in u.quotes if any(v.text == content for v in q.variants)]
    assert len(quotes) == 1, [(q.speaker, [v.text for v in q.variants]) for q in u.quotes]
    speaker = next((e.name for e in u.entities if e.id == quotes[0].speaker_entity_id), None)
    return quotes[0], speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker", "channel"),
    [
        ("Regional radio quoted the lighthouse keeper, Mats Okonkwo, as saying the beacon had failed before midnight.",
         "the beacon had failed before midnight", "Mats Okonkwo", "Regional radio"),
        ("Brenland state television quoted Interior Minister Oskar Vell as saying the curfew would end within two weeks.",
         "the curfew would end within two weeks", "Oskar Vell", "Brenland state television"),
        ("The public broadcaster KTV quoted police chief Marta Szabo as saying the roads were open again by Sunday evening.",
         "the roads were open again by Sunday evening", "Marta Szabo", "KTV"),
        ("Dr. Ada Pike was quoted by Radio Lindorf as saying the clinic had run out of vaccines.",
         "the clinic had run out of vaccines", "Ada Pike", "Radio Lindorf"),
        ("Local radio quoted Mayor Karin Holm as telling reporters that the bridge would reopen next week.",
         "the bridge would reopen next week", "Karin Holm", "Local radio"),
        ("Mayor Karin Holm told state radio that the bridge would reopen next week.",
         "the bridge would reopen next week", "Karin Holm", "state radio"),
        ("Mayor Karin Holm told the council that the bridge would reopen next week.",
         "the bridge would reopen next week", "Karin Holm", None),  # an audience, not a medium
        ("According to coach Dario Menk, the team had trained for the final in secret.",
         "the team had trained for the final in secret", "Dario Menk", None),
        ("The dam had cracked two days before the flood, according to state television.",
         "The dam had cracked two days before the flood", None, "state television"),
    ],
)
def test_understand_relayed_and_according_to_remarks_are_indirect_quotes(text, content, speaker, channel):
    """"<medium> quoted <person> as saying <clause>" without quotation marks is an indirect quote
    by the person through the medium; so is "according to <person or medium>, <statement>"."""
    quote, speaker_name = _one_quote_about(text, content)
    assert (speaker_name, quote.channel) == (speaker, channel)
    assert not quote.variants[0].direct


def test_understand_entity_ids_are_stable_hashes_of_type_and_name(invented_story):
    u, _ = invented_story
    for e in u.entities:
        assert e.id == content_id(f"{e.type}|{e.name}", prefix="e")


def test_understand_claims_read_subject_predicate_object(invented_story):
    u, by = invented_story
    claim = next(c for c in u.claims if c.article_id == by["harbour_a"].id and c.text.startswith("The two ministers"))
    assert claim.subject == "The two ministers"
    assert claim.predicate == "discussed"
    assert claim.object and "dispute" in claim.object
    assert any(n.kind == "duration" for n in claim.numbers) or any(d.kind == "duration" for d in claim.dates)


def test_understand_empty_story_gives_empty_understanding():
    u = understand_story(StoryGroup(id="s_empty", title="", article_ids=[]), [])
    assert u.entities == [] and u.quotes == [] and u.claims == []


# --------------------------------------------------------------------------- pronouns and descriptions

# Invented names and places; two articles of one story.
VISIT_A = """Chilean President Ana Lorca arrived in Lima on Tuesday. She met Peruvian Prime Minister Mateo Quispe at the palace, and he thanked her for the visit.
The president later toured the port run by the Norvale Shipping Group. The company said it would double its fleet.
The Lorca administration has promised new trade rules."""
VISIT_B = """Lorca, who spoke briefly, called the talks useful. The Chilean government published the agreement."""


@pytest.fixture(scope="module")
def visit_entities():
    texts = {"visit_a": VISIT_A, "visit_b": VISIT_B}
    docs = dict(zip(texts, parse(list(texts.values()))))
    mentions = [m for article_id in texts for m in collect_mentions(article_id, docs[article_id])]
    add_surname_mentions(docs, mentions)
    return cluster_mentions(mentions, texts)


def _holder(entities, article_id: str, text: str, nth: int = 0):
    """Return (entity, mention) of the nth mention with this exact text in one article."""
    hits = sorted(((m.start, e, m) for e in entities for m in e.mentions if m.article_id == article_id and m.text == text), key=lambda h: h[0])
    assert len(hits) > nth, f"no mention {text!r} in {article_id}"
    return hits[nth][1], hits[nth][2]


@pytest.mark.parametrize(
    "article_id, text, entity_name, kind",
    [
        ("visit_a", "She", "Ana Lorca", "pronoun"),
        ("visit_a", "her", "Ana Lorca", "pronoun"),
        ("visit_a", "he", "Mateo Quispe", "pronoun"),  # the person named in its own sentence
        ("visit_a", "The president", "Ana Lorca", "description"),  # her title elsewhere in the article
        ("visit_b", "who", "Ana Lorca", "pronoun"),  # a relative clause hangs on the name
        ("visit_a", "The company", "Norvale Shipping Group", "description"),
        ("visit_a", "its", "Norvale Shipping Group", "pronoun"),
        ("visit_a", "The Lorca administration", "Chile", "description"),  # a government counts as its country
        ("visit_b", "The Chilean government", "Chile", "description"),
    ],
)
def test_understand_pronouns_and_descriptions_join_what_they_refer_to(visit_entities, article_id, text, entity_name, kind):
    entity, mention = _holder(visit_entities, article_id, text)
    assert entity.name == entity_name
    assert mention.kind == kind


def test_understand_pronouns_and_descriptions_are_never_names_or_aliases(visit_entities):
    for entity in visit_entities:
        references = {m.text for m in entity.mentions if m.kind in {"pronoun", "description"}}
        assert entity.name not in references
        assert not references & set(entity.aliases)


@pytest.mark.parametrize(
    "text, reference",
    [
        ("It was raining. They said the company would close. He left.", None),  # nothing named to refer to
        ("Mr. Tomas Brel arrived in Quito on Monday. She waved from the car.", "She"),  # gender disagrees
        ("The Norvale Shipping Group opened a depot. It is clear that demand grew.", "It"),  # expletive "it"
        ("Tomas Brel said he had never met a president before.", "a president"),  # indefinite: no one in particular
    ],
)
def test_understand_unresolvable_references_are_left_out(text, reference):
    (doc,) = parse([text])
    entities = cluster_mentions(collect_mentions("x", doc), {"x": text})
    references = [m.text for e in entities for m in e.mentions if m.kind in {"pronoun", "description"}]
    if reference is None:
        assert references == []
    else:
        assert reference not in references


def test_understand_seed_pronouns_never_become_names(seed_story):
    u, _ = seed_story
    for entity in u.entities:
        kinds = {m.text: m.kind for m in entity.mentions}
        if all(m.kind == "description" for m in entity.mentions):
            continue  # a group named only by group nouns ("militants"): named after its group (test below)
        assert kinds.get(entity.name) not in {"pronoun", "description"}
        assert all(kinds.get(alias) not in {"pronoun", "description"} for alias in entity.aliases)


def _holding(entities: list[Entity], text: str) -> Entity | None:
    return next((e for e in entities if any(m.text == text for m in e.mentions)), None)


def test_understand_title_phrase_before_a_name_describes_the_person_not_the_country():
    entities = story_entities({
        "x": "Chilean President Marta Ruiz met farmers in Temuco on Monday. Chile will cut fuel taxes, she said.",
        "y": "Marta Ruiz, the president of Chile, spoke to reporters on Tuesday.",
    })
    ruiz = _holding(entities, "Marta Ruiz")
    assert _holding(entities, "Chilean President") is ruiz
    assert next(m for m in ruiz.mentions if m.text == "Chilean President").kind == "description"
    chile = next(e for e in entities if e.name == "Chile")
    assert "Chilean" not in {m.text for m in chile.mentions}  # the demonym describes her office
    # a bare title is how the name is written, not a description of its own
    bare = story_entities({"x": "President Marta Ruiz met farmers in Temuco on Monday."})
    assert _holding(bare, "President") is None


def test_understand_capitalised_north_or_south_is_the_country_named_so():
    entities = story_entities({
        "x": "Sudan and South Sudan signed an oil deal on Monday. The South will pay a transit fee, officials said.",
        "y": "Juba welcomed the deal. Farmers in the south of the region doubt it.",
    })
    south = next(e for e in entities if e.name == "South Sudan")
    assert "The South" in {m.text for m in south.mentions}
    assert _holding(entities, "the south") is None  # a region, in lower case
    # with no country named North or South ..., "the South" stands for nothing
    alone = story_entities({"x": "Brazil and Peru met on Monday. The South will host the next round."})
    assert _holding(alone, "The South") is None


def test_understand_unnamed_group_is_one_entity_across_its_group_nouns():
    entities = story_entities({
        "x": "Hundreds of refugees reached the border town of Ostrava on Monday. The refugees slept in a school.",
        "y": "Asylum seekers lined up at the gate. Mayor Ivo Brandl said the town would feed the migrants.",
        "z": "Brandl's supporters cheered him.",
    })
    group = _holding(entities, "The refugees")
    assert group is not None and group.name == "migrants"
    assert {"Hundreds of refugees", "Asylum seekers", "the migrants"} <= {m.text for m in group.mentions}
    assert all(m.kind == "description" for m in group.mentions)
    assert _holding(entities, "supporters") is None  # the mayor's own supporters are not an unnamed group
    # one passing mention is no actor
    once = story_entities({"x": "Like many refugees, Ivo Brandl came to Ostrava in 1990."})
    assert not [e for e in once if e.name == "migrants"]


def test_understand_leader_and_regime_descriptions_go_to_the_office_holder_and_his_country():
    entities = story_entities({
        "x": "Belarusian President Ivan Drozd rejected the sanctions on Monday. The 68-year-old leader told "
             "parliament that Minsk would not bow to pressure. Drozd's regime has jailed critics.",
        "y": "The rogue regime of Ivan Drozd faces new sanctions. The president said Belarus would respond.",
        "z": "Polish Prime Minister Marta Wolska said the Belarusian leader had crossed a line.",
    })
    drozd = _holding(entities, "Ivan Drozd")
    assert {"The 68-year-old leader", "The president", "the Belarusian leader"} <= {m.text for m in drozd.mentions}
    belarus = next(e for e in entities if e.name == "Belarus")
    assert {"Drozd's regime", "The rogue regime"} <= {m.text for m in belarus.mentions}
    assert _holding(entities, "the Belarusian leader") is not _holding(entities, "Marta Wolska")


def test_understand_whose_country_follows_the_possessor_not_the_country_named_last():
    """"her country" is the country of the person "her" stands for; "our country" the country
    of the person speaking in its sentence; "your country" (the addressee's) is left unlinked."""
    entities = story_entities({
        "x": "Chilean President Ana Lorca met Peruvian Prime Minister Mateo Quispe on Tuesday. Quispe said Peru would "
             "sign the pact. Lorca told reporters that her country would open two ports.",
        "y": "Lorca arrived in Santiago, Chile, on Monday. \"Chile has been a good friend, and our country will repay it,\" "
             "Quispe said. \"We thank your country,\" Lorca told him.",
    })
    assert _holding(entities, "her country").name == "Chile"
    assert _holding(entities, "our country").name == "Peru"
    assert _holding(entities, "your country") is None


def test_understand_a_description_naming_a_country_gives_an_untitled_leader_his_country():
    """"Tomas Brel, the Chilean president" places a man no title places, so "the Brel
    administration" is Chile's government (a government counts as its country)."""
    entities = story_entities({
        "x": "Tomas Brel, the Chilean president, arrived in Lima on Monday. The Brel administration wants a trade deal.",
        "y": "Chile and Peru signed the deal on Tuesday.",
    })
    assert _holding(entities, "The Brel administration").name == "Chile"


def test_understand_leader_of_a_named_country_is_that_country_s_leader():
    """"the leader of Peru" is Peru's leader, however often the article named the other one."""
    entities = story_entities({
        "x": "Chilean President Ana Lorca met Peruvian Prime Minister Mateo Quispe in Lima on Tuesday, and the two "
             "talked about trade for an hour.",
        "y": "Ana Lorca spoke first in Lima. Lorca then praised the leader of Peru for the deal.",
    })
    assert _holding(entities, "the leader").name == "Mateo Quispe"


def test_understand_mister_president_addresses_someone_and_is_left_unlinked():
    """A bare "Mr. President" in a quote addresses someone the text does not name: no guess."""
    entities = story_entities({
        "x": "Chilean President Ana Lorca welcomed Peruvian President Tomas Brel to Santiago. "
             "\"Nobody knows what I will do next week, although Mr. President, you have a pretty good idea,\" Lorca said.",
    })
    assert _holding(entities, "Mr. President") is None and _holding(entities, "President") is None


def test_understand_a_role_after_a_place_is_no_apposition_of_the_place():
    """"Quito, Ecuador — Peru's leader, Tomas Brel, ...": the leader is Brel, not Ecuador."""
    entities = story_entities({
        "x": "Border talks in Quito, Ecuador — Peru's leader, Tomas Brel, announced early Saturday that the border would close.",
        "y": "Ecuador said Peruvian President Tomas Brel had not called.",
    })
    assert _holding(entities, "Peru's leader").name == "Tomas Brel"


def test_understand_surname_shared_by_a_couple_goes_by_gender():
    texts = {
        "x": "Senator Arno Velez and his wife, Lucia Velez, arrived in Quito on Monday. Mr. Velez thanked the crowd.",
        "y": "Velez spoke for ten minutes. Mrs. Velez did not speak.",
    }
    docs = dict(zip(texts, parse(list(texts.values()))))
    mentions = [m for article_id in texts for m in collect_mentions(article_id, docs[article_id])]
    add_surname_mentions(docs, mentions)
    entities = cluster_mentions(mentions, texts)
    mister = next(e for e in entities for m in e.mentions if m.article_id == "x" and m.text == "Velez" and texts["x"][m.start - 4:m.start] == "Mr. ")
    missus = next(e for e in entities for m in e.mentions if m.article_id == "y" and m.text == "Velez" and texts["y"][m.start - 5:m.start] == "Mrs. ")
    assert mister.name == "Arno Velez"
    assert missus.name == "Lucia Velez"


@pytest.mark.parametrize(
    "short, long",
    [
        ("Norvale Shipping", "Norvale Shipping Corp."),  # legal form
        ("Kestrel Data", "Kestrel Data Systems"),  # a longer name that begins with the shorter one
    ],
)
def test_understand_organisation_name_variants_are_one_entity(short, long):
    texts = {
        "x": f"Shares of {long} rose on Monday after the merger was approved by regulators.",
        "y": f"Analysts said {short} would cut 300 jobs after the merger.",
    }
    docs = dict(zip(texts, parse(list(texts.values()))))
    entities = cluster_mentions([m for k in texts for m in collect_mentions(k, docs[k])], texts)
    holders = [e for e in entities if {m.text for m in e.mentions} & {short, long}]
    assert len(holders) == 1, [e.name for e in holders]


def test_understand_pronoun_speaker_agrees_in_gender():
    text = "Ms. Ana Lorca met Mr. Tomas Brel at the trade fair in Quito on Monday, and the two spoke for an hour.\n\"We agreed on everything that matters,\" she said after the talks."
    (doc,) = parse([text])
    entities = cluster_mentions(collect_mentions("x", doc), {"x": text})
    (record,) = [r for r in article_quotes("x", doc, sentence_bounds(doc), entities) if r.direct]
    speaker = next(e for e in entities if e.id == record.speaker_entity_id)
    assert speaker.name == "Ana Lorca"


def test_understand_description_speaker_named_later_in_the_article():
    """"..., the regional governor said" goes to the governor the article names afterwards,
    not to another person named earlier in the sentence."""
    text = (
        "Engineer Paul Dorn had inspected the dam a week earlier, and the flood was the worst in decades, "
        "the regional governor said on Monday.\n\n"
        "Governor Tessa Ivanova told reporters that the town would be rebuilt before winter.\n"
    )
    article = CleanArticle(id=content_id(text), source_path="governor.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    governor = _entity_with(u, "Tessa Ivanova")
    first = [q for q in u.quotes if any("worst in decades" in v.text for v in q.variants)]
    assert first and first[0].speaker_entity_id == governor.id


# --------------------------------------------------------------------------- names across articles (issue #5, ECB+ errors)


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("Frederick Oduya Lanter", "Fred Lanter", True),  # a short form that begins the name; middle name absent
        ("William Ostrander", "Bill Ostrander", True),  # a nickname (data/understand/nicknames.csv)
        ("W. Tomas Brel Sr.", "Tomas Brel", True),  # a leading initial and a generational suffix
        ("Mark Lanter", "Miles Lanter", False),  # brothers: other given names
        ("Paul Lanter", "Paula Lanter", False),  # one letter apart, but a man and a woman (given_names.csv)
        ("Sigrun Toqvist", "Sigrun Toquist", True),  # Swedish qv is English qu
        ("Sigrun Toqvist", "Ragna Toquist", False),  # one surname, two given names: two people
        ("Alexandros Pelekanos", "Alexis Pelekanos", True),  # a Greek short form (nicknames.csv)
    ],
)
def test_understand_person_name_forms_across_articles(first, second, same):
    texts = {"x": f"{first} was sworn in as mayor of Quito on Monday.", "y": f"{second} promised to fix the roads within a year."}
    entities = story_entities(texts)
    people = {article_id: [e for e in entities if e.type == "PERSON" and any(m.article_id == article_id and m.kind == "name" for m in e.mentions)]
              for article_id in texts}
    assert len(people["x"]) == 1 and len(people["y"]) == 1
    assert (people["x"][0].id == people["y"][0].id) is same


def test_understand_team_name_without_its_city_is_the_team():
    texts = {
        "x": "The Portland Herons beat the Denver Owls 3-1 in Portland on Sunday.",
        "y": "The Herons have now won five games in a row.",
    }
    team = [e for e in story_entities(texts) if {m.text for m in e.mentions} & {"Herons", "Portland Herons"}]
    assert len(team) == 1 and {"Herons", "Portland Herons"} <= {m.text for m in team[0].mentions}


def test_understand_pronoun_skips_a_person_whose_given_name_shows_the_other_gender():
    text = ("Singer Maria Lopez met reporters in Quito on Monday.\n"
            "Jack Dorner, who runs the clinic, said the treatment had worked.\n"
            "She plans to return to the stage in May.")
    entity, _ = _holder(story_entities({"x": text}), "x", "She")
    assert entity.name == "Maria Lopez"


@pytest.mark.parametrize(
    "text, country",
    [
        ("Wellington said on Monday that New Zealand would send two more ships to the region.", "New Zealand"),
        ("Wellington said on Monday that the new bypass around the market town in Somerset would open in May.", None),
    ],
)
def test_understand_capital_stands_for_its_country_only_when_the_story_names_it(text, country):
    holder = next(e for e in story_entities({"x": text}) if any(m.text == "Wellington" for m in e.mentions))
    assert holder.name == (country or "Wellington")


def test_understand_possessive_in_an_apposition_is_not_the_named_person():
    entities = story_entities({"x": "Miles Lanter, his brother, said the mayor had resigned."})
    miles = next(e for e in entities if e.name == "Miles Lanter")
    assert "his" not in {m.text for m in miles.mentions}


def test_understand_person_name_cut_off_the_end_of_an_organisation_span():
    """The tagger runs a title into the name after it; the name is a person, the rest the organisation.
    An organisation whose name holds a given name after "&" stays whole."""
    from spacy.tokens import Span

    from newsprism.understand.nlp import parse

    text = "Chief of Staff of the Armed Forces of Norland Mohammad Rahimi signed the pact. Marks & Spencer Lydia Holt was not there."
    doc = parse([text])[0]
    words = [t.text for t in doc]
    armed, norland_end = words.index("Armed"), words.index("Rahimi") + 1
    marks = words.index("Marks")
    doc.ents = [Span(doc, armed, norland_end, label="ORG"), Span(doc, marks, marks + 3, label="ORG")]
    found = {(m.text, m.label) for m in collect_mentions("a1", doc)}
    assert ("Mohammad Rahimi", "PERSON") in found
    assert ("Armed Forces of Norland", "ORG") in found
    assert ("Marks & Spencer", "ORG") in found


def test_understand_group_name_repeats_skip_a_longer_proper_name():
    """A story's group name met again on its own is a mention; inside "Defense Minister" it is not."""
    from newsprism.understand.mentions import Found
    from newsprism.understand.nlp import parse

    text = "Norland Defense Minister Ana Roos met officials. Later, Defense said nothing more."
    doc = parse([text])[0]
    tagged = Found("b1", "Defense", 0, 7, 0, "ORG")  # as if the tagger had marked it in another article
    mentions = [tagged]
    add_surname_mentions({"a1": doc}, mentions)
    added = [(m.start, m.text) for m in mentions[1:] if m.label == "ORG"]
    assert added == [(text.index("Defense said"), "Defense")]



def test_understand_place_after_a_preposition_is_no_look_alike_surname():
    """"in Dravic" is a town, not a spelling of the minister Dravec named in the story; his own
    surname after a preposition ("according to Dravec") is still him."""
    text = ("Minister Ivo Dravec met the council on Monday.\n\n"
            "The council in Dravic rejected the plan, according to Dravec.\n")
    article = CleanArticle(id=content_id(text), source_path="council.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    minister = _entity_with(u, "Ivo Dravec")
    assert "Dravic" not in minister.aliases
    assert sum(1 for m in minister.mentions if m.text == "Dravec") == 1


def test_understand_translations_of_one_remark_sharing_no_word_are_one_quote():
    """Two outlets' renderings of one remark by one speaker, with no content word in common."""
    from newsprism.embed import embed
    from newsprism.understand.quotes import QuoteRecord, group_quotes

    def record(article_id: str, text: str) -> QuoteRecord:
        return QuoteRecord(article_id=article_id, text=text, start=0, end=len(text), sentence_start=0,
                           sentence_end=len(text), sentence_text=text, speaker_entity_id="e_mayor")

    quotes = group_quotes([record("a", "We will establish who is to blame and they will be held accountable"),
                           record("b", "We will find out who is responsible, and they will answer for it")],
                          [Entity(id="e_mayor", name="Lena Brandt", type="PERSON")], embed)
    assert len(quotes) == 1 and len(quotes[0].variants) == 2


def test_understand_occupation_before_a_name_is_a_title():
    """"Nurse Ada Pike" is Ada Pike, with "Nurse" kept as evidence of who she is."""
    text = "Nurse Ada Pike said the ward was full on Monday.\n\nPike said more beds would come.\n"
    article = CleanArticle(id=content_id(text), source_path="ward.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    pike = _entity_with(u, "Ada Pike")
    assert "Nurse Ada Pike" not in [pike.name, *pike.aliases]
    assert any("nurse" in t.lower() for t in pike.titles)


def test_understand_title_before_two_names_is_a_person_whatever_the_tagger_said():
    """The small model calls "Nurse Ada Pike" an organisation and sees no one in "Mayor Ines
    Falk"; a capitalised title and two names are a person. "General Motors" stays an organisation."""
    text = ("Mayor Ines Falk said the road would reopen on Monday.\n\n"
            "General Motors said its plant would stay shut.\n\nFalk thanked the crews.\n")
    article = CleanArticle(id=content_id(text), source_path="road.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    falk = _entity_with(u, "Ines Falk")
    assert falk.type == "PERSON" and any("mayor" in t.lower() for t in falk.titles)
    assert not [e for e in u.entities if e.type == "PERSON" and "Motors" in e.name]


def test_understand_speaker_is_the_subject_not_its_possessor_or_a_place_in_it():
    """"Korvel's chief executive, Mira Santala, told ..." is Santala's remark (not Korvel's);
    "Unions at the plant in Lahti warned ..." is the unions', not Lahti's."""
    text = ("Korvel chief executive Mira Santala said the plant would stay open.\n\n"
            "\"We will open two new plants,\" Korvel's chief executive, Mira Santala, told analysts on Monday.\n\n"
            "Unions at the Korvel plant in Lahti warned that up to 300 jobs could go.\n")
    article = CleanArticle(id=content_id(text), source_path="korvel.txt", published="2030-04-02", text=text)
    u = understand_story(_group([article]), [article])
    santala = _entity_with(u, "Mira Santala")
    by_text = {v.text: q for q in u.quotes for v in q.variants}
    assert by_text["We will open two new plants"].speaker_entity_id == santala.id
    unions = [q for t, q in by_text.items() if "300 jobs" in t]
    assert unions and unions[0].speaker_entity_id is None, unions


# --------------------------------------------------------------------------- unseen-story faults (invented text)


def test_understand_person_named_after_an_organisation_speaks_and_the_medium_is_the_channel():
    """"Norvik Energy chief executive Tomas Brandt told state radio" is Brandt's remark through
    state radio; Norvik Energy only says whose chief executive he is (it was taken for the channel)."""
    text = ("Norvik Energy runs the terminal.\n\n"
            "\"We have closed the valve and nobody is in danger,\" Norvik Energy chief executive Tomas Brandt told state radio.\n")
    quote, speaker = _one_quote_about(text, "We have closed the valve and nobody is in danger")
    assert (speaker, quote.channel) == ("Tomas Brandt", "state radio")


def test_understand_speaker_named_in_the_apposition_of_a_long_subject():
    """A long subject is cut to its head ("Velland's transport minister"); the person named in its
    apposition is still the speaker, not whoever a bare description would point at."""
    text = ("Sandro Pellici, the coach of Vargas United, met the fans on Friday.\n\n"
            "Velland's transport minister, Ana Morel, who took office in March, said the drivers had been \"left without any help\".\n")
    quote, speaker = _one_quote_about(text, "left without any help")
    assert speaker == "Ana Morel"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parse hangs the second clause on "said": the statement is still all of it
        ("Hundreds of passengers waited on the platform, and the trains stopped when the power failed, station staff said.",
         "Hundreds of passengers waited on the platform, and the trains stopped when the power failed"),
        ("According to Mayor Karin Holm, the ferry will run again on Friday.", "the ferry will run again on Friday"),
    ],
)
def test_understand_indirect_remark_is_the_whole_statement_without_the_full_stop(text, content):
    quote, _ = _one_quote_about(text, content)
    assert not quote.variants[0].direct


@pytest.mark.parametrize(
    ("text", "number_text", "kind", "unit", "low", "high"),
    [
        ("Crews reached Lusk and two neighbouring farms.", "two", "count", "farms", 2, 2),
        ("The club said 118 of its members had travelled.", "118", "count", "members", 118, 118),
        ("Police closed gate 7 before the match.", "7", "identifier", None, 7, 7),
        ("The state will pay 150,000 Egyptian pounds to each family.", "150,000 Egyptian pounds", "money", "EGP", 150000, 150000),
        ("Seats cost between 40 and 250 pounds.", "40 and 250 pounds", "money", "GBP", 40, 250),
        ("The bang was heard 12 kilometres away.", "12 kilometres", "measure", "kilometres", 12, 12),
        ("Nine were killed and 60 injured in the blast.", "60", "count", "injured", 60, 60),
        ("A doctor said 14 of the wounded were in intensive care.", "14", "count", "wounded", 14, 14),
        ("Five injured workers were flown out.", "Five", "count", "workers", 5, 5),
        ("The death toll from the landslide rose to 26 on Friday.", "26", "count", "people", 26, 26),
        ("Officials gave a death toll of 31.", "31", "count", "people", 31, 31),
    ],
)
def test_understand_numbers_units_kinds_and_ranges(text, number_text, kind, unit, low, high):
    """What a number counts, and numbers that count nothing: a label ("gate 7"), a distance."""
    numbers = find_numbers("a", text, parse([text])[0])
    (number,) = [n for n in numbers if n.text == number_text]
    assert (number.kind, number.unit, number.low, number.high) == (kind, unit, low, high)
    assert text[number.start:number.end] == number.text


def test_understand_rate_after_an_amount_is_no_duration():
    """"$2 million a week" is a rate of the amount; "for a week" is a span of time."""
    text = "The refinery loses $2 million a week, and the port closed for a week."
    doc = parse([text])[0]
    assert [d.text for d in find_dates("a", text, "2030-04-02", doc) if d.kind == "duration"] == ["a week"]
    assert [d.start for d in find_dates("a", text, "2030-04-02", doc)] == [text.rindex("a week")]
    (money,) = [n for n in find_numbers("a", text, doc) if n.kind == "money"]
    assert money.unit == "USD/week"


@pytest.mark.parametrize("dateline", ["VELMORA (Lakewire) - ", "VELMORA, Tessland — ", "VELMORA, June 4 (Lakewire) – "])
def test_understand_wire_dateline_is_not_part_of_an_indirect_remark(dateline):
    text = dateline + "The barge sank in a squall near the quay, the port authority said.\n"
    _one_quote_about(text, "The barge sank in a squall near the quay")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "channel"),
    [
        ("Halvor Mining said it would pay for the families to stay in the town.",
         "it would pay for the families to stay in the town", "Halvor Mining", None),
        ("Reuters said the ferry had left the port before the storm.",
         "the ferry had left the port before the storm", None, "Reuters"),
    ],
)
def test_understand_organisation_speaks_unless_it_is_a_medium(text, content, speaker, channel):
    """A company that says something is the speaker; a news outlet that says it is the channel."""
    quote, speaker_name = _one_quote_about(text, content)
    assert (speaker_name, quote.channel) == (speaker, channel)


def test_understand_aged_description_speaker_is_the_person_named_before():
    """"The 47-year-old challenger said" stands for the challenger named earlier, though
    "challenger" is no office title."""
    text = ("The challenger, Emil Straka, won the count in Quellin on Sunday.\n\n"
            "Straka, a former schoolteacher, ran on a promise to fix the roads.\n\n"
            "The 47-year-old challenger said he would meet the outgoing mayor's team this week.\n")
    quote, speaker = _one_quote_about(text, "he would meet the outgoing mayor's team this week")
    assert speaker == "Emil Straka"


def test_understand_declaring_someone_something_is_no_speech():
    text = "The city commission declared the veteran Straka the winner of the mayoral election.\n"
    article = CleanArticle(id=content_id(text), source_path="declare.txt", published="2030-04-02", text=text)
    assert understand_story(_group([article]), [article]).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        # the small model tags this capital NORP or nothing at all
        "Tunis demanded on Sunday that the inquiry be independent, and Tunisia's sports minister said the fans had been mistreated.",
    ],
)
def test_understand_acting_capital_the_tagger_missed_is_its_country(text):
    holder = next(e for e in story_entities({"x": text}) if any(m.text == "Tunis" for m in e.mentions))
    assert holder.name == "Tunisia"


def test_understand_wire_dateline_names_no_actor():
    """"VELMORA (Lakewire) - " says where and by whom the story was filed."""
    entities = story_entities({"x": "VELMORA (Lakewire) - The barge Tessa sank near the quay, Mayor Ines Falk said.\n"})
    assert not [e for e in entities if any(m.text in {"VELMORA", "Lakewire"} for m in e.mentions)], [e.name for e in entities]
    assert any(e.name == "Ines Falk" for e in entities)


def test_understand_indirect_remark_ends_before_a_second_speech_verb():
    text = "Mayor Karin Holm told reporters she would meet the families this week and said the city would pay for the funerals.\n"
    quote, speaker = _one_quote_about(text, "she would meet the families this week")
    assert speaker == "Karin Holm"


def test_understand_speaker_phrase_of_a_long_subject_is_the_whole_name():
    text = "Dr Rania Selim, who has run the city hospital since 2019 and trained in Lyon, said the wards were full.\n"
    quote, _ = _one_quote_about(text, "the wards were full")
    assert quote.variants[0].speaker_text == "Rania Selim"


def test_understand_name_before_a_parenthesised_acronym_is_its_expansion():
    """"The Prairie Gas Transit Company (PGTC) said": the small model tags no organisation here;
    the words before the parentheses whose initials are the acronym name it, and it speaks."""
    text = "The Prairie Gas Transit Company (PGTC), which operates the line, said a fire at the pumping station burned for nine hours.\n"
    entities = story_entities({"x": text})
    company = next(e for e in entities if "PGTC" in [e.name, *e.aliases])
    assert company.name == "Prairie Gas Transit Company"
    quote, speaker = _one_quote_about(text, "a fire at the pumping station burned for nine hours")
    assert speaker == "Prairie Gas Transit Company"


def test_understand_each_rendering_keeps_the_channel_it_came_through():
    """One remark relayed by state radio in one article and by a news agency in another: the
    quote names the channel most renderings give, each variant its own."""
    texts = {
        "one": "Mayor Karin Holm told state radio that \"the bridge will open again before the winter\".\n",
        "two": "\"The bridge will be open again before winter comes,\" Mayor Karin Holm said, according to the news agency Nordpress.\n",
    }
    articles = [CleanArticle(id=content_id(t), source_path=f"{k}.txt", published="2030-04-02", text=t) for k, t in texts.items()]
    u = understand_story(_group(articles), articles)
    (quote,) = [q for q in u.quotes if len(q.variants) == 2]
    by_article = {v.article_ids[0]: v.channel for v in quote.variants}
    assert by_article == {articles[0].id: "state radio", articles[1].id: "Nordpress"}


def test_understand_chief_executive_description_is_the_named_executive():
    """"Norvik chief executive Tomas Brandt" makes "chief executive" his title, so "The chief
    executive said" later is his remark, not the governor's named in between."""
    text = ("Norvik chief executive Tomas Brandt visited the terminal on Monday.\n\n"
            "Governor Ilse Marek said the road would stay shut.\n\n"
            "The chief executive said the company had spent heavily on safety.\n")
    quote, speaker = _one_quote_about(text, "the company had spent heavily on safety")
    assert speaker == "Tomas Brandt"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("\"We lost everything,\" Mayor Karin Holm said, adding that the city would rebuild forty homes.\n",
         "the city would rebuild forty homes"),
        ("Mayor Karin Holm said a 'full review' had begun and that the bridge would stay shut for two weeks.\n",
         "the bridge would stay shut for two weeks"),
    ],
)
def test_understand_indirect_remark_beside_a_quote_in_one_sentence(text, content):
    """A quote's speaker also reports something outside the quotation marks of the same sentence."""
    quote, speaker = _one_quote_about(text, content)
    assert speaker == "Karin Holm" and not quote.variants[0].direct


def _quotes_of(text: str):
    article = CleanArticle(id=content_id(text), source_path="talks.txt", published="2030-05-07", text=text)
    u = understand_story(_group([article]), [article])
    names = {e.id: e.name for e in u.entities}
    return {v.text: (names.get(q.speaker_entity_id), v.channel) for q in u.quotes for v in q.variants}


def test_understand_unnamed_speakers_are_not_guessed_and_media_are_channels():
    """An office no one named holds, or "a senior official", is nobody named before; "told AFP",
    "a statement carried by the state news agency" and "wrote on Telegram" name the channel."""
    text = ("Sheikh Tamir bin Saleh al-Odeh, the chief mediator, said in a statement carried by the state news agency that \"real progress\" had been made.\n\n"
            "\"We are closer than ever,\" a senior official close to the talks told AFP.\n\n"
            "Abu Karim al-Shami, a commander of the armed group, wrote on Telegram that his fighters would respect any truce.\n\n"
            "The foreign minister was quoted by Al-Nour TV as saying: \"No agreement has been signed yet.\"\n\n"
            "\"The ball is in their court,\" he added.\n")
    quotes = _quotes_of(text)
    assert quotes["real progress"] == ("Tamir bin Saleh al-Odeh", "state news agency")
    assert quotes["We are closer than ever"] == (None, "AFP")
    assert quotes["his fighters would respect any truce"] == ("Abu Karim al-Shami", "Telegram")
    assert quotes["No agreement has been signed yet."] == (None, "Al-Nour TV")
    assert quotes["The ball is in their court"][0] is None


def test_understand_what_a_speaker_says_he_will_be_is_no_mention_of_another():
    """'"... I will be the mayor of everyone," Straka said' does not mention the sitting mayor."""
    text = ("Mayor Dorota Felk conceded on Sunday.\n\n"
            "\"This city has chosen change, and I will be the mayor of everyone,\" Emil Straka told supporters.\n")
    felk = next(e for e in story_entities({"x": text}) if e.name == "Dorota Felk")
    assert [m.text for m in felk.mentions if m.kind == "description"] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Egypt said seats cost between 50 and 300 pounds.", "EGP"),  # the country the article names
        ("The British firm paid 40 million pounds.", "GBP"),
        ("Tunisian fans paid 30 dinars each.", "TND"),
        ("Egypt and Lebanon traded 5 million pounds.", "GBP"),  # two countries with pounds: the default stands
    ],
)
def test_understand_currency_word_of_the_country_the_article_names(text, unit):
    (money,) = [n for n in find_numbers("a", text, parse([text])[0]) if n.kind == "money"]
    assert money.unit == unit


# --------------------------------------------------------------------------- entity types by context (task E2)


def _story(*texts: str):
    articles = [CleanArticle(id=content_id(t), source_path=f"a{n}.txt", published="2030-05-06", text=t) for n, t in enumerate(texts)]
    return understand_story(_group(articles), articles)


def test_understand_village_and_football_club_are_no_people():
    """A one-name "person" with no person evidence is the place or team its context names."""
    u = _story("More than 800 people were moved out of Tobrek and two nearby villages, officials said.\n\n"
               "The Tobrek pumping station burned for a day.\n\n"
               "At least 12 people were hurt before a cup match between Al-Qasira and the visiting side Ruvo Kessar.\n\n"
               "Supporters of Ruvo Kessar said the gates were shut.\n")
    for name in ("Tobrek", "Ruvo Kessar", "Al-Qasira"):
        typed = {e.type for e in u.entities if e.name == name or name in e.aliases}
        assert "PERSON" not in typed, (name, typed)


def test_understand_portfolio_word_of_a_title_is_no_organisation():
    """"Interior" of "Interior Minister Pavla Renko" is part of her title, not an organisation."""
    u = _story("Interior Minister Pavla Renko said the border would stay shut.\n\nRenko spoke in Varna.\n")
    assert not [e for e in u.entities if e.name == "Interior"]
    assert _entity_with(u, "Pavla Renko").type == "PERSON"


def test_understand_lower_case_title_before_a_name_makes_a_person():
    """"board chair Berit Sand": the tagger's organisation is a person with a title."""
    u = _story("The vote was certified by board chair Berit Sand after a long night.\n")
    hits = [e for e in u.entities if e.name == "Berit Sand"]
    assert hits and all(e.type == "PERSON" for e in hits)


def test_understand_bare_government_is_the_dateline_country_not_a_foreign_one():
    """In a story filed from Bishkek, "the government" is Kyrgyzstan's, though a Russian minister is named nearby
    (in an article with no dateline of its own: the story's dateline counts)."""
    u = _story("BISHKEK (KWA) - Floods destroyed 300 houses in Kyrgyzstan on Monday.\n",
               "Russian Deputy Prime Minister Oleg Varnov said Moscow would send help.\n\n"
               "'These families lost their homes,' Aida Sultanova, a deputy minister, said, adding that the government would rebuild 40 houses.\n")
    government = [e for e in u.entities for m in e.mentions if m.text == "the government"]
    assert [e.name for e in government] == ["Kyrgyzstan"]


def test_understand_it_after_an_event_noun_is_not_the_company():
    """"X said a fire burned for hours before crews put it out": it is the fire, not X."""
    u = _story("Norvel Energy said a fire at its depot burned for six hours before crews put it out.\n")
    company = _entity_with(u, "Norvel Energy")
    assert "it" not in [m.text for m in company.mentions]


def test_understand_the_company_is_never_a_town():
    """"the company" with no company named in the article before it is left unresolved, not given to a town."""
    u = _story("A shaft collapsed at the Brevik copper mine near Ostrava, trapping 30 miners.\n\n"
               "Rescuers reached the trapped men, the company said.\n\n"
               "Kordan Mining said it would pay for the families.\n")
    holders = [e for e in u.entities for m in e.mentions if m.text == "the company"]
    assert all(e.type == "ORG" for e in holders) and not [e for e in holders if e.name in {"Ostrava", "Brevik"}]


# --------------------------------------------------------------------------- not actors (task E, issue #5)


@pytest.mark.parametrize(
    ("text", "not_an_entity"),
    [
        ("The singer Kara Lund was arrested for DUI early on Sunday, police in Ostmark said.", "DUI"),
        ("The talks in Velmar ended at 14:00 GMT without a deal, the ministry said.", "GMT"),
        ("BLAZE DESTROYS OSTMARK DEPOT\n\nA blaze destroyed a depot in Ostmark on Monday, fire crews said.", "BLAZE"),
    ],
)
def test_understand_abbreviations_and_shouted_words_are_no_organisations(text, not_an_entity):
    """Abbreviations of ordinary things ("DUI", "GMT") and a headline word the article also writes
    in lower case ("BLAZE" beside "a blaze") name no actor; real initials still do."""
    u = _story(text + "\n\nThe FBI said it would help.\n")
    names = {n for e in u.entities for n in (e.name, *e.aliases)}
    assert not_an_entity not in names
    assert "FBI" in names


def test_understand_surname_the_tagger_calls_a_noun_in_a_headline_is_the_person():
    """"Voss hates the deal" (a headline where the tagger reads "Voss" as a noun) is Mayor Ida Voss."""
    body = ("Voss hates the port deal and may kill it\n\n"
            "Mayor Ida Voss told the council on Monday that the port deal was short of money.\n")
    voss = _entity_with(_story(body), "Ida Voss")
    assert 0 in {m.start for m in voss.mentions}


def test_understand_group_name_the_tagger_calls_a_noun_is_still_the_group():
    """"Falcons clinch playoff spot" (a headline where "Falcons" is read as a common noun) is the team
    the story names elsewhere; the same word in lower case is not."""
    from newsprism.understand.mentions import Found

    text = "Falcons clinch playoff spot by beating Hawks\n\nThe falcons on the team badge were repainted.\n"
    doc = parse([text])[0]
    assert doc[0].pos_ == "NOUN"  # the case this rule is for
    mentions = [Found("b1", "Falcons", 0, 7, 0, "ORG")]  # as if the tagger had marked it in another article
    add_surname_mentions({"a1": doc}, mentions)
    assert [(m.start, m.text, m.label) for m in mentions[1:]] == [(0, "Falcons", "ORG")]


def test_understand_words_of_a_long_title_are_no_descriptions_of_their_own():
    """"Chief of Staff for the Armed Forces of Velmar Toma Arisz": neither "Chief" nor "Staff" is a mention."""
    u = _story("Defence Minister Ivo Kalnik and Chief of Staff for the Armed Forces of the Republic of Velmar Omar Arisz signed a pact on Monday.\n\n"
               "Arisz said the pact would last ten years.\n")
    arisz = _entity_with(u, "Omar Arisz")
    assert not {"Chief", "Staff"} & {m.text for m in arisz.mentions}


def test_understand_invented_ferry_story_namesakes_surname_only_outlet_and_town_named_like_a_person():
    """Three outlets: one names the operator's chief only by surname; two unrelated Vargas; a town named like a person."""
    courier = ("STANISLAV (RNS) - A passenger ferry capsized on Lake Orvanne on Saturday evening near the town of Stanislav, "
               "killing at least six people, rescue officials said.\n\n"
               "Rescue chief Bence Varga said 41 people had been pulled from the water. \"The water was very cold, and the wind "
               "made it hard to reach them,\" Varga said.\n\n"
               "The ferry's captain, Ilona Varga, who is not related to the rescue chief, survived and was questioned by police.\n\n"
               "The operator, Orvanne Lines, said it was cooperating with investigators. Its chief executive, Dorian Hollis, said "
               "the company would pay for the funerals.\n")
    herald = ("Families gathered in Stanislav on Sunday after the ferry disaster on Lake Orvanne.\n\n"
              "Orvanne Lines chief executive Dorian Hollis visited the harbour and said he was \"deeply sorry\".\n\n"
              "Captain Ilona Varga told investigators the engine failed minutes before the boat tipped over, her lawyer said. "
              "Varga has been suspended by the company.\n\n"
              "A storm hit the lake on Saturday afternoon and it knocked out power in the harbour for two hours.\n")
    post = ("Hollis apologised on Sunday for the ferry sinking near Stanislav that killed seven people.\n\n"
            "Mr Hollis said the firm would review its safety rules and hire more crew.\n\n"
            "The rescue commander, Bence Varga, said divers would keep searching the lake until Tuesday.\n")
    articles = [CleanArticle(id=content_id(t), source_path=f"{n}.txt", published="2030-05-06", text=t)
                for n, t in (("courier", courier), ("herald", herald), ("post", post))]
    u = understand_story(_group(articles), articles)
    ids = {a.id: a.source_path for a in articles}
    hollis = _entity_with(u, "Dorian Hollis")
    assert sum(1 for m in hollis.mentions if ids[m.article_id] == "post.txt" and m.text == "Hollis") == 2
    bence, ilona = _entity_with(u, "Bence Varga"), _entity_with(u, "Ilona Varga")
    assert bence.id != ilona.id
    assert [ids[m.article_id] for m in bence.mentions if m.text == "Varga"] == ["courier.txt"]  # '..., Varga said' after the quote
    assert [ids[m.article_id] for m in ilona.mentions if m.text == "Varga"] == ["herald.txt"]  # 'Varga has been suspended'
    assert all(e.type != "PERSON" for e in u.entities if e.name == "Stanislav" or "Stanislav" in e.aliases)
    operator = _entity_with(u, "Orvanne Lines")
    assert "courier.txt" in {ids[m.article_id] for m in operator.mentions if m.text == "the company"}
    assert not [e for e in u.entities for m in e.mentions if m.text == "the company" and e.type != "ORG"]
    assert "herald.txt" not in {ids[m.article_id] for m in operator.mentions if m.text == "it"}  # the storm's 'it'


# --------------------------------------------------------------------------- numbers and dates: ages, occasions, scales, bounds (task Q5)


@pytest.mark.parametrize(
    ("text", "number_text", "low", "high"),
    [
        ("A 58-year-old fisherman was rescued off Corvo Point.", "58-year-old", 58, 58),
        ("\"The water rose in minutes,\" said Ilse Varga, 44, a baker.", "44", 44, 44),
        ("Residents aged over 70 were moved first.", "70", 70, None),
        ("The girl was 6 years old.", "6 years old", 6, 6),
        ("Volunteers aged 18 to 25 signed up.", "25", 25, 25),
    ],
)
def test_understand_numbers_age_is_an_age_not_a_count_or_a_span_of_time(text, number_text, low, high):
    doc = parse([text])[0]
    dates = find_dates("a", text, "2030-04-02", doc)
    numbers = find_numbers("a", text, doc, [(d.start, d.stop) for d in dates])
    (age,) = [n for n in numbers if n.text == number_text]
    assert (age.kind, age.unit, age.low, age.high) == ("age", "years", low, high)
    assert not [d for d in dates if d.kind == "duration"]


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("The dam wall has cracked twice since it was built.", "count", "times"),
        ("Ferries were cancelled twice on Sunday.", "count", "times"),
        ("The new hall holds twice as many seats.", "ratio", "times"),
        ("Fares are now three times as high.", "ratio", "times"),
    ],
)
def test_understand_numbers_twice_counts_occasions_and_times_as_many_multiplies(text, kind, unit):
    numbers = find_numbers("a", text, parse([text])[0])
    (number,) = [n for n in numbers if n.unit == unit]
    assert (number.kind, number.value) == (kind, 2 if "twice" in text else 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A magnitude 5.8 earthquake hit the valley.", 5.8),
        ("The survey put the tremor at magnitude 6.4.", 6.4),
        ("A 6.2-magnitude quake shook the coast.", 6.2),
        ("It registered 4.9 on the Richter scale.", 4.9),
        ("The quake measured 5.5 and was felt in the capital.", 5.5),
    ],
)
def test_understand_numbers_magnitude_is_a_measure_on_its_scale(text, value):
    (number,) = find_numbers("a", text, parse([text])[0])
    assert (number.kind, number.unit, number.value) == ("measure", "magnitude", value)


@pytest.mark.parametrize(
    ("text", "number_text", "kind", "unit"),
    [
        ("Work on the Orsk-2 reservoir stopped.", "2", "identifier", None),
        ("The line carries 35% of the region's gas.", "35%", "percent", "%"),
    ],
)
def test_understand_numbers_figure_in_a_name_and_percent_sign(text, number_text, kind, unit):
    (number,) = find_numbers("a", text, parse([text])[0])
    assert (number.text, number.kind, number.unit) == (number_text, kind, unit)


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("The bridge will stay shut for at least three weeks.", "at least three weeks", 3, None),
        ("An inquiry will report within ten days.", "within ten days", None, 10),
        ("The strike lasted 14 months.", "14 months", 14, 14),
    ],
)
def test_understand_duration_keeps_its_bound_as_a_number_and_a_date_span(text, span, low, high):
    doc = parse([text])[0]
    dates = find_dates("a", text, "2030-04-02", doc)
    (duration,) = [d for d in dates if d.kind == "duration"]
    assert duration.text == span and text[duration.start:duration.stop] == span
    (number,) = [n for n in find_numbers("a", text, doc, [(d.start, d.stop) for d in dates]) if n.kind == "duration"]
    assert (number.low, number.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("Records were copied between 4 March and 19 May.", "2030-03-04", "2030-05-19"),
        ("The intruders had access from early January until late February.", "2030-01", "2030-02"),
        ("The valley was flooded twice in the past four years.", "2026", "2030-06-10"),
    ],
)
def test_understand_dates_two_ends_of_one_stretch_are_one_range(text, value, end):
    (found,) = find_dates("a", text, "2030-06-10", parse([text])[0])
    assert (found.kind, found.value, found.end) == ("range", value, end)


def test_understand_dates_weekday_in_a_reported_promise_is_ahead_of_publication():
    text = "The council said it would reopen the market by Saturday. Traders protested on Monday."
    found = find_dates("a", text, "2030-04-03", parse([text])[0])  # a Wednesday
    assert [(d.text, d.value) for d in found] == [("Saturday", "2030-04-06"), ("on Monday", "2030-04-01")]


# --------------------------------------------------------------------------- quotes: attributions the parse hides (task Q5)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "channel"),
    [
        # a line break after the sentence once counted as a word after "according to X"
        ("The pier had sunk by a metre, according to the Velmora Harbour Board.\n\nDivers went down at noon.\n",
         "The pier had sunk by a metre", "Velmora Harbour Board", None),
        ("According to the inspector, Mira Holt, the valves had never been tested.\n\nThe plant stayed shut.\n",
         "the valves had never been tested", "Mira Holt", None),
        ("Chief executive Lars Odegaard apologised and said the firm would refund every passenger.\n",
         "the firm would refund every passenger", "Lars Odegaard", None),
        ("The Tessland Rail Authority said it would investigate.\n", "it would investigate", "Tessland Rail Authority", None),
        ("VELMORA (Lakewire) - Tessland Ferries said on Monday that the tanker had been refloated.\n\nTessland Ferries runs six ships.\n",
         "the tanker had been refloated", "Tessland Ferries", None),
        ("The troubled ferry operator Orvik Ferries Ltd admitted that two sailings had been cancelled.\n",
         "two sailings had been cancelled", "Orvik Ferries Ltd", None),
        ("The storm flattened the harbour wall on Sunday, the state news agency TNA reported.\n",
         "The storm flattened the harbour wall on Sunday", None, "TNA"),
    ],
)
def test_understand_attribution_the_parse_hides_still_gives_speaker_or_channel(text, content, speaker, channel):
    quote, speaker_name = _one_quote_about(text, content)
    assert (speaker_name, quote.channel) == (speaker, channel)


@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        ("About 200 people marched past the town hall, police said.\n\nThe march was peaceful.\n",
         "About 200 people marched past the town hall", "police"),
        ("Half the homes in Brask lost power, according to local officials.\n\nRepairs began at dawn.\n",
         "Half the homes in Brask lost power", "local officials"),
    ],
)
def test_understand_unnamed_people_as_source_are_speakers_without_an_entity(text, content, speaker_text):
    quote, speaker_name = _one_quote_about(text, content)
    assert speaker_name is None and quote.variants[0].speaker_text == speaker_text


def test_understand_the_company_as_speaker_is_the_company_named_before():
    text = ("Orvik Ferries Ltd cancelled all sailings on Monday.\n\n"
            "The company said the ferries would stay in port until the wind dropped.\n")
    _, speaker = _one_quote_about(text, "the ferries would stay in port until the wind dropped")
    assert speaker == "Orvik Ferries Ltd"


def _story_quotes(texts: list[str]):
    articles = [CleanArticle(id=content_id(t), source_path=f"{i}.txt", published="2030-03-05", text=t) for i, t in enumerate(texts)]
    u = understand_story(_group(articles), articles)
    names = {e.id: e.name for e in u.entities}
    return [(names.get(q.speaker_entity_id), sorted(v.text for v in q.variants)) for q in u.quotes]


def test_understand_loose_translations_of_one_remark_are_one_quote_when_each_is_the_others_closest():
    """Two renderings further apart than the usual cut (cosine 0.58) are one remark when the
    speaker's other remark in those articles is far from both; that other remark stays apart."""
    texts = [
        "Governor Ilse Marwick was quoted by the news agency VNA as saying that crews would not stop until the last worker was out.\n\n"
        "\"Families should wait at the community hall,\" Marwick added.\n",
        "Governor Ilse Marwick said in a televised address: ‘Our rescuers will not give up until the final worker is back above ground.’\n",
    ]
    quotes = _story_quotes(texts)
    assert ("Ilse Marwick", ["Our rescuers will not give up until the final worker is back above ground.",
                             "crews would not stop until the last worker was out"]) in quotes
    assert ("Ilse Marwick", ["Families should wait at the community hall"]) in quotes


def test_understand_two_outlets_accounts_from_different_sources_are_not_one_remark():
    texts = [
        "A fire destroyed the Brask timber mill on Monday, killing four workers, officials said.\n",
        "A fire destroyed the timber mill in Brask late on Sunday, killing at least five workers, the state news agency TNA reported.\n",
    ]
    assert all(len(variants) == 1 for _, variants in _story_quotes(texts))


@pytest.mark.parametrize(
    ("text", "number_text", "unit"),
    [
        ("The blast killed nine people and injured more than 60, officials said.", "60", "injured"),
        ("Police arrested 12 men and detained 30 on Friday.", "30", "detained"),
    ],
)
def test_understand_numbers_bare_object_of_a_casualty_verb_counts_its_participle(text, number_text, unit):
    (number,) = [n for n in find_numbers("a", text, parse([text])[0]) if n.text == number_text]
    assert (number.kind, number.unit) == ("count", unit)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("VELMORA (Lakewire) - Tessland Ferries said on Monday that the tanker had been refloated.", "Tessland Ferries"),
        ("About 300 people marched past the town hall, police said.", "police"),
        ("Officials and witnesses said the bridge fell at noon.", "Officials and witnesses"),
    ],
)
def test_understand_claim_subject_is_no_wire_dateline_and_the_nearest_of_two(text, subject):
    from newsprism.understand.claims import subject_predicate_object

    sent = list(parse([text])[0].sents)[0]
    assert subject_predicate_object(sent)[0] == subject


def test_understand_numbers_figure_set_off_after_a_place_is_no_age():
    text = "The toll in Brask, 40, was the highest in the valley."
    assert [n.kind for n in find_numbers("a", text, parse([text])[0])] == ["count"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The Tashkent court fined the firm 90 million soms.", "UZS"),
        ("Officials in Bishkek said 40 million soms had gone missing.", "KGS"),
        ("The regulator imposed a fine of 3 billion Korean won.", "KRW"),
    ],
)
def test_understand_som_and_won_amounts_are_money_of_the_country_named(text, unit):
    (number,) = find_numbers("a", text, parse([text])[0])
    assert (number.kind, number.unit) == ("money", unit)



@pytest.mark.parametrize("text", ["A twice-weekly ferry links the islands.", "The road flooded once or twice last winter."])
def test_understand_numbers_twice_as_a_frequency_or_a_guess_is_no_figure(text):
    assert not [n for n in find_numbers("a", text, parse([text])[0]) if n.unit == "times"]


# --------------------------------------------------------------------------- Q5 entity faults (task E2, issue #5)


def test_understand_dzh_dj_j_spellings_are_one_person_and_namesakes_stay_apart():
    """Dzh / Dj / J spell one sound: one person across outlets; a relative sharing the surname stays apart."""
    entities = story_entities({
        "x": "Former minister Ruslan Dzhaksybekov was jailed on Monday. His nephew Marat Dzhaksybekov was acquitted.",
        "y": "A court jailed former minister Ruslan Djaksybekov for ten years. Djaksybekov denied the charges.",
        "z": "Ruslan Jaksybekov said he would appeal. Marat Jaksybekov left the court.",
    })
    ruslan = _holding(entities, "Ruslan Dzhaksybekov")
    marat = _holding(entities, "Marat Dzhaksybekov")
    assert ruslan is not None and marat is not None and ruslan is not marat
    assert _holding(entities, "Ruslan Djaksybekov") is ruslan and _holding(entities, "Ruslan Jaksybekov") is ruslan
    assert _holding(entities, "Djaksybekov") is ruslan
    assert _holding(entities, "Marat Jaksybekov") is marat


def test_understand_korean_surname_romanisations_and_surname_first_are_one_person():
    """"Jeong Min-ho" / "Chung Min-ho" are one person, a bare "Jeong" in a third outlet is him
    (surname first), and "Jeong Ha-eun", who shares the surname, stays another person."""
    entities = story_entities({
        "x": "Chief executive Jeong Min-ho apologised on Monday. Jeong Ha-eun, a regulator, said a fine was possible.",
        "y": "Chief executive Chung Min-ho said the firm was sorry.",
        "z": "Jeong said on Tuesday the firm would pay for identity protection.",
    })
    min_ho = _holding(entities, "Jeong Min-ho")
    assert min_ho is not None and _holding(entities, "Chung Min-ho") is min_ho
    assert _holding(entities, "Jeong") is min_ho
    ha_eun = _holding(entities, "Jeong Ha-eun")
    assert ha_eun is not None and ha_eun is not min_ho


def test_understand_the_company_is_not_the_agency_named_just_before():
    """"The Ostmark Cyber Agency alerted the company, the company said": the company is the
    firm named the sentence before, not the agency, and a later "the company" out of sight is the same firm."""
    u = _story("Velnor Telecom said hackers had stolen customer data.\n\n"
               "The Ostmark Cyber Agency discovered the breach and alerted the company on 2 May, the company said.\n\n"
               "The agency said it had warned operators in April.\n\n"
               "Customers were angry.\n\n"
               "Shops were quiet on Tuesday.\n\n"
               "The company said it would send a text message to each customer.\n")
    holders = {e.name for e in u.entities for m in e.mentions if m.text.lower() == "the company"}
    assert holders == {"Velnor Telecom"}


def test_understand_a_named_persons_lawyer_is_the_storys_one_lawyer_and_no_guess_among_two():
    """"Doe's lawyer" in one outlet is "His lawyer, Sam Roe" of another when the story has one
    lawyer besides Doe; with two lawyers it is left unresolved."""
    one = story_entities({
        "x": "Former mayor Ivo Marsh was jailed on Monday. His lawyer, Sam Roe, said the defence would appeal.",
        "y": "Ivo Marsh said he was innocent. Mr Marsh's lawyer said he would appeal.",
    })
    roe = _holding(one, "Sam Roe")
    assert roe is not None and _holding(one, "Mr Marsh's lawyer") is roe
    two = story_entities({
        "x": "Former mayor Ivo Marsh was jailed on Monday. His lawyer, Sam Roe, said the defence would appeal.",
        "z": "Lena Holt, a lawyer for the city, welcomed the verdict.",
        "y": "Ivo Marsh said he was innocent. Mr Marsh's lawyer said he would appeal.",
    })
    assert _holding(two, "Mr Marsh's lawyer") is None


# --------------------------------------------------------------------------- task U (issue #5): unseen stories


def test_understand_russian_kh_written_h_is_one_person():
    """Russian Kh is also romanised H, with -iy / -y endings: Kholodkov / Holodkov is one man,
    while the rules still read Persian and Arabic Kh as K."""
    entities = story_entities({
        "x": "Plant manager Vasiliy Kholodkov said the furnace had been repaired. Kholodkov declined to comment further.",
        "y": "The plant's manager, Vasily Sergeyevich Holodkov, has been questioned by prosecutors. Holodkov denied any fault.",
    })
    kholodkov = _holding(entities, "Vasiliy Kholodkov")
    assert kholodkov is not None and kholodkov.type == "PERSON"
    assert _holding(entities, "Holodkov") is kholodkov
    assert tokens_match("Zaykh", "Zayh") and not tokens_match("Holodkov", "Golodkov")


def test_understand_untagged_given_name_keeps_a_bare_surname_with_its_own_namesake():
    """The tagger leaves "Gleb Zarubin" unmarked and calls a later bare "Zarubin" an organisation
    (as en_core_web_sm does in some articles): that article's Zarubin is still Gleb, not the
    deputy minister Boris Zarubin named more often in the other articles."""
    texts = {
        "x": "Deputy Energy Minister Boris Zarubin said the pipeline would reopen. Zarubin was speaking in Omsk. "
             "Zarubin said repairs had begun.",
        "y": "The deputy minister Boris Zarubin, who visited the site, said on Friday that all pumps would be checked.",
        "z": "Gleb Zarubin, who leads the local drivers' union, said workers had complained about the road for months.\n\n"
             "'The drivers warned about the bridge since the winter,' Zarubin said.",
    }
    docs = dict(zip(texts, parse(list(texts.values()))))
    z = docs["z"]
    # what the tagger did in the story this came from: no PERSON for the full name, ORG for the bare surname
    z.ents = [Span(z, t.i, t.i + 1, label="ORG") for t in z if t.text == "Zarubin" and t.i > 2]
    mentions = [m for article_id in texts for m in collect_mentions(article_id, docs[article_id])]
    add_surname_mentions(docs, mentions)
    entities = cluster_mentions(mentions, texts)
    boris = _holding(entities, "Boris Zarubin")
    gleb = _holding(entities, "Gleb Zarubin")
    assert gleb is not None and gleb is not boris and gleb.type == "PERSON"
    bare = [e for e in entities for m in e.mentions if m.article_id == "z" and m.text == "Zarubin"]
    assert bare and all(e is gleb for e in bare)


def test_understand_speech_verb_inside_reported_words_is_not_the_speaker():
    """"X was quoted by Y as saying that ... than anyone had predicted": X speaks through Y; the
    verb "predicted" inside the reported words names no speaker."""
    quotes = _quotes_of("Governor Darius Kalani was quoted by the Pars agency as saying that the river had risen "
                        "more quickly than anyone had predicted.")
    assert quotes.get("the river had risen more quickly than anyone had predicted") == ("Darius Kalani", "Pars agency")


def test_understand_according_to_a_public_body_is_an_attributed_statement():
    """"According to the ministry's statement, ..." and "..., according to the ministry." attribute
    the statement to the ministry; "according to official figures" names no one."""
    text = ("According to the ministry's statement, the new canal will open by 2031 and tolls start in the spring.\n\n"
            "Flows on the river have fallen by as much as a third, according to the ministry.\n\n"
            "The town was flooded twice last year, according to official figures.")
    article = CleanArticle(id=content_id(text), source_path="canal.txt", published="2030-05-07", text=text)
    u = understand_story(_group([article]), [article])
    speakers = {v.text: v.speaker_text for q in u.quotes for v in q.variants}
    assert speakers.get("the new canal will open by 2031 and tolls start in the spring") == "the ministry"
    assert speakers.get("Flows on the river have fallen by as much as a third") == "the ministry"
    assert not any("flooded twice" in t for t in speakers)


@pytest.mark.parametrize(
    ("text", "number_text", "kind", "unit", "low", "high"),
    [
        # a scale written once serves both ends of a range
        ("The canal will carry between 30 and 45 million cubic metres a year.", "30 and 45 million", "measure", "cubic metres", 30e6, 45e6),
        ("The victims were aged between 21 and 64, the coroner said.", "21 and 64", "age", "years", 21, 64),
        ("Between 60 and 90 millimetres of rain fell overnight.", "60 and 90", "measure", "millimetres", 60, 90),
        ("Several hundred families have left the delta.", "Several hundred", "count", "families", 300, 1990),
        ("The harvest lost was worth tens of billions of dinars, Iraqi officials said.", "tens of billions of dinars", "money", "IQD", 2e10, 199000000000),
        ("A bus ride costs 45 cents, against $1.20 in the capital.", "45 cents", "money", "USD", 0.45, 0.45),
    ],
)
def test_understand_numbers_shared_scales_age_ranges_vague_hundreds_and_cents(text, number_text, kind, unit, low, high):
    """Ranges, vague quantities and prices as the unseen stories of task U wrote them."""
    numbers = find_numbers("a", text, parse([text])[0])
    matching = [n for n in numbers if n.text == number_text]
    assert matching, [n.text for n in numbers]
    number = matching[-1]
    assert (number.kind, number.unit, number.low, number.high) == (kind, unit, low, high)
    assert text[number.start:number.end] == number.text


@pytest.mark.parametrize(
    ("text", "published", "span", "value", "end"),
    [
        ("More storms are forecast from 12 to 14 October, the weather office said.", "2031-10-09", "from 12 to 14 October", "2031-10-12", "2031-10-14"),
        ("The fair runs 3-5 June 2032 in the old port.", None, "3-5 June 2032", "2032-06-03", "2032-06-05"),
        ("Talks are set for March 4-6 in the capital.", "2031-02-20", "March 4-6", "2031-03-04", "2031-03-06"),
        ("Talks are set for March 4-6 in the capital.", None, "March 4-6", None, None),  # no year known: nothing invented
    ],
)
def test_understand_dates_day_ranges_within_one_month(text, published, span, value, end):
    """Two days sharing one month name are one range; with no year and no publication date, unresolved."""
    dates = find_dates("a", text, published)
    assert [(d.text, d.kind, d.value, d.end) for d in dates] == [(span, "range", value, end)]
    assert not [n for n in find_numbers("a", text, skip=[(d.start, d.stop) for d in dates]) if n.text in {"12", "4", "3"}]


def test_understand_mountains_and_lakes_are_no_actors_and_a_capital_tagged_person_acts_for_its_country():
    """"Mount X" / "Lake X" / "the X River" are features of the land, left out like every LOC
    (the tagger calls them GPE); "Ashgabat said", which the tagger calls a person, is
    Turkmenistan; a word of an epithet the tagger took for a nationality ("Hashemite") is the epithet."""
    entities = story_entities({
        "x": "Rain fell on the slopes of Mount Kharvan, above the town of Dashtabad in Iran. Neighbouring Turkmenistan "
             "offered to send rescue teams, and Ashgabat said a convoy would leave on Thursday.",
        "y": "The Hashemite kingdom is one of the most water-scarce countries in the world, and Jordan will pay more.",
    })
    assert not any("Kharvan" in m.text for e in entities for m in e.mentions)
    turkmenistan = _holding(entities, "Turkmenistan")
    assert turkmenistan is not None and _holding(entities, "Ashgabat") is turkmenistan
    jordan = _holding(entities, "Jordan")
    assert _holding(entities, "The Hashemite kingdom") is jordan
    assert not any(e.type == "NORP" and e.name == "Hashemite" for e in entities)


def test_understand_wade_giles_and_pinyin_spellings_are_one_person():
    """A Taiwanese outlet writes "Hsu Chih-wei", a mainland one "Xu Zhiwei": one man; "Zhao Zhiwei"
    (another surname) stays apart."""
    entities = story_entities({
        "x": "Engineer Hsu Chih-wei said on Monday that the bridge was safe. Hsu led the inspection team.",
        "y": "The inspection was led by Xu Zhiwei, a senior engineer, who said the bridge was safe.",
        "z": "Zhao Zhiwei, a local official, said traffic would resume on Friday.",
    })
    hsu = _holding(entities, "Hsu Chih-wei")
    assert hsu is not None and _holding(entities, "Xu Zhiwei") is hsu
    assert _holding(entities, "Zhao Zhiwei") is not hsu


def test_understand_short_partial_quote_is_a_fragment_of_the_fuller_rendering():
    """'said the port "bitterly regrets" the damage' and the statement quoted in full elsewhere are
    one remark (cosine 0.40: two words against a sentence): every content word of the fragment
    stands in the full rendering. A fragment whose words are not all there stays apart."""
    quotes = _story_quotes([
        "The port's director, Selin Korkmaz, said the company \"bitterly regrets\" the damage to the harbour.",
        "\"We bitterly regret the damage done to the harbour and will rebuild the pier,\" Korkmaz said in a statement on Monday.",
        "Korkmaz said the pier was \"entirely safe\" before the storm.",
    ])
    korkmaz = [variants for speaker, variants in quotes if speaker == "Selin Korkmaz"]
    assert ["We bitterly regret the damage done to the harbour and will rebuild the pier", "bitterly regrets"] in korkmaz
    assert ["entirely safe"] in korkmaz


def test_understand_closing_attribution_hung_on_the_place_before_it_still_speaks():
    """"..., hit the village of Kerend, the Provincial Crisis Office (PCO) said.": the small model
    makes the office an apposition of the village, leaving "said" without a subject; the noun
    phrase between the last comma and the verb is the speaker, and it is no part of the statement."""
    text = ("Rescue teams were searching on Tuesday night for dozens of people missing after flash floods hit "
            "the village of Kerend, the Provincial Crisis Office (PCO) said.")
    article = CleanArticle(id=content_id(text), source_path="flood.txt", published="2030-05-07", text=text)
    u = understand_story(_group([article]), [article])
    variants = [v for q in u.quotes for v in q.variants]
    assert [v.text for v in variants] == [
        "Rescue teams were searching on Tuesday night for dozens of people missing after flash floods hit the village of Kerend"]
    assert "Provincial Crisis Office" in (variants[0].speaker_text or variants[0].channel or "")
    # after a wire dateline too, where the statement starts past the sentence's first word
    text = "KEREND (PNA) - " + text
    article = CleanArticle(id=content_id(text), source_path="wire.txt", published="2030-05-07", text=text)
    u = understand_story(_group([article]), [article])
    assert [v.text for q in u.quotes for v in q.variants] == [
        "Rescue teams were searching on Tuesday night for dozens of people missing after flash floods hit the village of Kerend"]


def test_understand_acronym_with_its_country_written_in_two_letters_is_its_expansion():
    """Bodies often abbreviate their country in two letters: "IRDMC" is the Iraqi Drought Monitoring
    Centre named in another article (plain initials give "IDMC")."""
    entities = story_entities({
        "x": "The Iraqi Drought Monitoring Centre said on Monday that rainfall was the lowest in 40 years.",
        "y": "Rainfall this winter was the lowest in 40 years, IRDMC said in its monthly report.",
    })
    centre = _holding(entities, "Iraqi Drought Monitoring Centre")
    assert centre is not None and _holding(entities, "IRDMC") is centre


def test_understand_a_label_before_the_name_it_is_apposed_to_refers_to_that_person():
    """"The kleptocrat who ran the ports authority, Ruslan Tebenov, was jailed": the label before the
    name is a description of him (framing reads the label; here only its attachment)."""
    entities = story_entities({
        "x": "The kleptocrat who ran the national ports authority, Ruslan Tebenov, was sentenced on Monday to nine years in prison. "
             "The warlord who ruled the eastern hills for a decade, Omar Belkacem, was arrested on Monday.",
        "y": "Ruslan Tebenov, a former ports chief, denied the charges.",
    })
    tebenov = _holding(entities, "Ruslan Tebenov")
    assert tebenov is not None and _holding(entities, "The kleptocrat") is tebenov
    belkacem = _holding(entities, "Omar Belkacem")
    assert belkacem is not None and _holding(entities, "The warlord") is belkacem


@pytest.mark.parametrize(
    ("text", "number_text", "unit"),
    [
        ("Amman will pay $0.45 per cubic metre of river water.", "$0.45 per cubic metre", "USD/cubic metre"),
        ("The miners' families will receive 2 million roubles per family.", "2 million roubles per family", "RUB/family"),
        ("Crude traded at $71 a barrel on Friday.", "$71 a barrel", "USD/barrel"),
        ("The fund paid $300 to each victim.", "$300", "USD"),  # "to each victim": no price of each
    ],
)
def test_understand_numbers_price_of_each(text, number_text, unit):
    """Money with what it is paid for: "per cubic metre", "per family", "a barrel" (issue #5: money with its rate)."""
    (number,) = [n for n in find_numbers("a", text, parse([text])[0]) if n.kind == "money"]
    assert (number.text, number.unit) == (number_text, unit)


def test_understand_portfolio_before_minister_is_no_organisation():
    """"Algerian Water Resources Minister Karim Haddad": the words before "Minister" are his portfolio,
    not an organisation of the story (the tagger says ORG); "Apple CEO Tim Cook" keeps Apple."""
    entities = story_entities({
        "x": "Algerian Water Resources Minister Karim Haddad signed for Algiers, while Libyan Water Minister "
             "Salem Ben Omran signed for Tripoli.",
        "y": "Apple CEO Tim Cook visited Algiers on Monday.",
    })
    assert not any(e.type == "ORG" and "Water Resources" in e.name for e in entities)
    assert any(e.type == "ORG" and e.name == "Apple" for e in entities)


# --------------------------------------------------------------------------- unseen-story leftovers (task V)

FAIR_CLARION = (
    "Bream Catering poisoned 90 guests at Oddaby's harvest fair on Saturday.\n\n"
    "Health chiefs have ordered the firm to stop trading.\n\n"
    "Farmers' leader Nour Haddad told the Herald that her members had not been consulted.\n\n"
    "The caterer was fined twice for dirty kitchens between 2021 and 2024, court records show."
)
FAIR_COURIER = (
    "Dr Hanne Saur, director of the Oddaby District Health Office, said the guests had eaten from stalls "
    "supplied by Bream Catering."
)


@pytest.fixture(scope="module")
def fair_story():
    articles = [
        CleanArticle(id=content_id(FAIR_CLARION), source_path="a.txt", outlet="Marsh Herald", published="2030-04-02", text=FAIR_CLARION),
        CleanArticle(id=content_id(FAIR_COURIER), source_path="b.txt", outlet="Fen Courier", published="2030-04-02", text=FAIR_COURIER),
    ]
    return understand_story(_group(articles), articles), articles[0]


def test_understand_outlet_named_in_the_text_is_a_channel_not_a_person(fair_story):
    """"told the Herald" in a story the Marsh Herald reports: the outlet, the remark's channel, never
    a person (the tagger says PERSON); on the Herald's own page it is no actor at all (session 15)."""
    u, _ = fair_story
    assert _entities_named(u, "Herald") == []
    assert not [e for e in u.entities if e.type == "PERSON" and any("Herald" in m.text for m in e.mentions)]
    (quote,) = [q for q in u.quotes if "members had not been consulted" in q.variants[0].text]
    assert quote.channel == "Herald"


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        ("Mum Ada Kerrow, whose son was taken ill, said the stall looked clean.", "Ada Kerrow", "Mum"),
        ("Grandad Piet Vos told reporters he had eaten there twice.", "Piet Vos", "Grandad"),
    ],
)
def test_understand_kin_word_before_a_name_is_evidence_not_name(text, name, word):
    """"Mum Ada Kerrow": the family word is kept as evidence, like a title, and is no part of her name."""
    entities = story_entities({"x": text})
    person = _entity_with_name(entities, name)
    assert person.type == "PERSON" and word in person.titles
    assert not any(word in n for e in entities for n in (e.name, *e.aliases))


def _entity_with_name(entities: list[Entity], name: str) -> Entity:
    (hit,) = [e for e in entities if e.name == name or name in e.aliases]
    return hit


def test_understand_the_firm_is_no_town(fair_story):
    """"the firm" goes to the company, never to the town the tagger called an organisation
    ("Oddaby's harvest fair", "the Oddaby District Health Office": Oddaby is a place)."""
    u, clarion = fair_story
    start = clarion.text.index("the firm")
    firm = entity_at(u, clarion.id, start, start + len("the firm"))
    assert firm is not None and firm.name == "Bream Catering"
    assert all(e.type == "GPE" for e in _entities_named(u, "Oddaby"))


@pytest.mark.parametrize(
    ("text", "number_text", "kind", "value", "unit"),
    [
        ("Inspectors visited the plant once a week.", "once", "count", 1, "times/week"),
        ("The pumps are checked every three months.", "three months", "frequency", 3, "month"),
        ("The dispute has lasted a quarter of a century.", "a quarter of a century", "duration", 25, "year"),
        ("The road was shut for half an hour.", "half an hour", "duration", 30, "minute"),
    ],
)
def test_understand_numbers_frequency_and_fractions_of_time(text, number_text, kind, value, unit):
    """"once a week" and "every three months" say how often, not how long; "a quarter of a
    century" is 25 years."""
    (number,) = find_numbers("a", text, parse([text])[0])
    assert (number.text, number.kind, number.value, number.unit) == (number_text, kind, value, unit)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The caterer was fined twice for dirty kitchens between 2021 and 2024, court records show.", "court records"),
        ("The council knew of the leak in 2024, documents seen by inspectors show.", "documents seen by inspectors"),
        ("Agency figures show that some 900 homes were damaged.", "Agency figures"),
        ("By noon, 30 barges were stuck, according to the canal's own tracking page.", "the canal's own tracking page"),
    ],
)
def test_understand_claim_resting_on_records_is_attributed_to_them(text, source):
    """"..., court records show": the claim's source is the records, as "..., officials said" is the officials.
    Records the outlet itself has seen ("documents seen by the Gazette") are its own finding: test_claims."""
    article = CleanArticle(id=content_id(text), source_path="r.txt", published="2030-04-02", text=text)
    (claim,) = understand_story(_group([article]), [article]).claims
    assert claim.attributed_to == source


def test_understand_claim_of_a_picture_has_no_record_source():
    """"The photos show a crowd": what a picture holds, no statement resting on records."""
    text = "The photos show a crowd outside the gate on Monday."
    article = CleanArticle(id=content_id(text), source_path="p.txt", published="2030-04-02", text=text)
    (claim,) = understand_story(_group([article]), [article]).claims
    assert claim.attributed_to is None


def test_understand_capitalised_first_word_of_a_compound_is_nobody():
    """"Flash floods swept ...": the tagger's one-word "person" at the start of a sentence,
    modifying the noun after it, is an ordinary word; a person named elsewhere stays."""
    entities = story_entities({
        "x": "Flash floods swept through the town of Dashabad on Tuesday, killing 20 people, officials said.",
        "y": "Hydrologist Ada Kerrow said the river rose two metres in an hour.",
    })
    assert not any(e.type == "PERSON" and e.name == "Flash" for e in entities)
    assert any(e.type == "PERSON" and e.name == "Ada Kerrow" for e in entities)


def test_understand_name_with_particles_is_whole_and_siblings_by_title_stay_apart():
    """"Anneke ter Horst" cut by the tagger into "Anneke ter" + "Horst" is one name, also at a
    sentence start ("Ter Horst's ..."); in one article "Ms ter Horst" is the minister and
    "Mr ter Horst" her brother, named in full once each."""
    entities = story_entities({
        "x": "Health Minister Anneke ter Horst resigned on Friday after her brother won a hospital contract.\n\n"
             "Ms ter Horst said she had broken no rule.\n\n"
             "Her brother, Joost ter Horst, runs the building firm Kalvermark. Mr ter Horst has denied any wrongdoing.\n\n"
             "Ter Horst's resignation is the second this year.\n",
        "y": "Anneke ter Horst stepped down as health minister on Friday.\n",
    })
    # the tagger's "Anneke van" + "Horst"
    (coastal,) = [e for e in story_entities({"z": "Coastal Health Minister Anneke van der Horst quit on Friday over a hospital contract.\n"})
                  if e.type == "PERSON"]
    # the tagger's "Karin van" + "Broek" (a place): the particles and the word after them end her name
    assert [(m.text, m.label) for m in collect_mentions("k", parse(["Minister Karin van den Broek said on Monday."])[0])
            if m.label] == [("Karin van den Broek", "PERSON")]
    assert coastal.name == "Anneke van der Horst" and [m.text for m in coastal.mentions if m.kind != "description"] == ["Anneke van der Horst"]
    anneke, joost = _holding(entities, "Anneke ter Horst"), _holding(entities, "Joost ter Horst")
    assert anneke is not None and joost is not None and anneke is not joost
    texts = {e.id: sorted(m.text for m in e.mentions if m.kind in {"name", "surname"}) for e in (anneke, joost)}
    assert texts[anneke.id].count("Anneke ter Horst") == 2
    assert "Ter Horst" in texts[anneke.id]
    assert not any(m.text == "Horst" for e in entities for m in e.mentions)
    assert "Ms" in anneke.titles and "Mr" not in anneke.titles
    assert "Mr" in joost.titles and "ter Horst" in texts[joost.id]


def test_understand_name_apposed_to_a_role_before_it_is_a_person_and_speaks():
    """"Its leader, Hanna Brisk, said ...": the tagger calls the name an organisation; the role
    before it makes her a person, and the remark is hers, not the other leader's of the story."""
    quotes = _story_quotes([
        "Opposition leader Dmitri Valkov conceded defeat on Sunday.\n\n"
        "The Green Alliance now holds the balance of power. Its leader, Hanna Brisk, said on Monday that the party "
        "would talk to \"anyone who puts the climate first\".\n",
    ])
    assert any(speaker == "Hanna Brisk" and any("climate first" in t for t in texts) for speaker, texts in quotes)


def _quote_speakers(text: str) -> dict[str, str | None]:
    article = CleanArticle(id=content_id(text), source_path="q.txt", published="2030-03-05", text=text)
    return {v.text: v.speaker_text for q in understand_story(_group([article]), [article]).quotes for v in q.variants}


def test_understand_quote_in_a_sentence_about_something_else_keeps_no_earlier_speaker():
    """A partial quote in a sentence whose subject is a document is not the previous speaker's:
    'The joint statement commits ... "only by talks"' after a critic's quote."""
    speakers = _quote_speakers(
        "Critics in the opposition bloc said the deal was \"a surrender\".\n\n"
        "The joint statement commits the two sides to settle the river dispute \"only by talks\", in the official translation.\n")
    assert speakers["a surrender"] == "Critics in the opposition bloc"
    assert speakers["only by talks"] is None


def test_understand_inverted_read_gives_the_text_as_speaker():
    """'"...," read the joint statement signed by X and Y': the statement speaks, not a signatory."""
    speakers = _quote_speakers(
        "\"Both parties will settle the river dispute only through talks,\" read the joint statement signed by Ms Yun "
        "and her counterpart, Oskar Brandt.\n")
    assert speakers["Both parties will settle the river dispute only through talks"] == "the joint statement"


def test_understand_greek_given_name_forms_are_one_person():
    """Giorgos / Yiorgos / George Lamvrakis are one man (Greek Gi written Yi, the English form of
    the name); Nikos Lamvrakis stays another."""
    entities = story_entities({
        "x": "The party of Giorgos Lamvrakis won the vote on Sunday.\n",
        "y": "Yiorgos Lamvrakis thanked voters on Monday.\n",
        "z": "George Lamvrakis, 61, promised a cabinet within weeks. His brother Nikos Lamvrakis ran the campaign.\n",
    })
    giorgos = _holding(entities, "Giorgos Lamvrakis")
    assert giorgos is not None and _holding(entities, "George Lamvrakis") is giorgos
    assert _holding(entities, "Yiorgos Lamvrakis") is giorgos
    nikos = _holding(entities, "Nikos Lamvrakis")
    assert nikos is not None and nikos is not giorgos


def test_understand_capitalised_sentence_start_word_written_lower_case_elsewhere_is_nobody():
    """"Turnout was 63%" (the tagger's one-word person) is the word another article writes as
    "turnout"; a place after "the capital," or "the river" is no person either."""
    entities = story_entities({
        "x": "Turnout was 63.4%, the commission said. Marek Osk told supporters in the capital, Velmora, that he had won.\n",
        "y": "According to state radio, turnout was 58 percent. A zone will run along the river Tavesk.\n",
    })
    people = {e.name for e in entities if e.type == "PERSON"}
    assert "Marek Osk" in people
    assert not people & {"Turnout", "Velmora", "Tavesk"}, people


def test_understand_patronymic_name_tagged_as_place_is_a_person():
    """"Karim ibn Rashid" (the tagger: a place) is a person, one with "Dr Karim ibn Rashid";
    "Rio de Janeiro" stays a place."""
    entities = story_entities({
        "x": "The Anti-Corruption Commission, led by Karim ibn Rashid, opened an inquiry in October.\n",
        "y": "Dr Karim ibn Rashid, chairman of the commission, flew to Rio de Janeiro on Monday.\n",
    })
    rashid = [e for e in entities if e.name == "Karim ibn Rashid" or "Karim ibn Rashid" in e.aliases]
    assert [e.type for e in rashid] == ["PERSON"]
    assert any(e.type == "GPE" and e.name == "Rio de Janeiro" for e in entities)


def test_understand_several_word_name_after_river_is_a_place():
    """"the river Oder-Sava": the word before the name's first token says place, not person."""
    entities = story_entities({"x": "Both sides agreed to set up a demilitarised zone along a 30-kilometre stretch of the river Oder-Sava, "
                                      "an idea put forward by the mediators.\n"})
    assert not any(e.type == "PERSON" for e in entities), [(e.name, e.type) for e in entities]


def test_understand_speaker_phrase_keeps_the_whole_hyphenated_name():
    """A long subject cut to its name keeps all of "Park Min-soo", not "Park Min"."""
    speakers = _quote_speakers(
        "Opposition MP Park Min-soo, who first raised the contract in parliament, said the resignation "
        "\"came six weeks too late\".\n")
    assert speakers["came six weeks too late"] == "Park Min-soo"


def test_understand_body_of_an_organisation_speaks_for_it():
    """"The observer mission of the Baltic Election Institute said ...": the institute's remark;
    "The head of the Baltic Election Institute said ..." is still no remark of the institute."""
    text = ("The Baltic Election Institute sent 40 observers. The observer mission of the Baltic Election Institute said "
            "the vote was \"competitive and well administered\".\n\n"
            "The head of the Baltic Election Institute said the count had been \"clean from start to finish\".\n")
    article = CleanArticle(id=content_id(text), source_path="o.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    names = {e.id: e.name for e in u.entities}
    speakers = {v.text: names.get(q.speaker_entity_id) for q in u.quotes for v in q.variants}
    assert speakers["competitive and well administered"] == "Baltic Election Institute"
    assert speakers["clean from start to finish"] != "Baltic Election Institute"


def test_understand_organisation_before_of_and_a_courtesy_title_is_no_part_of_the_title():
    """"The Anti-Fraud Commission of Dr. Lena Okoro": her title is "Dr.", not "Fraud Commission of Dr."."""
    (lena,) = [m for m in collect_mentions("t", parse(["The Anti-Fraud Commission of Dr. Lena Okoro is still investigating."])[0])
               if m.label == "PERSON"]
    assert lena.text == "Lena Okoro" and lena.titles == ["Dr."]


def test_understand_two_sentence_quote_is_attributed_where_it_closes_and_leaves_no_stray_paraphrase():
    """'"A. B," said X.' and '"A. B," she said.': the speaker stands in the sentence where the
    quotation closes; its second sentence is no paraphrase of its own (no 'B,"' record)."""
    speakers = _quote_speakers(
        "Traders were wary. \"The order book is healthy. It is the freight bill that keeps rising,\" said Ines Marlow, "
        "an analyst at the bank Corran Hale.\n\n"
        "\"Margins were thin. Prices fell again,\" she said.\n")
    assert speakers["The order book is healthy. It is the freight bill that keeps rising"] == "Ines Marlow"
    assert speakers["Margins were thin. Prices fell again"] == "she"
    assert not [t for t in speakers if t.endswith('"') or t.startswith("It is the freight")], speakers


def test_understand_it_as_a_speaker_is_the_organisation_or_no_one():
    """"It said last year that ..." after "The company ...": the firm speaks, "It" is no speaker of its own."""
    text = ("Shares in Harland Steel Group fell on Thursday after Harland Steel Group cut its forecast.\n\n"
            "The company employs about 9,000 people. It said last year that 400 jobs would go under its savings plan.\n")
    article = CleanArticle(id=content_id(text), source_path="i.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    names = {e.id: e.name for e in u.entities}
    remarks = [(v.speaker_text, names.get(q.speaker_entity_id)) for q in u.quotes for v in q.variants if "400 jobs" in v.text]
    assert remarks and all(name == "Harland Steel Group" or speaker is None for speaker, name in remarks), remarks
    assert not [q for q in u.quotes if (q.speaker_entity_id is None and any((v.speaker_text or "").lower() == "it" for v in q.variants))]


def test_understand_hyphenated_surname_alone_is_the_whole_surname_of_the_person():
    """"Dr Obiora-Lund said ..." and '"...," Obiora-Lund said' after "Grace Obiora-Lund": her
    surname whole, not "Lund", and the remarks are hers."""
    texts = {"x": "The study's lead author, Grace Obiora-Lund of the University of Tarnholm, presented it on Monday.\n\n"
                  "Dr Obiora-Lund, who trained in Oslo, said the team hoped the coating would protect crews on long missions.\n",
             "y": "\"The early data are encouraging, but the field test decides,\" Obiora-Lund said.\n"}
    articles = [CleanArticle(id=content_id(t), source_path=f"{k}.txt", published="2030-03-05", text=t) for k, t in texts.items()]
    u = understand_story(_group(articles), articles)
    mara = _entity_with(u, "Grace Obiora-Lund")
    assert not [e for e in u.entities if e is not mara and ("Lund" in e.name or "Obiora" in e.name)], [e.name for e in u.entities]
    speakers = {v.text: (v.speaker_text, q.speaker_entity_id) for q in u.quotes for v in q.variants}
    for text, (speaker, entity_id) in speakers.items():
        if "coating" in text or "field test" in text:
            assert entity_id == mara.id and speaker != "Lund", (text, speaker)


def test_understand_one_word_short_form_of_an_organisation_is_that_organisation():
    """"Kelbridge" after "Kelbridge Telecom" is the firm; a word two organisations begin with
    ("Norland" of "Norland Bank" and "Norland Rail") stays apart from both."""
    entities = story_entities({
        "x": "Kelbridge Telecom cut its profit forecast on Wednesday. Norland Bank and Norland Rail both lent to it.\n\n"
             "Kelbridge said its cost plan was on track.\n",
        "y": "Kelbridge shares fell 8 per cent. Kelbridge blamed energy costs. Norland said nothing.\n",
    })
    firm = _holding(entities, "Kelbridge Telecom")
    assert firm is not None and _holding(entities, "Kelbridge") is firm
    bank, rail = _holding(entities, "Norland Bank"), _holding(entities, "Norland Rail")
    assert bank is not None and rail is not None and bank is not rail
    norland = _holding(entities, "Norland")
    assert norland is not bank and norland is not rail


def test_understand_nickname_stated_in_apposition_is_the_person():
    """'Matías Olabarri, known to fans as "Tiko"': "Tiko" and "TIKO" in another article are him."""
    entities = story_entities({
        "x": "Referee Paul Dorne ruled that Rovers striker Matías Olabarri, known to fans as \u201cTiko\u201d, had been fouled. "
             "Olabarri scored twice.\n",
        "y": "TIKO turned the final into a carnival yesterday.\n\nTiko, the \u00a342m striker, stroked home the penalty.\n",
    })
    striker = _holding(entities, "Matías Olabarri")
    assert striker is not None and striker.type == "PERSON"
    assert _holding(entities, "Tiko") is striker and _holding(entities, "TIKO") is striker
    assert _holding(entities, "Paul Dorne") is not striker


def test_understand_one_word_person_the_story_writes_before_stadium_is_that_place():
    """"turned Ashcombe into a carnival" (the tagger: a person) where another article writes
    "Ashcombe Stadium": the stadium, no person; the referee stays a person."""
    entities = story_entities({
        "x": "Harrowfield Rovers won the cup on Saturday in front of 61,482 at Ashcombe Stadium in Ridgeport.\n",
        "y": "TITO turned Ashcombe into a carnival yesterday as hapless ref Graham Pellow handed Harrowfield Rovers the cup.\n",
    })
    people = {e.name for e in entities if e.type == "PERSON"}
    assert "Ashcombe" not in people and "Graham Pellow" in people, people


def test_understand_the_company_is_the_firm_whose_name_says_business_not_the_town():
    """"Velmar Metals told them ..." (the tagger: a person) is a firm, and "The company" that
    follows is that firm, not the smelter's town."""
    text = ("The Orsk aluminium smelter employs 1,900 people.\n\n"
            "On Thursday, Velmar Metals told them the plant will shut in June. The company blamed a tariff imposed last autumn.\n")
    article = CleanArticle(id=content_id(text), source_path="t.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    firm = _entity_with(u, "Velmar Metals")
    assert firm.type == "ORG"
    holders = {e.name for e in u.entities for m in e.mentions if m.text.lower() == "the company"}
    assert holders == {firm.name}, holders


def test_understand_one_word_short_form_ending_one_club_name_is_that_club():
    """"Rovers" where the story names one "Brackenfield Rovers" is that club (the small model
    tags the full name a person; "Rovers" says club, name_words.csv); with a second
    "... Rovers" in the story the short form could be either, so it joins neither."""
    won = "{} won the National Cup for the first time in 20 years on Saturday, beating Dunmore Athletic 3-1. Rovers manager Ivo Pell said he was proud.\n"
    parade = "Rovers will parade the trophy through the city centre next Sunday, the club said.\n"
    entities = story_entities({"x": won.format("Brackenfield Rovers"), "y": parade})
    club = _holding(entities, "Brackenfield Rovers")
    assert club is not None and club.type == "ORG" and _holding(entities, "Rovers") is club
    entities = story_entities({"x": won.format("Brackenfield Rovers"), "z": won.format("Kilbride Rovers").replace("the National", "the Junior"), "y": parade})
    first, second = _holding(entities, "Brackenfield Rovers"), _holding(entities, "Kilbride Rovers")
    assert first is not None and second is not None and first is not second
    assert _holding(entities, "Rovers") not in (first, second)


def test_understand_party_nickname_stated_in_the_text_is_the_party():
    """"the Civic Unity Party, known as the Unionists": "the Unionists" elsewhere is that party."""
    entities = story_entities({
        "x": "The Civic Unity Party, known as the Unionists, won 41 of the 90 seats on Sunday.\n",
        "y": "The Unionists will try to form a government with two smaller parties, Dana Vel said.\n",
    })
    party = _holding(entities, "Civic Unity Party")
    assert party is not None and _holding(entities, "Unionists") is party


def test_understand_capital_the_story_states_acts_for_its_country():
    """"Orvel, the capital of Tessaria" stated once: "Orvel said ..." is Tessaria acting, while
    "in Orvel" stays the city."""
    entities = story_entities({
        "x": "Talks opened on Monday in Orvel, the capital of Tessaria. Tessaria has five million people.\n",
        "y": "Orvel said on Tuesday it would send observers to the border. The delegates met in Orvel again.\n",
    })
    country = _holding(entities, "Tessaria")
    assert country is not None
    acting = [e for e in entities if any(m.text == "Orvel" and m.article_id == "y" and m.start == 0 for m in e.mentions)]
    assert acting == [country], [e.name for e in acting]
    city = [e for e in entities if any(m.text == "Orvel" and m.start > 0 and m.article_id == "y" for m in e.mentions)]
    assert country not in city


def test_understand_a_country_news_agency_is_no_the_country():
    """"the Tovaria News Agency (TNA)" is an outlet: neither it nor "TNA" joins Tovaria, though a
    channel word ("news", "agency") is dropped from other outlets' names."""
    entities = story_entities({
        "x": "Tovaria's Foreign Minister Lev Orman thanked Barqan. Speaking to the Tovaria News Agency (TNA), he said the talks had worked.\n",
        "y": "Tovaria freed three prisoners on Monday, TNA reported. Tovarian officials were at the airport.\n",
    })
    agency, country = _holding(entities, "Tovaria News Agency"), _holding(entities, "Tovaria")
    assert agency is not None and country is not None and agency is not country
    assert _holding(entities, "TNA") is agency


# --------------------------------------------------------------------------- unnamed actors (issue #5, ECB+ common nouns)


def test_understand_unnamed_gunman_across_articles_is_one_actor_with_his_pronouns():
    """"A masked gunman ... The gunman ... He" in one report and "The gunman ... he" in another
    are one unnamed actor: his pronouns no longer go to the inspector named in between."""
    entities = story_entities({
        "x": "A masked gunman robbed a bank in Velmor on Tuesday. The gunman fled in a grey van. "
             "Inspector Hal Brenner said officers were studying camera footage. He was calm, a cashier said.\n",
        "y": "The gunman walked into the branch just after nine. He took about 40,000 crowns, police said.\n",
    })
    gunman = _holding(entities, "The gunman")
    assert gunman is not None and gunman.type == "PERSON"
    assert {m.article_id for m in gunman.mentions} == {"x", "y"}
    assert any(m.text == "A masked gunman" for m in gunman.mentions)
    assert any(m.text == "He" and m.article_id == "y" for m in gunman.mentions)
    inspector = _holding(entities, "Hal Brenner")
    assert inspector is not None and inspector is not gunman


def test_understand_role_a_named_person_holds_is_that_person_not_an_unnamed_actor():
    """"Police identified the gunman as Jo Marsh" and "Tara Vell, the actress": "the gunman"
    and "the actress" elsewhere are those people, not unnamed actors."""
    entities = story_entities({
        "x": "Police identified the gunman as Jo Marsh, 23. Tara Vell, the actress, was in the bank.\n",
        "y": "The gunman had a rifle. The actress said she hid under a desk.\n",
    })
    marsh, vell = _holding(entities, "Jo Marsh"), _holding(entities, "Tara Vell")
    assert marsh is not None and vell is not None
    assert any(m.text == "The gunman" and m.article_id == "y" for m in marsh.mentions)
    assert any(m.text == "The actress" and m.article_id == "y" for m in vell.mentions)


def test_understand_things_and_lone_indefinites_are_no_unnamed_actors():
    """Only people, and only one the story follows: "the plan" twice is no actor, nor is "a
    man" twice with no "the man" (two men, perhaps)."""
    entities = story_entities({
        "x": "The plan was approved on Monday. A man said the plan would cost too much.\n",
        "y": "Critics said the plan came too late. A man was seen near the site.\n",
    })
    assert _holding(entities, "the plan") is None and _holding(entities, "A man") is None


def test_understand_two_translations_sharing_words_are_one_quote():
    """One remark translated twice (cosine about 0.6, below the usual cut; one rendering on each
    side, so no closer-than-others test applies): same speaker, each the other's closest and
    sharing content words ("spoken", "accept"), so one quote."""
    texts = [
        "Opposition leader Arvid Kolbeck conceded defeat on Sunday. \"The nation has spoken, and we accept its judgement with humility,\" Kolbeck said.\n",
        "In a speech to party workers, Arvid Kolbeck said: \"The citizens have spoken and we humbly accept their decision.\"\n",
    ]
    quotes = _story_quotes(texts)
    kolbeck = [variants for speaker, variants in quotes if speaker == "Arvid Kolbeck"]
    assert kolbeck == [["The citizens have spoken and we humbly accept their decision.",
                        "The nation has spoken, and we accept its judgement with humility,"]] or \
        kolbeck == [sorted(["The citizens have spoken and we humbly accept their decision.",
                            "The nation has spoken, and we accept its judgement with humility"])], quotes


def test_understand_renderings_of_one_joint_statement_are_one_quote_of_its_parties():
    """A joint statement quoted by three outlets ("In a joint statement, X and Y said", "read a
    joint statement", "the joint statement said") is one quote; its speaker is the parties."""
    texts = [
        "Torvik Foods and the Grain Board issued a joint statement on Friday. In a joint statement, Torvik Foods and the Grain Board said: "
        "\"Both parties will review all available data together and report their findings within 90 days.\"\n",
        "\"Both sides will go through all the data together and publish what they find within three months,\" read a joint statement "
        "from the miller and the Grain Board.\n",
        "The joint statement said the two would \"jointly examine all available evidence and publish conclusions within 90 days\".\n",
    ]
    quotes = _story_quotes(texts)
    joint = [q for q in quotes if any("data together" in v for v in q[1])]
    assert len(joint) == 1 and len(joint[0][1]) == 3, quotes
    articles = [CleanArticle(id=content_id(t), source_path=f"{i}.txt", published="2030-03-05", text=t) for i, t in enumerate(texts)]
    u = understand_story(_group(articles), articles)
    quote = next(q for q in u.quotes if any("data together" in v.text for v in q.variants))
    assert quote.speaker == "Torvik Foods and the Grain Board"


def test_understand_headline_bare_person_noun_is_the_unnamed_actor():
    """A headline drops its articles: "Man shot dead ..." is the story's "a man" / "the man"."""
    entities = story_entities({
        "x": "Man shot dead in Velmor bar\nA man was shot dead in a bar on Friday night. The man, 34, died at the scene.\n",
        "y": "Police said the man had argued with another customer.\n",
    })
    man = _holding(entities, "The man")
    assert man is not None and any(m.text == "Man" and m.start == 0 for m in man.mentions)


def test_understand_speaking_to_a_news_agency_is_the_channel():
    """"Speaking to the Tovaria News Agency, he said: ..." came through the agency."""
    text = ("Foreign Minister Lev Orman thanked the mediators on Tuesday.\n\n"
            "Speaking to the Tovaria News Agency, he said: \"Talks, not threats, bring results.\"\n")
    article = CleanArticle(id=content_id(text), source_path="t.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    quote = next(q for q in u.quotes if any("bring results" in v.text for v in q.variants))
    assert quote.channel and "Tovaria News Agency" in quote.channel, quote
    assert quote.speaker == "Lev Orman"


def test_understand_bodies_named_by_common_words_belong_to_their_country():
    """"Talvor's foreign ministry" and "the Esquenian foreign ministry" are two ministries; a bare
    "the Foreign Ministry" joins one of them only when it is the story's one ministry of that name."""
    from newsprism.understand.entities import _cluster_groups, _org_key
    from newsprism.understand.mentions import Found

    texts = {
        "x": "Talvor's foreign ministry said the prisoners were home.",
        "y": "The talks went on, the Esquenian foreign ministry said. Esquenia agreed.",
    }

    def found(article_id: str, text: str, label: str = "ORG", nth: int = 0) -> Found:
        start = texts[article_id].index(text, nth)
        return Found(article_id, text, start, start + len(text), 0, label)

    talvor, esquenia = found("x", "Talvor", "GPE"), found("y", "Esquenia", "GPE", texts["y"].index(". ") + 1)
    ministries = [found("x", "foreign ministry"), found("y", "foreign ministry")]
    places = frozenset({_org_key("Talvor"), _org_key("Esquenia")})
    clusters = _cluster_groups([talvor, esquenia, *ministries], {}, places, texts)
    holders = [c for c in clusters if any(m.text == "foreign ministry" for m in c)]
    assert len(holders) == 2, clusters
    # without the sentences to say whose, they are one name as before
    assert len([c for c in _cluster_groups(ministries, {}, places) if c]) == 1


def test_understand_a_ministry_described_with_a_demonym_is_not_another_countrys():
    """"the Talvori foreign ministry" is not the "Foreign Ministry of Esquenia" named just before."""
    text = ("Talvor and Esquenia swapped prisoners on Monday, the Talvori foreign ministry said. "
            "The Foreign Ministry of Esquenia said the deal was fair.\n")
    entities = story_entities({"x": text})
    esquenian = _holding(entities, "Foreign Ministry of Esquenia")
    assert esquenian is not None
    assert "the Talvori foreign ministry" not in {m.text for m in esquenian.mentions}


def test_understand_a_bare_ministry_is_the_one_country_ministry_of_the_story():
    """"the Foreign Ministry" is "Talvor's foreign ministry" when no other country's is named."""
    from newsprism.understand.entities import _cluster_groups
    from newsprism.understand.mentions import Found

    texts = {"x": "Talvori citizens were freed by the Foreign Ministry.", "y": "Talvor's foreign ministry said they were home."}
    bare, owned = (Found(a, t, texts[a].index(t), texts[a].index(t) + len(t), 0, "ORG")
                   for a, t in (("x", "Foreign Ministry"), ("y", "foreign ministry")))
    clusters = _cluster_groups([Found("x", "Talvori", 0, 7, 0, "NORP"), owned, bare], {}, frozenset(), texts)
    assert any(bare in c and owned in c for c in clusters), clusters


def test_understand_he_after_an_unnamed_spokesman_is_that_spokesman():
    """"... as a spokesman of the office told this newspaper. X, he said.": "he" is the spokesman,
    not the last person named before him."""
    text = ("Transport Minister Jon Varga visited the bridge on Monday. Investigators are examining a fault in "
            "the signals, as a spokesman of the office told this newspaper. A broken rail has become less likely, he said.\n")
    article = CleanArticle(id=content_id(text), source_path="t.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    quote = next(q for q in u.quotes if any("less likely" in v.text for v in q.variants))
    assert quote.speaker != "Jon Varga"
    assert "spokesman" in (quote.speaker or "")


def test_understand_a_fuming_union_boss_is_the_speaker():
    """Tabloid "X fumed: \\"...\\"" is speech (speech_verbs.txt)."""
    text = ('Campaigners demanded answers last night. Union boss Ola Brekke fumed: "This was a disaster waiting '
            'to happen. Drivers have warned about that line for years."\n')
    article = CleanArticle(id=content_id(text), source_path="t.txt", published="2030-03-05", text=text)
    u = understand_story(_group([article]), [article])
    quote = next(q for q in u.quotes if any("disaster waiting" in v.text for v in q.variants))
    assert quote.speaker == "Ola Brekke"


def test_understand_a_name_followed_by_who_is_a_person():
    """"and Omid Sadri, who holds ... citizenship": "who" says person, so the name (with the given
    name the tagger left out) is one person, not a place "Sadri"."""
    entities = story_entities({"x": "Five people were freed, among them Anna Lindqvist, an aid worker, and Omid Sadri, "
                                     "who holds Qarestani and Lorvenian citizenship.\n"})
    sadri = _holding(entities, "Omid Sadri")
    assert sadri is not None and sadri.type == "PERSON"
    assert _holding(entities, "Sadri") is None


def test_understand_a_lone_name_after_the_is_no_person():
    """"a steel bridge over the Senn": a river, not a person named Senn."""
    entities = story_entities({"x": "The accident happened at 23:40 on a steel bridge over the Senn. "
                                     "Two carriages fell onto the bank of the river.\n"})
    assert not any(e.type == "PERSON" and e.name == "Senn" for e in entities)


def test_understand_an_organisation_is_named_by_its_full_name_not_its_nickname():
    """"The Civic Unity Party, known as the Unionists" written "the Unionists" twice after: the
    entity's name is still the party's full name; "Rovers" written more often than "Brackenfield
    Rovers" leaves the club its full name."""
    party = _holding(story_entities({"x": "The Civic Unity Party, known as the Unionists, won 41 of the 90 seats on Sunday. "
                                           "The Unionists said they would govern alone.\n"}), "Unionists")
    assert party is not None and party.name == "Civic Unity Party"
    won = "Brackenfield Rovers won the National Cup on Saturday. Rovers manager Ivo Pell said he was proud.\n"
    parade = "Rovers will parade the trophy through the city centre next Sunday, the club said.\n"
    club = _holding(story_entities({"x": won, "y": parade}), "Brackenfield Rovers")
    assert club is not None and club.name == "Brackenfield Rovers"


def test_understand_a_company_noun_right_before_a_name_is_that_company():
    """"operated by the private company Tidemark Lines": the description is Tidemark Lines, not the
    coast guard named before it."""
    text = ("The ferry Marisol sank on Lake Varno on Sunday, the coast guard said in a statement.\n\n"
            "Rescue teams searched the water overnight.\n\n"
            "The Marisol was operated by the private company Tidemark Lines, which did not respond to a request for comment.\n")
    entities = story_entities({"x": text})
    company = _holding(entities, "the private company")
    assert company is not None and company is _holding(entities, "Tidemark Lines")


def test_understand_a_common_noun_phrase_is_no_person():
    """"strolled out to a waiting getaway van": the small model may tag it a person; a name is capitalised."""
    entities = story_entities({"x": "A masked gunman held up a Corvale bank yesterday.\n\n"
                                     "He grabbed around 40,000 crowns and calmly strolled out to a waiting getaway van, according to cops.\n"})
    assert not any(e.type == "PERSON" and e.name == "getaway van" for e in entities)


def test_understand_a_title_case_headline_read_as_a_name_gives_no_surname():
    """"Ravens Beat Hornets" (a headline the small model tags a person) names nobody: the body's
    "Hornets" stay the team, not that "person's" surname (ECB+ 29: "Colts Beat Chiefs")."""
    entities = story_entities({
        "x": "Ravens Beat Hornets\n\nThe Tallow Bay Ravens beat the Kessford Hornets 27-20 on Sunday. "
             "The Hornets had won five games in a row before the loss.\n",
        "y": "Hornets coach Ada Prell said her players were tired after the Hornets flew in late on Friday.\n",
    })
    body = [(e.type, m.kind) for e in entities for m in e.mentions if m.text == "Hornets"]
    assert body and all(t == "ORG" for t, _ in body)
    assert not any(e.type == "PERSON" and "Hornets" in e.name for e in entities)


def test_understand_story_reads_a_storys_place_cues_once(monkeypatch):
    """The story's stated capitals and state-office cues are read once per story and shared by
    `add_surname_mentions` and `cluster_mentions` (a speed cut): the country the story shows
    (a stated capital, a people's word, an office) is found as before."""
    import newsprism.understand.entities as entities

    calls = {"stated": 0, "cued": 0}
    stated, cued = entities.stated_capitals, entities._country_cued_words

    def counted_stated(texts):
        calls["stated"] += 1
        return stated(texts)

    def counted_cued(texts):
        calls["cued"] += 1
        return cued(texts)

    monkeypatch.setattr(entities, "stated_capitals", counted_stated)
    monkeypatch.setattr(entities, "_country_cued_words", counted_cued)
    texts = [
        "Talks opened in Varnokel, the capital of Tessmira, on Monday. Tessmira's foreign minister Ilse Wardrop "
        "said the Tessmiran delegation would stay. Varnokel said it wanted a deal.\n",
        "Wardrop told reporters that Tessmiran officials expected an agreement within a week.\n",
    ]
    articles = [CleanArticle(id=content_id(t), source_path=f"cue{i}.txt", text=t) for i, t in enumerate(texts)]
    u = understand_story(_group(articles), articles)
    assert calls == {"stated": 1, "cued": 1}
    country = _entity_with(u, "Tessmira")
    assert "Tessmiran" in country.aliases


def test_a_capitalised_first_word_is_looked_for_in_lower_case_only_where_its_words_are(monkeypatch):
    """A sentence's capitalised first word is no name when the story writes it with the next word in
    lower case; the phrase's pattern runs only on texts that hold those words (a speed cut), and
    the answer is the rule's: "Harbour pilots" goes, "Tallow said" stays."""
    import re

    import newsprism.understand.entities as entities
    from newsprism.understand.mentions import Found

    texts = {
        "a": "Harbour pilots refused to board. Tallow said the ferries would wait.\n",
        "b": "The union of harbour pilots met on Friday, and Tallow agreed.\n",
    }
    mentions = [Found(article_id="a", text=w, start=texts["a"].index(w), end=texts["a"].index(w) + len(w), sentence_index=k, label="ORG")
                for k, w in enumerate(["Harbour", "Tallow"])]
    patterns = []

    class CountingRe:
        def __getattr__(self, name):
            attribute = getattr(re, name)
            if name in {"compile", "search"}:
                def counted(pattern, *args, **kwargs):
                    if "harbour" in pattern or "tallow" in pattern:
                        patterns.append(pattern)
                    return attribute(pattern, *args, **kwargs)
                return counted
            return attribute

    monkeypatch.setattr(entities, "re", CountingRe())
    dropped = entities._capitalised_common_words(mentions, texts)
    assert dropped == {id(mentions[0])}
    assert len(patterns) == 1  # "harbour pilots", in "b" only; "tallow said" is in no text


def test_understand_a_town_is_no_short_form_of_the_body_named_after_it():
    """"in Morvik", "Morvik's mayor": the town, not a short form of "Morvik General Hospital"
    (N-trawler: Halstad was an alias of Halstad General Hospital)."""
    entities = story_entities({
        "x": "Seven fishermen were taken to Morvik General Hospital on Sunday. Their boat had sailed from Morvik on Friday.",
        "y": "Morvik General Hospital said it had treated seven men. The boat was registered in Morvik, and Morvik's mayor "
             "said the town was in shock.",
    })
    hospital = _holding(entities, "Morvik General Hospital")
    town = _holding(entities, "Morvik")
    assert town is not hospital and town.type == "GPE"


def test_understand_a_vessel_is_no_person_and_a_coast_is_a_place():
    """"the trawler Kallis Brun" is a ship, no person (nor actor); "off Haldmark", "the coast of
    Haldmark" a place (N-trawler: the vessel and the country were people)."""
    entities = story_entities({
        "x": "Two crew members of the trawler Kallis Brun were missing after the boat capsized off Haldmark. "
             "It is the third boat lost off Haldmark's north coast in two years.",
        "y": "The Kallis Brun had sailed on Friday. The families of fishermen lost off the coast of Haldmark "
             "accuse the rescue service of a deadly delay.",
    })
    assert _holding(entities, "Kallis Brun") is None
    assert _holding(entities, "Haldmark").type == "GPE"


def test_understand_a_coast_guard_is_no_place():
    """A name ending in "Guard" is a body ("Coast Guard", "National Guard"), though "the coast
    guard's station" stands before a place word (N-trawler: the coast guard was a GPE)."""
    from newsprism.understand.entities import _is_a_place
    from newsprism.understand.mentions import Found

    station = Found("x", "coast guard", 0, 11, 0, "ORG", evidence={"place"})
    named = Found("y", "Haldmark Coast Guard", 0, 20, 0, "ORG")
    assert not _is_a_place([station, named])
    assert _is_a_place([Found("x", "Morvik", 0, 6, 0, "ORG", evidence={"place"})])


def test_understand_a_headline_verb_is_no_part_of_the_name_after_it():
    """"Governor Nominates Delia Varrow": the tagger runs the headline's verb into the name; the
    body writes "Delia Varrow", so that is the name (ECB+ 28: "President Nominates Regina ...")."""
    entities = story_entities({
        "x": "Governor Nominates Delia Varrow to Lead Health Board\n\nDelia Varrow, a doctor who runs a clinic in "
             "Pelham Bayou, was named on Monday.",
    })
    varrow = _holding(entities, "Delia Varrow")
    assert varrow.name == "Delia Varrow" and not any("Nominates" in m.text for m in varrow.mentions)


def test_understand_a_score_is_no_part_of_a_club_and_a_players_club_is_no_person():
    """"beat Tessel City 2-1": the score is no part of the club's name; "Kestrel Town winger Abdou
    Fane": the club a player's role hangs on is a group, not a person (C-cupfinal, U-transfer)."""
    from newsprism.understand.entities import _trim_span

    doc = parse(["Brannow United beat Tessel City 2-1 on Saturday."])[0]
    start = next(t.i for t in doc if t.text == "Tessel")
    end = next(t.i for t in doc if t.text == "on")
    assert doc[slice(*_trim_span(doc, doc[start:end]))].text == "Tessel City"
    entities = story_entities({
        "x": "Thousands of fans left Varn Stadium in Oskeby on Saturday night, minutes after Brannow United beat "
             "Tessel City 2-1 to win the cup final.",
        "y": "Tessel City had led through a penalty in the 23rd minute. Kestrel Town winger Abdou Fane said the Club Shop was shut.",
    })
    assert _holding(entities, "Kestrel Town").type != "PERSON"


def test_understand_a_surname_in_capitals_and_a_players_role_show_the_player():
    """"shirts printed with KASHUBA": his surname in capitals, not an organisation's initials;
    "Midfielder Pavlo Kashuba", "Kestrel Town winger Abdou Fane": a player's role is a title, no
    part of the name, and says person (U-transfer: DOROSH an ORG, Abdou an ORG)."""
    entities = story_entities({
        "x": "Midfielder Pavlo Kashuba signed a four-year contract with Harrowfield Rovers on Friday. Kashuba said he was delighted.",
        "y": "Fans queued from dawn, and shirts printed with KASHUBA and the number 8 sold out within an hour. "
             "Kestrel Town winger Abdou Fane said the Club Shop was shut.",
    })
    kashuba = _holding(entities, "Kashuba")
    assert kashuba.type == "PERSON" and kashuba.name == "Pavlo Kashuba" and _holding(entities, "KASHUBA") is kashuba
    assert _holding(entities, "Abdou Fane").type == "PERSON"


def test_understand_a_hyphened_surname_after_a_lower_case_role_is_the_persons():
    """"to sign Kestrel Town winger Abdou Ndiaye-Carr": the tagger tags "Abdou" alone as an
    organisation; the untagged hyphened surname after it is part of the name, and the role
    before it says person (U-transfer: "Abdou" an ORG)."""
    entities = story_entities({
        "x": "Albion, who finished seventh last season, are expected to use part of the fee to sign Kestrel Town "
             "winger Abdou Ndiaye-Carr.",
    })
    player = _holding(entities, "Abdou Ndiaye-Carr")
    assert player is not None and player.type == "PERSON"
    assert _holding(entities, "Abdou") is None
