"""Batch throughput: sitroom's pipeline against raw `nlp.pipe` on the same texts, same run.

    OMP_NUM_THREADS=1 .venv/bin/python -P benchmarks/bench_batch.py [--articles 200] [--rounds 3]

Prints words per second for raw spaCy and for sitroom (`--no-cache`: load the files, parse,
run every configured extractor, build the JSON records), in one process and with two
worker processes, and the ratios the speed issue sets as goals:

- sitroom 1 process / raw 1 process            (goal >= 0.85)
- sitroom speed-up from 2 workers / raw's own  (goal >= 0.90)

The corpus is the PolNeAR train texts (internal use only; read from ../shared, never
copied). Model loading is excluded from every timing; each figure is the best of the
rounds, alternating raw and sitroom so that machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "polnear-train-text"


def corpus_files(n: int) -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))[:n]
    if len(files) < n:
        sys.exit(f"need {n} texts in {CORPUS}, found {len(files)}")
    return files


def time_raw(nlp, texts: list[str], n_process: int) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - started


def time_sitroom(pipeline, files: list[Path], n_process: int) -> float:  # type: ignore[no-untyped-def]
    from sitroom.extractors.batch import analyse_paths
    from sitroom.extractors.export import to_record

    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for article, analysis in analyse_paths(
            [str(f) for f in files], pipeline, on_error=print, n_process=n_process
        ):
            sink.write(json.dumps(to_record(article, analysis)) + "\n")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if os.environ.get("OMP_NUM_THREADS") != "1":
        print("note: set OMP_NUM_THREADS=1 (faster for spaCy on 2 cores)", file=sys.stderr)

    from sitroom.extractors.config import load_config
    from sitroom.extractors.nlp import load_model
    from sitroom.extractors.pipeline import Pipeline

    files = corpus_files(args.articles)
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model()
    pipeline = Pipeline(load_config(str(REPO / "extractors" / "default_config.yaml")))
    # warm both (model loads, lexicon loads, first-call costs) outside the timings
    time_raw(nlp, texts[:8], 1)
    time_sitroom(pipeline, files[:8], 1)

    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for n in (1, 2):
            for name, run in (
                (f"raw{n}", lambda n=n: time_raw(nlp, texts, n)),
                (f"sitroom{n}", lambda n=n: time_sitroom(pipeline, files, n)),
            ):
                seconds = run()
                best[name] = min(best.get(name, float("inf")), seconds)

    print(f"{len(files)} articles, {words:,} words; best of {args.rounds} rounds")
    for name in ("raw1", "sitroom1", "raw2", "sitroom2"):
        print(f"  {name:9} {best[name]:7.2f} s  {words / best[name]:8,.0f} words/s")
    one = best["raw1"] / best["sitroom1"]
    raw_speedup = best["raw1"] / best["raw2"]
    our_speedup = best["sitroom1"] / best["sitroom2"]
    print(f"sitroom / raw, 1 process:        {one:.2f}  (goal >= 0.85)")
    print(f"2-worker speed-up, raw:          {raw_speedup:.2f}x")
    print(f"2-worker speed-up, sitroom:      {our_speedup:.2f}x")
    print(f"sitroom speed-up / raw speed-up: {our_speedup / raw_speedup:.2f}  (goal >= 0.90)")


if __name__ == "__main__":
    main()
