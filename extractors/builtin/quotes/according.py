"""Attribution by phrase: "according to the U.S. report", "in the words of ...".

The source follows the phrase; the content is the rest of the clause the phrase hangs on,
or the quote right before it (`"...," according to the report`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

TRIM = frozenset(" \t\n\u00a0,;:—–-()")
RELATIVE = ("which", "who", "whose")


def _phrase_at(ctx: Context, i: int) -> int:
    """Length in tokens of a cue phrase starting at token `i` (0 when none does)."""
    doc = ctx.doc
    first = doc[i].lower_
    if first not in ctx.lexicon.phrase_starts:
        return 0
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
    for tok in ctx.tokens:
        n = _phrase_at(ctx, tok.i)
        if not n or ctx.in_quote(tok):
            continue
        last = doc[tok.i + n - 1]
        # The object NP: the subtree of the phrase's last word, minus relative clauses.
        obj_end = last.i + 1
        for k in range(last.i + 1, min(len(doc), last.i + 12)):
            t = doc[k]
            if _joined(doc, k):
                obj_end = k + 1  # "the conservative-leaning group": one word to a reader
                continue
            if t.is_punct or t.pos_ in ("VERB", "AUX") or ctx.in_quote(t):
                break
            obj_end = k + 1
        # "according to a lawsuit brought by two ports, ...": the parse knows where
        # the source's own modifiers end; a relative clause after a comma is left out.
        for pobj in (c for c in last.children if c.dep_ == "pobj"):
            for k in range(obj_end, pobj.right_edge.i + 1):
                if doc[k].text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in RELATIVE:
                    break
                if ctx.in_quote(doc[k]) or doc[k].text in (";", ":"):
                    break
                obj_end = k + 1
        pobjs = [c for c in last.children if c.dep_ == "pobj" and c.i < obj_end]
        source = pobjs[0] if pobjs else _source(doc[last.i + 1 : obj_end])
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
            # A dash or semicolon before the phrase starts the clause it attributes.
            lo = _clause_start(ctx, lo, tok.i)
            before = _trim(ctx.text, lo, tok.idx)
            after = _trim(ctx.text, phrase_end, rel)
            if _is_clause(doc, before) and ctx.text[phrase_end : after[0]].strip() == ",":
                # "The plan would cost $2 billion, according to the board, twice the ...":
                # a whole clause before the phrase is the content; what trails after the
                # comma is the reporter's comment on it.
                after = (after[0], after[0])
            content = [p for p in (before, after) if p[1] - p[0] > 1]
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


def _joined(doc: Doc, k: int) -> bool:
    """A hyphen inside a word, or the word part right after one ("conservative-leaning")."""
    t = doc[k]
    prev = doc[k - 1]
    if t.text == "-" and not t.whitespace_ and not prev.whitespace_ and k + 1 < len(doc):
        return True
    return prev.text == "-" and not prev.whitespace_ and k >= 2 and not doc[k - 2].whitespace_


def _breaks(tok: Token) -> bool:
    return tok.text in (";", "—", "–", "--") or (tok.text == "-" and bool(tok.whitespace_))


def _clause_start(ctx: Context, lo: int, phrase: int) -> int:
    """Where the clause before a phrase starts: after a semicolon or a lone dash.

    Dashes in pairs set off an aside inside the clause ("is wrong — or worse — according
    to ..."), and a dash right before the phrase only sets the phrase off.
    """
    doc = ctx.doc
    j = phrase - 1
    while j >= 0 and doc[j].idx >= lo and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    breaks = [t for t in doc[doc[0].i : phrase] if t.idx >= lo and _breaks(t)]
    semis = [t for t in breaks if t.text == ";" and t.i <= j]
    dashes = [t for t in breaks if t.text != ";"]
    cut = semis[-1] if semis else None
    if len(dashes) % 2 == 1 and dashes[-1].i <= j and (cut is None or dashes[-1].i > cut.i):
        cut = dashes[-1]
    return cut.idx + len(cut) if cut is not None else lo


def _is_clause(doc: Doc, span: Range) -> bool:
    """Whether a stretch of text holds a finite verb with a subject of its own."""
    s, e = span
    if e - s < 2:
        return False
    part = doc.char_span(s, e, alignment_mode="expand")
    return part is not None and any(
        t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in part
    )


# Nouns that give a source after "in": a document or a poll ("In the audit, ..."),
# or somebody's view ("In her view, ...", "in his eyes").
IN_SOURCES = frozenset(
    (
        "statement",
        "letter",
        "report",
        "memo",
        "email",
        "tweet",
        "post",
        "message",
        "filing",
        "complaint",
        "lawsuit",
        "ruling",
        "document",
        "study",
        "survey",
        "poll",
        "interview",
        "speech",
        "op-ed",
        "editorial",
        "column",
        "book",
        "brief",
        "analysis",
        "assessment",
    )
)
VIEWS = frozenset(("view", "opinion", "eyes", "estimation", "mind", "judgment", "words"))


def attach_in_sources(ctx: Context, is_cue: Callable[[Token], bool]) -> list[Draft]:
    """ "In the audit, the ferry line lost ...", "In her view, the bridge ...": a phrase
    opening its sentence names where the rest of it comes from, when no verb of saying
    in the sentence does ("In a memo, the board wrote ..." is the board's)."""
    doc = ctx.doc
    drafts: list[Draft] = []
    for tok in ctx.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or ctx.in_quote(tok):
            continue
        sent = tok.sent
        if tok.i != sent.start and doc[tok.i - 1].text not in (",", "\n"):
            continue
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or noun.lemma_.lower() not in IN_SOURCES | VIEWS:
            continue
        comma = noun.right_edge.i + 1
        if comma >= len(doc) or doc[comma].text != ",":
            continue
        if any(is_cue(t) for t in doc[comma + 1 : sent.end]):
            continue
        if noun.lemma_.lower() in VIEWS:
            source = next((c for c in noun.children if c.dep_ == "poss"), None)
            if source is None:
                continue
        else:
            source = noun
        hi = ctx.para_range(tok.idx)[1]
        content = _trim(ctx.text, doc[comma].idx + 1, min(sent.end_char, hi))
        if content[1] - content[0] < 2:
            continue
        drafts.append(
            Draft(
                content=[content],
                kind="indirect",
                cue=(tok.idx, doc[comma - 1].idx + len(doc[comma - 1])),
                cue_token=tok.i,
                speaker_token=source.i,
                how="according",
            )
        )
    return drafts


def _quote_before(ctx: Context, i: int) -> int | None:
    """The quoted region that ends right before token `i` (only punctuation between).

    Never one from the paragraph before: a paragraph that opens with the phrase attributes
    its own words ("According to the survey, ...").
    """
    doc = ctx.doc
    para_start = ctx.para_range(doc[i].idx)[0]
    j = i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space) and not ctx.in_quote(doc[j]):
        j -= 1
    if j < 0 or not ctx.in_quote(doc[j]) or doc[j].idx < para_start:
        return None
    return ctx.region_of(doc[j])


def _relative_clause_start(ctx: Context, from_token: int, hi: int) -> int:
    doc = ctx.doc
    for k in range(from_token, len(doc)):
        t = doc[k]
        if t.idx >= hi:
            break
        if t.lower_ in RELATIVE and k > 0 and doc[k - 1].text == ",":
            return doc[k - 1].idx
    return hi
