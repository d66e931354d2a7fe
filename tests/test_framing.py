"""Framing as a reader of the report checks it: labels per actor, loaded words, hedges,
attribution verbs, scare quotes and channels, each with its sentence and whose voice it is.

Unit tests build an Understanding by hand over text invented here (actors and words that
appear nowhere in the seeds); the end-to-end tests run the seed cluster through
`newsprism.analyze`.
"""

from __future__ import annotations

import pytest

import newsprism
from newsprism.framing import frame_story, framing_profile
from newsprism.models import CleanArticle, Entity, Evidence, Mention, Quote, QuoteVariant, Story, Understanding, content_id
from newsprism.settings import FramingSettings, load_settings

from conftest import TEST_DATA


# --------------------------------------------------------------------------- helpers


def article(text: str, outlet: str | None = None) -> CleanArticle:
    return CleanArticle(id=content_id(text), source_path=f"{outlet or 'mem'}.txt", outlet=outlet, text=text)


def entity(name: str, type_: str, articles: list[CleanArticle], *spellings: str) -> Entity:
    """An entity with a mention at every place one of its spellings occurs in the articles."""
    mentions = []
    for a in articles:
        for spelling in (name, *spellings):
            start = a.text.find(spelling)
            while start != -1:
                mentions.append(Mention(article_id=a.id, text=spelling, start=start, end=start + len(spelling)))
                start = a.text.find(spelling, start + len(spelling))
    return Entity(id=content_id(name, "e"), name=name, type=type_, aliases=list(spellings), mentions=mentions)


def understanding(articles: list[CleanArticle], entities: list[Entity], quotes: list[Quote] | None = None) -> Understanding:
    return Understanding(story_id="s_test", articles=articles, entities=entities, quotes=quotes or [])


def terms(entries, category: str, **where) -> list[str]:
    return [e.term for e in entries if e.category == category and all(getattr(e, k) == v for k, v in where.items())]


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(("text", "name", "expected", "absent"), [
    # the date of the event is no part of the label, nor is a preposition it leaves behind
    ("The city commission declared Ivo Marr the winner of the mayoral election on Sunday.", "Ivo Marr",
     "winner of the mayoral election", ["winner of the mayoral election on", "winner of the mayoral election on Sunday"]),
    # a bare count is no label ("two" of "two fans, among them Ada Brill")
    ("Police arrested two fans, among them Ada Brill, a student.", "Ada Brill", "student", ["two"]),
])
def test_framing_labels_leave_out_dates_and_bare_counts(text, name, expected, absent):
    a = article(text)
    person = entity(name, "PERSON", [a])
    labels = terms(frame_story(understanding([a], [person])), "label", target_entity_id=person.id)
    assert expected in labels
    assert not set(absent) & set(labels), labels


def test_framing_labels_split_a_premodifier_chain_before_a_name():
    a = article("Soldiers clashed with fighters from the Moscow-funded Balkan separatist militia Zorya near the border on Monday.")
    zorya = entity("Zorya", "ORG", [a])
    entries = frame_story(understanding([a], [zorya]))
    labels = terms(entries, "label", target_entity_id=zorya.id)
    assert "Moscow-funded" in labels
    assert any(label.endswith("militia") for label in labels)
    assert all(e.evidence.text.startswith("Soldiers clashed") for e in entries if e.category == "label")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a live page's entry time hung on the noun is no count of harbour masters
    ("13:20 - The harbour master, Ilsa Varn, said the Tessock channel would stay shut.", "harbour master", {"harbour"}),
    # the words right after the time open the sentence: a capital there is no name's
    ("13:25 - Harbour master Ilsa Varn said the Tessock channel would stay shut.", "Harbour master", {"master"}),
    ("09:05 - Regional transport minister Ilsa Varn called for calm in Tessock.", "Regional transport minister", {"Regional", "transport"}),
])
def test_framing_a_live_entrys_time_leaves_the_label_after_it_whole(text, expected, absent):
    a = article(text)
    varn = entity("Ilsa Varn", "PERSON", [a])
    labels = set(terms(frame_story(understanding([a], [varn])), "label", target_entity_id=varn.id))
    assert expected in labels
    assert not labels & absent


def test_framing_a_title_the_tagger_reads_as_an_adjective_stays_one_label():
    """'chief executive Dorian Vell': the parse tags both words JJ; the label is 'chief executive', not 'chief' and 'executive'."""
    a = article("Carrick Textiles chief executive Dorian Vell said the company had set aside £2.25 million for redundancy payments.")
    varn = entity("Dorian Vell", "PERSON", [a])
    looms = entity("Carrick Textiles", "ORG", [a])
    labels = terms(frame_story(understanding([a], [varn, looms])), "label", target_entity_id=varn.id)
    assert any(label.endswith("chief executive") for label in labels)
    assert not {"chief", "executive"} & set(labels)


def test_framing_a_loaded_word_opening_a_live_entry_is_no_name():
    """'13:20 - Chaos at the Tessock quay': 'Chaos' opens the entry (capitalised there), not a name."""
    text = "13:20 - Chaos at the Tessock quay as the ferry blocks the channel."
    assert "Chaos" in terms(frame_story(understanding([article(text)], [])), "loaded")


@pytest.mark.parametrize(
    ("text", "name", "spellings", "expected"),
    [
        ("Lawmakers froze the accounts of the Velde regime on Friday.", "Tomas Velde", ("Velde",), "regime"),
        ("Kestria, a longtime rival of its neighbour, closed the pass.", "Kestria", (), "longtime rival of its neighbour"),
        ("Relief groups praised Sarnian ally Kestria for opening the road.", "Kestria", (), "Sarnian ally"),
    ],
)
def test_framing_labels_from_regime_nouns_appositives_and_premodifiers(text, name, spellings, expected):
    a = article(text)
    target = entity(name, "PERSON" if " " in name else "GPE", [a], *spellings)
    labels = terms(frame_story(understanding([a], [target])), "label", target_entity_id=target.id)
    assert expected in labels


def test_framing_description_right_before_a_name_labels_that_name_not_the_actor_it_was_resolved_to():
    """"the private company Tennmark Lines": the label is Tennmark's even when the understanding
    resolved "the private company" to another actor (the harbour police named before)."""
    a = article("The harbour police said the Orla sank at dawn. The Orla was operated by the private company "
                "Tennmark Lines, which did not respond to a request for comment.")
    police = entity("harbour police", "ORG", [a])
    start = a.text.index("the private company")
    police = police.model_copy(update={"mentions": [*police.mentions, Mention(
        article_id=a.id, text="the private company", start=start, end=start + 19, kind="description")]})
    tennmark = entity("Tennmark Lines", "ORG", [a])
    entries = frame_story(understanding([a], [police, tennmark]))
    assert "private company" in terms(entries, "label", target_entity_id=tennmark.id)
    assert terms(entries, "label", target_entity_id=police.id) == []


@pytest.mark.parametrize(("text", "name", "expected", "absent"), [
    # a common noun capitalised only because it opens the sentence stays in its label
    ("Harbour rescue boss Ilka Varn said the crew had no chance once the wave broke.", "Ilka Varn",
     "Harbour rescue boss", ["Harbour", "rescue boss"]),
    ("Opposition transport spokesman Edo Lamm said the minister should resign.", "Edo Lamm",
     "Opposition transport spokesman", ["Opposition", "transport spokesman"]),
    # a common adjective capitalised only because it opens the sentence, too
    ("Regional health minister Ilka Varn said the ward would reopen in May.", "Ilka Varn",
     "Regional health minister", ["Regional", "health minister"]),
    ("Former harbour master Edo Lamm said the crew had no chance.", "Edo Lamm",
     "Former harbour master", ["Former", "harbour master"]),
])
def test_framing_sentence_initial_common_noun_stays_in_the_label(text, name, expected, absent):
    a = article(text)
    person = entity(name, "PERSON", [a])
    labels = terms(frame_story(understanding([a], [person])), "label", target_entity_id=person.id)
    assert expected in labels
    assert not set(absent) & set(labels), labels


def test_framing_another_actors_name_before_a_name_is_no_label():
    """"Mayor of Oskberg Tilda Rask": the town, parsed as the name's premodifier, is no label of the mayor."""
    a = article("Mayor of Oskberg Tilda Rask called for an independent review of the weather office.")
    mayor = entity("Tilda Rask", "PERSON", [a])
    town = entity("Oskberg", "GPE", [a])
    assert "Oskberg" not in terms(frame_story(understanding([a], [mayor, town])), "label", target_entity_id=mayor.id)


def test_framing_a_countrys_demonym_before_a_name_stays_a_label():
    """"the Voranian state news agency VNA": "Voranian" (a demonym mention of Vorania) labels the agency."""
    a = article("The report was carried by the Voranian state news agency VNA on Monday.")
    vna = entity("VNA", "ORG", [a])
    vorania = entity("Vorania", "GPE", [a])
    start = a.text.index("Voranian")
    vorania = vorania.model_copy(update={"mentions": [*vorania.mentions, Mention(
        article_id=a.id, text="Voranian", start=start, end=start + 8, kind="demonym")]})
    assert "Voranian" in terms(frame_story(understanding([a], [vna, vorania])), "label", target_entity_id=vna.id)


def test_framing_an_appositive_label_does_not_cut_a_name_in_two():
    a = article('"The halls are emptying," said Dame Orla Fenn, chair of the Friends of the Vessel Gallery, on Friday.')
    chair = entity("Orla Fenn", "PERSON", [a])
    friends = entity("Friends of the Vessel Gallery", "ORG", [a])
    labels = terms(frame_story(understanding([a], [chair, friends])), "label", target_entity_id=chair.id)
    assert "chair of the Friends of the Vessel Gallery" in labels
    assert "chair of the Friends" not in labels


def test_framing_an_appositive_label_keeps_a_name_with_and_whole():
    """"secretary of the Dock and Rail Workers' Union" when the understanding found no entity for the union:
    the "and" inside the name is no end of the label."""
    a = article('"We will not back down," said Ilka Varn, general secretary of the Dock and Rail Workers\' Union, on Friday.')
    varn = entity("Ilka Varn", "PERSON", [a])
    labels = terms(frame_story(understanding([a], [varn])), "label", target_entity_id=varn.id)
    assert "general secretary of the Dock and Rail Workers' Union" in labels, labels
    assert "general secretary of the Dock" not in labels


def test_framing_a_description_keeps_its_noun_possessor():
    """"a patrons' group" resolved to the Friends is the label "patrons' group", not a bare "group"."""
    a = article("The Friends of the Vessel Gallery, a patrons' group, called the sale a loss for the public.")
    friends = entity("Friends of the Vessel Gallery", "ORG", [a])
    start = a.text.index("a patrons' group")
    friends = friends.model_copy(update={"mentions": [*friends.mentions, Mention(
        article_id=a.id, text="a patrons' group", start=start, end=start + 16, kind="description")]})
    labels = terms(frame_story(understanding([a], [friends])), "label", target_entity_id=friends.id)
    assert "patrons' group" in labels and "group" not in labels


@pytest.mark.parametrize("word", ["daredevils", "thrill-seekers"])
def test_framing_victims_cast_as_risk_seekers_are_loaded(word):
    a = article(f"Four {word} died when the slope gave way above the village on Saturday.")
    assert word in terms(frame_story(understanding([a], [])), "loaded", voice="outlet")


@pytest.mark.parametrize(("text", "word"), [
    ("Two people died in a stampede of drunken fans at the Orla Arena on Saturday.", "stampede"),
    ("Two people died in a stampede of drunken fans at the Orla Arena on Saturday.", "drunken"),
    ("The final at the Orla Arena ended in horror on Saturday.", "horror"),
])
def test_framing_a_crowd_cast_as_to_blame_for_a_crush_is_loaded(text, word):
    assert word in terms(frame_story(understanding([article(text)], [])), "loaded", voice="outlet")


def test_framing_a_crush_told_plainly_has_no_loaded_word():
    a = article("Two people died in a crush of fans at the Orla Arena on Saturday.")
    assert terms(frame_story(understanding([a], [])), "loaded") == []


def test_framing_a_label_naming_the_actor_itself_is_no_label_of_it():
    """"Runo, the capital of Pellaria" where the understanding resolved Runo to Pellaria (a capital acting
    for its country): "capital of Pellaria" is no label of Pellaria."""
    a = article("Runo, the capital of Pellaria, imports the drug from its neighbour.")
    pellaria = entity("Pellaria", "GPE", [a], "Runo")
    assert terms(frame_story(understanding([a], [pellaria])), "label", target_entity_id=pellaria.id) == []


