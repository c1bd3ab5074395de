"""Analysing many inputs headlessly: load, analyse (or reuse cached analyses), stream out.

Used by `sitroom analyze` and usable from other programs. Load errors are reported
through `on_error` and never stop the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders import load_paths
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
    stats: BatchStats | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Article, Analysis]]:
    """(article, analysis) for every article under `paths`, in input order."""
    stats = stats if stats is not None else BatchStats()

    def articles() -> Iterator[Article]:
        for item in load_paths(paths):
            if isinstance(item, ArticleError):
                stats.failed += 1
                stats.failures.append(item)
                on_error(item)
            else:
                stats.loaded += 1
                yield item

    for article, analysis in pipeline.analyze_many(
        articles(), batch_size=batch_size, n_process=n_process
    ):
        stats.analysed += 1
        yield article, analysis
