from diaspora_watch.extract.components import registered
import pytest

from diaspora_watch.extract.lexicon import load

MINE = [(n, lang) for n in ("triggers", "hedges", "dates", "counts", "status", "persons", "locate") for lang in ("en", "ru")]


@pytest.mark.parametrize("name,lang", MINE + [("translit", "ru"), ("subtypes", "common"), ("locate", "common")])
def test_lexicons_shipped_extractor_lexicons_pass_their_schemas(name, lang):
    assert load.__wrapped__(name, lang)


def test_lexicons_components_are_registered_by_versioned_name():
    names = set(registered())
    for n in ("sentences", "triggers", "dates", "counts", "status", "certainty", "persons", "claims", "merge", "events"):
        assert f"dw.extract.{n}.v1" in names
