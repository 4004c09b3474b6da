"""Prompt templates: the only reader of `prompts/`.

Prompts are files so they are diffed and reviewed like code. Each is plain text with `$name` placeholders
(`string.Template`); a missing or unused value is a `PromptError`, and `prompt_version()` hashes every template
so a prompt edit invalidates exactly the cached results and cassettes it affects.
"""

from __future__ import annotations

import hashlib
import string
from functools import cache
from importlib import resources
from pathlib import Path

from summarizer.errors import PromptError

_SOURCE_TREE = Path(__file__).resolve().parent.parent / "prompts"


def _directory() -> Path:
    """`prompts/` beside the package in a checkout, or the copy the wheel installs as `summarizer.prompts`."""
    if _SOURCE_TREE.is_dir():
        return _SOURCE_TREE
    return Path(str(resources.files("summarizer.prompts")))


@cache
def load_prompt(name: str) -> string.Template:
    """The template `prompts/<name>.txt`."""
    path = _directory() / f"{name}.txt"
    try:
        return string.Template(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PromptError(f"prompt template {path} is missing; reinstall summarizer or restore the file") from exc


@cache
def _placeholders(name: str) -> frozenset[str]:
    return frozenset(load_prompt(name).get_identifiers())


def render_prompt(name: str, **values: str) -> str:
    """Fill a template; every placeholder must be given and every value used."""
    wanted = _placeholders(name)
    missing, unused = wanted - set(values), set(values) - wanted
    if missing or unused:
        raise PromptError(
            f"prompt {name!r}: missing values {sorted(missing)}, unused values {sorted(unused)}; "
            "make the template and the call agree"
        )
    return load_prompt(name).substitute(values)


@cache
def prompt_version() -> str:
    """A short hash of every template, for cache keys."""
    digest = hashlib.sha256()
    for path in sorted(_directory().glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
