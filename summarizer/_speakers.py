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
from dataclasses import dataclass
from functools import lru_cache

from summarizer._actors import Candidate, party_kind
from summarizer._english import REPORTING_WORDS, STANCE_WORDS, gerund
from summarizer._names import HONORIFICS
from summarizer._patterns import one_of, starting
from summarizer._places import names_a_place
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
# It tests the words' first letters, then the words, then what may not stand before them: each test rejects
# most positions before the next one runs.
_ACT = re.compile(rf"\b{starting(_ACT_WORDS)}(?={_ACTS}\b)(?<!was )(?<!were )(?<!been )(?<!be ){_ACTS}\b")
# Any stance verb, whatever its form before it.
_POSITION = re.compile(rf"\b{starting(STANCE_WORDS + '|According|according')}(?:{_STANCE}\b|[Aa]ccording to\b)")
_PRONOUN_SUBJECT = re.compile(rf"(?:^\W*|[,;?!][\"\u201d]?\s+)(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|It|The statement|The ministry|"
                              rf"The presidency|The spokesman)\s+(?:\w+\s+)?{_SPEECH}\b")
# A speech verb, not a participle after an auxiliary or an article ("were told", "an estimated cost"); built
# as `_ACT` is.
_VERB = re.compile(rf"\b{starting(_SPEECH_WORDS + '|According|according')}(?:(?={_SPEECH}\b)(?<!was )(?<!were )"
                   rf"(?<!been )(?<!be )(?<!\ban )(?<!\bthe ){_SPEECH}\b|[Aa]ccording to\b)")
# Stance verbs whose direction towards their object is plain: "maintained a policy of X" is for X, "rejected X"
# against it. Others ("warned", "described") leave the direction to the model.
_FOR = re.compile(r"maintained|supported|supports|backed|backs|welcomed|welcomes|praised|praises|defended|defends|"
                  r"applauded|lauded|endorsed|endorses|hailed|hails")
_AGAINST = re.compile(r"criticised|criticized|criticises|criticizes|condemned|condemns|denied|denies|rejected|"
                      r"rejects|refused|refuses|opposed|opposes|crack(?:ed|s|ing) down on|banned|bans|slammed|slams|"
                      r"blasted|blasts|dismissed|dismisses")
# Verbs that ask for something: "urged/asked/called on Y to X" is for X, "... not to X" against it, "called for X"
# for X. The addressee is a few words, so a "to" further on is not the request's.
_DIRECTIVE = re.compile(r"urged|urges|asked|called")
# "called" takes a position when it asks ("called for X", "called on Y to X") or judges ("called the attack a
# violation", "called it \u201ca disaster\u201d"); otherwise it names or phones.
_CALLED_STANCE = re.compile(r"\s+(?:for|on|upon)\b|\s+(?:it|them|this|that|the\s+[a-z][\w-]*)\s+(?:(?:a|an|the)\s|"
                            r"[\"\u201c'\u2018])")
_REQUEST = re.compile(r"for\s+(?=\w)|(?:on\s+)?(?:[\w.'-]+\s+){1,8}?(not\s+)?to\s+(?=\w)")
# A relative clause whose subject takes the position: "a policy of X which, according to AFP, Y criticised" is
# Y against "a policy of X" (the antecedent, back to the sentence's previous stance verb or its start).
_RELATIVE = re.compile(r"\s*(?:,|--|\u2014|\u2013)?\s+which\s*(?:,[^,]*,\s*)?(?:the\s+)?$")
# A relative clause refers to the nearest noun phrase, and a preposition of time opens a new one ("sanctions after
# the latest penalties -- which X supported": the penalties); others may belong to the noun ("a policy of X, which").
_NEW_PHRASE = re.compile(r".*\b(?:after|before|since|until|during|despite|following)\s+", re.DOTALL)
# Words that open a verb's object but are not part of what it is for or against ("refused to X", "criticised that").
_OBJECT_LEAD = re.compile(r"^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
                          r"yesterday)\s+)?(?:(?:that|to|against|on)\s+)?")  # "criticized Friday the policy"
