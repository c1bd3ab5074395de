"""Sentence-level threat: events from the parse, read with their modality.

The sentences are written for these tests; each checks one rule of the threat-dev gold
(../shared/data/threat-dev/README.md). Scores are minus the Goldstein weight of the
sentence's main event, so they can be compared with the CAMEO table directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.threat import ThreatExtractor

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def score(nlp: Language):
    extractor = ThreatExtractor()

    def _score(text: str) -> float:
        doc = nlp(text)
        return max((extractor.score_sentence(s, ref_year=2026) for s in doc.sents), key=abs)

    return _score


def test_asserted_violence_scores_near_the_top_of_the_scale(score) -> None:
    assert score("The navy fired on the fishing boats.") >= 9.0
    assert score("Officials said rockets hit a hospital in the city.") == 10.0


def test_negated_event_counts_as_a_plain_statement(score) -> None:
    assert score("The navy did not fire on the fishing boats.") == 0.0
    assert score("Neither army crossed the river.") == 0.0


def test_denial_of_an_act_is_a_denial_of_responsibility(score) -> None:
    assert score("The ministry denied that its jets had bombed the village.") == 2.0


def test_denial_of_a_plan_is_a_plain_statement(score) -> None:
    assert score("The government denied that it planned to blockade the port.") == 0.0


def test_real_action_wins_over_a_denied_plan(score) -> None:
    text = "The army has moved 40,000 troops to the frontier but insists it has no plans to invade."
    assert score(text) == 7.2


def test_feared_collapse_is_a_gloomy_remark_not_fighting(score) -> None:
    assert score("Diplomats fear the talks could collapse into open fighting.") == pytest.approx(
        0.4
    )


def test_weighing_strikes_is_an_option_not_a_strike(score) -> None:
    assert score("Ankara is considering military strikes on the camps.") == 0.0


def test_conditional_threat_of_force_is_a_real_threat(score) -> None:
    text = "The president said his army would respond with force if the border was crossed."
    assert score(text) == 7.0


def test_accusation_counts_as_the_accusation_not_the_alleged_act(score) -> None:
    assert score("The opposition accused the police of beating protesters.") == 2.0


def test_event_inside_an_inquiry_is_embedded(score) -> None:
    assert score("Prosecutors opened an inquiry into the bombing of the market.") == 2.0


def test_lifting_an_embargo_is_cooperative(score) -> None:
    assert score("The bloc lifted its trade embargo on the island.") == -7.0


def test_suspending_aid_is_coercive(score) -> None:
    assert score("The donors suspended humanitarian aid to the region.") == 5.6


def test_historical_background_does_not_count(score) -> None:
    assert score("The two countries fought a border war in 1962.") == 0.0


def test_announced_signing_is_an_intent_to_cooperate(score) -> None:
    assert score("The ministers will sign the accord in March.") == -4.0


def test_announced_military_exercise_is_force_posture(score) -> None:
    assert score("The air force will hold drills near the strait next week.") == 7.2


def test_ordering_follows_the_goldstein_scale(score) -> None:
    ordered = [
        "The two governments signed a defence treaty.",
        "The envoy praised the mediators.",
        "The ministry declined to comment.",
        "The opposition criticised the budget.",
        "Tokyo threatened to recall its ambassador.",
        "Troops were massed along the border.",
        "Artillery shelled the northern suburbs overnight.",
    ]
    scores = [score(t) for t in ordered]
    assert scores == sorted(scores)
    assert len(set(scores)) == len(scores)
