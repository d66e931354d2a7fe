"""Entity types on invented text: a name the gazetteer does not know is a country, a place or
an organisation by the story's own evidence, whatever the small tagger called it (issue #5
item 2; session 8's leftovers: invented countries, towns and companies typed wrong)."""

from __future__ import annotations

import pytest

from newsprism.models import Entity
from conftest import story_entities


def _holding(entities: list[Entity], text: str) -> Entity:
    hits = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert len(hits) == 1, f"{text!r} in {[e.name for e in hits]}"
    return hits[0]


@pytest.mark.parametrize(
    "texts, country, forms",
    [
        # a people's word built from the name: one country with its demonym, whatever the tagger said
        ({"a": "Talks between Vornesia and Kelbaria ended on Tuesday. Vornesian officials called the deal fair.",
          "b": "Kelbaria said it would free 40 prisoners. The Kelbarian delegation left Vornesia on Wednesday."},
         "Vornesia", ["Vornesia", "Vornesian"]),
        # a consonant-final name and its -i people, plural too
        ({"a": "Five Tazrani citizens were freed by Molvena on Monday. Tazran thanked the mediators.",
          "b": "The Tazranis arrived home. Tazran said more releases would follow."},
         "Tazran", ["Tazran", "Tazrani", "Tazranis"]),
        # an office only a state has, and the state form of the name
        ({"a": "The deal was brokered by the Emirate of Qaddar. Qaddar's foreign minister flew to the talks.",
          "b": "Qaddar has mediated before, officials said."},
         "Qaddar", ["Qaddar", "Emirate of Qaddar"]),
    ],
)
def test_entity_types_a_name_the_story_uses_as_a_country_is_one_country(texts, country, forms):
    entities = story_entities(texts)
    entity = _holding(entities, forms[0])
    assert entity.name == country and entity.type == "GPE"
    assert all(_holding(entities, form) is entity for form in forms[1:])


def test_entity_types_a_people_s_word_is_no_second_country():
    """"Qarestani" beside "Qarestan": the name of the people, not a country of its own."""
    entities = story_entities({"a": "Four Zorvani engineers were held in Zorvan. Zorvani officials denied it. Zorvanis protested."})
    assert [e.name for e in entities if e.type == "GPE"] == ["Zorvan"]


def test_entity_types_a_person_is_no_country_for_a_word_built_from_the_name():
    """"Victorian" beside Mr Velmar: a person's name with an ending is no country's people."""
    entities = story_entities({"a": "Mr Kestrin Velmar said the rules were clear. Velmar denied it. Critics called the plan Velmarian."})
    assert _holding(entities, "Velmar").type == "PERSON"


def _type_of(entities: list[Entity], text: str) -> str:
    return _holding(entities, text).type


def test_entity_types_a_town_the_tagger_calls_a_person_is_a_place():
    """A one-word town written "in nearby X" and "between Y and X" is a place, even where the
    tagger calls it a person and a place elsewhere (not an organisation); "Port X" is a place."""
    entities = story_entities({
        "a": "The train from Port Halden to Brenvik left the track near the village of Oskby late on Tuesday. "
             "Hospitals in nearby Brenvik appealed for blood donors.",
        "b": "The line between Oskby and Brenvik will stay closed for a week. Brenvik said it had opened a hall for families. "
             "The injured were taken to hospitals in Brenvik and Port Halden.",
    })
    assert _type_of(entities, "Brenvik") == "GPE"
    assert _type_of(entities, "Port Halden") == "GPE"


@pytest.mark.parametrize(
    "texts, name",
    [
        # a rail operator that "said" things is no person, and its last word no surname of anyone
        ({"a": "Velmont Rail said the driver was among the injured. Velmont Rail declined to comment on the speed.",
          "b": "The operator Velmont Rail said the track had been inspected in May."}, "Velmont Rail"),
        # a hospital that "said" it was treating patients
        ({"a": "The injured were taken to hospitals in Brenvik and Port Halden. St Edric Hospital in Brenvik said it was treating "
               "23 patients, five of them in a critical condition."}, "St Edric Hospital"),
    ],
)
def test_entity_types_an_organisation_named_by_its_word_is_no_person(texts, name):
    entities = story_entities(texts)
    entity = _holding(entities, name)
    assert entity.type == "ORG"
    last = name.split()[-1]
    assert not any(last in e.aliases for e in entities), "the organisation's last word became a name of its own"


