"""Disputed figures: claims that count the same thing, side by side with their sources.

Two numbers count the same thing when they share a unit and the leading content word of what they count
("people killed at security sites" / "people killed in Syria"). A group is disputed when its values or its
claimants differ, so a reader sees 16 (per one source) beside 23 (per another) instead of either alone.
"""

from __future__ import annotations

import re

from summarizer.models import Figure, Number

_STOP = {"the", "a", "an", "of", "in", "at", "on", "by", "to", "for", "and", "or", "from", "with", "number",
         "total", "people", "persons", "us", "who", "were", "was", "that", "which"}


def _topic(number: Number) -> tuple[str, str]:
    words = [w for w in re.findall(r"[a-z]+", number.counts.lower()) if w not in _STOP and w not in number.unit]
    return number.unit.lower().rstrip("s"), (words[0] if words else "")


def group_figures(numbers: list[Number]) -> list[Figure]:
    """Groups of two or more claims about the same quantity, in order of first appearance."""
    groups: dict[tuple[str, str], list[Number]] = {}
    for number in numbers:
        topic = _topic(number)
        if topic[1]:
            groups.setdefault(topic, []).append(number)
    figures = []
    for claims in groups.values():
        if len(claims) < 2:
            continue
        disputed = len({c.value for c in claims}) > 1 or len({c.claimed_by for c in claims}) > 1
        figures.append(Figure(counts=claims[0].counts, unit=claims[0].unit, claims=claims, disputed=disputed))
    return figures
