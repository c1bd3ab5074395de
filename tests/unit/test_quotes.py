"""The quotes extractor on the seed article and on short sentences written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from quote_helpers import extract

from sitroom.extractors.model import Actor, ActorsResult, Quote, Span

if TYPE_CHECKING:
    from spacy.language import Language


def content(text: str, quote: Quote) -> list[str]:
    return [s.text(text) for s in quote.content]


def find(text: str, quotes: list[Quote], words: str) -> Quote:
    """The quote whose content holds `words`."""
    hits = [q for q in quotes if any(words in s.text(text) for s in q.content)]
    assert len(hits) == 1, f"{len(hits)} quotes contain {words!r}"
    return hits[0]


def cue(text: str, quote: Quote) -> str | None:
    return quote.cue.text(text) if quote.cue else None


def spoken_by(text: str, quote: Quote) -> str | None:
    return quote.speaker_span.text(text) if quote.speaker_span else None


# --- the seed ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language, seed_text: str) -> list[Quote]:
    return extract(nlp, seed_text)


def test_seed_blinken_direct_quote_told_euronews(seed_text: str, seed_quotes: list[Quote]) -> None:
    q = find(seed_text, seed_quotes, "We don’t know President Putin’s intent")
    assert (q.kind, q.speaker, cue(seed_text, q)) == ("direct", "Blinken", "told")
    assert content(seed_text, q)[0].startswith("“We don’t know")
    assert content(seed_text, q)[0].endswith("short notice,”")


def test_seed_he_went_on_keeps_blinken_with_the_pronoun_as_local_mention(
    seed_text: str, seed_quotes: list[Quote]
) -> None:
    q = find(seed_text, seed_quotes, "actions have have consequences")
    assert (q.kind, q.speaker, cue(seed_text, q), spoken_by(seed_text, q)) == (
        "direct",
        "Blinken",
        "went on",
        "he",
    )


def test_seed_relayed_biden_statement_is_nested_under_blinken(
    seed_text: str, seed_quotes: list[Quote]
) -> None:
    q = find(seed_text, seed_quotes, "the US wanted a")
    assert q.speaker == "Biden"
    assert q.nested_speaker == "Blinken"
    assert cue(seed_text, q) == "told"
    assert q.kind == "mixed"
    assert "opposite direction" in content(seed_text, q)[-1]
    assert not any("said Blinken" in c for c in content(seed_text, q))


def test_seed_cueless_quote_paragraph_continues_the_relaying_speaker(
    seed_text: str, seed_quotes: list[Quote]
) -> None:
    q = find(seed_text, seed_quotes, "I don’t think that’s good")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Blinken", None)


def test_seed_maas_mixed_statement_and_split_direct_quote(
    seed_text: str, seed_quotes: list[Quote]
) -> None:
    mixed = find(seed_text, seed_quotes, "unmistakable message")
    assert (mixed.kind, mixed.speaker, cue(seed_text, mixed)) == ("mixed", "Heiko Maas", "said")
    assert content(seed_text, mixed)[0].startswith("the NATO ministers will")
    split = find(seed_text, seed_quotes, "pay a high price")
    assert (split.kind, split.speaker) == ("direct", "Maas")
    pieces = content(seed_text, split)
    assert len(pieces) == 2
    assert pieces[1].startswith("“Honest and sustainable")


def test_seed_according_to_the_report_attributes_the_quote_to_the_document(
    seed_text: str, seed_quotes: list[Quote]
) -> None:
    q = find(seed_text, seed_quotes, "The plans involve")
    assert (q.kind, q.speaker, cue(seed_text, q)) == ("direct", "the U.S. report", "according to")
    relayed = find(seed_text, seed_quotes, "about half of those units")
    assert (relayed.kind, relayed.speaker, spoken_by(seed_text, relayed)) == (
        "indirect",
        "the U.S. report",
        "which",
    )


def test_seed_kosachev_quote_and_reported_denial(seed_text: str, seed_quotes: list[Quote]) -> None:
    direct = find(seed_text, seed_quotes, "We don’t have any plans to attack Ukraine")
    assert (direct.kind, direct.speaker, cue(seed_text, direct)) == ("direct", "Kosachev", "told")
    # The stray closing mark after "Russia-24." does not open or extend anything.
    assert content(seed_text, direct)[0].endswith("offensive,”")
    denial = find(seed_text, seed_quotes, "it was pondering an attack")
    assert (denial.kind, denial.speaker, cue(seed_text, denial)) == (
        "indirect",
        "Konstantin Kosachev",
        "reaffirmed",
    )


def test_seed_ushakov_told_reporters_that(seed_text: str, seed_quotes: list[Quote]) -> None:
    q = find(seed_text, seed_quotes, "arrangements have been made")
    assert (q.kind, q.speaker, cue(seed_text, q)) == ("indirect", "Yuri Ushakov", "told")
    assert content(seed_text, q) == [
        "that arrangements have been made for a Putin-Biden call in the coming days"
    ]


def test_seed_anonymous_official_confirmation(seed_text: str, seed_quotes: list[Quote]) -> None:
    q = next(q for q in seed_quotes if cue(seed_text, q) == "confirmed")
    assert q.speaker == "A Biden administration official"
    assert content(seed_text, q) == ["it"]


def test_seed_quotes_are_in_article_order_without_actors(seed_quotes: list[Quote]) -> None:
    assert [q.order for q in seed_quotes] == list(range(len(seed_quotes)))
    assert [q.extent.start for q in seed_quotes] == sorted(q.extent.start for q in seed_quotes)
    assert all(q.speaker_id is None for q in seed_quotes)


# --- hard cases on sentences written for these tests -----------------------------------


def test_split_quote_is_one_attribution_with_two_pieces(nlp: Language) -> None:
    text = '"We will not back down," the minister said. "Our borders are closed."'
    (q,) = extract(nlp, text)
    assert content(text, q) == ['"We will not back down,"', '"Our borders are closed."']
    assert (q.kind, q.speaker, cue(text, q)) == ("direct", "the minister", "said")


def test_doubled_apostrophes_work_as_quotation_marks(nlp: Language) -> None:
    text = "''The talks have failed,'' Mr. Okafor said on Tuesday."
    (q,) = extract(nlp, text)
    assert content(text, q) == ["''The talks have failed,''"]
    assert (q.kind, spoken_by(text, q)) == ("direct", "Mr. Okafor")


def test_inverted_cue_names_the_speaker_after_the_verb(nlp: Language) -> None:
    text = "“The border is calm,” said Colonel Petrov, the regional commander."
    (q,) = extract(nlp, text)
    assert (q.kind, q.speaker, cue(text, q)) == ("direct", "Petrov", "said")
    assert spoken_by(text, q) == "Colonel Petrov"


def test_colon_introduces_a_direct_quote(nlp: Language) -> None:
    text = 'Ms. Lindqvist said: "We are ready to talk."'
    (q,) = extract(nlp, text)
    assert (q.kind, content(text, q)) == ("direct", ['"We are ready to talk."'])


@pytest.mark.parametrize(
    ("text", "speaker", "cue_text", "said"),
    [
        (
            "The foreign minister told reporters on Monday that the embassy would close.",
            "The foreign minister",
            "told",
            "that the embassy would close",
        ),
        (
            "Prices will rise next year, according to the central bank.",
            "the central bank",
            "according to",
            "Prices will rise next year",
        ),
        (
            "The general warned Belarus to withdraw its troops.",
            "The general",
            "warned",
            "Belarus to withdraw its troops",
        ),
        (
            "The ministry denied that any soldiers had crossed the border.",
            "The ministry",
            "denied",
            "that any soldiers had crossed the border",
        ),
        (
            "She added that the talks would resume in May.",
            "She",
            "added",
            "that the talks would resume in May",
        ),
    ],
)
def test_indirect_speech_patterns(
    nlp: Language, text: str, speaker: str, cue_text: str, said: str
) -> None:
    (q,) = extract(nlp, text)
    assert (q.kind, spoken_by(text, q), cue(text, q), content(text, q)) == (
        "indirect",
        speaker,
        cue_text,
        [said],
    )


def test_parenthetical_cue_leaves_itself_out_of_the_content(nlp: Language) -> None:
    text = "The deal, the envoy said, would create thousands of jobs."
    (q,) = extract(nlp, text)
    assert content(text, q) == ["The deal", "would create thousands of jobs"]
    assert (spoken_by(text, q), cue(text, q)) == ("the envoy", "said")


def test_pronoun_speaker_without_actors_is_the_person_named_before(nlp: Language) -> None:
    text = "Minister Ana Duarte met the envoy on Monday. She said the border would reopen."
    (q,) = extract(nlp, text)
    assert (spoken_by(text, q), q.speaker, q.speaker_id) == ("She", "Ana Duarte", None)


def test_speaker_is_linked_to_the_actor_owning_the_mention(nlp: Language) -> None:
    text = "Putin’s adviser Yuri Ushakov told reporters that a call was planned."
    ushakov = text.index("Yuri Ushakov")
    putin = text.index("Putin")
    actors = ActorsResult(
        (
            Actor("putin", "Vladimir Putin", "person", mentions=(Span(putin, putin + 5),)),
            Actor("ushakov", "Yuri Ushakov", "person", mentions=(Span(ushakov, ushakov + 12),)),
        )
    )
    (q,) = extract(nlp, text, actors)
    assert (q.speaker, q.speaker_id) == ("Yuri Ushakov", "ushakov")
    assert spoken_by(text, q) == "Putin’s adviser Yuri Ushakov"


def test_cues_inside_quotes_are_not_attributions(nlp: Language) -> None:
    text = "“I think they know we are serious,” the senator said."
    (q,) = extract(nlp, text)
    assert (q.kind, q.speaker) == ("direct", "the senator")


def test_transcript_labels_name_the_speakers(nlp: Language) -> None:
    text = "HOST: Will the ferry run tomorrow?\nOKONJO: It will not sail before the storm passes."
    quotes = extract(nlp, text)
    assert [(spoken_by(text, q), content(text, q)) for q in quotes] == [
        ("HOST", ["Will the ferry run tomorrow?"]),
        ("OKONJO", ["It will not sail before the storm passes."]),
    ]


def test_headline_label_names_the_source_but_a_note_does_not(nlp: Language) -> None:
    text = "Survey: Most farmers expect a dry summer\n\nThe survey ran in May."
    (q,) = extract(nlp, text)
    assert (spoken_by(text, q), content(text, q)) == (
        "Survey",
        ["Most farmers expect a dry summer"],
    )
    assert extract(nlp, "Note: This story has been updated.") == []


def test_dash_after_a_quote_credits_the_name(nlp: Language) -> None:
    text = "“The new bridge changed my commute.”― Ines Varga\n“I miss the old ferry.” ― Tomas Reel"
    quotes = extract(nlp, text)
    assert [(q.kind, q.speaker, cue(text, q)) for q in quotes] == [
        ("direct", "Ines Varga", "―"),
        ("direct", "Tomas Reel", "―"),
    ]


def test_quote_resumes_after_a_long_speaker_description(nlp: Language) -> None:
    text = (
        '"The harvest came early," said Mira Holt, a grower near the lake who has kept bees '
        'there since her twenties. "We had honey by June."'
    )
    (q,) = extract(nlp, text)
    assert len(q.content) == 2 and q.speaker == "Mira Holt"


def test_quote_resumes_after_a_sentence_that_reports_nothing(nlp: Language) -> None:
    text = (
        '"The roof leaked for a week," the caretaker said before the inspection. She did not '
        'smile. "We fixed it ourselves."'
    )
    (q,) = extract(nlp, text)
    assert content(text, q)[1] == '"We fixed it ourselves."'


def test_quoted_sentence_continues_a_mixed_statement(nlp: Language) -> None:
    text = 'The repairs took "far too long," she added. "Next year we start in March."'
    (q,) = extract(nlp, text)
    assert q.kind == "mixed"
    assert content(text, q) == [
        'The repairs took "far too long,"',
        '"Next year we start in March."',
    ]


def test_quoted_title_is_not_a_quote(nlp: Language) -> None:
    text = 'The mayor appeared on the program "Morning in Town," her spokesman said.'
    (q,) = extract(nlp, text)
    assert (q.kind, spoken_by(text, q)) == ("mixed", "her spokesman")
    assert content(text, q)[0].startswith("The mayor appeared")


def test_scene_setting_before_a_parenthetical_is_not_content(nlp: Language) -> None:
    text = "Over the winter, the engineer said, the old pumps failed twice."
    (q,) = extract(nlp, text)
    assert content(text, q) == ["the old pumps failed twice"]


def test_naming_frame_reports_the_label(nlp: Language) -> None:
    text = 'The senator called the plan a "disaster" for farmers.'
    (q,) = extract(nlp, text)
    assert (q.kind, cue(text, q), content(text, q)) == (
        "mixed",
        "called",
        ['the plan a "disaster" for farmers'],
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n\n ",
        '"',
        "“”",
        '""""',
        "said",
        ":",
        "A: B",
        "“A,” ― ",
        "— said",
        "“Hi,” he said, “",
        "according to",
    ],
)
def test_odd_inputs_give_valid_quotes_or_none(nlp: Language, text: str) -> None:
    for q in extract(nlp, text):
        assert q.content and all(0 <= s.start < s.end <= len(text) for s in q.content)
        assert q.kind in ("direct", "indirect", "mixed")


def test_a_question_is_not_an_attribution_but_a_relative_who_is(nlp: Language) -> None:
    assert extract(nlp, "But who knows what excuse they will have this time.") == []
    text = "Ortega, who said the deal was bad, left early."
    (q,) = extract(nlp, text)
    assert (q.speaker, spoken_by(text, q), content(text, q)) == (
        "Ortega",
        "who",
        ["the deal was bad"],
    )