# Before the verb of an attribution that closes a sentence: a comma or closing quote, then a few words that are
# not a new clause ("..., Red Cross officials said"; not "..., although a recent poll found").
_CLOSING_ATTRIBUTION = re.compile(r"[,\u201d\"]\s+(?!(?:although|but|while|and|whereas|though|because|as|if|when|"
                                  r"which|who|after|before|since)\b)(?:[\w.'-]+\s+){0,4}$")
# Where the clause of a stance verb ends: its object runs to the next comma, semicolon, relative clause or
# coordinated stance verb ("cracked down on X and banned Y").
_CLAUSE_END = re.compile(rf"\s*(?:[,;:\u2014\u2013]|--|\s(?:which|who|but|while|whereas)\b"
                         rf"|\sand\s+(?:{_STANCE}|{_ACTS})\b)")
# After the verb of an attribution that closes a sentence ("..., Microsoft says on its website."): few words.
_TRAILING_WORDS = 8
_WORDS = re.compile(r"\w+")
_OPENS_QUOTE = re.compile(r"\W*[\"\u201c]")
# A straight quote mark that opens a quotation: first in the text or after a space or bracket, before a word.
OPENING_QUOTE = re.compile(r'(?<![^\s(\[])"(?=\S)')
_QUOTE_MARK = re.compile(r'["\u201c\u201d]')
_ALL_QUOTE = re.compile(r"\W*[\"\u201c][^\"\u201c\u201d]+[\"\u201d]\W*")  # a sentence that is all quotation
# A quoted passage: its opening mark follows a space, its closing mark precedes one or a punctuation mark.
_QUOTED = re.compile(r"(?<![^\s(\[])[\"\u201c][^\"\u201c\u201d]+[\"\u201d](?![^\s.,;:!?)\]])")
_AND_BEFORE = re.compile(r"\sand\s+$")
_JOINED = re.compile(r",?\s+(?:and|or)\s+|,\s+")  # "X and Y", "X, Y"
_BREAK = re.compile(r"[.;:\u201c\u201d\"]")  # between a subject and its verb: none of these
# An aside set off by commas right before a verb, opening with a lower-case word ("Roosevelt, who served under
# President Clinton, blasted", "X, the grandson of Y, said", "X, spokesman for Y, said"): the subject precedes it.
_ASIDE = re.compile(r",\s+[a-z][^,;:\"\u201c\u201d]*,\s+(?:\w+\s+){0,2}$")
# A phrase set off by commas after a name says who it is; a name inside it is not the verb's subject ("James
# Roosevelt Jr., the grandson of FDR and DNC member, spoke ... and said").
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|[A-Z][\w.&-]*['\u2019]s)\s+[^,;:\"\u201c\u201d]*,")  # ", Microsoft's vice president,"
# Before a name, words that make it an example of the subject, not the subject ("Republicans such as Bush").
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|including|like|among them)\s+(?:former\s+|the\s+)?$")
# Verbs whose subject may follow them ("said X", "according to X"); after others a name is the object.
_SAID = re.compile(r"said|says|say|added|stated|states|claimed|claims|noted|notes|reiterated|continued|explained|"
                   r"commented|remarked|observed|predicted|replied|responded|recalled|[Aa]ccording to")
# A name that ends with a spokesperson's role ("Yahoo spokeswoman") before a person's name: the role is theirs.
_ROLE_ENDS = re.compile(r"\b(?:spokes(?:man|woman|person)|police)$")  # "according to police Maj. Ann Lee"
# After a verb of saying, the role of the person named next ("said the battalion commander, Lt. Col. Erik Kurilla").
_ROLE_GAP = re.compile(r"\s+the\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+")
# After a comma, these verbs put their subject after them too ("..., reported AFP."), and before anyone named earlier.
_INVERTED = re.compile(rf"{_SAID.pattern}|reported|reports|wrote|writes")
_COMMA_BEFORE = re.compile(r",\s+$")
_HONORIFIC_GAP = re.compile(rf"\s+(?:{'|'.join((*HONORIFICS, 'Dr'))})\.?\s+")
_NAME_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;:!?)]|$)")  # after "said X": X ends the clause (not "said X's flag")
# A role between an organisation and a person's name ("NOAA head Jane Lubchenco", "Verizon's chief executive Ivan
# Seidenberg"): the person speaks.
_ROLE_NOUNS = ("(?:head|chief|spokesman|spokeswoman|spokesperson|director|minister|secretary|president|chairman|"
               "chairwoman|official|executive|analyst|economist|founder|leader|commander|ambassador|adviser|advisor|"
               "researcher|scientist|professor|lawyer|attorney|manager|editor)")
