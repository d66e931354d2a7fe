"""Entity types on invented text: a name the gazetteer does not know is a country, a place or
an organisation by the story's own evidence, whatever the small tagger called it (issue #5
item 2; session 8's leftovers: invented countries, towns and companies typed wrong)."""

from __future__ import annotations

import pytest

from newsprism.models import Entity
from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions
from newsprism.understand.nlp import parse


def _entities(texts: dict[str, str]) -> list[Entity]:
    docs = dict(zip(texts, parse(list(texts.values()))))
    mentions = [m for article_id in texts for m in collect_mentions(article_id, docs[article_id])]
    add_surname_mentions(docs, mentions)
    return cluster_mentions(mentions, texts)


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
    entities = _entities(texts)
    entity = _holding(entities, forms[0])
    assert entity.name == country and entity.type == "GPE"
    assert all(_holding(entities, form) is entity for form in forms[1:])


def test_entity_types_a_people_s_word_is_no_second_country():
    """"Qarestani" beside "Qarestan": the name of the people, not a country of its own."""
    entities = _entities({"a": "Four Zorvani engineers were held in Zorvan. Zorvani officials denied it. Zorvanis protested."})
    assert [e.name for e in entities if e.type == "GPE"] == ["Zorvan"]


def test_entity_types_a_person_is_no_country_for_a_word_built_from_the_name():
    """"Victorian" beside Mr Velmar: a person's name with an ending is no country's people."""
    entities = _entities({"a": "Mr Kestrin Velmar said the rules were clear. Velmar denied it. Critics called the plan Velmarian."})
    assert _holding(entities, "Velmar").type == "PERSON"