def test_entity_types_a_company_s_short_form_that_speaks_is_the_company():
    """"Tidefield agreed to ..." beside "Tidefield Foods": the company's short form, not a person."""
    entities = story_entities({
        "a": "The regulator on Tuesday cleared food group Morrowell Brands purchase of Tidefield Foods, after Morrowell offered "
             "to sell a snack brand. Morrowell agreed in June to buy Tidefield for $40 per share. Morrowell has said it expects about 900 job cuts.",
        "b": "Morrowell, which owns several popcorn brands, reported sales of $5 billion last year. Morrowell shares rose 1%.",
    })
    for short, full in [("Tidefield", "Tidefield Foods"), ("Morrowell", "Morrowell Brands")]:
        entity = _holding(entities, short)
        assert entity.type == "ORG" and entity is _holding(entities, full)


def test_entity_types_a_title_and_name_after_a_company_is_a_person():
    """"Merrow Brands Chief Executive Dolores Vantagen said": the company, then its chief executive
    with her given name (no part of her title), whether the tagger marks the whole run as an
    organisation or only her surname."""
    entities = story_entities({"a": "Merrow Brands Chief Executive Dolores Vantagen said the deal was good. Vantagen declined to give figures.",
                          "b": "Talks went on for weeks, and Merrow Chief Executive Dolores Vantagen said on Tuesday the plant would stay open."})
    person = _holding(entities, "Dolores Vantagen")
    assert person.type == "PERSON" and _holding(entities, "Vantagen") is person


def test_entity_types_a_name_only_ever_where_things_happen_is_a_place():
    """A name the tagger calls an organisation, written "arrested in X", "arrived in X", is the
    place; "X said" is its government speaking (a capital), no organisation."""
    entities = story_entities({
        "a": "The engineer was arrested in Holmgard in 2023 and convicted of spying.",
        "b": "Holmgard said on Wednesday that it would reopen its embassy in Korvel.",
    })
    assert _type_of(entities, "Holmgard") == "GPE"


@pytest.mark.parametrize(
    "one, other",
    [
        ("Foreign Minister Irina Valchenko", "Foreign Minister Iryna Valchenko"),  # y between consonants is a vowel
        ("Colonel General Pyotr Lisitsyn", "General Petr Lisitsin"),  # the Russian soft mark left out
    ],
)
def test_entity_types_russian_y_spellings_are_one_person(one, other):
    entities = story_entities({"a": f"{one} told parliament the men had left.", "b": f"{other} said the men had been watched."})
    first, second = (" ".join(x.split()[-2:]) for x in (one, other))
    assert _holding(entities, first) is _holding(entities, second)


def test_entity_types_an_operator_that_speaks_is_an_organisation():
    """A company the tagger calls a person and a place, that "says" things, is an organisation
    when the story describes it as one ("X, Valdria's largest mobile operator", "X chief
    executive"); a live blog's time stamp is no part of its name."""
    entities = story_entities({
        "a": "Velnet, Valdria's largest mobile operator, said on Friday that a faulty update caused the outage.",
        "b": "16:20 - Velnet says services are fully restored across the country.",
        "c": "Care workers in Harnby say the outage left residents without help. Velnet chief executive Marta Lindqvist has apologised.",
    })
    assert _type_of(entities, "Velnet") == "ORG"
    assert not any(m.text.startswith("16:20") for e in entities for m in e.mentions)


