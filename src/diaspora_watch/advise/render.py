"""The answer as plain text, in the language it was built in (the CLI's ``--format text``)."""

from __future__ import annotations

from typing import Any

from diaspora_watch.advise.labels import label


def render_text(answer: dict[str, Any]) -> str:
    """Plain text of an answer from ``advise``: risks first, then what does not apply."""
    lang = answer["lang"]

    def h(key: str) -> str:
        return label("headings", key, lang)

    lines = [f"{h('title')} — {h('as_of')} {answer['as_of']}", "", answer["disclaimer"], "", f"== {h('risks')} =="]
    if not answer["risks"]:
        lines.append(h("none"))
    for r in answer["risks"]:
        lines += _risk_lines(r, lang)
    lines += ["", f"== {h('not_applicable')} =="]
    for item in answer["not_applicable"]:
        lines.append(f"- {item['label']}:")
        lines += [f"    {reason['reason']}" for reason in item["reasons"]]
    for item in answer["exemptions"]:
        lines.append(f"- {label('categories', item['category'], lang)}: {item['reason']}")
    if answer["related_incidents"]:
        lines += ["", f"== {h('related')} =="]
        for inc in answer["related_incidents"]:
            lines.append(f"- {inc['date']} {inc['country']} {inc['subtype']}: {inc['title']}" + (f" <{inc['url']}>" if inc.get("url") else ""))
    return "\n".join(lines) + "\n"


def _risk_lines(r: dict[str, Any], lang: str) -> list[str]:
    status = label("statuses", r["status"], lang)
    if r["status"] == "proposed":
        status = label("words", "proposal", lang)
    out = ["", f"* {label('categories', r['category'], lang)} [{label('headings', 'level', lang)}: "
           f"{label('levels', r['level'], lang)}; {status}] ({r['id']})", f"  {r['summary']}"]
    if r["note"]:
        out.append(f"  {label('words', 'note', lang)}: {r['note']}")
    if r["uncertain"]:
        out.append(f"  {label('words', 'uncertain', lang)}: {r['uncertain']}")
    out.append(f"  {label('headings', 'why', lang)}:")
    out += [f"    - {w}" for w in r["why"]]
    out.append(f"  {label('headings', 'actions', lang)}:")
    out += [f"    {i}. {a}" for i, a in enumerate(r["actions"], 1)]
    if r["contacts"]:
        out.append(f"  {label('headings', 'contacts', lang)}:")
        for c in r["contacts"]:
            extra = "; ".join(x for x in (c["phone"], c["reach"]) if x)
            out.append(f"    - {c['name']}" + (f" ({extra})" if extra else ""))
    out.append(f"  {label('headings', 'sources', lang)}:")
    out += [f"    - {s['url']} (\u201c{s['quote']}\u201d, {s['seen']})" for s in r["sources"]]
    return out
