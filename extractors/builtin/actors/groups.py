"""Named groups: a plural group noun under a capitalised group adjective that is not a
country's ("Western officials", "Republican lawmakers", "European partners")."""

from __future__ import annotations

from sitroom.extractors.builtin.actors.context import Context
from sitroom.extractors.builtin.actors.gazetteer import Entry
from sitroom.extractors.builtin.actors.mentions import Coverage, Mention


def group_mentions(
    context: Context, coverage: Coverage, readings: dict[int, Entry]
) -> list[Mention]:
    doc = context.doc
    nouns = context.roles.group_nouns
    mentions: list[Mention] = []
    for token in doc:
        if token.lower_ not in nouns or token.tag_ not in ("NNS", "NNPS"):
            continue
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        modifiers += [conj for m in modifiers for conj in m.conjuncts if conj.i < token.i]
        for modifier in modifiers:
            if modifier.ent_type_ != "NORP" or modifier.i in readings:
                continue
            if not modifier.text[:1].isupper():
                continue
            start, end = modifier.i, token.i + 1
            # "Ukrainian and Western officials": the group is "Western officials"; only the
            # words of its own phrase are in its mention.
            broken = any(doc[k].is_punct or doc[k].dep_ == "cc" for k in range(start, end))
            if broken and modifier.i + 1 != token.i:
                continue
            if not coverage.free(start, end):
                continue
            coverage.take(start, end)
            name = f"{modifier.text} {token.text.lower()}"
            mentions.append(Mention(start, end, "group", name, "group"))
    return mentions
