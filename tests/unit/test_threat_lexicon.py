"""The threat lexicon: bundled data, user extension through options, and located errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.threat import ThreatExtractor
from sitroom.extractors.builtin.threat.lexicon import load_lexicon
from sitroom.extractors.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language


def test_bundled_lexicon_weights_come_from_the_goldstein_table() -> None:
    lex = load_lexicon()
    assert lex.weight("057") == 8.0
    assert lex.weight("138") == -7.0
    assert lex.weight("194") == -10.0
    assert lex.level("154") == 3 and lex.level("195") == 4 and lex.level("057") == 0


def test_lexicon_is_loaded_once_per_process() -> None:
    assert load_lexicon() is load_lexicon()


def test_derived_threat_of_an_act_uses_the_longest_code_prefix() -> None:
    lex = load_lexicon()
    assert lex.derived("threat", "163") == "1312"  # sanctions -> threat of sanctions
    assert lex.derived("threat", "195") == "1384"  # air strike -> threat of attack
    assert lex.derived("intent", "0871") == "0356"  # ceasefire -> offer to de-escalate


def test_user_lexicon_adds_a_verb(nlp: Language, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text('verbs:\n  bamboozle: {code: "111"}\n', encoding="utf-8")
    doc = nlp("The senator bamboozled the committee.")
    sent = next(iter(doc.sents))
    assert ThreatExtractor().score_sentence(sent) == 0.0
    options = ThreatExtractor.Options(lexicon=[str(extra)])
    assert ThreatExtractor(options).score_sentence(sent) == 2.0


def test_user_lexicon_can_remove_a_bundled_verb(nlp: Language, tmp_path: Path) -> None:
    extra = tmp_path / "quiet.yaml"
    extra.write_text("verbs:\n  shell: null\n  bombard: null\n", encoding="utf-8")
    sent = next(iter(nlp("The army shelled the port.").sents))
    assert ThreatExtractor().score_sentence(sent) == 10.0
    options = ThreatExtractor.Options(lexicon=[str(extra)])
    assert ThreatExtractor(options).score_sentence(sent) == 0.0


def test_missing_lexicon_file_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError, match=r"nope\.yaml: lexicon file not found"):
        ThreatExtractor(ThreatExtractor.Options(lexicon=[str(missing)]))


def test_malformed_yaml_reports_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('verbs:\n  shove: {code: "182"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon([bad])
    assert str(info.value).startswith(f"{bad}:3:1: not valid YAML")


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('verbs:\n  shove: {code: "999"}\n', ":2:17:", "unknown CAMEO code '999'"),
        ("verbs:\n  shove: {code: 182}\n", ":2:17:", "write CAMEO codes in quotes"),
        ("verbs:\n  shove: {frame: push}\n", ":2:18:", "unknown frame 'push'"),
        ('verbs:\n  shove: {objects: {"@boats": "171"}}\n', ":2:21:", "unknown class '@boats'"),
        ("nouns:\n  raid: {kind: x}\n", ":2:10:", "unknown field 'kind'"),
        ("verbs: {}\nverbs: {}\n", ":2:1:", "duplicate key 'verbs'"),
        ("weapons: []\n", ":1:1:", "unknown section 'weapons'"),
    ],
)
def test_invalid_entries_are_located(tmp_path: Path, text: str, where: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon([bad])
    assert where in str(info.value)
    assert message in str(info.value)
