"""The advisor on the web: ``POST /api/v1/advise`` and an interview at ``/advise``, one question a page.

Nothing a person enters is stored or logged. The interview keeps its answers in a hidden form
field (the list of questions answered and the text given), sent back with every POST, so they
never appear in a URL or an access log; each page is rebuilt from that field by replaying the
questionnaire, then forgotten. Answers carry ``cache-control: no-store``; the only cookie is
the language one. Related incidents come from the database in every answer.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

import pycountry
from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from sqlalchemy import select

from diaspora_watch.advise import advise, next_question, parse_answer
from diaspora_watch.advise.engine import Related
from diaspora_watch.advise.labels import label
from diaspora_watch.advise.profile import parse_date
from diaspora_watch.advise.questions import Question, apply_answer, finished_profile
from diaspora_watch.advise.related import related_from_events
from diaspora_watch.advise.rules import load_rules
from diaspora_watch.errors import UsageError
from diaspora_watch.serve.app import pages_context
from diaspora_watch.store._events import to_codebook
from diaspora_watch.store.schema import DocumentRow, EventRow

router = APIRouter()
NO_STORE = {"cache-control": "no-store", "referrer-policy": "no-referrer"}
MAX_TRAIL = 20_000  # characters of the hidden field: far more than any interview needs


# related incidents ---------------------------------------------------------------------------


def related_incidents(store: Any, limit: int = 10, batch: int = 500) -> Related:
    """A ``related`` callable over the database: dated, linked events in the person's countries, newest first.

    It reads in batches and stops once ``limit`` incidents matched, instead of loading every event.
    """

    def related(profile: dict[str, Any], ids: list[str]) -> list[dict[str, Any]]:
        countries = sorted({c["country"] for c in profile["citizenships"]} | {profile["residence_country"]})
        q = (select(EventRow, DocumentRow.doc_id, DocumentRow.title, DocumentRow.url)
             .join(DocumentRow, DocumentRow.id == EventRow.document_id)
             .where(EventRow.country.in_(countries), EventRow.date.is_not(None), EventRow.incident.is_not(None))
             .order_by(EventRow.date.desc(), EventRow.id.desc()))
        found: list[dict[str, Any]] = []
        offset = 0
        with store.transaction() as s:
            while True:
                rows = s.execute(q.limit(batch).offset(offset)).all()
                found += [dict(to_codebook(row, doc_id), title=title, url=url) for row, doc_id, title, url in rows]
                result = related_from_events(found, limit)(profile, ids)
                if len(rows) < batch or len(result) >= limit:
                    return result
                offset += batch

    return related


# the JSON API --------------------------------------------------------------------------------


@router.post("/api/v1/advise", tags=["advise"], summary="Which legal risks apply to one person, with sources (nothing is stored)")
def advise_api(request: Request, profile: Annotated[dict[str, Any], Body(description="A profile as in shared/advisor.md.")],
               as_of: Annotated[str | None, Query(description="Rules in force on this day, YYYY-MM-DD (default: today).")] = None,
               lang: Annotated[str, Query(description="Language of the answer: en or ru.")] = "en") -> Response:
    day = parse_date(as_of, "as_of") if as_of else None
    answer = advise(profile, as_of=day, lang=lang, related=related_incidents(request.app.state.store))
    return JSONResponse({"ok": True, "answer": answer}, headers=NO_STORE)


# the interview -------------------------------------------------------------------------------


def replay(trail: list[list[str]], day: date, lang: str) -> tuple[dict[str, Any], list[list[str]]]:
    """The answers a trail of ``[question key, text]`` gives, and the part of it that still fits.

    The trail comes from the browser: a step whose question is no longer the next one, or
    whose text does not parse, ends it there.
    """
    answers: dict[str, Any] = {}
    kept: list[list[str]] = []
    for key, text in trail:
        q = next_question(answers, as_of=day, lang=lang)
        if q is None or q.key != key:
            break
        try:
            answers = apply_answer(answers, q, parse_answer(q, text))
        except UsageError:
            break
        kept.append([key, text])
    return answers, kept


def _trail(raw: str) -> list[list[str]]:
    try:
        value = json.loads(raw) if raw and len(raw) <= MAX_TRAIL else []
    except ValueError:
        value = []
    ok = isinstance(value, list) and all(isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in value)
    return value if ok else []


def _typed(q: Question, form: Any) -> str:
    """The answer's text as ``parse_answer`` reads it, from the form's widgets for this kind of question."""
    if q.kind == "countries":
        picked = [c for c in form.getlist("value") if c]
        picked += [c.strip() for c in str(form.get("other") or "").split(",") if c.strip()]
        return ",".join(dict.fromkeys(picked))
    return str(form.get("value") or "")


def _countries(lang: str) -> tuple[list[tuple[str, str]], int]:
    """Country choices, those the rules speak of first, then every other by name; and how many come first."""
    from babel import Locale

    names = Locale.parse(lang).territories
    first = sorted({r["jurisdiction"] for r in load_rules()})
    name = {c.alpha_2: names.get(c.alpha_2) or c.name for c in pycountry.countries}
    rest = sorted((c for c in name if c not in first), key=lambda c: name[c])
    return [(c, name[c]) for c in first + rest], len(first)


def _regions(country: str | None) -> list[tuple[str, str]]:
    """The ISO 3166-2 regions of ``country`` by name (pycountry's, in English), or none."""
    found = pycountry.subdivisions.get(country_code=country) if country else None
    return sorted(((s.code, s.name) for s in found or []), key=lambda r: r[1])


def _day(raw: str | None) -> date:
    return parse_date(raw, "as_of") if raw else date.today()


def _page(request: Request, name: str, status: int = 200, **values: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, pages_context(request, **values), status_code=status,
                                                        headers=NO_STORE)


def _question_page(request: Request, q: Question, answers: dict[str, Any], trail: list[list[str]], as_of: str, lang: str,
                   prefill: str = "", error: str | None = None) -> Response:
    choices = [(c, label("values", c, lang)) for c in q.choices]
    picked = [c.strip().upper() for c in prefill.split(",") if c.strip()] if q.kind == "countries" else [prefill]
    countries, first = _countries(lang) if q.kind in ("country", "countries") else ([], 0)
    return _page(request, "advise.html", status=400 if error else 200, question=q, choices=choices, trail=json.dumps(trail),
                 step=len(trail) + 1, as_of=as_of, prefill=prefill, picked=picked, error=error, countries=countries, first=first,
                 regions=_regions(answers.get("residence_country")) if q.kind == "region" else [])


def _answer_page(request: Request, answers: dict[str, Any], trail: list[list[str]], as_of: str, day: date, lang: str) -> Response:
    answer = advise(finished_profile(answers), as_of=day, lang=lang, related=related_incidents(request.app.state.store))
    groups: dict[str, list[dict[str, Any]]] = {}
    for risk in answer["risks"]:  # already highest level first: each category's place is its worst risk's
        groups.setdefault(risk["category"], []).append(risk)
    return _page(request, "advice.html", answer=answer, groups=groups, trail=json.dumps(trail), as_of=as_of,
                 words=lambda section, key: label(section, key, lang))


@router.get("/advise", include_in_schema=False)
def interview_start(request: Request, as_of: str | None = None) -> Response:
    day, lang = _day(as_of), request.state.locale
    q = next_question({}, as_of=day, lang=lang)
    assert q is not None  # an empty profile always has a first question
    return _question_page(request, q, {}, [], as_of or "", lang)


@router.post("/advise", include_in_schema=False)
async def interview_step(request: Request) -> Response:
    """One step: ``action`` is ``next`` (answer this question), ``back``, ``restart`` or ``stay`` (e.g. after a language switch)."""
    form = await request.form()
    return await run_in_threadpool(_step, request, form)  # rules and the database are read synchronously


def _step(request: Request, form: Any) -> Response:
    as_of, lang = str(form.get("as_of") or ""), request.state.locale
    day = _day(as_of)
    answers, trail = replay(_trail(str(form.get("trail") or "")), day, lang)
    action = str(form.get("action") or "next")
    prefill, error = "", None
    if action == "restart":
        answers, trail = {}, []
    elif action == "back" and trail:
        prefill = trail[-1][1]
        answers, trail = replay(trail[:-1], day, lang)
    elif action == "next":
        q = next_question(answers, as_of=day, lang=lang)
        if q is not None and str(form.get("key") or "") == q.key:
            text = _typed(q, form)
            try:
                answers = apply_answer(answers, q, parse_answer(q, text))
                trail = [*trail, [q.key, text]]
            except UsageError as e:
                prefill, error = text, str(e).partition(": ")[2] or str(e)
    q = next_question(answers, as_of=day, lang=lang)
    if q is None:
        try:
            return _answer_page(request, answers, trail, as_of, day, lang)
        except UsageError as e:  # the answers make no valid profile (a foreigner chose a citizen's status): ask the last again
            error, prefill = str(e), trail[-1][1] if trail else ""
            answers, trail = replay(trail[:-1], day, lang)
            q = next_question(answers, as_of=day, lang=lang)
            assert q is not None
    return _question_page(request, q, answers, trail, as_of, lang, prefill=prefill, error=error)
