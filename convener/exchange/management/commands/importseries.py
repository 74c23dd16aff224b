from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.interfaces.source import SourceSyntaxError


class Command(BaseCommand):
    help = (
        "Import a whole series from a YAML or JSON file (see docs/data-format.md). "
        "Everything is checked first and written in one transaction: on any error "
        "nothing changes and each problem is printed as FILE:LINE: FIELD: MESSAGE."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the series file (.yaml, .yml or .json)")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        if not reference_data_loaded():
            load_reference_data()
        try:
            summary = import_file(path=file)
        except (SeriesDataError, SourceSyntaxError) as error:
            self.stderr.write(str(error))
            raise CommandError(f"{file.name}: not imported; the database is unchanged.") from None
        self.stdout.write(
            f"Imported series {summary.series.slug}: {summary.meetings} meetings, "
            f"{summary.segments} programme segments, {summary.interventions} interventions."
        )
