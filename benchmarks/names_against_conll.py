"""Score the model-free names and parties against the CoNLL-2003 named-entity gold (Reuters news, 1996).

Usage:
    python benchmarks/names_against_conll.py FILE [--misses OUT.jsonl]

FILE is a CoNLL-2003 English file (`eng.testa`, `eng.testb`: one "token ... tag" line per token, the tag last,
BIO or BIOES; "-DOCSTART-" between documents). The corpus is Reuters' and is not committed here; copies of it
are kept in many public repositories (search for "eng.testb").

Each document is rebuilt as a news article: its first line is the title, a byline before the dateline is
dropped, the dateline becomes "PLACE (Reuters) -", and the tokens are joined as written text ("U.S.'s" not
"U.S. 's"). Tables of results and prices are skipped: a document is kept when most of its lines (at least three)
are sentences of eight tokens or more, half of them lower-case words, ending with a full stop or a quotation mark.

It prints one JSON object:
- names: how many name phrases the library finds (`find_names`) and how many overlap no gold entity.
- mentions: for each gold type (PER, ORG, LOC, MISC), the share of gold mentions that a name overlaps and
  that a name spans exactly.
- gold_parties: the distinct PER and ORG strings of each document, and the share that is a name or an alias of a
  party the library selects (the eval's party-matching rule: case, punctuation and a leading "the" ignored).
- parties: the parties the library selects, sorted by what their names are in the gold: PER or ORG ("ok"), LOC
  (a country that acts may rightly be one), MISC (nationalities, events), part of a gold name ("partial"), or
  no gold name at all ("none"); precision counts "ok" only, and again with LOC.
- kind: of the parties matching a PER or ORG string, the share whose kind agrees (person for PER, any other
  kind for ORG).

CoNLL's gold tags every name, where a party is a name that acts or speaks, so precision here is a floor.
`--misses` writes each missed gold string and each party that matches no PER or ORG string, with its context.
This script reads private modules on purpose: it measures them, not the public API.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from outside_gold import run

from summarizer._actors import cluster_names
from summarizer._eval import normalize_name
from summarizer._party_selection import party_candidates, party_kind
from summarizer._pipeline import analyse

_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")", "]", "%", "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'d",
                    "'m"}
_NO_SPACE_AFTER = {"(", "[", "$"}
_DATE = re.compile(r" \d{4}-\d\d-\d\d$")

Token = tuple[str, str]  # the token and its tag


@dataclass
class Document:
    title: str
    text: str
    gold: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, type


def _documents(path: Path) -> Iterator[list[list[Token]]]:
    """The documents of a CoNLL file, each a list of its lines of tokens."""
    document: list[list[Token]] = []
    line_tokens: list[Token] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if not parts:
            if line_tokens:
                document.append(line_tokens)
                line_tokens = []
            continue
        if parts[0] == "-DOCSTART-":
            if document:
                yield document
            document = []
            continue
        line_tokens.append((parts[0], parts[-1]))
    if line_tokens:
        document.append(line_tokens)
    if document:
        yield document


def _quotes_merged(tokens: list[Token]) -> list[Token]:
    """Two apostrophes in a row ("' '") and `` or '' are a double quotation mark."""
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        token, tag = tokens[index]
        if token == "'" and index + 1 < len(tokens) and tokens[index + 1][0] == "'":
            merged.append(('"', "O"))
            index += 2
            continue
        merged.append(('"', tag) if token in ("``", "''") else (token, tag))
        index += 1
    return merged


def _closes(previous: str | None, following: str | None, open_quote: bool) -> bool:
    """Whether a quotation mark between these tokens closes a quotation."""
    if following is None or following in _NO_SPACE_BEFORE or following[:1].islower():
        return True
    if previous is None or previous in (":", "(", ".", "?", "!", ",") and not open_quote:
        return False
    return open_quote


def _joined(tokens: list[Token]) -> tuple[str, list[tuple[int, int, str]]]:
    """The line as written text, and its entities' spans in it."""
    tokens = _quotes_merged(tokens)
    text, spans = "", []
    entity: list[int | str] | None = None
    open_quote = opened = False
    for index, (token, tag) in enumerate(tokens):
        previous = tokens[index - 1][0] if index else None
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        space = bool(text) and token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER and not opened
        opened = False
        if token == '"':
            closing = _closes(previous, following, open_quote)
            space = space and not closing
            open_quote = opened = not closing
        if token == "." and text.endswith("."):
            token = ""  # "U.S." ending a sentence
        text += " " * space
        start = len(text)
        text += token
        kind = tag[2:] if len(tag) > 2 else None
        if entity is not None and (tag == "O" or tag[:2] in ("B-", "S-")):
            spans.append((int(entity[0]), int(entity[1]), str(entity[2])))
            entity = None
        if kind is not None:
            if entity is None:
                entity = [start, len(text), kind]
            entity[1] = len(text)
            if tag[:2] in ("S-", "E-"):
                spans.append((int(entity[0]), int(entity[1]), str(entity[2])))
                entity = None
    if entity is not None:
        spans.append((int(entity[0]), int(entity[1]), str(entity[2])))
    return text, spans


