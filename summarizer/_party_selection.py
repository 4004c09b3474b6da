"""Which candidates are parties, and of what kind, found without a model.

A candidate (a cluster of names, `_actors`) is a party unless it only locates events (a dateline's place too),
names a product, an event, a prize or a law, a title or a kind of person, is a common word capitalised at the
start of a sentence, or is only named in the story's credits (`_credits`). Its kind (person, government, country,
organisation, news source, group) comes from the form of its names.
"""

from __future__ import annotations

import re

from summarizer._actors import Candidate, capitals, political_party
from summarizer._credits import find_credits
from summarizer._english import in_dictionary, in_lower_case
from summarizer._gazetteer import COUNTRIES, DEMONYMS
from summarizer._names import ROLE, opens_sentence, person_like
from summarizer._places import find_datelines, find_towns, is_place
from summarizer._titles import INITIAL
from summarizer.models import Party, PartyKind

# A people named by nationality or faith ("Bangladeshis", "Muslims", "Rohingya" is not caught): a group.
_PEOPLE = re.compile(r"^[A-Z][a-z]+(?:ans|ims|ists|is|ese)$")
# Compounds that describe rather than name ("Beijing-based", "NASA-led", "Cuba-style").
_NOT_A_NAME = re.compile(r"^[A-Z].*-[a-z]+$")
# Three words or more in capitals, or two with one a word rather than an acronym: a subhead or a shouted phrase ("NO
# FOUL PLAY SEEN", "NEW BUSINESS"), not a name; "CNN TV" and "US GAAP" are acronyms.
_SHOUTED = re.compile(r"^(?=[^a-z]*$)(?:(?=.*[A-Z]{5})[A-Z0-9&'.-]+(?: [A-Z0-9&'.-]+)+|[A-Z0-9&'.-]+(?: [A-Z0-9&'.-]+){2,})$")
# A plural noun for people who do something ("Legislators", "Participants", "Paramedics") or a plural initialism
# ("MPs", "GPs") is a group that acts.
_AGENTS = re.compile(r"^[A-Z][a-z]+(?:er|or|ist|ant|ent|ian|ee|ic)s$|^[A-Z]{2,4}s$")
# Before a name, a quantifier makes it anyone of a kind ("every other New Zealander"), not one party.
_GENERIC = re.compile(r"\b(?:every|each|any|another)(?:\s+other)?\s+$", re.IGNORECASE)
# A short title-case phrase in quotation marks is a title ("The Internet Explorer 6 Countdown"), not a party.
_TITLE_QUOTE = re.compile(r"[\"\u201c](?:(?:[A-Z0-9][\w'.-]*[ ]?){1,7}|(?:[A-Z0-9][\w'.-]*[ ])*[A-Z0-9][\w'.-]*,[ ]"
                          r"(?:[A-Z0-9][\w'.-]*[ ]?){1,5},?)[\"\u201d]")  # "Make Love, Not Spam,"
# Letters and digits in one word name products and models ("IE6", "B-1"); an apostrophe contraction is no name.
_PRODUCT = re.compile(r"\b[A-Za-z]+-?\d+\b|\w['\u2019](?:ll|re|ve|d|m)\b|^i[A-Z]")  # "i" before a capital: "iPad", "iPhone"
_GOVERNMENT = re.compile(r"\b(?:government|ministry|presidency|department|administration|parliament|embassy|"
                         r"navy|military|army|police|forces|council|committee|agency)\b|^(?:the )?(?:White House|"
                         r"Kremlin|Pentagon|Downing Street|Congress|Senate|House of Representatives)$", re.IGNORECASE)
_SOURCE = re.compile(r"(?:\bsources|\bNews|\bHerald|\bPost|\bTimes|\bPress|\bTelegraph|\bGuardian|\bMirror|\bTribune|"
                     r"\bChronicle|\bGazette|\bWorld|\bAFP|\bReuters|\bpoll)$")
# An event, a prize or a law is named, but does not act or speak: "the World Cup", "the Australian Open", "the
# Academy Awards", "the Hunting Act", "the General Election", "the Second Amendment", "the Constitution".
_EVENT = re.compile(r" (?:Act|Bill|Amendment|Cup|Awards?|Festival|Championships?|Olympics|Prize|Trophy|War|Treaty|"
                    r"Summit|Marathon|Finals?|Elections?|Referendum|Open|Show)$|^Constitution$")
_PLURAL_DEMONYM_ENDS = ("ese", "ish", "ch", "ss")  # "the Chinese are offering", "the French", "the Swiss"
_VERSION_NEXT = re.compile(r"\s?\d")
_SAYS = re.compile(r" (?:said|says|told|tells)\b")  # after a word opening a sentence: its speaker ("Apple said")


