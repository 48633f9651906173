"""Key rotation: re-seal every report, attachment and TOTP secret under a new key, in one transaction.

Either every sealed value moves to the new key or none does. Afterwards the old key is only
needed for backups taken before the rotation: keep it (offline) as long as those backups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from diaspora_watch.errors import UsageError
from diaspora_watch.intake import audit
from diaspora_watch.intake.audit import Actor
from diaspora_watch.intake.crypto import Keyring
from diaspora_watch.intake.models import AttachmentRow, ReportRow, TotpRow
from diaspora_watch.intake.service import attachment_context, payload_context
from diaspora_watch.intake.totp import totp_context

if TYPE_CHECKING:  # the store package imports intake's tables; no import cycle at run time
    from diaspora_watch.store import Store


def rotate(store: Store, actor: Actor, old: Keyring, new: Keyring) -> dict[str, int]:
    """Re-seal everything from ``old`` to ``new.current``; returns how many values of each kind moved."""
    if actor.role != "admin":
        raise UsageError("only an administrator rotates the intake key")
    if new.current in old.keys and old.current == new.current:
        raise UsageError(f"the new key is the current key ({new.current}); make one with `intake keygen FILE`")
    counts = {"reports": 0, "attachments": 0, "totp": 0}
    with store.transaction() as s:
        tables = (
            ("reports", ReportRow, lambda r: payload_context(r.id)),
            ("attachments", AttachmentRow, lambda r: attachment_context(r.report_id, r.id)),
            ("totp", TotpRow, lambda r: totp_context(r.user_id)),
        )
        for kind, model, context in tables:
            for row in s.scalars(select(model)):
                row.sealed = new.seal(old.open(row.sealed, context(row)), context(row))
                row.key_id = new.current
                counts[kind] += 1
        audit.record(s, actor, "rotate_key", None, old=old.current, new=new.current, **counts)
    return counts