_ROLE_BETWEEN = re.compile(rf"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?{_ROLE_NOUNS}\s+")
# A person's role after their name and a comma, running to the verb with no comma to close it ("Hakan
# Sandbladh, spokesman for International Federation of Red Cross and Red Crescent Societies said"): the
# organisations in it are not the subject.
_ROLE_ASIDE = re.compile(rf",\s+(?:[a-z]+\s+)?{_ROLE_NOUNS}\s+(?:of|for|at|in|to|with)\s+[^,;:\"\u201c\u201d]*$")
_BRACKETED = re.compile(r"\s*\([^()]{1,30}\)")  # "Rep. Lee Hamilton (D-Ind.), president of ..."
# "that" or "which" right before a verb is its subject ("the states Obama carried ... the biggest that opposed
# him"), unless it follows the name at once ("X that opposed", "X, which opposed" is X).
_BEFORE_VERB = (r"\s+(?:(?:could|would|should|may|might|must|can|will|has|have|had|once|also|still|never|always|"
                r"\w+ly)\s+){0,3}$")  # "a lake that could have once", "it has strongly"
_RELATIVE_SUBJECT = re.compile(rf",?\s+(?:that|which){_BEFORE_VERB}")
# A pronoun opening a clause right before the verb is its subject, and the names before it are not ("to ensure
# Iran has no bomb, it has strongly criticised").
_PRONOUN_BEFORE = re.compile(rf"(?:,|\b(?:and|but|while|because|when))\s+(?P<pronoun>he|she|it|they){_BEFORE_VERB}")
_SUBORDINATORS = "when|if|until|unless|after|before|because|while|although|though|whereas|once"
# A subordinate clause opening the sentence, to its comma: the attribution is in the main clause after it.
_LEADING_CLAUSE = re.compile(rf"\W*(?i:{_SUBORDINATORS}|since|as)\b[^,;:\"\u201c\u201d]*,")
# A subordinating word a few words before a verb, in its clause ("... will be lifted when Boeing shows it has
# corrected the problems, according to Maj. Angela Billings"): the verb is not the sentence's attribution.
_SUBORDINATE_BEFORE = re.compile(rf"\b(?:{_SUBORDINATORS})\s+(?:[\w'\u2019.-]+\s+){{0,6}}$")
_OPENING = re.compile(r"\W*(?:[Tt]he\s+)?$")  # what may stand before a sentence's subject


