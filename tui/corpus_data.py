"""What the corpus view shows, asked of the corpus store in one go, off the UI thread.

The questions are the engine's (`sitroom.extractors.corpus.Corpus`, plain SQL over the
store), restricted to the articles loaded in the dashboard. They run on a worker thread and
come back as one `CorpusSnapshot`, so the view is redrawn from finished data only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitroom.extractors.corpus import ActorTotal, Corpus, SpeakerTotal, ThreatPoint

#: Rows of the actor and speaker tables. The tail of a long corpus is a few thousand actors
#: met once; nobody scrolls to them, and every row costs the table time to build.
TOP = 200


@dataclass(frozen=True)
class CorpusSnapshot:
    loaded: int  # articles loaded in the dashboard
    stored: int  # of which the store holds an analysis (under this session's config)
    actors: Sequence[ActorTotal] = ()
    speakers: Sequence[SpeakerTotal] = ()
    points: Sequence[ThreatPoint] = ()
    problem: str = ""  # why there is nothing to show, when there is not
    more_actors: bool = False  # the table holds the top TOP only
    more_speakers: bool = False
    serial: int = 0
    seconds: float = 0.0


def ask(corpus: Corpus, article_ids: Sequence[str], serial: int = 0) -> CorpusSnapshot:
    """Everything the view shows, for the articles `article_ids`."""
    import time

    started = time.perf_counter()
    ids = list(article_ids)
    stored = corpus.article_count(ids) if ids else 0
    if not stored:
        return CorpusSnapshot(len(ids), 0, serial=serial)
    actors = corpus.top_actors(ids, limit=TOP + 1)
    speakers = corpus.top_speakers(ids, limit=TOP + 1)
    points = corpus.threat_points(ids)
    return CorpusSnapshot(
        loaded=len(ids),
        stored=stored,
        actors=actors[:TOP],
        speakers=speakers[:TOP],
        points=points,
        more_actors=len(actors) > TOP,
        more_speakers=len(speakers) > TOP,
        serial=serial,
        seconds=time.perf_counter() - started,
    )
