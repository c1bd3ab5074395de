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


# ---- denials and claims


def test_rejecting_or_brushing_off_a_claim_is_a_denial(score) -> None:
    assert score("The ministry brushed off accusations that its guards had beaten inmates.") == 2.0
    assert score("The ministry rejected suggestions that it planned to close the strait.") == 0.0


def test_insisting_there_are_no_plans_denies_a_plan(score) -> None:
    assert score("Officials insisted there were no plans to shut the embassy.") == 0.0


def test_charging_that_something_happened_is_an_accusation(score) -> None:
    assert score("The ministry charged that rebels had poisoned the wells.") == 2.0


def test_holding_someone_responsible_accuses_them(score) -> None:
    assert score("Kyiv held Moscow responsible for the blast.") == 2.0


# ---- threats


def test_threatened_countermeasures_are_a_non_military_threat(score) -> None:
    assert score("Beijing threatened trade curbs against Canberra.") == 5.8
    assert score("The ministry threatened countermeasures against the bloc.") == 5.8


def test_threatening_to_crush_dissent_threatens_repression(score) -> None:
    assert score("The general threatened to crush the uprising.") == 7.0


def test_a_warning_that_intruders_will_be_sunk_threatens_force(score) -> None:
    assert score("The admiral warned that any ship entering the zone would be sunk.") == 7.0


def test_responding_militarily_is_force(score) -> None:
    assert score("Athens said it would respond militarily to any incursion.") == 7.0


def test_an_inverted_if_clause_is_a_condition(score) -> None:
    assert score("Washington warned of sanctions should Ankara buy the missiles.") == 5.8


# ---- who does it


def test_property_violence_by_a_crowd_is_a_riot(score) -> None:
    assert score("Rioters torched cars in the suburbs.") == 7.5
    assert score("Soldiers torched the village.") == 9.2


def test_a_blockade_by_civilians_obstructs_rather_than_besieges(score) -> None:
    assert score("Truckers blockaded the border crossing.") == 7.5


def test_hackers_crippling_a_network_is_cyber_coercion(score) -> None:
    assert score("Hackers paralysed the rail network.") == 7.0


def test_using_a_chemical_agent_is_mass_violence(score) -> None:
    assert score("The regime used nerve agents against the town.") == 10.0


def test_breaking_a_truce_violates_it(score) -> None:
    assert score("The militia broke the truce.") == 9.5


# ---- negation, futures and questions


def test_negative_implicative_verbs_negate_the_act(score) -> None:
    assert score("The army refrained from shelling the town.") == 0.0
    assert score("The navy stopped short of boarding the tanker.") == 0.0
    assert score("The government has yet to impose the promised tariffs.") == 0.0
    assert score("Not a single shell was fired at the town.") == 0.0


def test_scheduled_acts_are_announced_not_feared(score) -> None:
    assert score("The leaders are expected to sign the accord next week.") == -4.0
    assert score("The EU is set to approve new aid for Chad.") == -5.2


def test_an_actors_readiness_is_intent(score) -> None:
    text = "The rebels said they were ready to lay down their arms if the army withdrew."
    assert score(text) == -7.0


def test_asking_whether_is_a_question_not_an_appeal(score) -> None:
    assert score("Officials asked whether the embargo would work.") == 0.0


def test_naming_something_is_not_an_appeal(score) -> None:
    assert score("The envoy called the vote a farce.") == 0.0


# ---- documents, media and flows


def test_a_document_does_what_its_clause_says(score) -> None:
    assert score("The assembly adopted a resolution condemning the coup.") == 2.0


def test_releasing_a_report_is_not_releasing_prisoners(score) -> None:
    assert score("The ministry released a report on the crisis.") == 0.0


def test_halting_a_flow_of_aid_reduces_aid(score) -> None:
    assert score("The UN halted food deliveries to the north.") == 5.6
    assert score("The bank suspended its lending to the country.") == 5.6


def test_cutting_off_energy_supplies_is_an_embargo(score) -> None:
    assert score("Moscow cut off gas supplies to the republic.") == 8.0


def test_a_specific_noun_decides_what_halting_it_means(score) -> None:
    assert score("The two states cancelled their joint naval exercise.") == 4.0


