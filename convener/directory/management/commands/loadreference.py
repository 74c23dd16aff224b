from django.core.management.base import BaseCommand

from convener.directory.domain.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Create or update the reference data: the 193 Member States and 2 observer "
        "States, M49 areas, regional groups and groups of States (G77, SIDS, LDC, LLDC, EU)."
    )

    def handle(self, *args, **options):
        counts = load_reference_data()
        self.stdout.write(
            f"{counts['states']} States, {counts['areas']} M49 areas and "
            f"{counts['groups']} groups of States loaded."
        )
