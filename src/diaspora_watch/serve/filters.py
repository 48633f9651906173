"""The filter set every list, chart, map and export of the web shares, read from a query string.

Invalid values are refused with a message naming the parameter, in the one error shape.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from diaspora_watch.errors import UsageError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_WORD = re.compile(r"^[a-z_]{1,32}$")


@dataclass(frozen=True)
class Filters:
    """Type, subtype, country, region (ISO 3166-2), group, status, date range and free text."""

    type: str | None = None
    subtype: str | None = None
    country: str | None = None
    admin1: str | None = None
    group: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None

    @classmethod
    def from_query(cls, params: Any) -> Filters:
        """Read filters from a mapping of query parameters; empty values mean "any"."""
        values = {f.name: (str(params.get(f.name) or "").strip() or None) for f in fields(cls)}
        for name in ("type", "subtype", "status"):
            if values[name] and not _WORD.match(values[name]):
                raise UsageError(f"{name}: {values[name]!r} is not a code such as 'detention'")
        for name in ("country", "admin1", "group"):
            if values[name]:
                values[name] = values[name].upper()
                if not _CODE.match(values[name]):
                    raise UsageError(f"{name}: {values[name]!r} is not an ISO code such as 'RU' or 'RU-SVE'")
        for name in ("date_from", "date_to"):
            if values[name] and not _DATE.match(values[name]):
                raise UsageError(f"{name}: {values[name]!r} is not a date such as 2025-06-27")
        if values["q"] and len(values["q"]) > 200:
            raise UsageError("q: the search text is longer than 200 characters")
        return cls(**values)

    def as_dict(self) -> dict[str, str]:
        """The filters that are set, for query strings and for the exporters."""
        return {k: v for k, v in asdict(self).items() if v}
