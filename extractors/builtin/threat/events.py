"""Event words in a parsed sentence: verbs with their object, preposition and subject
patterns (who does what to whom), and event nouns ("sanctions", "shelling").

This module only says which words could report which CAMEO event; whether the sentence
presents the event as real is decided in `modality`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat.lexicon import Lexicon, NounEntry, VerbEntry

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Adverbs and prepositions that can complete a phrasal verb ("pull back", "call up").
PARTICLES = frozenset({"back", "out", "off", "down", "up", "over", "away", "in", "on", "short"})
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
            # "an aid package", "a weapons shipment": the modifier names the contents
            out.extend(c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN")
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


#: Root codes of coercion and violence, which need a human actor.
NATURAL_ROOTS = frozenset({"14", "17", "18", "19", "20"})
#: Lexicon classes whose members are forces or weapons.
MILITARY_CLASSES = ("troops", "weapons", "peacekeepers", "p_military", "p_weapon", "p_aircraft")
#: "held Moscow responsible for the attack" accuses Moscow of it.
BLAME_ADJECTIVES = frozenset({"responsible", "accountable", "liable", "culpable", "guilty"})


def _held_responsible(tok: Token) -> bool:
    return tok.lemma_.lower() in ("hold", "deem", "find") and any(
        c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in BLAME_ADJECTIVES
        for c in tok.children
    )


def _verb_trigger(tok: Token, key: str, entry: VerbEntry, lex: Lexicon) -> Trigger | None:
    trig = _verb_pattern(tok, key, entry, lex)
    root = (trig.code or "")[:2] if trig is not None else ""
    if trig is not None and root in ("18", "19") and trig.arg is not None:
        # "dropped chlorine bombs": a weapon filled with a chemical agent is a chemical weapon
        arg = tok.doc[trig.arg]
        mods = [t for m in arg.lefts if m.dep_ in ("compound", "amod") for t in m.subtree]
        if any(matches("@chemical_agents", m, lex) for m in mods):
            return replace(trig, code="2041")
    # "villagers were forced from their homes by rising seas", "the storm destroyed
    # bridges": nature is no actor, so there is no coercion or violence to code
    if root in NATURAL_ROOTS and any(matches("@natural_causes", s, lex) for s in _doers(tok)):
        return None
    if root in ("15", "18", "19", "20") and _against_ills(tok, objects_of(tok, lex), lex):
        return None  # "targeted emissions", "waged war on poverty": a metaphor
    if trig is not None and trig.code == "192" and trig.how == "default":
        # taking ground needs ground: "infiltrate the program", "occupy the post" take none
        objects = objects_of(tok, lex)
        if objects and not any(_place(o, lex) for o in objects):
            return None
    return trig


def _doers(tok: Token) -> list[Token]:
    """Who or what does the act: the subject, or the "by" phrase of a passive verb."""
    found = subjects_of(tok)
    if any(c.dep_ == "auxpass" for c in tok.children):
        by = [o for p in tok.children if p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        found += list(_with_conjuncts(by))
    return found


def _against_ills(tok: Token, objects: list[Token], lex: Lexicon) -> bool:
    """A violent word aimed at a social problem or a force of nature."""
    aims = list(objects) + [o for p, o in preps_of(tok) if p in ("against", "on", "with")]
    aims += [  # "waged a war against rising seas"
        o
        for obj in objects
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ in ("against", "on")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if any(matches("@social_ills", a, lex) or matches("@natural_causes", a, lex) for a in aims):
        return True
    # "the people getting killed in this deal", "hit hard in the polls"
    return any(p == "in" and matches("@arenas", o, lex) for p, o in preps_of(tok))


def _place(tok: Token, lex: Lexicon) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or matches("@places", tok, lex)


def _verb_pattern(tok: Token, key: str, entry: VerbEntry, lex: Lexicon) -> Trigger | None:
    if _held_responsible(tok):
        return Trigger(tok.i, "112", "accuse", key, None, "blame", entry)
    if key == "call" and any(c.dep_ == "oprd" for c in tok.children):
        # "called the report credible", "called the strike a violation": naming, not an appeal
        return Trigger(tok.i, "010", "event", key, None, "naming", entry)
    if key in lex.cues.retaliation_verbs and any(
        c.dep_ == "advmod" and c.lower_ in lex.classes.get("force_manners", frozenset())
        for c in tok.children
    ):
        return Trigger(tok.i, "190", entry.frame, key, None, "manner", entry)
    objects = objects_of(tok, lex)
    for obj in objects:
        # a multi-word noun entry more specific than the verb's pattern wins: "cancelled
        # the joint exercise" ends military cooperation, not an exercise
        field = {"light": "code", "give": "give", "stop": "stop"}.get(entry.frame)
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
    # force posture needs forces: "reinforce concerns", "amass a fortune" and "deploy
    # arguments" show no military power
    posture = entry.code is not None and entry.code[:2] == "15"
    if posture and objects and not any(_military(o, lex) for o in objects):
        return None
    return Trigger(tok.i, entry.code, entry.frame, key, None, "default", entry)


def _military(tok: Token, lex: Lexicon) -> bool:
    """A force or weapon: the kind of object a force-posture verb moves or shows."""
    if tok.pos_ in ("PROPN", "NUM") or any(c.dep_ == "nummod" for c in tok.children):
        return True  # "deployed the 82nd Airborne", "massed 100,000 along the border"
    keys = noun_keys(tok)
    if any(matches(f"@{name}", tok, lex, keys) for name in MILITARY_CLASSES):
        return True
    found = noun_entry(tok, lex)
    return found is not None and (found[1].code or "")[:2] in ("15", "19")


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


#: Codes a crowd's act turns into a violent protest (145) or an obstruction (144): rioters
#: who torch cars or clash with police riot; truckers who blockade a crossing obstruct it.
#: Protesters who occupy a square demonstrate. (A mob that beats or kills someone still
#: assaults: 182 is left alone.)
CROWD_CODES = {"171": "145", "180": "145", "190": "145", "191": "144", "192": "141"}


def _crowd_act(tok: Token, code: str, lex: Lexicon) -> str | None:
    """The protest code for an act whose doer is a crowd of protesters, or None."""
    target = CROWD_CODES.get(code[:3])
    if target is None:
        return None
    cur = tok
    while cur.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in cur.children):
        cur = cur.head  # "rioters torched cars and looted shops": the shared subject
    return target if any(matches("@protesters", s, lex) for s in subjects_of(cur)) else None


def _personal(tok: Token | None) -> bool:
    if tok is None:
        return False
    return (
        tok.ent_type_ in ("PERSON", "NORP")
        or tok.lower_ in ("he", "she", "him", "her")
        or (tok.lemma_.lower() in PERSON_WORDS and tok.ent_type_ == "")
    )


def _named(tok: Token) -> bool:
    """A proper name that is not a place: a person or a body the tagger may call an ORG."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON", "ORG")


