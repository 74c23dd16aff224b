"""The facts of the 2016 report, chapter by chapter, and of the concept notes,
as the suite checks them.

The report's header blocks and panels are read from the seed itself
(`seeds.py`). Who spoke and for whom, and the concept notes' sections, topics,
event details and participants, are listed here, each entry as the seed
gives it: the suite first checks that the seed holds it, so the list cannot
drift from the seed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    """A person at their first mention in a chapter: honorific, name, post and organisation.

    `post` and `organisation` are alternatives (regular expressions on
    folded text): the seed and Convener may spell an organisation out or
    give its acronym.
    """

    name: str
    honorific: str  # empty where the seeds give none, not even by a pronoun
    post: str
    organisation: str

    @property
    def family_name(self) -> str:
        return self.name.split()[-1]


# In each chapter, in the order the seed introduces them. Honorifics the
# seed leaves out follow the pronoun it uses ("He", "She"); for two people
# the seeds give neither, and none is checked.
PEOPLE: dict[int, tuple[Person, ...]] = {
    1: (
        Person("Lakshmi Puri", "Ms.", "assistant secretary general", "un women"),
        Person("Karel van Oosterom", "H.E.", "permanent representative", "netherlands"),
        Person("Virachai Plasai", "H.E.", "permanent representative", "thailand"),
        Person("Bela Hovy", "Mr.", "chief of migration", "economic and social affairs|desa"),
        Person("Ninette Kelley", "Ms.", "director", "unhcr|high commissioner for refugees"),
        Person("Susana Adamo", "Ms.", "research scientist", "columbia university"),
        Person("Michele Klein-Solomon", "Ms.", "director", "migrants in countries in crisis"),
        Person("Lisa Simeone", "Ms.", "secretary", "global migration policy associates"),
        Person("Xavier de Victor", "Mr.", "fragility, conflict and violence", "world bank"),
        Person("Owen Shumba", "Mr.", "team leader", "undp|development programme"),
        Person(
            "Pedro Tigre de Vasconcelos",
            "",
            "programme coordinator",
            "ifad|agricultural development",
        ),
        Person("Marcy Hersh", "Ms.", "senior advocacy officer", "women's refugee commission"),
    ),
    2: (
        Person("John Brandolino", "Mr.", "treaty affairs", "unodc|drugs and crime"),
        Person("Juan Jose Gomez Camacho", "H.E.", "permanent representative", "mexico"),
        Person("Inigo Lambertini", "H.E.", "deputy permanent representative", "italy"),
        Person("Charles Radcliffe", "Mr.", "global issues", "ohchr|human rights"),
        Person("Matteo Pasquali", "Mr.", "deputy representative", "unodc|drugs and crime"),
        Person("Jemilah Mahmood", "Dr.", "partnerships", "ifrc|red cross and red crescent"),
        Person("Inkeri Von Hase", "Ms.", "programme analyst", "un women"),
        Person("Sarah Mehta", "Ms.", "human rights researcher", "aclu|civil liberties union"),
    ),
    3: (
        Person("Ninette Kelley", "Ms.", "director", "unhcr|high commissioner for refugees"),
        Person("Mwaba P. Kasese-Bota", "H.E.", "permanent representative", "zambia"),
        Person("Cristina Pucarinho", "H.E.", "deputy permanent representative", "portugal"),
        Person("Ajay Madiwale", "", "", "ifrc|red cross and red crescent"),
        Person("Anna Greene", "Ms.", "policy and advocacy director", "irc|rescue committee"),
        Person("James Milner", "Professor", "", "carleton university"),
        Person(
            "Izumi Nakamitsu", "Ms.", "assistant secretary general", "undp|development programme"
        ),
        Person("Colin Bruce", "Mr.", "regional integration", "world bank"),
        Person("Amir Abdulla", "Mr.", "deputy executive director", "wfp|world food programme"),
        Person(
            "Magdy Martinez Soliman", "Mr.", "assistant administrator", "undp|development programme"
        ),
        Person("Jennifer Topping", "Ms.", "director", "mptfo|multi partner trust fund"),
    ),
    4: (
        Person("Lakshmi Puri", "Ms.", "assistant secretary general", "un women"),
        Person("Guy Ryder", "Mr.", "director general", "ilo|international labour organi[sz]ation"),
        Person(
            "Laura Thompson", "Ms.", "deputy director general", "iom|organi[sz]ation for migration"
        ),
        Person("Michele LeVoy", "Ms.", "director", "picum|undocumented migrants"),
        Person("Kate Gilmore", "Ms.", "deputy high commissioner", "human rights"),
        Person("David Donoghue", "H.E.", "permanent representative", "ireland"),
        Person("Peter Sutherland", "Mr.", "special representative", "international migration"),
        Person("William Gois", "Mr.", "chair", "global coalition on migration"),
        Person("Md. Shahidul Haque", "H.E.", "foreign secretary", "bangladesh"),
        Person("Jurg Lauber", "H.E.", "permanent representative", "switzerland"),
    ),
}

# The Member States that took the floor in each meeting, as its executive
# summary counts them.
STATES_THAT_SPOKE: dict[int, tuple[str, ...]] = {
    1: ("Netherlands", "Thailand", "Austria", "Bangladesh", "Italy", "Mexico", "Tuvalu"),
    2: ("Mexico", "Italy", "Brazil"),
    3: ("Zambia", "Portugal", "Japan", "Australia", "Turkey", "Argentina"),
    4: ("Bangladesh", "Ireland", "Switzerland"),
}

# Organisations as the seed's header blocks name them, and as they may be written.
ORGANISATIONS = {
    "UN DESA": "desa|economic and social affairs",
    "IOM": "iom|organi[sz]ation for migration",
    "UNHCR": "unhcr|high commissioner for refugees",
    "OHCHR": "ohchr|high commissioner for human rights",
    "UNODC": "unodc|drugs and crime",
    "UNDP": "undp|development programme",
    "ILO": "ilo|international labour organi[sz]ation",
    "PICUM": "picum|undocumented migrants",
}


# The concept notes: the series' (seed 000, as first published), the 30 June
# meeting's (seed 003) and the 20 July meeting's (seed 001).


@dataclass(frozen=True)
class Topic:
    """A meeting as the series concept note first listed it, TBCs included."""

    date: str
    title: str
    time: str | None  # Convener's "10:00-13:00"; None: time and room to be confirmed
    time_in_seed: str | None  # the seed's "10am-1pm"
    room: str | None  # None where the seed gives none
    panels: tuple[str, ...]
    organisers: tuple[str, ...]  # keys of ORGANISATIONS
    co_chairs: str  # as the seed names them, or "TBC"


SERIES_NOTE_SECTIONS = (
    "Introduction",
    "Background and justification",
    "Format",
    "Topics",
    "Venue",
    "Outcome",
)

SERIES_NOTE_TOPICS = (
    Topic(
        "25 April 2016",
        "Understanding large movements of refugees and migrants",
        "10:00-13:00",
        "10am-1pm",
        None,
        (
            "Migration, displacement and the 2030 Agenda for Sustainable Development",
            "Impact of large movements of refugees and migrants in countries of origin, "
            "transit and destination",
        ),
        ("UN DESA", "IOM", "UNHCR"),
        "Kingdom of the Netherlands and Kingdom of Thailand",
    ),
    Topic(
        "30 June 2016",
        "Protecting the human rights of all people in vulnerable situations within large movements",
        "10:00-13:00",
        "10am-1pm",
        "Conference Room 5",
        (),
        ("OHCHR", "UNODC"),
        "TBC",
    ),
    Topic(
        "13 July 2016",
        "Strengthening responsibility sharing for refugees",
        "10:00-13:00",
        "10am-1pm",
        "Conference Room 6",
        (
            "Increasing legal pathways for admission and stay of persons in need of protection",
            "Promoting coherence between humanitarian and development financing",
        ),
        ("UNDP", "UNHCR"),
        "TBC",
    ),
    Topic(
        "20 July 2016",
        "Preparing a global compact for migration",
        None,
        None,
        None,
        (
            "Responding to large movements of refugees and migrants: Labour market options",
            "Responding to large movements of migrants: A global compact for migration",
        ),
        ("ILO", "IOM"),
        "TBC",
    ),
)

# The 30 June concept note: its Introduction and the facts of its own text
# (regular expressions on folded text; " ?" where pdftotext may join a word
# broken at its hyphen).
INTRODUCTION_30_JUNE = {
    "19 September 2016": "19 september 2016",
    "A/70/L.34": r"a/70/l\.34",
    "the Global Migration Group": "global migration group",
    "its 17 entities": "17 entities",
    "IOM": "international organization for migration",
    "half-day meetings": "half ?day",
    "non-governmental organisations": "non ?governmental organi[sz]ations",
    "research": "research",
    "informal": "informal",
}
TEXT_30_JUNE = {
    "the Universal Declaration of Human Rights": "universal declaration of human rights",
    "the 1951 Refugee Convention": "1951 refugee convention",
    "migrant smuggling": "migrant smuggling",
    "public narratives": "public narratives",
    "the principles and practical guidance": "principles and practical guidance",
    "the GMG working group": "gmg working group on human rights and gender equality",
    "a moderator": "moderator",
    "organiser OHCHR": ORGANISATIONS["OHCHR"],
    "organiser UNODC": ORGANISATIONS["UNODC"],
}

# The 20 July concept note: its sections, its one block of event details, and
# its participants in the order of the programme, each as the seed describes them.
SECTIONS_20_JULY = ("Background", "Scope of the meeting", "Event details", "Participants")
EVENT_DETAILS_20_JULY = {
    "date": "wednesday 20 july 2016",
    "time": "13:00 15:00",
    "room": "pdr 1 3,? delegates dining room",
    "floor": "4th floor",
    "venue": "united nations (hq|headquarters),? new york",
    "format": "sit ?down lunch",
}
_PEOPLE_OF_20_JULY = {person.name: person for person in PEOPLE[4]}
PARTICIPANTS_20_JULY = (
    Person("Craig Mokhiber", "Mr.", "", "ohchr|high commissioner for human rights"),
    *(
        _PEOPLE_OF_20_JULY[name]
        for name in (
            "Lakshmi Puri",
            "Guy Ryder",
            "Laura Thompson",
            "Kate Gilmore",
            "Michele LeVoy",
            "David Donoghue",
            "Peter Sutherland",
            "William Gois",
            "Md. Shahidul Haque",
            "Jurg Lauber",
        )
    ),
)
# The capacities two of them held at the meeting, which the programme gives.
CAPACITIES_20_JULY = {
    "Lakshmi Puri": "chair of the global migration group",
    "David Donoghue": "co ?facilitator",
}
