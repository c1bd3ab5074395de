"""Quoted paragraphs with no cue of their own keep the last speaker.

News stories let a speaker run on: a paragraph that opens with a quotation mark, right
after an attributed paragraph, is the same voice. When the last attribution was relayed
("Biden, said Blinken, had told ..."), the voice that runs on is the relayer's.
"""

from __future__ import annotations

from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.draft import Draft

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