def _spoken_medium(head: Token, lex: Lexicon) -> bool:
    """ "in a speech", "on Twitter", "including Friday's tweets": the act is made of words."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "via", "through", "including"):
            continue
        # "in a speech", "in a series of tweets"
        if any(t.dep_ == "pobj" and matches("@speech_media", t, lex) for t in prep.subtree):
            return True
    return False


def _verbal_attack(tok: Token, trig: Trigger, lex: Lexicon) -> Trigger:
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
    # a named subject (the tagger often calls politicians ORG) aiming at a named person
    by_person = _personal(subj) or (
        subj is not None
        and _named(subj)
        and any(t.ent_type_ == "PERSON" or t.lower_ in ("him", "her") for t in targets)
    )
    # a person's target with a proper name is a person or a body, whatever the tagger
    # says ("the governor hit Smith hard"); places stay places ("the president attacked Iran")
    personal_target = any(_personal(t) or (by_person and _named(t)) for t in targets)
    # "attacked her in a speech", "hit back in a series of tweets": the medium is words
    spoken = any(_spoken_medium(h, lex) for h in heads)
    # "X attacked her rival", "tweets targeting a former beauty queen" (no subject)
    if (
        (by_person and (not targets or personal_target))
        or (subj is None and personal_target)
        or spoken
    ):
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
                    trig = replace(trig, code="074", how="role")
                crowd = _crowd_act(tok, trig.code, lex) if trig and trig.code else None
                if trig is not None and crowd is not None:
                    trig = replace(trig, code=crowd, how="crowd")
                if trig is not None:
                    out.append(_verbal_attack(tok, trig, lex))
                    continue
        if tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_DEPS):
            noun = noun_entry(tok, lex)
            if (
                noun is not None
                and (noun[1].code or "")[:2] in ("18", "19", "20")
                and _against_ills(tok, [], lex)
            ):
                continue  # "the war on drugs", "a fight against inflation"
            if noun is not None and noun[1].code:
                out.append(
                    Trigger(tok.i, noun[1].code, "noun", noun[0], None, "noun", None, noun[1])
                )
    return out
