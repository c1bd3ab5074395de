"""Python's full garbage collections moved to the user's pauses, off the keystroke path.

Measured with 1,000 analysed articles (benchmarks/bench_dashboard.py): a full collection
scanned the 110,000-odd objects of Textual's live widgets and render caches (each Strip
carries seven small caches) and took 34 ms median, 60 ms at worst. CPython starts one
after every ten middle-generation passes, a few article switches apart, in the middle of
whichever frame allocates at the time: they made most of the slowest switches.

Here CPython never starts a full collection itself. When the keyboard and mouse have been
still for QUIET_SECONDS and CPython would have started one by now, it runs then instead,
between keys. The young generations collect as before (most cyclic garbage dies young).
The youngest generation is collected less often (YOUNG), and the middle one's pass runs in
a spare moment (`spare_moment`). What is frozen stays out of every pass: the objects alive
at the first frame and the analyses as they arrive (see SitroomApp._settle_memory), which
are long-lived and free of reference cycles.

Freezing the survivors of each pause was tried and dropped: render caches hang off widgets
that form reference cycles, and when those later died their caches could no longer be
reclaimed (385,000 objects, 55 MB, held after 150 switches).
"""

from __future__ import annotations

import gc

QUIET_SECONDS = 0.4
NEVER = 1 << 30  # a full-collection threshold that is never reached
# Youngest-generation threshold (CPython's default is 700). A switch's frame makes and drops
# thousands of small objects (Strips and their caches); at 700 the young pass ran 15-20
# times per switch, 1.5-5 ms in all. With a higher threshold more of them are freed by
# reference counting before a pass sees them. Pty runs of 100 switches over 1,000 articles,
# p95: 28-32 ms at 700, 24-24.5 at 2,000, 25.4 at 3,000 (the same, within the noise); at
# 5,000 the middle generation's passes grew to 11-17 ms. Every figure since was measured at
# 3,000.
YOUNG = 3000


class QuietCollector:
    """Owns the process's collector settings while the dashboard runs."""

    def __init__(self) -> None:
        self._saved_threshold: tuple[int, int, int] | None = None
        self.collections = 0  # full collections run on pauses (tests read it)

    @property
    def active(self) -> bool:
        return self._saved_threshold is not None

    def start(self) -> None:
        """Once the first frame is drawn: what is alive now (modules, classes, styles,
        the first widgets) lives for good and is never worth scanning again."""
        if self._saved_threshold is not None:
            return
        self._saved_threshold = gc.get_threshold()
        _, middle, _ = self._saved_threshold
        gc.freeze()
        gc.set_threshold(YOUNG, middle, NEVER)
        gc.enable()

    def tick(self, still_for: float) -> None:
        """Called a few times a second with how long input has been still."""
        saved = self._saved_threshold
        if saved is None or still_for < QUIET_SECONDS:
            return
        if gc.get_count()[2] >= saved[2]:  # CPython would have started one by now
            gc.collect()
            self.collections += 1

    def spare_moment(self) -> None:
        """Called when a frame has just been drawn and the next key is not due yet (after
        the next article is prepared): the middle generation's pass, 3-5 ms, runs now if
        it is more than half way due, rather than inside the frame of a later switch."""
        if self._saved_threshold is None:
            return
        if gc.get_count()[1] >= gc.get_threshold()[1] // 2:
            gc.collect(1)

    def freeze(self) -> None:
        """Objects known to be long-lived and acyclic (analyses just arrived) leave the
        collector's view without a scan; reference counting still frees them."""
        gc.freeze()

    def stop(self) -> None:
        """Give the process back its usual collector (tests run many apps in one)."""
        if self._saved_threshold is None:
            return
        gc.set_threshold(*self._saved_threshold)
        self._saved_threshold = None
        gc.unfreeze()
