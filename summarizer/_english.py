"""English words that are never a name on their own, and the forms that give a sentence's first word away.

A capitalised word is a name candidate, but the first word of a sentence is capitalised whatever it is. The
closed classes of English (pronouns, determiners, prepositions, conjunctions, discourse adverbs, interjections)
are short, fixed lists, so they are written out here; open-class words are recognised by their form where it
is unambiguous in context ("Unfortunately, ...", "Getting rid of ..."), or looked up in a dictionary
(`in_dictionary`) when the article only ever capitalises a word where it opens a sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

FUNCTION_WORDS = frozenset("""
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
we us our ours ourselves they them their theirs themselves one someone somebody something anyone anybody
anything everyone everybody everything nobody nothing none whoever whatever whichever whenever wherever who
whom whose which what that this these those there here
a an the all both each every either neither some any many much more most few fewer less least several such
another other no
about above across after against along amid among around as at before behind below beneath beside besides
between beyond by despite down during except for from in inside into like near of off on onto out outside over
past per since than through throughout till to toward towards under underneath unlike until up upon via with
within without
and but or nor so yet because although though while whereas if unless whether once when where why how
also again already always almost even ever just never not now only perhaps maybe quite rather really still then thus
too very however moreover furthermore nevertheless nonetheless meanwhile otherwise instead indeed likewise
conversely therefore hence anyway plus overall earlier later previously initially finally eventually recently
currently thereafter afterwards apart together
yes oh ooh yeah yep yup nope okay ok hey please thanks gosh gee oops wow nah alas hmm huh um aha ouch hooray well
would could should must might shall is are was were do does did has have had
""".split())  # noqa: SIM905 (200 words read better as text than as a list literal)

# Verbs that attribute a figure or a claim to whoever is named next to them ("X said", "according to X").
REPORTING_WORDS = ("said|says|say|added|told|tells|stated|states|claimed|claims|noted|notes|estimated|estimates|"
                   "reported|found|showed|shows|concluded|believes|believe|thinks|reiterated|continued|explained|"
                   "wrote|writes|admitted|admits|responded|replied|predicted|predicts|asserted|"
                   "asserts|observed|observes|declared|declares|acknowledged|acknowledges|stressed|recalled|"
                   "emphasized|emphasised|remarked|conceded|concedes|commented|tweeted|tweets|countered|counters|"
                   "cautioned|cautions|hinted|quipped|joked|suggested|suggests|revealed|reveals|testified|testifies|"
                   "recounted|pointed out|points out|adds|explains|disclosed|mentioned|boasted|"
                   "complained|lamented|speculated|vowed|pledged|promised|saying|adding|telling")
# Verbs that also take a position: every statement made with them is a candidate stance.
STANCE_WORDS = ("criticised|criticized|criticises|criticizes|condemned|condemns|urged|urges|asked|denied|denies|"
                "rejected|rejects|refused|refuses|welcomed|welcomes|praised|opposed|opposes|supported|supports|"
                "backed|backs|demanded|demands|argued|argues|insisted|warned|warns|maintained|considered|called|"
                "announced|described|blasted|blasts|dismissed|dismisses|defended|defends|applauded|lauded|praises|"
                "accused|accuses|blamed|blames|denounced|denounces|disputed|disputes|ruled out|rules out|begged|"
                "insists")
# Words that follow a sentence's subject but never an adjective: a finite or modal verb, or an adverb before one
# ("Iran said", "Sullivan also said", "Japan will"; not "Iranian officials"). Not the verbs' "-s" forms, which are
# nouns too ("Republican claims", "European states"), nor the participles that qualify a noun ("Iranian backed").
AFTER_SUBJECT = frozenset({
    *(verb for verb in (*REPORTING_WORDS.split("|"), *STANCE_WORDS.split("|"))
      if not verb.endswith("s") and verb not in ("backed", "found", "continued")),
    "says", "tells", "will", "can", "may", "would", "could", "should", "must", "might", "shall", "is", "are",
    "was", "were", "has", "have", "had", "does", "did", "also", "again", "already", "never", "not", "now",
    "still", "then", "later", "earlier", "recently", "previously",
    # past tenses that are no nouns ("Modi met", "Rossi won", "Iran sent")
    "spoke", "won", "met", "went", "came", "took", "gave", "made", "led", "lost", "sent", "began", "became", "kept",
    "brought", "fell", "wants", "plans", "hopes"})

# A word with an adverb's ending that opens a sentence before a comma or a function word is an adverb
# ("Unfortunately, ...", "Hopefully it ..."); names end in "-ly" otherwise ("Italy", "Kelly", "Connolly").
_ADVERB = re.compile(r"[A-Z][a-z]{2,}(?:ately|fully|enly|ently|antly|tly|ally|ously|ainly|edly|ively|arly)")
# A word ending in "-ing" or "-ed" that opens a sentence before an article, a possessive or a particle is a verb
# ("Getting rid of", "Delaying the project", "Stripped of"); "Beijing on Monday", "Boeing said" are names.
_VERB_FORM = re.compile(r"[A-Z][a-z]+(?:ing|ed)")  # "Using", "Being"; not "King", "Ted"
_VERB_OBJECTS = frozenset({"the", "a", "an", "of", "his", "her", "its", "their", "our", "my", "your", "this", "these",
                           "those", "rid", "up", "out", "down", "off", "by"})  # "(Reporting by ...; Editing by ...)"
# A contraction is no name ("It'll", "We're", "Don't", "There's").
CONTRACTION = re.compile(r"\w+['\u2019](?:ll|re|ve|d|m|t)|(?i:it|there|here|that|what|who|let)['\u2019]s")
_NEXT_WORD = re.compile(r"\s*(,|[A-Za-z]+)")
_ENDINGS = ("ly", "ing", "ed")


def may_be_common_word(word: str) -> bool:
    """A quick test: False when `is_common_word` is False whatever follows `word`."""
    return word.lower() in FUNCTION_WORDS or word.endswith(_ENDINGS) or "'" in word or "\u2019" in word


def is_common_word(word: str, text: str, end: int) -> bool:
    """Whether `word`, which opens a sentence and ends at `end` in `text`, is a common English word rather than
    a name: a function word, a contraction, or an adverb or verb form given away by the word after it."""
    if word.lower() in FUNCTION_WORDS or CONTRACTION.fullmatch(word):
        return True
    following = _NEXT_WORD.match(text, end)
    nxt = following.group(1) if following else ""
    if _ADVERB.fullmatch(word):
        return nxt == "," or nxt.lower() in FUNCTION_WORDS
    return _VERB_FORM.fullmatch(word) is not None and nxt in _VERB_OBJECTS


@functools.cache
def _dictionary() -> set[str]:
    """The words of Webster's Second International (the "web2" list), as written: "apple" and "Israel", so a
    lower-case word found in it is a common word. Loaded (about 0.15 s) the first time a word is looked up."""
    from english_words import get_english_words_set  # type: ignore[import-untyped]  # the package has no types

    words: set[str] = get_english_words_set(["web2"], alpha=True)
    return words


def load_dictionary() -> None:
    """Load the dictionary now: before forking workers, so that they share it instead of each loading it."""
    _dictionary()


def in_dictionary(word: str) -> bool:
    """Whether `word` in lower case, its singular or its verb is a common English word ("Households", "Output",
    "Tell", "Granting", "Stripped"); the dictionary lists each noun and verb once, so a plural is looked up as its
    singular, and a form in "-ing" or "-ed" as its verb."""
    lower = word.lower()  # looked up in lower case: only the dictionary's common words match
    if not lower.isalpha():
        return False
    forms = [lower]
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")  # "Utilities"
    elif lower.endswith("s") and not lower.endswith("ss"):
        forms += (lower[:-1], lower[:-2]) if lower.endswith("es") else (lower[:-1],)  # "Files", "Taxes"
    for ending in ("ing", "ed"):
        stem = lower.removesuffix(ending)
        if stem != lower and len(stem) >= 3:  # not "King", "Ted"
            forms += (stem, stem + "e")  # "Granting", "Making"
            forms += (stem[:-1],) if stem[-1] == stem[-2] else ()  # "Stripped"
    return any(form in _dictionary() for form in forms)


_VOWELS = "aeiou"


def gerund(phrase: str) -> str:
    """A verb phrase in the infinitive as a gerund phrase ("turn away boats" -> "turning away boats"), so that it
    reads as what a party supports or opposes; a phrase not opening with a plain verb is returned as it is."""
    verb, space, rest = phrase.partition(" ")
    if not verb.isalpha() or not verb.islower() or verb.endswith(("ing", "ly")):
        return phrase
    if verb in ("be", "see", "flee", "agree"):
        form = verb + "ing"
    elif verb.endswith("ie"):
        form = verb[:-2] + "ying"  # "lie" -> "lying"
    elif verb.endswith("e") and not verb.endswith(("ee", "oe", "ye")):
        form = verb[:-1] + "ing"  # "close" -> "closing"
    elif (len(verb) <= 4 and sum(c in _VOWELS for c in verb) == 1 and verb[-1] not in _VOWELS + "wxy"
          and verb[-2] in _VOWELS):
        form = verb + verb[-1] + "ing"  # "stop" -> "stopping", "let" -> "letting"
    else:
        form = verb + "ing"
    return form + space + rest


def in_lower_case(article: str, word: str) -> bool:
    """Whether the article writes `word` in lower case as a whole word ("climate" for "Climate"): a common word
    that only starts a sentence, not a name."""
    return next(whole_words(article, word.lower()), None) is not None


def whole_words(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text` as a whole word: no word character, full stop or hyphen before it, no word
    character or hyphen after it. `str.find`, not a pattern: one compiled per word costs more than the search."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _joins(text[at - 1]) or text[at - 1 : at] == ".") and not (end < len(text) and _joins(text[end])):
            yield at
        at = text.find(word, at + 1)


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_-"  # a word character (`\w`) or a hyphen
