"""Where an attribution's content starts and stops, on sentences written for these tests.

Each test names one principle of the annotation scheme the extractor follows: the cue
(with its preposition) is not content, the reporter's own remarks around a statement are
not content, and a statement inside another one is reported on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quote_helpers import by_cue, extract

if TYPE_CHECKING:
    from spacy.language import Language


def test_reported_noun_phrase_leaves_out_the_reporters_relative_clause(nlp: Language) -> None:
    text = "The mayor criticised the new parking rules, which take effect in May."
    assert by_cue(nlp, text)["criticised"] == (["the new parking rules"], "The mayor")


def test_preposition_of_a_prepositional_cue_is_not_content(nlp: Language) -> None:
    text = "She warned of higher fares next winter."
    assert by_cue(nlp, text)["warned"] == (["higher fares"], "She")


def test_second_reporting_verb_in_an_infinitive_reports_on_its_own(nlp: Language) -> None:
    text = "The agency refused to publish the audit or explain why it was delayed."
    found = by_cue(nlp, text)
    assert found["refused"] == (["to publish the audit"], "The agency")
    assert found["explain"][0] == ["why it was delayed"]


def test_concession_with_its_own_speaker_is_cut_from_the_statement(nlp: Language) -> None:
    text = (
        "The council said the bridge would reopen in June, though the engineer noted "
        "that repairs could take longer."
    )
    found = by_cue(nlp, text)
    assert found["said"] == (["the bridge would reopen in June"], "The council")
    assert found["noted"] == (["that repairs could take longer"], "the engineer")


def test_according_to_keeps_the_clause_before_it_not_the_comment_after(nlp: Language) -> None:
    text = (
        "Farm incomes fell by a third last year, according to the grain-growers' federation, "
        "the steepest drop in a decade."
    )
    assert by_cue(nlp, text)["according to"] == (
        ["Farm incomes fell by a third last year"],
        "the grain-growers' federation",
    )


def test_according_to_after_a_semicolon_takes_only_the_last_clause(nlp: Language) -> None:
    text = "Rain fell for weeks; the river rose, according to the local water board."
    assert by_cue(nlp, text)["according to"][0] == ["the river rose"]


def test_according_to_keeps_an_aside_set_off_by_a_pair_of_dashes(nlp: Language) -> None:
    text = "The harvest was late — and small — according to the growers' union."
    assert by_cue(nlp, text)["according to"][0] == ["The harvest was late — and small"]


def test_according_to_with_a_long_source_does_not_spill_into_the_content(
    nlp: Language,
) -> None:
    text = (
        "According to a lawsuit filed by the port authority on Monday, the shipping firm "
        "dumped fuel in the bay."
    )
    content, speaker = by_cue(nlp, text)["According to"]
    assert content == ["the shipping firm dumped fuel in the bay."]
    assert speaker is not None and speaker.startswith("a lawsuit")


def test_according_to_opening_a_paragraph_does_not_borrow_the_quote_above(
    nlp: Language,
) -> None:
    text = (
        'The ferry will not sail, the captain said. "We wait for the wind to drop."\n\n'
        "According to the harbour office, the storm will pass by Sunday."
    )
    assert by_cue(nlp, text)["According to"][0] == ["the storm will pass by Sunday."]


def test_parenthetical_cue_may_carry_a_word_of_time(nlp: Language) -> None:
    text = "The reason, the judge said later, was that the clerk had lied."
    assert by_cue(nlp, text)["said"] == (
        ["The reason", "was that the clerk had lied"],
        "the judge",
    )


def test_when_it_was_said_is_not_part_of_the_statement(nlp: Language) -> None:
    text = "The port will reopen, officials said on Friday, two days after the storm hit."
    assert by_cue(nlp, text)["said"] == (["The port will reopen"], "officials")


def test_reported_clause_after_a_phrase_is_still_the_content(nlp: Language) -> None:
    # The parser hangs "she would resign" on "said" as an adverbial clause.
    text = "Ms. Ruiz said after the vote she would resign."
    content, speaker = by_cue(nlp, text)["said"]
    assert content[-1].endswith("she would resign")
    assert speaker == "Ms. Ruiz"


def test_verb_with_its_own_object_is_not_the_cue_of_the_quote_after_it(
    nlp: Language,
) -> None:
    assert extract(nlp, 'Some growers still see it that way, "even now."') == []


def test_quote_spelling_out_the_object_keeps_its_cue(nlp: Language) -> None:
    text = 'She wrote the line, "Home at last."'
    assert by_cue(nlp, text)["wrote"] == (['"Home at last."'], "She")


# --- speakers ----------------------------------------------------------------------------


def test_participle_on_the_place_of_saying_belongs_to_who_spoke_there(nlp: Language) -> None:
    text = "The mayor spoke at a briefing announcing that the bridge would close."
    assert by_cue(nlp, text)["announcing"][1] == "The mayor"


def test_participle_on_an_issued_statement_belongs_to_its_issuer(nlp: Language) -> None:
    text = "The council sent a letter calling the fine a disgrace."
    assert by_cue(nlp, text)["calling"] == (["the fine a disgrace"], "The council")


def test_participle_on_a_document_lets_the_document_speak(nlp: Language) -> None:
    text = "In a letter announcing the merger, the bank thanked its staff."
    assert by_cue(nlp, text)["announcing"] == (["the merger"], "a letter")


def test_object_of_the_verb_above_is_the_one_who_feels(nlp: Language) -> None:
    text = "The long drought left many farmers feeling that the state had abandoned them."
    assert by_cue(nlp, text)["feeling"][1] == "many farmers"


def test_participle_shares_a_passive_subject(nlp: Language) -> None:
    text = "After saying the dam was safe, the engineer was rushed to court."
    assert by_cue(nlp, text)["saying"] == (["the dam was safe"], "the engineer")


def test_semicolon_ends_the_statement_even_when_the_parser_runs_on(nlp: Language) -> None:
    text = "Officials said the delay was not deliberate; they learned of the fault on Friday."
    assert by_cue(nlp, text)["said"][0] == ["the delay was not deliberate"]


def test_clause_before_a_colon_is_not_reported_by_the_verb_after_it(nlp: Language) -> None:
    text = "The vote was close: officials said the count would resume."
    assert by_cue(nlp, text)["said"] == (["the count would resume"], "officials")


def test_reported_act_keeps_the_phrase_that_completes_it_not_the_time(nlp: Language) -> None:
    text = "The agency offered grants to small farms on Monday."
    assert by_cue(nlp, text)["offered"][0] == ["grants to small farms"]


def test_reported_act_leaves_out_the_scene_it_happened_in(nlp: Language) -> None:
    text = "The mayor offered help to residents amid the floods."
    assert by_cue(nlp, text)["offered"][0] == ["help to residents"]


def test_whom_something_is_said_to_is_not_what_was_said(nlp: Language) -> None:
    text = "A council spokesman confirmed the closure to the local paper."
    assert by_cue(nlp, text)["confirmed"][0] == ["the closure"]


def test_condition_hung_on_the_verb_of_saying_still_ends_the_statement(nlp: Language) -> None:
    text = 'The union said wages "lag far behind," at least for night shifts at the port.'
    assert by_cue(nlp, text)["said"][0] == [
        'wages "lag far behind," at least for night shifts at the port'
    ]


def test_participle_trailing_a_statement_is_the_reporters_comment(nlp: Language) -> None:
    text = (
        "The coach told fans the club would see it as a betrayal if they booed, "
        "quietly tying her own job to the result."
    )
    assert by_cue(nlp, text)["told"][0] == ["the club would see it as a betrayal if they booed"]


def test_participle_before_the_verb_of_saying_is_part_of_what_was_said(nlp: Language) -> None:
    text = "Floods cut the coastal road overnight, stranding dozens of drivers, police said."
    assert by_cue(nlp, text)["said"][0] == [
        "Floods cut the coastal road overnight, stranding dozens of drivers"
    ]


def test_reporters_caveat_after_a_statement_is_not_part_of_it(nlp: Language) -> None:
    text = "The storm, forecasters said, was the strongest in years, although damage is unclear."
    assert by_cue(nlp, text)["said"][0] == ["The storm", "was the strongest in years"]


def test_statement_introduced_by_other_than_noting_is_its_own(nlp: Language) -> None:
    text = "The coach declined to name a captain, other than noting she prefers a calm leader."
    found = by_cue(nlp, text)
    assert found["declined"][0] == ["to name a captain"]
    assert found["noting"][0] == ["she prefers a calm leader"]
