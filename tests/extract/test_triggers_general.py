"""Common ways reporters phrase protests, instructions, advisories, cancellations, bans, cases,
prosecutions, recruitment, coercion and laws: invented sentences, each class with a near miss."""

import pytest
from dwtest import trigger_subtypes





HITS = [
    # protests: a note handed or sent, a demand for an explanation, an investigation, a release
    ("en", "protest", "The ministry handed the Russian ambassador a note demanding an explanation for the detentions."),
    ("en", "protest", "The embassy sent a diplomatic note to Moscow demanding the release of the detained citizens."),
    ("en", "protest", "The ministry lodged a formal protest with the Russian side."),
    ("en", "protest", "Tashkent demanded a thorough investigation into the death of its citizen."),
    ("en", "protest", "The ministry urged the Russian authorities to conduct a swift investigation into the deaths."),
    ("ru", "protest", "Посольство Узбекистана потребовало от властей Самары провести объективное расследование гибели соотечественника."),
    ("ru", "protest", "МИД вызвал посла России и потребовал освободить задержанных граждан."),
    ("ru", "protest", "Ранее Баку официально выразил протест в связи с действиями силовиков."),
    # instructions: one state body ordering another
    ("en", "instruction", "The ministry ordered its regional branches to register every returning migrant."),
    ("en", "instruction", "The president instructed the government to draw up a list of recruiters."),
    ("ru", "instruction", "Президент поручил министерству иностранных дел организовать вывоз граждан."),
    ("ru", "instruction", "Глава МВД поручил региональным управлениям усилить контроль за выдачей патентов."),
    # advisories
    ("en", "advisory", "The Tajik embassy reminded compatriots to renew their patents on time."),
    ("en", "advisory", "The Kyrgyz embassy called on Kyrgyz citizens to carry their documents at all times."),
    ("en", "advisory", "The consulate reminded Kazakh nationals that joining foreign armed groups is punishable by prison."),
    ("ru", "advisory", "Консульство напомнило гражданам о необходимости иметь при себе документы."),
    ("ru", "advisory", "Посольство Узбекистана попросило соотечественников не выезжать в приграничные районы."),
    # cancellations
    ("en", "cancellation", "Tashkent cancelled the Days of Russian Culture planned for the autumn."),
    ("en", "cancellation", "The Week of Kyrgyz Cinema in Kazan will not take place this year, organisers said."),
    ("en", "cancellation", "The visit of the Russian delegation has been postponed."),
    ("en", "cancellation", "Dushanbe responded by cancelling a planned meeting of the intergovernmental commission."),
    ("ru", "cancellation", "Власти Таджикистана отменили Дни российского кино в Душанбе."),
    ("ru", "cancellation", "Гастроли московского театра в Ташкенте не состоятся, сообщило министерство."),
    ("ru", "cancellation", "Заседание межправительственной комиссии перенесено."),
    # entry bans
    ("en", "entry_ban", "The FSB added 30 Tajik citizens to the register of persons banned from entering Russia."),
    ("en", "entry_ban", "Hundreds of migrants were unable to enter Russia at the Verkhny Lars checkpoint."),
    ("en", "entry_ban", "He was barred from re-entering Russia for five years."),
    ("ru", "entry_ban", "МВД включило 40 иностранцев в список лиц, которым запрещен въезд в Россию."),
    ("ru", "entry_ban", "Более 500 граждан Таджикистана не смогли въехать в Россию."),
    # criminal cases
    ("en", "criminal_case", "He faces charges of extortion."),
    ("en", "criminal_case", "Three men were indicted in Samara on Friday."),
    ("en", "criminal_case", "A court sentenced the man to ten years for recruiting mercenaries."),
    ("ru", "criminal_case", "Задержанному предъявили обвинение в подделке документов."),
    ("ru", "criminal_case", "Мужчина обвиняется в организации незаконной миграции."),
    ("ru", "criminal_case", "Подозреваемых задержали в Самаре в понедельник."),
    ("ru", "criminal_case", "Суд приговорил вербовщика к шести годам за вербовку наемников."),
    # prosecution for service abroad
    ("en", "prosecution_for_service", "A court in Osh jailed a local man for five years for taking part in hostilities abroad."),
    ("en", "prosecution_for_service", "Police in Ganja detained a man on suspicion of fighting for Russia."),
    ("ru", "prosecution_for_service", "Суд приговорил его к пяти годам за участие в боевых действиях на Украине."),
    ("ru", "prosecution_for_service", "В Таджикистане возбудили уголовное дело против двоих мужчин за участие в войне на стороне России."),
    # contract recruitment
    ("en", "contract_recruitment", "Many of the men were recruited in penal colonies in exchange for a pardon."),
    ("en", "contract_recruitment", "Officials offered the detained migrants contracts with the Defence Ministry."),
    ("ru", "contract_recruitment", "Его завербовали, когда он отбывал наказание в колонии."),
    ("ru", "contract_recruitment", "Он заключил контракт с Минобороны России."),
    # coercion: threats tied to enlisting, a raid that ends at the enlistment office
    ("en", "coercion", "A recruiter warned the men that their permits would not be renewed unless they joined the army."),
    ("en", "coercion", "Detainees were told their patents would be cancelled if they did not enlist."),
    ("en", "coercion", "After the raid, the men were bused straight to a military enlistment office."),
    ("ru", "coercion", "Мигрантам угрожали выдворением, если они не подпишут контракт с Минобороны."),
    ("ru", "coercion", "После рейда задержанных мигрантов отвезли в военкомат."),
    # laws: an upper house, a final reading; revocations, deportation flights and other acts
    ("en", "law", "The Federation Council endorsed the law on migrant registration."),
    ("en", "law", "Kazakhstan's Senate passed the migration bill on Thursday."),
    ("en", "law", "The Duma passed the bill in the third and final reading."),
    ("ru", "law", "Совет Федерации одобрил поправки в Уголовный кодекс."),
    ("ru", "law", "Госдума приняла закон в третьем чтении."),
    ("en", "citizenship_revocation", "Officials have revoked dozens of citizenships granted since 2020."),
    ("ru", "citizenship_revocation", "Региональное управление МВД отменило решение о приобретении им гражданства."),
    ("en", "deportation", "A charter flight carrying 120 deported Tajik citizens landed in Dushanbe on Friday."),
    ("ru", "deportation", "Из Екатеринбурга в Ташкент вылетел специальный рейс, на борту которого были 150 выдворенных мигрантов."),
    ("en", "deportation", "The judge ruled that the two Uzbek workers must leave the country within ten days."),
    ("en", "permit_cancellation", "Regional police annulled about 500 residence permits held by Uzbek nationals."),
    ("en", "draft_notice", "Officers raided the market, handing draft summonses to 14 naturalized men."),
    ("en", "detention", "Dozens of workers were brought to police stations for questioning."),
    ("ru", "violence", "По словам адвоката, сотрудники полиции сломали задержанному два ребра."),
]

