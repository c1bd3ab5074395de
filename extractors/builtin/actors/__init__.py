"""The built-in `actors` extractor: one row per real-world actor in an article.

Mentions come from spaCy's entities, corrected and completed by a YAML gazetteer
(countries with their abbreviations, demonyms, capitals and seats of government; IGOs;
news media; a few well-known leaders; role words). They are folded into actors (surnames
into full names, abbreviations into countries), given titles and affiliations from the
parse, extended with pronouns and "the minister"-style references whose antecedent is
clear, and ranked by salience.

Policy on governments: a capital or seat of government used as an actor ("Moscow
decided", "the Kremlin said") and a state organ named by its country ("the Belarusian
Foreign Ministry") are mentions of the *country* actor, not of a separate government
actor: readers want one row per state, and news rarely separates the state from its
executive. Legislatures, courts, parties and agencies stay organisations.

Policy on demonyms: "Russian" is a mention of Russia only when it modifies a noun that
stands for the state ("the Russian government", "Russian forces"). Before a person's
title it gives the person's affiliation ("Russian Foreign Minister"), and before anything
else it is an attribute, not a mention ("the Ukrainian border", "Russian troop buildup").
"""

from __future__ import annotations

from sitroom.extractors.builtin.actors.extractor import ActorsExtractor

__all__ = ["ActorsExtractor"]
