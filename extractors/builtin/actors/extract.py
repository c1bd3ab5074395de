"""The steps of the `actors` extractor, in order (the class in extractor.py is a shell)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors import (
    candidates,
    coref,
    groups,
    matcher,
    normalize,
    salience,
    sweep,
    titles,
)
from sitroom.extractors.builtin.actors import (
    context as article_context,
)
from sitroom.extractors.builtin.actors.clusters import Cluster, Clusters
from sitroom.extractors.builtin.actors.mentions import Coverage
from sitroom.extractors.model import Actor, ActorsResult, Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.builtin.actors.extractor import ActorsOptions
    from sitroom.extractors.builtin.actors.gazetteer import Gazetteer


def extract(
    doc: Doc, article: Article, gazetteer: Gazetteer, options: ActorsOptions
) -> ActorsResult:
    context = article_context.build(doc, gazetteer, article.title)
    coverage = Coverage(len(doc))
    matches = matcher.find(doc, gazetteer)
    found, readings = candidates.gazetteer_mentions(context, matches, coverage)
    found += candidates.ner_mentions(context, coverage, readings)
    found += groups.group_mentions(context, coverage, readings)
    clusters = Clusters(context)
    clusters.add_all(found)
    sweep.sweep(clusters, coverage)
    parsed = doc.has_annotation("DEP")
    if parsed:
        titles.assign(context, clusters, readings)
    else:
        for cluster in clusters.people():
            if cluster.entry is not None:
                cluster.affiliation = cluster.entry.affiliation
    if parsed and options.references:
        coref.resolve(clusters, coverage)
    return ActorsResult(_actors(context, clusters, options))


def _actors(
    context: article_context.Context, clusters: Clusters, options: ActorsOptions
) -> tuple[Actor, ...]:
    doc = context.doc
    kept = [c for c in clusters if len(c.mentions) >= options.min_mentions]
    scores = {c.key: salience.score(context, c) for c in kept}
    top = max(scores.values(), default=1.0) or 1.0
    kept.sort(key=lambda c: (-scores[c.key], c.first))
    actors: list[Actor] = []
    used: set[str] = set()
    for cluster in kept:
        actor_id = normalize.slug(cluster.name)
        n = 2
        while actor_id in used:
            actor_id, n = f"{normalize.slug(cluster.name)}-{n}", n + 1
        used.add(actor_id)
        actors.append(
            Actor(
                id=actor_id,
                name=cluster.name,
                kind=cluster.kind,
                aliases=_aliases(doc, cluster),
                title=cluster.title,
                affiliation=_affiliation(cluster),
                mentions=tuple(sorted(Span(*m.char_span(doc)) for m in cluster.mentions)),
                salience=round(scores[cluster.key] / top, 3),
            )
        )
    return tuple(actors)


def _affiliation(cluster: Cluster) -> str | None:
    if cluster.affiliation:
        return cluster.affiliation
    if cluster.entry is not None:
        return cluster.entry.affiliation
    return None


def _aliases(doc: Doc, cluster: Cluster) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    keep_article = cluster.name.startswith("The ")
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        if mention.is_reference:
            continue
        text = " ".join(mention.text(doc).split())
        if not keep_article and text[:4].lower() == "the ":
            text = text[4:]
        seen.setdefault(text, None)
    return tuple(seen)
