"""Dated events: the clause a date expression belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.timeline.anchors import doc_text
from sitroom.extractors.model import ActorsResult, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUMMARY_CHARS = 100
SUBJECTS = ("nsubj", "nsubjpass")


def clause_range(doc: Doc, verb: Token) -> tuple[int, int]:
    """The verb's clause, kept inside its sentence and paragraph."""
    sent = verb.sent
    left = verb.left_edge
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        # "a report made public later Friday": the event is the report's.
        left = verb.head.left_edge
    start = max(left.idx, sent.start_char)
    right = verb.right_edge
    end = min(right.idx + len(right), sent.end_char)
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    start = max(start, para_start)
    end = min(end, para_end if para_end >= 0 else len(text))
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def summarize(text: str, limit: int = SUMMARY_CHARS) -> str:
    """One line: blanks collapsed, cut at a word boundary with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def event_actor(doc: Doc, verb: Token, actors: ActorsResult | None) -> str | None:
    """Who acts: the canonical actor of the verb's subject, else the subject as written."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if actors is not None:
                actor = actors.at(Span(child.idx, child.idx + len(child)))
                if actor is not None:
                    return actor.name
            if child.pos_ == "PRON":
                return None
            left = child.left_edge
            return doc_text(doc)[left.idx : child.idx + len(child)]
    return None
