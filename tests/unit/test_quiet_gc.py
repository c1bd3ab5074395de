"""The dashboard's garbage collector policy, with the real `gc` module watched through its
callbacks: full passes wait for a pause in typing, and the process gets its settings back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sitroom.tui.quiet_gc import NEVER, QUIET_SECONDS, YOUNG, QuietCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def full_passes() -> Iterator[list[int]]:
    """Generation-2 collections started while the test runs."""
    seen: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(watch)
    try:
        yield seen
    finally:
        gc.callbacks.remove(watch)


@pytest.fixture
def collector() -> Iterator[QuietCollector]:
    saved = gc.get_threshold()
    quiet = QuietCollector()
    try:
        yield quiet
    finally:
        quiet.stop()
        gc.set_threshold(*saved)
        gc.enable()


def churn() -> None:
    """Cyclic garbage until CPython would start a full collection of its own."""
    due = gc.get_threshold()[0] * 20  # enough allocations for several young passes
    for _ in range(1_000):
        for _ in range(due):
            Cycle()
        if gc.get_count()[2] >= 10:  # CPython's default threshold for a full pass
            return
    raise AssertionError("the young generations never passed objects on")


def test_no_full_collection_runs_while_keys_keep_coming(
    collector: QuietCollector, full_passes: list[int]
) -> None:
    before = gc.get_threshold()
    collector.start()
    assert gc.get_threshold()[2] == NEVER
    assert gc.get_threshold()[0] == YOUNG > before[0]  # young passes less often, too
    for _ in range(3):
        churn()  # each round would have started a full pass in CPython's own settings
        collector.tick(still_for=QUIET_SECONDS / 4)  # typing: a key a tenth of a second ago
    assert full_passes == []


def test_a_pause_runs_one_full_collection_that_frees_cycles(
    collector: QuietCollector, full_passes: list[int]
) -> None:
    collector.start()
    churn()
    marker = Cycle()
    del marker
    collector.tick(still_for=QUIET_SECONDS)
    assert full_passes == [1]
    assert collector.collections == 1
    assert not any(isinstance(o, Cycle) for o in gc.get_objects())
    collector.tick(still_for=QUIET_SECONDS * 2)  # still paused, nothing new: no second pass
    assert full_passes == [1]


def test_a_spare_moment_runs_the_middle_pass_only_once_it_is_half_due(
    collector: QuietCollector,
) -> None:
    middle_passes: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 1:
            middle_passes.append(1)

    collector.start()
    gc.collect(1)  # the middle generation's count starts from nothing
    gc.callbacks.append(watch)
    try:
        collector.spare_moment()
        assert middle_passes == []  # not due: nothing to save a frame from
        half = gc.get_threshold()[1] // 2
        while gc.get_count()[1] < half:
            for _ in range(YOUNG):
                Cycle()
        collector.spare_moment()
        assert middle_passes == [1]
        assert gc.get_count()[1] == 0
    finally:
        gc.callbacks.remove(watch)


def test_frozen_startup_objects_stay_out_of_the_pause_collections(
    collector: QuietCollector,
) -> None:
    alive_at_start = [Cycle() for _ in range(1_000)]
    collector.start()
    assert gc.get_freeze_count() >= len(alive_at_start)
    churn()
    collector.tick(still_for=QUIET_SECONDS)
    assert collector.collections == 1
    assert gc.get_freeze_count() >= len(alive_at_start)  # not thawed, not scanned


def test_stopping_gives_the_process_its_collector_back(collector: QuietCollector) -> None:
    before = gc.get_threshold()
    gc.disable()  # as `sitroom` leaves it for the first frame
    collector.start()
    assert gc.isenabled()
    collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
