"""Screenshots of the seed dashboard, compared with the accepted ones in __snapshots__/.

Regenerate after a deliberate change with `make snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
from conftest import settle
from snapshot_app import build
from textual.pilot import Pilot

Snap = Callable[..., bool]


def after_analysis(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)
        await pilot.pause(0.1)

    return run_before


@pytest.mark.parametrize(
    ("theme", "size"),
    [
        ("sitroom-dark", (160, 48)),
        ("sitroom-dark", (80, 24)),
        ("sitroom-light", (160, 48)),
        ("sitroom-contrast", (80, 24)),
    ],
)
def test_seed_dashboard(snap_compare: Snap, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(build(theme), terminal_size=size, run_before=after_analysis())


@pytest.mark.parametrize(
    ("name", "keys", "size"),
    [
        ("actor_chosen", ("3", "j", "j", "enter"), (160, 48)),
        ("narrow_actors_tab", ("3",), (80, 24)),
        ("narrow_threat_tab", ("5",), (80, 24)),
        ("help", ("question_mark",), (80, 24)),
        ("next_article", ("right_square_bracket",), (160, 48)),
        ("corpus", ("c",), (160, 48)),
        ("corpus_narrow", ("c",), (80, 24)),
        ("corpus_filtered", ("c", "tab", "j", "enter"), (160, 48)),
    ],
)
def test_seed_dashboard_after_keys(
    snap_compare: Snap, name: str, keys: Iterable[str], size: tuple[int, int]
) -> None:
    assert snap_compare(build(), terminal_size=size, run_before=after_analysis(*keys))