def test_framing_an_actors_own_name_written_in_lower_case_is_no_label_of_it():
    """The understanding named the actor by its lower-case name ('harbour police'): 'the harbour
    police's night patrol' does not label it 'harbour police'; 'Inspector' still labels the inspector."""
    a = article("Inspector Ilse Brandt, who leads the harbour police's night patrol, said the pier was closed. "
                "The harbour police said the search would resume at dawn.")
    police = entity("harbour police", "ORG", [a])
    brandt = entity("Ilse Brandt", "PERSON", [a])
    entries = frame_story(understanding([a], [police, brandt]))
    assert terms(entries, "label", target_entity_id=police.id) == []
    assert "Inspector" in terms(entries, "label", target_entity_id=brandt.id)


def test_framing_epithet_from_the_lexicon_stands_for_its_actor():
    a = article("North Korea tested a rocket on Tuesday. The Hermit Kingdom has ignored every warning since March.")
    korea = entity("North Korea", "GPE", [a])
    labels = terms(frame_story(understanding([a], [korea])), "label", target_entity_id=korea.id)
    assert any("hermit kingdom" in label.lower() for label in labels)


def test_framing_epithet_with_a_proper_adjective_goes_to_the_country_last_in_subject_position():
    a = article("Kestria has closed its embassy in the capital. The Alpine republic says talks are over.")
    kestria = entity("Kestria", "GPE", [a])
    labels = terms(frame_story(understanding([a], [kestria])), "label", target_entity_id=kestria.id)
    assert any("alpine republic" in label.lower() for label in labels)


def test_framing_labels_of_one_actor_across_spellings_form_one_profile_row():
    a1 = article("Brigadier Jovan Petrovitch inspected the troops on Sunday.", outlet="Daily Lantern")
    a2 = article("Rebel commander Jovan Petrović rejected the truce on Sunday.", outlet="Evening Courier")
    jovan = entity("Jovan Petrovitch", "PERSON", [a1, a2], "Jovan Petrović")
    entries = frame_story(understanding([a1, a2], [jovan]))
    story = Story(id="s_test", title="t", article_ids=[a1.id, a2.id], entities=[jovan], framing=entries)
    profile = framing_profile(story, [a1, a2])
    rows = [row for row in profile.labels if row.entity_id == jovan.id]
    assert len(rows) == 1
    assert set(rows[0].labels) == {"Daily Lantern", "Evening Courier"}
    assert [t.term for t in rows[0].labels["Evening Courier"]] == ["Rebel commander"]


# --------------------------------------------------------------------------- loaded words, hedges, voice


def test_framing_loaded_word_in_a_quote_is_the_speakers_not_the_outlets():
    text = (
        'Minister Ilse Marrow defended the budget on Tuesday. "This is a disgraceful stunt by bungling amateurs," '
        "she said of the opposition's plan. The shambolic debate lasted four hours."
    )
    a = article(text)
    marrow = entity("Ilse Marrow", "PERSON", [a], "Marrow")
    quote = Quote(id="q1", speaker="Ilse Marrow", speaker_entity_id=marrow.id, variants=[QuoteVariant(text="This is a disgraceful stunt by bungling amateurs,", article_ids=[a.id])])
    entries = frame_story(understanding([a], [marrow], [quote]))
    quoted = {e.term.lower(): e for e in entries if e.category == "loaded" and e.voice == "quote"}
    assert {"disgraceful", "bungling"} <= set(quoted)
    assert quoted["bungling"].speaker_entity_id == marrow.id
    assert not [e for e in entries if e.category == "loaded" and e.voice == "outlet" and e.term.lower() in {"disgraceful", "bungling"}]


@pytest.mark.parametrize("marks", [("«", "»"), ("„", "“"), ("“", "”")])
def test_framing_loaded_word_in_guillemets_or_low_high_quotes_is_the_speakers(marks):
    """Translated copy quotes with « » or „ “: a loaded word inside is the speaker's, not the outlet's."""
    a = article(f"Officials met in Varna. {marks[0]}Their rhetoric is pathetic,{marks[1]} Dragan Velic said after the talks.")
    velic = entity("Dragan Velic", "PERSON", [a])
    loaded = [e for e in frame_story(understanding([a], [velic])) if e.category == "loaded" and e.term.lower() == "pathetic"]
    assert [e.voice for e in loaded] == ["quote"]


def test_framing_speaker_found_from_the_parse_when_understanding_has_no_quotes():
    a = article('Officials met in Varna. "Their rhetoric is pathetic," Dragan Velic said after the talks.')
    velic = entity("Dragan Velic", "PERSON", [a])
    entries = frame_story(understanding([a], [velic]))
    loaded = [e for e in entries if e.category == "loaded" and e.term.lower() == "pathetic"]
    assert loaded and loaded[0].voice == "quote" and loaded[0].speaker_entity_id == velic.id


def test_framing_hedges_and_multiword_terms_in_the_outlets_voice():
    a = article("The convoy was reportedly attacked near Orsk. The foreign-owned giant is said to have paid the guards.")
    entries = frame_story(understanding([a], []))
    hedges = [t.lower() for t in terms(entries, "hedge", voice="outlet")]
    assert "reportedly" in hedges
    assert "is said to" in hedges
    assert "foreign-owned giant" in [t.lower() for t in terms(entries, "loaded", voice="outlet")]


@pytest.mark.parametrize(("text", "word"), [
    # a pejorative label for a person (judgement of propriety) and an adjective of blame for a firm
    ("The kleptocrat who ran the port authority, Ivo Marek, was jailed on Monday.", "kleptocrat"),
    ("The negligent shipping firm Orlen Lines admitted that the ballast tanks were never checked.", "negligent"),
    ("Critics called the minister a crook after the audit.", "crook"),
    ("Inspectors found shoddy welds on the new bridge.", "shoddy"),
    # strikers or protesters cast as wrecking the place
    ("The wreckers barricaded themselves inside the Ostrey weaving sheds for three days.", "wreckers"),
])
def test_framing_judgement_words_in_the_outlets_voice_are_loaded(text, word):
    entries = frame_story(understanding([article(text)], []))
    assert word in [t.lower() for t in terms(entries, "loaded", voice="outlet")]


@pytest.mark.parametrize("text", [
    "Families on Harl Lane were kept indoors because the smoke was toxic.",
    "Toxic fumes from the burning warehouse drifted over Ostrey overnight.",
    "Crews found poisonous gas and dangerous chemicals in the cellar of the Ventry depot.",
    "By dawn the air over the estate had turned thick and toxic.",
])
def test_framing_an_adjective_plainly_describing_a_substance_is_no_loaded_word(text):
    """'the smoke was toxic' says what smoke does to a body: a plain description, not the outlet's judgement."""
    entries = frame_story(understanding([article(text)], []))
    assert not {"toxic", "poisonous", "dangerous"} & {t.lower() for t in terms(entries, "loaded")}


@pytest.mark.parametrize(("text", "word"), [
    ("The debate over the Harl Lane depot has turned toxic.", "toxic"),
    ("Councillor Ivo Marek called it a toxic culture at the depot.", "toxic"),
    ("Residents say Ivo Marek is a dangerous man.", "dangerous"),
])
def test_framing_the_same_adjective_said_of_people_or_ideas_stays_loaded(text, word):
    entries = frame_story(understanding([article(text)], []))
    assert word in [t.lower() for t in terms(entries, "loaded")]


@pytest.mark.parametrize("text", [
    "The Ostrey ferry will sail from the west pier, which lies outside the flooded basin.",
    "The wreck of the Marlow Dane lay on the seabed off Brindle Point for a week.",
    "Councillor Ivo Marek said the fault lies with the contractor, not the depot.",
    "The hamlet of Tessock lies between the canal and the old rail yard.",
])
def test_framing_lie_meaning_be_placed_is_no_loaded_word(text):
    """'the pier lies outside the basin' says where something is: no one's untruth, no judgement."""
    entries = frame_story(understanding([article(text)], []))
    assert not {"lies", "lay", "lie"} & {t.lower() for t in terms(entries, "loaded")}


@pytest.mark.parametrize(("text", "word"), [
    ("Councillor Ivo Marek lied to the Ostrey planning board about the depot.", "lied"),
    ("The mayor of Tessock lies about the depot's costs, the opposition says.", "lies"),
    ("Critics say the Brindle council has told nothing but lies.", "lies"),
    ("Ivo Marek is lying to the voters of Tessock.", "lying"),
])
def test_framing_lie_meaning_an_untruth_stays_loaded(text, word):
    entries = frame_story(understanding([article(text)], []))
    assert word in [t.lower() for t in terms(entries, "loaded")]


def test_framing_labels_for_the_people_of_a_disputed_settlement_are_loaded():
    """'squatters', 'land grabbers', 'an illegal camp' take one side of a land dispute; 'residents' do not."""
    text = ("Police cleared the illegal camp at Orsa Hill on Monday, removing squatters who had ignored a court order. "
            "The land grabbers had held the plot since 2027. Residents said they had nowhere to go.")
    loaded = {t.lower() for t in terms(frame_story(understanding([article(text)], [])), "loaded")}
    assert {"illegal camp", "squatters", "land grabbers"} <= loaded
    assert "residents" not in loaded
    # the adjective of a loaded phrase with a name between it and its noun
    text = "Bulldozers flattened the illegal Orsa Hill camp at dawn. The legal Orsa Hill market stayed open."
    loaded = {t.lower() for t in terms(frame_story(understanding([article(text)], [])), "loaded")}
    assert "illegal orsa hill camp" in loaded
    assert not any("market" in t for t in loaded)


def test_framing_a_shouted_headlines_loaded_words_count_for_its_outlet():
    """A tabloid's headline 'BLAZE HORROR AT DEATH TRAP MILL' is no part of the clean text; its loaded
    words are the outlet's, cited to the headline itself. A calm headline gives none."""
    body = "Six workers were hurt when fire broke out at the Ostrey flour mill on Tuesday night."
    loud = article(body, outlet="Daily Trumpet").model_copy(update={"title": "INFERNO AT DEATH TRAP MILL"})
    calm = article(body + " ", outlet="Ostrey Courier").model_copy(update={"title": "Six hurt in fire at Ostrey mill"})
    entries = frame_story(understanding([loud, calm], []))
    loud_words = {e.term: e for e in entries if e.article_id == loud.id and e.category == "loaded"}
    assert {"INFERNO", "DEATH TRAP"} <= set(loud_words)
    assert all(e.voice == "outlet" and e.evidence.text == "INFERNO AT DEATH TRAP MILL" for e in loud_words.values())
    # the receipt says it is the headline, which the clean text does not hold (no offsets into it)
    assert all(e.evidence.in_title for e in loud_words.values())
    assert not any(e.evidence.in_title for e in entries if e.article_id == calm.id)
    assert not terms([e for e in entries if e.article_id == calm.id], "loaded")


@pytest.mark.parametrize(("title", "loaded"), [
    ("Where the Marlow Dane wreck lies", set()),
    ("Mayor lies about Tessock depot costs", {"lies"}),
    ("Bulldozers flatten illegal Orsa Hill camp", {"illegal Orsa Hill camp"}),
])
def test_framing_a_headline_is_read_with_the_bodys_sense_checks(title, loaded):
    """A headline gets the body's checks: 'lies' of a place is no untruth, a loaded adjective keeps
    its noun across a name (session 12 found headline.py without them; it reads find_terms)."""
    a = article("Divers reached the Marlow Dane off Brindle Point on Tuesday.", outlet="Ostrey Courier").model_copy(update={"title": title})
    assert {e.term for e in frame_story(understanding([a], [])) if e.evidence.in_title and e.category == "loaded"} == loaded


def test_framing_a_legal_charge_stated_neutrally_is_no_loaded_word():
    entries = frame_story(understanding([article("The firm was charged with negligence and the director with embezzlement.")], []))
    assert not terms(entries, "loaded")


@pytest.mark.parametrize(("text", "word"), [
    ("Nine quarry workers were hurt when a tunnel caved in on Friday near Velm.", "caved"),
    ("The roof of the depot caved after a week of heavy snow.", "caved"),
    ("Inspectors blamed the cracks on blasting in a nearby pit.", "blasting"),
    ("Crews blasted rock for the new road all morning.", "blasted"),
])
def test_framing_dramatising_verb_in_its_literal_sense_is_no_loaded_word(text, word):
    entries = frame_story(understanding([article(text)], []))
    assert word not in [t.lower() for t in terms(entries, "loaded")]


