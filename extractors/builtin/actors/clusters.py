"""Folding mentions into actors: one cluster per real-world actor.

People: full names first; then a surname ("Blinken") joins the full name that ends with it,
a first name ("Hillary") the one full name that starts with it; a surname the article never
expands is expanded by the gazetteer when exactly one known person has it ("Putin" ->
Vladimir Putin). Gazetteer entries cluster by id, so "US", "U.S.", "Washington" and "the
White House" are one actor. Unknown organisations cluster by name, an acronym joining the
organisation whose initials it spells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors import normalize
from sitroom.extractors.builtin.actors.context import Context
from sitroom.extractors.builtin.actors.gazetteer import Entry
from sitroom.extractors.builtin.actors.mentions import Mention
from sitroom.extractors.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SMALL = frozenset(["of", "the", "and", "for", "&", "in", "on", "de"])


@dataclass(slots=True)
class Cluster:
    key: str
    name: str
    kind: ActorKind
    entry: Entry | None = None
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "m" or "f", from pronouns and gendered titles

    def add(self, mention: Mention) -> None:
        mention.key = self.key
        self.mentions.append(mention)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _words(doc: Doc, mention: Mention) -> list[str]:
    return [t.text for t in doc[mention.start : mention.end] if not t.is_punct or t.text == "."]


def _one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by exactly one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _SMALL)


class Clusters:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.by_key: dict[str, Cluster] = {}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.by_key.values())

    def get(self, key: str) -> Cluster | None:
        return self.by_key.get(key)

    def for_entry(self, entry: Entry) -> Cluster:
        key = f"gaz:{entry.id}"
        cluster = self.by_key.get(key)
        if cluster is None:
            cluster = self.by_key[key] = Cluster(key, entry.name, entry.kind, entry)
        return cluster

    def named(self, kind: ActorKind, name: str) -> Cluster:
        key = f"{kind}:{normalize.fold(name)}"
        cluster = self.by_key.get(key)
        if cluster is None:
            cluster = self.by_key[key] = Cluster(key, name, kind)
        return cluster

    def people(self) -> list[Cluster]:
        return [c for c in self.by_key.values() if c.kind == "person"]

    def add_all(self, mentions: list[Mention]) -> None:
        doc = self.context.doc
        people = [m for m in mentions if m.kind == "person"]
        others = [m for m in mentions if m.kind != "person"]
        full = [m for m in people if len(_words(doc, m)) > 1 or m.entry is not None]
        single = [m for m in people if m not in full]
        for mention in full:
            self._add_full_name(mention)
        for mention in single:
            self._add_single_name(mention)
        for mention in others:
            self._add_other(mention)
        self._merge_prefixes()
        self._merge_acronyms()
        self._merge_kinds()

    def _add_full_name(self, mention: Mention) -> None:
        doc = self.context.doc
        entry = mention.entry or self.context.gazetteer.find(mention.text(doc))
        if entry is not None and entry.kind == "person":
            self.for_entry(entry).add(mention)
            return
        words = [normalize.fold(w) for w in _words(doc, mention)]
        for cluster in self.people():
            known = [normalize.fold(w) for w in cluster.name.split()]
            shorter, longer = sorted((known, words), key=len)
            same = known == words or (known[0] == words[0] and known[-1] == words[-1])
            # "Pena Nieto" in "Enrique Pena Nieto": two or more final words in common.
            tail = len(shorter) >= 2 and longer[-len(shorter) :] == shorter
            if same or tail:
                cluster.add(mention)
                if cluster.entry is None and len(words) > len(known):
                    cluster.name = " ".join(_words(doc, mention))
                return
        self.named("person", mention.text(doc)).add(mention)

    def _add_single_name(self, mention: Mention) -> None:
        doc = self.context.doc
        word = normalize.fold(mention.text(doc))
        addressed = self._addressed(mention)
        cluster = self.person_for(word, mention.start, in_full=addressed)
        ids = self.context.gazetteer.people_by_short.get(word, ())
        famous = self.context.gazetteer.entry(ids[0]) if len(ids) == 1 else None
        # A bare "Obama" is the well-known Obama even when the article names only Michelle
        # Obama in full, unless it says "Mrs. Obama".
        if famous is not None and (cluster is None or (cluster.entry is None and not addressed)):
            cluster = self.for_entry(famous)
        if cluster is None:
            cluster = self.named("person", mention.text(doc))
        cluster.add(mention)

    def _addressed(self, mention: Mention) -> bool:
        """Preceded by a courtesy title ("Mrs. Obama"): the writer means the person named
        in this article, not a namesake."""
        doc = self.context.doc
        k = mention.start - 1
        if k >= 0 and doc[k].text == ".":
            k -= 1
        return k >= 0 and doc[k].lower_.rstrip(".") in self.context.roles.honorifics

    def person_for(self, word: str, position: int, in_full: bool = False) -> Cluster | None:
        """The person a lone surname (or first name) refers to, when the article says;
        `in_full`: only people the article itself names in full ("Mrs. Obama")."""
        doc = self.context.doc
        people = [c for c in self.people() if len(c.name.split()) > 1]
        if in_full:
            people = [c for c in people if any(len(_words(doc, m)) > 1 for m in c.mentions)]
        by_last = [c for c in people if word in self._short_names(c)]
        if by_last:
            # Two people share a surname: news writes the better-known one by surname alone
            # and names the other in full or by first name ("Trump" vs "Ivanka Trump"), so a
            # person the gazetteer knows comes first, then the one named more often, then
            # the one named most recently before this mention.
            def rank(c: Cluster) -> tuple[bool, int, int]:
                before = [m.start for m in c.mentions if m.start < position]
                return c.entry is not None, len(c.mentions), max(before, default=-1)

            return max(by_last, key=rank)
        by_first = [c for c in people if normalize.fold(c.name.split()[0]) == word]
        if len(by_first) == 1:
            return by_first[0]
        # A misspelt surname ("McLenney" for McClenney): one edit away from exactly one.
        if len(word) >= 5:
            near = [
                c
                for c in people
                if any(_one_edit(word, s) for s in self._short_names(c) if s[:1] == word[:1])
            ]
            if len(near) == 1:
                return near[0]
        return None

    @staticmethod
    def _short_names(cluster: Cluster) -> set[str]:
        names = {normalize.fold(cluster.name.split()[-1])}
        if cluster.entry is not None:
            names.update(normalize.fold(s) for s in cluster.entry.short)
        return names

    def _add_other(self, mention: Mention) -> None:
        doc = self.context.doc
        if mention.entry is not None:
            self.for_entry(mention.entry).add(mention)
            return
        text = mention.text(doc)
        single = len(text.split()) == 1
        if mention.kind == "organization" and single:
            # The NER sometimes calls a known person an organisation ("Biden" in "a Biden
            # administration official").
            person = self.person_for(normalize.fold(text), mention.start)
            if person is None:
                ids = self.context.gazetteer.people_by_short.get(normalize.fold(text), ())
                if len(ids) == 1:
                    person = self.for_entry(self.context.gazetteer.entry(ids[0]))
            if person is not None:
                mention.kind = "person"
                person.add(mention)
                return
        if mention.kind in ("organization", "media") and single:
            # "the Post" after "The Washington Post": the last word of one known name.
            owner = self._shortened(normalize.fold(text))
            if owner is not None:
                owner.add(mention)
                return
        name = text[4:] if text.lower().startswith("the ") else text
        cluster = self.named(mention.kind, name)
        if cluster.affiliation is None:
            cluster.affiliation = mention.affiliation
        cluster.add(mention)

    def _shortened(self, word: str) -> Cluster | None:
        named = [
            c
            for c in self.by_key.values()
            if c.kind in ("organization", "media", "igo")
            and len(c.name.split()) > 1
            and normalize.fold(c.name.split()[-1]) == word
        ]
        return named[0] if len(named) == 1 else None

    def _merge_kinds(self) -> None:
        """The NER may call the same name a person in one sentence and an organisation in
        the next ("Lenox"): one row, of the kind it was given most often."""
        by_name: dict[str, list[Cluster]] = {}
        for cluster in self.by_key.values():
            if cluster.entry is None and cluster.kind in ("person", "organization", "media"):
                by_name.setdefault(normalize.fold(cluster.name), []).append(cluster)
        for same in by_name.values():
            if len(same) < 2:
                continue
            same.sort(key=lambda c: (-len(c.mentions), c.first))
            keep = same[0]
            for other in same[1:]:
                for mention in other.mentions:
                    mention.kind = keep.kind
                    keep.add(mention)
                del self.by_key[other.key]

    def _merge_prefixes(self) -> None:
        """ "Peterson Institute" after "Peterson Institute for International Economics"."""
        orgs = [c for c in self.by_key.values() if c.kind in ("organization", "media")]
        for short in orgs:
            words = normalize.fold(short.name).split()
            if len(words) < 2 or short.entry is not None:
                continue
            longer = [
                c
                for c in orgs
                if c is not short
                and c.key in self.by_key
                and normalize.fold(c.name).split()[: len(words)] == words
                and len(c.name.split()) > len(words)
            ]
            if len(longer) == 1 and short.key in self.by_key:
                for mention in short.mentions:
                    longer[0].add(mention)
                del self.by_key[short.key]

    def _merge_acronyms(self) -> None:
        orgs = [c for c in self.by_key.values() if c.kind in ("organization", "media")]
        for short in orgs:
            if short.key not in self.by_key:
                continue
            letters = short.name.replace(".", "")
            if not (letters.isupper() and letters.isalpha() and len(letters) >= 2):
                continue
            longer = [
                c
                for c in orgs
                if c is not short and c.key in self.by_key and _initials(c.name) == letters
            ]
            if len(longer) == 1:
                for mention in short.mentions:
                    longer[0].add(mention)
                del self.by_key[short.key]
