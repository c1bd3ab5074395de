"""Event words in a parsed sentence: verbs with their object, preposition and subject
patterns (who does what to whom), and event nouns ("sanctions", "shelling").

This module only says which words could report which CAMEO event; whether the sentence
presents the event as real is decided in `modality`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat.lexicon import Lexicon, NounEntry, VerbEntry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Adverbs and prepositions that can complete a phrasal verb ("pull back", "call up").
PARTICLES = frozenset({"back", "out", "off", "down", "up", "over", "away", "in", "on"})
#: Amount words after which "in" names the thing counted: "$2 billion in aid".
MONEY = frozenset(
    {"million", "billion", "trillion", "dollar", "euro", "pound", "yen", "yuan", "rouble", "worth"}
)
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_CLAUSE_ROLES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl"})
#: Violence verbs that mean something else when a person does them to a person: "the
#: senator attacked her rival" is criticism, "Clinton beats Trump in the poll" a contest
#: (PETRARCH2 likewise codes attacks on plans or governments as 111).
VERBAL_WHEN_PERSONAL: dict[str, str] = {
    **dict.fromkeys(
        (
            "attack",
            "hit",
            "target",
            "assail",
            "blast",
            "clash",
            "fight",
            "battle",
            "strike",
            "bash",
            "hammer",
            "pound",
            "slam",
            "ambush",
            "savage",
            "storm",
            "lash",
            "unleash",
            "shoot",
            "respond",
            "retaliate",
            "hit back",
            "destroy",
            "torch",
            "kill",
        ),
        "111",
    ),
    **dict.fromkeys(("beat", "defeat", "best", "crush", "trounce", "rout", "overwhelm"), "010"),
}
PERSON_WORDS = frozenset(
    {
        "rival",
        "opponent",
        "challenger",
        "candidate",
        "critic",
        "senator",
        "congressman",
        "congresswoman",
        "governor",
        "mayor",
        "president",
        "nominee",
        "incumbent",
        "lawmaker",
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an event, or frames one (say, deny, threaten)."""

    token: int  # doc index of the verb or noun
    code: str | None  # the event the word reports by itself; None for pure frames
    frame: str  # the verb's frame, or "noun"
    key: str  # the lexicon entry that matched ("pull back", "air strike")
    arg: int | None = None  # the noun that decided the code (object, subject), if any
    how: str = "default"  # what decided the code: object, prep, subject, light, give, stop
    entry: VerbEntry | None = None
    noun: NounEntry | None = None

    @property
    def is_verb(self) -> bool:
        return self.frame != "noun"


def is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound")


def noun_keys(tok: Token) -> list[str]:
    """Lexicon keys for a noun, most specific first: "air-defence system", "system"."""
    lemma = tok.lemma_.lower()
    keys: list[str] = []
    mods = [c for c in tok.lefts if c.dep_ in _MOD_DEPS]
    if mods:
        doc = tok.doc
        start = min(m.left_edge.i for m in mods)
        words = doc[start : tok.i].text.lower()
        keys.append(f"{words} {lemma}")
        for m in mods:
            keys.append(f"{m.lower_} {lemma}")
            if m.lemma_.lower() != m.lower_:
                keys.append(f"{m.lemma_.lower()} {lemma}")
    for prep in tok.rights:
        # "state of emergency", "show of force", "line of credit"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    keys.append(f"{lemma} of {obj.lemma_.lower()}")
                    keys.append(f"{lemma} of {obj.lower_}")
    keys.append(lemma)
    if tok.lower_ != lemma:
        keys.append(tok.lower_)
    hyphen = tok.doc[tok.i - 1] if tok.i >= 2 else None
    if mods and hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_:
        # a hyphenated compound the tokenizer split: "sit-in", "stand-off"
        keys.insert(0, f"{tok.doc[tok.i - 2].lower_}-{lemma}")
    return keys


def matches(key: str, tok: Token, lex: Lexicon, keys: list[str] | None = None) -> bool:
    if key == "@x":
        return True
    keys = keys if keys is not None else noun_keys(tok)
    if key.startswith("@"):
        members = lex.classes.get(key[1:], frozenset())
        return any(k in members for k in keys)
    return key in keys


