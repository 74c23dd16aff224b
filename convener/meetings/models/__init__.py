from convener.meetings.models.meetings import (
    CoChair,
    CoOrganiser,
    Meeting,
    MeetingFormat,
    OptionalFact,
    Postponement,
    PresidingRole,
)
from convener.meetings.models.programme import Participation, ProgrammeRole, Segment, SegmentKind
from convener.meetings.models.revision import ContentRevision
from convener.meetings.models.series import (
    CoChairBalance,
    ConceptNoteSection,
    DevelopmentStatus,
    ReferenceDocument,
    SectionKind,
    Series,
    SeriesStatus,
    StateClassification,
)
from convener.meetings.models.status import MeetingStatus

__all__ = [
    "CoChair",
    "CoChairBalance",
    "CoOrganiser",
    "ConceptNoteSection",
    "ContentRevision",
    "DevelopmentStatus",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "OptionalFact",
    "Participation",
    "Postponement",
    "PresidingRole",
    "ProgrammeRole",
    "ReferenceDocument",
    "SectionKind",
    "Segment",
    "SegmentKind",
    "Series",
    "SeriesStatus",
    "StateClassification",
]
