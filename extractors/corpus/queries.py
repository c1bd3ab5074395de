"""Cross-article questions over the store: who appears most, who is quoted most, how the
threat level moves over time, and which articles mention an actor.

Every question is one SQL statement over the corpus tables the cache fills on `put` (see
`rows.py`), read through the cache's never-raising `select`: an unusable store gives empty
answers, never an exception. A corpus is read under one analysis key (config + model), so
analyses made with another config never mix in. `article_ids` restricts a question to some
articles (e.g. the ones loaded in the dashboard); it travels as one JSON array parameter
that SQLite unpacks with `json_each`, so any number of ids costs one statement.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitroom.extractors.corpus.rows import UNLINKED, VAGUE_SPEAKERS

# the keys unlinked vague speakers are stored under (see rows.speaker_key)
_VAGUE_KEYS = json.dumps(sorted(UNLINKED + word for word in VAGUE_SPEAKERS))

if TYPE_CHECKING:
    from sitroom.extractors.cache import AnalysisCache


@dataclass(frozen=True, slots=True)
class ActorTotal:
    """One actor across the corpus: in how many articles, with how many mentions in all."""

    id: str
    name: str  # the name it has in most articles
    kind: str  # likewise
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SpeakerTotal:
    """One speaker across the corpus, by actor id when linked to an actor, else by name."""

    key: str  # actor id, or "=" + folded name for a speaker that is not a known actor
    actor_id: str | None
    name: str
    quotes: int
    articles: int


@dataclass(frozen=True, slots=True)
class ThreatDay:
    """The threat levels of the articles published on one day (`date` None: undated)."""

    date: dt.date | None
    articles: int
    mean_level: float
    mean_score: float
    max_level: int
    max_score: float


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as the corpus tables know it, with what the question counted in it."""

    id: str
    path: str
    title: str
    published: dt.date | None
    count: int  # mentions of the actor, or quotes of the speaker


@dataclass(frozen=True, slots=True)
class ThreatPoint:
    """One article's threat level, for a plot over publication dates."""

    id: str
    path: str
    title: str
    published: dt.date | None
    level: int
    score: float


