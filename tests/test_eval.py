"""Tests for `summarizer._eval`: the matching rules of shared/eval/README.md, scored without a model."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from summarizer import _eval, _gold
from summarizer._eval import (
    EvalReport,
    evaluate,
    format_table,
    match_pairs,
    normalize_name,
    score_article,
    summarize_scores,
)
from summarizer._gold import Gold, load_gold
from summarizer.errors import BackendError, InputError
from summarizer.models import ArticleSummary, Number, Party, Span, Stance, StanceLabel, Usage

GOLD_DIR = Path("/work/shared/eval/articles")
GOLD_NAMES = sorted(p.name.removesuffix(".gold.json") for p in GOLD_DIR.glob("*.gold.json"))

ARTICLE = (
    "The United States struck more than 85 targets, and about 40 people were killed. "
    "Al-Awadi said the strikes caused the death of 16 people. It was the first time B-1 bombers flew. "
    "The president said: Our response began today."
)


def span(article: str, text: str) -> Span:
    """Build the grounded span of the first occurrence of `text`."""
    start = article.find(text)
    assert start != -1, text
    return Span(start=start, end=start + len(text), text=text)


def number(value: float, text: str, claimed_by: str | None = None, article: str = ARTICLE) -> Number:
    """Build a predicted number whose evidence is `text` in `article`."""
    return Number(value=value, unit="", counts="", claimed_by=claimed_by, evidence=span(article, text))


def stance(party: str, label: StanceLabel, text: str, article: str = ARTICLE) -> Stance:
    """Build a predicted stance whose evidence is `text` in `article`."""
    return Stance(party=party, target="", label=label, position="", evidence=span(article, text))


def party(name: str, *aliases: str) -> Party:
    """Build a predicted party."""
    return Party(name=name, kind="other", aliases=list(aliases))


def gold(**fields: object) -> Gold:
    """Build gold from plain JSON-like values, as `load_gold` would."""
    return Gold.model_validate(fields)


def predict(**fields: object) -> ArticleSummary:
    """Build a prediction by hand."""
    return ArticleSummary.model_validate({"summary": "", **fields})


def prediction_from_gold(article: str, expected: Gold) -> ArticleSummary:
    """Turn gold into the prediction a perfect extractor would make, locating texts with str.find."""
    parties = [party(p.name, *p.aliases) for p in expected.parties or []]
    numbers = [
        Number(**n.model_dump(exclude={"text"}), evidence=span(article, n.text))
        for n in expected.numbers or []
    ]
    empty = Span(start=0, end=0, text="")
    stances = [
        Stance(**s.model_dump(exclude={"quote"}), evidence=span(article, s.quote) if s.quote else empty)
        for s in expected.stances or []
    ]
    return ArticleSummary(summary=expected.summary, parties=parties, numbers=numbers, stances=stances)


@pytest.fixture
def gold_dir() -> Path:
    """The shared gold articles, or skip when this checkout has none."""
    if not GOLD_DIR.is_dir():
        pytest.skip(f"no gold articles at {GOLD_DIR}")
    return GOLD_DIR


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_gold_scored_against_itself_is_perfect(gold_dir: Path, name: str) -> None:
    """Gold turned into a prediction scores F1 = 1 everywhere, full accuracy and full grounding."""
    expected = load_gold(gold_dir / f"{name}.gold.json")
    article = (gold_dir / f"{name}.txt").read_bytes().decode("utf-8")
    score = score_article(name, article, prediction_from_gold(article, expected), expected)
    for figure in (score.parties, score.numbers, score.stances):
        assert figure is not None and figure.f1 == 1.0
    assert score.attribution is not None and score.attribution.value == 1.0
    assert score.labels is not None and score.labels.value == 1.0
    assert score.grounding.value == 1.0
    assert score.not_number_fps == 0
    assert score.warnings == [] and score.mistakes == []


def test_missing_gold_key_is_not_scored_but_empty_list_expects_none() -> None:
    """A missing key gives `None` figures; a present empty list turns every prediction into a false positive."""
    prediction = predict(numbers=[number(85, "more than 85 targets")])
    absent = score_article("a", ARTICLE, prediction, gold())
    assert absent.numbers is None and absent.attribution is None and absent.parties is None
    empty = score_article("a", ARTICLE, prediction, gold(numbers=[]))
    assert empty.numbers is not None
    assert (empty.numbers.tp, empty.numbers.predicted, empty.numbers.gold) == (0, 1, 0)
    assert empty.numbers.precision == 0.0 and empty.numbers.f1 == 0.0


def test_mistakes_name_each_miss_false_positive_wrong_claimant_and_label() -> None:
    """What cost a figure is listed in words, so a drop can be traced to the items behind it."""
    expected = gold(
        parties=[{"name": "United States"}, {"name": "Al-Awadi"}],
        numbers=[{"text": "16 people", "value": 16, "claimed_by": "Al-Awadi"},
                 {"text": "about 40 people", "value": 40}],
        stances=[{"party": "Al-Awadi", "label": "oppose", "target": "the strikes",
                  "quote": "the strikes caused the death of 16 people"}],
    )
    prediction = predict(
        parties=[party("United States"), party("B-1")],
        numbers=[number(16, "16 people", claimed_by=None), number(85, "more than 85 targets")],
        stances=[stance("Al-Awadi", "support", "the strikes caused the death")],
    )
    mistakes = score_article("a", ARTICLE, prediction, expected).mistakes
    assert "party not in gold: B-1" in mistakes and "party missed: Al-Awadi" in mistakes
    assert "number not in gold: 'more than 85 targets'" in mistakes
    assert "number missed: 'about 40 people'" in mistakes
    assert "number '16 people' claimed by None, gold Al-Awadi" in mistakes
    assert any(m.startswith("stance of Al-Awadi") and "support" in m and "gold oppose" in m for m in mistakes)
    assert len(mistakes) == 6


def test_load_gold_reads_the_shared_format(tmp_path: Path) -> None:
    """`load_gold` keeps missing keys as `None` and present empty lists as empty."""
    path = tmp_path / "x.gold.json"
    path.write_text(
        json.dumps({"source": "s", "parties": [{"name": "US", "kind": "country"}], "stances": []})
    )
    loaded = load_gold(path)
    assert loaded.parties is not None and loaded.parties[0].aliases == []
    assert loaded.stances == [] and loaded.numbers is None and loaded.not_numbers is None


@pytest.mark.parametrize("content", ["{not json", '{"parties": [{"kind": "person"}]}', '{"stance": []}'])
def test_load_gold_rejects_malformed_files(tmp_path: Path, content: str) -> None:
    """Malformed gold (bad JSON, a missing name, a misspelt key) raises `InputError` naming the file."""
    path = tmp_path / "bad.gold.json"
    path.write_text(content)
    with pytest.raises(InputError, match="bad.gold.json"):
        load_gold(path)


def test_normalize_name_ignores_case_punctuation_and_leading_the() -> None:
    """Names compare equal regardless of case, punctuation and a leading "the"."""
    assert normalize_name("The U.S.") == normalize_name("us")
    assert normalize_name("Al-Awadi") == normalize_name("al awadi")
    assert normalize_name("Theresa May") != normalize_name("resa May")


def test_party_alias_matches_with_leading_the_and_punctuation() -> None:
    """A predicted alias matches a gold alias despite a leading "The", case and punctuation."""
    expected = gold(parties=[{"name": "Bassem Al-Awadi", "aliases": ["Iraqi government spokesman"]}])
    prediction = predict(parties=[party("Spokesman", "The Iraqi government spokesman.")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.parties is not None and score.parties.tp == 1 and score.parties.f1 == 1.0


def test_party_matching_is_one_to_one() -> None:
    """Two predictions of one gold party count once: one true positive, precision one half."""
    expected = gold(parties=[{"name": "United States", "aliases": ["US"]}])
    prediction = predict(parties=[party("United States"), party("the U.S.")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.parties is not None
    assert (score.parties.tp, score.parties.precision, score.parties.recall) == (1, 0.5, 1.0)


def test_party_matching_is_maximum_not_greedy() -> None:
    """A prediction that fits two gold parties leaves the only fit of a later prediction free."""
    expected = gold(parties=[{"name": "Iraq"}, {"name": "Iraqi government"}])
    prediction = predict(parties=[party("Iraqi government", "Iraq"), party("Iraq")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.parties is not None and score.parties.tp == 2


def test_match_pairs_finds_a_maximum_matching() -> None:
    """Augmenting paths re-route earlier pairs so that as many items as possible are paired."""
    edges = [[0, 1], [0], [1, 2]]
    assert match_pairs(3, 3, lambda i, j: j in edges[i]) == [(0, 1), (1, 0), (2, 2)]


@pytest.mark.parametrize(("value", "text"), [(16, "85 targets"), (61, "16 people")])
def test_number_needs_equal_value_and_overlapping_span(value: float, text: str) -> None:
    """A number with the right value on another span, or a wrong value on the right span, is a miss."""
    expected = gold(numbers=[{"text": "death of 16 people", "value": 16}])
    score = score_article("a", ARTICLE, predict(numbers=[number(value, text)]), expected)
    assert score.numbers is not None and score.numbers.tp == 0


def test_number_value_is_compared_with_a_small_tolerance() -> None:
    """Values equal up to rounding (33.3 against 33.33) match; a partial span overlap is enough."""
    article = "one in three voters, 33.33 percent"
    expected = gold(numbers=[{"text": "one in three", "value": 33.3}])
    prediction = predict(numbers=[number(33.33, "three voters", article=article)])
    score = score_article("a", article, prediction, expected)
    assert score.numbers is not None and score.numbers.tp == 1


@pytest.mark.parametrize(
    ("predicted", "gold_claimant", "right"),
    [
        ("the Iraqi government spokesman", "Bassem Al-Awadi", True),
        ("Al-Awadi", "Bassem Al-Awadi", True),
        ("United States", "Bassem Al-Awadi", False),
        (None, None, True),
        (None, "Bassem Al-Awadi", False),
        ("Bassem Al-Awadi", None, False),
    ],
)
def test_attribution_resolves_claimants_through_gold_aliases(
    predicted: str | None, gold_claimant: str | None, right: bool
) -> None:
    """Attribution is right when both claimants name the same gold party, or both are null."""
    expected = gold(
        parties=[
            {"name": "Bassem Al-Awadi", "aliases": ["Al-Awadi", "Iraqi government spokesman"]},
            {"name": "United States", "aliases": ["US"]},
        ],
        numbers=[{"text": "death of 16 people", "value": 16, "claimed_by": gold_claimant}],
    )
    prediction = predict(numbers=[number(16, "16 people", claimed_by=predicted)])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.attribution is not None
    assert (score.attribution.hits, score.attribution.total) == (int(right), 1)


def test_attribution_is_scored_on_matched_numbers_only() -> None:
    """An unmatched number does not count towards attribution accuracy."""
    expected = gold(numbers=[{"text": "more than 85 targets", "value": 85, "claimed_by": None}])
    prediction = predict(numbers=[number(85, "85 targets"), number(40, "about 40 people", claimed_by="X")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.attribution is not None and (score.attribution.hits, score.attribution.total) == (1, 1)


def test_stance_label_is_scored_only_on_matched_stances() -> None:
    """A matched stance with the wrong label lowers label accuracy; an unmatched one does not count."""
    expected = gold(
        parties=[{"name": "Joe Biden", "aliases": ["the president"]}],
        stances=[{"party": "Joe Biden", "label": "support", "quote": "Our response began today."}],
    )
    prediction = predict(
        stances=[
            stance("The President", "oppose", "Our response began"),
            stance("Joe Biden", "support", "first time B-1 bombers flew"),
        ]
    )
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.stances is not None and (score.stances.tp, score.stances.predicted) == (1, 2)
    assert score.labels is not None and (score.labels.hits, score.labels.total) == (0, 1)


def test_stance_needs_the_right_party() -> None:
    """A stance on the gold quote by another party does not match."""
    expected = gold(
        stances=[{"party": "Joe Biden", "label": "support", "quote": "Our response began today."}]
    )
    prediction = predict(stances=[stance("United States", "support", "Our response began today.")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.stances is not None and score.stances.tp == 0


def test_stance_with_null_gold_quote_matches_on_party_and_label() -> None:
    """When the gold quote is null a stance matches by party and agreeing label, wherever its evidence is."""
    expected = gold(stances=[{"party": "Joe Biden", "label": "support", "quote": None}])
    agree = score_article("a", ARTICLE, predict(stances=[stance("Joe Biden", "support", "It was")]), expected)
    differ = score_article("a", ARTICLE, predict(stances=[stance("Joe Biden", "oppose", "It was")]), expected)
    assert agree.stances is not None and agree.stances.tp == 1
    assert differ.stances is not None and differ.stances.tp == 0


def test_number_on_a_not_number_span_is_a_false_positive() -> None:
    """A number extracted on a not_numbers span counts as a false positive unless it matches a gold number."""
    expected = gold(
        numbers=[{"text": "more than 85 targets", "value": 85}],
        not_numbers=["B-1", "first time", "85 targets"],
    )
    prediction = predict(numbers=[number(1, "B-1"), number(1, "first"), number(85, "85")])
    score = score_article("a", ARTICLE, prediction, expected)
    assert score.not_number_fps == 2
    assert score_article("a", ARTICLE, prediction, gold(numbers=[])).not_number_fps is None


def test_not_numbers_are_located_at_every_occurrence() -> None:
    """Every occurrence of a not_numbers text counts, not only the first."""
    article = "IE6 is old. Users of IE6 should upgrade."
    prediction = predict(
        numbers=[Number(value=6, unit="", counts="", evidence=Span(start=23, end=24, text="6"))]
    )
    score = score_article("a", article, prediction, gold(not_numbers=["IE6"]))
    assert score.not_number_fps == 1


def test_ungrounded_span_lowers_the_grounding_rate() -> None:
    """A span whose text is not what the article holds at its offsets counts as ungrounded."""
    bad = Number(value=85, unit="", counts="", evidence=Span(start=0, end=3, text="Thx"))
    prediction = predict(
        numbers=[number(40, "about 40 people"), bad], stances=[stance("X", "neutral", "It was")]
    )
    score = score_article("a", ARTICLE, prediction, gold())
    assert (score.grounding.hits, score.grounding.total) == (2, 3)


def test_overall_is_micro_averaged_and_differs_from_macro() -> None:
    """Overall recall sums counts over articles (1 of 4) rather than averaging per-article recall (1/2)."""
    small = gold(numbers=[{"text": "about 40 people", "value": 40}])
    large = gold(
        numbers=[
            {"text": "more than 85 targets", "value": 85},
            {"text": "about 40 people", "value": 40},
            {"text": "death of 16 people", "value": 16},
        ]
    )
    prediction = predict(numbers=[number(40, "40 people")])
    scores = [
        score_article("small", ARTICLE, prediction, small),
        score_article("large", ARTICLE, predict(), large),
    ]
    overall = summarize_scores(scores)
    assert overall.numbers is not None
    assert (overall.numbers.tp, overall.numbers.predicted, overall.numbers.gold) == (1, 1, 4)
    assert overall.numbers.recall == 0.25
    macro = sum(s.numbers.recall for s in scores if s.numbers is not None) / len(scores)
    assert macro == 0.5


def test_empty_prediction_scores_zero_and_empty_gold_scores_one() -> None:
    """Nothing predicted against gold gives P = R = F1 = 0; nothing predicted and nothing expected gives 1."""
    expected = gold(parties=[{"name": "US"}], numbers=[{"text": "about 40 people", "value": 40}], stances=[])
    score = score_article("a", ARTICLE, predict(), expected)
    for figure in (score.parties, score.numbers):
        assert figure is not None and (figure.precision, figure.recall, figure.f1) == (0.0, 0.0, 0.0)
    assert score.stances is not None and (score.stances.precision, score.stances.f1) == (1.0, 1.0)
    assert score.attribution is not None and score.attribution.value is None
    assert score.grounding.value is None


def test_summarize_scores_skips_unscored_categories_and_averages_cost() -> None:
    """Categories absent from every gold stay `None`; latency and tokens are means over articles."""
    prediction = predict(usage=Usage(prompt_tokens=100, completion_tokens=20, calls=1))
    scores = [
        score_article("a", ARTICLE, prediction, gold(), latency_s=1.0),
        score_article("b", ARTICLE, predict(), gold(), latency_s=3.0),
    ]
    overall = summarize_scores(scores)
    assert overall.parties is None and overall.stances is None and overall.not_number_fps is None
    assert scores[0].tokens == 120 and overall.mean_tokens == 60 and overall.total_tokens == 120
    assert overall.mean_latency_s == 2.0


def test_gold_text_missing_from_article_is_reported() -> None:
    """A gold number text the article lacks is a warning on the score, and that gold item stays unmatched."""
    score = score_article("a", ARTICLE, predict(), gold(numbers=[{"text": "99 balloons", "value": 99}]))
    assert score.numbers is not None and score.numbers.gold == 1
    assert any("99 balloons" in warning for warning in score.warnings)


def test_format_table_has_a_row_per_article_and_an_overall_row() -> None:
    """The table lists each article, the overall row and any error, in aligned columns."""
    expected = gold(
        parties=[{"name": "US"}], numbers=[{"text": "about 40 people", "value": 40}], not_numbers=["B-1"]
    )
    scores = [
        score_article("first", ARTICLE, predict(parties=[party("US")]), expected, latency_s=1.5),
        score_article("second", ARTICLE, predict(), expected).model_copy(
            update={"error": "BackendError: down"}
        ),
    ]
    table = format_table(scores, summarize_scores(scores))
    lines = table.splitlines()
    assert "parties P/R/F1" in lines[0] and "tokens" in lines[0]
    assert lines[2].startswith("first ") and "1.00/1.00/1.00" in lines[2] and "1.50" in lines[2]
    assert lines[2].split()[-3:] == ["0", "1.50", "0"]
    assert lines[3].startswith("second !")
    assert lines[5].startswith("overall (micro)") and "1.00/0.50/0.67" in lines[5]
    assert "! second: BackendError: down" in table
    assert len({len(line) for line in lines[:2]}) == 1


def write_article(directory: Path, name: str, article: str, expected: dict[str, object] | None) -> None:
    """Write NAME.txt and, when given, NAME.gold.json."""
    (directory / f"{name}.txt").write_text(article, encoding="utf-8")
    if expected is not None:
        (directory / f"{name}.gold.json").write_text(json.dumps(expected), encoding="utf-8")


def test_evaluate_scores_every_article_with_gold_and_records_errors(tmp_path: Path) -> None:
    """`evaluate` runs each gold article in name order; a `SummarizerError` is recorded and the run goes on."""
    expected: dict[str, object] = {"parties": [{"name": "United States", "kind": "country"}], "numbers": []}
    write_article(tmp_path, "b_good", ARTICLE, expected)
    write_article(tmp_path, "a_fails", ARTICLE, expected)
    write_article(tmp_path, "c_no_gold", ARTICLE, None)
    seen: list[str] = []

    def summarize(article: str, name: str) -> ArticleSummary:
        seen.append(name)
        if name == "a_fails":
            raise BackendError("server unreachable")
        return ArticleSummary(summary="", parties=[party("the United States")], model="tiny")

    report = evaluate(tmp_path, summarize, command="summarizer eval")
    assert seen == ["a_fails", "b_good"]
    failed, good = report.articles
    assert failed.error == "BackendError: server unreachable"
    assert failed.parties is not None and failed.parties.recall == 0.0 and failed.latency_s is not None
    assert good.error is None and good.parties is not None and good.parties.f1 == 1.0
    assert report.overall.errors == 1 and report.model == "tiny" and report.command == "summarizer eval"
    assert EvalReport.model_validate_json(report.to_json()) == report


def test_evaluate_lets_programming_errors_propagate(tmp_path: Path) -> None:
    """Only `SummarizerError` is recorded; any other exception is a bug and stops the run."""
    write_article(tmp_path, "a", ARTICLE, {"numbers": []})

    def summarize(article: str, name: str) -> ArticleSummary:
        raise KeyError(name)

    with pytest.raises(KeyError):
        evaluate(tmp_path, summarize)


def test_evaluate_without_articles_raises_input_error(tmp_path: Path) -> None:
    """A directory with no NAME.txt beside a NAME.gold.json is an `InputError`, not an empty report."""
    with pytest.raises(InputError, match="NAME.gold.json"):
        evaluate(tmp_path, lambda article, name: ArticleSummary(summary=""))


def test_evaluate_over_shared_gold_with_perfect_extractor(gold_dir: Path) -> None:
    """Running `evaluate` with a gold-backed summarize over the shared articles gives overall F1 = 1."""

    def summarize(article: str, name: str) -> ArticleSummary:
        return prediction_from_gold(article, load_gold(gold_dir / f"{name}.gold.json"))

    overall = evaluate(gold_dir, summarize).overall
    assert overall.articles == len(GOLD_NAMES)
    assert overall.numbers is not None and overall.numbers.f1 == 1.0
    assert overall.grounding.value == 1.0


@pytest.mark.parametrize("module", [_eval, _gold], ids=["_eval", "_gold"])
def test_eval_module_imports_no_model_client(module: ModuleType) -> None:
    """The scoring modules stay pure: they import neither openai nor instructor."""
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name.split(".")[0] for name in imported} & {"openai", "instructor"}


def test_two_reports_compare_side_by_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`benchmarks/compare_reports.py` puts two reports' scores in columns and divides their latencies."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from compare_reports import compare

    def report(latency: float, f1: float, strategy: str) -> dict[str, object]:
        overall = {"parties": {"f1": f1}, "errors": 0, "mean_latency_s": latency, "mean_tokens": 1000.0}
        return {"overall": overall, "command": f"summarizer eval --strategy {strategy}", "strategy": strategy}

    rows = compare(report(60.0, 0.85, "passes"), report(40.0, 0.5, "single"))
    assert any(row.split()[:3] == ["parties", "f1", "0.85"] and row.split()[3] == "0.50" for row in rows)
    assert rows[-2].endswith("A/B 1.50") and rows[-1].endswith("A/B 1.00")
    assert any(row.split() == ["stances", "f1", "-", "-"] for row in rows)


_CONLL = """-DOCSTART- O

