"""The analysis cache: an embedded SQLite database in the user's cache directory.

An analysis is stored under (article id, key) where the key covers the config (extractor
names, versions and options) and the spaCy model's name and version, so any change that
could alter the output misses the cache. Reading a cached analysis never imports spaCy.

The cache is a convenience and must never cost the user anything: a corrupt file is moved
aside and rebuilt, a locked or read-only one is bypassed, each with a warning, and
writes are single transactions so a killed process leaves no half-written rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.extractors.codec import decode_analysis, encode_analysis
from sitroom.extractors.corpus.rows import article_rows
from sitroom.extractors.model import Analysis, Article

# 2: per-article actor, speaker and threat rows for the corpus tables (sitroom.extractors.corpus)
SCHEMA_VERSION = 2
FILE_NAME = "analyses.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    published TEXT,
    seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT NOT NULL,
    key TEXT NOT NULL,
    created REAL NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (article_id, key)
);
CREATE INDEX IF NOT EXISTS analyses_by_key ON analyses (key);
-- The corpus tables: a few flat rows per analysis, written with it in one transaction.
-- Each is keyed by the analysis key first (a corpus is read under one config and model),
-- then by what the corpus queries group on, so those read the index in order.
CREATE TABLE IF NOT EXISTS article_actors (
    key TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, actor_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_actors_by_article ON article_actors (key, article_id);
CREATE TABLE IF NOT EXISTS article_speakers (
    key TEXT NOT NULL,
    speaker TEXT NOT NULL,
    article_id TEXT NOT NULL,
    speaker_id TEXT,
    name TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (key, speaker, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_speakers_by_article ON article_speakers (key, article_id);
CREATE TABLE IF NOT EXISTS article_threat (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    published TEXT,
    level INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_threat_by_date ON article_threat (key, published);
"""

#: Every table this module creates, dropped together when the layout changes.
_TABLES = ("analyses", "articles", "meta", "article_actors", "article_speakers", "article_threat")
#: The corpus tables, emptied for an analysis before its new rows are written.
_CORPUS_TABLES = ("article_actors", "article_speakers", "article_threat")


def default_path() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("sitroom", appauthor=False) / FILE_NAME


def cache_key(config_hash: str, model_version: str) -> str:
    """What an analysis depends on besides its text."""
    blob = f"{config_hash}\0{model_version}\0schema{SCHEMA_VERSION}".encode()
    return hashlib.sha256(blob).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: str
    articles: int
    analyses: int
    bytes: int
    warning: str | None


