"""The pipeline: one Doc shared by all extractors, every plugin failure contained."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.extractors.config import config_from_text, load_config
from sitroom.extractors.model import ActorsResult, Article
from sitroom.extractors.pipeline import Pipeline

CONFIGS = Path(__file__).resolve().parent.parent / "data" / "configs"


@pytest.fixture
def plugin_pipeline(test_plugins: Path) -> Pipeline:
    return Pipeline(load_config(str(CONFIGS / "good_plugins.yaml")))


def test_failing_plugins_are_contained_and_the_others_still_run(
    plugin_pipeline: Pipeline, seed_text: str
) -> None:
    analysis = plugin_pipeline.analyze(Article(text=seed_text, path="seed.txt"))
    assert set(analysis.results) == {"entity_actors", "count_tokens", "needs_count"}
    assert analysis.errors["raises"] == "RuntimeError: plugin blew up on purpose"
    assert analysis.errors["wrong_type"].startswith(
        "TypeError: returned a object, which cannot be stored as JSON"
    )
    assert analysis.errors["needs_raises"] == "skipped: needs 'raises' failed"
    assert analysis.results["needs_count"] == {
        "tokens_again": analysis.results["count_tokens"]["tokens"]
    }
    actors = analysis.find(ActorsResult)
    assert actors is not None and "Russia" in [a.name for a in actors.actors]


def test_options_from_the_config_reach_the_plugin(plugin_pipeline: Pipeline) -> None:
    stage = plugin_pipeline.stages[0]
    assert stage.instance.options.labels == ("GPE", "PERSON")


def test_disabled_extractors_are_not_imported_or_run(plugin_pipeline: Pipeline) -> None:
    assert "hangs" not in [stage.name for stage in plugin_pipeline.stages]


def test_a_hung_extractor_is_abandoned_after_its_timeout(test_plugins: Path) -> None:
    config = config_from_text(
        "extractors:\n  - use: sitroom_testplugins:Hangs\n"
        "  - use: sitroom_testplugins:CountTokens\n"
    )
    pipeline = Pipeline(config)
    analysis = pipeline.analyze(Article(text="Russia massed troops near the border."))
    assert analysis.errors == {"hangs": "timed out after 0.5 s"}
    assert analysis.results["count_tokens"]["tokens"] == 7
    # the pipeline stays usable after abandoning the hung thread
    again = pipeline.analyze(Article(text="Talks resumed in Geneva."))
    assert again.results["count_tokens"]["tokens"] == 5


def test_a_config_timeout_overrides_the_extractor_default(test_plugins: Path) -> None:
    config = config_from_text("extractors:\n  - use: sitroom_testplugins:Hangs\n    timeout: 0.2\n")
    analysis = Pipeline(config).analyze(Article(text="Nothing happened."))
    assert analysis.errors == {"hangs": "timed out after 0.2 s"}


def test_a_required_extractor_that_is_absent_skips_the_dependent_one(test_plugins: Path) -> None:
    config = config_from_text("extractors:\n  - use: sitroom_testplugins:NeedsCount\n")
    analysis = Pipeline(config).analyze(Article(text="A short text."))
    assert analysis.errors == {
        "needs_count": "skipped: needs 'count_tokens' is not enabled before it"
    }


def test_the_config_hash_changes_with_options_but_not_with_formatting(test_plugins: Path) -> None:
    base = "extractors:\n  - use: sitroom_testplugins:EntityActors\n"
    a = Pipeline(config_from_text(base + "    options: {labels: [GPE]}\n"))
    b = Pipeline(config_from_text(base + "    options:\n      labels:\n        - GPE\n"))
    c = Pipeline(config_from_text(base + "    options: {labels: [PERSON]}\n"))
    assert a.config_hash == b.config_hash != c.config_hash


def test_texts_longer_than_spacys_limit_are_parsed_in_pieces_with_offsets_intact(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitroom.extractors.nlp import parse

    paragraph = "Russia moved troops to the border. Ukraine asked NATO for help.\n\n"
    text = paragraph * 40
    saved = nlp.max_length
    nlp.max_length = 1000
    try:
        doc = parse(nlp, text)
    finally:
        nlp.max_length = saved
    assert doc.text == text
    russia = [ent for ent in doc.ents if ent.text == "Russia"]
    assert len(russia) == 40
    assert all(text[e.start_char : e.end_char] == "Russia" for e in russia)


def test_analyze_many_streams_every_article_through_nlp_pipe(plugin_pipeline: Pipeline) -> None:
    articles = [
        Article(text=f"Talks number {i} were held in Geneva.", path=f"a{i}.txt") for i in range(5)
    ]
    out = list(plugin_pipeline.analyze_many(iter(articles), batch_size=2))
    assert [a.path for a, _ in out] == [a.path for a in articles]
    assert all(analysis.article_id == article.id for article, analysis in out)


def test_two_worker_processes_give_the_same_analyses_as_one(plugin_pipeline: Pipeline) -> None:
    samples = Path(__file__).resolve().parents[2] / "extractors" / "samples"
    from sitroom.extractors.loaders import load_paths

    articles = [a for a in load_paths([str(samples)]) if isinstance(a, Article)]
    one = list(plugin_pipeline.analyze_many(articles, batch_size=2, n_process=1))
    two = list(plugin_pipeline.analyze_many(articles, batch_size=2, n_process=2))
    strip = lambda pairs: [(a.id, dict(r.results), dict(r.errors)) for a, r in pairs]  # noqa: E731
    assert strip(one) == strip(two)
    assert strip(one)[0] == strip([(articles[0], plugin_pipeline.analyze(articles[0]))])[0]


def test_an_over_long_article_in_a_batch_is_analysed_in_pieces(plugin_pipeline: Pipeline) -> None:
    long_text = "Russia moved troops. Ukraine asked NATO for help.\n\n" * 50
    articles = [Article(text="Talks in Geneva.", path="a"), Article(text=long_text, path="b")]
    batch_nlp_limit = 500
    list(plugin_pipeline.analyze_many(articles[:1]))  # builds the batch model
    assert plugin_pipeline._batch_nlp is not None
    plugin_pipeline._batch_nlp.max_length = batch_nlp_limit
    plugin_pipeline.nlp.max_length = batch_nlp_limit
    try:
        out = list(plugin_pipeline.analyze_many(articles))
    finally:
        plugin_pipeline._batch_nlp.max_length = plugin_pipeline.nlp.max_length = 1_000_000
    assert [a.path for a, _ in out] == ["a", "b"]
    actors = out[1][1].find(ActorsResult)
    assert actors is not None
    russia = next(a for a in actors.actors if a.name == "Russia")
    assert len(russia.mentions) == 50


def test_a_slow_extractor_is_kept_but_reported_with_its_time(test_plugins: Path) -> None:
    config = config_from_text("extractors:\n  - use: sitroom_testplugins:Slow\n")
    analysis = Pipeline(config).analyze(Article(text="Talks went on."))
    assert analysis.results["slow"] == {"done": True}
    assert analysis.warnings["slow"].startswith("slow: took 0.")


def test_a_result_that_would_not_read_back_from_json_is_an_error(test_plugins: Path) -> None:
    config = config_from_text("extractors:\n  - use: sitroom_testplugins:NotANumber\n")
    analysis = Pipeline(config).analyze(Article(text="Talks went on."))
    assert analysis.results == {}
    assert analysis.errors["not_a_number"].startswith("TypeError: returned a Threat")


def test_a_long_analysis_reports_its_progress_up_to_done(plugin_pipeline: Pipeline) -> None:
    text = "Russia moved troops. Ukraine asked NATO for help.\n\n" * 60
    heard: list[tuple[float, str]] = []
    nlp = plugin_pipeline.nlp
    nlp.max_length = 600  # pieces of 600 characters, as a long article gets 50,000
    try:
        analysis = plugin_pipeline.analyze(
            Article(text=text), progress=lambda f, s: heard.append((f, s))
        )
    finally:
        nlp.max_length = 1_000_000
    fractions = [f for f, _ in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [s for _, s in heard].count("parsing") == 6
    assert [s for _, s in heard if s != "parsing"] == [
        stage.name for stage in plugin_pipeline.stages
    ]
    assert "entity_actors" in analysis.results
