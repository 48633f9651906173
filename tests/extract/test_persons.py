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
