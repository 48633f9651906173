"""The web side of intake: a JSON API under ``/api/v1/intake``, the caseworkers' form, the public form.

Include it with ``app.include_router(router)`` in ``serve.create_app``. It uses the app's store
and the auth package's principals (session cookie with CSRF token, or API token). The key
comes from the environment on first use, unless :func:`configure` set one; without a key the
content endpoints answer 503 and the aggregates still work.

- Caseworkers and admins read and write reports (their organisation's; admins all).
- Analysts and the public get 403/401 on every report endpoint, and see only
  ``/api/v1/intake/aggregates`` and ``/api/v1/intake/incidents/{id}/first-hand``.
- ``/report`` is the public form: it asks for no identity, is rate-limited, and what it
  stores waits, unpublished and uncounted, for a caseworker's review.
- A user who enrolled a TOTP second factor must confirm a code once per browser session
  (``POST /api/v1/intake/totp/verify``) before any report content is shown.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Body, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from diaspora_watch.auth.errors import NotAuthenticated
from diaspora_watch.errors import UsageError
from diaspora_watch.intake import corroborate, totp
from diaspora_watch.intake.audit import Actor, entries
from diaspora_watch.intake.crypto import Keyring, load_keyring
from diaspora_watch.intake.errors import AccessDenied, KeyUnavailable, RateLimited
from diaspora_watch.intake.service import CONTENT_ROLES, MAX_ATTACHMENT, Attachment, Intake
from diaspora_watch.serve.ratelimit import SlidingWindow
from diaspora_watch.serve.security import SESSION_COOKIE, principal, require

router = APIRouter()
API = "/api/v1/intake"
PUBLIC_FORM_MAX_BYTES = 64 * 1024
CASEWORKER_FORM_MAX_BYTES = 12 * MAX_ATTACHMENT
EVERYBODY = "*"


def public_limiter(per_client: int = 5, window: float = 600.0, overall: int = 200, overall_window: float = 3600.0,
                   clock: Callable[[], float] = time.monotonic) -> SlidingWindow:
    """The public form's limits: ``per_client`` submissions per ``window`` s from one address, ``overall`` from all.

    The overall window bounds what a crowd of addresses can pile up for caseworkers to review.
    """
    return SlidingWindow(per_client, window, by_key={EVERYBODY: (overall, overall_window)}, clock=clock)


@dataclass
class IntakeWeb:
    """What the intake routes need beyond the app's store: the key, where public reports go, the limiter."""

    keyring: Keyring | None
    public_organisation: str = "public-intake"
    limiter: SlidingWindow = field(default_factory=public_limiter)
    verified_sessions: set[str] = field(default_factory=set)  # session digests that passed TOTP


def configure(app: FastAPI, keyring: Keyring | None = None, **options: Any) -> IntakeWeb:
    """Set the intake key and options on ``app`` (otherwise taken from the environment on first use)."""
    app.state.intake = IntakeWeb(keyring, **options)
    return app.state.intake


def _web(request: Request) -> IntakeWeb:
    web = getattr(request.app.state, "intake", None)
    if web is None:
        try:
            keyring = load_keyring()
        except KeyUnavailable:
            keyring = None
        web = configure(request.app, keyring)
    return web


def _intake(request: Request) -> Intake:
    return Intake(request.app.state.store, _web(request).keyring)


def _session_digest(request: Request) -> str | None:
    sid = request.cookies.get(SESSION_COOKIE)
    return hashlib.sha256(sid.encode()).hexdigest() if sid else None


def _actor(request: Request, csrf: str | None = None, write: bool = False) -> Actor:
    """The caller as an intake actor; writes by browser sessions must carry the CSRF token.

    Analysts get through here on purpose: the service refuses them and audits the refusal.
    """
    user = principal(request)
    if user is None:
        raise NotAuthenticated("log in or send an API token to use intake")
    if user.role in CONTENT_ROLES:
        if write:
            require(request, "intake:read", form_csrf=csrf)
        if user.csrf is not None and _needs_totp(request, user.user_id):
            raise NotAuthenticated(f"confirm your second factor first: POST {API}/totp/verify")
    return Actor.from_principal(user)


