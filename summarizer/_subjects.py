"""Whose words a speech verb reports: the party that is its subject in the sentence.

The subject stands before the verb ("X said"), before an aside or a role set off after it ("X, spokesman for Y,
said"), or after a verb of saying ("said X", "according to X", "said the commander, X"). A pronoun opening the
verb's clause is the subject instead of any name before it ("..., it has criticised"), a relative "that" rules
out the names before it, and a name that only places something ("in Samarra, Iraq,") is no subject.
"""

from __future__ import annotations

import re

from summarizer._actors import Candidate
from summarizer._english import in_dictionary
from summarizer._names import HONORIFICS, MODIFIER
from summarizer._party_selection import party_kind
from summarizer._places import names_a_place
from summarizer.models import Span

_BREAK = re.compile(r"[.;:\u201c\u201d\"]")  # between a subject and its verb: none of these
# An aside set off by commas right before a verb, opening with a lower-case word ("Roosevelt, who served under
# President Clinton, blasted", "X, the grandson of Y, said", "X, spokesman for Y, said"): the subject precedes it.
# Not when a relative pronoun is the verb's subject: "X, founder of Y, which supports" is Y's verb.
_ASIDE = re.compile(r",\s+[a-z][^,;:\"\u201c\u201d]*,\s+(?!(?:which|who|that)\s+(?:\w+ly\s+|also\s+)?$)"
                    r"(?:\w+\s+){0,2}$")
# An aside that another one continues, or that holds the name before it: "X, editor of Y magazine, which
# conducted the research, said" is X's verb.
_OUTER_ASIDE = re.compile(r",\s+(?!(?:but|and|or|nor|yet|so|while|whereas|although|though|because|as|if|when|after|"
                          r"before|since|until|unless|then)\b)[a-z][^,;:\"\u201c\u201d]*$")  # not ", but X, which"
# Before a name, words that make it an example of the subject, not the subject ("Republicans such as Bush").
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|including|like|among them)\s+(?:former\s+|the\s+)?$")
# Verbs whose subject may follow them ("said X", "according to X"); after others a name is the object.
_SAID = re.compile(r"said|says|say|added|adds|stated|states|claimed|claims|noted|notes|reiterated|continued|explained|"
                   r"explains|commented|remarked|observed|predicted|predicts|replied|responded|recalled|warned|warns|"
                   r"thinks|argues|cautioned|quipped|joked|insisted|insists|suggested|suggests|testified|"
                   r"wrote|writes|[Aa]ccording to")  # "..., predicts Nadia Perez, editor of ..."
# A name that ends with a spokesperson's role ("Yahoo spokeswoman") before a person's name: the role is theirs.
_ROLE_ENDS = re.compile(r"\b(?:spokes(?:man|woman|person)|police)$")  # "according to police Maj. Ann Lee"
# After a verb of saying, the role of the person named next ("said the battalion commander, Lt. Col. Erik Kurilla").
_ROLE_GAP = re.compile(r"\s+the\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+")
# After a comma, these verbs put their subject after them too ("..., reported AFP."), and before anyone named earlier.
_INVERTED = re.compile(rf"{_SAID.pattern}|reported|reports")
_COMMA_BEFORE = re.compile(r",\s+$")
_COMMA_QUOTE_BEFORE = re.compile(r",[\"\u201d]?\s+$")  # "... of \u201cNorvia values,\u201d saying ..."
_THE_GAP = re.compile(r"\s+the\s+")  # "..., said the Norvia Trade Commission.": a body that ends the sentence
# After "according to", an article or the work a source did before its name ("according to the Norvia Institute",
# "according to an analysis from the Norvia Institute", "according to figures released by X"), and what kind of
# source it is ("according to research firm X", "according to research from technology analysts X").
_SOURCE_GAP = re.compile(r"\s+(?:(?:an?|the|new|its|their)\s+(?:[a-z][\w-]*\s+){0,3}?(?:by|from|of)\s+|"
                         r"research\s+from\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:(?:firm|group|company|"
                         r"consultancy|analysts|agency|body|watchdog|regulator|organisation|organization|giant)\s+)?")
