"""The command-line reference (`docs/cli.md`), generated from the commands' own help.

`convener cli-reference > docs/cli.md` rewrites it; a test fails when the file
and the commands disagree.
"""

from __future__ import annotations

import os

from django.core.management import load_command_class

from convener.cli import ALIASES

# Convener's own commands, by the name users type, and the app that holds each.
COMMANDS = {
    "demo": "convener.server",
    "serve": "convener.server",
    "worker": "convener.server",
    "create-secretariat": "convener.server",
    "import": "convener.exchange",
    "export": "convener.exchange",
    "build": "convener.publishing",
    "schema": "convener.exchange",
    "review": "convener.meetings",
    "load-reference": "convener.directory",
    "search": "convener.search",
}

INTRODUCTION = """\
# Command-line reference

`convener` runs Convener's own commands, listed here, and every Django
management command (`convener migrate`, `convener createsuperuser`,
`convener check --deploy`, `convener collectstatic`…; `convener help` lists
them all). This page is generated from the commands' `--help`:
`convener cli-reference > docs/cli.md`.
"""


def command_help(name: str) -> str:
    command = load_command_class(COMMANDS[name], ALIASES.get(name, name))
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"  # argparse wraps to the terminal: fix the width
    try:
        parser = command.create_parser("convener", name)
        return parser.format_help()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous


def reference() -> str:
    parts = [INTRODUCTION]
    for name in COMMANDS:
        parts.append(f"\n## convener {name}\n\n```\n{command_help(name).rstrip()}\n```\n")
    return "".join(parts)
