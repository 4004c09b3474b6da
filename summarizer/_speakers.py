"""Who speaks, who claims each figure and who takes a position, found without a model.

A speaker is the party named next to a speech verb in a sentence ("X said", "said X", "according to X"); a
pronoun subject ("He added", "The statement said") continues the previous speaker, and a quotation over several
sentences belongs to whoever it is attributed to. A figure belongs to the subject of the nearest speech verb
before it, or of an attribution that closes its sentence; a position, to the subject of a stance verb ("urged")
or of an act that takes one ("banned"), and the parties coordinated with it, with the clause that states it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarizer._actors import Candidate
from summarizer._english import REPORTING_WORDS, STANCE_WORDS
from summarizer._party_selection import party_kind
from summarizer._patterns import one_of, starting
from summarizer._stance_verbs import antecedent, direction
from summarizer._subjects import OPENS_QUOTE, names_a_source, pronoun_before, sentence_subject, subject_of
from summarizer.models import Span, StanceLabel

_STANCE = one_of(STANCE_WORDS)
_SPEECH_WORDS = f"{REPORTING_WORDS}|{STANCE_WORDS}"
_SPEECH = one_of(_SPEECH_WORDS)
_STANCE_VERB = re.compile(_STANCE)
# Acts that take a position without being statements: their subject is no speaker and claims no figure.
_ACT_WORDS = ("cracked down on|cracks down on|cracking down on|banned|bans|endorsed|endorses|hailed|hails|slammed|"
              "slams")
_ACTS = f"(?:{one_of(_ACT_WORDS)})"
_ACT_WORD_LIST = _ACT_WORDS.split("|")  # a sentence with none of them has no act: `_ACT` need not run
# Before a verb form that is no act of the word before it: a passive ("was backed by", "are endorsed by"), a
# compound adjective ("union-backed") or "as opposed to".
_NOT_ACTIVE = r"(?<!was )(?<!were )(?<!been )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!being )(?<!-)(?<!\bas )"
# It tests the words' first letters, then the words, then what may not stand before them: each test rejects
# most positions before the next one runs.
_ACT = re.compile(rf"\b{starting(_ACT_WORDS)}(?={_ACTS}\b){_NOT_ACTIVE}{_ACTS}\b")
# Any stance verb, whatever its form before it.
_POSITION = re.compile(rf"\b{starting(STANCE_WORDS + '|According|according')}(?:{_STANCE}\b|[Aa]ccording to\b)")
# "But" or "And" may open the sentence before it ("But she said: ..."); a participle is no finite verb ("They are
# adding to it": they add).
_PRONOUN_SUBJECT = re.compile(rf"(?:^\W*(?:(?:But|And|Yet|So)\s+)?|[,;?!][\"\u201d]?\s+)(?P<pronoun>[Hh]e|[Ss]he|"
                              rf"[Tt]hey|It|The statement|The ministry|The presidency|The spokesman)\s+(?:\w+\s+)?"
                              rf"{one_of('|'.join(w for w in _SPEECH_WORDS.split('|') if not w.endswith('ing')))}\b")
# A speech verb, not a participle after an auxiliary or an article ("were told", "an estimated cost") nor a noun
# after a number ("in all 50 states"); built as `_ACT` is.
_VERB = re.compile(rf"\b{starting(_SPEECH_WORDS + '|According|according')}(?:(?={_SPEECH}\b){_NOT_ACTIVE}"
                   rf"(?<!\ban )(?<!\bthe )(?<!\d ){_SPEECH}\b|[Aa]ccording to\b)")
# "called" takes a position when it asks ("called for X", "called on Y to X") or judges ("called the attack a
# violation", "called it \u201ca disaster\u201d"); otherwise it names or phones.
_CALLED_STANCE = re.compile(r"\s+(?:for|on|upon)\b|\s+(?:it|them|this|that|the\s+[a-z][\w-]*)\s+(?:(?:a|an|the)\s|"
                            r"[\"\u201c'\u2018])")
# Before the verb of an attribution that closes a sentence: a comma or closing quote, then a few words that are
# not a new clause ("..., Red Cross officials said"; not "..., although a recent poll found").
_CLOSING_ATTRIBUTION = re.compile(r"[,\u201d\"]\s+(?!(?:although|but|while|and|whereas|though|because|as|if|when|"
                                  r"which|who|after|before|since)\b)(?:[\w.'-]+\s+){0,4}$")
# Where the clause of a stance verb ends: its object runs to the next comma (not one inside a figure: "£500,000"),
# semicolon, relative clause or coordinated verb of saying or acting ("cracked down on X and banned Y", "praised X
# and said").
_CLAUSE_END = re.compile(rf"\s*(?:,(?!\d)|[;:\u2014\u2013]|--|\s(?:which|who|but|while|whereas)\b"
                         rf"|\sand\s+(?:{_SPEECH}|{_ACTS})\b)")
# After the verb of an attribution that closes a sentence ("..., Microsoft says on its website."): few words.
_TRAILING_WORDS = 8
_WORDS = re.compile(r"\w+")
_COLON_AFTER = re.compile(r":\s+(?P<words>[\"\u201c\u2018']?[A-Za-z].*)", re.DOTALL)
# A straight quote mark that opens a quotation: first in the text or after a space or bracket, before a word.
OPENING_QUOTE = re.compile(r'(?<![^\s(\[])"(?=\S)')
_QUOTE_MARK = re.compile(r'["\u201c\u201d]')
_ALL_QUOTE = re.compile(r"\W*[\"\u201c][^\"\u201c\u201d]+[\"\u201d]\W*")  # a sentence that is all quotation
# A quoted passage: its opening mark follows a space, its closing mark precedes one or a punctuation mark.
_QUOTED = re.compile(r"(?<![^\s(\[])[\"\u201c][^\"\u201c\u201d]+[\"\u201d](?![^\s.,;:!?)\]])")
_AND_BEFORE = re.compile(r"\sand\s+$")
_JOINED = re.compile(r",?\s+(?:and|or)\s+|,\s+")  # "X and Y", "X, Y"
_SUBORDINATORS = "when|if|until|unless|after|before|because|while|although|though|whereas|once"
# A subordinate clause opening the sentence, to its comma: the attribution is in the main clause after it.
_LEADING_CLAUSE = re.compile(rf"\W*(?i:{_SUBORDINATORS}|since|as)\b[^,;:\"\u201c\u201d]*,")
# A subordinating word a few words before a verb, in its clause ("... will be lifted when Boeing shows it has
# corrected the problems, according to Maj. Angela Billings"): the verb is not the sentence's attribution.
_SUBORDINATE_BEFORE = re.compile(rf"\b(?:{_SUBORDINATORS})\s+(?:[\w'\u2019.-]+\s+){{0,6}}$")
# "tells the story of": it narrates, says nothing.
_A_STORY = re.compile(r"\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:story|stories|tale)\b")
# What "added" gains rather than says: a figure ("added 0.1%", "added another two goals").
_A_FIGURE = re.compile(r"\s+(?:(?:a further|another|an?)\s+)?(?:[\d$\u00a3\u20ac]|(?:one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred|hundreds|thousands|"
                       r"millions|billions|(?:a )?(?:second|third|fourth|fifth))\b)")
# What "adding" says rather than adds: "adding that ...", "adding: ...", 'adding, "...'.
_WORDS_FOLLOW = re.compile(r"\s*(?:that\b|:|,?\s*[\"\u201c])")
# What "telling" says rather than narrates or gives away: "telling supporters that ...", "telling reporters: ...";
# not "telling the story of", "a telling sign".
_TOLD_WHOM = re.compile(r"\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w-]+(?:\s+(?!that\b)[\w-]+){0,2}?"
                        r"(?:\s+that\b|\s*:|,?\s*[\"\u201c])")
# Words that say something only before what they say: "adding that ..." (not "adding pay-TV channels"), "The
# report states that ..." (not "in many states, ..."), "telling reporters: ..." (not "telling the story of").
_SAYS_ONLY_BEFORE = {"adding": _WORDS_FOLLOW, "states": _WORDS_FOLLOW, "telling": _TOLD_WHOM}
# A verb opening a relative clause set off by a comma speaks last too ("X, founder of Y, which supports Z, said").
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\s+(?:(?:also|\w+ly)\s+)?$")


class Mentions:
    """Every mention of the candidates in article order: a sentence's are found by bisection (each sentence is
    asked for its speaker, its positions and the claimant of each of its figures)."""

    def __init__(self, candidates: list[Candidate], by_title: Iterable[tuple[Span, Candidate]] = ()) -> None:
        """`by_title` adds mentions that are no names ("the prime minister", `_roles`)."""
        self._pairs = sorted([*((m, c) for c in candidates for m in c.mentions), *by_title],
                             key=lambda pair: pair[0].start)
        self._starts = [m.start for m, _ in self._pairs]

    def within(self, sentence: Span) -> list[tuple[Span, Candidate]]:
        """The mentions that start in `sentence`, with their candidates."""
        return self._pairs[bisect_left(self._starts, sentence.start) : bisect_left(self._starts, sentence.end)]


def find_speakers(article: str, sentences: list[Span], named: Mentions) -> list[Candidate | None]:
    """For each sentence, the candidate that speaks in it, or None. A pronoun subject ("He added") continues
    the previous speaker; "he" or "she" after a speaker who is no person, the person opening the sentence before,
    if one does and it is no words of the same quotation; a quotation running over several sentences is the words
    of whoever it is attributed to."""
    speakers: list[Candidate | None] = []
    previous: Candidate | None = None
    runs = _quotation_runs(article, sentences)
    quoted_before = {i for run in runs for i in run[1:]}  # the sentence before is words of the same quotation
    for index, sentence in enumerate(sentences):
        speaker = _speaker_in(sentence, named)
        pronoun = _PRONOUN_SUBJECT.search(sentence.text) if speaker is None else None
        if pronoun is not None:
            speaker = previous
            word = pronoun.group("pronoun").lower()
            if (word in ("he", "she") and (previous is None or party_kind(previous) != "person") and index
                    and index not in quoted_before):
                before = sentences[index - 1]  # "Lula vowed ... "If ...," he said.": Lula, not the leaders before
                speaker = sentence_subject(before, named.within(before), "he") or previous
            if word in ("he", "she") and speaker is not None and speaker.pronouns - {word}:
                speaker = _named_by(word, sentences[max(0, index - 3) : index], speakers[max(0, index - 3) :], named)
        speakers.append(speaker)
        previous = speaker or previous
    for group in runs:
        attributed = next((speakers[i] for i in group if speakers[i] is not None), None)
        if attributed is None and group[0] > 0 and OPENS_QUOTE.match(sentences[group[0]].text):
            attributed = speakers[group[0] - 1]  # "As Heald told the Post, ... \"Despite ...\""
        for i in group:
            speakers[i] = speakers[i] or attributed
    return speakers


def _named_by(pronoun: str, sentences: list[Span], speakers: list[Candidate | None], named: Mentions
              ) -> Candidate | None:
    """The person "he" or "she" stands for when the last speaker cannot be ("Mr Ross spoke. Ms Holt said X. He
    said Y": Ross): the latest in these sentences, speaker or named, whose titles do not call for another."""
    for sentence, speaker in zip(reversed(sentences), reversed(speakers), strict=True):
        for candidate in (speaker, *(c for _, c in reversed(named.within(sentence)))):
            if candidate is not None and party_kind(candidate) == "person" and not candidate.pronouns - {pronoun}:
                return candidate
    return None


def _quotation_runs(article: str, sentences: list[Span]) -> list[list[int]]:
    """Runs of consecutive sentences that one quotation spans (it opens in the first, closes in the last); a
    sentence that is all quotation is a run of one. Each straight quote mark opens or closes by its shape
    (`OPENING_QUOTE`), so one mark left unclosed ends its run where the next quotation opens, instead of
    putting every later quotation of the article out of step; and at the end of its paragraph, unless the next
    paragraph opens with a quote mark, as a quotation running over paragraphs does."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if run and "\n" in article[sentences[index - 1].end : sentence.start] and not OPENS_QUOTE.match(text):
            runs.append(run)
            run = []
        if run:
            run.append(index)
        if '"' not in text and "\u201c" not in text and "\u201d" not in text:
            continue  # most sentences: no quote mark
        for mark in _QUOTE_MARK.finditer(text):
            quote = mark[0]
            opening = quote == "\u201c" or quote == '"' and OPENING_QUOTE.match(text, mark.start())
            if opening and run and run[0] != index:
                runs.append(run[:-1])  # never closed: it ends before this quotation opens
                run = [index]
            elif opening and not run:
                run = [index]
            elif not opening and run:
                if run[0] != index or _ALL_QUOTE.fullmatch(text):
                    runs.append(run)
                run = []
    return runs


def claimant_of(sentence: Span, named: Mentions, at: int, speaker: Candidate | None) -> Candidate | None:
    """Who claims the figure at offset `at`: the subject of the nearest speech verb before it in the sentence
    ("X said that 16 died"; not "according to X" when a verb after the figure says someone else speaks), or of
    an attribution closing the sentence after it ("16 died, X said", "16 died, said X, who leads Y"). Failing
    both, the sentence's speaker (a pronoun subject's antecedent, a quotation's attribution), if any. A figure
    inside a quotation is the speaker's claim ('"Sales are 2% up," he said.')."""
    if speaker is not None and _inside(_quotations(sentence.text), at - sentence.start):
        return speaker
    verbs = _attributing_verbs(sentence.text)
    inside = named.within(sentence) if verbs else []
    later = any(sentence.start + v.start() > at for v in verbs)
    for verb in reversed([v for v in verbs if sentence.start + v.end() <= at]):
        if later and names_a_source(verb):
            continue  # "According to X, Y, who leads 12 men, said ...": X reports Y's words, not the figure
        subject = subject_of(sentence, verb, inside)
        if subject is not None:
            return subject
    for verb in (v for v in verbs if sentence.start + v.start() > at):
        closing = _CLOSING_ATTRIBUTION.search(sentence.text[at - sentence.start : verb.start()])
        trailing = len(_WORDS.findall(sentence.text[verb.end() :].split(",", 1)[0]))  # to an aside: "said X, a Y who"
        if not closing or trailing > _TRAILING_WORDS:
            return None
        subject = subject_of(sentence, verb, inside)  # "..., he added.": whom the pronoun continues
        pronoun = subject is None and pronoun_before(sentence.text, verb)
        return speaker if pronoun else subject
    return speaker


@dataclass(frozen=True)
class Position:
    """A party taking a position in `clause`; with `label` and `target` when its verb says which way, towards
    the verb's object ("Malaysia and Indonesia have maintained a policy of turning away boats": support, "a
    policy of turning away boats")."""

    candidate: Candidate
    clause: Span
    label: StanceLabel | None = None
    target: str = ""


def position_takers(sentence: Span, named: Mentions, speaker: Candidate | None) -> list[Position]:
    """Who takes a position in the sentence, and the clause that says it: the subject of each stance verb
    ("criticised", "urged") with the parties coordinated with it ("Malaysia and Indonesia have maintained a
    policy of..."), from the first of them to the end of the verb's clause; else the speaker, with the sentence."""
    acts = _ACT.finditer(sentence.text) if any(word in sentence.text for word in _ACT_WORD_LIST) else ()
    verbs = sorted([v for v in _verbs(sentence.text) if _STANCE_VERB.fullmatch(v.group(0))] + list(acts),
                   key=lambda v: v.start())
    inside = named.within(sentence) if verbs else []
    takers: list[Position] = []
    for index, verb in enumerate(verbs):
        if index and _AND_BEFORE.search(sentence.text, 0, verb.start()):
            continue  # "X cracked down on Y and banned Z": X's second verb (one position a party, a sentence)
        subject = subject_of(sentence, verb, inside)
        if subject is None:
            continue
        at = sentence.start + verb.start()
        mentions = [m for m, c in inside if c is subject and m.start < at]
        group = [(max(mentions, key=lambda m: m.start), subject)] if mentions else []
        group += _coordinated(sentence, inside, group, at)
        first = min((m.start for m, _ in group), default=at)
        stop = _CLAUSE_END.search(sentence.text, verb.end())
        last = sentence.start + (stop.start() if stop else len(sentence.text.rstrip(" .")))
        clause = Span(start=first, end=last, text=sentence.text[first - sentence.start : last - sentence.start])
        label, target = direction(verb.group(0), sentence.text[verb.end() : last - sentence.start],
                                  antecedent(sentence.text, verbs, verb, first - sentence.start))
        takers += [Position(c, clause, label, target) for c in [subject, *(c for _, c in group)]]
    if not takers and speaker is not None and _POSITION.search(sentence.text) and (
            "called" not in sentence.text
            or any(not _names_or_phones(sentence.text, verb) for verb in _POSITION.finditer(sentence.text))):
        takers.append(Position(speaker, sentence))
    return [p for i, p in enumerate(takers) if all(p.candidate is not other.candidate for other in takers[:i])]


def _coordinated(sentence: Span, inside: list[tuple[Span, Candidate]], group: list[tuple[Span, Candidate]],
                 verb_at: int) -> list[tuple[Span, Candidate]]:
    """Mentions joined to the subject's before the verb by "and", "or" or a comma ("X and Y said")."""
    if not group:
        return []
    first = min(m.start for m, _ in group)
    return [(m, c) for m, c in inside if m.end < first
            and _JOINED.fullmatch(sentence.text, m.end - sentence.start, first - sentence.start)]


@lru_cache(maxsize=1024)  # asked for a sentence's speaker and for each of its figures
def _attributing_verbs(text: str) -> tuple[re.Match[str], ...]:
    """The speech verbs of a sentence outside its quotations: the quoted words' own verbs attribute nothing
    ("\"... as it states,\" Robert Gibbs said")."""
    verbs = _verbs(text)
    quoted = _quotations(text) if verbs else []
    return tuple(v for v in verbs if not _inside(quoted, v.start())) if quoted else verbs


def _quotations(text: str) -> list[tuple[int, int]]:
    """Where a sentence's quoted passages are."""
    return [(q.start(), q.end()) for q in _QUOTED.finditer(text)] if '"' in text or "\u201c" in text else []


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(start < at < end for start, end in spans)


@lru_cache(maxsize=1024)  # each sentence is asked for its speaker, each of its figures and its positions
def _verbs(text: str) -> tuple[re.Match[str], ...]:
    """The speech verbs of a sentence, in order."""
    verbs = tuple(_VERB.finditer(text))
    if " story" in text or " tale" in text:  # "The film tells the story of a soldier": it narrates, says nothing
        verbs = tuple(verb for verb in verbs if not (verb.group(0) in ("tells", "told") and _A_STORY.match(
            text, verb.end())))
    if "add" in text:  # "Gold added 0.1%", "Ross added three assists": it gained
        verbs = tuple(verb for verb in verbs
                      if not (verb.group(0) in ("added", "adds") and _A_FIGURE.match(text, verb.end())))
    verbs = tuple(verb for verb in verbs if (after := _SAYS_ONLY_BEFORE.get(verb.group(0))) is None
                  or after.match(text, verb.end()))
    return tuple(verb for verb in verbs if not _names_or_phones(text, verb)) if "called" in text else verbs


def _names_or_phones(text: str, verb: re.Match[str]) -> bool:
    """Whether "called" names something or someone, or phones them ("a group called the Operating Committee",
    "He called it PageRank", "Page called Doerr", "so-called"), rather than asking or judging."""
    return verb.group(0) == "called" and _CALLED_STANCE.match(text, verb.end()) is None


def _speaker_in(sentence: Span, named: Mentions) -> Candidate | None:
    """The subject of the first speech verb outside quotation marks that has one. "According to X" only names the
    source when another verb has a subject ("According to ABC News, Basya also believes ...": Basya speaks). A
    leading subordinate clause speaks last: "While X considered it, the company expects no trouble, according to
    Y" is Y's; so does a verb after a subordinating word in its clause ("... lifted when Boeing shows it
    corrected them, according to Y"), and one opening a relative clause ("X, founder of Y, which supports Z,
    said": X). A name and a colon opening the sentence come first ("Dan Ross: Norvia said it would pay")."""
    if ":" in sentence.text and (labelled := _before_colon(sentence, named)) is not None:
        return labelled
    verbs = _attributing_verbs(sentence.text)
    inside = named.within(sentence) if verbs else []
    lead = _LEADING_CLAUSE.match(sentence.text) if verbs else None
    lead_end = lead.end() if lead else 0
    subordinate = [verb.start() < lead_end or any(
        pattern.search(sentence.text, max(0, verb.start() - 60), verb.start())
        for pattern in (_SUBORDINATE_BEFORE, _RELATIVE_BEFORE)) for verb in verbs]
    source: Candidate | None = None
    for verb, under in zip(verbs, subordinate, strict=True):
        subject = None if under else subject_of(sentence, verb, inside)
        if subject is not None and not names_a_source(verb):
            return subject
        source = source or subject
    under_verbs = (subject_of(sentence, verb, inside) for verb, under in zip(verbs, subordinate, strict=True)
                   if under)
    return source or next((subject for subject in under_verbs if subject is not None), None)


def _before_colon(sentence: Span, named: Mentions) -> Candidate | None:
    """The party whose words a sentence gives after its name and a colon, as headlines write them ("Dan Ross:
    Norvia must go"); not "The result: Ross won", nor a label in capitals ("BYLINE: Dan Ross"), a figure ("Ross:
    1,769") or a list of names after it ("Westland: Dan Ross, Nadia Perez")."""
    inside = named.within(sentence)
    if not inside:
        return None
    mention, candidate = inside[0]
    opening = sentence.text[: mention.start - sentence.start]
    words = _COLON_AFTER.match(sentence.text, mention.end - sentence.start)
    return candidate if words and not opening.strip("\"\u201c ") and not mention.text.isupper() and any(
        word[0].islower() for word in _WORDS.findall(words.group("words"))) else None
