"""Where an event happened: war theatres, named buildings, bodies people are told to contact."""

from dataclasses import dataclass

from diaspora_watch.extract import locate
from diaspora_watch.extract.actors import find_actors
from diaspora_watch.extract.matcher import tokenize
from diaspora_watch.extract.places import find_places


@dataclass(frozen=True)
class _Group:
    countries: tuple[str, ...]
    kind: str = "people"


def test_locate_the_theatre_of_war_does_not_locate_a_recruitment():
    text = "Police in Moscow recruited Tajik migrants to fight in Ukraine."
    kept = locate.off_theatre(find_places(text, "en"), tokenize(text, "en"), "en")
    assert [p.country for p in kept] == ["RU"]


def test_locate_russian_theatre_by_lemma(dev_sentence):
    s = dev_sentence("d-108", "отправились на войну в Украину")
    kept = locate.off_theatre(find_places(s, "ru"), tokenize(s, "ru"), "ru")
    assert "UA" not in {p.country for p in kept}


def test_locate_a_place_naming_a_building_is_not_the_place(dev_sentence):
    s = dev_sentence("d-051", "Baku Plaza")
    assert [p.name for p in find_places(s, "en") if p.level == "city"] == ["Yekaterinburg"]


def test_locate_a_home_town_does_not_locate_the_event():
    s = "A Dushanbe resident was detained in Tver on Monday."
    kept = locate.not_origins(find_places(s, "en"), tokenize(s, "en"), "en")
    assert [p.name for p in kept] == ["Tver"]


def test_locate_the_embassy_to_contact_is_not_the_advising_body(dev_sentence):
    s = dev_sentence("d-088", "связываться с посольством")
    assert find_actors(s, "ru")
    assert locate.not_contacted(find_actors(s, "ru"), tokenize(s, "ru"), "ru") == []


def test_locate_an_agency_takes_the_state_named_just_after_it(dev_sentence):
    s = dev_sentence("d-031", "another Central Asian state, Uzbekistan")
    actors = locate.state_after(find_actors(s, "en"), find_places(s, "en"), s)
    assert any(a.agency == "PROSECUTOR" and a.country == "UZ" for a in actors)


def test_locate_main_group_needs_a_clear_majority():
    assert locate.main_group([_Group(("AZ",)), _Group(("AZ",)), _Group(("RU",))]) == ("AZ",)
    assert locate.main_group([_Group(("AZ",)), _Group(("RU",))]) == ()
    assert locate.main_group([_Group(("AZ",))]) == ()  # one mention is no document-wide subject
    assert locate.main_group([_Group(("AZ",), "adjective"), _Group(("AZ",), "adjective")]) == ()


def test_locate_protest_by_the_ministry_drops_the_summoned_embassy():
    from diaspora_watch.extract.actors import ActorMention

    mentions = [ActorMention(0, 3, "MFA", "MFA", "KG"), ActorMention(10, 17, "embassy", "EMBASSY", "KG")]
    assert locate.actor_codes(mentions, "diplomatic", "KG", "protest") == ["KG:MFA"]
    assert locate.actor_codes(mentions, "diplomatic", "KG", "advisory") == ["KG:MFA", "KG:EMBASSY"]
