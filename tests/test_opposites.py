"""Opposites (compare/opposites.py): two claims that read alike but say opposite things are no one fact.

Every sentence is invented (people, places, outlets)."""

from __future__ import annotations

from newsprism.compare.opposites import denies_what_other_states, opposite_words, say_opposite
from newsprism.settings import CompareSettings


# --------------------------------------------------------------------------- a denial on one side only


def test_a_denied_place_stands_against_the_place_the_other_claim_states():
    """'walked in through a side gate ..., not through the roof as the guards said' denies the roof the
    other report's burglars came in by; the police named after 'as' are not denied."""
    denial = ("The burglars who took the Tarrow vase walked in through a side gate of the Pellham museum at 01:50, "
              "according to a camera log seen by the Quill, not through the roof as the guards said.")
    stated = "The burglars entered through a roof hatch at 02:40 and left with the Tarrow vase, the guards said."
    assert denies_what_other_states(denial, stated)
    assert say_opposite(stated, denial)


def test_a_denied_act_stands_against_the_act_stated():
    assert say_opposite("Mayor Ilse Varrow did not resign on Tuesday.", "Mayor Ilse Varrow resigned on Tuesday.")
    assert say_opposite("Nobody was hurt in the blast at the Gorran depot.", "Three workers were hurt in the blast at the Gorran depot.")


def test_two_ways_of_denying_one_act_are_no_opposites():
    """'refused to resign' denies as 'did not resign' does; 'without injury' as 'not injured'."""
    assert not say_opposite("Mayor Ilse Varrow did not resign.", "Mayor Ilse Varrow refused to resign.")
    assert not say_opposite("The driver was not injured.", "The driver escaped without injury.")


def test_a_phrase_opening_with_a_cue_that_denies_nothing_is_no_denial():
    """'no more than 40' is a bound, 'not only' adds: neither denies what follows."""
    assert not say_opposite("No more than 40 people attended the vigil in Drumholt.", "About 40 people attended the vigil in Drumholt.")
    assert not say_opposite("The storm not only closed the Venn bridge but flooded the quay.", "The storm closed the Venn bridge.")


def test_a_denial_of_another_word_than_the_shared_ones_is_no_opposite():
    """The denial reaches to the clause's end: 'could not reach the pass' denies the reaching, which the
    other sentence does not state; both tell that the snow closed the road."""
    assert not say_opposite("Snow closed the Orlen road, and rescuers could not reach the pass.", "Snow closed the Orlen road on Monday.")


# --------------------------------------------------------------------------- two denials


def test_two_denials_are_no_opposites_whatever_they_deny():
    """'had not been established' / 'was not yet known' deny one thing in other words; two denials are
    left to the embeddings (a rule on what each denies split such paraphrases in the invented stories)."""
    assert not say_opposite("Fire chief Pavla Dress said the cause of the blaze had not been established.",
                            "She said the cause of the blaze was not yet known.")
    assert not say_opposite("The Kessling bank did not receive a state bailout.", "The Kessling bank was not bailed out by the state.")
    assert not say_opposite("The Kessling bank did not receive a state bailout.", "Dornholm refused to bail the bank out.")


def test_what_is_lacking_is_no_denial_of_what_went():
    """'spent the night without power' tells what 'Power went out' tells."""
    assert not say_opposite("Nearly 90,000 homes in Tessaly spent Monday night without power.",
                            "Power went out across Tessaly at about 20:10 on Monday.")
    assert not say_opposite("Owners should stop charging the Voltrex scooters, the Orna safety board said.",
                            "Owners should not charge the Voltrex scooters indoors, the Orna safety board said.")


# --------------------------------------------------------------------------- opposite words


def test_a_word_and_its_prefixed_opposite_stand_against_each_other():
    """'No insured saver will lose' / 'Uninsured savers stand to lose': the 'No' denies the losing, not
    that the savers are insured, so 'insured' still stands against 'uninsured'."""
    assert opposite_words('"No insured saver will lose a single mark," regulator chief Ada Morrow told reporters.',
                          "Uninsured savers stand to lose 400 million marks.")
    assert say_opposite("Two climbers were found alive near the Skarn hut.", "Two climbers were found dead near the Skarn hut.")


def test_a_denied_word_is_its_opposite():
    """'not insured' is 'uninsured'; 'not calm' reads as 'rough'."""
    assert not say_opposite("The Kessling savers are not insured.", "The Kessling savers are uninsured.")
    assert not say_opposite("The sea off Varn was not calm.", "The sea off Varn was rough.")


def test_a_prefix_that_opens_an_unrelated_word_is_no_opposite():
    """'unless' is no opposite of 'less'; a claim holding both words of a pair opposes neither."""
    assert not opposite_words("The plant will close unless Varrow pays less than 40 million.", "Varrow pays less than 40 million for the plant.")
    assert not opposite_words("The unarmed man was shot by an armed guard.", "An armed guard shot the man.")


# --------------------------------------------------------------------------- in the comparison


def test_a_report_that_denies_the_route_is_no_support_of_the_fact_that_states_it():
    """Two wires say the burglars came in through a roof hatch; a third outlet says they walked in through
    a side gate, 'not through the roof'. The roof fact holds the two wires only."""
    from newsprism.compare import compare_story
    from test_compare import _story_report, build_understanding

    roof = "The burglars entered through a roof hatch at 02:40 and left with the Tarrow vase, the police said."
    gate = "The burglars who took the Tarrow vase walked in through a side gate at 01:50, not through the roof as the police said."
    spec = {
        "entities": {"vase": ["Tarrow", "PERSON"], "museum": ["Pellham", "GPE"]},
        "articles": [
            _story_report("w1", "Ardent Wire", [
                {"text": "Burglars stole the Tarrow vase from the Pellham museum on Sunday night, the police said.", "entities": ["vase", "museum"]},
                {"text": roof, "entities": ["vase"]}]),
            _story_report("w2", "Lowmark Daily", [
                {"text": "Burglars stole the Tarrow vase from the Pellham museum late on Sunday, police said.", "entities": ["vase", "museum"]},
                {"text": roof, "entities": ["vase"]}]),
            _story_report("q3", "The Quill", [
                {"text": "Burglars stole the Tarrow vase from the Pellham museum on Sunday.", "entities": ["vase", "museum"]},
                {"text": gate, "entities": ["vase", "museum"]}]),
        ],
    }
    c = compare_story(build_understanding(spec), CompareSettings())
    roof_facts = [f for f in c.facts if "roof hatch" in f.text]
    assert roof_facts, [f.text for f in c.facts]
    assert all("q3" not in f.article_ids for f in roof_facts), [(f.text, f.article_ids) for f in roof_facts]
