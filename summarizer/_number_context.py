"""The words around a number, and the traps only they reveal.

`_numbers` finds where a number is; reading what stands before and after it tells a date ("May 16"), a year ("in
2011"), a rank ("No. 1", a list marker), a name ("Internet Explorer 6", "Six Thirty") or "one" as a pronoun ("one
of", "the new one") from a quantity. The word helpers here are shared with `_numbers`, which reads units and
qualifiers from the same neighbourhood.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer._numerals import QUALIFIERS


class Core(NamedTuple):
    """A matched number before its context is read: `start`/`end` bound the match, `ns`/`ne` the numeral."""
    start: int
    end: int
    ns: int
    ne: int
    value: float
    kind: str
    unit: str
    trap: str | None


def word_list(text: str) -> list[str]:
    return text.split()


STOP = frozenset(word_list("a an the of in on at to for from by with and or but as than that which who this"
                           " these those it its is are was were be been being has have had will would could"
                           " should may might must can do does did not no more less most least per each every"
                           " after before over under into about since until ago later earlier also only just then"
                           " there when while if up out said says say other another all both some any their"
                           " his her our your my them they he she we you us him"))
_IRREGULAR_PLURALS = frozenset(word_list("people men women children police troops staff feet aircraft"))
# Plural nouns a year often modifies ("2000 levels", "the 2016 elections"): a year stays a year before them.
_YEAR_NOUNS = frozenset(word_list("levels figures prices rates values elections games olympics standards"
                                  " estimates numbers results budgets accounts emissions protests attacks"
                                  " polls census"))
_NOT_NAMES = STOP | frozenset(QUALIFIERS)  # capitalised words that start no name: "Over 900", "In 2011"
_YEAR_PREPOSITIONS = frozenset(word_list("in since until till during throughout circa early late mid year"))
# Before a year and the noun it dates ("the 2003 shootings", "its 2004 accounts"); news style writes a count of
# four digits with a comma ("the 2,003 shares"). So does a name after it ("2005 Golden Globe Awards").
_YEAR_DETERMINERS = frozenset(word_list("the this that last next its their his her our"))
_PART_OF_YEAR = re.compile(r"(?i)\b(?:end|start|beginning|middle|half|quarter|spring|summer|autumn|fall|winter)"
                           r"\s+of\s+$")
_RANK_WORDS = frozenset(word_list("no. p. pp. page pages"))  # "No. 1", "p. 21", "on page 44"
_TIME_ZONE = re.compile(r"(?:\s*(?:to|-|\u2013)\s*[0-9]{4})?\s?(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|PDT|IST|JST|"
                        r"local time)\b")
_VERSION_WORDS = frozenset(word_list("version versions release v ver"))
_MODALS = frozenset(word_list("can could may might must shall should will would"))
# "one of", "one who", "One said", and the generic "one" before a modal verb ("the kind of summer one might imagine").
_ONE_PRONOUN_NEXT = frozenset(word_list("of another who that which whose said says told added only simply"
                                         )) | _MODALS  # "One only wonders why", "one simply cannot"
# "one" paired with "another" or "the other" ("piled one on top of another", "from one country to another",
# "one or the other"): no count.
_RECIPROCAL = re.compile(r"(?:[ \t]+[^\W\d_]+){0,3}?[ \t]+(?:to|on|of|or|after|by|from|than)[ \t]+"
                         r"(?:another|the[ \t]+other)\b")
_GENERIC_BEFORE = frozenset(word_list("when if unless once whether"))  # "when one introduces errors"
_ONE_DETERMINERS = frozenset(word_list("the this that which any each every new old current other last next"
                                       " same right wrong big little such latest previous original final"
                                       " former another"))
# Before a "one" that ends its clause, the words that make it a count ("won by one.", "at least one."); after
# others it stands for a noun ("I don't need one.").
_COUNT_BEFORE_END = frozenset(word_list("by to than from of at least only just is was are were be no number"))
_CLAUSE_END = re.compile(r"[\"'\u201d\u2019]?\s*(?:[.!?;)]|$)")
TIME_SINGULARS = {w: w + "s" for w in ("year", "month", "week", "day", "hour", "minute", "second", "decade")}
_MONTHS = (r"(?<![^\W\d_])(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
           r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+(?:['’-][^\W\d_]+)*)")
DIGIT_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\r])[ \t\"'“‘(\[]*$")
# What stands before a day or a year: "May 16", "Monday, May 18, 2015", "Friday the 13th".
_DATE_BEFORE = re.compile(rf"(?:(?P<month>{_MONTHS}(?:\s+the)?)|(?P<day>{_MONTHS}\s+[0-9]{{1,2}}(?:st|nd|rd"
                          r"|th)?,?)|(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?(?:\s+the)?))"
                          r"\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![^\W\d_])")
_ORDINAL_AFTER = re.compile(r"(?i)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b")
_APPOSITIVE = re.compile(r"(?:[ \t]+[^\W\d_]+){1,2},[ \t]+(?=[A-Z])")
# After "100 percent", words that make it "wholly" ("I'm not 100 percent sure", "100 percent behind him").
_WHOLLY = re.compile(r"[ \t]+(?:sure|certain|confident|committed|convinced|behind|right|wrong|honest)\b")
_LIST_MARKER = re.compile(r"[.)][ \t]+[A-Z]")
_LIST_BEFORE = re.compile(r"(?:^|\n|[:,][ \t]|\n[ \t]+)$")


def words_before(text: str, pos: int) -> list[str]:
    """The whole words (split on whitespace) in the 40 characters before `pos`, if a space separates them."""
    lo = max(0, pos - 40)
    words = text[lo:pos].split() if text[pos - 1:pos].isspace() else []
    return words[1:] if words and lo and not text[lo - 1].isspace() else words  # the first may be cut


def previous_word(text: str, pos: int) -> str:
    return _bare((words_before(text, pos) or [""])[-1])


def _bare(word: str) -> str:
    return word.lower().lstrip("\"'\u201c\u2018([")  # '"No one': "no"


def is_plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or len(word) > 3 and word[-1] == "s" and word[-2] not in "sui"


def context_trap(text: str, core: Core, unit: str, unit_end: int) -> str | None:
    """Read the words around a bare number (its unit ending at `unit_end`) for the traps that only context
    reveals."""
    number, start, end, value = text[core.ns:core.ne], core.start, core.end, core.value
    if core.kind == "words" and _ORDINAL_AFTER.match(text, core.ne):
        return "ordinal"  # "twenty-first"
    if core.kind == "words" and number[0].isupper() and text[start - 1 : start] not in ("\u201c", '"') and not (
            _SENTENCE_START.search(text, max(0, start - 8), start)):
        return "model name"  # "including Six Thirty, a technology accelerator": a name
    if core.kind == "words" and number.lower() == "one":
        return _pronoun_trap(text, core, unit)
    if value == 100 and unit == "percent" and _WHOLLY.match(text, unit_end):
        return "idiom"  # "not 100 percent sure": wholly, not a share
    if core.kind != "digits" or unit in ("percent", "percentage points"):
        return None
    left, plain = max(0, start - 40), DIGIT_RUN.fullmatch(number) is not None
    day_like = plain and 1 <= value <= 31 and value.is_integer()
    year_like = plain and len(number) == 4 and 1800 <= value <= 2100
    before = (day_like or year_like) and _DATE_BEFORE.search(text, left, start)
    if before and (before["month"] or before["day"] and year_like or before["weekday"] and day_like) or (
            day_like and _MONTH_AFTER.match(text, end)):
        return "date"
    if plain and len(number) == 2 and text[start - 1 : start] in ("'", "\u2019"):
        return "year"  # "in \u201904", "the '90s"
    previous = previous_word(text, start)
    if year_like and (unit in _YEAR_NOUNS or not is_plural(unit) or previous in _YEAR_PREPOSITIONS
                      or previous in _YEAR_DETERMINERS or text[end + 1 : end + 2].isupper()
                      or _PART_OF_YEAR.search(text, left, start)):  # "By the end of 2008 arrangements ..."
        return "year"
    if plain and text[end : end + 1] in (".", ")") and _LIST_MARKER.match(text, end) and _LIST_BEFORE.search(
            text, max(0, start - 3), start):
        return "rank"  # "1. Upsell and Cross Sell" opening a line, "are: 1) Deviled, 2) Scotch"
    if plain and len(number) == 4 and value % 100 < 60 and value < 2400 and _TIME_ZONE.match(text, end):
        return "time"  # "at 1230 GMT", "from 0800 to 1800GMT": the 24-hour clock
    if text[max(0, start - 3) : start] == "No " and not unit:
        return "rank"  # "No 10 said": British style for "number", a label
    if previous in _VERSION_WORDS:
        return "model name"  # "version 4.0 or above"
    if plain and value < 100 and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return "rank"  # "(1) identifies ...", "(9)": a list marker or a reference
    return "rank" if previous in _RANK_WORDS else "model name" if plain and _follows_name(text, start) else None


def _follows_name(text: str, pos: int) -> bool:
    """True after a capitalised name word, as in "Internet Explorer 6", "HTML 5" or "(CV 63)" (not "Over 900")."""
    word = (words_before(text, pos) or [""])[-1].lstrip("([")
    if not word[:1].isalpha() or word.islower() or text[pos - 1] not in " \t":
        return False
    word_start = text.rfind(word, max(0, pos - 40), pos)
    return not (word.lower().rstrip(".") in _NOT_NAMES or word.lower().startswith("estimat") or (
        _SENTENCE_START.search(text, max(0, word_start - 8), word_start)))


def _pronoun_trap(text: str, core: Core, unit: str) -> str | None:
    """"one of", "the new one", "a junior one", "no one was", "the only one who", "one might", "One Rohingya,
    Muhammad Amin,", "one-off" and the idioms ("one thing", "for one", "from one ... to another") are not counts."""
    if text[core.ne:core.ne + 1] == "-":  # "one-off", "one-sided"; but a "one-year" term counts one year
        return None if unit in TIME_SINGULARS.values() else "idiom"
    after = WORD_AFTER.match(text, core.ne)
    before = words_before(text, core.ns)
    next_word, previous = after[1].lower() if after else "", _bare(before[-1]) if before else ""
    if next_word in _ONE_PRONOUN_NEXT or previous == "no" or (
            previous in _ONE_DETERMINERS or previous.endswith(("'s", "\u2019s"))
            or len(before) > 1 and before[-2].lower() in ("a", "an")) and (
            not next_word or next_word in STOP or next_word.endswith("ing")):
        return "pronoun"  # "the new one", "a junior one", "the Hadley Centre's one, but", "the one involving X"
    if next_word == "hand" and previous == "the" or previous == "at" and next_word in ("time", "point", "stage"):
        return "idiom"  # "on the one hand", "at one time even Beanie Babies", "at one point"
    if (next_word == "thing" or previous in ("square", "day", "number") or previous in ("for", "in") and not after
            or _RECIPROCAL.match(text, core.ne)):
        return "idiom"  # "it is one thing to", "from square one", "on day one", "the number one issue", "Ross,
        # for one, left", "four planes in one"
    if after is not None and next_word == "more" and (
            not (more := WORD_AFTER.match(text, after.end())) or more[1].lower() in STOP):
        return "pronoun"  # "time for one more."; not "one more soldier"
    if previous in _GENERIC_BEFORE and next_word.endswith("s") and not next_word.endswith("ss"):
        return "pronoun"  # "when one introduces errors": anyone
    if next_word == "day" and (previous in _MODALS or previous.endswith("ly") or text.startswith(
            ",", after.end() if after else core.ne)):
        return "idiom"  # "could one day see", "potentially one day ferrying", "One day, he ...": some day
    if before and previous not in _COUNT_BEFORE_END and _CLAUSE_END.match(text, core.ne):
        return "pronoun"  # "I don't need one."
    capital = text[core.ns] == "O" and _SENTENCE_START.search(text, max(0, core.ns - 8), core.ns)
    return "pronoun" if capital and _APPOSITIVE.match(text, core.ne) else None
