"""Score the model-free speakers (who speaks in each sentence) against PolNeAR's attribution gold.

Usage:
    python benchmarks/speakers_against_polnear.py DIR [--misses OUT.jsonl]

DIR is one compartment of PolNeAR (Newell, Margolin and Ruths, LREC 2018: US political news of the 2016
election, from seven publishers, each attribution's source, cue and content marked by hand), with its folders
`text/` (the articles), `attributions/` (brat standoff, `NAME_ANNOTATOR.ann`) and `corenlp/` (CoreNLP's XML,
`NAME.txt.xml`, read for its coreference chains only). The corpus is not committed here; it is kept in the
public repository networkdynamics/PolNeAR, under `data/train`, `data/dev` and `data/test`. The corpus asks that
`test` be used only to measure, never read. An article annotated by several annotators is scored on the first.

Each article is analysed as the summarizer does (`analyse`, then `prepare` over the whole article); a speaker
that is no party (a name candidate left out of the parties) is no speaker, as in the output. An attribution
is judged in the sentence holding its cue: the library's speaker of that sentence is right when one
of the places the speaker is named (its names, the titles and kinds it is called by) overlaps the gold source.
A source that is a pronoun ("he said") is judged through CoreNLP's coreference chain holding it: right when the
speaker is named where that chain names someone; a pronoun in no chain with a name is not judged. The source
kinds: `named` (a capitalised word in it), `pronoun`, `other` ("officials", "the campaign").

It prints one JSON object:
- recall: for each source kind, and for all of them, the share of judged attributions whose sentence's speaker
  is the source; `said` is the same over cues that are a form of "say", "tell", "add" or "according to", the
  ones the library reads (PolNeAR also marks beliefs and intentions: "figures", "wants", "mocked").
- precision: of the sentences given a speaker, the share whose speaker is the source of an attribution with its
  cue or content in that sentence; a sentence that no attribution touches counts as wrong, and one whose only
  attributions are pronouns in no chain is not judged.
Overlap is lenient: "Clinton campaign spokesman Brian Fallon" is matched by Clinton as by Fallon.
- parties: how many the articles' output would have, and how many of them are named in the headline (the first
  line) only, which title-case headlines ("Dan Ross Says Norvia Will Cut 300 Jobs") inflate.
`--misses` writes each missed attribution and each wrong speaker, with the sentence.
This script reads private modules on purpose: it measures them, not the public API.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from outside_gold import run

from summarizer._actors import Candidate
from summarizer._party_selection import party_candidates
from summarizer._pipeline import analyse, prepare
from summarizer._spans import sentence_of
from summarizer.models import Span

_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "me", "his", "their"}
_SAID = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|according)\b",
                   re.IGNORECASE)

Range = tuple[int, int]


@dataclass
class Attribution:
    source: list[Range]
    cue: list[Range]
    content: list[Range]


def _ranges(field: str) -> list[Range]:
    """brat's "START END" or, for a discontinuous span, "START END;START END"."""
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]


