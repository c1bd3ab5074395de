"""The SQLite analysis cache: exact round trips, and bad databases never cost anything."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sitroom.extractors.cache import AnalysisCache, cache_key
from sitroom.extractors.codec import decode_analysis, encode_analysis
from sitroom.extractors.model import (
    Actor,
    ActorsResult,
    Analysis,
    Article,
    Evidence,
    Quote,
    QuotesResult,
    Span,
    Threat,
)

ARTICLE = Article(
    text="Russia warned Ukraine.", path="a.txt", title="T", published=dt.date(2024, 1, 2)
)


def sample_analysis() -> Analysis:
    actors = ActorsResult(
        (Actor("russia", "Russia", "country", ("Russia",), mentions=(Span(0, 6),)),)
    )
    quotes = QuotesResult(
        (
            Quote(
                content=(Span(7, 13), Span(14, 21)),
                kind="indirect",
                speaker="Russia",
                cue=Span(7, 13),
                date=dt.date(2024, 1, 1),
            ),
        )
    )
    threat = Threat(
        2, 41.5, "verbal hostility", (Evidence(Span(7, 13), 2.0, "warning", "130"),), 0.4
    )
    return Analysis(
        article_id=ARTICLE.id,
        config_hash="abc",
        results={"actors": actors, "quotes": quotes, "threat": threat, "plugin": {"n": [1, 2]}},
        errors={"broken": "RuntimeError: x"},
        timings={"actors": 0.01},
        produces={"actors": "ActorsResult", "broken": "Threat"},
    )


def test_an_analysis_survives_encoding_with_its_types() -> None:
    analysis = sample_analysis()
    assert decode_analysis(encode_analysis(analysis)) == analysis


def test_put_then_get_returns_the_same_analysis(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    key = cache_key("abc", "en_core_web_sm-3.8.0")
    assert cache.get(ARTICLE.id, key) is None
    cache.put(ARTICLE, key, sample_analysis())
    assert cache.get(ARTICLE.id, key) == sample_analysis()
    assert cache.get(ARTICLE.id, cache_key("abc", "en_core_web_sm-3.9.0")) is None
    info = cache.info()
    assert (info.articles, info.analyses, info.warning) == (1, 1, None)


def test_a_second_process_sees_what_the_first_wrote(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    writer, reader = AnalysisCache.open(path), AnalysisCache.open(path)
    writer.put(ARTICLE, "k", sample_analysis())
    assert reader.get(ARTICLE.id, "k") == sample_analysis()


def test_a_corrupt_database_is_moved_aside_and_rebuilt_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    cache = AnalysisCache.open(path)
    assert cache.enabled
    assert cache.warning is not None and "was damaged" in cache.warning
    cache.put(ARTICLE, "k", sample_analysis())
    assert cache.get(ARTICLE.id, "k") == sample_analysis()
    assert len(list(tmp_path.glob("c.sqlite3.corrupt-*"))) == 1  # kept, not deleted


def test_an_older_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE analyses (id TEXT, blob BLOB)")
    db.commit()
    db.close()
    cache = AnalysisCache.open(path)
    cache.put(ARTICLE, "k", sample_analysis())
    assert cache.get(ARTICLE.id, "k") == sample_analysis()


def test_a_damaged_row_is_dropped_and_recomputed_rather_than_trusted(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = AnalysisCache.open(path)
    cache.put(ARTICLE, "k", sample_analysis())
    db = sqlite3.connect(path)
    db.execute("UPDATE analyses SET payload = x'00ff'")
    db.commit()
    db.close()
    assert cache.get(ARTICLE.id, "k") is None
    assert cache.info().analyses == 0


def test_an_unwritable_location_means_running_without_a_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AnalysisCache.open(blocker / "sub" / "c.sqlite3")
    assert not cache.enabled
    assert cache.warning is not None and "running without it" in cache.warning
    cache.put(ARTICLE, "k", sample_analysis())  # silently does nothing
    assert cache.get(ARTICLE.id, "k") is None


def test_clear_empties_the_cache(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    cache.put(ARTICLE, "k", sample_analysis())
    cache.clear()
    assert cache.info().analyses == 0


def test_a_database_locked_by_another_writer_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = AnalysisCache.open(path, busy_timeout=0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        cache.put(ARTICLE, "k", sample_analysis())  # gives up after 0.2 s instead of hanging
        assert cache.warning is not None and "busy" in cache.warning
    finally:
        other.execute("ROLLBACK")
        other.close()
    cache.put(ARTICLE, "k", sample_analysis())  # and works again once the lock is gone
    assert cache.get(ARTICLE.id, "k") == sample_analysis()


def test_killing_a_batch_midway_keeps_every_finished_result_intact(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(40):
        (articles / f"{i:02}.txt").write_text(
            f"Report {i}\n\nDiplomats from {i} countries met in Vienna and talked for hours.\n"
        )
    env = dict(
        os.environ,
        PYTHONPATH=str(repo / "tests" / "data" / "plugins"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    command = [
        sys.executable,
        "-m",
        "sitroom.tui",
        "analyze",
        str(articles),
        "--format",
        "jsonl",
        "--config",
        str(repo / "tests" / "data" / "configs" / "good_plugins.yaml"),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    printed = [process.stdout.readline() for _ in range(5)]
    process.send_signal(signal.SIGKILL)
    process.wait()
    db = sqlite3.connect(tmp_path / "cache" / "sitroom" / "analyses.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    payloads = db.execute("SELECT payload FROM analyses").fetchall()
    assert len(payloads) >= len(printed)  # everything printed was already stored
    for (payload,) in payloads:
        decode_analysis(payload)  # no half-written row
