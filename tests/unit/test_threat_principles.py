"""Threat principles added after measuring on fresh sentences (benchmarks/threat_sets).

Each test states one principle with sentences written for it (none is taken from an
evaluation set). Scores are minus the Goldstein weight of the sentence's main event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.threat import ThreatExtractor
from sitroom.extractors.builtin.threat.modality import analyse_sentence

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def extractor() -> ThreatExtractor:
    return ThreatExtractor()


@pytest.fixture(scope="module")
def score(nlp: Language, extractor: ThreatExtractor):
    def _score(text: str) -> float:
        doc = nlp(text)
        return max((extractor.score_sentence(s, ref_year=2026) for s in doc.sents), key=abs)

    return _score


@pytest.fixture(scope="module")
def main_code(nlp: Language, extractor: ThreatExtractor):
    def _code(text: str) -> str | None:
        sent = next(iter(nlp(text).sents))
        main = analyse_sentence(sent, extractor.lexicon, 2026).main
        return main.code if main is not None and main.counted else None

    return _code


# ---- appeals, demands, ultimatums


def test_calling_for_a_truce_is_an_appeal_not_a_demand(score) -> None:
    assert score("The envoy called for a truce in the northern province.") == pytest.approx(0.3)
    assert score("The envoy demanded a truce in the northern province.") == 5.0


def test_a_time_limit_given_to_act_is_an_ultimatum(score) -> None:
    assert score("The militia gave the mayor three days to leave the town.") == 7.0


# ---- cooperation and yielding


def test_a_deployment_in_a_peacekeeping_role_is_aid_not_force_posture(score) -> None:
    assert score("Brazil sent 200 soldiers to the island under a UN mandate.") == -8.5
    assert score("Rwanda deployed 300 police officers as part of a UN stabilisation mission.") == (
        -8.5
    )
    assert score("Brazil sent 200 soldiers to the border.") == 7.2


def test_withdrawing_a_proposal_is_yielding_not_a_military_pullback(score) -> None:
    assert score("The cabinet withdrew its draft media law.") == -5.0
    assert score("The army withdrew its tanks from the ridge.") == -9.0


def test_letting_aid_workers_in_allows_international_involvement(score) -> None:
    assert score("The authorities let foreign aid workers into the flooded district.") == -9.0


def test_restoring_a_cooperative_act_is_that_act(score) -> None:
    assert score("Sweden restored its aid to the refugee agency.") == -7.0


def test_reopening_a_closed_border_eases_restrictions(score) -> None:
    assert score("Armenia reopened the border crossing with Turkey.") == -5.0


def test_unfreezing_funds_eases_sanctions(score) -> None:
    assert score("The bank unfroze the accounts of the charity.") == -7.0


def test_cutting_off_intelligence_sharing_reduces_relations(score) -> None:
    assert score("Paris cut off intelligence sharing with the junta.") == 4.0


# ---- coercion and force


def test_withholding_aid_reduces_it_and_announcing_it_is_a_threat(score) -> None:
    assert score("Donors withheld the second tranche of aid.") == 5.6
    assert score("The donors will withhold 2 billion euros in aid unless the vote is rerun.") == 5.8


def test_naval_units_sent_somewhere_are_force_posture(score) -> None:
    assert score("Britain sent two destroyers to the Red Sea.") == 7.2


def test_a_protest_noun_written_with_a_hyphen_is_a_protest(score) -> None:
    assert score("Nurses staged a sit-in at the health ministry.") == 6.5


def test_a_strike_staged_or_held_by_workers_is_a_labour_strike(score) -> None:
    assert score("Dockers held a strike over pay.") == 6.5


def test_using_people_as_shields_is_its_own_kind_of_assault(score) -> None:
    assert score("Gunmen used hostages as human shields.") == 8.0


def test_forcing_a_population_out_is_mass_expulsion(score) -> None:
    assert score("Militias forced thousands of villagers out of the valley.") == 9.5


def test_an_operation_named_by_its_purpose_reports_that_purpose(score) -> None:
    assert score("The operation to recapture the airport began at dawn.") == 9.5


# ---- modality


def test_not_ruling_out_an_act_keeps_it_as_an_option(main_code) -> None:
    assert main_code("The government has not ruled out sending troops.") == "014"
    assert main_code("The government ruled out sending troops.") == "010"


def test_a_denied_plan_stays_a_plan_whatever_the_denial_calls_it(score) -> None:
    text = "The ministry dismissed reports that the army was preparing an offensive."
    assert score(text) == 0.0


def test_denying_arming_a_side_is_denying_responsibility(score) -> None:
    assert score("The government denied that it had supplied rockets to the rebels.") == 2.0
    # a denied withdrawal stays a plain statement
    assert score("The commander denied that his men had withdrawn from the ridge.") == 0.0


def test_believing_an_attack_unlikely_is_a_hopeful_remark(score) -> None:
    assert score("Diplomats believe an invasion is unlikely this year.") == pytest.approx(-0.4)


def test_an_event_dated_by_a_long_past_war_is_background(score) -> None:
    assert score("The bridge was bombed during the Korean War.") == 0.0
