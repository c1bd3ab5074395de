"""`sitroom analyze` and friends, end to end in a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "extractors" / "samples" / "000_ed336b92c00c1c33.txt"
PLUGINS = REPO / "tests" / "data" / "plugins"
CONFIGS = REPO / "tests" / "data" / "configs"

RECORD_KEYS = {
    "doc",
    "path",
    "title",
    "published",
    "text",
    "actors",
    "quotes",
    "timeline",
    "threat",
    "errors",
}


def sitroom(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(PLUGINS))
    return subprocess.run(
        [sys.executable, "-m", "sitroom.tui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def seed_record() -> dict:  # type: ignore[type-arg]
    done = sitroom("analyze", str(SEED), "--format", "jsonl", "--no-cache")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])  # type: ignore[no-any-return]


def test_analyze_prints_one_json_object_with_every_contract_field(seed_record: dict) -> None:  # type: ignore[type-arg]
    assert set(seed_record) >= RECORD_KEYS
    assert seed_record["doc"] == "000_ed336b92c00c1c33"
    assert seed_record["text"] == SEED.read_text(encoding="utf-8")
    assert seed_record["errors"] == {}
    assert seed_record["actors"] and seed_record["quotes"] and seed_record["timeline"]
    assert 0 <= seed_record["threat"]["level"] <= 4


def test_every_offset_in_the_output_indexes_the_text(seed_record: dict) -> None:  # type: ignore[type-arg]
    text = seed_record["text"]
    for actor in seed_record["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text)
    for quote in seed_record["quotes"]:
        pieces = quote["content"] if isinstance(quote["content"][0], list) else [quote["content"]]
        assert " … ".join(text[s:e] for s, e in pieces) == quote["text"]
    for evidence in seed_record["threat"]["evidence"]:
        start, end = evidence["span"]
        assert text[start:end] == evidence["text"]


def test_bad_inputs_get_one_line_each_and_a_non_zero_exit_while_good_ones_are_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    good = tmp_path / "good.txt"
    good.write_text("Talks resume\n\nDiplomats met in Vienna on Monday.\n")
    done = sitroom(
        "analyze",
        str(tmp_path),
        str(tmp_path / "missing.md"),
        "--format",
        "jsonl",
        "--no-cache",
        "--config",
        str(CONFIGS / "good_plugins.yaml"),
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"sitroom: {tmp_path / 'binary.txt'}: looks like a binary file, not text",
        f"sitroom: {tmp_path / 'empty.txt'}: is empty",
        f"sitroom: {tmp_path / 'missing.md'}: no such file or directory",
    ]
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["doc"] == "good"
    assert record["errors"]["raises"] == "RuntimeError: plugin blew up on purpose"
    assert "Traceback" not in done.stderr


def test_a_config_error_is_one_line_with_its_position_and_no_traceback(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("version: 1\nmodel: en_core_web_sm\nextractors:\n  - use: quotse\n")
    done = sitroom("analyze", str(SEED), "--config", "config.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "sitroom: config.yaml:4:10: extractor 'quotse' is unknown (did you mean 'quotes'?)\n"
    )


def test_output_files_are_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me")
    args = ("analyze", str(SEED), "-o", str(out), "--config", str(CONFIGS / "good_plugins.yaml"))
    refused = sitroom(*args)
    assert refused.returncode == 2
    assert refused.stderr == f"sitroom: {out}: already exists (use --force to overwrite)\n"
    assert out.read_text() == "keep me"
    forced = sitroom(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(out.read_text())[0]["doc"] == "000_ed336b92c00c1c33"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind


def test_markdown_format_is_a_readable_report(tmp_path: Path) -> None:
    done = sitroom(
        "analyze",
        str(SEED),
        "--format",
        "markdown",
        "--no-cache",
        "--config",
        str(CONFIGS / "good_plugins.yaml"),
    )
    assert done.returncode == 0
    assert done.stdout.startswith("# Blinken Tells Russia To Back Off")
    assert "## Actors" in done.stdout and "## Errors" in done.stdout


def test_version_help_and_config_commands() -> None:
    assert sitroom("--version").stdout.startswith("sitroom ")
    assert "sitroom analyze PATH" in sitroom("--help").stdout
    schema = json.loads(sitroom("config", "schema").stdout)
    assert schema["properties"]["extractors"]["type"] == "array"
    shown = sitroom("config", "show").stdout
    assert "use: actors" in shown and "model: en_core_web_sm" in shown


def test_a_second_analyze_is_served_from_the_cache_without_spacy(tmp_path: Path) -> None:
    env_home = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    config = str(CONFIGS / "good_plugins.yaml")
    code = (
        f"import sys; sys.argv=['sitroom','analyze',{str(SEED)!r},'--format','jsonl',"
        f"'--config',{config!r}];"
        "from sitroom.tui.cli import main; rc=main();"
        "print('SPACY' if 'spacy' in sys.modules else 'NOSPACY', file=sys.stderr); sys.exit(rc)"
    )
    env = dict(os.environ, PYTHONPATH=str(PLUGINS), **env_home)
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert first.returncode == second.returncode == 0
    assert first.stderr.strip().endswith("SPACY") and not first.stderr.strip().endswith("NOSPACY")
    assert second.stderr.strip().endswith("NOSPACY")
    assert json.loads(first.stdout) == json.loads(second.stdout)
