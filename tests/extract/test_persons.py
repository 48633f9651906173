from diaspora_watch.extract import persons



def test_persons_russian_names_are_transliterated_in_the_nominative(dev_doc):
    names = {p.name for p in persons.find(dev_doc("d-063").text, "ru")}
    assert "Irina Volk" in names


def test_persons_russian_lone_surname_expands_to_the_full_name(dev_doc):
    names = {p.name for p in persons.find(dev_doc("d-106").text, "ru")}
    assert names == {"Elshan Ibragimov"}


def test_persons_english_names_skip_headlines_and_institutions(dev_doc):
    names = {p.name for p in persons.find(dev_doc("d-016").text, "en")}
    assert {"Igor Kartavykh", "Yevgeny Belousov"} <= names
    assert not any("Ministry" in n or "Sputnik" in n or "Seven" in n for n in names)


def test_persons_translit_table():
    assert persons.translit("Гянджиев") == "Gyandzhiev"
    assert persons.translit("Евгений") == "Yevgeniy"


def test_persons_speakers_are_flagged(dev_doc):
    by = {p.name: p for p in persons.find(dev_doc("d-091").text, "en")}
    assert by["Valentina Chupik"].speaker


def test_persons_russian_ner_reads_only_the_given_spans(dev_doc):
    text = dev_doc("d-063").text
    at = text.index("Ирина Волк")
    assert persons.find(text, "ru", [(0, 10)]) == []
    found = persons.find(text, "ru", [(max(0, at - 50), at + 20)])
    assert [p.name for p in found] == ["Irina Volk"]
