"""What a numeric phrase is worth: the words of numbers, their scales and fractions, the hedges before them,
and `parse_number` ("more than 85", "two million", "half", "$26 million", "10%"). `_numbers` finds the
phrases."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from summarizer.models import Qualifier

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SMALL = dict(zip((*_UNITS, *_TENS), [*range(20), *range(20, 100, 10)]))
SCALES = {"hundred": 100.0, "dozen": 12.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "lakh": 1e5, "crore": 1e7,  # Indian English: "Rs 31,000 crore"
          "decade": 10.0, "decades": 10.0, "century": 100.0, "centuries": 100.0,  # decades count years
          "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}  # glued: "$5m", "2bn"
DENOMS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
          "fourth": 4, "fourths": 4, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(("more than", "over", "exceeded", "exceeding", "exceeds", "exceed", "in excess of",
                     "upwards of", "above", "greater than", "just over", "well over"), "more_than"),
    **dict.fromkeys(("about", "around", "nearly", "almost", "some", "an estimated", "estimated",
                     "approximately", "roughly", "approx.", "close to", "circa"), "approximately"),
    **dict.fromkeys(("less than", "under", "fewer than", "below", "just under", "lower than"), "less_than"),
    **dict.fromkeys(("at least", "no fewer than", "no less than", "a minimum of", "as little as", "as few as"),
                    "at_least"),
    **dict.fromkeys(("up to", "as many as", "as much as", "a maximum of", "no more than"), "up_to"),
}
SCALE_WORDS = "hundred|thousand|million|billion|trillion|lakh|crore"
DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9])"
FEW = "an?|one|two|three|four|five|six|seven|eight|nine|ten"
FRACTIONS = "half|thirds?|quarters?|fifths?"
# Denominators that are also ordinals ("the fourth of July", "a tenth time"): a fraction only after a numerator.
ORDINAL_FRACTIONS = "fourths?|sixths?|eighths?|tenths?"
_QUAL_ALTS = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
# parse_number ignores what surrounds the numeral: "more than", "NZ $", "%".
_DRESSING = re.compile(rf"(?:(?:{_QUAL_ALTS}) )?(?:[a-z]{{0,2}} ?\$|[€£¥₹]|(?:usd|nzd|aud|cad|eur|gbp) )? ?"
                       r"(.*?) ?(?:%|per ?cent|pct|pc)?")
_READ_DIGITS = re.compile(rf"({DIGITS}) ?({'|'.join(sorted(SCALES, key=len, reverse=True))})?( and a half)?")
_READ_SHARE = re.compile(r"(\S+) (?:in|out of) (.+)")
_READ_FRACTION = re.compile(rf"(?:({FEW})[ -])?({FRACTIONS}|{ORDINAL_FRACTIONS})"
                            rf"(?: an? ({SCALE_WORDS}|dozen|decade|century))?")


def parse_number(text: str) -> float | None:
    """Value of a numeric phrase ("more than 85", "two million", "half", "$26 million", "10%"), else None."""
    if text.isascii() and text.isdigit():
        return float(text)
    s = (m := _DRESSING.fullmatch(" ".join(text.split()).strip("[]()\"'“”‘’ ").lower())) and m[1] or ""
    if (m := _READ_SHARE.fullmatch(s)) is not None:  # "one in three"
        part, whole = _read_simple(m[1]), _read_simple(m[2])
        return round(100 * part / whole, 1) if part and whole and part < whole else None
    if (m := _READ_FRACTION.fullmatch(s)) is not None and (m[1] or m[2] == "half"):  # "half a million"
        share: float = SMALL.get(m[1] or "one", 1) / DENOMS[m[2]]
        return share * SCALES[m[3]] if m[3] else round(100 * share, 1)
    value = _read_simple(s)
    return value if value is not None else {"twice": 2, "thrice": 3, "a couple": 2, "a pair": 2}.get(s)


def _read_simple(s: str) -> float | None:
    """Digits ("1,500", "2.5 million", "5m") or number words ("two hundred and six", "five and a half")."""
    if (m := _READ_DIGITS.fullmatch(s)) is not None:
        digits, scale = m[1].replace(",", ""), SCALES.get(m[2] or "", 1.0)
        value = float(Decimal(digits) * Decimal(scale)) if scale != 1.0 else float(digits)  # 4.1 million: 4100000
        return value + (0.5 if m[3] else 0.0)
    tokens = s.removesuffix(" and a half").replace("-", " ").split()
    value, used = read_word_tokens(tokens)
    return value + (0.5 if s.endswith(" and a half") else 0.0) if used and used == len(tokens) else None


def read_word_tokens(tokens: list[str]) -> tuple[float, int]:
    """Value and length of the longest prefix of `tokens` that is one well-formed number."""
    total = group = 0.0
    last, smallest_scale, best = "", math.inf, (0.0, 0)
    for i, token in enumerate(tokens):
        small, scale = SMALL.get(token), SCALES.get(token) if len(token) > 2 else None  # not "m" of "$5m"
        if token in ("a", "an") and i == 0:
            group, last = 1.0, "a"
        elif token == "and" and last in ("hundred", "scale"):
            last = "and"
        elif small is not None and not (small == 0 and i) and (
                last in ("", "hundred", "scale", "and") and (small < 20 or group % 100 == 0)
                or last == "tens" and 0 < small < 10):
            group, last = group + small, "tens" if small >= 20 else "unit"
        elif token == "hundred" and last in ("", "unit", "a") and group < 100:
            group, last = (group or 1.0) * 100, "hundred"
        elif scale and token != "hundred" and last != "and" and scale < smallest_scale and (group or last):
            total, group, last, smallest_scale = total + (group or 1.0) * scale, 0.0, "scale", scale
        else:
            break
        if last not in ("a", "and"):
            best = (total + group, i + 1)
    return best


