"""Small hand-kept word lists that let rules tell people, organisations and places apart.

Kept as plain strings so importing costs nothing; `lookup()` turns them into sets once, on the
first analysis. The lists are deliberately short: they only have to break ties that the
context cues (honorifics, "CEO", "in <Place>", "Inc") leave open.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|
Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|
East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|
Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|
Namibia|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|
Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|
Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|
Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|
Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|
U.K.|Britain|Great Britain|United States|US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|
Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|
Greenland|Puerto Rico|Cayman Islands|Grand Cayman|Bermuda|Hong Kong|Macau|Tibet|Gaza|
Gaza Strip|West Bank|Crimea|Kashmir|Catalonia|
Deutschland|Frankreich|Italien|Spanien|Österreich|Schweiz|Russland|Allemagne|Angleterre|
Espagne|Italie|Suisse|Belgique|Chine|Japon|Etats-Unis|États-Unis|Royaume-Uni
"""

_REGIONS = """
Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Arctic|
Oceania|Middle East|Near East|Far East|Southeast Asia|East Asia|South Asia|Central Asia|
Western Europe|Eastern Europe|Balkans|Scandinavia|Caribbean|Mediterranean|Sahara|Sahel|Siberia|
Patagonia|Amazon|Himalayas|Alps|Pacific|Atlantic|Silicon Valley|Wall Street|Midwest|
New England|Bavaria|Provence|Brittany|Normandy|Tuscany|Sicily|Sardinia|Corsica|Andalusia|
Quebec|Ontario|British Columbia|Alberta|Manitoba|Nova Scotia|Queensland|Victoria|Tasmania|
New South Wales|Punjab|Bengal|Kerala|Gujarat|Xinjiang|Guangdong|Yorkshire|Cornwall|Kent|
Lancashire|Essex|Surrey|Sussex|Devon|Merseyside
"""

_US_STATES = """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|
District of Columbia|Washington D.C.|Washington, D.C.|D.C.
"""

