"""The pipeline driven by hand-made model answers (no LLM): what is verified, kept, repaired or rejected."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pydantic import BaseModel, ValidationError

from summarizer import _pipeline
from summarizer._actors import cluster_names
from summarizer._backend import Call
from summarizer._drafts import checking
from summarizer._names import find_names
from summarizer._spans import is_grounded
from summarizer.errors import ValidationFailed
from summarizer.models import ArticleSummary, Usage
from tests.helpers import read_article

ARTICLE = read_article("us_strikes_iraq_syria")
Answer = Callable[[Call], dict[str, object]]


def _ids(model: type[BaseModel], prefix: str) -> list[str]:
    return [name for name in model.model_fields if name.startswith(prefix)]


def answer_for(question: str, model: type[BaseModel]) -> dict[str, object]:
    """A plausible model: every number a quantity, every stance opposed."""
    if question == "numbers":
        return {i: {"counts": "people killed", "quantity": True} for i in _ids(model, "N")}
    if question == "stances":
        return {"topic": "the US strikes", **{i: "oppose" for i in _ids(model, "Q")}}
    return {"summary": [{"text": "The United States struck more than 85 targets in Iraq and Syria.",
                         "support": [2]}],
            "key_points": [{"text": "Iraq condemned the strikes.", "support": [9]}]}


def default_answer(call: Call) -> dict[str, object]:
    """`answer_for` each question the call asks (all of them in one "single" call)."""
    if call.name == "single":
        return {name: answer_for(name, field.annotation)  # type: ignore[arg-type]
                for name, field in call.response_model.model_fields.items()}
    return answer_for(call.name, call.response_model)


def drive(article: str, answer: Answer = default_answer, window_chars: int = 100_000, strategy: str = "passes",
          calls: list[str] | None = None) -> ArticleSummary:
    """Run the pipeline, validating each hand-made answer as instructor would; a failure stands for
    exhausted re-asks (the answer comes back as the last output). The name of each call goes to `calls`."""
    steps = _pipeline.run(article, None, 600, window_chars, strategy)  # type: ignore[arg-type]
    call = next(steps)
    while True:
        if calls is not None:
            calls.append(call.name)
        raw = json.dumps(answer(call))
        try:
            with checking(call.checks):
                validated = call.response_model.model_validate_json(raw)
            outcome: _pipeline.Outcome = (validated,
                                          Usage(prompt_tokens=10, completion_tokens=5, calls=1))
        except ValidationError as error:
            outcome = ValidationFailed(str(error), attempts=2, last_output=raw)
        try:
            call = steps.send(outcome)
        except StopIteration as done:
            result: ArticleSummary = done.value
            return result


def with_summary(*sentences: str) -> Answer:
    def answer(call: Call) -> dict[str, object]:
        if call.name != "summary":
            return default_answer(call)
        return {"summary": [{"text": s, "support": [2]} for s in sentences],
                "key_points": [{"text": "Iraq condemned the strikes.", "support": [9]}]}
    return answer


def test_every_returned_span_is_the_articles_text() -> None:
    """Numbers, stances, mentions and summary support all slice back to their text."""
    result = drive(ARTICLE)
    spans = ([n.evidence for n in result.numbers] + [s.evidence for s in result.stances]
             + [m for p in result.parties for m in p.mentions] + [s for t in result.summary_sentences for s in t.support])
    assert spans and all(is_grounded(ARTICLE, span) for span in spans)
    assert result.usage.calls == 3 and result.checked >= len(result.numbers) + len(result.parties)


def test_traps_are_never_offered_as_quantities() -> None:
    """'B-1', 'first time', 'Last Saturday' and 'more than once' never become numbers, even if the model says so."""
    result = drive(ARTICLE)
    texts = " | ".join(n.evidence.text for n in result.numbers)
    for trap in ("B-1", "first time", "Last Saturday", "more than once", "first phase"):
        assert trap not in texts
    assert {n.value for n in result.numbers} == {85, 40, 3, 16, 25, 23}


def test_claimant_is_the_speaker_of_the_sentence() -> None:
    """A figure in a sentence a party speaks is claimed by that party; a plain statement of fact by nobody."""
    claims = {n.value: n.claimed_by for n in drive(ARTICLE).numbers}
    assert claims[16] == claims[25] == "Bassem Al-Awadi"
    assert claims[23] == "Syrian sources"
    assert claims[85] is None and claims[40] is None


@pytest.mark.parametrize("echoed", ["85", "$", "targets"])
def test_model_echoing_the_figure_falls_back_to_the_unit(echoed: str) -> None:
    """A 'counts' that only repeats the figure, a sign or the unit is replaced by the unit (and the event it
    counts, when the sentence says) rather than kept as an explanation."""
    def echo(call: Call) -> dict[str, object]:
        if call.name == "numbers":
            return {i: {"counts": echoed, "quantity": True} for i in _ids(call.response_model, "N")}
        return default_answer(call)
    numbers = {n.value: n for n in drive(ARTICLE, echo).numbers}
    assert numbers[85].counts == "targets"


def test_not_a_quantity_is_dropped() -> None:
    """A candidate the model marks as no quantity is not returned."""
    def none(call: Call) -> dict[str, object]:
        if call.name == "numbers":
            return {i: {"counts": "x", "quantity": i != "N1"} for i in _ids(call.response_model, "N")}
        return default_answer(call)
    assert 85 not in {n.value for n in drive(ARTICLE, none).numbers}


@pytest.mark.parametrize("strategy", ["passes", "single"])
def test_a_summary_may_cite_a_figure_the_numbers_answer_left_out(strategy: str) -> None:
    """The article's own figure is grounded even when the model did not label it a quantity: the summary keeps
    it, with either strategy (an invented one is still rejected: below)."""
    def no_85(call: Call) -> dict[str, object]:
        answer = with_summary("The United States struck more than 85 targets.")(call)
        for name, part in ([(call.name, answer)] if call.name != "single" else list(answer.items())):
            if name == "numbers":
                assert isinstance(part, dict)
                part["N1"] = {"counts": "targets", "quantity": False}
        return answer
    result = drive(ARTICLE, no_85, strategy=strategy)
    assert 85 not in {n.value for n in result.numbers}
    assert [s.text for s in result.summary_sentences if "85" in s.text]
    assert not [r for r in result.rejected if r.kind == "summary"]


def test_a_share_or_a_sum_of_money_is_kept_whatever_the_model_says() -> None:
    """The library knows a percentage and a sum of money are amounts; the model's "no quantity" drops only the
    figures it alone can judge (here the 40 boats)."""
    def none(call: Call) -> dict[str, object]:
        if call.name == "numbers":
            return {i: {"counts": "x", "quantity": False} for i in _ids(call.response_model, "N")}
        return default_answer(call)
    article = "Prices rose 12 percent, the ministry said. The repairs cost $5 million. Officials counted 40 boats."
    assert sorted(n.value for n in drive(article, none).numbers) == [12, 5_000_000]


def test_summary_with_an_invented_figure_is_rejected() -> None:
    """A summary sentence whose number is not one of the article's figures is dropped and listed in `rejected`."""
    result = drive(ARTICLE, with_summary("The strikes killed 120 people.", "Iraq called the strikes a violation."))
    assert [s.text for s in result.summary_sentences] == ["Iraq called the strikes a violation."]
    assert any("120" in r.reason and r.kind == "summary" for r in result.rejected)


