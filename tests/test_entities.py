"""Entities on invented text: what a name is (a club, an outlet, a shop) and which names are one
actor across a story's articles (issue #5; session 11, task W)."""

from __future__ import annotations

import re

from conftest import entities_holding as _holding
from conftest import story_entities

MATCH_REPORTS = {
    "a": "Marsh Albion beat Kestrel Town 2-1 on Saturday. Kestrel Town, known as the Gulls, had led through "
         "Dario Penhallow. The Gulls manager Ivo Trask said the defeat hurt. Fans queued at the Club Shop before "
         "kick-off. \"We were poor,\" Trask told the Gazette.",
    "b": "The Gulls lost 2-1 against Kestrel Town's rivals Marsh Albion. Albion's winner came late against "
         "Kestrel Town. Trask said the Gulls had deserved a draw. Shirts sold out at the Club Shop, the Gazette reported.",
    "c": "Kestrel Town fell to Marsh Albion. Ivo Trask, the Kestrel Town manager, blamed the referee. "
         "Penhallow scored for the Gulls.",
}


def test_entities_a_club_whose_name_ends_in_town_is_an_organisation_with_its_stated_nickname():
    entities = story_entities(MATCH_REPORTS)
    club = _holding(entities, "Kestrel Town")
    assert len(club) == 1 and club[0].type == "ORG" and club[0].name == "Kestrel Town"
    # "Kestrel Town, known as the Gulls": the nickname is the club, not an organisation of its own
    assert _holding(entities, "Gulls") == club
    assert not any(e.type == "PERSON" and e.name in {"Town", "Kestrel Town"} for e in entities)


def test_entities_a_lone_name_after_the_is_no_person_and_a_shop_is_no_actor():
    entities = story_entities(MATCH_REPORTS)
    outlet = _holding(entities, "Gazette")
    assert outlet and all(e.type == "ORG" for e in outlet)  # "told the Gazette": nobody is "the Smith"
    assert not _holding(entities, "Club Shop")  # "at the Club Shop": a place one goes to
    # people stay people
    assert [e.type for e in _holding(entities, "Ivo Trask")] == ["PERSON"]
    assert [e.type for e in _holding(entities, "Dario Penhallow")] == ["PERSON"]


def test_entities_the_before_a_name_that_modifies_a_noun_leaves_the_person():
    entities = story_entities({
        "a": "The Varga administration rejected the offer. Tomas Varga said on Monday the talks were over.",
        "b": "Tomas Varga met the union. The Varga government has ruled since 2019.",
    })
    assert [e.type for e in _holding(entities, "Tomas Varga")] == ["PERSON"]


def test_entities_a_company_whose_name_ends_in_freight_or_mobile_is_an_organisation():
    entities = story_entities({
        "a": "A goods train run by Calder Freight left the rails near Osterby. Calder Freight said its crew were safe. "
             "Customers of Tarvix Mobile lost signal. Tarvix Mobile blamed the storm.",
        "b": "Calder Freight declined to comment. Tarvix Mobile restored service by noon.",
    })
    for name in ("Calder Freight", "Tarvix Mobile"):
        assert [(e.type, e.name) for e in _holding(entities, name)] == [("ORG", name)]


def test_entities_where_a_person_is_from_is_no_part_of_the_name():
    entities = story_entities({
        "a": "Marely Ramirez of Coronado walked with the group. Ramirez said she was tired.",
        "b": "Marely Ramirez waved a flag at the border.",
    })
    person = _holding(entities, "Marely Ramirez")
    assert len(person) == 1 and person[0].name == "Marely Ramirez"
    assert not [e for e in entities if any(" of " in m.text for m in e.mentions)]


# session 11, task W2: names across spellings and what a name names, on stories nobody has seen

def test_entities_a_double_surnames_first_part_is_the_person_and_its_second_part_alone_is_not():
    entities = story_entities({
        "a": "Inspector Mateo Villanueva Ortega said the dam had been checked. Mr Villanueva Ortega told reporters "
             "on Tuesday that water levels were safe.",
        "b": "Mateo Villanueva, the chief inspector, said the checks were complete. Villanueva said the levels were normal.",
        "c": "The inspector, Mateo Villanueva Ortega, visited the site. Ortega, a farmer whose land floods each spring, "
             "said he did not believe the report.",
    })
    inspector = _holding(entities, "Mateo Villanueva Ortega")
    assert len(inspector) == 1
    assert _holding(entities, "Mateo Villanueva") == inspector and _holding(entities, "Villanueva") == inspector
    # "Ortega" alone is the farmer, no short form of the inspector's double surname
    assert inspector[0] not in _holding(entities, "Ortega")