_CITIES = """
New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|
San Jose|Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|Charlotte|Seattle|
Denver|Boston|Nashville|Detroit|Portland|Las Vegas|Memphis|Louisville|Baltimore|Milwaukee|
Albuquerque|Tucson|Fresno|Sacramento|Atlanta|Miami|Orlando|Tampa|Oakland|Minneapolis|
Cleveland|Cincinnati|Pittsburgh|St. Louis|Kansas City|New Orleans|Honolulu|Anchorage|Salt Lake City|
Raleigh|Richmond|Buffalo|Newark|Jersey City|Brooklyn|Manhattan|Queens|Bronx|Harlem|Hollywood|
Palo Alto|Mountain View|Cupertino|Menlo Park|Redmond|Berkeley|Cambridge|Princeton|Ferguson|
Toronto|Montreal|Vancouver|Ottawa|Calgary|Edmonton|Winnipeg|Mexico City|Guadalajara|Monterrey|
Havana|Bogota|Bogotá|Lima|Santiago|Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Brasilia|
Caracas|Quito|Montevideo|La Paz|London|Manchester|Birmingham|Liverpool|Leeds|Sheffield|Bristol|
Newcastle|Nottingham|Leicester|Glasgow|Edinburgh|Cardiff|Belfast|Oxford|Dublin|Cork|Paris|
Marseille|Lyon|Toulouse|Nice|Nantes|Strasbourg|Bordeaux|Lille|Berlin|Hamburg|Munich|München|
Cologne|Köln|Frankfurt|Stuttgart|Düsseldorf|Dortmund|Leipzig|Dresden|Hanover|Bonn|Vienna|Wien|
Zurich|Zürich|Geneva|Genf|Genève|Bern|Basel|Lausanne|Davos|Brussels|Bruxelles|Antwerp|
Amsterdam|Rotterdam|The Hague|Luxembourg City|Madrid|Barcelona|Valencia|Seville|Bilbao|Lisbon|
Porto|Rome|Milan|Naples|Turin|Florence|Venice|Bologna|Genoa|Palermo|Athens|Thessaloniki|
Istanbul|Ankara|Izmir|Gaziantep|Copenhagen|Stockholm|Oslo|Helsinki|Reykjavik|Warsaw|Krakow|
Prague|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Sarajevo|Ljubljana|Bratislava|Vilnius|Riga|
Tallinn|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Donetsk|Luhansk|Minsk|Moscow|St. Petersburg|
Saint Petersburg|Sochi|Tbilisi|Yerevan|Baku|Tehran|Baghdad|Mosul|Basra|Damascus|Aleppo|Homs|
Raqqa|Beirut|Amman|Jerusalem|Tel Aviv|Cairo|Alexandria|Riyadh|Jeddah|Mecca|Medina|Dubai|
Abu Dhabi|Doha|Kuwait City|Muscat|Sanaa|Aden|Kabul|Kandahar|Islamabad|Karachi|Lahore|Peshawar|
Delhi|New Delhi|Mumbai|Bangalore|Bengaluru|Chennai|Kolkata|Hyderabad|Pune|Dhaka|Kathmandu|
Colombo|Beijing|Shanghai|Shenzhen|Guangzhou|Wuhan|Chengdu|Hangzhou|Tianjin|Nanjing|Taipei|
Seoul|Busan|Pyongyang|Tokyo|Osaka|Kyoto|Yokohama|Hiroshima|Nagasaki|Fukushima|Manila|Jakarta|
Bali|Kuala Lumpur|Bangkok|Hanoi|Ho Chi Minh City|Saigon|Phnom Penh|Yangon|Sydney|Melbourne|
Brisbane|Perth|Adelaide|Canberra|Auckland|Wellington|Christchurch|Johannesburg|Cape Town|
Durban|Pretoria|Nairobi|Mombasa|Lagos|Abuja|Accra|Dakar|Addis Ababa|Khartoum|Kampala|Kigali|
Kinshasa|Luanda|Harare|Tunis|Algiers|Casablanca|Rabat|Marrakech|Tripoli|Benghazi|Mogadishu|
Timbuktu|Chernobyl|Lampedusa|Calais|Cannes|Monte Carlo|Gibraltar|Salzburg|Innsbruck|
Swansea|Bolton|Southampton|Sunderland|Stoke|Burnley|Watford|Norwich|Brighton|Reading|Derby|
Wigan|Blackburn|Portsmouth|Middlesbrough|Hull|Coventry|Plymouth|Aberdeen|Dundee|Bath|York|
Canterbury|Exeter|Ipswich|Luton|Wolverhampton|Bournemouth|Huddersfield|Bradford|Preston|
Dortmund|Bremen|Mainz|Freiburg|Gelsenkirchen|Wolfsburg|Eindhoven|Seville|Valencia|Marseille|
Monaco|Lille|Rennes|Saint-Etienne|Madrid|Turin|Naples|Milan|Rome|Porto|Benfica|Lisbon
"""

_DEMONYMS = """
Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|
Azerbaijani|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Bulgarian|
Cambodian|Cameroonian|Canadian|Chilean|Chinese|Colombian|Congolese|Croatian|Cuban|Cypriot|Czech|
Danish|Dutch|Ecuadorian|Egyptian|English|Eritrean|Estonian|Ethiopian|European|Filipino|Finnish|
French|Georgian|German|Ghanaian|Greek|Haitian|Honduran|Hungarian|Icelandic|Indian|Indonesian|
Iranian|Iraqi|Irish|Israeli|Italian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovan|
Kurdish|Kuwaiti|Latvian|Lebanese|Libyan|Lithuanian|Malaysian|Maltese|Mexican|Moldovan|
Mongolian|Moroccan|Nepalese|Nigerian|Norwegian|Pakistani|Palestinian|Panamanian|Paraguayan|
Persian|Peruvian|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Scottish|Senegalese|
Serbian|Slovak|Slovenian|Somali|Spanish|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Thai|Tunisian|
Turkish|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zimbabwean|
African|Asian|Arab|Arabic|Latino|Hispanic|Caribbean|Scandinavian|Balkan|Western|Eastern|
Northern|Southern|Christian|Muslim|Islamic|Jewish|Catholic|Protestant|Orthodox|Hindu|Buddhist|
Sunni|Shiite|Shia|Democrat|Democrats|Republican|Republicans|Conservative|Conservatives|
Labour|Liberal|Liberals|Communist|Nazi|Nazis|Soviet|Californian|Texan|Parisian|Londoner|
Français|Française|Deutsch|Deutsche|Deutschen|Europe's|Americans|Britons|Germans|Europeans|
Russians|Chinese|Israelis|Palestinians|Syrians|Iraqis|Afghans|Iranians|Indians|Pakistanis|
Mexicans|Canadians|Australians|Italians|Spaniards|Greeks|Turks|Kurds|Arabs|Muslims|Christians|
Jews|Catholics|Africans|Asians|Ukrainians|Poles|Japanese|Koreans|Egyptians|Nigerians|Saudis|
Brits|Irishman|Irishwoman|Philippine|Filipinos|Filipina|Libyans|Turkish|Emirati|Iraqi|Englishman|Englishwoman|Scotsman|Welshman|Frenchman|Frenchwoman|Dutchman
"""

