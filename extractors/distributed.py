"""The Dask engine: the same pipeline, run as tasks on Dask distributed.

`dask_pipeline(config, scheduler=None, workers=None)` gives a `DaskPipeline`, a `Pipeline`
whose `analyze_many` sends batches of articles to a Dask cluster instead of analysing them
here, so `batch.analyse_paths` (and with it the cache and the JSONL writer) works with it
unchanged:

- no scheduler address: a `LocalCluster` of worker processes (one thread each) on this
  machine; an address: the existing cluster there (sitroom, its model and any plugin the
  config names must be installed on its workers);
- each worker builds the pipeline and loads the model once, when the `PipelinePlugin`
  (a Dask `WorkerPlugin`) is attached to it, and checks that its model and extractors give
  the same cache key as the client's, so results of another version never land in the
  store under this key (a failed setup is unregistered, so a fixed worker gets it again);
- a task is a batch of articles; it returns their analyses encoded by `codec.py` (what
  spaCy's own worker processes return too), and they stream back with
  `distributed.as_completed` in the order they finish. Only a bounded number of batches is
  in flight, so memory stays flat however many articles there are.

Dask is imported only here, and this module only when `--engine dask` is asked for.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed, get_worker

from sitroom.extractors.codec import decode_analysis, encode_analysis
from sitroom.extractors.config import Config
from sitroom.extractors.errors import SitroomError
from sitroom.extractors.model import Analysis, Article
from sitroom.extractors.pipeline import Pipeline

#: Articles per task: big enough for `nlp.pipe` to batch, small enough to spread a small
#: corpus over every worker.
TASK_SIZE = 8
#: Batches queued per worker thread beyond the running one, so no worker waits for work.
QUEUED_PER_THREAD = 2
#: A tiny article analysed by each worker at setup, so that lazily loaded lexicons and
#: models are loaded then, not inside the first real task.
_WARM_UP = Article(text="Warm-up\n\nOfficials in Vienna said talks would resume on Monday.\n")


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline once per worker; tasks find it under the plugin's name."""

    idempotent = True  # a second client with the same config reuses the loaded pipeline

    def __init__(self, config: Config, cache_key: str) -> None:
        self.config = config
        self.cache_key = cache_key
        self.pipeline: Pipeline | None = None
        self.lock = threading.Lock()

    @property
    def name(self) -> str:
        return plugin_name(self.cache_key)

    def __getstate__(self) -> dict[str, Any]:  # only the recipe travels, not a loaded model
        return {"config": self.config, "cache_key": self.cache_key}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], state["cache_key"])  # type: ignore[misc]

    async def setup(self, worker: Any) -> None:
        # off the worker's event loop, which must keep answering the scheduler meanwhile
        await asyncio.to_thread(self.ready_pipeline)

    def ready_pipeline(self) -> Pipeline:
        """The worker's pipeline, built and warmed up on first use."""
        with self.lock:
            if self.pipeline is None:
                pipeline = Pipeline(self.config)
                if pipeline.cache_key != self.cache_key:
                    raise RuntimeError(
                        f"this worker would analyse with model {pipeline.model_version!r} "
                        f"and extractors {pipeline.versions}, which differ from the client's; "
                        "install the same versions on both"
                    )
                for _ in pipeline.analyze_many([_WARM_UP]):
                    pass
                self.pipeline = pipeline
            return self.pipeline

    def teardown(self, worker: Any) -> None:
        if self.pipeline is not None:
            self.pipeline.close()


def plugin_name(cache_key: str) -> str:
    return f"sitroom-pipeline-{cache_key}"


def analyse_batch(name: str, articles: list[Article]) -> list[bytes]:
    """The task: encoded analyses of `articles`, in their order (runs on a worker)."""
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, PipelinePlugin):
        raise RuntimeError(f"this worker has no sitroom pipeline plugin {name!r}")
    pipeline = plugin.ready_pipeline()  # built at setup; built here if that failed before
    with plugin.lock:  # one batch at a time through the worker's one spaCy pipeline
        return [
            encode_analysis(analysis)
            for _, analysis in pipeline.analyze_many(articles, batch_size=len(articles))
        ]