# After a source's name, a lower-case word makes the name modify something else ("according to the OMB
# definitions", "the Web site"), unless it is the source's work ("according to the Vestria Herald poll") or says
# whose work the source is ("according to a survey by Norvia").
_MODIFIES = re.compile(r"\s+(?!(?:poll|survey|report|study|analysis|data|figures|estimates|census|tally|by|for)\b)"
                       r"[a-z]")
_WORK_OF = re.compile(r"\s+(?:by|from|of|for)\s+(?:the\s+)?")  # "a survey by Norvia": Norvia's survey
# "said Moscow-based US lawyer X": a compound describing the name after it.
_MODIFIER_GAP = re.compile(rf"\s+(?:the\s+)?(?:[A-Z][\w.'\u2019]*\s+){{0,2}}{MODIFIER.pattern}\s+")
_HONORIFIC_GAP = re.compile(rf"\s+(?:{'|'.join((*HONORIFICS, 'Dr'))})\.?\s+")
# After "said X", a verb or a possessive: X opens the reported clause and is not who said it ("said Norvia would",
# "said Mr Brown's rule had").
_OPENS_CLAUSE = re.compile(r"(?:['\u2019]s\b|\s+(?:will|would|can|could|may|might|must|shall|should|is|are|was|"
                           r"were|has|have|had|does|did)\b)")
# After "said X": X ends the clause, maybe with when or where it spoke ("said X on Monday"; not "said X's flag").
_NAME_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:on|in|at|during|yesterday|today|last|earlier|later)\b")
# After a verb of saying that follows a comma, a source that names no one is the subject, when it ends the clause:
# "..., says a report", "..., suggests new research into X", "..., said one official" (not "X, 54, said the
# research was ...").
_UNNAMED_AFTER = re.compile(r"\s+(?:(?:a|an|the|one|another|some|two|three|several|many|other)\s+)?"
                            r"(?:(?!(?:in|on|at|to|with|from|by|for|of|after|before)\b)[a-z][\w-]*\s+){0,2}"
                            r"(?:report|study|survey|research|poll|analysis|paper|statement|document|memo|letter|"
                            r"review|audit|article|investigation|inquiry|sources?|spokes(?:man|woman|person)|"
                            r"officials?|analysts?|experts?|researchers|scientists|economists|observers)"
                            r"(?=\s*(?:[.,;:!?]|$)|\s+(?:into|by|from|of|on|for|at|in|with)\b)")
# The clause of a verb of saying after a comma, opening with a subject that names no one: ", an insurgent source
# told", ", two people familiar with the matter said", '," the coach said', ", officials say".
_UNNAMED_SUBJECT = re.compile(r"[\"\u201d\u2019]?\s+(?:(?:a|an|the|one|two|three|four|five|several|some|many|other)\s+"
                              r"(?:[a-z][\w-]*\s+){0,5}[a-z][\w-]*|officials|sources|analysts|experts|witnesses|"
                              r"residents|police|diplomats|observers|critics)\s+(?:(?:have|has|had|also|later)\s+)?")
# A role between an organisation and a person's name ("NOAA head Jane Lubchenco", "Verizon's chief executive Ivan
# Seidenberg"): the person speaks.
_ROLE_NOUNS = ("(?:co-)?(?:head|chief|spokesman|spokeswoman|spokesperson|director|minister|secretary|president|chairman|"
               "chairwoman|official|executive|analyst|economist|founder|leader|commander|ambassador|adviser|advisor|"
               "researcher|scientist|professor|lawyer|attorney|manager|editor|governor|chancellor|mayor|boss|strategist|"
               "partner|campaigner|author|artist|fellow|designer|developer|consultant|expert)")
# A phrase set off by commas after a name says who it is; a name inside it is not the verb's subject ("James
# Roosevelt Jr., the grandson of FDR and DNC member, spoke ... and said", ", Microsoft's vice president,", ", UK
# managing director of filtering firm X,").
_APPOSITIVE = re.compile(rf",\s+(?:the|a|an|[A-Z][\w.&-]*['\u2019]s|(?:[\w-]+\s+){{0,3}}?{_ROLE_NOUNS}\s+"
                         r"(?:of|for|at|with|in))\s+[^,;:\"\u201c\u201d]*,")
