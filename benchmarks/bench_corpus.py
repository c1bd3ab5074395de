"""Corpus queries and a cached `sitroom corpus` run on a store of 10,000 articles.

    OMP_NUM_THREADS=1 .venv/bin/python -P benchmarks/bench_corpus.py [--articles 10000]

The PolNeAR dev texts (internal use only: read from ../shared, never copied into the repo)
are analysed once with the default config. Then `--articles` distinct files are written to a
temporary folder, each a dev text with a counter line appended (a new text, so a new
article id) and a publication date spread over a year, and the real analysis of its text is
stored under its id and the pipeline's cache key, as a first run would have stored it. In
the same temporary cache directory this prints:

- how long filling the store took, per article (the extra corpus rows are part of `put`);
- each Corpus question over every stored article, and restricted to 1,000 of them;
- the second run of `sitroom corpus FOLDER` (every analysis cached), end to end in a
  subprocess, against `sitroom analyze` of the same folder (also fully cached).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "polnear-dev" / "text"


def best_of(question: Callable[[], Any], rounds: int = 5) -> tuple[float, Any]:
    best, answer = float("inf"), None
    for _ in range(rounds):
        started = time.perf_counter()
        answer = question()
        best = min(best, time.perf_counter() - started)
    return best, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sitroom-bench-corpus-") as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # before platformdirs is asked
        from sitroom.extractors.cache import AnalysisCache
        from sitroom.extractors.config import load_config
        from sitroom.extractors.corpus import Corpus
        from sitroom.extractors.loaders import load_paths
        from sitroom.extractors.model import Article
        from sitroom.extractors.pipeline import Pipeline

        pipeline = Pipeline(load_config(None))
        sources = sorted(CORPUS.glob("*.txt"))
        bases = list(load_paths([str(p) for p in sources]))
        started = time.perf_counter()
        analysed = list(pipeline.analyze_many(bases))
        print(f"analysed {len(analysed)} dev texts in {time.perf_counter() - started:.0f} s")

        folder = Path(tmp) / "articles"
        folder.mkdir()
        cache = AnalysisCache.open()
        key = pipeline.cache_key
        day0 = dt.date(2024, 1, 1)
        ids: list[str] = []
        fill = 0.0
        for i, (base, analysis) in zip(range(args.articles), itertools.cycle(analysed)):
            text = f"{base.text.rstrip()}\n\n[copy {i}]\n"
            path = folder / f"{i:05}.txt"
            path.write_text(text, encoding="utf-8")
            article = Article(
                text=text, path=str(path), title=base.title, published=day0 + dt.timedelta(i % 365)
            )
            ids.append(article.id)
            started = time.perf_counter()
            cache.put(article, key, analysis)
            fill += time.perf_counter() - started
        print(
            f"stored {len(ids):,} articles: {fill:.1f} s, {fill / len(ids) * 1000:.2f} ms "
            f"per put; {cache.info().bytes / 2**20:.0f} MiB"
        )

        corpus = Corpus(cache, key)
        some = ids[: min(1000, len(ids))]
        top = corpus.top_actors(limit=1)[0].id
        speaker = corpus.top_speakers(limit=1)[0].key
        questions: list[tuple[str, Callable[[], Any]]] = [
            ("article_count()", lambda: corpus.article_count()),
            ("top_actors(limit=50)", lambda: corpus.top_actors(limit=50)),
            ("top_actors()  (every actor)", lambda: corpus.top_actors()),
            ("top_speakers(limit=50)", lambda: corpus.top_speakers(limit=50)),
            ("threat_by_date()", lambda: corpus.threat_by_date()),
            ("threat_points()", lambda: corpus.threat_points()),
            (f"articles_mentioning({top!r})", lambda: corpus.articles_mentioning(top)),
            (f"articles_quoting({speaker!r})", lambda: corpus.articles_quoting(speaker)),
            (f"top_actors(<{len(some)} ids>, limit=50)", lambda: corpus.top_actors(some, 50)),
            (f"top_speakers(<{len(some)} ids>, 50)", lambda: corpus.top_speakers(some, 50)),
            (f"threat_points(<{len(some)} ids>)", lambda: corpus.threat_points(some)),
            (f"top_actors(<{len(ids)} ids>, limit=50)", lambda: corpus.top_actors(ids, 50)),
            (f"threat_by_date(<{len(ids)} ids>)", lambda: corpus.threat_by_date(ids)),
        ]
        print(f"Corpus questions over {len(ids):,} articles (best of 5):")
        for label, question in questions:
            seconds, answer = best_of(question)
            size = answer if isinstance(answer, int) else f"{len(answer):,} rows"
            print(f"  {label:44} {seconds * 1000:8.1f} ms   {size}")
        cache.close()

        env = dict(os.environ, OMP_NUM_THREADS="1")
        for command in ("corpus", "analyze"):
            argv = [sys.executable, "-m", "sitroom.tui", command, str(folder)]
            started = time.perf_counter()
            done = subprocess.run(argv, env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                sys.exit(done.stderr)
            print(
                f"`sitroom {command} FOLDER`, all {len(ids):,} cached: {seconds:.1f} s "
                f"({len(done.stdout.encode()) / 1024:,.0f} KiB printed)"
            )


if __name__ == "__main__":
    main()
