"""Roles and what each may do. Reading is public; every write names the permission it needs."""

from __future__ import annotations

ROLES = ("admin", "caseworker", "analyst", "public")

#: permission -> roles holding it. ``intake:*`` is reserved for the first-hand reports issue.
PERMISSIONS: dict[str, frozenset[str]] = {
    "ingest": frozenset({"admin", "analyst"}),
    "incidents:edit": frozenset({"admin", "analyst"}),
    "users:manage": frozenset({"admin"}),
    "intake:read": frozenset({"admin", "caseworker"}),
}


def allowed(role: str, permission: str) -> bool:
    """Whether ``role`` holds ``permission``; unknown permissions are held by nobody.

    Examples:
        >>> allowed("analyst", "ingest"), allowed("public", "ingest"), allowed("admin", "nope")
        (True, False, False)
    """
    return role in PERMISSIONS.get(permission, frozenset())
