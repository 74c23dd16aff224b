"""The facts of the 2016 report, chapter by chapter, as the suite checks them.

The header blocks and panels are read from the seed itself (`seeds.py`). Who
spoke and for whom are listed here, each entry as the seed gives it: the
suite first checks that the seed's chapter holds it, so the list cannot
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
