"""Titles and affiliations of people, read from the parse around their mentions.

Three places hold a title: the words before the name ("US Secretary of State Antony
Blinken", "Putin's foreign affairs adviser Yuri Ushakov", "Sec. Blinken"), an apposition
after it ("Konstantin Kosachev, a deputy speaker of the upper house of parliament"), and a
title noun the name is in apposition to ("A ministry spokeswoman, Alina Karpovich").
A country, organisation or person at the front of such a phrase ("US", "German", "Putin's")
is the affiliation, and the rest is the title when it has a role word in it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.clusters import Clusters
from sitroom.extractors.builtin.actors.context import Context
from sitroom.extractors.builtin.actors.gazetteer import Entry
from sitroom.extractors.builtin.actors.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

_STOP_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "NUM"})
_FEMALE = frozenset(
    {
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "queen",
        "princess",
        "first lady",
        "mrs",
        "ms",
        "miss",
        "madam",
        "dame",
        "lady",
    }
)
_MALE = frozenset(
    {"spokesman", "chairman", "congressman", "businessman", "king", "prince", "mr", "sir", "lord"}
)


@dataclass(frozen=True, slots=True)
class Found:
    title: str | None
    affiliation: str | None  # a canonical actor name
    via_person: str | None  # cluster key of a person the affiliation comes through
    gender: str | None


class TitleReader:
    def __init__(self, context: Context, clusters: Clusters, readings: dict[int, Entry]) -> None:
        self.context = context
        self.doc = context.doc
        self.clusters = clusters
        self.readings = readings
        self.owner: dict[int, Mention] = {}
        for cluster in clusters:
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self.owner[i] = mention

    # -- reading one phrase -------------------------------------------------------------
    def _phrase(self, tokens: list[Token]) -> Found | None:
        """Split a title phrase into affiliation and title."""
        roles = self.context.roles
        i = 0
        while i < len(tokens) and (tokens[i].dep_ == "det" or tokens[i].tag_ == "PRP$"):
            i += 1
        affiliation: str | None = None
        via: str | None = None
        # Leading names: a country, IGO, organisation or person, possibly possessive.
        while i < len(tokens):
            token = tokens[i]
            if token.tag_ == "POS" or (token.is_punct and token.text not in (".",)):
                i += 1
                continue
            entry = self.readings.get(token.i)
            mention = self.owner.get(token.i)
            if entry is not None and entry.kind in ("country", "igo", "organization", "media"):
                affiliation = affiliation or entry.name
            elif mention is not None and mention.kind != "group":
                cluster = self.clusters.get(mention.key)
                if cluster is None:
                    break
                if cluster.kind == "person":
                    via = via or cluster.key
                affiliation = affiliation or cluster.name
            else:
                break
            i += 1
        rest = tokens[i:]
        # "the nominee's eldest daughter": what follows a possessive is the title, and it is
        # relative to someone else; the words before it are not this person's title.
        owners = [n for n, t in enumerate(rest) if t.tag_ == "POS"]
        if owners:
            rest = rest[owners[-1] + 1 :]
        while rest and (rest[-1].is_punct or rest[-1].dep_ in ("det", "cc")):
            rest = rest[:-1]
        while rest and rest[0].is_punct and rest[0].text != ".":
            rest = rest[1:]
        # "the investigation former Secretary of State": a capitalised title starts at its
        # first modifier, not at common nouns the parse hung in front of it.
        first_role = next((n for n, t in enumerate(rest) if self.context.is_title_word(t)), None)
        if first_role is not None and rest[first_role].text[:1].isupper():
            while rest[:first_role] and rest[0].pos_ == "NOUN" and rest[0].text.islower():
                rest = rest[1:]
                first_role -= 1
        words = [
            self._expand(t)
            for n, t in enumerate(rest)
            if not (t.text == "." and n > 0 and self._expand(rest[n - 1]) != rest[n - 1].text)
        ]
        lowered = [w.lower() for w in words]
        has_role = any(w in roles.titles for w in lowered) or any(
            f"{a} {b}" in roles.titles for a, b in itertools.pairwise(lowered)
        )
        gender = next(("f" for w in lowered if w in _FEMALE), None) or next(
            ("m" for w in lowered if w in _MALE), None
        )
        if not has_role:
            # No title, no affiliation: "the Putin-Biden call" says nothing about Biden.
            return None
        title = " ".join(words).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
        return Found(title, affiliation, via, gender)

    def _expand(self, token: Token) -> str:
        """ "Sec." -> "Secretary"; anything else as written."""
        abbreviations = self.context.roles.title_abbreviations
        bare = token.text.rstrip(".")
        full = abbreviations.get(bare.lower())
        if full is not None and (token.text.endswith(".") or self._dot_after(token)):
            return full
        return token.text

    def _dot_after(self, token: Token) -> bool:
        return token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == "."

    # -- where titles are ---------------------------------------------------------------
    def _before(self, mention: Mention) -> list[Token]:
        """The words before the name that the parse attaches to it."""
        doc = self.doc
        root = doc[mention.start : mention.end].root
        lefts = [t for t in root.lefts if t.i < mention.start]
        start = min(t.left_edge.i for t in lefts) if lefts else mention.start
        # The parse often leaves a title abbreviation detached ("Sec. Blinken").
        k = mention.start - 1
        if k >= 0 and doc[k].text == ".":
            k -= 1
        if k >= 0 and doc[k].text.rstrip(".").lower() in self.context.roles.title_abbreviations:
            start = min(start, k)
        tokens = list(doc[start : mention.start])
        # Stop at anything that cannot be inside a title: verbs, commas, quotes, names of
        # other people that are not possessive ("told President Putin" keeps "President").
        cut = 0
        for n, token in enumerate(tokens):
            if (
                (token.pos_ in _STOP_POS and token.tag_ != "PRP$")
                or (token.is_punct and token.text not in (".", "-", "’s", "'s"))
                or token.is_space
                or "\n" in token.whitespace_
            ):
                cut = n + 1
        return tokens[cut:]

    def _apposition(self, mention: Mention) -> list[Token]:
        doc = self.doc
        root = doc[mention.start : mention.end].root
        for child in root.rights:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                if self.owner.get(child.i) is not None:
                    continue  # another named actor, not a description
                tokens = [t for t in child.subtree if t.i <= child.i or self._in_title(t, child)]
                return tokens
        if root.dep_ == "appos" and root.head.i < mention.start and root.head.pos_ == "NOUN":
            head = root.head
            return [t for t in head.subtree if t.i <= head.i]
        return []

    def _in_title(self, token: Token, head: Token) -> bool:
        """Keep "of the upper house of parliament", drop relative clauses and commas."""
        walk = token
        while walk.i != head.i:
            if walk.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl"):
                return False
            walk = walk.head
        return not token.is_punct

    def read(self, mention: Mention) -> list[Found]:
        found: list[Found] = []
        for tokens in (self._before(mention), self._apposition(mention)):
            if tokens:
                result = self._phrase(tokens)
                if result is not None:
                    found.append(result)
        return found


def assign(context: Context, clusters: Clusters, readings: dict[int, Entry]) -> None:
    """Set title, affiliation and gender on every person cluster."""
    reader = TitleReader(context, clusters, readings)
    via: dict[str, str] = {}
    for cluster in clusters.people():
        found = [f for m in cluster.mentions if not m.is_reference for f in reader.read(m)]
        titles = [f.title for f in found if f.title]
        if titles:
            # The fullest form wins: "Secretary of State" over "Secretary" from "Sec.".
            cluster.title = max(titles, key=lambda t: (len(t.split()), -titles.index(t)))
        affiliation = next((f for f in found if f.affiliation), None)
        if affiliation is not None and affiliation.affiliation != cluster.name:
            cluster.affiliation = affiliation.affiliation
            if affiliation.via_person:
                via[cluster.key] = affiliation.via_person
        elif cluster.entry is not None and cluster.entry.affiliation:
            cluster.affiliation = cluster.entry.affiliation
        cluster.gender = next((f.gender for f in found if f.gender), None)
    # "Putin's adviser": the adviser belongs where Putin belongs, when that is known.
    for key, person_key in via.items():
        person = clusters.get(person_key)
        target = clusters.get(key)
        if person is not None and target is not None and person.affiliation:
            target.affiliation = person.affiliation
