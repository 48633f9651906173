"""First-hand reports of pressure, recorded by caseworkers and sealed at rest (project issue 7).

Read ``service`` first (who may do what, and the audit), then ``crypto`` (how content is
sealed and where the key lives) and ``report`` (the JSON and what stays in clear).
"""

from diaspora_watch.intake.audit import Actor
from diaspora_watch.intake.corroborate import aggregates, first_hand_count, link, unlink
from diaspora_watch.intake.crypto import Keyring, load_keyring
from diaspora_watch.intake.errors import AccessDenied, KeyUnavailable, RateLimited, ReportInvalid, ReportNotFound, SealBroken
from diaspora_watch.intake.rotate import rotate
from diaspora_watch.intake.service import Attachment, Intake, read_attachments

__all__ = [
    "AccessDenied", "Actor", "Attachment", "Intake", "KeyUnavailable", "Keyring", "RateLimited", "ReportInvalid",
    "ReportNotFound", "SealBroken", "aggregates", "first_hand_count", "link", "load_keyring", "read_attachments",
    "rotate", "unlink",
]