class DaskPipeline(Pipeline):
    """A Pipeline whose batch analysis runs on a Dask cluster (see the module docstring)."""

    def __init__(self, config: Config, client: Client, task_size: int = TASK_SIZE) -> None:
        super().__init__(config)
        self.client = client
        self.task_size = task_size
        self.plugin = PipelinePlugin(config, self.cache_key)

    def start_workers(self) -> None:
        """Attach the pipeline plugin: every worker loads the model now, once."""
        try:
            self.client.register_plugin(self.plugin, name=self.plugin.name)
        except Exception as exc:
            # forget it, or the scheduler would skip it (idempotent) once the worker is fixed
            with contextlib.suppress(Exception):
                self.client.unregister_worker_plugin(self.plugin.name)
            raise SitroomError(
                f"dask: a worker could not start the pipeline: {_first_line(exc)}"
            ) from exc

    def worker_threads(self) -> int:
        threads: dict[str, int] = self.client.nthreads()
        return max(1, sum(threads.values()))

    def analyze_many(
        self, articles: Iterable[Article], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[tuple[Article, Analysis]]:
        """Analyses in the order their batches finish; `n_process` is the cluster's business."""
        batches = _batched(iter(articles), max(1, min(batch_size, self.task_size)))
        pending: dict[Future[list[bytes]], list[Article]] = {}

        def submit(batch: list[Article]) -> Future[list[bytes]]:
            future = self.client.submit(analyse_batch, self.plugin.name, batch, pure=False)
            pending[future] = batch
            return future

        in_flight = self.worker_threads() * (1 + QUEUED_PER_THREAD)
        first = [submit(batch) for batch in itertools.islice(batches, in_flight)]
        if not first:
            return
        finished = as_completed(first)
        try:
            for future in finished:
                batch = pending.pop(future)
                following = next(batches, None)
                if following is not None:
                    finished.add(submit(following))
                try:
                    blobs = future.result()
                except Exception as exc:
                    names = ", ".join(a.path or a.id[:12] for a in batch[:3])
                    raise SitroomError(
                        f"dask: a task failed ({type(exc).__name__}: {_first_line(exc)}) "
                        f"on {names}{' …' if len(batch) > 3 else ''}"
                    ) from exc
                for article, blob in zip(batch, blobs, strict=True):
                    yield article, decode_analysis(blob)
        finally:
            if pending:  # stopped early (an error, or the reader went away)
                self.client.cancel(list(pending))


@contextlib.contextmanager
def dask_pipeline(
    config: Config, scheduler: str | None = None, workers: int | None = None
) -> Iterator[DaskPipeline]:
    """A started DaskPipeline on the cluster at `scheduler`, or on a new local cluster of
    `workers` processes (default: one per core), closed again on exit."""
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = _connect(scheduler)
        else:
            cluster = _local_cluster(workers)
            stack.callback(cluster.close)
            client = Client(cluster)
        stack.callback(client.close)
        pipeline = DaskPipeline(config, client)
        stack.callback(pipeline.close)
        pipeline.start_workers()
        yield pipeline


def _local_cluster(workers: int | None) -> LocalCluster:
    import dask

    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536 so that they hand freed memory
    # back to the OS at once; spaCy allocates and frees many small objects per article,
    # and that setting made a worker ~10% slower than the same pipeline in one process
    # (bench_dask.py). A worker here holds one model and one batch, so its memory is flat
    # anyway: leave glibc's own adaptive threshold (a user's own setting still applies).
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            # no dashboard, and its HTTP server on any free local port: no clash with (or
            # warning about) another cluster on the default 8787
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.ERROR,
        )


def _connect(address: str) -> Client:
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise SitroomError(f"dask: cannot reach the scheduler at {address}: {exc}") from None


def _batched(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(itertools.islice(articles, size)):
        yield batch


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else "(no message)"
