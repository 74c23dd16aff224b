from django.core.management.base import BaseCommand

from convener.server.cli_reference import reference


class Command(BaseCommand):
    help = "Print the command-line reference (docs/cli.md) generated from the commands' help."

    def handle(self, *args, **options):
        self.stdout.write(reference(), ending="")
