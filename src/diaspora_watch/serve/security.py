"""Security headers, ETags and who is asking (session cookie or API token), with CSRF checks.

Reading is public. A write needs a principal holding the permission; a browser session must
also send the session's CSRF token (form field ``csrf`` or header ``X-CSRF-Token``), while a
bearer token needs none (browsers never attach it by themselves).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diaspora_watch.auth import service
from diaspora_watch.auth.errors import Forbidden, NotAuthenticated
from diaspora_watch.auth.service import Principal

SESSION_COOKIE = "dw_session"
DOCS_PATHS = ("/docs", "/redoc")  # Swagger UI and ReDoc start themselves with an inline script


def content_security_policy(tile_url: str | None, *, docs: bool = False) -> str:
    """A strict policy: only this origin's scripts and styles, no inline script, no framing.

    Examples:
        >>> "script-src 'self';" in content_security_policy(None)
        True
        >>> "img-src 'self' data: https://tiles.example.org;" in content_security_policy("https://tiles.example.org/{z}/{x}/{y}.png")
        True
    """
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "SUBDOMAIN"))  # Leaflet's {s} becomes a CSP wildcard
        img += f" {parts.scheme}://{parts.netloc.replace('SUBDOMAIN', '*')}"
    script = "'self' 'unsafe-inline'" if docs else "'self'"
    style = "'self' 'unsafe-inline'" if docs else "'self'"
    return (f"default-src 'self'; script-src {script}; style-src {style}; img-src {img}; connect-src 'self'; "
            "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response."""

    def __init__(self, app: ASGIApp, tile_url: str | None) -> None:
        self.app = app
        self.strict = content_security_policy(tile_url).encode()
        self.docs = content_security_policy(tile_url, docs=True).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.docs if scope["path"] in DOCS_PATHS else self.strict

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp), (b"x-frame-options", b"DENY"),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                            (b"cross-origin-opener-policy", b"same-origin")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_etag(request: Request, response: Response) -> Response:
    """Tag a read response with a strong ETag of its body; answer 304 when the client has it."""
    body = bytes(response.body)
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"etag": tag, "cache-control": "no-cache"})
    response.headers["etag"] = tag
    response.headers["cache-control"] = "no-cache"  # revalidate every time: data changes as documents arrive
    return response


def principal(request: Request) -> Principal | None:
    """The user behind a bearer token or a session cookie, or None for the public."""
    store = request.app.state.store
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user = service.token_user(store, auth[7:].strip())
        if user is None:
            raise NotAuthenticated("the API token is unknown, expired or revoked")
        return user
    sid = request.cookies.get(SESSION_COOKIE)
    return service.session_user(store, sid) if sid else None


def require(request: Request, permission: str, form_csrf: str | None = None) -> Principal:
    """The principal allowed to do ``permission``; a session must also prove the request came from our form."""
    user = principal(request)
    if user is None:
        raise NotAuthenticated("log in or send an API token ('Authorization: Bearer dw_...') to do this")
    if user.csrf is not None:
        sent = form_csrf or request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(sent.encode(), user.csrf.encode()):
            raise Forbidden("the form's CSRF token is missing or stale; reload the page and try again")
    if not user.can(permission):
        raise Forbidden(f"the role {user.role!r} may not do {permission!r}")
    return user
