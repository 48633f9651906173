"""``diaspora-watch users``: add, list, token."""

from __future__ import annotations

from typer.testing import CliRunner

from diaspora_watch.auth import service
from diaspora_watch.cli import app
from diaspora_watch.store import Store


def test_users_cli_add_list_token(sqlite_url):
    run = CliRunner()
    r = run.invoke(app, ["users", "add", "amina", "--role", "admin", "--organisation", "Memorial", "--password-stdin", "--db", sqlite_url],
                   input="a long passphrase\n")
    assert r.exit_code == 0, r.output
    r = run.invoke(app, ["users", "list", "--json", "--db", sqlite_url])
    assert '"username": "amina"' in r.output and '"organisation": "Memorial"' in r.output
    r = run.invoke(app, ["users", "token", "amina", "--name", "ci", "--db", sqlite_url])
    token = r.output.strip()
    with Store.open(sqlite_url) as store:
        assert service.token_user(store, token).role == "admin"


def test_users_cli_refuses_short_password_with_exit_2(sqlite_url):
    r = CliRunner().invoke(app, ["users", "add", "bob", "--password-stdin", "--db", sqlite_url], input="short\n")
    assert r.exit_code == 2 and "at least" in r.output
