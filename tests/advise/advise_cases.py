"""Persona cases for the advisor tests, read from YAML (imported by the test modules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
PERSONA_KEYS = {"name", "as_of", "lang", "profile", "expect", "overrides", "categories", "absent", "exempt", "levels",
                "proposals", "not_ids", "risk_count", "contacts_phone", "summary_contains"}


def personas() -> list[dict[str, Any]]:
    """Every persona case, with the file it came from."""
    out = []
    for path in sorted((HERE / "personas").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append({**case, "_file": path.name})
    return out
