"""Reported speech and thought read off the dependency parse.

A cue verb from the lexicon brings its content as a dependent: a clause (`said that ...`,
`denied that ...`), an object and infinitive (`warned Russia to back off`), a prepositional
object (`warned of serious consequences`, `called for talks`) or, for a few verbs, a plain
object (`confirmed it`). The speaker is the verb's subject, or the subject it shares with
the verb it hangs on (`..., adding that ...`, `in saying ...`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.draft import Draft
from sitroom.extractors.builtin.quotes.lexicon import Lexicon
from sitroom.extractors.builtin.quotes.passives import as_phrase, passive_content
from sitroom.extractors.builtin.quotes.pruning import clause_ranges
from sitroom.extractors.builtin.quotes.syntax import is_passive, subject_of, subtree_range

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_DEPS = ("ccomp",)
# Children of a cue that are never part of what was said.
NOT_CONTENT = frozenset(
    (
        "nsubj",
        "nsubjpass",
        "aux",
        "auxpass",
        "neg",
        "punct",
        "cc",
        "mark",
        "prt",
        "agent",
        "npadvmod",
        "dative",
    )
)


def _clause_children(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if found:
        return found
    # "said after the vote she would step down": the parser takes the clause for an adverbial
    # one when a phrase comes between; a clause with its own subject and no conjunction,
    # right of the verb, is still what was said.
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.i > verb.i
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i for g in c.children)
        and not any(g.dep_ == "mark" for g in c.children)
        and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        and not any(t.is_punct for t in verb.doc[verb.i + 1 : c.i])
    ]


def _infinitive(verb: Token) -> Token | None:
    for c in verb.children:
        if (
            c.dep_ == "xcomp"
            and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return c
    return None


# Conjunctions that open a clause conceding or contrasting, which the reporter adds.
CONTRAST = frozenset(("although", "though", "while", "whereas", "but", "even"))


def _trailing_adjuncts(
    ctx: Context, verb: Token, clause: Token, is_cue: Callable[[Token], bool]
) -> list[Range]:
    """ "said wages lag, at least for night shifts": the parser hangs the end of the
    statement on the verb of saying; a condition, time or comparison right after the
    reported clause still belongs to it. Asides (", citing ...") and contrasts do not."""
    out: list[Range] = []
    end = clause.right_edge.i
    for c in verb.children:
        if c.i <= end or c.dep_ == "punct":
            continue
        if c.dep_ not in ("advcl", "prep") or is_cue(c):
            break
        if c.tag_ == "VBG" and not any(g.dep_ == "mark" for g in c.children):
            break  # ", quietly tying her career to it": the reporter's comment
        marks = [g.lower_ for g in c.children if g.dep_ == "mark"]
        if any(m in CONTRAST for m in marks) or any(t.text == ";" for t in ctx.doc[end : c.i]):
            break
        out += clause_ranges(ctx, c, is_cue)
        end = c.right_edge.i
    return out


def _feeling(ctx: Context, tok: Token) -> bool:
    """An adjective of believing or feeling: "confident", and the participles that work
    as one ("are convinced that", "were frustrated that")."""
    adjectives = ctx.lexicon.adjectives
    if tok.pos_ == "ADJ":
        return tok.lower_ in adjectives or tok.lemma_.lower() in adjectives
    return tok.tag_ == "VBN" and tok.lower_ in adjectives and is_passive(tok)


def _adjective(ctx: Context, adj: Token) -> tuple[list[Range], str] | None:
    """ "confident that ...", "eager to ...", "worried about the cost"."""
    lex = ctx.lexicon
    is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
    clauses = [c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i]
    if clauses:
        return [r for c in clauses for r in clause_ranges(ctx, c, is_cue)], "adjective"
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return clause_ranges(ctx, c, is_cue), "adjective"  # "eager to help"
        if c.dep_ == "prep" and c.lower_ in lex.feeling_preps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:  # "worried about the cost"
                pieces = [r for g in objs for r in clause_ranges(ctx, g, is_cue, True)]
                return _join(ctx, pieces), "adjective"
    return None


def _colon_between(ctx: Context, clause: Token, verb: Token) -> bool:
    """ "The vote was close: officials said ...": a clause before a colon is not what the
    verb after it reports (that takes a comma: "The vote was close, officials said")."""
    if clause.i > verb.i:
        return False
    between = ctx.doc[clause.right_edge.i + 1 : verb.i]
    return any(t.text in (":", ";") and not ctx.in_quote(t) for t in between)


def _gerund(verb: Token) -> Token | None:
    """A subjectless -ing complement right of the verb: "proposed dropping the tax"."""
    for c in verb.children:
        if (
            c.dep_ in ("xcomp", "ccomp")
            and c.tag_ == "VBG"
            and c.i > verb.i
            and not any(g.dep_ in ("nsubj", "aux", "mark") for g in c.children)
        ):
            return c
    return None


def _object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
    return None


def content_of(ctx: Context, verb: Token) -> tuple[list[Range], str] | None:
    """What a cue verb (or adjective) reports, and which frame it was found in."""
    lex = ctx.lexicon
    lemma = ctx.lexicon.lemma(verb)
    if _feeling(ctx, verb):
        return _adjective(ctx, verb)
    clauses = _clause_children(verb)
    if is_passive(verb) and not clauses:
        is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
        passive = passive_content(ctx, verb, is_cue)
        if passive:
            return _join(ctx, passive), "passive"
    if clauses and lex.takes_clause(lemma):
        is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
        # A clause after its cue keeps nothing before the cue: the parser sometimes hangs an
        # opening phrase of the sentence ("Back in her office, she noted that ...") on it.
        ranges = [
            r
            for c in clauses
            if not _colon_between(ctx, c, verb)
            for r in clause_ranges(ctx, c, is_cue, after_cue=c.i > verb.i)
            if c.i < verb.i or r[1] > verb.idx
        ]
        if ranges:
            if clauses[-1].i > verb.i:
                ranges += _trailing_adjuncts(ctx, verb, clauses[-1], is_cue)
            return _join(ctx, ranges), "clause"
    gerund = _gerund(verb)
    if (
        gerund is not None
        and (lex.takes_clause(lemma) or lemma in lex.intention)
        and lemma not in lex.needs_frame  # "went hiking"
    ):
        # "proposed dropping the tax", "denied taking the money"
        is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
        return clause_ranges(ctx, gerund, is_cue), "gerund"
    inf = _infinitive(verb)
    if inf is not None and (lemma in lex.directive or lemma in lex.intention):
        obj = _object(verb)
        is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
        # "refused to pay or explain why": the second verb reports on its own.
        pieces = clause_ranges(ctx, inf, is_cue)
        if obj is not None and obj.i < inf.i:
            pieces.insert(0, (obj.left_edge.idx, pieces[0][0]))
        return _join(ctx, pieces), "infinitive"
    preps = lex.prepositional.get(lemma)
    if preps:
        found = _prepositional(ctx, verb, preps)
        if found is not None:
            return found, "prepositional"
    obj = _object(verb)
    if _purpose(verb):
        return None  # "speaking on condition of anonymity to discuss the finding"
    naming = _naming(ctx, verb, obj) if lemma in lex.naming else None
    if naming is not None:
        return naming, "naming"
    cast = _cast_as(ctx, verb, obj) if lemma in lex.as_frame else None
    if cast is not None:
        return cast, "as"
    # "reaffirmed Moscow's denial that ...", "made the case that ...": a statement noun
    # with its clause, whatever the verb.
    said = _noun_clause(lex, obj)
    if said is not None:
        return [subtree_range(said)], "noun-clause"
    if lemma in lex.light_verbs:
        stance = _light(ctx, obj)
        if stance is not None:
            return stance, "light"
    if obj is not None and lemma in lex.object:
        is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
        pieces = clause_ranges(ctx, obj, is_cue, nominal=True)
        # "cited the delays as proof of ...", "attacked the mayor for her vote". Kept as
        # separate pieces: in "negotiations that both sides described as friendly" the
        # speaker stands between the object and its extension.
        rest = True  # phrases right after the object, up to the first that is not
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in lex.extensions(lemma) and c.idx >= pieces[0][1]:
                pieces += clause_ranges(ctx, c, is_cue, nominal=True)
            elif c.i > obj.i and rest:
                # "confirmed it to the AP": whom a thing is said to is not what was said.
                rest = _rest_of_phrase(ctx, obj, c) and not (
                    c.lower_ == "to" and lemma in lex.speech
                )
                if rest:
                    pieces += clause_ranges(ctx, c, is_cue, nominal=True)
        return _join(ctx, pieces), "object"
    return None


# Prepositions that can complete a reported act ("offered loans to parents"), unlike
# those that only set the scene ("amid protests", "at a rally", "after the vote").
COMPLETING = frozenset(
    ("to", "for", "with", "in", "on", "about", "against", "over", "into", "toward", "towards")
)


def _rest_of_phrase(ctx: Context, obj: Token, c: Token) -> bool:
    """A phrase right after the object that completes what was said: "offered loans to
    parents", "endorsed her in the race"; not a time ("on Monday") or a comma-set aside."""
    if c.dep_ not in ("prep", "dative") or c.lower_ not in COMPLETING:
        return False
    between = ctx.doc[obj.right_edge.i + 1 : c.left_edge.i]
    if any(t.is_punct for t in between):
        return False
    if ctx.doc[c.left_edge.i - 1].is_punct:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)