def test_entity_types_a_town_with_a_mayor_is_a_place():
    """"Harnby's mayor" says a place, however the tagger typed the name."""
    entities = story_entities({"a": "The outage lasted around 11 hours in Harnby. Harnby's mayor, Kari Nystad, said she would ask for a second network."})
    assert _type_of(entities, "Harnby") == "GPE"


def test_entity_types_an_untagged_people_s_word_is_a_mention_of_its_country():
    """"four Tamarandi diplomats": the people's word of a country the story names is a mention
    of that country, though the tagger marked no name there."""
    entities = story_entities({"a": "Kavrosia ordered four Tamarandi diplomats to leave on Monday. Tamarand rejected the accusation.",
                          "b": "Tamarand said the Tamarandi embassy would stay open. Tamarand's ambassador was summoned."})
    country = _holding(entities, "Tamarand")
    assert country.type == "GPE" and "Tamarandi" in country.aliases


def test_entity_types_german_sch_and_english_sh_spellings_are_one_person():
    """A German-language outlet writes Sh as Sch: one minister under two spellings."""
    entities = story_entities({
        "a": "Transport Minister Radomir Tesh travelled to the scene on Monday.",
        "b": "Transport Minister Radomir Tesch said on the scene that the road would be checked.",
    })
    assert _holding(entities, "Radomir Tesh") is _holding(entities, "Radomir Tesch")


def test_entity_types_a_capitalised_first_word_the_story_writes_in_lower_case_is_no_organisation():
    """"Harbour pilots say ...": the sentence's first word, written "the harbour pilots" elsewhere."""
    entities = story_entities({
        "a": "Harbour pilots say the ferry left too early. Mountain rescue teams were called. Vossberg Lines said the ferry was safe.",
        "b": "The mountain rescue service and the harbour pilots' union said the weather was too rough for the crossing.",
    })
    assert not [e for e in entities if e.name in {"Harbour", "Mountain"}]
    assert [e for e in entities if e.name == "Vossberg Lines"]


@pytest.mark.parametrize("text", [
    "Digital Affairs Minister Jonas Tennvik said the outage was unacceptable.",
    "Minister for Digital Affairs Jonas Tennvik says on X that the outage is unacceptable.",
])
def test_entity_types_a_ministers_portfolio_is_no_organisation(text):
    entities = story_entities({"a": text})
    assert not [e for e in entities if e.type == "ORG" and "Digital" in e.name]
    assert [e for e in entities if e.type == "PERSON" and e.name == "Jonas Tennvik"]


def test_entity_types_a_police_rank_is_a_title_not_part_of_the_name():
    entities = story_entities({"a": "Chief Inspector Anders Valtby said officers were reviewing footage. Valtby asked witnesses to come forward."})
    valtby = _holding(entities, "Valtby")
    assert valtby.name == "Anders Valtby"


def test_entity_types_a_party_and_its_nickname_and_members_are_one_entity():
    """NewsWCL50 writes the GOP, the Republican Party and Republicans for one party (org_aliases.csv)."""
    entities = story_entities({"a": "The Republican Party met in Ohio. GOP leaders said the bill would pass.",
                          "b": "Republicans in the Senate said the bill would pass."})
    assert _holding(entities, "GOP") is _holding(entities, "Republican Party") is _holding(entities, "Republicans")


def test_entity_types_letters_after_a_name_are_a_title_not_an_organisation():
    """Session 10 U-trial: "Anil Varghese KC" was a second person beside "Anil Varghese", and "KC" an organisation."""
    entities = story_entities({"a": "Opening the case, Tobiah Renwick KC told the jury the money was hidden. Marit Oyelowo KC, for the defence, "
                               "will reply later.",
                          "b": "Prosecutor Tobiah Renwick said the money was hidden."})
    renwick = _holding(entities, "Tobiah Renwick")
    assert "KC" in renwick.titles and len([e for e in entities if "Renwick" in e.name]) == 1
    assert not [e for e in entities if e.name == "KC" or "KC" in e.aliases]


