"""Who is a party and who claims a figure, decided without a model, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import _names, _places
from summarizer._english import REPORTING_WORDS, STANCE_WORDS, gerund
from summarizer._patterns import one_of
from summarizer._pipeline import Prepared, analyse, prepare
from summarizer._spans import sentence_of
from summarizer._speakers import claimant_of, position_takers


def prepared_whole(article: str) -> Prepared:
    """The whole article as one window, as the pipeline prepares it before any model call."""
    analysis = analyse(article)
    return prepare(analysis, range(len(analysis.sentences)))


def parties(article: str) -> list[str]:
    prepared = prepared_whole(article)
    return [p.name for p in prepared.checks.parties]


def claimant(article: str, figure: str) -> str | None:
    prepared = prepared_whole(article)
    analysis = prepared.analysis
    at = article.index(figure)
    index = sentence_of(analysis.sentences, at)
    found = claimant_of(analysis.sentences[index], prepared.named, at, prepared.speakers[index])
    return found.name if found else None


@pytest.mark.parametrize(("article", "party", "expected"), [
    ("Boats were found off the coast of Patani, Lindovia. Lindovia said it would help.", "Patani", False),
    ("The monument stands in the nation's capital, Portville. Officials said so.", "Portville", False),
    ("According to Daily Courier News, the talks failed.", "Daily Courier News", True),
    ("A team from the Northfield Institute of Technology said the lake is warming.",
     "Northfield Institute of Technology", True),
    ("The study by Eastbrook State University of the US was published. Eastbrook said so.",
     "Eastbrook State University", True),
    ("Security was tight. The minister said security matters.", "Security", False),
    ("The Prime Minister said nothing.", "Prime Minister", False),
    ("The Minister of State said nothing.", "State", False),
    ("He has one vote like every other Valdorian.", "Valdorian", False),
    ('On its website, "The Old Browser Countdown", Macrosoft says users should move on.', "Countdown", False),
    ("Pages are written in HTML 5 and HTML 4.", "HTML", False),
    ("Mr Osei called Norway's foreign minister on Friday.", "Norway's foreign minister", True),
    ("Voters were told of the Marlow-Vetch dialogue.", "Marlow-Vetch", True),
    ("Talks on the Iraqi-Syrian border resumed.", "Iraqi-Syrian", False),
    ("Norvia is mainly Buddhist and poor.", "Buddhist", False),  # "-ist" adjectives too
    ("Marxist rebels attacked the town.", "Marxist", False),
    ("South Vestrian leaders met.", "South Vestrian", False),
    ("He met four Vestrians and a Greek monk.", "Greek", False),  # nationality words of other shapes
    ("The Dutch bank paid.", "Dutch", False),
    ('The screen saver, "Make Love, Not Spam," is free.', "Make Love", False),  # a title with a comma
    ('He went by the name "Dan Ross," police said.', "Dan Ross", True),  # a name is no title
    ("Oops, Vestria lost.", "Oops", False),
    ("Vestria said poll workers left.", "poll", False),  # a noun that modifies another takes no poll
    ("WHO officials said so.", "WHO", True),  # an acronym before a lower-case word, not a shouted "who"
    ("The Kenyan won the race.", "Kenyan", False),  # one person of a nation
    ("The Chinese are offering loans.", "Chinese", True),  # a people
    ("OR email us.\nVestria said so.", "OR", False),
    # Before a verb, a word shaped like a nationality is the subject: a country or a surname.
    ("Norvan officials met. Later Norvan said no.", "Norvan", True),
    ("Vestrian officials met. The Vestrian claims were denied.", "Vestrian", False),
    ("A Norvia-based firm and a NASA-led team met.", "Norvia-based", False),  # compounds that describe
    ("A Norvia-based firm and a NASA-led team met.", "NASA-led", False),
    ("Smugglers and people-smugglers fled.", "people-smugglers", True),
    ("Rep. Dan Ross (R-Texas) said so.", "R-Texas", False),  # a legislator's party and state
    ("Rep. Dan Ross (R-TX) said so.", "R-TX", False),
    ("Sen. Ana Holt (Tex.) said so.", "Tex", False),  # a state alone in brackets
    ("NO FOUL PLAY SEEN\nVestria said so.", "NO FOUL PLAY SEEN", False),  # a subhead in capitals
    ("NEW BUSINESS\nVestria said so.", "NEW BUSINESS", False),
    ("CNN TV said so.", "CNN TV", True),  # acronyms
    # A state that describes a noun, that follows a town or "the state of", or a dateline's place: where, not who.
    ("Dan Ross won the Iowa caucuses. A South Carolina state trooper shot Tim Holt.", "Iowa", False),
    ("Dan Ross won the Iowa caucuses. A South Carolina state trooper shot Tim Holt.", "South Carolina", False),
    ("The Texas senator spoke. Dan Ross is from the state of Texas.", "Texas", False),
    ("Dan Ross was shot in a store in Beavercreek, Ohio, on Monday.", "Ohio", False),
    ("Texas sued the government. The Texas senator spoke.", "Texas", True),  # a state that acts
    ("NORVIA CITY - Dan Ross is at a crossroads.", "NORVIA CITY", False),
    ("Vestria (CNN)Dan Ross is at a crossroads.", "Vestria", False),
    ("Lena Vestri - And in our world of plenty we sing.", "Lena Vestri", True),  # a line of a song
])
def test_who_is_a_party(article: str, party: str, expected: bool) -> None:
    assert (party in parties(article)) is expected, parties(article)


def test_two_letter_initials_name_only_a_two_word_party() -> None:
    article = ("The University of Sheffield led the study. The United States funded it. "
               "The US said it was pleased.")
    candidates = prepared_whole(article).candidates
    by_name = {c.name: c.aliases for c in candidates}
    assert "US" in by_name["United States"]
    assert "US" not in by_name["University of Sheffield"]


def aliases(article: str) -> dict[str, list[str]]:
    prepared = prepared_whole(article)
    return {p.name: p.aliases for p in prepared.checks.parties}


def test_a_surname_after_an_honorific_is_the_person_however_short() -> None:
    article = "Prime Minister Tomas Ek said the flag should change. Mr Ek spoke in Oslo. Ek later left."
    assert aliases(article) == {"Tomas Ek": ["Prime Minister Tomas Ek", "Prime Minister", "Ek"]}
    # Without the honorific a two-letter word is not taken for the surname.
    assert "Ek" in aliases("Prime Minister Tomas Ek said the flag should change. Ek later left.")


@pytest.mark.parametrize(("article", "person", "title"), [
    ("Lena Holt, the Foreign Secretary, called Norland.", "Lena Holt", "Foreign Secretary"),
    ("Norland met Dan Ross, the Westland Government Spokesperson.", "Dan Ross", "Westland Government Spokesperson"),
    ("Dan Ross, Secretary of Trade, said so.", "Dan Ross", "Secretary of Trade"),
])
def test_a_title_set_off_after_a_name_is_that_person(article: str, person: str, title: str) -> None:
    found = aliases(article)
    assert title in found[person]
    assert title not in found


@pytest.mark.parametrize(("article", "party"), [
    ("Lena Holt, the Northfield Institute, and Westland signed.", "Northfield Institute"),  # no title: a list
    ("Westland, the Foreign Secretary, would help.", "Foreign Secretary"),  # Westland is no person
    ("Lena Holt, the Foreign Secretary and Dan Ross met.", "Foreign Secretary"),  # not set off: a list
])
def test_a_name_after_a_comma_is_not_always_a_title(article: str, party: str) -> None:
    assert party in aliases(article)


@pytest.mark.parametrize(("article", "expected"), [
    ("Unfortunately, Westland lost the vote.", ["Westland"]),
    ("Besides the fee, Westland lost. Hopefully it will win.", ["Westland"]),
    ("Getting rid of the fee, Westland said, was hard. Stripped of its fee, the plan failed.", ["Westland"]),
    ("Norvia said so. Reporting by Dan Ross, the paper found more.", ["Norvia", "Dan Ross"]),
    ("Sixty-six percent of Valdorians agreed with Westland.", ["Valdorians", "Westland"]),
    ("To Nadia Perez, the plan failed. It\u2019ll pass, Norland said. Is Westland ready?",
     ["Nadia Perez", "Norland", "Westland"]),
    # A dictionary word capitalised only where it opens a sentence: nouns, adjectives, imperatives.
    ("Norlandia said so. Households need to save. Output increased. Monetary policy failed.", ["Norlandia"]),
    ("Norlandia said so. Tell me more. (See the pictures.) Back then, it won.", ["Norlandia"]),
    ("Norlandia said so. All too often, I\u2019ve seen it fail.", ["Norlandia"]),
    # A verb's "-ing" or "-ed" form, looked up as its verb: the dictionary has "grant" and "strip", not these.
    ("\u201cGranting humanitarian visas would help,\u201d Norlandia said. Stripped assets rose.", ["Norlandia"]),
    # ... unless it names people who act, or the word is not a common word, or it is written in capitals.
    ("Legislators said the plan failed.", ["Legislators"]),
    ("Norlandia started small. CARE said so.", ["Norlandia", "CARE"]),
    # Names that look like those words stay names.
    ("Connolly, a local farmer, said the plan failed.", ["Connolly"]),
    ("Italy, the host, said so. Beijing on Monday agreed.", ["Italy", "Beijing"]),
    ("Turkey said so. Chad agreed.", ["Turkey", "Chad"]),  # countries named by a common word
    ("Westland said so. Having said that, Norlandia won.", ["Westland", "Norlandia"]),  # who says something
    ("Celebrities Nadia Perez and Dan Ross said so.", ["Nadia Perez", "Dan Ross"]),  # a plural noun before a name
    ("\u201cMaybe Dan Ross will win,\u201d Norlandia said.", ["Dan Ross", "Norlandia"]),
    ("Using the fee, Norlandia won. \u201cI\u2019m O.K. with it,\u201d Dan Ross said.", ["Norlandia", "Dan Ross"]),
    # A word opening a quotation opens a sentence, also after a straight single quotation mark.
    ("Dan Ross said they cried, 'Oh, Norvia will win.'", ["Dan Ross", "Norvia"]),
    ("Critics of Output called it a monopoly. Output said so.", ["Output"]),
    # A month after a given name is a surname; before a day or after a preposition it is a date.
    ("Tarvel May said so on Monday May 5. Since May, Norvia has grown.", ["Tarvel May", "Norvia"]),
    # An abbreviated month before a day is a date; a first name spelled the same is not.
    ("Norlandia said so at an Aug. 4 briefing, on Jan. 7, 1943. Jan Holt agreed.", ["Norlandia", "Jan Holt"]),
])
def test_a_common_word_opening_a_sentence_is_no_party(article: str, expected: list[str]) -> None:
    assert parties(article) == expected


@pytest.mark.parametrize("credits", [
    "(Reporting by Dan Ross in Westland; Writing by Ana Holt; Editing by Tim Vale and Lena Vestri.)",
    "Additional reporting by Dan Ross, Ana Holt and Tim Vale; editing by Lena Vestri.",
    "Dan Ross, Ana Holt, Tim Vale and Lena Vestri contributed reporting from Westland.",
    "Dan Ross via Getty Images.\nAna Holt/AFP/Getty Images.\n(AP Photo/Tim Vale)\nPhoto: Lena Vestri/Reuters",
    "Follow Dan Ross, Ana Holt, Tim Vale and Lena Vestri on Twitter @westnews.",
])
def test_the_storys_credits_name_no_party(credits: str) -> None:
    article = f"Norvia said the plan failed. Vestria agreed.\n{credits}"
    assert parties(article) == ["Norvia", "Vestria"]
    assert "Dan Ross" in parties(f"Dan Ross called it a failure.\n{credits}")  # a party named in the story too


def test_a_common_word_before_a_weekday_names_the_day() -> None:
    assert parties("Norvia won Super Tuesday, and Vestria lost Black Friday.") == ["Norvia", "Vestria"]
    assert parties("Dan Ross won. Ross Tuesday said he would stay.") == ["Dan Ross"]  # a name given elsewhere too


def test_events_prizes_and_laws_are_no_parties() -> None:
    article = ("Dan Ross won the Norvia Open and the Vestria Cup. The Vestria Awards and the Norvia Film Festival "
               "followed. The Westland Act and the Data Bill passed. Norvia Games said sales rose. The Second "
               "Amendment and the Constitution say so.")
    assert parties(article) == ["Dan Ross", "Norvia Games"]  # "Games" may be a company's


@pytest.mark.parametrize(("article", "expected"), [
    # Every item of a list after a preposition that only places it, and a name after "In" opening a sentence.
    ("Norvia Labs tested it in Italy, Canada, Brazil and Japan. In London, Norvia Labs said so.", ["Norvia Labs"]),
    # A month is no item, and a name of a person's form after "In" is no place.
    ("In November, Westland Bank, which lends, fell. In Dan Ross and Ian Lee, Vestria have a pair.",
     ["Westland Bank", "Dan Ross", "Ian Lee", "Vestria"]),
])
def test_places_in_a_list_or_opening_a_sentence_are_no_party(article: str, expected: list[str]) -> None:
    assert parties(article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    # Initialisms that are common nouns.
    ("Norlandia said people watch TV on PCs and DVDs while GDP grew.", ["Norlandia"]),
    ("Norlandia said HIV and Aids cases fell.", ["Norlandia"]),
    ("The PCS union said the strike would go ahead.", ["PCS"]),  # a union, in capitals
    # A capitalised word after an English prefix and a hyphen is part of an adjective or a common noun.
    ("Norlandia said the posters were anti-Semitic and the pro-Kremlin party lost in mid-March.", ["Norlandia"]),
    ("Norlandia said al-Qaeda had claimed the attack.", ["Norlandia", "al-Qaeda"]),  # an Arabic article joins it
    ("Norlandia said 19th Century paintings and 20th Century Fox films sold.", ["Norlandia", "Century Fox"]),
    ("Norlandia said ISPs sold PVRs and 2 Mbps lines.", ["Norlandia"]),
    ("Norlandia said the car makes 150 kW and 300 Nm. I'm OK, it said.", ["Norlandia"]),  # units, "OK"
    # A handle, a hashtag and a web address's path are no names; a slash between two names is no address.
    ("Norlandia thanked @DanRoss for #VoteWestland. https://t.co/XPxUJuyIAC pic.twitter.com/Norvia",
     ["Norlandia"]),
    ("A study by Westland/Norvia Labs said so.", ["Westland", "Norvia Labs"]),
    # A contraction, an interjection or "Well I" opening a sentence is no name, nor part of one.
    ("Yup. Well I never. Frankly I agree. Don\u2019t Norlandians agree?", ["Norlandians"]),
    # A quotation opening inside a sentence opens a sentence of its own.
    ("Nadia Perez said, \u201cTell them to wait.\u201d She added, \u2018Why now?\u2019", ["Nadia Perez"]),
    # A unit written against its number ("6GB"); the same letters alone may be a name ("GB won gold").
    ("Norlandia said the 6GB model runs at 3 GHz. GB won gold.", ["Norlandia", "GB"]),
    # A faith or compass word before a lower-case noun describes it, as a nationality word does.
    ("Norlandia said Muslim traditions and Western firms grew.", ["Norlandia"]),
    # A number word capitalised inside a sentence is part of a name; opening one, it is a count.
    ("Norlandia said Westland won the Six Nations title. Three Valdorians said so.",
     ["Norlandia", "Westland", "Six Nations", "Valdorians"]),
])
def test_common_nouns_written_in_capitals_are_no_party(article: str, expected: list[str]) -> None:
    assert parties(article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("The Securities and Exchange Commission said Norvia broke the rules.",
     ["Securities and Exchange Commission", "Norvia"]),
    ("The Health and Safety Executive said so.", ["Health and Safety Executive"]),
    # A body's head, "of" or "for", and common words on both sides of "and": one name.
    ("The Department of Trade and Industry said so.", ["Department of Trade and Industry"]),
    ("The Norvia Office of Health and Human Services said so.", ["Norvia Office of Health and Human Services"]),
    # Names joined by "and" or "in" that the acronym after them spells are one (one initial may be left out).
    ("The Organisation for Economic Co-operation and Development (OECD) said so.",
     ["Organisation for Economic Co-operation and Development"]),
    ("The Norvia Office for Security and Cooperation in Vestria (NOSCV) met.",
     ["Norvia Office for Security and Cooperation in Vestria"]),
    ("The Centers for Vestrian Control and Prevention (CVC) said so.", ["Centers for Vestrian Control and Prevention"]),
    ("Both Vestria and Norvia Motors (NM) agreed.", ["Vestria", "Norvia Motors"]),
    # ... unless the words after "and" name a body of their own, or are no common words.
    ("The Department of Health and State University said so.", ["Department of Health", "State University"]),
    ("The University of Vestria and Dan Ross said so.", ["University of Vestria", "Dan Ross"]),
    ("The Bank of Norvia and Treasury officials met.", ["Bank of Norvia", "Treasury"]),
    # Two parties: the first is named alone too, or is the end of another name, or is no common word.
    ("Norvia said Harbor and Eastern Bank fell, and Harbor said so.", ["Norvia", "Harbor", "Eastern Bank"]),
    ("The Norvia Institute of Technology and Westland State University said so.",
     ["Norvia Institute of Technology", "Westland State University"]),
    ("Norvia and Eastern Bank said so.", ["Norvia", "Eastern Bank"]),
])
def test_a_common_word_and_and_open_a_bodys_name(article: str, expected: list[str]) -> None:
    assert parties(article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("President Ortega spoke on Monday. Ortega left.", {"Ortega": ["President Ortega", "President"]}),
    ("Thomas M. Hoenig said so. Hoenig left.", {"Thomas M. Hoenig": ["Hoenig"]}),
    ("Coach Dan Ross said so. Ross left.", {"Dan Ross": ["Coach Dan Ross", "Coach", "Ross"]}),
    # An occupation written before a name as a title ("Actress Nicole Kidman") is one too.
    ("Guitarist Dan Ross said so. Ross left.", {"Dan Ross": ["Guitarist Dan Ross", "Guitarist", "Ross"]}),
    ("Sir Dan Ross said so. Later Lord Ross spoke.", {"Dan Ross": ["Sir Dan Ross", "Lord Ross"]}),
    # A title that is a common surname, after a given name, is the surname ("Prime Minister John Major").
    ("Prime Minister Dan King spoke. King left.", {"Dan King": ["Prime Minister Dan King", "Prime Minister", "King"]}),
    ("Sen. Nadia Bishop said so.", {"Nadia Bishop": ["Sen. Nadia Bishop"]}),
    # A rank many hold: two lieutenant colonels are two people, and "Colonel" names neither.
    ("Lt. Col. Dan Ross led the raid. Colonel Ross spoke. Lt. Col. Ana Holt left.",
     {"Dan Ross": ["Lt. Col. Dan Ross", "Colonel Ross"], "Ana Holt": ["Lt. Col. Ana Holt"]}),
    ("Lt Dan Ross for Vestria News said so.", {"Dan Ross": ["Lt Dan Ross"], "Vestria News": []}),
    # The state a legislator stands for is no party.
    ("Sen. Dan Ross of Nevada won. Ross said so.", {"Dan Ross": ["Sen. Dan Ross", "Ross"]}),
    ("Democratic Sen. Lena Holt said so.", {"Lena Holt": ["Democratic Sen. Lena Holt"]}),
    ("Rep. Dan Ross of Vermont said so.", {"Dan Ross": ["Rep. Dan Ross"]}),
    ("Father Roy Vestri said so. Fr. Dan Ross agreed.",
     {"Roy Vestri": ["Father Roy Vestri"], "Dan Ross": ["Fr. Dan Ross"]}),
    ("Junior Achievement of Vermont said so.", {"Junior Achievement of Vermont": []}),  # no legislator
    # An office after the title ("of State", "of Foreign Affairs") belongs to the title.
    ("Vestria Secretary of State Dan Ross said so. Ross left.",
     {"Dan Ross": ["Vestria Secretary of State Dan Ross", "Vestria Secretary of State", "Ross"]}),
    ("Minister of Foreign Affairs Tarvel Norvan said so.",
     {"Tarvel Norvan": ["Minister of Foreign Affairs Tarvel Norvan", "Minister of Foreign Affairs"]}),
    ("Secretary of Defense Mark Ross said so.", {"Mark Ross": ["Secretary of Defense Mark Ross",
                                                              "Secretary of Defense"]}),
    ("Secretary of State Ross said so.", {"Ross": ["Secretary of State Ross", "Secretary of State"]}),
    # A nationality before a person's name describes them, and names no one itself.
    ("Norwegian Tarvel E. Vestri won. Vestri spoke.", {"Tarvel E. Vestri": ["Norwegian Tarvel E. Vestri", "Vestri"]}),
    ("Kenyan Eliud Vestrigo won.", {"Eliud Vestrigo": ["Kenyan Eliud Vestrigo"]}),
    ("The British Red Cross said so.", {"British Red Cross": []}),  # an organisation's name
    ("Brian Patrick Vestri said so.", {"Brian Patrick Vestri": []}),  # "-an" also ends given names
    # So does a political party, as British and American writing put it.
    ("Liberal Democrat Tarvel Vestri said so.", {"Tarvel Vestri": ["Liberal Democrat Tarvel Vestri"]}),
    ("Republican Dan Vestrigo won.", {"Dan Vestrigo": ["Republican Dan Vestrigo"]}),
    ("The group, including Tories Ken Vestri and Ana Holt, met.", {"Ken Vestri": ["Tories Ken Vestri"],
                                                                   "Ana Holt": []}),
    ("The Labour Party said so.", {"Labour Party": []}),
    # A party's other names are the same party: plural, "Party", nickname, short form and acronym.
    ("The Tories said so. The Conservative Party agreed.", {"Conservative Party": ["Tories"]}),
    ("Lib Dems said so. The Liberal Democrats agreed.", {"Lib Dems": ["Liberal Democrats"]}),
    ("The UK Independence Party said so. UKIP agreed.", {"UK Independence Party": ["UKIP"]}),
    ("The Democrats said so. The Republicans agreed.", {"Democrats": [], "Republicans": []}),
    ("The Green Party said so. Tarvel Green agreed.", {"Green Party": [], "Tarvel Green": []}),  # also a surname
    # After an honorific, the first word of a person's name is theirs: a family name written first.
    ("Vestri Seung spoke. Mr Vestri said growth would return.", {"Vestri Seung": ["Vestri"]}),
    ("Tim Vestrick spoke. Tim said so.", {"Tim Vestrick": ["Tim"]}),  # without one, a given name alone
    ("Tim Vestrick met Tim Holt. Tim said so.", {"Tim Vestrick": [], "Tim Holt": [], "Tim": []}),  # whose?
    # Letters after a person's name are no part of it; after a place, "MEP" is a role.
    ("Tom Vestrick MSP said so. Guy Vestrigo QC agreed.", {"Tom Vestrick": [], "Guy Vestrigo": []}),
    ("The East Midlands MEP said so.", {"East Midlands MEP": []}),
    # "MP" is a title many hold: two Labour MPs are two people, and "Labour MP" names neither.
    ("Labour MP Dan Ross said so. Labour MP Ana Holt agreed.",
     {"Dan Ross": ["Labour MP Dan Ross"], "Ana Holt": ["Labour MP Ana Holt"]}),
    ("Tim Rossi spoke. Rossi won.", {"Tim Rossi": ["Rossi"]}),  # "-i" before a past tense: a surname
    # Office titles of business, law and government: "Advisor", "Chair", "Prosecutor", "Officer", "Counsel"...
    ("White House Political Advisor Dan Ross said so.",
     {"Dan Ross": ["White House Political Advisor Dan Ross", "White House Political Advisor"]}),
    ("Vestria County Prosecutor Ana Holt said so.",
     {"Ana Holt": ["Vestria County Prosecutor Ana Holt", "Vestria County Prosecutor"]}),
    ("Chief Financial Officer Tim Vestri said so.",
     {"Tim Vestri": ["Chief Financial Officer Tim Vestri", "Chief Financial Officer"]}),
    ("Nadia Perez said so. Perez' plan failed.", {"Nadia Perez": ["Perez"]}),
    ("General Motors said so.", {"General Motors": []}),
    # An abbreviated rank, however many, ends no sentence and names no one alone.
    ("Maj. Gen. Dan Ross said so. Adm. Ana Holt left. Rev. Tim Vestri prayed.",
     {"Dan Ross": ["Maj. Gen. Dan Ross"], "Ana Holt": ["Adm. Ana Holt"], "Tim Vestri": ["Rev. Tim Vestri"]}),
])
def test_a_title_before_a_surname_or_a_name_with_initials_is_one_person(article: str,
                                                                        expected: dict[str, list[str]]) -> None:
    assert aliases(article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("Tim Holt said so. Holt left. Later Tim smiled.", {"Tim Holt": ["Holt", "Tim"]}),
    # Two people of one family: the surname alone names the first, and the second stays a person of their own.
    ("Rep. Tom Vestri spoke. Vestri's son, Sen. Dan Vestri, left.",
     {"Tom Vestri": ["Rep. Tom Vestri", "Vestri"], "Dan Vestri": ["Sen. Dan Vestri"]}),
    ("Norvia Explorer said so. Norvia agreed.", {"Norvia Explorer": [], "Norvia": []}),  # no person: no first name
    # A given name alone after the full name, though nothing else says it is a person's ("Serena", "Walter").
    ("Nadia Perez won the final. Nadia said she was tired.", {"Nadia Perez": ["Nadia"]}),
    ("Georgia Vestri spoke. Later Georgia agreed.", {"Georgia Vestri": [], "Georgia": []}),  # also a country
    ("Vestria PlayBox sold well. Vestria agreed.", {"Vestria PlayBox": [], "Vestria": []}),  # a product's name
    ("Macrosoft Inc said so. Macrosoft agreed.", {"Macrosoft Inc": ["Macrosoft"]}),
    ("The U.S. Supreme Court ruled. Later the Supreme Court said more.", {"U.S. Supreme Court": ["Supreme Court"]}),
    # A name in capitals (a dateline's) takes the form written in the text.
    ("PORTVILLE (AP) \u2014 Westland said so. Portville has accused Norvia of lying.",
     {"Portville": ["PORTVILLE"], "AP": [], "Westland": [], "Norvia": []}),
    # A short surname alone is the person; a person's two initials are no acronym of theirs.
    ("Ana Vos said no. Later Vos said Norvia was wrong.", {"Ana Vos": ["Vos"], "Norvia": []}),
    ("PORTVILLE (AP) \u2014 Norvia said so. Ana Pell agreed.", {"AP": [], "Norvia": [], "Ana Pell": []}),
    ("The United Nations said so. The UN agreed. The US Navy sailed.", {"United Nations": ["UN"], "US Navy": []}),
    # Initials with full stops are a name ("U.N."), unless they date a year ("1100 A.D.").
    ("The U.N. said so. U.N. officials left. The United Nations agreed.", {"United Nations": ["U.N."]}),
    ("The fort was built in 1100 A.D., Norvia said.", {"Norvia": []}),
    ("The shares of eBay rose. Vestria bought an iPad and an iPhone.", {"eBay": [], "Vestria": []}),
    ("Hispanic workers left. Vestria agreed.", {"Vestria": []}),
    ("Vestria paid Rs 400 and NZ$ 300.", {"Vestria": []}),  # currencies
    # A short form in brackets right after a name is another name for it, if its capitals are the name's.
    ("The Vestria-Norvia Economic Council (VNEC) met. VNEC said so.", {"Vestria-Norvia Economic Council": ["VNEC"]}),
    ("The Sistema Economico Vestriano (SEV) met.", {"Sistema Economico Vestriano": ["SEV"]}),
    ("Dan Ross (Reuters) said so.", {"Dan Ross": [], "Reuters": []}),
    # "&" joins a name; "to" and "on" join one after the head noun of a body's name, not before a date.
    ("Vestri & Holt said so.", {"Vestri & Holt": []}),
    # A compound describing the name after it, or a noun for a part of a body before "of", is no part of it.
    ("Seattle-based Westland Motors said so. The St. Vestra-based Norvia Bancorp Inc agreed.",
     {"Westland Motors": [], "Norvia Bancorp Inc": []}),
    ("Shares of Westland Motors rose. Representatives of the Norvia Bank said so.",
     {"Westland Motors": [], "Norvia Bank": []}),
    ("The Blu-ray Vestria Association said so. Friends of the Earth agreed.",
     {"Blu-ray Vestria Association": [], "Friends of the Earth": []}),
    ("The al-Norvia Society said so. Dan Kar-Wai agreed.", {"al-Norvia Society": [], "Dan Kar-Wai": []}),
    ("The Committee to Protect Vestrians said so.", {"Committee to Protect Vestrians": []}),
    ("The Council on Vestrian Relations met. The Norvia Council on Monday voted.",
     {"Council on Vestrian Relations": [], "Norvia Council": []}),
    ("VESTRIA CITY (Reuters) - Norvia said so.", {"Reuters": [], "Norvia": []}),  # a dateline
    ("Just before Christmas, Vestria agreed. After Thanksgiving it left. The New Year deadline passed.",
     {"Vestria": []}),  # holidays are times
    ("The train overturned at 12.06am (AEST, 1.06am AEDT), Vestria Rail said.", {"Vestria Rail": []}),  # time zones
    ("Vestria said so.\nADVERTISEMENT\nUNICEF agreed.", {"Vestria": [], "UNICEF": []}),  # a shouted common word
    # A plural title before the first of two names is a title, not a party ("Sens. Rand Paul and Ted Cruz").
    ("Sens. Ana Pell (R-Ky.) and Dan Ortell spoke.", {"Ana Pell": ["Sens. Ana Pell"], "Dan Ortell": []}),
    # "Former" opening a sentence is no part of the name after it, and a state it describes is no party.
    ("Former GOP hopeful Dan Ross spoke. Former Ohio governor Ana Holt agreed.",
     {"GOP": [], "Dan Ross": [], "Ana Holt": []}),
    # A party word before a member's name is not the member's name: the party stays a party of its own.
    ("Republican Dan Tarrel spoke. The county swings Republican, and Republicans cheered.",
     {"Dan Tarrel": ["Republican Dan Tarrel"], "Republican": ["Republicans"]}),
])
def test_names_that_are_one_party_and_words_that_are_none(article: str, expected: dict[str, list[str]]) -> None:
    assert aliases(article) == expected


def test_two_people_with_the_same_title_are_two_parties() -> None:
    assert aliases("President Ortega met President Lindqvist.") == {
        "Ortega": ["President Ortega", "President"], "Lindqvist": ["President Lindqvist", "President"]}
    # A qualified title many hold at once: two senators, though "GOP Sen" is two words.
    assert list(aliases("GOP Sen. Dan Ross said so. Later GOP Sen. Lena Holt agreed.")) == ["Dan Ross", "Lena Holt"]
    # One office: the title alone is its holder, one party.
    assert len(aliases("US Defense Secretary Dan Ross spoke. The US Defense Secretary left.")) == 1


@pytest.mark.parametrize(("article", "kind"), [
    ("President Ortega spoke. Ortega left.", "person"),
    ("Mayor Dan Strickland spoke. Strickland left.", "person"),
    ("Dan Strickland spoke. Strickland left.", "person"),  # not a country for its "-land"
    ("Nadia Major spoke.", "person"),  # a title that is a surname
    ("The Tea Party said so.", "organization"),
    # A short form in brackets made of the name's capitals: an organisation's, unless the name has initials.
    ("The Vestria-Norvia Economic Cooperation (VNEC) met.", "organization"),
    ("Dan F. Ross (DFR) spoke.", "person"),
])
def test_kind_from_the_names_a_party_is_given(article: str, kind: str) -> None:
    prepared = prepared_whole(article)
    [party] = prepared.checks.parties
    assert party.kind == kind


def test_a_known_person_of_an_organisation_is_two_parties() -> None:
    """"X of Y" is a person and their organisation when the article names X (or X's surname) alone too."""
    assert parties("Dan Ross said so. Later, Dan Ross of Veltrix left. The University of Portville agreed.") == [
        "Dan Ross", "Veltrix", "University of Portville"]
    assert parties("Ross said so. Dan Ross of the Veltrix Fund left.") == ["Dan Ross", "Veltrix Fund"]
    assert parties("Vestria Bank of Norvia said so.") == ["Vestria Bank of Norvia"]


def test_a_person_of_a_named_organisation_is_two_parties() -> None:
    """A person's name before "of" and an organisation's name: the person and where they work, named or not
    alone elsewhere; an organisation's own name before "of" stays whole."""
    article = ('"It was a surprise," said Dana Korvath of Portville University. Tomas Ek of the Vestria Institute for '
               "Optics agreed. The Norvia Bank of Vestria and the United Provinces of Norvia said nothing.")
    kinds = {p.name: p.kind for p in prepared_whole(article).checks.parties}
    assert list(kinds) == ["Dana Korvath", "Portville University", "Tomas Ek", "Vestria Institute for Optics",
                           "Norvia Bank of Vestria", "United Provinces of Norvia"]
    assert kinds["Dana Korvath"] == kinds["Tomas Ek"] == "person"


def test_a_person_of_a_firm_or_from_a_state_is_the_person() -> None:
    """A firm's name has an ampersand ("Smith & Co"); a state after "the" describes what follows it."""
    assert parties('"It helps," said Dan Ross of Vestri Holt & Co. Ana Holt of the Texas avocado group agreed.') == [
        "Dan Ross", "Vestri Holt & Co", "Ana Holt"]
    assert parties("The Gazzetta dello Sport said the deal would cost Norvia more.") == ["Gazzetta dello Sport",
                                                                                         "Norvia"]


def test_a_person_of_a_country_is_the_person() -> None:
    """ "X of France" gives where a person comes from: the person, not a party of its own; a body's name before
    "of" and a country stays whole."""
    assert parties("Dana Korvath of France beat Tomas Ek of Germany. The Bank of England agreed.") == [
        "Dana Korvath", "Tomas Ek", "Bank of England"]


@pytest.mark.parametrize(("article", "expected"), [
    ("Dan O'Vestri said so. O'Vestri left.", {"Dan O'Vestri": ["O'Vestri"]}),  # an apostrophe in a surname
    # A given name hyphenated is a person's; a compound describing something is no name.
    ("North Vestrian leader Kim Jong-vo met Park Ae-in.", {"Kim Jong-vo": [], "Park Ae-in": []}),
    # A nationality before a name the article then gives by its surname alone is no part of it.
    ("Australian Dan Ross took six wickets. Ross was pleased.", {"Dan Ross": ["Australian Dan Ross", "Ross"]}),
    ("The New Vestria-based Dan Ross said so.", {"Dan Ross": []}),
    ("The Sunday Telegraph said so. The Sunday deadline passed.", {"Sunday Telegraph": []}),  # a newspaper
])
def test_the_forms_of_persons_names_and_of_newspapers(article: str, expected: dict[str, list[str]]) -> None:
    assert aliases(article) == expected
    assert {p.kind for p in prepared_whole(article).checks.parties} <= {"person", "source"}


def test_a_plural_group_name_is_no_persons_surname() -> None:
    """"Ulster Unionists" and "Democratic Unionists" are two groups, not one person whom "Unionists" names."""
    assert aliases("The Democratic Unionists said no. Unionists want a vote. The Ulster Unionists agreed.") == {
        "Democratic Unionists": [], "Unionists": [], "Ulster Unionists": []}


@pytest.mark.parametrize(("article", "expected"), [
    ("President Luiz Inacio Lula da Silva spoke. Lula da Silva left.",
     {"Luiz Inacio Lula da Silva": ["President Luiz Inacio Lula da Silva", "President", "Lula da Silva"]}),
    ("President Luiz Inacio Lula da Silva spoke. Later Lula smiled.",
     {"Luiz Inacio Lula da Silva": ["President Luiz Inacio Lula da Silva", "President", "Lula"]}),
    ("Ursula von der Leyen spoke. Von der Leyen left.", {"Ursula von der Leyen": ["Von der Leyen"]}),
    ("Crown Prince Karim bin Vestar spoke. Bin Vestar left.",
     {"Karim bin Vestar": ["Crown Prince Karim bin Vestar", "Crown Prince", "Bin Vestar"]}),
    # The Arabic article joins the name it is written against, and the name without it names the person too.
    ("Syrian President Karim al-Vestar spoke. Vestar left.",
     {"Karim al-Vestar": ["Syrian President Karim al-Vestar", "Syrian President", "Vestar"]}),
    ("Nadia el-Vestari met Tarek al-Norvi.", {"Nadia el-Vestari": [], "Tarek al-Norvi": []}),
    # A shorter name at the end of a longer one, no particle: maybe another person (a father's name).
    ("Nadia Haidar Vestri spoke. Haidar Vestri, her father, left.",
     {"Nadia Haidar Vestri": [], "Haidar Vestri": []}),
])
def test_a_surname_with_particles_is_one_name(article: str, expected: dict[str, list[str]]) -> None:
    """The lower-case particles of a surname ("da", "von der", "bin") join the name, and the surname with its
    particles (or the surname before them) names the person alone."""
    assert aliases(article) == expected
    prepared = prepared_whole(article)
    assert {p.kind for p in prepared.checks.parties} == {"person"}


def test_a_town_and_its_state_are_no_party() -> None:
    """A town before a US state's abbreviation, as news writing gives it, and the abbreviation are a place."""
    assert parties("Relief reached Portville, Ala. on Monday and Eastbrook, Neb., later. Norvia Aid said so.") == [
        "Norvia Aid"]
    assert parties("Portville Mills, a rival, sued Norvia Aid.") == ["Portville Mills", "Norvia Aid"]


def test_the_place_of_a_dateline_is_no_party() -> None:
    assert parties("PORTVILLE, Ala. (AP) -- Westland said the plan failed.") == ["AP", "Westland"]
    assert parties("Portville (Daily Courier) \u2014 Westland said so.") == ["Daily Courier", "Westland"]
    assert parties("NEW PORTVILLE--Westland Communications said so.") == ["Westland Communications"]
    # with the date after the place; the word after the dash opens the sentence
    assert parties("PORTVILLE, Dec. 8 (UPI) \u2014 Westland said so.") == ["UPI", "Westland"]
    assert parties("PORTVILLE, Ala., Jan. 8, 2016 (UPI) -- Westland said so.") == ["UPI", "Westland"]
    assert parties("PORTVILLE (AP) \u2014 Wealthy donors said Westland failed.") == ["AP", "Westland"]
    assert parties("PORTVILLE (Reuters) - Representatives of Westland said so.") == ["Reuters", "Westland"]
    assert parties("PORTVILLE (Reuters) - Refusing to wait, Westland sued.") == ["Reuters", "Westland"]
    # The dateline's place describing a noun later is still a place; it is a party when it acts.
    assert parties("PORTVILLE (AP) \u2014 Westland said so. The Portville stock exchange fell.") == ["AP", "Westland"]
    assert "Portville" in parties("PORTVILLE (AP) \u2014 Westland said so. Portville said no.")


def test_the_scientists_are_the_research_team() -> None:
    article = ("A research team from Northfield analysed crops. The scientists found yields fell by 10%. "
               "They estimated food needs would rise by 50 percent.")
    assert claimant(article, "10%") == "research team"
    assert claimant(article, "50 percent") == "research team"


PLAN = ("The government plans two votes at an estimated cost of $5 million, although a recent poll found only "
        "30 percent of citizens support it.")
QUOTED = ('"Ten years ago, a browser was born. Its name was Navigo 6. It is time to say goodbye," Macrosoft says '
          "on its website.")


@pytest.mark.parametrize(("article", "figure", "expected"), [
    (PLAN, "two votes", None),
    (PLAN, "$5 million", None),
    (PLAN, "30 percent", "recent poll"),
    ("At least 40 people died in the floods, Red Cross officials said on Monday.", "40 people", "Red Cross"),
    ("Nadia Perez said 16 people died, while the army put the toll at 20.", "16 people", "Nadia Perez"),
    # After a comma the speaker may follow the verb, and the name before it is the clause's object.
    ("Vestria will buy 10 aircraft from Norvia Air, reported Daily Courier.", "10 aircraft", "Daily Courier"),
    ("Troops shelled Vestria for 3 days, said Nadia Perez, a witness.", "3 days", "Nadia Perez"),
    # ... unless the name after it starts what was said.
    ("Dan Ross, the chairman, said Norvia Air lost 3 planes.", "3 planes", "Dan Ross"),
    ("Vestria did not want 3 more ships, said Mr Norvan.", "3 more ships", "Norvan"),  # an honorific between
    ("Since Monday, according to Vestria spokeswoman Nadia Perez, 12,000 donors gave.", "12,000 donors",
     "Nadia Perez"),  # a spokesperson's role before the name
    ("Of the plan, she said, \"I will cast one vote like anyone else.\" Nadia Perez spoke in Lisbon.",
     "one vote", None),
    (QUOTED, "Ten years", "Macrosoft"),
    ("As Nadia Perez told the Lisbon Courier, emissions fell. \"Ozone has declined by 25 percent since 1980.\"",
     "25 percent", "Nadia Perez"),
    # "according to" names its source after it; a name before it is no source.
    ("The typical viewer watches 5 hours of Navigo TV a day, according to Veltrix.", "5 hours", "Veltrix"),
    ("Navigo TV now has 3.8 million customers, according to a report.", "3.8 million", None),
    ("Navigo TV now has 3.8 million customers, according to the company.", "3.8 million", "Navigo TV"),  # its kind
    # An article or the source's work may stand between "according to" and the source.
    ("According to the Vestria Institute, the plan lifts 1 million people.", "1 million", "Vestria Institute"),
    ("According to an analysis from the Vestria Institute, it lifts 1 million people.", "1 million",
     "Vestria Institute"),
    ("Dan Ross leads by 5 points, according to the Vestria Courier poll.", "5 points", "Vestria Courier"),
    ("The site is 100% legal, according to the Vestria website.", "100%", None),  # Vestria names the website
    # "according to X" reports someone else's words when another speaks after the figure.
    (("According to the Vestria Courier, Dan Ross, who chairs a panel of twelve, said the flag had never before "
      "been open to a public choice of any kind."), "twelve", None),
    # A verb form after a number is a noun: no verb of saying ("in all 50 states").
    ("\u201cWe compete in all 50 states. That is a big job,\u201d Tom Bellis added.", "50 states", "Tom Bellis"),
    # Police, prosecutors, investigators, analysts, experts and critics are sources like officials.
    ("Two of the nine men were hurt, police said.", "nine men", "police"),
    ("Some 40 sites were hit, analysts said.", "40 sites", "analysts"),
    ("Two men were hurt, according to police Maj. Tim Holt.", "Two men", "Tim Holt"),  # the person of the police
    ("They held 40 men, said the battalion commander, Lt. Col. Dan Ross.", "40 men", "Dan Ross"),
    # A person's role in lower case between the verb and the name, as British writing has it.
    ("Sales fell 5%, said retail analyst Nick Vestor.", "5%", "Nick Vestor"),
    ("Prices rose 4% this year, said central bank governor Park Seung.", "4%", "Park Seung"),
    ("Its shares fell 5%, said the chairman.", "5%", None),  # nobody named
    # A pronoun opening the sentence is the verb's subject, not the name after "said"; so after "But".
    ("Dan Ross spoke on Monday. He said Norvia would cut 40 jobs.", "40 jobs", "Dan Ross"),
    ("Dan Ross spoke on Monday. He told Norvia News that 30 homes burned.", "30 homes", "Dan Ross"),
    ('Ana Holt said the plan was good. But she said: "We will build 300 homes."', "300 homes", "Ana Holt"),
    # A name right after "said" that opens what was said is not who said it; "according to X's report" is X's.
    ("The chairman said Norvia would cut 40 jobs.", "40 jobs", None),
    ("The chairman said Norvia's plan had cost 40 jobs.", "40 jobs", None),
    ("The plan will cost 40 jobs, said Norvia later.", "40 jobs", "Norvia"),
    ("It cost 40 jobs, according to Veltrix's report.", "40 jobs", "Veltrix"),
    # A figure inside a quotation is the claim of whoever the quotation is attributed to.
    ('Alan Vestor spoke for the centre. "Our sales have been 2% up on last year," he said.', "2%", "Alan Vestor"),
    ('"The idea that 75% of the oil is gone is wrong," says Dan Ross, a scientist.', "75%", "Dan Ross"),
    # A name that only places something is no subject: after "in", or the country after a town.
    ("On Monday authorities in Vestria City said 40 bodies were found.", "40 bodies", "authorities"),
    ("Tim Holt, an agent stationed in Samarra, Vestria, told his commander he saw 5 raids.", "5 raids", "Tim Holt"),
    ("An analyst at Veltrix said 40 firms left.", "40 firms", "Veltrix"),  # "at" may name whom one speaks for
    # More verbs of saying: "wrote", "admitted", "predicted", "responded"...; after a comma their subject may follow.
    ("Dan Ross wrote that 40 firms had left.", "40 firms", "Dan Ross"),
    ("Tim Holt admitted he took 5 bribes.", "5 bribes", "Tim Holt"),
    ("Prices will rise 5 percent, predicted Dan Ross.", "5 percent", "Dan Ross"),
    ("Veltrix confirmed 12 judges.", "12 judges", None),  # "confirmed" also approves: no verb of saying
    # A closing "he added" claims for whom the pronoun continues.
    ("Dan Ross told the Courier that 40 ships left. They hope to send 6 more, he added.", "6 more", "Dan Ross"),
    # A surname with a lower-case particle right before the verb is its subject, whatever comma precedes it.
    (("Tim van Holt spoke. Lists are kept by Vestria Net, and each site is checked by hand, van Holt said of the "
      "12 sites."), "12 sites", "Tim van Holt"),
    # A surname shaped like a nationality ("-an") before a verb is its subject.
    ("Tim Dorgan spoke. Dorgan also said 40 troops left.", "40 troops", "Tim Dorgan"),
    # The source's work, and whose it is.
    ("Sales fell 20%, according to a survey by Westland Research.", "20%", "Westland Research"),
    ("Sales fell 20%, according to a poll for the Westland Post.", "20%", "Westland Post"),
    # A closing attribution may end with an aside about the speaker.
    ("It would cost $75 million, said Dan Ross, a Norvia University scientist who studies trade.", "$75 million",
     "Dan Ross"),
])
def test_who_claims_a_figure(article: str, figure: str, expected: str | None) -> None:
    assert claimant(article, figure) == expected


def speakers(article: str) -> list[str | None]:
    return [c.name if c else None for c in prepared_whole(article).speakers]


def test_an_unclosed_quotation_does_not_put_later_ones_out_of_step() -> None:
    """A quote mark opens or closes by its shape; a quotation never closed ends where the next one opens, so
    the memo's words stay unattributed and Nadia Perez's two sentences are hers."""
    article = ('A memo lists: "Taxes will rise. "Jobs are safe. Wages will grow." Nadia Perez said the vote was '
               'near. "We will win. We always do," she said.')
    assert speakers(article) == [None, None, None, "Nadia Perez", "Nadia Perez", "Nadia Perez"]


@pytest.mark.parametrize("sentence", ['"We will win," she said.', '"Is it fair?" she asked.', "She added: no."])
def test_a_pronoun_after_a_quotation_continues_the_speaker(sentence: str) -> None:
    assert speakers(f"Nadia Perez said the vote was near. {sentence}") == ["Nadia Perez", "Nadia Perez"]


@pytest.mark.parametrize("quotation", [
    '"It shows Vestria does not need the plant, as it states," spokesman Dan Ross said.',
    '"Vestria said it would go," Dan Ross said on "The Norvia Hour".',  # a quoted title after the attribution
    '"Vestria said it would go," said Dan Ross.',
])
def test_the_verbs_inside_a_quotation_are_not_its_attribution(quotation: str) -> None:
    assert speakers(f"Vestria sent fuel. {quotation}")[1] == "Dan Ross"


def test_a_quotation_never_closed_ends_with_its_paragraph() -> None:
    article = 'Dan Ross said so. "We are done.\n\nThe talks went on. Markets fell. Nadia Perez said: "No."'
    assert speakers(article) == ["Dan Ross", "Dan Ross", None, None, "Nadia Perez"]
    # Unless the next paragraph opens with a quote mark: one quotation over two paragraphs.
    article = 'Dan Ross said so. "We are done.\n\n"The talks went on. Markets fell." Nadia Perez said: "No."'
    assert speakers(article) == ["Dan Ross", "Dan Ross", "Dan Ross", "Dan Ross", "Nadia Perez"]


def test_a_pronoun_after_a_comma_is_the_subject_not_the_name_before_it() -> None:
    article = ('Nadia Perez said the vote was near. "It is over," she said. Markets treat Westland as they treat '
               "Norvia, she says.")
    assert speakers(article) == ["Nadia Perez", "Nadia Perez", "Nadia Perez"]


def test_he_after_a_speaker_who_is_no_person_is_the_person_opening_the_sentence_before() -> None:
    article = ('Westland said the pact would work. Dan Ross, whose country leads it, worked for it. "It is done," '
               "he said.")
    assert speakers(article) == ["Westland", None, "Dan Ross"]
    # Not when the sentence before opens the same quotation: the person it names is spoken of, not speaking.
    article = ('Ross said the team was ready. "Nadia Perez is the best striker here. She will play on Monday," he '
               "said.")
    assert speakers(article) == ["Ross", "Ross", "Ross"]


def test_he_or_she_is_not_someone_whose_honorific_calls_for_the_other() -> None:
    article = ('Mr Dan Vestri spoke first. Ms Ana Holt, his rival, said the plan failed. He said "it will work". '
               '"It will not," she said.')
    assert speakers(article) == [None, "Ana Holt", "Dan Vestri", "Ana Holt"]


@pytest.mark.parametrize(("article", "expected"), [
    # A given name that one sex bears far more often says whom "he" or "she" continues, as an honorific does.
    ("Dan Ross said the port would close. Nadia Perez said it would not. He said the vote was fair.",
     ["Dan Ross", "Nadia Perez", "Dan Ross"]),
    ('Nadia Perez said the port would close. "It will not," Dan Ross said. "It will," she said.',
     ["Nadia Perez", "Dan Ross", "Nadia Perez"]),
    # A name both sexes bear ("Taylor") or one the Census does not list ("Bassem") calls for no pronoun.
    ("Dan Ross said the port would close. Taylor Holt said it would not. He said the vote was fair.",
     ["Dan Ross", "Taylor Holt", "Taylor Holt"]),
    ("Nadia Perez said the port would close. Bassem Vestri said it would not. She said the vote was fair.",
     ["Nadia Perez", "Bassem Vestri", "Bassem Vestri"]),
    # An honorific says more than the name does ("Ms John Sel").
    ("Dan Vestri said the port would close. Ms John Sel said it would not. She said the vote was fair.",
     ["Dan Vestri", "John Sel", "John Sel"]),
])
def test_a_given_name_says_whom_he_or_she_continues(article: str, expected: list[str | None]) -> None:
    assert speakers(article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    # A name and a colon opening a sentence give its words, as headlines write them.
    ("Dan Ross: Norvia must go\nDan Ross spoke in Westland on Monday.", ["Dan Ross", None]),
    ('Nadia Perez said the port would close.\n"Dan Ross: It will not.', ["Nadia Perez", "Dan Ross"]),
    ("Dan Ross: Nadia Perez said the port would close\nDan Ross spoke in Westland.", ["Dan Ross", None]),
    # Not when the colon follows other words, a label in capitals, nor before a figure or a list of names.
    ("The result: Dan Ross won the vote in Westland.", [None]),
    ("Norvia sent Dan Ross a note: the port would close.", [None]),
    ("Dan Ross spoke in Westland.\nNORVIA: Nadia Perez wins the vote.", [None, None]),
    ("Dan Ross: 1,769.\nNadia Perez: 1,020.", [None, None]),
    ("Westland: Dan Ross, Nadia Perez, Ana Holt.", [None]),
])
def test_a_name_and_a_colon_say_who_speaks(article: str, expected: list[str | None]) -> None:
    assert speakers(article) == expected


