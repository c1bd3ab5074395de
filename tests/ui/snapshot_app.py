"""The dashboard as the snapshot tests photograph it: the bundled samples, the real
extractors, no cache and no user files, so every run draws the same screen."""

from __future__ import annotations

from pathlib import Path

from sitroom.extractors.config import config_from_text
from sitroom.tui.app import SitroomApp, make_app

CONFIG = """\
version: 1
model: en_core_web_sm
extractors: [actors, quotes, timeline, threat]
theme: {theme}
cache: false
"""


def build(theme: str = "sitroom-dark") -> SitroomApp:
    config = config_from_text(CONFIG.format(theme=theme), "snapshot.yaml")
    return make_app(
        config,
        [],
        use_cache=False,
        user_themes=Path(__file__).parent / "no-user-themes",
        remember_theme=False,
    )


app = build()
