"""Places: the names in an article that only say where something happened.

A name after a preposition of place ("in Iraq and Syria", "the coast of Aceh"), the place of a dateline
("MONTGOMERY, Ala. --"), a town and its state abbreviation ("Tuscaloosa, Ala."), or the country after a town ("in
Beirut, Lebanon,") locates an event; `_actors` drops a name that does nothing else, and `_speakers` takes no such
mention for a verb's subject.
"""

from __future__ import annotations

import re

from summarizer._bodies import ORGANISATION
from summarizer._calendar import CALENDAR
from summarizer._english import AFTER_SUBJECT
from summarizer._gazetteer import US_STATE_ABBREVIATIONS, US_STATE_NAMES
from summarizer._names import person_like
from summarizer.models import Span

# The abbreviations of US states news writing puts after a town ("Tuscaloosa, Ala."): the town and the state
# are a place.
_US_STATE = rf"(?:{US_STATE_ABBREVIATIONS})\."
# The states by name (`_gazetteer.US_STATE_NAMES`): after a town ("Beavercreek, Ohio,") they place it, and before a noun
# they describe it ("the Iowa caucuses", "a South Carolina state trooper", "the Texas senator").
_AFTER_TOWN = re.compile(rf",[ ](?:{_US_STATE}|(?:{'|'.join(sorted(US_STATE_NAMES))})(?=[,;)]))")
_DESCRIBES = re.compile(r"\s+[a-z]")  # after a place: the noun it describes
_NEXT_LOWER = re.compile(r"[ ]([a-z]+)\b")  # the lower-case word after a name, if one follows
# "the Iowa caucuses", "Former Ohio governor X", "the state of Iowa"
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ff]ormer)\s+$|\bstate of\s+$")
# A name right after a preposition of place ("in Iraq and Syria", "toward Malaysia") locates an event.
# ("the coast of Aceh", "the nation's capital, Wellington"); "according to X" names a source, not a place.
_PLACE_PREPOSITIONS = ("in", "at", "from", "to", "near", "across", "off", "into", "toward", "towards", "around",
                       "throughout", "within", "outside", "inside", "on", "over", "along")
_PLACE_BEFORE = "|".join("(?<![Aa]ccording )to" if word == "to" else word for word in _PLACE_PREPOSITIONS)
_LOCATIVE = re.compile(rf"(?:\b(?:{_PLACE_BEFORE})|\b(?:coast|city|town|village|capital|province|"
                       r"region|governments?|shores|outskirts|borders?|parts?) of|\b[A-Z][\w.-]* of(?=\s+the)|\bcapital,)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*,?\s+(?:and|or)\s+)?$")
# A list of names after a preposition that only places them, up to an item ("in Italy, Canada, Brazil and "), and
# what goes on after an item inside it; a month or a day is no item ("In November, Westland, which ...").
_LOCATIVE_LIST = re.compile(r"\b(?:in|near|inside|outside|across|throughout|within|around|along|into|towards?)\s+"
                            rf"(?:the\s+)?(?:(?!(?:{'|'.join(CALENDAR)})\b)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
                            r"(?:,\s+|,?\s+(?:and|or)\s+))+$")
_LIST_GOES_ON = (",", " and ", " or ")
# "In" opening a sentence before a name and a comma: "In London, Westland said" (not "In Dan Ross, they have").
_IN_OPENING = re.compile(r"(?:^|[.!?]['\"\u201d\u2019]?\s+|\n\s*)In\s+(?:the\s+)?$")
# A town after a preposition of place, then a comma: the name after it, set off by another comma, is the town's
# country or region ("a Hamas leader in Beirut, Lebanon, said", "stationed in Samarra, Iraq, told").
_TOWN_BEFORE = re.compile(rf"\b(?:{_PLACE_BEFORE})\s+(?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*,\s+$")
_SET_OFF = (",", ".", ";", ")")
# Prepositions that only place a name ("officials in Banda Aceh said"); not "at" or "from", which may name whom a
# speaker speaks for ("an analyst at Gartner said", "a statement from the ministry said").
_PLACE_ONLY_BEFORE = re.compile(r"\b(?:in|near|inside|outside|across|throughout|within|around|along|into|"
                                r"towards?)\s+(?:the\s+)?$")
