"""Round-2 phrase bank: the common ways wire copy, Russian regional sites, Central Asian
outlets and embassy notices phrase each kind of act, in English and Russian, with near misses
(opinions, forecasts, rules, denials, negations) that must yield nothing. Invented sentences."""

import pytest
from dwtest import trigger_subtypes





HITS = [
    # raids: sweeps, crackdowns, named and "preventive" operations, checks of foreigners at a place
    ("en", "raid", "Security forces swept through migrant dormitories in Orenburg overnight."),
    ("en", "raid", "Police launched a crackdown on migrants in Tver, checking more than 900 foreigners."),
    ("en", "raid", "As part of Operation Illegal Immigrant, officers in Penza checked 380 foreign nationals."),
    ("en", "raid", "Police conducted a preventive operation at the Zelyony market in Omsk, checking 600 foreigners."),
    ("en", "raid", "Mass identity checks of migrants were carried out in the Kazan metro."),
    ("en", "raid", "Police inspected markets and construction sites in Surgut."),
    ("en", "raid", "Officers inspected the premises of a cafe owned by a Kyrgyz businessman in Tomsk."),
    ("ru", "raid", "Полицейские провели оперативно-профилактическое мероприятие «Мигрант» в Кургане."),
    ("ru", "raid", "В ходе операции «Нелегал» в Барнауле проверено более 400 иностранцев."),
    ("ru", "raid", "На стройках в Пушкине полиция проверила более 250 иностранных граждан."),
    ("ru", "raid", "Полицейские проверили документы у мигрантов в общежитии в Чите."),
    ("ru", "raid", "Сотрудники полиции нагрянули в общежитие, где жили граждане Киргизии."),
    ("ru", "raid", "Правоохранители проверили на законность пребывания 90 иностранцев в хостеле в Люберцах."),
    ("ru", "raid", "Сотрудники полиции провели проверку в кафе, принадлежащем уроженцу Узбекистана, в Сургуте."),
    # detentions: custody, round-ups, people brought to a police station
    ("en", "detention", "A Tajik citizen was taken into custody at Pulkovo airport."),
    ("en", "detention", "Police rounded up dozens of migrants at a market in Saratov."),
    ("ru", "detention", "Более 90 человек были доставлены в отделы полиции в Перми."),
    ("ru", "detention", "Мигрантов доставили в отдел полиции в Уфе для установления личности."),
    # deaths in custody: the cell, the detention centre, the remand prison
    ("en", "death_in_custody", "The Uzbek worker was found hanged in a holding cell at a police station in Tula."),
    ("ru", "death_in_custody", "Гражданин Киргизии скончался в ИВС в Кургане."),
    ("ru", "death_in_custody", "Уроженец Таджикистана скончался в СИЗО в Омске."),
    ("ru", "death_in_custody", "Гражданин Узбекистана умер в центре временного содержания иностранных граждан в Твери."),
    ("ru", "death_in_custody", "Мигранта нашли мёртвым в камере отдела полиции в Туле."),
    ("ru", "death_in_custody", "Гражданин Таджикистана умер в Сахарово, где содержатся иностранцы перед выдворением."),
    # violence: stun guns, kicks, batons, beating with feet or sticks
    ("en", "violence", "Officers used a stun gun on an Uzbek worker during the check in Tula."),
    ("en", "violence", "Video shows police officers in Omsk kicking a migrant lying on the ground."),
    ("ru", "violence", "Задержанных в Перми били дубинками полицейские."),
    ("ru", "violence", "Полицейские в Твери избивали мигрантов и надевали им на голову пакеты."),
    ("ru", "violence", "Сотрудники ОМОН применили электрошокеры к рабочим из Таджикистана в Омске."),
    # criminal cases: under investigation, charged ... with, a pre-investigation check
    ("en", "criminal_case", "Police said the man is under investigation for organising illegal migration in Tula."),
    ("en", "criminal_case", "Prosecutors charged the Tajik worker with assault in Omsk."),
    ("ru", "criminal_case", "СК в Перми начал доследственную проверку по факту драки с участием мигрантов."),
    # deportations and permits
    ("en", "deportation", "Authorities removed 14 Uzbek nationals from the country."),
    ("en", "permit_cancellation", "The residence permit of the Kyrgyz blogger was revoked in Tomsk."),
    ("ru", "permit_cancellation", "Разрешение на временное проживание мигранту в Уфе было аннулировано."),
    # entry bans: turned back, barred from entering, lists of controlled persons, closed entry
    ("en", "entry_ban", "Russian authorities barred the Uzbek journalist from entering the country."),
    ("en", "entry_ban", "Dozens of Kyrgyz were not allowed into Russia at Pulkovo airport."),
    ("en", "entry_ban", "The FSB put the Tajik blogger on the list of people banned from Russia."),
    ("en", "entry_ban", "Russian border guards refused to let 25 Tajik migrants into the country."),
    ("en", "entry_ban", "More than 700 Uzbek migrants were put on Russia's register of controlled persons."),
    ("en", "entry_ban", "The Kazakh activist was declared persona non grata in Russia."),
    ("ru", "entry_ban", "Гражданам Узбекистана закрыт въезд в Россию."),
    ("ru", "entry_ban", "Около 800 мигрантов внесены в реестр контролируемых лиц."),
    ("ru", "entry_ban", "Пограничники развернули 30 граждан Таджикистана на КПП «Маштаков»."),
    ("ru", "entry_ban", "Гражданам Таджикистана отказали во въезде в аэропорту Пулково."),
    ("ru", "entry_ban", "В отношении него вынесено решение о неразрешении въезда в Россию."),
    ("ru", "entry_ban", "Сотни граждан Киргизии не смогли попасть в Россию через аэропорт Пулково."),
    # draft notices and recruitment
    ("en", "draft_notice", "Summonses were handed out at a market in Tver to naturalized migrants."),
    ("en", "contract_recruitment", "A recruitment point for foreigners opened at the migration centre in Omsk."),
    ("en", "contract_recruitment", "The Defence Ministry offered migrants in Tula citizenship in exchange for a one-year contract with the army."),
    # laws: a law "allowing" something is still a law signed
    ("en", "law", "Putin signed a law allowing the revocation of acquired citizenship."),
    # instructions: letters and circulars sent down, orders to review
    ("en", "instruction", "The Interior Ministry sent a letter to its regional departments ordering them to review citizenship grants."),
    ("en", "instruction", "The Interior Ministry circulated a letter to regional police departments on patents for migrants."),
    ("en", "instruction", "The Interior Ministry issued an order requiring regional offices to recheck all citizenship decisions since 2021."),
    ("ru", "instruction", "Глава МВД подписал приказ о проверке всех решений о приёме в гражданство."),
    ("ru", "instruction", "Генпрокуратура направила в регионы циркуляр об усилении надзора за мигрантами."),
    ("ru", "instruction", "МВД направило территориальным органам письмо с требованием проверить всех новых граждан."),
    # protests: a demand that the other side investigate
    ("en", "protest", "Tashkent demanded that Moscow investigate the beating of its citizens."),
    # cancellations: work suspended, cooperation frozen, pulling out of a forum
    ("en", "cancellation", "Baku suspended the work of the intergovernmental commission with Russia."),
    ("en", "cancellation", "Azerbaijan pulled out of the Russian-led forum in Samara."),
    ("en", "cancellation", "Baku froze cooperation with Russian state media."),
    ("ru", "cancellation", "Баку приостановил работу межправкомиссии с Россией."),
    ("ru", "cancellation", "Делегация Азербайджана отказалась от участия в форуме в Самаре."),
    # statements: in contact with the other side, monitoring, commenting, keeping it under control
    ("en", "statement", "The Uzbek foreign ministry said it was in contact with Russian authorities over the detentions."),
    ("en", "statement", "The Kyrgyz embassy in Omsk said it is monitoring the situation with the detained citizens."),
    ("en", "statement", "The Kyrgyz foreign ministry commented on the mass detentions at Pulkovo airport."),
    ("en", "statement", "The Tajik embassy said it was closely following the case of the detained nationals in Tula."),
    ("ru", "statement", "Посольство Киргизии держит на контроле ситуацию с задержанными соотечественниками в Перми."),
    ("ru", "statement", "Посольство Узбекистана находится в постоянном контакте с российскими властями."),
    ("ru", "statement", "МИД Киргизии внимательно следит за развитием ситуации вокруг задержанных граждан в Омске."),
    ("ru", "statement", "Посольство Таджикистана в Перми сообщило, что изучает ситуацию с задержанными гражданами."),
    ("ru", "statement", "МИД Узбекистана взял ситуацию с задержанными в Твери мигрантами на контроль."),
]

