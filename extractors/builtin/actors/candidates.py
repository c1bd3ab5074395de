"""First mentions: gazetteer matches, then the NER's entities that the gazetteer left.

The gazetteer decides where it knows better than the small NER model (Euronews is an
outlet, not a person; Russia-24 exists at all); the NER decides for people and unknown
organisations, after its usual errors are cleaned away (titles and "the" inside names,
"Sec" as an organisation, possessive endings, headline words).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitroom.extractors.builtin.actors import normalize, usage
from sitroom.extractors.builtin.actors.context import Context
from sitroom.extractors.builtin.actors.gazetteer import Entry, Term
from sitroom.extractors.builtin.actors.matcher import Match
from sitroom.extractors.builtin.actors.mentions import Coverage, Mention
from sitroom.extractors.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_FORM_ORDER = {"name": 0, "abbreviation": 1, "metonym": 2, "capital": 3, "demonym": 4}
_NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "du",
        "dos",
    ]
)
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_PARTY_DISTRICT = re.compile(r"^[A-Z]-[A-Z]")  # "(D-Newport News)": party and district
_ALPHA_RUN = re.compile(r"[^\W\d_]+")
_ODD_CHARS = re.compile(r"[^\w.'’\-&]")
_AMBIGUOUS_OK = {"country": {"GPE", "NORP", "LOC"}, "media": {"ORG"}}
_ORG_LABELS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


def best_term(match: Match) -> Term:
    return min(match.terms, key=lambda t: _FORM_ORDER.get(t.form, 9))


def _entity_index(doc: Doc) -> dict[int, Span]:
    index: dict[int, Span] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index


def _strip_det(doc: Doc, start: int, end: int) -> int:
    while start < end and doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def gazetteer_mentions(
    context: Context, matches: list[Match], coverage: Coverage
) -> tuple[list[Mention], dict[int, Entry]]:
    """Mentions from the gazetteer, and every token the gazetteer could read as an entry
    (demonyms included), which titles use for affiliations."""
    doc = context.doc
    gazetteer = context.gazetteer
    entities = _entity_index(doc)
    mentions: list[Mention] = []
    readings: dict[int, Entry] = {}
    for match in matches:
        entry = gazetteer.entry(best_term(match).entry)
        for i in range(match.start, match.end):
            readings[i] = entry
    for match in matches:
        term = best_term(match)
        entry = gazetteer.entry(term.entry)
        start, end = match.start, match.end
        ent = entities.get(start)
        organ = False
        if ent is not None:
            ent_start = _strip_det(doc, ent.start, ent.end)
            wider = ent_start < start or ent.end > end
            if ent.label_ == "PERSON" and (wider or entry.ambiguous or term.form == "demonym"):
                continue  # "George Washington", "Jordan" the person
            if (
                ent.label_ in _ORG_LABELS
                and wider
                and _only_names(doc, ent_start, ent.end, readings)
            ):
                pass  # "a Washington Post-ABC News poll": two outlets, each a mention
            elif ent.label_ in _ORG_LABELS and wider:
                folded = _organ_of(context, ent_start, ent.end, start, end, entry)
                if folded is None:
                    continue  # an organisation of that country ("U.S. Senate")
                start, end = folded
                organ = True
            elif wider and ent.label_ != "PERSON":
                continue  # a longer place: "North America", "New Mexico"
        if entry.ambiguous:
            allowed = _AMBIGUOUS_OK.get(entry.kind, set())
            if ent is None or ent.label_ not in allowed:
                continue
        if not organ:
            span = doc[start:end]
            if term.form in ("capital", "metonym") and usage.is_place(span, context):
                coverage.take(start, end)  # a city: not an actor, whatever the NER says
                continue
            if term.form == "demonym":
                phrase = usage.state_phrase(doc[end - 1], context)
                if phrase is None:
                    coverage.take(start, end)  # an attribute ("the Ukrainian border")
                    continue
                start, end = phrase
        if entry.name.startswith("The ") and start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if not coverage.free(start, end):
            continue
        coverage.take(start, end)
        mentions.append(Mention(start, end, entry.kind, entry.name, "gazetteer", entry))
    return mentions, readings


def _only_names(doc: Doc, start: int, end: int, readings: dict[int, Entry]) -> bool:
    """The entity is names the gazetteer knows joined by punctuation or "and"."""
    return all(
        i in readings or doc[i].is_punct or doc[i].lower_ in ("and", "&", "the")
        for i in range(start, end)
    )


def _organ_of(
    context: Context, ent_start: int, ent_end: int, start: int, end: int, entry: Entry
) -> tuple[int, int] | None:
    """The organisation's range when it is a state's or IGO's organ ("the Belarusian Foreign
    Ministry", "the UN human rights office"), which folds into that actor; else None."""
    if entry.kind not in ("country", "igo"):
        return None
    doc = context.doc
    organ = context.roles.organ_words
    for i in range(ent_start, ent_end):
        if start <= i < end:
            continue
        token = doc[i]
        if token.is_punct or token.lower_ in ("'s", "’s", "of", "the", "and"):
            continue
        if token.lower_ not in organ and token.lemma_.lower() not in organ:
            return None
    return ent_start, ent_end