def test_entity_types_a_tabloids_shouted_word_is_no_name():
    """Session 10 U-trial: "BRAZEN port boss ..." gave an organisation BRAZEN."""
    entities = story_entities({"a": "BRAZEN harbour boss Orrin Vale took the cash, a court heard. FURIOUS colleague Pim Arkwright said he "
                               "had begged him to stop. The UNDP said nothing."})
    assert not [e for e in entities if e.name in {"BRAZEN", "FURIOUS"}]
    assert [e for e in entities if e.name == "UNDP"]


@pytest.mark.parametrize("forms", [
    ("T. J. Okonedo", "Tamsin Okonedo"),  # an initial for the given name, a middle initial more
    ("Yevhen Marchuk", "Yevgeny Marchuk"),  # Ukrainian and Russian romanisations of one name
    ("Raghav Thorat", "Ragav Thorat"),  # an Indian gh also written g
])
def test_entity_types_one_person_under_an_initial_or_another_romanisation(forms):
    entities = story_entities({"a": f"{forms[0]} told the court she had raised concerns.", "b": f"{forms[1]} told the court she had raised concerns."})
    assert _holding(entities, forms[0]) is _holding(entities, forms[1])


def test_entity_types_a_club_under_its_full_name_its_fc_form_and_its_short_form_is_one_entity():
    """Session 10 U-transfer: "Kingsbridge United Football Club" was tagged without its first word,
    "Portvale Albion FC" stood apart from "Portvale Albion", and the supporters' trust is a body of its own."""
    entities = story_entities({
        "a": "2 August 2031\n\nAshcombe United Football Club is delighted to announce the signing of Yurko Brannock. "
             "Westbury United Football Club wished him well.",
        "b": "Tolworth Albion sold Ilko Maras to Ashcombe United. The Tolworth Albion Supporters' Trust said the sale "
             "showed a lack of ambition.",
        "c": "Redmarsh United Football Club is delighted to announce the signing of Ilko Maras from Tolworth Albion FC, subject "
             "to international clearance.",
    })
    assert _holding(entities, "Ashcombe United Football Club") is _holding(entities, "Ashcombe United")
    assert _holding(entities, "Tolworth Albion FC") is _holding(entities, "Tolworth Albion")
    assert _holding(entities, "Tolworth Albion Supporters' Trust") is not _holding(entities, "Tolworth Albion")


def test_entity_types_a_street_address_is_no_person():
    """Session 10 U-trial: "of Ashby Lane, Castmere" (a defendant's address) was a person."""
    entities = story_entities({"a": "Orrin Vale, 58, of Ashby Lane, Castmere, denies six counts of bribery."})
    assert not [e for e in entities if e.type == "PERSON" and "Lane" in e.name]


def test_entity_types_a_place_then_a_titled_ruler_are_two_names():
    """Session 9 leftover: "Sorrel, Oba Ladipo II" (a town, then a traditional ruler) was one organisation."""
    entities = story_entities({"a": "The traditional ruler of Morrel, Oba Ladipo II, said the palace would help the victims. "
                               "Residents of Morrel fled."})
    assert not [e for e in entities if "," in e.name]
    ruler = _holding(entities, "Ladipo II")
    assert ruler.type == "PERSON" and "Oba" in ruler.titles
    assert _holding(entities, "Morrel").type == "GPE"


def test_entity_types_a_given_name_alone_tagged_a_place_is_its_person():
    """Session 10 U-transfer: "Yevhen is exactly the type of forward ..." after "Yevhen Dorosh": Yevhen was a GPE."""
    entities = story_entities({"a": "Ashcombe United have completed the signing of striker Yevhen Marchuk from Tolworth Albion for a club-record "
                               "fee.\n\nThe 24-year-old has signed a five-year contract at Denby Park after passing a medical on Thursday."
                               "\n\n\"Yevhen is exactly the type of forward we have been looking for,\" United manager Hugo Brandt said "
                               "in a statement."})
    assert not [e for e in entities if e.type != "PERSON" and e.name == "Yevhen"]


