"""Which way a stance verb points, and towards what: "rejected X" is against X, "urged Y to X" for X.

Only verbs whose direction is plain are read; the others ("warned", "described") leave it to the model.
"""

from __future__ import annotations

import re

from summarizer._calendar import WEEKDAYS
from summarizer._english import gerund
from summarizer.models import StanceLabel

# Stance verbs whose direction towards their object is plain: "maintained a policy of X" is for X, "rejected X"
# against it. Others ("warned", "described") leave the direction to the model.
_FOR = re.compile(r"maintained|supported|supports|backed|backs|welcomed|welcomes|praised|praises|defended|defends|"
                  r"applauded|lauded|endorsed|endorses|hailed|hails")
_AGAINST = re.compile(r"criticised|criticized|criticises|criticizes|condemned|condemns|denied|denies|rejected|"
                      r"rejects|refused|refuses|opposed|opposes|crack(?:ed|s|ing) down on|banned|bans|slammed|slams|"
                      r"blasted|blasts|dismissed|dismisses|accused|accuses|blamed|blames")
# "accused Y of X", "blamed Y for X": against X, what Y is charged with (against Y when nothing follows).
_CHARGE_VERB = re.compile(r"accused|accuses|blamed|blames")
_CHARGE = re.compile(r"(?:[\w.'\u2019-]+\s+){1,8}?(?:of|for)\s+(?=\w)")
# "slammed the plan as reckless", "rejected the claims as 'lies'": the words after "as" say what the speaker
# calls the object, they are no part of it ("as well as", "such as" go on with it).
_AS_COMPLEMENT = re.compile(r"(?<!\bsuch)(?<!\bwell)(?<!\bmuch)(?<!\bmany)(?<!\bsoon)(?<!\blong)(?<!\bfar)"
                            r"\s+as\s+(?!well\b|much\b|many\b|soon\b|long\b|far\b)")
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
# Refusing to talk about something takes no side on it ("refused to comment on", "declined to discuss").
_NO_COMMENT = re.compile(r"(?:comment|discuss|say|confirm|answer|speculate|elaborate|disclose|reveal|name|identify|"
                         r"give)\b")
# Words that open a verb's object but are not part of what it is for or against ("refused to X", "criticised that").
_OBJECT_LEAD = re.compile(rf"^\s*(?:(?:on\s+)?(?:{'|'.join(WEEKDAYS)}|today|yesterday)\s+)?"
                          r"(?:(?:that|to|against|on)\s+)?")  # "criticized Friday the policy"


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
    elif _CHARGE_VERB.fullmatch(verb):
        if after.startswith(("of ", "for ")):
            return None, ""  # "X (was) accused of Y", "blamed for Y": X is accused, and takes no position
        if charge := _CHARGE.match(after):
            after = after[charge.end():]
            infinitive = after.startswith("to ")
    target = _OBJECT_LEAD.sub("", after)
    if label is not None and not directive and (complement := _AS_COMPLEMENT.search(target)):
        target = target[: complement.start()]
    if infinitive and _NO_COMMENT.match(target):
        return None, ""  # "refused to comment on the deal": no position on it
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


# A quoted speaker's own verb of position, in the first person: "We condemn X" is against X, "I support X" for X,
# "we will not tolerate X" against X. Verbs of consent count only when negated ("we accept X" may only report).
_OWN_FOR = ("support", "welcome", "endorse", "applaud", "praise", "defend", "favour", "favor")
_OWN_CONSENT = ("accept", "tolerate", "allow")
_OWN_AGAINST = ("condemn", "oppose", "reject", "deplore", "denounce", "decry", "criticise", "criticize", "refuse")
_OWN_WAY = {**dict.fromkeys((*_OWN_FOR, "in favour of", "in favor of"), "for"),
            **dict.fromkeys((*_OWN_AGAINST, "opposed to", "against"), "against"), **dict.fromkeys(_OWN_CONSENT, "consent")}
# "We do not support X" is against X; "we do not oppose X" need not be for it.
_AFFIRMED: dict[str, StanceLabel | None] = {"for": "support", "against": "oppose", "consent": None}
_NEGATED: dict[str, StanceLabel | None] = {"for": "oppose", "against": None, "consent": "oppose"}
_OWN_ADVERB = (r"(?:strongly|fully|firmly|totally|completely|also|all|both|certainly|wholeheartedly|unequivocally|"
               r"categorically|utterly|vehemently|resolutely|absolutely|really|truly|still|always|never|not|ever)")
_NOT = r"n[\u2019']t"
_NEGATION = re.compile(rf"\b(?:not|never)\b|{_NOT}|cannot")
_OWN_VERB = re.compile(
    rf"\b(?:I|[Ww]e)\s+(?:(?P<aux>do|does|did|will|shall|must|should|can|would|cannot|(?:do|did|wo|ca|would|sha){_NOT})"
    rf"\s+)?(?P<adverbs>(?:{_OWN_ADVERB}\s+){{0,2}})(?P<verb>{'|'.join(_OWN_FOR + _OWN_CONSENT + _OWN_AGAINST)})\b")
