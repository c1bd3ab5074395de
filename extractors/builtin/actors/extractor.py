"""The `actors` extractor class: options, and the order of the steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors import (
    candidates,
    coref,
    gazetteer,
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
from sitroom.extractors.errors import ConfigError
from sitroom.extractors.model import Actor, ActorsResult, Article, Results, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ActorsOptions:
    #: Extra gazetteer YAML files merged over the bundled one, in order ("default" is
    #: accepted and means the bundled gazetteer alone).
    gazetteer: list[str] = field(default_factory=list)
    #: Use the bundled gazetteer (countries, IGOs, media, leaders, role words).
    bundled: bool = True
    #: Actors with fewer mentions than this (pronouns included) are left out.
    min_mentions: int = 1
    #: Count pronouns and "the minister"-style references as mentions when clear.
    references: bool = True


class ActorsExtractor:
    name = "actors"
    version = "1"
    produces = ActorsResult
    Options = ActorsOptions

    def __init__(self, options: ActorsOptions | None = None) -> None:
        self.options = options or ActorsOptions()
        if self.options.min_mentions < 1:
            raise ConfigError("actors: min_mentions must be at least 1")
        # Loaded now so that a bad user gazetteer is reported when the config is read.
        self.gazetteer = gazetteer.load(self.options.gazetteer, self.options.bundled)

    def run(self, doc: Doc, article: Article, results: Results) -> ActorsResult:
        context = article_context.build(doc, self.gazetteer, article.title)
        coverage = Coverage(len(doc))
        matches = matcher.find(doc, self.gazetteer)
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
        if parsed and self.options.references:
            coref.resolve(clusters, coverage)
        return ActorsResult(self._actors(context, clusters))

    def _actors(self, context: article_context.Context, clusters: Clusters) -> tuple[Actor, ...]:
        doc = context.doc
        kept = [c for c in clusters if len(c.mentions) >= self.options.min_mentions]
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
