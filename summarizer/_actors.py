"""Which names denote one party, found without a model.

Name phrases (`_names`) that denote the same party are clustered by rules that hold in English news: a surname
alone refers to the full name ("Al-Awadi", "Mr Key"), a title before a name is that person ("US Defense
Secretary", "President Obama"), and so is a title set off after it ("John Kerry, the Secretary of State,"),
initials abbreviate a name ("US", "United States"). Which clusters are parties, and of what kind, is
`_party_selection`; who speaks is `_speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer._english import in_dictionary
from summarizer._gazetteer import COUNTRIES, DEMONYMS
from summarizer._given_names import pronoun_of
from summarizer._names import (
    ABBREVIATED_TITLES,
    ARABIC_ARTICLE,
    HONORIFICS,
    ROLE,
    SURNAME_PARTICLES,
    SURNAME_TITLES,
    only_titles,
    person_like,
)
from summarizer._titles import PARTY_AFFILIATIONS, allegiance_before, split_title
from summarizer.models import Span

# Words for the people behind a study: one article's "research team", "researchers" and "scientists" are one party.
_RESEARCHERS = re.compile(r"(?:(?:international|the)\s+)?(?:research team|researchers|scientists)")
# Titles many hold at once, whatever word qualifies them: "GOP Sen. Ted Cruz" and "GOP Sen. Rand Paul" are two.
_SHARED_TITLE = re.compile(r"\b(?:Senator|Representative|Congressman|Congresswoman|Governor|Mayor|Judge|Justice|"
                           r"Ambassador|Commissioner|Lieutenant|Colonel|General|Sergeant|Captain|Major|Admiral|"
                           r"Brigadier|Commander|Corporal|Detective|Inspector|Superintendent|Sir|Dame|Lord|Bishop|"
                           rf"Cardinal|Reverend|Father|MP|MEP|MSP|{'|'.join(ABBREVIATED_TITLES)})\.?$")  # "Lt. Col." too

_WORD = re.compile(r"[A-Za-z][\w-]*")
# What a company's name may end with besides its own name (on a name already lower-cased, full stops dropped).
_CORPORATE_ENDS = ("inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings", "communications")
_CORPORATE = re.compile(rf"\s+(?:{'|'.join(_CORPORATE_ENDS)})$")
# The spellings of each party in `_titles.PARTY_AFFILIATIONS`, but "Green" and "Liberal", which are surnames too.
_PARTY_NAMES = {**{party.lower(): party.lower() for party in PARTY_AFFILIATIONS - {"Green", "Liberal"}},
                "tory": "conservative", "tories": "conservative", "lib dem": "liberal democrat",
                "democratic": "democrat"}
# The pronoun a person's honorific or title calls for ("Ms Holt ... she"), when it calls for one.
_PRONOUN_TITLES = {
    "he": frozenset(("mr", "sir", "lord", "king", "prince", "father", "duke", "earl", "baron", "spokesman", "chairman",
                     "congressman")),
    "she": frozenset(("mrs", "ms", "miss", "lady", "dame", "baroness", "queen", "princess", "duchess", "spokeswoman",
                      "chairwoman", "congresswoman"))}
# An honorific says the next word is a surname, however short ("Mr Key" is "John Key"); `_trim` drops it.
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(HONORIFICS)})\.?[ ]$")
# A word of three letters in title case is a surname alone too ("Cox" after "Chris Cox"); in capitals ("NRA") it is
# not, nor one of two letters without an honorific.
_SHORT_NAME = re.compile(r"[A-Z][a-z]{2}")
# Between a person's name and a title, ", the " (or ", ") makes the title theirs: "John Kerry, the Secretary of State,".
_APPOSITION = re.compile(r",[ ](?:the[ ])?")
_APPOSITION_END = re.compile(r"[,.;]")


@dataclass
class Candidate:
    """One would-be party: its longest name, other names, and where they occur."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)  # lower-cased titles it was named with ("us defense secretary")
    pronouns: set[str] = field(default_factory=set)  # "he" or "she", as its honorifics, titles or given name say

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


def _initials(name: str) -> str:
    """The capitals that open the words of a name, all the letters of an acronym among them ("UK Independence
    Party" is "UKIP", "US Navy" no "UN")."""
    return "".join(w if len(w) > 1 and w.isupper() else w[0] for w in _WORD.findall(name) if w[0].isupper())


