"""Word lists the attribution rules are built from.

Kept apart from the rules so that adding a verb or a title is a one-line change.
All entries are lower case; lookups lower-case the token first.
"""

from __future__ import annotations


def _forms(lemmas: str) -> dict[str, str]:
    """Map every inflected form of each reporting verb to its lemma.

    ``lemmas`` is whitespace-separated; a lemma is written ``base/3sg/past/ing``
    (irregular) or just ``base`` (regular: -s, -ed, -ing are derived).
    """
    out: dict[str, str] = {}
    for spec in lemmas.split():
        parts = spec.split("/")
        base = parts[0]
        if len(parts) == 1:
            stem = base[:-1] if base.endswith("e") else base
            if base.endswith("y") and base[-2:-1] not in "aeiou":
                third, past = base[:-1] + "ies", base[:-1] + "ied"
            else:
                third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
                past = stem + "ed" if not base.endswith("e") else base + "d"
            parts = [base, third, past, stem + "ing"]
        for form in parts:
            out[form] = base
    return out


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: how word lists are written."""
    return frozenset(text.split())


#: Verbs that report speech or information; form -> lemma.
SPEECH_VERBS: dict[str, str] = _forms(
    """
    say/says/said/saying tell/tells/told/telling write/writes/wrote/writing report announce
    warn add note confirm deny acknowledge claim argue believe insist explain state declare
    assert contend maintain allege predict estimate suggest tweet testify recall complain
    stress emphasize emphasise concede admit/admits/admitted/admitting reveal disclose
    indicate observe remark reply respond ask urge vow promise pledge caution charge counter
    continue conclude find/finds/found/finding show/shows/showed/showing
    think/thinks/thought/thinking mention point agree joke boast brag/brags/bragged/bragging
    accuse describe learn/learns/learned/learning hear/hears/heard/hearing question propose
    demand forecast/forecasts/forecast/forecasting project expect worry fear hope
    feel/feels/felt/feeling know/knows/knew/knowing
    recount quip/quips/quipped/quipping muse exclaim retort reflect lament wonder elaborate
    summarize summarise proclaim plead confide reiterate reaffirm affirm opine posit
    speculate theorize theorise recollect comment chant
    """
)
#: Verbs whose subject is a document's text: "the statement read: ...".
DOCUMENT_CUES: dict[str, str] = _forms("read/reads/read/reading")
#: Verbs of manner that report speech only right after the quote they close
#: ("“...,” she laughed."); elsewhere they are what someone did ("she laughed at it").
MANNER_VERBS: dict[str, str] = _forms(
    """
    laugh chuckle sigh smile gush scoff snap/snaps/snapped/snapping fume grumble shout
    whisper marvel/marvels/marveled/marveling shrug/shrugs/shrugged/shrugging
    """
)

#: Verbs of stance rather than speech ("Trump attacked Clinton", "she called for
#: reform"): attributions in the PolNeAR sense when a named or pronoun subject
#: stands right before them.
STANCE_VERBS: dict[str, str] = _forms(
    """
    call cite attack criticize criticise blast question describe praise endorse reject
    propose echo demand accuse blame condemn mock defend dismiss welcome applaud tout lament
    express liken compare hail decry denounce support oppose want
    seek/seeks/sought/seeking refuse decline agree disagree recommend credit thank threaten
    promote encourage rule acknowledge celebrate challenge fault ridicule chide scold rebuke
    dispute doubt favor favour back oppose embrace vow pledge highlight signal stress tout
    outline unveil issue release advocate push press insist declare concede predict raise
    target taunt lash rail assail excoriate berate congratulate commend equate characterize
    characterise label brand portray term
    slam/slams/slammed/slamming plan/plans/planned/planning dub/dubs/dubbed/dubbing
    chastise deride laud lambaste bash bemoan bristle resent despise detest
    grill/grills/grilled/grilling
    """
)
STANCE_LEMMAS = frozenset(STANCE_VERBS.values()) - words(
    """
    say tell write report announce warn add note confirm deny claim argue believe insist
    explain state declare concede predict stress vow pledge acknowledge agree question
    """
)

#: Every cue verb form -> lemma.  "Strong" forms (see STRONG_FORMS) attribute whenever
#: a source can be found; the others need a clause, a quote or the trailing ", X verb."
#: shape.
REPORTING_VERBS: dict[str, str] = {**STANCE_VERBS, **SPEECH_VERBS, **MANNER_VERBS, **DOCUMENT_CUES}

#: Verb forms that attribute on their own whenever a source NP stands before
#: them ("X said", "X told", "X has denied").  Other forms of REPORTING_VERBS
#: are weak: they need "that", a quote or colon after them, or the trailing
#: shape (", X added."), because they also have non-reporting senses
#: ("the company added 500 jobs", "the claims").
STRONG_FORMS = words(
    """
    said says say told tells tell wrote writes reported reports announced announces warned
    warns noted acknowledged acknowledges claimed argued argues insisted insists explained
    explains declared asserted asserts contended contends alleged alleges predicted predicts
    tweeted testified recalled recalls stressed emphasized emphasised conceded concedes
    admitted admits revealed disclosed remarked replied responded vowed vows pledged
    cautioned countered concluded complained maintained maintains stated joked boasted
    bragged confirmed confirms denied denies urged urges suggested suggests mentioned
    believes believe added adds observed disputed estimated estimates agreed promised
    charged thinks hopes fears expects worries feels knows
    """
)

#: Lemmas that report what a document or study shows; with a document subject
#: they are attributions ("a poll shows", "the study found").
DOCUMENT_LEMMAS = words(
    """
    show find suggest indicate estimate project forecast conclude predict report say state
    reveal note mention reference cite feature highlight describe detail document
    """
)

#: -ing forms that continue the main clause's attribution (", saying ...").
#: A pronoun fused with "be" ("He's claiming ..."): the pronoun is the source.
BE_CONTRACTIONS = words(
    "he's she's it's they're we're i'm you're he’s she’s it’s they’re we’re i’m you’re"
)
#: Forms of "be" fused with "not" ("isn't saying").
NEGATED_BE = words("isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t")
PARTICIPLES = words(
    """
    saying adding arguing noting telling warning claiming insisting explaining writing
    stating declaring asserting contending alleging predicting suggesting calling urging
    stressing emphasizing acknowledging admitting conceding denying vowing promising
    pledging complaining accusing describing recalling revealing announcing reporting asking
    questioning joking boasting countering charging maintaining
    """
)

#: Cue lemmas whose claim is a denial by its source.
DENIAL_LEMMAS = frozenset({"deny"})
DENIAL_WORDS = words(
    """
    denied denies deny denying rejected rejects dismissed dismisses refuted refutes disputed
    disputes
    """
)

#: Modal verbs.
MODALS = words("will would could can may might should must")

#: Words before a cue that may sit between the source and the verb.
AUXILIARIES = (
    MODALS
    | words(
        """
        has have had did does do is are was were also later then previously earlier recently
        repeatedly publicly privately once again not never already often frequently
        reportedly first long since still even further flatly strongly simply just quickly
        immediately openly explicitly specifically separately similarly likewise initially
        originally subsequently ultimately finally now today yesterday always only clearly
        correctly falsely wrongly baselessly angrily bluntly forcefully emphatically tersely
        candidly cautiously confidently proudly sharply quietly loudly defiantly been almost
        nearly soon herself himself themselves itself
        """
    )
    | {
        neg + apos + "t"
        for neg in words(
            "didn doesn don won wouldn couldn hasn haven hadn isn wasn aren weren shouldn"
        )
        for apos in ("'", "’")
    }
    | {"can't", "can’t", "cannot"}
)

#: Forms of "be" that make a following participle passive ("is said to").
BE_FORMS = words("is are was were be been being")

PERSONAL_PRONOUNS = {
    "he": ("person", "m", "sg"),
    "she": ("person", "f", "sg"),
    "they": ("group", "", "pl"),
    "we": ("group", "", "pl"),
    "i": ("person", "", "sg"),
    "you": ("person", "", "sg"),
    "it": ("thing", "", "sg"),
}

#: Words that start an NP and may be kept at its left edge.
DETERMINERS = words(
    """
    the a an this that these those some several many most other another both all one two
    three four five six seven eight nine ten dozens hundreds thousands few multiple various
    numerous his her their its our my your each every no more fellow top senior
    """
)

#: Words inside an NP that link a head to its modifier ("a spokesman for X").
NP_LINKS = words("of for at with from in on to & and")

#: Tokens that can never be part of a source NP: they end the backward walk.
NP_STOPS = words(
    """
    that which because but or while when whether if as after before since although though so
    than where whom whose what why how until unless once whereas not nor yet be being been
    is are was were has have had do does did will would could can may might should must said
    says say told tells to by also about who there here it he she they we i you him them us
    me then just only even still now however meanwhile instead too very really against like
    into over during under without within despite including per via amid among between
    through across toward towards upon around
    """
)

#: Sentence-initial words that are not part of a name ("But Trump said").
SENTENCE_ADVERBS = words(
    """
    but and so yet still then now meanwhile however indeed later earlier instead also in on
    at after before when while though although since because if as last this during speaking
    asked separately previously today yesterday overall finally first second third moreover
    furthermore
    """
)

#: Heads of NPs that name a source kind, for type decisions and weak cues.
ANONYMOUS_HEADS = words(
    """
    source sources insider insiders people person individual individuals official officials
    aide aides staffer staffers diplomat diplomats observers someone one adviser advisers
    advisor advisors confidant confidants associate associates ally allies employee
    employees member members officer officers lawmaker lawmakers analysts experts residents
    witnesses critics supporters voters others some many
    """
)
OFFICIAL_TITLES = words(
    """
    president vice senator sen sen. rep rep. representative congressman congresswoman
    governor gov gov. mayor minister secretary spokesman spokeswoman spokesperson
    spokespeople ambassador general gen gen. admiral adm. colonel col. lt. commander chief
    director deputy chairman chairwoman chair leader speaker attorney prosecutor judge
    justice sheriff commissioner official officials envoy diplomat premier chancellor king
    queen prince lawmaker lawmakers legislator councilman councilwoman councillor mp prime
    nominee candidate press trooper police officer officers treasurer auditor comptroller
    administrator inspector sergeant sgt. capt. captain major maj. lieutenant cmdr. adm col
    lt sgt capt maj cmdr pres pres. supt. superintendent mr. mrs. ms. dr.
    """
)
#: Titles that say the bearer holds public office (as opposed to Mr./Dr., a team's
#: captain, someone's attorney).
OFFICE_TITLES = OFFICIAL_TITLES - words("mr. mrs. ms. dr. candidate nominee captain attorney")
#: Titles that are a public office only in a public body: "the president of the
#: Federal Reserve Bank of New York" holds office, "the president of the Farm Bureau"
#: does not.  Bare ("President Ortiz", "the chairman") they count as office.
CONDITIONAL_OFFICE_TITLES = words(
    "president vice chairman chairwoman chair chief director deputy administrator head"
)
#: Words that make the body after such a title a public one.
PUBLIC_BODY_WORDS = words(
    """
    federal reserve national state states city county municipal public republic kingdom
    u.s. us government ministry department agency commission bureau council senate house
    congress parliament assembly court police army navy military embassy administration
    authority office service treasury
    """
)
#: Words before "attorney" that make it a public office ("U.S. Attorney", "district
#: attorney"); "attorney general" is one too.
PUBLIC_ATTORNEY_WORDS = words("u.s. us district state's states county city general")

GOVERNMENT_HEADS = words(
    """
    government administration ministry department kremlin pentagon whitehouse state cabinet
    parliament congress senate house court police military army navy embassy agency
    authorities regime council commission bureau office prosecutors junta legislature
    assembly treasury fbi cia nsa doj dhs epa irs cdc fda nasa nato un eu capitol duma
    ministries governments forces troops service
    """
)
ORGANIZATION_HEADS = words(
    """
    company firm group campaign party committee foundation institute center centre
    association union coalition organization organisation corporation corp corp. inc inc.
    ltd llc bank university college school hospital fund club league network team board
    charity society alliance federation federations council lobby chamber industry companies
    firms groups unions nonprofit think tank movement church company's foundation's trust
    agency project initiative brokerage lender insurer automaker retailer label studio
    nations panel jury tribunal
    """
)
#: Organisation heads that can stand for any company-like body ("the company" after
#: "Kestrel Therapeutics"); the other heads name a kind of body ("the union", "the
#: board") and refer back only to a body of that kind.
GENERIC_ORGANIZATION_HEADS = words(
    """
    company firm group organization organisation corporation business brokerage lender
    insurer automaker retailer label studio
    """
)
#: Last words that say what kind of body a name is ("... Harbour Board", "... Port
#: Authority"): such a body is not "the union".
BODY_KIND_WORDS = ORGANIZATION_HEADS | GOVERNMENT_HEADS | words("authority authorities")
DOCUMENT_HEADS = words(
    """
    report reports study studies poll polls survey surveys statement statements document
    documents filing filings memo letter letters email emails data records record indictment
    lawsuit complaint analysis figures ruling decision order transcript release research
    review audit assessment estimate estimates findings paper papers testimony affidavit
    cable cables census numbers statistics model forecast projection projections tally count
    book article post tweet tweets video footage map chart index investigation inquiry probe
    minutes notes text law bill policy plan proposal warrant footnote summary brief motion
    verdict judgment opinion slide average averages ad advertisement spot editorial
    editorials experiment trial website page message
    """
)
#: Generic nouns that refer back to an outlet ("the paper", "the outlet").
OUTLET_NOUNS = words(
    """
    paper newspaper outlet outlets publication magazine network broadcaster channel site
    website agency daily tabloid wire station newsroom news journal papers newspapers
    publications magazines networks broadcasters channels tabloids
    """
)

#: Heads that refer back to an outlet after "news"/"wire" ("the news organization", "the
#: wire service").
NEWS_COMPOUND_HEADS = words("service organization organisation outlet site agency network")

#: Abbreviated month names, without their full stop.
MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec")
MONTHS = (
    words("january february march april may june july august september october november december")
    | MONTH_ABBREVIATIONS
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
NUMBER_WORDS = words(
    """
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions trillion dozen
    dozens percent half third quarter double triple first second last yesterday today
    tomorrow
    """
)

#: Words that, in the NP right before a cue, show we walked into a clause.
CLAUSE_VERBS = words(
    """
    is are was were be been has have had got get gets made make makes went go goes took take
    takes came come comes gave give gives put keep kept want wants wanted need needs needed
    seem seems seemed became become
    """
)

#: Countries and capitals often used as metonyms for their governments.
COUNTRIES = words(
    """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia
    cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    ecuador egypt eritrea estonia ethiopia finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon libya
    lithuania luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman
    pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia
    rwanda serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay
    uzbekistan venezuela vietnam yemen zambia zimbabwe u.s. us usa uk u.k. america moscow
    beijing kyiv kiev tehran pyongyang washington london paris berlin tokyo ankara cairo
    islamabad minsk brasilia riyadh jerusalem damascus baghdad kabul seoul taipei delhi
    ottawa canberra brussels warsaw tallinn riga vilnius rome madrid athens budapest caracas
    havana kremlin pentagon whitehall downing
    """
)

#: Abbreviations after which a period does not end a sentence.
#: Abbreviated titles before a name ("Sen.", "Dr."): never end a sentence.
PERSONAL_TITLE_ABBREVIATIONS = words(
    """
    mr mrs ms dr st sen rep gov gen col lt sgt capt cmdr adm maj prof rev hon pres supt atty
    messrs mt ft no vs v gens reps sens cpl pvt brig det insp
    """
)
TITLE_ABBREVIATIONS = (
    PERSONAL_TITLE_ABBREVIATIONS
    | MONTH_ABBREVIATIONS
    | words(
        """
        vol fig sr jr mme mlle esq approx dept est ave blvd rd calif fla ariz mass conn penn
        wash ill mich minn tenn wis okla colo nev ore ky va ga ala miss md del kan neb ark
        la mo pa tex e.g i.e cf al op ed p pp
        """
    )
)
#: Abbreviations that often end a sentence too (split only before a sentence starter).
TERMINAL_ABBREVIATIONS = words(
    """
    inc corp co ltd llc etc jr sr u.s u.k u.n a.m p.m d.c e.u ph.d l.a n.y
    """
)
#: Words that commonly begin a sentence; used to decide splits after abbreviations.
SENTENCE_STARTERS = words(
    """
    the a an he she it they we i you but and in on at this that these those his her their
    its there when while if as after before since however meanwhile still yet so for
    officials some many according asked what why how our my no not one two three last later
    earlier now then both all instead although though
    """
)


#: Verbs that, right after a named or pronoun subject, report the subject's
#: stance, intention or knowledge ("Clinton wants ...", "He championed ...").
#: Used only by the subject-verb fallback for sentences without another cue.
SUBJECT_VERBS: dict[str, str] = {
    **{
        form: lemma
        for form, lemma in REPORTING_VERBS.items()
        if form not in MANNER_VERBS and form not in DOCUMENT_CUES
    },
    **_forms(
        """
        champion downplay identify reference compliment emphasize present react realize
        realise notice request apologize apologise offer determine document consider
        view regard suspect understand/understands/understood/understanding
        see/sees/saw/seeing speak/speaks/spoke/speaking talk discuss address argue focus
        tweet post sign vote veto pursue rule order approve block overturn prohibit require
        allow sue investigate acknowledge admit recognize recognise insist intend
        aim vow swear/swears/swore/swearing pledge resist embrace reaffirm reiterate
        repeat stand/stands/stood/standing weigh mull ponder contemplate estimate calculate
        measure track rank rate grade score poll survey interview quote imply assume guess
        reckon wonder recall remember forget/forgets/forgot/forgetting hint signal indicate
        suggest concede confess acknowledge refute contradict correct clarify
        elaborate detail publish air broadcast/broadcasts/broadcast/broadcasting unleash
        push lobby campaign advocate champion favor favour like love hate dislike admire
        respect trust distrust fear worry dread doubt question challenge contest sue appeal
        petition protest rally march boycott warn alert caution remind inform notify assure
        reassure convince persuade ask implore invite summon subpoena charge indict
        convict sentence fine sanction punish pardon reward
        commit/commits/committed/committing ban/bans/banned/banning
        prefer/prefers/preferred/preferring rebut/rebuts/rebutted/rebutting
        beg/begs/begged/begging decide link voice feature
        """
    ),
}


# --- Clauses inside a sentence: their subjects and verbs -----------------------------

#: Acts and decisions that, like the event verbs (EVENT_LEMMAS), are cues only when
#: reported content follows: "officials banned fireworks", "the fund committed $5
#: million", "the league decided to move the match" are what they did, not said.
ACT_LEMMAS = words("ban commit decide")

#: Punctuation that ends a clause inside a sentence.
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "―"})

#: Conjunctions that open a subordinate clause with a subject of its own ("... after
#: Politico reported ...", "as he discussed ..."): its subject and verb are a clause to
#: attribute like a sentence's.
CLAUSE_SUBORDINATORS = words(
    "as after when while because since before although though whereas once until"
)


# --- Sentence analysis: cues, noun phrases, clauses ----------------------------------

OPEN_QUOTES = frozenset("\"“‘'«")

CLOSE_QUOTES = frozenset("\"”’'»")

TIME_WORDS = (
    WEEKDAYS
    | MONTHS
    | words(
        """
        on last this week month year night morning afternoon evening earlier later today
        yesterday tonight weekend then previously once twice recently in early late
        """
    )
)

CUE_QUALIFIERS = words(
    """
    in a an the statement interview press release conference on twitter x facebook
    television tv radio email emailed post posted by phone telephone friday monday tuesday
    wednesday thursday saturday sunday at rally speech briefing news hearing told reporters
    separately also earlier later recently last this week night morning afternoon evening
    today yesterday written joint his her their its to with during after when asked
    """
)

LABEL_STOPS = words(
    """
    update updated note editor editors photo photos video watch read related source sources
    correction advertisement warning breaking exclusive opinion analysis q a see more also
    listen subscribe credit image images caption here this that the why how what when where
    who tags topics share posted published transcript full live latest bottom question
    answer example summary background context part chapter step tip fact claim verdict
    rating ruling
    """
)

RELATIVE_SUBJECTS = frozenset({"who", "which"})

PASSIVE_PARTICIPLE_ENDINGS = tuple(
    words(
        """
        ed told said wrote written found thought known shown heard felt learned sought
        understood seen spoken
        """
    )
)

INTRO_WORDS = words(
    """
    in on at after before during since as when while last this earlier later meanwhile still
    but and yet however instead for with without despite although though if because speaking
    asked like unlike by from under over through
    """
)

IRREGULAR_PAST = words(
    """
    said told wrote made took gave went came saw knew thought brought found held kept left
    met ran sent spent spoke stood won lost paid put set led felt began became chose drew
    drove fought forgot got grew hid hit hung laid meant read rose sought sold shot sang sat
    struck swore taught threw understood withdrew wore broke built bought caught cut did had
    heard let quit shut split spread upheld overturned
    """
)

#: Words after a cue form that show it is a noun ("support was", "claims as").
NOUN_FOLLOWERS = words("is was are were has have had") | MODALS

#: Reporting-verb forms that are also source nouns ("the report says").
NOUN_VERBS = (DOCUMENT_HEADS | ANONYMOUS_HEADS) - {"one", "some", "many"}

#: Participles kept in a source NP ("two people briefed on the talks").
NP_KEPT_PARTICIPLES = words("briefed unnamed informed involved concerned")

PARTICIPLE_OBJECTS = words("by from in on at last this earlier")

CONJ_SKIP = words("and but while whereas though although yet as")

#: Conjunctions that join two predicates of one subject ("X said ... and called ...").
COORDINATORS = words("and but yet")

#: Words between such a conjunction and its verb ("and then called", "but has also said").
COORD_ADVERBS = words("also then later has have had again repeatedly even still publicly")

NEGATIONS = words("not never n't")

#: Words that open reported content after a weak cue.
CONTENT_OPENERS = words("that what why how whether if")

#: Prepositions whose object is never a cue's subject ("11% of Democratic claims", "In
#: one tweet"): see cue_rules._object_of.
OBJECT_MARKERS = words("to by than of in on for with from at about into among between")

#: Articles and possessive determiners: a verb form after one is a noun ("the report").
ARTICLES = words("the a an this that these those his her their its our my your")

#: Plural nouns without a final -s: they take a verb's base form ("police say").
PLURAL_NOUNS = words("people police staff public media personnel men women children")

#: Quantifiers that stand alone as a subject ("Some believe ...").
BARE_QUANTIFIERS = words("some many most few several")

#: Nouns ending in -ly, not adverbs ("a lawyer for the family said").
LY_NOUNS = words("family families ally rally assembly supply monopoly anomaly bully folly italy")

#: Words between the comma and a speaker's participle (", not even needing to ...").
PARTICIPLE_ADVERBS = words("not never even further also then later again still once now")

#: -ing words that are not verbs of the speaker (", she said, including ...").
NOT_PARTICIPLES = words(
    """
    including according regarding concerning following during notwithstanding pending
    nothing something anything everything morning evening thing things king spring string
    bring sing ring wing
    """
)

#: Heads of poll shares that answer for respondents ("Twelve percent indicated that ...").
SHARE_HEADS = words("percent per-cent")

#: Endings of nouns for people ("spokesman", "analyst", "lawmakers").
AGENT_SUFFIXES = tuple(words("man woman person people ist ists er ers ant ants ian ians"))

APPOSITION_TITLES = words("dr. dr mr. mrs. ms. prof. prof sir dame")

#: Parentheticals that are not appositions: ", however, said".
ASIDES = words(
    """
    however meanwhile too though instead moreover separately nonetheless nevertheless also
    likewise similarly again then later earlier today yesterday in for on at by after before
    when speaking asked who which whose whom once now
    """
)

#: Stance adjectives after "be": "X has been critical of", "X was coy about".
STANCE_ADJECTIVES = words(
    """
    critical skeptical sceptical supportive opposed coy worried concerned confident adamant
    optimistic pessimistic doubtful wary unhappy angry furious upset frustrated proud clear
    vocal firm emphatic dismissive silent quiet unequivocal careful cautious hopeful eager
    reluctant willing unwilling open passionate sure certain convinced aware disappointed
    pleased
    """
)

#: Degree adverbs before a stance adjective ("deeply critical of").
DEGREE_WORDS = words("very more less increasingly deeply too so openly highly most quite")

#: Nouns of stance after "a" ("a critic of", "a supporter of").
STANCE_NOUNS = words("critic supporter opponent proponent champion skeptic advocate fan defender")

STANCE_PREPS = words("about of that to on with toward towards in over at")

#: Phrasal stance verbs: base -> the particles that make them one ("doubled down on").
PHRASAL_STANCE = {
    "double": ("down",),
    "lash": ("out",),
    "weigh": ("in",),
    "hit": ("back", "out"),
    "push": ("back",),
    "speak": ("out", "up"),
    "take": ("aim", "issue"),
    "go": ("after",),
    "make": ("the case", "clear", "a case", "it clear"),
    "sound": ("the alarm",),
    "pile": ("on",),
    "come": ("out",),
    "fire": ("back",),
    "sign": ("off",),
    "open": ("up",),
    "put": ("it",),
    "lay": ("out",),
    "seize": ("on", "upon"),
}

PHRASAL_FORMS = {
    form: base
    for base, forms in {
        "double": ("doubled", "doubles", "doubling", "double"),
        "lash": ("lashed", "lashes", "lashing"),
        "weigh": ("weighed", "weighs", "weighing"),
        "hit": ("hit", "hits", "hitting"),
        "push": ("pushed", "pushes", "pushing"),
        "speak": ("spoke", "speaks", "speaking", "spoken"),
        "take": ("took", "takes", "taking", "taken"),
        "go": ("went", "goes", "going", "gone"),
        "make": ("made", "makes", "making"),
        "sound": ("sounded", "sounds", "sounding"),
        "pile": ("piled", "piles", "piling"),
        "come": ("came", "comes", "coming"),
        "fire": ("fired", "fires", "firing"),
        "sign": ("signed", "signs", "signing"),
        "open": ("opened", "opens", "opening"),
        "put": ("put", "puts", "putting"),
        "lay": ("laid", "lays", "laying"),
        "seize": ("seized", "seizes", "seizing"),
    }.items()
    for form in forms
}

#: Nouns naming a speech act or stance, after a possessive: "X's claim that".
SPEECH_NOUNS = words(
    """
    claim claims comment comments remark remarks statement assertion argument arguments
    acknowledgment acknowledgement admission conclusion promise promises pledge threat
    refusal insistence denial warning warnings criticism accusation accusations allegation
    allegations suggestion suggestions contention view views complaint complaints
    decision determination announcement threats plan plans proposal theory disdain
    adulation obsession eagerness endorsement opposition
    """
)
#: Nouns of a speech act one makes ("made the following comment", "made a strong
#: condemnation of", "made the reference").
MADE_SPEECH = SPEECH_NOUNS | words(
    "reference references speech speeches condemnation case pitch appeal plea vow vows"
)

#: Prepositions (and "to") that give a speech noun its topic or aim without a clause:
#: "X's comments on the shooting", "her decision to meet", "his adulation of".
SPEECH_NOUN_LINKS = words("about on of over against to for with toward towards")

POSSESSIVE_PRONOUNS = words("his her their")


# --- Source typing and coreference ---------------------------------------------------

HEAD_LINKS = NP_LINKS - {"&"} | {"who"}

INDEFINITE_DETERMINERS = words(
    """
    a an one two three four five six several some many multiple various numerous few dozens
    other another unnamed anonymous senior most more
    """
)

ANONYMITY_MARKERS = words(
    """
    unnamed anonymous anonymity familiar knowledge unidentified briefed
    """
)

BARE_ANONYMOUS_HEADS = words(
    """
    source sources people person officials insiders aides diplomats analysts experts
    observers critics residents witnesses supporters voters others some many staffers
    advisers advisors allies lawmakers officers employees members investigators prosecutors
    economists scientists researchers doctors authorities
    """
)

PARTITIVE_QUANTIFIERS = words("one two three four five some both all")

ANAPHORIC_DETERMINERS = words("the those these that this such")

GROUP_NAMES = words(
    """
    republicans democrats conservatives liberals progressives gop tories labour independents
    evangelicals
    """
)

GOVERNMENT_PHRASES = (
    ("white", "house"),
    ("state", "department"),
    ("justice", "department"),
    ("foreign", "ministry"),
    ("defense", "ministry"),
    ("defence", "ministry"),
    ("downing", "street"),
    ("home", "office"),
    ("foreign", "office"),
)

NATIONALITY_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ic")

FEMALE_TITLES = words("mrs. ms. mrs ms miss madam queen lady")

MALE_TITLES = words("mr. mr sir king lord")

NP_PARTICIPLES = words(
    """
    sent hired paid named chosen appointed led run held kept made given taken brought sought
    """
)

#: Person nouns that "the" + noun may point back with ("the nominee").
PERSON_NOUNS = words(
    "nominee candidate businessman businesswoman man woman billionaire mogul host author star"
)

LEADING_WORDS = SENTENCE_ADVERBS | DETERMINERS

#: Outlet nouns that other bodies share ("the agency", "the network").
SHARED_OUTLET_NOUNS = words(
    """
    agency network service site website channel station journal daily news wire
    """
)

NAME_TITLES = OFFICIAL_TITLES | {"former", "us", "u.s.", "then", "acting", "interim", "state"}


# --- Verification notes, rebuttals and conflicts -------------------------------------

VERIFY_NEGATIONS = words(
    """
    unable not n't cannot couldn't can't hasn't haven't didn't wasn't weren't hadn't never
    no nor impossible
    """
)

VERIFY_VERBS = words(
    """
    verify verified confirm confirmed corroborate corroborated authenticate authenticated
    substantiate substantiated
    """
)

VERIFY_FILLERS = words(
    """
    to be been independently immediately yet able was were is are has have had could can did
    does not n't separately itself fully possible
    """
)

SELF_SUBJECTS = frozenset({"we", "this", "our"})

REBUT_VERBS = words(
    """
    denied denies deny rejected rejects dismissed dismisses refuted refutes disputed
    disputes contradicted contradicts contested
    """
)

#: Words between a rebuttal verb and its object that keep it pointing back.
POINTING_WORDS = words(
    "the these those its their such any of all earlier previous latest new media news initial"
)

GENERIC_OBJECTS = words(
    """
    report reports claim claims allegation allegations account accounts it this that them
    those these story stories information details figures assertion assertions reporting
    report's video footage claims. charge charges
    """
)

#: Objects that point back only with a determiner ("the memo", "its contents").
POINTED_OBJECTS = words(
    """
    contents content memo memos document documents letter letters email emails records
    recording recordings authenticity findings figure numbers data version accounts
    statements statement description descriptions quote quotes remarks comments memo's
    document's letter's
    """
)

CONTRA_VERBS = words(
    """
    contradicted contradicts contradict contradicting disagreed disagrees countered counters
    rebutted rebuts refuted refutes
    """
)

CONTRA_THAT_VERBS = words(
    """
    disputed disputes dispute denied denies deny rejected rejects contested contests
    """
)


# --- Claims and publishers -----------------------------------------------------------

CURLY_OPENERS = frozenset("“«")

CURLY_CLOSERS = frozenset("”»")

#: Words that open a coordinated clause ("and then called").
CLAUSE_OPENERS = words("and but yet also then later has have had again repeatedly even still")

SELF_MARKERS = (
    ("was", "unable"),
    ("were", "unable"),
    ("could", "not"),
    ("couldn't",),
    ("has", "not"),
    ("has", "learned"),
    ("has", "reached"),
    ("reached", "out"),
    ("has", "contacted"),
    ("contacted",),
    ("has", "confirmed"),
    ("independently",),
    ("was", "not"),
    ("cannot",),
    ("has", "asked"),
    ("asked",),
)

SELF_NOUNS = words("reporter reporters correspondent correspondents staff")

#: Words that open a credit line ("Reporting by X; editing by Y").
CREDIT_WORDS = words(
    """
    reporting editing writing additional compiled edited written photo photos photograph
    photography illustration graphics video research translation translated produced
    contributing contributed image images credit source sources by
    """
)

#: Base-form verbs that open an imperative ("Read the full report", "Sign up").
IMPERATIVES = words(
    """
    read sign click follow share subscribe watch listen see join download get visit contact
    email call send tap log register learn find check try don't do please let tell support
    donate explore discover view browse order buy
    """
)


# --- Names the registry lacks: outlets, companies, states ----------------------------

#: Heads that make a proper-noun phrase a news organisation on their own.
STRONG_NEWS_HEADS = words(
    """
    journal times post herald gazette tribune ledger courier chronicle telegraph dispatch
    inquirer sentinel bulletin examiner daily wire magazine newspaper broadcasting newswire
    newsweek
    """
)

#: Heads that also name other things ("Golden Globe", "Gold Standard"): they
#: need an outlet context (reported, told, according to, 's reporter ...).
WEAK_NEWS_HEADS = words(
    """
    news press star sun mirror globe record register standard express review radio
    television tv network insider monitor observer weekly digest leader citizen guardian
    independent advocate journal-constitution online today
    """
)

#: Two-word heads: "X News Agency", "X Broadcasting Corporation".
NEWS_PAIR_HEADS = frozenset(
    {
        ("news", "agency"),
        ("press", "agency"),
        ("news", "service"),
        ("wire", "service"),
        ("broadcasting", "corporation"),
        ("broadcasting", "company"),
        ("broadcasting", "service"),
        ("broadcasting", "system"),
        ("news", "network"),
        ("press", "association"),
    }
)

#: Verbs after a subject that show it is an outlet.
OUTLET_SUBJECT_VERBS = words(
    """
    reported reports reporting learned learnt revealed published confirmed obtained reviewed
    wrote writes broadcast aired first previously earlier also has had have was could
    independently said says
    """
)

#: Verbs that make the subject before them an outlet on their own.
OUTLET_REPORT_VERBS = words(
    "reported reports learned learnt revealed published obtained wrote confirmed aired broadcast"
)

#: Words before an NP that show it is an outlet ("told", "according to").
OUTLET_PREVIOUS = words("told tells to per citing with by on in")
#: Documents a source issues ("said in a statement"); later "the statement said" is
#: the issuer speaking.
ISSUED_DOCUMENTS = words("statement letter email release memo post tweet message note")
#: Jobs whose employer, named after "for"/"at", is a news outlet ("a reporter for X").
JOURNALIST_ROLES = words(
    """
    reporter reporters correspondent correspondents columnist columnists journalist
    journalists editor editors anchor anchors writer writers contributor reporter's
    """
)

#: Nouns after a possessive outlet ("the Monitor's reporter").
OUTLET_POSSESSED = words(
    """
    reporter reporters correspondent correspondents editor editors report reporting story
    article investigation analysis columnist editorial journalist journalists staff newsroom
    coverage
    """
)

COMPANY_HEADS = words(
    """
    therapeutics pharmaceuticals pharma biotech biosciences technologies technology systems
    holdings industries inc inc. corp corp. corporation ltd ltd. llc plc group motors
    airlines airways energy bank capital partners labs laboratories software solutions
    enterprises foods brands logistics mining petroleum telecom communications electronics
    ventures co co. company ag sa gmbh insurance semiconductor robotics shipping steel
    equities securities advisors advisers productions records entertainment media studios
    pictures films associates analytics consulting airlines bancorp financial
    """
)

STATE_NOUNS = words(
    """
    government cabinet ministry parliament navy army military president prime foreign
    defence defense interior embassy armed coast air border regime junta ambassador envoy
    king queen monarchy legislature senate congress treasury central finance health justice
    """
)

STATE_PREFIXES = words(
    """
    republic kingdom state emirate federation principality sultanate commonwealth
    """
)

NAME_LINKS = words("of & - de del la le al")


# --- Quotations and embedded posts --------------------------------------------------

#: Words that name a platform: a paragraph with one introduces a post, it is not one.
POST_PLATFORM_WORDS = words(
    """
    twitter tweet tweets tweeted instagram facebook tiktok youtube threads bluesky linkedin
    mastodon reddit
    """
)


# --- Given names: a person's likely gender, for "he" and "she" -------------------------

#: Common given names borne mostly by women (lower case).  Names that many men and
#: women share (Jordan, Taylor, Alex, Robin ...) are in neither list.
FEMALE_NAMES = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda
    melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela
    helen anna brenda pamela nicole samantha katherine emma ruth christine catherine
    debra rachel carolyn janet maria heather diane julie joyce olivia
    kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
    jacqueline frances gloria ann teresa kathryn sara janice jean alice doris
    abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie
    diana brittany natalie isabella rose alexis kayla nora ella claire clara
    lucy sophie chloe zoe mia ava ellie audrey stella hazel violet
    penelope naomi ruby eva leah lily esther miriam tamara vanessa valerie monica
    veronica erica erin tiffany crystal wendy kristen kristin kirsten allison alison
    caroline sylvia yvonne ingrid greta astrid helga ursula brigitte monique sabine
    nathalie natalia natasha svetlana olga irina tatiana yulia oksana elena ekaterina
    anastasia marina ludmila galina lena priya sunita anita kavita lakshmi deepika
    aishwarya indira sonia shreya pooja neha fatima aisha ayesha zainab mariam maryam
    leila layla yasmin noor amira hana sakura yuki yoko keiko mei ling ngozi chioma
    amina wanjiru nadia jessie kate kathy katie beth betsy nina tina gina jill jane
    joanne jo carla carmen lucia sofia gabriela isabel paula adriana alejandra fernanda
    daniela valentina camila mariana lorena rosa ilhan alexandria kamala hillary nikki
    kirstjen condoleezza madeleine giorgia jacinda nicola liz kristi gretchen
    stacey elise tulsi marsha tammy dianne debbie jeanne maxine ayanna rashida michele
    melania ivanka meghan camilla oprah beyonce rihanna adele serena venus simone
    mallory
    """
)
#: Common given names borne mostly by men (lower case).
MALE_NAMES = words(
    """
    james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond
    patrick jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle ethan walter noah jeremy christian keith roger terry gerald harold sean carl
    arthur lawrence dylan jesse bryan joe billy bruce albert willie gabriel logan alan
    juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
    mike bill bob tom jim tim ted ben dan dave steve chris nick matt greg jeff rick ron
    ken don fred hank hugh ian neil nigel oliver oscar owen rupert simon stuart trevor
    victor wesley xavier zach boris vladimir dmitry sergei sergey alexei alexey ivan
    igor mikhail yuri nikolai viktor oleg andrei andriy volodymyr petro olaf hans jurgen
    klaus wolfgang helmut gerhard heinz fritz emmanuel francois jacques pierre
    jean-claude michel nicolas giuseppe giovanni mario luigi matteo marco silvio carlos
    luis jorge miguel pedro manuel francisco javier diego alejandro rafael fernando
    ricardo sergio andres mohammed muhammad mohammad ahmed ahmad ali hassan hussein omar
    mahmoud khalid abdullah ibrahim youssef yusuf mustafa recep tayyip yair naftali bibi
    narendra rahul arvind amit sanjay rajesh suresh ramesh vijay anil sunil ajay manoj
    imran nawaz shehbaz jinping hiroshi takeshi shinzo fumio yoshihide jae-in keir rishi
    kurt kurt-georg gordon tony barack mitch chuck lindsey rand bernie pete beto rudy
    charlie cam jonas marc elon sundar satya warren zippy derek kristian liam mason
    lucas aiden sebastian julian leo luke isaac caleb hunter connor evan gavin cole
    wyatt levi brett jared seth shane travis troy dale glenn howard lloyd leonard norman
    earl clarence herbert melvin alvin harvey marvin stanley vernon jerome leon franklin
    """
)
#: Generational suffixes after a surname ("Kennedy Jr.").
NAME_SUFFIXES = words("jr sr ii iii iv")
#: Capitalised words that are never part of a person's name ("No Place Like Home").
NOT_NAME_WORDS = words(
    """
    i like of the and or for in on at with from to is was are were my your our their its
    his her no not all new old this that these those what when where why how here there
    """
)


