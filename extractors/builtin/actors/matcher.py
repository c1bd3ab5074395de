"""Finding gazetteer names in a Doc, longest match first, on token boundaries.

A dictionary lookup over normalised pieces (see normalize.py) instead of a spaCy
PhraseMatcher: it needs no tokenizer to build its patterns (the shared pipeline must not be
touched, and patterns would have to be tokenised exactly like the text), it builds in a few
milliseconds with the gazetteer itself, and it works on any Doc whatever its vocab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors import normalize
from sitroom.extractors.builtin.actors.gazetteer import Gazetteer, Term

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # first token
    end: int  # one past the last token
    terms: tuple[Term, ...]  # every reading whose case fits, in gazetteer order


@dataclass(frozen=True, slots=True)
class _Piece:
    folded: str
    written: str
    token: int
    first: bool  # the piece starts its token
    last: bool  # the piece ends its token


def _pieces(doc: Doc) -> list[_Piece]:
    out: list[_Piece] = []
    for token in doc:
        if token.is_space:
            if "\n" in token.text:  # a barrier: no name runs across a line break
                out.append(_Piece("\n", "", token.i, False, False))
            continue
        parts = normalize.pieces(token.text)
        for n, (folded, start, end) in enumerate(parts):
            out.append(_Piece(folded, token.text[start:end], token.i, n == 0, n == len(parts) - 1))
    return out


def find(doc: Doc, gazetteer: Gazetteer) -> list[Match]:
    pieces = _pieces(doc)
    matches: list[Match] = []
    i, n = 0, len(pieces)
    while i < n:
        piece = pieces[i]
        found = None
        if piece.first:
            for length in gazetteer.lengths.get(piece.folded, ()):
                j = i + length
                if j > n or not pieces[j - 1].last:
                    continue
                terms = gazetteer.terms.get(tuple(p.folded for p in pieces[i:j]))
                if not terms:
                    continue
                fitting = tuple(
                    t
                    for t in terms
                    if all(
                        normalize.case_ok(rule, p.written)
                        for rule, p in zip(t.cases, pieces[i:j], strict=True)
                    )
                )
                if fitting:
                    found = Match(piece.token, pieces[j - 1].token + 1, fitting)
                    i = j
                    break
        if found is None:
            i += 1
        else:
            matches.append(found)
    return matches
