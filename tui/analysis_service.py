"""The dashboard's side of the engine: one analysis queue, the cache, the engine process.

Everything here runs on worker threads, never on the UI thread. spaCy itself runs in a
child process (`engine_process.py`); this process only builds the pipeline's description
when it needs the cache key, which imports the extractor classes but never loads a model.
The queue is ordered by what the reader is looking at: the article on screen goes first,
then the others in list order, so the badges in the list fill in while the reader reads.

Toggling an extractor makes a new pipeline (a new *generation*); analyses still in flight
for the old one are dropped when they arrive, and every article is queued again.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sitroom.extractors.config import Config
from sitroom.extractors.model import Analysis, Article

if TYPE_CHECKING:
    from sitroom.extractors.corpus import Corpus
    from sitroom.extractors.pipeline import Pipeline
    from sitroom.tui.engine_process import EngineProcess

#: (what is happening, how far: 0..1 or None when unknown)
Progress = Callable[[str, float | None], None]


@dataclasses.dataclass(frozen=True, slots=True)
class Job:
    article: Article
    generation: int
    config: Config


class AnalysisService:
    def __init__(self, config: Config, *, use_cache: bool = True) -> None:
        self.config = config
        self.use_cache = use_cache and config.cache
        self.generation = 0
        self._lock = threading.Lock()
        self._pending: dict[str, Article] = {}  # insertion order = list order
        self._first: str | None = None  # the article on screen
        self._running = False
        self._pipeline: Pipeline | None = None
        self._pipeline_generation = -1
        self._engine: EngineProcess | None = None
        self._cache: Any = None
        self._cache_opened = False
        self.cache_warning: str | None = None
        self._scratch: Any = None  # the throwaway corpus store (see `corpus_store`)
        self._scratch_dir: str | None = None

    # -- queue (any thread) ------------------------------------------------------------
    def submit(self, articles: Iterable[Article]) -> bool:
        """Queue articles; True when the caller must start a worker to drain the queue."""
        with self._lock:
            for article in articles:
                self._pending[article.id] = article
            return self._claim()

    def prioritize(self, article_id: str | None) -> None:
        with self._lock:
            self._first = article_id

    def _claim(self) -> bool:
        if self._running or not self._pending:
            return False
        self._running = True
        return True

    def next_job(self) -> Job | None:
        """The next article to analyse, or None, after which the worker must stop: the
        check and the `running` flag change under one lock, so no submit is ever lost."""
        with self._lock:
            if not self._pending:
                self._running = False
                return None
            key = self._first if self._first in self._pending else next(iter(self._pending))
            article = self._pending.pop(key)
            return Job(article, self.generation, self.config)

    def pending_count(self) -> int:
        with self._lock:
            return len(self._pending)

    def cancel_all(self) -> None:
        with self._lock:
            self._pending.clear()

    # -- extractors on and off ----------------------------------------------------------
    def extractor_states(self) -> list[tuple[int, str, bool]]:
        """(index, `use:` name, enabled) for every extractor of the config."""
        return [(spec.index, spec.use, spec.enabled) for spec in self.config.extractors]

    def toggle(self, index: int) -> bool:
        """Switch extractor `index` on or off; returns its new state. Every article must
        then be submitted again (the generation changes)."""
        specs = list(self.config.extractors)
        for i, spec in enumerate(specs):
            if spec.index == index:
                specs[i] = dataclasses.replace(spec, enabled=not spec.enabled)
                enabled = specs[i].enabled
                break
        else:
            raise KeyError(index)
        with self._lock:
            self.config = dataclasses.replace(self.config, extractors=tuple(specs))
            self.generation += 1
            self._pending.clear()
        return enabled

    # -- work (worker threads only) -------------------------------------------------------
    def pipeline(self) -> Pipeline:
        """The pipeline of the current generation; assembling it imports the extractors."""
        with self._lock:
            generation, config = self.generation, self.config
            current = self._pipeline if self._pipeline_generation == generation else None
        if current is not None:
            return current
        from sitroom.extractors.pipeline import Pipeline

        built = Pipeline(config)  # raises ConfigError for a bad extractor entry
        with self._lock:
            if self._pipeline_generation != generation:
                old = self._pipeline
                self._pipeline, self._pipeline_generation = built, generation
                if old is not None:
                    old.close()
            return self._pipeline if self._pipeline is not None else built

    def analyze(
        self,
        job: Job,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> tuple[Analysis, bool]:
        """The analysis of the job's article and whether it came from the cache."""
        pipeline = self.pipeline() if self.use_cache else None
        if pipeline is not None:
            cached = self._cache_get(job.article, pipeline)
            if cached is not None:
                return cached, True
        analysis = self.engine.analyze(job.config, job.article, progress, cancelled)
        if pipeline is not None:
            self._cache_put(job.article, pipeline, analysis)
        if pipeline is None or self._cache is None or not self._cache.enabled:
            self._scratch_put(job, analysis)
        return analysis, False

    @property
    def engine(self) -> EngineProcess:
        """The child process running spaCy (imported and made on first use)."""
        if self._engine is None:
            from sitroom.tui.engine_process import EngineProcess

            self._engine = EngineProcess()
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        with self._lock:
            pipeline, self._pipeline = self._pipeline, None
            cache, self._cache = self._cache, None
        if pipeline is not None:
            pipeline.close()
        if cache is not None:
            cache.close()
        with self._lock:
            scratch, self._scratch = self._scratch, None
            folder, self._scratch_dir = self._scratch_dir, None
        if scratch is not None:
            scratch.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    # -- cache ----------------------------------------------------------------------------
    def _open_cache(self) -> Any:
        if not self.use_cache:
            return None
        with self._lock:
            if self._cache_opened:
                return self._cache
            self._cache_opened = True
        from sitroom.extractors.cache import AnalysisCache

        cache = AnalysisCache.open()  # never raises: trouble ends up in `warning`
        self.cache_warning = cache.warning
        with self._lock:
            self._cache = cache
        return cache

    def _cache_get(self, article: Article, pipeline: Pipeline) -> Analysis | None:
        cache = self._open_cache()
        if cache is None:
            return None
        result: Analysis | None = cache.get(article.id, pipeline.cache_key)
        return result

    def _cache_put(self, article: Article, pipeline: Pipeline, analysis: Analysis) -> None:
        cache = self._open_cache()
        if cache is not None:
            cache.put(article, pipeline.cache_key, analysis)

    # -- corpus store ---------------------------------------------------------------------
    def corpus(self) -> Corpus | None:
        """The cross-article questions over the analyses of this session's pipeline.

        With the cache on, they are asked of the cache itself (every analysis, cached or
        new, has its corpus rows there). With it off (`--no-cache`, `cache: false`, or a
        cache that could not be opened) the analyses land in a throwaway store in a
        temporary folder, deleted on exit: the same SQL, so the dashboard shows exactly
        what `sitroom corpus --no-cache` prints. None only when even that cannot be made.
        """
        from sitroom.extractors.corpus import Corpus

        store = self.corpus_store()
        if store is None:
            return None
        return Corpus(store, self.pipeline().cache_key)

    def corpus_store(self) -> Any:
        cache = self._open_cache()
        if cache is not None and cache.enabled:
            return cache
        return self._open_scratch()

    def _open_scratch(self) -> Any:
        with self._lock:
            if self._scratch is not None:
                return self._scratch if self._scratch.enabled else None
        from sitroom.extractors.cache import AnalysisCache

        try:
            folder = tempfile.mkdtemp(prefix="sitroom-corpus-")
        except OSError as exc:
            store = AnalysisCache.disabled(f"no temporary folder for the corpus store: {exc}")
            folder = None
        else:
            store = AnalysisCache.open(f"{folder}/corpus.sqlite3")
        with self._lock:
            if self._scratch is None:
                self._scratch, self._scratch_dir = store, folder
                return store if store.enabled else None
        # another thread made one meanwhile: keep theirs
        store.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        with self._lock:
            return self._scratch if self._scratch.enabled else None

    def _scratch_put(self, job: Job, analysis: Analysis) -> None:
        store = self._open_scratch()
        if store is None:
            return
        try:
            pipeline = self.pipeline()
        except Exception:  # a config that cannot build: nothing to key the rows by
            return
        with self._lock:
            current = self._pipeline is pipeline and self._pipeline_generation == job.generation
        if current:  # an analysis made for a pipeline since replaced is dropped anyway
            store.put(job.article, pipeline.cache_key, analysis)