@pytest.mark.parametrize(("text", "word"), [
    ("The council caved in to the demands of the developers.", "caved"),
    ("The mayor caved to pressure from the unions on Tuesday.", "caved"),
    ("Opposition leaders blasted the budget as a giveaway.", "blasted"),
    ("Farmers warned the ministry against caving to the importers.", "caving"),
    ("Senator Vell blasted the new border wall as a waste of money.", "blasted"),
])
def test_framing_dramatising_verb_said_of_people_stays_loaded(text, word):
    entries = frame_story(understanding([article(text)], []))
    assert word in [t.lower() for t in terms(entries, "loaded")]


@pytest.mark.parametrize("text", [
    "Nine quarry workers were hurt when a tunnel caved in on Friday near Velm.",
    "Crews blasted rock for the new road all morning.",
    "The council caved in to the demands of the developers.",
    "Opposition leaders blasted the budget as a giveaway.",
    "The blast shattered windows along the harbour road.",
])
def test_framing_sense_check_for_a_lone_sentence_agrees_with_the_articles_flags(text):
    """The summary asks framing about one sentence at a time (loaded_verbs_in): the answer is the
    dramatising verbs framing itself flags when the sentence is an article."""
    from newsprism.framing.lexicon import load_lexicon
    from newsprism.framing.terms import loaded_verbs_in

    lexicon = load_lexicon()
    verbs = frozenset(t for t in lexicon.loaded if lexicon.loaded_pos.get(t) == "VERB")
    flagged = {t.lower() for t in terms(frame_story(understanding([article(text)], [])), "loaded")} & verbs
    assert loaded_verbs_in(text, verbs, lexicon) == flagged


def test_framing_attribution_verbs_are_found_but_not_verbs_inside_quotes():
    text = 'The mayor insisted the bridge was safe. "We do not welcome the inspectors," she admitted on Friday.'
    entries = frame_story(understanding([article(text)], []))
    verbs = [t.lower() for t in terms(entries, "attribution_verb")]
    assert "insisted" in verbs and "admitted" in verbs
    assert "welcome" not in verbs


def test_framing_user_lexicon_adds_to_the_shipped_one():
    a = article("Critics called the featherbrained plan a blunderbuss. Word on the street is that it will pass.")
    plain = frame_story(understanding([a], []))
    extended = frame_story(understanding([a], []), FramingSettings(lexicon_dir=TEST_DATA / "framing" / "user_lexicon"))
    assert "featherbrained" not in [t.lower() for t in terms(plain, "loaded")]
    assert {"featherbrained", "blunderbuss"} <= {t.lower() for t in terms(extended, "loaded")}
    assert "word on the street" in [t.lower() for t in terms(extended, "hedge")]


# --------------------------------------------------------------------------- scare quotes


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("The envoy described ‘Kestria’ as a threat to the region.", "Kestria"),
        ('Officials hailed the new "experts" hired for the inquiry.', "experts"),
        ("Local leaders call the district 'Upper Varna' in their letters.", "Upper Varna"),
    ],
)
def test_framing_scare_quotes_on_names_and_single_words(text, scare):
    a = article(text)
    kestria = entity("Kestria", "GPE", [a])
    assert scare in terms(frame_story(understanding([a], [kestria])), "scare_quote")


@pytest.mark.parametrize(
    "text",
    [
        'The minister said the army was headed for "victory" after the vote.',
        "Analysts use the term 'grey zone' for such raids.",
        '"We will not give up the valley," the governor said on Monday.',
        "The farmers' union said the harvest's value fell, and it didn't recover.",
    ],
)
def test_framing_real_quotes_terms_and_apostrophes_are_not_scare_quotes(text):
    assert terms(frame_story(understanding([article(text)], [])), "scare_quote") == []


# --------------------------------------------------------------------------- channels


def test_framing_channels_from_according_to_and_relaying_subjects():
    text = (
        "The dam burst overnight, state radio said. Forty homes were flooded, according to the Valtoran News Agency. "
        "A video aired on Orsk Television showed the damage."
    )
    channels = [t.lower() for t in terms(frame_story(understanding([article(text)], [])), "channel")]
    assert "state radio" in channels
    assert "valtoran news agency" in channels
    assert "orsk television" in channels


def test_framing_a_pronoun_subject_of_carry_is_no_channel():
    """'It is carrying 800 tonnes of grain': a ship (here wrongly resolved to a body) carries cargo, it relays
    nobody; 'the Orsk Courier carried the interview' names the outlet that relays it."""
    a = article("The freighter Tessa Lind hit a sandbar near Brindle Point, the Orsk harbour board said. "
                "It is carrying 800 tonnes of grain. The Orsk Courier carried the interview on Monday.")
    board = entity("Orsk harbour board", "ORG", [a], "It")
    courier = entity("Orsk Courier", "ORG", [a])
    channels = [t.lower() for t in terms(frame_story(understanding([a], [board, courier])), "channel")]
    assert "it" not in channels
    assert "orsk courier" in channels


def test_framing_according_to_a_person_is_no_channel():
    """'According to Ada Brill, ...' names the speaker; 'according to the Valtoran News Agency' a medium."""
    a = article("According to Ada Brill, rescuers reached the village at dawn. Forty homes were flooded, according to the Valtoran News Agency.")
    brill = entity("Ada Brill", "PERSON", [a])
    channels = terms(frame_story(understanding([a], [brill])), "channel")
    assert "Ada Brill" not in channels
    assert "Valtoran News Agency" in channels


def test_framing_according_to_a_body_that_speaks_for_itself_is_no_channel():
    """'according to the council' names the source of the figure, as 'according to the union' does; it
    relays nobody. A news agency after 'according to' stays a channel."""
    a = article("Around 400 litres of diesel leaked into the Brenn, according to the council. "
                "Forty homes were flooded, according to the Valtoran News Agency.")
    channels = [t.lower() for t in terms(frame_story(understanding([a], [])), "channel")]
    assert "council" not in channels and "the council" not in channels
    assert "valtoran news agency" in channels


def test_framing_channel_from_the_understanding_quotes_only_where_the_article_names_it():
    named = 'The general promised calm. "The roads will reopen," he told Radio Kestria on Sunday.'
    unnamed = 'The general promised calm. "The roads will reopen," he said on Sunday.'
    a1, a2 = article(named), article(unnamed)

    def variant(a: CleanArticle) -> QuoteVariant:
        start = a.text.index('"')
        return QuoteVariant(text="The roads will reopen,", article_ids=[a.id], evidence=[Evidence(article_id=a.id, text=a.text[start:], start=start, end=len(a.text))])

    quote = Quote(id="q", speaker="general", channel="Radio Kestria", variants=[variant(a1), variant(a2)])
    entries = frame_story(understanding([a1, a2], [], [quote]))
    assert "Radio Kestria" in terms([e for e in entries if e.article_id == a1.id], "channel")
    assert terms([e for e in entries if e.article_id == a2.id], "channel") == []


# --------------------------------------------------------------------------- profile


def test_framing_a_quote_given_to_this_newspaper_is_heard_first_hand():
    """"said X to this newspaper": the outlet heard her itself; no relaying channel, the channel 'first hand'."""
    text = '"The slope left them no chance," said rescue chief Ada Brill to this newspaper.'
    a = article(text, outlet="Valley Post")
    brill = entity("Ada Brill", "PERSON", [a])
    ev = Evidence(article_id=a.id, text=text, start=0, end=len(text))
    quote = Quote(id="q_brill", speaker="Ada Brill", speaker_entity_id=brill.id, channel="newspaper", variants=[
        QuoteVariant(text="The slope left them no chance", article_ids=[a.id], direct=True, channel="newspaper", evidence=[ev])])
    channels = [e for e in frame_story(understanding([a], [brill], [quote])) if e.category == "channel"]
    assert [(e.term, e.target_entity_id) for e in channels] == [("first hand", brill.id)]


def test_framing_a_quote_given_to_the_outlet_by_its_name_is_heard_first_hand():
    """'told the Lakeside Echo' in the Lakeside Echo, or 'told the Echo': the outlet heard her first
    hand (its channels said nothing of it); the same words in another outlet's article name a channel it relays."""
    text = 'The skipper\'s sister told the Lakeside Echo that the crew had called for help. She later told the Echo: "Nobody came."'
    own, other = article(text, outlet="Lakeside Echo"), article(text, outlet="Harbour Courier")
    echo_quote = lambda a: Quote(id="q_sis", speaker="sister", channel="Lakeside Echo", variants=[  # noqa: E731
        QuoteVariant(text="the crew had called for help", article_ids=[a.id], channel="Lakeside Echo",
                     evidence=[Evidence(article_id=a.id, text=text, start=0, end=len(text))])])
    assert terms(frame_story(understanding([own], [], [echo_quote(own)])), "channel") == ["first hand"]
    # the outlet's own short name only: 'told the Echo', the remark's channel spelled in full
    short = 'The skipper\'s sister told the Echo that the crew had called for help.'
    own_short = article(short, outlet="Lakeside Echo")
    quote = Quote(id="q_sis", speaker="sister", channel="Lakeside Echo", variants=[QuoteVariant(
        text="the crew had called for help", article_ids=[own_short.id], channel="Lakeside Echo",
        evidence=[Evidence(article_id=own_short.id, text=short, start=0, end=len(short))])])
    assert terms(frame_story(understanding([own_short], [], [quote])), "channel") == ["first hand"]
    assert terms(frame_story(understanding([other], [], [echo_quote(other)])), "channel") == ["Lakeside Echo"]


def test_framing_each_rendering_of_a_remark_keeps_its_own_channel():
    """One remark, two ways: the Wharf Post read it on the union's website, the Quay Wire had it from
    'told Radio Ostrel'. The remark's channel is the website; the wire's channel is still Radio Ostrel,
    and Radio Ostrel's own article heard her first hand."""
    posted = "Ada Brill wrote on the union's website: \"The members have spoken.\""
    told = "\"Our members have spoken,\" Ada Brill told Radio Ostrel."
    post, wire, radio = article(posted, outlet="Wharf Post"), article(told, outlet="Quay Wire"), article(told + " ", outlet="Radio Ostrel")
    brill = entity("Ada Brill", "PERSON", [post, wire, radio])
    ev = lambda a: [Evidence(article_id=a.id, text=a.text.strip(), start=0, end=len(a.text.strip()))]  # noqa: E731
    quote = Quote(id="q_brill", speaker="Ada Brill", speaker_entity_id=brill.id, channel="union's website", variants=[
        QuoteVariant(text="The members have spoken.", article_ids=[post.id], channel="union's website", evidence=ev(post)),
        QuoteVariant(text="Our members have spoken,", article_ids=[wire.id, radio.id], channel="Radio Ostrel", evidence=ev(wire) + ev(radio))])
    entries = frame_story(understanding([post, wire, radio], [brill], [quote]))
    channels = lambda a: terms([e for e in entries if e.article_id == a.id], "channel")  # noqa: E731
    assert channels(wire) == ["Radio Ostrel"]
    assert channels(radio) == ["first hand"]
    assert channels(post) == ["union's website"]


def test_framing_an_outlet_naming_itself_by_its_initials_is_no_channel():
    """'according to a TNA translation' in the Tarvik News Agency's own report: the agency translated
    the remark itself and relays nobody; another outlet citing TNA relays the agency."""
    text = '"We will not take lessons from the harbour board," Ada Brill said, according to a TNA translation.'
    own, other = article(text, outlet="Tarvik News Agency"), article(text, outlet="Harbour Courier")
    assert terms(frame_story(understanding([own], [])), "channel") == []
    # nor is it 'first hand': its own translation says nothing of who heard her
    tna = lambda a: Quote(id="q_brill", speaker="Ada Brill", channel="TNA", variants=[  # noqa: E731
        QuoteVariant(text="We will not take lessons from the harbour board", article_ids=[a.id], channel="TNA",
                     evidence=[Evidence(article_id=a.id, text=text, start=0, end=len(text))])])
    assert terms(frame_story(understanding([own], [], [tna(own)])), "channel") == []
    assert any("TNA" in t for t in terms(frame_story(understanding([other], [])), "channel"))


def test_framing_profile_counts_terms_per_outlet_with_evidence():
    a1 = article("The brutal crackdown went on. Troops were reportedly deployed; the brutal raids continued.", outlet="Daily Lantern")
    a2 = article("Troops were deployed to the north on Monday.", outlet="Evening Courier")
    entries = frame_story(understanding([a1, a2], []))
    story = Story(id="s", title="t", article_ids=[a1.id, a2.id], framing=entries)
    profile = framing_profile(story, [a1, a2])
    by_outlet = {o.outlet: o for o in profile.outlets}
    brutal = [t for t in by_outlet["Daily Lantern"].loaded if t.term.lower() == "brutal"]
    assert brutal and brutal[0].count == 2 and len(brutal[0].evidence) == 2
    assert [t.term for t in by_outlet["Daily Lantern"].hedges] == ["reportedly"]
    assert by_outlet["Evening Courier"].loaded == [] and by_outlet["Evening Courier"].hedges == []