def _clean(context: Context, ent: Span) -> tuple[int, int]:
    """The name inside an entity: no article, honorific, title or possessive ending."""
    doc = context.doc
    roles = context.roles
    start, end = ent.start, ent.end
    while start < end:
        token = doc[start]
        lower = token.lower_.rstrip(".")
        if (
            token.dep_ == "det"
            or token.tag_ == "PRP$"
            or lower in roles.honorifics
            or (context.is_title_word(token) and end - start > 1)
            or (token.is_punct and token.text != "(")
        ):
            start += 1
        else:
            break
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or (end - start > 1 and doc[end - 1].lower_.rstrip(".") in _SUFFIXES)
    ):
        end -= 1
    return start, end


def _name_like(context: Context, tokens: Span, person: bool = True) -> bool:
    roles = context.roles
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > 6:
        return False
    if not person and any(t.lower_ in roles.non_actors for t in words[1:]):
        return False  # "Erikson Prize for Excellence": a prize, a law, an event
    if _PARTY_DISTRICT.match(tokens.text) or any(t.lower_ in ("v.", "vs.", "v") for t in words):
        return False  # "D-Newport News", "Brown v. Board of Education"
    if any(t.is_quote or (t.text in "-–—" and t.whitespace_) for t in tokens[1:-1]):
        return False  # 'Robert C. "Bobby', "Scott - Brentley Vinson": two things run together
    if person and context.is_title_word(words[-1]):
        return False  # "Charlotte Mayor": a title, the name is elsewhere
    if len(words) == 1:
        lower = words[0].lower_.rstrip(".")
        if lower in roles.stopwords or lower in roles.titles or lower in roles.honorifics:
            return False
        if lower in roles.title_abbreviations or lower in roles.media_words:
            return False
        if lower in roles.organization_words:
            return False  # "Department" alone names nothing
    letters = [ch for t in words for ch in t.text if ch.isalpha()]
    if len(letters) < 2:
        return False
    # "U-S-A" chanted, "W]e" from a bracketed quote: not a name.
    pieces = [p for t in words for p in _ALPHA_RUN.findall(t.text)]
    if len(pieces) > 1 and all(len(p) == 1 for p in pieces):
        return False
    for token in words:
        text = token.text
        if any(ch.isdigit() for ch in text) or _ODD_CHARS.search(text):
            return False
        inner = words[0].i < token.i < words[-1].i
        glue = not person and inner and token.pos_ in ("ADP", "DET", "CCONJ", "PART")
        if not text[0].isupper() and token.lower_ not in _NAME_PARTICLES and not glue:
            return False
        if glue:
            continue
        if token.pos_ in ("PRON", "VERB", "AUX", "ADP", "DET", "NUM"):
            return False
    return any(t.pos_ == "PROPN" for t in words)


def _part_of_title(doc: Doc, start: int, context: Context) -> bool:
    """ "State" in "Secretary of State", "Defence" in "Minister of Defence"."""
    return start >= 2 and doc[start - 1].lower_ == "of" and context.is_title_word(doc[start - 2])


def _parts(context: Context, readings: dict[int, Entry]) -> list[tuple[Span, str]]:
    """The NER's entities, with two repairs: an entity with a possessive inside is two
    names ("the Green Party's Jill Stein"), and a person's first name the NER left out
    is put back ("Amelize Joseph")."""
    doc = context.doc
    parts: list[tuple[Span, str]] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG", "NORP"):
            continue
        cut = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
        if cut is not None:
            owner, owned = doc[ent.start : cut], doc[cut + 1 : ent.end]
            parts.append((owner, label))
            named = 2 <= len(owned) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in owned)
            parts.append((owned, "PERSON" if named else label))
            continue
        start = ent.start
        if label == "PERSON":
            while start > 0:
                before = doc[start - 1]
                if not (
                    before.pos_ == "PROPN"
                    and before.dep_ == "compound"
                    and ent.start <= before.head.i < ent.end
                    and before.is_title
                    and before.i not in readings
                    and not context.is_title_word(before)
                    and before.lower_.rstrip(".") not in context.roles.honorifics
                ):
                    break
                start -= 1
        parts.append((doc[start : ent.end], label))
    return parts