MISSES = [
    # denials, negative subjects, refusals of a case, a negation inside the act's words
    ("en", "detention", "The consul said no Kyrgyz citizens had been detained in Tula."),
    ("en", "death_in_custody", "The consulate said none of its citizens died in custody in Omsk."),
    ("en", "violence", "The ministry denied that police had beaten anyone."),
    ("ru", "violence", "В МВД опровергли информацию о том, что полицейские избили мигрантов."),
    ("ru", "criminal_case", "В возбуждении уголовного дела в Перми было отказано."),
    ("ru", "criminal_case", "Уголовное дело по факту драки в Перми пока не возбуждено."),
    ("ru", "criminal_case", "Следователи отказали в возбуждении уголовного дела против полицейских в Уфе."),
    ("ru", "law", "Закон так и не был принят."),
    # fears, threats and analysts' forecasts are no acts
    ("en", "deportation", "He said he was not afraid of being deported from Russia."),
    ("ru", "raid", "Мигранты живут в постоянном страхе перед рейдами."),
    ("ru", "cancellation", "Министр пригрозил отменить визит в Москву."),
    ("en", "proposal", "Experts believe the bill on migrants is unlikely to pass."),
    ("en", "contract_recruitment", "Experts believe Russia will keep trying to recruit migrants for the war."),
    ("ru", "law", "Эксперты считают, что закон о мигрантах не примут."),
    ("ru", "proposal", "Политологи ожидают, что депутаты предложат новые ограничения для мигрантов."),
    # rules: what a law lets people claim or officials do
    ("en", "contract_recruitment", "Under Russian law, foreigners who sign a contract with the army are entitled to citizenship."),
    ("ru", "contract_recruitment", "По закону иностранцы, подписавшие контракт с Минобороны, имеют право на гражданство в упрощённом порядке."),
    # following someone's instructions is no order given
    ("en", "instruction", "He followed the embassy's instructions and stayed home."),
    ("ru", "instruction", "Мигранты следовали указаниям сотрудников посольства."),
    # concern put to the other side's envoy is its protest, not a separate statement
    ("ru", "statement", "МИД Узбекистана выразил озабоченность послу России."),
]