def test_framing_empty_story_gives_no_entries():
    assert frame_story(Understanding(story_id="s", articles=[])) == []


# --------------------------------------------------------------------------- the seed cluster, end to end


@pytest.fixture(scope="module")
def seed_story(seeds_dir):
    report = newsprism.analyze([seeds_dir], load_settings(group={"one_story": True}))
    assert len(report.stories) == 1
    story = report.stories[0]
    by_prefix = {a.source_path.replace("\\", "/").rsplit("/", 1)[-1][:3]: a for a in report.articles}
    return story, by_prefix, report.articles


def _entity_named(story, *spellings):
    for e in story.entities:
        names = {e.name.lower(), *(a.lower() for a in e.aliases)}
        if any(s.lower() in n for s in spellings for n in names):
            return e
    pytest.fail(f"no entity for {spellings}")


def _own(story, article, category):
    return [e for e in story.framing if e.article_id == article.id and e.category == category and e.voice == "outlet"]


def test_framing_seeds_labels_in_the_outlets_own_voice(seed_story):
    story, seeds, _ = seed_story
    hezbollah = _entity_named(story, "Hezbollah")
    israel = _entity_named(story, "Israel")
    labels_000 = {(e.term.lower(), e.target_entity_id) for e in _own(story, seeds["000"], "label")}
    assert ("terrorist group", hezbollah.id) in labels_000
    assert any("jewish state" in term and target == israel.id for term, target in labels_000)
    labels_001 = {(e.term.lower(), e.target_entity_id) for e in _own(story, seeds["001"], "label")}
    assert ("militant group", hezbollah.id) in labels_001


def test_framing_seeds_loaded_words_hedges_and_scare_quotes(seed_story):
    story, seeds, _ = seed_story
    assert "regime" in {e.term.lower() for e in _own(story, seeds["002"], "loaded")}
    assert "allegedly" in {e.term.lower() for e in _own(story, seeds["002"], "hedge")}
    assert "brutal" in {e.term.lower() for e in _own(story, seeds["003"], "loaded")}
    israel = _entity_named(story, "Israel")
    scare = [e for e in story.framing if e.article_id == seeds["004"].id and e.category == "scare_quote"]
    assert any(e.term == "Israel" and e.target_entity_id == israel.id for e in scare)
    for e in story.framing:
        assert e.evidence.text == next(a for a in seeds.values() if a.id == e.article_id).text[e.evidence.start : e.evidence.end]


def test_framing_seeds_quoted_word_is_the_speakers(seed_story):
    story, seeds, _ = seed_story
    prattling = [e for e in story.framing if e.article_id == seeds["004"].id and e.term.lower() == "prattling"]
    assert prattling and all(e.voice == "quote" for e in prattling)
    speaker = _entity_named(story, "Baqeri", "Bagheri")
    assert prattling[0].speaker_entity_id == speaker.id


def test_framing_seeds_one_label_row_per_actor_across_spellings(seed_story):
    story, seeds, articles = seed_story
    profile = framing_profile(story, articles)
    bagheri = _entity_named(story, "Baqeri", "Bagheri")
    rows = [row for row in profile.labels if row.entity_id == bagheri.id]
    assert len(rows) == 1
    outlets = {newsprism.framing.profile.outlet_name(seeds[p]) for p in ("000", "004")}
    assert outlets <= set(rows[0].labels)


def test_framing_seeds_reader_comments_are_never_evidence(seed_story):
    story, seeds, _ = seed_story
    comments = [c.text for c in seeds["001"].comments]
    assert comments, "the seed's comments should have been kept apart by cleaning"
    for e in story.framing:
        assert not any(e.evidence.text in c or c in e.evidence.text for c in comments)


# --------------------------------------------------------------------------- an invented cluster, end to end


@pytest.fixture(scope="module")
def invented_story():
    """Three invented reports of an invented dam blast (tests/data/framing/cluster), understood and framed."""
    from newsprism.pipeline import read_and_clean
    from newsprism.understand import understand_story

    articles, failures = read_and_clean([TEST_DATA / "framing" / "cluster"], load_settings())
    assert not failures
    group = newsprism.StoryGroup(id="s_dam", title="dam", article_ids=[a.id for a in articles])
    understood = understand_story(group, articles)
    story = Story(id="s_dam", title="dam", article_ids=group.article_ids, entities=understood.entities, framing=frame_story(understood))
    by_file = {a.source_path.replace("\\", "/").rsplit("/", 1)[-1].split(".")[0]: a for a in articles}
    return story, by_file, articles


def test_framing_invented_cluster_behaves_like_the_seeds(invented_story):
    story, files, articles = invented_story
    red_hand = _entity_named(story, "Red Hand")
    ledger = [e for e in story.framing if e.article_id == files["northern_ledger"].id]
    labels = {e.term for e in ledger if e.category == "label" and e.target_entity_id == red_hand.id and e.voice == "outlet"}
    assert {"Varnistan-backed", "separatist militia"} <= labels
    post = [e for e in story.framing if e.article_id == files["capital_post"].id]
    assert "allegedly" in {e.term for e in post if e.category == "hedge" and e.voice == "outlet"}
    assert "Varnistan" in {e.term for e in post if e.category == "scare_quote"}
    assert "Varnish News Agency" in {e.term for e in post if e.category == "channel"}
    harbour = [e for e in story.framing if e.article_id == files["harbour_times"].id]
    petrovic = _entity_named(story, "Petrovic")
    quoted = {e.term: e for e in harbour if e.category == "loaded" and e.voice == "quote"}
    assert {"bungling", "thugs"} <= set(quoted) and quoted["thugs"].speaker_entity_id == petrovic.id
    assert "regime" in {e.term for e in harbour if e.category == "loaded" and e.voice == "outlet"}
    # "the blast" is an explosion, not the loaded verb
    assert "blast" not in {e.term.lower() for e in story.framing if e.category == "loaded"}
    rows = [r for r in framing_profile(story, articles).labels if r.entity_id == petrovic.id]
    assert len(rows) == 1 and len(rows[0].labels) >= 2


# --------------------------------------------------------------------------- found wrong on unseen invented stories


@pytest.mark.parametrize("text", [
    "VELMORA, June 4 (Lakewire) - The barge Tessa sank in a squall about three kilometres from the quay, the port authority said.",
])
def test_framing_a_date_or_measure_beside_a_name_is_no_label(text):
    """A dateline's date and a distance parsed as appositions say when and how far, not who."""
    a = article(text, "Lakewire")
    velmora = entity("Velmora", "GPE", [a], "VELMORA")
    tessa = entity("Tessa", "PRODUCT", [a])
    entries = frame_story(understanding([a], [velmora, tessa]))
    labels = terms(entries, "label")
    assert not [t for t in labels if "June" in t or "kilometres" in t], labels
    # The dateline's agency is no label of the place either.
    assert "Lakewire" not in terms(entries, "label", target_entity_id=velmora.id)


@pytest.mark.parametrize("name", ["port authority"])
def test_framing_an_actors_own_lower_case_name_is_no_label(name):
    a = article(f"The {name} closed the quay after the barge sank. Divers sent by the {name} reached the wreck on Friday.")
    actor = entity(name, "ORG", [a])
    entries = frame_story(understanding([a], [actor]))
    assert name not in [t.lower() for t in terms(entries, "label", target_entity_id=actor.id)]


@pytest.mark.parametrize("word", ["junta"])
def test_framing_junta_is_a_loaded_word(word):
    a = article(f"The {word} in Kavros signed the accord with its neighbour on Sunday, ending two years of clashes.")
    assert word in [t.lower() for t in terms(frame_story(understanding([a], [])), "loaded")]


# --------------------------------------------------------------------------- pages never seen (task G6)


def test_framing_acronym_before_a_title_stays_in_one_label():
    """"VLWU general secretary Ada Brill": the union's acronym is part of her title, not a label of its own
    (the tagger may call an unknown acronym a verb)."""
    a = article('"We are not going back," VLWU general secretary Ada Brill told the crowd at the depot gate.')
    person = entity("Ada Brill", "PERSON", [a])
    labels = terms(frame_story(understanding([a], [person])), "label", target_entity_id=person.id)
    assert "VLWU" not in labels
    assert "VLWU general secretary" in labels


def test_framing_label_noun_the_actor_is_of():
    """"A mob of farm protesters": the label noun labels the group it is made of."""
    a = article("A mob of farm protesters blocked the ring road outside Tarvel on Monday, police said.")
    group = entity("farm protesters", "NORP", [a])
    labels = terms(frame_story(understanding([a], [group])), "label", target_entity_id=group.id)
    assert "mob" in labels


# --------------------------------------------------------------------------- word choices (task W): same people, different words


def _fact_of(*articles_and_sentences) -> "Fact":
    """A fact whose evidence is the given sentence of each given article (as the comparison aligns them)."""
    from newsprism.models import Fact

    evidence = []
    for a, sentence in articles_and_sentences:
        start = a.text.index(sentence)
        evidence.append(Evidence(article_id=a.id, text=sentence, start=start, end=start + len(sentence)))
    ids = list(dict.fromkeys(e.article_id for e in evidence))
    return Fact(id=content_id("|".join(e.text for e in evidence), "f"), text=evidence[0].text, article_ids=ids,
                independent_sources=len(ids), evidence=evidence)


def _word_choices(sentences_by_outlet: dict[str, str], entities=()):
    """Run word choices over one fact that each outlet states in its own sentence."""
    from newsprism.framing import find_word_choices, parse_texts

    articles = [article(text, outlet) for outlet, text in sentences_by_outlet.items()]
    ents = [entity(name, type_, articles, *spellings) for name, type_, *spellings in entities]
    u = understanding(articles, ents)
    fact = _fact_of(*((a, a.text) for a in articles))
    return find_word_choices([fact], u, parse_texts([a.text for a in articles])), articles, ents


def _words(choice) -> dict[str, str]:
    return {use.outlet: use.words for use in choice.uses}


def test_wording_group_named_three_ways_in_one_role_is_one_choice():
    choices, articles, _ = _word_choices({
        "Tarn Courier": "Hundreds of protesters clashed with police outside the town hall in Velsk on Saturday.",
        "Velsk Daily": "Hundreds of rioters clashed with police outside the town hall in Velsk on Saturday.",
        "Kaspo Wire": "Hundreds of demonstrators clashed with police outside the town hall in Velsk on Saturday.",
    })
    assert len(choices) == 1, choices
    choice = choices[0]
    assert _words(choice) == {"Tarn Courier": "protesters", "Velsk Daily": "rioters", "Kaspo Wire": "demonstrators"}
    assert choice.role.startswith("who clashed with police")
    # every outlet's words come with its own sentence
    assert {(u.article_id, u.evidence.text) for u in choice.uses} == {(a.id, a.text) for a in articles}


def test_wording_same_people_in_one_role_under_different_verbs_sharing_an_object():
    """"fired tear gas at the strikers" / "used tear gas on the dockworkers": one role, two words."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Police fired tear gas at the strikers near the north gate of the Orsa terminal.",
        "Velsk Daily": "Police used tear gas on the dockworkers near the north gate of the Orsa terminal.",
    })
    assert [_words(c) for c in choices] == [{"Tarn Courier": "strikers", "Velsk Daily": "dockworkers"}]


def test_wording_people_the_parse_hangs_on_the_thing_used_fill_the_verbs_role():
    """"used water cannon and pepper spray on demonstrators ... on Friday evening": the people are the
    verb's, as in "fired water cannon at students", and the time beside them is no second filler."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Police fired water cannon at students outside the town hall in Velsk on Friday.",
        "Velsk Daily": "Riot police used water cannon and pepper spray on demonstrators outside the town hall in Velsk on Friday evening.",
    })
    assert [_words(c) for c in choices] == [{"Tarn Courier": "students", "Velsk Daily": "demonstrators"}]


def test_wording_a_name_keeps_its_titles_but_not_a_noun_the_parse_hung_before_it():
    """"Police allege Oren Baltis opened fire": the words for the gunman are his name, not "Police allege ..."."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Police allege Oren Baltis opened fire at the depot party in Velsk on Friday, killing one man.",
        "Velsk Daily": "A gunman opened fire at the depot party in Velsk on Friday, killing one man.",
    }, entities=[("Oren Baltis", "PERSON")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "Oren Baltis", "Velsk Daily": "gunman"}]


def test_wording_a_name_with_of_is_shown_whole():
    """"The Federation of Dock and Rail Workers" is one name, not "Federation"."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "The union has called a march through the centre of Velsk for Saturday.",
        "Velsk Daily": "The Federation of Dock and Rail Workers has called a march through the centre of Velsk for Saturday.",
    }, entities=[("Federation of Dock and Rail Workers", "ORG")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "union", "Velsk Daily": "Federation of Dock and Rail Workers"}]


