"""A second pass for names the NER missed once it has found them elsewhere: "Blinken" in
a title-case headline, "Biden" in "a Putin-Biden call", an organisation named again."""

from __future__ import annotations

from sitroom.extractors.builtin.actors import normalize
from sitroom.extractors.builtin.actors.clusters import Cluster, Clusters
from sitroom.extractors.builtin.actors.mentions import Coverage, Mention

_MAX = 5


def _keys(clusters: Clusters) -> dict[tuple[str, ...], Cluster | None]:
    doc = clusters.context.doc
    keys: dict[tuple[str, ...], Cluster | None] = {}

    def put(key: tuple[str, ...], cluster: Cluster) -> None:
        if not key or len(key) > _MAX:
            return
        # A form two actors share (a surname of two people) is left alone.
        keys[key] = cluster if keys.get(key, cluster) is cluster else None

    for cluster in clusters:
        if cluster.entry is not None and cluster.kind != "person":
            continue  # the gazetteer matcher has already looked for these everywhere
        for mention in cluster.mentions:
            if mention.is_reference or mention.kind == "group":
                continue
            tokens = doc[mention.start : mention.end]
            put(tuple(normalize.fold(t.text) for t in tokens), cluster)
        if cluster.kind == "person":
            put((normalize.fold(cluster.name.split()[-1]),), cluster)
            if cluster.entry is not None:
                for short in cluster.entry.short:
                    put(tuple(normalize.fold(w) for w in short.split()), cluster)
    return keys


def sweep(clusters: Clusters, coverage: Coverage) -> None:
    doc = clusters.context.doc
    keys = _keys(clusters)
    if not keys:
        return
    folded = [normalize.fold(t.text) for t in doc]
    i = 0
    while i < len(doc):
        found = 0
        if doc[i].text[:1].isupper() and coverage.free(i, i + 1):
            for length in range(min(_MAX, len(doc) - i), 0, -1):
                cluster = keys.get(tuple(folded[i : i + length]))
                if cluster is None or not coverage.free(i, i + length):
                    continue
                end = i + length
                # Never half a longer name: "Trump" in "Ivanka Trump" is someone else.
                if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "PERSON":
                    continue
                if i > 0 and doc[i - 1].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I":
                    continue
                coverage.take(i, end)
                cluster.add(Mention(i, end, cluster.kind, cluster.name, "sweep", cluster.entry))
                found = length
                break
        i += found or 1
