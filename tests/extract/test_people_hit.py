"""A journalist, an activist or a blogger named by the act is the one it hit, not a commentator;
people hit at one place on one day are one act. Invented sentences."""

import pytest
from dwtest import events


@pytest.mark.parametrize("text,name", [
    ("Police detained Alisher Karimov, an Uzbek blogger, in Moscow on Monday.", "Alisher Karimov"),
    ("Police detained Uzbek blogger Alisher Karimov in Moscow on Monday.", "Alisher Karimov"),
    ("The journalist Aziz Rahimov was detained in Kazan on Monday.", "Aziz Rahimov"),
])
def test_a_person_named_by_the_act_is_hit_whatever_his_trade(text, name):
    [e] = events(text)
    assert (e["persons"], e["count"]) == ([name], 1)


@pytest.mark.parametrize("text", [
    "Police detained 12 migrants in Kazan on Monday, analyst Ivan Petrov said.",
    "Police detained 12 migrants in Kazan on Monday, said Ivan Petrov, a lawyer.",
])
def test_a_commentator_is_not_hit(text):
    [e] = events(text)
    assert (e["persons"], e["count"]) == ([], 12)


def test_people_hit_at_one_place_on_one_day_are_one_act():
    text = ("Police detained the Uzbek blogger Alisher Karimov at a rally in Moscow on Monday. The Tajik "
            "activist Bakhtiyor Yusupov was detained at the same rally in Moscow on Monday.")
    assert [(e["subtype"], e["count"]) for e in events(text)] == [("detention", 2)]


def test_people_hit_in_other_towns_days_apart_are_two_acts():
    text = ("Police detained the Uzbek blogger Alisher Karimov in Moscow on Monday. Days later, police in Tver "
            "detained the Tajik activist Bakhtiyor Yusupov.")
    assert [e["subtype"] for e in events(text)] == ["detention", "detention"]