def test_entity_types_a_company_spoken_of_with_which_is_no_person():
    """Session 12 G-tanker: "Halvik Tankers, which owns the ship" (tagged PERSON, with a role
    "owner" and a speech verb) was a person; "which" speaks of no one."""
    entities = story_entities({
        "a": "A tanker ran aground off Brisk on Tuesday. Varlen Tankers, which owns the Moira Bay, says a team will try to refloat it.",
        "b": "The ship's owner, Varlen Tankers, said the crew were safe. Varlen Tankers said the hull was intact.",
    })
    assert _type_of(entities, "Varlen Tankers") == "ORG"


def test_entity_types_a_broadcaster_ending_in_fm_is_no_person():
    """Session 12 C-dambreach: "Kestrel FM" (a radio station, told it by residents) was a person."""
    entities = story_entities({
        "a": "The river burst its banks on Monday, residents have told Osprey FM. The mayor, Ada Wren, told Osprey FM: \"We had no warning.\"",
        "b": "Homes in Dunmarsh were flooded, Ada Wren said.",
    })
    assert _type_of(entities, "Osprey FM") == "ORG"


def test_entity_types_a_name_apposed_to_an_agent_noun_before_it_is_a_person():
    """Session 12 C2-fuelprotest: "A 24-year-old student, Emil Rask, died" was a place (GPE): the
    noun the name is apposed to ("student", "welder") says person; "the ship's owner, X" does not."""
    entities = story_entities({
        "a": "Two people were hurt when the stand collapsed in Orlen on Friday.",
        "b": "A retired welder, Lasse Dorn, was also hurt in the crush.",
    })
    assert _type_of(entities, "Lasse Dorn") == "PERSON"


def test_entity_types_a_union_named_with_and_is_one_organisation():
    """Session 12 N-dockballot: "the Harbour and Freight Workers' Union" was no entity: the tagger took
    "General" of "Dock and General Workers Union" for a title before a person "Workers Union", or
    tagged only the part after "and"."""
    entities = story_entities({
        "a": "Dock workers at the Port of Wexhal have voted to strike, the Quay and Cargo Workers Union said on Wednesday. "
             "\"We will not be ignored,\" Ima Sollen, general secretary of the Quay and Cargo Workers Union, told Radio Brast.",
        "b": "Staff walked out at dawn, the Dock and General Workers Union said on Monday. Osk Pelt, of the Dock and General "
             "Workers Union, told Radio Hammel the walkout would last a week.",
    })
    for name in ("Quay and Cargo Workers Union", "Dock and General Workers Union"):
        union = _holding(entities, name)
        assert union.type == "ORG" and union.name == name
    assert not [e for e in entities if e.type == "PERSON" and "Union" in e.name]


def test_entity_types_a_plural_common_noun_opening_a_sentence_is_no_organisation():
    """Session 12 C2-fuelprotest: "19:10 - Crowds are gathering" made an organisation "Crowds"
    (also "Neighbours said" in invented text); a party's "Democrats" (a proper noun) stays."""
    entities = story_entities({
        "a": "Fuel protest: live\n\n19:10 - Crowds are gathering at Liberty Square for the march called by the dockers' union.\n\n"
             "19:40 - Police have closed the Orm bridge.",
        "b": "Neighbours said the noise began at dawn. Democrats said the levy would fail in Vestholm.",
    })
    assert not [e for e in entities if e.name in {"Crowds", "Neighbours"}]
    assert [e for e in entities if any(m.text == "Democrats" for m in e.mentions)]


@pytest.mark.parametrize(
    "texts, name",
    [
        # "and" and the plural's apostrophe inside: the tagger tagged no word of it, or one
        ({"a": "Members of the Quarry and Kiln Masons' Union voted to strike on Monday. "
               "The Quarry and Kiln Masons' Union said 300 members took part."},
         "Quarry and Kiln Masons' Union"),
        # untagged, but its chief executive and managing director say it is a body
        ({"a": "Torvale Grid Transit chief executive Ilse Marrow said work would start in June.",
          "b": "Work on the line will start in June, Torvale Grid Transit managing director Oskar Penn said."},
         "Torvale Grid Transit"),
    ],
)
def test_entity_types_an_untagged_name_ending_in_a_body_s_word_is_an_organisation(texts, name):
    entities = story_entities(texts)
    entity = _holding(entities, name)
    assert entity.type == "ORG"


