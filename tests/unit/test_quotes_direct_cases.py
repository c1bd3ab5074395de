"""Direct quotations in shapes news copy often takes, on sentences written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quote_helpers import extract

from sitroom.extractors.model import Quote

if TYPE_CHECKING:
    from spacy.language import Language


def described(text: str, quotes: list[Quote]) -> list[tuple[list[str], str | None, str | None]]:
    """(content pieces, local speaker, speaker name) of each quote, in order."""
    return [
        (
            [s.text(text) for s in q.content],
            q.speaker_span.text(text) if q.speaker_span else None,
            q.speaker,
        )
        for q in quotes
    ]


def test_quoted_nickname_inside_the_speakers_name_does_not_hide_the_cue(nlp: Language) -> None:
    text = '"Count every vote!" council member Jo "JJ" Baker (R-Hill Ward) told supporters.'
    [(content, _, name)] = described(text, extract(nlp, text))
    assert content == ['"Count every vote!"']
    assert name is not None and name.endswith("Baker")


def test_clause_ending_in_a_colon_introduces_the_quoted_paragraph(nlp: Language) -> None:
    text = 'Okafor made one promise to the crowd:\n\n"The schools will open on time."'
    assert described(text, extract(nlp, text)) == [
        (['"The schools will open on time."'], "Okafor", "Okafor")
    ]


def test_colon_after_a_clause_that_says_nothing_attributes_nothing(nlp: Language) -> None:
    assert extract(nlp, 'Here is the text:\n\n"We agree."') == []


def test_aside_introducing_a_quote_in_its_sentence_starts_a_new_statement(
    nlp: Language,
) -> None:
    text = '"We must do better," Ruiz said, adding, "The bridge should never have failed."'
    quotes = extract(nlp, text)
    assert [c for c, _, _ in described(text, quotes)] == [
        ['"We must do better,"'],
        ['"The bridge should never have failed."'],
    ]
    assert quotes[1].cue is not None and quotes[1].cue.text(text) == "adding"


def test_aside_ending_its_sentence_lets_the_quote_go_on(nlp: Language) -> None:
    text = '"We must do better," Ruiz said, laughing. "Next year will be different."'
    [(content, speaker, _)] = described(text, extract(nlp, text))
    assert content == ['"We must do better,"', '"Next year will be different."']
    assert speaker == "Ruiz"


def test_reader_comment_opened_with_a_closing_mark_is_credited_after_the_dash(
    nlp: Language,
) -> None:
    text = "Readers wrote in.\n\n”The bus never came. We waited an hour.” ― Ana Ruiz, Leeds"
    [(content, _, name)] = described(text, extract(nlp, text))
    assert content == ["”The bus never came. We waited an hour.”"]
    assert name is not None and "Ruiz" in name


def test_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next(nlp: Language) -> None:
    text = (
        '"The river rose faster than any model predicted, and the levee gave way," '
        'the engineer said. "We had no warning at all.\n\n'
        '"Next spring we will rebuild it higher and wider than before."'
    )
    [(content, speaker, _)] = described(text, extract(nlp, text))
    assert len(content) == 3
    assert content[-1].startswith('"Next spring')
    assert speaker == "the engineer"


def test_closed_quotation_then_a_quoted_paragraph_is_a_continuation(nlp: Language) -> None:
    text = (
        '"The river rose faster than any model predicted," the engineer said.\n\n'
        '"Next spring we will rebuild it higher and wider than before."'
    )
    quotes = extract(nlp, text)
    assert [q.cue is None for q in quotes] == [False, True]
    assert [q.speaker_span.text(text) if q.speaker_span else None for q in quotes] == [
        "the engineer",
        "the engineer",
    ]
