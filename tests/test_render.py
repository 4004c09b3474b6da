"""Tests for `summarizer._render` and `summarizer._html`: Markdown, terminal and HTML views of a result.

The fixture is a hand-built `ArticleSummary` over the opening of the sample article
`us_strikes_iraq_syria.txt` (embedded below, so the tests need no files and no model); every span is located
with `str.find`, exactly as the library grounds claims.
"""

from __future__ import annotations

import io
import random
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from rich.console import Console

from summarizer._render import render_html, render_markdown, render_terminal
from summarizer.errors import InputError
from summarizer.models import (
    ArticleSummary,
    Figure,
    Number,
    Party,
    Qualifier,
    Rejected,
    Span,
    Stance,
    SupportedText,
    Usage,
)

ARTICLE = (
    "Capitals (agencies)\n"
    "The United States launched air strikes in Iraq and Syria yesterday, on more than 85 targets,"
    " amid reports that about 40 people were killed.\n"
    "The strikes came in response to an attack targeting American forces, which led to the death of"
    " 3 soldiers on the Jordanian-Syrian border.\n"
    "The use of long-range B-1 bombers by American forces launched from the United States is for the"
    " first time in the response of the administration of US President Joe Biden to the attack"
    " carried out by militants early last week.\n"
    "The US President said, “Our response began today, and will continue at the times and places we"
    " choose.”\n"
    "Meanwhile, US Defense Secretary Austin Lloyd said after the raids, “This is the beginning of"
    " our response.”\n"
    "He continued, “We do not want a conflict in the Middle East or anywhere else, but the president"
    " and I will not tolerate any attacks on American forces.”\n"
    "The Iraqi government spokesman, Bassem Al-Awadi, considered that the American attack on Iraq’s"
    " sovereignty undermines the chances of the success of negotiations to organize the work of the"
    " international coalition in Iraq.\n"
    "He added that the targeting of Iraqi security sites resulted in the death of 16 people and the"
    " wounding of 25 others, in addition to losses in residential buildings and citizens’ property.\n"
    "Al-Awadi reiterated, “Iraq refuses to let its lands be an arena for settling scores, and all"
    " parties must realize this. Iraq’s land and sovereignty are not the appropriate place to send"
    " messages and display force.”\n"
    "For its part, Syrian sources said that the American raids resulted in the killing of 23 people"
    " who were at the targeted sites."
)


def span(article: str, text: str, nth: int = 0) -> Span:
    """The `nth` occurrence of `text` in `article`, found with `str.find`."""
    start = -1
    for _ in range(nth + 1):
        start = article.find(text, start + 1)
        assert start >= 0, f"{text!r} (occurrence {nth}) is not in the article"
    return Span(start=start, end=start + len(text), text=text)


def words(article: str, text: str) -> list[Span]:
    """Every occurrence of `text` that is a whole word ('Iraq' but not the start of 'Iraqi')."""
    found, start = [], article.find(text)
    while start >= 0:
        end = start + len(text)
        before = article[start - 1] if start else " "
        after = article[end] if end < len(article) else " "
        if not before.isalpha() and not after.isalpha():
            found.append(Span(start=start, end=end, text=text))
        start = article.find(text, start + 1)
    return found


KILLED = "people killed in the strikes"


def number(
    value: float, unit: str, counts: str, evidence: str, qualifier: Qualifier = "exact", by: str | None = None
) -> Number:
    """A number claim grounded on the first occurrence of `evidence` in the sample article."""
    grounded = span(ARTICLE, evidence)
    return Number(
        value=value, unit=unit, counts=counts, qualifier=qualifier, claimed_by=by, evidence=grounded
    )