class AnalysisCache:
    """Thread-safe; every method swallows database trouble into `warning` and carries on."""

    def __init__(self, path: Path | None, connection: sqlite3.Connection | None) -> None:
        self.path = path
        self._db = connection
        self._lock = threading.Lock()
        self.warning: str | None = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    # -- opening --------------------------------------------------------------------
    @classmethod
    def disabled(cls, reason: str | None = None) -> AnalysisCache:
        cache = cls(None, None)
        cache.warning = reason
        return cache

    @classmethod
    def open(cls, path: str | Path | None = None, *, busy_timeout: float = 5.0) -> AnalysisCache:
        """Open (creating if needed) the cache; never raises.

        `busy_timeout` is how long to wait for another process's write to finish before
        giving up on this read or write (with a warning) rather than blocking the user.
        """
        target = Path(path) if path is not None else default_path()
        try:
            return cls(target, _connect(target, busy_timeout))
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                moved = _move_aside(target)
                try:
                    cache = cls(target, _connect(target, busy_timeout))
                except (sqlite3.Error, OSError) as again:
                    return cls.disabled(f"cache {target}: unusable ({again}); running without it")
                cache.warning = (
                    f"cache {target} was damaged; moved it to {moved.name} and started anew"
                )
                return cache
            return cls.disabled(f"cache {target}: {exc}; running without it")
        except (sqlite3.Error, OSError) as exc:
            return cls.disabled(f"cache {target}: {exc}; running without it")

    # -- reading and writing --------------------------------------------------------
    def get(self, article_id: str, key: str) -> Analysis | None:
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT payload FROM analyses WHERE article_id = ? AND key = ?",
                    (article_id, key),
                ).fetchone()
        except sqlite3.Error as exc:
            self._trouble(exc)
            return None
        if row is None:
            return None
        try:
            return decode_analysis(row[0])
        except ValueError:
            self._forget(article_id, key)  # a damaged row is recomputed, not trusted
            return None

    def put(self, article: Article, key: str, analysis: Analysis) -> None:
        """Store the analysis and its corpus rows (see `corpus/rows.py`) in one transaction."""
        if self._db is None:
            return
        payload = encode_analysis(analysis)
        rows = article_rows(analysis)
        now = time.time()
        published = article.published.isoformat() if article.published else None
        try:
            with self._lock, self._transaction() as db:
                db.execute(
                    "INSERT INTO articles (id, path, title, source, published, seen) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "path = excluded.path, title = excluded.title, source = excluded.source, "
                    "published = excluded.published, seen = excluded.seen",
                    (article.id, article.path, article.title, article.source, published, now),
                )
                db.execute(
                    "INSERT OR REPLACE INTO analyses (article_id, key, created, payload) "
                    "VALUES (?, ?, ?, ?)",
                    (article.id, key, now, payload),
                )
                _delete_corpus_rows(db, article.id, key)
                db.executemany(
                    "INSERT INTO article_actors "
                    "(key, actor_id, article_id, name, kind, mentions) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (key, a.actor_id, article.id, a.name, a.kind, a.mentions)
                        for a in rows.actors
                    ],
                )
                db.executemany(
                    "INSERT INTO article_speakers (key, speaker, article_id, speaker_id, name, "
                    "quotes) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (key, s.speaker, article.id, s.speaker_id, s.name, s.quotes)
                        for s in rows.speakers
                    ],
                )
                if rows.threat is not None:
                    db.execute(
                        "INSERT INTO article_threat (key, article_id, published, level, score) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (key, article.id, published, rows.threat.level, rows.threat.score),
                    )
        except sqlite3.Error as exc:
            self._trouble(exc)

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a read-only query, for the corpus tables; [] when the cache is unusable."""
        if self._db is None:
            return []
        try:
            with self._lock:
                return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self._trouble(exc)
            return []

    def info(self) -> CacheInfo:
        path = str(self.path) if self.path else "(disabled)"
        if self._db is None:
            return CacheInfo(path, 0, 0, 0, self.warning)
        try:
            with self._lock:
                articles = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
                analyses = self._db.execute("SELECT count(*) FROM analyses").fetchone()[0]
        except sqlite3.Error as exc:
            self._trouble(exc)
            articles = analyses = 0
        size = sum(
            p.stat().st_size
            for p in (Path(path), Path(path + "-wal"), Path(path + "-shm"))
            if p.exists()
        )
        return CacheInfo(path, articles, analyses, size, self.warning)

    def clear(self) -> None:
        if self._db is None:
            return
        try:
            with self._lock, self._transaction() as db:
                for table in _CORPUS_TABLES:
                    db.execute(f"DELETE FROM {table}")
                db.execute("DELETE FROM analyses")
                db.execute("DELETE FROM articles")
            with self._lock:
                self._db.execute("VACUUM")
        except sqlite3.Error as exc:
            self._trouble(exc)

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None

    # -- internals ------------------------------------------------------------------
    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        assert self._db is not None
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _forget(self, article_id: str, key: str) -> None:
        if self._db is None:
            return
        try:
            with self._lock, self._transaction() as db:
                db.execute(
                    "DELETE FROM analyses WHERE article_id = ? AND key = ?", (article_id, key)
                )
                _delete_corpus_rows(db, article_id, key)
        except sqlite3.Error as exc:
            self._trouble(exc)

    def _trouble(self, exc: sqlite3.Error) -> None:
        text = str(exc)
        if "locked" in text or "busy" in text:
            self.warning = f"cache {self.path} is busy ({text}); this result was not cached"
            return
        self.warning = f"cache {self.path}: {text}; running without it"
        self.close()


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    # autocommit mode (isolation_level=None): transactions are explicit BEGIN/COMMIT
    db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        version = _schema_version(db)
        if version is not None and version != SCHEMA_VERSION:
            # an older (or newer) layout: rebuild rather than misread it
            db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
        db.executescript(_SCHEMA)
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
    except BaseException:
        db.close()
        raise
    return db


def _delete_corpus_rows(db: sqlite3.Connection, article_id: str, key: str) -> None:
    for table in _CORPUS_TABLES:
        db.execute(f"DELETE FROM {table} WHERE key = ? AND article_id = ?", (key, article_id))


def _schema_version(db: sqlite3.Connection) -> int | None:
    has_meta = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        has_any = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone()
        return 0 if has_any else None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError:
        return 0


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            with contextlib.suppress(OSError):
                os.replace(source, Path(str(moved) + suffix))
    return moved
