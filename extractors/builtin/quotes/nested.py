"""Parenthetical attributions: "The economy, he said, is strong." and nested ones.

A cue set off by commas in the middle of a sentence (", said Blinken," or ", Blinken
said,") attributes the rest of the sentence to that speaker. When the rest itself reports
someone else ("President Biden, said Blinken, had told President Putin that ..."), the
content belongs to that inner speaker (Biden) and the parenthetical speaker is the one who
relayed it (`nested_speaker`). The parser rarely gets these right, so the shape is read
from the token sequence and only the small pieces come from the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.direct import SENTENCE_END, is_quote_cue
from sitroom.extractors.builtin.quotes.draft import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

COMMAS = frozenset((",", "—", "–"))
NP_POS = frozenset(("PROPN", "NOUN", "PRON", "DET", "ADJ", "PART", "NUM"))
HEADS = frozenset(("PROPN", "NOUN", "PRON"))
MAX_NP = 7
# Dependents that only set the scene of a statement: "Over the winter, ...".
FRAMING = frozenset(("prep", "advmod", "npadvmod", "advcl", "mark", "cc", "punct", "intj"))


def _np(ctx: Context, tokens: list[Token]) -> Token | None:
    """The head of a short noun phrase, or None when the tokens are not one."""
    if not tokens or len(tokens) > MAX_NP:
        return None
    if any(t.pos_ not in NP_POS and t.text != "." for t in tokens):
        return None
    heads = [t for t in tokens if t.pos_ in HEADS and t.dep_ not in ("compound", "poss", "flat")]
    return heads[-1] if heads else None


def _when(tok: Token) -> bool:
    """A word saying when something was said: "then", "later", "on Monday"."""
    return (
        tok.ent_type_ in ("DATE", "TIME")
        or (tok.pos_ == "ADV" and tok.dep_ in ("advmod", "npadvmod"))
        or (
            tok.pos_ == "ADP"
            and tok.dep_ == "prep"
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].ent_type_ in ("DATE", "TIME")
        )
    )


def _parenthetical(ctx: Context, cue: Token) -> tuple[Token, int, int] | None:
    """(speaker, first token, last token) of ", said X," or ", X said," around `cue`.

    A word of time may follow: ", said Blinken on Monday,", ", the judge said later,".
    """
    doc = ctx.doc
    i = cue.i
    # ", said Blinken,"
    if i > 0 and doc[i - 1].text in COMMAS:
        j = i + 1
        while j < len(doc) and j - i <= MAX_NP + 3 and doc[j].text not in COMMAS:
            j += 1
        if j < len(doc) and doc[j].text in COMMAS:
            np_end = j
            while np_end > i + 1 and _when(doc[np_end - 1]):
                np_end -= 1
            head = _np(ctx, [doc[k] for k in range(i + 1, np_end)])
            if head is not None:
                return head, i - 1, j
    # ", Blinken said,"
    after = i + 1
    while after < len(doc) and after - i <= 3 and _when(doc[after]):
        after += 1
    if after < len(doc) and doc[after].text in COMMAS:
        j = i - 1
        while j >= 0 and i - j <= MAX_NP and doc[j].text not in COMMAS:
            j -= 1
        if j >= 0 and doc[j].text in COMMAS:
            head = _np(ctx, [doc[k] for k in range(j + 1, i)])
            if head is not None:
                return head, j, after
    return None


def _describes_speaker(doc: Doc, speaker: Token, cue: Token, start: int, end: int) -> bool:
    """Whether the words after the closing comma describe the speaker or the saying, not
    the statement: "..., said Mira Holt, a grower who ...", "..., officials said on
    Thursday, a day after the talks failed"."""
    for k in range(start, end + 1):
        tok = doc[k]
        if tok.head.i < start or tok.head.i > end:  # the root of that stretch
            if tok.head.i == cue.i:  # when or where it was said: "a day after the talks"
                return tok.dep_ in ("prep", "npadvmod", "advmod") or (
                    tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children)
                )
            return tok.dep_ in ("appos", "relcl", "acl") or tok.head.i == speaker.i
    return False


def _ends_sentence(ctx: Context, tok: Token) -> bool:
    """A full stop outside quotes, or a closing mark right after one (`... it."`)."""
    doc = ctx.doc
    if tok.text in SENTENCE_END and not ctx.in_quote(tok):
        return True
    return (
        tok.i > 0
        and doc[tok.i - 1].text in SENTENCE_END
        and tok.is_quote
        and ctx.quoted.get(tok.i) is not None
        and ctx.regions[ctx.quoted[tok.i]].end == tok.idx + len(tok)
    )