def test_wording_two_plain_words_for_people_are_no_choice():
    """"Nine of its members were killed" / "Nine people were killed": neither word says more of who they
    were, so the report shows no word choice; "nine squatters" says more, and is one."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Nine of its members were killed when riot police cleared the Orsa Hill settlement in Velsk on Monday.",
        "Velsk Daily": "Nine people were killed when riot police cleared the Orsa Hill settlement in Velsk on Monday.",
    })
    assert choices == []
    choices, _, _ = _word_choices({
        "Tarn Courier": "Police removed 300 residents from the Orsa Hill settlement in Velsk on Monday.",
        "Velsk Daily": "Police removed 300 families from the Orsa Hill settlement in Velsk on Monday.",
        "Kaspo Wire": "Police removed 300 squatters from the Orsa Hill settlement in Velsk on Monday.",
    })
    assert [sorted(_words(c).values()) for c in choices] == [["families", "residents", "squatters"]]


def test_wording_passive_and_active_clause_fill_the_same_role():
    """"The court jailed the rioters" / "The protesters were jailed by the court": one role."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "A Velsk court jailed eleven rioters for two years on Monday.",
        "Velsk Daily": "Eleven protesters were jailed for two years by a Velsk court on Monday.",
    })
    assert [_words(c) for c in choices] == [{"Tarn Courier": "rioters", "Velsk Daily": "protesters"}]


def test_wording_loaded_label_for_a_named_person_the_story_resolves_to_them():
    """A loaded noun in the name's place is a word choice when the understanding resolves it to the person."""
    texts = {"Tarn Courier": "The kleptocrat was sentenced to nine years in prison on Thursday.",
             "Velsk Daily": "Former minister Oren Baltis was sentenced to nine years in prison on Thursday."}
    from newsprism.framing import find_word_choices, parse_texts

    articles = [article(text, outlet) for outlet, text in texts.items()]
    person = entity("Oren Baltis", "PERSON", articles)
    start = articles[0].text.index("The kleptocrat")
    person = person.model_copy(update={"mentions": [*person.mentions, Mention(article_id=articles[0].id, text="The kleptocrat", start=start, end=start + 14, kind="description")]})
    fact = _fact_of(*((a, a.text) for a in articles))
    choices = find_word_choices([fact], understanding(articles, [person]), parse_texts(list(texts.values())))
    assert [_words(c) for c in choices] == [{"Tarn Courier": "kleptocrat", "Velsk Daily": "Former minister Oren Baltis"}]
    assert choices[0].entity_id == person.id
    # without that resolution a loaded noun and a name are not known to name one person
    assert find_word_choices([fact], understanding(articles, [entity("Oren Baltis", "PERSON", articles)]), parse_texts(list(texts.values()))) == []


def test_wording_named_group_and_a_label_for_it_fill_one_role():
    choices, _, ents = _word_choices({
        "Tarn Courier": "The Kessel Front attacked the army depot at Ruvo before dawn on Tuesday.",
        "Velsk Daily": "The militants attacked the army depot at Ruvo before dawn on Tuesday.",
    }, entities=[("Kessel Front", "ORG")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "Kessel Front", "Velsk Daily": "militants"}]
    assert choices[0].entity_id == ents[0].id


@pytest.mark.parametrize("sentences, entities", [
    # the same words: nothing to show
    ({"Tarn Courier": "Hundreds of protesters clashed with police outside the town hall in Velsk on Saturday.",
      "Velsk Daily": "Hundreds of protesters clashed with riot police outside the town hall in Velsk on Saturday."}, []),
    # a longer phrase of one wording is a detail, not a choice
    ({"Tarn Courier": "Police detained the protesters outside the town hall in Velsk.",
      "Velsk Daily": "Police detained the young protesters outside the town hall in Velsk."}, []),
    # different numbers are a conflict, not a wording
    ({"Tarn Courier": "Police arrested 40 protesters outside the town hall in Velsk on Saturday.",
      "Velsk Daily": "Police arrested 90 rioters outside the town hall in Velsk on Saturday."}, []),
    # a pronoun names nobody by a word
    ({"Tarn Courier": "The protesters clashed with police outside the town hall in Velsk on Saturday.",
      "Velsk Daily": "They clashed with police outside the town hall in Velsk on Saturday."}, []),
    # two named actors are different actors
    ({"Tarn Courier": "The Kessel Front attacked the army depot at Ruvo before dawn on Tuesday.",
      "Velsk Daily": "The Arvo Brigade attacked the army depot at Ruvo before dawn on Tuesday."},
     [("Kessel Front", "ORG"), ("Arvo Brigade", "ORG")]),
    # who said it: outlets cite different sources of one fact
    ({"Tarn Courier": "Officials said the road to Ruvo was closed on Tuesday.",
      "Velsk Daily": "Residents said the road to Ruvo was closed on Tuesday."}, []),
    # a speaker's word in quotation marks is the speaker's, not the outlet's
    ({"Tarn Courier": "\"The thugs attacked our officers,\" the mayor of Velsk said on Sunday.",
      "Velsk Daily": "\"The protesters attacked our officers,\" the mayor of Velsk said on Sunday."}, []),
    # words for things, not people
    ({"Tarn Courier": "The ferry left the harbour at Ruvo on Tuesday.",
      "Velsk Daily": "The ferry left the port at Ruvo on Tuesday."}, []),
    # police and the people they face are opposite sides, never one referent
    ({"Tarn Courier": "Police blocked the bridge into Velsk on Saturday night.",
      "Velsk Daily": "Protesters blocked the bridge into Velsk on Saturday night."}, []),
    # loosely aligned sentences: the clauses around the people share only the verb and one word
    ({"Tarn Courier": "The group was alerted to the fire by an alarm.",
      "Velsk Daily": "Shoppers were alerted to the fire on the roof of the store at nine on Friday."}, []),
    # "was inside" pins no referent by its role
    ({"Tarn Courier": "A craft group was inside the chapel in Ruvo when the fire broke out.",
      "Velsk Daily": "Worshippers were inside the chapel in Ruvo when the fire broke out."}, []),
])
def test_wording_no_choice_where_the_words_do_not_differ_for_one_referent(sentences, entities):
    choices, _, _ = _word_choices(sentences, entities)
    assert choices == [], [(c.role, _words(c)) for c in choices]


def test_wording_second_sentence_of_a_quotation_is_the_speakers():
    """A quotation opened in the sentence before still holds the fact's sentence: the speaker's words, no choice."""
    from newsprism.framing import find_word_choices, parse_texts

    said = "The thugs attacked our officers at the depot in Velsk on Sunday."
    a = article(f'The mayor of Velsk spoke on Monday. "We are tired. {said}" He left.', "Tarn Courier")
    b = article("The protesters attacked our officers at the depot in Velsk on Sunday.", "Velsk Daily")
    fact = _fact_of((a, said), (b, b.text))
    assert find_word_choices([fact], understanding([a, b], []), parse_texts([a.text, b.text])) == []
    # the same sentence in the outlet's own voice is a choice
    a_own = article(f"The mayor of Velsk spoke on Monday. We are tired. {said} He left.", "Tarn Courier")
    fact = _fact_of((a_own, said), (b, b.text))
    found = find_word_choices([fact], understanding([a_own, b], []), parse_texts([a_own.text, b.text]))
    assert [_words(c) for c in found] == [{"Tarn Courier": "thugs", "Velsk Daily": "protesters"}]


def _word_choices_apart(sentences_by_outlet: dict[str, str], days: dict[str, str] | None = None):
    """Run word choices where the comparison kept each outlet's sentence in a fact of its own;
    `days`: the day an outlet's sentence resolves to (as the understanding's claim gives it)."""
    from newsprism.framing import find_word_choices, parse_texts
    from newsprism.models import Claim, DateMention

    articles = [article(text, outlet) for outlet, text in sentences_by_outlet.items()]
    facts = [_fact_of((a, a.text)) for a in articles]
    u = understanding(articles, [])
    u.claims = [Claim(id=f"c{k}", article_id=a.id, sentence_index=0, text=a.text, start=0, end=len(a.text),
                      dates=[DateMention(article_id=a.id, text="day", kind="relative", value=days[a.outlet])])
                for k, a in enumerate(articles) if a.outlet in (days or {})]
    return find_word_choices(facts, u, parse_texts([a.text for a in articles]))


@pytest.mark.parametrize("sentences, expected", [
    # one verb and relation, clauses that say the same thing
    ({"Tarn Courier": "Police arrested the rioters outside the town hall in Velsk after the march on Saturday.",
      "Velsk Daily": "Police arrested the students outside the town hall in Velsk after the march."},
     {"Tarn Courier": "rioters", "Velsk Daily": "students"}),
    # one exact figure of people in one role kind, under two verbs
    ({"Tarn Courier": "About 3,400 dockers walked off the job at the Orsa terminal on Monday.",
      "Velsk Daily": "Some 3,400 members of the Orsa Dock Union stopped work at the terminal on Monday morning."},
     {"Tarn Courier": "dockers", "Velsk Daily": "members of the Orsa Dock Union"}),
])
def test_wording_one_role_of_one_event_across_two_facts(sentences, expected):
    """Sentences the comparison kept in two facts still tell one event: the words for its people are a choice."""
    monday = dict.fromkeys(sentences, "2026-03-09")
    assert [_words(c) for c in _word_choices_apart(sentences, monday)] == [expected]


def test_wording_one_figure_written_in_words_and_digits_is_one_figure():
    """'Fifteen of the militants were arrested' / '15 workers were arrested': one count however written,
    so no 'different numbers' between the two; 'Fifteen' / '16' stays a difference of figures."""
    sentences = {"Tarn Courier": "Fifteen of the militants were arrested at the Orsa mill on Wednesday, police said.",
                 "Velsk Daily": "Police said 15 workers were arrested at the Orsa mill on Wednesday."}
    choices, _, _ = _word_choices(sentences)
    assert [_words(c) for c in choices] == [{"Tarn Courier": "militants", "Velsk Daily": "workers"}]
    sentences["Velsk Daily"] = "Police said 16 workers were arrested at the Orsa mill on Wednesday."
    assert _word_choices(sentences)[0] == []


def test_wording_one_figure_of_people_ties_two_facts_only_on_one_day():
    """"3,400 dockers" and "3,400 members" of sentences giving no day or place in common may be two groups."""
    sentences = {"Tarn Courier": "About 3,400 dockers walked off the job at the terminal on Monday.",
                 "Velsk Daily": "Some 3,400 members of the union stopped work last month."}
    assert _word_choices_apart(sentences) == []


def test_wording_no_choice_across_facts_told_on_two_days():
    """The same deed on two days is two events: "arrested on Saturday" / "arrested on Sunday"."""
    sentences = {"Tarn Courier": "Police arrested the rioters outside the town hall in Velsk on Saturday.",
                 "Velsk Daily": "Police arrested the students outside the town hall in Velsk on Sunday."}
    assert _word_choices_apart(sentences, {"Tarn Courier": "2026-03-14", "Velsk Daily": "2026-03-15"}) == []
    assert len(_word_choices_apart(sentences, {"Tarn Courier": "2026-03-14", "Velsk Daily": "2026-03-14"})) == 1


@pytest.mark.parametrize("sentences", [
    # a small figure ties no two groups
    {"Tarn Courier": "Two women were killed when the roof of the Orsa market collapsed.",
     "Velsk Daily": "Two children were killed as the storm hit the Orsa market."},
    # the same figure of two groups that say nothing alike
    {"Tarn Courier": "Some 400 firefighters fought the blaze near Orsa overnight.",
     "Velsk Daily": "About 400 residents returned to their homes in Tarnby."},
])
def test_wording_no_choice_across_facts_of_two_events(sentences):
    assert _word_choices_apart(sentences) == []


def test_wording_one_outlet_is_no_choice_with_itself():
    a = article("Hundreds of protesters clashed with police in Velsk. Later the rioters clashed with police again.", "Tarn Courier")
    b = article("Hundreds of rioters clashed with police in Velsk on Saturday.", "Tarn Courier")
    from newsprism.framing import find_word_choices, parse_texts

    fact = _fact_of((a, "Hundreds of protesters clashed with police in Velsk."), (b, b.text))
    assert find_word_choices([fact], understanding([a, b], []), parse_texts([a.text, b.text])) == []


