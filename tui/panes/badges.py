"""Small pieces of styled text shared by the panes: threat badges, kind icons, dates."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from sitroom.extractors.model import THREAT_LABELS, Threat
from sitroom.tui.state import ArticleEntry, Status

KIND_ICONS = {
    "person": "●",
    "country": "◆",
    "government": "■",
    "organization": "▣",
    "igo": "◎",
    "media": "▤",
    "group": "▲",
}
# Styles given to Content name "$foreground-muted", never "$text-muted": that one is
# "auto 60%", which Content draws as plain white on a dark theme and black on a light one.
KIND_STYLES = {
    "person": "$sr-actor",
    "country": "$primary",
    "government": "$secondary",
    "organization": "$success",
    "igo": "$warning",
    "media": "$foreground-muted",
    "group": "$error",
}


def level_style(level: int) -> str:
    return f"bold #000000 on $sr-threat-{max(0, min(level, 4))}"


def threat_badge(threat: Threat | None) -> Content:
    """` 3 ` on the level's colour; ` ? ` when there is no threat result."""
    if threat is None:
        return Content.styled(" - ", "$foreground-muted")
    return Content.styled(f" {threat.level} ", level_style(threat.level))


def status_badge(entry: ArticleEntry) -> Content:
    if entry.status is Status.DONE:
        threat = entry.threat
        if threat is None and entry.analysis is not None and entry.analysis.errors:
            return Content.styled(" ! ", "bold $error")
        return threat_badge(threat)
    if entry.status is Status.FAILED:
        return Content.styled(" ! ", "bold $error")
    if entry.status is Status.ANALYSING:
        if entry.progress is not None:  # a long article: how far, in the badge's 3 cells
            return Content.styled(f"{min(int(entry.progress * 100), 99):>2}%", "bold $accent")
        return Content.styled(" … ", "bold $accent")
    return Content.styled(" · ", "$foreground-muted")


def threat_label(threat: Threat) -> str:
    if threat.label:
        return threat.label
    return THREAT_LABELS[max(0, min(threat.level, len(THREAT_LABELS) - 1))]


def short_date(value: dt.date | None, reference: dt.date | None = None) -> str:
    """ "2 Dec" when the year is the article's own, "2 Dec 2021" otherwise."""
    if value is None:
        return ""
    if reference is not None and value.year == reference.year:
        return f"{value.day} {value:%b}"
    return f"{value.day} {value:%b %Y}"


def ellipsize(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def wrap_lines(text: str, width: int, max_lines: int) -> list[str]:
    """`text` on at most `max_lines` lines of `width`, the last ending in … when cut."""
    import textwrap

    return textwrap.wrap(
        " ".join(text.split()), width=max(width, 8), max_lines=max_lines, placeholder=" …"
    ) or [""]


def progress_bar(fraction: float, width: int = 20) -> str:
    """`▰▰▰▰▱▱▱▱` for a fraction 0..1."""
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return "▰" * filled + "▱" * (width - filled)