_PLACE_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "holland": "Netherlands",
    "kiev": "Kyiv",
    "burma": "Myanmar",
    "türkiye": "Turkey",
    "new york city": "New York",
    "d.c.": "Washington, D.C.",
    "washington d.c.": "Washington, D.C.",
}

# Given names across the languages the reader meets most. A name here makes an unknown
# two-word capitalised run a person ("Zully Broussard"); a name missing costs only a weaker cue.
_FIRST_NAMES = """
Aaron Abby Abdul Abdullah Abraham Adam Adrian Ahmed Aidan Alan Albert Alberto Alec Alejandro
Alex Alexander Alexandra Alexandre Alexis Alfred Ali Alice Alicia Alison Allison Amanda Amber Amelia
Amir Amy Ana Andre Andrea Andreas Andrew Andy Angela Angelina Angelo Anita Ann Anna Anne Annie
Anthony Antoine Anton Antonio Arnold Arthur Ashley Audrey Barack Barbara Barry Beatrice Ben
Benjamin Bernard Bernie Beth Betty Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brian
Bruce Bruno Bryan Bryce Caitlin Cameron Carl Carla Carlos Carmen Carol Caroline Carolyn Catherine
Cecilia Charles Charlie Charlotte Chelsea Cheryl Chloe Chris Christian Christina Christine
Christopher Chuck Cindy Claire Clara Claude Claudia Colin Connor Craig Cristiano Cynthia Dale
Dan Daniel Daniela Danielle Danny Dave David Dean Deborah Debra Denis Dennis Derek Diana Diane
Diego Dmitry Dominic Don Donald Donna Doris Doug Douglas Dustin Dylan Ed Eddie Edgar Edward Elena
Eli Elizabeth Ella Ellen Elon Emily Emma Emmanuel Eric Erica Erik Erin Ethan Eugene Eva Evan Fatima
Felix Fernando Florence Frances Francesca Francis Francisco Francois François Frank Franz Fred
Frederick Gabriel Gabriela Gary Gavin Geoffrey George Georges Gerald Gerard Gerhard Giovanni
Giuseppe Glenn Gloria Gordon Grace Graham Greg Gregory Günter Hannah Hans Harold Harriet Harry
Hassan Heather Heidi Helen Helena Helmut Henri Henry Hillary Holly Howard Hugh Hugo Hussein Ian
Igor Ingrid Irene Isaac Isabel Isabella Isabelle Ivan Jack Jackie Jacob Jacqueline Jacques Jake
James Jamie Jan Jane Janet Janice Jared Jason Javier Jean Jeff Jeffrey Jen Jennifer Jenny Jeremy
Jerome Jerry Jess Jesse Jessica Jill Jim Jimmy Joan Joanna Joe Joel Johann Johannes John Johnny
Jon Jonathan Jonny Jordan Jorge Jose José Joseph Josh Joshua Joyce Juan Judith Judy Julia Julian
Julie Julien Justin Karen Karin Karl Kate Katherine Kathleen Kathryn Kathy Katie Kay Keith Kelly
Ken Kenneth Kevin Khalid Kim Kimberly Kirk Klaus Kristen Kurt Kyle Lance Larry Laura Lauren Laurent
Lawrence Lee Leo Leon Leonardo Lewis Liam Linda Lionel Lisa Liz Lois Lorenzo Louis Louise Lucas
Lucy Luis Luke Lynn Madeleine Maria Marie Marina Mario Mark Marco Marcus Margaret Maria Marine
Marion Marissa Mark Martha Martin Mary Matt Matthew Maurice Max Maxime Megan Mehmet Melania
Melissa Michael Michel Michelle Miguel Mike Mikhail Milan Mitch Mitt Mohamed Mohammad Mohammed
Monica Muhammad Nadia Nancy Naomi Natalie Nathan Neil Nicholas Nick Nicola Nicolas Nicole Nigel
Nikolai Nina Noah Noel Nora Norman Oliver Olivia Omar Oscar Owen Pablo Pamela Paolo Pascal Patricia
Patrick Paul Paula Pedro Peggy Penny Peter Phil Philip Philippe Pierre Rachel Rafael Ralph Ramon
Randy Raul Ray Raymond Rebecca Renee Richard Rick Rob Robert Roberto Robin Roger Roland Ron Ronald
Rory Rosa Rose Ross Roy Ruby Russell Ruth Ryan Sally Sam Samantha Samuel Sandra Sara Sarah Scott
Sean Sebastian Serena Sergei Sergey Sharon Shawn Sheila Shirley Simon Sofia Sophia Sophie Stefan
Stephanie Stephen Steve Steven Stuart Susan Suzanne Sylvia Tanya Ted Teresa Terry Theresa Thomas
Tiffany Tim Timothy Tina Todd Tom Tommy Tony Tracy Travis Troy Ty Tyler Ulrich Ursula Valerie
Vanessa Victor Victoria Vincent Virginia Vladimir Walter Wayne Wendy Werner Will William Willie
Wolfgang Xavier Yann Yasmin Yoshua Yuri Yusuf Zach Zachary Zoe Zully Angela Olaf Friedrich Emmanuel
Marine Ségolène Nicolas Jacinda Justin Narendra Xi Shinzo Recep Benjamin Volodymyr Kamala Joe
Hillary Bernie Ted Marco Rand Jeb Sergio Lionel Neymar Kylian Novak Rafael Roger Serena Tiger
"""

