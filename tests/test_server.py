"""The embedded server's lifecycle: start, reuse, clean shutdown, and clear errors (with a stand-in executable)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from summarizer import ServerStartError
from summarizer._server import EmbeddedServer, free_port

FAKE = str(Path(__file__).with_name("fake_model_server.py"))


def _server(*extra: str) -> EmbeddedServer:
    port = free_port()
    return EmbeddedServer(Path("unused.gguf"), port=port, command=[sys.executable, FAKE, str(port), *extra])


def test_start_answers_and_stop_ends_the_process() -> None:
    """The server is ready when start returns, starting again reuses it, and stop ends the child."""
    server = _server()
    with server:
        pid = server.pid
        assert server.running and server.start() is server and server.pid == pid
        with socket.create_connection(("127.0.0.1", server.port), timeout=2):
            pass
    assert not server.running
    server.stop()  # a second stop is harmless


def test_port_in_use_is_a_clear_error() -> None:
    """A port another program listens on is refused with a message naming it."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = EmbeddedServer(Path("unused.gguf"), port=port, command=[sys.executable, FAKE, str(port)])
        with pytest.raises(ServerStartError, match=f"port {port}"):
            server.start()


def test_crash_at_start_reports_the_servers_output() -> None:
    """A server that exits early gives ServerStartError with its last output."""
    with pytest.raises(ServerStartError) as caught:
        _server("crash").start(timeout_s=20)
    assert "failed to load model" in caught.value.stderr_tail and "exited with code 3" in str(caught.value)


@pytest.mark.parametrize("state", ["idle", "busy"])
def test_server_dies_with_its_parent(tmp_path: Path, state: str) -> None:
    """If the program that started the server is killed outright, the server goes too (no orphan), even in the
    middle of a generation, when llama_cpp.server's SIGTERM would wait for it to finish."""
    import os
    import signal
    import subprocess
    import time

    port = free_port()
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent.parent)!r})\n"
              "from pathlib import Path\nfrom summarizer._server import EmbeddedServer\n"
              f"s = EmbeddedServer(Path('x'), port={port}, command=[sys.executable, {FAKE!r}, '{port}', '{state}'])"
              ".start()\n"
              "print(s.pid, flush=True)\nimport time; time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the server outlived its parent")