VESTRIA B-ORG
BANK E-ORG
CUTS O
RATES O

PORTVILLE B-LOC
1996-12-06 O

Norvia B-ORG
Bank E-ORG
said O
on O
Friday O
it O
would O
cut O
rates O
, O
and O
Dan B-PER
Ross E-PER
said O
the O
move O
was O
welcome O
. O

" O
It O
will O
help O
, O
" O
Ross S-PER
told O
reporters O
in O
the O
city O
. O

The O
bank O
's O
shares O
rose O
in O
heavy O
trading O
on O
the O
exchange O
. O
"""


def test_conll_documents_are_read_as_articles_and_scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`benchmarks/names_against_conll.py` rebuilds a CoNLL document as written text with its entities' spans, and
    finds the gold person and organisation among the parties."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from names_against_conll import read_documents, score

    path = tmp_path / "eng.testx"
    path.write_text(_CONLL.replace(" O\n", " x O\n").replace(" B-", " x B-").replace(" E-", " x E-")
                    .replace(" S-", " x S-"), encoding="utf-8")  # the real files have POS and chunk columns
    [document] = read_documents(path)
    assert document.text.startswith('PORTVILLE (Reuters) - Norvia Bank said on Friday')
    assert '"It will help," Ross told reporters' in document.text
    assert [(document.text[start:end], kind) for start, end, kind in document.gold] == [
        ("PORTVILLE", "LOC"), ("Norvia Bank", "ORG"), ("Dan Ross", "PER"), ("Ross", "PER")]
    figures = score(path, misses := [])
    assert figures["gold_parties"] == {"PER": {"gold": 2, "found": 1.0}, "ORG": {"gold": 1, "found": 1.0}}
    assert figures["parties"]["ok"] == 2 and figures["kind"] == 1.0
    assert document.title == "VESTRIA BANK CUTS RATES"
    assert [(miss["party"], miss["is"]) for miss in misses] == [("Reuters", "none")]  # the dateline's agency


_POLNEAR_ARTICLE = ("Westland Motors cuts jobs\n\nNadia Perez, the chief executive of Westland Motors, said the cuts "
                    "were needed. She added that the plant in Norvia would stay open. Dan Ross said nothing would change.")


def _polnear_xml(article: str, sentences: list[str], chain: list[tuple[int, str]]) -> str:
    """CoreNLP's XML for `sentences` of `article`, with one coreference chain of (sentence, words) mentions."""
    tokens, words_of = [], {}
    for number, sentence in enumerate(sentences, start=1):
        offset = article.find(sentence)
        words = [(m.start() + offset, m.end() + offset, m.group()) for m in re.finditer(r"\w+|\S", sentence)]
        words_of[number] = [w for _, _, w in words]
        tokens.append(f'<sentence id="{number}"><tokens>' + "".join(
            f'<token id="{i}"><word>{w}</word><CharacterOffsetBegin>{a}</CharacterOffsetBegin>'
            f"<CharacterOffsetEnd>{b}</CharacterOffsetEnd></token>" for i, (a, b, w) in enumerate(words, start=1))
            + "</tokens></sentence>")
    mentions = ""
    for number, text in chain:
        first = words_of[number].index(text.split()[0]) + 1
        mentions += (f"<mention><sentence>{number}</sentence><start>{first}</start>"
                     f"<end>{first + len(text.split())}</end><text>{text}</text></mention>")
    return (f"<root><document><sentences>{''.join(tokens)}</sentences><coreference><coreference>{mentions}"
            "</coreference></coreference></document></root>")


