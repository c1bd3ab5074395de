"""The actor gazetteer: bundled YAML files plus the user's own, merged, indexed, cached.

Entries with the same id (the slug of the name, or an explicit `id:`) merge: lists are
united and a later file's scalar fields win, so a user file can add an alias to "Russia"
without repeating the rest. Parsing and indexing cost a few milliseconds, once per process
and set of files; a user file is re-read only when it changes on disk.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from sitroom.extractors.builtin.actors import normalize
from sitroom.extractors.builtin.actors.schema import ROLE_LISTS, RawFile, SchemaError, check
from sitroom.extractors.errors import ConfigError
from sitroom.extractors.model import ActorKind

#: Bundled files in merge order. demonyms.yaml is ODbL (see its header); the rest are
#: MIT or public domain.
BUNDLED = (
    "countries.yaml",
    "demonyms.yaml",
    "metonyms.yaml",
    "igos.yaml",
    "media.yaml",
    "media_core.yaml",
    "people.yaml",
    "roles.yaml",
)

#: How a gazetteer form is used: a name or abbreviation always means the actor; a capital,
#: seat of government or demonym only when the sentence uses it as one.
Form = str  # "name" | "abbreviation" | "capital" | "metonym" | "demonym"

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    affiliation: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Term:
    """One indexed surface form: which entry, used how, and the case each piece needs."""

    entry: str
    form: Form
    cases: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Roles:
    titles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    organ_words: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    non_actors: frozenset[str] = frozenset()
    organization_words: frozenset[str] = frozenset()
    title_abbreviations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, Entry]
    terms: dict[tuple[str, ...], tuple[Term, ...]]
    lengths: dict[str, tuple[int, ...]]  # first piece -> term lengths in pieces, longest first
    roles: Roles
    by_name: dict[str, str]  # folded canonical name or alias -> entry id
    people_by_short: dict[str, tuple[str, ...]]  # folded short name -> person entry ids

    def entry(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def find(self, name: str) -> Entry | None:
        entry_id = self.by_name.get(normalize.fold(name))
        return self.entries[entry_id] if entry_id else None


def _merge(files: Iterable[RawFile]) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    roles: dict[str, Any] = {}
    for raw in files:
        for item in raw.actors:
            entry_id = item.get("id") or normalize.slug(item["name"])
            target = merged.setdefault(entry_id, {"id": entry_id})
            for name, value in item.items():
                if isinstance(value, list):
                    old = target.setdefault(name, [])
                    old.extend(v for v in value if v not in old)
                else:
                    target[name] = value
        for name, value in raw.roles.items():
            if isinstance(value, dict):
                roles.setdefault(name, {}).update(value)
            else:
                roles.setdefault(name, set()).update(value)
    return merged, roles


def _entry(data: dict[str, Any]) -> Entry:
    def strings(name: str) -> tuple[str, ...]:
        return tuple(data.get(name, ()))

    return Entry(
        id=data["id"],
        name=data["name"],
        kind=cast(ActorKind, data["kind"]),
        aliases=strings("aliases"),
        abbreviations=strings("abbreviations"),
        demonyms=strings("demonyms"),
        capitals=strings("capitals"),
        metonyms=strings("metonyms"),
        epithets=tuple(e.lower() for e in strings("epithets")),
        short=strings("short"),
        affiliation=data.get("affiliation"),
        ambiguous=bool(data.get("ambiguous", False)),
    )


def _forms(entry: Entry) -> Iterator[tuple[str, Form]]:
    yield entry.name, "name"
    for alias in entry.aliases:
        yield alias, "name"
    for abbreviation in entry.abbreviations:
        yield abbreviation, "abbreviation"
    for capital in entry.capitals:
        yield capital, "capital"
    for metonym in entry.metonyms:
        yield metonym, "metonym"
    for demonym in entry.demonyms:
        yield demonym, "demonym"


def _strip_article(text: str) -> str:
    # "the Kremlin" and "The Washington Post" are indexed without the article; the matcher
    # takes a preceding "the" into the mention when the canonical name has one.
    # "The Times" and "The News" keep it: a bare "Times" or "News" is not the outlet.
    head, _, rest = text.partition(" ")
    return rest if head.lower() == "the" and " " in rest else text


def build(merged: dict[str, dict[str, Any]], role_data: dict[str, Any]) -> Gazetteer:
    entries = {entry_id: _entry(data) for entry_id, data in merged.items()}
    terms: dict[tuple[str, ...], list[Term]] = {}
    by_name: dict[str, str] = {}
    short: dict[str, list[str]] = {}
    for entry in entries.values():
        for text, form in _forms(entry):
            text = _strip_article(text)
            parts = normalize.pieces(text)
            if not parts:
                continue
            key = tuple(p for p, _, _ in parts)
            cases = tuple(normalize.case_rule(text[s:e]) for _, s, e in parts)
            bucket = terms.setdefault(key, [])
            if not any(t.entry == entry.id and t.form == form for t in bucket):
                bucket.append(Term(entry.id, form, cases))
            if form == "name":
                by_name.setdefault(normalize.fold(text), entry.id)
        if entry.kind == "person":
            names = entry.short or tuple(n.split()[-1] for n in (entry.name, *entry.aliases))
            for name in dict.fromkeys(normalize.fold(n) for n in names):
                short.setdefault(name, []).append(entry.id)
    lengths: dict[str, set[int]] = {}
    for key in terms:
        lengths.setdefault(key[0], set()).add(len(key))
    roles = Roles(
        **{name: frozenset(role_data.get(name, ())) for name in ROLE_LISTS},
        title_abbreviations=dict(role_data.get("title_abbreviations", {})),
    )
    return Gazetteer(
        entries=entries,
        terms={k: tuple(v) for k, v in terms.items()},
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        roles=roles,
        by_name=by_name,
        people_by_short={k: tuple(v) for k, v in short.items()},
    )


def _mark(text: str, path: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column (1-based) of the node at `path` in a YAML document, or (0, 0).

    The last step of a mapping points at the key itself: the line a user needs to fix.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return 0, 0
    best = node
    for i, step in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                break
            best = found[0] if i == len(path) - 1 else found[1]
            node = found[1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            best = node = node.value[step]
        else:
            break
    if best is None:
        return 0, 0
    return best.start_mark.line + 1, best.start_mark.column + 1


def _read(path: str, text: str) -> RawFile:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"invalid YAML: {problem}", path, line, col) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", path) from None
    try:
        return check(data)
    except SchemaError as exc:
        line, col = _mark(text, exc.path)
        raise ConfigError(exc.message, path, line, col) from None


def _bundled() -> list[RawFile]:
    with _lock:
        if not _bundled_files:
            folder = resources.files("sitroom.extractors.builtin.actors.data")
            for name in BUNDLED:
                text = (folder / name).read_text(encoding="utf-8")
                _bundled_files.append(_read(f"<bundled>/{name}", text))
        return _bundled_files


def _user(path: str) -> tuple[RawFile, tuple[int, int]]:
    file = Path(path).expanduser()
    try:
        stat = file.stat()
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("gazetteer file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read gazetteer file: {exc}", path) from None
    return _read(path, text), (stat.st_mtime_ns, stat.st_size)


_lock = threading.Lock()
_bundled_files: list[RawFile] = []
_cache: dict[tuple[object, ...], Gazetteer] = {}


def check_user_files(extra: Iterable[str]) -> None:
    """Read each user file, raising its ConfigError (FILE:LINE:COL) if it is broken.

    User files are small, so this is cheap enough for config checking; they are read
    again (from a cache keyed on their size and mtime) when the gazetteer is built.
    """
    for path in extra:
        if path != "default":
            _user(path)


def load(extra: Iterable[str] = (), bundled: bool = True) -> Gazetteer:
    """The gazetteer of the bundled files (unless `bundled` is false) and `extra` user files.

    Raises ConfigError (FILE:LINE:COL) for a user file that is missing or malformed.
    """
    paths = tuple(p for p in extra if p != "default")
    stamps = []
    for path in paths:
        try:
            stat = Path(path).expanduser().stat()
            stamps.append((path, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((path, -1, -1))
    cache_key = (bundled, tuple(stamps))
    with _lock:
        cached = _cache.get(cache_key)
    if cached is not None:
        return cached
    # Thousands of small objects are made here; with spaCy's objects already in memory the
    # cyclic GC would run over and over during the build and triple its time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        files = list(_bundled()) if bundled else []
        files += [_user(path)[0] for path in paths]
        gazetteer = build(*_merge(files))
    finally:
        if enabled:
            gc.enable()
    with _lock:
        _cache[cache_key] = gazetteer
    return gazetteer
