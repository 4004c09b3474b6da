"""Name phrases in an article, found without a model: the would-be parties `_actors` clusters.

A name phrase is a run of capitalised words ("Bassem Al-Awadi", "Iraqi Foreign Ministry", "US Defense Secretary
Austin Lloyd"), an unnamed office holder ("Thailand's foreign minister") or a common actor noun ("Syrian sources",
"militants", "fishermen"). Function words before it are trimmed off, and a common word that is capitalised only
because it opens a sentence (`_english`) is no name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from summarizer._bodies import BODY_HEADS, ORGANISATION, join_bodies, join_by_acronym
from summarizer._calendar import CALENDAR, MONTH_ABBREVIATIONS, MONTHS, TIMES, WEEKDAYS, without_named_days
from summarizer._english import (
    AFTER_SUBJECT,
    CONTRACTION,
    FUNCTION_WORDS,
    in_dictionary,
    in_lower_case,
    is_common_word,
    may_be_common_word,
)
from summarizer._gazetteer import COUNTRIES, DEMONYMS, US_STATE_ABBREVIATIONS, US_STATE_NAMES
from summarizer._given_names import pronoun_of
from summarizer._numerals import SMALL, parse_number
from summarizer._patterns import one_of, starting
from summarizer.models import Span

# A capitalised word, not a hashtag; a possessive ends the name ("Microsoft's Internet Explorer" is two names).
# A web address is one name ("Secunia.com"). It opens with the capital, so `re` skips every other position fast.
# A middle initial or an abbreviated title keeps its full stop inside a name ("Thomas M. Hoenig", "Sen. Harry Reid").
# "Jr." ends a name with its full stop ("James Roosevelt Jr., the grandson").
# The titles abbreviated before a name, and the honorifics before a surname ("Mr Key"): `_actors`, `_speakers` and
# the affiliation split below read them too.
# Titles written with a full stop that does not end the sentence ("Maj. Gen. Ann Lee said").
ABBREVIATED_TITLES = ("Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Maj", "Adm", "Brig", "Cmdr", "Sgt",
                      "Cpl", "Pvt", "Capt", "Dr", "Prof", "Rev", "Fr", "Supt", "Insp")
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss")
_ABBREVIATED = "|".join(f"(?<=\\b{word})" for word in ("[A-Z]", *ABBREVIATED_TITLES, "St"))
_CAP = (r"(?:[A-Z](?<!#[A-Z])(?:\.[A-Z])+\.?|[A-Z](?<!#[A-Z])(?:[\w&]|-(?=\w)|['\u2019](?![sS]\b))*"
        rf"(?:(?=\.)(?:\.(?:com|org|net)|(?:{_ABBREVIATED})\.(?=[ ][A-Z])|(?<=\bJr|\bSr)\.))?)")
# "of the US" after a name says where it is ("Colorado State University of the US"): not part of the name.
# The lower-case particles of surnames join too: "Lula da Silva", "Ursula von der Leyen", "Mohammed bin Salman".
_PARTICLES = "de|da|das|dos|du|del|della|dello|delle|degli|di|von|van|der|den|al|bin|ibn|ter"
_SECOND_PARTICLES = "der|den|la|los|las"  # "von der", "de la"
SURNAME_PARTICLES = frozenset(f"{_PARTICLES}|{_SECOND_PARTICLES}".split("|"))
# The Arabic article, written in lower case against the word it belongs to, is part of a name: "Bashar al-Assad",
# "Abdel Fattah el-Sisi", "Jebel al-Akhdar", "the al-Aqsa mosque".
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-(?=[A-Z])")
# "to" and "on" join a name after the head noun of a body's name ("Committee to Protect Journalists", "Council on
# Foreign Relations"), not before a day or a month ("the Security Council on Monday").
_BODY_CONNECT = (rf"(?:{'|'.join(f'(?<={head})' for head in BODY_HEADS)})[ ]+(?:to|on)"
                 rf"(?![ ]+(?:{'|'.join(sorted(CALENDAR))})\b)")
_CONNECT = (rf"(?:[ ]+{one_of('&|of|for|' + _PARTICLES)}(?:[ ]+{one_of('the|' + _SECOND_PARTICLES)})?"
            rf"(?![ ]+[A-Z]{{2,}}\b)|{_BODY_CONNECT})?")  # "Procter & Gamble"
# The words that end an institution's name ("Iraqi government", "Syrian sources"); `_actors` asks whether a name
# has one (then it is no person's).
INSTITUTION_WORDS = (r"\b(?:government|spokesman|spokeswoman|spokesperson|sources|officials|forces|navy|military|"
                     r"ministry|presidency|army|police|team|authorities|administration|embassy|coalition|department|"
                     r"committee|council|parliament|developers|researchers|scientists)\b")
_INSTITUTION = rf"(?:[ ]+{INSTITUTION_WORDS})?"
_ROLE_WORDS = "|".join((
    ("President|Professor|Emeritus|Judge|Justice|Secretary|Minister|Spokesman|Spokesperson|Spokeswoman|Chancellor|"
     "Governor|Senator|Representative|Congressman|Congresswoman|Leader|Speaker|Ambassador|Director|Chief|General|"
     "Major|Prime|Premier|King|Queen|Prince|Princess|Pope|Mayor|Chairman|Chairwoman|CEO|CFO|CIO|COO|CTO|Commander|"
     "Commissioner|Deputy|Vice|Writer|Editor|Correspondent|coauthor|spokesman|spokesperson|spokeswoman|Coach|"
     "Captain|Sir|Dame|Lord|Bishop|Archbishop|Cardinal|Reverend|Father|Sheriff|Detective|Inspector|Superintendent|"
     "Lieutenant|Colonel|Sergeant|Admiral|Brigadier|Corporal|Advisor|Adviser|Chair|Undersecretary|Prosecutor|"
     "Attorney|Officer|Counsel|Envoy|Administrator|Treasurer|MP|MEP|MSP|"
     # occupations written before a name as titles are ("Actress Nicole Kidman", "Guitarist Brian May")
     "Actor|Actress|Singer|Guitarist|Drummer|Bassist|Rapper|Comedian|Presenter|Producer|Author|Novelist|Artist|"
     "Designer|Composer|Dancer|Photographer|Playwright|Poet|Broadcaster|Journalist|Filmmaker|Striker|Midfielder|"
     "Defender|Goalkeeper|Winger"), *ABBREVIATED_TITLES))
ROLE = re.compile(rf"\b{starting(_ROLE_WORDS)}{one_of(_ROLE_WORDS)}\b")  # a title before a name
CAPITALISED = re.compile(r"[A-Z](?:['\u2019][A-Z])?[a-z]|(?:[A-Z]\.)+$")  # "Heald", "O'Brien", "M.", "P.J."
_GROUP_ENDS = ("ists", "ians", "icans", "ites", "crats")  # plural nouns for groups, no person's surname
INSTITUTION_WORD = re.compile(INSTITUTION_WORDS, re.IGNORECASE)
# "Chargé d'Affaires", "Bashar al-Assad"
_NAME = re.compile(rf"{_CAP}(?:{_CONNECT}[ ]+{_CAP}|[ ]+(?:d['\u2019]|{ARABIC_ARTICLE.pattern}){_CAP})*"
                   rf"{_INSTITUTION}")
# An unnamed office holder of a named party: "Thailand's foreign minister".
_OFFICE_TAIL = (r"['\u2019]s (?:[a-z]+ )?(?:minister|spokesman|spokeswoman|spokesperson|ambassador|president|secretary|"
                r"envoy|chief)\b")
_OFFICE = re.compile(rf"{_CAP}{_OFFICE_TAIL}")
_ANY_OFFICE = re.compile(_OFFICE_TAIL)  # most articles have none: then `_OFFICE` need not try every capital
# A lone nationality, faith or compass word before a lower-case noun is an adjective ("Iraqi security sites",
# "Hispanic workers", "South American leaders", "Muslim traditions", "Western firms"), not a party; before a verb
# it is the subject ("Iran said", and the names that end alike: "Sullivan has").
_ADJECTIVE = re.compile(r"^(?:(?:North|South|East|West|Central|Latin|Southeast|Northeast|Southwest|Northwest)[ ])?"
                        r"(?:[A-Z][a-z]+(?:an|ese|ish|i|ic|ist)|French|Dutch|Greek|Swiss|Czech|Slovak|Arab|Basque|"
                        r"Cypriot|Filipino|Hebrew|Inuit|Maori|Muslim|Christian|Jewish|Hindu|Buddhist|Catholic|"
                        r"Protestant|Sikh|Western|Eastern|Northern|Southern)(?:-[A-Z][a-z]+(?:an|ese|ish|i|ic|ist))*$")
_ACTOR_LEADS = ("international", "research", "local", "security", "rescue")
_ACTORS = ("militants", "fishermen", "researchers", "scientists", "rebels", "protesters", "activists", "smugglers",
           "people-smugglers", "coalition", "research team", "sources", "officials", "authorities", "residents",
           "witnesses", "police", "prosecutors", "investigators", "analysts", "experts")
_POLLS = ("poll", "survey")  # "a recent poll"
# "poll workers", "survey data": the noun modifies another, it takes no poll.
_POLL_COMPOUNDS = ("workers|watchers|stations?|booths?|tax(?:es)?|numbers|results|sites?|closings?|data|questions?|"
                   "respondents|takers")
_ACTOR_NOUN = re.compile(rf"\b(?:(?:{'|'.join(_ACTOR_LEADS)})\s+)?(?:{'|'.join(_ACTORS)}|(?:recent\s+)?"
                         rf"(?:{'|'.join(_POLLS)})(?![ -](?:{_POLL_COMPOUNDS})\b))\b")
# The words an actor noun can begin with: `str.find` locates them 2x faster than `re` tries every word.
_ACTOR_STARTS = sorted({word.split()[0] for word in (*_ACTOR_LEADS, *_ACTORS, *_POLLS, "recent")})
_LEADING = {"the", "a", "an", "on", "in", "at", "for", "meanwhile", "according", "last", "as", "but", "and",
            "however", "after", "before", "despite", "while", "when", "this", "that", "these", "its", "his",
            "her", "their", "our", "we", "he", "she", "they", "it", "i", "if", "also", "by", "of",
            "with", "usually", "former", *(word.lower() for word in HONORIFICS)}  # "Former GOP hopeful X": GOP
_NOT_NAMES = {*(day.lower() for day in WEEKDAYS), *MONTHS, "yesterday",
              "today", "capitals", "ground-level", "results", "several", "now", "estimates",
              "discussing", "depending", "despite", "study", "over", "people", "names", "critics", "many", "some",
              "most", "other", "others", "officials", "hundred", "hundreds", "thousand", "thousands", "million",
              "millions", "billion", "dozen", "dozens", *SMALL}  # SMALL: the number words, "one" to "ninety"
# Initialisms that are common nouns or honours, not parties ("watching TV", "a new PC", "GDP grew", "ISPs", "an
# OBE"), and their plurals.
_COMMON_INITIALISMS = {"Aids", "OK", "O.K.", "VoIP", "Mbps", "Kbps", "Gbps", "GHz", "MHz", "kW", "kWh", "MW", "MWh",
                       "GW", "GWh", "Nm", *(
    f"{word}{plural}" for word in ("TV", "PC", "DVD", "CD", "GDP", "ID", "CEO", "MP3", "SMS", "ATM", "VAT", "GPS",
                                   "HIV", "AIDS", "LCD", "USB", "PDA", "SUV", "IPO", "DNA", "CCTV", "HDTV", "IQ",
                                   "ISP", "PVR", "DSL", "ADSL", "GPRS", "UWB", "RFID", "CPU", "GPU", "PDF", "URL",
                                   "LAN", "ISBN", "OBE", "MBE", "CBE")
    for plural in ("", "s"))}  # case kept: the PCS union is a party
# After an English prefix and a hyphen a capitalised word is part of an adjective or a common noun: "anti-Semitism",
# "pro-Kremlin", "mid-March", "post-Soviet".
_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?:anti|pro|non|pan|post|pre|mid|neo|un|semi|ultra)-$", re.IGNORECASE)
_DAY_NEXT = re.compile(r"\.?[ ]\d{1,2}\b")
_DIGIT_NEXT = re.compile(r"\.?[ ]?\d")
# Abbreviated titles and honours before a person's name ("Lt. Col.", "Dr", "Sir"); not "Chief" of "Chief Information
# Officer", a title of its own.
_LEADING_TITLES = re.compile(rf"^(?:(?:{'|'.join((*ABBREVIATED_TITLES, 'Sir', 'Dame', 'Lord'))})\.?[ ]+)+")


# A compound that describes what follows, ending with a participle or a noun for a role ("Seattle-based",
# "Communist-led", "Oscar-winner", "Fly-half"): no part of a name ("Blu-ray Disc", "Dai-ichi Life" are names).
COMPOUND = (r"[A-Za-z][\w.'\u2019]*(?:-[A-Za-z]+)*-(?:[a-z]+ed|[a-z]+ing|led|born|run|hit|held|made|bred|built|grown|"
            r"known|half|winner|maker|owner|language)")  # "state-owned" too
MODIFIER = re.compile(rf"(?=[A-Z]){COMPOUND}")
# Plural nouns for a part of a body or its people, before "of" and a name opening a sentence ("Shares of Apple
# rose", "Representatives of First Bank said"): no part of the name. Another plural noun there is one when the
# article also writes it in lower case; "Friends of the Earth" stays whole.
_PART_NOUNS = {"Shares", "Prices", "Sales", "Profits", "Representatives", "Officials", "Employees", "Workers",
               "Investors", "Shareholders", "Customers", "Supporters", "Executives"}


def only_titles(text: str) -> bool:
    """ "Lt. Col.", "Sen", "Sir": abbreviated titles and honours alone, which name no one."""
    return not _LEADING_TITLES.sub("", text + " ")


# A name of two words or more, "of" or "for", and another name: maybe a person and their organisation.
_AFFILIATION = re.compile(r"(?P<person>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)+) (?:of|for) (?:the )?(?P<where>[A-Z].*)")
_NOT_ENDS = _NOT_NAMES | {"of", "for", "the"}  # words a name does not end with
# Letters after a person's name are no part of it ("Tom McCabe MSP", "Guy Mansfield QC"); after a place, "MEP" is
# a role ("The East Midlands MEP").
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_POST_NOMINALS = {"MP", "MSP", "MEP", "QC", "KC", "OBE", "MBE", "CBE", "KBE"}
_SUFFIXES = ("\u2019s", "'s", ".", ",", "'", "\u2019")  # what a name does not end with, dropped in this order ("Jobs'")
_INITIAL_END = re.compile(r"\b(?:[A-Z]|Jr|Sr)\.$")  # "George W.", "James Roosevelt Jr." keep their full stop
_TWO_LETTERS = re.compile(r"[a-zA-Z]{2}|^(?:[A-Z]\.){2,}$")  # two letters together, or initials ("U.N.")
_SHOUTED_LINKS = {"and", "but", "nor", "yet", "for", "the", "not"}  # capitals that join words ("OR email us")
_LOWER_NEXT = re.compile(r"[ -]([a-z]+)")
# A legislator's party and state ("R-Texas", "D-Calif.", "R-TX"), or a state alone in brackets ("(Tex.)"): no name.
_PARTY_AND_STATE = re.compile(r"[RDI]-(?:[A-Z][a-z]*\.?|[A-Z]{2})")
_STATE_IN_BRACKETS = re.compile(rf"\((?:{US_STATE_ABBREVIATIONS})\.\)")
# A legislator described by state and party ("the Kentucky Republican said"): a description (`_roles`), no name.
PARTISAN = rf"(?:{'|'.join(sorted(US_STATE_NAMES))})[ ](?:Republican|Democrat)"
_DESCRIBED = re.compile(rf"(?i:the)[ ]{PARTISAN}")
_FIRST_PERSON = re.compile(r"I['\u2019](?:ve|ll|m|d)")  # "that I've asked": "I" is capitalised wherever it is
# The start of a web address up to a "/" ("https://t.co/", "pic.twitter.com/"), not "Nielsen/" of "Nielsen/NetRatings".
_WEB_ADDRESS = re.compile(r"(?:^|\s)(?:\w+://|[\w-]+(?:\.[\w-]+)+/)\S*$")
# What stands before the first word of a sentence, of a line, of a quotation ("I said, 'Tell them ...") or of the
# text after a dateline's dash ("(AP) — ", "(Reuters) - "): its capital says nothing about it.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"\u201d\u2019)]?\s+|\n\s*)['\"\u201c\u2018(]*$|\s[\"'\u201c\u2018]$"
                             r"|(?:\)|[A-Z]{2})(?:[ ]?(?:--|\u2014|\u2013)|[ ]-)[ ]+$")


# Titles that are also common surnames: after a given name ("Stephen King", "Prime Minister John Major", "Sen. Angus
# King") the word is the surname, not a title before a name.
SURNAME_TITLES = ("King", "Major", "Bishop")


def ends_with_surname_title(words: list[str]) -> bool:
    """Whether the last of a name's words is a title that is a surname there: after a capitalised word that is no
    title, nationality or country ("John Major"; not "Prime Minister", "German Chancellor", "Tote King" is read
    as a person)."""
    return (len(words) >= 2 and words[-1] in SURNAME_TITLES and CAPITALISED.match(words[-2]) is not None
            and not ROLE.fullmatch(words[-2].rstrip(".")) and words[-2] not in DEMONYMS)


@functools.lru_cache(maxsize=4096)
def person_like(name: str) -> bool:
    """Two or three capitalised words, none a role or institution: "Fuad Basya", "Bassem Al-Awadi"; with a
    surname's particles between them, up to four ("Luiz Inacio Lula da Silva", "Ursula von der Leyen")."""
    words = name.split()
    if len(words) < 2 or words[-1].endswith(_GROUP_ENDS):  # "Ulster Unionists", "Senate Republicans": groups
        return False
    capitalised = [words[0], *(w for w in words[1:-1] if w not in SURNAME_PARTICLES), words[-1]]
    most = 3 if len(capitalised) == len(words) else 4
    titled = " ".join(words[:-1]) if ends_with_surname_title(words) else name  # "Carole King"
    return (len(capitalised) <= most and all(CAPITALISED.match(w, _article_end(w)) for w in capitalised)
            and not ROLE.search(titled) and not INSTITUTION_WORD.search(name) and not ORGANISATION.search(name))


