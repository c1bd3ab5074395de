"""The actors gazetteer: user files extend the bundled one; broken files are config errors
that point at the line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.actors import ActorsExtractor, gazetteer
from sitroom.extractors.builtin.actors.extractor import ActorsOptions
from sitroom.extractors.errors import ConfigError
from sitroom.extractors.model import Article, Results

if TYPE_CHECKING:
    from spacy.language import Language


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_gazetteer_adds_an_outlet_and_an_alias(nlp: Language, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "actors:\n"
        "  - {name: Harbour Ledger, kind: media}\n"
        "  - {name: Russia, kind: country, aliases: [Rus]}\n",
    )
    extractor = ActorsExtractor(ActorsOptions(gazetteer=[path]))
    text = "Rus denied the report, Lavrov told the Harbour Ledger on Monday."
    result = extractor.run(nlp(text), Article(text=text), Results())
    actors = {a.name: a for a in result.actors}
    assert actors["Harbour Ledger"].kind == "media"
    assert actors["Russia"].aliases == ("Rus",)
    # Merged, not replaced: the bundled forms of Russia still work.
    assert gazetteer.load([path]).find("Russian Federation") is not None


def test_missing_user_gazetteer_is_a_config_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError) as caught:
        ActorsExtractor(ActorsOptions(gazetteer=[missing]))
    assert str(caught.value) == f"{missing}: gazetteer file not found"


def test_malformed_yaml_reports_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "actors:\n  - name: Foo\n    kind: media: tv\n")
    with pytest.raises(ConfigError) as caught:
        gazetteer.load([path])
    assert caught.value.file == path
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3:")


def test_unknown_key_points_at_it_and_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(tmp_path, "actors:\n  - name: Foo\n    kind: media\n    alias: [Bar]\n")
    with pytest.raises(ConfigError) as caught:
        gazetteer.load([path])
    assert str(caught.value) == (
        f"{path}:4:5: unknown key 'alias' in an actor entry (did you mean 'aliases'?)"
    )


def test_wrong_kind_is_a_config_error_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, "actors:\n  - {name: Foo, kind: newspaper}\n")
    with pytest.raises(ConfigError) as caught:
        gazetteer.load([path])
    assert caught.value.line == 2
    assert "kind must be one of person, country" in caught.value.reason


def test_gazetteer_is_parsed_once_per_process() -> None:
    assert gazetteer.load() is gazetteer.load()


def test_bundled_gazetteer_knows_countries_igos_media_and_role_words() -> None:
    loaded = gazetteer.load()
    us = loaded.find("United States")
    assert us is not None and {"US", "U.S."} <= set(us.abbreviations)
    assert "Washington" in us.capitals and "White House" in us.metonyms
    assert "American" in us.demonyms
    osce = loaded.find("Organization for Security and Co-operation in Europe")
    assert osce is not None and osce.kind == "igo"
    assert loaded.find("Russia-24") is not None
    assert "spokesman" in loaded.roles.titles and "say" in loaded.roles.speech_verbs
