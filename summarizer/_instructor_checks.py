"""instructor's check that a response model declares no async validators, made once per model class.

instructor (1.17) runs `reject_async_validators(response_model)` five times on every call (in the client, the
patched create and the retry loop), and each run walks every attribute of every class in the model's MRO and
of its nested models: about 1 ms of CPU a call for our drafts, 8% of the client's CPU in a batch against a fast
server. A class's validators are fixed once the class is built, so a class that passed once passes again: the
check is remembered per class that passed. A class that declares an async validator is still rejected, every
time, with instructor's own error. Where instructor no longer has the function, nothing is changed.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any

_MODULES = ("instructor.v2.validation.async_validators", "instructor.v2.core.patch")


def remember_passed_checks() -> None:
    """Make instructor's async-validator check remember the classes that passed (idempotent)."""
    import importlib

    try:
        modules = [importlib.import_module(name) for name in _MODULES]
    except ModuleNotFoundError:  # another instructor layout: its own check runs as it is
        return
    check = getattr(modules[0], "reject_async_validators", None)
    if check is None or getattr(check, "remembers_passed", False):
        return
    remembered = _remembering(check)
    for module in modules:
        if getattr(module, "reject_async_validators", None) is check:
            module.reject_async_validators = remembered  # type: ignore[attr-defined]  # not declared by instructor


def _remembering(check: Callable[[Any], None]) -> Callable[[Any], None]:
    passed: weakref.WeakSet[type] = weakref.WeakSet()

    @functools.wraps(check)
    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type) and response_model in passed:
            return
        check(response_model)  # raises for a model with async validators: that is never remembered
        if isinstance(response_model, type):
            passed.add(response_model)

    reject_async_validators.remembers_passed = True  # type: ignore[attr-defined]
    return reject_async_validators
