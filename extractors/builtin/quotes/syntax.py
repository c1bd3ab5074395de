"""Reading the dependency parse: who is the subject of a cue, what a mention covers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Range = tuple[int, int]
TEXT_KEY = "sitroom.text"

SUBJECTS = ("nsubj", "csubj")
# Children that belong to a name or a title in front of it: "US Secretary of State Antony Blinken".
NAME_PARTS = ("compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "flat", "case")
# Relations through which a verb without its own subject shares its head's subject:
# "..., adding that", "and said", "refused to say", "in saying".
INHERIT = ("conj", "advcl", "xcomp", "pcomp", "ccomp", "prep", "relcl", "acl", "acomp")


def doc_text(doc: Doc) -> str:
    """The text of `doc`, built once: spaCy rebuilds `Doc.text` from its tokens on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def own_subject(verb: Token) -> Token | None:
    """The subject of `verb` itself: nsubj, or the agent of a passive ("was told by X")."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The source of a cue: its own subject, else the one it shares with its head.

    A noun head counts as the source ("a statement saying ...") and a relative clause's
    antecedent stands in for a missing subject.
    """
    found = own_subject(verb)
    if found is None and depth > 0:
        # "After saying ..., she was rushed to hospital": a shared subject may be passive.
        found = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if found is not None and _across_paragraphs(found, verb):
        found = None
    if found is not None or depth > 4:
        return found
    if is_passive(verb):
        return None  # "it was said that ..." names nobody
    head = verb.head
    if head is verb or verb.dep_ not in INHERIT or _across_paragraphs(head, verb):
        # No subject in the parse: a finite verb right after a noun phrase still has one
        # (the parser loses it when it runs a sentence on from the previous paragraph).
        return surface_subject(verb) if depth == 0 else None
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        return _participle_source(head)
    if verb.dep_ == "relcl":
        return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None
    if verb.dep_ == "xcomp":
        # "left many nations feeling that ...": the object of the verb above is the one
        # who feels (object control).
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
            return obj
    if head.pos_ == "ADP":  # "in saying": the preposition hangs on the real verb
        head = head.head
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    return subject_of(head, depth + 1)


# Things that speak for whoever wrote them: "in a memo setting out ...".
DOCUMENTS = frozenset(
    (
        "statement",
        "letter",
        "report",
        "memo",
        "release",
        "email",
        "tweet",
        "post",
        "message",
        "filing",
        "complaint",
        "lawsuit",
        "ruling",
        "order",
        "document",
        "study",
        "survey",
        "poll",
        "video",
        "ad",
        "advertisement",
        "op-ed",
        "editorial",
        "column",
        "book",
        "brief",
    )
)


def _participle_source(noun: Token) -> Token | None:
    """Who speaks in "<noun> saying ...": the noun itself ("a report saying", "protesters
    chanting"), unless it only says where it was said ("she spoke at a briefing
    announcing ...") or what was issued ("released a note branding ..."): then the
    speaker of the clause around it."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.pos_ == "ADP"
        and head.head.pos_ in ("VERB", "AUX")
        and noun.lemma_.lower() not in DOCUMENTS  # "in a statement saying ...": it speaks
    ):
        return own_subject(head.head) or noun
    if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and head.pos_ == "VERB":
        return own_subject(head) or noun
    return noun


def _across_paragraphs(a: Token, b: Token) -> bool:
    lo, hi = min(a.idx, b.idx), max(a.idx, b.idx)
    return "\n" in doc_text(a.doc)[lo:hi]


FINITE = frozenset(("VBD", "VBZ", "VBP"))


def surface_subject(verb: Token) -> Token | None:
    """The noun right before a finite verb ("The council is once again questioning ...")."""
    doc = verb.doc
    finite = verb.tag_ in FINITE or any(c.dep_ == "aux" for c in verb.children)
    if not finite:
        return None
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("AUX", "ADV", "PART") and doc[i].text not in ",;:":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or _across_paragraphs(doc[i], verb):
        return None
    if doc[i].dep_ in ("pobj", "dobj") or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    return doc[i]


def mention_range(tok: Token) -> Range:
    """Character range of the name (with titles and modifiers) headed by `tok`.

    Appositions and relative clauses are left out: "Kosachev, a deputy speaker, ..." gives
    "Kosachev". A coordination keeps both names: "Sec. Blinken and the U.N.".
    """
    left = tok.i
    right = tok.i
    for child in tok.children:
        if child.dep_ in NAME_PARTS and child.i < tok.i:
            left = min(left, child.left_edge.i)
        elif child.dep_ in ("flat", "compound", "conj") and child.i > tok.i:
            right = max(right, child.right_edge.i)
    doc = tok.doc
    # Never reach over a comma or a quotation mark to the left.
    for i in range(tok.i - 1, left - 1, -1):
        if (
            doc[i].is_punct
            and doc[i].text not in (".", "'s", "’s", "-", "&")
            and doc[i].dep_ != "case"  # the mark of a plural possessive: "the growers' union"
        ):
            left = i + 1
            break
    start = doc[left].idx
    end = doc[right].idx + len(doc[right])
    return start, end


def head_range(tok: Token) -> Range:
    """The head word with the compounds glued to it: "Blinken", "Heiko Maas"."""
    left = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ in ("compound", "flat") and child.i == left - 1:
            left = child.i
    doc = tok.doc
    return doc[left].idx, tok.idx + len(tok)


def subtree_range(tok: Token) -> Range:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right)
