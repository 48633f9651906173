"""``diaspora-watch intake``: first-hand reports, for the local administrator.

The key comes from ``--key-file``, ``$DIASPORA_WATCH_INTAKE_KEY_FILE`` or
``$DIASPORA_WATCH_INTAKE_KEY``, never from the database. Every command that touches a report is
written to the audit log under ``cli:<login name>``.
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from diaspora_watch.cli._common import DbOption, JsonOption, err, errors, open_store, out
from diaspora_watch.errors import UsageError

KeyFileOption = Annotated[
    Path | None,
    typer.Option("--key-file", help="File holding the intake key (chmod 600). Default: $DIASPORA_WATCH_INTAKE_KEY_FILE, "
                 "else the key itself in $DIASPORA_WATCH_INTAKE_KEY.", show_default=False),
]
OrgOption = Annotated[str, typer.Option("--org", envvar="DIASPORA_WATCH_INTAKE_ORG", help="Organisation the report belongs to.")]
IdArgument = Annotated[str, typer.Argument(help="Report id, as `intake list` shows it (e.g. r-3fa9c0d1e2b4).")]

intake_app = typer.Typer(help="First-hand reports, sealed at rest: add, list, show, export, delete, rotate the key.",
                         no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(intake_app, name="intake")


def _admin(org: str = "") -> Any:
    from diaspora_watch.intake import Actor

    return Actor(f"cli:{getpass.getuser()}", "admin", org)


def _intake(store: Any, key_file: Path | None, need_key: bool = True) -> Any:
    from diaspora_watch.intake import Intake, load_keyring

    return Intake(store, load_keyring(key_file) if need_key else None)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@intake_app.command("keygen")
def keygen_cli(path: Annotated[Path, typer.Argument(help="New key file to create (never overwritten).")]) -> None:
    """Create a new intake key file, readable by its owner only. Keep it outside the database and its backups.

    Example: diaspora-watch intake keygen /etc/diaspora-watch/intake.key
    """
    from diaspora_watch.intake.crypto import write_key_file

    with errors():
        kid = write_key_file(path)
    err.print(f"key {kid} written to {path}")


@intake_app.command("add")
def add_cli(
    file: Annotated[Path, typer.Option("--file", "-f", help="Report JSON (see shared/intake.md); attachments relative to it.")],
    org: OrgOption = "local", db: DbOption = None, key_file: KeyFileOption = None,
) -> None:
    """Add a report from a JSON file; prints its id.

    Example: diaspora-watch intake add --file report.json --org legal-aid-ekb
    """
    from diaspora_watch.intake import read_attachments

    with errors():
        try:
            report = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise UsageError(f"{file}: cannot read the report JSON ({e})") from None
        attachments = read_attachments(list(report.get("attachments") or []) if isinstance(report, dict) else [], file.parent)
        with open_store(db) as store:
            report_id = _intake(store, key_file).add(_admin(org), report, attachments, organisation=org, source="cli")
    out.print(report_id)


@intake_app.command("list")
def list_cli(
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation's reports.")] = None,
    db: DbOption = None, key_file: KeyFileOption = None, as_json: JsonOption = False,
) -> None:
    """List reports (no names or contacts), newest first.

    Example: diaspora-watch intake list --org legal-aid-ekb
    """
    with errors(), open_store(db) as store:
        rows = _intake(store, key_file).list(_admin(), organisation=org)
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "created", "organisation", "state", "consent", "subtype", "date", "country", "files")
    for r in rows:
        table.add_row(r["id"], r["created"][:16], r["organisation"], r["state"], r["consent"], r["subtype"],
                      r["date"] or "", r["country"] or "", str(r["attachments"]))
    out.print(table)


@intake_app.command("show")
def show_cli(report_id: IdArgument, db: DbOption = None, key_file: KeyFileOption = None) -> None:
    """Print one whole report as JSON (this read is audited).

    Example: diaspora-watch intake show r-3fa9c0d1e2b4
    """
    with errors(), open_store(db) as store:
        _print_json(_intake(store, key_file).show(_admin(), report_id))


@intake_app.command("export")
def export_cli(
    report_id: IdArgument,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this new file (mode 600) instead of stdout.")] = None,
    db: DbOption = None, key_file: KeyFileOption = None,
) -> None:
    """Export everything held in a report, attachments and its audit trail included, for the person's request.

    Example: diaspora-watch intake export r-3fa9c0d1e2b4 -o request-2025-03.json
    """
    with errors(), open_store(db) as store:
        data = json.dumps(_intake(store, key_file).export(_admin(), report_id), ensure_ascii=False, indent=2)
        if output is None:
            typer.echo(data)
            return
        try:
            fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as e:
            raise UsageError(f"{output}: cannot create ({e.strerror}); an export never overwrites a file") from None
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
    err.print(f"report {report_id} exported to {output}")


@intake_app.command("delete")
def delete_cli(
    report_id: IdArgument,
    why: Annotated[str, typer.Option("--why", help="Reason, kept in the audit log: no names or contacts.")],
    db: DbOption = None, key_file: KeyFileOption = None,
) -> None:
    """Delete a report with its attachments and links; the audit log keeps that it existed and why it went.

    Example: diaspora-watch intake delete r-3fa9c0d1e2b4 --why "person's request by phone, 2025-03-02"
    """
    with errors(), open_store(db) as store:
        _intake(store, key_file).delete(_admin(), report_id, why)
    err.print(f"report {report_id} deleted")


@intake_app.command("review")
def review_cli(report_id: IdArgument, db: DbOption = None, key_file: KeyFileOption = None) -> None:
    """Accept a report from the public form; until then it counts in no aggregate or incident.

    Example: diaspora-watch intake review r-3fa9c0d1e2b4
    """
    with errors(), open_store(db) as store:
        _intake(store, key_file).review(_admin(), report_id)


@intake_app.command("link")
def link_cli(
    report_id: IdArgument,
    incident: Annotated[str, typer.Argument(help="Incident id (same subtype, country and time).")],
    remove: Annotated[bool, typer.Option("--remove", help="Remove the link instead.")] = False,
    db: DbOption = None, key_file: KeyFileOption = None,
) -> None:
    """Link a report to the public incident it corroborates (or unlink it with --remove).

    Example: diaspora-watch intake link r-3fa9c0d1e2b4 ru-coercion-2025-03-sve
    """
    from diaspora_watch.intake import link, unlink

    with errors(), open_store(db) as store:
        (unlink if remove else link)(_intake(store, key_file), _admin(), report_id, incident)


@intake_app.command("rotate-key")
def rotate_key_cli(
    new_key_file: Annotated[Path, typer.Option("--new-key-file", help="The new key (make it with `intake keygen`).")],
    db: DbOption = None, key_file: KeyFileOption = None,
) -> None:
    """Re-encrypt every report, attachment and TOTP secret under a new key, all at once or not at all.

    Then point --key-file or $DIASPORA_WATCH_INTAKE_KEY_FILE at the new key. Keep the old key offline
    for as long as you keep backups taken before the rotation: they need it.

    Example: diaspora-watch intake rotate-key --key-file old.key --new-key-file new.key
    """
    from diaspora_watch.intake import load_keyring, rotate
    from diaspora_watch.intake.crypto import Keyring, read_key_file

    with errors():
        old = load_keyring(key_file)
        new = Keyring.from_keys(read_key_file(new_key_file)[:1])
        with open_store(db) as store:
            counts = rotate(store, _admin(), old, new)
    err.print(f"re-sealed under key {new.current}: {counts['reports']} reports, {counts['attachments']} attachments, "
              f"{counts['totp']} TOTP secrets. Use {new_key_file} from now on.")


@intake_app.command("audit")
def audit_cli(
    report_id: Annotated[str | None, typer.Option("--report", help="Only this report's entries.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many, newest first.")] = 100,
    db: DbOption = None, as_json: JsonOption = False,
) -> None:
    """Show the audit log: who read or changed which report, when, allowed or refused. Needs no key.

    Example: diaspora-watch intake audit --report r-3fa9c0d1e2b4
    """
    from diaspora_watch.intake.audit import entries

    with errors(), open_store(db) as store, store.transaction() as s:
        rows = entries(s, report_id, limit)
    if as_json:
        _print_json(rows)
        return
    table = Table("at", "actor", "role", "action", "report", "outcome", "detail")
    for r in rows:
        table.add_row(r["at"][:19], r["actor"], r["role"], r["action"], r["report_id"] or "", r["outcome"],
                      json.dumps(r["detail"], ensure_ascii=False))
    out.print(table)
