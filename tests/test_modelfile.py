"""Assembling the embedded model from its registry parts: verified, reused, and refused when wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summarizer import ModelFileError
from summarizer._modelfile import assemble_model, part_paths


def _parts(tmp_path: Path) -> tuple[list[Path], str]:
    chunks = [b"GGUF" + bytes([n]) * 1000 for n in range(3)]
    paths = []
    for number, chunk in enumerate(chunks, start=1):
        path = tmp_path / f"part{number:02d}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    return paths, hashlib.sha256(b"".join(chunks)).hexdigest()


def test_parts_are_concatenated_in_order_and_verified(tmp_path: Path) -> None:
    """The assembled file is the parts in order, and a second call reuses it without reading the parts."""
    parts, digest = _parts(tmp_path)
    target = tmp_path / "cache" / "model.gguf"
    assert assemble_model(parts, target, sha256=digest) == target
    assert target.read_bytes() == b"".join(p.read_bytes() for p in parts)
    for part in parts:
        part.unlink()
    assert assemble_model(parts, target, sha256=digest) == target


def test_hash_mismatch_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    """A corrupt part gives a ModelFileError naming the fix, and no half-written model remains."""
    parts, digest = _parts(tmp_path)
    parts[1].write_bytes(b"corrupt")
    target = tmp_path / "cache" / "model.gguf"
    with pytest.raises(ModelFileError, match="reinstall"):
        assemble_model(parts, target, sha256=digest)
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_installed_parts_are_all_present() -> None:
    """With the `local` extra installed, all 22 parts are found in order (else a clear error names the part)."""
    try:
        paths = part_paths()
    except ModelFileError as error:
        assert "pip install" in str(error)
        return
    assert len(paths) == 22 and [p.name for p in paths] == [f"part{n:02d}.bin" for n in range(1, 23)]
