"""The extractor plugin protocol.

An extractor is any class with a `name` and a `run` method; no base class is needed. It may
also declare, as class attributes:

- `Options`: a dataclass of typed options. The config's `options:` mapping is validated
  against it (unknown keys and wrong types are config errors) and an instance is passed to
  the constructor: `Extractor(options)`. Without `Options` the class is built with no
  arguments and any `options:` in the config is an error.
- `requires`: names of extractors whose results `run` reads from `results`; they must come
  earlier in the config.
- `produces`: the result type `run` returns, so a pane can show this extractor's error
  when it fails.
- `version`: bump it when output changes, so cached analyses are recomputed.
- `timeout`: seconds before the run is abandoned (the config's `timeout:` overrides it).
- `load()`: a method that loads large data (lexicons, models). The constructor should stay
  cheap, because extractors are built when the config is checked, before the dashboard's
  first frame and for every cached analysis; the pipeline calls `load()` once, before the
  first run (and before forking worker processes, which then share what it loaded).

`run(doc, article, results)` gets the shared spaCy `Doc` of the article, the `Article`, and
the `Results` of the extractors before it, and returns its result: ideally a frozen
dataclass, otherwise anything `msgspec` can turn into JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitroom.extractors.model import Article, Results


@runtime_checkable
class Extractor(Protocol):
    name: str

    def run(self, doc: Doc, article: Article, results: Results) -> Any: ...