def fixture_parties() -> list[Party]:
    """Six parties; Biden's and Austin's mentions are adjacent, Iraq's sit inside a quote."""
    biden = sorted(words(ARTICLE, "Joe Biden") + words(ARTICLE, "US President"), key=lambda s: s.start)
    awadi = [span(ARTICLE, "Bassem Al-Awadi"), span(ARTICLE, "Al-Awadi", nth=1)]
    austin = [span(ARTICLE, "US Defense Secretary"), span(ARTICLE, "Austin Lloyd")]
    return [
        Party(name="United States", kind="country", aliases=["US"], mentions=words(ARTICLE, "United States")),
        Party(name="Joe Biden", kind="person", aliases=["US President"], mentions=biden),
        Party(name="Bassem Al-Awadi", kind="person", aliases=["Al-Awadi"], mentions=awadi),
        Party(name="Iraq", kind="country", mentions=words(ARTICLE, "Iraq")),
        Party(name="Syrian sources", kind="source", mentions=[span(ARTICLE, "Syrian sources")]),
        Party(
            name="Lloyd Austin",
            kind="person",
            aliases=["Austin Lloyd", "US Defense Secretary"],
            mentions=austin,
        ),
    ]


def fixture_numbers() -> list[Number]:
    """Four figures: two unattributed, two with a claimant (the disputed death toll)."""
    return [
        number(85, "targets", "targets struck by US air strikes", "more than 85 targets", "more_than"),
        number(40, "people", KILLED, "about 40 people", "approximately"),
        number(16, "people", KILLED, "death of 16 people", by="Bassem Al-Awadi"),
        number(23, "people", KILLED, "killing of 23 people", by="Syrian sources"),
    ]


def fixture_stances() -> list[Stance]:
    """Two quoted stances; the second quote contains a party mention ("Iraq")."""
    biden = "Our response began today, and will continue at the times and places we choose."
    awadi = (
        "Iraq refuses to let its lands be an arena for settling scores, and all parties must realize this."
    )
    target = "the US strikes"
    return [
        Stance(
            party="Joe Biden",
            target=target,
            label="support",
            position="The strikes are the start of a continuing US response.",
            evidence=span(ARTICLE, biden),
        ),
        Stance(
            party="Bassem Al-Awadi",
            target=target,
            label="oppose",
            position="Iraq must not be an arena for settling scores.",
            evidence=span(ARTICLE, awadi),
        ),
    ]


def sentence(opening: str) -> Span:
    """The whole line of the sample that starts with `opening` (each line there is one sentence or more)."""
    start = ARTICLE.find(opening)
    end = ARTICLE.find("\n", start)
    return span(ARTICLE, ARTICLE[start : end if end >= 0 else len(ARTICLE)])


def fixture_summary() -> list[SupportedText]:
    """Two summary sentences supported by whole sentences that contain parties and numbers."""
    return [
        SupportedText(
            text="The US struck more than 85 targets in Iraq and Syria after 3 soldiers were killed.",
            support=[sentence("The United States launched"), sentence("The strikes came")],
        ),
        SupportedText(
            text="Iraq says 16 people died; Syrian sources put the toll at 23.",
            support=[sentence("He added that"), sentence("For its part, Syrian sources")],
        ),
    ]


def build_result() -> ArticleSummary:
    """A hand-made record of the sample: parties, 4 numbers, 2 quotes, a disputed figure, a rejection."""
    numbers, summary = fixture_numbers(), fixture_summary()
    # Starts before Al-Awadi's quote and ends inside it: a partial overlap with the stance's evidence.
    key_point = SupportedText(
        text="Iraq rejects being an arena for settling scores.",
        support=[span(ARTICLE, "Al-Awadi reiterated, “Iraq refuses to let its lands")],
    )
    reason = "'200' does not occur in the article; copy the figure exactly"
    return ArticleSummary(
        summary=" ".join(s.text for s in summary),
        summary_sentences=summary,
        key_points=[key_point],
        parties=fixture_parties(),
        stances=fixture_stances(),
        numbers=numbers,
        figures=[Figure(counts=KILLED, unit="people", claims=[numbers[2], numbers[3]], disputed=True)],
        rejected=[Rejected(kind="number", claim="200 people killed", reason=reason)],
        checked=12,
        model="qwen2.5-coder-1.5b-instruct",
        usage=Usage(prompt_tokens=2100, completion_tokens=340, calls=3),
    )