def _needs_totp(request: Request, user_id: int) -> bool:
    with request.app.state.store.transaction() as s:
        needed = totp.required(s, user_id)
    return needed and _session_digest(request) not in _web(request).verified_sessions


def _files(items: list[dict[str, Any]]) -> list[Attachment]:
    try:
        return [Attachment(str(a["name"])[:200], base64.b64decode(a["base64"], validate=True),
                           str(a.get("media_type") or "application/octet-stream")) for a in items]
    except (KeyError, TypeError, binascii.Error) as e:
        raise UsageError(f"attachments: each needs 'name' and 'base64' ({e})") from None


# the JSON API ----------------------------------------------------------------------------------

@router.post(f"{API}/reports", tags=["intake"], status_code=201, summary="Add a report (caseworker, admin)")
def add_report(request: Request, body: Annotated[dict[str, Any], Body()]) -> Response:
    """Body: ``{"report": {...}, "attachments": [{"name", "media_type", "base64"}], "organisation": "..." (admin)}``."""
    actor = _actor(request, write=True)
    report = body.get("report")
    if not isinstance(report, dict):
        raise UsageError("report: an object as in shared/intake.md is required")
    org = body.get("organisation") if actor.role == "admin" else None
    report_id = _intake(request).add(actor, report, _files(body.get("attachments") or []), organisation=org)
    return JSONResponse({"ok": True, "id": report_id}, status_code=201)


@router.get(f"{API}/reports", tags=["intake"], summary="Reports of your organisation, without identities")
def list_reports(request: Request) -> Response:
    return JSONResponse({"ok": True, "reports": _intake(request).list(_actor(request))})


@router.get(f"{API}/reports/{{report_id}}", tags=["intake"], summary="One whole report (audited)")
def show_report(request: Request, report_id: str) -> Response:
    return JSONResponse({"ok": True, **_intake(request).show(_actor(request), report_id)})


@router.patch(f"{API}/reports/{{report_id}}", tags=["intake"], summary="Change fields of a report")
def update_report(request: Request, report_id: str, changes: Annotated[dict[str, Any], Body()]) -> Response:
    _intake(request).update(_actor(request, write=True), report_id, changes)
    return JSONResponse({"ok": True, "id": report_id})


@router.post(f"{API}/reports/{{report_id}}/review", tags=["intake"], summary="Accept a public-form report")
def review_report(request: Request, report_id: str) -> Response:
    _intake(request).review(_actor(request, write=True), report_id)
    return JSONResponse({"ok": True, "id": report_id})


@router.get(f"{API}/reports/{{report_id}}/export", tags=["intake"], summary="Everything held in a report, for the person")
def export_report(request: Request, report_id: str) -> Response:
    data = _intake(request).export(_actor(request), report_id)
    return JSONResponse(data, headers={"content-disposition": f'attachment; filename="{report_id}.json"', "cache-control": "no-store"})


@router.get(f"{API}/reports/{{report_id}}/attachments/{{index}}", tags=["intake"], summary="One attached file")
def get_attachment(request: Request, report_id: str, index: int) -> Response:
    att = _intake(request).attachment(_actor(request), report_id, index)
    # always a download, never rendered: an uploaded file is hostile until proven otherwise
    return Response(att.data, media_type="application/octet-stream",
                    headers={"content-disposition": f'attachment; filename="attachment-{index}"', "cache-control": "no-store"})


@router.delete(f"{API}/reports/{{report_id}}", tags=["intake"], summary="Delete a report on request (audit kept)")
def delete_report(request: Request, report_id: str, why: Annotated[str, Query(min_length=3, max_length=300)]) -> Response:
    _intake(request).delete(_actor(request, write=True), report_id, why)
    return JSONResponse({"ok": True, "id": report_id, "deleted": True})