def _article_end(word: str) -> int:
    """Where the word after an Arabic article opening `word` starts ("al-Assad": 3), else 0."""
    article = ARABIC_ARTICLE.match(word)
    return article.end() if article else 0


def opens_sentence(article: str, at: int) -> bool:
    """Whether the word at `at` is the first of a sentence or a line."""
    return _SENTENCE_START.search(article[max(0, at - 6) : at]) is not None


def _trim(article: str, start: int, end: int) -> tuple[int, int]:
    words = article[start:end].split(" ")
    first, last = 0, len(words)  # the words kept: words[first:last]
    for index in range(min(3, len(words) - 1)):  # "Seattle-based Amazon", "St. Louis-based Mercantile Bancorp"
        if MODIFIER.fullmatch(words[index]):
            start += sum(len(word) + 1 for word in words[first : index + 1])
            first = index + 1
    if (first < last - 2 and words[first + 1] == "of" and (opener := words[first]).endswith("s")
            and opens_sentence(article, start) and in_dictionary(opener)
            and (opener in _PART_NOUNS or in_lower_case(article, opener))):  # "Shares of Apple rose"
        skip = 3 if words[first + 2] == "the" and first < last - 3 else 2
        start += sum(len(word) + 1 for word in words[first : first + skip])
        first += skip
    if (first < last - 2 and (opener := words[first]).endswith("s") and opens_sentence(article, start)
            and in_dictionary(opener) and pronoun_of(words[first + 1]) is not None):  # "Celebrities Julianne Moore"
        start += len(opener) + 1
        first += 1
    while first < last:
        word = words[first]
        lower = word.lower()
        if word in WEEKDAYS and first < last - 1 and _ARTICLE_BEFORE.search(article, max(0, start - 4), start):
            break  # "The Sunday Telegraph", "the Sunday Times": a newspaper
        if (len(word) > 1 and word.isupper()) or not (
                lower in _NOT_NAMES or lower.strip(",") in _LEADING  # "To Hoenig", "Both Democrats": a function
                or not first and (lower in FUNCTION_WORDS or CONTRACTION.fullmatch(word))  # word opening a sentence
                and opens_sentence(article, start)
        ) or lower in SMALL and not opens_sentence(article, start):  # "the Six Nations": a count is written small
            break
        start += len(word) + 1
        first += 1
    while first < last and words[last - 1].rstrip(".,").lower() in _NOT_ENDS and not _surname_month(
            article, words, first, last, end):
        end -= len(words[last - 1]) + 1
        last -= 1
    if last - first == 2 and words[last - 1] == "I" and in_dictionary(words[first]) and opens_sentence(article, start):
        return start, start  # "Frankly I think", "Honestly I agree": an adverb and the pronoun (not "Elizabeth I")
    if last - first > 2 and words[last - 1].rstrip(".,") in _POST_NOMINALS and not _ARTICLE_BEFORE.search(
            article, max(0, start - 4), start) and any(not in_dictionary(w.lower()) for w in words[first : last - 1]):
        end -= len(words[last - 1]) + 1
        last -= 1
    text = article[start:end]
    for suffix in _SUFFIXES if text.endswith(_SUFFIXES) else ():
        if text.endswith(suffix) and not _INITIAL_END.search(text):
            end -= len(suffix)
            text = article[start:end]
    return start, end