# ---- metaphors and non-actors


def test_nature_is_no_actor(score) -> None:
    assert score("Thousands were forced from their homes by rising floodwaters and storms.") == 0.0
    assert score("The storm destroyed three bridges.") == 0.0


def test_violent_words_aimed_at_social_problems_are_metaphors(score) -> None:
    assert score("The new rules target coal plant emissions.") == 0.0
    assert score("The mayor waged a long war against poverty.") == 0.0
    assert score("Government forces waged war on the rebels.") == 10.0


def test_only_weapons_explode_as_bombings(score) -> None:
    assert score("The prison population exploded.") == 0.0
    assert score("A bomb exploded near the market.") == 10.0


def test_taking_ground_needs_ground(score) -> None:
    assert score("Spies tried to infiltrate the program.") == 0.0
    assert score("Troops occupied the airport.") == 9.5


def test_protesters_occupying_a_square_demonstrate(score) -> None:
    assert score("Protesters occupied the main square.") == 6.5


def test_force_posture_needs_forces(score) -> None:
    assert score("The scandal reinforced concerns about the campaign.") == 0.0
    assert score("The ministry reinforced its garrison on the island.") == 7.2
    assert score("Both sides were urged to exercise restraint.") == pytest.approx(0.3)


def test_putting_forces_on_a_state_of_readiness_raises_alert(score) -> None:
    assert score("Athens put its navy on the highest state of readiness.") == 7.2
    assert score("The decision put lives in danger.") == 0.0


def test_an_attack_on_a_named_person_by_a_named_person_is_criticism(score) -> None:
    assert score("Senator Ames hit Kowalski hard at the convention.") == 2.0
    assert score("The president attacked Iran.") == 10.0


def test_an_attack_made_in_words_is_criticism(score) -> None:
    assert score("The candidate attacked the union in a series of tweets.") == 2.0
    assert score("Troops attacked the town, according to a statement.") == 10.0


# ---- concessions, damage and reform


def test_what_a_concession_presupposes_remains_when_the_main_act_is_negated(score) -> None:
    assert score("The militia failed to take the bridge despite days of shelling.") == 10.0
    # with a real main act, the main act decides
    assert score("Despite the truce, tanks shelled the village.") == 10.0
    assert score("The army did not strike back, although rebels had bombed its depot.") == 10.0


def test_ramming_a_vessel_damages_property(score) -> None:
    assert score("Despite official denials, navy ships rammed the fishing boat.") == 9.2


def test_promising_elections_is_intent_to_reform(score) -> None:
    assert score("The junta promised to hold elections within a year.") == -7.0
    assert score("The council pledged constitutional reform.") == -7.0


# ---- found on set C after its single scoring (see benchmarks/threat_sets/README.md)


def test_a_vow_to_go_on_fighting_is_a_threat_of_force(score) -> None:
    assert score("The rebels vowed to continue fighting until the capital fell.") == 7.0


def test_agreeing_to_a_demand_is_yielding(score) -> None:
    assert score("The army agreed to the protesters' demands.") == -5.0
    assert score("The two sides agreed to hold talks.") == -4.0


def test_dropping_bombs_is_bombing_not_dropping_a_plan(score, main_code) -> None:
    assert score("Jets dropped bombs on the rebel camp.") == 10.0
    assert score("Planes dropped leaflets over the city.") == 0.0
    assert score("The ministry dropped its plan to merge the agencies.") == -5.0
    # a bomb filled with a chemical agent is a chemical weapon
    assert main_code("Helicopters dropped sarin bombs on the town.") == "2041"


# ---- political talk


def test_being_killed_in_a_deal_or_the_polls_is_a_metaphor(score) -> None:
    assert score("The workers getting killed in this trade deal are farmers.") == 0.0
    assert score("Rebels killed two soldiers in the hills.") == 10.0


def test_generic_you_tells_of_no_event(score) -> None:
    assert score("In that district you step outside and you get shot at.") == 0.0
    # an addressed "you" in a warning is still a threat
    assert score("You will pay a heavy price for this, the minister told the rebels.") == 4.4
