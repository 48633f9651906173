"""Language identification with lingua, restricted to the languages the corridor's news is in."""

from __future__ import annotations

from functools import cache

#: ISO 639-1 codes lingua is asked to choose among. Others come back as the closest of these,
#: so a text whose best guess is unsure is marked "und" rather than mislabelled.
LANGUAGES = ("en", "ru", "az", "uk", "tr", "kk", "uz", "ky", "tg")
MIN_CONFIDENCE = 0.5


@cache
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES if hasattr(IsoCode639_1, c.upper())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when unsure.

    >>> detect("Police detained dozens of migrants at a market in Moscow on Tuesday.")
    'en'
    >>> detect("Полиция задержала десятки мигрантов на рынке в Москве во вторник.")
    'ru'
    """
    sample = text[:4000]
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return "und"
    return values[0].language.iso_code_639_1.name.lower()
