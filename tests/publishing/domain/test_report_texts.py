import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.prose.editing import EditConflictError, text_digest
from convener.publishing.domain.report_texts import save_report_text
from convener.publishing.models import ReportText, ReportTextKind
from tests.factories import AdministratorFactory, SeriesFactory, UserFactory

pytestmark = pytest.mark.django_db
NOTHING_STORED = text_digest("")


def test_save_report_text_stores_the_first_text_of_a_part():
    series = SeriesFactory()

    save_report_text(
        series=series,
        kind=ReportTextKind.INTRODUCTION,
        body="The series prepared the summit.",
        by=AdministratorFactory(),
        started_from=NOTHING_STORED,
    )

    assert ReportText.objects.get(series=series).body == "The series prepared the summit."


def test_save_report_text_replaces_the_stored_text():
    text = ReportText.objects.create(series=SeriesFactory(), kind="introduction", body="Old.")

    save_report_text(
        series=text.series,
        kind="introduction",
        body="New.",
        by=AdministratorFactory(),
        started_from=text_digest("Old."),
    )

    text.refresh_from_db()
    assert text.body == "New."


def test_save_report_text_with_an_empty_text_goes_back_to_the_generated_one():
    text = ReportText.objects.create(series=SeriesFactory(), kind="acknowledgements", body="Ours.")

    saved = save_report_text(
        series=text.series,
        kind="acknowledgements",
        body="  \n",
        by=AdministratorFactory(),
        started_from=text_digest("Ours."),
    )

    assert saved is None
    assert not ReportText.objects.filter(pk=text.pk).exists()


def test_save_report_text_refuses_a_first_text_when_someone_stored_one_meanwhile():
    text = ReportText.objects.create(series=SeriesFactory(), kind="introduction", body="Theirs.")

    with pytest.raises(EditConflictError) as raised:
        save_report_text(
            series=text.series,
            kind="introduction",
            body="Mine.",
            by=AdministratorFactory(),
            started_from=NOTHING_STORED,
        )

    assert raised.value.stored == "Theirs."
    text.refresh_from_db()
    assert text.body == "Theirs."


def test_save_report_text_knows_only_the_parts_of_the_report():
    with pytest.raises(ValidationError) as raised:
        save_report_text(
            series=SeriesFactory(), kind="preface", body="Text.", by=AdministratorFactory()
        )

    assert list(raised.value.message_dict) == ["kind"]


def test_save_report_text_by_someone_who_does_not_write_the_report_is_refused():
    series = SeriesFactory()

    with pytest.raises(PermissionDenied):
        save_report_text(series=series, kind="introduction", body="Mine.", by=UserFactory())

    assert not ReportText.objects.exists()