class Corpus:
    """The cross-article tables of the analyses stored under `key` (`Pipeline.cache_key`).

    Cheap to make and safe to use from a worker thread (the cache serialises access), so a
    dashboard can ask its questions off the UI thread while analyses are still being stored;
    each answer reflects what the store held at that moment.
    """

    def __init__(self, cache: AnalysisCache, key: str) -> None:
        self.cache = cache
        self.key = key

    # -- questions --------------------------------------------------------------------
    def article_count(self, article_ids: Collection[str] | None = None) -> int:
        """How many of the articles have an analysis in the store."""
        where, params = self._scope("article_id", article_ids)
        rows = self.cache.select(f"SELECT count(*) FROM analyses WHERE {where}", params)
        return int(rows[0][0]) if rows else 0

    def stored(self, article_ids: Collection[str]) -> set[str]:
        """Which of the articles have an analysis in the store."""
        where, params = self._scope("article_id", article_ids)
        return {
            row[0]
            for row in self.cache.select(f"SELECT article_id FROM analyses WHERE {where}", params)
        }

    def top_actors(
        self,
        article_ids: Collection[str] | None = None,
        limit: int | None = None,
        kind: str | None = None,
    ) -> list[ActorTotal]:
        """Actors by the number of articles they appear in, then by mentions."""
        where, params = self._scope("article_id", article_ids)
        if kind is not None:
            where += " AND kind = ?"
            params.append(kind)
        # name and kind: the most frequent over the actor's rows, looked up only for the
        # actors that make the cut (the primary key starts with (key, actor_id))
        sql = f"""
            WITH totals AS (
                SELECT actor_id, count(*) AS articles, sum(mentions) AS mentions
                FROM article_actors WHERE {where}
                GROUP BY actor_id
                ORDER BY articles DESC, mentions DESC, actor_id
                LIMIT ?
            )
            SELECT actor_id,
                (SELECT name FROM article_actors AS a
                 WHERE a.key = ? AND a.actor_id = totals.actor_id
                 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
                (SELECT kind FROM article_actors AS a
                 WHERE a.key = ? AND a.actor_id = totals.actor_id
                 GROUP BY kind ORDER BY count(*) DESC, kind LIMIT 1),
                articles, mentions
            FROM totals ORDER BY articles DESC, mentions DESC, actor_id
        """
        params += [_limit(limit), self.key, self.key]
        return [ActorTotal(*row) for row in self.cache.select(sql, params)]

    def top_speakers(
        self, article_ids: Collection[str] | None = None, limit: int | None = None
    ) -> list[SpeakerTotal]:
        """Speakers by the number of quotes attributed to them, then by articles."""
        where, params = self._scope("article_id", article_ids)
        sql = f"""
            WITH totals AS (
                SELECT speaker, max(speaker_id) AS actor_id,
                       sum(quotes) AS quotes, count(*) AS articles
                FROM article_speakers
                WHERE {where} AND speaker NOT IN (SELECT value FROM json_each(?))
                GROUP BY speaker
                ORDER BY quotes DESC, articles DESC, speaker
                LIMIT ?
            )
            SELECT speaker, actor_id,
                (SELECT name FROM article_speakers AS s
                 WHERE s.key = ? AND s.speaker = totals.speaker
                 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
                quotes, articles
            FROM totals ORDER BY quotes DESC, articles DESC, speaker
        """
        params += [_VAGUE_KEYS, _limit(limit), self.key]
        return [SpeakerTotal(*row) for row in self.cache.select(sql, params)]

    def threat_by_date(self, article_ids: Collection[str] | None = None) -> list[ThreatDay]:
        """Per publication day, oldest first; the undated articles last, as date None."""
        where, params = self._scope("article_id", article_ids)
        sql = f"""
            SELECT published, count(*), avg(level), avg(score), max(level), max(score)
            FROM article_threat WHERE {where}
            GROUP BY published
            ORDER BY published IS NULL, published
        """
        return [
            ThreatDay(_date(day), n, mean_level, mean_score, max_level, max_score)
            for day, n, mean_level, mean_score, max_level, max_score in self.cache.select(
                sql, params
            )
        ]

    def threat_points(self, article_ids: Collection[str] | None = None) -> list[ThreatPoint]:
        """Every article's threat level in publication order (undated last), for a plot."""
        where, params = self._scope("t.article_id", article_ids, table="t")
        sql = f"""
            SELECT t.article_id, a.path, a.title, t.published, t.level, t.score
            FROM article_threat AS t JOIN articles AS a ON a.id = t.article_id
            WHERE {where}
            ORDER BY t.published IS NULL, t.published, a.path, t.article_id
        """
        return [
            ThreatPoint(article_id, path, title, _date(day), level, score)
            for article_id, path, title, day, level, score in self.cache.select(sql, params)
        ]

    def articles_mentioning(
        self, actor_id: str, article_ids: Collection[str] | None = None
    ) -> list[ArticleRef]:
        """The articles an actor appears in, the ones that mention it most first."""
        where, params = self._scope("x.article_id", article_ids, table="x")
        sql = f"""
            SELECT x.article_id, a.path, a.title, a.published, x.mentions
            FROM article_actors AS x JOIN articles AS a ON a.id = x.article_id
            WHERE {where} AND x.actor_id = ?
            ORDER BY x.mentions DESC, a.published DESC, a.path, x.article_id
        """
        return self._refs(sql, [*params, actor_id])

    def articles_quoting(
        self, speaker: str, article_ids: Collection[str] | None = None
    ) -> list[ArticleRef]:
        """The articles that quote a speaker (`SpeakerTotal.key`), most quotes first."""
        where, params = self._scope("x.article_id", article_ids, table="x")
        sql = f"""
            SELECT x.article_id, a.path, a.title, a.published, x.quotes
            FROM article_speakers AS x JOIN articles AS a ON a.id = x.article_id
            WHERE {where} AND x.speaker = ?
            ORDER BY x.quotes DESC, a.published DESC, a.path, x.article_id
        """
        return self._refs(sql, [*params, speaker])

    # -- internals --------------------------------------------------------------------
    def _scope(
        self, column: str, article_ids: Collection[str] | None, table: str | None = None
    ) -> tuple[str, list[Any]]:
        key_column = f"{table}.key" if table else "key"
        if article_ids is None:
            return f"{key_column} = ?", [self.key]
        # `IN (subquery)`: SQLite builds the id set once per statement and probes it
        return (
            f"{key_column} = ? AND {column} IN (SELECT value FROM json_each(?))",
            [self.key, json.dumps(list(article_ids))],
        )

    def _refs(self, sql: str, params: list[Any]) -> list[ArticleRef]:
        return [
            ArticleRef(article_id, path, title, _date(day), count)
            for article_id, path, title, day, count in self.cache.select(sql, params)
        ]


def is_unlinked(speaker_key: str) -> bool:
    """True for the key of a speaker that is not a known actor (grouped by name)."""
    return speaker_key.startswith(UNLINKED)


def _limit(limit: int | None) -> int:
    return -1 if limit is None else max(0, limit)  # SQLite: LIMIT -1 means no limit


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
