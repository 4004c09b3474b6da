"""The package passes ruff and `mypy --strict`, run as part of the test command (so CI checks them too)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "ruff", "check", "summarizer", "tests", "benchmarks", "examples"],
    [sys.executable, "-m", "mypy", "--strict", "summarizer"],
], ids=["ruff", "mypy"])
def test_tool_is_clean(command: list[str]) -> None:
    """The tool reports nothing to fix."""
    if shutil.which(command[2]) is None and subprocess.run([sys.executable, "-m", command[2], "--version"],
                                                           capture_output=True, check=False).returncode:
        pytest.skip(f"{command[2]} is not installed (pip install -e '.[test]')")
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