@pytest.mark.parametrize("company", ["Dorvane", "Selvane"])  # the tagger tags the short name a person
def test_entity_types_a_company_s_first_word_alone_is_the_company(company):
    """"Dorvane would invest ..." beside "Dorvane Gas Transit": the short name, no person."""
    entities = story_entities({"a": f"{company} Gas Transit chief executive Ilse Marrow said work would start in June. "
                                    f"{company} would invest 3.4 billion euros."})
    assert _holding(entities, company) is _holding(entities, f"{company} Gas Transit")
    assert not [e for e in entities if e.type == "PERSON" and e.name == company]


def test_entity_types_a_place_the_tagger_calls_a_product_is_a_place():
    """"signed in Darsk" tagged PRODUCT was no entity at all."""
    entities = story_entities({"a": "The deal was signed in Darsk by Energy Minister Anna Holm on Tuesday.",
                               "b": "Pellmark and Ostrava signed the deal in Darsk on Tuesday."})
    assert _type_of(entities, "Darsk") == "GPE"


def test_entity_types_the_capital_named_after_its_people_s_word_acts_for_the_country():
    """"the Kestovian capital Varn" states the capital; "Varn said it would pay" is Kestovia acting."""
    entities = story_entities({
        "a": "Kestovia and Ushtar signed the deal in the Kestovian capital Varn on Monday. "
             "Varn said on Monday it would pay 12 million crowns to farmers. Kestovian officials welcomed the deal."})
    country = _holding(entities, "Kestovia")
    assert country.type == "GPE" and any(m.text == "Varn" and m.kind == "capital" for m in country.mentions)


def test_entity_types_a_named_storm_is_no_person():
    # a storm's word before the name (name_words.csv, kind storm): weather, not an actor, nor the bare
    # name it is shortened to
    entities = story_entities({
        "a": "Cyclone Marivelle made landfall near the fishing town of Oskarny on Sunday, killing four people, officials said.",
        "b": "Marivelle has made landfall just east of Oskarny, the weather office says. In 2031 Hurricane Tobrin killed 12 people.",
        "c": "Marivelle is the third cyclone of the season. Residents of Oskarny said the roof of the school was torn off.",
    })
    names = {e.name for e in entities}
    assert not any("Marivelle" in n or "Tobrin" in n for n in names), names


def test_entity_types_an_economic_measure_is_no_organisation():
    entities = story_entities({
        "a": "The deficit of Corvalia reached 4.2% of GDP last year, the finance ministry of Corvalia said.",
        "b": "Debt stands at 81% of GDP, the Dravek Institute said on Monday.",
    })
    assert not any(m.text == "GDP" for e in entities for m in e.mentions)


def test_entity_types_an_island_and_a_country_one_is_sent_to_are_places():
    # "the outer island of X" names an island; "extradited to X" / "his extradition to X" a country,
    # not a person the small tagger may call them
    entities = story_entities({
        "a": "The banker Oleg Varnitsky can be extradited to Tessarune, where prosecutors accuse him of fraud, a court ruled.",
        "b": "A court approved the extradition of Oleg Varnitsky to Tessarune on Wednesday. Varnitsky said he would appeal.",
        "c": "Storm damage was worst on the outer island of Little Vaskoe, where six people died. Relief reached Little Vaskoe late.",
    })
    for name in ("Tessarune", "Little Vaskoe"):
        holders = [e for e in entities if any(m.text == name for m in e.mentions)]
        assert holders and all(e.type == "GPE" for e in holders), [(e.name, e.type) for e in holders]