def is_party(article: str, candidate: Candidate, asides: list[tuple[int, int]],
             datelines: list[tuple[int, int]], towns: set[int]) -> bool:
    """Whether a candidate names one party that acts or speaks: not a place, a product, a common noun written
    with a capital at the start of a sentence, a bare title, a kind of person, or words of the `asides` (a
    quoted title, the story's credits) only."""
    name, mentions = candidate.name, candidate.mentions
    return not (
        is_place(article, candidate.name, candidate.mentions, datelines, towns)
        or _PRODUCT.search(name) or _EVENT.search(name)
        or all(_VERSION_NEXT.match(article, m.end) for m in mentions)  # "HTML 5": a version
        or (" " not in name and name[0].isupper() and in_lower_case(article, name))
        or _common_word_opening_sentences(article, candidate)
        or "-" in name and _NOT_A_NAME.search(name) is not None and not _hyphenated_given_name(name)
        or name.isupper() and (_SHOUTED.match(name) is not None if " " in name
                               else len(name) >= 6 and in_dictionary(name))  # page furniture: "ADVERTISEMENT"
        or not ROLE.sub("", name).strip(" .,'")  # "Prime Minister" alone: whose?
        # a nationality that names one person or a language ("the Kenyan won", "Russian came to dominate"); "the
        # Chinese", "the French" may be a people
        or name in DEMONYMS and not name.endswith(_PLURAL_DEMONYM_ENDS)
        or all(_GENERIC.search(article[max(0, m.start - 20) : m.start]) for m in mentions)
        or all(any(start <= m.start < end for start, end in asides) for m in mentions))


def _hyphenated_given_name(name: str) -> bool:
    """A Korean or Chinese name, its given name hyphenated ("Kim Jong-un", "Moon Jae-in", "Chen Chun-yeh"), not a
    compound describing something ("New York-based", "Pop Idol-style"): no English word after the hyphen."""
    last = name.split()[-1].rsplit("-", 1)[-1]
    return person_like(name) and (len(last) <= 2 or not in_dictionary(last))


def _common_word_opening_sentences(article: str, candidate: Candidate) -> bool:
    """A single dictionary word written with a capital only where it opens a sentence ("Households need...",
    "Output increased...", "Tell me"): a common word, unless it names people who act ("Legislators said").
    An all-capital word ("ACCA"), a word the dictionary lacks ("Facebook", "Israel"), a country's name ("China",
    "Turkey") and the subject of a verb of saying ("Apple said"; not "Having said") stay names."""
    name, mentions = candidate.name, candidate.mentions
    return (" " not in name and not name.isupper() and in_dictionary(name) and not _AGENTS.match(name)
            and name not in COUNTRIES
            and all(" " not in m.text and opens_sentence(article, m.start)
                    and (name.endswith("ing") or not _SAYS.match(article, m.end)) for m in mentions))


def party_kind(candidate: Candidate) -> PartyKind:
    """A kind from the name's form: a personal name or title, an institution word, a news source..."""
    name = candidate.name
    if candidate.titles:
        return "person"
    if _GOVERNMENT.search(name):
        return "government"  # "Presidency of the Republic"
    if political_party(name.lower().replace(".", "")):
        return "organization"  # "Lib Dem" looks like a personal name
    # A name with an acronym of its own capitals among its aliases is no person's ("Asia-Pacific Economic
    # Cooperation (APEC)"), unless it has an initial ("John F. Kennedy (JFK)").
    person = person_like(name) and (INITIAL.search(name) is not None or not any(
        len(alias) > 1 and alias.isupper() and capitals(alias) <= capitals(name) for alias in candidate.aliases))
    if name.split()[-1] in candidate.aliases and person:
        return "person"  # "Shawn Strickland", then "Strickland"
    if name.removeprefix("the ") in COUNTRIES or name.startswith("Republic of "):
        return "country"
    if person:
        return "person"
    if _SOURCE.search(name):
        return "source"
    if name[0].islower() or _PEOPLE.match(name) or _AGENTS.match(name):
        return "group"
    return "organization"


def party_candidates(article: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that act or speak rather than locate events."""
    asides = [*((m.start(), m.end()) for m in _TITLE_QUOTE.finditer(article)), *find_credits(article)]
    datelines = find_datelines(article)
    towns = find_towns(article)
    return [c for c in candidates if is_party(article, c, asides, datelines, towns)]


def as_party(candidate: Candidate) -> Party:
    """A candidate that acts or speaks, as the party the result gives."""
    return Party(name=candidate.name, kind=party_kind(candidate), aliases=candidate.aliases,
                 mentions=sorted(candidate.mentions, key=lambda span: span.start))

