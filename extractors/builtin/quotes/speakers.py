"""Naming the speaker: the local mention, and the actor it refers to when known.

The mention in the attribution itself ("he", "who", "the minister", "Blinken") is kept as
`speaker_span`. `speaker` is the canonical name of the actor that mention belongs to, from
the actors extractor when it ran; without it the mention's own text is used, except that a
relative pronoun ("who said") names its antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.syntax import doc_text, mention_range
from sitroom.extractors.model import Actor, ActorsResult, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE = frozenset(("who", "which", "that", "whom"))


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    actor_id: str | None
    span: Span  # the local mention
    actor_kind: str | None = None


LEADING_JUNK = " \t\"“”‘’'―—–-,:;()"
TRAILING_JUNK = " \t\"“”‘’'―—–-,:;()"


def clean_name(name: str) -> str:
    """A name without marks or dashes glued to it by the tokenizer ("”― Ines Varga")."""
    return " ".join(name.lstrip(LEADING_JUNK).rstrip(TRAILING_JUNK).split())


def antecedent(tok: Token) -> Token:
    """What a relative pronoun subject stands for: "the report, which said" -> report."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _actor_for(actors: ActorsResult | None, tok: Token) -> Actor | None:
    """The actor owning the mention that holds the head word itself.

    In "Putin's adviser Yuri Ushakov" the speaker is Ushakov, not Putin; in "a Biden
    administration official" or "the U.S. report" it is no known actor at all.
    """
    if actors is None or any(c.dep_ == "conj" for c in tok.children):
        return None  # "Blinken and the U.N.": two actors speak together
    head = Span(tok.idx, tok.idx + len(tok))
    best: Actor | None = None
    best_size = 0
    for actor in actors.actors:
        for m in actor.mentions:
            if m.overlaps(head):
                size = m.end - m.start
                if best is None or size > best_size:
                    best, best_size = actor, size
    return best


def outside_brackets(tok: Token) -> Token:
    """The name a bracketed tag belongs to: "Baker (R-Hill Ward)" -> Baker.

    The parser sometimes heads the whole name with the last word of the tag."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].text not in ("(", ")") and tok.i - i < 8:
        i -= 1
    if doc[i].text != "(" or i == 0:
        return tok
    close = next((k for k in range(tok.i, min(tok.i + 8, len(doc))) if doc[k].text == ")"), None)
    before = doc[i - 1]
    if close is None or before.pos_ not in ("PROPN", "NOUN"):
        return tok
    return before


def resolve(doc: Doc, tok: Token, actors: ActorsResult | None) -> Speaker:
    tok = outside_brackets(tok)
    local = Span(*mention_range(tok))
    if tok.lower_ in RELATIVE:
        local = Span(tok.idx, tok.idx + len(tok))
    target = antecedent(tok)
    actor = _actor_for(actors, target)
    if actor is None and target is not tok:
        actor = _actor_for(actors, tok)
    if actor is not None:
        return Speaker(actor.name, actor.id, local, actor.kind)
    coordinated = any(c.dep_ == "conj" for c in target.children)
    if target.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not coordinated:
        # The entity alone names the speaker: "Antony Blinken", not his whole title.
        start, end = target.i, target.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return Speaker(clean_name(doc[start:end].text), None, local)
    name_range = mention_range(target)
    return Speaker(clean_name(doc_text(doc)[name_range[0] : name_range[1]]), None, local)


def person_antecedent(doc: Doc, tok: Token, reach: int = 120) -> Token | None:
    """The person a bare "he"/"she" most likely means, when no actor links it.

    A fallback for running without the actors extractor: the nearest person named before
    the pronoun, preferring one who is the subject of a clause (news text keeps its
    subject as the topic: "Blinken held talks with Lavrov, where he warned ...").
    """
    if tok.lower_ not in ("he", "she") or tok.pos_ != "PRON":
        return None
    fallback: Token | None = None
    for i in range(tok.i - 1, max(-1, tok.i - reach), -1):
        cand = doc[i]
        if cand.ent_type_ != "PERSON" or cand.dep_ in ("compound", "flat"):
            continue
        if cand.dep_ in ("nsubj", "nsubjpass"):
            return cand
        if fallback is None:
            fallback = cand
    return fallback
