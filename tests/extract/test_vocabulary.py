"""Trigger vocabulary beyond one outlet's phrasing: invented sentences, each with a near miss."""

import pytest
from dwtest import trigger_subtypes





HITS = [
    ("en", "cancellation", "The ministry called off the cultural forum planned for next week."),
    ("en", "cancellation", "The concert tour was postponed indefinitely after the arrests."),
    ("en", "cancellation", "Baku scrapped the visit of the Russian delegation."),
    ("ru", "cancellation", "Концерт азербайджанских артистов в Москве отменили."),
    ("ru", "cancellation", "Власти свернули культурное сотрудничество с Россией."),
    ("ru", "cancellation", "Визит делегации перенесли на неопределённый срок."),
    ("en", "prosecution_for_service", "A Kyrgyz man was jailed for ten years for fighting alongside Russian forces."),
    ("en", "prosecution_for_service", "The court convicted him of mercenarism."),
    ("ru", "prosecution_for_service",
     "Суд приговорил мужчину к пяти годам за участие в вооружённом конфликте на территории иностранного государства."),
    ("en", "coercion", "Migrants were made to sign military contracts."),
    ("en", "coercion", "Detained migrants were given a choice between signing a contract and deportation."),
    ("en", "coercion", "They signed the papers under threat of prison."),
    ("ru", "coercion", "Мигрантов вынудили подписать контракт под угрозой депортации."),
    ("ru", "coercion", "Задержанных поставили перед выбором: контракт или тюрьма."),
    ("en", "citizenship_revocation", "Officials declared his passport invalid."),
    ("en", "citizenship_revocation", "The agency annulled his Russian passport last week."),
    ("ru", "citizenship_revocation", "МВД признало паспорт уроженца Таджикистана недействительным."),
    ("ru", "citizenship_revocation", "У него прекратили гражданство России."),
    ("en", "statement", "The foreign ministry expressed concern over the detentions of its nationals."),
    ("en", "statement", "The embassy voiced regret over the incident."),
    ("ru", "statement", "МИД Азербайджана выразил обеспокоенность задержаниями."),
    ("ru", "statement", "Посол заявил журналистам, что ситуация под контролем."),
    ("en", "law", "Putin signed into law the amendments on migrants."),
    ("en", "law", "The new rules came into force on January 1."),
    ("ru", "law", "Президент подписал указ о мерах по миграции."),
    ("en", "entry_ban", "He was turned back at the border at Verkhny Lars."),
    ("en", "entry_ban", "The journalist was barred from entering Russia."),
    ("ru", "entry_ban", "Его не пустили в Россию на границе."),
    ("en", "permit_cancellation", "Authorities cancelled the work patents of 200 migrants."),
    ("ru", "permit_cancellation", "У мигрантов аннулировали патенты и ВНЖ."),
    ("en", "draft_notice", "Naturalised migrants were handed summonses at the market."),
    ("ru", "draft_notice", "Мигрантам раздали повестки в военкомат."),
    ("en", "instruction", "The prosecutor general ordered a review of all naturalisation cases."),
    ("ru", "instruction", "Бастрыкин поручил проверить законность получения гражданства."),
    ("en", "court_ruling", "The Supreme Court upheld the ban on the community group."),
    ("en", "court_ruling", "An appeals court overturned the expulsion order."),
    ("ru", "court_ruling", "Суд признал законным решение о выдворении."),
]

MISSES = [
    ("en", "cancellation", "The forum will take place as planned next week."),
    ("ru", "cancellation", "Концерт состоится в субботу, как и планировалось."),
    ("en", "prosecution_for_service", "A Kyrgyz man was jailed for ten years for drug trafficking."),
    ("en", "coercion", "Nobody forced him to sign the contract, the officer said."),
    ("ru", "coercion", "Никто не вынуждал мигрантов подписывать контракт."),
    ("en", "citizenship_revocation", "He renewed his passport last week."),
    ("ru", "citizenship_revocation", "Он получил паспорт гражданина России."),
    ("en", "statement", "Residents expressed concern over rising rents."),
    ("en", "law", "The bill could come into force next year if passed."),
    ("en", "entry_ban", "He entered Russia at Verkhny Lars."),
    ("ru", "entry_ban", "Его пустили в Россию без проблем."),
    ("en", "permit_cancellation", "Migrants queued to buy work patents."),
    ("en", "draft_notice", "He summoned the courage to speak."),
    ("en", "instruction", "The customer ordered a coffee."),
    ("en", "court_ruling", "The committee upheld its earlier decision on the budget."),
    ("en", "statement", "The ambassador was summoned, and the ministry expressed concern."),
    ("ru", "statement", "Посла вызвали в МИД, где ему выразили обеспокоенность."),
]


@pytest.mark.parametrize("lang,subtype,text", HITS)
def test_vocabulary_finds_the_subtype(lang, subtype, text):
    assert subtype in trigger_subtypes(text, lang)


@pytest.mark.parametrize("lang,subtype,text", MISSES)
def test_vocabulary_near_miss_is_not_the_subtype(lang, subtype, text):
    assert subtype not in trigger_subtypes(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "He was sentenced to 12 years for fighting for Russia in Ukraine."),
    ("ru", "Его осудили за наёмничество."),
])
def test_vocabulary_service_sentence_is_no_plain_criminal_case(lang, text):
    found = trigger_subtypes(text, lang)
    assert "prosecution_for_service" in found and "criminal_case" not in found
