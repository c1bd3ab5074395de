"""The parse cache for YAML read at every start: it may only ever save time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.extractors import yamlcache
from sitroom.extractors.errors import ConfigError
from sitroom.extractors.yamlfile import parse_yaml, read_yaml

TEXT = "version: 1\ntheme: sitroom-light\nkeymap: {next_article: ctrl+n}\nwhen: 2024-05-01\n"


def test_a_cached_file_reads_back_with_the_same_values_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(TEXT)
    fresh = read_yaml(path)
    assert list(yamlcache._directory().iterdir())  # stored
    cached = yamlcache.get(yamlcache.entry(path), str(path))
    assert cached is not None
    assert cached.data == fresh.data == parse_yaml(TEXT, str(path)).data
    assert cached.data["when"] == dt.date(2024, 5, 1)
    assert cached.marks == fresh.marks
    assert cached.where("keymap", "next_article") == (3, 24)


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(TEXT)
    read_yaml(path)
    path.write_text(TEXT.replace("sitroom-light", "sitroom-contrast!"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert read_yaml(path).data["theme"] == "sitroom-contrast!"


def test_a_broken_file_is_never_cached_and_always_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("version: [1\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"config\.yaml:2:1: invalid YAML"):
            read_yaml(path)


def test_a_damaged_cache_entry_means_parsing_again(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(TEXT)
    read_yaml(path)
    for stored in yamlcache._directory().iterdir():
        stored.write_bytes(b"\x00garbage")
    assert read_yaml(path).data["theme"] == "sitroom-light"


def test_reading_a_cached_config_does_not_import_pyyaml(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(TEXT.replace("when: 2024-05-01\n", ""))
    code = (
        "import sys; from sitroom.extractors.config import load_config;"
        f"load_config({str(path)!r}); print('yaml' in sys.modules)"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False")