class ParsedView(HTMLParser):
    """Checks that tags balance and records the text inside `#article` and which highlights cover it."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.article_depth: int | None = None
        self.text = ""
        self.covered: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(str(attributes["href"]))
        if tag in self.VOID:
            return
        if attributes.get("id") == "article":
            self.article_depth = len(self.stack)
        self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if self.article_depth is not None and len(self.stack) == self.article_depth:
            self.article_depth = None

    def handle_data(self, data: str) -> None:
        if self.article_depth is None:
            return
        start = len(self.text)
        self.text += data
        for tag, attributes in self.stack[self.article_depth + 1 :]:
            kind, ident = attributes.get("data-kind"), attributes.get("data-id")
            if tag != "mark" or kind is None or ident is None:
                continue
            self.covered[(kind, ident)].append((start, len(self.text)))


def parse(page: str) -> ParsedView:
    parser = ParsedView()
    parser.feed(page)
    parser.close()
    return parser


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with touching or overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def expected_coverage(result: ArticleSummary) -> dict[tuple[str, str], list[tuple[int, int]]]:
    spans: dict[tuple[str, str], list[Span]] = {}
    for i, p in enumerate(result.parties):
        spans[("party", f"p-{i}")] = p.mentions
    for i, n in enumerate(result.numbers):
        spans[("number", f"n-{i}")] = [n.evidence]
    for i, s in enumerate(result.stances):
        spans[("quote", f"q-{i}")] = [s.evidence]
    return {key: merged([(s.start, s.end) for s in value if s.end > s.start]) for key, value in spans.items()}


def test_fixture_is_grounded() -> None:
    """Every span of the fixture slices back to its text, so the view tests start from a valid record."""
    result = build_result()
    spans = [m for p in result.parties for m in p.mentions] + [n.evidence for n in result.numbers]
    spans += [s.evidence for s in result.stances] + [sp for t in result.summary_sentences for sp in t.support]
    assert all(ARTICLE[s.start : s.end] == s.text for s in spans)


def test_markdown_contains_evidence_reasons_and_counts() -> None:
    """Markdown shows each number's evidence with offsets, each rejection reason, counts, model and usage."""
    result = build_result()
    md = result.to_markdown()
    assert md == render_markdown(result)
    for n in result.numbers:
        assert f"“{n.evidence.text}” [{n.evidence.start}:{n.evidence.end}]" in md
    for r in result.rejected:
        assert r.reason in md
    for heading in (
        "## Summary sentences",
        "## Key points",
        "## Parties",
        "## Numbers",
        "## Stances",
        "## Disputed figure: people killed in the strikes (people)",
        "## Rejected claims",
    ):
        assert heading in md
    assert "Checked: 12 claims; rejected: 1" in md
    assert "qwen2.5-coder-1.5b-instruct" in md and "2100 prompt + 340 completion = 2440" in md
    assert "| 85 | targets | targets struck by US air strikes | more than | unattributed |" in md
    first_support = result.summary_sentences[0].support[0]
    assert f"   > {first_support.text}" in md


def test_markdown_escapes_pipes_in_cells() -> None:
    """A pipe in a cell is escaped, so every table row keeps its column count."""
    text = "a | b"
    result = ArticleSummary(
        summary=text,
        parties=[Party(name="A|B", kind="group", mentions=[Span(start=0, end=5, text=text)])],
        rejected=[Rejected(kind="party", claim="x|y", reason="not | found\nanywhere")],
    )
    md = render_markdown(result)
    assert "| A\\|B | group |" in md and "| party | x\\|y | not \\| found anywhere |" in md
    for line in md.splitlines():
        if line.startswith(("| A", "| party")):
            assert len(re.findall(r"(?<!\\)\|", line)) == (5 if line.startswith("| A") else 4)


def test_render_terminal_prints_every_section() -> None:
    """The rich view prints the summary, the tables, claimants, rejections and usage, with no markup leaks."""
    buffer = io.StringIO()
    render_terminal(build_result(), Console(file=buffer, width=220, color_system=None))
    out = buffer.getvalue()
    for text in (
        "Summary",
        "Parties",
        "Numbers",
        "Stances",
        "Disputed figure",
        "Rejected claims",
        "Syrian sources",
        "unattributed",
        "'200' does not occur",
        "Checked: 12 claims",
        "2440",
    ):
        assert text in out
    assert "\x1b[" not in out


