"""`records.domain.interventions`, tested here until the API's tests and the
owning app's are sorted into one tree."""

import pytest
from django.core.exceptions import ValidationError

from convener.records.domain.interventions import record_intervention, update_intervention
from convener.records.models import Capacity
from tests.factories import (
    InterventionFactory,
    SegmentFactory,
    StaffFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def test_record_intervention_appends_to_the_segment():
    segment = SegmentFactory()
    InterventionFactory(segment=segment, order=2)

    intervention = record_intervention(segment=segment, state=StateFactory(), by=StaffFactory())

    assert intervention.order == 3


def test_record_intervention_starts_an_empty_segment_at_zero():
    intervention = record_intervention(
        segment=SegmentFactory(), state=StateFactory(), by=StaffFactory()
    )

    assert intervention.order == 0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "__all__"),
        ({"state": True, "capacity": Capacity.GROUP}, "state_group"),
        ({"state": True, "capacity": Capacity.OFFICE}, "office"),
        ({"state": True, "capacity": "mystery"}, "capacity"),
        ({"state": True, "points": [1, 2]}, "points"),
    ],
)
def test_record_intervention_keeps_the_rules(fields, field):
    if fields.get("state"):
        fields["state"] = StateFactory()

    with pytest.raises(ValidationError) as raised:
        record_intervention(segment=SegmentFactory(), **fields, by=StaffFactory())

    assert list(raised.value.message_dict) == [field]


def test_update_intervention_keeps_it_in_its_meeting():
    intervention = InterventionFactory()

    with pytest.raises(ValidationError) as raised:
        update_intervention(
            intervention=intervention, changes={"segment": SegmentFactory()}, by=StaffFactory()
        )

    assert list(raised.value.message_dict) == ["segment"]
