from django.core.management import call_command
from django.core.management.base import BaseCommand

from convener.audit.actors import command_line_operator
from convener.publishing.domain.builds import delete_outdated_builds, restart_abandoned_builds

# Days the queue keeps the record of a finished task (the build itself keeps its file).
KEEP_FINISHED_TASKS_DAYS = 1


class Command(BaseCommand):
    help = (
        "Run the background worker, which builds the PDF and Word files that readers "
        "ask for (Django's tasks API, queued in the database). `convener serve` and "
        "`convener demo` start one beside the web server; run it yourself when the web "
        "server runs without one (--no-worker). On start it queues again the builds left "
        "running by a worker of this machine that died, deletes the files of earlier "
        "versions of the documents, and forgets the queue's tasks finished over a day ago. "
        "Stops after the file it is building on SIGTERM or Ctrl+C."
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
        deleted = delete_outdated_builds(by=command_line_operator())
        if deleted:
            self.stdout.write(f"Deleted {deleted} file(s) of earlier versions of the documents.")
        call_command(
            "prune_db_task_results",
            "--min-age-days",
            str(KEEP_FINISHED_TASKS_DAYS),
            verbosity=options["verbosity"],
        )
        call_command(
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            str(interval),
            verbosity=options["verbosity"],
        )
