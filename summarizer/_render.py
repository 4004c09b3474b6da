"""Render an `ArticleSummary` for people: Markdown, a rich terminal view, and (through `_html`) an HTML view.

Renderers only read a finished result; they never call a model. Every claim is shown beside the article words
that ground it (the text and its `[start:end]` offsets), so a reader can check the record instead of trusting
it. Markdown and the terminal share the same row builders, so the two views cannot drift apart. The HTML view
lives in `_html.py` (its markup builder, stylesheet and script would push this module past our size limit);
`render_html` stays importable from here because `ArticleSummary.to_html` and callers look for it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.models import ArticleSummary, Figure, Number, Span, SupportedText

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

__all__ = ["format_qualifier", "format_value", "render_html", "render_markdown", "render_terminal"]

_MAX_LISTED_MENTIONS = 5

# (title, column headers, rows): one table of the record, rendered by Markdown and by rich alike.
_Section = tuple[str, list[str], list[list[str]]]


def format_value(number: Number) -> str:
    """Write a number's value without float noise: 85.0 -> '85', 2000000.0 -> '2,000,000', 2.5 -> '2.5'."""
    if number.value.is_integer():
        return f"{int(number.value):,}"
    return f"{number.value:,}"


def format_qualifier(number: Number) -> str:
    """Write a qualifier as words: 'more_than' -> 'more than'."""
    return number.qualifier.replace("_", " ")


def format_span(span: Span) -> str:
    """Quote a span with its half-open offsets, e.g. '“about 40 people” [120:135]'."""
    return f"“{span.text}” [{span.start}:{span.end}]"


def _claimant(number: Number) -> str:
    return number.claimed_by or "unattributed"


def _number_row(number: Number) -> list[str]:
    return [
        format_value(number),
        number.unit,
        number.counts,
        format_qualifier(number),
        _claimant(number),
        format_span(number.evidence),
    ]


def _sections(result: ArticleSummary) -> list[_Section]:
    """The tables of a result, in reading order; empty ones included so a reader sees 'none' explicitly."""
    parties = [[p.name, p.kind, ", ".join(p.aliases) or "—", _mentions(p.mentions)] for p in result.parties]
    stances = [[s.party, s.target, s.label, s.position, format_span(s.evidence)] for s in result.stances]
    rejected = [[r.kind, r.claim, r.reason] for r in result.rejected]
    return [
        ("Parties", ["Name", "Kind", "Aliases", "Mentions"], parties),
        (
            "Numbers",
            ["Value", "Unit", "Counts", "Qualifier", "Claimed by", "Evidence"],
            [_number_row(n) for n in result.numbers],
        ),
        ("Stances", ["Party", "Target", "Label", "Position", "Evidence"], stances),
        *(_figure_section(f) for f in result.figures if f.disputed),
        ("Rejected claims", ["Kind", "Claim", "Reason"], rejected),
    ]


def _figure_section(figure: Figure) -> _Section:
    rows = [
        [format_value(n), format_qualifier(n), _claimant(n), format_span(n.evidence)] for n in figure.claims
    ]
    title = f"Disputed figure: {figure.counts} ({figure.unit})"
    return title, ["Value", "Qualifier", "Claimed by", "Evidence"], rows


def _mentions(mentions: list[Span]) -> str:
    listed = ", ".join(f"[{m.start}:{m.end}]" for m in mentions[:_MAX_LISTED_MENTIONS])
    more = ", …" if len(mentions) > _MAX_LISTED_MENTIONS else ""
    return f"{len(mentions)}: {listed}{more}" if mentions else "0"


def _footer_lines(result: ArticleSummary) -> list[str]:
    usage = result.usage
    tokens = f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion = {usage.total_tokens}"
    return [
        f"Checked: {result.checked} claims; rejected: {len(result.rejected)}",
        f"Model: {result.model or 'unknown'}",
        f"Usage: {usage.calls} calls, {tokens} tokens",
    ]


# --- Markdown -------------------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    """A table cell: pipes escaped and line breaks flattened, since either would end the cell or the row."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("|", "\\|")


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["_None._"]
    lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows)
    return lines


def _md_supported(title: str, items: list[SupportedText]) -> list[str]:
    if not items:
        return []
    lines = [f"## {title}", ""]
    for index, item in enumerate(items, start=1):
        lines.append(f"{index}. {item.text}")
        for span in item.support:
            quoted = span.text.splitlines() or [""]
            lines.extend(f"   > {line}" for line in quoted)
            lines.append(f"   > — source [{span.start}:{span.end}]")
            lines.append("")
        if not item.support:
            lines.extend(["   _(no supporting sentence)_", ""])
    return lines


def render_markdown(result: ArticleSummary) -> str:
    """Render the whole record as Markdown: summary with support, key points, tables, rejections, usage."""
    lines = ["# Summary", "", result.summary, ""]
    lines += _md_supported("Summary sentences", result.summary_sentences)
    lines += _md_supported("Key points", result.key_points)
    for title, headers, rows in _sections(result):
        lines += [f"## {title}", "", *_md_table(headers, rows), ""]
    if not any(f.disputed for f in result.figures):
        lines += ["## Disputed figures", "", "_None._", ""]
    lines += ["## Verification", "", *(f"- {line}" for line in _footer_lines(result))]
    return "\n".join(lines) + "\n"


# --- Terminal (rich) ------------------------------------------------------------------------------------


def _rich_table(title: str, headers: list[str], rows: list[list[str]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", title_style="bold", expand=True, show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        # Text, not str: article words such as "[1]" must never be read as rich markup.
        table.add_row(*(Text(cell) for cell in row))
    if not rows:
        table.add_row(Text("none", style="dim"), *(Text("") for _ in headers[1:]))
    return table


def _rich_summary(result: ArticleSummary) -> Text:
    from rich.text import Text

    text = Text(result.summary + "\n", style="bold")
    for label, items in (("Summary", result.summary_sentences), ("Key point", result.key_points)):
        for index, item in enumerate(items, start=1):
            text.append(f"\n{label} {index}. ", style="cyan")
            text.append(item.text)
            for span in item.support:
                text.append(f"\n    {format_span(span)}", style="dim italic")
            if not item.support:
                text.append("\n    (no supporting sentence)", style="red")
    return text


def render_terminal(result: ArticleSummary, console: Console | None = None) -> None:
    """Print a readable view of the record with rich: a summary panel, then one table per kind of claim."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    out = console if console is not None else Console()
    out.print(Panel(_rich_summary(result), title="Summary", title_align="left", border_style="cyan"))
    for title, headers, rows in _sections(result):
        out.print(_rich_table(title, headers, rows))
    footer = Text("\n".join(_footer_lines(result)))
    out.print(Panel(footer, title="Verification", title_align="left", border_style="magenta"))


def render_html(result: ArticleSummary, article: str, *, title: str | None = None) -> str:
    """Render one self-contained HTML file of `article` with every grounded span highlighted (see `_html`)."""
    # Imported here: `_html` reuses this module's formatters, and Markdown users never load the HTML view.
    from summarizer._html import build_html

    return build_html(result, article, title=title)
