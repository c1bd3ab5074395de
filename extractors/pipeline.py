"""The pipeline: one spaCy Doc per article, then every extractor in config order.

An extractor that raises, returns something that cannot be stored, or runs past its
timeout gets an entry in `Analysis.errors`; the others still run. Extractors whose
`requires` failed are skipped with an error that says why.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

from sitroom.extractors.assemble import Stage, assemble, config_hash
from sitroom.extractors.config import Config
from sitroom.extractors.model import Analysis, Article, Results
from sitroom.extractors.nlp import PIECE_CHARS, Progress, installed_model_version, load_model, parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


#: The share of a long analysis that parsing takes, for progress reports.
PARSE_SHARE = 0.9

#: An extractor taking longer than this on one article gets a warning (see `slow_after`).
SLOW_SECONDS = 5.0


class Pipeline:
    def __init__(self, config: Config, stages: list[Stage] | None = None) -> None:
        self.config = config
        self.stages = assemble(config) if stages is None else stages
        self.config_hash = config_hash(config.model, self.stages)
        self._nlp: Language | None = None
        self._batch_nlp: Language | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._executor_pid = 0
        self._loaded_stages: set[str] = set()
        self._lock = threading.Lock()

    # -- identity -------------------------------------------------------------------
    @property
    def model_version(self) -> str:
        """Name and version of the model, known without loading it (for cache keys)."""
        return installed_model_version(self.config.model) or self.config.model

    @property
    def cache_key(self) -> str:
        from sitroom.extractors.cache import cache_key

        return cache_key(self.config_hash, self.model_version)

    @property
    def versions(self) -> dict[str, str]:
        return {stage.name: stage.version for stage in self.stages}

    # -- spaCy ----------------------------------------------------------------------
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.config.model)
        return self._nlp

    def parse(self, text: str, progress: Progress | None = None) -> Doc:
        return parse(self.nlp, text, progress)

    # -- running --------------------------------------------------------------------
    def analyze(self, article: Article, progress: Progress | None = None) -> Analysis:
        """Analyse one article. `progress(fraction, step)` hears how far a long one is:
        while it is parsed ("parsing", up to 0.9) and as each extractor finishes."""

        def parsing(done: float, step: str) -> None:
            if progress is not None:
                progress(done * PARSE_SHARE, step)

        doc = self.parse(article.text, parsing if progress is not None else None)
        return self.run_extractors(doc, article, progress)

    def analyze_many(
        self, articles: Iterable[Article], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[tuple[Article, Analysis]]:
        """Analyse a stream of articles with `nlp.pipe`, yielding each as it finishes.

        The extractors run inside spaCy's worker processes (see `worker_pipe.py`), so with
        `n_process > 1` they scale with the parsing. spaCy is loaded only when the first
        article arrives, so a stream that turns out empty never pays for it.
        """
        from sitroom.extractors import worker_pipe

        stream = iter(articles)
        first = next(stream, None)
        if first is None:
            return
        if self._batch_nlp is None:
            self.prepare()
            self._batch_nlp = worker_pipe.build_batch_nlp(self)
        nlp = self._batch_nlp
        limit = min(nlp.max_length, PIECE_CHARS)
        in_flight: deque[Article] = deque()  # pipe keeps input order

        def texts() -> Iterator[str]:
            for article in itertools.chain((first,), stream):
                in_flight.append(article)
                # a long text is parsed below in pieces, exactly as `analyze` parses it
                yield worker_pipe.carrier(article) if len(article.text) <= limit else ""

        for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
            article = in_flight.popleft()
            analysis = worker_pipe.analysis_of(doc)
            yield article, analysis if analysis is not None else self.analyze(article)

    def run_extractors(
        self, doc: Doc, article: Article, progress: Progress | None = None
    ) -> Analysis:
        results = Results()
        errors: dict[str, str] = {}
        timings: dict[str, float] = {}
        produces: dict[str, str] = {}
        warnings: dict[str, str] = {}
        for number, stage in enumerate(self.stages, start=1):
            if stage.produces:
                produces[stage.name] = stage.produces
            blocked = [n for n in stage.requires if n not in results]
            if blocked:
                errors[stage.name] = _blocked_message(blocked, errors)
            else:
                elapsed = self._run_stage(stage, doc, article, results, errors, produces)
                timings[stage.name] = elapsed
                if elapsed >= slow_after(stage) and stage.name not in errors:
                    warnings[stage.name] = f"slow: took {elapsed:.1f} s"
            if progress is not None:
                share = number / len(self.stages)
                progress(PARSE_SHARE + (1 - PARSE_SHARE) * share, stage.name)
        return Analysis(
            article_id=article.id,
            config_hash=self.config_hash,
            results=dict(results),
            errors=errors,
            timings=timings,
            produces=produces,
            warnings=warnings,
        )

    def prepare(self) -> None:
        """Let every extractor load its data now (the optional `load()` of the protocol).

        Called before forking worker processes, so that they inherit loaded data instead
        of each loading it again. A failing `load()` is left for the first run to report.
        """
        for stage in self.stages:
            self._load_stage(stage, raise_errors=False)

    def _load_stage(self, stage: Stage, *, raise_errors: bool = True) -> None:
        if stage.name in self._loaded_stages:
            return
        load = getattr(stage.instance, "load", None)
        if callable(load):
            try:
                load()
            except Exception:
                if raise_errors:
                    raise
                return
        self._loaded_stages.add(stage.name)

    def _run_stage(
        self,
        stage: Stage,
        doc: Doc,
        article: Article,
        results: Results,
        errors: dict[str, str],
        produces: dict[str, str],
    ) -> float:
        """Run one extractor, recording its result or its error; returns its seconds."""
        started = time.perf_counter()
        try:
            value = self._call(stage, doc, article, results)
            _check_storable(stage, value)
        except _TimedOut:
            errors[stage.name] = f"timed out after {stage.timeout:g} s"
        except Exception as exc:  # plugin code: contain every failure
            errors[stage.name] = f"{type(exc).__name__}: {_first_line(exc)}"
        else:
            results._set(stage.name, value)
            produces[stage.name] = type(value).__name__
        return time.perf_counter() - started

    def _call(self, stage: Stage, doc: Doc, article: Article, results: Results) -> Any:
        """Run one extractor on a helper thread so a hung plugin can be abandoned."""
        with self._lock:
            if self._executor is None or self._executor_pid != os.getpid():
                # a forked worker process inherits the executor but not its thread
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="sitroom-extractor")
                self._executor_pid = os.getpid()
            executor = self._executor
        future = executor.submit(self._load_and_run, stage, doc, article, results)
        try:
            return future.result(timeout=stage.timeout)
        except FutureTimeout:
            # The thread cannot be killed; leave it behind and use a fresh one from now on.
            with self._lock:
                if self._executor is executor:
                    self._executor = None
            executor.shutdown(wait=False, cancel_futures=True)
            raise _TimedOut from None

    def _load_and_run(self, stage: Stage, doc: Doc, article: Article, results: Results) -> Any:
        self._load_stage(stage)  # inside the timeout: a hung load is abandoned too
        return stage.instance.run(doc, article, results)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def slow_after(stage: Stage) -> float:
    """Runs longer than this are reported: a fifth of the timeout, at most 5 s."""
    return min(SLOW_SECONDS, stage.timeout / 5)


class _TimedOut(Exception):
    pass


def _blocked_message(blocked: list[str], errors: dict[str, str]) -> str:
    reasons = [
        f"{name!r} failed" if name in errors else f"{name!r} is not enabled before it"
        for name in blocked
    ]
    return "skipped: needs " + ", ".join(reasons)


def _check_storable(stage: Stage, value: Any) -> None:
    """Results are cached and exported as JSON: refuse what would not come back the same
    (an unknown type, or a float JSON cannot hold such as NaN), naming the type."""
    import dataclasses

    import msgspec

    if value is None:
        raise TypeError("returned None")
    try:
        blob = msgspec.json.encode(msgspec.to_builtins(value, str_keys=True))
        if dataclasses.is_dataclass(value):
            msgspec.convert(msgspec.json.decode(blob), type(value))
    except (TypeError, ValueError, msgspec.EncodeError, msgspec.ValidationError) as exc:
        raise TypeError(
            f"returned a {type(value).__name__}, which cannot be stored as JSON ({exc})"
        ) from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else "(no message)"
