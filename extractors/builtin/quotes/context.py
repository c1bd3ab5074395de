"""What every attribution pass needs to know about one article, computed once."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.lexicon import Lexicon
from sitroom.extractors.builtin.quotes.marks import QuoteRegion, find_regions
from sitroom.extractors.builtin.quotes.syntax import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Range = tuple[int, int]
ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum() has it


@dataclass
class Context:
    doc: Doc
    text: str
    lexicon: Lexicon
    regions: list[QuoteRegion] = field(default_factory=list)
    # Token index -> index of the quoted region the token lies in (absent: outside quotes).
    quoted: dict[int, int] = field(default_factory=dict)
    para_starts: list[int] = field(default_factory=list)
    # The tokens, made once: spaCy builds a new Token object on every iteration of a Doc.
    tokens: list[Token] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, lexicon: Lexicon) -> Context:
        text = doc_text(doc)
        ctx = cls(doc=doc, text=text, lexicon=lexicon, regions=find_regions(text))
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        ctx.para_starts = starts
        region_starts = [r.start for r in ctx.regions]
        ctx.tokens = list(doc)
        for tok in ctx.tokens:
            k = bisect.bisect_right(region_starts, tok.idx) - 1
            if k >= 0:
                r = ctx.regions[k]
                # The marks themselves count as inside, so a quote's own punctuation is too.
                if r.start <= tok.idx < r.end:
                    ctx.quoted[tok.i] = k
        return ctx

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def para_range(self, char: int) -> Range:
        k = self.para(char)
        end = self.para_starts[k + 1] - 1 if k + 1 < len(self.para_starts) else len(self.text)
        return self.para_starts[k], end

    def in_quote(self, tok: Token) -> bool:
        return tok.i in self.quoted

    def region_of(self, tok: Token) -> int | None:
        return self.quoted.get(tok.i)

    def token_at(self, char: int) -> int | None:
        """Index of the token that starts at or covers `char`."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else None

    def quoted_share(self, spans: list[Range]) -> float:
        """Share of the letters and digits of `spans` that lie inside quotation marks."""
        total = inside = 0
        text = self.text
        for s, e in spans:
            total += len(ALNUM.findall(text, s, e))
            for r in self.regions:
                if r.start >= e:
                    break
                lo, hi = r.inner(text)
                lo, hi = max(lo, s), min(hi, e)
                if lo < hi:
                    inside += len(ALNUM.findall(text, lo, hi))
        return inside / total if total else 0.0
