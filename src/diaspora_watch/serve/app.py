"""The web application: dashboard pages, the JSON API under ``/api/v1``, and the one error handler.

Every error, from the core, from validation or from routing, becomes one shape:
``{"ok": false, "error": "...", "errors": [...], "status": N}`` for the API, and the same
message in the error page for a browser.
"""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from diaspora_watch import __version__
from diaspora_watch.auth.errors import TooManyAttempts
from diaspora_watch.errors import DwError
from diaspora_watch.serve import i18n
from diaspora_watch.serve.cache import VersionedCache
from diaspora_watch.serve.ratelimit import SlidingWindow
from diaspora_watch.serve.security import SecurityHeaders
from diaspora_watch.serve.settings import Settings
from diaspora_watch.store import Store

PACKAGE = resources.files("diaspora_watch.serve")
LANG_COOKIE = "dw_lang"


def error_body(message: str, status: int, errors: list[str] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


def create_app(store_url: str, *, settings: Settings | None = None) -> FastAPI:
    """Build the application over the database at ``store_url`` (migrated on open)."""
    from diaspora_watch.intake import web as intake_web
    from diaspora_watch.serve import actions, advice, api, corrections, pages

    settings = settings or Settings()
    app = FastAPIOffline(
        title="diaspora-watch", version=__version__, openapi_url="/api/v1/openapi.json",
        description="Incidents of legal pressure on diaspora and migrant communities, with their sources. "
        "Reading is public; writes need a login session (with CSRF token) or an API token.",
    )
    app.state.store = Store.open(store_url)
    app.state.settings = settings
    app.state.limiter = SlidingWindow(settings.login_limit, settings.login_window_s)  # failed logins per address and user
    app.state.templates = _templates()
    app.state.cache = VersionedCache()  # counts and facets, until the data version moves
    app.add_middleware(SecurityHeaders, tile_url=settings.tile_url)
    app.middleware("http")(_locale)
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(actions.router)
    app.include_router(corrections.router)
    app.include_router(advice.router)
    app.include_router(intake_web.router)
    app.include_router(pages.router)
    app.add_exception_handler(DwError, _handle)
    app.add_exception_handler(RequestValidationError, _handle)
    app.add_exception_handler(StarletteHTTPException, _handle)
    app.router.on_shutdown.append(app.state.store.close)
    return app


def web_url(url: str | None) -> str:
    """The URL if it is http(s), else "": a stored ``javascript:`` URL must never become a link.

    Examples:
        >>> web_url("https://example.org/a"), web_url("javascript:alert(1)"), web_url(None)
        ('https://example.org/a', '', '')
    """
    return url if url and url.split(":", 1)[0].lower() in ("http", "https") else ""


def from_env() -> FastAPI:
    """The app over ``$DIASPORA_WATCH_DB``, for ``uvicorn --factory diaspora_watch.serve.app:from_env`` (workers, benchmarks)."""
    import os

    return create_app(os.environ.get("DIASPORA_WATCH_DB") or "sqlite:///diaspora-watch.db")


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,  # every page, every value: article text is hostile until proven otherwise
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_callables(i18n.gettext_, i18n.ngettext_, newstyle=True)  # type: ignore[attr-defined]
    # newstyle _() marks its result safe (it trusts the catalogue); a value from the database is
    # translated with this filter instead, whose plain-str result is escaped like any other value
    env.filters["label"] = i18n.gettext_
    env.filters["web_url"] = web_url
    return Jinja2Templates(env=env)


async def _locale(request: Request, call_next: Any) -> Response:
    """Pick the interface language for this request; an explicit ``?lang=`` is remembered in a cookie."""
    asked = request.query_params.get("lang")
    locale = i18n.choose(asked, request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
    token = i18n.activate(locale)
    request.state.locale = locale
    try:
        response: Response = await call_next(request)
    finally:
        i18n._current.reset(token)
    if asked in i18n.LOCALES:
        response.set_cookie(LANG_COOKIE, locale, max_age=365 * 86400, samesite="lax", httponly=True)
    response.headers.setdefault("content-language", locale)
    response.headers["vary"] = "Accept-Language, Cookie"
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


async def _handle(request: Request, exc: Exception) -> Response:
    """The one error handler: domain errors carry their status; validation is 400; routing keeps its own."""
    headers: dict[str, str] = {}
    if isinstance(exc, RequestValidationError):
        status = 400
        errors = [f"{'/'.join(str(p) for p in e['loc'] if p not in ('query', 'body', 'path'))}: {e['msg']}" for e in exc.errors()]
        message = errors[0] if errors else "invalid request"
    elif isinstance(exc, StarletteHTTPException):
        status, message, errors = exc.status_code, str(exc.detail), [str(exc.detail)]
    else:
        assert isinstance(exc, DwError)
        status, message, errors = getattr(exc, "status", 500), str(exc), [str(exc)]
        if isinstance(exc, TooManyAttempts):
            headers["retry-after"] = str(exc.retry_after)
    if _wants_json(request):
        return JSONResponse(error_body(message, status, errors), status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", pages_context(request, error=error_body(message, status, errors)),
                                      status_code=status, headers=headers)


def pages_context(request: Request, **values: Any) -> dict[str, Any]:
    """What every page template gets: the locale, the user, the language switch."""
    from diaspora_watch.serve.security import principal

    try:
        user = principal(request)
    except DwError:
        user = None
    locale = getattr(request.state, "locale", i18n.DEFAULT)
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("lang", "cursor")]
    switch = [(code, i18n.language_name(code), f"{request.url.path}?{urlencode([*params, ('lang', code)])}") for code in i18n.LOCALES]
    return {"locale": locale, "user": user, "switch": switch, "settings": request.app.state.settings, **values}