def _surname_month(article: str, words: list[str], first: int, last: int, end: int) -> bool:
    """A month that ends a name after a name word, with no day or year after it, is a surname ("Theresa May said",
    "Lord Justice May and"; not "Monday May 5", "since May")."""
    month = words[last - 1].rstrip(".,")
    return (month.lower() in MONTHS and last - first >= 2 and words[last - 2][:1].isupper()
            and words[last - 2].lower() not in _NOT_NAMES and words[last - 2].lower() not in FUNCTION_WORDS
            and not _DIGIT_NEXT.match(article, end))


def _actor_nouns(article: str) -> Iterator[re.Match[str]]:
    """`_ACTOR_NOUN.finditer(article)`, tried only where one of the words it begins with occurs."""
    starts: set[int] = set()
    for word in _ACTOR_STARTS:
        at = article.find(word)
        while at != -1:
            starts.add(at)
            at = article.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end and (match := _ACTOR_NOUN.match(article, at)) is not None:
            end = match.end()
            yield match


def find_names(article: str) -> list[Span]:
    """Capitalised name phrases and actor nouns, trimmed of leading function words, in article order."""
    found: set[tuple[int, int]] = set()
    joined: list[tuple[int, int]] = []  # names joined across "of" or "for"
    offices = _OFFICE.finditer(article) if _ANY_OFFICE.search(article) else ()
    for matches in (offices, _NAME.finditer(article), _actor_nouns(article)):
        for match in matches:
            start = match.start()
            if start and (article[start - 1].isdigit() or article[start - 1] in "@#"
                          or article[start - 1] == "/" and _WEB_ADDRESS.search(article, max(0, start - 40), start)):
                continue  # a unit ("6GB", "4GHz"), a handle or a hashtag ("@MattBevin"), part of a web address
            if ARABIC_ARTICLE.match(article, max(0, start - 3)) and not article[max(0, start - 4) : start - 3].isalnum():
                start -= 3  # "the al-Aqsa mosque"
            elif start and article[start - 1].islower():  # a capital inside a word: "eBay", "iPad"; not "macOS"
                if start > 1 and article[start - 2].isalnum():
                    continue
                start -= 1
            if article[start - 1 : start] == "-" and _PREFIX_BEFORE.search(article, max(0, start - 7), start):
                continue
            start, end = _trim(article, start, match.end())
            text = article[start:end]
            lower = text.lower()
            if (end - start < 2 or lower in _NOT_NAMES or lower in TIMES or text in _COMMON_INITIALISMS
                    or MODIFIER.fullmatch(text)  # "the Beijing-based firm": an adjective
                    or not _TWO_LETTERS.search(text) or _PARTY_AND_STATE.fullmatch(text)
                    or article[start - 1 : start] == "(" and _STATE_IN_BRACKETS.match(article, start - 1)
                    or _DESCRIBED.fullmatch(article, max(0, start - 4), end)
                    or _FIRST_PERSON.fullmatch(text)):
                continue
            if (lower in MONTH_ABBREVIATIONS and _DAY_NEXT.match(article, end)
                    or lower in ("rs", "rs.") and _DIGIT_NEXT.match(article, end)
                    or len(text) <= 3 and article.startswith("$", end)):
                continue  # "Aug. 4"; "NZ$ 20,000", "Rs 400": a date, a currency
            if " " not in text and ("-" in text and text.split("-")[0].lower() in SMALL and parse_number(text)
                                    is not None  # "Sixty-six percent"
                                    or may_be_common_word(text) and opens_sentence(article, start)
                                    and is_common_word(text, article, end)
                                    and not (text.isupper() and len(text) > 2 and lower not in _SHOUTED_LINKS
                                             and _LOWER_NEXT.match(article, end))):  # "WHO officials"
                continue
            if _ADJECTIVE.match(text) and (after := _LOWER_NEXT.match(article, end)) and not (
                    article[end] == " " and after.group(1) in AFTER_SUBJECT):  # "Iran said", "Sullivan has"
                continue
            found.add((start, end))
            if " " in text and (" of " in text or " for " in text):
                joined.append((start, end))
    if joined:
        found = _split_affiliations(article, found, joined)
    if " and " in article:
        found = join_bodies(article, found)
    if "spokes" in article:
        found = _spokespersons_named(article, found)
    if ") " in article or ")." in article:
        found = join_by_acronym(article, found)
    if any(day in article for day in WEEKDAYS):
        found = without_named_days(article, found)
    kept: list[Span] = []
    for start, end in sorted(found, key=lambda bounds: (bounds[0], -bounds[1])):
        if not kept or start >= kept[-1].end:
            kept.append(Span(start=start, end=end, text=article[start:end]))
    return kept


