"""factory_boy factories for every model, for the whole test suite.

Defaults describe the public case: a series is published and a meeting is
published, so a test that is about drafts says so (`status=MeetingStatus.DRAFT`).

States and M49 areas are fetched by their code when it exists already, so the
factories work whether or not the reference data is loaded; the codes they
invent come from ranges no real State or area uses (ISO 3166's user-assigned
"X.." codes, lower-case letters), so they never collide with it.
"""

from __future__ import annotations

import datetime
import string

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from convener.directory.models import (
    ConveningGroup,
    ConveningGroupChair,
    M49Area,
    M49Level,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Person,
    RegionalGroup,
    State,
    StateGroup,
    StateGroupChair,
    StateGroupKind,
    StateGroupMembership,
)
from convener.meetings.models import (
    CoChair,
    ConceptNoteSection,
    ContentRevision,
    CoOrganiser,
    DevelopmentStatus,
    Meeting,
    MeetingStatus,
    Participation,
    ProgrammeRole,
    ReferenceDocument,
    SectionKind,
    Segment,
    SegmentKind,
    Series,
    SeriesStatus,
    StateClassification,
)
from convener.records.models import Capacity, Intervention, InterventionKind
from convener.roles.models import Grant
from convener.roles.models import Role as AccessRole


def _letters(n: int, width: int) -> str:
    """The n-th string of `width` capital letters: AA, AB, … ZZ."""
    letters = ""
    for _ in range(width):
        n, remainder = divmod(n, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a long test password")


class StaffFactory(UserFactory):
    """An account with Django's `is_staff` flag, which grants nothing in Convener:
    drafts are read by grants (see `secretariat_of`)."""

    is_staff = True


def secretariat_of(series):
    """A member of the series' secretariat, who reads its drafts by that grant."""
    return GrantFactory(series=series, role=AccessRole.SECRETARIAT).user


# Directory


class M49AreaFactory(DjangoModelFactory):
    class Meta:
        model = M49Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: "x" + _letters(n, 2).lower())
    level = M49Level.REGION
    names = factory.LazyAttribute(lambda area: {"en": f"Region {area.code}"})


class StateFactory(DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("iso3",)

    iso3 = factory.Sequence(lambda n: "X" + _letters(n, 2))
    iso2 = factory.LazyAttribute(lambda state: state.iso3[1:].lower())
    m49 = factory.LazyAttribute(lambda state: "z" + state.iso3[1:].lower())
    names = factory.LazyAttribute(lambda state: {"en": f"Republic of {state.iso3}"})
    formal_name = factory.LazyAttribute(lambda state: f"the Republic of {state.iso3}")
    status = MembershipStatus.MEMBER
    region = factory.SubFactory(M49AreaFactory)
    sub_region = factory.SubFactory(
        M49AreaFactory, level=M49Level.SUB_REGION, parent=factory.SelfAttribute("..region")
    )
    regional_group = RegionalGroup.ASIA_PACIFIC


class StateGroupFactory(DjangoModelFactory):
    class Meta:
        model = StateGroup
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"group-{n}")
    name = factory.Sequence(lambda n: f"Group of States {n}")
    kind = StateGroupKind.NEGOTIATING_GROUP


class StateGroupMembershipFactory(DjangoModelFactory):
    class Meta:
        model = StateGroupMembership

    group = factory.SubFactory(StateGroupFactory)
    state = factory.SubFactory(StateFactory)


class StateGroupChairFactory(DjangoModelFactory):
    class Meta:
        model = StateGroupChair

    group = factory.SubFactory(StateGroupFactory)
    state = factory.SubFactory(StateFactory)
    starts = datetime.date(2016, 1, 1)
    ends = datetime.date(2016, 12, 31)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    key = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = OrganisationKind.UN_ENTITY


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    key = factory.Sequence(lambda n: f"person-{n}")
    honorific = "Dr."
    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    position = "Director"
    organisation = factory.SubFactory(OrganisationFactory)


class ConveningGroupFactory(DjangoModelFactory):
    class Meta:
        model = ConveningGroup

    key = factory.Sequence(lambda n: f"convening-group-{n}")
    name = factory.Sequence(lambda n: f"Convening Group {n}")
    acronym = factory.Sequence(lambda n: f"CG{n}")