class Mentions:
    """Every mention of the candidates in article order: a sentence's are found by bisection (each sentence is
    asked for its speaker, its positions and the claimant of each of its figures)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self._pairs = sorted(((m, c) for c in candidates for m in c.mentions), key=lambda pair: pair[0].start)
        self._starts = [m.start for m, _ in self._pairs]

    def within(self, sentence: Span) -> list[tuple[Span, Candidate]]:
        """The mentions that start in `sentence`, with their candidates."""
        return self._pairs[bisect_left(self._starts, sentence.start) : bisect_left(self._starts, sentence.end)]


def find_speakers(sentences: list[Span], named: Mentions) -> list[Candidate | None]:
    """For each sentence, the candidate that speaks in it, or None. A pronoun subject ("He added") continues
    the previous speaker; "he" or "she" after a speaker who is no person, the person opening the sentence before,
    if one does; a quotation running over several sentences is the words of whoever it is attributed to."""
    speakers: list[Candidate | None] = []
    previous: Candidate | None = None
    for index, sentence in enumerate(sentences):
        speaker = _speaker_in(sentence, named)
        pronoun = _PRONOUN_SUBJECT.search(sentence.text) if speaker is None else None
        if pronoun is not None:
            speaker = previous
            if pronoun.group("pronoun").lower() in ("he", "she") and (previous is None or party_kind(previous)
                                                                        != "person") and index:
                before = sentences[index - 1]  # "Lula vowed ... "If ...," he said.": Lula, not the leaders before
                speaker = _sentence_subject(before, named.within(before), "he") or previous
        speakers.append(speaker)
        previous = speaker or previous
    for group in _quotation_runs(sentences):
        attributed = next((speakers[i] for i in group if speakers[i] is not None), None)
        if attributed is None and group[0] > 0 and _OPENS_QUOTE.match(sentences[group[0]].text):
            attributed = speakers[group[0] - 1]  # "As Heald told the Post, ... \"Despite ...\""
        for i in group:
            speakers[i] = speakers[i] or attributed
    return speakers


def _quotation_runs(sentences: list[Span]) -> list[list[int]]:
    """Runs of consecutive sentences that one quotation spans (it opens in the first, closes in the last); a
    sentence that is all quotation is a run of one. Each straight quote mark opens or closes by its shape
    (`OPENING_QUOTE`), so one mark left unclosed ends its run where the next quotation opens, instead of
    putting every later quotation of the article out of step."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
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
    ("X said that 16 died"), or of an attribution closing the sentence after it ("16 died, X said"). Failing
    both, the sentence's speaker (a pronoun subject's antecedent, a quotation's attribution), if any."""
    verbs = _attributing_verbs(sentence.text)
    inside = named.within(sentence) if verbs else []
    for verb in reversed([v for v in verbs if sentence.start + v.end() <= at]):
        subject = _subject_of(sentence, verb, inside)
        if subject is not None:
            return subject
    for verb in (v for v in verbs if sentence.start + v.start() > at):
        closing = _CLOSING_ATTRIBUTION.search(sentence.text[at - sentence.start : verb.start()])
        trailing = len(_WORDS.findall(sentence.text, verb.end()))
        if not closing or trailing > _TRAILING_WORDS:
            return None
        subject = _subject_of(sentence, verb, inside)  # "..., he added.": whom the pronoun continues
        pronoun = subject is None and _PRONOUN_BEFORE.search(sentence.text, max(0, verb.start() - 40), verb.start())
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
        subject = _subject_of(sentence, verb, inside)
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
        label, target = _direction(verb.group(0), sentence.text[verb.end() : last - sentence.start],
                                   _antecedent(sentence.text, verbs, verb, first - sentence.start))
        takers += [Position(c, clause, label, target) for c in [subject, *(c for _, c in group)]]
    if not takers and speaker is not None and _POSITION.search(sentence.text) and (
            "called" not in sentence.text
            or any(not _names_or_phones(sentence.text, verb) for verb in _POSITION.finditer(sentence.text))):
        takers.append(Position(speaker, sentence))
    return [p for i, p in enumerate(takers) if all(p.candidate is not other.candidate for other in takers[:i])]


def _direction(verb: str, after: str, antecedent: str = "") -> tuple[StanceLabel | None, str]:
    """For or against the verb's object, and the object ("refused to sign X": against "signing X"; "asked Y not to
    X": against X, as a gerund too); the relative clause's antecedent when the verb has no object after it ("X,
    which Y criticised"). None when the verb does not say which way, or the object is not there ("have both
    criticised")."""
    label: StanceLabel | None = "support" if _FOR.fullmatch(verb) else "oppose" if _AGAINST.fullmatch(verb) else None
    after = " ".join(after.split()).strip(" ,.;:")
    directive = _DIRECTIVE.fullmatch(verb) is not None
    infinitive = after.startswith("to ")  # "refused to sign": against signing
    if directive:
        request = _REQUEST.match(after)
        label = None if request is None else "oppose" if request.group(1) else "support"
        infinitive = request is not None and not request.group(0).startswith("for")  # "urged Y to X", not "for X"
        after = after[request.end():] if request else ""
    target = _OBJECT_LEAD.sub("", after)
    target = gerund(target) if infinitive else target
    if len(target.split()) < 2 and label is not None and not directive:
        target = antecedent
    if label is None or len(target.split()) < 2:
        return None, ""
    return label, target


