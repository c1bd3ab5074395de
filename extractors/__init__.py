"""sitroom's engine: article loading, the extractor pipeline and the built-in extractors.

Nothing here imports Textual. The package root imports nothing heavy: names are resolved
on first use (PEP 562), so `import sitroom.extractors` costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Article": "sitroom.extractors.model",
    "Span": "sitroom.extractors.model",
    "Actor": "sitroom.extractors.model",
    "ActorsResult": "sitroom.extractors.model",
    "Quote": "sitroom.extractors.model",
    "QuotesResult": "sitroom.extractors.model",
    "TimelineEntry": "sitroom.extractors.model",
    "TimelineResult": "sitroom.extractors.model",
    "Evidence": "sitroom.extractors.model",
    "Threat": "sitroom.extractors.model",
    "Analysis": "sitroom.extractors.model",
    "Results": "sitroom.extractors.model",
    "Extractor": "sitroom.extractors.protocol",
    "SitroomError": "sitroom.extractors.errors",
    "ConfigError": "sitroom.extractors.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitroom.extractors' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
