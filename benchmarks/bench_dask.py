"""Dask engine throughput: a local Dask cluster against the single-process batch path.

    OMP_NUM_THREADS=1 .venv/bin/python -P benchmarks/bench_dask.py [--articles 1000] [--workers N]

The corpus is the PolNeAR dev texts (internal use only: read from ../shared, never copied
into the repo) cycled to `--articles` files in a temporary folder, each copy with a counter
line appended so that every file is a distinct article (same text = same article id, which
the batch path would analyse only once). Every path runs with `--no-cache` semantics: load
the files, parse, run every configured extractor, build the JSON records.

Printed, all measured in this one run:

- articles/s and words/s of the single-process batch path (`analyse_paths`, 1 process),
  spaCy's own multi-process batch path (`n_process=N`), and Dask local clusters of 1 and N
  worker processes (one thread each);
- the ratios Dask N / single process, Dask 1 / single process (the cost of the Dask
  round trip), and Dask N / spaCy N (Dask against the one-machine scale-up);
- the cluster's start-up (workers spawned, model and extractors loaded), kept out of the
  throughput figures as model loading is for the other paths;
- the resident memory (RSS) of every Dask worker after the run, and its peak.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "polnear-dev" / "text"


def build_corpus(folder: Path, n: int) -> tuple[list[str], int]:
    sources = sorted(CORPUS.glob("*.txt"))
    if not sources:
        sys.exit(f"no texts in {CORPUS}")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    files, words = [], 0
    for i, (stem, text) in zip(range(n), itertools.cycle(texts), strict=False):
        distinct = f"{text.rstrip()}\n\n[copy {i}]\n"  # a new text, so a new article id
        path = folder / f"{i:05}_{stem}.txt"
        path.write_text(distinct, encoding="utf-8")
        files.append(str(path))
        words += len(distinct.split())
    return files, words


def run_batch(pipeline: Any, files: list[str], n_process: int) -> int:
    """The `sitroom analyze --no-cache` work: analyse and build every JSON record."""
    from sitroom.extractors.batch import analyse_paths
    from sitroom.extractors.export import to_record

    count = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for article, analysis in analyse_paths(
            files, pipeline, on_error=print, n_process=n_process
        ):
            sink.write(json.dumps(to_record(article, analysis)) + "\n")
            count += 1
    return count


def timed(run: Callable[[], int], expected: int) -> float:
    started = time.perf_counter()
    done = run()
    seconds = time.perf_counter() - started
    if done != expected:
        sys.exit(f"expected {expected} analyses, got {done}")
    return seconds


def process_memory() -> tuple[int, int]:
    """(current RSS, peak RSS) of the calling process in bytes; runs on each Dask worker.

    The peak is the kernel's high-water mark of this process's own memory (VmHWM), not
    `ru_maxrss`, which a spawned worker inherits from the process that started it.
    """
    fields = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) * 1024
    return fields["VmRSS"], fields["VmHWM"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=1, help="best of this many, alternating")
    args = parser.parse_args()
    if os.environ.get("OMP_NUM_THREADS") != "1":
        print("note: set OMP_NUM_THREADS=1 (as the Dask workers have it)", file=sys.stderr)

    from sitroom.extractors.config import load_config
    from sitroom.extractors.distributed import dask_pipeline
    from sitroom.extractors.pipeline import Pipeline

    config = load_config(str(REPO / "extractors" / "default_config.yaml"))
    n = args.workers
    sizes = sorted({1, n})
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sitroom-bench-")))
        files, words = build_corpus(folder, args.articles)
        pipeline = Pipeline(config)
        stack.callback(pipeline.close)
        run_batch(pipeline, files[:8], 1)  # model, lexicons, first calls: outside the timings
        runs: dict[str, Callable[[], int]] = {
            "single": lambda: run_batch(pipeline, files, 1),
            f"spacy{n}": lambda: run_batch(pipeline, files, n),
        }
        startup: dict[str, float] = {}
        clusters: dict[str, Any] = {}
        for size in sizes:  # started once; start-up (spawn + model load) timed on its own
            started = time.perf_counter()
            clusters[f"dask{size}"] = stack.enter_context(dask_pipeline(config, workers=size))
            startup[f"dask{size}"] = time.perf_counter() - started
        for name, cluster in clusters.items():
            runs[name] = lambda cluster=cluster: run_batch(cluster, files, 1)
        best: dict[str, float] = {}
        for _ in range(args.rounds):  # alternating, so that machine noise hits all alike
            for name, run in runs.items():
                best[name] = min(best.get(name, float("inf")), timed(run, len(files)))
        memory = {name: c.client.run(process_memory) for name, c in clusters.items()}

    load = os.getloadavg()[0]
    print(
        f"{len(files)} articles, {words:,} words; best of {args.rounds} round(s); "
        f"{os.cpu_count()} cores, load average {load:.1f}; "
        f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}"
    )
    labels = {
        "single": "batch path, 1 process",
        f"spacy{n}": f"batch path, nlp.pipe n_process={n}",
        **{f"dask{size}": f"Dask local cluster, {size} worker(s)" for size in sizes},
    }
    for name, label in labels.items():
        extra = f"  (+ {startup[name]:.1f} s start-up)" if name in startup else ""
        print(
            f"  {label:38} {best[name]:7.1f} s  {len(files) / best[name]:6.2f} articles/s"
            f"  {words / best[name]:8,.0f} words/s{extra}"
        )
    single = best["single"]
    print(f"ratio Dask {n} workers / single process:      {single / best[f'dask{n}']:.2f}x")
    print(f"ratio Dask 1 worker / single process:        {single / best['dask1']:.2f}x")
    versus_spacy = best[f"spacy{n}"] / best[f"dask{n}"]
    print(f"ratio Dask {n} workers / nlp.pipe {n} processes: {versus_spacy:.2f}x")
    for name, per_worker in memory.items():
        for address, (rss, peak) in sorted(per_worker.items()):
            mib = (rss / 2**20, peak / 2**20)
            print(f"  {name} worker {address}: RSS {mib[0]:5.0f} MiB, peak {mib[1]:5.0f} MiB")
    rss, peak = process_memory()
    print(
        f"  this process (single + nlp.pipe paths, Dask clients): RSS {rss / 2**20:5.0f} MiB, "
        f"peak {peak / 2**20:5.0f} MiB"
    )


if __name__ == "__main__":
    main()
