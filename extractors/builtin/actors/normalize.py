"""How names are compared: split into word and punctuation pieces, folded for case, accents
and curly apostrophes.

The gazetteer and the article text go through the same function, so "Russia-24" in the
text finds "Russia-24" in the gazetteer whether spaCy kept it as one token or split it, and
"Élysée" finds "Elysee".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PIECE = re.compile(r"[^\W_]+|[^\w\s]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})

#: How a piece of a gazetteer name must be written in the text to match.
ANY_CASE, CAPITALISED, ALL_CAPS = 0, 1, 2


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, with straight apostrophes and hyphens."""
    text = text.translate(_QUOTES).lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # the same few thousand token texts come back in every article
def pieces(text: str) -> tuple[tuple[str, int, int], ...]:
    """(folded piece, start, end) for each word or punctuation piece of `text`."""
    return tuple((fold(m.group()), m.start(), m.end()) for m in _PIECE.finditer(text))


def key(text: str) -> tuple[str, ...]:
    return tuple(p for p, _, _ in pieces(text))


def case_rule(piece: str) -> int:
    """What a gazetteer piece demands of the text: acronyms must stay in capitals ("US" is
    not "us"), capitalised words must stay capitalised ("Turkey" is not "turkey")."""
    letters = [ch for ch in piece if ch.isalpha()]
    if not letters:
        return ANY_CASE
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return ALL_CAPS
    if letters[0].isupper():
        return CAPITALISED
    return ANY_CASE


def case_ok(rule: int, written: str) -> bool:
    if rule == ANY_CASE:
        return True
    letters = [ch for ch in written if ch.isalpha()]
    if not letters:
        return True
    if rule == ALL_CAPS:
        return all(ch.isupper() for ch in letters)
    return letters[0].isupper()


def slug(name: str) -> str:
    """A stable id from a canonical name: "United States" -> "united-states"; a leading
    "The" is dropped, so "The Associated Press" and "Associated Press" are one entry."""
    words = [p for p in key(name) if p.isalnum()]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "-".join(words) or "actor"