_KNOWN_ORGS = """
Google|Alphabet|Meta|Facebook|Instagram|WhatsApp|Apple|Microsoft|Amazon|Netflix|Tesla|SpaceX|
OpenAI|Anthropic|DeepMind|Nvidia|Intel|AMD|IBM|Oracle|Samsung|Sony|Huawei|Xiaomi|Alibaba|Tencent|
Baidu|ByteDance|TikTok|Twitter|Uber|Lyft|Airbnb|Spotify|PayPal|eBay|Yahoo|LinkedIn|Reddit|
Snapchat|Pinterest|Salesforce|Adobe|Cisco|Qualcomm|Dell|Boeing|Airbus|Ford|Toyota|Honda|
Volkswagen|BMW|Daimler|Mercedes|Renault|Fiat|Nissan|Walmart|Starbucks|McDonald's|Nike|Adidas|
Coca-Cola|Pepsi|Disney|Pfizer|Moderna|Novartis|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|
BlackRock|Berkshire Hathaway|General Motors|General Electric|General Mills|CNN|BBC|NBC|CBS|ABC|
Fox|Fox News|ESPN|HBO|CNBC|NPR|PBS|Reuters|Bloomberg|WIRED|Wired|Forbes|Fortune|Vogue|Politico|
Axios|Le Monde|Der Spiegel|Spiegel|NASA|FBI|CIA|NSA|FDA|EPA|CDC|IRS|SEC|FTC|FCC|Pentagon|
Congress|Senate|Kremlin|Parliament|Bundestag|Interpol|Europol|UN|U.N.|United Nations|EU|E.U.|
European Union|NATO|WHO|UNESCO|UNICEF|IMF|World Bank|OPEC|FIFA|UEFA|IOC|NFL|NBA|MLB|NHL|NCAA|
MLS|Premier League|Hamas|Hezbollah|Taliban|ISIS|ISIL|al Qaeda|al-Qaeda|Boko Haram|Red Cross|
Greenpeace|Amnesty International|Human Rights Watch|Harvard|Yale|Stanford|MIT|Oxford University|
Cambridge University|Sorbonne|Vatican|White House|Downing Street|Elysee|Élysée|Scotland Yard|
Guardian|The Guardian|Telegraph|Daily Mail|Mail|Sun|Times|New York Times|Washington Post|
Wall Street Journal|Financial Times|Associated Press|AP|AFP|Al Jazeera|Sky News|Le Figaro|
Süddeutsche Zeitung|Frankfurter Allgemeine|Bild|Time|Newsweek|Variety|Billboard|TechCrunch|
Siemens|SAP|Bosch|BASF|Bayer|Allianz|Deutsche Bank|Commerzbank|Lufthansa|Porsche|Audi|Adidas|
Puma|Renault|Peugeot|Stellantis|Citroen|Citroën|TotalEnergies|Total|LVMH|L'Oréal|Danone|
Michelin|Orange|Carrefour|Nestlé|Nestle|Roche|UBS|Credit Suisse|ING|Philips|Shell|BP|Unilever|
Vodafone|HSBC|Barclays|Ikea|IKEA|Volvo|Ericsson|Nokia|Maersk|Novo Nordisk|ASML|Spotify|
IG Metall|Verdi|Bundesregierung|Bundesbank|Europäische Zentralbank|EZB|ECB|SNCF|EDF
"""