_OWN_SIDE = re.compile(rf"\b(?:I\s+am|I[\u2019']m|[Ww]e\s+are|[Ww]e[\u2019']re)\s+(?P<adverbs>(?:{_OWN_ADVERB}\s+){{0,2}})"
                       rf"(?P<verb>opposed\s+to|against|in\s+favou?r\s+of)\s")
# A clause that only supposes or describes the position, not the speaker's taking it ("if we accept", "what we
# oppose is").
_SUPPOSED = re.compile(r"\b(?:if|unless|whether|what|that|which|who|when|whatever)\s+$", re.IGNORECASE)
# A position conceded before "but" is not the point ("Of course we applaud X, but why target Y?").
_CONCEDED = re.compile(r"[^.;!?]*?,?\s+but\b")
_PERSONAL_PRONOUNS = ("it", "them", "him", "her", "us", "you", "me")  # "we condemn it strongly": no object named
_OWN_CLAUSE_END = re.compile(r"\s*(?:[,;:\u2014\u2013!?]|--|\.(?:\s|$)|\s(?:which|who|but|while|whereas|because|"
                             r"and\s+(?:I|we)\b))")


# A quotation that opens by judging its subject with a noun of condemnation or welcome: "X represents a blatant
# violation of Y" is against X, "X is a step in the right direction" for it. Nouns that only say something is
# good or bad for someone ("a blow to", "a victory for") are no stance.
_JUDGED = re.compile(r"(?P<subject>[A-Z][^,;:!?\u2014\u2013]*?)\s+(?:is|are|was|were|represents|constitutes|"
                     r"amounts\s+to)\s+(?:an?\s+)?(?:(?:[a-z]+ly|blatant|flagrant|clear|serious|grave|gross|"
                     r"terrible|huge|big|major|real|historic|welcome|positive|important)\s+){0,2}"
                     r"(?P<noun>violation|breach|betrayal|disgrace|outrage|travesty|affront|mistake|error|"
                     r"step\s+in\s+the\s+right\s+direction|step\s+forward)\b")
_JUDGED_WAY: dict[str, StanceLabel] = {"step in the right direction": "support", "step forward": "support"}
_PRONOUN_SUBJECTS = ("it", "what", "which", "there", "anything", "everything", "nothing", "something", "he", "she",
                     "they", "we", "i", "you")  # "Anything less is a betrayal", "What they did was a mistake"


def _judged_direction(quote: str) -> tuple[StanceLabel | None, str]:
    """Against the subject a quotation opens with when it calls it a violation, a betrayal or a mistake, for it
    when it calls it a step in the right direction; None otherwise, and for a pronoun subject ("It is a
    disgrace": no object named)."""
    judged = _JUDGED.match(quote.lstrip(" \"\u201c'\u2018"))
    if judged is None:
        return None, ""
    subject = judged.group("subject")
    if len(subject.split()) < 2 or subject.split()[0].lower() in _PRONOUN_SUBJECTS:
        return None, ""
    return _JUDGED_WAY.get(" ".join(judged.group("noun").split()), "oppose"), subject


def quoted_direction(quote: str) -> tuple[StanceLabel | None, str]:
    """For or against what a quotation's own first-person verb takes, and its object ("We strongly condemn this
    attack": against "this attack"), else what its judgement of its subject says (`_judged_direction`). None
    when neither says which way, when the verb's clause is conceded before "but" ("we support X, but ..."), when
    two verbs disagree, or when the object is not there ("we condemn it")."""
    found: list[tuple[StanceLabel, str]] = []
    for match in sorted([*_OWN_VERB.finditer(quote), *_OWN_SIDE.finditer(quote)], key=lambda m: m.start()):
        if _SUPPOSED.search(quote, 0, match.start()) or _CONCEDED.match(quote, match.end()):
            continue
        aux = match.groupdict().get("aux") or ""
        negated = _NEGATION.search(f"{aux} {match.group('adverbs')}") is not None
        label = (_NEGATED if negated else _AFFIRMED)[_OWN_WAY[" ".join(match.group("verb").split())]]
        stop = _OWN_CLAUSE_END.search(quote, match.end())
        after = " ".join(quote[match.end() : stop.start() if stop else len(quote)].split())
        target = _OBJECT_LEAD.sub("", after) if not after.startswith("to ") else gerund(after[3:])
        if label is not None and len(target.split()) >= 2 and target.split()[0] not in _PERSONAL_PRONOUNS:
            found.append((label, target))
    if not found:
        return _judged_direction(quote)
    if any(label != found[0][0] for label, _ in found):
        return None, ""
    return found[0]