def test_entities_a_companys_short_name_is_the_company_though_once_written_as_a_place():
    entities = story_entities({
        "a": "Velmora Electric is recalling 80,000 heaters after a string of fires. Shares in Velmora fell 4 percent.",
        "b": "Velmora said it would replace every heater. Velmora Electric did not say how many fires there were.",
        "c": "Velmora, the heater maker, apologised to its customers.",
    })
    company = _holding(entities, "Velmora Electric")
    assert len(company) == 1 and company[0].type == "ORG"
    assert _holding(entities, "Velmora") == company


def test_entities_one_letter_apart_is_one_person_unless_both_stand_side_by_side():
    entities = story_entities({
        "a": "Mayor Sigrun Aasvik said the budget was balanced. Aasvik said the city had kept its promise. "
             "The sisters Ingrid Holmvik and Ingrid Holmvikk, both councillors, voted against the plan.",
        "b": "The city's mayor, Sigrun Aasvikk, defended the cuts. Ingrid Holmvik said she would appeal.",
    })
    mayor = _holding(entities, "Sigrun Aasvik")
    assert len(mayor) == 1 and _holding(entities, "Sigrun Aasvikk") == mayor  # two outlets' spellings of one mayor
    sisters = _holding(entities, "Ingrid Holmvik") + _holding(entities, "Ingrid Holmvikk")
    assert len(sisters) == 2 and sisters[0] != sisters[1]  # named side by side: two people


def test_entities_a_province_product_lines_codes_and_units_are_typed_as_what_they_are():
    entities = story_entities({
        "a": "Velmora Electric is recalling 80,000 heaters for its Summit and Harbour models. The company's factory "
             "in Quang Ngai, run by Le Van Hoang, built the heaters. If your serial number starts with QZ, unplug "
             "the heater, the regulator said.",
        "b": "Velmora Electric's factory manager in Quang Ngai, Le Van Hoang, declined to comment. A delivery van "
             "hit 95km/h on a road limited to 60km/h.",
    })
    assert [e.type for e in _holding(entities, "Quang Ngai")] == ["GPE"]  # a building stands in a place
    for thing in ("Summit", "Harbour", "QZ", "km/h"):
        assert not _holding(entities, thing), thing
    assert [e.type for e in _holding(entities, "Le Van Hoang")] == ["PERSON"]


def test_entities_a_civic_office_before_a_name_is_a_title_not_part_of_the_name():
    # "Treasurer Sigrun Aasvik" was one person named "Treasurer Sigrun Aasvik", apart from
    # "the treasurer, Sigrun Aasvik"'s spelling; the office is evidence, the name is the person
    entities = story_entities({
        "a": "Treasurer Sigrun Aasvik said the harbour budget would balance by May. Councillor Bram Oyelaran "
             "called the plan reckless.",
        "b": "The town treasurer, Sigrun Aasvik, defended the budget on Monday. Ombudsman Harald Veimo said he "
             "would review the harbour contract.",
    })
    names = {e.name for e in entities if e.type == "PERSON"}
    assert {"Sigrun Aasvik", "Bram Oyelaran", "Harald Veimo"} <= names
    assert not any(n.split()[0] in {"Treasurer", "Councillor", "Ombudsman"} for n in names)
    treasurer = _holding(entities, "Sigrun Aasvik")
    assert len(treasurer) == 1 and "Treasurer" in treasurer[0].titles
    assert "Councillor" in _holding(entities, "Bram Oyelaran")[0].titles


def test_entities_a_name_ending_in_a_coast_word_is_a_place_even_when_the_tagger_cuts_it():
    # the small tagger typed such a reef a person, or tagged only its first word as a town
    entities = story_entities({
        "a": "The freighter Norrin Star ran aground on Tamsel Reef late on Monday. Tamsel Reef lies north of Oddvik. "
             "Coastguard chief Olga Vintermo said the crew of nine were safe.",
        "b": "A cargo ship struck Tamsel Reef near Oddvik. Olga Vintermo told reporters the hull was holed.",
    })
    assert not any("Tamsel" in m.text for e in entities for m in e.mentions)
    assert [e.type for e in _holding(entities, "Olga Vintermo")] == ["PERSON"]


