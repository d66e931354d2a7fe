"""Coreference faults a story showed (session 9): a counted party of people ("the group of
six") is no organisation named nearby, and "the country" after an unplaced place is not the
country named sentences before. Invented text."""

from __future__ import annotations

from newsprism.models import Entity
from conftest import story_entities


def _named(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def test_a_group_of_six_climbers_is_not_the_rescue_service_named_before():
    """"The group of six" and a later "the group" are the climbers, in every article of the
    story, not the rescue service or the radio station named just before."""
    entities = story_entities({
        "x": "An avalanche killed three climbers on the Brenzhorn on Saturday, the Orvald Mountain Rescue Service said. "
             "The group of six was crossing a gully when the slope broke away. One member of the group raised the alarm.\n",
        "y": "The head of the warning office defended the rating, she told the station Radio Orvald. "
             "Guides said the group had made no obvious mistake.\n",
    })
    for name in ("Orvald Mountain Rescue Service", "Radio Orvald"):
        texts = [m.text for m in _named(entities, name).mentions]
        assert not any("group" in t.lower() for t in texts), (name, texts)


def test_the_group_still_goes_to_an_organisation_when_no_party_is_counted():
    """Without a counted party, "the group" is the organisation in focus, as before."""
    entities = story_entities({
        "x": "The environmental organisation Greenwall Alliance sued the ministry on Monday. "
             "The group said the permit broke the law.\n",
    })
    alliance = next(e for e in entities if "Greenwall" in e.name)
    assert "The group" in [m.text for m in alliance.mentions]


def test_the_country_after_an_unplaced_place_is_not_the_country_named_before():
    """"... handed the statues to the government of Brazil. The statues, on display in Estmark for a
    century, will leave the country": Estmark's country, not Brazil."""
    entities = story_entities({
        "x": "The Tessel Museum on Wednesday handed 20 statues to the government of Brazil. "
             "The trustees gave in to years of pressure. "
             "The statues, which have been on display in Estmark for more than a century, will leave the country next month.\n",
    })
    brazil = _named(entities, "Brazil")
    assert "the country" not in [m.text for m in brazil.mentions]


def test_the_country_goes_to_the_country_named_before():
    """Guard: with no other place named, "the country" is the country in focus."""
    entities = story_entities({
        "x": "The Tessel Museum on Wednesday handed 20 statues to the government of Brazil. "
             "The statues will go on show across the country next year.\n",
    })
    assert "the country" in [m.text for m in _named(entities, "Brazil").mentions]


def test_the_company_is_the_company_a_sentence_is_about_not_the_one_named_last_in_it():
    """"Arlo Telecom said a software update supplied by Brisk Systems caused the outage. The
    outage lasted eleven hours, the company said": the company is the operator that spoke."""
    entities = story_entities({
        "x": "Arlo Telecom, the largest mobile operator, said on Friday that a faulty software update supplied by "
             "Brisk Systems caused the outage. The outage began at dawn and lasted 11 hours, the company said.\n",
    })
    operator = next(e for e in entities if "Arlo" in e.name)
    supplier = next(e for e in entities if "Brisk" in e.name)
    assert "the company" in [m.text for m in operator.mentions]
    assert "the company" not in [m.text for m in supplier.mentions]


def test_the_company_after_a_wire_dateline_is_the_company_that_spoke():
    """A dateline before the lead ("KELMOR, Nov 6 (XW) - Omvia, ... said") makes the parse
    take the place for the subject; the company apposed to it is still what the lead is about."""
    entities = story_entities({
        "x": "KELMOR, Nov 6 (XW) - Omvia, the largest mobile operator, said on Friday that a faulty software update "
             "supplied by Brisk Systems caused the outage. The outage began at dawn and lasted 11 hours, the company said.\n",
    })
    operator = next(e for e in entities if e.name == "Omvia")
    assert "the company" in [m.text for m in operator.mentions]


def test_a_noun_that_introduces_a_name_is_that_person():
    """"A woman named Marta Holm opened fire" and "The gunman, identified as Piet Wendt, fled":
    the story's later "the woman" / "the gunman" is that person, not an unnamed actor of its own."""
    woman = story_entities({
        "x": "A woman named Marta Holm opened fire at a bakery in Dornfeld on Tuesday, police said. The woman was arrested an hour later.\n",
        "y": "The woman who opened fire at the Dornfeld bakery had been dismissed a week before, her former manager said.\n",
    })
    assert {"The woman", "Marta Holm"} <= {m.text for m in _named(woman, "Marta Holm").mentions}
    gunman = story_entities({
        "x": "The gunman, identified as Piet Wendt, fled on foot after the raid in Dornfeld on Tuesday, police said.\n",
        "y": "Police said the gunman had been dismissed a week before.\n",
    })
    assert {"the gunman", "Piet Wendt"} <= {m.text for m in _named(gunman, "Piet Wendt").mentions}


def test_a_body_part_beside_a_name_is_no_role_of_the_person():
    """"running back Tavi Morlan (knee)": a note in brackets, and "knee" no agent noun (its "-ee"
    follows no stem, unlike "employee"); neither "knee" nor the story's "the knee" is Morlan."""
    entities = story_entities({
        "x": "The Harbour City Gulls placed running back Tavi Morlan (knee) on injured reserve on Monday. The knee was hurt in practice on Sunday.\n",
        "y": "Morlan will miss the rest of the season. Doctors said the knee needed surgery.\n",
    })
    assert not any("knee" in m.text for m in _named(entities, "Tavi Morlan").mentions)
