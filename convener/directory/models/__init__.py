from convener.directory.models.convening import ConveningGroup, ConveningGroupChair
from convener.directory.models.organisations import Organisation, OrganisationKind
from convener.directory.models.people import Gender, Person
from convener.directory.models.states import (
    M49Area,
    M49Level,
    MembershipStatus,
    RegionalGroup,
    State,
    StateGroup,
    StateGroupChair,
    StateGroupKind,
    StateGroupMembership,
)

__all__ = [
    "ConveningGroup",
    "ConveningGroupChair",
    "Gender",
    "M49Area",
    "M49Level",
    "MembershipStatus",
    "Organisation",
    "OrganisationKind",
    "Person",
    "RegionalGroup",
    "State",
    "StateGroup",
    "StateGroupChair",
    "StateGroupKind",
    "StateGroupMembership",
]