def _prose(tokens: list[Token]) -> bool:
    words = [token for token, _ in tokens]
    return (len(words) >= 8 and words[-1] in {".", '"', "'"}
            and sum(word.isalpha() and word.islower() for word in words) >= len(words) / 2)


def read_documents(path: Path) -> Iterator[Document]:
    """The prose documents of a CoNLL file, as articles with their gold entities."""
    for lines in _documents(path):
        if len(lines) < 4:
            continue
        title, body = _joined(lines[0])[0], lines[1:]
        if sum(map(_prose, body)) < max(3, 0.6 * len(body)):
            continue
        document = Document(title=title, text="")
        for index, tokens in enumerate(body):
            line, spans = _joined(tokens)
            if index == 0 and len(body) > 1 and _DATE.search(_joined(body[1])[0]):
                continue  # a byline before the dateline
            if index < 2 and (date := _DATE.search(line)):
                line = line[: date.start()] + " (Reuters) -"
            offset = len(document.text) + bool(document.text)
            document.text += " " * bool(document.text) + line
            document.gold += [(start + offset, end + offset, kind) for start, end, kind in spans]
        yield document


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score(path: Path, misses: list[dict[str, object]]) -> dict[str, object]:
    """The figures the module docstring describes, over every prose document of `path`."""
    count: collections.Counter[str] = collections.Counter()
    for number, document in enumerate(read_documents(path)):
        text = document.text
        analysis = analyse(text, document.title)
        candidates = cluster_names(text, analysis.names)
        parties = party_candidates(text, candidates)
        count["documents"] += 1
        for start, end, kind in document.gold:
            count[f"{kind}"] += 1
            count[f"{kind} found"] += any(n.start < end and start < n.end for n in analysis.names)
            count[f"{kind} exact"] += any(n.start == start and n.end == end for n in analysis.names)
        count["names"] += len(analysis.names)
        count["names outside gold"] += sum(not any(n.start < end and start < n.end for start, end, _ in document.gold)
                                           for n in analysis.names)
        types: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for start, end, kind in document.gold:
            types[normalize_name(text[start:end])][kind] += 1
        gold = {name: kinds.most_common(1)[0][0] for name, kinds in types.items()}
        keys = {id(c): {normalize_name(name) for name in c.names} for c in parties}
        for name, kind in gold.items():
            if kind in ("PER", "ORG"):
                count[f"gold {kind}"] += 1
                found = any(name in keys[id(p)] for p in parties)
                count[f"gold {kind} party"] += found
                if not found:
                    misses.append({"document": number, "missed": kind, "name": name})
        for party in parties:
            matched = {gold[key] for key in keys[id(party)] if key in gold}
            first = min(party.mentions, key=lambda span: span.start)
            if matched & {"PER", "ORG"}:
                label = "ok"
                person = party_kind(party) == "person"
                count["kind checked"] += 1
                count["kind right"] += person == ("PER" in matched)
            elif matched:
                label = "LOC" if "LOC" in matched else "MISC"
            else:
                label = "partial" if any(first.start < end and start < first.end
                                         for start, end, _ in document.gold) else "none"
            count["parties"] += 1
            count[f"parties {label}"] += 1
            if label != "ok":
                misses.append({"document": number, "party": party.name, "is": label, "kind": party_kind(party),
                               "context": text[max(0, first.start - 60) : first.end + 40]})
    gold_total = count["gold PER"] + count["gold ORG"]
    precision = _share(count["parties ok"], count["parties"])
    recall = _share(count["gold PER party"] + count["gold ORG party"], gold_total)
    return {
        "file": path.name, "documents": count["documents"],
        "names": {"found": count["names"], "outside_gold": count["names outside gold"]},
        "mentions": {kind: {"gold": count[kind], "overlapped": _share(count[f"{kind} found"], count[kind]),
                            "exact": _share(count[f"{kind} exact"], count[kind])}
                     for kind in ("PER", "ORG", "LOC", "MISC")},
        "gold_parties": {kind: {"gold": count[f"gold {kind}"], "found": _share(count[f"gold {kind} party"],
                                                                               count[f"gold {kind}"])}
                         for kind in ("PER", "ORG")},
        "parties": {label: count[f"parties {label}"] for label in ("ok", "LOC", "MISC", "partial", "none")},
        "precision": precision,
        "precision_with_LOC": _share(count["parties ok"] + count["parties LOC"], count["parties"]),
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision and recall else None,
        "kind": _share(count["kind right"], count["kind checked"]),
    }


def main() -> int:
    return run(__doc__, "a CoNLL-2003 file, e.g. eng.testb", lambda path: None if path.is_file() else "no such file",
               score)


if __name__ == "__main__":
    raise SystemExit(main())
