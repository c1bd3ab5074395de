"""Date expressions in an article, and which statement or event each one dates.

Candidates come from spaCy's DATE (and TIME) entities only, so the date resolver runs on a
handful of strings per article. Each expression is tied to the verb it modifies (walking up
the parse from the expression), and that verb's tense decides whether a bare weekday or
month points back or forward from the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.timeline.dates import find_core, resolve
from sitroom.extractors.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

LABELS = ("DATE", "TIME")
FUTURE_AUX = frozenset(("will", "'ll", "’ll", "shall", "wo"))
# Verbs whose infinitive complement lies ahead: "is expected to meet Friday".
AHEAD = frozenset(
    (
        "expect",
        "plan",
        "schedule",
        "set",
        "intend",
        "aim",
        "prepare",
        "hope",
        "due",
        "agree",
        "promise",
        "pledge",
        "vow",
        "decide",
        "want",
        "seek",
        "threaten",
        "propose",
        "offer",
    )
)
PREPOSITIONS = frozenset(
    ("on", "in", "at", "by", "during", "since", "until", "from", "before", "after")
)
USER_DATA_KEY = "sitroom.timeline.dates"
TEXT_KEY = "sitroom.text"  # shared with the quotes extractor


def doc_text(doc: Doc) -> str:
    """The text of `doc`, built once: spaCy rebuilds `Doc.text` from its tokens on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # the expression as written, with its preposition: "on Thursday"
    end: int
    text: str
    date: dt.date | None
    governor: int | None  # token index of the verb it modifies


def governor(tok: Token) -> Token | None:
    """The verb (or adjective) a date expression modifies."""
    cur = tok
    for _ in range(8):
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def is_future(verb: Token | None) -> bool:
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    # "going to meet", "expected to meet", "plans to visit"
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_.lower() in AHEAD or head.lower_ == "going":
            return True
        return is_future(head)
    return False


def _expression(doc: Doc, ent: SpacySpan, core: re.Match[str]) -> tuple[int, int]:
    """Where the expression is written: its time-naming core, with a governing preposition.

    "on Wednesday, ending two years" -> "on Wednesday"; "a fifth last year" -> "last year".
    """
    start = ent.start_char + core.start()
    end = ent.start_char + core.end()
    if core.start() == 0 and ent.start > 0:
        prev = doc[ent.start - 1]
        if prev.lower_ in PREPOSITIONS and prev.i in (ent.root.head.i, doc[ent.start].head.i):
            start = prev.idx
    return start, end


def date_mentions(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """Every date expression of `doc`, resolved against `published` (cached on the doc)."""
    cache = doc.user_data.get(USER_DATA_KEY)
    if isinstance(cache, tuple) and cache[0] == published:
        return list(cache[1])
    found: list[DateMention] = []
    for ent in doc.ents:
        core = find_core(ent.text) if ent.label_ in LABELS else None
        if core is None:
            continue
        verb = governor(ent.root)
        date = resolve(core.group(0), published, future=is_future(verb))
        start, end = _expression(doc, ent, core)
        found.append(
            DateMention(
                start, end, doc_text(doc)[start:end], date, verb.i if verb is not None else None
            )
        )
    doc.user_data[USER_DATA_KEY] = (published, tuple(found))
    return found


def date_of_cue(
    doc: Doc, mentions: list[DateMention], cue_token: int, content: list[tuple[int, int]]
) -> DateMention | None:
    """The date of a statement: an expression on its cue verb, or on a verb above it.

    "told reporters Friday that ..." dates the statement; "..., adding that ..." shares the
    date of the verb it hangs on. Expressions inside the content date what was said, not
    the saying.
    """
    chain: list[int] = []
    tok = doc[cue_token]
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, tok.idx) + 1
    for _ in range(4):
        chain.append(tok.i)
        if tok.head is tok or tok.dep_ not in ("conj", "advcl", "xcomp", "ccomp", "relcl", "acl"):
            break
        tok = tok.head
        # The parser sometimes runs a sentence on into the next paragraph: stop there.
        if tok.idx < para_start or "\n" in text[tok.idx : doc[cue_token].idx]:
            break
    for level in chain:
        for m in mentions:
            if m.governor != level:
                continue
            if any(s < m.end and m.start < e for s, e in content):
                continue
            return m
    return None


Statement = tuple[Span | None, tuple[Span, ...]]  # (cue, content) of one quote


def date_statements(
    doc: Doc, published: dt.date | None, statements: list[Statement]
) -> list[DateMention | None]:
    """The date expression of each statement, in order.

    A statement without a cue (a quoted paragraph that runs on) keeps the date of the
    statement before it: it is the same speaker on the same occasion.
    """
    mentions = date_mentions(doc, published)
    out: list[DateMention | None] = []
    for cue, content in statements:
        found: DateMention | None = None
        if cue is not None:
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is not None and len(span):
                found = date_of_cue(doc, mentions, span[0].i, [(s.start, s.end) for s in content])
        elif out:
            found = out[-1]
        out.append(found)
    return out
