"""docs/api.md keeps up with the API: every operation and every filter is in it."""

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"

pytestmark = pytest.mark.django_db


def operations(client):
    schema = client.get("/api/openapi.json").json()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def test_every_operation_is_documented(client):
    text = DOCS.read_text()

    missing = [
        f"{method} {path}"
        for method, path, _ in operations(client)
        if f"`{method} {path}`" not in text
    ]

    assert not missing


def test_every_query_parameter_is_documented(client):
    text = DOCS.read_text()

    missing = {
        parameter["name"]
        for _, _, operation in operations(client)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and f"`{parameter['name']}`" not in text
    }

    assert not missing