def read_attributions(path: Path) -> list[Attribution]:
    """The attributions of one brat file: each event's source, cue and content spans."""
    spans: dict[str, list[Range]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _ranges(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return [Attribution(source=spans.get(event.get("Source", ""), []), cue=spans.get(event.get("Cue", ""), []),
                        content=spans.get(event.get("Content", ""), []))
            for event in events]


def read_chains(path: Path) -> list[list[Range]]:
    """CoreNLP's coreference chains, each mention as character offsets."""
    tokens: dict[tuple[int, int], Range] = {}
    chains: list[list[Range]] = []
    sentence = 0
    for _, element in ElementTree.iterparse(path):
        if element.tag == "token" and element.find("CharacterOffsetBegin") is not None:
            begin, end = element.findtext("CharacterOffsetBegin"), element.findtext("CharacterOffsetEnd")
            tokens[(sentence + 1, int(element.get("id", 0)))] = (int(begin or 0), int(end or 0))
            element.clear()
        elif element.tag == "sentence" and element.get("id"):
            sentence = int(element.get("id", 0))
            element.clear()
        elif element.tag == "coreference" and element.find("mention") is not None:
            chain = []
            for mention in element.findall("mention"):
                at = int(mention.findtext("sentence") or 0)
                first, last = int(mention.findtext("start") or 0), int(mention.findtext("end") or 0) - 1
                if (at, first) in tokens and (at, last) in tokens:
                    chain.append((tokens[(at, first)][0], tokens[(at, last)][1]))
            chains.append(chain)
    return chains


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _kind(text: str) -> str:
    words = re.findall(r"[\w’']+", text)
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    return "named" if any(w[:1].isupper() and w.lower() not in _PRONOUNS | {"the", "a", "an"} for w in words) \
        else "other"


def _referents(article: str, source: list[Range], kind: str, chains: list[list[Range]]) -> list[Range] | None:
    """Where the source is named: the source itself, or for a pronoun the named mentions of its chain."""
    if kind != "pronoun":
        return source
    for chain in chains:
        if any(_overlaps(mention, part) for mention in chain for part in source):
            named = [m for m in chain if _kind(article[m[0] : m[1]]) != "pronoun"]
            return named or None
    return None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _article_scores(article: str, attributions: list[Attribution], chains: list[list[Range]],
                    count: collections.Counter[str], misses: list[dict[str, object]], name: str) -> None:
    analysis = analyse(article)
    sentences = analysis.sentences
    prepared = prepare(analysis, range(len(sentences)))
    selected = party_candidates(analysis.article, prepared.candidates)
    acting = {id(c) for c in selected}
    headline_end = article.find("\n") if "\n" in article else len(article)
    count["parties"] += len(selected)
    count["parties in the headline only"] += sum(all(m.start < headline_end for m in c.mentions) for c in selected)
    speakers = [c if c is not None and id(c) in acting else None for c in prepared.speakers]  # as the output has
    everywhere = prepared.named.within(Span(start=0, end=len(article), text=article))
    places: dict[int, list[Range]] = collections.defaultdict(list)
    for mention, candidate in everywhere:
        places[id(candidate)].append((mention.start, mention.end))

    def speaks(candidate: Candidate | None, referents: list[Range]) -> bool:
        return candidate is not None and any(_overlaps(p, r) for p in places[id(candidate)] for r in referents)

    touching: dict[int, list[list[Range] | None]] = collections.defaultdict(list)
    for attribution in attributions:
        if not attribution.source or not attribution.cue:
            continue
        source_text = " ".join(article[a:b] for a, b in attribution.source)
        kind = _kind(source_text)
        referents = _referents(article, attribution.source, kind, chains)
        index = sentence_of(sentences, attribution.cue[0][0])
        for start, end in [*attribution.cue, *attribution.content]:
            for at in {sentence_of(sentences, start), sentence_of(sentences, max(start, end - 1))}:
                touching[at].append(referents)
        if referents is None:
            count[f"{kind} unjudged"] += 1
            continue
        said = bool(_SAID.search(" ".join(article[a:b] for a, b in attribution.cue)))
        speaker = speakers[index]
        right = speaks(speaker, referents)
        for group in (kind, "all", *(("said", f"said {kind}") if said else ())):
            count[group] += 1
            count[f"{group} right"] += right
        if not right:
            misses.append({"article": name, "missed": kind, "source": source_text, "said": said,
                           "speaker": speaker.name if speaker else None, "sentence": sentences[index].text})
    for index, speaker in enumerate(speakers):
        if speaker is None:
            continue
        judged = [r for r in touching.get(index, []) if r is not None]
        if touching.get(index) and not judged:
            continue
        count["speakers"] += 1
        if any(speaks(speaker, referents) for referents in judged):
            count["speakers right"] += 1
        else:
            count["speakers untouched" if not judged else "speakers wrong"] += 1
            misses.append({"article": name, "wrong": speaker.name, "touched": bool(judged),
                           "sentence": sentences[index].text})


def score(folder: Path, misses: list[dict[str, object]]) -> dict[str, object]:
    """The figures the module docstring describes, over every article of `folder` with its annotation."""
    count: collections.Counter[str] = collections.Counter()
    for text_path in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        xml = folder / "corenlp" / f"{text_path.name}.xml"
        if not annotations:
            continue
        article = text_path.read_text(encoding="utf-8")
        chains = read_chains(xml) if xml.is_file() else []
        count["articles"] += 1
        _article_scores(article, read_attributions(annotations[0]), chains, count, misses, text_path.stem)
    groups = ("named", "pronoun", "other", "all", "said", "said named", "said pronoun", "said other")
    return {
        "folder": folder.name, "articles": count["articles"],
        "recall": {group: {"judged": count[group], "right": _share(count[f"{group} right"], count[group])}
                   for group in groups},
        "unjudged_pronouns": count["pronoun unjudged"],
        "precision": _share(count["speakers right"], count["speakers"]),
        "speakers": {"given": count["speakers"], "right": count["speakers right"],
                     "wrong": count["speakers wrong"], "where_no_attribution": count["speakers untouched"]},
        "parties": {"selected": count["parties"], "named in the headline only": count["parties in the headline only"]},
    }


def main() -> int:
    return run(__doc__, "a PolNeAR compartment, e.g. PolNeAR/data/test", lambda folder: None if (
        folder / "text").is_dir() and (folder / "attributions").is_dir() else "no text/ and attributions/ folders",
        score)


if __name__ == "__main__":
    raise SystemExit(main())
