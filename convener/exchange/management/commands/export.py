from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from pydantic import ValidationError

from convener.exchange.domain.validation import field_name
from convener.exchange.interfaces.formats import export_formats
from convener.meetings.models import Series


class Command(BaseCommand):
    help = (
        "Export a whole series: in the series data format (yaml, json), drafts included, "
        "which `convener import` reads back unchanged; or as the public sees it, as an "
        "iCalendar calendar (ics) or a frab schedule (frab-xml, frab-json); or its "
        "record in open standards, every record included: Akoma Ntoso debates "
        "(akoma-ntoso) or Popolo JSON (popolo)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("series", help="the series' slug, e.g. gmg-2016")
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=list(export_formats()),
            default="yaml",
            help="default: yaml",
        )
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar="FILE",
            help="file to write (default: standard output)",
        )

    def handle(
        self, *args: object, series: str, file_format: str, output: Path | None, **options: object
    ) -> None:
        found = Series.objects.filter(slug=series).first()
        if found is None:
            known = ", ".join(sorted(Series.objects.values_list("slug", flat=True)))
            raise CommandError(
                f'no series "{series}" ' + (f"(the series are: {known})" if known else "(none yet)")
            )
        try:
            content = export_formats()[file_format].write(found)
        except ValidationError as invalid:
            problems = "\n".join(
                f"{field_name(tuple(error['loc']))}: {error['msg']}" for error in invalid.errors()
            )
            raise CommandError(f"{series}: the format cannot hold this data:\n{problems}") from None
        if output is None:
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        output.write_bytes(content)
        self.stderr.write(f"Wrote {output} ({len(content):,} bytes)")
