"""Disputed figures: claims that count the same thing, side by side with their sources.

Two numbers count the same thing when they count the same kind of thing (people, soldiers, targets) in the same
event, read from the words next to the figure in the article ("the death of 16 people", "killing of 23
people", "about 40 people were killed" all count people killed), or else in what the model says they count. A group is disputed when
its values or its claimants differ, so a reader sees 16 (per one source) beside 23 (per another) and about 40
(unattributed) instead of any one of them alone.
"""

from __future__ import annotations

import re

from summarizer.models import Figure, Number, Span

# The events news most often counts, each with the words that report it.
_EVENTS = {
    "killed": r"death|deaths|dead|died|die|killed|killing|killings|fatalities|lives",
    "wounded": r"wounded|wounding|injured|injuring|injuries|hurt",
    "arrested": r"arrested|arrests|detained|detention",
    "displaced": r"displaced|fled|evacuated|homeless",
    "rescued": r"rescued|saved|rescue",
    "missing": r"missing|disappeared",
}
# One pattern for them all, each event a named group: the words of no two events overlap.
_EVENT = re.compile(r"\b(?:" + "|".join(f"(?P<{event}>{words})" for event, words in _EVENTS.items()) + r")\b",
                    re.IGNORECASE)
_CLAUSE_BEFORE = re.compile(r"[.;:!?]")
_CLAUSE_AFTER = re.compile(r"[.;:!?,]")
_LETTERS = re.compile(r"[a-z]+")
_WINDOW = 40
# Units that all mean people ("16 people", "25 others", "200 persons"); soldiers or migrants stay apart.
_PEOPLE = {"people", "person", "other", "individual", "civilian", "resident"}
_STOP = {"the", "a", "an", "of", "in", "at", "on", "by", "to", "for", "and", "or", "from", "with", "number",
         "total", "people", "persons", "us", "who", "were", "was", "that", "which"}


def event_of(article: str, evidence: Span) -> str | None:
    """The event a figure counts, from the words within a few words of it in its clause, nearest first."""
    before = _CLAUSE_BEFORE.split(article[max(0, evidence.start - _WINDOW) : evidence.start])[-1]
    after = _CLAUSE_AFTER.split(article[evidence.end : evidence.end + _WINDOW])[0]
    found = [(m.start() - len(before), m.lastgroup) for m in _EVENT.finditer(before)]
    found += [(m.start(), m.lastgroup) for m in _EVENT.finditer(after)]
    return min(found, key=lambda item: abs(item[0]))[1] if found else None


def _topic(article: str, number: Number) -> tuple[str, str]:
    unit = number.unit.lower().rstrip("s")
    unit = "people" if unit in _PEOPLE else unit
    event = event_of(article, number.evidence)
    if event:
        return unit, event
    words = [w for w in _LETTERS.findall(number.counts.lower()) if w not in _STOP and w not in number.unit]
    return unit, (words[0] if words else "")


def group_figures(article: str, numbers: list[Number]) -> list[Figure]:
    """Groups of two or more claims about the same quantity, in order of first appearance."""
    groups: dict[tuple[str, str], list[Number]] = {}
    for number in numbers:
        topic = _topic(article, number)
        if topic[1]:
            groups.setdefault(topic, []).append(number)
    figures = []
    for claims in groups.values():
        if len(claims) < 2:
            continue
        disputed = len({c.value for c in claims}) > 1 or len({c.claimed_by for c in claims}) > 1
        figures.append(Figure(counts=claims[0].counts, unit=claims[0].unit, claims=claims, disputed=disputed))
    return figures
