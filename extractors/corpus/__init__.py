"""Corpus mode: cross-article tables over the analysis store.

`Corpus(cache, pipeline.cache_key)` answers questions about every stored article (or the
given `article_ids`): `top_actors`, `top_speakers`, `threat_by_date`, `threat_points`,
`articles_mentioning`, `articles_quoting`. `tables` lays the answers out for the
`sitroom corpus` command (JSON and CSV).
"""

from sitroom.extractors.corpus.queries import (
    ActorTotal,
    ArticleRef,
    Corpus,
    SpeakerTotal,
    ThreatDay,
    ThreatPoint,
    is_unlinked,
)

__all__ = [
    "ActorTotal",
    "ArticleRef",
    "Corpus",
    "SpeakerTotal",
    "ThreatDay",
    "ThreatPoint",
    "is_unlinked",
]