# --- Conflicting accounts ---------------------------------------------------------------

#: Objects after "disputed"/"denied"/"rejected" that make it a rebuttal of an account.
CONTRA_OBJECTS = words(
    "that the claims claim suggestions suggestion any reports report account accounts allegations"
)
#: Words of four letters or more that say nothing of what a claim is about (for
#: telling whether two accounts concern the same thing).
CONTENT_STOPWORDS = words(
    """
    that this these those with from have has had been were would could should will there
    their they them what when where which while said says told also about after before
    into over than then just only very more most some such other others being does
    """
)
#: Words that open a concessive clause ("Although X suggested ..., Y said ..."): the
#: two accounts of the sentence are the ones in conflict.
CONCESSIVE_OPENERS = words("although though while whereas despite even")


# --- Events, not speech -------------------------------------------------------------------

#: Verbs of doing, not saying: a cue only when reported content follows ("released a
#: statement saying ...", "issued a warning that ..."), never with a plain object
#: ("blocked the road", "released the figures", "scored twice").  "agree", "decline"
#: and "refuse" stay cues: "declined to comment" is an attribution in PolNeAR's sense
#: (measured: as events they cost 0.8 points of PolNeAR recall).
EVENT_LEMMAS = words("release block sign see score unveil launch publish air broadcast issue")
#: Every given name of either list (a first word that is none may be a family name).
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
#: Words before a document noun that make it one the text can point back to ("its audit").
DOCUMENT_DETERMINERS = words("the a an its their his her this that new")
