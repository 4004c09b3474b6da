"""Which way a stance verb points, and towards what: "rejected X" is against X, "urged Y to X" for X.

Only verbs whose direction is plain are read; the others ("warned", "described") leave it to the model.
"""

from __future__ import annotations

import re

from summarizer._english import gerund
from summarizer.models import StanceLabel

# Stance verbs whose direction towards their object is plain: "maintained a policy of X" is for X, "rejected X"
# against it. Others ("warned", "described") leave the direction to the model.
_FOR = re.compile(r"maintained|supported|supports|backed|backs|welcomed|welcomes|praised|praises|defended|defends|"
                  r"applauded|lauded|endorsed|endorses|hailed|hails")
_AGAINST = re.compile(r"criticised|criticized|criticises|criticizes|condemned|condemns|denied|denies|rejected|"
                      r"rejects|refused|refuses|opposed|opposes|crack(?:ed|s|ing) down on|banned|bans|slammed|slams|"
                      r"blasted|blasts|dismissed|dismisses")
# Verbs that ask for something: "urged/asked/called on Y to X" is for X, "... not to X" against it, "called for X"
# for X. The addressee is a few words, so a "to" further on is not the request's.
_DIRECTIVE = re.compile(r"urged|urges|asked|called")
_REQUEST = re.compile(r"for\s+(?=\w)|(?:on\s+)?(?:[\w.'-]+\s+){1,8}?(not\s+)?to\s+(?=\w)")
# A relative clause whose subject takes the position: "a policy of X which, according to AFP, Y criticised" is
# Y against "a policy of X" (the antecedent, back to the sentence's previous stance verb or its start).
_RELATIVE = re.compile(r"\s*(?:,|--|\u2014|\u2013)?\s+which\s*(?:,[^,]*,\s*)?(?:the\s+)?$")
# A relative clause refers to the nearest noun phrase, and a preposition of time opens a new one ("sanctions after
# the latest penalties -- which X supported": the penalties); others may belong to the noun ("a policy of X, which").
_NEW_PHRASE = re.compile(r".*\b(?:after|before|since|until|during|despite|following)\s+", re.DOTALL)
# Words that open a verb's object but are not part of what it is for or against ("refused to X", "criticised that").
_OBJECT_LEAD = re.compile(r"^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
                          r"yesterday)\s+)?(?:(?:that|to|against|on)\s+)?")  # "criticized Friday the policy"


def direction(verb: str, after: str, antecedent: str = "") -> tuple[StanceLabel | None, str]:
    """For or against the verb's object, and the object ("refused to sign X": against "signing X"; "asked Y not to
    X": against X, as a gerund too); the relative clause's antecedent when the verb has no object after it ("X,
    which Y criticised"). None when the verb does not say which way, or the object is not there ("have both
    criticised")."""
    label: StanceLabel | None = "support" if _FOR.fullmatch(verb) else "oppose" if _AGAINST.fullmatch(verb) else None
    after = " ".join(after.split()).strip(" ,.;:")
    directive = _DIRECTIVE.fullmatch(verb) is not None
    infinitive = after.startswith("to ")  # "refused to sign": against signing
    if directive:
        request = _REQUEST.match(after)
        label = None if request is None else "oppose" if request.group(1) else "support"
        infinitive = request is not None and not request.group(0).startswith("for")  # "urged Y to X", not "for X"
        after = after[request.end():] if request else ""
    target = _OBJECT_LEAD.sub("", after)
    target = gerund(target) if infinitive else target
    if len(target.split()) < 2 and label is not None and not directive:
        target = antecedent
    if label is None or len(target.split()) < 2:
        return None, ""
    return label, target


def antecedent(text: str, verbs: list[re.Match[str]], verb: re.Match[str], subject_at: int) -> str:
    """The noun phrase a relative clause before the subject refers to ("a policy of X" in "... maintained a policy
    of X which, according to AFP, Y criticised"), or "" when the subject does not open a relative clause."""
    relative = _RELATIVE.search(text, 0, subject_at)
    if relative is None:
        return ""
    earlier = [v.end() for v in verbs if v.end() <= relative.start() and v is not verb]
    phrase = text[max(earlier, default=0) : relative.start()]
    return _OBJECT_LEAD.sub("", _NEW_PHRASE.sub("", phrase)).strip(" ,")