def test_entities_a_common_word_opening_its_sentence_a_programme_and_a_street_are_no_actors():
    entities = story_entities({
        "a": "Dock workers in Pellmouth voted to strike. Turnout was 64%. Union leader Fenna Drost said members were angry. "
             "Pickets will gather on Marrow Row from 6am.\nListen again: Evening Roundup, 4 May | Get the app\n"
             "Drost said talks had failed. Attendance was low at the Marrow Row rally.",
        "b": "Fenna Drost said the vote was clear. Turnout was higher than last year.",
    })
    for word in ("Turnout", "Attendance", "Evening Roundup", "Marrow Row"):
        assert not _holding(entities, word), word
    assert [e.type for e in _holding(entities, "Fenna Drost")] == ["PERSON"]
    # a street that acts stands for the people in it, and stays
    entities = story_entities({"a": "Pell Street said on Monday the minister had resigned. Pell Street declined to comment further."})
    assert _holding(entities, "Pell Street")


def test_entities_a_name_before_district_is_a_place():
    # the tagger typed the district's name a nationality or group (NORP)
    entities = story_entities({
        "a": "One of those families is that of Anh Dao, a nurse whose flat in the Villaro district burned on 2 May "
             "while she was at work.",
        "b": "Anh Dao lost her flat in the Villaro district. Neighbours said the fire started in a basement.",
    })
    assert [e.type for e in _holding(entities, "Villaro")] == ["GPE"]


def test_entities_a_platform_is_an_organisation_not_a_person():
    entities = story_entities({
        "a": "Farmers blocked the bridge at Velsk. Mayor Anton Brizek posted on Twitter that the protest was illegal. "
             "Brizek later said on Twitter that talks would start.",
        "b": "Anton Brizek wrote on Twitter that farmers had been warned.",
    })
    assert [e.type for e in _holding(entities, "Twitter")] == ["ORG"]
    assert [e.type for e in _holding(entities, "Anton Brizek")] == ["PERSON"]


def test_entities_a_shouted_lead_word_is_no_part_of_the_title():
    entities = story_entities({
        "a": "BRAZEN finance minister Idris Tulk lashed out yesterday. Tulk said he was right.",
        "b": "Finance minister Idris Tulk spoke on Tuesday.",
    })
    minister = _holding(entities, "Idris Tulk")
    assert len(minister) == 1 and minister[0].titles
    assert not any("BRAZEN" in t for t in minister[0].titles)
    assert not any("BRAZEN" in m.text for m in minister[0].mentions)


def test_entities_a_wire_dateline_with_its_year_names_no_actor():
    """Session 12 G-tanker: "KELDOR, Mar 15, 2034 (Nordel Wire) - " (a dateline with its year, read
    by clean's WIRE_DATE rule) was not read as a dateline, so its place in capitals was an entity."""
    from conftest import story_entities

    for opening in ("TARVIK, Mar 15, 2034 (Brill Wire) - ", "TARVIK, 15 March 2034 - "):
        entities = story_entities({"a": opening + "Two ferries collided off the Ostra reef on Tuesday, the coast guard said. "
                                   "Nobody was hurt, said Lotta Wenn, a coast guard spokeswoman."})
        assert not [m for e in entities for m in e.mentions if m.start < len(opening)], opening
        assert [e for e in entities if e.name == "Lotta Wenn"]


def test_entities_a_russian_ye_after_a_vowel_written_e_is_one_name():
    """Session 13 E-pipeline: "Rustam Khodzhayev" (one outlet) and "Rustam Hodjaev" (another) were two
    people: Kh / H and Dzh / J were folded already, the "ye" after a vowel written "e" was not."""
    entities = story_entities({
        "a": "Foreign Minister Timur Khalbayev signed the accord in Orsk on Monday. Khalbayev called it historic.",
        "b": "The accord was signed by Foreign Minister Timur Halbaev, who flew home on Tuesday.",
    })
    minister = _holding(entities, "Timur Khalbayev")
    assert minister == _holding(entities, "Timur Halbaev") and len(minister) == 1


def test_entities_a_company_s_first_word_inside_its_untagged_name_is_no_surname():
    """Session 13 E-pipeline: "Norvane" (tagged a person alone) was found again inside "Norvane Gas
    Transit", which the tagger never marked, as a bare name of that "person"."""
    text = ("The line will be built and run by Brevane Gas Transit. Chief executive Ilse Marchetti said Brevane would "
            "invest 3.4 billion euros in the line.")
    entities = story_entities({"a": text})
    inside = text.index("Brevane Gas Transit")
    assert not [m for e in entities for m in e.mentions if m.start == inside and m.end == inside + len("Brevane")]


