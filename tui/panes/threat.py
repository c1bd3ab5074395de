"""The threat pane: the level and its label, a score bar, and the evidence behind it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult, RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from sitroom.extractors.model import Evidence, Threat
from sitroom.tui import bindings
from sitroom.tui.messages import JumpTo
from sitroom.tui.panes.badges import ellipsize, level_style, threat_label
from sitroom.tui.panes.base import AnalysisPane, PaneMessage
from sitroom.tui.panes.prompt_list import MakePrompt, PromptList
from sitroom.tui.snippets import snippet
from sitroom.tui.state import ArticleEntry


class Gauge(Widget):
    """Two lines: `3 COERCIVE MILITARY POSTURE  conf. high` and a bar with the score."""

    DEFAULT_CSS = """
    Gauge { height: 2; padding: 0 1; background: $surface; }
    """

    threat: reactive[Threat | None] = reactive(None)

    def render(self) -> RenderResult:
        threat = self.threat
        if threat is None:
            return ""
        width = max(self.size.width - 2, 10)
        level = max(0, min(threat.level, 4))
        confidence = f"conf. {threat.confidence_label}"
        label = threat_label(threat).upper()
        room = width - len(confidence) - 5
        head = Content.assemble(
            (f" {level} ", level_style(level)),
            " ",
            (ellipsize(label, max(room, 4)), f"bold $sr-threat-{level}"),
        )
        head = Content.assemble(
            head,
            " " * max(width - head.cell_length - len(confidence), 1),
            (confidence, "$foreground-muted"),
        )
        score = max(0.0, min(float(threat.score), 100.0))
        score_text = f" {score:.0f}/100"
        bar_width = max(width - len(score_text), 4)
        filled = round(bar_width * score / 100)
        bar = Content.assemble(
            ("█" * filled, f"$sr-threat-{level}"),
            ("░" * (bar_width - filled), "$text-disabled"),
            (score_text, "bold"),
        )
        return Content("\n").join([head, bar])


INDENT = 6


def evidence_prompt(item: Evidence, text: str, width: int) -> Content:
    """The weight, the reason (and code, and actor), then the sentence around the trigger
    with the trigger emphasised: "Russia is *mobilizing* troops along the …", not just
    "mobilizing". Every line fits `width`."""
    weight = item.weight
    sign = f"{weight:+.1f}" if weight else "0"
    style = "$error" if weight > 0 else "$success" if weight < 0 else "$foreground-muted"
    reason = item.reason + (f" [{item.code}]" if item.code else "")
    if item.actor:
        reason += f" · {item.actor}"
    head = Content.assemble(
        (f"{sign:>5} ", f"bold {style}"),
        (ellipsize(reason, max(width - INDENT, 10)), "bold" if weight else "$foreground-muted"),
    )
    context = snippet(
        text,
        item.span,
        width - INDENT,
        lines=2,
        style="italic $foreground-muted",
        mark="bold $text",
    )
    body = Content("\n").join(Content.assemble(" " * INDENT, line) for line in context.split("\n"))
    return Content("\n").join([head, body])


class EvidenceList(PromptList):
    BINDINGS = bindings.of(bindings.LIST)

    DEFAULT_CSS = """
    EvidenceList {
        height: 1fr;
        border: none;
        background: $surface;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, evidence: list[Evidence], text: str, width: int) -> None:
        self.evidence = evidence
        super().__init__(len(evidence), self._maker(evidence, text, width))

    @staticmethod
    def _maker(evidence: list[Evidence], text: str, width: int) -> MakePrompt:
        width -= 2  # the prompts' own padding
        return lambda i: evidence_prompt(evidence[i], text, width)

    def refill_evidence(self, evidence: list[Evidence], text: str, width: int) -> None:
        """Other evidence in this list, as a new one would show it."""
        self.evidence = evidence
        self.refill(len(evidence), self._maker(evidence, text, width))


class ThreatPane(AnalysisPane):
    TITLE = "Threat"
    WHAT = "a threat level"
    RESULT = Threat

    def compose(self) -> ComposeResult:
        yield PaneMessage(id=f"{self.id}-message")
        yield Gauge(id="gauge")

    @property
    def gauge(self) -> Gauge:
        return self.query_one(Gauge)

    @property
    def list(self) -> EvidenceList:
        body = self.body
        assert isinstance(body, EvidenceList), "no evidence on display"
        return body

    def hide_result(self) -> None:
        self.gauge.threat = None
        self.gauge.display = False

    def build_body(self, entry: ArticleEntry, result: Threat, width: int) -> Widget:
        return EvidenceList(_ranked(result), entry.article.text, width)

    def refill_body(self, body: Widget, entry: ArticleEntry, result: Threat, width: int) -> bool:
        if not isinstance(body, EvidenceList):
            return False
        body.refill_evidence(_ranked(result), entry.article.text, width)
        return True

    def describe(self, entry: ArticleEntry, result: Threat, body: Widget) -> None:
        self.gauge.display = True
        self.gauge.threat = result
        self.border_title = f"Threat {result.level} · {threat_label(result)}"
        self.border_subtitle = f"{len(result.evidence)} evidence"
        if not result.evidence:
            self.say("No evidence: nothing in the text moved the level.")

    @on(PromptList.Selected)
    def _chosen(self, event: PromptList.Selected) -> None:
        event.stop()
        body = event.prompt_list
        if isinstance(body, EvidenceList):
            item = body.evidence[event.index]
            self.post_message(JumpTo([item.span], label=item.reason))


def _ranked(result: Threat) -> list[Evidence]:
    """Strongest first; ignored cues (weight 0) last, still shown so the reader sees them."""
    return sorted(result.evidence, key=lambda e: (e.weight == 0, -abs(e.weight)))
