"""Property-based tests: whatever bytes or YAML a user hands over, the loaders and the
config parser answer with sitroom's own one-line error or a valid result, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitroom.extractors.config import config_from_text
from sitroom.extractors.errors import ArticleError, SitroomError
from sitroom.extractors.loaders import load_paths
from sitroom.extractors.model import Article
from sitroom.extractors.yamlfile import parse_yaml

SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".html"]
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_loaded(items: list[Article | ArticleError], path: Path) -> None:
    for item in items:
        if isinstance(item, ArticleError):
            assert str(path) in str(item)
            assert "\n" not in str(item)
        else:
            assert isinstance(item.text, str) and item.text.strip()


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_supported_file_load_or_fail_cleanly(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    check_loaded(list(load_paths([str(path)])), path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
article_like = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=80) | json_values,
        "title": json_values,
        "published": st.text(max_size=25) | json_values,
        "source": json_values,
        "url": json_values,
    },
)


@FUZZ
@given(value=st.one_of(json_values, article_like, st.lists(article_like, max_size=3)))
def test_any_json_document_loads_or_fails_cleanly(tmp_path: Path, value: object) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    check_loaded(list(load_paths([str(path)])), path)


yaml_text = st.text(
    alphabet=st.sampled_from(list("abcdefgxyz:-_ {}[]\n\t'\"!&*#|>@`%,.?0123456789")), max_size=200
)


@FUZZ
@given(text=yaml_text)
@example(text="!0 :")  # a key with an unknown tag once escaped as a raw PyYAML error
@example(text="0b_")  # and a "binary number" with no digits as a ValueError
def test_any_yaml_text_parses_or_gives_a_located_error(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except SitroomError as exc:
        assert str(exc).startswith("fuzz.yaml")
        assert "\n" not in str(exc)


config_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["use", "options", "enabled", "timeout", "x", "version", "model"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=10,
)
configs = st.dictionaries(
    st.sampled_from(["version", "model", "extractors", "theme", "keymap", "cache", "typo"]),
    config_values,
    max_size=5,
)


@FUZZ
@given(data=configs)
def test_any_config_structure_is_accepted_or_refused_with_a_located_message(data: dict) -> None:  # type: ignore[type-arg]
    import yaml

    try:
        config_from_text(yaml.safe_dump(data), "fuzz.yaml")
    except SitroomError as exc:
        assert str(exc).startswith("fuzz.yaml:")
        assert "\n" not in str(exc)
