"""Everything that writes or logs in: login/logout, ingest a URL, and the admin page.

Writes need a principal with the permission (``security.require``); browser forms carry the
session's CSRF token, the login form a double-submit token of its own.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from diaspora_watch.auth import service
from diaspora_watch.auth.errors import Forbidden, TooManyAttempts
from diaspora_watch.serve.app import pages_context
from diaspora_watch.serve.security import SESSION_COOKIE, principal, require

router = APIRouter()
LOGIN_CSRF_COOKIE = "dw_login_csrf"


class IngestRequest(BaseModel):
    url: str = Field(min_length=8, max_length=2000, description="An article URL (http or https) to fetch, extract and store.")


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect would let a phishing link borrow our name."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str | None = None) -> Response:
    token = secrets.token_urlsafe(24)
    response = request.app.state.templates.TemplateResponse(
        request, "login.html", pages_context(request, login_csrf=token, next=_safe_next(next), failed=False))
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=request.app.state.settings.secure_cookies)
    return response


@router.post("/login", include_in_schema=False)
def login(request: Request, username: Annotated[str, Form(max_length=120)], password: Annotated[str, Form(max_length=1000)],
          csrf: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), csrf.encode()):
        raise Forbidden("the login form expired; reload it and try again")
    app = request.app.state
    keys = (f"ip:{request.client.host if request.client else '?'}", f"user:{username.lower()}")
    wait = app.limiter.wait(*keys)
    if wait:
        raise TooManyAttempts(wait)
    user = service.authenticate(app.store, username, password)
    if user is None:
        app.limiter.hit(*keys)  # only failures count
        token = secrets.token_urlsafe(24)
        response = app.templates.TemplateResponse(
            request, "login.html", pages_context(request, login_csrf=token, next=_safe_next(next), failed=True), status_code=401)
        response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=app.settings.secure_cookies)
        return response
    app.limiter.reset(*keys)
    sid, _ = service.start_session(app.store, user, app.settings.session_ttl)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="lax", secure=app.settings.secure_cookies,
                        max_age=int(app.settings.session_ttl.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, csrf: Annotated[str, Form()]) -> Response:
    user = principal(request)
    if user is not None and user.csrf and hmac.compare_digest(user.csrf.encode(), csrf.encode()):
        service.end_session(request.app.state.store, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/admin", include_in_schema=False)
def admin_page(request: Request) -> Response:
    user = principal(request)
    if user is None:
        return RedirectResponse("/login?next=/admin", status_code=303)
    return request.app.state.templates.TemplateResponse(request, "admin.html", pages_context(request, report=None))


async def _ingest(request: Request, url: str) -> dict[str, Any]:
    from diaspora_watch.ingest import ingest

    report = await run_in_threadpool(ingest, [url], request.app.state.store)
    return report.as_dict()


@router.post("/api/v1/ingest", tags=["write"], summary="Fetch, extract and store one article URL (needs 'ingest')")
async def ingest_api(request: Request, body: IngestRequest) -> Response:
    require(request, "ingest")
    return JSONResponse({"ok": True, "report": await _ingest(request, body.url)})


@router.post("/admin/ingest", include_in_schema=False)
async def ingest_form(request: Request, url: Annotated[str, Form(min_length=8, max_length=2000)], csrf: Annotated[str, Form()]) -> Response:
    require(request, "ingest", form_csrf=csrf)
    report = await _ingest(request, url)
    return request.app.state.templates.TemplateResponse(request, "admin.html", pages_context(request, report=report))