def political_party(folded: str) -> str | None:
    """The political party a name denotes, in one spelling for all its forms ("Tories", "the Conservative Party"
    and "Conservatives" are the Conservatives; "Lib Dems" the Liberal Democrats)."""
    base = folded.removeprefix("the ").removesuffix(" party")
    for form in (base, base[:-1] if base.endswith("s") else ""):
        if form in _PARTY_NAMES:
            return _PARTY_NAMES[form]
    return None


@dataclass(frozen=True)
class _Name:
    """What decides whether two names denote one party, worked out once per name."""

    folded: str  # lower case, full stops dropped
    last_word: str
    bare: str  # roles dropped: "President Biden" -> "Biden"
    person: bool
    initials: str  # only of more than two letters, or of a two-word name that opens with no given name: "US" is
    # "United States", not "University of Sheffield", and "AP" is no "Alison Parker"
    acronym: str | None  # the name without full stops if it is in capitals: "U.S." -> "US"
    # A person's shorter names when a surname has particles: the ends of this name (folded: "lula da silva", "von
    # der leyen"), and the surname before the particles ("Lula" of "Luiz Inacio Lula da Silva").
    tails: tuple[str, ...]
    first_surname: str | None
    party: str | None  # the political party it names, if one (`political_party`)
    domestic: str | None  # the name without a leading "US" ("us senate" -> "senate"): the same body
    given: str | None  # a person's given name: the first word, unless a title or party opens the name
    # ("Republican Donald Trump" has none: "Republican" alone is not he)

    @classmethod
    def of(cls, name: str) -> _Name:
        words, plain, initials = name.split(), name.replace(".", ""), _initials(name)
        folded, person = name.lower().replace(".", ""), person_like(name)
        tails, first_surname = _particle_names(words, folded.split()) if person else ((), None)
        return cls(folded=folded, last_word=words[-1] if words else "",
                   bare=" ".join(ROLE.sub(" ", name).split()), person=person,
                   initials=initials if len(initials) > 2 or len(words) == 2 and pronoun_of(words[0]) is None else "",
                   acronym=plain if len(name) >= 2 and plain.isupper() else None,
                   tails=tails, first_surname=first_surname, party=political_party(folded),
                   domestic=folded[3:] if folded.startswith("us ") else None,
                   given=folded.split()[0] if person and split_title(name)[0] is None else None)

    def found_by(self) -> list[tuple[str, str]]:
        """What a known name is found by."""
        keys = [("same", self.folded)] + ([("initials", self.initials)] if self.initials else [])
        keys += [("same", self.domestic)] if self.domestic else []  # "US Senate" finds "Senate"
        keys += [("surname", self.last_word)] if self.person else []  # "Al-Awadi" finds "Bassem Al-Awadi"
        if self.person and (article := ARABIC_ARTICLE.match(self.last_word)):  # "Assad" finds "Bashar al-Assad"
            keys.append(("surname", self.last_word[article.end():]))
        keys += [("surname", self.first_surname)] if self.first_surname else []
        keys += [("given", self.given)] if self.given else []  # "Tim" finds "Tim Cook" (see `find`)
        keys += [("bare", self.bare)] if len(self.bare) > 3 else []
        keys += [("acronym", self.acronym)] if self.acronym else []  # "United States" finds "US"
        keys += [("tail", tail) for tail in self.tails]  # "Luiz Inacio Lula da Silva" finds "Lula da Silva"
        keys += [("party", self.party)] if self.party else []  # "Tories" finds "Conservative Party"
        if self.folded.endswith(_CORPORATE_ENDS):  # "Apple" finds "Apple Inc"
            keys.append(("same", _CORPORATE.sub("", self.folded)))
        return keys

    def finds(self, surname: bool = False) -> list[tuple[str, str]]:
        """The keys of the known names that denote the same party as this one: the same name, its surname
        alone (of any length when `surname` says it is one) or its full name, its initials or what it
        abbreviates."""
        probes = [("same", self.folded)] + ([("acronym", self.initials)] if self.initials else [])
        probes += [("same", self.domestic)] if self.domestic else []  # "U.S. Senate" is "Senate"
        probes += [("surname", self.bare)] if (len(self.bare) > 3 or surname
                                               or _SHORT_NAME.fullmatch(self.bare)) else []
        if self.folded.capitalize() in SURNAME_TITLES:  # "King" finds "Carole King"
            probes.append(("surname", self.folded.capitalize()))
        probes += [("bare", self.last_word)] if self.person else []
        probes += [("initials", self.acronym)] if self.acronym else []
        probes += [("tail", self.folded)] if self.person else []
        probes += [("party", self.party)] if self.party else []
        return probes


