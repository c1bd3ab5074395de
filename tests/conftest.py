"""Shared fixtures: one real spaCy pipeline per test session, the bundled samples, and
config/cache directories isolated from the developer's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "extractors" / "samples"
SEED = SAMPLES / "000_ed336b92c00c1c33.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from sitroom.extractors.nlp import load_model

    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests away from the developer's own config and cache."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("SITROOM_CONFIG", raising=False)


DATA = Path(__file__).resolve().parent / "data"
PLUGINS = DATA / "plugins"
CONFIGS = DATA / "configs"


@pytest.fixture
def test_plugins(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make tests/data/plugins importable, as a user's own plugin module would be."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    return PLUGINS
