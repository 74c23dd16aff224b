"""The `convener` command: Convener's own commands and every Django management command.

`convener demo`, `convener serve`, `convener worker`, `convener
create-secretariat`, `convener import FILE`, `convener export SERIES`, `convener schema`, `convener
load-reference` and `convener search` are Convener's;
anything else (`convener migrate`, `convener createsuperuser`, `convener
check --deploy`…) goes to Django's management.
"""

from __future__ import annotations

import os
import sys

# Commands whose natural name is not a valid Python module name.
ALIASES = {
    "import": "importseries",
    "load-reference": "loadreference",
    "cli-reference": "clireference",
    "create-secretariat": "createsecretariat",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    argv[0] = "convener"
    from django.core.management import execute_from_command_line

    from convener.config import NoDataFolder

    try:
        execute_from_command_line(argv)
    except NoDataFolder as error:
        # A setting to change, not a bug: the message, without a traceback.
        sys.exit(f"convener: {error}")


if __name__ == "__main__":
    main()