def test_a_number_inside_a_name_the_article_gives_is_no_figure_to_check() -> None:
    """"Future 45" named in a key point of its own is the committee's name, as the article writes it; a 45 the
    article does not give that way is still an invented figure."""
    article = "Nadia Perez gave $25 million to Future 45, a committee in Westland. Dan Ross said it would fail."
    def answer(call: Call) -> dict[str, object]:
        if call.name != "summary":
            return default_answer(call)
        return {"summary": [{"text": "Nadia Perez gave $25 million.", "support": [1]}],
                "key_points": [{"text": "Future 45", "support": [1]}, {"text": "Ross counted 45 members.",
                                                                          "support": [2]}]}
    result = drive(article, answer)
    assert [k.text for k in result.key_points] == ["Future 45"]
    assert [r.claim for r in result.rejected] == ["Ross counted 45 members."]


def test_summary_with_an_unknown_name_is_rejected() -> None:
    """A name that is neither a party nor in the article (a claimant the model made up) is rejected."""
    result = drive(ARTICLE, with_summary("Vladimir Putin condemned the strikes."))
    assert result.summary_sentences == []
    assert any("Vladimir Putin" in r.reason for r in result.rejected)


def test_an_invented_name_in_a_label_is_rejected_too() -> None:
    """What a number counts and the stances' topic are checked like a summary: a name the article does not have
    puts the label in `rejected`, with the reason; a number keeps its unit, and no stance takes the topic."""
    def invent(call: Call) -> dict[str, object]:
        if call.name == "numbers":
            return {i: {"counts": "people killed by Vladimir Putin", "quantity": True}
                    for i in _ids(call.response_model, "N")}
        if call.name == "stances":
            return {"topic": "Vladimir Putin's war", **{i: "oppose" for i in _ids(call.response_model, "Q")}}
        return default_answer(call)
    result = drive(ARTICLE, invent)
    assert result.numbers and all("Putin" not in n.counts for n in result.numbers)
    assert {n.value: n.counts for n in result.numbers}[85] == "targets"
    assert all("Putin" not in s.target + s.position for s in result.stances)
    assert {r.kind for r in result.rejected if "Vladimir Putin" in r.reason} == {"number", "stance"}