@router.post(f"{API}/reports/{{report_id}}/links", tags=["intake"], summary="Link a report to the incident it corroborates")
def link_report(request: Request, report_id: str, body: Annotated[dict[str, str], Body()]) -> Response:
    corroborate.link(_intake(request), _actor(request, write=True), report_id, body.get("incident", ""))
    return JSONResponse({"ok": True, "id": report_id, "incident": body.get("incident")})


@router.delete(f"{API}/reports/{{report_id}}/links/{{incident_id}}", tags=["intake"], summary="Remove a link")
def unlink_report(request: Request, report_id: str, incident_id: str) -> Response:
    corroborate.unlink(_intake(request), _actor(request, write=True), report_id, incident_id)
    return JSONResponse({"ok": True, "id": report_id})


@router.get(f"{API}/audit", tags=["intake"], summary="The audit log (admin)")
def audit_log(request: Request, report: str | None = None, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> Response:
    actor = _actor(request)
    if actor.role != "admin":
        raise AccessDenied("only an administrator reads the audit log")
    with request.app.state.store.transaction() as s:
        return JSONResponse({"ok": True, "entries": entries(s, report, limit)})


@router.get(f"{API}/aggregates", tags=["intake"], summary="Counts of consented reports; small cells left out")
def aggregates(request: Request) -> Response:
    with request.app.state.store.transaction() as s:
        cells = corroborate.aggregates(s)
    return JSONResponse({"ok": True, "min_cell": corroborate.MIN_CELL, "cells": cells})


@router.get(f"{API}/incidents/{{incident_id}}/first-hand", tags=["intake"], summary="How many first-hand reports back an incident")
def first_hand(request: Request, incident_id: str) -> Response:
    with request.app.state.store.transaction() as s:
        n = corroborate.first_hand_count(s, incident_id)
    return JSONResponse({"ok": True, "incident": incident_id, "first_hand_reports": n})


@router.post(f"{API}/totp/enroll", tags=["intake"], summary="Start TOTP enrolment; returns the otpauth URI once")
def totp_enroll(request: Request) -> Response:
    user = require(request, "intake:read")
    with request.app.state.store.transaction() as s:
        if totp.required(s, user.user_id):
            raise UsageError("a second factor is already enrolled; ask an administrator to reset it")
        uri = totp.enroll(s, _intake(request).keyring, user.user_id, user.username)
    return JSONResponse({"ok": True, "otpauth_uri": uri}, headers={"cache-control": "no-store"})


@router.post(f"{API}/totp/verify", tags=["intake"], summary="Confirm a TOTP code for this session")
def totp_verify(request: Request, body: Annotated[dict[str, str], Body()]) -> Response:
    user = require(request, "intake:read")
    with request.app.state.store.transaction() as s:
        good = totp.verify(s, _intake(request).keyring, user.user_id, str(body.get("code", "")))
    if not good:
        raise NotAuthenticated("wrong or reused code")
    digest = _session_digest(request)
    if digest:
        _web(request).verified_sessions.add(digest)
    return JSONResponse({"ok": True})


# HTML forms ---------------------------------------------------------------------------------------

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(resources.files("diaspora_watch.intake") / "templates")),
    autoescape=True, undefined=jinja2.StrictUndefined,
)


