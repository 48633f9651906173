from diaspora_watch.extract.sentences import split



def test_sentences_offsets_copy_the_text_exactly(dev_doc):
    d = dev_doc("d-016")
    for s in split(d.text):
        assert d.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_sentences_split_after_closing_quote_without_space(dev_doc):
    texts = [s.text for s in split(dev_doc("d-016").text)]
    assert any(t.startswith("Rossiya Segodnya is deeply concerned") for t in texts)
    assert not any("Baku.\"Rossiya" in t for t in texts)


def test_sentences_keep_initials_together(dev_doc):
    texts = [s.text for s in split(dev_doc("d-068").text)]
    assert any("identified as T.R., to four years" in t for t in texts)
