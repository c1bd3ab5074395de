"""The threat lexicon: CAMEO codes and weights, event verbs and nouns, modality cues.

The bundled YAML files (next to this module) are merged with any user files named in the extractor's
`lexicon` option, validated once, and kept per process: loading costs tens of
milliseconds, so a second extractor with the same files reuses the first one's lexicon.
Errors in a user file are reported as FILE:LINE:COL so they can be fixed in an editor.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitroom.extractors.errors import ConfigError

DATA = Path(__file__).resolve().parent
#: Bundled files, in merge order: weights first, then generated verbs, then the curated
#: lexicon, so hand-written entries override generated ones.
BUNDLED: tuple[str, ...] = ("cameo.yaml", "petrarch_verbs.yaml", "lexicon.yaml")

#: How a verb treats the event in its complement (see events/modality for their use).
FRAMES = frozenset(
    {
        "event",  # the verb is the event; anything it governs is embedded detail
        "embed",  # same, said of verbs whose complement is typically an act (condemn X)
        "report",  # neutral reporting: the reported event counts
        "claim",  # self-claims count; claims about others are allegations
        "accuse",  # the complement is only alleged: the accusation counts
        "deny",  # denial of an act (016) or of a plan (010)
        "fear",  # speculation: pessimistic or hopeful remark
        "consider",  # weighing an option: not the act
        "intent",  # promise, plan, offer: intent to cooperate or a threat
        "threat",  # threaten, warn: a threat of the governed act
        "appeal",  # urge, ask: an appeal for the governed act
        "demand",  # demand: a demand, whatever is demanded
        "refuse",  # refuse, reject: the refusal counts, not the refused act
        "negate",  # fail to: the act did not happen
        "attempt",  # try to: the attempted act counts
        "aspect",  # begin, continue, resume: the act counts
        "stop",  # halt, lift, pull back: the reverse of the act
        "light",  # launch, carry out: the object noun names the event
        "give",  # send, provide: the object noun says what is given
    }
)
_VERB_KEYS = frozenset({"code", "frame", "objects", "preps", "subjects"})
_NOUN_KEYS = frozenset({"code", "give", "stop"})
_TOP_KEYS = frozenset(
    {
        "source",
        "licence",
        "license",
        "version",
        "lexicon",
        "codes",
        "roots",
        "levels",
        "derive",
        "classes",
        "verbs",
        "nouns",
        "cues",
    }
)
_LIST_CUES = (
    "negators",
    "retaliation_verbs",
    "hypothetical_modals",
    "future_modals",
    "possibility_adjectives",
    "unlikely_adjectives",
    "plan_words",
    "background_marks",
    "condition_marks",
    "historical_phrases",
    "aside_words",
    "option_closers",
    "future_adjectives",
)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    code: str | None
    frame: str = "event"
    objects: Mapping[str, str] = field(default_factory=dict)
    preps: Mapping[tuple[str, str], str] = field(default_factory=dict)
    subjects: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NounEntry:
    code: str | None = None
    give: str | None = None
    stop: str | None = None


@dataclass(frozen=True, slots=True)
class Cues:
    negators: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    possibility_adjectives: frozenset[str]
    unlikely_adjectives: frozenset[str]
    plan_words: frozenset[str]
    background_marks: frozenset[str]
    condition_marks: frozenset[str]
    historical_phrases: tuple[str, ...]
    aside_words: frozenset[str]
    retaliation_verbs: frozenset[str] = frozenset()
    option_closers: frozenset[str] = frozenset()
    future_adjectives: frozenset[str] = frozenset()
    historical_years: int = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    weights: Mapping[str, float]
    descriptions: Mapping[str, str]
    roots: Mapping[str, tuple[str, int]]
    levels: Mapping[str, int]
    derive: Mapping[str, Mapping[str, str]]
    classes: Mapping[str, frozenset[str]]
    verbs: Mapping[str, VerbEntry]
    nouns: Mapping[str, NounEntry]
    cues: Cues
    files: tuple[str, ...] = ()

    def weight(self, code: str) -> float:
        """Goldstein weight of a code (-10 conflict .. +10 cooperation)."""
        return self.weights.get(code, self.weights.get(code[:3], self.weights.get(code[:2], 0.0)))

    def threat(self, code: str) -> float:
        """How threatening a code is: minus its Goldstein weight."""
        return -self.weight(code)

    def describe(self, code: str) -> str:
        return self.descriptions.get(code) or self.descriptions.get(code[:3]) or code

    def category(self, code: str) -> str:
        return self.roots.get(code[:2], ("statement", 1))[0]

    def level(self, code: str) -> int:
        if code in self.levels:
            return self.levels[code]
        if code[:3] in self.levels:
            return self.levels[code[:3]]
        return self.roots.get(code[:2], ("statement", 1))[1]

    def derived(self, kind: str, code: str) -> str:
        """The code a governing verb of `kind` turns `code` into (longest prefix wins)."""
        table = self.derive.get(kind, {})
        for n in range(len(code), -1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return code

    def in_class(self, word: str, name: str) -> bool:
        return word in self.classes.get(name, frozenset())


# ----------------------------------------------------------------------------- loading


class _Reader:
    """A YAML document as plain values plus the position of every node, for messages."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: dict[tuple[Any, ...], tuple[int, int]] = {}
        self._scalars = yaml.constructor.SafeConstructor()

    def error(self, where: tuple[Any, ...], message: str) -> ConfigError:
        while where and where not in self.marks:
            where = where[:-1]
        line, col = self.marks.get(where, (1, 1))
        return ConfigError(message, self.path, line, col)

    def value(self, node: yaml.Node, where: tuple[Any, ...]) -> Any:
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.marks.setdefault(where, mark)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                raw = self.value(key_node, (*where, "<key>"))
                if isinstance(raw, (list, dict)):
                    raise self.error((*where, "<key>"), "a key must be a plain value")
                key = "null" if raw is None else str(raw)
                # keys and values have their own positions: a wrong key is reported at
                # the key, a wrong value at the value
                key_at = (*where, key, "<key>")
                self.marks[key_at] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in out:
                    raise self.error(key_at, f"duplicate key {key!r}")
                out[key] = self.value(value_node, (*where, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*where, i)) for i, item in enumerate(node.value)]
        return self._scalars.construct_object(node, deep=True)


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, located: bool = True) -> tuple[dict[str, Any], _Reader]:
    """Parse one file. `located=False` skips recording node positions (the bundled files
    are trusted and large); a file that fails validation is re-read located for the message."""
    reader = _Reader(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("lexicon file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read lexicon file ({exc})", str(path)) from None
    try:
        if not located:
            data = yaml.load(text, Loader=_Loader)
            return (data if isinstance(data, dict) else {}), reader
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError(f"not valid YAML: {exc.problem or exc}", str(path), line, col) from None
    if node is None:
        return {}, reader
    data = reader.value(node, ())
    if not isinstance(data, dict):
        raise reader.error((), "a lexicon file must be a mapping (verbs:, nouns:, ...)")
    return data, reader


@functools.lru_cache(maxsize=32)
def _read_cached(stamp: tuple[str, int, int], located: bool) -> tuple[dict[str, Any], _Reader]:
    return _read(Path(stamp[0]), located)


def _code(
    value: Any, where: tuple[Any, ...], reader: _Reader, known: Mapping[str, float]
) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        raise reader.error(
            where, f'write CAMEO codes in quotes ("{value:03d}"): leading zeros matter'
        )
    if not isinstance(value, str) or value not in known:
        raise reader.error(where, f"unknown CAMEO code {value!r}")
    return value


def _mapping(value: Any, where: tuple[Any, ...], reader: _Reader, what: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise reader.error(where, f"{what} must be a mapping")
    return value


@dataclass
class _Builder:
    """Accumulates the merged lexicon while files are read in order."""

    weights: dict[str, float] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    roots: dict[str, tuple[str, int]] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    derive: dict[str, dict[str, str]] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)
    verbs: dict[str, VerbEntry] = field(default_factory=dict)
    nouns: dict[str, NounEntry] = field(default_factory=dict)
    cue_lists: dict[str, set[str]] = field(default_factory=dict)
    historical_years: int = 2

    def add(self, data: dict[str, Any], reader: _Reader) -> None:
        for key in data:
            if key not in _TOP_KEYS:
                raise reader.error(
                    (key, "<key>"),
                    f"unknown section {key!r} (expected one of {', '.join(sorted(_TOP_KEYS))})",
                )
        self._codes(_mapping(data.get("codes"), ("codes",), reader, "codes"), reader)
        self._roots(data, reader)
        self._derive(_mapping(data.get("derive"), ("derive",), reader, "derive"), reader)
        self._classes(_mapping(data.get("classes"), ("classes",), reader, "classes"), reader)
        self._verbs(_mapping(data.get("verbs"), ("verbs",), reader, "verbs"), reader)
        self._nouns(_mapping(data.get("nouns"), ("nouns",), reader, "nouns"), reader)
        self._cues(_mapping(data.get("cues"), ("cues",), reader, "cues"), reader)

    def _codes(self, codes: dict[str, Any], reader: _Reader) -> None:
        for code, value in codes.items():
            where = ("codes", code)
            if not isinstance(value, list) or not value or not isinstance(value[0], (int, float)):
                raise reader.error(where, "a code needs [weight, description]")
            weight = float(value[0])
            if not -10.0 <= weight <= 10.0:
                raise reader.error(where, "a Goldstein weight lies between -10 and 10")
            self.weights[code] = weight
            if len(value) > 1:
                self.descriptions[code] = str(value[1])

    def _roots(self, data: dict[str, Any], reader: _Reader) -> None:
        for root, value in _mapping(data.get("roots"), ("roots",), reader, "roots").items():
            entry = _mapping(value, ("roots", root), reader, "a root")
            level = entry.get("level", 1)
            if not isinstance(level, int) or not 0 <= level <= 4:
                raise reader.error(("roots", root, "level"), "level must be an integer 0-4")
            self.roots[root] = (str(entry.get("category", "statement")), level)
        for code, level in _mapping(data.get("levels"), ("levels",), reader, "levels").items():
            if not isinstance(level, int) or not 0 <= level <= 4:
                raise reader.error(("levels", code), "level must be an integer 0-4")
            self.levels[code] = level

    def _derive(self, derive: dict[str, Any], reader: _Reader) -> None:
        for kind, table in derive.items():
            target = self.derive.setdefault(kind, {})
            for prefix, code in _mapping(table, ("derive", kind), reader, "a derive table").items():
                checked = _code(code, ("derive", kind, prefix), reader, self.weights)
                if checked is not None:
                    target["" if prefix in ("null", "") else prefix] = checked

    def _classes(self, classes: dict[str, Any], reader: _Reader) -> None:
        for name, words in classes.items():
            if not isinstance(words, list):
                raise reader.error(("classes", name), "a class is a list of words")
            self.classes.setdefault(name, set()).update(str(w).lower() for w in words)

    def _check_class(self, key: str, where: tuple[Any, ...], reader: _Reader) -> None:
        if key.startswith("@") and key != "@x" and key[1:] not in self.classes:
            raise reader.error((*where, "<key>"), f"unknown class {key!r}")

    def _verbs(self, verbs: dict[str, Any], reader: _Reader) -> None:
        for lemma, value in verbs.items():
            where = ("verbs", lemma)
            key = " ".join(lemma.lower().replace("_", " ").split())
            if value is None:  # a user file may remove a bundled entry
                self.verbs.pop(key, None)
                continue
            entry = _mapping(value, where, reader, "a verb entry")
            for field_name in entry:
                if field_name not in _VERB_KEYS:
                    raise reader.error(
                        (*where, field_name, "<key>"),
                        f"unknown field {field_name!r} (expected {', '.join(sorted(_VERB_KEYS))})",
                    )
            frame = entry.get("frame", "event")
            if frame not in FRAMES:
                raise reader.error(
                    (*where, "frame"),
                    f"unknown frame {frame!r} (expected one of {', '.join(sorted(FRAMES))})",
                )
            code = _code(entry.get("code"), (*where, "code"), reader, self.weights)
            objects: dict[str, str] = {}
            for noun, c in _mapping(
                entry.get("objects"), (*where, "objects"), reader, "objects"
            ).items():
                self._check_class(noun, (*where, "objects", noun), reader)
                checked = _code(c, (*where, "objects", noun), reader, self.weights)
                if checked:
                    objects[noun.lower()] = checked
            subjects: dict[str, str] = {}
            for noun, c in _mapping(
                entry.get("subjects"), (*where, "subjects"), reader, "subjects"
            ).items():
                self._check_class(noun, (*where, "subjects", noun), reader)
                checked = _code(c, (*where, "subjects", noun), reader, self.weights)
                if checked:
                    subjects[noun.lower()] = checked
            preps: dict[tuple[str, str], str] = {}
            for pattern, c in _mapping(
                entry.get("preps"), (*where, "preps"), reader, "preps"
            ).items():
                prep, _, noun = pattern.lower().partition(" ")
                if not noun:
                    raise reader.error(
                        (*where, "preps", pattern, "<key>"), "a prep pattern is 'preposition noun'"
                    )
                self._check_class(noun, (*where, "preps", pattern), reader)
                checked = _code(c, (*where, "preps", pattern), reader, self.weights)
                if checked:
                    preps[(prep, noun)] = checked
            self.verbs[key] = VerbEntry(code, frame, objects, preps, subjects)

    def _nouns(self, nouns: dict[str, Any], reader: _Reader) -> None:
        for lemma, value in nouns.items():
            where = ("nouns", lemma)
            key = " ".join(lemma.lower().split())
            if value is None:
                self.nouns.pop(key, None)
                continue
            entry = _mapping(value, where, reader, "a noun entry")
            for field_name in entry:
                if field_name not in _NOUN_KEYS:
                    raise reader.error(
                        (*where, field_name, "<key>"),
                        f"unknown field {field_name!r} (expected code, give, stop)",
                    )
            self.nouns[key] = NounEntry(
                *(
                    _code(entry.get(f), (*where, f), reader, self.weights)
                    for f in ("code", "give", "stop")
                )
            )

    def _cues(self, cues: dict[str, Any], reader: _Reader) -> None:
        for name, value in cues.items():
            where = ("cues", name)
            if name == "historical_years":
                if not isinstance(value, int) or value < 0:
                    raise reader.error(where, "historical_years must be a non-negative integer")
                self.historical_years = value
            elif name in _LIST_CUES:
                if not isinstance(value, list):
                    raise reader.error(where, f"{name} must be a list")
                self.cue_lists.setdefault(name, set()).update(str(v).lower() for v in value)
            else:
                raise reader.error((*where, "<key>"), f"unknown cue list {name!r}")

    def build(self, files: tuple[str, ...]) -> Lexicon:
        lists = {name: frozenset(self.cue_lists.get(name, ())) for name in _LIST_CUES}
        cues = Cues(
            negators=lists["negators"],
            hypothetical_modals=lists["hypothetical_modals"],
            future_modals=lists["future_modals"],
            possibility_adjectives=lists["possibility_adjectives"],
            unlikely_adjectives=lists["unlikely_adjectives"],
            plan_words=lists["plan_words"],
            background_marks=lists["background_marks"],
            condition_marks=lists["condition_marks"],
            historical_phrases=tuple(sorted(lists["historical_phrases"])),
            aside_words=lists["aside_words"],
            retaliation_verbs=lists["retaliation_verbs"],
            option_closers=lists["option_closers"],
            future_adjectives=lists["future_adjectives"],
            historical_years=self.historical_years,
        )
        return Lexicon(
            weights=dict(self.weights),
            descriptions=dict(self.descriptions),
            roots=dict(self.roots),
            levels=dict(self.levels),
            derive={k: dict(v) for k, v in self.derive.items()},
            classes={k: frozenset(v) for k, v in self.classes.items()},
            verbs=dict(self.verbs),
            nouns=dict(self.nouns),
            cues=cues,
            files=files,
        )


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=16)
def _load(stamps: tuple[tuple[str, int, int], ...], bundled: int) -> Lexicon:
    builder = _Builder()
    for n, stamp in enumerate(stamps):
        fast = n < bundled
        data, reader = _read_cached(stamp, not fast)
        try:
            builder.add(data, reader)
        except ConfigError:
            if not fast:
                raise
            # a broken bundled file: read everything again with positions for the message
            located = _Builder()
            for again in stamps:
                located.add(*_read(Path(again[0]), located=True))
            raise
    return builder.build(tuple(s[0] for s in stamps))


def check_user_files(extra: Iterable[str | os.PathLike[str]]) -> None:
    """Read each user lexicon file with positions, raising its ConfigError if it is broken.

    Cheap (user files are small) and independent of the bundled lexicon, so it can run
    when the config is checked; the entries are validated again when the lexicon is built.
    """
    for raw in extra:
        _read_cached(_stamp(Path(os.path.expanduser(os.fspath(raw)))), True)


def load_lexicon(extra: Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    """The bundled lexicon merged with `extra` user files (later files win).

    Cached per process on the files' paths, sizes and modification times; each file is
    parsed once, so lexicons that differ only in their user files share the bundled parse.
    """
    paths = [DATA / name for name in BUNDLED if (DATA / name).exists()]
    bundled = len(paths)
    paths += [Path(os.path.expanduser(os.fspath(p))) for p in extra]
    return _load(tuple(_stamp(p) for p in paths), bundled)
