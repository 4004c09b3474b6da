"""Closed lists of the names of places and peoples: the world's countries, nationality words, the US states.

Each is a list rather than a rule of form, because the forms are shared with names of people and companies: "-ia"
ends "Nokia" as well as "Tanzania", and "-an" ends "Brian" as well as "Kenyan".
"""

from __future__ import annotations

# The world's countries by their usual English names, the UK's nations, and the initialisms news uses for some: a
# country that acts or speaks is a party of its own kind ("Iraq condemned", "France said"), not a company.
COUNTRIES = frozenset((
    "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan",
    "Bolivia", "Bosnia", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burma", "Burundi", "Cambodia",
    "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica", "Croatia", "Cuba",
    "Cyprus", "Czech Republic", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "East Timor", "Ecuador",
    "Egypt", "El Salvador", "England", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France",
    "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guyana", "Haiti",
    "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy",
    "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kosovo", "Kuwait",
    "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania",
    "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Mauritania", "Mauritius",
    "Mexico", "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea",
    "North Macedonia", "Northern Ireland", "Norway", "Oman", "Pakistan", "Palau", "Palestine", "Panama",
    "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia",
    "Rwanda", "Samoa", "San Marino", "Saudi Arabia", "Scotland", "Senegal", "Serbia", "Seychelles", "Sierra Leone",
    "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa", "South Korea", "South Sudan", "Spain",
    "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania",
    "Thailand", "Togo", "Tonga", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
    "United Arab Emirates", "United Kingdom", "United States", "United States of America", "Uruguay", "Uzbekistan",
    "Vanuatu", "Vatican", "Venezuela", "Vietnam", "Wales", "Yemen", "Zambia", "Zimbabwe",
    "UK", "US", "USA", "UAE", "DRC", "PRC",
))

# Nationality words, which news writing puts before a person's name like a title ("Norwegian Finn E. Kydland",
# "Kenyan Eliud Kipchoge", "Americans David J. Gross and ..."): a closed list, since "-an" also ends given names
# ("Brian", "Adrian").
DEMONYMS = frozenset((
    "Afghan", "Albanian", "Algerian", "American", "Angolan", "Argentine", "Argentinian", "Armenian", "Australian",
    "Austrian", "Azerbaijani", "Bahraini", "Bangladeshi", "Belarusian", "Belgian", "Bolivian", "Bosnian",
    "Brazilian", "Briton", "British", "Bulgarian", "Burmese", "Cambodian", "Cameroonian", "Canadian", "Chilean",
    "Chinese", "Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Dane", "Danish", "Dutch",
    "Ecuadorian", "Egyptian", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "Filipino",
    "Finnish", "French", "Frenchman", "Frenchwoman", "Georgian", "German", "Ghanaian", "Greek", "Guatemalan",
    "Haitian", "Honduran", "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish",
    "Israeli", "Italian", "Ivorian", "Jamaican", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Korean", "Kosovar",
    "Kuwaiti", "Kyrgyz", "Latvian", "Lebanese", "Liberian", "Libyan", "Lithuanian", "Malaysian", "Malian",
    "Maltese", "Mexican", "Moldovan", "Mongolian", "Moroccan", "Mozambican", "Namibian", "Nepalese", "Nicaraguan",
    "Nigerian", "Nigerien", "Norwegian", "Omani", "Pakistani", "Palestinian", "Panamanian", "Paraguayan",
    "Peruvian", "Polish", "Portuguese", "Qatari", "Romanian", "Russian", "Rwandan", "Saudi", "Scot", "Scottish",
    "Senegalese", "Serbian", "Singaporean", "Slovak", "Slovenian", "Somali", "Spaniard", "Spanish", "Sri Lankan",
    "Sudanese", "Swede", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian", "Thai", "Tunisian",
    "Turk", "Turkish", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek", "Venezuelan", "Vietnamese", "Welsh",
    "Yemeni", "Zambian", "Zimbabwean"))

# The states of the US by name. "Sen. Harry Reid of Nevada": the state a legislator stands for locates them, it is
# no name of its own (`_names`); after a town or before a noun a state places ("Beavercreek, Ohio,", `_places`).
US_STATE_NAMES = frozenset((
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"))
# The abbreviations news writing gives US states in ("Tuscaloosa, Ala.", "Sen. Dan Ross (Tex.)"), each before its
# full stop.
US_STATE_ABBREVIATIONS = ("Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
                          "Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo")