_SPOKESPERSON = re.compile(r" spokes(?:man|woman|person)$")


def _spokespersons_named(article: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """"Pentagon spokesman Doug Kennett": the Pentagon, and its spokesman named after it, as "Iraqi government
    spokesman X" gives the Iraqi government and X; unnamed, "a Pentagon spokesman" stays who speaks."""
    starts = {start: end for start, end in found}
    out = set(found)
    for start, end in found:
        role = _SPOKESPERSON.search(article, start, end)
        after = starts.get(end + 1)
        if role is not None and after is not None and article[end] == " " and person_like(article[end + 1 : after]):
            out.discard((start, end))
            out.add((start, role.start()))
    return out


def _split_affiliations(article: str, found: set[tuple[int, int]],
                        joined: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """"Steve Jobs of Google" is two names when the article also names "Steve Jobs" (or "Jobs") alone, and "Brian
    McNamara of Ohio University" when a person's name comes before an organisation's (a firm's, with "&": "Dan Ross
    of Smith & Co"): a person and where they work, not one organisation ("University of Sheffield", "Bank of
    Thailand" stay whole). A state after a title ("Rep. Tom Lantos of California") or after "the" ("of the
    California avocado group") says where the person is from."""
    matches = [(start, end, a) for start, end in joined if (a := _AFFILIATION.fullmatch(article[start:end]))]
    if not matches:
        return found
    texts = {article[start:end] for start, end in found}
    out = set(found)
    for start, end, affiliation in matches:
        person, where = affiliation["person"], affiliation["where"]
        from_state = where in US_STATE_NAMES and (_LEADING_TITLES.match(person) is not None
                                                  or article.startswith("the ", start + affiliation.start("where") - 4))
        if (person in texts or person.rsplit(" ", 1)[-1] in texts
                or person_like(_LEADING_TITLES.sub("", person))  # "Lt Kevin Tuttle for Air Force News"
                and (ORGANISATION.search(where) or "&" in where or where in COUNTRIES or from_state)):
            out.discard((start, end))
            out.add((start, start + affiliation.end("person")))
            if where not in US_STATE_NAMES and where not in COUNTRIES:
                out.add((start + affiliation.start("where"), end))
    return out
