"""`sitroom corpus`: the cross-article tables, end to end in a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "extractors" / "samples"
PLUGINS = REPO / "tests" / "data" / "plugins"


def sitroom(
    *args: str, cache_home: Path, extra_path: Path | None = None
) -> subprocess.CompletedProcess[str]:
    paths = [str(p) for p in (extra_path, PLUGINS) if p is not None]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths), XDG_CACHE_HOME=str(cache_home))
    return subprocess.run(
        [sys.executable, "-m", "sitroom.tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def tables(cache_home: Path) -> dict:  # type: ignore[type-arg]
    done = sitroom("corpus", str(SAMPLES), cache_home=cache_home)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def stored_analyses(cache_home: Path) -> list[tuple[str, float]]:
    db = sqlite3.connect(cache_home / "sitroom" / "analyses.sqlite3")
    try:
        return sorted(db.execute("SELECT article_id, created FROM analyses").fetchall())
    finally:
        db.close()


def test_corpus_prints_the_actor_speaker_and_threat_tables_as_one_json_object(
    tables: dict,  # type: ignore[type-arg]
) -> None:
    assert set(tables) == {"articles", "actors", "speakers", "threat"}
    assert tables["articles"] == 5
    assert set(tables["actors"][0]) == {"id", "name", "kind", "articles", "mentions"}
    assert set(tables["speakers"][0]) == {"id", "name", "quotes", "articles"}
    assert set(tables["threat"][0]) == {
        "date",
        "articles",
        "mean_level",
        "mean_score",
        "max_level",
        "max_score",
    }
    counts = [(a["articles"], a["mentions"]) for a in tables["actors"]]
    assert counts == sorted(counts, reverse=True)  # most widespread first
    assert tables["actors"][0]["articles"] >= 2  # actors are linked across articles
    assert sum(day["articles"] for day in tables["threat"]) == 5
    dates = [day["date"] for day in tables["threat"]]
    assert dates[-1] is None  # the undated seed article comes last
    assert dates[:-1] == sorted(dates[:-1])


def test_a_second_run_reuses_the_stored_analyses_and_prints_the_same_tables(
    tables: dict,  # type: ignore[type-arg]
    cache_home: Path,
) -> None:
    before = stored_analyses(cache_home)
    assert len(before) == 5
    again = sitroom("corpus", str(SAMPLES), cache_home=cache_home)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == tables
    assert stored_analyses(cache_home) == before  # nothing was analysed again


def test_csv_with_a_table_is_one_plain_csv_with_a_header_row(
    tables: dict,  # type: ignore[type-arg]
    cache_home: Path,
) -> None:
    done = sitroom(
        "corpus",
        str(SAMPLES),
        "--format",
        "csv",
        "--table",
        "actors",
        "--limit",
        "3",
        cache_home=cache_home,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["id"] for row in rows] == [a["id"] for a in tables["actors"][:3]]
    assert rows[0]["mentions"] == str(tables["actors"][0]["mentions"])


def test_csv_without_a_table_prints_every_table_as_a_named_section(cache_home: Path) -> None:
    done = sitroom("corpus", str(SAMPLES), "--format", "csv", cache_home=cache_home)
    assert done.returncode == 0, done.stderr
    sections = done.stdout.split("\n\n")
    assert [s.splitlines()[0] for s in sections] == ["# actors", "# speakers", "# threat"]
    assert sections[2].splitlines()[1] == (
        "date,articles,mean_level,mean_score,max_level,max_score"
    )
    assert sections[2].splitlines()[-1].startswith(",1,")  # undated: empty date cell


def test_json_with_a_table_is_just_that_tables_list(cache_home: Path) -> None:
    done = sitroom("corpus", str(SAMPLES), "--table", "speakers", cache_home=cache_home)
    assert done.returncode == 0, done.stderr
    speakers = json.loads(done.stdout)
    assert isinstance(speakers, list) and speakers
    assert all(s["quotes"] >= 1 for s in speakers)


def test_no_cache_leaves_the_user_cache_untouched_and_gives_the_same_tables(
    tables: dict,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    done = sitroom("corpus", str(SAMPLES), "--no-cache", cache_home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == tables
    assert not (tmp_path / "sitroom").exists()


def test_bad_inputs_get_one_line_each_and_the_good_ones_are_still_tabled(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "empty.txt").write_text("")
    (articles / "good.txt").write_text(
        "Talks resume\n\nRussia and Ukraine met in Vienna on Monday, officials said.\n"
    )
    done = sitroom("corpus", str(articles), "--no-cache", cache_home=tmp_path)
    assert done.returncode == 1
    assert done.stderr == f"sitroom: {articles / 'empty.txt'}: is empty\n"
    printed = json.loads(done.stdout)
    assert printed["articles"] == 1
    assert {"russia", "ukraine"} <= {a["id"] for a in printed["actors"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--limit", "0"), "sitroom: --limit must be at least 1"),
        (("--workers", "0"), "sitroom: --workers must be at least 1"),
        (("--scheduler", "tcp://h:8786"), "sitroom: --scheduler needs --engine dask"),
        (
            ("--engine", "dask", "--scheduler", "tcp://h:8786", "--workers", "2"),
            "sitroom: --workers sizes a local cluster; the one at --scheduler has its own workers",
        ),
    ],
)
def test_bad_options_are_one_line_errors(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    done = sitroom("corpus", str(SAMPLES), *args, cache_home=tmp_path)
    assert (done.returncode, done.stderr, done.stdout) == (2, message + "\n", "")


def test_the_dask_engine_without_dask_installed_is_a_one_line_install_hint(tmp_path: Path) -> None:
    # a module that fails to import the way a missing package does, ahead of the real one
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "distributed.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'distributed'\", name='distributed')\n"
    )
    for command in ("analyze", "corpus"):
        done = sitroom(
            command,
            str(SAMPLES),
            "--engine",
            "dask",
            "--no-cache",
            cache_home=tmp_path,
            extra_path=shadow,
        )
        assert done.returncode == 2
        assert done.stderr == (
            "sitroom: --engine dask needs Dask, which is not installed: "
            "pip install 'sitroom[dask]'\n"
        )
