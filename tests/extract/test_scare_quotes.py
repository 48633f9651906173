"""Recruiting words in the writer's scare quotes tell coercion; the same words plainly written
tell recruitment. Invented sentences."""

import pytest
from dwtest import trigger_subtypes


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Uzbek migrants in Russia are being “lured” into the war in Ukraine.", {"coercion"}),
    ("en", "Dozens of migrants \"volunteered\" to sign army contracts, their lawyers said.", {"coercion"}),
    ("ru", "Мигрантов «добровольно» отправили на фронт.", {"coercion"}),
    ("en", "Thousands of Central Asian migrants were lured into the Russian army by high salaries.", {"contract_recruitment"}),
    ("ru", "Мигрантов заманивают в армию высокими зарплатами.", {"contract_recruitment"}),
])
def test_scare_quotes_tell_coercion(lang, text, want):
    assert trigger_subtypes(text, lang) == want
