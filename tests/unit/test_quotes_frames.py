"""Attributions beyond verbs of saying, on sentences written for these tests.

News reports attribute statements, beliefs and intentions in many shapes: a noun that
carries a statement ("her claim that ..."), a passive that hides who holds the view
("is expected to ..."), a verb of seeming, a verb that casts something as something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quote_helpers import by_cue, extract

if TYPE_CHECKING:
    from spacy.language import Language


# --- nouns ---------------------------------------------------------------------------


def test_statement_noun_with_that_clause_is_attributed_to_its_possessor(nlp: Language) -> None:
    text = "Her claim that the dam was safe drew scorn from engineers."
    assert by_cue(nlp, text)["claim"] == (["that the dam was safe"], "Her")


def test_statement_noun_takes_its_source_from_a_from_phrase(nlp: Language) -> None:
    text = "Early warnings from the inspector that the dam was weak went unheeded."
    assert by_cue(nlp, text)["warnings"] == (["that the dam was weak"], "the inspector")


def test_commitment_noun_with_infinitive_is_an_attribution(nlp: Language) -> None:
    text = "The union's threat to strike in May worried the airline."
    assert by_cue(nlp, text)["threat"] == (["to strike in May"], "The union")


def test_relative_clause_on_a_statement_noun_is_not_its_content(nlp: Language) -> None:
    assert extract(nlp, "The claim that he made on Monday was false.") == []


def test_plans_describe_actions_not_statements(nlp: Language) -> None:
    assert extract(nlp, "Their plan to visit Rome fell through.") == []


# --- passives --------------------------------------------------------------------------


def test_passive_view_with_no_agent_has_no_source(nlp: Language) -> None:
    text = "Turnout is expected to stay low."
    assert by_cue(nlp, text)["expected"] == (["Turnout", "to stay low"], None)


def test_passive_label_is_attributed_to_its_agent(nlp: Language) -> None:
    text = "The dam was labeled a hazard by inspectors."
    assert by_cue(nlp, text)["labeled"] == (["The dam", "a hazard"], "inspectors")


def test_passive_rating_is_found_although_the_model_lemmatizes_rated_as_rat(
    nlp: Language,
) -> None:
    text = "Most claims were rated as false."
    assert by_cue(nlp, text)["rated"] == (["Most claims", "as false"], None)


def test_passive_accusation_leaves_the_preposition_to_the_cue(nlp: Language) -> None:
    text = "The mayor was accused of taking bribes."
    assert by_cue(nlp, text)["accused"] == (["The mayor", "taking bribes"], None)


def test_modal_passive_is_not_a_view(nlp: Language) -> None:
    assert extract(nlp, "The bus was supposed to wait outside.") == []


def test_verb_casting_its_object_as_something(nlp: Language) -> None:
    text = "Critics see the law as a gift to banks."
    assert by_cue(nlp, text)["see"] == (["the law as a gift to banks"], "Critics")


def test_hoped_is_a_cue_although_the_model_lemmatizes_it_as_hop(nlp: Language) -> None:
    text = "She hoped the rain would stop."
    assert by_cue(nlp, text)["hoped"] == (["the rain would stop"], "She")


# --- seeming and evidence ----------------------------------------------------------------


def test_what_seems_so_is_reported_with_no_source(nlp: Language) -> None:
    text = "The route seems too steep."
    assert by_cue(nlp, text)["seems"] == (["The route", "too steep"], None)


def test_the_one_it_seems_so_to_is_the_source(nlp: Language) -> None:
    text = "The ruling seemed unfair to the judges."
    assert by_cue(nlp, text)["seemed"] == (["The ruling", "unfair"], "the judges")


def test_it_is_clear_that_reports_the_clause_with_no_source(nlp: Language) -> None:
    text = "It is clear that the plan failed."
    assert by_cue(nlp, text)["clear"] == (["that the plan failed"], None)


def test_it_is_unclear_whether_asserts_no_view(nlp: Language) -> None:
    assert extract(nlp, "It is unclear whether the talks will resume.") == []


def test_appearing_somewhere_is_not_seeming(nlp: Language) -> None:
    assert extract(nlp, "He appeared on television.") == []


def test_bare_passive_of_a_verb_that_is_not_one_of_saying_reports_nothing(
    nlp: Language,
) -> None:
    assert extract(nlp, "The plan was defended in court.") == []


def test_bare_passive_of_a_verb_of_saying_reports_its_subject(nlp: Language) -> None:
    text = "The merger was confirmed on Tuesday."
    assert by_cue(nlp, text)["confirmed"] == (["The merger"], None)


# --- gerunds and relative speakers ---------------------------------------------------------


def test_gerund_complement_of_a_verb_of_proposing_is_the_content(nlp: Language) -> None:
    text = "The council proposed scrapping the tax on bread."
    assert by_cue(nlp, text)["proposed"] == (["scrapping the tax on bread"], "The council")


def test_going_somewhere_to_do_something_is_not_a_statement(nlp: Language) -> None:
    assert extract(nlp, "She went skiing in the hills.") == []


def test_relative_pronoun_of_a_coordinated_verb_is_a_speaker_not_a_question(
    nlp: Language,
) -> None:
    text = "Growers, who met the minister and see the tariff as a threat, left early."
    assert by_cue(nlp, text)["see"] == (["the tariff as a threat"], "who")


# --- stances taken by acts and light verbs ---------------------------------------------------


def test_light_verb_with_a_stance_noun_reports_what_the_noun_is_about(nlp: Language) -> None:
    text = "The union voiced support for the strike."
    assert by_cue(nlp, text)["voiced"] == (["the strike"], "The union")


def test_light_verb_with_an_ordinary_object_reports_nothing(nlp: Language) -> None:
    assert extract(nlp, "He made a cake for the party.") == []


def test_a_vote_for_or_against_something_is_a_stance(nlp: Language) -> None:
    text = "The council voted against the new levy."
    assert by_cue(nlp, text)["voted"] == (["the new levy"], "The council")
    assert extract(nlp, "He voted in the morning.") == []


def test_judging_something_aloud_takes_it_as_content(nlp: Language) -> None:
    text = "The minister downplayed the flood danger."
    assert by_cue(nlp, text)["downplayed"] == (["the flood danger"], "The minister")


# --- adjectives of believing and feeling ----------------------------------------------------


def test_participle_of_feeling_with_a_that_clause_is_a_view(nlp: Language) -> None:
    text = "Parents were frustrated that the school shared only part of the report."
    assert by_cue(nlp, text)["frustrated"] == (
        ["that the school shared only part of the report"],
        "Parents",
    )


def test_adjective_of_feeling_takes_what_it_is_about(nlp: Language) -> None:
    text = "Farmers are worried about the cost of fuel."
    assert by_cue(nlp, text)["worried"] == (["the cost of fuel"], "Farmers")


def test_adjective_of_wanting_takes_its_infinitive(nlp: Language) -> None:
    text = "The mayor was eager to reopen the market."
    assert by_cue(nlp, text)["eager"] == (["to reopen the market"], "The mayor")


# --- sources opening a sentence with "in" ---------------------------------------------------


def test_document_opening_a_sentence_is_the_source_of_the_rest(nlp: Language) -> None:
    text = "In the survey, the mayor gained two points."
    assert by_cue(nlp, text)["In the survey"] == (["the mayor gained two points."], "the survey")


def test_somebodys_view_opening_a_sentence_is_theirs(nlp: Language) -> None:
    text = "In her view, the plan is doomed."
    assert by_cue(nlp, text)["In her view"] == (["the plan is doomed."], "her")


def test_document_phrase_leaves_a_verb_of_saying_its_own_speaker(nlp: Language) -> None:
    text = "In a memo, the board wrote that the plan was dead."
    assert by_cue(nlp, text) == {"wrote": (["that the plan was dead"], "the board")}


def test_a_place_opening_a_sentence_is_no_source(nlp: Language) -> None:
    assert extract(nlp, "In the park, children played.") == []


def test_what_is_threatened_is_an_act_not_reported_content(nlp: Language) -> None:
    # "threatening war", "threatened Moscow": the thing or the party threatened. Only a
    # clause says what was threatened as a statement would ("threatened to recall ...").
    assert extract(nlp, "As if the general constantly threatening war was not enough.") == []
    assert extract(nlp, "The minister threatened the neighbouring states on Monday.") == []
    text = "Tokyo threatened to recall its ambassador."
    assert by_cue(nlp, text)["threatened"] == (["to recall its ambassador"], "Tokyo")
