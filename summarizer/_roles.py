"""A party named again by its title or its kind alone: "Prime Minister Jon Varrick ... the prime minister said",
"Westland Motors ... the company said".

News names a person once with their title and then often by the title alone. Where one candidate of the
article holds that title, "the prime minister" (or "the minister", "the senator" for "Sen.") after their first
mention is a mention of them, so whom it says or claims something is known. A title two candidates share names
neither; words that also begin ordinary phrases ("the general public", "the chief reason") name no one.

A business is named again by its kind ("the company", "the firm", "the US carmaker"): the one the article has
named most often before, which a report about a company mostly is. A person described, not titled ("the
billionaire businessman", "the 46-year-old"), is the person named latest before.
"""

from __future__ import annotations

import re

from summarizer._actors import Candidate
from summarizer._english import REPORTING_WORDS, STANCE_WORDS
from summarizer._gazetteer import COUNTRIES, DEMONYMS, US_STATE_NAMES
from summarizer._names import COMPOUND, HONORIFICS, PARTISAN, ROLE
from summarizer._party_selection import party_kind
from summarizer._patterns import one_of
from summarizer._titles import PARTY_AFFILIATIONS
from summarizer.models import Span

# The full words of abbreviated titles, as the article writes them after "the".
_FULL_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
                "col": "colonel", "maj": "major", "adm": "admiral", "capt": "captain", "sgt": "sergeant",
                "cmdr": "commander", "supt": "superintendent", "insp": "inspector", "prof": "professor"}
# Role words that also open ordinary phrases or name no office when alone.
_NOT_ALONE = frozenset(("general", "major", "chief", "prime", "vice", "deputy", "emeritus", "sir", "dame", "lord",
                        "father", "chair", "dr", "rev", "fr", "pvt", "cpl", "brig"))
_HONORIFICS = frozenset(word.lower() for word in HONORIFICS)
# Between "the" and a title: nothing (not "the former president", someone else now), or the state, country,
# nationality or party the holder stands for ("the Florida senator", "the Republican senator"), not a person's name
# ("the Clinton spokesman" is not the spokesman of another campaign).
_THE = re.compile(r"\b[Tt]he\s+(?:(?P<lead>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+)?$")
_LEADS = US_STATE_NAMES | COUNTRIES | DEMONYMS | PARTY_AFFILIATIONS
_AFTER = re.compile(r"(?:['\u2019]s\b|\s+of\b)")  # "the minister of X" names an office, "the minister's aide" another
# "the company", "the Japanese firm", "the US carmaker"; not "the company Westland" nor "Westland, the company",
# where the name beside it says which.
_KIND = re.compile(rf"\b[Tt]he\s+(?:(?P<lead>{COMPOUND}|[A-Z][a-z]+|[A-Z]{{2,3}})\s+)?(?P<kind>company|firm|bank|"
                   r"airline|carrier|retailer|club|corporation|broadcaster|carmaker|manufacturer|insurer|lender|"
                   r"supermarket|operator|conglomerate)\b(?!-|\s+[A-Z])")


def _phrases(title: str) -> set[str]:
    """The ways "the ..." may name again who holds `title` ("us defense secretary" -> "defense secretary",
    "secretary", "us defense secretary"; "secretary of state" -> itself and "secretary")."""
    words = [_FULL_TITLES.get(word, word) for word in title.replace(".", "").split() if word not in _HONORIFICS]
    roles = {word for word in words if any(ROLE.fullmatch(form) for form in (word.capitalize(), word.upper()))}
    phrases = {" ".join(words[i:]) for i in range(len(words))
               if words[i] not in ("of", "for") and roles & set(words[i:])}
    phrases |= roles
    return {phrase for phrase in phrases if phrase and phrase not in _NOT_ALONE}