@pytest.mark.parametrize(("topic", "kept"), [("the Iraq-Syria strikes", True), ("the Iraq-Putin deal", False)])
def test_names_joined_by_a_hyphen_are_each_checked(topic: str, kept: bool) -> None:
    """A topic joining two of the article's names by a hyphen names nothing new; one invented part is rejected."""
    def answer(call: Call) -> dict[str, object]:
        if call.name == "stances":
            return {"topic": topic, **{i: "oppose" for i in _ids(call.response_model, "Q")}}
        return default_answer(call)
    result = drive(ARTICLE, answer)
    assert any(s.target == topic for s in result.stances) is kept
    assert any(r.kind == "stance" and "Iraq-Putin" in r.reason for r in result.rejected) is not kept


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Iraq's government spokesman criticised the strikes.", True),  # the article: "Iraqi government spokesman"
    ("Iraq's defence minister criticised the strikes.", False),  # a role the article does not have
    ("Putin's government spokesman criticised the strikes.", False),  # a holder the article does not name
])
def test_an_office_is_checked_by_its_holder_and_its_role(sentence: str, kept: bool) -> None:
    """"X's role" in a summary names nothing new when the article names X and has the role: the article's
    "Iraqi government spokesman" may be the summary's "Iraq's government spokesman"."""
    result = drive(ARTICLE, with_summary(sentence))
    assert (sentence in [s.text for s in result.summary_sentences]) is kept


@pytest.mark.parametrize(("sentence", "kept"), [
    ("President Biden ordered the strikes.", True),  # the article: "US President Joe Biden"
    ("Defense Secretary Austin ordered the strikes.", True),  # "US Defense Secretary Austin Lloyd"
    ("Mr. Al-Awadi criticised the strikes.", True),  # an honorific fits any party's name
    ("Secretary Biden ordered the strikes.", False),  # a title the article does not give him
    ("President Putin criticised the strikes.", False),  # a name the article does not have
])
def test_a_title_before_a_name_is_checked_against_the_party_so_named(sentence: str, kept: bool) -> None:
    result = drive(ARTICLE, with_summary(sentence))
    assert (sentence in [s.text for s in result.summary_sentences]) is kept


def test_fabricated_quote_is_rejected() -> None:
    """A quotation that is not in the article is rejected with the reason."""
    result = drive(ARTICLE, with_summary('Biden said "we will destroy every base in the region".'))
    assert result.summary_sentences == []
    assert any("not in the article" in r.reason for r in result.rejected)


def test_misquoted_quote_is_repaired_to_the_articles_words() -> None:
    """A quotation with small differences is replaced by the article's own characters."""
    result = drive(ARTICLE, with_summary('Biden said "our response began today and will continue at the '
                                         'times and places we choose".'))
    assert len(result.summary_sentences) == 1
    assert "Our response began today, and will continue at the times and places we choose" in (
        result.summary_sentences[0].text)


def test_aliases_are_merged_into_one_party() -> None:
    """A title and a surname used alone denote the same party as the full name."""
    candidates = {c.name: c for c in cluster_names(ARTICLE, find_names(ARTICLE))}
    assert "US Defense Secretary" in candidates["Austin Lloyd"].aliases
    assert "Al-Awadi" in candidates["Bassem Al-Awadi"].aliases
    assert "US President" in candidates["Joe Biden"].aliases
    assert "Al-Awadi" not in candidates


