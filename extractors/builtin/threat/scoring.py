"""Scores: one number per sentence (its main event's threat) and, in `article`, the
article's level, score and evidence."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat.lexicon import Lexicon, load_lexicon
from sitroom.extractors.builtin.threat.modality import Event, analyse_sentence
from sitroom.extractors.model import (
    THREAT_LABELS,
    ActorsResult,
    Article,
    Evidence,
    QuotesResult,
    Span,
    Threat,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


def score_sentence(
    sent: SpacySpan, lex: Lexicon | None = None, ref_year: int | None = None
) -> float:
    """Threat of the sentence's main event: minus its Goldstein weight (-10 .. 10).

    0.0 when the sentence reports no event, or only events it negates, denies or places
    in the distant past.
    """
    lex = lex or load_lexicon()
    result = analyse_sentence(sent, lex, ref_year)
    if result.main is None or not result.main.counted:
        return 0.0
    return lex.threat(result.main.code)


# ----------------------------------------------------------------------------- article

#: Support (salience-weighted count of real events) an article needs for each level.
LEVEL_SUPPORT = {4: 2.0, 3: 1.5, 2: 1.0}
HEADLINE, LEAD, ASIDE = 2.0, 1.5, 0.4
REPEAT_DECAY = 0.7  # each further mention of the same kind of event adds 70% of the last
QUOTE_MARKS = re.compile(r"[\"“”«»„]")
FIRST_PERSON_NARRATOR = frozenset({"i", "me", "my", "you", "your"})


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a sentence sits and who speaks in it."""

    weight: float
    where: str  # headline, lead, body, aside, quote
    speaker: str | None = None


def _quote_spans(text: str, quotes: QuotesResult | None) -> list[tuple[int, int, str | None]]:
    if quotes is not None and quotes.quotes:
        return [(q.extent.start, q.extent.end, q.speaker) for q in quotes.quotes]
    spans: list[tuple[int, int, str | None]] = []
    for m in re.finditer(r"[\"“]([^\"“”]{3,}?)[\"”]", text):
        spans.append((m.start(), m.end(), None))
    return spans


def _headline_end(text: str, article: Article) -> int:
    """End offset of the headline: the title line when the text starts with it."""
    first, _, rest = text.lstrip().partition("\n")
    offset = len(text) - len(text.lstrip())
    if not rest:
        return 0
    if article.title and first.strip() == article.title.strip():
        return offset + len(first)
    if len(first.split()) <= 30 and not first.rstrip().endswith((".", "?", "!", ":")):
        return offset + len(first)
    return 0


def _aside(sent: SpacySpan, lex: Lexicon, in_quote: bool) -> bool:
    """The narrator's own comment: interjections, first/second person, rhetorical marks."""
    if in_quote:
        return False
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is not None and (first.pos_ == "INTJ" or first.lower_ in lex.cues.aside_words):
        return True
    if any(t.lower_ in FIRST_PERSON_NARRATOR and t.pos_ == "PRON" for t in sent):
        return True
    text = sent.text.rstrip()
    return text.endswith(("?", "!", "…", "...")) and not QUOTE_MARKS.search(text)


def _places(
    doc: Doc, article: Article, lex: Lexicon, quotes: QuotesResult | None
) -> list[tuple[SpacySpan, _Place]]:
    text = doc.text
    head_end = _headline_end(text, article)
    qspans = _quote_spans(text, quotes)
    out: list[tuple[SpacySpan, _Place]] = []
    body_index = 0
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        inside = [q for q in qspans if q[0] < sent.end_char and sent.start_char < q[1]]
        speaker = next((q[2] for q in inside if q[2]), None)
        if sent.start_char < head_end:
            place = _Place(HEADLINE, "headline")
        elif _aside(sent, lex, bool(inside)):
            place = _Place(ASIDE, "aside")
            body_index += 1
        else:
            body_index += 1
            lead = body_index <= 2
            place = _Place(
                LEAD if lead else 1.0, "lead" if lead else ("quote" if inside else "body"), speaker
            )
        out.append((sent, place))
    return out


def _reference_year(doc: Doc, article: Article) -> int:
    if article.published is not None:
        return article.published.year
    return dt.date.today().year


def _reason(lex: Lexicon, event: Event) -> str:
    code = event.base or event.code
    what = lex.describe(code)
    if event.counted:
        main = lex.describe(event.code)
        if event.mode in ("announced", "conditional threat") and not event.code.startswith("13"):
            return f"announced {main}"
        if event.mode == "conditional threat":
            return f"conditional {main}"
        if event.mode == "hypothetical":
            return f"{main} (possible {what})"
        if event.mode == "speculation":
            return main
        return main
    labels = {
        "negated": f"{what}: negated",
        "denied plan": "denied plan (ignored)",
        "denied": f"{what}: denied (ignored)",
        "alleged": f"{what}: alleged only (the accusation counts)",
        "embedded": f"{what}: mentioned, not reported as happening",
        "historical": f"{what}: historical background",
        "condition": f"{what}: only a condition",
        "hypothetical": f"{what}: feared or possible, not real",
        "option considered": f"{what}: option under consideration",
        "refused": f"{what}: refused",
        "threatened": f"{what}: threatened (the threat counts)",
        "intended": f"{what}: intended (the intent counts)",
        "called for": f"{what}: called for",
        "demanded": f"{what}: demanded",
        "halted": f"{what}: halted",
        "reported": f"{what}: reported",
        "unrealised": f"{what}: not stated as done",
        "generic": f"{what}: generic, no particular event",
    }
    return labels.get(event.mode, f"{what}: {event.mode}")