@pytest.fixture(scope="module")
def velsk_story():
    """The invented three-outlet story of tests/data/framing/wording, end to end."""
    report = newsprism.analyze([TEST_DATA / "framing" / "wording"], load_settings(group={"one_story": True}))
    return report.stories[0]


def test_wording_invented_story_planted_choices_found_end_to_end(velsk_story):
    found = [_words(c) for c in velsk_story.word_choices]
    crowd = {"Kaspo Wire": "demonstrators", "Tarn Courier": "protesters", "Velsk Daily": "rioters"}
    # the crowd in both facts all three outlets state: who clashed with police, whom police fired tear gas at
    assert found.count(crowd) == 2, found
    assert {"Tarn Courier": "Kessel Front", "Velsk Daily": "militants of the Kessel Front"} in found
    # nothing from the sentences the outlets word alike ("Police said 23 people were arrested ...")
    assert len(found) == 3, found
    evidence = {(e.article_id, e.text) for f in velsk_story.facts for e in f.evidence}
    for choice in velsk_story.word_choices:
        fact = next(f for f in velsk_story.facts if f.id == choice.fact_id)
        assert {(e.article_id, e.text) for e in fact.evidence} & {(u.article_id, u.evidence.text) for u in choice.uses}
        assert {(u.article_id, u.evidence.text) for u in choice.uses} <= evidence


def test_framing_according_to_an_unnamed_source_or_a_body_of_people_is_no_channel():
    """'according to a person with knowledge of the deal', 'according to a source at the club', 'according
    to the union' name who said it (the channel column showed 'person' and 'source'); 'according to
    the Valtoran News Agency' names a medium."""
    a = article("The fee was £9m, according to a person with knowledge of the deal. The first bid failed in May, "
                "according to a source at the club. Eight crew were rescued, according to the union. "
                "Forty homes were flooded, according to the Valtoran News Agency.")
    assert terms(frame_story(understanding([a], [])), "channel") == ["Valtoran News Agency"]


@pytest.mark.parametrize(("text", "word"), [
    ("Nine miners entombed for two days in the Garvel pit were freed on Sunday.", "entombed"),
    ("Rescuers reached the five men buried alive under the Orrin slag heap.", "buried alive"),
    ("Cowboy bosses at Hesket Minerals ignored every warning about the roof.", "Cowboy"),
    ("The tunnel was dug by a cowboy contractor from Lissard.", "cowboy"),
])
def test_framing_people_trapped_told_as_in_a_grave_and_bosses_as_cowboys_are_loaded(text, word):
    """'entombed', 'buried alive' picture living people in a grave; 'cowboy' before a noun casts a firm as rogues."""
    assert word in terms(frame_story(understanding([article(text)], [])), "loaded", voice="outlet")


@pytest.mark.parametrize("text", [
    "The former mayor of Orrin was buried in the village churchyard on Friday.",
    "The late queen of Lissard was entombed in the crypt of Hesket Abbey.",
    "Ranchers from Garvel dressed as cowboys for the harvest parade.",
    "The cowboys rode into Orrin on Sunday for the rodeo.",
])
def test_framing_a_burial_and_cowboys_themselves_are_no_loaded_words(text):
    """'buried'/'entombed' in a burial, and 'cowboys' as the noun itself, say what happened: no judgement."""
    assert terms(frame_story(understanding([article(text)], [])), "loaded") == []


@pytest.mark.parametrize("headline", [
    "Fire chief: the Orrin mill will not reopen this year",
    "14:20 Fire chief: the Orrin mill will not reopen this year",
])
def test_framing_a_headline_naming_its_speaker_before_a_colon_is_no_label_use(headline):
    """A live entry's or cross-head's "Fire chief: ..." says who spoke in headline shorthand; the label
    is counted where the story names her ("fire chief Wenna Droske said"), once, not twice."""
    text = f"{headline}\n\nAt the gates of the mill, fire chief Wenna Droske said the roof had fallen in overnight."
    a = article(text)
    droske = entity("Wenna Droske", "PERSON", [a])
    start = text.index("Fire chief")
    droske = droske.model_copy(update={"mentions": [*droske.mentions, Mention(
        article_id=a.id, text="Fire chief", start=start, end=start + len("Fire chief"), kind="description")]})
    labels = [e for e in frame_story(understanding([a], [droske])) if e.category == "label" and e.target_entity_id == droske.id]
    assert [e.term.lower() for e in labels] == ["fire chief"]
    assert labels[0].evidence.text.startswith("At the gates")


def test_framing_a_description_in_a_sentence_with_a_colon_stays_a_label():
    """The colon rule is for headline lines only: a full sentence keeps its description as a label."""
    text = "The fire chief: that is what the Orrin council called Wenna Droske when it thanked her."
    a = article(text)
    droske = entity("Wenna Droske", "PERSON", [a])
    start = text.index("fire chief")
    droske = droske.model_copy(update={"mentions": [*droske.mentions, Mention(
        article_id=a.id, text="fire chief", start=start, end=start + len("fire chief"), kind="description")]})
    labels = terms(frame_story(understanding([a], [droske])), "label", target_entity_id=droske.id)
    assert "fire chief" in [t.lower() for t in labels]


def test_wording_the_people_holding_a_place_since_one_time_under_two_verbs():
    """'Some 450 families had lived on the Brenna Flats since 2031' / 'The squatters had occupied the
    plot since 2031': one side of a land dispute lives there, the other occupies it; the verb differs,
    the people and the time their holding began do not. A count on one side only is no other figure."""
    sentences = {"Tarn Courier": "Some 450 families had lived on the Brenna Flats since 2031, on land owned by the port.",
                 "Velsk Daily": "The squatters had occupied the plot, which belongs to the port, since 2031."}
    assert [_words(c) for c in _word_choices_apart(sentences)] == [{"Tarn Courier": "families", "Velsk Daily": "squatters"}]


@pytest.mark.parametrize("sentences", [
    # two plain words for two groups since one day: strikers and the commuters they strand
    {"Tarn Courier": "Workers have stayed away from the Orsa depot since Monday.",
     "Velsk Daily": "Commuters have queued for buses in Orsa since Monday."},
    # a loaded word, but the holdings began at two times
    {"Tarn Courier": "Some 450 families had lived on the Brenna Flats since 2031.",
     "Velsk Daily": "The squatters had occupied the plot since 2034."},
])
def test_wording_a_time_alone_ties_no_two_groups(sentences):
    assert _word_choices_apart(sentences) == []


def test_wording_a_loaded_word_added_to_the_same_noun_is_a_choice():
    """'illegal migrants' / 'migrants': one noun, but the longer wording adds a judgement; 'riot police'
    / 'police' adds a detail and stays no choice."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Coastguards rescued the illegal migrants from a sinking boat off Orsa harbour on Friday.",
        "Velsk Daily": "Coastguards rescued the migrants from a sinking boat off Orsa harbour on Friday."})
    assert [_words(c) for c in choices] == [{"Tarn Courier": "illegal migrants", "Velsk Daily": "migrants"}]
    choices, _, _ = _word_choices({
        "Tarn Courier": "Riot police cleared the square in Orsa on Friday.",
        "Velsk Daily": "Police cleared the square in Orsa on Friday."})
    assert choices == []


@pytest.mark.parametrize(("text", "channel"), [
    ("Energy Minister Pell Orvane said in a statement that the Harrow plant would close.", "statement"),
    ("Pell Orvane told a press conference in Dunmarch that the Harrow plant would close.", "press conference"),
    ("At a press conference in Dunmarch, Pell Orvane said the Harrow plant would close.", "press conference"),
    ("Pell Orvane wrote on Quillfeed, the social network, that the Harrow plant would close.", "Quillfeed"),
])
def test_framing_the_medium_a_speaker_used_is_a_channel(text, channel):
    """A remark reaches outlets by a statement, a press conference or a post: each rendering names its way."""
    a = article(text)
    orvane = entity("Pell Orvane", "PERSON", [a])
    assert channel in terms(frame_story(understanding([a], [orvane])), "channel")


@pytest.mark.parametrize("text", [
    "Pell Orvane said in Dunmarch on Tuesday that the Harrow plant would close.",
    "Pell Orvane told the workers in the Harrow canteen that the plant would close.",
    "At the Harrow depot, Pell Orvane said the plant would close.",
])
def test_framing_a_place_or_listeners_after_said_are_no_channel(text):
    a = article(text)
    assert terms(frame_story(understanding([a], [entity("Pell Orvane", "PERSON", [a])])), "channel") == []


def test_wording_one_figure_of_people_in_two_role_kinds_on_one_day_at_one_place():
    """'A boat carrying 140 migrants' / 'a boat packed with 140 illegal migrants' at one harbour on one day:
    the object of one verb and of another's preposition, one group."""
    orsa_day = "2026-03-13"
    sentences = {"Tarn Courier": "A boat carrying 140 migrants reached Orsa on Friday.",
                 "Velsk Daily": "A boat packed with 140 illegal migrants landed at Orsa on Friday."}
    articles = [article(text, outlet) for outlet, text in sentences.items()]
    from newsprism.framing import find_word_choices, parse_texts
    from newsprism.models import Claim, DateMention

    orsa = entity("Orsa", "GPE", articles)
    u = understanding(articles, [orsa])
    u.claims = [Claim(id=f"c{k}", article_id=a.id, sentence_index=0, text=a.text, start=0, end=len(a.text),
                      dates=[DateMention(article_id=a.id, text="Friday", kind="relative", value=orsa_day)]) for k, a in enumerate(articles)]
    choices = find_word_choices([_fact_of((a, a.text)) for a in articles], u, parse_texts([a.text for a in articles]))
    assert [_words(c) for c in choices] == [{"Tarn Courier": "migrants", "Velsk Daily": "illegal migrants"}]
    u.claims = []  # no day resolved: the figure alone ties nothing across role kinds
    assert find_word_choices([_fact_of((a, a.text)) for a in articles], u, parse_texts([a.text for a in articles])) == []


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("A boat carrying 212 asylum seekers reached Tessock on Saturday.", "212 asylum seekers", "asylum seekers"),
    ("Police arrested about 35 illegal migrants at the Tessock quay.", "about 35 illegal migrants", "illegal migrants"),
])
def test_framing_a_count_of_a_group_is_no_part_of_its_label(text, mention, expected):
    """'212 asylum seekers' resolved to the group the outlets name: the label is 'asylum seekers', whole;
    the count is no label, and the noun it counts is no measure to cut off."""
    a = article(text)
    start = text.index(mention)
    group = Entity(id="e_group", name="migrants", type="NORP", mentions=[
        Mention(article_id=a.id, text=mention, start=start, end=start + len(mention), kind="description")])
    labels = terms(frame_story(understanding([a], [group])), "label", target_entity_id=group.id)
    assert labels == [expected]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Critics attacked Moscow-backed Syrian Defense Minister Ali Tarm on Monday.", "Ali Tarm", {"Moscow-backed", "Syrian Defense Minister"}),
    ("Axe-wielding Transport Minister Ilse Maradine is closing the Brenland lines.", "Ilse Maradine", {"Axe-wielding", "Transport Minister"}),
])
def test_framing_a_hyphenated_modifier_before_a_capitalised_title_is_a_label_of_its_own(text, name, expected):
    """'Moscow-backed Syrian Defense Minister X': the title stays whole, the hyphenated modifier is the
    outlet's own label beside it, as 'Moscow-backed' before 'separatist militia' is."""
    a = article(text)
    person = entity(name, "PERSON", [a])
    assert set(terms(frame_story(understanding([a], [person])), "label", target_entity_id=person.id)) == expected


# --------------------------------------------------------------------------- session 15: tabloid words on unseen stories


@pytest.mark.parametrize(("text", "word"), [
    ("Police in Orrin are hunting eco-vandals after the blaze on Garvel Moor.", "eco-vandals"),
    ("Detectives said fire-setters had started three blazes near Lissard.", "fire-setters"),
    ("A hell of flames swept over the Tessock ridge on Monday.", "hell of flames"),
    ("Nine lags broke out of Harrow Fen jail overnight.", "lags"),
    ("The monsters are still at large, say Velsk police.", "monsters"),
    ("The ringleader ran the escape from his cushy cell at Harrow Fen.", "cushy"),
    ("Anti-vax cranks flooded Orrin's forums with claims about the shot.", "cranks"),
    ("The deserter who ran the Velsk treasury is now abroad.", "deserter"),
    ("Governor Ilse Marrow deserted her post at the Velsk treasury on Friday.", "deserted her post"),
    ("The chairman's letter was full of self-pity.", "self-pity"),
])
def test_framing_tabloid_words_for_suspects_convicts_and_critics_are_loaded(text, word):
    """Words that picture suspects, convicts, critics or a resignation as a tabloid does, where a
    neutral report writes 'suspects', 'inmates', 'critics', 'resigned'."""
    assert word in terms(frame_story(understanding([article(text)], [])), "loaded", voice="outlet")