# After a verb of saying, a person's role in lower case before their name ("said retail analyst Nick Bubb", "said
# central bank governor Park Seung").
_ROLE_BEFORE = re.compile(rf"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}{_ROLE_NOUNS}\s+")
_LOWER_GAP = re.compile(r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,2}")  # "said former Norvia governor X"
_ROLE_BETWEEN = re.compile(rf"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?{_ROLE_NOUNS}\s+")
# A person's role after their name and a comma, running to the verb with no comma to close it ("Hakan
# Sandbladh, spokesman for International Federation of Red Cross and Red Crescent Societies said"): the
# organisations in it are not the subject; nor in "X, a Westland spokesperson said" or "X, from the Y told".
_ROLE_ASIDE = re.compile(rf",\s+(?:(?:[a-z]+\s+)?{_ROLE_NOUNS}\s+(?:of|for|at|in|to|with)\s+[^,;:\"\u201c\u201d]*|"
                         rf"an?\s+[^,;:\"\u201c\u201d]*\b{_ROLE_NOUNS}\s+|from\s+[^,;:\"\u201c\u201d]*)$")
_BRACKETED = re.compile(r"\s*\([^()]{1,30}\)")  # "Rep. Lee Hamilton (D-Ind.), president of ..."
# "that" or "which" right before a verb is its subject ("the states Obama carried ... the biggest that opposed
# him"), unless it follows the name at once ("X that opposed", "X, which opposed" is X).
_BEFORE_VERB = (r"\s+(?:(?:could|would|should|may|might|must|can|will|has|have|had|once|also|still|never|always|"
                r"\w+ly)\s+){0,3}$")  # "a lake that could have once", "it has strongly"
_RELATIVE_SUBJECT = re.compile(rf",?\s+(?:that|which){_BEFORE_VERB}")
# A pronoun opening a clause or the sentence right before the verb is its subject, and the names before or after
# it are not ("to ensure Iran has no bomb, it has strongly criticised"; "He said Norvia would ...").
_PRONOUN_BEFORE = re.compile(rf"(?:^\W*(?:(?:But|And|Yet|So)\s+)?|(?:,|\b(?:and|but|while|because|when))\s+)"
                             rf"(?P<pronoun>[Hh]e|[Ss]he|[Ii]t|[Tt]hey){_BEFORE_VERB}")
_OPENING = re.compile(r"\W*(?:[Tt]he\s+)?$")  # what may stand before a sentence's subject
OPENS_QUOTE = re.compile(r"\W*[\"\u201c]")  # a sentence that opens with a quotation
# A verb coordinated with an earlier one shares its subject, the sentence's ("X declined to criticize Y and
# said", "X said he expects Y to wait, and called on ..."), not the name nearest before it.
_COORDINATED = re.compile(r"(?:,\s+)?\b(?:and|but)\s+(?:(?:then|also|later)\s+)?$")
# A share of people right before the verb is its subject ("74 percent said", "55 percent of all voters say").
_SHARE_SUBJECT = re.compile(r"\b\d[\d.,]*\s*(?:%|percent|per cent)(?:\s+of\s+(?:all\s+|the\s+)?[a-z]+)?\s+"
                            r"(?:(?:have|had|also|still)\s+)?$")


def names_a_source(verb: re.Match[str]) -> bool:
    """Whether the verb is "according to": its party is named after it and is the source, not the subject."""
    return verb[0][-3:] == " to"