def test_a_verb_coordinated_with_an_earlier_one_shares_the_sentences_subject() -> None:
    assert claimant("Dan Ross declined to criticize Ana Holt and said 40 ships left.", "40 ships") == "Dan Ross"
    prepared = prepared_whole("Dan Ross said he does not expect Ana Holt to wait, and called on senators to stall.")
    takers = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    assert [p.candidate.name for p in takers] == ["Dan Ross"]


@pytest.mark.parametrize("article", [
    "Dan Ross hinted that sales fell.", '"Sales fell," quipped Dan Ross.', '"Sales were light," wrote Dan Ross.',
    "Sales fell, Dan Ross testified.", "Dan Ross pointed out that sales fell.", "Dan Ross ruled out a deal.",
    "Dan Ross revealed that sales fell.", "Dan Ross disputed the figures.", "Sales fell, said Dan Ross on Monday.",
    # A participle of saying after a comma: the sentence's subject says it.
    "Dan Ross issued a statement, saying sales fell.", 'Dan Ross left on Monday, adding: "Sales fell."',
    "Dan Ross quit on Monday, telling supporters in Vestria that sales fell.",  # "telling" whom, then what
    'Dan Ross quit, telling reporters: "Sales fell."',
    "Dan Ross defended \u201cWestland values,\u201d saying sales rose.",  # the comma inside the quotation
    # A bracket after the name is part of it: a legislator's party and state, a caption.
    "Sen. Dan Ross (D-Calif.) said sales fell.", "Dan Ross (pictured) told reporters that sales fell.",
    # Lower-case words and a place before a role and the name after "said".
    '"Sales fell," said former Norvia governor Dan Ross, a Westland adviser.',
    # A verb of saying after "but", coordinated with the sentence's first: its subject, not the name between.
    "Dan Ross declined to address the Norvia report but said sales fell.",
    "Westland lost ground in many states, said Dan Ross, an expert at Vestria University.",
    'Dan Ross states: "Sales fell."',
])
def test_more_verbs_of_saying_name_their_speaker(article: str) -> None:
    assert speakers(article) == ["Dan Ross"]