@pytest.mark.parametrize(("text", "word"), [
    ("A MIRACLE jab against Orrin fever works, scientists said.", "MIRACLE"),
    ("The wonder vaccine was tested on 900 volunteers in Lissard.", "wonder"),
    ("Doctors in Velsk fear killer Garvel flu will spread.", "killer"),
    ("A monster storm hit the Tessock coast on Sunday.", "monster"),
])
def test_framing_a_tabloids_modifier_noun_before_a_noun_is_loaded(text, word):
    """'miracle', 'wonder', 'killer' set before a noun praise or alarm; a word in capitals is
    shouted, not a name."""
    assert word in terms(frame_story(understanding([article(text)], [])), "loaded", voice="outlet")


@pytest.mark.parametrize("text", [
    "A killer whale was seen off the Tessock coast on Sunday.",
    "The killer of the Orrin farmer was jailed for life.",
    "It was a miracle that nobody in Lissard died, said the mayor.",
    "Visitors to the Velsk caves spoke of a sense of wonder.",
    "The Garvel plant sells a cushion for every chair.",
    "Flights from Orrin suffered long time lags after the storm.",
    "The streets of Lissard were deserted on Sunday.",
])
def test_framing_the_same_words_in_their_plain_sense_are_no_loaded_words(text):
    """A kind's name ('killer whale', 'time lags'), the noun itself ('the killer', 'a miracle that'),
    'deserted' streets and a cushion are no judgement."""
    assert terms(frame_story(understanding([article(text)], [])), "loaded") == []


@pytest.mark.parametrize(("text", "word"), [
    ("Dozens of shoppers have been struck down after eating Orrin Dairy's pots.", "struck down"),
    ("They are animals, the mayor of Lissard said of the rioters.", "animals"),
    ("Nine inmates are still at large after the Harrow Fen break-out.\n\n"
     "The Velsk minister said: \"Someone inside helped these animals escape.\"", "animals"),
])
def test_framing_words_said_of_people_are_loaded(text, word):
    """'struck down' said of people falling ill; 'animals' said of people (also inside a quotation)."""
    assert word in terms(frame_story(understanding([article(text)], [])), "loaded")


@pytest.mark.parametrize("text", [
    "The Velsk high court struck down the parking law on Monday.",
    "Keepers moved the lions at Orrin zoo overnight.\n\nThese animals need calm, the head keeper said.",
    "Farmers in Lissard sold 300 animals at the autumn fair.",
])
def test_framing_the_same_words_said_of_laws_or_animals_are_no_loaded_words(text):
    """A court striking down a law rules; animals at a zoo or a fair are animals."""
    assert terms(frame_story(understanding([article(text)], [])), "loaded") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Police are hunting two men who set the Garvel fire, sources told the Orrin Torch.", "sources"),
    ("The deal frees nine crew, two officials familiar with the talks told the Orrin Torch.", "two officials familiar with the talks"),
    ("A senior police source said officers were looking at a camp near Lissard.", "A senior police source"),
])
def test_framing_unnamed_sources_are_a_channel_of_their_own_not_first_hand(text, speaker):
    """'sources told the Torch' in the Torch: the outlet leans on people the reader cannot check; the
    channel says 'anonymous sources', where a named speaker who told it the same is 'first hand'."""
    a = article(text, outlet="Orrin Torch")
    start = text.index(speaker)
    quote = Quote(id="q_src", speaker=speaker, channel="Orrin Torch" if "Torch" in text else None, variants=[QuoteVariant(
        text=text, article_ids=[a.id], direct=False, speaker_text=speaker, channel="Orrin Torch" if "Torch" in text else None,
        evidence=[Evidence(article_id=a.id, text=text, start=0, end=len(text))])])
    assert terms(frame_story(understanding([a], [], [quote])), "channel") == ["anonymous sources"]
    # the same remark told to the Torch by a named woman is first hand
    if "Torch" in text:
        named = text.replace(speaker, "Ada Brill", 1)
        b = article(named, outlet="Orrin Torch")
        brill = entity("Ada Brill", "PERSON", [b])
        quote = Quote(id="q_b", speaker="Ada Brill", speaker_entity_id=brill.id, channel="Orrin Torch", variants=[QuoteVariant(
            text=named, article_ids=[b.id], direct=False, speaker_text="Ada Brill", channel="Orrin Torch",
            evidence=[Evidence(article_id=b.id, text=named, start=0, end=len(named))])])
        assert terms(frame_story(understanding([b], [brill], [quote])), "channel") == ["first hand"]


@pytest.mark.parametrize(("text", "word"), [
    ("Lame-duck premier Ada Brill was thrown out of office on Wednesday.", "Lame-duck"),
    ("Lame-duck premier Ada Brill was thrown out of office on Wednesday.", "thrown out of office"),
    ("Critics called the Velsk party's move a coup by the back door.", "coup by the back door"),
    ("A poison cloud drifted over Orrin after the leak at the Garvel works.", "poison cloud"),
    ("Residents accused the Garvel works of a cover-up.", "cover-up"),
    ("Orrin Rovers fans say the club sold its soul to a Velsk fund.", "sold its soul"),
    ("Fugitive tycoon Ivo Marr will be sent back to Lissard to face the music.", "face the music"),
    ("He is a fraud, the mayor of Orrin said of the banker.", "fraud"),
])
def test_framing_tabloid_words_for_a_leak_a_takeover_and_a_lost_vote_are_loaded(text, word):
    """'lame-duck', 'thrown out of office', 'poison cloud', 'cover-up', 'sold its soul', 'face the music';
    'fraud' said of a person. A hyphenated phrase counts once."""
    found = terms(frame_story(understanding([article(text)], [])), "loaded", voice="outlet")
    assert word in found and found.count(word) == 1


def test_framing_fraud_as_the_charge_is_no_loaded_word():
    """'accused of a fraud that brought down the bank' names the charge, as a neutral report does."""
    text = "Prosecutors in Lissard accuse Ivo Marr of a 90 million crown fraud that brought down Orrin Bank."
    assert terms(frame_story(understanding([article(text)], [])), "loaded") == []


def _labels_of(text: str, name: str, type_: str = "PERSON", outlet: str | None = None, description: str | None = None) -> list[str]:
    """The labels framing gives the actor `name` in `text`; `description`: a mention the understanding resolved to it."""
    a = article(text, outlet=outlet)
    actor = entity(name, type_, [a])
    if description:
        start = text.index(description)
        actor = actor.model_copy(update={"mentions": [*actor.mentions, Mention(
            article_id=a.id, text=description, start=start, end=start + len(description), kind="description")]})
    return terms(frame_story(understanding([a], [actor])), "label", target_entity_id=actor.id)


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Fire chief Colonel Ivo Marr told the Orrin Gazette that a power line fell.", "Ivo Marr", ["Fire chief", "Colonel"]),
    ("Police spokeswoman Inspector Ada Brill said two men were caught near Lissard.", "Ada Brill", ["Police spokeswoman", "Inspector"]),
    ("Former Prime Minister Ada Brill said two men were caught near Lissard.", "Ada Brill", ["Former Prime Minister"]),
])
def test_framing_a_job_before_a_rank_is_two_labels(text, name, expected):
    """'Fire chief Colonel X': a job and a rank, two labels; a capitalised title with an adjective stays one,
    also where the understanding resolved the words before the name as a description of her."""
    assert _labels_of(text, name) == expected
    before = text[: text.index(name)].strip()
    assert _labels_of(text, name, description=before) == expected


@pytest.mark.parametrize("description", [None, "The head"])
def test_framing_a_description_keeps_its_of_phrase(description):
    """'The head of the fire service, Colonel X': the label is 'head of the fire service', not 'head',
    whether the understanding resolved 'The head' to him or only the apposition ties them."""
    text = "The head of the Orrin fire service, Colonel Ivo Marr, said the cause was unknown."
    labels = _labels_of(text, "Ivo Marr", description=description)
    assert "head of the Orrin fire service" in labels and "head" not in labels


def test_framing_an_event_noun_a_name_was_parsed_beside_is_no_label():
    """'The man police believe led the escape, X, is serving ...': 'escape' names no person."""
    text = "The man police believe led the escape, Ivo Marr, is serving a 24-year sentence for armed robbery."
    assert _labels_of(text, "Ivo Marr") == []


def test_framing_a_description_resolved_to_the_outlet_itself_is_no_label_of_it():
    """'told Radio Orrin the firm was sorry' in Radio Orrin's own article: the firm is not the radio."""
    text = 'Chief executive Ada Brill told Radio Orrin the firm was "deeply sorry".'
    assert _labels_of(text, "Radio Orrin", "ORG", outlet="Radio Orrin", description="the firm") == []
    # the same words in another outlet's article still label the actor resolved (the understanding's call)
    assert _labels_of(text, "Radio Orrin", "ORG", outlet="Lissard Post", description="the firm") == ["firm"]


def test_framing_a_trials_groups_are_no_labels():
    """'the placebo group' of a trial is a part of the study, not a word for the company or the trial."""
    text = "There were 21 cases in the vaccine group and 112 in the placebo group of the Orrin trial."
    assert _labels_of(text, "KORVA", "ORG", description="the placebo group") == []


def test_wording_a_plural_the_lemmatiser_reads_two_ways_is_one_word_of_both_clauses():
    """'gathered outside the barracks' / 'gathered at the barracks gate': 'barracks' lemmatised as
    'barrack' in one sentence and 'barracks' in the other is one word, so the crowd is one referent
    and 'demonstrators' / 'far-right mob' one word choice."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "On Sunday afternoon, demonstrators gathered outside the barracks.",
        "Velsk Daily": "On Sunday a far-right mob gathered at the barracks gate, chanting and throwing bottles.",
    })
    assert [_words(c) for c in choices] == [{"Tarn Courier": "demonstrators", "Velsk Daily": "far-right mob"}]


def test_wording_a_reduced_passive_keeps_its_agent_as_the_doer():
    """'Nine aid workers held ... by an armed group were freed': the parse makes the workers the subject
    of 'held'; a participle with a 'by' agent and no auxiliary is a passive, so the group holds them, and
    'armed group' / 'thugs' (who 'had been held ... by the thugs') are one word choice."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Nine aid workers held for five months by an armed group in northern Velsk were freed on Sunday.",
        "Velsk Daily": "The nine aid workers had been held for five months by the thugs in northern Velsk.",
    })
    assert [_words(c) for c in choices] == [{"Tarn Courier": "armed group", "Velsk Daily": "thugs"}]


@pytest.mark.parametrize(("text", "name", "type_", "description", "expected"), [
    # the description heads the name ("whose group X"): its label, not the name's premodifier
    ("The rally was called by Ivo Marr, whose group Velsk First spreads hate online.", "Velsk First", "ORG", "group", ["group"]),
    # the of-phrase ends at the comma before the name in apposition
    ("Ali Nour met the commander of the Orrin Brigades, Yusuf Darrak, at a farm.", "Yusuf Darrak", "PERSON", "the commander",
     ["commander of the Orrin Brigades"]),
    # a plural agent noun names people ("the organisers, X")
    ("Police put the crowd at 350; the organisers, Velsk First, said a thousand people came.", "Velsk First", "PERSON", None, ["organisers"]),
])
def test_framing_descriptions_heading_or_beside_a_name_keep_their_label(text, name, type_, description, expected):
    """The guards for a job before a rank, an of-phrase and an event noun leave a description that heads a
    name, an of-phrase cut at the apposition's comma, and a plural agent noun as they were."""
    assert _labels_of(text, name, type_, description=description) == expected


def test_framing_a_place_in_the_outlets_name_keeps_its_labels():
    """'The Chronicle of Velsk' is no actor 'Velsk': an epithet resolved to the country ('the Northern
    state') is still its label there, and a description before a name still labels the group."""
    text = "Velsk is the Northern state, said the minister. Fighters of the Orrin-backed militant group Kessel Front were seen."
    assert _labels_of(text, "Velsk", "GPE", outlet="The Chronicle of Velsk", description="the Northern state") == ["Northern state"]
    assert "Orrin-backed militant group" in _labels_of(text, "Kessel Front", "ORG", outlet="The Chronicle of Velsk",
                                                       description="the Orrin-backed militant group")


# --------------------------------------------------------------------------- session 16: named actors and deeds in word choices, junk labels


