"""`convener review SERIES`: the planning checks of a series, a line per finding."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.formats import date_format

from convener.meetings.domain.review import Finding, review_series
from convener.meetings.models import Series


class Command(BaseCommand):
    help = (
        "Print the planning checks of a series, one line per finding: series, meeting "
        "number and date, segment, severity (problem or note), check and why; the count "
        "goes to standard error. The checks point things out and enforce nothing: the "
        "command exits 0 whatever it finds."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("series", help="the series' slug, e.g. gmg-2016")

    def handle(self, *args: object, series: str, **options: object) -> None:
        found = Series.objects.filter(slug=series).first()
        if found is None:
            known = ", ".join(sorted(Series.objects.values_list("slug", flat=True)))
            raise CommandError(
                f'no series "{series}" ' + (f"(the series are: {known})" if known else "(none yet)")
            )
        findings = review_series(found)
        for finding in findings:
            self.stdout.write(line(found, finding))
        problems = sum(finding.is_problem for finding in findings)
        notes = len(findings) - problems
        self.stderr.write(f"{found.slug}: {counted(problems, 'problem')}, {counted(notes, 'note')}")


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def line(series: Series, finding: Finding) -> str:
    """`gmg-2016 #4 2016-07-20 | Next steps… | problem | all-male-panel | All 3 speakers…`"""
    meeting = finding.meeting
    when = date_format(meeting.date, "Y-m-d") if meeting.date else "TBC"
    segment = finding.segment.heading if finding.segment else "—"
    return " | ".join(
        [
            f"{series.slug} #{meeting.number} {when}",
            segment,
            finding.severity,
            finding.check,
            finding.message,
        ]
    )