def _noun_clause(lex: Lexicon, obj: Token | None) -> Token | None:
    """The that-clause of a statement noun: "denial that ...", "the case that ..."."""
    if obj is None or obj.lemma_.lower() not in lex.nouns:
        return None
    for c in obj.children:
        if c.dep_ in ("acl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return c
    return None


def _light(ctx: Context, obj: Token | None) -> list[Range] | None:
    """ "voiced support for the plan": what the stance noun's preposition governs."""
    lex = ctx.lexicon
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    if (
        lemma not in lex.stance_nouns
        and lemma not in lex.nouns
        and obj.lower_ not in lex.stance_nouns
    ):
        return None
    is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ in lex.stance_preps and c.i > obj.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return _join(ctx, [r for g in objs for r in clause_ranges(ctx, g, is_cue, True)])
    return None


def _join(ctx: Context, pieces: list[Range]) -> list[Range]:
    """Pieces in order, joined where only blanks or punctuation separate them."""
    out: list[Range] = []
    for s, e in sorted(pieces):
        gap = ctx.text[out[-1][1] : s] if out else "x"
        if out and (s <= out[-1][1] or not any(ch.isalnum() for ch in gap)):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose ("to discuss", "in order to deny") reports nothing yet."""
    return verb.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _naming(ctx: Context, verb: Token, obj: Token | None) -> list[Range] | None:
    """ "called the mayor a liar", "labeled the plan a disaster": the object and its label."""
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i:
            if obj is not None and obj.i < c.i:
                return _join(ctx, [subtree_range(obj), subtree_range(c)])
            if (
                c.dep_ == "ccomp"
                and any(g.dep_ == "nsubj" for g in c.children)
                and not any(g.dep_ == "mark" for g in c.children)
            ):
                return [subtree_range(c)]  # "called it a mistake" parsed as a small clause
    return None


def _cast_as(ctx: Context, verb: Token, obj: Token | None) -> list[Range] | None:
    """ "critics see the law as a gift to banks": the object and its "as" phrase."""
    if obj is None:
        return None
    is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
    for c in verb.children:
        if as_phrase(c) and c.i > obj.i:
            pieces = clause_ranges(ctx, obj, is_cue, nominal=True)
            return _join(ctx, pieces + clause_ranges(ctx, c, is_cue, nominal=True))
    return None


def _prepositional(ctx: Context, verb: Token, preps: frozenset[str]) -> list[Range] | None:
    """ "warned of serious consequences if ...", "calling for it to stay away".

    The preposition belongs to the cue ("spoke of"), so the content starts after it.
    """
    is_cue = lambda t: _is_cue_with_content(ctx, t)  # noqa: E731
    pieces: list[Range] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                pieces = [r for g in objs for r in clause_ranges(ctx, g, is_cue)]
                break
        # "for it to stay": the parser makes the preposition the mark of a clause.
        if c.dep_ in ("advcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ in preps and m.i == c.left_edge.i for m in c.children
        ):
            end = subtree_range(c)[1]
            pieces = [(c.left_edge.nbor(1).idx, end)] if c.left_edge.i + 1 < len(c.doc) else []
            break
    if not pieces:
        return None
    # A condition on the warning belongs to it: "... if Moscow decided to ...".
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.idx >= pieces[-1][1]
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        ):
            pieces.append(subtree_range(c))
    return _join(ctx, pieces)


def _is_cue_with_content(ctx: Context, tok: Token) -> bool:
    return is_clause_cue(ctx, tok) and content_of(ctx, tok) is not None


def is_clause_cue(ctx: Context, tok: Token) -> bool:
    if ctx.in_quote(tok):
        return False
    if _feeling(ctx, tok):
        return True
    if tok.pos_ == "VERB":
        lemma = ctx.lexicon.lemma(tok)
        lex = ctx.lexicon
        return (
            lex.is_verb_cue(lemma)
            or lemma in lex.object
            or lemma in lex.prepositional
            or lemma in lex.light_verbs
            or _noun_clause(lex, _object(tok)) is not None
        )
    return _feeling(ctx, tok)


def attach_clauses(ctx: Context, used: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for tok in ctx.tokens:
        if tok.i in used or not is_clause_cue(ctx, tok):
            continue
        found = content_of(ctx, tok)
        if found is None:
            continue
        content, frame = found
        content = trim_in_paragraph(ctx, tok, content)
        if not content:
            continue
        speaker = subject_of(tok)
        if speaker is None and frame == "adjective":
            # "we are convinced that ...": the one convinced holds the view
            speaker = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if speaker is None and tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children):
            continue  # an imperative ("Note: ...", "Consider that ...") reports nobody
        if speaker is not None and any(s <= speaker.idx < e for s, e in content):
            speaker = None
        if speaker is not None and speaker.lower_ in ("who", "what") and not _relative(speaker):
            continue  # a question ("But who knows what ..."), not somebody's statement
        drafts.append(
            Draft(
                content=content,
                kind="indirect",
                cue=(tok.idx, tok.idx + len(tok)),
                cue_token=tok.i,
                speaker_token=speaker.i if speaker is not None else None,
                how=frame,
            )
        )
    return drafts


def _relative(pronoun: Token) -> bool:
    """ "voters who said ...", "voters who met him and said ...": a relative pronoun."""
    verb = pronoun.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "relcl"


def trim_in_paragraph(ctx: Context, cue: Token, content: list[Range]) -> list[Range]:
    """Content pieces kept within the cue's paragraph, without blanks and punctuation at
    their ends (the parser sometimes runs paragraphs together)."""
    lo, hi = ctx.para_range(cue.idx)
    content = [(max(s, lo), min(e, hi)) for s, e in content if s < hi and e > lo]
    return [r for r in (_trim(ctx, s, e) for s, e in content) if r[1] > r[0]]


TRIM = frozenset(" \t\n\u00a0,;:—–-")
# "KYIV — " or "WASHINGTON (AP) — " opening a story's first paragraph.
DATELINE = re.compile(r"[A-Z][A-Z.,' ]+(?:\([A-Za-z]+\))?\s*[—–-]+\s*")


def _trim(ctx: Context, start: int, end: int) -> Range:
    text = ctx.text
    dateline = DATELINE.match(text, start, end)
    if dateline is not None and ctx.para_range(start)[0] == start:
        start = dateline.end()
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end
