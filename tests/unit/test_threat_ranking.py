"""Ranking of our own news-style sentences (written for sitroom, not the dev set) against
the Goldstein weight of their main event: a regression check that the rules generalise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.threat import ThreatExtractor

if TYPE_CHECKING:
    from spacy.language import Language

# (sentence, Goldstein weight of its main event under the threat-dev gold rules)
SENTENCES: list[tuple[str, float]] = [
    ("Pirates hijacked a cargo ship off the coast of Somalia.", -9.0),
    ("Khartoum denied that its soldiers had killed civilians in the market.", -2.0),
    ("Government and rebel commanders agreed to an immediate truce on Saturday.", 9.0),
    ("The Chinese navy staged drills around the island.", -7.2),
    ("Washington relaxed restrictions on exports to Cuba.", 7.0),
    ("Chinese President visited Moscow for two days.", 1.9),
    ("Russia denied that it was massing troops for an attack.", 0.0),
    ("Chile appealed to the international community for help after the wildfires.", 3.0),
    ("Missiles struck the capital overnight, the mayor said.", -10.0),
    ("The dictator massacred thousands of people in 1982.", 0.0),
    ("The two armies disengaged along the disputed Himalayan frontier.", 9.0),
    ("No sanctions have been imposed on the country so far.", 0.0),
    ("Congress threatened to cut off aid to the Egyptian government.", -5.8),
    ("The rebels announced a unilateral ceasefire for the holy month.", 9.0),
    ("Kenya pledged to back Somalia's bid for a Security Council seat.", 4.5),
    # two coordinated acts: the more conflictual one (the arrest, 173) is the event
    (
        "Thai police arrested a fugitive wanted in Australia and handed him over to "
        "Australian officers.",
        -5.0,
    ),
    ("Jordan airdropped food parcels to civilians in Gaza.", 7.4),
    ("Delegations from both Koreas negotiated for twelve hours at the border village.", 7.0),
    ("Germany's chancellor sharply criticised the decision to expand settlements.", -2.0),
    ("Brussels offered to ease the embargo if the government released detainees.", 7.0),
    ("Pakistan blamed India for the attack on the train.", -2.0),
    ("The World Bank approved a $500 million credit line for Egypt.", 7.4),
    ("Spain formally established diplomatic relations with the new state.", 6.0),
    ("The Security Council condemned the bombing of the embassy.", -2.0),
    ("The White House is reviewing options for retaliation, a spokesman said.", 0.0),
    ("The president vowed to reclaim the islands.", -7.0),
    ("Venezuela rejected the ruling of the international court.", -4.0),
    ("Iran accused Israel of sabotage.", -2.0),
    ("Militants abducted twenty schoolgirls from their dormitory.", -9.0),
    ("Rioters torched cars and attacked police stations.", -7.5),
    ("The city was bombed heavily during the war in 1944.", 0.0),
    ("The prime minister denounced the killing as a cowardly act.", -2.0),
    ("Gunmen killed dozens of worshippers in an attack on a mosque.", -10.0),
    ("Artillery pounded the city for hours, officials said.", -10.0),
    ("Pyongyang threatened to turn Seoul into a sea of fire.", -7.0),
    ("Caracas let UN human rights investigators enter the country.", 9.0),
    ("The rebels claimed that government jets had bombed a school.", -2.0),
    ("No troops were moved toward the frontier, according to satellite images.", 0.0),
    ("Washington blacklisted dozens of Chinese tech firms.", -8.0),
    ("The Netherlands halted arms exports to Israel.", -5.6),
]


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0
        i = j + 1
    return ranks


def _spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb)


def test_sentence_scores_rank_like_the_goldstein_scale(nlp: Language) -> None:
    extractor = ThreatExtractor()
    gold = [-g for _, g in SENTENCES]
    pred = []
    for doc in nlp.pipe(t for t, _ in SENTENCES):
        pred.append(max((extractor.score_sentence(s, ref_year=2026) for s in doc.sents), key=abs))
    assert _spearman(gold, pred) >= 0.85