def lookup(
    mapping: Mapping[str, str], tok: Token, lex: Lexicon, noun_field: str | None = None
) -> str | None:
    """The code `mapping` gives for noun `tok`: exact keys first, then @classes.

    With `noun_field` ("code" or "give"), a multi-word noun entry that is more specific than
    any key of `mapping` wins: "killed by artillery fire" is artillery fire, not any fire.
    """
    keys = noun_keys(tok)
    for k in keys:
        if k in mapping:
            return mapping[k]
        if noun_field and " " in k and k in lex.nouns:
            code: str | None = getattr(lex.nouns[k], noun_field)
            if code:
                return code
    if not mapping:
        return None
    for key, code in mapping.items():
        if key.startswith("@") and matches(key, tok, lex, keys):
            return code
    return None


def noun_entry(tok: Token, lex: Lexicon) -> tuple[str, NounEntry] | None:
    for k in noun_keys(tok):
        entry = lex.nouns.get(k)
        if entry is not None:
            return k, entry
    return None


def _with_conjuncts(tokens: list[Token]) -> Iterator[Token]:
    for tok in tokens:
        yield tok
        yield from (c for c in tok.conjuncts if c.i > tok.i)


def objects_of(verb: Token, lex: Lexicon) -> list[Token]:
    """Direct objects (or passive subjects), looking through containers: "a package of X"."""
    found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass"]
    if any(c.dep_ == "dative" for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children
    ):
        # a double object the parser took for an adverb: "gave the mayor [three days] to go"
        found.extend(c for c in verb.children if c.dep_ == "npadvmod")
    # small clauses: "let inspectors enter", "allowed aid convoys to pass"
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and not any(c.dep_ == "mark" for c in clause.children):
            found.extend(c for c in clause.children if c.dep_ == "nsubj")
    out: list[Token] = []
    for tok in _with_conjuncts(found):
        lemma = tok.lemma_.lower()
        if lemma in lex.classes.get("containers", frozenset()):
            # "a package of weapons"; a sum also names what it is in: "$2 billion in aid"
            through = ("of", "in") if lemma in MONEY or tok.like_num else ("of",)
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in through:
                    out.extend(_with_conjuncts([c for c in prep.children if c.dep_ == "pobj"]))
        out.append(tok)
    return out


