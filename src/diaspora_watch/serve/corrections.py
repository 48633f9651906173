"""Corrections of linking from the web: merge two incidents, or split events off into a new one.

Both need the ``incidents:edit`` permission; a browser form carries the session's CSRF token,
a script an API token. Each correction is one ``link.corrections`` call, recorded in the merge
history with the user's name as *who*, the server's clock as *when* and the text given as *why*.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from diaspora_watch.auth.service import Principal
from diaspora_watch.link import corrections
from diaspora_watch.serve.security import require

router = APIRouter()
PERMISSION = "incidents:edit"
Why = Field(min_length=3, max_length=2000, description="Why the change is right (kept in the merge history), e.g. 'same raid, two outlets'.")


class MergeRequest(BaseModel):
    other: str = Field(min_length=1, max_length=255, description="The incident folded into this one; its id stays as an alias.")
    why: str = Why


class SplitRequest(BaseModel):
    events: list[str] = Field(min_length=1, max_length=500, description="Events to move into a new incident, as doc_id:seq (a source's `key`).")
    why: str = Why


def _merge(request: Request, user: Principal, into: str, other: str, why: str) -> str:
    with request.app.state.store.transaction() as s:
        return corrections.merge(s, into, other.strip(), by=user.username, why=why.strip())


def _split(request: Request, user: Principal, incident_id: str, keys: list[str], why: str) -> str:
    with request.app.state.store.transaction() as s:
        return corrections.split(s, incident_id, [k.strip() for k in keys if k.strip()], by=user.username, why=why.strip())


@router.post("/api/v1/incidents/{incident_id}/merge", tags=["write"], summary="Fold another incident into this one (needs 'incidents:edit')")
def merge_api(request: Request, incident_id: str, body: MergeRequest) -> Response:
    kept = _merge(request, require(request, PERMISSION), incident_id, body.other, body.why)
    return JSONResponse({"ok": True, "incident": kept})


@router.post("/api/v1/incidents/{incident_id}/split", tags=["write"], summary="Move some events into a new incident (needs 'incidents:edit')")
def split_api(request: Request, incident_id: str, body: SplitRequest) -> Response:
    new_id = _split(request, require(request, PERMISSION), incident_id, body.events, body.why)
    return JSONResponse({"ok": True, "incident": new_id, "from": incident_id})


@router.post("/incidents/{incident_id}/merge", include_in_schema=False)
def merge_form(request: Request, incident_id: str, other: Annotated[str, Form(min_length=1, max_length=255)],
               why: Annotated[str, Form(min_length=3, max_length=2000)], csrf: Annotated[str, Form()]) -> Response:
    kept = _merge(request, require(request, PERMISSION, form_csrf=csrf), incident_id, other, why)
    return RedirectResponse(f"/incidents/{quote(kept, safe='')}#history", status_code=303)


@router.post("/incidents/{incident_id}/split", include_in_schema=False)
def split_form(request: Request, incident_id: str, events: Annotated[list[str], Form(min_length=1)],
               why: Annotated[str, Form(min_length=3, max_length=2000)], csrf: Annotated[str, Form()]) -> Response:
    new_id = _split(request, require(request, PERMISSION, form_csrf=csrf), incident_id, events, why)
    return RedirectResponse(f"/incidents/{quote(new_id, safe='')}#history", status_code=303)
