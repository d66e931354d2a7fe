"""One rule for "does this name mean this outlet?" (newsprism.outlet_names), and the stages that ask it.

Every outlet, place and person here is invented.
"""

from newsprism.compare import copies
from newsprism.compare.conflicts import _is_outlet
from newsprism.models import CleanArticle, Entity, Removed
from newsprism.outlet_names import is_file_label, names_outlet, same_outlet
from newsprism.report.view import names_outlet as channel_names_outlet


def test_full_name_case_the_and_web_host():
    assert names_outlet("the Daily Lantern", "The Daily Lantern")
    assert names_outlet("DAILY LANTERN", "The Daily Lantern")
    assert names_outlet("DailyLantern", "The Daily Lantern")
    assert names_outlet("dailylantern.test", "The Daily Lantern")
    assert names_outlet("www.thedailylantern.test", "The Daily Lantern")
    assert names_outlet("Daily Lantern", "dailylantern.test")
    assert not names_outlet("Daily Lantern", "lanternnews.test")


def test_short_name_is_the_last_words_not_a_place():
    assert names_outlet("the Lantern", "The Daily Lantern")
    assert names_outlet("Evening Bugle", "Quorra Evening Bugle") and names_outlet("Bugle", "Quorra Evening Bugle")
    # the words before a glue word or after a broadcaster's lead word are a place, not the outlet's name
    assert not names_outlet("Pellmark", "Voice of Pellmark")
    assert not names_outlet("Ostrava Fields", "Radio Ostrava Fields") and not names_outlet("Fields", "Radio Ostrava Fields")
    # the opening word of a paper's name is its town in running text
    assert not names_outlet("Quorra", "Quorra Evening Bugle")
    assert not names_outlet("Daily", "The Daily Lantern")


def test_a_name_is_written_as_a_name():
    assert not names_outlet("the lantern", "The Daily Lantern")
    assert not names_outlet("bugle", "Quorra Evening Bugle")


def test_initials_in_capitals_with_or_without_glue_words():
    assert names_outlet("PNS", "Pellmark News Service") and names_outlet("P.N.S.", "Pellmark News Service")
    assert names_outlet("VOP", "Voice of Pellmark") and names_outlet("VP", "Voice of Pellmark")
    assert not names_outlet("pns", "Pellmark News Service")  # a lower-case word is no set of initials
    assert not names_outlet("PN", "Pellmark News Service")
    assert not names_outlet("V", "Voice")


def test_opening_words_only_where_nothing_but_an_outlet_stands():
    assert names_outlet("Pellmark", "Pellmark News Service", credit=True)
    assert not names_outlet("Pellmark", "Pellmark News Service")
    assert not names_outlet("News", "Pellmark News Service", credit=True)


def test_the_file_name_outlet_never_matches():
    assert is_file_label("lantern.html") and is_file_label("feed.jsonl #4") and is_file_label("page.htm.gz")
    assert not is_file_label("dailylantern.test") and not is_file_label("The Daily Lantern")
    assert not names_outlet("Lantern", "lantern.html")
    assert not names_outlet("the Lantern", "lantern.txt #2")


def test_two_outlets_names_are_one_outlet_only_in_full():
    assert same_outlet("PNS", "Pellmark News Service") and same_outlet("Pellmark News Service", "pellmarknewsservice.test")
    # a short name is how a page calls an outlet, not another outlet's name
    assert not same_outlet("The Bugle", "Quorra Evening Bugle")


def test_report_channel_names_its_own_outlet():
    assert channel_names_outlet("the Lantern", "The Daily Lantern")
    assert channel_names_outlet("a PNS translation", "Pellmark News Service")
    assert not channel_names_outlet("Pellmark", "Radio Pellmark")  # the town, heard through no outlet
    assert not channel_names_outlet("the Lantern", "lantern.html")  # the file's name is no outlet
    assert not channel_names_outlet("state TV", "Tessa Vision")


def _entity(name, *aliases, type_="ORG"):
    return Entity(id="e_x", name=name, type=type_, aliases=list(aliases))


class _View:
    def __init__(self, outlet):
        self.outlet = outlet


def test_conflicts_outlet_printing_the_deed_is_no_actor_but_its_town_is():
    assert _is_outlet(_entity("Bugle"), _View("Quorra Evening Bugle"))
    assert _is_outlet(_entity("PNS"), _View("Pellmark News Service"))
    assert not _is_outlet(_entity("Ostrava", type_="GPE"), _View("Radio Ostrava"))
    assert not _is_outlet(_entity("Quorra", type_="GPE"), _View("Quorra Evening Bugle"))


def _article(aid, outlet, byline=None, removed=()):
    return CleanArticle(id=aid, source_path=f"{aid}.txt", outlet=outlet, text="Body.", byline=byline, removed=list(removed))


def test_copies_a_short_name_shared_by_both_outlets_credits_neither():
    own = _article("a", "Tarrow Courier", byline="Staff | Courier")
    assert not copies._credits_outlet(own, "Pellmark Courier")
    other = _article("b", "Tarrow Gazette", byline="Staff | Courier")
    assert copies._credits_outlet(other, "Pellmark Courier")
    dated = _article("c", "Tarrow Courier", removed=[Removed(text="QUORRA, May 2 (PNS) -", reason="dateline")])
    assert copies._credits_outlet(dated, "Pellmark News Service")
