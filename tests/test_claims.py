"""Claims on invented text (issue #5, session 11): what a sentence of a page states."""

from __future__ import annotations

from newsprism.models import CleanArticle, StoryGroup, content_id
from newsprism.understand import understand_story


def _claims(text: str) -> list:
    article = CleanArticle(id=content_id(text), source_path="live.txt", published="2031-09-02", text=text)
    story = understand_story(StoryGroup(id="s_test", title="test", article_ids=[article.id]), [article])
    return story.claims


def test_claims_a_live_pages_sign_off_is_no_claim():
    # C2-truce: a live page's "17:20 - That is all from us today." was a dated claim and a timeline row
    text = ("Tuesday 2 September 2031\n\n"
            "18:45 - That's all from us this evening. Thanks for following.\n\n"
            "18:10 - Firefighters in Oskarby say the warehouse blaze on Quay Road is now under control.\n\n"
            "16:30 - Residents of four streets near the warehouse were told to keep their windows closed.")
    texts = [c.text for c in _claims(text)]
    assert any("under control" in t for t in texts)
    assert not any("all from us" in t or "following" in t for t in texts)


def test_claims_a_sentence_that_only_begins_like_a_sign_off_is_kept():
    text = ("That is all the harbour master would say about the collision on Monday. "
            "Thank you for following the evacuation rules, the fire chief told residents in Oskarby.")
    texts = [c.text for c in _claims(text)]
    assert any("harbour master" in t for t in texts)
    assert any("evacuation rules" in t for t in texts)


def test_claims_according_to_in_mid_sentence_attributes_the_claim():
    # U-recall: "X's insurers, according to a source close to the company, have set aside ..." had no source
    (claim,) = _claims("Hollin Marine's insurers, according to a source close to the shipyard, have put money aside for claims.")
    assert claim.attributed_to == "a source close to the shipyard"


def test_claims_records_the_outlet_has_seen_are_its_own_finding():
    # V-eviction: "..., documents seen by the Voice show" was attributed to "documents seen by the Voice",
    # a source; it is the outlet's own finding, as "..., the Voice understands" is (no attribution)
    own = [
        "The permit for the Brackwell quarry was signed on 2 May, documents seen by the Harrow Echo show.",
        "Emails obtained by Radio Fennick show that the permit for the Brackwell quarry was signed on 2 May.",
        "The permit for the Brackwell quarry was signed on 2 May, the Harrow Echo understands.",
    ]
    for text in own:
        (claim,) = _claims(text)
        assert claim.attributed_to is None, text
    # records someone else has seen, or no one, stay the claim's source
    (claim,) = _claims("The permit for the Brackwell quarry was signed on 2 May, documents seen by inspectors show.")
    assert claim.attributed_to == "documents seen by inspectors"
    (claim,) = _claims("The permit for the Brackwell quarry was signed on 2 May, court records show.")
    assert claim.attributed_to == "court records"


def test_claims_claim_spans_are_the_sentences_claims_are_made_of():
    # session 12: pipeline.claim_texts repeated build_claims' choice of sentences through a private
    # helper; claim_spans is the one rule both read (a short or verbless line and a sign-off are no claims)
    from newsprism.understand import sentence_bounds
    from newsprism.understand.claims import claim_spans
    from newsprism.understand.nlp import parse

    text = ("Harbour of Quellin, morning edition.\n\n"
            "Dockworkers in Quellin walked off the job on Friday over unpaid overtime, their union said. "
            "Ships waited. "
            "The port authority said talks with the Brannock Stevedores union would resume next week. "
            "That's all from us for now. Thanks for following.")
    (doc,) = parse([text])
    spans = claim_spans(doc, sentence_bounds(doc))
    claims = _claims(text)
    assert [(c.sentence_index, c.start, c.end) for c in claims] == spans
    kept = [text[start:end] for _, start, end in spans]
    assert any("walked off the job" in t for t in kept) and any("talks with" in t for t in kept)
    assert not any(t == "Ships waited." or "from us" in t or "following" in t or "morning edition" in t for t in kept)
