from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from convener import config
from convener.server.demo import (
    DEMO_ACCOUNTS,
    DemoState,
    address,
    is_loopback,
    prepare_demo,
    production_reason,
    random_passwords,
)
from convener.server.gunicorn import serve, worker_processes


class Command(BaseCommand):
    help = (
        "Create or migrate the database, load the 2016 GMG demo series and the demo "
        "accounts (once: a demo series already there is kept as visitors left it, until "
        "--reset), then serve Convener, with the background worker that builds PDF and "
        "Word files, and print where to open it. The demo refuses to "
        "run against a production installation: when DATABASE_URL names a database "
        "server (anything but sqlite:), or when SECRET_KEY is set and CONVENER_DEBUG is "
        "off. It listens on this machine only (127.0.0.1, ::1, localhost) unless "
        "--allow-public is given; then it warns, refuses CONVENER_DEBUG, and gives "
        "every demo account a fresh random password, printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on")
        parser.add_argument(
            "--load-only", action="store_true", help="prepare the database but do not serve"
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "remove the demo series as it is (visitors' edits, live floor, roles) and "
                "load it again from its file, with the accounts' passwords"
            ),
        )
        parser.add_argument(
            "--allow-public",
            action="store_true",
            help=(
                "listen on an address other machines reach (--host 0.0.0.0): anyone who "
                "reaches it may sign in with the printed accounts"
            ),
        )

    def handle(
        self,
        *args,
        host: str,
        port: int,
        load_only: bool,
        reset: bool,
        allow_public: bool,
        **options,
    ):
        public = self.check_safe(host=host, allow_public=allow_public, load_only=load_only)
        call_command("migrate", interactive=False, verbosity=0)
        state = prepare_demo(reset=reset, passwords=random_passwords() if public else None)
        self.report_loaded(state)
        if load_only:
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        if host not in settings.ALLOWED_HOSTS:
            every_address = host in {"0.0.0.0", "::"}  # noqa: S104
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "*" if every_address else host]
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Convener is running at http://{address(shown_host, port)}/")
        )
        self.report_accounts(state)
        self.stdout.write("Press Ctrl+C to stop.")
        self.stdout.flush()
        serve(
            bind=address(host, port),
            workers=worker_processes(2),
            log_level="warning",
            access_log=False,
        )

    def check_safe(self, *, host: str, allow_public: bool, load_only: bool) -> bool:
        """Refuse what would expose a production database or well-known passwords;
        whether the demo is to be reachable from other machines."""
        reason = production_reason()
        if reason:
            raise CommandError(f"The demo does not run on a production installation: {reason}.")
        if load_only or is_loopback(host):
            return False
        if not allow_public:
            raise CommandError(
                f"--host {host} lets other machines reach the demo, whose accounts anyone "
                "may sign in with: listen on 127.0.0.1, or add --allow-public to do it "
                "on purpose."
            )
        if config.get_bool("CONVENER_DEBUG"):
            raise CommandError(
                "CONVENER_DEBUG is on: the debug pages would show settings and code to "
                "anyone who reaches the demo. Turn it off to serve the demo publicly."
            )
        self.stderr.write(
            self.style.WARNING(
                f"Warning: the demo listens on {host}: anyone who reaches this machine "
                "may sign in with the accounts below. Their passwords are new and "
                "printed only now."
            )
        )
        return True

    def report_loaded(self, state: DemoState) -> None:
        database = settings.DATABASES["default"]["NAME"]
        if state.removed:
            self.stdout.write(f"Reset: removed the demo series {state.removed}.")
        if state.loaded is None:
            self.stdout.write(
                f"Demo series {state.series.slug} kept as it was "
                f"(convener demo --reset loads it again from its file). Database: {database}"
            )
            return
        self.stdout.write(
            f"Demo series {state.series.slug} loaded: {state.loaded.meetings} meetings, "
            f"{state.loaded.interventions} interventions. Database: {database}"
        )
        versions = state.series.document_versions.filter(document="concept-note", meeting_number=0)
        if versions.count() > 1:
            history = reverse(
                "public:series_document_versions", args=[state.series.slug, "concept-note"]
            )
            self.stdout.write(
                f"Its concept note keeps {versions.count()} versions, from first publication "
                f"to the report: {history}"
            )

    def report_accounts(self, state: DemoState) -> None:
        for account in DEMO_ACCOUNTS:
            password = state.passwords.get(account.username, account.password)
            self.stdout.write(
                f"  sign in as {account.username} / {password} — {account.description}"
            )
        if not state.passwords:
            self.stdout.write(
                "  (the passwords the demo set when it loaded; if they were changed since, "
                "convener demo --reset sets them again)"
            )