class ConveningGroupChairFactory(DjangoModelFactory):
    class Meta:
        model = ConveningGroupChair

    group = factory.SubFactory(ConveningGroupFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    year = 2016


# Series and meetings


class SeriesFactory(DjangoModelFactory):
    class Meta:
        model = Series

    slug = factory.Sequence(lambda n: f"series-{n}")
    title = factory.Sequence(lambda n: f"Multi-stakeholder meetings {n}")
    status = SeriesStatus.PUBLISHED
    convening_group = factory.SubFactory(ConveningGroupFactory)
    purpose = "To prepare the summit."
    prepared_event = "High-level plenary meeting"
    prepared_event_date = datetime.date(2016, 9, 19)
    timezone = "America/New_York"
    venue = "United Nations Headquarters, New York"


class ConceptNoteSectionFactory(DjangoModelFactory):
    """A section of the series' concept note; pass `meeting` for a meeting's."""

    class Meta:
        model = ConceptNoteSection

    series = factory.LazyAttribute(
        lambda section: section.meeting.series if section.meeting else SeriesFactory()
    )
    meeting = None
    kind = SectionKind.BACKGROUND
    heading = factory.Sequence(lambda n: f"Section {n}")
    body = "Some *background*."
    order = factory.Sequence(int)


class ReferenceDocumentFactory(DjangoModelFactory):
    class Meta:
        model = ReferenceDocument

    series = factory.SubFactory(SeriesFactory)
    symbol = factory.Sequence(lambda n: f"A/70/{n + 1}")
    title = "Report of the Secretary-General"
    sdg_targets = factory.LazyFunction(lambda: ["10.7"])
    order = factory.Sequence(int)


class StateClassificationFactory(DjangoModelFactory):
    class Meta:
        model = StateClassification

    series = factory.SubFactory(SeriesFactory)
    state = factory.SubFactory(StateFactory)
    status = DevelopmentStatus.DEVELOPING


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Meeting on topic {n}")
    status = MeetingStatus.PUBLISHED
    date = datetime.date(2016, 4, 25)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(13, 0)
    venue = "United Nations Headquarters, New York"
    room = "Conference Room 7"
    # Released, as the record of every meeting was before records were reviewed;
    # pass `record_released_at=None` for a record still under review.
    record_released_at = datetime.datetime(2016, 4, 26, 9, 0, tzinfo=datetime.UTC)


class ContentRevisionFactory(DjangoModelFactory):
    class Meta:
        model = ContentRevision

    number = 1


class CoOrganiserFactory(DjangoModelFactory):
    class Meta:
        model = CoOrganiser

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    order = factory.Sequence(int)


class CoChairFactory(DjangoModelFactory):
    class Meta:
        model = CoChair

    meeting = factory.SubFactory(MeetingFactory)
    state = factory.SubFactory(StateFactory)
    person = factory.SubFactory(PersonFactory, honorific="H.E.")
    order = factory.Sequence(int)


class SegmentFactory(DjangoModelFactory):
    class Meta:
        model = Segment

    meeting = factory.SubFactory(MeetingFactory)
    key = factory.Sequence(lambda n: f"segment-{n}")
    kind = SegmentKind.PANEL
    title = factory.Sequence(lambda n: f"Panel {n}")
    order = factory.Sequence(int)


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    segment = factory.SubFactory(SegmentFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProgrammeRole.PANELLIST
    order = factory.Sequence(int)


# Records


class InterventionFactory(DjangoModelFactory):
    """A State taking the floor in its national capacity."""

    class Meta:
        model = Intervention

    segment = factory.SubFactory(SegmentFactory, kind=SegmentKind.INTERACTIVE_DEBATE)
    order = factory.Sequence(int)
    kind = InterventionKind.STATEMENT
    speaker = factory.SubFactory(PersonFactory, honorific="H.E.")
    state = factory.SubFactory(StateFactory)
    capacity = Capacity.NATIONAL
    summary = "Called for more *regular pathways*."


# Roles


class GrantFactory(DjangoModelFactory):
    """A role in a series; pass the narrowing the role needs (organisation, meeting, person…)."""

    class Meta:
        model = Grant

    user = factory.SubFactory(UserFactory)
    series = factory.SubFactory(SeriesFactory)
    role = AccessRole.SECRETARIAT


class AdministratorFactory(UserFactory):
    """The site administrator, who may do everything."""

    is_staff = True
    is_superuser = True
