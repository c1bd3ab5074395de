"""Finding the quoted regions of a text from its quotation marks.

News text mixes curly marks, straight marks and, in some papers, two apostrophes (`''`)
for a double quote. Marks also go missing or stray: a quote that continues into the next
paragraph has no closing mark, and copy-edited text leaves a lone closing mark at the end
of a paragraph. The scan works paragraph by paragraph (a quote never silently spans a
newline), so one bad mark can spoil at most its own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
TOGGLES = '"'
DOUBLED = ("''", "``")  # two apostrophes (or backticks) standing for one double mark


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """One quoted passage, marks included: `[start, end)` into the text."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark

    def inner(self, text: str) -> tuple[int, int]:
        """The passage without its marks and surrounding blanks."""
        s, e = self.start, self.end
        while s < e and (text[s] in OPENERS + TOGGLES + "'`" or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in CLOSERS + TOGGLES + "'" or text[e - 1].isspace()):
            e -= 1
        return s, e


MARKS = re.compile("''|``|[" + OPENERS + CLOSERS + TOGGLES + "]")


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """The kind of quotation mark at `i` ("open", "close", "toggle" or "") and its width."""
    ch = text[i]
    if ch in OPENERS:
        return "open", 1
    if ch in CLOSERS:
        return "close", 1
    if ch in TOGGLES:
        return "toggle", 1
    pair = text[i : i + 2]
    if pair == "``":
        return "open", 2
    if pair == "''":
        return "toggle", 2
    return "", 1


def _paragraph_regions(text: str, start: int, end: int) -> list[QuoteRegion]:
    regions: list[QuoteRegion] = []
    opened: int | None = None
    # Only the marks matter: jump from one to the next rather than look at every character.
    for m in MARKS.finditer(text, start, end):
        i = m.start()
        kind, width = _mark_at(text, i)
        if kind == "close" and opened is None and not text[start:i].strip():
            kind = "open"  # a paragraph opening with a closing mark: ”We will ...”
        if kind == "open" or (kind == "toggle" and opened is None):
            # A second opener inside an open quote is a typo more often than nesting:
            # the earlier opener then had no closer, so restart from here.
            opened = i
        elif kind in ("close", "toggle") and opened is not None:
            regions.append(QuoteRegion(opened, i + width, True))
            opened = None
        # A closer with nothing open is a stray mark: ignored.
    if opened is not None:
        tail = end
        while tail > opened and text[tail - 1].isspace():
            tail -= 1
        if _has_words(text, opened, tail):
            regions.append(QuoteRegion(opened, tail, False))
    return [r for r in regions if _has_words(text, r.start, r.end)]


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def find_regions(text: str) -> list[QuoteRegion]:
    """Every quoted region of `text`, in order."""
    regions: list[QuoteRegion] = []
    pos = 0
    for line in text.split("\n"):
        regions.extend(_paragraph_regions(text, pos, pos + len(line)))
        pos += len(line) + 1
    return regions


SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "nor",
        "with",
        "by",
        "from",
        "as",
        "is",
    ]
)


def looks_like_title(text: str, region: QuoteRegion) -> bool:
    """A short quoted name rather than speech: “Morning in Town,”, ''River Notes''.

    Every word is capitalised (small function words aside) and there are few of them.
    """
    s, e = region.inner(text)
    words = [w.strip(".,;:!?()") for w in text[s:e].split()]
    words = [w for w in words if w]
    if not words or len(words) > 6:
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in SMALL_WORDS or not w[:1].isalpha() for w in words)
