"""A span shown in its context: the sentence around it, clipped to a few lines, the span
itself emphasised.

A piece of threat evidence is often a single trigger word ("mobilizing"); on its own it
tells the analyst nothing. The engine gives spans, not sentences, and the dashboard has no
spaCy, so the sentence is found here from the text itself: it ends at . ! ? (followed by a
space and not part of a short abbreviation like "Sec." or "U.N.") or at a line break. When
it does not fit, it is clipped around the span at word boundaries, keeping more of what
follows the trigger (its object: "mobilizing *troops along the border*") than what precedes.
"""

from __future__ import annotations

import re

from textual.content import Content

from sitroom.extractors.model import Span
from sitroom.tui.wrap import wrap

ELLIPSIS = "…"
#: A sentence longer than this many characters either side of the span is clipped anyway
#: (a text without punctuation must not make a whole paragraph the "sentence").
REACH = 400
_SPACES = re.compile(r"\s+")


def sentence_around(text: str, span: Span) -> Span:
    """The sentence (or line) holding `span`, without its surrounding whitespace."""
    start = max(0, min(span.start, len(text)))
    end = max(start, min(span.end, len(text)))
    floor = max(0, start - REACH)
    left = start
    while left > floor:
        char = text[left - 1]
        if char == "\n" or (char in ".!?" and _ends_sentence(text, left - 1)):
            break
        left -= 1
    ceiling = min(len(text), end + REACH)
    right = end
    while right < ceiling:
        char = text[right]
        if char == "\n":
            break
        right += 1
        if char in ".!?" and _ends_sentence(text, right - 1):
            break
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return Span(left, right)


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the mark at `at` ends a sentence: a space or the end follows, (a closing
    quote may come first), and it does not close a short abbreviation ("Sec.", "U.N.")."""
    after = at + 1
    while after < len(text) and text[after] in "\"'”’)":
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    if text[at] != ".":
        return True
    word_start = at
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:at]
    if "." in word:  # U.N. / U.S.
        return False
    return not (word[:1].isupper() and len(word) <= 3)  # Sec. Mr. Dr. Gen.


def snippet(
    text: str, span: Span, width: int, lines: int = 2, style: str = "", mark: str = "bold"
) -> Content:
    """The sentence around `span` on at most `lines` lines of `width` cells, `span` in
    style `mark` and the rest in `style`; clipped with … where it does not fit."""
    width = max(width, 8)
    sentence = sentence_around(text, span)
    start, end = max(span.start, sentence.start), min(span.end, sentence.end)
    left, right = sentence.start, sentence.end
    budget = width * lines - 2 * len(ELLIPSIS) - lines  # slack for wrapping at spaces
    if right - left > budget:
        room = max(budget - (end - start), 0)
        before = min(start - left, room // 3)
        after = min(right - end, room - before)
        before = min(start - left, room - after)  # a short tail leaves more for the head
        left, right = _word_start(text, start - before, start), _word_end(text, end + after, end)
    head = ELLIPSIS if left > sentence.start else ""
    tail = ELLIPSIS if right < sentence.end else ""
    # line breaks and runs of spaces become one space, piece by piece, so the span's place
    # in the flattened string is known exactly
    lead, marked = _flat(text[left:start]), _flat(text[start:end])
    flat = head + lead + marked + _flat(text[end:right]) + tail
    at = len(head) + len(lead)
    rows = wrap(flat, width)[:lines]
    if rows and rows[-1][1] < len(flat):  # still too long: cut the last line at a word
        last_start, _ = rows[-1]
        cut = last_start + width - len(ELLIPSIS)
        space = flat.rfind(" ", last_start, cut + 1)
        if space > last_start + width // 2:
            cut = space
        flat = flat[:cut].rstrip() + ELLIPSIS
        rows[-1] = (last_start, len(flat))
    out: list[Content] = []
    for row_start, row_end in rows:
        piece = flat[row_start:row_end]
        line = Content.styled(piece, style) if style else Content(piece)
        a, b = max(at, row_start), min(at + len(marked), row_end)
        if a < b:
            line = line.stylize(mark, a - row_start, b - row_start)
        out.append(line)
    return Content("\n").join(out)


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text)


def _word_start(text: str, at: int, limit: int) -> int:
    """`at` moved forward to the start of a word (never past `limit`)."""
    at = max(at, 0)
    if at == 0 or text[at - 1].isspace():
        return at
    while at < limit and not text[at].isspace():
        at += 1
    while at < limit and text[at].isspace():
        at += 1
    return at


def _word_end(text: str, at: int, limit: int) -> int:
    """`at` moved back to the end of a word (never before `limit`)."""
    at = min(at, len(text))
    if at == len(text) or text[at].isspace():
        return at
    while at > limit and not text[at - 1].isspace():
        at -= 1
    while at > limit and text[at - 1].isspace():
        at -= 1
    return at
