"""Corpus mode's store: cross-article rows written with every analysis, and the questions
asked of them (top actors, speakers, threat by date, articles mentioning an actor)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import Counter
from pathlib import Path

from sitroom.extractors.batch import analyse_paths
from sitroom.extractors.cache import SCHEMA_VERSION, AnalysisCache
from sitroom.extractors.config import load_config
from sitroom.extractors.corpus import ActorTotal, Corpus, SpeakerTotal, is_unlinked
from sitroom.extractors.model import (
    Actor,
    ActorsResult,
    Analysis,
    Article,
    Quote,
    QuotesResult,
    Span,
    Threat,
)
from sitroom.extractors.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "extractors" / "samples"
KEY = "key-a"


def actor(actor_id: str, name: str, kind: str, mentions: int) -> Actor:
    return Actor(actor_id, name, kind, mentions=tuple(Span(i, i + 1) for i in range(mentions)))  # type: ignore[arg-type]


def quote(speaker: str | None, speaker_id: str | None) -> Quote:
    return Quote(content=(Span(0, 1),), kind="direct", speaker=speaker, speaker_id=speaker_id)


def article(n: int, published: dt.date | None) -> Article:
    return Article(
        text=f"Article number {n}.", path=f"/news/{n:02}.txt", title=f"T{n}", published=published
    )


def analysis(
    item: Article,
    actors: list[Actor] = (),  # type: ignore[assignment]
    quotes: list[Quote] = (),  # type: ignore[assignment]
    threat: Threat | None = None,
) -> Analysis:
    results: dict[str, object] = {
        "actors": ActorsResult(tuple(actors)),
        "quotes": QuotesResult(tuple(quotes)),
    }
    if threat is not None:
        results["threat"] = threat
    return Analysis(article_id=item.id, config_hash="c", results=results)


def threat(level: int, score: float) -> Threat:
    return Threat(level, score, "label")


def small_corpus(cache: AnalysisCache) -> list[Article]:
    """Three dated articles and an undated one; Russia in three of them."""
    a1 = article(1, dt.date(2024, 3, 1))
    a2 = article(2, dt.date(2024, 3, 1))
    a3 = article(3, dt.date(2024, 3, 5))
    a4 = article(4, None)
    blinken = ("Antony Blinken", "antony-blinken")
    russia = actor("russia", "Russia", "country", 3)
    person = actor("antony-blinken", "Antony Blinken", "person", 2)
    quotes = [quote(*blinken), quote(*blinken), quote("a spokesman", None)]
    cache.put(a1, KEY, analysis(a1, [russia, person], quotes, threat(2, 50.0)))
    actors = [actor("russia", "Russia", "country", 1), actor("ukraine", "Ukraine", "country", 4)]
    quotes = [quote(*blinken), quote("A  Spokesman", None), quote(None, None)]
    cache.put(a2, KEY, analysis(a2, actors, quotes, threat(4, 90.0)))
    cache.put(a3, KEY, analysis(a3, [actor("russia", "Russia", "country", 2)], [], threat(1, 20.0)))
    cache.put(a4, KEY, analysis(a4, [actor("nato", "NATO", "igo", 1)], [], threat(3, 70.0)))
    return [a1, a2, a3, a4]


def test_actors_are_linked_across_articles_by_id_with_article_and_mention_counts(
    tmp_path: Path,
) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    small_corpus(cache)
    assert Corpus(cache, KEY).top_actors() == [
        ActorTotal("russia", "Russia", "country", articles=3, mentions=6),
        ActorTotal("ukraine", "Ukraine", "country", articles=1, mentions=4),
        ActorTotal("antony-blinken", "Antony Blinken", "person", articles=1, mentions=2),
        ActorTotal("nato", "NATO", "igo", articles=1, mentions=1),
    ]


def test_articles_mentioning_an_actor_come_with_their_mention_counts_most_first(
    tmp_path: Path,
) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    a1, a2, a3, _ = small_corpus(cache)
    found = Corpus(cache, KEY).articles_mentioning("russia")
    assert [(ref.id, ref.count) for ref in found] == [(a1.id, 3), (a3.id, 2), (a2.id, 1)]
    assert (found[0].path, found[0].title, found[0].published) == (
        "/news/01.txt",
        "T1",
        dt.date(2024, 3, 1),
    )
    assert Corpus(cache, KEY).articles_mentioning("nobody") == []


def test_speakers_are_counted_by_actor_id_and_unlinked_ones_by_folded_name(
    tmp_path: Path,
) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    a1, a2, _, _ = small_corpus(cache)
    speakers = Corpus(cache, KEY).top_speakers()
    assert speakers[0] == SpeakerTotal(
        "antony-blinken", "antony-blinken", "Antony Blinken", quotes=3, articles=2
    )
    # "a spokesman" and "A  Spokesman" are one unlinked speaker; the unattributed quote is
    # nobody's
    (unlinked,) = speakers[1:]
    assert is_unlinked(unlinked.key) and unlinked.actor_id is None
    assert (unlinked.quotes, unlinked.articles) == (2, 2)
    quoting = Corpus(cache, KEY).articles_quoting("antony-blinken")
    assert [(ref.id, ref.count) for ref in quoting] == [(a1.id, 2), (a2.id, 1)]


def test_threat_by_date_averages_each_publication_day_and_puts_undated_articles_last(
    tmp_path: Path,
) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    small_corpus(cache)
    days = Corpus(cache, KEY).threat_by_date()
    rows = [
        (d.date, d.articles, d.mean_level, d.mean_score, d.max_level, d.max_score) for d in days
    ]
    assert rows == [
        (dt.date(2024, 3, 1), 2, 3.0, 70.0, 4, 90.0),
        (dt.date(2024, 3, 5), 1, 1.0, 20.0, 1, 20.0),
        (None, 1, 3.0, 70.0, 3, 70.0),
    ]
    points = Corpus(cache, KEY).threat_points()
    assert [(p.path, p.level) for p in points] == [
        ("/news/01.txt", 2),
        ("/news/02.txt", 4),
        ("/news/03.txt", 1),
        ("/news/04.txt", 3),
    ]


def test_every_question_can_be_limited_to_some_articles(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    _, a2, _, a4 = small_corpus(cache)
    corpus = Corpus(cache, KEY)
    some = [a2.id, a4.id]
    assert [(a.id, a.articles, a.mentions) for a in corpus.top_actors(some)] == [
        ("ukraine", 1, 4),
        ("nato", 1, 1),
        ("russia", 1, 1),
    ]
    assert [s.quotes for s in corpus.top_speakers(some)] == [1, 1]
    assert [d.articles for d in corpus.threat_by_date(some)] == [1, 1]
    assert [p.id for p in corpus.threat_points(some)] == [a2.id, a4.id]
    assert [r.id for r in corpus.articles_mentioning("russia", some)] == [a2.id]
    assert corpus.article_count(some) == 2
    assert corpus.article_count([]) == 0 and corpus.top_actors([]) == []
    assert corpus.article_count() == 4


def test_limit_and_kind_narrow_the_actor_table(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    small_corpus(cache)
    corpus = Corpus(cache, KEY)
    assert [a.id for a in corpus.top_actors(limit=2)] == ["russia", "ukraine"]
    assert [a.id for a in corpus.top_actors(kind="person")] == ["antony-blinken"]
    assert [s.key for s in corpus.top_speakers(limit=1)] == ["antony-blinken"]


def test_analyses_made_under_another_key_never_mix_in(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    a1, *_ = small_corpus(cache)
    cache.put(a1, "key-b", analysis(a1, [actor("china", "China", "country", 9)]))
    assert [a.id for a in Corpus(cache, "key-b").top_actors()] == ["china"]
    assert "china" not in {a.id for a in Corpus(cache, KEY).top_actors()}
    assert Corpus(cache, "key-b").article_count() == 1


def test_storing_an_article_again_replaces_its_rows_instead_of_adding_to_them(
    tmp_path: Path,
) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    a1, *_ = small_corpus(cache)
    cache.put(a1, KEY, analysis(a1, [actor("russia", "Russia", "country", 10)], [], threat(0, 1.0)))
    corpus = Corpus(cache, KEY)
    assert corpus.top_actors()[0] == ActorTotal("russia", "Russia", "country", 3, 13)
    assert "antony-blinken" not in {a.id for a in corpus.top_actors()}
    assert corpus.threat_by_date()[0].max_level == 4  # a2's, not a1's old 2


def test_the_majority_name_and_kind_win_when_articles_disagree(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    for n, kind in enumerate(["country", "country", "government"]):
        item = article(n, None)
        name = "Georgia" if kind == "country" else "georgia"
        cache.put(item, KEY, analysis(item, [actor("georgia", name, kind, 1)]))
    (total,) = Corpus(cache, KEY).top_actors()
    assert (total.name, total.kind, total.articles) == ("Georgia", "country", 3)


def test_odd_plugin_results_cost_only_their_own_rows_never_the_analysis(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    item = article(1, dt.date(2024, 1, 1))
    odd = analysis(
        item,
        [
            actor("x", "X", "group", 1),
            actor("x", "X", "group", 2),
            actor("", "Nameless", "group", 1),
        ],
        [],
        threat(2, float("nan")),
    )
    cache.put(item, KEY, odd)
    assert cache.warning is None  # the store stays usable
    corpus = Corpus(cache, KEY)
    assert corpus.article_count() == 1
    assert corpus.top_actors() == [ActorTotal("x", "X", "group", 1, 3)]  # one id, mentions summed
    assert corpus.threat_by_date() == []  # a score that is not a number is left out


def test_clear_and_a_dropped_damaged_analysis_take_their_rows_along(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = AnalysisCache.open(path)
    a1, *_ = small_corpus(cache)
    db = sqlite3.connect(path)
    db.execute("UPDATE analyses SET payload = x'00ff' WHERE article_id = ?", (a1.id,))
    db.commit()
    db.close()
    assert cache.get(a1.id, KEY) is None  # damaged: dropped, with its corpus rows
    corpus = Corpus(cache, KEY)
    assert corpus.article_count() == 3
    assert a1.id not in {r.id for r in corpus.articles_mentioning("russia")}
    cache.clear()
    assert corpus.top_actors() == [] and corpus.threat_points() == []


def test_a_cache_of_the_previous_layout_is_rebuilt_with_the_corpus_tables(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "CREATE TABLE analyses (article_id TEXT, key TEXT, created REAL, payload BLOB);"
        "INSERT INTO analyses VALUES ('a', 'k', 0, x'00');"
    )
    db.commit()
    db.close()
    cache = AnalysisCache.open(path)
    assert cache.info().analyses == 0
    small_corpus(cache)
    assert Corpus(cache, KEY).article_count() == 4
    version = cache.select("SELECT value FROM meta WHERE key = 'schema_version'")
    assert version == [(str(SCHEMA_VERSION),)]


def test_an_unusable_store_gives_empty_answers_instead_of_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    corpus = Corpus(AnalysisCache.open(blocker / "c.sqlite3"), KEY)
    assert corpus.top_actors() == [] and corpus.top_speakers() == []
    assert corpus.threat_by_date() == [] and corpus.article_count() == 0


def test_the_tables_of_real_analyses_agree_with_the_analyses_themselves(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    pipeline = Pipeline(load_config(None))
    pairs = list(analyse_paths([str(SAMPLES)], pipeline, on_error=print, cache=cache))
    pipeline.close()
    assert len(pairs) == 5
    articles_with: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for _, result in pairs:
        found = result.find(ActorsResult)
        assert found is not None
        for item in found.actors:
            articles_with[item.id] += 1
            mentions[item.id] += len(item.mentions)
    corpus = Corpus(cache, pipeline.cache_key)
    top = corpus.top_actors()
    assert {a.id: (a.articles, a.mentions) for a in top} == {
        i: (articles_with[i], mentions[i]) for i in articles_with
    }
    assert top[0].articles >= 2  # the samples share actors: the link across articles works
    assert sum(d.articles for d in corpus.threat_by_date()) == 5
    assert corpus.article_count([a.id for a, _ in pairs]) == 5


def test_questions_over_two_thousand_articles_take_well_under_a_second(tmp_path: Path) -> None:
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    names = [f"actor {i}" for i in range(300)]
    ids: list[str] = []
    for n in range(2000):
        item = article(n, dt.date(2024, 1, 1) + dt.timedelta(days=n % 90))
        ids.append(item.id)
        chosen = [names[(n * 7 + k * k) % len(names)] for k in range(12)]
        actors = [
            actor(x.replace(" ", "-"), x, "person", 1 + k % 4)
            for k, x in enumerate(dict.fromkeys(chosen))
        ]
        quotes = [quote(a.name, a.id) for a in actors[:5]]
        cache.put(item, KEY, analysis(item, actors, quotes, threat(n % 5, (n * 37) % 100)))
    corpus = Corpus(cache, KEY)
    for question in (
        lambda: corpus.top_actors(limit=50),
        lambda: corpus.top_actors(ids[:1000], limit=50),
        lambda: corpus.top_speakers(ids),
        lambda: corpus.threat_by_date(ids),
        lambda: corpus.threat_points(ids),
        lambda: corpus.articles_mentioning("actor-7", ids),
    ):
        started = time.perf_counter()
        answer = question()
        assert answer
        assert time.perf_counter() - started < 0.5


def test_store_paths_analyses_only_what_the_store_lacks_and_reports_each_bad_input_once(
    tmp_path: Path,
) -> None:
    from sitroom.extractors.batch import BatchStats
    from sitroom.extractors.corpus.build import store_paths
    from sitroom.extractors.errors import ArticleError

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nRussia and Ukraine met in Vienna on Monday.\n")
    (folder / "b.jsonl").write_text(
        '{"text": "NATO ministers met in Brussels, a spokesman said."}\n{"title": "no text"}\n'
    )
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    pipeline = Pipeline(load_config(None))
    errors: list[ArticleError] = []
    first = BatchStats()
    ids = store_paths([str(folder)], pipeline, cache, on_error=errors.append, stats=first)
    assert (len(ids), first.loaded, first.analysed, first.cached, first.failed) == (2, 2, 2, 0, 1)
    assert len(errors) == 1 and "b.jsonl" in str(errors[0])
    assert Corpus(cache, pipeline.cache_key).stored(ids) == set(ids)

    (folder / "c.txt").write_text("Shelling\n\nShelling resumed near Donetsk, officials said.\n")
    again = BatchStats()
    more = store_paths([str(folder)], pipeline, cache, on_error=errors.append, stats=again)
    pipeline.close()
    assert more[:2] == ids and len(more) == 3
    assert (again.analysed, again.cached) == (1, 2)  # only the new article met spaCy
    assert len(errors) == 2  # the bad line again, once


def test_bare_pronouns_and_quantifiers_are_nobody_across_articles(tmp_path: Path) -> None:
    # "they" in one article and "they" in another are different people: counting them as
    # one speaker put "they", "it" and "I" among the most quoted of a real corpus
    cache = AnalysisCache.open(tmp_path / "c.sqlite3")
    a1, a2 = article(1, None), article(2, None)
    vague = [quote(word, None) for word in ("they", "It", "I", "some", "those", "many")]
    cache.put(a1, KEY, analysis(a1, [], [*vague, quote("a spokesman", None)]))
    cache.put(a2, KEY, analysis(a2, [], [*vague, quote("They", None)]))
    speakers = Corpus(cache, KEY).top_speakers()
    assert [s.name for s in speakers] == ["a spokesman"]
