"""The config file: lookup order, and one exact FILE:LINE:COL message for each mistake."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitroom.extractors.assemble import assemble
from sitroom.extractors.config import (
    bundled_path,
    config_from_text,
    find_config,
    load_config,
    user_config_path,
)
from sitroom.extractors.errors import ConfigError

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"
BAD = sorted(CONFIGS.glob("bad_*.yaml"))


def expected_message(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_each_bad_config_fails_with_its_exact_located_message(
    path: Path, test_plugins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CONFIGS)
    with pytest.raises(ConfigError) as caught:
        assemble(load_config(path.name))
    assert str(caught.value).startswith(expected_message(path))
    assert "\n" not in str(caught.value)


def test_the_bundled_default_is_used_when_nothing_else_is_there() -> None:
    assert find_config() == bundled_path()
    config = load_config()
    assert [spec.use for spec in config.extractors] == ["actors", "quotes", "timeline", "threat"]
    assert config.is_bundled


def test_the_user_config_dir_comes_before_the_bundled_default() -> None:
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text("version: 1\nextractors: [actors]\n", encoding="utf-8")
    assert find_config() == str(user)
    assert [s.use for s in load_config().extractors] == ["actors"]


def test_the_environment_variable_comes_before_the_user_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text("version: 1\n", encoding="utf-8")
    from_env = tmp_path / "env.yaml"
    from_env.write_text("version: 1\nextractors: [threat]\n", encoding="utf-8")
    monkeypatch.setenv("SITROOM_CONFIG", str(from_env))
    assert find_config() == str(from_env)
    assert find_config(explicit="given.yaml") == "given.yaml"


def test_a_missing_config_file_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError, match=r"nope\.yaml: file not found$"):
        load_config(str(missing))


def test_extractors_may_be_plain_names_or_mappings() -> None:
    config = config_from_text(
        "version: 1\nextractors:\n  - actors\n  - use: quotes\n    enabled: false\n"
        "    timeout: 2.5\n"
    )
    first, second = config.extractors
    assert (first.use, first.enabled) == ("actors", True)
    assert (second.use, second.enabled, second.timeout) == ("quotes", False, 2.5)


def test_an_empty_config_file_means_defaults() -> None:
    config = config_from_text("")
    assert config.model == "en_core_web_sm"
    assert config.extractors == ()


def test_yaml_is_loaded_safely_so_python_tags_are_refused() -> None:
    with pytest.raises(ConfigError, match=r"evil\.yaml:1:8: unsupported YAML tag"):
        config_from_text("model: !!python/object/apply:os.system ['true']\n", "evil.yaml")


def test_relative_paths_in_options_resolve_against_the_config_file(
    tmp_path: Path, test_plugins: Path
) -> None:
    # an Options field typed as a Path is resolved next to the config file, not the cwd
    module = test_plugins / "sitroom_pathplugin.py"
    module.write_text(
        "from dataclasses import dataclass\nfrom pathlib import Path\n"
        "class WithFile:\n    name = 'with_file'\n"
        "    @dataclass(frozen=True)\n    class Options:\n        data: Path = Path('x')\n"
        "    def __init__(self, options):\n        self.options = options\n"
        "    def run(self, doc, article, results):\n        return {}\n",
        encoding="utf-8",
    )
    try:
        config_file = tmp_path / "conf" / "config.yaml"
        config_file.parent.mkdir()
        config_file.write_text(
            "extractors:\n  - use: sitroom_pathplugin:WithFile\n    options: {data: lex.yaml}\n",
            encoding="utf-8",
        )
        (stage,) = assemble(load_config(str(config_file)))
        assert Path(stage.instance.options.data) == config_file.parent / "lex.yaml"
    finally:
        os.remove(module)