def test_html_escapes_article_and_claim_markup() -> None:
    """Markup in the article or in claim data renders as text and never becomes an element."""
    article = "<script>alert(1)</script> & <b>bold</b>"
    tag = Span(start=0, end=8, text="<script>")
    result = ArticleSummary(
        summary="s",
        parties=[Party(name="</script><script>alert(2)</script>", kind="other", mentions=[tag])],
    )
    page = render_html(result, article)
    assert "<script>alert" not in page and "<b>bold" not in page
    assert 'data-id="p-0" tabindex="0" id="p-0">&lt;script&gt;</mark>' in page
    assert "</mark>alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</article>" in page
    assert page.count("<script") == 2  # the claim data and the viewer script, nothing from the article
    view = parse(page)
    assert view.errors == [] and view.text == article


def test_html_distinct_ids_per_kind_equal_claims() -> None:
    """Each party, number and quote is one distinct data-id, however many pieces or mentions it has."""
    result = build_result()
    view = parse(result.to_html(ARTICLE, title="US strikes"))
    kinds: dict[str, set[str]] = defaultdict(set)
    for kind, ident in view.covered:
        kinds[kind].add(ident)
    assert len(kinds["party"]) == sum(1 for p in result.parties if p.mentions)
    assert len(kinds["number"]) == len(result.numbers)
    assert len(kinds["quote"]) == len(result.stances)


def test_html_nested_and_overlapping_spans_are_well_formed() -> None:
    """Tags balance, the article text comes back exactly, and each claim's pieces cover exactly its spans."""
    result = build_result()
    view = parse(render_html(result, ARTICLE))
    assert view.errors == [] and view.stack == []
    assert view.text == ARTICLE
    got = {key: merged(ranges) for key, ranges in view.covered.items()}
    assert got == expected_coverage(result)


def test_html_links_point_at_existing_anchors() -> None:
    """Every summary, key point and figure link targets an element id that exists once in the page."""
    view = parse(render_html(build_result(), ARTICLE))
    targets = [h[1:] for h in view.hrefs if h.startswith("#")]
    assert {"s-0-0", "s-0-1", "s-1-0", "s-1-1", "k-0-0", "n-2", "n-3"} <= set(targets)
    assert all(view.ids.count(t) == 1 for t in targets)


@pytest.mark.parametrize("seed", range(40))
def test_html_random_overlaps_are_well_formed(seed: int) -> None:
    """Random nested, identical, adjacent and partly overlapping spans still give balanced, exact markup."""
    rng = random.Random(seed)
    article = "".join(rng.choice("ab <>&“”\n") for _ in range(rng.randint(1, 60)))

    def some() -> Span:
        start = rng.randint(0, len(article))
        end = rng.randint(start, min(len(article), start + 25))
        return Span(start=start, end=end, text=article[start:end])

    result = ArticleSummary(
        summary="s",
        parties=[Party(name=f"p{i}", kind="other", mentions=[some() for _ in range(3)]) for i in range(3)],
        numbers=[Number(value=i, unit="u", counts="c", evidence=some()) for i in range(4)],
        stances=[
            Stance(party="p0", target="t", label="neutral", position="x", evidence=some()) for _ in range(3)
        ],
        summary_sentences=[SupportedText(text="s", support=[some(), some()])],
    )
    view = parse(render_html(result, article))
    assert view.errors == [] and view.stack == [] and view.text == article
    got = {key: merged(ranges) for key, ranges in view.covered.items()}
    assert got == {key: value for key, value in expected_coverage(result).items() if value}


def test_html_rejects_an_article_that_does_not_match_the_spans() -> None:
    """Rendering against another article raises InputError naming the span instead of misplacing marks."""
    with pytest.raises(InputError, match=r"does not match the article"):
        render_html(build_result(), ARTICLE.upper())
