"""Story titles (group/title.py) on invented reports of one event."""

from newsprism.group import GroupSettings, group_articles
from newsprism.group.title import sources_itself
from newsprism.models import CleanArticle

DERAIL = [  # (outlet, headline, first sentence) of one invented tram derailment
    (
        "Vellora Beacon",
        "Tram drivers warned of brake cuts weeks before Vellora derailment",
        "Tram drivers in Vellora warned in May that brake checks on the Harbour line had been halved, in a letter seen by the Vellora Beacon.",
    ),
    (
        "Ostmark Wire",
        "Hunt for cause as twelve hurt in Vellora tram crash",
        "Twelve passengers were hurt when a tram left the rails on the Harbour line in Vellora on Tuesday, the operator said.",
    ),
    (
        "Radio Vellora",
        "LIVE: Tram derailment in Vellora",
        "The operator says the Harbour line will stay closed until Friday while the tram derailment is investigated.",
    ),
]


def _articles(reports) -> list[CleanArticle]:
    return [
        CleanArticle(id=f"d{i}", source_path=f"d{i}.txt", outlet=outlet, title=title, text=lead)
        for i, (outlet, title, lead) in enumerate(reports)
    ]


def test_story_title_is_no_headline_of_what_one_outlet_alone_was_shown():
    """A report that leads with a letter 'seen by the Vellora Beacon' is headlined by its own angle (drivers'
    warnings), though its headline ends with the event's name that every report uses: the event's headline titles the story."""
    title = group_articles(_articles(DERAIL), GroupSettings(one_story=True))[0].title
    assert title == "Hunt for cause as twelve hurt in Vellora tram crash"


def test_sources_itself_reads_the_outlets_own_name_not_its_town():
    beacon, wire, radio = _articles(DERAIL)
    assert sources_itself(beacon)
    told = beacon.model_copy(update={"text": "Two drivers told the Beacon that brake checks had been halved."})
    assert sources_itself(told)
    assert not sources_itself(wire)
    # "Radio Vellora" reporting from Vellora credits no one: the town is no self-reference
    assert not sources_itself(radio.model_copy(update={"text": "A tram derailed in Vellora on Tuesday."}))
    # when every calm headline is self-sourced, one of them still titles the story
    only = [DERAIL[0], DERAIL[2]]
    assert group_articles(_articles(only), GroupSettings(one_story=True))[0].title == DERAIL[0][1]
