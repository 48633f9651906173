"""A ministry or an embassy judging what was done to its citizens makes a statement; others'
judgements make none. Invented sentences."""

import pytest
from dwtest import trigger_subtypes


@pytest.mark.parametrize("text", [
    "Uzbekistan's Foreign Ministry called the detentions unacceptable.",
    "The Kyrgyz embassy called the raids in Moscow discriminatory.",
    "The embassy described the reports as unfounded.",
])
def test_a_diplomatic_judgement_is_a_statement(text):
    assert "statement" in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "Analysts called the raids discriminatory.",
    "Rights groups described the deportations as unjustified.",
])
def test_others_judgements_are_no_statement(text):
    assert "statement" not in trigger_subtypes(text, "en")