def _antecedent(text: str, verbs: list[re.Match[str]], verb: re.Match[str], subject_at: int) -> str:
    """The noun phrase a relative clause before the subject refers to ("a policy of X" in "... maintained a policy
    of X which, according to AFP, Y criticised"), or "" when the subject does not open a relative clause."""
    relative = _RELATIVE.search(text, 0, subject_at)
    if relative is None:
        return ""
    earlier = [v.end() for v in verbs if v.end() <= relative.start() and v is not verb]
    phrase = text[max(earlier, default=0) : relative.start()]
    return _OBJECT_LEAD.sub("", _NEW_PHRASE.sub("", phrase)).strip(" ,")


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
    if verbs and ('"' in text or "\u201c" in text):
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        verbs = tuple(v for v in verbs if not any(start < v.start() < end for start, end in quoted))
    return verbs


@lru_cache(maxsize=1024)  # each sentence is asked for its speaker, each of its figures and its positions
def _verbs(text: str) -> tuple[re.Match[str], ...]:
    """The speech verbs of a sentence, in order."""
    verbs = tuple(_VERB.finditer(text))
    return tuple(verb for verb in verbs if not _names_or_phones(text, verb)) if "called" in text else verbs


def _names_or_phones(text: str, verb: re.Match[str]) -> bool:
    """Whether "called" names something or someone, or phones them ("a group called the Operating Committee",
    "He called it PageRank", "Page called Doerr", "so-called"), rather than asking or judging."""
    return verb.group(0) == "called" and _CALLED_STANCE.match(text, verb.end()) is None


def _names_a_source(verb: re.Match[str]) -> bool:
    """Whether the verb is "according to": its party is named after it and is the source, not the subject."""
    return verb[0][-3:] == " to"


def _speaker_in(sentence: Span, named: Mentions) -> Candidate | None:
    """The subject of the first speech verb outside quotation marks that has one. "According to X" only names the
    source when another verb has a subject ("According to ABC News, Basya also believes ...": Basya speaks). A
    leading subordinate clause speaks last: "While X considered it, the company expects no trouble, according to
    Y" is Y's; so does a verb after a subordinating word in its clause ("... lifted when Boeing shows it
    corrected them, according to Y")."""
    verbs = _attributing_verbs(sentence.text)
    inside = named.within(sentence) if verbs else []
    lead = _LEADING_CLAUSE.match(sentence.text) if verbs else None
    lead_end = lead.end() if lead else 0
    subordinate = [verb.start() < lead_end or _SUBORDINATE_BEFORE.search(
        sentence.text, max(0, verb.start() - 60), verb.start()) is not None for verb in verbs]
    source: Candidate | None = None
    for verb, under in zip(verbs, subordinate, strict=True):
        subject = None if under else _subject_of(sentence, verb, inside)
        if subject is not None and not _names_a_source(verb):
            return subject
        source = source or subject
    under_verbs = (_subject_of(sentence, verb, inside) for verb, under in zip(verbs, subordinate, strict=True)
                   if under)
    return source or next((subject for subject in under_verbs if subject is not None), None)