def test_entities_the_people_s_word_of_a_stan_country_is_that_country():
    """Session 13 E-pipeline: "Qazhri" (the fields, the foreign minister) stood as a place of its own
    beside "Qazhristan"; a -stan name's people's word drops the ending (place_endings.txt)."""
    entities = story_entities({
        "a": "Velmoria and Tarzhistan signed a gas deal on Tuesday. The line to Tarzhistan would open in 2034.",
        "b": "Gas will flow from the Tarzhi fields, the Tarzhi foreign ministry said. Velmoria welcomed the deal with Tarzhistan.",
    })
    country = _holding(entities, "Tarzhistan")
    assert len(country) == 1 and country[0].type == "GPE"
    assert _holding(entities, "Tarzhi") == country


def test_entities_someone_else_s_role_for_a_person_is_no_title_of_that_person():
    """Session 13 (W, NewsWCL50 event 8): "Jay Sekulow, a lawyer for Mr. Trump" gave Trump the title
    "lawyer for Mr."; a lower-case role before "for" is the other man's ("Minister for Energy" stays)."""
    entities = story_entities({"a": "Piet Ocker, a lawyer for Mrs. Fenwick, said the claim was false. "
                                    "Minister for Energy Dana Holm said the matter was closed."})
    fenwick = _holding(entities, "Fenwick")
    assert len(fenwick) == 1 and not [t for t in fenwick[0].titles if "lawyer" in t.lower()]
    assert any("Minister for Energy" in t for t in _holding(entities, "Dana Holm")[0].titles)


def test_entities_a_given_name_read_as_a_preposition_opens_the_name_and_namesakes_stay_apart():
    """Session 13 E-pipeline: "Per Lindqvist" (a farmer; "Per" read as the preposition) was never a
    name, so his words went to the minister "Anna Lindqvist"; two people share the surname."""
    entities = story_entities({
        "a": "Energy Minister Anna Lindqvist signed the deal on Tuesday. Not everyone is pleased. Per Lindqvist, who farms "
             "in the Orm Valley, said the route cuts through 40 farms.",
        "b": "\"Nobody asked us,\" Per Lindqvist, chairman of the Orm Valley Landowners' Association, told reporters.",
    })
    farmer, minister = _holding(entities, "Per Lindqvist"), _holding(entities, "Anna Lindqvist")
    assert len(farmer) == 1 and len(minister) == 1 and farmer != minister
    assert len([m for m in farmer[0].mentions if m.text == "Per Lindqvist"]) == 2


def test_entities_a_bare_surname_two_people_share_is_read_mention_by_mention():
    """A farmer and a minister named Brandt in one article: the bare "Brandt" right after the
    farmer's full name is the farmer, "Brandt, the minister" the minister (one reading per
    article gave both to the one named first)."""
    text = ("Housing Minister Greta Brandt opened the bridge at Ostvik on Monday. "
            "Not everyone came. Jonas Brandt, who keeps sheep beside the river, said the road splits his farm. "
            '"Nobody asked us," Brandt said. He is no relation of the minister. '
            "Brandt, the minister, said every farmer would be paid.")
    entities = story_entities({"a": text})
    greta, jonas = _holding(entities, "Greta Brandt")[0], _holding(entities, "Jonas Brandt")[0]
    assert greta is not jonas
    bare = sorted((m.start, e.name) for e in (greta, jonas) for m in e.mentions if m.text == "Brandt")
    assert [name for _, name in bare] == ["Jonas Brandt", "Greta Brandt"]


def test_entities_a_sentence_full_of_names_ending_in_a_full_stop_is_no_headline():
    """Few long lower-case words, most capitalised: a headline's test took it for one and
    dropped both presidents (W, session 14)."""
    entities = story_entities({"a": "President Harlan Voss flew to Moscow on Monday to meet Russian President Oleg Marin. "
                                    "The talks lasted three hours."})
    names = {e.name: e for e in entities if e.type == "PERSON"}
    assert {"Harlan Voss", "Oleg Marin"} <= set(names)
    assert any("President" in t for t in names["Oleg Marin"].titles)


