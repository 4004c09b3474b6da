"""Credits: the words that name who reported, wrote, edited or photographed a story, not anyone who acts in it.

News writing credits its own staff in set forms: a news agency's line of credits ("(Reporting by Dan Ross in
Westland; Editing by Ana Holt)"), a line saying who contributed ("Ana Holt contributed reporting."), a photograph's
credit ("Dan Ross via Getty Images.", "(AP Photo/Ana Holt)", "Photo: Dan Ross/AFP") and an invitation to follow
the writer ("Follow Dan Ross on Twitter @danross."). A name found only there is no party (`_party_selection`).
"""

from __future__ import annotations

import re

_BY = r"(?:(?:[Aa]dditional[ ]+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]hotos?|[Pp]hotographs?)[ ]+by\b"
_AGENCIES = r"(?:Getty(?:[ ]Images)?|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock|Corbis|Alamy|PA(?:[ ]Images)?)"
_NAME = r"[A-Z][\w.'\u2019-]*(?:[ ][A-Z][\w.'\u2019-]*){0,5}"  # a photographer's name, or an agency's
# Credits in brackets, anywhere: "(Reporting by X; Editing by Y)", "(AP Photo/X)".
_IN_BRACKETS = re.compile(rf"\(\s*{_BY}[^()\n]*\)|\((?:{_AGENCIES}[ ])?Photos?/[^()\n]*\)")
# Credits that are a line of their own, matched at each line's start.
_LINE = re.compile(
    rf"[ \t]*(?:--?|\u2014|\u2013)?[ \t]*{_BY}[^\n]*$"  # "Reporting by X; Editing by Y"
    rf"|[ \t]*(?:(?:{_AGENCIES}[ ])?Photo(?:graph)?s?|Image|Picture|Credit)(?:[ ]*:|[ ]+copyright\b)[^\n]{{0,100}}$"
    rf"|[ \t]*{_NAME}(?:[ ]via[ ]+|[ ]?/[ ]?){_AGENCIES}(?:/{_AGENCIES})*\.?[ \t]*$"  # "X via Getty Images."
    rf"|[ \t]*Getty(?:[ ]Images)?\.?[ \t]*$"
    r"|[ \t]*Follow[ ][^\n]{0,60}?[ ]on[ ]+(?:Twitter|Facebook|Instagram|X)\b[^\n]*$"
    r"|[ \t]*[A-Z][^\n.;]{0,80}?[ ]contributed(?:[ ]+(?:reporting|to[ ]+this[ ]+(?:report|story|article))[^\n.]*)?"
    r"\.?[ \t]*$",  # "X contributed reporting from Y.", "X and Y contributed."
    re.MULTILINE)


def find_credits(article: str) -> list[tuple[int, int]]:
    """Where each credit is: an agency's credits in brackets, a credit line, a photograph's credit."""
    if not any(word in article for word in (" by", "Photo", "Getty", "Follow", "contributed", "Image", "Credit", "/")):
        return []
    found = [match.span() for match in _IN_BRACKETS.finditer(article)] if "(" in article else []
    line_start = 0
    while line_start < len(article):
        line_end = article.find("\n", line_start)
        line_end = len(article) if line_end == -1 else line_end
        if (match := _LINE.match(article, line_start, line_end)) is not None:
            found.append(match.span())
        line_start = line_end + 1
    return sorted(found)
