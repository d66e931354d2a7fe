"""Facts (compare/facts.py): which reports one fact holds, and the sentence that words it."""

from types import SimpleNamespace

import numpy as np

from newsprism.settings import CompareSettings


def _stub_alignment(texts: list[tuple[str, str]], probability: dict[tuple[int, int], float], conflict_sides: dict):
    """An Alignment over invented sentences ((article id, text) each) whose pair probabilities are
    given, no veto: what merge_disputed reads once the conflicts are known."""
    from newsprism.compare.facts import Alignment

    class Stub(Alignment):
        def probability(self, i, j):
            return np.array([[probability.get((min(a, b), max(a, b)), 0.0) for b in j] for a in i], dtype=np.float32)

        def vetoed(self, x, y):
            return False

    views = [SimpleNamespace(article_id=a, claim=SimpleNamespace(text=t)) for a, t in texts]
    return Stub(views=views, embeddings=np.eye(len(views), dtype=np.float32), mu=0.0, sd=1.0, settings=CompareSettings(),
                conflict_sides=conflict_sides)


def test_a_third_report_of_a_disputed_fine_joins_the_fact_its_side_is_told_in():
    """'was fined £150,000 in 2029' (Ashcombe Post) and 'The firm, which has run the mill since 1988, was
    fined £120,000 in 2029' (Torven Courier) are one fact with the amount in dispute; 'Brannick Mills, a
    maker of rope, was fined £120,000 in 2029' (Kelder Wire) aligns with the Post's report but reads
    unlike the Courier's as a whole, each with its own aside. The conflict says both give the fine, the
    same side of it: the Wire's report joins the fact, not an exclusive of its own."""
    from newsprism.compare.facts import merge_disputed

    texts = [
        ("post", "Brannick Mills was fined £150,000 in 2029 for safety failures at its Ashcombe site."),
        ("courier", "The firm, which has run the mill since 1988, was fined £120,000 in 2029 for breaches of safety rules."),
        ("wire", "Brannick Mills, a maker of rope, was fined £120,000 in 2029 after inspectors found locked exits."),
    ]
    al = _stub_alignment(texts, {(0, 1): 0.94, (0, 2): 0.61, (1, 2): 0.38},
                         {"k_fine": {"post": {"£150,000"}, "courier": {"£120,000"}, "wire": {"£120,000"},
                                     0: {"£150,000"}, 1: {"£120,000"}, 2: {"£120,000"}}})
    al.disputed = {(0, 1): (frozenset(), frozenset({"£120,000", "£150,000"})), (0, 2): (frozenset(), frozenset({"£120,000", "£150,000"}))}
    groups, _ = merge_disputed(al, [[0], [1], [2]], [[], [], []])
    assert groups == [[0, 1, 2]], groups


def test_two_loosely_alike_reports_outside_any_conflict_still_need_the_link_threshold():
    """The same three reports with no conflict between the Courier's and the Wire's sentences (the
    Wire's gives another fine): the loose pair keeps the Wire's report out, as before."""
    from newsprism.compare.facts import merge_disputed

    texts = [
        ("post", "Brannick Mills was fined £150,000 in 2029 for safety failures at its Ashcombe site."),
        ("courier", "The firm, which has run the mill since 1988, was fined £120,000 in 2029 for breaches of safety rules."),
        ("wire", "Brannick Mills, a maker of rope, was fined £120,000 in 2029 after inspectors found locked exits."),
    ]
    al = _stub_alignment(texts, {(0, 1): 0.94, (0, 2): 0.61, (1, 2): 0.38},
                         {"k_fine": {"post": {"£150,000"}, "courier": {"£120,000"}, 0: {"£150,000"}, 1: {"£120,000"}},
                          "k_other": {"post": {"2029"}, "wire": {"2030"}, 0: {"2029"}, 2: {"2030"}}})
    al.disputed = {(0, 1): (frozenset(), frozenset({"£120,000", "£150,000"})), (0, 2): (frozenset({"2029", "2030"}), frozenset())}
    groups, _ = merge_disputed(al, [[0], [1], [2]], [[], [], []])
    assert groups == [[0, 1], [2]], groups