def test_entities_a_name_after_a_lower_case_title_is_a_person_though_its_given_name_is_untagged():
    """"Orm" untagged and "Tallis" read as a people's word: one person (W, session 14)."""
    entities = story_entities({"a": "White House lawyer Orm Tallis declined to comment. The hearing resumes on Friday."})
    assert [e.type for e in _holding(entities, "Orm Tallis")] == ["PERSON"]
    assert not [e for e in entities if e.type == "NORP"]


def test_entities_a_first_i_before_a_vowel_is_the_y_of_another_romanisation():
    """Iusupov / Yusupov: the Russian yu written two ways by two outlets is one minister."""
    entities = story_entities({"a": "Water Minister Bakhtiyor Yusupov signed the deal. Yusupov called it fair.",
                               "b": "Water Minister Bakhtiyar Iusupov signed the deal on Monday, Iusupov's office said."})
    assert len(_holding(entities, "Bakhtiyor Yusupov")) == 1
    assert _holding(entities, "Bakhtiyor Yusupov") == _holding(entities, "Bakhtiyar Iusupov")


def test_entities_a_place_naming_an_agreement_is_no_mention_of_it():
    """"the Ostrevia nuclear deal" names a deal, as "the Paris accord" does: the place is no actor
    of that sentence; where it acts, owns the deal or is its counterpart, it is (W2, session 14:
    NewsWCL50 annotates "Iran" in "the Iran deal" as no mention of Iran)."""
    text = ("Brekke said the Ostrevia nuclear deal had failed, and that Ostrevia must now pay. "
            "Ostrevia's deal with Varnholm collapsed in May. Ostrevia deals with its neighbours in good faith, "
            "Brekke said, and the pact with Ostrevia may yet hold.")
    entities = story_entities({"a": text})
    [country] = _holding(entities, "Ostrevia")
    starts = sorted(m.start for m in country.mentions if m.text == "Ostrevia")
    deal = text.index("Ostrevia nuclear deal")
    assert deal not in starts
    # the mention right after it ("Ostrevia must now pay"), the owner, the verb's subject and the counterpart stay
    assert starts == [m.start() for m in re.finditer("Ostrevia", text) if m.start() != deal]


def _outlet_story(texts: dict[str, str]) -> list:
    """Entities of a story whose articles carry their outlets ({outlet: text}), as the pipeline runs it."""
    from newsprism.models import CleanArticle, StoryGroup, content_id
    from newsprism.understand import understand_story

    articles = [CleanArticle(id=content_id(t), source_path=f"{o}.txt", outlet=o, published="2031-06-12", text=t) for o, t in texts.items()]
    return understand_story(StoryGroup(id="s_test", title="test", article_ids=[a.id for a in articles]), articles)


def test_entities_an_outlet_naming_itself_in_its_own_article_is_no_actor():
    """R-wildfire, R-governor, R-hostage (session 14): "sources told the Torch", "letters seen by the
    Kalvora Business Daily" on those outlets' own pages were ORG actors of the story. The page naming
    itself is the teller, no actor; another outlet's page naming it still relays it."""
    story = _outlet_story({
        "The Morvel Lantern": "Two officials familiar with the talks told the Morvel Lantern that the dam would close. "
                              "Ferris Oakby told the Lantern on Monday that the Lantern had been right.",
        "Quillon Wire": "Ferris Oakby told the Morvel Lantern the dam would close, the Lantern reported on Tuesday.",
    })
    lantern = {a.id for a in story.articles if a.outlet == "The Morvel Lantern"}
    named = [m for e in story.entities for m in e.mentions if "Lantern" in m.text]
    assert named and not [m for m in named if m.article_id in lantern]
    # the wire's own page names the Lantern, a channel it relays: an organisation there
    assert {e.type for e in story.entities if any("Lantern" in m.text for m in e.mentions)} == {"ORG"}
    assert [e.type for e in _holding(story.entities, "Ferris Oakby")] == ["PERSON"]


def test_entities_a_russian_first_ye_written_e_and_a_glide_left_out_are_one_name():
    """R-vaccine (session 14): "Dr Yevgenia Orlovska" (one outlet) and "Dr Evgeniya Orlovskaya" (another)
    were two people: the first Ye written E and the y of -iya left out, both at once, put the given
    names' spellings too far apart (each alone was close enough)."""
    entities = story_entities({
        "a": "The study's chief author, Dr Yevgenia Tarnovska of the Marnholm Institute, said the drug was safe "
             "but that more data were needed.",
        "b": "\"It is safe, but we need more data,\" the chief author, Dr Evgeniya Tarnovskaya, told the Orvel Courier. "
             "Tarnovskaya said a second study would start in May.",
    })
    author = _holding(entities, "Evgeniya Tarnovskaya")
    assert len(author) == 1 and author == _holding(entities, "Yevgenia Tarnovska")
    assert author[0].type == "PERSON"


