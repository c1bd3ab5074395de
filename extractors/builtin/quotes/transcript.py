"""Transcripts: paragraphs that open with a speaker's name in capitals and a colon.

    HOST: Will the ferry run tomorrow?
    OKONJO: It will not sail before the storm passes.

Interviews and debate transcripts name each speaker this way. The name must be in
capitals (one to three words) so that "Note: ..." or "Update: ..." are not taken for
speakers, and a few such labels are excluded outright.
"""

from __future__ import annotations

import re

from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.draft import Draft

LABEL = re.compile(
    r"[ \t]*[\"“'`]*[ \t]*(?P<name>[A-Z][A-Z.'’\-]+(?:[ \t][A-Z][A-Z.'’\-]+){0,2}):[ \t]+\S"
)
# A headline in the "Speaker: what was said" style: "Survey: Most farmers expect a dry summer".
HEADLINE = re.compile(r"[ \t]*(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}):[ \t]+\S")
NOT_SPEAKERS = frozenset(
    [
        "NOTE",
        "UPDATE",
        "UPDATED",
        "EDITOR",
        "WATCH",
        "READ",
        "RELATED",
        "PHOTO",
        "PHOTOS",
        "VIDEO",
        "SOURCE",
        "SOURCES",
        "CORRECTION",
        "ADVERTISEMENT",
        "Q",
        "A",
        "PS",
        "P.S.",
        "WARNING",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
    ]
)


def attach_transcript(ctx: Context) -> list[Draft]:
    drafts: list[Draft] = []
    text = ctx.text
    title_seen = False
    for k, start in enumerate(ctx.para_starts):
        end = ctx.para_starts[k + 1] - 1 if k + 1 < len(ctx.para_starts) else len(text)
        m = LABEL.match(text, start, end)
        if not title_seen and text[start:end].strip():
            title_seen = True
            m = m or HEADLINE.match(text, start, end)
        if m is None:
            continue
        name = m.group("name")
        if any(word.strip(".'’").upper() in NOT_SPEAKERS for word in name.split()) or len(name) < 2:
            continue
        body = m.end() - 1
        tail = end
        while tail > body and (text[tail - 1].isspace() or text[tail - 1] in '"”'):
            tail -= 1
        speaker = ctx.token_at(m.start("name") + len(name) - 1)
        colon = m.start("name") + len(name)
        regions = [
            i
            for i, r in enumerate(ctx.regions)
            if r.start < tail and body < r.end and r.start >= start
        ]
        drafts.append(
            Draft(
                content=[(body, tail)],
                kind="direct",
                cue=(colon, colon + 1),
                cue_token=ctx.token_at(colon),
                speaker_token=speaker,
                regions=regions,
                how="transcript",
            )
        )
    return drafts
