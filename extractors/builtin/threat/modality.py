"""How a sentence presents each event: as real, reported, negated, denied, feared,
considered, conditional, alleged, embedded, historical or announced.

The rules follow ../shared/data/threat-dev/README.md (and CAMEO practice): the event that
counts is the one in the main clause; neutral reporting verbs are transparent; a verb such
as deny, accuse, fear, weigh, threaten or promise is itself the event and turns the act it
governs into a denial, an accusation, a gloomy remark, an option, a threat or an intent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat.events import Trigger, find_triggers, is_verb, matches
from sitroom.extractors.builtin.threat.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Nouns whose clause is the content of a claim or a plan, not a description: "accusations
#: that it supplied drones", "no plans to attack", "the risk that fighting resumes".
CONTENT_NOUNS = frozenset(
    {
        "accusation",
        "allegation",
        "claim",
        "report",
        "charge",
        "suggestion",
        "rumour",
        "rumor",
        "evidence",
        "sign",
        "indication",
        "assertion",
        "statement",
        "speculation",
        "concern",
        "fear",
        "worry",
        "suspicion",
        "belief",
        "hope",
        "assurance",
        "promise",
        "pledge",
        "threat",
        "warning",
        "demand",
        "call",
        "offer",
        "proposal",
        "decision",
        "order",
        "request",
        "appeal",
        "attempt",
        "effort",
        "bid",
        "right",
        "readiness",
        "willingness",
        "refusal",
        "possibility",
        "risk",
        "chance",
        "prospect",
        "danger",
        "likelihood",
        "option",
        "question",
        "idea",
        "notion",
        "denial",
        # documents that do what their clause says: "a resolution condemning the coup"
        "resolution",
        "motion",
        "declaration",
        "communique",
        "letter",
        # undertakings named by their purpose: "the operation to retake the city has begun"
        # reports the retaking, so the infinitive is the event, not a description of a noun
        "operation",
        "campaign",
        "offensive",
        "mission",
        "drive",
        "push",
    }
)
#: Nouns that deny their content clause: "Moscow's denial that it was pondering an attack".
DENIAL_NOUNS = frozenset({"denial", "rebuttal", "refutation"})
#: Frames whose verb may take its event through a preposition: "warned of war",
#: "called for a ceasefire", "accused of aggression", "plans for an offensive".
PREP_FRAMES = frozenset(
    {"threat", "fear", "appeal", "demand", "accuse", "intent", "consider", "deny"}
)
#: Verbs that state that an event happened ("the attack took place", "clashes occurred").
OCCURRENCE = frozenset({"happen", "occur", "unfold", "spread", "persist", "take", "go"})
#: "would not hesitate to use force": negating these verbs affirms the act. ("Not ruling
#: out" an act only keeps it open: see the lexicon's `option_closers`.)
LITOTES = frozenset({"hesitate"})
#: Adverbs that make a statement a guess: "probably ready to strike".
HEDGES = frozenset({"probably", "possibly", "perhaps", "maybe", "reportedly", "apparently"})
#: Concessive words: what they introduce is presupposed to have happened ("despite weeks
#: of assaults", "although rebels shelled the town").
CONCESSIVE = frozenset({"despite", "although", "though", "notwithstanding"})
COPULAS = frozenset({"be", "remain", "seem", "look", "appear", "become", "grow", "stay"})
FUTURE_TIME = re.compile(
    r"\b(next (week|month|year|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|tomorrow|in the coming (days|weeks|months)|"
    r"later this (week|month|year))\b"
)
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


@dataclass(frozen=True, slots=True)
class Reading:
    """What an event word amounts to in its sentence."""

    code: str  # effective CAMEO code; "010" when nothing remains
    counted: bool  # False: noticed and deliberately ignored
    mode: str  # asserted, reported, negated, denied plan, hypothetical, threat, ...
    focus: int  # token index of the word whose event this is


@dataclass(frozen=True, slots=True)
class Event:
    """One event word with its reading, for scoring and evidence."""

    trigger: Trigger
    code: str
    counted: bool
    top: bool  # a main event of its sentence
    mode: str
    start: int  # character offsets of the evidence span
    end: int
    actor: str | None = None

    @property
    def base(self) -> str | None:
        return self.trigger.code


@dataclass(slots=True)
class _Link:
    gov: int | None = None  # the governing verb trigger
    rel: str = "top"  # top, complement, description, background, condition, purpose, mention
    neg: bool = False  # a negation met on the way up ("no plans to", "not expected to")
    modal: str | None = None  # "hyp" or "fut" met on the way up
    plan: bool = False  # passed through a plan word
    litotes: bool = False


@dataclass
class SentenceEvents:
    events: list[Event] = field(default_factory=list)
    main: Reading | None = None


def _mark(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "mark":
            return c.lower_
    return None


def _inverted_condition(clause: Token) -> bool:
    """ "Should Beijing arm Moscow, ...", "were it attacked": an if-clause without "if"."""
    if clause.dep_ not in ("advcl", "ccomp") or _mark(clause) is not None:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "were", "had") and c.i < subj.i
        for c in clause.children
    )


def _has_det(tok: Token, words: Iterable[str]) -> bool:
    words = set(words)
    return any(c.dep_ in ("det", "preconj", "neg") and c.lower_ in words for c in tok.children)


class _Sentence:
    """Modality analysis of one sentence."""

    def __init__(self, sent: Span, lex: Lexicon, ref_year: int) -> None:
        self.sent = sent
        self.lex = lex
        self.cues = lex.cues
        self.ref_year = ref_year
        self.triggers = find_triggers(sent, lex)
        self.by_token = {t.token: t for t in self.triggers}
        self.verbs = {t.token: t for t in self.triggers if t.is_verb}
        self.consumed = {t.arg for t in self.triggers if t.is_verb and t.arg is not None}
        self.links: dict[int, _Link] = {}
        self.readings: dict[int, Reading | None] = {}

    # ------------------------------------------------------------------ word-level cues

    def negated(self, tok: Token) -> bool:
        neg = self.cues.negators
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "no")):
                return True
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
                c.lower_ in ("nobody", "nothing", "none", "neither", "noone")
                or _has_det(c, ("no", "neither"))
                or any(g.dep_ == "neg" for g in c.children)  # "not a single shot was fired"
            ):
                return True
            if c.dep_ == "advmod" and c.lower_ == "yet" and tok.lemma_ in ("have", "be"):
                return True  # "has yet to impose", "is yet to sign"
            if c.dep_ == "prep" and c.lower_ == "without":
                continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return True
        return any(c.lower_ in neg and c.dep_ == "neg" for c in tok.children)

    def modal(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass"):
                word = c.lower_.replace("\u2019", "'")
                if word in self.cues.hypothetical_modals:
                    return "hyp"
                if word in self.cues.future_modals:
                    return "fut"
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG":
            return "fut"
        if tok.dep_ == "xcomp" and head.lower_ in self.cues.future_adjectives:
            # "is set to sign", "are expected to meet"; but "likely ready to invade" is a guess
            hedged = any(
                c.dep_ == "advmod" and c.lower_ in self.cues.possibility_adjectives | HEDGES
                for c in head.children
            )
            return "hyp" if hedged else "fut"
        possible = head.lower_ in self.cues.possibility_adjectives
        if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and possible:
            return "hyp"
        if tok.tag_ not in ("VBD", "VBN") and FUTURE_TIME.search(self.clause_text(tok)):
            return "fut"
        return None

    def unlikely(self, tok: Token) -> bool:
        head = tok.head
        return tok.dep_ == "xcomp" and head.lower_ in self.cues.unlikely_adjectives

    def clause_tokens(self, tok: Token) -> list[Token]:
        """The word and its dependents, without nested clauses."""
        out = [tok]
        stack = [c for c in tok.children if c.dep_ not in _CLAUSE_DEPS]
        while stack:
            cur = stack.pop()
            out.append(cur)
            stack.extend(c for c in cur.children if c.dep_ not in _CLAUSE_DEPS)
        return sorted(out, key=lambda t: t.i)

    def clause_text(self, tok: Token) -> str:
        return " ".join(t.lower_ for t in self.clause_tokens(tok))

    def historical(self, tok: Token) -> bool:
        tokens = self.clause_tokens(tok) if is_verb(tok) else list(tok.subtree)
        limit = self.ref_year - self.cues.historical_years
        for t in tokens:
            m = _YEAR.match(t.text)
            if m and t.ent_type_ in ("DATE", "") and int(m.group(1)) <= limit:
                if t.i > 0 and t.nbor(-1).lower_ in ("$", "€", "£"):
                    continue
                return True
        text = " ".join(t.lower_ for t in tokens)
        return any(p in text for p in self.cues.historical_phrases)

    def conditional(self, tok: Token) -> bool:
        return (
            any(c.dep_ == "advcl" and _mark(c) in ("if", "unless") for c in tok.children)
            or any(_inverted_condition(c) for c in tok.children)
            or any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") and _has_det(c, ("any",))
                for c in tok.children
            )
            or any(
                p.dep_ == "prep" and any(_has_det(o, ("any",)) for o in p.children)
                for p in tok.children
            )
        )

    # ------------------------------------------------------------------ structure

    def link(self, trig: Trigger) -> _Link:
        if trig.token in self.links:
            return self.links[trig.token]
        doc = self.sent.doc
        tok = doc[trig.token]
        found = self._link_verb(tok) if trig.is_verb else self._link_noun(tok)
        self.links[trig.token] = found
        return found

    def _passing(self, link: _Link, cur: Token) -> None:
        """Collect the modality of a word we climb through that is not an event itself."""
        if is_verb(cur):
            if self.negated(cur):
                if cur.lemma_.lower() in LITOTES:
                    link.litotes = True
                else:
                    link.neg = True
            m = self.modal(cur)
            if m and not link.modal:
                link.modal = m
            if cur.lemma_.lower() in self.cues.plan_words:
                link.plan = True
        elif cur.pos_ in ("NOUN", "PROPN", "PRON"):
            lemma = cur.lemma_.lower()
            if _has_det(cur, ("no", "neither")) or lemma in DENIAL_NOUNS:
                link.neg = True
            if lemma in self.cues.plan_words:
                link.plan = True
            if lemma in self.cues.possibility_adjectives and not link.modal:
                link.modal = "hyp"
        elif cur.pos_ == "ADJ":
            lemma = cur.lower_
            if lemma in self.cues.unlikely_adjectives:
                link.neg = True
                link.modal = "hyp"
            elif lemma in self.cues.possibility_adjectives and not link.modal:
                link.modal = "hyp"

    def _link_verb(self, tok: Token) -> _Link:
        link = _Link()
        cur = tok
        while True:
            dep, head = cur.dep_, cur.head
            if head.i == cur.i or head.i < self.sent.start or head.i >= self.sent.end:
                return link
            if dep in ("relcl", "acl") and head.dep_ == "ROOT" and not is_verb(head):
                return link  # a misparsed clause hanging off a verbless root is the main one
            if dep == "relcl":
                link.rel = "description"
                return link
            if dep == "acl" and head.lemma_.lower() not in CONTENT_NOUNS | self.cues.plan_words:
                link.rel = "description"
                return link
            if _inverted_condition(cur):
                link.rel = "condition"
                return link
            if self._concessive(cur) or (dep == "pcomp" and head.lower_ in CONCESSIVE):
                link.rel = "concession"  # "despite days of shelling", "despite losing"
                return link
            if dep == "advcl":
                mark = _mark(cur)
                if mark in self.cues.condition_marks:
                    link.rel = "condition"
                    return link
                if mark in CONCESSIVE:
                    link.rel = "concession"
                    return link
                if mark in self.cues.background_marks:
                    link.rel = "background"
                    return link
                if mark is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                    link.rel = "purpose"
                    return link
            if dep in ("conj", "advcl", "parataxis"):
                # coordinated with its head: it shares the head's place in the sentence
                cur = head
                continue
            cur = head
            if cur.i in self.verbs:
                link.gov = cur.i
                link.rel = "complement"
                return link
            self._passing(link, cur)

    def _link_noun(self, tok: Token) -> _Link:
        link = _Link(rel="mention")
        if tok.i in self.consumed:
            link.rel = "consumed"
            return link
        cur = tok
        while cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
            cur = cur.head
            if cur.i in self.consumed:
                link.rel = "consumed"
                return link
        dep, head = cur.dep_, cur.head
        if self._concessive(cur):
            link.rel = "concession"
            return link
        if _has_det(tok, ("no", "neither")) or _has_det(cur, ("no", "neither")):
            link.neg = True
        if any(
            c.dep_ == "amod" and c.lower_ in self.cues.possibility_adjectives for c in cur.children
        ):
            link.modal = "hyp"
        if dep == "ROOT":
            link.rel = "top"
            return link
        verb: Token | None = None
        via_prep = False
        if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):
            verb = head
        elif dep == "pobj" and head.dep_ in ("prep", "agent"):
            verb = head.head
            via_prep = True
            if head.lower_ == "without":
                link.neg = True
        if verb is None or not is_verb(verb):
            if verb is not None and verb.pos_ in ("NOUN", "PROPN"):
                lemma = verb.lemma_.lower()
                if lemma in self.cues.possibility_adjectives:
                    link.modal = "hyp"
            return link
        trig = self.verbs.get(verb.i)
        if trig is None:
            lemma = verb.lemma_.lower()
            if dep in ("nsubj", "nsubjpass") and lemma in COPULAS:
                for c in verb.children:
                    if c.dep_ in ("acomp", "attr") and c.lower_ in self.cues.unlikely_adjectives:
                        link.neg, link.modal, link.rel = True, "hyp", "top"
                    elif (
                        c.dep_ in ("acomp", "attr") and c.lower_ in self.cues.possibility_adjectives
                    ):
                        link.modal, link.rel = "hyp", "top"
                if link.rel == "top":
                    self._climb_from(verb, link)
                return link
            if dep in ("nsubj", "nsubjpass") and lemma in OCCURRENCE:
                link.rel = "top"
                self._climb_from(verb, link)
            return link
        if dep == "nsubj" and trig.frame != "aspect":
            return link
        if trig.frame in ("event", "embed", "light", "give") or (
            via_prep and trig.frame not in PREP_FRAMES
        ):
            return link
        link.gov = verb.i
        link.rel = "complement"
        return link

    @staticmethod
    def _generic_you(verb: Token) -> bool:
        """Generic "you" in the plain present: not a threat to someone ("you will pay")."""
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in verb.children):
            return False
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            return False
        tensed = auxes[0] if auxes else verb
        return tensed.tag_ in ("VBP", "VBZ")

    @staticmethod
    def _concessive(noun: Token) -> bool:
        """ "despite the assaults", "despite weeks of assaults", "in spite of the truce"."""
        cur = noun
        # climb out of measure phrases: "weeks of", "a series of"
        while cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
            if cur.head.head.lower_ == "spite":
                return True
            cur = cur.head.head
        return cur.dep_ == "pobj" and cur.head.lower_ in CONCESSIVE

    def _climb_from(self, verb: Token, link: _Link) -> None:
        """A noun made an event by a plain verb: place that verb in the sentence."""
        outer = self._link_verb(verb)
        link.gov, link.rel = (
            outer.gov,
            outer.rel if outer.gov is not None else (link.rel if outer.rel == "top" else outer.rel),
        )
        if self.negated(verb):
            link.neg = True
        link.neg = link.neg or outer.neg
        link.modal = link.modal or self.modal(verb) or outer.modal
        link.plan = link.plan or outer.plan

    def complements(self, trig: Trigger) -> list[Trigger]:
        return [
            t
            for t in self.triggers
            if t is not trig and self.link(t).gov == trig.token and self.link(t).rel == "complement"
        ]

    # ------------------------------------------------------------------ readings

    def _most(
        self, trigs: list[Trigger], readings: list[Reading]
    ) -> tuple[Trigger, Reading] | None:
        pairs = list(zip(trigs, readings, strict=True))
        if not pairs:
            return None
        counted = [p for p in pairs if p[1].counted] or pairs
        return max(counted, key=lambda p: self.lex.threat(p[1].code))

    def _conflict_base(self, trigs: list[Trigger]) -> Trigger | None:
        based = [t for t in trigs if t.code]
        if not based:
            return None
        return max(based, key=lambda t: self.lex.threat(t.code or "010"))

    def reading(self, trig: Trigger) -> Reading | None:
        if trig.token in self.readings:
            return self.readings[trig.token]
        self.readings[trig.token] = None  # guards against cycles in odd parses
        comps = self.complements(trig)
        comp_readings = [self.reading(c) for c in comps]
        pairs = [(c, r) for c, r in zip(comps, comp_readings, strict=True) if r is not None]
        comps = [c for c, _ in pairs]
        creads = [r for _, r in pairs]
        result = self._frame(trig, comps, creads)
        if result is not None:
            result = self._own_modality(trig, result)
        self.readings[trig.token] = result
        return result

    def _frame(self, trig: Trigger, comps: list[Trigger], creads: list[Reading]) -> Reading | None:
        lex = self.lex
        frame, own, me = trig.frame, trig.code, trig.token
        if frame == "noun":
            return Reading(own or "010", True, "asserted", me)
        if (
            frame == "fear"
            and self.sent.doc[me].lower_ in self.cues.future_adjectives
            and any(c.dep_ == "auxpass" for c in self.sent.doc[me].children)
        ):
            # "the leaders are expected to meet": an announced act, not a third party's fear
            # (unless the act itself is hedged: "expected to be likely ready to invade")
            best = self._most(comps, creads)
            if best is not None and best[1].mode not in ("hypothetical", "speculation"):
                return best[1]
        if frame == "refuse" and own == "016":
            frame = "deny"  # "rejected claims that ...": a denial, read as one (plans too)
        if frame == "claim" and comps:
            if any(r.mode in ("negated", "denied plan") for r in creads):
                frame = "deny"  # "the army never shelled anyone, the general insisted"
            else:
                frame = "report" if self._self_claim(trig, comps) else "accuse"
        doc = self.sent.doc
        if frame == "report" and any(
            doc[c.token].dep_ == "xcomp" and doc[c.token].head.i == me for c in comps
        ):
            frame = "appeal"  # "told Russia to back off": a directive, not a report
        if frame in ("report", "aspect", "attempt"):
            best = self._most(comps, creads)
            if best is not None:
                if frame == "attempt":
                    return replace(best[1], code=lex.derived("attempt", best[1].code))
                return best[1]
            return Reading(own, True, "asserted", me) if own else None
        if frame == "threat" and self._warns_of_possibility(trig):
            # "warned that the truce might not survive": a gloomy remark
            frame, own = "fear", "012"
        if frame == "threat":
            target = self._conflict_base(comps) or self._scan_conflict(trig)
            if target is not None and lex.weight(target.code or "010") < 0:
                code = target.code or "130"
                if not code.startswith("13"):
                    code = lex.derived("threat", code)
                return Reading(code, True, "threat", me)
            return Reading(own or "130", True, "threat", me)
        if frame == "intent":
            if trig.how != "default" and own:
                return Reading(own, True, "intent", me)
            # "vowed to keep attacking": an aspect verb passes on the act it governs
            comps = [
                replace(c, code=r.code) if c.code is None and c.frame == "aspect" else c
                for c, r in zip(comps, creads, strict=True)
            ]
            target = self._conflict_base(comps)
            if target is not None and (target.code or "")[:2] in ("02", "10") and target.is_verb:
                target = None  # "agreed to demand talks" intends the demand, below as usual
            if target is not None and (target.code or "")[:2] in ("02", "10"):
                # agreeing to someone's demand or request is yielding to it
                return Reading(lex.derived("yield", target.code or ""), True, "yield", me)
            if target is None and not comps:
                target = self._scan_conflict(trig)
                if target is not None and (target.code is None or lex.weight(target.code) >= 0):
                    target = None
            if target is not None and target.code:
                code = target.code
                if target in comps and creads[comps.index(target)].mode == "negated":
                    return Reading("030", True, "intent", me)
                if lex.weight(code) < 0:
                    if code[:2] == "15" or code.startswith("13"):
                        return Reading(code, True, "intent", me)
                    return Reading(lex.derived("threat", code), True, "threat", me)
                reform = target.arg is not None and matches(
                    "@reforms", self.sent.doc[target.arg], lex
                )
                if code[:2] == "01" and reform:
                    # "promised to hold elections": intent to institute political reform
                    return Reading("034", True, "intent", me)
                if code[:2] in ("01",):
                    return Reading(own or "030", True, "intent", me) if own else None
                if code[:2] == "03":
                    return Reading(code, True, "intent", me)
                return Reading(lex.derived("intent", code), True, "intent", me)
            return Reading(own, True, "intent", me) if own else None
        if frame == "deny":
            tok = doc[me]
            if any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.cues.plan_words for c in tok.children
            ):
                return Reading("010", True, "denied plan", me)
            # a plan is a plan whatever the denial calls it: "dismissed reports that it was
            # preparing an attack" denies an intention, not an act
            if comps and any(self._planned(c, r) for c, r in zip(comps, creads, strict=True)):
                return Reading("010", True, "denied plan", me)
            if trig.how == "object" and own:
                return Reading(own, True, "denial", me)
            if comps:
                # denying a conflictual act is denying responsibility (016); denying a
                # cooperative or neutral one leaves a plain statement (the `deny` table
                # names the cooperative acts one is blamed for, such as arming a side)
                blame = any(
                    self._blamed(c.code or r.code) for c, r in zip(comps, creads, strict=True)
                )
                return Reading("016" if blame else "010", True, "denial", me)
            return Reading(own or "016", True, "denial", me)
        if frame == "accuse":
            if any(c.dep_ == "ccomp" for c in doc[me].children):
                own = "112"  # "charged that rebels mined the road": a charge, not an arrest
            target = self._conflict_base(comps)
            if target is not None and target.code and lex.weight(target.code) < 0:
                return Reading(lex.derived("accuse", target.code), True, "accusation", me)
            return Reading(own or "112", True, "accusation", me)
        if frame == "fear":
            if not comps:
                noun = self._scan_conflict(trig)
                if noun is not None and noun.code and lex.weight(noun.code) != 0:
                    kind = "conflict" if lex.weight(noun.code) < 0 else "cooperation"
                    return Reading(lex.derived("speculate", kind), True, "speculation", me)
            best = self._most(comps, creads)
            speculative = {lex.derived("speculate", k) for k in ("conflict", "cooperation")}
            if best is not None and best[1].mode == "hypothetical" and best[1].code in speculative:
                # "believe a blockade is unlikely": the complement is already a remark
                return Reading(best[1].code, True, "speculation", me)
            if best is not None:
                c, r = best
                base = c.code or r.code
                conflict = lex.weight(base) < 0
                if r.mode == "negated" or (not r.counted and r.mode == "negated"):
                    conflict = not conflict
                if lex.weight(base) == 0:
                    return Reading(own or "010", True, "speculation", me)
                kind = "conflict" if conflict else "cooperation"
                return Reading(lex.derived("speculate", kind), True, "speculation", me)
            return Reading(own, True, "speculation", me) if own else None
        if frame == "consider":
            return Reading(own or "014", True, "option considered", me)
        if frame == "appeal" and any(
            c.dep_ == "ccomp" and _mark(c) in ("whether", "if") for c in doc[me].children
        ):
            return Reading("010", True, "question", me)  # "asked whether sanctions work"
        if frame == "appeal":
            if trig.how != "default" and own:
                return Reading(own, True, "appeal", me)
            best = self._most(comps, creads)
            if best is not None and best[0].code:
                return Reading(lex.derived("appeal", best[0].code), True, "appeal", me)
            return Reading(own or "020", True, "appeal", me)
        if frame == "demand":
            return Reading(own or "100", True, "demand", me)
        if frame == "refuse":
            entry = trig.entry
            for c in comps:
                word = self.sent.doc[c.token].lemma_.lower()
                if entry is not None and word in entry.objects:
                    return Reading(entry.objects[word], True, "refusal", me)
            return Reading(own or "120", True, "refusal", me)
        if frame == "negate":
            return Reading("010", False, "negated", comps[0].token) if comps else None
        if frame == "stop":
            if trig.how in ("object", "stop", "prep", "subject") and own:
                # "dropped bombs" is an attack, not the reversal of one
                mode = "asserted" if own[:2] in ("18", "19", "20") else "reversal"
                return Reading(own, True, mode, me)
            if comps:
                c = comps[0]
                if c.noun is not None and c.noun.stop:
                    return Reading(c.noun.stop, True, "reversal", me)
                if c.code:
                    return Reading(lex.derived("stop", c.code), True, "reversal", me)
            return Reading(own, True, "reversal", me) if own else None
        if own == "010" and trig.how == "object" and comps:
            # adopting a neutral document passes on what it does: "passed a resolution
            # condemning the coup" condemns, "signed a letter urging talks" appeals
            best = self._most(comps, creads)
            if best is not None and best[1].counted:
                return best[1]
        return Reading(own, True, "asserted", me) if own else None

    def _blamed(self, code: str) -> bool:
        derived = self.lex.derived("deny", code)
        if derived != code:
            return derived == "016"
        return self.lex.weight(code) < 0

    def _warns_of_possibility(self, trig: Trigger) -> bool:
        tok = self.sent.doc[trig.token]
        for c in tok.children:
            if c.dep_ == "ccomp" and self.modal(c) == "hyp" and not _inverted_condition(c):
                return True
            if c.dep_ == "prep" and any(
                o.lemma_.lower() in self.cues.possibility_adjectives for o in c.children
            ):
                return True
        return False

    def _self_claim(self, trig: Trigger, comps: list[Trigger]) -> bool:
        """'X claimed its troops repelled attacks' is about X's own act."""
        doc = self.sent.doc
        for c in comps:
            ctok = doc[c.token]
            for s in ctok.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    if s.lower_ in ("it", "they", "we", "i", "he", "she"):
                        return True
                    if any(
                        p.dep_ == "poss" and p.lower_ in ("its", "their", "our", "his", "her", "my")
                        for p in s.children
                    ):
                        return True
        return False

    def _planned(self, comp: Trigger, reading: Reading) -> bool:
        doc = self.sent.doc
        tok = doc[comp.token]
        if comp.frame == "intent" or tok.lemma_.lower() in self.cues.plan_words:
            return True
        link = self.link(comp)
        if link.plan or link.modal or self.modal(tok):
            return True
        return reading.mode in ("intent", "threat")

    def _scan_conflict(self, trig: Trigger) -> Trigger | None:
        """Noun events inside a threat's complement: 'treat X as a declaration of war'."""
        tok = self.sent.doc[trig.token]
        found: list[Trigger] = []
        for c in tok.children:
            # only what the verb governs as its content, not background clauses
            if c.dep_ not in ("ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "pcomp"):
                continue
            for t in c.subtree:
                if t.dep_ == "advcl" and t is not c:
                    break
                other = self.by_token.get(t.i)
                if other is not None and other is not trig and other.code:
                    found.append(other)
        return self._conflict_base(found)

    def _own_modality(self, trig: Trigger, r: Reading) -> Reading:
        doc = self.sent.doc
        tok = doc[trig.token]
        link = self.link(trig)
        lex = self.lex
        if link.rel == "condition":
            return Reading(r.code, False, "condition", r.focus)
        if self.historical(tok):
            return Reading("010", False, "historical", r.focus)
        if (
            tok.dep_ == "ROOT"
            and trig.is_verb
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            # a bare infinitive as the whole clause ("To back off", a split headline)
            # states no act
            return Reading("010", False, "unrealised", r.focus)
        if r.mode in ("denied plan",):
            return r
        if trig.is_verb and self._generic_you(tok):
            # "you cross that bridge at night, you get robbed" tells of no particular event
            return Reading(r.code, False, "generic", r.focus)
        neg = (self.negated(tok) if trig.is_verb else False) or link.neg
        if trig.key in self.cues.option_closers:
            # "has not ruled out strikes" keeps an option open; "ruled out strikes" closes it
            if neg:
                return Reading("014", True, "option considered", r.focus)
            return Reading("010", True, "option ruled out", r.focus)
        modal = (self.modal(tok) if trig.is_verb else None) or link.modal
        if trig.is_verb and self.unlikely(tok):
            neg, modal = True, "hyp"
        if neg and link.litotes:
            neg = False
        if neg and modal == "hyp":
            kind = "cooperation" if lex.weight(r.code) < 0 else "conflict"
            if lex.weight(r.code) == 0:
                return Reading("010", False, "negated", r.focus)
            return Reading(lex.derived("speculate", kind), True, "hypothetical", r.focus)
        if neg:
            if (
                link.plan
                or trig.frame in ("intent", "consider")
                or tok.lemma_.lower() in self.cues.plan_words
            ):
                return Reading("010", False, "denied plan", r.focus)
            if trig.frame in ("deny", "refuse") or r.mode == "denial":
                return Reading("010", False, "negated", r.focus)
            return Reading("010", False, "negated", r.focus)
        if modal == "hyp" and r.mode not in ("speculation", "option considered"):
            if lex.weight(r.code) == 0:
                return Reading(r.code, True, "hypothetical", r.focus)
            kind = "conflict" if lex.weight(r.code) < 0 else "cooperation"
            return Reading(lex.derived("speculate", kind), True, "hypothetical", r.focus)
        if modal == "fut" or link.litotes:
            if r.mode in (
                "threat",
                "intent",
                "speculation",
                "option considered",
                "appeal",
                "demand",
            ):
                return r
            code = r.code
            w = lex.weight(code)
            mode = "conditional threat" if self.conditional(tok) else "announced"
            if w == 0 and mode == "conditional threat" and trig.key in self.cues.retaliation_verbs:
                return Reading("130", True, mode, r.focus)  # "would respond if ..."
            if w > 0:
                if code[:2] == "03":
                    return Reading(code, True, "intent", r.focus)
                return Reading(lex.derived("intent", code), True, "intent", r.focus)
            if code[:2] == "15" or code.startswith("13"):
                return Reading(code, True, mode, r.focus)
            if code[:2] in ("14", "16", "17", "18", "19", "20"):
                return Reading(
                    lex.derived("threat", code),
                    True,
                    mode if mode != "announced" else "threat",
                    r.focus,
                )
            return Reading(code, True, mode, r.focus)
        return r

    # ------------------------------------------------------------------ results

    def analyse(self) -> SentenceEvents:
        out = SentenceEvents()
        doc = self.sent.doc
        tops: list[tuple[Trigger, Reading]] = []
        for trig in self.triggers:
            link = self.link(trig)
            if link.rel == "consumed":
                continue
            if link.rel == "top":
                r = self.reading(trig)
                if r is not None:
                    tops.append((trig, r))
        counted = [(t, r) for t, r in tops if r.counted]
        if not counted:
            # "failed to take the town despite weeks of assaults": with the main act
            # negated (or none), what the concession presupposes is what remains
            counted = [
                (t, r)
                for t in self.triggers
                if self.link(t).rel == "concession"
                and (r := self.reading(t)) is not None
                and r.counted
                and r.mode not in ("hypothetical", "speculation")
            ]
        if counted:
            out.main = max(counted, key=lambda p: self.lex.threat(p[1].code))[1]
        elif tops:
            out.main = Reading("010", False, tops[0][1].mode, tops[0][1].focus)
        focus_of_top = {r.focus for _, r in tops}
        for trig in self.triggers:
            link = self.link(trig)
            if link.rel == "consumed":
                continue
            if link.rel == "top":
                r = self.reading(trig)
                if r is None:
                    continue
                focus = self.by_token.get(r.focus, trig)
                out.events.append(self._event(trig, focus, r, top=True))
                continue
            if trig.token in focus_of_top or not trig.code:
                continue
            if link.rel == "concession" or (
                link.rel in ("description", "background") and trig.is_verb
            ):
                # real events told as background ("after police stormed the embassy") are
                # not the sentence's main event, but they did happen
                r = self.reading(trig)
                if r is not None and r.counted and r.mode not in ("hypothetical", "speculation"):
                    focus = self.by_token.get(r.focus, trig)
                    out.events.append(
                        self._event(trig, focus, replace(r, mode="background"), top=False)
                    )
                    continue
            mode = self._ignored_mode(trig, link)
            out.events.append(
                self._event(trig, trig, Reading(trig.code, False, mode, trig.token), top=False)
            )
        del doc
        return out

    def _ignored_mode(self, trig: Trigger, link: _Link) -> str:
        if link.rel in ("description", "background", "purpose", "mention", "concession"):
            return "embedded"
        if link.rel == "condition":
            return "condition"
        gov = self.verbs.get(link.gov) if link.gov is not None else None
        if gov is None:
            return "embedded"
        frame = gov.frame
        said = self.reading(gov) if frame in ("claim", "refuse") else None
        if said is not None and said.mode in ("denial", "denied plan"):
            frame = "deny"  # "insisted it had not ...", "rejected claims that ..."
        elif frame == "claim":
            frame = "report" if self._self_claim(gov, [trig]) else "accuse"
        return {
            "accuse": "alleged",
            "deny": "denied",
            "fear": "hypothetical",
            "consider": "option considered",
            "negate": "negated",
            "refuse": "refused",
            "threat": "threatened",
            "intent": "intended",
            "appeal": "called for",
            "demand": "demanded",
            "stop": "halted",
        }.get(frame, "embedded" if frame not in ("report", "aspect", "attempt") else "reported")

    def _event(self, trig: Trigger, focus: Trigger, r: Reading, top: bool) -> Event:
        doc = self.sent.doc
        idx = {focus.token}
        if focus.arg is not None and abs(focus.arg - focus.token) <= 8:
            idx.add(focus.arg)
        near = abs(trig.token - focus.token) <= 6
        if (
            near
            and "\n"
            not in doc[min(trig.token, focus.token) : max(trig.token, focus.token) + 1].text
        ):
            idx.add(trig.token)
            if trig.arg is not None and abs(trig.arg - trig.token) <= 8:
                idx.add(trig.arg)
        lo, hi = min(idx), max(idx)
        start_tok = doc[lo]
        end_tok = doc[hi]
        # extend a noun to its modifiers ("175,000 troops"), a verb to its particle
        if not focus.is_verb:
            start_tok = min(
                (c for c in doc[focus.token].lefts if c.dep_ in ("compound", "amod", "nummod")),
                key=lambda c: c.i,
                default=start_tok,
            )
        actor = self._actor(focus) or self._actor(trig)
        return Event(
            trigger=trig,
            code=r.code,
            counted=r.counted,
            top=top,
            mode=r.mode,
            start=min(start_tok.idx, doc[lo].idx),
            end=end_tok.idx + len(end_tok.text),
            actor=actor,
        )

    def _actor(self, trig: Trigger) -> str | None:
        tok = self.sent.doc[trig.token]
        if not trig.is_verb:
            return None
        cur = tok
        for _ in range(4):
            for c in cur.children:
                if (c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON") or c.dep_ == "nsubj":
                    if c.dep_ == "nsubjpass":
                        continue
                    span = self.sent.doc[c.left_edge.i : c.i + 1]
                    return span.text
            if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
                cur = cur.head
            else:
                break
        return None


def analyse_sentence(sent: Span, lex: Lexicon, ref_year: int | None = None) -> SentenceEvents:
    """The events of one sentence with their readings; `main` is the sentence's event."""
    year = ref_year if ref_year is not None else dt.date.today().year
    return _Sentence(sent, lex, year).analyse()