def test_polnear_attributions_are_judged_by_the_sentence_speaker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """`benchmarks/speakers_against_polnear.py` finds a named source and a pronoun (through its coreference chain)
    as the speakers of their cues' sentences, and counts a speaker where no attribution is marked as wrong."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from speakers_against_polnear import read_attributions, read_chains, score

    article = _POLNEAR_ARTICLE
    sentences = ["Nadia Perez, the chief executive of Westland Motors, said the cuts were needed.",
                 "She added that the plant in Norvia would stay open."]

    def span(*texts: str) -> str:
        ranges = [(article.find(text), article.find(text) + len(text)) for text in texts]
        return ";".join(f"{start} {end}" for start, end in ranges) + "\t" + " ".join(texts)

    for folder in ("text", "attributions", "corenlp"):
        (tmp_path / folder).mkdir()
    (tmp_path / "text" / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "attributions" / "a_4b22.ann").write_text(
        f"T1\tSource {span('Nadia Perez')}\nT2\tCue {span('said')}\nT3\tContent {span('the cuts were needed')}\n"
        f"T4\tAttribution {span('said')}\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        f"T5\tSource {span('She')}\nT6\tCue {span('added')}\nT7\tContent {span('that the plant', 'would stay open')}"
        "\nE2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n", encoding="utf-8")
    (tmp_path / "corenlp" / "a.txt.xml").write_text(
        _polnear_xml(article, sentences, [(1, "Nadia Perez"), (2, "She")]), encoding="utf-8")
    [_, second] = read_attributions(tmp_path / "attributions" / "a_4b22.ann")
    assert [article[a:b] for a, b in second.content] == ["that the plant", "would stay open"]  # discontinuous
    assert [[article[a:b] for a, b in chain] for chain in read_chains(tmp_path / "corenlp" / "a.txt.xml")] == [
        ["Nadia Perez", "She"]]
    figures = score(tmp_path, misses := [])
    assert figures["recall"]["named"] == {"judged": 1, "right": 1.0}
    assert figures["recall"]["said pronoun"] == {"judged": 1, "right": 1.0}  # "added" is a cue of saying
    assert figures["speakers"] == {"given": 3, "right": 2, "wrong": 0, "where_no_attribution": 1}
    assert [(miss["wrong"], miss["touched"]) for miss in misses] == [("Dan Ross", False)]
