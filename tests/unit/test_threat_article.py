"""Article-level threat: level, score, confidence and evidence on the bundled samples."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.threat import ThreatExtractor
from sitroom.extractors.model import (
    THREAT_LABELS,
    Article,
    Quote,
    QuotesResult,
    Results,
    Span,
    Threat,
)

SAMPLES = Path(__file__).resolve().parents[2] / "extractors" / "samples"

if TYPE_CHECKING:
    from spacy.language import Language


def _load(name: str) -> Article:
    """A sample with its YAML front matter stripped (the loader's job, not under test here)."""
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    published = None
    if raw.startswith("---"):
        _, front, raw = raw.split("---", 2)
        match = re.search(r"^date:\s*(\S+)", front, re.M)
        published = dt.date.fromisoformat(match.group(1)) if match else None
        raw = raw.lstrip("\n")
    title = raw.strip().splitlines()[0]
    return Article(text=raw, path=name, title=title, published=published)


def _threat(nlp: Language, article: Article, results: Results | None = None) -> Threat:
    return ThreatExtractor().run(nlp(article.text), article, results or Results())


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[Article, Threat]:
    article = _load("000_ed336b92c00c1c33.txt")
    return article, _threat(nlp, article)


def test_seed_is_coercive_military_posture(seed: tuple[Article, Threat]) -> None:
    _, threat = seed
    assert threat.level == 3
    assert threat.label == THREAT_LABELS[3]
    assert 60.0 <= threat.score < 80.0


def test_seed_evidence_cites_the_troop_buildup(seed: tuple[Article, Threat]) -> None:
    article, threat = seed
    buildup = [
        e
        for e in threat.evidence
        if e.weight > 0 and e.code is not None and e.code.startswith("15")
    ]
    assert buildup, "no force-posture evidence"
    assert any("mobiliz" in e.span.text(article.text).lower() for e in buildup)


def test_seed_denial_is_listed_but_weighs_nothing(seed: tuple[Article, Threat]) -> None:
    article, threat = seed
    start = article.text.index("We don’t have any plans to attack Ukraine")
    end = article.text.index("Kosachev told Russia’s state TV")
    inside = [e for e in threat.evidence if start <= e.span.start < end]
    assert inside, "the denial should be listed as evidence"
    assert all(e.weight == 0 for e in inside)
    assert any("denied plan" in e.reason for e in inside)


def test_seed_denial_does_not_raise_the_score(nlp: Language, seed: tuple[Article, Threat]) -> None:
    article, threat = seed
    start = article.text.index("Konstantin Kosachev")
    end = article.text.index("Yea those troops")
    without = Article(text=article.text[:start] + article.text[end:], title=article.title)
    assert threat.score <= _threat(nlp, without).score


def test_seed_confidence_is_high_with_this_much_evidence(seed: tuple[Article, Threat]) -> None:
    assert seed[1].confidence_label == "high"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("001_trade_pact.md", 0),
        ("002_envoys_expelled.md", 2),
        ("003_shelling_resumes.md", 4),
        # a threat of sanctions is a non-military threat: verbal hostility, not level 3
        ("004_summit_ends.md", 2),
    ],
)
def test_sample_levels(nlp: Language, name: str, level: int) -> None:
    assert _threat(nlp, _load(name)).level == level


def test_evidence_spans_index_the_article_text(nlp: Language) -> None:
    article = _load("003_shelling_resumes.md")
    threat = _threat(nlp, article)
    for e in threat.evidence:
        assert 0 <= e.span.start < e.span.end <= len(article.text)
        assert e.span.text(article.text).strip()


def test_article_without_events_is_low_tension_with_low_confidence(nlp: Language) -> None:
    article = Article(text="Prices rose slightly on Tuesday. The weather was mild.")
    threat = _threat(nlp, article)
    assert threat.level == 1
    assert threat.confidence_label == "low"


def test_threat_quoted_from_a_minister_is_the_minister_s_threat(nlp: Language) -> None:
    text = (
        "Border dispute deepens\n\n"
        "The defence minister spoke in the capital on Monday. "
        "\u201cWe will strike their bases if one more shell lands on our soil,\u201d "
        "Minister Arlo Venn said."
    )
    start = text.index("\u201c")
    end = text.index("\u201d") + 1
    quote = Quote(content=(Span(start, end),), kind="direct", speaker="Arlo Venn")
    threat = _threat(nlp, Article(text=text), Results({"quotes": QuotesResult((quote,))}))
    assert threat.level == 3
    top = max(threat.evidence, key=lambda e: e.weight)
    assert top.actor == "Arlo Venn"
    assert "threat" in top.reason


def test_editorial_aside_weighs_less_than_a_reported_event(nlp: Language) -> None:
    reported = _threat(nlp, Article(text="Talks resumed. The army shelled the port on Monday."))
    aside = _threat(nlp, Article(text="Talks resumed. Geez, the army shelled the port again!"))
    weight = max(e.weight for e in reported.evidence)
    aside_weight = max(e.weight for e in aside.evidence)
    assert 0 < aside_weight < weight