def _subject_of(sentence: Span, verb: re.Match[str], inside: list[tuple[Span, Candidate]]) -> Candidate | None:
    """The party next to a speech verb: the subject before it (before an aside: "X, spokesman for Y, said"; not a
    name given as an example of it: "Republicans such as Bush have called"), else "said X"/"according to X" right
    after it."""
    if _names_a_source(verb):
        return _said_subject(sentence, verb, inside)  # "X watches TV, according to Nielsen": Nielsen, not TV
    text = sentence.text
    at = sentence.start + verb.start()
    if _COMMA_BEFORE.search(text, max(0, verb.start() - 3), verb.start()) and (
            inverted := _said_mention(sentence, verb, inside, _INVERTED)) is not None and _NAME_ENDS_CLAUSE.match(
            text, inverted[0].end - sentence.start):
        return inverted[1]  # "The strikes hit Vestria hard, said Norvia.": Norvia, not Vestria
    comma = text.rfind(",", 0, verb.start())  # an aside ends at the last comma before the verb, a few words before it
    aside = _ASIDE.search(text, 0, verb.start()) if comma != -1 and text.count(" ", comma, verb.start()) <= 3 and not any(
        comma < m.start - sentence.start < verb.start() for m, _ in inside) else None  # ", van Rensburg said"
    if aside is None and comma != -1:
        aside = _ROLE_ASIDE.search(text, comma, verb.start())
    if aside is not None:  # "Roosevelt, who served under President Clinton, blasted": Roosevelt
        opening = aside.start()
        subject = [c for m, c in inside if 0 <= opening - (m.end - sentence.start) <= 1 or _BRACKETED.fullmatch(
            text, m.end - sentence.start, opening)]
        if subject:
            return subject[-1]
    window = max(0, verb.start() - 40), verb.start()  # "that" or a pronoun a few words back
    pronoun = _PRONOUN_BEFORE.search(text, *window)
    if pronoun is not None:
        return _sentence_subject(sentence, [(m, c) for m, c in inside if m.end <= sentence.start + pronoun.start()],
                                 pronoun.group("pronoun"))
    relative = _RELATIVE_SUBJECT.search(text, *window)
    limit = sentence.start + relative.start() if relative else 0  # names ending before it are not the subject
    before = sorted(((at - m.end, m, c) for m, c in inside if 0 <= at - m.end <= 80 and m.end >= limit
                     and not _BREAK.search(text, m.end - sentence.start, verb.start())
                     and not names_a_place(text, m, sentence.start)),  # "in Samarra, Iraq, told": no Iraq
                    key=lambda item: item[0])
    if before and "," in text[before[0][1].end - sentence.start : verb.start()]:  # the nearest may be in an aside
        appositives = [(sentence.start + a.start(), sentence.start + a.end())
                       for a in _APPOSITIVE.finditer(text, 0, verb.start())
                       if any(m.end == sentence.start + a.start() for m, _ in inside)]
        before = [item for item in before if not any(start < item[1].start < end for start, end in appositives)]
    for _, mention, candidate in before:
        if not _EXAMPLE_BEFORE.search(text, max(0, mention.start - sentence.start - 30), mention.start - sentence.start):
            return candidate  # "Republicans such as former President Bush have called": the Republicans
    return _said_subject(sentence, verb, inside) if not before else before[0][2]


def _sentence_subject(sentence: Span, inside: list[tuple[Span, Candidate]], pronoun: str) -> Candidate | None:
    """Whom a pronoun subject stands for in its sentence: the party that opens it, if it can be called so ("he"
    or "she" a person; "it" or "they" not). "Dan Ross met Tim Holt and he said ...": Dan Ross."""
    if not inside:
        return None
    opening, candidate = inside[0]
    person = pronoun.lower() in ("he", "she")
    fits = _OPENING.fullmatch(sentence.text, 0, opening.start - sentence.start) and (
        party_kind(candidate) == "person") is person
    return candidate if fits else None


def _said_subject(sentence: Span, verb: re.Match[str], inside: list[tuple[Span, Candidate]]) -> Candidate | None:
    """The party named right after a verb of saying ("said X", "according to X"); after others a name is the
    object ("criticised X", "banned X")."""
    said = _said_mention(sentence, verb, inside, _SAID)
    return said[1] if said else None


def _said_mention(sentence: Span, verb: re.Match[str], inside: list[tuple[Span, Candidate]],
                  saying: re.Pattern[str]) -> tuple[Span, Candidate] | None:
    """The mention of the party named right after `verb`, if `saying` is the kind of verb that allows it."""
    if not saying.fullmatch(verb.group(0)):
        return None
    end = sentence.start + verb.end()
    after = [(m, c) for m, c in inside if m.start >= end]  # `inside` is in article order
    if not after or after[0][0].start - end > 2 and not any(gap.fullmatch(
            sentence.text, end - sentence.start, after[0][0].start - sentence.start)
            for gap in (_HONORIFIC_GAP, _ROLE_GAP)):
        return None  # "said X", "said Mr X", "said the battalion commander, X"
    first = after[0][0]
    if len(after) > 1 and (_ROLE_BETWEEN.fullmatch(sentence.text, first.end - sentence.start,
                                                    after[1][0].start - sentence.start)
                           or _ROLE_ENDS.search(first.text) and after[1][0].start - first.end == 1
                           or sentence.text[first.end - sentence.start : after[1][0].start - sentence.start]
                           in ("'s ", "\u2019s ") and party_kind(after[1][1]) == "person"):
        return after[1]  # "said NOAA head Jane Lubchenco", "according to Yahoo spokeswoman Nicki Dugan", "said
        # Chile's Ricardo Lagos": the person
    return after[0]