# Acronyms and capitalised words that name a kind of thing, not a particular one.
_GENERIC = """
AI|AGI|LLM|LLMs|ML|NLP|CEO|CEOs|CFO|CTO|COO|VP|GDP|TV|PC|DNA|RNA|HIV|GPS|API|APIs|FAQ|FAQs|ID|
IPO|ETF|PDF|USB|SUV|MVP|OK|AM|PM|EST|GMT|BST|PST|CET|ET|UTC|CO2|DIY|VR|AR|IT|PR|HR|R&D|B2B|
SaaS|IoT|iOS|URL|HTML|CPU|GPU|GPUs|LED|NGO|NGOs|MP|MPs|MEP|PhD|MBA|BA|MD|RSS|SMS|VPN|Wi-Fi|
WiFi|Internet|Web|God|Mom|Dad|Mum|OMG|LOL|ASAP|TL;DR|TLDR|Q&A|PS|NB|No|Yes|Amen|Ok|Okay|
Category|MRI|CT|ICU|ER|ATM|GPS|HD|UV|AC|DC|LGBT|LGBTQ|STEM|VIP|CEO's|
Mr|Mrs|Ms|Dr|Sir|Madam|Monsieur|Madame|Herr|Frau|Covid|COVID|COVID-19|Covid-19|Ebola|Zika
"""

_DAYS_MONTHS = """
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|
July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|
Dec|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März|Mai|Juni|
Juli|Oktober|Dezember|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Christmas|Easter|
Thanksgiving|Halloween|Ramadan|Eid|Hanukkah|Passover|New Year|Spring|Summer|Autumn|Fall|Winter
"""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The lists above as lowercase lookup sets."""

    places: frozenset[str]
    cities: frozenset[str]
    place_aliases: dict[str, str]
    demonyms: frozenset[str]
    first_names: frozenset[str]
    orgs: frozenset[str]
    generic: frozenset[str]
    days_months: frozenset[str]


def _split(blob: str, sep: str = "|") -> frozenset[str]:
    return frozenset(
        part.strip().lower() for part in blob.replace("\n", sep).split(sep) if part.strip()
    )


@cache
def lookup() -> Lexicon:
    """Build the lookup sets on first use, so importing the package stays free."""
    return Lexicon(
        places=_split(_COUNTRIES) | _split(_REGIONS) | _split(_US_STATES) | _split(_CITIES),
        cities=_split(_CITIES),
        place_aliases=dict(_PLACE_ALIASES),
        demonyms=_split(_DEMONYMS),
        first_names=_split(_FIRST_NAMES, " "),
        orgs=_split(_KNOWN_ORGS),
        generic=_split(_GENERIC),
        days_months=_split(_DAYS_MONTHS),
    )
