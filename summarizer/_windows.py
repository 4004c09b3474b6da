"""Long articles: windows of sentences that fit the model's context, and merging what each window found.

An article longer than one window is cut on sentence boundaries (a paragraph break always ends a sentence) into
windows that overlap by a couple of sentences, so a pronoun at the start of a window can still find its speaker.
Every span is an offset into the whole article from the start (windows are ranges of the article's sentences,
never copies of its text), so merging needs no offset arithmetic: parties merge by name and alias, numbers by
their span, stances by party and span. The summary is then written over a digest: the sentences that carry the
merged claims, plus the first sentence of each window, within one window's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer._parties import merge_parties, resolve_party
from summarizer.models import Number, Party, Rejected, Span, Stance, Usage

OVERLAP_SENTENCES = 2


@dataclass
class Extraction:
    """What the passes over one window established."""

    parties: list[Party] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


def plan_windows(sentences: list[Span], window_chars: int) -> list[range]:
    """Consecutive sentence ranges of at most `window_chars` characters, overlapping by two sentences."""
    windows: list[range] = []
    first = 0
    while first < len(sentences):
        last = first
        while last + 1 < len(sentences) and sentences[last + 1].end - sentences[first].start <= window_chars:
            last += 1
        windows.append(range(first, last + 1))
        if last + 1 >= len(sentences):
            break
        first = max(first + 1, last + 1 - OVERLAP_SENTENCES)
    return windows


def merge_extractions(article: str, parts: list[Extraction]) -> Extraction:
    """One record from the windows' records: each party, number and stance once."""
    if len(parts) == 1:
        return parts[0]
    merged = Extraction(parties=merge_parties(article, [p for part in parts for p in part.parties]))

    def canonical(name: str | None) -> str | None:
        party = resolve_party(merged.parties, name)
        return party.name if party else name

    seen_numbers: set[tuple[int, int]] = set()
    seen_stances: set[tuple[str | None, int]] = set()
    for part in parts:
        for number in part.numbers:
            if (number.evidence.start, number.evidence.end) not in seen_numbers:
                seen_numbers.add((number.evidence.start, number.evidence.end))
                merged.numbers.append(number.model_copy(update={"claimed_by": canonical(number.claimed_by)}))
        for stance in part.stances:
            key = (canonical(stance.party), stance.evidence.start)
            if key not in seen_stances:
                seen_stances.add(key)
                merged.stances.append(stance.model_copy(update={"party": key[0]}))
        merged.rejected += part.rejected
        merged.usage += part.usage
    merged.numbers.sort(key=lambda n: n.evidence.start)
    merged.stances.sort(key=lambda s: s.evidence.start)
    return merged


def digest(sentences: list[Span], found: Extraction, window_chars: int) -> list[int]:
    """Indices of the sentences to show for the summary of a long article, in article order."""
    claims = [n.evidence for n in found.numbers] + [s.evidence for s in found.stances]
    wanted: list[int] = []
    for index, sentence in enumerate(sentences):
        if index == 0 or any(sentence.start <= c.start < sentence.end for c in claims):
            wanted.append(index)
    chosen, size = [], 0
    for index in wanted:
        size += len(sentences[index].text) + 8
        if size > window_chars:
            break
        chosen.append(index)
    return chosen
