"""The built-in `actors` extractor on the seed article and on short texts that isolate one
behaviour each. Real spaCy pipeline, real bundled gazetteer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitroom.extractors.builtin.actors import ActorsExtractor
from sitroom.extractors.model import Actor, ActorsResult, Article, Results

if TYPE_CHECKING:
    from spacy.language import Language

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "extractors" / "samples"
REQUIRED = {
    # name: (kind, title, affiliation)
    "United States": ("country", None, None),
    "Russia": ("country", None, None),
    "Ukraine": ("country", None, None),
    "NATO": ("igo", None, None),
    "OSCE": ("igo", None, None),
    "United Nations": ("igo", None, None),
    "Antony Blinken": ("person", "Secretary of State", "United States"),
    "Vladimir Putin": ("person", "President", "Russia"),
    "Joe Biden": ("person", "President", "United States"),
    "Sergei Lavrov": ("person", "Foreign Minister", "Russia"),
    "Heiko Maas": ("person", "Foreign Minister", "Germany"),
    "Konstantin Kosachev": ("person", "deputy speaker of the upper house of parliament", None),
    "Yuri Ushakov": ("person", "foreign affairs adviser", "Russia"),
    "Euronews": ("media", None, None),
    "Russia-24": ("media", None, None),
    "The Washington Post": ("media", None, None),
    "The Associated Press": ("media", None, None),
}
OPTIONAL = {"China", "Germany", "Western officials"}
PRONOUNS = {"he", "him", "his", "she", "her", "they", "it", "we", "i"}


def run(nlp: Language, text: str, extractor: ActorsExtractor | None = None) -> ActorsResult:
    extractor = extractor or ActorsExtractor()
    return extractor.run(nlp(text), Article(text=text, path="test.txt"), Results())


def by_name(result: ActorsResult) -> dict[str, Actor]:
    return {actor.name: actor for actor in result.actors}


@pytest.fixture(scope="module")
def seed(nlp: Language, seed_text: str) -> ActorsResult:
    return run(nlp, seed_text)


def test_seed_lists_exactly_the_real_actors(seed: ActorsResult) -> None:
    names = set(by_name(seed))
    assert set(REQUIRED) <= names, f"missing: {set(REQUIRED) - names}"
    assert names - set(REQUIRED) <= OPTIONAL, f"unexpected: {names - set(REQUIRED)}"


def test_seed_actors_appear_once_each_with_unique_ids(seed: ActorsResult) -> None:
    names = [a.name for a in seed.actors]
    ids = [a.id for a in seed.actors]
    assert len(names) == len(set(names))
    assert len(ids) == len(set(ids))
    assert seed.by_id("united-states") is not None
    assert seed.by_id("antony-blinken") is not None


def test_seed_kinds_titles_and_affiliations(seed: ActorsResult) -> None:
    actors = by_name(seed)
    for name, (kind, title, affiliation) in REQUIRED.items():
        actor = actors[name]
        assert (actor.kind, actor.title, actor.affiliation) == (kind, title, affiliation), name


def test_country_variants_and_government_seats_fold_into_one_country(seed: ActorsResult) -> None:
    actors = by_name(seed)
    assert {"US", "U.S.", "United States", "Washington"} <= set(actors["United States"].aliases)
    assert "Moscow" in actors["Russia"].aliases


def test_surname_and_title_forms_fold_into_the_full_name(seed: ActorsResult) -> None:
    actors = by_name(seed)
    assert set(actors["Antony Blinken"].aliases) == {"Antony Blinken", "Blinken"}
    assert "Biden" in actors["Joe Biden"].aliases  # "President Biden" -> Joe Biden (gazetteer)
    assert "Putin" in actors["Vladimir Putin"].aliases


def test_headline_case_abbreviations_and_pronouns_never_become_actors(
    seed: ActorsResult,
) -> None:
    for actor in seed.actors:
        words = actor.name.lower().split()
        assert "tells" not in words and "sec" not in words, actor.name
        assert actor.name.lower() not in PRONOUNS
        assert not any(ch.isdigit() for ch in actor.name.replace("Russia-24", ""))


def test_headline_surname_counts_as_a_mention(seed: ActorsResult, seed_text: str) -> None:
    blinken = by_name(seed)["Antony Blinken"]
    assert blinken.mentions[0].start == 0
    assert blinken.mentions[0].text(seed_text) == "Blinken"


def test_every_mention_indexes_the_article_text(seed: ActorsResult, seed_text: str) -> None:
    for actor in seed.actors:
        assert actor.mentions, actor.name
        assert list(actor.mentions) == sorted(actor.mentions)
        for span in actor.mentions:
            text = span.text(seed_text)
            assert (
                text.split()[-1].lower() in PRONOUNS
                or text in actor.aliases
                or (text.lower().startswith("the "))
            ), (actor.name, text)


def test_actors_are_ordered_by_salience(seed: ActorsResult) -> None:
    scores = [a.salience for a in seed.actors]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0
    top = [a.name for a in seed.actors[:3]]
    assert "Russia" in top and "Antony Blinken" in top


def test_pronoun_with_a_clear_antecedent_is_a_mention(seed: ActorsResult, seed_text: str) -> None:
    blinken = by_name(seed)["Antony Blinken"]
    where = seed_text.index("where he warned") + len("where ")
    assert any(m.start == where and m.text(seed_text) == "he" for m in blinken.mentions)
    putin = by_name(seed)["Vladimir Putin"]
    made = seed_text.index("he’s made a decision")
    assert any(m.start == made for m in putin.mentions)


def test_definite_title_refers_back_to_the_one_person_with_that_title(nlp: Language) -> None:
    text = (
        "German Foreign Minister Heiko Maas arrived in Paris on Monday for talks. "
        "The minister said the talks would continue."
    )
    maas = by_name(run(nlp, text))["Heiko Maas"]
    assert [m.text(text) for m in maas.mentions] == ["Heiko Maas", "The minister"]


def test_ambiguous_pronoun_is_left_unresolved(nlp: Language) -> None:
    text = "Heiko Maas met Sergei Lavrov in Berlin. Reporters said that they liked him."
    actors = by_name(run(nlp, text))
    mentions = [m.text(text) for a in actors.values() for m in a.mentions]
    assert "him" not in mentions


def test_capital_as_place_is_not_a_government_mention(nlp: Language) -> None:
    text = "Talks were held in Moscow on Friday. Russia said it wanted peace."
    russia = by_name(run(nlp, text))["Russia"]
    assert russia.aliases == ("Russia",)


def test_capital_and_seat_as_actor_are_the_country(nlp: Language) -> None:
    text = "Moscow rejected the plan, and the Kremlin said it would respond."
    russia = by_name(run(nlp, text))["Russia"]
    assert set(russia.aliases) == {"Moscow", "Kremlin"}


def test_demonym_counts_only_when_it_stands_for_the_state(nlp: Language) -> None:
    text = "Troops gathered along the Ukrainian border. The Russian government denied it."
    actors = by_name(run(nlp, text))
    assert "Ukraine" not in actors
    assert actors["Russia"].aliases == ("Russian government",)


def test_news_outlet_misread_as_a_person_is_media(nlp: Language) -> None:
    text = "Blinken told Euronews that the talks had failed."
    assert by_name(run(nlp, text))["Euronews"].kind == "media"


SAMPLES = {
    # file: {actor: (kind, title, affiliation)}
    "001_trade_pact.md": {
        "Canada": ("country", None, None),
        "Philippines": ("country", None, None),
        "Claire Dubois": ("person", "Trade Minister", "Canada"),
        "Ramon Villanueva": ("person", "Trade Secretary", "Philippines"),
        "Asian Development Bank": ("igo", None, None),
    },
    "002_envoys_expelled.md": {
        "Poland": ("country", None, None),
        "Belarus": ("country", None, None),
        "Tomasz Nowicki": ("person", "Foreign Minister", "Poland"),
        "Alina Karpovich": ("person", "ministry spokeswoman", None),
        "European Union": ("igo", None, None),
        "Pieter de Waal": ("person", "foreign policy spokesman", "European Union"),
    },
    "003_shelling_resumes.md": {
        "Russia": ("country", None, None),
        "Ukraine": ("country", None, None),
        "Oleh Marchenko": ("person", "regional governor", None),
        "Volodymyr Zelensky": ("person", "President", "Ukraine"),
        "United Nations": ("igo", None, None),
        "Turkey": ("country", None, None),
        "Selim Arslan": ("person", "Foreign Minister", "Turkey"),
    },
    "004_summit_ends.md": {
        "United States": ("country", None, None),
        "China": ("country", None, None),
        "Dana Whitfield": ("person", "Commerce Secretary", "United States"),
        "Li Wenhao": ("person", "Commerce Ministry spokesman", "China"),
        "World Trade Organization": ("igo", None, None),
        "Switzerland": ("country", None, None),
    },
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_synthetic_samples_list_their_actors_with_titles_and_no_junk(
    nlp: Language, name: str
) -> None:
    from sitroom.extractors.loaders.files import load_file

    article = next(a for a in load_file(SAMPLE_DIR / name) if isinstance(a, Article))
    result = ActorsExtractor().run(nlp(article.text), article, Results())
    actors = by_name(result)
    got = {n: (a.kind, a.title, a.affiliation) for n, a in actors.items()}
    assert got == SAMPLES[name]


def test_state_organs_and_seats_fold_into_the_country(nlp: Language) -> None:
    text = (
        "MINSK - Officials met in Minsk on Friday.\n\n"
        "The Belarusian Foreign Ministry rejected the accusations, and Minsk said it would "
        "respond."
    )
    belarus = by_name(run(nlp, text))["Belarus"]
    assert [m.text(text) for m in belarus.mentions] == ["Belarusian Foreign Ministry", "Minsk"]


def test_two_outlets_in_one_compound_are_two_media_actors(nlp: Language) -> None:
    text = "The mayor trails her rival in a Washington Post-ABC News survey of likely voters."
    actors = by_name(run(nlp, text))
    assert actors["The Washington Post"].kind == "media"
    assert actors["ABC News"].kind == "media"


def test_user_facing_ids_are_slugs_of_canonical_names(seed: ActorsResult) -> None:
    for actor in seed.actors:
        assert actor.id == actor.id.lower()
        assert " " not in actor.id and actor.id.strip("-") == actor.id
    assert seed.by_id("the-associated-press") is None
    assert seed.by_id("associated-press") is not None


def test_bare_surname_means_the_well_known_person_unless_addressed(nlp: Language) -> None:
    text = (
        "Michelle Obama spoke in Ohio on Monday. Obama later said the economy was strong. "
        "Mrs. Obama said she agreed."
    )
    actors = by_name(run(nlp, text))
    assert [m.text(text) for m in actors["Barack Obama"].mentions] == ["Obama"]
    assert [m.text(text) for m in actors["Michelle Obama"].mentions][:2] == [
        "Michelle Obama",
        "Obama",
    ]


def test_misspelt_surname_joins_the_one_close_full_name(nlp: Language) -> None:
    text = "Tyresha McClenney attended the rally in Miami. McLenney said the turnout was low."
    actors = by_name(run(nlp, text))
    assert set(actors) == {"Tyresha McClenney"}
    assert actors["Tyresha McClenney"].aliases == ("Tyresha McClenney", "McLenney")
