"""The JSON record of an analysed article (the CLI's contract) and its Markdown report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitroom.extractors.model import (
    ActorsResult,
    Analysis,
    Article,
    Quote,
    QuotesResult,
    Span,
    Threat,
    TimelineResult,
)

BUILTIN_TYPES = (ActorsResult, QuotesResult, TimelineResult, Threat)


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else span.as_list()


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def quote_text(quote: Quote, text: str) -> str:
    return " … ".join(piece.text(text) for piece in quote.content)


def to_record(article: Article, analysis: Analysis) -> dict[str, Any]:
    """The JSON object `sitroom analyze` prints for one article (see docs/DESIGN.md)."""
    text = article.text
    actors = analysis.find(ActorsResult)
    quotes = analysis.find(QuotesResult)
    timeline = analysis.find(TimelineResult)
    threat = analysis.find(Threat)
    record: dict[str, Any] = {
        "doc": article.stem,
        "path": article.path,
        "title": article.title,
        "published": _date(article.published),
        "text": text,
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "title": a.title,
                "affiliation": a.affiliation,
                "salience": round(a.salience, 4),
                "mentions": [m.as_list() for m in a.mentions],
            }
            for a in (actors.actors if actors else ())
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_span": _span(q.speaker_span),
                # one [s, e] span, or a list of them when the quote is split around "he said"
                "content": (
                    q.content[0].as_list()
                    if len(q.content) == 1
                    else [p.as_list() for p in q.content]
                ),
                "text": quote_text(q, text),
                "kind": q.kind,
                "cue": _span(q.cue),
                "date": _date(q.date),
                "date_text": q.date_text,
                "nested_speaker": q.nested_speaker,
            }
            for q in (quotes.quotes if quotes else ())
        ],
        "timeline": [
            {
                "kind": e.kind,
                "date": _date(e.date),
                "date_text": e.date_text,
                "actor": e.actor,
                "summary": e.summary,
                "span": e.span.as_list(),
                "order": e.order,
            }
            for e in (timeline.entries if timeline else ())
        ],
        "threat": None
        if threat is None
        else {
            "level": threat.level,
            "score": round(threat.score, 1),
            "label": threat.label,
            "confidence": round(threat.confidence, 3),
            "evidence": [
                {
                    "span": ev.span.as_list(),
                    "text": ev.span.text(text),
                    "weight": round(ev.weight, 3),
                    "reason": ev.reason,
                    "code": ev.code,
                }
                for ev in threat.evidence
            ],
        },
        "errors": dict(analysis.errors),
    }
    if analysis.warnings:
        record["warnings"] = dict(analysis.warnings)  # e.g. an extractor that was slow
    extra = {
        name: _builtins(value)
        for name, value in analysis.results.items()
        if not isinstance(value, BUILTIN_TYPES)
    }
    if extra:
        record["results"] = extra  # what third-party extractors returned, by name
    return record


def _builtins(value: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(value, str_keys=True, enc_hook=str)


def to_markdown(article: Article, analysis: Analysis) -> str:
    """A readable report: threat, actors, quotes and timeline."""
    record = to_record(article, analysis)
    lines = [f"# {article.title or article.stem}", ""]
    facts = [f"`{article.path}`" if article.path else "", record["published"] or "", article.source]
    lines += [" · ".join(f for f in facts if f), ""]
    threat = record["threat"]
    if threat:
        lines += [
            f"## Threat: level {threat['level']} — {threat['label']} "
            f"({threat['score']:.0f}/100, confidence {threat['confidence']:.2f})",
            "",
        ]
        for ev in threat["evidence"]:
            lines.append(f"- {ev['weight']:+.1f} {ev['reason']}: “{_clip(ev['text'])}”")
        lines.append("")
    if record["actors"]:
        lines += ["## Actors", "", "| actor | kind | title | mentions |", "|---|---|---|---|"]
        for actor in record["actors"]:
            cells = (actor["name"], actor["kind"], actor["title"] or "", len(actor["mentions"]))
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        lines.append("")
    if record["quotes"]:
        lines += ["## Quotes", ""]
        for quote in record["quotes"]:
            when = f"{quote['date']} · " if quote["date"] else ""
            who = quote["speaker"] or "unattributed"
            lines.append(f"- {when}**{who}** ({quote['kind']}): “{_clip(quote['text'], 240)}”")
        lines.append("")
    if record["timeline"]:
        lines += ["## Timeline", ""]
        for entry in record["timeline"]:
            when = entry["date"] or "undated"
            if entry["date_text"]:  # what the article said, next to what it was resolved to
                when += f" ({entry['date_text']})"
            # a quote's summary already opens with its speaker
            lines.append(f"- {when} — {_clip(entry['summary'])}")
        lines.append("")
    if record["errors"]:
        lines += ["## Errors", ""]
        lines += [f"- `{name}`: {message}" for name, message in record["errors"].items()]
        lines.append("")
    return "\n".join(lines)


def _clip(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