def test_entities_an_outlets_initials_before_its_medium_word_name_it_on_its_own_page():
    """R-vaccine, R-prisonbreak (session 14): "told LNB" on LNB News's page was an ORG actor, and
    another outlet's "told VRTV" named no channel though VRTV News was one of the story's outlets."""
    story = _outlet_story({
        "KRT News": "Ilse Marrow told KRT on Monday that the ferry would not sail.",
        "Quillon Wire": "Ilse Marrow told KRT on Monday that the ferry would not sail until the storm passed.",
    })
    krt = {a.id for a in story.articles if a.outlet == "KRT News"}
    assert not [m for e in story.entities for m in e.mentions if m.article_id in krt and m.text == "KRT"]
    wire = [v for q in story.quotes for v in q.variants if set(v.article_ids) - krt]
    assert wire and all(v.channel == "KRT" for v in wire)


def test_entities_a_capitalised_word_inside_a_number_is_no_organisation():
    """R-wildfire (session 14): the tabloid's "AT LEAST six people" gave an ORG "AT"."""
    entities = story_entities({"a": "AT LEAST nine people were hurt when a crane fell on a market in Dorvik, police said.\n\n"
                                    "The crane's owner said it was checked in May."})
    assert not _holding(entities, "AT")
    assert [e.type for e in _holding(entities, "Dorvik")] == ["GPE"]


def test_entities_a_given_name_tagged_a_place_before_an_untagged_surname_is_the_person():
    """R-vaccine (session 14): "Halvorsen chief executive Magnus E." gave a place "Magnus" and no
    person; the tagger's reading is forced here, as the small model reads it so only for some surnames."""
    from spacy.tokens import Span

    from newsprism.understand.entities import collect_mentions
    from newsprism.understand.nlp import parse

    doc = parse(['"This is a turning point," Halvane chief executive Magnus Eidervald said in a statement.'])[0]
    magnus = next(t.i for t in doc if t.text == "Magnus")
    doc.ents = [Span(doc, magnus, magnus + 1, label="GPE")]
    found = [(m.text, m.label) for m in collect_mentions("a", doc) if m.kind == "name"]
    assert ("Magnus Eidervald", "PERSON") in found and ("Magnus", "GPE") not in found


def test_entities_boss_before_a_name_is_a_title():
    entities = story_entities({"a": 'Boss Magnus Eidervald said: "This is a turning point in the war on Dornick fever."'})
    [person] = [e for e in entities if e.type == "PERSON"]
    assert person.name == "Magnus Eidervald" and "Boss" in person.titles


def test_entities_an_illness_named_after_a_place_or_person_is_no_actor_and_a_biologics_maker_a_company():
    """R-vaccine (session 14): "Brennick fever" gave a person or an organisation "Brennick", and
    "its maker Halvorsen Biologics said" a person."""
    entities = story_entities({
        "a": "A MIRACLE jab against killer Dornick fever is nearly 90% effective, scientists said. It protects against Dornick fever for a year.",
        "b": "A vaccine against Selvik fever prevented 81% of cases in a trial, its maker Haldorsen Biologics said on Wednesday.",
    })
    assert not _holding(entities, "Dornick") and not _holding(entities, "Selvik")
    assert [e.type for e in _holding(entities, "Haldorsen Biologics")] == ["ORG"]


def test_entities_a_river_the_story_names_with_the_word_river_is_no_actor():
    """E-sennriver (session 13/14): "the Senn" ("the waters of the Senn", "the Senn river") was an ORG
    of seven mentions; a feature of the land, like "Mount X", is no actor."""
    entities = story_entities({
        "a": "Kestovia and Valdria signed a deal on the waters of the Osla, ending the dispute. "
             "Farmers who have fished the Osla for decades said it came too late.",
        "b": "The two countries agreed to share the waters of the Osla river. The Osla fell to its lowest level in 2030.",
    })
    assert not _holding(entities, "Osla")
    assert [e.type for e in _holding(entities, "Valdria")] == ["GPE"]


