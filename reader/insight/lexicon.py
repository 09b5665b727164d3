"""Word lists that carry grammar rather than names: function words, speech verbs, job titles.

Plain frozensets of lowercase words; building them is cheap enough to do at import time
without touching the disk, unlike the larger name lists in `gazetteer`.
"""

from __future__ import annotations


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.lower().split())


# Function words in the languages the reader meets most. Used both to drop capitalised
# sentence starters from entity candidates and to ignore words when comparing sentences.
STOPWORDS = _words(
    """
    a about above according across after afterwards again against all almost alone along already
    also although always am among amongst an and another any anyone anything anyway anywhere are
    around as at back be became because become becomes been before beforehand being below beside
    besides between beyond both but by can cannot could did do does doing done down due during
    each either else elsewhere enough even ever every everyone everything everywhere except few
    first for former formerly from further had has have having he hence her here hereafter hers
    herself him himself his how however i if in indeed into is it its itself just last latter
    least less like made make many may me meanwhile might mine more moreover most mostly much must
    my myself neither never nevertheless next no nobody none nor not nothing now nowhere of off
    often on once one only onto or other others otherwise our ours ourselves out over own per
    perhaps please put rather re really same say says said see seem seemed seems several she
    should since so some somehow someone something sometime sometimes somewhere still such than
    that the their theirs them themselves then there thereafter thereby therefore therein these
    they this those though through throughout thus to together too toward towards under unless
    until up upon us very via was we well were what whatever when whence whenever where whereas
    wherever whether which while whither who whoever whole whom whose why will with within
    without would yet you your yours yourself yourselves also just yes oh today yesterday
    tomorrow tonight instead despite unlike once let lets here's there's it's that's what's
    who's he's she's they're we're you're i'm don't doesn't didn't can't won't isn't aren't
    wasn't weren't hasn't haven't hadn't couldn't shouldn't wouldn't
    le la les un une des du de et est en au aux dans pour par sur avec ce cette ces il elle ils
    elles nous vous on qui que qu son sa ses leur leurs pas ne plus mais ou où été être a ont
    der die das ein eine einen einem einer und ist im am auf mit von zu zum zur den dem des sich
    nicht auch es er sie wir ihr sind war wurde werden hat haben bei nach vor für über unter wie
    als oder aber noch nur so schon dass
    el los las y del por con para una uno es se lo al su sus
    """
)

# Capitalised words that start sentences or headlines but never name anything on their own.
SENTENCE_STARTERS = STOPWORDS | _words(
    """
    meanwhile however although though because since while when where what who why how which
    after before during despite unlike instead still yet now then today here there this that
    these those some many most much more less both each every either neither another other such
    also even just only once whether if unless until as so thus hence therefore indeed perhaps
    maybe please yes no not nor our their his her its my your we they he she it i you one two
    three four five six seven eight nine ten
    """
)

# Verbs that attribute words to a speaker: "X said", "said X", "he told WIRED".
SPEECH_VERBS = _words(
    """
    said says say told tells tell added adds explained explains wrote writes tweeted tweets
    stated states noted notes insisted insists argued argues claimed claims warned warns asked
    asks replied replies recalled recalls declared declares announced announces admitted admits
    continued continues remarked remarks posted posts commented comments described describes
    acknowledged acknowledges conceded concedes suggested suggests believes believed thinks
    thought urged urges stressed stresses emphasized emphasised cautioned predicted predicts
    confirmed confirms revealed reveals joked jokes lamented laments complained complains
    recounted pointed added according accused accuses called calls saying adding telling
    insisting arguing writing noting explaining calling urging warning
    sagte sagt sagten erklärte erklärt betonte betont meinte teilte dit déclaré affirmé
    expliqué estime souligné ajouté indiqué dijo afirmó
    """
)

