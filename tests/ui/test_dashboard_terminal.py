"""The dashboard in a real pseudo-terminal, as a process: what happens when the terminal goes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path


def read_until(fd: int, marker: bytes, limit: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + limit
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_the_dashboard_quits_when_its_terminal_hangs_up(tmp_path: Path) -> None:
    # A closed terminal window or a killed tmux server does not always send SIGHUP to the
    # program (here it has no controlling terminal at all); it used to live on, with
    # Textual's input thread reading end-of-file in a loop at full CPU.
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(
        os.environ,
        TERM="xterm-256color",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "sitroom.tui"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        assert b"Articles" in read_until(master, b"Articles", 60), "the dashboard did not start"
        os.close(master)  # the terminal hangs up
        process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