@pytest.mark.parametrize("article", [
    "Norvia has lakes, said study co-author Dan Ross.",  # a role with "co-"
    "Norvia has lakes, said Vestria-based US lawyer Dan Ross.",  # a compound describing the name after it
    "Sen. Dan Ross, R-Texas, said the plan failed.",  # a legislator's party and state is no name
])
def test_the_speaker_beside_a_role_or_an_affiliation(article: str) -> None:
    assert speakers(article) == ["Dan Ross"]
    assert "R-Texas" not in parties(article)


@pytest.mark.parametrize("article", [
    "Westland added 0.1% on Monday.", "Dan Ross added three assists.",  # "added" a figure: gained
    "Norvia users are odd, says a report into search habits.",  # a source that names no one speaks
    "Norvia will grow, said one senior official.",
    # After a comma, a subject that names no one: not the name before it.
    "The bomb hit Norvia province, an insurgent source told Reuters.",
    "The bomb hit Norvia, two people familiar with the matter said.",
    "Westland cut jobs, officials have warned.",
    '"Westland will win," the coach said.',
    "Westland will launch, adding pay-TV channels later.",  # "adding" what it adds
    '"Westland did well," the paper said, adding that it ran.',  # a name inside the quotation says nothing
    "The film on Dan Ross, telling the story of a war, won.",  # "telling" what is no statement
    "Every senator has helped that I\u2019ve asked, the paper said.",  # "I've" is no name
    "Dan Ross won in many states, and Westland grew.",  # "states" a noun: no verb of saying
    "Among Dan Ross's voters, 74 percent said they were set.",  # a share of people says it
])
def test_no_named_speaker(article: str) -> None:
    assert speakers(article) == [None]


