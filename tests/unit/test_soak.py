"""Soak: the PolNeAR dev texts analysed again and again with a failing plugin in the line.

Excluded from `make test` (marker `soak`); run with `make soak`. Reads the texts from
../shared (internal evaluation data: never copied into the project).
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

import pytest

from sitroom.extractors.batch import BatchStats, analyse_paths
from sitroom.extractors.cache import AnalysisCache
from sitroom.extractors.config import config_from_text
from sitroom.extractors.export import to_record
from sitroom.extractors.pipeline import Pipeline

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear-dev" / "text"

pytestmark = [
    pytest.mark.soak,
    pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev texts are not on this machine"),
]

CONFIG = """\
version: 1
extractors:
  - use: actors
  - use: sitroom_testplugins:Raises
  - use: quotes
  - use: timeline
  - use: threat
"""


def test_repeated_runs_with_a_raising_plugin_lose_nothing(
    test_plugins: Path, tmp_path: Path
) -> None:
    pipeline = Pipeline(config_from_text(CONFIG))
    cache = AnalysisCache.open(tmp_path / "soak.sqlite3")
    expected = sorted(p.stem for p in DEV.glob("*.txt"))
    first_round: dict[str, str] | None = None
    peak_rss: list[int] = []
    for round_number in range(4):
        stats = BatchStats()
        records = {
            article.stem: json.dumps(to_record(article, analysis), sort_keys=True)
            for article, analysis in analyse_paths(
                [str(DEV)],
                pipeline,
                on_error=lambda e: pytest.fail(str(e)),
                cache=cache,
                stats=stats,
                n_process=2 if round_number == 1 else 1,
            )
        }
        assert sorted(records) == expected
        for text in records.values():
            record = json.loads(text)
            assert record["errors"] == {"raises": "RuntimeError: plugin blew up on purpose"}
            assert record["threat"] is not None
        # round 0 analyses; round 1 is all cache hits; round 2 (cache cleared) with 2 workers
        if round_number == 0:
            first_round = records
        else:
            assert records == first_round
        if round_number == 1:
            assert stats.cached == len(expected)
            cache.clear()
        peak_rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    # memory stays flat across rounds (ru_maxrss is in KiB on Linux)
    if sys.platform.startswith("linux"):
        assert peak_rss[-1] - peak_rss[0] < 200 * 1024
