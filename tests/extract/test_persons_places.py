"""A place name that is a word of a person's name is no place ("Artyom Belyaev" is not the town
of Artem), and a place the Russian name tagger runs into a name is no surname ("Мамедли Баку").
Invented sentences."""

from diaspora_watch.extract import persons
from dwtest import events


def _events(text: str, lang: str) -> list[dict]:
    return events(text, lang, "2023-09-01")


def test_a_first_name_that_is_also_a_town_places_nothing():
    [e] = _events("Artyom Belyaev, 27, was detained by migration police in Almaty in August.", "en")
    assert (e["country"], e["place"], e["persons"]) == ("KZ", "Almaty", ["Artyom Belyaev"])


def test_a_town_that_is_the_whole_name_stays_a_place():
    [e] = _events("Police detained 21 migrants in St Petersburg on Friday.", "en")
    assert e["place"] == "St Petersburg"  # as the text spells it


def test_a_capital_next_to_a_surname_is_cut_from_the_name():
    text = "После задержания Мамедли Баку вызвал российского посла."
    assert [p.name for p in persons.find(text, "ru")] == ["Mamedli"]