def test_more_verbs_of_saying_and_a_question_before_its_attribution() -> None:
    article = ('"We are done with it," Dan Ross countered. Ana Holt tweeted, "We are done with it." "Is it fair to '
               'us?" Tim Vale asked.')
    assert speakers(article) == ["Dan Ross", "Ana Holt", "Tim Vale"]


def test_a_title_alone_names_the_one_person_who_holds_it() -> None:
    article = ('Prime Minister Tomas Berg met Sen. Ana Holt. "We agree," the prime minister said. The senator said '
               "it would cost 40 million dollars. Nadia Perez spoke for the minister's office.")
    assert speakers(article) == [None, "Tomas Berg", "Ana Holt", None]
    assert claimant(article, "40 million dollars") == "Ana Holt"
    # An occupation written as a title names its one holder again the same way.
    assert speakers("Actor Dan Ross won the prize on Monday. The actor said he was happy.") == [None, "Dan Ross"]
    # So does the title after the state, country, nationality or party its holder stands for.
    article = ("Sen. Ana Holt met Gov. Dan Ross in Ohio. The Vermont senator said it would cost 40 million dollars. "
               "The Republican governor said it would not.")
    assert speakers(article) == [None, "Ana Holt", "Dan Ross"]


def test_a_spokesperson_named_after_a_body_is_a_person_and_the_body_a_party() -> None:
    """ "Norvia spokeswoman X" is the body Norvia and X, as "Norvia government spokeswoman X" is; unnamed, "a
    Vestria spokesman" stays who speaks. A verb "saying" after them is X's."""
    article = ("Norvia spokeswoman Nadia Perez agreed, saying it was over. A Vestria spokesman said so. "
               "The Westland government said so. Westland government spokesman Dan Ross agreed, adding: \"It is fine.\"")
    assert parties(article) == ["Norvia", "Nadia Perez", "Vestria spokesman", "Westland government", "Dan Ross"]
    assert speakers(article) == ["Nadia Perez", "Vestria spokesman", "Westland government", "Dan Ross"]


