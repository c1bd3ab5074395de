"""Quotes with no cue of their own: they continue the statement before them.

Quoted paragraphs with no cue keep the last speaker; one that follows a paragraph whose
quotation was left open (no closing mark, as multi-paragraph quotations are printed) is
the same statement going on.

News stories let a speaker run on: a paragraph that opens with a quotation mark, right
after an attributed paragraph, is the same voice. When the last attribution was relayed
("Biden, said Blinken, had told ..."), the voice that runs on is the relayer's.
"""

from __future__ import annotations

from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.direct import is_quote_cue
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.marks import QuoteRegion

MIN_WORDS = 3


def _opens_paragraph(ctx: Context, start: int) -> bool:
    lo = ctx.para_range(start)[0]
    return not ctx.text[lo:start].strip()


def _previous_paragraph(ctx: Context, para: int) -> int | None:
    k = para - 1
    while k >= 0:
        lo = ctx.para_starts[k]
        hi = ctx.para_starts[k + 1] - 1
        if ctx.text[lo:hi].strip():
            return k
        k -= 1
    return None


def attach_continuations(ctx: Context, drafts: list[Draft], claimed: set[int]) -> list[Draft]:
    """New drafts for unclaimed quoted paragraphs that follow an attributed one."""
    added: list[Draft] = []
    for k, region in enumerate(ctx.regions):
        if k in claimed or len(ctx.text[region.start : region.end].split()) < MIN_WORDS:
            continue
        if not _opens_paragraph(ctx, region.start):
            continue
        prev_para = _previous_paragraph(ctx, ctx.para(region.start))
        if prev_para is None:
            continue
        before = [
            d for d in drafts + added if d.end <= region.start and d.speaker_token is not None
        ]
        if not before:
            continue
        last = max(before, key=lambda d: d.end)
        if ctx.para(last.end - 1) != prev_para:
            continue
        if last.regions and not ctx.regions[max(last.regions)].closed:
            # A quotation running over several paragraphs has no closing mark until its
            # last one: the paragraph goes on with the same statement.
            last.content.append((region.start, region.end))
            last.regions.append(k)
            claimed.add(k)
            continue
        speaker = last.nested_token if last.nested_token is not None else last.speaker_token
        added.append(
            Draft(
                content=[(region.start, region.end)],
                kind="direct",
                speaker_token=speaker,
                regions=[k],
                how="continuation",
            )
        )
        claimed.add(k)
    return added


def attach_followers(ctx: Context, drafts: list[Draft], claimed: set[int]) -> None:
    """Quoted sentences that follow a reported statement in its paragraph continue it.

    `The repairs took "far too long," she added. "Next year we start in
    March."` is one attribution: nothing between the two says otherwise.
    """
    doc = ctx.doc
    for k, region in enumerate(ctx.regions):
        if k in claimed or not _full_sentence(ctx, region):
            continue
        para = ctx.para(region.start)
        before = [
            d
            for d in drafts
            if d.cue_token is not None and d.end <= region.start and ctx.para(d.start) == para
        ]
        if not before:
            continue
        last = max(before, key=lambda d: d.end)
        gap = doc.char_span(last.end, region.start, alignment_mode="expand")
        if gap is not None and any(
            t.i != last.cue_token and not ctx.in_quote(t) and is_quote_cue(ctx, t) for t in gap
        ):
            continue
        last.content.append((region.start, region.end))
        last.regions.append(k)
        if last.kind == "indirect":
            last.kind = "mixed"
        claimed.add(k)


def _full_sentence(ctx: Context, region: QuoteRegion) -> bool:
    """A quote that opens with a capital and closes its sentence (or paragraph)."""
    text = ctx.text
    s, e = region.inner(text)
    if s >= e or not text[s].isupper():
        return False
    para_end = ctx.para_range(region.start)[1]
    tail = text[region.end : para_end].lstrip()
    return text[e - 1] in ".!?" or not tail or tail[0] in ".!?"
