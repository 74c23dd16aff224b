from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from convener.server.demo import DEMO_ACCOUNTS, load_demo
from convener.server.gunicorn import serve, worker_processes


class Command(BaseCommand):
    help = (
        "Create or migrate the database, load or refresh the 2016 GMG demo series and the "
        "demo accounts, then serve Convener and print where to open it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
        parser.add_argument(
            "--load-only", action="store_true", help="prepare the database but do not serve"
        )

    def handle(self, *args, host: str, port: int, load_only: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo()
        self.stdout.write(
            f"Demo series {summary.series.slug} loaded: {summary.meetings} meetings, "
            f"{summary.interventions} interventions. "
            f"Database: {settings.DATABASES['default']['NAME']}"
        )
        if load_only:
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        if host not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS.append("*" if host in {"0.0.0.0", "::"} else host)  # noqa: S104
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Convener is running at http://{shown_host}:{port}/"))
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  sign in as {account.username} / {account.password} — {account.description}"
            )
        self.stdout.write("Press Ctrl+C to stop.")
        self.stdout.flush()
        serve(
            bind=f"{host}:{port}",
            workers=worker_processes(2),
            log_level="warning",
            access_log=False,
        )