def test_a_business_named_by_its_kind_after_a_compound_describing_it() -> None:
    assert speakers("Westland Motors sold cars. The Beijing-based firm said so. The state-owned bank said it agreed.") == [
        None, "Westland Motors", "Westland Motors"]


def test_a_business_named_by_its_kind_alone_is_the_one_named_most() -> None:
    article = "Westland Motors cut 400 jobs on Monday. The company said sales fell 20%."
    assert speakers(article) == [None, "Westland Motors"]
    assert claimant(article, "20%") == "Westland Motors"
    # The business named most often before, not the latest name.
    article = ("Westland Motors cut jobs. Westland Motors blamed costs after a loan from Norvia Bank. The firm said "
               "sales fell 20%.")
    assert speakers(article)[-1] == "Westland Motors"
    # A nationality or a country's initials may say which business it is.
    assert speakers("Westland Motors cut jobs. The Japanese carmaker said sales fell.")[-1] == "Westland Motors"
    assert speakers("Westland Motors cut jobs. In a statement, the US firm said sales fell.")[-1] == "Westland Motors"


@pytest.mark.parametrize(("article", "expected"), [
    ("Westland Motors cut jobs. The rival firm said sales fell.", [None, None]),  # another firm
    ("Westland Motors cut jobs. The central bank said sales fell.", [None, None]),
    ("Westland Motors cut jobs. The company's chief said sales fell.", [None, None]),  # its chief speaks, not it
    ("Westland Motors cut jobs. The firm Norvia Labs said sales fell.", [None, "Norvia Labs"]),  # the name says which
    ("The company said sales fell. Westland Motors cut jobs.", [None, None]),  # not named yet
    ("Prime Minister Dan Ross cut jobs. The company said sales fell.", [None, None]),  # a person
    ("France cut jobs. The company said sales fell.", [None, None]),  # a country
])
def test_a_kind_alone_names_no_business_it_may_not_refer_to(article: str, expected: list[str | None]) -> None:
    assert speakers(article) == expected


