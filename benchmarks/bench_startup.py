"""Start-up: the dashboard's first paint and a cached `sitroom analyze`, against a bare
Textual app measured in the same run.

    OMP_NUM_THREADS=1 .venv/bin/python -P benchmarks/bench_startup.py [--rounds 7]

Each program runs in a real pseudo-terminal (120x40); the clock stops when a marker text
first appears in what it writes: the bare app's only line, or the first sample's title in
the dashboard's article list (started as `make run` starts it, on the bundled samples).
The cached analyze is timed from launch to exit, after one warm-up run has filled the
cache (in a private XDG cache directory). Medians are printed with the ratios the speed
issue sets as goals:

- dashboard first paint / bare Textual first line   (goal <= 1.5)
- cached `sitroom analyze` of the seed / bare start  (goal <= 2.0)
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = REPO / "extractors" / "samples" / "000_ed336b92c00c1c33.txt"


def time_to_marker(
    command: list[str], marker: bytes, env: dict[str, str], limit: float = 30
) -> float:
    """Seconds from launch until `marker` shows up on the program's terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while time.perf_counter() - started < limit:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - started
        raise RuntimeError(f"{marker!r} never appeared; last output: {seen[-300:]!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def time_command(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="sitroom-bench-")
    env = dict(
        os.environ,
        TERM="xterm-256color",
        XDG_CACHE_HOME=f"{home}/cache",
        XDG_CONFIG_HOME=f"{home}/config",
        OMP_NUM_THREADS="1",
    )
    env.pop("SITROOM_CONFIG", None)
    # Measure what a user gets: bytecode cached, as after any first run (an environment
    # with PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "build")], check=False)
    bare = [sys.executable, str(REPO / "benchmarks" / "bare_textual_app.py")]
    dashboard = [str(BIN / "sitroom")]  # as `make run`: the bundled samples
    analyze = [str(BIN / "sitroom"), "analyze", str(SEED), "--format", "jsonl"]
    time_command(analyze, env)  # fills the cache
    time_to_marker(bare, b"BARE-TEXTUAL-READY", env)  # warms the file system cache

    times: dict[str, list[float]] = {"bare": [], "dashboard": [], "cached analyze": []}
    for _ in range(args.rounds):
        times["bare"].append(time_to_marker(bare, b"BARE-TEXTUAL-READY", env))
        times["dashboard"].append(time_to_marker(dashboard, b"Blinken Tells", env))
        times["cached analyze"].append(time_command(analyze, env))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"medians of {args.rounds} rounds:")
    for name, value in median.items():
        print(f"  {name:15} {value * 1000:7.0f} ms")
    paint = median["dashboard"] / median["bare"]
    cached = median["cached analyze"] / median["bare"]
    print(f"dashboard first paint / bare Textual: {paint:.2f}  (goal <= 1.5)")
    print(f"cached analyze / bare Textual:        {cached:.2f}  (goal <= 2.0)")


if __name__ == "__main__":
    main()
