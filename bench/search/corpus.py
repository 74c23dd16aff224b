"""A generated record of many series, for measuring the search at scale.

Statements are composed from pools of sentences on the topics of migration and
development, with States, speakers, capacities, figures and places drawn from
a seeded random generator: the same arguments always give the same corpus.
Among them sit a few "marked" statements whose content appears nowhere else;
the labelled queries (bench/search/labelled_queries.yaml) look for them by
their key, `<series slug>/<meeting number>/<segment key>/<position>`.

This module knows nothing of the database: `load.py` writes what it yields.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

SEED = 2016
SERIES = 50
MEETINGS_PER_SERIES = 10
SEGMENTS = (
    ("opening", "opening_remarks", "Opening remarks"),
    ("panel-1", "panel", "First panel"),
    ("debate-1", "interactive_debate", "Interactive debate"),
    ("panel-2", "panel", "Second panel"),
    ("debate-2", "interactive_debate", "Interactive debate"),
)


@dataclass(frozen=True)
class Statement:
    series: int  # 1-based
    meeting: int  # 1-based within the series
    segment: str  # key, one of SEGMENTS
    position: int  # 1-based within the segment
    kind: str
    capacity: str  # national, organisation, group
    state: str  # ISO alpha-3 for a national statement, else ""
    organisation: str  # key of an organisation, else ""
    speaker: int  # index into `people()`
    summary: str
    points: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{series_slug(self.series)}/{self.meeting}/{self.segment}/{self.position}"


def series_slug(number: int) -> str:
    return f"bench-s{number:02d}"


SERIES_THEMES = (
    "labour mobility and skills",
    "protection of people on the move",
    "remittances and financial inclusion",
    "climate, disasters and displacement",
    "return and reintegration",
    "migration data and evidence",
    "integration in cities",
    "children and young people in migration",
    "health of migrants",
    "diasporas and development",
)

ORGANISATIONS = (
    ("bench-iom", "International Organization for Migration", "IOM", "international_organisation"),
    ("bench-unhcr", "Office of the High Commissioner for Refugees", "UNHCR", "un_entity"),
    ("bench-ilo", "International Labour Organization", "ILO", "un_entity"),
    ("bench-unicef", "United Nations Children's Fund", "UNICEF", "un_entity"),
    ("bench-undp", "United Nations Development Programme", "UNDP", "un_entity"),
    ("bench-who", "World Health Organization", "WHO", "un_entity"),
    ("bench-unwomen", "UN Women", "UN Women", "un_entity"),
    ("bench-ifad", "International Fund for Agricultural Development", "IFAD", "un_entity"),
    ("bench-wb", "World Bank", "", "un_entity"),
    ("bench-ifrc", "Red Cross and Red Crescent Federation", "IFRC", "international_organisation"),
    ("bench-mwn", "Migrant Workers Network", "MWN", "ngo"),
    ("bench-cdn", "Children on the Move Coalition", "CMC", "ngo"),
    ("bench-dfa", "Diaspora Forum for Africa", "DFA", "ngo"),
    ("bench-imi", "Institute for Mobility Studies", "IMS", "academia"),
    ("bench-rta", "Remittance Technology Alliance", "RTA", "private_sector"),
)

GIVEN = (
    "Amina",
    "Carlos",
    "Mei",
    "Olga",
    "Youssef",
    "Priya",
    "Kwame",
    "Sofia",
    "Tomás",
    "Leila",
    "Hiroshi",
    "Nadia",
    "Pedro",
    "Fatou",
    "Ivan",
    "Grace",
    "Omar",
    "Ana",
    "Chen",
    "Elena",
    "Samuel",
    "Aisha",
    "Diego",
    "Ingrid",
    "Rahul",
    "Mariam",
    "Jonas",
    "Lucía",
    "Tariq",
    "Zanele",
)
FAMILY = (
    "Diallo",
    "Haddad",
    "Nakamura",
    "Petrova",
    "Mensah",
    "García",
    "Okafor",
    "Rahman",
    "Silva",
    "Kowalski",
    "Ndiaye",
    "Al-Sayed",
    "Lindqvist",
    "Mwangi",
    "Fernández",
    "Tanaka",
    "Ivanova",
    "Banda",
    "Morales",
    "Chowdhury",
    "Nguyen",
    "Osei",
    "Bakr",
    "Hansen",
    "Quispe",
    "Zhou",
)
TITLES_NATIONAL = (
    "the Permanent Representative",
    "the Deputy Minister",
    "the delegate",
    "the Ambassador",
)

GROUPS = (
    "women migrant workers",
    "young people",
    "older migrants",
    "migrants with disabilities",
    "seasonal workers",
    "domestic workers",
    "students from abroad",
    "families left behind",
)
PLACES = (
    "border towns",
    "capital cities",
    "rural districts",
    "coastal provinces",
    "transit hubs",
    "informal settlements",
    "mining regions",
    "island communities",
)
FIGURES = (2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 20, 40, 120, 350, 1200, 4500)
SECTORS = (
    "agriculture",
    "construction",
    "care work",
    "fisheries",
    "hospitality",
    "health care",
    "manufacturing",
)

# Each topic: sentences a speaker says about it. Slots: {state} {group} {place}
# {sector} {n} {pct} {year} {org}.
TOPICS: dict[str, tuple[str, ...]] = {
    "labour": (
        "Labour shortages in {sector} are met by workers recruited under bilateral agreements.",
        "{state} has signed {n} agreements on the mobility of workers since {year}.",
        "Recruitment fees charged to workers must be abolished; employers should carry them.",
        "Skills acquired abroad are too often not recognised when workers come home.",
        "Our ministry of labour now inspects the contracts offered to {group} before departure.",
        "Circular schemes let workers in {sector} return each season without losing their status.",
    ),
    "protection": (
        "No one should be returned to a place where their life or freedom is threatened.",
        "Reception centres in {place} are overcrowded and need urgent support.",
        "Access to asylum procedures has to be guaranteed at every border crossing.",
        "Detention must remain a last resort and never apply to children.",
        "The protection needs of {group} are rarely identified on arrival.",
        "Legal aid was provided to {n} people seeking international protection last year.",
    ),
    "remittances": (
        "Money sent home by migrants exceeds official development assistance in {state}.",
        "The average cost of sending money home remains near {pct} per cent, far above the target.",
        "Digital transfer services have cut fees for families in {place}.",
        "Families use what relatives send from abroad to pay for school and medicine.",
        "Financial literacy courses help {group} save and invest what they earn.",
        "Banks should open accounts for migrants without demanding documents they cannot obtain.",
    ),
    "climate": (
        "Rising seas and repeated droughts are forcing people in {place} to leave their land.",
        "Planned relocation of communities must be done with their consent and participation.",
        "Disaster risk reduction plans in {state} now take human mobility into account.",
        "Crop failures after {n} dry seasons pushed young farmers towards the cities.",
        "People displaced by storms often fall outside existing protection frameworks.",
        "Early warning systems allowed {n} families to move before the floods arrived.",
    ),
    "return": (
        "Returnees need jobs, housing and psychosocial support to rebuild their lives.",
        "Voluntary return must be safe, dignified and sustainable.",
        "{state} helped {n} returning migrants start small businesses in {year}.",
        "Reintegration works best when local authorities and communities are involved.",
        "Forced returns without support simply lead people to migrate again.",
    ),
    "data": (
        "Without reliable figures, policy on migration is made in the dark.",
        "Data disaggregated by sex, age and migratory status are still missing in most countries.",
        "{state} carried out its first survey of emigrants in {year}.",
        "National statistical offices need help to count people who move across borders.",
        "Administrative records from border posts could be shared more systematically.",
    ),
    "integration": (
        "Cities are on the front line of welcoming newcomers.",
        "Language classes and recognition of diplomas speed up integration.",
        "Local authorities in {place} opened one-stop centres for migrants.",
        "Migrants should be able to use public services whatever their status.",
        "Social cohesion suffers when newcomers are housed apart from everyone else.",
    ),
    "children": (
        "Every child on the move is first and foremost a child, with the rights of any child.",
        "Birth registration for children born in transit is often impossible.",
        "Schools in {place} enrolled {n} children of migrant families this year.",
        "Family reunification procedures keep children waiting far too long.",
        "Guardianship systems for separated children remain weak.",
    ),
    "health": (
        "Migrants must have access to essential health care, including mental health services.",
        "Vaccination campaigns in {place} reached migrants and host communities alike.",
        "{group} often cannot afford medicines or consultations.",
        "Health workers who emigrate leave gaps that poorer countries struggle to fill.",
        "Universal health coverage will not be universal if migrants are left out.",
    ),
    "diaspora": (
        "Our diaspora is a bridge for trade, investment and knowledge.",
        "{state} created an office for citizens abroad in {year}.",
        "Diaspora bonds financed {n} infrastructure projects at home.",
        "Professionals abroad return for short missions to teach in universities.",
        "Dual citizenship has strengthened ties with communities overseas.",
    ),
    "trafficking": (
        "Smuggling networks exploit people who have no safe way to move.",
        "Victims of trafficking must be protected, not prosecuted.",
        "Cooperation between police and prosecutors across borders led to {n} convictions.",
        "Hotlines in {place} let people report exploitation anonymously.",
        "{group} are particularly exposed to forced labour and debt bondage.",
    ),
    "xenophobia": (
        "Hate speech against migrants has grown on social media.",
        "Political leaders have a responsibility to speak accurately about migration.",
        "Campaigns in {place} showed what newcomers bring to local life.",
        "Discrimination in hiring and renting remains widespread.",
        "Public narratives should rest on evidence rather than fear.",
    ),
    "development": (
        "Migration well governed contributes to the Sustainable Development Goals.",
        "Target 10.7 asks for orderly, safe, regular and responsible migration.",
        "Development plans in {state} now include a chapter on human mobility.",
        "Investment in {place} should give people the choice to stay.",
        "Migration is a development outcome as much as a development driver.",
    ),
    "regular-pathways": (
        "More regular pathways would reduce irregular and dangerous journeys.",
        "{state} introduced a humanitarian visa in {year}.",
        "Student visas and family reunification are existing pathways that can be widened.",
        "Regularisation gave {n} people in an irregular situation a legal status.",
        "Pathways for {group} should be predictable and affordable.",
    ),
    "gender": (
        "Women make up almost half of all international migrants.",
        "Gender-responsive policies reduce the risks women face on the move.",
        "{group} are exposed to violence at every stage of the journey.",
        "Women's organisations in {place} should be funded to run shelters.",
        "Migration laws must not tie a woman's status to her spouse.",
    ),
    "responsibility": (
        "Countries hosting the most refugees cannot carry that responsibility alone.",
        "Predictable, multi-year funding must replace emergency appeals.",
        "Host communities in {place} need investment in schools, water and jobs.",
        "Resettlement places offered worldwide fall far short of needs.",
        "{state} pledged to resettle {n} refugees over {year} and the following year.",
    ),
}

OPENERS_NATIONAL = (
    "{title} of {state} said that ",
    "Speaking for {state}, {name} noted that ",
    "The delegation of {state} stated that ",
    "{name}, for {state}, stressed that ",
    "On behalf of {state}, {title} observed that ",
)
OPENERS_ORGANISATION = (
    "For {org}, {name} explained that ",
    "The representative of {org} said that ",
    "{name} reported on the work of {org}: ",
    "Speaking for {org}, {name} recalled that ",
)
OPENERS_GROUP = (
    "On behalf of the {group_name}, {name} said that ",
    "Speaking for the {group_name}, the delegate of {state} stressed that ",
)
GROUP_NAMES = (
    "Group of 77 and China",
    "African Group",
    "Group of Small Island Developing States",
    "European Union",
)
CLOSERS = (
    "",
    "",
    " The speaker called on partners to act before the next meeting.",
    " {org} was asked to report on progress by {year}.",
    " Member States were urged to share good practice.",
    " The statement ended with a pledge of continued cooperation.",
)
POINTS = {
    "labour": (
        "Ban recruitment fees.",
        "Recognise skills across borders.",
        "Protect seasonal workers.",
    ),
    "protection": (
        "End child detention.",
        "Guarantee access to asylum.",
        "Fund reception in {place}.",
    ),
    "remittances": ("Lower transfer costs.", "Open bank accounts to migrants."),
    "climate": ("Plan relocation with communities.", "Include mobility in disaster plans."),
    "data": ("Disaggregate data by migratory status.", "Support statistical offices."),
    "children": ("Register every birth.", "Appoint guardians without delay."),
    "responsibility": ("Multi-year funding for host countries.", "More resettlement places."),
}

# Statements of content found nowhere else, at fixed places; the labelled queries
# look for them. Each is (series, segment, text).
MARKED: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "panel-1",
        "The delegate described a pilot in which fishermen from the coast are trained as "
        "solar panel installers before the fishing grounds collapse, so that they can stay "
        "or move by choice.",
    ),
    (
        2,
        "panel-1",
        "She reported that a mobile application lets nurses working abroad renew their "
        "professional licence from home, which had kept three thousand of them in the profession.",
    ),
    (
        3,
        "panel-1",
        "He described a scheme matching refugee engineers with rebuilding projects in "
        "earthquake-struck towns, paid at the same rate as local staff.",
    ),
    (
        4,
        "panel-1",
        "The representative explained that consular staff now visit prisons every month "
        "to check on nationals held abroad for immigration offences.",
    ),
    (
        5,
        "panel-1",
        "A fund pooling small deposits from emigrants pays for rainwater tanks in villages "
        "of the highlands, the speaker said, and eighty villages have them already.",
    ),
    (
        6,
        "panel-1",
        "The delegate announced that textbooks in the mother tongue of refugee pupils will be "
        "printed locally, so that lessons continue while families wait for a decision.",
    ),
    (
        7,
        "panel-1",
        "She proposed that lorry drivers crossing the region carry a single health card, "
        "recognised at every border, to end repeated medical checks.",
    ),
    (
        8,
        "panel-1",
        "According to the speaker, a lottery for work visas had been replaced by a points "
        "system that rewards knowledge of the language and a job offer.",
    ),
    (
        9,
        "panel-1",
        "He told the meeting that identity documents destroyed in the floods were issued "
        "again free of charge by mobile registration teams travelling by boat.",
    ),
    (
        10,
        "panel-1",
        "The organisation described midwives trained in camps who now work in the "
        "district hospital, where births attended by a skilled person doubled.",
    ),
    (
        11,
        "panel-1",
        "The speaker warned that online job offers promising work as models abroad "
        "were a front for exploitation, and that a hundred young women had been rescued.",
    ),
    (
        12,
        "panel-1",
        "A cooperative of returning migrants grows coffee for export, the delegate "
        "said, using savings from years of work in orchards overseas.",
    ),
    (
        13,
        "panel-1",
        "The delegate explained that pension rights earned abroad can now be carried "
        "home thanks to a social security agreement between the two countries.",
    ),
    (
        14,
        "panel-1",
        "She reported that a radio drama in three languages, broadcast on market days, "
        "explained the dangers of crossing the desert with smugglers.",
    ),
    (
        15,
        "panel-1",
        "The speaker announced a scholarship covering tuition and rent for refugee "
        "students admitted to the national university of agriculture.",
    ),
)


def layout(statements: int, series: int = SERIES) -> list[list[list[int]]]:
    """How many statements each segment of each meeting of each series holds,
    spreading `statements` as evenly as the order of the record allows."""
    per_series = [
        statements // series + (1 if i < statements % series else 0) for i in range(series)
    ]
    shape = []
    for count in per_series:
        meetings = max(1, min(MEETINGS_PER_SERIES, count // len(SEGMENTS)))
        per_meeting = [
            count // meetings + (1 if i < count % meetings else 0) for i in range(meetings)
        ]
        shape.append(
            [
                [
                    n // len(SEGMENTS) + (1 if i < n % len(SEGMENTS) else 0)
                    for i in range(len(SEGMENTS))
                ]
                for n in per_meeting
            ]
        )
    return shape


def people(count: int = 1200) -> list[tuple[str, str, str, str]]:
    """(key, honorific, given name, family name) of the speakers, the same for a same count."""
    generator = random.Random(SEED + 1)
    honorifics = ("Mr.", "Ms.", "Dr.", "H.E.", "Prof.")
    return [
        (
            f"bench-p{index:04d}",
            generator.choice(honorifics),
            generator.choice(GIVEN),
            generator.choice(FAMILY),
        )
        for index in range(count)
    ]


def statements(
    count: int, states: Sequence[tuple[str, str]], *, series: int = SERIES
) -> Iterator[Statement]:
    """`count` statements in record order; `states` are (ISO alpha-3, short name) pairs."""
    generator = random.Random(SEED)
    speakers = people()
    marked = {(number, segment): text for number, segment, text in MARKED}
    for series_index, meetings in enumerate(layout(count, series), start=1):
        theme_topics = _theme_topics(series_index)
        for meeting_index, segments in enumerate(meetings, start=1):
            for (segment_key, segment_kind, _title), size in zip(SEGMENTS, segments, strict=True):
                for position in range(1, size + 1):
                    statement = _composed(generator, states, speakers, theme_topics)
                    text = (
                        marked.get((series_index, segment_key))
                        if meeting_index == 1 and position == 1
                        else None
                    )
                    yield Statement(
                        series=series_index,
                        meeting=meeting_index,
                        segment=segment_key,
                        position=position,
                        kind=_kind(segment_kind, generator),
                        **{**statement, **({"summary": text, "points": ()} if text else {})},
                    )


def _theme_topics(series_index: int) -> list[str]:
    """Each series dwells on a few topics and touches the others."""
    names = list(TOPICS)
    start = (series_index * 3) % len(names)
    return [names[(start + i) % len(names)] for i in range(4)]


def _kind(segment_kind: str, generator: random.Random) -> str:
    if segment_kind == "panel":
        return "presentation"
    if segment_kind == "opening_remarks":
        return "remarks"
    return generator.choice(("statement", "statement", "question", "answer"))


def _composed(
    generator: random.Random,
    states: Sequence[tuple[str, str]],
    speakers: Sequence[tuple[str, str, str, str]],
    theme_topics: Sequence[str],
) -> dict[str, object]:
    iso3, state_name = generator.choice(states)
    organisation = generator.choice(ORGANISATIONS)
    speaker = generator.randrange(len(speakers))
    _key, honorific, given, family = speakers[speaker]
    slots = {
        "state": state_name,
        "group": generator.choice(GROUPS),
        "place": generator.choice(PLACES),
        "sector": generator.choice(SECTORS),
        "n": f"{generator.choice(FIGURES):,}",
        "pct": generator.choice(("6", "7", "8", "9")),
        "year": str(generator.randrange(2010, 2030)),
        "org": organisation[2] or organisation[1],
        "name": f"{honorific} {given} {family}",
        "title": generator.choice(TITLES_NATIONAL),
        "group_name": generator.choice(GROUP_NAMES),
    }
    roll = generator.random()
    if roll < 0.55:
        capacity, opener = "national", generator.choice(OPENERS_NATIONAL)
    elif roll < 0.9:
        capacity, opener = "organisation", generator.choice(OPENERS_ORGANISATION)
    else:
        capacity, opener = "group", generator.choice(OPENERS_GROUP)
    topics = [generator.choice(theme_topics)]
    if generator.random() < 0.6:
        topics.append(generator.choice(list(TOPICS)))
    sentences: list[str] = []
    for topic in topics:
        pool = TOPICS[topic]
        sentences.extend(generator.sample(pool, k=min(len(pool), generator.randint(1, 3))))
    first = sentences[0]
    text = (
        opener
        + first[0].lower()
        + first[1:]
        + " "
        + " ".join(sentences[1:])
        + generator.choice(CLOSERS)
    )
    points: tuple[str, ...] = ()
    if topics[0] in POINTS and generator.random() < 0.3:
        points = tuple(generator.sample(POINTS[topics[0]], k=min(2, len(POINTS[topics[0]]))))
    return {
        "capacity": capacity,
        "state": iso3 if capacity != "organisation" else "",
        "organisation": organisation[0] if capacity == "organisation" else "",
        "speaker": speaker,
        "summary": text.format(**slots).strip(),
        "points": tuple(point.format(**slots) for point in points),
    }


def fresh_queries(count: int, *, seed: int = 15) -> list[str]:
    """`count` distinct questions in the corpus' words, none of them a
    labelled query: runs of two to five words from the topics' sentences
    (slots left out), half of them followed by a run from another sentence.
    For measuring the search as it is when every question is asked for the
    first time (no remembered query vector)."""
    generator = random.Random(seed)
    sentences = [
        re.findall(r"[a-z][a-z'-]*", re.sub(r"\{\w+\}", " ", sentence.lower()))
        for sentences in TOPICS.values()
        for sentence in sentences
    ]
    sentences = [words for words in sentences if len(words) >= 2]

    def run() -> str:
        words = generator.choice(sentences)
        length = generator.randint(2, min(5, len(words)))
        start = generator.randint(0, len(words) - length)
        return " ".join(words[start : start + length])

    found: dict[str, None] = {}
    while len(found) < count:
        found.setdefault(f"{run()} {run()}" if generator.random() < 0.5 else run())
    return list(found)