def test_a_title_or_a_description_after_said_the_names_its_person() -> None:
    article = ('Prime Minister Tomas Berg met Nadia Perez. "We agree," said the prime minister. "It will cost 40 '
               'million dollars," said the 46-year-old.')
    assert speakers(article) == [None, "Tomas Berg", "Nadia Perez"]
    assert claimant(article, "40 million dollars") == "Nadia Perez"


@pytest.mark.parametrize(("article", "expected"), [
    # A person described, not titled, is the person named latest before.
    ("Tomas Berg met Nadia Perez in Ohio. The billionaire businesswoman said the plan would work.",
     [None, "Nadia Perez"]),
    ("Nadia Perez spoke in Ohio. Asked about taxes, the presidential candidate said no.", [None, "Nadia Perez"]),
    ('Dan Ross spoke in Ohio. "We will win," the 46-year-old said.', [None, "Dan Ross"]),
    ("Sen. Dan Ross spoke in Ohio. The Kentucky Republican said no.", [None, "Dan Ross"]),  # by state and party
    # Not someone else, nor when a name says who.
    ("Nadia Perez spoke in Ohio. The other candidate said no.", [None, None]),
    ("Nadia Perez spoke in Ohio. The candidate Dan Ross said no.", [None, "Dan Ross"]),
    ("The candidate said no. Nadia Perez spoke in Ohio.", [None, None]),  # not named yet
    ("Nadia Perez spoke in Ohio. The 10-year-old boy said he was scared.", [None, None]),  # before a noun
    ("Nadia Perez spoke in Ohio. The candidate forum said no.", [None, None]),
])
def test_a_described_person_is_the_one_named_latest(article: str, expected: list[str | None]) -> None:
    assert speakers(article) == expected


