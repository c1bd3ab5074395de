"""What every step needs about one article: the Doc, the gazetteer, and the layout of the
text (headline, title-case lines, paragraphs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.gazetteer import Gazetteer, Roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "as",
        "by",
        "with",
        "from",
        "into",
        "vs",
        "via",
        "per",
        "is",
        "are",
    ]
)


def _title_case(line: str) -> bool:
    """A headline-style line: nearly every word capitalised, so the NER's PERSON and ORG
    guesses there ("Blinken Tells") are unreliable."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 3:  # a two-word line is as often a signature ("John Smith.")
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper / len(words) >= 0.8


@dataclass(slots=True)
class Context:
    doc: Doc
    gazetteer: Gazetteer
    headline: tuple[int, int] | None = None  # character range of the headline line
    lead: tuple[int, int] | None = None  # character range of the first body paragraph
    title_case: list[tuple[int, int]] = field(default_factory=list)  # character ranges
    length: int = 0  # characters; Doc.text rebuilds the whole string on every access
    person_words: frozenset[str] = frozenset()  # every word the NER put in a PERSON

    @property
    def roles(self) -> Roles:
        return self.gazetteer.roles

    def in_title_case(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.title_case)

    def in_headline(self, char: int) -> bool:
        return self.headline is not None and self.headline[0] <= char < self.headline[1]

    def in_lead(self, char: int) -> bool:
        return self.lead is not None and self.lead[0] <= char < self.lead[1]

    def is_title_word(self, token: Token) -> bool:
        lower = token.lower_.rstrip(".")
        roles = self.roles
        return (
            lower in roles.titles
            or token.lemma_.lower() in roles.titles
            or (lower.endswith("s") and lower[:-1] in roles.titles)  # "Senators Grassley and"
            or lower in roles.title_abbreviations
        )


def build(doc: Doc, gazetteer: Gazetteer, title: str = "") -> Context:
    text = doc.text
    people = frozenset(t.text for e in doc.ents if e.label_ == "PERSON" for t in e)
    context = Context(doc, gazetteer, length=len(text), person_words=people)
    offset = 0
    paragraphs: list[tuple[int, int]] = []
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        paragraphs.append((start, end))
        if _title_case(line):
            context.title_case.append((start, end))
    if paragraphs:
        first = paragraphs[0]
        line = text[first[0] : first[1]].strip()
        # The first line is the headline when it reads like one: a known title, title case,
        # or short with no closing full stop.
        looks_like_headline = (
            (title and line == title.strip())
            or context.in_title_case(first[0])
            or (len(line.split()) <= 25 and not line.endswith((".", "”", '"')))
        )
        if looks_like_headline:
            context.headline = first
            if len(paragraphs) > 1:
                context.lead = paragraphs[1]
        else:
            context.lead = first
    return context
