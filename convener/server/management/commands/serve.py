from django.core.management.base import BaseCommand

from convener import config
from convener.search.management.startup import meaning_engine
from convener.server.gunicorn import serve, worker_processes


class Command(BaseCommand):
    help = (
        "Run the production server (gunicorn) with the settings of the environment: "
        "CONVENER_BIND, CONVENER_WORKERS, CONVENER_LOG_LEVEL (see docs/deployment.md), "
        "and beside it the background worker that builds document files (`convener "
        "worker`). "
        "Run `convener migrate` and `convener collectstatic` first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=config.get("CONVENER_BIND"), help="address:port (CONVENER_BIND)"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(config.get("CONVENER_WORKERS")),
            help="worker processes (CONVENER_WORKERS)",
        )
        parser.add_argument("--no-access-log", action="store_true", help="do not log each request")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help=(
                "do not start the background worker that builds PDF and Word files: "
                "run `convener worker` separately (on this or another machine)"
            ),
        )

    def handle(
        self, *args, bind: str, workers: int, no_access_log: bool, no_worker: bool, **options
    ):
        processes = worker_processes(workers)
        if processes < workers:
            self.stderr.write(
                f"REDIS_URL is not set: serving with 1 worker instead of {workers}, so that "
                "every live screen receives every update (see docs/deployment.md)."
            )
        plural = "" if processes == 1 else "s"
        self.stdout.write(f"Convener serving on http://{bind}/ with {processes} worker{plural}")
        self.stdout.write(meaning_engine())
        self.stdout.flush()
        serve(
            bind=bind,
            workers=processes,
            log_level=config.get("CONVENER_LOG_LEVEL"),
            access_log=not no_access_log,
            task_worker=not no_worker,
        )
