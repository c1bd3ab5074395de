"""Checking one gazetteer file's parsed YAML and turning it into plain entries.

A problem is reported with the path of keys that leads to it, so the loader can point at
the exact line and column of a user's file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, get_args

from sitroom.extractors.model import ActorKind

KINDS: tuple[str, ...] = get_args(ActorKind)
TOP_KEYS = ("source", "licence", "license", "actors", "roles")
LIST_FIELDS = ("aliases", "abbreviations", "demonyms", "capitals", "metonyms", "epithets", "short")
TEXT_FIELDS = ("id", "name", "kind", "affiliation", "code", "country")
ENTRY_KEYS = (*TEXT_FIELDS, *LIST_FIELDS, "ambiguous")
ROLE_LISTS = (
    "titles",
    "honorifics",
    "speech_verbs",
    "state_nouns",
    "group_nouns",
    "locative_prepositions",
    "motion_verbs",
    "organ_words",
    "media_words",
    "stopwords",
    "place_nouns",
    "non_actors",
    "organization_words",
)
ROLE_KEYS = (*ROLE_LISTS, "title_abbreviations")

Path = tuple[str | int, ...]


class SchemaError(Exception):
    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


@dataclass(frozen=True, slots=True)
class RawFile:
    """One file's content, checked but not yet merged with the others."""

    actors: tuple[dict[str, Any], ...]
    roles: dict[str, Any]


def _unknown(key: object, allowed: tuple[str, ...], where: str, path: Path) -> SchemaError:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return SchemaError(f"unknown key {key!r} in {where}{hint}", path)


def _strings(value: Any, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise SchemaError("expected a list of strings", path)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise SchemaError("expected a non-empty string", (*path, i))
    return [item.strip() for item in value]


def _entry(raw: Any, path: Path) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise SchemaError("an actor entry must be a mapping with at least `name` and `kind`", path)
    entry: dict[str, Any] = {}
    for name, value in raw.items():
        where = (*path, name)
        if name not in ENTRY_KEYS:
            raise _unknown(name, ENTRY_KEYS, "an actor entry", where)
        if name in LIST_FIELDS:
            entry[name] = _strings(value, where)
        elif name == "ambiguous":
            if not isinstance(value, bool):
                raise SchemaError("expected true or false", where)
            entry[name] = value
        else:
            if not isinstance(value, str) or not value.strip():
                raise SchemaError("expected a non-empty string", where)
            entry[name] = value.strip()
    if "name" not in entry:
        raise SchemaError("an actor entry needs a `name`", path)
    kind = entry.get("kind")
    if kind is None:
        raise SchemaError("an actor entry needs a `kind`", path)
    if kind not in KINDS:
        raise SchemaError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", (*path, "kind"))
    return entry


def _roles(raw: Any, path: Path) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise SchemaError("`roles` must be a mapping of word lists", path)
    roles: dict[str, Any] = {}
    for name, value in raw.items():
        where = (*path, name)
        if name not in ROLE_KEYS:
            raise _unknown(name, ROLE_KEYS, "`roles`", where)
        if name == "title_abbreviations":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise SchemaError("expected a mapping of abbreviation: full title", where)
            roles[name] = {k.lower().rstrip("."): v for k, v in value.items()}
        else:
            roles[name] = [word.lower() for word in _strings(value, where)]
    return roles


def check(data: Any) -> RawFile:
    """Validate one parsed gazetteer file. An empty file is an empty gazetteer."""
    if data is None:
        return RawFile((), {})
    if not isinstance(data, dict):
        raise SchemaError("a gazetteer file must be a mapping with `actors:` and/or `roles:`", ())
    for name in data:
        if name not in TOP_KEYS:
            raise _unknown(name, TOP_KEYS, "a gazetteer file", (name,))
    actors = data.get("actors") or []
    if not isinstance(actors, list):
        raise SchemaError("`actors` must be a list of entries", ("actors",))
    entries = tuple(_entry(raw, ("actors", i)) for i, raw in enumerate(actors))
    roles = _roles(data["roles"], ("roles",)) if data.get("roles") is not None else {}
    return RawFile(entries, roles)
