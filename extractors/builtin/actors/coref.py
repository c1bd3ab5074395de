"""References that are not names: "he", "his", "she", "the minister", "the alliance".

Only a clear reference counts. A pronoun goes back to the nearest sentence that names a
person (looking at most a few sentences back); it is resolved when that sentence names one
person of a compatible gender, or, when it names several, the pronoun is a subject and
exactly one of them is one. A definite description ("the minister", "the bank") is resolved
when exactly one actor named so far has that title or that head noun; "the alliance" and
"the bloc" use the gazetteer's epithets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.clusters import Cluster, Clusters
from sitroom.extractors.builtin.actors.mentions import Coverage, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_SUBJECT = ("nsubj", "nsubjpass")
_LOOKBACK = 4  # sentences


def _sentence_index(clusters: Clusters) -> dict[int, int]:
    index: dict[int, int] = {}
    for n, sentence in enumerate(clusters.context.doc.sents):
        for i in range(sentence.start, sentence.end):
            index[i] = n
    return index


def _title_head(cluster: Cluster, titles: frozenset[str]) -> str | None:
    """ "Foreign Minister" -> "minister"; "deputy speaker of the upper house" -> "speaker"."""
    if not cluster.title:
        return None
    words = cluster.title.lower().split(" of ")[0].split()
    return next((w for w in reversed(words) if w in titles), None)


class _People:
    """Person mentions indexed by sentence and by token, kept up to date as references are
    resolved (a resolved "he" is a candidate for the next one)."""

    def __init__(self, clusters: Clusters, sentence_of: dict[int, int]) -> None:
        self.sentence_of = sentence_of
        self.by_sentence: dict[int, list[tuple[Cluster, Mention]]] = {}
        self.by_token: dict[int, Cluster] = {}
        for cluster in clusters.people():
            for mention in cluster.mentions:
                self.add(cluster, mention)

    def add(self, cluster: Cluster, mention: Mention) -> None:
        self.by_sentence.setdefault(self.sentence_of[mention.start], []).append((cluster, mention))
        for i in range(mention.start, mention.end):
            self.by_token[i] = cluster

    def before(self, sentence: int, position: int) -> list[tuple[Cluster, Mention]]:
        return [(c, m) for c, m in self.by_sentence.get(sentence, ()) if m.start < position]


def resolve(clusters: Clusters, coverage: Coverage) -> None:
    context = clusters.context
    doc = context.doc
    people = _People(clusters, _sentence_index(clusters))
    titles = context.roles.titles
    first = {c.key: c.first for c in clusters}
    for token in doc:
        if not coverage.free(token.i, token.i + 1):
            continue
        gender = _PRONOUNS.get(token.lower_)
        if gender is not None and token.pos_ == "PRON":
            cluster = _pronoun(token, gender, people)
            if cluster is not None:
                _attach(cluster, token, "pronoun", coverage, people)
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == "the" and token.tag_ in ("NN", "NNP"):
            if token.i + 1 < len(doc) and (
                doc[token.i + 1].lower_ == "of" or doc[token.i + 1].pos_ == "PROPN"
            ):
                continue  # "the president of France", "the minister Sergei ...": a new name
            cluster = _description(token, clusters, titles, first)
            if cluster is not None:
                _attach(cluster, token, "nominal", coverage, people)


def _pronoun(token: Token, gender: str, people: _People) -> Cluster | None:
    here = people.sentence_of[token.i]
    subject = _clause_subject(token, people)
    if token.tag_ == "PRP$" and subject is not None and subject.gender in (None, gender):
        # "Blinken told Euronews after his meeting": a possessive in a clause whose subject
        # is a person is that person's.
        return subject
    # "Maas told him": an object pronoun is never its own clause's subject.
    excluded = subject.key if subject is not None and token.tag_ != "PRP$" else None
    if token.dep_ in _SUBJECT:
        excluded = None
    for back in range(_LOOKBACK + 1):
        candidates = [(c, m) for c, m in people.before(here - back, token.i) if c.key != excluded]
        if not candidates:
            continue
        fitting = {c.key: c for c, _ in candidates if c.gender in (None, gender)}
        if len(fitting) == 1:
            return next(iter(fitting.values()))
        if len(fitting) > 1 and token.dep_ in _SUBJECT:
            subjects = {
                c.key: c
                for c, m in candidates
                if c.key in fitting and token.doc[m.start : m.end].root.dep_ in _SUBJECT
            }
            if len(subjects) == 1:
                return next(iter(subjects.values()))
            # Several subjects: the subject of the sentence's main verb ("..., Blinken told
            # Euronews" after a quote that mentions others) is the one carried on.
            main = {
                c.key: c
                for c, m in candidates
                if c.key in subjects
                and token.doc[m.start : m.end].root.dep_ in _SUBJECT
                and token.doc[m.start : m.end].root.head.dep_ == "ROOT"
            }
            if len(main) == 1:
                return next(iter(main.values()))
        return None  # the nearest sentence with people is ambiguous: leave it
    return None


def _clause_subject(token: Token, people: _People) -> Cluster | None:
    """The person who is the subject of the clause `token` is in, when one is named."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT), None)
    if subject is None or subject.i >= token.i:
        return None
    return people.by_token.get(subject.i)


def _description(
    token: Token, clusters: Clusters, titles: frozenset[str], first: dict[str, int]
) -> Cluster | None:
    lower = token.lower_
    lemma = token.lemma_.lower()
    named_before = [c for c in clusters if first.get(c.key, token.i) < token.i]
    if lower in titles or lemma in titles:
        matches = [
            c for c in named_before if c.kind == "person" and _title_head(c, titles) == lemma
        ]
    else:
        matches = [
            c
            for c in named_before
            if c.kind in ("igo", "organization", "media")
            and (
                (c.entry is not None and lemma in c.entry.epithets)
                or c.name.lower().split()[-1] == lower
            )
        ]
    return matches[0] if len(matches) == 1 else None


def _attach(
    cluster: Cluster, token: Token, source: str, coverage: Coverage, people: _People
) -> None:
    start = token.i - 1 if source == "nominal" else token.i
    coverage.take(start, token.i + 1)
    mention = Mention(start, token.i + 1, cluster.kind, cluster.name, source, cluster.entry)
    cluster.add(mention)
    if source == "pronoun":
        cluster.gender = cluster.gender or _PRONOUNS[token.lower_]
    if cluster.kind == "person":
        people.add(cluster, mention)