@dataclass(slots=True)
class _Scored:
    event: Event
    salience: float
    place: _Place


def _actor_weight(event: Event, actors: ActorsResult | None) -> float:
    """Events whose actor is a prominent actor of the article weigh a little more."""
    if actors is None or not actors.actors:
        return 1.0
    actor = actors.at(Span(event.start, event.end))
    if actor is None:
        return 1.0
    return 0.85 + 0.3 * max(0.0, min(1.0, actor.salience))


def article_threat(
    doc: Doc,
    article: Article,
    lex: Lexicon,
    quotes: QuotesResult | None = None,
    actors: ActorsResult | None = None,
) -> Threat:
    """The article's level, score, confidence and evidence."""
    year = _reference_year(doc, article)
    scored: list[_Scored] = []
    ignored: list[Event] = []
    for sent, place in _places(doc, article, lex, quotes):
        result = analyse_sentence(sent, lex, year)
        seen: set[tuple[int, int, str]] = set()
        for event in result.events:
            key = (event.start, event.end, event.code)
            if key in seen:
                continue
            seen.add(key)
            if event.counted:
                if place.speaker and (
                    event.actor is None or event.actor.lower() in ("we", "i", "they")
                ):
                    event = replace(event, actor=place.speaker)
                background = 1.0 if event.top else 0.5
                scored.append(
                    _Scored(event, background * place.weight * _actor_weight(event, actors), place)
                )
            else:
                ignored.append(event)
    return _combine(lex, scored, ignored)


def _support(scored: list[_Scored], keep: Callable[[str], bool]) -> float:
    """Salience-weighted support with diminishing returns for repeats of a kind."""
    by_kind: dict[str, list[float]] = {}
    for s in scored:
        if keep(s.event.code):
            by_kind.setdefault(s.event.code[:3], []).append(s.salience)
    total = 0.0
    for values in by_kind.values():
        for rank, value in enumerate(sorted(values, reverse=True)):
            total += value * REPEAT_DECAY**rank
    return total


def _at_least(lex: Lexicon, level: int) -> Callable[[str], bool]:
    return lambda code: lex.level(code) >= level and lex.weight(code) < 0


def _combine(lex: Lexicon, scored: list[_Scored], ignored: list[Event]) -> Threat:
    support = {lv: _support(scored, _at_least(lex, lv)) for lv in (4, 3, 2)}
    cooperation = _support(scored, lambda c: lex.weight(c) > 0)
    mild = _support(scored, lambda c: lex.weight(c) < 0)
    level = next((lv for lv in (4, 3, 2) if support[lv] >= LEVEL_SUPPORT[lv]), None)
    if level is None:
        level = 0 if cooperation > 0 and cooperation >= mild else 1
    if level >= 2:
        over = support[level]
        score = 20.0 * level + 19.9 * (1.0 - math.exp(-over / 3.0))
        upper = (
            support.get(level + 1, 0.0) / LEVEL_SUPPORT.get(level + 1, 1.0) if level < 4 else 0.0
        )
        margin = max(0.0, min(1.0, 1.0 - upper)) * min(1.0, over / (2 * LEVEL_SUPPORT[level]))
    elif level == 1:
        score = 20.0 + 19.9 * (1.0 - math.exp(-mild / 2.0))
        margin = 0.5 + 0.5 * min(1.0, abs(mild - cooperation) / 2.0)
    else:
        score = 19.9 * math.exp(-(cooperation - mild) / 2.0)
        margin = min(1.0, (cooperation - mild) / 2.0 + 0.3)
    amount = sum(s.salience for s in scored)
    confidence = (1.0 - math.exp(-amount / 2.5)) * (0.55 + 0.45 * margin)

    evidence: list[Evidence] = []
    for s in sorted(
        scored, key=lambda s: (-abs(lex.threat(s.event.code)) * s.salience, s.event.start)
    ):
        weight = round(s.salience * lex.threat(s.event.code) / 10.0, 3)
        if weight == 0 and s.event.code.startswith("01"):
            continue  # plain statements: real, but they neither raise nor lower anything
        reason = _reason(lex, s.event)
        if s.place.where in ("headline", "aside"):
            reason = f"{reason} ({s.place.where})"
        evidence.append(
            Evidence(Span(s.event.start, s.event.end), weight, reason, s.event.code, s.event.actor)
        )
    for e in sorted(ignored, key=lambda e: e.start):
        evidence.append(Evidence(Span(e.start, e.end), 0.0, _reason(lex, e), e.base, e.actor))
    return Threat(
        level=level,
        score=round(max(0.0, min(100.0, score)), 1),
        label=THREAT_LABELS[level],
        evidence=tuple(evidence),
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )
