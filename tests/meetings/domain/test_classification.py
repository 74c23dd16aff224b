"""Setting a series' co-chair rule and its classification of States."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditEntry
from convener.meetings.domain.classification import set_classification
from convener.meetings.models import CoChairBalance, DevelopmentStatus
from tests.factories import (
    SeriesFactory,
    StateClassificationFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

DEVELOPED, DEVELOPING = DevelopmentStatus.DEVELOPED, DevelopmentStatus.DEVELOPING
BALANCED = CoChairBalance.DEVELOPING_AND_DEVELOPED


def statuses_of(series):
    return dict(series.classifications.values_list("state__iso3", "status"))


def classify(series, statuses, *, balance=CoChairBalance.NONE, rule="", by=None):
    return set_classification(
        series=series,
        co_chair_balance=balance,
        rule=rule,
        statuses=statuses,
        by=by or secretariat_of(series),
    )


def test_set_classification_classifies_reclassifies_and_unclassifies():
    north, south, west = StateFactory(), StateFactory(), StateFactory()
    series = SeriesFactory()
    StateClassificationFactory(series=series, state=north, status=DEVELOPING)
    StateClassificationFactory(series=series, state=west, status=DEVELOPED)

    classify(series, {north.iso3: DEVELOPED, south.iso3: DEVELOPING, west.iso3: ""})

    assert statuses_of(series) == {north.iso3: DEVELOPED, south.iso3: DEVELOPING}


def test_set_classification_keeps_the_states_it_is_not_given():
    kept = StateClassificationFactory(status=DEVELOPED)

    classify(kept.series, {StateFactory().iso3: DEVELOPING})

    assert statuses_of(kept.series)[kept.state.iso3] == DEVELOPED


def test_set_classification_saves_the_balance_and_the_rule_in_words():
    series = SeriesFactory()

    classify(
        series,
        {StateFactory().iso3: DEVELOPED, StateFactory().iso3: DEVELOPING},
        balance=BALANCED,
        rule="One of each",
    )

    series.refresh_from_db()
    assert (series.co_chair_balance, series.classification_rule) == (BALANCED, "One of each")


def test_set_classification_writes_one_audit_entry_with_every_change():
    state = StateFactory()
    series = SeriesFactory()
    before = AuditEntry.objects.count()

    classify(series, {state.iso3: DEVELOPED}, rule="Words")

    [entry] = AuditEntry.objects.order_by("pk")[before:]
    assert entry.series == series
    assert entry.changes == {
        "classification_rule": ["", "Words"],
        f"states.{state.iso3}": ["", DEVELOPED],
    }


def test_set_classification_that_changes_nothing_writes_nothing():
    kept = StateClassificationFactory(status=DEVELOPED)
    before = AuditEntry.objects.count()

    classify(kept.series, {kept.state.iso3: DEVELOPED})

    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"balance": "alternate"}, "co_chair_balance"),
        ({"rule": "x" * 301}, "classification_rule"),
        ({"statuses": {"QQQ": DEVELOPED}}, "statuses"),
        ({"statuses": {"NOR": "emerging"}}, "statuses"),
        ({"balance": BALANCED, "statuses": {"NOR": DEVELOPED}}, "co_chair_balance"),
    ],
)
def test_set_classification_refuses_bad_values_and_saves_nothing(arguments, field):
    series = SeriesFactory(classification_rule="Before")
    StateFactory(iso3="NOR")
    statuses = arguments.pop("statuses", {})

    with pytest.raises(ValidationError) as refused:
        classify(series, statuses, **{"rule": "After", **arguments})

    assert field in refused.value.message_dict
    series.refresh_from_db()
    assert (series.classification_rule, statuses_of(series)) == ("Before", {})


def test_the_secretariat_of_another_series_classifies_nothing_here():
    series = SeriesFactory(classification_rule="Before")
    state = StateFactory()

    with pytest.raises(PermissionDenied):
        classify(series, {state.iso3: DEVELOPED}, rule="After", by=secretariat_of(SeriesFactory()))

    series.refresh_from_db()
    assert (series.classification_rule, statuses_of(series)) == ("Before", {})