class _Clusters:
    """Candidates in first-seen order, found by the keys of every name they were given."""

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []
        self._first: dict[tuple[str, str], int] = {}  # key -> the first candidate with a name of that key
        self._positions: dict[int, int] = {}  # id(candidate) -> its position
        self._names: dict[str, _Name] = {}

    def _name(self, name: str) -> _Name:
        if (found := self._names.get(name)) is None:
            found = self._names[name] = _Name.of(name)
        return found

    def find(self, name: str, surname: bool = False) -> Candidate | None:
        """The first candidate with a name that denotes the same party as `name` (a surname, if `surname`)."""
        known = self._name(name)
        found = [self._first[k] for k in known.finds(surname) if k in self._first]
        if known.person:  # "Rand Paul" is not "Ron Paul", though "Paul" named the father
            found = [i for i in found if not _other_person(known, self._name(self.candidates[i].name))]
        if not found and " " not in name and ("given", known.folded) in self._first:
            person = self.candidates[self._first["given", known.folded]]  # a first name alone: "Tim" is "Tim Cook"
            # after an honorific, a family name written first ("Mr Park" is "Park Seung")
            return person if (surname or person.titles or person.name.split()[-1] in person.aliases
                              or _given_name_alone(name, person.name)
                              and sum(c.name.startswith(name + " ") for c in self.candidates) == 1) else None
        return self.candidates[min(found)] if found else None

    def new(self, name: str) -> Candidate:
        candidate = Candidate(name=name)
        self._positions[id(candidate)] = len(self.candidates)
        self.candidates.append(candidate)
        self.named(candidate, name)
        return candidate

    def named(self, candidate: Candidate, name: str) -> None:
        """`candidate` is also found by `name` from now on."""
        position = self._positions[id(candidate)]
        for key in self._name(name).found_by():
            self._first[key] = min(self._first.get(key, position), position)


def _given_name_alone(name: str, full: str) -> bool:
    """Whether `name`, the first word of `full` (a name of a person's form named before), is that person named
    by their given name ("Serena" after "Serena Williams"), though nothing else says `full` is a person's: not
    when either word is a common word, a country or a nationality, nor when the last word is written as a
    product's ("Sony PlayStation"), which "Uefa Cup", "Melbourne Park" or "Time Warner" would be read as."""
    last = full.split()[-1]
    return not (in_dictionary(name.lower()) or in_dictionary(last.lower()) or name in COUNTRIES or name in DEMONYMS
                or not last[1:].islower())


def _other_person(known: _Name, other: _Name) -> bool:
    """Whether the person `other` names is someone else than the one `known` names: another given name, and
    neither name ends the other ("Inacio Lula da Silva" is "Luis Inacio Lula da Silva")."""
    return (other.person and other.folded.split()[0] != known.folded.split()[0]
            and not other.folded.endswith(" " + known.folded) and not known.folded.endswith(" " + other.folded))


def _particle_names(words: list[str], folded: list[str]) -> tuple[tuple[str, ...], str | None]:
    """`_Name.tails` and `first_surname` of a person's name (its words, and the same folded): none without a
    surname's particles. The ends that hold no particle are left out: "Haidar Fauzi" may be the father of
    "Khairunisa Haidar Fauzi"."""
    first = next((i for i in range(1, len(words)) if words[i] in SURNAME_PARTICLES), None)
    if first is None:
        return (), None
    tails = tuple(" ".join(folded[i:]) for i in range(1, first + 1) if folded[i] not in SURNAME_PARTICLES
                  or i == first)
    return tails, words[first - 1] if first >= 2 else None