#: What the new patterns must keep doing or must not start doing (these held before them too):
#: concern is a protest when put to an envoy and a statement on its own; a crackdown feared,
#: a comment by analysts or a refusal to comment is no act.
GUARDS = [
    ("en", "protest", True, "The Uzbek foreign ministry conveyed its concerns to the Russian ambassador."),
    ("ru", "protest", True, "МИД Узбекистана выразил озабоченность послу России."),
    ("en", "statement", False, "The Uzbek foreign ministry conveyed its concerns to the Russian ambassador."),
    ("en", "statement", True, "The Uzbek foreign ministry expressed concern over the detentions of its citizens in Tula."),
    ("ru", "statement", True, "МИД Таджикистана выразил обеспокоенность задержаниями граждан в Перми."),
    ("en", "raid", False, "Rights groups fear police will launch a new crackdown on migrants."),
    ("en", "statement", False, "Analysts commented on the ministry's silence."),
    ("ru", "statement", False, "В МИД Узбекистана не стали комментировать задержания в Перми."),
    ("ru", "statement", False, "Посольство Таджикистана отказалось от комментариев."),
]


@pytest.mark.parametrize(("lang", "subtype", "text"), HITS)
def test_triggers_bank_phrasings_are_found(lang: str, subtype: str, text: str) -> None:
    assert subtype in trigger_subtypes(text, lang)


@pytest.mark.parametrize(("lang", "subtype", "text"), MISSES)
def test_triggers_bank_near_misses_are_not(lang: str, subtype: str, text: str) -> None:
    assert subtype not in trigger_subtypes(text, lang)


@pytest.mark.parametrize(("lang", "subtype", "found", "text"), GUARDS)
def test_triggers_bank_guards_of_the_new_patterns(lang: str, subtype: str, found: bool, text: str) -> None:
    assert (subtype in trigger_subtypes(text, lang)) is found


def test_triggers_bank_concern_alone_is_a_statement_not_a_protest() -> None:
    """Concern voiced with no envoy or side to receive it is a statement (codebook §2)."""
    assert trigger_subtypes("МИД Таджикистана выразил обеспокоенность задержаниями граждан в Перми.", "ru") == {
        "statement", "detention"}
    assert "protest" not in trigger_subtypes("The Uzbek foreign ministry expressed concern over the detentions of its citizens in Tula.", "en")


def test_triggers_bank_negation_written_into_a_pattern_still_counts() -> None:
    """A negation that is a word of the pattern ("will not take place", "не пустили") is the act,
    while one in a gap of the pattern ("закон так и не был принят") denies it."""
    assert "cancellation" in trigger_subtypes("The Week of Uzbek Cinema in Omsk will not take place this year.", "en")
    assert "entry_ban" in trigger_subtypes("Более 200 таджикистанцев не пустили в Россию в аэропорту Пулково.", "ru")
    assert "law" not in trigger_subtypes("Закон о патентах так и не был принят.", "ru")