# How the last word before a name that `_LOCATIVE` matches can end: a quick test that spares the pattern most
# mentions.
_LOCATIVE_ENDS = (*_PLACE_PREPOSITIONS, "of", "capital,", "the", "and", "or")
# A dateline opens a report with where it was filed, an agency maybe, and a dash: "SAN FRANCISCO (AP) —".
# A plain hyphen between spaces serves as the dash after a place in capitals or an agency ("NEW YORK - ", "CUZCO,
# Peru (Reuters) - "; "Dido - And in our world" is a line of a song), and an agency's name in brackets may close it
# with none before a capital ("Washington (CNN) For months ..."; not "Dan Ross (Reuters) said").
# The place may be followed by the date ("WASHINGTON, Dec. 8 (UPI) —", "PARIS, Aug 7 (Reuters) -").
_PLACE = r"[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,3}"
_DATE = r"(?:,[ ]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]+\d{1,2}(?:,[ ]+\d{4})?)?"
_DATELINE = re.compile(rf"^[ \t]*({_PLACE}){_DATE}[ \t]*(?:\([^()\n]{{1,40}}\))?[ \t]*(?:--|—|–)"
                       rf"|^[ \t]*({_PLACE}){_DATE}[ \t]*\((?:[A-Z]{{2,}}|Reuters|Bloomberg)\)"
                       r"(?:[ \t]+-(?=\s)|[ \t]?(?=[A-Z]))"
                       rf"|^[ \t]*([A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+){{0,3}}){_DATE}[ \t]*(?:\([^()\n]{{1,40}}\))?"
                       r"[ \t]+-(?=\s)",
                       re.MULTILINE)


def is_place(article: str, name: str, mentions: list[Span], datelines: list[tuple[int, int]], towns: set[int]) -> bool:
    """Every mention follows a preposition of place (or is an item of a list after one: "in Italy, Canada and
    Japan"; or opens a sentence after "In" before a comma: "In London, ..."), is the place of a dateline, is a town
    or the state after it ("Tuscaloosa, Ala.", "Beavercreek, Ohio,": `towns` holds where each ", Ala." starts), or
    is a state that describes a noun ("the Iowa caucuses"): the name only locates events. A name of a person's
    form is placed only after a preposition."""
    if ORGANISATION.search(name):  # "a team from the Massachusetts Institute of Technology"
        return False
    state, place_like = name in US_STATE_NAMES, not person_like(name) and name not in CALENDAR
    in_dateline = [any(start <= m.start < end for start, end in datelines) for m in mentions]
    dated = any(in_dateline)
    return all(_locates(article[max(0, m.start - 60) : m.start]) or place_like and _listed_place(article, m)
               or place_like and article.startswith(",", m.end) and _IN_OPENING.search(article, max(0, m.start - 8),
                                                                                      m.start) is not None
               or dateline
               or bool(towns) and (m.end in towns or m.start - 2 in towns)
               or state and _describes(article, m)
               or dated and (place_like or state) and _modifies(article, m)  # "MOSCOW (Reuters) -", "Moscow stocks"
               for m, dateline in zip(mentions, in_dateline, strict=True))


def _modifies(article: str, mention: Span) -> bool:
    """Whether a mention describes the noun after it ("the Moscow stock exchange", "a gloomy Geneva conference"):
    a lower-case word follows that is no verb of a subject ("Moscow said")."""
    after = _NEXT_LOWER.match(article, mention.end)
    return after is not None and after.group(1) not in AFTER_SUBJECT


def _describes(article: str, mention: Span) -> bool:
    """Whether a state's mention describes a noun after it ("the Iowa caucuses") or names the state after "the
    state of": it says where, not who."""
    before = article[max(0, mention.start - 12) : mention.start]
    return _DETERMINER_BEFORE.search(before) is not None and (
        before.endswith("of ") or _DESCRIBES.match(article, mention.end) is not None)


def find_towns(article: str) -> set[int]:
    """Where each state abbreviation after a town starts (", Ala.")."""
    return {match.start() for match in _AFTER_TOWN.finditer(article)}


def find_datelines(article: str) -> list[tuple[int, int]]:
    """Where the place of a dateline is, at the start of a line: "MONTGOMERY, Ala. --", "Washington (CNN) --"."""
    if not any(mark in article for mark in ("--", "\u2014", "\u2013", " - ", ")")):
        return []
    return [match.span(match.lastindex or 1) for match in _DATELINE.finditer(article)]


def _locates(before: str) -> bool:
    """Whether the text before a mention ends with a preposition of place (`_LOCATIVE`)."""
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].endswith(_LOCATIVE_ENDS) and _LOCATIVE.search(before) is not None


def _listed_place(article: str, mention: Span) -> bool:
    """Whether a mention is an item, after the first, of a list of names after a preposition that only places
    them: "in Italy, Canada, Brazil and Japan". An item before the last goes on with a comma or "and"; not
    "In London, Westland said", where the name after the comma is the subject."""
    last = article.endswith((" and ", " or "), 0, mention.start)
    return ((last or article.startswith(", ", mention.start - 2) and article.startswith(_LIST_GOES_ON, mention.end))
            and _LOCATIVE_LIST.search(article, max(0, mention.start - 80), mention.start) is not None)


def names_a_place(text: str, mention: Span, offset: int = 0) -> bool:
    """Whether a mention in `text` (which starts at `offset` of the article) says where, not who: after a
    preposition that only places it ("in Houston"), or as the country after a town ("stationed in Samarra, Iraq,
    told")."""
    start, end = mention.start - offset, mention.end - offset
    before = text[max(0, start - 60) : start]
    if _PLACE_ONLY_BEFORE.search(before):
        return True
    return (before.endswith(", ") and text.startswith(_SET_OFF, end) and not person_like(mention.text)
            and _TOWN_BEFORE.search(before) is not None)