def cluster_names(article: str, names: list[Span]) -> list[Candidate]:
    """Group the name phrases that denote one party; longest (titled names split) first-seen order."""
    clusters = _Clusters()
    candidates = clusters.candidates
    before: tuple[Span, Candidate] | None = None  # the previous name and its candidate
    for span in names:
        title, core = split_title(span.text)
        if before is not None and (article.startswith(",", before[0].end) and _is_apposition(article, before, span,
                                                                                              core)
                                   or _is_abbreviation(article, before, span)):
            if core not in before[1].aliases:
                before[1].aliases.append(core)
                clusters.named(before[1], core)
            before[1].mentions.append(span)
            continue
        if core.islower() and " " not in core:  # "the presidency" after "the Iraqi presidency": its head noun
            head = next((c for c in reversed(candidates) if c.name.lower().endswith(" " + core)), None)
            if head is not None:
                if core not in head.aliases:
                    head.aliases.append(core)
                    clusters.named(head, core)
                head.mentions.append(span)
                continue
        before_span = article[max(0, span.start - 6) : span.start]
        found = _HONORIFIC_BEFORE.search(before_span) if "M" in before_span else None
        honorific = found.group(0).strip(" .").lower() if found else ""
        surname = bool(honorific) and " " not in core
        target = clusters.find(core, surname=surname)
        if target is None and _RESEARCHERS.fullmatch(core.lower()):  # "the scientists" are the study's research team
            target = next((c for c in candidates if _RESEARCHERS.fullmatch(c.name.lower())), None)
            if target is not None and core.endswith("team"):
                target.aliases.append(target.name)
                target.name = core
                clusters.named(target, core)
        if target is None and title is not None and " " in title and not (
                _SHARED_TITLE.search(title) and person_like(core)):  # one "US Defense Secretary"; many a "President"
            target = next((c for c in candidates if title.lower() in (n.lower() for n in c.aliases)), None)
        if target is None:
            target = clusters.new(core)
        elif len(core.split()) > len(target.name.split()) and not core.isupper():
            target.aliases.append(target.name)
            target.name = core
            clusters.named(target, core)
        for alias in (span.text, title if title and not only_titles(title) and title != allegiance_before(span.text)
                      and not _SHARED_TITLE.search(title) else None):  # "Lt", "Norwegian", "Labour MP": no one's name
            if alias and alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
                clusters.named(target, alias)
        target.mentions.append(span)
        if title is not None:
            target.titles.add(title.lower())
        if surname:  # "Mr Hu": a person, whatever the name looks like
            target.titles.add(honorific)
        words = {*(title or "").lower().split(), honorific}
        target.pronouns.update(pronoun for pronoun, said_by in _PRONOUN_TITLES.items() if words & said_by)
        before = span, target
    for candidate in candidates:  # "Australian Tom Moody", then "Moody": the nationality is no part of the name
        lead = allegiance_before(candidate.name)
        rest = candidate.name[len(lead) :].strip() if lead else ""
        if lead and person_like(rest) and rest.split()[-1] in candidate.aliases:
            candidate.aliases.insert(0, candidate.name)
            candidate.name = rest
            clusters.named(candidate, rest)
    for candidate in candidates:  # a dateline's "WASHINGTON", then "Washington": capitals are typography, not the name
        written = next((a for a in candidate.aliases if a.upper() == candidate.name and not a.isupper()), None)
        if written is not None and (len(candidate.name) >= 5 or " " in candidate.name):  # "NASA" and "Nasa" stay
            candidate.aliases[candidate.aliases.index(written)] = candidate.name
            candidate.name = written
    for candidate in candidates:  # "Austin Lloyd" with alias "US Defense Secretary ..." takes "the US Defense Secretary"
        for other in list(candidates) if candidate.titles else []:
            if other is not candidate and other.name.lower().removeprefix("the ") in candidate.titles and ROLE.search(
                    other.name):  # not "Republican" of "Republican Donald Trump"
                candidate.aliases.extend(name for name in other.names if name not in candidate.aliases)
                candidate.mentions.extend(other.mentions)
                candidates.remove(other)
    for candidate in candidates:  # "Nadia Perez": "she", unless an honorific or a title has said otherwise
        given = pronoun_of(candidate.name.split()[0]) if not candidate.pronouns and person_like(candidate.name) else None
        if given is not None:
            candidate.pronouns.add(given)
    return candidates


def _is_apposition(article: str, before: tuple[Span, Candidate], span: Span, core: str) -> bool:
    """`span` is a bare title set off after a person's name ("John Kerry, the Secretary of State, said"):
    another name for that person, not a party of its own."""
    name, candidate = before
    gap = _APPOSITION.fullmatch(article, name.end, span.start)
    return (gap is not None and person_like(candidate.name) and ROLE.search(core) is not None
            and _APPOSITION_END.match(article, span.end) is not None)


def _is_abbreviation(article: str, before: tuple[Span, Candidate], span: Span) -> bool:
    """`span` is the short form given in brackets right after a name, its capitals among the name's:
    "Asia-Pacific Economic Cooperation (APEC)", "Sistema Economico Latinoamericano (SELA)"; one capital only
    after a name that is no person's ("Organisation of Petroleum Exporting Countries (Opec)")."""
    name, candidate = before
    if article[name.end : span.start] != " (" or not article.startswith(")", span.end) or " " in span.text:
        return False
    short = capitals(span.text)
    return (not candidate.titles and not name.text.isupper() and short <= capitals(name.text)
            and (len(short) >= 2 or not person_like(candidate.name)))


def capitals(text: str) -> set[str]:
    """The capital letters in `text`."""
    return {char for char in text if char.isupper()}