# Job and role nouns: a name right after one of these is a person ("former Google CEO Eric
# Schmidt", "spokesman Arrmanatha Nasir"); a name followed by "'s <role>" is an organisation.
ROLE_NOUNS = _words(
    """
    ceo ceos cfo cto coo founder cofounder co-founder chairman chairwoman chair president
    vice-president director chief executive executives head boss owner partner investor
    investors billionaire millionaire entrepreneur businessman businesswoman tycoon magnate
    scientist researcher researchers professor economist analyst analysts expert engineer
    developer designer architect minister secretary spokesman spokeswoman spokesperson
    official officials aide adviser advisor envoy ambassador diplomat senator congressman
    congresswoman governor mayor lawmaker politician candidate leader premier chancellor
    judge lawyer attorney prosecutor detective officer sheriff commander general soldier
    sergeant captain coach manager player striker defender midfielder goalkeeper forward
    quarterback pitcher captain champion athlete golfer boxer driver rider swimmer runner
    goalscorer scorer winger keeper batsman bowler jockey trainer skipper teammate
    actor actress singer rapper musician star comedian director producer writer author novelist
    journalist reporter editor columnist commentator presenter host anchor photographer
    artist painter doctor surgeon physician nurse psychologist teacher student
    pastor priest bishop cardinal rabbi imam monk nun pope king queen prince princess
    husband wife son daughter mother father brother sister uncle aunt cousin grandmother
    grandfather boyfriend girlfriend fiance fiancee widow friend neighbor neighbour victim
    suspect defendant plaintiff witness resident survivor mr mrs ms dr prof councillor
    councilor councilman councilwoman alderman campaigner activist organiser organizer
    volunteer spokesperson chef baker farmer pilot
    """
)

# Capitalised titles that precede a name and are not part of it.
TITLE_WORDS = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor president vice deputy prime
    minister secretary chancellor senator sen sen. rep rep. representative congressman
    congresswoman gov gov. governor mayor judge justice general gen gen. lt lt. col col.
    sgt sgt. capt capt. captain officer detective sheriff coach rev rev. reverend father
    pastor rabbi imam cardinal archbishop bishop chairman chairwoman ceo cfo cto chief
    executive director commissioner ambassador speaker leader foreign defense defence
    interior finance health home attorney acting former u.s. sir dame lord lady king queen
    prince princess pope sheikh ayatollah emperor empress dalai lama agent inspector
    superintendent constable corporal private admiral commander marshal dean
    """
)

# Titles kept in the displayed name because the bare name is ambiguous without them.
KEPT_TITLES = _words("sir dame lord lady king queen prince princess pope sheikh emperor empress")

ORG_SUFFIXES = _words(
    """
    inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc gmbh ag sa sas
    nv bv spa group holdings capital ventures partners expeditions innovation innovations labs
    lab technologies technology tech systems solutions software networks network media
    studios studio records pictures entertainment bank bancorp securities investments
    insurance airlines airways motors energy pharmaceuticals pharma therapeutics biotech
    university college institute school academy foundation association society federation
    union league council committee commission agency authority ministry department office
    bureau service services party club fc united athletic rovers wanderers times post
    journal herald tribune gazette news press magazine daily telegraph guardian observer
    chronicle review hospital clinic centre center museum gallery library church mosque
    temple police army navy force forces guard court tribunal parliament assembly senate
    congress government administration board trust fund alliance coalition organization
    organisation institution brands industries enterprises consulting associates patrol
    squad brigade regiment battalion corps sport sports
    """
)

# Words that make a capitalised phrase a place ("Spartan Stadium", "Jo Daviess County").
PLACE_HEADS = _words(
    """
    street st. avenue ave road boulevard lane square plaza park stadium arena field airport
    station bridge river lake mountain mountains mount mt. island islands county province
    region district valley bay sea ocean desert gulf coast beach canyon peninsula
    hills hill forest falls harbor harbour port city town village strait channel straße strasse
    platz land
    """
)

# Heads of phrases that are events or awards: neither person, organisation nor place.
EVENT_HEADS = _words(
    """
    award awards prize prizes cup games olympics olympic championship championships
    election elections summit conference festival open tournament medal series bowl derby
    expo oscar oscars grammy grammys emmy emmys war revolution act bill treaty accord
    agreement convention week day fair show classic invitational prix marathon trophy gala
    ceremony masters wars globe globes episode
    """
)

# Connectors allowed inside a capitalised name ("Bank of America", "Charles de Gaulle").
NAME_CONNECTORS = _words("of de du des la le van von der den da di del al bin ibn y &")

# Scale words for money and counts, with the factor each stands for.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "millionen": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "b": 1e9,
    "bn": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

NUMBER_WORDS: dict[str, int] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
