"""The names of bodies ("Securities and Exchange Commission", "Organisation for Economic Co-operation and
Development (OECD)"): the words they are made of, and where a name that "and" or "in" cut in two runs on.

`_names` finds the name phrases; the phrases either side of "and" are joined here when the words say they are
one body's name, and the rest of the library asks `ORGANISATION` whether a name is an organisation's.
"""

from __future__ import annotations

import re

from summarizer._english import in_dictionary
from summarizer._patterns import one_of, starting

# The head nouns of bodies' names: "to" and "on" join a name after them (`_names`), and they open a name that
# "of" or "for" and "and" run through ("Institute for Health and Social Care").
BODY_HEADS = ("Committee", "Council", "Commission", "Campaign", "Coalition", "Center", "Centre", "Institute",
              "Foundation", "Association", "Society", "Alliance", "League", "Conference", "Forum", "Fund")
# What a name and its kind are made of, for `_actors` and for telling a person from where they work ("Brian
# McNamara of Ohio University"). An organisation's name has one of these words:
_ORGANISATION_WORDS = ("University|Institute|College|School|Foundation|Agency|Department|Ministry|Service|Company|"
                       "Corporation|Corp|Inc|Ltd|Association|Society|Commission|Council|Committee|Project|Bank|Fund|"
                       "Organisation|Organization|News|Herald|Times|Post|Press|Telegraph|Guardian|Mirror|Tribune|"
                       "Chronicle|Gazette|Bureau|Party|Union|Office|Group|Club|"
                       "Network|Center|Centre|Trust|Board|Authority|Alliance|Federation|Reserve|Exchange|Airline|"
                       "Airlines|Motors|Systems|Communications|Media|Holdings|Partners|Capital|Research|Observer|"
                       "Journal|League|Assembly|Court|Conference|Congress|Senate")
ORGANISATION = re.compile(rf"\b{starting(_ORGANISATION_WORDS)}{one_of(_ORGANISATION_WORDS)}\b")
# A common word, capitalised, and "and" before a body's name: part of it ("Securities and Exchange Commission"),
# unless another capitalised word (not "The", "US" or "UK") runs into it.
_BODY_AND = re.compile(r"(?:^|(?P<previous>[\w'\u2019-]+)[ ]|[^\w'\u2019-])(?P<word>[A-Z][a-z]+)[ ]and[ ]$")
_BEFORE_BODY = {"", "The", "the", "US", "UK", "EU", "A", "a", "an", "An"}
_BODY_END = re.compile(rf"(?:{_ORGANISATION_WORDS}|Executive|Administration)$")


def join_bodies(article: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """"Securities and Exchange Commission", "Health and Safety Executive": a common word and "and" before a
    body's name that opens with one too are part of it, when no other name runs into the word and neither is
    named without the other ("Germany and Deutsche Bank", "Apple and Google Research", "Ford and General Motors"
    are two)."""
    out = set(found)
    for start, end in found:
        if not article.endswith(" and ", 0, start):  # what `_BODY_AND` ends with: most names are not after "and"
            continue
        whole = _body_of_two_subjects(article, found, start, end)
        if whole is not None:
            out -= {whole, (start, end)}
            out.add((whole[0], end))
            continue
        before = _BODY_AND.search(article, max(0, start - 40), start)
        if before is None or not _BODY_END.search(article, start, end) or not all(
                in_dictionary(word.lower()) for word in (before["word"], article[start:end].split()[0])) or (
                before["previous"] and before["previous"][0].isupper() and before["previous"] not in _BEFORE_BODY):
            continue
        opening, body = before.start("word"), article[start:end]
        alone = {(s, e) for s, e in found if e == before.end("word")}  # "Securities" or "US Securities"
        named_alone = (sum(article[s:e] == body for s, e in found) > article.count(article[opening:end])
                       or any(article[s:e] == before["word"] and e != before.end("word") for s, e in found))
        if named_alone or any(article[s:opening].strip() not in _BEFORE_BODY for s, _ in alone):
            continue  # "Ford" or "General Motors" named alone too; "Institute of Technology and X University"
        out -= alone
        out.discard((start, end))
        out.add((opening, end))
    return out


def _body_of_two_subjects(article: str, found: set[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The body's name before "and" that the name at `start` completes: "Department of Trade and Industry",
    "Department of Health and Human Services", "Office of Management and Budget": a body's head, "of" or "for",
    and common words on both sides of "and", the words after it naming no body of their own ("Department of Health
    and State University", "University of California and Dan Gillmor" are two)."""
    after = article[start:end].split()
    if len(after) > 2 or ORGANISATION.search(article, start, end) or not all(map(in_dictionary, after)):
        return None
    body = next(((s, e) for s, e in found if e == start - len(" and ")), None)
    if body is None:
        return None
    words = article[body[0] : body[1]].split()
    head = words[:-2]
    if (len(words) < 3 or words[-2] not in ("of", "for") or not in_dictionary(words[-1])
            or not any(ORGANISATION.fullmatch(word) or word in BODY_HEADS or word == "Academy" for word in head)
            or sum(article[s:e] == article[start:end] for s, e in found) > 1):
        return None
    return body


_ACRONYM_AFTER = re.compile(r"[ ]\(([A-Z][A-Za-z]{1,7})\)")
_CHAIN_GAP = re.compile(r"[ ](?:and|in|of|for)(?:[ ]the)?[ ]")


def _capital_initials(name: str) -> str:
    """The capitals opening the words and hyphenated parts of a name ("Economic Co-operation": "EC")."""
    return "".join(part[0] for part in re.split(r"[ -]", name) if part[:1].isupper())


def _spelled_by(initials: str, acronym: str) -> bool:
    """Whether an acronym spells a name's initials, one of them perhaps left out ("CDC" for the Centers for
    Disease Control and Prevention, "LIFFE" for the London International Financial Futures and Options Exchange)."""
    letters = iter(initials)
    return (len(acronym) >= 3 and 0 <= len(initials) - len(acronym) <= 1 and initials[:1] == acronym[:1]
            and all(letter in letters for letter in acronym))


def join_by_acronym(article: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Names joined by "and" or "in" that the acronym in brackets after them spells are one: "Organisation for
    Economic Co-operation and Development (OECD)", "Immigration and Customs Enforcement (ICE)", "Organisation for
    Security and Cooperation in Europe (OSCE)"."""
    out = set(found)
    for start, end in found:
        acronym = _ACRONYM_AFTER.match(article, end)
        letters = "".join(filter(str.isupper, acronym.group(1))) if acronym else ""
        if not letters or _spelled_by(_capital_initials(article[start:end]), letters):
            continue  # no acronym, or it spells this name alone
        chain, first = [(start, end)], start
        for _ in range(3):
            before = next(((s, e) for s, e in found if e < first and _CHAIN_GAP.fullmatch(article, e, first)), None)
            if before is None:
                break
            chain.append(before)
            first = before[0]
            if _spelled_by(_capital_initials(article[first:end]), letters):
                out -= set(chain)
                out.add((first, end))
                break
    return out