MISSES = [
    ("en", "instruction", "The court ordered the ministry to pay compensation."),
    ("en", "instruction", "He was told by officials to come back tomorrow."),
    ("en", "cancellation", "The ministry advised travellers to postpone trips to the region."),
    ("en", "cancellation", "A special flight to Dushanbe was cancelled because of bad weather."),
    ("en", "cancellation", "Residence permits of 40 migrants were cancelled last week."),
    ("ru", "cancellation", "Билеты на отменённые концерты можно вернуть в кассы."),
    ("en", "prosecution_for_service", "A court sentenced the man to ten years for recruiting mercenaries."),
    ("en", "prosecution_for_service", "He was charged for refusing to fight for Russia in Ukraine."),
    ("ru", "prosecution_for_service", "Суд приговорил вербовщика к шести годам за вербовку наемников."),
    ("en", "contract_recruitment", "Parliament doubled the prison term for recruiting nationals into foreign militaries, with penalties of up to ten years."),
    ("ru", "contract_recruitment", "Адвокат настаивал, что осуждённого обманули вербовщики."),
    ("en", "coercion", "If he does not sign the lease, he must move out."),
    ("en", "law", "The Duma approved the bill in the first reading."),
    ("en", "law", "The bill is expected to be approved in the third reading next week."),
    ("en", "proposal", "Kazakhstan's Senate passed the migration bill on Thursday."),
    ("ru", "law", "Госдума приняла законопроект в первом чтении."),
    ("ru", "law", "Совет Федерации может одобрить закон на следующей неделе."),
    ("ru", "proposal", "Совет Федерации одобрил закон о режиме высылки."),
    ("ru", "proposal", "В полиции мигрантам предлагали заключить контракт с армией."),
    ("ru", "entry_ban", "Мигранты не смогли попасть на приём к врачу."),
    ("ru", "criminal_case", "Как установило следствие, в прошлом году он работал в Москве."),
    ("en", "deportation", "The Duma passed a bill on expelling migrants who break the rules."),
    ("ru", "deportation", "Предлагается вводить режим высылки в отношении иностранцев без законных оснований."),
    ("en", "draft_notice", "He was fined for failure to register for military service."),
    ("ru", "detention", "Рейс был задержан из-за непогоды."),
]


@pytest.mark.parametrize(("lang", "subtype", "text"), HITS)
def test_triggers_general_phrasings_are_found(lang: str, subtype: str, text: str) -> None:
    assert subtype in trigger_subtypes(text, lang)


@pytest.mark.parametrize(("lang", "subtype", "text"), MISSES)
def test_triggers_general_near_misses_are_not(lang: str, subtype: str, text: str) -> None:
    assert subtype not in trigger_subtypes(text, lang)


def test_triggers_general_service_abroad_replaces_the_plain_case() -> None:
    """Cases opened for fighting abroad are one prosecution, with no plain criminal case beside it."""
    ru = "В Таджикистане возбудили уголовное дело против двоих мужчин за участие в войне на стороне России."
    assert trigger_subtypes(ru, "ru") == {"prosecution_for_service"}
    assert trigger_subtypes("Police in Ganja detained a man on suspicion of fighting for Russia.", "en") == {
        "detention", "prosecution_for_service"}


def test_triggers_general_threat_to_enlist_is_coercion_not_an_offer() -> None:
    text = "A recruiter warned the men that their permits would not be renewed unless they joined the army."
    assert trigger_subtypes(text, "en") == {"coercion"}


def test_triggers_general_dev_sentence_of_a_conviction_is_no_recruitment(dev_sentence) -> None:
    """A sentence handed down for fighting abroad, beside a word on recruitment, is the prosecution."""
    s = dev_sentence("d-028", "handed a 10-year sentence")
    assert "contract_recruitment" not in trigger_subtypes(s, "en")
    assert "prosecution_for_service" in trigger_subtypes(s, "en")


def test_triggers_general_dev_revocation_and_deportation_survive_a_security_threat(dev_sentence) -> None:
    """"создающих угрозу национальной безопасности" gives a reason, not a threat of deportation."""
    s = dev_sentence("d-106", "создающих угрозу")
    assert {"citizenship_revocation", "deportation"} <= trigger_subtypes(s, "ru")
