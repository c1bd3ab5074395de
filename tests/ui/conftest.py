"""Fixtures for the dashboard tests: real configs in a temporary folder, the real engine,
and a way to wait for the analysis workers."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot

from sitroom.extractors.config import load_config
from sitroom.tui.app import SitroomApp, make_app

UI_DATA = Path(__file__).resolve().parent / "data"
BASE_CONFIG = """\
# a test config
version: 1
model: en_core_web_sm
extractors:
{extractors}
theme: {theme}
keymap: {keymap}
cache: false
"""
BUILTINS = ["actors", "quotes", "timeline", "threat"]

MakeApp = Callable[..., SitroomApp]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Textual's Pilot needs one); no plugin."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


def config_text(
    extractors: list[str] | None = None, theme: str = "sitroom-dark", keymap: str = "{}"
) -> str:
    items = "\n".join(f"  - use: {name}" for name in (extractors or BUILTINS))
    return BASE_CONFIG.format(extractors=items, theme=theme, keymap=keymap)


@pytest.fixture
def ui_plugins(monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/ui/data/plugins on sys.path, like a user's own plugin module."""
    path = UI_DATA / "plugins"
    monkeypatch.syspath_prepend(str(path))
    return path


@pytest.fixture
def user_themes(tmp_path: Path) -> Path:
    path = tmp_path / "themes"
    path.mkdir()
    return path


@pytest.fixture
def dashboard(tmp_path: Path, user_themes: Path) -> MakeApp:
    """Build the app as the CLI does, from a config file written to a temporary folder."""

    def build(
        text: str | None = None,
        paths: list[str] | None = None,
        *,
        use_cache: bool = False,
        remember_theme: bool = False,
    ) -> SitroomApp:
        config_file = tmp_path / "config.yaml"
        config_file.write_text(text if text is not None else config_text(), encoding="utf-8")
        config = load_config(str(config_file))
        return make_app(
            config,
            paths or [],
            use_cache=use_cache,
            user_themes=user_themes,
            remember_theme=remember_theme,
        )

    return build


async def settle(pilot: Pilot[None], timeout: float = 120.0) -> None:
    """Wait until every file is loaded and every article analysed (or failed)."""
    app = pilot.app
    assert isinstance(app, SitroomApp)
    deadline = time.monotonic() + timeout
    while not app.all_analysed:
        if app._exit:
            return
        assert time.monotonic() < deadline, "the analysis did not finish"
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()


def contrast(style: Style) -> float:
    """How far a segment's text colour is from its background (0: invisible, 1: most)."""
    fg = style.color.get_truecolor() if style.color else None
    bg = style.bgcolor.get_truecolor() if style.bgcolor else None
    assert fg is not None and bg is not None
    return sum(abs(a - b) for a, b in zip(fg, bg, strict=True)) / 765
