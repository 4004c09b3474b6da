"""The HTML evidence view: one offline file showing the article with every grounded span highlighted.

It exists so a reader can check a record against its source at a glance: party mentions, number evidence
and stance quotes are marked in place, and the summary links to the sentences that support it. Spans nest
(a party inside a quote) and overlap partially, so the markup is built from a sorted list of boundaries: at
each boundary the open elements are closed back to the longest still-valid prefix and the rest reopened.
Nested spans become nested elements; a partial overlap becomes pieces that share one `data-id`. Nothing is
fetched at view time (no CDN), and article text and claim data are escaped, so an article that contains
`<script>` renders as text. Split from `_render.py` (text renderers) to keep both modules short.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, TypedDict

from summarizer._render import format_qualifier, format_span, format_value
from summarizer.errors import InputError
from summarizer.models import ArticleSummary, Figure, Number, Span, SupportedText

MarkKind = Literal["support", "quote", "number", "party"]
# Outer-first order for spans with identical offsets: support wraps a quote, a quote wraps its figure.
_RANK: dict[MarkKind, int] = {"support": 0, "quote": 1, "number": 2, "party": 3}


class _Claim(TypedDict):
    """What the details box shows for one highlighted claim: its kind, a title and (label, value) rows."""

    kind: str
    title: str
    rows: list[list[str]]


@dataclass(frozen=True)
class _Mark:
    """One span to wrap: `ident` is shared by every piece (and every mention) of the same claim."""

    start: int
    end: int
    kind: MarkKind
    ident: str

    def order(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, _RANK[self.kind], self.ident)


def _check(span: Span, article: str, what: str) -> None:
    if not 0 <= span.start <= span.end <= len(article) or article[span.start : span.end] != span.text:
        raise InputError(
            f"{what} span [{span.start}:{span.end}] {span.text!r} does not match the article given; "
            "pass the exact article text that was summarized"
        )


def _collect_marks(result: ArticleSummary, article: str) -> list[_Mark]:
    spans: list[tuple[Span, MarkKind, str]] = []
    for i, party in enumerate(result.parties):
        spans += [(m, "party", f"p-{i}") for m in party.mentions]
    spans += [(n.evidence, "number", f"n-{i}") for i, n in enumerate(result.numbers)]
    spans += [(s.evidence, "quote", f"q-{i}") for i, s in enumerate(result.stances)]
    for prefix, items in (("s", result.summary_sentences), ("k", result.key_points)):
        for i, item in enumerate(items):
            spans += [(sp, "support", f"{prefix}-{i}-{j}") for j, sp in enumerate(item.support)]
    marks: list[_Mark] = []
    for span, kind, ident in spans:
        _check(span, article, kind)
        if span.start < span.end:  # an empty span has no text to mark
            marks.append(_Mark(span.start, span.end, kind, ident))
    return marks


def _open_tag(mark: _Mark, first: bool) -> str:
    anchor = f' id="{mark.ident}"' if first else ""
    if mark.kind == "support":
        return f'<span class="sup" data-sid="{mark.ident}"{anchor}>'
    return (
        f'<mark class="hl hl-{mark.kind}" data-kind="{mark.kind}" data-id="{mark.ident}"'
        f' tabindex="0"{anchor}>'
    )


def _close_tag(mark: _Mark) -> str:
    return "</span>" if mark.kind == "support" else "</mark>"


def _article_markup(article: str, marks: list[_Mark]) -> str:
    """Escape `article` and wrap every mark, nesting contained spans and splitting partial overlaps."""
    starts: dict[int, list[_Mark]] = defaultdict(list)
    ends: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    bounds = sorted({0, len(article), *starts, *ends})
    active: set[_Mark] = set()
    stack: list[_Mark] = []
    opened: set[str] = set()
    out: list[str] = []
    for here, nxt in itertools.pairwise(bounds):
        active.difference_update(ends.get(here, []))
        active.update(starts.get(here, []))
        wanted = sorted(active, key=_Mark.order)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend(_close_tag(m) for m in reversed(stack[keep:]))
        for mark in wanted[keep:]:
            out.append(_open_tag(mark, mark.ident not in opened))
            opened.add(mark.ident)
        stack = wanted
        out.append(html.escape(article[here:nxt], quote=False))
    out.extend(_close_tag(m) for m in reversed(stack))
    return "".join(out)


def _claims(result: ArticleSummary) -> dict[str, _Claim]:
    """What the details box shows for each highlighted claim, keyed by `data-id`."""
    claims: dict[str, _Claim] = {}
    for i, p in enumerate(result.parties):
        rows = [
            ["Kind", p.kind],
            ["Aliases", ", ".join(p.aliases) or "none"],
            ["Mentions", str(len(p.mentions))],
        ]
        claims[f"p-{i}"] = {"kind": "party", "title": p.name, "rows": rows}
    for i, n in enumerate(result.numbers):
        rows = [
            ["Counts", n.counts],
            ["Value", format_value(n)],
            ["Unit", n.unit],
            ["Qualifier", format_qualifier(n)],
            ["Claimed by", n.claimed_by or "unattributed"],
        ]
        claims[f"n-{i}"] = {"kind": "number", "title": format_span(n.evidence), "rows": rows}
    for i, s in enumerate(result.stances):
        rows = [["Party", s.party], ["Label", s.label], ["Target", s.target], ["Position", s.position]]
        claims[f"q-{i}"] = {"kind": "quote", "title": format_span(s.evidence), "rows": rows}
    return claims


def _json_script(data: object) -> str:
    # "<" escaped so no claim text can close the <script> element ("</script>") or open a comment ("<!--").
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="claims">{payload}</script>'


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _cite(target: str, label: str, hint: str) -> str:
    return f'<a class="cite" href="#{target}" data-target="{target}" title="{_e(hint)}">{_e(label)}</a>'


_DETAILS = (
    '<section id="details" class="card" aria-live="polite">'
    '<p class="hint">Hover or click a highlight to see the claim it grounds.</p></section>'
)
_NO_SUPPORT = '<span class="warn">no support</span>'


def _supported_list(title: str, prefix: str, items: list[SupportedText]) -> str:
    if not items:
        return ""
    lis = []
    for i, item in enumerate(items):
        cites = " ".join(
            _cite(f"{prefix}-{i}-{j}", f"[{j + 1}]", sp.text) for j, sp in enumerate(item.support)
        )
        lis.append(f'<li>{_e(item.text)} <span class="cites">{cites or _NO_SUPPORT}</span></li>')
    return f'<section class="card"><h2>{_e(title)}</h2><ol class="sents">{"".join(lis)}</ol></section>'


def _figures_panel(result: ArticleSummary) -> str:
    disputed = [f for f in result.figures if f.disputed]
    body = "".join(_figure(f, result.numbers) for f in disputed) or '<p class="none">None.</p>'
    return f'<section class="card"><h2>Disputed figures</h2>{body}</section>'


def _figure(figure: Figure, numbers: list[Number]) -> str:
    items = []
    for claim in figure.claims:
        index = next((i for i, n in enumerate(numbers) if n == claim), None)
        label = f"{format_qualifier(claim)} {format_value(claim)}".removeprefix("exact ")
        value = _cite(f"n-{index}", label, claim.evidence.text) if index is not None else _e(label)
        items.append(f'<li>{value} <span class="by">{_e(claim.claimed_by or "unattributed")}</span></li>')
    head = f"<h3>{_e(figure.counts)} <small>({_e(figure.unit)})</small></h3>"
    return f'<div class="figure">{head}<ul>{"".join(items)}</ul></div>'


def _rejected_panel(result: ArticleSummary) -> str:
    items = "".join(
        f'<li><span class="badge">{_e(r.kind)}</span> <q>{_e(r.claim)}</q>'
        f'<div class="reason">{_e(r.reason)}</div></li>'
        for r in result.rejected
    )
    tally = f'<p class="tally"><b>{result.checked}</b> checked · <b>{len(result.rejected)}</b> rejected</p>'
    body = f'<ul class="rejected">{items}</ul>' if items else '<p class="none">None.</p>'
    return f'<section class="card"><h2>Rejected claims</h2>{tally}{body}</section>'


def _stats(result: ArticleSummary) -> str:
    usage = result.usage
    pills = [
        ("checked", str(result.checked)),
        ("rejected", str(len(result.rejected))),
        ("model", result.model or "unknown"),
        ("tokens", f"{usage.total_tokens:,} in {usage.calls} calls"),
    ]
    return "".join(f'<span class="stat"><b>{_e(v)}</b> {_e(k)}</span>' for k, v in pills)


def _legend(result: ArticleSummary) -> str:
    counts = {"party": len(result.parties), "number": len(result.numbers), "quote": len(result.stances)}
    names = {"party": "parties", "number": "numbers", "quote": "quotes"}
    return "".join(f'<span class="key hl-{k}">{n} {names[k]}</span>' for k, n in counts.items())


def build_html(result: ArticleSummary, article: str, *, title: str | None = None) -> str:
    """The whole page: header, highlighted article, side panels, claim data and script."""
    heading = _e(title or "Evidence view")
    body = _article_markup(article, _collect_marks(result, article))
    aside = "".join(
        [
            _DETAILS,
            _supported_list("Summary", "s", result.summary_sentences)
            or f'<section class="card"><h2>Summary</h2><p>{_e(result.summary)}</p></section>',
            _supported_list("Key points", "k", result.key_points),
            _figures_panel(result),
            _rejected_panel(result),
        ]
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{heading}</title>'
        f"<style>{_CSS}</style></head><body>"
        f'<header><h1>{heading}</h1><div class="stats">{_stats(result)}</div>'
        f'<div class="legend">{_legend(result)}</div></header>'
        f'<main><section class="doc"><article id="article">{body}</article></section>'
        f"<aside>{aside}</aside></main>"
        f"{_json_script(_claims(result))}<script>{_JS}</script></body></html>\n"
    )


_CSS = """
:root{--ink:#1f2430;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;
  --party:#2563eb;--number:#d97706;--quote:#059669}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:var(--ink);background:var(--bg)}
header{padding:18px 28px 14px;background:#fff;border-bottom:1px solid var(--line)}
h1{margin:0 0 8px;font-size:22px}
h2{margin:0 0 10px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
h3{margin:8px 0 4px;font-size:14px}
.stats,.legend{display:flex;flex-wrap:wrap;gap:8px;margin-top:6px}
.stat{background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:2px 10px;
  font-size:13px;color:var(--muted)}
.stat b{color:var(--ink)}
.key{font-size:13px;padding:1px 8px;border-radius:4px}
header>*{max-width:1164px;margin-left:auto;margin-right:auto}
main{display:grid;grid-template-columns:minmax(0,760px) 380px;justify-content:center;gap:24px;
  padding:24px 28px}
.doc{background:#fff;border:1px solid var(--line);border-radius:10px;padding:28px 34px}
#article{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/1.85 Georgia,"Times New Roman",serif}
aside{position:sticky;top:16px;align-self:start;max-height:calc(100vh - 32px);overflow:auto;
  display:grid;gap:14px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}
mark{background:none;color:inherit}
.hl{cursor:pointer;border-radius:3px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.hl-party{background:rgba(37,99,235,.10);border-bottom:2px solid var(--party)}
.hl-number{background:rgba(217,119,6,.22);border-bottom:2px solid var(--number);font-weight:600}
.hl-quote{background:rgba(5,150,105,.09);border-bottom:2px dotted var(--quote)}
.hl.active{outline:2px solid var(--ink);outline-offset:0}
.hl:focus-visible{outline:2px solid var(--party)}
.flash{animation:flash 2.4s ease-out}
@keyframes flash{0%,35%{background:#fde047;box-shadow:0 0 0 3px #fde047}
  100%{background:transparent;box-shadow:none}}
#details .hint{color:var(--muted);margin:0}
.claim+.claim{margin-top:10px;padding-top:10px;border-top:1px dashed var(--line)}
.claim .kind{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:.05em;
  color:#fff;border-radius:4px;padding:0 6px}
.kind-party{background:var(--party)}.kind-number{background:var(--number)}.kind-quote{background:var(--quote)}
.claim .title{font-weight:600;margin:4px 0 6px}
.claim dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0;font-size:14px}
.claim dt{color:var(--muted)}.claim dd{margin:0}
.sents{margin:0;padding-left:20px}.cites{white-space:nowrap}.sents li{margin-bottom:6px}
a.cite{color:var(--party);text-decoration:none;font-size:12px;font-weight:600;vertical-align:super}
a.cite:hover{text-decoration:underline}
.figure ul,.rejected{list-style:none;margin:0;padding:0}
.figure li{display:flex;justify-content:space-between;gap:8px;padding:2px 0}
.figure a.cite{vertical-align:baseline;font-size:14px}
.by{color:var(--muted);font-size:13px}
.rejected li{padding:6px 0;border-bottom:1px solid var(--line)}.rejected li:last-child{border-bottom:0}
.badge{font-size:11px;text-transform:uppercase;background:#fee2e2;color:#b91c1c;border-radius:4px;
  padding:0 6px}
.reason{color:#b91c1c;font-size:13px;margin-top:2px}
.tally{margin:0 0 6px;color:var(--muted);font-size:13px}.tally b{color:var(--ink)}
.none{color:var(--muted);margin:0}.warn{color:#b91c1c;font-size:12px}
@media (max-width:1000px){main{grid-template-columns:minmax(0,1fr)}aside{position:static;max-height:none}}
"""

_JS = """
(function () {
  "use strict";
  var claims = JSON.parse(document.getElementById("claims").textContent);
  var details = document.getElementById("details");
  var article = document.getElementById("article");
  var current = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function card(id) {
    var c = claims[id], box = el("div", "claim");
    box.appendChild(el("span", "kind kind-" + c.kind, c.kind));
    box.appendChild(el("div", "title", c.title));
    var dl = el("dl");
    c.rows.forEach(function (row) {
      dl.appendChild(el("dt", "", row[0]));
      dl.appendChild(el("dd", "", row[1]));
    });
    box.appendChild(dl);
    return box;
  }
  function setActive(id) {
    if (current === id) return;
    document.querySelectorAll(".hl.active").forEach(function (n) { n.classList.remove("active"); });
    document.querySelectorAll('.hl[data-id="' + id + '"]').forEach(function (n) {
      n.classList.add("active");
    });
    current = id;
  }
  function show(target) {
    var ids = [];
    for (var n = target.closest(".hl"); n; n = n.parentElement && n.parentElement.closest(".hl")) {
      if (ids.indexOf(n.dataset.id) < 0 && claims[n.dataset.id]) ids.push(n.dataset.id);
    }
    if (!ids.length) return;
    details.replaceChildren.apply(details, ids.map(card));
    setActive(ids[0]);
  }
  function flash(id) {
    var nodes = document.querySelectorAll('[data-sid="' + id + '"], .hl[data-id="' + id + '"]');
    if (!nodes.length) return;
    nodes[0].scrollIntoView({behavior: "smooth", block: "center"});
    nodes.forEach(function (n) {
      n.classList.remove("flash");
      void n.offsetWidth;  // restart the animation when the same link is clicked twice
      n.classList.add("flash");
    });
    if (nodes[0].classList.contains("hl")) show(nodes[0]);
  }
  article.addEventListener("mouseover", function (e) { if (e.target.closest(".hl")) show(e.target); });
  article.addEventListener("click", function (e) { if (e.target.closest(".hl")) show(e.target); });
  article.addEventListener("focusin", function (e) { if (e.target.closest(".hl")) show(e.target); });
  document.addEventListener("click", function (e) {
    var link = e.target.closest("a.cite");
    if (!link) return;
    e.preventDefault();
    flash(link.dataset.target);
  });
})();
"""
