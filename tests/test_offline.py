"""The suite is offline and its recordings are strict: no connection beyond loopback, and a changed request
fails with instructions to re-record."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from pytest_socket import SocketConnectBlockedError

from tests.helpers import ROOT


def test_non_loopback_connections_are_blocked() -> None:
    """Opening a connection to any host but 127.0.0.1 fails inside the test run."""
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("93.184.216.34", 443), timeout=1)


def test_changed_request_fails_with_the_re_record_message() -> None:
    """Replaying a cassette with a changed request (here max_tokens) fails and says how to re-record."""
    test = "tests/test_articles.py::test_article_is_grounded_and_meets_floor[us_strikes_iraq_syria]"
    env = {**os.environ, "SUMMARIZER_MAX_TOKENS": "599"}
    run = subprocess.run([sys.executable, "-m", "pytest", test, "-q", "-p", "no:cacheprovider", "--no-live"],
                         check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "the request is not in the cassette" in run.stdout
    assert "--record-mode=rewrite" in run.stdout
