"""Sentences that name an act but report none: kinds of people, questions, negative subjects,
opinions, habits, modals, advice and what a state tells people to avoid (codebook §1)."""

import pytest
from dwtest import trigger_subtypes

from diaspora_watch.document import Document
from diaspora_watch.extract import extract_events, hedges
from diaspora_watch.extract.matcher import tokenize




NONE = [
    # questions
    ("en", "Will residence permits be revoked as well?"),
    ("ru", "Аннулируют ли патенты тем, кто уже получил ВНЖ?"),
    # negative subjects and "no" before the act, auxiliaries and all
    ("en", "No draft law on the matter has reached parliament yet."),
    ("en", "No one has been charged in connection with the deaths."),
    ("ru", "Никто из задержанных не был депортирован."),
    # first-person opinions and forecasts
    ("en", "I think the new rules will be adopted and deportations will rise."),
    ("ru", "На мой взгляд, закон примут, и первые лишения гражданства последуют к концу года."),
    # a modal right after the act: what can happen, not what did
    ("en", "Document checks can happen at any metro station."),
    ("ru", "Рейд может пройти в любой момент, предупреждают юристы."),
    ("en", "Migrants who overstay can be deported under the new rules."),
    # what a rule lets officials do
    ("en", "The amendment lets regional police departments deport foreigners without a court hearing."),
    # advice to the reader
    ("en", "If you are detained, ask for a lawyer and do not sign anything."),
    ("ru", "Никто не вправе принуждать вас к подписанию контракта угрозой депортации."),
    ("ru", "Если вас задержали на улице, требуйте адвоката."),
    # a service or a rule for a kind of people, the kind of act an explainer is about
    ("en", "A new guide for migrants answers questions about deportation and entry bans."),
    ("en", "The rule sets tougher registration terms for foreigners expelled by a court."),
]


@pytest.mark.parametrize(("lang", "text"), NONE)
def test_nonevents_no_trigger_survives(lang: str, text: str) -> None:
    assert trigger_subtypes(text, lang) == set()


def test_nonevents_a_list_of_acts_stays_in_the_clause_that_describes_people() -> None:
    """"denied entry, detained or ..." all describe who may call; the hotline is the advisory."""
    text = "Migrants from Tajikistan who are denied entry, detained or harassed at the border can call the consulate's hotline."
    assert trigger_subtypes(text, "en") == {"advisory"}


def test_nonevents_a_comma_that_ends_the_clause_still_ends_it() -> None:
    text = "A hotline is open for citizens who are refused entry, and police detained 40 people at the market on Monday."
    assert "detention" in trigger_subtypes(text, "en")


def test_nonevents_what_a_state_urges_people_to_avoid_is_no_act() -> None:
    text = "The embassy urged Uzbek nationals not to answer online job offers from recruiters or sign military contracts."
    assert trigger_subtypes(text, "en") == {"advisory"}
    assert trigger_subtypes("Посольство призвало граждан не подписывать контракты с Минобороны.", "ru") == {"advisory"}


def test_nonevents_a_choice_offered_is_coercion_not_the_outcomes() -> None:
    text = "He was given a choice between signing a contract with the army and deportation."
    assert trigger_subtypes(text, "en") == {"coercion"}


def test_nonevents_cues_past_their_reach_leave_the_act() -> None:
    """Near misses: a threat named after the act, a negative subject far before it."""
    assert "deportation" in trigger_subtypes("He was deported after a court found he posed a threat to public order.", "en")
    assert "detention" in trigger_subtypes("Police said no one else was hurt when they detained 12 men at the market.", "en")
    assert "deportation" in trigger_subtypes("Его лишили гражданства за действия, создающие угрозу безопасности, и депортировали.", "ru")


def test_nonevents_question_reads_the_mark_after_the_last_word() -> None:
    text = "Were they deported? Police detained 5."
    first = tokenize("Were they deported?", "en")
    assert hedges.question(text, first)
    assert not hedges.question("Police detained 5.", tokenize("Police detained 5.", "en"))


def test_nonevents_list_commas_are_the_commas_a_coordinator_follows() -> None:
    text = "who are refused entry, detained or harassed, the embassy said"
    toks = tokenize(text, "en")
    breaks = hedges.clause_breaks(text, toks)
    assert len(breaks) == 2
    assert hedges.list_commas(text, toks, breaks) == frozenset({min(breaks)})


def test_nonevents_a_habit_opening_the_sentence_frames_it_all() -> None:
    doc = Document(doc_id="x-habit", language="en", published="2025-05-10",
                   text="Each year some deputy in Moscow proposes banning migrants from driving taxis.")
    assert extract_events(doc) == []
    dated = Document(doc_id="x-dated", language="en", published="2025-05-10",
                     text="On Monday, a Duma deputy proposed banning migrants from driving taxis in Moscow.")
    assert [e["subtype"] for e in extract_events(dated)] == ["proposal"]
