"""Finding extractors: built-in names, real entry points of installed distributions,
and module:Class paths from the user's own config."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitroom.extractors import registry
from sitroom.extractors.errors import SitroomError

REPO = Path(__file__).resolve().parents[2]


def make_distribution(root: Path) -> None:
    """A tiny installed plugin distribution: a module plus dist-info with an entry point."""
    (root / "sitroom_demo_plugin.py").write_text(
        textwrap.dedent(
            """
            class Shout:
                name = "shout"
                version = "7"
                def run(self, doc, article, results):
                    return {"loudest": max((t.text for t in doc), key=len).upper()}
            """
        ),
        encoding="utf-8",
    )
    info = root / "sitroom_demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sitroom-demo-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[sitroom.extractors]\nshout = sitroom_demo_plugin:Shout\n", encoding="utf-8"
    )


def test_builtins_are_registered_through_the_entry_point_group() -> None:
    from importlib.metadata import entry_points

    found = {ep.name: ep.value for ep in entry_points(group=registry.GROUP)}
    for name, target in registry.BUILTINS.items():
        assert found[name] == target


def test_an_installed_distribution_entry_point_is_found_by_name(tmp_path: Path) -> None:
    # A fresh interpreter with the plugin distribution on its path, as after `pip install`.
    make_distribution(tmp_path)
    config = tmp_path / "config.yaml"
    config.write_text("version: 1\nextractors:\n  - use: shout\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nNegotiations resumed quietly.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    listed = subprocess.run(
        [sys.executable, "-c", "from sitroom.extractors import registry; print(registry.names())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "shout" in listed.stdout
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitroom.tui",
            "analyze",
            str(article),
            "--config",
            str(config),
            "--format",
            "jsonl",
            "--no-cache",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["results"] == {"shout": {"loudest": "NEGOTIATIONS"}}


def test_module_class_paths_import_the_named_class(test_plugins: Path) -> None:
    cls = registry.load("sitroom_testplugins:CountTokens")
    assert cls.name == "count_tokens"


def test_an_unknown_name_suggests_the_closest_one() -> None:
    with pytest.raises(
        SitroomError, match=r"extractor 'treat' is unknown \(did you mean 'threat'\?\)"
    ):
        registry.load("treat")


def test_a_class_without_run_is_refused(test_plugins: Path) -> None:
    with pytest.raises(SitroomError, match="needs a `name` string and a `run` method"):
        registry.load("sitroom_testplugins:EntityActors.Options")


def test_listing_names_imports_no_extractor() -> None:
    code = (
        "import sys; from sitroom.extractors import registry; registry.names();"
        "print([m for m in sys.modules if m.startswith('sitroom.extractors.builtin.')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
