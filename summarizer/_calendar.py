"""The calendar's words: days, months, holidays and time zones, which date events and name no party.

`_names` leaves them out of names ("the Security Council on Monday", "since May", "Aug. 4"), and a common word
before a weekday names the day ("Super Tuesday", "Black Friday"), not a party (`without_named_days`).
"""

from __future__ import annotations

import re

from summarizer._english import in_dictionary

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
CALENDAR = frozenset((*WEEKDAYS, *(month.capitalize() for month in MONTHS)))  # the names of days and months
# A holiday, a time zone or a century alone is a time ("just before Christmas", "12.06am (AEST)"); a holiday still
# opens names ("Christmas Island", "Easter Rising").
TIMES = {"christmas", "easter", "thanksgiving", "ramadan", "eid", "hanukkah", "diwali", "passover", "halloween",
         "new year", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "aest", "aedt", "acst",
         "awst", "bst", "cet", "cest", "ist", "jst", "century",  # "the 19th Century"; "20th Century Fox" is a name
         "a.d.", "b.c."}
# An abbreviated month before a day is a date ("Aug. 4", "Jan. 7, 1943"); "Jan Koum" is a name.
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_WEEKDAY_NEXT = re.compile(rf"[ ](?:{'|'.join(WEEKDAYS)})\b")


def without_named_days(article: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The name spans `found` without a common word before a weekday, which names the day ("Super Tuesday", "Black
    Friday"), unless the article names it elsewhere too ("Trump Tuesday said", after "Donald Trump")."""
    days = {(start, end) for start, end in found if article[start].isupper() and " " not in article[start:end]
            and _WEEKDAY_NEXT.match(article, end) and in_dictionary(article[start:end])}
    if not days:
        return found
    others = {article[start:end].rsplit(" ", 1)[-1] for start, end in found - days}
    return {bounds for bounds in found if bounds not in days or article[bounds[0] : bounds[1]] in others}