def test_entities_a_settlement_the_story_names_is_a_place_not_a_person():
    """V-eviction (session 13/14): "Sarnet Hill" (the story also writes "the Sarnet Hill settlement") was a PERSON."""
    entities = story_entities({
        "a": "Police cleared the Marrow Crest informal settlement on Tuesday. The order to clear Marrow Crest was signed in May.",
        "b": "Residents of the Marrow Crest settlement said seven people died.",
    })
    assert {e.type for e in _holding(entities, "Marrow Crest")} == {"GPE"}


def test_entities_an_office_in_apposition_is_the_persons_title():
    """R-governor, R-hostage (session 14): every outlet called Khaletsky governor ("The governor of the
    National Bank of Ostrenia, Radomir Khaletskiy"), Darrak commander, al-Nouri foreign minister, and
    none had the title."""
    entities = story_entities({
        "a": "The governor of the Central Bank of Ostavia, Dorin Pelletsky, resigned on Friday. Pelletsky said the government had ignored him.",
        "b": "Talks were led by Ardania's foreign minister, Karim al-Hadawi, and Idris Marrak, the commander of the Sable Brigades, agreed. "
             "His wife, Lena Marrak, was not there.",
    })
    assert "governor" in _holding(entities, "Dorin Pelletsky")[0].titles
    assert "foreign minister" in _holding(entities, "Karim al-Hadawi")[0].titles
    assert "commander" in _holding(entities, "Idris Marrak")[0].titles
    assert not [t for e in _holding(entities, "Lena Marrak") for t in e.titles if "wife" in t]  # a kin word is no office


def test_entities_a_currency_code_before_an_amount_is_no_organisation():
    """R-takeover (session 15): "for EUR 41 million" gave an ORG "EUR" of three mentions."""
    entities = story_entities({"a": "Harmon Vale bought 60% of the club from its founder for EUR 38 million. "
                                    "It promised a budget of at least EUR 15 million for the winter."})
    assert not _holding(entities, "EUR")


def test_entities_a_title_written_in_two_cases_is_one_title():
    """Session 15: with the office of an apposition a title, "Mayor Sunna Velt" and "the town's mayor,
    Sunna Velt" gave the titles "Mayor" and "mayor"."""
    entities = story_entities({"a": "Mayor Sunna Velt closed the bridge on Monday.",
                               "b": "The town's mayor, Sunna Velt, said the bridge would reopen in May."})
    [mayor] = _holding(entities, "Sunna Velt")
    assert [t.lower() for t in mayor.titles].count("mayor") == 1


def test_entities_a_name_an_outlet_of_the_story_is_named_after_is_a_place():
    """R-noconfidence, R-prisonbreak (session 15): "Astrel told its EU partners" where the Astrel
    Tribune reports, "Stavrosk has asked neighbouring Orvenia" beside the Stavrosk Herald: a capital
    acting, typed a person and an organisation. A paper or broadcaster takes its town's name, so a
    name the story's masthead is made of is a place; an agency's name says nothing of a place."""
    story = _outlet_story({
        "Melvik Evening Courier": "Prime Minister Oda Brannick lost the vote. Melvik told its EU partners on Wednesday "
                                  "morning that the budget would be withdrawn.",
        "Radio Vossel": "Vossel has asked neighbouring Tarnia to tighten its border checks, Oda Brannick said.",
        "Merrow Press Agency": "Merrow said on Friday it had raised 40 million. Oda Brannick resigned on Friday.",
    })
    types = {m.text: e.type for e in story.entities for m in e.mentions}
    assert types.get("Melvik") == "GPE"
    assert types.get("Vossel") == "GPE"
    assert types.get("Merrow") != "GPE"  # "Merrow Press Agency": an agency is named after anything
    assert types.get("Oda Brannick") == "PERSON"


def test_entities_a_person_noun_before_a_name_is_a_description_not_part_of_it():
    """R-prisonbreak (session 15): "Robber Vukasin, the gang's boss" was a person of its own beside
    "Dimitar Vukasin". A capitalised noun for a person ("Robber", "Gunman") before a name describes
    him as a title does; a given name that is such a word stays."""
    entities = story_entities({
        "a": "Four remain at large, among them Marko Velisin, 41, who is serving 22 years for armed robbery.",
        "b": "Robber Velisin, the gang's boss, is said to have planned the escape for a year.",
    })
    velisin = _holding(entities, "Marko Velisin")
    assert len(velisin) == 1 and velisin[0].type == "PERSON"
    assert not any(e.name.startswith("Robber") for e in entities)
    assert velisin == _holding(entities, "Velisin")
    assert "Robber" in velisin[0].titles