def subject_of(sentence: Span, verb: re.Match[str], inside: list[tuple[Span, Candidate]]) -> Candidate | None:
    """The party next to a speech verb: the subject before it (before an aside: "X, spokesman for Y, said"; not a
    name given as an example of it: "Republicans such as Bush have called"; the sentence's subject after "and":
    "X criticized Y and said"), else "said X"/"according to X" right after it."""
    if names_a_source(verb):
        return _said_subject(sentence, verb, inside)  # "X watches TV, according to Nielsen": Nielsen, not TV
    text = sentence.text
    if verb.group(0) in ("saying", "adding", "telling"):  # "X issued a statement, saying ...": the subject
        if not (inside and _COMMA_QUOTE_BEFORE.search(text, max(0, verb.start() - 3), verb.start())
                and _opens(sentence, inside[0][0]) and not OPENS_QUOTE.match(text)):
            return None
        if len(inside) > 1 and party_kind(inside[1][1]) == "person" and _ROLE_BETWEEN.fullmatch(
                text, inside[0][0].end - sentence.start, inside[1][0].start - sentence.start):
            return inside[1][1]  # "Norvia spokeswoman X agreed, saying": X
        return inside[0][1]
    at = sentence.start + verb.start()
    if _COMMA_BEFORE.search(text, max(0, verb.start() - 3), verb.start()) and _INVERTED.fullmatch(verb.group(0)):
        inverted = _said_mention(sentence, verb, inside, _INVERTED)
        if inverted is not None and _NAME_ENDS_CLAUSE.match(text, inverted[0].end - sentence.start):
            return inverted[1]  # "The strikes hit Vestria hard, said Norvia.": Norvia, not Vestria
        if inverted is None and _UNNAMED_AFTER.match(text, verb.end()):
            return None  # "Vestria users are odd, says a report": the report, which names no party
    comma = text.rfind(",", 0, verb.start())  # an aside ends at the last comma before the verb, a few words before it
    if comma != -1 and _UNNAMED_SUBJECT.fullmatch(text, comma + 1, verb.start()) and not any(
            comma < m.start - sentence.start < verb.start() for m, _ in inside):
        return None  # "The bomb hit Norvia, an insurgent source told AFP": the source, whom it does not name
    aside = _ASIDE.search(text, 0, verb.start()) if comma != -1 and text.count(" ", comma, verb.start()) <= 3 and not any(
        comma < m.start - sentence.start < verb.start() for m, _ in inside) else None  # ", van Rensburg said"
    if aside is None and comma != -1:
        aside = _ROLE_ASIDE.search(text, comma, verb.start())
    while aside is not None:  # "Roosevelt, who served under President Clinton, blasted": Roosevelt
        opening = aside.start()
        subject = [(m, c) for m, c in inside if 0 <= opening - (m.end - sentence.start) <= 1 or _BRACKETED.fullmatch(
            text, m.end - sentence.start, opening)]
        # In an aside itself, the name is not the subject: "X, editor of the Y Post, which ..., said" is X's verb.
        outer = _OUTER_ASIDE.search(text, 0, (subject[-1][0].start - sentence.start) if subject else opening)
        if outer is not None and not any(0 <= outer.start() - (m.end - sentence.start) <= 1 for m, _ in inside):
            outer = None  # "Following X's announcement, lawyer Y, who ..., said": Y
        if subject and outer is None:
            return subject[-1][1]
        aside = outer
    if inside and _COORDINATED.search(text, max(0, verb.start() - 20), verb.start()):
        first, party = inside[0]
        if first.end <= at and _opens(sentence, first) and (
                len(party.mentions) > 1 or not in_dictionary(first.text.lower())):  # not "Ludicrous as it ..."
            return party  # "X declined to criticize Y and said": X
    pronoun = pronoun_before(text, verb)
    if pronoun is not None:
        return sentence_subject(sentence, [(m, c) for m, c in inside if m.end <= sentence.start + pronoun.start()],
                                 pronoun.group("pronoun"))
    if _SHARE_SUBJECT.search(text, max(0, verb.start() - 40), verb.start()):
        return None  # "Among Norvia voters, 74 percent said": a share of people, not the name before it
    relative = _RELATIVE_SUBJECT.search(text, max(0, verb.start() - 40), verb.start())  # "that" a few words back
    limit = sentence.start + relative.start() if relative else 0  # names ending before it are not the subject
    before = sorted(((at - m.end, m, c) for m, c in inside if 0 <= at - m.end <= 80 and m.end >= limit
                     and not _broken(text, m.end - sentence.start, verb.start())
                     and not names_a_place(text, m, sentence.start)),  # "in Samarra, Iraq, told": no Iraq
                    key=lambda item: item[0])
    if before and not relative and "," in text[before[0][1].end - sentence.start : verb.start()]:  # in an aside?
        appositives = [(sentence.start + a.start(), sentence.start + a.end())
                       for a in _APPOSITIVE.finditer(text, 0, verb.start())
                       if any(m.end == sentence.start + a.start() for m, _ in inside)]
        before = [item for item in before if not any(start < item[1].start < end for start, end in appositives)]
    for _, mention, candidate in before:
        if not _EXAMPLE_BEFORE.search(text, max(0, mention.start - sentence.start - 30), mention.start - sentence.start):
            return candidate  # "Republicans such as former President Bush have called": the Republicans
    return _said_subject(sentence, verb, inside) if not before else before[0][2]


