"""Fixtures for intake: a key, a store, an intake service, and a report full of identities to hunt for."""

from __future__ import annotations

import pytest

import diaspora_watch.intake.models  # noqa: F401 - registers the intake tables on Base
from diaspora_watch.intake import Actor, Intake, Keyring
from diaspora_watch.intake.crypto import generate_key, parse_keys
from diaspora_watch.store import Store

NAME_RU = "Гасанов Эльчин Рауфович"
NAME_EN = "Elchin Hasanov"
PHONE = "+7 912 345-67-89"
EMAIL = "elchin.hasanov@example.org"
NARRATIVE = "The foreman at the warehouse said sign the contract or lose the patent"
NOTES = "Called back on Tuesday, lawyer Zarina takes the case"
ATTACHMENT = b"SUMMONS-PHOTO-BYTES-0xDEADBEEF"
#: every string that must never be found in clear in the database or its copies
SECRETS = [NAME_RU, NAME_EN, PHONE, "9123456789", EMAIL, NARRATIVE, NOTES, "Verkhnyaya Pyshma", "2025-03-14"]

ADMIN = Actor("cli:test", "admin", "")
CASEWORKER = Actor("anna", "caseworker", "legal-aid-ekb")
OTHER_CASEWORKER = Actor("boris", "caseworker", "another-org")
ANALYST = Actor("alex", "analyst", "legal-aid-ekb")


def sample_report(**changes) -> dict:
    report = {
        "type": "recruitment", "subtype": "coercion", "date": "2025-03-14", "country": "RU", "admin1": "RU-SVE",
        "place": "Verkhnyaya Pyshma",
        "person": {"name": f"{NAME_RU} ({NAME_EN})", "phone": PHONE, "email": EMAIL, "messenger": "@elchin_h",
                   "citizenships": ["AZ", "RU"], "status": "naturalized", "sex": "male", "birth_year": 1991},
        "actors": ["RU:MOD", "the warehouse foreman"],
        "narrative": NARRATIVE, "demands": "sign a one-year contract", "attachments": [],
        "consent": "aggregate", "caseworker_notes": NOTES,
    }
    report.update(changes)
    return report


def new_keyring() -> Keyring:
    return Keyring.from_keys(parse_keys(generate_key(), "test key"))


@pytest.fixture
def keyring() -> Keyring:
    return new_keyring()


@pytest.fixture
def store(sqlite_url):
    with Store.open(sqlite_url) as s:
        yield s


@pytest.fixture
def intake(store, keyring) -> Intake:
    return Intake(store, keyring)