def _modifier(context: Context, span: Span) -> bool:
    """A name used only to describe a common noun or a title after it ("the Zaporizhzhia
    nuclear plant", "Trade Minister"). Not a possessive: "Putin's adviser" names Putin."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:  # "Broward and St. Lucie counties"
        root = root.head
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.i < root.i:
        return False
    return head.pos_ == "NOUN" or context.is_title_word(head)


def _titled(context: Context, span: Span) -> bool:
    """An "organisation" with a person's title next to it is a person the NER misread
    ("A ministry spokeswoman, Alina Karpovich")."""
    if any(t.lower_ in context.roles.organization_words for t in span):
        return False  # "Congressional Black Caucus, ... former governor": still a caucus
    root = span.root
    if root.dep_ == "appos" and context.is_title_word(root.head):
        return True
    if any(c.dep_ == "appos" and context.is_title_word(c) for c in root.children):
        return True
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.dep_ == "compound" and context.is_title_word(before)


def _family(context: Context, span: Span) -> bool:
    text = span.text
    if len(span) != 1 or not text.endswith("s") or len(text) < 4:
        return False
    singular = normalize.fold(text[:-1])
    if singular in context.gazetteer.people_by_short:
        return True
    return text[:-1] in context.person_words


def _place_name(context: Context, span: Span) -> bool:
    """ "the town of Kostiantynivka": a place, whatever the NER calls it."""
    root = span.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in context.roles.place_nouns
    )


def _is_demonym_plural(context: Context, text: str) -> bool:
    key = normalize.key(text)
    if not key or not key[-1].endswith("s"):
        return False
    singular = (*key[:-1], key[-1][:-1])
    return any(t.form == "demonym" for t in context.gazetteer.terms.get(singular, ()))


def ner_mentions(context: Context, coverage: Coverage, readings: dict[int, Entry]) -> list[Mention]:
    doc = context.doc
    roles = context.roles
    mentions: list[Mention] = []
    for ent, label in _parts(context, readings):
        if context.in_title_case(ent.start_char):
            continue  # headline case: only names confirmed elsewhere, added by the sweep
        start, end = _clean(context, ent)
        if label == "ORG":
            # "Hofstra University on Long Island": the place is not part of the name.
            end = next(
                (
                    t.i
                    for t in doc[start:end]
                    if t.dep_ == "prep" and t.lower_ in ("in", "on", "at")
                ),
                end,
            )
        if start >= end or not coverage.free(start, end):
            continue
        span = doc[start:end]
        if usage.is_dateline(span):
            coverage.take(start, end)  # "FAIRVIEW, W.Va. -": where the story was filed
            continue
        if not _name_like(context, span, label == "PERSON") or _place_name(context, span):
            continue
        if label in ("PERSON", "ORG") and _modifier(context, span):
            continue  # "Trade" in "Trade Minister"; "a Putin-Biden call": left to the sweep
        if label == "PERSON" and any(t.lower_ in roles.organization_words for t in span):
            label = "ORG"  # "Dominion Resources", "Justice Department"
        if label == "PERSON" and _family(context, span):
            continue  # "the Clintons": a family, not one actor
        if label == "PERSON" or (label == "ORG" and _titled(context, span)):
            mentions.append(Mention(start, end, "person", span.text, "ner"))
        elif label == "ORG":
            if _part_of_title(doc, start, context):
                continue
            words = {t.lower_ for t in span if t.text[:1].isupper()}
            kind: ActorKind = "media" if words & roles.media_words else "organization"
            home = next(
                (
                    readings[i].name
                    for i in range(start, end)
                    if i in readings and readings[i].kind in ("country", "igo")
                ),
                None,
            )
            mentions.append(Mention(start, end, kind, span.text, "ner", affiliation=home))
        else:  # NORP: only a plural noun names a group ("Democrats"), not an adjective
            root = span.root
            if root.tag_ not in ("NNPS", "NNS") or root.dep_ in ("amod", "compound"):
                continue
            if _is_demonym_plural(context, span.text):
                continue
            mentions.append(Mention(start, end, "group", span.text, "ner"))
        coverage.take(start, end)
    return mentions
