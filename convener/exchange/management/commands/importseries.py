from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from convener.audit.actors import command_line_operator
from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.exchange.format.source import MAX_FILE_BYTES, SourceSyntaxError


class Command(BaseCommand):
    help = (
        "Import a whole series from a YAML or JSON file (see docs/data-format.md), "
        "creating or migrating the database first. Everything is checked first and "
        "written in one transaction: on any error nothing changes and each problem is "
        "printed as FILE:LINE: FIELD: MESSAGE. A series already in the database is "
        "updated in place: what the file does not describe (meetings, segments and "
        "interventions added on the screens or the live floor, roles, invitations) is "
        "kept. The import prints what it created, changed and kept. Files are at most "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the series file (.yaml, .yml or .json)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and print what the import would do, writing nothing",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=(
                "also remove the series' meetings, segments, participants, interventions, "
                "co-chairs, co-organisers, references and sections the file does not list "
                "(with the live floor, roles and invitations of a removed meeting), "
                "listing each first; never directory entries"
            ),
        )

    def handle(self, *args, file: Path, dry_run: bool, replace: bool, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        call_command("migrate", interactive=False, verbosity=0)
        if not reference_data_loaded():
            load_reference_data()
        try:
            summary = import_file(
                path=file, by=command_line_operator(), replace=replace, dry_run=dry_run
            )
        except (SeriesDataError, SourceSyntaxError) as error:
            self.stderr.write(str(error))
            raise CommandError(f"{file.name}: not imported; the database is unchanged.") from None
        for line in summary.lines():
            self.stdout.write(line)