def test_long_article_is_windowed_and_merged() -> None:
    """Three articles end to end, cut into windows: offsets are the whole text's, each party and number once."""
    article = "\n".join(read_article(n) for n in ("us_strikes_iraq_syria", "aceh_migrant_boat_rescue_2015",
                                                   "new_zealand_flag_referendums_2015"))
    result = drive(article, window_chars=2500)
    assert result.usage.calls > 3
    assert all(is_grounded(article, n.evidence) for n in result.numbers)
    spans = [(n.evidence.start, n.evidence.end) for n in result.numbers]
    assert len(spans) == len(set(spans))
    names = [p.name for p in result.parties]
    assert len(names) == len(set(names))
    assert all(is_grounded(article, m) for p in result.parties for m in p.mentions)


def test_disputed_death_tolls_are_grouped_with_their_sources() -> None:
    """Deaths given by different sources (16 per Al-Awadi, 23 per Syrian sources, about 40 unattributed) form
    one disputed figure; the wounded are not mixed in."""
    result = drive(ARTICLE)
    killed = next(f for f in result.figures if {c.value for c in f.claims} >= {16, 23})
    assert killed.disputed and {c.value for c in killed.claims} == {16, 23, 40}
    assert {c.claimed_by for c in killed.claims} == {"Bassem Al-Awadi", "Syrian sources", None}
    assert all(c.value != 25 for f in result.figures for c in f.claims)


def test_single_strategy_asks_once_and_builds_the_same_record() -> None:
    """One request answers every question; the record equals the one three passes build from the same answers."""
    single_calls: list[str] = []
    passes_calls: list[str] = []
    single = drive(ARTICLE, strategy="single", calls=single_calls)
    passes = drive(ARTICLE, calls=passes_calls)
    assert single_calls == ["single"] and passes_calls == ["numbers", "stances", "summary"]
    assert single.model_dump(exclude={"usage"}) == passes.model_dump(exclude={"usage"})
    assert single.numbers and single.stances and single.summary


@pytest.mark.parametrize("strategy", ["passes", "single"])
def test_a_summary_cites_the_sentences_that_state_it(strategy: str) -> None:
    """A cited line that shares no word with the summary sentence is dropped, the sentence it restates is cited
    instead of one that does not state it, and a sentence that no article sentence states is rejected."""
    def answer(call: Call) -> dict[str, object]:
        made = {"summary": [{"text": "The United States struck more than 85 targets in Iraq and Syria.",
                             "support": [1, 2]},
                            {"text": "The ballot chose a blue flag.", "support": [2]}],
                "key_points": [{"text": "Lloyd said their response had begun.", "support": [2]}]}
        return {**default_answer(call), "summary": made} if call.name == "single" else (
            made if call.name == "summary" else default_answer(call))

    result = drive(ARTICLE, answer, strategy=strategy)
    assert [[s.text[:33] for s in t.support] for t in result.summary_sentences + result.key_points] == [
        ["The United States launched air st"], ["Meanwhile, US Defense Secretary A"]]
    assert "flag" not in result.summary
    assert any(r.claim == "The ballot chose a blue flag." and "no sentence of the article states" in r.reason
               for r in result.rejected)


def test_a_summary_sentence_reads_as_the_articles_words() -> None:
    """Initials the model spaced out take the article's spelling, and a copied dateline is dropped."""
    article = "PORTVILLE (AP) \u2014 The U.S. will close its office in Norvia, Dan Ross said.\nNorvia said no."
    def answer(call: Call) -> dict[str, object]:
        return {"summary": [{"text": "PORTVILLE (AP) \u2014 The U. S. will close its office in Norvia.",
                             "support": [1]}],
                "key_points": [{"text": "Norvia said no.", "support": [2]}]} if call.name == "summary" else (
            default_answer(call))

    result = drive(article, answer)
    assert result.summary == "The U.S. will close its office in Norvia."


def test_single_strategy_keeps_the_labels_when_only_the_summary_fails() -> None:
    """An invented figure fails the one answer; its numbers and stances are still built, the summary rejected."""
    def answer(call: Call) -> dict[str, object]:
        made = default_answer(call)
        made["summary"] = {"summary": [{"text": "The strikes killed 999 people.", "support": [2]}],
                           "key_points": [{"text": "Iraq condemned the strikes.", "support": [9]}]}
        return made

    result = drive(ARTICLE, answer, strategy="single")
    assert result.numbers and result.stances
    assert "999" not in result.summary
    assert any("999" in r.claim for r in result.rejected)