def _page(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    from diaspora_watch.intake.report import subtypes

    values.setdefault("errors", [])
    html = _TEMPLATES.get_template(name).render(subtypes=sorted(subtypes().items(), key=lambda kv: (kv[1], kv[0])), **values)
    return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _too_big(request: Request, cap: int) -> bool:
    try:
        return int(request.headers.get("content-length", "0")) > cap
    except ValueError:
        return True


def _form_report(form: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """A report from form fields: empty ones left out, the type read from the chosen subtype."""
    from diaspora_watch.intake.report import subtypes

    report: dict[str, Any] = {k: str(form.get(k)).strip() for k in fields if str(form.get(k) or "").strip()}
    report["type"] = subtypes().get(report.get("subtype", ""), "")
    for key in ("country", "admin1"):
        if key in report:
            report[key] = report[key].upper()
    return report


PUBLIC_FORM_FIELDS = ("subtype", "date", "country", "admin1", "place", "narrative", "demands", "consent")


@router.get("/report", include_in_schema=False)
def public_form(request: Request) -> Response:
    return _page("public_form.html", errors=[], values={})


@router.post("/report", include_in_schema=False)
async def public_submit(request: Request) -> Response:
    """No login, no identity asked; limited per address and overall; stored for review, never published."""
    web = _web(request)
    if _too_big(request, PUBLIC_FORM_MAX_BYTES):
        return _page("public_form.html", status=413, errors=["the report is too long"], values={})
    wait = web.limiter.hit(f"client:{_client(request)}", EVERYBODY)  # every submission counts, robots' too
    if wait:
        response = _page("public_form.html", status=429, errors=[str(RateLimited(wait))], values={})
        response.headers["retry-after"] = str(wait)
        return response
    form = await request.form(max_files=0, max_fields=20)
    if form.get("website"):  # a field people never see: only robots fill it in
        return _page("thanks.html")
    report = _form_report(form, PUBLIC_FORM_FIELDS)
    try:
        await run_in_threadpool(_intake(request).submit_public, report, web.public_organisation)
    except UsageError as e:
        return _page("public_form.html", status=422, errors=getattr(e, "errors", [str(e)]), values=report)
    return _page("thanks.html")


CASEWORKER_FIELDS = PUBLIC_FORM_FIELDS + ("caseworker_notes",)
PERSON_FIELDS = ("name", "phone", "email", "messenger", "status", "sex")


def _caseworker_report(form: Any) -> dict[str, Any]:
    report = _form_report(form, CASEWORKER_FIELDS)
    person: dict[str, Any] = {k: str(form.get(f"person_{k}")).strip() for k in PERSON_FIELDS if str(form.get(f"person_{k}") or "").strip()}
    if form.get("person_citizenships"):
        person["citizenships"] = [c.strip().upper() for c in str(form.get("person_citizenships")).split(",") if c.strip()]
    if str(form.get("person_birth_year") or "").strip().isdigit():
        person["birth_year"] = int(str(form.get("person_birth_year")))
    if person:
        report["person"] = person
    if form.get("actors"):
        report["actors"] = [a.strip() for a in str(form.get("actors")).split(",") if a.strip()]
    return report


@router.get("/intake/new", include_in_schema=False)
def caseworker_form(request: Request) -> Response:
    user = principal(request)
    if user is None:
        return RedirectResponse("/login?next=/intake/new", status_code=303)
    _actor(request)
    return _page("caseworker_form.html", csrf=user.csrf or "", errors=[], saved=None, values={})


@router.post("/intake/new", include_in_schema=False)
async def caseworker_submit(request: Request) -> Response:
    if _too_big(request, CASEWORKER_FORM_MAX_BYTES):
        raise UsageError("the form is over the size cap (attachments at most 10 MB each)")
    async with request.form(max_files=10, max_fields=40, max_part_size=MAX_ATTACHMENT) as form:
        csrf = str(form.get("csrf") or "")
        actor = _actor(request, csrf=csrf, write=True)
        report = _caseworker_report(form)
        files = [Attachment(f.filename or "file", await f.read(), f.content_type or "application/octet-stream")
                 for f in form.getlist("files") if hasattr(f, "read") and f.filename]
    try:
        report_id = await run_in_threadpool(_intake(request).add, actor, report, files)
    except UsageError as e:
        return _page("caseworker_form.html", status=422, csrf=csrf, errors=getattr(e, "errors", [str(e)]), saved=None, values=report)
    return _page("caseworker_form.html", csrf=csrf, errors=[], saved=report_id, values={})