def test_wording_one_named_person_labelled_differently_in_one_fact_is_a_word_choice():
    """"businessman Oren Baltis" / "Fugitive tycoon Oren Baltis": the understanding's entity pins the man,
    so the labels outlets give him in the sentences of one fact are their different words for him."""
    choices, _, ents = _word_choices({
        "Tarn Courier": "The High Court in Velsk ruled on Monday that businessman Oren Baltis can be sent to Marvia to stand trial.",
        "Velsk Daily": "A court in Velsk on Monday approved sending businessman Oren Baltis to Marvia to stand trial.",
        "Kaspo Wire": "Fugitive tycoon Oren Baltis is to be sent to Marvia to stand trial, a court in Velsk ruled on Monday.",
    }, entities=[("Oren Baltis", "PERSON")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "businessman", "Velsk Daily": "businessman", "Kaspo Wire": "Fugitive tycoon"}]
    assert choices[0].entity_id == ents[0].id
    assert "sent to Marvia" in choices[0].role


def test_wording_a_loaded_word_added_to_one_office_is_a_word_choice():
    """"Prime Minister Ilse Varro" / "Lame-duck prime minister Ilse Varro": the labels written side by side
    are shown as one description."""
    choices, _, _ = _word_choices({
        "Tarn Courier": "Prime Minister Ilse Varro lost a vote of confidence in parliament on Tuesday night.",
        "Kaspo Wire": "Lame-duck prime minister Ilse Varro lost a vote of confidence in parliament on Tuesday night.",
    }, entities=[("Ilse Varro", "PERSON")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "Prime Minister", "Kaspo Wire": "Lame-duck prime minister"}]


@pytest.mark.parametrize("sentences", [
    # two names of one office
    {"Tarn Courier": "Justice Ilse Varro read the ruling in Velsk on Tuesday.",
     "Kaspo Wire": "Judge Ilse Varro read the ruling in Velsk on Tuesday."},
    # one outlet says more of her office, in neutral words
    {"Tarn Courier": "Defence lawyer Ilse Varro read the statement in Velsk on Tuesday.",
     "Kaspo Wire": "Lawyer Ilse Varro read the statement in Velsk on Tuesday."},
    # one outlet labels her, the other only names her
    {"Tarn Courier": "Lawyer Ilse Varro read the statement in Velsk on Tuesday.",
     "Kaspo Wire": "Ilse Varro read the statement in Velsk on Tuesday."},
])
def test_wording_no_choice_where_a_named_persons_labels_say_the_same(sentences):
    choices, _, _ = _word_choices(sentences, entities=[("Ilse Varro", "PERSON")])
    assert choices == [], [(c.role, _words(c)) for c in choices]


def test_wording_a_deed_told_with_a_loaded_verb_is_a_word_choice():
    """"resigned" / "deserted his post": one outlet's loaded verb for the deed the others tell plainly, in one fact."""
    choices, _, ents = _word_choices({
        "Tarn Courier": "Radomir Velk resigned as governor of the Marvian Central Bank on Thursday.",
        "Kaspo Wire": "Radomir Velk deserted his post at the Marvian Central Bank on Thursday.",
    }, entities=[("Radomir Velk", "PERSON"), ("Marvian Central Bank", "ORG")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "resigned", "Kaspo Wire": "deserted his post"}]
    assert choices[0].entity_id == ents[0].id and "Radomir Velk" in choices[0].role
    # the passive keeps its auxiliary; the plain verb its short object
    choices, _, _ = _word_choices({
        "Tarn Courier": "Prime Minister Ilse Varro lost a vote of confidence on Tuesday night.",
        "Kaspo Wire": "Prime Minister Ilse Varro was thrown out of office on Tuesday night.",
    }, entities=[("Ilse Varro", "PERSON")])
    assert [_words(c) for c in choices] == [{"Tarn Courier": "lost a vote of confidence", "Kaspo Wire": "was thrown out of office"}]


def test_wording_a_loaded_deed_in_another_fact_pairs_only_on_one_day_with_one_other_actor():
    """The comparison may keep the loaded sentence in a fact of its own: it is the same deed when both
    resolve to one day and name the same other actor beside the verb; two neutral verbs are no choice."""
    sentences = {"Tarn Courier": "Radomir Velk resigned as governor of the Marvian Central Bank on Thursday.",
                 "Kaspo Wire": "The banker Radomir Velk deserted his post at the Marvian Central Bank on Thursday rather than cut rates."}
    from newsprism.framing import find_word_choices, parse_texts
    from newsprism.models import Claim, DateMention

    def run(texts, days):
        articles = [article(text, outlet) for outlet, text in texts.items()]
        ents = [entity("Radomir Velk", "PERSON", articles), entity("Marvian Central Bank", "ORG", articles)]
        u = understanding(articles, ents)
        u.claims = [Claim(id=f"c{k}", article_id=a.id, sentence_index=0, text=a.text, start=0, end=len(a.text),
                          dates=[DateMention(article_id=a.id, text="Thursday", kind="relative", value=days[k])])
                    for k, a in enumerate(articles)]
        return find_word_choices([_fact_of((a, a.text)) for a in articles], u, parse_texts([a.text for a in articles]))

    assert [_words(c) for c in run(sentences, ["2031-03-06", "2031-03-06"])] == [{"Tarn Courier": "resigned", "Kaspo Wire": "deserted his post"}]
    assert run(sentences, ["2031-03-06", "2031-03-13"]) == []
    plain = dict(sentences, **{"Kaspo Wire": "The banker Radomir Velk quit his post at the Marvian Central Bank on Thursday."})
    assert run(plain, ["2031-03-06", "2031-03-06"]) == []


@pytest.mark.parametrize(("text", "name", "type_", "absent"), [
    # an adverbial in apposition: how, not who
    ('"We will rebuild Velmora, house by house," the mayor said.', "Velmora", "ORG", ["house by house", "house"]),
    # a number after a noun names a grade; a phrase cut inside its measure is a fragment
    ("The weather office said Tamsin was a category 4 cyclone with winds of 185 km/h at landfall.", "Tamsin", "ORG",
     ["4 cyclone with winds", "category 4 cyclone with winds"]),
    # the party's move is described, not the party
    ("Critics called the Green Dawn Party's move a coup by the back door.", "Green Dawn Party", "ORG", ["move a coup by the back door", "move"]),
    # "own" points at the party, it says nothing of it
    ("Two deputies of her own Social Front voted with the opposition.", "Social Front", "ORG", ["own"]),
    # a gerund after a verb is the verb's, not a modifier of the name
    ("A court in Velsk on Monday approved sending businessman Oren Baltis to Marvia.", "Oren Baltis", "PERSON", ["sending businessman"]),
    # a person's government is others, led by her
    ("Parliament passed a motion of no confidence in Prime Minister Anna Pell's government late on Tuesday.", "Anna Pell", "PERSON", ["government"]),
])
def test_framing_fragments_and_pointers_are_no_labels(text, name, type_, absent):
    a = article(text)
    actor = entity(name, type_, [a])
    labels = terms(frame_story(understanding([a], [actor])), "label", target_entity_id=actor.id)
    assert not set(absent) & set(labels), labels


def test_framing_labels_kept_beside_the_fragment_rules():
    """What the guards leave: a grade's label, a loaded noun built on a person, a gang called by name."""
    cases = [("The weather office said Tamsin was a category 4 cyclone with winds of 185 km/h at landfall.", "Tamsin", "ORG", "category 4 cyclone"),
             ("The Anna Pell regime fell on Friday.", "Anna Pell", "PERSON", "regime"),
             # a phrase cut before a place, not a measure, is still a description
             ("He stressed that Velmark is a strong partner in the war against Orsk.", "Velmark", "GPE", "strong partner in the war"),
             ("Critics called the Green Dawn Party a gang of wreckers.", "Green Dawn Party", "ORG", "gang of wreckers"),
             ("A court in Velsk on Monday approved sending businessman Oren Baltis to Marvia.", "Oren Baltis", "PERSON", "businessman")]
    for text, name, type_, expected in cases:
        a = article(text)
        actor = entity(name, type_, [a])
        assert expected in terms(frame_story(understanding([a], [actor])), "label", target_entity_id=actor.id), text


def test_framing_a_pronoun_described_as_a_thing_labels_no_actor():
    """"has called it 'a political case'": "it" resolved to a court is the case, not the court."""
    text = 'His lawyer has called it "a political case wearing a fraud costume". The Orvel Court will hear it.'
    a = article(text)
    court = entity("Orvel Court", "ORG", [a])
    at = text.index("it ")
    court = court.model_copy(update={"mentions": [*court.mentions, Mention(article_id=a.id, text="it", start=at, end=at + 2, kind="pronoun")]})
    assert "political case" not in terms(frame_story(understanding([a], [court])), "label", target_entity_id=court.id)


@pytest.mark.parametrize(("text", "actors", "expected"), [
    # a public body telling its own findings is the speaker; a news agency saying it is a channel
    ("The reservoir took nine hours to empty, the Environment Agency said.", [("Environment Agency", "ORG")], []),
    ("The reservoir took nine hours to empty, the Velsk News Agency said.", [("Velsk News Agency", "ORG")], ["Velsk News Agency"]),
    # what a body will publish relays nothing the article prints
    ("The LSBC will publish its flow readings each week, Ana Dravne said.", [("LSBC", "ORG"), ("Ana Dravne", "PERSON")], []),
    # a firm reporting its own figures relays nobody; an outlet reporting what happened does
    ("Tellmark, based in Hollin Cross, reported sales of 410 million crowns last year.", [("Tellmark", "ORG")], []),
    ("Ostrava Press reported the mayor had resigned.", [("Ostrava Press", "ORG")], ["Ostrava Press"]),
])
def test_channels_a_body_speaking_for_itself_is_no_channel(text, actors, expected):
    a = article(text, "Tarn Courier")
    found = terms(frame_story(understanding([a], [entity(n, t, [a]) for n, t in actors])), "channel")
    assert found == expected


def test_framing_a_works_title_in_quotation_marks_is_no_scare_quote():
    """"Ada Venn's 'The Quiet Mill'": a painting's title is quoted by convention; a bare doubted name still is one."""
    a = article('In the raid, thieves walked off with Ada Venn\'s "The Quiet Mill", a painting worth 5 million. '
                'The ministry said "Velmark" had broken the truce.', "Tarn Courier")
    assert terms(frame_story(understanding([a], [])), "scare_quote") == ["Velmark"]


def test_framing_a_part_of_a_place_is_no_label_of_it():
    a = article("Teachers at a school in northern Halvik stayed at home on Tuesday.", "Tarn Courier")
    place = entity("Halvik", "GPE", [a])
    assert terms(frame_story(understanding([a], [place])), "label", target_entity_id=place.id) == []


def test_framing_session_16_loaded_words():
    """A launch as a 'humiliation' of a 'vanity rocket', a 'death slope', the 'heist of the century';
    'Vanity Fair' is a name."""
    a = article("The humiliation of the launch deepened as the vanity rocket fell short. Locals now call it the death slope. "
                "It was the heist of the century. She read Vanity Fair on the train.", "Tarn Courier")
    assert terms(frame_story(understanding([a], [])), "loaded") == ["humiliation", "vanity", "death slope", "heist of the century"]


def test_channels_a_speaker_is_no_channel_of_its_own_words():
    """The understanding may give "the Velsk Water Board said" the Board as both speaker and channel: it spoke, it relayed nobody."""
    text = "The reservoir took nine hours to empty, the Velsk Water Board said."
    a = article(text, "Tarn Courier")
    ev = Evidence(article_id=a.id, text=text, start=0, end=len(text))
    quote = Quote(id="q_board", speaker="the Velsk Water Board", channel="Velsk Water Board", variants=[
        QuoteVariant(text="The reservoir took nine hours to empty", article_ids=[a.id], direct=False, speaker_text="the Velsk Water Board",
                     channel="Velsk Water Board", evidence=[ev])])
    assert terms(frame_story(understanding([a], [], [quote])), "channel") == []
    relayed = quote.model_copy(update={"channel": "Radio Velsk", "variants": [quote.variants[0].model_copy(update={"channel": "Radio Velsk"})]})
    b = article("The reservoir took nine hours to empty, the Velsk Water Board told Radio Velsk.", "Tarn Courier")
    ev_b = Evidence(article_id=b.id, text=b.text, start=0, end=len(b.text))
    relayed = relayed.model_copy(update={"variants": [relayed.variants[0].model_copy(update={"article_ids": [b.id], "evidence": [ev_b]})]})
    assert terms(frame_story(understanding([b], [], [relayed])), "channel") == ["Radio Velsk"]
