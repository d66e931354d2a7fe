"""Unnamed actors a story follows under several nouns, and addresses that are no actor (issue #5).

Invented stories; the nouns come from data/understand/unnamed_actors.csv (column "same") and
data/understand/street_words.txt.
"""

from __future__ import annotations

from newsprism.models import Entity
from conftest import story_entities


def _holding(entities: list[Entity], text: str, article_id: str | None = None) -> Entity | None:
    return next((e for e in entities if any(m.text == text and article_id in {None, m.article_id} for m in e.mentions)), None)


def test_gunman_robber_and_the_man_of_one_robbery_are_one_actor():
    """One outlet writes "the gunman", another "a man ... the robber", a third "the gunman ...
    this man": one person, one entity, with the pronouns that stand for him."""
    entities = story_entities({
        "x": "A masked gunman robbed a branch of Orlan Mutual Bank in Pesk on Monday. The gunman fled in a blue car. "
             "Inspector Vera Holst said officers were studying the footage. \"We think the man had watched the branch,\" she said.\n",
        "y": "A man in a ski mask walked into the bank just after ten. The robber pointed a pistol at a cashier and took the cash. "
             "He escaped before police arrived, the robber's getaway car waiting outside.\n",
        "z": "The gunman burst into the bank waving a pistol. Vera Holst said this man had planned the raid for weeks.\n",
    })
    gunman = _holding(entities, "The gunman", "x")
    assert gunman is not None and gunman.type == "PERSON"
    texts = {(m.article_id, m.text) for m in gunman.mentions}
    assert {("x", "the man"), ("y", "A man"), ("y", "The robber"), ("y", "He"), ("z", "The gunman"), ("z", "this man")} <= texts, texts
    holst = _holding(entities, "Vera Holst")
    assert holst is not None and holst is not gunman


def test_a_man_the_gunman_shot_is_not_the_gunman():
    """"The gunman shot a man": the man is a victim, another person; he keeps his own mentions."""
    entities = story_entities({
        "x": "A gunman shot a man outside a bakery in Pesk on Monday. The gunman fled on foot.\n",
        "y": "The gunman was still at large on Tuesday. The man was taken to hospital with a wound to his leg.\n",
    })
    gunman = _holding(entities, "The gunman", "x")
    assert gunman is not None
    assert not any(m.text in {"a man", "The man"} for m in gunman.mentions)


def test_a_gunman_and_a_gunwoman_stay_two_people():
    """Offender nouns that say both sexes are two offenders, not one."""
    entities = story_entities({
        "x": "A gunman and a gunwoman held up a petrol station in Pesk. The gunman carried a rifle.\n",
        "y": "The gunwoman drove the car, police said. The gunwoman waited outside while the gunman fired a warning shot.\n",
    })
    gunman, gunwoman = _holding(entities, "The gunman", "x"), _holding(entities, "The gunwoman", "y")
    assert gunman is not None and gunwoman is not None and gunman is not gunwoman


def test_it_after_a_street_is_not_the_street():
    """"entered the shop on Velden Street shortly after it opened": it is the shop, not the
    street; a street is an address and no pronoun stands for it."""
    entities = story_entities({
        "x": "The thief entered the jeweller's shop on Velden Street shortly after it opened, police in Pesk said. "
             "The thief threatened two assistants and ordered them to open the safe.\n",
    })
    street = _holding(entities, "Velden Street")
    assert street is None or [m.text for m in street.mentions] == ["Velden Street"]


def test_the_boy_is_the_one_named_person_the_story_calls_a_teenager():
    """"Tomas Verel, a teenager ... the boy": the one named person called by a plain word of
    the same class (young) and sex is "the boy", not a second, unnamed actor."""
    entities = story_entities({
        "x": "Police in Pesk shot dead Tomas Verel, a teenager, on Saturday night. Hundreds marched in his memory on Sunday.\n",
        "y": "A 15-year-old boy died after a police officer fired at a group of youths. The boy was walking home, a witness said. "
             "Anger over the death of the boy spread to other towns.\n",
    })
    verel = _holding(entities, "Tomas Verel")
    assert verel is not None
    assert any(m.text == "The boy" and m.article_id == "y" for m in verel.mentions), [m.text for m in verel.mentions]


def test_unnamed_group_a_caravan_and_a_headlines_bare_caravan_are_the_storys_caravan():
    # "a caravan of ... reached the border" and the headline "Farmer caravan reaches ..." had been
    # left out of the caravan the story follows (only "the caravan" counted)
    entities = story_entities({
        "a": "Farmer caravan reaches Dalmar border\nA caravan of farmers from Oster reached the Dalmar border on Sunday. "
             "The caravan had crossed three provinces in a month. Officials said the caravan would be let through on Monday.",
        "b": "More than 300 people, part of a caravan that set out from Oster in May, camped outside Dalmar on Sunday.",
    })
    caravan = [e for e in entities if any(m.text == "The caravan" for m in e.mentions)]
    assert len(caravan) == 1
    texts = [m.text for m in caravan[0].mentions]
    assert {"Farmer caravan", "A caravan", "a caravan"} <= set(texts)
