"""Batch analysis inside spaCy's own worker processes.

`nlp.pipe(n_process=N)` parses in N worker processes but sends every parsed Doc back to
the main process as bytes; running the extractors there afterwards would leave the main
process as the bottleneck. Instead the extractors run in the workers, as the last step of
the batch pipeline, and only the small encoded analysis comes back:

- each text is sent as an `_ArticleText`, a `str` that carries its `Article` (it is pickled
  to the worker with the text, and spaCy tokenizes it there exactly as it would a plain
  string);
- a wrapped tokenizer stores that Article in the new Doc's `user_data`;
- the `sitroom_extract` component runs the extractors on the full Doc and hands back a
  near-empty Doc whose `user_data` holds the encoded analysis.

The batch pipeline is its own copy of the model, so the shared one (used by the dashboard
and by `Pipeline.analyze`) never sees these additions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sitroom.extractors.codec import decode_analysis, encode_analysis
from sitroom.extractors.model import Analysis, Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitroom.extractors.pipeline import Pipeline

COMPONENT = "sitroom_extract"
ARTICLE_KEY = "sitroom.article"
ANALYSIS_KEY = "sitroom.analysis"


class _ArticleText(str):
    """The text of an article, carrying the article itself across process boundaries."""

    article: Article

    def __new__(cls, article: Article) -> _ArticleText:
        value = super().__new__(cls, article.text)
        value.article = article
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (_ArticleText, (self.article,))


class _CarryingTokenizer:
    """Tokenizes as before and keeps the Article an `_ArticleText` brought along."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        article = getattr(text, "article", None)
        if article is None:
            return self.tokenizer(text)
        doc = self.tokenizer(str.__str__(text))  # the Cython tokenizer takes exact str only
        doc.user_data[ARTICLE_KEY] = article
        return doc

    def __getattr__(self, name: str) -> Any:  # everything else is the real tokenizer's
        return getattr(self.tokenizer, name)


class _ExtractComponent:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Doc as _Doc

        article = doc.user_data.get(ARTICLE_KEY)
        if not isinstance(article, Article):  # a plain string: nothing to attach results to
            return doc
        analysis = self.pipeline.run_extractors(doc, article)
        # Only the analysis travels back to the main process, not the parsed Doc.
        light = _Doc(doc.vocab, words=[])
        light.user_data[ANALYSIS_KEY] = encode_analysis(analysis)
        return light


def build_batch_nlp(pipeline: Pipeline) -> Language:
    """A separate copy of the pipeline's model with the extractors as its last step."""
    from sitroom.extractors.nlp import load_model

    nlp = load_model(pipeline.config.model, shared=False)
    nlp.tokenizer = _CarryingTokenizer(nlp.tokenizer)
    component = nlp.add_pipe(_register(), last=True)
    assert isinstance(component, _ExtractComponent)
    component.pipeline = pipeline
    return nlp


def _register() -> str:
    """Register the component factory once (idempotent, explicit rather than at import)."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):

        def make(nlp: Language, name: str) -> _ExtractComponent:
            return _ExtractComponent(pipeline=None)  # type: ignore[arg-type]

        Language.factory(COMPONENT, func=make)
    return COMPONENT


def carrier(article: Article) -> str:
    return _ArticleText(article)


def analysis_of(doc: Doc) -> Analysis | None:
    blob = doc.user_data.get(ANALYSIS_KEY)
    return decode_analysis(blob) if isinstance(blob, bytes) else None
