"""How much an actor matters in the article, 0..1, for ordering the actors pane.

Each mention counts (a pronoun or description half as much); a mention in the headline or
the lead counts more; a mention as the subject of a speech verb ("Blinken told", "according
to the Kremlin") counts more, since speakers drive a story; and an actor met early gets a
small head start. Scores are divided by the top score so the first actor has 1.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors.clusters import Cluster
from sitroom.extractors.builtin.actors.context import Context
from sitroom.extractors.builtin.actors.mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

HEADLINE, LEAD, SPEAKER, EARLY = 1.5, 0.5, 1.0, 1.0


def is_speaker(doc: Doc, mention: Mention, speech_verbs: frozenset[str]) -> bool:
    root = doc[mention.start : mention.end].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in speech_verbs:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def score(context: Context, cluster: Cluster) -> float:
    doc = context.doc
    speech = context.roles.speech_verbs
    total = 0.0
    for mention in cluster.mentions:
        weight = 0.5 if mention.is_reference else 1.0
        char = doc[mention.start].idx
        if context.in_headline(char):
            weight += HEADLINE
        elif context.in_lead(char):
            weight += LEAD
        if is_speaker(doc, mention, speech):
            weight += SPEAKER
        total += weight
    first = min(doc[m.start].idx for m in cluster.mentions)
    total += EARLY * (1.0 - first / max(context.length, 1))
    return total
