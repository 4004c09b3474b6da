"""The pipeline examples run end to end against the loopback stub server (settings from the environment)."""

from __future__ import annotations

import json
import runpy
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.openai_stub import StubServer

ARTICLE = ('President Joe Biden said on Friday that the United States struck 85 targets in Iraq and Syria. '
           '"Our response began today," Biden said.')


def run_example(name: str, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """Run examples/NAME as `python examples/NAME ARGV...` would, returning its exit status."""
    monkeypatch.setattr(sys, "argv", [name, *argv])
    with pytest.raises(SystemExit) as exited:
        runpy.run_path(str(ROOT / "examples" / name), run_name="__main__")
    return int(exited.value.code or 0)


@pytest.fixture
def stub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    """A stub server the examples reach through the environment, with the cache in a temporary directory."""
    with StubServer(latency_s=0.01) as server:
        for name in ("SUMMARIZER_API_KEY", "OPENAI_API_KEY", "SUMMARIZER_PRICES", "SUMMARIZER_CACHE_PATH"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("SUMMARIZER_BASE_URL", server.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", "stub-model")
        monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
        yield server


def test_pipeline_example_turns_a_csv_into_result_lines(stub: StubServer, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A CSV with a bad row gives one JSON line per row, results and the one error, in input order."""
    source = tmp_path / "articles.csv"
    source.write_text("id,title,text\n" + "".join(f'{i},Strikes,"{ARTICLE.replace(chr(34), chr(34) * 2)} {i}"\n'
                                                  for i in range(4)) + "4,,\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert run_example("pipeline_jsonl.py", [str(source), str(out), "--concurrency", "4"], monkeypatch) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["0", "1", "2", "3", "4"]
    assert [line.get("error", {}).get("type") for line in lines] == [None] * 4 + ["InputError"]
    calls = len(stub.requests)
    assert run_example("pipeline_jsonl.py", [str(source), str(out)], monkeypatch) == 1
    assert len(stub.requests) == calls, "the rerun should come from the cache"


def test_dask_example_maps_summarize_many_over_partitions(stub: StubServer, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """On a local Dask cluster, two input files become two result files holding every id once."""
    pytest.importorskip("dask.distributed", reason="the Dask example needs pip install 'summarizer[dask]'")
    (tmp_path / "in").mkdir()
    for part in range(2):
        (tmp_path / "in" / f"{part}.jsonl").write_text(
            "".join(json.dumps({"id": f"{part}-{i}", "text": f"{ARTICLE} {part}-{i}"}) + "\n" for i in range(3)),
            encoding="utf-8")
    out = tmp_path / "out"
    argv = [str(tmp_path / "in" / "*.jsonl"), str(out), "--threads", "--workers", "2"]
    assert run_example("dask_partitions.py", argv, monkeypatch) == 0
    lines = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]
    assert sorted(line["id"] for line in lines) == [f"{p}-{i}" for p in range(2) for i in range(3)]
    assert all("result" in line for line in lines)