@pytest.mark.parametrize("article", [
    'Sen. Ana Holt met Sen. Dan Ross. "We agree," the senator said.',  # two senators: which one?
    '"We agree," the senator said. Sen. Ana Holt met Dan Ross.',  # not named yet
    'Sen. Ana Holt met Dan Ross. "We agree," the former senator said.',  # someone else now
    'Gen. Ana Holt met Dan Ross. "We agree," the general public said.',
])
def test_a_title_alone_names_no_one_it_may_not_refer_to(article: str) -> None:
    assert speakers(article)[-1] is None


@pytest.mark.parametrize("sentence", [
    "Rep. Dan Ross (D-Vt.), president of the Vestria Center and vice chair of the Norvia Commission, said so.",
    "Dan Ross, secretary in the Department of Science and Technology said so.",  # no comma closes the role
    "Dan Ross, spokesman for the Federation of Vestria Societies said so.",
    "Dan Ross, UK managing director of filtering firm Westland, said so.",  # words before the role
    "Dan Ross, Tory leader in the Lords, said so.",
])
def test_the_organisations_in_a_persons_role_are_not_the_subject(sentence: str) -> None:
    assert speakers(sentence) == ["Dan Ross"]


def test_a_name_inside_an_appositive_is_not_the_subject() -> None:
    article = "James Holt Jr., the grandson of Dan Ross and a Veltrix member, spoke on Friday and said it failed."
    assert speakers(article) == ["James Holt Jr."]
    article = '"It had to be simpler," Jim Vestri, Norvia\'s vice president in charge of Vestria Labs, said on Friday.'
    assert speakers(article) == ["Jim Vestri"]  # an appositive that opens with a possessive


@pytest.mark.parametrize("article", [
    "Nadia Perez, editor of Westland magazine, which conducted the research, said the talks failed.",
    "Nadia Perez, editor of the Westland Post, which conducted the research, said the talks failed.",
    "Following the vote, lawyer Nadia Perez, who represents Dan Ross and Ian Lee, said the talks failed.",
    # A verb of saying that opens the relative clause is not the sentence's attribution.
    "Nadia Perez, founder of Westland, which supports open data, said the tool was a bad idea.",
])
def test_a_relative_clause_inside_an_aside_leaves_the_subject_before_the_aside(article: str) -> None:
    """"which conducted the research" describes the magazine, itself inside the aside about Nadia Perez; a
    lower-case word before her name ("lawyer") is no aside of a name before it."""
    assert speakers(article) == ["Nadia Perez"]


def test_a_clause_after_but_is_no_aside() -> None:
    prepared = prepared_whole("The south is a member, but Westland, which occupies the north, had insisted it "
                              "would not bow.")
    takers = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    assert [p.candidate.name for p in takers] == ["Westland"]


def test_a_work_that_tells_a_story_says_nothing() -> None:
    """"X tells the story of Y" narrates; "told the BBC the story was false" still reports."""
    assert speakers("Westland Rising tells the story of a soldier.") == [None]
    assert speakers("Nadia Perez told the BBC the story was false.") == ["Nadia Perez"]


def test_a_definite_role_after_a_place_is_not_its_aside() -> None:
    """"..., the campaign's director told": the director speaks, not the place before the comma."""
    assert speakers("About 12% of users were in Norvia, the campaign's director told the BBC.") == [None]


def test_a_pronoun_after_a_comma_continues_the_speaker() -> None:
    article = ("Prime Minister Tomas Berg said the flag should change. Of the process, he said, "
               "\"I will have one vote like everyone else.\"")
    assert claimant(article, "one vote") == "Tomas Berg"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("According to Daily Courier News, Nadia Perez also believes the talks failed.", "Nadia Perez"),
    ("According to Daily Courier News, the talks failed.", "Daily Courier News"),
    ("Nadia Perez, according to Daily Courier News, said the talks failed.", "Nadia Perez"),
    # A role between an organisation and a person after "said": the person speaks.
    ('"The oil is gone," said NOAA head Nadia Perez at a briefing.', "Nadia Perez"),
    ('"The oil is gone," said Macrosoft\u2019s chief executive Nadia Perez.', "Nadia Perez"),
    ('"The oil is gone," said Macrosoft and Nadia Perez.', "Macrosoft"),
    ('"The oil is gone," said Westland\u2019s Nadia Perez.', "Nadia Perez"),  # a person of the country
    # A leading subordinate clause speaks last: the main clause holds the attribution.
    ("While Westland considered the risks, the firm expects no trouble, according to Nadia Perez.", "Nadia Perez"),
    ("After Westland said in March that it would go, Nadia Perez said it was too early.", "Nadia Perez"),
    ("As Nadia Perez told the Lisbon Courier, emissions fell.", "Nadia Perez"),
    ("The ban will end when Westland shows it has changed, according to Nadia Perez.", "Nadia Perez"),
])
def test_according_to_names_the_source_not_the_speaker_when_someone_else_speaks(sentence: str, expected: str) -> None:
    [speaker] = prepared_whole(sentence).speakers
    assert speaker is not None and speaker.name == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # What kind of source it is, between "according to" and the name.
    ("Sales rose 5%, according to research firm Westland Labs.", "Westland Labs"),
    ("Sales rose 5%, according to research from technology analysts Westland Labs.", "Westland Labs"),
    # Verbs of saying before their subject, and roles between the verb and the name.
    ('"Prices will fall," predicts Nadia Perez, editor of the Westland Post.', "Nadia Perez"),
    ('"Prices will fall," warns Nadia Perez.', "Nadia Perez"),
    ("Sales rose 5%, said report author Nadia Perez.", "Nadia Perez"),
    ("Nadia Perez cautioned that sales would fall.", "Nadia Perez"),
    # A role or an organisation set off after the name, with no comma to close it.
    ("Nadia Perez, a Westland spokesperson said sales fell.", "Nadia Perez"),
    ("Nadia Perez, from the Westland Trade Council told the BBC sales fell.", "Nadia Perez"),
    # A body after "said the" that ends the clause; one that opens the reported clause is not the speaker.
    ("Exports rose by 38% in a year, said the Westland Trade Commission.", "Westland Trade Commission"),
    ("Nadia Perez said the Westland Trade Commission had found it.", "Nadia Perez"),
])
def test_the_speaker_past_a_description_of_the_source_or_its_role(sentence: str, expected: str) -> None:
    assert speakers(sentence) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Nadia Perez, who served under President Ortega, blasted the plan to close the border.", "Nadia Perez"),
    ("Westland, including Mayor Dan Ross, criticised the plan to close the border.", "Westland"),
    ("Republicans such as former President Ortega have criticised the plan to close the border.", "Republicans"),
    ("James Holt Jr., the grandson of Dan Holt, criticised the plan to close the border.", "James Holt Jr."),
    # The name after a verb that is not "said" is its object.
    ("Later the council criticised Westland over the plan.", None),
    # "that" right before the verb is its subject, not the name before it.
    ("The states Westland won are poised to lose seats while the biggest that opposed it gain.", None),
    ("Nadia Perez found a lake that could have once supported life.", None),  # auxiliaries between them
    # A pronoun opening a clause before the verb is its subject: the party opening the sentence, if it fits.
    ("Dan Ross met Nadia Perez on Monday and he criticised the plan.", "Dan Ross"),
    ("Westland met Nadia Perez on Monday, and it criticised the plan.", "Westland"),
    ("In a bid to ensure Westland builds no bomb, it has strongly criticised the plan.", None),
    ("Westland met Nadia Perez on Monday and she criticised the plan.", None),  # "she" is no country
    # "called" asks or judges; it also names and phones, and then takes no position.
    ("Nadia Perez called for a vote on the plan.", "Nadia Perez"),
    ("Nadia Perez called the plan a mistake.", "Nadia Perez"),
    ("Nadia Perez called it \u201ca disaster\u201d.", "Nadia Perez"),
    ("Nadia Perez built a search engine called BackRub.", None),
    ("Nadia Perez met a group called the Operating Committee.", None),
    ("Nadia Perez called it PageRank.", None),
    ("Nadia Perez called Dan Ross and left.", None),
    ("Nadia Perez hired so-called adult supervision.", None),
    # A passive, a compound adjective and "as opposed to" are no position of the word before them.
    ("Westland is backed by Norland.", None),
    ("Westland, whose exports are endorsed by Norland, said the talks failed.", None),
    ("Nadia Perez, editor of the Norland-backed Daily Post, said the talks failed.", None),
    ("Nadia Perez said registration by person, as opposed to registration by household, should come.", None),
    # A relative pronoun right before the verb is its subject: the name before it.
    ("Nadia Perez, founder of Westland, which supports open data, said the tool was a bad idea.", "Westland"),
])
def test_the_subject_of_a_stance_verb(sentence: str, expected: str | None) -> None:
    prepared = prepared_whole(sentence)
    positions = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    assert [p.candidate.name for p in positions] == ([expected] if expected else [])


