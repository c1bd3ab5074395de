"""The dashboard's pure parts: themes, remembering the theme, wrapping, highlights, keys."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from textual.content import Content

from sitroom.extractors.config import config_from_text, parse_config
from sitroom.extractors.errors import ConfigError
from sitroom.extractors.model import Span
from sitroom.extractors.yamlfile import parse_yaml, read_yaml
from sitroom.tui.bindings import check_key
from sitroom.tui.highlight import Layer, pieces
from sitroom.tui.panes.quotes import Row, row_prompt
from sitroom.tui.screens.help import help_content
from sitroom.tui.snippets import sentence_around, snippet
from sitroom.tui.themes import bundled_theme_files, load_themes, theme_from_yaml
from sitroom.tui.user_config import remember_theme, with_theme
from sitroom.tui.wrap import wrap


def test_the_bundled_themes_load_dark_light_and_contrast_first(tmp_path: Path) -> None:
    themes = load_themes(tmp_path)
    assert themes.names[:3] == ["sitroom-dark", "sitroom-light", "sitroom-contrast"]
    assert not themes.errors
    assert len(bundled_theme_files()) >= 3
    for theme in themes.themes:
        assert {f"sr-threat-{level}" for level in range(5)} <= set(theme.variables)
        assert {"sr-actor", "sr-quote", "sr-evidence"} <= set(theme.variables)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("name: x\ncolors: {primary: 12}\n", "2:19", "a colour must be a string"),
        ("name: x\ncolors:\n  primry: '#fff'\n", "3:3", "did you mean 'primary'"),
        ("name: x\n", "1:1", "needs at least `primary`"),
        ("name: x\ncolors: {primary: '#fff'}\nthreat: ['#fff']\n", "3:9", "must list 5 colours"),
        ("colors: {primary: '#fff'}\n", "1:1", "`name` must be"),
    ],
)
def test_a_bad_theme_file_names_its_line_and_column(
    tmp_path: Path, text: str, where: str, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        theme_from_yaml(read_yaml(path))
    assert str(caught.value).startswith(f"{path}:{where}: ")
    assert words in str(caught.value)


def test_with_theme_changes_only_the_theme_value() -> None:
    text = "# mine\nversion: 1\ntheme: sitroom-dark   # dark at night\nkeymap: {}\n"
    assert with_theme(text, "sitroom-light") == (
        "# mine\nversion: 1\ntheme: sitroom-light   # dark at night\nkeymap: {}\n"
    )
    assert with_theme("version: 1\n", "x") == "version: 1\ntheme: x\n"
    assert with_theme("version: 1\ntheme:\n", "x") == "version: 1\ntheme: x\n"
    assert with_theme("theme: a\n", "needs: quotes") == "theme: 'needs: quotes'\n"


def test_remember_theme_creates_the_user_config_from_the_bundled_default(tmp_path: Path) -> None:
    from sitroom.extractors.config import bundled_path, load_config, user_config_path

    config = load_config(None)
    assert config.is_bundled
    target = remember_theme(config, "sitroom-contrast")
    assert target == user_config_path()
    bundled = Path(bundled_path()).read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == bundled.replace(
        "theme: sitroom-dark", "theme: sitroom-contrast"
    )
    assert parse_config(parse_yaml(target.read_text(encoding="utf-8"), str(target))).theme == (
        "sitroom-contrast"
    )


def test_remember_theme_refuses_a_flow_style_config_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text("{version: 1}\n", encoding="utf-8")
    config = config_from_text("{version: 1}\n", str(path))
    with pytest.raises(ConfigError):
        remember_theme(config, "sitroom-light")
    assert path.read_text(encoding="utf-8") == "{version: 1}\n"


@pytest.mark.parametrize("width", [10, 23, 60])
def test_wrapped_lines_fit_and_cover_every_word(width: int) -> None:
    text = (
        "Ministers met in Brussels on Monday.\n\nA deliberatelyoverlongwordwithoutanyspaces "
        "follows, then “quoted words” and 東京 with wide characters, then the end."
    )
    lines = wrap(text, width)
    from rich.cells import cell_len

    assert all(cell_len(text[s:e]) <= width for s, e in lines)
    assert " ".join(text[s:e] for s, e in lines).split() == text.split() or all(
        word in "".join(text[s:e] for s, e in lines) for word in text.split()
    )
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "").replace(
        "\n", ""
    )


def test_a_100k_word_text_wraps_into_lines_that_fit_and_keep_every_word() -> None:
    # how fast: benchmarks/bench_dashboard.py (a 100,000-word article never stalls the UI)
    paragraph = "The delegation arrived late and the talks began at once. " * 10
    text = (paragraph.rstrip() + "\n\n") * 1000
    assert len(text.split()) >= 100_000
    lines = wrap(text, 70)
    assert all(end - start <= 70 for start, end in lines)
    assert [w for s, e in lines for w in text[s:e].split()] == text.split()
    assert lines == sorted(lines) and all(a[1] <= b[0] for a, b in pairwise(lines))
    # each paragraph, the blank line after it, and the empty line after the final newline
    assert len(lines) == 1000 * (len(wrap(paragraph.rstrip(), 70)) + 1) + 1


def test_pieces_cut_a_line_where_highlights_start_and_stop() -> None:
    layers = {"actor": Layer([(2, 5), (8, 9)]), "quote": Layer([(4, 12)])}
    assert pieces(0, 10, layers) == [
        (0, 2, ()),
        (2, 4, ("actor",)),
        (4, 5, ("quote", "actor")),
        (5, 8, ("quote",)),
        (8, 9, ("quote", "actor")),
        (9, 10, ("quote",)),
    ]
    assert Layer([(5, 9), (1, 3), (2, 6)]).starts == [1]


@pytest.mark.parametrize(
    ("key", "ok"),
    [
        ("ctrl+n", True),
        ("]", True),
        ("f5", True),
        ("question_mark", True),
        ("ctrl+pagedown", True),
        ("shift+tab", True),
        ("ctrl+pgdwn", False),
        ("hyperspace+x", False),
        ("", False),
    ],
)
def test_check_key_knows_textual_key_names(key: str, ok: bool) -> None:
    assert (check_key(key) is None) is ok


def _span_of(text: str, words: str, after: str = "") -> Span:
    start = text.index(words, text.index(after) if after else 0)
    return Span(start, start + len(words))


def _marked(content: Content) -> list[str]:
    """The pieces of `content` drawn in bold (the emphasised trigger)."""
    plain = content.plain
    return [plain[s.start : s.end] for s in content.spans if "bold" in str(s.style)]


def test_a_trigger_word_is_shown_in_its_sentence_with_the_word_emphasised() -> None:
    text = (
        "Talks stalled on Monday. Officials say the army is mobilizing troops along the "
        "border. Nobody expects a deal soon."
    )
    shown = snippet(text, _span_of(text, "mobilizing"), 60, style="italic", mark="bold")
    assert shown.plain == ("Officials say the army is mobilizing troops along the\nborder.")
    assert _marked(shown) == ["mobilizing"]


def test_abbreviations_and_initials_do_not_end_the_sentence() -> None:
    text = "Sec. Smith and the U.N. have warned the government to back off. Then nothing."
    sentence = sentence_around(text, _span_of(text, "warned"))
    assert text[sentence.start : sentence.end] == (
        "Sec. Smith and the U.N. have warned the government to back off."
    )
    headline = "Envoys Warned As Ministers Meet\n\nThe body starts here."
    line = sentence_around(headline, _span_of(headline, "Warned"))
    assert headline[line.start : line.end] == "Envoys Warned As Ministers Meet"


@pytest.mark.parametrize("width", [20, 36, 60])
def test_a_long_sentence_is_clipped_around_the_trigger_and_fits_the_width(width: int) -> None:
    words = " ".join(f"word{i}" for i in range(60))
    text = f"{words} the convoy was shelled near the river crossing {words}."
    span = _span_of(text, "shelled")
    shown = snippet(text, span, width, lines=2)
    lines = shown.plain.split("\n")
    assert len(lines) <= 2 and all(len(line) <= width for line in lines)
    assert "shelled" in shown.plain and _marked(snippet(text, span, width, mark="bold")) == [
        "shelled"
    ]
    assert shown.plain.startswith("…") and shown.plain.endswith("…")
    assert all(piece in words.split() or piece.strip("…") in text for piece in shown.plain.split())


def test_help_descriptions_wrap_under_themselves_within_the_box() -> None:
    text = help_content({}, lambda binding: binding.key, width=60).plain
    lines = text.splitlines()
    assert all(len(line) <= 60 for line in lines)
    # a long description goes on under its own first word, never back at the left edge
    at = next(i for i, line in enumerate(lines) if "next_mention" in line)
    first = lines[at]
    assert lines[at + 1].startswith(" " * first.index("Next mention"))


def test_an_event_with_no_actor_has_no_empty_speaker_gap_in_the_quotes_pane() -> None:
    row = Row(when="#28", speaker="", kind="event", text="troops left", cue="", spans=(), order=0)
    head = row_prompt(row, 60).plain.splitlines()[0]
    assert head.split() == ["#28", "event"]
    assert "  event" not in head