def test_entities_an_acronym_spelling_television_with_two_letters_is_the_broadcaster():
    """R-extradition (session 15): "told HTV" (the Post) and "Haldorian Television" (the wire) were
    two organisations: the acronym writes Television "TV"."""
    entities = story_entities({
        "a": "Defence lawyer Mira Stallen told VTV outside the court that the ruling was political.",
        "b": "Mira Stallen told Vendish Television outside the court that the ruling was political.",
    })
    tv = _holding(entities, "VTV")
    assert len(tv) == 1 and tv == _holding(entities, "Vendish Television")


def test_entities_the_portfolio_before_a_lower_case_minister_is_no_organisation():
    """R-avalanche (session 16): "Interior minister Selma Aukrust posted on X" made an organisation
    "Interior"; the capitalised "Interior Minister" was already read as her title."""
    entities = story_entities({
        "a": "Interior minister Brita Sollem posted on X that every helicopter was flying to the valley.",
        "b": "The rescue went on overnight, Brita Sollem said.",
    })
    assert not _holding(entities, "Interior")
    assert [e.type for e in _holding(entities, "Brita Sollem")] == ["PERSON"]


def test_entities_a_bare_surname_goes_to_the_namesake_of_its_own_spelling():
    """NewsWCL50 tuning (session 16): "Mr. Youn said" went to "Yoon Young-chan", named first, not to
    "Youn Kun-young", named two sentences before: one surname in two romanisations matches both,
    and the writer's own spelling says which person."""
    entities = story_entities({"a": (
        "The hotline between Varnak and Selmora opened on Friday after weeks of talks. \"We view the decision as a real "
        "step toward calm on the peninsula,\" said Yoon Hae-chan, a spokesman for President Derin Oska. Officials from "
        "both sides checked the line for about four minutes, said Youn Kun-ho, director of the government situation "
        "room at the presidential palace. During the call, a caller from each side briefly discussed the weather. "
        "\"The connection was very good,\" Mr. Youn said. \"It was as if talking to a neighbor.\"")})
    [youn] = _holding(entities, "Youn Kun-ho")
    assert "Youn" in {m.text for m in youn.mentions}
    [yoon] = _holding(entities, "Yoon Hae-chan")
    assert "Youn" not in {m.text for m in yoon.mentions}


def test_opens_a_place_name_finds_the_matches_a_pattern_scan_finds(monkeypatch):
    # `_opens_a_place_name` looks for the word where it stands instead of compiling a pattern for
    # each word and trying it at every character; it must answer as finditer over
    # (?<![\w-])word\s+(place word) does: not inside another word or after a hyphen, and after one
    # match the scan goes on past its end, so 'Velm Velm Stadium' (the first Velm's match takes
    # the second) is no place name
    import newsprism.understand.entities as entities
    from newsprism.understand.entities import _opens_a_place_name, name_contexts

    name_contexts()  # loaded (and its patterns compiled) once per process, not per word

    def no_compile(*args, **kwargs):
        raise AssertionError("a pattern compiled for one word")

    monkeypatch.setattr(entities.re, "compile", no_compile)
    assert _opens_a_place_name("Velm", {"a": "Crowds filled Velm Stadium on Sunday."})
    assert _opens_a_place_name("Velm", {"a": "The Velm said so.", "b": "in the Velm  district, police said"})
    assert not _opens_a_place_name("Velm", {"a": "Ortvelm Stadium and Dun-Velm Stadium opened; Velm spoke."})
    assert not _opens_a_place_name("Velm", {"a": "Velm Velm Stadium"})
    assert _opens_a_place_name("Velm", {"a": "Velm Velm, Velm Stadium"})


def test_entities_no_unclosed_bracket_in_a_name():
    """'The Financial Conduct Board (FCB' is the tagger's span running into the initials' bracket: the name
    stops before it, and the initials are a mention of their own."""
    texts = {
        "a": "The Financial Conduct Board (FCB) revoked the licence of Harlow Savings on Monday.",
        "b": "Regulators at the Financial Conduct Board shut Harlow Savings on Monday, the FCB said.",
    }
    entities = story_entities(texts)
    board = _holding(entities, "Financial Conduct Board")
    assert len(board) == 1 and not any("(" in n for n in (board[0].name, *board[0].aliases)), board
