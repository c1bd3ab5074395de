"""`--engine dask`: the same pipeline as tasks on Dask distributed gives the same results,
into the same store and the same JSONL, as the single-process path."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from sitroom.extractors.batch import analyse_paths  # noqa: E402
from sitroom.extractors.cache import AnalysisCache  # noqa: E402
from sitroom.extractors.config import load_config  # noqa: E402
from sitroom.extractors.corpus import Corpus  # noqa: E402
from sitroom.extractors.distributed import DaskPipeline, PipelinePlugin, plugin_name  # noqa: E402
from sitroom.extractors.errors import SitroomError  # noqa: E402
from sitroom.extractors.export import to_record  # noqa: E402
from sitroom.extractors.pipeline import Pipeline  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "extractors" / "samples"


def sitroom(*args: str, cache_home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), OMP_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, "-m", "sitroom.tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def by_path(jsonl: str) -> list[dict[str, Any]]:
    return sorted((json.loads(line) for line in jsonl.splitlines()), key=lambda r: r["path"])


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A real two-worker cluster, as `--scheduler ADDRESS` would find on a network."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def single_process(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    home = tmp_path_factory.mktemp("single")
    done = sitroom("analyze", str(SAMPLES), "--format", "jsonl", "--no-cache", cache_home=home)
    assert done.returncode == 0, done.stderr
    return by_path(done.stdout)


def test_dask_on_an_existing_cluster_gives_the_same_json_as_the_single_process_path(
    cluster: Any, single_process: list[dict[str, Any]], tmp_path: Path
) -> None:
    done = sitroom(
        "analyze",
        str(SAMPLES),
        "--format",
        "jsonl",
        "--no-cache",
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        cache_home=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(single_process) == 5
    assert by_path(done.stdout) == single_process


def test_dask_on_its_own_local_cluster_fills_the_same_store_and_jsonl(
    single_process: list[dict[str, Any]], tmp_path: Path
) -> None:
    dask_run = sitroom(
        "analyze",
        str(SAMPLES),
        "--format",
        "jsonl",
        "--engine",
        "dask",
        "--workers",
        "1",
        cache_home=tmp_path,
    )
    assert dask_run.returncode == 0, dask_run.stderr
    assert by_path(dask_run.stdout) == single_process
    db = sqlite3.connect(tmp_path / "sitroom" / "analyses.sqlite3")
    created = db.execute("SELECT article_id, created FROM analyses ORDER BY 1").fetchall()
    db.close()
    assert len(created) == 5
    # the single-process path finds every analysis the Dask run stored, under its own key
    local_run = sitroom("analyze", str(SAMPLES), "--format", "jsonl", cache_home=tmp_path)
    assert local_run.returncode == 0, local_run.stderr
    assert by_path(local_run.stdout) == single_process
    db = sqlite3.connect(tmp_path / "sitroom" / "analyses.sqlite3")
    assert db.execute("SELECT article_id, created FROM analyses ORDER BY 1").fetchall() == created
    db.close()


def corpus_answers(pipeline: Pipeline, store: Path) -> tuple[Any, ...]:
    cache = AnalysisCache.open(store)
    ids = [a.id for a, _ in analyse_paths([str(SAMPLES)], pipeline, on_error=print, cache=cache)]
    corpus = Corpus(cache, pipeline.cache_key)
    return corpus.top_actors(ids), corpus.top_speakers(ids), corpus.threat_points(ids)


def test_the_corpus_tables_from_dask_and_from_one_process_are_identical(
    cluster: Any, tmp_path: Path
) -> None:
    config = load_config(None)
    local = Pipeline(config)
    expected = corpus_answers(local, tmp_path / "local.sqlite3")
    local.close()
    with distributed.Client(cluster) as client:
        remote = DaskPipeline(config, client)
        remote.start_workers()
        assert corpus_answers(remote, tmp_path / "dask.sqlite3") == expected
    actors, speakers, points = expected
    assert actors and speakers and len(points) == 5


def test_each_worker_builds_its_pipeline_once_and_every_task_reuses_it(cluster: Any) -> None:
    config = load_config(None)
    with distributed.Client(cluster) as client:
        pipeline = DaskPipeline(config, client, task_size=1)
        pipeline.start_workers()
        name = plugin_name(pipeline.cache_key)

        def pipeline_identity(dask_worker: Any) -> int:
            return id(dask_worker.plugins[name].pipeline)

        before = client.run(pipeline_identity)
        assert len(before) == 2
        records = [
            to_record(a, r) for a, r in analyse_paths([str(SAMPLES)], pipeline, on_error=print)
        ]
        assert len(records) == 5
        assert client.run(pipeline_identity) == before
        pipeline.start_workers()  # a second registration (another client) reuses them too
        assert client.run(pipeline_identity) == before


def test_a_worker_whose_versions_differ_from_the_clients_is_refused_with_a_message(
    cluster: Any,
) -> None:
    config = load_config(None)
    with distributed.Client(cluster) as client:
        pipeline = DaskPipeline(config, client)
        # as if the client had another model or extractor version than the workers
        pipeline.plugin = PipelinePlugin(config, "another-version")
        with pytest.raises(SitroomError, match="differ from the client's"):
            pipeline.start_workers()
    # unregistered again, so that fixed workers would be set up on the next run
    assert plugin_name("another-version") not in cluster.scheduler.worker_plugins


def test_a_cluster_whose_workers_lack_a_configured_plugin_fails_with_one_line(
    cluster: Any, tmp_path: Path
) -> None:
    # the plugin module is importable here (PYTHONPATH) but not on the cluster's workers
    env = dict(
        os.environ,
        XDG_CACHE_HOME=str(tmp_path),
        PYTHONPATH=str(REPO / "tests" / "data" / "plugins"),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitroom.tui",
            "analyze",
            str(SAMPLES),
            "--no-cache",
            "--config",
            str(REPO / "tests" / "data" / "configs" / "good_plugins.yaml"),
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("sitroom: dask: a worker could not start the pipeline: ")
    assert line.endswith("no module named 'sitroom_testplugins'")


def test_sitroom_corpus_on_dask_prints_the_same_tables_as_on_one_process(
    cluster: Any, tmp_path: Path
) -> None:
    local = sitroom("corpus", str(SAMPLES), "--no-cache", cache_home=tmp_path)
    assert local.returncode == 0, local.stderr
    remote = sitroom(
        "corpus",
        str(SAMPLES),
        "--no-cache",
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        cache_home=tmp_path,
    )
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    assert json.loads(local.stdout)["articles"] == 5
