"""English and Russian interface: Babel catalogues compiled when first used, and the locale of a request.

The ``.po`` files under ``locale/`` are the source; they are compiled in memory (no ``.mo``
files to keep in step), once per process.
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import io
from importlib import resources

from babel import Locale, negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = ("en", "ru")
DEFAULT = "en"
_current: contextvars.ContextVar[str] = contextvars.ContextVar("dw_locale", default=DEFAULT)


@functools.cache
def translations(locale: str) -> gettext.GNUTranslations:
    """The compiled catalogue of ``locale`` (``messages.po`` under ``locale/<lang>/LC_MESSAGES``)."""
    po = resources.files("diaspora_watch.serve") / "locale" / locale / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def choose(requested: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The interface language: an explicit ``?lang=``, then the cookie, then the browser's list.

    Examples:
        >>> choose(None, None, "ru-RU,ru;q=0.9,en;q=0.8"), choose("en", "ru", "ru"), choose(None, "xx", None)
        ('ru', 'en', 'en')
    """
    for value in (requested, cookie):
        if value in LOCALES:
            return value
    if accept_language:
        wanted = [part.split(";")[0].strip().replace("-", "_") for part in accept_language.split(",")]
        found = negotiate_locale(wanted, list(LOCALES), sep="_") or negotiate_locale([w.split("_")[0] for w in wanted], list(LOCALES))
        if found:
            return found
    return DEFAULT


def activate(locale: str) -> contextvars.Token[str]:
    return _current.set(locale)


def current() -> str:
    return _current.get()


def gettext_(message: str) -> str:
    return translations(_current.get()).gettext(message)


def ngettext_(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def language_name(locale: str) -> str:
    """The language's own name, for the switch: 'English', 'русский'."""
    return Locale.parse(locale).get_display_name(locale) or locale
