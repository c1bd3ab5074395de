"""Whether a capital, a seat of government or a demonym is used as an actor.

"Moscow decided" and "Moscow's denial" are the Russian state; "talks in Moscow" and
"MOSCOW —" are a city. "the Russian government" is the state; "the Russian border" and
"Russian Foreign Minister Sergei Lavrov" are not (the second gives Lavrov's affiliation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DATELINE_MARKS = frozenset({"—", "–", "-", "--", ",", "(", ":"})


def _clause_role(token: Token) -> Token:
    """The token whose relation to the sentence counts: the first conjunct of "Moscow and
    Washington" speaks for both."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_dateline(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and "\n" not in before.text:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return span.text.isupper() and (after is None or after.text in _DATELINE_MARKS)


def is_place(span: Span, context: Context) -> bool:
    """True when a capital or seat of government names a place, not its government."""
    roles = context.roles
    if is_dateline(span):
        return True
    root = _clause_role(span.root)
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ in roles.locative_prepositions:
            return True
        return head.lower_ == "to" and head.head.lemma_.lower() in roles.motion_verbs
    # "the Moscow region", "Washington insiders": a modifier of something other than the
    # state's organs describes, it does not act.
    if root.dep_ in ("compound", "amod", "nmod"):
        return head.lemma_.lower() not in roles.state_nouns and head.lower_ not in roles.state_nouns
    return False


def state_phrase(token: Token, context: Context) -> tuple[int, int] | None:
    """Token range of "Russian government" when the demonym `token` stands for the state."""
    # "American and Chinese trade officials": the second adjective shares the first's noun.
    first = _clause_role(token)
    if first.i != token.i and first.i < token.i:
        return _state_of(token, first, context)
    return _state_of(token, token, context)


def _state_of(token: Token, first: Token, context: Context) -> tuple[int, int] | None:
    roles = context.roles
    if first.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
        return None
    head = first.head
    if head.i <= token.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lemma_.lower() not in roles.state_nouns and head.lower_ not in roles.state_nouns:
        return None
    # A title before a person's name ("Russian Defence Minister X") is the person's, and a
    # state noun that is itself a modifier ("Russian army officer") describes someone else.
    modifies = head.dep_ in ("compound", "amod") and head.head.pos_ in ("PROPN", "NOUN")
    if modifies and (head.head.ent_type_ == "PERSON" or context.is_title_word(head.head)):
        return None
    between = head.doc[token.i + 1 : head.i]
    if all(t.head.i == head.i and t.dep_ in ("compound", "amod") for t in between):
        return token.i, head.i + 1
    return token.i, token.i + 1