def test_a_fact_whose_every_report_gives_a_disputed_side_is_worded_by_the_side_most_give():
    """Three reports of one fine, two at £120,000 and one at £150,000, the £150,000 one the most central
    sentence of the three: the fact's text gives £120,000, not the one report's figure the other two dispute."""
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare import compare_story

    spec = {"entities": {"mill": ["Brannick Mills", "ORG"]}, "articles": [
        one_sentence_report("w1", "Kelder Wire", "Brannick Mills was fined £120,000 in 2029.", ["mill"],
                            numbers=[["£120,000", 120000, 120000, 120000, "GBP", "money"]], dates=[["in 2029", "2029", "year"]]),
        one_sentence_report("w2", "Ashcombe Post", "Brannick Mills was fined £150,000 in 2029 for fire safety failures.", ["mill"],
                            numbers=[["£150,000", 150000, 150000, 150000, "GBP", "money"]], dates=[["in 2029", "2029", "year"]]),
        one_sentence_report("w3", "Torven Courier", "Brannick Mills was fined £120,000 in 2029 for fire safety failures at its rope mill in Ashcombe after inspectors found locked exits.", ["mill"],
                            numbers=[["£120,000", 120000, 120000, 120000, "GBP", "money"]], dates=[["in 2029", "2029", "year"]]),
    ]}
    c = compare_story(build_understanding(spec), CompareSettings())
    money = [k for k in c.conflicts if k.kind == "number"]
    assert money and sorted(p.value for p in money[0].positions) == ["£120,000", "£150,000"], [(k.about, [p.value for p in k.positions]) for k in c.conflicts]
    fined = [f for f in c.facts if len(f.article_ids) == 3]
    assert fined, [(f.text, f.article_ids) for f in c.facts]
    assert "£120,000" in fined[0].text, fined[0].text


def test_a_report_printing_a_cut_of_a_remark_is_counted_in_the_fact_that_quotes_it_whole():
    """Two outlets quote the chief executive whole, a third prints only 'We are deeply sorry.' in a short
    sentence of its own, a fourth gives both halves as partial quotes: the understanding stage judged
    them one remark, so the fact of the remark holds all four outlets (none is listed as leaving it out)."""
    from test_compare import build_understanding, one_sentence_report

    from newsprism.compare import compare_story

    whole = "We are deeply sorry, and we are acting out of an abundance of caution."
    spec = {"entities": {"orne": ["Petra Orne", "PERSON"], "mill": ["Sallow Mills", "ORG"]}, "articles": [
        one_sentence_report("q1", "Brenna Post", f'Sallow Mills chief executive Petra Orne said: "{whole}"', ["orne", "mill"],
                            attributed_to="orne", quote=whole),
        one_sentence_report("q2", "Kettle Wire", '"We are deeply sorry and are acting out of an abundance of caution," Petra Orne said in a statement.',
                            ["orne"], attributed_to="orne", quote="We are deeply sorry and are acting out of an abundance of caution,"),
        one_sentence_report("q3", "Daily Hollar", 'Boss Petra Orne said: "We are deeply sorry."', ["orne"], attributed_to="orne",
                            quote="We are deeply sorry."),
        one_sentence_report("q4", "Radio Tarn", 'Petra Orne told Radio Tarn the miller was "deeply sorry" and was acting "out of an abundance of caution".',
                            ["orne"], attributed_to="orne", quote="out of an abundance of caution"),
    ]}
    c = compare_story(build_understanding(spec), CompareSettings())
    remark = [f for f in c.facts if any("abundance of caution" in e.text for e in f.evidence) and len(f.article_ids) >= 2]
    assert remark and set(max(remark, key=lambda f: len(f.article_ids)).article_ids) == {"q1", "q2", "q3", "q4"}, \
        [(f.text, f.article_ids) for f in c.facts]
    assert not any(o.article_id == "q3" for o in c.omissions), c.omissions


def _article_claims(aid: str, text: str, claimed: set[int]):
    """The sentences of an invented article (split after a full stop, and its closing quotation mark, before
    a space) and the claims of those in `claimed`."""
    import re

    from newsprism.models import Claim, Sentence

    sentences, start = [], 0
    for k, piece in enumerate(re.split(r'(?<=\.)\s+|(?<=\.")\s+', text)):
        at = text.index(piece, start)
        sentences.append(Sentence(article_id=aid, index=k, start=at, end=at + len(piece), text=piece))
        start = at + len(piece)
    claims = [Claim(id=f"{aid}-{t.index}", article_id=aid, sentence_index=t.index, text=t.text, start=t.start, end=t.end)
              for t in sentences if t.index in claimed]
    return sentences, claims


