"""Making sure every article of a corpus has its analysis in the store.

`batch.analyse_paths` hands back every analysis, decoding the cached ones; the corpus
tables need none of them back, only their rows in the store. So here a first pass reads
the files and asks the store, one query per file, which of their articles it already holds,
and only the files with missing articles go through `analyse_paths` (spaCy, the extractors,
`cache.put`). A second run over 10,000 stored articles therefore costs reading the files,
not decoding 10,000 analyses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sitroom.extractors.batch import BatchStats, analyse_paths
from sitroom.extractors.cache import AnalysisCache
from sitroom.extractors.corpus.queries import Corpus
from sitroom.extractors.errors import ArticleError
from sitroom.extractors.loaders import expand_paths, load_file
from sitroom.extractors.pipeline import Pipeline


def store_paths(
    paths: Iterable[str],
    pipeline: Pipeline,
    cache: AnalysisCache,
    *,
    on_error: Callable[[ArticleError], None],
    stats: BatchStats | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> list[str]:
    """The ids of the articles under `paths` (each once, in load order), every one of them
    analysed into `cache` under `pipeline.cache_key` unless it was there already."""
    stats = stats if stats is not None else BatchStats()
    corpus = Corpus(cache, pipeline.cache_key)
    ids: dict[str, None] = {}  # ordered set
    incomplete: list[Path] = []

    reported: set[str] = set()

    def report(error: ArticleError) -> None:
        # a file read again for the analysis would report its bad lines a second time
        if str(error) in reported:
            return
        reported.add(str(error))
        stats.failed += 1
        stats.failures.append(error)
        on_error(error)

    for file in expand_paths(paths):
        if isinstance(file, ArticleError):
            report(file)
            continue
        found: list[str] = []
        for item in load_file(file):
            if isinstance(item, ArticleError):
                report(item)
            else:
                stats.loaded += 1
                found.append(item.id)
        ids.update(dict.fromkeys(found))
        if found and not corpus.stored(found) >= set(found):
            incomplete.append(file)

    if incomplete:
        second = BatchStats()
        for _ in analyse_paths(
            [str(f) for f in incomplete],
            pipeline,
            on_error=report,
            cache=cache if cache.enabled else None,
            stats=second,
            n_process=n_process,
            batch_size=batch_size,
        ):
            pass
        stats.analysed += second.analysed
    stats.cached = len(ids) - stats.analysed
    return list(ids)
