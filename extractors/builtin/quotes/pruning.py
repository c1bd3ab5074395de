"""Cutting a reported clause down to what was said.

A clause's subtree in the parse often carries more than the statement: the reporter's
own additions ("..., citing the cost of the repairs") or a second statement by the
same speaker ("... and warned against delays").
These are cut away, as is anything after a semicolon, which in news text starts a new
statement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.quotes.context import Context, Range
from sitroom.extractors.builtin.quotes.syntax import own_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependents that hang a further statement or a comment on a reported clause.
ASIDES = ("advcl", "conj")
# Conjunctions of a caveat the reporter adds after a statement.
CONCEDING = frozenset(("although", "though", "whereas"))


# Non-restrictive modifiers the reporter adds at the end of a clause: ", which forced her
# to ...", ", a former lieutenant governor".
TRAILING = ("appos",)
# After a reported noun phrase ("attacked the mayor, who ..."), a relative clause set off by
# a comma is the reporter describing the thing talked about, not what was said about it.
NOMINAL_TRAILING = ("appos", "relcl", "acl")


def _trailing(ctx: Context, tok: Token, root: Token) -> bool:
    prev = tok.left_edge.i - 1
    return (
        prev > root.left_edge.i
        and tok.doc[prev].text == ","
        and tok.right_edge.i >= root.right_edge.i - 1
        and not ctx.in_quote(tok.doc[prev])
    )


def _is_aside(
    ctx: Context,
    tok: Token,
    root: Token,
    is_cue: Callable[[Token], bool],
    nominal: bool,
    after_cue: bool,
) -> bool:
    """A further statement hung on the clause: "..., citing X", "... and warned against Y".

    Only a participle or a conjunct counts; a subordinate clause with its own conjunction
    ("until the bank agrees ...", "because the rain came ...") is part of what was said.
    """
    if tok is root or ctx.in_quote(tok):
        return False
    if tok.dep_ in (NOMINAL_TRAILING if nominal else TRAILING) and _trailing(ctx, tok, root):
        return True
    if (
        after_cue
        and tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and not any(c.dep_ in ("mark", "nsubj") for c in tok.children)
        and _trailing(ctx, tok, root)
    ):
        return True  # "..., implicitly staking his name on it": the reporter's comment
    if (
        after_cue
        and tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONCEDING for c in tok.children)
        and _trailing(ctx, tok, root)
    ):
        return True  # "..., although no one can yet be sure": the reporter's caveat
    if (
        tok.dep_ in ("prep", "advmod")
        and _trailing(ctx, tok, root)
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" and is_cue(c) for c in tok.subtree)
    ):
        return True  # "..., other than noting she prefers ...": another statement
    if tok.dep_ not in ASIDES or any(c.dep_ == "auxpass" for c in tok.children):
        return False  # "... or why it was dropped": a passive reports nobody new
    if any(c.dep_ == "mark" for c in tok.children):
        # "..., though she noted that ...": a clause with its own speaker and cue is a
        # statement of its own, whatever conjunction joins it.
        return (
            own_subject(tok) is not None
            and ctx.lexicon.takes_clause(ctx.lexicon.lemma(tok))
            and any(c.dep_ == "ccomp" for c in tok.children)
            and is_cue(tok)
        )
    if tok.dep_ == "advcl" and tok.tag_ != "VBG":
        return False
    return is_cue(tok)


def clause_ranges(
    ctx: Context,
    root: Token,
    is_cue: Callable[[Token], bool],
    nominal: bool = False,
    after_cue: bool = False,
) -> list[Range]:
    """Character ranges of `root`'s subtree without asides, cut at a semicolon.

    `nominal`: `root` heads a noun phrase (an object that was reported on), which also loses
    a trailing relative clause or apposition set off by a comma. `after_cue`: the clause
    follows its verb of saying ("said the plan failed, ..."), so a participle trailing it
    after a comma is the reporter's comment; before the verb ("The plan failed, leaving
    ..., officials said") everything up to the verb was said.
    """
    doc = ctx.doc
    members = sorted(t.i for t in root.subtree)
    base = members[0]
    keep = [False] * (members[-1] - base + 1)
    for i in members:
        keep[i - base] = True
    for tok in root.subtree:
        if keep[tok.i - base] and _is_aside(ctx, tok, root, is_cue, nominal, after_cue):
            lo = tok.left_edge.i
            # The comma or conjunction that joined the aside goes with it.
            while (
                lo - 1 > root.i
                and (doc[lo - 1].is_punct or doc[lo - 1].dep_ == "cc")
                and not ctx.in_quote(doc[lo - 1])
            ):
                lo -= 1
            for i in range(max(lo, base), min(tok.right_edge.i, members[-1]) + 1):
                keep[i - base] = False
    # The semicolon may hang on the verb of saying, outside this subtree, while what
    # follows it is still parsed as part of the clause.
    for tok in doc[base + 1 : members[-1] + 1]:
        if tok.text == ";" and not ctx.in_quote(tok):
            for i in range(tok.i, members[-1] + 1):
                keep[i - base] = False
            break
    runs: list[list[int]] = []
    for offset, kept in enumerate(keep):
        if not kept:
            continue
        i = base + offset
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [(doc[r[0]].idx, doc[r[-1]].idx + len(doc[r[-1]])) for r in runs]
