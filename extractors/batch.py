"""Analysing many inputs headlessly: load, analyse (or reuse cached analyses), stream out.

Used by `sitroom analyze` and usable from other programs. Load errors are reported
through `on_error` and never stop the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.extractors.cache import AnalysisCache
from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders import expand_paths, load_file, load_paths
from sitroom.extractors.model import Analysis, Article
from sitroom.extractors.pipeline import Pipeline


@dataclass
class BatchStats:
    loaded: int = 0
    failed: int = 0
    cached: int = 0
    analysed: int = 0
    failures: list[ArticleError] = field(default_factory=list)


def analyse_paths(
    paths: Iterable[str],
    pipeline: Pipeline,
    *,
    on_error: Callable[[ArticleError], None],
    cache: AnalysisCache | None = None,
    stats: BatchStats | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Article, Analysis]]:
    """(article, analysis) for every article under `paths`, as each finishes.

    With a cache, a first pass streams out every cached analysis at once and remembers
    only which files hold the rest; a second pass reads those again and sends them
    through spaCy in batches, caching each as it finishes. Nothing is held for the whole
    run, so memory stays flat however many articles there are, and an interrupted run
    keeps everything it finished.
    """
    stats = stats if stats is not None else BatchStats()
    key = pipeline.cache_key if cache is not None and cache.enabled else ""

    def report(error: ArticleError) -> None:
        stats.failed += 1
        stats.failures.append(error)
        on_error(error)

    if not key or cache is None:
        yield from _analyse(
            _load(paths, report, stats), pipeline, None, "", stats, n_process, batch_size
        )
        return

    missing: set[str] = set()
    files_to_reread: list[Path] = []
    for file in _files(paths, report):
        file_has_miss = False
        for article in _load((file,), report, stats):
            hit = cache.get(article.id, key)
            if hit is not None:
                stats.cached += 1
                yield article, hit
            elif article.id not in missing:
                missing.add(article.id)
                file_has_miss = True
        if file_has_miss:
            files_to_reread.append(file)

    def reread() -> Iterator[Article]:
        for file in files_to_reread:
            for item in load_file(file):
                if isinstance(item, ArticleError):
                    report(item)  # changed or deleted since the first pass
                elif item.id in missing:
                    missing.discard(item.id)  # the same text twice is analysed once
                    yield item

    yield from _analyse(reread(), pipeline, cache, key, stats, n_process, batch_size)


def _files(paths: Iterable[str], report: Callable[[ArticleError], None]) -> Iterator[Path]:
    for item in expand_paths(paths):
        if isinstance(item, ArticleError):
            report(item)
        else:
            yield item


def _load(
    paths: Iterable[str | Path], report: Callable[[ArticleError], None], stats: BatchStats
) -> Iterator[Article]:
    for item in load_paths(paths):
        if isinstance(item, ArticleError):
            report(item)
        else:
            stats.loaded += 1
            yield item


def _analyse(
    articles: Iterable[Article],
    pipeline: Pipeline,
    cache: AnalysisCache | None,
    key: str,
    stats: BatchStats,
    n_process: int,
    batch_size: int,
) -> Iterator[tuple[Article, Analysis]]:
    for article, analysis in pipeline.analyze_many(
        articles, batch_size=batch_size, n_process=n_process
    ):
        stats.analysed += 1
        if cache is not None and key:
            cache.put(article, key, analysis)
        yield article, analysis
