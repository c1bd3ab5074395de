"""Score the built-in `quotes` extractor on PolNeAR dev with the shared scorer.

    .venv/bin/python -P benchmarks/eval_quotes.py [--gold DIR] [--pred OUT.jsonl]
                                                  [--half A|B] [--no-actors] [--json]

Reads every `text/*.txt` of the split exactly as the scorer does (UTF-8, nothing
normalised), runs the real spaCy pipeline, the actors extractor when it is installed, and
quotes; writes the predictions as JSON Lines and runs `../shared/tools/score_quotes.py`.
Prints the scorer's table and the time per article spent in actors, quotes and timeline
(the parse excluded; extractors are loaded before timing starts, as the pipeline does).
PolNeAR is for internal evaluation only: nothing from it is written into the repo.

`--half A` or `--half B` runs and scores one fixed half of the split: an article belongs to
A when the SHA-1 of its file stem (UTF-8) is even, to B when it is odd. Rules are studied
on A's errors and checked on B, which nobody reads, so that B stays a held-out estimate.
The scorer counts a missing article as one with no quotes, so it is given a view of the
split (a temporary directory of symbolic links) that holds only the half's articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sitroom.extractors.builtin.quotes import QuotesExtractor
from sitroom.extractors.builtin.timeline import TimelineExtractor
from sitroom.extractors.model import Article, Quote, Results
from sitroom.extractors.nlp import load_model

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def _actors_extractor() -> Any | None:
    try:
        from sitroom.extractors.builtin.actors import ActorsExtractor
    except ImportError:
        return None
    return ActorsExtractor()


def _published(stem: str) -> dt.date | None:
    """PolNeAR names files `publisher_YYYY-MM-DD_slug`: the date dates the timeline."""
    parts = stem.split("_")
    try:
        return dt.date.fromisoformat(parts[1]) if len(parts) > 2 else None
    except ValueError:
        return None


def half_of(stem: str) -> str:
    """ "A" or "B": the fixed half of the split an article belongs to."""
    return "A" if int(hashlib.sha1(stem.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def gold_view(gold: Path, stems: set[str], into: Path) -> Path:
    """A split directory under `into` that links only the articles in `stems`."""
    for sub in ("text", "attributions"):
        (into / sub).mkdir(parents=True)
        for f in sorted((gold / sub).iterdir()):
            stem = f.stem if sub == "text" else f.stem.rsplit("_", 1)[0]
            if stem in stems:
                (into / sub / f.name).symlink_to(f.resolve())
    return into


def as_prediction(quote: Quote) -> dict[str, Any]:
    pieces = [s.as_list() for s in quote.content]
    speaker = quote.speaker_span.as_list() if quote.speaker_span else None
    return {
        "content": pieces[0] if len(pieces) == 1 else pieces,
        "speaker": speaker,
        "kind": quote.kind,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(SHARED / "data" / "polnear-dev"))
    ap.add_argument("--pred", help="keep the predictions here (default: a temporary file)")
    ap.add_argument("--half", choices=("A", "B"), help="only this half of the split")
    ap.add_argument("--no-actors", action="store_true", help="run quotes without actors")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON instead of its table")
    args = ap.parse_args(argv)

    nlp = load_model()
    actors = None if args.no_actors else _actors_extractor()
    quotes = QuotesExtractor()
    timeline = TimelineExtractor()
    for extractor in (actors, quotes, timeline):
        if extractor is not None and hasattr(extractor, "load"):
            extractor.load()
    paths = sorted(Path(args.gold, "text").glob("*.txt"))
    gold = Path(args.gold)
    view = tempfile.TemporaryDirectory(prefix="polnear-half-")
    if args.half:
        paths = [p for p in paths if half_of(p.stem) == args.half]
        gold = gold_view(gold, {p.stem for p in paths}, Path(view.name))
    lines: list[str] = []
    t_parse = t_actors = t_quotes = t_timeline = 0.0
    for path in paths:
        text = open(path, encoding="utf-8").read()  # noqa: SIM115 - exactly as the scorer reads
        article = Article(text=text, path=str(path), published=_published(path.stem))
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        results = Results()
        if actors is not None:
            results._set("actors", actors.run(doc, article, results))
        t2 = time.perf_counter()
        result = quotes.run(doc, article, results)
        results._set("quotes", result)
        t3 = time.perf_counter()
        timeline.run(doc, article, results)
        t4 = time.perf_counter()
        t_parse += t1 - t0
        t_actors += t2 - t1
        t_quotes += t3 - t2
        t_timeline += t4 - t3
        record = {"doc": path.stem, "quotes": [as_prediction(q) for q in result.quotes]}
        lines.append(json.dumps(record))

    out = Path(args.pred) if args.pred else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = max(len(paths), 1)
    print(
        f"{len(paths)} articles; per article: parse {1000 * t_parse / n:.1f} ms, "
        f"actors {1000 * t_actors / n:.1f} ms ({'on' if actors else 'absent'}), "
        f"quotes {1000 * t_quotes / n:.1f} ms, timeline {1000 * t_timeline / n:.1f} ms",
        file=sys.stderr,
    )
    cmd = [
        sys.executable,
        str(SHARED / "tools" / "score_quotes.py"),
        "--gold",
        str(gold),
        "--pred",
        str(out),
    ]
    if args.json:
        cmd.append("--json")
    with view:
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
