"""``diaspora-watch users``: accounts for the people who may change things through the web."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from diaspora_watch.cli._common import DbOption, JsonOption, errors, open_store, out

users_app = typer.Typer(help="Manage users and API tokens (reading the dashboard needs neither).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")


@users_app.command("add")
def add_cli(
    username: Annotated[str, typer.Argument(help="Login name, e.g. amina.")],
    role: Annotated[str, typer.Option("--role", help="admin, caseworker, analyst or public.")] = "analyst",
    organisation: Annotated[str, typer.Option("--organisation", help="The user's organisation, e.g. 'Memorial'.")] = "",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard input.")] = False,
    db: DbOption = None,
) -> None:
    """Add a user; asks for the password unless --password-stdin is given.

    Example: echo 'a long passphrase' | diaspora-watch users add amina --role analyst --password-stdin
    """
    from diaspora_watch.auth import service

    password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with errors(), open_store(db) as store:
        user = service.add_user(store, username, password, role, organisation)
    out.print(f"user {user.username} added ({user.role})")


@users_app.command("list")
def list_cli(as_json: JsonOption = False, db: DbOption = None) -> None:
    """List users with their roles and organisations.

    Example: diaspora-watch users list --json
    """
    import json

    from diaspora_watch.auth import service

    with errors(), open_store(db) as store:
        rows = service.users(store)
    if as_json:
        out.print_json(json.dumps([{"username": u.username, "role": u.role, "organisation": u.organisation} for u in rows]))
        return
    for u in rows:
        out.print(f"{u.username}\t{u.role}\t{u.organisation}")


@users_app.command("token")
def token_cli(
    username: Annotated[str, typer.Argument(help="Whose token it is.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for, e.g. 'nightly ingest'.")] = "",
    days: Annotated[int, typer.Option("--days", help="Expire after this many days; 0 = never.")] = 0,
    db: DbOption = None,
) -> None:
    """Issue an API token (printed once; send it as 'Authorization: Bearer TOKEN').

    Example: diaspora-watch users token amina --name "nightly ingest" --days 90
    """
    from datetime import timedelta

    from diaspora_watch.auth import service

    with errors(), open_store(db) as store:
        token = service.new_token(store, username, name, timedelta(days=days) if days > 0 else None)
    out.print(token, soft_wrap=True)
