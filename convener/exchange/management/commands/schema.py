import json

from django.core.management.base import BaseCommand

from convener.exchange.format.schema import json_schema


class Command(BaseCommand):
    help = "Print the JSON Schema of the series data format."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False))
