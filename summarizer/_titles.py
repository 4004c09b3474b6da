"""Titles before a person's name: the role words ("US Defense Secretary"), the office after one ("Secretary of
State"), and a nationality or party ("Norwegian", "Liberal Democrat"), split from the name they describe.
"""

from __future__ import annotations

import re

from summarizer._bodies import ORGANISATION
from summarizer._english import in_dictionary
from summarizer._gazetteer import DEMONYMS
from summarizer._names import CAPITALISED, INSTITUTION_WORD, ROLE, ends_with_surname_title, person_like

# Political parties whose name, as a noun or adjective, stands before a member's name as a nationality does
# ("Liberal Democrat Paul Tyler", "Tories Ken Clarke and ...", "Republican John McCain").
PARTY_AFFILIATIONS = frozenset((
    "Labour", "Tory", "Tories", "Conservative", "Liberal Democrat", "Lib Dem", "Liberal", "Republican", "Democrat",
    "Democratic", "Unionist", "Nationalist", "Green", "Socialist", "Communist", "SNP", "UKIP", "Plaid Cymru"))


def allegiance_before(name: str) -> str | None:
    """The nationality or party word opening a person's name, if one does ("Norwegian Finn E. Kydland":
    "Norwegian"; "Liberal Democrat Paul Tyler": "Liberal Democrat"; "South Korean ...", "Americans ...": the
    plural names the group a person belongs to)."""
    words = name.split()
    for size in (2, 1):
        lead = " ".join(words[:size])
        if len(words) > size + 1 and (
                lead in DEMONYMS or lead in PARTY_AFFILIATIONS
                or lead.endswith("s") and (lead[:-1] in DEMONYMS or lead[:-1] in PARTY_AFFILIATIONS)
                or size == 2 and words[0] in ("North", "South") and words[1] in DEMONYMS):
            return lead
    return None


# Titles that also open names of things ("General Motors", "Chief Justice", "Prime Minister"): one word after them is
# not a surname.
_NOT_BEFORE_SURNAME = {"General", "Major", "Chief", "Prime", "Vice", "Deputy", "Emeritus"}
INITIAL = re.compile(r"\b[A-Z]\.")  # "Finn E. Kydland", "John F. Kennedy"


def split_title(name: str) -> tuple[str | None, str]:
    """"US Defense Secretary Austin Lloyd" -> ("US Defense Secretary", "Austin Lloyd"); "Norwegian Finn E.
    Kydland" -> ("Norwegian", "Finn E. Kydland")."""
    roles = list(ROLE.finditer(name))
    if len(roles) > 1 and ends_with_surname_title(name.split()):
        roles.pop()  # "Prime Minister John Major": the surname
    if not roles:
        lead = allegiance_before(name)
        rest = name[len(lead):].strip() if lead else ""
        return (lead, rest) if lead and _personal_name(rest) else (None, name)
    title_end = roles[-1].end()
    rest = name[title_end:].strip(" ,.")
    if rest.startswith(("of ", "for ")):  # "Secretary of State James Baker", "Minister for Health Ann Lee"
        office = _office_of(rest)
        title_end += name[title_end:].index(rest) + len(office)
        rest = rest[len(office):].strip()
    surname = (" " not in rest and CAPITALISED.match(rest) is not None  # "President Obama"
               and roles[-1].group(0) not in _NOT_BEFORE_SURNAME
               and not INSTITUTION_WORD.search(rest) and not ORGANISATION.search(rest))
    if surname or person_like(rest):
        return name[:title_end].strip(), rest
    return None, name


def _personal_name(name: str) -> bool:
    """A person's name after a nationality or party word: person-like, with an initial or a word the dictionary lacks, and
    no nationality inside ("Finn E. Kydland", "Elfriede Jelinek"; not "Red Cross", "National Guard", "American
    Tobacco")."""
    words = name.split()
    return (person_like(name) and not any(word in DEMONYMS for word in words)
            and any(INITIAL.match(word) or not in_dictionary(word.lower()) for word in words))


def _office_of(rest: str) -> str:
    """The words of an office after its title ("of State" of "of State James Baker"): dictionary words and
    acronyms ("of the FBI"), as many as leave a person's name after them; "" when none do."""
    words = rest.split(" ")
    end = 1
    while end < len(words) - 1 and (words[end] in ("the", "and", "of") or words[end].isupper()
                                    or in_dictionary(words[end].lower())):
        end += 1
    cuts = range(end, 1, -1)
    cut = next((c for c in cuts if person_like(" ".join(words[c:]))), None) or (
        end if end == len(words) - 1 and end > 1 else None)  # "Secretary of State Powell": a surname
    return " ".join(words[:cut]) if cut else ""
