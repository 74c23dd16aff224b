import pytest

import convener

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_names_the_api_and_its_version(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Convener API"
    assert schema["info"]["version"] == convener.__version__


def test_schema_documents_the_error_shape_for_every_error_of_every_operation(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    content = response["content"]["application/json"]["schema"]
                    shape = "ConflictResponse" if status == "409" else "ErrorResponse"
                    assert content == {"$ref": f"#/components/schemas/{shape}"}, (
                        method,
                        path,
                        status,
                    )


def test_schema_makes_the_token_optional_for_reads_and_required_for_writes(schema):
    assert schema["paths"]["/api/meetings"]["get"]["security"] == [{"BearerToken": []}, {}]
    assert schema["paths"]["/api/meetings/{series}/{number}"]["patch"]["security"] == [
        {"BearerToken": []}
    ]


def test_docs_page_is_browsable(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"/api/openapi.json" in response.content


def test_api_root_leads_to_the_docs(client):
    response = client.get("/api/")

    assert (response.status_code, response["Location"]) == (302, "/api/docs")


def test_schema_documents_if_match_on_every_patch_and_the_conflict_it_may_meet(schema):
    patches = [
        operations["patch"] for operations in schema["paths"].values() if "patch" in operations
    ]

    assert len(patches) == 2
    for operation in patches:
        header = next(p for p in operation["parameters"] if p["in"] == "header")
        assert (header["name"], header["required"]) == ("If-Match", True)
        assert "409" in operation["responses"]
