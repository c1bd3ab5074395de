"""Attribution by phrase: "according to the U.S. report", "in the words of ...".

The source follows the phrase; the content is the rest of the clause the phrase hangs on,
or the quote right before it (`"...," according to the report`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

TRIM = frozenset(" \t\n\u00a0,;:—–-()")


def _phrase_at(ctx: Context, i: int) -> int:
    """Length in tokens of a cue phrase starting at token `i` (0 when none does)."""
    doc = ctx.doc
    first = doc[i].lower_
    for phrase in ctx.lexicon.phrases:
        if phrase.words[0] != first:
            continue
        n = len(phrase.words)
        if i + n <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase.words)):
            return n
    return 0


def _source(doc_tokens: SpacySpan) -> Token | None:
    """The head noun of the phrase's object: "the U.S. report" -> report."""
    for tok in doc_tokens:
        if tok.dep_ == "pobj" or tok.pos_ in ("PROPN", "NOUN", "PRON"):
            head = tok
            while head.dep_ in ("compound", "flat", "amod") and head.head.i > head.i:
                head = head.head
            return head
    return None


def _trim(text: str, start: int, end: int) -> Range:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def attach_phrases(ctx: Context) -> list[Draft]:
    doc = ctx.doc
    drafts: list[Draft] = []
    for tok in doc:
        n = _phrase_at(ctx, tok.i)
        if not n or ctx.in_quote(tok):
            continue
        last = doc[tok.i + n - 1]
        # The object NP: the subtree of the phrase's last word, minus relative clauses.
        obj_end = last.i + 1
        for k in range(last.i + 1, min(len(doc), last.i + 12)):
            t = doc[k]
            if t.is_punct or t.pos_ in ("VERB", "AUX") or ctx.in_quote(t):
                break
            obj_end = k + 1
        source = _source(doc[last.i + 1 : obj_end])
        cue = (tok.idx, last.idx + len(last))
        sent = tok.sent
        para_lo, para_hi = ctx.para_range(tok.idx)
        quoted = _quote_before(ctx, tok.i)
        if quoted is not None:
            region = ctx.regions[quoted]
            content = [(region.start, region.end)]
            regions = [quoted]
        else:
            lo = max(sent.start_char, para_lo)
            hi = min(sent.end_char, para_hi)
            phrase_end = doc[obj_end - 1].idx + len(doc[obj_end - 1])
            # A relative clause on the source ("..., which said ...") is the source talking
            # again, not part of this content.
            rel = _relative_clause_start(ctx, obj_end, hi)
            pieces = [_trim(ctx.text, lo, tok.idx), _trim(ctx.text, phrase_end, rel)]
            content = [p for p in pieces if p[1] - p[0] > 1]
            regions = []
        if not content:
            continue
        drafts.append(
            Draft(
                content=content,
                kind="indirect",
                cue=cue,
                cue_token=tok.i,
                speaker_token=source.i if source is not None else None,
                regions=regions,
                how="according",
            )
        )
    return drafts


def _quote_before(ctx: Context, i: int) -> int | None:
    """The quoted region that ends right before token `i` (only punctuation between)."""
    doc = ctx.doc
    j = i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space) and not ctx.in_quote(doc[j]):
        j -= 1
    if j < 0 or not ctx.in_quote(doc[j]):
        return None
    return ctx.region_of(doc[j])


def _relative_clause_start(ctx: Context, from_token: int, hi: int) -> int:
    doc = ctx.doc
    for k in range(from_token, len(doc)):
        t = doc[k]
        if t.idx >= hi:
            break
        if t.lower_ in ("which", "who", "whose") and k > 0 and doc[k - 1].text == ",":
            return doc[k - 1].idx
    return hi
