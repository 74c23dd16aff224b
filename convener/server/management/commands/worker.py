from django.core.management import call_command
from django.core.management.base import BaseCommand

from convener.publishing.domain.builds import restart_abandoned_builds


class Command(BaseCommand):
    help = (
        "Run the background worker, which builds the PDF and Word files that readers "
        "ask for (Django's tasks API, queued in the database). `convener serve` and "
        "`convener demo` start one beside the web server; run it yourself when the web "
        "server runs without one (--no-worker). On start it queues again the builds left "
        "running by a worker of this machine that died. Stops after the file it is "
        "building on SIGTERM or Ctrl+C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="seconds between two looks at an empty queue (default 1)",
        )

    def handle(self, *args, interval: float, **options):
        restarted = restart_abandoned_builds()
        if restarted:
            self.stdout.write(f"Queued again {restarted} build(s) left by a stopped worker.")
        call_command(
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            str(interval),
            verbosity=options["verbosity"],
        )
