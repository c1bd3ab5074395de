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


def resolve(clusters: Clusters, coverage: Coverage) -> None:
    context = clusters.context
    doc = context.doc
    sentence_of = _sentence_index(clusters)
    people = clusters.people()
    person_mentions: list[tuple[int, Cluster, Mention]] = sorted(
        ((m.start, c, m) for c in people for m in c.mentions), key=lambda x: x[0]
    )
    titles = context.roles.titles
    for token in doc:
        if not coverage.free(token.i, token.i + 1):
            continue
        gender = _PRONOUNS.get(token.lower_)
        if gender is not None and token.pos_ == "PRON":
            cluster = _pronoun(token, gender, person_mentions, sentence_of)
            if cluster is not None:
                _attach(cluster, token, "pronoun", coverage, person_mentions)
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == "the" and token.tag_ in ("NN", "NNP"):
            if token.i + 1 < len(doc) and (
                doc[token.i + 1].lower_ == "of" or doc[token.i + 1].pos_ == "PROPN"
            ):
                continue  # "the president of France", "the minister Sergei ...": a new name
            cluster = _description(token, clusters, titles)
            if cluster is not None:
                _attach(cluster, token, "nominal", coverage, person_mentions)


def _pronoun(
    token: Token,
    gender: str,
    person_mentions: list[tuple[int, Cluster, Mention]],
    sentence_of: dict[int, int],
) -> Cluster | None:
    here = sentence_of[token.i]
    earlier = [(s, c, m) for s, c, m in person_mentions if s < token.i]
    subject = _clause_subject(token, earlier)
    if token.tag_ == "PRP$" and subject is not None and subject.gender in (None, gender):
        # "Blinken told Euronews after his meeting": a possessive in a clause whose subject
        # is a person is that person's.
        return subject
    if token.tag_ != "PRP$" and token.dep_ not in _SUBJECT and subject is not None:
        # "Maas told him": an object pronoun is never its own clause's subject.
        earlier = [(s, c, m) for s, c, m in earlier if c.key != subject.key]
    for back in range(_LOOKBACK + 1):
        sentence = here - back
        candidates = [(c, m) for s, c, m in earlier if sentence_of[s] == sentence]
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


def _clause_subject(token: Token, earlier: list[tuple[int, Cluster, Mention]]) -> Cluster | None:
    """The person who is the subject of the clause `token` is in, when one is named."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
    if not subjects:
        return None
    subject = subjects[0]
    for _, cluster, mention in earlier:
        if mention.start <= subject.i < mention.end:
            return cluster
    return None


def _description(token: Token, clusters: Clusters, titles: frozenset[str]) -> Cluster | None:
    lower = token.lower_
    lemma = token.lemma_.lower()
    named_before = [c for c in clusters if c.first < token.i]
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
    cluster: Cluster,
    token: Token,
    source: str,
    coverage: Coverage,
    person_mentions: list[tuple[int, Cluster, Mention]],
) -> None:
    start = token.i - 1 if source == "nominal" else token.i
    coverage.take(start, token.i + 1)
    mention = Mention(start, token.i + 1, cluster.kind, cluster.name, source, cluster.entry)
    cluster.add(mention)
    if source == "pronoun":
        cluster.gender = cluster.gender or _PRONOUNS[token.lower_]
    if cluster.kind == "person":
        person_mentions.append((token.i, cluster, mention))
        person_mentions.sort(key=lambda x: x[0])