def test_a_quote_of_two_sentences_is_one_claim_with_its_speaker():
    """'Farmer Odile Brask said: "The river rose in an hour. I have never seen the like."': the second
    sentence alone is a remark without its speaker; read as one claim it is the farmer's, whole. So is a
    quote whose opening sentence is no claim of its own ('"No tolls were paid.' + 'It was patience,"
    the envoy said.'), and a sentence that closes no quotation stays as it is."""
    from newsprism.compare.views import whole_quotes

    text = 'The Marl burst its banks at Tessing. Farmer Odile Brask said: "The river rose in an hour. I have never seen the like." Crews worked all night.'
    sentences, claims = _article_claims("a1", text, {0, 1, 2, 3})
    merged = whole_quotes(claims, {"a1": text}, sentences)
    assert [c.text for c in merged] == [
        "The Marl burst its banks at Tessing.",
        'Farmer Odile Brask said: "The river rose in an hour. I have never seen the like."',
        "Crews worked all night.",
    ], [c.text for c in merged]
    joined = merged[1]
    assert text[joined.start: joined.end] == joined.text and joined.sentence_index == 1

    text = 'The convoy crossed at Vell. "No tolls were paid. It was patience," envoy Rami Osk told Vell Radio.'
    sentences, claims = _article_claims("a2", text, {0, 2})
    merged = whole_quotes(claims, {"a2": text}, sentences)
    assert [c.text for c in merged] == ["The convoy crossed at Vell.", '"No tolls were paid. It was patience," envoy Rami Osk told Vell Radio.'], [c.text for c in merged]
    assert text[merged[1].start: merged[1].end] == merged[1].text


def test_the_page_speaking_to_its_readers_is_no_fact_however_it_is_worded():
    """R-cyclone: a live page's "Welcome to our live coverage." was a one-outlet fact and an exclusive.
    The page speaking to its readers about itself ("We will bring you more as we get it.", "Stay with
    us for the latest.") is told by its form, not a list of phrases: no fact, exclusive or timeline row;
    what the page reports in the first person ("We were told to leave our cars") and the news of the
    entries stay. R-avalanche: "Follow our live coverage of the rescue above Sankt Orrin." names the
    story's place and still states nothing."""
    from newsprism.compare import compare_story
    from newsprism.models import CleanArticle, StoryGroup, content_id
    from newsprism.understand import understand_story

    live = ("09:02 - Welcome to our live coverage. The river Olm burst its banks near Tesby overnight.\n\n"
            "09:40 - We will bring you more as we get it. Follow our live coverage of the flood in Tesby.\n\n"
            "10:15 - We were told to leave our cars at the Tesby checkpoint. About 40 homes in Tesby were flooded, the fire service said.")
    wire = ("TESBY (Olm Press) - The river Olm burst its banks near Tesby overnight, flooding about 40 homes, the fire service said. "
            "Follow our coverage in the Olm Press app. Residents were taken to a school in nearby Varle.")
    articles = [CleanArticle(id=content_id(t), source_path=f"{k}.txt", outlet=k, published="2031-09-02", text=t)
                for k, t in (("Radio Olm", live), ("Olm Press", wire))]
    story = understand_story(StoryGroup(id="s_test", title="flood", article_ids=[a.id for a in articles]), articles)
    comparison = compare_story(story)
    told = [f.text for f in comparison.facts] + [e.event for e in comparison.timeline]
    assert not any(w in t for t in told for w in ("Welcome to", "bring you", "Follow our")), told
    assert any("burst its banks" in t for t in told), told
    assert any("leave our cars" in t for t in told), told


def test_a_page_talking_of_its_coverage_may_name_the_story_but_the_page_naming_whom_it_met_reports():
    """R-avalanche: "Follow our live coverage of the rescue above Sankt Orrin." names a place and still
    states nothing; "We spoke to Mayor Ivo Sand at the town hall." tells what the page did."""
    from newsprism.compare.views import speaks_to_readers
    from newsprism.models import Claim

    def claim(text, subject, predicate, entities):
        return Claim(id="c", article_id="a", sentence_index=0, text=text, start=0, end=len(text), entity_ids=entities,
                     subject=subject, predicate=predicate)

    assert speaks_to_readers(claim("Follow our live coverage of the rescue on Mount Varle.", None, "Follow", ["e_varle"]))
    assert not speaks_to_readers(claim("We spoke to Mayor Ivo Sand, who told us the bridge will reopen.", "We", "spoke", ["e_sand"]))
