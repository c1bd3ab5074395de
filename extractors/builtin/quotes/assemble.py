"""From drafts to a clean list: quote kinds, quoted regions claimed, duplicates dropped."""

from __future__ import annotations

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft

DIRECT_SHARE = 0.9  # a content this much inside quotation marks is a direct quote
SAME = 0.8  # two contents overlapping this much (of the smaller) are one attribution
NESTED = 0.6  # ... unless the smaller, at most this share of the larger, has its cue inside


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def classify(ctx: Context, draft: Draft) -> None:
    """Set the kind of a parse-found draft from its quotation marks, and take its regions."""
    if draft.how.startswith("direct") or draft.how == "continuation":
        return
    share = ctx.quoted_share(draft.content)
    touched = [
        k
        for k, r in enumerate(ctx.regions)
        if any(r.start < e and s < r.end for s, e in draft.content)
    ]
    draft.regions = sorted(set(draft.regions) | set(touched))
    if share >= DIRECT_SHARE and touched:
        draft.kind = "direct"
        draft.content = _merge([(ctx.regions[k].start, ctx.regions[k].end) for k in touched])
    elif share > 0:
        draft.kind = "mixed"
        # Widen the content to whole quoted pieces: a clause that ends inside a quote
        # still owns its closing mark.
        draft.content = _merge(
            draft.content + [(ctx.regions[k].start, ctx.regions[k].end) for k in touched]
        )
    else:
        draft.kind = "indirect"


def _overlap(a: Draft, b: Draft) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)


PARSED = frozenset(
    (
        "clause",
        "gerund",
        "infinitive",
        "object",
        "prepositional",
        "naming",
        "as",
        "adjective",
        "light",
    )
)


def _outranks(new: Draft, old: Draft) -> bool:
    """Between two readings of the parse, the statement that holds the other wins:
    "Ruiz said [the board could press suppliers to pay]" is Ruiz's statement."""
    return new.how in PARSED and old.how in PARSED and new.size() > old.size()


def _nested(a: Draft, b: Draft) -> bool:
    """One attribution inside the other's content: "she recalls [the partner telling the
    client: "..."]". Both stand, as the annotation scheme has it."""
    small, big = (a, b) if a.size() < b.size() else (b, a)
    if small.cue is None or small.size() > NESTED * big.size():
        return False
    if not small.how.startswith("direct") or big.how not in PARSED:
        return False  # only a quotation with its own cue is sure to be a statement of its own
    return any(s <= small.cue[0] < e for s, e in big.content)


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """Keep one of each group of drafts that report the same content.

    Earlier drafts win: callers pass them most trusted first (direct quotes, then phrases,
    then clauses). A statement reported inside another one is not a duplicate of it.
    """
    kept: list[Draft] = []
    for d in drafts:
        size = d.size()
        if size == 0:
            continue
        dup = False
        for i, k in enumerate(kept):
            ov = _overlap(d, k)
            if ov and ov >= SAME * min(size, k.size()) and not _nested(d, k):
                dup = True
                if _outranks(d, k):
                    kept[i] = d
                    d, k = k, d
                if k.speaker_token is None and d.speaker_token is not None:
                    k.speaker_token = d.speaker_token
                break
        if not dup:
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))
