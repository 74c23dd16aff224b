import getpass
import os
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from convener.audit.actors import command_line_operator
from convener.meetings.models import Series
from convener.roles.domain import grant_role
from convener.roles.models import Role

PASSWORD_VARIABLE = "CONVENER_SECRETARIAT_PASSWORD"  # noqa: S105 - its name, not a password


class Command(BaseCommand):
    help = (
        "Create a secretariat account: of one series (--series, imported first with "
        "`convener import`), or of the whole installation without --series (the site "
        "administrator: every series, creating new ones, and the Django admin). The "
        "password is asked for twice, or read from the first line of --password-file "
        f"(`-` for standard input), or from the {PASSWORD_VARIABLE} environment "
        "variable; never from the command line, where other users of the machine "
        "would see it. An account that exists keeps its password and is given the role."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # `--password` must not pass for `--password-file`, taking a password
        # typed on the command line for the name of a file.
        return super().create_parser(prog_name, subcommand, allow_abbrev=False, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("username", help="the user name to sign in with")
        parser.add_argument("--email", default="", help="e-mail address (password resets)")
        parser.add_argument(
            "--series", metavar="SLUG", help="the series (its address) whose secretariat it is"
        )
        parser.add_argument(
            "--password-file",
            type=Path,
            metavar="FILE",
            help="read the password from the first line of FILE (`-`: standard input)",
        )

    def handle(
        self,
        *args,
        username: str,
        email: str,
        series: str | None,
        password_file: Path | None,
        **options,
    ):
        chosen = Series.objects.filter(slug=series).first() if series else None
        if series and chosen is None:
            raise CommandError(
                f"No series {series}: import it first (convener import FILE), "
                "or leave out --series for a secretariat of the whole installation."
            )
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        with transaction.atomic():
            if user is None:
                user = user_model(username=username, email=email)
                user.set_password(self.password(user, password_file))
                created = True
            else:
                created = False
            if chosen is None:
                user.is_staff = user.is_superuser = True
            user.save()
            if chosen is not None:
                grant_role(
                    user=user, series=chosen, role=Role.SECRETARIAT, by=command_line_operator()
                )
        scope = f"the series {chosen.slug}" if chosen else "the whole installation"
        if created:
            self.stdout.write(f"Created {username}, secretariat of {scope}.")
        else:
            self.stdout.write(
                f"{username} exists (its password is unchanged): now secretariat of {scope}."
            )

    def password(self, user, password_file: Path | None) -> str:
        if password_file is not None:
            password = self.read_password(password_file)
        elif os.environ.get(PASSWORD_VARIABLE):
            password = os.environ[PASSWORD_VARIABLE]
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("The two passwords differ; nothing was created.")
        else:
            raise CommandError(
                f"No password: give --password-file FILE or set {PASSWORD_VARIABLE} "
                "(no terminal to ask on)."
            )
        if not password:
            raise CommandError("The password is empty; nothing was created.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password

    def read_password(self, path: Path) -> str:
        if str(path) == "-":
            return sys.stdin.readline().rstrip("\r\n")
        try:
            with path.open() as source:
                return source.readline().rstrip("\r\n")
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
