"""Direct quotes: a quoted passage with a reporting cue right before or after it.

`"...," Blinken told Euronews`, `"...," said Blinken`, `Maas said: "..."`, and the pieces
of a quote split around its cue (`"A," he said. "B."`), which become one attribution with
several content spans. Quotes whose cue is further away (inside a larger clause) are left
to the clause pass, which sees them as mixed quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.clauses import content_of
from sitroom.extractors.builtin.quotes.context import Context
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.syntax import own_subject, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

from sitroom.extractors.builtin.quotes.marks import QuoteRegion, looks_like_title

SENTENCE_END = frozenset(".!?")
DASHES = "―—–-"
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
    lemma = ctx.lexicon.lemma(tok)
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
    # A speaker's full title can be long: "..., council member Ana Ruiz (R-Hill Ward), said".
    for i in range(last + 1, min(last + 1 + 2 * WINDOW, len(doc))):
        tok = doc[i]
        if tok.idx >= para_end:
            return None
        if ctx.in_quote(tok):
            if _nickname(ctx, tok):
                continue  # `"...," council member Jo "JJ" Baker said`
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


def _nickname(ctx: Context, tok: Token) -> bool:
    """A quoted nickname inside a name: one or two capitalised words between names."""
    k = ctx.region_of(tok)
    if k is None:
        return False
    region = ctx.regions[k]
    s, e = region.inner(ctx.text)
    words = ctx.text[s:e].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    span = ctx.doc.char_span(region.start, region.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.end >= len(ctx.doc):
        return False
    before, after = ctx.doc[span.start - 1], ctx.doc[span.end]
    return before.pos_ == "PROPN" and after.text[:1].isupper()


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
            return None if _has_complement(ctx, tok, first) else tok
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            return None
        if tok.pos_ not in NOUNISH:
            return None
    return None


def _has_complement(ctx: Context, cue: Token, first: int) -> bool:
    """ "growers who think so, "...": a verb whose object or clause stands between it
    and the quote already has what it reports, so the quote is not its content. An object
    that the quote spells out is no obstacle: "added the words, "..."", "said this: "..."".
    """
    doc = ctx.doc
    for c in cue.children:
        if c.dep_ not in ("dobj", "ccomp", "xcomp", "attr", "npadvmod") or ctx.in_quote(c):
            continue
        if not cue.i < c.i < first:
            continue
        between = doc[c.right_edge.i + 1 : first]
        if c.dep_ == "dobj" and all(t.text in (",", ":") for t in between):
            continue
        return True
    return False


def _usable(ctx: Context, tok: Token) -> bool:
    """A token that can name a speaker: a noun or pronoun, not a date or a place in time."""
    return (
        tok.pos_ in ("PROPN", "PRON", "NOUN")
        and not ctx.in_quote(tok)
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
        and tok.text not in SENTENCE_END
    )


def _head_of(tok: Token) -> Token:
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def speaker_for(ctx: Context, cue: Token, lo: int, hi: int) -> Token | None:
    """The speaker of a quote cue: its subject, else the nearest noun beside the cue.

    `lo`/`hi` bound where the speaker may be (outside the quote itself). Without a usable
    subject, the name between the quote and the cue comes first (`"...," Ruiz, an adviser,
    said Thursday`), then one right after the cue (`said Blinken`), never a noun inside a
    prepositional phrase ("said in an interview").
    """
    subj = own_subject(cue) or subject_of(cue)
    if subj is not None and lo <= subj.i <= hi and not ctx.in_quote(subj):
        return subj
    doc = ctx.doc
    before = range(cue.i - 1, max(lo - 1, cue.i - 12), -1)
    after = range(cue.i + 1, min(hi + 1, cue.i + 6))
    for i in list(before) + list(after):
        tok = doc[i]
        if not _usable(ctx, tok) or (tok.dep_ in ("pobj", "npadvmod", "dobj") and i > cue.i):
            continue
        head = _head_of(tok)
        if i < cue.i and (tok.dep_ == "pobj" or head.dep_ == "appos") and head.head.i != cue.i:
            continue  # "Ruiz, a senior aide to the mayor, said": skip to the name
        return head
    return None


def _dash_credit(ctx: Context, region: QuoteRegion) -> tuple[int, Token, Token] | None:
    """`"..." ― Ines Varga`: a name after a dash closing the paragraph credits the quote."""
    doc, text = ctx.doc, ctx.text
    para_end = ctx.para_range(region.start)[1]
    j = region.end
    while j < para_end and text[j] in " \t\u00a0":
        j += 1
    if j >= para_end or text[j] not in DASHES:
        return None
    # The dash may be glued to the closing mark in one token ("”―").
    dash_tok = ctx.token_at(j)
    after = doc.char_span(j + 1, para_end, alignment_mode="contract")
    names = [t for t in after or () if not (t.is_punct or t.is_space)]
    if dash_tok is None or not names or len(names) > 8 or not names[0].text[:1].isupper():
        return None
    # "― Ana Ruiz, Leeds": the name comes before any place or age after a comma.
    comma = next((t.i for t in after or () if t.text == ","), None)
    if comma is not None:
        names = [t for t in names if t.i < comma] or names
    heads = [t for t in names if t.pos_ in ("PROPN", "NOUN")]
    return j, doc[dash_tok], heads[-1] if heads else names[-1]


NOT_SPEAKERS = frozenset(("it", "this", "that", "here", "there", "following", "what"))


def _colon_lead(ctx: Context, region: QuoteRegion) -> tuple[Token, Token, Token] | None:
    """(colon, verb, speaker) when a clause ending in a colon introduces the quote:
    `The ministry's statement read: "..."`, `Okafor made one promise:` before a quoted
    paragraph. Whoever is the subject of that clause speaks."""
    text, doc = ctx.text, ctx.doc
    j = region.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    colon_i = ctx.token_at(j)
    if colon_i is None or ctx.in_quote(doc[colon_i]):
        return None
    colon = doc[colon_i]
    verb = colon.head
    if verb.pos_ not in ("VERB", "AUX") or ctx.in_quote(verb):
        return None
    lex = ctx.lexicon
    says = lex.lemma(verb) in lex.speech or any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lex.nouns for c in verb.children
    )  # "reports:", "gave this warning:", "has a message:"
    speaker = own_subject(verb)
    if not says or speaker is None or speaker.lower_ in NOT_SPEAKERS:
        return None
    if speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return colon, verb, speaker


def _other_cue_between(ctx: Context, start: int, end: int, allowed: int | None) -> bool:
    """Whether someone else may be speaking between two token positions.

    That takes a cue that reports something of its own; the speaker's own asides ("...,"
    she said, emphasizing why ...) and plain verbs of saying without content ("He didn't
    mention the cost") do not interrupt a quote.
    """
    doc = ctx.doc
    for i in range(start, end):
        tok = doc[i]
        if i == allowed or ctx.in_quote(tok) or not is_quote_cue(ctx, tok):
            continue
        if allowed is not None and (tok.head.i == allowed or doc[allowed].head.i == i):
            # The speaker's own aside, unless the next quote comes in its sentence:
            # `"...," she said, adding: "..."` is a second statement, while in
            # `"...," she said, laughing. "..."` the same quote goes on.
            if any(doc[j].text in SENTENCE_END for j in range(i + 1, end)):
                continue
            return True
        if content_of(ctx, tok) is not None or _next_to_quote(ctx, tok):
            return True
        if tok.right_edge.i >= end:  # "listing her demands, among them "...""
            return True
    return False


def _next_to_quote(ctx: Context, tok: Token) -> bool:
    """A cue right beside a quotation: `"...," she said`, `he said: "..."`."""
    doc = ctx.doc
    i = tok.i
    near = [i - 1, i - 2, i + 1]
    if i + 1 < len(doc) and doc[i + 1].text in (",", ":"):
        near.append(i + 2)
    return any(0 <= k < len(doc) and ctx.in_quote(doc[k]) for k in near)


def _is_title(ctx: Context, region: QuoteRegion, first: int) -> bool:
    """A quoted title inside a sentence (`appeared on “Morning in Town,”`), not a quote."""
    if not looks_like_title(ctx.text, region) or first == 0:
        return False
    prev = ctx.doc[first - 1]
    return prev.pos_ in ("ADP", "VERB", "DET", "PROPN", "NOUN", "ADJ") and not prev.is_punct


def attach_direct(ctx: Context, claimed: set[int]) -> list[Draft]:
    """Attribute every quoted region that has a cue right beside it.

    A region that follows an attributed one in the same paragraph, with that attribution's
    cue (or no other cue) in between, is the same quote continued: `"A," he said. "B."`.
    """
    drafts: list[Draft] = []
    by_cue: dict[int, Draft] = {}
    last_in_para: dict[int, tuple[Draft, int]] = {}  # paragraph -> (draft, its last token)
    for k, region in enumerate(ctx.regions):
        bounds = _tokens(ctx, region)
        if bounds is None or k in claimed or _is_title(ctx, region, bounds[0]):
            continue
        first, last = bounds
        para = ctx.para(region.start)
        prev = last_in_para.get(para)
        ends = _ends_sentence(ctx, region, last)
        starts = _starts_clause(ctx, region)
        cue = _cue_after(ctx, region, last) if starts else None
        if cue is None and prev is not None and ends:
            draft, prev_last = prev
            if not _other_cue_between(ctx, prev_last + 1, first, draft.cue_token):
                draft.content.append((region.start, region.end))
                draft.regions.append(k)
                last_in_para[para] = (draft, last)
                continue
        if cue is None and ends and starts:
            cue = _cue_before(ctx, region, first, merging=False)
        speaker: Token | None = None
        cue_span: tuple[int, int] | None = None
        if cue is None and starts:
            credit = _dash_credit(ctx, region)
            if credit is not None:
                dash, cue, speaker = credit
                cue_span = (dash, dash + 1)
        if cue is None and ends:
            lead = _colon_lead(ctx, region)
            if lead is not None:
                colon, cue, speaker = lead
                cue_span = (colon.idx, colon.idx + 1)
        if cue is None:
            continue
        same = by_cue.get(cue.i)
        if same is not None:
            same.content.append((region.start, region.end))
            same.regions.append(k)
            last_in_para[para] = (same, last)
            continue
        if speaker is None:
            lo, hi = _speaker_window(ctx, region, cue, first, last)
            speaker = speaker_for(ctx, cue, lo, hi)
        draft = Draft(
            content=[(region.start, region.end)],
            kind="direct",
            cue=cue_span or _cue_range(ctx, cue),
            cue_token=cue.i,
            speaker_token=speaker.i if speaker is not None else None,
            regions=[k],
            how="direct-after" if cue.i > last else "direct-before",
        )
        drafts.append(draft)
        by_cue[cue.i] = draft
        last_in_para[para] = (draft, last)
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
    particles = ctx.lexicon.particles.get(ctx.lexicon.lemma(cue), frozenset())
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.head.i == cue.i and (nxt.dep_ == "prt" or nxt.lower_ in particles):
        end = nxt.idx + len(nxt)
    return cue.idx, end