def role_mentions(article: str, candidates: list[Candidate], names: list[Span], start: int, end: int
                  ) -> list[tuple[Span, Candidate]]:
    """Mentions of persons by their title alone, between offsets `start` and `end` ("the prime minister"),
    after their first mention and where no other candidate holds that title; `names` are the name phrases,
    which no such mention may overlap."""
    holders: dict[str, set[int]] = {}
    for index, candidate in enumerate(candidates):
        if party_kind(candidate) == "person":
            for title in candidate.titles:
                for phrase in _phrases(title):
                    holders.setdefault(phrase, set()).add(index)
    unique = {phrase: candidates[next(iter(held))] for phrase, held in holders.items() if len(held) == 1}
    if not unique:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, unique), key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    found = []
    for match in pattern.finditer(article, start, end):
        candidate = unique[match.group(0).lower()]
        span = Span(start=match.start(), end=match.end(), text=match.group(0))
        the = _THE.search(article, max(0, span.start - 30), span.start)
        if (the is not None and (the["lead"] is None or the["lead"] in _LEADS) and not _AFTER.match(article, span.end)
                and min(m.start for m in candidate.mentions) < span.start
                and not any(n.start < span.end and span.start < n.end for n in names)):
            found.append((span, candidate))
    return found


def kind_mentions(article: str, parties: list[Candidate], names: list[Span], start: int, end: int
                  ) -> list[tuple[Span, Candidate]]:
    """Mentions of a business by its kind alone, between offsets `start` and `end` ("the company", "the US firm"):
    of the business among `parties` (candidates that are parties) named most often before it, the latest
    named on a tie; a name of a person's form counts only without a title, a "he" or "she", or a surname alone."""
    found: list[tuple[Span, Candidate]] = []
    businesses: list[Candidate] | None = None
    for match in _KIND.finditer(article, start, end):
        lead = match["lead"]
        if (lead and not lead.isupper() and lead not in DEMONYMS and "-" not in lead
                or _AFTER.match(article, match.end())
                or any(n.start < match.end() and match.start("kind") < n.end
                       or n.end == match.start() - 2 and article[n.end] == "," for n in names)):
            continue
        businesses = [c for c in parties if _business(c)] if businesses is None else businesses
        if not businesses:
            break
        before = [sorted(m.start for m in c.mentions if m.start < match.start()) for c in businesses]
        best = max(range(len(businesses)), key=lambda i: (len(before[i]), before[i][-1:]))
        if before[best]:
            found.append((Span(start=match.start("kind"), end=match.end(), text=match["kind"]), businesses[best]))
    return found


def _business(candidate: Candidate) -> bool:
    """An organisation, or a name of a person's form that nothing says is a person's ("Time Warner")."""
    kind = party_kind(candidate)
    return kind == "organization" or kind == "person" and not (
        candidate.titles or candidate.pronouns or candidate.name.split()[-1] in candidate.aliases)


# A person described, not titled: "the candidate", "the billionaire businessman", "the retired neurosurgeon", "the
# 46-year-old", "the Kentucky Republican"; not "the other candidate" (someone else), "the candidate Dan Ross" (the
# name says who), nor before a noun ("the 10-year-old boy", "the candidate forum"): a lower-case word after it must
# be a verb the library reads.
_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?P<lead>(?:(?!other\b|rival\b|former\b|new\b|opposing\b|losing\b|winning\b)"
                          r"[a-z]+\s+){0,2})(?P<kind>candidate|nominee|front-?runner|businessman|businesswoman|"
                          r"billionaire|mogul|magnate|tycoon|neurosurgeon|\d{2}-year-old|"
                          rf"{PARTISAN})\b(?!-|['\u2019]s)"
                          rf"(?=\s*[^\w\s-]|\s*$|\s+(?:{one_of(f'{REPORTING_WORDS}|{STANCE_WORDS}')}|has|had|is|was|will|would|"
                          r"also|then|later)\b)")


def description_mentions(article: str, parties: list[Candidate], names: list[Span], start: int, end: int
                         ) -> list[tuple[Span, Candidate]]:
    """Mentions of a person by a description alone, between offsets `start` and `end` ("the billionaire
    businessman"): the person among `parties` named latest before it; `names` are the name phrases, which no
    such mention may overlap."""
    found: list[tuple[Span, Candidate]] = []
    people = [c for c in parties if party_kind(c) == "person"]
    for match in _DESCRIPTION.finditer(article, start, end) if people else ():
        if any(n.start < match.end() and match.start() < n.end for n in names):
            continue
        named_before = [(m.start, c) for c in people for m in c.mentions if m.start < match.start()]
        if named_before:
            latest = max(named_before, key=lambda pair: pair[0])[1]
            found.append((Span(start=match.start("lead"), end=match.end(),
                               text=article[match.start("lead") : match.end()]), latest))
    return found