def subjects_of(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for prep in verb.children:
        if prep.dep_ == "agent":
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return list(_with_conjuncts(found))


def preps_of(verb: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs; "out of the town" gives ("out of", town) and ("of", town)."""
    out: list[tuple[str, Token]] = []
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent", "dative", "prt", "advmod"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.extend((prep.lower_, o) for o in _with_conjuncts([obj]))
            elif obj.dep_ == "prep":  # out of, away from
                for inner in obj.children:
                    if inner.dep_ == "pobj":
                        out.append((f"{prep.lower_} {obj.lower_}", inner))
                        out.append((obj.lower_, inner))
    return out


def verb_entry(tok: Token, lex: Lexicon) -> tuple[str, VerbEntry] | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if (
            child.i > tok.i
            and child.lower_ in PARTICLES
            and child.dep_ in ("prt", "advmod", "prep")
        ):
            entry = lex.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                return f"{lemma} {child.lower_}", entry
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        # hyphenated verbs the tokenizer splits: "test-fire", "test-launch"
        joined = f"{doc[tok.i - 2].lower_}-{lemma}"
        if joined in lex.verbs:
            return joined, lex.verbs[joined]
    entry = lex.verbs.get(lemma)
    if entry is not None:
        return lemma, entry
    for base in _base_forms(tok.lower_):
        if base in lex.verbs:
            return base, lex.verbs[base]
    return None


def _base_forms(word: str) -> list[str]:
    """Guesses at a verb's base form, for when the lemmatizer errs ("staged" -> "stag")."""
    out = [word]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            out.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "shelled" -> "shell", "planned" -> "plan"
    return out


def _verb_trigger(tok: Token, key: str, entry: VerbEntry, lex: Lexicon) -> Trigger | None:
    objects = objects_of(tok, lex)
    for obj in objects:
        field = {"light": "code", "give": "give"}.get(entry.frame)
        code = lookup(entry.objects, obj, lex, field)
        if code:
            return Trigger(tok.i, code, entry.frame, key, obj.i, "object", entry)
    if entry.preps:
        for prep, obj in preps_of(tok):
            keys = noun_keys(obj)
            for (p, noun), code in entry.preps.items():
                if p == prep and matches(noun, obj, lex, keys):
                    return Trigger(tok.i, code, entry.frame, key, obj.i, "prep", entry)
    for subj in subjects_of(tok):
        code = lookup(entry.subjects, subj, lex, "code" if entry.subjects else None)
        if code:
            return Trigger(tok.i, code, entry.frame, key, subj.i, "subject", entry)
    if entry.frame in ("light", "give", "stop"):
        for obj in objects:
            found = noun_entry(obj, lex)
            if found is None:
                continue
            ne = found[1]
            if entry.frame == "light" and ne.code:
                return Trigger(tok.i, ne.code, entry.frame, key, obj.i, "light", entry)
            if entry.frame == "give" and (ne.give or ne.code):
                return Trigger(tok.i, ne.give or ne.code, entry.frame, key, obj.i, "give", entry)
            if entry.frame == "stop" and (ne.stop or ne.code):
                code = ne.stop or lex.derived("stop", ne.code or "")
                return Trigger(tok.i, code, entry.frame, key, obj.i, "stop", entry)
    if entry.frame == "stop":
        # "pulled out of the negotiations", "withdrew from the treaty"
        for prep, obj in preps_of(tok):
            found = noun_entry(obj, lex) if prep in ("of", "from", "out of") else None
            if found is not None and found[1].stop:
                return Trigger(tok.i, found[1].stop, entry.frame, key, obj.i, "stop", entry)
    if entry.code is None and entry.frame in ("event", "embed", "light", "give"):
        return None
    return Trigger(tok.i, entry.code, entry.frame, key, None, "default", entry)


def _peace_role(tok: Token, lex: Lexicon) -> bool:
    """A deployment in a peacekeeping role: "as part of a UN mission", "under a UN mandate".

    CAMEO codes sending forces to keep the peace as aid (074), not as force posture (15x).
    """
    for prep, obj in preps_of(tok):
        if prep not in ("as", "under", "for", "with", "in"):
            continue
        roles = [obj]
        if obj.lemma_.lower() == "part":  # "as part of a ... mission"
            roles += [o for p in obj.children if p.lower_ == "of" for o in p.children]
        if any(matches("@peace_missions", r, lex) for r in roles):
            return True
    return False


def _personal(tok: Token | None) -> bool:
    if tok is None:
        return False
    return (
        tok.ent_type_ in ("PERSON", "NORP")
        or tok.lower_ in ("he", "she", "him", "her")
        or (tok.lemma_.lower() in PERSON_WORDS and tok.ent_type_ == "")
    )


def _verbal_attack(tok: Token, trig: Trigger) -> Trigger:
    """A person 'attacking' a person in words is criticism, not violence."""
    code = VERBAL_WHEN_PERSONAL.get(trig.key)
    if code is None or trig.code is None or trig.code[:2] not in ("18", "19"):
        return trig
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    heads = [tok] + ([tok.doc[trig.arg]] if trig.arg is not None else [])
    targets = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    personal_target = any(_personal(t) for t in targets)
    # "X attacked her rival", "tweets targeting a former beauty queen" (no subject)
    if (_personal(subj) and (not targets or personal_target)) or (subj is None and personal_target):
        return Trigger(trig.token, code, trig.frame, trig.key, trig.arg, "personal", trig.entry)
    return trig


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """Every event word of the sentence, verbs and nouns, in text order."""
    out: list[Trigger] = []
    for tok in sent:
        hyphenated = tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.dep_ in _CLAUSE_ROLES
        if is_verb(tok) or hyphenated:
            found = verb_entry(tok, lex)
            if found is not None:
                trig = _verb_trigger(tok, found[0], found[1], lex)
                if trig is not None and (trig.code or "")[:2] == "15" and _peace_role(tok, lex):
                    trig = Trigger(tok.i, "074", trig.frame, trig.key, trig.arg, "role", trig.entry)
                if trig is not None:
                    out.append(_verbal_attack(tok, trig))
                    continue
        if tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS):
            noun = noun_entry(tok, lex)
            if noun is not None and noun[1].code:
                out.append(
                    Trigger(tok.i, noun[1].code, "noun", noun[0], None, "noun", None, noun[1])
                )
    return out
