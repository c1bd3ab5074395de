"""What the dashboard refuses before it starts, and what it forgives with a notification."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MakeApp, config_text, settle

from sitroom.extractors.errors import ConfigError
from sitroom.tui.cli import main


def test_an_unknown_binding_id_in_the_keymap_is_a_located_config_error(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as caught:
        dashboard(config_text(keymap="\n  next_artcle: ctrl+n"))
    assert str(caught.value) == (
        f"{tmp_path / 'config.yaml'}:11:3: unknown binding id 'next_artcle' "
        "(did you mean 'next_article'?)"
    )


def test_an_unknown_key_name_in_the_keymap_is_a_located_config_error(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as caught:
        dashboard(config_text(keymap='{help: "ctrl+pgdwn"}'))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'config.yaml'}:10:16: keymap 'help': ")
    assert "unknown key 'ctrl+pgdwn'" in message
    assert "did you mean 'ctrl+pagedown'" in message


def test_an_unknown_theme_is_a_located_config_error(dashboard: MakeApp, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        dashboard(config_text(theme="sitroom-drak"))
    assert str(caught.value) == (
        f"{tmp_path / 'config.yaml'}:9:8: unknown theme 'sitroom-drak' "
        "(did you mean 'sitroom-dark'?)"
    )


def test_the_cli_prints_a_bad_keymap_as_one_line_and_does_not_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = tmp_path / "config.yaml"
    config_file.write_text(config_text(keymap="{zzz: x}"), encoding="utf-8")
    assert main(["--config", str(config_file)]) == 2
    err = capsys.readouterr().err
    hint = "(`?` in the dashboard lists them)"
    assert err == f"sitroom: {config_file}:10:10: unknown binding id 'zzz' {hint}\n"


async def test_a_broken_user_theme_falls_back_to_the_default_with_a_notification(
    dashboard: MakeApp, user_themes: Path
) -> None:
    (user_themes / "midnight.yaml").write_text(
        "name: midnight\ncolors:\n  primary: '#123456'\n  background: not-a-colour\n",
        encoding="utf-8",
    )
    app = dashboard(config_text(theme="midnight"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "sitroom-dark"
        messages = [n.message for n in app._notifications]
        assert any(
            f"{user_themes / 'midnight.yaml'}:4:15: 'not-a-colour' is not a colour" in m
            and "using sitroom-dark instead" in m
            for m in messages
        ), messages


async def test_a_good_user_theme_is_offered_and_used(dashboard: MakeApp, user_themes: Path) -> None:
    (user_themes / "mine.yaml").write_text(
        "name: mine\ndark: false\ncolors: {primary: '#004488', background: '#ffffff'}\n"
        "highlights: {actor: '#aa3377'}\n",
        encoding="utf-8",
    )
    app = dashboard(config_text(theme="mine"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "mine"
        assert app.theme_variables["sr-actor"] == "#aa3377"
        assert app.theme_variables["sr-quote"]  # the rest falls back to the defaults
        assert "mine" in app.themes.names
        await pilot.press("t")
        assert app.theme == "sitroom-dark"  # after the user's theme, round to the first


async def test_an_extractor_entry_that_cannot_be_built_stops_the_dashboard_with_its_line(
    dashboard: MakeApp, tmp_path: Path
) -> None:
    text = config_text().replace("  - use: threat", "  - use: threat\n    options: {lexicn: x}")
    app = dashboard(text)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
    assert app.startup_error is not None
    assert app.startup_error.startswith(f"{tmp_path / 'config.yaml'}:")
    assert "lexicn" in app.startup_error
