"""The embedded model server: llama-cpp-python's OpenAI-compatible server as a child process.

Running the engine behind the same HTTP API as OpenAI keeps one code path for every backend. The child binds
127.0.0.1 on a free port, is reused for every call of a process, and is stopped at exit; its output is kept so
a failed start explains itself.
"""

from __future__ import annotations

import atexit
import collections
import ctypes
import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from summarizer.errors import ConfigError, ServerStartError

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 120.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_command(model_path: Path, port: int, *, n_ctx: int, n_threads: int) -> list[str]:
    """The command line of the llama.cpp OpenAI-compatible server."""
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model_path),
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(n_ctx), "--n_threads", str(n_threads), "--n_threads_batch", str(n_threads),
        # The default keeps float32 logits for every context position (n_ctx x 151,936 vocabulary = 2.5 GB);
        # we never read them, and without them the server stays near 2 GB.
        "--logits_all", "false",
        "--verbose", "false",
    ]


class EmbeddedServer:
    """A llama.cpp server child process; a context manager, also stopped at interpreter exit."""

    def __init__(self, model_path: Path, *, n_ctx: int = 4096, n_threads: int | None = None,
                 port: int | None = None, command: list[str] | None = None) -> None:
        if command is None and importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError("the embedded model server is not installed; run: pip install 'summarizer[local]' "
                              "(or pass base_url= to use another OpenAI-compatible server)")
        self.port = port or free_port()
        threads = n_threads or max(1, min(os.cpu_count() or 1, 4))
        self.command = command or server_command(model_path, self.port, n_ctx=n_ctx, n_threads=threads)
        self._output: collections.deque[str] = collections.deque(maxlen=40)
        self._process: subprocess.Popen[str] | None = None
        self._drainer: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pid(self) -> int:
        """Process id of the running child (0 when stopped)."""
        return self._process.pid if self._process is not None else 0

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout_s: float = START_TIMEOUT_S) -> EmbeddedServer:
        """Start the child and wait until it answers `GET /v1/models`."""
        if self.running:
            return self
        if not _port_is_free(self.port):
            raise ServerStartError(f"port {self.port} on 127.0.0.1 is already in use; choose another port or "
                                   "stop the program using it")
        logger.info("starting the embedded model server on port %d", self.port)
        self._process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         text=True, errors="replace", start_new_session=True,
                                         preexec_fn=_die_with_parent())  # noqa: PLW1509  # see its docstring
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._drainer.join(timeout=5)  # the last lines may still be in the pipe when the child has exited
                raise ServerStartError(f"the embedded model server exited with code {self._process.returncode} "
                                       "before it was ready", stderr_tail=self.output_tail())
            if _answers(self.port):
                return self
            time.sleep(0.2)
        self.stop()
        raise ServerStartError(f"the embedded model server did not answer within {timeout_s:.0f} s; "
                               "check memory and the model file", stderr_tail=self.output_tail())

    def stop(self) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after 10 s); safe to call twice."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def wait(self) -> None:
        """Block until the child exits."""
        if self._process is not None:
            self._process.wait()

    def output_tail(self) -> str:
        return "".join(self._output)

    def _drain(self) -> None:
        process = self._process
        if process is None or process.stdout is None:
            return
        for line in process.stdout:
            self._output.append(line)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


def _die_with_parent() -> Callable[[], None] | None:
    """A hook for the child, before exec, asking Linux to send SIGKILL when the parent dies, so a killed
    program never leaves a 2 GB model server behind (atexit does not run on SIGKILL). Not SIGTERM: on it,
    llama_cpp.server's uvicorn shuts down gracefully, finishing the generation in flight for a client that is
    gone (a killed `summarizer eval` left it at full CPU for over 10 minutes). Everything is looked up here in
    the parent: the child only calls one C function, with no import and no lock."""
    if sys.platform != "linux":
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    pr_set_pdeathsig, sigkill = 1, int(signal.SIGKILL)
    return lambda: prctl(pr_set_pdeathsig, sigkill)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _answers(port: int) -> bool:
    """Whether the server answers `GET /v1/models` with 200. A bare socket, not urllib or httpx, so HTTP
    recorders in tests (vcrpy) neither see nor intercept this private health check."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
            connection.sendall(b"GET /v1/models HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            return connection.recv(64).split(b" ")[1:2] == [b"200"]
    except (OSError, IndexError):
        return False
