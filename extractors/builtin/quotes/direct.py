"""Direct quotes: a quoted passage with a reporting cue right before or after it.

`"...," Blinken told Euronews`, `"...," said Blinken`, `Maas said: "..."`, and the pieces
of a quote split around its cue (`"A," he said. "B."`), which become one attribution with
several content spans. Quotes whose cue is further away (inside a larger clause) are left
to the clause pass, which sees them as mixed quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.syntax import own_subject, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

from sitroom.extractors.builtin.quotes.marks import QuoteRegion

SENTENCE_END = frozenset(".!?")
# Parts of speech that may stand between a quote and its cue: the speaker's name and titles.
NOUNISH = frozenset(
    (
        "PROPN",
        "NOUN",
        "PRON",
        "DET",
        "ADJ",
        "ADP",
        "PUNCT",
        "CCONJ",
        "NUM",
        "PART",
        "ADV",
        "SPACE",
        "X",
    )
)
WINDOW = 12


def is_quote_cue(ctx: Context, tok: Token) -> bool:
    """A verb that can introduce a direct quote: "said", "told", "went on", "added"."""
    if tok.pos_ not in ("VERB", "AUX") or ctx.in_quote(tok):
        return False
    lemma = tok.lemma_.lower()
    lex = ctx.lexicon
    particles = lex.particles.get(lemma)
    if particles and any(
        c.dep_ in ("prt", "advmod", "acomp", "prep") and c.lower_ in particles for c in tok.children
    ):
        return True
    if lemma in lex.needs_frame:
        return False
    return lemma in lex.speech or lemma in lex.belief


def _tokens(ctx: Context, region: QuoteRegion) -> tuple[int, int] | None:
    span = ctx.doc.char_span(region.start, region.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end - 1


def _cue_after(ctx: Context, region: QuoteRegion, last: int) -> Token | None:
    """`"...," he said` or `"...," said Blinken`: the cue follows the closing mark."""
    doc = ctx.doc
    para_end = ctx.para_range(region.start)[1]
    for i in range(last + 1, min(last + 1 + WINDOW, len(doc))):
        tok = doc[i]
        if tok.idx >= para_end or ctx.in_quote(tok):
            return None
        if tok.text in SENTENCE_END:
            return None
        if is_quote_cue(ctx, tok):
            return tok
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            return None
        if tok.pos_ not in NOUNISH:
            return None
    return None


def _starts_clause(ctx: Context, region: QuoteRegion) -> bool:
    """Whether a quote opens a sentence or clause rather than sitting inside one."""
    text = ctx.text
    inner_start = region.inner(text)[0]
    if inner_start < len(text) and text[inner_start].isupper():
        return True
    j = region.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\n.!?:;,—–-("


def _ends_sentence(ctx: Context, region: QuoteRegion, last: int) -> bool:
    """Only closing punctuation (or the paragraph's end) follows the quote."""
    doc = ctx.doc
    para_end = ctx.para_range(region.start)[1]
    for i in range(last + 1, min(last + 4, len(doc))):
        tok = doc[i]
        if tok.idx >= para_end or tok.text in SENTENCE_END:
            return True
        if not tok.is_punct and not tok.is_space:
            return False
    return True


def _cue_before(ctx: Context, region: QuoteRegion, first: int, merging: bool) -> Token | None:
    """`Maas said: "..."`, and `he said. "B."` after the first half of a split quote."""
    doc = ctx.doc
    para_start = ctx.para_range(region.start)[0]
    crossed_stop = False
    for i in range(first - 1, max(first - 1 - WINDOW, -1), -1):
        tok = doc[i]
        if tok.idx < para_start or ctx.in_quote(tok):
            return None
        if tok.text in SENTENCE_END:
            if not merging or crossed_stop:
                return None
            crossed_stop = True
            continue
        if is_quote_cue(ctx, tok):
            return tok
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            return None
        if tok.pos_ not in NOUNISH:
            return None
    return None


def speaker_for(ctx: Context, cue: Token, lo: int, hi: int) -> Token | None:
    """The speaker of a quote cue: its subject, else the nearest noun beside the cue.

    `lo`/`hi` bound where the speaker may be (outside the quote itself).
    """
    subj = own_subject(cue) or subject_of(cue)
    if subj is not None and lo <= subj.i <= hi and not ctx.in_quote(subj):
        return subj
    doc = ctx.doc
    # "said Blinken" parsed as an object, or a name the parser left dangling.
    for i in list(range(cue.i + 1, min(hi + 1, cue.i + 6))) + list(
        range(cue.i - 1, max(lo - 1, cue.i - 8), -1)
    ):
        tok = doc[i]
        if ctx.in_quote(tok) or tok.text in SENTENCE_END:
            continue
        if tok.pos_ in ("PROPN", "PRON", "NOUN"):
            head = tok
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            return head
    return None


def attach_direct(ctx: Context) -> list[Draft]:
    """Attribute every quoted region that has a cue right beside it."""
    drafts: list[Draft] = []
    by_cue: dict[int, Draft] = {}
    last_in_para: dict[int, Draft] = {}
    for k, region in enumerate(ctx.regions):
        bounds = _tokens(ctx, region)
        if bounds is None:
            continue
        first, last = bounds
        para = ctx.para(region.start)
        prev = last_in_para.get(para)
        cue = None
        if _starts_clause(ctx, region):
            cue = _cue_after(ctx, region, last)
        if cue is None and (
            prev is not None or (_ends_sentence(ctx, region, last) and _starts_clause(ctx, region))
        ):
            cue = _cue_before(ctx, region, first, merging=prev is not None)
            if (
                cue is not None
                and prev is not None
                and cue.i not in by_cue
                and not _ends_sentence(ctx, region, last)
            ):
                cue = None
        if cue is None:
            continue
        draft = by_cue.get(cue.i)
        if draft is not None:
            draft.content.append((region.start, region.end))
            draft.regions.append(k)
            continue
        lo, hi = _speaker_window(ctx, region, cue, first, last)
        speaker = speaker_for(ctx, cue, lo, hi)
        draft = Draft(
            content=[(region.start, region.end)],
            kind="direct",
            cue=_cue_range(ctx, cue),
            cue_token=cue.i,
            speaker_token=speaker.i if speaker is not None else None,
            regions=[k],
            how="direct-after" if cue.i > last else "direct-before",
        )
        drafts.append(draft)
        by_cue[cue.i] = draft
        last_in_para[para] = draft
    return drafts


def _speaker_window(
    ctx: Context, region: QuoteRegion, cue: Token, first: int, last: int
) -> tuple[int, int]:
    doc = ctx.doc
    if cue.i > last:
        hi = cue.i
        while (
            hi + 1 < len(doc)
            and not ctx.in_quote(doc[hi + 1])
            and doc[hi + 1].text not in SENTENCE_END
        ):
            hi += 1
        return last + 1, hi
    lo = cue.i
    while (
        lo - 1 >= 0
        and not ctx.in_quote(doc[lo - 1])
        and doc[lo - 1].text not in SENTENCE_END
        and doc[lo - 1].text != "\n"
    ):
        lo -= 1
    return lo, first - 1


def _cue_range(ctx: Context, cue: Token) -> tuple[int, int]:
    """The cue with its particle: "went on", "pointed out"."""
    end = cue.idx + len(cue)
    particles = ctx.lexicon.particles.get(cue.lemma_.lower(), frozenset())
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.head.i == cue.i and (nxt.dep_ == "prt" or nxt.lower_ in particles):
        end = nxt.idx + len(nxt)
    return cue.idx, end