def _sentence_bounds(ctx: Context, first: int, last: int) -> tuple[int, int]:
    """Token bounds of the sentence around [first, last], by punctuation and paragraphs."""
    doc = ctx.doc
    lo_char, hi_char = ctx.para_range(doc[first].idx)
    lo = first
    while lo - 1 >= 0 and doc[lo - 1].idx >= lo_char and not _ends_sentence(ctx, doc[lo - 1]):
        lo -= 1
    hi = last
    while hi + 1 < len(doc) and doc[hi + 1].idx < hi_char and not _ends_sentence(ctx, doc[hi]):
        hi += 1
    return lo, hi


def _span(ctx: Context, a: int, b: int) -> Range:
    doc = ctx.doc
    return doc[a].idx, doc[b].idx + len(doc[b])


def _inner_cue(ctx: Context, start: int, end: int) -> Token | None:
    """A reporting verb early in the clause after the parenthetical, with a reported clause."""
    doc = ctx.doc
    for k in range(start, min(end + 1, start + 5)):
        tok = doc[k]
        if (
            tok.pos_ == "VERB"
            and ctx.lexicon.takes_clause(ctx.lexicon.lemma(tok))
            and not ctx.in_quote(tok)
        ):
            return tok
    return None


def _clause_start(ctx: Context, cue: Token, end: int) -> int | None:
    for c in cue.children:
        if c.dep_ == "ccomp" and c.i > cue.i:
            return c.left_edge.i
    for k in range(cue.i + 1, min(end + 1, cue.i + 8)):
        if ctx.doc[k].lower_ == "that":
            return k
    return None


CONCEDING = frozenset(("although", "though", "whereas"))


def _before_caveat(ctx: Context, start: int, hi: int) -> int:
    """The statement stops before a caveat the reporter adds: "..., although no one can
    yet be sure"."""
    doc = ctx.doc
    for k in range(start + 1, hi):
        if doc[k].lower_ in CONCEDING and doc[k - 1].text == "," and not ctx.in_quote(doc[k]):
            return k - 2 if k - 2 >= start else hi
    return hi


def attach_parentheticals(ctx: Context, used: set[int]) -> tuple[list[Draft], set[int]]:
    drafts: list[Draft] = []
    taken: set[int] = set()
    doc = ctx.doc
    for cue in ctx.tokens:
        if cue.i in used or not is_quote_cue(ctx, cue):
            continue
        found = _parenthetical(ctx, cue)
        if found is None:
            continue
        speaker, open_i, close_i = found
        lo, hi = _sentence_bounds(ctx, open_i, close_i)
        while hi > close_i and (doc[hi].is_punct or doc[hi].is_space) and not ctx.in_quote(doc[hi]):
            hi -= 1
        left = [doc[k] for k in range(lo, open_i)]
        if not left or hi <= close_i + 1 or not any(t.pos_ in HEADS for t in left):
            continue
        if _describes_speaker(doc, speaker, cue, close_i + 1, hi):
            continue  # "..., said Mira Holt, a grower who ...": not a parenthetical
        if any(ctx.in_quote(t) for t in left[-2:]):
            continue  # '"...," said X, ...' is a direct quote, handled elsewhere
        inner = _inner_cue(ctx, close_i + 1, hi)
        start = _clause_start(ctx, inner, hi) if inner is not None else None
        if inner is not None and start is not None:
            inner_speaker = _np(ctx, left) or left[-1]
            drafts.append(
                Draft(
                    content=[_span(ctx, start, hi)],
                    kind="indirect",
                    cue=(inner.idx, inner.idx + len(inner)),
                    cue_token=inner.i,
                    speaker_token=inner_speaker.i,
                    nested_token=speaker.i,
                    how="nested",
                )
            )
            taken |= {cue.i, inner.i}
            continue
        # The words before the parenthetical belong to the statement when they hold its
        # subject ("The deal, he said, would ..."), not when they only frame it ("During
        # his years in office, he said, ...").
        hi = _before_caveat(ctx, close_i + 1, hi)
        pieces = [_span(ctx, close_i + 1, hi)]
        roots = [t for t in left if not lo <= t.head.i < open_i or t.head is t]
        if not all(t.dep_ in FRAMING for t in roots):
            pieces.insert(0, _span(ctx, lo, open_i - 1))
        drafts.append(
            Draft(
                content=pieces,
                kind="indirect",
                cue=(cue.idx, cue.idx + len(cue)),
                cue_token=cue.i,
                speaker_token=speaker.i,
                how="parenthetical",
            )
        )
        taken.add(cue.i)
    return drafts, taken
