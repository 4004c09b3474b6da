"""How long a server asks a client to wait (HTTP 429 or 503): `retry-after-ms`, or Retry-After in seconds or as an
HTTP date. One reading for the per-call retries and for the batch-wide rate-limit gate."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

MAX_RETRY_AFTER_S = 60.0


def retry_after_s(headers: Mapping[str, str]) -> float | None:
    """Seconds the server asks to wait, at most `MAX_RETRY_AFTER_S` (a date in the past is 0); None when it says
    nothing usable (absent, negative, NaN, or neither a number nor a date)."""
    if headers.get("retry-after-ms"):
        told = _number(headers["retry-after-ms"])
        return None if told is None else min(told / 1000, MAX_RETRY_AFTER_S)
    raw = headers.get("retry-after")
    if not raw:
        return None
    told = _number(raw)
    if told is None:
        try:
            told = max(parsedate_to_datetime(raw).timestamp() - time.time(), 0.0)
        except (ValueError, TypeError):
            return None
    return min(told, MAX_RETRY_AFTER_S)


def _number(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None

