"""Numbers an article states, found without a model: the candidates the pipeline checks the model against.

A third of news quantities have no digit ("two million", "half", "nearly a decade") and half the numeric spans
are traps (dates, years, ordinals, product names, "one" as a pronoun): this reads number words and flags traps
without dropping them, in pure `re` (deterministic, ~1 ms per 4 KB). What a phrase is worth is
`_numerals`; the traps only the surrounding words reveal are `_number_context`; values follow the eval README."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from summarizer._english import in_dictionary
from summarizer._number_context import (
    DIGIT_RUN,
    STOP,
    TIME_SINGULARS,
    WORD_AFTER,
    Core,
    context_trap,
    is_plural,
    previous_word,
    word_list,
    words_before,
)
from summarizer._numerals import (
    DENOMS,
    DIGITS,
    FEW,
    FRACTIONS,
    ORDINAL_FRACTIONS,
    QUALIFIERS,
    SCALE_WORDS,
    SCALES,
    SMALL,
    parse_number,
    read_word_tokens,
)
from summarizer._patterns import one_of
from summarizer.models import Qualifier, Span

__all__ = ["NumberMention", "find_numbers"]


@dataclass(frozen=True)
class NumberMention:
    """A numeric mention: `span` covers qualifier + number + unit noun, `number_text` the numeric words only,
    and `trap` is None for a plausible quantity, else why it may be none ("year", "date", "pronoun", ...)."""
    span: Span
    number_text: str
    value: float
    qualifier: Qualifier
    unit: str
    trap: str | None


_VAGUE = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
          "billions": 1e9, "decades": 10.0, "centuries": 100.0, "several": 1.0, "few": 1.0, "many": 1.0,
          "dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}  # "a few hundred"
_CURRENCIES = {"$": "USD", "US$": "USD", "NZ$": "NZD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
               "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
               "₹": "INR", "RS": "INR", "RS.": "INR", "dollars": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
               "yuan": "CNY", "pence": "pence"}
# Before "three quarters", words that make them periods of a year ("the preceding three quarters").
_PERIOD_BEFORE = frozenset(word_list("the last past next previous preceding first final consecutive recent coming"
                                     " remaining following"))
_AMOUNT_UNITS = frozenset({*_CURRENCIES.values(), "CHF", "percent", "percentage points"})  # see `is_amount`
# Glued letters that are a unit ("10km"); any other glued letters make a product name ("5G", "3D").
_UNIT_SUFFIXES = frozenset(word_list("km kg mm cm m g mg ml l t mph ft lb lbs oz mi kw mw gw kwh gb mb tb x bbl"))
_TRIGGERS = frozenset([*SMALL, *SCALES, *DENOMS, *_VAGUE, *word_list("a an twice thrice more at www http")])
_TRIGGERS |= frozenset(word_list("https us nz au ca hk nt c s r rs usd nzd aud cad eur gbp jpy cny inr chf"))
_NB = r"(?![^\W\d_])"  # no letter follows
_W = "|".join(sorted(SMALL, key=len, reverse=True))
_WORD = rf"(?:{_W}|{SCALE_WORDS}|dozen){_NB}"
_SPANS = r"(?:second|minute|hour|day|week|month|year|game|race|season|attempt)s?|match(?:es)?"
_SCAN = re.compile("(?i)" + "|".join((
    r"(?P<url>(?:https?://|www\.)[^\s<>\"')\]]+)",
    r"(?P<time>[0-9]{1,2}(?::[0-9]{2}(?::[0-9]{2})?(?:\s?[ap]\.?m\b\.?)?|(?:[.:][0-9]{2})?\s?[ap]\.?m\b\.?))",
    # A street number ("1225 N. Rampart St.") or a ZIP+4 code ("20515-3701").
    (r"(?P<address>[0-9]{1,5}(?= (?:[NSEW]\.? )?(?:[A-Z][\w'-]* ){1,3}(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|"
     r"Rd|Drive|Dr|Lane|Ln|Way|Place|Pl|Parkway|Pkwy)\b)|[0-9]{5}-[0-9]{4}(?![0-9]))"),
    # "646-274-2455", "(212) 555-0100"; with a trunk zero or a country code: "0417 275 713", "+61 2 9555 0100",
    # "+ 258 - 1 - 497949", "44 (0) 207 538 7505", "1300 735 683"; any digits after "Tel:" ("Telephone: 41 22 791
    # 2510").
    (r"(?P<phone>(?:[0-9]{3}\)?[ .-][0-9]{3}[.-][0-9]{4}|0[0-9]{1,4}(?:[ ][0-9]{2,4}){2,3}"
     r"|(?:(?<=\+)|(?<=\+ ))[0-9]{1,3}(?:[ ]?[.-]?[ ]?[0-9]{1,6}){2,4}"
     r"|(?:(?<=tel: )|(?<=tel\. )|(?<=telephone: )|(?<=phone: )|(?<=fax: )|(?<=mobile: ))\+?[0-9]{1,4}"
     r"(?:[ .-][0-9]{1,4}){1,5}|[0-9]{1,3}[ ]?\(0\)[ ]?[0-9]{1,4}(?:[ ][0-9]{2,4}){1,3}"
     r"|[0-9]{4}(?:[ ][0-9]{3}){2})"
     r"(?![0-9]))"),
    r"(?P<numdate>[0-9]{1,4}(?:(?P<sep>[/.-])[0-9]{1,2}(?P=sep)[0-9]{2,4}|/[0-9]{1,4})(?![0-9]))",
    (rf"(?P<money>(?P<cur>(?-i:(?:US|NZ|AU|CA|HK|NT)\s?\$|[ACSR]\$|(?:USD|NZD|AUD|CAD|EUR|GBP|JPY|CNY|INR"
     rf"|CHF){_NB}|Rs\.?(?=\s?[0-9]))|\$|€|£|¥|₹)\s?(?P<mnum>{DIGITS}(?:\s?(?:bn|mn|tn|m|k|b){_NB}"
     rf"|\s+(?:{SCALE_WORDS}){_NB})?))"),
    r"(?P<model>[^\W\d_]+-?[0-9]+(?:\.[0-9]+)?[^\W_]*)",
    r"(?P<hash>\#[0-9]+)",
    (rf"(?P<share>(?:{FEW}|[0-9]{{1,3}}(?![0-9]))\s+(?:in|out\s+of)\s+(?:[0-9]{{1,3}}(?:,[0-9]{{3}})*"
     rf"(?![0-9])|{_W}|(?:a\s+)?(?:hundred|thousand)){_NB}(?!\s+(?:{_SPANS}){_NB}))"),
    (rf"(?P<frac>(?:(?:{FEW})[\s-]+)?(?:half{_NB}(?!-)(?:\s+an?\s+(?:{SCALE_WORDS}|dozen|decade|century)\b)?|"
     rf"(?:{FRACTIONS}){_NB}(?=\s+of\b|\s*[,.;:)]|\s*$))"  # not "a third time", "a quarter century"
     rf"|(?:{FEW})[\s-]+(?:{ORDINAL_FRACTIONS}){_NB}(?=\s+of\b|\s*[,.;:)]|\s*$))"),  # "one-fourth of"
    rf"(?P<decade>(?:(?:{FEW}|several|few|many|[0-9]+)[\s-]+)?(?:decades?|century|centuries){_NB})",
    rf"(?P<times>(?:twice|thrice){_NB}|an?\s+(?:couple|pair)(?=\s+of{_NB}))",
    (rf"(?P<vague>(?:tens|hundreds|thousands|millions)\s+of\s+(?:thousands|millions|billions){_NB}"
     rf"|(?:dozens|hundreds|thousands|millions|billions){_NB}|scores(?=\s+of{_NB})"
     rf"|a\s+(?:number|handful)\s+of{_NB}|(?:a\s+few|several)\s+(?:dozen|hundred|thousand|million|billion){_NB}"
     rf"|(?:more\s+than|at\s+least)\s+(?P<once>once){_NB})"),
    (rf"(?P<digits>(?P<dn>{DIGITS})(?P<suf>[^\W\d_]+)?(?P<dsc>\s+(?:{SCALE_WORDS}|dozen){_NB})?"
     rf"(?P<dhalf>\s+and\s+a\s+half{_NB})?)"),
    (rf"(?P<words>(?:an?\s+(?=(?:{SCALE_WORDS}|dozen){_NB}))?{_WORD}"
     rf"(?:(?:\s*-\s*|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+){_WORD}){{0,16}}"
     rf"(?P<whalf>\s+and\s+a\s+half{_NB})?)"),
)))
_TOKEN = re.compile(r"[^\W_]+(?:-(?=[0-9]))?|[$€£¥₹#]")
# What `_scan` need not look at, in the lower-cased text: characters outside tokens, and tokens of ASCII
# letters only that are no trigger (the trie of the triggers); it stops at any other token. About 2x faster
# than a token loop.
_NO_TOKEN = r"(?:[^\w$€£¥₹#]|_)*+"
_ASCII_TRIGGERS = one_of("|".join(t for t in _TRIGGERS if t.isascii() and t.isalpha()))
_SKIP = re.compile(rf"{_NO_TOKEN}(?:(?!{_ASCII_TRIGGERS}(?![^\W_]))[a-z]++(?![^\W_]|-[0-9]){_NO_TOKEN})*+")
_QUALIFIER_ENDS = frozenset(qualifier.split()[-1] for qualifier in QUALIFIERS)
# A verb whose particle or preposition is the word a hedge would be: "turned around twice", "talking about one area".
_PARTICLE = re.compile(r"(?i)(?:turn|hand|mov|look|walk|c[oa]m|g[oe]t|t[ao]{1,2}k|pass|brought|sen[dt]|talk|think|"
                       r"thought|worr|concern|complain|argu|jok)[a-z]* (?:around|about|over)")
_ESTIMATE_BEFORE = re.compile(r"(?i)(?<![^\W\d_])estimat[^\W\d_]*(?:[ \t]+[^\s.!?;]+){0,3}?[ \t]+$")
_PERCENT_AFTER = re.compile(rf"(?i)(?P<pp>\s+percentage\s+points?{_NB})|[ \t]?%|\s+(?:per\s?cent|pct|(?-i:pc)){_NB}")
_HYPHEN_UNIT = re.compile(r"-([^\W\d_]+)(?:-[^\W\d_]+)*")
# "of the" and a possessive after a number: the noun phrase it is a part of ("two of the soldiers", "eight of
# the nation's states"); "of them" is no noun phrase.
_PARTITIVE = re.compile(r" of (?:the|its|their|his|her|these|those)(?: [^\W\d_]+['’]s)?(?= [^\W\d_])")
# A name and a comma before a number followed by a comma: the person's age.
_AGE_BEFORE = re.compile(r"\b[A-Z][\w'-]*, (?:now |then |aged )?$")  # "Jobs, 56,", "Page, then 26,"
# A person's "is", "was" or "turned" before a number that ends the clause: an age ("she is 38.", "he turned 21,").
_AGE_VERB = re.compile(r"(?i)\b(?:(?:he|she|i|you|we|they)(?:['\u2019](?:s|re|m)|\s+(?:is|was|are|were|am))|turned|"
                       r"turns|turning)\s+$")
_CLAUSE_ENDS = frozenset(".,;!?)")
_RANGE_GAP = re.compile(r"(?i)\s*(?:-|–|—|to|and|or)\s*")  # "ten or 15 years": one unit
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|landers)")  # "Iranians", "Sri Lankans", "New Zealanders"
_CHANGE_VERBS = frozenset(word_list("fell fall falls rose rise rises dropped drops declined declines climbed climbs "
                                    "gained gains lost loses slipped slips jumped jumps surged surges plunged slumped "
                                    "increased increases decreased decreases grew grows shed sheds soared tumbled "
                                    "sank eased edged advanced added"))


def is_amount(mention: NumberMention) -> bool:
    """Whether a mention that is no trap is an amount whatever the model says: a share or a sum of money."""
    return mention.trap is None and mention.unit in _AMOUNT_UNITS


def find_numbers(text: str) -> list[NumberMention]:
    """Find every numeric mention in `text`, traps included and flagged, sorted by `span.start`."""
    cores = [core for m in _scan(text) for core in _build(text, m)]
    mentions = _same_model_names(text, cores, _link_ranges(text, cores, [_finish(text, core) for core in cores]))
    return _scores_and_variants(text, sorted(mentions, key=lambda mention: (mention.span.start, mention.span.end)))


def _scores_and_variants(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Two numbers joined by a hyphen or a dash with nothing between: a game's score when both are small whole
    numbers with no unit ("won 6-4, 7-6", "beat the Sabres 4-1"; not "aged 5-11" nor "5-10 people", ranges),
    and a model's variant after a model's number ("787-9", "A350-900")."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if text[a.span.end : b.span.start] not in ("-", "\u2013") or b.trap not in (None, "model name"):
            continue
        small = len(b.span.text) <= 2 and b.span.text.isdigit()
        if a.trap == "score" and small:  # a record: "14-0-1"
            out[i + 1] = replace(b, trap="score")
        elif (small and a.trap in (None, "model name") and len(a.span.text) <= 2 and a.span.text.isdigit()
              and previous_word(text, a.span.start) not in _RANGE_BEFORE
              and not text.startswith(" age", b.span.end)):  # "the 18-35 age bracket"
            out[i], out[i + 1] = replace(a, trap="score"), replace(b, trap="score")
        elif a.trap == "model name":
            out[i + 1] = replace(b, trap="model name")
    return out


# Words before the first end of a range that a score never follows ("children aged 5-11", "between 3-4").
_RANGE_BEFORE = frozenset(("aged", "ages", "age", "between", "from", "about", "around", "some", "roughly", "nearly",
                           "approximately", "almost", "estimated", "up", "to", "of", "for", "by"))


def _same_model_names(text: str, cores: list[Core], mentions: list[NumberMention]) -> list[NumberMention]:
    """A number of three digits or more that the article writes as a model's, glued to its letters or after a
    name the dictionary lacks ("QZ8501", "Boeing 767"), names that model wherever it stands ("100 of the 767
    planes", "Flight 8501"); not after a common word ("** Includes 162 passengers")."""
    models = {m.number_text for core, m in zip(cores, mentions, strict=True)
              if m.trap == "model name" and len(m.number_text) >= 3 and m.number_text.isdigit()
              and (text[core.ns - 1 : core.ns].isalpha() or not in_dictionary(previous_word(text, core.ns)))}
    if not models:
        return mentions
    return [replace(m, trap="model name") if m.trap is None and m.number_text in models else m for m in mentions]


def _scan(text: str) -> Iterator[re.Match[str]]:
    """Try the scanner at tokens with a digit or symbol and at `_TRIGGERS` words, not at every position.
    `_SKIP` passes over the plain words between them in one call, in the lower-cased text when lowering keeps
    every offset (it does unless a letter lowers to two, as "İ" does; the original text then, where `_SKIP`
    passes over fewer words)."""
    lower = text.lower()
    skimmed = lower if len(lower) == len(text) else text
    end = position = 0
    while (skipped := _SKIP.match(skimmed, position)) and (token := _TOKEN.match(text, skipped.end())):
        position, word = token.end(), token[0]
        wanted = not word.isalpha() or word.lower() in _TRIGGERS
        if wanted and token.start() >= end and (m := _SCAN.match(text, token.start())) is not None:
            end = m.end()
            yield m


def _build(text: str, m: re.Match[str]) -> list[Core]:
    """Turn one scanner match into zero or more cores (a run of number words may hold several numbers)."""
    kind, start, end, phrase = m.lastgroup or "", m.start(), m.end(), m[0].lower()
    if kind in ("url", "time", "phone", "address", "numdate", "hash", "model") and (digits := DIGIT_RUN.search(m[0])):
        reason = {"url": "url", "time": "time", "phone": "phone", "address": "address", "numdate": "date",
                  "hash": "rank"}.get(kind, "model name")
        return _core(text, start, end, start + digits.start(), start + digits.end(), kind, trap=reason)
    if kind == "words":
        return _word_cores(text, m)
    if kind == "digits":
        return _digit_core(m)
    if kind == "money":
        cur = "".join(m["cur"].split()).upper()
        return _core(text, start, end, m.start("mnum"), end, kind, unit=_CURRENCIES.get(cur, cur))
    if kind == "vague" or kind == "decade" and phrase.split()[0] in _VAGUE:
        ns = m.start("once") if m["once"] else start  # the value is a lower bound: "dozens" 24
        value = 1.0 if m["once"] else 2 * math.prod(_VAGUE.get(word, 1.0) for word in phrase.split())
        unit = "times" if m["once"] else "years" if kind == "decade" else ""
        return [Core(ns, end, ns, end, value, kind, unit, "vague")]
    if kind == "frac":
        count, _, rest = phrase.partition(" ")
        if rest == "quarters" and previous_word(text, start) in _PERIOD_BEFORE and not text.startswith(" of", end):
            return _core(text, start, end, start, start + len(count), kind, unit="quarters")  # of a year, not 75%
        trap = "date" if phrase == "half" and previous_word(text, start) in ("first", "second") else None
        tail = phrase.split()[-1]
        unit = "years" if tail in ("decade", "century") else "" if tail in SCALES else "percent"
        return _core(text, start, end, start, end, kind, unit, trap)
    unit = {"decade": "years", "share": "percent"}.get(kind, "times" if phrase in ("twice", "thrice") else "")
    return _core(text, start, end, start, end, kind, unit)


def _core(text: str, start: int, end: int, ns: int, ne: int, kind: str, unit: str = "",
          trap: str | None = None) -> list[Core]:
    value = parse_number(text[ns:ne])
    return [] if value is None else [Core(start, end, ns, ne, value, kind, unit, trap)]


_IDENTIFIER_DIGITS = 10  # more digits than that, and no separator: a number that names, not one that counts


def _digit_core(m: re.Match[str]) -> list[Core]:
    suffix, ne, unit, trap = (m["suf"] or "").lower(), m.end("dn"), "", None
    after = WORD_AFTER.match(m.string, m.end())  # "4.5m people" are millions; a "100m race" is in metres
    if suffix in ("bn", "mn", "tn") or suffix in ("m", "k") and after is not None and is_plural(after[1]):
        ne = m.end("suf")
    elif suffix in ("st", "nd", "rd", "th"):
        trap = "ordinal"
    elif suffix == "s":  # "the 1990s", "in their 70s" are periods; "747s" are aircraft
        trap = "year" if m["dn"][-1] == "0" and len(m["dn"]) in (2, 4) else "model name"
    elif suffix in ("p", "pc") and m["suf"].islower():  # "873p" a price in pence, "50pc" British per cent
        unit = "pence" if suffix == "p" else "percent"
    elif suffix:  # grams are "g"; "4G networks" are a generation of them
        unit, trap = (suffix, None) if suffix in _UNIT_SUFFIXES and m["suf"] != "G" else ("", "model name")
    elif m["dsc"] or m["dhalf"]:
        ne = m.end()
    if trap is None and len(m["dn"]) >= _IDENTIFIER_DIGITS and m["dn"].isdigit():
        trap = "identifier"  # a tweet's or an order's number ("785842546878578688"): news writes "1.6 billion"
    return _core(m.string, m.start(), m.end(), m.start("dn"), ne, "digits", unit, trap=trap)


def _word_cores(text: str, m: re.Match[str]) -> list[Core]:
    """Split a run of number words into well-formed numbers ("twelve two" is 12 and 2, not 14)."""
    tokens = list(_TOKEN.finditer(text, m.start(), m.start("whalf") if m["whalf"] else m.end()))
    i, cores = 0, list[Core]()
    while i < len(tokens):
        used = read_word_tokens([t[0].lower() for t in tokens[i:]])[1]
        if used:
            ns, ne = tokens[i].start(), m.end() if i + used == len(tokens) else tokens[i + used - 1].end()
            cores += _core(text, ns, ne, ns, ne, "words")
        i += used or 1
    return cores


def _finish(text: str, core: Core) -> NumberMention:
    unit, end = _unit_after(text, core)
    qualifier, start = _qualifier_before(text, core.start)
    if qualifier == "exact" and text[core.ns:core.ne].lower().endswith("couple"):
        qualifier = "approximately"  # "a couple of points"
    return NumberMention(Span(start=start, end=end, text=text[start:end]), text[core.ns:core.ne], core.value,
                         qualifier, unit, core.trap or context_trap(text, core, unit, end))


def _qualifier_before(text: str, pos: int) -> tuple[Qualifier, int]:
    """The hedge just before `pos` ("more than"), or a few words back ("Estimates suggest 8000")."""
    words = words_before(text, pos)
    for n in (3, 2, 1) if words and words[-1].lower() in _QUALIFIER_ENDS else ():
        phrase = " ".join(words[-n:])
        qualifier = QUALIFIERS.get(phrase.lower()) if len(words) >= n else None
        particle = _PARTICLE.fullmatch(" ".join(words[-2:])) if n == 1 else None  # "turned around twice"
        if qualifier and not particle and (start := text.rfind(phrase, max(0, pos - 40), pos)) != -1:
            return qualifier, start
    hedged = "stimat" in text[max(0, pos - 48):pos] and _ESTIMATE_BEFORE.search(text, max(0, pos - 48), pos)
    return ("approximately" if hedged else "exact"), pos


def _unit_after(text: str, core: Core) -> tuple[str, int]:
    if core.unit or core.trap:
        return core.unit, core.end
    if (m := _PERCENT_AFTER.match(text, core.end)) is not None:
        return ("percentage points" if m["pp"] else "percent"), m.end()
    if (m := _HYPHEN_UNIT.match(text, core.end)) is not None and m[1].lower() not in STOP:  # "a 10-year-old"
        return TIME_SINGULARS.get(m[1].lower(), m[1].lower()), m.end()
    pos, found = core.end, ("", core.end)
    if text[pos:pos + 1] in ("]", ")") and text[core.start - 1:core.start] in ("[", "("):
        pos += 1  # "[Ten] years ago": the brackets mark an editor's change; the noun still counts
    if core.kind == "digits" and core.value < 130 and (
            text.startswith(", ", core.end) and _AGE_BEFORE.search(text, max(0, core.start - 40), core.start)
            or text[core.end : core.end + 1] in _CLAUSE_ENDS and _AGE_VERB.search(text, max(0, core.start - 20),
                                                                                 core.start)):
        return "years", core.end  # "Jobs, 56, shepherded", "when he was 15.": an age
    if core.kind == "times" and text.startswith(" of ", pos):
        pos += 3  # "a couple of points"
    elif core.value != 1 and (part := _PARTITIVE.match(text, pos)) is not None:
        pos = part.end()  # "two of the soldiers"
    # The head noun is the first plural in three words ("three newer versions"), past capitalised modifiers ("two
    # former Cold War adversaries") and "most" before an adjective; singular only after "one".
    i = capitals = 0
    capitalised = pos  # where the run of capitalised words before the noun starts
    while i < 3:
        if (m := WORD_AFTER.match(text, pos)) is None:
            break
        if not m[1].islower():
            if is_plural(m[1].lower()) and m[1][1:].islower():  # "two Democrats"; not "two female Dallas police"
                if in_dictionary(m[1]):
                    return m[1], m.end()
                if _DEMONYM.fullmatch(m[1]):
                    return text[capitalised:m.end()].strip(), m.end()  # "500 Sri Lankans"
            capitals += 1
            if capitals > 2:
                break
            pos = m.end()
            continue
        capitalised = m.end()
        if m[1] in ("most", "least") and i == 0:
            pos, i = m.end(), i + 1  # "the 10 most populous states"
            continue
        if m[1].lower() in STOP or m[1].endswith(("'s", "\u2019s")):  # "eight of the nation's 10": no noun
            break
        word, pos = m[1].lower(), m.end()
        i += 1
        if word in _CURRENCIES or word in _UNIT_SUFFIXES or is_plural(word):  # "130 mph"
            return _CURRENCIES.get(word, word), pos
        if not found[0] and (core.value == 1 and not word.endswith(("ed", "ing", "ly")) or i == 1 and (
                word in TIME_SINGULARS)):
            found = (TIME_SINGULARS.get(word, word), pos)
    return found


def _changed_by(text: str, pos: int) -> bool:
    """Whether the number at `pos` is how much something changed ("fell 74.69 points or 1.3% to ..."): a verb of
    change before it in its clause, and no "from" (then "to" ends a range: "rose from 40% to 50")."""
    words = [word.strip(",;").lower() for word in words_before(text, pos)[-6:]]
    return not {"from", "between"} & set(words) and any(word in _CHANGE_VERBS for word in words)


def _link_ranges(text: str, cores: list[Core], mentions: list[NumberMention]) -> list[NumberMention]:
    """Let the two ends of a range ("40 to 50 people", "2000 - 2050") share unit, qualifier, trap and scale."""
    out = list(mentions)
    for i in range(len(cores) - 1):
        a, b, first, second = cores[i], cores[i + 1], out[i], out[i + 1]
        gaps = (text[a.end:b.start], text[first.span.end:b.start])
        if not any(_RANGE_GAP.fullmatch(gap) for gap in gaps) or "and" in gaps[0].lower() and previous_word(
                text, a.start) != "between":
            continue
        dated = ("year", "date")  # "from 1980 to 2012", "20 to 25 December": both ends are dates
        scale = SCALES.get(second.number_text.split()[-1].lower(), 1.0) if " " in second.number_text else 1.0
        if scale > 1 and " " not in first.number_text and first.value < second.value / scale:
            first = replace(first, value=first.value * scale)  # "20-30 million trees": 20 million to 30 million
        out[i] = replace(first, unit=first.unit or second.unit, trap=first.trap or (
            second.trap if second.trap in dated and a.kind == "digits" else None))
        level = first.unit and not second.unit and _changed_by(text, a.start)  # "fell 1.3% to 5620.98"
        out[i + 1] = replace(second, unit=second.unit or ("" if level else first.unit), qualifier=second.qualifier if (
            second.qualifier != "exact") else first.qualifier, trap=second.trap or (
            first.trap if first.trap in dated and b.kind == "digits" else None))
    return out