def _broken(text: str, start: int, end: int) -> bool:
    """Whether a mark that no subject crosses stands between `start` and `end`; a bracket right after the name
    is part of it ("Sen. X (D-Calif.) said", "Y (pictured) said")."""
    bracket = _BRACKETED.match(text, start, end)
    return _BREAK.search(text, bracket.end() if bracket else start, end) is not None


def pronoun_before(text: str, verb: re.Match[str]) -> re.Match[str] | None:
    """A pronoun opening the verb's clause a few words before it ("..., he added", "and it has criticised")."""
    return _PRONOUN_BEFORE.search(text, max(0, verb.start() - 40), verb.start())


def sentence_subject(sentence: Span, inside: list[tuple[Span, Candidate]], pronoun: str) -> Candidate | None:
    """Whom a pronoun subject stands for in its sentence: the party that opens it, if it can be called so ("he"
    or "she" a person; "it" or "they" not). "Dan Ross met Tim Holt and he said ...": Dan Ross."""
    if not inside:
        return None
    opening, candidate = inside[0]
    person = pronoun.lower() in ("he", "she")
    fits = _opens(sentence, opening) and (party_kind(candidate) == "person") is person
    return candidate if fits else None


def _opens(sentence: Span, mention: Span) -> bool:
    """Whether `mention` opens `sentence` (after punctuation and "The"), where its subject stands."""
    return _OPENING.fullmatch(sentence.text, 0, mention.start - sentence.start) is not None


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
    if not after:
        return None
    first = after[0][0]
    gap = (sentence.text, end - sentence.start, first.start - sentence.start)  # between the verb and the name
    role_next = len(after) > 1 and party_kind(after[1][1]) == "person" and _ROLE_BETWEEN.fullmatch(
        sentence.text, first.end - sentence.start, after[1][0].start - sentence.start)  # "Norvia governor X"
    if first.start - end > 2 and not (_HONORIFIC_GAP.fullmatch(*gap) or _ROLE_GAP.fullmatch(*gap)
                                      or _MODIFIER_GAP.fullmatch(*gap) or role_next and _LOWER_GAP.fullmatch(*gap)
                                      or (
            _ROLE_BEFORE.fullmatch(*gap) and party_kind(after[0][1]) == "person") or (
            names_a_source(verb) and _SOURCE_GAP.fullmatch(*gap)
            and not _MODIFIES.match(sentence.text, first.end - sentence.start)) or (
            _THE_GAP.fullmatch(*gap) and (not first.text[0].isupper() or party_kind(after[0][1]) != "person")
            and _NAME_ENDS_CLAUSE.match(sentence.text, first.end - sentence.start))):
        return None  # "said X", "said Mr X", "said the battalion commander, X", "said retail analyst X",
        # "according to the X", "according to an analysis by the X", "..., said the Norvia Trade Commission.",
        # "..., said the prime minister." (a title or a description naming someone again)
    if len(after) > 1 and (_ROLE_BETWEEN.fullmatch(sentence.text, first.end - sentence.start,
                                                    after[1][0].start - sentence.start)
                           or (_ROLE_ENDS.search(first.text) or first.text.islower())
                           and after[1][0].start - first.end == 1
                           or sentence.text[first.end - sentence.start : after[1][0].start - sentence.start]
                           in ("'s ", "\u2019s ") and party_kind(after[1][1]) == "person"
                           or first.text.islower() and _WORK_OF.fullmatch(sentence.text, first.end - sentence.start,
                                                                          after[1][0].start - sentence.start)):
        return after[1]  # "said NOAA head Jane Lubchenco", "according to Yahoo spokeswoman Nicki Dugan", "said
        # Chile's Ricardo Lagos": the person; "according to market analysts Norvia": Norvia; "according to a
        # survey by Norvia": Norvia
    if not names_a_source(verb) and _OPENS_CLAUSE.match(sentence.text, first.end - sentence.start):
        return None  # "The chairman said Norvia would cut jobs": Norvia opens what was said ("according to X's
        # report" is X's)
    return after[0]
