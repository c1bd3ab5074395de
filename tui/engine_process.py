"""spaCy and the extractors in a child process, so nothing they do can freeze the screen.

A worker *thread* shares the GIL with the UI, and spaCy's tokenizer, like some extractor
code, holds it for seconds at a time on a long article: the dashboard would stop drawing
and reading keys. A child process cannot do that. It is started on the first article that
needs spaCy, keeps its pipelines between articles, and is killed when the dashboard exits,
even in the middle of an analysis.

It is a plain `subprocess` (not `multiprocessing`, whose helpers want the real stderr that
Textual has taken over) speaking length-prefixed pickles over its stdin and stdout; what the
child itself prints goes to a log file, never into the protocol or onto the screen.
Parent -> child: `(sys_path, config, article)`. Child -> parent: `("progress", (fraction,
note))` any number of times (fraction 0..1, or None before the analysis proper starts; at
most ten a second, see `Reporter`), then `("ok", encoded_analysis)` or `(kind, message)`
with kind `config` (the pipeline cannot be built), `sitroom` (a user error) or `error`
(anything else).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from sitroom.extractors.config import Config
from sitroom.extractors.errors import ConfigError, SitroomError
from sitroom.extractors.model import Analysis, Article

POLL_SECONDS = 0.1
REPORT_SECONDS = 0.1  # the child sends at most this often, except when the step changes
CHILD_CODE = "from sitroom.tui.engine_process import child_main; child_main()"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_HEADER = struct.Struct("!Q")


def _write(stream: IO[bytes], value: Any) -> None:
    blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = memoryview(_HEADER.pack(len(blob)) + blob)
    while data:  # an unbuffered pipe may take a large message in several writes
        written = stream.write(data)
        data = data[written if written is not None else len(data) :]
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    return pickle.loads(_read_exact(stream, size))


class EngineDied(SitroomError):
    pass


def _pipeline_key(config: Config) -> str:
    specs = [[s.use, s.enabled, s.options, s.timeout, s.index] for s in config.extractors]
    return json.dumps([config.file, config.model, specs], sort_keys=True, default=str)


class Reporter:
    """`Pipeline.analyze`'s progress callback in the child: forwards (fraction, step) to
    the parent, coalesced, so a long parse never floods the pipe or the screen."""

    def __init__(self, send: Callable[[Any], None], clock: Callable[[], float]) -> None:
        self.send = send
        self.clock = clock
        self.step = ""
        self.sent_at = -1.0

    def __call__(self, fraction: float, step: str) -> None:
        now = self.clock()
        if step == self.step and now - self.sent_at < REPORT_SECONDS:
            return
        self.step, self.sent_at = step, now
        self.send(("progress", (max(0.0, min(float(fraction), 1.0)), step)))


def child_main() -> None:
    """The child's loop: read a job, answer it, until the parent goes away."""
    # below the dashboard in the scheduler's eyes: the screen stays smooth while we parse
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    # the protocol keeps the real stdout; anything printed goes where stderr goes (a log)
    proto_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    proto_in = sys.stdin.buffer
    pipelines: dict[str, Any] = {}
    model_ready = False

    def send(value: Any) -> None:
        _write(proto_out, value)

    while True:
        try:
            path, config, article = _read(proto_in)
        except (EOFError, OSError):
            return
        sys.path[:] = path  # the parent's, so `module:Class` plugins import the same way
        try:
            from sitroom.extractors.codec import encode_analysis
            from sitroom.extractors.pipeline import Pipeline

            key = _pipeline_key(config)
            pipeline = pipelines.get(key)
            if pipeline is None:
                for old in pipelines.values():
                    old.close()
                pipelines.clear()
                pipeline = pipelines[key] = Pipeline(config)
            if not model_ready:
                send(("progress", (None, f"loading the spaCy model {config.model}")))
                pipeline.nlp  # noqa: B018 - load it now so the note above is true
                model_ready = True
            send(("progress", (0.0, "parsing")))
            reporter = Reporter(send, time.monotonic)
            send(("ok", encode_analysis(pipeline.analyze(article, progress=reporter))))
        except ConfigError as exc:
            send(("config", str(exc)))
        except SitroomError as exc:
            send(("sitroom", str(exc)))
        except Exception as exc:  # an engine bug: report it, keep serving
            send(("error", f"{type(exc).__name__}: {exc}"))


class EngineProcess:
    """One child process; `analyze` is called from one worker thread at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._closed = False

    def _start(self) -> subprocess.Popen[bytes]:
        if self._closed:
            raise EngineDied("the dashboard is closing")
        self._log = tempfile.TemporaryFile(prefix="sitroom-engine-")  # noqa: SIM115 - kept open
        env = dict(os.environ)
        for name in THREAD_VARIABLES:  # leave a core to the screen on small machines
            env.setdefault(name, "1")
        self._process = subprocess.Popen(
            [sys.executable, "-c", CHILD_CODE],
            # unbuffered: `analyze` waits with select() on the pipe, which cannot see
            # messages a buffered reader has already pulled in (several progress reports
            # and the result can arrive in one read)
            bufsize=0,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            close_fds=True,
            env=env,
        )
        return self._process

    def analyze(
        self,
        config: Config,
        article: Article,
        progress: Callable[[str, float | None], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Analysis:
        from sitroom.extractors.codec import decode_analysis

        with self._lock:
            process = self._process if self._process is not None else self._start()
            assert process.stdin is not None and process.stdout is not None
            try:
                _write(process.stdin, (list(sys.path), config, article))
                while True:
                    while not select.select([process.stdout], [], [], POLL_SECONDS)[0]:
                        if cancelled() or self._closed:
                            self._kill()
                            raise EngineDied("analysis cancelled")
                        if process.poll() is not None:
                            raise EOFError
                    kind, payload = _read(process.stdout)
                    if kind != "progress":
                        break
                    if progress is not None:
                        fraction, note = payload
                        progress(note, fraction)
            except (EOFError, OSError, pickle.UnpicklingError):
                raise EngineDied(self._death_note()) from None
        if kind == "ok":
            return decode_analysis(payload)
        if kind == "config":
            raise ConfigError(payload)
        raise SitroomError(payload)

    def _death_note(self) -> str:
        process = self._process
        code = process.poll() if process is not None else None
        last = ""
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.seek(0)
                lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
                last = f": {lines[-1]}" if lines else ""
        self._kill()
        return (
            f"the analysis process stopped (exit code {code}){last}; "
            "it restarts for the next article"
        )

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=2)
            for stream in (process.stdin, process.stdout):
                with contextlib.suppress(OSError):
                    if stream is not None:
                        stream.close()
        if self._log is not None:
            self._log.close()
            self._log = None

    def close(self) -> None:
        """Stop the child now, whatever it is doing."""
        self._closed = True
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
