"""Every state change in a domain package is made by someone who may make it.

A public function of a `domain` package that writes to the database, or takes
`by`, is a state change: it must be decorated with `@acts(permission, on=...)`
(`convener.audit.actors`), which checks the permission on its object, runs it
in one transaction and writes its audit entries as `by`. Read-only helpers
(validation, wording) may stay undecorated; so may private helpers, which
only acting functions call.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "convener"
WRITES = frozenset(
    {
        "save",
        "create",
        "delete",
        "update",
        "bulk_create",
        "bulk_update",
        "get_or_create",
        "update_or_create",
        "set",
        "add",
        "remove",
        "clear",
    }
)
# Functions that write without being anyone's action, each with its reason.
NOT_ACTIONS: dict[str, str] = {}


def domain_modules() -> list[Path]:
    return sorted(
        path for path in SOURCE.glob("*/domain/*.py") if path.name != "__init__.py"
    ) + sorted(SOURCE.glob("*/domain.py"))


def app_of(path: Path) -> str:
    return path.relative_to(SOURCE).parts[0]


def writes(function: ast.FunctionDef) -> bool:
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITES
        and not _is_plain_container_call(node)
        for node in ast.walk(function)
    )


def _is_plain_container_call(call: ast.Call) -> bool:
    """`seen.add(x)` on a local set is no write: a write's receiver is a model,
    a queryset or a related manager, reached through an attribute or a call."""
    receiver = call.func.value  # type: ignore[attr-defined]
    return (
        call.func.attr in {"add", "update", "set", "remove", "clear"}
        and isinstance(  # type: ignore[attr-defined]
            receiver, ast.Name
        )
        and receiver.id[:1].islower()
        and not receiver.id.endswith(("objects", "links"))
    )


def takes_by(function: ast.FunctionDef) -> bool:
    return any(arg.arg == "by" for arg in function.args.kwonlyargs + function.args.args)


def acts_decorator(function: ast.FunctionDef) -> ast.Call | None:
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Name)
            and decorator.func.id == "acts"
        ):
            return decorator
    return None


def state_changes(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and (writes(node) or takes_by(node))
    ]


def qualified(path: Path, function: ast.FunctionDef) -> str:
    module = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)
    return f"{module}.{function.name}"


APPS = sorted({app_of(path) for path in domain_modules()})


@pytest.mark.parametrize("app", APPS)
def test_every_state_change_checks_its_permission_and_names_its_actor(app: str) -> None:
    unguarded = [
        qualified(path, function)
        for path in domain_modules()
        if app_of(path) == app
        for function in state_changes(path)
        if acts_decorator(function) is None and qualified(path, function) not in NOT_ACTIONS
    ]
    assert unguarded == []


@pytest.mark.parametrize("app", APPS)
def test_every_state_change_takes_its_actor_by_keyword(app: str) -> None:
    without_by = [
        qualified(path, function)
        for path in domain_modules()
        if app_of(path) == app
        for function in state_changes(path)
        if acts_decorator(function) is not None
        and not any(arg.arg == "by" for arg in function.args.kwonlyargs)
    ]
    assert without_by == []


def test_the_check_finds_a_state_change_without_its_decorator(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "def rename(*, meeting, title, by):\n"
        "    meeting.title = title\n"
        "    meeting.save()\n"
        "\n"
        "@acts('meeting.edit', on='meeting')\n"
        "def retitle(*, meeting, title, by):\n"
        "    meeting.save()\n"
        "\n"
        "def wording(meeting):\n"
        "    seen = set()\n"
        "    seen.add(meeting)\n"
        "    return str(meeting)\n"
    )
    found = {function.name: acts_decorator(function) for function in state_changes(module)}
    assert set(found) == {"rename", "retitle"}
    assert found["rename"] is None
    assert found["retitle"] is not None