def test_a_nearby_name_is_not_preferred_over_the_subject_of_the_verb() -> None:
    article = "With work on Navigo Browser 9 almost done, Macrosoft announced that 10 percent still use it."
    assert claimant(article, "10 percent") == "Macrosoft"


def test_an_act_that_takes_a_position_is_not_a_statement() -> None:
    """"Westland banned 40 products": Westland takes a position, but claims no figure by doing so."""
    assert claimant("Westland banned 40 products.", "40") is None
    assert claimant("Westland banned 40 products, Reuters reported.", "40") == "Reuters"


def test_each_party_taking_a_position_gets_its_own_clause() -> None:
    """Coordinated subjects share their clause; a second stance verb in the sentence gives its parties theirs."""
    article = ("Norland and Sudia have maintained a policy of closing their ports which, according to Reuters, "
               "the United Nations and Westland have both criticised.")
    prepared = prepared_whole(article)
    positions = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    takers = {p.candidate.name: p.clause.text for p in positions}
    assert takers == {
        "Sudia": "Norland and Sudia have maintained a policy of closing their ports",
        "Norland": "Norland and Sudia have maintained a policy of closing their ports",
        "Westland": "United Nations and Westland have both criticised",
        "United Nations": "United Nations and Westland have both criticised",
    }
    directions = {p.candidate.name: (p.label, p.target) for p in positions}
    assert directions["Sudia"] == directions["Norland"] == ("support", "a policy of closing their ports")
    # criticised what? The relative clause's antecedent.
    assert directions["Westland"] == directions["United Nations"] == ("oppose", "a policy of closing their ports")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Westland rejected the plan to close the border.", ("oppose", "the plan to close the border")),
    ("Westland refused to sign the treaty.", ("oppose", "signing the treaty")),
    ("Westland welcomed the ceasefire in the north, officials said.", ("support", "the ceasefire in the north")),
    ("Westland urged the sides to talk.", (None, "")),  # one word is not a target
    ("Westland asked the rebels in the north not to attack the convoy.", ("oppose", "attacking the convoy")),
    ("Westland urged the two sides to return to talks.", ("support", "returning to talks")),
    ("Westland called for an emergency meeting of the council.", ("support", "an emergency meeting of the council")),
    ("Westland said that the plan, which it described, would fail.", (None, "")),  # described: no direction
    ("The fee, which Westland rejected, was high.", ("oppose", "The fee")),
    ("Westland has recently cracked down on people smuggling.", ("oppose", "people smuggling")),
    ("Westland banned the import of used cars.", ("oppose", "the import of used cars")),
    ("Norland endorsed the new trade agreement.", ("support", "the new trade agreement")),
    ("Norland blasted on Friday the new trade agreement.", ("oppose", "the new trade agreement")),
    ("Norland rejected onerous new fees.", ("oppose", "onerous new fees")),  # "on" opens no object here
    ("Norland sharply criticized Friday the new trade agreement.", ("oppose", "the new trade agreement")),
    ("Norland has defended the new trade agreement.", ("support", "the new trade agreement")),
    ("Norland called for the new trade agreement to be signed.", ("support", "the new trade agreement to be signed")),
    # what the speaker calls the object is no part of it
    ("Norland slammed the new trade agreement as \u201creckless and unfair.\u201d", ("oppose", "the new trade agreement")),
    ("Norland rejected the fees as well as the new trade agreement.",
     ("oppose", "the fees as well as the new trade agreement")),
    # a charge: against what the accused is charged with
    ("Westland has accused Norland of hacking computers at its agencies.",
     ("oppose", "hacking computers at its agencies")),
    ("Westland blamed the rebels in the north for the attack on the convoy.", ("oppose", "the attack on the convoy")),
    ("Westland accused of hacking computers at its agencies", (None, "")),  # a headline: the accused takes no side
    # One word is no target, and "smugglers" is not the subject of "banned": Westland is, with one position.
    ("Westland cracked down on smugglers and banned the sale of fuel.", (None, "")),
    # Refusing to talk about something takes no side on it.
    ("Westland refused to comment on the new trade agreement.", (None, "")),
    # A comma inside a figure does not end the object.
    ("Westland rejected the payment of £500,000 to the rebels.", ("oppose", "the payment of £500,000 to the rebels")),
])
def test_a_verb_that_says_which_way_labels_the_stance_towards_its_object(sentence: str,
                                                                         expected: tuple[str | None, str]) -> None:
    prepared = prepared_whole(sentence)
    [position] = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    assert (position.label, position.target) == expected


def test_a_relative_clause_between_dashes_refers_to_the_nearest_noun_phrase() -> None:
    sentence = "Westland criticised the new levies after the latest penalties -- which Norland supported -- were passed."
    prepared = prepared_whole(sentence)
    positions = position_takers(prepared.analysis.sentences[0], prepared.named, None)
    assert {p.candidate.name: (p.label, p.target) for p in positions} == {
        "Westland": ("oppose", "the new levies after the latest penalties"),
        "Norland": ("support", "the latest penalties")}


@pytest.mark.parametrize(("article", "party", "kind"), [
    ("The Presidency of the Republic said the talks failed.", "Presidency of the Republic", "government"),
    ("The Supreme Military Committee said it would meet.", "Supreme Military Committee", "government"),
    ("Bangladeshis said they had paid smugglers.", "Bangladeshis", "group"),
    ("Nadia Perez said the talks failed.", "Nadia Perez", "person"),
    ("Mr Hu is in Norvia for five days.", "Hu", "person"),  # an honorific without a full stop, as British style has
    ("France said the talks failed.", "France", "country"),
    ("The US said the talks failed.", "US", "country"),
    ("Nokia said the talks failed.", "Nokia", "organization"),  # not a country for its "-ia"
    ("MPs said the talks failed.", "MPs", "group"),  # a plural initialism: people of a kind
    ("The White House said the talks failed.", "White House", "government"),  # seats of government
    ("Congress said the talks failed.", "Congress", "government"),
])
def test_kind_of_party(article: str, party: str, kind: str) -> None:
    prepared = prepared_whole(article)
    kinds = {p.name: p.kind for p in prepared.checks.parties}
    assert kinds[party] == kind


def test_a_word_trie_matches_exactly_its_words() -> None:
    """`one_of` is the alternation it replaces, written as a trie: each word matches whole, nothing else does."""
    words = f"{REPORTING_WORDS}|{STANCE_WORDS}|a|ab|abc".split("|")
    trie = re.compile(one_of("|".join(words)))
    for word in words:
        assert trie.fullmatch(word), word
    for other in ("sai", "sayss", "criticis", "abcd", "", "urge"):
        assert not trie.fullmatch(other), other


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["local", "militants", "xlocal", "research", "team", "researchers", "recent", "poll",
                                 "surveys", "people-smugglers", "smugglers", "sources", "rescue", "officials", "the",
                                 "Officials", "international", " ", ", ", "\n", "-", "_"])).map(" ".join))
def test_actor_nouns_are_found_where_the_pattern_finds_them(text: str) -> None:
    """Trying the actor-noun pattern only where one of its first words occurs finds what trying it everywhere finds."""
    assert [m.span() for m in _names._actor_nouns(text)] == [m.span() for m in _names._ACTOR_NOUN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["in", "to", "According", "onto", "into", "throughout", "over", "the", "coast", "of",
                                 "capital,", "Iraq", "Syria", "and", "or", ",", "said", "New", "York", "parts", " ",
                                 "  ", "\n"])).map(lambda words: " ".join(words) + " "))  # a name follows a space
def test_the_quick_place_test_never_says_no_where_the_pattern_says_yes(before: str) -> None:
    """`_locates` tries the place pattern only when the last word can end one of its matches: same answers."""
    assert _places._locates(before) == (_places._LOCATIVE.search(before) is not None)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("turn away boats", "turning away boats"), ("close the border", "closing the border"),
    ("stop the war", "stopping the war"), ("open the border", "opening the border"), ("be signed", "being signed"),
    ("lie low", "lying low"), ("free the hostages", "freeing the hostages"), ("quickly return", "quickly return"),
    ("Iraq", "Iraq"),
])
def test_an_infinitive_target_reads_as_a_gerund(phrase: str, expected: str) -> None:
    assert gerund(phrase) == expected