def test_single_strategy_falls_back_to_passes_on_a_long_article() -> None:
    """An article longer than one window is read window by window, as with passes."""
    calls: list[str] = []
    drive(ARTICLE, window_chars=1_500, strategy="single", calls=calls)
    assert "single" not in calls and calls.count("numbers") > 1 and calls[-1] == "summary"


TWO_MARK_QUOTES = ("''We will not close the old port,'' Nadia Perez said on Monday. She added, ''The harbour "
                   "employs 1,200 people.''\n``It is a fair plan for the town,'' said Dan Ross.")


@pytest.mark.parametrize("strategy", ["passes", "single"])
def test_quotation_marks_of_two_apostrophes_are_read_as_quotes(strategy: str) -> None:
    """''...'' and ``...'' quote as curly marks do, and every span is cut from the article as it was given: a
    sentence keeps both apostrophes of its pair, a quote's words have none."""
    def answer(call: Call) -> dict[str, object]:
        made = {"stances": {"topic": "the old port", "Q1": "oppose", "Q2": "neutral", "Q3": "support"},
                "summary": {"summary": [{"text": "Nadia Perez will not close the port.", "support": [1]}],
                            "key_points": [{"text": "Dan Ross backs the plan.", "support": [3]}]}}
        if call.name == "single":
            return {**default_answer(call), **made}
        return made.get(call.name, default_answer(call))

    result = drive(TWO_MARK_QUOTES, answer, strategy=strategy)
    assert [(s.party, s.evidence.text) for s in result.stances] == [
        ("Nadia Perez", "We will not close the old port,"), ("Nadia Perez", "The harbour employs 1,200 people."),
        ("Dan Ross", "It is a fair plan for the town,")]
    assert [(n.value, n.claimed_by) for n in result.numbers] == [(1200, "Nadia Perez")]
    spans = ([n.evidence for n in result.numbers] + [s.evidence for s in result.stances]
             + [m for p in result.parties for m in p.mentions] + [s for t in result.summary_sentences for s in t.support])
    assert all(is_grounded(TWO_MARK_QUOTES, span) for span in spans)
    assert [s.text for t in result.summary_sentences + result.key_points for s in t.support] == [
        "''We will not close the old port,'' Nadia Perez said on Monday.",
        "``It is a fair plan for the town,'' said Dan Ross."]


TITLE_CASE = ("Dan Ross Says Norvia Will Cut 300 Jobs at the Westland Tax Office\n"
              "Norvia will close its office in Westland, the company said on Monday. Dan Ross, who leads the "
              "Westland Tax Office union, said 300 jobs would go.")


@pytest.mark.parametrize("strategy", ["passes", "single"])
def test_a_headline_in_title_case_is_read_in_sentence_case(strategy: str) -> None:
    """Its capitals name no one unless the article's sentences capitalise the same words: "Says", "Will" and "Cut"
    join no name, "Westland Tax Office" stays one; every span keeps the headline's own capitals."""
    result = drive(TITLE_CASE, strategy=strategy)
    assert sorted(p.name for p in result.parties) == ["Dan Ross", "Norvia", "Westland Tax Office"]
    headline = result.numbers[0]
    assert (headline.value, headline.claimed_by, headline.evidence.text) == (
        300, "Dan Ross", "300 Jobs")
    spans = [n.evidence for n in result.numbers] + [m for p in result.parties for m in p.mentions]
    assert all(is_grounded(TITLE_CASE, span) for span in spans)


NO_BREAK_SPACES = ("Nadia\u00a0Perez said on Monday that the vote is on Nov.\u00a028. Perez said 300\u00a0jobs would "
                   "go.")


def test_a_no_break_space_reads_as_a_space() -> None:
    """Web pages put no-break spaces inside names and dates; the spans keep them."""
    result = drive(NO_BREAK_SPACES)
    assert [p.name for p in result.parties] == ["Nadia Perez"]
    assert [(n.value, n.claimed_by, n.evidence.text) for n in result.numbers] == [(300, "Nadia Perez", "300\u00a0jobs")]
    assert all(is_grounded(NO_BREAK_SPACES, m) for p in result.parties for m in p.mentions)
